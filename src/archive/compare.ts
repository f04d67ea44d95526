/**
 * `deno task audit --compare last.docx this.docx`: the cross-document rules on two reports, the case a
 * department runs before submitting (this year's report against last year's, or against the report it
 * was given as an example). Both reports go into an in-memory archive index; each one's cross-document
 * findings are reported, in any output format.
 */
import { DatabaseSync } from "node:sqlite";
import { auditFile, TOOL } from "../audit.ts";
import type { Config } from "../model/config.ts";
import type { Document } from "../model/document.ts";
import { type AuditReport, type DocumentResult, REPORT_SCHEMA } from "../model/report.ts";
import type { ReaderName } from "../ingest/index.ts";
import { type Format, render, safeTerminalText } from "../render/index.ts";
import { ruleMetas } from "../render/rule-names.ts";
import { archiveEntry } from "./entry.ts";
import { ArchiveIndex } from "./index.ts";
import { settleArchive } from "./rules.ts";

export interface CompareOptions {
  config?: Config;
  reader?: ReaderName;
}

/** Audit both files and return each one's result with its cross-document findings only. */
export async function compareFiles(
  files: string[],
  opts: CompareOptions = {},
): Promise<{ report: AuditReport; documents: Map<string, Document> }> {
  const report: AuditReport = { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents: [] };
  const documents = new Map<string, Document>();
  const db = new DatabaseSync(":memory:");
  try {
    const index = new ArchiveIndex(db);
    const ids: (number | null)[] = [];
    const results: DocumentResult[] = [];
    for (const [k, file] of files.entries()) {
      const { result, audited } = await auditFile(file, { config: opts.config, reader: opts.reader });
      results.push(result);
      if (audited) {
        documents.set(file, audited.doc);
        // Keyed by position: the same file given twice is still two reports.
        ids.push(
          index.add(
            `${k}:${file}`,
            file,
            result.sha256,
            archiveEntry(audited.doc, audited.extraction, result.meta),
          ),
        );
      } else ids.push(null);
    }
    for (const [k, result] of results.entries()) {
      const id = ids[k];
      const findings = id === null ? [] : settleArchive(index.analyze(id).drafts, opts.config);
      report.documents.push({ ...result, findings });
    }
  } finally {
    db.close();
  }
  return { report, documents };
}

/** One line per report: what it was matched as (unit and year from its meta). */
export function compareHeader(report: AuditReport): string {
  const lines = report.documents.map((d, k) => {
    if (d.status !== "ok") return `${k + 1}. ${d.file}：无法读取`;
    const unit = d.meta.unit ?? "单位未识别";
    const year = d.meta.year !== null ? `${d.meta.year}年` : "年度未识别";
    return `${k + 1}. ${d.file}：${unit}，${year}`;
  });
  const n = report.documents.reduce((s, d) => s + d.findings.length, 0);
  return `跨报告比对（按单位名称和年度配对）：\n${lines.join("\n")}\n${
    n ? `发现 ${n} 个跨报告问题：` : "未发现跨报告问题（套用他单位报告、沿用往年报告、跨年度数据不一致）。"
  }\n`;
}

export async function runCompareCommand(
  files: string[],
  opts: CompareOptions & { format: Format; color: boolean },
): Promise<{ report: AuditReport; output: string }> {
  const { report, documents } = await compareFiles(files, opts);
  const body = render(opts.format, { report, documents, rules: ruleMetas(), color: opts.color });
  const output = opts.format === "text" ? safeTerminalText(compareHeader(report)) + "\n" + body : body;
  return { report, output };
}
