/**
 * jixiao-audit command line. Exit codes: 0 no error-level finding; 1 error-level findings;
 * 2 a file could not be read, or a usage/config error.
 */
import { parseArgs } from "node:util";
import { ALL_RULE_METAS, auditFile, TOOL } from "../audit.ts";
import { ConfigError, loadConfig } from "../config/load.ts";
import { RULES } from "../../checks/index.ts";
import type { Document } from "../model/document.ts";
import { type AuditReport, REPORT_SCHEMA } from "../model/report.ts";
import {
  BINARY_FORMATS,
  EXTENSIONS,
  type Format,
  FORMATS,
  render,
  safeTerminalText,
  shouldColor,
} from "../render/index.ts";
import { runAnnotateCommand } from "./annotate.ts";
import type { ReaderName } from "../ingest/index.ts";
import { listRules } from "./list-rules.ts";
import { runCompareCommand } from "../archive/compare.ts";
import { runBatchCommand, runMergeCommand } from "./batch.ts";
import { BatchError } from "../batch/errors.ts";
import {
  checkModeFlags,
  parsePositiveInt,
  parseShardOption,
  parseTimeout,
  parseTimeZone,
  UsageError,
} from "./flags.ts";
import { inputOverwrittenBy, writeOutput } from "./output.ts";
import { countFindings, countsLine } from "../render/common.ts";
import { resolve } from "node:path";
import process from "node:process";

export const HELP = `jixiao-audit ${TOOL.version} — 绩效自评报告审核工具

用法:
  deno task audit [选项] 文件.docx|文件.csv ...
  deno task audit --batch 目录|通配符 ... --out 输出目录 [--jobs N] [--force] [--timeout 秒] [--shard i/n]
  deno task audit merge --out 合并.db 分片1.db 分片2.db ...
  deno task audit --list-rules
  deno task audit --compare 上年报告.docx 本年报告.docx

选项:
  -f, --format <fmt>   输出格式: text（默认，终端摘要）、json、md、html、csv、sarif、
                       docx（送审 .docx 的副本，问题以 Word 批注标在原文上；需 --out）
      --author <name>  --format docx 或批量 --annotate 的批注作者（默认“绩效报告审核”，也可在配置中设 reviewAuthor）
  -o, --out <path>     写入文件（批量模式下为输出目录）而不是标准输出
  -c, --config <path>  配置文件（默认读取当前目录的 jixiao-audit.json，如存在）
      --cwd <dir>      相对路径（文件、--out、--config）以该目录为准（默认: 运行命令时所在的目录）
      --reader <name>  文档读取器: ooxml（默认，快速）或 mammoth
      --convert-with-soffice  .doc/.wps/.xls 先用 LibreOffice（soffice）转换为 .docx/.xlsx 再审核（需已安装 LibreOffice）
      --list-rules     列出全部规则（规则号、默认级别、说明）
      --compare        跨报告比对两份报告：套用他单位报告、沿用往年报告、跨年度数据不一致（按单位名称和年度配对）
      --batch          批量模式: 递归审核目录中的 .docx/.csv，结果写入 results.jsonl、audit.db、summary.md/csv
  -j, --jobs <n>       批量模式的并行数（默认和上限: CPU 核数）
      --force          批量模式: 重新审核已审核过的文件
      --timeout <s>    批量模式: 单个文件的时限（秒，默认 60，最长 86400）
      --shard <i/n>    批量模式: 只处理第 i 份（共 n 份），供多台机器分担
      --annotate       批量模式: 另为每个 .docx 写出带批注的副本（<文件名>.审核批注.docx）
      --tz <时区>      批量模式: 汇总和工作簿中时间所用的时区（默认 Asia/Shanghai，也可在配置中设 timeZone）
      --no-color       终端输出不使用颜色（也可设置 NO_COLOR）
  -h, --help           显示本帮助
  -V, --version        显示版本

退出码: 0 未发现错误级问题；1 发现错误级问题；2 有文件无法读取，或参数/配置有误。
`;

