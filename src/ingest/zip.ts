/**
 * The one zip layer every reader goes through. The central directory is read here (not by a zip library),
 * so every limit holds whatever the headers claim: at most `maxEntries` entries; only the parts a reader
 * asks for are inflated (media never are); each part is inflated natively and refused the moment its output
 * passes its declared size or `maxPartBytes`; all parts together stay under `maxTotalBytes`; a large
 * part with an absurd compression ratio is refused before anything is inflated (zip bombs).
 */
import { inflateRawSync } from "node:zlib";
import { IngestError } from "./errors.ts";

/** The parts read by the OOXML reader; anything else in the archive is left compressed. */
export const DOCX_PARTS = [
  "word/document.xml",
  "word/styles.xml",
  "word/numbering.xml",
  "word/footnotes.xml",
  "word/endnotes.xml",
  "word/comments.xml",
] as const;
export type DocxPartName = typeof DOCX_PARTS[number];
export type DocxParts = Partial<Record<DocxPartName, Uint8Array>> & { "word/document.xml": Uint8Array };

export const ZIP_LIMITS = {
  /** Largest uncompressed size of one part (declared or actual). */
  maxPartBytes: 200 * 1024 * 1024,
  /** Largest uncompressed size of all inflated parts together. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Most entries an archive may list (a long report with many images has a few hundred). */
  maxEntries: 10_000,
  /** Compression ratio above which a part is refused … */
  maxRatio: 200,
  /** … when it is at least this large once inflated (small parts compress absurdly well legitimately). */
  ratioFloorBytes: 10 * 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

const MB = 1024 * 1024;

export interface ZipEntry {
  /** The name as stored, without leading slashes. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Uncompressed size declared in the central directory. */
  size: number;
  /** Offset of the local header. */
  offset: number;
}

const SAVE_AGAIN = "请在 Word/WPS 中打开并另存为 .docx 后再试。";

function corrupt(file: string, what: string): IngestError {
  return new IngestError(
    "truncated-zip",
    `文件“${file}”已损坏或不完整（压缩包无法解开：${what}），可能是下载或拷贝中断。` +
      `请重新获取完整文件，或${SAVE_AGAIN}`,
    file,
  );
}

function unsafe(file: string, what: string): IngestError {
  return new IngestError(
    "unsafe-zip",
    `文件“${file}”${what}，超出安全上限，疑似“压缩炸弹”，已拒绝读取。` +
      `请确认文件来源；如确为正常报告，${SAVE_AGAIN}`,
    file,
  );
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** The central directory's entries (ZIP64 sizes and offsets included). */
export function listEntries(bytes: Uint8Array, file: string, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => u32(o) + u32(o + 4) * 2 ** 32;
  // End of central directory: the last signature within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, "找不到压缩包目录");
  let count = u16(eocd + 10);
  let cdOffset = u32(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && u32(locator) === 0x07064b50) {
    const z = u64(locator + 8);
    if (z + 56 > bytes.length || u32(z) !== 0x06064b50) throw corrupt(file, "ZIP64 目录无效");
    count = u64(z + 32);
    cdOffset = u64(z + 48);
  }
  if (count > limits.maxEntries) {
    throw unsafe(file, `的压缩包声明含有 ${count} 个文件（上限 ${limits.maxEntries} 个）`);
  }
  const entries: ZipEntry[] = [];
  let o = cdOffset;
  for (let k = 0; k < count; k++) {
    if (o + 46 > bytes.length || u32(o) !== 0x02014b50) throw corrupt(file, "压缩包目录不完整");
    const nameLen = u16(o + 28), extraLen = u16(o + 30), commentLen = u16(o + 32);
    const flags = u16(o + 8);
    let compressedSize = u32(o + 20), size = u32(o + 24), offset = u32(o + 42);
    if (o + 46 + nameLen + extraLen > bytes.length) throw corrupt(file, "压缩包目录不完整");
    const rawName = bytes.subarray(o + 46, o + 46 + nameLen);
    const name = ((flags & 0x800) ? utf8 : latin1).decode(rawName).replace(/^\/+/, "");
    // ZIP64 extended information: the 64-bit values, in order, of the fields set to 0xFFFFFFFF.
    for (let e = o + 46 + nameLen; e + 4 <= o + 46 + nameLen + extraLen;) {
      const id = u16(e), len = u16(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff && p + 8 <= e + 4 + len) (size = u64(p), p += 8);
        if (compressedSize === 0xffffffff && p + 8 <= e + 4 + len) (compressedSize = u64(p), p += 8);
        if (offset === 0xffffffff && p + 8 <= e + 4 + len) offset = u64(p);
      }
      e += 4 + len;
    }
    entries.push({ name, method: u16(o + 10), flags, compressedSize, size, offset });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflate one entry, never producing more than min(declared size, `limit`) bytes: a part whose data runs
 * past that is refused, however small its header says it is.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string, limit: number): Uint8Array {
  const { name } = entry;
  if (entry.flags & 1) {
    throw new IngestError(
      "encrypted",
      `文件“${file}”中的 ${name} 已加密，无法读取。请取消加密后另存为 .docx 再审核。`,
      file,
    );
  }
  const o = entry.offset;
  if (o + 30 > bytes.length || bytes[o] !== 0x50 || bytes[o + 1] !== 0x4b || bytes[o + 2] !== 3) {
    throw corrupt(file, `${name} 的文件头无效`);
  }
  const start = o + 30 + (bytes[o + 26] | bytes[o + 27] << 8) + (bytes[o + 28] | bytes[o + 29] << 8);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(file, `${name} 的数据不完整`);
  const data = bytes.subarray(start, end);
  const cap = Math.min(entry.size, limit);
  const tooBig = () =>
    entry.size > limit
      ? unsafe(file, `中的 ${name} 解压后超过 ${(limit / MB).toFixed(0)} MB`)
      : unsafe(file, `中的 ${name} 实际解压大小超过其声明的 ${entry.size} 字节（文件头被篡改）`);
  if (entry.method === 0) {
    if (data.length > cap) throw tooBig();
    return data.slice();
  }
  if (entry.method !== 8) throw corrupt(file, `${name} 使用了不支持的压缩方式 ${entry.method}`);
  if (data.length === 0) return new Uint8Array(0);
  let out: Uint8Array;
  try {
    // Native zlib; maxOutputLength stops it the moment the output passes the cap (no bomb is inflated).
    out = inflateRawSync(data, { maxOutputLength: Math.max(cap, 1) });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooBig();
    throw corrupt(file, `${name}：${(e as Error).message}`);
  }
  if (out.length > cap) throw tooBig();
  // A plain Uint8Array of its own (a small Buffer is a view into a shared pool).
  return out.byteOffset === 0 && out.buffer.byteLength === out.length
    ? new Uint8Array(out.buffer)
    : out.slice();
}

/**
 * Inflate the entries `want` accepts (given the name without leading slashes), under every limit. The key
 * is `want`'s result (e.g. a canonical name); the first entry of a name wins.
 */
export function readZip(
  bytes: Uint8Array,
  file: string,
  want: (name: string) => string | undefined,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const picked: [string, ZipEntry][] = [];
  const keys = new Set<string>();
  for (const entry of listEntries(bytes, file, limits)) {
    const key = want(entry.name);
    if (key === undefined || keys.has(key)) continue;
    keys.add(key);
    const ratio = entry.compressedSize > 0 ? entry.size / entry.compressedSize : entry.size;
    if (
      entry.size > limits.maxPartBytes ||
      (entry.size >= limits.ratioFloorBytes && ratio > limits.maxRatio)
    ) {
      throw unsafe(
        file,
        `中的 ${entry.name} 声明解压后大小为 ${(entry.size / MB).toFixed(1)} MB` +
          `（压缩比 ${Math.round(ratio)}:1）`,
      );
    }
    picked.push([key, entry]);
  }
  // Each part inflates to at most its declared size, so the declared sizes bound the total.
  const declared = picked.reduce((n, [, e]) => n + e.size, 0);
  if (declared > limits.maxTotalBytes) {
    throw unsafe(
      file,
      `中各部件声明解压后合计 ${(declared / MB).toFixed(1)} MB（上限 ${
        (limits.maxTotalBytes / MB).toFixed(0)
      } MB）`,
    );
  }
  const out = new Map<string, Uint8Array>();
  for (const [key, entry] of picked) out.set(key, inflateEntry(bytes, entry, file, limits.maxPartBytes));
  return out;
}

const WANTED = new Set<string>(DOCX_PARTS);

/** Case-insensitive lookup: some producers write "Word/Document.xml". */
function canonical(name: string): string | undefined {
  const lower = name.toLowerCase();
  return WANTED.has(lower) ? lower : undefined;
}

/** The XML parts of a package (what mammoth reads): every *.xml and *.rels entry, media left alone. */
export function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels)$/i.test(name);
}

export function missingBody(file: string): IngestError {
  return new IngestError(
    "missing-part",
    `文件“${file}”是压缩包，但其中没有 Word 正文（word/document.xml），不是有效的 .docx 文档。` +
      `请确认选择了正确的文件；若它是 Word 文档，${SAVE_AGAIN}`,
    file,
  );
}

/** The six parts the OOXML reader reads. */
export function unzipDocx(bytes: Uint8Array, file: string, limits: ZipLimits = ZIP_LIMITS): DocxParts {
  const parts = readZip(bytes, file, canonical, limits);
  const main = parts.get("word/document.xml");
  if (!main) throw missingBody(file);
  const out: DocxParts = { "word/document.xml": main };
  for (const name of DOCX_PARTS) {
    const data = parts.get(name);
    if (data) out[name] = data;
  }
  return out;
}

/** Every XML part, keyed by its stored name (for the mammoth reader). */
export function unzipXmlParts(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const parts = readZip(bytes, file, (n) => (isXmlPart(n) ? n : undefined), limits);
  if (![...parts.keys()].some((n) => n.toLowerCase() === "word/document.xml")) throw missingBody(file);
  return parts;
}
