/**
 * Streams a story part (document.xml, footnotes.xml, endnotes.xml, comments.xml) into raw blocks:
 * paragraphs with style level, list label and alignment; tables with colspan/rowspan worked out from
 * w:gridSpan and w:vMerge; text boxes as paragraphs after the block holding them. Text reads as Word shows
 * it with all tracked changes accepted; field codes are skipped and field results kept.
 */
import type { BlockOrigin } from "../../model/document.ts";
import type { RawBlock, RawCell, RawParagraph, RawTable } from "../../model/raw.ts";
import { parseXml } from "./xml.ts";
import { TABLE_LIMITS, tooManyRows } from "../limits.ts";
import { attr, nameNormaliser } from "./names.ts";
import { onOff, type Styles } from "./styles.ts";
import type { Numbering } from "./numbering.ts";
import { FieldCodes } from "./fields.ts";

export interface RevisionCounts {
  insertions: number;
  deletions: number;
  moves: number;
}

interface Para {
  parts: string[];
  styleId?: string;
  jc?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
  /** Visible text seen in bold runs / in other runs (for RawParagraph.bold). */
  boldText?: boolean;
  plainText?: boolean;
  markDeleted: boolean;
  /** w:p ordinals whose text this paragraph holds (its own, after any carried over); only when tracing. */
  ords?: number[];
}

interface CellState {
  paragraphs: string[];
  sources?: number[][];
  colspan: number;
  vMerge?: "restart" | "continue";
}

interface RowState {
  cells: CellState[];
  deleted: boolean;
  gridBefore: number;
  /** w:tblHeader: the row repeats at the top of each page. */
  header: boolean;
}

/** Elements whose whole content is not part of the text as Word shows it with changes accepted. */
const SKIPPED = new Set([
  "w:delText", // inside w:del, which is skipped anyway (w:del and w:moveFrom have their own ops)
  "w:instrText",
  "w:delInstrText",
  "mc:Choice", // mc:Fallback holds the same content (text boxes are in both)
  "w:sectPr",
  "w:fldData",
  "w:tblPr",
  "w:tblGrid",
]);

/** The w:type values of footnotes/endnotes that are only separator lines. */
const SEPARATOR_NOTES = new Set(["separator", "continuationSeparator", "continuationNotice"]);

/** Keyed by document text (w:jc): a Map, so "constructor" and the like find nothing. */
const ALIGN = new Map<string, RawParagraph["align"]>([
  ["left", "left"],
  ["start", "left"],
  ["center", "center"],
  ["right", "right"],
  ["end", "right"],
  ["both", "justify"],
  ["distribute", "justify"],
  ["mediumKashida", "justify"],
  ["highKashida", "justify"],
  ["lowKashida", "justify"],
  ["thaiDistribute", "justify"],
]);

/** Element names the reader reacts to, mapped to small integers: one hash lookup per tag, then a switch. */
const enum Op {
  T = 1,
  R,
  P,
  PPr,
  RPr,
  Inline, // w:tab, w:br, w:cr, w:noBreakHyphen, w:softHyphen
  FldChar,
  Ins,
  MoveTo,
  Del,
  MoveFrom,
  Txbx,
  Tbl,
  Note,
  PStyle,
  Jc,
  NumId,
  Ilvl,
  OutlineLvl,
  Tr,
  TrPr,
  GridBefore,
  Tc,
  TcPr,
  GridSpan,
  VMerge,
  Bold,
  TblHeader,
  Skip,
}

