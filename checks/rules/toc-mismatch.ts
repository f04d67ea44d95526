/**
 * toc-mismatch: the 目录 against the body: entries the body lacks, body sections the 目录 lacks, the same
 * entry with another number or title, annexes listed but empty.
 */
import type { Document, HeadingBlock, NumberingStyle, ParagraphBlock } from "../../src/model/document.ts";
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import { evidence } from "../../src/analysis/evidence.ts";
import { parseMarker } from "../../src/ingest/headings.ts";
import { titleKey } from "../../src/analysis/text/normalize.ts";
import { similarity } from "../lib/similarity.ts";
import { h, toc } from "../../src/testing/doc-spec.ts";

/** Nothing beyond the evidence: the 目录 line and, where there is one, the body heading. */
type NoDetails = Record<string, never>;

type Details = {
  "missing-in-body": NoDetails;
  "missing-in-toc": NoDetails;
  /** The 目录 line and the body heading with the same title, as written. */
  number: { toc: string; body: string };
  /** The two titles with the same number, without numbering, as compared (NFKC, no spaces or punctuation). */
  title: { toc: string; body: string };
  "empty-annex": NoDetails;
  /** How many 目录 entries the body lacks (all of them). */
  "toc-unmatched": { entries: number };
  /** The run of entries at the end of the 目录 that the body lacks: how many, the first and the last. */
  "tail-missing": { entries: number; from: string; to: string };
};

/** From this many missing entries at the end of the 目录 on, they are one finding: the body stops early. */
const TAIL_RUN = 3;

interface Entry {
  block: ParagraphBlock;
  marker: string;
  /** The numbering style of the entry's marker, when it has one. */
  style?: NumberingStyle;
  title: string;
}

/** Equal titles, or one the short form of the other (评价指标体系 for 某局2023年部门整体支出绩效评价指标体系). */
function sameEntry(body: string, toc: string): boolean {
  return body === toc || (toc.length >= 4 && body.length >= 4 && (body.endsWith(toc) || toc.endsWith(body)));
}

function entries(doc: Document): Entry[] {
  return doc.blocks
    .filter((b): b is ParagraphBlock => b.kind === "paragraph" && b.role === "toc")
    .map((block) => {
      const m = parseMarker(block.text);
      return {
        block,
        marker: titleKey(m?.number.raw ?? ""),
        style: m?.number.style,
        title: titleKey(m ? m.title : block.text),
      };
    });
}

/** An annex heading often holds only "附件N"; its title is then the next short paragraph. */
function headingTitle(doc: Document, h: HeadingBlock): string {
  if (titleKey(h.title) !== "" || h.number.style !== "annex") return titleKey(h.title);
  const next = doc.blocks[h.index + 1];
  return next && next.kind !== "table" && next.text.length <= 40 ? titleKey(next.text) : "";
}

function isInsideAnnex(doc: Document, h: HeadingBlock): boolean {
  let id = doc.sections[h.section]?.parent;
  while (id) {
    const s = doc.sections[id];
    const hb = doc.blocks[s.headingBlock];
    if (hb?.kind === "heading" && hb.number.style === "annex") return true;
    id = s.parent;
  }
  return false;
}

/** True when an annex has nothing but its heading (and the title line under it). */
function isEmptySection(doc: Document, h: HeadingBlock): boolean {
  const s = doc.sections[h.section];
  const titleLine = titleKey(h.title) === "" ? h.index + 1 : -1;
  const content = s.blocks.filter((i) => {
    const b = doc.blocks[i];
    return i !== h.index && i !== titleLine && (b.kind === "table" || titleKey(b.text) !== "");
  });
  return s.children.length === 0 && content.length === 0;
}

function emptyAnnex(doc: Document, e: Entry, h: HeadingBlock): FindingDraft<Details> {
  return {
    message: `目录列出的“${e.block.text}”在正文中只有标题，没有内容。`,
    hint: "补齐该附件的内容，或从目录中删去。",
    evidence: [evidence(doc, e.block.index, e.block.text), evidence(doc, h.index, h.text)],
    messageId: "empty-annex",

    details: {},
  };
}

