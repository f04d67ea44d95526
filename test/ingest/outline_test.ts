/**
 * The outline of reports without heading styles: 第X部分 parts above 一、, levels from the styles the document
 * uses, bold and centred short lines, Word outline levels, run-on numbered paragraphs, and the 目录 when its
 * heading lost a character or is absent. Fixtures are built with the `docx` package.
 */
import { deepStrictEqual as eq, ok, strictEqual } from "node:assert";
import { AlignmentType, Document as Docx, Packer, Paragraph, TextRun } from "docx";
import { readDocument } from "../../src/ingest/index.ts";
import { buildDocument } from "../../src/ingest/build.ts";
import { Document, type HeadingBlock } from "../../src/model/document.ts";
import type { RawBlock } from "../../src/model/raw.ts";
import { manualHeading, parseMarker } from "../../src/ingest/headings.ts";

type Para = Paragraph;
const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const centred = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
const outline = (text: string, level: number) =>
  new Paragraph({ outlineLevel: level, children: [new TextRun(text)] });

async function read(children: Para[]) {
  const bytes = new Uint8Array(await Packer.toArrayBuffer(new Docx({ sections: [{ children }] })));
  const d = await readDocument(bytes, { file: "t.docx", reader: "ooxml" });
  Document.parse(d);
  return d;
}
const headings = (d: Document) => d.blocks.filter((b): b is HeadingBlock => b.kind === "heading");
const outlineOf = (d: Document) =>
  headings(d).map((h) => {
    const s = d.sections[h.section];
    return [h.text, s.level, d.sections[s.parent!].title];
  });

Deno.test("parseMarker: 第X部分 / 第X章 is the part style, ranked above 一、", () => {
  for (
    const [t, v, title] of [["第一部分 部门概况", 1, "部门概况"], ["第二部分: 某局决算表", 2, "某局决算表"], [
      "第3章总结",
      3,
      "总结",
    ], ["第十二部分", 12, ""]] as const
  ) {
    const m = parseMarker(t);
    eq([m?.number.style, m?.number.value, m?.level, m?.title], ["part", v, 0, title], t);
  }
  strictEqual(manualHeading("第四部分 附件")?.number.style, "part");
  strictEqual(manualHeading("第一部分为部门概况，第二部分为决算表。"), null);
  strictEqual(parseMarker("第一条 根据有关规定"), null);
});

Deno.test("parts: 一、 under two parts are two lists, and the part title is a heading", async () => {
  const d = await read([
    centred("某局2023年部门决算公开"),
    p("第一部分 某局概况"),
    p("一、部门主要职责"),
    p("负责全区政务服务工作。"),
    p("二、部门决算单位构成"),
    p("本部门决算仅含本级。"),
    p("第二部分: 某局2022年部门决算表"),
    p("一、收入支出决算总表"),
    p("见附表。"),
    p("二、收入决算表"),
    p("见附表。"),
  ]);
  eq(outlineOf(d), [
    ["第一部分 某局概况", 1, ""],
    ["一、部门主要职责", 2, "第一部分 某局概况"],
    ["二、部门决算单位构成", 2, "第一部分 某局概况"],
    ["第二部分: 某局2022年部门决算表", 1, ""],
    ["一、收入支出决算总表", 2, "第二部分: 某局2022年部门决算表"],
    ["二、收入决算表", 2, "第二部分: 某局2022年部门决算表"],
  ]);
  strictEqual(headings(d)[3].number.style, "part");
  // the two 一、 are in different sibling lists, so heading-numbering sees no repeat
  const parents = headings(d).filter((h) => h.number.raw === "一、").map((h) => d.sections[h.section].parent);
  strictEqual(new Set(parents).size, 2);
});

Deno.test("levels follow the styles used: a part that starts at （一）, then 一、 under the next part", async () => {
  const d = await read([
    p("第一部分 部门概况"),
    p("（一）基本职能"),
    p("（1）治安管理"),
    p("本部门负责全县治安管理工作。"),
    p("（二）机构设置"),
    p("内设机构5个。"),
    p("第二部分 决算情况说明"),
    p("一、收入支出预算执行情况"),
    p("（一）预算安排情况"),
    p("年初预算100万元。"),
  ]);
  eq(outlineOf(d), [
    ["第一部分 部门概况", 1, ""],
    ["（一）基本职能", 2, "第一部分 部门概况"],
    ["（1）治安管理", 3, "（一）基本职能"],
    ["（二）机构设置", 2, "第一部分 部门概况"],
    ["第二部分 决算情况说明", 1, ""],
    ["一、收入支出预算执行情况", 2, "第二部分 决算情况说明"],
    ["（一）预算安排情况", 3, "一、收入支出预算执行情况"],
  ]);
  eq(headings(d).map((h) => h.level), [1, 2, 3, 2, 1, 2, 3]);
});

