/** What every relation finder works on: one text (paragraph, heading or cell) and its figures, in order. */
import type { Figure, FigureLocation } from "../../model/figure.ts";
import { isRateUnit } from "../numbers.ts";
import { clauseAround, type Offsets as Span } from "../../analysis/segment.ts";

export interface TextView {
  text: string;
  /** Figures of this text, ordered by start offset. */
  figures: Figure[];
  /** True for a table cell (most relations are read from running text only). */
  cell: boolean;
}

export function locOf(fig: Figure, span: Span): FigureLocation {
  const { start: _s, end: _e, ...place } = fig.loc;
  return { ...place, start: span.start, end: span.end };
}

export function within(f: Figure, s: Span): boolean {
  return f.loc.start >= s.start && f.loc.end <= s.end;
}

/** A figure usable in exact arithmetic: stated exactly, no range. */
export function isExact(f: Figure): boolean {
  return f.approx === "exact" && !f.range;
}

export function isRate(f: Figure): boolean {
  return isRateUnit(f.unit);
}

/** The clause of a figure in its text. */
export function clauseOf(view: TextView, f: Figure): Span {
  return clauseAround(view.text, f.loc.start, f.loc.end);
}

/** Text of the clause before a figure: 较上年度增加 for 较上年度增加15.08%. */
export function clauseTextBefore(view: TextView, f: Figure): string {
  return view.text.slice(clauseOf(view, f).start, f.loc.start);
}

/** Parenthesis depth at each offset ((), （）). */
export function parenDepth(text: string): Uint8Array {
  const d = new Uint8Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "（" || c === "(") depth++;
    d[i] = depth;
    if ((c === "）" || c === ")") && depth > 0) depth--;
  }
  d[text.length] = depth;
  return d;
}
