/**
 * score-sum: weights and scores that should add up. In an indicator table: a node's declared weight
 * against its children's, the same node declared with two weights, a leaf's label against its weight
 * column, all weights against the stated total (or 100) and all scores against the stated total score. In the
 * text: a subtotal (总评价分N分，实际得分M分) against the 得X分 items before it, and against the table
 * node of the same name (a name match, so a warning).
 */
import type { CheckContext, FindingDraft, Rule } from "../../src/model/rule.ts";
import type { ScoreClaim } from "../../src/model/figure.ts";
import type { Evidence } from "../../src/model/finding.ts";
import {
  allNodes,
  type CellValue,
  declaredWeights,
  effectiveWeights,
  type IndicatorNode,
  type IndicatorTable,
  leafWeight,
  leafWeights,
  leavesUnder,
  nodeLabel,
} from "../../src/analysis/tables/indicator-table.ts";
import { asStated, compareSum, show, type Stated, total } from "../../src/analysis/tables/compare.ts";
import { cellEvidence, locEvidence } from "../../src/analysis/evidence.ts";
import { matchByName } from "../../src/analysis/tables/score-claims.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { squash } from "../../src/analysis/tables/cell-number.ts";

export const scoreSum: Rule = {
  meta: {
    id: "score-sum",
    severity: "error",
    title: "分值得分合计不符",
    messages: {
      "children-vs-parent": { description: "下级指标分值之和与上级分值不符" },
      "declared-weights-differ": { description: "同一指标标注的分值不一致" },
      "label-vs-column": { description: "指标名称中标注的分值与分值列不一致" },
      "weights-vs-total": { description: "各指标分值之和与合计行不符" },
      "weights-vs-100": { description: "各指标分值之和不是100分", certainty: "assumption" },
      "top-level-vs-total": { description: "一级指标分值之和与合计行不符" },
      "scores-vs-total": { description: "各指标得分之和与总得分不符" },
      "subtotal-weights": { description: "小计行分值与其所属各项分值之和不符" },
      "subtotal-scores": { description: "小计行得分与其所属各项得分之和不符" },
      "items-vs-subtotal": { description: "正文各项得分之和与小计不符" },
      "subtotals-vs-total": { description: "正文各部分得分之和与总分不符" },
      "text-vs-table": { description: "正文得分与附表同名指标不一致", certainty: "assumption" },
    },
    docs: {
      summary:
        "Indicator weights and scores that do not add up: children vs parent, items vs total, text vs table.",
      rationale:
        "Subtotals and totals that contradict their own items show the score table was edited by hand " +
        "without recomputing, which makes the self-assessed total unreliable.",
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
    const tables = ctx.views.indicatorTables;
    return [
      ...tables.flatMap((it) => tableFindings(ctx, it)),
      ...narrativeFindings(ctx, tables),
    ];
  },
};

const label = (text: string) => squash(text);

/** The weights of a node's direct children; undefined when one of them is missing or ambiguous. */
function childParts(node: IndicatorNode): { stated: Stated; cell: CellValue; name: string }[] | undefined {
  const parts: { stated: Stated; cell: CellValue; name: string }[] = [];
  const items: { row: number; part?: { stated: Stated; cell: CellValue; name: string } }[] = [];
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
    items.push({ row: leaf.row, part: { stated: w, cell: w, name: label(leaf.label.text) } });
  }
  for (const it of items.sort((a, b) => a.row - b.row)) parts.push(it.part!);
  return parts;
}

