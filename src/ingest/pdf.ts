/**
 * PDF with a text layer → RawDocument, every block tagged with its page. pdf.js (through unpdf, which
 * bundles a build that runs in Deno without a worker or canvas) gives text items with positions; from them:
 * lines (items sharing a baseline, left to right; CJK text joined without spaces, Latin words with one),
 * running headers/footers and page numbers dropped (the same text, digits aside, near the top or bottom of
 * most pages), paragraphs (a line that runs to the right margin, or ends in 、，, continues on the next
 * line unless that one is indented or starts a numbered heading; across pages too), and tables where
 * several consecutive lines split into the same columns (conservative: each visual line is a row).
 *
 * A PDF whose pages carry no text (scanned) is refused with "needs-ocr" rather than audited as empty.
 */
import type { RawBlock, RawDocument } from "../model/raw.ts";
import { IngestError } from "./errors.ts";

export const PDF_LIMITS = {
  /** Pages read at most. */
  maxPages: 2000,
  /** Text items read at most, over all pages. */
  maxItems: 2_000_000,
  /** Wall-clock budget for parsing (checked between pages). */
  maxMs: 120_000,
};

interface Item {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  text: string;
  segments: Segment[];
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const HEADING_START =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?[0-9]{1,2}[.、)）](?![0-9])|（[0-9]{1,2}）|[①-⑳]|附件\s*\d|第[一二三四五六七八九十]+[章节部分])/;
const SENTENCE_END = /[。！？；：:;!?」』”）)]$/;
const CONTINUES = /[、，,（(《“—\-－]$/;
const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?[0-9０-９]+\s*(?:页)?(?:\s*[/／]\s*(?:共\s*)?[0-9]+\s*页?)?[-—–\s]*$/;

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

/** Items of a page → lines (top to bottom), each split into segments at wide gaps. */
function pageLines(items: Item[], page: number): Line[] {
  const sorted = items.filter((i) => i.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - it.y) < Math.max(row[0].size, it.size) * 0.4) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.size));
    const segments: Segment[] = [];
    let seg: Segment | null = null;
    for (const it of row) {
      const text = it.text.replace(/\s+/g, " ");
      if (seg) {
        const gap = it.x - seg.x1;
        if (gap > size * 0.9) {
          segments.push(seg);
          seg = null;
        } else {
          const prev = seg.text.slice(-1), next = text.trimStart()[0] ?? "";
          const space = gap > size * 0.2 && !CJK.test(prev) && !CJK.test(next) && prev !== " ";
          seg.text += (space ? " " : "") + text;
          seg.x1 = Math.max(seg.x1, it.x + it.w);
          continue;
        }
      }
      seg = { x0: it.x, x1: it.x + it.w, text };
    }
    if (seg) segments.push(seg);
    for (const s of segments) s.text = s.text.trim();
    const kept = segments.filter((s) => s.text !== "");
    return {
      page,
      y: row[0].y,
      size,
      x0: kept[0]?.x0 ?? row[0].x,
      x1: Math.max(...kept.map((s) => s.x1)),
      text: kept.map((s) => s.text).join(" "),
      segments: kept,
    };
  }).filter((l) => l.text !== "");
}

/** Running headers, footers and page numbers: near the page's top/bottom and repeated (digits aside). */
function dropRunning(pages: Line[][], heights: number[]): Line[][] {
  const key = (l: Line) => l.text.replace(/[0-9０-９]+/g, "#").replace(/\s+/g, "");
  const inMargin = (l: Line) => {
    const h = heights[l.page - 1];
    return l.y > h * 0.9 || l.y < h * 0.1;
  };
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of lines) if (inMargin(l)) seen.add(key(l));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minPages = Math.max(2, Math.ceil(pages.length * 0.4));
  return pages.map((lines) =>
    lines.filter((l) => {
      if (!inMargin(l)) return true;
      // Only the outermost lines can be running text: never a body line that sits low on a page.
      const k = key(l);
      if (PAGE_NUMBER.test(l.text)) return false;
      return pages.length < 2 || (counts.get(k) ?? 0) < minPages;
    })
  );
}

/** Consecutive lines (≥ 2) that split into ≥ 2 segments on shared column starts: a table. */
function tableRuns(lines: Line[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].segments.length < 2) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && lines[j].page === lines[j - 1].page && lines[j].segments.length >= 2) j++;
    if (j - i < 2) {
      i = j;
      continue;
    }
    // Once the columns are known, lines whose every segment starts on one of them (a cell's wrapped
    // text, a row with one filled cell) stay in the table, across pages too.
    const starts = columnStarts(lines.slice(i, j));
    const fits = (l: Line) =>
      l.segments.every((s) => starts.some((x) => Math.abs(x - s.x0) < l.size * 0.8)) &&
      (l.segments.length >= 2 || l.x0 > starts[0] + l.size * 0.8 || l.x1 < starts[1]);
    while (j < lines.length && fits(lines[j])) j++;
    const shared = lines.slice(i, j).filter(fits).length;
    if (starts.length >= 2 && shared >= (j - i) * 0.6) runs.push([i, j]);
    i = j;
  }
  return runs;
}

