/** Sentence and clause splitting with offsets into the original text. */

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Split after each terminator (kept in the preceding span); blank spans are dropped. */
function splitOn(text: string, kind: number, base = 0): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    // A table of character codes, not text[i]: a one-character string of a CJK character is an allocation.
    if (ENDS[text.charCodeAt(i)] & kind) {
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

/** Per code unit: SENTENCE when it ends a sentence, CLAUSE when it ends a clause. */
const SENTENCE = 1, CLAUSE = 2;
const ENDS = new Uint8Array(0x10000);
for (const c of "。！？；!?;\n") ENDS[c.charCodeAt(0)] |= SENTENCE;
for (const c of "，、：,:") ENDS[c.charCodeAt(0)] |= CLAUSE;

/** Sentences: split on 。！？；, their ASCII forms and line breaks. */
export function splitSentences(text: string): Span[] {
  return splitOn(text, SENTENCE);
}

/** Clauses of a span: split further on ，、：, with offsets into the original text. */
export function splitClauses(span: Span): Span[] {
  return splitOn(span.text, CLAUSE, span.start).map((c) => ({
    ...c,
    // Drop the trailing separator from the quote: 从县外调入事业单位人员32人， → …32人
    text: c.text.replace(/[，、：,:。！？；!?;]$/, ""),
    end: c.end - (/[，、：,:。！？；!?;]$/.test(c.text) ? 1 : 0),
  }));
}
