import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { readDocument } from "../../src/ingest/index.ts";
import { annotate } from "../../src/render/docx/annotate.ts";
import { auditFile } from "../../src/audit.ts";
import { RULES } from "../../checks/index.ts";
import { main } from "../../src/cli/main.ts";
import { readBack } from "./docx_read_back.ts";
import { annotatedFixture, findingsFor } from "./docx_annotate_fixture.ts";

const rules = RULES.map((r) => r.meta);
const SAMPLE = "samples/xundian-hrss-2023-self-evaluation.docx";
const date = new Date("2024-06-01T02:00:00Z");
/** The entries an annotation may rewrite or add; every other entry must keep its bytes. */
const EDITABLE = new Set([
  "word/document.xml",
  "word/comments.xml",
  "[Content_Types].xml",
  "word/_rels/document.xml.rels",
  "word/footnotes.xml",
  "word/endnotes.xml",
]);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function assertUntouched(original: Uint8Array, annotated: Uint8Array): void {
  const before = unzipSync(original), after = unzipSync(annotated);
  for (const [name, bytes] of Object.entries(before)) {
    assert.ok(after[name], `${name} kept`);
    if (!EDITABLE.has(name)) assert.ok(sameBytes(bytes, after[name]), `${name} byte-identical`);
  }
}

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

Deno.test("docx: every comment covers exactly its quote, across runs, in a cell and in a footnote", async () => {
  const original = await annotatedFixture();
  const doc = await readDocument(original, { file: "fixture.docx" });
  const result = findingsFor(doc);
  const out = annotate(original, result, { file: "fixture.docx", rules, date });
  const rb = readBack(out.bytes);
  assert.deepEqual(rb.problems, []);
  // One comment per evidence place, one for the place-less finding, one summary; the original comment kept.
  const places = result.findings.reduce((n, f) => n + Math.max(1, f.evidence.length), 0);
  assert.deepEqual(out.comments.length, places + 1);
  assert.deepEqual(rb.comments.size, places + 2);
  for (const c of out.comments) {
    const f = c.finding === undefined ? undefined : result.findings[c.finding];
    if (!f || !f.evidence.length || c.quote === "不存在的引文") continue;
    assert.ok(c.exact, `exact: ${c.quote}`);
    assert.deepEqual(rb.ranges.get(String(c.id)), c.quote);
  }
  const footnote = out.comments.find((c) => c.quote === "共计培训1200人次")!;
  assert.deepEqual(footnote.part, "word/footnotes.xml");
  assert.ok(rb.ranges.has(String(footnote.id)));
  // Ids: fresh, unique, none reusing the original comment's 0.
  const ids = out.comments.map((c) => c.id);
  assert.deepEqual(new Set(ids).size, ids.length);
  assert.ok(!ids.includes(0));
  // The text of the document is unchanged.
  const before = readBack(original);
  for (const part of ["word/document.xml", "word/footnotes.xml"]) {
    assert.deepEqual(rb.allText(part), before.allText(part));
  }
  assertUntouched(original, out.bytes);
});

Deno.test("docx: comment text — severity, rule, stated vs computed, hint, links, fallback, summary", async () => {
  const original = await annotatedFixture();
  const doc = await readDocument(original, { file: "fixture.docx" });
  const result = findingsFor(doc);
  const out = annotate(original, result, { file: "fixture.docx", rules, date, author: "张审核" });
  const rb = readBack(out.bytes);
  const text = (quote: string) => {
    const c = out.comments.find((x) => x.quote === quote)!;
    return { c, lines: rb.comments.get(String(c.id))!.text.join("\n") };
  };
  const pct = text("1200人次，完成率120%").lines;
  assert.match(pct, /^【批注\d+】错误 · .+ \[percentage-arithmetic\]/);
  assert.match(pct, /文中所述：120%；核算结果：100%；计算方法：1200 ÷ 1200/);
  assert.match(pct, /修改建议：请核实后修改。/);
  // Two places, two comments, each pointing at the other.
  const a = text("满意度为95%"), b = text("得分合计95分");
  assert.match(
    a.lines,
    new RegExp(`另见批注${b.c.number}（[^）]+ › (第\\d+段“|表\\d+ 第)`),
    "with its place",
  );
  assert.match(b.lines, new RegExp(`另见批注${a.c.number}`));
  // A quote not in the text: the whole paragraph, and the comment says so.
  const missing = text("不存在的引文");
  assert.ok(!missing.c.exact);
  assert.match(
    missing.lines,
    /未能在原文中精确定位引文，批注加在整段上。(位置：[^；]+；)?引文：“不存在的引文”/,
  );
  assert.deepEqual(rb.ranges.get(String(missing.c.id)), "培训人次见脚注说明。");
  // Suppressed finding without a place: on the title, marked.
  const toc = out.comments.find((c) => c.finding === 6)!;
  assert.match(rb.comments.get(String(toc.id))!.text.join("\n"), /已豁免：附件按要求摘录[\s\S]*标题/);
  // The summary: first comment, on the title.
  const summary = out.comments.find((c) => c.finding === undefined)!;
  assert.deepEqual(summary.number, 1);
  const s = rb.comments.get(String(summary.id))!;
  assert.deepEqual(rb.ranges.get(String(summary.id)), "某某县某某局2023年部门整体支出绩效自评报告");
  assert.match(s.text.join("\n"), /错误 2 条，警告 2 条，提示 2 条；另有已豁免 1 条/);
  assert.deepEqual(s.text.filter((l) => /^\d\. /.test(l)).length, 3);
  assert.deepEqual(s.author, "张审核");
});

