// ── Enumerations (N个/N项… and the list they count; src/analysis/enumeration.ts) ──────────────────────

/**
 * Classifiers that make a numeral a count of listed things (三项, 12个, 两类, 4家, 3名, 2所, 三大). Longer
 * forms first. Not 次/人/元/万元 …: those measure, they do not count listed names.
 */
export const COUNT_CLASSIFIERS = [
  "个方面",
  "大方面",
  "大类",
  "大",
  "个",
  "项",
  "类",
  "家",
  "名",
  "所",
  "种",
  "条",
  "支",
  "座",
  "位",
  "户",
  "件",
  "批",
  "方面",
];

/**
 * What may follow a classifier when the numeral is not a count of a list: a duration (3个月), a rate
 * difference (2个百分点), an approximation (3个以上, 10余个).
 */
export const NOT_A_COUNT_AFTER = [
  "月",
  "百分点",
  "工作日",
  "小时",
  "季度",
  "以上",
  "以下",
  "左右",
  "多",
  "余",
];

/**
 * Characters right before a numeral that make it no count of a list: an ordinal (第3项), a rate (每3个), a
 * range edge or an approximation (近3个, 约5项, 逾20家, 数个, 前三季度).
 */
export const NOT_A_COUNT_BEFORE = "第每前后近约逾数几余多超";

/**
 * Words between the count's noun and its list that introduce the list (开展3项活动，分别为A、B、C). A colon
 * introduces a list by itself.
 */
export const LIST_INTRODUCERS = [
  "分别为",
  "分别是",
  "分别有",
  "具体为",
  "具体是",
  "具体包括",
  "主要包括",
  "主要有",
  "主要是",
  "主要为",
  "包括",
  "包含",
  "涵盖",
  "即",
];

/** Words that join two items of a list — or two words inside one item (制度健全性及执行情况). */
export const ITEM_JOINERS = ["以及", "和", "及", "与", "或"];

/** Words in which a joiner character joins nothing (资金拨付及时率, 和谐, 参与). */
export const NOT_JOINER_WORDS = [
  "及时",
  "及早",
  "及格",
  "涉及",
  "普及",
  "惠及",
  "波及",
  "危及",
  "顾及",
  "企及",
  "和谐",
  "和平",
  "和睦",
  "温和",
  "缓和",
  "总和",
  "柔和",
  "调和",
  "平和",
  "参与",
  "与会",
  "给与",
  "赋与",
  "或许",
];

/**
 * Verbs (not also nouns: 建设, 检查, 培训 end many item names) that end the clause before a count when the words before it are not the counted items
 * (办公室、财务股开展3项检查: the count is of the checks, not of the offices).
 */
export const VERBS_BEFORE_COUNT = [
  "开展",
  "完成",
  "组织",
  "举办",
  "召开",
  "新建",
  "建成",
  "发放",
  "落实",
  "制定",
  "出台",
  "印发",
  "修订",
  "签订",
  "争取",
  "引进",
  "实现",
  "达到",
  "涉及",
  "覆盖",
  "惠及",
  "走访",
  "安排",
  "下达",
  "支付",
  "拨付",
  "办理",
  "受理",
  "获得",
  "评选",
  "选派",
  "抽调",
  "聘请",
  "招聘",
  "申报",
  "打造",
  "推出",
  "形成",
  "发现",
  "提出",
  "解决",
  "新增",
  "减少",
  "增加",
];

// ── Part-whole lists (其中 A x、B y) ───────────────────────────────────────────────────────────────────────

/**
 * Attributes that cut across a breakdown (其中女性600人、脱贫人口500人): parts named by them may overlap, so
 * their sum exceeding the whole is no certain defect. Words of people's attributes, not of categories.
 */
export const OVERLAPPING_PART_WORDS: readonly string[] = [
  "女",
  "男",
  "少数民族",
  "脱贫",
  "贫困",
  "低保",
  "特困",
  "监测",
  "残疾",
  "党员",
  "老年",
  "老人",
  "60岁",
  "65岁",
  "儿童",
  "未成年",
  "妇女",
  "青年",
  "大学生",
  "高校毕业生",
  "退役军人",
  "农民工",
  "留守",
  "新增",
  "首次",
  "重点",
];
/** A part named as the remainder (其他收入, 其余) closes a 其中 list: the parts named are all the parts. */
export const REMAINDER_PART_WORDS: readonly string[] = ["其他", "其它", "其余", "剩余"];
/**
 * A list that pairs a planned amount with a spent one (其中项目预算900万元，项目支出800万元) restates a budget and
 * its execution, not parts of one whole: a part named by words of one side only, beside a part of the other.
 */
export const PLANNED_AMOUNT_WORDS: readonly string[] = ["预算", "计划", "目标", "安排", "下达"];
export const SPENT_AMOUNT_WORDS: readonly string[] = ["支出", "执行", "完成", "实际", "使用", "实现"];
