/**
 * Genre vocabulary of changes and ratios between figures, as data: change verbs (增长/减少…), comparison
 * markers (较/同比/比上年…), words naming this period or the previous one, list markers, share and completion
 * keywords and the copulas after a named rate (执行率为…). Pure data with no imports, so that the relation
 * extractors (src/extract/relations/) can import it without a cycle; re-exported by vocab.ts. The regexes
 * are built from these lists where they are used; the order of each list is the order of its alternation.
 */

// ── Changes (较上年增长20%) ──────────────────────────────────────────────────────────────────────────────

/** Verbs of a change upwards, before its rate (增长20%). */
export const CHANGE_VERBS_UP: readonly string[] = ["增长", "增加", "上升", "提高", "提升", "增"];
/** Verbs of a change downwards, before its rate (下降5%). */
export const CHANGE_VERBS_DOWN: readonly string[] = ["减少", "下降", "降低", "减", "降"];
/** Nouns naming a change upwards, before its rate (增幅20%, 增长率为20%). */
export const CHANGE_NOUNS_UP: readonly string[] = ["增长率", "增幅", "涨幅", "增速"];
/** Nouns naming a change downwards, before its rate (降幅20%, 下降率为5%). */
export const CHANGE_NOUNS_DOWN: readonly string[] = ["下降率", "降低率", "降幅", "减幅"];
/** Words that only introduce the amount of a change upwards (比上年多200人, 多出, 增多): never a rate's verb. */
export const AMOUNT_VERBS_UP: readonly string[] = ["多出", "增多", "多"];
/** Words that only introduce the amount of a change downwards (比上年少200人, 减少了). */
export const AMOUNT_VERBS_DOWN: readonly string[] = ["少"];
/** Particles and copulas between a change verb and its rate (增长了20%, 下降为5%). */
export const CHANGE_VERB_PARTICLES: readonly string[] = ["了", "为", "达到", "达", "是", "：", ":"];

/** Verbs of 由X增加到Y (the verb may be left out: 由X到Y). */
export const FROM_TO_VERBS: readonly string[] = [
  "增加",
  "增长",
  "减少",
  "下降",
  "提高",
  "降低",
  "上升",
  "增",
  "减",
  "降",
];
/** Words opening the earlier value of 由X增加到Y. */
export const FROM_WORDS: readonly string[] = ["由", "从"];
/** Words opening the later value of 由X增加到Y. */
export const TO_WORDS: readonly string[] = ["到", "至"];

/** Words before a comparison's subject or year: 较/同比/比上年/比2022年/相比 (and 由/从 of 由X到Y). */
export const COMPARISON_MARKERS: readonly string[] = ["较", "同比", "环比", "比上年", "比去年"];
/** Words before a year that make it the year compared with (比2022年). */
export const COMPARISON_BEFORE_YEAR_WORDS: readonly string[] = ["比"];
/** Comparison words after the markers above (A与B相比). */
export const COMPARISON_AFTER_WORDS: readonly string[] = ["相比"];

/**
 * Words of a previous figure's phrase that only say it is the earlier one (较上年的, 比去年同期): dropped
 * from subjects before comparing them.
 */
export const COMPARISON_SUBJECT_WORDS: readonly string[] = ["较", "比", "与", "同比", "环比", "相比"];

/** Words that mark a figure as the earlier period's: 上年, 去年, 上年同期, 上期. */
export const EARLIER_PERIOD_WORDS: readonly string[] = ["上一年", "上年", "去年", "上期", "同期"];
/** Words that mark a figure as this period's: 本年, 今年, 当年, 本期. */
export const CURRENT_PERIOD_WORDS: readonly string[] = ["本年", "今年", "当年", "本期", "全年"];

/** Words that open a list of parts after their whole (A 8.75万元，分别为B…、C…). */
export const LIST_MARKERS: readonly string[] = ["分别为", "分别是", "其中", "包括", "包含"];

/** Words of a clause that states a change rather than a part (比上年净增…): not read as a share's part. */
export const CHANGE_CLAUSE_WORDS: readonly string[] = [
  "净增",
  "增加",
  "增长",
  "减少",
  "下降",
  "较",
  "同比",
  "比上年",
];

// ── Ratios (占…的X%, 完成目标任务的X%, 执行率X%) ───────────────────────────────────────────────────────────

/** The keyword of a share: A，占B的X%. */
export const SHARE_WORD = "占";
/** The word before 占/完成 that pairs a list of figures with a list of rates in order (A、B分别占C的x%、y%). */
export const RESPECTIVELY_WORD = "分别";
/** Joiners between the rates of such a list (30%、70% / 60%和40%). */
export const RATE_LIST_JOINERS: readonly string[] = ["、", "，", ",", "和", "及", "与"];
/** Copulas of a plain ratio "A为B的X%" (本年收入1200万元，为上年1000万元的120%): read like a share. */
export const RATIO_COPULAS: readonly string[] = ["相当于", "达到", "为", "是"];
/** Words before 完成 that make the rate an excess over the target (超额完成计划的20%): not a completion rate. */
export const COMPLETION_EXCESS_WORDS: readonly string[] = ["超额", "超"];
/** Words of a per-unit figure (人均10万元, 平均每户5000元): never the part of a share. */
export const PER_UNIT_WORDS: readonly string[] = [
  "人均",
  "户均",
  "生均",
  "亩均",
  "平均",
  "每人",
  "每户",
  "每生",
  "每亩",
  "单价",
];
/** Words between 占 and a share that name no whole (其中女职工20人，占40% / 占比40%): the whole is read before. */
export const BARE_SHARE_WORDS: readonly string[] = ["比", "比重"];
/** Words of a clause that make its figure a whole (共有行政村120个, 总人口10万人). */
export const WHOLE_HINT_WORDS: readonly string[] = ["共", "总", "合计", "累计", "全部"];
/** Words opening a clause that make its figure a part of the figure before (其中女职工20人). */
export const PART_OPENING_WORDS: readonly string[] = ["其中", "含", "包括"];
/** The keyword of a completion rate: 完成目标任务的X%. */
export const COMPLETION_WORD = "完成";
/** The character a rate's name ends with (执行率, 结案率, 调解率). */
export const RATE_NAME_SUFFIX = "率";
/** Copulas between a named rate and its value (执行率为98%, 结案率达到95%, 调解率：90%). */
export const RATE_COPULAS: readonly string[] = ["为", "达到", "达", "是", ":", "："];

/** Words after a named rate of 100% saying the rate is capped (超额完成按100%计): the figures may exceed it. */
export const RATE_CAP_WORDS: readonly string[] = ["按100%计", "以100%计", "按100%算"];
