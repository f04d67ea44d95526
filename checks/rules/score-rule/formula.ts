/**
 * Scoring rules (指标评分细则) written as a formula on one rate: "执行率≥95%得满分，每低1%扣0.1分，扣完为止",
 * "控制率≤100%得满分，≥120%得0分，区间内按权重扣分", "在职人员控制率≤100%得满分，有超出不得分". Also the
 * rate's own definition when the row gives one: "在职人员控制率=（在职人员数/编制数）×100%".
 * Anything else (several rates in one condition, points by judgement, counts instead of rates) is not a
 * formula: parseFormula returns undefined and the rule stays silent.
 */
import { asciiDigits } from "../../../src/extract/numbers.ts";
import type { Interval } from "../../../src/extract/tolerance.ts";
import {
  CONDITION_OPENERS,
  FULL_MARKS_WORDS,
  INTERPOLATION_BASES,
  INTERPOLATION_SPANS,
  RATE_CONJUNCTIONS,
  SHORTFALL_WORDS,
  SHORTFALL_WORDS_DE,
  STEP_DIRECTIONS,
  THRESHOLD_COMPARATORS,
  THRESHOLD_SUFFIXES,
  type ThresholdOp,
  ZERO_MARKS_WORDS,
  ZERO_OTHERWISE_MARKS,
} from "../../../src/analysis/vocab-score-rules.ts";

export type Op = ThresholdOp;

export interface Condition {
  op: Op;
  threshold: number;
}

export interface Step {
  /** Rate points per step (每低1% → 1). */
  per: number;
  /** Points deducted per step; undefined when given as a share of the weight. */
  points?: number;
  /** 扣权重分的5% → 5. */
  percentOfWeight?: number;
}

export interface ScoreFormula {
  /** The rate the rule is about, as written before the comparison ("预算完成率"). */
  metric: string;
  full: Condition;
  /** Explicit points for meeting `full` ("=100%得3分"); otherwise full marks = the weight. */
  fullPoints?: number;
  zero?: Condition;
  /** 有超出不得分 / 否则不得分 / 未达到不得分: anything short of `full` scores 0. */
  zeroOtherwise: boolean;
  step?: Step;
  /** 区间内按权重扣分 / 按比例扣分: linear between the full and the zero thresholds. */
  interpolate: boolean;
  /** The rule as quoted (from the metric to the end of its sentence), an exact substring of the source. */
  quote: string;
}

export interface Definition {
  name: string;
  numerator: string;
  denominator: string;
  quote: string;
}

