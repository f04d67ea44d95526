/**
 * score-text-sum: scores that should add up in the narrative. A subtotal (总评价分N分，实际得分M分) against
 * the 得X分 items before it, subtotals whose weights make up a larger one (or the full marks) against its
 * score, and a score claim against the table indicator of the same name (a name match, so a warning).
 */
import { type CheckContext, defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { ScoreClaim } from "../../src/model/figure.ts";
import type { Evidence } from "../../src/model/finding.ts";
import type { CellValue } from "../../src/analysis/tables/indicator-table.ts";
import { asStated, compareSum, show, type Stated, total } from "../../src/analysis/tables/compare.ts";
import { cellEvidence, locEvidence } from "../../src/analysis/evidence.ts";
import { counterpartOf, narrativeFullMarks } from "../lib/score-tables.ts";

type SumDetails = { stated: number; computed: number; parts: number[]; assumption?: string };

type Details = {
  "items-vs-subtotal": SumDetails;
  "subtotals-vs-total": SumDetails;
  "text-vs-table": {
    subject: string;
    tableIndicator: string;
    textWeight?: number;
    tableWeights?: number[];
    textScore?: number;
    tableScore?: number;
    assumption: string;
  };
};

export const scoreTextSum = defineRule<Details>({
  meta: {
    id: "score-text-sum",
    severity: "error",
    title: "正文得分合计不符",
    replaces: ["score-sum"],
    messages: {
      "items-vs-subtotal": { description: "正文各项得分之和与小计不符" },
      "subtotals-vs-total": { description: "正文各部分得分之和与总分不符" },
      "text-vs-table": { description: "正文得分与附表同名指标不一致", certainty: "assumption" },
    },
    docs: {
      summary:
        "Scores in the narrative that do not add up: items vs their subtotal, subtotals vs the total, " +
        "text vs the table's indicator of the same name.",
      rationale:
        "The narrative's score analysis is what readers quote; a subtotal that contradicts its own " +
        "items, or the scoring table, shows one of them was changed without the other.",
      examples: [
        {
          title: "正文各项得分之和与小计不符",
          kind: "invalid",
          messageId: "items-vs-subtotal",
          doc: ["（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分3分。"],
        },
        {
          title: "正文各部分得分之和与总分不符",
          kind: "invalid",
          messageId: "subtotals-vs-total",
          doc: [
            "甲类指标分值6分，评价得分5分。",
            "乙类指标分值4分，评价得分4分。",
            "部门决策类指标分值10分，评价得分8分。",
          ],
        },
        {
          title: "小计等于各项得分之和",
          kind: "valid",
          doc: ["（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分4分。"],
        },
      ],
    },
  },
  check(ctx) {
    const claims = ctx.views.scoreClaims;
    const out = narrativeFindings(ctx, claims);
    for (const c of claims) {
      const f = versusTable(ctx, c);
      if (f) out.push(f);
    }
    return out;
  },
});

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
): FindingDraft<Details> | undefined {
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

function narrativeFindings(ctx: CheckContext, claims: readonly ScoreClaim[]): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
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
          const kind = complete ? "subtotals-vs-total" : "items-vs-subtotal";
          const f = compareClaim(ctx, c, children, complete, kind);
          if (f) out.push(f);
          for (const o of children) o.consumed = true;
        }
        push({ claim: c, subtotal: true, consumed: false });
        continue;
      }
      if (items.length === 0 && lastSub === open.length - 1 && lastSub >= 0) {
        const run = suffixFor(subs, narrativeFullMarks(ctx.views));
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
  return out;
}

/** The claim against the table node of the same name: a warning, since the match rests on the name. */
function versusTable(ctx: CheckContext, c: ScoreClaim): FindingDraft<Details> | undefined {
  const cp = counterpartOf(ctx.views, c);
  if (!cp) return undefined;
  const { weights, scores, name } = cp;
  const cells = [...cp.declared];
  const problems: string[] = [];
  const details: Omit<Details["text-vs-table"], "assumption"> = { subject: c.subject, tableIndicator: name };
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
  const ev = (x: CellValue) => cellEvidence(ctx.doc, cp.it.table, x.row, x.col, x.raw);
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
