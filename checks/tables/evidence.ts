/** Evidence builders: a quote in a table cell, or in a block's text, with its section path. */
import type { Block, Document, TableBlock } from "../../src/model/document.ts";
import type { Evidence } from "../../src/model/finding.ts";
import type { FigureLocation } from "../../src/model/figure.ts";

export function sectionPath(doc: Document, block: Block): string {
  return doc.sections[block.section]?.path.join(" › ") ?? "";
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

/** Evidence for a quote located by the extractor (paragraph text or a table cell). */
export function locEvidence(doc: Document, loc: FigureLocation, quote: string): Evidence {
  const block = doc.blocks[loc.block];
  if (loc.table && block?.kind === "table") {
    const cell = block.grid[loc.table.row]?.[loc.table.col];
    if (cell) return cellEvidence(doc, block, loc.table.row, loc.table.col, quote);
  }
  return {
    quote,
    section: block ? sectionPath(doc, block) : "",
    block: loc.block,
    ...(loc.table ? { table: loc.table } : {}),
  };
}

/** Evidence for a quote inside a paragraph or heading block. */
export function textEvidence(doc: Document, blockIndex: number, quote: string): Evidence {
  const block = doc.blocks[blockIndex];
  return { quote, section: block ? sectionPath(doc, block) : "", block: blockIndex };
}
