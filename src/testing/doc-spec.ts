/**
 * Small documents for tests and for the runnable examples of rule docs, built directly as a Document (no reader, no builder), so that a check's tests
 * depend only on the model. Use `h(level, "一、标题")` for headings, plain strings for paragraphs and
 * `table([...rows])` for tables (no merges) or `tableWithMerges` for merged cells.
 */
import type { Block, Cell, Document, HeadingBlock, Section, TableBlock } from "../model/document.ts";
import { rootSection } from "../ingest/build.ts";
import { parseMarker } from "../ingest/headings.ts";

export type DocSpec =
  | string
  | { text: string; role: "title" | "toc" | "toc-heading" }
  | { heading: string; level: number }
  | { rows: string[][]; merges?: Merge[]; headerRows?: number };

/** A merged cell: anchor at row/col spanning rowspan × colspan slots. */
export interface Merge {
  row: number;
  col: number;
  rowspan?: number;
  colspan?: number;
}

export function h(level: number, heading: string): DocSpec {
  return { heading, level };
}

/** A line of the table of contents. */
export function toc(text: string): DocSpec {
  return { text, role: "toc" };
}

export function table(rows: string[][], merges: Merge[] = [], headerRows = 1): DocSpec {
  return { rows, merges, headerRows };
}

export function makeDoc(specs: DocSpec[], meta: Partial<Document["meta"]> = {}): Document {
  const blocks: Block[] = [];
  const root = rootSection();
  const sections: Record<string, Section> = { s0: root };
  const stack: Section[] = [root];
  let tableIndex = 0;
  for (const spec of specs) {
    const index = blocks.length;
    if (typeof spec === "string" || "role" in spec) {
      const cur = stack[stack.length - 1];
      const [text, role] = typeof spec === "string" ? [spec, undefined] : [spec.text, spec.role];
      blocks.push({
        kind: "paragraph",
        index,
        text,
        origin: "body",
        section: cur.id,
        ...(role ? { role } : {}),
      });
      cur.blocks.push(index);
    } else if ("heading" in spec) {
      while (stack.length > 1 && stack[stack.length - 1].level >= spec.level) stack.pop();
      const parent = stack[stack.length - 1];
      const id = `s${Object.keys(sections).length}`;
      const m = parseMarker(spec.heading);
      const sec: Section = {
        id,
        title: spec.heading,
        level: spec.level,
        headingBlock: index,
        parent: parent.id,
        children: [],
        blocks: [index],
        path: [...parent.path, spec.heading],
      };
      sections[id] = sec;
      parent.children.push(id);
      stack.push(sec);
      const hb: HeadingBlock = {
        kind: "heading",
        index,
        text: spec.heading,
        origin: "body",
        section: id,
        level: spec.level,
        number: m ? m.number : { style: "none", value: 0, raw: "" },
        title: m ? m.title : spec.heading,
        source: "style",
      };
      blocks.push(hb);
    } else {
      const cur = stack[stack.length - 1];
      blocks.push(makeTable(spec.rows, spec.merges ?? [], spec.headerRows ?? 1, index, tableIndex++, cur.id));
      cur.blocks.push(index);
    }
  }
  return {
    meta: { title: null, year: null, unit: null, reader: "test", ...meta },
    blocks,
    sections,
    diagnostics: [],
  };
}

/** rows give the text of every slot; a merge copies its anchor's text into the covered slots. */
function makeTable(
  rows: string[][],
  merges: Merge[],
  headerRows: number,
  index: number,
  tableIndex: number,
  section: string,
): TableBlock {
  const colCount = Math.max(0, ...rows.map((r) => r.length));
  const grid: Cell[][] = rows.map((r, row) =>
    Array.from({ length: colCount }, (_, col) => ({
      row,
      col,
      anchorRow: row,
      anchorCol: col,
      rowspan: 1,
      colspan: 1,
      text: r[col] ?? "",
    }))
  );
  for (const m of merges) {
    const rs = m.rowspan ?? 1, cs = m.colspan ?? 1;
    const anchor = grid[m.row][m.col];
    anchor.rowspan = rs;
    anchor.colspan = cs;
    for (let r = m.row; r < m.row + rs; r++) {
      for (let c = m.col; c < m.col + cs; c++) {
        if (r === m.row && c === m.col) continue;
        grid[r][c] = {
          ...grid[r][c],
          anchorRow: m.row,
          anchorCol: m.col,
          rowspan: rs,
          colspan: cs,
          text: anchor.text,
        };
      }
    }
  }
  return {
    kind: "table",
    index,
    tableIndex,
    origin: "body",
    section,
    rowCount: rows.length,
    colCount,
    grid,
    headerRows,
  };
}
