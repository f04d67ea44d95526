/**
 * Part-whole: "A N，其中B x、C y" / "N。其中：B x，C y" / "包括…", and a parenthetical "x（含B y）", which makes
 * y a sub-part of x, never a part of the outer whole. Only a list of ≥2 exact parts that says nothing of
 * 等/主要/部分 is complete (can be summed).
 */
import type { Figure, PartWhole } from "../../model/figure.ts";
import { sameFamily } from "../numbers.ts";
import { halfUnit } from "../tolerance.ts";
import { type Offsets as Span, sentenceAround } from "../../analysis/segment.ts";
import {
  clauseOf,
  clauseTextBefore,
  isExact,
  isRate,
  locOf,
  parenDepth,
  type TextView,
  within,
} from "./context.ts";
import { scoredItem, scoreRole } from "./score.ts";
import { opensTotal } from "./trailing-total.ts";
import { PLANNED_AMOUNT_WORDS, SPENT_AMOUNT_WORDS } from "../../analysis/vocab-enumeration.ts";

const MARKER = /其中|包括|包含|分别为|分别是|主要有|主要为/g;
/** A clause that compares with another period: its figure is last year's value, not a part. */
const COMPARISON = /较|同比|环比|比上年|比去年|与上年|与去年/;
const PAREN_MARKER = /^[（(]\s*(?:其中|含|包含|包括)/;
const INCOMPLETE_WORDS = /主要|部分|在内/;
const CLOSED = /[。！？；;!?.）)」”"]\s*$/;
const ENDS_WITH_ETC = /等(?:等)?(?=[，,。；;、）)]|$)/;
/** The amount of a change (比上年增加200万元): a whole only for parts that are changes too. */
const CHANGE_AMOUNT = /(?:增长|增加|上升|提高|减少|下降|降低|净增|节约|超支)了?\s*$/;
/**
 * Parts that are stages or running totals of the same money (已拨付90万元、已支付80万元; 本年完成投资, 累计
 * 完成投资) overlap: they are not a breakdown, unless one of them is the remainder (未拨付, 结余).
 */
const STAGE = /累计|累积|^(?:其中)?已/;
const REMAINDER = /未|剩余|结余|结转/;
const CUMULATIVE = /累计|累积/;
const ANOTHER_WHOLE = /上年|去年|同期|本年|今年|当年|全年|总|合计|共计|累计/;
/** A figure after 占 is the whole of a share (占预算资金5000万元的20%), never a part of the list around it. */
const SHARE_BASE = /占[^，,；;、。]*$/;
const PLANNED = new RegExp(PLANNED_AMOUNT_WORDS.join("|"));
const SPENT = new RegExp(SPENT_AMOUNT_WORDS.join("|"));
/** Parts named as a planned amount beside parts named as a spent one: a budget and its execution. */
function plannedBesideSpent(parts: Figure[]): boolean {
  const sides = parts.map((p) => {
    const s = p.subjectRaw ?? p.subject;
    const planned = PLANNED.test(s), spent = SPENT.test(s);
    return planned === spent ? "" : planned ? "planned" : "spent";
  });
  return sides.includes("planned") && sides.includes("spent");
}
/** A 其中 list that says nothing of 等 may still name only some parts; one opened by a colon runs on past ；. */
const COLON_AFTER = /^[\s]*[：:]/;

