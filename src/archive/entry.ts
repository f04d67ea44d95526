/**
 * What the archive index keeps of one audited document: its passages (paragraphs and long table cells) as
 * fingerprints and MinHash signatures, and the figures it states for its own year or for an earlier one.
 * Built by the audit process (where the Document is at hand) and sent to the batch as JSON.
 */
import type { Block, Document, TableBlock } from "../model/document.ts";
import type { Extraction, Figure } from "../model/figure.ts";
import { Buffer } from "node:buffer";
import { type Masker, masker, signature, SIGNATURE_SIZE, unitKey, wording } from "./text.ts";

/** Bumped when the entry's fingerprints change meaning: older entries are rebuilt (the file re-audited). */
export const ENTRY_VERSION = 1;

/** Shortest passage indexed, in characters of wording (masks not counted): shorter ones are headings. */
export const MIN_WORDING = 12;
/** Longest quote prefix kept per passage (an exact prefix of its block's or cell's text). */
const QUOTE_CHARS = 24;

/** Passage flags. */
export const FLAG = { target: 1, hasYear: 2, hasNumber: 4 } as const;

export interface Passage {
  block: number;
  /** [table index, row, col] for a table cell. */
  cell?: [number, number, number];
  /** Index into ArchiveEntry.sections. */
  section: number;
  /** The first characters of the block's (or cell's) text: an exact substring of it. */
  quote: string;
  /** Characters of wording (the passage's weight in shares). */
  weight: number;
  flags: number;
  /** Fingerprints: everything masked; years and names masked (figures kept); nothing masked. */
  fp: number;
  fpYear: number;
  fpRaw: number;
  /** MinHash signature of the fully masked form. */
  sig: number[];
}

/** A figure the report states: for its own year (`ref` false) or for an earlier year it names (`ref` true). */
export interface YearFigure {
  /** Subject without years and 上年/本年 words, in comparison form. */
  subject: string;
  year: number;
  ref: boolean;
  value: number;
  unit: string;
  decimals: number;
  scale: number;
  raw: string;
  /** The clause: an exact substring of the block's (or cell's) text. */
  quote: string;
  block: number;
  cell?: [number, number, number];
  section: number;
}

export interface ArchiveEntry {
  version: number;
  meta: { title: string | null; year: number | null; unit: string | null; kind: string | null };
  /** Section paths joined with " › ", referenced by index. */
  sections: string[];
  passages: Passage[];
  figures: YearFigure[];
}

/**
 * An entry as the audit process sends it: every passage's signature packed into one base64 string
 * (SIGNATURE_SIZE uint32 per passage, in passage order, in this machine's byte order, as the index stores
 * them), which is several times shorter in JSON than arrays of numbers and quicker to read.
 */
export interface PackedEntry extends Omit<ArchiveEntry, "passages"> {
  passages: Omit<Passage, "sig">[];
  sigs: string;
}

export function packEntry(entry: ArchiveEntry): PackedEntry {
  const all = new Uint32Array(entry.passages.length * SIGNATURE_SIZE);
  const passages = entry.passages.map((p, k) => {
    all.set(p.sig, k * SIGNATURE_SIZE);
    return withoutSig(p);
  });
  return { ...entry, passages, sigs: Buffer.from(all.buffer).toString("base64") };
}

/**
 * A passage without its signature, its keys in the order of `Passage` (the order they have in JSON): written
 * out, which is quicker than rest destructuring or spreading `cell` in.
 */
function withoutSig(p: Passage): Omit<Passage, "sig"> {
  const { block, cell, section, quote, weight, flags, fp, fpYear, fpRaw } = p;
  return cell
    ? { block, cell, section, quote, weight, flags, fp, fpYear, fpRaw }
    : { block, section, quote, weight, flags, fp, fpYear, fpRaw };
}

/** The signature of passage `k` of an entry, packed or not (a fresh array). */
export function passageSignatures(entry: ArchiveEntry | PackedEntry): (k: number) => Uint32Array {
  if (!("sigs" in entry)) return (k) => Uint32Array.from(entry.passages[k].sig);
  const bytes = Buffer.from(entry.sigs, "base64");
  return (k) => {
    const sig = new Uint32Array(SIGNATURE_SIZE);
    new Uint8Array(sig.buffer).set(bytes.subarray(k * SIGNATURE_SIZE * 4, (k + 1) * SIGNATURE_SIZE * 4));
    return sig;
  };
}

