/**
 * conflicting-figure-transfer: 「X万元已全部拨付」 in one place, 「已拨付Y万元」 (the same verb) with Y < X in
 * another.
 */
import { type CheckContext, defineRule, type FindingDraft } from "../../src/model/rule.ts";
import type { Evidence } from "../../src/model/finding.ts";
import type { Figure } from "../../src/model/figure.ts";
import type { Document } from "../../src/model/document.ts";
import type { Views } from "../../src/analysis/views.ts";
import { normalize } from "../../src/analysis/text/normalize.ts";
import { clauseAround as clauseSpan } from "../../src/analysis/segment.ts";
import { evidence as textEvidence } from "../../src/analysis/evidence.ts";
import { TRANSFER_VERBS } from "../../src/analysis/quantity-vocab.ts";
import { h } from "../../src/testing/doc-spec.ts";
import { compatible, partOfUnknownWhole, yearsKey } from "./conflicting-figure/shared.ts";

type Details = {
  "all-versus-part": {
    verb: string;
    unit: string;
    stated: string[];
    values: number[];
    assumption: string;
  };
};

export const conflictingFigureTransfer = defineRule<Details>({
  meta: {
    id: "conflicting-figure-transfer",
    severity: "warning",
    title: "全部拨付与拨付金额不符",
    replaces: ["conflicting-figure"],
    messages: {
      "all-versus-part": {
        description: "称资金已全部拨付（到位），另一处所写已拨付金额却较少",
        certainty: "assumption",
      },
    },
    docs: {
      summary:
        "「X万元已全部拨付」 in one place against 「已拨付Y万元」 in another paragraph with the same verb and " +
        "Y < X beyond rounding (warning, assuming both speak of the same fund at the same time). Amounts of " +
        "another year, parts after 其中 and statements dated at different stages are not compared.",
      rationale:
        "A fund said to be fully transferred cannot have been transferred only in part; one of the two " +
        "statements is wrong or out of date.",
      examples: [
        {
          title: "称资金已全部拨付，另一处已拨付金额较少",
          kind: "invalid",
          messageId: "all-versus-part",
          doc: [
            h(1, "一、资金到位情况"),
            "专项资金850万元目前已全部拨付。",
            h(1, "二、资金执行情况"),
            "已完成拨付720万元，执行率84.71%。",
          ],
        },
        {
          title: "全部拨付的金额与已拨付金额一致",
          kind: "valid",
          doc: [
            h(1, "一、资金到位情况"),
            "专项资金850万元目前已全部拨付。",
            h(1, "二、资金执行情况"),
            "已完成拨付850万元，执行率100%。",
          ],
        },
      ],
    },
  },
  check: transferConflicts,
});

const TRANSFER = TRANSFER_VERBS.join("|");
/** After an amount: …万元（目前）已全部拨付 — the whole amount handed over. */
const ALL_TRANSFERRED = new RegExp(`^(?:资金)?(?:目前|现已|现|均|已经|已|并)*全部(?:完成)?(${TRANSFER})`);
/** Before an amount: 已（完成）拨付 … — the amount handed over so far, with nothing narrowing it. */
const TRANSFERRED = new RegExp(`^(?:已经|已|共|累计|实际)*(?:完成)?(${TRANSFER})(?:资金)?$`);

/**
 * 「X万元已全部拨付」 in one place, 「已拨付Y万元」 (same verb, nothing narrowing it) with Y < X in
 * another. A warning: it assumes both speak of the same fund at the same time.
 */
function transferConflicts({ doc, extraction, views }: CheckContext): FindingDraft<Details>[] {
  const docYear = doc.meta.year ?? undefined;
  const whole = new Map<string, Figure[]>(), part = new Map<string, Figure[]>();
  const add = (m: Map<string, Figure[]>, k: string, f: Figure) => m.set(k, [...m.get(k) ?? [], f]);
  for (const f of extraction.figures) {
    if (f.loc.table || f.approx !== "exact" || f.range || f.unit !== "元") continue;
    const block = doc.blocks[f.loc.block];
    if (!block || block.kind === "table") continue;
    const sentences = views.sentencesOfBlock(f.loc.block);
    if (yearsKey(views, sentences, f.loc.start, docYear)) continue;
    const text = block.text;
    const clause = clauseSpan(text, f.loc.start, f.loc.end);
    const after = ALL_TRANSFERRED.exec(normalize(text.slice(f.loc.end, clause.end)));
    if (after) {
      add(whole, after[1], f);
      continue;
    }
    const before = TRANSFERRED.exec(normalize(text.slice(clause.start, f.loc.start)));
    if (before && !partOfUnknownWhole(text, f, sentences)) add(part, before[1], f);
  }
  const findings: FindingDraft<Details>[] = [];
  for (const [verb, xs] of whole) {
    const ys = part.get(verb);
    if (!ys) continue;
    const [x, y] = [xs[0], ys[0]];
    // One amount on each side, in different paragraphs, the part below the whole beyond rounding.
    if (xs.some((f) => !compatible(f, x)) || ys.some((f) => !compatible(f, y))) continue;
    if (x.loc.block === y.loc.block || compatible(x, y) || y.value > x.value) continue;
    // Two dated statements (截至6月底 … / 截至3月底 …) may be two stages of one payment.
    const [dx, dy] = [x, y].map((f) => datesOf(doc, views, f));
    if (dx && dy && dx !== dy) continue;
    const evidence = [x, y].map((f) => textEvidence(doc, f.loc.block, f.quote));
    const where = (e: Evidence) => e.section ? `「${e.section}」` : "正文前部";
    findings.push({
      severity: "warning",
      message: `「${evidence[0].quote}」（${where(evidence[0])}）称${x.raw}已全部${verb}，` +
        `「${evidence[1].quote}」（${where(evidence[1])}）却写已${verb}${y.raw}，少于前者。` +
        `此处假定两处指同一笔资金、同一时点的${verb}情况；如口径或时点不同，请在文中注明。`,
      hint: `核实实际${verb}金额，统一“全部${verb}”与${verb}金额的表述。`,
      evidence,
      messageId: "all-versus-part",
      details: {
        verb,
        unit: x.unit,
        stated: [x.raw, y.raw],
        values: [x.value, y.value],
        assumption: `两处指同一笔资金、同一时点的${verb}`,
      },
    });
  }
  return findings.sort((f, g) => f.evidence[0].block - g.evidence[0].block);
}

/** The month/day dates written in a figure's sentence, as a key ("" when none). */
function datesOf(doc: Document, views: Views, f: Figure): string {
  const block = doc.blocks[f.loc.block];
  const sentence = views.sentencesOfBlock(f.loc.block).find((s) =>
    s.start <= f.loc.start && f.loc.start < s.end
  );
  if (!block || block.kind === "table" || !sentence) return "";
  const text = normalize(block.text.slice(sentence.start, sentence.end));
  return [...text.matchAll(/\d{1,2}月(?:\d{1,2}日|底|末)?/g)].map((m) => m[0]).join(",");
}
