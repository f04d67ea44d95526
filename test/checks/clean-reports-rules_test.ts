/**
 * Rule cases for the fixes the whole clean reports (clean-reports_test.ts) called for: each general cause
 * with a valid case (the consistent statement that gave a wrong finding), an invalid one (the defect still
 * found) and near misses.
 */
import { h, makeDoc, table, toc } from "../../src/testing/doc-spec.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { conflictingFigureTester } from "./conflicting-figure_family.ts";
import { sumMismatch } from "../../checks/rules/sum-mismatch.ts";
import { scoreGrade } from "../../checks/rules/score-grade.ts";
import { scoreTotal } from "../../checks/rules/score-total.ts";
import { foreignEntity } from "../../checks/rules/foreign-entity.ts";
import { tocMismatch } from "../../checks/rules/toc-mismatch.ts";
import { percentageArithmetic } from "../../checks/rules/percentage-arithmetic.ts";
import { questionnaireTally } from "../../checks/rules/questionnaire-tally.ts";

const warn = { messageId: "same-subject", severity: "warning" as const };

conflictingFigureTester({
  valid: [
    {
      name: "a target subsection inside 绩效目标及完成情况 is a target, its sibling the results",
      doc: [
        h(1, "三、绩效目标及完成情况"),
        h(2, "（一）年度绩效目标"),
        "年度目标为新增改善灌溉面积1.2万亩。",
        h(2, "（二）效益指标完成情况"),
        "新增改善灌溉面积1.26万亩，完成率105%。",
      ],
    },
    {
      name: "a figure the sentence calls a target is not joined to unmarked results",
      doc: [
        h(1, "一、部门概况"),
        "全年新建改造农村供水管网84.6公里。",
        h(1, "二、绩效分析"),
        "我局绩效目标为：新建改造农村供水管网80公里。",
      ],
    },
    {
      name: "the total of parallel projects against one project's figure",
      doc: [
        h(1, "一、基本情况"),
        "本次自评的3个项目资金合计551.50万元，全年实际支出535.16万元。",
        h(1, "二、项目自评情况"),
        h(2, "（一）农村人居环境整治项目"),
        "该项目实际支出178.36万元。",
        h(2, "（二）村级公益事业奖补项目"),
        "该项目资金总额120.00万元，全年实际支出120.00万元。",
      ],
    },
  ],
  invalid: [
    {
      name: "two targets with different values",
      doc: [
        h(1, "一、部门概况"),
        "全年计划新建改造农村供水管网80公里。",
        h(1, "二、绩效分析"),
        "全年计划新建改造农村供水管网85公里。",
      ],
      errors: [warn],
    },
    {
      name: "two unmarked figures outside the projects still compared",
      doc: [
        h(1, "一、基本情况"),
        "各项目全年实际支出535.16万元。",
        h(1, "二、项目自评情况"),
        h(2, "（一）农村人居环境整治项目"),
        "该项目实际支出178.36万元。",
        h(2, "（二）村级公益事业奖补项目"),
        "该项目实际支出120.00万元。",
        h(1, "三、总体评价结论"),
        "各项目全年实际支出553.16万元，资金使用规范。",
      ],
      errors: [warn],
    },
    {
      name: "unmarked results in two places still compared when a target is stated too",
      doc: [
        h(1, "一、部门概况"),
        "全年新建改造农村供水管网84.6公里。",
        h(1, "二、绩效分析"),
        "我局绩效目标为：新建改造农村供水管网80公里。",
        "全年新建改造农村供水管网86.4公里，完成率108%。",
      ],
      errors: [warn],
    },
  ],
});

ruleTester(sumMismatch, {
  valid: [
    {
      name: "a colon after a part opens its own breakdown",
      doc: [
        "该项目资金总额186.50万元，其中上年结转资金24.50万元，本年分两批下达资金162.00万元：第一批90.00万元，第二批72.00万元。",
      ],
    },
    {
      name: "a sample drawn per unit is a product, not a sum",
      doc: ["从全县14个乡镇中抽取5个乡镇，在每个抽中的乡镇随机抽取3个村，共15个村。"],
    },
    {
      name: "a sample drawn from a pool (full-width digits)",
      doc: ["从全县１４个乡镇中随机抽取５个乡镇、２个街道，共7个。"],
    },
  ],
  invalid: [
    {
      name: "the parts before the colon still weighed against the whole",
      doc: [
        "该项目资金总额186.50万元，其中上年结转资金34.50万元，本年分两批下达资金162.00万元：第一批90.00万元，第二批72.00万元。",
      ],
      errors: [{ messageId: "mismatch", severity: "error" }],
    },
    {
      name: "a plain list with a wrong 共",
      doc: ["抽取柳溪村5户、梅岭村3户、桥头村4户，共15户。"],
      errors: [{ messageId: "mismatch" }],
    },
  ],
});

