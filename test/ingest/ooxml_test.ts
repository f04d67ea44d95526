import assert from "node:assert/strict";
import { readOoxml } from "../../src/ingest/ooxml/index.ts";
import { unzipDocx } from "../../src/ingest/zip.ts";
import type { RawParagraph, RawTable } from "../../src/model/raw.ts";
import { makeDocx, p, tbl, tc } from "./ooxml_helpers.ts";
import type { DocxSpec } from "./ooxml_helpers.ts";

function read(spec: DocxSpec) {
  return readOoxml(unzipDocx(makeDocx(spec), "t.docx"), "t.docx");
}
function paras(spec: DocxSpec): RawParagraph[] {
  return read(spec).blocks.filter((b): b is RawParagraph => b.kind === "paragraph");
}
function tables(spec: DocxSpec): RawTable[] {
  return read(spec).blocks.filter((b): b is RawTable => b.kind === "table");
}

const STYLES = `
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="Heading"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Heading"/></w:style>
  <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="MyH3"><w:name w:val="正文标题"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="派生"/><w:basedOn w:val="MyH3"/></w:style>
  <w:style w:type="paragraph" w:styleId="BodyLvl"><w:name w:val="heading 4"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Centred"><w:name w:val="居中"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="heading 1 Char"/></w:style>`;

Deno.test("heading levels come from style names, outlineLvl and the basedOn chain", () => {
  const ps = paras({
    styles: STYLES,
    body: p("一、总体", '<w:pStyle w:val="Heading1"/>') + p("（一）分项", '<w:pStyle w:val="a3"/>') +
      p("1.细项", '<w:pStyle w:val="MyH3"/>') + p("派生", '<w:pStyle w:val="Derived"/>') +
      p("正文", '<w:pStyle w:val="Heading"/>') + p("显式正文级", '<w:pStyle w:val="BodyLvl"/>') +
      p("直接大纲级", '<w:outlineLvl w:val="1"/>') + p("无样式"),
  });
  assert.deepEqual(ps.map((x) => x.styleLevel), [1, 2, 3, 3, undefined, undefined, 2, undefined]);
});

Deno.test("alignment: direct w:jc, then the style's; both → justify", () => {
  const ps = paras({
    styles: STYLES,
    body: p("a", '<w:jc w:val="center"/>') + p("b", '<w:pStyle w:val="Centred"/>') +
      p("c", '<w:pStyle w:val="Centred"/><w:jc w:val="both"/>') + p("d", '<w:jc w:val="end"/>') + p("e"),
  });
  assert.deepEqual(ps.map((x) => x.align), ["center", "center", "justify", "right", undefined]);
});

const NUMBERING = `
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>`;
const num = (numId: number, ilvl: number) =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

Deno.test("list labels: 一、 （一） 1. ① with deeper levels restarting", () => {
  const ps = paras({
    numbering: NUMBERING,
    body: [
      [0, "a"],
      [1, "b"],
      [1, "c"],
      [2, "d"],
      [2, "e"],
      [3, "f"],
      [3, "g"],
      [1, "h"],
      [2, "i"],
      [0, "j"],
      [1, "k"],
    ].map(([l, t]) => p(t as string, num(1, l as number))).join(""),
  });
  assert.deepEqual(ps.map((x) => x.listLabel), [
    "一、",
    "（一）",
    "（二）",
    "1.",
    "2.",
    "①",
    "②",
    "（三）",
    "1.",
    "二、",
    "（一）",
  ]);
  assert.deepEqual(ps.map((x) => x.text).join(""), "abcdefghijk", "labels are not part of the text");
});

Deno.test("list labels: 甲 and multi-level %1.%2, bullets get none, numId 0 none", () => {
  const ps = paras({
    numbering: NUMBERING,
    body: p("a", num(2, 0)) + p("b", num(2, 1)) + p("c", num(2, 1)) + p("d", num(2, 0)) + p("e", num(2, 1)) +
      p("f", num(3, 0)) + p("g", num(0, 0)) + p("h", num(99, 0)),
  });
  assert.deepEqual(ps.map((x) => x.listLabel), [
    "甲.",
    "甲.1",
    "甲.2",
    "乙.",
    "乙.1",
    undefined,
    undefined,
    undefined,
  ]);
});

Deno.test("list counters: w:num of one abstractNum continue; startOverride restarts", () => {
  const ps = paras({
    numbering: NUMBERING,
    body: p("a", num(2, 0)) + p("b", num(5, 0)) + p("c", num(1, 0)) + p("d", num(1, 0)) + p("e", num(4, 0)) +
      p("f", num(4, 0)),
  });
  assert.deepEqual(ps.map((x) => x.listLabel), ["甲.", "乙.", "一、", "二、", "一、", "二、"]);
});

