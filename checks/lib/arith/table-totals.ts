/**
 * 合计/小计/总计 rows of tables: each numeric column of such a row should equal the sum of the rows above it
 * (back to the header or the previous total row), or, for a 合计 row right under the header, of the rows
 * below it. Rows that break down the row above them are not summed: rows labelled 其中…, and runs of rows
 * right under a row whose values they add up to (基本支出 500 / 人员经费 400 / 公用经费 100). A blank cell
 * (or a dash) is read as 0, which only a sum short of the total rests on. A 合计 column is the sum of the
 * numeric columns on its far side (项目 | 财政拨款 | 其他资金 | 合计, or 项目 | 合计 | 基本支出 | 项目支出).
 */
import { startsWithOne, SUB_PART_LABELS, TABLE_TOTAL_LABELS } from "../../../src/analysis/vocab.ts";
import type { TableBlock } from "../../../src/model/document.ts";
import type { Figure } from "../../../src/model/figure.ts";
import { findNumbers, isRateUnit } from "../../../src/extract/numbers.ts";
import { halfUnit } from "../../../src/extract/tolerance.ts";
import type { Total } from "./totals.ts";
import { parseMarker } from "../../../src/ingest/headings.ts";

const TOTAL_LABEL = startsWithOne(TABLE_TOTAL_LABELS);
const SUB_PART = startsWithOne(SUB_PART_LABELS);
/** The header of a 合计 column (合计, 合计（万元）, 总计). */
const TOTAL_HEADER = /^(?:合计|总计|总合计)(?:[（(].*[）)])?$/;
/** Columns whose values are not additive (rates, averages, serial numbers, years). */
const NON_ADDITIVE_HEADER =
  /率|比例|比重|占比|%|％|平均|均值|单价|序号|编号|编码|代码|年度|年份|排名|得分率|指数/;

function compact(s: string): string {
  return s.replace(/\s+/g, "");
}

/** The single figure that is the whole content of a cell, if any. */
function cellFigure(
  t: TableBlock,
  cells: Map<string, Figure[]>,
  row: number,
  col: number,
): Figure | undefined {
  const cell = t.grid[row]?.[col];
  if (!cell || cell.anchorRow !== row || cell.anchorCol !== col) return undefined;
  const figs = cells.get(`${row}:${col}`) ?? cellNumbers(t, row, col);
  if (figs.length !== 1) return undefined;
  return compact(cell.text) === compact(figs[0].raw) ? figs[0] : undefined;
}

/** Numbers of a cell the extractor did not cover, read with the extractor's own number parser. */
function cellNumbers(t: TableBlock, row: number, col: number): Figure[] {
  const text = t.grid[row][col].text;
  return findNumbers(text).map((n) => ({
    value: n.value,
    stated: n.stated,
    decimals: n.decimals,
    unit: n.unit,
    writtenUnit: n.writtenUnit,
    scale: n.scale,
    approx: n.approx,
    range: n.range,
    raw: n.raw,
    subject: "",
    quote: text,
    loc: { block: t.index, table: { index: t.tableIndex, row, col }, start: n.start, end: n.end },
    chineseNumeral: n.chineseNumeral,
  }));
}

/** The label of a row: its first non-empty anchor cell (where 合计 or 其中 is written). */
function labelOf(t: TableBlock, row: number): { text: string; col: number } | undefined {
  for (const cell of t.grid[row] ?? []) {
    if (cell.anchorRow !== row) continue;
    const text = compact(cell.text);
    if (text) return { text, col: cell.col };
  }
  return undefined;
}

/** A cell that states nothing, read as 0: empty, or a dash or slash. */
const BLANK = /^(?:|[-－—–─/／]+|[-－—–─]?0?[-－—–─]?)$/;
const BLANK_ASSUMPTION = "已假设空白单元格为0";

type Slot = Figure | "blank" | undefined;

