/**
 * The vocabulary document metadata is read with: how titles of the genre end, the field labels that name the
 * reporting unit or the year evaluated, the suffixes a unit's name ends with, and the report kinds. Data
 * only; the rules live in meta.ts and meta-*.ts.
 */

/** Report kinds, as reviewers name them. */
export const REPORT_KINDS = ["部门整体", "项目支出", "转移支付", "自评表", "部门决算", "第三方评价"] as const;
export type ReportKind = typeof REPORT_KINDS[number];

/**
 * Words a title ends with (longest first where one ends another). A title may carry a trailing
 * parenthetical after them: "…自评表（某某项目）".
 */
export const TITLE_ENDINGS = [
  "绩效自评总结报告",
  "绩效评价报告书",
  "报告书",
  "报告",
  "自评表",
  "评价表",
  "决算公开",
  "决算情况说明",
  "情况说明",
  "部门决算",
  "单位决算",
] as const;

/** Endings that only make a title after "关于…" (a notice-shaped title: "…局关于…资金管理使用情况"). */
export const ABOUT_TITLE_ENDINGS = ["情况", "报告", "说明"] as const;

/**
 * Words a standalone title without a year must contain: enough to tell a report title from any short line.
 */
export const YEARLESS_TITLE_WORDS = ["绩效", "决算"] as const;

/** Words a title never contains: sentence material. */
export const NOT_IN_TITLE = ["我", "如下", "现将", "根据", "按照", "已经", "请"] as const;

/** Words that open the first sentence after a title run on into the same paragraph. */
export const OPENING_WORDS = ["为了", "为", "根据", "按照", "依据", "依照", "现将", "受", "近年来"] as const;

/**
 * Suffixes a unit's name ends with (after any trailing parenthetical such as （本级）). Longer forms are
 * listed for documentation; the test is "ends with one of these".
 */
export const UNIT_SUFFIXES = [
  "局",
  "委",
  "办",
  "厅",
  "院",
  "部",
  "署",
  "室",
  "办公室",
  "中心",
  "学校",
  "中学",
  "小学",
  "幼儿园",
  "卫生院",
  "医院",
  "政府",
  "街道办事处",
  "办事处",
  "联合社",
  "合作社",
  "联合会",
  "协会",
  "委员会",
  "管理委员会",
  "领导小组",
  "事务所",
  "研究所",
  "站",
  "队",
  "馆",
  "公司",
  "党校",
  "学院",
  "大学",
] as const;

/** Endings that look like a unit suffix but are not ("部门", "本部" …): checked before the suffix test. */
export const NOT_UNIT_ENDINGS = ["部门", "全部", "内部", "外部", "本部", "局部", "干部", "以下简称"] as const;

/**
 * Words that start with a unit suffix's character but go on as another word (部门, 部署, 委员, 局长): a name
 * read from running text does not end inside them (某县政协委|员会, 某县某局|部署 …).
 */
export const SUFFIX_CHAR_WORDS = [
  "部门",
  "部分",
  "部署",
  "部长",
  "局长",
  "局面",
  "委托",
  "委员",
  "办理",
  "办法",
  "办公",
  "办事",
  "办好",
  "所有",
  "所在",
  "所属",
  "所以",
  "所需",
  "所得",
  "队伍",
  "院长",
  "站长",
  "馆长",
  "厅长",
  "室内",
] as const;

/**
 * How a parent body's name ends (中共某县县委, 某市人民政府, …委员会): its own organ may follow without a
 * suffix word of its own (县委组织部, 人民政府办公厅, 县委机构编制委员会办公室).
 */
export const PARENT_BODY = /(?:委|委员会|政府)$/;

/** The most characters an organ's name adds to its parent body's (机构编制委员会办公室). */
export const MAX_ORGAN_CHARS = 12;

/** Words never in an organ's name after its parent's: they open a predicate (某县人民政府认真组织…). */
export const NOT_IN_ORGAN = [
  "的",
  "了",
  "是",
  "在",
  "对",
  "将",
  "把",
  "以",
  "于",
  "为",
  "由",
  "有",
  "和",
  "与",
  "及",
  "、",
  "认真",
  "积极",
  "全面",
  "主要",
  "高度",
] as const;

/** Words a unit's name never contains. */
export const NOT_IN_UNIT = [
  "年度",
  "关于",
  "报告",
  "决算",
  "自评",
  "情况",
  "名称",
  "单位",
  "我",
  "如下",
] as const;

/** Characters a template placeholder is written with ("河北省XXX厅", "××局"). */
export const PLACEHOLDER = /[XxＸｘ×＊*□○]{2,}|某某某/;

/**
 * Field labels naming the reporting unit, by tier: the first tier names the unit that reports; the second, for
 * third-party reports, the evaluating body; the third the project's or fund's unit, weaker; the last a web
 * page's furniture (来源：某局 above the title), read only before the first heading: weaker than a title or a
 * field, stronger than the report's sentences. 作者 is no label: it names a person or the portal's own
 * government (作者：某县人民政府 over a department's report).
 */
export const UNIT_LABELS = {
  reporting: [
    "单位名称",
    "填报单位",
    "部门名称",
    "预算单位名称",
    "预算单位",
    "部门（单位）名称",
    "部门(单位)名称",
    "报送单位",
    "自评单位",
    "编制单位",
  ],
  evaluator: ["评价机构", "评价单位", "第三方机构", "第三方评价机构"],
  project: [
    "项目单位",
    "项目实施单位",
    "实施单位",
    "资金使用单位",
    "项目主管部门",
    "地方主管部门",
    "主管部门",
    "来源单位",
  ],
  page: ["来源", "信息来源", "发布单位", "发布机构"],
} as const;

