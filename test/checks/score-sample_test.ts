import { checkContext } from "../../src/testing/context.ts";
/**
 * The four score/questionnaire checks on the sample report. Expectations come from reading the .txt dump
 * (附件3 indicator table, 附件4 questionnaire, (二)具体绩效分析), with the arithmetic done by hand.
 */
import assert from "node:assert/strict";
import { readDocument } from "../../src/ingest/index.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import type { Document } from "../../src/model/document.ts";
import type { Extraction } from "../../src/model/figure.ts";
import { scoreExceedsWeight } from "../../checks/rules/score-exceeds-weight.ts";
import { scoreGrade } from "../../checks/rules/score-grade.ts";
import { questionnaireTally } from "../../checks/rules/questionnaire-tally.ts";
import { checkScoreSums, claim } from "./score-fixtures.ts";
import { extract } from "../../src/extract/index.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
const NONE: Extraction = { figures: [], relations: [] };

let cached: Document | undefined;
async function sample(): Promise<Document> {
  cached ??= await readDocument(await Deno.readFile(SAMPLE), { file: "sample.docx" });
  return cached;
}

Deno.test("sample: score-weight-tree finds the indicator table's weights that do not add up", async () => {
  const doc = await sample();
  const fs = checkScoreSums(doc, NONE);
  const byKind = (k: string) => fs.filter((f) => f.messageId === k);
  // B1预算管理（7分） has only B11, B13, B14 at 1 point each (no B12): 3 ≠ 7.
  // C2部门效果（21分）: C22C104 5 + C23 5 + C25 10 = 20 ≠ 21.
  // C1部门产出 is labelled（2分）once and（18分）twice; its rows C101 2, C103 6, C104 6, C105 3, C116 1, C213 5 = 23.
  const children = byKind("children-vs-parent").map((f) => [f.details.indicator, f.details.computed]);
  assert.deepEqual(children, [["预算管理", 3], ["部门产出", 23], ["部门效果", 20]]);
  assert.deepEqual(byKind("declared-weights-differ").map((f) => f.details.weights), [[2, 18]]);
  // C22C104…（6分）（5分） with 分值 5, and C25…（5分） with 分值 10.
  assert.deepEqual(byKind("label-vs-column").map((f) => [f.details.labelWeights, f.details.column]), [
    [[6, 5], 5],
    [[5], 10],
  ]);
  // The weight column adds up to 100 and the scores to 96, as the total row states: no total finding.
  assert.equal(fs.filter((f) => String(f.messageId).includes("total")).length, 0);
  for (const f of fs) for (const e of f.evidence) assert.ok(e.table, "table evidence");
});

Deno.test("sample: score-text-sum on the narrative 部门职能 paragraph (得1+4+3+1 = 9, stated 实际得分8分)", async () => {
  const doc = await sample();
  const i = doc.blocks.findIndex((b) =>
    b.kind !== "table" && b.text.includes("部门职能总评价分10分，实际得分8分")
  );
  assert.ok(i >= 0);
  const rel = [
    claim(doc, i, "职能描述明确，设定依据充分，得1分", "职能设定", "1分"),
    claim(doc, i, "均在“三定”方案明确的范围内，得4分", "年度工作目标", "4分"),
    claim(doc, i, "部门年度各类具体工作与部门职能相匹配，得3分", "具体工作", "3分"),
    claim(doc, i, "制定了具体科室岗位职责，得1分", "科室岗位职责", "1分"),
    claim(doc, i, "部门职能总评价分10分，实际得分8分", "部门职能", "8分", "10分"),
  ];
  const fs = checkScoreSums(doc, { figures: [], relations: rel });
  const items = fs.filter((f) => f.messageId === "items-vs-subtotal");
  assert.equal(items.length, 1);
  assert.equal(items[0].severity, undefined); // 9 > 8: no omission explains it
  assert.equal(items[0].details.computed, 9);
  // The table's A2部门职能 scores 1 + 4 + 3 + 1 = 9 as well: the text's 8 disagrees (name match: warning).
  const vsTable = fs.filter((f) => f.messageId === "text-vs-table");
  assert.equal(vsTable.length, 1);
  assert.equal(vsTable[0].severity, "warning");
  assert.equal(vsTable[0].details.tableScore, 9);
});

Deno.test("sample: score-exceeds-weight flags C25 (score 10 above its label's 5分) as a warning only", async () => {
  const doc = await sample();
  const fs = scoreExceedsWeight.check(checkContext({ doc, extraction: NONE, config: DEFAULT_CONFIG }));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.match(fs[0].message, /C25/);
});

Deno.test("sample: score-grade finds nothing (96分 → 优秀 / 优 is consistent)", async () => {
  const doc = await sample();
  assert.deepEqual(scoreGrade.check(checkContext({ doc, extraction: NONE, config: DEFAULT_CONFIG })), []);
  // Near miss: with 优 from 97 up, the three places that grade 96 (评价结论, the closing 得分96分 sentence,
  // the 附件5 working paper's 评价结果为“优”) are all flagged, so the rule does read them.
  const strict = { ...DEFAULT_CONFIG, gradeBands: { excellent: 97, good: 80, pass: 60 } };
  const fs = scoreGrade.check(checkContext({ doc, extraction: NONE, config: strict }));
  assert.deepEqual(fs.map((f) => f.details.statedGrade), ["优秀", "优秀", "优"]);
});

Deno.test("sample: questionnaire-tally finds question 7 (49 + 1 > 49) and the total 4890 ≠ 4880", async () => {
  const doc = await sample();
  const fs = questionnaireTally.check(checkContext({ doc, extraction: NONE, config: DEFAULT_CONFIG }));
  assert.deepEqual(fs.map((f) => f.messageId), ["answers-vs-valid", "total-vs-recomputed"]);
  assert.equal(fs[0].details.sum, 50);
  assert.equal(fs[0].details.valid, 49);
  // 480 + 490×7 + 495 (Q7) + 485 (Q9) = 4890; 综合得分 99.6 = 4880 ÷ 49 (consistent with the stated total).
  assert.equal(fs[1].details.computed, 4890);
  assert.equal(fs[1].details.stated, 4880);
});

Deno.test("sample: score-text-sum with the real extractor: 部门职能 is the one narrative error", async () => {
  const doc = await sample();
  const fs = checkScoreSums(doc, extract(doc));
  const narrativeErrors = fs.filter((f) => f.severity === undefined && f.evidence[0].table === undefined);
  // Items are summed per paragraph: 财务管理 1+4+1 = 6 must not absorb the 预算管理 items before it, and
  // 资源配置's "扣0.5分" is a deduction, not an item (1.5+4+1.5+2+3 = 12).
  assert.deepEqual(narrativeErrors.map((f) => f.evidence[0].quote), ["部门职能总评价分10分，实际得分8分"]);
});
