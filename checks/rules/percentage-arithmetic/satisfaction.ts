/**
 * A satisfaction rate stated right after a tally of answer options (选择“非常满意”的142份、…，满意度（不含
 * “不满意”）为97.89%), recomputed from the counts. With the definition in brackets the rate is determined
 * (certain when the listed counts add up to the valid questionnaires stated beside them); without one, only
 * a rate above the share of every satisfied answer is impossible under any usual definition (a warning
 * stating the definitions assumed), since weighted scores and narrower definitions give lower rates.
 */
import type { CheckContext, FindingDraft } from "../../../src/model/rule.ts";
import type { AnswerItem, AnswerRun } from "../../../src/analysis/tables/questionnaire-text.ts";
import { compareStated, decimalsOf, formatNumber, point } from "../../../src/extract/tolerance.ts";
import { evidence } from "../../../src/analysis/evidence.ts";
import {
  ANSWER_OPTIONS,
  SATISFACTION_EXCLUDES,
  SATISFACTION_RATE,
  SATISFIED_OPTIONS,
} from "../../../src/analysis/vocab.ts";
import { normalizeWidth } from "../../../src/extract/numbers.ts";

const OPTION = new RegExp(ANSWER_OPTIONS.join("|"), "g");
const SENTENCE_END = /[。；;！!？?]/;

interface Claim {
  quote: string;
  /** Offset in the block's text just after the rate. */
  end: number;
  value: number;
  decimals: number;
  raw: string;
  definition?: string;
  approximate: boolean;
  /** The rate follows the tally directly (no other subject in between: 对办事效率的满意度 is another question). */
  adjacent: boolean;
  /** 总体/综合/整体满意度: possibly the whole survey's rate, not this question's. */
  overall: boolean;
}

/** What may stand between a tally and its own rate. */
const ADJACENT_GAP =
  /^[\s\u3000，,、]*(?:(?:即|则|故|因此|由此|据此|综上|经(?:统计|计算|测算)|计算|统计|得出|可得|可知)[\s\u3000，,]*)*(?:本题|该题|此题|该项|本项)?(?:的)?$/;

/** The rate stated after the tally, in the same sentence. */
function claimAfter(text: string, run: AnswerRun): Claim | undefined {
  const from = run.start + run.quote.length;
  const rest = text.slice(from);
  const end = rest.search(SENTENCE_END);
  const m = SATISFACTION_RATE.exec(end < 0 ? rest : rest.slice(0, end));
  if (!m) return undefined;
  const gap = rest.slice(0, m.index);
  // 对办事效率的满意度 / 关于…方面: the rate names another subject.
  if (/对|关于|就|方面/.test(gap)) return undefined;
  const raw = m[3];
  const ascii = normalizeWidth(raw).replace("．", ".");
  return {
    quote: m[0],
    end: from + m.index + m[0].length,
    value: Number(ascii),
    decimals: decimalsOf(ascii),
    raw,
    definition: m[1],
    approximate: !!m[2] || !!m[4],
    adjacent: ADJACENT_GAP.test(gap),
    overall: /^(?:总体|综合|整体)/.test(m[0]),
  };
}

interface Computation {
  part: number;
  whole: number;
  formula: string;
}

const sum = (items: readonly AnswerItem[]) => items.reduce((s, i) => s + i.value, 0);
const plus = (items: readonly AnswerItem[]) => items.map((i) => i.raw).join("+") || "0";

/**
 * The rate's possible computations under the bracketed definition: the options it leaves out (不含…) or
 * names (含…); undefined when it names no option of the tally.
 */
function defined(run: AnswerRun, definition: string, valid?: number): Computation[] | undefined {
  // A weighted rate (按非常满意100分…加权, 基本满意按半数计) is not a share of the counts.
  if (WEIGHTED_DEFINITION.test(definition)) return undefined;
  const named = new Set(definition.match(OPTION) ?? []);
  const listed = run.items.filter((i) => named.has(i.option));
  if (!listed.length) return undefined;
  const wholes = [...new Set([valid, sum(run.items)].filter((w): w is number => !!w && w > 0))];
  if (SATISFACTION_EXCLUDES.test(definition)) {
    const kept = run.items.filter((i) => !named.has(i.option));
    // The valid questionnaires less those left out first: what the definition says in so many words.
    const byValid = valid
      ? [{ part: valid - sum(listed), whole: valid, formula: `(${valid}−${plus(listed)})÷${valid}` }]
      : [];
    return distinct([
      ...byValid,
      ...wholes.map((whole) => ({ part: sum(kept), whole, formula: `(${plus(kept)})÷${whole}` })),
    ]);
  }
  // 含“基本满意”: the satisfied options, the named one among them; otherwise the options named.
  const satisfied = run.items.filter((i) => SATISFIED_OPTIONS.includes(i.option));
  const allSatisfied = listed.every((i) => SATISFIED_OPTIONS.includes(i.option));
  const readings: AnswerItem[][] = [];
  if (allSatisfied) {
    const lowest = Math.max(...listed.map((i) => rank(i.option)));
    // 满意及以上: the options named and those above them (by the scale, or as the tally lists them).
    if (/以上/.test(definition)) {
      readings.push(satisfied.filter((i) => rank(i.option) <= lowest));
      readings.push(run.items.slice(0, Math.max(...listed.map((i) => run.items.indexOf(i))) + 1));
    }
    // A bare 满意 may name the satisfied group (满意及基本满意 = 非常满意 + 满意 + 基本满意).
    if (named.has("满意")) {
      readings.push(satisfied.filter((i) => named.has(i.option) || rank(i.option) < rank("满意")));
    }
  }
  readings.push(allSatisfied && /含|包括/.test(definition) ? satisfied : listed);
  return distinct(
    readings.flatMap((counted) =>
      wholes.map((whole) => ({ part: sum(counted), whole, formula: `(${plus(counted)})÷${whole}` }))
    ),
  );
}

