import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { renderHtml } from "../../src/render/html.ts";
import { emptyInput, errorResult, FILE, report, RULES, sampleDoc, sampleInput } from "./fixtures.ts";
import type { Finding } from "../../src/model/finding.ts";

const load = (html: string) => cheerio.load(html);

Deno.test("html: self-contained (no external resources)", () => {
  const html = renderHtml(sampleInput());
  assert.doesNotMatch(html, /<(link|img|iframe)\b/i);
  assert.doesNotMatch(html, /<script[^>]+src=/i);
  assert.doesNotMatch(html, /\b(src|href)=["']?(https?:)?\/\//i);
  assert.doesNotMatch(html, /@import|url\(/);
  assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
});

Deno.test("html: whole document rendered, merged cells as rowspan, covered slots omitted", () => {
  const $ = load(renderHtml(sampleInput()));
  assert.equal($("section.doc h2").first().text().replace(/^\d+/, ""), "一、部门概况");
  assert.equal($("section.doc h3").first().text().replace(/^\d+/, ""), "（一）预算执行");
  assert.equal($("section.doc p.block").length, 4);
  const rows = $("table.block tr");
  assert.equal(rows.length, 4);
  assert.equal($(rows[0]).find("th").length, 3, "header row uses th");
  assert.equal($(rows[1]).find("td[rowspan=2]").text(), "10");
  assert.equal($(rows[2]).find("td").length, 2, "the slot under a rowspan is not emitted again");
});

Deno.test("html: every located quote highlighted once; escaping inside marks; unlocated quote listed", () => {
  const html = renderHtml(sampleInput());
  const $ = load(html);
  const marks = $("mark[data-finding]");
  // dup ×2, sum, odd, suppressed: 5 located evidences; the 5th finding's quote is not in its block
  assert.equal(marks.length, 5);
  const texts = marks.map((_, m) => $(m).text()).get();
  assert.deepEqual(
    texts.slice().sort(),
    ["96", "A12", "本单位共有在职人员32人", "本单位共有在职人员32人", '得分|9<b>&"分"第二行'].sort(),
  );
  assert.ok(html.includes("得分|9&lt;b&gt;&amp;&quot;分&quot;<br>第二行</mark>"), "escaped, newline as <br>");
  assert.equal(
    $("table.block td mark").first().closest("td").attr("data-row"),
    "2",
    "suppressed quote in its cell",
  );
  assert.equal($("li.finding").length, 5);
  const unlocated = $("li.finding[data-rule=unlisted-rule]");
  assert.equal(unlocated.find(".nomark").text(), "原文中未定位到此引文");
  assert.equal($(`mark[data-finding~="${unlocated.attr("data-finding")}"]`).length, 0);
  assert.doesNotMatch(html, /<script>alert/);
  assert.equal($("li.finding[data-rule=odd-quote] .msg").text(), "引文含特殊字符 <script>alert(1)</script>");
  assert.equal($("li.finding[data-suppressed]").length, 1);
  assert.deepEqual($("#rule-filter option").map((_, o) => $(o).attr("value")).get(), [
    "",
    "sum-mismatch",
    "duplicate-paragraph",
    "odd-quote",
    "unlisted-rule",
  ]);
});

Deno.test("html: overlapping quotes split into segments naming every finding", () => {
  const doc = sampleDoc();
  const mk = (quote: string, rule: string): Finding => ({
    rule,
    severity: rule === "a" ? "warning" : "error",
    message: "m",
    evidence: [{ quote, section: "一、部门概况", block: 2 }],
    details: {},
  });
  const html = renderHtml({
    report: report([{
      ...sampleInput().report.documents[0],
      findings: [mk("在职人员32人", "a"), mk("32人，其中", "b")],
    }]),
    documents: new Map([[FILE, doc]]),
    rules: RULES,
  });
  const $ = load(html);
  const marks = $("p#d1-b2 mark").map((
    _,
    m,
  ) => [[$(m).text(), $(m).attr("data-finding"), $(m).attr("class")]]).get();
  // errors sort first, so "b" is f1 and "a" is f2
  assert.deepEqual(marks, [
    ["在职人员", "f2", "sev-warning"],
    ["32人", "f1 f2", "sev-error"],
    ["，其中", "f1", "sev-error"],
  ]);
  assert.equal($("p#d1-b2").text().replace(/^\d+/, ""), "本单位共有在职人员32人，其中行政编制23人。");
});

Deno.test("html: no findings → 未发现问题; unreadable or missing document still lists", () => {
  const $ = load(renderHtml(emptyInput()));
  assert.equal($("li.none").text(), "未发现问题");
  assert.equal($("mark").length, 0);
  const bad = load(renderHtml({ report: report([errorResult()]), documents: new Map(), rules: [] }));
  assert.match(bad(".error-doc").text(), /^无法审核：文件 samples\/坏文件\.docx 不是有效的 \.docx 文件。/);
  const noDoc = load(renderHtml({ ...sampleInput(), documents: new Map() }));
  assert.equal(noDoc(".error-doc").text(), "原文不可用，仅列出问题。");
  assert.equal(noDoc("li.finding").length, 5);
  assert.equal(noDoc("li.finding .nomark").length, 6, "every quote is then unlocated");
});
