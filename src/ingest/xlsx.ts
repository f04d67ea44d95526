/**
 * Excel workbook (.xlsx) → RawDocument: every visible sheet becomes a section (its name a heading) holding
 * its table. Cells show what Excel shows: shared and inline strings, the cached value of a formula, numbers
 * under their number format (percentages, thousands separators, decimals, dates, "万元" suffixes), booleans
 * and error values as written. Merged cells become col/row spans. Leading rows that hold one merged title
 * (e.g. "2023年度项目支出绩效自评表") and trailing one-cell rows (填表人, notes) become paragraphs around the
 * table, as the same form laid out in Word has them.
 *
 * Same zip layer (limits, bombs) and XML guards as the .docx reader; hidden sheets are skipped with a note.
 */
import type { Diagnostic } from "../model/document.ts";
import type { RawBlock, RawCell, RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";
import { TABLE_LIMITS, tableTooLarge } from "./limits.ts";
import { parseXml } from "./ooxml/xml.ts";
import { readZip, ZIP_LIMITS, type ZipLimits } from "./zip.ts";
import { builtinFormat, formatValue } from "./xlsx-numfmt.ts";

/** Sheets read at most (a workbook of a report has a handful). */
export const XLSX_LIMITS = { maxSheets: 256, maxMerges: 100_000 };

const local = (name: string) => name.slice(name.indexOf(":") + 1);

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

function missingWorkbook(file: string): IngestError {
  return new IngestError(
    "missing-part",
    `文件“${file}”是压缩包，但其中没有 Excel 工作簿（xl/workbook.xml），不是有效的 .xlsx 文件。` +
      `请在 Excel/WPS 中打开并另存为 .xlsx 后再试。`,
    file,
  );
}

/** Resolve a relationship target against xl/. */
function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1).toLowerCase();
  const parts = ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/").toLowerCase();
}

