/** One row per finding, UTF-8 with a BOM so that Excel reads the Chinese text correctly. */
import Papa from "papaparse";
import type { Finding } from "../model/finding.ts";
import {
  comparison,
  locationLabel,
  placesFor,
  type RenderInput,
  ruleTitle,
  SEVERITY_LABEL,
  SUPPRESSED_LABEL,
} from "./common.ts";
import { csvCell, quoteText } from "./escape.ts";

/** 规则 is the rule's Chinese name, 规则号 its id; 修改建议 is the finding's hint. */
export const CSV_HEADER = [
  "文件",
  "规则",
  "规则号",
  "级别",
  "位置",
  "引文",
  "陈述值",
  "计算值",
  "说明",
  "修改建议",
];

/**
 * A stated/computed value: a number in the details stays a number; text (a figure as the document wrote
 * it, a list, a formula) is a text cell, defused like every other (csvCell: "-3.5%" gets its apostrophe).
 */
function valueCell(f: Finding, key: "stated" | "computed", shown: string | undefined): string | number {
  const raw = f.details?.[key];
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  return csvCell(shown ?? "");
}

export function renderCsv(input: RenderInput): string {
  const rows: (string | number)[][] = [];
  for (const doc of input.report.documents) {
    if (doc.status === "error") {
      rows.push([
        doc.file,
        "无法审核",
        doc.error?.code ?? "error",
        SEVERITY_LABEL.error,
        "",
        "",
        "",
        "",
        doc.error?.message ?? "",
        "",
      ].map(csvCell));
    }
    const places = placesFor(input, doc);
    for (const f of doc.findings) {
      const c = comparison(f);
      const level = f.suppressed
        ? `${SEVERITY_LABEL[f.severity]}（${SUPPRESSED_LABEL}）`
        : SEVERITY_LABEL[f.severity];
      const message = f.suppressed ? `${f.message}（豁免理由：${f.suppressed.reason}）` : f.message;
      rows.push([
        csvCell(doc.file),
        csvCell(ruleTitle(input.rules, f.rule)),
        csvCell(f.rule),
        level,
        csvCell(f.evidence.map((e) => locationLabel(e, places)).join("\n")),
        csvCell(f.evidence.map((e) => e.quote).join("\n")),
        valueCell(f, "stated", c.stated),
        valueCell(f, "computed", c.computed),
        csvCell(message),
        csvCell(f.hint ?? ""),
      ]);
    }
  }
  const head = Papa.unparse([CSV_HEADER], { newline: "\r\n" }) + "\r\n";
  const body = rows.length ? Papa.unparse(rows, { newline: "\r\n", quotes: quoteText }) + "\r\n" : "";
  return "\uFEFF" + head + body;
}
