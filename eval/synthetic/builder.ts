/** Accumulates blocks and facts while a report is written, numbering headings as it goes. */
import { chinese } from "./format.ts";
import type { Block, Facts, Heading, Para, ReportModel, TocBlock } from "./model.ts";

export class Builder {
  readonly blocks: Block[] = [];
  readonly facts: Facts = {
    sums: [],
    pcts: [],
    repeats: [],
    counts: [],
    grades: [],
    years: [],
    entities: [],
    questSentences: [],
  };
  private ids = 0;
  private h1 = 0;
  private h2 = 0;
  /** Paragraphs written from now on use full-width digits. */
  fullWidth = false;

  id(prefix: string): string {
    return `${prefix}${++this.ids}`;
  }

  heading(level: 1 | 2, title: string): Heading {
    if (level === 1) {
      this.h1++;
      this.h2 = 0;
    } else this.h2++;
    const num = level === 1 ? `${chinese(this.h1)}、` : `（${chinese(this.h2)}）`;
    const h: Heading = { kind: "heading", id: this.id("h"), level, num, title };
    this.blocks.push(h);
    return h;
  }

  para(text: string, opts: Partial<Pick<Para, "align" | "bold">> = {}): Para {
    const p: Para = { kind: "para", id: this.id("p"), text, ...opts };
    if (this.fullWidth) p.fullWidth = true;
    this.blocks.push(p);
    return p;
  }

  /** A paragraph assembled from clauses; returns it so facts can point at it. */
  sentences(...parts: string[]): Para {
    return this.para(parts.join(""));
  }

  push(b: Block): void {
    this.blocks.push(b);
  }

  toc(): TocBlock {
    const t: TocBlock = { kind: "toc", id: this.id("toc"), entries: [] };
    this.blocks.push(t);
    return t;
  }
}

/** Fills the TOC from the headings (level 1, and level 2 when `deep`). */
export function fillToc(model: Pick<ReportModel, "blocks">, deep: boolean): void {
  const toc = model.blocks.find((b): b is TocBlock => b.kind === "toc");
  if (!toc) return;
  toc.entries = model.blocks
    .filter((b): b is Heading => b.kind === "heading" && (b.level === 1 || deep))
    .map((h) => ({ level: h.level, text: h.num + h.title, heading: h.id }));
}
