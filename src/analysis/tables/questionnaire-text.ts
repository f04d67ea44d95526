/**
 * Questionnaires in the text: how many were issued, returned and valid (发放问卷200份，回收有效问卷186份, 样本量
 * 200), and answer tallies written as a sentence (其中非常满意120份、满意50份、不满意20份 / 选择“满意”的48份、
 * 选择“一般”的20份), each with the valid count it is to be read against.
 */
import type { Document } from "../../model/document.ts";
import { asciiDigits } from "../../extract/numbers.ts";
import { ANSWER_COUNT_UNITS, ANSWER_OPTIONS, MULTI_CHOICE, QUESTIONNAIRE_WORDS } from "../vocab.ts";

/** 发放 / 收回 / 有效 questionnaire counts stated in a paragraph. */
export interface StatedCount {
  kind: "issued" | "returned" | "valid";
  value: number;
  /** The statement as written (exact substring of the block's text). */
  raw: string;
  block: number;
  /** Offset of `raw` in the block's text. */
  start: number;
}

const N = "([0-9０-９]+(?:,[0-9]{3})*)";
const SP = "[\\s\\u3000]*";
const LINK = `${SP}(?:共计|共|计|为|达|是)?${SP}[：:]?${SP}`;
const NOUN = "(?:调查)?(?:问卷|答卷|调查表)";
const STATED_PATTERNS: { kind: StatedCount["kind"]; re: RegExp }[] = [
  { kind: "issued", re: new RegExp(`发放${NOUN}?(?:份数|数量|数)?${LINK}${N}${SP}[份张]`, "g") },
  {
    kind: "returned",
    re: new RegExp(`(?:收回|回收)(?!有效)${NOUN}?(?:份数|数量|数)?${LINK}${N}${SP}[份张]`, "g"),
  },
  // With a noun the unit may be left out (有效问卷数：186); without one it is required (其中有效186份).
  {
    kind: "valid",
    re: new RegExp(
      `有效(?:${NOUN}|样本)(?:份数|数量|数|量)?${LINK}${N}(?:${SP}[份张个])?(?![0-9０-９.．%％])`,
      "g",
    ),
  },
  { kind: "valid", re: new RegExp(`有效(?:份数|数量|数)?${LINK}${N}${SP}[份张]`, "g") },
  {
    kind: "valid",
    re: new RegExp(`样本(?:量|数|总量)${LINK}${N}(?:${SP}[份个人])?(?![0-9０-９.．%％])`, "g"),
  },
  // 在200份有效问卷中 / 186份有效答卷
  { kind: "valid", re: new RegExp(`${N}${SP}[份张]有效(?:${NOUN}|样本)`, "g") },
];

/**
 * Sentences of a text, with offsets (split after 。；！？ and line breaks; not after ； when `semicolons` is
 * false: a tally runs on past it, 满意312份，占89.66%；基本满意29份，占8.33%).
 */
function sentenceSpans(text: string, semicolons = true): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = semicolons ? /[^。；;！!？?\n]+[。；;！!？?\n]?/g : /[^。！!？?\n]+[。！!？?\n]?/g;
  for (const m of text.matchAll(re)) out.push({ start: m.index!, text: m[0] });
  return out;
}

const num = (s: string) => Number(asciiDigits(s).replace(/,/g, ""));

