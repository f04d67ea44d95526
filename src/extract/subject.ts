/**
 * Clauses, sentences and the subject of a figure: the phrase it quantifies, read backwards from the number
 * to the previous clause delimiter (or the previous figure of the same clause).
 */

export interface Span {
  start: number;
  end: number;
}

/** 1 at the code units of `chars`: looked up for every character of a text (a Set lookup was a hot spot). */
function codeTable(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
const CLAUSE_CODES = codeTable("，；。！？;!?\n");
const SENTENCE_CODES = codeTable("；。！？;!?\n");
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** ，；。！？ and line breaks; an ASCII ',' only when it is not a thousands separator. */
function isClauseDelimiter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (CLAUSE_CODES[c] === 1) return true;
  return c === 44 && !(isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1)));
}

function isSentenceDelimiter(text: string, i: number): boolean {
  return SENTENCE_CODES[text.charCodeAt(i)] === 1;
}

interface Breaks {
  clause: number[];
  sentence: number[];
  /** clausesOf / sentencesOf, built on first use. */
  clauses?: readonly Span[];
  sentences?: readonly Span[];
}

/** Delimiter offsets of the last texts asked about: figures of one text are looked up many times. */
const cache = new Map<string, Breaks>();
let lastText: string | undefined;
let lastEntry: Breaks | undefined;

function breaks(text: string): Breaks {
  if (lastEntry !== undefined && lastText === text) return lastEntry;
  let entry = cache.get(text);
  if (!entry) {
    const clause: number[] = [], sentence: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (isClauseDelimiter(text, i)) clause.push(i);
      if (isSentenceDelimiter(text, i)) sentence.push(i);
    }
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
    entry = { clause, sentence };
    cache.set(text, entry);
  }
  lastText = text;
  lastEntry = entry;
  return entry;
}

/** [start, end) between the delimiters around [start, end): the last one before start, the first from end. */
function spanAround(text: string, start: number, end: number, sentence: boolean): Span {
  const ds = sentence ? breaks(text).sentence : breaks(text).clause;
  let lo = 0, hi = ds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ds[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  const s = lo > 0 ? ds[lo - 1] + 1 : 0;
  let j = lo;
  while (j < ds.length && ds[j] < end) j++;
  return { start: s, end: j < ds.length ? ds[j] : text.length };
}

/** The clause (between ，；。！？) holding [start, end). */
export function clauseAround(text: string, start: number, end: number): Span {
  return spanAround(text, start, end, false);
}

/** The sentence (between ；。！？) holding [start, end). */
export function sentenceAround(text: string, start: number, end: number): Span {
  return spanAround(text, start, end, true);
}

function spansBetween(text: string, ds: number[]): readonly Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let k = 0; k <= ds.length; k++) {
    const d = k < ds.length ? ds[k] : text.length;
    if (d > s) out.push(Object.freeze({ start: s, end: d }));
    s = d + 1;
  }
  return Object.freeze(out);
}

/** All sentences of a text, delimiters excluded, empty ones dropped (shared: do not modify). */
export function sentencesOf(text: string): readonly Span[] {
  const b = breaks(text);
  return b.sentences ??= spansBetween(text, b.sentence);
}

/** All clauses of a text, delimiters excluded (shared: do not modify). */
export function clausesOf(text: string): readonly Span[] {
  const b = breaks(text);
  return b.clauses ??= spansBetween(text, b.clause);
}

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
