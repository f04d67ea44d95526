/**
 * Ratios: share "A x，占…的X%" (part x, whole the figure between 占 and the rate), completion "完成目标任务N的X%"
 * / "占目标任务的X%" (whole undefined when the target is not given), and named rates "执行率X%", "结案率",
 * "调解率" (part and whole only for budget execution, when the sentence names both 支出 and 预算).
 */
import type { Figure, Ratio } from "../../model/figure.ts";
import { sameFamily } from "../numbers.ts";
import { clausesOf, type Offsets as Span, sentenceAround } from "../../analysis/segment.ts";
import { clauseOf, clauseTextBefore, isExact, isRate, locOf, type TextView, within } from "./context.ts";
import { scoreRole } from "./score.ts";
import {
  RATE_FORMULAS,
  RATE_RULE_AFTER,
  type RateFormula,
  SCORE_RATE_NAME,
  TARGET_WORDS,
} from "../../analysis/vocab-scores.ts";
import { TARGET_NAME_WORDS } from "../../analysis/vocab-score-rules.ts";
import {
  BARE_SHARE_WORDS,
  CHANGE_CLAUSE_WORDS,
  COMPARISON_BEFORE_YEAR_WORDS,
  COMPLETION_EXCESS_WORDS,
  COMPLETION_WORD,
  PART_OPENING_WORDS,
  PER_UNIT_WORDS,
  RATE_COPULAS,
  RATE_LIST_JOINERS,
  RATE_NAME_SUFFIX,
  RATIO_COPULAS,
  RESPECTIVELY_WORD,
  SHARE_WORD,
  WHOLE_HINT_WORDS,
} from "../../analysis/vocab-change.ts";

const NAMED = new RegExp(`([\\u4e00-\\u9fff]{1,4}${RATE_NAME_SUFFIX})(?:${RATE_COPULAS.join("|")})?\\s*$`);
/** A rate stated in a scoring rule or a formula, not a claim. */
const RULE_AFTER = new RegExp(`^\\s*(?:${RATE_RULE_AFTER.join("|")})`);
const TARGET = new RegExp(TARGET_WORDS.join("|"));
const BARE_SHARE = new RegExp(
  `^${SHARE_WORD}(?:${BARE_SHARE_WORDS.join("|")})?(?:${RATE_COPULAS.join("|")})?\\s*$`,
);
const RESPECTIVELY = new RegExp(`${RESPECTIVELY_WORD}\\s*$`);
const RATE_LIST_JOINER = new RegExp(`^\\s*(?:${RATE_LIST_JOINERS.join("|")})\\s*$`);
const PLAIN_RATIO = new RegExp(`(?:${RATIO_COPULAS.join("|")})[^，,；;：:]*$`);
const EXCESS = new RegExp(`(?:${COMPLETION_EXCESS_WORDS.join("|")})\\s*$`);
const PER_UNIT = new RegExp(PER_UNIT_WORDS.join("|"));
const WHOLE_HINT = new RegExp(WHOLE_HINT_WORDS.join("|"));
const PART_OPENING = new RegExp(`^\\s*(?:${PART_OPENING_WORDS.join("|")})`);
const TARGET_NAME = new RegExp(TARGET_NAME_WORDS.join("|"));
const CHANGE_WORDS = new RegExp(
  `${CHANGE_CLAUSE_WORDS.join("|")}|(?:${COMPARISON_BEFORE_YEAR_WORDS.join("|")})(?:19|20)\\d{2}`,
);

