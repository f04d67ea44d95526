/**
 * Logical table grids: a cell is text, or a continuation of the cell above (V) or to the left (H).
 * Rendered either with real merges (rowSpan/columnSpan) or with blank continuation cells.
 */
import { pct, score } from "./format.ts";
import type { ProjectTableBlock, QuestTableBlock, ScoreTableBlock } from "./model.ts";

export const V = { v: true } as const;
export const H = { h: true } as const;
export type GridCell = string | typeof V | typeof H;
export type Grid = GridCell[][];

/** Puts `text` in the first row of a group and V below it. */
function grouped(text: string, first: boolean): GridCell {
  return first ? text : V;
}

export function scoreGrid(t: ScoreTableBlock): Grid {
  const rows: Grid = [["一级指标", "二级指标", "三级指标", "分值", "得分"]];
  for (const l1 of t.tree.l1) {
    let firstL1 = true;
    const l1Name = t.subtotals ? l1.name : `${l1.name}（${score(l1.statedWeight!)}分）`;
    for (const l2 of l1.children) {
      let firstL2 = true;
      for (const leaf of l2.leaves) {
        rows.push([
          grouped(l1Name, firstL1),
          grouped(l2.name, firstL2),
          leaf.name,
          score(leaf.weight),
          score(leaf.score),
        ]);
        firstL1 = firstL2 = false;
      }
    }
    if (t.subtotals) rows.push(["小计", H, H, score(l1.statedWeight!), score(l1.statedScore!)]);
  }
  rows.push(["合计", H, H, score(t.tree.statedTotalWeight), score(t.tree.statedTotalScore)]);
  return rows;
}

export function projectGrid(t: ProjectTableBlock): Grid {
  const rows: Grid = [
    ["项目名称", t.project, H, H, H, H, H],
    ["主管部门", t.owner, H, "实施单位", t.implementer, H, H],
    ["预算执行情况", H, "年度预算数", "全年执行数", "执行率", "分值", "得分"],
    ["年度资金总额", H, t.budget, t.executed, `${t.rate}%`, score(t.budgetWeight), score(t.budgetScore)],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ];
  for (const l1 of t.tree.l1) {
    let firstL1 = true;
    for (const l2 of l1.children) {
      let firstL2 = true;
      for (const leaf of l2.leaves) {
        rows.push([
          grouped(l1.name, firstL1),
          grouped(l2.name, firstL2),
          leaf.name,
          leaf.target ?? "",
          leaf.actual ?? "",
          score(leaf.weight),
          score(leaf.score),
        ]);
        firstL1 = firstL2 = false;
      }
    }
  }
  rows.push(["总分", H, H, H, H, score(t.tree.statedTotalWeight), score(t.tree.statedTotalScore)]);
  return rows;
}

export function questGrid(t: QuestTableBlock): Grid {
  if (t.shape === "option-columns") {
    const labels = t.questions[0].options.map((o) => o.label);
    const rows: Grid = [["序号", "调查问题", ...labels, "合计"]];
    t.questions.forEach((q, i) =>
      rows.push([String(i + 1), q.text, ...q.options.map((o) => String(o.count)), String(t.valid)])
    );
    return rows;
  }
  const rows: Grid = [["序号", "调查问题", "选项", "人数", "占比"]];
  t.questions.forEach((q, i) =>
    q.options.forEach((o, j) =>
      rows.push([
        grouped(String(i + 1), j === 0),
        grouped(q.text, j === 0),
        o.label,
        String(o.count),
        `${pct(o.count, t.valid)}%`,
      ])
    )
  );
  return rows;
}
