/**
 * The weight frame of a 项目支出绩效自评表 read from weight annotations — "预算执行情况（10分）",
 * "年度 绩效 目标 (90 分)", "产出指标（５０分）" — in any paragraph or heading and in the cells of tables the
 * indicator-table reader did not parse. This is how the frame survives when the table reached us flattened
 * into text (one long paragraph, or one cell per line). Each label is mapped to its role by the vocabulary of
 * vocab-frame.ts; the annotations of one 自评表 are grouped into a frame. Only reading here; the rule
 * score-frame judges.
 */
import type { Document, TableBlock } from "../model/document.ts";
import { parseCellNumber, squash } from "./tables/cell-number.ts";
import {
  ANNOTATION_WORDS,
  EVALUATION_FRAME_LABELS,
  FRAME_LABEL_SUFFIXES,
  FRAME_LABELS,
  type FrameRole,
  LABEL_TRAILING_NOTE,
  SUB_CATEGORY_QUALIFIERS,
} from "./vocab.ts";

/** Where a piece of text sits: a paragraph or heading, or one (anchor) cell of a table. */
export interface TextPlace {
  block: number;
  cell?: { row: number; col: number };
}

/** A quote (an exact substring of the place's text). */
export interface PlacedQuote extends TextPlace {
  quote: string;
}

export interface WeightNote {
  role: FrameRole;
  /** The label as written, spaces removed (预算执行情况, 产出指标). */
  label: string;
  /** The vocabulary term the label ends with (a category's canonical name). */
  term: string;
  value: number;
  decimals: number;
  /** The number as written. */
  raw: string;
  /** From the label's start to the annotation's end, or, when the label is in the text before, two quotes. */
  quotes: PlacedQuote[];
}

export interface WeightFrame {
  /** "text" for paragraphs and headings, else the block index of the table the frame was read from. */
  scope: "text" | number;
  total?: WeightNote;
  budget?: WeightNote;
  block?: WeightNote;
  /** The 一级指标 categories, in the order written. */
  categories: WeightNote[];
}

/** "（10分）" / "(10 分)" / "（２０分）" / "（分值10分）": a weight annotation. "(20分*执行率)" is a scoring formula, not one. */
const ANNOTATION = new RegExp(
  `[（(][\\s\\u3000]*(?:(?:${ANNOTATION_WORDS.join("|")})[\\s\\u3000]*[：:]?[\\s\\u3000]*)?` +
    "([0-9０-９]+(?:[.．][0-9０-９]+)?)[\\s\\u3000]*分[\\s\\u3000]*[)）]",
  "g",
);
const HAS_ANNOTATION = new RegExp(ANNOTATION.source);
const TRAILING_COLON = /[：:]$/;
/** How far before an annotation its label is looked for (a label, its spaces and a unit note). */
const LABEL_WINDOW = 40;

interface Unit extends TextPlace {
  text: string;
}

/** A label read from the text before an annotation: its role, or "foreign", and where it starts. */
export interface Label {
  role: FrameRole | "foreign";
  term: string;
  /** Offset in the text where the label starts. */
  start: number;
  /** Offset where the written label ends (before a 完成情况, a trailing unit note and spaces). */
  end: number;
}

const TERMS: { role: FrameRole; term: string }[] = (Object.entries(FRAME_LABELS) as [FrameRole, string[]][])
  .flatMap(([role, terms]) => terms.map((term) => ({ role, term })))
  .sort((a, b) => b.term.length - a.term.length);

/** Squashed text and, for each of its characters, the offset in the original. */
function squashWithOffsets(text: string): { s: string; at: number[] } {
  let s = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/[\s\u3000]/.test(text[i])) continue;
    s += text[i];
    at.push(i);
  }
  return { s, at };
}

/** The frame label `text` ends with (spaces inside it allowed), if any. */
export function labelBefore(text: string): Label | undefined {
  const { s: full, at } = squashWithOffsets(text);
  let s = full;
  for (let i = 0; i < 2; i++) s = s.replace(TRAILING_COLON, "").replace(LABEL_TRAILING_NOTE, "");
  if (s === "") return undefined;
  const suffix = FRAME_LABEL_SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length);
  if (suffix) s = s.slice(0, s.length - suffix.length);
  const end = at[s.length - 1] + 1;
  for (const { role, term } of TERMS) {
    if (!s.endsWith(term)) continue;
    const before = s.slice(0, s.length - term.length);
    if (role === "category" && SUB_CATEGORY_QUALIFIERS.some((q) => before.endsWith(q))) return undefined;
    const start = at[s.length - term.length];
    return { role, term, start, end };
  }
  const foreign = EVALUATION_FRAME_LABELS.find((w) => s.endsWith(w));
  if (foreign) {
    return { role: "foreign", term: foreign, start: at[s.length - foreign.length], end };
  }
  return undefined;
}

interface Read {
  note?: WeightNote;
  foreign: boolean;
}

