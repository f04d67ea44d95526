/**
 * Enumerations: a stated count — N个/N项/N类/N家/N名/N所/三大…, in Arabic or Chinese numerals (3项, 十二个,
 * 两类) — and the lists that may be what it counts:
 *
 * - `following`: a list right after the count's noun, after a colon or an introducer (开展了3项活动：A、B、C;
 *   共设置4项指标，分别为A、B、C、D; or in the next sentence: 涉及3个乡镇。分别是A、B、C — its extent then
 *   inferred), split on 、 (or on ；, when the items themselves hold 、);
 * - `parenthesized`: a list in brackets after the noun (3个行政部门（人大、政府和党委）);
 * - `markers`: numbered items in the same paragraph (三项措施：一是…；二是…；三是…, （1）…（2）…, 1.…2.…, ①②);
 * - `paragraphs`: numbered paragraphs (or headings) under a claim that ends its paragraph with a colon
 *   (主要开展了以下4项工作：);
 * - `preceding`: names listed before the count in the same clause (A、B、C三个乡镇; A、B等5个科室);
 * - `quoted`: quoted names before a quoted count (“A”“B”“C”的“4个…”).
 *
 * Lists ending in 等/等等 are `open`: they give examples, not the whole, and cannot be checked. Items joined
 * by 和/及/与 may be one item or two, so a list has a range of readings, not one count. Brackets, quotes
 * and 《》 are masked before splitting, so 、 inside them (经济发展办公室（挂统计办公室、农经办牌子）) does not
 * split an item. Counts inside names (三支一扶, “两个维护”, 五位一体), ordinals (第3项), approximations
 * (10余个, 近3个, 3个以上), durations (3个月) and percentage points are not claims.
 */
import type { Block, Document } from "../model/document.ts";
import { normalizeWidth, parseChineseNumeral } from "../extract/numbers.ts";
import {
  COUNT_CLASSIFIERS,
  ITEM_JOINERS,
  LIST_INTRODUCERS,
  NOT_A_COUNT_AFTER,
  NOT_A_COUNT_BEFORE,
  NOT_JOINER_WORDS,
  VERBS_BEFORE_COUNT,
} from "./vocab.ts";

export type EnumerationForm =
  | "following"
  | "parenthesized"
  | "markers"
  | "paragraphs"
  | "preceding"
  | "quoted";

/** A span of a block's text: where a claim and its list are quoted from. */
export interface TextSpan {
  block: number;
  start: number;
  end: number;
}

export interface Enumeration {
  form: EnumerationForm;
  /** The items as written (trimmed; for numbered paragraphs, their first words). */
  items: string[];
  /**
   * The item counts the list can be read as, ascending: 和/及/与 inside an item may or may not join two
   * items; a list may be split on 、 or on ；.
   */
  readings: number[];
  /** The list ends in 等/等等 (or 等 stands before the count): examples, not the whole — not checkable. */
  open: boolean;
  /**
   * True when the list is clearly delimited in the claim's own sentence or paragraph with one way to split
   * it; false when its boundary is inferred (numbered paragraphs after the claim, several splittings).
   */
  delimited: boolean;
  /** The text the list occupies (the claim's block first; numbered paragraphs add their blocks). */
  spans: TextSpan[];
}

export interface CountClaim {
  block: number;
  /** Offsets of the count (numeral and classifier) in the block's text. */
  start: number;
  end: number;
  /** The count as written: "三项", "12个". */
  written: string;
  stated: number;
  classifier: string;
  /** The words after the classifier up to the next punctuation or introducer (科室, 专项活动). */
  noun: string;
  /** The lists that may be what the count counts, most direct first; empty when none is found. */
  enumerations: Enumeration[];
}

/**
 * The claim's verdict: no list; a partial list (等) that cannot be checked (`open`) or whose examples alone
 * outnumber the count (`exceeds`: A、B、C、D、E等四个方面); a list that agrees; or one that does not.
 */
export type ClaimStatus = "no-list" | "open" | "exceeds" | "consistent" | "mismatch";

