/**
 * Change: 较上年/同比/比上年 增长/增加/上升/减少/下降 X% (or X个百分点), with the figures compared when the
 * sentence gives them: "120万元，较上年100万元增长20%", "由100万元增加到120万元，增长20%", or two figures of
 * consecutive years before the rate ("2023年度…1200万元，2022年度…1000万元，较上年度增加20%").
 */
import type { Change, Figure } from "../../model/figure.ts";
import { sameFamily } from "../numbers.ts";
import { clausesOf, type Offsets as Span, sentenceAround } from "../../analysis/segment.ts";
import { clauseOf, clauseTextBefore, isExact, isRate, locOf, type TextView, within } from "./context.ts";
import {
  AMOUNT_VERBS_DOWN,
  AMOUNT_VERBS_UP,
  CHANGE_NOUNS_DOWN,
  CHANGE_NOUNS_UP,
  CHANGE_VERB_PARTICLES,
  CHANGE_VERBS_DOWN,
  CHANGE_VERBS_UP,
  COMPARISON_AFTER_WORDS,
  COMPARISON_BEFORE_YEAR_WORDS,
  COMPARISON_MARKERS,
  COMPARISON_SUBJECT_WORDS,
  CURRENT_PERIOD_WORDS,
  EARLIER_PERIOD_WORDS,
  FROM_TO_VERBS,
  FROM_WORDS,
  LIST_MARKERS,
  TO_WORDS,
} from "../../analysis/vocab-change.ts";

const alt = (words: readonly string[]) => words.join("|");
const VERB = new RegExp(
  `(${alt([...CHANGE_NOUNS_UP, ...CHANGE_NOUNS_DOWN, ...CHANGE_VERBS_UP, ...CHANGE_VERBS_DOWN])})(?:${
    alt(CHANGE_VERB_PARTICLES)
  })?\\s*$`,
);
const COMPARE = new RegExp(
  `${alt(COMPARISON_MARKERS)}|(?:${alt(COMPARISON_BEFORE_YEAR_WORDS)})(?:19|20)\\d{2}|` +
    `${alt([...COMPARISON_AFTER_WORDS, ...FROM_WORDS])}`,
);
const FROM = new RegExp(alt(FROM_WORDS));
/**
 * A figure right after a change verb is the amount of the change (比上年增加200万元), not either period's
 * value: 了 may follow the verb, but not 为/到/达到, which introduce the new value.
 */
const AMOUNT_DOWN = [...CHANGE_VERBS_DOWN, ...AMOUNT_VERBS_DOWN];
const INCREMENT = new RegExp(
  `(${alt([...CHANGE_VERBS_UP, ...AMOUNT_VERBS_UP, ...AMOUNT_DOWN])})了?\\s*$`,
);
const isIncrement = (view: TextView, f: Figure) => INCREMENT.test(clauseTextBefore(view, f));
const FROM_TO = new RegExp(`^\\s*(?:${alt(FROM_TO_VERBS)})?(?:${alt(TO_WORDS)})\\s*$`);

