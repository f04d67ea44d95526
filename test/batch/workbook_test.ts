/**
 * Issue 13, item 2: one batch writes 审核结果.xlsx (汇总, 问题清单, 未处理文件), an HTML report per document
 * and, with --annotate, one annotated copy per .docx named after its input. The workbook is read back with
 * exceljs: sheets, headers, rows, filters, frozen header, no formula anywhere, hostile text defused.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { runBatch } from "../../src/batch/index.ts";
import {
  FINDINGS_HEADER,
  SHEETS,
  SUMMARY_HEADER,
  UNPROCESSED_HEADER,
  writeWorkbook,
} from "../../src/batch/workbook.ts";
import { Store } from "../../src/batch/store.ts";
import { jsonl, opts, SAMPLE } from "./helpers.ts";

async function docx(lines: string[]): Promise<Uint8Array> {
  const children = lines.map((t) => new Paragraph({ children: [new TextRun(t)] }));
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

const FORMULA_TITLE = "=1+2某县某局2023年度部门整体支出绩效自评报告";
/** A paragraph long enough to be reported when repeated, starting like a formula. */
const REPEATED = "-2+3+cmd|' /C calc'!A0 本局2023年共开展就业培训12期，培训农民工560人次，帮助就业320人。";
const HOSTILE_NAME = "=HYPERLINK(1)报告.docx";
const CLOCK = new Date("2024-05-01T06:03:22Z");

async function archive(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "batch-13-" });
  for (const sub of ["甲局", "乙局"]) {
    await Deno.mkdir(path.join(dir, sub));
    await Deno.copyFile(SAMPLE, path.join(dir, sub, "自评报告.docx"));
  }
  await Deno.writeFile(
    path.join(dir, HOSTILE_NAME),
    await docx([FORMULA_TITLE, "一、部门概况", REPEATED, "二、绩效目标", REPEATED]),
  );
  await Deno.writeTextFile(path.join(dir, "说明.txt"), "不是报告");
  await Deno.writeTextFile(path.join(dir, "扫描件.pdf"), "%PDF-1.4 不完整");
  await Deno.writeTextFile(path.join(dir, "~$自评报告.docx"), "lock");
  return dir;
}

type Cell = ExcelJS.Cell;

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function allCells(wb: ExcelJS.Workbook): Cell[] {
  const cells: Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c))));
  return cells;
}

