/**
 * Document metadata: title, year evaluated, reporting unit and report kind, each with where it came from.
 * Title lines are found among the first lines (web-page navigation before them is passed over); then, in
 * order: a web page's 名称/标题 field, a table's header row, a title the first paragraph runs on from, a
 * file-name-shaped line, the opening sentence's "现将…报告如下". Units come from labelled fields, the title,
 * a unit line above it, a web page's 来源 line, the report's own sentences, the file name, and last the
 * organisation the first sections have as their subject (meta-body.ts). Vocabulary: meta-vocab.ts.
 */
import type { RawBlock, RawParagraph } from "../model/raw.ts";
import type { DocumentMeta } from "../model/document.ts";
import {
  fileNameTitle,
  runOnTitle,
  statedTitle,
  titleLine,
  type TitleMatch,
  unitOfTitle,
  yearOnlyLine,
} from "./meta-title.ts";
import { asUnit, fileYear, tidy, yearIn } from "./meta-unit.ts";
import { type UnitField, unitFields, yearField } from "./meta-fields.ts";
import { aliasUnit, selfReferences, subjectUnit, thirdPartyWording } from "./meta-sentence.ts";
import { KIND_WORDS, PLACE_NAMED, type ReportKind, TITLE_LABELS } from "./meta-vocab.ts";
import { bodyUnit } from "./meta-body.ts";

export interface TitleInfo {
  /** Block indices of the title lines, in order (possibly several groups, e.g. repeated after the TOC). */
  lines: number[];
  title: string | null;
  year: number | null;
  unit: string | null;
  /** "first-lines" (a line with a year), "title-line" (a title line without one), or null. */
  source: string | null;
  /** Where the unit came from: "title" or "unit-line". */
  unitSource: string | null;
  /** "title", or "year-line" for a title without a year followed by a （2021年度） line. */
  yearSource: string | null;
}

/** How many leading blocks are searched for title lines (web pages put navigation before the title). */
const MAX_FRONT_BLOCKS = 40;
const MAX_SPLIT_PART = 40;

function isCandidate(p: RawBlock | undefined): p is RawParagraph {
  return !!p && p.kind === "paragraph" && p.origin === "body" && !p.styleLevel &&
    p.align !== "justify" && p.align !== "right" && p.text.trim() !== "";
}

const text = (blocks: RawBlock[], i: number) => (blocks[i] as RawParagraph).text.trim();

/** Looks for title lines among blocks [0, end): the body before the first heading. */
export function findTitle(blocks: RawBlock[], end: number, skip: Set<number>): TitleInfo {
  const info: TitleInfo = {
    lines: [],
    title: null,
    year: null,
    unit: null,
    source: null,
    unitSource: null,
    yearSource: null,
  };
  const cands: number[] = [];
  for (let i = 0; i < Math.min(end, MAX_FRONT_BLOCKS); i++) {
    if (!skip.has(i) && isCandidate(blocks[i])) cands.push(i);
  }
  for (let j = 0; j < cands.length; j++) {
    const found = titleGroup(blocks, cands, j);
    if (!found) continue;
    const { group, match } = found;
    let unitSource = match.unit ? "title" : null;
    // the unit's name on the line above the title
    const prev = cands[cands.indexOf(group[0]) - 1];
    if (!match.unit && prev !== undefined && prev === group[0] - 1 && !info.lines.includes(prev)) {
      // a line of its own is weaker evidence than a title's prefix: centred, or starting with its place
      const line = blocks[prev] as RawParagraph;
      const unit = line.align === "center" || PLACE_NAMED.test(line.text.trim()) ? asUnit(line.text) : null;
      if (unit && !yearIn(text(blocks, prev))) {
        group.unshift(prev);
        match.unit = unit;
        match.title = tidy(text(blocks, prev) + match.title);
        unitSource = "unit-line";
      }
    }
    for (const g of group) info.lines.push(g);
    if (info.title === null) {
      Object.assign(info, { title: match.title, year: match.year, unit: match.unit, unitSource });
      info.source = "first-lines";
      info.yearSource = "title";
    }
    j = cands.indexOf(group[group.length - 1]);
  }
  if (info.title === null) yearlessTitle(blocks, cands, info);
  return info;
}

