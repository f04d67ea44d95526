/**
 * The 项目支出绩效自评表's own arithmetic (src/analysis/tables/self-eval-form.ts reads it): 执行率 = 全年执行数 ÷
 * 全年预算数, 预算执行率得分 = 分值 × min(执行率, 1) (the template's rule: certain when the header states it,
 * an assumption otherwise, and not applied when the report states another rule for it), and each indicator's
 * 实际完成值 against its 年度指标值 and the score awarded (a target missed but full marks; a missed target
 * without 偏差原因).
 */
import type { CheckContext, FindingDraft } from "../../../src/model/rule.ts";
import type { Evidence } from "../../../src/model/finding.ts";
import type { IndicatorTable, Leaf } from "../../../src/analysis/tables/indicator-table.ts";
import { leafWeight } from "../../../src/analysis/tables/indicator-table.ts";
import {
  type Amount,
  type BudgetRow,
  type Direction,
  parseActual,
  parseTarget,
  targetColumns,
} from "../../../src/analysis/tables/self-eval-form.ts";
import { compareStated, div, type Interval, intervalOf } from "../../../src/extract/tolerance.ts";
import { cellEvidence } from "../../../src/analysis/evidence.ts";
import { isBlank, squash } from "../../../src/analysis/tables/cell-number.ts";
import { show } from "../../../src/analysis/tables/compare.ts";

import {
  CEILING_INDICATOR_WORDS,
  CEILING_PARENT_WORD,
  OWN_EXECUTION_RULE,
} from "../../../src/analysis/vocab-score-rules.ts";

const EPS = 1e-9;
/** What a 100% 执行率 beside a larger 执行数 ÷ 预算数 may mean. */
const CAPPED_ASSUMPTION = "假设执行率按实际比例填列；若该表执行率超过100%按100%填列，则二者相符";

/** The details of the 自评表 findings (`indicator` is the row's label as written, spaces removed). */
export type SelfEvalDetails = {
  /** The 执行率 as stated, and 全年执行数 ÷ 全年预算数 in percent (the middle of its rounding interval). */
  "execution-rate": { indicator: string; stated: number; computed: number; assumption?: string };
  /** The score, its weight and the score 分值 × min(执行率, 1) allows; an assumption when no rule is stated. */
  "budget-score": {
    indicator: string;
    score: number;
    weight: number;
    expected: Interval;
    assumption?: string;
  };
  /** 年度指标值 and 实际完成值 as written, the full marks awarded and the weight. */
  "target-missed-full-marks": {
    indicator: string;
    target: string;
    actual: string;
    score: number;
    weight: number;
    assumption: string;
  };
  /** An assumption when the target states no direction (不低于/不高于). */
  "deviation-reason-missing": { indicator: string; target: string; actual: string; assumption?: string };
};

/** A scoring rule for the execution rate written anywhere in the report (its own rule replaces the default). */
const OWN_RATE_RULE = new RegExp(
  `${OWN_EXECUTION_RULE.name}[^。；;\\n]{0,30}?(?:${OWN_EXECUTION_RULE.marks.join("|")}|扣[0-9０-９.．]+分|` +
    `每(?:${OWN_EXECUTION_RULE.stepsDown.join("|")})[0-9０-９.．]+)`,
);

function ownRateRule(ctx: CheckContext, it: IndicatorTable, b: BudgetRow): boolean {
  return ctx.views.memo(`score-rule:own-rate-rule:${it.table.index}:${b.row}`, () => {
    for (const block of ctx.doc.blocks) {
      if (block.kind !== "table") {
        if (OWN_RATE_RULE.test(block.text)) return true;
        continue;
      }
      for (const row of block.grid) {
        for (const cell of row) if (cell.text.length > 6 && OWN_RATE_RULE.test(cell.text)) return true;
      }
    }
    return false;
  });
}

const interval = (a: Amount): Interval =>
  intervalOf({ stated: a.value, decimals: a.decimals, scale: a.scale });

/** 执行数 ÷ 预算数 in percent, when both amounts are read on the same scale. */
function ratio(num?: Amount, den?: Amount): Interval | undefined {
  if (!num || !den || den.value === 0) return undefined;
  if (num.scaleKnown !== den.scaleKnown && num.scale !== den.scale) return undefined;
  const q = div(interval(num), interval(den));
  return q ? { low: q.low * 100, high: q.high * 100 } : undefined;
}

const pct = (iv: Interval) =>
  Math.abs(iv.high - iv.low) < 0.01
    ? `${show(Number(iv.low.toFixed(2)))}%`
    : `${show(Number(((iv.low + iv.high) / 2).toFixed(2)))}%`;

