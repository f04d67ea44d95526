/**
 * The one place where number forms are parsed: Arabic and full-width digits, thousands separators,
 * negative numbers, ranges, Chinese numerals used as counts, units (with 万/亿/千 scales) and approximation
 * words. Names, ordinals, dates, years, document numbers, codes and section markers are not figures.
 *
 * Units: written unit → base unit and scale; longest match wins (万人次 before 万人, 个百分点 before 个,
 * 千米 is a length, not 千 × 米).
 */
import type { Approx } from "../model/figure.ts";
import { decimalsOf } from "./tolerance.ts";
import {
  BARE_SCALES,
  BASE_UNITS,
  CHINESE_NUMERAL_UNITS,
  LOWER_BOUND_AFTER_NUMBER,
  NOT_APPROX_BEFORE,
  PREFIX_APPROX,
  SCALABLE_UNITS,
  SCALE_PREFIXES,
  SUFFIX_APPROX,
  UNIT_REJECT_AFTER,
} from "../analysis/vocab-numbers.ts";

export interface UnitInfo {
  /** Base unit ("" for a bare scale such as 1100万). */
  unit: string;
  scale: number;
}

/** Units as written → base unit and scale (from the vocabulary in analysis/vocab-numbers.ts). */
export const UNITS: Map<string, UnitInfo> = (() => {
  const m = new Map<string, UnitInfo>();
  for (const [w, u] of Object.entries(BASE_UNITS)) m.set(w, { unit: u, scale: 1 });
  for (const [p, s] of Object.entries(SCALE_PREFIXES)) {
    for (const b of SCALABLE_UNITS) if (!m.has(p + b)) m.set(p + b, { unit: BASE_UNITS[b], scale: s });
  }
  for (const p of BARE_SCALES) m.set(p, { unit: "", scale: SCALE_PREFIXES[p] });
  return m;
})();

const CHINESE_OK = new Set(CHINESE_NUMERAL_UNITS);

/** Units by first character code, longest first, so a lookup tries only the few that can match. */
const BY_FIRST: Map<number, string[]> = (() => {
  const m = new Map<number, string[]>();
  for (const w of UNITS.keys()) {
    const l = m.get(w.charCodeAt(0));
    if (l) l.push(w);
    else m.set(w.charCodeAt(0), [w]);
  }
  for (const l of m.values()) l.sort((a, b) => b.length - a.length);
  return m;
})();

/** Longest unit written at `pos` of the (width-normalised) text. */
export function unitAt(
  text: string,
  pos: number,
  chinese = false,
): { written: string; info: UnitInfo } | undefined {
  const cands = BY_FIRST.get(text.charCodeAt(pos));
  if (!cands) return undefined;
  for (const w of cands) {
    if (!text.startsWith(w, pos)) continue;
    if (chinese && !chineseUnitOk(w)) continue;
    return { written: w, info: UNITS.get(w)! };
  }
  return undefined;
}

function chineseUnitOk(written: string): boolean {
  if (CHINESE_OK.has(written)) return true;
  // 三百万元, 两万人: a scale prefix on an allowed base.
  for (const p of Object.keys(SCALE_PREFIXES)) {
    if (written.startsWith(p) && CHINESE_OK.has(written.slice(p.length))) return true;
  }
  return BARE_SCALES.includes(written);
}

/** Unit families: figures are comparable when their base units are equal. */
export function sameFamily(a: { unit: string }, b: { unit: string }): boolean {
  return a.unit === b.unit;
}

