/**
 * Ingest time per format (issue 14): the sample report as .docx, and converted by LibreOffice to .doc and
 * PDF (at bench start, into a temporary folder; skipped without soffice), through readDocument; and the
 * 自评表 fixture as .xlsx, read by this project's reader vs exceljs (the choice the issue asks to measure),
 * also on a generated 500-row 自评表.
 *
 * deno bench --unsafe-proto --allow-read --allow-write --allow-env --allow-sys --allow-run bench/formats_bench.ts
 */
import ExcelJS from "exceljs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { readDocument } from "../src/ingest/index.ts";
import { sofficeAvailable } from "../src/ingest/soffice.ts";
import { soffice, writeXlsx } from "../test/fixtures/formats.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SAMPLE = path.join(ROOT, "samples/xundian-hrss-2023-self-evaluation.docx");
const FIXTURE = path.join(ROOT, "samples/fixtures/formats/zipingbiao.xlsx");

const docx = await Deno.readFile(SAMPLE);
const converted: Record<string, Uint8Array> = {};
if (await sofficeAvailable()) {
  const dir = await Deno.makeTempDir({ prefix: "jixiao-bench-" });
  for (const ext of ["doc", "pdf"]) {
    if (await soffice(SAMPLE, ext, dir)) {
      converted[ext] = await Deno.readFile(path.join(dir, `xundian-hrss-2023-self-evaluation.${ext}`));
    }
  }
  await Deno.remove(dir, { recursive: true });
} else {
  console.error("soffice not installed: the .doc and PDF benches are skipped");
}

Deno.bench("sample .docx (ooxml reader)", { group: "sample", baseline: true }, async () => {
  await readDocument(docx, { file: "sample.docx" });
});
if (converted.doc) {
  const bytes = converted.doc;
  Deno.bench(
    `sample .doc (word-extractor + marks, ${bytes.length >> 10} KB)`,
    { group: "sample" },
    async () => {
      await readDocument(bytes, { file: "sample.doc" });
    },
  );
}
if (converted.pdf) {
  const bytes = converted.pdf;
  Deno.bench(`sample PDF (unpdf, ${bytes.length >> 10} KB)`, { group: "sample" }, async () => {
    await readDocument(bytes, { file: "sample.pdf" });
  });
}

/** A 自评表 with `n` indicator rows, written by exceljs. */
async function bigXlsx(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.addRow(["2023年度项目支出绩效自评表"]);
  ws.mergeCells("A1:G1");
  ws.addRow(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
  for (let i = 0; i < n; i++) {
    const row = ws.addRow(["产出指标", "数量指标", `指标${i}`, "1000人", 0.95 + (i % 5) / 100, 10, 9.5]);
    row.getCell(5).numFmt = "0.0%";
    row.getCell(6).numFmt = "#,##0.00";
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** exceljs as the reader would use it: every cell's text (formatted value) of every sheet. */
async function readWithExceljs(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  // deno-lint-ignore no-explicit-any
  await wb.xlsx.load(bytes.buffer as any);
  let cells = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => cells++)));
  return cells;
}

const small = await Deno.readFile(FIXTURE);
const big = await bigXlsx(500);
const fixtureAgain = await writeXlsx();
for (const [label, bytes] of [["自评表 fixture", small], ["500-row 自评表", big]] as const) {
  Deno.bench(`${label}: own .xlsx reader (readDocument)`, { group: label, baseline: true }, async () => {
    await readDocument(bytes, { file: "t.xlsx" });
  });
  Deno.bench(`${label}: exceljs load + cell walk (no Document)`, { group: label }, async () => {
    await readWithExceljs(bytes);
  });
}
void fixtureAgain;