/** The annotations of one unit; `prev` is the unit just before it, where a label may sit alone. */
function readUnit(u: Unit, prev: Unit | undefined): Read[] {
  const out: Read[] = [];
  let from = 0;
  for (const m of u.text.matchAll(ANNOTATION)) {
    const at = m.index!;
    const segment = u.text.slice(from, at);
    const first = from === 0;
    from = at + m[0].length;
    const n = parseCellNumber(m[1]);
    if (!n) continue;
    const own = segment.trim() !== "";
    const alone = first && prev !== undefined && !HAS_ANNOTATION.test(prev.text);
    const where = own ? segment : alone ? prev.text : "";
    const cut = Math.max(0, where.length - LABEL_WINDOW);
    const found = where ? labelBefore(where.slice(cut)) : undefined;
    if (!found) continue;
    const label = { ...found, start: found.start + cut, end: found.end + cut };
    if (label.role === "foreign") {
      out.push({ foreign: true });
      continue;
    }
    const place = (x: Unit): TextPlace => ({ block: x.block, ...(x.cell ? { cell: x.cell } : {}) });
    const base = at - segment.length;
    const quotes: PlacedQuote[] = own
      ? [{ ...place(u), quote: u.text.slice(base + label.start, from) }]
      : [{ ...place(prev!), quote: prev!.text.slice(label.start, label.end) }, {
        ...place(u),
        quote: m[0],
      }];
    const written = squash((own ? segment : prev!.text).slice(label.start, label.end))
      .replace(TRAILING_COLON, "").replace(LABEL_TRAILING_NOTE, "");
    out.push({
      foreign: false,
      note: {
        role: label.role,
        label: written,
        term: label.term,
        value: n.value,
        decimals: n.decimals,
        raw: n.raw,
        quotes,
      },
    });
  }
  return out;
}

function slot(n: WeightNote): string {
  return n.role === "category" ? `category:${n.term}` : n.role;
}

/**
 * Groups the annotations of one scope into frames: a frame ends where a role it already has comes again
 * (the next 自评表), unless that is the same weight restated right after (a heading and its paragraph). A frame
 * with a label of an evaluation's own indicator system (决策, 过程 …) is dropped.
 */
function group(reads: Read[], scope: "text" | number): WeightFrame[] {
  const frames: WeightFrame[] = [];
  let cur: { notes: Map<string, WeightNote>; last?: WeightNote; foreign: boolean } | undefined;
  const close = () => {
    if (!cur || cur.foreign || cur.notes.size === 0) return;
    const notes = [...cur.notes.values()];
    frames.push({
      scope,
      total: cur.notes.get("total"),
      budget: cur.notes.get("budget"),
      block: cur.notes.get("block"),
      categories: notes.filter((n) => n.role === "category"),
    });
  };
  for (const r of reads) {
    cur ??= { notes: new Map(), foreign: false };
    if (r.foreign) {
      cur.foreign = true;
      continue;
    }
    const n = r.note!;
    const had = cur.notes.get(slot(n));
    if (had) {
      if (had === cur.last && had.value === n.value) continue;
      close();
      cur = { notes: new Map(), foreign: false };
    }
    cur.notes.set(slot(n), n);
    cur.last = n;
  }
  close();
  return frames;
}

function tableUnits(t: TableBlock): Unit[] {
  const out: Unit[] = [];
  for (let r = 0; r < t.rowCount; r++) {
    for (let c = 0; c < t.grid[r].length; c++) {
      const cell = t.grid[r][c];
      if (cell.anchorRow !== r || cell.anchorCol !== c || cell.text.trim() === "") continue;
      out.push({ block: t.index, cell: { row: r, col: c }, text: cell.text });
    }
  }
  return out;
}

/** Reads the units in order; a unit's label may sit in the unit just before it (`adjacent`). */
function readAll(units: Unit[], adjacent: (a: Unit, b: Unit) => boolean): Read[] {
  return units.flatMap((u, i) => {
    const prev = i > 0 && adjacent(units[i - 1], u) ? units[i - 1] : undefined;
    return readUnit(u, prev);
  });
}

/**
 * Every weight frame of the document: one scope for the paragraphs and headings (table of contents left
 * out), one per table the indicator-table reader did not parse (`parsedTables`: block indexes).
 */
export function weightFrames(doc: Document, parsedTables: ReadonlySet<number>): WeightFrame[] {
  const text: Unit[] = [];
  const out: WeightFrame[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "table") {
      if (parsedTables.has(b.index)) continue;
      const units = tableUnits(b);
      const sameRow = (a: Unit, x: Unit) => a.cell!.row === x.cell!.row;
      out.push(...group(readAll(units, sameRow), b.index));
    } else if (b.kind === "heading" || !b.role) {
      if (b.text.trim() !== "") text.push({ block: b.index, text: b.text });
    }
  }
  const next = (a: Unit, b: Unit) => b.block === a.block + 1;
  return [...group(readAll(text, next), "text"), ...out];
}
