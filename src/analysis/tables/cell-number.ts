/**
 * Reading a table cell (or a short label fragment) as one number: "12", "12分", "９．５", "\n100".
 * Deliberately strict: the cell must be one plain number and nothing else (an optional 分/份/人/人次/票 and
 * spaces). The number itself is read by src/extract/numbers.ts.
 */
import { findNumbers } from "../../extract/numbers.ts";

export interface CellNumber {
  value: number;
  decimals: number;
  /** The number as written in the cell (exact substring of the cell text). */
  raw: string;
}

/** Units a number cell may carry, as written (名 and other spellings of 人 are not taken). */
const CELL_UNITS = new Set(["", "分", "份", "人", "人次"]);
/** A vote count (12票): 票 is no unit of numbers.ts, so it is taken off before reading the number. */
const VOTES = /票[\s\u3000]*$/;
/** Plain digits with an optional decimal part: no sign, no thousands separator. */
const PLAIN = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/;

/** A cell number has at least one digit: most label and text cells are rejected without a parse. */
const DIGIT = /[0-9０-９]/;

export function parseCellNumber(text: string): CellNumber | undefined {
  if (!DIGIT.test(text)) return undefined;
  // One space at most, as numbers.ts allows between a number and its unit (a cell may break "20\n分").
  const t = text.replace(VOTES, "").replace(/[\s\u3000]+/g, " ");
  const found = findNumbers(t);
  if (found.length !== 1) return undefined;
  const n = found[0];
  if (n.approx !== "exact" || n.range || n.chineseNumeral || !CELL_UNITS.has(n.writtenUnit)) return undefined;
  if (!isBlank(t.slice(0, n.start) + t.slice(n.end))) return undefined;
  const raw = n.raw.slice(0, n.raw.length - n.writtenUnit.length).trimEnd();
  if (!PLAIN.test(raw)) return undefined;
  return { value: n.stated, decimals: n.decimals, raw };
}

/** True when a text is empty once spaces (including the full-width space) are removed. */
export function isBlank(text: string): boolean {
  return text.replace(/[\s\u3000]/g, "") === "";
}

/** Text without any whitespace, for comparing header and label texts. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]/g, "");
}
