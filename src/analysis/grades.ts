/**
 * Grade statements (评价等级为优 / 绩效为“优秀” / 等级：良好) with the total score each goes with: the
 * report's own total in the same sentence (自评总分N分), else the last score before it in that sentence, else
 * the first after it in that sentence, else the indicator table's stated total score (an assumption).
 */
import type { Evidence } from "../model/finding.ts";
import { asciiDigits } from "../extract/numbers.ts";
import { cellEvidence, evidence as textEvidence } from "./evidence.ts";
import {
  type Band,
  BAND_QUALIFIER,
  GRADE_BAND_CEILING,
  GRADE_BAND_FLOOR,
  GRADE_LABEL_CELL,
  GRADE_STATEMENT,
  GRADE_WORDS,
  SELF_TOTAL_SCORE,
  TOTAL_SCORE_LABEL_CELL,
  TOTAL_SCORE_STATEMENT,
} from "./vocab.ts";
import { parseCellNumber, squash } from "./tables/cell-number.ts";
import type { TableBlock } from "../model/document.ts";
import type { Views } from "./views.ts";

export interface ScoreHit {
  value: number;
  raw: string;
  /** Offset in the text, -1 for the table's total. */
  index: number;
}

export interface GradeStatement {
  /** The grade word as written, and its band. */
  word: string;
  band: Band;
  /** The whole match (keyword … grade word). */
  raw: string;
  evidence: (quote: string) => Evidence;
  score?: ScoreHit & { evidence: Evidence };
  /** True when the score is the indicator table's total, not one stated next to the grade. */
  fromTable: boolean;
}

/** The total the grade refers to: the last score before it in the same sentence, else the next one in it. */
function scoreFor(text: string, at: number): ScoreHit | undefined {
  const hits: ScoreHit[] = [...text.matchAll(TOTAL_SCORE_STATEMENT)].map((m) => ({
    value: Number(asciiDigits(m[1])),
    raw: m[0],
    index: m.index!,
  }));
  if (hits.length === 0) return undefined;
  const sentenceStart = Math.max(...["。", "；", ";", "\n"].map((p) => text.lastIndexOf(p, at))) + 1;
  const ends = ["。", "；", ";", "\n"].map((p) => text.indexOf(p, at)).filter((i) => i >= 0);
  const sentenceEnd = ends.length > 0 ? Math.min(...ends) : text.length;
  // "总分100分" beside a score awarded is the full marks (自评得分85分，总分100分): the awarded one counts.
  const sentence = hits.filter((h) => h.index >= sentenceStart && h.index < sentenceEnd);
  // The report's own total (自评总分95.85分) beats the parts listed with it (分别得13.5分、24.65分…); 评价总分
  // may be the full marks (评价总分100分，本项目得分86分).
  const selfEnds = new Set(
    [...text.matchAll(SELF_TOTAL_SCORE)].filter((m) => m[0].startsWith("自评")).map((m) =>
      m.index! + m[0].length
    ),
  );
  const own = sentence.filter((h) => selfEnds.has(h.index + h.raw.length));
  const awarded = sentence.filter((h) => !h.raw.startsWith("总分"));
  const pool = own.length > 0 ? own : awarded.length > 0 ? awarded : sentence;
  const before = pool.filter((h) => h.index < at);
  if (before.length > 0) return before[before.length - 1];
  return pool.find((h) => h.index > at);
}

/** The indicator table's stated total score, for a grade stated without a score beside it. */
export function tableTotalScore(views: Views): (ScoreHit & { evidence: Evidence }) | undefined {
  for (const it of views.indicatorTables) {
    const t = it.totals.find((x) => x.score);
    if (t?.score) {
      const { value, raw, row, col } = t.score;
      return { value, raw, index: -1, evidence: cellEvidence(views.doc, it.table, row, col, raw) };
    }
  }
  return undefined;
}

function statementsIn(
  text: string,
  evidence: (quote: string) => Evidence,
  fallback: (ScoreHit & { evidence: Evidence }) | undefined,
): GradeStatement[] {
  return [...text.matchAll(GRADE_STATEMENT)].filter((m) =>
    !inBandDefinition(text, m.index!) && !GRADE_AS_MODIFIER.test(text.slice(m.index! + m[0].length))
  ).map((m) => {
    const own = scoreFor(text, m.index!);
    const score = own ? { ...own, evidence: evidence(own.raw) } : fallback;
    return { word: m[1], band: GRADE_WORDS[m[1]], raw: m[0], evidence, score, fromTable: !own && !!fallback };
  });
}

/**
 * A grade that qualifies what follows (对等级为“良”的项目督促整改 / 等级为“优”的2个) picks out items by grade; it
 * states no grade of this evaluation (unlike 得出等级为“优”的结论).
 */