const YEAR_IN_TEXT = /(?:19|20|１９|２０)[0-9０-９]{2}\s*年/;
const TARGET_SECTION = /绩效目标|年度目标|总体目标/;
const NOT_TARGET_SECTION = /完成|实现|偏离|情况|分析|自评/;
const TARGET_LABEL = /^(?:年度|总体|绩效|年度绩效|项目)?目标(?:内容)?$/;

/** A signature as a plain array (a loop: spreading a typed array goes through its iterator). */
function sigArray(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let j = 0; j < sig.length; j++) out.push(sig[j]);
  return out;
}

function quoteOf(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return "";
  let end = Math.min(text.length, start + QUOTE_CHARS);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // never cut a surrogate pair
  return text.slice(start, end).trimEnd();
}

/** The archive entry of an audited document; `meta` is the result's (the configuration may fill it). */
export function archiveEntry(
  doc: Document,
  extraction: Extraction,
  meta: { title: string | null; year: number | null; unit: string | null; kind?: string | null },
): ArchiveEntry {
  const m = masker(meta.unit);
  const sectionIndex = new Map<string, number>();
  const sections: string[] = [];
  const sectionOf = (id: string) => {
    let k = sectionIndex.get(id);
    if (k === undefined) {
      k = sections.length;
      sections.push((doc.sections[id]?.path ?? []).join(" › "));
      sectionIndex.set(id, k);
    }
    return k;
  };
  const targetSections = new Map<string, boolean>();
  const isTargetSection = (id: string) => {
    let target = targetSections.get(id);
    if (target === undefined) {
      target = (doc.sections[id]?.path ?? []).some((t) =>
        TARGET_SECTION.test(t) && !NOT_TARGET_SECTION.test(t)
      );
      targetSections.set(id, target);
    }
    return target;
  };

  const passages: Passage[] = [];
  const add = (block: Block, text: string, target: boolean, cell?: [number, number, number]) => {
    const forms = m.forms(text);
    const full = forms.full;
    const weight = wording(full);
    if (weight < MIN_WORDING) return;
    const fp = forms.fullFingerprint();
    const fpYear = forms.yearOnlyFingerprint();
    let flags = target ? FLAG.target : 0;
    if (text.includes("年") && YEAR_IN_TEXT.test(text)) flags |= FLAG.hasYear;
    if (full.includes("#")) flags |= FLAG.hasNumber;
    const section = sectionOf(block.section), quote = quoteOf(text);
    const fpRaw = forms.rawFingerprint(), sig = sigArray(signature(full));
    passages.push(
      cell
        ? { block: block.index, cell, section, quote, weight, flags, fp, fpYear, fpRaw, sig }
        : { block: block.index, section, quote, weight, flags, fp, fpYear, fpRaw, sig },
    );
  };
  for (const block of doc.blocks) {
    if (block.kind === "heading") continue;
    if (block.kind === "paragraph") {
      if (
        block.role || block.origin === "header" || block.origin === "footer" || block.origin === "comment"
      ) {
        continue;
      }
      add(block, block.text, isTargetSection(block.section));
      continue;
    }
    tableCells(block, isTargetSection(block.section), add);
  }
  return {
    version: ENTRY_VERSION,
    meta: { title: meta.title, year: meta.year, unit: meta.unit, kind: meta.kind ?? null },
    sections,
    passages,
    figures: meta.year === null ? [] : yearFigures(doc, extraction, meta.year, m, sectionOf),
  };
}

function tableCells(
  block: TableBlock,
  targetSection: boolean,
  add: (block: Block, text: string, target: boolean, cell?: [number, number, number]) => void,
): void {
  for (let r = 0; r < block.grid.length; r++) {
    const row = block.grid[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell.anchorRow !== r || cell.anchorCol !== c || cell.text.length < MIN_WORDING) continue;
      const left = c > 0 ? row[c - 1].text.replace(/\s+/g, "") : "";
      const target = targetSection || TARGET_LABEL.test(left);
      add(block, cell.text, target, [block.tableIndex, r, c]);
    }
  }
}

