import assert from "node:assert/strict";
import { crossReference } from "../../checks/rules/cross-reference.ts";
import { h, makeDoc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { table } from "../../src/testing/doc-spec.ts";

const annexDoc = (text: string) =>
  makeDoc([
    h(1, "一、概况"),
    text,
    h(1, "附件1"),
    "成本效益分析报告",
    "内容",
    h(1, "附件2"),
    "评价指标体系",
    "内容",
  ]);

Deno.test("cross-reference: a missing annex and a mistitled one are flagged", () => {
  const f = runRule(crossReference, annexDoc("详见附件3，评分见附件2《问卷调查报告》。"));
  assert.equal(f.length, 2);
  assert.match(f[0].message, /没有附件3/);
  assert.match(f[1].message, /评价指标体系/);
});

Deno.test("cross-reference: correct references, full-width numbers and labels alone are fine", () => {
  assert.deepEqual(runRule(crossReference, annexDoc("详见附件１，评分见附件2《评价指标体系》。")), []);
  // no annexes in the file at all: they may be submitted separately, so nothing is claimed
  assert.deepEqual(runRule(crossReference, makeDoc(["详见附件3。"])), []);
});

Deno.test("cross-reference: 见表N needs a caption when the document numbers its tables", () => {
  const doc = makeDoc(["表1 收支情况", "如见表1所示，另见表2。"]);
  const f = runRule(crossReference, doc);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /表2/);
  assert.deepEqual(runRule(crossReference, makeDoc(["详见表2。"])), []);
});

// Red-team probes: another document's annex, a caption in the table's first row, a shortened annex title.
ruleTester(crossReference, {
  valid: [
    {
      name: "a notice's annex (《…通知》附件3)",
      doc: annexDoc("按照《某县财政局关于开展绩效自评工作的通知》附件3要求填报。"),
    },
    {
      name: "a regulation's annex (〔2020〕10号）附件4)",
      doc: annexDoc("参照《项目支出绩效评价管理办法》（财预〔2020〕10号）附件4设置指标。"),
    },
    { name: "通知的附件4", doc: annexDoc("依据通知的附件4评分。") },
    {
      name: "a shortened annex title",
      doc: [h(1, "一、概况"), "详见附件1《绩效自评表》。", h(1, "附件1：2024年度项目支出绩效自评表"), "内容"],
    },
    {
      name: "a caption in the table's first row",
      doc: [
        "表1 项目基本情况",
        "资金情况如表2所示。",
        table([["表2 项目资金情况", ""], ["项目", "金额"], ["中央资金", "100"]], [{
          row: 0,
          col: 0,
          colspan: 2,
        }], 2),
      ],
    },
  ],
  invalid: [
    {
      name: "this report's missing annex",
      doc: annexDoc("按要求填报，详见附件3。"),
      errors: [{ messageId: "missing-annex" }],
    },
    {
      name: "this report's annex with another title",
      doc: annexDoc("评分见附件2《问卷调查报告》。"),
      errors: [{ messageId: "annex-title" }],
    },
    {
      name: "a table with no caption anywhere",
      doc: [
        "表1 项目基本情况",
        "资金情况如表3所示。",
        table([["表2 项目资金情况", ""], ["项目", "金额"]], [], 2),
      ],
      errors: [{ messageId: "missing-table" }],
    },
  ],
});