Deno.test("docx: the original's comment, bookmark and tracked changes are preserved", async () => {
  const original = await annotatedFixture();
  const doc = await readDocument(original, { file: "fixture.docx" });
  const out = annotate(original, findingsFor(doc), { file: "fixture.docx", rules, date });
  const rb = readBack(out.bytes);
  const before = readBack(original);
  // The existing comment: same text, same author, same range.
  assert.deepEqual(rb.comments.get("0"), before.comments.get("0"));
  assert.deepEqual(rb.ranges.get("0"), before.ranges.get("0"));
  const dec = new TextDecoder();
  const xml = dec.decode(rb.entries["word/document.xml"]),
    old = dec.decode(before.entries["word/document.xml"]);
  for (const re of [/<w:bookmarkStart /g, /<w:bookmarkEnd /g, /<w:ins /g, /<w:del /g, /<w:delText/g]) {
    assert.deepEqual(count(xml, re), count(old, re), String(re));
  }
  assert.ok(xml.includes('w:name="figure1"'));
  // Registered once each.
  const ct = dec.decode(rb.entries["[Content_Types].xml"]);
  assert.deepEqual(count(ct, /PartName="\/word\/comments.xml"/g), 1);
  const rels = dec.decode(rb.entries["word/_rels/document.xml.rels"]);
  assert.deepEqual(count(rels, /relationships\/comments"/g), 1);
  // Annotating the annotated file again appends with new ids.
  const again = annotate(out.bytes, findingsFor(doc), { file: "fixture.docx", rules, date });
  const rb2 = readBack(again.bytes);
  assert.deepEqual(rb2.problems, []);
  assert.deepEqual(rb2.comments.size, 2 * rb.comments.size - 1);
});

Deno.test("docx: a document without comments gets the comments part created and registered", async () => {
  const { mergedTable } = await import("../fixtures/docx-fixtures.ts");
  const original = await mergedTable();
  assert.ok(!unzipSync(original)["word/comments.xml"]);
  const doc = await readDocument(original, { file: "t.docx" });
  const table = doc.blocks.find((b) => b.kind === "table")!;
  const result = {
    ...findingsFor(await readDocument(await annotatedFixture(), { file: "f.docx" })),
    findings: [{
      rule: "score-total",
      severity: "error" as const,
      message: "合计不符。",
      evidence: [{ quote: "14", section: "", block: table.index, table: { index: 0, row: 3, col: 3 } }],
      details: { stated: 14, computed: 14 },
    }],
  };
  const out = annotate(original, result, { file: "t.docx", rules, date });
  const rb = readBack(out.bytes);
  assert.deepEqual(rb.problems, []);
  assert.deepEqual(rb.comments.size, 2);
  const c = out.comments.find((x) => x.finding === 0)!;
  assert.deepEqual(rb.ranges.get(String(c.id)), "14");
  assert.match(new TextDecoder().decode(rb.entries["[Content_Types].xml"]), /comments\+xml/);
  assertUntouched(original, out.bytes);
});

Deno.test("docx: the sample — every finding on exactly its quote, nothing else touched", async () => {
  const { result } = await auditFile(SAMPLE);
  const original = await Deno.readFile(SAMPLE);
  const out = annotate(original, result, { file: SAMPLE, rules, date });
  const rb = readBack(out.bytes);
  assert.deepEqual(rb.problems, []);
  assert.deepEqual(
    out.comments.length,
    1 + result.findings.reduce((n, f) => n + Math.max(1, f.evidence.length), 0),
  );
  for (const c of out.comments) {
    if (c.finding === undefined || !result.findings[c.finding].evidence.length) continue;
    assert.ok(c.exact, `exact: ${c.quote}`);
    assert.deepEqual(rb.ranges.get(String(c.id)), c.quote);
  }
  assert.deepEqual(rb.allText("word/document.xml"), readBack(original).allText("word/document.xml"));
  assertUntouched(original, out.bytes);
});

Deno.test("docx: CLI writes the annotated copy; csv input and missing --out are usage errors", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = `${dir}/批注.docx`;
    const code = await main([SAMPLE, "--format", "docx", "--out", out, "--author", "审核员"]);
    assert.deepEqual(code, 1); // the sample has error-level findings
    const rb = readBack(await Deno.readFile(out));
    assert.deepEqual([...rb.comments.values()][0].author, "审核员");
    const csv = `${dir}/t.csv`;
    await Deno.writeTextFile(csv, "a,b\n1,2\n");
    assert.deepEqual(await main([csv, "--format", "docx", "--out", `${dir}/x.docx`]), 2);
    assert.deepEqual(await main([SAMPLE, "--format", "docx"]), 2);
    assert.deepEqual(await main([SAMPLE, "--format", "json", "--author", "x"]), 2);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