/** A title with a year at candidate j: the line itself, a year line + this line, or this line + the next. */
function titleGroup(
  blocks: RawBlock[],
  cands: number[],
  j: number,
): { group: number[]; match: TitleMatch } | null {
  const i = cands[j], t = text(blocks, i);
  const whole = titleLine(t);
  if (whole) return { group: [i], match: whole };
  const prev = cands[j - 1], next = cands[j + 1];
  if (prev === i - 1 && yearOnlyLine(text(blocks, prev)) !== null) {
    const m = titleLine(text(blocks, prev) + t);
    if (m) return { group: [prev, i], match: m };
  }
  if (
    next === i + 1 && t.length <= MAX_SPLIT_PART && yearIn(t) && text(blocks, next).length <= MAX_SPLIT_PART
  ) {
    const m = titleLine(t + text(blocks, next));
    if (m) return { group: [i, next], match: m };
  }
  return null;
}

/** A title line without a year ("某某项目绩效自评表"), with the year from a （2021年度） line under it. */
function yearlessTitle(blocks: RawBlock[], cands: number[], info: TitleInfo) {
  for (let j = 0; j < Math.min(cands.length, 12); j++) {
    const m = titleLine(text(blocks, cands[j]), true);
    if (!m) continue;
    Object.assign(info, { title: m.title, unit: m.unit, source: "title-line", lines: [cands[j]] });
    info.unitSource = m.unit ? "title" : null;
    for (const k of cands.slice(j + 1, j + 4)) {
      const y = yearOnlyLine(text(blocks, k));
      if (y !== null) {
        Object.assign(info, { year: y, yearSource: "year-line" });
        info.lines.push(k);
        break;
      }
    }
    return;
  }
}

type Sources = NonNullable<DocumentMeta["sources"]>;
type Meta = Omit<DocumentMeta, "reader">;

const LABELLED_TITLE = new RegExp(`^(?:${TITLE_LABELS.join("|")})\\s*[：:]\\s*[|｜]?\\s*([^|｜]+)`);

/** The title when no title line was found: web-page 名称 field, table header, run-on, file-name line, sentence. */
function fallbackTitle(
  blocks: RawBlock[],
  paragraphs: string[],
): { match: TitleMatch; source: string } | null {
  const front = blocks.slice(0, MAX_FRONT_BLOCKS);
  for (const b of front) {
    if (b.kind !== "paragraph") continue;
    const m = LABELLED_TITLE.exec(b.text.trim());
    const match = m ? titleLine(m[1], true) : null;
    if (match) return { match, source: "field:名称" };
  }
  for (const b of front) {
    if (b.kind !== "table" || b.rows.length === 0) continue;
    const head = [...new Set(b.rows[0].map((c) => c.paragraphs.join("").trim()))].join("");
    const match = titleLine(head, true);
    if (match) return { match, source: "table-header" };
  }
  const tries: [(t: string) => TitleMatch | null, string][] = [
    [runOnTitle, "run-on"],
    [fileNameTitle, "file-name-line"],
    [statedTitle, "sentence"],
  ];
  for (const [fn, source] of tries) {
    for (const p of paragraphs.slice(0, 4)) {
      const match = fn(p);
      if (match) return { match, source };
    }
  }
  return null;
}

function kindOf(title: string | null, thirdParty: boolean): ReportKind | null {
  if (thirdParty) return "第三方评价";
  return title ? KIND_WORDS.find(([, re]) => re.test(title))?.[0] ?? null : null;
}

/** The file's name without folders and extension. */
const baseName = (file: string) => file.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z]{2,4}$/, "");

function fileUnit(file: string): string | null {
  const base = baseName(file);
  const y = yearIn(base);
  return y ? unitOfTitle(base, y) : null;
}

