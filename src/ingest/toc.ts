/**
 * The table of contents (目录): a "目录" paragraph (also one that lost a character: " 录") followed by entry
 * lines. Entries are numbered lines or lines ending in a page number. The TOC ends at the first line that is
 * neither an entry nor a damaged entry line between two entries (a line whose numbering was lost, e.g.
 * "、一般公共预算…表" or "部分:附件"), where a line repeats the first or second entry (the body's first heading or subheading), or at a
 * second 第一部分 (the body's: "第一部分部门概况" after "第一部分:某局概况"). Damaged lines stay plain
 * paragraphs.
 *
 * Without a 目录 line, a run of at least MIN_HEADLESS numbered short lines is a TOC only when the body
 * restarts right after it at the first entry and most of its entries reappear later as lines of their own.
 */
import type { RawBlock, RawParagraph } from "../model/raw.ts";
import { parseMarker } from "./headings.ts";

export interface Toc {
  /** The 目录 line, or -1 when the TOC has none. */
  heading: number;
  entries: number[];
}

const PAGE_NUMBER = /(?:[\s\u3000]*[.．…·•\-_]{2,}[\s\u3000]*|\t+[\s\u3000]*)[0-9０-９]{1,4}[\s\u3000]*$/;
const MAX_ENTRY_CHARS = 60;
const MAX_DAMAGED_CHARS = 40;
/** Damaged lines tolerated in a row between two entries. */
const MAX_DAMAGED_RUN = 2;
const MIN_HEADLESS = 4;
const HEADLESS_REAPPEAR = 0.6;

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

/** 目录 / 目次 / 目錄, with a trailing colon, or the one character left when the other was lost. */
export function isTocHeading(text: string): boolean {
  return /^(?:目录|目次|目錄|录|錄)[:：]?$/.test(squash(text));
}

/** The entry's text without leader dots and page number, or null when the line is not a plausible entry. */
export function tocEntryKey(text: string): string | null {
  const hasPage = PAGE_NUMBER.test(text);
  const core = text.replace(PAGE_NUMBER, "").trim();
  if (core === "" || core.length > MAX_ENTRY_CHARS) return null;
  if (!hasPage && (!parseMarker(core) || /[。；;]/.test(core))) return null;
  return squash(core);
}

function isBodyParagraph(b: RawBlock | undefined): b is RawParagraph {
  return b?.kind === "paragraph" && b.origin === "body";
}

/** A short line that is no entry but may be one whose numbering was lost. */
function damagedEntry(text: string): boolean {
  const t = text.trim();
  return t.length <= MAX_DAMAGED_CHARS && !/[。；;！!？?]/.test(t);
}

/**
 * "第一部分" for an entry that is the first part, for the restart test: a 目录 lists each part once, so a
 * second 第一部分 is the body's. (一、 may repeat in a 目录 under different parts or annexes; a body that
 * restarts at 一、 with another title than the entry's is left to the repeated-entry test.)
 */
function numberKey(text: string): string | null {
  const m = parseMarker(text);
  return m && m.number.style === "part" && m.number.value === 1 ? "part:1" : null;
}

/** Entries from `start` on: indices of entries, where the scan stopped, and whether the body restarted. */
function scanEntries(blocks: RawBlock[], start: number): { entries: number[]; restart: number } {
  const entries: number[] = [];
  const keys = new Set<string>();
  let first: string | null = null;
  let firstNumber: string | null = null;
  let damaged: number[] = [];
  for (let j = start; j < blocks.length; j++) {
    const e = blocks[j];
    if (!isBodyParagraph(e) || e.styleLevel) break;
    if (e.text.trim() === "") continue;
    const key = tocEntryKey(e.text);
    if (key !== null && (keys.has(key) || (firstNumber !== null && numberKey(e.text) === firstNumber))) {
      return { entries, restart: j };
    }
    if (key === null) {
      if (entries.length === 0 || damaged.length >= MAX_DAMAGED_RUN || !damagedEntry(e.text)) break;
      damaged.push(j);
      continue;
    }
    damaged = [];
    if (first === null) (first = key, firstNumber = numberKey(e.text));
    if (keys.size < 2) keys.add(key); // the body restarts at its first heading or first subheading
    entries.push(j);
  }
  return { entries, restart: -1 };
}

export function findToc(blocks: RawBlock[]): Toc | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!isBodyParagraph(b) || !isTocHeading(b.text)) continue;
    const { entries } = scanEntries(blocks, i + 1);
    if (entries.length > 0) return { heading: i, entries };
  }
  return headlessToc(blocks);
}

/** Lines as keys for "reappears later": text without page number and spaces. */
function lineKey(b: RawBlock): string | null {
  return isBodyParagraph(b) ? squash(b.text.replace(PAGE_NUMBER, "")) : null;
}

function headlessToc(blocks: RawBlock[]): Toc | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!isBodyParagraph(b) || b.styleLevel || !parseMarker(b.text) || tocEntryKey(b.text) === null) continue;
    const { entries, restart } = scanEntries(blocks, i);
    if (restart < 0 || entries.length < MIN_HEADLESS) {
      i = Math.max(i, entries[entries.length - 1] ?? i);
      continue;
    }
    const later = new Set<string>();
    for (let j = restart; j < blocks.length; j++) {
      const k = lineKey(blocks[j]);
      if (k) later.add(k);
    }
    const found = entries.filter((j) => later.has(lineKey(blocks[j])!)).length;
    if (found >= HEADLESS_REAPPEAR * entries.length) return { heading: -1, entries };
    i = restart - 1;
  }
  return null;
}