/** 上年/去年/上年度 as the time of a figure (not 较上年/比上年, which make it a change). */
const LAST_YEAR = /(?<![较比与同])(?:上一?年度?|去年)(?!同期|结转|末)/;
/** A clause prefix that makes the figure a change, a running total or a stock, not a year's amount. */
const NOT_A_YEAR_AMOUNT =
  /较|比|同比|增长|增加|减少|下降|上升|提高|累计|截至|年末|年初|以前|以来|结转|结余|同期/;
const TIME_WORDS =
  /(?:19|20)\d{2}\s*年度?|上一?年度?|去年|本年度?|当年|今年|全年|年度|上年同期|[一二三四]季度|上半年|下半年/g;
/** Units whose figures are compared across years (amounts and counts, not rates or scores). */
const SKIP_UNITS = new Set(["%", "个百分点", "分", "‰", ""]);

/** The subject key of a figure; `cache` holds the keys of the labels seen (a row label recurs per column). */
function subjectKey(f: Figure, m: Masker, cache: Map<string, string | null>): string | null {
  const label = f.rowLabel && f.loc.table ? f.rowLabel : f.subject;
  let key = cache.get(label);
  if (key === undefined) cache.set(label, key = labelKey(label, m));
  return key;
}

function labelKey(label: string, m: Masker): string | null {
  const key = m.full(label.replace(TIME_WORDS, "")).replace(/ω/g, "");
  if (key.includes("#")) return null;
  let han = 0;
  for (let i = 0; i < key.length && han < 2; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return han >= 2 ? key : null;
}

function blockText(doc: Document, f: Figure): string {
  const b = doc.blocks[f.loc.block];
  if (!b) return "";
  if (b.kind === "table") {
    const t = f.loc.table!;
    return b.grid[t.row]?.[t.col]?.text ?? "";
  }
  return b.text;
}

function yearFigures(
  doc: Document,
  extraction: Extraction,
  docYear: number,
  m: Masker,
  sectionOf: (id: string) => number,
): YearFigure[] {
  const out: YearFigure[] = [];
  const subjects = new Map<string, string | null>();
  for (const f of extraction.figures) {
    if (SKIP_UNITS.has(f.unit) || f.range || f.approx !== "exact") continue;
    const block = doc.blocks[f.loc.block];
    if (!block || block.kind === "heading") continue;
    const text = blockText(doc, f);
    const clauseStart = text.indexOf(f.quote);
    const prefix = clauseStart >= 0 && clauseStart <= f.loc.start
      ? text.slice(clauseStart, f.loc.start)
      : f.subjectRaw ?? f.subject;
    const header = f.loc.table ? (f.columnHeader ?? "") : "";
    let year: number | undefined;
    let ref = false;
    if (f.loc.table) {
      if (LAST_YEAR.test(header) && !NOT_A_YEAR_AMOUNT.test(header)) [year, ref] = [docYear - 1, true];
      else if (/上一?年|去年|以前|累计/.test(header)) continue;
      else if (f.year === undefined || f.year === docYear) year = docYear;
    } else {
      const marker = LAST_YEAR.exec(prefix);
      if (marker) {
        if (NOT_A_YEAR_AMOUNT.test(prefix.slice(marker.index))) continue;
        [year, ref] = [docYear - 1, true];
      } else if (NOT_A_YEAR_AMOUNT.test(prefix)) continue;
      else if (f.year !== undefined && f.year < docYear && f.year >= docYear - 5) {
        [year, ref] = [f.year, true];
      } else if (f.year === undefined || f.year === docYear) year = docYear;
    }
    if (year === undefined) continue;
    const subject = subjectKey(f, m, subjects);
    if (!subject) continue;
    out.push({
      subject,
      year,
      ref,
      value: f.value,
      unit: f.unit,
      decimals: f.decimals,
      scale: f.scale,
      raw: f.raw,
      quote: f.quote,
      block: f.loc.block,
      ...(f.loc.table ? { cell: [f.loc.table.index, f.loc.table.row, f.loc.table.col] } : {}),
      section: sectionOf(block.section),
    });
  }
  return out;
}

/** The key a unit is matched on across reports (normalised name). */
export { unitKey };
