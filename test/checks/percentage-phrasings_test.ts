/**
 * Percentages and rates in the genre's many phrasings: changes with both periods, with 由…到…, or with the
 * amount of the change instead of the previous value (比上年增加200万元，增长20%); change nouns (增幅, 降幅,
 * 增长率); shares and completion rates; named rates with their formulas (执行率 on 调整后预算 beside 年初预算,
 * 到位率, 完成率) and the 100% cap; full-width digits, separators, 亿元/万元/元 mixes, 约/余. Each consistent
 * statement gives no error from any rule and no finding from percentage-arithmetic; each defective one the
 * finding listed.
 */
import assert from "node:assert/strict";
import { ruleTester } from "../helpers/rule-tester.ts";
import { percentageArithmetic } from "../../checks/rules/percentage-arithmetic.ts";
import { h, makeDoc, table } from "../../src/testing/doc-spec.ts";
import { scoreRule } from "../../checks/rules/score-rule.ts";
import { runChecks } from "../../src/audit.ts";
import { extract } from "../../src/extract/index.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import { RULES } from "../../checks/index.ts";

const consistent: string[] = [
  // A figure, then the amount of its change, then the rate.
  "本年收入1200万元，比上年增加200万元，增长20%。",
  "本年支出900万元，比上年减少100万元，下降10%。",
  "本年收入1200万元，较上年增加200万元，增幅20%。",
  "本年收入1200万元，同比增加200万元，同比增长20%。",
  "本年收入1200万元，比上年增长200万元，增长率为20%。",
  "本年支出800万元，比上年减少200万元，降幅20%。",
  "本年支出1,200万元，比上年增加２００万元，增长２０％。",
  "本年收入1200万元，比上年增加200万元，增长20.0%。",
  "本年收入1300万元，比上年增加300万元，增长了30%。",
  "2023年收入1200万元，比2022年增加200万元，增长20%。",
  "今年收入1200万元，比去年增加200万元，增长20%。",
  "本年收入1200万元，与上年相比增加200万元，增长20%。",
  "项目支出1200万元，较上年增加200万元，增长20%，主要是新增项目。",
  "本年收入1200万元，比上年增加200万元，增长20%；支出1100万元，比上年增加100万元，增长10%。",
  "本年收入1200万元，比上年增加0.02亿元，增长20%。",
  "本年收入1200万元，比上年1000万元增加200万元，增长20%。",
  "全年培训1200人次，比上年增加200人次，增长20%。",
  "年末资产总额1200万元，比上年末增加200万元，增长20%。",
  "本年收入1200万元，比上年增加了200万元，增长了20%。",
  "本年收入1200万元，同比增加200万元，增速20%。",
  "本年收入1200万元，比上年增加200万元，增长20%，较2022年增长50%。",
  "项目资金1200万元，比上年减少200万元，下降14.29%。",
  "项目资金1200万元，较上年减少200万元，降幅14.3%。",
  "本年收入约1200万元，比上年增加200万元，增长20%。",
  "本年收入1200余万元，比上年增加约200万元，增长约20%。",
  // Rounded inputs: 1.28 ÷ (16.42 + 1.28) = 7.23%, but inputs rounded to 0.01万元 allow 7.20%–7.26%.
  "本年“三公”经费16.42万元，较上年减少1.28万元，减少7.22%。",
  // A list item: the item's reading (200 ÷ 800) or the whole's (300 ÷ 1000) — either one is not reported.
  "本年收入1200万元，其中财政拨款1000万元，比上年增加200万元，增长25%。",
  "收入总计1300万元，其中财政拨款1000万元，比上年增加300万元，增长30%。",
  // Two figures before the amount, or figures between the amount and the rate: not read.
  "全年收入1200万元、支出1100万元，比上年增加200万元，增长20%。",
  "本年支出1200万元，比上年增加200万元，主要是人员增加，增长20%。",
  // Changes with both periods, 由…到….
  "全年完成投资1.2亿元，较上年的1亿元增长20%。",
  "项目支出由800万元增加到1000万元，增长25%。",
  "项目支出从1000万元下降至800万元，降幅为20%。",
  "本年收入1.2亿元，较上年的10000万元增长20%。",
  "本年支出120000元，较上年10万元增长20%。",
  "本年支出1234.56万元，较上年1000万元增长23.46%。",
  "本年收入1200万元，上年收入1000万元，增长20%。",
  "2023年部门收入1200万元，2022年为1000万元，同比增长20%。",
  "2023年预算执行率为98.5%，较上年的95.2%提高3.3个百分点。",
  "2023年办结率96.4%，2022年办结率94.1%，提高2.3个百分点。",
  // Shares and completion rates, over 100% too.
  "培训人员120人，占计划100人的120%。",
  "完成培训120人次，完成年度目标100人次的120%。",
  "专项资金300万元，占部门总预算1200万元的25%。",
  "发放补贴资金5,000万元，占预算资金6,000万元的83.33%。",
  "实际支出２３００万元，占年度预算１８００万元的１２７.７８％。",
  "完成造林约2300亩，占计划1800亩的127.8%。",
  // Named rates: 执行率 on 调整后预算 or on 年初预算 (which one is the text's choice), 到位率, 完成率.
  "年度预算1800万元，实际支出2300万元，执行率127.78%。",
  "年初预算1000万元，调整后预算1200万元，实际支出1140万元，预算执行率95%。",
  "年初预算1000万元，调整后预算1200万元，实际支出1000万元，预算执行率100%。",
  "全年预算数1200万元，年初预算数1000万元，全年执行数1140万元，预算执行率95%。",
  "年初预算1,000万元，调整后预算1,200万元，实际支出1,140万元，预算执行率95%。",
  "预算安排1000万元，实际支出950万元，执行率95%。",
  "计划投入资金500万元，实际到位资金450万元，资金到位率90%。",
  "应到位资金500万元，实际到位资金500万元，资金到位率100%。",
  "下达资金500万元，到位资金480万元，到位率96%。",
  "计划投入资金500万元，实际到位资金约450万元，资金到位率90%。",
  "计划完成100项，实际完成95项，完成率95%。",
  "计划培训200人，实际培训180人，完成率90%。",
  "计划培训２００人，实际培训１８０人，完成率９０％。",
  "目标值100人，实际完成95人，完成率95%。",
  "年度目标任务100项，已完成98项，完成率98%。",
  "计划投资1.2亿元，实际完成1.08亿元，完成率90%。",
  "计划培训200人，实际培训260人，完成率130%。",
  "计划培训200人，实际培训260人，完成率100%（超额完成按100%计）。",
  "计划完成投资1000万元，本年完成投资800万元，累计完成900万元，完成率90%。",
  "计划培训200人，实际培训180人次，完成率90%。",
  // Shares that name no whole: the figure before 其中, or one of 共/总 in the clause before.
  "全县农村人口10万人，其中脱贫人口2万人，占20%。",
  "共有职工50人，其中女职工20人，占40%。",
  "全年支出1000万元，其中基本支出300万元，占30%；项目支出700万元，占70%。",
  "全县共有行政村120个，已通硬化路的村110个，占91.67%。",
  "全县共有行政村120个，已通硬化路的村110个，占比91.7%。",
  "全县共有行政村120个，其中贫困村30个，占25%。",
  "项目总投资1000万元，其中中央资金600万元，占60%，省级资金300万元，占30%。",
  "全年共接待游客100万人次，其中外地游客60万人次，占60%，同比增长10%。",
  // Not read: a whole named without its figure, in another sentence, of another unit, or a change clause.
  "总支出1000万元，其中人员经费300万元，占总支出的35%。",
  "共有职工50人。其中女职工20人，占45%。",
  "共发放补贴资金500万元，惠及群众2万人，占10%。",
  "共有职工50人，比上年增加5人，占10%。",
  "全县总人口50万人，脱贫人口2万人，占农村人口的10%。",
  // Named rates: a target's name, a whole that may be a sum, two plans.
  "计划培训200人，实际培训180人，计划完成率100%，实际完成率90%。",
  "上级下达资金500万元，本级配套资金100万元，实际到位资金550万元，资金到位率91.67%。",
  "项目计划总投资1000万元，2023年计划投资300万元，实际完成投资300万元，完成率100%。",
  "计划全年培训200人，上半年实际培训90人，完成率45%。",
  "年初预算1000万元，调整后预算1200万元，实际支出1140万元，执行率114%。",
  // The amount of a change: parentheses, another period's amount, another subject.
  "本年收入1200万元（其中财政拨款1000万元），比上年增加200万元，增长25%。",
  "本年收入1200万元，比上年增加200万元（主要是项目资金增加），增长20%。",
  "在职人员120人，比上年增加20人，增长20%。",
  "本年收入1200万元，比上年增加200万元，比2021年增加300万元，增长20%。",
  "全年支出1200万元，其中项目支出比上年增加200万元，增长20%。",
  // 超额完成…的20% is an excess over the target, not a completion rate; A为B的X% is a plain ratio.
  "全年完成投资1200万元，超额完成计划1000万元的20%。",
  "本年收入1200万元，是上年1000万元的120%。",
  "本年收入1200万元，相当于上年1000万元的120%。",
  "项目实际完成投资1.5亿元，为计划投资1.2亿元的125%。",
  "完成投资1200万元，达到年度计划1000万元的120%。",
  "本年收入1200万元，为上年的120%，比上年增加200万元。",
  // A rate between a pair of periods and this rate: the pair is another comparison's.
  "2023年收入1200万元，比上年增加200万元，增长20%，2022年收入1000万元，比2021年增加100万元，增长11.11%。",
  "本年收入1200万元，同比增加200万元，增长20%；本年支出1000万元，同比减少100万元，下降9.09%。",
  "本年支出1200万元，比上年增加200万元，增长20%，其中基本支出600万元，比上年增加100万元，增长20%。",
  "本年度部门决算收入1200万元，与上年度决算数相比增加200万元，增长20%。",
  "全年收入12,000,000元，比上年增加2,000,000元，增长20%。",
  "本年收入一千二百万元，比上年增加二百万元，增长20%。",
  // 分别占…的x%、y%: rates paired in order with the figures before 分别.
  "基本支出300万元、项目支出700万元，分别占总支出1000万元的30%、70%。",
  "人员经费300万元，公用经费200万元，分别占基本支出500万元的60%和40%。",
  "人员经费300万元，公用经费200万元，分别占基本支出500万元的60%、40%。",
  "基本支出和项目支出分别为300万元和700万元，分别占总支出的30%和70%。",
  "本年收入1200万元、支出1100万元，同比分别增加200万元和100万元，分别增长20%和10%。",
  "培训120人、180人，分别完成年度目标100人、200人的120%、90%。",
  // 多/少 introduce the amount of a change, never the previous value (a wrong error: 200 was read as 上年).
  "本年新增就业1200人，比上年多200人，增长20%。",
  "本年新增就业1200人，比上年多出200人，增长20%。",
  "本年新增就业1200人，比上年增多200人，增长20%。",
  "本年新增就业800人，比上年少200人，下降20%。",
  "全年共办理案件1200件，同比增长20%，增加200件。",
  "全年共办理案件1200件，上年同期为1000件，同比上升20%。",
  "本年接待游客1.5万人次，比上年的12000人次增长25%。",
  "本月支出120万元，较上月100万元环比增长20%。",
  "预算执行率从95.2%提高到98.5%，上升3.3个百分点。",
  "本年培训1200人，其中女性480人，女性占比40%。",
  // A per-unit figure between the part and 占 is not the part (a wrong error: 10 ÷ 5000).
  "全年支出1000万元，人均10万元，占全县5000万元的20%。",
  "全年发放补贴1000万元，户均0.5万元，占预算资金5000万元的20%。",
  "全年发放补贴1000万元，平均每户5000元，占预算资金5000万元的20%。",
  "全年支出1000万元，惠及群众2万人，占全县财政支出5000万元的20%。",
  "全年发放补贴1000万元，较上年的800万元增长25%，占预算资金5000万元的20%。",
];

