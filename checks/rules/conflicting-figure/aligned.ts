/**
 * The aligned-passages analysis: two copies of one passage (same wording, numbers masked) whose numbers
 * differ. Computed once per document (`alignedAnalysis`) and read by the conflicting-figure rule (its
 * findings) and by conflicting-figure-subject (the figures it covers, which that rule leaves out).
 */
import type { CheckContext, FindingDraft } from "../../../src/model/rule.ts";
import type { Evidence } from "../../../src/model/finding.ts";
import type { Figure } from "../../../src/model/figure.ts";
import type { Document } from "../../../src/model/document.ts";
import { intervalOf } from "../../../src/extract/tolerance.ts";
import { normalize } from "../../../src/analysis/text/normalize.ts";
import {
  isOrdinalToken,
  isTimeToken,
  type NumberToken,
  numberTokens,
  wordingLength,
} from "../../../src/analysis/text/masking.ts";
import type { Sentence } from "../../../src/analysis/text/passages.ts";
import { splitClauses } from "../../../src/analysis/segment.ts";
import { evidenceOf, placeOf, type TextUnit } from "../../../src/analysis/text/units.ts";
import { subjectSection } from "./shared.ts";

/** Shared wording (numbers aside) a sentence needs before two copies of it are aligned. */
const MIN_WORDING = 15;
/** A sentence this long is a pasted passage on its own; shorter ones need a shared neighbour or paragraph. */
const LONG_WORDING = 40;
/**
 * Work cap for template-like repetition (one sentence skeleton hundreds of times): a copy is compared with
 * at most this many following copies. Smaller buckets are compared pair by pair.
 */
const MAX_PARTNERS = 32;

export type AlignedDetails = {
  "aligned-passages": {
    stated: string[];
    values: number[];
    occurrences: Record<string, number>;
    assumption?: string;
  };
};

interface Occ {
  unit: TextUnit;
  sentences: Sentence[];
  s: number;
  tokens: NumberToken[];
  /** isTimeToken of each token, filled on first use (a sentence meets each of its copies). */
  time: (boolean | undefined)[];
}

/** A sentence that may be one copy of a passage; its number tokens are read only when it has a twin. */
type Slot = Omit<Occ, "tokens" | "time">;

interface Side {
  value: number;
  raw: string;
  evidence: Evidence[];
  places: string[];
  keys: Set<string>;
}

/** Starts of the aligned tokens already reported, per paragraph block (cells are never looked up). */
export type Covered = Map<number, Set<number>>;

/** What the aligned analysis finds in one document: its findings and the tokens they cover. */
export interface AlignedAnalysis {
  findings: FindingDraft<AlignedDetails>[];
  covered: Covered;
}

/** The aligned analysis of the document, computed once and shared by the rules that need it. */
export function alignedAnalysis(ctx: CheckContext): AlignedAnalysis {
  return ctx.views.memo("conflicting-figure:aligned", () => alignedConflicts(ctx));
}

/** Whether a figure's text holds a token an aligned-passages finding already reports. */
export function coveredBy(f: Figure, covered: Covered): boolean {
  const starts = covered.get(f.loc.block);
  if (!starts) return false;
  for (let i = f.loc.start; i < f.loc.end; i++) if (starts.has(i)) return true;
  return false;
}

