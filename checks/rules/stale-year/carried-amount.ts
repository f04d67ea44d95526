/**
 * The same amount of money given as the evaluation year's and as an earlier year's: "该项目在2023年度安排预算
 * 1234.56万元" in one sentence, "2022年上级下达资金共计1234.56万元" in another — a year left unchanged when
 * last year's report was written over. Both sentences speak of funds; the first names only the evaluation
 * year, the second only one earlier year. Not flagged: funds issued in advance (提前下达) or carried over
 * (结转), comparisons between the years (同比, 较上年, 与…相比), sentences naming both years or a range,
 * fixed standards (每人每年…, 标准) and round or approximate amounts (100万元, 约1234.5万元).
 */
import type { Document } from "../../../src/model/document.ts";
import type { Figure } from "../../../src/model/figure.ts";
import type { FindingDraft } from "../../../src/model/rule.ts";
import type { Views } from "../../../src/analysis/views.ts";
import type { BlockSentence } from "../../../src/analysis/sentences.ts";
import { clip, evidence } from "../../../src/analysis/evidence.ts";
import { CARRIED_AMOUNT, COMPARISON_BEFORE_YEAR, YEAR_RANGE_AFTER } from "../../../src/analysis/vocab.ts";

export type CarriedAmountDetails = {
  evaluationYear: number;
  statedYear: number;
  /** The amount as written in the earlier year's sentence. */
  amount: string;
  /** The amount in 元. */
  value: number;
  assumption: string;
};

/** A sentence about funds that names one year, with its specific exact amounts. */
interface Place {
  sentence: BlockSentence;
  year: number;
  /** Offsets of the year in the block's text. */
  yearAt: { start: number; end: number };
  amounts: Figure[];
}

const YEAR = /(?<![0-9０-９])([2２][0０][0-9０-９]{2})(\s*年)?/g;
const MAX_QUOTE = 100;

/** Full-width digits (２０２３) as ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const hasAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/** Whether the sentence says why an earlier year or an equal amount is right (提前下达, 结转, 同比, 标准…). */
function explained(text: string): boolean {
  return hasAny(text, CARRIED_AMOUNT.advance) || hasAny(text, CARRIED_AMOUNT.carryOver) ||
    hasAny(text, CARRIED_AMOUNT.comparison) || hasAny(text, CARRIED_AMOUNT.standard);
}

/**
 * The one year a sentence names (YYYY年), with its offsets; undefined when it names none, several, a range
 * (2022—2023年) or a year after a comparison marker (较2022年, 截至2022年).
 */
function ownYear(text: string, base: number): Omit<Place, "sentence" | "amounts"> | undefined {
  let found: Omit<Place, "sentence" | "amounts"> | undefined;
  for (const m of text.matchAll(YEAR)) {
    const start = m.index!;
    const after = text.slice(start + m[1].length);
    if (YEAR_RANGE_AFTER.test(after)) return undefined;
    if (!m[2]) continue; // a document number (〔2022〕) or an amount, not a year
    const year = Number(asciiDigits(m[1]));
    if (COMPARISON_BEFORE_YEAR.test(text.slice(Math.max(0, start - 6), start))) return undefined;
    if (found && found.year !== year) return undefined;
    found ??= { year, yearAt: { start: base + start, end: base + start + m[0].length } };
  }
  return found;
}

/** Significant digits of a figure as written, trailing zeros left out (547.615 → 6, 1200 → 2). */
function significantDigits(f: Figure): number {
  return f.stated.toFixed(f.decimals).replace(/[^0-9]/g, "").replace(/^0+/, "").replace(/0+$/, "").length;
}

function specificAmount(f: Figure): boolean {
  return f.unit === "元" && f.approx === "exact" && !f.range && !f.loc.table &&
    significantDigits(f) >= CARRIED_AMOUNT.minSignificantDigits;
}

function sameAmount(a: Figure, b: Figure): boolean {
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

function placesOf(views: Views): Place[] {
  const out: Place[] = [];
  for (const s of views.sentences) {
    if (!hasAny(s.text, CARRIED_AMOUNT.funds) || explained(s.text)) continue;
    const own = ownYear(s.text, s.start);
    if (!own) continue;
    const amounts = views.figuresInBlock(s.block).filter((f) =>
      f.loc.start >= s.start && f.loc.end <= s.end && specificAmount(f)
    );
    if (amounts.length) out.push({ sentence: s, ...own, amounts });
  }
  return out;
}

/** The place as a quote: the sentence, or the part of it from the year to the amount when it is long. */
function quoteOf(doc: Document, p: Place, f: Figure): string {
  const block = doc.blocks[p.sentence.block];
  if (p.sentence.text.length <= MAX_QUOTE || block.kind === "table") return p.sentence.text;
  const text = block.text;
  const start = Math.min(p.yearAt.start, f.loc.start), end = Math.max(p.yearAt.end, f.loc.end);
  return clip(text, start, end, MAX_QUOTE);
}

/**
 * One finding per earlier-year statement (a sentence repeated word for word is one statement with all its
 * places), paired with the first evaluation-year sentence stating the same amount.
 */
export function carriedAmounts(
  doc: Document,
  views: Views,
  year: number,
  source: string,
): FindingDraft<{ "carried-amount": CarriedAmountDetails }>[] {
  const places = placesOf(views);
  const current = places.filter((p) => p.year === year);
  if (!current.length) return [];
  const groups = new Map<string, { earlier: Place[]; amount: Figure; current: Place; same: Figure }>();
  for (const p of places) {
    if (p.year >= year) continue;
    const known = groups.get(p.sentence.text);
    if (known) {
      known.earlier.push(p);
      continue;
    }
    for (const f of p.amounts) {
      const c = current.find((c) => c.amounts.some((g) => sameAmount(f, g)));
      if (!c) continue;
      groups.set(p.sentence.text, {
        earlier: [p],
        amount: f,
        current: c,
        same: c.amounts.find((g) => sameAmount(f, g))!,
      });
      break;
    }
  }
  return [...groups.values()].map(({ earlier, amount, current: c, same }) => {
    const stated = earlier[0].year;
    return {
      messageId: "carried-amount",
      message:
        `评价年度为${year}年（取自${source}）：同一金额${amount.raw}在一处为${year}年的资金，在另一处写作${stated}年的资金，` +
        `疑为沿用往年报告时未改年份。`,
      hint:
        `核实该笔资金所属年度：若确为${stated}年提前下达或结转的资金，请写明；否则将“${stated}年”改为“${year}年”。`,
      evidence: [
        evidence(doc, c.sentence.block, quoteOf(doc, c, same)),
        ...earlier.map((p) =>
          evidence(
            doc,
            p.sentence.block,
            quoteOf(doc, p, p.amounts.find((f) => sameAmount(f, amount)) ?? amount),
          )
        ),
      ],
      details: {
        evaluationYear: year,
        statedYear: stated,
        amount: amount.raw,
        value: amount.value,
        assumption:
          `同一金额在一处为${year}年度资金，在另一处写作${stated}年下达或安排；若非上年提前下达，年份可能沿用了上年报告`,
      },
    };
  });
}
