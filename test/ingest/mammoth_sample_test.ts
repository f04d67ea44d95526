/**
 * The sample report through readWithMammoth + buildDocument. Expectations were written from the document's
 * text (/work/shared/seeds/*.txt) and its README, not from the tool's output.
 */
import { deepStrictEqual as eq, ok, strictEqual } from "node:assert";
import { readWithMammoth } from "../../src/ingest/mammoth-reader.ts";
import { unzipXmlParts } from "../../src/ingest/zip.ts";
import { buildDocument } from "../../src/ingest/build.ts";
import { Document, type Section, type TableBlock } from "../../src/model/document.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
const doc = buildDocument(await readWithMammoth(unzipXmlParts(await Deno.readFile(SAMPLE), "sample.docx")));

/** Every heading, indented by its depth in the section tree (annex headings one deeper than their level). */
const OUTLINE = `
一、部门概况
  （一）部门机构设置、编制
  （二）部门职能
  （三）部门工作完成情况
    2.坚持深化改革、兜牢底线，社会保障体系不断健全
    3.坚持改革引领、创新机制，人事人才工作稳步推进
    4.坚持防范风险、源头治理，劳动关系保持和谐稳定
    5.发挥党建引领作用，问题整改取得实效
  （四）部门资金来源及使用情况
    1.资金落实情况
    2.预算资金管理情况
二、绩效目标
  （一）部门总目标
  （二）部门项目具体计划目标
    1.就业方面
    2.社会保险方面
    3.人事人才方面
    4.和谐劳动关系方面
三、评价思路和过程
  （一）评价思路
  （二）评价目的
  （三）评价依据
  （四）评价对象及评价时段
四、评价结论和绩效分析
  （一）评价结论
    1.评价结果
  （二）主要绩效
    1.主要工作目标任务完成情况
  （二）具体绩效分析
    1.部门决策方面，部门决策设立部门目标、部门职能、资源配置3个二级指标
    2.部门管理方面，部门管理设立预算管理、财务管理、人力资源管理、资产管理、业务管理5个二级指标
    3.部门绩效分析
四、存在的问题
五、改进措施及建议
附件1
  一、经济性分析
  二、效率性分析
  三、效益性分析
    （一）经济效益
    （二）社会公众满意度
  四、可持续性分析
附件2
  一、重点任务指标完成情况
  二、2023年主要工作做法及成效
    （一）坚持优化服务、稳中求进，就业创业形势持续向好
    （二）坚持深化改革、兜牢底线，社会保障体系不断健全。
    （三）坚持改革引领、创新机制，人事人才工作稳步推进
    （四）坚持防范风险、源头治理，劳动关系保持和谐稳定
  3、 亮点工作
  四、存在的主要问题
附件3
附件4
附件5
附件6`.trim().split("\n");

function outline(sections: Record<string, Section>, id = "s0", depth = 0): string[] {
  return sections[id].children.flatMap((c) => [
    "  ".repeat(depth) + sections[c].title,
    ...outline(sections, c, depth + 1),
  ]);
}

Deno.test("sample: passes Document.parse", () => {
  Document.parse(doc);
});

Deno.test("sample: section tree of the body and the annexes", () => {
  eq(outline(doc.sections), OUTLINE);
  eq(Object.keys(doc.sections), Array.from({ length: OUTLINE.length + 1 }, (_, i) => `s${i}`));
  const s = Object.values(doc.sections);
  const pick = (t: string) => s.find((x) => x.title.startsWith(t))!;
  eq(pick("（二）社会公众满意度").path, ["附件1", "三、效益性分析", "（二）社会公众满意度"]);
  eq(pick("3.部门绩效分析").path, ["四、评价结论和绩效分析", "（二）具体绩效分析", "3.部门绩效分析"]);
  for (const b of doc.blocks) ok(doc.sections[b.section].blocks.includes(b.index), `block ${b.index}`);
  eq(doc.blocks.map((b) => b.index), doc.blocks.map((_, i) => i));
});

