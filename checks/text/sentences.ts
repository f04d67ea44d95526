/** Sentence and clause splitting with offsets into the original text. */

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Split after each terminator (kept in the preceding span); blank spans are dropped. */
function splitOn(text: string, terminators: string, base = 0): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (terminators.includes(text[i])) {
      pushTrimmed(out, text, start, i + 1, base);
      start = i + 1;
    }
  }
  pushTrimmed(out, text, start, text.length, base);
  return out;
}

function pushTrimmed(out: Span[], text: string, start: number, end: number, base: number) {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end > start) out.push({ text: text.slice(start, end), start: base + start, end: base + end });
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u3000" || c === "\u00a0";
}

/** Sentences: split on 。！？；, their ASCII forms and line breaks. */
export function splitSentences(text: string): Span[] {
  return splitOn(text, "。！？；!?;\n");
}

/** Clauses of a span: split further on ，、：, with offsets into the original text. */
export function splitClauses(span: Span): Span[] {
  return splitOn(span.text, "，、：,:", span.start).map((c) => ({
    ...c,
    // Drop the trailing separator from the quote: 从县外调入事业单位人员32人， → …32人
    text: c.text.replace(/[，、：,:。！？；!?;]$/, ""),
    end: c.end - (/[，、：,:。！？；!?;]$/.test(c.text) ? 1 : 0),
  }));
}
