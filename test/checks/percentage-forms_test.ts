/** percentage-arithmetic: inputs as written (truncation, rounding, a gap only rounded inputs explain), periods. */
import { ruleTester } from "../helpers/rule-tester.ts";
import { percentageArithmetic } from "../../checks/rules/percentage-arithmetic.ts";

ruleTester(percentageArithmetic, {
  valid: [
    { name: "rounded correctly", doc: ["实际支出2300万元，占年度预算1800万元的127.78%。"] },
    { name: "rounded to one decimal", doc: ["实际支出2300万元，占年度预算1800万元的127.8%。"] },
    { name: "score rate that follows", doc: ["业务管理指标分值35分，评价得分32分，得分率91.43%。"] },
    {
      name: "periods named, change that follows",
      doc: ["今年接待游客1500人次，去年接待游客1200人次，增长25%。"],
    },
    {
      name: "个百分点 between two years' rates",
      doc: ["2023年办结率96.4%，2022年办结率94.1%，提高2.3个百分点。"],
    },
    { name: "余 in an input: no exact recomputation", doc: ["完成造林2300余亩，占计划1800亩的127.7%。"] },
  ],
  invalid: [
    {
      name: "truncated instead of rounded: info",
      doc: ["实际支出2300万元，占年度预算1800万元的127.7%。"],
      errors: [{ messageId: "truncation", severity: "info", certainty: "rounding", message: "127.8%" }],
    },
    {
      name: "执行率 truncated",
      doc: ["年度预算1800万元，实际支出2300万元，执行率127.7%。"],
      errors: [{ messageId: "truncation", severity: "info" }],
    },
    {
      name: "a gap only rounded inputs could explain: a warning",
      doc: ["业务管理指标分值35分，评价得分32分，得分率90.14%。"],
      errors: [{ messageId: "as-written", severity: "warning", certainty: "assumption", message: "32 ÷ 35" }],
    },
    {
      name: "periods named by 今年/去年 without 较",
      doc: ["今年接待游客1500人次，去年接待游客1200人次，增长30%。"],
      errors: [{ messageId: "mismatch", severity: "error", message: "(1500 − 1200) ÷ 1200" }],
    },
    {
      name: "本年/上年 before 同比",
      doc: ["本年支出2300万元，上年支出1800万元，同比增长27.7%。"],
      errors: [{ messageId: "truncation", severity: "info" }],
    },
    {
      name: "个百分点 between two years' rates, last digit off",
      doc: ["2023年办结率96.4%，2022年办结率94.1%，提高2.4个百分点。"],
      errors: [{ messageId: "rounding", severity: "info" }],
    },
  ],
});