function slot(t: TableBlock, cells: Map<string, Figure[]>, row: number, col: number): Slot {
  const cell = t.grid[row]?.[col];
  if (cell && cell.anchorRow === row && cell.anchorCol === col && BLANK.test(compact(cell.text))) {
    return compact(cell.text) === "0" ? cellFigure(t, cells, row, col) : "blank";
  }
  return cellFigure(t, cells, row, col);
}

function headerOf(t: TableBlock, c: number): string {
  return compact(Array.from({ length: t.headerRows }, (_, h) => t.grid[h]?.[c]?.text ?? "").join(""));
}

function additive(t: TableBlock, c: number): boolean {
  return !NON_ADDITIVE_HEADER.test(headerOf(t, c));
}

/** Rows that add up to the row right above them, as a run (基本支出 / 人员经费 / 公用经费): its breakdown. */
function breakdownRows(rows: number[], value: (k: number) => number | undefined, tol: number): Set<number> {
  const children = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const parent = value(rows[i]);
    if (parent === undefined || parent === 0) continue;
    let sum = 0;
    for (let j = i + 1; j < rows.length; j++) {
      const v = value(rows[j]);
      if (v === undefined) break;
      sum += v;
      if (j >= i + 2 && Math.abs(sum - parent) <= tol) {
        for (let k = i + 1; k <= j; k++) children.add(rows[k]);
        i = j;
        break;
      }
      if (sum > parent + tol) break;
    }
  }
  return children;
}

/** The terms of one column of a total row: blanks as 0, rows that break down another row left out. */
function columnTerms(
  t: TableBlock,
  cells: Map<string, Figure[]>,
  rows: number[],
  c: number,
  whole: Figure,
): { terms: Figure[]; blanks: boolean; nested: boolean; subParts: boolean } | undefined {
  const slots = rows.map((k) => slot(t, cells, k, c));
  if (slots.some((p) => !p || (p !== "blank" && p.unit !== whole.unit))) return undefined;
  const value = (k: number) => {
    const p = slots[rows.indexOf(k)];
    return p === "blank" ? 0 : p ? p.value : undefined;
  };
  const tol = halfUnit(Math.max(0, ...slots.map((p) => (p === "blank" || !p) ? 0 : p.decimals))) *
    (whole.scale || 1);
  // A 其中 row and the rows after it that complete the breakdown of the row above; alone when they don't.
  const subRows = rows.filter((k) => SUB_PART.test(labelOf(t, k)?.text ?? ""));
  // Nesting is only read when the rows taken flat do not already add up to the total.
  const flat = rows.filter((k) => !subRows.includes(k)).reduce((t, k) => t + (value(k) ?? 0), 0);
  const flatMatches = Math.abs(flat - whole.value) <= tol + halfUnit(whole.decimals) * (whole.scale || 1);
  const children = flatMatches ? new Set<number>() : breakdownRows(rows, value, tol);
  const nested = [...children].some((k) => !subRows.includes(k));
  const kept = rows.filter((k) => !children.has(k) && !subRows.includes(k));
  const subParts = subRows.some((k) => !children.has(k));
  const terms: Figure[] = [];
  let blanks = false;
  for (const k of kept) {
    const p = slots[rows.indexOf(k)];
    if (p === "blank") blanks = true;
    else terms.push(p!);
  }
  return { terms, blanks, nested, subParts };
}

/** Numbering of different ranks among the rows (一、 with unnumbered or （一） rows): a tree, not a list. */
function levelled(t: TableBlock, rows: number[]): boolean {
  const ranks = new Set(rows.map((k) => parseMarker(labelOf(t, k)?.text ?? "")?.level ?? -1));
  return ranks.size > 1;
}

export function tableTotals(t: TableBlock, figures: Figure[]): Total[] {
  const cells = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.loc.block !== t.index || !f.loc.table) continue;
    const key = `${f.loc.table.row}:${f.loc.table.col}`;
    cells.set(key, [...(cells.get(key) ?? []), f]);
  }
  return [...rowTotals(t, cells), ...columnTotals(t, cells), ...aboveItsParts(t, cells)];
}