/** True for rates, which never add up (%, 个百分点, ‰). */
export function isRateUnit(unit: string): boolean {
  return unit === "%" || unit === "个百分点" || unit === "‰";
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

/** A number found in a text, with its unit and approximation words; offsets index the original text. */
export interface NumberToken {
  /** [start, end) of the whole token: approximation words, sign, number, unit. */
  start: number;
  end: number;
  /** Exact substring of the original text. */
  raw: string;
  /** The number as written (for a range, its low end). */
  stated: number;
  decimals: number;
  /** stated × scale, in the base unit. */
  value: number;
  unit: string;
  writtenUnit: string;
  scale: number;
  approx: Approx;
  /** For 3-5人 / 3至5人 / 3~5人, in the base unit. */
  range?: { low: number; high: number };
  chineseNumeral: boolean;
}

/** Full-width → half-width, one character for one, so offsets into the original text stay valid. */
export function normalizeWidth(s: string): string {
  if (!HAS_WIDE.test(s)) return s;
  return s.replace(WIDE, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return code === 0x3000 || code === 0xa0 ? " " : "-";
  });
}
const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2212\u2013\u2014]/g;
const HAS_WIDE = new RegExp(WIDE.source);

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
/** isDigit(n[i]) without making a one-character string (n[i] allocates for CJK text). */
const digitAt = (n: string, i: number) => {
  const c = n.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isFullWidthDigit = (c: string | undefined) => c !== undefined && c >= "０" && c <= "９";
const CJK = /[\u3400-\u9fff]/;

/** After a bare number (no unit), these characters still let it stand as a figure (得分96，). */
const AFTER_BARE_OK = /($|[\s的为和与及或至到，,。.；;：:！!？?、)）”"」』\]】|/-])/y;

/** Spans that are dates, years, document numbers, times or phone numbers: never figures. */
const BLOCKED: RegExp[] = [
  /[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*第?\s*\d+\s*号/g,
  /\d+\s*号/g,
  /(?:19|20)\d{2}\s*[-~至到]\s*(?:19|20)\d{2}\s*年?/g,
  /(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?/g,
  /(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?/g,
  /(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}/g,
  /(?<!\d)\d{1,2}:\d{2}(?!\d)/g,
  /(?<!\d)1[3-9]\d{9}(?!\d)/g,
  /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g,
];

/** The BLOCKED patterns as one alternation: one pass over the text. */
const HAS_DIGIT = /\d/;
const BLOCKED_ONE = new RegExp(BLOCKED.map((r) => `(?:${r.source})`).join("|"), "g");

/** 1 on spans that are never figures; undefined when the text has none. */
function blockedMask(n: string): Uint8Array | undefined {
  if (!HAS_DIGIT.test(n)) return undefined;
  let mask: Uint8Array | undefined;
  BLOCKED_ONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BLOCKED_ONE.exec(n))) {
    (mask ??= new Uint8Array(n.length)).fill(1, m.index, m.index + m[0].length);
    if (!m[0].length) BLOCKED_ONE.lastIndex++;
  }
  return mask;
}

/** 1 inside “…” (a name or slogan), 2 inside 《…》 (a title); undefined when the text quotes nothing. */
function quoteMask(n: string): Uint8Array | undefined {
  if (!/[“「《"]/.test(n)) return undefined;
  const mask = new Uint8Array(n.length);
  let dq = 0, book = 0, ascii = false;
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c === 0x201c || c === 0x300c) dq++; // “ 「
    else if ((c === 0x201d || c === 0x300d) && dq > 0) dq--; // ” 」
    else if (c === 0x300a) book++; // 《
    else if (c === 0x300b && book > 0) book--; // 》
    else if (c === 34) ascii = !ascii; // "
    else mask[i] = book > 0 ? 2 : dq > 0 || ascii ? 1 : 0;
  }
  return mask;
}

const CN_DIGIT: Record<string, number> = {
  "零": 0,
  "〇": 0,
  "一": 1,
  "二": 2,
  "两": 2,
  "三": 3,
  "四": 4,
  "五": 5,
  "六": 6,
  "七": 7,
  "八": 8,
  "九": 9,
};
const CN_CHARS = new Set([...Object.keys(CN_DIGIT), "十", "百", "千", "万", "亿"]);
/** 1 at the code units of CN_CHARS: a typed-array lookup per character (a Set lookup was a hot spot). */
const CN_CODE = new Uint8Array(0x10000);
for (const c of CN_CHARS) CN_CODE[c.charCodeAt(0)] = 1;
const D = "[一二两三四五六七八九]";
const SEC = `(?:${D}千)?(?:[零〇]?${D}百)?(?:[零〇]?${D}?十)?(?:[零〇]?${D})?`;
const CN_VALID = new RegExp(`^(?:${SEC}亿)?(?:${SEC}万)?${SEC}$`);

/** Value of a well-formed Chinese numeral (一百二十三 → 123, 两万 → 20000). */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s || !CN_VALID.test(s) || !/[一二两三四五六七八九十]/.test(s)) return undefined;
  let total = 0, section = 0, num = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) num = CN_DIGIT[ch];
    else if (ch === "十" || ch === "百" || ch === "千") {
      const m = ch === "十" ? 10 : ch === "百" ? 100 : 1000;
      section += (num || (ch === "十" ? 1 : 0)) * m;
      num = 0;
    } else if (ch === "万") {
      total += (section + num) * 1e4;
      section = num = 0;
    } else if (ch === "亿") {
      total = (total + section + num) * 1e8;
      section = num = 0;
    }
  }
  return total + section + num;
}

