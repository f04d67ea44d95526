/**
 * sum-mismatch: a stated total against its parts (合计/共 N，其中 …, lists split by 、，；, a list in the
 * paragraphs after 其中：), the balance identities of a paragraph (资产, 负债, 净资产), budget identities, and
 * the 合计/小计 rows and 合计 columns of tables, with interval arithmetic. A 其中 list may name only some
 * parts: falling short of the whole is a warning stating that assumption (unless the list is closed by
 * 分别为, its own 合计 or a 其他 part), exceeding it an error; a partial list (等, 主要, one part) is checked
 * for exceeding only.
 */
import type { Rule } from "../../src/model/rule.ts";
import type { Figure, PartWhole } from "../../src/model/figure.ts";
import { judgeTotal, type Total } from "../lib/arith/totals.ts";
import { balanceTotals } from "../lib/arith/balance.ts";
import { tableTotals } from "../lib/arith/table-totals.ts";
import { budgetIdentityTotals } from "../lib/arith/budget-identity.ts";
import { paragraphListTotals } from "../lib/arith/paragraph-list.ts";
import { OVERLAPPING_PART_WORDS, REMAINDER_PART_WORDS } from "../../src/analysis/vocab.ts";

/** Lists that name every part by their form: 分别为, a 合计 after its parts, parts without a marker. */
const CLOSED_MARKERS = new Set(["分别为", "分别是", "合计", "implicit"]);
const REMAINDER_PART = new RegExp(REMAINDER_PART_WORDS.join("|"));
const OVERLAPPING_PART = new RegExp(OVERLAPPING_PART_WORDS.join("|"));

function fromPartWhole(rel: PartWhole): Total | undefined {
  if (!rel.complete && !rel.partial) return undefined;
  if (rel.parts.some((p) => p.approx !== "exact") || rel.whole.approx !== "exact") return undefined;
  const sameBlock = rel.parts.every((p) => p.loc.block === rel.whole.loc.block);
  const closed = rel.closed || CLOSED_MARKERS.has(rel.marker) ||
    rel.parts.some((p) => REMAINDER_PART.test(p.subjectRaw ?? p.subject));
  const names = rel.parts.map((p) => p.raw).join("、");
  return {
    whole: rel.whole,
    terms: rel.parts.map((figure) => ({ figure, sign: 1 as const })),
    quote: rel.quote,
    loc: rel.loc,
    what: "分项之和",
    certain: sameBlock,
    assumption: sameBlock ? undefined : `已假设${names}是${rel.whole.raw}的全部分项`,
    onlyExcess: !rel.complete,
    // 其中 may name only some parts: a shortfall is no defect by itself unless the list is closed (by its
    // form, its own 合计 or a 其他 part). Parts named by people's attributes (女性、脱贫人口) may overlap.
    assume: {
      under: closed ? undefined : `已假设“${rel.marker}”之后所列${names}即${rel.whole.raw}的全部分项`,
      over: rel.parts.some((p) => OVERLAPPING_PART.test(p.subjectRaw ?? p.subject))
        ? `已假设所列分项${names}互不重叠`
        : undefined,
    },
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
        "Checks that stated totals equal the sum of their listed parts (其中…, balance identities, 合计 rows and columns).",
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
        {
          title: "分号分隔的其中列举（含“其他”项）与总数不符",
          kind: "invalid",
          messageId: "mismatch",
          doc: ["本年收入合计1500万元，其中：财政拨款收入1200万元；事业收入200万元；其他收入50万元。"],
        },
        {
          title: "“其中”只列部分分项，少于总数不是错误",
          kind: "valid",
          doc: ["全年支出800万元，其中项目支出300万元。"],
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
    for (const t of paragraphListTotals(ctx.doc, (b) => ctx.views.figuresInBlock(b))) {
      if (covered.has(t.whole)) continue;
      covered.add(t.whole);
      totals.push(t);
    }
    for (const t of budgetIdentityTotals(ctx.extraction.figures, covered)) totals.push(t);
    for (const block of ctx.doc.blocks) {
      if (block.kind !== "table") continue;
      for (const t of tableTotals(block, ctx.extraction.figures)) totals.push(t);
    }
    return totals.flatMap((t) => judgeTotal(ctx.doc, t) ?? []);
  },
};
