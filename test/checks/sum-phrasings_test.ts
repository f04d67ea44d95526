/**
 * sum-mismatch on the phrasings of the genre, through the whole pipeline (all rules): consistent statements
 * give no error (and only the warnings listed, each stating its assumption); defective variants give the
 * finding named. 其中/包括/分别为/主要有/含 lists split by 、，；, totals after their parts, nested lists,
 * rounding, units and scales, full-width digits, thousands separators, and tables (合计 rows and columns,
 * 小计, 其中 rows, rows that break down the row above, blank cells, a 合计 row right under the header).
 */
import assert from "node:assert/strict";
import { type DocSpec, h, makeDoc, table } from "../../src/testing/doc-spec.ts";
import { auditDocument } from "../../src/audit.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { type Consistent, type Defective, phrasingTests } from "../helpers/phrasings.ts";
import { sumMismatch } from "../../checks/rules/sum-mismatch.ts";

const P = (text: string): DocSpec[] => [h(1, "一、部门概况"), text];
/** A table; a leading "单位：万元" caption row is one more header row. */
const T = (rows: string[][]): DocSpec[] => [
  h(1, "一、部门概况"),
  table(rows, [], rows[0][0].startsWith("单位") ? 2 : 1),
];
const META = { year: 2023, unit: "青山县农业农村局" };

