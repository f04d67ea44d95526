/**
 * The score family on the layouts reviewers meet: 小计 rows (merged, blank continuation cells, named, by
 * position, above their group), the indicator header below a 自评表's project rows, repeated header rows,
 * the 自评表's 预算执行 row (in the total, 执行率, 预算执行率得分), 实际完成值 vs 年度指标值, and the same
 * 自评表 read from CSV.
 */
import { ruleTester } from "../helpers/rule-tester.ts";
import { scoreExceedsWeight } from "../../checks/rules/score-exceeds-weight.ts";
import { scoreRule } from "../../checks/rules/score-rule.ts";
import { type Merge, table } from "../../src/testing/doc-spec.ts";
import { readDocument } from "../../src/ingest/index.ts";
import { scoreSumTester } from "./score-fixtures.ts";

const H5 = ["一级指标", "二级指标", "三级指标", "分值", "得分"];

/** 小计 rows after each 一级 group; groups written once, the rows below left blank (no merge). */
function subtotalBlank(overrides: Record<string, string> = {}): string[][] {
  const v = (k: string, d: string) => overrides[k] ?? d;
  return [
    H5,
    ["投入", "目标设定", "目标合理性", "6", v("a", "5")],
    ["", "", "指标明确性", "6", "6"],
    ["", "资源配置", "人员控制率", "8", "7"],
    ["小计", "", "", v("w1", "20"), v("s1", "18")],
    ["产出", "履职", "完成率", "40", "36"],
    ["", "", "及时率", "40", "40"],
    ["小计", "", "", "80", v("s2", "76")],
    ["合计", "", "", "100", v("t", "94")],
  ];
}

/** The same with real merges: 一级 and 二级 merged down, 小计/合计 spanning the label columns. */
function subtotalMerged(s1: string): { rows: string[][]; merges: Merge[] } {
  const rows = [
    H5,
    ["投入", "目标设定", "目标合理性", "6", "5"],
    ["投入", "目标设定", "指标明确性", "6", "6"],
    ["投入", "资源配置", "人员控制率", "8", "7"],
    ["小计", "小计", "小计", "20", s1],
    ["产出", "履职", "完成率", "40", "36"],
    ["产出", "履职", "及时率", "40", "40"],
    ["小计", "小计", "小计", "80", "76"],
    ["合计", "合计", "合计", "100", "94"],
  ];
  const merges: Merge[] = [
    { row: 1, col: 0, rowspan: 3 },
    { row: 1, col: 1, rowspan: 2 },
    { row: 4, col: 0, colspan: 3 },
    { row: 5, col: 0, rowspan: 2 },
    { row: 5, col: 1, rowspan: 2 },
    { row: 7, col: 0, colspan: 3 },
    { row: 8, col: 0, colspan: 3 },
  ];
  return { rows, merges };
}

/** A 一级 label merged down over its items and its own 小计 row (the subtotal names its group). */
function subtotalNamed(s: string): { rows: string[][]; merges: Merge[] } {
  return {
    rows: [
      ["一级指标", "二级指标", "分值", "得分"],
      ["决策", "目标明确", "10", "9"],
      ["决策", "资金分配", "10", "8"],
      ["决策", "小计", "20", s],
      ["产出", "数量", "80", "70"],
      ["合计", "", "100", "87"],
    ],
    merges: [{ row: 1, col: 0, rowspan: 3 }],
  };
}

/** 自评表: project rows, the 预算执行 header and row, then the indicator header at row 4. */
function form(o: {
  budget?: string;
  executed?: string;
  rate?: string;
  budgetScore?: string;
  scoreHeader?: string;
  target?: string;
  actual?: string;
  itemScore?: string;
  total?: string;
  deviation?: string;
} = {}): string[][] {
  return [
    ["项目名称", "乡村道路养护", "", "", "", "", "", ""],
    ["主管部门", "某县交通局", "", "实施单位", "某县交通局", "", "", ""],
    ["预算执行情况", "", "年度预算数", "全年执行数", "执行率", "分值", o.scoreHeader ?? "得分", ""],
    [
      "年度资金总额",
      "",
      o.budget ?? "400万元",
      o.executed ?? "380万元",
      o.rate ?? "95%",
      "10",
      o.budgetScore ?? "9.5",
      "",
    ],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    [
      "产出指标",
      "数量指标",
      "养护里程",
      o.target ?? "≥120公里",
      o.actual ?? "126公里",
      "30",
      o.itemScore ?? "30",
      o.deviation ?? "",
    ],
    ["", "质量指标", "验收合格率", "≥95%", "97%", "30", "30", ""],
    ["效益指标", "社会效益指标", "通行条件改善", "有效改善", "有效改善", "20", "18", ""],
    ["满意度指标", "满意度", "群众满意度", "≥90%", "93%", "10", "10", ""],
    ["总分", "", "", "", "", "100", o.total ?? "97.5", ""],
  ];
}

