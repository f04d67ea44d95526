/**
 * percentage-arithmetic: a growth/decline rate (from both periods, or from the current value and the amount of
 * the change), a 个百分点 difference, a share, a completion rate or a named rate (执行率, 到位率, 完成率…)
 * recomputed from the figures the sentence cites, compared at the stated precision; and a satisfaction rate
 * recomputed from the tally of answer options before it (percentage-arithmetic/satisfaction.ts).
 */
import type { CheckContext, FindingDraft, Rule } from "../../src/model/rule.ts";
import type { Change, Figure, Ratio } from "../../src/model/figure.ts";
import { div, scale, sub } from "../../src/extract/tolerance.ts";
import { evidenceFor, textAt } from "../../src/analysis/evidence.ts";
import { RATE_CAP_WORDS } from "../../src/analysis/vocab.ts";
import { normalizeWidth } from "../../src/extract/numbers.ts";
import {
  boundsOf,
  displayAll,
  label,
  sameSentence,
  statedText,
  unitsCompatible,
} from "../lib/arith/figures.ts";
import { judge, judgeAsWritten, type Recomputed, rounded, shown } from "../lib/arith/recompute.ts";
import { satisfactionRates } from "./percentage-arithmetic/satisfaction.ts";

const PERCENT = "%";
const POINTS = "个百分点";

interface Candidate {
  r: Recomputed;
  /** What the recomputation assumes, in Chinese, for messages below error level. */
  assumption: string;
  /** False when an input's unit is missing, so the pairing rests on the extractor's reading. */
  unitsCertain: boolean;
  /** The sentence itself says which figures the rate compares (占…的, 完成…N的, 较上年…). */
  explicit: boolean;
  relation: Change | Ratio;
  /**
   * The previous value is derived (current ∓ increment) from two figures rounded alike (16.42万元, 1.28万元):
   * the writer computed from the unrounded data, so only the interval judgement can find a real gap.
   */
  derived?: boolean;
}

function fromRatio(rel: Ratio, whole = rel.whole): Candidate | undefined {
  const { part, rate } = rel;
  if (!part || !whole || rate.unit !== PERCENT) return undefined;
  const units = unitsCompatible(part, whole);
  if (!units.ok) return undefined;
  const p = boundsOf(part), w = boundsOf(whole);
  if (!p || !w) return undefined;
  const q = div(p.interval, w.interval);
  if (!q || Number.isNaN(q.low) || Number.isNaN(q.high)) return undefined;
  const [a, b] = displayAll([part, whole]);
  return {
    r: {
      claim: rate,
      computed: scale(q, 100),
      point: (part.value / whole.value) * 100,
      formula: `${a} ÷ ${b} × 100%`,
      inputs: [{ role: "part", figure: part }, { role: "whole", figure: whole }],
      exactInputs: p.exact && w.exact,
    },
    assumption: rel.assumption ??
      `假设${rel.name ? `「${rel.name}」` : "该比例"}为${label(part)}与${label(whole)}之比${
        rel.alternatives?.length ? `（而非与${rel.alternatives.map(label).join("、")}之比）` : ""
      }`,
    unitsCertain: units.certain,
    // A named rate (执行率) is paired with its figures by the extractor, not by the sentence's wording.
    explicit: rel.type !== "rate" && !rel.assumption,
    relation: rel,
  };
}

/** A named rate of 100% the sentence says is capped (完成率100%（超额完成按100%计）) while the figures exceed it. */
function capped(ctx: CheckContext, rel: Ratio): boolean {
  const { part, whole, rate } = rel;
  if (rel.type !== "rate" || rate.stated !== 100 || !part || !whole || part.value <= whole.value) {
    return false;
  }
  const after = normalizeWidth(textAt(ctx.doc, rate.loc).slice(rate.loc.end)).split(/[。；;！!？?\n]/)[0];
  return RATE_CAP_WORDS.some((w) => after.replace(/\s/g, "").includes(w));
}