/** Same-length normalisation (offsets into the original text stay valid). */
export function normalize(text: string): string {
  return asciiDigits(text)
    .replace(/％/g, "%")
    .replace(/[≧]/g, "≥")
    .replace(/[≦]/g, "≤")
    .replace(/＞/g, ">")
    .replace(/＜/g, "<")
    .replace(/＝/g, "=")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

const alt = (words: readonly string[]) => words.join("|");
const NUM = String.raw`(\d+(?:\.\d+)?)`;
const CMP = `(${alt(THRESHOLD_COMPARATORS.map(([w]) => w))})`;
const SUFFIX = `(${alt(THRESHOLD_SUFFIXES.map(([w]) => w))})`;
const ZERO_POINTS = String.raw`得\s*0\s*分`;
const FULL = new RegExp(
  String.raw`([\u4e00-\u9fff“”"、]{2,24}?)\s*${CMP}\s*${NUM}\s*%\s*${SUFFIX}?\s*(?:的|时)?\s*[,，]?\s*` +
    String.raw`(?:(?:则|即)?(?:${alt(FULL_MARKS_WORDS)})(?:\s*${NUM}\s*分)?|得\s*${NUM}\s*分)`,
);
/**
 * A rule that opens on its threshold without naming the rate (a 评分标准 cell: "≥95%得满分，每降低1%扣0.5分",
 * "100%得满分，每降低1%扣0.5分"): the rate is the row's indicator. Groups as FULL's, shifted by one.
 */
const BARE = new RegExp(
  String.raw`^\s*${CMP}?\s*${NUM}\s*%\s*${SUFFIX}?\s*(?:的|时)?\s*[,，]?\s*` +
    String.raw`(?:(?:则|即)?(?:${alt(FULL_MARKS_WORDS)})(?:\s*${NUM}\s*分)?|得\s*${NUM}\s*分)`,
);
/** A step below the threshold (每降低1%): a threshold written without a comparator is then a floor. */
const STEP_DOWN = /^每(?:低|降|下降|减少|少)/;
const ZERO = new RegExp(
  String.raw`${CMP}\s*${NUM}\s*%\s*${SUFFIX}?\s*(?:的|时)?\s*[,，]?\s*(?:${ZERO_POINTS}|${
    alt(ZERO_MARKS_WORDS)
  })`,
);
const ZERO_OTHERWISE = new RegExp(
  `(?:${alt([...SHORTFALL_WORDS, ...SHORTFALL_WORDS_DE.map((w) => `${w}的?`)])})` +
    String.raw`\s*[,，]?\s*(?:${ZERO_POINTS}|${alt(ZERO_OTHERWISE_MARKS)})`,
);
const STEP = new RegExp(
  String.raw`每(?:${alt(STEP_DIRECTIONS)})\s*${NUM}\s*(?:%|个百分点)\s*[,，]?\s*扣\s*` +
    String.raw`(?:${NUM}\s*分|权重分?\s*(?:\(\s*\d+(?:\.\d+)?\s*分\s*\))?\s*的\s*${NUM}\s*%)`,
);
const INTERPOLATE = new RegExp(
  `(?:${alt(INTERPOLATION_SPANS)})[^。；;]{0,6}按(?:${alt(INTERPOLATION_BASES)})[^。；;]{0,4}扣分`,
);
const DEFINITION = new RegExp(
  String
    .raw`([\u4e00-\u9fff“”"]{2,20})\s*=\s*\(?\s*([^/÷=()。；,，]{2,30}?)\s*[/÷]\s*([^/÷=()。；,，×*]{2,30}?)\s*\)?\s*[×*xX]\s*100\s*%`,
);

const COMPARATOR_OP = new Map<string, Op>(THRESHOLD_COMPARATORS);
const SUFFIX_OP = new Map<string, Op>(THRESHOLD_SUFFIXES);

function opOf(cmp: string, suffix: string | undefined): Op | undefined {
  return (suffix !== undefined ? SUFFIX_OP.get(suffix) : undefined) ?? COMPARATOR_OP.get(cmp);
}

const LEADING = new RegExp(`^(?:${alt(CONDITION_OPENERS)})+`);
/** % or its full-width form (normalize folds ％ to %): both patterns need one. */
const PERCENT = /[%％]/;

/**
 * The one-rate formula in a rule text, if there is one. `implicitMetric` (the row's indicator) stands for the
 * rate when the text opens on its threshold without naming it (a 评分标准 cell of that indicator's row).
 */
export function parseFormula(text: string, implicitMetric?: string): ScoreFormula | undefined {
  if (!PERCENT.test(text)) return undefined; // cheap rejection of most cells: FULL needs a %
  const t = normalize(text);
  let m = FULL.exec(t);
  if (!m && implicitMetric) {
    const b = BARE.exec(t);
    // Shifted into FULL's groups: [whole, metric, cmp, threshold, suffix, points, points].
    if (b) m = Object.assign([b[0], "", ...b.slice(1)], { index: b.index, input: t }) as RegExpExecArray;
  }
  if (!m) return undefined;
  const metric = m[1] === "" ? implicitMetric! : m[1].replace(LEADING, "");
  // Several rates under one condition (“A、B=100%得3分”, “A和B满意度>90%”): not a one-rate formula.
  if (metric.length < 2 || [...RATE_CONJUNCTIONS].some((c) => metric.includes(c))) return undefined;
  const start = m[1] === "" ? m.index : m.index + m[1].length - metric.length;
  const end = sentenceEnd(t, m.index + m[0].length);
  const rest = t.slice(m.index + m[0].length, end);
  const s = STEP.exec(rest);
  // A bare threshold (100%得满分) is a floor when the rule deducts per step below it.
  const op = m[2] === undefined && m[4] === undefined
    ? (s && STEP_DOWN.test(s[0]) ? "ge" : undefined)
    : opOf(m[2] ?? "", m[4]);
  if (!op) return undefined;
  const full: Condition = { op, threshold: Number(m[3]) };
  const fullPoints = m[6] ?? m[5];
  const z = ZERO.exec(rest);
  const zeroOp = z ? opOf(z[1], z[3]) : undefined;
  return {
    metric,
    full,
    fullPoints: fullPoints !== undefined ? Number(fullPoints) : undefined,
    zero: z && zeroOp ? { op: zeroOp, threshold: Number(z[2]) } : undefined,
    zeroOtherwise: ZERO_OTHERWISE.test(rest),
    step: s
      ? {
        per: Number(s[1]),
        points: s[2] !== undefined ? Number(s[2]) : undefined,
        percentOfWeight: s[3] ? Number(s[3]) : undefined,
      }
      : undefined,
    interpolate: INTERPOLATE.test(rest),
    quote: text.slice(start, end),
  };
}

/** End of the sentence that starts the rule: the next 。 (or the end of the text). */
function sentenceEnd(t: string, from: number): number {
  const i = t.slice(from).search(/[。\n]/);
  return i < 0 ? t.length : from + i + 1;
}

export function parseDefinition(text: string): Definition | undefined {
  if (!PERCENT.test(text)) return undefined; // DEFINITION ends in ×100%
  const t = normalize(text);
  const m = DEFINITION.exec(t);
  if (!m) return undefined;
  return {
    name: m[1],
    numerator: m[2],
    denominator: m[3],
    quote: text.slice(m.index, m.index + m[0].length),
  };
}

/** A formula says something beyond "meets the threshold → full marks": what happens below it. */
export function isComplete(f: ScoreFormula): boolean {
  return f.zero !== undefined || f.zeroOtherwise || f.step !== undefined || f.interpolate;
}

function meets(c: Condition, r: number): boolean {
  const eps = 1e-9;
  switch (c.op) {
    case "ge":
      return r >= c.threshold - eps;
    case "gt":
      return r > c.threshold + eps;
    case "le":
      return r <= c.threshold + eps;
    case "lt":
      return r < c.threshold - eps;
    case "eq":
      return Math.abs(r - c.threshold) <= eps;
  }
}

/** The scores the rule allows at rate r (an interval when the rule leaves room: 每低1% read as pro rata or per whole step). */
export function scoreAt(f: ScoreFormula, weight: number, r: number): Interval {
  const full = f.fullPoints ?? weight;
  if (meets(f.full, r)) return { low: full, high: full };
  if (f.zero && meets(f.zero, r)) return { low: 0, high: 0 };
  const gap = Math.abs(r - f.full.threshold);
  if (f.interpolate && f.zero) {
    const span = Math.abs(f.zero.threshold - f.full.threshold);
    if (span > 0) {
      const v = Math.max(0, full * (1 - gap / span));
      return { low: v, high: v };
    }
  }
  if (f.step) {
    const pts = f.step.points ?? (weight * (f.step.percentOfWeight ?? 0)) / 100;
    const steps = gap / f.step.per;
    const most = Math.ceil(steps - 1e-9) * pts;
    const least = Math.floor(steps + 1e-9) * pts;
    return { low: Math.max(0, full - most), high: Math.max(0, full - least) };
  }
  if (f.zeroOtherwise) return { low: 0, high: 0 };
  return { low: 0, high: full };
}

/**
 * The scores the rule allows for a rate known only to lie in `rate`. Between thresholds every reading is
 * monotone in the rate, so the ends of the interval and the thresholds inside it bound the result.
 */
export function scoreRange(f: ScoreFormula, weight: number, rate: Interval): Interval {
  const points = [rate.low, rate.high];
  for (const b of [f.full.threshold, f.zero?.threshold]) {
    if (b === undefined) continue;
    for (const x of [b - 1e-7, b, b + 1e-7]) if (x > rate.low && x < rate.high) points.push(x);
  }
  const finite = points.filter((p) => Number.isFinite(p));
  const ivs = finite.map((p) => scoreAt(f, weight, p));
  if (rate.high === Infinity || rate.low === -Infinity) {
    // An open bound: the far end behaves like a rate far beyond the last threshold.
    const far = rate.high === Infinity ? 1e6 : -1e6;
    ivs.push(scoreAt(f, weight, far));
  }
  return { low: Math.min(...ivs.map((i) => i.low)), high: Math.max(...ivs.map((i) => i.high)) };
}
