/**
 * What several score rules read off the indicator tables: the total weights a table states (合计 row's
 * 分值, or a bare "100分" in its label), the full marks the narrative adds up to, and a score claim's table
 * counterpart (the indicator of the same name with its effective weights and scores). Pure functions of the
 * tables; the rules reach them once per document through checks/lib/score-tables.ts.
 */
import type { ScoreClaim } from "../../model/figure.ts";
import { type CellValue, effectiveWeights, type IndicatorTable, leavesUnder } from "./indicator-table.ts";
import { matchByName, type Named, type NameIndex } from "./score-claims.ts";
import type { Stated } from "./compare.ts";

/** The total weights the table's total rows state (weight column, then label number), one per cell. */
export function statedTotalWeights(it: IndicatorTable): CellValue[] {
  const xs = it.totals.flatMap((t) => [t.weight, t.labelNumber].filter((x): x is CellValue => !!x));
  return xs.filter((x, i) => xs.findIndex((y) => y.row === x.row && y.col === x.col) === i);
}

/** What the narrative's subtotals add up to: the first total weight a table states, else 100 by convention. */
export function fullMarks(tables: readonly IndicatorTable[]): Stated {
  for (const it of tables) {
    const [first] = statedTotalWeights(it);
    if (first) return first;
  }
  return { value: 100, decimals: 0 };
}

/** The table indicator a claim names, with its effective weights (indicator-table.ts) and its scores. */
export interface TableCounterpart {
  named: Named;
  it: IndicatorTable;
  /** The indicator's label as written. */
  name: string;
  weights: CellValue[];
  /** The weight cells actually written for it (empty when the weight is a sum). */
  declared: CellValue[];
  /** The scores of the leaf, or of every leaf under the node (undefined where a leaf has none). */
  scores: (CellValue | undefined)[];
}

/** The one node or leaf named like the claim's subject (a name match, so findings on it are warnings). */
export function tableCounterpart(c: ScoreClaim, index: NameIndex): TableCounterpart | undefined {
  const named = matchByName(c.subject, index);
  if (!named) return undefined;
  const { weights, declared, name } = effectiveWeights(named);
  const scores = named.kind === "node" ? leavesUnder(named.node).map((l) => l.score) : [named.leaf.score];
  return { named, it: named.it, name, weights, declared, scores };
}