const bands =
  "评价等级分为四档：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。";

ruleTester(scoreGrade, {
  valid: [
    {
      name: "a grade that picks out projects states no grade",
      doc: [
        h(1, "一、评价结论"),
        bands,
        "该项目得分92分，评价等级为“优”。",
        table([["一级指标", "分值", "得分"], ["决策", "40", "37"], ["产出", "60", "55"], [
          "合计",
          "100",
          "92",
        ]]),
        "对自评等级为“良”的项目，督促其补齐短板。",
      ],
    },
    {
      name: "a tally of grades (其中评价等级为“优”的2个)",
      doc: [
        h(1, "一、评价结论"),
        bands,
        table([["一级指标", "分值", "得分"], ["决策", "40", "37"], ["产出", "60", "55"], [
          "合计",
          "100",
          "92",
        ]]),
        "3个项目得分分别为92分、88.5分和95分，其中评价等级为“优”的2个，为“良”的1个。",
      ],
    },
  ],
  invalid: [
    {
      name: "a grade stated as a conclusion (得出…的结论) is still read",
      doc: [h(1, "一、评价结论"), bands, "经综合评价，得分86.5分，得出评价等级为“优”的结论。"],
      errors: [{ messageId: "grade-vs-score", severity: "error" }],
    },
    {
      name: "a plain grade above its band",
      doc: [h(1, "一、评价结论"), bands, "该项目得分88.5分，评价等级为“优”。"],
      errors: [{ messageId: "grade-vs-score", severity: "error" }],
    },
  ],
});

const scoreTable = (total: string) =>
  table([
    ["一级指标", "分值", "得分"],
    ["决策", "20", "17.5"],
    ["过程", "20", "18"],
    ["产出", "30", "25"],
    ["效益", "30", "26"],
    ["合计", "100", total],
  ]);

ruleTester(scoreTotal, {
  valid: [
    {
      name: "a band's bound is no score awarded",
      doc: [
        h(1, "一、评价等级标准"),
        "综合得分90分（含）以上为“优”，80分（含）至90分为“良”。",
        h(1, "二、评价结论"),
        "综合得分86.5分，评价等级为“良”。",
        scoreTable("86.5"),
      ],
    },
    {
      name: "a bound written 综合得分80分至90分",
      doc: [h(1, "一、评价结论"), "综合得分80分至90分为“良”。", "综合得分86.5分。", scoreTable("86.5")],
    },
  ],
  invalid: [
    {
      name: "the text's total still weighed against the table's",
      doc: [
        h(1, "一、评价等级标准"),
        "综合得分90分（含）以上为“优”。",
        h(1, "二、评价结论"),
        "综合得分88.5分，评价等级为“良”。",
        scoreTable("86.5"),
      ],
      errors: [{ messageId: "text-vs-table-total", severity: "warning" }],
    },
  ],
});

const OWN = { year: 2024, unit: "汀州县农业农村局" };

ruleTester(foreignEntity, {
  valid: [
    {
      name: "建议 before a bare 县",
      doc: makeDoc([h(1, "七、有关建议"), "建议县农业农村局增设效益指标。"], OWN),
    },
    {
      name: "督促 before a bare 县",
      doc: makeDoc([h(1, "七、有关建议"), "督促县农业农村局及时整改。"], OWN),
    },
  ],
  invalid: [
    {
      name: "another county after 建议",
      doc: makeDoc([h(1, "七、有关建议"), "建议清溪县农业农村局增设效益指标。"], OWN),
      errors: [{ messageId: "other-unit" }],
    },
  ],
});

const tocDoc = (entries: string[]) => [
  { text: "目录", role: "toc-heading" as const },
  ...entries.map(toc),
  h(1, "一、项目基本情况"),
  "内容。",
  h(1, "二、评价结论"),
  "内容。",
  h(1, "附件1：评分表"),
  "内容。",
];

