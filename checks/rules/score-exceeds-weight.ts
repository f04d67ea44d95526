/**
 * score-exceeds-weight: a score above the weight it is out of. In an indicator table, an item's 得分
 * above its 分值 (or above the weight its label declares); in the text, 得X分 above the 总评价分 of the same
 * sentence, or above the table weight of the indicator of the same name (a name match: warning).
 */
import { type CheckContext, defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { ScoreClaim } from "../../src/model/figure.ts";
import { type IndicatorTable, leafWeights } from "../../src/analysis/tables/indicator-table.ts";
import { cellEvidence, locEvidence } from "../../src/analysis/evidence.ts";
import { counterpartOf } from "../lib/score-tables.ts";
import { show } from "../../src/analysis/tables/compare.ts";
import { squash } from "../../src/analysis/tables/cell-number.ts";
import { table } from "../../src/testing/doc-spec.ts";

const EPS = 1e-9;

type Details = {
  table: { indicator: string; score: number; weights: number[]; assumption?: string };
  text: { score: number; weight: number };
  "text-vs-table": { subject: string; score: number; tableWeights: number[]; assumption: string };
};

export const scoreExceedsWeight = defineRule<Details>({
  meta: {
    id: "score-exceeds-weight",
    severity: "error",
    title: "得分超过分值",
    messages: {
      table: { description: "评分表中得分超过分值" },
      text: { description: "正文得分超过所述总分" },
      "text-vs-table": { description: "正文得分超过附表同名指标的分值", certainty: "assumption" },
    },
    docs: {
      summary: "A score above the weight of its indicator, in the scoring table or in the text.",
      rationale: "No indicator can earn more than its weight; a score above it is a typing error or an " +
        "inflated self-assessment, and it inflates the total.",
      examples: [
        {
          title: "得分超过分值",
          kind: "invalid",
          messageId: "table",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "3", "4"],
            ["决策", "资金分配", "2", "2"],
          ])],
        },
        {
          title: "得分不超过分值",
          kind: "valid",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "3", "3"],
            ["决策", "资金分配", "2", "2"],
          ])],
        },
      ],
    },
  },
  check(ctx) {
    return [...ctx.views.indicatorTables.flatMap((it) => tableFindings(ctx, it)), ...textFindings(ctx)];
  },
});

function tableFindings(ctx: CheckContext, it: IndicatorTable): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
  for (const leaf of it.leaves) {
    const score = leaf.score;
    const weights = leafWeights(leaf);
    if (!score || weights.length === 0) continue;
    const below = weights.filter((w) => score.value > w.value + EPS);
    if (below.length === 0) continue;
    const all = below.length === weights.length;
    const name = squash(leaf.label.text);
    out.push({
      severity: all ? undefined : "warning",
      message: all
        ? `指标「${name}」得分${score.raw}分，超过其分值${
          below.map((w) => `${show(w.value)}分`).join("、")
        }。`
        : `指标「${name}」得分${score.raw}分，超过名称中标注的${
          below.map((w) => `${show(w.value)}分`).join("、")
        }（分值列为${leaf.weight?.raw ?? "—"}分，两处分值不一致）。`,
      hint: "得分不应超过该指标的分值，请核对得分或分值。",
      evidence: [
        cellEvidence(ctx.doc, it.table, score.row, score.col, score.raw),
        ...below.map((w) => cellEvidence(ctx.doc, it.table, w.row, w.col, w.raw)),
      ],
      messageId: "table",

      details: {
        indicator: leaf.name,
        score: score.value,
        weights: weights.map((w) => w.value),
        ...(all ? {} : { assumption: "分值以名称中的标注为准" }),
      },
    });
  }
  return out;
}

function textFindings(ctx: CheckContext): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
  for (const c of ctx.views.scoreClaims) {
    const ev = locEvidence(ctx.doc, c.loc, c.quote);
    if (c.weight && c.score.stated > c.weight.stated + EPS) {
      out.push({
        message: `正文「${c.quote}」中得分${c.score.raw}超过总分${c.weight.raw}。`,
        hint: "得分不应超过该部分的总分，请核对。",
        evidence: [ev],
        messageId: "text",

        details: { score: c.score.stated, weight: c.weight.stated },
      });
      continue;
    }
    const f = versusTable(ctx, c);
    if (f) out.push(f);
  }
  return out;
}

/** The claim against the effective weight of the table indicator of the same name (shared with score-text-sum). */
function versusTable(ctx: CheckContext, c: ScoreClaim): FindingDraft<Details> | undefined {
  const cp = counterpartOf(ctx.views, c);
  if (!cp) return undefined;
  const { weights, name } = cp;
  if (weights.length === 0 || !weights.every((w) => c.score.stated > w.value + EPS)) return undefined;
  return {
    messageId: "text-vs-table",
    severity: "warning",
    message: `正文「${c.quote}」得分${c.score.raw}，超过附表中同名指标「${name}」的分值${
      weights.map((w) => `${show(w.value)}分`).join("、")
    }。（按指标名称对应，请核实是否为同一指标。）`,
    hint: "核对正文得分与评分表分值。",
    evidence: [
      locEvidence(ctx.doc, c.loc, c.quote),
      ...weights.map((w) => cellEvidence(ctx.doc, cp.it.table, w.row, w.col, w.raw)),
    ],
    details: {
      subject: c.subject,
      score: c.score.stated,
      tableWeights: weights.map((w) => w.value),
      assumption: "正文与表格按指标名称对应",
    },
  };
}
