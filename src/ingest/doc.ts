/**
 * Word 97-2003 binary documents (.doc, and WPS 文字's .wps, which is the same format) → RawDocument, in pure
 * JS: word-extractor reads the OLE2 container, the piece table, deleted (tracked) text and fields; this file
 * adds what the audit needs and word-extractor drops: the paragraph properties that say a paragraph is in
 * a table (sprmPFInTable), ends a table row (sprmPFTtp, with the row's cell boundaries and vertical merges
 * from sprmTDefTable) or is a heading (istd 1–9 = the built-in 标题 1–9 styles, or an outline level).
 * These are written into the text as private-use marks of the same length (so character positions hold)
 * before word-extractor's own clean-up, then the marked text is cut into paragraphs and tables.
 *
 * What it cannot know without a layout engine: Word's automatic list numbers (not in the text), and
 * nested tables (flattened into their outer cell).
 */
import { Buffer } from "node:buffer";
// word-extractor ships no types; its internal classes are used through the narrow interfaces below.
import WordOleExtractorModule from "word-extractor/lib/word-ole-extractor.js";
import BufferReaderModule from "word-extractor/lib/buffer-reader.js";
import type { RawBlock, RawCell, RawDocument } from "../model/raw.ts";
import type { BlockOrigin } from "../model/document.ts";
import { IngestError } from "./errors.ts";
import { TABLE_LIMITS, tableTooLarge } from "./limits.ts";

interface Piece {
  text: string;
  startCp: number;
  endCp: number;
  startFilePos: number;
  size: number;
  bpc: number;
}

interface ExtractedDocument {
  getBody(o?: { filterUnicode?: boolean }): string;
  getFootnotes(o?: { filterUnicode?: boolean }): string;
  getEndnotes(o?: { filterUnicode?: boolean }): string;
  getAnnotations(o?: { filterUnicode?: boolean }): string;
  getTextboxes(o?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean }): string;
}

interface OleExtractor {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extract(reader: unknown): Promise<ExtractedDocument>;
  extractWordDocument(document: unknown, buffer: Buffer): Promise<ExtractedDocument>;
  documentStream(document: unknown, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
  buildDocument(): ExtractedDocument;
}

type OleExtractorClass = new () => OleExtractor;
const WordOleExtractor = WordOleExtractorModule as unknown as OleExtractorClass;
const BufferReader = BufferReaderModule as unknown as new (b: Buffer) => unknown;

/** Largest .doc read (the format itself tops out at 2 GB; a report with images stays far below). */
export const DOC_LIMITS = { maxBytes: 200 * 1024 * 1024 };

/** Marks written over paragraph/cell/row ends (one UTF-16 unit each, like the characters they replace). */
const CELL_END = "\uE007";
const ROW_END = "\uE001";
const CELL_PARA_END = "\uE00D";
const HEADING_BASE = 0xe010; // + level 1–9

/** One table row's geometry from sprmTDefTable. */
interface RowGeometry {
  cp: number;
  /** Cell boundaries in twips: n+1 values for n cells. */
  centers: number[];
  /** Per cell: 1 = starts a vertical merge, 2 = continues one, 0 = none; 3 = merged into the previous cell. */
  merge: number[];
}

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmPOutLvl = 0x2640;
const sprmTDefTable = 0xd608;
/** The paragraph's properties are too large for the FKP: they sit in the Data stream at this offset. */
const sprmPHugePapx = 0x6646;

/** Walk the SPRMs of a grpprl (sprmTDefTable's operand has a 2-byte size, unlike other variable ones). */
function eachSprm(buf: Buffer, start: number, fn: (sprm: number, at: number) => void): void {
  let o = start;
  while (o + 2 <= buf.length) {
    const sprm = buf.readUInt16LE(o);
    o += 2;
    const spra = (sprm >> 13) & 7;
    if (o > buf.length) return;
    fn(sprm, o);
    if (spra === 0 || spra === 1) o += 1;
    else if (spra === 2 || spra === 4 || spra === 5) o += 2;
    else if (spra === 3) o += 4;
    else if (spra === 7) o += 3;
    else if (sprm === sprmTDefTable) {
      if (o + 2 > buf.length) return;
      o += buf.readUInt16LE(o) + 1;
    } else {
      if (o >= buf.length) return;
      o += buf[o] + 1;
    }
  }
}

function tdefTable(buf: Buffer, at: number): { centers: number[]; merge: number[] } | null {
  if (at + 3 > buf.length) return null;
  const cb = buf.readUInt16LE(at);
  const end = Math.min(buf.length, at + 2 + cb);
  const n = buf[at + 2];
  let o = at + 3;
  if (n === 0 || o + (n + 1) * 2 > end) return null;
  const centers: number[] = [];
  for (let i = 0; i <= n; i++, o += 2) centers.push(buf.readInt16LE(o));
  const merge: number[] = [];
  for (let i = 0; i < n; i++, o += 20) {
    if (o + 2 > end) {
      merge.push(0);
      continue;
    }
    const grf = buf.readUInt16LE(o);
    merge.push(grf & 0x20 ? (grf & 0x40 ? 1 : 2) : grf & 0x02 ? 3 : 0);
  }
  return { centers, merge };
}

/** Overwrite characters of the file range [fc, fcEnd) through `fn`, keeping lengths. */
function mapFileRange(pieces: Piece[], fc: number, fcEnd: number, fn: (ch: string, last: boolean) => string) {
  for (const p of pieces) {
    const pEnd = p.startFilePos + p.size;
    if (fcEnd <= p.startFilePos || fc >= pEnd) continue;
    const from = Math.floor((Math.max(fc, p.startFilePos) - p.startFilePos) / p.bpc);
    const to = Math.floor((Math.min(fcEnd, pEnd) - p.startFilePos) / p.bpc);
    if (to <= from) continue;
    let seg = "";
    for (let i = from; i < to; i++) seg += fn(p.text[i], fcEnd <= pEnd && i === to - 1);
    p.text = p.text.slice(0, from) + seg + p.text.slice(to);
  }
}

function cpOfFile(pieces: Piece[], fc: number): number {
  for (const p of pieces) {
    if (fc >= p.startFilePos && fc < p.startFilePos + p.size) {
      return p.startCp + Math.floor((fc - p.startFilePos) / p.bpc);
    }
  }
  return -1;
}

/** word-extractor's OLE extractor, with the paragraph properties the audit needs written into the text. */
class MarkingExtractor extends WordOleExtractor {
  rows: RowGeometry[] = [];
  /** The Data stream (large paragraph properties of table rows live there). */
  data: Buffer | null = null;

