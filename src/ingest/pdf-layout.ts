/**
 * PDF page layout → RawBlocks: the pure part of the PDF reader (src/ingest/pdf.ts reads text items and ruling
 * lines with pdf.js and hands them here), so it can be tested on synthetic pages.
 *
 * - Lines: items sharing a baseline, left to right (CJK joined without spaces, Latin words with one),
 *   split into segments at wide gaps.
 * - Running headers, footers and page numbers: the outermost lines of a page, in the top or bottom margin,
 *   whose text (digits aside) recurs at about the same height on many pages, or that read as a page number.
 * - Tables from ruling lines (pdf-rules.ts): the cell grid with row and column spans; a cell's wrapped lines
 *   stay in the cell. A table continuing at the top of the next page with the same columns is appended.
 *   Without ruling lines, consecutive lines splitting into the same columns become a table only when the
 *   alignment is unambiguous; such a table is marked `inferred`.
 * - Paragraphs: a line continues the previous one when that one was full (the next line's first word would
 *   not have fitted on it) and did not end a sentence, when the next line is not indented, not numbered, not
 *   centred and not after a wider gap; a numbered heading line (manualHeading, as build.ts reads it) and a
 *   centred short line stand alone. Across a page break the same test joins the page's last body line to the
 *   next page's first one; such paragraphs (and any join made despite sentence-final punctuation) are
 *   marked `inferred`, so src/audit.ts never makes a certain error of them.
 */
import type { RawBlock, RawCell, RawParagraph, RawTable } from "../model/raw.ts";
import { manualHeading, parseMarker } from "./headings.ts";
import { type RuledTable, ruledTables, type Segment as RuleSegment } from "./pdf-rules.ts";

export interface PdfItem {
  text: string;
  /** Left edge and baseline, in page units, y up from the page's bottom. */
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface PdfPage {
  /** 1-based. */
  n: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** Axis-aligned drawn segments (ruling lines), page units. */
  rules: RuleSegment[];
}

interface Seg {
  x0: number;
  x1: number;
  text: string;
}

export interface Line {
  page: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  text: string;
  segments: Seg[];
}

const CJK = /[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const SENTENCE_END = /[。！？；!?;]$|[。！？；][”’」』）)]$/;
/** Characters a line may not start with (kinsoku): they travel with the character before them. */
const NO_START = /^[，。、；：？！）》”’」』〕】］%％]+/;
/** Characters a line may not end with: they travel with the character after them. */
const NO_END = /^[“‘（(《「『【〔]+/;

// ---------------------------------------------------------------------------------------------- lines

/** Items of a page (or of a table cell) → lines, top to bottom, each split into segments at wide gaps. */
export function itemLines(items: PdfItem[], page: number): Line[] {
  // Space items stay (a space the writer typed is text), but a line is never made of them alone.
  const sorted = items.filter((i) => i.text !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - it.y) < Math.max(row[0].size, it.size) * 0.4) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.size));
    const segments: Seg[] = [];
    let seg: Seg | null = null;
    for (const [k, it] of row.entries()) {
      const text = it.text.replace(/\s+/g, " ");
      if (text === " " && seg && autospace(it, seg.text.slice(-1), row[k + 1]?.text[0] ?? "")) continue;
      if (seg) {
        const gap = it.x - seg.x1;
        if (gap > size * 0.9) {
          segments.push(seg);
          seg = null;
        } else {
          const prev = seg.text.slice(-1), next = text.trimStart()[0] ?? "";
          const space = gap > size * 0.2 && !CJK.test(prev) && !CJK.test(next) && prev !== " " &&
            !text.startsWith(" ");
          seg.text += (space ? " " : "") + (prev === " " ? text.trimStart() : text);
          seg.x1 = Math.max(seg.x1, it.x + it.w);
          continue;
        }
      }
      seg = { x0: it.x, x1: it.x + it.w, text };
    }
    if (seg) segments.push(seg);
    for (const s of segments) s.text = s.text.trim();
    const kept = segments.filter((s) => s.text !== "");
    const last = kept[kept.length - 1];
    // A page number far right of an entry: a table-of-contents line, written as Word's tab would be.
    const toc = kept.length >= 2 && /^[0-9０-９]{1,4}$/.test(last.text) &&
      /[.．…·•\-_]{3,}$|[\u4e00-\u9fff）)]$/.test(kept[kept.length - 2].text);
    const text = toc
      ? `${kept.slice(0, -1).map((s) => s.text).join(" ")}\t${last.text}`
      : kept.map((s) => s.text).join(" ");
    return {
      page,
      y: row[0].y,
      size,
      x0: kept[0]?.x0 ?? row[0].x,
      x1: kept.length ? Math.max(...kept.map((s) => s.x1)) : row[0].x,
      text,
      segments: kept,
    };
  }).filter((l) => l.text !== "");
}

