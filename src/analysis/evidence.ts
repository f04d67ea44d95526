/**
 * Building evidence the same way in every rule: a quote in a block's text or in a table cell, with the
 * section path of the block.
 */
import type { Block, Document, TableBlock } from "../model/document.ts";
import type { Figure, FigureLocation } from "../model/figure.ts";
import type { Evidence } from "../model/finding.ts";

export const SECTION_SEPARATOR = " › ";

export function sectionPath(doc: Document, block: Block): string {
  return doc.sections[block.section]?.path.join(SECTION_SEPARATOR) ?? "";
}

/** Evidence for `quote` inside block `index` (a paragraph or heading); the quote must be in its text. */
export function evidence(doc: Document, index: number, quote: string): Evidence {
  const block = doc.blocks[index];
  return { quote, section: block ? sectionPath(doc, block) : "", block: index };
}

/** Evidence for a cell; the quote defaults to the cell's whole (trimmed) text and falls back to it when absent. */
export function cellEvidence(
  doc: Document,
  table: TableBlock,
  row: number,
  col: number,
  quote?: string,
): Evidence {
  const cell = table.grid[row][col];
  const text = cell.text;
  const q = quote !== undefined && text.includes(quote) ? quote : text.trim() || text;
  return {
    quote: q,
    section: sectionPath(doc, table),
    block: table.index,
    table: { index: table.tableIndex, row: cell.anchorRow, col: cell.anchorCol },
  };
}

/** Evidence for a quote located by the extractor (paragraph text or a table cell), the quote kept as given. */
export function locEvidence(doc: Document, loc: FigureLocation, quote: string): Evidence {
  const block = doc.blocks[loc.block];
  if (loc.table && block?.kind === "table") {
    const cell = block.grid[loc.table.row]?.[loc.table.col];
    if (cell) return cellEvidence(doc, block, loc.table.row, loc.table.col, quote);
  }
  return {
    ...evidence(doc, loc.block, quote),
    ...(loc.table ? { table: loc.table } : {}),
  };
}

/** The text a location points into: the block's text, or the cell's text for a figure in a table. */
export function textAt(doc: Document, loc: FigureLocation): string {
  const block = doc.blocks[loc.block];
  if (!block) return "";
  if (block.kind === "table") {
    if (!loc.table) return "";
    return block.grid[loc.table.row]?.[loc.table.col]?.text ?? "";
  }
  return block.text;
}

/** Evidence for `quote` at `loc`; falls back to the located span when the quote is not in the text. */
export function evidenceAt(doc: Document, loc: FigureLocation, quote: string): Evidence {
  const text = textAt(doc, loc);
  const q = quote && text.includes(quote) ? quote : text.slice(loc.start, loc.end) || quote;
  const ev = evidence(doc, loc.block, q);
  if (loc.table) ev.table = { index: loc.table.index, row: loc.table.row, col: loc.table.col };
  return ev;
}

/** One evidence per distinct quote: the relation's own quote first, then figures quoted elsewhere. */
export function evidenceFor(
  doc: Document,
  main: { loc: FigureLocation; quote: string },
  figures: Figure[],
): Evidence[] {
  const out = [evidenceAt(doc, main.loc, main.quote)];
  for (const f of figures) {
    const ev = evidenceAt(doc, f.loc, f.quote);
    const covered = out.some((e) => e.block === ev.block && sameCell(e, ev) && e.quote.includes(f.raw));
    if (!covered && !out.some((e) => e.block === ev.block && e.quote === ev.quote)) out.push(ev);
  }
  return out;
}

function sameCell(a: Evidence, b: Evidence): boolean {
  if (!a.table || !b.table) return !a.table && !b.table;
  return a.table.row === b.table.row && a.table.col === b.table.col;
}

/** A short quote around [start, end) of `text`, widened to at most `max` characters, for readable evidence. */
export function clip(text: string, start: number, end: number, max = 60): string {
  if (end - start >= max) return text.slice(start, end);
  const room = max - (end - start);
  const from = Math.max(0, start - Math.floor(room / 2));
  return text.slice(from, Math.min(text.length, from + max));
}