  override async extractWordDocument(document: unknown, buffer: Buffer): Promise<ExtractedDocument> {
    try {
      this.data = await this.streamBuffer(await this.documentStream(document, "Data"));
    } catch {
      this.data = null; // no Data stream: nothing is stored there
    }
    return await super.extractWordDocument(document, buffer);
  }

  // Replaces word-extractor's version (which only turns row ends into line breaks).
  writeParagraphProperties(buffer: Buffer, table: Buffer): void {
    const pieces = this._pieces;
    const fcPlc = buffer.readUInt32LE(0x0102);
    const lcbPlc = buffer.readUInt32LE(0x0106);
    const count = Math.max(0, Math.floor((lcbPlc - 4) / 8));
    const plc = table.subarray(fcPlc, fcPlc + lcbPlc);
    const dataOffset = (count + 1) * 4;
    for (let i = 0; i < count; i++) {
      if (dataOffset + i * 4 + 4 > plc.length) break;
      const pn = plc.readUInt32LE(dataOffset + i * 4);
      const fkp = buffer.subarray(pn * 512, (pn + 1) * 512);
      if (fkp.length < 512) continue;
      const crun = fkp[511];
      for (let j = 0; j < crun; j++) {
        if ((crun + 1) * 4 + j * 13 >= 511) break;
        const fc = fkp.readUInt32LE(j * 4);
        const fcEnd = fkp.readUInt32LE((j + 1) * 4);
        const bx = fkp[(crun + 1) * 4 + j * 13] * 2;
        if (bx === 0 || bx >= 511) continue;
        let grp: Buffer;
        const cb = fkp[bx];
        if (cb !== 0) grp = fkp.subarray(bx + 1, bx + 1 + 2 * cb - 1);
        else grp = fkp.subarray(bx + 2, bx + 2 + 2 * fkp[bx + 1]);
        if (grp.length < 2) continue;
        const istd = grp.readUInt16LE(0);
        let inTable = false, ttp = false, outLvl = -1;
        let geometry: ReturnType<typeof tdefTable> = null;
        const data = this.data;
        const visit = (buf: Buffer) => (sprm: number, at: number) => {
          if (sprm === sprmPFInTable) inTable = buf[at] === 1;
          else if (sprm === sprmPFTtp) ttp = buf[at] === 1;
          else if (sprm === sprmPOutLvl) outLvl = buf[at];
          else if (sprm === sprmTDefTable) geometry = tdefTable(buf, at);
          else if (sprm === sprmPHugePapx && data && at + 4 <= buf.length) {
            const o = buf.readUInt32LE(at);
            if (o + 2 > data.length) return;
            const huge = data.subarray(o + 2, o + 2 + data.readUInt16LE(o));
            eachSprm(huge, 0, visit(huge));
          }
        };
        eachSprm(grp, 2, visit(grp));
        if (ttp) {
          mapFileRange(pieces, fc, fcEnd, (ch) => (ch === "\x07" ? ROW_END : ch));
          const g = geometry as ReturnType<typeof tdefTable>;
          if (g) this.rows.push({ cp: cpOfFile(pieces, fc), ...g });
        } else if (inTable) {
          mapFileRange(pieces, fc, fcEnd, (ch) => (ch === "\r" ? CELL_PARA_END : ch));
        } else {
          const level = istd >= 1 && istd <= 9 ? istd : outLvl >= 0 && outLvl <= 8 ? outLvl + 1 : 0;
          if (level > 0) {
            const mark = String.fromCharCode(HEADING_BASE + level);
            mapFileRange(pieces, fc, fcEnd, (ch) => (ch === "\r" ? mark : ch));
          }
        }
      }
    }
  }

