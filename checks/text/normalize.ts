/** Text normalisation shared by the duplicate and conflicting-figure rules. */
import { normalizeWidth } from "../../src/extract/numbers.ts";

/**
 * normalizeWidth makes "-" of the minus sign and the en/em dashes (for ranges and negative numbers); in
 * comparison text they are punctuation, so they are dropped first.
 */
const DASHES = /[\u2212\u2013\u2014]/g;

/**
 * What a comparison keeps: letters (Han included), digits, and the symbols that carry meaning next to a
 * number (% ‰ ℃ + - .) plus "#", the number mask of skeletons. Whitespace and punctuation go.
 */
const NOISE = /[^\p{L}\p{N}%‰℃+\-.#]/gu;

/** Comparison form: widths folded, whitespace and punctuation removed, Latin letters lower-cased. */
export function normalize(s: string): string {
  return normalizeWidth(s.replace(DASHES, "")).replace(NOISE, "").toLowerCase();
}

/** Key for comparing titles (目录 entries, annex names): NFKC, whitespace and punctuation removed. */
export function titleKey(s: string): string {
  return s.normalize("NFKC").replace(/[\s\p{P}]/gu, "");
}

/** A leading numbering marker: 一、 （一） (一) 1. 1、 （1） (1) ① 附件1. */
const LEADING_MARKER =
  /^\s*(?:附件\s*[0-9一二三四五六七八九十]+[.、．:：]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:\.\d+)*[.、．](?!\d)|[①-⑳])\s*/;

/** The text without its leading numbering marker (on the width-folded text). */
export function stripLeadingMarker(s: string): { marker: string; rest: string } {
  const folded = normalizeWidth(s);
  const m = LEADING_MARKER.exec(folded);
  if (!m) return { marker: "", rest: s };
  return { marker: s.slice(0, m[0].length), rest: s.slice(m[0].length) };
}

/** Longest run-in heading (after a numbering marker) that is dropped before comparing bodies. */
const RUN_IN_HEADING_MAX = 40;

/**
 * The body a paragraph is compared on: without a leading numbering marker and, when there was one, without
 * a short run-in heading sentence ("1.坚持…。一是…" compares as "一是…").
 */
export function comparableBody(text: string): string {
  const { marker, rest } = stripLeadingMarker(text);
  if (!marker) return text;
  const end = rest.search(/[。！？!?]/);
  if (end >= 0 && end <= RUN_IN_HEADING_MAX && normalize(rest.slice(end + 1)).length >= 30) {
    return rest.slice(end + 1);
  }
  return rest;
}
