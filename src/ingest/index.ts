/**
 * bytes → Document. The only entry point extract, checks and the CLI use; readers sit behind it.
 * Order: sniff the bytes (empty, old/encrypted Word, CSV, zip, anything else), validate the zip and inflate
 * only the XML parts, run the reader, build the Document, refuse a document without any text.
 */
import type { Document } from "../model/document.ts";
import type { RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";
import { sniff } from "./sniff.ts";
import { missingBody, unzipDocx, unzipXmlParts } from "./zip.ts";
import { parseXml } from "./ooxml/xml.ts";
import { readOoxml } from "./ooxml/index.ts";
import { buildDocument } from "./build.ts";
import { readCsv } from "./csv-reader.ts";
import { TableTooLarge, tableTooLarge } from "./limits.ts";

export type ReaderName = "ooxml" | "mammoth";

export interface ReadOptions {
  /** File name (for messages and to tell .csv from .docx). */
  file: string;
  reader?: ReaderName;
}

/** Largest input accepted (a report with many scanned images stays far below). */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

const SAVE_AS_DOCX = "请在 Word 或 WPS 中打开它，选择“另存为”→“Word 文档（*.docx）”后再审核。";

export async function readDocument(bytes: Uint8Array, opts: ReadOptions): Promise<Document> {
  const raw = await readRaw(bytes, opts);
  if (!hasText(raw)) {
    throw new IngestError(
      "empty-document",
      `文件“${opts.file}”是有效的文档，但其中没有任何文字（可能只有图片、扫描件或空白页）。` +
        `请确认选择了正确的文件；如果报告是扫描件，请先转换为可编辑的文字版 .docx。`,
      opts.file,
    );
  }
  try {
    return buildDocument(raw, opts.file);
  } catch (e) {
    throw e instanceof TableTooLarge ? tableTooLarge(opts.file, e.what) : e;
  }
}

/** Sniff, validate and read, without building: what the differential tests and benchmarks compare. */
export async function readRaw(bytes: Uint8Array, opts: ReadOptions): Promise<RawDocument> {
  const { file } = opts;
  if (bytes.length > MAX_FILE_BYTES) {
    throw new IngestError(
      "too-large",
      `文件“${file}”有 ${(bytes.length / 1024 / 1024).toFixed(0)} MB，超过 ` +
        `${MAX_FILE_BYTES / 1024 / 1024} MB 的上限。请压缩或删除文档中的图片后另存为 .docx 再试。`,
      file,
    );
  }
  switch (sniff(bytes, file)) {
    case "empty":
      throw new IngestError(
        "empty-file",
        `文件“${file}”是空文件（0 字节），可能是下载或拷贝未完成。请重新获取完整的报告文件。`,
        file,
      );
    case "ole-encrypted":
      throw new IngestError(
        "encrypted",
        `文件“${file}”设有打开密码（已加密），无法读取。请在 Word/WPS 中输入密码打开，` +
          `在“文件→信息→保护文档”中取消密码并另存为 .docx 后再审核。`,
        file,
      );
    case "ole-legacy":
      throw new IngestError(
        "legacy-doc",
        `文件“${file}”是旧版 Word 97-2003 格式（.doc），本工具只能读取 .docx。${SAVE_AS_DOCX}`,
        file,
      );
    case "csv":
      return readCsv(bytes, file);
    case "zip":
      return await readDocx(bytes, opts);
    case "pdf":
      throw notDocx(file, "这是 PDF 文件");
    case "rtf":
      throw notDocx(file, "这是 RTF 格式文件");
    case "html":
      throw notDocx(file, "这是网页（HTML/MHT）格式文件");
    default:
      throw notDocx(file, "它不是 Word 文档");
  }
}

function notDocx(file: string, what: string): IngestError {
  return new IngestError(
    "not-docx",
    `无法读取文件“${file}”：${what}，本工具只能读取 Word .docx 文档（或 .csv 表格）。` +
      `如果它本是 Word 文档，${SAVE_AS_DOCX}`,
    file,
  );
}

async function readDocx(bytes: Uint8Array, opts: ReadOptions): Promise<RawDocument> {
  // One zip layer with the limits (corrupt zip, zip bomb, size lies, missing body) serves both readers.
  if (opts.reader !== "mammoth") return readOoxml(unzipDocx(bytes, opts.file), opts.file);
  const parts = unzipXmlParts(bytes, opts.file);
  // The OOXML reader refuses DOCTYPE, deep nesting and malformed XML while parsing; mammoth's parser is
  // lenient and its errors are not ours, so every part it will see goes through the same parser first.
  checkXmlParts(parts, opts.file);
  const { readWithMammoth } = await import("./mammoth-reader.ts"); // loaded only when asked for
  try {
    return await readWithMammoth(parts);
  } catch (e) {
    throw mammothError(e, opts.file);
  }
}

/** The OOXML reader's parts first, in its order (so both readers name the same part), then the rest. */
function checkXmlParts(parts: Map<string, Uint8Array>, file: string): void {
  const order = [...parts.keys()].sort((a, b) => rank(a) - rank(b));
  const none = () => {};
  for (const name of order) {
    const data = parts.get(name)!;
    parseXml(data, DOCX_PART_ORDER.includes(name.toLowerCase()) ? name.toLowerCase() : name, file, {
      open: none,
      close: none,
      text: none,
    });
  }
}

/** The order the OOXML reader parses its parts in. */
const DOCX_PART_ORDER: string[] = [
  "word/styles.xml",
  "word/numbering.xml",
  "word/document.xml",
  "word/footnotes.xml",
  "word/endnotes.xml",
  "word/comments.xml",
];

function rank(name: string): number {
  const i = DOCX_PART_ORDER.indexOf(name.toLowerCase());
  return i < 0 ? DOCX_PART_ORDER.length : i;
}

/** mammoth's own failures, once the parts are known to be well-formed: what they mean for the user. */
function mammothError(e: unknown, file: string): unknown {
  if (e instanceof IngestError) return e;
  const message = (e as Error)?.message ?? String(e);
  if (/main document part/i.test(message)) return missingBody(file);
  if (e instanceof RangeError) {
    return new IngestError(
      "too-large",
      `文件“${file}”的结构过于复杂（${message}），mammoth 读取器无法处理。请改用默认读取器（不加 --reader mammoth）。`,
      file,
    );
  }
  return e;
}

function hasText(raw: RawDocument): boolean {
  return raw.blocks.some((b) =>
    b.kind === "paragraph"
      ? b.text.trim() !== ""
      : b.rows.some((r) => r.some((c) => c.paragraphs.some((p) => p.trim() !== "")))
  );
}
