/**
 * Where the rate a scoring rule needs comes from: a value in the indicator's own table row (实际完成值 98%),
 * a rate stated in the text under the same name (本年度预算执行率为100%), or the two inputs of the row's
 * definition stated in one paragraph (在职人员数 15人 / 编制数 19人). Matching is by name only, which is why
 * anything but the same-row value is an assumption the finding must state.
 */
import type { Views } from "../../../src/analysis/views.ts";
import type { Document, TableBlock } from "../../../src/model/document.ts";
import type { Figure, ScoreClaim } from "../../../src/model/figure.ts";
import { div, type Interval, intervalOf, scale } from "../../../src/extract/tolerance.ts";
import type { Definition } from "./formula.ts";
import {
  ABOUT_WORDS,
  CURRENT_PERIOD_OPENERS,
  INPUT_NAME_HEADS,
  INPUT_NAME_TAILS,
  INPUT_SYNONYMS,
  NAME_TRAILING_WORDS,
  NOT_ACHIEVED_HEADER_WORDS,
  PREVIOUS_PERIOD_OPENERS,
  RATE_SYNONYM_GUARD,
  RATE_SYNONYMS,
  REQUIREMENT_WORDS,
  TARGET_NAME_WORDS,
  TARGET_SECTION_WORDS,
  THRESHOLD_WORDS,
} from "../../../src/analysis/vocab-score-rules.ts";

const alt = (words: readonly string[]) => words.join("|");
/** The rate synonyms, each as a global regex. */
const SYNONYM_RES = RATE_SYNONYMS.map(([from, to]) => [new RegExp(from, "g"), to] as const);

/** A rate as the report gives it, or as recomputed from two figures of the report. */
export type Source =
  | { kind: "row"; figure: Figure; rate: Interval }
  | { kind: "stated"; figure: Figure; rate: Interval; claim?: ScoreClaim }
  | { kind: "inputs"; numerator: Figure; denominator: Figure; rate: Interval; claim?: ScoreClaim };

