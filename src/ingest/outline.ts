/**
 * Outline levels of the headings, from the numbering styles this document uses, not fixed per style.
 *
 * The document is cut into scopes by its containers: 第X部分 parts and 附件N annexes. Within a scope, the
 * numbering styles used by hand-numbered headings are ranked by convention (一、 > （一） > 1. > （1） > ①)
 * and numbered densely below the container: a part that starts at （一） gives （一） level 2, and 一、
 * under the next part is level 2 too, so the two lists of 一、 are siblings under different parents.
 * Word heading styles and outline levels keep their level (offset by an enclosing hand-written part, or any
 * annex). A hand-numbered heading never closes a Word-styled heading of another numbering style. Unnumbered
 * bold or centred heading lines nest under the current heading. Inside an annex every heading nests under
 * the annex label until the next annex, as before.
 */
import type { NumberingStyle } from "../model/document.ts";

export interface OutlineInput {
  style: NumberingStyle;
  /** Conventional rank of the numbering style (ParsedMarker.level); ignored for "none". */
  rank: number;
  /** Level from a Word heading style or outline level, when the paragraph has one. */
  explicit?: number;
  /** Heading text (a 第X部分 附件 part holds the annexes that follow it). */
  title: string;
}

const MAX_LEVEL = 9;
const ANNEX_PART = /附件|附表|附录/;

interface Open {
  level: number;
  style: NumberingStyle;
  explicit: boolean;
}

const isFormat = (o: Open | undefined): o is Open => o !== undefined && o.style === "none" && !o.explicit;

const isContainer = (h: OutlineInput) =>
  h.style === "annex" || (h.style === "part" && h.explicit === undefined);

/** The level (1–9) of each heading; null entries (body paragraphs, tables) stay null. */
export function outlineLevels(headings: (OutlineInput | null)[]): (number | null)[] {
  // Pass 1: the hand-numbered styles of each scope.
  const scopeOf: number[] = [];
  const styles: Map<NumberingStyle, number>[] = [new Map()];
  headings.forEach((h, i) => {
    if (!h) return;
    if (isContainer(h)) styles.push(new Map());
    scopeOf[i] = styles.length - 1;
    if (!isContainer(h) && h.explicit === undefined && h.style !== "none" && h.style !== "part") {
      styles[styles.length - 1].set(h.style, h.rank);
    }
  });
  const denseRank = styles.map((m) => {
    const ranked = [...m.entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s);
    return new Map(ranked.map((s, k) => [s, k]));
  });

  // Pass 2: levels, following the open headings as build.ts nests them.
  const stack: Open[] = [];
  let base = 0; // level of the enclosing container that offsets levels
  let annexLevel = 0; // level of the open annex, 0 outside annexes
  let annexPart = 0; // level of an open 第X部分 附件 part, 0 when none
  const out: (number | null)[] = [];
  const push = (level: number, h: OutlineInput) => {
    const l = Math.min(Math.max(level, 1), MAX_LEVEL);
    while (stack.length && stack[stack.length - 1].level >= l) stack.pop();
    stack.push({ level: l, style: h.style, explicit: h.explicit !== undefined });
    return l;
  };
  headings.forEach((h, i) => {
    if (!h) return void out.push(null);
    if (h.style === "annex") {
      annexLevel = push(annexPart + 1, h);
      base = annexLevel;
      return void out.push(annexLevel);
    }
    if (h.style === "part") {
      const level = annexLevel ? annexLevel + 1 : h.explicit ?? 1;
      const l = push(level, h);
      if (h.explicit === undefined) base = l;
      if (!annexLevel) annexPart = ANNEX_PART.test(h.title) ? l : 0;
      return void out.push(l);
    }
    if (h.explicit !== undefined) return void out.push(push(base + h.explicit, h));
    if (h.style === "none") {
      // A bold or centred line after another one is its sibling, else it nests under the current heading.
      const top = stack[stack.length - 1];
      const level = isFormat(top) ? top.level : (stack.length ? stack[stack.length - 1].level : base) + 1;
      return void out.push(push(level, h));
    }
    let level = base + 1 + (denseRank[scopeOf[i]].get(h.style) ?? 0);
    const styled = stack.findLast((s) => s.explicit);
    if (styled && styled.style !== h.style && styled.level >= level) level = styled.level + 1;
    out.push(push(level, h));
  });
  return out;
}
