/**
 * Labelled fields in paragraphs and table cells: "单位名称：某局", a 填报单位 cell followed by its value cell, a
 * form row flattened into one line ("主管部门某局资金使用单位某局"), and "评价时段为2023年…至2023年…".
 */
import type { RawBlock } from "../model/raw.ts";
import { asciiDigits } from "../extract/numbers.ts";
import { asUnit, squeeze } from "./meta-unit.ts";
import { UNIT_LABELS, YEAR_LABELS } from "./meta-vocab.ts";

export type UnitTier = keyof typeof UNIT_LABELS;

export interface UnitField {
  tier: UnitTier;
  label: string;
  unit: string;
  block: number;
  /** "field:单位名称" or "table:单位名称". */
  source: string;
}

const ALL_LABELS: { label: string; tier: UnitTier }[] = (Object.keys(UNIT_LABELS) as UnitTier[])
  .flatMap((tier) => UNIT_LABELS[tier].map((label) => ({ label, tier })))
  .sort((a, b) => b.label.length - a.label.length);

const esc = (s: string) => s.replace(/[()]/g, "\\$&");
const BOUNDARY = "(?:^|[\\s|｜，,；;。])";
const LABEL_ALT = ALL_LABELS.map((l) => esc(l.label)).join("|");
/** "LABEL：value" anywhere, or "LABEL value" after a boundary; value up to a space or separator. */
const FIELD = new RegExp(`${BOUNDARY}(${LABEL_ALT})\\s*(?:[：:]\\s*|\\s+)([^\\s|｜，,；;。：:]+)`, "g");
/** A flattened form row: the paragraph starts with a label and the value runs on to the next label. */
const ROW_START = new RegExp(`^(${LABEL_ALT})([^\\s|｜，,；;。：:]+?)(?=${LABEL_ALT}|$)`);

const tierOf = (label: string) => ALL_LABELS.find((l) => l.label === label)!.tier;
/** The labels' last characters: a text with none of them holds no label (tested before the regexes). */
const LABEL_END = new RegExp(
  `[${[...new Set(ALL_LABELS.map((l) => l.label.at(-1)))].join("").replace(/[\\\]^-]/g, "\\$&")}]`,
);

/** Unit fields of one line of text (a paragraph, or a cell's text). */
function lineFields(text: string, block: number, kind: "field" | "table"): UnitField[] {
  const out: UnitField[] = [];
  if (!LABEL_END.test(text)) return out;
  const t = text.trim();
  const push = (label: string, value: string) => {
    const unit = asUnit(value);
    if (unit) out.push({ tier: tierOf(label), label, unit, block, source: `${kind}:${label}` });
  };
  for (const m of t.matchAll(FIELD)) push(m[1], m[2]);
  if (out.length === 0) {
    let rest = squeeze(t);
    for (let m = ROW_START.exec(rest); m; m = ROW_START.exec(rest)) {
      push(m[1], m[2]);
      rest = rest.slice(m[0].length);
    }
  }
  return out;
}

/** Exact label of a cell ("单位名称", "填报单位：") or null. */
function cellLabel(text: string): string | null {
  if (!LABEL_END.test(text)) return null;
  const t = squeeze(text).replace(/[：:]$/, "");
  return ALL_LABELS.find((l) => l.label === t)?.label ?? null;
}

/** Every unit field in the body, in document order. */
export function unitFields(blocks: RawBlock[]): UnitField[] {
  const out: UnitField[] = [];
  blocks.forEach((b, i) => {
    if (b.origin !== "body") return;
    if (b.kind === "paragraph") {
      out.push(...lineFields(b.text, i, "field"));
      return;
    }
    for (const row of b.rows) {
      const texts = row.map((c) => c.paragraphs.join(" ").trim());
      texts.forEach((text, c) => {
        const label = cellLabel(text);
        if (label) {
          const value = texts.slice(c + 1).find((v) => v !== "" && v !== text);
          const unit = value !== undefined && !cellLabel(value) ? asUnit(value) : null;
          if (unit) out.push({ tier: tierOf(label), label, unit, block: i, source: `table:${label}` });
        } else out.push(...lineFields(text, i, "table"));
      });
    }
  });
  return out;
}

const YEAR = "((?:19|20)\\d{2})";
const YEAR_FIELD = new RegExp(
  `(${YEAR_LABELS.join("|")})\\s*(?:为|是|[：:])?\\s*${YEAR}\\s*年(?:度)?` +
    `(?:[^。；;，,]{0,16}?(?:至|到|—|–|-|－|~|～)\\s*${YEAR}\\s*年)?`,
);

export interface YearField {
  year: number;
  source: string;
}

function yearOf(text: string, kind: "field" | "table"): YearField | null {
  const m = YEAR_FIELD.exec(asciiDigits(squeeze(text)));
  return m ? { year: Number(m[3] ?? m[2]), source: `${kind}:${m[1]}` } : null;
}

/** The year a 评价时段/评价年度 field states, in a paragraph or a table (label cell + value cell). */
export function yearField(blocks: RawBlock[]): YearField | null {
  for (const b of blocks) {
    if (b.origin !== "body") continue;
    if (b.kind === "paragraph") {
      const y = yearOf(b.text, "field");
      if (y) return y;
      continue;
    }
    for (const row of b.rows) {
      const texts = row.map((c) => c.paragraphs.join(""));
      for (let c = 0; c < texts.length; c++) {
        const y = yearOf(texts[c], "table") ?? yearOf(texts[c] + "：" + (texts[c + 1] ?? ""), "table");
        if (y) return y;
      }
    }
  }
  return null;
}