const OPS = new Map<string, Op>([
  ["w:t", Op.T],
  ["w:r", Op.R],
  ["w:p", Op.P],
  ["w:pPr", Op.PPr],
  ["w:rPr", Op.RPr],
  ["w:tab", Op.Inline],
  ["w:br", Op.Inline],
  ["w:cr", Op.Inline],
  ["w:noBreakHyphen", Op.Inline],
  ["w:softHyphen", Op.Inline],
  ["w:fldChar", Op.FldChar],
  ["w:ins", Op.Ins],
  ["w:moveTo", Op.MoveTo],
  ["w:del", Op.Del],
  ["w:moveFrom", Op.MoveFrom],
  ["w:txbxContent", Op.Txbx],
  ["w:tbl", Op.Tbl],
  ["w:footnote", Op.Note],
  ["w:endnote", Op.Note],
  ["w:pStyle", Op.PStyle],
  ["w:jc", Op.Jc],
  ["w:numId", Op.NumId],
  ["w:ilvl", Op.Ilvl],
  ["w:outlineLvl", Op.OutlineLvl],
  ["w:tr", Op.Tr],
  ["w:trPr", Op.TrPr],
  ["w:gridBefore", Op.GridBefore],
  ["w:tc", Op.Tc],
  ["w:tcPr", Op.TcPr],
  ["w:gridSpan", Op.GridSpan],
  ["w:vMerge", Op.VMerge],
  ["w:b", Op.Bold],
  ["w:tblHeader", Op.TblHeader],
  ...[...SKIPPED].map((n) => [n, Op.Skip] as [string, Op]),
]);

/** The elements whose attributes the reader reads (besides the root's namespace declarations). */
const ATTRIBUTES_READ = new Set([
  "w:br",
  "w:fldChar",
  "w:b",
  "w:footnote",
  "w:endnote",
  "w:pStyle",
  "w:jc",
  "w:numId",
  "w:ilvl",
  "w:outlineLvl",
  "w:tblHeader",
  "w:gridBefore",
  "w:gridSpan",
  "w:vMerge",
]);

function opOf(name: string): Op | undefined {
  const op = OPS.get(name);
  if (op !== undefined) return op;
  return name.endsWith("Change") ? Op.Skip : undefined; // old properties of a formatting revision
}

export interface StoryContext {
  file: string;
  styles: Styles;
  numbering: Numbering;
  revisions: RevisionCounts;
  /** Record on each block which w:p elements it came from (RawParagraph.source, RawCell.sources). */
  trace?: boolean;
}

