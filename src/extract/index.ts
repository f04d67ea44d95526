/** Document → figures and relations, found once for all checks. */
import type { Document } from "../model/document.ts";
import type { Extraction, FigureLocation, Relation } from "../model/figure.ts";
import { figuresOfDocument } from "./figures.ts";
import { relationsOf } from "./relations/index.ts";

export function extract(doc: Document): Extraction {
  const figures = figuresOfDocument(doc);
  const relations: Relation[] = [];
  // Figures come text by text (a block, or one cell of a table block): each run of one text is a view.
  let from = 0;
  for (let i = 1; i <= figures.length; i++) {
    if (i < figures.length && sameText(figures[from].loc, figures[i].loc)) continue;
    const figs = figures.slice(from, i);
    from = i;
    const { block, table } = figs[0].loc;
    const b = doc.blocks[block];
    const text = b.kind === "table" && table
      ? b.grid[table.row][table.col].text
      : b.kind === "table"
      ? ""
      : b.text;
    for (const r of relationsOf({ text, figures: figs, cell: !!table })) relations.push(r);
  }
  return { figures, relations };
}

function sameText(a: FigureLocation, b: FigureLocation): boolean {
  if (a.block !== b.block) return false;
  if (!a.table || !b.table) return !a.table && !b.table;
  return a.table.row === b.table.row && a.table.col === b.table.col;
}
