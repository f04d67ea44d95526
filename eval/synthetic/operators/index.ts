/** The defect operators, by name. Each mutates the model in place and returns its key item, or undefined. */
import { conflictingFigure, countMismatch, percentage, sumPart } from "./figures.ts";
import { gradeMismatch, questionnaireOver, scoreOverWeight, scoreSubtotal } from "./scores.ts";
import { duplicateParagraph, foreignEntity, headingNumbering, staleYear, tocRenamed } from "./document.ts";
import type { Operator } from "./util.ts";

export const OPERATORS: Record<string, Operator> = {
  "conflicting-figure": conflictingFigure,
  "sum-part": sumPart,
  "percentage": percentage,
  "score-over-weight": scoreOverWeight,
  "score-subtotal": scoreSubtotal,
  "grade": gradeMismatch,
  "questionnaire-over": questionnaireOver,
  "stale-year": staleYear,
  "foreign-entity": foreignEntity,
  "count": countMismatch,
  "heading-numbering": headingNumbering,
  "toc-renamed": tocRenamed,
  // Last, so that the copied paragraph is the final text of its original.
  "duplicate-paragraph": duplicateParagraph,
};

/** Pairs that would touch the same thing. */
export const EXCLUSIVE: [string, string][] = [["heading-numbering", "toc-renamed"]];

export type { Operator };