/** Quotes, spaces, and the synonyms the genre uses for the same rate (预算完成率 = 预算执行率). */
export function canonName(s: string): string {
  const t = s.replace(/[“”"'‘’《》「」〈〉\s\u3000]/g, "");
  // Guarded: canonName runs on every figure's subject, and the synonyms are rare.
  return t.includes(RATE_SYNONYM_GUARD) ? SYNONYM_RES.reduce((x, [re, to]) => x.replace(re, to), t) : t;
}

/** Rate names worth matching: end in 率/度 and say more than the bare suffix. */
export function rateNames(names: string[]): string[] {
  const out = names.map(canonName).filter((n) => n.length >= 3 && /[率度]$/.test(n));
  return [...new Set(out)];
}

const TRAILING_COPULA = new RegExp(`(?:${alt(NAME_TRAILING_WORDS)})+$`);
/** Just before a figure: a comparison makes it a threshold or a target, not the value achieved. */
const COMPARISON_BEFORE = new RegExp(`(?:≥|≤|>=|<=|[<>＞＜=＝≧≦]|${alt(THRESHOLD_WORDS)})\\s*$`);
/** 不低于98% is how requirements are written, not results. */
const REQUIREMENT = new RegExp(alt(REQUIREMENT_WORDS));
/** 约为90%: the extractor sees 约 only right before the number. */
const ABOUT_BEFORE = new RegExp(`(?:${alt(ABOUT_WORDS)})(?:为|是|达到?)?\\s*$`);
const REACHED_BEFORE = /达到?\s*$/;
const TARGET_SECTION = new RegExp(alt(TARGET_SECTION_WORDS));

/** Length of the longest rate name the figure's subject ends with (0 when none). */
export function nameMatch(subject: string, names: string[]): number {
  return nameMatchKey(matchKey(subject), names);
}

/** The form of a subject nameMatch compares (computed once per figure when matching many rules). */
export function matchKey(subject: string): string {
  return canonName(subject).replace(TRAILING_COPULA, "");
}

/** nameMatch on a subject already passed through matchKey. */
export function nameMatchKey(key: string, names: string[]): number {
  if (TARGET_NAME_WORDS.some((w) => key.includes(w))) return 0;
  let best = 0;
  for (const n of names) if (n.length > best && key.endsWith(n)) best = n.length;
  return best;
}

function textOf(doc: Document, f: Figure): string {
  const b = doc.blocks[f.loc.block];
  if (b.kind !== "table") return b.text;
  const t = f.loc.table;
  return t ? b.grid[t.row][t.col].text : "";
}

/** The interval a stated percentage stands for; undefined for 约/左右 (no exact claim) and thresholds. */
export function rateInterval(doc: Document, f: Figure): Interval | undefined {
  if (f.unit !== "%" || f.range) return undefined;
  const before = textOf(doc, f).slice(Math.max(0, f.loc.start - 8), f.loc.start);
  if (COMPARISON_BEFORE.test(before) || REQUIREMENT.test(f.raw) || ABOUT_BEFORE.test(before)) {
    return undefined;
  }
  const iv = intervalOf({ stated: f.stated, decimals: f.decimals, scale: 1 });
  if (f.approx === "about") return undefined;
  if (f.approx === "atLeast" || REACHED_BEFORE.test(before)) return { low: iv.low, high: Infinity };
  if (f.approx === "atMost") return { low: -Infinity, high: iv.high };
  return iv;
}

/**
 * Paragraph figures that can speak for the report's own values (not its targets, not its tables), built
 * once per document on the views; read-only.
 */
export function narrativeFigures(views: Views): readonly Figure[] {
  const { doc, extraction } = views;
  return views.memo("score-rule:narrativeFigures", () =>
    extraction.figures.filter((f) => {
      const b = doc.blocks[f.loc.block];
      if (!b || b.kind === "table" || f.loc.table) return false;
      const path = doc.sections[b.section]?.path ?? [];
      return !path.some((p) => TARGET_SECTION.test(p));
    }));
}

/** The first score claim after `after` in the same ；-delimited stretch of the same paragraph. */
export function claimAfter(
  doc: Document,
  claims: readonly ScoreClaim[],
  block: number,
  from: number,
  after: number,
): ScoreClaim | undefined {
  const b = doc.blocks[block];
  if (b.kind === "table") return undefined;
  const segStart = Math.max(b.text.lastIndexOf("；", from), b.text.lastIndexOf(";", from));
  const rest = b.text.slice(after).search(/[；;]/);
  const segEnd = rest < 0 ? b.text.length : after + rest;
  return claims.find((c) =>
    c.loc.block === block && !c.loc.table && c.loc.start >= after && c.loc.start < segEnd &&
    c.loc.start > segStart
  );
}

// ---- the two inputs of a definition -------------------------------------------------------------------

type When = "cur" | "prev" | undefined;

const CUR = new RegExp(`^(?:${alt(CURRENT_PERIOD_OPENERS)})`);
const PREV = new RegExp(`^(?:${alt(PREVIOUS_PERIOD_OPENERS)})`);
/** Synonym patterns, each with words one of which a text must contain to match (a cheap guard). */
const SYNONYMS: [RegExp, string, readonly string[]][] = INPUT_SYNONYMS.map((
  s,
) => [new RegExp(alt(s.words), "g"), s.concept, s.guard]);
const HEAD = new RegExp(`^(?:${alt(INPUT_NAME_HEADS)})+`);
const TAIL = new RegExp(`(?:${alt(INPUT_NAME_TAILS)})$`);

interface Concept {
  concept: string;
  when: When;
}

function whenOf(canonical: string): When {
  return CUR.test(canonical) ? "cur" : PREV.test(canonical) ? "prev" : undefined;
}

function concept(name: string, isFigure: boolean): Concept {
  let s = canonName(name);
  const when = whenOf(s);
  s = s.replace(CUR, "").replace(PREV, "");
  for (const [re, to, guard] of SYNONYMS) if (guard.some((g) => s.includes(g))) s = s.replace(re, to);
  s = s.replace(HEAD, "");
  // 经费支出 / 经费使用 are the 经费 themselves.
  if (isFigure) s = s.replace(/(?<=费)(?:支出|使用)(?:情况)?$/, "");
  s = s.replace(TAIL, "");
  return { concept: s, when };
}

/** A figure's concept (from its subject) and time (from its subject as written), once per figure. */
function figureConcept(views: Views, f: Figure): Concept {
  return views.per("score-rule:concept", f, () => {
    const own = concept(f.subject, true);
    const raw = f.subjectRaw ?? f.subject;
    return { concept: own.concept, when: raw === f.subject ? own.when : whenOf(canonName(raw)) };
  });
}

function timeFits(input: When, fig: Figure, figWhen: When, year: number | undefined): boolean {
  if (input === undefined) return fig.year === undefined || fig.year === year;
  if (year === undefined) return figWhen === input;
  const want = input === "cur" ? year : year - 1;
  return fig.year === want || (fig.year === undefined && figWhen === input);
}

/**
 * Pairs (numerator, denominator) stated in one paragraph, exactly one figure for each input; `year` is the
 * evaluation year that 本年度/上年度 in the definition refer to.
 */
export function inputPairs(
  views: Views,
  figures: readonly Figure[],
  def: Definition,
  year: number | undefined,
): { pairs: { numerator: Figure; denominator: Figure; rate: Interval }[]; seen: boolean } {
  const num = concept(def.numerator, false);
  const den = concept(def.denominator, false);
  if (num.concept.length < 2 || den.concept.length < 2) return { pairs: [], seen: false };
  if (num.concept === den.concept && (num.when === den.when)) return { pairs: [], seen: false };
  const byBlock = new Map<number, { num: Figure[]; den: Figure[] }>();
  let seen = false;
  for (const f of figures) {
    if (f.unit === "" || f.unit === "%" || f.unit === "个百分点" || f.approx !== "exact" || f.range) continue;
    const fc = figureConcept(views, f);
    // Scalars, not [num, den].map(…): this runs for every figure and every indicator with a definition.
    const namedNum = fc.concept.endsWith(num.concept), namedDen = fc.concept.endsWith(den.concept);
    if (namedNum || namedDen) seen = true;
    const fitsNum = namedNum && timeFits(num.when, f, fc.when, year);
    const fitsDen = namedDen && timeFits(den.when, f, fc.when, year);
    let role: "num" | "den" | undefined;
    if (fitsNum && fitsDen) {
      if (num.concept.length !== den.concept.length) {
        role = num.concept.length > den.concept.length ? "num" : "den";
      }
    } else if (fitsNum) role = "num";
    else if (fitsDen) role = "den";
    if (!role) continue;
    const g = byBlock.get(f.loc.block) ?? { num: [], den: [] };
    g[role].push(f);
    byBlock.set(f.loc.block, g);
  }
  const out: { numerator: Figure; denominator: Figure; rate: Interval }[] = [];
  for (const g of byBlock.values()) {
    if (g.num.length !== 1 || g.den.length !== 1) continue;
    const [a, b] = [g.num[0], g.den[0]];
    if (a.unit !== b.unit) continue;
    const q = div(intervalOf(a), intervalOf(b));
    if (q) out.push({ numerator: a, denominator: b, rate: scale(q, 100) });
  }
  return { pairs: out, seen };
}

/** Figures in the leaf's own row that state the value achieved (not the target, the weight or the score). */
export function rowFigures(
  views: Views,
  table: TableBlock,
  row: number,
  skipCols: Set<number>,
  headerRow: number,
): Figure[] {
  return views.figuresInBlock(table.index).filter((f) => {
    const t = f.loc.table;
    if (!t || t.row !== row || skipCols.has(t.col)) return false;
    if (f.unit !== "%") return false;
    const header = table.grid[headerRow]?.[t.col]?.text.replace(/\s/g, "") ?? "";
    if (NOT_ACHIEVED_HEADER_WORDS.some((w) => header.includes(w))) return false;
    const cell = table.grid[t.row][t.col].text.trim();
    return cell.length <= 16;
  });
}
