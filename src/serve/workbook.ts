/**
 * The batch workbook (审核结果.xlsx) for every document on the page, once src/batch exposes a function that
 * builds it from an AuditReport.
 * TODO(issue 15): src/batch has no workbook export yet; when it does, return it here and the page shows
 * the “下载 Excel 汇总” link (app.ts and page.ts already handle it).
 */
import type { AuditReport } from "../model/report.ts";

export type WorkbookExporter = (report: AuditReport) => Promise<Uint8Array>;

export function workbookExporter(): WorkbookExporter | undefined {
  return undefined;
}