function budgetFindings(ctx: CheckContext, it: IndicatorTable): FindingDraft<SelfEvalDetails>[] {
  const out: FindingDraft<SelfEvalDetails>[] = [];
  const ev = (c: { row: number; col: number }, quote?: string): Evidence =>
    cellEvidence(ctx.doc, it.table, c.row, c.col, quote);
  for (const b of it.budget) {
    const label = squash(b.label.text);
    // 执行率 = 全年执行数 ÷ 全年预算数.
    const computed = ratio(b.executed, b.budget);
    if (b.rate && computed) {
      const v = compareStated(b.rate.value, b.rate.decimals, computed);
      if (v === "mismatch" || v === "rounding") {
        const planned = ratio(b.executed, b.planned);
        const byPlanned = v === "mismatch" && planned !== undefined &&
          compareStated(b.rate.value, b.rate.decimals, planned) === "match";
        // 执行数 above the budget and 执行率 written 100%: the rate may be capped as the score is.
        const capped = v === "mismatch" && !byPlanned && b.rate.value === 100 && computed.low > 100;
        const assumed = byPlanned || capped;
        out.push({
          messageId: "execution-rate",
          severity: v === "rounding" ? "info" : assumed ? "warning" : "error",
          certainty: v === "rounding" ? "rounding" : assumed ? "assumption" : "certain",
          message:
            `「${label}」执行率写作${b.rate.raw}，按全年执行数${b.executed!.raw}÷全年预算数${
              b.budget!.raw
            }计算为${pct(computed)}，` +
            (v === "rounding"
              ? "仅在末位舍入范围内相差。"
              : byPlanned
              ? `与按年初预算数${b.planned!.raw}计算的结果一致：执行率应以全年预算数为分母。`
              : capped
              ? `二者不符（${CAPPED_ASSUMPTION}）。`
              : "二者不符。"),
          hint: "执行率 = 全年执行数 ÷ 全年预算数 × 100%，请重新计算并核对预算执行率得分。",
          evidence: [ev(b.rate, b.rate.raw), ev(b.executed!, b.executed!.raw), ev(b.budget!, b.budget!.raw)],
          details: {
            indicator: label,
            stated: b.rate.value,
            computed: Number(((computed.low + computed.high) / 2).toFixed(4)),
            ...(byPlanned ? { assumption: "执行率以全年预算数（调整后预算数）为分母" } : {}),
            ...(capped ? { assumption: CAPPED_ASSUMPTION } : {}),
          },
        });
      }
    }
    // 预算执行率得分 = 分值 × min(执行率, 1).
    const rate = b.rate
      ? intervalOf({ stated: b.rate.value, decimals: b.rate.decimals, scale: 1 })
      : computed;
    if (!b.score || !b.weight || !rate || b.score.value > b.weight.value + EPS) continue;
    const stated = b.statedRule !== undefined;
    if (!stated && ownRateRule(ctx, it, b)) continue;
    const w = b.weight.value;
    const expected = { low: w * Math.min(rate.low / 100, 1), high: w * Math.min(rate.high / 100, 1) };
    const v = compareStated(b.score.value, b.score.decimals, expected);
    if (v === "match" || v === "truncation") continue;
    const rounding = v === "rounding";
    const rateText = b.rate ? `执行率${b.rate.raw}` : `执行率${pct(computed!)}（按执行数÷预算数）`;
    out.push({
      messageId: "budget-score",
      severity: rounding ? "info" : stated ? "error" : "warning",
      certainty: rounding ? "rounding" : stated ? "certain" : "assumption",
      message:
        `「${label}」预算执行得分${b.score.raw}分；按${
          stated ? `表头所列计分方法“${b.statedRule!.quote}”` : "“分值×执行率”"
        }，分值${b.weight.raw}分、${rateText}，应得${
          show(Number(((expected.low + expected.high) / 2).toFixed(2)))
        }分` +
        (rounding ? "，仅在末位舍入范围内相差。" : "，二者不符。") +
        (stated || rounding
          ? ""
          : "（按自评表通用计分口径“得分=分值×执行率，执行率超过100%按100%计”判断；表中未另列计分方法。）"),
      hint: "按计分方法重新计算预算执行率得分；若另有计分规则，请在表中写明。",
      evidence: [
        ev(b.score, b.score.raw),
        ...(b.rate ? [ev(b.rate, b.rate.raw)] : []),
        ev(b.weight, b.weight.raw),
        ...(stated ? [ev(b.statedRule!, b.statedRule!.quote)] : []),
      ],
      details: {
        indicator: label,
        score: b.score.value,
        weight: w,
        expected,
        ...(stated || rounding ? {} : { assumption: "预算执行率得分=分值×min(执行率,1)" }),
      },
    });
  }
  return out;
}