export function ratios(view: TextView): Ratio[] {
  if (view.cell) return [];
  const { text } = view;
  const out: Ratio[] = [];
  const handled = new Set<Figure>();
  for (const rate of view.figures) {
    if (rate.unit !== "%" || !isExact(rate) || handled.has(rate)) continue;
    if (RULE_AFTER.test(text.slice(rate.loc.end, rate.loc.end + 4))) continue;
    const before = clauseTextBefore(view, rate);
    const clause = clauseOf(view, rate);
    const sentence = sentenceAround(text, rate.loc.start, rate.loc.end);

    const named = NAMED.exec(before);
    if (named) {
      const rel: Ratio = { kind: "ratio", type: "rate", rate, name: named[1], quote: "", loc: rate.loc };
      const formula = RATE_FORMULAS.find((f) => named[1].includes(f.nameHolds));
      // 计划完成率100%, 目标完成率: a target, not the value the figures give.
      if (TARGET_NAME.test(named[1])) rel.name = named[1];
      else if (formula) Object.assign(rel, formulaInputs(view, sentence, rate, formula));
      else if (named[1] === SCORE_RATE_NAME) Object.assign(rel, scoreInputs(view, sentence, rate));
      out.push(finish(view, rel, clause));
      continue;
    }

    const kwAt = Math.max(before.lastIndexOf(SHARE_WORD), before.lastIndexOf(COMPLETION_WORD));
    if (kwAt < 0) {
      const plain = plainRatio(view, sentence, clause, rate);
      if (plain) out.push(finish(view, plain, clause));
      continue;
    }
    const after = before.slice(kwAt);
    const target = TARGET.test(after);
    const isShare = after.startsWith(SHARE_WORD);
    if (!target && !isShare) continue;
    if (!isShare && EXCESS.test(before.slice(0, kwAt))) continue;
    const kwPos = clause.start + kwAt;
    if (RESPECTIVELY.test(text.slice(clause.start, kwPos))) {
      const { rates, ratios } = respectively(view, sentence, kwPos, rate, target);
      for (const r of rates) handled.add(r);
      for (const r of ratios) out.push(finish(view, r, clauseOf(view, r.rate)));
      continue;
    }
    const inner = view.figures.filter((f) =>
      !isRate(f) && f.loc.start > kwPos && f.loc.end <= rate.loc.start
    );
    const whole = inner.length === 1 && isExact(inner[0]) ? inner[0] : undefined;
    const part = partBefore(view, sentence, kwPos, whole);
    const rel: Ratio = {
      kind: "ratio",
      type: target ? "completion" : "share",
      rate,
      quote: "",
      loc: rate.loc,
    };
    if (part) rel.part = part;
    if (whole) rel.whole = whole;
    if (isShare && !target && !inner.length && BARE_SHARE.test(after)) {
      Object.assign(rel, implicitShare(view, sentence, kwPos) ?? {});
    }
    out.push(finish(view, rel, clause));
  }
  return out;
}

function finish(view: TextView, rel: Ratio, clause: Span): Ratio {
  const starts = [
    clause.start,
    ...[rel.part, rel.whole].filter((f) => f).map((f) => clauseOf(view, f!).start),
  ];
  const span = { start: Math.min(...starts), end: clause.end };
  rel.quote = view.text.slice(span.start, span.end);
  rel.loc = locOf(rel.rate, span);
  return rel;
}

/**
 * The figure a share or completion rate is about: the nearest exact figure before 占/完成 in the same clause or
 * the two clauses before, skipping change clauses (比2022年末净增…); none when that clause is a 其中 part
 * (ambiguous between the whole and the part) or its unit differs from the whole's.
 */
function partBefore(view: TextView, sentence: Span, kwPos: number, whole?: Figure): Figure | undefined {
  const { text } = view;
  const clauses = clausesOf(text).filter((c) => c.end > sentence.start && c.start <= kwPos);
  const last = clauses.length - 1;
  for (let ci = last; ci >= Math.max(0, last - 2); ci--) {
    const c = clauses[ci];
    const ctext = text.slice(c.start, c.end);
    const figs = view.figures.filter((f) => within(f, c) && f.loc.end <= kwPos && !isRate(f));
    if (!figs.length) continue;
    if (ci < last && CHANGE_WORDS.test(ctext)) continue;
    if (/^\s*其中/.test(ctext)) return undefined;
    const f = figs.at(-1)!;
    if (PER_UNIT.test(text.slice(c.start, f.loc.start))) continue;
    if (!isExact(f) && f.approx !== "atLeast" && f.approx !== "atMost") return undefined;
    if (whole && !sameFamily(f, whole) && f.unit !== "" && whole.unit !== "") return undefined;
    return f;
  }
  return undefined;
}

