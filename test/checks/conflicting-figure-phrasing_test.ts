/**
 * The conflicting-figure rules on the same quantity phrased differently: normalised subject (stop words, synonyms),
 * unit (人 vs 人次; 万人 vs 人 after scaling), years and time frame (年初/年末, 全年/一季度, 本年/上年), one
 * finding per defect, and 「X已全部拨付」 against 「已拨付Y」.
 */
import assert from "node:assert/strict";
import { runRuleChecked } from "../helpers/rule-tester.ts";
import { conflictingFigureSubject } from "../../checks/rules/conflicting-figure-subject.ts";
import { conflictingFigureTester } from "./conflicting-figure_family.ts";
import { h, makeDoc, table } from "../../src/testing/doc-spec.ts";
import { quantitySubject } from "../../src/analysis/quantity-key.ts";

const two = (a: string, b: string) => [h(1, "一、部门概况"), a, h(1, "三、绩效分析"), b];
const warn = { messageId: "same-subject", severity: "warning" as const, certainty: "assumption" as const };

conflictingFigureTester({
  valid: [
    {
      name: "same value phrased differently",
      doc: two("年末在职职工58人，退休人员20人。", "在职人员共58人，均未超编。"),
    },
    {
      name: "rounding: 12.35万人 vs 12.3万人",
      doc: two("项目覆盖受益群众12.35万人。", "项目惠及群众12.3万人，群众满意。"),
    },
    { name: "约 is not exact", doc: two("项目覆盖受益群众约3500人。", "项目惠及群众3800人，群众满意。") },
    { name: "余 is not exact", doc: two("项目覆盖受益群众3500余人。", "项目惠及群众3800人，群众满意。") },
    { name: "编制 is not 在职", doc: two("核定行政编制62人，退休人员20人。", "在职人员共58人，均未超编。") },
    { name: "在编 is not 在职", doc: two("实有在编人员62人，退休人员20人。", "在职人员共58人，均未超编。") },
    {
      name: "人 and 人次 are different units",
      doc: two("全年参训人员300人。", "举办业务培训6期，培训320人次。"),
    },
    { name: "年初 vs 年末", doc: two("年初在职人员58人，退休人员20人。", "年末在职人员共61人，均未超编。") },
    { name: "上年末 vs 年末", doc: two("上年末在职人员58人，退休人员20人。", "截至年末在职人员共61人。") },
    {
      name: "一季度 vs 全年",
      doc: two("一季度培训300人次，进度正常。", "全年累计培训1200人次，干部能力提升。"),
    },
    {
      name: "different years in a report of 2023",
      doc: makeDoc(two("2022年在职人员58人，退休人员20人。", "2023年在职人员共61人。"), { year: 2023 }),
    },
    {
      name: "a figure without frame is not compared when the subject has two frames",
      doc: [
        h(1, "一、预算情况"),
        "年初项目预算500万元，执行进度正常。",
        h(1, "二、调整情况"),
        "全年项目预算650万元，较年初有所增加。",
        h(1, "三、分析"),
        "项目预算500万元已落实。",
      ],
    },
    {
      name: "parts of different wholes",
      doc: two(
        "基本支出100万元，其中商品和服务支出25万元。",
        "项目支出40万元，其中商品和服务支出20万元。",
      ),
    },
    {
      name: "全部拨付 and a larger amount paid (another scope)",
      doc: two("中央补助资金300万元已全部拨付。", "已拨付800万元，执行率100%。"),
    },
    {
      name: "全部到位 vs 已拨付: different verbs",
      doc: two("专项资金850万元已全部到位。", "已拨付720万元，执行率84.71%。"),
    },
    {
      name: "two dated stages of one payment",
      doc: two("截至6月30日，专项资金850万元已全部拨付。", "截至3月31日，已拨付720万元。"),
    },
  ],
  invalid: [
    {
      name: "年末在职职工 vs 在职职工共",
      doc: two(
        "本局内设4个股室，年末在职职工58人，退休人员20人。",
        "在队伍建设方面，在职职工共61人，均未超编。",
      ),
      errors: [{ ...warn, message: "假定两处指同一数量" }],
    },
    {
      name: "培训 vs 全年累计培训",
      doc: two("举办业务培训8期，培训1200人次，能力提升。", "在能力建设方面，全年累计培训1100人次。"),
      errors: [warn],
    },
    {
      name: "开展培训…累计 (subject in the clause before)",
      doc: two("开展培训12期，累计1300人次，成效明显。", "全年共培训1200人次，干部能力提升。"),
      errors: [warn],
    },
    {
      name: "受益群众 vs 惠及群众",
      doc: two("项目覆盖受益群众3500人。", "项目惠及群众3800人，群众满意。"),
      errors: [warn],
    },
    {
      name: "万人 vs 人 after scaling",
      doc: two("项目覆盖受益群众1.25万人。", "项目受益人数12000人，群众满意。"),
      errors: [warn],
    },
    {
      name: "full-width digits",
      doc: two("年末实有在职人员５８人，退休人员２０人。", "截至年末在职人员６１人。"),
      errors: [warn],
    },
    {
      name: "a year-end date as the frame",
      doc: makeDoc(two("截至2023年12月31日，在职人员58人。", "年末在职人员共61人，均未超编。"), {
        year: 2023,
      }),
      errors: [warn],
    },
    {
      name: "全部拨付 vs 已完成拨付 a smaller amount",
      doc: two("专项资金850万元目前已全部拨付。", "资金执行方面，已完成拨付720万元，执行率84.71%。"),
      errors: [{
        messageId: "all-versus-part",
        severity: "warning",
        certainty: "assumption",
        message: "已全部拨付",
      }],
    },
  ],
});

