import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { scoreTextSum } from "../../checks/rules/score-text-sum.ts";
import { checkScoreSums, claim, GOOD, HEADER, runScoreSums } from "./score-fixtures.ts";

const H4 = ["一级指标", "二级指标", "分值", "得分"];
/** A table whose 投入 group (merged label) scores 4 + 4 = 8 out of 5 + 5 = 10. */
const INPUT_TABLE = table(
  [H4, ["投入", "预算", "5", "4"], ["投入", "人力", "5", "4"], ["合计", "", "10", "8"]],
  [{ row: 1, col: 0, rowspan: 2 }],
);

ruleTester(scoreTextSum, {
  valid: [
    {
      name: "items that add up to their subtotal",
      doc: ["（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分4分。"],
    },
    {
      name: "full-width digits that add up",
      doc: ["（1）部门目标。规划明确，得２分；计划一致，得２分。部门目标总评价分５分，实际得分４分。"],
    },
    {
      name: "near miss: half points 2.5 + 2 = 4.5 written as 5",
      doc: ["（1）部门目标。规划明确，得2.5分；计划一致，得2分。部门目标总评价分5分，实际得分5分。"],
    },
    {
      name: "subtotals that add up to the full marks",
      doc: ["决策类指标分值40分，评价得分35分。", "产出类指标分值60分，评价得分50分。", "综合评价得分85分。"],
    },
    {
      name: "the text agrees with the table's node of the same name",
      doc: ["投入总评价分10分，实际得分8分。", INPUT_TABLE],
    },
  ],
  invalid: [
    {
      name: "items above their subtotal",
      doc: ["（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分3分。"],
      errors: [{ messageId: "items-vs-subtotal", severity: "error", message: "2+2=4" }],
    },
    {
      name: "items above their subtotal, full-width digits",
      doc: ["（1）部门目标。规划明确，得２分；计划一致，得２分。部门目标总评价分５分，实际得分３分。"],
      errors: [{ messageId: "items-vs-subtotal", severity: "error", message: "2+2=4" }],
    },
    {
      name: "subtotals against the full marks' score",
      doc: ["决策类指标分值40分，评价得分35分。", "产出类指标分值60分，评价得分50分。", "综合评价得分88分。"],
      errors: [{ messageId: "subtotals-vs-total", severity: "error", message: "35+50=85" }],
    },
    {
      name: "the text's score against the table's node of the same name: a warning",
      doc: ["投入总评价分10分，实际得分9分。", INPUT_TABLE],
      errors: [{
        messageId: "text-vs-table",
        severity: "warning",
        certainty: "assumption",
        message: "合计8分",
      }],
    },
    {
      name: "the text's weight against the table's node of the same name: a warning",
      doc: ["投入总评价分12分，实际得分8分。", INPUT_TABLE],
      errors: [{ messageId: "text-vs-table", severity: "warning", message: "表中为10分" }],
    },
  ],
});

const P1 = "（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分4分。";

Deno.test("score-text-sum: a narrative subtotal above its items is an error; equal is fine", () => {
  const doc = makeDoc(["（二）具体绩效分析", P1]);
  const ok = claim(doc, 1, "部门目标总评价分5分，实际得分4分", "部门目标", "4分", "5分");
  const items = [
    claim(doc, 1, "规划明确，得2分", "规划明确", "2分"),
    claim(doc, 1, "计划一致，得2分", "计划一致", "2分"),
  ];
  assert.deepEqual(checkScoreSums(doc, { figures: [], relations: [...items, ok] }), []);

  const doc2 = makeDoc(["（二）具体绩效分析", P1.replace("实际得分4分", "实际得分3分")]);
  const bad = claim(doc2, 1, "部门目标总评价分5分，实际得分3分", "部门目标", "3分", "5分");
  const items2 = [
    claim(doc2, 1, "规划明确，得2分", "规划明确", "2分"),
    claim(doc2, 1, "计划一致，得2分", "计划一致", "2分"),
  ];
  const fs = checkScoreSums(doc2, { figures: [], relations: [...items2, bad] });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, undefined);
  assert.match(fs[0].message, /2\+2=4/);
});

