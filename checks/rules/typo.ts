/**
 * typo (笔误): the frequent slips of 公文, each kind a table of data with its own tests —
 * word confusions (typo/vocab.ts), doubled words (typo/doubled.ts), malformed numbers and units
 * (typo/numbers.ts), template leftovers (typo/template.ts), plus the score and punctuation slips below.
 * Paragraphs, headings and table cells are read; text around a broken character (U+FFFD) is skipped.
 * Headings and 目录 lines are also compared with the genre's standard section names (typo/outline.ts): one
 * stray character inside a standard name is reported once, however often the title is repeated.
 */
import type { Block, Document } from "../../src/model/document.ts";
import type { Evidence } from "../../src/model/finding.ts";
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import { cellEvidence, clip, evidence } from "../../src/analysis/evidence.ts";
import { h, toc } from "../../src/testing/doc-spec.ts";
import type { TypoHit } from "./typo/types.ts";
import { findConfusions } from "./typo/confusions.ts";
import { findDoubled } from "./typo/doubled.ts";
import { findNumberSlips } from "./typo/numbers.ts";
import { findTemplateLeftovers } from "./typo/template.ts";
import { outlineSlip } from "./typo/outline.ts";
import { MAX_HEADING_CHARS, parseMarker } from "../../src/ingest/headings.ts";

/** Every typo finding: the slip as written (also as `matched`), its likely fix, how often it occurs. */
type Slip = { wrong: string; right: string; matched: string; occurrences?: number };
/** A message several patterns report: `pattern` is the id of the pattern or table entry that fired. */
type PatternSlip = Slip & { pattern: string };

type Details = {
  confusion: PatternSlip;
  doubled: PatternSlip;
  number: PatternSlip;
  template: PatternSlip;
  /** One pattern: its id would only repeat the message id. */
  "score-de": Slip;
  punctuation: PatternSlip;
  /** One pattern; the finding rests on the assumption that the standard section name was meant. */
  outline: Slip & { assumption: string };
};

interface TypoPattern {
  id: string;
  /** Must have the `g` flag. */
  regex: RegExp;
  /** A character every match contains: the regex runs only on a text that has one. */
  needs: RegExp;
  message: (m: RegExpExecArray) => string;
  hint: (m: RegExpExecArray) => string;
  right: (m: RegExpExecArray) => string;
  kind: "score-de" | "punctuation";
}

