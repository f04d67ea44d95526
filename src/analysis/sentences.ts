/** Blocks → sentences → clauses, with offsets into the block's text (the one segmenter: segment.ts). */
import type { Document } from "../model/document.ts";
import { type Span, splitClauses, splitSentences } from "./segment.ts";

export interface BlockSentence extends Span {
  /** Block index (a paragraph or a heading; table cells are text units, see views.textUnits). */
  block: number;
  /** Clauses split on ，、：, offsets into the block's text. */
  clauses: Span[];
}

export function blockSentences(doc: Document): BlockSentence[] {
  const out: BlockSentence[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "table") continue;
    for (const s of splitSentences(b.text)) out.push({ ...s, block: b.index, clauses: splitClauses(s) });
  }
  return out;
}
