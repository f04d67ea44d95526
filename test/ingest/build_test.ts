/** buildDocument on hand-made RawDocuments: the cases the docx fixtures do not reach. */
import { deepStrictEqual as eq, strictEqual } from "node:assert";
import { buildDocument } from "../../src/ingest/build.ts";
import { Document } from "../../src/model/document.ts";
import type { RawBlock, RawParagraph } from "../../src/model/raw.ts";

const p = (text: string, extra: Partial<RawParagraph> = {}): RawBlock => ({
  kind: "paragraph",
  text,
  origin: "body",
  ...extra,
});
const build = (blocks: RawBlock[]) => {
  const d = buildDocument({ blocks, diagnostics: [], reader: "test" });
  Document.parse(d);
  return d;
};
const roles = (d: Document) => d.blocks.map((b) => (b.kind === "paragraph" ? b.role ?? b.kind : b.kind));

Deno.test("TOC: entries with leaders and page numbers; ends at the first non-entry line", () => {
  const d = build([
    p("目 录"),
    p("前言……………1"),
    p("一、概况\t2"),
    p("（一）职能 .......3"),
    p("本报告根据有关规定编制。"),
    p("一、概况"),
  ]);
  eq(roles(d), ["toc-heading", "toc", "toc", "toc", "paragraph", "heading"]);
});

Deno.test("TOC: ends where an entry repeats the first entry (the body starts)", () => {
  const d = build([p("目录"), p("一、概况"), p("二、目标"), p("一、概况"), p("二、目标")]);
  eq(roles(d), ["toc-heading", "toc", "toc", "heading", "heading"]);
  // 目录 followed by body text is no TOC
  eq(roles(build([p("目录"), p("本报告共三部分。")])), ["paragraph", "paragraph"]);
});

Deno.test("headings: Word list label stands in for the marker; notes and text boxes are never headings", () => {
  const d = build([
    p("部门概况", { listLabel: "一、" }),
    p("（一）职能", { origin: "footnote" }),
    p("（二）职能", { origin: "textbox" }),
    p("", { styleLevel: 1 }),
  ]);
  eq(d.blocks.map((b) => b.kind), ["heading", "paragraph", "paragraph", "paragraph"]);
  const h = d.blocks[0];
  eq(h.kind === "heading" && [h.level, h.number.raw, h.title, h.source], [1, "一、", "部门概况", "manual"]);
});

Deno.test("meta: year falls back to the title's, unit to the title line's prefix; no title, no meta", () => {
  const one = build([p("某某局2021年度项目支出绩效自评报告", { align: "center" }), p("一、概况")]);
  eq([one.meta.title, one.meta.year, one.meta.unit], ["某某局2021年度项目支出绩效自评报告", 2021, "某某局"]);
  // a justified "…报告" line is body text, not a title
  const none = build([p("某某局2021年度项目支出绩效自评报告", { align: "justify" }), p("一、概况")]);
  eq([none.meta.title, none.meta.year, none.meta.unit], [null, null, null]);
  strictEqual(none.blocks[0].kind === "paragraph" && none.blocks[0].role, undefined);
  // 评价时段 overrides the title year, full-width digits included
  const stated = build([
    p("某某局", { align: "center" }),
    p("2024年部门整体支出绩效自评报告", { align: "center" }),
    p(
      "评价时段为２０２３年1月1日至2023年12月31日",
    ),
  ]);
  eq([stated.meta.title, stated.meta.year, stated.meta.unit], [
    "某某局2024年部门整体支出绩效自评报告",
    2023,
    "某某局",
  ]);
});

Deno.test("sections: a heading deeper than its parent nests, a shallower one closes; annex nests everything", () => {
  const d = build([
    p("一、甲", { styleLevel: 1 }),
    p("1.子", { styleLevel: 3 }),
    p("（一）乙", { styleLevel: 2 }),
    p("附件1"),
    p("一、丙", { styleLevel: 1 }),
    p("正文"),
  ]);
  eq(Object.values(d.sections).map((s) => [s.id, s.parent, s.level]), [
    ["s0", null, 0],
    ["s1", "s0", 1],
    ["s2", "s1", 3],
    ["s3", "s1", 2],
    ["s4", "s0", 1],
    ["s5", "s4", 2],
  ]);
  eq(d.sections.s5.blocks, [4, 5]);
  eq(d.sections.s5.path, ["附件1", "一、丙"]);
});
