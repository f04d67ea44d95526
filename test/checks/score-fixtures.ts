/**
 * Score fixtures: claims as src/extract would report them (quote, score and weight located in the block), and
 * the four rules the former score-sum rule was split into, run together.
 */
import assert from "node:assert/strict";
import type { Document } from "../../src/model/document.ts";
import type { Extraction, Figure, ScoreClaim } from "../../src/model/figure.ts";
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import type { Finding } from "../../src/model/finding.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import { checkContext } from "../../src/testing/context.ts";
import { runChecks } from "../../src/audit.ts";
import { extract } from "../../src/extract/index.ts";
import { type Expected, type InvalidCase, ruleTester, type ValidCase } from "../helpers/rule-tester.ts";
import { scoreWeightTree } from "../../checks/rules/score-weight-tree.ts";
import { scoreWeightTotal } from "../../checks/rules/score-weight-total.ts";
import { scoreTotal } from "../../checks/rules/score-total.ts";
import { scoreTextSum } from "../../checks/rules/score-text-sum.ts";
import { makeDoc, type Merge, table } from "../../src/testing/doc-spec.ts";

function figure(doc: Document, block: number, raw: string, from = 0): Figure {
  const text = (doc.blocks[block] as { text: string }).text;
  const start = text.indexOf(raw, from);
  assert.ok(start >= 0, raw);
  const num = raw.replace(/分$/, "");
  return {
    value: Number(num),
    stated: Number(num),
    decimals: num.includes(".") ? num.split(".")[1].length : 0,
    unit: "分",
    writtenUnit: "分",
    scale: 1,
    approx: "exact",
    raw,
    subject: "",
    quote: raw,
    loc: { block, start, end: start + raw.length },
    chineseNumeral: false,
  };
}

/** A claim: quote is found in the block; score (and weight) are found inside the quote. */
export function claim(
  doc: Document,
  block: number,
  quote: string,
  subject: string,
  score: string,
  weight?: string,
): ScoreClaim {
  const text = (doc.blocks[block] as { text: string }).text;
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  const w = weight ? figure(doc, block, weight, start) : undefined;
  const s = figure(doc, block, score, w ? w.loc.end : start);
  return {
    kind: "score",
    score: s,
    weight: w,
    subject,
    quote,
    loc: { block, start, end: start + quote.length },
  };
}

/** The rules the former score-sum rule was split into, in registry order (they replace "score-sum"). */
export const SCORE_SUM_RULES: Rule[] = [scoreWeightTree, scoreWeightTotal, scoreTotal, scoreTextSum];

/** The four rules' drafts on a document, rule by rule (what score-sum's `check` returned, in another order). */
export function checkScoreSums(
  doc: Document,
  extraction: Extraction = { figures: [], relations: [] },
): FindingDraft[] {
  const ctx = checkContext({ doc, extraction, config: DEFAULT_CONFIG });
  return SCORE_SUM_RULES.flatMap((r) => r.check(ctx));
}

/** The four rules run the way the pipeline runs them (real extraction, severities settled). */
export function runScoreSums(doc: Document): Finding[] {
  return runChecks(doc, extract(doc), DEFAULT_CONFIG, SCORE_SUM_RULES);
}

/**
 * Rule-tester cases written for the four rules together: each rule gets the invalid cases that name one of
 * its messages (with only those errors, in order) and every other case as a valid one.
 */
export function scoreSumTester(cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const rule of SCORE_SUM_RULES) {
    const mine = (e: Expected) => e.messageId in rule.meta.messages;
    const errorsOf = (c: InvalidCase): Expected[] => {
      if (typeof c.errors === "number") throw new Error(`${c.name}: list the expected messages`);
      return c.errors;
    };
    ruleTester(rule, {
      valid: [
        ...cases.valid,
        ...cases.invalid.filter((c) => !errorsOf(c).some(mine)).map(({ errors: _, ...c }) => c),
      ],
      invalid: cases.invalid.filter((c) => errorsOf(c).some(mine))
        .map((c) => ({ ...c, errors: errorsOf(c).filter(mine) })),
    });
  }
}

export const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "得分"];

/** An indicator table after a heading: one 一级 with two 二级 groups, merged down their rows. */
export function indicatorDoc(rows: string[][], merges: Merge[] = [
  { row: 1, col: 0, rowspan: 4 },
  { row: 1, col: 1, rowspan: 2 },
  { row: 3, col: 1, rowspan: 2 },
]): Document {
  return makeDoc(["附件", table([HEADER, ...rows], merges)]);
}

/** Weights and scores that add up, with half points (2.5 + 2.5) and label weights. */
export const GOOD = [
  ["A决策（10分）", "A1目标（5分）", "A11规划（2.5分）", "2.5", "2"],
  ["A决策（10分）", "A1目标（5分）", "A12计划（2.5分）", "2.5", "2.5"],
  ["A决策（10分）", "A2投入（5分）", "A21预算（3分）", "3", "3"],
  ["A决策（10分）", "A2投入（5分）", "A22人力（2分）", "2", "1"],
  ["合计", "", "", "10", "8.5"],
];
