/**
 * Whole, consistent, table-heavy reports through the full pipeline (test/fixtures/clean-tables): a 项目支出
 * 绩效自评表 (merged cells, and again with blank continuation cells and a header repeated after a page
 * break), a 转移支付 区域绩效自评报告 whose counties add up to the region, and a 部门整体 self-evaluation
 * with a 满意度问卷调查报告. Each gives no error and only the warnings of its allow-list (each entry says why
 * the assumption it rests on is honest); then realistic defects injected into copies are each found.
 */
import assert from "node:assert/strict";
import { type DocSpec, makeDoc } from "../../src/testing/doc-spec.ts";
import { auditDocument } from "../../src/audit.ts";
import type { Document } from "../../src/model/document.ts";
import type { Severity } from "../../src/model/finding.ts";
import {
  projectMeta,
  projectSelfEvalBlank,
  projectSelfEvalMerged,
} from "../fixtures/clean-tables/project-self-eval.ts";
import { transferMeta, transferRegionReport } from "../fixtures/clean-tables/transfer-region.ts";
import { departmentMeta, departmentReport } from "../fixtures/clean-tables/department-survey.ts";
import { editCell, editText } from "../fixtures/clean-tables/edit.ts";
import { toDocx } from "../fixtures/clean-tables/to-docx.ts";
import { readDocument } from "../../src/ingest/index.ts";

type Meta = Partial<Document["meta"]>;

interface Clean {
  name: string;
  doc: DocSpec[];
  meta: Meta;
  /** "rule:messageId" → why the assumption behind the warning is honestly open on this document. */
  allowed: Record<string, string>;
}

const CLEAN: Clean[] = [
  // Every figure of these documents is settled by the document itself: no warning is honest.
  { name: "项目支出绩效自评表（合并单元格）", doc: projectSelfEvalMerged(), meta: projectMeta, allowed: {} },
  {
    name: "项目支出绩效自评表（空白续行、跨页重复表头）",
    doc: projectSelfEvalBlank(),
    meta: projectMeta,
    allowed: {},
  },
  { name: "转移支付区域绩效自评报告", doc: transferRegionReport(), meta: transferMeta, allowed: {} },
  {
    name: "部门整体自评报告及满意度问卷调查报告",
    doc: departmentReport(),
    meta: departmentMeta,
    allowed: {},
  },
];

const audit = (doc: DocSpec[], meta: Meta) => auditDocument(makeDoc(doc, meta)).findings;
const show = (fs: ReturnType<typeof audit>) =>
  fs.map((f) => `${f.severity} ${f.rule}:${f.messageId} ${f.message}`).join("\n");

/** The same document written as a .docx and read back by a reader (meta from the text, table shape …). */
async function auditDocx(doc: DocSpec[], reader: "ooxml" | "mammoth" = "ooxml") {
  return auditDocument(await readDocument(await toDocx(doc), { file: "自评报告.docx", reader })).findings;
}

function assertClean(c: Clean, findings: ReturnType<typeof audit>) {
  const errors = findings.filter((f) => f.severity === "error");
  assert.deepEqual(errors, [], show(errors));
  const unexpected = findings.filter((f) =>
    f.severity === "warning" && !(`${f.rule}:${f.messageId}` in c.allowed)
  );
  assert.deepEqual(unexpected, [], show(unexpected));
}

for (const c of CLEAN) {
  for (const reader of ["ooxml", "mammoth"] as const) {
    Deno.test(`clean tables (.docx, ${reader}): ${c.name} gives no error and only allowed warnings`, async () => {
      assertClean(c, await auditDocx(c.doc, reader));
    });
  }
  Deno.test(`clean tables: ${c.name} gives no error and only allowed warnings`, () => {
    const findings = audit(c.doc, c.meta);
    const errors = findings.filter((f) => f.severity === "error");
    assert.deepEqual(errors, [], show(errors));
    const unexpected = findings.filter((f) =>
      f.severity === "warning" && !(`${f.rule}:${f.messageId}` in c.allowed)
    );
    assert.deepEqual(unexpected, [], show(unexpected));
  });
}

interface Defect {
  name: string;
  doc: DocSpec[];
  meta: Meta;
  /** The finding expected, "rule:messageId", and its severity. */
  finding: string;
  severity: Severity;
}

