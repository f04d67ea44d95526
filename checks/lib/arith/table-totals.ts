/**
 * 合计/小计/总计 rows of tables: each numeric column of such a row should equal the sum of the rows above it
 * (back to the header or the previous total row). Rows labelled 其中… are sub-parts and are not summed.
 */
import { startsWithOne, SUB_PART_LABELS, TABLE_TOTAL_LABELS } from "../../../src/analysis/vocab.ts";
import type { TableBlock } from "../../../src/model/document.ts";
import type { Figure } from "../../../src/model/figure.ts";
import { findNumbers, isRateUnit } from "../../../src/extract/numbers.ts";
import type { Total } from "./totals.ts";

const TOTAL_LABEL = startsWithOne(TABLE_TOTAL_LABELS);
const SUB_PART = startsWithOne(SUB_PART_LABELS);
/** Columns whose values are not additive (rates, averages, serial numbers, years). */
const NON_ADDITIVE_HEADER = /率|比例|比重|占比|%|％|平均|均值|单价|序号|编号|年度|年份|排名|得分率|指数/;

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

export function tableTotals(t: TableBlock, figures: Figure[]): Total[] {
  const cells = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.loc.block !== t.index || !f.loc.table) continue;
    const key = `${f.loc.table.row}:${f.loc.table.col}`;
    cells.set(key, [...(cells.get(key) ?? []), f]);
  }
  const out: Total[] = [];
  let segmentStart = t.headerRows;
  let subtotals: number[] = [];
  for (let r = t.headerRows; r < t.rowCount; r++) {
    const label = labelOf(t, r);
    if (!label || !TOTAL_LABEL.test(label.text)) continue;
    let rows: number[] = [];
    let hasSubParts = false;
    for (let k = segmentStart; k < r; k++) {
      if (SUB_PART.test(labelOf(t, k)?.text ?? "")) hasSubParts = true;
      else rows.push(k);
    }
    segmentStart = r + 1;
    const isSubtotal = label.text.startsWith("小计");
    let what = `表中「${label.text}」行以上各行之和`;
    if (isSubtotal) subtotals.push(r);
    else {
      // 合计 right under its 小计 rows adds up the subtotals.
      if (rows.length === 0 && subtotals.length >= 2) {
        rows = subtotals;
        what = `表中各「小计」行之和`;
      }
      subtotals = [];
    }
    if (rows.length < 2) continue;
    for (let c = 0; c < t.colCount; c++) {
      if (c === label.col) continue;
      const header = Array.from({ length: t.headerRows }, (_, h) => t.grid[h]?.[c]?.text ?? "").join("");
      if (NON_ADDITIVE_HEADER.test(header)) continue;
      const whole = cellFigure(t, cells, r, c);
      if (!whole || isRateUnit(whole.unit)) continue;
      const parts = rows.map((k) => cellFigure(t, cells, k, c));
      if (parts.some((p) => !p || p.unit !== whole.unit)) continue;
      out.push({
        whole,
        terms: parts.map((figure) => ({ figure: figure!, sign: 1 as const })),
        quote: whole.quote,
        loc: whole.loc,
        what,
        certain: !hasSubParts,
        assumption: hasSubParts ? "已假设以“其中”开头的行是上一行的细分项、不计入合计" : undefined,
      });
    }
  }
  return out;
}