export const TYPO_PATTERNS: TypoPattern[] = [
  {
    // "…具有一致性，的3分；" — a score clause that starts with 的 where 得 was meant.
    id: "de-for-score",
    regex: /(?<=^|[，,；;。：:\s])的\s*(?<n>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分/g,
    needs: /的/,
    message: (m) => `“${m[0]}”疑为“得${m.groups!.n}分”的笔误（“的”应为“得”）。`,
    hint: (m) => `将“${m[0]}”改为“得${m.groups!.n}分”。`,
    right: (m) => `得${m.groups!.n}分`,
    kind: "score-de",
  },
  {
    id: "doubled-punctuation",
    regex: /([，。；：、！？])\1/g,
    needs: /[，。；：、！？]/,
    message: (m) => `标点“${m[1]}”重复书写。`,
    hint: (m) => `删除多余的“${m[1]}”。`,
    right: (m) => m[1],
    kind: "punctuation",
  },
  {
    // A full stop directly after a comma or semicolon (or the reverse) is a leftover of an edit.
    id: "clashing-punctuation",
    regex: /[，；][。]|[。][，；]/g,
    needs: /。/,
    message: (m) => `标点“${m[0]}”连用，疑为修改遗留。`,
    hint: () => "保留一个恰当的标点。",
    right: () => "",
    kind: "punctuation",
  },
];

function patternHits(text: string, exhaustive: boolean): TypoHit[] {
  const out: TypoHit[] = [];
  for (const p of TYPO_PATTERNS) {
    if (!exhaustive && !p.needs.test(text)) continue;
    for (const m of text.matchAll(p.regex)) {
      out.push({
        start: m.index!,
        end: m.index! + m[0].length,
        wrong: m[0],
        right: p.right(m),
        kind: p.kind,
        pattern: p.id,
        message: p.message(m),
        hint: p.hint(m),
      });
    }
  }
  return out;
}

/**
 * Every slip in one text, overlapping hits collapsed (the first detector wins), in text order. Each detector
 * skips what a cheap scan shows cannot match (a literal or character its matches need); `exhaustive` runs
 * everything, the reference the prefilters are tested against (test/checks/typo_test.ts).
 */
export function findTypoHits(text: string, opts: { cell?: boolean; exhaustive?: boolean } = {}): TypoHit[] {
  const all = [
    ...patternHits(text, opts.exhaustive ?? false),
    ...findTemplateLeftovers(text, opts),
    ...findConfusions(text, opts),
    ...findNumberSlips(text, opts),
    ...findDoubled(text, opts),
  ];
  const kept: TypoHit[] = [];
  for (const h of all) {
    if (nearBrokenText(text, h)) continue;
    if (kept.some((k) => h.start < k.end && k.start < h.end)) continue;
    kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Mojibake (U+FFFD) makes neighbouring characters unreliable. */
function nearBrokenText(text: string, h: TypoHit): boolean {
  return text.slice(Math.max(0, h.start - 8), h.end + 8).includes("\uFFFD");
}

/** At most this many quotes on one finding; further occurrences are counted. */
const MAX_QUOTES = 5;

interface Located {
  hit: TypoHit;
  evidence: Evidence;
}

/** A heading, a 目录 line, or a short numbered line (a 目录 entry the reader did not mark as one). */
function isOutlineLine(block: Block): block is Exclude<Block, { kind: "table" }> {
  if (block.kind === "heading") return true;
  if (block.kind !== "paragraph" || block.role === "title") return false;
  return block.role === "toc" || (block.text.trim().length <= MAX_HEADING_CHARS && !!parseMarker(block.text));
}

/** The outline slip of a heading or 目录 line as a hit spanning the line (the quote is the whole line). */
function outlineHit(text: string, others: TypoHit[]): TypoHit | null {
  // a doubled character is the doubled-word detector's
  if (others.some((h) => h.kind === "doubled")) return null;
  const slip = outlineSlip(text);
  if (!slip) return null;
  const line = text.trim(), start = text.indexOf(line);
  return {
    start,
    end: start + line.length,
    wrong: slip.title,
    right: slip.name,
    kind: "outline",
    pattern: "outline-extra-char",
    message: `标题“${slip.title}”比常用章节名“${slip.name}”多出一字“${slip.extra}”，疑为笔误。`,
    hint: `核对后改为“${slip.name}”，目录与正文中的同一标题一并修改。`,
    assumption: `标题与常用章节名“${slip.name}”仅多出一字“${slip.extra}”`,
  };
}

function located(doc: Document): Located[] {
  const out: Located[] = [];
  const quote = (text: string, h: TypoHit) => clip(text, h.start, h.end, 30);
  for (const block of doc.blocks) {
    if (block.kind !== "table") {
      const hits = findTypoHits(block.text);
      for (const hit of hits) {
        out.push({ hit, evidence: evidence(doc, block.index, quote(block.text, hit)) });
      }
      const outline = isOutlineLine(block) ? outlineHit(block.text, hits) : null;
      if (outline) out.push({ hit: outline, evidence: evidence(doc, block.index, block.text.trim()) });
      continue;
    }
    for (const row of block.grid) {
      for (const cell of row) {
        if (cell.row !== cell.anchorRow || cell.col !== cell.anchorCol) continue;
        for (const hit of findTypoHits(cell.text, { cell: true })) {
          out.push({ hit, evidence: cellEvidence(doc, block, cell.row, cell.col, quote(cell.text, hit)) });
        }
      }
    }
  }
  return out;
}

/** One finding per slip: the same wrong form repeated (a placeholder in every row) is reported once. */
function findTypos(doc: Document): FindingDraft<Details>[] {
  const groups = new Map<string, Located[]>();
  for (const l of located(doc)) {
    const key = `${l.hit.pattern}\u0000${l.hit.wrong}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()].map((ls) =>
    draftOf(ls[0].hit, ls.length, ls.slice(0, MAX_QUOTES).map((l) => l.evidence))
  );
}

/** The finding on a slip found `count` times. */
function draftOf(h: TypoHit, count: number, evidence: Evidence[]): FindingDraft<Details> {
  const more = count > 1 ? `（全文共${count}处）` : "";
  const base = { message: h.message + more, hint: h.hint, evidence };
  const occurrences = count > 1 ? { occurrences: count } : {};
  switch (h.kind) {
    case "score-de":
      return {
        messageId: h.kind,
        ...base,
        details: { wrong: h.wrong, right: h.right, matched: h.wrong, ...occurrences },
      };
    case "outline":
      return {
        messageId: h.kind,
        ...base,
        details: {
          wrong: h.wrong,
          right: h.right,
          matched: h.wrong,
          ...occurrences,
          assumption: h.assumption,
        },
        certainty: "assumption",
      };
    default:
      return {
        messageId: h.kind,
        ...base,
        details: { wrong: h.wrong, right: h.right, pattern: h.pattern, matched: h.wrong, ...occurrences },
      };
  }
}

export const typo = defineRule<Details>({
  meta: {
    id: "typo",
    severity: "warning",
    title: "笔误",
    messages: {
      confusion: { description: "易混词误用" },
      doubled: { description: "字词重复" },
      number: { description: "年份、数字或单位书写错误" },
      template: { description: "模板占位内容未删除" },
      "score-de": { description: "“得N分”误作“的N分”" },
      punctuation: { description: "标点重复或连用" },
      outline: { description: "标题或目录条目比常用章节名多出一字", certainty: "assumption" },
    },
    docs: {
      summary:
        "Frequent slips of official documents: word confusions (确实/切实做好, 较好的完成, 截止/截至, 台帐), " +
        "doubled words (开展开展), years without 年 or ranges ending before they start, unit clashes, template " +
        "leftovers (XXX, （1500字以内）), 的N分 for 得N分, doubled or clashing punctuation, and a heading or " +
        "目录 entry that is a standard section name with one stray character inside (评价结论及时建议).",
      rationale:
        "Slips change the meaning of a sentence or show that the text was not proofread. Every pattern is " +
        "data with a context that makes it wrong in essentially every use; look-alikes that are right (确实存在, " +
        "截止日期, 党委委员, 2018—2020) are kept out and tested. A title one character longer than a standard " +
        "section name rests on the assumption that the standard name was meant: a warning stating it.",
      examples: [
        {
          title: "“切实做好”误作“确实做好”",
          kind: "invalid",
          messageId: "confusion",
          doc: ["为确实做好年度绩效自评工作，成立了工作小组。"],
        },
        {
          title: "目录条目比常用章节名“评价结论及建议”多出一字",
          kind: "invalid",
          messageId: "outline",
          doc: [{ text: "目录", role: "toc-heading" }, toc("四、评价结论及时建议……21"), h(1, "一、基本情况")],
        },
        {
          title: "“确实存在”用法正确",
          kind: "valid",
          doc: ["为切实做好年度绩效自评工作，成立了工作小组，确实存在的问题已整改。"],
        },
      ],
    },
  },
  check: ({ doc }) => findTypos(doc),
});