const DEFECTS: Defect[] = [];
for (
  const [layout, d] of [["合并", projectSelfEvalMerged()], ["空白续行", projectSelfEvalBlank()]] as const
) {
  const p = (name: string, doc: DocSpec[], finding: string, severity: Severity) =>
    DEFECTS.push({ name: `自评表（${layout}）：${name}`, doc, meta: projectMeta, finding, severity });
  p("年度资金总额执行率算错", editCell(d, "年度资金总额", 7, "96.70%"), "score-rule:execution-rate", "error");
  p("其他资金执行率算错", editCell(d, "其他资金", 7, "92.68%"), "score-rule:execution-rate", "error");
  p(
    "其中各行执行数之和超过年度资金总额",
    editCell(editCell(d, "其他资金", 5, "47.34"), "其他资金", 7, "94.68%"),
    "sum-mismatch:mismatch",
    "error",
  );
  p(
    "预算执行得分与分值×执行率不符",
    editCell(editCell(d, "年度资金总额", 8, "9.75"), "总分", 7, "98.39"),
    "score-rule:budget-score",
    "warning",
  );
  p("得分超过分值", editCell(d, "工程验收合格率", 7, "9"), "score-exceeds-weight:table", "error");
  p("各项得分之和与总分不符", editCell(d, "总分", 7, "98.51"), "score-total:scores-vs-total", "error");
  p(
    "未完成目标却得满分",
    editCell(editCell(d, "工程按期完工率", 7, "6"), "总分", 7, "98.65"),
    "score-rule:target-missed-full-marks",
    "warning",
  );
  p(
    "未完成目标而偏差原因为空",
    editCell(d, "工程按期完工率", 8, ""),
    "score-rule:deviation-reason-missing",
    "info",
  );
}

const T = transferRegionReport();
const t = (name: string, doc: DocSpec[], finding: string, severity: Severity) =>
  DEFECTS.push({ name: `区域自评：${name}`, doc, meta: transferMeta, finding, severity });
t("一个县的中央资金与全市合计不符", editCell(T, "梅岗县", 1, "1950.00"), "sum-mismatch:mismatch", "error");
t("一个县的完成面积与全市合计不符", editCell(T, "柳溪区", 7, "2.38"), "sum-mismatch:mismatch", "error");
t(
  "中央补助执行率算错（下达数/执行数）",
  editCell(T, "其中：中央补助", 7, "96.77%"),
  "score-rule:execution-rate",
  "error",
);
t(
  "正文一个县的执行率算错",
  editText(T, "执行1896.40万元，执行率94.82%", "执行1896.40万元，执行率95.82%"),
  "percentage-arithmetic:mismatch",
  "warning",
);
t("自评得分合计与各指标不符", editCell(T, "合计", 6, "99.83", 1), "score-total:scores-vs-total", "error");
t(
  "未完成目标却得满分",
  editCell(editCell(T, "新增受益农户", 6, "10"), "合计", 6, "100", 1),
  "score-rule:target-missed-full-marks",
  "warning",
);

const D = departmentReport();
const d = (name: string, doc: DocSpec[], finding: string, severity: Severity) =>
  DEFECTS.push({ name: `部门整体：${name}`, doc, meta: departmentMeta, finding, severity });
d(
  "选项占比与份数不符",
  editCell(D, "工作人员服务态度", 3, "55.63%"),
  "questionnaire-tally:answer-share",
  "warning",
);
d(
  "一题各选项份数超过有效问卷",
  editCell(D, "业务办理时限", 2, "188"),
  "questionnaire-tally:answers-vs-valid",
  "warning",
);
d("问卷表合计行与各题不符", editCell(D, "合计", 2, "897", 1), "sum-mismatch:mismatch", "error");
d(
  "有效问卷多于回收问卷",
  editText(D, "有效问卷380份", "有效问卷390份"),
  "questionnaire-tally:stated-counts",
  "error",
);
d(
  "回收率与发放、回收份数不符",
  editText(D, "回收率96.50%", "回收率95.60%"),
  "percentage-arithmetic:mismatch",
  "warning",
);
d("小计与所属指标得分之和不符", editCell(D, "小计", 7, "24.95", 1), "score-total:subtotal-scores", "error");
d(
  "得分与评分标准不符（≥95%得满分，每降低1%扣0.5分）",
  editCell(editCell(editCell(D, "监督抽检覆盖率", 7, "10"), "小计", 7, "34.7", 2), "合计", 7, "96.85"),
  "score-rule:score-vs-rule",
  "error",
);
d(
  "得分与评分标准不符（≥90%得满分，每降低1%扣0.5分）",
  editCell(editCell(editCell(D, "重点支出安排率", 7, "4.5"), "小计", 7, "14.5"), "合计", 7, "96.85"),
  "score-rule:score-vs-rule",
  "error",
);

for (const c of DEFECTS) {
  const check = (findings: ReturnType<typeof audit>) => {
    const hit = findings.find((f) => `${f.rule}:${f.messageId}` === c.finding);
    assert.ok(hit, `expected ${c.finding}, got:\n${show(findings)}`);
    assert.equal(hit.severity, c.severity, hit.message);
  };
  Deno.test(`clean tables defect: ${c.name}`, () => check(audit(c.doc, c.meta)));
  Deno.test(`clean tables defect (.docx): ${c.name}`, async () => check(await auditDocx(c.doc)));
}