/**
 * When not one entry matches the body, the 目录 as a whole belongs to another version of the document (or
 * the file is incomplete): one finding for the whole 目录, not one per entry.
 */
function unmatchedToc(doc: Document, missing: Entry[]): FindingDraft<Details> {
  return {
    message: `目录的${missing.length}项在正文中都找不到对应章节，目录可能未随正文更新，或取自其他文档。`,
    hint: "按正文的实际结构重新生成目录（在 Word 中更新目录域）。",
    evidence: missing.map((e) => evidence(doc, e.block.index, e.block.text)),
    messageId: "toc-unmatched",

    details: { entries: missing.length },
  };
}

/**
 * The last entries of the 目录, none of them in the body: the body stops before them (a file cut short, or
 * sections never written), or the 目录 is another version's. One finding for the run, not one per entry.
 */
function tailMissing(doc: Document, tail: Entry[]): FindingDraft<Details> {
  const [first, last] = [tail[0].block.text, tail[tail.length - 1].block.text];
  return {
    message:
      `目录自“${first}”起的${tail.length}项（至“${last}”）在正文中都找不到对应章节：正文可能缺少后续章节（文件不完整），或目录取自其他版本。`,
    hint: "核对正文是否完整；若这些章节确已删去，按正文的实际结构更新目录。",
    evidence: tail.map((e) => evidence(doc, e.block.index, e.block.text)),
    messageId: "tail-missing",
    details: { entries: tail.length, from: first, to: last },
  };
}

/** The same number written in the same style: 一、 and （一） are different levels. */
function sameMarker(e: Entry, h: HeadingBlock): boolean {
  return titleKey(h.number.raw) === e.marker && (!e.style || h.number.style === e.style);
}

/** The entry and the body heading of the same title under another number. */
function numberFinding(doc: Document, e: Entry, h: HeadingBlock): FindingDraft<Details> {
  return {
    message: `目录中“${e.block.text}”在正文中编号为“${h.text}”，编号不一致。`,
    hint: "按正文的实际结构更新目录（在 Word 中更新目录域），或修正正文编号。",
    evidence: [evidence(doc, e.block.index, e.block.text), evidence(doc, h.index, h.text)],
    messageId: "number",
    details: { toc: e.block.text, body: h.text },
  };
}

/** The entry and the body heading of the same number whose titles differ. */
function titleFinding(doc: Document, e: Entry, h: HeadingBlock, bodyTitle: string): FindingDraft<Details> {
  const close = similarity(bodyTitle, e.title) >= 0.8;
  return {
    // A near-identical title (年 vs 年度) is a wording slip, not a structural mismatch.
    ...(close ? { severity: "info" as const } : {}),
    message: `目录中“${e.block.text}”与正文标题“${h.text}${h.title === "" ? " " + bodyTitle : ""}”不一致。`,
    hint: "统一目录与正文的标题文字。",
    evidence: [evidence(doc, e.block.index, e.block.text), evidence(doc, h.index, h.text)],
    messageId: "title",
    details: { toc: e.title, body: bodyTitle },
  };
}

/**
 * Sections renamed in the body (目录 一、项目基本情况, body 一、项目概况): an entry found nowhere and the one
 * unlisted heading of its number that stands where the entry would, between the headings its matched
 * neighbours in the 目录 point to. At least one neighbour must be matched.
 */
