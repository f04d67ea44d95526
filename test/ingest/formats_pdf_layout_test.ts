/**
 * The PDF layout reader (src/ingest/pdf-layout.ts, pdf-rules.ts) and the audit's downgrade of findings that
 * rest on inferred layout. The fixture pdf-layout.pdf is pdf-layout.docx (test/fixtures/pdf-layout.ts)
 * converted by LibreOffice; the synthetic pages check the same things without depending on fonts.
 */
import assert from "node:assert/strict";
import { readDocument } from "../../src/ingest/index.ts";
import { layoutBlocks, type PdfItem, type PdfPage } from "../../src/ingest/pdf-layout.ts";
import type { Segment } from "../../src/ingest/pdf-rules.ts";
import { auditDocument, LAYOUT_ASSUMPTION } from "../../src/audit.ts";
import type { Rule } from "../../src/model/rule.ts";
import type { Document, TableBlock } from "../../src/model/document.ts";
import type { RawParagraph, RawTable } from "../../src/model/raw.ts";
import { fixture, shape } from "./formats_helpers.ts";
import { HEADER, LONG, WRAPPED } from "../fixtures/pdf-layout.ts";

const read = async (name: string) => readDocument(await fixture(name), { file: name });

Deno.test("PDF fixture: same paragraphs and grid as its .docx, header/footer gone, page break joined", async () => {
  const docx = await read("pdf-layout.docx");
  const pdf = await read("pdf-layout.pdf");
  assert.deepEqual(shape(pdf), shape(docx));
  assert.ok(!pdf.blocks.some((b) => b.kind !== "table" && (b.text === HEADER || /^\d+$/.test(b.text))));
  const long = pdf.blocks.find((b) => b.kind === "paragraph" && b.text === LONG);
  assert.ok(long && long.kind === "paragraph", "the paragraph across the page break is one paragraph");
  assert.equal(long.inferred, true);
  assert.equal(long.joins?.length, 1);
  assert.ok(pdf.blocks.some((b) => b.page === 2), "the document has two pages");
  // numbered lines are headings as in the .docx
  const headings = (d: Document) => d.blocks.filter((b) => b.kind === "heading").map((b) => b.text);
  assert.deepEqual(headings(pdf), headings(docx));
  // the ruled table: merged cells with their spans, the wrapped cell in one cell, not inferred
  const t = pdf.blocks.find((b) => b.kind === "table") as TableBlock;
  assert.equal(t.inferred, undefined);
  assert.equal(t.grid[1][0].rowspan, 2);
  assert.equal(t.grid[2][0].anchorRow, 1);
  assert.equal(t.grid[3][0].colspan, 3);
  assert.equal(t.grid[1][2].text, WRAPPED);
});

// ------------------------------------------------------------------------------------ synthetic pages

const SIZE = 10, LEFT = 72;

/** A line of CJK text at `y`: one item, each character SIZE wide. */
const line = (text: string, y: number, x = LEFT): PdfItem => ({
  text,
  x,
  y,
  w: text.length * SIZE,
  size: SIZE,
});
/** A full body line (45 characters), the text padded with 。-free filler. */
const full = (text: string, y: number) => line(text.padEnd(45, "甲"), y);
/** A full first line of a paragraph, indented by two characters. */
const indented = (text: string, y: number) => line(text.padEnd(43, "甲"), y, LEFT + 2 * SIZE);

function page(n: number, items: PdfItem[], rules: Segment[] = []): PdfPage {
  return {
    n,
    width: 595,
    height: 842,
    rules,
    items: [
      line("某县人社局绩效自评报告", 800, 240), // running header
      { text: String(n), x: 295, y: 40, w: 5, size: SIZE }, // page number
      ...items,
    ],
  };
}

const paragraphs = (pages: PdfPage[]) =>
  layoutBlocks(pages).filter((b): b is RawParagraph => b.kind === "paragraph");

