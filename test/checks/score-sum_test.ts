import { checkContext } from "../../src/testing/context.ts";
import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { scoreSum } from "../../checks/rules/score-sum.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import type { Document } from "../../src/model/document.ts";
import type { Extraction } from "../../src/model/figure.ts";
import { claim } from "./score-fixtures.ts";
import { runRule } from "./run.ts";
import { parseIndicatorTable } from "../../src/analysis/tables/indicator-table.ts";

const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "得分"];

/** An indicator table: one 一级 with two 二级 groups, merged down their rows. */
function indicatorDoc(rows: string[][], merges = [
  { row: 1, col: 0, rowspan: 4 },
  { row: 1, col: 1, rowspan: 2 },
  { row: 3, col: 1, rowspan: 2 },
]): Document {
  return makeDoc(["附件", table([HEADER, ...rows], merges)]);
}

function run(doc: Document, extraction: Extraction = { figures: [], relations: [] }) {
  return scoreSum.check(checkContext({ doc, extraction, config: DEFAULT_CONFIG }));
}

const GOOD = [
  ["A决策（10分）", "A1目标（5分）", "A11规划（2.5分）", "2.5", "2"],
  ["A决策（10分）", "A1目标（5分）", "A12计划（2.5分）", "2.5", "2.5"],
  ["A决策（10分）", "A2投入（5分）", "A21预算（3分）", "3", "3"],
  ["A决策（10分）", "A2投入（5分）", "A22人力（2分）", "2", "1"],
  ["合计", "", "", "10", "8.5"],
];

Deno.test("score-sum: weights and scores that add up (decimals 2.5 + 2.5) give no finding", () => {
  assert.deepEqual(run(indicatorDoc(GOOD)), []);
});

Deno.test("score-sum: the table parses into 一级 → 二级 → leaves", () => {
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

Deno.test("score-sum: children below the parent's declared weight", () => {
  const rows = GOOD.map((r) => [...r]);
  rows[3] = ["A决策（10分）", "A2投入（5分）", "A22人力（1分）", "1", "1"];
  rows[4] = ["合计", "", "", "9", "8.5"];
  const fs = run(indicatorDoc(rows));
  const kinds = fs.map((f) => f.messageId).sort();
  // A2 (5) vs 3 + 1; A (10) vs 5 + 5 still matches (declared children); leaves 9 = stated 9, but the
  // declared 一级 weight 10 is not the stated total 9.
  assert.deepEqual(kinds, ["children-vs-parent", "top-level-vs-total"]);
  assert.match(fs[0].message, /A2投入（5分）.*3\+1=4分/);
  assert.equal(fs[0].evidence[0].quote, "（5分）");
  assert.deepEqual(fs[0].evidence[0].table, { index: 0, row: 3, col: 1 });
});

Deno.test("score-sum: a total score off by one is an error; stated total weight against the leaves", () => {
  const rows = GOOD.map((r) => [...r]);
  rows[4] = ["合计", "", "", "10", "9.5"];
  const fs = run(indicatorDoc(rows));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].messageId, "scores-vs-total");
  assert.equal(fs[0].severity, undefined);
  assert.equal(fs[0].evidence[0].quote, "9.5");
});

Deno.test("score-sum: decimals within rounding of the total are not an error", () => {
  // 2.25 + 2.25 + 3 + 1.33 = 8.83, stated 8.8: within the rounding of the parts? 8.8 ± 0.05 vs [8.815, 8.845]
  const rows = GOOD.map((r) => [...r]);
  rows[0][4] = "2.25";
  rows[1][4] = "2.25";
  rows[3][4] = "1.33";
  rows[4] = ["合计", "", "", "10", "8.83"];
  assert.deepEqual(run(indicatorDoc(rows)), []);
  rows[4] = ["合计", "", "", "10", "8.9"];
  const fs = run(indicatorDoc(rows));
  assert.equal(fs.length, 1);
  assert.equal(fs[0].messageId, "scores-vs-total");
});