function fromChange(rel: Change, current = rel.current): Candidate | undefined {
  const { previous, rate } = rel;
  if (current && !previous && rel.increment && !rel.points) return fromIncrement(rel, current, rel.increment);
  if (!current && previous && rel.increment && !rel.points) return fromPrevious(rel, previous, rel.increment);
  if (!current || !previous) return undefined;
  if (rate.unit !== (rel.points ? POINTS : PERCENT)) return undefined;
  const units = rel.points
    ? { ok: current.unit === PERCENT && previous.unit === PERCENT, certain: true }
    : unitsCompatible(current, previous);
  if (!units.ok) return undefined;
  const c = boundsOf(current), p = boundsOf(previous);
  if (!c || !p) return undefined;
  const up = rel.direction === "up";
  const [cs, ps] = displayAll([current, previous]);
  let computed, point, formula;
  if (rel.points) {
    computed = up ? sub(c.interval, p.interval) : sub(p.interval, c.interval);
    point = up ? current.value - previous.value : previous.value - current.value;
    formula = up ? `${cs}% − ${ps}%` : `${ps}% − ${cs}%`;
  } else {
    const q = div(c.interval, p.interval);
    if (!q || Number.isNaN(q.low) || Number.isNaN(q.high)) return undefined;
    const pct = scale(q, 100);
    computed = up
      ? { low: pct.low - 100, high: pct.high - 100 }
      : { low: 100 - pct.high, high: 100 - pct.low };
    point = ((up ? current.value - previous.value : previous.value - current.value) / previous.value) * 100;
    formula = up ? `(${cs} − ${ps}) ÷ ${ps} × 100%` : `(${ps} − ${cs}) ÷ ${ps} × 100%`;
  }
  return {
    r: {
      claim: rate,
      computed,
      point,
      formula,
      inputs: [{ role: "current", figure: current }, { role: "previous", figure: previous }],
      exactInputs: c.exact && p.exact,
    },
    assumption: rel.assumption ??
      `假设${rate.raw}是${label(current)}相对于${label(previous)}的${up ? "增幅" : "降幅"}`,
    unitsCertain: units.certain,
    // The extractor chose the current figure (a list's whole, another subject): not the sentence's word.
    explicit: !rel.assumption,
    relation: rel,
  };
}

/**
 * 本年1200万元，比上年增加200万元，增长20%: the previous value is current ∓ increment, so the rate is
 * increment ÷ (current − increment) (up) or increment ÷ (current + increment) (down). Both are increasing in the
 * increment and decreasing in the current value, which gives the interval's ends.
 */
function fromIncrement(rel: Change, current: Figure, increment: Figure): Candidate | undefined {
  const { rate } = rel;
  if (rate.unit !== PERCENT) return undefined;
  const units = unitsCompatible(current, increment);
  if (!units.ok) return undefined;
  const c = boundsOf(current), d = boundsOf(increment);
  if (!c || !d) return undefined;
  const up = rel.direction === "up";
  const base = (cv: number, dv: number) => up ? cv - dv : cv + dv;
  const lowBase = base(c.interval.high, d.interval.low), highBase = base(c.interval.low, d.interval.high);
  if (!(lowBase > 0) || !(highBase > 0) || !(base(current.value, increment.value) > 0)) return undefined;
  const [cs, ds] = displayAll([current, increment]);
  return {
    r: {
      claim: rate,
      computed: { low: (d.interval.low / lowBase) * 100, high: (d.interval.high / highBase) * 100 },
      point: (increment.value / base(current.value, increment.value)) * 100,
      formula: `${ds} ÷ (${cs} ${up ? "−" : "+"} ${ds}) × 100%`,
      inputs: [{ role: "current", figure: current }, { role: "increment", figure: increment }],
      exactInputs: c.exact && d.exact,
    },
    assumption: rel.assumption ??
      `假设${rate.raw}是${label(current)}相对于上期（${label(current)}${
        up ? "减去" : "加上"
      }变动额${increment.raw}）的${up ? "增幅" : "降幅"}`,
    unitsCertain: units.certain,
    explicit: !rel.assumption,
    relation: rel,
    derived: true,
  };
}

