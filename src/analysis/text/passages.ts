/** Sentences of every text unit with their comparison keys, for the sentence-level rules. */
import { normalize } from "./normalize.ts";
import { skeleton } from "./masking.ts";
import { charCount } from "./chars.ts";
import { type Span, splitSentences } from "../segment.ts";
import type { TextUnit } from "./units.ts";

export interface Sentence extends Span {
  /** Normalised text (numbers kept). */
  norm: string;
  /** Normalised text with numbers masked: equal skeletons differ at most in their numbers. */
  skel: string;
  /** Length of the normalised text in characters. */
  length: number;
}

/** The digits skeleton masks (ASCII and full-width). */
const HAS_DIGIT = /[0-9０-９]/;

/** Sentences of a text with their comparison keys (memoised per text unit by `ctx.views.unitSentences`). */
export function sentencesOfText(text: string): Sentence[] {
  return splitSentences(text).map((s) => {
    const norm = normalize(s.text);
    // Without a digit there is nothing to mask: the skeleton is the normalised text.
    const skel = HAS_DIGIT.test(s.text) ? skeleton(s.text) : norm;
    return { text: s.text, start: s.start, end: s.end, norm, skel, length: charCount(norm) };
  });
}

/** A repeated run: sentences [i, i+length) of unit a equal (by skeleton) sentences [j, j+length) of unit b. */
export interface Run {
  i: number;
  j: number;
  length: number;
}

/**
 * Maximal runs of equal skeletons between two sentence lists (the same list when `same`, where the second
 * copy must start after the first ends). A run must start on a sentence at least `minChars` long. Sentences
 * of `b` are found through an index by skeleton; `maxMatches` caps the places of `b` tried per sentence of
 * `a` (the first ones), which only a skeleton repeated that often (template text) reaches.
 */
export function repeatedRuns(
  a: Sentence[],
  b: Sentence[],
  same: boolean,
  minChars: number,
  maxMatches = Infinity,
): Run[] {
  const runs: Run[] = [];
  const at = new Map<string, number[]>();
  for (let j = 0; j < b.length; j++) {
    const list = at.get(b[j].skel);
    if (list) list.push(j);
    else at.set(b[j].skel, [j]);
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i].length < minChars) continue;
    const places = at.get(a[i].skel);
    if (!places) continue;
    let tried = 0;
    for (const j of places) {
      if (same && j <= i) continue;
      if (++tried > maxMatches) break;
      // Not a run start when the previous sentences match too (that run is found from its own start).
      if (i > 0 && j > 0 && a[i - 1].skel === b[j - 1].skel && (!same || i - 1 < j - 1)) {
        if (a[i - 1].length >= minChars || precededBySeed(a, b, i - 1, j - 1, same, minChars)) continue;
      }
      let length = 1;
      while (
        i + length < a.length && j + length < b.length && a[i + length].skel === b[j + length].skel &&
        (!same || i + length < j)
      ) length++;
      runs.push({ i, j, length });
    }
  }
  return runs;
}

/** True when a matching stretch ending at (i, j) contains a sentence long enough to start a run. */
function precededBySeed(a: Sentence[], b: Sentence[], i: number, j: number, same: boolean, minChars: number) {
  while (i >= 0 && j >= 0 && a[i].skel === b[j].skel && (!same || i < j)) {
    if (a[i].length >= minChars) return true;
    i--;
    j--;
  }
  return false;
}

/** Text of sentences [from, from+length) of a unit, as an exact substring of the unit's text. */
export function runText(unit: TextUnit, sentences: Sentence[], from: number, length: number): {
  text: string;
  start: number;
  end: number;
} {
  const start = sentences[from].start, end = sentences[from + length - 1].end;
  return { text: unit.text.slice(start, end), start, end };
}