export function claimStatus(c: CountClaim): ClaimStatus {
  if (c.enumerations.length === 0) return "no-list";
  const open = c.enumerations.filter((e) => e.open);
  if (open.length > 0) {
    // 类/种: examples of categories may outnumber them (生产、生活、生态、景观等两类用水 is not wrong).
    if (CATEGORY_CLASSIFIERS.has(c.classifier)) return "open";
    const over = open.some((e) => e.readings[0] > c.stated && nearCount(c.stated, e.readings[0], 0));
    return over ? "exceeds" : "open";
  }
  if (c.enumerations.some((e) => e.readings.includes(c.stated))) return "consistent";
  return "mismatch";
}

const CATEGORY_CLASSIFIERS = new Set(["类", "种", "大类", "大"]);

// ── Patterns ─────────────────────────────────────────────────────────────────────────────────────────────

const CN_DIGITS = "一二两三四五六七八九十";
const NUM = `[0-9０-９]{1,3}|[${CN_DIGITS}百]{1,4}`;
const CLS = COUNT_CLASSIFIERS.join("|");
const COUNT_RE = new RegExp(`(${NUM})[ \\u3000]*(${CLS})`, "g");
/** A count expression anywhere in a piece of text (an item holding its own count is no plain name). */
const HAS_COUNT = new RegExp(
  `(?:^|[^第0-9０-９])(?:[0-9０-９]{1,3}|[${CN_DIGITS}]{1,3})[ \\u3000]*(?:${CLS})`,
);
const APPROX_BEFORE = /(?:超过|不少于|不低于|至少|不足|不到|多达|将近|接近|约有|大约)[ \u3000]*$/;
const INTRO = LIST_INTRODUCERS.join("|");
/** Introducers that may open the next sentence with the list (涉及3个乡镇。分别是A、B、C。). */
const NEXT_SENTENCE_INTRO = "分别为|分别是|分别有|具体为|具体是|具体包括";
/** After the noun: 如下：/ ：/ ，分别为：/ 分别是 … */
const INTRODUCER_RE = new RegExp(
  `[ \\u3000]*(?:[，,][ \\u3000]*|。[ \\u3000]*(?=${NEXT_SENTENCE_INTRO}))?(?:(?:${INTRO})[ \\u3000]*[：:]?|(?:如下)?[：:])`,
  "y",
);
const LEAD_RE = /[ \u3000]*[，,：:。]?[ \u3000]*/y;
/** What stands between a preceding list and its count. */
const CONNECTOR_RE = /(等等|等|共计|合计|总计|共有|共|计|这)?[ \u3000]*$/;
const JOINER_RE = new RegExp(ITEM_JOINERS.join("|"), "g");
const codes = (s: string) => new Set([...s].map((c) => c.charCodeAt(0)));
const CLAUSE_DELIMS = codes("，,。；;：:！？!?\n");
const SENTENCE_END = codes("。！？!?\n");
const NOUN_STOP = codes("，,。；;：:、（(）)“”‘’《》「」 \u3000！？!?\n");
const MASK = "□";

/** Opening bracket or quote → the code(s) that close it (round brackets close with either width). */
const CLOSERS = new Map<number, number[]>(
  [
    ["（", "）)"],
    ["(", ")）"],
    ["【", "】"],
    ["[", "]"],
    ["《", "》"],
    ["“", "”"],
    ["‘", "’"],
    ["「", "」"],
    [
      "『",
      "』",
    ],
  ].map(([o, c]) => [o.charCodeAt(0), [...c].map((x) => x.charCodeAt(0))]),
);
const ROUND_CODES = new Set([0xff08, 0x28]);
const MARKER_INSIDE = /^[ \u3000]*[0-9０-９一二三四五六七八九十]{1,3}[ \u3000]*$/;

interface Bracket {
  open: number;
  close: number;
  round: boolean;
}

const BRACKET_CHARS = /[（(【\[《“‘「『）)】\]》”’」』]/g;
/** Closing code → the opening codes it closes. */
const OPENERS = new Map<number, number[]>();
for (const [o, cs] of CLOSERS) for (const c of cs) OPENERS.set(c, [...(OPENERS.get(c) ?? []), o]);