const OPTIONS = {
  format: { type: "string", short: "f" },
  author: { type: "string" },
  out: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  reader: { type: "string" },
  "convert-with-soffice": { type: "boolean" },
  "list-rules": { type: "boolean" },
  compare: { type: "boolean" },
  batch: { type: "boolean" },
  jobs: { type: "string", short: "j" },
  force: { type: "boolean" },
  timeout: { type: "string" },
  shard: { type: "string" },
  "no-color": { type: "boolean" },
  annotate: { type: "boolean" },
  tz: { type: "string" },
  cwd: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.cwd !== undefined && !enterDir(v.cwd, "--cwd")) return 2;
  if (v.help) return print(HELP, 0);
  if (v.version) return print(`${TOOL.name} ${TOOL.version}\n`, 0);
  if (v["list-rules"]) return print(listRules(RULES), 0);
  try {
    const reader = parseReader(v.reader);
    if (positionals[0] === "merge") {
      checkModeFlags("merge", v);
      if (!v.out) throw new UsageError("merge 需要 --out 指定合并后的数据库路径。");
      return await runMergeCommand(v.out, positionals.slice(1));
    }
    const config = await loadConfig(v.config, ALL_RULE_METAS);
    if (positionals.length === 0) {
      throw new UsageError("请至少指定一个要审核的文件（或用 --help 查看用法）。");
    }
    if (v.batch) {
      if (v["convert-with-soffice"]) {
        throw new UsageError(
          "--convert-with-soffice 目前只用于单文件模式；批量模式使用内置读取器读取 .doc/.wps。",
        );
      }
      checkModeFlags("batch", v);
      if (!v.out) throw new UsageError("批量模式需要 --out 指定输出目录。");
      return await runBatchCommand({
        inputs: positionals,
        outDir: v.out,
        jobs: parsePositiveInt(v.jobs, "--jobs"),
        force: !!v.force,
        timeoutMs: (parseTimeout(v.timeout) ?? 60) * 1000,
        shard: parseShardOption(v.shard),
        configPath: v.config,
        reader,
        annotate: !!v.annotate,
        author: v.author,
        timeZone: parseTimeZone(v.tz) ?? config.timeZone,
      });
    }
    checkModeFlags("single", v);
    if (v.compare) {
      if (positionals.length !== 2) {
        throw new UsageError("--compare 需要两份报告：上年报告.docx 本年报告.docx。");
      }
      const format = parseFormat(v.format);
      const { report, output } = await runCompareCommand(positionals, {
        config,
        reader,
        format,
        color: format === "text" && !v.out && !v["no-color"] && shouldColor(),
      });
      if (v.out) {
        const written = await writeOutput(v.out, new TextEncoder().encode(output), `.${EXTENSIONS[format]}`);
        if (!written.ok) return print(safeTerminalText(written.message), 2, true);
        printWritten(report, v.out);
      } else await writeStdout(output);
      return exitCode(report);
    }
    const format = v.format === "docx" ? "docx" : parseFormat(v.format);
    if (v.author !== undefined && format !== "docx") throw new UsageError("--author 只用于 --format docx。");
    if (v.out) {
      const input = await inputOverwrittenBy(v.out, positionals);
      if (input) {
        throw new UsageError(
          `--out 指定的 ${v.out} 就是要审核的文件 ${input}，写入会覆盖送审的报告。请换一个输出文件名。`,
        );
      }
    }
    if (format === "docx") {
      const r = await runAnnotateCommand({
        files: positionals,
        out: v.out,
        config,
        reader,
        author: v.author,
      });
      if (typeof r === "number") return r;
      if (v.out) printWritten(r, v.out);
      return exitCode(r);
    }
    return await auditFiles(positionals, {
      format,
      out: v.out,
      config,
      reader,
      color: !v["no-color"],
      convertWithSoffice: !!v["convert-with-soffice"],
    });
  } catch (e) {
    if (e instanceof UsageError) return usage(safeTerminalText(e.message));
    if (e instanceof ConfigError || e instanceof BatchError) {
      return print(`${safeTerminalText(e.message)}\n`, 2, true);
    }
    throw e;
  }
}