const GRADE_AS_MODIFIER = /^[”"」』’]?(?:等级|等次|级|档)?的(?!结论|结果|评价)/;

/**
 * A grade "statement" that defines a band (得分60分以下的，评价等级为“差” / 总分80分至89分评定为“良”): its sentence
 * before the grade word, from the last score in it on, bounds a range of scores.
 */
function inBandDefinition(text: string, at: number): boolean {
  const sentence = Math.max(...["。", "；", ";", "\n"].map((p) => text.lastIndexOf(p, at))) + 1;
  const scores = [...text.slice(sentence, at).matchAll(TOTAL_SCORE_STATEMENT)];
  const from = sentence + (scores.length > 0 ? scores[scores.length - 1].index! : 0);
  return BAND_QUALIFIER.test(text.slice(from, at));
}

/** Every grade statement of the document, in paragraphs and in table cells, in document order. */
export function gradeStatements(views: Views): GradeStatement[] {
  const { doc } = views;
  const fallback = tableTotalScore(views);
  return doc.blocks.flatMap((b) => {
    if (b.kind === "table") {
      return b.grid.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          cell.anchorRow === r && cell.anchorCol === c
            ? [
              ...statementsIn(cell.text, (q) => cellEvidence(doc, b, r, c, q), fallback),
              ...gradeCell(views, b, r, c, fallback),
            ]
            : []
        )
      );
    }
    return statementsIn(b.text, (q) => textEvidence(doc, b.index, q), fallback);
  });
}

/** The next cell right of (r, c) that is not part of the same merged cell. */
function rightOf(t: TableBlock, r: number, c: number) {
  const cell = t.grid[r][c];
  return t.grid[r].find((x, i) =>
    i > c && (x.anchorRow !== cell.anchorRow || x.anchorCol !== cell.anchorCol)
  );
}

const QUOTES = /^[“"「『‘]|[”"」』’]$/g;

/**
 * A grade written in its own cell beside a label cell (评价等级 | 优). Its score: a 自评得分 | 94 cell pair of
 * the same table, else this table's total row, else the document's first indicator table total (fallback).
 */
function gradeCell(
  views: Views,
  t: TableBlock,
  r: number,
  c: number,
  fallback: (ScoreHit & { evidence: Evidence }) | undefined,
): GradeStatement[] {
  if (!GRADE_LABEL_CELL.test(squash(t.grid[r][c].text))) return [];
  const next = rightOf(t, r, c);
  if (!next || next.anchorRow !== r) return [];
  const word = squash(next.text).replace(QUOTES, "");
  const band = GRADE_WORDS[word];
  if (!band) return [];
  const { doc } = views;
  const evidence = (q: string) => cellEvidence(doc, t, next.anchorRow, next.anchorCol, q);
  const raw = next.text.trim();
  const own = scoreCell(views, t);
  const score = own ?? fallback;
  return [{ word, band, raw, evidence, score, fromTable: !own && !!score }];
}

/** A 自评得分 | 94 pair in a table, or the table's own total row when it is an indicator table. */
function scoreCell(views: Views, t: TableBlock): (ScoreHit & { evidence: Evidence }) | undefined {
  for (const row of t.grid) {
    for (const [c, cell] of row.entries()) {
      if (cell.anchorCol !== c || !TOTAL_SCORE_LABEL_CELL.test(squash(cell.text))) continue;
      const next = rightOf(t, cell.anchorRow, c);
      const n = next && next.anchorRow === cell.anchorRow ? parseCellNumber(next.text) : undefined;
      if (!n || !next) continue;
      const evidence = cellEvidence(views.doc, t, next.anchorRow, next.anchorCol, n.raw);
      return { value: n.value, raw: n.raw, index: -1, evidence };
    }
  }
  return undefined;
}

export type StatedBands = {
  /** The lower bounds the report states for 优/良/中 (the 差 band's ceiling is 中's lower bound). */
  bands: Partial<Record<Exclude<Band, "fail">, number>>;
  /** The statements read, as written. */
  quotes: string[];
  /** Two statements give one band different bounds: the report's own standard is unclear. */
  conflicting: boolean;
};

/** The grade bands the report states for itself (优（90分及以上）、良（80-89分）… / 60分以下为差). */
export function statedBands(views: Views): StatedBands {
  const out: StatedBands = { bands: {}, quotes: [], conflicting: false };
  const set = (band: Exclude<Band, "fail">, value: number, quote: string) => {
    const had = out.bands[band];
    if (had !== undefined && had !== value) out.conflicting = true;
    out.bands[band] = value;
    out.quotes.push(quote);
  };
  const scan = (text: string) => {
    for (const [patterns, ceiling] of [[GRADE_BAND_FLOOR, false], [GRADE_BAND_CEILING, true]] as const) {
      for (const re of patterns) {
        for (const m of text.matchAll(re)) {
          const groups = m.slice(1).filter((g) => g !== undefined);
          const word = groups.find((g) => g in GRADE_WORDS);
          const num = groups.find((g) => !(g in GRADE_WORDS));
          if (!word || !num) continue;
          const value = Number(asciiDigits(num).replace("．", "."));
          const band = GRADE_WORDS[word];
          if (ceiling) {
            if (band === "fail") set("pass", value, m[0]);
          } else if (band !== "fail") set(band, value, m[0]);
        }
      }
    }
  };
  for (const b of views.doc.blocks) {
    if (b.kind !== "table") scan(b.text);
    else {for (const row of b.grid) {
        scan(row.filter((x, c) => x.anchorCol === c).map((x) => x.text).join("："));
      }}
  }
  return out;
}