/**
 * The text with the inside of brackets, quotes and 《》 masked (offsets kept), and the outermost brackets
 * found. One pass: a stack of open brackets; a closer pairs with the innermost opener it closes, openers
 * left unclosed above it are dropped; a pair longer than 200 characters is not masked.
 */
function maskBrackets(text: string): { masked: string; brackets: Bracket[] } {
  const stack: number[] = [];
  const pairs: Bracket[] = [];
  BRACKET_CHARS.lastIndex = 0;
  for (let x = BRACKET_CHARS.exec(text); x; x = BRACKET_CHARS.exec(text)) {
    const i = x.index, c = text.charCodeAt(i);
    if (CLOSERS.has(c)) {
      stack.push(i);
      continue;
    }
    const openers = OPENERS.get(c);
    if (!openers) continue;
    let k = stack.length - 1;
    while (k >= 0 && !openers.includes(text.charCodeAt(stack[k]))) k--;
    if (k < 0) continue;
    const open = stack[k];
    stack.length = k;
    if (stack.length === 0 && i - open <= 200) {
      pairs.push({ open, close: i, round: ROUND_CODES.has(text.charCodeAt(open)) });
    }
  }
  if (pairs.length === 0) return { masked: text, brackets: [] };
  const brackets: Bracket[] = [];
  let out = "", last = 0;
  for (const b of pairs) {
    // A numbering marker in brackets — （1）, （二） — stays readable.
    if (b.round && b.close - b.open <= 6 && MARKER_INSIDE.test(text.slice(b.open + 1, b.close))) continue;
    out += text.slice(last, b.open + 1) + MASK.repeat(b.close - b.open - 1);
    last = b.close;
    brackets.push(b);
  }
  return { masked: brackets.length ? out + text.slice(last) : text, brackets };
}

function toInt(s: string): number | undefined {
  const t = normalizeWidth(s);
  if (/^[0-9]+$/.test(t)) return Number(t);
  return parseChineseNumeral(t);
}

// ── Numbering markers ────────────────────────────────────────────────────────────────────────────────────

type MarkerStyle = "shi" | "ordinal" | "chinese" | "paren-chinese" | "arabic" | "paren-arabic" | "circled";

interface Marker {
  style: MarkerStyle;
  value: number;
  start: number;
  end: number;
}

const CN_M = `[${CN_DIGITS.replace("两", "")}]{1,3}`;
const MARKER_AT: { style: MarkerStyle; re: RegExp; boundary: boolean }[] = [
  { style: "shi", re: new RegExp(`(${CN_M})是`, "y"), boundary: true },
  { style: "ordinal", re: new RegExp(`第(${CN_M})[，,、：:是]`, "y"), boundary: true },
  { style: "paren-chinese", re: new RegExp(`[（(](${CN_M})[）)]`, "y"), boundary: false },
  { style: "paren-arabic", re: /[（(]([0-9０-９]{1,2})[）)]/y, boundary: false },
  { style: "circled", re: /([①-⑳])/y, boundary: false },
  { style: "chinese", re: new RegExp(`(${CN_M})[、，,](?![${CN_DIGITS}])`, "y"), boundary: true },
  { style: "arabic", re: /([0-9０-９]{1,2})(?:[.．](?![0-9０-９])|、)/y, boundary: true },
];
const MARKER_BOUNDARY = new Set([..."。；;：:！？!?，, \u3000\n"]);

function markerValue(style: MarkerStyle, token: string): number | undefined {
  if (style === "circled") return token.charCodeAt(0) - 0x2460 + 1;
  return toInt(token);
}

/** The marker starting exactly at `pos` (in the masked text), if any. */
function markerAt(m: string, pos: number, style?: MarkerStyle): Marker | undefined {
  for (const p of MARKER_AT) {
    if (style && p.style !== style) continue;
    if (p.boundary && pos > 0 && !MARKER_BOUNDARY.has(m[pos - 1])) continue;
    p.re.lastIndex = pos;
    const x = p.re.exec(m);
    if (!x) continue;
    if (p.boundary && pos > 0 && /[0-9０-９.．]/.test(m[pos - 1])) continue;
    const value = markerValue(p.style, x[1]);
    if (value === undefined) continue;
    return { style: p.style, value, start: pos, end: pos + x[0].length };
  }
  return undefined;
}

