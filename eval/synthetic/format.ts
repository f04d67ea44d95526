/**
 * How figures are written. Amounts are kept as integer hundredths of 万元 (so sums are exact) and written
 * in 万元, 元 or 亿元; percentages are rounded half-up to 2 decimals with trailing zeros dropped.
 */

/** Hundredths of 万元 → "1234.56". */
export function wan(v: number): string {
  return (v / 100).toFixed(2);
}

/** Hundredths of 万元 → 元, with or without thousands separators: "1,234,500.00" / "1234500". */
export function yuan(v: number, commas: boolean): string {
  const s = String(v * 100);
  return commas ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + ".00" : s;
}

/** Hundredths of 万元, a multiple of 10000 (0.01 亿元) → "1.23". */
export function yi(v: number): string {
  if (v % 10000 !== 0) throw new Error(`${v} is not a whole 0.01 亿元`);
  return (v / 1000000).toFixed(2);
}

/** num / den × 100, rounded half-up to 2 decimals, trailing zeros dropped: "96.5", "100", "3.07". */
export function pct(num: number, den: number): string {
  return trimZeros(round2(num * 100 / den));
}

/** Growth from `prev` to `cur` in percent, absolute value, 2 decimals (the text says 增长/减少). */
export function growth(cur: number, prev: number): string {
  return trimZeros(round2(Math.abs(cur - prev) * 100 / prev));
}

export function round2(x: number): number {
  // Half-up on the decimal value, guarding against binary representation error.
  return Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;
}

export function round1(x: number): number {
  return Math.round((x + 1e-9) * 10) / 10;
}

export function trimZeros(x: number): string {
  return x.toFixed(2).replace(/\.?0+$/, "");
}

/** A score (multiples of 0.5 or 0.01) without trailing zeros. */
export function score(x: number): string {
  return trimZeros(round2(x));
}

const FULL_DIGITS = "０１２３４５６７８９";

/** ASCII digits, '.', '%' → full-width forms. */
export function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)]).replace(/\./g, "．").replace(/%/g, "％");
}

const CN = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 1–99 → 一 … 九十九 (for heading numbers and counts). */
export function chinese(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return "十" + CN[n - 10];
  const t = Math.floor(n / 10), u = n % 10;
  return CN[t] + "十" + (u ? CN[u] : "");
}

/** The ways a figure may appear in the text: as written, and in full-width digits. */
export function forms(s: string): string[] {
  const f = fullWidth(s);
  return f === s ? [s] : [s, f];
}
