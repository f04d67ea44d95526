/**
 * Number masking for comparing passages that differ only in their figures. This is not a figure parser
 * (src/extract/numbers.ts is): it only finds Arabic-digit tokens so a passage can be reduced to a skeleton.
 */
import { normalizeWidth } from "../../src/extract/numbers.ts";
import { decimalsOf } from "../../src/extract/tolerance.ts";
import { normalize } from "./normalize.ts";

export interface NumberToken {
  /** As written. */
  raw: string;
  value: number;
  decimals: number;
  start: number;
  end: number;
}

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;

export function numberTokens(text: string): NumberToken[] {
  const folded = normalizeWidth(text);
  const out: NumberToken[] = [];
  for (const m of folded.matchAll(NUMBER)) {
    out.push({
      raw: text.slice(m.index!, m.index! + m[0].length),
      value: Number(m[0].replace(/,/g, "")),
      decimals: decimalsOf(m[0]),
      start: m.index!,
      end: m.index! + m[0].length,
    });
  }
  return out;
}

/** Normalised text with every number replaced by "#": passages with the same skeleton differ only in numbers. */
export function skeleton(text: string): string {
  let masked = "", at = 0;
  for (const t of numberTokens(text)) {
    masked += text.slice(at, t.start) + "#";
    at = t.end;
  }
  return normalize(masked + text.slice(at));
}

/** Characters of a skeleton other than number slots: how much wording two passages share. */
export function wordingLength(skel: string): number {
  return skel.replace(/#/g, "").length;
}

/**
 * True when the token reads as a time rather than a quantity (2023年, 5月, 10日, 第3季度): two passages
 * differing in such a slot are about different periods, not in conflict.
 */
export function isTimeToken(text: string, tok: NumberToken): boolean {
  const after = normalizeWidth(text.slice(tok.end, tok.end + 2)).trimStart();
  if (/^(年|月|日|季度|号)/.test(after)) return true;
  if (/^(19|20)\d\d$/.test(tok.raw) && !/^[万亿千百人元个户件次场%]/.test(after)) return true;
  return false;
}

/** True when two passages of the same skeleton differ in a number that reads as a time (2022年 / 2023年). */
export function differInTime(a: string, b: string): boolean {
  const ta = numberTokens(a), tb = numberTokens(b);
  if (ta.length !== tb.length) return false;
  return ta.some((t, k) => t.value !== tb[k].value && (isTimeToken(a, t) || isTimeToken(b, tb[k])));
}
