/**
 * score-weight-tree: the weights of an indicator table against its own tree. A node's declared weight
 * ("决策（20分）") against its children's, the same node declared with two weights, a leaf's label weight
 * against its weight column, and a 小计 row's weight against the items of its group.
 */
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { Document } from "../../src/model/document.ts";
import {
  allNodes,
  type CellValue,
  declaredWeights,
  type IndicatorNode,
  type IndicatorTable,
  leafWeight,
  leafWeights,
  leavesUnder,
  nodeLabel,
} from "../../src/analysis/tables/indicator-table.ts";
import { compareSum, show, type Stated, total } from "../../src/analysis/tables/compare.ts";
import { squash } from "../../src/analysis/tables/cell-number.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { cellQuote, type SubtotalDetails, subtotalFindings } from "../lib/score-tables.ts";

type Details = {
  "children-vs-parent": {
    indicator: string;
    declared: number[];
    children: { name: string; weight: number }[];
    computed: number;
  };
  "declared-weights-differ": { indicator: string; weights: number[] };
  "label-vs-column": { indicator: string; labelWeights: number[]; column: number | undefined };
  "subtotal-weights": SubtotalDetails;
};

export const scoreWeightTree = defineRule<Details>({
  meta: {
    id: "score-weight-tree",
    severity: "error",
    title: "指标分值层级不符",
    replaces: ["score-sum"],
    messages: {
      "children-vs-parent": { description: "下级指标分值之和与上级分值不符" },
      "declared-weights-differ": { description: "同一指标标注的分值不一致" },
      "label-vs-column": { description: "指标名称中标注的分值与分值列不一致" },
      "subtotal-weights": { description: "小计行分值与其所属各项分值之和不符" },
    },
    docs: {
      summary:
        "Indicator weights that contradict the table's own tree: children vs parent, label vs weight " +
        "column, one indicator with two weights, a subtotal row's weight vs its group.",
      rationale: "A parent's weight is the sum of its children's by construction; when they disagree the " +
        "scoring table was edited by hand and some weight, and so the total it is scored out of, is wrong.",
      examples: [
        {
          title: "下级指标分值之和与上级分值不符",
          kind: "invalid",
          messageId: "children-vs-parent",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策（30分）", "目标明确性", "15", "14"],
            ["决策（30分）", "资金分配", "10", "9"],
            ["产出（70分）", "完成数量", "70", "65"],
          ], [{ row: 1, col: 0, rowspan: 2 }])],
        },
        {
          title: "小计行分值与其所属各项分值之和不符",
          kind: "invalid",
          messageId: "subtotal-weights",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策", "目标明确性", "20", "18"],
            ["", "资金分配", "20", "17"],
            ["小计", "", "45", "35"],
            ["产出", "完成数量", "60", "55"],
            ["合计", "", "100", "90"],
          ])],
        },
        {
          title: "上级分值等于下级分值之和",
          kind: "valid",
          doc: [table([
            ["一级指标", "二级指标", "分值", "得分"],
            ["决策（30分）", "目标明确性", "15", "14"],
            ["决策（30分）", "资金分配", "15", "9"],
            ["产出（70分）", "完成数量", "70", "65"],
          ], [{ row: 1, col: 0, rowspan: 2 }])],
        },
      ],
    },
  },
  check(ctx) {
    return ctx.views.indicatorTables.flatMap((it) => [
      ...treeFindings(ctx.doc, it),
      ...subtotalFindings(ctx.doc, it, "subtotal-weights"),
    ]);
  },
});

type Part = { stated: Stated; cell: CellValue; name: string };