/** Labels whose value is the year evaluated ("评价时段为2023年1月1日至2023年12月31日"). */
export const YEAR_LABELS = [
  "评价时段",
  "评价年度",
  "评价期间",
  "评价区间",
  "评价期",
  "所属年度",
  "预算年度",
] as const;

/**
 * Self-references a report uses for its own unit: 我局 / 本单位 …; group 1 is the unit's suffix (单位 and 部门
 * stand for any unit).
 */
export const SELF_REFERENCE = /[我本](单位|部门|局|委|办|厅|院|部|中心|校|所|站|队|馆|公司)/g;

/** Predicates that follow a unit named as the subject of the overview sentence describing the unit itself. */
export const SUBJECT_PREDICATES = [
  "是",
  "为",
  "作为",
  "系",
  "成立于",
  "隶属",
  "内设",
  "下设",
  "现有",
] as const;

/**
 * A name that starts with its place ("某某县…", "中共某某市…"): required of a unit read from running text (after
 * a title's leading year, a sentence's subject), where "乡镇卫生院" or "各学校" would be a subject, not a unit.
 */
export const PLACE_NAMED =
  /^(?:中共)?(?!乡镇|县级|市级|省级|区级|各|全|本|我)[\u4e00-\u9fa5]{1,12}?(?:省|自治区|市|县|区|州|旗|盟|镇|乡|街道)/;

/** Wording that marks a report written by a third party: "受…委托", "委托单位：", "（以下简称“我所”）". */
export const THIRD_PARTY =
  /受[\u4e00-\u9fa5（）()]{2,30}委托|(?:委托单位|委托方)[：:]|以下简称[“"‘']?我(?:所|公司)/;

/** How a third-party evaluator's name ends (longest first where one ends another). */
export const EVALUATOR_SUFFIXES = [
  "事务所",
  "公司",
  "中心",
  "研究院",
  "研究所",
  "协会",
  "学会",
  "学院",
  "大学",
] as const;

/**
 * An evaluator's name: a 评价机构 field names one only then (a self-evaluation names its own 自评小组 there).
 */
export const EVALUATOR_BODY = new RegExp(`(?:${EVALUATOR_SUFFIXES.join("|")})$`);

/** How a title names its report kind; first match wins (third-party wording is checked in the text). */
export const KIND_WORDS: [ReportKind, RegExp][] = [
  ["部门决算", /决算/],
  ["自评表", /自评表|评价表|绩效目标自评/],
  ["转移支付", /转移支付/],
  ["部门整体", /整体/],
  ["项目支出", /项目|专项|资金/],
];

/** Web-page metadata labels whose value is the page's (the report's) title. */
export const TITLE_LABELS = ["名称", "标题", "名 称", "名  称"] as const;

/**
 * Reading the unit from the body when nothing else names it (meta-body.ts): words that open a sentence before
 * its subject (a time: 2023年，2023年6月26日，近年来，), read past.
 */
export const BODY_SENTENCE_OPENERS =
  /^(?:(?:19|20)\d{2}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?|度|以来|初|末|底)?|近年来|近几年|今年以来|多年来|同年|当年|目前)[，,]?/;

/**
 * Words that follow an evaluator's name in the sentence saying it evaluated (某某公司于2024年3月对项目开展了
 * 评价): its name ends before them.
 */
export const EVALUATOR_NAME_ENDS = [
  "对",
  "于",
  "在",
  "受",
  "按照",
  "根据",
  "依据",
  "组织",
  "组成",
  "成立",
  "开展",
  "进行",
  "接受",
  "委派",
  "承担",
  "，",
  ",",
] as const;

/** What after a leading organisation makes it no subject: a document's title or a joint subject. */
export const NOT_SUBJECT_NEXT = ["关于", "、", "和", "与", "及", "同", "会同", "联合", "等"] as const;

/**
 * Verbs after a leading organisation that make it the funder or the issuer (某县财政局下达…资金): a superior
 * body, taken only when no other body is a subject.
 */
export const FUNDER_VERBS = ["下达", "拨付", "拨入", "印发", "批复", "转发", "核定", "安排下达"] as const;

/** Words in the sentence of an evaluator named as its subject that say it did the evaluation. */
export const EVALUATION_WORDS = /评价|评估/;

/** Administrative levels a place's name ends with (longest first): 某市某区 read as the subject. */
export const PLACE_LEVELS = [
  "自治区",
  "自治州",
  "自治县",
  "自治旗",
  "街道",
  "省",
  "市",
  "县",
  "区",
  "州",
  "旗",
  "盟",
  "镇",
  "乡",
] as const;

/**
 * Predicates after a place named as a sentence's subject that describe the place or what it did with the
 * project (某市某区地处…, 某区申报实施了…): a regional report, issued by that place's government.
 */
export const PLACE_PREDICATES = [
  "地处",
  "位于",
  "下辖",
  "辖",
  "总面积",
  "幅员",
  "地域面积",
  "申报",
  "实施",
  "争取",
  "获得",
  "获批",
] as const;

/** Words a name read from running text never contains: what makes it a clause, not a name. */
export const NOT_IN_RUNNING_NAME = [
  "的",
  "了",
  "是",
  "在",
  "对",
  "将",
  "按照",
  "根据",
  "通过",
  ...PLACE_PREDICATES,
] as const;
