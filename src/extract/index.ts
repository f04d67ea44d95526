/** Document → figures and relations, found once for all checks. */
import type { Document } from "../model/document.ts";
import type { Extraction, Figure, Relation } from "../model/figure.ts";
import { figuresOfDocument } from "./figures.ts";
import { relationsOf } from "./relations/index.ts";

export function extract(doc: Document): Extraction {
  const figures = figuresOfDocument(doc);
  const relations: Relation[] = [];
  // Group figures by the text they sit in (a block, or one cell of a table block).
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    const key = f.loc.table ? `${f.loc.block}:${f.loc.table.row}:${f.loc.table.col}` : `${f.loc.block}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  for (const figs of groups.values()) {
    const { block, table } = figs[0].loc;
    const b = doc.blocks[block];
    const text = b.kind === "table" && table
      ? b.grid[table.row][table.col].text
      : b.kind === "table"
      ? ""
      : b.text;
    relations.push(...relationsOf({ text, figures: figs, cell: !!table }));
  }
  return { figures, relations };
}
