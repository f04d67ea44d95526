/**
 * Heading numbering markers (第一部分/第一章 一、 （一） 1. （1） ① 附件N) and the test for a manually numbered
 * heading written as a plain paragraph.
 */
import type { HeadingNumber, NumberingStyle } from "../model/document.ts";
import { normalizeWidth, parseChineseNumeral } from "../extract/numbers.ts";

export interface ParsedMarker {
  number: HeadingNumber;
  /**
   * Conventional rank of the numbering: 第X部分/第X章 → 0, 一、/附件N → 1, （一） → 2, 1. → 3, （1） → 4,
   * ① → 5. The level in the outline is worked out from the order markers appear in the document
   * (src/ingest/outline.ts); the rank only says which of two styles is the outer one.
   */
  level: number;
  /** The text after the marker (and the spaces following it). */
  title: string;
}

const CN = "[一二三四五六七八九十]{1,3}";
const DIGITS = "[0-9０-９]{1,2}";
const PATTERNS: { style: NumberingStyle; level: number; re: RegExp }[] = [
  // 第一部分 / 第2部分 / 第三章 / 第一篇, then an optional separator ("第二部分: 决算表", "第一部分部门概况").
  {
    style: "part",
    level: 0,
    re: new RegExp(`^第\\s*(${DIGITS}|${CN})\\s*(?:部\\s*分|章|篇)\\s*[：:、.．]?\\s*`),
  },
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
  // 附件N and 第X部分 label lines qualify with or without a title (the title may be the next line).
  if (marker.number.style === "annex") return t.length <= MAX_HEADING_CHARS ? marker : null;
  if (marker.number.style === "part") {
    return t.length <= MAX_HEADING_CHARS && !/[。；;！!？?]/.test(marker.title) ? marker : null;
  }
  if (marker.title === "" || t.length > MAX_HEADING_CHARS) return null;
  if (/[。；;！!？?]/.test(t)) return null;
  // A number followed by a unit or a figure is a quantity, not a heading ("3、5万元…" is rare but "1.5" is not).
  if (/^[0-9０-９%％]/.test(marker.title)) return null;
  return marker;
}

/** Longest unnumbered line read as a heading because it is bold or centred. */
export const MAX_FORMAT_HEADING_CHARS = 25;

const DATE_LINE =
  /^[0-9０-９〇零一二三四五六七八九十○Ｏ]{2,4}\s*年(?:\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)?)?$/;
const CAPTION = /^(?:附?表|图)\s*[0-9０-９一二三四五六七八九十]|单\s*位\s*[:：]|^[（(].*[）)]$/;
/** Signature lines: a unit's name closes many reports (centred or bold). */
const UNIT_END =
  /(?:局|委|办|院|政府|中心|公司|站|所|处|委员会|办公室|学校|小学|中学|医院|卫生院|街道|社区|村委会)$/;

/**
 * A short unnumbered line that reads as a heading because it is bold or centred: no sentence punctuation,
 * no comma, not a date, a caption, a unit's name (signature) or a page number. Where it may stand (not in
 * the front matter, not right before a table, not as an annex's title line) is build.ts's decision.
 */
export function formatHeading(text: string, bold: boolean, centred: boolean): boolean {
  if (!bold && !centred) return false;
  const t = text.replace(/[\s\u3000]+/g, "");
  if (t.length < 2 || t.length > MAX_FORMAT_HEADING_CHARS) return false;
  if ((t.match(/\p{Script=Han}/gu) ?? []).length < 2) return false;
  if (/[。；;！!？?，,：:…]/.test(t)) return false;
  if (parseMarker(t)) return false; // numbered lines are manualHeading's
  if (DATE_LINE.test(t) || CAPTION.test(t) || UNIT_END.test(t)) return false;
  if (/[0-9０-９]{3,}|%|％/.test(t)) return false; // figures
  return true;
}