Deno.test("numbering through a paragraph style", () => {
  const ps = paras({
    numbering: NUMBERING,
    styles: `<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/>` +
      `<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`,
    body: p("部门职能", '<w:pStyle w:val="H2"/>') + p("部门收支", '<w:pStyle w:val="H2"/>'),
  });
  assert.deepEqual(ps.map((x) => [x.styleLevel, x.listLabel, x.text]), [[2, "（一）", "部门职能"], [
    2,
    "（二）",
    "部门收支",
  ]]);
});

Deno.test("tables: gridSpan → colspan, vMerge → rowspan with continued cells omitted", () => {
  const [t] = tables({
    body: tbl([
      [tc("一级"), tc("二级"), tc("分值")],
      [tc("决策", '<w:vMerge w:val="restart"/>'), tc("目标"), tc("10")],
      [tc("", "<w:vMerge/>"), tc("职能"), tc("5")],
      [tc("", '<w:vMerge w:val="continue"/>'), tc("依据"), tc("3")],
      [tc("合计", '<w:gridSpan w:val="2"/>'), tc("18")],
    ]),
  });
  assert.deepEqual(
    t.rows.map((r) => r.map((c) => [c.paragraphs.join("/"), c.rowspan, c.colspan])),
    [
      [["一级", 1, 1], ["二级", 1, 1], ["分值", 1, 1]],
      [["决策", 3, 1], ["目标", 1, 1], ["10", 1, 1]],
      [["职能", 1, 1], ["5", 1, 1]],
      [["依据", 1, 1], ["3", 1, 1]],
      [["合计", 1, 2], ["18", 1, 1]],
    ],
  );
});

