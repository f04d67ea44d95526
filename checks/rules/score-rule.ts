/**
 * score-rule: an indicator whose scoring rule (指标评分细则) is a formula on one rate ("执行率≥95%得满分，
 * 每低1%扣0.1分") is re-scored from the rate the report states, or from the two inputs of the row's own
 * definition ("在职人员控制率=（在职人员数/编制数）×100%"), and the result compared with the 得分 column and
 * with the 得X分 that follows the figures in the text. A rate in the indicator's own row makes a
 * contradiction certain (error); a rate found in the text under the same name is an assumed mapping
 * (warning, the assumption stated). A formula whose rate and inputs the report never gives is reported as
 * uncheckable (info).
 */
import type { Evidence } from "../../src/model/finding.ts";
import type { Figure, ScoreClaim } from "../../src/model/figure.ts";
import { compareStated, type Interval } from "../../src/extract/tolerance.ts";
import { type CheckContext, defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { IndicatorTable, Leaf } from "../../src/analysis/tables/indicator-table.ts";
import type { Views } from "../../src/analysis/views.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { squash } from "../../src/analysis/tables/cell-number.ts";
import { show } from "../../src/analysis/tables/compare.ts";
import { cellEvidence, locEvidence } from "../../src/analysis/evidence.ts";
import {
  type Definition,
  isComplete,
  parseDefinition,
  parseFormula,
  type ScoreFormula,
  scoreRange,
} from "./score-rule/formula.ts";
import {
  claimAfter,
  inputPairs,
  matchKey,
  nameMatchKey,
  narrativeFigures,
  rateInterval,
  rateNames,
  rowFigures,
  type Source,
} from "./score-rule/sources.ts";
import { type SelfEvalDetails, selfEvalFindings } from "./score-rule/self-eval.ts";

/** `indicator` is the indicator's label as written (spaces removed), `metric` the rate its formula scores. */
type Details = SelfEvalDetails & {
  "score-vs-rule": {
    indicator: string;
    metric: string;
    /** Where the rate came from: the indicator's own row (certain), the text, or the definition's inputs. */
    source: Source["kind"];
    rate: Interval;
    /** The score the formula gives for that rate. */
    expected: Interval;
    /** The table's score when it contradicts the formula, the text's 得X分 when that does. */
    tableScore?: number;
    narrativeScore?: number;
    /** Set for a rate from the text or from the inputs: they are matched to the indicator by name. */
    assumption?: string;
  };
  /** The formula's rate that the report never gives (nor its inputs). */
  uncheckable: { indicator: string; metric: string };
};

interface IndicatorRule {
  it: IndicatorTable;
  leaf: Leaf;
  formula: ScoreFormula;
  formulaCol: number;
  definition?: Definition;
  weight: number;
  /** Canonical names of the rate: the indicator's, the rule's and the definition's. */
  names: string[];
  /** Columns that are not values of the row (labels, weight, score, rule, definition). */
  skipCols: Set<number>;
}

/** The formula-scored indicators of a document, once per document (read-only). */
function indicatorRules(views: Views): IndicatorRule[] {
  return views.memo("score-rule:indicators", () => readIndicatorRules(views));
}

function readIndicatorRules(views: Views): IndicatorRule[] {
  const out: IndicatorRule[] = [];
  for (const it of views.indicatorTables) {
    for (const leaf of it.leaves) {
      const weight = leaf.weight?.value ?? leaf.label.weights[0]?.value;
      if (weight === undefined) continue;
      const skipCols = new Set<number>([...it.labelCols, it.weightCol]);
      if (it.scoreCol !== undefined) skipCols.add(it.scoreCol);
      const row = it.table.grid[leaf.row];
      let formula: ScoreFormula | undefined;
      let formulaCol = -1;
      let definition: Definition | undefined;
      row.forEach((cell, col) => {
        if (skipCols.has(col) || cell.anchorRow !== leaf.row || cell.anchorCol !== col) return;
        const f = formula ? undefined : parseFormula(cell.text, leaf.name);
        if (f) [formula, formulaCol] = [f, col];
        const d = definition ? undefined : parseDefinition(cell.text);
        if (d) definition = d;
        if (f || d || cell.text.length > 16) skipCols.add(col);
      });
      if (!formula) continue;
      const f: ScoreFormula = formula;
      const names = rateNames([leaf.name, f.metric, ...(definition ? [definition.name] : [])]);
      out.push({ it, leaf, formula: f, formulaCol, definition, weight, names, skipCols });
    }
  }
  return out;
}

interface Sources {
  sources: Source[];
  /** The text names the rate or its inputs, but not in a usable way (approximate, ambiguous). */
  seen: boolean;
}

/** Narrative % figures, each given to the one indicator whose rate name it ends with (longest name wins). */
function statedSources(
  ctx: CheckContext,
  rules: IndicatorRule[],
  claims: readonly ScoreClaim[],
): { stated: Map<IndicatorRule, Source[]>; seen: Set<IndicatorRule> } {
  const out = new Map<IndicatorRule, Source[]>();
  const seen = new Set<IndicatorRule>();
  for (const f of narrativeFigures(ctx.views)) {
    if (f.unit !== "%") continue;
    const key = matchKey(f.subject);
    const scores = rules.map((r) => nameMatchKey(key, r.names));
    scores.forEach((s, i) => s > 0 && seen.add(rules[i]));
    const best = Math.max(0, ...scores);
    if (best === 0 || scores.filter((s) => s === best).length !== 1) continue;
    const rate = rateInterval(ctx.doc, f);
    if (!rate) continue;
    const rule = rules[scores.indexOf(best)];
    const claim = claimAfter(ctx.doc, claims, f.loc.block, f.loc.start, f.loc.end);
    out.set(rule, [...(out.get(rule) ?? []), { kind: "stated", figure: f, rate, claim }]);
  }
  return { stated: out, seen };
}

function sourcesOf(
  ctx: CheckContext,
  r: IndicatorRule,
  stated: Source[],
  claims: readonly ScoreClaim[],
  year: number | undefined,
): Sources {
  const row: Source[] = rowFigures(ctx.views, r.it.table, r.leaf.row, r.skipCols, r.it.headerRow)
    .flatMap((figure) => {
      const rate = rateInterval(ctx.doc, figure);
      return rate ? [{ kind: "row" as const, figure, rate }] : [];
    });
  if (row.length > 0) return { sources: row, seen: true };
  const found = r.definition
    ? inputPairs(ctx.views, narrativeFigures(ctx.views), r.definition, year)
    : { pairs: [], seen: false };
  const inputs: Source[] = found.pairs.map((p) => {
    const from = Math.min(p.numerator.loc.start, p.denominator.loc.start);
    const after = Math.max(p.numerator.loc.end, p.denominator.loc.end);
    return {
      kind: "inputs" as const,
      ...p,
      claim: claimAfter(ctx.doc, claims, p.numerator.loc.block, from, after),
    };
  });
  return { sources: [...stated, ...inputs], seen: found.seen };
}

/**
 * A stated score against the allowed interval. Scores are awarded, not measured: an integer score is read to
 * one decimal (1 allows 0.95–1.05, not 0.5–1.5); a rounding or truncation at that precision is no contradiction.
 */
function contradicts(score: { value: number; decimals: number }, expected: Interval): boolean {
  const v = compareStated(score.value, Math.max(1, score.decimals), expected);
  return v !== "match" && v !== "truncation";
}

function expectedText(iv: Interval, full: number): string {
  const s = Math.abs(iv.low - iv.high) < 1e-9 ? `${show(iv.low)}分` : `${show(iv.low)}～${show(iv.high)}分`;
  return Math.abs(iv.low - full) < 1e-9 && Math.abs(iv.high - full) < 1e-9 ? `${s}（满分）` : s;
}

/** The rate computed from the two figures as stated (the interval only widens it by their rounding). */
function ratioText(a: Figure, b: Figure): string {
  return `${show(Number((a.value / b.value * 100).toFixed(2)))}%`;
}

/** A figure as the text states it: its clause when short, else its subject and value. */
function figureText(f: Figure): string {
  return f.quote.length <= 30 ? f.quote : `${f.subject}${f.raw}`;
}

function describeSource(r: IndicatorRule, s: Source): { text: string; assumption?: string } {
  const metric = r.formula.metric;
  switch (s.kind) {
    case "row":
      return { text: `本行所列${metric}为${s.figure.raw}` };
    case "stated":
      return {
        text: `正文“${figureText(s.figure)}”`,
        assumption: `假设正文中的“${s.figure.subject}”即该指标的${metric}`,
      };
    case "inputs": {
      const d = r.definition!;
      const [a, b] = [figureText(s.numerator), figureText(s.denominator)];
      return {
        text: `按本行定义“${d.quote}”，以正文所列“${a}”“${b}”计算，${d.name}约为${
          ratioText(s.numerator, s.denominator)
        }`,
        assumption: `假设正文中的“${a}”“${b}”即定义中的${d.numerator}、${d.denominator}`,
      };
    }
  }
}

function sourceEvidence(ctx: CheckContext, s: Source): Evidence[] {
  const figs: Figure[] = s.kind === "inputs" ? [s.numerator, s.denominator] : [s.figure];
  const out: Evidence[] = [];
  for (const f of figs) {
    const e = locEvidence(ctx.doc, f.loc, f.quote);
    if (!out.some((x) => x.block === e.block && x.quote === e.quote && x.table?.row === e.table?.row)) {
      out.push(e);
    }
  }
  return out;
}

function checkIndicator(
  ctx: CheckContext,
  r: IndicatorRule,
  { sources, seen }: Sources,
): FindingDraft<Details>[] {
  const { doc } = ctx;
  const { it, leaf, formula, weight } = r;
  const label = squash(leaf.label.text);
  const ruleEv = cellEvidence(doc, it.table, leaf.row, r.formulaCol, formula.quote);
  const full = formula.fullPoints ?? weight;
  const ruleText = formula.quote.replace(/[。；;，,\s]+$/, "");
  if (sources.length === 0) {
    if (seen || !isComplete(formula)) return [];
    const inputs = r.definition
      ? `，也未给出计算所需的${r.definition.numerator}和${r.definition.denominator}`
      : "";
    return [{
      messageId: "uncheckable",
      severity: "info",
      message: `无法核验：指标“${label}”的评分细则为“${ruleText}”，但报告未给出${formula.metric}${inputs}，` +
        `无法按细则复核得分。`,
      hint: `在正文中写明${formula.metric}（或其计算依据），以便核对得分。`,
      evidence: [ruleEv],
      details: { indicator: label, metric: formula.metric },
    }];
  }
  const expected = sources.map((s) => scoreRange(formula, weight, s.rate));
  const claimOf = (s: Source) => s.kind === "row" ? undefined : s.claim;
  // A 得X分 above the full marks belongs to something larger than this indicator: not this rule's business.
  const claimBad = sources.map((s, i) => {
    const c = claimOf(s);
    if (!c || c.deduction || c.score.stated > full + 1e-9) return false;
    return contradicts({ value: c.score.stated, decimals: c.score.decimals }, expected[i]);
  });
  // The table's score contradicts the rule only if it contradicts every rate the report gives for it; the
  // rate quoted is the one the text scores (when there is one).
  const tableBad = leaf.score !== undefined && expected.every((iv) => contradicts(leaf.score!, iv));
  const primary = Math.max(
    0,
    claimBad.indexOf(true),
    claimBad.includes(true) ? -1 : sources.findIndex(claimOf),
  );
  const problems: { source: Source; iv: Interval; table: boolean; claim?: ScoreClaim }[] = [];
  sources.forEach((s, i) => {
    const table = tableBad && i === primary;
    const claim = claimBad[i] ? claimOf(s) : undefined;
    if (table || claim) problems.push({ source: s, iv: expected[i], table, claim });
  });
  return problems.map((p) => {
    const { text, assumption } = describeSource(r, p.source);
    const given = [
      p.table ? `表中得分为${leaf.score!.raw}分` : "",
      p.claim ? `正文称“${p.claim.quote}”` : "",
    ].filter(Boolean).join("，");
    const evidence = [ruleEv, ...sourceEvidence(ctx, p.source)];
    if (p.table && it.scoreCol !== undefined) {
      evidence.push(cellEvidence(doc, it.table, leaf.row, it.scoreCol));
    }
    if (p.claim) evidence.push(locEvidence(doc, p.claim.loc, p.claim.quote));
    const certain = p.table && p.source.kind === "row";
    return {
      messageId: "score-vs-rule" as const,
      certainty: certain ? "certain" as const : "assumption" as const,
      severity: certain ? "error" as const : "warning" as const,
      message: `指标“${label}”的评分细则为“${ruleText}”。${text}，按细则应得${expectedText(p.iv, full)}，` +
        `但${given}。${assumption ? `（${assumption}。）` : ""}`,
      hint: "按评分细则重新计算该指标得分；若另有扣分或加分理由，应在评分细则或正文中写明。",
      evidence,
      details: {
        indicator: label,
        metric: formula.metric,
        source: p.source.kind,
        rate: p.source.rate,
        expected: p.iv,
        tableScore: p.table ? leaf.score!.value : undefined,
        narrativeScore: p.claim?.score.stated,
        ...(assumption ? { assumption } : {}),
      },
    };
  });
}

export const scoreRule = defineRule<Details>({
  meta: {
    id: "score-rule",
    severity: "warning",
    title: "得分与评分细则不符",
    messages: {
      "score-vs-rule": { description: "得分与评分细则的计算结果不符" },
      uncheckable: { description: "报告未给出评分所需数据，无法按细则核验" },
      "execution-rate": { description: "自评表执行率与全年执行数÷全年预算数不符" },
      "budget-score": { description: "自评表预算执行率得分与“分值×执行率”不符" },
      "target-missed-full-marks": {
        description: "实际完成值未达年度指标值却得满分",
        certainty: "assumption",
      },
      "deviation-reason-missing": { description: "未完成年度指标值但未填写偏差原因" },
    },
    docs: {
      summary:
        "A score that contradicts its own formulaic scoring rule, recomputed from the rate (or its inputs) the report states.",
      rationale:
        "Scoring rules with thresholds (控制率≤100%得满分, 每低1%扣0.1分) leave no room for judgement: a score " +
        "that does not follow from the report's own figures is either a slip or an unexplained adjustment.",
      examples: [
        {
          title: "表中执行率达标却扣分",
          kind: "invalid",
          messageId: "score-vs-rule",
          doc: [table([
            ["一级指标", "二级指标", "分值", "评分细则", "完成值", "得分"],
            ["过程", "预算执行率", "10", "预算执行率≥95%得满分，每低1%扣0.5分。", "98%", "6"],
          ])],
        },
        {
          title: "自评表：执行率与全年执行数÷全年预算数不符",
          kind: "invalid",
          messageId: "execution-rate",
          doc: [table([
            ["预算执行情况", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
            ["年度资金总额", "200", "150", "85%", "10", "8.5"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "培训人次", "≥300人次", "320人次", "90", "90"],
            ["总分", "", "", "", "", "100", "98.5"],
          ])],
        },
        {
          title: "自评表：未完成年度指标值却得满分",
          kind: "invalid",
          messageId: "target-missed-full-marks",
          doc: [table([
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
            ["产出指标", "数量指标", "培训人次", "≥300人次", "260人次", "50", "50", "场地受限"],
            ["效益指标", "社会效益指标", "就业人数", "≥100人", "104人", "50", "50", ""],
          ])],
        },
        {
          title: "得分符合细则",
          kind: "valid",
          doc: [table([
            ["一级指标", "二级指标", "分值", "评分细则", "完成值", "得分"],
            ["过程", "预算执行率", "10", "预算执行率≥95%得满分，每低1%扣0.5分。", "98%", "10"],
          ])],
        },
      ],
    },
  },
  check(ctx) {
    const form = selfEvalFindings(ctx);
    const rules = indicatorRules(ctx.views);
    if (rules.length === 0) return form;
    const claims = ctx.views.scoreClaims;
    const { stated, seen } = statedSources(ctx, rules, claims);
    const year = ctx.doc.meta.year ?? ctx.config.year;
    return [
      ...rules.flatMap((r) => {
        const found = sourcesOf(ctx, r, stated.get(r) ?? [], claims, year);
        return checkIndicator(ctx, r, { ...found, seen: found.seen || seen.has(r) });
      }),
      ...form,
    ];
  },
});
