/** Operators on the indicator table, the grade and the questionnaire. */
import { round2, score } from "../format.ts";
import { gradeOf } from "../data.ts";
import type { Leaf, ProjectTableBlock, QuestTableBlock, ReportModel, ScoreTableBlock } from "../model.ts";
import { l2Score, sumLeaves } from "../trees.ts";
import { group, type Operator, pickOr, replaceIn, unused } from "./util.ts";

type TreeTable = ScoreTableBlock | ProjectTableBlock;

function treeTable(model: ReportModel): TreeTable | undefined {
  return model.blocks.find((b): b is TreeTable => b.kind === "score-table" || b.kind === "project-table");
}

/** Named in the text (so changing its score would also contradict a sentence). */
const mentioned = (model: ReportModel, leaf: Leaf) =>
  model.blocks.some((b) => b.kind === "para" && b.text.includes(`“${leaf.name}”指标`));

/**
 * An item's score rises above its weight; another item of the same 一级 loses as much, so that subtotals,
 * total and grade stay right and the only defect is the score over the weight.
 */
export const scoreOverWeight: Operator = (model, rng) => {
  const t = treeTable(model);
  if (!t || (t as { used?: boolean }).used) return undefined;
  const d = rng.pick([0.5, 1, 1, 2]);
  const options = t.tree.l1.flatMap((l1) => {
    const leaves = l1.children.flatMap((c) => c.leaves);
    return leaves.filter((a) => a.score === a.weight && !mentioned(model, a)).flatMap((a) =>
      leaves.filter((b) => b !== a && b.score >= d && !mentioned(model, b)).map((b) => [a, b] as const)
    );
  });
  const pair = pickOr(rng, options);
  if (!pair) return undefined;
  const [a, b] = pair;
  a.score = round2(a.score + d);
  b.score = round2(b.score - d);
  (t as { used?: boolean }).used = true;
  return {
    rules: ["score-exceeds", "score-rule"],
    groups: [group(a.name), group(score(a.score))],
    what: `“${a.name}”得分${score(a.score)}分，超过其分值${score(a.weight)}分。`,
  };
};

/** A stated subtotal or the total of the indicator table no longer adds up. */
export const scoreSubtotal: Operator = (model, rng) => {
  const t = treeTable(model);
  if (!t) return undefined;
  const d = rng.pick([-3, -2, -1, 1, 2, 3]);
  const subtotal = t.kind === "score-table" && t.subtotals && rng.chance(0.6);
  if (subtotal) {
    const l1 = rng.pick(t.tree.l1);
    const computed = l2Score(l1);
    l1.statedScore = round2(computed + d);
    return {
      rules: ["score-total", "sum"],
      groups: [group(score(l1.statedScore)), group(score(computed))],
      what: `“${l1.name}”小计得分写作${score(l1.statedScore)}分，各项得分之和为${score(computed)}分。`,
    };
  }
  const leaves = t.tree.l1.flatMap((l) => l.children.flatMap((c) => c.leaves));
  const extra = t.kind === "project-table" ? t.budgetScore : 0;
  const computed = round2(sumLeaves(leaves, (l) => l.score) + extra);
  const stated = round2(computed + d);
  if (stated > t.tree.statedTotalWeight) return undefined;
  t.tree.statedTotalScore = stated;
  return {
    rules: ["score-total", "sum"],
    groups: [group(score(stated)), group(score(computed))],
    what: `指标表合计得分写作${score(stated)}分，各项得分之和为${score(computed)}分。`,
  };
};

/** The grade word does not fit the total (bands 90/80/60). */
export const gradeMismatch: Operator = (model, rng) => {
  const f = pickOr(rng, unused(model, model.facts.grades));
  if (!f) return undefined;
  const i = f.words.indexOf(gradeOf(f.total, f.words));
  const j = i === 0 ? 1 : i === f.words.length - 1 ? i - 1 : rng.pick([i - 1, i + 1]);
  const wrong = f.words[j];
  const next = f.snippet.replace(`“${f.grade}”`, `“${wrong}”`);
  if (!replaceIn(model, f.block, f.snippet, next)) return undefined;
  f.used = true;
  return {
    rules: ["grade"],
    groups: [group(score(f.total)), group(wrong)],
    what: `总分${score(f.total)}分对应等级应为“${f.grade}”，报告写作“${wrong}”。`,
  };
};

/** One answer count rises so that a question's answers exceed the valid questionnaires. */
export const questionnaireOver: Operator = (model, rng) => {
  const d = rng.int(2, 12);
  const t = model.blocks.find((b): b is QuestTableBlock => b.kind === "quest-table");
  if (t) {
    const q = rng.pick(t.questions);
    const o = rng.pick(q.options);
    o.count += d;
    const sum = q.options.reduce((a, x) => a + x.count, 0);
    return {
      rules: ["questionnaire"],
      groups: [group(String(t.valid)), group(String(sum), String(o.count))],
      what: `问卷“${q.text}”各选项合计${sum}份，超过有效问卷${t.valid}份。`,
    };
  }
  const s = pickOr(rng, unused(model, model.facts.questSentences));
  if (!s) return undefined;
  const j = rng.int(0, s.counts.length - 1);
  const counts = s.counts.map((c, k) => k === j ? c + d : c);
  const next = s.snippet.replace(`“${s.labels[j]}”的${s.counts[j]}份`, `“${s.labels[j]}”的${counts[j]}份`);
  if (!replaceIn(model, s.block, s.snippet, next)) return undefined;
  s.used = true;
  // The satisfaction rate in the same paragraph no longer follows either: keep it out of the negatives.
  for (const p of model.facts.pcts) if (p.block === s.block) p.used = true;
  const sum = counts.reduce((a, b) => a + b, 0);
  return {
    rules: ["questionnaire"],
    groups: [group(String(s.valid)), group(String(sum), String(counts[j]))],
    what: `问卷各选项合计${sum}份，超过有效问卷${s.valid}份。`,
  };
};
