/**
 * A total after its parts: "A 60万元、B 40万元，合计100万元" / "…，共计100万元" / "…，总计100万元". The parts are the
 * figures of the total's family in the same sentence before the total's clause (after a 其中/包括/分别为 marker
 * when the sentence has one), at the same parenthesis depth. A list with 等/主要/部分 is incomplete; a run that
 * starts with the total itself restated ("支出100万元，A 60万元、B 40万元，合计100万元") drops that figure; a
 * narrative (a rate or a comparison between the parts) is not a list.
 */
import type { Figure, PartWhole } from "../../model/figure.ts";
import { sameFamily } from "../numbers.ts";
import { type Offsets as Span, sentenceAround } from "../../analysis/segment.ts";
import { clauseOf, isExact, isRate, locOf, parenDepth, type TextView } from "./context.ts";

/** The total's clause opens with one of these words, then (为/是/达/：) and the figure. */
const TOTAL_OPENING =
  /^[\s，,；;]*(?:以上|上述)?(?:合计|共计|总计|总共|一共|累计共?|共)(?:为|是|达到?|[：:])?\s*$/;
const MARKER = /其中|包括|包含|分别为|分别是/g;
const INCOMPLETE = /等|主要|部分|在内|约|左右/;
const NARRATIVE = /较|同比|环比|比上年|比去年|增长|减少|下降|增加|提高/;
/**
 * A sample drawn from a pool, or so many per item (从14个乡镇中抽取5个乡镇，每个乡镇抽取3个村，共15个村): the
 * total is a product or a subset, not a sum.
 */
const SAMPLING = /每|中(?:随机|分层|各)?(?:抽取|选取|抽查|抽选|选择)/;
/** A part named as a total (全年支出, 总额, 共) is the whole stated first, not a part. */
const WHOLE_NAME = /总|全年|全部|合计|共计|累计|共$/;

/**
 * The sentence of a total, run back over ；-separated parts ("A 32万元；B 18万元；共计50万元"): each earlier
 * segment one figure of the total's family in one clause, or the segment that opens the list with a marker
 * (其中：A 1200万元；B 250万元；合计…).
 */
function listBefore(view: TextView, total: Figure, sentence: Span): Span {
  const { text, figures } = view;
  let start = sentence.start;
  while (start > 1 && /[；;]/.test(text[start - 1])) {
    const prev = sentenceAround(text, start - 2, start - 1);
    const seg = text.slice(prev.start, prev.end);
    const figs = figures.filter((f) => f.loc.start >= prev.start && f.loc.end <= prev.end);
    const opens = new RegExp(MARKER.source).test(seg);
    if (!figs.length || !figs.every((f) => sameFamily(f, total))) break;
    if (!opens && (figs.length !== 1 || /[，,]/.test(seg))) break;
    start = prev.start;
    if (opens) break;
  }
  return { start, end: sentence.end };
}

/** True when `f` opens a 合计/共计 clause: a total after its parts, never one of the parts. */
export function opensTotal(view: TextView, f: Figure): boolean {
  return TOTAL_OPENING.test(view.text.slice(clauseOf(view, f).start, f.loc.start));
}

export function trailingTotals(view: TextView): PartWhole[] {
  if (view.cell || view.figures.length < 3) return [];
  const { text, figures } = view;
  if (!/合计|共计|总计|总共|一共|累计|共/.test(text)) return [];
  const depth = parenDepth(text);
  const out: PartWhole[] = [];
  for (const total of figures) {
    if (!isExact(total) || isRate(total)) continue;
    if (!opensTotal(view, total)) continue;
    const clause = clauseOf(view, total);
    const sentence = listBefore(view, total, sentenceAround(text, total.loc.start, total.loc.end));
    let start = sentence.start;
    for (const m of text.slice(sentence.start, clause.start).matchAll(MARKER)) {
      start = sentence.start + m.index! + m[0].length;
    }
    const region = figures.filter((f) =>
      f.loc.start >= start && f.loc.end <= clause.start && depth[f.loc.start] === depth[total.loc.start]
    );
    if (region.some(isRate)) continue;
    let parts = region.filter((f) => sameFamily(f, total));
    if (parts.length !== region.length) continue; // other quantities between: not one list
    if (parts.length && (parts[0].stated === total.stated && parts[0].scale === total.scale)) {
      parts = parts.slice(1);
    }
    if (parts.length < 2 || !parts.every(isExact)) continue;
    // "收入105万元，其中A 60万元、B 40万元，合计105万元": the 其中 list already weighs these parts against 105.
    const stated = figures.some((f) =>
      f.loc.start >= sentence.start && f.loc.end <= start && sameFamily(f, total) &&
      f.stated === total.stated && f.scale === total.scale
    );
    if (stated) continue;
    if (WHOLE_NAME.test(parts[0].subject)) continue;
    const listText = text.slice(parts[0].loc.start, clause.start);
    if (NARRATIVE.test(listText) || SAMPLING.test(listText)) continue;
    const span = { start: clauseOf(view, parts[0]).start, end: clause.end };
    const complete = !INCOMPLETE.test(text.slice(start, clause.start));
    out.push({
      kind: "part-whole",
      whole: total,
      parts,
      complete,
      // "A 6万元、B 3万元等，共计8万元": examples of the parts, which may not exceed their total.
      ...(!complete && !/约|左右/.test(listText) ? { partial: true } : {}),
      marker: "合计",
      quote: text.slice(span.start, span.end),
      loc: locOf(total, span),
    });
  }
  return out;
}
