/**
 * The score family (score-weight-tree, score-weight-total, score-total, score-text-sum, score-exceeds-weight,
 * score-frame, score-grade, score-rule) and questionnaire-tally on the phrasings and layouts reviewers meet:
 * indicator tables with merged or blank continuation cells, repeated and two-row headers, 分值/权重/标准分 and
 * 得分/评分 in either order, extra columns, 合计/总分 or no total row, one decimal, full-width digits, the 自评表
 * with its 预算执行 row, first-level weights only in the label; grades and their bands (the configuration's or
 * the report's own), a grade in its own cell; the narrative's total and per-indicator scores; questionnaires in
 * text and tables. Every consistent document must give no warning or error (all rules run); every defective
 * variant must give the finding named. The rule-level cases for what changed are at the end.
 */
import assert from "node:assert/strict";
import { type DocSpec, h, makeDoc, type Merge, table } from "../../src/testing/doc-spec.ts";
import { runChecks } from "../../src/audit.ts";
import { extract } from "../../src/extract/index.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import { RULES } from "../../checks/index.ts";
import type { Finding } from "../../src/model/finding.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { scoreGrade } from "../../checks/rules/score-grade.ts";
import { scoreTotal } from "../../checks/rules/score-total.ts";
import { scoreTextSum } from "../../checks/rules/score-text-sum.ts";
import { scoreExceedsWeight } from "../../checks/rules/score-exceeds-weight.ts";
import { questionnaireTally } from "../../checks/rules/questionnaire-tally.ts";

type Case = { name: string; specs: DocSpec[]; expect?: string[] };
const H = ["一级指标", "二级指标", "三级指标", "分值", "得分"];
const T = (rows: string[][], merges: Merge[] = [], hr = 1) => table(rows, merges, hr);

