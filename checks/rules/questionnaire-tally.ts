/**
 * questionnaire-tally: in a questionnaire table, each question's answer counts against the number of valid
 * questionnaires, the stated 问卷总分 against Σ(count × points), and the stated 综合得分 against
 * 总分 ÷ 有效问卷数 (tolerance rules). Also 有效 ≤ 收回 ≤ 发放, and the table's 有效问卷份数 against the text's.
 */
import type { CheckContext, FindingDraft, Rule } from "../../src/model/rule.ts";
import type { Evidence } from "../../src/model/finding.ts";
import { compareStated, div, intervalOf, point, scale, type Verdict } from "../../src/extract/tolerance.ts";
import type { Questionnaire } from "../../src/analysis/tables/questionnaire.ts";
import type { CellValue } from "../../src/analysis/tables/indicator-table.ts";
import { cellEvidence, evidence as textEvidence } from "../../src/analysis/evidence.ts";
import { compareSum, show } from "../../src/analysis/tables/compare.ts";
import { squash } from "../../src/analysis/tables/cell-number.ts";
import { table } from "../../src/testing/doc-spec.ts";

export const questionnaireTally: Rule = {
  meta: {
    id: "questionnaire-tally",
    severity: "error",
    title: "问卷统计不符",
    messages: {
      "answers-vs-valid": { description: "各选项份数之和与有效问卷数不符" },
      "total-vs-recomputed": { description: "问卷总分与重算结果不符" },
      "max-points": { description: "问卷满分与各题最高分之和不符" },
      average: { description: "综合得分与总分÷有效问卷数不符" },
      "stated-counts": { description: "有效、收回、发放份数大小关系不对" },
      "valid-text-vs-table": { description: "正文与表中有效问卷份数不符" },
    },
    docs: {
      summary:
        "Questionnaire tallies that exceed the valid responses, and totals or averages that do not follow.",
      rationale:
        "Satisfaction scores feed the 满意度 indicator; tallies above the number of questionnaires or a " +
        "total that does not recompute mean the satisfaction result cannot be relied on.",
      examples: [
        {
          title: "各选项份数之和超过有效问卷数",
          kind: "invalid",
          messageId: "answers-vs-valid",
          doc: [table(
            [
              ["标题序号", "问题内容", "选项内容", "标准分值", "问卷数"],
              ["1", "服务态度是否满意？", "A.满意", "10", "9"],
              ["1", "服务态度是否满意？", "B.不满意", "0", "2"],
              ["有效问卷份数", "有效问卷份数", "　", "　", "10"],
            ],
            [{ row: 1, col: 0, rowspan: 2 }, { row: 1, col: 1, rowspan: 2 }, { row: 3, col: 0, colspan: 2 }],
          )],
        },
        {
          title: "份数之和等于有效问卷数",
          kind: "valid",
          doc: [table(
            [
              ["标题序号", "问题内容", "选项内容", "标准分值", "问卷数"],
              ["1", "服务态度是否满意？", "A.满意", "10", "8"],
              ["1", "服务态度是否满意？", "B.不满意", "0", "2"],
              ["有效问卷份数", "有效问卷份数", "　", "　", "10"],
            ],
            [{ row: 1, col: 0, rowspan: 2 }, { row: 1, col: 1, rowspan: 2 }, { row: 3, col: 0, colspan: 2 }],
          )],
        },
      ],
    },
  },
  check(ctx) {
    return ctx.views.questionnaires.flatMap((q) => tally(ctx, q));
  },
};

interface Valid {
  value: number;
  evidence: Evidence;
  source: string;
}

function validCounts(ctx: CheckContext, q: Questionnaire, j: number): Valid | undefined {
  const cell = q.valid?.counts[j];
  if (cell) {
    return { value: cell.value, evidence: cellEv(ctx, q, cell), source: "表中有效问卷份数" };
  }
  const s = q.stated.find((x) => x.kind === "valid") ?? q.stated.find((x) => x.kind === "returned");
  if (s && q.countCols.length === 1) {
    return { value: s.value, evidence: textEvidence(ctx.doc, s.block, s.raw), source: `正文“${s.raw}”` };
  }
  return undefined;
}

