/**
 * bytes → Document. The only entry point extract, checks and the CLI use; readers sit behind it.
 * Order: sniff the bytes by content (empty, encrypted OOXML, .doc/.wps, .xls, CSV, .docx, .xlsx, PDF,
 * anything else), run the reader for that format (or convert with LibreOffice first when asked), build
 * the Document, refuse a document without any text.
 */
import type { Document } from "../model/document.ts";
import type { RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";
import { formatName, sniff } from "./sniff.ts";
import { listEntries, missingBody, unzipDocx, unzipXmlParts } from "./zip.ts";
import { parseXml } from "./ooxml/xml.ts";
import { readOoxml } from "./ooxml/index.ts";
import { buildDocument } from "./build.ts";
import { readCsv } from "./csv-reader.ts";
import { TableTooLarge, tableTooLarge } from "./limits.ts";
import { readXlsx } from "./xlsx.ts";

export type ReaderName = "ooxml" | "mammoth";

export interface ReadOptions {
  /** File name (for messages and to tell .csv from .docx). */
  file: string;
  reader?: ReaderName;
  /** Convert .doc/.wps/.xls/RTF with LibreOffice (soffice) first, for full fidelity. */
  convertWithSoffice?: boolean;
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
  let doc: Document;
  try {
    doc = buildDocument(raw, opts.file);
  } catch (e) {
    throw e instanceof TableTooLarge ? tableTooLarge(opts.file, e.what) : e;
  }
  return withPages(raw, doc);
}

/** Page numbers of the raw blocks (PDF) onto the built blocks, which are one for one with them. */
function withPages(raw: RawDocument, doc: Document): Document {
  if (!raw.blocks.some((b) => b.page !== undefined) || raw.blocks.length !== doc.blocks.length) return doc;
  doc.blocks.forEach((b, i) => {
    const page = raw.blocks[i].page;
    if (page !== undefined) b.page = page;
    const r = raw.blocks[i];
    if (r.inferred) b.inferred = true;
    if (r.kind === "paragraph" && r.joins && b.kind === "paragraph") b.joins = r.joins;
  });
  return doc;
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
  const kind = sniff(bytes, file);
  const format = formatName(kind, file);
  switch (kind) {
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
    case "doc":
      if (opts.convertWithSoffice) return await converted(bytes, opts, "doc", "docx", format);
      return await (await import("./doc.ts")).readDoc(bytes, file, format);
    case "xls":
      if (opts.convertWithSoffice) return await converted(bytes, opts, "xls", "xlsx", format);
      throw new IngestError(
        "legacy-xls",
        `文件“${file}”是${format}（旧版二进制 BIFF 格式），本工具不直接读取这种格式。` +
          `请在 Excel/WPS 中打开它，“另存为”→“Excel 工作簿（*.xlsx）”后再审核；` +
          `或在已安装 LibreOffice 的电脑上加 --convert-with-soffice 由本工具自动转换。`,
        file,
      );
    case "ole-legacy":
      throw new IngestError(
        "legacy-doc",
        `文件“${file}”是旧版 Office 二进制文件，但既不是 Word 文档也不是 Excel 工作簿（可能是 PowerPoint、` +
          `Works 或其他程序的文件），无法审核。${SAVE_AS_DOCX}`,
        file,
      );
    case "csv":
      return readCsv(bytes, file);
    case "docx":
      return await readDocx(bytes, opts);
    case "xlsx":
      return readXlsx(bytes, file);
    case "zip":
      return otherZip(bytes, file);
    case "pdf":
      return await (await import("./pdf.ts")).readPdf(bytes, file);
    case "rtf":
      if (opts.convertWithSoffice) return await converted(bytes, opts, "rtf", "docx", "RTF 文件");
      throw notDocx(file, "这是 RTF 格式文件");
    case "html":
      throw notDocx(file, "这是网页（HTML/MHT）格式文件");
    default:
      throw notDocx(file, "它不是 Word、Excel 或 PDF 文档");
  }
}

/** LibreOffice converts; the OOXML readers read the result, named as the original file. */
async function converted(
  bytes: Uint8Array,
  opts: ReadOptions,
  from: string,
  to: "docx" | "xlsx",
  format: string,
): Promise<RawDocument> {
  const { convertWithSoffice } = await import("./soffice.ts");
  const out = await convertWithSoffice(bytes, opts.file, from, to);
  const raw = to === "docx" ? await readDocx(out, opts) : readXlsx(out, opts.file);
  raw.reader = `soffice+${raw.reader}`;
  raw.diagnostics.unshift({
    level: "info",
    code: "soffice-converted",
    message: `${format}已用 LibreOffice 转换为 .${to} 后读取。`,
  });
  return raw;
}

/** A zip that is neither a .docx nor an .xlsx: name what it is (a damaged zip is reported as such). */
function otherZip(bytes: Uint8Array, file: string): never {
  const names = listEntries(bytes, file).map((e) => e.name.toLowerCase());
  const what = names.some((n) => n.startsWith("ppt/"))
    ? "PowerPoint 演示文稿（.pptx）"
    : names.includes("mimetype") && names.includes("content.xml")
    ? "OpenDocument 文档（.odt/.ods）"
    : names.some((n) => n.startsWith("doc_") || n === "ofd.xml")
    ? "OFD 版式文件"
    : null;
  if (what === null) throw missingBody(file);
  throw new IngestError(
    "missing-part",
    `文件“${file}”是${what}，不是 Word 或 Excel 文档，无法审核。请提供报告的 .docx（或 .doc、.xlsx、PDF）文件。`,
    file,
  );
}

function notDocx(file: string, what: string): IngestError {
  return new IngestError(
    "not-docx",
    `无法读取文件“${file}”：${what}，本工具可读取 Word（.docx/.doc/.wps）、Excel（.xlsx）、PDF 和 .csv 表格。` +
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
