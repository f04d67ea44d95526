/**
 * What a reader hands to src/ingest/build.ts: paragraphs and tables in document order, before headings,
 * sections and grids are worked out. Keeping readers this thin is what makes them swappable.
 */
import type { BlockOrigin, Diagnostic } from "./document.ts";

export interface RawParagraph {
  kind: "paragraph";
  text: string;
  origin: BlockOrigin;
  /** Outline level from a Word heading style (Heading 1 → 1), when the paragraph has one. */
  styleLevel?: number;
  /** Rendered list numbering ("1." / "（一）") when the paragraph is an auto-numbered list item. */
  listLabel?: string;
  align?: "left" | "center" | "right" | "justify";
  /** True when every visible character of the paragraph is bold (run or paragraph-style formatting). */
  bold?: boolean;
  /** Where the text came from, only when the reader was asked to trace (see ReadTrace in ooxml/body.ts). */
  source?: XmlSource;
  /** 1-based page, when the reader knows it (PDF). */
  page?: number;
  /** Structure inferred from page layout (PDF): see Block `inferred` in document.ts. */
  inferred?: boolean;
  /** Offsets in `text` where lines of different pages were joined by inference (PDF). */
  joins?: number[];
}

/**
 * The w:p elements a block's text came from: `part` (e.g. "word/document.xml") and the 0-based ordinals of
 * w:p start tags in that part, in document order, counting every w:p (nested and skipped ones too).
 */
export interface XmlSource {
  part: string;
  paragraphs: number[];
}

export interface RawCell {
  /** Paragraph texts of the cell. */
  paragraphs: string[];
  colspan: number;
  rowspan: number;
  /** Per entry of `paragraphs`, the w:p ordinals it came from (only when traced). */
  sources?: number[][];
}

export interface RawTable {
  kind: "table";
  origin: BlockOrigin;
  /** Rows of cells as written: a cell covered by a rowspan from above is absent, as in HTML. */
  rows: RawCell[][];
  /** Leading rows Word marks as header rows (repeat on each page), when the reader knows them. */
  headerRows?: number;
  /** The part the table is in (only when traced; the cells carry the paragraph ordinals). */
  source?: { part: string };
  /** 1-based page the table starts on, when the reader knows it (PDF). */
  page?: number;
  /** Structure inferred from page layout (PDF): see Block `inferred` in document.ts. */
  inferred?: boolean;
}

export type RawBlock = RawParagraph | RawTable;

export interface RawDocument {
  blocks: RawBlock[];
  diagnostics: Diagnostic[];
  /** Name of the reader, recorded in Document.meta.reader. */
  reader: string;
}
