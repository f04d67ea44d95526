/**
 * Issue 16, items 1 and 2 through a real batch: document text and file names reach summary.md inert (no
 * HTML, no links when a permissive renderer shows it) and summary.csv without a live formula, with the
 * numeric columns still numbers.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import Papa from "papaparse";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { runBatch } from "../../src/batch/index.ts";
import { markdownToHtml } from "../render/hostile.ts";

const BODY = "一、部门概况\n本局共有在职人员32人，2023年预算执行率为98.5%，详见https://e.example/report。";

async function docx(lines: string[]): Promise<Uint8Array> {
  const children = lines.map((t) => new Paragraph({ children: [new TextRun(t)] }));
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

const IMG_TITLE = "<img src=x onerror=alert(1)>某局2023年度部门整体支出绩效自评报告";
const FORMULA_TITLE = '=HYPERLINK("http://e.example/?a=1","点此")某局2023年度部门整体支出绩效自评报告';
/** A title the metadata reader accepts as it is, so that the formula text reaches the 标题 cell. */
const SUM_TITLE = "=1+2某县某局2023年度部门整体支出绩效自评报告";

/** One folder: the two reports, under hostile names, and an unreadable one whose name is HTML. */
async function hostileArchive(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "batch-escape-" });
  await Deno.writeFile(
    path.join(dir, "<img src=x onerror=alert(2)>.docx"),
    await docx([IMG_TITLE, ...BODY.split("\n")]),
  );
  await Deno.writeFile(
    path.join(dir, "-2+3+cmd|' calc'!A0.docx"),
    await docx([FORMULA_TITLE, ...BODY.split("\n")]),
  );
  await Deno.writeFile(path.join(dir, "sum.docx"), await docx([SUM_TITLE, ...BODY.split("\n")]));
  await Deno.writeTextFile(path.join(dir, "<svg onload=alert(3)>.docx"), "这不是 Word 文档");
  return dir;
}

Deno.test("batch summaries (issue 16.1, 16.2): hostile titles and file names are inert in summary.md and summary.csv", async () => {
  const dir = await hostileArchive();
  const out = path.join(dir, ".out");
  try {
    const s = await runBatch({ inputs: [dir], outDir: out, jobs: 1, progress: "none" });
    assert.equal(s.discovered, 4);

    // 16.1: summary.md holds no tag and, rendered with raw HTML and linkify on, no element from the text.
    const md = await Deno.readTextFile(path.join(out, "summary.md"));
    assert.ok(md.includes("&lt;img src=x onerror=alert(1)&gt;某局"), "the title is shown, escaped");
    assert.ok(!/<img|<svg/i.test(md), md);
    const html = markdownToHtml(md);
    assert.ok(!/<img|<svg|<a\s/i.test(html), html);
    assert.ok(html.includes("&lt;img src=x onerror=alert(2)&gt;.docx"), "the file name is shown, escaped");
    assert.ok(html.includes("&lt;svg onload=alert(3)&gt;.docx"), "so is an unreadable one's");

    // 16.2: the 标题 and 单位 cells of the HYPERLINK report are text; no cell is a live formula.
    const text = (await Deno.readTextFile(path.join(out, "summary.csv"))).replace(/^\uFEFF/, "");
    const [head, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const col = (name: string) => head.indexOf(name);
    // The HYPERLINK line is not read as a title (it is no title), and nothing of it is live anywhere.
    const hyper = rows.find((r) => r[col("文件")].includes("cmd"));
    assert.ok(hyper, text);
    assert.ok(hyper[col("标题")] === "" || hyper[col("标题")].startsWith("'="), hyper[col("标题")]);
    const sum = rows.find((r) => r[col("文件")].endsWith("sum.docx"));
    assert.ok(sum, text);
    assert.equal(sum[col("标题")], `'${SUM_TITLE}`);
    for (const cell of rows.flat()) assert.ok(!/^[\s\u3000]*[=+\-@\t\r＝＋－＠]/.test(cell), `live: ${cell}`);
    // Rank, year and counts are numbers we produce: written unquoted, as numbers.
    for (const line of text.trimEnd().split("\r\n").slice(1)) {
      assert.match(line, /^\d+,"/, `rank is an unquoted number: ${line}`);
      assert.match(line, /,"[^"]*",\d+,\d+,\d+,"/, `counts unquoted: ${line}`);
    }
    assert.ok(text.includes(',2023,"'), "the year is an unquoted number");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
