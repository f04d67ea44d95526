/**
 * Genre vocabulary of scoring rules (指标评分细则) written as a formula on one rate — "执行率≥95%得满分，每低1%
 * 扣0.5分", "控制率≤100%得满分，有超出不得分" — and of the rates they are checked against, as data
 * (re-exported by vocab.ts; no imports). checks/rules/score-rule/ builds its patterns from these lists; the
 * order of each list is the order of its alternation (longer forms before their prefixes: >= before >).
 */

/** How a threshold compares: ≥, >, ≤, <, =. */
export type ThresholdOp = "ge" | "gt" | "le" | "lt" | "eq";

/** Comparators before a threshold (≥95%, 不低于95%, 达到95%) and what each means. */
export const THRESHOLD_COMPARATORS: readonly (readonly [string, ThresholdOp])[] = [
  [">=", "ge"],
  ["<=", "le"],
  ["≥", "ge"],
  ["≤", "le"],
  [">", "gt"],
  ["<", "lt"],
  ["=", "eq"],
  ["不低于", "ge"],
  ["不高于", "le"],
  ["不超过", "le"],
  ["不少于", "ge"],
  ["达到", "ge"],
  ["高于", "gt"],
  ["低于", "lt"],
  ["超过", "gt"],
  ["大于", "gt"],
  ["小于", "lt"],
  ["等于", "eq"],
];

/** Words after a threshold that make it a floor (95%以上) or a ceiling (100%以下), overriding the comparator. */
export const THRESHOLD_SUFFIXES: readonly (readonly [string, "ge" | "le"])[] = [
  ["及以上", "ge"],
  ["以上", "ge"],
  ["及以下", "le"],
  ["以下", "le"],
];

/** Full marks for meeting the threshold (≥95%得满分). */
export const FULL_MARKS_WORDS: readonly string[] = ["得满分", "为满分", "计满分", "得全分"];

/** No marks (≥120%不得分), besides 得0分 (spaces allowed between its characters). */
export const ZERO_MARKS_WORDS: readonly string[] = ["得零分", "不得分", "为0分", "计0分"];
/** No marks, in the phrase "anything short of the threshold scores nothing" (有超出不得分), besides 得0分. */
export const ZERO_OTHERWISE_MARKS: readonly string[] = ["不得分", "不计分"];
/** What falls short of the threshold (有超出, 否则, 未达到…), before 不得分. */
export const SHORTFALL_WORDS: readonly string[] = ["有超出", "否则"];
/** Like SHORTFALL_WORDS, and may take 的 (超出的不得分, 未达到的不得分). */
export const SHORTFALL_WORDS_DE: readonly string[] = ["超出", "未达到", "未达标", "达不到"];

/** After 每: the direction of one step of a deduction (每低1%扣0.5分, 每超出1个百分点扣1分). */
export const STEP_DIRECTIONS: readonly string[] = [
  "低于",
  "低",
  "降低",
  "下降",
  "减少",
  "少",
  "超出",
  "超过",
  "超",
  "高于",
  "高",
  "增加",
  "多",
];

/** Where a linear deduction applies (区间内按权重扣分, 之间的按比例扣分). */
export const INTERPOLATION_SPANS: readonly string[] = ["区间内", "之间的?", "中间"];
/** What a linear deduction is in proportion to. */
export const INTERPOLATION_BASES: readonly string[] = ["权重", "比例"];

/** Words opening a rule's condition before the rate's name (若执行率…, 其中…): not part of the name. */
export const CONDITION_OPENERS: readonly string[] = ["若", "如", "当", "其中", "对", "且", "凡", "则", "即"];
/** Characters joining several rates under one condition (A、B≥90%, A和B): not a one-rate formula. */
export const RATE_CONJUNCTIONS = "、和及与";

// ── The rates the rules are about ────────────────────────────────────────────────────────────────────────

/** Names the genre uses for the same rate: written → canonical (预算完成率 = 预算执行率). */
export const RATE_SYNONYMS: readonly (readonly [string, string])[] = [
  ["执行完成率", "执行率"],
  ["预算完成率", "预算执行率"],
];

