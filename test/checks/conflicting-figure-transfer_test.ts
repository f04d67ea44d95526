/**
 * conflicting-figure-transfer: 「X万元已全部拨付」 against 「已拨付Y万元」 (same verb, Y < X) in another
 * paragraph, and the statements that only look like it (equal or rounding-compatible amounts, another verb,
 * a part after 其中, another year or stage, approximate amounts).
 */
import { ruleTester } from "../helpers/rule-tester.ts";
import { conflictingFigureTransfer } from "../../checks/rules/conflicting-figure-transfer.ts";
import { h, makeDoc } from "../../src/testing/doc-spec.ts";

const two = (a: string, b: string) => [h(1, "一、资金到位情况"), a, h(1, "二、资金执行情况"), b];
const warn = { messageId: "all-versus-part", severity: "warning" as const, certainty: "assumption" as const };

ruleTester(conflictingFigureTransfer, {
  valid: [
    { name: "the same amount", doc: two("专项资金850万元已全部拨付。", "已完成拨付850万元，执行率100%。") },
    {
      name: "near miss: amounts equal after rounding",
      doc: two("专项资金850万元已全部拨付。", "已拨付849.8万元，执行率99.98%。"),
    },
    {
      name: "near miss: another verb (到位 against 拨付)",
      doc: two("专项资金850万元已全部到位。", "已拨付720万元，执行率84.71%。"),
    },
    {
      name: "a part after 其中",
      doc: two("专项资金850万元已全部拨付。", "项目资金共计1000万元，其中已拨付720万元。"),
    },
    {
      name: "another year",
      doc: makeDoc(two("专项资金850万元已全部拨付。", "2022年已拨付720万元，主要用于道路建设。"), {
        year: 2023,
      }),
    },
    {
      name: "two dated stages of one payment",
      doc: two("截至12月底，专项资金850万元已全部拨付。", "截至6月底，已拨付720万元。"),
    },
    {
      name: "near miss: an approximate amount",
      doc: two("专项资金850万元已全部拨付。", "已拨付约720万元。"),
    },
    { name: "near miss: 余", doc: two("专项资金850万元已全部拨付。", "已拨付720余万元。") },
    { name: "more paid than the whole", doc: two("专项资金720万元已全部拨付。", "已拨付850万元。") },
  ],
  invalid: [
    {
      name: "全部拨付 against a smaller amount paid",
      doc: two("专项资金850万元目前已全部拨付。", "已完成拨付720万元，执行率84.71%。"),
      errors: [{ ...warn, message: "称850万元已全部拨付" }],
    },
    {
      name: "full-width digits and 累计",
      doc: two("专项资金８５０万元已全部拨付。", "累计已拨付７２０万元。"),
      errors: [warn],
    },
    {
      name: "another verb on both sides (发放)",
      doc: two("补贴资金120万元已全部发放。", "已发放96万元，惠及农户800户。"),
      errors: [{ ...warn, message: "却写已发放" }],
    },
    {
      name: "control of the year case: the same sentence without a year",
      doc: makeDoc(two("专项资金850万元已全部拨付。", "已拨付720万元，主要用于道路建设。"), { year: 2023 }),
      errors: [warn],
    },
    {
      name: "control of the stage case: only one statement dated",
      doc: two("截至12月底，专项资金850万元已全部拨付。", "已拨付720万元。"),
      errors: [warn],
    },
  ],
});
