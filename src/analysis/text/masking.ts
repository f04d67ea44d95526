/**
 * Number masking for comparing passages that differ only in their figures. This is not a figure parser
 * (src/extract/numbers.ts is): it only finds Arabic-digit tokens so a passage can be reduced to a skeleton.
 */
import { normalizeWidth } from "../../extract/numbers.ts";
import { normalizeMasked } from "./normalize.ts";

export interface NumberToken {
  /** As written. */
  raw: string;
  value: number;
  decimals: number;
  start: number;
  end: number;
}

/**
 * Arabic-digit tokens: /\d+(?:,\d{3})*(?:\.\d+)?/g on the width-folded text (full-width digits, comma and
 * point count as theirs), by a scan of character codes: the regex, the folded copy and the per-token
 * string work were most of the cost of the sentence keys.
 */
export function numberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  scanNumbers(text, (start, end, decimals) => {
    const raw = text.slice(start, end);
    out.push({ raw, value: valueOf(raw), decimals, start, end });
  });
  return out;
}

/** Calls `found` with the span and the number of decimals of each number token of `text`. */
function scanNumbers(text: string, found: (start: number, end: number, decimals: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    if (!isDigitAt(text, i)) continue;
    const end = numberEnd(text, i);
    let point = i;
    while (point < end && !isPointAt(text, point)) point++;
    found(i, end, point < end ? end - point - 1 : 0);
    i = end - 1;
  }
}

/** End of the number token starting at the digit at `start`. */
function numberEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  while (i < n && isDigitAt(text, i)) i++;
  // Thousands groups: a comma and exactly three digits (more digits after them start a new token).
  while (isCommaAt(text, i) && isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3)) {
    i += 4;
  }
  if (isPointAt(text, i) && isDigitAt(text, i + 1)) {
    i++;
    while (i < n && isDigitAt(text, i)) i++;
  }
  return i;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function isCommaAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 0x2c || c === 0xff0c;
}

function isPointAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 0x2e || c === 0xff0e;
}

/** Value of a token as written (digits possibly full-width, thousands commas). */
function valueOf(raw: string): number {
  let ascii = "";
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x30 || c > 0x39) plain = false;
  }
  if (plain) return Number(raw);
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x2c || c === 0xff0c) continue;
    ascii += c >= 0xff00 ? String.fromCharCode(c - 0xfee0) : raw[i];
  }
  return Number(ascii);
}

/** Normalised text with every number replaced by "#": passages with the same skeleton differ only in numbers. */
export function skeleton(text: string): string {
  return normalizeMasked(text, numberEnd);
}

/** Characters of a skeleton other than number slots: how much wording two passages share. */
export function wordingLength(skel: string): number {
  let n = skel.length;
  for (let i = 0; i < skel.length; i++) if (skel.charCodeAt(i) === 0x23) n--;
  return n;
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

/** True when the token labels an item of a list (第2批, 3号点位, 2标段) rather than counting anything. */
export function isOrdinalToken(text: string, tok: NumberToken): boolean {
  return /第\s*$/.test(text.slice(Math.max(0, tok.start - 2), tok.start)) ||
    /^(?:号|批次|标段|期工程)/.test(normalizeWidth(text.slice(tok.end, tok.end + 3)).trimStart());
}

/**
 * True when two passages of the same skeleton differ in a number that reads as a time (2022年 / 2023年) or
 * labels an item (第1批 / 第2批): two statements, not one written twice.
 */
export function differInTime(a: string, b: string): boolean {
  const ta = numberTokens(a), tb = numberTokens(b);
  if (ta.length !== tb.length) return false;
  const label = (s: string, t: NumberToken) => isTimeToken(s, t) || isOrdinalToken(s, t);
  return ta.some((t, k) => t.value !== tb[k].value && (label(a, t) || label(b, tb[k])));
}
