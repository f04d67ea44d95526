import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { scoreWeightTree } from "../../checks/rules/score-weight-tree.ts";
import { parseIndicatorTable } from "../../src/analysis/tables/indicator-table.ts";
import { checkScoreSums, GOOD, HEADER, indicatorDoc } from "./score-fixtures.ts";

const H4 = ["一级指标", "二级指标", "分值", "得分"];

/** A 一级 label with its weight, written on each row of its group (merged) or on the first one only. */
function parentRows(label: string, second: string, merged: boolean): string[][] {
  return [
    H4,
    [label, "目标明确性", "15", "14"],
    [merged ? label : "", "资金分配", second, "9"],
    ["产出（70分）", "完成数量", "70", "65"],
  ];
}
const MERGED = [{ row: 1, col: 0, rowspan: 2 }];

ruleTester(scoreWeightTree, {
  valid: [
    {
      name: "children that add up to the parent (merged label)",
      doc: [table(parentRows("决策（30分）", "15", true), MERGED)],
    },
    {
      name: "children that add up (blank continuation cell)",
      doc: [table(parentRows("决策（30分）", "15", false))],
    },
    {
      name: "full-width label weight (３０分) that adds up",
      doc: [table(parentRows("决策（３０分）", "15", true), MERGED)],
    },
    {
      name: "near miss: integer parent over one-decimal children (14.5 + 15.5 = 30)",
      doc: [
        table(
          [H4, ["决策（30分）", "目标明确性", "14.5", "14"], ["决策（30分）", "资金分配", "15.5", "9"]],
          MERGED,
        ),
      ],
    },
    {
      name: "near miss: children to one decimal that round to the parent (14.5 + 15 = 29.5 shown as 30)",
      doc: [
        table(
          [H4, ["决策（30分）", "目标明确性", "14.5", "14"], ["决策（30分）", "资金分配", "15", "9"]],
          MERGED,
        ),
      ],
    },
    { name: "the decimals of GOOD (2.5 + 2.5 = 5)", doc: indicatorDoc(GOOD) },
    {
      name: "a 小计 row whose weight adds up, the total labelled 总计",
      doc: [table([
        H4,
        ["决策", "目标明确性", "20", "18"],
        ["", "资金分配", "20", "17"],
        ["小计", "", "40", "35"],
        ["产出", "完成数量", "60", "55"],
        ["总计", "", "100", "90"],
      ])],
    },
  ],
  invalid: [
    {
      name: "children below the parent (merged label)",
      doc: [table(parentRows("决策（30分）", "10", true), MERGED)],
      errors: [{ messageId: "children-vs-parent", severity: "error", message: "15+10=25分" }],
    },
    {
      name: "children below the parent (blank continuation cell)",
      doc: [table(parentRows("决策（30分）", "10", false))],
      errors: [{ messageId: "children-vs-parent", severity: "error", message: "15+10=25分" }],
    },
    {
      name: "full-width label weight (３０分) above its children",
      doc: [table(parentRows("决策（３０分）", "10", true), MERGED)],
      errors: [{ messageId: "children-vs-parent", severity: "error", message: "标注30分" }],
    },
    {
      name: "near miss: one unit off in the last decimal is a rounding slip (2.25 + 2.25 vs 4.6)",
      doc: [
        table(
          [H4, ["决策（4.6分）", "目标明确性", "2.25", "2"], ["决策（4.6分）", "资金分配", "2.25", "2"]],
          MERGED,
        ),
      ],
      errors: [{ messageId: "children-vs-parent", severity: "warning", certainty: "rounding" }],
    },
    {
      name: "a label weight against the weight column (full-width digits)",
      doc: [table([H4, ["决策", "目标明确性（５分）", "6", "5"], ["产出", "完成数量", "94", "90"]])],
      errors: [{ messageId: "label-vs-column", severity: "error", message: "（５分）" }],
    },
    {
      name: "a 小计 row's weight vs its group, the total labelled 合计",
      doc: [table([
        H4,
        ["决策", "目标明确性", "20", "18"],
        ["", "资金分配", "20", "17"],
        ["小计", "", "45", "35"],
        ["产出", "完成数量", "60", "55"],
        ["合计", "", "100", "90"],
      ])],
      errors: [{ messageId: "subtotal-weights", severity: "error", message: "20+20=40" }],
    },
  ],
});

