/**
 * Merged cells → a full rows × cols grid, as an HTML table lays them out: a cell covered by a rowspan from
 * above is absent from its row, every slot of the grid knows its anchor, ragged rows are padded.
 */
import type { Cell } from "../model/document.ts";
import type { RawCell, RawTable } from "../model/raw.ts";
import { TABLE_LIMITS, TableTooLarge } from "./limits.ts";

export interface Grid {
  rowCount: number;
  colCount: number;
  grid: Cell[][];
}

/** Throws TableTooLarge past TABLE_LIMITS (rows, grid columns, slots), before the grid is allocated. */
export function resolveGrid(table: RawTable, limits = TABLE_LIMITS): Grid {
  const rowCount = table.rows.length;
  if (rowCount > limits.maxRows) throw new TableTooLarge(`${rowCount} 行`);
  const slots: (Cell | undefined)[][] = Array.from({ length: rowCount }, () => []);
  let colCount = 0;
  let work = 0; // slots visited: overlapping spans (malformed input) revisit slots
  table.rows.forEach((cells, r) => {
    let c = 0;
    for (const raw of cells) {
      while (slots[r][c]) c++;
      const colspan = Math.min(Math.max(1, Math.floor(raw.colspan || 1)), limits.maxCols + 1);
      // A rowspan running past the last row is cut at the table's end.
      const rowspan = Math.min(Math.max(1, Math.floor(raw.rowspan || 1)), rowCount - r);
      const cols = Math.max(colCount, c + colspan);
      work += rowspan * colspan;
      if (cols > limits.maxCols || cols * rowCount > limits.maxCells || work > 4 * limits.maxCells) {
        throw new TableTooLarge(`${rowCount} 行 × ${cols} 列`);
      }
      const text = cellText(raw);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          const row = r + dr, col = c + dc;
          // Overlapping spans (malformed input): the first cell placed keeps the slot.
          if (slots[row][col]) continue;
          slots[row][col] = { row, col, anchorRow: r, anchorCol: c, rowspan, colspan, text };
        }
      }
      c += colspan;
      colCount = Math.max(colCount, c);
    }
    colCount = Math.max(colCount, slots[r].length);
  });
  const grid = slots.map((row, r) =>
    Array.from(
      { length: colCount },
      (_, c) => row[c] ?? { row: r, col: c, anchorRow: r, anchorCol: c, rowspan: 1, colspan: 1, text: "" },
    )
  );
  return { rowCount, colCount, grid };
}

export function cellText(cell: RawCell): string {
  return cell.paragraphs.join("\n");
}

export const NUMERIC = /^[\s\-+−.,，%％０-９0-9.．]*[0-9０-９][\s\-+−.,，%％０-９0-9.．]*$/;

/**
 * Leading header rows: what the reader marked (Word's "repeat as header row"), else 1, extended over the
 * rows the first row's cells span down, and over a second row when the first groups columns (a cell spanning
 * some but not all columns) and the second holds no figures.
 */
export function headerRowCount(grid: Grid, marked?: number): number {
  if (grid.rowCount === 0) return 0;
  if (marked && marked > 0) return Math.min(marked, grid.rowCount);
  // A leading "单位：万元" caption row is not a header but is skipped with them.
  const caption = grid.rowCount > 2 && isCaptionRow(grid.grid[0]) ? 1 : 0;
  const first = grid.grid[caption];
  let rows = 1;
  for (const c of first) rows = Math.max(rows, c.rowspan);
  const groups = first.some((c) => c.colspan > 1 && c.colspan < grid.colCount);
  if (rows === 1 && grid.rowCount > caption + 2) {
    const second = grid.grid[caption + 1];
    if (groups && second.every((c) => !NUMERIC.test(c.text))) rows = 2;
    else if (spreadGroupHeader(first, second, grid.grid[caption + 2])) rows = 2;
  }
  // A label column spanning the whole table is not a header.
  return caption + rows >= grid.rowCount ? 1 : caption + rows;
}

const blankCell = (c: Cell) => c.text.trim() === "";

/** One non-blank text in the row, and it states a unit ("单位：万元"). */
function isCaptionRow(row: Cell[]): boolean {
  const texts = new Set(row.filter((c) => !blankCell(c)).map((c) => c.text));
  return texts.size === 1 && [...texts][0].length <= 40 && /单\s*位\s*[:：]/.test([...texts][0]);
}

/**
 * An unmerged two-row header: the first row leaves blank the cells a group header covers ("预算执行情况"
 * then blanks), the second fills them with sub-headers (预算数/执行数/执行率) and holds no figures, and the
 * row after it does.
 */
function spreadGroupHeader(first: Cell[], second: Cell[], third: Cell[]): boolean {
  const plain = (c: Cell) => c.rowspan === 1 && c.colspan === 1;
  let gaps = 0;
  for (let c = 1; c < first.length; c++) {
    if (!blankCell(first[c]) || !plain(first[c])) continue;
    if (blankCell(second[c]) || blankCell(first[c - 1]) && gaps === 0) return false;
    gaps++;
  }
  return gaps > 0 && !blankCell(first[0]) && second.every((c) => !NUMERIC.test(c.text)) &&
    third.some((c) => NUMERIC.test(c.text));
}
