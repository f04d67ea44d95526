/**
 * A CSV export of a table (e.g. an indicator table saved from Excel) as a one-table RawDocument.
 * Encodings: UTF-8 with or without BOM, UTF-16 with BOM, and GB18030 (what Chinese Excel writes).
 */
// @ts-types="@types/papaparse"
import Papa from "papaparse";
import type { RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";

function decode(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
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
      `无法读取 CSV 文件“${file}”：文件编码既不是 UTF-8 也不是 GB18030（GBK）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后重试。`,
      file,
    );
  }
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: "greedy" });
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