export function partWholes(view: TextView): PartWhole[] {
  if (view.cell || !/其中|包括|包含|含|分别[为是]|主要[有为]/.test(view.text)) return [];
  const { text, figures } = view;
  const depth = parenDepth(text);
  const out: PartWhole[] = [];

  for (const m of text.matchAll(MARKER)) {
    const at = m.index!;
    if (depth[at] > 0) continue; // parenthetical markers are handled below
    const sentence = listSentence(view, at, m[0].length, depth);
    const region: Span = { start: at, end: sentence.end };
    const inRegion = figures.filter((f) => within(f, region) && depth[f.loc.start] === depth[at]);
    const first = inRegion.find((f) => !isRate(f));
    if (!first || isRate(inRegion[0])) continue;
    let parts = inRegion.filter((f) =>
      !isRate(f) && sameFamily(f, first) && !SHARE_BASE.test(clauseTextBefore(view, f))
    );
    // "…分别为A 2.04万元、B 6.71万元，较上年的10.72万元减少18.38%": the list ends where a comparison starts.
    const compared = parts.findIndex((f) => COMPARISON.test(clauseTextBefore(view, f)));
    if (compared >= 0) parts = parts.slice(0, compared);
    // "其中A 60万元、B 40万元，合计100万元": the list ends where its own total starts.
    const totalAt = parts.findIndex((f) => opensTotal(view, f));
    const ownTotal = totalAt >= 2 ? parts[totalAt] : undefined;
    if (totalAt >= 0) parts = parts.slice(0, totalAt);
    if (!parts.length || plannedBesideSpent(parts)) continue;
    // The whole: the last figure of the family before the marker, in this sentence or, when the marker opens
    // the sentence ("46人。其中：…"), in the previous one.
    let scope: Span = { start: sentence.start, end: at };
    if (!text.slice(sentence.start, at).trim() && sentence.start > 0) {
      scope = { start: sentenceAround(text, sentence.start - 1, sentence.start - 1).start, end: at };
    }
    // The amount of a change is the whole only of parts that are changes too (比上年增加200万元，其中…增加150万元).
    const changeParts = CHANGE_AMOUNT.test(clauseTextBefore(view, first));
    const candidates = figures.filter((f) =>
      within(f, scope) && depth[f.loc.start] === depth[at] && sameFamily(f, first) &&
      CHANGE_AMOUNT.test(clauseTextBefore(view, f)) === changeParts
    );
    let whole = candidates.at(-1);
    if (!whole || isRate(whole)) continue;
    // "本年收入1500万元，上年收入1300万元，其中A 1200万元、B 300万元": when an earlier figure of the sentence is
    // exactly the parts' sum, the list may break that one down: take it, never report the nearer one.
    const earlier = candidates.slice(0, -1).findLast((f) => isExact(f) && sumsTo(f, parts));
    if (earlier) whole = earlier;
    // 分别为 breaks a whole down only right after it ("支出8.75万元，分别为A 2.04万元、B 6.71万元"), each part
    // with its own name; "预算和支出分别为200万元、190万元" lists values of things named before it.
    // 主要有/主要为 likewise: "收入900万元，支出主要为…" lists the parts of another quantity.
    if (m[0].startsWith("主要") && !/^[\s，,：:]*$/.test(text.slice(whole.loc.end, at))) continue;
    if (m[0].startsWith("分别")) {
      if (!/^[\s，,：:]*$/.test(text.slice(whole.loc.end, at))) continue;
      if (parts.some((p) => !(p.subjectRaw ?? p.subject).replace(/^.*分别[为是]/, "").trim())) continue;
    }
    // In 分: "评价得分34分。其中“预算调整率”指标分值3分，得2.5分" gives one item's weight and score, not two
    // parts of 34. Only parts in the whole's role (score, weight, deduction) are parts.
    const scores = first.unit === "分" ? scoreParts(view, whole, parts) : undefined;
    if (scores) parts = scores.parts;
    if (!parts.length) continue;
    // 220件，其中受理218件，不予受理2件，认定工伤209件…: once a prefix of the list makes the whole, what follows
    // is a breakdown of a part, not more parts.
    const cut = exactPrefix(whole, parts, text);
    if (cut) parts = parts.slice(0, cut);
    // "其中上年结转24.5万元，本年下达162万元：第一批90万元，第二批72万元": a colon after a part opens its own
    // breakdown; what follows breaks that part down, not the whole.
    const opens = parts.findIndex((p, i) => i < parts.length - 1 && COLON_AFTER.test(text.slice(p.loc.end)));
    if (opens >= 0) parts = parts.slice(0, opens + 1);
    const last = parts[parts.length - 1];
    const listText = text.slice(at, clauseOf(view, last).end);
    const between = inRegion.filter((f) => f.loc.start > first.loc.start && f.loc.start < last.loc.start);
    const overlapping = parts.length >= 2 && parts.some((p) => STAGE.test(p.subjectRaw ?? p.subject)) &&
      !parts.some((p) => REMAINDER.test(p.subjectRaw ?? p.subject));
    // "收入95万元，其中A 60万元、B 30万元，合计95万元": the list's own 合计 restates the whole: every part is named.
    const closed = !!ownTotal && ownTotal.value === whole.value && ownTotal.unit === whole.unit;
    const complete = parts.length >= 2 &&
      (!scores || scores.summable) && !overlapping &&
      isExact(whole) && parts.every(isExact) &&
      // A paragraph cut off mid-list (an excerpt, a truncated cell) may hold more parts than it shows.
      !(sentence.end >= text.length && !CLOSED.test(text)) &&
      !ENDS_WITH_ETC.test(listText) &&
      !INCOMPLETE_WORDS.test(listText) &&
      !INCOMPLETE_WORDS.test(text.slice(clauseOf(view, whole).start, at)) &&
      // A rate inside the list (结案率100%) means a narrative, not a breakdown.
      !between.some(isRate);
    // 主要/等/部分 or a single part: some of the whole's parts, whose sum may not exceed it.
    const partial = !complete && !overlapping && !scores && isExact(whole) && parts.every(isExact) &&
      !parts.some((p) => CUMULATIVE.test(p.subjectRaw ?? p.subject)) &&
      !between.some(isRate);
    const span = { start: clauseOf(view, whole).start, end: clauseOf(view, last).end };
    out.push({
      kind: "part-whole",
      whole,
      parts,
      complete,
      ...(partial ? { partial } : {}),
      ...(closed && complete ? { closed } : {}),
      marker: m[0],
      quote: text.slice(span.start, span.end),
      loc: locOf(whole, span),
    });
  }

  // x（含B y）: sub-parts of the figure right before the parenthesis.
  figures.forEach((f) => {
    const rest = text.slice(f.loc.end);
    const pm = PAREN_MARKER.exec(rest);
    if (!pm || isRate(f)) return;
    const open = f.loc.end;
    let close = open + 1;
    while (close < text.length && depth[close] > depth[open - 1] && !/[）)]/.test(text[close])) close++;
    const inner: Span = { start: open, end: close };
    const parts = figures.filter((g) =>
      within(g, inner) && depth[g.loc.start] === depth[open] && sameFamily(g, f)
    );
    if (!parts.length) return;
    const marker = pm[0].replace(/^[（(]\s*/, "");
    // （其中：A x，B y）is a breakdown like any 其中 list; （含…）only names some of what the figure includes.
    const innerText = text.slice(open, close);
    const overlapping = parts.length >= 2 && parts.some((p) => STAGE.test(p.subjectRaw ?? p.subject)) &&
      !parts.some((p) => REMAINDER.test(p.subjectRaw ?? p.subject));
    const exact = isExact(f) && parts.every(isExact) && !overlapping;
    // A bracket left open (an excerpt cut off inside it) may hold more parts than it shows.
    const complete = marker === "其中" && parts.length >= 2 && exact && close < text.length &&
      !ENDS_WITH_ETC.test(innerText) && !INCOMPLETE_WORDS.test(innerText);
    const span = { start: clauseOf(view, f).start, end: Math.min(text.length, close + 1) };
    out.push({
      kind: "part-whole",
      whole: f,
      parts,
      complete,
      ...(!complete && exact ? { partial: true } : {}),
      marker,
      quote: text.slice(span.start, span.end),
      loc: locOf(f, span),
    });
  });
  return out;
}

