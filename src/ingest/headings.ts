/**
 * Heading numbering markers (一、 （一） 1. （1） ① 附件N) and the test for a manually numbered heading
 * written as a plain paragraph.
 */
import type { HeadingNumber, NumberingStyle } from "../model/document.ts";
import { normalizeWidth, parseChineseNumeral } from "../extract/numbers.ts";

export interface ParsedMarker {
  number: HeadingNumber;
  /** Level implied by the numbering: 一、/附件N → 1, （一） → 2, 1. → 3, （1） → 4, ① → 5. */
  level: number;
  /** The text after the marker (and the spaces following it). */
  title: string;
}

const CN = "[一二三四五六七八九十]{1,3}";
const DIGITS = "[0-9０-９]{1,2}";
const PATTERNS: { style: NumberingStyle; level: number; re: RegExp }[] = [
  { style: "annex", level: 1, re: new RegExp(`^附\\s*件\\s*(${DIGITS}|${CN})(?![0-9０-９])[：:、.．]?\\s*`) },
  { style: "chinese", level: 1, re: new RegExp(`^(${CN})\\s*[、，,]\\s*`) },
  { style: "paren-chinese", level: 2, re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*`) },
  // "1." / "1、" / "1．" but not "1.5万元" (a decimal) nor "2023年".
  { style: "arabic", level: 3, re: new RegExp(`^(${DIGITS})\\s*(?:[.．](?![0-9０-９])|、)\\s*`) },
  { style: "paren-arabic", level: 4, re: new RegExp(`^[（(]\\s*(${DIGITS})\\s*[）)]\\s*[、.．]?\\s*`) },
  { style: "circled", level: 5, re: /^([①-⑳])\s*/ },
];

function markerValue(style: NumberingStyle, token: string): number {
  if (style === "circled") return token.charCodeAt(0) - 0x2460 + 1;
  if (/^[0-9０-９]+$/.test(token)) return Number(normalizeWidth(token));
  return parseChineseNumeral(token) ?? NaN;
}

/** The numbering marker at the start of `text` (leading spaces ignored), or null. */
export function parseMarker(text: string): ParsedMarker | null {
  const t = text.replace(/^[\s\u3000]+/, "");
  for (const { style, level, re } of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const value = markerValue(style, m[1]);
    if (!Number.isFinite(value)) continue;
    return { number: { style, value, raw: m[0].trim() }, level, title: t.slice(m[0].length).trim() };
  }
  return null;
}

export const MAX_HEADING_CHARS = 40;

/**
 * A plain paragraph that is a manually numbered heading: numbered, short, not a sentence (no 。；！？ inside or
 * at the end), so '1.坚持优化服务…。一是…' stays body text. 附件N labels qualify with or without a title.
 */
export function manualHeading(text: string): ParsedMarker | null {
  const t = text.trim();
  const marker = parseMarker(t);
  if (!marker) return null;
  if (marker.number.style === "annex") return t.length <= MAX_HEADING_CHARS ? marker : null;
  if (marker.title === "" || t.length > MAX_HEADING_CHARS) return null;
  if (/[。；;！!？?]/.test(t)) return null;
  // A number followed by a unit or a figure is a quantity, not a heading ("3、5万元…" is rare but "1.5" is not).
  if (/^[0-9０-９%％]/.test(marker.title)) return null;
  return marker;
}
