/**
 * cross-reference: 附件N / 表N references in the text that point to nothing, or to an annex with another
 * title than the one the reference gives.
 */
import type { Document, HeadingBlock } from "../../src/model/document.ts";
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import { clip, evidence } from "../../src/analysis/evidence.ts";
import { normalizeWidth } from "../../src/extract/numbers.ts";
import { titleKey } from "../../src/analysis/text/normalize.ts";
import { similarity } from "../lib/similarity.ts";
import { h } from "../../src/testing/doc-spec.ts";

interface Annex {
  n: number;
  title: string;
  heading: HeadingBlock;
}

function annexes(doc: Document): Map<number, Annex> {
  const out = new Map<number, Annex>();
  for (const b of doc.blocks) {
    if (b.kind !== "heading" || b.number.style !== "annex") continue;
    const next = doc.blocks[b.index + 1];
    const title = titleKey(b.title) ||
      (next && next.kind !== "table" && next.text.length <= 40 ? titleKey(next.text) : "");
    if (!out.has(b.number.value)) out.set(b.number.value, { n: b.number.value, title, heading: b });
  }
  return out;
}

/** Table captions "表1 …" / "表 1：…" that a 见表N can point to. */
function captions(doc: Document): Set<number> {
  const out = new Set<number>();
  for (const b of doc.blocks) {
    // A caption may be the table's own first row (a merged cell across the table).
    const text = b.kind === "table" ? b.grid[0]?.[0]?.text ?? "" : b.text;
    const m = /^\s*表\s*([0-9０-９]+)(?![0-9０-９])/.exec(text);
    if (m) out.add(Number(normalizeWidth(m[1])));
  }
  return out;
}

/**
 * The annex of another document (《…通知》附件3, 财预〔2020〕10号）附件2, 通知的附件4): not one of this report's.
 */
const OTHER_DOCUMENT_BEFORE =
  /(?:》|〔[0-9０-９]{4}〕[0-9０-９]+号[）)]?|(?:通知|文件|办法|意见|方案|规定|细则|指引))\s*的?\s*$/;

const ANNEX_REF = /附件\s*([0-9０-９]+)(?![0-9０-９])\s*(?:《([^》]{2,40})》)?/g;
const TABLE_REF = /(?:见|如|详见|参见)\s*表\s*([0-9０-９]+)(?![0-9０-９])/g;

/** Titles alike, or one a shortened form of the other (绩效自评表 for 2024年度项目支出绩效自评表). */
function sameTitle(a: string, b: string): boolean {
  return similarity(a, b) >= 0.5 || (Math.min(a.length, b.length) >= 4 && (a.includes(b) || b.includes(a)));
}

function checkRefs(doc: Document): FindingDraft[] {
  const ann = annexes(doc);
  const caps = captions(doc);
  const out: FindingDraft[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== "paragraph" || b.role === "toc" || b.role === "toc-heading") continue;
    for (const m of b.text.matchAll(ANNEX_REF)) {
      const n = Number(normalizeWidth(m[1]));
      const start = m.index!;
      // A line that is itself an annex label ("附件1" alone) is not a reference.
      if (b.text.trim() === m[0].trim()) continue;
      if (OTHER_DOCUMENT_BEFORE.test(b.text.slice(Math.max(0, start - 20), start))) continue;
      const ev = evidence(doc, b.index, clip(b.text, start, start + m[0].length, 40));
      const target = ann.get(n);
      if (!target) {
        if (ann.size === 0) continue; // annexes submitted separately: nothing in this file to check against
        out.push({
          message: `正文引用了“附件${n}”，但文档中没有附件${n}（现有附件：${[...ann.keys()].join("、")}）。`,
          messageId: "missing-annex",
          hint: "核对附件编号，或补上缺失的附件。",
          evidence: [ev],
          details: { reference: m[0], annexes: [...ann.keys()] },
        });
      } else if (m[2] && target.title && !sameTitle(titleKey(m[2]), target.title)) {
        out.push({
          message: `正文引用“附件${n}《${m[2]}》”，但附件${n}的标题是“${target.title}”。`,
          messageId: "annex-title",
          hint: "统一引用与附件的名称和编号。",
          evidence: [ev, evidence(doc, target.heading.index, target.heading.text)],
          details: { reference: m[0], annexTitle: target.title },
        });
      }
    }
    if (caps.size === 0) continue; // tables without captions cannot be referred to by number
    for (const m of b.text.matchAll(TABLE_REF)) {
      const n = Number(normalizeWidth(m[1]));
      if (caps.has(n)) continue;
      out.push({
        message: `正文“${m[0]}”，但文档中没有标题为“表${n}”的表格。`,
        messageId: "missing-table",
        hint: "核对表格编号。",
        evidence: [evidence(doc, b.index, clip(b.text, m.index!, m.index! + m[0].length, 40))],
        details: { reference: m[0], tables: [...caps] },
      });
    }
  }
  return out;
}

export const crossReference: Rule = {
  meta: {
    id: "cross-reference",
    severity: "warning",
    title: "引用不符",
    messages: {
      "missing-annex": { description: "引用的附件不存在" },
      "annex-title": { description: "引用的附件名称与附件标题不符" },
      "missing-table": { description: "引用的表格不存在" },
    },
    docs: {
      summary:
        "References to 附件N or 表N that point to nothing, or to an annex with another title (a shortened " +
        "title is the same). Another document's annex (《…通知》附件3, 〔2020〕10号）附件2) is not checked; a " +
        "caption may be a paragraph or the table's own first row.",
      rationale:
        "Dangling references show that annexes were renumbered or dropped, or that the text was copied " +
        "from a report with other annexes.",
      examples: [
        {
          title: "引用了不存在的附件",
          kind: "invalid",
          messageId: "missing-annex",
          doc: [h(1, "一、基本情况"), "具体数据详见附件3。", h(1, "附件1"), "评价指标体系"],
        },
        {
          title: "引用的附件存在",
          kind: "valid",
          doc: [h(1, "一、基本情况"), "具体数据详见附件1。", h(1, "附件1"), "评价指标体系"],
        },
      ],
    },
  },
  check: ({ doc }) => checkRefs(doc),
};
