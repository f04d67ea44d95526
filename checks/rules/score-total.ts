/**
 * score-total: the scores of an indicator table against the totals it states. All leaf scores against the
 * 合计/总分 row's score, and a 小计 row's score against the items of its group.
 */
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { Document } from "../../src/model/document.ts";
import type { CellValue, IndicatorTable } from "../../src/analysis/tables/indicator-table.ts";
import { compareSum, show, total } from "../../src/analysis/tables/compare.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { cellQuote, type SubtotalDetails, subtotalFindings } from "../lib/score-tables.ts";

type Details = {
  "scores-vs-total": { stated: number; computed: number; items: number };
  "subtotal-scores": SubtotalDetails;
};

export const scoreTotal = defineRule<Details>({
  meta: {
    id: "score-total",
    severity: "error",
    title: "指标得分合计不符",
    replaces: ["score-sum"],
    messages: {
      "scores-vs-total": { description: "各指标得分之和与总得分不符" },
      "subtotal-scores": { description: "小计行得分与其所属各项得分之和不符" },
    },
    docs: {
      summary: "Indicator scores that do not add up to the table's total score or to a subtotal row's score.",
      rationale:
        "The total score decides the grade; a total or subtotal that contradicts its own items shows " +
        "the table was edited by hand without recomputing, which makes the self-assessed total unreliable.",
      examples: [
        {
          title: "各指标得分之和与总得分不符",
          kind: "invalid",
          messageId: "scores-vs-total",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "40", "38"],
            ["产出", "完成数量", "60", "55"],
            ["合计", "", "100", "95"],
          ])],
        },
        {
          title: "小计行得分与该组各项得分之和不符（空白续行）",
          kind: "invalid",
          messageId: "subtotal-scores",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "20", "18"],
            ["", "资金分配", "20", "17"],
            ["小计", "", "40", "36"],
            ["产出", "完成数量", "60", "55"],
            ["合计", "", "100", "90"],
          ])],
        },
        {
          title: "合计正确",
          kind: "valid",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "40", "38"],
            ["产出", "完成数量", "60", "55"],
            ["合计", "", "100", "93"],
          ])],
        },
      ],
    },
  },
  check(ctx) {
    return ctx.views.indicatorTables.flatMap((it) => [
      ...subtotalFindings(ctx.doc, it, "subtotal-scores"),
      ...totalFindings(ctx.doc, it),
    ]);
  },
});

function totalFindings(doc: Document, it: IndicatorTable): FindingDraft<Details>[] {
  const scores = it.leaves.map((l) => l.score);
  if (scores.length === 0 || scores.some((s) => s === undefined)) return [];
  const ev = cellQuote(doc, it);
  const ss = scores as CellValue[];
  const sum = show(total(ss));
  const out: FindingDraft<Details>[] = [];
  for (const t of it.totals) {
    if (!t.score) continue;
    const v = compareSum(t.score, ss);
    if (v === "match" || v === "truncation") continue;
    out.push({
      severity: v === "rounding" ? "warning" : undefined,
      certainty: v === "rounding" ? "rounding" : undefined,
      message: `各末级指标得分合计${sum}分，与合计行所列总得分${t.score.raw}分不符。`,
      hint: "重新合计各指标得分，更正总得分或有误的指标得分。",
      evidence: [ev(t.score, t.score.raw)],
      messageId: "scores-vs-total",
      details: { stated: t.score.value, computed: Number(sum), items: ss.length },
    });
  }
  return out;
}
