/**
 * The one segmenter: sentence and clause boundaries, and spans with offsets into the original text. A pure
 * module with no imports (the extractor and the analysis views both use it).
 *
 * One definition of the boundaries (per UTF-16 code unit):
 * - a sentence ends at 。！？；, their ASCII forms !?; and a line break;
 * - a clause also ends at a comma ，or ASCII ',';
 * - an enumeration/colon mark 、：: ends a clause only with the option `lists`;
 * - an ASCII ',' between two digits is a thousands separator, not a boundary, with the option `digitGroups`.
 *
 * Two styles of span use it:
 * - bounds (the extractor: `clauseAround`, `sentenceAround`, `clausesOf`, `sentencesOf`): clause boundaries
 *   are { lists: false, digitGroups: true } (a figure's subject may run across 、 or ：, and 1,234 is one
 *   number); spans exclude their delimiter and are not trimmed; empty ones are dropped.
 * - quotes (the analysis views: `splitSentences`, `splitClauses`): clause boundaries within a sentence are
 *   { lists: true, digitGroups: false }; a sentence keeps its terminator, a clause drops its trailing mark,
 *   both are trimmed of white space, blank ones are dropped.
 *
 * No caches: the bounds functions scan from the given offsets to the nearest boundaries, the span lists are
 * computed per call (a caller that needs them repeatedly keeps them in its per-document memo).
 */

/** Offsets [start, end) into a text. */
export interface Offsets {
  start: number;
  end: number;
}

/** A span with its text. */
export interface Span extends Offsets {
  text: string;
}

/** Which clause boundaries count, besides sentence ends and commas. */
export interface ClauseOptions {
  /** 、：: end a clause too. */
  lists: boolean;
  /** An ASCII ',' between two digits is a thousands separator, not a boundary. */
  digitGroups: boolean;
}

/** Clause boundaries of the extractor (a figure's clause, its subject read back to the clause start). */
export const EXTRACT_CLAUSES: ClauseOptions = { lists: false, digitGroups: true };
/** Clause boundaries of the analysis views (quoted clauses of a sentence). */
export const QUOTE_CLAUSES: ClauseOptions = { lists: true, digitGroups: false };

/** Per code unit (a table, not a Set or text[i]: a one-character CJK string is an allocation, a hot spot). */
const SENTENCE = 1, COMMA = 2, LIST = 4;
const MARKS = new Uint8Array(0x10000);
for (const c of "。！？；!?;\n") MARKS[c.charCodeAt(0)] |= SENTENCE;
for (const c of "，,") MARKS[c.charCodeAt(0)] |= COMMA;
for (const c of "、：:") MARKS[c.charCodeAt(0)] |= LIST;
const ASCII_COMMA = 44;

const isDigitCode = (c: number) => c >= 48 && c <= 57;

function clauseKinds(o: ClauseOptions): number {
  return SENTENCE | COMMA | (o.lists ? LIST : 0);
}

/** Whether text[i] ends a sentence. */
export function isSentenceEnd(text: string, i: number): boolean {
  return (MARKS[text.charCodeAt(i)] & SENTENCE) !== 0;
}

/** Whether text[i] ends a clause (sentence ends included). */
export function isClauseEnd(text: string, i: number, o: ClauseOptions = EXTRACT_CLAUSES): boolean {
  return isBoundary(text, i, clauseKinds(o), o.digitGroups);
}

function isBoundary(text: string, i: number, kinds: number, digitGroups: boolean): boolean {
  const c = text.charCodeAt(i);
  if ((MARKS[c] & kinds) === 0) return false;
  return !(digitGroups && c === ASCII_COMMA && isDigitCode(text.charCodeAt(i - 1)) &&
    isDigitCode(text.charCodeAt(i + 1)));
}

// ── Bounds (the extractor) ─────────────────────────────────────────────────────────────────────────────

/** [start, end) between the boundaries around [start, end): the last one before start, the first from end. */
function spanAround(text: string, start: number, end: number, kinds: number, digitGroups: boolean): Offsets {
  let s = Math.min(start, text.length) - 1;
  while (s >= 0 && !isBoundary(text, s, kinds, digitGroups)) s--;
  let e = Math.max(start, end, 0);
  while (e < text.length && !isBoundary(text, e, kinds, digitGroups)) e++;
  return { start: Math.max(s + 1, 0), end: Math.min(e, text.length) };
}

/** The clause (between ，；。！？ and line breaks; not 、：, not a thousands ',') holding [start, end). */
export function clauseAround(text: string, start: number, end: number): Offsets {
  return spanAround(text, start, end, clauseKinds(EXTRACT_CLAUSES), true);
}

/** The sentence (between ；。！？ and line breaks) holding [start, end). */
export function sentenceAround(text: string, start: number, end: number): Offsets {
  return spanAround(text, start, end, SENTENCE, false);
}

function spansBetween(text: string, kinds: number, digitGroups: boolean): Offsets[] {
  const out: Offsets[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isBoundary(text, i, kinds, digitGroups)) continue;
    if (i > s) out.push({ start: s, end: i });
    s = i + 1;
  }
  return out;
}

/** All sentences of a text, delimiters excluded, empty ones dropped. */
export function sentencesOf(text: string): Offsets[] {
  return spansBetween(text, SENTENCE, false);
}

/** All clauses of a text (extractor boundaries), delimiters excluded, empty ones dropped. */
export function clausesOf(text: string): Offsets[] {
  return spansBetween(text, clauseKinds(EXTRACT_CLAUSES), true);
}

// ── Quotes (the analysis views) ────────────────────────────────────────────────────────────────────────

/** Split after each boundary (kept in the preceding span); blank spans are dropped. */
function splitOn(text: string, kinds: number, digitGroups: boolean, base = 0): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (isBoundary(text, i, kinds, digitGroups)) {
      pushTrimmed(out, text, start, i + 1, base);
      start = i + 1;
    }
  }
  pushTrimmed(out, text, start, text.length, base);
  return out;
}

function pushTrimmed(out: Span[], text: string, start: number, end: number, base: number) {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start: base + start, end: base + end });
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;
}

/** Sentences: split on 。！？；, their ASCII forms and line breaks (the terminator stays in the sentence). */
export function splitSentences(text: string): Span[] {
  return splitOn(text, SENTENCE, false);
}

const TRAILING_MARK = /[，、：,:。！？；!?;]$/;

/** Clauses of a sentence (QUOTE_CLAUSES: split further on ，、：,:), with offsets into the original text. */
export function splitClauses(span: Span): Span[] {
  const kinds = clauseKinds(QUOTE_CLAUSES);
  return splitOn(span.text, kinds, QUOTE_CLAUSES.digitGroups, span.start).map((c) => ({
    ...c,
    // Drop the trailing separator from the quote: 从外地调入人员45人， → …45人
    text: c.text.replace(TRAILING_MARK, ""),
    end: c.end - (TRAILING_MARK.test(c.text) ? 1 : 0),
  }));
}