interface Scan {
  tok?: NumberToken;
  /** Where scanning resumes. */
  next: number;
}

/** Every figure in a text, in order. */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  if (!CANDIDATE.test(text)) return out;
  const n = normalizeWidth(text);
  const blocked = blockedMask(n);
  const quoted = quoteMask(n);
  // Each ASCII digit or CN_CHARS character of n in turn (found natively), resuming after each scan.
  NUMBER_START.lastIndex = 0;
  for (let m = NUMBER_START.exec(n); m; m = NUMBER_START.exec(n)) {
    const i = m.index;
    let s: Scan | undefined;
    if (digitAt(n, i)) {
      if (!digitAt(n, i - 1) && n.charCodeAt(i - 1) !== 46) s = scanArabic(text, n, i, blocked, quoted);
    } else if (!CN_CODE[n.charCodeAt(i - 1)]) s = scanChinese(text, n, i, quoted);
    if (s) {
      if (s.tok) out.push(s.tok);
      NUMBER_START.lastIndex = Math.max(s.next, i + 1);
    }
  }
  return out;
}
const CANDIDATE = /[0-9０-９零〇一二两三四五六七八九十百千万亿]/;
/** Where findNumbers looks, in the width-folded text: ASCII digits and CN_CHARS. */
const NUMBER_START = /[0-9零〇一二两三四五六七八九十百千万亿]/g;

function prefixApprox(n: string, at: number): { approx: Approx; start: number } | undefined {
  let p = at;
  if (n[p - 1] === " " && n[p - 2] !== " ") p--;
  for (const [w, a] of PREFIX_APPROX) {
    if (n.startsWith(w, p - w.length)) {
      const stop = NOT_APPROX_BEFORE[w];
      const prev = n[p - w.length - 1];
      if (stop && prev && stop.includes(prev)) return undefined;
      return { approx: a, start: p - w.length };
    }
  }
  return undefined;
}

function suffixApprox(n: string, at: number): { approx: Approx; end: number } | undefined {
  for (const [w, a] of SUFFIX_APPROX) if (n.startsWith(w, at)) return { approx: a, end: at + w.length };
  return undefined;
}

/** The unit at `pos`, unless the following character makes a word of it. */
function unitAtChecked(n: string, pos: number, chinese: boolean) {
  const u = unitAt(n, pos, chinese);
  if (!u) return undefined;
  const after = n[pos + u.written.length] ?? "";
  const last = u.written[u.written.length - 1];
  if (after && UNIT_REJECT_AFTER[last]?.includes(after)) return undefined;
  return u;
}

function digitsEnd(n: string, i: number): number {
  let j = i;
  while (digitAt(n, j)) j++;
  return j;
}