Deno.test("score-sum: the same label restarted with another weight, and a label against its weight column", () => {
  const rows = [
    ["A决策（10分）", "A1目标（5分）", "A11规划（3分）", "3", "3"],
    ["A决策（10分）", "A1目标（5分）", "A12计划（2分）", "2", "2"],
    ["A决策（10分）", "A1目标（6分）", "A13一致性（2分）", "1", "1"],
    ["总分", "", "", "６", "6"],
  ];
  const merges = [{ row: 1, col: 0, rowspan: 2 }, { row: 1, col: 1, rowspan: 2 }];
  const fs = run(indicatorDoc(rows, merges));
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

const P1 = "（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分4分。";

Deno.test("score-sum: a narrative subtotal above its items is an error; equal is fine", () => {
  const doc = makeDoc(["（二）具体绩效分析", P1]);
  const ok = claim(doc, 1, "部门目标总评价分5分，实际得分4分", "部门目标", "4分", "5分");
  const items = [
    claim(doc, 1, "规划明确，得2分", "规划明确", "2分"),
    claim(doc, 1, "计划一致，得2分", "计划一致", "2分"),
  ];
  assert.deepEqual(run(doc, { figures: [], relations: [...items, ok] }), []);

  const doc2 = makeDoc(["（二）具体绩效分析", P1.replace("实际得分4分", "实际得分3分")]);
  const bad = claim(doc2, 1, "部门目标总评价分5分，实际得分3分", "部门目标", "3分", "5分");
  const items2 = [
    claim(doc2, 1, "规划明确，得2分", "规划明确", "2分"),
    claim(doc2, 1, "计划一致，得2分", "计划一致", "2分"),
  ];
  const fs = run(doc2, { figures: [], relations: [...items2, bad] });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, undefined);
  assert.match(fs[0].message, /2\+2=4/);
});

Deno.test("score-sum: items below the subtotal is only a warning (items may be incomplete)", () => {
  const text = "规划明确，得2分。部门目标总评价分5分，实际得分4分。";
  const doc = makeDoc([text]);
  const fs = run(doc, {
    figures: [],
    relations: [
      claim(doc, 0, "规划明确，得2分", "规划明确", "2分"),
      claim(doc, 0, "部门目标总评价分5分，实际得分4分", "部门目标", "4分", "5分"),
    ],
  });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.ok(fs[0].details.assumption);
});

Deno.test("score-sum: subtotals whose weights make up a larger subtotal must add up in score", () => {
  const text = "甲总评价分6分，实际得分5分。乙总评价分4分，实际得分4分。部门决策总评价分10分，评价得分8分。";
  const doc = makeDoc([text]);
  const rel = [
    claim(doc, 0, "甲总评价分6分，实际得分5分", "甲", "5分", "6分"),
    claim(doc, 0, "乙总评价分4分，实际得分4分", "乙", "4分", "4分"),
    claim(doc, 0, "部门决策总评价分10分，评价得分8分", "部门决策", "8分", "10分"),
  ];
  const fs = run(doc, { figures: [], relations: rel });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].messageId, "subtotals-vs-total");
  assert.equal(fs[0].severity, undefined);
  assert.equal(fs[0].details.computed, 9);
});

Deno.test("score-sum: a narrative subtotal against the table node of the same name is a warning", () => {
  const doc = makeDoc([
    "资源配置总评价分5分，实际得分5分。",
    table([HEADER, ...GOOD.slice(0, 4), ["合计", "", "", "10", "8.5"]], [
      { row: 1, col: 0, rowspan: 4 },
      { row: 1, col: 1, rowspan: 2 },
      { row: 3, col: 1, rowspan: 2 },
    ]),
  ]);
  // no table node is called 资源配置: nothing
  assert.deepEqual(
    run(doc, {
      figures: [],
      relations: [claim(doc, 0, "资源配置总评价分5分，实际得分5分", "资源配置", "5分", "5分")],
    }),
    [],
  );
  const doc2 = makeDoc([
    "（2）投入总评价分5分，实际得分5分。",
    table([HEADER, ...GOOD.slice(0, 4), ["合计", "", "", "10", "8.5"]], [
      { row: 1, col: 0, rowspan: 4 },
      { row: 1, col: 1, rowspan: 2 },
      { row: 3, col: 1, rowspan: 2 },
    ]),
  ]);
  const fs = run(doc2, {
    figures: [],
    relations: [claim(doc2, 0, "投入总评价分5分，实际得分5分", "（2）投入", "5分", "5分")],
  });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.equal(fs[0].details.tableScore, 4);
  assert.match(fs[0].message, /按指标名称对应/);
});