export function changes(view: TextView): Change[] {
  if (view.cell) return [];
  const { text, figures } = view;
  const out: Change[] = [];
  for (const rate of figures) {
    if (!isRate(rate) || !isExact(rate)) continue;
    const before = clauseTextBefore(view, rate);
    const vm = VERB.exec(before);
    if (!vm) continue;
    const sentence = sentenceAround(text, rate.loc.start, rate.loc.end);
    const sentenceBefore = text.slice(sentence.start, rate.loc.start);
    const points = rate.unit === "个百分点";
    if (!points && rate.unit !== "%") continue;
    // Without 较/同比 the sentence must name both periods: "2023年…95.5%，2022年…93.2%，提高2.4个百分点".
    if (!COMPARE.test(sentenceBefore) && !periodPair(view, rate, sentence, points)) continue;
    const up = !CHANGE_VERBS_DOWN.includes(vm[1]) && !CHANGE_NOUNS_DOWN.includes(vm[1]);
    const rel: Change = {
      kind: "change",
      direction: up ? "up" : "down",
      rate,
      points,
      quote: "",
      loc: rate.loc,
    };
    const pair = comparedFigures(view, rate, sentence, points);
    const inc = points || pair.previous ? undefined : incrementOf(view, rate, sentence, up);
    if (inc && (!pair.current || pair.current === inc.current)) Object.assign(pair, inc);
    if (pair.increment) rel.increment = pair.increment;
    if (pair.current) rel.current = pair.current;
    if (pair.previous) rel.previous = pair.previous;
    if (pair.assumption) rel.assumption = pair.assumption;
    if (pair.alternatives?.length) rel.alternatives = pair.alternatives;
    const start = Math.min(
      rate.loc.start,
      ...[pair.current, pair.previous, pair.increment].filter((f) => f).map((f) => clauseOf(view, f!).start),
    );
    const span = { start: Math.min(start, clauseOf(view, rate).start), end: clauseOf(view, rate).end };
    rel.quote = text.slice(span.start, span.end);
    rel.loc = locOf(rate, span);
    out.push(rel);
  }
  return out;
}

interface Compared {
  current?: Figure;
  previous?: Figure;
  increment?: Figure;
  assumption?: string;
  alternatives?: Figure[];
}

const LIST_MARKER = new RegExp(alt(LIST_MARKERS), "g");
/** A clause that opens with a list marker (其中A增长30%): what it states is a part's. */
const LIST_OPENING = new RegExp(`^[\\s，,]*(?:${alt(LIST_MARKERS)})`);
/** Words of the previous figure's phrase that only say it is the earlier one: 较上年的, 比去年同期. */
const COMPARE_WORDS = new RegExp(
  `${
    alt(COMPARISON_SUBJECT_WORDS)
  }|上一?年度?|去年|上期|同期|[末底初]|(?:19|20)\\d{2}年度?|[的为是了]|[，,：:\\s]`,
  "g",
);

/**
 * The current figure the comparison is about, when the text leaves it open. "A 8.75万元，分别为B 2.04万元、
 * C 6.71万元，较上年的10.72万元减少18.38%": the figure before 较 is one item of a list, so what decreased is
 * the list's whole (8.75万元) or that one item — a guess either way: the whole is bound (the item kept as an
 * alternative) and the guess stated; with no whole stated nothing is bound. A figure of another subject than
 * the previous one (公用经费20万元，较上年人员经费30万元) is bound with the guess stated.
 */
function guarded(view: TextView, sentence: Span, cur: Figure, prev: Figure): Compared {
  const list = listAround(view, sentence, cur);
  if (list) {
    if (!list.whole || !sameFamily(list.whole, prev) || !isExact(list.whole)) return { previous: prev };
    return {
      current: list.whole,
      previous: prev,
      assumption: `假设比较的是${list.whole.raw}（其后所列各项的总数）而非${cur.raw}`,
      alternatives: [cur],
    };
  }
  const a = bareSubject(cur.subject), b = bareSubject(prev.subject);
  if (a.length >= 2 && b.length >= 2 && !a.includes(b) && !b.includes(a)) {
    return { current: cur, previous: prev, assumption: `假设「${a}」与「${b}」为同一口径` };
  }
  return { current: cur, previous: prev };
}

/**
 * When `f` is an item of a list (after 分别为/其中/包括 in its sentence, or joined by 、 to a figure of its
 * family), the list's whole: the figure of the clause right before the marker, if any.
 */
