/** CLI glue for batch runs and shard merging; the work itself is in src/batch/. */
import { mergeDatabases, runBatch } from "../batch/index.ts";
import type { Shard } from "../batch/index.ts";
import { BatchError, reason } from "../batch/errors.ts";
import { ConfigError } from "../config/load.ts";
import type { ReaderName } from "../ingest/index.ts";
import { safeTerminalText } from "../render/escape.ts";

export interface BatchCommand {
  inputs: string[];
  outDir: string;
  /** As given; runBatch caps it by cores and files. */
  jobs?: number;
  force: boolean;
  timeoutMs: number;
  shard?: Shard;
  configPath?: string;
  reader: ReaderName;
  /** Write <name>.审核批注.docx for every .docx. */
  annotate?: boolean;
  author?: string;
  timeZone?: string;
}

/** The one place batch and merge messages reach the terminal (paths can hold control characters). */
function say(text: string): void {
  console.error(safeTerminalText(text));
}

/** Anything else that escapes a batch or a merge: exit 2 with a Chinese message, not a stack trace. */
function unexpected(what: string, where: string, e: unknown): BatchError {
  if (e instanceof BatchError || e instanceof ConfigError) return e;
  return new BatchError(
    `${what}时出错（${where}）：${reason(e)}。请检查路径和权限后重试；如反复出现，请将此信息反馈给开发者。`,
  );
}

export async function runBatchCommand(cmd: BatchCommand): Promise<number> {
  let summary;
  try {
    summary = await runBatch({
      inputs: cmd.inputs,
      outDir: cmd.outDir,
      jobs: cmd.jobs,
      force: cmd.force,
      timeoutMs: cmd.timeoutMs,
      shard: cmd.shard,
      progress: Deno.stderr.isTerminal() ? "tty" : "plain",
      configPath: cmd.configPath,
      reader: cmd.reader,
      annotate: cmd.annotate,
      author: cmd.author,
      timeZone: cmd.timeZone,
    });
  } catch (e) {
    throw unexpected("批量审核", cmd.outDir, e);
  }
  const { run, all } = summary;
  if (cmd.jobs && cmd.jobs > summary.jobs) {
    say(`--jobs ${cmd.jobs} 超过 CPU 核数或文件数，按 ${summary.jobs} 个并行进程运行。`);
  }
  say(
    `批量审核${summary.interrupted ? "已中断" : "完成"}：本次审核 ${summary.audited} 个` +
      `（成功 ${run.ok}，失败 ${run.error - summary.problems}），跳过（已审核）${summary.skipped} 个` +
      (summary.problems ? `，无法审核的路径 ${summary.problems} 个（见 summary.md）` : "") +
      (summary.ignored ? `，非报告或跳过的文件 ${summary.ignored} 个（见工作簿“未处理文件”表）` : "") +
      `；结果在 ${cmd.outDir}（审核结果.xlsx、reports/${cmd.annotate ? "、*.审核批注.docx" : ""}）`,
  );
  if (summary.interrupted || all.error > 0) return 2;
  return all.findings.error > 0 ? 1 : 0;
}

export async function runMergeCommand(out: string, inputs: string[]): Promise<number> {
  if (inputs.length === 0) {
    say("参数错误：merge 需要至少一个分片数据库（audit.db）。");
    return 2;
  }
  try {
    await mergeDatabases(out, inputs);
  } catch (e) {
    throw unexpected("合并", out, e);
  }
  say(`已合并 ${inputs.length} 个数据库到 ${out}`);
  return 0;
}