/** True when the parts' stated values add up to the whole's, within its last digit. */
function sumsTo(whole: Figure, parts: Figure[]): boolean {
  if (!parts.every(isExact)) return false;
  const total = parts.reduce((t, p) => t + p.value, 0) / whole.scale;
  return Math.abs(total - whole.stated) <= halfUnit(whole.decimals) + 1e-9;
}

/**
 * The sentence a list marker opens, run on past ；: "其中：A 1200万元；B 200万元；C 50万元。" (a colon after the
 * marker), or without a colon while each ；-segment is one more part: a single clause with one figure of
 * the first part's family, no marker of its own, and a name ending like the first part's (…收入).
 */
function listSentence(view: TextView, at: number, length: number, depth: Uint8Array): Span {
  const { text, figures } = view;
  const first = sentenceAround(text, at, at + length);
  const colon = COLON_AFTER.test(text.slice(at + length));
  const head = figures.find((f) => f.loc.start > at + length && f.loc.end <= first.end && !isRate(f));
  let end = first.end;
  while (head && /[；;]/.test(text[end] ?? "")) {
    const next = sentenceAround(text, end + 1, end + 1);
    const inNext = figures.filter((f) => within(f, next) && depth[f.loc.start] === depth[at]);
    if (!colon) {
      const segment = text.slice(next.start, next.end);
      if (inNext.length !== 1 || /[，,]/.test(segment) || /其中|包括|包含|分别/.test(segment)) break;
      // "；上年收入1300万元" / "；全年支出…": another period or a total, not one more part.
      if (ANOTHER_WHOLE.test(segment)) break;
      const f = inNext[0];
      if (!sameFamily(f, head) || isRate(f) || opensTotal(view, f)) break;
      const a = f.subject, b = head.subject;
      if (a.length < 2 || b.length < 2 || a.slice(-2) !== b.slice(-2)) break;
    } else if (
      inNext.length === 0 || !sameFamily(inNext[0], head) ||
      /其中|包括|包含|分别/.test(text.slice(next.start, next.end))
    ) break;
    end = next.end;
  }
  return { start: first.start, end };
}

