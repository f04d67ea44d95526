/**
 * Grade statements (评价等级为优 / 绩效为“优秀” / 等级：良好) with the total score each goes with: the last
 * score before it in the same sentence, else the first after it in that sentence, else the indicator
 * table's stated total score (an assumption).
 */
import type { Evidence } from "../model/finding.ts";
import { asciiDigits } from "../extract/numbers.ts";
import { cellEvidence, evidence as textEvidence } from "./evidence.ts";
import { type Band, GRADE_STATEMENT, GRADE_WORDS, TOTAL_SCORE_STATEMENT } from "./vocab.ts";
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
  const before = hits.filter((h) => h.index < at);
  const inSentence = before.filter((h) => h.index >= sentenceStart);
  if (inSentence.length > 0) return inSentence[inSentence.length - 1];
  const ends = ["。", "；", ";", "\n"].map((p) => text.indexOf(p, at)).filter((i) => i >= 0);
  const sentenceEnd = ends.length > 0 ? Math.min(...ends) : text.length;
  return hits.find((h) => h.index > at && h.index < sentenceEnd);
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
  return [...text.matchAll(GRADE_STATEMENT)].map((m) => {
    const own = scoreFor(text, m.index!);
    const score = own ? { ...own, evidence: evidence(own.raw) } : fallback;
    return { word: m[1], band: GRADE_WORDS[m[1]], raw: m[0], evidence, score, fromTable: !own && !!fallback };
  });
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
            ? statementsIn(cell.text, (q) => cellEvidence(doc, b, r, c, q), fallback)
            : []
        )
      );
    }
    return statementsIn(b.text, (q) => textEvidence(doc, b.index, q), fallback);
  });
}