async function auditFiles(
  files: string[],
  opts: {
    format: Format;
    out?: string;
    config: Awaited<ReturnType<typeof loadConfig>>;
    reader: ReaderName;
    color: boolean;
    convertWithSoffice?: boolean;
  },
): Promise<number> {
  const report: AuditReport = { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents: [] };
  const documents = new Map<string, Document>();
  for (const file of files) {
    const { result, audited } = await auditFile(file, {
      config: opts.config,
      reader: opts.reader,
      convertWithSoffice: opts.convertWithSoffice,
    });
    report.documents.push(result);
    if (audited) documents.set(file, audited.doc);
    if (result.status === "error") console.error(`✗ ${safeTerminalText(result.error?.message ?? "")}`);
  }
  const color = opts.format === "text" && !opts.out && opts.color && shouldColor();
  const output = render(opts.format, { report, documents, rules: RULES.map((r) => r.meta), color });
  if (opts.out) {
    const bytes = typeof output === "string" ? new TextEncoder().encode(output) : output;
    const written = await writeOutput(opts.out, bytes, `.${EXTENSIONS[opts.format]}`);
    if (!written.ok) return print(safeTerminalText(written.message), 2, true);
    printWritten(report, opts.out);
  } else await writeStdout(output);
  return exitCode(report);
}

export function exitCode(report: AuditReport): number {
  if (report.documents.some((d) => d.status === "error")) return 2;
  const hasError = report.documents.some((d) =>
    d.findings.some((f) => f.severity === "error" && !f.suppressed)
  );
  return hasError ? 1 : 0;
}

function parseFormat(s: string | undefined): Format {
  const f = s ?? "text";
  if (!(FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`不支持的输出格式 "${f}"，可选: ${[...FORMATS, ...BINARY_FORMATS].join("、")}。`);
  }
  return f as Format;
}

function parseReader(s: string | undefined): ReaderName {
  if (s === undefined || s === "ooxml" || s === "mammoth") return s ?? "ooxml";
  throw new UsageError(`不支持的读取器 "${s}"，可选: ooxml、mammoth。`);
}

async function writeStdout(output: string | Uint8Array): Promise<void> {
  const bytes = typeof output === "string" ? new TextEncoder().encode(output) : output;
  let written = 0;
  while (written < bytes.length) written += await Deno.stdout.write(bytes.subarray(written));
}

function usage(message: string): number {
  return print(`参数错误：${message}\n用 --help 查看用法。\n`, 2, true);
}

function print(text: string, code: number, toStderr = false): number {
  (toStderr ? console.error : console.log)(text.replace(/\n$/, ""));
  return code;
}

/**
 * Relative paths are the caller's: `deno task` runs in the project folder but passes the caller's folder
 * as INIT_CWD; `--cwd` names it explicitly. False (with the message printed) when the folder is unusable.
 */
export function enterDir(dir: string, what: string): boolean {
  try {
    // process.chdir, not Deno.chdir: an npm dependency (graceful-fs) caches process.cwd() until it is called.
    process.chdir(dir);
    return true;
  } catch (e) {
    console.error(safeTerminalText(`无法进入 ${what} 指定的目录 ${dir}（${(e as Error).message}）。`));
    return false;
  }
}

/** With --out: one line on the terminal, the counts and where the file is. */
function printWritten(report: AuditReport, out: string): void {
  const findings = report.documents.flatMap((d) => d.findings);
  const failed = report.documents.filter((d) => d.status === "error").length;
  const files = `${report.documents.length} 个文件${failed ? `（${failed} 个无法读取）` : ""}`;
  console.error(
    safeTerminalText(
      `审核完成：${files}，${countsLine(countFindings(findings))}。结果已写入 ${resolve(Deno.cwd(), out)}`,
    ),
  );
}

if (import.meta.main) {
  const initCwd = Deno.env.get("INIT_CWD");
  if (initCwd && initCwd !== Deno.cwd() && !enterDir(initCwd, "INIT_CWD")) Deno.exit(2);
  Deno.exit(await main(Deno.args));
}
