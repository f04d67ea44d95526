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
 * compareSum for a table's own total row, whose parts are awarded as written: a total compareSum accepts
 * only because every decimal part may have been rounded, while the parts as written give another sum, is
 * "rounded-parts".
 */
export function compareTableSum(stated: Stated, parts: Stated[]): Verdict | "rounded-parts" {
  const v = compareSum(stated, parts);
  if (v !== "match") return v;
  const written = compareStated(stated.value, stated.decimals, point(total(parts)));
  return written === "match" || written === "truncation" ? "match" : "rounded-parts";
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