/** A standard 3-level table; o overrides cells by key. */
function basic(o: Record<string, string> = {}, head = H, order: "ws" | "sw" = "ws") {
  const v = (k: string, d: string) => o[k] ?? d;
  const r = (a: string, b: string, c: string, w: string, s: string) =>
    order === "ws" ? [a, b, c, w, s] : [a, b, c, s, w];
  return [
    order === "ws" ? head : [head[0], head[1], head[2], head[4], head[3]],
    r("决策", "项目立项", "立项依据充分性", v("w1", "10"), v("s1", "10")),
    r("", "", "立项程序规范性", "10", v("s2", "9")),
    r("过程", "资金管理", "资金到位率", "20", v("s3", "18")),
    r("产出", "产出数量", "完成率", v("w4", "30"), v("s4", "28")),
    r("效益", "满意度", "群众满意度", "30", v("s5", "29")),
    r("合计", "", "", v("tw", "100"), v("ts", "94")),
  ];
}
const mergedBasic = (o: Record<string, string> = {}) => {
  const rows = basic(o);
  rows[2][0] = "决策";
  rows[2][1] = "项目立项";
  rows[6][1] = "合计";
  rows[6][2] = "合计";
  return {
    rows,
    merges: [{ row: 1, col: 0, rowspan: 2 }, { row: 1, col: 1, rowspan: 2 }, {
      row: 6,
      col: 0,
      colspan: 3,
    }] as Merge[],
  };
};
const fw = (s: string) =>
  s.replace(/[0-9.]/g, (d) => d === "." ? "．" : String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const doc = (...s: DocSpec[]) => [h(1, "一、绩效评价结论"), ...s];

const consistent: Case[] = [];
const defective: Case[] = [];
const C = (name: string, ...s: DocSpec[]) => consistent.push({ name, specs: doc(...s) });
const D = (name: string, expect: string[], ...s: DocSpec[]) =>
  defective.push({ name, specs: doc(...s), expect });

// ── tables
C("basic blank continuation", T(basic()));
{
  const m = mergedBasic();
  C("basic merged", T(m.rows, m.merges));
}
C("score before weight", T(basic({}, H, "sw")));
C("权重/评分", T(basic({}, ["一级指标", "二级指标", "三级指标", "权重", "评分"])));
C("标准分/自评得分", T(basic({}, ["一级指标", "二级指标", "三级指标", "标准分", "自评得分"])));
C("分值（分）/得分（分）", T(basic({}, ["一级指标", "二级指标", "三级指标", "分值（分）", "得分（分）"])));
C("指标分值/实际得分", T(basic({}, ["一级指标", "二级指标", "三级指标", "指标分值", "实际得分"])));
C("no total row", T(basic().slice(0, 6)));
C("总分 row", T(basic().map((r, i) => i === 6 ? ["总分", "", "", "100", "94"] : r)));
C("总计 row", T(basic().map((r, i) => i === 6 ? ["总计", "", "", "100", "94"] : r)));
C("one decimal", T(basic({ s1: "9.5", s2: "9.5", s3: "18.5", ts: "95" })));
C("one decimal total", T(basic({ s1: "9.5", ts: "93.5" })));
C("full-width digits", T(basic().map((r) => r.map(fw))));
C("weights with 分", T(basic({ w1: "10分", s1: "10分", tw: "100分", ts: "94分" })));
C(
  "extra columns 指标解释 评分标准",
  T(
    basic().map((r, i) =>
      i === 0
        ? [r[0], r[1], r[2], "指标解释", "评分标准", r[3], r[4]]
        : [r[0], r[1], r[2], i === 6 ? "" : "说明", i === 6 ? "" : "达到得满分，每降低1%扣1分", r[3], r[4]]
    ),
  ),
);
C(
  "extra 年度指标值 实际完成值 偏差原因",
  T(
    basic().map((r, i) =>
      i === 0
        ? [r[0], r[1], r[2], "年度指标值", "实际完成值", r[3], r[4], "偏差原因及改进措施"]
        : [r[0], r[1], r[2], i === 6 ? "" : "≥95%", i === 6 ? "" : "96%", r[3], r[4], ""]
    ),
  ),
);
{
  const rows = basic();
  rows.splice(4, 0, [...H]);
  C("repeated header mid-table", T(rows));
}
{
  const rows = [["指标", "指标", "指标", "分值", "得分"], [
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "得分",
  ], ...basic().slice(1)];
  C(
    "two-row header",
    T(
      rows,
      [{ row: 0, col: 0, colspan: 3 }, { row: 0, col: 3, rowspan: 2 }, { row: 0, col: 4, rowspan: 2 }],
      2,
    ),
  );
}
{
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（50分）", "数量指标", "培训人数", "25", "24"],
    ["", "质量指标", "合格率", "25", "25"],
    ["效益指标（30分）", "社会效益", "就业率", "30", "28"],
    ["满意度指标（20分）", "服务对象满意度", "满意度", "20", "19"],
    ["合计", "", "", "100", "96"],
  ];
  C("first-level weights in label", T(rows));
}
{
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（50分）", "数量指标", "培训人数", "", "24"],
    ["", "质量指标", "合格率", "", "25"],
    ["效益指标（30分）", "社会效益", "就业率", "", "28"],
    ["满意度指标（20分）", "服务对象满意度", "满意度", "", "19"],
    ["合计", "", "", "100", "96"],
  ];
  C("first-level weights only in label, leaf weight blank", T(rows));
}
{
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（50分）", "数量指标（25分）", "培训人数", "25", "24"],
    ["", "质量指标（25分）", "合格率", "25", "25"],
    ["效益指标（30分）", "社会效益指标（30分）", "就业率", "30", "28"],
    ["满意度指标（20分）", "服务对象满意度指标（20分）", "满意度", "20", "19"],
    ["合计", "", "", "100", "96"],
  ];
  C("two levels of label weights", T(rows));
}
// 自评表 with 预算执行 row
function selfEval(o: Record<string, string> = {}) {
  const v = (k: string, d: string) => o[k] ?? d;
  return [
    ["项目名称", "农村公路养护", "", "", "", "", ""],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100", v("bud", "100"), v("exe", "95"), "10", v("rate", "95%"), v("bs", "9.5")],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "养护里程", "≥100公里", "102公里", "20", "20"],
    ["", "质量指标", "验收合格率", "100%", "100%", "20", "20"],
    ["", "时效指标", "完成及时率", "100%", "100%", "10", "10"],
    ["效益指标", "社会效益指标", "通行条件改善", "明显改善", "明显改善", "30", v("s", "30")],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10"],
    ["总分", "", "", "", "", "100", v("tot", "99.5")],
  ];
}
C("自评表 budget row", T(selfEval()));
C("自评表 budget 100%", T(selfEval({ exe: "100", rate: "100%", bs: "10", tot: "100" })));
C("自评表 budget over 100%", T(selfEval({ exe: "105", rate: "105%", bs: "10", tot: "100" })));
C("自评表 budget rate 2 decimals", T(selfEval({ exe: "96.53", rate: "96.53%", bs: "9.65", tot: "99.65" })));
C("自评表 budget rounding 9.7", T(selfEval({ exe: "96.53", rate: "96.53%", bs: "9.7", tot: "99.7" })));
C(
  "自评表 header states rule",
  T(selfEval().map((r, i) => i === 1 ? [...r.slice(0, 6), "得分（10分*执行率）"] : r)),
);
C("自评表 full-width", T(selfEval().map((r) => r.map(fw))));
// grades
C("grade 优秀 96", "经自评，自评得分96分，等级为优秀。");
C("grade 优 boundary 90", "综合得分90分，评价等级为“优”。");
C("grade 良 85", "项目综合得分85分，评价等级为“良”。");
C("grade 良好 80", "自评总得分80分，绩效等级为良好。");
C("grade 中 75", "自评得分75分，评价等级为“中”。");
C("grade 合格 70", "自评得分70分，评价结果为合格。");
C("grade 不合格 55", "自评得分55分，评价结果为“不合格”。");
C("grade 差 50", "总分50分，评价等级为差。");
C("grade one decimal 89.5 良", "综合得分89.5分，评价等级为“良”。");
C("grade full width", "自评得分９６分，等级为优秀。");
C("grade after 满分 then score", "本次评价满分100分，自评得分85分，评价等级为“良”。");
C("grade: score then 满分", "自评得分85分（满分100分），评价等级为“良”。");
C("grade: score then 总分100", "自评得分85分，总分100分，评价等级为“良”。");
C("grade 得分为", "该项目绩效评价得分为：87.5分，绩效评价等级为“良”。");
C("grade in separate cell", T([...basic({ ts: "94" }), ["评价等级", "优", "", "", ""]]));
C("grade in cell with score", T([["项目", "内容"], ["自评得分", "94分"], ["评价等级", "优"]]));
C("grade with table total", T(basic({ ts: "94" })), "评价等级为“优”。");
C(
  "grade: doc bands 85",
  "评价等级分为优（85分及以上）、良（70-84分）、中（60-69分）、差（60分以下）。",
  "本项目自评得分87分，评价等级为“优”。",
);
C(
  "grade: doc bands 75 良好",
  "综合评分90分（含）以上为优秀，75分（含）至90分为良好，60分（含）至75分为合格，60分以下为不合格。",
  "项目自评得分78分，评价等级为良好。",
);
C("grade: prior year score", "上年度自评得分92分，评价等级为优；本年度自评得分85分，评价等级为良。");
C("grade: 得分率", "满意度得分率95%，综合得分88分，评价等级为“良”。");
C("grade and sub-scores", "产出指标得45分，效益指标得28分，综合得分88分，评价等级为“良”。");
C("grade stated before score", "评价等级为“良”，综合得分88分。");
C("grade 'the 优 band is 90'", "按照评分标准，得分90分以上为“优”，本项目得分86分，等级为“良”。");
C("grade 绩效等级为优，得分", "本项目绩效等级为“优”（得分95分）。");
// narrative + table
C("narrative total matches table", T(basic()), "经自评，本项目自评得分94分，等级为优秀。");
C(
  "narrative per-indicator",
  T(basic()),
  "其中，决策指标得19分，过程指标得18分，产出指标得28分，效益指标得29分。",
);
C("narrative deduction", T(basic()), "立项程序规范性扣1分，资金到位率扣2分，完成率扣2分，群众满意度扣1分。");
C("narrative 满分X得Y", T(basic()), "决策指标满分20分，得19分；过程指标满分20分，得18分。");
C("narrative 分值X分，得分Y分", T(basic()), "产出指标分值30分，得分28分；效益指标分值30分，得分29分。");
C("narrative subtotal sum", "项目决策得19分，项目过程得18分，项目产出得28分，项目效益得29分，总得分94分。");
C(
  "narrative subtotal sum with decimals",
  "项目决策得19.5分，项目过程得18分，项目产出得28.5分，项目效益得29分，合计得分95分。",
);
C("narrative different year scores", "2022年度自评得分88分，2023年度自评得分92分，较上年提高4分。");
// questionnaires
C("q text counts", "本次共发放问卷100份，回收有效问卷96份，其中满意80份、基本满意12份、不满意4份。");
C("q text counts 人", "共调查群众120人，其中非常满意90人，满意25人，不满意5人，满意度为95.83%。");
C("q text percentages", "共回收有效问卷200份，满意的占85%，基本满意的占12%，不满意的占3%。");
C(
  "q text two surveys",
  "对受益农户发放问卷50份，其中满意48份、不满意2份；对村干部发放问卷20份，其中满意20份。",
);
C("q text 回收 < 发放", "发放问卷150份，回收142份，有效问卷140份，满意130份，基本满意8份，不满意2份。");
C(
  "q table options rows",
  T([
    ["调查问题", "选项", "人数", "比例"],
    ["您对项目实施是否满意", "满意", "80", "80%"],
    ["", "基本满意", "15", "15%"],
    ["", "不满意", "5", "5%"],
    ["合计", "", "100", "100%"],
  ]),
);
C(
  "q table options rows merged",
  T([["调查问题", "选项", "人数", "比例"], ["您对项目实施是否满意", "满意", "80", "80%"], [
    "您对项目实施是否满意",
    "基本满意",
    "15",
    "15%",
  ], ["您对项目实施是否满意", "不满意", "5", "5%"]], [{ row: 1, col: 0, rowspan: 3 }]),
  "本次调查有效问卷100份。",
);
C(
  "q table options cols",
  T([["调查问题", "满意", "基本满意", "不满意", "合计"], ["您对道路质量是否满意", "85", "10", "5", "100"], [
    "您对养护及时性是否满意",
    "80",
    "15",
    "5",
    "100",
  ]]),
  "共收回有效问卷100份。",
);
C(
  "q table percentages 1 decimal",
  T([["调查问题", "选项", "人数", "占比"], ["总体满意度", "满意", "70", "73.7%"], [
    "",
    "基本满意",
    "20",
    "21.1%",
  ], ["", "不满意", "5", "5.3%"]]),
  "有效问卷95份。",
);
C(
  "q table full-width",
  T([
    ["调查问题", "选项", "人数", "比例"],
    ["总体满意度", "满意", "８０", "８０%"],
    ["", "基本满意", "１５", "１５%"],
    ["", "不满意", "５", "５%"],
    ["合计", "", "１００", "１００%"],
  ]),
);
C(
  "q table multi-choice",
  T([["调查问题（可多选）", "选项", "人数"], ["您希望改进的方面", "道路", "60"], ["", "照明", "50"], [
    "",
    "绿化",
    "30",
  ]]),
  "有效问卷100份。",
);

