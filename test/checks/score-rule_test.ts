import assert from "node:assert/strict";
import { scoreRule } from "../../checks/rules/score-rule.ts";
import { parseDefinition, parseFormula, scoreRange } from "../../checks/rules/score-rule/formula.ts";
import { h, makeDoc, type Spec, table } from "../helpers/doc.ts";
import { runRule } from "./run.ts";
import { readDocument } from "../../src/ingest/index.ts";
import type { Document } from "../../src/model/document.ts";

const HEADER = ["三级指标", "分值", "得分", "指标解释", "评分标准"];
const EXEC_RULE = "执行率≥95%得满分，每低1%扣0.1分，扣完为止。";

/** An indicator table with one budget-execution row (weight 5) scored `score`, plus the given text. */
function execDoc(score: string, text: string[], rule = EXEC_RULE) {
  return makeDoc([
    h(1, "一、绩效分析"),
    ...text,
    h(1, "附件 评价指标体系"),
    table([HEADER, ["预算执行率", "5", score, "预算执行数与预算数的比率", rule]]),
  ]);
}

Deno.test("score-rule: parses threshold formulas, their deductions and definitions", () => {
  const a = parseFormula("预算完成率≥95%得满分，未达到的每低于1%扣0.1分，扣完为止。")!;
  assert.deepEqual([a.metric, a.full, a.step], ["预算完成率", { op: "ge", threshold: 95 }, {
    per: 1,
    points: 0.1,
    percentOfWeight: undefined,
  }]);
  const b = parseFormula("三公经费控制率≤100%得满分，≥120%得0分，区间内按权重进行扣分。")!;
  assert.deepEqual([b.full, b.zero, b.interpolate], [{ op: "le", threshold: 100 }, {
    op: "ge",
    threshold: 120,
  }, true]);
  const c = parseFormula("在职人员控制率≤100%得满分，有超出不得分。")!;
  assert.equal(c.zeroOtherwise, true);
  const d = parseFormula("固定资产在用率达到95%以上得满分.每降低1%扣权重分（1分）的5%，扣完为止。")!;
  assert.deepEqual([d.full, d.step?.percentOfWeight], [{ op: "ge", threshold: 95 }, 5]);
  // Several rates under one condition, judgement calls and counts are not one-rate formulas.
  assert.equal(parseFormula("劳动人事争议仲裁结案率、劳动合同签订率=100%得3分"), undefined);
  assert.equal(parseFormula("部门全体人员每年至少接受一次业务或政策等培训，酌情得0-2分。"), undefined);
  assert.equal(parseFormula("考核得分100分，得满分1分；低于95分，0.95分"), undefined);
  assert.deepEqual(
    parseDefinition("在职人员控制率=（在职人员数/编制数）×100%。在职人员数：…"),
    {
      name: "在职人员控制率",
      numerator: "在职人员数",
      denominator: "编制数",
      quote: "在职人员控制率=（在职人员数/编制数）×100%",
    },
  );
});

Deno.test("score-rule: scores by the formula, with the room a rounded rate and 每低1% leave", () => {
  const f = parseFormula(EXEC_RULE)!;
  assert.deepEqual(scoreRange(f, 5, { low: 98, high: 98 }), { low: 5, high: 5 });
  // 92.5%: 2.5 points short, read pro rata (0.25) or per whole step (0.2 / 0.3).
  const r = scoreRange(f, 5, { low: 92.5, high: 92.5 });
  assert.ok(Math.abs(r.low - 4.7) < 1e-9 && Math.abs(r.high - 4.8) < 1e-9, JSON.stringify(r));
  assert.deepEqual(scoreRange(f, 5, { low: 0, high: 0 }), { low: 0, high: 0 }); // 扣完为止
  const g = parseFormula("控制率≤100%得满分，≥120%得0分，区间内按权重扣分。")!;
  assert.deepEqual(scoreRange(g, 1, { low: 110, high: 110 }), { low: 0.5, high: 0.5 });
});

Deno.test("score-rule: the text's rate gives full marks, the table gives less → warning with the assumption", () => {
  const f = runRule(scoreRule, execDoc("3", ["本年度预算执行率为98%。"]));
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, "warning");
  assert.deepEqual([f[0].details.expected, f[0].details.tableScore], [{ low: 5, high: 5 }, 3]);
  assert.match(f[0].message, /应得5分（满分）.*表中得分为3分.*假设/);
  assert.ok(f[0].evidence.some((e) => e.quote.includes("98%")));
});