/** Sentences with the same skeleton (wording with numbers masked) but different numbers. */
function alignedConflicts({ doc, views }: CheckContext): AlignedAnalysis {
  const units = views.textUnits;
  const buckets = new Map<string, Slot[]>();
  for (const unit of units) {
    const sentences = views.unitSentences(unit);
    for (let s = 0; s < sentences.length; s++) {
      const skel = sentences[s].skel;
      if (!skel.includes("#") || wordingLength(skel) < MIN_WORDING) continue;
      const list = buckets.get(skel);
      if (list) list.push({ unit, sentences, s });
      else buckets.set(skel, [{ unit, sentences, s }]);
    }
  }
  const conflicts = new Map<string, { sides: Side[]; certain: boolean }>();
  const covered: Covered = new Map();
  for (const [skel, slots] of buckets) {
    if (slots.length < 2) continue;
    const occs: Occ[] = slots.map((slot) => {
      const sent = slot.sentences[slot.s];
      const tokens = numberTokens(sent.text);
      for (const t of tokens) {
        t.start += sent.start;
        t.end += sent.start;
      }
      return { ...slot, tokens, time: [] };
    });
    for (let x = 0; x < occs.length; x++) {
      for (let y = x + 1; y < occs.length && y <= x + MAX_PARTNERS; y++) {
        const [p, q] = [occs[x], occs[y]];
        if (p.tokens.length !== q.tokens.length) continue;
        const diff: number[] = [];
        for (let k = 0; k < p.tokens.length; k++) if (p.tokens[k].value !== q.tokens[k].value) diff.push(k);
        if (!diff.length || !related(p, q, skel, diff.length)) continue;
        if (diff.some((k) => isTime(p, k) || isTime(q, k) || isOrdinal(p, k) || isOrdinal(q, k))) continue;
        const parallel = mayDescribeOthers(doc, p.unit, q.unit);
        // One template filled in for two subjects: several of its figures differ.
        if (parallel && diff.length > 1) continue;
        for (const k of diff) {
          const [a, b] = [p.tokens[k], q.tokens[k]];
          if (roundingCompatible(a, b)) continue;
          // One finding per quantity (this figure of this passage), whatever number of values it is given.
          const key = `${skel}|${k}`;
          const c = conflicts.get(key) ?? { sides: [], certain: false };
          c.certain ||= !parallel;
          for (const [occ, tok] of [[p, a], [q, b]] as const) {
            let sd = c.sides.find((sd) => sd.value === tok.value);
            if (!sd) c.sides.push(sd = side(tok));
            const locKey = `${occ.unit.block}:${occ.unit.table?.row ?? ""}:${
              occ.unit.table?.col ?? ""
            }:${tok.start}`;
            if (!occ.unit.table) {
              const starts = covered.get(occ.unit.block);
              if (starts) starts.add(tok.start);
              else covered.set(occ.unit.block, new Set([tok.start]));
            }
            if (sd.keys.has(locKey)) continue;
            sd.keys.add(locKey);
            sd.evidence.push(evidenceOf(occ.unit, clauseAround(occ, tok)));
            sd.places.push(placeOf(occ.unit));
          }
          conflicts.set(key, c);
        }
      }
    }
  }
  const findings = [...conflicts.values()].map(({ sides, certain }): FindingDraft<AlignedDetails> => {
    sides.sort((s, t) => s.evidence[0].block - t.evidence[0].block);
    const count = sides.reduce((n, sd) => n + sd.evidence.length, 0);
    const where = [...new Set(sides.flatMap((sd) => sd.places))].join("、");
    const quotes = sides.map((sd) => `「${sd.evidence[0].quote}」`);
    const raws = sides.map((sd) => sd.raw);
    const values = `${raws.slice(0, -1).join("、")}与${raws.at(-1)}`;
    const message = `前后表述相同而数字不同：${quotes.slice(0, -1).join("、")}与${quotes.at(-1)}` +
      `（${where}），${sides.length > 2 ? `这${sides.length}种写法` : "两处"}其余文字一致，` +
      (certain
        ? `所写数值${values}不可能同时正确。`
        : `${
          sides.length > 2 ? "各处" : "两处"
        }所在的小节或表格行不同，可能分别描述不同对象；此处假定写的是同一事项，则所写数值${values}` +
          `不可能同时正确；如分别写不同对象，请忽略。`) +
      (count > 2 ? `该矛盾在文中共出现${count}处。` : "");
    return {
      severity: certain ? "error" : "warning",
      ...(certain ? {} : { certainty: "assumption" as const }),
      message,
      hint: "核实该数字的正确值，统一全文表述，并删除重复的语句。",
      evidence: [...sides.map((sd) => sd.evidence[0]), ...sides.flatMap((sd) => sd.evidence.slice(1))],
      messageId: "aligned-passages",

      details: {
        stated: raws,
        values: sides.map((sd) => sd.value),
        occurrences: Object.fromEntries(sides.map((sd) => [sd.raw, sd.evidence.length])),
        ...(certain
          ? {}
          : { assumption: `不同小节或表格行中相同句式的${sides.length > 2 ? "几" : "两"}处写的是同一事项` }),
      },
    };
  });
  return { findings: findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block), covered };
}

/**
 * Two texts that may each describe their own subject in one template, so that equal wording does not make
 * them one statement: texts of table rows with different labels (or a labelled row and the prose), texts
 * under sections named after different subjects (一、青石村 / 二、白沙村), and texts in parallel subsections
 * ((一)… / (二)… under one part). Texts in different parts of the outline (一、部门概况 / 三、绩效分析) all
 * speak of the unit itself.
 */
