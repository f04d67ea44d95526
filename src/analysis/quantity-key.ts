/**
 * The quantity a figure's subject names, as a comparison key: 截至年末实有在职人员, 在职职工共 and
 * 2023年末在职 all name 在职人员 at the year's end; 覆盖受益群众 and 项目惠及群众 name 受益群众. The words are
 * data in quantity-vocab.ts; this module only applies them.
 */
import { normalize } from "./text/normalize.ts";
import {
  EVENT_COUNTERS,
  SUBJECT_STOP_LEAD,
  SUBJECT_STOP_TAIL,
  SUBJECT_SYNONYMS,
  SUBJECT_TOPIC_LEAD,
  TIME_FRAMES,
} from "./quantity-vocab.ts";
import { PLAIN_ADMIN_SUFFIXES } from "./vocab.ts";

export interface QuantitySubject {
  /** The normalised subject: stop words, the time frame and years removed, synonyms mapped. */
  key: string;
  /** The time frame the subject names (a key of TIME_FRAMES), or "" when it names none. */
  frame: string;
  /** True when the key is a canonical subject of SUBJECT_SYNONYMS (it names a quantity even when short). */
  known: boolean;
}

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const STOP_LEAD = byLength(SUBJECT_STOP_LEAD);
const STOP_TAIL = byLength(SUBJECT_STOP_TAIL);
const TOPIC_LEAD = byLength(SUBJECT_TOPIC_LEAD);
const FRAME_WORDS: [string, string][] = Object.entries(TIME_FRAMES)
  .flatMap(([frame, words]) => words.map((w) => [w, frame] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);
/** Any frame word: most contexts hold none, and one native search says so. */
const ANY_FRAME_WORD = new RegExp(
  FRAME_WORDS.map(([w]) => w.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|"),
);
const SYNONYM: Map<string, string> = new Map(
  Object.entries(SUBJECT_SYNONYMS).flatMap(([canon, words]) =>
    words.map((w) => [w, canon] as [string, string])
  ),
);
/** 全县/全区/全镇…: the whole area, which does not change what is counted. */
const WHOLE_AREA = new RegExp(`^全(?:${PLAIN_ADMIN_SUFFIXES.join("|")})`);
/** The unit speaking of itself: 我局, 本办, 我中心 … */
const SELF = /^[我本](?:局|办|委|院|校|中心|所|站|队|部|厅|处|单位|部门|镇|乡|街道)/;
/** A date ending the year (12月31日, 12月底) is the year's end; years are dropped (the caller keys them). */
const YEAR_END_DATE = /(?:(?:19|20)\d\d年)?12月(?:31日|底|末)/g;
const IS_YEAR_END_DATE = /12月(?:31日|底|末)/;
/** A year's digits (the 年 stays: 2023年末 → 年末, a frame). */
const YEAR = /(?:19|20)\d\d(?=年)/g;
const OTHER_DATE = /\d{1,2}月(?:\d{1,2}日)?(?:底|末)?/g;
const DIGITS = /[\d.]+/g;

function stripLead(s: string, words: readonly string[]): string {
  if (s.startsWith("共青")) return s;
  for (const w of words) if (s.startsWith(w) && s.length > w.length) return s.slice(w.length);
  return s;
}

function frameLead(s: string): [string, string] | undefined {
  for (const [w, frame] of FRAME_WORDS) {
    if (s.startsWith(w) && s.length > w.length) return [s.slice(w.length), frame];
  }
  return undefined;
}

/** The key, time frame and whether the subject is a known quantity, for a raw subject (as written). */
export function quantitySubject(raw: string): QuantitySubject {
  let frame = "";
  let s = normalize(raw);
  if (IS_YEAR_END_DATE.test(s)) frame = "end";
  s = s.replace(YEAR_END_DATE, "年末").replace(YEAR, "").replace(OTHER_DATE, "").replace(DIGITS, "");
  // One leading word at a time, frames first: 截至年末实有在职人员 → 年末实有在职人员 → 实有在职人员 → 在职人员.
  for (let i = 0; i < 12; i++) {
    const fr = frameLead(s);
    if (fr) {
      [s, frame] = [fr[0], frame || fr[1]];
      continue;
    }
    const next = stripLead(s, STOP_LEAD).replace(WHOLE_AREA, "").replace(SELF, "");
    if (next !== s) {
      s = next;
      continue;
    }
    // The 年/度 left of a year whose digits were dropped (2023年在职人员, 2023年度…).
    if (s.length > 1 && (s.startsWith("年") || s.startsWith("度"))) s = s.slice(1);
    else break;
  }
  s = stripTail(s);
  // A subject of stop words only (累计, 全年) names nothing: the caller looks elsewhere.
  if (STOP_LEAD.includes(s) || STOP_TAIL.includes(s) || FRAME_WORDS.some(([w]) => w === s)) s = "";
  let canon = SYNONYM.get(s);
  for (let t = s, i = 0; canon === undefined && i < 4; i++) {
    const next = stripTail(stripLead(stripLead(t, TOPIC_LEAD), STOP_LEAD));
    if (next === t) break;
    t = next;
    canon = SYNONYM.get(t);
  }
  return canon !== undefined ? { key: canon, frame, known: true } : { key: s, frame, known: false };
}

function stripTail(s: string): string {
  for (let i = 0; i < 4; i++) {
    const w = STOP_TAIL.find((w) => s.endsWith(w) && s.length > w.length);
    if (!w) break;
    s = s.slice(0, s.length - w.length);
  }
  return s;
}

/**
 * The time frame named right before a figure outside its subject: in its clause (…截至年末，在职人员…) or a
 * short leading adverbial clause of its sentence (截至2023年12月31日，…). "" when none.
 */
export function frameOfContext(before: string): string {
  const s = normalize(before);
  if (IS_YEAR_END_DATE.test(s)) return "end";
  const plain = s.replace(YEAR, "").replace(DIGITS, "");
  if (!ANY_FRAME_WORD.test(plain)) return "";
  let best: [number, string] | undefined;
  for (const [w, frame] of FRAME_WORDS) {
    const at = plain.lastIndexOf(w);
    if (at >= 0 && (!best || at > best[0])) best = [at, frame];
  }
  return best?.[1] ?? "";
}

/**
 * The subject of a clause that counts events (开展培训12期 → 培训), for a figure whose own subject is only stop
 * words (…，累计1200人次). "" when the clause holds no such count.
 */
export function eventSubject(clause: string): string {
  const s = normalize(clause);
  const counters = byLength(EVENT_COUNTERS).join("|");
  const m = s.match(new RegExp(`^(.*?)[\\d.]+(?:${counters})$`));
  return m ? m[1] : "";
}