export function readStory(
  bytes: Uint8Array,
  part: string,
  origin: BlockOrigin,
  ctx: StoryContext,
): RawBlock[] {
  const { styles, numbering, revisions } = ctx;
  const blocks: RawBlock[] = [];
  /** Text-box paragraphs waiting for the top-level block that holds them to end. */
  let pendingAfter: RawParagraph[] = [];
  const paras: Para[] = [];
  let carry = ""; // text of a paragraph whose mark was deleted: it joins the next paragraph
  let carryOrds: number[] = [];
  const trace = ctx.trace === true;
  let pOrd = -1; // ordinal of the last w:p start tag seen (tracing only)

  let table: RowState[] | undefined; // the top-level table being read
  let row: RowState | undefined;
  let cell: CellState | undefined;
  let innerTables = 0; // tables inside a cell or a text box: read as plain paragraphs
  let textboxDepth = 0;

  let skip = 0;
  let inT = false;
  let inPPr = false;
  let inPPrRPr = false;
  let inRunRPr = false;
  let runBold: boolean | undefined; // w:b of the current run, when it sets it
  let inTrPr = false;
  let inTcPr = false;
  const fields = new FieldCodes();
  let first = true;
  let norm = (n: string) => n;

  const top = () => paras[paras.length - 1] as Para | undefined;
  const append = (s: string) => {
    const p = top();
    if (p && !fields.inInstructions) p.parts.push(s);
  };

  function finishParagraph(p: Para): void {
    const text = p.parts.join("");
    if (p.markDeleted) {
      carry = text;
      if (trace) carryOrds = p.ords ?? [];
      return;
    }
    const label = listLabel(p);
    if (text === "") {
      if (textboxDepth === 0 && !cell) flushPending(); // a holder paragraph with no text of its own
      return;
    }
    if (textboxDepth > 0) {
      const tb: RawParagraph = { kind: "paragraph", text, origin: "textbox" };
      if (trace) tb.source = { part, paragraphs: p.ords ?? [] };
      pendingAfter.push(tb);
    } else if (cell) {
      cell.paragraphs.push(text);
      if (trace) (cell.sources ??= []).push(p.ords ?? []);
    } else {
      const raw: RawParagraph = { kind: "paragraph", text, origin };
      if (trace) raw.source = { part, paragraphs: p.ords ?? [] };
      const level = p.outlineLvl !== undefined
        ? (p.outlineLvl <= 8 ? p.outlineLvl + 1 : undefined)
        : styles.level(p.styleId);
      if (level !== undefined) raw.styleLevel = level;
      if (label !== undefined) raw.listLabel = label;
      const align = ALIGN.get(p.jc ?? styles.jc(p.styleId) ?? "");
      if (align) raw.align = align;
      if (p.boldText && !p.plainText) raw.bold = true;
      blocks.push(raw);
      flushPending();
    }
  }

  function listLabel(p: Para): string | undefined {
    let numId = p.numId;
    let ilvl = p.ilvl;
    if (numId === undefined) {
      const fromStyle = styles.numbering(p.styleId);
      if (!fromStyle) return undefined;
      numId = fromStyle.numId;
      ilvl ??= fromStyle.ilvl;
    }
    if (numId === "0") return undefined;
    return numbering.next(numId, ilvl ?? 0);
  }

  function flushPending(): void {
    if (pendingAfter.length) {
      for (const p of pendingAfter) blocks.push(p);
      pendingAfter = [];
    }
  }

  function finishTable(rows: RowState[]): void {
    const out: RawCell[][] = [];
    const anchors: RawCell[] = [];
    for (const r of rows) {
      if (r.deleted) continue;
      const cells: RawCell[] = [];
      let col = r.gridBefore;
      for (const c of r.cells) {
        const anchor = anchors[col];
        if (c.vMerge === "continue" && anchor) {
          anchor.rowspan++;
        } else {
          const rc: RawCell = { paragraphs: c.paragraphs, colspan: c.colspan, rowspan: 1 };
          if (trace) rc.sources = c.sources ?? [];
          anchors[col] = rc;
          cells.push(rc);
        }
        col += c.colspan;
      }
      out.push(cells);
    }
    const raw: RawTable = { kind: "table", origin, rows: out };
    const live = rows.filter((r) => !r.deleted);
    const marked = live.findIndex((r) => !r.header);
    const headerRows = marked < 0 ? live.length : marked;
    if (headerRows > 0) raw.headerRows = headerRows;
    if (trace) raw.source = { part };
    blocks.push(raw);
    flushPending();
  }

  function open(raw: string, a: Record<string, string>): void {
    if (first) (norm = nameNormaliser(a), first = false);
    if (trace && norm(raw) === "w:p") pOrd++;
    if (skip) return void skip++;
    const name = norm(raw);
    const op = opOf(name);
    if (op === undefined) return;
    switch (op) {
      case Op.T:
        inT = true;
        return;
      case Op.R:
        runBold = undefined;
        return;
      case Op.P:
        paras.push({
          parts: carry ? [carry] : [],
          markDeleted: false,
          ...(trace ? { ords: [...(carry ? carryOrds : []), pOrd] } : {}),
        });
        carry = "";
        carryOrds = [];
        return;
      case Op.PPr:
        inPPr = true;
        return;
      case Op.RPr:
        if (inPPr) inPPrRPr = true;
        else if (cell || textboxDepth > 0) skip = 1; // run formatting of cells and text boxes: not read
        else inRunRPr = true; // run formatting: only w:b is read
        return;
      case Op.Bold:
        if (inRunRPr) runBold = onOff(attr(a, "val"));
        return;
      case Op.Inline:
        if (!inPPr) append(inlineText(name, a));
        return;
      case Op.FldChar:
        fields.fldChar(attr(a, "fldCharType"));
        return;
      case Op.Ins:
        revisions.insertions++;
        return;
      case Op.MoveTo:
        revisions.moves++;
        return;
      case Op.Del:
        revisions.deletions++;
        if (inTrPr && row) row.deleted = true;
        else if (inPPrRPr && top()) top()!.markDeleted = true;
        skip = 1;
        return;
      case Op.MoveFrom:
        revisions.moves++;
        skip = 1;
        return;
      case Op.Skip:
        // w:sectPr inside w:pPr holds no text either; skipping it is harmless
        skip = 1;
        return;
      case Op.Txbx:
        textboxDepth++;
        return;
      case Op.Tbl:
        if (table || textboxDepth > 0) innerTables++;
        else table = [];
        return;
      case Op.Note:
        if (SEPARATOR_NOTES.has(attr(a, "type") ?? "")) skip = 1;
        return;
    }
    if (inPPr) {
      const p = top();
      if (!p) return;
      if (op === Op.PStyle) p.styleId = attr(a, "val");
      else if (op === Op.Jc) p.jc = attr(a, "val");
      else if (op === Op.NumId) p.numId = attr(a, "val");
      else if (op === Op.Ilvl) p.ilvl = Number(attr(a, "val") ?? 0);
      else if (op === Op.OutlineLvl) p.outlineLvl = Number(attr(a, "val"));
      return;
    }
    if (!table || innerTables > 0) return;
    switch (op) {
      case Op.Tr:
        row = { cells: [], deleted: false, gridBefore: 0, header: false };
        return;
      case Op.TblHeader:
        if (inTrPr && row) row.header = onOff(attr(a, "val"));
        return;
      case Op.TrPr:
        inTrPr = true;
        return;
      case Op.GridBefore:
        if (inTrPr && row) row.gridBefore = Number(attr(a, "val") ?? 0) || 0;
        return;
      case Op.Tc:
        cell = { paragraphs: [], colspan: 1 };
        return;
      case Op.TcPr:
        inTcPr = true;
        return;
      case Op.GridSpan:
        if (inTcPr && cell) cell.colspan = Math.max(1, Number(attr(a, "val") ?? 1) || 1);
        return;
      case Op.VMerge:
        if (inTcPr && cell) cell.vMerge = attr(a, "val") === "restart" ? "restart" : "continue";
        return;
    }
  }

  function close(raw: string): void {
    if (skip) return void skip--;
    const op = OPS.get(norm(raw));
    if (op === undefined) return;
    switch (op) {
      case Op.T:
        inT = false;
        return;
      case Op.P: {
        const p = paras.pop();
        if (p) finishParagraph(p);
        return;
      }
      case Op.PPr:
        inPPr = false;
        return;
      case Op.RPr:
        inPPrRPr = false;
        inRunRPr = false;
        return;
      case Op.Txbx:
        textboxDepth--;
        return;
      case Op.Tbl:
        if (innerTables > 0) innerTables--;
        else if (table) {
          const rows = table;
          table = row = cell = undefined;
          finishTable(rows);
        }
        return;
    }
    if (!table || innerTables > 0) return;
    switch (op) {
      case Op.TrPr:
        inTrPr = false;
        return;
      case Op.TcPr:
        inTcPr = false;
        return;
      case Op.Tc:
        if (row && cell) row.cells.push(cell);
        cell = undefined;
        return;
      case Op.Tr:
        if (row) table.push(row);
        if (table.length > TABLE_LIMITS.maxRows) throw tooManyRows(ctx.file, `超过 ${TABLE_LIMITS.maxRows}`);
        row = undefined;
        return;
    }
  }

  parseXml(bytes, part, ctx.file, {
    open,
    close,
    wantsAttributes: (raw) => first || ATTRIBUTES_READ.has(norm(raw)),
    text(t) {
      if (!inT || skip !== 0) return;
      append(t);
      const p = top();
      if (p && !fields.inInstructions && /\S/.test(t)) {
        if (runBold ?? styles.bold(p.styleId)) p.boldText = true;
        else p.plainText = true;
      }
    },
  });
  // Unbalanced fields or a trailing deleted paragraph mark must not lose text.
  fields.reset();
  if (carry) {
    const last: RawParagraph = { kind: "paragraph", text: carry, origin };
    if (trace) last.source = { part, paragraphs: carryOrds };
    blocks.push(last);
  }
  flushPending();
  return blocks;
}

function inlineText(name: string, a: Record<string, string>): string {
  switch (name) {
    case "w:tab":
      return "\t";
    case "w:br": {
      // Page and column breaks are layout, not text (mammoth drops them too).
      const type = attr(a, "type");
      return type === undefined || type === "textWrapping" ? "\n" : "";
    }
    case "w:cr":
      return "\n";
    case "w:noBreakHyphen":
      return "\u2011";
    default:
      return "\u00AD";
  }
}
