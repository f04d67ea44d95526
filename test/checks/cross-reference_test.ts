import assert from "node:assert/strict";
import { crossReference } from "../../checks/rules/cross-reference.ts";
import { h, makeDoc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

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