Deno.test("score-rule: a 得X分 after the rate in the text is checked too", () => {
  const f = runRule(scoreRule, execDoc("4.5", ["本年度预算执行率为90%，得5分；预算调整规范，得1分。"]));
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].details.narrativeScore, f[0].details.tableScore], [5, undefined]);
  // 90% stands for 89.5–90.5%: 4.4–4.6 分.
  assert.deepEqual(f[0].details.expected, { low: 4.4, high: 4.6 });
  // 得1分 belongs to the next clause after the ；, not to the rate.
  assert.deepEqual(
    runRule(scoreRule, execDoc("4.5", ["本年度预算执行率为90%，得4.5分；预算调整规范，得1分。"])),
    [],
  );
});

Deno.test("score-rule: consistent scores → nothing", () => {
  assert.deepEqual(runRule(scoreRule, execDoc("5", ["本年度预算执行率为98%，得5分。"])), []);
  assert.deepEqual(runRule(scoreRule, execDoc("4.5", ["本年度预算执行率为90%。"])), []);
  assert.deepEqual(runRule(scoreRule, execDoc("4.75", ["本年度预算执行率为92.5%。"])), []);
});

Deno.test("score-rule: near misses — rounded rate, approximate rate, full-width digits", () => {
  // 94.96% written as 95%: the rate may be below the threshold by less than its rounding.
  assert.deepEqual(runRule(scoreRule, execDoc("5", ["本年度预算执行率为95%。"])), []);
  assert.deepEqual(runRule(scoreRule, execDoc("4.9", ["本年度预算执行率为95%。"])), []);
  assert.equal(runRule(scoreRule, execDoc("4.5", ["本年度预算执行率为95%。"])).length, 1);
  // 约90% is no exact claim.
  assert.deepEqual(runRule(scoreRule, execDoc("5", ["本年度预算执行率约为90%。"])), []);
  // A threshold or target in the text is not the rate achieved.
  assert.deepEqual(runRule(scoreRule, execDoc("3", ["要求预算执行率不低于98%。"])), []);
  const fw = runRule(
    scoreRule,
    execDoc("5", ["本年度预算执行率为９０％。"], "执行率≥９５％得满分，每低１％扣０．１分。"),
  );
  assert.equal(fw.length, 1);
  assert.deepEqual(fw[0].details.expected, { low: 4.4, high: 4.6 });
});

Deno.test("score-rule: no rate anywhere → uncheckable info, only for a complete formula", () => {
  const f = runRule(scoreRule, execDoc("5", ["本年度预算管理规范。"]));
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, "info");
  assert.match(f[0].message, /^无法核验：.*报告未给出执行率/);
  // The message id says it is uncheckable; the details name the indicator and the rate it needs.
  assert.deepEqual(f[0].details, { indicator: "预算执行率", metric: "执行率" });
  // Only the full-marks condition: below it the rule says nothing to check against.
  assert.deepEqual(runRule(scoreRule, execDoc("5", ["本年度预算管理规范。"], "执行率≥95%得满分。")), []);
});

Deno.test("score-rule: a rate in the indicator's own row makes it an error", () => {
  const doc = makeDoc([
    table([
      ["三级指标", "分值", "实际完成值", "得分", "评分标准"],
      ["预算执行率", "5", "98%", "3", EXEC_RULE],
    ]),
  ]);
  const f = runRule(scoreRule, doc);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, "error");
  assert.match(f[0].message, /本行所列执行率为98%/);
  assert.doesNotMatch(f[0].message, /假设/);
});

const STAFF_ROW = [
  "在职人员控制率",
  "1",
  "1",
  "在职人员控制率=（在职人员数/编制数）×100%。",
  "在职人员控制率≤100%得满分，有超出不得分。",
];

function staffDoc(text: string[], score = "1"): ReturnType<typeof makeDoc> {
  const specs: Spec[] = [...text, table([HEADER, STAFF_ROW.map((c, i) => i === 2 ? score : c)])];
  return makeDoc(specs, { year: 2023 });
}

Deno.test("score-rule: a rate recomputed from the definition's inputs stated in one paragraph", () => {
  const f = runRule(scoreRule, staffDoc(["实际在编人数21人，核定编制19人，得1分。"]));
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].details.source, f[0].details.expected, f[0].details.narrativeScore], [
    "inputs",
    { low: 0, high: 0 },
    1,
  ]);
  assert.match(f[0].message, /约为110.53%.*表中得分为1分，正文称“得1分”/);
  assert.deepEqual(runRule(scoreRule, staffDoc(["实际在编人数15人，低于核定编制19人，得1分。"])), []);
  assert.deepEqual(runRule(scoreRule, staffDoc(["实际在编人数21人，核定编制19人。"], "0")), []);
  // Two candidates for 编制数 in one paragraph: ambiguous → nothing, not even "uncheckable".
  assert.deepEqual(runRule(scoreRule, staffDoc(["行政编制15人，事业编制31人；实际在编人数21人。"])), []);
});