const defective: {
  doc: string;
  messageId: string;
  severity: "error" | "warning" | "info";
  message?: string;
}[] = [
  // The amount of the change: rate = amount ÷ (current ∓ amount).
  {
    doc: "本年收入1200万元，比上年增加200万元，增长25%。",
    messageId: "mismatch",
    severity: "error",
    message: "200 ÷ (1200 − 200)",
  },
  { doc: "本年收入1200万元，比上年增加200万元，增长16.67%。", messageId: "mismatch", severity: "error" },
  {
    doc: "本年支出900万元，比上年减少100万元，下降11.11%。",
    messageId: "mismatch",
    severity: "error",
    message: "100 ÷ (900 + 100)",
  },
  { doc: "本年收入1300万元，比上年增加300万元，增长23.08%。", messageId: "mismatch", severity: "error" },
  { doc: "本年收入1200万元，比上年增加0.02亿元，增长0.17%。", messageId: "mismatch", severity: "error" },
  { doc: "本年支出1,200万元，比上年增加２００万元，增长２５％。", messageId: "mismatch", severity: "error" },
  { doc: "本年收入1200万元，较上年增加200万元，增幅25%。", messageId: "mismatch", severity: "error" },
  { doc: "本年收入1200万元，比上年增长200万元，增长率为25%。", messageId: "mismatch", severity: "error" },
  { doc: "本年支出800万元，比上年减少200万元，降幅25%。", messageId: "mismatch", severity: "error" },
  {
    doc: "本年度财政拨款收入1100万元，比上年增加100万元，增长11%。",
    messageId: "rounding",
    severity: "info",
  },
  { doc: "本年收入2300万元，比上年增加500万元，增长27.7%。", messageId: "truncation", severity: "info" },
  // A list item: neither reading gives the rate, and which one is meant is a guess.
  {
    doc: "收入总计1300万元，其中财政拨款1000万元，比上年增加200万元，增长40%。",
    messageId: "mismatch",
    severity: "warning",
  },
  // Changes with both periods.
  { doc: "项目支出由800万元增加到1000万元，增长20%。", messageId: "mismatch", severity: "error" },
  { doc: "项目支出从1000万元下降至800万元，降幅为25%。", messageId: "mismatch", severity: "error" },
  { doc: "本年收入1.2亿元，较上年的10000万元增长2%。", messageId: "mismatch", severity: "error" },
  { doc: "本年支出1234万元，较上年1000万元增长24.3%。", messageId: "mismatch", severity: "error" },
  { doc: "本年收入1200万元，上年收入1000万元，增长25%。", messageId: "mismatch", severity: "error" },
  {
    doc: "2023年部门收入1200万元，2022年为1000万元，同比增长25%。",
    messageId: "mismatch",
    severity: "error",
  },
  {
    doc: "2023年预算执行率为98.5%，较上年的95.2%提高2.3个百分点。",
    messageId: "mismatch",
    severity: "error",
  },
  { doc: "全年完成投资1.2亿元，较上年的1亿元增长25%。", messageId: "as-written", severity: "warning" },
  // Shares and completion rates.
  { doc: "培训人员120人，占计划100人的100%。", messageId: "mismatch", severity: "error" },
  { doc: "完成培训120人次，完成年度目标100人次的110%。", messageId: "mismatch", severity: "error" },
  { doc: "专项资金300万元，占部门总预算1200万元的30%。", messageId: "mismatch", severity: "error" },
  { doc: "发放补贴资金5,000万元，占预算资金6,000万元的80.33%。", messageId: "mismatch", severity: "error" },
  {
    doc: "实际支出２３００万元，占年度预算１８００万元的１２８.７８％。",
    messageId: "mismatch",
    severity: "error",
  },
  { doc: "实际支出2300万元，占年度预算1800万元的127.7%。", messageId: "truncation", severity: "info" },
  // Named rates: the pairing is the extractor's reading, so a warning stating it.
  { doc: "年度预算1800万元，实际支出2300万元，执行率78.26%。", messageId: "mismatch", severity: "warning" },
  {
    doc: "年初预算1000万元，调整后预算1200万元，实际支出1140万元，预算执行率98%。",
    messageId: "mismatch",
    severity: "warning",
    message: "而非与「年初预算」1000万元之比",
  },
  { doc: "预算数500万元，执行数480万元，执行率98%，得分9.6分。", messageId: "mismatch", severity: "warning" },
  {
    doc: "计划投入资金500万元，实际到位资金450万元，资金到位率95%。",
    messageId: "mismatch",
    severity: "warning",
  },
  { doc: "计划完成100项，实际完成95项，完成率90%。", messageId: "mismatch", severity: "warning" },
  {
    doc: "计划培训200人，实际培训180人，完成率95%。",
    messageId: "mismatch",
    severity: "warning",
    message: "180 ÷ 200",
  },
  { doc: "计划培训２００人，实际培训１８０人，完成率９５％。", messageId: "mismatch", severity: "warning" },
  { doc: "计划培训200人，实际培训180人，完成率100%。", messageId: "mismatch", severity: "warning" },
  // 100% with figures above the target is only the cap when the sentence says so.
  { doc: "计划培训200人，实际培训260人，完成率100%。", messageId: "mismatch", severity: "warning" },
  // Shares that name no whole: the pairing is the extractor's reading.
  {
    doc: "全县共有行政村120个，已通硬化路的村110个，占81.67%。",
    messageId: "mismatch",
    severity: "warning",
    message: "假设该比例为",
  },
  { doc: "共有职工50人，其中女职工20人，占45%。", messageId: "mismatch", severity: "warning" },
  { doc: "全县农村人口10万人，其中脱贫人口2万人，占２５％。", messageId: "as-written", severity: "warning" },
  { doc: "全县农村人口10.00万人，其中脱贫人口2.03万人，占20.2%。", messageId: "rounding", severity: "info" },
  // A为B的X%.
  { doc: "项目实际完成投资1.5亿元，为计划投资1.2亿元的120%。", messageId: "as-written", severity: "warning" },
  { doc: "本年收入1200万元，是上年1000万元的110%。", messageId: "mismatch", severity: "error" },
  { doc: "贫困户200户，为全村1000户的25%。", messageId: "mismatch", severity: "error" },
  // The later of two comparisons, read from its own amount.
  {
    doc: "2023年收入1200万元，比上年增加200万元，增长20%，2022年收入1000万元，比2021年增加100万元，增长10%。",
    messageId: "mismatch",
    severity: "error",
    message: "100 ÷ (1000 − 100)",
  },
  // 分别占: each rate against its own figure.
  {
    doc: "人员经费300万元，公用经费200万元，分别占基本支出500万元的60%和45%。",
    messageId: "mismatch",
    severity: "error",
    message: "200 ÷ 500",
  },
  { doc: "本年新增就业1200人，比上年多200人，增长25%。", messageId: "mismatch", severity: "error" },
  { doc: "本年新增就业800人，比上年少了200人，下降25%。", messageId: "mismatch", severity: "error" },
  {
    doc: "全年支出1000万元，人均10万元，占全县5000万元的25%。",
    messageId: "mismatch",
    severity: "error",
    message: "1000 ÷ 5000",
  },
];

