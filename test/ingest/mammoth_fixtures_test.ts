/** Each docx fixture through readWithMammoth + buildDocument; every result must pass Document.parse. */
import { deepStrictEqual as eq, ok, strictEqual } from "node:assert";
import { readWithMammoth } from "../../src/ingest/mammoth-reader.ts";
import { unzipXmlParts } from "../../src/ingest/zip.ts";
import { buildDocument } from "../../src/ingest/build.ts";
import { type Block, Document, type HeadingBlock, type TableBlock } from "../../src/model/document.ts";
import { FIXTURES } from "../fixtures/docx-fixtures.ts";

async function read(name: string): Promise<Document> {
  const doc = buildDocument(await readWithMammoth(unzipXmlParts(await FIXTURES[name](), name)));
  Document.parse(doc);
  return doc;
}
const headings = (d: Document) => d.blocks.filter((b): b is HeadingBlock => b.kind === "heading");
const texts = (bs: Block[]) => bs.map((b) => (b.kind === "table" ? "<table>" : b.text));

Deno.test("fixture merged-table: 4 × 4 grid with vertical and horizontal merges", async () => {
  const d = await read("merged-table");
  const t = d.blocks.find((b): b is TableBlock => b.kind === "table")!;
  eq([t.rowCount, t.colCount, t.headerRows, t.tableIndex], [4, 4, 1, 0]);
  eq(t.grid.map((r) => r.map((c) => c.text)), [
    ["一级指标", "二级指标", "分值", "得分"],
    ["决策", "目标", "10", "9"],
    ["决策", "职能", "5", "5"],
    ["合计", "合计", "15", "14"],
  ]);
  eq([t.grid[1][0].rowspan, t.grid[2][0].anchorRow, t.grid[2][0].anchorCol], [2, 1, 0]);
  eq([t.grid[3][0].colspan, t.grid[3][1].anchorCol, t.grid[2][1].anchorRow], [2, 0, 2]);
  eq(texts(d.blocks), ["表1 指标得分", "<table>", "表后说明。"]);
});

Deno.test("fixture auto-numbered-headings: heading styles found, Word's numbers are not in the text", async () => {
  const d = await read("auto-numbered-headings");
  eq(headings(d).map((h) => [h.text, h.level, h.number.style, h.source]), [
    ["部门概况", 1, "none", "style"],
    ["机构设置", 2, "none", "style"],
    ["绩效目标", 1, "none", "style"],
  ]);
  eq(d.sections.s2.path, ["部门概况", "机构设置"]);
  strictEqual(d.blocks[2].section, "s2");
});

Deno.test("fixture heading-styles: level from the style, marker parsed into number and title", async () => {
  const d = await read("heading-styles");
  eq(headings(d).map((h) => [h.level, h.number.style, h.number.value, h.number.raw, h.title]), [
    [1, "chinese", 1, "一、", "总体情况"],
    [2, "paren-chinese", 1, "（一）", "预算安排"],
    [3, "arabic", 1, "1.", "基本支出"],
    [2, "paren-chinese", 2, "（二）", "项目支出。"],
    [1, "chinese", 2, "二、", "存在问题"],
  ]);
  eq(d.sections.s3.path, ["一、总体情况", "（一）预算安排", "1.基本支出"]);
  eq(d.sections.s4.parent, "s1");
  eq(d.sections.s0.children, ["s1", "s5"]);
});

