/** conflicting-figure: the same quantity stated with different values. */
import type { CheckContext, FindingDraft, Rule } from "./rule.ts";
import type { Evidence } from "../src/model/finding.ts";
import type { Figure } from "../src/model/figure.ts";
import { intervalOf } from "../src/extract/tolerance.ts";
import { normalize } from "./text/normalize.ts";
import { isTimeToken, type NumberToken, numberTokens, wordingLength } from "./text/numbers.ts";
import { type Sentence, sentencesOf } from "./text/passages.ts";
import { type Span, splitClauses, splitSentences } from "./text/sentences.ts";
import { evidenceOf, placeOf, type TextUnit, textUnits } from "./text/units.ts";
import { evidence as textEvidence } from "./util/evidence.ts";

/** Shared wording (numbers aside) a sentence needs before two copies of it are aligned. */
const MIN_WORDING = 15;
/** A sentence this long is a pasted passage on its own; shorter ones need a shared neighbour or paragraph. */
const LONG_WORDING = 40;
/** Subjects shorter than this (normalised) are too vague to say two figures measure the same thing. */
const MIN_SUBJECT = 4;

export const conflictingFigure: Rule = {
  meta: {
    id: "conflicting-figure",
    severity: "error",
    title: "数字前后矛盾",
    docs: {
      summary:
        "The same quantity stated with different values: (a) two copies of a passage whose wording is the " +
        "same and whose numbers differ (error, each differing number one finding); (b) figures with the same " +
        "normalised subject, unit and year but incompatible values in different places (warning, assuming " +
        "both mean the same quantity). Values that may be roundings of each other (12.35万人 / 12.3万人) and " +
        "passages differing in a year or date are not reported.",
      rationale:
        "When a document states two values for one quantity, at least one is wrong; reviewers must ask which.",
      example: "同一段落先写“从县外调入事业单位人员32人”，重复的一句又写“从县外调入事业单位人员23人”。",
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
}

interface Side {
  value: number;
  raw: string;
  evidence: Evidence[];
  places: string[];
  keys: Set<string>;
}

/** Part (a): sentences with the same skeleton (wording with numbers masked) but different numbers. */
function alignedConflicts({ doc }: CheckContext): { findings: FindingDraft[]; covered: Set<string> } {
  const units = textUnits(doc);
  const buckets = new Map<string, Occ[]>();
  for (const unit of units) {
    const sentences = sentencesOf(unit);
    sentences.forEach((sent, s) => {
      if (!sent.skel.includes("#") || wordingLength(sent.skel) < MIN_WORDING) return;
      const tokens = numberTokens(sent.text).map((t) => ({
        ...t,
        start: t.start + sent.start,
        end: t.end + sent.start,
      }));
      const list = buckets.get(sent.skel) ?? [];
      list.push({ unit, sentences, s, tokens });
      buckets.set(sent.skel, list);
    });
  }
  const conflicts = new Map<string, { skel: string; sides: [Side, Side] }>();
  const covered = new Set<string>();
  for (const [skel, occs] of buckets) {
    if (occs.length < 2) continue;
    for (let x = 0; x < occs.length; x++) {
      for (let y = x + 1; y < occs.length; y++) {
        const [p, q] = [occs[x], occs[y]];
        if (p.tokens.length !== q.tokens.length) continue;
        const diff = p.tokens.map((_, k) => k).filter((k) => p.tokens[k].value !== q.tokens[k].value);
        if (!diff.length || !related(p, q, skel)) continue;
        if (
          diff.some((k) => isTimeToken(p.unit.text, p.tokens[k]) || isTimeToken(q.unit.text, q.tokens[k]))
        ) continue;
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
            covered.add(locKey);
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
      details: {
        basis: "aligned-passages",
        stated: [a.raw, b.raw],
        values: [a.value, b.value],
        occurrences: { [a.raw]: a.evidence.length, [b.raw]: b.evidence.length },
      },
    };
  });
  return { findings: findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block), covered };
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
const SUBJECT_LEAD = /^(其中|共计|共|合计|总计|累计|全年|全县|年内|截至目前|截至年底)+/;
const SUBJECT_TAIL = /(人数|总数|数量|数|达到|达|为|是|共计|共|累计|约|合计)+$/;
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
  return normalize(subject).replace(/\d+/g, "").replace(SUBJECT_LEAD, "").replace(SUBJECT_TAIL, "");
}

/** Part (b): figures of the extraction with the same subject, unit and years but incompatible values. */
function subjectConflicts({ doc, extraction }: CheckContext, covered: Set<string>): FindingDraft[] {
  const groups = new Map<string, Figure[]>();
  const sentenceCache = new Map<number, Span[]>();
  const sentencesOfBlock = (block: number, text: string) => {
    let ss = sentenceCache.get(block);
    if (!ss) sentenceCache.set(block, ss = splitSentences(text));
    return ss;
  };
  for (const f of extraction.figures) {
    if (f.loc.table || f.approx !== "exact" || f.range || !f.unit || SKIPPED_UNITS.has(f.unit)) continue;
    const block = doc.blocks[f.loc.block];
    if (!block || block.kind === "table") continue;
    const subject = subjectKey(f.subject);
    if (Array.from(subject).length < MIN_SUBJECT || GENERIC_SUBJECT.test(subject)) continue;
    if (RELATIONAL_SUBJECT.test(subject) || !namedRightBefore(block.text, f, subject)) continue;
    if (coveredBy(f, covered)) continue;
    const key = `${subject}|${f.unit}|${f.year ?? ""}|${
      yearsAround(sentencesOfBlock(f.loc.block, block.text), f.loc.start).join(",")
    }`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const findings: FindingDraft[] = [];
  for (const figs of groups.values()) {
    // Two values in one paragraph with one subject are usually a comparison or a list, not one quantity.
    const conflict = figs.flatMap((a, i) =>
      figs.slice(i + 1).filter((b) =>
        b.loc.block !== a.loc.block && !compatible(a, b)
      ).map((b) => [a, b])
    )[0];
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
      details: {
        basis: "same-subject",
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

/** The subject is written right before the number (城镇新增就业人数：969人), not somewhere else in the clause. */
function namedRightBefore(text: string, f: Figure, subject: string): boolean {
  const before = normalize(text.slice(Math.max(0, f.loc.start - 60), f.loc.start))
    .replace(/(为|达|是|约|近|共|计|共计|累计|合计)+$/, "")
    .replace(SUBJECT_TAIL, "");
  return before.endsWith(subject);
}

/** Years written in the sentence holding a position: figures of different years are different quantities. */
function yearsAround(sentences: Span[], pos: number): number[] {
  const sentence = sentences.find((s) => s.start <= pos && pos < s.end);
  const years = new Set<number>();
  for (const m of (sentence?.text ?? "").matchAll(/((?:19|20)\d\d)\s*年/g)) years.add(Number(m[1]));
  return [...years].sort();
}

function coveredBy(f: Figure, covered: Set<string>): boolean {
  for (let i = f.loc.start; i < f.loc.end; i++) if (covered.has(`${f.loc.block}:::${i}`)) return true;
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