Deno.test("layout: running header and page number dropped; a full line continues on the next page", () => {
  const pages = [
    page(1, [
      line("一、部门概况", 700, LEFT + 20),
      line("第一段从缩进开始。", 688, LEFT + 20),
      indented("第二段", 664),
      full("第二段续", 652),
      full("第二段到页底", 100),
    ]),
    page(2, [line("翻页后继续写完。", 760), line("第三段。", 748, LEFT + 20), full("填充行", 736)]),
    page(3, [full("第三页", 760), line("结束。", 748)]),
  ];
  const ps = paragraphs(pages);
  assert.ok(!ps.some((p) => p.text.includes("某县人社局绩效自评报告") || /^\d$/.test(p.text)));
  const joined = ps.find((p) => p.text.startsWith("第二段") && p.text.endsWith("翻页后继续写完。"));
  assert.ok(joined, JSON.stringify(ps.map((p) => p.text)));
  assert.equal(joined.inferred, true);
  assert.equal(joined.page, 1);
  // near miss: a line ending a sentence, or short of the margin, does not continue on the next page
  const noJoin = paragraphs([
    page(1, [
      indented("第一段", 700),
      full("第一段续", 688),
      full("第一段再续", 676),
      line("短行到此为止", 100),
    ]),
    page(2, [line("新的一段开始", 760)]),
    page(3, [line("又一段", 760)]),
  ]);
  assert.ok(noJoin.some((p) => p.text === "新的一段开始" && !p.inferred));
});

Deno.test("layout: a ruled table with a merged cell and a wrapped cell", () => {
  // 3 columns × 3 rows; column 0 merged over rows 1–2 (no line between them there)
  const xs = [100, 200, 300, 400];
  const rules: Segment[] = [
    ...xs.map((x) => ({ x0: x, x1: x, y0: 620, y1: 700 })),
    { x0: 100, x1: 400, y0: 700, y1: 700 },
    { x0: 100, x1: 400, y0: 680, y1: 680 },
    { x0: 200, x1: 400, y0: 640, y1: 640 }, // not across column 0
    { x0: 100, x1: 400, y0: 620, y1: 620 },
  ];
  const items: PdfItem[] = [
    line("类别", 686, 104),
    line("名称", 686, 204),
    line("分值", 686, 304),
    line("产出", 650, 104),
    line("培训合格率按考核办", 666, 204), // wraps: 9 characters fill the 100-wide cell
    line("法计算", 654, 204),
    line("20", 666, 304),
    line("转移人数", 626, 204),
    line("10", 626, 304),
  ];
  const blocks = layoutBlocks([page(1, items, rules)]);
  const t = blocks.find((b): b is RawTable => b.kind === "table");
  assert.ok(t, JSON.stringify(blocks));
  assert.equal(t.inferred, undefined);
  assert.deepEqual(t.rows.map((r) => r.map((c) => [c.paragraphs.join("\n"), c.rowspan, c.colspan])), [
    [["类别", 1, 1], ["名称", 1, 1], ["分值", 1, 1]],
    [["产出", 2, 1], ["培训合格率按考核办法计算", 1, 1], ["20", 1, 1]],
    [["转移人数", 1, 1], ["10", 1, 1]],
  ]);
});

// ------------------------------------------------------------------------------------------ downgrade

/** A rule that reports one certain finding per quote it is given, in the block that contains it. */
function quoting(quotes: string[]): Rule {
  return {
    meta: {
      id: "test-quote",
      severity: "error",
      title: "测试",
      messages: { hit: { description: "测试", certainty: "certain" } },
      docs: { summary: "test", rationale: "test", examples: [] },
    },
    check: ({ doc }) =>
      quotes.map((quote) => {
        const b = doc.blocks.find((x) => x.kind !== "table" && x.text.includes(quote))!;
        return {
          messageId: "hit",
          message: quote,
          evidence: [{ quote, section: "", block: b.index }],
          details: {},
        };
      }),
  };
}

Deno.test("audit: a certain finding quoting across an inferred page join is an assumption, not an error", async () => {
  const pdf = await read("pdf-layout.pdf");
  const long = pdf.blocks.find((b) => b.kind === "paragraph" && b.text === LONG)!;
  assert.ok(long.kind === "paragraph" && long.joins);
  const at = long.joins[0];
  const across = LONG.slice(at - 3, at + 3);
  const within = LONG.slice(0, 12);
  const { findings } = auditDocument(pdf, { rules: [quoting([across, within])] });
  const [a, w] = findings;
  assert.equal(a.certainty, "assumption");
  assert.equal(a.severity, "warning");
  assert.equal(a.details.assumption, LAYOUT_ASSUMPTION);
  assert.match(String(a.details.assumption), /版式由PDF推断/);
  // near miss: a quote inside one page's part of the same paragraph stays certain
  assert.equal(w.certainty, "certain");
  assert.equal(w.severity, "error");
  // the same quotes in the .docx: nothing inferred, both errors
  const docx = await read("pdf-layout.docx");
  assert.deepEqual(
    auditDocument(docx, { rules: [quoting([across, within])] }).findings.map((f) => f.severity),
    ["error", "error"],
  );
});