Deno.test("tables: vMerge under a colspan cell merges by grid column; restart starts a new merge", () => {
  const [t] = tables({
    body: tbl([
      [tc("A", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'), tc("x")],
      [tc("", '<w:gridSpan w:val="2"/><w:vMerge/>'), tc("y")],
      [tc("B", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'), tc("z")],
    ]),
  });
  assert.deepEqual(t.rows.map((r) => r.map((c) => `${c.paragraphs.join("")}:${c.rowspan}x${c.colspan}`)), [
    ["A:2x2", "x:1x1"],
    ["y:1x1"],
    ["B:1x2", "z:1x1"],
  ]);
});

Deno.test("tables: multi-paragraph cells, empty paragraphs dropped, nested table flattened into the cell", () => {
  const nested = tbl([[tc("内1"), tc("内2")]]);
  const [t, ...rest] = tables({
    body: tbl([[
      `<w:tc>${p("第一段")}<w:p/>${p("第二段")}</w:tc>`,
      `<w:tc>${p("外")}${nested}</w:tc>`,
      tc(""),
    ]]),
  });
  assert.equal(rest.length, 0, "a nested table is not a table of its own");
  assert.deepEqual(t.rows[0].map((c) => c.paragraphs), [["第一段", "第二段"], ["外", "内1", "内2"], []]);
});

Deno.test("tables: a deleted row (tracked) is dropped", () => {
  const [t] = tables({
    body: tbl([[tc("保留")], [`<w:trPr><w:del w:id="1" w:author="a"/></w:trPr>` + tc("删除的行")]]),
  });
  assert.deepEqual(t.rows.map((r) => r.map((c) => c.paragraphs.join(""))), [["保留"]]);
});

Deno.test("tracked changes: insertions kept, deletions and moveFrom dropped, a diagnostic says so", () => {
  const doc = read({
    body: `<w:p><w:r><w:t>预算</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>执行</w:t></w:r></w:ins>` +
      `<w:del w:id="2" w:author="a"><w:r><w:delText>完成</w:delText></w:r></w:del><w:r><w:t>率</w:t></w:r>` +
      `<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>` +
      `<w:moveTo w:id="4" w:author="a"><w:r><w:t>98%</w:t></w:r></w:moveTo></w:p>`,
  });
  assert.equal((doc.blocks[0] as RawParagraph).text, "预算执行率98%");
  assert.equal(doc.diagnostics.length, 1);
  assert.equal(doc.diagnostics[0].code, "tracked-changes");
  assert.match(doc.diagnostics[0].message, /t\.docx.*修订/);
});

Deno.test("tracked changes: a deleted paragraph mark joins the paragraph to the next", () => {
  const ps = paras({
    body:
      `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>` +
      p("后半"),
  });
  assert.deepEqual(ps.map((x) => x.text), ["前半后半"]);
});

Deno.test("no tracked changes → no diagnostic", () => {
  assert.deepEqual(read({ body: p("正文") }).diagnostics, []);
});

Deno.test("fields: instruction text skipped, result kept; tab, line break, page break", () => {
  const ps = paras({
    body: `<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
      `<w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
      `<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t><w:tab/>` +
      `<w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/><w:t>丁</w:t></w:r></w:p>` +
      `<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>`,
  });
  assert.deepEqual(ps.map((x) => x.text), ["见第3页", "甲\t乙\n丙丁", "7"]);
});

Deno.test("text boxes: paragraphs with origin textbox after the paragraph holding them, once", () => {
  const box = `<w:txbxContent>${p("框内文字")}</w:txbxContent>`;
  const ps = paras({
    body: p("前文") +
      `<w:p><w:r><w:t>锚段</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box}` +
      `</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict>` +
      `</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p>` + p("后文"),
  });
  assert.deepEqual(ps.map((x) => [x.origin, x.text]), [
    ["body", "前文"],
    ["body", "锚段续"],
    ["textbox", "框内文字"],
    ["body", "后文"],
  ]);
});

Deno.test("text box inside a table cell comes after the table", () => {
  const doc = read({
    body: tbl([[
      `<w:tc><w:p><w:r><w:t>格</w:t></w:r><w:r><w:pict><v:textbox><w:txbxContent>${p("框")}` +
      `</w:txbxContent></v:textbox></w:pict></w:r></w:p></w:tc>`,
    ]]) + p("后"),
  });
  assert.deepEqual(doc.blocks.map((b) => b.kind === "table" ? "T:" + b.rows[0][0].paragraphs[0] : b.text), [
    "T:格",
    "框",
    "后",
  ]);
});

Deno.test("footnotes and comments: origin set, separators skipped, after the body", () => {
  const doc = read({
    body: p("正文"),
    footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:type="continuationSeparator" w:id="0">${p("不应出现")}</w:footnote>` +
      `<w:footnote w:id="1">${p("脚注内容")}</w:footnote>`,
    comments: `<w:comment w:id="0" w:author="审核人">${p("批注内容")}</w:comment>`,
  });
  const ps = doc.blocks as RawParagraph[];
  assert.deepEqual(ps.map((x) => [x.origin, x.text]), [["body", "正文"], ["footnote", "脚注内容"], [
    "comment",
    "批注内容",
  ]]);
});

Deno.test("empty paragraphs are dropped, whitespace-only kept; sdt and hyperlink content kept", () => {
  const ps = paras({
    body: "<w:p/>" + p(" ") + `<w:sdt><w:sdtPr/><w:sdtContent>${p("控件内")}</w:sdtContent></w:sdt>` +
      `<w:p><w:hyperlink w:anchor="x"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>`,
  });
  assert.deepEqual(ps.map((x) => x.text), [" ", "控件内", "链接"]);
});

Deno.test("a part using another prefix for the WordprocessingML namespace reads the same", () => {
  const ps = paras({
    body: "",
    documentXml:
      `<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
      `<x:body><x:p><x:pPr><x:jc x:val="center"/></x:pPr><x:r><x:t>标题</x:t></x:r></x:p></x:body></x:document>`,
  });
  assert.deepEqual(ps.map((x) => [x.text, x.align]), [["标题", "center"]]);
});

Deno.test("entities and character references decode", () => {
  assert.deepEqual(paras({ body: p("收入&gt;支出 &amp; 5&#x25;&#12290;") }).map((x) => x.text), [
    "收入>支出 & 5%。",
  ]);
});

Deno.test("a text box in a paragraph with no text of its own still comes before the next paragraph", () => {
  const ps = paras({
    body: p("前") +
      `<w:p><w:r><w:pict><v:textbox><w:txbxContent>${p("框")}</w:txbxContent></v:textbox></w:pict>` +
      `</w:r></w:p>` + p("后"),
  });
  assert.deepEqual(ps.map((x) => x.text), ["前", "框", "后"]);
});

Deno.test("number formats: Chinese counting, circled, stems, letters, roman, full width", async () => {
  const { formatNumber } = await import("../../src/ingest/ooxml/numfmt.ts");
  const cn = [1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 1000, 1001].map((n) =>
    formatNumber(n, "chineseCounting")
  );
  assert.deepEqual(cn, [
    "一",
    "九",
    "十",
    "十一",
    "十九",
    "二十",
    "二十一",
    "九十九",
    "一百",
    "一百零五",
    "一百一十",
    "一千",
    "一千零一",
  ]);
  assert.equal(formatNumber(10, "chineseLegalSimplified"), "壹拾");
  assert.deepEqual([1, 20, 21].map((n) => formatNumber(n, "decimalEnclosedCircle")), ["①", "⑳", "21"]);
  assert.deepEqual([1, 10, 11].map((n) => formatNumber(n, "ideographTraditional")), ["甲", "癸", "甲"]);
  assert.deepEqual([1, 27].map((n) => formatNumber(n, "upperLetter")), ["A", "AA"]);
  assert.equal(formatNumber(14, "lowerRoman"), "xiv");
  assert.equal(formatNumber(12, "decimalFullWidth"), "１２");
  assert.equal(formatNumber(3, "bullet"), undefined);
});