const DIRECTION_TEXT: Record<Direction, string> = { "at-least": "不低于", "at-most": "不高于", bare: "达到" };

/** The direction a bare target means: a 成本 indicator is a ceiling, anything else a floor. */
function bareDirection(leaf: Leaf): "at-least" | "at-most" {
  for (let n = leaf.parent; n; n = n.parent) if (n.name.includes(CEILING_PARENT_WORD)) return "at-most";
  return CEILING_INDICATOR_WORDS.some((w) => leaf.name.includes(w)) ? "at-most" : "at-least";
}

function targetFindings(ctx: CheckContext, it: IndicatorTable): FindingDraft<SelfEvalDetails>[] {
  const cols = targetColumns(it.table, it.headerRow);
  if (!cols) return [];
  const out: FindingDraft<SelfEvalDetails>[] = [];
  const grid = it.table.grid;
  const ev = (row: number, col: number, quote?: string): Evidence =>
    cellEvidence(ctx.doc, it.table, row, col, quote);
  for (const leaf of it.leaves) {
    if (leaf.kind === "budget") continue;
    const tCell = grid[leaf.row][cols.target], aCell = grid[leaf.row][cols.actual];
    if (tCell.anchorRow !== leaf.row || aCell.anchorRow !== leaf.row) continue;
    const target = parseTarget(tCell.text);
    const actual = parseActual(aCell.text);
    if (!target || !actual) continue;
    if (target.unit !== actual.unit && target.unit !== "" && actual.unit !== "") continue;
    const bare = target.direction === "bare";
    const dir = bare ? bareDirection(leaf) : target.direction;
    const missed = dir === "at-least"
      ? (target.strict ? actual.value <= target.value + EPS : actual.value < target.value - EPS)
      : (target.strict ? actual.value >= target.value - EPS : actual.value > target.value + EPS);
    if (!missed) continue;
    const name = squash(leaf.label.text);
    const tText = squash(tCell.text), aText = squash(aCell.text);
    const comparison = `年度指标值“${tText}”，实际完成值“${aText}”，` +
      (dir === "at-least" ? "低于目标" : "超过目标上限");
    const assumption = bare ? `目标值未写明方向，按实际值应${DIRECTION_TEXT[dir]}目标值理解` : undefined;
    const weight = leafWeight(leaf);
    if (leaf.score && weight && leaf.score.value >= weight.value - EPS) {
      out.push({
        messageId: "target-missed-full-marks",
        severity: "warning",
        certainty: "assumption",
        message:
          `指标「${name}」${comparison}，未完成年度目标，但得分${leaf.score.raw}分为满分（分值${weight.raw}分）。` +
          `（假设未完成目标应按完成程度扣分${assumption ? `；${assumption}` : ""}。）`,
        hint: "核对实际完成值与得分：未完成年度指标值的，应按评分标准扣分，或在偏差原因中说明不扣分的理由。",
        evidence: [
          ev(leaf.row, cols.target, tCell.text.trim()),
          ev(leaf.row, cols.actual, aCell.text.trim()),
          ev(leaf.score.row, leaf.score.col, leaf.score.raw),
        ],
        details: {
          indicator: name,
          target: tText,
          actual: aText,
          score: leaf.score.value,
          weight: weight.value,
          assumption: `未完成年度指标值不应得满分${assumption ? `；${assumption}` : ""}`,
        },
      });
    }
    if (cols.deviation !== undefined) {
      const dCell = grid[leaf.row][cols.deviation];
      if (dCell.anchorRow === leaf.row && isBlank(dCell.text)) {
        out.push({
          messageId: "deviation-reason-missing",
          severity: "info",
          certainty: bare ? "assumption" : "certain",
          message: `指标「${name}」${comparison}，但偏差原因栏为空。` +
            (assumption ? `（${assumption}。）` : ""),
          hint: "未完成年度指标值的，应在偏差原因栏说明原因及改进措施。",
          evidence: [
            ev(leaf.row, cols.target, tCell.text.trim()),
            ev(leaf.row, cols.actual, aCell.text.trim()),
          ],
          details: { indicator: name, target: tText, actual: aText, ...(assumption ? { assumption } : {}) },
        });
      }
    }
  }
  return out;
}

/** Every 自评表 finding of the document's indicator tables. */
export function selfEvalFindings(ctx: CheckContext): FindingDraft<SelfEvalDetails>[] {
  return ctx.views.indicatorTables.flatMap((it) => [...budgetFindings(ctx, it), ...targetFindings(ctx, it)]);
}
