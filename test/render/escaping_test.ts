/**
 * Issue 16, items 2 (per-file CSV), 4 (terminal) and 5 (Markdown): document text and file names reach
 * every output inert. Each test feeds the example through the real rules and renderer.
 */
import assert from "node:assert/strict";
import Papa from "papaparse";
import { renderCsv } from "../../src/render/csv.ts";
import { renderTerminal } from "../../src/render/terminal.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderHtml } from "../../src/render/html.ts";
import {
  csvCell,
  csvValue,
  escapeHtml,
  escapeMarkdownInline,
  safeTerminalText,
} from "../../src/render/escape.ts";
import { safeTerminalText as fromCommon } from "../../src/render/common.ts";
import { auditedInput, markdownToHtml, twice } from "./hostile.ts";

const CALC = "-2+3+cmd|' /C calc'!A0 本单位严格按照预算管理要求执行，预算执行率达到98.5%。";

/** Cells a spreadsheet would run as a formula (OWASP): after a leading apostrophe none is left. */
const FORMULA = /^[\s\u3000]*[=+\-@\t\r\n\0＝＋－＠]/;

Deno.test("csv (issue 16.2): '-2+3+cmd|…' from the document is defused in the per-file CSV", () => {
  const input = auditedInput("=cmd.docx", twice(CALC));
  assert.ok(input.report.documents[0].findings.length > 0, "the paragraph is quoted by some finding");
  const csv = renderCsv(input);
  const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
  const quoted = rows.filter((r) => r[5].includes("cmd|"));
  assert.ok(quoted.length > 0);
  for (const r of quoted) assert.ok(r[5].startsWith("'-2+3+cmd|"), r[5]);
  assert.equal(rows[0][0], "'=cmd.docx", "a file name is text too");
  for (const cell of rows.flat()) assert.ok(!FORMULA.test(cell), `live formula cell: ${cell}`);
  assert.ok(!csv.includes(",-2+3"), "not written raw");
});

Deno.test("csvCell: = + - @ tab CR LF NUL and full-width forms, also after blanks; other text untouched", () => {
  for (const c of ["=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠"]) {
    assert.equal(csvCell(`${c}1+1`), `'${c}1+1`, JSON.stringify(c));
  }
  assert.equal(csvCell("-3.5%"), "'-3.5%", "a minus before a digit is not exempt for text");
  assert.equal(csvCell(' =HYPERLINK("http://e.example")'), `' =HYPERLINK("http://e.example")`);
  assert.equal(csvCell("\u3000@SUM(A1)"), "'\u3000@SUM(A1)");
  for (const plain of ["预算执行率98.5%", "3-2", "a=b", "", "'已转义"]) assert.equal(csvCell(plain), plain);
  assert.equal(csvValue(-3.5), -3.5, "a number we produced stays a number");
  assert.equal(csvValue("-3.5"), "'-3.5");
  assert.equal(csvValue(null), "");
});

const HOSTILE = "\x1b]0;owned\x07\x1b[2J清屏\x1b[31m变红\x9b2J\u202e反向\u2066x\u2069\r覆盖\t制表";

Deno.test("safeTerminalText: ESC/CSI/OSC sequences, C0/C1 controls and bidi controls gone, newline kept", () => {
  assert.equal(safeTerminalText(HOSTILE), "清屏变红反向x覆盖 制表");
  assert.equal(safeTerminalText("第一行\n第二行"), "第一行\n第二行");
  assert.equal(safeTerminalText("\x1bP1$r\x1b\\dcs\x9d8;;http://e\x9c链接"), "dcs链接");
  assert.equal(
    safeTerminalText("半截\x1b]0;无终止"),
    "半截0;无终止",
    "an unterminated OSC loses its introducer",
  );
  assert.equal(fromCommon, safeTerminalText, "exported from common.ts for other printers");
});

/** Only the renderer's own SGR colour codes may remain. */
const SGR = new RegExp(String.raw`\x1b\[[0-9;]*m`, "g");
const LEFT_OVER = new RegExp(String.raw`[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]`);

function assertNoControls(out: string) {
  const rest = out.replace(SGR, "");
  assert.ok(!LEFT_OVER.test(rest), JSON.stringify(rest));
}

Deno.test("terminal (issue 16.4): ESC ]0;title BEL and ESC [2J in a paragraph and a file name do not reach the terminal", () => {
  const para =
    "\x1b]0;被改的窗口标题\x07\x1b[2J本单位严格按照预算管理要求执行，预算执行率达到98.5%，全年完成各项工作。";
  const file = "报告\x1b]0;title\x07\x1b[2J.docx";
  const input = auditedInput(file, [
    "\x1b[2J某局2023年度部门整体支出绩效自评报告",
    ...twice(para),
  ]);
  assert.ok(input.report.documents[0].findings.some((f) => f.evidence.some((e) => e.quote.includes("\x1b"))));
  for (const color of [false, true]) {
    const out = renderTerminal({ ...input, color });
    assertNoControls(out);
    assert.ok(out.includes("报告.docx"), "the file name is still shown");
    assert.ok(out.includes("本单位严格按照预算管理要求执行"), "the quote is still shown");
    assert.ok(!out.includes("被改的窗口标题"), "the OSC payload is removed with its sequence");
  }
  const failed = structuredClone(input.report);
  failed.documents[0] = {
    ...failed.documents[0],
    status: "error",
    findings: [],
    error: { code: "not-docx", message: `文件 ${file} 不是有效的 .docx 文件。` },
  };
  assertNoControls(renderTerminal({ ...input, report: failed }));
});