/**
 * "A 300万元、B 700万元，分别占总支出1000万元的30%、70%": the list of rates from `first` on, paired in order with
 * as many figures of the whole's family right before 分别; nothing is paired when the whole is not one exact
 * figure or fewer figures than rates are there.
 */
function respectively(
  view: TextView,
  sentence: Span,
  kwPos: number,
  first: Figure,
  target: boolean,
): { rates: Figure[]; ratios: Ratio[] } {
  const { text } = view;
  const rates = [first];
  for (const f of view.figures) {
    const last = rates.at(-1)!;
    if (f.loc.start < last.loc.end || f === last) continue;
    if (f.unit !== "%" || !RATE_LIST_JOINER.test(text.slice(last.loc.end, f.loc.start))) break;
    rates.push(f);
  }
  const inner = view.figures.filter((f) => !isRate(f) && f.loc.start > kwPos && f.loc.end <= first.loc.start);
  const whole = inner.length === 1 && isExact(inner[0]) ? inner[0] : undefined;
  if (!whole || !rates.every(isExact)) return { rates, ratios: [] };
  const parts = view.figures.filter((f) =>
    f.loc.start >= sentence.start && f.loc.end <= kwPos && !isRate(f) && sameFamily(f, whole)
  ).slice(-rates.length);
  if (parts.length !== rates.length || !parts.every(isExact)) return { rates, ratios: [] };
  const type = target ? "completion" as const : "share" as const;
  return {
    rates,
    ratios: rates.map((rate, i) => ({
      kind: "ratio",
      type,
      rate,
      part: parts[i],
      whole,
      quote: "",
      loc: rate.loc,
    })),
  };
}

/**
 * "A为B的X%" (本年收入1200万元，为上年1000万元的120%; 实际完成投资1.5亿元，为计划投资1.2亿元的125%): a ratio whose
 * whole is the one figure between the copula and 的X%, and whose part is read as a share's.
 */
function plainRatio(view: TextView, sentence: Span, clause: Span, rate: Figure): Ratio | undefined {
  const { text } = view;
  const head = text.slice(clause.start, rate.loc.start);
  const m = PLAIN_RATIO.exec(head);
  if (!m) return undefined;
  const kwPos = clause.start + m.index;
  const inner = view.figures.filter((f) => f.loc.start > kwPos && f.loc.end <= rate.loc.start);
  if (inner.length !== 1 || isRate(inner[0]) || !isExact(inner[0])) return undefined;
  if (!/^\s*的\s*$/.test(text.slice(inner[0].loc.end, rate.loc.start))) return undefined;
  const whole = inner[0];
  const part = partBefore(view, sentence, kwPos, whole);
  if (!part || !sameFamily(part, whole)) return undefined;
  return { kind: "ratio", type: "share", rate, part, whole, quote: "", loc: rate.loc };
}

/**
 * A share that names no whole (其中女职工20人，占40% / 已通硬化路的村110个，占比91.67%): the part is the one
 * figure of the clause before 占 (or of 占's own clause), the whole the one figure of the clause before it, of
 * the same family and larger, when the part's clause opens with 其中/含 or the whole's names a total (共/总).
 * The pairing is the extractor's reading, so it is stated as an assumption.
 */