/** The questionnaire counts a block's text states (only in sentences about questionnaires). */
export function statedCountsInText(text: string, block: number): StatedCount[] {
  const out: StatedCount[] = [];
  for (const s of sentenceSpans(text)) {
    if (!QUESTIONNAIRE_WORDS.test(s.text)) continue;
    for (const { kind, re } of STATED_PATTERNS) {
      for (const m of s.text.matchAll(re)) {
        const start = s.start + m.index!;
        if (out.some((o) => start < o.start + o.raw.length && o.start < start + m[0].length)) continue;
        out.push({ kind, value: num(m[1]), raw: m[0], block, start });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** One option of a tally in the text: 非常满意120份 (with an optional share: （占64.5%）). */
export interface AnswerItem {
  option: string;
  value: number;
  /** The count as written. */
  raw: string;
  unit: string;
  /** The whole item as written (exact substring of the block's text) and its offset. */
  text: string;
  start: number;
  pct?: { value: number; decimals: number; raw: string };
}

/** Consecutive options of one question, tallied in one sentence. */
export interface AnswerRun {
  block: number;
  items: AnswerItem[];
  /** From the first item to the last, as written. */
  quote: string;
  start: number;
  /** The sentence says the question allows several answers (多选). */
  multi: boolean;
  /** The valid count to read it against (the same sentence, else the nearest before it), else 收回. */
  valid?: StatedCount;
  /** Where `valid` was found: the same paragraph or one just before it, or elsewhere in the document. */
  validScope?: "near" | "document";
  /** The valid counts stated near it disagree (two surveys?): the nearest is taken as an assumption. */
  validAmbiguous?: boolean;
}

const OPTION_ALT = ANSWER_OPTIONS.join("|");
const PCT = "([0-9０-９]+(?:[.．][0-9０-９]+)?)";
const ITEM = new RegExp(
  '(?:选择|选|认为|表示|评价为|评价|回答|答)?[“"「『]?' +
    `(${OPTION_ALT})(?![度率])` +
    `[”"」』]?(?:的|者)?(?:人数|票数|份数|问卷|人)?(?:有|为|共|计|达|是)?${SP}[：:]?${SP}` +
    `([0-9０-９]+(?:,[0-9]{3})*)${SP}(${ANSWER_COUNT_UNITS.join("|")})(?!次)` +
    `(?:${SP}[，,]?${SP}[（(]?${SP}(?:约占|占比为|占比|比例为|比例|占)${SP}${PCT}${SP}[%％]${SP}[）)]?` +
    `|${SP}[（(]${SP}${PCT}${SP}[%％]${SP}[）)])?`,
  "g",
);
/** What may stand between two options of one tally (a breakdown after 其中 starts a new tally). */
const ITEM_GAP = /^[\s\u3000]*[、，,；;和及与]?[\s\u3000]*$/;

/** Tallies of answer options written in a block's text: two or more distinct options in a row. */
export function answerRunsInText(text: string, block: number): AnswerRun[] {
  const runs: AnswerRun[] = [];
  for (const s of sentenceSpans(text, false)) {
    let cur: AnswerItem[] = [];
    const flush = () => {
      const options = new Set(cur.map((i) => i.option));
      const units = new Set(cur.map((i) => i.unit === "名" ? "人" : i.unit));
      if (cur.length >= 2 && options.size === cur.length && units.size === 1) {
        const first = cur[0], last = cur[cur.length - 1];
        const quote = text.slice(first.start, last.start + last.text.length);
        // A tally of people or questionnaires: counted in 份, or in a sentence about the survey.
        if (first.unit === "份" || QUESTIONNAIRE_WORDS.test(s.text) || /选择|调查/.test(s.text)) {
          runs.push({ block, items: cur, quote, start: first.start, multi: MULTI_CHOICE.test(s.text) });
        }
      }
      cur = [];
    };
    let prevEnd = -1;
    for (const m of s.text.matchAll(ITEM)) {
      const start = s.start + m.index!;
      const pctRaw = m[4] ?? m[5];
      const item: AnswerItem = {
        option: m[1],
        value: num(m[2]),
        raw: m[2],
        unit: m[3],
        text: m[0],
        start,
        ...(pctRaw
          ? {
            pct: {
              value: Number(asciiDigits(pctRaw).replace("．", ".")),
              decimals: (/[.．]([0-9０-９]+)/.exec(pctRaw)?.[1].length) ?? 0,
              raw: pctRaw,
            },
          }
          : {}),
      };
      if (cur.length > 0 && !ITEM_GAP.test(text.slice(prevEnd, start))) flush();
      cur.push(item);
      prevEnd = start + m[0].length;
    }
    flush();
  }
  return runs;
}

/** How far back a valid count is looked for (paragraphs), and never across a table. */
const LOOK_BACK = 6;

/**
 * The valid count for something at `start` in block `block`: the same sentence or paragraph (before it, or
 * after it in the same sentence), else the nearest paragraphs before it (no table in between), else the one
 * valid count the whole document states.
 */
export function validFor(
  doc: Document,
  counts: (block: number) => StatedCount[],
  block: number,
  start: number,
  end: number,
): Pick<AnswerRun, "valid" | "validScope" | "validAmbiguous"> {
  const found = nearest(doc, counts, block, start, end, "valid");
  if (found.valid) return found;
  // Answers cannot exceed the questionnaires returned either: the nearest 收回 count when no 有效 is stated.
  const returned = nearest(doc, counts, block, start, end, "returned");
  return returned.validScope === "near" ? returned : found;
}

function nearest(
  doc: Document,
  counts: (block: number) => StatedCount[],
  block: number,
  start: number,
  end: number,
  kind: StatedCount["kind"],
): Pick<AnswerRun, "valid" | "validScope" | "validAmbiguous"> {
  const near: StatedCount[] = [];
  const own = counts(block).filter((c) => c.kind === kind);
  const before = own.filter((c) => c.start < start).reverse();
  const text = doc.blocks[block].kind === "table" ? "" : (doc.blocks[block] as { text: string }).text;
  const sentenceEnd = (() => {
    const m = /[。；;！!？?\n]/.exec(text.slice(end));
    return m ? end + m.index : text.length;
  })();
  const after = own.filter((c) => c.start >= end && c.start < sentenceEnd);
  near.push(...before, ...after);
  for (let i = block - 1; i >= 0 && i >= block - LOOK_BACK; i--) {
    const b = doc.blocks[i];
    if (b.kind === "table") break;
    near.push(...counts(i).filter((c) => c.kind === kind).reverse());
  }
  if (near.length > 0) {
    const values = new Set(near.map((c) => c.value));
    return { valid: near[0], validScope: "near", validAmbiguous: values.size > 1 };
  }
  const all: StatedCount[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.kind !== "table") all.push(...counts(i).filter((c) => c.kind === kind));
  });
  const values = new Set(all.map((c) => c.value));
  return values.size === 1 ? { valid: all[0], validScope: "document", validAmbiguous: false } : {};
}

/** Every paragraph's stated counts, by block (headings and title lines included; tables not). */
export function statedCountsByBlock(doc: Document): Map<number, StatedCount[]> {
  const out = new Map<number, StatedCount[]>();
  for (const b of doc.blocks) {
    if (b.kind === "table") continue;
    const cs = statedCountsInText(b.text, b.index);
    if (cs.length > 0) out.set(b.index, cs);
  }
  return out;
}

/** Every tally of answers written in the text, with its valid count. */
export function answerRuns(doc: Document, byBlock: ReadonlyMap<number, StatedCount[]>): AnswerRun[] {
  const counts = (i: number) => byBlock.get(i) ?? [];
  const out: AnswerRun[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "table" || b.kind === "heading") continue;
    if (!/[0-9０-９]/.test(b.text)) continue;
    for (const run of answerRunsInText(b.text, b.index)) {
      const last = run.items[run.items.length - 1];
      out.push({ ...run, ...validFor(doc, counts, b.index, run.start, last.start + last.text.length) });
    }
  }
  return out;
}