Deno.test("sample: style headings keep their style level, markers parsed; run-on numbered paragraphs stay text", () => {
  const hs = doc.blocks.filter((b) => b.kind === "heading");
  strictEqual(hs.filter((h) => h.source === "style").length, 48);
  eq(hs.filter((h) => h.source === "manual").map((h) => [h.text, h.level, h.number.value]), [
    ["附件1", 1, 1],
    ["附件2", 1, 2],
    ["附件3", 1, 3],
    ["附件4", 1, 4],
    ["附件5", 1, 5],
    ["附件6", 1, 6],
  ]);
  const bright = hs.find((h) => h.text.startsWith("3、"))!;
  eq([bright.level, bright.number, bright.title], [1, { style: "arabic", value: 3, raw: "3、" }, "亮点工作"]);
  const texts = doc.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);
  ok(texts.some((t) => t.startsWith("1.坚持优化服务、稳中求进，就业创业形势持续向好。一是")));
  ok(texts.some((t) => t.startsWith("（1）坚持优化服务、稳中求进")));
  ok(texts.some((t) => t.startsWith("（5） 发挥党建引领作用")));
});

Deno.test("sample: table of contents and title lines", () => {
  const roles = (r: string) =>
    doc.blocks.filter((b) => b.kind === "paragraph" && b.role === r).map((b) =>
      b.kind === "table" ? "" : b.text
    );
  eq(roles("toc-heading"), ["目录"]);
  const toc = roles("toc");
  strictEqual(toc.length, 24);
  eq([toc[0], toc[5], toc[17], toc[18], toc[23]], [
    "一、部门概况",
    "（五）固定资产情况",
    "七、改进措施及建议",
    "附件1 成本费用分析报告",
    "附件6收入支出决算表",
  ]);
  eq(roles("title"), [
    "寻甸回族彝族自治县人力资源和社会保障局",
    "2023年部门整体支出绩效自评报告",
    "寻甸回族彝族自治县人力资源和社会保障局",
    "2023年部门整体支出绩效自评报告",
  ]);
  // TOC lines are not headings: the first heading is the body's 一、部门概况, after the repeated title
  const first = doc.blocks.find((b) => b.kind === "heading")!;
  const before = doc.blocks[first.index - 1];
  eq([first.text, before.kind === "paragraph" ? before.role : null], ["一、部门概况", "title"]);
});

Deno.test("sample: meta", () => {
  eq(doc.meta, {
    title: "寻甸回族彝族自治县人力资源和社会保障局2023年部门整体支出绩效自评报告",
    year: 2023,
    unit: "寻甸回族彝族自治县人力资源和社会保障局",
    kind: "部门整体",
    sources: { title: "first-lines", year: "field:评价时段", unit: "field:单位名称", kind: "title" },
    reader: "mammoth",
  });
});

const tables = doc.blocks.filter((b): b is TableBlock => b.kind === "table");
const span = (t: TableBlock, r: number, c: number) => {
  const s = t.grid[r][c];
  return [s.anchorRow, s.anchorCol, s.rowspan, s.colspan];
};

Deno.test("sample: four tables with their sizes and sections", () => {
  eq(tables.map((t) => [t.tableIndex, t.rowCount, t.colCount]), [[0, 7, 5], [1, 42, 8], [2, 34, 5], [
    3,
    12,
    2,
  ]]);
  eq(tables.map((t) => doc.sections[t.section].path[0] ?? ""), ["", "附件3", "附件4", "附件5"]);
  for (const t of tables) {
    strictEqual(t.headerRows, 1);
    ok(t.grid.every((row) => row.length === t.colCount));
  }
});

Deno.test("sample table 1: evaluation team, signature rows span all 5 columns", () => {
  const t = tables[0];
  eq(t.grid[0].map((c) => c.text), ["评价小组\n机构职位", "姓名", "职务/职称", "所属\n单位/处室", "签字"]);
  eq(t.grid.slice(1, 5).map((r) => [r[0].text, r[4].text]), [["组长", ""], ["成员", ""], ["成员", ""], [
    "成员",
    "",
  ]]);
  for (const r of [5, 6]) {
    for (let c = 0; c < 5; c++) eq(span(t, r, c), [r, 0, 1, 5]);
    ok(t.grid[r][4].text.endsWith("2024年5月10日"));
  }
  ok(t.grid[5][0].text.startsWith("报告撰写人（签字）："));
  ok(t.grid[6][0].text.startsWith("评价工作负责人（签字）："));
});

