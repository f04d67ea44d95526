/** What the arithmetic checks need to know about figures: their possible values, display and placement. */
import type { Figure } from "../../../src/model/figure.ts";
import { figureInterval, type Interval } from "../../../src/extract/tolerance.ts";

export interface Bounds {
  /** Possible values in the base unit; a side may be infinite for 余/多 or 近/不到. */
  interval: Interval;
  /** True when the figure is an exact statement (only its rounding is uncertain). */
  exact: boolean;
}

/**
 * The values a figure may stand for. 约/左右 and ranges give no usable bound (undefined); 余/多/以上 bound it
 * from below, 近/不到/以下 from above. A non-negative figure cannot stand for a negative value.
 */
export function boundsOf(fig: Figure): Bounds | undefined {
  if (fig.range) return undefined;
  const iv = figureInterval(fig);
  const floor = fig.stated >= 0 ? 0 : -Infinity;
  switch (fig.approx) {
    case "exact":
      return { interval: { low: Math.max(floor, iv.low), high: iv.high }, exact: true };
    case "atLeast":
      return { interval: { low: Math.max(floor, iv.low), high: Infinity }, exact: false };
    case "atMost":
      return { interval: { low: floor, high: iv.high }, exact: false };
    default:
      return undefined;
  }
}

/** The figure as written, with its own decimals ("20.50" stays "20.50"). */
export function statedText(fig: Figure): string {
  return fig.stated.toFixed(fig.decimals);
}

/** Bare numbers when all inputs share unit and scale (969 ÷ 900), else the figures as written. */
export function displayAll(figs: Figure[]): string[] {
  const uniform = figs.every((f) =>
    f.scale === figs[0].scale && f.unit === figs[0].unit && f.approx === "exact"
  );
  return figs.map((f) => uniform ? statedText(f) : f.raw);
}

/** Units are compatible when equal; an empty unit (招商引资1100万) is compatible but not certain. */
export function unitsCompatible(a: Figure, b: Figure): { ok: boolean; certain: boolean } {
  if (a.unit === b.unit) return { ok: true, certain: true };
  if (a.unit === "" || b.unit === "") return { ok: true, certain: false };
  return { ok: false, certain: false };
}

const SENTENCE_END = /[。！？!?]/;

/** True when every figure sits in the same block (and cell) with no sentence end between them. */
export function sameSentence(text: (f: Figure) => string, figs: Figure[]): boolean {
  const first = figs[0];
  if (!first) return false;
  const sameBlock = figs.every((f) =>
    f.loc.block === first.loc.block && f.loc.table?.row === first.loc.table?.row &&
    f.loc.table?.col === first.loc.table?.col
  );
  if (!sameBlock) return false;
  const start = Math.min(...figs.map((f) => f.loc.start));
  const end = Math.max(...figs.map((f) => f.loc.end));
  return !SENTENCE_END.test(text(first).slice(start, end));
}

/** Label for a figure in messages: its subject when known, with the figure as written. */
export function label(fig: Figure): string {
  return fig.subject ? `「${fig.subject}」${fig.raw}` : fig.raw;
}
