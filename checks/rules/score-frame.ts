/**
 * score-frame: the weight frame of a 项目支出绩效自评表 where its parts carry weight annotations, read by the
 * `weightFrames` view (src/analysis/frame.ts) also when the table reached us flattened into text. The
 * annotated 一级指标 categories (产出/效益/满意度/成本指标) against the 年度绩效目标 they make up; 预算执行 +
 * 年度绩效目标 against the 总分 (stated, else 100); without a 年度绩效目标 weight, 预算执行 + the categories
 * against the 总分. The frame's membership is template knowledge, so every finding is an assumption. A
 * missing category can only make the parts smaller: parts below their whole are reported only when every
 * category is annotated. Tables the indicator-table reader parses are left to the table rules (score-weight-tree and the other score-* table rules).
 */
import type { CheckContext } from "../../src/model/rule.ts";
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { Evidence } from "../../src/model/finding.ts";
import type { WeightFrame, WeightNote } from "../../src/analysis/frame.ts";
import {
  FRAME_LABELS,
  type FrameRole,
  NESTABLE_CATEGORY,
  OLDER_CATEGORIES,
} from "../../src/analysis/vocab.ts";
import { compareSum, show, type Stated, total } from "../../src/analysis/tables/compare.ts";
import { cellEvidence, evidence } from "../../src/analysis/evidence.ts";
import { effectiveWeights } from "../../src/analysis/tables/indicator-table.ts";
import { table } from "../../src/testing/doc-spec.ts";

interface Part {
  role: FrameRole;
  label: string;
  weight: number;
}

interface FrameDetails {
  /** Every annotated part of the frame: 预算执行, 年度绩效目标, the categories (the total apart). */
  parts: Part[];
  /** Σ of the annotated categories. */
  categorySum?: number;
  block?: number;
  budget?: number;
  /** 预算执行 + the categories (the weight of every scored item). */
  itemSum?: number;
  /** The 总分: stated, or 100 when `totalStated` is false. */
  total: number;
  totalStated: boolean;
  assumption: string;
  [k: string]: unknown;
}

type Details = {
  "categories-vs-block": FrameDetails;
  "block-vs-total": FrameDetails;
  "parts-vs-total": FrameDetails;
};

const MEMBERSHIP = "自评表模板中，年度绩效目标的分值由产出、效益、满意度、成本等一级指标的分值构成";
const TOP_LEVEL = "自评表模板中，总分由预算执行与年度绩效目标两部分构成";
const FULL_MARKS = "未标注总分，按满分100分计";
const HINT =
  "核对各部分的分值标注：各一级指标分值之和应等于年度绩效目标的分值，预算执行与年度绩效目标的分值之和应等于总分。";

const pt = (n: WeightNote): string => `${n.label}${show(n.value)}分`;
const stated = (n: WeightNote): Stated => ({ value: n.value, decimals: n.decimals });

/** "a+b=c分" (or the one part's own weight). */
function formula(parts: WeightNote[]): string {
  const sum = show(total(parts.map(stated)));
  return parts.length > 1 ? `${parts.map(pt).join("+")}=${sum}分` : pt(parts[0]);
}

type Reading = "ok" | "over" | "under" | "open";

function reading(whole: Stated, parts: WeightNote[], complete: boolean): Reading {
  if (compareSum(whole, parts.map(stated)) !== "mismatch") return "ok";
  return total(parts.map(stated)) > whole.value ? "over" : complete ? "under" : "open";
}

/**
 * The categories (plus `fixed` items) against `whole`, under every reading of the template: 成本指标 a category
 * of its own (newer templates), or a 二级指标 inside 产出指标 (older ones). A defect only when every
 * reading is one; the verdict is that of the first reading (all annotated categories).
 */
function verdict(whole: Stated, fixed: WeightNote[], cats: WeightNote[]): "over" | "under" | undefined {
  const has = (terms: readonly string[], list: WeightNote[]) =>
    terms.every((t) => list.some((c) => c.term === t));
  const readings = [reading(whole, [...fixed, ...cats], has(FRAME_LABELS.category, cats))];
  if (cats.some((c) => c.term === NESTABLE_CATEGORY)) {
    const older = cats.filter((c) => c.term !== NESTABLE_CATEGORY);
    readings.push(reading(whole, [...fixed, ...older], has(OLDER_CATEGORIES, older)));
  }
  return readings.every((r) => r === "over" || r === "under") ? readings[0] as "over" | "under" : undefined;
}

/** A frame that cannot be a 自评表's: a block or total smaller than one of its own parts. */
function implausible(f: WeightFrame): boolean {
  const within = [f.budget, ...f.categories].filter((n): n is WeightNote => !!n);
  if (f.block && f.categories.some((c) => c.value > f.block!.value)) return true;
  if (f.block && f.budget && f.block.value <= f.budget.value) return true;
  return !!f.total && [...within, f.block].some((n) => n && n.value > f.total!.value);
}

/** Every category restated, with the same weight, by a node of one indicator table: the table rules' matter. */
function restatesTable(ctx: CheckContext, f: WeightFrame): boolean {
  if (f.scope !== "text" || f.categories.length === 0) return false;
  const names = ctx.views.indicatorNames.byName;
  const tables = f.categories.map((c) =>
    new Set(
      (names.get(c.term) ?? []).filter((n) => effectiveWeights(n).weights.some((w) => w.value === c.value))
        .map((n) => n.it),
    )
  );
  return [...tables[0]].some((it) => tables.every((s) => s.has(it)));
}

