/**
 * A 其中 list laid out as paragraphs: "本年支出800万元，其中：" ends its paragraph, and the parts follow one per
 * paragraph ("1.基本支出500万元；", "2.项目支出300万元。"). Each following paragraph holds exactly one figure of
 * the whole's unit and nothing else of note (short, no second clause with figures); the list ends with the
 * paragraph that ends in 。 or at the first one that does not fit. Parts exceeding the whole are certain;
 * falling short of it assumes the paragraphs are all the parts.
 */
import type { Document } from "../../../src/model/document.ts";
import type { Figure } from "../../../src/model/figure.ts";
import { isRateUnit } from "../../../src/extract/numbers.ts";
import type { Total } from "./totals.ts";

const OPENS_LIST = /(?:其中|包括|分别为|分别是)[：:]\s*$/;
const MAX_PART_CHARS = 60;
const MAX_PARTS = 12;

const exact = (f: Figure) => f.approx === "exact" && !f.range && !isRateUnit(f.unit);

export function paragraphListTotals(
  doc: Document,
  figuresIn: (block: number) => readonly Figure[],
): Total[] {
  const out: Total[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== "paragraph" || !OPENS_LIST.test(b.text)) continue;
    const whole = figuresIn(b.index).filter((f) => !f.loc.table && !isRateUnit(f.unit)).at(-1);
    if (!whole || !exact(whole)) continue;
    const parts: Figure[] = [];
    let closed = false;
    for (let k = b.index + 1; k < doc.blocks.length && parts.length < MAX_PARTS; k++) {
      const p = doc.blocks[k];
      if (p.kind !== "paragraph" || p.text.trim().length > MAX_PART_CHARS) break;
      const figs = figuresIn(k).filter((f) => !f.loc.table);
      if (figs.length !== 1 || figs[0].unit !== whole.unit || !exact(figs[0])) break;
      if (/等[；;。，,]?\s*$/.test(p.text.trim())) break;
      parts.push(figs[0]);
      if (/[。.]\s*$/.test(p.text.trim())) {
        closed = true;
        break;
      }
    }
    if (parts.length < 2 || !closed) continue;
    const names = parts.map((p) => p.raw).join("、");
    out.push({
      whole,
      terms: parts.map((figure) => ({ figure, sign: 1 as const })),
      quote: whole.quote,
      loc: whole.loc,
      what: "分项之和",
      certain: true,
      assume: { under: `已假设其后各段所列${names}即${whole.raw}的全部分项` },
    });
  }
  return out;
}