ruleTester(tocMismatch, {
  valid: [],
  invalid: [
    {
      name: "a 目录 that lists no annex: the annex is a note",
      doc: tocDoc(["一、项目基本情况", "二、评价结论"]),
      errors: [{ messageId: "missing-in-toc", severity: "info" }],
    },
    {
      name: "a 目录 that lists an annex but not this one",
      doc: [
        ...tocDoc(["一、项目基本情况", "二、评价结论", "附件1：评分表"]),
        h(1, "附件2：问卷统计表"),
        "内容。",
      ],
      errors: [{ messageId: "missing-in-toc", severity: "warning" }],
    },
    {
      name: "a chapter missing from the 目录 is still a warning",
      doc: tocDoc(["一、项目基本情况"]),
      errors: [{ messageId: "missing-in-toc", severity: "warning" }, {
        messageId: "missing-in-toc",
        severity: "info",
      }],
    },
  ],
});

const mismatch = { messageId: "mismatch" };

ruleTester(percentageArithmetic, {
  valid: [
    {
      name: "较上年X增加Y，增长Z%",
      doc: ["收入合计3,856.42万元，较上年3,420.18万元增加436.24万元，增长12.75%。"],
    },
    {
      name: "与上年X相比，增加Y，增长Z% (the current figure in the sentence before)",
      doc: ["2024年度收入合计3,856.42万元。与上年收入3,420.18万元相比，增加436.24万元，增长12.75%。"],
    },
    { name: "与上年X相比增长Z%", doc: ["收入合计3856.42万元，与上年3420.18万元相比增长12.75%。"] },
    { name: "a decrease, rounded", doc: ["支出8.62万元，较上年9.35万元减少0.73万元，下降7.81%。"] },
    {
      name: "与上年相比 with no figure: nothing to weigh",
      doc: ["收入合计3856.42万元，与上年相比增长12.57%。"],
    },
    {
      name: "a part's own rate after the pair (其中A增长30%)",
      doc: ["本年收入1200万元，较上年1000万元增加200万元，其中税收收入增长30%。"],
    },
    {
      name: "a part's own rate after 本年/上年 figures",
      doc: ["本年收入1200万元，上年收入1000万元，其中税收收入增长30%。"],
    },
    {
      name: "a project's 资金执行率 against its 资金合计",
      doc: ["项目资金合计551.50万元，全年实际支出535.16万元，资金执行率97.04%。"],
    },
  ],
  invalid: [
    {
      name: "较上年X增加Y, a mistyped rate",
      doc: ["收入合计3,856.42万元，较上年3,420.18万元增加436.24万元，增长17.25%。"],
      errors: [{ ...mismatch, severity: "error" }],
    },
    {
      name: "与上年X相比，增加Y: the rate weighed against Y ÷ X",
      doc: ["2024年度收入合计3,856.42万元。与上年收入3,420.18万元相比，增加436.24万元，增长17.25%。"],
      errors: [{ ...mismatch, severity: "error", message: "436.24 ÷ 3420.18" }],
    },
    {
      name: "与上年X相比增长, two digits swapped",
      doc: ["收入合计3856.42万元，与上年3420.18万元相比增长12.57%。"],
      errors: [{ ...mismatch, severity: "error" }],
    },
    {
      name: "本年/上年 figures then a bare rate, mistyped",
      doc: ["本年收入1200万元，上年收入1000万元，增长30%。"],
      errors: [{ ...mismatch, severity: "error" }],
    },
    {
      name: "a decrease mistyped",
      doc: ["支出8.62万元，较上年9.35万元减少0.73万元，下降7.18%。"],
      errors: [{ ...mismatch, severity: "error" }],
    },
    {
      name: "a project's 资金执行率 mistyped (a named rate: a warning)",
      doc: ["项目资金合计551.50万元，全年实际支出535.16万元，资金执行率97.40%。"],
      errors: [{ ...mismatch, severity: "warning" }],
    },
  ],
});

ruleTester(questionnaireTally, {
  valid: [
    {
      name: "shares of a tally split by ；",
      doc: [
        "共发放问卷360份，回收有效问卷348份。其中表示“满意”的312份，占89.66%；“基本满意”的29份，占8.33%；“不满意”的7份，占2.01%。",
      ],
    },
  ],
  invalid: [
    {
      name: "a share mistyped in a tally split by ；",
      doc: [
        "共发放问卷360份，回收有效问卷348份。其中表示“满意”的312份，占89.66%；“基本满意”的29份，占3.83%；“不满意”的7份，占2.01%。",
      ],
      errors: [{ messageId: "answer-share", severity: "warning" }],
    },
    {
      name: "options split by ； that exceed the valid questionnaires",
      doc: ["回收有效问卷348份。其中“满意”的322份；“基本满意”的29份；“不满意”的7份。"],
      errors: [{ messageId: "answers-vs-valid", severity: "error" }],
    },
  ],
});
