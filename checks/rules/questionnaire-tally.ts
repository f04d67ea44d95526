/**
 * questionnaire-tally: in a questionnaire table (options as rows under a merged, repeated or blank-continued
 * question cell, or options as columns with one row per question) each question's answer counts against
 * the number of valid questionnaires and against its stated 合计, each option's 占比 against count ÷ valid,
 * the stated 问卷总分 against Σ(count × points), and the stated 综合得分 against 总分 ÷ 有效问卷数 (tolerance
 * rules). In the text, a tally of options (非常满意120份、满意50份、不满意20份) against the valid
 * questionnaires stated with it. Also 有效 ≤ 收回 ≤ 发放, and the table's 有效问卷份数 against the text's.
 * A multiple-choice question (多选) is not held to the valid count. */
import type { CheckContext, FindingDraft, Rule } from "../../src/model/rule.ts";
import type { Evidence } from "../../src/model/finding.ts";
import {
  compareStated,
  div,
  formatNumber,
  intervalOf,
  point,
  scale,
  type Verdict,
} from "../../src/extract/tolerance.ts";
import type {
  OptionRow,
  PctValue,
  Question,
  Questionnaire,
} from "../../src/analysis/tables/questionnaire.ts";
import type { AnswerRun, StatedCount } from "../../src/analysis/tables/questionnaire-text.ts";
import type { CellValue } from "../../src/analysis/tables/indicator-table.ts";
import { cellEvidence, evidence as textEvidence } from "../../src/analysis/evidence.ts";
import { compareSum, show } from "../../src/analysis/tables/compare.ts";
import { isBlank, squash } from "../../src/analysis/tables/cell-number.ts";
import { table } from "../../src/testing/doc-spec.ts";

export const questionnaireTally: Rule = {
  meta: {
    id: "questionnaire-tally",
    severity: "error",
    title: "问卷统计不符",
    messages: {
      "answers-vs-valid": { description: "各选项份数之和与有效问卷数不符" },
      "question-total": { description: "各选项份数之和与该题合计不符" },
      "answer-share": { description: "选项占比与份数÷有效问卷数不符", certainty: "assumption" },
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
          title: "每题一行、选项分列：各选项人数之和超过有效问卷数",
          kind: "invalid",
          messageId: "answers-vs-valid",
          doc: [
            "有效问卷60份。",
            table([
              ["序号", "调查内容", "非常满意", "满意", "不满意", "有效问卷数"],
              ["1", "服务态度", "40", "18", "4", "60"],
            ]),
          ],
        },
        {
          title: "正文所列各选项份数之和超过有效问卷数",
          kind: "invalid",
          messageId: "answers-vs-valid",
          doc: ["发放问卷200份，回收有效问卷186份，其中非常满意120份、满意50份、不满意20份。"],
        },
        {
          title: "正文所列各选项份数之和未超过有效问卷数",
          kind: "valid",
          doc: ["发放问卷200份，回收有效问卷186份，其中非常满意120份、满意50份、不满意16份。"],
        },
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
    const tables = ctx.views.questionnaires.flatMap((q) => tally(ctx, q));
    const seen = new Set(
      tables.filter((f) => f.messageId === "stated-counts").map((f) =>
        f.evidence.map((e) => e.quote).join("|")
      ),
    );
    const text = textCountOrder(ctx).filter((f) => !seen.has(f.evidence.map((e) => e.quote).join("|")));
    return [...tables, ...text, ...ctx.views.questionnaireAnswers.flatMap((run) => textTally(ctx, run))];
  },
};

interface Valid {
  value: number;
  evidence: Evidence;
  source: string;
  /** Stated for this table or question (its own row or column, or the text just before the table). */
  certain: boolean;
  /** Why it is an assumption when it is not certain. */
  assumption?: string;
  /** What a count below it assumes besides every questionnaire answering every question. */
  under?: string;
  /** 有效问卷 or 收回问卷. */
  noun?: string;
}

