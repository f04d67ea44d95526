/**
 * A stated rate recomputed from the figures a relation cites, and the verdict on it (shared by the
 * percentage checks; the sum check has its own judgement of totals).
 */
import type { Figure } from "../../../src/model/figure.ts";
import {
  compareStated,
  formatNumber,
  halfUnit,
  type Interval,
  type Verdict,
} from "../../../src/extract/tolerance.ts";

export interface Recomputed {
  /** The stated figure being checked. */
  claim: Figure;
  /** Possible values of the recomputation, in the claim's stated unit (% or 个百分点). */
  computed: Interval;
  /** The recomputation from the stated values, for display. */
  point: number;
  /** The formula with the numbers, without its result: "969 ÷ 900 × 100%". */
  formula: string;
  inputs: { role: string; figure: Figure }[];
  /** Every input is exact (no 余/约/近). */
  exactInputs: boolean;
}

export type Judgement =
  | { kind: "ok" }
  | { kind: "verdict"; verdict: Exclude<Verdict, "match"> }
  /** Approximate inputs or claim: the stated value lies outside every possible recomputation. */
  | { kind: "impossible" };

/** Compare the claim with the recomputation, at the claim's stated precision. */
export function judge(r: Recomputed): Judgement | undefined {
  const { claim, computed } = r;
  if (!Number.isFinite(computed.low) && !Number.isFinite(computed.high)) return undefined;
  if (claim.range || claim.approx === "about") return undefined;
  if (r.exactInputs && claim.approx === "exact") {
    const verdict = compareStated(claim.stated, claim.decimals, computed);
    return verdict === "match" ? { kind: "ok" } : { kind: "verdict", verdict };
  }
  const h = halfUnit(claim.decimals);
  const low = claim.approx === "atMost" ? -Infinity : claim.stated - h;
  const high = claim.approx === "atLeast" ? Infinity : claim.stated + h;
  return computed.high < low || computed.low > high ? { kind: "impossible" } : { kind: "ok" };
}

/** The computed value at a precision that shows the slip (at least 2 decimals, as 107.67%). */
export function shown(r: Recomputed): string {
  return formatNumber(r.point, Math.max(2, r.claim.decimals));
}

/** The computed value rounded to the claim's own precision: what the report should have written. */
export function rounded(r: Recomputed): string {
  return formatNumber(r.point, r.claim.decimals);
}

/**
 * The claim against the recomputation from the inputs exactly as written (no rounding of the inputs), for a
 * claim the interval judgement accepts only because the inputs may themselves be rounded (2300万元 ÷ 1800万元 =
 * 127.78%, written 127.7%; 32分 ÷ 35分 = 91.43%, written 90.14%). "match" when the written inputs give the
 * claim too; undefined when an input or the claim is not exact.
 */
export function judgeAsWritten(r: Recomputed): Verdict | undefined {
  if (!r.exactInputs || r.claim.approx !== "exact" || r.claim.range) return undefined;
  if (!Number.isFinite(r.point)) return undefined;
  return compareStated(r.claim.stated, r.claim.decimals, { low: r.point, high: r.point });
}
