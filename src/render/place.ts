/**
 * Places named the way a reader finds them in Word: the section path, then the paragraph's ordinal in its
 * section and its first words (「二、部门整体支出情况 › 第3段“2023年我局…”」), or a table cell
 * (「表2 第3行第4列」), with the page in front when a reader knows it. Word shows no block numbers, so
 * "段落47" is only the fallback when the document itself is not at hand.
 */
import type { Block, Document } from "../model/document.ts";
import type { Evidence } from "../model/finding.ts";

/** What names one block: its kind, its ordinal among its section's body paragraphs, its first words. */
export interface BlockPlace {
  kind: "paragraph" | "heading" | "table";
  /** 1-based ordinal among the body paragraphs of its section (paragraphs only). */
  n?: number;
  /** The paragraph's (or heading's) first words, cut with "…". */
  head?: string;
  /** Where the block sits when not in the body: 脚注, 尾注, 文本框, 批注, 页眉, 页脚. */
  origin?: string;
}

/** Places of the blocks of one document, keyed by block index (JSON-safe: stored by batch runs). */
export type Places = Record<string, BlockPlace>;

/** Characters of a paragraph's first words shown in a place. */
export const HEAD_CHARS = 12;

const ORIGIN_LABEL: Record<Block["origin"], string> = {
  body: "",
  footnote: "脚注",
  endnote: "尾注",
  textbox: "文本框",
  comment: "批注",
  header: "页眉",
  footer: "页脚",
};

/** The first words of a text, whitespace collapsed, cut at HEAD_CHARS characters with "…". */
export function firstWords(text: string, max = HEAD_CHARS): string {
  // A long text is cut from a prefix: when the prefix alone has more than max + 1 characters (code points)
  // up to its last non-blank one, the whole text has the same first max + 1 and is cut there too.
  const prefixLength = 4 * max + 16;
  if (text.length > prefixLength) {
    const flat = text.slice(0, prefixLength).replace(/\s+/g, " ").trim();
    const end = codePointEnd(flat, max + 1);
    if (end < flat.length) return flat.slice(0, codePointEnd(flat, max)) + "…";
  }
  const flat = text.replace(/\s+/g, " ").trim();
  const end = codePointEnd(flat, max);
  return end >= flat.length ? flat : flat.slice(0, end) + "…";
}

/** The UTF-16 offset after the first `count` code points of s (s.length when it has no more). */
function codePointEnd(s: string, count: number): number {
  let i = 0;
  for (let k = 0; k < count && i < s.length; k++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return Math.min(i, s.length);
}

/**
 * Places of a document's blocks; with `only`, just those blocks (what a result's evidence points at), so a
 * batch stores a few entries, not the whole document.
 */
export function placesOf(doc: Document, only?: Iterable<number>): Places {
  const wanted = only ? new Set(only) : null;
  const ordinal = new Map<string, number>();
  const places: Places = {};
  for (const b of doc.blocks) {
    let n: number | undefined;
    if (b.kind === "paragraph" && b.origin === "body") {
      n = (ordinal.get(b.section) ?? 0) + 1;
      ordinal.set(b.section, n);
    }
    if (wanted && !wanted.has(b.index)) continue;
    const origin = ORIGIN_LABEL[b.origin] || undefined;
    if (b.kind === "table") places[b.index] = { kind: "table", origin };
    else places[b.index] = { kind: b.kind, n, head: firstWords(b.text), origin };
  }
  return places;
}

/** Places of the blocks the findings of one result point at. */
export function placesForEvidence(doc: Document, evidence: Iterable<Evidence>): Places {
  const blocks = new Set<number>();
  for (const e of evidence) blocks.add(e.block);
  return placesOf(doc, blocks);
}

/** The page a reader found the quote on (optional: only readers that know pages set it). */
export function pageOf(e: Evidence): number | undefined {
  const page = (e as Evidence & { page?: unknown }).page;
  return typeof page === "number" && Number.isInteger(page) && page > 0 ? page : undefined;
}

/** The place inside its section: 「第3段“2023年我局…”」, 「表2 第3行第4列」, 「脚注“…”」, 「标题“…”」. */
export function placeName(e: Evidence, places?: Places): string {
  const page = pageOf(e);
  const pre = page ? `第${page}页 ` : "";
  if (e.table) return `${pre}表${e.table.index + 1} 第${e.table.row + 1}行第${e.table.col + 1}列`;
  const p = places?.[e.block];
  if (!p) return `${pre}段落${e.block + 1}`;
  const head = p.head ? `“${p.head}”` : "";
  if (p.origin) return `${pre}${p.origin}${head}`;
  if (p.kind === "heading") return `${pre}标题${head}`;
  if (p.kind === "table") return `${pre}表格`;
  return `${pre}${p.n ? `第${p.n}段` : "段落"}${head}`;
}

/** The section path (卷首 for front matter) › the place. */
export function locationName(e: Evidence, places?: Places): string {
  return `${e.section === "" ? "卷首" : e.section} › ${placeName(e, places)}`;
}