function tableFindings(ctx: CheckContext, it: IndicatorTable): FindingDraft[] {
  const out: FindingDraft[] = [];
  const { doc } = ctx;
  const ev = (c: { row: number; col: number }, quote?: string): Evidence =>
    cellEvidence(doc, it.table, c.row, c.col, quote);
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
    const notes = leaf.label.weights.map((w) => w.raw).join("");
    out.push({
      message: col
        ? `指标「${label(leaf.label.text)}」名称中标注${notes}，与分值列的${col.raw}分不一致。`
        : `指标「${label(leaf.label.text)}」名称中标注了不同的分值${notes}。`,
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

  for (const f of subtotalFindings(it, ev)) out.push(f);
  for (const f of totalFindings(ctx, it, ev)) out.push(f);
  return out;
}

/**
 * A 小计 row against the items of its group. The group is certain when the row names it or when the items
 * since the previous 小计 are exactly one group of the tree; otherwise it is taken by position (a warning).
 */
function subtotalFindings(
  it: IndicatorTable,
  ev: (c: { row: number; col: number }, quote?: string) => Evidence,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const sub of it.subtotals) {
    if (sub.leaves.length === 0) continue;
    const assumed = sub.grouping === "position";
    const group = sub.node ? `“${nodeLabel(sub.node)}”` : "";
    const which = assumed ? `其上方${sub.leaves.length}项` : `${group}所属${sub.leaves.length}项`;
    const checks: {
      stated?: CellValue;
      parts: (CellValue | undefined)[];
      messageId: "subtotal-weights" | "subtotal-scores";
      what: string;
    }[] = [
      { stated: sub.weight, parts: sub.leaves.map(leafWeight), messageId: "subtotal-weights", what: "分值" },
      {
        stated: sub.score,
        parts: sub.leaves.map((l) => l.score),
        messageId: "subtotal-scores",
        what: "得分",
      },
    ];
    for (const c of checks) {
      if (!c.stated || c.parts.some((p) => p === undefined)) continue;
      const parts = c.parts as CellValue[];
      const v = compareSum(c.stated, parts);
      if (v === "match" || v === "truncation") continue;
      const sum = show(total(parts));
      const formula = parts.length > 1 ? `${parts.map((p) => show(p.value)).join("+")}=${sum}` : sum;
      const rounding = v === "rounding";
      out.push({
        messageId: c.messageId,
        severity: rounding || assumed ? "warning" : undefined,
        certainty: rounding ? "rounding" : assumed ? "assumption" : "certain",
        message: `${group}小计行${c.what}${c.stated.raw}分，${which}指标${c.what}合计${formula}分，` +
          (rounding ? "仅在末位舍入范围内相差。" : "二者不符。") +
          (assumed ? "（按位置把小计行上方、前一小计行以下的各项视为其组成。）" : ""),
        hint: `重新合计该组各项${c.what}，更正小计行或有误的指标${c.what}。`,
        evidence: [ev(c.stated, c.stated.raw), ...parts.slice(0, 12).map((p) => ev(p, p.raw))],
        details: {
          group: sub.node ? nodeLabel(sub.node) : undefined,
          stated: c.stated.value,
          computed: Number(sum),
          parts: parts.map((p) => p.value),
          grouping: sub.grouping,
          ...(assumed ? { assumption: "小计行汇总其上方、前一小计行以下的各项" } : {}),
        },
      });
    }
  }
  return out;
}

function totalFindings(
  _ctx: CheckContext,
  it: IndicatorTable,
  ev: (c: { row: number; col: number }, quote?: string) => Evidence,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  const weights = it.leaves.map(leafWeight);
  const statedWeights = it.totals.flatMap((t) =>
    [t.weight, t.labelNumber].filter((x): x is CellValue => !!x)
  );
  if (weights.every((w) => w !== undefined)) {
    const ws = weights as CellValue[];
    const sum = show(total(ws));
    for (const s of dedupe(statedWeights)) {
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
    if (statedWeights.length === 0 && compareSum({ value: 100, decimals: 0 }, ws) === "mismatch") {
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
    const targets = statedWeights.length > 0 ? dedupe(statedWeights) : [];
    for (const s of targets) {
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
  const scores = it.leaves.map((l) => l.score);
  if (scores.length > 0 && scores.every((s) => s !== undefined)) {
    const ss = scores as CellValue[];
    const sum = show(total(ss));
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
  }
  return out;
}

function dedupe(xs: CellValue[]): CellValue[] {
  return xs.filter((x, i) => xs.findIndex((y) => y.row === x.row && y.col === x.col) === i);
}

interface Open {
  claim: ScoreClaim;
  subtotal: boolean;
  consumed: boolean;
}

function claimEvidence(ctx: CheckContext, c: ScoreClaim): Evidence {
  return locEvidence(ctx.doc, c.loc, c.quote);
}

/**
 * Shortest run (≥ 2) of the latest open subtotals whose weights add up to `weight`. `subs` holds the
 * section's subtotals in order; consumed ones are skipped and dropped from the stretch walked, so each is
 * walked over once. At most MAX_RUN subtotals are tried, which only zero or tiny weights could reach.
 */
function suffixFor(subs: Open[], weight: Stated): Open[] | undefined {
  const run: Open[] = [];
  let found: Open[] | undefined;
  let i = subs.length - 1;
  for (; i >= 0 && run.length < MAX_RUN; i--) {
    if (subs[i].consumed) continue;
    run.unshift(subs[i]);
    const parts = run.map((o) => asStated(o.claim.weight!));
    if (run.length >= 2 && compareSum(weight, parts) === "match") {
      found = run;
      break;
    }
    if (total(parts) > weight.value + 1e-9) break;
  }
  const from = Math.max(0, i);
  const live = subs.slice(from).filter((o) => !o.consumed);
  subs.length = from;
  for (const o of live) subs.push(o);
  return found;
}
const MAX_RUN = 64;

function compareClaim(
  ctx: CheckContext,
  c: ScoreClaim,
  children: Open[],
  complete: boolean,
  kind: "items-vs-subtotal" | "subtotals-vs-total",
): FindingDraft | undefined {
  const parts = children.map((o) => asStated(o.claim.score));
  const v = compareSum(asStated(c.score), parts);
  if (v === "match" || v === "truncation") return undefined;
  const sum = total(parts);
  const formula = parts.length > 1 ? `${parts.map((p) => show(p.value)).join("+")}=${show(sum)}` : show(sum);
  const incompleteOk = !complete && sum < c.score.stated;
  const severity = v === "rounding" || incompleteOk ? "warning" : undefined;
  const what = complete ? "其下各部分得分" : "此前逐项所得分";
  return {
    messageId: kind,
    severity,
    certainty: v === "rounding" ? "rounding" : incompleteOk ? "assumption" : "certain",
    message: `正文「${c.quote}」称得分${c.score.raw}，但${what}合计${formula}分。` +
      (incompleteOk ? "（假设此前列出的各项即该部分的全部评分项；若有未列出的项，请补充说明。）" : ""),
    hint: "核对各项得分与小计，使正文中的小计等于各项得分之和。",
    evidence: [claimEvidence(ctx, c), ...children.map((o) => claimEvidence(ctx, o.claim))],
    details: {
      stated: c.score.stated,
      computed: Number(show(sum)),
      parts: parts.map((p) => p.value),
      ...(incompleteOk ? { assumption: "此前列出的得分项即该小计的全部组成" } : {}),
    },
  };
}

/**
 * The 得X分 items a subtotal sums: those of its own paragraph, or, when it has none, those of the paragraph just
 * before ("…得2分。" / "经过评价分析，部门产出总评价分18分"). Items further back belong to something else.
 * Only open items after the latest subtotal count; claims come in document order, so they are found by
 * walking back from the end of `open`.
 */
function itemsFor(c: ScoreClaim, open: Open[], lastSub: number): Open[] {
  const same: Open[] = [], before: Open[] = [];
  for (let i = open.length - 1; i > lastSub; i--) {
    const o = open[i];
    const block = o.claim.loc.block;
    if (block < c.loc.block - 1) break;
    if (o.subtotal || o.consumed) continue;
    if (block === c.loc.block) same.push(o);
    else if (block === c.loc.block - 1) before.push(o);
  }
  return (same.length > 0 ? same : before).reverse();
}

const NESTING = /其中|包括|包含/;

/**
 * A subtotal introduced by 其中 (in its own sentence) after the latest subtotal of its paragraph is a part of
 * that one.
 */
function nestedIn(ctx: CheckContext, c: ScoreClaim, last: Open | undefined): boolean {
  if (!last || last.claim.loc.block !== c.loc.block || c.loc.table || last.claim.loc.table) return false;
  const block = ctx.doc.blocks[c.loc.block];
  if (!block || block.kind === "table") return false;
  const between = block.text.slice(last.claim.loc.end, c.weight!.loc.start);
  return NESTING.test(between.slice(Math.max(...[..."。；;！？"].map((p) => between.lastIndexOf(p))) + 1));
}

function narrativeFindings(ctx: CheckContext, tables: readonly IndicatorTable[]): FindingDraft[] {
  const claims = ctx.views.scoreClaims;
  const out: FindingDraft[] = [];
  const statedTotal = tables.flatMap((it) => it.totals.flatMap((t) => [t.weight, t.labelNumber]))
    .find((x) => x !== undefined);
  const fullMarks: Stated = statedTotal ?? { value: 100, decimals: 0 };

  const bySection = new Map<string, ScoreClaim[]>();
  for (const c of claims) {
    const sec = ctx.doc.blocks[c.loc.block]?.section ?? "";
    const list = bySection.get(sec);
    if (list) list.push(c);
    else bySection.set(sec, [c]);
  }
  for (const group of bySection.values()) {
    const open: Open[] = [];
    const subs: Open[] = []; // the subtotals of `open`, in order
    let lastSub = -1; // index in `open` of the latest subtotal
    const push = (o: Open) => {
      if (o.subtotal) (lastSub = open.length, subs.push(o));
      open.push(o);
    };
    for (const c of group) {
      if (c.weight && nestedIn(ctx, c, open[lastSub])) {
        // "过程类指标分值25分，评价得分19分。其中“资金到位率”指标分值5分，得4.5分": one item of the subtotal
        // before it, named as an example; neither a sibling subtotal nor a complete list of items.
        open.push({ claim: c, subtotal: false, consumed: true });
        continue;
      }
      const items = itemsFor(c, open, lastSub);
      if (c.weight) {
        let children: Open[] | undefined = items.length > 0 ? items : undefined;
        const complete = !children;
        children ??= suffixFor(subs, asStated(c.weight));
        if (children) {
          const f = compareClaim(
            ctx,
            c,
            children,
            complete,
            complete ? "subtotals-vs-total" : "items-vs-subtotal",
          );
          if (f) out.push(f);
          for (const o of children) o.consumed = true;
        }
        push({ claim: c, subtotal: true, consumed: false });
        continue;
      }
      if (items.length === 0 && lastSub === open.length - 1 && lastSub >= 0) {
        const run = suffixFor(subs, fullMarks);
        if (run) {
          const f = compareClaim(ctx, c, run, true, "subtotals-vs-total");
          if (f) out.push(f);
          for (const o of run) o.consumed = true;
          push({ claim: c, subtotal: false, consumed: true });
          continue;
        }
      }
      push({ claim: c, subtotal: false, consumed: false });
    }
  }

  for (const c of claims) {
    const f = versusTable(ctx, c);
    if (f) out.push(f);
  }
  return out;
}

/** The claim against the table node of the same name: a warning, since the match rests on the name. */
function versusTable(ctx: CheckContext, c: ScoreClaim): FindingDraft | undefined {
  const m = matchByName(c.subject, ctx.views.indicatorNames);
  if (!m) return undefined;
  const { weights, declared, name } = effectiveWeights(m);
  const scores = m.kind === "node" ? leavesUnder(m.node).map((l) => l.score) : [m.leaf.score];
  const cells = [...declared];
  const problems: string[] = [];
  const details: Record<string, unknown> = {
    subject: c.subject,
    tableIndicator: name,
  };
  if (
    c.weight && weights.length > 0 && !weights.some((w) => compareSum(asStated(c.weight!), [w]) === "match")
  ) {
    problems.push(`正文总分${c.weight.raw}，表中为${weights.map((w) => `${show(w.value)}分`).join("、")}`);
    details.textWeight = c.weight.stated;
    details.tableWeights = weights.map((w) => w.value);
  }
  if (scores.length > 0 && scores.every((s) => s !== undefined)) {
    const ss = scores as CellValue[];
    const v = compareSum(asStated(c.score), ss);
    if (v === "mismatch" || v === "rounding") {
      problems.push(`正文得分${c.score.raw}，表中得分${ss.length > 1 ? "合计" : ""}${show(total(ss))}分`);
      details.textScore = c.score.stated;
      details.tableScore = Number(show(total(ss)));
      for (const x of ss.slice(0, 12)) cells.push(x);
    }
  }
  if (problems.length === 0) return undefined;
  const ev = (x: CellValue) => cellEvidence(ctx.doc, m.it.table, x.row, x.col, x.raw);
  return {
    messageId: "text-vs-table",
    severity: "warning",
    message: `正文「${c.quote}」与附表指标「${name}」不一致：${
      problems.join("；")
    }。（按指标名称对应，请核实是否为同一指标。）`,
    hint: "核对正文的得分分析与评分表，使两者一致；若指标名称写错，请更正名称。",
    evidence: [claimEvidence(ctx, c), ...cells.map(ev)],
    details: { ...details, assumption: "正文与表格按指标名称对应" },
  };
}
