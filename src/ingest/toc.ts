/**
 * The table of contents (目录): a "目录" paragraph followed by entry lines. Entries are numbered lines or lines
 * ending in a page number; the TOC ends at the first other line, or where an entry repeats the first entry
 * (the body's first heading).
 */
import type { RawBlock } from "../model/raw.ts";
import { parseMarker } from "./headings.ts";

export interface Toc {
  heading: number;
  entries: number[];
}

const PAGE_NUMBER = /(?:[\s\u3000]*[.．…·•\-_]{2,}[\s\u3000]*|\t+[\s\u3000]*)[0-9０-９]{1,4}[\s\u3000]*$/;
const MAX_ENTRY_CHARS = 60;

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

export function isTocHeading(text: string): boolean {
  const t = squash(text);
  return t === "目录" || t === "目次";
}

/** The entry's text without leader dots and page number, or null when the line is not a plausible entry. */
export function tocEntryKey(text: string): string | null {
  const hasPage = PAGE_NUMBER.test(text);
  const core = text.replace(PAGE_NUMBER, "").trim();
  if (core === "" || core.length > MAX_ENTRY_CHARS) return null;
  if (!hasPage && (!parseMarker(core) || /[。；;]/.test(core))) return null;
  return squash(core);
}

export function findToc(blocks: RawBlock[]): Toc | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== "paragraph" || b.origin !== "body" || !isTocHeading(b.text)) continue;
    const entries: number[] = [];
    let first: string | null = null;
    for (let j = i + 1; j < blocks.length; j++) {
      const e = blocks[j];
      if (e.kind !== "paragraph" || e.origin !== "body" || e.styleLevel) break;
      if (e.text.trim() === "") continue;
      const key = tocEntryKey(e.text);
      if (key === null || key === first) break;
      first ??= key;
      entries.push(j);
    }
    if (entries.length > 0) return { heading: i, entries };
  }
  return null;
}
