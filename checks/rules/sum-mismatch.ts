/**
 * sum-mismatch: a stated total against its parts (合计/共 N，其中 …), the balance identities of a
 * paragraph (资产, 负债, 净资产), and the 合计/小计 rows of tables, with interval arithmetic.
 */
import type { Rule } from "../../src/model/rule.ts";
import type { Figure, PartWhole } from "../../src/model/figure.ts";
import { judgeTotal, type Total } from "../lib/arith/totals.ts";
import { balanceTotals } from "../lib/arith/balance.ts";
import { tableTotals } from "../lib/arith/table-totals.ts";
import { budgetIdentityTotals } from "../lib/arith/budget-identity.ts";

function fromPartWhole(rel: PartWhole): Total | undefined {
  if (!rel.complete) return undefined;
  if (rel.parts.some((p) => p.approx !== "exact") || rel.whole.approx !== "exact") return undefined;
  const sameBlock = rel.parts.every((p) => p.loc.block === rel.whole.loc.block);
  return {
    whole: rel.whole,
    terms: rel.parts.map((figure) => ({ figure, sign: 1 as const })),
    quote: rel.quote,
    loc: rel.loc,
    what: "分项之和",
    certain: sameBlock,
    assumption: sameBlock
      ? undefined
      : `已假设${rel.parts.map((p) => p.raw).join("、")}是${rel.whole.raw}的全部分项`,
  };
}

export const sumMismatch: Rule = {
  meta: {
    id: "sum-mismatch",
    severity: "error",
    title: "合计不符",
    messages: {
      mismatch: { description: "总数与分项之和不符" },
      "last-digit": { description: "总数与分项之和在末位相差", certainty: "rounding" },
    },
    docs: {
      summary:
        "Checks that stated totals equal the sum of their listed parts (其中…, balance identities, 合计 rows).",
      rationale:
        "Parts that do not add up to the stated total mean at least one figure in the report is wrong; reviewers check every 其中.",
      examples: [
        {
          title: "其中各项之和超过总数",
          kind: "invalid",
          messageId: "mismatch",
          doc: ["调入事业单位人员150人，其中专业技术人才120人、管理人才50人。"],
        },
        {
          title: "各项之和等于总数",
          kind: "valid",
          doc: ["调入事业单位人员150人，其中专业技术人才100人、管理人才50人。"],
        },
        {
          title: "分项在前、合计在后，合计与分项之和不符",
          kind: "invalid",
          messageId: "mismatch",
          doc: ["购置设备32万元、维修场地18万元，合计55万元。"],
        },
        {
          title: "列举以“等”结尾，无法核对（计入未核对）",
          kind: "valid",
          doc: ["印刷费6万元、差旅费3万元等，共计12万元。"],
        },
      ],
    },
  },
  check(ctx) {
    const totals: Total[] = [];
    const covered = new Set<Figure>();
    for (const rel of ctx.extraction.relations) {
      if (rel.kind !== "part-whole") continue;
      covered.add(rel.whole);
      const t = fromPartWhole(rel);
      if (t) totals.push(t);
    }
    for (const t of balanceTotals(ctx.doc, ctx.extraction.figures, covered)) totals.push(t);
    for (const t of budgetIdentityTotals(ctx.extraction.figures, covered)) totals.push(t);
    for (const block of ctx.doc.blocks) {
      if (block.kind !== "table") continue;
      for (const t of tableTotals(block, ctx.extraction.figures)) totals.push(t);
    }
    return totals.flatMap((t) => judgeTotal(ctx.doc, t) ?? []);
  },
};
