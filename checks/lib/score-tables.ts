/**
 * What the score rules (score-weight-tree, score-weight-total, score-total, score-text-sum,
 * score-exceeds-weight) share: the per-document data they read, computed once through `ctx.views`
 * (a table's stated total weights, the narrative's full marks, a claim's table counterpart), and the one
 * comparison of a 小计 row with its group, for its weights and for its scores.
 */
import type { Document } from "../../src/model/document.ts";
import type { Evidence } from "../../src/model/finding.ts";
import type { ScoreClaim } from "../../src/model/figure.ts";
import type { FindingDraft } from "../../src/model/rule.ts";
import type { Views } from "../../src/analysis/views.ts";
import { cellEvidence } from "../../src/analysis/evidence.ts";
import {
  type CellValue,
  type IndicatorTable,
  leafWeight,
  nodeLabel,
  type SubtotalRow,
} from "../../src/analysis/tables/indicator-table.ts";
import { compareTableSum, show, type Stated, total } from "../../src/analysis/tables/compare.ts";
import {
  fullMarks,
  statedTotalWeights,
  type TableCounterpart,
  tableCounterpart,
} from "../../src/analysis/tables/score-totals.ts";

/** The total weights a table's total rows state, one per cell (computed once per table). */
export function statedTotals(views: Views, it: IndicatorTable): CellValue[] {
  return views.per("score:stated-totals", it, statedTotalWeights);
}

/** The full marks the narrative's subtotals add up to: the tables' stated total, else 100. */
export function narrativeFullMarks(views: Views): Stated {
  return views.memo("score:full-marks", () => fullMarks(views.indicatorTables));
}

/** The table indicator of the claim's name, if exactly one (computed once per claim). */
export function counterpartOf(views: Views, c: ScoreClaim): TableCounterpart | undefined {
  return views.per("score:counterpart", c, (claim) => tableCounterpart(claim, views.indicatorNames));
}

/** Evidence for a cell of the indicator table, quoting `quote` in it. */
export function cellQuote(doc: Document, it: IndicatorTable) {
  return (c: { row: number; col: number }, quote?: string): Evidence =>
    cellEvidence(doc, it.table, c.row, c.col, quote);
}

export type SubtotalDetails = {
  /** The group's label, when the subtotal row names it or closes exactly one group. */
  group: string | undefined;
  stated: number;
  computed: number;
  parts: number[];
  grouping: SubtotalRow["grouping"];
  assumption?: string;
};

type SubtotalKind = { "subtotal-weights": SubtotalDetails; "subtotal-scores": SubtotalDetails };

/**
 * Each 小计 row's weight (`subtotal-weights`) or score (`subtotal-scores`) against the items of its group.
 * The group is certain when the row names it or when the items since the previous 小计 are exactly one group
 * of the tree; otherwise it is taken by position (a warning).
 */
export function subtotalFindings<K extends keyof SubtotalKind>(
  doc: Document,
  it: IndicatorTable,
  messageId: K,
): FindingDraft<Pick<SubtotalKind, K>>[] {
  const ev = cellQuote(doc, it);
  const weights = messageId === "subtotal-weights";
  const what = weights ? "分值" : "得分";
  const out: FindingDraft<Pick<SubtotalKind, K>>[] = [];
  for (const sub of it.subtotals) {
    if (sub.leaves.length === 0) continue;
    const stated = weights ? sub.weight : sub.score;
    const items = weights ? sub.leaves.map(leafWeight) : sub.leaves.map((l) => l.score);
    if (!stated || items.some((p) => p === undefined)) continue;
    const parts = items as CellValue[];
    const v = compareTableSum(stated, parts);
    if (v === "match" || v === "truncation") continue;
    const assumed = sub.grouping === "position";
    const group = sub.node ? `“${nodeLabel(sub.node)}”` : "";
    const which = assumed ? `其上方${sub.leaves.length}项` : `${group}所属${sub.leaves.length}项`;
    const sum = show(total(parts));
    const formula = parts.length > 1 ? `${parts.map((p) => show(p.value)).join("+")}=${sum}` : sum;
    const rounding = v === "rounding";
    const roundedParts = v === "rounded-parts";
    const assumptions = [
      ...(roundedParts ? [`各项${what}均为四舍五入后的近似值时小计才可能如此`] : []),
      ...(assumed ? ["小计行汇总其上方、前一小计行以下的各项"] : []),
    ];
    out.push({
      messageId,
      severity: rounding || assumed || roundedParts ? "warning" : undefined,
      certainty: rounding ? "rounding" : assumptions.length ? "assumption" : "certain",
      message: `${group}小计行${what}${stated.raw}分，${which}指标${what}合计${formula}分，` +
        (rounding ? "仅在末位舍入范围内相差。" : "二者不符。") +
        (roundedParts ? `（仅当各项${what}均为四舍五入后的近似值时才可能相符。）` : "") +
        (assumed ? "（按位置把小计行上方、前一小计行以下的各项视为其组成。）" : ""),
      hint: `重新合计该组各项${what}，更正小计行或有误的指标${what}。`,
      evidence: [ev(stated, stated.raw), ...parts.slice(0, 12).map((p) => ev(p, p.raw))],
      details: {
        group: sub.node ? nodeLabel(sub.node) : undefined,
        stated: stated.value,
        computed: Number(sum),
        parts: parts.map((p) => p.value),
        grouping: sub.grouping,
        ...(assumptions.length ? { assumption: assumptions.join("；") } : {}),
      },
    } as FindingDraft<Pick<SubtotalKind, K>>);
  }
  return out;
}
