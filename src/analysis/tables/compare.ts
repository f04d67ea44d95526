/** Comparing a stated score or weight with a sum of stated parts, by the rules of src/extract/tolerance.ts. */
import { compareStated, intervalOf, point, sum, type Verdict } from "../../extract/tolerance.ts";

export interface Stated {
  value: number;
  decimals: number;
}

/**
 * Integer scores add up exactly; once a decimal is involved each stated figure stands for its rounding
 * interval and the verdict is compareStated's.
 */
export function compareSum(stated: Stated, parts: Stated[]): Verdict {
  if (stated.decimals === 0 && parts.every((p) => p.decimals === 0)) {
    return Math.abs(stated.value - total(parts)) < 1e-9 ? "match" : "mismatch";
  }
  const interval = sum(
    parts.map((p) => p.decimals === 0 ? point(p.value) : intervalOf({ ...p, stated: p.value, scale: 1 })),
  );
  return compareStated(stated.value, stated.decimals, interval);
}

/**
 * The stated sum against the parts added exactly as written (no rounding of the parts): where compareSum
 * accepts a total only because every decimal part may have been rounded, this tells whether the parts as
 * written give it.
 */
export function compareSumAsWritten(stated: Stated, parts: Stated[]): Verdict {
  return compareStated(stated.value, stated.decimals, point(total(parts)));
}

export function total(parts: Stated[]): number {
  return parts.reduce((s, p) => s + p.value, 0);
}

/** A computed value without floating-point noise (0.1 + 0.2 → "0.3"). */
export function show(v: number): string {
  return String(Number(v.toFixed(6)));
}

export function asStated(f: { stated: number; decimals: number }): Stated {
  return { value: f.stated, decimals: f.decimals };
}