function noteEvidence(ctx: CheckContext, n: WeightNote): Evidence[] {
  return n.quotes.map((q) => {
    const b = ctx.doc.blocks[q.block];
    return q.cell && b.kind === "table"
      ? cellEvidence(ctx.doc, b, q.cell.row, q.cell.col, q.quote)
      : evidence(ctx.doc, q.block, q.quote);
  });
}

function frameFindings(ctx: CheckContext, f: WeightFrame): FindingDraft<Details>[] {
  if (implausible(f) || restatesTable(ctx, f)) return [];
  const out: FindingDraft<Details>[] = [];
  const { budget, block, categories: cats } = f;
  const whole: Stated = f.total ? stated(f.total) : { value: 100, decimals: 0 };
  const totalText = f.total ? `${f.total.label}${show(whole.value)}分` : "满分100分（未标注总分）";
  const catSum = cats.length > 0 ? total(cats.map(stated)) : undefined;
  const ev = (...notes: (WeightNote | undefined)[]) => notes.flatMap((n) => n ? noteEvidence(ctx, n) : []);
  const details = (assumption: string[]): FrameDetails => ({
    parts: [budget, block, ...cats].filter((n): n is WeightNote => !!n).map((n) => ({
      role: n.role,
      label: n.label,
      weight: n.value,
    })),
    ...(catSum !== undefined ? { categorySum: Number(show(catSum)) } : {}),
    ...(block ? { block: block.value } : {}),
    ...(budget ? { budget: budget.value } : {}),
    ...(budget && catSum !== undefined ? { itemSum: Number(show(budget.value + catSum)) } : {}),
    total: whole.value,
    totalStated: !!f.total,
    assumption: [...assumption, ...(f.total ? [] : [FULL_MARKS])].join("；"),
  });

  if (block && cats.length > 0) {
    const v = verdict(stated(block), [], cats);
    if (v) {
      const sum = catSum!;
      let message = `${formula(cats)}，${v === "over" ? "超过" : "少于"}${block.label}的${
        show(block.value)
      }分`;
      if (budget) {
        message +=
          `；加上${pt(budget)}，各项分值合计${
            show(budget.value + sum)
          }分，而${budget.label}与${block.label}` +
          `合计为${show(budget.value + block.value)}分` + (f.total ? `，${totalText}` : "");
      }
      out.push({
        messageId: "categories-vs-block",
        message: `${message}。（按自评表模板，年度绩效目标由各一级指标构成。）`,
        hint: HINT,
        evidence: ev(block, ...cats, budget, f.total),
        details: details([MEMBERSHIP]),
      });
    }
  }
  if (budget && block && compareSum(whole, [stated(budget), stated(block)]) === "mismatch") {
    out.push({
      messageId: "block-vs-total",
      message: `${
        formula([budget, block])
      }，与${totalText}不符。（按自评表模板，总分由预算执行与年度绩效目标构成。）`,
      hint: HINT,
      evidence: ev(budget, block, f.total),
      details: details([TOP_LEVEL]),
    });
  }
  if (!block && budget && cats.length > 0) {
    const v = verdict(whole, [budget], cats);
    if (v) {
      out.push({
        messageId: "parts-vs-total",
        message: `${formula([budget, ...cats])}，${v === "over" ? "超过" : "少于"}${totalText}。` +
          "（按自评表模板，总分由预算执行与各一级指标构成。）",
        hint: HINT,
        evidence: ev(budget, ...cats, f.total),
        details: details([TOP_LEVEL, MEMBERSHIP]),
      });
    }
  }
  return out;
}

export const scoreFrame = defineRule<Details>({
  meta: {
    id: "score-frame",
    severity: "warning",
    title: "自评表分值框架不符",
    messages: {
      "categories-vs-block": {
        description: "各一级指标标注的分值之和与年度绩效目标的分值不符",
        certainty: "assumption",
      },
      "block-vs-total": {
        description: "预算执行与年度绩效目标的分值之和与总分不符",
        certainty: "assumption",
      },
      "parts-vs-total": { description: "预算执行与各一级指标的分值之和与总分不符", certainty: "assumption" },
    },
    docs: {
      summary:
        "The weight frame of a 项目支出绩效自评表 from its weight annotations, also when the table was flattened " +
        "into text: the categories (产出/效益/满意度/成本指标) vs 年度绩效目标, 预算执行 + 年度绩效目标 vs 总分 (or 100).",
      rationale:
        "A 自评表 whose category weights exceed the block they belong to scores more points than the form has; " +
        "the reader of a flattened table cannot see it, and the total score is then unreliable.",
      examples: [
        {
          title: "一级指标分值之和超过年度绩效目标的分值（表格被压成一段文字）",
          kind: "invalid",
          messageId: "categories-vs-block",
          doc: [
            "项目支出绩效自评表 预算执行 情况(万元) (10 分) 预算数 执行数 执行率 得分 (10 分*执行率) 80 76 95% 9.5 " +
            "年度 绩效 目标 (90 分) 产出指标 (60 分) 数量指标 质量指标 效益指标 (40 分) 社会效益指标 总分 99.5",
          ],
        },
        {
          title: "分值框架一致",
          kind: "valid",
          doc: [table([
            ["预算执行情况（10分）", "预算数", "执行数", "执行率", "得分"],
            ["年度资金总额", "50", "50", "100%", "10"],
            ["年度绩效目标（90分）", "产出指标（50分）", "效益指标（30分）", "满意度指标（10分）", "总分"],
          ])],
        },
      ],
    },
  },
  check: (ctx) => ctx.views.weightFrames.flatMap((f) => frameFindings(ctx, f)),
});
