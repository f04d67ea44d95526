/**
 * What kind of file the bytes are, from their magic numbers (and the extension for CSV only).
 */
export type FileKind =
  | "empty"
  | "ole-encrypted" // password-protected OOXML: an OLE2 container holding an EncryptionInfo stream
  | "ole-legacy" // any other OLE2 compound file: Word 97-2003 .doc (or another old Office format)
  | "csv"
  | "zip"
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

const ENCRYPTION_INFO = utf16le("EncryptionInfo");

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

export function sniff(bytes: Uint8Array, file: string): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE_MAGIC)) {
    return containsBytes(bytes, ENCRYPTION_INFO) ? "ole-encrypted" : "ole-legacy";
  }
  if (/\.csv$/i.test(file)) return "csv";
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  const head = asciiPrefix(bytes, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart().toLowerCase();
  if (head.startsWith("%pdf")) return "pdf";
  if (head.startsWith("{\\rtf")) return "rtf";
  if (head.startsWith("<html") || head.startsWith("<!doctype html") || head.startsWith("mime-version")) {
    return "html";
  }
  return "unknown";
}
