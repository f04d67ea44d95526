import { z } from "zod";
import { Finding } from "./finding.ts";
import { MetaSources, ReportKind } from "./document.ts";

export const REPORT_SCHEMA = "audit-report/1";

const Tally = z.object({ checked: z.number().int(), unchecked: z.number().int() });
export const Coverage = z.object({
  checked: z.number().int(),
  unchecked: z.number().int(),
  /** By claim kind: sum, rate, change, table-total. */
  byKind: z.record(z.string(), Tally),
  /** Unchecked claims by reason: list-etc, list-incomplete, approximate, rate-without-inputs, … */
  reasons: z.record(z.string(), z.number().int()),
});

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
    /**
     * Figure claims the arithmetic checks could recompute (checked) and could not (unchecked: a list ending
     * in 等, a rate without its inputs, a total with no visible parts), by kind and by reason.
     */
    coverage: Coverage.optional(),
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
