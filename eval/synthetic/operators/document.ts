/** Operators on the document as a whole: year, unit name, duplicated paragraph, headings, 目录. */
import { chinese, fullWidth } from "../format.ts";
import { TOC_RENAMES } from "../data.ts";
import type { Heading, Para, ReportModel, TocBlock } from "../model.ts";
import { group, isPara, type Operator, pickOr, replaceIn, unused } from "./util.ts";

/** Last year's plan or target table cited as this year's basis. */
export const staleYear: Operator = (model, rng) => {
  const f = pickOr(rng, unused(model, model.facts.years));
  if (!f) return undefined;
  const stale = f.snippet.replace(`${f.year}年`, `${f.year - 1}年`);
  if (!replaceIn(model, f.block, f.snippet, stale)) return undefined;
  f.used = true;
  return {
    rules: ["stale-year"],
    groups: [group(String(f.year - 1))],
    what: `${f.year}年度的报告以上年文件为依据：${stale}。`,
  };
};

/** Another county's same unit, or another department, named where this unit should be. */
export const foreignEntity: Operator = (model, rng) => {
  const f = pickOr(rng, unused(model, model.facts.entities));
  if (!f) return undefined;
  const other = rng.chance(0.5) ? model.foreign.sameKind : model.foreign.otherDept;
  if (!replaceIn(model, f.block, f.snippet, other)) return undefined;
  f.used = true;
  // The distinctive part: another county's name, or the other department's own name.
  const distinctive = other.startsWith(model.county) ? other.slice(model.county.length) : other.slice(0, 3);
  return {
    rules: ["entity"],
    groups: [group(other, distinctive)],
    what: `报告中出现其他单位名称“${other}”，应为“${f.unit}”。`,
  };
};

/** A body paragraph copied into another chapter. */
export const duplicateParagraph: Operator = (model, rng) => {
  const firstHeading = model.blocks.findIndex((b) => b.kind === "heading");
  const chapterOf = (i: number) =>
    model.blocks.slice(0, i + 1).filter((b) => b.kind === "heading" && b.level === 1).length;
  const candidates = model.blocks
    .map((b, i) => ({ b, i }))
    .filter(({ b, i }) => i > firstHeading && isPara(b) && b.text.length >= 40 && !b.bold && !b.align);
  const src = pickOr(rng, candidates);
  if (!src) return undefined;
  const h1s = model.blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.kind === "heading" && b.level === 1);
  const chapters = h1s.filter((_, k) => k + 1 !== chapterOf(src.i));
  const target = pickOr(rng, chapters.filter(({ i }) => i > firstHeading));
  if (!target) return undefined;
  // Insert after the target chapter's first paragraph.
  let at = target.i + 1;
  while (at < model.blocks.length && model.blocks[at].kind === "heading") at++;
  at = Math.min(at + 1, model.blocks.length);
  const p = src.b as Para;
  const copy: Para = { ...p, id: `${p.id}-copy` };
  model.blocks.splice(at, 0, copy);
  const start = p.text.slice(0, 14);
  return {
    rules: ["duplicate"],
    groups: [p.fullWidth ? [fullWidth(start), start] : [start]],
    what: `段落“${p.text.slice(0, 20)}…”在另一章节重复出现。`,
  };
};

/** Runs of sibling headings (the chapters, and the sections of each chapter) with at least 3 members. */
function siblings(model: ReportModel): Heading[][] {
  const chapters: Heading[] = [];
  const runs: Heading[][] = [chapters];
  for (const b of model.blocks) {
    if (b.kind !== "heading") continue;
    if (b.level === 1) {
      chapters.push(b);
      runs.push([]);
    } else runs[runs.length - 1].push(b);
  }
  return runs.filter((g) => g.length >= 3);
}

function syncToc(model: ReportModel, h: Heading): void {
  const toc = model.blocks.find((b): b is TocBlock => b.kind === "toc");
  for (const e of toc?.entries ?? []) if (e.heading === h.id) e.text = h.num + h.title;
}

/** A heading number skipped (一、二、四) or repeated (一、二、二、四); the 目录 follows the headings. */
export const headingNumbering: Operator = (model, rng) => {
  const g = pickOr(rng, siblings(model));
  if (!g) return undefined;
  const k = rng.int(1, g.length - 1);
  const fmt = (n: number) => g[0].level === 1 ? `${chinese(n)}、` : `（${chinese(n)}）`;
  const skip = rng.chance(0.5);
  if (skip) g.slice(k).forEach((h, j) => (h.num = fmt(k + j + 2)));
  else g[k].num = g[k - 1].num;
  for (const h of g) syncToc(model, h);
  return {
    rules: ["heading-numbering"],
    groups: [group(g[k].num + g[k].title)],
    what: skip
      ? `标题编号跳号：“${g[k - 1].num + g[k - 1].title}”之后为“${g[k].num + g[k].title}”。`
      : `标题编号重复：“${g[k].num}”出现两次。`,
  };
};

/** A 目录 entry renamed, so it no longer matches its heading. */
export const tocRenamed: Operator = (model, rng) => {
  const toc = model.blocks.find((b): b is TocBlock => b.kind === "toc");
  if (!toc) return undefined;
  const headings = new Map(
    model.blocks.filter((b): b is Heading => b.kind === "heading").map((h) => [h.id, h]),
  );
  const entry = pickOr(
    rng,
    toc.entries.filter((e) => {
      const h = headings.get(e.heading);
      return h && e.text === h.num + h.title && TOC_RENAMES[h.title];
    }),
  );
  if (!entry) return undefined;
  const h = headings.get(entry.heading)!;
  const renamed = TOC_RENAMES[h.title];
  entry.text = h.num + renamed;
  return {
    rules: ["toc"],
    groups: [group(renamed)],
    what: `目录“${entry.text}”与正文标题“${h.num + h.title}”不一致。`,
  };
};
