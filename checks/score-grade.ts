/**
 * score-grade: the grade word stated for the evaluation (评价等级为优 / 等级：良好 / 综合评定为…) against
 * the total score it goes with and the grade bands of the configuration (90/80/60 by default, lower bounds
 * inclusive: exactly 90 is 优).
 */
import type { CheckContext, FindingDraft, Rule } from "./rule.ts";
import type { Config } from "../src/model/config.ts";
import { indicatorTables } from "./tables/indicator-table.ts";
import { asciiDigits } from "../src/extract/numbers.ts";
import { cellEvidence, evidence as textEvidence } from "./util/evidence.ts";
import type { Evidence } from "../src/model/finding.ts";

export const scoreGrade: Rule = {
  meta: {
    id: "score-grade",
    severity: "error",
    title: "评价等级与得分不符",
    docs: {
      summary:
        "The stated grade (优/良/中/差 …) does not follow from the stated total score and the grade bands.",
      rationale:
        "The grade is what readers remember; a grade above the band of the score overstates the result.",
      example: "综合得分89.9分，评价等级为“优”。",
    },
  },
  check(ctx) {
    const fallback = tableTotalScore(ctx);
    return ctx.doc.blocks.flatMap((b) => {
      if (b.kind === "table") {
        return b.grid.flatMap((row, r) =>
          row.flatMap((cell, c) =>
            cell.anchorRow === r && cell.anchorCol === c
              ? gradeFindings(ctx, cell.text, (q) => cellEvidence(ctx.doc, b, r, c, q), fallback)
              : []
          )
        );
      }
      return gradeFindings(ctx, b.text, (q) => textEvidence(ctx.doc, b.index, q), fallback);
    });
  },
};

type Band = "excellent" | "good" | "pass" | "fail";

const GRADE_WORDS: Record<string, Band> = {
  "优秀": "excellent",
  "优": "excellent",
  "良好": "good",
  "良": "good",
  "中": "pass",
  "中等": "pass",
  "合格": "pass",
  "一般": "pass",
  "差": "fail",
  "不合格": "fail",
};

const BAND_NAME: Record<Band, string> = { excellent: "优", good: "良", pass: "中", fail: "差" };

/** A grade word right after a grade keyword, closed by a quote, punctuation or the end. */
const GRADE = new RegExp(
  "(?:评价等级|绩效等级|考核等级|综合评定|评定等级|评价结果|评定结果|评定|评级|等级|等次|绩效)" +
    // A copula, a colon or an opening quote is required, so that "绩效良好" (an adjective) is not a grade.
    '[\\s\\u3000]*(?:(?:为|是|属于|[：:])[\\s\\u3000]*[“"「『‘]?|[“"「『‘])[\\s\\u3000]*' +
    "(优秀|良好|不合格|合格|一般|中等|优|良|中|差)" +
    '(?=[”"」』’]|[\\s\\u3000]*(?:[。，；、,;.）)]|$|等级|等次|级|档))',
  "g",
);

const SCORE =
  /(?:总得分|综合得分|总分|得分|评分|得)[\s\u3000]*(?:为|是|[：:])?[\s\u3000]*([0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*分/g;

export function bandOf(score: number, bands: Config["gradeBands"]): Band {
  if (score >= bands.excellent) return "excellent";
  if (score >= bands.good) return "good";
  if (score >= bands.pass) return "pass";
  return "fail";
}

function bandRange(b: Band, bands: Config["gradeBands"]): string {
  switch (b) {
    case "excellent":
      return `${bands.excellent}分及以上`;
    case "good":
      return `${bands.good}分至${bands.excellent}分（不含）`;
    case "pass":
      return `${bands.pass}分至${bands.good}分（不含）`;
    case "fail":
      return `${bands.pass}分以下`;
  }
}

interface ScoreHit {
  value: number;
  raw: string;
  index: number;
}

/** The total the grade refers to: the last score before it in the same sentence, else the nearest in the block. */
function scoreFor(text: string, at: number): ScoreHit | undefined {
  const hits: ScoreHit[] = [...text.matchAll(SCORE)].map((m) => ({
    value: Number(asciiDigits(m[1])),
    raw: m[0],
    index: m.index!,
  }));
  if (hits.length === 0) return undefined;
  const sentenceStart = Math.max(...["。", "；", ";", "\n"].map((p) => text.lastIndexOf(p, at))) + 1;
  const before = hits.filter((h) => h.index < at);
  const inSentence = before.filter((h) => h.index >= sentenceStart);
  if (inSentence.length > 0) return inSentence[inSentence.length - 1];
  const sentenceEnd = (() => {
    const ends = ["。", "；", ";", "\n"].map((p) => text.indexOf(p, at)).filter((i) => i >= 0);
    return ends.length > 0 ? Math.min(...ends) : text.length;
  })();
  return hits.find((h) => h.index > at && h.index < sentenceEnd);
}

function gradeFindings(
  ctx: CheckContext,
  text: string,
  evidence: (quote: string) => ReturnType<typeof textEvidence>,
  fallback?: ScoreHit & { evidence: Evidence },
): FindingDraft[] {
  const out: FindingDraft[] = [];
  const bands = ctx.config.gradeBands;
  for (const m of text.matchAll(GRADE)) {
    const word = m[1];
    const stated = GRADE_WORDS[word];
    const score = scoreFor(text, m.index!) ?? fallback;
    if (!score) continue;
    const actual = bandOf(score.value, bands);
    if (actual === stated) continue;
    out.push({
      message: `得分${score.value}分按等级标准（${bandRange(actual, bands)}为“${BAND_NAME[actual]}”）应评为“${
        BAND_NAME[actual]
      }”，但文中评定为“${word}”。`,
      hint:
        `按评分标准（优≥${bands.excellent}分，良≥${bands.good}分，中≥${bands.pass}分）核对评价等级或总得分。`,
      evidence: score === fallback
        ? [evidence(m[0]), fallback.evidence]
        : [evidence(score.raw), evidence(m[0])],
      details: {
        score: score.value,
        statedGrade: word,
        expectedGrade: BAND_NAME[actual],
        bands,
        ...(score === fallback ? { assumption: "该等级对应评分表合计行的总得分" } : {}),
      },
      ...(score === fallback ? { severity: "warning" as const } : {}),
    });
  }
  return out;
}

/** The indicator table's stated total score, for a grade stated without a score beside it. */
function tableTotalScore(ctx: CheckContext): (ScoreHit & { evidence: Evidence }) | undefined {
  for (const it of indicatorTables(ctx.doc)) {
    const t = it.totals.find((x) => x.score);
    if (t?.score) {
      const { value, raw, row, col } = t.score;
      return { value, raw, index: -1, evidence: cellEvidence(ctx.doc, it.table, row, col, raw) };
    }
  }
  return undefined;
}
