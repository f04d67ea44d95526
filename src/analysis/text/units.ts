/** The pieces of text the duplicate and conflicting-figure rules compare: paragraphs and table cells. */
import type { Document } from "../../model/document.ts";
import type { Evidence } from "../../model/finding.ts";
import { parseMarker } from "../../ingest/headings.ts";
import { SECTION_SEPARATOR } from "../evidence.ts";
import { firstChars } from "./chars.ts";

export interface TextUnit {
  /** Block index in Document.blocks. */
  block: number;
  table?: { index: number; row: number; col: number };
  text: string;
  /** Innermost section id. */
  section: string;
  /** Section path joined " › ". */
  path: string;
  /** First element of the section path ("" for front matter). */
  top: string;
  /** True when the text sits in an annex (附件). */
  annex: boolean;
}

/** 附件N at the start of a text, read as the ingest reads heading markers. */
function isAnnexLabel(text: string): boolean {
  return parseMarker(text)?.number.style === "annex";
}

/**
 * Index of the block where the annexes begin, or Infinity. A section path starting with 附件 is an annex
 * anyway; this also covers documents where the 附件N label is a plain paragraph followed by its own 一、
 * headings: the first such label after the first body heading (so table-of-contents lines do not count).
 */
export function annexStart(doc: Document): number {
  let sawHeading = false;
  for (const b of doc.blocks) {
    if (b.kind === "heading") {
      if (isAnnexLabel(b.text)) return b.index;
      sawHeading = true;
    } else if (
      b.kind === "paragraph" && sawHeading && !b.role && isAnnexLabel(b.text) && b.text.length <= 40
    ) {
      return b.index;
    }
  }
  return Infinity;
}

/**
 * Paragraph blocks (not titles, TOC or headings) and the anchor slot of every non-empty table cell; built
 * once per document by `ctx.views.textUnits`.
 */
export function collectUnits(doc: Document): TextUnit[] {
  const start = annexStart(doc);
  const out: TextUnit[] = [];
  const paths = new Map<string, string>();
  for (const b of doc.blocks) {
    if (b.kind === "heading") continue;
    const pathParts = doc.sections[b.section]?.path ?? [];
    const path = paths.get(b.section) ?? pathParts.join(SECTION_SEPARATOR);
    paths.set(b.section, path);
    const base = {
      block: b.index,
      section: b.section,
      path,
      top: pathParts[0] ?? "",
      annex: b.index >= start || isAnnexLabel(pathParts[0] ?? ""),
    };
    if (b.kind === "paragraph") {
      if (b.role) continue;
      out.push({ ...base, text: b.text });
    } else {
      for (const row of b.grid) {
        for (const cell of row) {
          if (cell.row !== cell.anchorRow || cell.col !== cell.anchorCol || !cell.text.trim()) continue;
          out.push({
            ...base,
            text: cell.text,
            table: { index: b.tableIndex, row: cell.row, col: cell.col },
          });
        }
      }
    }
  }
  return out;
}

/** Longest quote shown for a passage: a prefix of it, still an exact substring of the block text. */
export const QUOTE_MAX = 80;

export function quotePrefix(text: string, max = QUOTE_MAX): string {
  return firstChars(text.trim(), max);
}

export function evidenceOf(unit: TextUnit, quote: string): Evidence {
  return unit.table
    ? { quote, section: unit.path, block: unit.block, table: unit.table }
    : { quote, section: unit.path, block: unit.block };
}

/** Where a unit is, for messages: 「section」 or 「section」表格第r行第c列. */
export function placeOf(unit: TextUnit): string {
  const where = unit.path ? `「${unit.path}」` : "正文前部";
  return unit.table
    ? `${where}表${unit.table.index + 1}第${unit.table.row + 1}行第${unit.table.col + 1}列`
    : where;
}
