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

/**
 * Comparison form: widths folded, whitespace and punctuation removed, Latin letters lower-cased. Equal to
 * normalizeWidth(s.replace(DASHES, "")).replace(NOISE, "").toLowerCase() (the reference, kept below for
 * tests), done in one pass over the code units with a lazily filled keep/drop table: the Unicode-property
 * regex was the largest single cost of the duplicate and conflicting-figure rules.
 */
export function normalize(s: string): string {
  let out = "";
  let run = 0; // start of the current run of code units kept unchanged
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let keep = KEEP[c];
    if (keep === UNKNOWN) keep = classify(c);
    if (keep === KEPT) continue;
    if (run < i) out += s.slice(run, i);
    run = i + 1;
    if (keep === FOLDED) out += String.fromCharCode(c - 0xfee0);
    // Astral characters are rare in reports, and a dropped dash may join two lone surrogates: leave them
    // to the reference.
    else if (keep === SURROGATE) return normalizeReference(s);
  }
  if (run === 0) return s.toLowerCase();
  if (run < n) out += s.slice(run);
  return out.toLowerCase();
}

/** The reference definition of normalize, for tests. */
export function normalizeReference(s: string): string {
  return normalizeWidth(s.replace(DASHES, "")).replace(NOISE, "").toLowerCase();
}

const UNKNOWN = 0, KEPT = 1, DROPPED = 2, FOLDED = 3, SURROGATE = 4;
/** Per UTF-16 code unit: what normalize does with it (filled on first sight). */
const KEEP = new Uint8Array(0x10000);
const KEEP_CODE_POINT = /^[\p{L}\p{N}%‰℃+\-.#]$/u;

function classify(c: number): number {
  let k: number;
  if (c >= 0xd800 && c <= 0xdfff) k = SURROGATE;
  else if (c === 0x2212 || c === 0x2013 || c === 0x2014 || c === 0x3000 || c === 0xa0) k = DROPPED;
  else if (c >= 0xff01 && c <= 0xff5e) {
    k = KEEP_CODE_POINT.test(String.fromCharCode(c - 0xfee0)) ? FOLDED : DROPPED;
  } else k = KEEP_CODE_POINT.test(String.fromCharCode(c)) ? KEPT : DROPPED;
  return KEEP[c] = k;
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
