/**
 * Implicit part-whole: a whole followed directly, without 其中, by parts whose names share a stem with
 * one varying word ("管理岗聘任316人，管理六级1人，管理七级25人，…管理十级7人"). Precision first: every part
 * sits alone at the end of its own clause, the parts run to the end of the sentence, all figures are exact
 * and share unit and scale, and the whole's name holds the stem.
 */
import type { Figure, PartWhole } from "../../model/figure.ts";
import { clausesOf, type Offsets as Span, sentenceAround } from "../../analysis/segment.ts";
import { clauseOf, isExact, isRate, locOf, type TextView } from "./context.ts";

const MARKED = /其中|包括|包含|含/;
const MAX_VARYING = 3;
const MIN_STEM = 2;

export function implicitPartWholes(view: TextView): PartWhole[] {
  if (view.cell || view.figures.length < 3) return [];
  const { text, figures } = view;
  const clauses = clausesOf(text);
  const out: PartWhole[] = [];
  let ci = 0;
  for (let i = 0; i + 2 < figures.length; i++) {
    const whole = figures[i];
    if (!usable(whole)) continue;
    while (ci < clauses.length && clauses[ci].end < whole.loc.end) ci++;
    if (ci === clauses.length) break;
    if (clauses[ci].start > whole.loc.start || figures[i + 1].loc.start < clauses[ci].end) continue;
    const sentence = sentenceAround(text, whole.loc.start, whole.loc.end);
    const parts: Figure[] = [];
    let j = i + 1, k = ci;
    while (j < figures.length) {
      const c = clauses[k + 1];
      const f = figures[j];
      if (!c || c.start !== clauses[k].end + 1 || c.end > sentence.end || !within(f, c)) break;
      if (figures[j + 1] && figures[j + 1].loc.start < c.end) break; // one figure per clause
      if (text.slice(f.loc.end, c.end).trim() || !usable(f) || !sameKind(whole, f)) break;
      parts.push(f);
      k++;
      j++;
    }
    if (parts.length < 2 || clauses[k].end !== sentence.end) continue;
    const span: Span = { start: clauseOf(view, whole).start, end: clauses[k].end };
    if (MARKED.test(text.slice(whole.loc.end, span.end))) continue;
    if (!sharedStem(whole.subject, parts.map((p) => p.subject))) continue;
    out.push({
      kind: "part-whole",
      whole,
      parts,
      complete: true,
      marker: "implicit",
      quote: text.slice(span.start, span.end),
      loc: locOf(whole, span),
    });
    i = j - 1;
  }
  return out;
}

function usable(f: Figure): boolean {
  return isExact(f) && !isRate(f) && f.unit !== "" && f.decimals === 0;
}

function sameKind(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && a.scale === b.scale && a.writtenUnit === b.writtenUnit;
}

function within(f: Figure, c: Span): boolean {
  return f.loc.start >= c.start && f.loc.end <= c.end;
}

/**
 * The part names are one stem with a short varying word (管理六级, 管理七级: stem 管理…级, words 六/七), all
 * words distinct, and the whole's name holds the longer end of the stem but is not itself such a name.
 */
function sharedStem(wholeName: string, names: string[]): boolean {
  let pre = names[0].length, suf = names[0].length;
  for (const n of names.slice(1)) {
    pre = Math.min(pre, commonPrefix(names[0], n));
    suf = Math.min(suf, commonSuffix(names[0], n));
  }
  const words = names.map((n) => n.slice(pre, n.length - suf));
  if (words.some((w) => w.length < 1 || w.length > MAX_VARYING) || new Set(words).size !== words.length) {
    return false;
  }
  const prefix = names[0].slice(0, pre), suffix = names[0].slice(names[0].length - suf);
  const stem = prefix.length >= suffix.length ? prefix : suffix;
  if (stem.length < MIN_STEM || !wholeName.includes(stem)) return false;
  // 财政拨款收入450万元，事业收入20万元，其他收入30万元: a whole that ends like its parts (…收入) and is not
  // named as a total is one more sibling, not their sum.
  if (stem === suffix && wholeName.endsWith(suffix) && !/总|合计|共|全部|累计/.test(wholeName)) return false;
  const wholeWord = wholeName.length - pre - suf;
  const sibling = wholeName.startsWith(prefix) && wholeName.endsWith(suffix) && wholeWord >= 1 &&
    wholeWord <= MAX_VARYING;
  return !sibling;
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

function commonSuffix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}
