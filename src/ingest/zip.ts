/**
 * Open a .docx (a zip) and inflate only the XML parts the readers need. Media are never inflated, so a
 * large document full of images costs its file size and nothing more. Declared sizes and compression
 * ratios are checked before anything is inflated (zip bombs), and inflation is bounded by the declared
 * size.
 */
import { unzipSync } from "fflate";
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
  /** Largest declared uncompressed size of one XML part. */
  maxPartBytes: 200 * 1024 * 1024,
  /** Compression ratio above which a part is refused … */
  maxRatio: 200,
  /** … when it is at least this large once inflated (small parts compress absurdly well legitimately). */
  ratioFloorBytes: 10 * 1024 * 1024,
};

const WANTED = new Set<string>(DOCX_PARTS);
const MB = 1024 * 1024;

/** Case-insensitive lookup: some producers write "Word/Document.xml". */
function canonical(name: string): string | undefined {
  const lower = name.replace(/^\/+/, "").toLowerCase();
  return WANTED.has(lower) ? lower : undefined;
}

export function unzipDocx(bytes: Uint8Array, file: string, limits = ZIP_LIMITS): DocxParts {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(entry) {
        if (canonical(entry.name) === undefined) return false;
        const ratio = entry.size > 0 ? entry.originalSize / entry.size : entry.originalSize;
        if (
          entry.originalSize > limits.maxPartBytes ||
          (entry.originalSize >= limits.ratioFloorBytes && ratio > limits.maxRatio)
        ) {
          throw new IngestError(
            "unsafe-zip",
            `文件“${file}”中的 ${entry.name} 声明解压后大小为 ${(entry.originalSize / MB).toFixed(1)} MB` +
              `（压缩比 ${Math.round(ratio)}:1），超出安全上限，疑似“压缩炸弹”，已拒绝读取。` +
              `请确认文件来源；如确为正常报告，请在 Word/WPS 中重新另存为 .docx 后再试。`,
            file,
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(
      "truncated-zip",
      `文件“${file}”已损坏或不完整（压缩包无法解开：${(e as Error).message}），可能是下载或拷贝中断。` +
        `请重新获取完整文件，或在 Word/WPS 中打开并另存为 .docx 后再试。`,
      file,
    );
  }
  const parts: Partial<Record<DocxPartName, Uint8Array>> = {};
  for (const [name, data] of Object.entries(entries)) {
    const key = canonical(name) as DocxPartName;
    parts[key] = data;
  }
  const main = parts["word/document.xml"];
  if (!main) {
    throw new IngestError(
      "missing-part",
      `文件“${file}”是压缩包，但其中没有 Word 正文（word/document.xml），不是有效的 .docx 文档。` +
        `请确认选择了正确的文件；若它是 Word 文档，请在 Word/WPS 中打开并另存为 .docx 后再试。`,
      file,
    );
  }
  return { ...parts, "word/document.xml": main };
}
