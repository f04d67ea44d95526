/** How a report writes its amounts (万元, 元, or 亿元 for round large totals). */
import { wan, yi, yuan } from "./format.ts";
import type { MoneyStyle } from "./model.ts";

export type Money = (v: number) => string;

export function moneyWriter(style: MoneyStyle, commas: boolean): Money {
  switch (style) {
    case "wan":
      return (v) => `${wan(v)}万元`;
    case "yuan":
      return (v) => `${yuan(v, commas)}元`;
    case "yi":
      return (v) => v >= 1000000 && v % 10000 === 0 ? `${yi(v)}亿元` : `${wan(v)}万元`;
  }
}

/** Splits `total` into k positive integer parts (each at least `min`), in random proportions. */
export function split(next: () => number, total: number, k: number, min = 1): number[] {
  const weights = Array.from({ length: k }, () => 0.3 + next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(min, Math.floor(total * w / sum)));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}
