/** Shared helpers of the defect operators. */
import { forms } from "../format.ts";
import type { Block, KeyItem, Para, ReportModel } from "../model.ts";
import type { Rng } from "../rng.ts";

export type Operator = (
  model: ReportModel,
  rng: Rng,
) => Omit<KeyItem, "id" | "tier" | "operator"> | undefined;

export function para(model: ReportModel, id: string): Para | undefined {
  const b = model.blocks.find((x) => x.id === id);
  return b?.kind === "para" ? b : undefined;
}

/** Replaces `from` (which must occur once) in paragraph `id`. */
export function replaceIn(model: ReportModel, id: string, from: string, to: string): boolean {
  const p = para(model, id);
  if (!p || !p.text.includes(from) || p.text.indexOf(from) !== p.text.lastIndexOf(from)) return false;
  p.text = p.text.replace(from, to);
  return true;
}

/** The number in a written figure: "1,234.00万元" → "1,234.00" and "1234.00". */
export function numeric(s: string): string[] {
  const m = s.match(/[\d,.]+/);
  if (!m) return [s];
  const plain = m[0].replace(/,/g, "");
  return [...new Set([m[0], plain])];
}

/** A key group: the strings, in ASCII and full-width digits. */
export function group(...xs: string[]): string[] {
  return [...new Set(xs.flatMap(forms))];
}

export function unused<T extends { used?: boolean; block: string; snippet: string }>(
  model: ReportModel,
  xs: T[],
): T[] {
  return xs.filter((f) => !f.used && para(model, f.block)?.text.includes(f.snippet));
}

export function pickOr<T>(rng: Rng, xs: T[]): T | undefined {
  return xs.length ? rng.pick(xs) : undefined;
}

export const isPara = (b: Block): b is Para => b.kind === "para";
