/**
 * The batch workbook (审核结果.xlsx: 汇总, 问题清单, 未处理文件) for every document on the page, built in
 * memory by the batch's own sheet code (src/batch/workbook.ts): nothing is written to disk.
 */
import { workbookBytes } from "../batch/workbook.ts";
import type { AuditReport } from "../model/report.ts";

export type WorkbookExporter = (report: AuditReport) => Promise<Uint8Array>;

export function workbookExporter(): WorkbookExporter | undefined {
  return (report) => Promise.resolve(workbookBytes(report.documents));
}