Deno.test("conflicting-figure-subject: a passage copied into several sections is one finding with every place", () => {
  const copy = "在队伍建设方面，在职职工共61人，均未超编。";
  const doc = makeDoc([
    h(1, "一、部门概况"),
    "本局内设4个股室，年末在职职工58人，退休人员20人。",
    h(1, "二、绩效目标"),
    copy,
    h(1, "三、绩效分析"),
    copy,
    h(1, "附件"),
    copy,
  ]);
  const fs = runRuleChecked(conflictingFigureSubject, doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].evidence.length, 4);
  assert.deepEqual(fs[0].details.stated, ["58人", "61人"]);
  assert.deepEqual(fs[0].details.occurrences, { "58人": 1, "61人": 3 });
  assert.match(fs[0].message, /共出现4处/);
});

Deno.test("quantitySubject: stop words, frames and synonyms", () => {
  const q = (s: string) => {
    const { key, frame } = quantitySubject(s);
    return `${key}/${frame}`;
  };
  assert.equal(q("截至年末实有在职人员"), "在职人员/end");
  assert.equal(q("在职职工共"), "在职人员/");
  assert.equal(q("截止到2021年末在职"), "在职人员/end");
  assert.equal(q("项目惠及群众"), "受益群众/");
  assert.equal(q("全年累计培训"), "培训/end");
  assert.equal(q("年初预算数"), "预算/start");
  // Qualifiers that change the quantity stay.
  assert.equal(q("核定行政编制"), "核定行政编制/");
  assert.equal(q("项目支出"), "项目支出/");
  assert.equal(q("计划培训"), "计划培训/");
  assert.equal(q("教师参加培训"), "教师参加培训/");
});