function listAround(view: TextView, sentence: Span, f: Figure): { whole?: Figure } | undefined {
  const { text } = view;
  const head = text.slice(sentence.start, f.loc.start);
  const marks = [...head.matchAll(LIST_MARKER)];
  const mark = marks.at(-1);
  if (mark) {
    const at = sentence.start + mark.index!;
    const whole = view.figures.filter((g) =>
      g.loc.end <= at && g.loc.start >= sentence.start && sameFamily(g, f) && !isRate(g)
    ).at(-1);
    const adjacent = whole && /^[\s，,：:]*$/.test(text.slice(whole.loc.end, at));
    return { whole: adjacent ? whole : undefined };
  }
  const before = view.figures.filter((g) =>
    g.loc.end <= f.loc.start && g.loc.start >= sentence.start && sameFamily(g, f) && !isRate(g)
  ).at(-1);
  if (
    before && /、/.test(text.slice(before.loc.end, f.loc.start)) &&
    !/[，,；;]/.test(text.slice(before.loc.end, f.loc.start))
  ) {
    return {};
  }
  return undefined;
}

function bareSubject(s: string): string {
  return s.replace(COMPARE_WORDS, "");
}

/** Candidates for the compared figures: same sentence, before the rate; % only for 个百分点. */
function comparedFigures(
  view: TextView,
  rate: Figure,
  sentence: Span,
  points: boolean,
): Compared {
  const { text } = view;
  const usable = (f: Figure) => isExact(f) && (points ? f.unit === "%" : !isRate(f)) && !isIncrement(view, f);
  const before = view.figures.filter((f) =>
    within(f, { start: sentence.start, end: rate.loc.start }) && usable(f)
  );
  if (!before.length) return {};

  // 由X增加到Y: previous X, current Y.
  for (let i = before.length - 1; i > 0; i--) {
    const x = before[i - 1], y = before[i];
    if (!sameFamily(x, y) || !FROM_TO.test(text.slice(x.loc.end, y.loc.start))) continue;
    if (FROM.test(text.slice(clauseOf(view, x).start, x.loc.start))) return { current: y, previous: x };
  }

  // Clauses of the sentence up to the rate; only the rate's clause and the one before it are read.
  const clauses = clausesOf(text).filter((c) => c.end > sentence.start && c.start < rate.loc.end);
  const ri = clauses.findIndex((c) => c.start <= rate.loc.start && rate.loc.start <= c.end);
  const rateClause = clauses[ri];
  const cmp = COMPARE.exec(text.slice(rateClause.start, rate.loc.start));
  if (cmp) {
    const cmpAt = comparisonStart(text, rateClause, cmp) ?? rateClause.start + cmp.index;
    // 较上年100万元增长20%: the previous figure sits between 较 and the verb.
    const prev = before.filter((f) => f.loc.start > cmpAt && within(f, rateClause)).at(-1);
    const earlier = before.filter((f) =>
      f.loc.end <= cmpAt && f.loc.start >= (clauses[ri - 1]?.start ?? rateClause.start)
    );
    if (prev) {
      const cur = earlier.filter((f) => sameFamily(f, prev)).at(-1);
      return cur ? guarded(view, sentence, cur, prev) : { previous: prev };
    }
    // 2023年…A，2022年…B，较上年度增加X%: two figures of consecutive years.
    const window = before.filter((f) =>
      f.loc.end <= cmpAt && f.loc.start >= (clauses[Math.max(0, ri - 2)]?.start ?? rateClause.start)
    );
    const pair = consecutive(view, window.at(-2), window.at(-1));
    if (pair) return pair;
    const near = earlier.at(-1);
    return near ? { current: near } : {};
  }
  return comparedBefore(view, rate, sentence, clauses, ri, usable) ??
    periodPair(view, rate, sentence, points) ??
    {};
}

/**
 * Where the previous figure's phrase starts: at 较/同比…, or, for 与上年收入100万元相比, at 与 (the previous
 * figure stands before 相比, after 与 and the earlier period's name); undefined when 相比 has no such 与.
 */
