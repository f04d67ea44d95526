/**
 * Invented statements of the genre for the document-consistency rules (conflicting-figure, stale-year,
 * foreign-entity, duplicate-paragraph, duplicate-sentence, cross-reference): consistent ones, which must give
 * no error (and only the warnings listed), and defective ones, which must give the findings listed.
 */
import { type DocSpec, h, table } from "../../src/testing/doc-spec.ts";
import type { Config } from "../../src/model/config.ts";

export interface PhrasingCase {
  name: string;
  doc: DocSpec[];
  config?: Partial<Config>;
  /** "rule:messageId" of every finding expected from the rules of this area (in any order). */
  expect?: string[];
}

export const UNIT = "青山县农业农村局";
export const YEAR = 2024;

/** Two sections, one statement each. */
const two = (a: string | DocSpec, b: string | DocSpec): DocSpec[] => [
  h(1, "一、部门概况"),
  a,
  h(1, "二、绩效分析"),
  b,
];
const one = (...xs: DocSpec[]): DocSpec[] => [h(1, "一、部门概况"), ...xs];

export const CONSISTENT: PhrasingCase[] = [
  // ── conflicting-figure: values that look alike and differ legitimately ──
  {
    name: "年初 vs 年末 staff",
    doc: two("年初在职职工58人，退休人员20人。", "年末在职职工共61人，均未超编。"),
  },
  { name: "编制 vs 实有", doc: two("核定行政编制62人，事业编制10人。", "实有在职人员58人，均未超编。") },
  {
    name: "budget vs actual",
    doc: two("项目预算资金500万元，资金已落实。", "项目实际支出480万元，执行率96%。"),
  },
  {
    name: "two programmes' budgets",
    doc: two("农村道路项目预算资金300万元。", "农田水利项目预算资金250万元。"),
  },
  {
    name: "2023 vs 2024 figures",
    doc: two("2023年培训农民1200人次，群众满意。", "2024年培训农民1500人次，较上年增长25%。"),
  },
  { name: "累计 vs 当年", doc: two("累计建成高标准农田5.2万亩。", "当年新建高标准农田1.1万亩。") },
  { name: "全县 vs 本单位", doc: two("全县共有农业技术人员320人。", "本单位农业技术人员45人。") },
  {
    name: "a figure and its subtotal",
    doc: two("部门支出总额1200万元，其中项目支出800万元。", "项目支出800万元，主要用于农业生产发展。"),
  },
  {
    name: "the same figure in a table and in the text",
    doc: two(
      table([["项目", "人数"], ["在职人员", "58"], ["退休人员", "20"]]),
      "年末在职人员58人，退休人员20人。",
    ),
  },
  {
    name: "full-width digits, same value",
    doc: two("年末在职职工５８人，退休人员20人。", "在职职工共58人，均未超编。"),
  },
  { name: "万元 and 元, same value", doc: two("项目资金120万元已全部拨付。", "已拨付项目资金1,200,000元。") },
  {
    name: "目标 vs 实际完成",
    doc: two("年度目标为完成高标准农田建设1万亩。", "实际完成高标准农田建设1.2万亩，超额完成目标。"),
  },
  { name: "年初预算 vs 调整后预算", doc: two("年初预算数500万元。", "调整后预算数650万元，增加150万元。") },
  {
    name: "two dated stages of one payment",
    doc: two(
      "截至2024年6月底，已拨付资金300万元，进度正常。",
      "截至2024年12月底，已拨付资金500万元，进度正常。",
    ),
  },
  {
    name: "rounding in a copied passage",
    doc: one(
      "项目实施以来，全县受益群众达1.25万人，群众满意度明显提升，社会效益显著。资金管理规范。" +
        "项目实施以来，全县受益群众达1.3万人，群众满意度明显提升，社会效益显著。",
    ),
    // The sentence is repeated in its paragraph (a duplicate); its figures agree within rounding.
    expect: ["duplicate-sentence:in-paragraph"],
  },
  {
    name: "parts of two wholes",
    doc: two("基本支出300万元，其中人员经费250万元。", "项目支出900万元，其中人员经费40万元。"),
  },
  {
    name: "上半年 vs 全年 in a template sentence",
    doc: two("上半年举办培训班5期，培训人员240人次。", "全年举办培训班12期，培训人员600人次。"),
  },
  {
    name: "two villages",
    doc: two("青石村硬化道路3.2公里，受益群众800人。", "白沙村硬化道路2.5公里，受益群众650人。"),
    // Honestly uncertain: the village opening each sentence is not read as the scope of its figures, so the
    // warning states its assumption (the same quantity).
    expect: ["conflicting-figure-subject:same-subject"],
  },
  {
    name: "计划 vs 完成",
    doc: two("计划培训高素质农民1000人次。", "完成培训高素质农民1200人次，完成率120%。"),
  },
  {
    name: "the same template under two project headings",
    doc: [
      h(1, "一、项目绩效情况"),
      h(2, "（一）农村道路建设项目"),
      "该项目年初预算资金300万元，全年实际支出290万元，预算执行率96.67%，资金使用规范，未发现截留挪用问题。",
      h(2, "（二）农田水利建设项目"),
      "该项目年初预算资金250万元，全年实际支出250万元，预算执行率100%，资金使用规范，未发现截留挪用问题。",
    ],
  },
  {
    name: "the same template for two quarters in one paragraph",
    doc: one(
      "第一季度，全县完成春耕备耕技术指导服务120场次，发放技术资料3000份，群众反映良好。" +
        "第二季度，全县完成春耕备耕技术指导服务150场次，发放技术资料3500份，群众反映良好。",
    ),
  },
  {
    name: "本年收入 and its increment",
    doc: two("本年收入1200万元，比上年增加200万元，增长20%。", "本年收入1200万元，全部为财政拨款。"),
  },
  {
    name: "由…增加到…",
    doc: two("在职人员由年初的58人增加到年末的61人。", "年末在职人员61人。"),
  },
  {
    name: "上年结转 vs 本年收入",
    doc: two("上年结转资金120万元。", "本年收入资金800万元，支出资金850万元。"),
  },
  {
    name: "约 and 余 are not exact",
    doc: two("受益群众约3500人。", "受益群众3800余人，群众满意。"),
  },
  {
    name: "男/女 parts of staff",
    doc: two("年末在职职工58人，其中男性32人，女性26人。", "在职职工58人，其中党员30人。"),
  },
  {
    name: "中央/省级 funds",
    doc: two("中央财政资金100万元，省级财政资金80万元。", "县级配套资金60万元。"),
  },
  // ── stale-year: years legitimately earlier ──
  {
    name: "依据2023年印发的文件",
    doc: one("依据2023年印发的《关于加强农业项目资金管理的通知》，规范资金使用。"),
  },
  { name: "2023年结转资金", doc: one("2023年结转资金120万元，已于2024年全部使用。") },
  { name: "上年度问题整改", doc: one("针对2023年度绩效评价发现的问题，已制定整改措施并全部整改到位。") },
  {
    name: "a plan period 2021—2025年",
    doc: one("按照《青山县农业农村现代化规划（2021—2025年）》要求，推进项目建设。"),
  },
  {
    name: "a plan period 2021-2025年 in the title",
    doc: one("根据《青山县2021-2025年农业发展规划》，全年新建项目3个。"),
  },
  {
    name: "this year's plan drawn up at the end of last year",
    doc: one("2023年底制定了2024年度工作计划，明确了各项任务。"),
  },
  {
    name: "this year's plan issued in December of last year",
    doc: one("2023年12月印发了《2024年度工作要点》，分解落实到各股室。"),
  },
  {
    name: "last year's survey compared",
    doc: one("2024年问卷调查满意度为95%，与2023年问卷调查相比提高3个百分点。"),
  },
  { name: "last year's final accounts disclosed", doc: one("按规定公开了2024年部门预算和2023年部门决算。") },
  {
    name: "this year's survey in a table cell",
    doc: one(table([["指标", "分值", "数据来源"], ["服务对象满意度", "10", "2024年问卷调查"]])),
  },
  {
    name: "funds issued in advance",
    doc: two("该项目2024年度安排预算1234.56万元。", "2023年12月上级提前下达项目资金1234.56万元。"),
  },
  {
    name: "carry-over amount",
    doc: two("2024年项目支出预算1234.56万元。", "2023年结转项目资金1234.56万元，已全部支出。"),
  },
  { name: "a range ending this year", doc: one("2022年至2024年工作计划已全面完成。") },
  // ── foreign-entity: legitimate mentions ──
  { name: "the superior bureau", doc: one("在青山市农业农村局的指导下，青山县农业农村局认真落实部署。") },
  { name: "the finance bureau as source", doc: one("资金拨付数据由青山县财政局提供。") },
  { name: "a partner with 会同", doc: one("青山县农业农村局会同白水县农业农村局开展跨区域联合执法。") },
  { name: "a partner with 联合", doc: one("联合白水县农业农村局开展动物疫病联防联控。") },
  { name: "a partner with 与…签订", doc: one("与白水县农业农村局签订了农产品产销协作协议。") },
  { name: "study visit to another county", doc: one("组织人员赴白水县农业农村局考察学习先进经验。") },
  {
    name: "towns within the unit's area",
    doc: one("项目在青石镇、白沙乡实施，由青石镇人民政府负责具体实施。"),
  },
  {
    name: "a document of a province's department",
    doc: one("根据《河东省农业农村厅关于做好2024年农业项目管理工作的通知》要求开展工作。"),
  },
  {
    name: "the province's department as superior",
    doc: one("按照省农业农村厅、市农业农村局的部署开展工作。"),
  },
  {
    name: "a town-level unit and its villages",
    config: { unit: "青山县白沙镇人民政府" },
    doc: one("白沙镇人民政府组织青石村、红岩村村民委员会实施项目。"),
  },
  // ── duplicates: boilerplate that repeats ──
  {
    name: "table captions and unit lines",
    doc: [
      h(1, "一、资金情况"),
      "表1 项目资金到位情况",
      "单位：万元",
      table([["项目", "金额"], ["中央资金", "100"]]),
      "表2 项目资金支出情况",
      "单位：万元",
      table([["项目", "金额"], ["中央资金", "90"]]),
    ],
  },
  {
    name: "a data-source line under two tables",
    doc: [
      h(1, "一、资金情况"),
      table([["项目", "金额"], ["中央资金", "100"]]),
      "数据来源：青山县财政局国库集中支付系统。",
      table([["项目", "金额"], ["中央资金", "90"]]),
      "数据来源：青山县财政局国库集中支付系统。",
    ],
  },
  // ── cross-reference ──
  {
    name: "a reference to an existing annex",
    doc: [h(1, "一、部门概况"), "具体情况详见附件1。", h(1, "附件1：绩效自评表"), "自评表内容。"],
  },
  // ── more phrasings ──
  {
    name: "一季度 vs 全年 funds",
    doc: two("一季度到位资金100万元，进度正常。", "全年到位资金500万元，到位率100%。"),
  },
  {
    name: "截至12月31日 and 年末, same value",
    doc: two("截至2024年12月31日，在职人员58人。", "年末在职人员58人，均未超编。"),
  },
  { name: "总投资 vs 本年投资", doc: two("项目总投资1500万元，分三年实施。", "本年完成投资500万元。") },
  {
    name: "a part in brackets",
    doc: two("在职人员58人（其中行政人员40人，事业人员18人）。", "事业人员18人，均在岗。"),
  },
  { name: "约 vs exact", doc: two("受益群众约3500人。", "受益群众3512人，群众满意。") },
  {
    name: "元 and 万元 rounded",
    doc: two("全年支出资金1234567.89元。", "全年支出资金123.46万元，执行率98%。"),
  },
  {
    name: "近3年累计 vs 本年",
    doc: two("近3年累计投入资金3000万元。", "本年投入资金1000万元，较上年增加200万元。"),
  },
  {
    name: "该项目 in two project subsections",
    doc: [
      h(1, "一、项目绩效情况"),
      h(2, "（一）农村道路建设项目"),
      "该项目受益群众800人，群众满意度较高。",
      h(2, "（二）农田水利建设项目"),
      "该项目受益群众650人，灌溉条件明显改善。",
    ],
  },
  {
    name: "thousands separators and full-width, same value",
    doc: two("全年支出资金１，２００，０００元。", "全年支出资金1,200,000元，执行率100%。"),
  },
  {
    name: "two years in one sentence, one of them again later",
    doc: two("2024年预算资金500万元，2023年预算资金450万元。", "2024年预算资金500万元，已全部到位。"),
  },
  { name: "last year's final accounts, lag 1", doc: one("及时公开了2023年度部门决算。") },
  {
    name: "上年度（2023年）target achievement",
    doc: one("上年度（2023年）绩效目标完成情况良好，今年继续巩固。"),
  },
  { name: "learning from another county", doc: one("学习借鉴白水县农业农村局的先进经验，完善管理制度。") },
  { name: "commissioned by another body", doc: one("受白水县农业农村局委托，开展跨区域动物防疫工作。") },
  { name: "the own unit's short name", doc: one("青山县农业局高度重视项目管理，成立了工作领导小组。") },
  {
    name: "a town government working with a neighbouring town",
    config: { unit: "青山县白沙镇人民政府" },
    doc: one("白沙镇人民政府会同红石镇人民政府开展河道联合整治。"),
  },
  {
    name: "a town government and the county government",
    config: { unit: "青山县白沙镇人民政府" },
    doc: one("在青山县人民政府的领导下，白沙镇人民政府认真落实各项部署。"),
  },
  {
    name: "a paragraph repeated in the annex",
    doc: [
      h(1, "一、部门概况"),
      "全年共举办高素质农民培训班12期，培训农民600人次，农民种养技能明显提升，带动增收效果明显。",
      h(1, "附件1：绩效自评表"),
      "全年共举办高素质农民培训班12期，培训农民600人次，农民种养技能明显提升，带动增收效果明显。",
    ],
    expect: ["duplicate-paragraph:*"],
  },
  {
    name: "numbered batches with the same wording",
    doc: one(
      "第1批下达项目资金300万元，主要用于农村道路硬化建设。第2批下达项目资金200万元，主要用于农村道路硬化建设。",
    ),
  },
  {
    name: "numbered sites with the same wording",
    doc: one(
      "1号点位投资50万元，建设内容为新建蓄水池及配套管网工程。2号点位投资60万元，建设内容为新建蓄水池及配套管网工程。",
    ),
  },
  {
    name: "quarters written with digits",
    doc: one(
      "1季度完成春耕备耕技术指导服务120场次，群众反映良好。2季度完成春耕备耕技术指导服务150场次，群众反映良好。",
    ),
  },
  {
    name: "scoring rules of several indicators in a table",
    doc: one(table([
      ["指标", "分值", "评分标准"],
      ["培训完成率", "10", "完成率达到100%得满分。每降低1%扣0.5分，扣完为止。"],
      ["资金到位率", "10", "到位率达到100%得满分。每降低1%扣1分，扣完为止。"],
    ])),
  },
  {
    name: "two towns in one paragraph",
    doc: one(
      "在青石镇新建高标准农田1200亩，惠及农户300户，带动群众增收效果明显。在白沙镇新建高标准农田1500亩，惠及农户300户，带动群众增收效果明显。",
    ),
  },
  {
    name: "target and actual in the same template",
    doc: [
      h(1, "一、绩效目标"),
      "全年计划举办高素质农民培训班12期，培训农民600人次，农民种养技能明显提升。",
      h(1, "二、完成情况"),
      "全年实际举办高素质农民培训班12期，培训农民650人次，农民种养技能明显提升。",
    ],
  },
  {
    name: "年初 and 年末 in the same template",
    doc: one(
      "年初本单位在职在编人员共计58人，其中行政编制40人，事业编制18人。年末本单位在职在编人员共计61人，其中行政编制42人，事业编制19人。",
    ),
  },
  {
    name: "a notice's annex is not this report's",
    doc: [
      h(1, "一、部门概况"),
      "按照《青山县财政局关于开展2024年度绩效自评工作的通知》附件3要求填报自评表。",
      h(1, "附件1：绩效自评表"),
      "自评表内容。",
    ],
  },
  {
    name: "a table caption in the table's first row",
    doc: [
      h(1, "一、资金情况"),
      "表1 项目基本情况",
      "资金情况如表2所示。",
      table([["表2 项目资金情况", ""], ["项目", "金额"], ["中央资金", "100"]], [{
        row: 0,
        col: 0,
        colspan: 2,
      }], 2),
    ],
  },
  {
    name: "an annex cited by a shortened title",
    doc: [
      h(1, "一、部门概况"),
      "详见附件1《绩效自评表》。",
      h(1, "附件1：2024年度项目支出绩效自评表"),
      "内容。",
    ],
  },
  { name: "a peer ranked above the unit", doc: one("在全市考核中，我局排名第2位，仅次于白水县农业农村局。") },
  {
    name: "the unit itself in a 填报单位 cell",
    doc: one(table([["填报单位", "青山县农业农村局"], ["联系人", "张三"]])),
  },
  {
    name: "the finance bureau in a 数据来源 cell",
    doc: one(table([["指标", "数据来源"], ["资金到位率", "青山县财政局国库支付系统"]])),
  },
  {
    name: "last year's target set beside this year's",
    doc: one("2023年度绩效目标已全部完成，2024年度绩效目标为培训农民1500人次。"),
  },
  {
    name: "a statistical yearbook of last year",
    doc: one(table([["指标", "数据来源"], ["农民人均收入", "2023年统计年鉴"]])),
  },
  { name: "funds issued last year in advance", doc: one("2024年使用2023年度提前下达的中央资金500万元。") },
  {
    name: "a note repeated under tables",
    doc: [
      h(1, "一、资金情况"),
      table([["项目", "金额"], ["中央资金", "100"]]),
      "注：以上数据来源于青山县财政局国库集中支付系统，统计口径为全年实际支出数。",
      h(1, "二、支出情况"),
      table([["项目", "金额"], ["中央资金", "90"]]),
      "注：以上数据来源于青山县财政局国库集中支付系统，统计口径为全年实际支出数。",
    ],
  },
  {
    name: "each project's budget under its own heading",
    doc: [
      h(1, "一、项目情况"),
      h(2, "（一）农村道路建设项目"),
      "项目年初预算300万元，主要用于道路硬化。",
      h(2, "（二）农田水利建设项目"),
      "项目年初预算250万元，主要用于渠道改造。",
    ],
  },
  {
    name: "each village's figures under its own heading",
    doc: [
      h(1, "一、青石村"),
      "全村清理生活垃圾120吨，改造户用卫生厕所85户，受益群众800人。",
      h(1, "二、白沙村"),
      "全村清理生活垃圾95吨，改造户用卫生厕所60户，受益群众650人。",
    ],
  },
  {
    name: "a target and its result in their own parts",
    doc: [
      h(1, "一、绩效目标"),
      "数量指标：培训农民600人次，新建农村公路30公里。",
      h(1, "二、绩效目标完成情况"),
      "全年培训农民650人次，新建农村公路32公里。",
    ],
  },
  {
    name: "two kinds of training",
    doc: two("开展农业技术培训12期，培训农民600人次。", "开展电商培训5期，培训农民200人次。"),
  },
];

