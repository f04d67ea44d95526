/**
 * Score claims in the text (得X分 / 总评价分N分，实际得分M分, from ctx.extraction.relations) and how they are
 * matched to an indicator table's nodes: by name only, which is why such matches are warnings.
 */
import type { Extraction, ScoreClaim } from "../../src/model/figure.ts";
import { allNodes, type IndicatorNode, type IndicatorTable, type Leaf } from "./indicator-table.ts";
import { squash } from "./cell-number.ts";

export function scoreClaims(extraction: Extraction): ScoreClaim[] {
  return extraction.relations
    .filter((r): r is ScoreClaim => r.kind === "score" && !isDeduction(r))
    .sort((a, b) => a.loc.block - b.loc.block || a.loc.start - b.loc.start);
}

/** "扣0.5分" is a deduction, not a score awarded. */
function isDeduction(c: ScoreClaim): boolean {
  const at = c.quote.indexOf(c.score.raw);
  return at >= 0 && /扣[除减]?[\s\u3000]*$/.test(c.quote.slice(0, at));
}

const TRAILING = /(?:总评价分|总评分|评价总分|评价得分|实际得分|总得分|总分|得分|评价分|方面|指标)+$/;
const LEADING = /^(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9]+[.、．]|经过评价分析|经评价|其中|综合考察)+/;
const PUNCT = /[“”"'‘’「」『』《》，。、；：:,;]/g;

/** "（2）部门职能总评价分" → "部门职能". */
export function subjectName(subject: string): string {
  return squash(subject).replace(PUNCT, "").replace(LEADING, "").replace(TRAILING, "");
}

export type Named = { kind: "node"; node: IndicatorNode; it: IndicatorTable } | {
  kind: "leaf";
  leaf: Leaf;
  it: IndicatorTable;
};

/** The one table node or leaf named like the claim's subject; undefined when none or several match. */
export function matchByName(subject: string, tables: IndicatorTable[]): Named | undefined {
  const s = subjectName(subject);
  if (s.length < 2) return undefined;
  const candidates = namedOf(tables);
  const nameOf = (n: Named) => n.kind === "node" ? n.node.name : n.leaf.name;
  const exact = candidates.filter((n) => nameOf(n) === s);
  const pool = exact.length > 0
    ? exact
    : candidates.filter((n) => nameOf(n).length >= 2 && s.endsWith(nameOf(n)));
  return pool.length === 1 ? pool[0] : undefined;
}

const named = new WeakMap<IndicatorTable[], Named[]>();

/**
 * Every node and leaf of the tables, in order. Cached for the frozen per-document list indicatorTables
 * returns (matchByName runs once per score claim).
 */
function namedOf(tables: IndicatorTable[]): Named[] {
  let out = named.get(tables);
  if (!out) {
    out = tables.flatMap((it) => [
      ...allNodes(it.roots).map((node): Named => ({ kind: "node", node, it })),
      ...it.leaves.map((leaf): Named => ({ kind: "leaf", leaf, it })),
    ]);
    if (Object.isFrozen(tables)) named.set(tables, out);
  }
  return out;
}
