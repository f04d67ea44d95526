import { z } from "zod";

/**
 * The typed document every reader produces and every check reads.
 * Readers build a RawDocument (see raw.ts); src/ingest/build.ts turns it into this shape, so all readers
 * share heading detection, the section tree and merged-cell resolution.
 */

/** Where a block came from inside the .docx: body text, or a part mammoth/readers must not lose. */
export const BlockOrigin = z.enum(["body", "footnote", "endnote", "textbox", "comment", "header", "footer"]);
export type BlockOrigin = z.infer<typeof BlockOrigin>;

/** Manual or style numbering of a heading: 一、 （一） 1. （1） ① 附件N. */
export const NumberingStyle = z.enum([
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
  /** Set for the document title lines and for the entries of the table of contents (目录). */
  role: z.enum(["title", "toc", "toc-heading"]).optional(),
});
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

export const HeadingBlock = z.object({
  kind: z.literal("heading"),
  index: z.number().int().nonnegative(),
  text: z.string(),
  origin: BlockOrigin,
  /** The section this heading opens. */
  section: z.string(),
  /** 1 = top level (一、 / 附件N), 2 = （一）, 3 = 1., 4 = （1）, 5 = ①. */
  level: z.number().int().min(1).max(9),
  number: HeadingNumber,
  /** Heading text without its numbering marker. */
  title: z.string(),
  /** How the heading was recognised: a Word heading style, or manual numbering on a plain paragraph. */
  source: z.enum(["style", "manual"]),
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
});
export type Cell = z.infer<typeof Cell>;

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
  /** Number of leading rows that are column headers (usually 1). */
  headerRows: z.number().int().nonnegative(),
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