/** The marker a block starts with (its list label first), if any. */
function blockMarker(b: Block): Marker | undefined {
  if (b.kind === "table") return undefined;
  const text = (b.kind === "paragraph" && b.listLabel ? b.listLabel : "") + b.text;
  const lead = text.length - text.trimStart().length;
  return markerAt(text, lead);
}

/** Markers of one style in order from `from`, counted while they run 1, 2, 3 …; a restart at 1 ends them. */
function runOfMarkers(m: string, from: number, to: number, style: MarkerStyle): Marker[] {
  const run: Marker[] = [];
  for (let i = from; i < to; i++) {
    const k = markerAt(m, i, style);
    if (!k) continue;
    if (k.value === run.length + 1) run.push(k);
    else if (k.value === 1 || k.value > run.length + 1) break;
    i = k.end - 1;
  }
  return run;
}

// ── Splitting lists ──────────────────────────────────────────────────────────────────────────────────────

interface Piece {
  start: number;
  end: number;
}

/** Split [start, end) of the masked text on any of `seps`, trimming spaces; offsets stay block offsets. */
function splitOn(m: string, start: number, end: number, seps: string): Piece[] {
  const out: Piece[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || seps.includes(m[i])) {
      let a = s, b = i;
      while (a < b && /[ \u3000]/.test(m[a])) a++;
      while (b > a && /[ \u3000]/.test(m[b - 1])) b--;
      out.push({ start: a, end: b });
      s = i + 1;
    }
  }
  return out;
}

/** How many 和/及/与/或 in an item could join two items (not those inside 及时, 和谐, 参与 …). */
function joinersIn(text: string): number {
  let n = 0;
  for (const x of text.matchAll(JOINER_RE)) {
    const i = x.index!;
    const inWord = NOT_JOINER_WORDS.some((w) => {
      const k = w.indexOf(x[0]);
      return k >= 0 && text.startsWith(w, i - k);
    });
    if (!inWord && i > 0 && i + x[0].length < text.length) n++;
  }
  return n;
}

/** Readings of a 、-list: n items, and up to one more per 和/及/与 inside them. */
function rangeReadings(n: number, joiners: number): number[] {
  return Array.from({ length: joiners + 1 }, (_, i) => n + i);
}

const endsOpen = (s: string) => /等等?$/.test(s.trim());
const stripOpen = (s: string) => s.trim().replace(/等等?$/, "").trim();

// ── Scanning a block ─────────────────────────────────────────────────────────────────────────────────────

interface Scope {
  doc: Document;
  block: number;
  raw: string;
  /** The masked text of the scope (brackets masked), same offsets as `raw`. */
  m: string;
  /** Where the scope starts and ends inside raw (the whole block, or a bracket's inside). */
  from: number;
  to: number;
}

function clauseStart(m: string, from: number, pos: number): number {
  for (let i = pos - 1; i >= from; i--) if (CLAUSE_DELIMS.has(m.charCodeAt(i))) return i + 1;
  return from;
}

function sentenceEnd(m: string, pos: number, to: number): number {
  for (let i = pos; i < to; i++) if (SENTENCE_END.has(m.charCodeAt(i))) return i;
  return to;
}