/**
 * A narrow space item between a CJK character and a Latin letter or digit: the spacing a word processor
 * puts between scripts (LibreOffice writes it as a 0.2 em space glyph), not a space in the text.
 */
function autospace(it: PdfItem, before: string, after: string): boolean {
  return it.w <= it.size * 0.22 && before !== "" && after !== "" && CJK.test(before) !== CJK.test(after);
}

// --------------------------------------------------------------------------------- running text

const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?[0-9０-９]+\s*(?:页)?(?:\s*[/／]\s*(?:共\s*)?[0-9]+\s*页?)?[-—–\s]*$/;

/**
 * Running headers, footers and page numbers. Only a page's outermost lines qualify (the top ones down to
 * the first line that is not running text, the bottom ones likewise), and only inside the top or bottom
 * 12% of the page: a page number by its form, other text when the same text (digits aside) stands at
 * about the same height on at least 40% of the pages (2 at least).
 */
export function dropRunning(pages: Line[][], heights: number[]): Line[][] {
  const key = (l: Line) =>
    `${l.text.replace(/[0-9０-９]+/g, "#").replace(/\s+/g, "")}@${Math.round(l.y / 6)}`;
  const near = (l: Line) => {
    const k = l.text.replace(/[0-9０-９]+/g, "#").replace(/\s+/g, "");
    return [-1, 0, 1].map((d) => `${k}@${Math.round(l.y / 6) + d}`);
  };
  const margin = (l: Line) => {
    const h = heights[l.page - 1];
    return l.y > h * 0.88 ? "top" : l.y < h * 0.12 ? "bottom" : null;
  };
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of lines) if (margin(l)) seen.add(key(l));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minPages = Math.max(2, Math.ceil(pages.length * 0.4));
  const running = (l: Line) => {
    if (!margin(l)) return false;
    if (PAGE_NUMBER.test(l.text)) return true;
    if (pages.length < 2) return false;
    return near(l).reduce((n, k) => n + (counts.get(k) ?? 0), 0) >= minPages;
  };
  return pages.map((lines) => {
    let top = 0, bottom = lines.length;
    while (top < bottom && margin(lines[top]) === "top" && running(lines[top])) top++;
    while (bottom > top && margin(lines[bottom - 1]) === "bottom" && running(lines[bottom - 1])) bottom--;
    return lines.slice(top, bottom);
  });
}

// -------------------------------------------------------------------------------------- tables

function cellParagraphs(items: PdfItem[], page: number, right: number): string[] {
  const lines = itemLines(items, page);
  const out: string[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    const text = l.segments.map((s) => s.text).join(" ");
    if (prev && wouldNotFit(prev, l, right)) {
      out[out.length - 1] = joinText(out[out.length - 1], text);
    } else out.push(text);
    prev = l;
  }
  return out;
}

function tableFromRuled(t: RuledTable, items: PdfItem[], page: number): RawTable {
  const buckets = t.cells.map(() => [] as PdfItem[]);
  for (const it of items) {
    const k = t.cellAt(it.x + it.w / 2, it.y + it.size * 0.3);
    if (k >= 0) buckets[k].push(it);
  }
  // Left padding of the cells: how far left-aligned text starts from the cell's left line.
  const pads = t.cells.flatMap((c, k) =>
    buckets[k].length ? [Math.min(...buckets[k].map((i) => i.x)) - c.x0] : []
  ).filter((p) => p >= 0);
  const pad = pads.length ? Math.max(0.5, Math.min(8, Math.min(...pads))) : 2;
  const rows: RawCell[][] = Array.from({ length: t.rowCount }, () => []);
  t.cells.forEach((c, k) => {
    rows[c.row].push({
      paragraphs: cellParagraphs(buckets[k], page, c.x1 - pad),
      colspan: c.colspan,
      rowspan: c.rowspan,
    });
  });
  const out: RawTable = { kind: "table", origin: "body", rows, page };
  if (t.irregular) out.inferred = true;
  return out;
}

/** Consecutive lines (≥ 3) that split into ≥ 2 segments on shared column starts: a table, if unambiguous. */
function alignedRuns(lines: Line[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].segments.length < 2 || lines[i].text.includes("\t")) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < lines.length && lines[j].page === lines[j - 1].page && lines[j].segments.length >= 2 &&
      !lines[j].text.includes("\t")
    ) j++;
    if (j - i < 2) {
      i = j;
      continue;
    }
    const starts = columnStarts(lines.slice(i, j));
    const fits = (l: Line) =>
      l.page === lines[i].page && !l.text.includes("\t") &&
      l.segments.every((s) => starts.some((x) => Math.abs(x - s.x0) < l.size * 0.8)) &&
      (l.segments.length >= 2 || l.x0 > starts[0] + l.size * 0.8 || l.x1 < starts[1]);
    while (j < lines.length && fits(lines[j])) j++;
    const run = lines.slice(i, j);
    // Unambiguous: every line on the columns, at least 3 rows, most of them filling every column.
    const full = run.filter((l) => l.segments.length === starts.length).length;
    if (starts.length >= 2 && run.length >= 3 && run.every(fits) && full >= run.length / 2) runs.push([i, j]);
    i = j;
  }
  return runs;
}

