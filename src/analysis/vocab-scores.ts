/**
 * Genre vocabulary of score claims and named rates, as data (re-exported by vocab.ts; pure data with no
 * imports, so the extractor can import it). The extractor builds its patterns from these lists.
 */

// ── Score claims (得X分, 扣X分, 分值N分) ─────────────────────────────────────────────────────────────────────

/** Verbs a score is stated after (得分96分, 得3分). */
export const SCORE_VERBS: readonly string[] = ["得分", "得"];

/** Verbs a deduction is stated after (扣0.5分, 扣除1分). */
export const DEDUCTION_VERBS: readonly string[] = ["扣除", "扣"];

/** Words a weight (the points an indicator is worth) is stated after (分值3分, 满分100分). */
export const WEIGHT_WORDS: readonly string[] = [
  "总评价分",
  "总评分",
  "总分值",
  "指标分值",
  "分值",
  "满分",
  "权重分",
  "权重",
  "总分",
  "应得分",
  "应得",
  "标准分",
];

/**
 * What a weight written without a weight word is stated after: a name's bracket or 指标 (决策指标（20分），
 * 得19分 / 产出指标30分，得分28分). Such a figure is a weight only when a bare 得/得分 follows in the next clause.
 */
export const NAMED_WEIGHT_BEFORE = /(?:指标(?:共|合计)?|[（(])[\s\u3000]*$/;

/** Words of a scoring rule (每低1%扣0.1分, 酌情得0-4分, ≥95%得满分): its figures are not claims. */
export const SCORING_RULE_WORDS: readonly string[] = [
  "每",
  "若",
  "如果",
  "视",
  "酌情",
  "否则",
  "则",
  "≥",
  "≤",
  ">",
  "<",
  "=",
  "①",
  "扣完为止",
];

// ── Named rates and their formulas ───────────────────────────────────────────────────────────────────────

/** Words after a percentage that make it part of a scoring rule or formula, not a claim (90%以上得满分). */
export const RATE_RULE_AFTER: readonly string[] = ["得", "扣", "为满分", "的得分", "以上得", "以下得"];

/**
 * Budget execution rate (预算执行率 = spent ÷ budget): a named rate whose name holds `nameHolds`; the whole is
 * the one figure in 元 whose subject names a `whole` word and no `notWhole` word, the part the one whose
 * subject names a `part` word and no `whole` word.
 */
export const EXECUTION_RATE = {
  nameHolds: "执行",
  // A project's 资金执行率 is spent ÷ its funds (项目资金合计551.5万元，实际支出535.16万元).
  whole: ["预算", "下达", "资金总额", "资金合计"],
  notWhole: ["支出", "决算", "执行", "完成"],
  part: ["支出", "决算", "执行", "完成数", "实际"],
} as const;

/**
 * Named rates computed as part ÷ whole from two figures of the sentence before the rate (the budget execution
 * rate first): the whole is the one figure whose subject names a `whole` word and no `notWhole` word, the part
 * the one naming a `part` word and no `whole` word, both in 元 when `money`. With two wholes, one naming a
 * `baseline` word (年初预算 beside 调整后预算), the other is the whole and the baseline one an alternative.
 */
export interface RateFormula {
  nameHolds: string;
  whole: readonly string[];
  notWhole: readonly string[];
  part: readonly string[];
  money: boolean;
  baseline?: readonly string[];
}
export const RATE_FORMULAS: readonly RateFormula[] = [
  { ...EXECUTION_RATE, money: true, baseline: ["年初"] },
  {
    nameHolds: "到位",
    whole: ["计划", "预算", "应到位", "下达"],
    notWhole: ["实际", "已到位"],
    part: ["到位", "实际"],
    money: true,
  },
  { nameHolds: "回收", whole: ["发放"], notWhole: ["回收", "收回"], part: ["回收", "收回"], money: false },
  {
    nameHolds: "完成",
    whole: ["计划", "目标", "任务"],
    notWhole: ["实际", "已完成"],
    part: ["实际", "完成"],
    money: false,
  },
];

/** Score rate (得分率 = score ÷ weight, both in 分, in the sentence before the rate). */
export const SCORE_RATE_NAME = "得分率";

/** Words after 占/完成 that make the whole a target (完成目标任务的X%): its value may be unstated. */
export const TARGET_WORDS: readonly string[] = ["目标", "任务", "计划", "指标值", "年度指标"];