  override buildDocument(): ExtractedDocument {
    for (const p of this._pieces) p.text = p.text.replaceAll("\x07", CELL_END);
    this.rows.sort((a, b) => a.cp - b.cp);
    return super.buildDocument();
  }
}

function badDoc(file: string, what: string, format: string): IngestError {
  return new IngestError(
    "bad-doc",
    `无法读取${format}“${file}”：文件已损坏或结构不完整（${what}）。` +
      `请在 Word/WPS 中打开它，另存为“Word 文档（*.docx）”后再审核；如已安装 LibreOffice，也可加 --convert-with-soffice 由本工具转换。`,
    file,
  );
}

interface Builder {
  blocks: RawBlock[];
  rows: RawCell[][];
  row: RawCell[];
  cell: string[];
  origin: BlockOrigin;
  geometry: RowGeometry[];
  rowIndex: number;
  tableRows: RowGeometry[];
}

/** Marked text → paragraphs and tables. */
function parseMarked(text: string, origin: BlockOrigin, geometry: RowGeometry[], blocks: RawBlock[]): void {
  const b: Builder = { blocks, rows: [], row: [], cell: [], origin, geometry, rowIndex: 0, tableRows: [] };
  let buf = "";
  const flushTable = () => {
    if (b.cell.length > 0 || b.row.length > 0) endRow(b, null);
    if (b.rows.length > 0) {
      blocks.push({ kind: "table", origin, rows: layout(b.rows, b.tableRows) });
      if (b.rows.length > TABLE_LIMITS.maxRows) return;
    }
    b.rows = [];
    b.tableRows = [];
  };
  for (const ch of text) {
    if (ch === CELL_PARA_END) {
      b.cell.push(buf);
    } else if (ch === CELL_END) {
      b.cell.push(buf);
      b.row.push({ paragraphs: b.cell.map((p) => p.trim()), colspan: 1, rowspan: 1 });
      b.cell = [];
    } else if (ch === ROW_END) {
      endRow(b, b.geometry[b.rowIndex++] ?? null);
    } else if (ch === "\n" || (ch.charCodeAt(0) > HEADING_BASE && ch.charCodeAt(0) <= HEADING_BASE + 9)) {
      if (b.row.length > 0 || b.cell.length > 0) {
        b.cell.push(buf); // a paragraph end inside a row without the in-table mark: keep it in the cell
      } else {
        flushTable();
        const level = ch === "\n" ? 0 : ch.charCodeAt(0) - HEADING_BASE;
        const t = buf.replace(/[\uE000-\uE0FF]/g, "").trim();
        if (t !== "") {
          blocks.push(
            level > 0 ? { kind: "paragraph", text: t, origin, styleLevel: level } : {
              kind: "paragraph",
              text: t,
              origin,
            },
          );
        }
      }
    } else {
      buf += ch;
      continue;
    }
    buf = "";
  }
  if (buf.trim() !== "" && b.row.length === 0 && b.cell.length === 0) {
    flushTable();
    blocks.push({ kind: "paragraph", text: buf.trim(), origin });
  } else {
    if (buf.trim() !== "") b.cell.push(buf);
    flushTable();
  }
}

function endRow(b: Builder, g: RowGeometry | null): void {
  if (b.cell.length > 0) {
    b.row.push({ paragraphs: b.cell.map((p) => p.trim()), colspan: 1, rowspan: 1 });
    b.cell = [];
  }
  if (b.rows.length >= TABLE_LIMITS.maxRows) throw new RowsExceeded();
  b.rows.push(b.row);
  b.tableRows.push(g && g.centers.length === b.row.length + 1 ? g : { cp: -1, centers: [], merge: [] });
  b.row = [];
}

class RowsExceeded extends Error {}

/**
 * Rows with their geometry → spans: the table's column boundaries are the union of every row's cell
 * boundaries; a cell spans the grid columns between its own; a cell continuing a vertical merge is
 * absent and its anchor's rowspan grows. Rows without geometry keep one column per cell.
 */
function layout(rows: RawCell[][], geometry: RowGeometry[]): RawCell[][] {
  if (geometry.some((g) => g.centers.length === 0)) return rows;
  const edges = [...new Set(geometry.flatMap((g) => g.centers))].sort((a, b) => a - b);
  // Boundaries a few twips apart are the same line drawn twice.
  const grid: number[] = [];
  for (const e of edges) if (grid.length === 0 || e - grid[grid.length - 1] > 20) grid.push(e);
  const colOf = (x: number) => {
    let best = 0;
    for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i] - x) < Math.abs(grid[best] - x)) best = i;
    return best;
  };
  if (grid.length - 1 > TABLE_LIMITS.maxCols) return rows;
  /** Per grid column, the anchor cell of an open vertical merge. */
  const open = new Map<number, RawCell>();
  return rows.map((cells, r) => {
    const g = geometry[r];
    const out: RawCell[] = [];
    cells.forEach((cell, i) => {
      const c0 = colOf(g.centers[i]);
      const c1 = Math.max(c0 + 1, colOf(g.centers[i + 1]));
      const merge = g.merge[i] ?? 0;
      if (merge === 2 && open.has(c0) && cell.paragraphs.every((p) => p === "")) {
        open.get(c0)!.rowspan++;
        return;
      }
      const placed: RawCell = { ...cell, colspan: c1 - c0, rowspan: 1 };
      if (merge === 1) open.set(c0, placed);
      else open.delete(c0);
      out.push(placed);
    });
    return out;
  });
}

