/** sum-mismatch on the common written forms: totals after their parts, 等 lists, 收入 by source. */
import { ruleTester } from "../helpers/rule-tester.ts";
import { sumMismatch } from "../../checks/rules/sum-mismatch.ts";

ruleTester(sumMismatch, {
  valid: [
    { name: "parts then 合计 that add up", doc: ["购置设备32万元、维修场地18万元，合计50万元。"] },
    { name: "共计 with thousands separators", doc: ["新建步道1,250米、改造旧路750米，共计2,000米。"] },
    { name: "full-width digits that add up", doc: ["发放补贴１２０户、慰问金３０户，合计１５０户。"] },
    { name: "a list ending in 等 cannot be summed", doc: ["印刷费6万元、差旅费3万元等，共计12万元。"] },
    {
      name: "a list that says 主要 cannot be summed",
      doc: ["主要用于培训费7万元、会议费2万元，合计15万元。"],
    },
    {
      name: "the total restated before its parts",
      doc: ["本年度支出80万元，人员经费50万元、公用经费30万元，合计80万元。"],
    },
    {
      name: "a 其中 list and its trailing 合计 agree",
      doc: ["项目资金90万元，其中省级资金60万元、县级资金30万元，合计90万元。"],
    },
    {
      name: "约 in the total: no exact sum",
      doc: ["修缮校舍40万元、添置课桌20万元，共计约65万元。"],
    },
    {
      name: "收入 by source that add up",
      doc: ["2022年收入合计300万元。财政拨款收入280万元，其他收入20万元。"],
    },
    {
      name: "sibling accounts ending alike are not a total and its parts",
      doc: ["财政拨款收入280万元，事业收入12万元，其他收入8万元。"],
    },
  ],
  invalid: [
    {
      name: "parts then 合计 that do not add up",
      doc: ["购置设备32万元、维修场地18万元，合计55万元。"],
      errors: [{ messageId: "mismatch", severity: "error", certainty: "certain", message: "32 + 18 = 50" }],
    },
    {
      name: "共计 with thousands separators, off by 100",
      doc: ["新建步道1,250米、改造旧路750米，共计2,100米。"],
      errors: [{ messageId: "mismatch", severity: "error", message: "1250 + 750 = 2000" }],
    },
    {
      name: "full-width digits",
      doc: ["发放补贴１２０户、慰问金３０户，合计１６０户。"],
      errors: [{ messageId: "mismatch", severity: "error" }],
    },
    {
      name: "a 其中 list whose trailing 合计 disagrees: one finding, the 合计 not taken as a part",
      doc: ["项目资金95万元，其中省级资金60万元、县级资金30万元，合计95万元。"],
      errors: [{ messageId: "mismatch", severity: "error", message: "60 + 30 = 90" }],
    },
    {
      name: "收入 by source that do not add up: a warning stating the assumption",
      doc: ["2022年收入合计300万元。财政拨款收入270万元，其他收入20万元。"],
      errors: [{ messageId: "mismatch", severity: "warning", certainty: "assumption", message: "全部来源" }],
    },
  ],
});