/** The weights of a node's direct children, in row order; undefined when one is missing or ambiguous. */
function childParts(node: IndicatorNode): Part[] | undefined {
  const items: { row: number; part: Part }[] = [];
  for (const child of node.children) {
    const ws = declaredWeights(child);
    if (ws.length > 1) return undefined;
    const row = Math.min(...child.occurrences.map((o) => o.row));
    if (ws.length === 1) {
      items.push({ row, part: { stated: ws[0], cell: ws[0], name: nodeLabel(child) } });
      continue;
    }
    const ls = leavesUnder(child).map(leafWeight);
    if (ls.some((w) => w === undefined)) return undefined;
    const sumW = total(ls as CellValue[]);
    const d = Math.max(0, ...ls.map((w) => w!.decimals));
    items.push({ row, part: { stated: { value: sumW, decimals: d }, cell: ls[0]!, name: nodeLabel(child) } });
  }
  for (const leaf of node.leaves) {
    const w = leafWeight(leaf);
    if (!w) return undefined;
    items.push({ row: leaf.row, part: { stated: w, cell: w, name: squash(leaf.label.text) } });
  }
  return items.sort((a, b) => a.row - b.row).map((it) => it.part);
}

function treeFindings(doc: Document, it: IndicatorTable): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
  const ev = cellQuote(doc, it);
  const nodes = allNodes(it.roots);

  for (const node of nodes) {
    const ws = declaredWeights(node);
    if (ws.length > 1) {
      out.push({
        message: `指标「${node.code ?? ""}${node.name}」在表中出现多次，标注的分值不一致：${
          ws.map((w) => `${w.value}分`).join("、")
        }。`,
        hint: "同一指标只应有一个分值，请统一标注并核对其下级指标分值之和。",
        evidence: ws.map((w) => ev(w, w.raw)),
        messageId: "declared-weights-differ",
        details: { indicator: node.name, weights: ws.map((w) => w.value) },
      });
    }
  }

  for (const leaf of it.leaves) {
    const ws = leafWeights(leaf);
    if (ws.length < 2) continue;
    const col = leaf.weight;
    const name = squash(leaf.label.text);
    const notes = leaf.label.weights.map((w) => w.raw).join("");
    out.push({
      message: col
        ? `指标「${name}」名称中标注${notes}，与分值列的${col.raw}分不一致。`
        : `指标「${name}」名称中标注了不同的分值${notes}。`,
      hint: "核对该指标的分值，使名称中的标注与分值列一致。",
      evidence: [ev(leaf.label, leaf.label.weights[0]?.raw), ...(col ? [ev(col, col.raw)] : [])],
      messageId: "label-vs-column",
      details: {
        indicator: leaf.name,
        labelWeights: leaf.label.weights.map((w) => w.value),
        column: col?.value,
      },
    });
  }

  for (const node of nodes) {
    const ws = declaredWeights(node);
    if (ws.length === 0) continue;
    const parts = childParts(node);
    if (!parts || parts.length === 0) continue;
    const verdicts = ws.map((w) => compareSum(w, parts.map((p) => p.stated)));
    if (verdicts.includes("match") || verdicts.includes("truncation")) continue;
    const sum = show(total(parts.map((p) => p.stated)));
    const formula = parts.map((p) => show(p.stated.value)).join("+");
    const rounding = verdicts.every((v) => v === "rounding");
    out.push({
      severity: rounding ? "warning" : undefined,
      certainty: rounding ? "rounding" : undefined,
      message: `指标「${nodeLabel(node)}」标注${
        ws.map((w) => `${w.value}分`).join("、")
      }，其下级指标分值合计${formula}=${sum}分，` +
        (rounding ? "仅在末位舍入范围内相差。" : "二者不符。"),
      hint: "核对下级指标是否缺漏或分值填写有误，使下级分值之和等于上级分值。",
      evidence: [
        ...ws.map((w) =>
          ev(w, w.raw)
        ),
        ...parts.map((p) => ev(p.cell, p.cell.raw)),
      ],
      messageId: "children-vs-parent",
      details: {
        indicator: node.name,
        declared: ws.map((w) => w.value),
        children: parts.map((p) => ({ name: p.name, weight: p.stated.value })),
        computed: Number(sum),
      },
    });
  }
  return out;
}
