/**
 * What kind of file the bytes are, from their content: magic numbers, the streams of an OLE2 compound file
 * (WordDocument → Word 97-2003 / WPS, Workbook/Book → Excel 97-2003, EncryptionInfo → a password-protected
 * OOXML file) and the parts of a zip (word/ → .docx, xl/ → .xlsx). The extension only tells CSV (which has
 * no magic) and how to name a Word-format file (.wps is WPS 文字, which writes the Word 97 format).
 */
import { listEntries } from "./zip.ts";

export type FileKind =
  | "empty"
  | "ole-encrypted" // password-protected OOXML: an OLE2 container holding an EncryptionInfo stream
  | "doc" // OLE2 with a WordDocument stream: Word 97-2003 .doc, or a .wps from WPS 文字
  | "xls" // OLE2 with a Workbook (BIFF8) or Book (BIFF5) stream: Excel 97-2003 .xls
  | "ole-legacy" // any other OLE2 compound file (old PowerPoint, Works, Visio …)
  | "csv"
  | "docx" // zip with word/document.xml (also a .wps or .doc that is really a .docx)
  | "xlsx" // zip with xl/workbook.xml
  | "zip" // any other zip (or one whose directory cannot be read: the zip layer says why)
  | "pdf"
  | "rtf"
  | "html"
  | "unknown";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b]; // "PK": local header, empty archive or spanned archive all start so

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** UTF-16LE bytes of an ASCII string (OLE directory entries store their names so). */
function utf16le(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.charCodeAt(0), 0);
  return out;
}

/** Whether `needle` occurs in `bytes` (plain scan: the first byte is rare enough in OLE files). */
export function containsBytes(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

function asciiPrefix(bytes: Uint8Array, n: number): string {
  let s = "";
  const end = Math.min(n, bytes.length);
  for (let i = 0; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 4096;

/**
 * Names of the entries of an OLE2 compound file's directory, read from the header, the FAT and the
 * directory chain; null when the structure is damaged (the caller then scans the bytes instead). Every
 * loop is bounded, so a hostile header cannot make it spin.
 */
export function oleStreamNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, OLE_MAGIC) || bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number) => view.getUint32(o, true);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorAt = (s: number) => (s + 1) * size;
  // FAT sectors: the first 109 are listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const fatCount = u32(0x2c);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let hops = 0; fatSectors.length < fatCount && difat < END_OF_CHAIN && hops < 10_000; hops++) {
    const at = sectorAt(difat);
    if (at + size > bytes.length) return null;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(at + i * 4));
    difat = u32(at + size - 4);
  }
  const next = (s: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return END_OF_CHAIN;
    const at = sectorAt(fs) + (s % perSector) * 4;
    return at + 4 <= bytes.length ? u32(at) : END_OF_CHAIN;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = u32(0x30); s < END_OF_CHAIN && !seen.has(s); s = next(s)) {
    if (seen.size >= MAX_DIRECTORY_SECTORS) return null;
    seen.add(s);
    const at = sectorAt(s);
    if (at + size > bytes.length) return null;
    for (let e = at; e < at + size; e += 128) {
      const len = view.getUint16(e + 64, true);
      const type = bytes[e + 66];
      if (type === 0 || len < 2 || len > 64) continue;
      let name = "";
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(view.getUint16(e + i * 2, true));
      names.push(name);
    }
  }
  return names.length > 0 ? names : null;
}

/** What an OLE2 compound file holds, from its directory (or, when that is damaged, a scan of the bytes). */
function oleKind(bytes: Uint8Array): FileKind {
  const names = oleStreamNames(bytes);
  const has = (n: string) => names ? names.includes(n) : containsBytes(bytes, utf16le(n));
  if (has("EncryptionInfo")) return "ole-encrypted";
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book")) return "xls";
  return "ole-legacy";
}

/** What a zip package is, from its directory; "zip" when it is neither (or the directory is damaged). */
function zipKind(bytes: Uint8Array, file: string): FileKind {
  let names: string[];
  try {
    names = listEntries(bytes, file).map((e) => e.name.toLowerCase());
  } catch {
    return "zip"; // the zip layer reports the damage when it reads the file
  }
  if (names.includes("word/document.xml")) return "docx";
  if (names.includes("xl/workbook.xml")) return "xlsx";
  return "zip";
}

export function sniff(bytes: Uint8Array, file: string): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE_MAGIC)) return oleKind(bytes);
  if (/\.csv$/i.test(file)) return "csv";
  if (startsWith(bytes, ZIP_MAGIC)) return zipKind(bytes, file);
  const head = asciiPrefix(bytes, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  if (head.startsWith("%pdf")) return "pdf";
  // A PDF may carry up to 1 KB of junk before its header (readers accept it).
  if (head.includes("%pdf-")) return "pdf";
  if (head.startsWith("{\\rtf")) return "rtf";
  if (head.startsWith("<html") || head.startsWith("<!doctype html") || head.startsWith("mime-version")) {
    return "html";
  }
  return "unknown";
}

/** How to name the format in messages: what the bytes are, and for Word-format files the extension's name. */
export function formatName(kind: FileKind, file: string): string {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  switch (kind) {
    case "doc":
      return ext === "wps" ? "WPS 文字文档（.wps）" : "Word 97-2003 文档（.doc）";
    case "docx":
      return ext === "wps" ? "WPS 文字文档（实为 .docx 格式）" : "Word 文档（.docx）";
    case "xls":
      return ext === "et" ? "WPS 表格文档（.et，Excel 97-2003 格式）" : "Excel 97-2003 工作簿（.xls）";
    case "xlsx":
      return "Excel 工作簿（.xlsx）";
    case "pdf":
      return "PDF 文件";
    case "csv":
      return "CSV 表格";
    default:
      return "文件";
  }
}
