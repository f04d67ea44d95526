/** Building evidence that points at a block (and a quote inside it) the same way in every rule. */
import type { Block, Document } from "../../src/model/document.ts";
import type { Evidence } from "../../src/model/finding.ts";

export function sectionPath(doc: Document, block: Block): string {
  return doc.sections[block.section]?.path.join(" › ") ?? "";
}

/** Evidence for `quote` inside block `index`; the quote must be a substring of the block's text. */
export function evidence(doc: Document, index: number, quote: string): Evidence {
  const block = doc.blocks[index];
  return { quote, section: sectionPath(doc, block), block: index };
}

/** Evidence for a table cell. */
export function cellEvidence(doc: Document, index: number, row: number, col: number): Evidence {
  const block = doc.blocks[index];
  if (block.kind !== "table") throw new Error(`block ${index} is not a table`);
  const cell = block.grid[row][col];
  return {
    quote: cell.text,
    section: sectionPath(doc, block),
    block: index,
    table: { index: block.tableIndex, row: cell.anchorRow, col: cell.anchorCol },
  };
}

/** A short quote around [start, end) of `text`, widened to at most `max` characters, for readable evidence. */
export function clip(text: string, start: number, end: number, max = 60): string {
  if (end - start >= max) return text.slice(start, end);
  const room = max - (end - start);
  const from = Math.max(0, start - Math.floor(room / 2));
  return text.slice(from, Math.min(text.length, from + max));
}

/** Text of a paragraph or heading block; undefined for tables. */
export function blockText(block: Block): string | undefined {
  return block.kind === "table" ? undefined : block.text;
}