const docFor = (text: string) =>
  makeDoc([h(1, "一、绩效分析"), text], { year: 2024, unit: "青山县农业农村局" });

Deno.test("percentage phrasings: no rule raises an error on a consistent statement", () => {
  for (const text of consistent) {
    const doc = docFor(text);
    const errors = runChecks(doc, extract(doc), { ...DEFAULT_CONFIG }, RULES).filter((f) =>
      f.severity === "error"
    );
    assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message}`), [], text);
  }
});

ruleTester(percentageArithmetic, {
  valid: consistent.map((text) => ({ name: text, doc: docFor(text) })),
  invalid: defective.map((d) => ({
    name: d.doc,
    doc: docFor(d.doc),
    errors: [{ messageId: d.messageId, severity: d.severity, ...(d.message ? { message: d.message } : {}) }],
  })),
});

// The 执行率 row of a 自评表 (score-rule recomputes it as 全年执行数 ÷ 全年预算数).
const selfEval = (budget: string[]) => [
  h(1, "附件：项目支出绩效自评表"),
  table([
    ["预算执行情况（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    budget,
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "培训人次", "≥300人次", "320人次", "90", "90"],
  ]),
];
const rateOnly = (fs: { messageId?: string }[]) => fs.filter((f) => f.messageId === "execution-rate");

Deno.test("自评表 执行率: consistent rows give no execution-rate finding", () => {
  for (
    const row of [
      ["年度资金总额", "1000", "1200", "1140", "10", "95%", "9.5"],
      ["年度资金总额", "1000", "1200", "1140", "10", "95.00%", "9.5"],
      ["年度资金总额", "1000", "1200", "1300", "10", "108.33%", "10"],
      ["年度资金总额", "1800", "1800", "2300", "10", "127.7%", "10"],
      ["年度资金总额", "10000000", "12000000", "11400000", "10", "95%", "9.5"],
    ]
  ) {
    const doc = makeDoc(selfEval(row));
    assert.deepEqual(
      rateOnly(runChecks(doc, extract(doc), { ...DEFAULT_CONFIG }, [scoreRule])),
      [],
      row.join(" "),
    );
  }
});

ruleTester(scoreRule, {
  valid: [],
  invalid: [
    {
      name: "执行率 100% beside 执行数 above the budget: may be capped, a warning",
      doc: selfEval(["年度资金总额", "1000", "1200", "1300", "10", "100%", "10"]),
      errors: [{
        messageId: "execution-rate",
        severity: "warning",
        certainty: "assumption",
        message: "按100%填列",
      }],
    },
    {
      name: "执行率 on 年初预算数: a warning",
      doc: selfEval(["年度资金总额", "1000", "1200", "1140", "10", "114%", "10"]),
      errors: [{ messageId: "execution-rate", severity: "warning" }],
    },
    {
      name: "执行率 that follows from neither budget: an error",
      doc: selfEval(["年度资金总额", "1000", "1200", "1140", "10", "98%", "9.8"]),
      errors: [{ messageId: "execution-rate", severity: "error" }],
    },
  ],
});
