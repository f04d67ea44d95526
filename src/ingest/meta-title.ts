/**
 * Whether a text reads as a report title of the genre ("…局2023年度部门整体支出绩效自评报告", "关于…的绩效评价
 * 报告", "…2022年度部门决算公开", "2022年度项目支出绩效自评表（…）"), and the title at the start of a paragraph
 * that runs on into the body.
 */
import { asciiDigits } from "../extract/numbers.ts";
import { asUnit, leadingUnit, squeeze, tidy, yearIn } from "./meta-unit.ts";
import {
  ABOUT_TITLE_ENDINGS,
  NOT_IN_TITLE,
  OPENING_WORDS,
  TITLE_ENDINGS,
  YEARLESS_TITLE_WORDS,
} from "./meta-vocab.ts";

export interface TitleMatch {
  title: string;
  year: number | null;
  /** The unit the title names: before the year or 关于, or right after a leading year. */
  unit: string | null;
}

const MAX_TITLE_CHARS = 70;
const PAREN_TAIL = /\s*[（(][^（）()]{1,30}[）)]$/;
const SENTENCE_PUNCT = /[，,。；;！!？?：:]/;

function endsAsTitle(t: string): boolean {
  const core = t.replace(PAREN_TAIL, "");
  if (TITLE_ENDINGS.some((e) => core.endsWith(e))) return true;
  return core.includes("关于") && ABOUT_TITLE_ENDINGS.some((e) => core.endsWith(e));
}

/** The unit a title names, or null. */
export function unitOfTitle(title: string, year: { start: number; end: number } | null): string | null {
  const t = asciiDigits(title);
  const about = t.indexOf("关于");
  const cut = [year?.start ?? -1, about].filter((i) => i >= 0);
  const before = cut.length > 0 ? t.slice(0, Math.min(...cut)).replace(/^\s*关于/, "") : t;
  if (squeeze(before) !== "") return asUnit(before);
  // "2021年度某县某局部门决算", "关于2023年度某局…": the unit right after a leading year
  return year ? leadingUnit(t.slice(year.end).replace(/^度/, "")) : null;
}

/**
 * `text` as a whole title, or null. A title has no sentence punctuation or sentence words, ends with a title
 * ending (optionally followed by a parenthetical), and names a year unless `yearless` allows it not to (then
 * it must name 绩效 or 决算).
 */
export function titleLine(text: string, yearless = false): TitleMatch | null {
  const t = asciiDigits(text).trim();
  const sq = squeeze(t);
  if (sq.length < 6 || sq.length > MAX_TITLE_CHARS) return null;
  if (SENTENCE_PUNCT.test(t.replace(PAREN_TAIL, ""))) return null;
  if (NOT_IN_TITLE.some((w) => sq.includes(w))) return null;
  if (!endsAsTitle(sq)) return null;
  const year = yearIn(t);
  if (!year && !(yearless && YEARLESS_TITLE_WORDS.some((w) => sq.includes(w)))) return null;
  return { title: tidy(t), year: year?.year ?? null, unit: unitOfTitle(t, year) };
}

const OPENERS = new RegExp(`^(?:\\s|${OPENING_WORDS.join("|")}|[一二三四五六七八九十]\\s*[、\\s])`);

/**
 * The title a paragraph starts with when the body runs on after it in the same paragraph (text flattened
 * from a PDF or a web page): the title ends at a title ending followed by a space or an opening word.
 */
export function runOnTitle(text: string): TitleMatch | null {
  const t = asciiDigits(text).trimStart();
  const head = t.slice(0, MAX_TITLE_CHARS + 20);
  for (const ending of TITLE_ENDINGS) {
    let at = head.indexOf(ending);
    while (at >= 0) {
      const end = at + ending.length;
      const rest = t.slice(end);
      if (rest.length > 0 && OPENERS.test(rest)) {
        const m = titleLine(t.slice(0, end));
        if (m) return m;
      }
      at = head.indexOf(ending, at + 1);
    }
  }
  return null;
}

const STATED_TITLE = /现将((?:19|20)\d{2}[^，,。；;：:]{4,60}?(?:自评报告|评价报告|总结报告|自评表))如下/;

/**
 * The report's name as the opening sentence states it: "现将2022年某局某项目绩效自评总结报告如下". Only a
 * name with a year and a report noun (not "现将有关情况报告如下", where 报告 is the verb).
 */
export function statedTitle(text: string): TitleMatch | null {
  const m = STATED_TITLE.exec(asciiDigits(text));
  if (!m) return null;
  const name = m[1];
  const year = yearIn(name);
  return year ? { title: tidy(name), year: year.year, unit: unitOfTitle(name, year) } : null;
}

/** A file-name-shaped line ("某局2021年度决算公开.pdf") as a title. */
export function fileNameTitle(text: string): TitleMatch | null {
  const m = /^(.+)\.(?:docx?|wps|pdf|xlsx?)$/i.exec(text.trim());
  return m ? titleLine(m[1].replace(/^[\d\s\-_—.、]+/, "")) : null;
}

/** A line that only names a year ("（2021年度）", "2021年度"), as under a form's title. */
export function yearOnlyLine(text: string): number | null {
  const m = /^[（(]?\s*((?:19|20)\d{2})\s*年\s*度?\s*[）)]?$/.exec(asciiDigits(text).trim());
  return m ? Number(m[1]) : null;
}