function countsIn(sc: Scope): CountClaim[] {
  const out: CountClaim[] = [];
  const { m, raw } = sc;
  const re = new RegExp(COUNT_RE.source, "g");
  re.lastIndex = sc.from;
  for (let x = re.exec(m); x && x.index < sc.to; x = re.exec(m)) {
    const start = x.index, end = start + x[0].length;
    if (end > sc.to) break;
    const before = m[start - 1] ?? "";
    if (before && (NOT_A_COUNT_BEFORE.includes(before) || /[0-9０-９.．%％]/.test(before))) continue;
    if (APPROX_BEFORE.test(m.slice(Math.max(sc.from, start - 4), start))) continue;
    const after = m.slice(end, end + 3);
    if (NOT_A_COUNT_AFTER.some((w) => after.startsWith(w))) continue;
    if (x[2] === "个" && after.startsWith("人")) continue; // 个人所得税, 个人账户
    // 五位一体, 三支一扶: a numeral right after the classifier makes the whole a name — but not a level
    // (八个三级指标, 两个二级单位).
    if (new RegExp(`^[${CN_DIGITS}0-9０-９](?!级)`).test(after)) continue;
    const stated = toInt(x[1]);
    if (stated === undefined || stated < 2 || stated > 200) continue;
    let n = end;
    while (n < sc.to && n - end < 15 && !NOUN_STOP.has(m.charCodeAt(n)) && !startsIntroducer(m, n)) n++;
    out.push({
      block: sc.block,
      start,
      end,
      written: raw.slice(start, end),
      stated,
      classifier: x[2],
      noun: raw.slice(end, n),
      enumerations: [],
    });
  }
  return out;
}

function startsIntroducer(m: string, i: number): boolean {
  return LIST_INTRODUCERS.some((w) => m.startsWith(w, i)) || m.startsWith("如下", i);
}

/** The list after the count's noun: in brackets, after a colon or introducer, or numbered. */
function following(sc: Scope, c: CountClaim, out: Enumeration[]): void {
  const { m, raw, block } = sc;
  const p = c.end + c.noun.length;
  const br = m[p] === "（" || m[p] === "(";
  if (br) {
    const close = findClose(m, p, sc.to);
    if (close > 0) parenthesized(sc, c, p + 1, close, out);
    return;
  }
  INTRODUCER_RE.lastIndex = p;
  let intro = INTRODUCER_RE.exec(m);
  if (intro && p + intro[0].length > sc.to) intro = null;
  let q = p;
  if (intro) q = p + intro[0].length;
  while (q < sc.to && /[ \u3000]/.test(m[q])) q++;
  // Numbered items: 三项措施：一是…；二是…, or 三项措施，一是…
  LEAD_RE.lastIndex = p;
  const lead = Math.min(LEAD_RE.exec(m)![0].length, sc.to - p);
  const mk = markerAt(m, intro ? q : p + lead);
  if (mk && mk.value === 1) {
    const run = runOfMarkers(m, mk.start, sc.to, mk.style);
    if (run.length >= 2) {
      out.push({
        form: "markers",
        items: run.map((k, i) => firstWords(raw, k.end, run[i + 1]?.start ?? sc.to)),
        readings: [run.length],
        open: false,
        delimited: true,
        spans: [{ block, start: c.start, end: Math.min(sc.to, run[run.length - 1].end + 12) }],
      });
    }
    return;
  }
  if (!intro) return;
  if (q >= sc.to || m.slice(q, sc.to).trim() === "") return; // the list is in the next paragraphs
  if (m.startsWith("其中", q)) return; // 共5个项目：其中… is a breakdown, not a list
  // The list in the next sentence: its extent is inferred, never certain.
  const nextSentence = intro !== null && intro[0].includes("。");
  const sEnd = sentenceEnd(m, q, sc.to);
  // Reading 1: a 、-list up to the first ，；。
  let cut = q;
  while (cut < sEnd && !"，,；;".includes(m[cut])) cut++;
  const readings = new Set<number>();
  let items: Piece[] = [];
  let open = false, ways = 0;
  const dun = splitOn(m, q, cut, "、");
  if (dun.length >= 2 && dun.every((x) => x.end > x.start && x.end - x.start <= 40)) {
    const texts = dun.map((x) => raw.slice(x.start, x.end));
    open = endsOpen(texts[texts.length - 1]);
    const j = texts.reduce((n, t) => n + joinersIn(t), 0);
    for (const r of rangeReadings(dun.length, j)) readings.add(r);
    items = dun;
    ways++;
  }
  // Reading 2: items separated by ；, each of which may hold its own 、-list.
  const semi = splitOn(m, q, sEnd, "；;").filter((x) => x.end > x.start);
  if (semi.length >= 2) {
    for (const r of [semi.length]) readings.add(r);
    if (items.length === 0) items = semi;
    if (endsOpen(raw.slice(semi[semi.length - 1].start, semi[semi.length - 1].end))) open = true;
    ways++;
  }
  // Only A和B (no 、 nor ；): one item or two.
  if (ways === 0) {
    const one = raw.slice(q, cut).trim();
    const j = joinersIn(one);
    if (j === 0 || one.length > 40) return;
    for (const r of rangeReadings(1, j)) readings.add(r);
    items = [{ start: q, end: cut }];
    open = endsOpen(one);
    ways = 2; // how 和 splits the clause is inferred
  }
  const last = items[items.length - 1];
  out.push({
    form: "following",
    items: items.map((x) => stripOpen(raw.slice(x.start, x.end))),
    readings: [...readings].sort((a, b) => a - b),
    open,
    delimited: ways === 1 && !nextSentence,
    spans: [{ block, start: c.start, end: last.end }],
  });
}