Deno.test("bold and centred short lines are headings; near misses stay body text", async () => {
  const d = await read([
    centred("某局2023年部门整体支出绩效自评报告"),
    p("一、部门概况"),
    bold("主要职责"),
    p("负责全县人力资源和社会保障工作，统筹机关和事业单位人员管理。"),
    bold("全年工作取得显著成效。"), // a short bold sentence
    p("1.全年新增就业1200人，完成目标任务的120%。"), // a numbered list item that is a sentence
    centred("机构设置"),
    p("内设机构5个，下属事业单位2个，编制共计60名，实有在职人员58人。"),
    p("二、绩效分析"),
    p("本年度各项指标均已完成，部门整体支出绩效良好，自评得分为95分。"),
    centred("2024年5月10日"), // a centred date line
    centred("某某县人力资源和社会保障局"),
  ]);
  eq(headings(d).map((h) => [h.text, h.source, d.sections[h.section].level]), [
    ["一、部门概况", "manual", 1],
    ["主要职责", "format", 2],
    ["机构设置", "format", 2],
    ["二、绩效分析", "manual", 1],
  ]);
  const para = d.blocks.find((b) => b.kind === "paragraph" && b.text === "全年工作取得显著成效。");
  ok(para && para.kind === "paragraph" && para.bold === true, "bold is read into the paragraph");
  ok(d.blocks.some((b) => b.kind === "paragraph" && b.text.startsWith("1.全年新增就业")));
  ok(d.blocks.some((b) => b.kind === "paragraph" && b.text === "2024年5月10日"));
});

Deno.test("Word outline levels make headings; an annex's centred title line is not one", async () => {
  const d = await read([
    p("前言"),
    outline("部门概况", 0),
    outline("机构设置", 1),
    p("内设机构5个。"),
    p("附件1"),
    centred("评价指标体系"),
    p("指标体系见下表，共三级指标，满分100分。本表由评价小组填写并经审核。"),
  ]);
  eq(headings(d).map((h) => [h.text, h.source, h.level]), [
    ["部门概况", "style", 1],
    ["机构设置", "style", 2],
    ["附件1", "manual", 1],
  ]);
});

const raw = (text: string): RawBlock => ({ kind: "paragraph", text, origin: "body" });
const build = (lines: string[]) => buildDocument({ blocks: lines.map(raw), diagnostics: [], reader: "test" });
const roles = (d: Document) => d.blocks.map((b) => (b.kind === "paragraph" ? b.role ?? "p" : b.kind));

Deno.test("TOC: a 目录 line that lost a character; numbering restart ends it; damaged lines stay text", () => {
  const d = build([
    " 录",
    "第一部分:某局概况",
    "一、部门主要职责",
    "第二部分:某局决算表",
    "一、收入支出决算总表",
    "、一般公共预算“三公”经费支出决算表", // numbering lost
    "第三部分:其他需要说明的情况",
    "部分:名词解释",
    "第一部分 部门概况",
    "一、部门主要职责",
    "负责全区政务服务工作。",
  ]);
  eq(roles(d), ["toc-heading", "toc", "toc", "toc", "toc", "p", "toc", "p", "heading", "heading", "p"]);
});

Deno.test("TOC without a 目录 line: only when the body restarts at its first entry and repeats most entries", () => {
  const body = [
    "一、部门概况",
    "本部门负责全县工作。",
    "二、绩效目标",
    "全年目标已完成。",
    "三、存在问题",
    "无。",
  ];
  const entries = ["一、部门概况", "二、绩效目标", "三、存在问题", "四、改进措施"];
  eq(roles(build([...entries, ...body])).slice(0, 5), ["toc", "toc", "toc", "toc", "heading"]);
  // a run of short headings followed by text is no TOC
  const noToc = build(["一、部门概况", "（一）职能", "1.主要职责", "2.机构设置", "本部门负责全县工作。"]);
  ok(roles(noToc).every((r) => r !== "toc"));
  // the run reappears only in part: no TOC
  const partial = build([...entries, "一、部门概况", "本部门负责全县工作。", "其余略。"]);
  ok(roles(partial).every((r) => r !== "toc"));
});
