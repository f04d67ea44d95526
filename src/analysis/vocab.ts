/**
 * The genre's vocabulary, as data: what a budget-performance evaluation report (绩效自评报告) says and how.
 * Another province's template is a change here, not in the rules.
 */

// ── Grades ───────────────────────────────────────────────────────────────────────────────────────────────

export type Band = "excellent" | "good" | "pass" | "fail";

/** Grade words and the band each names (bands' lower bounds come from the configuration). */
export const GRADE_WORDS: Record<string, Band> = {
  "优秀": "excellent",
  "优": "excellent",
  "良好": "good",
  "良": "good",
  "中": "pass",
  "中等": "pass",
  "合格": "pass",
  "一般": "pass",
  "差": "fail",
  "不合格": "fail",
};

/** The canonical name of each band, as messages show it. */
export const BAND_NAME: Record<Band, string> = { excellent: "优", good: "良", pass: "中", fail: "差" };

/** Keywords a grade is stated after (评价等级为…). */
export const GRADE_KEYWORDS = [
  "评价等级",
  "绩效等级",
  "考核等级",
  "综合评定",
  "评定等级",
  "评价结果",
  "评定结果",
  "评定",
  "评级",
  "等级",
  "等次",
  "绩效",
];

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join("|");

/** A grade word right after a grade keyword, closed by a quote, punctuation or the end. */
export const GRADE_STATEMENT = new RegExp(
  `(?:${GRADE_KEYWORDS.join("|")})` +
    // A copula, a colon or an opening quote is required, so that "绩效良好" (an adjective) is not a grade.
    '[\\s\\u3000]*(?:(?:为|是|属于|[：:])[\\s\\u3000]*[“"「『‘]?|[“"「『‘])[\\s\\u3000]*' +
    `(${alt(Object.keys(GRADE_WORDS))})` +
    '(?=[”"」』’]|[\\s\\u3000]*(?:[。，；、,;.）)]|$|等级|等次|级|档))',
  "g",
);

// ── Scores ───────────────────────────────────────────────────────────────────────────────────────────────

/** Words a total score is stated with (综合得分96分). */
export const TOTAL_SCORE_WORDS = ["总得分", "综合得分", "总分", "得分", "评分", "得"];

/** A total score: 得分96分 / 综合得分为：89.5分. Group 1 is the number. */
export const TOTAL_SCORE_STATEMENT = new RegExp(
  `(?:${TOTAL_SCORE_WORDS.join("|")})[\\s\\u3000]*(?:为|是|[：:])?[\\s\\u3000]*` +
    "([0-9０-９]+(?:[.．][0-9０-９]+)?)[\\s\\u3000]*分",
  "g",
);

// ── Years ────────────────────────────────────────────────────────────────────────────────────────────────

export interface StaleContext {
  /** What follows the year (within a few characters). */
  what: RegExp;
  /** How many years before the evaluation year make it stale. */
  minLag: number;
  label: string;
  /** Only in the report's own outline (headings, 目录 entries, title lines): the name of one of its parts. */
  outlineOnly?: boolean;
  /**
   * Only when the same sentence has already named the evaluation year (2022年我单位共有… ，2021年末实有在职
   * 人员60人): a figure "as at" an earlier date presented as this year's.
   */
  afterCurrentYear?: boolean;
  /** Only when the text right before the year matches (公开了2022年部门预算). */
  before?: RegExp;
}

/** Where an earlier year is stale: what follows it, and from how many years back. */
export const STALE_YEAR_CONTEXTS: StaleContext[] = [
  {
    what: /^度?(?:[^，。；、]{0,12}?)?(?:工作计划|工作要点|工作方案|绩效目标|年度目标)/,
    minLag: 1,
    label: "工作计划/目标",
  },
  { what: /^度?的?(?:重点项目|重点工作|重点任务)/, minLag: 1, label: "重点项目/工作" },
  {
    // The title of a plan cited as a basis, however long the project's name: 《2022年某某项目实施方案》.
    what:
      /^度?[^《》\n。；]{0,40}?(?:实施方案|工作方案|行动方案|工作计划|年度计划|工作要点|绩效目标(?:申报)?表?|目标责任书)》/,
    minLag: 1,
    label: "实施方案/计划",
  },
  { what: /^度?(?:[^，。；]{0,8}?)(?:满意度调查|问卷调查)/, minLag: 1, label: "满意度调查" },
  {
    what: /^度?(?:部门)?(?:预算|决算)(?:、|和|及)?(?:部门)?(?:决算|预算)?(?:、|和|及)?[^，。；]{0,30}?公开/,
    minLag: 2,
    label: "预决算公开",
  },
  { what: /^度?(?:部门)?(?:预算|决算)/, before: /公开(?:了)?$/, minLag: 2, label: "预决算公开" },
  {
    // A part of this very report (第二部分：某局YYYY年部门决算表) carries the report's own year.
    what: /^度?(?:部门|单位)?(?:决算|整体支出|项目支出)[^，。；]{0,12}?(?:表|情况说明|说明|公开|报告|自评)/,
    minLag: 1,
    label: "本报告组成部分的年度",
    outlineOnly: true,
  },
  {
    // Staff "as at" the previous year's end in a sentence about the evaluation year.
    what: /^(?:末|底)(?:实有|现有|共有|在职|在编|在岗)[^，。；]{0,6}?(?:人员|职工|干部|人数)/,
    minLag: 1,
    label: "年末人员数",
    afterCurrentYear: true,
  },
];

