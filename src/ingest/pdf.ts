/**
 * PDF with a text layer → RawDocument, every block tagged with its page. pdf.js (through unpdf, which
 * bundles a build that runs in Deno without a worker or canvas) gives each page's text items with positions
 * and its operator list, whose drawn lines are the tables' ruling lines (pdf-rules.ts); pdf-layout.ts turns
 * both into paragraphs and tables (reading order, running headers/footers and page numbers removed,
 * paragraphs joined across line and page breaks, cell grids with spans) and marks what it had to infer.
 *
 * A PDF whose pages carry no text (scanned) is refused with "needs-ocr" rather than audited as empty.
 */
import type { RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";
import { layoutBlocks, type PdfItem, type PdfPage } from "./pdf-layout.ts";
import { type OpCodes, pathSegments } from "./pdf-rules.ts";

export const PDF_LIMITS = {
  /** Pages read at most. */
  maxPages: 2000,
  /** Text items read at most, over all pages. */
  maxItems: 2_000_000,
  /** Wall-clock budget for parsing (checked between pages). */
  maxMs: 120_000,
};

function needsOcr(file: string): IngestError {
  return new IngestError(
    "needs-ocr",
    `PDF 文件“${file}”没有文字层（可能是扫描件或图片），需要OCR（文字识别）后才能审核。` +
      `请使用原始的 Word 文档，或先用 OCR 软件（如 WPS、Adobe Acrobat 的“识别文字”）将其转换为可复制文字的 PDF 或 .docx 后再试。`,
    file,
  );
}

function badPdf(file: string, what: string): IngestError {
  const encrypted = /password/i.test(what);
  return new IngestError(
    encrypted ? "encrypted" : "bad-pdf",
    encrypted
      ? `PDF 文件“${file}”设有打开密码，无法读取。请取消密码后另存，或使用原始的 Word 文档。`
      : `无法读取 PDF 文件“${file}”：文件已损坏或不完整（${what}）。请重新获取完整文件，或使用原始的 Word 文档。`,
    file,
  );
}

export async function readPdf(bytes: Uint8Array, file: string): Promise<RawDocument> {
  const { getDocumentProxy } = await import("unpdf");
  const started = Date.now();
  // pdf.js detaches the buffer it is given: hand it a copy.
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, disableFontFace: true });
  } catch (e) {
    throw badPdf(file, ((e as Error)?.message ?? String(e)).slice(0, 120));
  }
  try {
    if (pdf.numPages > PDF_LIMITS.maxPages) {
      throw new IngestError(
        "too-large",
        `PDF 文件“${file}”有 ${pdf.numPages} 页，超过 ${PDF_LIMITS.maxPages} 页的上限。请只保留需要审核的部分后再试。`,
        file,
      );
    }
    const { OPS } = await import("unpdf/pdfjs") as unknown as { OPS: OpCodes };
    const pages: PdfPage[] = [];
    let items = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      if (Date.now() - started > PDF_LIMITS.maxMs) {
        throw new IngestError(
          "timeout",
          `PDF 文件“${file}”读取超过 ${
            PDF_LIMITS.maxMs / 1000
          } 秒仍未完成（第 ${n} 页），已停止。请使用原始的 Word 文档。`,
          file,
        );
      }
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const pageItems: PdfItem[] = [];
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        const [a, b, c, d, e, f] = raw.transform as number[];
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue; // rotated text: stamps, margins
        pageItems.push({ text: raw.str, x: e - x0, y: f - y0, w: raw.width, size: Math.hypot(c, d) || a });
      }
      items += pageItems.length;
      if (items > PDF_LIMITS.maxItems) {
        throw new IngestError(
          "too-large",
          `PDF 文件“${file}”的文字块超过 ${PDF_LIMITS.maxItems} 个，超出处理上限。请使用原始的 Word 文档。`,
          file,
        );
      }
      // Ruling lines only matter on pages with text.
      const ops = pageItems.length ? await page.getOperatorList() : null;
      const rules = ops
        ? pathSegments(ops.fnArray, ops.argsArray, OPS).map((r) => ({
          x0: r.x0 - x0,
          x1: r.x1 - x0,
          y0: r.y0 - y0,
          y1: r.y1 - y0,
        }))
        : [];
      pages.push({ n, width: x1 - x0, height: y1 - y0, items: pageItems, rules });
      page.cleanup();
    }
    if (pages.every((p) => p.items.every((i) => i.text.trim() === ""))) throw needsOcr(file);
    const blocks = layoutBlocks(pages);
    const textPages = pages.filter((p) => p.items.some((i) => i.text.trim() !== "")).length;
    return {
      blocks,
      diagnostics: [{
        level: "info",
        code: "pdf-reader",
        message: `PDF 按版面文字读取（${pdf.numPages} 页${
          textPages < pdf.numPages ? `，其中 ${pdf.numPages - textPages} 页没有文字层` : ""
        }）：页眉页脚和页码已去除，表格按框线还原（无框线时按对齐的列识别），跨页拼接的段落和推断出的表格上的问题只作为提示或警告；以原始 Word 文档为准。`,
      }],
      reader: "pdf",
    };
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw badPdf(file, ((e as Error)?.message ?? String(e)).slice(0, 120));
  } finally {
    await pdf.cleanup().catch(() => {});
  }
}
