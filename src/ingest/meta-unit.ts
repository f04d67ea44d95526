/**
 * Units and years as written in titles, fields and file names: whitespace normalised, a unit accepted only
 * when it ends the way unit names end (conservative: a wrong unit is worse than none).
 */
import { asciiDigits } from "../extract/numbers.ts";
import {
  MAX_ORGAN_CHARS,
  NOT_IN_ORGAN,
  NOT_IN_UNIT,
  NOT_UNIT_ENDINGS,
  PARENT_BODY,
  PLACE_NAMED,
  PLACEHOLDER,
  SUFFIX_CHAR_WORDS,
  UNIT_SUFFIXES,
} from "./meta-vocab.ts";

/** All whitespace removed: names and titles are spaced out to fill a line ("浦 东 新 区", "2020 年度"). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, "");
}

/** Whitespace removed except between two Latin letters or digits ("2020 年度" → "2020年度"). */
export function tidy(s: string): string {
  const t = s.trim();
  return t.replace(/[\s\u00a0\u3000]+/g, (m, off: number) => {
    const [a, b] = [t[off - 1] ?? "", t[off + m.length] ?? ""];
    return /[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(b) ? " " : "";
  });
}

const TRAILING_PAREN = /[（(][^（）()]{1,12}[）)]$/;
const NOT_NAME_CHARS = /[0-9０-９A-Za-z，,。；;：:“”"《》、|｜\/<>【】\[\]?？!！]/;

/** `text` as a unit's name (whitespace removed), or null when it does not read as one. */
export function asUnit(text: string): string | null {
  const u = squeeze(text).replace(/^[|｜:：、，,]+|[|｜:：、，,。；;]+$/g, "");
  if (u.length < 3 || u.length > 40 || PLACEHOLDER.test(u) || NOT_NAME_CHARS.test(u)) return null;
  const core = u.replace(TRAILING_PAREN, "");
  if (core.length < 3 || NOT_UNIT_ENDINGS.some((e) => core.endsWith(e))) return null;
  if (!UNIT_SUFFIXES.some((s) => core.endsWith(s))) return null;
  if (NOT_IN_UNIT.some((w) => core.includes(w))) return null;
  return u;
}

const MULTI_SUFFIXES = UNIT_SUFFIXES.filter((s) => s.length >= 2);

/** An organ's name after its parent body's (县委 + 组织部): short, and no predicate inside. */
function organOf(parent: string, u: string): boolean {
  const added = u.slice(parent.length);
  return PARENT_BODY.test(parent) && added.length <= MAX_ORGAN_CHARS &&
    !NOT_IN_ORGAN.some((w) => added.includes(w));
}

/**
 * The unit at the start of running text ("某县交通运输局财政衔接…" → "某县交通运输局"): the shortest prefix
 * that reads as a unit, extended when a suffix word follows (…县委 + 办公室) or a parent body's organ does
 * (…县委 + 组织部, …人民政府 + 办公厅); never ending inside a word like 部门 or 委员. The name must start with
 * its place (PLACE_NAMED): "乡镇卫生院建设项目" names no unit.
 */
export function leadingUnit(text: string, max = 30): string | null {
  const t = squeeze(text);
  if (!PLACE_NAMED.test(t)) return null;
  let best: string | null = null;
  for (let k = 3; k <= Math.min(max, t.length); k++) {
    if (SUFFIX_CHAR_WORDS.some((w) => t.startsWith(w, k - 1))) continue;
    const u = asUnit(t.slice(0, k));
    if (!u) continue;
    if (best === null) best = u;
    else if (MULTI_SUFFIXES.includes(u.slice(best.length) as typeof MULTI_SUFFIXES[number])) {
      best = u;
    } else if (organOf(best, u)) best = u;
  }
  return best;
}

const YEAR = "((?:19|20)\\d{2})";
const RANGE = new RegExp(`(?<!\\d)${YEAR}(?:\\s*(?:—|–|-|－|~|～|至|到)+\\s*${YEAR})?\\s*年`);

/** The year a text names ("2023年度", "2015—2018年度" → 2018), with where it starts and ends, or null. */
export function yearIn(text: string): { year: number; start: number; end: number } | null {
  const t = asciiDigits(text);
  const m = RANGE.exec(t);
  if (!m) return null;
  return { year: Number(m[2] ?? m[1]), start: m.index, end: m.index + m[0].length };
}

/**
 * The year a file name names, only when it is unambiguous: one year, or a range (its last year). Digits
 * that run on into longer numbers (dates 20250328, ids) are not years.
 */
export function fileYear(name: string): number | null {
  const years = [...asciiDigits(name).matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  const distinct = [...new Set(years)];
  if (distinct.length === 1) return distinct[0];
  const range = /(?<!\d)((?:19|20)\d{2})\s*(?:—|–|-|－|~|～|至|到)+\s*((?:19|20)\d{2})(?!\d)/.exec(name);
  if (distinct.length === 2 && range) return Math.max(Number(range[1]), Number(range[2]));
  return null;
}