function sanDoc(text: string[], score: string, year: number | null = 2023) {
  return makeDoc([
    ...text,
    table([HEADER, [
      "“三公经费”控制率",
      "1",
      score,
      "“三公”经费控制率=（本年度“三公”经费总额/上年度“三公”经费总额）×100%。",
      "三公经费控制率≤100%得满分，≥120%得0分，区间内按权重进行扣分。",
    ]]),
  ], { year });
}

Deno.test("score-rule: 本年度/上年度 inputs are told apart by year", () => {
  const text = ["2023年度“三公经费”支出2.79万元。2022年度“三公经费”支出20.50万元，得0分。"];
  const f = runRule(scoreRule, sanDoc(text, "0"));
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].details.expected, f[0].details.tableScore, f[0].details.narrativeScore], [
    { low: 1, high: 1 },
    0,
    0,
  ]);
  // The table right, the text's 得0分 still contradicts the rule.
  const t1 = runRule(scoreRule, sanDoc(text, "1"));
  assert.deepEqual(t1.map((x) => [x.details.tableScore, x.details.narrativeScore]), [[undefined, 0]]);
  // 110%: halfway between 100% and 120% → 0.5.
  const mid = ["2023年度“三公经费”支出22万元，2022年度“三公经费”支出20万元。"];
  assert.deepEqual(runRule(scoreRule, sanDoc(mid, "0.5")), []);
  assert.equal(runRule(scoreRule, sanDoc(mid, "1")).length, 1);
  // Without an evaluation year 本年度/上年度 cannot be placed: no pair, and the figures were seen → nothing.
  assert.deepEqual(runRule(scoreRule, sanDoc(text, "0", null)), []);
});

/**
 * The sample report. Expectations from reading the .txt dump by hand:
 * - B11 基本支出预算执行率（1分）: "预算完成率≥95%得满分…"; the text states 本年度预算执行完成率为100% → 1 = table 1.
 *   (The text's 得2分 after it exceeds the indicator's 1 point: it cannot be this indicator's score alone.)
 * - B13 “三公经费”控制率（1分）: defined in its row as 本年度/上年度“三公”经费总额; the text gives 2023年度 2.79万元
 *   and 2022年度 20.50万元 → 13.6% ≤ 100% → full marks 1, but the table scores 0 and the text says 得0分.
 * - B31 在职人员控制率（1分）: 实际在编人数15人 / 核定编制19人 = 78.9% ≤ 100% → 1 = table 1 = 得1分.
 * - B42 固定资产在用率（1分）: 固定资产在用率100% ≥ 95% → 1 = table 1 = 得1分.
 * - Every other rule is a judgement call, several rates at once (C105, C23, C25) or not a rate (C116).
 */
const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);

async function sample(): Promise<Document> {
  return await readDocument(await Deno.readFile(SAMPLE), { file: "sample.docx" });
}

Deno.test("sample: score-rule finds only the 三公经费 control rate scored 0 against its own formula", async () => {
  const f = runRule(scoreRule, await sample());
  assert.equal(f.length, 1, f.map((x) => x.message).join("\n"));
  const [b13] = f;
  assert.equal(b13.severity, "warning");
  assert.match(String(b13.details.indicator), /^B13/);
  assert.equal(b13.details.source, "inputs");
  assert.deepEqual([b13.details.expected, b13.details.tableScore, b13.details.narrativeScore], [
    { low: 1, high: 1 },
    0,
    0,
  ]);
  assert.match(b13.message, /2\.79万元.*20\.50万元.*约为13\.61%/);
  assert.ok(b13.evidence.some((e) => e.quote === "得0分"));
});

Deno.test("sample: the consistent formulas were checked, not skipped (a wrong score there is found)", async () => {
  const doc = await sample();
  const t = doc.blocks.find((b) => b.kind === "table" && b.grid[0].some((c) => c.text.includes("评分细则")));
  assert.ok(t && t.kind === "table");
  const scoreCol = t.grid[0].findIndex((c) => c.text.trim() === "得分");
  for (const row of t.grid) {
    if (/^(B11|B31|B42)/.test(row[2].text.trim())) row[scoreCol].text = "0";
  }
  const found = runRule(scoreRule, doc).map((x) => String(x.details.indicator).slice(0, 3)).sort();
  assert.deepEqual(found, ["B11", "B13", "B31", "B42"]);
});
