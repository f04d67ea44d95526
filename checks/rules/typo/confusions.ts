/**
 * Runs the confusion table (vocab.ts) over a text. Every match of an entry contains its literal core (the
 * entry's `slip`: the wrong characters the fix replaces), so the text is scanned once for all cores and an
 * entry's full regex runs only on a text where its core occurs — the same matches, in the same order, at a
 * fraction of the cost (most texts contain none of the ~130 cores but 的/地).
 */
import type { TypoHit } from "./types.ts";
import { type Confusion, CONFUSIONS } from "./vocab.ts";

interface Compiled {
  entry: Confusion;
  regex: RegExp;
  /** Index of the entry's core in CORES. */
  core: number;
}

/** The distinct literal cores. */
const CORES: string[] = [...new Set(CONFUSIONS.map((e) => e.slip))];
const COMPILED: Compiled[] = CONFUSIONS.map((entry) => ({
  entry,
  regex: new RegExp(entry.find, "gu"),
  core: CORES.indexOf(entry.slip),
}));
/** Single-character cores (的, 地 …), found with `includes`. */
const SINGLE: number[] = [];
/** Longer cores by their first UTF-16 unit. */
const BY_FIRST: number[][] = [];
CORES.forEach((c, i) => c.length === 1 ? SINGLE.push(i) : (BY_FIRST[c.charCodeAt(0)] ??= []).push(i));
const LONGER = CORES.filter((c) => c.length > 1);
const charClass = (units: string[]) => `[${[...new Set(units)].join("").replace(/[\\\]^-]/g, "\\$&")}]`;
/**
 * Where a longer core may start: its first unit followed by a possible second one (not a unicode regex:
 * cores are compared unit by unit; the lookahead keeps every position, overlapping or not).
 */
const MAY_START = new RegExp(
  `${charClass(LONGER.map((c) => c[0]))}(?=${charClass(LONGER.map((c) => c[1]))})`,
  "g",
);

/** Which cores occur in the text: native scans, then a literal check where a longer core may start. */
function coresIn(text: string): Uint8Array | undefined {
  let found: Uint8Array | undefined;
  for (const k of SINGLE) if (text.includes(CORES[k])) (found ??= new Uint8Array(CORES.length))[k] = 1;
  MAY_START.lastIndex = 0;
  for (let m = MAY_START.exec(text); m; m = MAY_START.exec(text)) {
    for (const k of BY_FIRST[text.charCodeAt(m.index)]) {
      if (text.startsWith(CORES[k], m.index)) (found ??= new Uint8Array(CORES.length))[k] = 1;
    }
  }
  return found;
}

/**
 * `exhaustive` runs every entry's regex whatever the text (the reference the prefilter is tested against).
 */
export function findConfusions(text: string, opts: { exhaustive?: boolean } = {}): TypoHit[] {
  const out: TypoHit[] = [];
  const present = opts.exhaustive ? undefined : coresIn(text);
  if (!present && !opts.exhaustive) return out;
  for (const { entry, regex, core } of COMPILED) {
    if (present && !present[core]) continue;
    for (const m of text.matchAll(regex)) {
      if (!m[0]) continue;
      const wrong = m[0];
      const right = wrong.replace(entry.slip, entry.fix);
      out.push({
        start: m.index!,
        end: m.index! + wrong.length,
        wrong,
        right,
        kind: "confusion",
        pattern: `confusion:${entry.id}`,
        message: `“${wrong}”疑为“${right}”之误：${entry.note}。`,
        hint: `将“${wrong}”改为“${right}”。`,
      });
    }
  }
  return out;
}