/** A row naming a whole (年度资金总额, 收入总额) that its 其中 rows break down right below it. */
const WHOLE_LABEL = /总额$|总额[（(].*[）)]$/;
const UNDER_ASSUMPTION = "已假设“其中”以下各行列全了该总额的组成部分";

/**
 * A 总额 row followed by a 其中 row and the rows after it up to one without a figure in the column (a
 * 自评表's 年度资金总额 / 其中：财政拨款 / 其他资金, then 年度总体目标): parts above the whole are certain, a sum
 * short of it may be an incomplete list (an assumption). Another 其中 or a total label ends the reading.
 */
function aboveItsParts(t: TableBlock, cells: Map<string, Figure[]>): Total[] {
  const out: Total[] = [];
  for (let r = t.headerRows; r + 2 < t.rowCount; r++) {
    const label = labelOf(t, r);
    if (!label || !WHOLE_LABEL.test(label.text) || TOTAL_LABEL.test(label.text)) continue;
    if (!SUB_PART.test(labelOf(t, r + 1)?.text ?? "")) continue;
    for (let c = 0; c < t.colCount; c++) {
      if (c <= label.col || !additive(t, c)) continue;
      const whole = cellFigure(t, cells, r, c);
      if (!whole || isRateUnit(whole.unit)) continue;
      const terms: Figure[] = [];
      let k = r + 1;
      for (; k < t.rowCount; k++) {
        const l = labelOf(t, k)?.text ?? "";
        if (k > r + 1 && (SUB_PART.test(l) || TOTAL_LABEL.test(l) || WHOLE_LABEL.test(l))) break;
        const p = cellFigure(t, cells, k, c);
        if (!p || p.unit !== whole.unit) break;
        terms.push(p);
      }
      const next = t.grid[k]?.[c];
      // The run must end the table or meet a row without a figure there (no half-read list).
      if (terms.length < 2 || (next && next.anchorRow === k && cellNumbers(t, k, c).length > 0)) continue;
      // Rows that already add up to the whole before the run ends: the rest is something else (基本支出 …).
      const tol = halfUnit(Math.max(whole.decimals, ...terms.map((f) => f.decimals))) * terms.length *
        (whole.scale || 1);
      let acc = terms[0].value;
      if (terms.slice(1, -1).some((f) => Math.abs((acc += f.value) - whole.value) <= tol)) continue;
      out.push({
        whole,
        terms: terms.map((figure) => ({ figure, sign: 1 as const })),
        quote: whole.quote,
        loc: whole.loc,
        what: `表中「${label.text}」行以下“其中”各行之和`,
        certain: true,
        assume: { under: UNDER_ASSUMPTION },
      });
    }
  }
  return out;
}

