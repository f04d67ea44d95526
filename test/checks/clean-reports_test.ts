/**
 * Whole, realistic, internally consistent reports (test/fixtures/clean-reports/) through the full pipeline:
 * no error-level finding, and warnings only from each report's allow-list, every entry saying why the
 * assumption behind it is honest. Then defects injected into copies, one at a time, each of which must be
 * found (rule + messageId).
 */
import assert from "node:assert/strict";
import { type DocSpec, makeDoc } from "../../src/testing/doc-spec.ts";
import { auditDocument } from "../../src/audit.ts";
import type { Document } from "../../src/model/document.ts";
import { COUNTY_BUREAU, COUNTY_BUREAU_META } from "../fixtures/clean-reports/county-bureau.ts";
import { TOWNSHIP, TOWNSHIP_META } from "../fixtures/clean-reports/township-projects.ts";
import { THIRD_PARTY, THIRD_PARTY_META } from "../fixtures/clean-reports/third-party.ts";

interface Report {
  name: string;
  spec: DocSpec[];
  meta: Partial<Document["meta"]>;
  /** "rule:messageId" → why a warning of that kind on this report is honest. */
  allowed: Record<string, string>;
}

const REPORTS: Report[] = [
  {
    name: "county bureau 部门整体支出绩效自评报告",
    spec: COUNTY_BUREAU,
    meta: COUNTY_BUREAU_META,
    allowed: {},
  },
  {
    name: "township 项目支出绩效自评报告 (three projects)",
    spec: TOWNSHIP,
    meta: TOWNSHIP_META,
    allowed: {
      "duplicate-paragraph:body-within-section":
        "the compliance paragraph (专账核算、专款专用…) is written word for word under each of the three " +
        "projects: the repeat is a fact, and whether each project's paragraph should say something of its " +
        "own is for the reviewer to judge",
    },
  },
  { name: "third-party 重点绩效评价报告", spec: THIRD_PARTY, meta: THIRD_PARTY_META, allowed: {} },
];

const audit = (spec: DocSpec[], meta: Partial<Document["meta"]>) =>
  auditDocument(makeDoc(spec, meta)).findings;
const key = (f: { rule: string; messageId?: string }) => `${f.rule}:${f.messageId}`;

for (const r of REPORTS) {
  Deno.test(`clean report: ${r.name}: no error, only allow-listed warnings`, () => {
    const findings = audit(r.spec, r.meta);
    assert.deepEqual(findings.filter((f) => f.severity === "error").map((f) => f.message), []);
    const unexpected = findings.filter((f) => f.severity === "warning" && !(key(f) in r.allowed));
    assert.deepEqual(unexpected.map((f) => `${key(f)} ${f.message}`), []);
    // Each allow-list entry is used: an entry the report no longer needs is removed.
    for (const k of Object.keys(r.allowed)) assert.ok(findings.some((f) => key(f) === k), `unused: ${k}`);
  });
  Deno.test(`clean report: ${r.name}: 80–200 blocks`, () => {
    const n = makeDoc(r.spec, r.meta).blocks.length;
    assert.ok(n >= 80 && n <= 200, `${n} blocks`);
  });
}

/** The report with `from` replaced by `to` in the one paragraph or cell holding it (exactly once). */
function inject(spec: DocSpec[], from: string, to: string): DocSpec[] {
  let hits = 0;
  const swap = (s: string) => {
    const n = s.split(from).length - 1;
    hits += n;
    return n ? s.replace(from, to) : s;
  };
  const out = spec.map((b): DocSpec => {
    if (typeof b === "string") return swap(b);
    if ("rows" in b) return { ...b, rows: b.rows.map((row) => row.map(swap)) };
    if ("text" in b) return { ...b, text: swap(b.text) };
    return b;
  });
  assert.equal(hits, 1, `"${from}" occurs ${hits} times`);
  return out;
}

/**
 * The report with the cell `from` in column `col` of the one table row labelled `label` (first or third
 * cell) set to `to`.
 */
function injectCell(spec: DocSpec[], label: string, col: number, from: string, to: string): DocSpec[] {
  let hits = 0;
  const out = spec.map((b): DocSpec => {
    if (typeof b === "string" || !("rows" in b)) return b;
    const hit = (row: string[]) => (row[0] === label || row[2] === label) && row[col] === from;
    return { ...b, rows: b.rows.map((row) => hit(row) ? (hits++, row.with(col, to)) : row) };
  });
  assert.equal(hits, 1, `row "${label}" occurs ${hits} times`);
  return out;
}

/** The report with `block` inserted right after the paragraph that contains `after`. */
function insertAfter(spec: DocSpec[], after: string, block: DocSpec): DocSpec[] {
  const at = spec.findIndex((b) => typeof b === "string" && b.includes(after));
  assert.ok(at >= 0, `no paragraph with "${after}"`);
  return [...spec.slice(0, at + 1), block, ...spec.slice(at + 1)];
}

interface Defect {
  name: string;
  report: Report;
  doc: (spec: DocSpec[]) => DocSpec[];
  expect: string;
}

const [BUREAU, TOWN, FIRM] = REPORTS;

