/** What the conflicting-figure rules share: comparing figures, sections named after a subject, years. */
import type { Figure } from "../../../src/model/figure.ts";
import type { Document } from "../../../src/model/document.ts";
import type { Span } from "../../../src/analysis/segment.ts";
import type { Views } from "../../../src/analysis/views.ts";
import { intervalOf } from "../../../src/extract/tolerance.ts";
import { normalize } from "../../../src/analysis/text/normalize.ts";

/**
 * A section title naming one subject — a project, a place, a body (（一）农田水利建设项目, 二、白沙村) — not a
 * part of the outline (（一）项目概况, 二、绩效分析).
 */
const SUBJECT_TITLE =
  /\p{Script=Han}{2,}(?:项目|工程|村|社区|镇|乡|街道|片区|基地|学校|幼儿园|医院|卫生院|中心|站|所)$/u;

/** The innermost section (or ancestor) whose title names one subject, if any. */
export function subjectSection(doc: Document, section: string): string | undefined {
  for (let id: string | null = section; id !== null && doc.sections[id]; id = doc.sections[id].parent) {
    const title = normalize(doc.sections[id].title).replace(
      /^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/,
      "",
    );
    if (SUBJECT_TITLE.test(title)) return id;
  }
  return undefined;
}

/** A figure after 其中 in its sentence with no whole known: part of something the key cannot name. */
export function partOfUnknownWhole(text: string, f: Figure, sentences: readonly Span[]): boolean {
  const sentence = sentences.find((s) => s.start <= f.loc.start && f.loc.start < s.end);
  return !!sentence && text.slice(sentence.start, f.loc.start).includes("其中");
}

/**
 * Years written in the sentence holding a position other than the year evaluated, as a key: figures of
 * different years are different quantities. Cached per sentence.
 */
export function yearsKey(views: Views, sentences: readonly Span[], pos: number, docYear?: number): string {
  const sentence = sentences.find((s) => s.start <= pos && pos < s.end);
  if (!sentence) return "";
  const years = views.per("conflicting-figure:years", sentence, (s) => {
    const years = new Set<number>();
    for (const m of s.text.matchAll(/((?:19|20)\d\d)\s*年/g)) years.add(Number(m[1]));
    return [...years].sort();
  });
  return years.filter((y) => y !== docYear).join(",");
}

/** Compatible when either value lies within the other's rounding interval (both in the base unit). */
export function compatible(a: Figure, b: Figure): boolean {
  const within = (x: Figure, y: Figure) => {
    const iv = intervalOf(x);
    const eps = 1e-9 * Math.max(1, Math.abs(y.value));
    return iv.low - eps <= y.value && y.value <= iv.high + eps;
  };
  return within(a, b) || within(b, a);
}
