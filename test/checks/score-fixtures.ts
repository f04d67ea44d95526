/** Score claims for tests, as src/extract would report them (quote, score and weight located in the block). */
import assert from "node:assert/strict";
import type { Document } from "../../src/model/document.ts";
import type { Figure, ScoreClaim } from "../../src/model/figure.ts";

function figure(doc: Document, block: number, raw: string, from = 0): Figure {
  const text = (doc.blocks[block] as { text: string }).text;
  const start = text.indexOf(raw, from);
  assert.ok(start >= 0, raw);
  const num = raw.replace(/分$/, "");
  return {
    value: Number(num),
    stated: Number(num),
    decimals: num.includes(".") ? num.split(".")[1].length : 0,
    unit: "分",
    writtenUnit: "分",
    scale: 1,
    approx: "exact",
    raw,
    subject: "",
    quote: raw,
    loc: { block, start, end: start + raw.length },
    chineseNumeral: false,
  };
}

/** A claim: quote is found in the block; score (and weight) are found inside the quote. */
export function claim(
  doc: Document,
  block: number,
  quote: string,
  subject: string,
  score: string,
  weight?: string,
): ScoreClaim {
  const text = (doc.blocks[block] as { text: string }).text;
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  const w = weight ? figure(doc, block, weight, start) : undefined;
  const s = figure(doc, block, score, w ? w.loc.end : start);
  return {
    kind: "score",
    score: s,
    weight: w,
    subject,
    quote,
    loc: { block, start, end: start + quote.length },
  };
}
