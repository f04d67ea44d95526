/**
 * Genre vocabulary of figures, as data: units and their scales, units of things counted one by one, and
 * approximation words (约/近/超过/余/多/左右/以上/以下…). Pure data with no imports, so that the number
 * tokenizer (src/extract/numbers.ts) and the tolerance rules (src/extract/tolerance.ts) can both import it
 * without a cycle; re-exported by vocab.ts.
 */

/** How an approximation word bounds the value (the non-exact values of model/figure.ts `Approx`). */
export type ApproxBound = "about" | "atLeast" | "atMost";

// ── Units and scales ─────────────────────────────────────────────────────────────────────────────────────

/** Base units, as written → base unit. 名 counts people, so its base is 人. */
export const BASE_UNITS: Record<string, string> = {
  "元": "元",
  "人": "人",
  "名": "人",
  "人次": "人次",
  "户": "户",
  "户次": "户次",
  "个": "个",
  "家": "家",
  "件": "件",
  "份": "份",
  "张": "张",
  "次": "次",
  "场": "场",
  "场次": "场次",
  "批次": "批次",
  "批": "批",
  "项": "项",
  "条": "条",
  "所": "所",
  "台": "台",
  "辆": "辆",
  "套": "套",
  "册": "册",
  "篇": "篇",
  "期": "期",
  "起": "起",
  "岁": "岁",
  "天": "天",
  "日": "天",
  "小时": "小时",
  "分钟": "分钟",
  "周": "周",
  "个月": "个月",
  "年": "年",
  "平方米": "平方米",
  "平方公里": "平方公里",
  "公里": "公里",
  "千米": "公里",
  "米": "米",
  "亩": "亩",
  "吨": "吨",
  "公斤": "公斤",
  "千克": "公斤",
  "分": "分",
  "%": "%",
  "‰": "‰",
  "个百分点": "个百分点",
  "百分点": "个百分点",
  "倍": "倍",
};

/** Scale prefixes and the base units they combine with (万元, 万人次, 亿元, 千元, 万平方米…). */
export const SCALE_PREFIXES: Record<string, number> = {
  "万": 1e4,
  "亿": 1e8,
  "千": 1e3,
  "百万": 1e6,
  "千万": 1e7,
  "万亿": 1e12,
};
/** Base units a scale prefix combines with. */
export const SCALABLE_UNITS = [
  "元",
  "人",
  "人次",
  "户",
  "户次",
  "张",
  "份",
  "次",
  "亩",
  "吨",
  "平方米",
  "件",
  "个",
  "册",
  "台",
  "套",
  "名",
];

/** A bare scale (1100万) is a figure whose unit the sentence leaves implicit. 千 alone is too ambiguous. */
export const BARE_SCALES = ["万", "亿", "百万", "千万", "万亿"];

/** Units a Chinese-numeral count may carry: no 分 (十分 = very), no 年 (三年行动), no bare 千. */
export const CHINESE_NUMERAL_UNITS: readonly string[] = [
  "个",
  "人",
  "名",
  "人次",
  "户",
  "家",
  "件",
  "份",
  "张",
  "次",
  "场",
  "场次",
  "批次",
  "批",
  "项",
  "条",
  "所",
  "台",
  "辆",
  "套",
  "册",
  "篇",
  "岁",
  "天",
  "小时",
  "个月",
  "周",
  "元",
  "倍",
  "个百分点",
  "亩",
  "吨",
  "平方米",
  "公里",
];

/** Units of things counted one by one (base units, plus 名/班/本 as some callers still write them). */
export const COUNT_UNIT_WORDS: readonly string[] = [
  "人",
  "人次",
  "户",
  "户次",
  "个",
  "件",
  "份",
  "张",
  "次",
  "场",
  "场次",
  "家",
  "名",
  "条",
  "项",
  "所",
  "批次",
  "辆",
  "套",
  "台",
  "批",
  "期",
  "班",
  "本",
  "册",
  "篇",
  "起",
];

// ── Approximation words ─────────────────────────────────────────────────────────────────────────────────

/** Approximation words before a number, longest first. */
export const PREFIX_APPROX: readonly (readonly [string, ApproxBound])[] = [
  ["不超过", "atMost"],
  ["不少于", "atLeast"],
  ["不低于", "atLeast"],
  ["不高于", "atMost"],
  ["不足", "atMost"],
  ["不到", "atMost"],
  ["超过", "atLeast"],
  ["大约", "about"],
  ["将近", "atMost"],
  [">=", "atLeast"],
  ["<=", "atMost"],
  ["约", "about"],
  ["近", "atMost"],
  ["逾", "atLeast"],
  ["超", "atLeast"],
  ["≥", "atLeast"],
  ["≤", "atMost"],
  [">", "atLeast"],
  ["<", "atMost"],
];

/** Characters before 约/近/超 that make a word of them (节约, 最近, 赶超) instead of an approximation. */
export const NOT_APPROX_BEFORE: Record<string, string> = {
  "约": "节制合签公条",
  "近": "最附靠",
  "超": "赶高",
};

/** Approximation words after a number (and its unit). */
export const SUFFIX_APPROX: readonly (readonly [string, ApproxBound])[] = [["以上", "atLeast"], [
  "以下",
  "atMost",
], ["左右", "about"]];

/** A unit is not one when the next character makes a word of it (分之, 名单, 所有, 一次性…). */
export const UNIT_REJECT_AFTER: Record<string, string> = {
  "分": "之别管配析解类期批布工担摊",
  "名": "单称义额次",
  "所": "有在属得以需",
  "期": "间限",
  "条": "件例款",
  "场": "所地",
  "起": "草来始步",
  "次": "性",
  "天": "然",
};

/** Written after a numeral and before its unit (80余家, 20多个, 三十余人): the number is a lower bound. */
export const LOWER_BOUND_AFTER_NUMBER: readonly string[] = ["余", "多"];