function validCounts(ctx: CheckContext, q: Questionnaire, j: number, question: Question): Valid | undefined {
  const own = question.valid?.[j];
  if (own) {
    return { value: own.value, evidence: cellEv(ctx, q, own), source: "表中该题有效问卷数", certain: true };
  }
  const cell = q.valid?.counts[j];
  if (cell) {
    return { value: cell.value, evidence: cellEv(ctx, q, cell), source: "表中有效问卷份数", certain: true };
  }
  const valid = q.stated.find((x) => x.kind === "valid");
  const s = valid ?? q.stated.find((x) => x.kind === "returned");
  if (s && q.countCols.length === 1) {
    return {
      value: s.value,
      evidence: textEvidence(ctx.doc, s.block, s.raw),
      source: `正文“${s.raw}”`,
      // Answers cannot exceed the questionnaires returned: over 收回 is as certain as over 有效.
      certain: true,
      ...(valid ? {} : { under: "收回问卷均为有效问卷", noun: "收回问卷" }),
    };
  }
  if (q.countCols.length === 1) {
    // The one valid count the whole document states, when the text before the table states none.
    const all = [...ctx.views.questionnaireCounts.values()].flat().filter((x) => x.kind === "valid");
    if (all.length > 0 && new Set(all.map((x) => x.value)).size === 1) {
      const d = all[0];
      return {
        value: d.value,
        evidence: textEvidence(ctx.doc, d.block, d.raw),
        source: `正文“${d.raw}”`,
        certain: false,
        assumption: "问卷表与正文所述为同一次问卷调查",
      };
    }
  }
  return undefined;
}

function cellEv(ctx: CheckContext, q: Questionnaire, c: { row: number; col: number; raw: string }): Evidence {
  return cellEvidence(ctx.doc, q.table, c.row, c.col, c.raw);
}

function questionEv(ctx: CheckContext, q: Questionnaire, question: Question): Evidence {
  const cell = q.table.grid[question.row][question.col];
  return isBlank(cell.text)
    ? cellEvidence(ctx.doc, q.table, question.options[0].labelRow, question.options[0].labelCol)
    : cellEvidence(ctx.doc, q.table, question.row, question.col);
}

function tally(ctx: CheckContext, q: Questionnaire): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const f of statedCountFindings(ctx, q)) out.push(f);
  q.countCols.forEach((_, j) => {
    const suffix = q.countCols.length > 1 ? `（${q.countHeaders[j]}）` : "";
    for (const question of q.questions) {
      const valid = validCounts(ctx, q, j, question);
      const counts = question.options.map((o) => o.counts[j]);
      const qText = squash(question.text);
      const name = `第${qIndex(q, question)}题${qText ? `「${qText}」` : ""}${suffix}`;
      const complete = counts.length > 0 && counts.every((c) => c);
      const cs = counts as CellValue[];
      const sum = complete ? cs.reduce((s, c) => s + c.value, 0) : 0;
      const shown = complete ? `${cs.map((c) => show(c.value)).join("+")}=${show(sum)}` : "";
      const stated = question.total?.[j];
      let reported = false;
      if (complete && stated && compareSum(stated, cs) === "mismatch") {
        const isValid = valid !== undefined && valid.value === stated.value;
        if (!isValid || sum < stated.value) {
          out.push({
            message: `${name}各选项份数合计${shown}份，表中合计为${stated.raw}份。`,
            hint: "核对各选项份数或该题合计。",
            evidence: [
              questionEv(ctx, q, question),
              ...cs.map((c) => cellEv(ctx, q, c)),
              cellEv(ctx, q, stated),
            ],
            messageId: "question-total",
            details: { question: qText, counts: cs.map((c) => c.value), sum, stated: stated.value },
          });
          reported = true;
        }
      }
      if (complete && valid && !question.multi && !reported && sum !== valid.value) {
        const over = sum > valid.value;
        const certain = over && valid.certain;
        const assumption = over
          ? valid.assumption
          : ["每份有效问卷每题只选一个选项且均作答", valid.under, valid.assumption].filter(Boolean).join(
            "；",
          );
        out.push({
          severity: certain ? undefined : "warning",
          certainty: certain ? "certain" : "assumption",
          message:
            `${name}各选项份数合计${shown}份，${over ? "超过" : "少于"}${
              valid.noun ?? "有效问卷"
            }${valid.value}份` +
            (stated && stated.value === valid.value ? `（表中合计${stated.raw}份）` : "") + "。" +
            (over ? "" : "（按每份有效问卷每题作答一个选项的假设；若允许不作答，请在报告中说明。）") +
            (!over || !valid.assumption ? "" : `（假设${valid.assumption}。）`),
          hint: over
            ? "每题选择份数之和不能超过有效问卷数，请核对问卷统计。"
            : "核对统计，或说明未作答的份数。",
          evidence: [questionEv(ctx, q, question), ...cs.map((c) => cellEv(ctx, q, c)), valid.evidence],
          messageId: "answers-vs-valid",
          details: {
            question: qText,
            counts: cs.map((c) => c.value),
            sum,
            valid: valid.value,
            validSource: valid.source,
            ...(assumption ? { assumption } : {}),
          },
        });
      }
      const share = shareFinding(ctx, q, question, j, name, valid, complete ? sum : undefined, stated);
      if (share) out.push(share);
    }
    const valid = q.questions.length > 0 ? validCounts(ctx, q, j, q.questions[0]) : undefined;
    for (const f of totalFindings(ctx, q, j, suffix, valid)) out.push(f);
  });
  return out;
}

