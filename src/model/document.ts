import { z } from "zod";

/**
 * The typed document every reader produces and every check reads.
 * Readers build a RawDocument (see raw.ts); src/ingest/build.ts turns it into this shape, so all readers
 * share heading detection, the section tree and merged-cell resolution.
 */

/** Where a block came from inside the .docx: body text, or a part mammoth/readers must not lose. */
export const BlockOrigin = z.enum(["body", "footnote", "endnote", "textbox", "comment", "header", "footer"]);
export type BlockOrigin = z.infer<typeof BlockOrigin>;

/** Manual or style numbering of a heading: 第一部分/第一章 一、 （一） 1. （1） ① 附件N. */
export const NumberingStyle = z.enum([
  "part", // 第一部分 / 第一章 / 第一篇: a level above 一、
  "chinese", // 一、
  "paren-chinese", // （一）
  "arabic", // 1. or 1、
  "paren-arabic", // （1）
  "circled", // ①
  "annex", // 附件1
  "none",
]);
export type NumberingStyle = z.infer<typeof NumberingStyle>;

export const HeadingNumber = z.object({
  style: NumberingStyle,
  /** The number as an integer (一 → 1, ③ → 3); 0 when style is "none". */
  value: z.number().int(),
  /** The literal marker as written, e.g. "（二）" or "3、". */
  raw: z.string(),
});
export type HeadingNumber = z.infer<typeof HeadingNumber>;

export const ParagraphBlock = z.object({
  kind: z.literal("paragraph"),
  /** Position in Document.blocks (stable across readers). */
  index: z.number().int().nonnegative(),
  text: z.string(),
  origin: BlockOrigin,
  /** Id of the innermost section containing this block. */
  section: z.string(),
  /** Word list numbering rendered as text ("1." / "（一）"), when the reader knows it. */
  listLabel: z.string().optional(),
  /** Paragraph alignment when known (titles are centred). */
  align: z.enum(["left", "center", "right", "justify"]).optional(),
  /** True when the whole paragraph is bold (known to the OOXML reader only). */
  bold: z.boolean().optional(),
  /** Set for the document title lines and for the entries of the table of contents (目录). */
  role: z.enum(["title", "toc", "toc-heading"]).optional(),
  /** 1-based page the block starts on, when the reader knows it (PDF). */
  page: z.number().int().positive().optional(),
  /**
   * True when the block's structure was inferred from page layout rather than read (PDF: a paragraph
   * joined across a page break or despite sentence-final punctuation, a table aligned without ruling
   * lines or continued across pages). src/audit.ts never lets a certain finding rest on such a block.
   */
  inferred: z.boolean().optional(),
  /**
   * Character offsets in `text` where the inference joined lines from different pages. When present, only
   * a quote running across one of them rests on the inference; without it the whole block does.
   */
  joins: z.array(z.number().int().nonnegative()).optional(),
});
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

export const HeadingBlock = z.object({
  kind: z.literal("heading"),
  index: z.number().int().nonnegative(),
  text: z.string(),
  origin: BlockOrigin,
  /** The section this heading opens. */
  section: z.string(),
  /**
   * Depth in this document's outline (1 = top), inferred from the numbering styles it uses (see
   * src/ingest/outline.ts): 一、（一）1.（1）① give 1–5 in a document that uses all five; under 第X部分
   * parts (level 1) a part's first style is level 2; a part that starts at （一） gives （一） level 2.
   */
  level: z.number().int().min(1).max(9),
  number: HeadingNumber,
  /** Heading text without its numbering marker. */
  title: z.string(),
  /**
   * How the heading was recognised: a Word heading style or outline level ("style"), manual numbering on a
   * plain paragraph ("manual"), or an unnumbered short bold or centred line ("format", number style none).
   */
  source: z.enum(["style", "manual", "format"]),
  /** 1-based page the block starts on, when the reader knows it (PDF). */
  page: z.number().int().positive().optional(),
  /**
   * True when the block's structure was inferred from page layout rather than read (PDF: a paragraph
   * joined across a page break or despite sentence-final punctuation, a table aligned without ruling
   * lines or continued across pages). src/audit.ts never lets a certain finding rest on such a block.
   */
  inferred: z.boolean().optional(),
});
export type HeadingBlock = z.infer<typeof HeadingBlock>;

export const Cell = z.object({
  /** Grid position of this slot (a merged cell occupies several slots; each points to its anchor). */
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  /** Top-left slot of the merged cell this slot belongs to; equal to row/col for the anchor. */
  anchorRow: z.number().int().nonnegative(),
  anchorCol: z.number().int().nonnegative(),
  rowspan: z.number().int().positive(),
  colspan: z.number().int().positive(),
  /** Paragraphs of the cell joined by "\n". Covered slots repeat the anchor's text. */
  text: z.string(),
  /**
   * Set on a blank, unmerged cell of a leading label column that continues the group label above it
   * (questionnaires and indicator tables often write 一级指标 or the question once and leave the cells
   * below it blank): the row of the cell holding the text, in the same column. `text` stays "" (quotes
   * must be exact); use grid[continuesFrom][col].text as the label and that cell as evidence.
   */
  continuesFrom: z.number().int().nonnegative().optional(),
});
export type Cell = z.infer<typeof Cell>;

/**
 * What a table row is: a "单位：万元" caption row, a header row, a header row repeated further down (after
 * a page break: skip it like a header), a 合计/总计 total, a 小计 subtotal, or a body row.
 */
export const RowKind = z.enum(["caption", "header", "repeated-header", "total", "subtotal", "body"]);
export type RowKind = z.infer<typeof RowKind>;