Deno.test("markdown (issue 16.5): a bare https URL from the document is code, not a link", () => {
  const url = "https://e.example/login?a=1&b=2";
  const input = auditedInput(
    "网址.docx",
    twice(`详见${url}，本单位严格按照预算管理要求执行，预算执行率达到98.5%。`),
  );
  const md = renderMarkdown(input);
  assert.ok(md.includes("`" + url + "`"), md);
  const html = markdownToHtml(md);
  assert.ok(!/<a\s/i.test(html), html);
  assert.ok(html.includes("<code>https://e.example/login?a=1&amp;b=2</code>"), html);
});

Deno.test("markdown: document text in meta, quotes and file names is inert (no HTML, no links, no markup)", () => {
  const title = "<img src=x onerror=alert(1)>某局2023年度部门整体支出绩效自评报告";
  const input = auditedInput("<script>alert(2)</script>[x](javascript:alert(3)).docx", [
    ...twice("**加粗** www.e.example 与 user@e.example 及 e.cn、<b>标签</b>，预算执行率达到98.5%。"),
  ], { title });
  const html = markdownToHtml(renderMarkdown(input));
  for (const bad of [/<img/i, /<script/i, /<a\s/i, /<b>/i, /<strong>/i]) assert.ok(!bad.test(html), `${bad}`);
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;某局"), html);
  assert.ok(html.includes("<code>www.e.example</code>"));
  assert.ok(html.includes("<code>user@e.example</code>"));
  assert.ok(html.includes("<code>e.cn</code>"));
});

Deno.test("escapeMarkdownInline: links quoted as code; markup and HTML escaped; plain figures untouched", () => {
  assert.equal(escapeMarkdownInline("见 https://e.example/a_b 页"), "见 `https://e.example/a_b` 页");
  assert.equal(escapeMarkdownInline("http://x.cn|y"), "`http://x.cn`\\|y", "a pipe ends the code span");
  assert.equal(escapeMarkdownInline("<img src=x>"), "&lt;img src=x&gt;");
  assert.equal(escapeMarkdownInline("&#60;b&#62;"), "&amp;#60;b&amp;#62;");
  assert.equal(escapeMarkdownInline("- 项\n1. 第一"), "\\- 项\n1\\. 第一");
  assert.equal(
    escapeMarkdownInline("预算执行率98.5%，版本0.1.0，报告.docx"),
    "预算执行率98.5%，版本0.1.0，报告.docx",
  );
});

Deno.test("html: the shared escapeHtml covers text and attributes", () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
  );
  const input = auditedInput("<img src=x onerror=alert(1)>.docx", twice(CALC), {
    title: "<script>alert(1)</script>某局2023年度部门整体支出绩效自评报告",
  });
  const out = renderHtml(input);
  assert.ok(!out.includes("<img src=x"));
  assert.ok(!out.includes("<script>alert"));
});

Deno.test("text output end to end (issue 16.4): a CSV table and file names with ESC sequences, stdout and stderr clean", async () => {
  const dir = await Deno.makeTempDir({ prefix: "term-escape-" });
  try {
    const cell =
      "\x1b]0;被改的窗口标题\x07\x1b[2J本单位严格按照预算管理要求执行预算执行率达到百分之九十八点五全年完成各项工作任务";
    const table = `项目,说明\nA,${cell}\nB,${cell}\n`;
    await Deno.writeTextFile(`${dir}/r\x1b]0;t\x07\x1b[2J.csv`, table);
    await Deno.writeTextFile(`${dir}/g\x1b[2J.docx`, "这不是 Word 文档");
    const main = new URL("../../src/cli/main.ts", import.meta.url).pathname;
    const args = ["run", "--unsafe-proto", "--allow-read", "--allow-env", "--allow-sys", main];
    const files = [...Deno.readDirSync(dir)].map((e) => `${dir}/${e.name}`).sort();
    const { stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [...args, ...files],
      env: { NO_COLOR: "1" },
    }).output();
    const [out, err] = [new TextDecoder().decode(stdout), new TextDecoder().decode(stderr)];
    assert.ok(out.includes("本单位严格按照预算管理要求执行"), out + err);
    assert.ok(out.includes("r.csv") && err.includes("g.docx"), out + err);
    for (const s of [out, err]) assertNoControls(s);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