Deno.test("batch: 审核结果.xlsx, per-document reports and --annotate copies, read back", async () => {
  const dir = await archive();
  const out = path.join(dir, "结果");
  try {
    const summary = await runBatch(opts([dir], out, { annotate: true, now: () => CLOCK, jobs: 2 }));
    assert.equal(summary.outputs.workbook, path.join(out, "审核结果.xlsx"));
    assert.equal(summary.ignored, 2, "说明.txt and the lock file");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await Deno.readFile(summary.outputs.workbook)).buffer as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), [SHEETS.summary, SHEETS.findings, SHEETS.unprocessed]);

    // Every sheet: Chinese header, frozen under it, a filter over every column.
    const headers = [SUMMARY_HEADER, FINDINGS_HEADER, UNPROCESSED_HEADER];
    wb.worksheets.forEach((ws, i) => {
      assert.deepEqual(rowsOf(ws)[0], headers[i], ws.name);
      const view = ws.views[0] as { state: string; ySplit?: number };
      assert.equal(view.state, "frozen", ws.name);
      assert.equal(view.ySplit, 1, ws.name);
      assert.ok(ws.autoFilter, `${ws.name} has a filter`);
      assert.match(String(ws.autoFilter), /^A1:[A-Z]+\d+$/, ws.name);
      assert.ok((ws.getColumn(1).width ?? 0) >= 20, `${ws.name}: a wide file column`);
    });

    // No cell is a formula; no text cell starts with what a spreadsheet would take for one.
    const cells = allCells(wb);
    assert.ok(cells.length > 100);
    for (const c of cells) {
      assert.notEqual(c.type, ExcelJS.ValueType.Formula, `${c.address} is a formula`);
      if (typeof c.value === "string") assert.doesNotMatch(c.value, /^[=+\-@]/, `${c.address}: ${c.value}`);
    }

    // 汇总: one row per document, the hostile file name and title defused, links to files that exist.
    const docs = rowsOf(wb.getWorksheet(SHEETS.summary)!).slice(1);
    const lines = await jsonl(out);
    assert.equal(docs.length, lines.length);
    assert.equal(docs.length, 4, "two copies of the sample, the hostile report, the PDF");
    const hostile = docs.find((r) => String(r[0]).includes("HYPERLINK"))!;
    assert.equal(hostile[0], path.join(dir, HOSTILE_NAME), "a path starting with / is not formula-like");
    assert.equal(hostile[1], `'${FORMULA_TITLE}`);
    const sample = docs.find((r) => String(r[0]).includes("甲局"))!;
    assert.equal(sample[3], 2023);
    assert.equal(sample[5], "完成");
    assert.equal(typeof sample[6], "number");
    assert.match(String(sample[12]), /^错误·[^×]+×\d+/, "main problems in Chinese, worst first");
    const link = sample[13] as { hyperlink: string; text: string };
    assert.equal(link.text, "打开报告");
    assert.equal(link.hyperlink, "reports/甲局_自评报告.html");
    assert.ok((await Deno.stat(path.join(out, link.hyperlink))).isFile);
    assert.equal((sample[14] as { hyperlink: string }).hyperlink, "甲局_自评报告.审核批注.docx");
    const pdf = docs.find((r) => String(r[0]).endsWith("扫描件.pdf"))!;
    assert.equal(pdf[5], "未能审核");

    // 问题清单: one row per finding, Chinese rule name beside its id, places as Word shows them.
    const findings = rowsOf(wb.getWorksheet(SHEETS.findings)!).slice(1);
    const total = lines.reduce(
      (n, l) => n + ((l as unknown as { findings?: unknown[] }).findings?.length ?? 0),
      0,
    );
    assert.equal(findings.length, total);
    const conflict = findings.find((r) => r[3] === "conflicting-figure")!;
    assert.match(String(conflict[2]), /\p{Script=Han}/u);
    assert.equal(conflict[4], "错误");
    assert.match(String(conflict[7]), / › 第\d+段“[^”]+”/, String(conflict[7]));
    assert.ok(findings.some((r) => r[10]), "a 修改建议 column with hints");
    const dup = findings.find((r) => String(r[0]).includes("HYPERLINK") && r[3] === "duplicate-paragraph")!;
    assert.ok(String(dup[6]).startsWith("'-2+3"), "a quote starting like a formula is defused");

    // 未处理文件: the failed PDF, the text file and the lock file, each with why.
    const unprocessed = rowsOf(wb.getWorksheet(SHEETS.unprocessed)!).slice(1);
    const why = (name: string) => unprocessed.find((r) => String(r[0]).endsWith(name));
    assert.ok(why("扫描件.pdf"), "failed file listed");
    assert.equal(why("说明.txt")?.[1], "不是报告文件");
    assert.equal(why("~$自评报告.docx")?.[1], "临时锁文件");

    // Per-document outputs named after the inputs, the two 自评报告.docx told apart by their folders.
    const reports = [...Deno.readDirSync(path.join(out, "reports"))].map((e) => e.name).sort();
    assert.deepEqual(reports, [
      "=HYPERLINK(1)报告.html",
      "乙局_自评报告.html",
      "扫描件.html",
      "甲局_自评报告.html",
    ]);
    const annotated = [...Deno.readDirSync(out)].map((e) => e.name).filter((n) =>
      n.endsWith(".审核批注.docx")
    );
    assert.deepEqual(annotated.sort(), [
      "=HYPERLINK(1)报告.审核批注.docx",
      "乙局_自评报告.审核批注.docx",
      "甲局_自评报告.审核批注.docx",
    ]);
    const html = await Deno.readTextFile(path.join(out, "reports", "甲局_自评报告.html"));
    assert.match(html, /@page \{ size: A4/);

    // Local time with a fixed clock: Asia/Shanghai by default.
    const md = await Deno.readTextFile(summary.outputs.summaryMd);
    assert.match(md, /生成时间：2024-05-01 14:03:22（Asia\/Shanghai，UTC\+8）/);
    assert.match(md, /## 未审核的文件[\s\S]*说明\.txt/);
    assert.equal(wb.description, "生成时间：2024-05-01 14:03:22（Asia/Shanghai，UTC+8）");

    // A re-run skips what is done, and keeps every output.
    const again = await runBatch(opts([dir], out, { annotate: true, now: () => CLOCK }));
    assert.equal(again.audited, 0);
    assert.equal(again.skipped, 4);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("workbook: the time zone is configurable; an empty store gives headers only", async () => {
  const dir = await Deno.makeTempDir({ prefix: "wb-13-" });
  try {
    const store = new Store(path.join(dir, "audit.db"));
    const file = path.join(dir, "审核结果.xlsx");
    try {
      await writeWorkbook(store, file, { now: CLOCK, timeZone: "UTC" });
    } finally {
      store.close();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await Deno.readFile(file)).buffer as ArrayBuffer);
    assert.equal(wb.description, "生成时间：2024-05-01 06:03:22（UTC，UTC+0）");
    for (const ws of wb.worksheets) assert.equal(ws.rowCount, 1, ws.name);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