function findClose(m: string, open: number, to: number): number {
  for (let i = open + 1; i < to && i - open <= 200; i++) if (m[i] === "）" || m[i] === ")") return i;
  return -1;
}

/** 3个行政部门（人大、政府和党委）: the bracket's inside, read from the unmasked text. */
function parenthesized(sc: Scope, c: CountClaim, from: number, to: number, out: Enumeration[]): void {
  const inner = sc.raw.slice(from, to);
  // （其中21个…、7个…） is a breakdown; （参公3人，工勤1人） a list of figures, not of names.
  if (
    /^[ \u3000]*(?:其中|含|包括|包含|共|合计)/.test(inner) || HAS_COUNT.test(inner) ||
    /[0-9０-９]/.test(inner)
  ) {
    return;
  }
  const { masked } = maskBrackets(inner);
  const pieces = splitOn(masked, 0, masked.length, "、，,；;").filter((x) => x.end > x.start);
  const texts = pieces.map((x) => inner.slice(x.start, x.end));
  const j = texts.reduce((n, t) => n + joinersIn(t), 0);
  if (pieces.length < 2 && j === 0) return;
  if (texts.some((t) => t.length > 40)) return;
  if (!nearCount(c.stated, pieces.length, j)) return;
  out.push({
    form: "parenthesized",
    items: texts.map(stripOpen),
    readings: rangeReadings(pieces.length, j),
    open: endsOpen(texts[texts.length - 1]),
    delimited: pieces.length >= 2,
    spans: [{ block: sc.block, start: c.start, end: to + 1 }],
  });
}

/**
 * Whether a count could be the count of a list of n names (with j joiners): a dropped or extra name puts
 * it off by one or two, not by a hundred (标语108条 after two names measures the last one).
 */
function nearCount(stated: number, n: number, j: number): boolean {
  const near = Math.max(2, Math.ceil(n / 2));
  return stated <= n + j + near && stated >= n - near;
}

const LEADING_MARKER = new RegExp(
  `^[ \\u3000]*(?:[（(][0-9０-９${CN_DIGITS}]{1,3}[）)]|[0-9０-９]{1,2}[.．、]|[${CN_DIGITS}]{1,3}[、是]|[①-⑳])`,
);
const ETC_INSIDE = /(?<![平同对均])等(?![级待候同])/;
const JOINER_END = new RegExp(`(?:${ITEM_JOINERS.join("|")})$`);
/** Classifiers that can close a list without a noun after them (分为A、B、C、D四类。). */
const BARE_COUNT_CLASSIFIERS = new Set(["个", "项", "类", "种", "方面", "个方面", "大类"]);
const VERB_END = new RegExp(`(?:${VERBS_BEFORE_COUNT.join("|")})[了过]?$`);

