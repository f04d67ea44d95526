/**
 * RawDocument → Document: headings (style or manual numbering), table of contents, title lines, the section
 * tree, merged cells resolved into grids, and meta. Shared by every reader.
 */
import type {
  Block,
  Diagnostic,
  Document,
  HeadingBlock,
  HeadingNumber,
  ParagraphBlock,
  Section,
} from "../model/document.ts";
import type { RawBlock, RawDocument, RawParagraph } from "../model/raw.ts";
import { manualHeading, parseMarker } from "./headings.ts";
import { findToc } from "./toc.ts";
import { documentMeta, findTitle } from "./meta.ts";
import { headerRowCount, resolveGrid } from "./grid.ts";

interface HeadingInfo {
  level: number;
  number: HeadingNumber;
  title: string;
  source: "style" | "manual";
}

const NO_NUMBER: HeadingNumber = { style: "none", value: 0, raw: "" };

/** How a raw paragraph reads as a heading, or null when it is body text. */
export function detectHeading(p: RawParagraph): HeadingInfo | null {
  if (p.origin !== "body" || p.text.trim() === "") return null;
  if (p.styleLevel && p.styleLevel >= 1) {
    const marker = parseMarker(p.text) ?? (p.listLabel ? parseMarker(p.listLabel + p.text) : null);
    const level = marker?.number.style === "annex" ? 1 : Math.min(p.styleLevel, 9);
    return {
      level,
      number: marker?.number ?? NO_NUMBER,
      title: marker ? marker.title : p.text.trim(),
      source: "style",
    };
  }
  // Word list numbering is not in the text: the label the reader rendered stands in for a written marker.
  const marker = manualHeading(p.listLabel ? `${p.listLabel}${p.text}` : p.text);
  return marker
    ? { level: marker.level, number: marker.number, title: marker.title, source: "manual" }
    : null;
}

/** `file` (the input's name) is the last fallback for the year and the unit. */
export function buildDocument(raw: RawDocument, file?: string): Document {
  const toc = findToc(raw.blocks);
  const tocEntries = new Set(toc?.entries ?? []);
  const headings = raw.blocks.map((b, i) =>
    b.kind === "paragraph" && !tocEntries.has(i) && i !== toc?.heading ? detectHeading(b) : null
  );
  const firstHeading = headings.findIndex((h) => h !== null);
  const frontEnd = firstHeading < 0 ? raw.blocks.length : firstHeading;
  const skip = new Set(tocEntries);
  if (toc) skip.add(toc.heading);
  const titleInfo = findTitle(raw.blocks, frontEnd, skip);
  const titleLines = new Set(titleInfo.lines);

  const root = rootSection();
  const sections: Record<string, Section> = { s0: root };
  const stack: Section[] = [root];
  let inAnnex = false;
  let tableIndex = 0;
  const blocks: Block[] = raw.blocks.map((b, index) => {
    const h = headings[index];
    if (b.kind === "paragraph" && h) {
      const annex = h.number.style === "annex";
      inAnnex ||= annex;
      // Inside an annex every heading nests under the annex label, whatever its own level.
      const treeLevel = annex ? 1 : inAnnex ? Math.min(h.level + 1, 9) : h.level;
      while (stack.length > 1 && stack[stack.length - 1].level >= treeLevel) stack.pop();
      const parent = stack[stack.length - 1];
      const title = b.text.trim();
      const sec: Section = {
        id: `s${Object.keys(sections).length}`,
        title,
        level: treeLevel,
        headingBlock: index,
        parent: parent.id,
        children: [],
        blocks: [index],
        path: [...parent.path, title],
      };
      sections[sec.id] = sec;
      parent.children.push(sec.id);
      stack.push(sec);
      const heading: HeadingBlock = {
        kind: "heading",
        index,
        text: b.text,
        origin: b.origin,
        section: sec.id,
        ...h,
      };
      return heading;
    }
    const section = stack[stack.length - 1];
    section.blocks.push(index);
    return b.kind === "paragraph"
      ? paragraphBlock(b, index, section.id, roleOf(index))
      : tableBlock(b, index, tableIndex++, section.id);
  });

  function roleOf(i: number): ParagraphBlock["role"] {
    if (toc && i === toc.heading) return "toc-heading";
    if (tocEntries.has(i)) return "toc";
    return titleLines.has(i) ? "title" : undefined;
  }

  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  if (firstHeading < 0 && raw.blocks.length > 0) {
    diagnostics.push({
      level: "info",
      code: "no-headings",
      message: "未识别到任何标题（既无标题样式，也无“一、”“（一）”等编号标题），全文按一个章节处理。",
    });
  }
  return {
    meta: { ...documentMeta(raw.blocks, frontEnd, titleInfo, file), reader: raw.reader },
    blocks,
    sections,
    diagnostics,
  };
}

function paragraphBlock(
  b: RawParagraph,
  index: number,
  section: string,
  role: ParagraphBlock["role"],
): ParagraphBlock {
  const p: ParagraphBlock = { kind: "paragraph", index, text: b.text, origin: b.origin, section };
  if (b.listLabel !== undefined) p.listLabel = b.listLabel;
  if (b.align !== undefined) p.align = b.align;
  if (role) p.role = role;
  return p;
}

function tableBlock(
  b: Extract<RawBlock, { kind: "table" }>,
  index: number,
  tableIndex: number,
  section: string,
) {
  const g = resolveGrid(b);
  return {
    kind: "table" as const,
    index,
    tableIndex,
    origin: b.origin,
    section,
    rowCount: g.rowCount,
    colCount: g.colCount,
    grid: g.grid,
    headerRows: headerRowCount(g, b.headerRows),
  };
}

/** The root section "s0": front matter before the first heading. */
export function rootSection(): Section {
  return {
    id: "s0",
    title: "",
    level: 0,
    headingBlock: -1,
    parent: null,
    children: [],
    blocks: [],
    path: [],
  };
}
