/**
 * Limits on table size. A table past them is refused with a clear message rather than read: 40 000 rows
 * once overflowed the call stack in extraction, and a million took 40 s and 3.8 GB. The limits sit far
 * above any table of a performance report (an indicator table has tens of rows, a 决算表 a few hundred).
 */
import { IngestError } from "./errors.ts";

export const TABLE_LIMITS = {
  /** Rows of one table (or CSV file). */
  maxRows: 20_000,
  /** Grid columns of one table (after column spans). */
  maxCols: 1_000,
  /** Grid slots (rows × columns) of one table. */
  maxCells: 400_000,
};

/** Thrown where no file name is at hand (the grid builder); readDocument names the file. */
export class TableTooLarge extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = "TableTooLarge";
  }
}

export function tableTooLarge(file: string, what: string): IngestError {
  return new IngestError(
    "too-large",
    `文件“${file}”中的表格过大（${what}），超出本工具的处理上限` +
      `（每个表格最多 ${TABLE_LIMITS.maxRows} 行、${TABLE_LIMITS.maxCols} 列、${TABLE_LIMITS.maxCells} 个单元格）。` +
      `请将表格拆分为若干较小的表格或文件，或只保留需要审核的部分后再试。`,
    file,
  );
}

export function tooManyRows(file: string, rows: number | string): IngestError {
  return tableTooLarge(file, `${rows} 行`);
}