/**
 * Not caught yet (left out): a table cell against the narrative (在职人员 | 58 in a table, 年末在职人员61人 in
 * the text) — table figures carry no unit and are not compared by conflicting-figure.
 */
export const DEFECTIVE: PhrasingCase[] = [
  // ── conflicting-figure ──
  {
    name: "年末在职职工 vs 在职职工共",
    doc: two(
      "本局内设4个股室，年末在职职工58人，退休人员20人。",
      "在队伍建设方面，在职职工共61人，均未超编。",
    ),
    expect: ["conflicting-figure-subject:same-subject"],
  },
  {
    name: "identical passages, different numbers",
    doc: one(
      "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
        "抓好引才工作，从外地引进专业技术人员21人，充实基层力量。",
    ),
    expect: ["conflicting-figure:aligned-passages", "duplicate-sentence:*"],
  },
  {
    name: "identical long passages in two sections",
    doc: two(
      "全年共举办高素质农民培训班12期，培训农民600人次，发放技术资料3000余份，农民种养技能明显提升。",
      "全年共举办高素质农民培训班12期，培训农民650人次，发放技术资料3000余份，农民种养技能明显提升。",
    ),
    expect: ["conflicting-figure:aligned-passages", "duplicate-paragraph:*"],
  },
  {
    name: "全部拨付 vs 已拨付 less",
    doc: two("专项资金850万元目前已全部拨付。", "已完成拨付720万元，执行率84.71%。"),
    expect: ["conflicting-figure-transfer:all-versus-part"],
  },
  {
    name: "full-width digits, different value",
    doc: two("年末在职职工５８人，退休人员20人。", "在职职工共61人，均未超编。"),
    expect: ["conflicting-figure-subject:same-subject"],
  },
  {
    name: "受益群众 vs 惠及群众",
    doc: two("项目覆盖受益群众3500人。", "项目惠及群众3800人，群众满意。"),
    expect: ["conflicting-figure-subject:same-subject"],
  },
  // ── stale-year ──
  {
    name: "last year's work plan",
    doc: one("年初制定了《2023年度工作计划》并逐项落实。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "last year's survey in a 数据来源 cell",
    doc: one(table([["指标", "分值", "数据来源"], ["服务对象满意度", "10", "2023年问卷调查"]])),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "last year's survey, full-width year",
    doc: one("根据２０２３年满意度调查，群众满意度为95%。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "last year's implementation plan",
    doc: one("按照《2023年青山县高标准农田建设项目实施方案》组织实施。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "last year's key projects",
    doc: one("围绕2023年重点项目，全力推进项目建设。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "an old budget disclosure",
    doc: one("按规定公开了2022年部门预算和决算。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "last year's year-end staff in a sentence about this year",
    doc: one("2024年我局共有内设股室4个，2023年末实有在职人员58人。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "the same amount as this year's and last year's",
    doc: two(
      "该项目2024年度安排预算1234.56万元。",
      "2023年上级下达项目资金共计1234.56万元，实际支出1234.56万元。",
    ),
    expect: ["stale-year:carried-amount"],
  },
  // ── foreign-entity ──
  {
    name: "another county's bureau as if it were this one",
    doc: one("白水县农业农村局高度重视项目管理，成立了工作领导小组。"),
    expect: ["foreign-entity:other-unit"],
  },
  {
    name: "another county's bureau as the data source",
    doc: [h(1, "一、评价过程"), "评价所用基础数据由青山县交通运输局计划财务股提供。"],
    expect: ["foreign-entity:other-body-role"],
  },
  {
    name: "the own place name truncated",
    doc: one("项目经青山人民政府批准实施。"),
    expect: ["foreign-entity:truncated-own-name"],
  },
  {
    name: "another city's bureau (city level)",
    config: { unit: "青山市教育局" },
    doc: one("白水市教育局严格落实资金管理制度，规范项目实施。"),
    expect: ["foreign-entity:other-unit"],
  },
  {
    name: "another province's department",
    config: { unit: "河东省农业农村厅" },
    doc: one("河西省农业农村厅严格落实资金管理制度，规范项目实施。"),
    expect: ["foreign-entity:other-unit"],
  },
  {
    name: "another banner's bureau",
    config: { unit: "青山旗农牧局" },
    doc: one("白水旗农牧局严格落实资金管理制度，规范项目实施。"),
    expect: ["foreign-entity:other-unit"],
  },
  {
    name: "another town's government",
    config: { unit: "青山县白沙镇人民政府" },
    doc: one("红石镇人民政府严格落实资金管理制度，规范项目实施。"),
    expect: ["foreign-entity:other-unit"],
  },
  {
    name: "another sub-district office",
    config: { unit: "青山市东城街道办事处" },
    doc: one("西城街道办事处严格落实资金管理制度，规范项目实施。"),
    expect: ["foreign-entity:other-unit"],
  },
  {
    name: "another bureau named as the author",
    doc: [h(1, "一、其他"), "填报单位：青山县水利局"],
    expect: ["foreign-entity:other-body-role"],
  },
  // ── duplicates ──
  {
    name: "a paragraph copied into another section",
    doc: two(
      "全年共举办高素质农民培训班12期，培训农民600人次，农民种养技能明显提升，带动增收效果明显。",
      "全年共举办高素质农民培训班12期，培训农民600人次，农民种养技能明显提升，带动增收效果明显。",
    ),
    expect: ["duplicate-paragraph:body-across-sections"],
  },
  {
    name: "a sentence repeated inside a paragraph",
    doc: one(
      "加强项目资金监管，严格执行资金管理办法，确保专款专用。开展专项检查2次。加强项目资金监管，严格执行资金管理办法，确保专款专用。",
    ),
    expect: ["duplicate-sentence:*"],
  },
  // ── cross-reference ──
  {
    name: "a reference to a missing annex",
    doc: [h(1, "一、部门概况"), "具体情况详见附件3。", h(1, "附件1：绩效自评表"), "自评表内容。"],
    expect: ["cross-reference:*"],
  },
  {
    name: "one figure changed in a copy in parallel subsections",
    doc: [
      h(1, "一、项目绩效情况"),
      h(2, "（一）项目实施情况"),
      "全年共举办高素质农民培训班12期，培训农民600人次，发放技术资料3000份，农民种养技能明显提升。",
      h(2, "（二）项目效益情况"),
      "全年共举办高素质农民培训班12期，培训农民650人次，发放技术资料3000份，农民种养技能明显提升。",
    ],
    expect: ["conflicting-figure:aligned-passages", "duplicate-paragraph:*"],
  },
  {
    name: "全县 and unmarked, different values",
    doc: two("全县受益群众3500人。", "受益群众3800人，群众满意。"),
    expect: ["conflicting-figure-subject:same-subject"],
  },
  {
    name: "a county whose name starts like a partner word",
    doc: one("同心县农业农村局高度重视项目管理，成立了工作领导小组。"),
    expect: ["foreign-entity:other-unit"],
  },
  {
    name: "an old survey with 对照",
    doc: one("对照2023年问卷调查结果，群众满意度为95%。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "the same batch with two amounts",
    doc: one(
      "第1批下达项目资金300万元，主要用于农村道路硬化建设。第1批下达项目资金200万元，主要用于农村道路硬化建设。",
    ),
    expect: ["conflicting-figure:aligned-passages", "duplicate-sentence:*"],
  },
  {
    name: "two plans with different values",
    doc: two("全年计划培训高素质农民1000人次。", "全年计划培训高素质农民1200人次，完成率100%。"),
    expect: ["conflicting-figure-subject:same-subject"],
  },
  {
    name: "a reference to a missing table",
    doc: [
      h(1, "一、资金情况"),
      "表1 项目基本情况",
      "资金情况如表3所示。",
      table([["项目", "金额"], ["中央资金", "100"]]),
    ],
    expect: ["cross-reference:missing-table"],
  },
  {
    name: "an annex cited by another title",
    doc: [
      h(1, "一、部门概况"),
      "详见附件1《问卷调查报告》。",
      h(1, "附件1：2024年度项目支出绩效自评表"),
      "内容。",
    ],
    expect: ["cross-reference:annex-title"],
  },
  {
    name: "another county's bureau in a 填报单位 cell",
    doc: one(table([["填报单位", "白水县农业农村局"], ["联系人", "张三"]])),
    expect: ["foreign-entity:other-body-role"],
  },
  {
    name: "another bureau in a 数据来源 cell",
    doc: one(table([["数据来源", "青山县交通运输局"], ["联系人", "张三"]])),
    expect: ["foreign-entity:other-body-role"],
  },
  {
    name: "last year's key work",
    doc: one("围绕2023年度重点工作任务，加强督促检查。"),
    expect: ["stale-year:stale-year"],
  },
  {
    name: "one project's budget in two parts of its report",
    doc: [
      h(1, "一、项目概况"),
      h(2, "（一）项目基本情况"),
      "项目年初预算300万元，主要用于道路硬化。",
      h(2, "（二）项目资金情况"),
      "项目年初预算250万元，已全部到位。",
    ],
    expect: ["conflicting-figure-subject:same-subject"],
  },
  {
    name: "a paragraph opening with 注重 (not a note) copied into another part",
    doc: two(
      "注重项目资金监管，严格执行资金管理办法，确保专款专用，切实提高资金使用效益。",
      "注重项目资金监管，严格执行资金管理办法，确保专款专用，切实提高资金使用效益。",
    ),
    expect: ["duplicate-paragraph:body-across-sections"],
  },
];