Deno.test("fixture manual-headings-toc: title, TOC, manual headings, run-ons and annexes", async () => {
  const d = await read("manual-headings-toc");
  eq(d.meta, {
    title: "某某县测试局2023年部门整体支出绩效自评报告",
    year: 2022,
    unit: "某某县测试局（本级）",
    kind: "部门整体",
    sources: { title: "first-lines", year: "field:评价年度", unit: "field:单位名称", kind: "title" },
    reader: "mammoth",
  });
  const roles = d.blocks.flatMap((b) => (b.kind === "paragraph" && b.role ? [[b.index, b.role]] : []));
  eq(roles, [[0, "title"], [1, "title"], [4, "toc-heading"], [5, "toc"], [6, "toc"], [7, "toc"], [8, "toc"], [
    9,
    "title",
  ], [
    10,
    "title",
  ]]);
  eq(headings(d).map((h) => [h.text, h.level, h.source]), [
    ["一、部门概况", 1, "manual"],
    ["（一）部门职能", 2, "manual"],
    ["二、绩效分析", 1, "manual"],
    ["1.产出情况", 3, "manual"],
    ["（2）数量指标", 4, "manual"],
    ["①完成率", 5, "manual"],
    ["附件1", 1, "manual"],
    // The level is the depth in the outline (src/ingest/outline.ts): inside an annex, one deeper.
    ["一、指标说明", 2, "manual"],
    ["（一）指标权重", 3, "manual"],
    ["附件2 问卷调查", 1, "manual"],
    ["一、问卷情况", 2, "manual"],
  ]);
  const plain = d.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);
  for (
    const t of [
      "1.贯彻执行有关方针政策。2.负责全县有关工作。",
      "（1）坚持优化服务，稳中求进。一是开展培训12次。",
      "1.5万元用于购置设备",
    ]
  ) {
    ok(plain.includes(t), t);
  }
  ok(plain.some((t) => t.startsWith("三、这一行编号像标题")));
  // headings inside an annex nest under it
  const annex2 = Object.values(d.sections).find((s) => s.title === "附件2 问卷调查")!;
  eq(annex2.children.map((id) => d.sections[id].title), ["一、问卷情况"]);
  const weights = Object.values(d.sections).find((s) => s.title === "（一）指标权重")!;
  eq(weights.path, ["附件1", "一、指标说明", "（一）指标权重"]);
  eq(d.sections.s0.children.map((id) => d.sections[id].title), [
    "一、部门概况",
    "二、绩效分析",
    "附件1",
    "附件2 问卷调查",
  ]);
  // ids in document order, every block in its section's list
  eq(Object.keys(d.sections), Array.from({ length: 12 }, (_, i) => `s${i}`));
  for (const b of d.blocks) ok(d.sections[b.section].blocks.includes(b.index), `block ${b.index}`);
});

Deno.test("fixture notes: footnote and endnote become paragraphs, reference marks and back-links dropped", async () => {
  const d = await read("notes");
  eq(d.blocks.map((b) => [b.kind === "table" ? "" : b.text, b.origin]), [
    ["全年支出合计120.5万元。", "body"],
    ["执行率98%。", "body"],
    ["其中基本支出100万元。", "footnote"],
    ["数据来源：2023年决算，项目支出20.5万元。", "endnote"],
  ]);
});

Deno.test("fixture textbox: the text box's figure is kept, in place", async () => {
  const d = await read("textbox");
  eq(texts(d.blocks), ["正文第一段。", "年度预算执行率98.5%", "正文第二段。"]);
});

Deno.test("fixture fullwidth-digits: text kept as written, １． read as an arabic heading", async () => {
  const d = await read("fullwidth-digits");
  eq(texts(d.blocks), ["一、收入情况", "１．财政拨款", "全年收入１２３．４５万元，较上年增长５％。"]);
  eq(headings(d).map((h) => [h.level, h.number.style, h.number.value, h.title]), [[
    1,
    "chinese",
    1,
    "收入情况",
  ], [
    2, // levels follow the styles this document uses: 1. right under 一、 is level 2
    "arabic",
    1,
    "财政拨款",
  ]]);
});

Deno.test("fixture no-headings: one root section and an info diagnostic", async () => {
  const d = await read("no-headings");
  eq(Object.keys(d.sections), ["s0"]);
  eq(d.sections.s0.blocks, [0, 1]);
  ok(d.diagnostics.some((x) => x.code === "no-headings" && x.level === "info"));
  eq([d.meta.title, d.meta.year, d.meta.unit], [null, null, null]);
});

Deno.test("fixture empty: no blocks, a valid Document", async () => {
  const d = await read("empty");
  eq(d.blocks, []);
  eq(Object.keys(d.sections), ["s0"]);
});
