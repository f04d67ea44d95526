import { z } from "zod";
import { Finding } from "./finding.ts";
import { MetaSources, ReportKind } from "./document.ts";

export const REPORT_SCHEMA = "audit-report/1";

export const DocumentResult = z.object({
  file: z.string(),
  sha256: z.string().nullable(),
  status: z.enum(["ok", "error"]),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  meta: z.object({
    title: z.string().nullable(),
    year: z.number().int().nullable(),
    unit: z.string().nullable(),
    /** Report kind (部门整体 / 项目支出 / 转移支付 / 自评表 / 部门决算 / 第三方评价), when known. */
    kind: ReportKind.nullable().optional(),
    /** The total score the report states for itself (自评得分), from the analysis; null when none. */
    score: z.number().nullable().optional(),
    /** The grade the report states (优秀 / 良 …), as written; null when none. */
    grade: z.string().nullable().optional(),
    /** Where each field came from ("first-lines", "field:单位名称", "config" …). */
    sources: MetaSources.optional(),
  }),
  findings: z.array(Finding),
  diagnostics: z.array(z.object({ level: z.string(), code: z.string(), message: z.string() })).default([]),
});
export type DocumentResult = z.infer<typeof DocumentResult>;

export const AuditReport = z.object({
  schema: z.literal(REPORT_SCHEMA),
  tool: z.object({ name: z.string(), version: z.string() }),
  documents: z.array(DocumentResult),
});
export type AuditReport = z.infer<typeof AuditReport>;