function columnStarts(lines: Line[]): number[] {
  const xs = lines.flatMap((l) => l.segments.map((s) => s.x0)).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - out[out.length - 1] > 6) out.push(x);
  return out.filter((c) => lines.filter((l) => l.segments.some((s) => Math.abs(s.x0 - c) < 6)).length >= 2);
}

function alignedTable(lines: Line[]): RawTable {
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
  return { kind: "table", origin: "body", rows, page: lines[0].page, inferred: true };
}

// ---------------------------------------------------------------------------------- paragraphs

interface Metrics {
  left: number;
  right: number;
  /** Usual baseline distance over font size between lines of one paragraph. */
  pitch: number;
  /** Whether the body marks paragraphs with a first-line indent. */
  indents: boolean;
}

function metrics(lines: Line[]): Metrics {
  const mode = (xs: number[]) => {
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(Math.round(x / 3), (counts.get(Math.round(x / 3)) ?? 0) + 1);
    let best = 0, n = -1;
    for (const [k, c] of counts) if (c > n || (c === n && k < best)) (best = k, n = c);
    return best * 3;
  };
  const left = mode(lines.map((l) => l.x0));
  // The right edge of the text area: full lines end there (ragged text a little short of it), short lines
  // anywhere left of it. Most lines of a report are full, so a high percentile finds it even when a table
  // of contents or a list of short lines makes short lines common.
  const xs = lines.filter((l) => l.text.length > 5).map((l) => l.x1).sort((a, b) => a - b);
  const right = xs.length ? xs[Math.floor((xs.length - 1) * 0.85)] : left + 400;
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1], b = lines[i];
    if (a.page === b.page && Math.abs(a.size - b.size) < 0.5) {
      const r = (a.y - b.y) / a.size;
      if (r > 0.8 && r < 3) ratios.push(r);
    }
  }
  ratios.sort((a, b) => a - b);
  const pitch = ratios.length ? ratios[Math.floor(ratios.length / 2)] : 1.5;
  const indented = lines.filter((l) => Math.abs(l.x0 - left - 2 * l.size) < l.size * 0.6).length;
  return { left, right, pitch, indents: indented >= Math.max(3, lines.length * 0.04) };
}

/** Width of the next line's first unbreakable piece: a CJK character or a run of Latin letters and digits. */
function firstPieceWidth(l: Line): number {
  const lead = NO_END.exec(l.text)?.[0].length ?? 0;
  const t = l.text.slice(lead);
  const latin = /^[0-9A-Za-z.,%‰+\-/:]+/.exec(t);
  const tail = NO_START.exec(t.slice(latin ? latin[0].length : 1))?.[0].length ?? 0;
  return (lead + tail) * l.size + (latin ? latin[0].length * l.size * 0.55 : l.size);
}

/** The previous line broke only because the next line's first piece would not have fitted on it. */
function wouldNotFit(prev: Line, next: Line, right: number): boolean {
  return prev.x1 + firstPieceWidth(next) > right - prev.size * 0.3;
}

function joinText(a: string, b: string): string {
  const x = a.slice(-1), y = b[0] ?? "";
  return CJK.test(x) || CJK.test(y) || x === "" ? a + b : `${a} ${b}`;
}

/** A short line centred between the margins (not a sentence that merely starts at the indent). */
function centred(l: Line, m: Metrics): boolean {
  const lg = l.x0 - m.left, rg = m.right - l.x1;
  if (lg < 1.5 * l.size || rg < 1.5 * l.size || Math.abs(lg - rg) > l.size * 0.6) return false;
  const atIndent = m.indents && Math.abs(lg - 2 * l.size) < l.size * 0.6;
  return !/[。；;！!？?]/.test(l.text) || (!atIndent && lg > 3 * l.size);
}

/** A line that starts a paragraph of its own, whatever comes before it. */
function starts(l: Line, m: Metrics): boolean {
  return l.x0 > m.left + l.size * 1.2 || parseMarker(l.text) !== null || l.text.includes("\t") ||
    centred(l, m);
}

/** A line after which a new paragraph starts. */
function ends(l: Line, m: Metrics): boolean {
  return l.text.includes("\t") || centred(l, m) ||
    (manualHeading(l.text) !== null && !wouldNotFit(l, l, m.right));
}

type Entry = { kind: "line"; line: Line } | {
  kind: "table";
  table: RawTable;
  columns: number[];
  top: number;
};

