/** The consistent statements a report still contains: the key's negatives (false-alarm probes). */
import { fullWidth, score } from "./format.ts";
import type { KeyNegative, ReportModel, ScoreTree } from "./model.ts";
import { l2Score, sumLeaves } from "./trees.ts";
import { para, unused } from "./operators/util.ts";

/** The rules that add up an indicator table's and the narrative's scores (the former score-sum rule). */
const SCORE_SUM_RULES = ["score-weight-tree", "score-weight-total", "score-total", "score-text-sum"];

export function negatives(model: ReportModel): KeyNegative[] {
  const out: KeyNegative[] = [];
  const shown = (block: string, s: string) => para(model, block)?.fullWidth ? fullWidth(s) : s;
  const f = model.facts;
  for (const s of unused(model, f.sums)) {
    out.push({
      rules: ["sum"],
      tokens: [shown(s.block, s.totalText)],
      what: `合计${s.totalText}与各分项之和一致`,
    });
  }
  for (const p of unused(model, f.pcts)) {
    out.push({
      rules: ["percentage"],
      tokens: [shown(p.block, `${p.pct}%`)],
      what: `${p.pct}%按其数据计算正确`,
    });
  }
  for (const c of unused(model, f.counts)) {
    const token = c.snippet.match(new RegExp(`${c.stated}[个项]`))?.[0] ?? c.stated;
    out.push({
      rules: ["count"],
      tokens: [shown(c.block, token)],
      what: `所述${token}与列举的${c.items.length}项一致`,
    });
  }
  for (const r of unused(model, f.repeats)) {
    if (!para(model, r.secondBlock)?.text.includes(r.second)) continue;
    out.push({
      rules: ["conflicting-figure"],
      tokens: [shown(r.block, r.value)],
      what: `“${r.label}”两处均为${r.value}`,
    });
  }
  for (const g of unused(model, f.grades)) {
    out.push({
      rules: ["grade"],
      tokens: [shown(g.block, `${score(g.total)}分`)],
      what: `${score(g.total)}分对应“${g.grade}”`,
    });
  }
  for (const q of unused(model, f.questSentences)) {
    out.push({
      rules: ["questionnaire"],
      tokens: [shown(q.block, q.snippet.slice(0, 12))],
      what: `各选项合计等于有效问卷${q.valid}份`,
    });
  }
  for (const y of unused(model, f.years)) {
    out.push({
      rules: ["stale-year"],
      tokens: [shown(y.block, y.snippet)],
      what: `${y.snippet}为本年度文件`,
    });
  }
  for (const e of unused(model, f.entities)) {
    out.push({ rules: ["entity"], tokens: [e.unit], what: `本单位名称` });
  }
  for (const b of model.blocks) {
    if (b.kind === "score-table") out.push(...treeNegatives(b.tree, b.subtotals));
  }
  return out;
}

/** Subtotals and totals of the indicator table that add up (a cell quote holds just the figure). */
function treeNegatives(tree: ScoreTree, subtotals: boolean): KeyNegative[] {
  const out: KeyNegative[] = [];
  if (subtotals) {
    for (const l1 of tree.l1) {
      if (l1.statedScore !== undefined && l1.statedScore === l2Score(l1)) {
        out.push({
          rules: SCORE_SUM_RULES,
          tokens: [score(l1.statedScore)],
          what: `“${l1.name}”得分小计${score(l1.statedScore)}分与各项之和一致`,
        });
      }
    }
  }
  const leaves = tree.l1.flatMap((l) => l.children.flatMap((c) => c.leaves));
  if (tree.statedTotalScore === sumLeaves(leaves, (l) => l.score)) {
    out.push({
      rules: SCORE_SUM_RULES,
      tokens: [score(tree.statedTotalScore)],
      what: `合计得分${score(tree.statedTotalScore)}分与各项之和一致`,
    });
  }
  return out;
}
