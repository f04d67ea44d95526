/** Evidence for arithmetic findings: a quote located in a block (or a table cell) of the document. */
import type { Document } from "../../src/model/document.ts";
import type { Figure, FigureLocation } from "../../src/model/figure.ts";
import type { Evidence } from "../../src/model/finding.ts";

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
  const block = doc.blocks[loc.block];
  const section = block ? (doc.sections[block.section]?.path ?? []).join(" › ") : "";
  const text = textAt(doc, loc);
  const q = quote && text.includes(quote) ? quote : text.slice(loc.start, loc.end) || quote;
  const ev: Evidence = { quote: q, section, block: loc.block };
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
