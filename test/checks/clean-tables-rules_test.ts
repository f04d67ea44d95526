/**
 * ruleTester cases for what the clean table-heavy reports (clean-tables_test.ts) showed: a 总分 row labelled
 * in the column left of the indicator labels, the report's own total among part scores beside a grade, a
 * 评分标准 cell that opens on its threshold, a bare 占比 column after each option's count, a 总额 row above
 * its 其中 rows, 回收率, and 执行率 in a transfer's 区域自评表 (下达数 / 到位数 / 执行数).
 */
import { ruleTester } from "../helpers/rule-tester.ts";
import { type Merge, table } from "../../src/testing/doc-spec.ts";
import { scoreTotal } from "../../checks/rules/score-total.ts";
import { scoreWeightTotal } from "../../checks/rules/score-weight-total.ts";
import { scoreGrade } from "../../checks/rules/score-grade.ts";
import { scoreRule } from "../../checks/rules/score-rule.ts";
import { questionnaireTally } from "../../checks/rules/questionnaire-tally.ts";
import { sumMismatch } from "../../checks/rules/sum-mismatch.ts";
import { percentageArithmetic } from "../../checks/rules/percentage-arithmetic.ts";

/** A 自评表's indicator block: 绩效指标 merged down column 0, the 总分 row merged across the label columns. */
function form(total: string, merged: boolean) {
  const rows = [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["绩效指标", "产出指标", "数量指标", "新建泵站", "60", "60"],
    ["绩效指标", "效益指标", "社会效益指标", "受益人口", "40", "36"],
    ["总分", "总分", "总分", "总分", "100", total],
  ];
  const merges: Merge[] = merged ? [{ row: 0, col: 0, rowspan: 3 }, { row: 3, col: 0, colspan: 4 }] : [];
  if (!merged) {
    rows[1][0] =
      rows[2][0] =
      rows[3][1] =
      rows[3][2] =
      rows[3][3] =
        "";
  }
  return [table(rows, merges)];
}

ruleTester(scoreWeightTotal, {
  valid: [
    { name: "总分 merged from the 绩效指标 column is the total, not an item", doc: form("96", true) },
    { name: "总分 in the 绩效指标 column, label columns blank", doc: form("96", false) },
  ],
  invalid: [],
});

ruleTester(scoreTotal, {
  valid: [{ name: "总分 row merged across: scores add up", doc: form("96", true) }],
  invalid: [
    {
      name: "总分 merged from the 绩效指标 column",
      doc: form("97", true),
      errors: [{ messageId: "scores-vs-total" }],
    },
    {
      name: "总分 in the 绩效指标 column (no merges)",
      doc: form("97", false),
      errors: [{ messageId: "scores-vs-total" }],
    },
  ],
});

ruleTester(scoreGrade, {
  valid: [
    {
      name: "自评总分 beside the parts 分别得…",
      doc: [
        "投入、过程、产出、效果指标分别得13.5分、24.65分、33.7分、24分，自评总分95.85分，自评等级为“优”。",
      ],
    },
    {
      name: "合计 after the parts' 得N分",
      doc: [
        "投入指标得13.5分，过程指标得24.65分，产出指标得33.7分，效果指标得24分，合计95.85分，评价等级为“优”。",
      ],
    },
    {
      name: "full-width digits",
      doc: ["各部分分别得１３.５分、２４分，自评总分９５.８５分，自评等级为“优”。"],
    },
  ],
  invalid: [
    {
      name: "自评总分 below the band beside parts",
      doc: ["投入、过程指标分别得13.5分、24.65分，自评总分78.15分，自评等级为“优”。"],
      errors: [{ messageId: "grade-vs-score", severity: "warning" }],
    },
  ],
});

const criteria = (rule: string, actual: string, score: string) => [table([
  ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "指标值", "实际完成值", "得分"],
  ["投入", "预算配置", "重点支出安排率", "5", rule, "≥90%", actual, score],
  ["产出", "职责履行", "任务完成率", "95", "按完成比例得分", "100%", "100%", "95"],
])];

ruleTester(scoreRule, {
  valid: [
    { name: "bare ≥ threshold, step below", doc: criteria("≥90%得满分，每降低1%扣0.5分", "87.00%", "3.5") },
    { name: "bare ≥ threshold met", doc: criteria("≥90%得满分，每降低1%扣0.5分", "92%", "5") },
    {
      name: "bare threshold without comparator",
      doc: criteria("90%得满分，每降低1个百分点扣0.5分", "87%", "3.5"),
    },
    { name: "full-width", doc: criteria("≥９０％得满分，每降低１％扣０.５分", "８７％", "3.5") },
  ],
  invalid: [
    // A bare threshold with no comparator and no step below is no formula: only the target column speaks.
    {
      name: "bare threshold, no step: not read as a formula",
      doc: criteria("90%得满分", "87%", "5"),
      errors: [{ messageId: "target-missed-full-marks", severity: "warning" }],
    },
    {
      name: "bare ≥ threshold, score above the rule",
      doc: criteria("≥90%得满分，每降低1%扣0.5分", "87.00%", "4.5"),
      errors: [{ messageId: "score-vs-rule", severity: "error" }],
    },
    {
      name: "bare threshold without comparator, full marks below it",
      doc: criteria("90%得满分，每降低1%扣0.5分", "85%", "5"),
      errors: [{ messageId: "score-vs-rule", severity: "error" }, { messageId: "target-missed-full-marks" }],
    },
  ],
});

