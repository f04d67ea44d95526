/**
 * `--format docx`: one .docx in, the same .docx with the findings as Word comments out (to --out only:
 * the output is binary).
 */
import { auditFile } from "../audit.ts";
import { RULES } from "../../checks/index.ts";
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import { type AuditReport, REPORT_SCHEMA } from "../model/report.ts";
import { TOOL } from "../audit.ts";
import { annotateDocx } from "../render/index.ts";
import { safeTerminalText } from "../render/escape.ts";
import { UsageError } from "./flags.ts";
import { writeOutput } from "./output.ts";

export interface AnnotateCommand {
  files: string[];
  out?: string;
  config: Config;
  reader: ReaderName;
  author?: string;
}

/** Returns the report (for the exit code) after writing the annotated copy. */
export async function runAnnotateCommand(c: AnnotateCommand): Promise<AuditReport | number> {
  if (c.files.length !== 1) {
    throw new UsageError("--format docx 每次只处理一个 .docx 文件（输出是该文件加批注后的副本）。");
  }
  const [file] = c.files;
  if (!/\.docx$/i.test(file)) {
    throw new UsageError(
      `--format docx 只能用于 Word 文档（.docx），“${file}”不是 .docx。表格（.csv）等请改用 --format html、md 或 json。`,
    );
  }
  if (!c.out) {
    throw new UsageError(
      "--format docx 输出的是 Word 文件，需要用 --out 指定保存路径，例如 --out 审核批注.docx。",
    );
  }
  const { result } = await auditFile(file, { config: c.config, reader: c.reader });
  const report: AuditReport = { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents: [result] };
  if (result.status === "error") {
    console.error(`✗ ${safeTerminalText(result.error?.message ?? "")}`);
    return report;
  }
  let bytes: Uint8Array;
  try {
    bytes = annotateDocx(await Deno.readFile(file), result, {
      file,
      rules: RULES.map((r) => r.meta),
      author: c.author ?? c.config.reviewAuthor,
    });
  } catch (e) {
    console.error(safeTerminalText(`✗ 无法为“${file}”写入批注：${(e as Error).message}`));
    return 2;
  }
  const written = await writeOutput(c.out, bytes, ".docx");
  if (!written.ok) {
    console.error(safeTerminalText(written.message));
    return 2;
  }
  return report;
}
