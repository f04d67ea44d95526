/**
 * A CSV export of a table (e.g. an indicator table saved from Excel) as a one-table RawDocument.
 * Encodings: UTF-8 with or without BOM, UTF-16 with or without BOM, and GB18030 (what Chinese Excel writes).
 */
// @ts-types="@types/papaparse"
import Papa from "papaparse";
import type { RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";
import { TABLE_LIMITS, tooManyRows } from "./limits.ts";

/**
 * UTF-16 without a BOM, told by its NUL bytes: the ASCII of a CSV (delimiters, digits, line ends) has a
 * zero high byte, at odd offsets in little-endian and even ones in big-endian. UTF-8 and GB18030 text has
 * no NUL byte at all.
 */
export function utf16ByNuls(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs === 0 || Math.max(even, odd) < Math.max(2, pairs * 0.02)) return null;
  if (odd > 4 * even) return "utf-16le";
  if (even > 4 * odd) return "utf-16be";
  return null;
}

function decode(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  }
  const utf16 = utf16ByNuls(bytes);
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16.toUpperCase() };
    } catch {
      return null; // NUL bytes but not valid UTF-16: no text encoding fits
    }
  }
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      // The UTF-8 decoder drops a BOM by itself (ignoreBOM defaults to false).
      return {
        text: new TextDecoder(encoding, { fatal: true }).decode(bytes),
        encoding: encoding.toUpperCase(),
      };
    } catch {
      // not this encoding: try the next
    }
  }
  return null;
}

export function readCsv(bytes: Uint8Array, file: string): RawDocument {
  const decoded = decode(bytes);
  if (!decoded) {
    throw new IngestError(
      "bad-csv",
      `无法读取 CSV 文件“${file}”：文件编码既不是 UTF-8、UTF-16，也不是 GB18030（GBK）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后重试。`,
      file,
    );
  }
  // Parse one row past the limit at most: a huge file is refused without being parsed whole.
  const parsed = Papa.parse<string[]>(decoded.text, {
    skipEmptyLines: "greedy",
    preview: TABLE_LIMITS.maxRows + 1,
  });
  // A one-column file has no delimiter to detect: that is not an error.
  const errors = parsed.errors.filter((e) => e.code !== "UndetectableDelimiter");
  if (errors.length > 0) {
    const e = errors[0];
    const where = e.row !== undefined ? `第 ${e.row + 1} 行附近` : "";
    throw new IngestError(
      "bad-csv",
      `无法解析 CSV 文件“${file}”：${where}格式有误（${e.message}），例如引号未配对。请检查该行的引号和分隔符，或从 Excel 重新导出。`,
      file,
    );
  }
  if (parsed.data.length > TABLE_LIMITS.maxRows) throw tooManyRows(file, `超过 ${TABLE_LIMITS.maxRows}`);
  const rows = parsed.data.filter((r) => r.some((c) => c.trim() !== ""));
  if (rows.length === 0) {
    throw new IngestError(
      "bad-csv",
      `CSV 文件“${file}”中没有任何数据行。请确认导出的是正确的工作表，且表格不为空。`,
      file,
    );
  }
  return {
    blocks: [{
      kind: "table",
      origin: "body",
      rows: rows.map((r) => r.map((c) => ({ paragraphs: [c], colspan: 1, rowspan: 1 }))),
    }],
    diagnostics: decoded.encoding === "UTF-8" ? [] : [{
      level: "info",
      code: "csv-encoding",
      message: `CSV 文件按 ${decoded.encoding} 编码读取。`,
    }],
    reader: "csv",
  };
}
