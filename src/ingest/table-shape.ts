/**
 * How a table reads to a reviewer, on top of its grid: what each row is (caption, header, a header repeated
 * after a page break, total, subtotal, body), each column's header path and unit, and blank continuation
 * cells (a group label written once and left blank on the rows that follow, without merging).
 * See TableBlock in src/model/document.ts for how checks use it.
 */
import type { Cell, ColumnInfo, RowKind, TableUnit } from "../model/document.ts";
import { NUMERIC } from "./grid.ts";

export interface TableShape {
  rowKinds: RowKind[];
  columns: ColumnInfo[];
  /** Blank cells that continue the label above: [row, col, source row]. */
  continued: [number, number, number][];
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");

const SCALES = new Map<string, number>([
  ["元", 1],
  ["千元", 1e3],
  ["万元", 1e4],
  ["百万元", 1e6],
  ["亿元", 1e8],
]);
const UNIT_WORDS =
  "亿元|百万元|千元|万元|元|%|％|万人次|人次|万人|人|个|项|份|次|分|户|亩|公里|千米|平方米|万平方米|天|件|家|所";
/** "（万元）" "(单位：万元)" "单位:元" in a header cell or a caption line. */
const PAREN_UNIT = new RegExp(`[（(]\\s*(?:金额)?(?:单\\s*位\\s*[:：]\\s*)?(${UNIT_WORDS})\\s*[）)]`);
const STATED_UNIT = new RegExp(`(?:金额)?单\\s*位\\s*[:：]\\s*(${UNIT_WORDS})`);
const RATE_NAME = /(?:率|比例|占比|比重|百分比|增幅|降幅)(?:[（(][^）)]*[）)])?$/;
const TOTAL = /^(?:合计|总计|共计|总合计|本年合计|全年合计|累计)$|^(?!其中).{0,16}(?:合计|总计)$/;
const SUBTOTAL = /^(?!其中).{0,16}小计$/;

/** The unit a caption line or header text states, e.g. "（单位：万元）" → 万元. */
export function statedUnit(text: string): TableUnit | undefined {
  const m = PAREN_UNIT.exec(text) ?? STATED_UNIT.exec(text);
  return m ? unitOf(m[1]) : undefined;
}

function unitOf(raw: string): TableUnit {
  const unit = raw === "％" ? "%" : raw;
  const scale = SCALES.get(unit);
  return scale !== undefined ? { unit, scale } : { unit };
}

const isNumeric = (t: string) => t.trim() !== "" && NUMERIC.test(t);
const blank = (c: Cell) => c.text.trim() === "";
/** A figure, possibly with a short unit: "100", "100分", "95%". */
const numberish = (t: string) => /[0-9０-９]/.test(t) && squash(t).length <= 8;
/** A figure with a unit other than %: "12处", "46.3公里", "≥2.4万人", "7.6万元/公里". */
const OTHER_UNIT_FIGURE = /^[≥≤<>＞＜]?[0-9０-９][0-9０-９.．,，]*[\u4e00-\u9fff][\u4e00-\u9fff/]{0,5}$/;

/** A leading row holding only a "单位：万元" caption (one cell spanning the table, or one non-blank cell). */
function captionRow(row: Cell[]): TableUnit | undefined {
  const texts = new Set(row.filter((c) => !blank(c)).map((c) => c.text));
  if (texts.size !== 1) return undefined;
  const t = [...texts][0];
  return t.length <= 40 && STATED_UNIT.test(t) ? statedUnit(t) : undefined;
}

function rowLabel(row: Cell[]): string {
  for (const c of row.slice(0, 3)) if (!blank(c) && !isNumeric(c.text)) return squash(c.text);
  return "";
}

export function tableShape(grid: Cell[][], headerRows: number, caption?: TableUnit): TableShape {
  const rowCount = grid.length;
  const rowKinds: RowKind[] = grid.map((_, r) => (r < headerRows ? "header" : "body"));
  let tableUnit = caption;
  for (let r = 0; r < headerRows; r++) {
    const u = captionRow(grid[r]);
    if (!u) break;
    rowKinds[r] = "caption";
    tableUnit ??= u;
  }
  const headerKeys = grid.slice(0, headerRows).filter((_, r) => rowKinds[r] === "header")
    .map((row) => row.map((c) => squash(c.text)).join("|"));
  for (let r = headerRows; r < rowCount; r++) {
    const row = grid[r];
    const key = row.map((c) => squash(c.text)).join("|");
    const filled = row.filter((c) => !blank(c)).length;
    if (filled >= 2 && headerKeys.includes(key) && !row.some((c) => isNumeric(c.text))) {
      rowKinds[r] = "repeated-header";
      continue;
    }
    const label = rowLabel(row);
    if (label && SUBTOTAL.test(label)) rowKinds[r] = "subtotal";
    else if (label && TOTAL.test(label)) rowKinds[r] = "total";
  }
  const columns = columnInfo(grid, headerRows, rowKinds, tableUnit);
  return { rowKinds, columns, continued: continuations(grid, rowKinds, columns) };
}