/** CSV input becomes a one-table Document: the same 自评表 written by Excel. */
async function csvDoc(rows: string[][]) {
  const text = rows.map((r) => r.map((c) => /[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c).join(","))
    .join("\r\n");
  return await readDocument(new TextEncoder().encode(text), { file: "自评表.csv" });
}

const formRepeatedHeader = (() => {
  const rows = form();
  // A page break: the indicator header repeated before the last two items.
  rows.splice(7, 0, [...rows[4]]);
  return rows;
})();

// The rules score-sum was split into (score-weight-tree, score-weight-total, score-total, score-text-sum).
scoreSumTester({
  valid: [
    { name: "小计 rows that add up (blank continuation cells)", doc: [table(subtotalBlank())] },
    {
      name: "小计 rows that add up (merged)",
      doc: [table(subtotalMerged("18").rows, subtotalMerged("18").merges)],
    },
    {
      name: "near miss: a 小计 rounded to one decimal (5.56 + 6 + 7 = 18.56, written 18.6)",
      doc: [table(subtotalBlank({ a: "5.56", s1: "18.6", t: "94.56" }))],
    },
    { name: "named 小计 that adds up", doc: [table(subtotalNamed("17").rows, subtotalNamed("17").merges)] },
    { name: "自评表: 总分 = 预算执行得分 + indicator scores", doc: [table(form())] },
    { name: "自评表 with a repeated header row", doc: [table(formRepeatedHeader)] },
    { name: "half points: 9.5 + 30 + 30 + 18 + 10 = 97.5", doc: [table(form({ budgetScore: "9.5" }))] },
  ],
  invalid: [
    {
      name: "小计 score above its items (blank continuation cells): certain",
      doc: [table(subtotalBlank({ s1: "19" }))],
      errors: [{ messageId: "subtotal-scores", severity: "error", message: "5+6+7=18" }],
    },
    {
      name: "小计 weight vs items (merged)",
      doc: [table(subtotalBlank({ w1: "22", t: "94" }))],
      errors: [{ messageId: "subtotal-weights", severity: "error" }],
    },
    {
      name: "小计 score in a merged layout",
      doc: [table(subtotalMerged("16").rows, subtotalMerged("16").merges)],
      errors: [{ messageId: "subtotal-scores", severity: "error", message: "“投入”" }],
    },
    {
      name: "a 小计 named by the merged 一级 label beside it",
      doc: [table(subtotalNamed("18").rows, subtotalNamed("18").merges)],
      errors: [{ messageId: "subtotal-scores", severity: "error", message: "“决策”" }],
    },
    {
      name: "a 小计 whose rows span two groups: by position, a warning",
      doc: [table([
        ["一级指标", "二级指标", "分值", "得分"],
        ["决策", "目标明确", "10", "9"],
        ["过程", "资金管理", "10", "8"],
        ["小计", "", "20", "18"],
        ["产出", "数量", "80", "70"],
        ["合计", "", "100", "87"],
      ])],
      errors: [{ messageId: "subtotal-scores", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "自评表: 总分 leaves out the 预算执行 score",
      doc: [table(form({ total: "88" }))],
      errors: [{ messageId: "scores-vs-total", severity: "error", message: "97.5" }],
    },
    {
      name: "自评表 in CSV: 总分 wrong",
      doc: await csvDoc(form({ total: "99" })),
      errors: [{ messageId: "scores-vs-total", severity: "error" }],
    },
  ],
});

ruleTester(scoreExceedsWeight, {
  valid: [
    { name: "自评表 scores within weights", doc: [table(form())] },
    { name: "自评表 in CSV within weights", doc: await csvDoc(form()) },
  ],
  invalid: [
    {
      name: "自评表: header at row 4, an item above its weight",
      doc: [table(form({ itemScore: "30.5", total: "98" }))],
      errors: [{ messageId: "table", severity: "error", message: "养护里程" }],
    },
    {
      name: "自评表 with a repeated header: the item after it is still read",
      doc: [table(formRepeatedHeader.map((r, i) => i === 9 ? r.map((c, j) => j === 6 ? "11" : c) : r))],
      errors: [{ messageId: "table", severity: "error", message: "群众满意度" }],
    },
    {
      name: "自评表 in CSV: an item above its weight",
      doc: await csvDoc(form({ itemScore: "31", total: "98.5" })),
      errors: [{ messageId: "table", severity: "error" }],
    },
    {
      name: "预算执行 score above its weight",
      doc: [table(form({ budgetScore: "12", total: "100" }))],
      errors: [{ messageId: "table", severity: "error", message: "年度资金总额" }],
    },
  ],
});

const STATED_RULE = "得分（分值×执行率）";

ruleTester(scoreRule, {
  valid: [
    { name: "执行率 and 预算执行得分 right", doc: [table(form())] },
    {
      name: "执行率 above 100%: full marks (min(执行率, 1))",
      doc: [table(form({ executed: "420万元", rate: "105%", budgetScore: "10", total: "98" }))],
    },
    {
      name: "rounded 执行率 and score: 2.31亿元 / 21440.61万元 = 92.82%, 10 × 92.82% = 9.28",
      doc: [
        table(
          form({
            budget: "2.31亿元",
            executed: "21440.61万元",
            rate: "92.82%",
            budgetScore: "9.28",
            total: "97.28",
          }),
        ),
      ],
    },
    {
      name: "the report states its own rule for the rate: the default is not applied",
      doc: ["预算执行率≥90%得满分，每低1%扣0.5分。", table(form({ budgetScore: "10", total: "98" }))],
    },
    { name: "qualitative target (有效改善) left unchecked", doc: [table(form())] },
    {
      name: "a target missed with points deducted and a 偏差原因",
      doc: [table(form({ actual: "110公里", itemScore: "27", total: "94.5", deviation: "汛期停工" }))],
    },
    {
      name: "≤ target met",
      doc: [table(form({ target: "≤30天", actual: "28天" }))],
    },
    {
      name: "以上 target met exactly",
      doc: [table(form({ target: "120公里以上", actual: "120公里" }))],
    },
  ],
  invalid: [
    {
      name: "执行率 not 执行数 ÷ 预算数: certain",
      doc: [table(form({ rate: "98%", budgetScore: "9.8", total: "97.8" }))],
      errors: [{ messageId: "execution-rate", severity: "error", message: "95%" }],
    },
    {
      name: "near miss: 执行率 off in the last digit",
      doc: [
        table(
          form({
            executed: "382.00万元",
            budget: "400.00万元",
            rate: "95.6%",
            budgetScore: "9.56",
            total: "97.56",
          }),
        ),
      ],
      errors: [{ messageId: "execution-rate", severity: "info", certainty: "rounding" }],
    },
    {
      name: "预算执行得分 against the default 分值×执行率: warning stating the assumption",
      doc: [table(form({ budgetScore: "8", total: "96" }))],
      errors: [{ messageId: "budget-score", severity: "warning", certainty: "assumption", message: "9.5" }],
    },
    {
      name: "预算执行得分 against the rule the header states: certain",
      doc: [table(form({ budgetScore: "8", total: "96", scoreHeader: STATED_RULE }))],
      errors: [{ messageId: "budget-score", severity: "error" }],
    },
    {
      name: "target missed but full marks (≥), and no 偏差原因",
      doc: [table(form({ actual: "110公里" }))],
      errors: [
        { messageId: "target-missed-full-marks", severity: "warning", message: "≥120公里" },
        { messageId: "deviation-reason-missing", severity: "info" },
      ],
    },
    {
      name: "≤ target exceeded with full marks",
      doc: [table(form({ target: "≤30天", actual: "35天", deviation: "雨季延误" }))],
      errors: [{ messageId: "target-missed-full-marks", severity: "warning", message: "超过目标上限" }],
    },
    {
      name: "自评表 in CSV: target missed, full marks",
      doc: await csvDoc(form({ actual: "100公里", deviation: "资金到位晚" })),
      errors: [{ messageId: "target-missed-full-marks", severity: "warning" }],
    },
  ],
});

// 年初 vs 全年: the 执行率 computed on 年初预算数 while 全年预算数 differs.
ruleTester(scoreRule, {
  valid: [],
  invalid: [
    {
      name: "执行率 on 年初预算数 instead of 全年预算数",
      doc: [table([
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "500", "400", "380", "10", "76%", "7.6"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "126公里", "90", "90"],
        ["总分", "", "", "", "", "100", "97.6"],
      ])],
      errors: [
        { messageId: "execution-rate", severity: "warning", message: "年初预算数" },
      ],
    },
  ],
});