function columnStarts(lines: Line[]): number[] {
  const xs = lines.flatMap((l) => l.segments.map((s) => s.x0)).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - out[out.length - 1] > 6) out.push(x);
  // A column start must be used by at least two lines.
  return out.filter((c) => lines.filter((l) => l.segments.some((s) => Math.abs(s.x0 - c) < 6)).length >= 2);
}

function tableBlock(lines: Line[]): RawBlock {
  const starts = columnStarts(lines);
  const colOf = (x: number) => {
    let best = 0;
    for (let c = 1; c < starts.length; c++) {
      if (Math.abs(starts[c] - x) < Math.abs(starts[best] - x)) best = c;
    }
    return best;
  };
  const rows = lines.map((l) => {
    const cells: string[][] = starts.map(() => []);
    for (const s of l.segments) cells[colOf(s.x0)].push(s.text);
    return cells.map((ps) => ({ paragraphs: [ps.join(" ")], colspan: 1, rowspan: 1 }));
  });
  return { kind: "table", origin: "body", rows, page: lines[0].page };
}

/** Lines → paragraphs: where a line breaks only because the text reached the margin, join. */
function paragraphs(lines: Line[], margins: { left: number; right: number }): RawBlock[] {
  const out: RawBlock[] = [];
  let cur: { text: string; page: number; last: Line } | null = null;
  const flush = () => {
    if (cur) out.push({ kind: "paragraph", text: cur.text, origin: "body", page: cur.page });
    cur = null;
  };
  for (const l of lines) {
    if (cur) {
      const prev: Line = cur.last;
      const samePage = prev.page === l.page;
      const gap = samePage ? prev.y - l.y : prev.size * 1.3;
      const full = prev.x1 >= margins.right - prev.size * 1.5;
      const indented = l.x0 > margins.left + l.size * 1.2;
      const join = !HEADING_START.test(l.text) && !indented && gap < prev.size * 2.2 &&
        Math.abs(prev.size - l.size) < 1.5 &&
        (CONTINUES.test(prev.text) || (full && !SENTENCE_END.test(prev.text)) ||
          (full && prev.x0 <= margins.left + prev.size * 0.5));
      if (join) {
        const a = cur.text.slice(-1), b = l.text[0];
        cur.text += CJK.test(a) || CJK.test(b) ? l.text : ` ${l.text}`;
        cur.last = l;
        continue;
      }
      flush();
    }
    cur = { text: l.text, page: l.page, last: l };
  }
  flush();
  return out;
}

/** The most common left and right text edges: the body's margins. */
function margins(lines: Line[]): { left: number; right: number } {
  const mode = (xs: number[]) => {
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(Math.round(x / 4), (counts.get(Math.round(x / 4)) ?? 0) + 1);
    let best = 0, n = -1;
    for (const [k, c] of counts) if (c > n) (best = k, n = c);
    return best * 4;
  };
  const left = mode(lines.map((l) => l.x0));
  // Full lines of body text all end at the right margin: the commonest right edge right of the middle.
  const xs = lines.map((l) => l.x1).sort((a, b) => a - b);
  const right = mode(xs.slice(Math.floor(xs.length / 2)));
  return { left, right };
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
    const pages: Line[][] = [];
    const heights: number[] = [];
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
      const [, y0, , y1] = page.view;
      heights.push(y1 - y0);
      const content = await page.getTextContent();
      const pageItems: Item[] = [];
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        const [a, b, c, d, e, f] = raw.transform as number[];
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue; // rotated text: stamps, margins
        pageItems.push({ text: raw.str, x: e, y: f - y0, w: raw.width, size: Math.hypot(c, d) || a });
      }
      items += pageItems.length;
      if (items > PDF_LIMITS.maxItems) {
        throw new IngestError(
          "too-large",
          `PDF 文件“${file}”的文字块超过 ${PDF_LIMITS.maxItems} 个，超出处理上限。请使用原始的 Word 文档。`,
          file,
        );
      }
      pages.push(pageLines(pageItems, n));
      page.cleanup();
    }
    if (pages.every((p) => p.length === 0)) throw needsOcr(file);
    const lines = dropRunning(pages, heights).flat();
    const m = margins(lines);
    const blocks: RawBlock[] = [];
    let at = 0;
    for (const [i, j] of tableRuns(lines)) {
      blocks.push(...paragraphs(lines.slice(at, i), m));
      blocks.push(tableBlock(lines.slice(i, j)));
      at = j;
    }
    blocks.push(...paragraphs(lines.slice(at), m));
    const textPages = pages.filter((p) => p.length > 0).length;
    return {
      blocks,
      diagnostics: [{
        level: "info",
        code: "pdf-reader",
        message: `PDF 按版面文字读取（${pdf.numPages} 页${
          textPages < pdf.numPages ? `，其中 ${pdf.numPages - textPages} 页没有文字层` : ""
        }）：页眉页脚和页码已去除，表格按对齐的列识别，合并单元格和单元格内换行无法还原；以原始 Word 文档为准。`,
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