function cellEv(ctx: CheckContext, q: Questionnaire, c: CellValue): Evidence {
  return cellEvidence(ctx.doc, q.table, c.row, c.col, c.raw);
}

function tally(ctx: CheckContext, q: Questionnaire): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const f of statedCountFindings(ctx, q)) out.push(f);
  q.countCols.forEach((_, j) => {
    const suffix = q.countCols.length > 1 ? `（${q.countHeaders[j]}）` : "";
    const valid = validCounts(ctx, q, j);
    for (const question of q.questions) {
      const counts = question.options.map((o) => o.counts[j]);
      if (!valid || counts.some((c) => !c)) continue;
      const cs = counts as CellValue[];
      const sum = cs.reduce((s, c) => s + c.value, 0);
      if (sum === valid.value) continue;
      const over = sum > valid.value;
      const qText = squash(question.text);
      out.push({
        severity: over ? undefined : "warning",
        certainty: over ? "certain" : "assumption",
        message:
          `第${question.options[0] ? qIndex(q, question.row) : "?"}题「${qText}」${suffix}各选项份数合计${
            cs.map((c) => show(c.value)).join("+")
          }=${sum}份，${over ? "超过" : "少于"}有效问卷${valid.value}份。` +
          (over ? "" : "（按每份有效问卷每题作答一个选项的假设；若允许不作答，请在报告中说明。）"),
        hint: over
          ? "每题选择份数之和不能超过有效问卷数，请核对问卷统计。"
          : "核对统计，或说明未作答的份数。",
        evidence: [
          cellEvidence(ctx.doc, q.table, question.row, question.col),
          ...cs.map((c) => cellEv(ctx, q, c)),
          valid.evidence,
        ],
        messageId: "answers-vs-valid",

        details: {
          question: qText,
          counts: cs.map((c) => c.value),
          sum,
          valid: valid.value,
          validSource: valid.source,
          ...(over ? {} : { assumption: "每份有效问卷每题只选一个选项且均作答" }),
        },
      });
    }
    for (const f of totalFindings(ctx, q, j, suffix, valid)) out.push(f);
  });
  return out;
}

function qIndex(q: Questionnaire, row: number): number {
  return q.questions.findIndex((x) => x.row === row) + 1;
}