/** A unit and, for money, its scale in 元 (万元 → 10000). */
export const TableUnit = z.object({ unit: z.string(), scale: z.number().optional() });
export type TableUnit = z.infer<typeof TableUnit>;

export const ColumnInfo = z.object({
  /** The innermost header text of the column ("" when it has none). */
  header: z.string(),
  /** Header texts from the top header row down, merged or spread group headers included once each. */
  path: z.array(z.string()),
  /** Whether at least half of the column's non-blank body cells are numbers. */
  numeric: z.boolean().optional(),
  /** Unit of the column's bare numbers: "万元", "元", "%", "人", "分" …; absent when unknown. */
  unit: z.string().optional(),
  /** For money units, the factor to 元 (万元 → 10000). */
  scale: z.number().optional(),
  /**
   * Where the unit came from: the column's own header ("金额（万元）"), a group header above it
   * ("预算执行情况（万元）"), a rate name (执行率, 占比 → %), percent signs in some of its cells, or the
   * table's caption ("单位：万元" above the table or in its first row; numeric columns only).
   */
  unitSource: z.enum(["header", "group-header", "rate-name", "cells", "caption"]).optional(),
});
export type ColumnInfo = z.infer<typeof ColumnInfo>;

export const TableBlock = z.object({
  kind: z.literal("table"),
  index: z.number().int().nonnegative(),
  /** 0-based ordinal among the document's tables. */
  tableIndex: z.number().int().nonnegative(),
  origin: BlockOrigin,
  section: z.string(),
  rowCount: z.number().int().nonnegative(),
  colCount: z.number().int().nonnegative(),
  /** rows × cols grid, merged cells resolved. */
  grid: z.array(z.array(Cell)),
  /**
   * Number of leading rows that are not body: a "单位：万元" caption row, then the column headers (usually
   * 1; 2 when a group header spans sub-headers, merged or not; Word's "repeat as header row" rows).
   */
  headerRows: z.number().int().nonnegative(),
  /**
   * One entry per grid row (src/ingest/table-shape.ts). Checks that sum or compare rows should take only
   * "body" rows as parts, use "total"/"subtotal" rows as stated sums (a 小计 closes the group above it, a
   * 合计 the table or the 小计s), and skip "caption", "header" and "repeated-header" rows.
   */
  rows: z.array(RowKind).optional(),
  /** One entry per grid column: header path and the unit of its bare numbers. */
  columns: z.array(ColumnInfo).optional(),
  /** The unit a caption states for the whole table (a "单位：万元" line above it or its first row). */
  unit: TableUnit.optional(),
  /** 1-based page the block starts on, when the reader knows it (PDF). */
  page: z.number().int().positive().optional(),
  /**
   * True when the block's structure was inferred from page layout rather than read (PDF: a paragraph
   * joined across a page break or despite sentence-final punctuation, a table aligned without ruling
   * lines or continued across pages). src/audit.ts never lets a certain finding rest on such a block.
   */
  inferred: z.boolean().optional(),
});
export type TableBlock = z.infer<typeof TableBlock>;

export const Block = z.discriminatedUnion("kind", [ParagraphBlock, HeadingBlock, TableBlock]);
export type Block = z.infer<typeof Block>;

export interface Section {
  /** Stable id: "s0" is the root (front matter), then "s1", "s2", … in document order. */
  id: string;
  title: string;
  level: number;
  /** Index of the heading block that opens the section; -1 for the root. */
  headingBlock: number;
  parent: string | null;
  children: string[];
  /** Indices of the blocks directly inside this section (not in children). */
  blocks: number[];
  /** Titles from the top level down to this section, heading text as written. */
  path: string[];
}
export const Section: z.ZodType<Section> = z.object({
  id: z.string(),
  title: z.string(),
  level: z.number().int().nonnegative(),
  headingBlock: z.number().int(),
  parent: z.string().nullable(),
  children: z.array(z.string()),
  blocks: z.array(z.number().int()),
  path: z.array(z.string()),
});

export const Diagnostic = z.object({
  level: z.enum(["info", "warning"]),
  code: z.string(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Report kinds (src/ingest/meta-vocab.ts). */
export const ReportKind = z.enum(["部门整体", "项目支出", "转移支付", "自评表", "部门决算", "第三方评价"]);

/**
 * Where each meta field came from: "first-lines", "field:单位名称", "table:填报单位", "title", "unit-line",
 * "run-on", "sentence:…", "file-name" … (see src/ingest/meta.ts).
 */
export const MetaSources = z.object({
  title: z.string().optional(),
  year: z.string().optional(),
  unit: z.string().optional(),
  kind: z.string().optional(),
});
export type MetaSources = z.infer<typeof MetaSources>;

export const DocumentMeta = z.object({
  title: z.string().nullable(),
  /** Year under evaluation (评价时段, the title's year, a （2021年度） line, or the file name's). */
  year: z.number().int().nullable(),
  /** The reporting unit (单位名称/填报单位…, the title's unit, the report's sentences, or the file name's). */
  unit: z.string().nullable(),
  /** Report kind, when the title or the wording tells it. */
  kind: ReportKind.nullable().optional(),
  sources: MetaSources.optional(),
  /** Which reader built this document. */
  reader: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const Document = z.object({
  meta: DocumentMeta,
  blocks: z.array(Block),
  /** All sections keyed by id; "s0" is the root. */
  sections: z.record(z.string(), Section),
  diagnostics: z.array(Diagnostic),
});
export type Document = z.infer<typeof Document>;