/** Each option's stated share against count ÷ valid (or ÷ the question's answers): one finding per question. */
function shareFinding(
  ctx: CheckContext,
  q: Questionnaire,
  question: Question,
  j: number,
  name: string,
  valid: Valid | undefined,
  sum: number | undefined,
  stated: CellValue | undefined,
): FindingDraft | undefined {
  const bases = [...new Set([valid?.value, stated?.value, sum].filter((x): x is number => !!x && x > 0))];
  if (bases.length === 0) return undefined;
  const bad: { option: OptionRow; count: CellValue; pct: PctValue; expected: number; verdict: Verdict }[] =
    [];
  for (const o of question.options) {
    const count = o.counts[j], pct = o.pcts[j];
    if (!count || !pct) continue;
    const verdicts = bases.map((b) => compareStated(pct.value, pct.decimals, point((count.value / b) * 100)));
    if (verdicts.some((v) => v === "match" || v === "truncation")) continue;
    const verdict = verdicts.includes("rounding") ? "rounding" : "mismatch";
    bad.push({ option: o, count, pct, expected: (count.value / bases[0]) * 100, verdict });
  }
  if (bad.length === 0) return undefined;
  const rounding = bad.every((b) => b.verdict === "rounding");
  const base = bases[0];
  const parts = bad.map((b) =>
    `“${squash(b.option.option)}”${b.count.raw}份应占${
      formatNumber(b.expected, Math.max(b.pct.decimals, 2))
    }%（${b.count.raw}÷${base}），表中为${b.pct.raw}%`
  );
  return {
    severity: rounding ? "info" : "warning",
    certainty: rounding ? "rounding" : "assumption",
    message: `${name}选项占比与份数不符：${parts.join("；")}。`,
    hint: rounding ? "按四舍五入重新计算占比。" : "占比应为选项份数÷有效问卷份数，请重新计算。",
    evidence: bad.flatMap((b) => [cellEv(ctx, q, b.pct), cellEv(ctx, q, b.count)]),
    messageId: "answer-share",
    details: {
      question: squash(question.text),
      base,
      shares: bad.map((b) => ({
        option: squash(b.option.option),
        count: b.count.value,
        stated: b.pct.value,
      })),
      ...(rounding ? {} : { assumption: "占比以有效问卷份数（或该题作答份数）为分母" }),
    },
  };
}

