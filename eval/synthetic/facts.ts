/** Helpers that write a figure-bearing clause and record it as a fact of the paragraph it lands in. */
import { chinese, growth, pct } from "./format.ts";
import type { CountFact, PctFact, RepeatFact, SumFact } from "./model.ts";

type Pending<T> = Omit<T, "block">;

/** `render(parts)` writes the clause; total = Σ parts. */
export function sumClause(
  parts: number[],
  show: (v: number) => string,
  render: (total: string, parts: string[]) => string,
  total?: number,
): Pending<SumFact> {
  const t = total ?? parts.reduce((a, b) => a + b, 0);
  const totalText = show(t);
  return {
    snippet: render(totalText, parts.map(show)),
    total: t,
    parts,
    totalText,
    partTexts: parts.map(show),
    show,
    render: (ps) => render(totalText, ps.map(show)),
  };
}

export function pctClause(
  kind: PctFact["kind"],
  num: number,
  den: number,
  render: (pct: string) => string,
): Pending<PctFact> {
  const p = kind === "growth" ? growth(num, den) : pct(num, den);
  return { kind, num, den, pct: p, snippet: render(p), render };
}

/** A count written in digits or Chinese numerals, then the list. */
export function countClause(
  items: string[],
  chineseNumerals: boolean,
  render: (n: string, list: string) => string,
  sep = "、",
): Pending<CountFact> {
  const write = (n: number) => chineseNumerals ? chinese(n) : String(n);
  const list = items.join(sep);
  return {
    snippet: render(write(items.length), list),
    stated: write(items.length),
    items,
    withCount: (n) => ({ snippet: render(write(n), list), stated: write(n) }),
  };
}

export function repeatPair(
  label: string,
  value: string,
  altValue: string,
  first: (v: string) => string,
  second: (v: string) => string,
): { fact: Omit<RepeatFact, "block" | "secondBlock">; first: string; second: string } {
  const f = first(value), s = second(value);
  return {
    first: f,
    second: s,
    fact: {
      label,
      value,
      altValue,
      snippet: f,
      second: s,
      withValue: (snippet, v) => snippet === f ? first(v) : second(v),
    },
  };
}
