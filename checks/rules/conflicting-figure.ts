/** conflicting-figure: the same quantity stated with different values. */
import type { CheckContext, FindingDraft, Rule } from "../../src/model/rule.ts";
import type { Evidence } from "../../src/model/finding.ts";
import type { Figure } from "../../src/model/figure.ts";
import { intervalOf } from "../../src/extract/tolerance.ts";
import { normalize } from "../../src/analysis/text/normalize.ts";
import { trailingWordsStripper } from "../../src/analysis/text/affixes.ts";
import { charCount } from "../../src/analysis/text/chars.ts";
import {
  isTimeToken,
  type NumberToken,
  numberTokens,
  wordingLength,
} from "../../src/analysis/text/masking.ts";
import type { Sentence } from "../../src/analysis/text/passages.ts";
import { type Span, splitClauses } from "../../src/analysis/segment.ts";
import type { Views } from "../../src/analysis/views.ts";
import { evidenceOf, placeOf, type TextUnit } from "../../src/analysis/text/units.ts";
import { PLAIN_ADMIN_SUFFIXES } from "../../src/analysis/vocab.ts";
import { evidence as textEvidence } from "../../src/analysis/evidence.ts";
import { h } from "../../src/testing/doc-spec.ts";

/** Shared wording (numbers aside) a sentence needs before two copies of it are aligned. */
const MIN_WORDING = 15;
/** A sentence this long is a pasted passage on its own; shorter ones need a shared neighbour or paragraph. */
const LONG_WORDING = 40;
/** Subjects shorter than this (normalised) are too vague to say two figures measure the same thing. */
const MIN_SUBJECT = 4;
/**
 * Work caps for template-like repetition (one sentence skeleton, or one subject, hundreds of times): a copy
 * is compared with at most this many following copies. Smaller buckets are compared pair by pair.
 */
const MAX_PARTNERS = 32;
const MAX_SUBJECT_PARTNERS = 256;

export const conflictingFigure: Rule = {
  meta: {
    id: "conflicting-figure",
    severity: "error",
    title: "数字前后矛盾",
    messages: {
      "aligned-passages": { description: "相同表述中的数字不同" },
      "same-subject": { description: "同一数量在不同位置数值不同", certainty: "assumption" },
    },
    docs: {
      summary:
        "The same quantity stated with different values: (a) two copies of a passage whose wording is the " +
        "same and whose numbers differ (error, each differing number one finding); (b) figures with the same " +
        "normalised subject, unit and year but incompatible values in different places (warning, assuming " +
        "both mean the same quantity). Values that may be roundings of each other (12.35万人 / 12.3万人) and " +
        "passages differing in a year or date are not reported.",
      rationale:
        "When a document states two values for one quantity, at least one is wrong; reviewers must ask which.",
      examples: [
        {
          title: "重复的一句中人数不同",
          kind: "invalid",
          messageId: "aligned-passages",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
            "抓好引才工作，从外地引进专业技术人员21人，充实基层力量。",
          ],
        },
        {
          title: "两处数字一致",
          kind: "valid",
          doc: [
            h(1, "一、部门工作完成情况"),
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
            "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。",
          ],
        },
      ],
    },
  },
  check(ctx) {
    const aligned = alignedConflicts(ctx);
    return [...aligned.findings, ...subjectConflicts(ctx, aligned.covered)];
  },
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
type Covered = Map<number, Set<number>>;