/** A、B、C三个乡镇: the 、-list that ends right before the count, in the same clause. */
function preceding(sc: Scope, c: CountClaim, out: Enumeration[]): void {
  const { m, raw } = sc;
  const cs = clauseStart(m, sc.from, c.start);
  const head = m.slice(cs, c.start);
  const conn = CONNECTOR_RE.exec(head)!;
  const listEnd = cs + conn.index;
  let open = conn[1] === "等" || conn[1] === "等等";
  let listStart = cs;
  const lm = LEADING_MARKER.exec(m.slice(cs, listEnd));
  if (lm) listStart += lm[0].length;
  if (listEnd <= listStart || "、“‘《（(".includes(m[listEnd - 1])) return;
  const pieces = splitOn(m, listStart, listEnd, "、");
  if (pieces.length < 2 || pieces.some((x) => x.end <= x.start)) return;
  const texts = pieces.map((x) => raw.slice(x.start, x.end));
  if (texts.slice(1).some((t) => t.length > 25)) return;
  if (texts.some((t) => HAS_COUNT.test(t))) return;
  const last = texts[texts.length - 1];
  // 村卫生室、乡镇卫生院等各类医疗机构4个: 等 inside the last item still makes the list examples.
  if (ETC_INSIDE.test(last)) open = true;
  // 甲镇、乙镇的3个项目 / 办公室、财务股开展了3项检查 / …以及8家单位: the count is of something else.
  if (/[的了着]/.test(last) || VERB_END.test(last) || JOINER_END.test(last)) return;
  // 印制、悬挂标语108条 / 服务机构、劳务机构56户: a measure of the last item, not a count of the names — a
  // count of the list names its category (3个乡镇) and is near the number of names.
  if (!c.noun.trim() && !BARE_COUNT_CLASSIFIERS.has(c.classifier)) return;
  const j = texts.reduce((n, t) => n + joinersIn(t), 0);
  if (!open && !nearCount(c.stated, pieces.length, j)) return;
  out.push({
    form: "preceding",
    items: texts.map((t) => t.trim()),
    readings: rangeReadings(pieces.length, j),
    open,
    delimited: true,
    spans: [{ block: sc.block, start: pieces[0].start, end: c.end + c.noun.length }],
  });
}

/** “A”“B”“C”的“4个…”: quoted names before a quoted (or plain) count. */
const QUOTED_LIST = new RegExp(
  `((?:[“"][^”"]{1,20}[”"][、，]?){2,})(等等?)?(?:的|共)?[“"]?(${NUM})[ \\u3000]*(${CLS})`,
  "g",
);

function quoted(sc: Scope, claims: Map<number, CountClaim>): void {
  const text = sc.raw.slice(0, sc.to);
  QUOTED_LIST.lastIndex = sc.from;
  for (const x of text.matchAll(QUOTED_LIST)) {
    const stated = toInt(x[3]);
    if (stated === undefined || stated < 2) continue;
    const start = x.index! + x[0].length - x[3].length - x[4].length;
    const end = x.index! + x[0].length;
    const items = [...x[1].matchAll(/[“"]([^”"]+)[”"]/g)].map((y) => y[1]);
    let n = end;
    while (n < sc.to && n - end < 15 && !NOUN_STOP.has(sc.raw.charCodeAt(n))) n++;
    const claim = claims.get(start) ?? {
      block: sc.block,
      start,
      end,
      written: sc.raw.slice(start, end),
      stated,
      classifier: x[4],
      noun: sc.raw.slice(end, n),
      enumerations: [],
    };
    claims.set(start, claim);
    claim.enumerations.push({
      form: "quoted",
      items,
      readings: [items.length],
      open: Boolean(x[2]),
      delimited: true,
      spans: [{ block: sc.block, start: x.index!, end: Math.min(sc.to, n + 1) }],
    });
  }
}

/** 主要开展了以下4项工作： then 1.… 2.… 3.… paragraphs (or （一）… headings with text between them). */
function paragraphs(doc: Document, c: CountClaim, out: Enumeration[]): void {
  const blocks = doc.blocks;
  let i = c.block + 1;
  while (
    i < blocks.length && blocks[i].kind !== "table" && (blocks[i] as { text: string }).text.trim() === ""
  ) i++;
  const first = blocks[i];
  const mk = first && blockMarker(first);
  if (!first || !mk || mk.value !== 1) return;
  const onHeadings = first.kind === "heading";
  const items: { block: number; text: string }[] = [];
  let gap = 0;
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === "table") break;
    if (b.text.trim() === "") continue;
    const k = blockMarker(b);
    if (k && k.style === mk.style) {
      if (k.value !== items.length + 1) break;
      if (onHeadings !== (b.kind === "heading")) break;
      items.push({ block: b.index, text: b.text });
      gap = 0;
      continue;
    }
    // Between items: sub-items, or (under numbered headings) the items' own paragraphs.
    if (b.kind === "heading" && (!k || rank(k.style) <= rank(mk.style))) break;
    if (onHeadings) continue;
    if (k && rank(k.style) > rank(mk.style)) continue;
    if (++gap > 2) break;
  }
  if (items.length < 2) return;
  out.push({
    form: "paragraphs",
    items: items.map((x) => firstWords(x.text, blockMarker(blocks[x.block])?.end ?? 0, x.text.length)),
    readings: [items.length],
    open: false,
    delimited: false,
    spans: [
      { block: c.block, start: c.start, end: c.end + c.noun.length },
      ...items.map((x) => ({ block: x.block, start: 0, end: Math.min(x.text.length, 20) })),
    ],
  });
}

