import assert from "node:assert/strict";
import { headingNumbering } from "../../checks/rules/heading-numbering.ts";
import { h, makeDoc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

Deno.test("heading-numbering: a repeated （二） and a repeated 四、 are found", () => {
  const doc = makeDoc([
    h(1, "一、概况"),
    h(1, "二、目标"),
    h(1, "三、思路"),
    h(1, "四、结论"),
    h(2, "（一）评价结论"),
    h(2, "（二）主要绩效"),
    h(2, "（二）具体绩效分析"),
    h(1, "四、存在的问题"),
    h(1, "五、建议"),
  ]);
  const f = runRule(headingNumbering, doc);
  assert.deepEqual(f.map((x) => [x.messageId, x.details.number]), [["repeat", 4], ["repeat", 2]]);
  assert.deepEqual(f[1].evidence.map((e) => e.quote), ["（二）主要绩效", "（二）具体绩效分析"]);
});

Deno.test("heading-numbering: style switch 3、 among 一、二、四、 and a skip", () => {
  const f = runRule(
    headingNumbering,
    makeDoc([h(1, "一、甲"), h(1, "二、乙"), h(1, "3、 丙"), h(1, "四、丁")]),
  );
  assert.deepEqual(f.map((x) => x.messageId), ["style"]);
  assert.deepEqual(f[0].details, { found: "arabic", expectedStyle: "chinese", parent: "正文" });
  const skip = runRule(headingNumbering, makeDoc([h(1, "一、甲"), h(1, "三、丙")]));
  assert.deepEqual(skip.map((x) => [x.messageId, x.details.expected]), [["skip", 2]]);
  assert.deepEqual(skip[0].details, { expected: 2, found: 3, parent: "正文" });
});

Deno.test("heading-numbering: clean numbering, separate lists per parent and annexes: nothing", () => {
  const doc = makeDoc([
    h(1, "一、甲"),
    h(2, "（一）子"),
    h(2, "（二）子"),
    h(1, "二、乙"),
    h(2, "（一）子"),
    h(3, "1.孙"),
    h(3, "2.孙"),
    h(1, "附件1"),
    h(2, "一、附件内"),
    h(1, "附件2"),
  ]);
  assert.deepEqual(runRule(headingNumbering, doc), []);
});

Deno.test("heading-numbering: a run-on numbered paragraph fills the gap before heading 2.", () => {
  const doc = makeDoc([
    h(1, "一、概况"),
    "1.坚持优化服务，就业形势向好。一是走访慰问。",
    h(3, "2.坚持深化改革"),
    h(3, "3.坚持改革引领"),
  ]);
  assert.deepEqual(runRule(headingNumbering, doc), []);
  const gap = makeDoc([h(1, "一、概况"), "正文。", h(3, "2.坚持深化改革"), h(3, "3.坚持改革引领")]);
  assert.deepEqual(runRule(headingNumbering, gap).map((f) => f.messageId), ["skip"]);
});