function rowTotals(t: TableBlock, cells: Map<string, Figure[]>): Total[] {
  const out: Total[] = [];
  let segmentStart = t.headerRows;
  let subtotals: number[] = [];
  const totalRows: number[] = [];
  for (let r = t.headerRows; r < t.rowCount; r++) {
    const label = labelOf(t, r);
    if (label && TOTAL_LABEL.test(label.text)) totalRows.push(r);
  }
  for (const r of totalRows) {
    const label = labelOf(t, r)!;
    let rows: number[] = [];
    for (let k = segmentStart; k < r; k++) rows.push(k);
    segmentStart = r + 1;
    const isSubtotal = label.text.startsWith("小计");
    let what = `表中「${label.text}」行以上各行之和`;
    let assumption: string | undefined;
    if (isSubtotal) subtotals.push(r);
    else {
      // 合计 right under its 小计 rows adds up the subtotals.
      if (rows.length === 0 && subtotals.length >= 2) {
        rows = subtotals;
        what = `表中各「小计」行之和`;
      }
      subtotals = [];
    }
    // 合计 right under the header, the only total row: the sum of the rows below it.
    if (rows.length === 0 && r === t.headerRows && totalRows.length === 1 && !isSubtotal) {
      for (let k = r + 1; k < t.rowCount; k++) rows.push(k);
      what = `表中「${label.text}」行以下各行之和`;
      assumption = `已假设「${label.text}」行以下各行均为其分项`;
    }
    if (rows.length < 2) continue;
    const tree = levelled(t, rows);
    for (let c = 0; c < t.colCount; c++) {
      if (c === label.col || !additive(t, c)) continue;
      const whole = cellFigure(t, cells, r, c);
      if (!whole || isRateUnit(whole.unit)) continue;
      const col = columnTerms(t, cells, rows, c, whole);
      if (!col || col.terms.length === 0) continue;
      const notes = [
        assumption,
        col.subParts ? "已假设以“其中”开头的行是上一行的细分项、不计入合计" : undefined,
        col.nested ? "已假设紧随某行且合计等于该行的各行是其细分项、不计入合计" : undefined,
        tree && !col.nested ? "表中各行编号层级不同，已假设各行为并列分项" : undefined,
      ].filter((x): x is string => !!x);
      out.push({
        whole,
        terms: col.terms.map((figure) => ({ figure, sign: 1 as const })),
        quote: whole.quote,
        loc: whole.loc,
        what,
        certain: notes.length === 0,
        assumption: notes.length ? notes.join("；") : undefined,
        ...(col.blanks ? { assume: { under: BLANK_ASSUMPTION } } : {}),
      });
    }
  }
  return out;
}

/**
 * A 合计 column: each row's value there against the numeric columns on its far side, when it stands at one
 * end of them (last: the columns before it; first: the columns after it). Headers of one level only, and
 * no 其中/小计 column among the parts (a column of sub-parts is no sibling).
 */
function columnTotals(t: TableBlock, cells: Map<string, Figure[]>): Total[] {
  if (t.headerRows < 1 || t.headerRows > 2) return [];
  const out: Total[] = [];
  const body = Array.from({ length: t.rowCount - t.headerRows }, (_, i) => t.headerRows + i);
  const labelCols = new Set(body.map((r) => labelOf(t, r)?.col ?? -1));
  const numeric = Array.from({ length: t.colCount }, (_, c) => c).filter((c) =>
    !labelCols.has(c) && additive(t, c) && body.some((r) => cellFigure(t, cells, r, c)) &&
    t.grid[0]?.[c]?.anchorCol === c
  );
  for (const tc of numeric) {
    const header = headerOf(t, tc);
    if (!TOTAL_HEADER.test(header)) continue;
    const at = numeric.indexOf(tc);
    const parts = at === numeric.length - 1 ? numeric.slice(0, at) : at === 0 ? numeric.slice(1) : [];
    if (parts.length < 2) continue;
    if (parts.some((c) => /其中|小计|合计|总计|含/.test(headerOf(t, c)))) continue;
    for (const r of body) {
      const whole = cellFigure(t, cells, r, tc);
      if (!whole || isRateUnit(whole.unit)) continue;
      const slots = parts.map((c) => slot(t, cells, r, c));
      if (slots.some((p) => !p || (p !== "blank" && p.unit !== whole.unit))) continue;
      const terms = slots.filter((p): p is Figure => p !== "blank");
      if (terms.length === 0) continue;
      const blanks = terms.length < slots.length;
      out.push({
        whole,
        terms: terms.map((figure) => ({ figure, sign: 1 as const })),
        quote: whole.quote,
        loc: whole.loc,
        what: `表中「${labelOf(t, r)?.text ?? ""}」行各列之和`,
        certain: true,
        ...(blanks ? { assume: { under: BLANK_ASSUMPTION } } : {}),
      });
    }
  }
  return out;
}