function totalFindings(
  ctx: CheckContext,
  q: Questionnaire,
  j: number,
  suffix: string,
  valid: Valid | undefined,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  const options = q.questions.flatMap((x) => x.options);
  const complete = options.every((o) => o.points && o.counts[j]);
  const computed = complete
    ? options.reduce((s, o) => s + o.points!.value * o.counts[j]!.value, 0)
    : undefined;
  const stated = q.total?.counts[j];
  if (computed !== undefined && stated) {
    const parts = options.map((o) => ({
      value: o.points!.value * o.counts[j]!.value,
      decimals: o.points!.decimals + o.counts[j]!.decimals,
    }));
    const v = compareSum(stated, parts);
    if (v === "mismatch" || v === "rounding") {
      const perQuestion = q.questions.map((x) =>
        x.options.reduce((s, o) => s + (o.points?.value ?? 0) * (o.counts[j]?.value ?? 0), 0)
      );
      out.push({
        severity: v === "rounding" ? "warning" : undefined,
        certainty: v === "rounding" ? "rounding" : undefined,
        message: `问卷总分${suffix}按各选项分值×份数合计应为${show(computed)}分，表中为${stated.raw}分。`,
        hint: "按“标准分值×选择份数”重新合计问卷总分。",
        evidence: [cellEv(ctx, q, stated)],
        messageId: "total-vs-recomputed",

        details: { stated: stated.value, computed, perQuestion },
      });
    }
  }
  const maxStated = q.total?.points;
  const maxes = q.questions.map((x) => Math.max(...x.options.map((o) => o.points?.value ?? -Infinity)));
  if (maxStated && maxes.every((m) => Number.isFinite(m)) && j === 0) {
    const maxSum = maxes.reduce((s, m) => s + m, 0);
    if (compareSum(maxStated, maxes.map((m) => ({ value: m, decimals: 0 }))) === "mismatch") {
      out.push({
        message: `问卷满分按各题最高分值合计应为${show(maxSum)}分，表中为${maxStated.raw}分。`,
        hint: "核对各题分值或问卷满分。",
        evidence: [cellEv(ctx, q, maxStated)],
        messageId: "max-points",

        details: { stated: maxStated.value, computed: maxSum },
      });
    }
  }
  const avg = q.average?.counts[j];
  if (avg && stated && valid && valid.value > 0) {
    const totalI = intervalOf({ stated: stated.value, decimals: stated.decimals, scale: 1 });
    const perHead = div(stated.decimals === 0 ? point(stated.value) : totalI, point(valid.value))!;
    const candidates: { verdict: Verdict; value: number; formula: string }[] = [{
      verdict: compareStated(avg.value, avg.decimals, perHead),
      value: perHead.low,
      formula: `${stated.raw}÷${valid.value}`,
    }];
    if (maxStated && maxStated.value > 0) {
      const pct = scale(perHead, 100 / maxStated.value);
      candidates.push({
        verdict: compareStated(avg.value, avg.decimals, pct),
        value: pct.low,
        formula: `${stated.raw}÷(${valid.value}×${maxStated.raw})×100`,
      });
    }
    const ok = candidates.find((c) => c.verdict === "match" || c.verdict === "truncation");
    if (!ok) {
      const best = candidates[0];
      const rounding = candidates.some((c) => c.verdict === "rounding");
      out.push({
        severity: rounding ? "warning" : undefined,
        certainty: rounding ? "rounding" : undefined,
        message: `问卷综合得分${suffix}应为${best.formula}≈${
          best.value.toFixed(Math.max(avg.decimals, 2))
        }分，表中为${avg.raw}分。`,
        hint: "综合得分应等于问卷总分除以有效问卷份数，请重新计算。",
        evidence: [cellEv(ctx, q, avg), cellEv(ctx, q, stated), valid.evidence],
        messageId: "average",

        details: { stated: avg.value, candidates, valid: valid.value, total: stated.value },
      });
    }
  }
  return out;
}

/** 有效 ≤ 收回 ≤ 发放, and the table's 有效问卷份数 against the text's. */
function statedCountFindings(ctx: CheckContext, q: Questionnaire): FindingDraft[] {
  const out: FindingDraft[] = [];
  const get = (k: "issued" | "returned" | "valid") => q.stated.find((x) => x.kind === k);
  const pairs: [ReturnType<typeof get>, ReturnType<typeof get>, string][] = [
    [get("valid"), get("returned"), "收回"],
    [get("returned"), get("issued"), "发放"],
  ];
  for (const [small, big, name] of pairs) {
    if (!small || !big || small.value <= big.value) continue;
    out.push({
      message: `“${small.raw}”多于${name}问卷数“${big.raw}”。`,
      hint: "有效问卷数不能多于收回数，收回数不能多于发放数。",
      evidence: [textEvidence(ctx.doc, small.block, small.raw), textEvidence(ctx.doc, big.block, big.raw)],
      messageId: "stated-counts",

      details: { small: small.value, big: big.value },
    });
  }
  const text = get("valid");
  const cell = q.valid?.counts[0];
  if (text && cell && q.countCols.length === 1 && text.value !== cell.value) {
    out.push({
      message: `正文称“${text.raw}”，问卷表中有效问卷份数为${cell.raw}份。`,
      hint: "统一正文与问卷表中的有效问卷份数。",
      evidence: [textEvidence(ctx.doc, text.block, text.raw), cellEv(ctx, q, cell)],
      messageId: "valid-text-vs-table",

      details: { text: text.value, table: cell.value },
    });
  }
  return out;
}