/** Part (a): sentences with the same skeleton (wording with numbers masked) but different numbers. */
function alignedConflicts({ views }: CheckContext): { findings: FindingDraft[]; covered: Covered } {
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
  const conflicts = new Map<string, { skel: string; sides: [Side, Side] }>();
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
        if (!diff.length || !related(p, q, skel)) continue;
        if (diff.some((k) => isTime(p, k) || isTime(q, k))) continue;
        for (const k of diff) {
          const [a, b] = [p.tokens[k], q.tokens[k]];
          if (roundingCompatible(a, b)) continue;
          const key = `${skel}|${k}|${Math.min(a.value, b.value)}|${Math.max(a.value, b.value)}`;
          const c = conflicts.get(key) ?? { skel, sides: [side(a), side(b)] as [Side, Side] };
          for (const [occ, tok] of [[p, a], [q, b]] as const) {
            const sd = c.sides.find((sd) => sd.value === tok.value)!;
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
  const findings = [...conflicts.values()].map(({ sides }) => {
    sides.sort((s, t) => s.evidence[0].block - t.evidence[0].block);
    const [a, b] = sides;
    const count = a.evidence.length + b.evidence.length;
    const where = [...new Set([...a.places, ...b.places])].join("、");
    const message = `前后表述相同而数字不同：「${a.evidence[0].quote}」与「${b.evidence[0].quote}」` +
      `（${where}），两处其余文字一致，所写数值${a.raw}与${b.raw}不可能同时正确。` +
      (count > 2 ? `该矛盾在文中共出现${count}处。` : "");
    return {
      severity: "error" as const,
      message,
      hint: "核实该数字的正确值，统一全文表述，并删除重复的语句。",
      evidence: [a.evidence[0], b.evidence[0], ...a.evidence.slice(1), ...b.evidence.slice(1)],
      messageId: "aligned-passages",

      details: {
        stated: [a.raw, b.raw],
        values: [a.value, b.value],
        occurrences: { [a.raw]: a.evidence.length, [b.raw]: b.evidence.length },
      },
    };
  });
  return { findings: findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block), covered };
}

function isTime(occ: Occ, k: number): boolean {
  return occ.time[k] ??= isTimeToken(occ.unit.text, occ.tokens[k]);
}

function side(t: NumberToken): Side {
  return { value: t.value, raw: t.raw, evidence: [], places: [], keys: new Set() };
}

/**
 * Two copies are aligned only when they are evidently one passage written twice: long enough on their own,
 * in the same paragraph, or next to a sentence both copies share word for word.
 */
function related(p: Occ, q: Occ, skel: string): boolean {
  if (wordingLength(skel) >= LONG_WORDING) return true;
  if (p.unit === q.unit) return true;
  const same = (i: number, j: number) => {
    const a = p.sentences[i], b = q.sentences[j];
    return !!a && !!b && a.length >= MIN_WORDING && a.norm === b.norm;
  };
  return same(p.s - 1, q.s - 1) || same(p.s + 1, q.s + 1);
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

/** Leading and trailing words that do not change what a figure counts. */
const SUBJECT_LEAD = new RegExp(
  `^(其中|共计|共|合计|总计|累计|全年|全(?:${PLAIN_ADMIN_SUFFIXES.join("|")})|年内|截至目前|截至年底)+`,
);
const SUBJECT_TAIL = trailingWordsStripper(
  ["人数", "总数", "数量", "数", "达到", "达", "为", "是", "共计", "共", "累计", "约", "合计"],
);
/** Verbs and approximations between a subject and its number (…为, …达, …共计). */
const LINKING_TAIL = trailingWordsStripper([
  "为",
  "达",
  "是",
  "约",
  "近",
  "共",
  "计",
  "共计",
  "累计",
  "合计",
]);
/**
 * Subjects that do not name one quantity: kinds of figure (得分, 完成率, 金额) that recur for different
 * things, relational phrases (占…, 完成目标任务…, 较上年…, 涉及…) and counts of indicators.
 */
const GENERIC_SUBJECT =
  /^(实际|评价|总|本年|全年|上年|目标|任务|完成|同比|较上年)*(得分|分值|评分|评价分|完成率|执行率|占比|比例|比重|增长|下降|增加|减少|金额|资金|任务数)$/;
const RELATIONAL_SUBJECT =
  /^(占|完成|较|比|同比|环比|涉及|增长|减少|下降|增加|超过|达到|高于|低于)|目标任务|指标$|问卷$/;
/** Rates and scores belong to the ratio and score rules: their subject rarely names the quantity itself. */
const SKIPPED_UNITS = new Set(["%", "‰", "个百分点", "分"]);

export function subjectKey(subject: string): string {
  return SUBJECT_TAIL(normalize(subject).replace(/\d+/g, "").replace(SUBJECT_LEAD, ""));
}

/** The subject's key, or null when it is too short, generic or relational to name one quantity. */
function usableSubject(raw: string): string | null {
  const subject = subjectKey(raw);
  if (charCount(subject) < MIN_SUBJECT || GENERIC_SUBJECT.test(subject)) return null;
  return RELATIONAL_SUBJECT.test(subject) ? null : subject;
}

/** Part (b): figures of the extraction with the same subject, unit and years but incompatible values. */
function subjectConflicts({ doc, extraction, views }: CheckContext, covered: Covered): FindingDraft[] {
  const groups = new Map<string, Figure[]>();
  // Many figures share a subject: its key (or null when it names no one quantity) is worked out once.
  const subjects = new Map<string, string | null>();
  for (const f of extraction.figures) {
    if (f.loc.table || f.approx !== "exact" || f.range || !f.unit || SKIPPED_UNITS.has(f.unit)) continue;
    const block = doc.blocks[f.loc.block];
    if (!block || block.kind === "table") continue;
    let subject = subjects.get(f.subject);
    if (subject === undefined) subjects.set(f.subject, subject = usableSubject(f.subject));
    if (subject === null || !namedRightBefore(block.text, f, subject)) continue;
    if (coveredBy(f, covered)) continue;
    const key = `${subject}|${f.unit}|${f.year ?? ""}|${
      yearsKey(views, views.sentencesOfBlock(f.loc.block), f.loc.start)
    }`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const findings: FindingDraft[] = [];
  for (const figs of groups.values()) {
    // Two values in one paragraph with one subject are usually a comparison or a list, not one quantity.
    const conflict = firstConflict(figs);
    if (!conflict) continue;
    const distinct = conflict;
    const evidence = distinct.map((f) => textEvidence(doc, f.loc.block, f.quote));
    findings.push({
      severity: "warning",
      message: `“${distinct[0].subject}”在不同位置数值不一致：${
        evidence.map((e) => `「${e.quote}」（${e.section ? `「${e.section}」` : "正文前部"}）`).join("与")
      }。此处假定两处指同一数量（名称、单位、年度相同）；如口径或时点不同，请在文中注明。`,
      hint: "核实该数量的正确值并统一全文表述；确属不同口径的，请写明统计口径或时点。",
      evidence,
      messageId: "same-subject",

      details: {
        subject: distinct[0].subject,
        unit: distinct[0].unit,
        stated: distinct.map((f) => f.raw),
        values: distinct.map((f) => f.value),
        assumption: "两处数字指同一数量",
      },
    });
  }
  return findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block);
}

/**
 * The first pair (in order) of figures in different paragraphs whose values are incompatible (each figure
 * compared with the next MAX_SUBJECT_PARTNERS).
 */
function firstConflict(figs: Figure[]): [Figure, Figure] | undefined {
  for (let i = 0; i < figs.length; i++) {
    for (let j = i + 1; j < figs.length && j <= i + MAX_SUBJECT_PARTNERS; j++) {
      if (figs[j].loc.block !== figs[i].loc.block && !compatible(figs[i], figs[j])) return [figs[i], figs[j]];
    }
  }
  return undefined;
}

/** The subject is written right before the number (城镇新增就业人数：969人), not somewhere else in the clause. */
function namedRightBefore(text: string, f: Figure, subject: string): boolean {
  const before = SUBJECT_TAIL(
    LINKING_TAIL(normalize(text.slice(Math.max(0, f.loc.start - 60), f.loc.start))),
  );
  return before.endsWith(subject);
}

/**
 * Years written in the sentence holding a position, as a key: figures of different years are different
 * quantities. Cached per sentence.
 */
function yearsKey(views: Views, sentences: readonly Span[], pos: number): string {
  const sentence = sentences.find((s) => s.start <= pos && pos < s.end);
  if (!sentence) return "";
  return views.per("conflicting-figure:years", sentence, (s) => {
    const years = new Set<number>();
    for (const m of s.text.matchAll(/((?:19|20)\d\d)\s*年/g)) years.add(Number(m[1]));
    return [...years].sort().join(",");
  });
}

function coveredBy(f: Figure, covered: Covered): boolean {
  const starts = covered.get(f.loc.block);
  if (!starts) return false;
  for (let i = f.loc.start; i < f.loc.end; i++) if (starts.has(i)) return true;
  return false;
}

/** Compatible when either value lies within the other's rounding interval (both in the base unit). */
function compatible(a: Figure, b: Figure): boolean {
  const within = (x: Figure, y: Figure) => {
    const iv = intervalOf(x);
    const eps = 1e-9 * Math.max(1, Math.abs(y.value));
    return iv.low - eps <= y.value && y.value <= iv.high + eps;
  };
  return within(a, b) || within(b, a);
}
