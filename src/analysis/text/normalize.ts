/** Text normalisation shared by the duplicate and conflicting-figure rules. */
import { normalizeWidth } from "../../extract/numbers.ts";

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
 * normalizeReference (the regex definition below) but done in one pass over the code units with lazily
 * filled per-code-unit tables into a reused buffer: the Unicode-property regex, the folded copy and the
 * lower-cased copy were the largest cost (time and garbage) of the duplicate and conflicting-figure rules.
 */
export function normalize(s: string): string {
  return fold(s) ?? normalizeReference(s);
}

/**
 * normalize(masked), where masked is `s` with every span [i, numberEnd(s, i)) starting at a digit (ASCII
 * or full-width) replaced by "#"; numberEnd must return a position after i.
 */
export function normalizeMasked(s: string, numberEnd: (s: string, i: number) => number): string {
  const out = fold(s, numberEnd);
  if (out !== undefined) return out;
  let masked = "", at = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isDigit(s.charCodeAt(i))) continue;
    const end = numberEnd(s, i);
    masked += s.slice(at, i) + "#";
    at = end;
    i = end - 1;
  }
  return normalizeReference(masked + s.slice(at));
}

/** The reference definition of normalize, for tests and for text with astral characters. */
export function normalizeReference(s: string): string {
  return normalizeWidth(s.replace(DASHES, "")).replace(NOISE, "").toLowerCase();
}

const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

/** Per code unit: not yet classified, kept as OUTPUT[c], kept but changed by toLowerCase, or a surrogate. */
const UNKNOWN = 0, SIMPLE = 1, CASED = 2, SURROGATE = 3;
const STATE = new Uint8Array(0x10000);
/** Per code unit: what normalize writes for it (width folded, ASCII lower-cased), 0 when it is dropped. */
const OUTPUT = new Uint16Array(0x10000);
const KEEP_CODE_POINT = /^[\p{L}\p{N}%‰℃+\-.#]$/u;

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return STATE[c] = SURROGATE;
  let out = c;
  if (c === 0x2212 || c === 0x2013 || c === 0x2014 || c === 0x3000 || c === 0xa0) out = 0; // dashes, spaces
  else {
    if (c >= 0xff01 && c <= 0xff5e) out = c - 0xfee0;
    if (!KEEP_CODE_POINT.test(String.fromCharCode(out))) out = 0;
    else if (out >= 0x41 && out <= 0x5a) out += 0x20;
  }
  OUTPUT[c] = out;
  const ch = String.fromCharCode(out);
  return STATE[c] = out >= 0x80 && ch.toLowerCase() !== ch ? CASED : SIMPLE;
}

/**
 * What normalize writes for the code unit `c` when it can be told from `c` alone: the code unit (0 when it
 * is dropped), or -1 for a surrogate or a non-ASCII letter that lower-cases (normalize lower-cases the
 * whole text then). Without -1 in a string, normalize(s) is the non-zero foldCode of its code units: for
 * hashing the comparison form without making it.
 */
export function foldCode(c: number): number {
  let state = STATE[c];
  if (state === UNKNOWN) state = classify(c);
  return state === SIMPLE ? OUTPUT[c] : -1;
}

/**
 * The one pass of normalize (masking numbers when numberEnd is given); undefined for astral text. Runs of
 * code units kept as they are go in as slices (the least garbage of the ways tried: a code-unit buffer
 * decoded by String.fromCharCode.apply or TextDecoder allocates more).
 */
function fold(s: string, numberEnd?: (s: string, i: number) => number): string | undefined {
  const n = s.length;
  let text = "";
  let run = 0; // start of the current run of code units kept unchanged
  let cased = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (numberEnd && isDigit(c)) {
      if (run < i) text += s.slice(run, i);
      text += "#";
      i = numberEnd(s, i) - 1;
      run = i + 1;
      continue;
    }
    let state = STATE[c];
    if (state === UNKNOWN) state = classify(c);
    if (state === SURROGATE) return undefined;
    if (state === CASED) cased = true;
    const out = OUTPUT[c];
    if (out === c && c !== 0) continue;
    if (run < i) text += s.slice(run, i);
    run = i + 1;
    if (out !== 0) text += String.fromCharCode(out);
  }
  if (run === 0) text = s;
  else if (run < n) text += s.slice(run);
  // toLowerCase only when a non-ASCII letter changes: it is context-sensitive (final sigma), so whole.
  return cased ? text.toLowerCase() : text;
}

/** Key for comparing titles (目录 entries, annex names): NFKC, whitespace and punctuation removed. */
export function titleKey(s: string): string {
  return s.normalize("NFKC").replace(/[\s\p{P}]/gu, "");
}

/**
 * A leading numbering marker: 一、 （一） (一) 1. 1、 （1） (1) ① 附件1. Matched on the text as written, with
 * full-width digits, point and colon spelled out: normalizeWidth is length-preserving and this is what the
 * pattern matches on the width-folded text, without making the folded copy.
 */
const LEADING_MARKER =
  /^\s*(?:附件\s*[0-9０-９一二三四五六七八九十]+[.、．:：]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]+(?:[.．][0-9０-９]+)*[.、．](?![0-9０-９])|[①-⑳])\s*/;

/** The text without its leading numbering marker. */
export function stripLeadingMarker(s: string): { marker: string; rest: string } {
  const m = LEADING_MARKER.exec(s);
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
  return comparable(text).body;
}

/** normalize(comparableBody(text)), normalising the text once. */
export function normalizedBody(text: string): string {
  const { body, norm } = comparable(text);
  return norm ?? normalize(body);
}

/** The comparable body, with its normalised form when working it out needed that. */
function comparable(text: string): { body: string; norm?: string } {
  const { marker, rest } = stripLeadingMarker(text);
  if (!marker) return { body: text };
  const end = rest.search(/[。！？!?]/);
  if (end >= 0 && end <= RUN_IN_HEADING_MAX) {
    const tail = rest.slice(end + 1);
    const norm = normalize(tail);
    if (norm.length >= 30) return { body: tail, norm };
  }
  return { body: rest };
}
