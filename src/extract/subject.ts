/**
 * The subject of a figure: the phrase it quantifies, read backwards from the number to the previous clause
 * delimiter (or the previous figure of the same clause). Clause and sentence boundaries come from the one
 * segmenter (`src/analysis/segment.ts`: `clauseAround`, `sentenceAround`, `clausesOf`, `sentencesOf`).
 */

import type { Offsets } from "../analysis/segment.ts";

/** Offsets [start, end) into a text (sentence and clause boundaries: the one segmenter, analysis/segment.ts). */
export type Span = Offsets;

const LEADING =
  /^(?:其中|共计|总计|合计|累计|共|全年|完成|实现|达到|截至目前|截至|目前|已经|已|含|包含|包括|另有|以及|及|和|并且|并|为|对|是|的|了|[:：、\s]|(?:19|20)\d{2}\s*年(?:度|末|初|底)?)+/;
const TRAILING = /(?:得分|得|扣|为|达到|达|是|共计|共|计|约|合计|累计|总计|了|和|与|及|[:：\s])+$/;
const MAX_SUBJECT = 30;

/** First characters LEADING can match, last characters TRAILING can match: most subjects need neither regex. */
const codes = (s: string) => new Set([...s].map((c) => c.charCodeAt(0)));
const LEADING_FIRST = codes("其共总合累全完实达截目已含包另以及和并为对是的了:：、12");
const TRAILING_LAST = codes("分得扣为到达是计共约了和与及:：");
const SPACE = /\s/;
const SPACES = /\s+/g;
/** \s as char codes (the ones a text may hold: ASCII, NBSP, ideographic and other Unicode spaces). */
const isSpaceCode = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;

/** Strip 其中/共/合计/累计/全年/完成…, a leading year and a trailing 为/达: 其中，专业技术人才 → 专业技术人才. */
export function normalizeSubject(raw: string): string {
  let s = SPACE.test(raw) ? raw.replace(SPACES, " ").trim() : raw;
  for (let i = 0; i < 3 && s; i++) {
    const before = s;
    const first = s.charCodeAt(0);
    if (LEADING_FIRST.has(first) || isSpaceCode(first)) s = s.replace(LEADING, "");
    const last = s.charCodeAt(s.length - 1);
    if (s && (TRAILING_LAST.has(last) || isSpaceCode(last))) s = s.replace(TRAILING, "");
    if (s === before) break;
  }
  return s.length > MAX_SUBJECT ? s.slice(s.length - MAX_SUBJECT) : s;
}

/**
 * The phrase before `pos`, back to `floor` (clause start or the previous figure's end): a parenthesis that
 * closes before `pos` stays in the phrase (创业（场租）补贴), an unclosed one ends it (（含参公…编制5人）).
 */
export function phraseBefore(text: string, floor: number, pos: number): Span {
  let depth = 0;
  let s = pos;
  while (s > floor) {
    const c = text.charCodeAt(s - 1);
    if (c === 0xff09 || c === 41) depth++; // ） )
    else if (c === 0xff08 || c === 40) { // （ (
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === 0x3001 || c === 0xff1a || c === 58)) break; // 、 ： :
    s--;
  }
  return { start: s, end: pos };
}

const AFTER_STOP = new Set([..."、：:（()）"].map((c) => c.charCodeAt(0)));
const QUOTED = /^[“"]([^”"]*)[”"]$/;

/** The phrase after a figure (1208名农民工 → 农民工), for figures written before their noun. */
export function phraseAfter(text: string, pos: number, ceiling: number): string {
  let e = pos;
  const limit = Math.min(ceiling, pos + 12);
  while (e < limit && !AFTER_STOP.has(text.charCodeAt(e))) e++;
  return normalizeSubject(text.slice(pos, e).replace(QUOTED, "$1"));
}

const YEAR = /(?:19|20)\d{2}(?=\s*年)/g;

/** The year a clause states for a figure at `pos`: the nearest 20XX年 before it, else the first after. */
export function yearIn(text: string, clause: Span, pos: number, sentence?: Span): number | undefined {
  const y = text.indexOf("年", sentence ? Math.min(sentence.start, clause.start) : clause.start);
  if (y < 0 || y >= clause.end) return undefined;
  const s = text.slice(clause.start, clause.end).replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  let before: number | undefined, after: number | undefined;
  for (const m of s.matchAll(YEAR)) {
    const at = clause.start + m.index!;
    if (at < pos) before = Number(m[0]);
    else if (after === undefined) after = Number(m[0]);
  }
  if (before ?? after) return before ?? after;
  // "2023年，城镇新增就业969人": a sentence opened by a bare year clause.
  if (sentence) {
    const m = /^\s*((?:19|20)\d{2})\s*年度?\s*[，,]/.exec(text.slice(sentence.start, clause.start));
    if (m) return Number(m[1]);
  }
  return undefined;
}