function renamedSections(
  toc: Entry[],
  missing: Entry[],
  matched: Map<Entry, HeadingBlock>,
  headings: HeadingBlock[],
  used: Set<HeadingBlock>,
): [Entry, HeadingBlock][] {
  const out: [Entry, HeadingBlock][] = [];
  const taken = new Set<HeadingBlock>();
  for (const e of missing) {
    if (e.marker === "") continue;
    const i = toc.indexOf(e);
    const before = toc.slice(0, i).findLast((x) => matched.has(x));
    const after = toc.slice(i + 1).find((x) => matched.has(x));
    if (!before && !after) continue;
    const lo = before ? matched.get(before)!.index : -1;
    const hi = after ? matched.get(after)!.index : Infinity;
    const candidates = headings.filter((h) =>
      !used.has(h) && !taken.has(h) && sameMarker(e, h) && lo < h.index && h.index < hi
    );
    if (candidates.length !== 1) continue;
    taken.add(candidates[0]);
    out.push([e, candidates[0]]);
  }
  return out;
}

function checkToc(doc: Document): FindingDraft<Details>[] {
  const toc = entries(doc);
  if (toc.length === 0) return [];
  const headings = doc.blocks.filter((b): b is HeadingBlock => b.kind === "heading" && b.origin === "body");
  // No body heading was recognised (an excerpt, or an outline the reader could not see): nothing to compare
  // the 目录 with, so nothing can be claimed about it.
  if (headings.length === 0) return [];
  const titles = new Map(headings.map((h) => [h, headingTitle(doc, h)]));
  const used = new Set<HeadingBlock>();
  const out: FindingDraft<Details>[] = [];
  const missing: Entry[] = [];
  /** The body heading each entry was matched with. */
  const matched = new Map<Entry, HeadingBlock>();
  const tocEv = (e: Entry) => evidence(doc, e.block.index, e.block.text);
  const take = (pred: (h: HeadingBlock) => boolean) => {
    const h = headings.find((h) => !used.has(h) && pred(h));
    if (h) used.add(h);
    return h;
  };
  for (const e of toc) {
    const annexByNumber = headings.find((h) =>
      !used.has(h) && h.number.style === "annex" && sameMarker(e, h) &&
      titles.get(h) === ""
    );
    if (annexByNumber && isEmptySection(doc, annexByNumber)) {
      used.add(annexByNumber);
      out.push(emptyAnnex(doc, e, annexByNumber));
      continue;
    }
    const exact = take((h) => sameMarker(e, h) && sameEntry(titles.get(h)!, e.title));
    if (exact) matched.set(e, exact);
    if (exact) {
      if (exact.number.style === "annex" && isEmptySection(doc, exact)) out.push(emptyAnnex(doc, e, exact));
      continue;
    }
    // The same title under another number of the same style (三、 for 二、); one of another style (（一）
    // for 一、) may be a subsection of that title, so it is tried only once renamed sections are known.
    const sameTitle = take((h) =>
      e.title !== "" && (!e.style || h.number.style === e.style) && sameEntry(titles.get(h)!, e.title)
    );
    if (sameTitle) {
      matched.set(e, sameTitle);
      out.push(numberFinding(doc, e, sameTitle));
      continue;
    }
    const sameNumber = take((h) =>
      // Annexes are identified by their number alone; other headings need a similar title too.
      sameMarker(e, h) && e.marker !== "" &&
      (h.number.style === "annex" || similarity(titles.get(h)!, e.title) >= 0.5)
    );
    if (sameNumber) {
      matched.set(e, sameNumber);
      out.push(titleFinding(doc, e, sameNumber, titles.get(sameNumber)!));
      continue;
    }
    missing.push(e);
    out.push({
      message: `目录中的“${e.block.text}”在正文中找不到对应章节。`,
      hint: "补写该章节，或从目录中删去。",
      evidence: [tocEv(e)],
      messageId: "missing-in-body",

      details: {},
    });
  }
  for (const [e, h] of renamedSections(toc, missing, matched, headings, used)) {
    used.add(h);
    matched.set(e, h);
    missing.splice(missing.indexOf(e), 1);
    const at = out.findIndex((f) =>
      f.messageId === "missing-in-body" && f.evidence[0].block === e.block.index
    );
    out.splice(at, 1, titleFinding(doc, e, h, titles.get(h)!));
  }
  for (const e of [...missing]) {
    const sameTitle = take((h) => e.title !== "" && sameEntry(titles.get(h)!, e.title));
    if (!sameTitle) continue;
    matched.set(e, sameTitle);
    missing.splice(missing.indexOf(e), 1);
    const at = out.findIndex((f) =>
      f.messageId === "missing-in-body" && f.evidence[0].block === e.block.index
    );
    out.splice(at, 1, numberFinding(doc, e, sameTitle));
  }
  if (used.size === 0 && missing.length >= 2) {
    return [...out.filter((f) => f.messageId !== "missing-in-body"), unmatchedToc(doc, missing)];
  }
  const tail = toc.slice(toc.findLastIndex((e) => !missing.includes(e)) + 1);
  if (tail.length >= TAIL_RUN) {
    const inTail = new Set(tail.map((e) => e.block.index));
    const kept = out.filter((f) => f.messageId !== "missing-in-body" || !inTail.has(f.evidence[0].block));
    out.splice(0, out.length, ...kept, tailMissing(doc, tail));
  }
  const tocLevels = new Set([...used].map((h) => h.level));
  const tocListsAnnex = toc.some((e) => /^附件|^附表/.test(e.block.text.trim()));
  for (const h of headings) {
    if (used.has(h) || !tocLevels.has(h.level) || isInsideAnnex(doc, h)) continue;
    // Where the 目录 lists none of this heading's siblings it simply stops at the level above: a note only.
    const siblings = doc.sections[doc.sections[h.section].parent ?? "s0"]?.children ?? [];
    const listed = siblings.some((id) => [...used].some((u) => u.section === id));
    // A 目录 that lists no annex at all stops before the annexes, as many do: a note only.
    const unlistedAnnex = h.number.style === "annex" && !tocListsAnnex;
    out.push({
      ...(listed && !unlistedAnnex ? {} : { severity: "info" as const }),
      message: `正文章节“${h.text}”未列入目录。`,
      hint: "更新目录，使其包含全部章节。",
      evidence: [evidence(doc, h.index, h.text)],
      messageId: "missing-in-toc",

      details: {},
    });
  }
  return out;
}