// Templates, items of a list, scopes, stances and stages (red-team probes of the consistency phrasings).
const subsections = (a: string, b: string) => [
  h(1, "一、项目绩效情况"),
  h(2, "（一）农村道路建设项目"),
  a,
  h(2, "（二）农田水利建设项目"),
  b,
];
conflictingFigureTester({
  valid: [
    {
      name: "one template filled in for two projects in parallel subsections",
      doc: subsections(
        "该项目年初预算资金300万元，全年实际支出290万元，预算执行率96.67%，资金使用规范，未发现截留挪用问题。",
        "该项目年初预算资金250万元，全年实际支出250万元，预算执行率100%，资金使用规范，未发现截留挪用问题。",
      ),
    },
    {
      name: "该项目 scopes a figure to its subsection",
      doc: subsections("该项目受益群众800人，群众满意度较高。", "该项目受益群众650人，灌溉条件明显改善。"),
    },
    {
      name: "each project's figure under its own project heading",
      doc: subsections("项目年初预算300万元，主要用于道路硬化。", "项目年初预算250万元，主要用于渠道改造。"),
    },
    {
      name: "a target under 绩效目标 and the result under 目标完成情况",
      doc: [
        h(1, "二、绩效目标"),
        "数量指标：培训农民600人次，新建农村公路30公里。",
        h(1, "三、绩效目标完成情况"),
        "全年培训农民650人次，新建农村公路32公里。",
      ],
    },
    {
      name: "two kinds of training counted in the clause before",
      doc: two("开展农业技术培训12期，培训农民600人次。", "开展电商培训5期，培训农民200人次。"),
    },
    {
      name: "numbered batches (第1批/第2批) are items of a list",
      doc: [
        h(1, "一、资金情况"),
        "第1批下达项目资金300万元，主要用于农村道路硬化建设。第2批下达项目资金200万元，主要用于农村道路硬化建设。",
      ],
    },
    { name: "全县 vs 本单位", doc: two("全县共有农业技术人员320人。", "本单位农业技术人员45人。") },
    {
      name: "two dated stages (截至6月底 / 截至12月底)",
      doc: two(
        "截至2024年6月底，已拨付资金300万元，进度正常。",
        "截至2024年12月底，已拨付资金500万元，进度正常。",
      ),
    },
    {
      name: "a sentence opening with its frame (上半年 / 全年)",
      doc: two("上半年举办培训班5期，培训人员240人次。", "全年举办培训班12期，培训人员600人次。"),
    },
    {
      name: "several years' total (近3年累计)",
      doc: two("近3年累计投入资金3000万元。", "本年投入资金1000万元。"),
    },
    {
      name: "plan vs actual in the clause before",
      doc: two(
        "全年计划举办高素质农民培训班12期，培训农民600人次，农民种养技能明显提升。",
        "全年实际举办高素质农民培训班12期，培训农民650人次，农民种养技能明显提升。",
      ),
    },
  ],
  invalid: [
    {
      name: "one figure changed in a copy between parallel subsections: a warning stating its assumption",
      doc: subsections(
        "全年共举办高素质农民培训班12期，培训农民600人次，发放技术资料3000份，农民种养技能明显提升。",
        "全年共举办高素质农民培训班12期，培训农民650人次，发放技术资料3000份，农民种养技能明显提升。",
      ),
      errors: [{
        messageId: "aligned-passages",
        severity: "warning",
        certainty: "assumption",
        message: "可能分别描述不同对象",
      }],
    },
    {
      name: "one template in two rows of an indicator table: a warning",
      doc: [
        h(1, "一、绩效指标"),
        table([
          ["指标", "指标解释"],
          [
            "农村公路建设",
            "考核年度内按计划完成农村公路硬化建设任务32公里的情况，按实际完成里程与计划里程之比计算完成率",
          ],
          [
            "产业路建设",
            "考核年度内按计划完成农村公路硬化建设任务18公里的情况，按实际完成里程与计划里程之比计算完成率",
          ],
        ]),
      ],
      errors: [{ messageId: "aligned-passages", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "one template under two villages' headings: a warning",
      doc: [
        h(1, "一、青石村"),
        "全村共完成农村人居环境整治任务，清理生活垃圾120吨，改造户用卫生厕所85户，村容村貌明显改善。",
        h(1, "二、白沙村"),
        "全村共完成农村人居环境整治任务，清理生活垃圾120吨，改造户用卫生厕所60户，村容村貌明显改善。",
      ],
      errors: [{ messageId: "aligned-passages", severity: "warning", certainty: "assumption" }],
    },
    {
      name: "the same row's text copied into two tables with one figure changed",
      doc: [
        h(1, "一、绩效指标"),
        table([["指标", "指标解释"], [
          "农村公路建设",
          "考核年度内按计划完成农村公路硬化建设任务32公里的情况，按实际完成里程与计划里程之比计算完成率",
        ]]),
        h(1, "二、评分"),
        table([["指标", "指标解释"], [
          "农村公路建设",
          "考核年度内按计划完成农村公路硬化建设任务23公里的情况，按实际完成里程与计划里程之比计算完成率",
        ]]),
      ],
      errors: [{ messageId: "aligned-passages", severity: "error" }],
    },
    {
      name: "a whole paragraph copied into another part with one figure changed",
      doc: two(
        "全年共举办高素质农民培训班12期，培训农民600人次，发放技术资料3000余份，农民种养技能明显提升。",
        "全年共举办高素质农民培训班12期，培训农民650人次，发放技术资料3000余份，农民种养技能明显提升。",
      ),
      errors: [{ messageId: "aligned-passages", severity: "error", certainty: "certain" }],
    },
    {
      name: "the same batch with two amounts",
      doc: [
        h(1, "一、资金情况"),
        "第1批下达项目资金300万元，主要用于农村道路硬化建设。第1批下达项目资金200万元，主要用于农村道路硬化建设。",
      ],
      errors: [{ messageId: "aligned-passages", severity: "error" }],
    },
    {
      name: "one project's figure in two outline parts (not project headings)",
      doc: [
        h(1, "一、项目概况"),
        h(2, "（一）项目基本情况"),
        "项目年初预算300万元，主要用于道路硬化。",
        h(2, "（二）项目资金情况"),
        "项目年初预算250万元，已全部到位。",
      ],
      errors: [warn],
    },
    {
      name: "one kind of training counted twice with different values",
      doc: two(
        "开展农业技术培训12期，培训农民600人次。",
        "本年开展农业技术培训12期，培训农民650人次，群众满意。",
      ),
      errors: [warn],
    },
    {
      name: "a figure in the overview joins the target and the result",
      doc: [
        h(1, "一、部门概况"),
        "年末在职职工58人。",
        h(1, "二、绩效目标"),
        "在职职工共61人，均未超编。",
        h(1, "三、绩效目标完成情况"),
        "在职职工共61人，均未超编。",
      ],
      errors: [warn],
    },
    {
      name: "全县 and an unmarked figure are compared",
      doc: two("全县受益群众3500人。", "受益群众3800人，群众满意。"),
      errors: [warn],
    },
    {
      name: "two plans with different values",
      doc: two("全年计划培训高素质农民1000人次。", "全年计划培训高素质农民1200人次。"),
      errors: [warn],
    },
  ],
});