Deno.test("score-text-sum: items below the subtotal is only a warning (items may be incomplete)", () => {
  const text = "规划明确，得2分。部门目标总评价分5分，实际得分4分。";
  const doc = makeDoc([text]);
  const fs = checkScoreSums(doc, {
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

Deno.test("score-text-sum: subtotals whose weights make up a larger subtotal must add up in score", () => {
  const text = "甲总评价分6分，实际得分5分。乙总评价分4分，实际得分4分。部门决策总评价分10分，评价得分8分。";
  const doc = makeDoc([text]);
  const rel = [
    claim(doc, 0, "甲总评价分6分，实际得分5分", "甲", "5分", "6分"),
    claim(doc, 0, "乙总评价分4分，实际得分4分", "乙", "4分", "4分"),
    claim(doc, 0, "部门决策总评价分10分，评价得分8分", "部门决策", "8分", "10分"),
  ];
  const fs = checkScoreSums(doc, { figures: [], relations: rel });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].messageId, "subtotals-vs-total");
  assert.equal(fs[0].severity, undefined);
  assert.equal(fs[0].details.computed, 9);
});

Deno.test("score-text-sum: a narrative subtotal against the table node of the same name is a warning", () => {
  const merges = [
    { row: 1, col: 0, rowspan: 4 },
    { row: 1, col: 1, rowspan: 2 },
    { row: 3, col: 1, rowspan: 2 },
  ];
  const doc = makeDoc([
    "资源配置总评价分5分，实际得分5分。",
    table([HEADER, ...GOOD.slice(0, 4), ["合计", "", "", "10", "8.5"]], merges),
  ]);
  // no table node is called 资源配置: nothing
  assert.deepEqual(
    checkScoreSums(doc, {
      figures: [],
      relations: [claim(doc, 0, "资源配置总评价分5分，实际得分5分", "资源配置", "5分", "5分")],
    }),
    [],
  );
  const doc2 = makeDoc([
    "（2）投入总评价分5分，实际得分5分。",
    table([HEADER, ...GOOD.slice(0, 4), ["合计", "", "", "10", "8.5"]], merges),
  ]);
  const fs = checkScoreSums(doc2, {
    figures: [],
    relations: [claim(doc2, 0, "投入总评价分5分，实际得分5分", "（2）投入", "5分", "5分")],
  });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.equal(fs[0].details.tableScore, 4);
  assert.match(fs[0].message, /按指标名称对应/);
});

Deno.test("score-text-sum: a deduction (扣0.5分) is not an item, and items of an earlier paragraph are not summed", () => {
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
  assert.deepEqual(checkScoreSums(doc, { figures: [], relations: rel }), []);
  const doc2 = makeDoc(["甲项得2分；乙项扣0.5分，得分1.5分。小计总评价分5分，实际得分3.5分。"]);
  const rel2 = [
    claim(doc2, 0, "甲项得2分", "甲项", "2分"),
    claim(doc2, 0, "扣0.5分", "乙项", "0.5分"),
    claim(doc2, 0, "得分1.5分", "乙项", "1.5分"),
    claim(doc2, 0, "小计总评价分5分，实际得分3.5分", "小计", "3.5分", "5分"),
  ];
  // Counting the deduction would give 2 + 0.5 + 1.5 = 4 ≠ 3.5.
  assert.deepEqual(checkScoreSums(doc2, { figures: [], relations: rel2 }), []);
});

Deno.test("score-text-sum: an item named after 其中 in a subtotal's paragraph is part of it, not a sibling subtotal", () => {
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
    const fs = runScoreSums(doc).filter((f) => f.messageId !== "text-vs-table");
    assert.deepEqual(
      fs.map((f) => f.severity === "error" ? undefined : f.severity),
      c.severities,
      c.paras.join(""),
    );
  }
});