/** A word every written form in RATE_SYNONYMS holds (a cheap guard: the synonyms are rare). */
export const RATE_SYNONYM_GUARD = "完成率";

/** Words just before a stated % that make it a threshold or a target, not the value achieved (高于90%). */
export const THRESHOLD_WORDS: readonly string[] = [
  "不低于",
  "不高于",
  "不超过",
  "不少于",
  "高于",
  "低于",
  "超过",
  "大于",
  "小于",
];

/** Words that mark a stated % as a requirement, not a result (不低于98%). */
export const REQUIREMENT_WORDS: readonly string[] = ["不低于", "不少于", "不高于", "不超过", "不得"];

/** Approximation words before a stated % with their copula (约为90%, 接近95%). */
export const ABOUT_WORDS: readonly string[] = ["约", "大约", "近", "接近", "将近"];

/** Words after a rate's name, before its value (执行率为, 完成率达到, 满意度约), dropped from the name. */
export const NAME_TRAILING_WORDS: readonly string[] = ["为", "达到", "达", "是", "约", "了", ":", "："];

/** Words of a name that make it a target or a plan, never the value achieved (目标完成率). */
export const TARGET_NAME_WORDS: readonly string[] = ["目标", "计划"];

/** Words of a column header whose % figures are not the value achieved (指标值, 权重, 评分标准…). */
export const NOT_ACHIEVED_HEADER_WORDS: readonly string[] = [
  "目标",
  "计划",
  "指标值",
  "标准",
  "细则",
  "解释",
  "说明",
  "依据",
  "来源",
  "权重",
  "分值",
];

/** Words of the section of a report that states targets, not results. */
export const TARGET_SECTION_WORDS: readonly string[] = ["绩效目标", "年度目标", "目标任务"];

/** Words that open a definition input's name as this period's (本年度在职人员数). */
export const CURRENT_PERIOD_OPENERS: readonly string[] = ["本年度", "本年", "当年", "本期", "今年"];
/** Words that open a definition input's name as the previous period's (上年度在职人员数). */
export const PREVIOUS_PERIOD_OPENERS: readonly string[] = ["上年度", "上一年度", "上年", "去年", "上期"];

/** Words of an indicator whose bare target is a ceiling (成本, 费用, 时长, 投诉…); any other is a floor. */
export const CEILING_INDICATOR_WORDS: readonly string[] = [
  "成本",
  "费用",
  "支出",
  "时间",
  "天数",
  "时长",
  "投诉",
];
/** A parent indicator whose name holds this word makes every target below it a ceiling. */
export const CEILING_PARENT_WORD = "成本";

/** A scoring rule of the execution rate's own, written anywhere in a report (执行率≥95%得满分，每低1%扣…). */
export const OWN_EXECUTION_RULE = {
  /** The rate's name. */
  name: "执行率",
  /** Marks a rule gives (得满分, 不得分), besides 扣N分. */
  marks: ["得满分", "满分", "不得分"],
  /** After 每: a step below the threshold (每低1%, 每下降1个百分点). */
  stepsDown: ["低", "少", "下降"],
} as const;

/**
 * Names of a definition's inputs that stand for one concept (在编人数 = 在职人员), each with the words a name
 * must contain for the synonyms to be tried (a cheap guard).
 */
export const INPUT_SYNONYMS: readonly {
  words: readonly string[];
  concept: string;
  guard: readonly string[];
}[] = [
  {
    words: ["在编人数", "在编人员", "在职人数", "实有人数", "实有人员", "在岗人数", "在岗人员"],
    concept: "在职人员",
    guard: ["在编", "在职", "实有", "在岗"],
  },
  { words: ["核定编制", "编制人数", "编制数"], concept: "编制", guard: ["编制"] },
];
/** Words opening an input's name that say nothing of its concept (部门在职人员 = 在职人员). */
export const INPUT_NAME_HEADS: readonly string[] = ["部门", "单位", "实际", "所有", "全部", "年度", "的"];
/** Words closing an input's name that say nothing of its concept (经费总额 = 经费). */
export const INPUT_NAME_TAILS: readonly string[] = [
  "总额",
  "总数",
  "金额",
  "数额",
  "合计",
  "总计",
  "数",
  "额",
];