/** 与上年100万元相比，增加20万元，增长20%: the rate is the amount of the change ÷ the previous value. */
function fromPrevious(rel: Change, previous: Figure, increment: Figure): Candidate | undefined {
  const { rate } = rel;
  if (rate.unit !== PERCENT) return undefined;
  const units = unitsCompatible(increment, previous);
  if (!units.ok) return undefined;
  const d = boundsOf(increment), p = boundsOf(previous);
  if (!d || !p) return undefined;
  const q = div(d.interval, p.interval);
  if (!q || Number.isNaN(q.low) || Number.isNaN(q.high)) return undefined;
  const up = rel.direction === "up";
  const [ds, ps] = displayAll([increment, previous]);
  return {
    r: {
      claim: rate,
      computed: scale(q, 100),
      point: (increment.value / previous.value) * 100,
      formula: `${ds} ÷ ${ps} × 100%`,
      inputs: [{ role: "increment", figure: increment }, { role: "previous", figure: previous }],
      exactInputs: d.exact && p.exact,
    },
    assumption: rel.assumption ??
      `假设${rate.raw}是变动额${increment.raw}相对于${label(previous)}的${up ? "增幅" : "降幅"}`,
    unitsCertain: units.certain,
    explicit: !rel.assumption,
    relation: rel,
  };
}

function unitOf(c: Candidate): string {
  return c.r.claim.unit === POINTS ? POINTS : PERCENT;
}

function toFinding(ctx: CheckContext, c: Candidate): FindingDraft | undefined {
  let j = judge(c.r);
  if (!j) return undefined;
  // The interval judgement accepts a claim any rounding of the inputs could give; the inputs as written may
  // still give another value: a truncated or last-digit slip (info), or a real gap that only rounded inputs
  // could explain (a warning stating that assumption).
  let asWritten = false;
  if (j.kind === "ok") {
    const v = judgeAsWritten(c.r);
    if (!v || v === "match" || (c.derived && v === "mismatch")) return undefined;
    j = { kind: "verdict", verdict: v };
    asWritten = true;
  }
  const { r } = c;
  const u = unitOf(c);
  const formula = `${r.formula} = ${shown(r)}${u}`;
  const figs: Figure[] = [r.claim, ...r.inputs.map((i) => i.figure)];
  const evidence = evidenceFor(ctx.doc, c.relation, figs.slice(1));
  const details: Record<string, unknown> = {
    stated: r.claim.stated,
    computed: Number(shown(r)),
    formula,
    inputs: r.inputs.map((i) => ({ role: i.role, raw: i.figure.raw, value: i.figure.value })),
  };
  const stated = r.claim.raw;
  if (j.kind === "impossible") {
    details.assumption = c.assumption;
    const range = r.computed.high === Infinity
      ? `不低于${r.computed.low.toFixed(2)}${u}`
      : r.computed.low <= 0
      ? `不高于${r.computed.high.toFixed(2)}${u}`
      : `在${r.computed.low.toFixed(2)}${u}至${r.computed.high.toFixed(2)}${u}之间`;
    return {
      messageId: "impossible",
      severity: "warning",
      message:
        `「${stated}」与所引数据不可能相符：按 ${r.formula} 计算，结果应${range}（含约数的数据只能核对上下限；${c.assumption}）。`,
      hint: "请核对所引数据与百分比，必要时给出准确数字。",
      evidence,
      details,
    };
  }
  if (j.verdict === "truncation") {
    return {
      messageId: "truncation",
      certainty: "rounding",
      severity: "info",
      message: `「${stated}」疑为截断而非四舍五入：${formula}，按四舍五入应写作${rounded(r)}${u}。`,
      hint: `建议按四舍五入写作${rounded(r)}${u}。`,
      evidence,
      details,
    };
  }
  if (j.verdict === "rounding") {
    return {
      messageId: "rounding",
      certainty: "rounding",
      severity: "info",
      message: `「${stated}」与重新计算的结果在末位相差一个单位：${formula}，四舍五入应为${rounded(r)}${u}。`,
      hint: `建议核对后写作${rounded(r)}${u}。`,
      evidence,
      details,
    };
  }
  if (asWritten) {
    const assumption = `仅当所引数据本身是四舍五入后的近似数时，${stated}才可能成立；按文中数据直接计算不符`;
    details.assumption = assumption;
    return {
      messageId: "as-written",
      certainty: "assumption",
      severity: "warning",
      message: `「${stated}」与按文中数据直接计算的结果不符：${formula}，文中写作${
        statedText(r.claim)
      }${u}（${assumption}）。`,
      hint: `请核对原始数据，或按 ${r.formula} 更正为${rounded(r)}${u}。`,
      evidence,
      details,
    };
  }
  const certain = r.exactInputs && r.claim.approx === "exact" && c.unitsCertain && c.explicit &&
    sameSentence((f) => textAt(ctx.doc, f.loc), figs);
  if (!certain) details.assumption = c.assumption;
  return {
    messageId: "mismatch",
    certainty: certain ? "certain" : "assumption",
    severity: certain ? "error" : "warning",
    message: certain
      ? `「${stated}」与文中数据不符：${formula}，文中写作${statedText(r.claim)}${u}。`
      : `「${stated}」与所引数据不符：${formula}，文中写作${statedText(r.claim)}${u}（${c.assumption}）。`,
    hint: `请核对原始数据，或按 ${r.formula} 更正为${rounded(r)}${u}。`,
    evidence,
    details,
  };
}

