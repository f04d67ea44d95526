/**
 * Reading a table cell (or a short label fragment) as one number: "12", "12分", "９．５", "\n100".
 * Deliberately tiny: it only accepts a cell that is a number and nothing else (an optional 分/份/人 and
 * spaces); prose with numbers in it is the extractor's job (src/extract/numbers.ts).
 */
import { decimalsOf } from "../../src/extract/tolerance.ts";

export interface CellNumber {
  value: number;
  decimals: number;
  /** The number as written in the cell (exact substring of the cell text). */
  raw: string;
}

const FULL_WIDTH = /[０-９．]/g;

/** Full-width digits and point to ASCII; same length, so offsets are kept. */
export function asciiDigits(s: string): string {
  return s.replace(FULL_WIDTH, (c) => c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const CELL_NUMBER =
  /^[\s\u3000]*([0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*(?:分|份|人|人次|票)?[\s\u3000]*$/;

export function parseCellNumber(text: string): CellNumber | undefined {
  const m = CELL_NUMBER.exec(text);
  if (!m) return undefined;
  const raw = m[1];
  return { value: Number(asciiDigits(raw)), decimals: decimalsOf(raw), raw };
}

/** True when a text is empty once spaces (including the full-width space) are removed. */
export function isBlank(text: string): boolean {
  return text.replace(/[\s\u3000]/g, "") === "";
}

/** Text without any whitespace, for comparing header and label texts. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]/g, "");
}
