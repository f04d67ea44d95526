import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { scoreWeightTotal } from "../../checks/rules/score-weight-total.ts";
import { GOOD, indicatorDoc } from "./score-fixtures.ts";
import { runRule } from "./run.ts";
import type { RuleSetting } from "../../src/model/config.ts";

const H4 = ["一级指标", "二级指标", "分值", "得分"];

/** Two items and a total row labelled `label`; `total` is its weight cell. */
function withTotal(label: string, w2: string, total: string): string[][] {
  return [H4, ["决策", "目标明确性", "40", "38"], ["产出", "完成数量", w2, "45"], [label, "", total, "83"]];
}

ruleTester(scoreWeightTotal, {
  valid: [
    { name: "weights that add up to the 合计 row", doc: [table(withTotal("合计", "60", "100"))] },
    { name: "the total row labelled 总计", doc: [table(withTotal("总计", "60", "100"))] },
    { name: "the total row labelled 总分", doc: [table(withTotal("总分", "60", "100"))] },
    { name: "full-width digits in the total (１００)", doc: [table(withTotal("合计", "60", "１００"))] },
    {
      name: "no total row, weights adding up to 100",
      doc: [table(withTotal("合计", "60", "100").slice(0, 3))],
    },
    {
      name: "near miss: one-decimal weights that round to the total (33.3 + 66.7)",
      doc: [
        table([H4, ["决策", "目标", "33.3", "30"], ["产出", "数量", "66.7", "60"], [
          "合计",
          "",
          "100",
          "90",
        ]]),
      ],
    },
    {
      name: "near miss: 33.33 × 3 = 99.99 against a stated 100",
      doc: [table([
        H4,
        ["决策", "目标", "33.33", "30"],
        ["产出", "数量", "33.33", "30"],
        ["效益", "效果", "33.33", "30"],
        ["合计", "", "100", "90"],
      ])],
    },
    { name: "the decimals of GOOD (2.5 + 2.5 + 3 + 2 = 10)", doc: indicatorDoc(GOOD) },
    {
      name: "near miss: weights to one decimal that round to the total (40.5 + 59 = 99.5 shown as 100)",
      doc: [
        table([H4, ["决策", "目标", "40.5", "38"], ["产出", "数量", "59", "45"], ["合计", "", "100", "83"]]),
      ],
    },
    {
      name: "top-level weights in the labels that add up, groups continued by blank cells",
      doc: [table([
        H4,
        ["决策（40分）", "目标明确性", "20", "18"],
        ["", "资金分配", "20", "17"],
        ["产出（60分）", "完成数量", "60", "55"],
        ["总计", "", "100", "90"],
      ])],
    },
    {
      name: "a 小计 row is not a total: weights adding up to the 合计 row",
      doc: [table([
        H4,
        ["决策", "目标明确性", "20", "18"],
        ["", "资金分配", "20", "17"],
        ["小计", "", "40", "35"],
        ["产出", "完成数量", "60", "55"],
        ["合计", "", "100", "90"],
      ])],
    },
  ],
  invalid: [
    {
      name: "weights below the 合计 row",
      doc: [table(withTotal("合计", "50", "100"))],
      errors: [{ messageId: "weights-vs-total", severity: "error", message: "合计90分" }],
    },
    {
      name: "weights below the 总计 row (full-width digits)",
      doc: [table(withTotal("总计", "５０", "１００"))],
      errors: [{ messageId: "weights-vs-total", severity: "error", message: "１００分" }],
    },
    {
      name: "a bare 100分 label as the total",
      doc: [table([...withTotal("合计", "50", "100").slice(0, 3), ["100分", "", "", "83"]])],
      errors: [{ messageId: "weights-vs-total", severity: "error" }],
    },
    {
      name: "no total row and weights not 100: a warning stating the assumption",
      doc: [table(withTotal("合计", "50", "100").slice(0, 3))],
      errors: [{ messageId: "weights-vs-100", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "top-level weights declared in the labels against the total",
      doc: [table([
        H4,
        ["决策（50分）", "目标明确性", "40", "38"],
        ["产出（60分）", "完成数量", "60", "45"],
        ["合计", "", "100", "83"],
      ])],
      errors: [{ messageId: "top-level-vs-total", severity: "error", message: "50+60=110分" }],
    },
    {
      name: "top-level weights against the 总计 row, groups continued by blank cells",
      doc: [table([
        H4,
        ["决策（40分）", "目标明确性", "20", "18"],
        ["", "资金分配", "20", "17"],
        ["产出（50分）", "完成数量", "60", "55"],
        ["总计", "", "100", "90"],
      ])],
      errors: [{ messageId: "top-level-vs-total", severity: "error", message: "40+50=90分" }],
    },
  ],
});

Deno.test("score-weight-total: the declared 一级 weight against the stated total", () => {
  const rows = GOOD.map((r) => [...r]);
  rows[3] = ["A决策（10分）", "A2投入（5分）", "A22人力（1分）", "1", "1"];
  rows[4] = ["合计", "", "", "9", "8.5"];
  const fs = runRule(scoreWeightTotal, indicatorDoc(rows));
  // Leaves 9 = stated 9; the 一级 node declares 10.
  assert.deepEqual(fs.map((f) => [f.messageId, f.details.stated, f.details.computed]), [
    ["top-level-vs-total", 9, 10],
  ]);
});

Deno.test("score-weight-total: no configuration makes weights-vs-100 an error", () => {
  const doc = makeDoc([table(withTotal("合计", "50", "100").slice(0, 3))]);
  const settings: Record<string, RuleSetting>[] = [
    { "score-weight-total": "error" },
    { "score-sum": "error" },
    { "score-weight-total:weights-vs-100": "error" },
    { "score-sum:weights-vs-100": "error" },
  ];
  for (const rules of settings) {
    const fs = runRule(scoreWeightTotal, doc, { rules });
    assert.deepEqual(
      fs.map((f) => [f.messageId, f.severity]),
      [["weights-vs-100", "warning"]],
      JSON.stringify(rules),
    );
  }
});
