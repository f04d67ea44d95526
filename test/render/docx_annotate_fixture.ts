/**
 * A small report for the annotation tests, built with the `docx` package: a title, a figure split over
 * three runs, an existing comment, a bookmark, a tracked insertion and deletion, a table and a footnote.
 * `findingsFor` places hand-made findings on it through the reader's Document, as the checks would.
 */
import {
  AlignmentType,
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document as DocxDocument,
  FootnoteReferenceRun,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import type { Document } from "../../src/model/document.ts";
import type { Evidence, Finding } from "../../src/model/finding.ts";
import type { DocumentResult } from "../../src/model/report.ts";

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text: string) => new TableCell({ children: [p(text)] });
const when = new Date("2024-05-01T08:00:00Z");

export async function annotatedFixture(): Promise<Uint8Array> {
  const doc = new DocxDocument({
    comments: {
      children: [{ id: 0, author: "原作者", initials: "YZ", date: when, children: [p("请补充依据。")] }],
    },
    footnotes: { 1: { children: [p("数据来源：统计年报，共计培训1200人次。")] } },
    sections: [{
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun("某某县某某局2023年部门整体支出绩效自评报告")],
        }),
        p("一、部门概况"),
        new Paragraph({
          children: [
            new TextRun("全年培训"),
            new TextRun({ text: "12", bold: true }),
            new TextRun({ text: "00人次，完成率", italics: true }),
            new TextRun("120%。"),
          ],
        }),
        new Paragraph({
          children: [
            new CommentRangeStart(0),
            new TextRun("预算执行率为98.5%"),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
            new TextRun("，资金使用规范。"),
          ],
        }),
        new Paragraph({
          children: [
            new TextRun("项目共"),
            new Bookmark({ id: "figure1", children: [new TextRun("覆盖15个乡镇")] }),
            new TextRun("，惠及群众3万人。"),
          ],
        }),
        new Paragraph({
          children: [
            new TextRun("满意度为"),
            new DeletedTextRun({ id: 11, author: "修订人", date: when.toISOString(), text: "90%" }),
            new InsertedTextRun({ id: 12, author: "修订人", date: when.toISOString(), text: "95%" }),
            new TextRun("，较上年提高。"),
          ],
        }),
        new Table({
          rows: [
            new TableRow({ children: [cell("指标"), cell("得分")] }),
            new TableRow({ children: [cell("产出数量"), cell("得分合计95分")] }),
          ],
        }),
        new Paragraph({
          children: [new TextRun("培训人次见脚注"), new FootnoteReferenceRun(1), new TextRun("。")],
        }),
        p("培训人次见脚注说明。"),
      ],
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

function evidence(doc: Document, quote: string, origin = "body"): Evidence {
  for (const b of doc.blocks) {
    if (b.origin !== origin) continue;
    if (b.kind === "table") {
      for (const row of b.grid) {
        for (const c of row) {
          if (c.text.includes(quote)) {
            return {
              quote,
              section: "",
              block: b.index,
              table: { index: b.tableIndex, row: c.row, col: c.col },
            };
          }
        }
      }
    } else if (b.text.includes(quote)) return { quote, section: "", block: b.index };
  }
  throw new Error(`fixture has no ${quote}`);
}

export function findingsFor(doc: Document): DocumentResult {
  const f = (
    rule: string,
    severity: Finding["severity"],
    ev: Evidence[],
    extra: Partial<Finding> = {},
  ): Finding => ({
    rule,
    severity,
    message: `${rule} 的问题说明。`,
    hint: "请核实后修改。",
    evidence: ev,
    details: {},
    ...extra,
  });
  const findings: Finding[] = [
    // Across three runs with different formatting.
    f("percentage-arithmetic", "error", [evidence(doc, "1200人次，完成率120%")], {
      details: { stated: "120%", computed: "100%", formula: "1200 ÷ 1200" },
    }),
    // Inside the existing comment's range, and across a bookmark's boundary.
    f("typo", "info", [evidence(doc, "执行率")]),
    f("stale-year", "warning", [evidence(doc, "共覆盖15")]),
    // Tracked change: the inserted text reads as the paragraph's text.
    f("conflicting-figure", "error", [evidence(doc, "满意度为95%"), evidence(doc, "得分合计95分")]),
    // In a footnote.
    f("count-mismatch", "warning", [evidence(doc, "共计培训1200人次", "footnote")]),
    // Not in the text: anchored on the whole paragraph, said in the comment.
    f("cross-reference", "info", [{
      quote: "不存在的引文",
      section: "",
      block: evidence(doc, "培训人次见脚注说明").block,
    }]),
    // No place at all.
    f("toc-mismatch", "info", [], { suppressed: { reason: "附件按要求摘录" } }),
  ];
  return {
    file: "fixture.docx",
    sha256: null,
    status: "ok",
    meta: { title: null, year: null, unit: null },
    findings,
    diagnostics: [],
  };
}