function readWorkbook(
  parts: Map<string, Uint8Array>,
  file: string,
): { sheets: SheetRef[]; date1904: boolean } {
  const wb = parts.get("xl/workbook.xml");
  if (!wb) throw missingWorkbook(file);
  const rels = new Map<string, string>();
  const relsPart = parts.get("xl/_rels/workbook.xml.rels");
  if (relsPart) {
    parseXml(relsPart, "xl/_rels/workbook.xml.rels", file, {
      open(name, a) {
        if (local(name) === "Relationship" && a.Id && a.Target) rels.set(a.Id, resolveTarget(a.Target));
      },
      close() {},
      text() {},
    });
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(wb, "xl/workbook.xml", file, {
    open(name, a) {
      const n = local(name);
      if (n === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (n !== "sheet") return;
      const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const path = (rid && rels.get(rid)) ?? `xl/worksheets/sheet${a.sheetId ?? sheets.length + 1}.xml`;
      sheets.push({
        name: a.name ?? `Sheet${sheets.length + 1}`,
        path,
        hidden: !!a.state && a.state !== "visible",
      });
    },
    close() {},
    text() {},
  });
  if (sheets.length > XLSX_LIMITS.maxSheets) {
    throw new IngestError(
      "too-large",
      `文件“${file}”含有 ${sheets.length} 个工作表，超过 ${XLSX_LIMITS.maxSheets} 个的上限。请只保留需要审核的工作表后再试。`,
      file,
    );
  }
  return { sheets, date1904 };
}

function readSharedStrings(data: Uint8Array | undefined, file: string): string[] {
  const out: string[] = [];
  if (!data) return out;
  let cur: string | null = null;
  let inT = false;
  let skip = 0; // inside rPh (phonetic guide): not part of the text
  parseXml(data, "xl/sharedStrings.xml", file, {
    open(name, _a, self) {
      const n = local(name);
      if (n === "si" && !self) cur = "";
      else if (n === "si") out.push("");
      else if (n === "rPh" && !self) skip++;
      else if (n === "t" && !self) inT = true;
    },
    close(name) {
      const n = local(name);
      if (n === "si" && cur !== null) (out.push(cur), cur = null);
      else if (n === "rPh") skip--;
      else if (n === "t") inT = false;
    },
    text(t) {
      if (inT && skip === 0 && cur !== null) cur += t;
    },
  });
  return out;
}

/** Per cellXfs index, the number format code. */
function readStyles(data: Uint8Array | undefined, file: string): (string | undefined)[] {
  if (!data) return [];
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  let inCellXfs = false;
  const ids: number[] = [];
  parseXml(data, "xl/styles.xml", file, {
    open(name, a) {
      const n = local(name);
      if (n === "numFmt" && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? "General");
      else if (n === "cellXfs") inCellXfs = true;
      else if (n === "xf" && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (local(name) === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  for (const id of ids) xfs.push(custom.get(id) ?? builtinFormat(id));
  return xfs;
}

/** "AB12" → [row 11, col 27] (0-based); null when malformed. */
export function parseRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

interface SheetData {
  /** row → col → text */
  cells: Map<number, Map<number, string>>;
  merges: { r0: number; c0: number; r1: number; c1: number }[];
}

const ERROR_OR_TEXT = new Set(["s", "str", "inlineStr", "e"]);

function readSheet(
  data: Uint8Array,
  part: string,
  file: string,
  strings: string[],
  formats: (string | undefined)[],
  date1904: boolean,
): SheetData {
  const cells = new Map<number, Map<number, string>>();
  const merges: SheetData["merges"] = [];
  let row = -1, nextCol = 0;
  let cell: { r: number; c: number; t: string; s: number } | null = null;
  let value = "", inline = "";
  let inV = false, inIs = false, inT = false;
  let count = 0;
  const put = (r: number, c: number, text: string) => {
    if (text === "") return;
    if (++count > TABLE_LIMITS.maxCells) {
      throw tableTooLarge(file, `工作表单元格超过 ${TABLE_LIMITS.maxCells} 个`);
    }
    let m = cells.get(r);
    if (!m) cells.set(r, m = new Map());
    m.set(c, text);
  };
  parseXml(data, part, file, {
    open(name, a, self) {
      const n = local(name);
      if (n === "row") {
        row = a.r ? Number(a.r) - 1 : row + 1;
        nextCol = 0;
      } else if (n === "c") {
        const pos = a.r ? parseRef(a.r) : null;
        const r = pos ? pos[0] : row, c = pos ? pos[1] : nextCol;
        nextCol = c + 1;
        cell = { r, c, t: a.t ?? "n", s: Number(a.s ?? 0) };
        value = inline = "";
        if (self) cell = null;
      } else if (n === "v") inV = true;
      else if (n === "is") inIs = true;
      else if (n === "t" && inIs) inT = true;
      else if (n === "mergeCell" && a.ref) {
        if (merges.length >= XLSX_LIMITS.maxMerges) return;
        const [from, to = from] = a.ref.split(":");
        const p = parseRef(from), q = parseRef(to);
        if (p && q) {
          merges.push({
            r0: Math.min(p[0], q[0]),
            c0: Math.min(p[1], q[1]),
            r1: Math.max(p[0], q[0]),
            c1: Math.max(p[1], q[1]),
          });
        }
      }
    },
    close(name) {
      const n = local(name);
      if (n === "v") inV = false;
      else if (n === "is") inIs = false;
      else if (n === "t") inT = false;
      else if (n === "c" && cell) {
        const { r, c, t, s } = cell;
        cell = null;
        if (r < 0 || c < 0) return;
        if (t === "inlineStr") return put(r, c, inline);
        if (t === "s") return put(r, c, strings[Number(value)] ?? "");
        if (ERROR_OR_TEXT.has(t)) return put(r, c, value);
        if (t === "b") return put(r, c, value === "1" ? "TRUE" : value === "0" ? "FALSE" : value);
        if (value.trim() === "") return;
        const num = Number(value);
        if (!Number.isFinite(num)) return put(r, c, value);
        put(r, c, t === "d" ? value : formatValue(num, formats[s], date1904));
      }
    },
    text(t) {
      if (inV) value += t;
      else if (inT) inline += t;
    },
  });
  return { cells, merges };
}

/** A sheet's used range → rows of RawCells, merged areas as spans, covered cells absent. */
function sheetTable(sheet: SheetData, file: string, name: string): RawCell[][] {
  const { cells, merges } = sheet;
  let maxRow = -1, maxCol = -1, minRow = Infinity, minCol = Infinity;
  for (const [r, m] of cells) {
    for (const c of m.keys()) {
      maxRow = Math.max(maxRow, r), maxCol = Math.max(maxCol, c);
      minRow = Math.min(minRow, r), minCol = Math.min(minCol, c);
    }
  }
  if (maxRow < 0) return [];
  // Merges that touch the used range widen it only as far as they cover a value.
  const useful = merges.filter((m) => cells.get(m.r0)?.has(m.c0));
  for (const m of useful) {
    maxRow = Math.max(maxRow, m.r1), maxCol = Math.max(maxCol, m.c1);
  }
  const rows = maxRow - minRow + 1, cols = maxCol - minCol + 1;
  if (rows > TABLE_LIMITS.maxRows || cols > TABLE_LIMITS.maxCols || rows * cols > TABLE_LIMITS.maxCells) {
    throw tableTooLarge(file, `工作表“${name}”${rows} 行 × ${cols} 列`);
  }
  const anchor = new Map<number, { rowspan: number; colspan: number }>();
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * 16384 + c;
  for (const m of useful) {
    const k = key(m.r0, m.c0);
    if (covered.has(k) || anchor.has(k)) continue;
    anchor.set(k, { rowspan: m.r1 - m.r0 + 1, colspan: m.c1 - m.c0 + 1 });
    for (let r = m.r0; r <= m.r1; r++) {
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(key(r, c));
    }
  }
  const out: RawCell[][] = [];
  for (let r = minRow; r <= maxRow; r++) {
    const row: RawCell[] = [];
    for (let c = minCol; c <= maxCol; c++) {
      const k = key(r, c);
      if (covered.has(k)) {
        // A cell covered from the left is part of its anchor's colspan; one covered from above is absent.
        continue;
      }
      const span = anchor.get(k);
      // Spans are cut at the used range (a merge may reach past the last value).
      const colspan = span ? Math.min(span.colspan, maxCol - c + 1) : 1;
      const rowspan = span ? Math.min(span.rowspan, maxRow - r + 1) : 1;
      const text = cells.get(r)?.get(c) ?? "";
      row.push({ paragraphs: text.split(/\r?\n/), colspan, rowspan });
    }
    out.push(row); // interior empty rows keep their place (a merged cell may span them)
  }
  while (out.length > 0 && isBlankRow(out[out.length - 1], cols)) out.pop();
  return out;
}

function isBlankRow(row: RawCell[], cols: number): boolean {
  return row.length === cols && row.every((c) => c.colspan === 1 && c.rowspan === 1 && cellEmpty(c));
}

function cellEmpty(c: RawCell): boolean {
  return c.paragraphs.every((p) => p.trim() === "");
}

/** A row holding one non-empty cell and no cell spanning into the next rows: a title or note line. */
function loneText(row: RawCell[]): string | null {
  const filled = row.filter((c) => !cellEmpty(c));
  if (filled.length !== 1 || row.some((c) => c.rowspan > 1)) return null;
  return filled[0].paragraphs.join("\n").trim();
}

/** Rows above the table proper holding one text (the title, 填报单位…) → paragraphs; trailing notes too. */
function splitTitleRows(rows: RawCell[][]): { before: string[]; table: RawCell[][]; after: string[] } {
  let start = 0;
  const before: string[] = [];
  while (start < rows.length - 1) {
    const text = loneText(rows[start]);
    if (text === null) break;
    before.push(text);
    start++;
  }
  let end = rows.length;
  const after: string[] = [];
  while (end - 1 > start + 1) {
    const text = loneText(rows[end - 1]);
    if (text === null) break;
    after.unshift(text);
    end--;
  }
  return { before, table: rows.slice(start, end), after };
}

export function readXlsx(bytes: Uint8Array, file: string, limits: ZipLimits = ZIP_LIMITS): RawDocument {
  // First pass: the workbook, its relationships, shared strings and styles; then the sheets it names.
  const meta = readZip(bytes, file, (n) => {
    const lower = n.toLowerCase();
    return lower === "xl/workbook.xml" || lower === "xl/_rels/workbook.xml.rels" ||
        lower === "xl/sharedstrings.xml" || lower === "xl/styles.xml"
      ? lower
      : undefined;
  }, limits);
  const { sheets, date1904 } = readWorkbook(meta, file);
  const strings = readSharedStrings(meta.get("xl/sharedstrings.xml"), file);
  const formats = readStyles(meta.get("xl/styles.xml"), file);
  const wanted = new Set(sheets.filter((s) => !s.hidden).map((s) => s.path));
  const sheetParts = readZip(bytes, file, (n) => {
    const lower = n.toLowerCase();
    return wanted.has(lower) ? lower : undefined;
  }, limits);
  const blocks: RawBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  const hidden = sheets.filter((s) => s.hidden).map((s) => s.name);
  if (hidden.length > 0) {
    diagnostics.push({
      level: "info",
      code: "xlsx-hidden-sheets",
      message: `已跳过隐藏的工作表：${hidden.join("、")}。如需审核，请在 Excel 中取消隐藏后再试。`,
    });
  }
  const tables: { name: string; rows: RawCell[][] }[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const data = sheetParts.get(sheet.path);
    if (!data) {
      diagnostics.push({
        level: "warning",
        code: "xlsx-missing-sheet",
        message: `工作表“${sheet.name}”的数据（${sheet.path}）不在文件中，已跳过。`,
      });
      continue;
    }
    const rows = sheetTable(readSheet(data, sheet.path, file, strings, formats, date1904), file, sheet.name);
    if (rows.length > 0) tables.push({ name: sheet.name, rows });
  }
  // Several sheets: each is a section headed by its name. One sheet is the whole document: its name
  // ("Sheet1", "自评表") would only push the form's own title out of the front matter.
  for (const { name, rows } of tables) {
    if (tables.length > 1) blocks.push({ kind: "paragraph", text: name, origin: "body", styleLevel: 1 });
    const { before, table, after } = splitTitleRows(rows);
    for (const text of before) blocks.push({ kind: "paragraph", text, origin: "body", align: "center" });
    if (table.length > 0) blocks.push({ kind: "table", origin: "body", rows: table });
    for (const text of after) blocks.push({ kind: "paragraph", text, origin: "body" });
  }
  return { blocks, diagnostics, reader: "xlsx" };
}