function scanArabic(
  text: string,
  n: string,
  i: number,
  blocked: Uint8Array | undefined,
  quoted: Uint8Array | undefined,
): Scan {
  let j = digitsEnd(n, i);
  // Thousands separators: ASCII ',' between ASCII digits; '，' only between full-width digits (else it is
  // the clause delimiter).
  if (j - i <= 3) {
    while (
      n.charCodeAt(j) === 44 && digitAt(n, j + 1) && digitAt(n, j + 2) && digitAt(n, j + 3) &&
      !digitAt(n, j + 4)
    ) {
      if (text[j] === "，" && !isFullWidthDigit(text[i])) break;
      j += 4;
    }
  }
  if (n.charCodeAt(j) === 46 && digitAt(n, j + 1)) j = digitsEnd(n, j + 1);
  const numEnd = j;
  const reject: Scan = { next: numEnd };
  if (blocked && anySet(blocked, i, numEnd)) return reject;
  if (quoted?.[i] === 2) return reject;

  const before = n.slice(Math.max(0, i - 6), i);
  const after = n.charAt(numEnd);
  if (LETTER_END.test(before) || LETTER.test(after)) return reject;
  if (SLASH_END.test(before) || after === "/") return reject;
  if (ORDINAL_END.test(before)) return reject;
  if (DASH_END.test(before) && DASH_START.test(n.slice(numEnd, numEnd + 3)) && !isDigit(before.at(-2))) {
    return reject;
  }

  const raw = n.slice(i, numEnd);
  const numStr = raw.includes(",") ? raw.replace(COMMAS, "") : raw;
  let stated = Number(numStr);
  const decimals = decimalsOf(numStr);
  let start = i;
  const prev = n.charAt(i - 1);
  if ((prev === "-" && !MINUS_BLOCK.test(n.charAt(i - 2))) || prev === "负") {
    stated = -stated;
    start = i - 1;
  }
  let approx: Approx = "exact";
  const pre = prefixApprox(n, start);
  if (pre) {
    approx = pre.approx;
    start = pre.start;
  }

  // Range: 3-5, 3~5, 3至5, 3到5.
  let k = numEnd;
  let high: number | undefined;
  RANGE.lastIndex = k;
  const rm = RANGE.exec(n);
  if (rm && stated >= 0) {
    high = Number(rm[1]);
    k += rm[0].length;
    if (blocked && anySet(blocked, numEnd, k)) return { next: k };
  }
  // 80余家, 20多个: a lower bound, only when a unit follows.
  const yu = n.charCodeAt(k);
  if (LOWER_BOUND_CODES.has(yu) && unitAtChecked(n, k + 1, false)) {
    approx = "atLeast";
    k++;
  }
  let ui = k;
  while (n.charCodeAt(ui) === 32 && ui - k < 2) ui++;
  let u = unitAtChecked(n, ui, false);
  if (u && u.written === "年" && decimals === 0 && YEAR_NUMBER.test(numStr)) u = undefined;
  if (u) k = ui + u.written.length;
  else {
    // A bare number: reject section markers, codes, ids and numbers glued to a name (1311服务).
    if (high !== undefined) return { next: k };
    if (quoted?.[i] === 1) return reject;
    if (LEADING_ZERO.test(numStr) || (decimals === 0 && numStr.length >= 7)) return reject;
    if (after === "." || (after === ")" && before.endsWith("("))) return reject;
    if (after === "、" && (i === 0 || LIST_MARK_BEFORE.test(before))) return reject;
    AFTER_BARE_OK.lastIndex = numEnd;
    if (!AFTER_BARE_OK.test(n) && CJK.test(after)) return reject;
  }
  const suf = suffixApprox(n, k);
  if (suf) {
    if (approx === "exact") approx = suf.approx;
    k = suf.end;
  }
  const scale = u?.info.scale ?? 1;
  const tok: NumberToken = {
    start,
    end: k,
    raw: text.slice(start, k),
    stated,
    decimals,
    value: stated * scale,
    unit: u?.info.unit ?? "",
    writtenUnit: u?.written ?? "",
    scale,
    approx: high !== undefined && approx === "exact" ? "about" : approx,
    chineseNumeral: false,
  };
  if (high !== undefined) tok.range = { low: stated * scale, high: high * scale };
  return { tok, next: k };
}