function qIndex(q: Questionnaire, question: Question): number {
  return q.questions.indexOf(question) + 1;
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
  const get = (k: StatedCount["kind"]) => q.stated.find((x) => x.kind === k);
  out.push(...countOrder(ctx, get));
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

/** 有效 ≤ 收回 ≤ 发放 within one paragraph, wherever the text states them (not only before a table). */
function textCountOrder(ctx: CheckContext): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const counts of ctx.views.questionnaireCounts.values()) {
    out.push(...countOrder(ctx, (k) => counts.find((x) => x.kind === k)));
  }
  return out;
}

function countOrder(
  ctx: CheckContext,
  get: (k: StatedCount["kind"]) => StatedCount | undefined,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  const pairs: [StatedCount | undefined, StatedCount | undefined, string][] = [
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
  return out;
}

/** A tally written in the text (非常满意120份、满意50份、不满意20份) against the valid questionnaires. */
function textTally(ctx: CheckContext, run: AnswerRun): FindingDraft[] {
  const out: FindingDraft[] = [];
  const valid = run.valid;
  if (!valid) return out;
  const sum = run.items.reduce((s, i) => s + i.value, 0);
  const validEv = textEvidence(ctx.doc, valid.block, valid.raw);
  const runEv = textEvidence(ctx.doc, run.block, run.quote);
  // Fewer answers than questionnaires is no finding here: the sentence may name only some of the options.
  if (sum > valid.value && !run.multi) {
    const assumption = run.validAmbiguous
      ? "所列份数与最近一处所述有效问卷数属同一次调查（文中有效问卷数不止一个）"
      : run.validScope === "document"
      ? "所列份数与文中所述有效问卷数属同一次调查"
      : undefined;
    out.push({
      severity: assumption ? "warning" : undefined,
      certainty: assumption ? "assumption" : "certain",
      message: `“${run.quote}”各选项合计${
        run.items.map((i) => i.raw).join("+")
      }=${sum}${run.items[0].unit}，超过${
        valid.kind === "valid" ? "有效" : "收回"
      }问卷${valid.value}份（${valid.raw}）。` +
        (assumption ? `（假设${assumption}。）` : ""),
      hint: "同一问题各选项的份数之和不能超过有效问卷数，请核对问卷统计。",
      evidence: [runEv, validEv],
      messageId: "answers-vs-valid",
      details: {
        question: "",
        counts: run.items.map((i) => i.value),
        sum,
        valid: valid.value,
        validSource: `正文“${valid.raw}”`,
        ...(assumption ? { assumption } : {}),
      },
    });
  }
  const bad = run.items.flatMap((i) => {
    if (!i.pct || valid.value <= 0) return [];
    const bases = [valid.value, sum].filter((b) => b > 0);
    const verdicts = bases.map((b) =>
      compareStated(i.pct!.value, i.pct!.decimals, point((i.value / b) * 100))
    );
    if (verdicts.some((v) => v === "match" || v === "truncation")) return [];
    return [{ item: i, rounding: verdicts.includes("rounding"), expected: (i.value / valid.value) * 100 }];
  });
  if (bad.length > 0) {
    const rounding = bad.every((b) => b.rounding);
    out.push({
      severity: rounding ? "info" : "warning",
      certainty: rounding ? "rounding" : "assumption",
      message: `选项占比与份数不符：${
        bad.map((b) =>
          `“${b.item.option}”${b.item.raw}${b.item.unit}应占${
            formatNumber(b.expected, Math.max(b.item.pct!.decimals, 2))
          }%（${b.item.raw}÷${valid.value}），文中为${b.item.pct!.raw}%`
        ).join("；")
      }。`,
      hint: rounding ? "按四舍五入重新计算占比。" : "占比应为选项份数÷有效问卷份数，请重新计算。",
      evidence: [runEv, validEv],
      messageId: "answer-share",
      details: {
        question: "",
        base: valid.value,
        shares: bad.map((b) => ({ option: b.item.option, count: b.item.value, stated: b.item.pct!.value })),
        ...(rounding ? {} : { assumption: "占比以有效问卷份数为分母" }),
      },
    });
  }
  return out;
}