/** Title, year, unit and kind of a document, each with its source; `front` ends at the first heading. */
export function documentMeta(blocks: RawBlock[], front: number, titleInfo: TitleInfo, file?: string): Meta {
  const sources: Sources = {};
  const paragraphs = blocks.filter((b): b is RawParagraph =>
    b.kind === "paragraph" && b.origin === "body" && b.text.trim() !== ""
  ).slice(0, 30).map((b) => b.text);
  const early = paragraphs.join("\n");

  let title = titleInfo.title, year = titleInfo.year, titleUnit = titleInfo.unit;
  let titleUnitSource = titleInfo.unitSource;
  if (title !== null) {
    sources.title = titleInfo.source ?? "first-lines";
  } else {
    const fb = fallbackTitle(blocks, paragraphs);
    if (fb) {
      ({ title, year, unit: titleUnit } = fb.match);
      sources.title = fb.source;
      titleUnitSource = titleUnit ? "title" : null;
    }
  }
  const yearSource = titleInfo.title !== null ? titleInfo.yearSource : "title";

  const thirdParty = thirdPartyWording(early);
  const kind = kindOf(title, thirdParty);
  if (kind) sources.kind = thirdParty ? "text" : "title";

  const stated = yearField(blocks);
  if (stated) [year, sources.year] = [stated.year, stated.source];
  else if (year !== null) sources.year = yearSource ?? "title";
  else if (file && fileYear(baseName(file)) !== null) {
    [year, sources.year] = [fileYear(baseName(file)), "file-name"];
  }

  const body = () => bodyParagraphs(blocks, front, new Set(titleInfo.lines));
  const unit = pickUnit(blocks, front, paragraphs, early, thirdParty, titleUnit, titleUnitSource, body, file);
  if (unit) sources.unit = unit.source;
  return { title, year, unit: unit?.unit ?? null, kind, sources };
}

/** How many paragraphs after the first heading count as the first sections, for the body's subject. */
const BODY_PARAGRAPHS = 15;

/** Text of the paragraphs before the first heading and of the first sections, title lines left out. */
function bodyParagraphs(blocks: RawBlock[], front: number, titleLines: Set<number>): string[] {
  const out: string[] = [];
  let after = 0;
  for (let i = 0; i < blocks.length && after < BODY_PARAGRAPHS; i++) {
    const b = blocks[i];
    if (b.kind !== "paragraph" || b.origin !== "body" || titleLines.has(i) || b.text.trim() === "") continue;
    out.push(b.text);
    if (i >= front) after++;
  }
  return out;
}

function pickUnit(
  blocks: RawBlock[],
  front: number,
  paragraphs: string[],
  early: string,
  thirdParty: boolean,
  titleUnit: string | null,
  titleUnitSource: string | null,
  body: () => string[],
  file?: string,
): { unit: string; source: string } | null {
  const fields = unitFields(blocks);
  const field = (tier: UnitField["tier"], inFront?: boolean) =>
    fields.find((f) => f.tier === tier && (inFront === undefined || (f.block < front) === inFront));
  const alias = () => {
    for (const p of paragraphs) {
      const u = aliasUnit(p);
      if (u) return { unit: u, source: "sentence:以下简称" };
    }
    return null;
  };
  const chain: (() => { unit: string; source: string } | null | undefined)[] = [
    () => field("reporting", true),
    () => thirdParty ? field("evaluator") ?? alias() : null,
    () => titleUnit ? { unit: titleUnit, source: titleUnitSource ?? "title" } : null,
    () => field("reporting"),
    () => field("page", true),
    alias,
    () => field("project", true) ?? field("project"),
    () => {
      const u = subjectUnit(paragraphs, selfReferences(early));
      return u ? { unit: u, source: "sentence:subject" } : null;
    },
    () => {
      const u = file ? fileUnit(file) : null;
      return u ? { unit: u, source: "file-name" } : null;
    },
    () => bodyUnit(body(), { thirdParty, refs: selfReferences(early) }),
  ];
  for (const step of chain) {
    const r = step();
    if (r) return { unit: r.unit, source: r.source };
  }
  return null;
}
