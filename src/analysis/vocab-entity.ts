/**
 * Vocabulary of government bodies' names and of the roles a body plays in a report (foreign-entity):
 * who wrote the report or evaluated the unit, who provided its data, and which mentions are legitimate
 * (a higher authority, the finance bureau, a cooperating department).
 */

/** Field labels whose value is the author of the report or of its evaluation (评价机构：某局绩效自评工作小组). */
export const AUTHOR_FIELD_LABELS = [
  "报告撰写单位",
  "报告编制单位",
  "报告单位",
  "撰写单位",
  "编制单位",
  "编报单位",
  "填报单位",
  "报送单位",
  "评价机构",
  "评价单位",
  "自评单位",
];

/** Field labels whose value is where the report's data come from (数据来源：某局). */
export const SOURCE_FIELD_LABELS = ["数据来源", "资料来源", "数据提供单位", "资料提供单位", "数据提供"];

/** Verbs after 由某局: that body provided or wrote the material (由县交通运输局提供的台账). */
export const SOURCE_VERBS = ["提供", "编制", "填报", "撰写", "出具", "汇总", "整理", "报送"];

/** Adverbs between a body's name and the verb (由某局负责提供). */
export const SOURCE_ADVERBS = ["负责", "统一", "具体", "及时", "按时", "定期"];

/**
 * A body's internal office after its name (…由某局计划财务股提供): a unit's finance office keeps that
 * unit's own books, so the body is the one whose data these are.
 */
export const INTERNAL_OFFICES = [
  "计划财务股",
  "总务处",
  "总务科",
  "计划财务科",
  "规划财务科",
  "财务审计科",
  "计财科",
  "计财股",
  "财务室",
  "财务股",
  "财务科",
  "财务处",
  "财会室",
  "财务部",
  "财政所",
];

/** Working groups after a body's name (某局绩效自评工作小组): the body evaluates itself. */
export const WORKING_GROUPS = [
  "绩效自评工作领导小组",
  "绩效自评工作小组",
  "绩效评价工作小组",
  "绩效评价工作组",
  "绩效自评小组",
  "绩效评价小组",
  "自评工作小组",
  "评价工作小组",
  "评价工作组",
  "自评小组",
  "评价小组",
  "工作小组",
];

/**
 * Words inside a named source that make it a cooperation or a commission, not one body's authorship
 * (由县卫健局会同县交通局提供, 受县财政局委托). 和 counts only between two bodies' names, since many
 * department names contain it (住房和城乡建设局).
 */
export const COOPERATION_WORDS = [
  "会同",
  "联合",
  "配合",
  "协同",
  "协助",
  "牵头",
  "委托",
  "及",
  "与",
  "、",
  "等",
  "各",
];

/**
 * Words right before another place's unit that make it a partner or a host, not this unit written over
 * (会同/联合/与某县某局开展…, 赴某县某局考察学习, 向某县某局学习, 受某县某局委托, 仅次于某县某局).
 */
export const PARTNER_BEFORE = [
  "会同",
  "联合",
  "配合",
  "协同",
  "协助",
  "对口",
  "结对",
  "帮扶",
  "与",
  "同",
  "和",
  "向",
  "赴",
  "到",
  "受",
  "次于",
  "高于",
  "低于",
  "领先于",
  "落后于",
];

/**
 * Departments whose figures any unit legitimately cites as its source or whose evaluation it receives:
 * finance (treasury, the notice issuer, 财政重点评价), statistics, audit, tax, the central bank.
 */
export const NEUTRAL_DEPARTMENTS = ["财政", "统计", "审计", "税务", "国库", "人民银行"];

/**
 * Endings of a government department's or government's own name. Service centres, stations, institutes
 * and hospitals (中心/站/所/院) are left out: they are often the unit's own subordinate bodies, whose
 * data it legitimately cites.
 */
export const ORGAN_SUFFIXES = ["人民政府", "政府", "办公室", "委员会", "局", "委", "办", "厅", "部"];

/** Words of a company's or firm's name: a third-party evaluator, not a government body. */
export const FIRM_WORDS = ["公司", "事务所", "有限", "合伙", "集团", "研究院", "研究所", "协会"];

/**
 * Words that start with a level character but are not a level (市场监督管理局, 区域, 县域, 乡村振兴局):
 * the name has no place in front.
 */
export const NOT_A_BARE_LEVEL = [
  "市场",
  "市政",
  "区域",
  "县域",
  "乡村",
  "镇村",
  "村镇",
  "村民",
  "省级",
  "市级",
  "县级",
  "区级",
  "社区",
];

/**
 * Characters that never end a place's own name: what stands before them is a phrase (现将县委…, 由县…).
 * 和 ends real names (云和县, 太和县) and is only refused inside one (住房和城乡建设局).
 */
export const NOT_PLACE_FINAL = [
  "将",
  "把",
  "由",
  "向",
  "对",
  "在",
  "从",
  "被",
  "给",
  "为",
  "与",
  "及",
  "经",
  "据",
  "于",
  "是",
  "的",
];
/**
 * Verbs that stand before a bare level (建议县农业农村局…, 督促县财政局…): with nothing but one of them before
 * 县/市/区, there is no place's name, only the unit's own department named by its level.
 */
export const VERBS_BEFORE_LEVEL = [
  "建议",
  "要求",
  "督促",
  "责成",
  "提请",
  "请求",
  "希望",
  "推动",
  "指导",
  "协调",
  "报请",
  "商请",
  "组织",
];

/**
 * Common words that end with a level's character (农村, 园区, 城镇): the character before a level must not
 * make one of them, or 农业农村局 would read as a place 农业农村 and a department 局.
 */
export const NOT_PLACE_WORDS = [
  "农村",
  "乡村",
  "城乡",
  "市区",
  "郊区",
  "园区",
  "景区",
  "辖区",
  "山区",
  "矿区",
  "牧区",
  "库区",
  "片区",
  "小区",
  "校区",
  "城市",
  "都市",
  "城镇",
  "乡镇",
  "集镇",
  "市县",
  "州县",
];
/** Characters never inside a place's name, before its last character (住房和城乡: not a place). */
export const NOT_PLACE_INNER = ["和", "及", "与", "的", "、"];

/**
 * Formal bodies whose official name always has the place's level in it (甲乙县人民政府, never 甲乙人民
 * 政府): a place without its level in front of them is a truncated name.
 */
export const FORMAL_BODIES = ["人民政府", "人民代表大会", "人大常委会", "人民法院", "人民检察院"];

/** Markers after a unit's name in a list of budget units or a name field: 某局(本级). */
export const OWN_LEVEL_MARKER = /^[（(]本级[）)]/;
