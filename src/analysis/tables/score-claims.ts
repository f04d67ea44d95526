/**
 * Score claims in the text (得X分 / 总评价分N分，实际得分M分, from ctx.extraction.relations) and how they are
 * matched to an indicator table's nodes: by name only, which is why such matches are warnings.
 */
import type { Extraction, ScoreClaim } from "../../model/figure.ts";
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
export function matchByName(subject: string, index: NameIndex): Named | undefined {
  const s = subjectName(subject);
  if (s.length < 2) return undefined;
  const { byName, longest } = index;
  const exact = byName.get(s);
  if (exact) return exact.length === 1 ? exact[0] : undefined;
  // Names (of 2 characters or more) the subject ends with: looked up suffix by suffix.
  let pool: Named | undefined;
  let count = 0;
  for (let len = 2; len <= Math.min(longest, s.length); len++) {
    const hits = byName.get(s.slice(s.length - len));
    if (!hits) continue;
    count += hits.length;
    pool = hits[0];
    if (count > 1) return undefined;
  }
  return count === 1 ? pool : undefined;
}

export interface NameIndex {
  /** Nodes and leaves by name, in table order. */
  byName: Map<string, Named[]>;
  longest: number;
}

/** Every node and leaf of the tables, by name (built once per document by `ctx.views.indicatorNames`). */
export function nameIndex(tables: readonly IndicatorTable[]): NameIndex {
  const all = tables.flatMap((it) => [
    ...allNodes(it.roots).map((node): Named => ({ kind: "node", node, it })),
    ...it.leaves.map((leaf): Named => ({ kind: "leaf", leaf, it })),
  ]);
  const byName = new Map<string, Named[]>();
  let longest = 0;
  for (const n of all) {
    const name = n.kind === "node" ? n.node.name : n.leaf.name;
    const list = byName.get(name);
    if (list) list.push(n);
    else byName.set(name, [n]);
    longest = Math.max(longest, name.length);
  }
  return { byName, longest };
}
