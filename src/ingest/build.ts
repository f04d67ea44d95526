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
  TableBlock,
  TableUnit,
} from "../model/document.ts";
import type { RawBlock, RawDocument, RawParagraph } from "../model/raw.ts";
import { formatHeading, manualHeading, parseMarker } from "./headings.ts";
import { outlineLevels } from "./outline.ts";
import { findToc } from "./toc.ts";
import { documentMeta, findTitle } from "./meta.ts";
import { headerRowCount, resolveGrid } from "./grid.ts";
import { statedUnit, tableShape } from "./table-shape.ts";

interface HeadingInfo {
  /** Conventional rank of the numbering (ParsedMarker.level), or the Word level for a styled heading. */
  level: number;
  number: HeadingNumber;
  title: string;
  source: "style" | "manual" | "format";
}

const NO_NUMBER: HeadingNumber = { style: "none", value: 0, raw: "" };

/** How a raw paragraph reads as a heading, or null when it is body text. */
export function detectHeading(p: RawParagraph): HeadingInfo | null {
  if (p.origin !== "body" || p.text.trim() === "") return null;
  if (p.styleLevel && p.styleLevel >= 1) {
    const marker = parseMarker(p.text) ?? (p.listLabel ? parseMarker(p.listLabel + p.text) : null);
    const level = Math.min(p.styleLevel, 9);
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
  addFormatHeadings(raw.blocks, headings, firstHeading);
  const levels = outlineLevels(headings.map((h) =>
    h && {
      style: h.number.style,
      rank: h.level,
      ...(h.source === "style" ? { explicit: h.level } : {}),
      title: h.title,
    }
  ));
  const frontEnd = firstHeading < 0 ? raw.blocks.length : firstHeading;
  const skip = new Set(tocEntries);
  if (toc) skip.add(toc.heading);
  const titleInfo = findTitle(raw.blocks, frontEnd, skip);
  const titleLines = new Set(titleInfo.lines);

  const root = rootSection();
  const sections: Record<string, Section> = { s0: root };
  const stack: Section[] = [root];
  let sectionCount = 1;
  let tableIndex = 0;
  const blocks: Block[] = raw.blocks.map((b, index) => {
    const h = headings[index];
    if (b.kind === "paragraph" && h) {
      const treeLevel = levels[index]!;
      while (stack.length > 1 && stack[stack.length - 1].level >= treeLevel) stack.pop();
      const parent = stack[stack.length - 1];
      const title = b.text.trim();
      const sec: Section = {
        id: `s${sectionCount++}`,
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
        // A Word-styled heading keeps its style's level; others take their inferred outline level.
        level: h.source === "style" ? h.level : treeLevel,
      };
      return heading;
    }
    const section = stack[stack.length - 1];
    section.blocks.push(index);
    return b.kind === "paragraph"
      ? paragraphBlock(b, index, section.id, roleOf(index))
      : tableBlock(b, index, tableIndex++, section.id, captionUnit(raw.blocks, index));
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
  if (b.bold) p.bold = true;
  if (role) p.role = role;
  return p;
}

function tableBlock(
  b: Extract<RawBlock, { kind: "table" }>,
  index: number,
  tableIndex: number,
  section: string,
  caption: TableUnit | undefined,
): TableBlock {
  const g = resolveGrid(b);
  const headerRows = headerRowCount(g, b.headerRows);
  const shape = tableShape(g.grid, headerRows, caption);
  for (const [r, c, from] of shape.continued) g.grid[r][c].continuesFrom = from;
  const t: TableBlock = {
    kind: "table" as const,
    index,
    tableIndex,
    origin: b.origin,
    section,
    rowCount: g.rowCount,
    colCount: g.colCount,
    grid: g.grid,
    headerRows,
    rows: shape.rowKinds,
    columns: shape.columns,
  };
  if (caption) t.unit = caption;
  return t;
}

/** The unit a short caption line right above the table states ("单位：万元", "（单位：元）"), up to 2 lines up. */
function captionUnit(blocks: RawBlock[], index: number): TableUnit | undefined {
  for (let i = index - 1, seen = 0; i >= 0 && seen < 2; i--) {
    const b = blocks[i];
    if (b.kind !== "paragraph") return undefined;
    if (b.text.trim() === "") continue;
    seen++;
    if (b.text.trim().length > 60) return undefined;
    const u = statedUnit(b.text);
    if (u) return u;
  }
  return undefined;
}

/**
 * Unnumbered bold or centred short lines after the first heading become headings (source "format"), except
 * a caption right before a table, the title line under a bare 附件N / 第X部分 label, and lines in a run of
 * such lines that ends the document (signature block).
 */
function addFormatHeadings(blocks: RawBlock[], headings: (HeadingInfo | null)[], first: number): void {
  if (first < 0) return;
  let lastText = blocks.length - 1;
  while (lastText > first && !isProse(blocks[lastText])) lastText--;
  for (let i = first + 1; i < lastText; i++) {
    const b = blocks[i];
    if (b.kind !== "paragraph" || b.origin !== "body" || headings[i] || b.styleLevel) continue;
    if (!formatHeading(b.text, b.bold === true, b.align === "center")) continue;
    const next = blocks.slice(i + 1).find((x) => x.kind === "table" || x.text.trim() !== "");
    if (!next || next.kind === "table") continue;
    const prev = headings[i - 1];
    if (prev && (prev.number.style === "annex" || prev.number.style === "part")) continue; // its title line
    headings[i] = { level: 0, number: NO_NUMBER, title: b.text.trim(), source: "format" };
  }
}

/** A paragraph of body text: long, or ending like a sentence. */
function isProse(b: RawBlock): boolean {
  if (b.kind !== "paragraph" || b.origin !== "body") return false;
  const t = b.text.trim();
  return t.length > 40 || /[。；;！!？?]$/.test(t);
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
