/**
 * Tables as reviewers meet them: blank continuation cells, header rows repeated after a page break (Word's
 * "repeat as header row" and identical rows), two-row headers without merges, 小计/合计 rows anywhere, units
 * in headers and captions, percent signs in some cells only. Fixtures are built with the `docx` package.
 */
import { deepStrictEqual as eq, strictEqual } from "node:assert";
import { Document as Docx, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { readDocument } from "../../src/ingest/index.ts";
import { Document, type TableBlock } from "../../src/model/document.ts";
import { extract } from "../../src/extract/index.ts";

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const row = (texts: string[], header = false) =>
  new TableRow({ tableHeader: header, children: texts.map((t) => new TableCell({ children: [p(t)] })) });

async function readTable(before: string[], rows: TableRow[]): Promise<{ doc: Document; t: TableBlock }> {
  const children = [...before.map(p), new Table({ rows }), p("表后说明。")];
  const bytes = new Uint8Array(await Packer.toArrayBuffer(new Docx({ sections: [{ children }] })));
  const doc = await readDocument(bytes, { file: "t.docx", reader: "ooxml" });
  Document.parse(doc);
  return { doc, t: doc.blocks.find((b): b is TableBlock => b.kind === "table")! };
}

Deno.test("questionnaire: blank question cells continue the question above; text stays blank", async () => {
  const { t } = await readTable([], [
    row(["问题", "选项", "人数", "占比"]),
    row(["您对服务是否满意", "满意", "80", "80%"]),
    row(["", "基本满意", "15", "15%"]),
    row(["", "不满意", "5", "5"]),
    row(["您对效率是否满意", "满意", "90", "90%"]),
    row(["", "不满意", "10", "10%"]),
    row(["", "", "100", ""]), // a bare totals row continues nothing
  ]);
  const cont = t.grid.flat().filter((c) => c.continuesFrom !== undefined).map((
    c,
  ) => [c.row, c.col, c.continuesFrom]);
  eq(cont, [[2, 0, 1], [3, 0, 1], [5, 0, 4]]);
  strictEqual(t.grid[2][0].text, "");
  // 占比 is a rate column; 人数 has no unit
  eq(t.columns?.map((c) => [c.header, c.unit, c.unitSource]), [
    ["问题", undefined, undefined],
    ["选项", undefined, undefined],
    ["人数", undefined, undefined],
    ["占比", "%", "rate-name"],
  ]);
});

Deno.test("indicator table: group labels continue over two levels; 小计 and 合计 rows are marked", async () => {
  const { t } = await readTable([], [
    row(["一级指标", "二级指标", "三级指标", "分值", "得分"]),
    row(["决策", "目标", "目标明确性", "5", "5"]),
    row(["", "", "目标合理性", "5", "4"]),
    row(["", "投入", "预算编制", "10", "9"]),
    row(["决策小计", "", "", "20", "18"]),
    row(["产出", "数量", "完成数量", "30", "30"]),
    row(["合  计", "", "", "50", "48"]),
  ]);
  eq(t.rows, ["header", "body", "body", "body", "subtotal", "body", "total"]);
  const cont = t.grid.flat().filter((c) => c.continuesFrom !== undefined).map((
    c,
  ) => [c.row, c.col, c.continuesFrom]);
  eq(cont, [[2, 0, 1], [2, 1, 1], [3, 0, 1]]);
});

Deno.test("a header row repeated after a page break is marked, Word's header rows counted", async () => {
  const header = ["项目", "金额（万元）"];
  const { t } = await readTable([], [
    row(header, true),
    row(["基本支出", "80.5"]),
    row(["项目支出", "1,200.00"]),
    row(header),
    row(["其他支出", "19.5"]),
    row(["合计", "1,300.00"]),
  ]);
  strictEqual(t.headerRows, 1);
  eq(t.rows, ["header", "body", "body", "repeated-header", "body", "total"]);
  eq([t.columns?.[1].unit, t.columns?.[1].scale, t.columns?.[1].unitSource], ["万元", 10000, "header"]);
});

Deno.test("two-row header without merges: 预算执行情况 over 预算数/执行数/执行率 gives header paths", async () => {
  const { t } = await readTable([], [
    row(["项目", "预算执行情况（万元）", "", ""]),
    row(["", "预算数", "执行数", "执行率"]),
    row(["年度资金总额", "50", "45", "90%"]),
    row(["其中：财政拨款", "40", "40", "100%"]),
  ]);
  strictEqual(t.headerRows, 2);
  eq(t.columns?.map((c) => [c.path, c.unit, c.unitSource]), [
    [["项目"], undefined, undefined],
    [["预算执行情况（万元）", "预算数"], "万元", "group-header"],
    [["预算执行情况（万元）", "执行数"], "万元", "group-header"],
    [["预算执行情况（万元）", "执行率"], "%", "rate-name"],
  ]);
});

Deno.test("caption 单位：万元 above the table; percent signs in some cells only; figures take the unit", async () => {
  const { doc, t } = await readTable(["表1 收入支出情况", "单位：万元"], [
    row(["项目", "本年数", "上年数", "增长"]),
    row(["收入合计", "1,868.58", "1,760.86", "6.12%"]),
    row(["支出合计", "1,850.00", "1,700.00", "8.8"]),
  ]);
  eq(t.unit, { unit: "万元", scale: 10000 });
  eq(t.rows, ["header", "total", "total"]);
  eq(t.columns?.map((c) => [c.unit, c.unitSource]), [
    [undefined, undefined],
    ["万元", "caption"],
    ["万元", "caption"],
    ["%", "cells"],
  ]);
  const figs = extract(doc).figures.filter((f) => f.loc.table?.index === 0 && f.loc.table.row === 1);
  const cell = figs.find((f) => f.loc.table?.col === 1)!;
  eq([cell.stated, cell.unit, cell.value, cell.unitInferred], [1868.58, "元", 18685800, true]);
});

Deno.test("near miss: a one-row-header table with text in the second row keeps one header row", async () => {
  const { t } = await readTable([], [
    row(["指标", "说明", ""]),
    row(["产出", "数量指标", "完成"]),
    row(["效益", "社会效益", "良好"]),
  ]);
  strictEqual(t.headerRows, 1);
  eq(t.rows, ["header", "body", "body"]);
});
