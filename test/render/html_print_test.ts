/** Issue 13, item 4: the HTML report prints on A4, findings first (or findings only), section paths out of messages. */
import assert from "node:assert/strict";
import { renderHtml } from "../../src/render/html.ts";
import { sampleInput } from "./fixtures.ts";

Deno.test("html: A4 print styles, findings first or only, scroll margin under the filter bar", () => {
  const input = sampleInput();
  const f = input.report.documents[0].findings.find((x) => x.evidence.length > 1)!;
  f.evidence[1].section += " › （二）整改";
  const paths = f.evidence.map((e) => e.section);
  f.message = `两处段落内容完全相同：${paths.map((p) => `「${p}」`).join("、")}。`;
  const html = renderHtml(input);
  assert.match(html, /@page \{ size: A4;/);
  const print = html.slice(html.indexOf("@media print {"));
  assert.match(print, /aside#panel \{ order: 1;/, "findings first on paper");
  assert.match(print, /main \{[^}]*order: 2;[^}]*break-before: page;/, "then the document, on a new page");
  assert.match(html, /body\.print-findings-only main \{ display: none; \}/);
  assert.match(html, /<input type="checkbox" id="print-findings-only">/);
  assert.match(html, /li\.finding \{[^}]*scroll-margin-top: calc\(var\(--filters-height/);
  // The places are listed under the message: the message no longer repeats them.
  assert.match(html, /<div class="msg">两处段落内容完全相同。<\/div>/);
  assert.match(html, /<div class="loc">一、部门概况 › 第1段“本单位共有在职人员32人…”<\/div>/);
  assert.match(html, /<div class="loc">二、存在的问题 › （二）整改 › 第1段“本单位共有在职人员32人…”<\/div>/);
});
