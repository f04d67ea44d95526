/**
 * score-grade: the grade word stated for the evaluation (评价等级为优 / 等级：良好 / 综合评定为…) against
 * the total score it goes with and the grade bands: the report's own where it states them (优（85分及以上）…,
 * src/analysis/grades.ts), else the configuration's (90/80/60 by default, lower bounds inclusive: exactly 90
 * is 优). Grade statements and their scores come from the analysis
 * (ctx.views.gradeStatements); grade words and keywords are vocabulary (src/analysis/vocab.ts).
 */
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { Config } from "../../src/model/config.ts";
import { type Band, BAND_NAME } from "../../src/analysis/vocab.ts";
import { h } from "../../src/testing/doc-spec.ts";
import { type StatedBands, statedBands } from "../../src/analysis/grades.ts";

type Details = {
  "grade-vs-score": {
    /** The total score the grade goes with. */
    score: number;
    /** The grade word as written, and the one the score's band names. */
    statedGrade: string;
    expectedGrade: string;
    /** The grade bands the score was judged by (the configuration's). */
    bands: Config["gradeBands"];
    /** Set when the score is the scoring table's total rather than one the text states with the grade. */
    assumption?: string;
  };
};

export const scoreGrade = defineRule<Details>({
  meta: {
    id: "score-grade",
    severity: "error",
    title: "评价等级与得分不符",
    messages: {
      "grade-vs-score": { description: "评价等级与总得分不符" },
    },
    docs: {
      summary:
        "The stated grade (优/良/中/差 …) does not follow from the stated total score and the grade bands. " +
        "The report's own bands (优（85分及以上）…) come first; a judgement that rests on a band floor the report " +
        "does not state (the configuration's, 90/80/60 by default) is a warning that names it.",
      rationale:
        "The grade is what readers remember; a grade above the band of the score overstates the result.",
      examples: [
        {
          title: "89.9分评为优",
          kind: "invalid",
          messageId: "grade-vs-score",
          doc: [h(1, "一、评价结论"), "综合得分89.9分，评价等级为“优”。"],
        },
        {
          title: "按报告自列的等级标准（85分以上为优）",
          kind: "valid",
          doc: [
            h(1, "一、评价结论"),
            "评价等级分为优（85分及以上）、良（70-84分）、中（60-69分）、差（60分以下）。",
            "综合得分87分，评价等级为“优”。",
          ],
        },
        {
          title: "90分评为优（下限含本数）",
          kind: "valid",
          doc: [h(1, "一、评价结论"), "综合得分90分，评价等级为“优”。"],
        },
      ],
    },
  },
  check(ctx) {
    const stated = statedBands(ctx.views);
    const bands = gradeBands(ctx.config.gradeBands, stated);
    if (!bands) return [];
    const out: FindingDraft<Details>[] = [];
    for (const g of ctx.views.gradeStatements) {
      const score = g.score;
      if (!score) continue;
      const actual = bandOf(score.value, bands);
      if (actual === g.band) continue;
      const bound = decisiveBound(actual, g.band);
      const assumptions = [
        ...(g.fromTable ? ["该等级对应评分表合计行的总得分"] : []),
        ...(stated.bands[bound] === undefined
          ? [
            `报告未写明等级标准，按“${BAND_NAME[bound]}”不低于${
              bands[bound]
            }分判断；如本地标准不同，以本地标准为准`,
          ]
          : []),
      ];
      out.push({
        messageId: "grade-vs-score",
        message: `得分${score.value}分按等级标准（${bandRange(actual, bands)}为“${
          BAND_NAME[actual]
        }”）应评为“${BAND_NAME[actual]}”，但文中评定为“${g.word}”。`,
        hint:
          `按评分标准（优≥${bands.excellent}分，良≥${bands.good}分，中≥${bands.pass}分）核对评价等级或总得分。`,
        evidence: g.fromTable ? [g.evidence(g.raw), score.evidence] : [score.evidence, g.evidence(g.raw)],
        details: {
          score: score.value,
          statedGrade: g.word,
          expectedGrade: BAND_NAME[actual],
          bands,
          ...(assumptions.length ? { assumption: assumptions.join("；") } : {}),
        },
        ...(assumptions.length ? { certainty: "assumption" as const } : {}),
      });
    }
    return out;
  },
});

/**
 * The bands a grade is judged by: the report's own where it states them (优（85分及以上）…), the
 * configuration's for the rest; none when the report's standard is unclear (two bounds for one band, or
 * bounds out of order).
 */
export function gradeBands(
  config: Config["gradeBands"],
  stated: StatedBands,
): Config["gradeBands"] | undefined {
  if (stated.conflicting) return undefined;
  const bands = { ...config, ...stated.bands };
  return bands.excellent > bands.good && bands.good > bands.pass ? bands : undefined;
}

const BAND_ORDER: readonly Band[] = ["fail", "pass", "good", "excellent"];

/**
 * The band floor that settles whether a score in `actual` may carry the grade `stated`: the stated band's
 * own floor when the score is below it, else the floor of the band above the stated one.
 */
function decisiveBound(actual: Band, stated: Band): Exclude<Band, "fail"> {
  const a = BAND_ORDER.indexOf(actual), s = BAND_ORDER.indexOf(stated);
  return BAND_ORDER[s > a ? s : s + 1] as Exclude<Band, "fail">;
}

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
