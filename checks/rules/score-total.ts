/**
 * score-total: the scores of an indicator table against the totals it states. All leaf scores against the
 * 合计/总分 row's score, and a 小计 row's score against the items of its group.
 */
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { Document } from "../../src/model/document.ts";
import type { CellValue, IndicatorTable } from "../../src/analysis/tables/indicator-table.ts";
import { compareTableSum, show, total } from "../../src/analysis/tables/compare.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { cellQuote, type SubtotalDetails, subtotalFindings } from "../lib/score-tables.ts";
import type { CheckContext } from "../../src/model/rule.ts";
import { compareStated, decimalsOf, intervalOf } from "../../src/extract/tolerance.ts";
import { asciiDigits } from "../../src/extract/numbers.ts";
import { evidence } from "../../src/analysis/evidence.ts";
import { BAND_BOUND_AFTER, PART_SCORE_SUBJECT, SELF_TOTAL_SCORE } from "../../src/analysis/vocab.ts";

type Details = {
  "scores-vs-total": { stated: number; computed: number; items: number; assumption?: string };
  "text-vs-table-total": { textScore: number; tableScore: number; assumption?: string };
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
      "text-vs-table-total": { description: "正文所述自评总得分与评分表总得分不符", certainty: "assumption" },
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
          title: "正文所述自评总得分与评分表合计行不符",
          kind: "invalid",
          messageId: "text-vs-table-total",
          doc: [
            table([
              ["一级指标", "二级指标", "分值", "得分"],
              ["决策", "目标明确性", "40", "38"],
              ["产出", "完成数量", "60", "55"],
              ["合计", "", "100", "93"],
            ]),
            "经自评，本项目自评得分95分，评价等级为优秀。",
          ],
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
    return [
      ...ctx.views.indicatorTables.flatMap((it) => [
        ...subtotalFindings(ctx.doc, it, "subtotal-scores"),
        ...totalFindings(ctx.doc, it),
      ]),
      ...textTotalFindings(ctx),
    ];
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
    const v = compareTableSum(t.score, ss);
    if (v === "match" || v === "truncation") continue;
    if (v === "rounded-parts") {
      // Only rounded item scores could give the total: possible, but scores are usually awarded as written.
      const assumption = "各指标得分均为四舍五入后的近似值";
      out.push({
        severity: "warning",
        certainty: "assumption",
        message: `各末级指标得分按表中所列直接相加为${sum}分，与合计行所列总得分${t.score.raw}分不符` +
          `（仅当${assumption}时，合计才可能为${t.score.raw}分）。`,
        hint: "重新合计各指标得分，更正总得分或有误的指标得分。",
        evidence: [ev(t.score, t.score.raw)],
        messageId: "scores-vs-total",
        details: { stated: t.score.value, computed: Number(sum), items: ss.length, assumption },
      });
      continue;
    }
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

/**
 * The total score the narrative states for the evaluation (本项目自评得分96分) against the one indicator
 * table's total row. A warning: that the sentence means this table's total is an assumption (a report with
 * several scored tables is not checked; a sentence about another period is skipped).
 */
function textTotalFindings(ctx: CheckContext): FindingDraft<Details>[] {
  const scored = ctx.views.indicatorTables.filter((it) => it.totals.some((t) => t.score));
  if (scored.length !== 1) return [];
  const it = scored[0];
  const ts = it.totals.find((t) => t.score)!.score!;
  const out: FindingDraft<Details>[] = [];
  for (const b of ctx.doc.blocks) {
    if (b.kind === "table") continue;
    for (const m of b.text.matchAll(SELF_TOTAL_SCORE)) {
      // The clause before it names no part and no other period (本项目 / 经综合评价 only).
      const start = Math.max(...[..."。；;，,\n"].map((p) => b.text.lastIndexOf(p, m.index! - 1))) + 1;
      const lead = b.text.slice(start, m.index!);
      const year = ctx.doc.meta.year;
      if (PART_SCORE_SUBJECT.test(lead) || lead.length > 12) continue;
      if (BAND_BOUND_AFTER.test(b.text.slice(m.index! + m[0].length))) continue; // 综合得分90分（含）以上为优
      // A year other than the report's (or any year, when the report's is unknown): another period's total.
      if ([...lead.matchAll(/((?:19|20)[0-9]{2})年/g)].some((y) => Number(y[1]) !== year)) continue;
      const num = asciiDigits(m[1]).replace("．", ".");
      const v = compareStated(
        Number(num),
        decimalsOf(num),
        intervalOf({ stated: ts.value, decimals: ts.decimals, scale: 1 }),
      );
      if (v === "match" || v === "truncation") continue;
      const rounding = v === "rounding";
      out.push({
        messageId: "text-vs-table-total",
        severity: rounding ? "info" : "warning",
        certainty: rounding ? "rounding" : "assumption",
        message: `正文称「${m[0]}」，评分表合计行总得分为${ts.raw}分，` +
          (rounding ? "仅在末位舍入范围内相差。" : "二者不符。") +
          "（假设正文所述总得分即该评分表的总得分。）",
        hint: "核对正文所述自评总得分与评分表合计行，使两者一致。",
        evidence: [evidence(ctx.doc, b.index, m[0]), cellQuote(ctx.doc, it)(ts, ts.raw)],
        details: {
          textScore: Number(num),
          tableScore: ts.value,
          ...(rounding ? {} : { assumption: "正文所述总得分即评分表合计行的总得分" }),
        },
      });
    }
  }
  return out;
}