Deno.test("score-sum: a deduction (扣0.5分) is not an item, and items of an earlier paragraph are not summed", () => {
  const doc = makeDoc([
    "甲项得2分；乙项扣0.5分，得分1.5分。",
    "丙项得1分。",
    "小计总评价分5分，实际得分1分。",
  ]);
  const rel = [
    claim(doc, 0, "甲项得2分", "甲项", "2分"),
    claim(doc, 0, "扣0.5分", "乙项", "0.5分"),
    claim(doc, 0, "得分1.5分", "乙项", "1.5分"),
    claim(doc, 1, "丙项得1分", "丙项", "1分"),
    claim(doc, 2, "小计总评价分5分，实际得分1分", "小计", "1分", "5分"),
  ];
  // Only the paragraph just before counts: 1 = 1, no finding (2 + 1.5 belong to something else).
  assert.deepEqual(run(doc, { figures: [], relations: rel }), []);
  const doc2 = makeDoc(["甲项得2分；乙项扣0.5分，得分1.5分。小计总评价分5分，实际得分3.5分。"]);
  const rel2 = [
    claim(doc2, 0, "甲项得2分", "甲项", "2分"),
    claim(doc2, 0, "扣0.5分", "乙项", "0.5分"),
    claim(doc2, 0, "得分1.5分", "乙项", "1.5分"),
    claim(doc2, 0, "小计总评价分5分，实际得分3.5分", "小计", "3.5分", "5分"),
  ];
  // Counting the deduction would give 2 + 0.5 + 1.5 = 4 ≠ 3.5.
  assert.deepEqual(run(doc2, { figures: [], relations: rel2 }), []);
});

Deno.test("score-sum: an item named after 其中 in a subtotal's paragraph is part of it, not a sibling subtotal", () => {
  const para = (name: string, w: number, s: number, item: string, iw: number, is: number) =>
    `${name}类指标分值${w}分，评价得分${s}分，得分率${
      (s / w * 100).toFixed(2)
    }%。其中“${item}”指标分值${iw}分，得${is}分。`;
  const cases: { paras: string[]; severities: (string | undefined)[] }[] = [
    // valid: 25 + 5 = 30 is a coincidence of the 过程 subtotal and its own item, not the parts of 产出
    {
      paras: [
        para("决策", 15, 8, "立项依据充分性", 3, 1.5),
        para("过程", 25, 19, "资金到位率", 5, 4.5),
        para("产出", 30, 26.5, "质量达标率", 8, 7.5),
        para("效益", 30, 25, "社会效益", 12, 10),
      ],
      severities: [],
    },
    // invalid: subtotals whose weights make up a larger one (6 + 4 = 10) and whose scores do not (5 + 4 ≠ 8)
    {
      paras: [
        "甲类指标分值6分，评价得分5分。",
        "乙类指标分值4分，评价得分4分。",
        "部门决策类指标分值10分，评价得分8分。",
      ],
      severities: [undefined],
    },
    // near-miss: the same weights without 其中 are siblings, summed as before
    {
      paras: [
        "过程类指标分值25分，评价得分19分。",
        "资金类指标分值5分，评价得分4.5分。",
        "产出类指标分值30分，评价得分26.5分。",
      ],
      severities: [undefined],
    },
  ];
  for (const c of cases) {
    const doc = makeDoc(["（二）各类指标得分情况", ...c.paras]);
    const fs = runRule(scoreSum, doc).filter((f) => f.messageId !== "text-vs-table");
    assert.deepEqual(
      fs.map((f) => f.severity === "error" ? undefined : f.severity),
      c.severities,
      c.paras.join(""),
    );
  }
});

Deno.test("score-sum: blank (not merged) continuation cells continue the group above", () => {
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
    assert.deepEqual(run(doc).map((f) => f.messageId), c.kinds, c.b1);
  }
});