/** Header path of each column, unmerged group headers ("预算执行情况" over blank cells) spread right. */
function headerPaths(grid: Cell[][], rowKinds: RowKind[]): string[][] {
  const colCount = grid[0]?.length ?? 0;
  const rows = rowKinds.flatMap((k, r) => (k === "header" ? [r] : []));
  return Array.from({ length: colCount }, (_, c) => {
    const path: string[] = [];
    rows.forEach((r, i) => {
      let t = grid[r][c].text.trim();
      const below = rows[i + 1];
      if (t === "" && below !== undefined && !blank(grid[below][c])) {
        for (let k = c - 1; k >= 0; k--) {
          if (blank(grid[r][k])) continue;
          if (!blank(grid[below][k])) t = grid[r][k].text.trim(); // a group header over sub-headers
          break;
        }
      }
      if (t !== "" && path[path.length - 1] !== t) path.push(t);
    });
    return path;
  });
}

function columnInfo(
  grid: Cell[][],
  headerRows: number,
  rowKinds: RowKind[],
  tableUnit: TableUnit | undefined,
): ColumnInfo[] {
  const paths = headerPaths(grid, rowKinds);
  return paths.map((path, c) => {
    const info: ColumnInfo = { header: path[path.length - 1] ?? "", path };
    const body = grid.slice(headerRows).filter((_, i) => rowKinds[i + headerRows] !== "repeated-header")
      .map((row) => row[c].text.trim()).filter((t) => t !== "");
    const numeric = body.filter(isNumeric);
    info.numeric = body.length > 0 && numeric.length * 2 >= body.length;
    const own = path.length ? statedUnit(path[path.length - 1]) : undefined;
    const group = path.slice(0, -1).reverse().map(statedUnit).find((u) => u !== undefined);
    const rate = path.length > 0 && RATE_NAME.test(squash(path[path.length - 1]));
    const percentCells = numeric.filter((t) => /[%％]\s*$/.test(t)).length;
    // A column whose cells also state other units (a 自评表's 实际完成值: 12处, 96.5%, and the 全年执行数
    // 497.64 of the budget rows above) mixes quantities: its bare numbers are not percentages.
    const mixed = body.some((t) => OTHER_UNIT_FIGURE.test(squash(t)));
    let unit: TableUnit | undefined;
    if (own) (unit = own, info.unitSource = "header");
    else if (rate || (percentCells > 0 && numeric.length > 0 && !mixed)) {
      unit = { unit: "%" };
      info.unitSource = rate ? "rate-name" : "cells";
    } else if (group) (unit = group, info.unitSource = "group-header");
    else if (tableUnit && info.numeric) (unit = tableUnit, info.unitSource = "caption");
    if (unit) {
      info.unit = unit.unit;
      if (unit.scale !== undefined) info.scale = unit.scale;
    }
    return info;
  });
}

/**
 * Blank, unmerged cells in the leading label columns of a body row continue the label above, when every
 * label cell to their left is continued (or merged from above) too and the row has content further right.
 */
function continuations(
  grid: Cell[][],
  rowKinds: RowKind[],
  columns: ColumnInfo[],
): [number, number, number][] {
  const out: [number, number, number][] = [];
  // Label columns: up to the first numeric column that follows a text column (a leading 序号 is a label).
  const firstText = columns.findIndex((c) => !c.numeric);
  const labels = firstText < 0 ? 0 : columns.findIndex((c, k) => k > firstText && c.numeric);
  if (labels < 0) return out;
  const source = new Map<string, number>();
  for (let r = 1; r < grid.length; r++) {
    if (rowKinds[r] !== "body" || rowKinds[r - 1] !== "body") continue;
    for (let c = 0; c < labels; c++) {
      const cell = grid[r][c];
      const merged = cell.anchorRow < r;
      if (merged) continue;
      if (!blank(cell) || cell.colspan > 1) break;
      // The row has its own label further right (a totals row of bare figures continues nothing).
      if (!grid[r].slice(c + 1, labels).some((x) => !blank(x) && !numberish(x.text))) break;
      const above = grid[r - 1][c];
      const from = source.get(`${r - 1},${c}`) ?? (blank(above) ? undefined : above.anchorRow);
      if (from === undefined) break;
      source.set(`${r},${c}`, from);
      out.push([r, c, from]);
    }
  }
  return out;
}