function implicitShare(view: TextView, sentence: Span, kwPos: number): Partial<Ratio> | undefined {
  const { text } = view;
  const clauses = clausesOf(text).filter((c) => c.start >= sentence.start && c.start <= kwPos);
  const figsIn = (c: Span) => view.figures.filter((f) => within(f, c) && f.loc.end <= kwPos && !isRate(f));
  let pi = clauses.length - 1;
  if (pi >= 0 && !figsIn(clauses[pi]).length) pi--;
  if (pi < 1) return undefined;
  const pc = clauses[pi], wc = clauses[pi - 1];
  const [part, ...moreParts] = figsIn(pc), [whole, ...moreWholes] = figsIn(wc);
  if (!part || !whole || moreParts.length || moreWholes.length) return undefined;
  if (!isExact(part) || !isExact(whole) || !sameFamily(part, whole) || whole.value <= part.value) {
    return undefined;
  }
  const pText = text.slice(pc.start, pc.end), wText = text.slice(wc.start, wc.end);
  if (CHANGE_WORDS.test(pText) || CHANGE_WORDS.test(wText)) return undefined;
  if (!PART_OPENING.test(pText) && !WHOLE_HINT.test(wText.slice(0, whole.loc.start - wc.start))) {
    return undefined;
  }
  const named = (f: Figure) => f.subject ? `「${f.subject}」${f.raw}` : f.raw;
  return { part, whole, assumption: `假设该比例为${named(part)}占${named(whole)}的比例` };
}

/** 得分率: part = the one score (得分X分), whole = the one weight (分值N分) of the sentence before the rate. */
function scoreInputs(view: TextView, sentence: Span, rate: Figure): { part?: Figure; whole?: Figure } {
  const marks = view.figures.filter((f) =>
    within(f, sentence) && f.loc.end <= rate.loc.start && f.unit === "分" && isExact(f)
  );
  const wholes = marks.filter((f) => scoreRole(view, f) === "weight");
  const parts = marks.filter((f) => scoreRole(view, f) === "score");
  return wholes.length === 1 && parts.length === 1 ? { part: parts[0], whole: wholes[0] } : {};
}

const alternation = (words: readonly string[]) => new RegExp(words.join("|"));

/**
 * A named rate's inputs (预算执行率, 资金到位率, 完成率; RATE_FORMULAS): part = the one figure naming a part word,
 * whole = the one naming a whole word, of one family, in the sentence before the rate; a baseline whole (年初预算
 * beside 调整后预算) is kept as an alternative.
 */
function formulaInputs(
  view: TextView,
  sentence: Span,
  rate: Figure,
  formula: RateFormula,
): { part?: Figure; whole?: Figure; alternatives?: Figure[] } {
  const WHOLE = alternation(formula.whole), NOT_WHOLE = alternation(formula.notWhole);
  const PART = alternation(formula.part);
  const figs = view.figures.filter((f) =>
    within(f, sentence) && f.loc.end <= rate.loc.start && !isRate(f) && isExact(f) &&
    (!formula.money || f.unit === "元")
  );
  // The phrase as written: 累计完成900万元 keeps 累计完成 (its subject drops it).
  const phrase = (f: Figure) => f.subjectRaw || f.subject;
  let wholes = figs.filter((f) => WHOLE.test(phrase(f)) && !NOT_WHOLE.test(phrase(f)));
  const parts = figs.filter((f) => PART.test(phrase(f)) && !WHOLE.test(phrase(f)));
  let alternatives: Figure[] = [];
  if (wholes.length === 2 && formula.baseline) {
    const BASELINE = alternation(formula.baseline);
    const base = wholes.filter((f) => BASELINE.test(phrase(f)));
    if (base.length === 1) [wholes, alternatives] = [wholes.filter((f) => f !== base[0]), base];
  }
  if (wholes.length !== 1 || parts.length !== 1 || !sameFamily(wholes[0], parts[0])) return {};
  // Another figure of the family (配套资金 beside 下达资金): the whole may be a sum, so nothing is bound.
  const bound = [wholes[0], parts[0], ...alternatives];
  if (figs.some((f) => !bound.includes(f) && sameFamily(f, parts[0]))) return {};
  return { part: parts[0], whole: wholes[0], ...(alternatives.length ? { alternatives } : {}) };
}
