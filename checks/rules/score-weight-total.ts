/**
 * score-weight-total: the weights of an indicator table against the total weight it states. All leaf
 * weights against the 合计 row's 分值 (or a "100分" written in its label), the top-level weights against
 * it, and, when the table states no total, all leaf weights against the customary 100 (an assumption).
 */
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { CheckContext } from "../../src/model/rule.ts";
import {
  type CellValue,
  declaredWeights,
  type IndicatorTable,
  leafWeight,
} from "../../src/analysis/tables/indicator-table.ts";
import { compareSum, show, total } from "../../src/analysis/tables/compare.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { cellQuote, statedTotals } from "../lib/score-tables.ts";

type Details = {
  "weights-vs-total": { stated: number; computed: number; items: number };
  "weights-vs-100": { computed: number; assumption: string };
  "top-level-vs-total": { stated: number; computed: number };
};

export const scoreWeightTotal = defineRule<Details>({
  meta: {
    id: "score-weight-total",
    severity: "error",
    title: "指标分值合计不符",
    replaces: ["score-sum"],
    messages: {
      "weights-vs-total": { description: "各指标分值之和与合计行不符" },
      "weights-vs-100": { description: "各指标分值之和不是100分", certainty: "assumption" },
      "top-level-vs-total": { description: "一级指标分值之和与合计行不符" },
    },
    docs: {
      summary: "Indicator weights that do not add up to the total weight the table states (or to 100 when " +
        "it states none).",
      rationale:
        "The total weight is what the self-assessed score is out of; weights that do not add up to " +
        "it mean an indicator is missing or mis-weighted, and the grade rests on the wrong scale.",
      examples: [
        {
          title: "各指标分值之和与合计行不符",
          kind: "invalid",
          messageId: "weights-vs-total",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "40", "38"],
            ["产出", "完成数量", "50", "45"],
            ["合计", "", "100", "83"],
          ])],
        },
        {
          title: "表中未列总分值，各指标分值之和不是100分（按惯例判断）",
          kind: "invalid",
          messageId: "weights-vs-100",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "40", "38"],
            ["产出", "完成数量", "50", "45"],
          ])],
        },
        {
          title: "分值合计正确",
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
    return ctx.views.indicatorTables.flatMap((it) => totalFindings(ctx, it));
  },
});

function totalFindings(ctx: CheckContext, it: IndicatorTable): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
  const ev = cellQuote(ctx.doc, it);
  const stated = statedTotals(ctx.views, it);
  const weights = it.leaves.map(leafWeight);
  if (weights.every((w) => w !== undefined)) {
    const ws = weights as CellValue[];
    const sum = show(total(ws));
    for (const s of stated) {
      const v = compareSum(s, ws);
      if (v === "match" || v === "truncation") continue;
      out.push({
        severity: v === "rounding" ? "warning" : undefined,
        certainty: v === "rounding" ? "rounding" : undefined,
        message: `各末级指标分值合计${sum}分，与合计行所列总分值${s.raw}分不符。`,
        hint: "核对各指标分值或合计行。",
        evidence: [ev(s, s.raw)],
        messageId: "weights-vs-total",
        details: { stated: s.value, computed: Number(sum), items: ws.length },
      });
    }
    if (stated.length === 0 && compareSum({ value: 100, decimals: 0 }, ws) === "mismatch") {
      out.push({
        severity: "warning",
        message: `各末级指标分值合计${sum}分，不是100分（按满分100分的惯例判断；表中未列总分值）。`,
        hint: "核对各指标分值是否完整、正确。",
        evidence: [ev(ws[0], ws[0].raw)],
        messageId: "weights-vs-100",
        details: { computed: Number(sum), assumption: "满分100分" },
      });
    }
  }
  const roots = it.roots.map((n) => declaredWeights(n));
  // Items outside any group (the 自评表's 预算执行 row) are top-level parts of the total too.
  const loose = it.leaves.filter((l) => !l.parent).map(leafWeight);
  if (roots.length > 0 && roots.every((ws) => ws.length === 1) && loose.every((w) => w !== undefined)) {
    const rw = [...roots.map((ws) => ws[0]), ...(loose as CellValue[])];
    for (const s of stated) {
      const v = compareSum(s, rw);
      if (v === "match" || v === "truncation") continue;
      out.push({
        severity: v === "rounding" ? "warning" : undefined,
        certainty: v === "rounding" ? "rounding" : undefined,
        message: `一级指标分值合计${rw.map((w) => show(w.value)).join("+")}=${
          show(total(rw))
        }分，与合计行所列总分值${s.raw}分不符。`,
        hint: "核对一级指标的分值标注或合计行。",
        evidence: [...rw.map((w) => ev(w, w.raw)), ev(s, s.raw)],
        messageId: "top-level-vs-total",
        details: { stated: s.value, computed: total(rw) },
      });
    }
  }
  return out;
}
