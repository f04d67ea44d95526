/** The one list of rules. Order here is the order findings are reported in. */
import type { Rule } from "./rule.ts";
import { foreignEntity } from "./foreign-entity.ts";
import { countMismatch } from "./count-mismatch.ts";
import { duplicateParagraph } from "./duplicate-paragraph.ts";
import { duplicateSentence } from "./duplicate-sentence.ts";
import { conflictingFigure } from "./conflicting-figure.ts";
import { crossReference } from "./cross-reference.ts";
import { staleYear } from "./stale-year.ts";
import { tocMismatch } from "./toc-mismatch.ts";
import { headingNumbering } from "./heading-numbering.ts";
import { typo } from "./typo.ts";
import { percentageArithmetic } from "./percentage-arithmetic.ts";
import { sumMismatch } from "./sum-mismatch.ts";
import { scoreSum } from "./score-sum.ts";
import { scoreExceedsWeight } from "./score-exceeds-weight.ts";
import { scoreGrade } from "./score-grade.ts";
import { questionnaireTally } from "./questionnaire-tally.ts";
import { scoreRule } from "./score-rule.ts";

export const RULES: Rule[] = [
  duplicateParagraph,
  duplicateSentence,
  conflictingFigure,
  typo,
  headingNumbering,
  tocMismatch,
  percentageArithmetic,
  sumMismatch,
  staleYear,
  crossReference,
  countMismatch,
  foreignEntity,
  scoreSum,
  scoreExceedsWeight,
  scoreGrade,
  questionnaireTally,
  scoreRule,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
