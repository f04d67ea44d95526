/**
 * Tolerance rules, in one place. A figure stated with k decimals stands for every value that rounds to it
 * (±0.5·10^-k); a recomputation is compared with that interval, never with the bare number (statcheck's
 * rule: tell a rounding difference from a real error).
 */
import { COUNT_UNIT_WORDS } from "../analysis/vocab-numbers.ts";

export interface Interval {
  low: number;
  high: number;
}

/** What a recomputed value says of a stated one. */
export type Verdict =
  /** The computed value rounds to the stated one. */
  | "match"
  /** The stated value is the computed one truncated, not rounded (12.67% written 12.6%): a style slip. */
  | "truncation"
  /** Off by at most one unit in the last stated digit: a rounding-level slip. */
  | "rounding"
  /** Outside any rounding of the stated value: a real discrepancy. */
  | "mismatch";

const EPS = 1e-9;

export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** Decimal places of a number as written ("12.30" → 2, "1,234" → 0). */
export function decimalsOf(written: string): number {
  const m = /[.．](\d+)/.exec(written);
  return m ? m[1].length : 0;
}

/** The values a stated figure may stand for, in its base unit. */
export function intervalOf(fig: { stated: number; decimals: number; scale: number }): Interval {
  const h = halfUnit(fig.decimals);
  return { low: (fig.stated - h) * fig.scale, high: (fig.stated + h) * fig.scale };
}

export function point(v: number): Interval {
  return { low: v, high: v };
}

export function add(a: Interval, b: Interval): Interval {
  return { low: a.low + b.low, high: a.high + b.high };
}

export function sub(a: Interval, b: Interval): Interval {
  return { low: a.low - b.high, high: a.high - b.low };
}

export function sum(xs: Interval[]): Interval {
  return xs.reduce(add, point(0));
}

/** a / b for a positive divisor interval; undefined when b may be zero or negative. */
export function div(a: Interval, b: Interval): Interval | undefined {
  if (b.low <= 0) return undefined;
  const qs = [a.low / b.low, a.low / b.high, a.high / b.low, a.high / b.high];
  return { low: Math.min(...qs), high: Math.max(...qs) };
}

export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? { low: a.low * k, high: a.high * k } : { low: a.high * k, high: a.low * k };
}

export function midpoint(a: Interval): number {
  return (a.low + a.high) / 2;
}

/** Round half away from zero to `decimals` places, for showing computed values at the stated precision. */
export function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(v) * Math.round(Math.abs(v) * f + EPS) / f;
}

export function formatNumber(v: number, decimals: number): string {
  return roundTo(v, decimals).toFixed(decimals);
}

/**
 * Compare a stated value (with its decimals) against a computed interval, both in the same unit.
 */
export function compareStated(stated: number, decimals: number, computed: Interval): Verdict {
  const h = halfUnit(decimals);
  const unit = 10 ** -decimals;
  if (computed.high >= stated - h - EPS && computed.low <= stated + h + EPS) return "match";
  // Truncation toward zero: stated ≤ |c| < stated + unit (for positive values).
  const s = Math.abs(stated);
  const lo = Math.min(Math.abs(computed.low), Math.abs(computed.high));
  const hi = Math.max(Math.abs(computed.low), Math.abs(computed.high));
  if (decimals > 0 && hi >= s - EPS && lo < s + unit - EPS && Math.sign(stated) * computed.low >= 0) {
    return "truncation";
  }
  if (computed.high >= stated - unit - EPS && computed.low <= stated + unit + EPS) return "rounding";
  return "mismatch";
}

/** Smallest distance from a stated value to a computed interval (0 when inside). */
export function distance(stated: number, computed: Interval): number {
  if (stated < computed.low) return computed.low - stated;
  if (stated > computed.high) return stated - computed.high;
  return 0;
}

const COUNT_UNITS = new Set(COUNT_UNIT_WORDS);

type Stated = { stated: number; decimals: number; scale: number; unit: string; approx: string };

/** "969人" is exactly 969 people (no rounding); "33.75万人", "3万人" and "1900万元" are rounded. */
export function isExactCount(fig: Stated): boolean {
  return fig.approx === "exact" && fig.scale === 1 && fig.decimals === 0 && COUNT_UNITS.has(fig.unit);
}

/**
 * The values a figure may stand for, ignoring its approximation words: a point for an exact integer count,
 * the rounding interval (intervalOf) otherwise.
 */
export function figureInterval(fig: Stated): Interval {
  return isExactCount(fig) ? point(fig.stated * fig.scale) : intervalOf(fig);
}