Deno.test("sample table 2: indicator system, 一级/二级 labels merged down and restarted", () => {
  const t = tables[1];
  eq(t.grid[0].map((c) => c.text), [
    "一级指标",
    "二级  指标",
    "三级指标",
    "指标   分值",
    "得分",
    "指标解释",
    "指标评分细则",
    "数据来源",
  ]);
  // A部门决策 spans A11…A34 (rows 1–13) and restarts at A35 (row 14)
  eq(span(t, 1, 0), [1, 0, 13, 1]);
  eq(span(t, 13, 0), [1, 0, 13, 1]);
  strictEqual(t.grid[13][0].text, "A部门决策（35分）");
  eq(span(t, 14, 0), [14, 0, 1, 1]);
  strictEqual(t.grid[14][0].text, "A部门决策（35分）");
  // A1部门目标 A11–A15, A2部门职能 A21–A24, A3资源配置 A31–A34 then A35 again
  eq([span(t, 1, 1), span(t, 6, 1), span(t, 10, 1), span(t, 14, 1)], [[1, 1, 5, 1], [6, 1, 4, 1], [
    10,
    1,
    4,
    1,
  ], [
    14,
    1,
    1,
    1,
  ]]);
  eq([t.grid[5][1].text, t.grid[9][1].text], ["A1部门目标（12分）", "A2部门职能（10分）"]);
  // B部门管理: B11 alone, then B13…B53 (rows 16–27)
  eq([span(t, 15, 0), span(t, 16, 0), span(t, 27, 0)], [[15, 0, 1, 1], [16, 0, 12, 1], [16, 0, 12, 1]]);
  ok(t.grid[1][2].text.startsWith("A11部门中长期规划目标"));
  eq(t.grid[1].slice(3, 5).map((c) => c.text), ["2", "2"]);
  // total row and 合计 row
  eq(t.grid[40].slice(2, 5).map((c) => c.text), ["100分", "100", "96"]);
  strictEqual(t.grid[41][0].text, "合计");
  ok(t.grid[41].slice(1).every((c) => c.text === "" && c.anchorRow === 41));
});

Deno.test("sample table 3: questionnaire, number and question merged down 3 rows", () => {
  const t = tables[2];
  eq(t.grid[0].map((c) => c.text), ["标题序号", "问题内容", "选项内容", "标准分值", "人社局问卷数"]);
  for (let q = 0; q < 10; q++) {
    const r = 1 + 3 * q;
    strictEqual(t.grid[r][0].text, String(q + 1));
    for (let k = 0; k < 3; k++) {
      eq(span(t, r + k, 0), [r, 0, 3, 1]);
      eq(span(t, r + k, 1), [r, 1, 3, 1]);
      eq(span(t, r + k, 2), [r + k, 2, 1, 1]);
    }
  }
  ok(t.grid[1][2].text.startsWith("A.经常到基层调研"));
  eq(t.grid.slice(31).map((r) => [r[0].text, r[1].anchorCol, r[0].colspan, r[4].text]), [
    ["问卷总分", 0, 2, "4880"],
    ["有效问卷份数", 0, 2, "49"],
    ["问卷综合得分", 0, 2, "99.6"],
  ]);
});

Deno.test("sample table 4: working paper, spanning rows and merged labels", () => {
  const t = tables[3];
  for (const r of [0, 1, 2]) eq(span(t, r, 1), [r, 0, 1, 2]);
  ok(t.grid[0][0].text.startsWith("A11“部门"), "bookmarks are not text");
  ok(t.grid[1][0].text.startsWith("项目名称："));
  ok(t.grid[2][0].text.startsWith("评价机构："));
  eq(t.grid.slice(3).map((r) => r[0].text), [
    "指标解释",
    "指标权重",
    "指标权重",
    "评价标准",
    "评价标准",
    "评价标准",
    "数据来源及取数方式",
    "评价结果",
    "评价结果",
  ]);
  eq([span(t, 5, 0), span(t, 8, 0), span(t, 11, 0)], [[4, 0, 2, 1], [6, 0, 3, 1], [10, 0, 2, 1]]);
  eq([t.grid[4][1].text, t.grid[11][1].text], ["指标权重100分", "指标得分：96分"]);
});
