/** The audit-report/1 JSON, validated by its schema before it leaves the tool. */
import { AuditReport } from "../model/report.ts";
import type { RenderInput } from "./common.ts";

export function renderJson(input: RenderInput): string {
  return JSON.stringify(AuditReport.parse(input.report), null, 2) + "\n";
}
