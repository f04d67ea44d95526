/**
 * bytes → Document. The only entry point extract, checks and the CLI use; readers sit behind it.
 * Order: sniff the bytes (empty, old/encrypted Word, CSV, zip, anything else), validate the zip and inflate
 * only the XML parts, run the reader, build the Document, refuse a document without any text.
 */
import type { Document } from "../model/document.ts";
import type { RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";
import { sniff } from "./sniff.ts";
import { type DocxParts, unzipDocx } from "./zip.ts";
import { decodeXml, unsafeXml } from "./ooxml/xml.ts";
import { readOoxml } from "./ooxml/index.ts";
import { buildDocument } from "./build.ts";
import { readCsv } from "./csv-reader.ts";

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
  return buildDocument(raw);
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
  // Validation (corrupt zip, zip bomb, missing body, unsafe XML) runs whichever reader is chosen.
  const parts = unzipDocx(bytes, opts.file);
  if (opts.reader === "mammoth") {
    assertNoDoctype(parts, opts.file); // the OOXML reader checks this while parsing
    const { readWithMammoth } = await import("./mammoth-reader.ts"); // loaded only when asked for
    return await readWithMammoth(bytes);
  }
  return readOoxml(parts, opts.file);
}

function hasText(raw: RawDocument): boolean {
  return raw.blocks.some((b) =>
    b.kind === "paragraph"
      ? b.text.trim() !== ""
      : b.rows.some((r) => r.some((c) => c.paragraphs.some((p) => p.trim() !== "")))
  );
}

function assertNoDoctype(parts: DocxParts, file: string): void {
  for (const [name, bytes] of Object.entries(parts)) {
    if (bytes && /<!DOCTYPE|<!ENTITY/i.test(decodeXml(bytes))) {
      throw unsafeXml(file, name, "含有 DOCTYPE/实体声明");
    }
  }
}
