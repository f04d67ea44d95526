/** Blocks → sentences → clauses, with offsets into the block's text (the one segmenter: segment.ts). */
import type { Document } from "../model/document.ts";
import { type Span, splitClauses, splitSentences } from "./segment.ts";

export interface BlockSentence extends Span {
  /** Block index (a paragraph or a heading; table cells are text units, see views.textUnits). */
  readonly block: number;
  /** Clauses split on ，、：, offsets into the block's text. */
  readonly clauses: Span[];
}

/** A block's sentence; its clauses are split when first asked for (most readers only need the sentence). */
class SentenceOfBlock implements BlockSentence {
  #clauses?: Span[];
  constructor(readonly text: string, readonly start: number, readonly end: number, readonly block: number) {}
  get clauses(): Span[] {
    return this.#clauses ??= splitClauses(this);
  }
}

export function blockSentences(doc: Document): BlockSentence[] {
  const out: BlockSentence[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "table") continue;
    for (const s of splitSentences(b.text)) out.push(new SentenceOfBlock(s.text, s.start, s.end, b.index));
  }
  return out;
}
