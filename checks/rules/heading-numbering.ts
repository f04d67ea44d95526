/**
 * heading-numbering: within one list of sibling headings (一、二、三 / （一）（二） / 1. 2. / （1）（2） /
 * 附件1 附件2), numbers must not repeat or skip, and the style must not switch (3、 among 一、二、四、).
 */
import type { Document, HeadingBlock, NumberingStyle } from "../../src/model/document.ts";
import { defineRule, type FindingDraft } from "../../src/model/rule.ts";
import { evidence } from "../../src/analysis/evidence.ts";
import { parseMarker } from "../../src/ingest/headings.ts";
import { h as heading } from "../../src/testing/doc-spec.ts";

/** `parent` is the title of the section the sibling headings are in ("正文" at the top). */
type Details = {
  /** The number written twice. */
  repeat: { number: number; parent: string };
  /** The number due and the number found instead. */
  skip: { expected: number; found: number; parent: string };
  /** The heading's numbering style against the style most of its siblings use. */
  style: { found: NumberingStyle; expectedStyle: NumberingStyle; parent: string };
};

/**
 * A numbered item can be a plain paragraph that runs on into body text ("1.坚持…。一是…") while its
 * siblings are headings: such a paragraph fills the gap and is not a skip.
 */
function numberedParagraphValues(doc: Document, h: HeadingBlock): Set<number> {
  const parent = doc.sections[doc.sections[h.section].parent ?? "s0"];
  const values = new Set<number>();
  for (const i of parent?.blocks ?? []) {
    const b = doc.blocks[i];
    if (b.kind !== "paragraph" || i > h.index) continue;
    const m = parseMarker(b.text);
    if (m && m.number.style === h.number.style) values.add(m.number.value);
  }
  return values;
}

/** Sibling headings of each section, split into lists: annexes form their own list. */
function siblingLists(doc: Document): HeadingBlock[][] {
  const lists: HeadingBlock[][] = [];
  for (const section of Object.values(doc.sections)) {
    const headings = section.children
      .map((id) => doc.blocks[doc.sections[id].headingBlock])
      .filter((b): b is HeadingBlock => b?.kind === "heading" && b.number.style !== "none");
    const annexes = headings.filter((h) => h.number.style === "annex");
    const others = headings.filter((h) => h.number.style !== "annex");
    const byLevel = Map.groupBy(others, (h) => h.level);
    for (const list of [annexes, ...byLevel.values()]) if (list.length > 0) lists.push(list);
  }
  return lists;
}

function fillsGap(values: Set<number>, from: number, to: number): boolean {
  for (let v = from; v < to; v++) if (!values.has(v)) return false;
  return true;
}

function majorityStyle(list: HeadingBlock[]): NumberingStyle {
  const counts = Map.groupBy(list, (h) => h.number.style);
  return [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0][0];
}

function checkList(doc: Document, list: HeadingBlock[]): FindingDraft<Details>[] {
  const out: FindingDraft<Details>[] = [];
  const style = majorityStyle(list);
  const parentTitle = doc.sections[doc.sections[list[0].section].parent ?? "s0"]?.title || "正文";
  const seen = new Map<number, HeadingBlock>();
  let expected = 1;
  for (const h of list) {
    const { value, raw } = h.number;
    const first = seen.get(value);
    if (first) {
      out.push({
        message: `标题编号重复：“${parentTitle}”下“${raw}”出现两次（“${first.text}”与“${h.text}”）。`,
        hint: "按顺序重新编号，或确认是否误将同级标题重复编号。",
        evidence: [evidence(doc, first.index, first.text), evidence(doc, h.index, h.text)],
        messageId: "repeat",

        details: { number: value, parent: parentTitle },
      });
    } else if (value > expected && !fillsGap(numberedParagraphValues(doc, h), expected, value)) {
      out.push({
        message: `标题编号跳号：“${parentTitle}”下“${h.text}”之前缺少第${expected}项。`,
        hint: "检查是否遗漏章节，或重新连续编号。",
        evidence: [evidence(doc, h.index, h.text)],
        messageId: "skip",

        details: { expected, found: value, parent: parentTitle },
      });
    }
    if (h.number.style !== style) {
      out.push({
        message: `标题编号格式不一致：“${h.text}”的编号“${raw}”与同级其他标题的格式不同。`,
        hint: "同一级标题统一使用一种编号格式（如“一、二、三、”）。",
        evidence: [evidence(doc, h.index, h.text)],
        messageId: "style",

        details: { found: h.number.style, expectedStyle: style, parent: parentTitle },
      });
    }
    if (!first) seen.set(value, h);
    expected = Math.max(expected, value + 1);
  }
  return out;
}

export const headingNumbering = defineRule<Details>({
  meta: {
    id: "heading-numbering",
    severity: "warning",
    title: "标题编号",
    messages: {
      repeat: { description: "同级标题编号重复" },
      skip: { description: "同级标题编号跳号" },
      style: { description: "同级标题编号格式不一致" },
    },
    docs: {
      summary: "Sibling heading numbers that repeat, skip, or switch style (3、 among 一、二、四、).",
      rationale:
        "Broken numbering shows sections were copied in or removed without revision, and makes the " +
        "review letter's references ambiguous.",
      examples: [
        {
          title: "同级标题编号重复",
          kind: "invalid",
          messageId: "repeat",
          doc: [
            heading(1, "一、基本情况"),
            heading(2, "（一）部门职能"),
            heading(2, "（一）主要绩效"),
            heading(1, "二、存在的问题"),
          ],
        },
        {
          title: "编号连续",
          kind: "valid",
          doc: [
            heading(1, "一、基本情况"),
            heading(2, "（一）部门职能"),
            heading(2, "（二）主要绩效"),
            heading(1, "二、存在的问题"),
          ],
        },
      ],
    },
  },
  check: ({ doc }) => siblingLists(doc).flatMap((list) => checkList(doc, list)),
});
