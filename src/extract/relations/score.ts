/**
 * Score claims: 得X分 / 得分X分 / 实际得分X分, 扣X分 (a deduction), and "总评价分N分，实际得分M分" /
 * "该项指标分值N分，得M分" (weight and score). Scoring rules (每低1%扣0.1分, 酌情得0-4分, ≥95%得满分) are
 * not claims; in table cells only "得分：X分" counts (the other cells hold rules or the score columns).
 */
import type { Figure, ScoreClaim } from "../../model/figure.ts";
import { normalizeSubject } from "../subject.ts";
import {
  DEDUCTION_VERBS,
  NAMED_WEIGHT_BEFORE,
  SCORE_VERBS,
  SCORING_RULE_WORDS,
  WEIGHT_WORDS,
} from "../../analysis/vocab-scores.ts";
import { clausesOf, sentenceAround } from "../../analysis/segment.ts";
import { clauseOf, clauseTextBefore, isExact, locOf, type TextView } from "./context.ts";

const SCORE = new RegExp(`(?:${SCORE_VERBS.join("|")})(?:为|[:：])?\\s*$`);
const DEDUCT = new RegExp(`(?:${DEDUCTION_VERBS.join("|")})\\s*$`);
const WEIGHT = new RegExp(`(${WEIGHT_WORDS.join("|")})(?:为|是|[:：])?\\s*$`);
/** "，的3分": a typo for 得3分 (checks/typo.ts reports it), still a score in a text that scores elsewhere. */
const TYPO_SCORE = /^\s*的\s*$/;
const RULE_WORDS = new RegExp(SCORING_RULE_WORDS.join("|"));
const CELL_SCORE = /得分[:：]\s*$/;

export function scoreClaims(view: TextView): ScoreClaim[] {
  const { text } = view;
  const out: ScoreClaim[] = [];
  let pendingWeight: { fig: Figure; subject: string; sentenceEnd: number; bareOnly?: boolean } | undefined;
  for (const f of view.figures) {
    if (f.unit !== "分" || !isExact(f)) continue;
    const before = clauseTextBefore(view, f);
    const clause = clauseOf(view, f);
    const clauseText = text.slice(clause.start, clause.end);
    if (view.cell && (!CELL_SCORE.test(before) || RULE_WORDS.test(text))) continue;
    if (RULE_WORDS.test(clauseText)) continue;
    if (pendingWeight && f.loc.start > pendingWeight.sentenceEnd) pendingWeight = undefined;

    const wm = WEIGHT.exec(before);
    if (wm && !view.cell) {
      const subject = normalizeSubject(before.slice(0, wm.index));
      pendingWeight = { fig: f, subject, sentenceEnd: sentenceAround(text, f.loc.start, f.loc.end).end };
      continue;
    }
    // 决策指标（20分），得19分: a weight without a weight word, bound only to a bare score right after it.
    if (!view.cell && NAMED_WEIGHT_BEFORE.test(before) && !SCORE.test(before) && !DEDUCT.test(before)) {
      const subject = normalizeSubject(before.replace(/[（(][\s\u3000]*$/, ""));
      const sentenceEnd = sentenceAround(text, f.loc.start, f.loc.end).end;
      pendingWeight = { fig: f, subject, sentenceEnd, bareOnly: true };
      continue;
    }
    const deduction = DEDUCT.test(before);
    const typo = !deduction && !view.cell && TYPO_SCORE.test(before) && scoresElsewhere(view, f);
    if (!deduction && !typo && !SCORE.test(before)) continue;
    const claim: ScoreClaim = { kind: "score", score: f, subject: "", quote: "", loc: f.loc };
    let start = clause.start;
    if (deduction) claim.deduction = true;
    if (pendingWeight?.bareOnly && (deduction || !bareScoreAfter(view, pendingWeight.fig, f, before))) {
      pendingWeight = undefined;
    }
    if (pendingWeight && !deduction) {
      claim.weight = pendingWeight.fig;
      claim.subject = pendingWeight.subject;
      start = clauseOf(view, pendingWeight.fig).start;
      pendingWeight = undefined;
    } else {
      claim.subject = scoredThing(view, f, before, out.at(-1));
    }
    const span = { start, end: clause.end };
    claim.quote = text.slice(span.start, span.end);
    claim.loc = locOf(f, span);
    out.push(claim);
  }
  return out;
}

/**
 * What a figure in 分 is, read from the words right before it: a weight (分值/权重/满分…), a score
 * (得/得分), a deduction (扣), or undefined when nothing says.
 */
export function scoreRole(view: TextView, f: Figure): "weight" | "score" | "deduction" | undefined {
  if (f.unit !== "分") return undefined;
  const before = clauseTextBefore(view, f);
  if (WEIGHT.test(before)) return "weight";
  if (DEDUCT.test(before)) return "deduction";
  if (SCORE.test(before)) return "score";
  return undefined;
}

/** The item a figure in 分 belongs to, without its role word: "“预算调整率”指标分值3分" → "“预算调整率”指标". */
export function scoredItem(f: Figure): string {
  const phrase = (f.subjectRaw ?? f.subject).replace(WEIGHT, "").replace(DEDUCT, "").replace(SCORE, "");
  return normalizeSubject(phrase.replace(QUALIFIER, ""));
}

/**
 * 部门决策评价得分11分 → 部门决策; a bare "得2分" → the clause before it, or, when that clause is itself a score
 * claim ("预算管理评价得分7分，评价得分3分"), that claim's subject.
 */
function scoredThing(view: TextView, f: Figure, before: string, last?: ScoreClaim): string {
  const own = normalizeSubject(before.replace(SCORE, "").replace(DEDUCT, "").replace(QUALIFIER, ""));
  if (own) return own;
  const clause = clauseOf(view, f);
  const sentence = sentenceAround(view.text, f.loc.start, f.loc.end);
  const prev = clausesOf(view.text).filter((c) => c.start >= sentence.start && c.end <= clause.start).at(-1);
  if (!prev) return "";
  if (last && !last.deduction && last.score.loc.end === prev.end && last.subject) return last.subject;
  return normalizeSubject(view.text.slice(prev.start, prev.end));
}
const QUALIFIER = /(评价|实际|最终|综合|实)$/;

/** Another figure in 分 of the text is claimed with 得/得分: the text is a scoring one. */
function scoresElsewhere(view: TextView, f: Figure): boolean {
  return view.figures.some((g) => g !== f && g.unit === "分" && SCORE.test(clauseTextBefore(view, g)));
}

/** "（20分），得19分": the score has no subject of its own and follows the weight in the next clause. */
function bareScoreAfter(view: TextView, weight: Figure, f: Figure, before: string): boolean {
  const own = normalizeSubject(before.replace(SCORE, "").replace(QUALIFIER, ""));
  if (own !== "") return false;
  const between = view.text.slice(weight.loc.end, clauseOf(view, f).start);
  return /^[\s\u3000]*[）)]?[\s\u3000]*[，,：:；;]?[\s\u3000]*$/.test(between);
}