/** 区域自评表 funds: 下达数 / 到位数 / 执行数 / 到位率 / 执行率, then the indicators. */
function region(received: string, rate: string) {
  return [table([
    ["资金情况（万元）", "", "下达数", "到位数", "执行数", "到位率", "执行率"],
    ["", "年度资金总额", "800.00", received, "720.00", "", rate],
    ["一级指标", "二级指标", "三级指标", "分值", "得分", "", ""],
    ["产出指标", "数量指标", "建设面积", "100", "100", "", ""],
  ])];
}

ruleTester(scoreRule, {
  valid: [
    { name: "执行率 = 执行数 ÷ 下达数", doc: region("800.00", "90.00%") },
    { name: "到位数 differs: 执行率 on 到位数 is not judged", doc: region("750.00", "96.00%") },
    { name: "rounded to one decimal", doc: region("800.00", "90.0%") },
  ],
  invalid: [
    {
      name: "执行率 against 执行数 ÷ 下达数",
      doc: region("800.00", "92.00%"),
      errors: [{ messageId: "execution-rate", severity: "error" }],
    },
  ],
});

const survey = (share: string) => [
  "共发放问卷200份，回收有效问卷200份。",
  table([
    ["序号", "调查内容", "满意（份）", "占比", "基本满意（份）", "占比", "不满意（份）", "占比"],
    ["1", "服务态度", "150", share, "40", "20.00%", "10", "5.00%"],
  ]),
];

ruleTester(questionnaireTally, {
  valid: [
    { name: "bare 占比 after each count", doc: survey("75.00%") },
    { name: "rounded to one decimal", doc: survey("75.0%") },
  ],
  invalid: [
    {
      name: "bare 占比 not count ÷ valid",
      doc: survey("57.00%"),
      errors: [{ messageId: "answer-share", severity: "warning" }],
    },
  ],
});

const funds = (other: string, extra: string[][] = []) => [table([
  ["项目", "全年预算数", "全年执行数"],
  ["年度资金总额", "520.00", "497.64"],
  ["其中：财政拨款", "470.00", "452.30"],
  ["其他资金", "50.00", other],
  ...extra,
])];

ruleTester(sumMismatch, {
  valid: [
    { name: "其中 rows add up to the 总额 row above", doc: funds("45.34") },
    { name: "followed by a text row", doc: funds("45.34", [["年度总体目标", "完成12处", ""]]) },
    // Rows after the 其中 rows that already add up are something else (the run is not read on).
    { name: "rows after a complete breakdown", doc: funds("45.34", [["项目支出", "300.00", "280.00"]]) },
  ],
  invalid: [
    {
      name: "其中 rows above the 总额",
      doc: funds("47.34"),
      errors: [{ messageId: "mismatch", severity: "error" }],
    },
    {
      name: "其中 rows short of the 总额: maybe a partial list",
      doc: funds("40.34"),
      errors: [{ messageId: "mismatch", severity: "warning", certainty: "assumption" }],
    },
  ],
});

ruleTester(percentageArithmetic, {
  valid: [
    { doc: ["共发放问卷400份，回收386份，回收率96.50%。"] },
    { name: "one decimal", doc: ["发放问卷400份，收回问卷386份，问卷回收率96.5%。"] },
    { name: "full-width", doc: ["共发放问卷４００份，回收３８６份，回收率９６.５０％。"] },
    { name: "执行率 on 下达资金", doc: ["全市下达资金8500万元，执行8110.60万元，执行率95.42%。"] },
    { name: "执行率 on 预算, bare 执行", doc: ["全年预算8500万元，执行8110.60万元，执行率95.4%。"] },
  ],
  invalid: [
    {
      name: "执行率 on 下达资金",
      doc: ["全市下达资金8500万元，执行8110.60万元，执行率96.42%。"],
      errors: [{ messageId: "mismatch", severity: "warning" }],
    },
    {
      name: "执行率 on 预算, bare 执行",
      doc: ["全年预算8500万元，执行8110.60万元，执行率96.42%。"],
      errors: [{ messageId: "mismatch", severity: "warning" }],
    },
    {
      doc: ["共发放问卷400份，回收386份，回收率95.60%。"],
      errors: [{ messageId: "mismatch", severity: "warning" }],
    },
  ],
});
