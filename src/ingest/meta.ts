/**
 * Title lines and meta (title, year, unit) from the front matter: the title is a "YYYY年…报告" line, with the
 * unit's name on the line before it or in front of the year; 单位名称：/评价时段 lines override.
 */
import type { RawBlock, RawParagraph } from "../model/raw.ts";
import { asciiDigits } from "../extract/numbers.ts";

export interface TitleInfo {
  /** Block indices of the title lines, in order (possibly several groups, e.g. repeated after the TOC). */
  lines: number[];
  title: string | null;
  year: number | null;
  unit: string | null;
}

const TITLE_LINE = /^(.*?)((?:19|20)\d{2})\s*年(?:度)?.{0,40}?(?:报告|报告书)$/;
const MAX_UNIT_CHARS = 40;

function isCandidate(p: RawBlock | undefined): p is RawParagraph {
  return !!p && p.kind === "paragraph" && p.origin === "body" && !p.styleLevel &&
    (p.align === undefined || p.align === "center");
}

/** A line naming a unit: short, no colon, no sentence punctuation, no figures. */
function isUnitLine(text: string): boolean {
  const t = text.trim();
  return t.length > 1 && t.length <= MAX_UNIT_CHARS && !/[：:。；，,0-9０-９—]/.test(t);
}

/** Looks for title lines among blocks [0, end): the body before the first heading. */
export function findTitle(blocks: RawBlock[], end: number, skip: Set<number>): TitleInfo {
  const info: TitleInfo = { lines: [], title: null, year: null, unit: null };
  for (let i = 0; i < end; i++) {
    const p = blocks[i];
    if (skip.has(i) || !isCandidate(p)) continue;
    const t = asciiDigits(p.text.trim());
    const m = TITLE_LINE.exec(t);
    if (!m || t.length > 60) continue;
    let unit = m[1].trim() || null;
    let k = i - 1;
    while (k >= 0 && blocks[k].kind === "paragraph" && (blocks[k] as RawParagraph).text.trim() === "") k--;
    const prev = blocks[k];
    const group: number[] = [];
    if (!unit && !skip.has(k) && isCandidate(prev) && isUnitLine(prev.text)) {
      unit = prev.text.trim();
      group.push(k);
    }
    group.push(i);
    info.lines.push(...group);
    if (info.title === null) {
      info.title = group.map((g) => (blocks[g] as RawParagraph).text.trim()).join("");
      info.year = Number(m[2]);
      info.unit = unit;
    }
  }
  return info;
}

const UNIT_LINE = /^(?:单位名称|部门名称|预算单位名称|部门（单位）名称|部门\(单位\)名称)\s*[：:]\s*(\S.*)$/;
const YEAR_LINE = /评价(?:时段|年度|期间|时间|期)\s*(?:为|是|[：:])?\s*((?:19|20)\d{2})\s*年/;

/** 单位名称：… and 评价时段/评价年度 …YYYY年, from body paragraphs and table cells. */
export function statedMeta(blocks: RawBlock[]): { unit: string | null; year: number | null } {
  let unit: string | null = null, year: number | null = null;
  const look = (text: string) => {
    const t = asciiDigits(text.trim());
    if (unit === null) unit = UNIT_LINE.exec(t)?.[1].trim() ?? null;
    if (year === null) {
      const y = YEAR_LINE.exec(t);
      if (y) year = Number(y[1]);
    }
  };
  for (const b of blocks) {
    if (b.origin !== "body") continue;
    if (b.kind === "paragraph") look(b.text);
    else for (const row of b.rows) for (const cell of row) for (const p of cell.paragraphs) look(p);
    if (unit !== null && year !== null) break;
  }
  return { unit, year };
}
