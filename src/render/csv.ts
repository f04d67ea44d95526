/** One row per finding, UTF-8 with a BOM so that Excel reads the Chinese text correctly. */
import Papa from "papaparse";
import { comparison, locationLabel, type RenderInput, SEVERITY_LABEL, SUPPRESSED_LABEL } from "./common.ts";

export const CSV_HEADER = ["文件", "规则", "级别", "位置", "引文", "陈述值", "计算值", "说明"];

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe (papaparse escapeFormulae). A minus
 * sign before a digit is left alone: "-3.5%" is a figure these reports are full of, not a formula.
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?![\d.]))/;

export function renderCsv(input: RenderInput): string {
  const rows: string[][] = [];
  for (const doc of input.report.documents) {
    if (doc.status === "error") {
      rows.push([
        doc.file,
        doc.error?.code ?? "error",
        SEVERITY_LABEL.error,
        "",
        "",
        "",
        "",
        doc.error?.message ?? "",
      ]);
    }
    for (const f of doc.findings) {
      const c = comparison(f);
      const level = f.suppressed
        ? `${SEVERITY_LABEL[f.severity]}（${SUPPRESSED_LABEL}）`
        : SEVERITY_LABEL[f.severity];
      const message = f.suppressed ? `${f.message}（豁免理由：${f.suppressed.reason}）` : f.message;
      rows.push([
        doc.file,
        f.rule,
        level,
        f.evidence.map(locationLabel).join("\n"),
        f.evidence.map((e) => e.quote).join("\n"),
        c.stated ?? "",
        c.computed ?? "",
        message,
      ]);
    }
  }
  return "\uFEFF" + Papa.unparse({ fields: CSV_HEADER, data: rows }, {
    newline: "\r\n",
    escapeFormulae: FORMULA_START,
  }) + "\r\n";
}
