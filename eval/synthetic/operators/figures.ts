/** Operators on figures in the text: a repeated figure, a part of a list, a percentage, a count. */
import { chinese, round2, trimZeros } from "../format.ts";
import { group, numeric, type Operator, pickOr, replaceIn, unused } from "./util.ts";

/** One occurrence of a figure stated twice gets another value. */
export const conflictingFigure: Operator = (model, rng) => {
  const f = pickOr(rng, unused(model, model.facts.repeats));
  if (!f) return undefined;
  const second = rng.chance(0.6);
  const [block, snippet] = second ? [f.secondBlock, f.second] : [f.block, f.snippet];
  if (!replaceIn(model, block, snippet, f.withValue(snippet, f.altValue))) return undefined;
  f.used = true;
  return {
    rules: ["conflicting-figure"],
    groups: [group(f.value), group(f.altValue)],
    what: `“${f.label}”前后不一致：一处为${f.value}，另一处为${f.altValue}。`,
  };
};

/** A part of a 其中/分别为 list changes, so the parts no longer add up to the total. */
export const sumPart: Operator = (model, rng) => {
  const f = pickOr(rng, unused(model, model.facts.sums));
  if (!f) return undefined;
  const i = rng.int(0, f.parts.length - 1);
  const p = f.parts[i];
  const mag = Math.max(1, Math.round(p * rng.int(2, 15) / 100));
  const delta = rng.chance(0.5) || p - mag <= 0 ? mag : -mag;
  const parts = f.parts.map((v, j) => j === i ? v + delta : v);
  if (!replaceIn(model, f.block, f.snippet, f.render(parts))) return undefined;
  f.used = true;
  const sum = parts.reduce((a, b) => a + b, 0);
  return {
    rules: ["sum"],
    groups: [group(...numeric(f.totalText)), group(...numeric(f.show(parts[i])), ...numeric(f.show(sum)))],
    what: `分项之和与合计不符：合计${f.totalText}，分项${f.show(parts[i])}改动后合计应为${f.show(sum)}。`,
  };
};

/** A stated percentage (share, growth, 执行率) no longer follows from its figures. */
export const percentage: Operator = (model, rng) => {
  const f = pickOr(rng, unused(model, model.facts.pcts));
  if (!f) return undefined;
  const correct = Number(f.pct);
  let wrong = round2(correct + (rng.chance(0.5) ? 1 : -1) * rng.int(60, 900) / 100);
  if (wrong <= 0) wrong = round2(correct + rng.int(60, 900) / 100);
  const stated = trimZeros(wrong);
  if (!replaceIn(model, f.block, f.snippet, f.render(stated))) return undefined;
  f.used = true;
  return {
    rules: ["percentage"],
    groups: [group(stated), group(f.pct, trimZeros(Math.round(correct * 10) / 10))],
    what: `百分比与其数据不符：写作${stated}%，按数据应为${f.pct}%。`,
  };
};

/** The stated count of a list differs from the items listed. */
export const countMismatch: Operator = (model, rng) => {
  const f = pickOr(rng, unused(model, model.facts.counts));
  if (!f) return undefined;
  const n = f.items.length;
  // "A、B、C等3个": 等 closes a complete list when the count follows it, but a larger count would make 等 mean
  // "and others" (consistent, uncheckable): only a count below the items listed is a certain defect there.
  const closedByEtc = f.snippet.includes(`等${f.stated}`);
  if (closedByEtc && n < 3) return undefined;
  const wrong = closedByEtc ? n - 1 : n <= 2 || rng.chance(0.5) ? n + 1 : n - 1;
  const next = f.withCount(wrong);
  if (!replaceIn(model, f.block, f.snippet, next.snippet)) return undefined;
  f.used = true;
  return {
    rules: ["count"],
    groups: [group(next.stated), group(String(n), chinese(n))],
    what: `所述数量与列举不符：写作${next.stated}，实际列举${n}项。`,
  };
};