/** A year that opens a range (2021年至2023年, 2021年—2023年): the range's end is the year that counts. */
export const YEAR_RANGE_AFTER = /^\s*(?:至|到|-|—|－|~|～)\s*[2２][0０][0-9０-９]{2}/;

/** A comparison marker just before the year makes it a legitimate reference to an earlier year. */
export const COMPARISON_BEFORE_YEAR =
  /(?:较|比|与|同比|对比|相比|上年度?|去年|自|从|截至|截止|于)\s*[（(]?\s*$/;

/**
 * The same amount of money stated as the evaluation year's and as an earlier year's (该项目2023年度安排预算
 * A万元 … 2022年上级下达资金共计A万元): both sentences must be about funds, and neither may say why an
 * earlier year is right or why the amounts are equal.
 */
export const CARRIED_AMOUNT = {
  /** Words of a sentence about a year's funds. */
  funds: ["预算", "安排", "下达", "拨付", "到位", "资金", "经费", "支出"],
  /** Funds of the evaluation year issued in the year before: the earlier year is right. */
  advance: ["提前下达", "提前拨付", "提前预拨"],
  /** Money carried over from an earlier year: its year is the earlier one. */
  carryOver: ["结转", "结余"],
  /** Two years' figures compared: an equal amount is said to be equal, or the years are contrasted. */
  comparison: [
    "同比",
    "环比",
    "较上年",
    "较去年",
    "比上年",
    "比去年",
    "上年同期",
    "相比",
    "对比",
    "持平",
    "增长",
    "下降",
    "增加",
    "减少",
  ],
  /** A fixed standard (每人每年1500元, 补助标准): the same amount in every year. */
  standard: ["标准", "定额", "每人", "每生", "每户", "每年", "每月", "人均", "生均", "户均"],
  /** Fewest significant digits of an amount specific enough (547.615 or 1234.5, not 100 or 50). */
  minSignificantDigits: 4,
} as const;

// ── Places ───────────────────────────────────────────────────────────────────────────────────────────────

/** Administrative levels, highest first; a unit's own place is the lowest level its name gives. */
export const ADMIN_LEVELS: readonly (readonly string[])[] = [
  ["自治区", "省"],
  ["自治州", "市", "州", "盟"],
  ["自治县", "自治旗", "县", "区", "旗"],
  ["乡", "镇", "街道"],
  ["村", "社区"],
];

/** Suffixes of autonomous areas, which take longer names (某某回族彝族自治县). */
export const AUTONOMOUS_SUFFIXES = ADMIN_LEVELS.flat().filter((s) => s.startsWith("自治"));
/** The other suffixes. */
export const PLAIN_ADMIN_SUFFIXES = ADMIN_LEVELS.flat().filter((s) => !s.startsWith("自治"));

/** Rank of an administrative suffix: 0 for a province, 3 for a township, 4 for a village; -1 when not one. */
export function adminRank(suffix: string): number {
  return ADMIN_LEVELS.findIndex((level) => level.includes(suffix));
}

/** Whole-area qualifiers before a figure's subject (全县, 全市 …): they name the unit's area, not a quantity. */
export const WHOLE_AREA = new RegExp(`^全(?:${PLAIN_ADMIN_SUFFIXES.join("|")})`);

// ── Tables ───────────────────────────────────────────────────────────────────────────────────────────────

/** Labels of a total row in a financial or statistics table (its columns are summed above it). */
export const TABLE_TOTAL_LABELS = ["合计", "总计", "小计", "总合计"];
/** Labels of the total row of an indicator (scoring) table. */
export const INDICATOR_TOTAL_LABELS = ["合计", "总计", "总分", "得分合计", "总得分"];
/** Labels of a subtotal row, which an indicator table's tree does not count as a leaf. */
export const SUBTOTAL_LABELS = ["小计"];
/** Labels of rows that are sub-parts of the row above (not summed). */
export const SUB_PART_LABELS = ["其中"];

/** A regex for "starts with one of `labels`". */
export function startsWithOne(labels: readonly string[]): RegExp {
  return new RegExp(`^(?:${labels.join("|")})`);
}

// ── Questionnaires ───────────────────────────────────────────────────────────────────────────────────────

export * from "./vocab-questionnaire.ts";

// ── Units and their roles in a report ─────────────────────────────────────────────────────────────────

export * from "./vocab-entity.ts";

// ── Enumerations (N个/N项 and their lists) ───────────────────────────────────────────────────────────────

export * from "./vocab-enumeration.ts";

// ── Figures: units, scales, count units, approximation words (a pure data module: the extractor imports it) ──

export * from "./vocab-numbers.ts";

// ── Score claims and named rates (a pure data module: the extractor imports it) ─────────────────────────

export * from "./vocab-scores.ts";

// ── Changes and ratios between figures (a pure data module: the extractor imports it) ──────────────────────

export * from "./vocab-change.ts";

// ── Scoring rules written as a formula on one rate ───────────────────────────────────────────────────────

export * from "./vocab-score-rules.ts";

// ── The weight frame of a 自评表 (总分 = 预算执行 + 年度绩效目标; its categories) ─────────────────────────────

export * from "./vocab-frame.ts";

// ── The standard outline: section names of the genre's templates ──────────────────────────────────────

export * from "./vocab-outline.ts";
