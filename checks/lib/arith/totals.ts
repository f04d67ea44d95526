/** A stated total compared with the signed sum of its terms (Σ parts, 资产 − 负债, a 合计 row). */
import type { Document } from "../../../src/model/document.ts";
import type { Figure, FigureLocation } from "../../../src/model/figure.ts";
import type { FindingDraft } from "../../../src/model/rule.ts";
import {
  compareStated,
  formatNumber,
  halfUnit,
  type Interval,
  isExactCount,
  scale,
  sum,
} from "../../../src/extract/tolerance.ts";
import { evidenceFor } from "../../../src/analysis/evidence.ts";
import { boundsOf, displayAll, statedText } from "./figures.ts";

export interface Term {
  figure: Figure;
  sign: 1 | -1;
}

export interface Total {
  whole: Figure;
  terms: Term[];
  quote: string;
  loc: FigureLocation;
  /** What the identity is, for messages: 分项之和, 资产减负债, 合计行. */
  what: string;
  /** Nothing but the document's own figures and a stated identity: a real difference is an error. */
  certain: boolean;
  /** What the check assumes when it is not certain (Chinese). */
  assumption?: string;
  /** The list of terms may be incomplete: only a sum exceeding the whole is a finding. */
  onlyExcess?: boolean;
  /**
   * What a difference in one direction assumes, when only that direction is uncertain: a sum short of a 其中
   * total (`under`: the list may name only some parts), or above it (`over`: the parts may overlap).
   */
  assume?: { under?: string; over?: string };
}

/** Terms must all be exact and in the whole's unit; otherwise there is nothing to add up. */
function termsInterval(t: Total): Interval | undefined {
  const ivs: Interval[] = [];
  for (const { figure, sign } of t.terms) {
    if (figure.unit !== t.whole.unit) return undefined;
    const b = boundsOf(figure);
    if (!b || !b.exact) return undefined;
    ivs.push(sign === 1 ? b.interval : { low: -b.interval.high, high: -b.interval.low });
  }
  return sum(ivs);
}

function formulaOf(t: Total): { formula: string; point: number; shown: string } {
  const figs = [...t.terms.map((x) => x.figure), t.whole];
  const texts = displayAll(figs);
  let formula = "";
  t.terms.forEach((x, i) => {
    formula += i === 0 ? (x.sign === 1 ? "" : "−") : x.sign === 1 ? " + " : " − ";
    formula += texts[i];
  });
  const point = t.terms.reduce((s, x) => s + x.sign * x.figure.value, 0) / t.whole.scale;
  const sameScale = figs.every((f) => f.scale === t.whole.scale);
  const decimals = sameScale ? Math.max(...figs.map((f) => f.decimals)) : Math.max(2, t.whole.decimals);
  const shown = formatNumber(point, decimals);
  const unit = sameScale && figs.every((f) => f.writtenUnit === t.whole.writtenUnit)
    ? ""
    : t.whole.writtenUnit;
  return { formula: `${formula} = ${shown}${unit}`, point, shown };
}

export function judgeTotal(doc: Document, t: Total): FindingDraft | undefined {
  const { whole } = t;
  if (whole.approx !== "exact" || whole.range || t.terms.length < (t.onlyExcess || t.assume ? 1 : 2)) {
    return undefined;
  }
  const terms = termsInterval(t);
  if (!terms) return undefined;
  const computed = scale(terms, 1 / whole.scale);
  let verdict = compareStated(whole.stated, whole.decimals, computed);
  if (verdict === "match") return undefined;
  // Whole people, items or times (47人 against 46人) carry no rounding: one unit off is a plain mismatch.
  if ([whole, ...t.terms.map((x) => x.figure)].every(isExactCount)) verdict = "mismatch";
  if (t.onlyExcess && computed.low <= whole.stated + halfUnit(whole.decimals)) return undefined;
  const { formula, point, shown } = formulaOf(t);
  const oneWay = t.assume?.[point > whole.stated ? "over" : "under"];
  if (oneWay) t = { ...t, certain: false, assumption: t.assumption ? `${t.assumption}；${oneWay}` : oneWay };
  const stated = `${statedText(whole)}${whole.writtenUnit}`;
  const details: Record<string, unknown> = {
    stated: whole.stated,
    computed: Number(shown),
    formula,
    inputs: t.terms.map((x) => ({ raw: x.figure.raw, value: x.figure.value, sign: x.sign })),
    verdict,
  };
  const evidence = evidenceFor(doc, t, [whole, ...t.terms.map((x) => x.figure)]);
  if (verdict !== "mismatch") {
    if (t.assumption) details.assumption = t.assumption;
    return {
      messageId: "last-digit",
      certainty: "rounding",
      severity: "warning",
      message: `${t.what}与文中总数在末位相差一个单位：${formula}，文中写作${stated}。`,
      hint: "请核对各分项与总数的尾数（可能是四舍五入口径不一致）。",
      evidence,
      details,
    };
  }
  if (!t.certain) details.assumption = t.assumption;
  const decimals = shown.includes(".") ? shown.split(".")[1].length : 0;
  const gap = `${point > whole.stated ? "多" : "少"}${
    formatNumber(Math.abs(point - whole.stated), decimals)
  }`;
  return {
    messageId: "mismatch",
    certainty: t.certain ? "certain" : "assumption",
    severity: t.certain ? "error" : "warning",
    message: `${t.what}与文中总数不符：${formula}，文中写作${stated}（计算结果${gap}）${
      t.certain || !t.assumption ? "" : `；${t.assumption}`
    }。`,
    hint: `请核对各分项或总数，使二者一致（按分项计算应为${shown}）。`,
    evidence,
    details,
  };
}
