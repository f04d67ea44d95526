/**
 * A column whose cells state other units beside % (a 项目支出绩效自评表's 实际完成值 column, which also holds
 * the 全年执行数 of the budget rows above) mixes quantities: its bare numbers do not take %. A column of rates
 * with the sign left off some cells still does.
 */
import { strictEqual } from "node:assert";
import { Document as Docx, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { readDocument } from "../../src/ingest/index.ts";
import type { TableBlock } from "../../src/model/document.ts";
import { extract } from "../../src/extract/index.ts";

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const row = (texts: string[]) =>
  new TableRow({ children: texts.map((t) => new TableCell({ children: [p(t)] })) });

async function read(rows: string[][]) {
  const bytes = new Uint8Array(
    await Packer.toArrayBuffer(new Docx({ sections: [{ children: [new Table({ rows: rows.map(row) })] }] })),
  );
  const doc = await readDocument(bytes, { file: "t.docx", reader: "ooxml" });
  const t = doc.blocks.find((b): b is TableBlock => b.kind === "table")!;
  const unitOf = (raw: string) => extract(doc).figures.find((f) => f.raw === raw)?.unit;
  return { t, unitOf };
}

Deno.test("mixed column: 12处 and 96.5% beside a bare 497.64 — the bare number takes no %", async () => {
  const { t, unitOf } = await read([
    ["项目", "全年预算数", "实际完成值"],
    ["年度资金总额", "520.00", "497.64"],
    ["新建供水工程", "≥12处", "12处"],
    ["改造管网长度", "≥45公里", "46.3公里"],
    ["水质达标率", "≥95%", "96.5%"],
    ["工程按期完工率", "≥90%", "83.33%"],
  ]);
  strictEqual(t.columns?.[2].unit, undefined);
  strictEqual(unitOf("497.64"), "");
  strictEqual(unitOf("96.5%"), "%");
});

Deno.test("rate column with the sign left off some cells: bare numbers are still %", async () => {
  const { t, unitOf } = await read([
    ["县（区）", "2023年", "2024年"],
    ["松川县", "95%", "96.4%"],
    ["梅岗县", "93", "94.9%"],
  ]);
  strictEqual(t.columns?.[1].unit, "%");
  strictEqual(unitOf("93"), "%");
});
