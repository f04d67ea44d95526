import assert from "node:assert/strict";
import { table } from "../helpers/doc.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { scoreTotal } from "../../checks/rules/score-total.ts";
import { checkScoreSums, GOOD, indicatorDoc } from "./score-fixtures.ts";

const H4 = ["一级指标", "二级指标", "分值", "得分"];

/** Two items and a total row labelled `label` whose score is `total`. */
function withTotal(label: string, s1: string, total: string): string[][] {
  return [H4, ["决策", "目标明确性", "40", s1], ["产出", "完成数量", "60", "55"], [label, "", "100", total]];
}

/** Two groups closed by 小计 rows, written once with blank continuation cells or merged down. */
function subtotals(s1: string, merged: boolean) {
  const rows = [
    H4,
    ["决策", "目标明确性", "20", "18"],
    [merged ? "决策" : "", "资金分配", "20", "17"],
    ["小计", "", "40", s1],
    ["产出", "完成数量", "60", "55"],
    ["合计", "", "100", "90"],
  ];
  return table(rows, merged ? [{ row: 1, col: 0, rowspan: 2 }] : []);
}

/** Ten items scored 8.5 (half points, added exactly: 85) and a 合计 row scored `total`. */
function halfPoints(total: string): string[][] {
  const items = Array.from({ length: 10 }, (_, i) => ["产出", `指标${i + 1}`, "10", "8.5"]);
  return [H4, ...items, ["合计", "", "100", total]];
}

/** Ten half-point items closed by a 小计 row scored `sub`, then the 合计 row. */
function halfPointGroup(sub: string): string[][] {
  const items = Array.from({ length: 10 }, (_, i) => [i === 0 ? "产出" : "", `指标${i + 1}`, "8", "7.5"]);
  return [H4, ...items, ["小计", "", "80", sub], ["效益", "满意度", "20", "20"], ["合计", "", "100", "95"]];
}

ruleTester(scoreTotal, {
  valid: [
    { name: "ten half-point scores adding up to the 合计 row", doc: [table(halfPoints("85"))] },
    { name: "half-point scores adding up to their 小计 row", doc: [table(halfPointGroup("75"))] },
    {
      name: "near miss: computed two-decimal scores (8.33 × 3 = 24.99) under a 小计 of 25 round to it",
      doc: [table([
        H4,
        ["决策", "指标1", "10", "8.33"],
        ["", "指标2", "10", "8.33"],
        ["", "指标3", "10", "8.33"],
        ["小计", "", "30", "25"],
        ["产出", "完成数量", "70", "70"],
        ["合计", "", "100", "95"],
      ])],
    },
    {
      name: "near miss: a total written with one decimal (95.83 as 95.8)",
      doc: [table([
        H4,
        ["决策", "目标明确性", "20", "18.33"],
        ["产出", "完成数量", "40", "38"],
        ["效益", "满意度", "40", "39.5"],
        ["合计", "", "100", "95.8"],
      ])],
    },
    { name: "scores that add up to the 合计 row", doc: [table(withTotal("合计", "38", "93"))] },
    { name: "the total row labelled 总计", doc: [table(withTotal("总计", "38", "93"))] },
    { name: "the total row labelled 总分", doc: [table(withTotal("总分", "38", "93"))] },
    { name: "full-width digits (３８, ９３)", doc: [table(withTotal("合计", "３８", "９３"))] },
    {
      name: "near miss: 37.5 + 55 = 92.5 written as 93 (scores to one decimal)",
      doc: [table(withTotal("合计", "37.5", "93"))],
    },
    { name: "near miss: 37.6 + 55 = 92.6 written as 93", doc: [table(withTotal("合计", "37.6", "93"))] },
    { name: "a 小计 row that adds up (blank continuation cells)", doc: [subtotals("35", false)] },
    { name: "a 小计 row that adds up (merged)", doc: [subtotals("35", true)] },
    {
      name: "a 小计 row that rounds (17.5 + 18 = 35.5 written 36)",
      doc: [table([
        H4,
        ["决策", "目标明确性", "20", "18"],
        ["", "资金分配", "20", "17.5"],
        ["小计", "", "40", "36"],
        ["产出", "完成数量", "60", "55"],
        ["合计", "", "100", "90.5"],
      ])],
    },
  ],
  invalid: [
    {
      name: "half-point scores adding up to 75 under a 小计 of 74: a warning stating the assumption",
      doc: [table(halfPointGroup("74"))],
      errors: [{
        messageId: "subtotal-scores",
        severity: "warning",
        certainty: "assumption",
        message: "近似值",
      }],
    },
    {
      name:
        "half-point scores that add up to 85 under a 合计 of 84: only rounded scores could give it (warning)",
      doc: [table(halfPoints("84"))],
      errors: [{
        messageId: "scores-vs-total",
        severity: "warning",
        certainty: "assumption",
        message: "直接相加为85分",
      }],
    },
    {
      name: "scores above the 合计 row",
      doc: [table(withTotal("合计", "38", "95"))],
      errors: [{ messageId: "scores-vs-total", severity: "error", message: "合计93分" }],
    },
    {
      name: "the 总计 row in full-width digits",
      doc: [table(withTotal("总计", "３８", "９５"))],
      errors: [{ messageId: "scores-vs-total", severity: "error", message: "９５分" }],
    },
    {
      name: "near miss: one unit off in the last decimal (2.25 + 2.25 written 4.6) is a rounding slip",
      doc: [
        table([H4, ["决策", "目标", "5", "2.25"], ["产出", "数量", "5", "2.25"], ["合计", "", "10", "4.6"]]),
      ],
      errors: [{ messageId: "scores-vs-total", severity: "warning", certainty: "rounding" }],
    },
    {
      name: "a 小计 row's score vs its group (blank continuation cells)",
      doc: [subtotals("36", false)],
      errors: [{ messageId: "subtotal-scores", severity: "error", message: "18+17=35" }],
    },
    {
      name: "a 小计 row's score vs its group (merged)",
      doc: [subtotals("36", true)],
      errors: [{ messageId: "subtotal-scores", severity: "error", message: "18+17=35" }],
    },
  ],
});

Deno.test("score-total: weights and scores that add up (decimals 2.5 + 2.5) give no finding", () => {
  assert.deepEqual(checkScoreSums(indicatorDoc(GOOD)), []);
});

Deno.test("score-total: a total score off by one is an error; stated total weight against the leaves", () => {
  const rows = GOOD.map((r) => [...r]);
  rows[4] = ["合计", "", "", "10", "9.5"];
  const fs = checkScoreSums(indicatorDoc(rows));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].messageId, "scores-vs-total");
  assert.equal(fs[0].severity, undefined);
  assert.equal(fs[0].evidence[0].quote, "9.5");
});

Deno.test("score-total: decimals within rounding of the total are not an error", () => {
  // 2.25 + 2.25 + 3 + 1.33 = 8.83, stated 8.8: within the rounding of the parts? 8.8 ± 0.05 vs [8.815, 8.845]
  const rows = GOOD.map((r) => [...r]);
  rows[0][4] = "2.25";
  rows[1][4] = "2.25";
  rows[3][4] = "1.33";
  rows[4] = ["合计", "", "", "10", "8.83"];
  assert.deepEqual(checkScoreSums(indicatorDoc(rows)), []);
  rows[4] = ["合计", "", "", "10", "8.9"];
  const fs = checkScoreSums(indicatorDoc(rows));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].messageId, "scores-vs-total");
});