Deno.test("score-weight-tree: the table parses into 一级 → 二级 → leaves", () => {
  const t = indicatorDoc(GOOD).blocks[1];
  assert.ok(t.kind === "table");
  const it = parseIndicatorTable(t)!;
  assert.equal(it.roots.length, 1);
  assert.deepEqual(it.roots[0].children.map((c) => [c.code, c.name, c.leaves.length]), [["A1", "目标", 2], [
    "A2",
    "投入",
    2,
  ]]);
  assert.equal(it.totals.length, 1);
});

Deno.test("score-weight-tree: children below the parent's declared weight", () => {
  const rows = GOOD.map((r) => [...r]);
  rows[3] = ["A决策（10分）", "A2投入（5分）", "A22人力（1分）", "1", "1"];
  rows[4] = ["合计", "", "", "9", "8.5"];
  const fs = checkScoreSums(indicatorDoc(rows));
  const kinds = fs.map((f) => f.messageId).sort();
  // A2 (5) vs 3 + 1; A (10) vs 5 + 5 still matches (declared children); leaves 9 = stated 9, but the
  // declared 一级 weight 10 is not the stated total 9 (score-weight-total).
  assert.deepEqual(kinds, ["children-vs-parent", "top-level-vs-total"]);
  assert.match(fs[0].message, /A2投入（5分）.*3\+1=4分/);
  assert.equal(fs[0].evidence[0].quote, "（5分）");
  assert.deepEqual(fs[0].evidence[0].table, { index: 0, row: 3, col: 1 });
});

Deno.test("score-weight-tree: the same label restarted with another weight, and a label against its weight column", () => {
  const rows = [
    ["A决策（10分）", "A1目标（5分）", "A11规划（3分）", "3", "3"],
    ["A决策（10分）", "A1目标（5分）", "A12计划（2分）", "2", "2"],
    ["A决策（10分）", "A1目标（6分）", "A13一致性（2分）", "1", "1"],
    ["总分", "", "", "６", "6"],
  ];
  const merges = [{ row: 1, col: 0, rowspan: 2 }, { row: 1, col: 1, rowspan: 2 }];
  const fs = checkScoreSums(indicatorDoc(rows, merges));
  const kinds = fs.map((f) => f.messageId).sort();
  // A1 declares 5 and 6: one of them (6) equals its children 3+2+1, so no children-vs-parent finding.
  assert.deepEqual(kinds, ["declared-weights-differ", "label-vs-column", "top-level-vs-total"]);
  const label = fs.find((f) => f.messageId === "label-vs-column")!;
  assert.match(label.message, /A13一致性（2分）/);
  // full-width ６ is read as the stated total: leaves 3+2+1 = 6 match it, the 一级 node declares 10.
  const total = fs.find((f) => f.messageId === "top-level-vs-total");
  assert.equal(total!.details.stated, 6);
  assert.equal(total!.details.computed, 10);
});

Deno.test("score-weight-tree: blank (not merged) continuation cells continue the group above", () => {
  const rows = (b1: string) => [
    HEADER,
    ["决策（15分）", "项目立项", "立项依据充分性", "3", "1.5"],
    ["", "", "立项程序规范性", "3", "2"],
    ["", "绩效目标", "绩效目标合理性", "4", "1.5"],
    ["", "", "绩效指标明确性", b1, "1.5"],
    ["过程（10分）", "资金管理", "资金到位率", "5", "4.5"],
    ["", "", "预算执行率", "5", "5"],
    ["合计", "", "", "25", "16"],
  ];
  const cases: { b1: string; kinds: string[] }[] = [
    { b1: "5", kinds: [] }, // 3 + 3 + 4 + 5 = 15
    { b1: "4", kinds: ["children-vs-parent", "weights-vs-total"] }, // 14 ≠ 15, 24 ≠ 25
  ];
  for (const c of cases) {
    const doc = makeDoc(["附件", table(rows(c.b1))]);
    const it = parseIndicatorTable(doc.blocks[1] as Parameters<typeof parseIndicatorTable>[0])!;
    assert.deepEqual(it.roots.map((n) => [n.name, n.children.map((k) => k.name)]), [
      ["决策", ["项目立项", "绩效目标"]],
      ["过程", ["资金管理"]],
    ]);
    assert.deepEqual(checkScoreSums(doc).map((f) => f.messageId), c.kinds, c.b1);
  }
});