function comparisonStart(text: string, clause: Span, cmp: RegExpExecArray): number | undefined {
  const at = clause.start + cmp.index;
  if (!COMPARISON_AFTER_WORDS.includes(cmp[0])) return at;
  const w = /[与同跟和]/.exec(text.slice(clause.start, at));
  if (!w || !EARLIER.test(text.slice(clause.start + w.index, at))) return undefined;
  return clause.start + w.index;
}

/**
 * 较上年100万元增加20万元，增长20% / 与上年100万元相比，增加20万元，增长20%: the comparison and the previous
 * figure in one of the two clauses before the rate's, followed only by the amount of the change. The current
 * figure is the last of the family before the comparison (in that clause or the one before it); the amount is
 * kept, so that the rate can be weighed against amount ÷ previous when no current figure is stated.
 */
function comparedBefore(
  view: TextView,
  rate: Figure,
  sentence: Span,
  clauses: Span[],
  ri: number,
  usable: (f: Figure) => boolean,
): Compared | undefined {
  const { text } = view;
  // The rate's clause names nothing of its own (增长20%, not 其中A增长30%).
  const lead = clauseTextBefore(view, rate);
  const vm = VERB.exec(lead);
  if (!vm || lead.slice(0, vm.index).replace(/[\s，,、]/g, "") !== "") return undefined;
  for (let k = ri - 1; k >= Math.max(0, ri - 2); k--) {
    const c = clauses[k];
    if (c.start < sentence.start || /[；;]/.test(text.slice(c.end, clauses[ri].start))) return undefined;
    const cmp = COMPARE.exec(text.slice(c.start, c.end));
    if (!cmp) continue;
    const cmpAt = comparisonStart(text, c, cmp);
    if (cmpAt === undefined) return undefined;
    const prev = view.figures.filter((f) => within(f, c) && f.loc.start > cmpAt && usable(f)).at(-1);
    if (!prev) return undefined;
    // Between the previous figure and the rate: only the amount of the change (one figure at most).
    const between = view.figures.filter((f) => f.loc.start >= prev.loc.end && f.loc.end <= rate.loc.start);
    if (between.length > 1 || between.some((f) => !isIncrement(view, f) || !sameFamily(f, prev))) {
      return undefined;
    }
    const from = clauses[k - 1]?.start ?? c.start;
    const cur = view.figures.filter((f) =>
      f.loc.end <= cmpAt && f.loc.start >= Math.max(from, sentence.start) && usable(f) && sameFamily(f, prev)
    ).at(-1);
    const increment = between[0] && isExact(between[0]) ? { increment: between[0] } : {};
    return cur ? { ...guarded(view, sentence, cur, prev), ...increment } : { previous: prev, ...increment };
  }
  return undefined;
}

/** Words that mark a figure as the earlier period's: 上年, 去年, 上年同期, 上期. */
const EARLIER = new RegExp(alt(EARLIER_PERIOD_WORDS));
/** Words that mark a figure as this period's: 本年, 今年, 当年, 本期. */
const CURRENT = new RegExp(alt(CURRENT_PERIOD_WORDS));

/**
 * Two figures of one family, the earlier period's and this one's, as the two years they state (2023年… /
 * 2022年…) or as 本年…/上年… in their clauses; undefined when neither says which is which.
 */
function consecutive(view: TextView, a?: Figure, b?: Figure): Compared | undefined {
  if (!a || !b || !sameFamily(a, b)) return undefined;
  if (a.year && b.year) {
    if (a.year === b.year + 1) return { current: a, previous: b };
    if (b.year === a.year + 1) return { current: b, previous: a };
    return undefined;
  }
  const ta = clauseTextBefore(view, a), tb = clauseTextBefore(view, b);
  const ea = EARLIER.test(ta), eb = EARLIER.test(tb);
  if (ea === eb) return undefined;
  const [prev, cur] = ea ? [a, b] : [b, a];
  if (!CURRENT.test(clauseTextBefore(view, cur))) return undefined;
  return { current: cur, previous: prev };
}