const noFilter = { filterUnicode: false };

export async function readDoc(bytes: Uint8Array, file: string, format: string): Promise<RawDocument> {
  if (bytes.length > DOC_LIMITS.maxBytes) {
    throw new IngestError(
      "too-large",
      `${format}“${file}”超过 ${
        DOC_LIMITS.maxBytes / 1024 / 1024
      } MB 的上限。请删除文档中的图片或另存为 .docx 后再试。`,
      file,
    );
  }
  const extractor = new MarkingExtractor();
  let doc: ExtractedDocument;
  try {
    doc = await extractor.extract(
      new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)),
    );
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    throw badDoc(file, message.slice(0, 120), format);
  }
  const blocks: RawBlock[] = [];
  try {
    parseMarked(doc.getBody(noFilter), "body", extractor.rows, blocks);
    const parts: [BlockOrigin, string][] = [
      ["footnote", doc.getFootnotes(noFilter)],
      ["endnote", doc.getEndnotes(noFilter)],
      ["comment", doc.getAnnotations(noFilter)],
      ["textbox", doc.getTextboxes({ ...noFilter, includeHeadersAndFooters: false })],
    ];
    for (const [origin, text] of parts) if (text.trim() !== "") parseMarked(text, origin, [], blocks);
  } catch (e) {
    if (e instanceof RowsExceeded) throw tableTooLarge(file, `超过 ${TABLE_LIMITS.maxRows} 行`);
    throw e;
  }
  return {
    blocks,
    diagnostics: [{
      level: "info",
      code: "doc-reader",
      message: `${format}由内置读取器读取：Word 自动编号（如自动生成的“一、”“1.”）不在正文文字中，` +
        `可能影响标题和列表的识别；如需完整还原，请另存为 .docx，或安装 LibreOffice 后加 --convert-with-soffice。`,
    }],
    reader: "doc",
  };
}