C(
  "grade: doc bands table",
  T([["等级", "分数区间"], ["优", "85分（含）以上"], ["良", "70分（含）至85分"], ["中", "60分（含）至70分"], [
    "差",
    "60分以下",
  ]]),
  "本项目自评得分86分，评价等级为“优”。",
);
C(
  "grade: doc bands ≥",
  "评分标准：得分≥85分为优，70分≤得分<85分为良，60分≤得分<70分为中，得分<60分为差。",
  "本项目自评得分72分，评价等级为“良”。",
);
C(
  "grade: doc bands 80-89分为良",
  "90分以上为优，75-89分为良，60-74分为中，60分以下为差。",
  "本项目自评得分76分，评价等级为“良”。",
);
C("grade: satisfaction threshold is no band", "群众满意度≥85为优。", "本项目自评得分92分，评价等级为“优”。");
C("grade cell beside 自评得分 cell", T([["自评得分", "88", "评价等级", "良"]]));
C("grade cell and indicator table", T([...basic(), ["评价等级", "优", "", "", ""]]));
C("narrative total other year", T(basic()), "上年度自评得分92分，本年度自评得分94分。");
C("narrative total 2022", T(basic()), "2022年项目自评得分90分，评价等级为优。");
C("narrative two tables", T(basic()), T(basic({ s1: "8", ts: "92" })), "本项目自评得分94分。");
C(
  "q two questions each 合计",
  T([
    ["调查问题", "选项", "人数"],
    ["问题一", "满意", "80"],
    ["", "不满意", "20"],
    ["合计", "", "100"],
    ["问题二", "满意", "90"],
    ["", "不满意", "10"],
    ["合计", "", "100"],
  ]),
);
C(
  "q grand total of two questions",
  T([["调查问题", "选项", "人数"], ["问题一", "满意", "80"], ["", "不满意", "20"], ["问题二", "满意", "90"], [
    "",
    "不满意",
    "10",
  ], ["合计", "", "200"]]),
);
C(
  "q merged 合计",
  T([["调查问题", "选项", "人数"], ["问题一", "满意", "80"], ["", "不满意", "20"], ["合计", "合计", "100"]], [
    { row: 3, col: 0, colspan: 2 },
  ]),
);
C("grade 等次为优秀", "经综合评价，该项目得分93.5分，评价等次为优秀。");
C("grade 评价结果为“良好”", "绩效评价结果为“良好”，综合得分82分。");
C("grade 评价等级：优", "评价等级：优，自评得分91分。");
C("grade with band in brackets", "自评得分92分，评价等级为“优”（90分及以上为优）。");
C("grade 考核等级合格", "考核得分68分，考核等级为“合格”。");
C("grade 2 projects", "甲项目得分92分，评价等级为“优”；乙项目得分84分，评价等级为“良”。");
{
  const rows = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（50分）", "数量指标", "培训人数", "25", "24"],
    ["产出指标（50分）", "质量指标", "合格率", "25", "25"],
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（50分）", "时效指标", "及时率", "0", "0"],
    ["效益指标（30分）", "社会效益", "就业率", "30", "28"],
    ["满意度指标（20分）", "服务对象满意度", "满意度", "20", "19"],
    ["合计", "", "", "100", "96"],
  ];
  C("page break: 一级 label repeated after repeated header", T(rows, [{ row: 1, col: 0, rowspan: 2 }]));
}
{
  const rows = [
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["决策", "20", "项目立项", "10", "立项依据", "10", "10"],
    ["", "", "绩效目标", "10", "目标明确", "10", "9"],
    ["过程", "30", "资金管理", "30", "到位率", "30", "28"],
    ["产出", "50", "产出数量", "50", "完成率", "50", "47"],
    ["合计", "100", "", "", "", "100", "94"],
  ];
  C("weight per level columns", T(rows));
}
{
  const rows = [
    ["一级指标", "二级指标", "三级指标", "指标解释", "分值", "评分标准", "得分", "扣分原因"],
    ["决策", "项目立项", "立项依据充分性", "考察立项依据", "5", "依据充分得5分", "5", ""],
    ["", "", "立项程序规范性", "考察程序", "5", "规范得5分", "4", "程序不完整扣1分"],
    ["过程", "资金管理", "资金到位率", "到位资金/计划资金", "10", "到位率×分值", "9.5", "到位率95%"],
    ["产出", "产出数量", "实际完成率", "实际完成/计划", "40", "完成率×分值", "38", ""],
    ["效益", "满意度", "满意度", "问卷", "40", "≥90%得满分", "40", ""],
    ["合计", "", "", "", "100", "", "96.5", ""],
  ];
  C("evaluation table with 评分标准 and 扣分原因", T(rows));
}
C(
  "subtotal rows consistent",
  T([
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["投入", "目标", "合理性", "10", "9"],
    ["", "", "明确性", "10", "10"],
    ["小计", "", "", "20", "19"],
    ["产出", "数量", "完成率", "80", "76"],
    ["小计", "", "", "80", "76"],
    ["合计", "", "", "100", "95"],
  ]),
);
C("score 0 and blank reason", T(basic({ s1: "0", ts: "84" })));
C("scores written 10.0", T(basic({ w1: "10.0", s1: "10.0", tw: "100.0", ts: "94.0" })));
C(
  "q text percentages sum 100.1",
  "共回收有效问卷300份，非常满意的占62.3%，满意的占30.5%，基本满意的占7.3%。",
);
C(
  "q text 份 with 占比",
  "回收有效问卷200份，其中满意170份（占85%），基本满意24份（占12%），不满意6份（占3%）。",
);
C(
  "q text counts less than valid (blank answers)",
  "有效问卷100份，其中满意80份、基本满意15份，另有5份未作答。",
);
C("prose 分值/扣/得", "资金到位率分值20分，扣2分，得18分。");
C("prose 满分…共扣…最终得分", "本项目满分100分，共扣6分，最终得分94分。");
C(
  "prose paragraphs per indicator",
  "（一）决策指标（20分），得19分。",
  "（二）过程指标（20分），得18分。",
  "（三）产出指标（30分），得28分。",
  "（四）效益指标（30分），得29分。",
  "综上，本项目总得分94分。",
);
C(
  "prose one paragraph weights",
  "决策指标20分，得19分；过程指标20分，得18分；产出指标30分，得28分；效益指标30分，得29分；合计得分94分。",
);
C("prose rule then score", "预算执行率≥95%得满分，每低1个百分点扣0.5分。本项目预算执行率98%，得10分。");
C("prose rule score partial", "预算执行率100%得满分，每降低1%扣0.5分；实际执行率96%，得8分。");
C("prose 得分率", "产出指标得分率为93.3%，效益指标得分率为96.7%。");
C(
  "prose 总评价分 items",
  "（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分4分。",
);
C("prose 得满分", "立项依据充分，得满分10分；程序规范，得满分10分。");
C("prose full-width", "决策指标２０分，得１９分；过程指标２０分，得１８分。");
C("prose with table and 扣分", T(basic()), "立项程序规范性指标扣1分，得9分；资金到位率指标扣2分，得18分。");
C(
  "grade band definitions as sentences",
  "评价结果分为四个等级：得分90分（含）以上的，评价等级为“优”；得分80（含）-90分的，评价等级为“良”；得分60（含）-80分的，评价等级为“中”；得分60分以下的，评价等级为“差”。",
  "本项目自评得分92分，评价等级为“优”。",
);
C(
  "grade band definitions 总分",
  "总分90分以上评定为“优”，总分80分至89分评定为“良”，总分60分至79分评定为“中”，总分60分以下评定为“差”。",
);
C(
  "grade band definitions with table total",
  T(basic()),
  "绩效评价得分在90分以上的，绩效等级为“优”；得分在60分以下的，绩效等级为“差”。",
);
C(
  "self-eval budget rows 其中 merged",
  T([
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100", "100", "95", "10", "95%", "9.5"],
    ["其中：财政拨款", "100", "100", "95", "—", "95%", "—"],
    ["其他资金", "0", "0", "0", "—", "—", "—"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "养护里程", "≥100公里", "102公里", "50", "50"],
    ["效益指标", "社会效益指标", "通行条件", "明显改善", "明显改善", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10"],
    ["总分", "", "", "", "", "100", "99.5"],
  ]),
);
C(
  "self-eval budget rows merged score cells",
  T([
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100", "100", "95", "10", "95%", "9.5"],
    ["其中：财政拨款", "100", "100", "95", "10", "95%", "9.5"],
    ["其他资金", "0", "0", "0", "10", "95%", "9.5"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "养护里程", "≥100公里", "102公里", "50", "50"],
    ["效益指标", "社会效益指标", "通行条件", "明显改善", "明显改善", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10"],
    ["总分", "", "", "", "", "100", "99.5"],
  ], [{ row: 1, col: 4, rowspan: 3 }, { row: 1, col: 6, rowspan: 3 }]),
);
C(
  "frame annotations in text",
  "预算执行情况（10分）：预算执行率95%，得9.5分。",
  "年度绩效目标完成情况（90分）：产出指标（50分）得48分，效益指标（30分）得29分，满意度指标（10分）得10分。",
);
C(
  "frame older template 成本指标 inside 产出",
  "产出指标（50分）：数量指标（15分）、质量指标（15分）、时效指标（10分）、成本指标（10分）。效益指标（30分）。满意度指标（10分）。预算执行（10分）。",
);
C(
  "q text 满意度 computed",
  "共发放问卷120份，收回有效问卷120份，其中满意110份，基本满意8份，不满意2份，满意度98.33%。",
);
C(
  "label weights with 分值 word",
  T([
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（分值50分）", "数量指标", "培训人数", "25", "24"],
    ["", "质量指标", "合格率", "25", "25"],
    ["效益指标（权重50分）", "社会效益", "就业率", "50", "48"],
    ["合计", "", "", "100", "97"],
  ]),
);
C("score '-' not applicable", T(basic({ s2: "—", ts: "84" })));
C(
  "total row with label weight 合计（100分）",
  T(basic().map((r, i) => i === 6 ? ["合计（100分）", "", "", "", "94"] : r)),
);
{
  const row = (
    name: string,
    target: string,
    actual: string,
  ) => ["产出指标", "数量指标", name, target, actual, "10", "10", ""];
  const head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
  const pairs: [string, string][] = [
    ["≥95%", "100%"],
    ["≤500万元", "480万元"],
    ["100%", "100%"],
    ["按期完成", "按期完成"],
    ["≥1000人次", "1,200人次"],
    ["达到90%以上", "95%"],
    ["不低于95%", "98%"],
    ["＜5%", "3%"],
    ["≥９５％", "９８％"],
    ["95%以上", "96.5%"],
    ["≥3个", "3个"],
    ["1000人", "1000人"],
    ["≤10天", "8天"],
    ["100万元", "100万元"],
    ["≥90", "92"],
    ["不少于20场", "22场"],
    ["控制在50万元以内", "48万元"],
    ["≤100%", "98%"],
    ["2024年12月前", "2024年11月"],
    ["≥85%", "达到90%"],
  ];
  for (const [t, a] of pairs) {
    C(`target met: ${t} / ${a}`, T([head, row("指标", t, a), ["总分", "", "", "", "", "10", "10", ""]]));
  }
  C(
    "cost ceiling met: 成本指标 bare",
    T([head, ["成本指标", "经济成本指标", "每公里养护成本", "5万元", "4.8万元", "10", "10", ""], [
      "总分",
      "",
      "",
      "",
      "",
      "10",
      "10",
      "",
    ]]),
  );
}
C(
  "q options-as-columns with 满意度 column",
  T([["调查问题", "满意", "基本满意", "不满意", "满意度"], ["道路质量", "85", "10", "5", "95%"], [
    "养护及时性",
    "80",
    "15",
    "5",
    "95%",
  ]]),
  "共收回有效问卷100份。",
);
C("q text 占 after 人", "共调查受益群众200人，非常满意120人，占60%；满意60人，占30%；一般20人，占10%。");
C("q text 满意率 only", "有效问卷100份，调查结果显示满意率90%，基本满意率8%，不满意率2%。");
C(
  "two score columns 自评/复核",
  T([["一级指标", "二级指标", "分值", "自评得分", "复核得分"], ["决策", "目标", "40", "38", "37"], [
    "产出",
    "数量",
    "60",
    "56",
    "55",
  ], ["合计", "", "100", "94", "92"]]),
);
C(
  "得分率 column",
  T([["一级指标", "二级指标", "分值", "得分", "得分率"], ["决策", "目标", "40", "38", "95%"], [
    "产出",
    "数量",
    "60",
    "56",
    "93.3%",
  ], ["合计", "", "100", "94", "94%"]]),
);
C(
  "frame headings with weights",
  h(2, "（一）预算执行情况（10分）"),
  "预算执行率96%，得9.6分。",
  h(2, "（二）年度绩效目标完成情况（90分）"),
  h(3, "1.产出指标（50分）"),
  "数量指标（20分）：完成养护里程102公里，得20分。",
  "质量指标（20分）：合格率100%，得20分。",
  "时效指标（10分）：按期完成，得10分。",
  h(3, "2.效益指标（30分）"),
  "社会效益指标（30分）：通行条件改善，得30分。",
  h(3, "3.满意度指标（10分）"),
  "服务对象满意度指标（10分）：满意度95%，得10分。",
);
C(
  "frame two projects in text",
  "项目一：预算执行（10分），产出指标（50分），效益指标（30分），满意度指标（10分）。",
  "项目二：预算执行（20分），产出指标（40分），效益指标（30分），满意度指标（10分）。",
);
C(
  "frame with 成本指标 category (new template)",
  "预算执行率（10分）；产出指标（40分）；效益指标（30分）；成本指标（10分）；满意度指标（10分）。",
);
C(
  "frame evaluation system (决策/过程)",
  "项目决策（20分）、项目过程（20分）、项目产出（40分）、项目效益（20分）。",
);
C(
  "frame 总分 stated",
  "总分（100分）：预算执行情况（10分）、年度绩效目标（90分）：产出指标（50分）、效益指标（30分）、满意度指标（10分）。",
);
C(
  "flattened self-eval table",
  "一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标（50分）\t数量指标\t培训人数\t50\t48\n效益指标（40分）\t社会效益\t就业率\t40\t38\n满意度指标（10分）\t满意度\t满意度\t10\t10",
);
{
  const head = ["一级指标", "二级指标", "分值", "评分标准", "完成值", "得分"];
  const rr = (rule: string, done: string, score: string, w = "10") =>
    T([head, ["过程", "预算执行率", w, rule, done, score], [
      "产出",
      "完成情况",
      "90",
      "按计划完成得满分",
      "完成",
      "90",
    ]]);
  C("rule ≥95 full, 98%", rr("预算执行率≥95%得满分，每低1%扣0.5分。", "98%", "10"));
  C("rule ≥95 full, 93% → 9", rr("预算执行率≥95%得满分，每低1%扣0.5分。", "93%", "9"));
  C("rule 93.5% → 9.25", rr("预算执行率≥95%得满分，每低1%扣0.5分。", "93.5%", "9.25"));
  C(
    "rule 93.5% → stepwise 9 (whole steps)",
    rr("预算执行率≥95%得满分，每低1个百分点扣0.5分。", "93.5%", "9"),
  );
  C("rule 扣完为止", rr("执行率≥95%得满分，每低1个百分点扣1分，扣完为止。", "80%", "0"));
  C("rule 100%得满分 未完成不得分", rr("完成率100%得满分，未完成不得分。", "100%", "10"));
  C("rule 控制率 ≤100 得满分 超出不得分", rr("在职人员控制率≤100%得满分，有超出不得分。", "96.67%", "10"));
  C("rule 按比例", rr("按完成比例得分。", "90%", "9"));
  C("rule fullwidth", rr("预算执行率≥９５％得满分，每低１％扣０.５分。", "９３％", "９"));
  C("rule with done as fraction text", rr("预算执行率≥95%得满分，每低1%扣0.5分。", "执行率93%", "9"));
  C(
    "rule 90%以上得满分 / 80-90 得一半",
    rr("满意度90%以上得满分，80%-90%得5分，80%以下不得分。", "85%", "5"),
  );
  C("rule 每低1% 扣权重的10%", rr("执行率≥95%得满分，每低1%扣该项分值的10%。", "93%", "8"));
}
// ── defective
D("Σ得分≠总分", ["score-total"], T(basic({ ts: "96" })));
D("Σ分值≠合计", ["score-weight-total"], T(basic({ tw: "90" })));
D("score above weight", ["score-exceeds-weight"], T(basic({ s1: "12", ts: "96" })));
D(
  "score above weight merged",
  ["score-exceeds-weight"],
  (() => {
    const m = mergedBasic({ s1: "12", ts: "96" });
    return T(m.rows, m.merges);
  })(),
);
D("Σ得分≠总分 full-width", ["score-total"], T(basic({ ts: "96" }).map((r) => r.map(fw))));
D("Σ得分≠总分 score before weight", ["score-total"], T(basic({ ts: "96" }, H, "sw")));
D(
  "Σ得分≠总分 权重/评分",
  ["score-total"],
  T(basic({ ts: "96" }, ["一级指标", "二级指标", "三级指标", "权重", "评分"])),
);
D(
  "Σ得分≠总分 repeated header",
  ["score-total"],
  (() => {
    const rows = basic({ ts: "96" });
    rows.splice(4, 0, [...H]);
    return T(rows);
  })(),
);
D(
  "Σ得分≠总分 extra columns",
  ["score-total"],
  T(
    basic({ ts: "96" }).map((r, i) =>
      i === 0
        ? [r[0], r[1], r[2], "指标解释", "评分标准", r[3], r[4]]
        : [r[0], r[1], r[2], "说明", "标准", r[3], r[4]]
    ),
  ),
);
D("Σ得分≠总分 decimals", ["score-total"], T(basic({ s1: "9.5", ts: "95" })));
D(
  "children≠parent label weights",
  ["score-weight-tree"],
  T([
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["产出指标（50分）", "数量指标", "培训人数", "25", "24"],
    ["", "质量指标", "合格率", "20", "20"],
    ["效益指标（30分）", "社会效益", "就业率", "30", "28"],
    ["满意度指标（20分）", "服务对象满意度", "满意度", "20", "19"],
    ["合计", "", "", "100", "91"],
  ]),
);
D(
  "自评表 budget score not 分值×执行率 (stated rule)",
  ["score-rule"],
  T(
    selfEval({ exe: "80", rate: "80%", bs: "10", tot: "100" }).map((r, i) =>
      i === 1 ? [...r.slice(0, 6), "得分（10分*执行率）"] : r
    ),
  ),
);
D(
  "自评表 budget score not 分值×执行率",
  ["score-rule"],
  T(selfEval({ exe: "80", rate: "80%", bs: "10", tot: "100" })),
);
D("自评表 执行率 wrong", ["score-rule"], T(selfEval({ rate: "98%", bs: "9.8", tot: "99.8" })));
D("自评表 total wrong", ["score-total"], T(selfEval({ tot: "98" })));
D("grade 优 at 89", ["score-grade"], "自评得分89分，评价等级为“优”。");
D("grade 优秀 at 85", ["score-grade"], "经自评，自评得分85分，等级为优秀。");
D("grade 良 at 75", ["score-grade"], "自评得分75分，评价等级为“良”。");
D("grade 合格 at 55", ["score-grade"], "自评得分55分，评价结果为合格。");
D("grade 优 at 89 full-width", ["score-grade"], "自评得分８９分，评价等级为“优”。");
D(
  "grade in cell vs table total",
  ["score-grade"],
  T([...basic({ ts: "84", s5: "19" }), ["评价等级", "优", "", "", ""]]),
);
D(
  "grade doc bands 85 violated",
  ["score-grade"],
  "评价等级分为优（85分及以上）、良（70-84分）、中（60-69分）、差（60分以下）。",
  "本项目自评得分82分，评价等级为“优”。",
);
D(
  "narrative total ≠ table",
  ["score-total/text-vs-table-total"],
  T(basic()),
  "经自评，本项目自评得分96分，等级为优秀。",
);
D("narrative per-indicator above weight", ["score-exceeds-weight"], T(basic()), "其中产出指标得32分。");
D("narrative 满分X得Y above", ["score-exceeds-weight"], "决策指标满分20分，得22分。");
D(
  "q text over total",
  ["questionnaire-tally"],
  "本次共发放问卷100份，回收有效问卷96份，其中满意85份、基本满意12份、不满意4份。",
);
D("q 有效 > 发放", ["questionnaire-tally"], "发放问卷150份，回收152份，有效问卷140份。");
D(
  "q table over 合计",
  ["questionnaire-tally/question-total"],
  T([
    ["调查问题", "选项", "人数", "比例"],
    ["您对项目实施是否满意", "满意", "82", "80%"],
    ["", "基本满意", "15", "15%"],
    ["", "不满意", "5", "5%"],
    ["合计", "", "100", "100%"],
  ]),
);
D(
  "q table cols over valid",
  ["questionnaire-tally"],
  T([["调查问题", "满意", "基本满意", "不满意"], ["您对道路质量是否满意", "88", "10", "5"], [
    "您对养护及时性是否满意",
    "80",
    "15",
    "5",
  ]]),
  "共收回有效问卷100份。",
);
D(
  "q table pct wrong",
  ["questionnaire-tally"],
  T([["调查问题", "选项", "人数", "占比"], ["总体满意度", "满意", "70", "78.7%"], [
    "",
    "基本满意",
    "20",
    "21.1%",
  ], ["", "不满意", "5", "5.3%"]]),
  "有效问卷95份。",
);
D(
  "subtotal wrong",
  ["score-weight-tree"],
  T([
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["投入", "目标", "合理性", "10", "9"],
    ["", "", "明确性", "10", "10"],
    ["小计", "", "", "25", "19"],
    ["产出", "数量", "完成率", "80", "76"],
    ["合计", "", "", "100", "95"],
  ]),
);

D(
  "grade cell beside 自评得分 cell wrong",
  ["score-grade/grade-vs-score"],
  T([["自评得分", "88", "评价等级", "优"]]),
);
D(
  "grade doc bands ≥ violated",
  ["score-grade"],
  "评分标准：得分≥85分为优，70分≤得分<85分为良，60分≤得分<70分为中，得分<60分为差。",
  "本项目自评得分68分，评价等级为“良”。",
);
D("grade 良 score then 总分100", ["score-grade"], "自评得分75分，总分100分，评价等级为“良”。");
D(
  "Σ得分≠总分 with grade row",
  ["score-total/scores-vs-total"],
  T([...basic({ ts: "96" }), ["评价等级", "优", "", "", ""]]),
);
D(
  "q merged 合计 wrong",
  ["questionnaire-tally/question-total"],
  T([["调查问题", "选项", "人数"], ["问题一", "满意", "80"], ["", "不满意", "30"], ["合计", "合计", "100"]], [
    { row: 3, col: 0, colspan: 2 },
  ]),
);
D(
  "q second question 合计 wrong",
  ["questionnaire-tally/question-total"],
  T([
    ["调查问题", "选项", "人数"],
    ["问题一", "满意", "80"],
    ["", "不满意", "20"],
    ["合计", "", "100"],
    ["问题二", "满意", "90"],
    ["", "不满意", "20"],
    ["合计", "", "100"],
  ]),
);
D(
  "weight per level columns Σ wrong",
  ["score-total"],
  T([
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["决策", "20", "项目立项", "10", "立项依据", "10", "10"],
    ["", "", "绩效目标", "10", "目标明确", "10", "9"],
    ["过程", "30", "资金管理", "30", "到位率", "30", "28"],
    ["产出", "50", "产出数量", "50", "完成率", "50", "47"],
    ["合计", "100", "", "", "", "100", "96"],
  ]),
);
D(
  "eval table 评分标准 total wrong",
  ["score-total"],
  T([
    ["一级指标", "二级指标", "三级指标", "指标解释", "分值", "评分标准", "得分", "扣分原因"],
    ["决策", "项目立项", "立项依据充分性", "考察立项依据", "5", "依据充分得5分", "5", ""],
    ["", "", "立项程序规范性", "考察程序", "5", "规范得5分", "4", "程序不完整扣1分"],
    ["过程", "资金管理", "资金到位率", "到位资金/计划资金", "10", "到位率×分值", "9.5", "到位率95%"],
    ["产出", "产出数量", "实际完成率", "实际完成/计划", "40", "完成率×分值", "38", ""],
    ["效益", "满意度", "满意度", "问卷", "40", "≥90%得满分", "40", ""],
    ["合计", "", "", "", "100", "", "98.5", ""],
  ]),
);
D(
  "q text 占比 wrong",
  ["questionnaire-tally"],
  "回收有效问卷200份，其中满意170份（占75%），基本满意24份（占12%），不满意6份（占3%）。",
);
D(
  "grade 2 projects second wrong",
  ["score-grade"],
  "甲项目得分92分，评价等级为“优”；乙项目得分74分，评价等级为“良”。",
);
D("grade 考核等级良好 at 68", ["score-grade"], "考核得分68分，考核等级为“良好”。");
D(
  "prose one paragraph total wrong",
  ["score-text-sum/subtotals-vs-total"],
  "决策指标20分，得19分；过程指标20分，得18分；产出指标30分，得28分；效益指标30分，得29分；合计得分96分。",
);
D(
  "prose 总评价分 items wrong",
  ["score-text-sum"],
  "（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分5分。",
);
D("prose 分值/得 above", ["score-exceeds-weight"], "资金到位率分值20分，得22分。");
D("prose with table above weight", ["score-exceeds-weight"], T(basic()), "立项程序规范性指标得12分。");

D(
  "grade after a band definition in the same sentence",
  ["score-grade"],
  "按照评分标准，得分90分以上为“优”，本项目得分76分，等级为“良”。",
);
D(
  "grade after band definitions (table total)",
  ["score-grade"],
  "评价结果分为四个等级：得分90分（含）以上的，评价等级为“优”；得分60分以下的，评价等级为“差”。",
  "本项目自评得分92分，评价等级为“良”。",
);

D(
  "target missed full marks",
  ["score-rule"],
  T([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"], [
    "产出指标",
    "数量指标",
    "培训人次",
    "≥1000人次",
    "800人次",
    "10",
    "10",
    "场地受限",
  ], ["总分", "", "", "", "", "10", "10", ""]]),
);
D(
  "frame categories ≠ block",
  ["score-frame"],
  "预算执行情况（10分）；年度绩效目标（90分）：产出指标（50分）、效益指标（30分）、满意度指标（20分）。",
);
D(
  "rule score wrong",
  ["score-rule"],
  T([["一级指标", "二级指标", "分值", "评分标准", "完成值", "得分"], [
    "过程",
    "预算执行率",
    "10",
    "预算执行率≥95%得满分，每低1%扣0.5分。",
    "93%",
    "10",
  ]]),
);
D(
  "rule 扣完为止 wrong",
  ["score-rule"],
  T([["一级指标", "二级指标", "分值", "评分标准", "完成值", "得分"], [
    "过程",
    "预算执行率",
    "10",
    "执行率≥95%得满分，每低1个百分点扣1分，扣完为止。",
    "90%",
    "8",
  ]]),
);

function findings(c: Case): Finding[] {
  const d = makeDoc(c.specs, { year: 2023, unit: "青山县交通运输局" });
  return runChecks(d, extract(d), { ...DEFAULT_CONFIG }, RULES).filter((f) => f.severity !== "info");
}

const label = (f: Finding) => `${f.rule}/${f.messageId}(${f.severity})`;

for (const c of consistent) {
  Deno.test(`score phrasings, consistent: ${c.name}`, () => {
    assert.deepEqual(findings(c).map(label), []);
  });
}

for (const c of defective) {
  Deno.test(`score phrasings, defective: ${c.name}`, () => {
    const fs = findings(c);
    for (const e of c.expect!) {
      assert.ok(
        fs.some((f) => f.rule === e || `${f.rule}/${f.messageId}` === e),
        `${e} expected, found: ${fs.map(label).join(", ") || "nothing"}`,
      );
    }
  });
}

// ── Rule-level cases for what changed ────────────────────────────────────────────────────────────────────

const EVAL = h(1, "一、评价结论");
const SCORES = [
  ["一级指标", "二级指标", "分值", "得分"],
  ["决策", "目标明确性", "40", "38"],
  ["产出", "完成数量", "60", "56"],
  ["合计", "", "100", "94"],
];

ruleTester(scoreGrade, {
  valid: [
    {
      name: "优秀 as an adjective after a score threshold is no band (85分以上的优秀作品)",
      doc: [EVAL, "评分85分以上的优秀作品予以表彰。", "自评得分87分，评价等级为“良”。"],
    },
    {
      name: "band definitions written as grade sentences (得分60分以下的，评价等级为“差”)",
      doc: [
        EVAL,
        "得分90分（含）以上的，评价等级为“优”；得分80（含）-90分的，评价等级为“良”；得分60分以下的，评价等级为“差”。",
      ],
    },
    {
      name: "band definitions with 评定为 and a table total",
      doc: [table(SCORES), "总分90分以上评定为“优”，总分80分至89分评定为“良”，总分60分以下评定为“差”。"],
    },
    {
      name: "总分100分 beside the score is the full marks",
      doc: [EVAL, "自评得分85分，总分100分，评价等级为“良”。"],
    },
    { name: "评价总分 then the score", doc: [EVAL, "评价总分100分，本项目得分86分，评价等级为“良”。"] },
    {
      name: "the report's own bands: 优（85分及以上）",
      doc: [
        EVAL,
        "评价等级分为优（85分及以上）、良（70-84分）、中（60-69分）、差（60分以下）。",
        "自评得分87分，评价等级为“优”。",
      ],
    },
    {
      name: "the report's own bands: 75分（含）至90分为良好",
      doc: [
        EVAL,
        "90分（含）以上为优秀，75分（含）至90分为良好，60分（含）至75分为合格，60分以下为不合格。",
        "自评得分78分，评价等级为良好。",
      ],
    },
    {
      name: "the report's own bands in a table (优 | 85分（含）以上)",
      doc: [
        EVAL,
        table([["等级", "分数"], ["优", "85分（含）以上"], ["良", "70分（含）至85分"]]),
        "自评得分86分，评价等级为“优”。",
      ],
    },
    {
      name: "two bounds for one band: the standard is unclear, not checked",
      doc: [EVAL, "90分以上为优。", "85分以上为优。", "自评得分87分，评价等级为“优”。"],
    },
    {
      name: "a satisfaction threshold (≥85 without 分) is no band",
      doc: [EVAL, "满意度≥85为优。", "自评得分92分，评价等级为“优”。"],
    },
    { name: "grade cell beside a 自评得分 cell", doc: [table([["自评得分", "８８", "评价等级", "良"]])] },
    {
      name: "grade cell below the indicator table's total",
      doc: [table([...SCORES, ["评价等级", "优", "", ""]])],
    },
  ],
  invalid: [
    {
      name: "a band definition then the statement, in one sentence (良's floor not stated: an assumption)",
      doc: [EVAL, "按照评分标准，得分90分以上为“优”，本项目得分76分，等级为“良”。"],
      errors: [{ messageId: "grade-vs-score", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "the report's own bands, violated",
      doc: [
        EVAL,
        "评分标准：得分≥85分为优，70分≤得分<85分为良，60分≤得分<70分为中，得分<60分为差。",
        "自评得分68分，评价等级为“良”。",
      ],
      errors: [{ messageId: "grade-vs-score", severity: "error" }],
    },
    {
      name: "the score, not the full marks after it (default bands: an assumption)",
      doc: [EVAL, "自评得分75分，总分100分，评价等级为“良”。"],
      errors: [{ messageId: "grade-vs-score", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "grade cell beside a 自评得分 cell, wrong (default bands: an assumption)",
      doc: [table([["自评得分", "88", "评价等级", "“优”"]])],
      errors: [{ messageId: "grade-vs-score", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "grade cell below the table total (the table's total: an assumption)",
      doc: [table([...SCORES, ["评价等级", "良", "", ""]])],
      errors: [{ messageId: "grade-vs-score", severity: "warning", certainty: "assumption" }],
    },
  ],
});

ruleTester(scoreTotal, {
  valid: [
    {
      name: "narrative total equals the table's",
      doc: [table(SCORES), "经自评，本项目自评得分94分，等级为优秀。"],
    },
    { name: "rounding only (94.0)", doc: [table(SCORES), "本项目综合得分为94.0分。"] },
    { name: "a part's score (产出指标综合得分)", doc: [table(SCORES), "其中产出指标综合得分56分。"] },
    { name: "another period's total", doc: [table(SCORES), "上年度自评得分92分。"] },
    { name: "another year's total", doc: [table(SCORES), "2021年自评得分90分。"] },
    {
      name: "two scored tables: which one is unclear",
      doc: [table(SCORES), table(SCORES), "本项目自评得分96分。"],
    },
  ],
  invalid: [
    {
      name: "narrative total differs from the table's (full-width digits)",
      doc: [table(SCORES), "经自评，本项目自评得分９６分，等级为优秀。"],
      errors: [{ messageId: "text-vs-table-total", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "a grade row below 合计 does not hide the total's mismatch",
      doc: [table([...SCORES.slice(0, 3), ["合计", "", "100", "96"], ["评价等级", "优", "", ""]])],
      errors: [{ messageId: "scores-vs-total", severity: "error" }],
    },
  ],
});

const Q = ["调查问题", "选项", "人数"];
ruleTester(questionnaireTally, {
  valid: [
    {
      name: "one question closed by 合计",
      doc: [table([Q, ["问题一", "满意", "80"], ["", "不满意", "20"], ["合计", "", "100"]])],
    },
    {
      name: "a grand total of two questions is no question's total",
      doc: [
        table([Q, ["问题一", "满意", "80"], ["", "不满意", "20"], ["问题二", "满意", "90"], [
          "",
          "不满意",
          "10",
        ], ["合计", "", "200"]]),
      ],
    },
  ],
  invalid: [
    {
      name: "合计 in the question column",
      doc: [
        table([Q, ["问题一", "满意", "82"], ["", "基本满意", "15"], ["", "不满意", "5"], [
          "合计",
          "",
          "100",
        ]]),
      ],
      errors: [{ messageId: "question-total", severity: "error" }],
    },
    {
      name: "合计 merged across question and option columns",
      doc: [
        table([Q, ["问题一", "满意", "80"], ["", "不满意", "30"], ["合计", "合计", "100"]], [{
          row: 3,
          col: 0,
          colspan: 2,
        }]),
      ],
      errors: [{ messageId: "question-total", severity: "error" }],
    },
    {
      name: "each question closed by 合计: the second one wrong",
      doc: [
        table([
          Q,
          ["问题一", "满意", "80"],
          ["", "不满意", "20"],
          ["合计", "", "100"],
          ["问题二", "满意", "90"],
          ["", "不满意", "20"],
          ["合计", "", "100"],
        ]),
      ],
      errors: [{ messageId: "question-total", severity: "error" }],
    },
  ],
});

ruleTester(scoreExceedsWeight, {
  valid: [
    { name: "决策指标（20分），得19分", doc: ["（一）决策指标（20分），得19分。"] },
    {
      name: "a score of another indicator does not take the weight",
      doc: ["产出指标28分，效益指标29分，满意度指标得19分。"],
    },
  ],
  invalid: [
    {
      name: "决策指标（20分），得分22分",
      doc: ["（一）决策指标（20分），得分22分。"],
      errors: [{ messageId: "text", severity: "error" }],
    },
    {
      name: "产出指标30分，得32分",
      doc: ["产出指标30分，得32分。"],
      errors: [{ messageId: "text", severity: "error" }],
    },
  ],
});

ruleTester(scoreTextSum, {
  valid: [
    {
      name: "weights without a weight word add up",
      doc: [
        "决策指标20分，得19分；过程指标20分，得18分；产出指标30分，得28分；效益指标30分，得29分；合计得分94分。",
      ],
    },
  ],
  invalid: [
    {
      name: "weights without a weight word, total wrong",
      doc: [
        "决策指标（20分），得19分；过程指标（20分），得18分；产出指标（30分），得28分；效益指标（30分），得29分；合计得分96分。",
      ],
      errors: [{ messageId: "subtotals-vs-total", severity: "error" }],
    },
  ],
});
