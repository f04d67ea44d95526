/** CLI glue for batch runs and shard merging; the work itself is in src/batch/. */
import { mergeDatabases, parseShard, runBatch } from "../batch/index.ts";
import type { ReaderName } from "../ingest/index.ts";

export interface BatchCommand {
  inputs: string[];
  outDir: string;
  jobs: number;
  force: boolean;
  timeoutMs: number;
  shard?: string;
  configPath?: string;
  reader: ReaderName;
}

export async function runBatchCommand(cmd: BatchCommand): Promise<number> {
  const summary = await runBatch({
    inputs: cmd.inputs,
    outDir: cmd.outDir,
    jobs: cmd.jobs,
    force: cmd.force,
    timeoutMs: cmd.timeoutMs,
    shard: cmd.shard ? parseShard(cmd.shard) : undefined,
    progress: Deno.stderr.isTerminal() ? "tty" : "plain",
    configPath: cmd.configPath,
    reader: cmd.reader,
  });
  const { run, all } = summary;
  console.error(
    `批量审核${
      summary.interrupted ? "已中断" : "完成"
    }：本次审核 ${summary.audited} 个（成功 ${run.ok}，失败 ${run.error}），` +
      `跳过（已审核）${summary.skipped} 个；结果在 ${cmd.outDir}`,
  );
  if (summary.interrupted || all.error > 0) return 2;
  return all.findings.error > 0 ? 1 : 0;
}

export async function runMergeCommand(out: string, inputs: string[]): Promise<number> {
  if (inputs.length === 0) {
    console.error("参数错误：merge 需要至少一个分片数据库（audit.db）。");
    return 2;
  }
  await mergeDatabases(out, inputs);
  console.error(`已合并 ${inputs.length} 个数据库到 ${out}`);
  return 0;
}