const CONSISTENT: Consistent[] = [
  {
    name: "a share's whole after 占 is not a part",
    doc: P("全年发放补贴1000万元，其中2023年结转200万元，占预算资金5000万元的20%。"),
  },
  {
    name: "a budget and its execution after 其中 are not parts",
    doc: P(
      "全年预算1200万元，支出1100万元，执行率91.67%；其中项目预算900万元，项目支出800万元，执行率88.89%。",
    ),
  },
  {
    name: "其中；list",
    doc: P("本年收入合计1500万元，其中：财政拨款收入1200万元；事业收入250万元；其他收入50万元。"),
  },
  {
    name: "其中、list",
    doc: P("本年收入合计1500万元，其中财政拨款收入1200万元、事业收入250万元、其他收入50万元。"),
  },
  {
    name: "其中，list",
    doc: P("本年收入合计1500万元，其中财政拨款收入1200万元，事业收入250万元，其他收入50万元。"),
  },
  { name: "包括", doc: P("年度支出总额800万元，包括基本支出500万元和项目支出300万元。") },
  { name: "分别为", doc: P("全年支出800万元，分别为基本支出500万元、项目支出300万元。") },
  { name: "主要有 subset", doc: P("全年支出800万元，主要有基本支出500万元、项目支出200万元。") },
  { name: "含", doc: P("项目资金200万元（含省级资金120万元、县级资金80万元）。") },
  { name: "其中 subset", doc: P("全年支出800万元，其中项目支出300万元。") },
  {
    name: "其中 subset 2 parts",
    doc: P("本年收入1500万元，其中财政拨款收入1200万元、事业收入200万元。"),
    warnings: ["sum-mismatch:mismatch"],
  },
  { name: "trailing 合计", doc: P("购置设备32万元、维修场地18万元，合计50万元。") },
  { name: "trailing 共计 with ；", doc: P("购置设备32万元；维修场地18万元；共计50万元。") },
  { name: "等", doc: P("印刷费6万元、差旅费3万元等，共计12万元。") },
  {
    name: "nested",
    doc: P("全年支出800万元，其中基本支出500万元（其中人员经费400万元、公用经费100万元），项目支出300万元。"),
  },
  { name: "rounding", doc: P("本年支出合计12.3万元，其中培训费5.12万元、会议费7.16万元。") },
  { name: "万元 vs 元 mix", doc: P("全年支出1.5万元，其中办公费8000元、印刷费7000元。") },
  { name: "亿元", doc: P("项目总投资1.2亿元，其中中央资金8000万元、地方资金4000万元。") },
  {
    name: "full-width",
    doc: P("本年收入合计１５００万元，其中财政拨款收入１２００万元、事业收入３００万元。"),
  },
  { name: "thousands", doc: P("全年支出1,500,000元，其中人员经费1,200,000元、公用经费300,000元。") },
  { name: "约 total", doc: P("全年支出约800万元，其中基本支出500万元、项目支出310万元。") },
  { name: "余 parts", doc: P("全年培训1000余人次，其中干部300人次、群众700人次。") },
  { name: "基本支出 identity", doc: P("基本支出500万元，其中人员经费400万元、公用经费100万元。") },
  {
    name: "across sentences",
    doc: ["本年支出800万元。", "其中基本支出500万元，项目支出300万元。"].flatMap((s, i) =>
      i ? [s] : [h(1, "一、部门概况"), s]
    ),
  },
  { name: "其中：new sentence", doc: P("年末实有人员46人。其中：在职人员40人，退休人员6人。") },
  {
    name: "identity across paragraphs",
    doc: [h(1, "一、部门概况"), "2023年度支出总额800万元。", "1.基本支出500万元。", "2.项目支出300万元。"],
  },
  {
    name: "income by source sep sentences",
    doc: [
      h(1, "一、部门概况"),
      "本年收入合计1500万元。",
      "财政拨款收入1200万元，事业收入250万元，经营收入30万元，其他收入20万元。",
    ],
  },
  {
    name: "increment then",
    doc: P("本年收入1200万元，比上年增加200万元，增长20%，其中财政拨款收入1000万元、其他收入200万元。"),
  },
  {
    name: "compare in list",
    doc: P("全年支出800万元，其中基本支出500万元、项目支出300万元，较上年的700万元增长14.29%。"),
  },
  { name: "different years", doc: P("2023年支出800万元，2022年支出700万元，2021年支出600万元。") },
  {
    name: "table 合计 row",
    doc: T([["项目", "金额（万元）"], ["基本支出", "500"], ["项目支出", "300"], ["合计", "800"]]),
  },
  {
    name: "table 合计 row + col",
    doc: T([["项目", "财政拨款", "其他资金", "合计"], ["基本支出", "400", "100", "500"], [
      "项目支出",
      "250",
      "50",
      "300",
    ], ["合计", "650", "150", "800"]]),
  },
  {
    name: "table 小计",
    doc: T([
      ["项目", "金额"],
      ["人员经费", "400"],
      ["公用经费", "100"],
      ["小计", "500"],
      ["设备购置", "200"],
      ["维修", "100"],
      ["小计", "300"],
      ["合计", "800"],
    ]),
  },
  {
    name: "table thousands",
    doc: T([["项目", "金额（元）"], ["人员经费", "1,200,000.00"], ["公用经费", "300,000.00"], [
      "合计",
      "1,500,000.00",
    ]]),
  },
  {
    name: "table blank cells",
    doc: T([["项目", "财政拨款", "其他资金"], ["基本支出", "400", ""], ["项目支出", "250", "50"], [
      "合计",
      "650",
      "50",
    ]]),
  },
  {
    name: "table 其中 rows",
    doc: T([["项目", "金额"], ["基本支出", "500"], ["其中：人员经费", "400"], ["公用经费", "100"], [
      "项目支出",
      "300",
    ], ["合计", "800"]]),
  },
  {
    name: "table 合计 first row",
    doc: T([["项目", "金额"], ["合计", "800"], ["基本支出", "500"], ["项目支出", "300"]]),
  },
  {
    name: "table rounding",
    doc: T([["项目", "金额（万元）"], ["培训费", "5.12"], ["会议费", "7.16"], ["合计", "12.3"]]),
  },
  {
    name: "table full-width",
    doc: T([["项目", "金额"], ["培训费", "５"], ["会议费", "７"], ["合计", "１２"]]),
  },
  {
    name: "table 合计 col only",
    doc: T([["项目", "财政拨款", "其他资金", "合计"], ["基本支出", "400", "100", "500"], [
      "项目支出",
      "250",
      "50",
      "300",
    ]]),
  },
  {
    name: "table 总计",
    doc: T([["项目", "预算数", "执行数", "执行率"], ["基本支出", "500", "480", "96%"], [
      "项目支出",
      "300",
      "270",
      "90%",
    ], ["总计", "800", "750", "93.75%"]]),
  },
  { name: "trailing 合计 with 分别", doc: P("培训费5万元、会议费3万元、印刷费2万元，合计10万元。") },
  { name: "people", doc: P("单位编制人数50人，实有人数46人，其中在职40人，退休6人。") },
  { name: "其中 with inside rate", doc: P("全年支出800万元，其中项目支出300万元，占37.5%。") },
  {
    name: "两 lists",
    doc: P(
      "全年支出800万元，其中基本支出500万元、项目支出300万元；收入900万元，其中财政拨款800万元、其他收入100万元。",
    ),
  },
  { name: "包括 with 和 and 及", doc: P("项目资金100万元，包括省级资金60万元及县级资金40万元。") },
  {
    name: "余额 before",
    doc: P("年初结转结余20万元，本年收入100万元，其中财政拨款80万元、其他收入20万元。"),
  },
  {
    name: "其中 numbered lines",
    doc: [h(1, "一、部门概况"), "本年支出800万元，其中：", "1.基本支出500万元；", "2.项目支出300万元。"],
  },
  {
    name: "total after 其中 list ；",
    doc: P("其中：财政拨款收入1200万元；事业收入250万元；其他收入50万元；合计1500万元。"),
  },
  {
    name: "收入 total with 上年 nearby",
    doc: P("本年收入1500万元，上年收入1300万元，其中财政拨款收入1200万元、其他收入300万元。"),
  },
  {
    name: "2-decimal parts 1-decimal total",
    doc: P("项目支出合计10.1万元，其中设备费4.04万元、材料费6.03万元。"),
  },
  {
    name: "table with 万元 header, 合计 col",
    doc: T([
      ["单位：万元", "", "", ""],
      ["项目", "基本支出", "项目支出", "合计"],
      ["财政拨款", "400", "250", "650"],
      ["其他", "100", "50", "150"],
      ["合计", "500", "300", "800"],
    ]),
  },
  { name: "cumulative", doc: P("项目总投资500万元，其中本年完成投资300万元、累计完成投资450万元。") },
  { name: "拨付/支出 stages", doc: P("下达项目资金100万元，其中已拨付90万元、已支付80万元。") },
  {
    name: "overlapping dims",
    doc: P("受益群众1000人，其中脱贫人口600人、老年人500人。"),
    warnings: ["sum-mismatch:mismatch"],
  },
  {
    name: "hierarchical table",
    doc: T([["项目", "金额"], ["一、基本支出", "500"], ["人员经费", "400"], ["公用经费", "100"], [
      "二、项目支出",
      "300",
    ], ["合计", "800"]]),
  },
  {
    name: "其中 rows unlabelled follow",
    doc: T([
      ["项目", "金额"],
      ["基本支出", "500"],
      ["其中：人员经费", "400"],
      ["　　　公用经费", "100"],
      ["项目支出", "300"],
      ["其中：设备购置", "200"],
      ["维修", "100"],
      ["合计", "800"],
    ]),
  },
  {
    name: "change amount whole",
    doc: P("本年支出900万元，较上年增加100万元，其中基本支出600万元、项目支出300万元。"),
  },
  {
    name: "其中 list then own 合计 ；",
    doc: P(
      "本年收入合计1500万元，其中：财政拨款收入1200万元；事业收入250万元；其他收入50万元。本年支出1400万元。",
    ),
  },
  {
    name: "；then new statement",
    doc: P("全年支出800万元，其中项目支出300万元；全年收入900万元，其中财政拨款收入850万元。"),
  },
  {
    name: "其中 subset with 其他 equal",
    doc: P("本年收入1500万元，其中财政拨款收入1200万元、其他收入300万元。"),
  },
  {
    name: "主要为 of another subject",
    doc: P("全年收入900万元，支出主要为人员经费500万元、公用经费600万元。"),
  },
  {
    name: "col total with rate col",
    doc: T([["项目", "财政拨款", "其他资金", "合计", "执行率"], ["基本支出", "400", "100", "500", "95%"], [
      "项目支出",
      "250",
      "50",
      "300",
      "90%",
    ]]),
  },
  {
    name: "questionnaire col total",
    doc: T([["问题", "满意", "基本满意", "不满意", "合计"], ["服务态度", "80", "15", "5", "100"], [
      "办事效率",
      "70",
      "20",
      "10",
      "100",
    ]]),
  },
  {
    name: "top total nested",
    doc: T([
      ["项目", "金额"],
      ["合计", "800"],
      ["基本支出", "500"],
      ["人员经费", "400"],
      ["公用经费", "100"],
      ["项目支出", "300"],
    ]),
  },
  { name: "single 已拨付", doc: P("下达资金100万元，其中已拨付90万元。") },
  { name: "含 parens", doc: P("累计投入500万元（含本年投入200万元）。") },
  {
    name: "total col first",
    doc: T([["项目", "合计", "基本支出", "项目支出"], ["财政拨款", "650", "400", "250"], [
      "其他资金",
      "150",
      "100",
      "50",
    ], ["合计", "800", "500", "300"]]),
  },
  {
    name: "table with dashes",
    doc: T([["项目", "财政拨款", "其他资金", "合计"], ["基本支出", "400", "-", "400"], [
      "项目支出",
      "250",
      "50",
      "300",
    ], ["合计", "650", "50", "700"]]),
  },
  {
    name: "two-level header",
    doc: [
      h(1, "一、部门概况"),
      table(
        [["项目", "支出", "", ""], ["", "合计", "基本支出", "项目支出"], ["财政拨款", "650", "400", "250"], [
          "合计",
          "650",
          "400",
          "250",
        ]],
        [{ row: 0, col: 1, colspan: 3 }, { row: 0, col: 0, rowspan: 2 }],
        2,
      ),
    ],
  },
  {
    name: "；list without colon siblings",
    doc: P("本年收入合计1500万元，其中财政拨款收入1200万元；事业收入250万元；其他收入50万元。"),
  },
  {
    name: "sibling rows that happen to add up to the row above: the flat sum holds",
    doc: T([["项目", "金额"], ["A类", "300"], ["B类", "100"], ["C类", "200"], ["合计", "600"]]),
  },
  {
    name: "a ；-segment of another period is no part",
    doc: P("本年收入1500万元，其中财政拨款收入1200万元；上年收入1300万元。"),
  },
  { name: "a single cumulative part", doc: P("本年完成投资500万元，其中累计完成投资800万元。") },
  {
    name: "；-separated siblings without a colon",
    doc: P("全年支出800万元，其中项目支出300万元；基本支出500万元。"),
  },
  {
    name: "paragraph list with commentary",
    doc: [
      h(1, "一、部门概况"),
      "本年支出800万元，其中：",
      "（一）基本支出500万元，较上年增加50万元。",
      "（二）项目支出300万元。",
    ],
  },
  {
    name: "percent columns beside a 合计 column",
    doc: T([["题目", "满意", "比例", "不满意", "比例", "合计"], ["服务", "90", "90%", "10", "10%", "100"]]),
  },
  {
    name: "a 合计 column of quantity times price",
    doc: T([["设备", "数量", "单价（元）", "合计"], ["电脑", "10", "5000", "50000"]]),
  },
  {
    name: "a code column beside a 合计 column",
    doc: T([["科目名称", "科目编码", "合计", "基本支出"], ["行政运行", "2010101", "500", "500"]]),
  },
  {
    name: "基本支出 = 人员经费 + 公用经费 across paragraphs",
    doc: [
      h(1, "一、部门概况"),
      "本年基本支出500万元。",
      "其中人员经费支出情况：人员经费400万元。",
      "公用经费100万元，主要用于办公。",
    ],
  },
  {
    name: "基本支出 of one fund against bare 人员经费: another scope",
    doc: [h(1, "一、部门概况"), "财政拨款基本支出500万元。", "人员经费380万元，公用经费100万元。"],
  },
];