const RANK: Record<MarkerStyle, number> = {
  chinese: 1,
  "paren-chinese": 2,
  shi: 2,
  ordinal: 2,
  arabic: 3,
  "paren-arabic": 4,
  circled: 5,
};
const rank = (s: MarkerStyle) => RANK[s];

function firstWords(text: string, from: number, to: number): string {
  const t = text.slice(from, to).trim();
  const cut = t.search(/[，,。；;：:]/);
  const s = cut > 0 ? t.slice(0, cut) : t;
  return s.length > 20 ? s.slice(0, 20) + "…" : s;
}

const endsWithColon = (m: string) => /[：:][ \u3000]*$/.test(m.slice(-4));

function scanScope(sc: Scope, brackets: Bracket[], out: Map<number, CountClaim>): void {
  quoted(sc, out);
  for (const c of countsIn(sc)) {
    const found: Enumeration[] = [];
    following(sc, c, found);
    preceding(sc, c, found);
    if (found.length === 0 && sc.to === sc.raw.length && endsWithColon(sc.m)) {
      const rest = sc.m.slice(c.end + c.noun.length, sc.to);
      if (/^[^。！？!?]*[：:][ \u3000]*$/.test(rest)) paragraphs(sc.doc, c, found);
    }
    const prior = out.get(c.start);
    if (prior) prior.enumerations.push(...found);
    else out.set(c.start, { ...c, enumerations: found });
  }
  // Counts inside brackets have the bracket as their scope: 设有3个科室（含A、B、C三个股）.
  for (const b of brackets) {
    if (!b.round || b.close - b.open < 6) continue;
    const inner = sc.raw.slice(b.open + 1, b.close);
    if (!COUNT_HINT.test(inner)) continue;
    const { masked, brackets: innerBrackets } = maskBrackets(inner);
    const m = sc.raw.slice(0, b.open + 1) + masked + sc.raw.slice(b.close);
    scanScope(
      { ...sc, m, from: b.open + 1, to: b.close },
      innerBrackets.map((x) => ({ ...x, open: x.open + b.open + 1, close: x.close + b.open + 1 })),
      out,
    );
  }
}

/** Every count claim in the document's paragraphs and headings, with the lists that may be what it counts. */
export function countClaims(doc: Document): CountClaim[] {
  const out: CountClaim[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "table" || (b.kind === "paragraph" && b.role)) continue;
    if (!COUNT_HINT.test(b.text)) continue;
    const { masked, brackets } = maskBrackets(b.text);
    const claims = new Map<number, CountClaim>();
    scanScope({ doc, block: b.index, raw: b.text, m: masked, from: 0, to: b.text.length }, brackets, claims);
    out.push(...[...claims.values()].sort((a, b) => a.start - b.start));
  }
  return out;
}

const COUNT_HINT = new RegExp(`(?:${NUM})[ \\u3000]*(?:${CLS})`);