const LETTER_END = /[A-Za-z_]\s?$/;
const LETTER = /[A-Za-z_]/;
const SLASH_END = /[/×*]$/;
const ORDINAL_END = /(第|附件|附表)\s*$/;
const DASH_END = /-\s*$/;
const DASH_START = /^\s*-/;
const COMMAS = /,/g;
const MINUS_BLOCK = /[\dA-Za-z)]/;
/** Sticky: the range's second number right at lastIndex (3-5, 3~5, 3至5). */
const RANGE = /\s?[-~至到]\s?(\d+(?:\.\d+)?)/y;
const YEAR_NUMBER = /^(19|20)\d{2}$/;
const LEADING_ZERO = /^0\d/;
const LIST_MARK_BEFORE = /[\s;。:：(]$/;

function anySet(mask: Uint8Array, from: number, to: number): boolean {
  for (let x = from; x < to; x++) if (mask[x] === 1) return true;
  return false;
}

const WAN = "万".charCodeAt(0), YI = "亿".charCodeAt(0);
/** 余/多 after a numeral (a lower bound), as char codes. */
const LOWER_BOUND_CODES = new Set(LOWER_BOUND_AFTER_NUMBER.map((w) => w.charCodeAt(0)));

function scanChinese(text: string, n: string, i: number, quoted: Uint8Array | undefined): Scan {
  let j = i;
  while (CN_CODE[n.charCodeAt(j)]) j++;
  const reject: Scan = { next: j };
  // Most runs (统一, 进一步) are followed by no unit: skip them before parsing.
  const tail = n.charCodeAt(j - 1), next = n.charCodeAt(j);
  if (tail !== WAN && tail !== YI && !LOWER_BOUND_CODES.has(next) && !BY_FIRST.has(next)) return reject;
  const run = n.slice(i, j);
  // 统一三个 → the run 一三 is no numeral; its longest well-formed tail (三) may be.
  let off = 0;
  while (off < run.length && parseChineseNumeral(run.slice(off)) === undefined) off++;
  if (off === run.length) return reject;
  const s0 = i + off;
  if (quoted?.[s0] === 2) return reject;
  const numeral = run.slice(off);
  if (n[s0 - 1] === "第") return reject;
  // A trailing 万/亿 is the scale of the unit (三百万元), not part of the number.
  const scaleChars = /[万亿]+$/.exec(numeral)?.[0] ?? "";
  const digits = numeral.slice(0, numeral.length - scaleChars.length);
  const stated = parseChineseNumeral(digits);
  if (stated === undefined) return reject;
  if (digits === "一" && !scaleChars) return reject;
  let k = s0 + digits.length;
  let approx: Approx = "exact";
  if (!scaleChars && LOWER_BOUND_CODES.has(n.charCodeAt(k)) && unitAtChecked(n, k + 1, true)) {
    approx = "atLeast";
    k++;
  }
  const u = unitAtChecked(n, k, true);
  if (!u) return reject;
  k += u.written.length;
  if (/[性式一]/.test(n[k] ?? "")) return reject;
  let start = s0;
  const pre = prefixApprox(n, s0);
  if (pre && approx === "exact") {
    approx = pre.approx;
    start = pre.start;
  }
  const suf = suffixApprox(n, k);
  if (suf) {
    if (approx === "exact") approx = suf.approx;
    k = suf.end;
  }
  return {
    tok: {
      start,
      end: k,
      raw: text.slice(start, k),
      stated,
      decimals: 0,
      value: stated * u.info.scale,
      unit: u.info.unit,
      writtenUnit: u.written,
      scale: u.info.scale,
      approx,
      chineseNumeral: true,
    },
    next: k,
  };
}

/**
 * Full-width digits and decimal point → ASCII and nothing else (for text that must keep its other
 * full-width punctuation); same length, so offsets are kept.
 */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, normalizeWidth);
}
