/** Renders a report model to a .docx with the `docx` package. */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { fullWidth } from "./format.ts";
import { type Grid, projectGrid, questGrid, scoreGrid } from "./grid.ts";
import type { Block, Heading, MergeMode, ReportModel } from "./model.ts";

type Child = Paragraph | Table;

export async function renderDocx(model: ReportModel): Promise<Uint8Array> {
  const children = model.blocks.flatMap((b) => renderBlock(b, model));
  const doc = new Document({ creator: model.unit, sections: [{ children }] });
  return stable(new Uint8Array(await Packer.toArrayBuffer(doc)), `${model.year + 1}-04-01T08:00:00Z`);
}

/** Same bytes for the same model: fixed timestamps in docProps/core.xml and in the zip entries. */
function stable(bytes: Uint8Array, when: string): Uint8Array {
  const files = unzipSync(bytes);
  const core = "docProps/core.xml";
  if (files[core]) {
    files[core] = strToU8(
      strFromU8(files[core]).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${when}`),
    );
  }
  const mtime = new Date(when);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime }]])));
}

function renderBlock(b: Block, model: ReportModel): Child[] {
  switch (b.kind) {
    case "heading":
      return [heading(b, model.layout.heading)];
    case "para":
      return [
        new Paragraph({
          alignment: b.align === "center" ? AlignmentType.CENTER : undefined,
          children: [new TextRun({ text: b.fullWidth ? fullWidth(b.text) : b.text, bold: b.bold })],
        }),
      ];
    case "toc":
      return b.entries.map((e) =>
        new Paragraph({ indent: e.level === 2 ? { left: 420 } : undefined, children: [new TextRun(e.text)] })
      );
    case "score-table":
      return [table(scoreGrid(b), b.mode)];
    case "project-table":
      return [table(projectGrid(b), b.mode)];
    case "quest-table":
      return [table(questGrid(b), b.shape === "grouped-merged" ? "merged" : "blank")];
    case "grid":
      return [table(b.rows, "blank")];
  }
}

function heading(h: Heading, style: ReportModel["layout"]["heading"]): Paragraph {
  const text = h.num + h.title;
  if (style === "word") {
    return new Paragraph({
      heading: h.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      children: [new TextRun(text)],
    });
  }
  return new Paragraph({ children: [new TextRun({ text, bold: style === "bold" })] });
}

const cellOf = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...span });

function table(grid: Grid, mode: MergeMode): Table {
  const rows = grid.map((row, r) => {
    const cells: TableCell[] = [];
    row.forEach((cell, c) => {
      if (typeof cell !== "string") {
        if (mode === "blank") cells.push(cellOf(""));
        return;
      }
      if (mode === "blank") return cells.push(cellOf(cell));
      let columnSpan = 1;
      while (
        c + columnSpan < row.length && grid[r][c + columnSpan] !== cell && isH(grid[r][c + columnSpan])
      ) {
        columnSpan++;
      }
      let rowSpan = 1;
      while (r + rowSpan < grid.length && isV(grid[r + rowSpan][c])) rowSpan++;
      cells.push(
        cellOf(cell, { ...(rowSpan > 1 ? { rowSpan } : {}), ...(columnSpan > 1 ? { columnSpan } : {}) }),
      );
    });
    return new TableRow({ children: cells });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

const isH = (c: Grid[number][number]) => typeof c !== "string" && "h" in c;
const isV = (c: Grid[number][number]) => typeof c !== "string" && "v" in c;