/** The rate follows (up to rounding) from another figure the text may mean as the current one (or whole). */
function followsFromAlternative(rel: Change | Ratio): boolean {
  return (rel.alternatives ?? []).some((alt) => {
    const a = rel.kind === "change" ? fromChange(rel, alt) : fromRatio(rel, alt);
    const j = a && judge(a.r);
    return j !== undefined && (j.kind === "ok" || (j.kind === "verdict" && j.verdict !== "mismatch"));
  });
}

export const percentageArithmetic: Rule = {
  meta: {
    id: "percentage-arithmetic",
    severity: "warning",
    title: "百分比计算",
    messages: {
      mismatch: { description: "百分比与所引数据不符" },
      impossible: { description: "百分比与含约数的数据不可能相符", certainty: "assumption" },
      rounding: { description: "百分比在末位相差", certainty: "rounding" },
      truncation: { description: "百分比疑为截断而非四舍五入", certainty: "rounding" },
      "as-written": {
        description: "百分比与按文中数据直接计算的结果不符（仅在所引数据为近似数时才可能成立）",
        certainty: "assumption",
      },
    },
    docs: {
      summary:
        "Recomputes growth rates, percentage-point changes, shares, completion rates and satisfaction rates (from the tally of answer options) from the cited figures.",
      rationale:
        "A percentage that does not follow from the figures beside it undermines the whole analysis; reviewers recompute them by hand.",
      examples: [
        {
          title: "完成率算错",
          kind: "invalid",
          messageId: "mismatch",
          doc: ["完成固定资产投资1700万元，占目标任务数1000万元的180%。"],
        },
        {
          title: "完成率正确",
          kind: "valid",
          doc: ["完成固定资产投资1700万元，占目标任务数1000万元的170%。"],
        },
        {
          title: "增幅与变动额不符（200 ÷ (1200 − 200) = 20%）",
          kind: "invalid",
          messageId: "mismatch",
          doc: ["本年收入1200万元，比上年增加200万元，增长25%。"],
        },
        {
          title: "增幅与变动额相符",
          kind: "valid",
          doc: ["本年收入1200万元，比上年增加200万元，增长20%。"],
        },
        {
          title: "截断而非四舍五入（2300 ÷ 1800 = 127.78%，写作127.7%）",
          kind: "invalid",
          messageId: "truncation",
          doc: ["实际支出2300万元，占年度预算1800万元的127.7%。"],
        },
        {
          title: "满意度与所注口径下的问卷份数不符（(190 − 4) ÷ 190 = 97.89%）",
          kind: "invalid",
          messageId: "mismatch",
          doc: [
            "有效问卷190份，其中非常满意142份、满意26份、基本满意18份、不满意4份，满意度（不含“不满意”）为96.07%。",
          ],
        },
      ],
    },
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const rel of ctx.extraction.relations) {
      const c = rel.kind === "ratio" ? fromRatio(rel) : rel.kind === "change" ? fromChange(rel) : undefined;
      if (!c || (rel.kind === "ratio" && capped(ctx, rel))) continue;
      if (followsFromAlternative(c.relation)) continue;
      const f = toFinding(ctx, c);
      if (f) out.push(f);
    }
    return [...out, ...satisfactionRates(ctx)];
  },
};