/**
 * The parts of a whole in 分 that share its role (a weight is not part of a score, nor the reverse), and
 * whether they can be summed: one role among them, and each names its own item (≥ 2 distinct names), so
 * that "分值3分，得2.5分" (one item stated twice) never counts as two parts.
 */
function scoreParts(view: TextView, whole: Figure, parts: Figure[]): { parts: Figure[]; summable: boolean } {
  const wholeRole = scoreRole(view, whole);
  const kept = parts.filter((p) => {
    const r = scoreRole(view, p);
    return !r || !wholeRole || r === wholeRole;
  });
  const roles = new Set(kept.map((p) => scoreRole(view, p)));
  // "目标设定分值6分得5分": a score right after its item's weight is named by the weight.
  const names = kept.map((p, i) => {
    const own = scoredItem(p);
    if (own) return own;
    const from = i > 0 ? kept[i - 1].loc.end : whole.loc.end;
    const named = view.figures.filter((g) => g.loc.start >= from && g.loc.end <= p.loc.start).at(-1);
    return named ? scoredItem(named) : "";
  });
  const summable = roles.size === 1 && names.every((n) => n.length > 0) &&
    new Set(names).size === names.length;
  return { parts: kept, summable };
}

/**
 * Length of the shortest proper prefix (≥2 parts) whose stated values add up to the whole, if any: what
 * follows it is a breakdown of a part or another quantity, not more parts. Exact integer counts cut
 * anywhere; other figures only where the next part starts a new clause (，；), not inside a 、 list.
 */
function exactPrefix(whole: Figure, parts: Figure[], text: string): number | undefined {
  if (parts.length < 3 || ![whole, ...parts].every(isExact)) return undefined;
  const ints = [whole, ...parts].every((f) => f.decimals === 0 && f.scale === 1);
  let total = 0;
  for (let k = 0; k < parts.length - 1; k++) {
    total += parts[k].value;
    if (k < 1) continue;
    const clauseBreak = /[，,；;]/.test(text.slice(parts[k].loc.end, parts[k + 1].loc.start));
    if (!ints && !clauseBreak) continue;
    if (Math.abs(total / whole.scale - whole.stated) <= halfUnit(whole.decimals) + 1e-9) return k + 1;
  }
  return undefined;
}