const DEFECTIVE: Defective[] = [
  {
    name: "parts named by both sides (预算内支出, 预算外支出) are still parts",
    doc: P("全年支出1000万元，其中预算内支出800万元，预算外支出300万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "其中；list",
    doc: P("本年收入合计1500万元，其中：财政拨款收入1200万元；事业收入200万元；其他收入50万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "其中、list over",
    doc: P("本年收入合计1500万元，其中财政拨款收入1200万元、事业收入350万元、其他收入50万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "其中，list under complete",
    doc: P("本年收入合计1500万元，其中财政拨款收入1200万元，事业收入200万元，其他收入50万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "包括 和",
    doc: P("年度支出总额800万元，包括基本支出500万元和项目支出200万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "分别为",
    doc: P("全年支出800万元，分别为基本支出500万元、项目支出200万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "主要有 over",
    doc: P("全年支出800万元，主要有基本支出500万元、项目支出400万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "其中 subset over",
    doc: P("全年支出800万元，其中项目支出900万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "trailing 合计",
    doc: P("购置设备32万元、维修场地18万元，合计55万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "trailing ；",
    doc: P("购置设备32万元；维修场地18万元；共计55万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "nested inner",
    doc: P("全年支出800万元，其中基本支出500万元（其中人员经费400万元、公用经费150万元），项目支出300万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "nested outer",
    doc: P("全年支出900万元，其中基本支出500万元（其中人员经费400万元、公用经费100万元），项目支出300万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "rounding last-digit",
    doc: P("本年支出合计12.4万元，其中培训费5.12万元、会议费7.16万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "元 mix",
    doc: P("全年支出1.6万元，其中办公费8000元、印刷费7000元。"),
    finding: "sum-mismatch:last-digit",
    severity: "warning",
  },
  {
    name: "full-width",
    doc: P("本年收入合计１５００万元，其中财政拨款收入１２００万元、事业收入４００万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "thousands",
    doc: P("全年支出1,500,000元，其中人员经费1,200,000元、公用经费400,000元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "其中：new sentence",
    doc: P("年末实有人员46人。其中：在职人员40人，退休人员7人。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "income by source",
    doc: [
      h(1, "一、部门概况"),
      "本年收入合计1500万元。",
      "财政拨款收入1200万元，事业收入250万元，经营收入30万元，其他收入10万元。",
    ],
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "identity across paragraphs",
    doc: [h(1, "一、部门概况"), "2023年度支出总额800万元。", "1.基本支出500万元。", "2.项目支出200万元。"],
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "table 合计 row",
    doc: T([["项目", "金额（万元）"], ["基本支出", "500"], ["项目支出", "300"], ["合计", "850"]]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "table 合计 col",
    doc: T([["项目", "财政拨款", "其他资金", "合计"], ["基本支出", "400", "100", "520"], [
      "项目支出",
      "250",
      "50",
      "300",
    ], ["合计", "650", "150", "820"]]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "table 小计",
    doc: T([
      ["项目", "金额"],
      ["人员经费", "400"],
      ["公用经费", "100"],
      ["小计", "550"],
      ["设备购置", "200"],
      ["维修", "100"],
      ["小计", "300"],
      ["合计", "850"],
    ]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "table thousands",
    doc: T([["项目", "金额（元）"], ["人员经费", "1,200,000.00"], ["公用经费", "300,000.00"], [
      "合计",
      "1,600,000.00",
    ]]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "table blank cells",
    doc: T([["项目", "财政拨款", "其他资金"], ["基本支出", "400", ""], ["项目支出", "250", "50"], [
      "合计",
      "650",
      "60",
    ]]),
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "table 合计 col only",
    doc: T([["项目", "财政拨款", "其他资金", "合计"], ["基本支出", "400", "100", "510"], [
      "项目支出",
      "250",
      "50",
      "300",
    ]]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "其中 numbered lines",
    doc: [h(1, "一、部门概况"), "本年支出800万元，其中：", "1.基本支出500万元；", "2.项目支出200万元。"],
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "total after 其中 list ；",
    doc: P("其中：财政拨款收入1200万元；事业收入250万元；其他收入50万元；合计1600万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "table 合计 first row",
    doc: T([["项目", "金额"], ["合计", "850"], ["基本支出", "500"], ["项目支出", "300"]]),
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "table rounding",
    doc: T([["项目", "金额（万元）"], ["培训费", "5.12"], ["会议费", "7.16"], ["合计", "12.4"]]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "table header 万元 合计 col",
    doc: T([
      ["单位：万元", "", "", ""],
      ["项目", "基本支出", "项目支出", "合计"],
      ["财政拨款", "400", "250", "660"],
      ["其他", "100", "50", "150"],
      ["合计", "500", "300", "810"],
    ]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "包括 及",
    doc: P("项目资金100万元，包括省级资金60万元及县级资金50万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "；list without colon",
    doc: P("本年收入合计1500万元，其中财政拨款收入1200万元；事业收入200万元；其他收入50万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "等 exceeds",
    doc: P("印刷费6.5万元、差旅费3.2万元等，共计8万元。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "single 含 exceeds",
    doc: P("项目资金200万元（含省级资金250万元）。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "total col first",
    doc: T([["项目", "合计", "基本支出", "项目支出"], ["财政拨款", "660", "400", "250"], [
      "其他资金",
      "150",
      "100",
      "50",
    ], ["合计", "810", "500", "300"]]),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "top total nested",
    doc: T([
      ["项目", "金额"],
      ["合计", "850"],
      ["基本支出", "500"],
      ["人员经费", "400"],
      ["公用经费", "100"],
      ["项目支出", "300"],
    ]),
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
  {
    name: "people off by one",
    doc: P("年末实有人员46人。其中：在职人员40人，退休人员7人。"),
    finding: "sum-mismatch:mismatch",
    severity: "error",
  },
  {
    name: "基本支出 ≠ 人员经费 + 公用经费 across paragraphs",
    doc: [
      h(1, "一、部门概况"),
      "本年基本支出500万元。",
      "人员经费400万元。",
      "公用经费120万元，主要用于办公。",
    ],
    finding: "sum-mismatch:mismatch",
    severity: "warning",
  },
];

phrasingTests(CONSISTENT, DEFECTIVE, META);

// ── The rule alone: severities, certainty and the assumption stated ───────────────────────────────────────

ruleTester(sumMismatch, {
  valid: [
    {
      name: "；-list after 其中： that adds up",
      doc: ["本年收入合计1500万元，其中：财政拨款收入1200万元；事业收入250万元；其他收入50万元。"],
    },
    { name: "a single 其中 part below the whole", doc: ["全年支出800万元，其中项目支出300万元。"] },
    {
      name: "near-miss: parts to two decimals, total rounded to one",
      doc: ["本年支出合计12.6万元，其中：培训费5.12万元；会议费7.16万元；其他费用0.3万元。"],
    },
    {
      name: "the amount of a change is not the whole",
      doc: ["本年支出900万元，较上年增加100万元，其中基本支出600万元、项目支出300万元。"],
    },
    {
      name: "stages of the same money overlap",
      doc: ["下达项目资金100万元，其中已拨付90万元、已支付80万元。"],
    },
    {
      name: "rows that break down the row above",
      doc: [table([["项目", "金额"], ["基本支出", "500"], ["人员经费", "400"], ["公用经费", "100"], [
        "项目支出",
        "300",
      ], ["合计", "800"]])],
    },
    {
      name: "a 合计 column with a dash",
      doc: [table([["项目", "财政拨款", "其他资金", "合计"], ["基本支出", "400", "—", "400"], [
        "项目支出",
        "250",
        "50",
        "300",
      ]])],
    },
  ],
  invalid: [
    {
      name: "；-list after 其中： short of a total closed by its 其他 part: error",
      doc: ["本年收入合计1500万元，其中：财政拨款收入1200万元；事业收入200万元；其他收入50万元。"],
      errors: [{
        messageId: "mismatch",
        severity: "error",
        certainty: "certain",
        message: "1200 + 200 + 50 = 1450",
      }],
    },
    {
      name: "near-miss: 其中 without a 其他 part, short of the whole: a warning (the list may be partial)",
      doc: ["本年收入1500万元，其中财政拨款收入1200万元、事业收入200万元。"],
      errors: [{ messageId: "mismatch", severity: "warning", certainty: "assumption", message: "全部分项" }],
    },
    {
      name: "a single 其中 part above the whole: error",
      doc: ["全年支出800万元，其中项目支出900万元。"],
      errors: [{ messageId: "mismatch", severity: "error", message: "文中写作800万元" }],
    },
    {
      name: "parts named by attributes that may overlap: a warning",
      doc: ["受益群众1000人，其中脱贫人口600人、老年人500人。"],
      errors: [{ messageId: "mismatch", severity: "warning", message: "互不重叠" }],
    },
    {
      name: "people off by one: no rounding in whole people",
      doc: ["年末实有人员46人。其中：在职人员40人，退休人员7人。"],
      errors: [{ messageId: "mismatch", severity: "error", message: "40 + 7 = 47" }],
    },
    {
      name: "parts to two decimals, total to one, a real gap",
      doc: ["本年支出合计12.1万元，其中：培训费5.12万元；会议费7.16万元；其他费用0.3万元。"],
      errors: [{ messageId: "mismatch", severity: "error" }],
    },
    {
      name: "a 合计 column that disagrees in one row",
      doc: [table([["项目", "财政拨款", "其他资金", "合计"], ["基本支出", "400", "100", "510"], [
        "项目支出",
        "250",
        "50",
        "300",
      ]])],
      errors: [{ messageId: "mismatch", severity: "error", message: "400 + 100 = 500" }],
    },
    {
      name: "a 合计 row right under the header: a warning stating what it assumes",
      doc: [table([["项目", "金额"], ["合计", "850"], ["基本支出", "500"], ["项目支出", "300"]])],
      errors: [{ messageId: "mismatch", severity: "warning", message: "以下各行" }],
    },
    {
      name: "the list in the paragraphs after 其中：, above the whole",
      doc: ["本年支出700万元，其中：", "1.基本支出500万元；", "2.项目支出300万元。"],
      errors: [{ messageId: "mismatch", severity: "error" }],
    },
  ],
});

Deno.test("coverage: a list ending in 等 and a 主要 list are counted unchecked, not guessed", () => {
  for (
    const [text, reason] of [
      ["印刷费6万元、差旅费3万元等，共计12万元。", "list-etc"],
      ["全年支出800万元，主要有基本支出500万元、项目支出200万元。", "list-incomplete"],
    ]
  ) {
    const a = auditDocument(makeDoc(P(text), META));
    assert.deepEqual(a.findings.filter((f) => f.rule === "sum-mismatch"), [], text);
    assert.equal(a.views.coverage.byKind.sum?.unchecked, 1, text);
    assert.equal(a.views.coverage.reasons[reason as "list-etc"], 1, text);
  }
});