/** The two figures right before the rate's clause (in its sentence) when they are two periods' values. */
function periodPair(view: TextView, rate: Figure, sentence: Span, points: boolean): Compared | undefined {
  const usable = (f: Figure) => isExact(f) && (points ? f.unit === "%" : !isRate(f)) && !isIncrement(view, f);
  const rateClause = clauseOf(view, rate);
  // "本年1200万元，较上年1000万元增加200万元，其中A增长30%": a part's own rate, not the pair's.
  if (LIST_OPENING.test(clauseTextBefore(view, rate))) return undefined;
  const before = view.figures.filter((f) =>
    within(f, { start: sentence.start, end: rateClause.start }) && usable(f)
  );
  const pair = consecutive(view, before.at(-2), before.at(-1));
  // A rate of the same kind between the pair and this one compares other figures: "2023年A 1200万元，比上年
  // 增加200万元，增长20%，2022年B 1000万元，比2021年增加100万元，增长11.11%" (11.11% is not 1200 vs 1000).
  const other = (f: Figure) => points ? f.unit === "个百分点" : isRate(f);
  const from = before.at(-2)?.loc.end ?? rate.loc.start;
  if (
    view.figures.some((f) => f !== rate && f.loc.start >= from && f.loc.end <= rate.loc.start && other(f))
  ) {
    return undefined;
  }
  return pair;
}

/**
 * The amount of the change and the current value it is added to, when the text gives the amount instead of
 * the previous value: "本年收入1200万元，比上年增加200万元，增长20%". The increment's clause holds only the
 * comparison and the verb (比上年增加, 与上年相比减少), agrees with the rate's direction and is the rate's clause
 * or the one right before it; the current value is the one figure of its family in the clause right before
 * the increment's, not marked as the earlier period's. A list item (其中A 1000万元，比上年增加…) is bound with
 * the guess stated and the list's whole kept as an alternative.
 */
function incrementOf(view: TextView, rate: Figure, sentence: Span, up: boolean): Compared | undefined {
  const { text } = view;
  const inc = view.figures.filter((f) =>
    within(f, { start: sentence.start, end: rate.loc.start }) && !isRate(f) && isIncrement(view, f)
  ).at(-1);
  if (!inc || !isExact(inc)) return undefined;
  const between = text.slice(inc.loc.end, rate.loc.start);
  if (view.figures.some((f) => f.loc.start >= inc.loc.end && f.loc.end <= rate.loc.start)) return undefined;
  if ((between.match(/[，,；;：:]/g) ?? []).length > 1) return undefined;
  const incBefore = clauseTextBefore(view, inc);
  const vm = INCREMENT.exec(incBefore)!;
  if (AMOUNT_DOWN.includes(vm[1]) === up) return undefined;
  if (bareSubject(incBefore.slice(0, vm.index)) !== "") return undefined;
  const incClause = clauseOf(view, inc);
  const prevClause = clausesOf(text).filter((c) => c.end <= incClause.start && c.start >= sentence.start).at(
    -1,
  );
  if (!prevClause || /[；;]/.test(text.slice(prevClause.end, incClause.start))) return undefined;
  const inPrev = view.figures.filter((f) => within(f, prevClause) && !isRate(f));
  const family = inPrev.filter((f) => sameFamily(f, inc));
  if (family.length !== 1 || inPrev.length !== 1) return undefined;
  const cur = family[0];
  if (!isExact(cur) || isIncrement(view, cur) || EARLIER.test(clauseTextBefore(view, cur))) return undefined;
  const list = listAround(view, sentence, cur);
  if (!list) return { current: cur, increment: inc };
  const whole = list.whole && sameFamily(list.whole, cur) && isExact(list.whole) ? [list.whole] : [];
  return {
    current: cur,
    increment: inc,
    assumption: `假设${inc.raw}是${cur.raw}（所列分项之一）相对于上期的变动额`,
    ...(whole.length ? { alternatives: whole } : {}),
  };
}