const WEIGHTED_DEFINITION = /[0-9０-９]+\s*分|加权|权重|权数|赋分|赋值|系数|折算|按半|半数|[×*]/;
/** How satisfied an option is: its place in SATISFIED_OPTIONS (most satisfied first). */
const rank = (option: string) => SATISFIED_OPTIONS.indexOf(option);

/** Computations that can be a share (part within the whole), one per distinct result. */
function distinct(comps: Computation[]): Computation[] {
  const seen = new Set<string>();
  return comps.filter((c) => {
    const key = pct(c).toFixed(6);
    if (c.part < 0 || c.part > c.whole || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const pct = (c: Computation) => (c.part / c.whole) * 100;

export function satisfactionRates(ctx: CheckContext): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const run of ctx.views.questionnaireAnswers) {
    if (run.multi || !run.items.some((i) => SATISFIED_OPTIONS.includes(i.option))) continue;
    const block = ctx.doc.blocks[run.block];
    if (!block || block.kind === "table") continue;
    const claim = claimAfter(block.text, run);
    if (!claim || claim.approximate) continue;
    const valid = run.valid?.kind === "valid" ? run.valid.value : undefined;
    const total = sum(run.items);
    // Every questionnaire accounted for by the listed counts, against a count stated beside them.
    const complete = valid === total && run.validScope === "near" && !run.validAmbiguous &&
      claim.adjacent && !claim.overall;
    // A rate after other words (对办事效率的满意度) or the survey's overall rate may be another question's.
    if (!claim.definition && (!claim.adjacent || claim.overall)) continue;
    const comps = claim.definition ? defined(run, claim.definition, valid) : undefined;
    if (claim.definition && !comps?.length) continue;
    const verdicts = (comps ?? []).map((c) => compareStated(claim.value, claim.decimals, point(pct(c))));
    const ev = [evidence(ctx.doc, run.block, block.text.slice(run.start, claim.end))];
    const shown = (c: Computation) => formatNumber(pct(c), Math.max(2, claim.decimals));
    if (comps) {
      if (verdicts.includes("match")) continue;
      const slip = verdicts.includes("truncation")
        ? "truncation"
        : verdicts.includes("rounding")
        ? "rounding"
        : undefined;
      const c = comps[slip ? verdicts.indexOf(slip) : 0];
      const computed = shown(c);
      const formula = `${c.formula}×100% = ${computed}%`;
      const details = {
        stated: claim.value,
        computed: Number(computed),
        formula: `${c.formula}×100%`,
        inputs: run.items.map((i) => ({ role: i.option, raw: i.raw, value: i.value })),
      };
      if (slip) {
        const should = formatNumber(pct(c), claim.decimals);
        out.push({
          messageId: slip,
          severity: "info",
          certainty: "rounding",
          message: slip === "truncation"
            ? `「${claim.quote}」疑为截断而非四舍五入：${formula}，按四舍五入应写作${should}%。`
            : `「${claim.quote}」与重新计算的结果在末位相差一个单位：${formula}，四舍五入应为${should}%。`,
          hint: `建议核对后写作${should}%。`,
          evidence: ev,
          details,
        });
        continue;
      }
      const others = comps.filter((o) => o !== c).map((o) => `${o.formula}×100% = ${shown(o)}%`);
      const assumption = complete
        ? undefined
        : !claim.adjacent || claim.overall
        ? "该满意度即所列选项所属题目的满意度（而非其他题目或整个问卷的满意度）"
        : "所列各选项份数与有效问卷数属同一题（两者不一致时按任一口径均不相符）";
      out.push({
        messageId: "mismatch",
        severity: complete ? "error" : "warning",
        certainty: complete ? "certain" : "assumption",
        message: `「${claim.quote}」与所列份数不符：按括号内口径，${formula}，文中写作${claim.raw}%` +
          (others.length ? `（按其他份数口径：${others.join("；")}）` : "") +
          (assumption ? `（假设${assumption}）` : "") + "。",
        hint: "满意度应按所注口径由各选项份数重新计算，请核对份数与百分比。",
        evidence: ev,
        details: { ...details, ...(assumption ? { assumption } : {}) },
      });
      continue;
    }
    // No definition: above the share of every satisfied answer no usual definition can reach.
    if (!complete) continue;
    const satisfied = run.items.filter((i) => SATISFIED_OPTIONS.includes(i.option));
    const widest: Computation = {
      part: sum(satisfied),
      whole: total,
      formula: `(${plus(satisfied)})÷${total}`,
    };
    const verdict = compareStated(claim.value, claim.decimals, point(pct(widest)));
    if (verdict !== "mismatch" || claim.value < pct(widest)) continue;
    const computed = shown(widest);
    const assumption =
      "满意度为选择满意类选项（含基本满意）的份数占比或按选项赋分的加权得分，二者均不会超过该占比";
    out.push({
      messageId: "mismatch",
      severity: "warning",
      certainty: "assumption",
      message:
        `「${claim.quote}」高于所有满意类选项的占比：${widest.formula}×100% = ${computed}%，文中写作${claim.raw}%（假设${assumption}）。`,
      hint: "请核对满意度的计算口径与各选项份数，并在文中注明口径。",
      evidence: ev,
      details: {
        stated: claim.value,
        computed: Number(computed),
        formula: `${widest.formula}×100%`,
        inputs: run.items.map((i) => ({ role: i.option, raw: i.raw, value: i.value })),
        assumption,
      },
    });
  }
  return out;
}
