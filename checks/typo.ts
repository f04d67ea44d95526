/**
 * typo: a closed list of high-precision slips common in these reports. Each pattern is data with its own
 * message and tests; no broad spelling guesses.
 */
import type { Document } from "../src/model/document.ts";
import type { FindingDraft, Rule } from "./rule.ts";
import { clip, evidence } from "./util/evidence.ts";

interface TypoPattern {
  id: string;
  /** Must have the `g` flag; group "bad" (if any) is the part to quote precisely. */
  regex: RegExp;
  message: (m: RegExpExecArray) => string;
  hint: (m: RegExpExecArray) => string;
}

export const TYPO_PATTERNS: TypoPattern[] = [
  {
    // "…具有一致性，的3分；" — a score clause that starts with 的 where 得 was meant.
    id: "de-for-score",
    regex: /(?<=^|[，,；;。：:\s])的\s*(?<n>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分/g,
    message: (m) => `“${m[0]}”疑为“得${m.groups!.n}分”的笔误（“的”应为“得”）。`,
    hint: (m) => `将“${m[0]}”改为“得${m.groups!.n}分”。`,
  },
  {
    id: "doubled-punctuation",
    regex: /([，。；：、！？])\1/g,
    message: (m) => `标点“${m[1]}”重复书写。`,
    hint: (m) => `删除多余的“${m[1]}”。`,
  },
  {
    // A full stop directly after a comma or semicolon (or the reverse) is a leftover of an edit.
    id: "clashing-punctuation",
    regex: /[，；][。]|[。][，；]/g,
    message: (m) => `标点“${m[0]}”连用，疑为修改遗留。`,
    hint: () => "保留一个恰当的标点。",
  },
];

function findTypos(doc: Document): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const block of doc.blocks) {
    if (block.kind === "table") continue;
    for (const p of TYPO_PATTERNS) {
      for (const m of block.text.matchAll(p.regex)) {
        const start = m.index!;
        out.push({
          message: p.message(m),
          hint: p.hint(m),
          evidence: [evidence(doc, block.index, clip(block.text, start, start + m[0].length, 30))],
          details: { pattern: p.id, matched: m[0] },
        });
      }
    }
  }
  return out;
}

export const typo: Rule = {
  meta: {
    id: "typo",
    severity: "warning",
    title: "笔误",
    docs: {
      summary: "Closed list of high-precision slips: 的N分 for 得N分, doubled or clashing punctuation.",
      rationale:
        "Slips in score sentences change their meaning and tell the reviewer the text was not proofread; " +
        "only patterns that are almost never intended are listed.",
      example: "“目标与部门职能具有一致性，的3分；” → “得3分”。",
    },
  },
  check: ({ doc }) => findTypos(doc),
};
