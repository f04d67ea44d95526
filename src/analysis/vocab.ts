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
  "较差": "fail",
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

/**
 * A table cell that labels the grade written in the cell to its right (评价等级 | 优). Spaces removed.
 */
export const GRADE_LABEL_CELL =
  /^(?:自评|评价|绩效|考核|评定|综合)?(?:等级|等次|结果)$|^(?:评价|绩效|自评)?等级评定$/;

/**
 * A label cell whose right neighbour is the total score (自评得分 | 94), in a small form beside a grade cell.
 */
export const TOTAL_SCORE_LABEL_CELL = /^(?:自评|综合|评价|考核)?总?得分(?:[（(]分[)）])?$|^(?:自评)?总分$/;

/** Words of a score range (以上 / 以下 / 80-89分 / ≥90): a sentence with them before a grade defines a band. */
export const BAND_QUALIFIER =
  /以上|以下|以内|之间|不足|低于|[≥≤＜＞<>]|[0-9０-９][\s\u3000]*分?[\s\u3000]*(?:[（(]含[)）])?[\s\u3000]*[-~～—–至到][\s\u3000]*[0-9０-９]/;

/** What follows a score that bounds a band (90分（含）以上 / 80分至90分 / 60分以下): it is no score awarded. */
export const BAND_BOUND_AFTER =
  /^[\s\u3000]*(?:[（(]含[)）])?[\s\u3000]*(?:及|或)?(?:以上|以下|以内|之间|不含|[-~～—–至到])/;

/**
 * How a report states its own grade bands (优（90分及以上）、良（80-89分）… / 75分（含）至90分为良好 / 60分以下为
 * 差). Built from the grade words; N is a score. Read by statedBands in grades.ts.
 */
const N = "([0-9０-９]+(?:[.．][0-9０-９]+)?)";
const INCL = "(?:[（(]含(?:本数)?(?:[0-9０-９]+分?)?[)）])?";
const GW = `(${alt(Object.keys(GRADE_WORDS))})`;
/** After a grade word that ends a band: punctuation, the end, or 等级 (not 优秀率, 优秀作品). */
const GW_END = `(?=[”"」』’，,。；;、：:）)\\s\\u3000]|$|等级|等次|级|档)`;
const IS = '(?:的)?(?:为|评为|定为|是|属于|[：:])?[\\s\\u3000]*[“"「『‘]?';
const TO = "[-~～—–至到]";
const NUM = "[0-9０-９]+(?:[.．][0-9０-９]+)?";
const NOT_INCL = "(?:[（(]不含[^）)]{0,6}[)）])?";
const OPEN = "[\\s\\u3000]*[（(：:][\\s\\u3000]*";
const CLOSE = '[”"」』’]?';
const SCORED = "(?:得分|总分|分数|评分|综合得分)[\\s\\u3000]*";
const SCORE_WORD = "(?:得分|总分|分数|评分|综合得分)?[\\s\\u3000]*";
/**
 * A grade word's lower bound: "90分（含）以上为优" / "优（90分及以上）" / "良（80-89分）" / "≥90分为优" /
 * "75分（含）至90分为良好" / "80≤得分<90为良". Each match has one number group and one grade-word group.
 */
export const GRADE_BAND_FLOOR: readonly RegExp[] = [
  new RegExp(`${N}分${INCL}(?:及|或|和)?以上${INCL}${IS}${GW}${GW_END}`, "g"),
  new RegExp(`[≥][\\s\\u3000]*${N}分${INCL}${IS}${GW}${GW_END}`, "g"),
  new RegExp(`${GW}${CLOSE}${OPEN}${SCORE_WORD}(?:[≥][\\s\\u3000]*${N}|${N}分${INCL}(?:及|或|和)?以上)`, "g"),
  new RegExp(`${GW}${CLOSE}${OPEN}${SCORE_WORD}${N}分?${INCL}[\\s\\u3000]*${TO}`, "g"),
  new RegExp(
    `${N}分?${INCL}[\\s\\u3000]*${TO}[\\s\\u3000]*${NUM}分${INCL}${NOT_INCL}(?:之间)?${IS}${GW}${GW_END}`,
    "g",
  ),
  new RegExp(
    `${N}分?[\\s\\u3000]*[≤<＜]=?[\\s\\u3000]*${SCORED}[<＜≤][\\s\\u3000]*${NUM}分?${IS}${GW}${GW_END}`,
    "g",
  ),
];
/** The lowest band's upper bound: "60分以下为差" / "差（60分以下）" / "低于60分为不合格". */
export const GRADE_BAND_CEILING: readonly RegExp[] = [
  new RegExp(`(?:低于|不足|小于|[<＜])[\\s\\u3000]*${N}分${IS}${GW}${GW_END}`, "g"),
  new RegExp(`${N}分以下${NOT_INCL}${IS}${GW}${GW_END}`, "g"),
  new RegExp(`${GW}${CLOSE}${OPEN}${SCORE_WORD}(?:(?:低于|不足|[<＜])[\\s\\u3000]*${N}分|${N}分以下)`, "g"),
];

// ── Scores ───────────────────────────────────────────────────────────────────────────────────────────────

/** Words a total score is stated with (综合得分96分, …得24分，合计95.85分). */
export const TOTAL_SCORE_WORDS = ["总得分", "综合得分", "总分", "得分", "评分", "得", "合计", "总计", "共计"];

/** A total score: 得分96分 / 综合得分为：89.5分. Group 1 is the number. */
export const TOTAL_SCORE_STATEMENT = new RegExp(
  `(?:${TOTAL_SCORE_WORDS.join("|")})[\\s\\u3000]*(?:为|是|[：:])?[\\s\\u3000]*` +
    "([0-9０-９]+(?:[.．][0-9０-９]+)?)[\\s\\u3000]*分",
  "g",
);

/**
 * The report's own total score in the narrative (本项目自评得分96分 / 综合得分为89.5分 / 自评总分92分).
 * Group 1 is the number. A part's score (部门决策评价得分11分) is told apart by PART_SCORE_SUBJECT.
 */
export const SELF_TOTAL_SCORE = new RegExp(
  "(?:自评(?:总)?得分|综合(?:得分|评分)|总得分|自评总分|评价总分|考核总分|最终得分)[\\s\\u3000]*(?:为|是|[：:])?" +
    "[\\s\\u3000]*([0-9０-９]+(?:[.．][0-9０-９]+)?)[\\s\\u3000]*分",
  "g",
);
/** Words before a total score in its clause that make it a part's (产出指标综合得分 / 其中 / 满意度方面). */
export const PART_SCORE_SUBJECT =
  /指标|决策|过程|产出|效益|满意|管理|投入|履职|职能|目标|部分|方面|其中|各项|单项|分项|该项(?!目)|此项|上年|去年|上一年|往年|以前年度|同期/;

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