function mayDescribeOthers(doc: Document, a: TextUnit, b: TextUnit): boolean {
  const [la, lb] = [rowLabel(doc, a), rowLabel(doc, b)];
  if ((la || lb) && la !== lb) return true;
  const [pa, pb] = [labelAbove(doc, a), labelAbove(doc, b)];
  if (pa && pb && pa !== pb) return true;
  if (a.section === b.section) return false;
  const [sa, sb] = [subjectSection(doc, a.section), subjectSection(doc, b.section)];
  if (sa && sb && sa !== sb) return true;
  const chain = (id: string) => {
    const ids: string[] = [];
    for (let s: string | null = id; s !== null && doc.sections[s]; s = doc.sections[s].parent) ids.push(s);
    return ids;
  };
  const [ca, cb] = [chain(a.section), chain(b.section)];
  if (ca.includes(b.section) || cb.includes(a.section)) return false;
  const common = ca.find((id) => cb.includes(id));
  return !!common && !!doc.sections[common].parent;
}

/** Paragraphs back a label line is looked for (a subject written as a plain line: （1）青石村). */
const LABEL_LOOK_BACK = 3;
/** A plain line that names what follows: short, no sentence in it. */
const LABEL_LINE = /^[^。；;！!？?]{1,24}$/;

/**
 * The nearest short label line (（1）青石村 / 2.白沙村项目) above a paragraph, within the same section and
 * before any heading or table, normalised; "" when none or for table cells.
 */
function labelAbove(doc: Document, u: TextUnit): string {
  if (u.table) return "";
  for (let i = u.block - 1; i >= 0 && i >= u.block - LABEL_LOOK_BACK; i--) {
    const b = doc.blocks[i];
    if (!b || b.kind !== "paragraph") return "";
    if (LABEL_LINE.test(b.text.trim())) return normalize(b.text);
  }
  return "";
}

/** The label of a table cell's row (its first cell), normalised; "" for prose and first-column cells. */
function rowLabel(doc: Document, u: TextUnit): string {
  const block = doc.blocks[u.block];
  if (!u.table || u.table.col === 0 || block?.kind !== "table") return "";
  return normalize(block.grid[u.table.row]?.[0]?.text ?? "");
}

/** A number that labels an item (第2批, 3号点位, 2标段): copies differing in it are items of a list. */
function isOrdinal(occ: Occ, k: number): boolean {
  return isOrdinalToken(occ.unit.text, occ.tokens[k]);
}

function isTime(occ: Occ, k: number): boolean {
  return occ.time[k] ??= isTimeToken(occ.unit.text, occ.tokens[k]);
}

function side(t: NumberToken): Side {
  return { value: t.value, raw: t.raw, evidence: [], places: [], keys: new Set() };
}

/**
 * Two copies are aligned only when they are evidently one passage written twice: long enough on their own,
 * in the same paragraph, next to a sentence both copies share word for word, or a whole paragraph copied
 * with all its figures but one unchanged.
 */
function related(p: Occ, q: Occ, skel: string, differing: number): boolean {
  if (wordingLength(skel) >= LONG_WORDING) return true;
  if (p.unit === q.unit) return true;
  if (differing === 1 && p.tokens.length >= 2 && sameParagraph(p, q)) return true;
  const same = (i: number, j: number) => {
    const a = p.sentences[i], b = q.sentences[j];
    return !!a && !!b && a.length >= MIN_WORDING && a.norm === b.norm;
  };
  return same(p.s - 1, q.s - 1) || same(p.s + 1, q.s + 1);
}

/** Two paragraphs alike sentence for sentence: the aligned ones, the others word for word. */
function sameParagraph(p: Occ, q: Occ): boolean {
  if (p.unit.table || q.unit.table || p.s !== q.s || p.sentences.length !== q.sentences.length) return false;
  return p.sentences.every((sp, i) => i === p.s || sp.norm === q.sentences[i].norm);
}

/** The same token read at each other's precision: 12.35 and 12.3 may both be the same value rounded. */
function roundingCompatible(a: NumberToken, b: NumberToken): boolean {
  const contains = (x: NumberToken, y: NumberToken) => {
    const iv = intervalOf({ stated: x.value, decimals: x.decimals, scale: 1 });
    return iv.low - 1e-9 <= y.value && y.value <= iv.high + 1e-9;
  };
  return (a.decimals > 0 || b.decimals > 0) && (contains(a, b) || contains(b, a));
}

/** The clause (between ，、：；。) holding the token, as an exact substring of the unit's text. */
function clauseAround(occ: Occ, tok: NumberToken): string {
  const sent = occ.sentences[occ.s];
  const clause = splitClauses(sent).find((c) => c.start <= tok.start && tok.end <= c.end);
  return clause?.text ?? occ.unit.text.slice(tok.start, tok.end);
}
