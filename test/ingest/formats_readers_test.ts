/**
 * The .xlsx, .doc/.wps and PDF readers (issue 14): each fixture is the same 自评表 as zipingbiao.docx and
 * must read into the same paragraphs and grids (PDF: the same text; the table from its ruling lines).
 */
import assert from "node:assert/strict";
import { readDocument } from "../../src/ingest/index.ts";
import { IngestError } from "../../src/ingest/errors.ts";
import { formatValue } from "../../src/ingest/xlsx-numfmt.ts";
import { auditBytes } from "../../src/audit.ts";
import { fixture, shape } from "./formats_helpers.ts";

const read = async (name: string) => readDocument(await fixture(name), { file: name });

Deno.test("xlsx number formats: percentages, thousands, decimals, literals, dates, General", () => {
  const cases: [number, string, string][] = [
    [0.125, "0.0%", "12.5%"],
    [0.125, "0%", "13%"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [12345678, "#,##0,", "12,346"],
    [1234.5, '0.00"万元"', "1234.50万元"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"],
    [0.1 + 0.2, "General", "0.3"],
    [45292, "yyyy/m/d", "2024/1/1"],
    [45292, 'yyyy"年"m"月"d"日"', "2024年1月1日"],
    [45292.5, "yyyy-mm-dd hh:mm", "2024-01-01 12:00"],
    [0.00001, "0.00E+00", "1.00E-05"],
  ];
  for (const [v, f, want] of cases) assert.equal(formatValue(v, f), want, `${v} under ${f}`);
  // near miss: a value without a format is General, not a percentage
  assert.equal(formatValue(0.125, undefined), "0.125");
});

Deno.test(".xlsx reads into the same paragraphs and grid as the same form in Word", async () => {
  const docx = shape(await read("zipingbiao.docx"));
  const xlsx = await read("zipingbiao.xlsx");
  assert.deepEqual(shape(xlsx), docx);
  // merged cells resolved, formats honoured, the formula's cached value, the hidden sheet noted
  const grid = (xlsx.blocks.find((b) => b.kind === "table") as { grid: { text: string }[][] }).grid;
  assert.equal(grid[0][6].text, "某县农村劳动力转移就业培训项目");
  assert.deepEqual(grid[3].slice(1, 4).map((c) => c.text), ["1,234.50", "987.60", "80.00%"]);
  assert.equal(grid[10][6].text, "90");
  assert.ok(xlsx.diagnostics.some((d) => d.code === "xlsx-hidden-sheets" && d.message.includes("说明")));
});

Deno.test(".doc and .wps (Word 97 binary) read into the same paragraphs and grid as the .docx", async () => {
  const docx = shape(await read("zipingbiao.docx"));
  for (const name of ["zipingbiao.doc", "zipingbiao.wps"]) {
    const doc = await read(name);
    assert.equal(doc.meta.reader, "doc");
    assert.deepEqual(shape(doc), docx, name);
  }
});

Deno.test("PDF: text, the ruled table as in the .docx, every block with its page", async () => {
  const pdf = await read("zipingbiao.pdf");
  assert.equal(pdf.meta.reader, "pdf");
  assert.ok(pdf.blocks.every((b) => b.page === 1));
  assert.equal(pdf.meta.title, "2023年度项目支出绩效自评表");
  // the ruling lines give the .docx's grid, merged cells included
  assert.deepEqual(shape(pdf).tables, shape(await read("zipingbiao.docx")).tables);
});

/** A one-page PDF whose page has no text (only a filled rectangle): what a scan looks like to a reader. */
function scannedPdf(): Uint8Array {
  const content = "0 0 1 rg 10 10 100 100 re f";
  const objects = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

Deno.test("a PDF without a text layer → needs-ocr in Chinese, not an empty audit", async () => {
  const { result } = await auditBytes("扫描件.pdf", scannedPdf());
  assert.equal(result.status, "error");
  assert.equal(result.error?.code, "needs-ocr");
  assert.match(result.error!.message, /需要OCR/);
  assert.match(result.error!.message, /扫描件\.pdf/);
});

Deno.test("a damaged PDF → bad-pdf", async () => {
  const bytes = new TextEncoder().encode("%PDF-1.7\n...");
  await assert.rejects(() => readDocument(bytes, { file: "坏.pdf" }), (e: unknown) => {
    assert.ok(e instanceof IngestError);
    assert.equal(e.code, "bad-pdf");
    assert.match(e.message, /坏\.pdf/);
    return true;
  });
});

Deno.test("the fixtures of every format audit to the same findings as the .docx", async () => {
  const key = (r: Awaited<ReturnType<typeof auditBytes>>) =>
    r.result.findings.map((f) => `${f.rule}|${f.severity}|${f.message}`).sort();
  const docx = await auditBytes("zipingbiao.docx", await fixture("zipingbiao.docx"));
  assert.equal(docx.result.status, "ok");
  assert.ok(docx.result.findings.length > 0, "the form's note has a ratio that does not follow");
  for (const name of ["zipingbiao.xlsx", "zipingbiao.doc", "zipingbiao.wps", "zipingbiao.pdf"]) {
    const r = await auditBytes(name, await fixture(name));
    assert.equal(r.result.status, "ok", name);
    assert.deepEqual(key(r), key(docx), name);
  }
});

Deno.test("evidence from a PDF carries the page", async () => {
  const { result, audited } = await auditBytes("zipingbiao.pdf", await fixture("zipingbiao.pdf"));
  assert.equal(result.status, "ok");
  assert.ok(audited!.findings.length > 0);
  for (const f of audited!.findings) for (const e of f.evidence) assert.equal(e.page, 1);
});