function paragraphs(entries: Entry[], m: Metrics): RawBlock[] {
  const out: RawBlock[] = [];
  let cur: (RawParagraph & { last: Line }) | null = null;
  const flush = () => {
    if (cur) {
      const { last: _, ...p } = cur;
      out.push(p);
    }
    cur = null;
  };
  for (const e of entries) {
    if (e.kind === "table") {
      flush();
      out.push(e.table);
      continue;
    }
    const l = e.line;
    if (cur) {
      const prev: Line = cur.last;
      const samePage = prev.page === l.page;
      const gapOk = !samePage || (prev.y - l.y) / prev.size < m.pitch * 1.4 + 0.15;
      const full = wouldNotFit(prev, l, m.right);
      const sentenceEnd = SENTENCE_END.test(prev.text);
      // After a full line ending a sentence, only a body that marks paragraphs by indents tells that a
      // line at the margin continues the paragraph.
      // A centred title too long for one line: a full first line, the rest centred under it.
      const titleWrap = full && !sentenceEnd && centred(l, m) && prev.x0 > m.left + 0.3 * prev.size &&
        Math.abs(prev.x0 - m.left - (m.right - prev.x1)) < prev.size * 1.5;
      const join = gapOk && Math.abs(prev.size - l.size) < 0.6 && full &&
        (titleWrap || (!ends(prev, m) && !starts(l, m) && (!sentenceEnd || m.indents)));
      if (join) {
        if (!samePage) {
          cur.inferred = true;
          (cur.joins ??= []).push(cur.text.length);
        }
        cur.text = joinText(cur.text, l.text);
        cur.last = l;
        if (titleWrap) cur.align = "center";
        continue;
      }
      flush();
    }
    cur = { kind: "paragraph", text: l.text, origin: "body", page: l.page, last: l };
    if (centred(l, m)) cur.align = "center";
  }
  flush();
  return out;
}

// ----------------------------------------------------------------------------------------- all

/** Pages → blocks in reading order (tables and paragraphs), each with its page. */
export function layoutBlocks(pages: PdfPage[]): RawBlock[] {
  const tablesOf: { table: RawTable; columns: number[]; top: number; bottom: number }[][] = [];
  const linePages: Line[][] = [];
  for (const p of pages) {
    const ruled = ruledTables(p.rules);
    const inside = (it: PdfItem) =>
      ruled.findIndex((t) => t.cellAt(it.x + it.w / 2, it.y + it.size * 0.3) >= 0);
    const byTable = ruled.map(() => [] as PdfItem[]);
    const rest: PdfItem[] = [];
    for (const it of p.items) {
      const k = inside(it);
      if (k >= 0) byTable[k].push(it);
      else rest.push(it);
    }
    tablesOf.push(ruled.map((t, k) => ({
      table: tableFromRuled(t, byTable[k], p.n),
      columns: t.xs,
      top: t.top,
      bottom: t.bottom,
    })));
    linePages.push(itemLines(rest, p.n));
  }
  const kept = dropRunning(linePages, pages.map((p) => p.height));
  const bodyLines = kept.flat();
  const m = metrics(
    bodyLines.length ? bodyLines : [{ page: 1, y: 0, size: 10, x0: 0, x1: 500, text: "", segments: [] }],
  );

  const entries: Entry[] = [];
  kept.forEach((lines, k) => {
    const tables = tablesOf[k];
    // Aligned columns without ruling lines.
    const aligned = alignedRuns(lines);
    const pageEntries: { y: number; e: Entry }[] = [];
    let at = 0;
    for (const [i, j] of aligned) {
      for (const l of lines.slice(at, i)) pageEntries.push({ y: l.y, e: { kind: "line", line: l } });
      const t = alignedTable(lines.slice(i, j));
      pageEntries.push({
        y: lines[i].y + lines[i].size,
        e: { kind: "table", table: t, columns: [], top: lines[i].y },
      });
      at = j;
    }
    for (const l of lines.slice(at)) pageEntries.push({ y: l.y, e: { kind: "line", line: l } });
    for (const t of tables) {
      pageEntries.push({ y: t.top, e: { kind: "table", table: t.table, columns: t.columns, top: t.top } });
    }
    pageEntries.sort((a, b) => b.y - a.y);
    for (const { e } of pageEntries) {
      const prev = entries[entries.length - 1];
      // A ruled table at the top of a page, right after a ruled table with the same columns: one table.
      if (
        e.kind === "table" && prev?.kind === "table" && e.columns.length > 1 &&
        prev.table.page !== e.table.page && sameColumns(prev.columns, e.columns) &&
        pageEntries[0].e === e
      ) {
        prev.table.rows.push(...e.table.rows);
        prev.table.inferred = true;
        continue;
      }
      entries.push(e);
    }
  });
  return paragraphs(entries, m);
}

function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 3);
}