export const tocMismatch = defineRule<Details>({
  meta: {
    id: "toc-mismatch",
    severity: "warning",
    title: "目录与正文不符",
    messages: {
      "missing-in-body": { description: "目录项在正文中找不到" },
      "missing-in-toc": { description: "正文章节未列入目录" },
      number: { description: "目录与正文编号不一致" },
      title: { description: "目录与正文标题不一致" },
      "empty-annex": { description: "目录列出的附件没有内容" },
      "toc-unmatched": { description: "目录整体与正文不对应" },
      "tail-missing": { description: "目录末尾连续多项在正文中找不到" },
    },
    docs: {
      summary:
        "目录 entries against body headings: missing either way, different numbers or titles, empty annexes.",
      rationale:
        "A 目录 that does not match the body shows sections were added, dropped or renumbered after the " +
        "report was assembled, often by copying from another report.",
      examples: [
        {
          title: "目录编号与正文不一致",
          kind: "invalid",
          messageId: "number",
          doc: [
            { text: "目录", role: "toc-heading" },
            toc("一、基本情况"),
            toc("三、存在的问题"),
            h(1, "一、基本情况"),
            "正文。",
            h(1, "二、存在的问题"),
            "正文。",
          ],
        },
        {
          title: "目录与正文一致",
          kind: "valid",
          doc: [
            { text: "目录", role: "toc-heading" },
            toc("一、基本情况"),
            toc("二、存在的问题"),
            h(1, "一、基本情况"),
            "正文。",
            h(1, "二、存在的问题"),
            "正文。",
          ],
        },
      ],
    },
  },
  check: ({ doc }) => checkToc(doc),
});