const DEFECTS: Defect[] = [
  {
    name: "an income part changed so that the parts no longer make the total",
    report: BUREAU,
    doc: (s) => inject(s, "其他收入58.12万元", "其他收入68.12万元"),
    expect: "sum-mismatch:mismatch",
  },
  {
    name: "a growth rate mistyped",
    report: BUREAU,
    doc: (s) => inject(s, "增加436.24万元，增长12.75%", "增加436.24万元，增长17.25%"),
    expect: "percentage-arithmetic:mismatch",
  },
  {
    name: "the year before left in the year's targets",
    report: BUREAU,
    doc: (s) => inject(s, "我局2024年度绩效目标为", "我局2023年度绩效目标为"),
    expect: "stale-year:stale-year",
  },
  {
    name: "a count that no longer matches its list",
    report: BUREAU,
    doc: (s) => inject(s, "局机关内设6个股室", "局机关内设7个股室"),
    expect: "count-mismatch:count",
  },
  {
    name: "the scoring table's total changed",
    report: BUREAU,
    doc: (s) => injectCell(s, "合计", 4, "94.5", "95.5"),
    expect: "score-total:scores-vs-total",
  },
  {
    name: "a questionnaire option count that exceeds the valid responses",
    report: BUREAU,
    doc: (s) => inject(s, "选择“满意”的158份", "选择“满意”的178份"),
    expect: "questionnaire-tally:*",
  },
  {
    name: "a paragraph copied into the conclusion with one figure changed",
    report: BUREAU,
    doc: (s) =>
      insertAfter(
        s,
        "总体来看，我局2024年度预算编制基本合理",
        "2024年，我局围绕“保安全、惠民生、促发展”的总体目标，重点开展了以下工作：一是实施小型水库除险加固，完成5座小型水库除险加固主体工程；二是推进农村供水保障工程，新建改造农村供水管网86.4公里；三是开展中小河流治理，完成河道清淤治理12.4公里；四是实施水土流失综合治理，新增治理面积8.5平方公里。",
      ),
    expect: "conflicting-figure:aligned-passages",
  },
  {
    name: "a change in percentage points mistyped",
    report: BUREAU,
    doc: (s) => inject(s, "较上年的96.55%提高1.2个百分点", "较上年的96.55%提高2.1个百分点"),
    expect: "percentage-arithmetic:mismatch",
  },
  {
    name: "a growth rate against a figure of the year before, mistyped",
    report: BUREAU,
    doc: (s) => inject(s, "增加429.40万元，增长12.73%", "增加429.40万元，增长17.23%"),
    expect: "percentage-arithmetic:mismatch",
  },
  {
    name: "last year's carry-over changed so the project's funds no longer add up",
    report: TOWN,
    doc: (s) => inject(s, "其中上年结转资金24.50万元", "其中上年结转资金34.50万元"),
    expect: "sum-mismatch:mismatch",
  },
  {
    name: "the annex's total row no longer the sum of its column",
    report: TOWN,
    doc: (s) => injectCell(s, "合计", 4, "535.16", "553.16"),
    expect: "sum-mismatch:*",
  },
  {
    name: "the overall execution rate with two digits swapped",
    report: TOWN,
    doc: (s) => inject(s, "资金执行率97.04%", "资金执行率97.40%"),
    expect: "percentage-arithmetic:mismatch",
  },
  {
    name: "a grade tally that no longer matches the number of projects",
    report: TOWN,
    doc: (s) => inject(s, "其中评价等级为“优”的2个", "其中评价等级为“优”的3个"),
    expect: "sum-mismatch:mismatch",
  },
  {
    name: "a project's grade above its score's band",
    report: TOWN,
    doc: (s) => inject(s, "该项目得分88.5分，评价等级为“良”", "该项目得分88.5分，评价等级为“优”"),
    expect: "score-grade:grade-vs-score",
  },
  {
    name: "a grade outside the band the report states",
    report: FIRM,
    doc: (s) => inject(s, "86.5分，评价等级为“良”", "86.5分，评价等级为“优”"),
    expect: "score-grade:grade-vs-score",
  },
  {
    name: "another county's bureau as the data source",
    report: FIRM,
    doc: (s) => inject(s, "资料由汀州县农业农村局和汀州县财政局提供", "资料由清溪县农业农村局提供"),
    expect: "foreign-entity:*",
  },
  {
    name: "a score above its indicator's weight",
    report: FIRM,
    doc: (s) => injectCell(s, "补贴资金发放及时性", 4, "6", "8.5"),
    expect: "score-exceeds-weight:*",
  },
  {
    name: "a questionnaire share mistyped",
    report: FIRM,
    doc: (s) => inject(s, "“基本满意”的29份，占8.33%", "“基本满意”的29份，占3.83%"),
    expect: "questionnaire-tally:answer-share",
  },
  {
    name: "an indicator weight changed so the weights no longer make 100",
    report: FIRM,
    doc: (s) => injectCell(s, "补贴面积完成率", 3, "12", "13"),
    expect: "score-weight-total:*",
  },
];

const matches = (pattern: string, got: string) =>
  pattern.endsWith(":*") ? got.startsWith(pattern.slice(0, -1)) : got === pattern;

for (const d of DEFECTS) {
  Deno.test(`injected defect found: ${d.report.name.split(" ")[0]}: ${d.name}`, () => {
    const findings = audit(d.doc(d.report.spec), d.report.meta);
    const got = findings.map(key);
    assert.ok(got.some((g) => matches(d.expect, g)), `${d.expect} not in ${JSON.stringify(got)}`);
  });
}
