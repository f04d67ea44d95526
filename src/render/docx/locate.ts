/**
 * Evidence → a place in the .docx: the block the reader traced back to its w:p elements (RawParagraph
 * .source, RawCell.sources), the quote found in the text those paragraphs read as, and the boundaries in
 * front of its first char and after its last. When that fails the whole paragraph is used and `note` says
 * why; a finding is never left without a place.
 */
import type { Evidence } from "../../model/finding.ts";
import type { RawCell, RawDocument, RawTable } from "../../model/raw.ts";
import { resolveGrid } from "../../ingest/grid.ts";
import { after, before, type Boundary, paragraphEnd, paragraphStart } from "./anchor.ts";
import type { CharRef, ParaInfo, PartMap } from "./text-map.ts";

export interface Place {
  part: string;
  start: Boundary;
  end: Boundary;
  /** True when the range covers exactly the quote. */
  exact: boolean;
  /** Why the range is not exactly the quote (Chinese, shown in the comment). */
  note?: string;
}

export interface LocateContext {
  raw: RawDocument;
  maps: Map<string, PartMap>;
  /** Where comments go that have no place of their own (the title paragraph). */
  fallback: Place;
}

interface Text {
  part: string;
  text: string;
  /** null for the "\n" joining two paragraphs of a cell (not in the XML). */
  chars: (CharRef | null)[];
  paras: ParaInfo[];
}

const NOT_FOUND = "未能在原文中精确定位引文，批注加在整段上。";

export function locate(e: Evidence, occurrence: number, ctx: LocateContext): Place {
  const block = ctx.raw.blocks[e.block];
  if (!block) return { ...ctx.fallback, note: "引文所在位置超出文档范围，批注加在标题上。" };
  if (block.origin === "comment") {
    return { ...ctx.fallback, note: "引文位于文档原有的批注中，批注加在标题上。" };
  }
  let text: Text | undefined;
  if (block.kind === "paragraph" && block.source) {
    text = textOf(ctx.maps, block.source.part, [block.source.paragraphs], "");
  } else if (block.kind === "table" && e.table) {
    const cell = cellAt(block, e.table.row, e.table.col);
    if (cell?.sources?.length && block.source) text = textOf(ctx.maps, block.source.part, cell.sources, "\n");
  }
  if (!text || !text.paras.length) {
    return { ...ctx.fallback, note: "未能在原文中找到引文所在段落，批注加在标题上。" };
  }
  const first = text.paras[0], last = text.paras[text.paras.length - 1];
  if (first.inTextbox) {
    const holder = ctx.maps.get(text.part)?.paras.get(first.outer) ?? first;
    return whole(text.part, holder, holder, "引文位于文本框中，批注加在文本框所在段落上。");
  }
  const expected = block.kind === "paragraph"
    ? block.text
    : cellAt(block, e.table!.row, e.table!.col)!.paragraphs.join("\n");
  const at = text.text === expected ? nth(text.text, e.quote, occurrence) : -1;
  if (at < 0 || e.quote === "") return whole(text.part, first, last, NOT_FOUND);
  let i = at, j = at + e.quote.length - 1;
  while (i <= j && !text.chars[i]) i++;
  while (j >= i && !text.chars[j]) j--;
  const start = i <= j ? before(text.chars[i]!) : undefined;
  const end = i <= j ? after(text.chars[j]!) : undefined;
  if (!start || !end || end.pos <= start.pos) return whole(text.part, first, last, NOT_FOUND);
  return { part: text.part, start, end, exact: true };
}

export function whole(part: string, first: ParaInfo, last: ParaInfo, note?: string): Place {
  return { part, start: paragraphStart(first), end: paragraphEnd(last), exact: false, note };
}

/** Index of the n-th (0-based) occurrence, or of the last one when there are fewer. */
function nth(text: string, quote: string, n: number): number {
  let at = text.indexOf(quote);
  for (let k = 0; k < n && at >= 0; k++) {
    const next = text.indexOf(quote, at + 1);
    if (next < 0) break;
    at = next;
  }
  return at;
}

function textOf(
  maps: Map<string, PartMap>,
  part: string,
  groups: number[][],
  joiner: string,
): Text | undefined {
  const map = maps.get(part);
  if (!map) return undefined;
  const out: Text = { part, text: "", chars: [], paras: [] };
  groups.forEach((ords, g) => {
    if (g > 0) (out.text += joiner, out.chars.push(...Array.from(joiner, () => null)));
    for (const o of ords) {
      const p = map.paras.get(o);
      if (!p) continue;
      out.paras.push(p);
      out.text += p.text;
      out.chars.push(...p.chars);
    }
  });
  return out;
}

/** The raw cell a grid slot shows (resolved exactly as src/ingest/grid.ts lays the table out). */
function cellAt(table: RawTable, row: number, col: number): RawCell | undefined {
  let grid = GRIDS.get(table);
  if (!grid) {
    const cells: RawCell[] = [];
    const tagged: RawTable = {
      ...table,
      rows: table.rows.map((r) =>
        r.map((c) => (cells.push(c), { ...c, paragraphs: [String(cells.length - 1)] }))
      ),
    };
    grid = resolveGrid(tagged).grid.map((r) =>
      r.map((s) => (s.text === "" ? undefined : cells[Number(s.text)]))
    );
    GRIDS.set(table, grid);
  }
  return grid[row]?.[col];
}

const GRIDS = new WeakMap<RawTable, (RawCell | undefined)[][]>();
