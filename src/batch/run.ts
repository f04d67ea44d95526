/**
 * runBatch: check the output folder and lock it → discover (every unauditable path recorded with its
 * status) → shard → stat (pipes, devices and oversized files refused unread) → hash, skip if done →
 * audit processes → SQLite as each file finishes, results.jsonl exported from it → summaries.
 */
import * as path from "node:path";
import { errorResult, TOOL } from "../audit.ts";
import { IngestError } from "../ingest/errors.ts";
import { MAX_FILE_BYTES } from "../ingest/index.ts";
import { type Config, DEFAULT_CONFIG } from "../model/config.ts";
import type { DocumentResult } from "../model/report.ts";
import { loadConfig } from "../config/load.ts";
import { discover, type FoundFile, notRegular, type PathProblem } from "./discover.ts";
import { BatchError, reason } from "./errors.ts";
import { hashFile, settingsKey } from "./files.ts";
import { JsonlExport } from "./jsonl.ts";
import { OutputLock } from "./lock.ts";
import { type Outcome, WorkerPool } from "./pool.ts";
import { defaultProgressMode, Progress, stderrLog } from "./progress.ts";
import { inShard } from "./shard.ts";
import { databaseError, Store } from "./store.ts";
import { writeSummaryCsv, writeSummaryMd } from "./summary.ts";
import type { BatchOptions, BatchSummary, Counts } from "./types.ts";

/** setTimeout's limit (2^31-1 ms); beyond it a timer fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Error codes of paths found unauditable without reading them; re-listed by every run. */
const PATH_CODES = [
  "unreadable-folder",
  "symlink-loop",
  "dangling-symlink",
  "symlink-folder",
  "not-regular-file",
];

export function outputPaths(outDir: string) {
  return {
    jsonl: path.join(outDir, "results.jsonl"),
    db: path.join(outDir, "audit.db"),
    summaryMd: path.join(outDir, "summary.md"),
    summaryCsv: path.join(outDir, "summary.csv"),
  };
}

/** Parallel processes: as asked, but never more than the cores or the files. */
export function effectiveJobs(requested: number | undefined, files: number): number {
  const cores = navigator.hardwareConcurrency || 1;
  const want = requested && requested > 0 ? Math.floor(requested) : cores;
  return Math.max(1, Math.min(want, cores, files));
}

function outcomeToResult(f: FoundFile, sha: string | null, outcome: Outcome, timeoutMs: number) {
  switch (outcome.kind) {
    case "result":
      return outcome.result;
    case "timeout":
      return errorResult(
        f.path,
        sha,
        new IngestError(
          "timeout",
          `处理文件 ${f.path} 超时（超过 ${timeoutMs / 1000} 秒），已终止并跳过。` +
            `可调大 --timeout 后重新运行（超时的文件会重新审核），或单独审核该文件排查原因。`,
          f.path,
        ),
      );
    case "crash":
      return errorResult(
        f.path,
        sha,
        new IngestError(
          "internal",
          `处理文件 ${f.path} 时审核进程意外退出（${outcome.message}）。请将该文件与此信息反馈给开发者。`,
          f.path,
        ),
      );
    case "abandoned":
      return null;
  }
}

function pathResult(file: string, code: string, message: string): DocumentResult {
  return {
    file,
    sha256: null,
    status: "error",
    error: { code, message },
    meta: { title: null, year: null, unit: null },
    findings: [],
    diagnostics: [],
  };
}

/** A file refused by stat, before anything reads it: not a regular file, or over the size limit. */
async function statProblem(f: FoundFile): Promise<DocumentResult | null> {
  let st: Deno.FileInfo;
  try {
    st = await Deno.stat(f.path);
  } catch (e) {
    return pathResult(
      f.path,
      "unreadable",
      `无法读取文件：${f.path}（${reason(e)}）。请确认它存在且有读取权限。`,
    );
  }
  if (!st.isFile) return pathResult(f.path, "not-regular-file", notRegular(f.path));
  if (st.size > MAX_FILE_BYTES) {
    return pathResult(
      f.path,
      "too-large",
      `文件“${f.path}”有 ${(st.size / 1024 / 1024).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB ` +
        `的上限，未读取。请压缩或删除文档中的图片后另存为 .docx 再试。`,
    );
  }
  return null;
}

function emptyCounts(): Counts {
  return { documents: 0, ok: 0, error: 0, findings: { error: 0, warning: 0, info: 0 } };
}

function addToCounts(c: Counts, r: DocumentResult): void {
  c.documents++;
  if (r.status === "ok") c.ok++;
  else c.error++;
  for (const f of r.findings) if (!f.suppressed) c.findings[f.severity]++;
}

/** The output folder exists (created if missing) and is a folder; a BatchError naming it otherwise. */
export async function prepareOutDir(outDir: string): Promise<void> {
  const st = await Deno.stat(outDir).catch(() => null);
  if (st && !st.isDirectory) {
    throw new BatchError(
      `批量模式的 --out 应是文件夹，但 ${outDir} 是一个文件。请指定一个文件夹（不存在时会自动创建），` +
        `例如 --out results/。`,
    );
  }
  try {
    await Deno.mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new BatchError(
      `无法创建输出目录 ${outDir}（${reason(e)}）。请检查路径和写入权限，或换一个 --out 目录。`,
    );
  }
}

export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const start = performance.now();
  const timeoutMs = Math.min(Math.max(opts.timeoutMs ?? 60_000, 1), MAX_TIMEOUT_MS);
  const log = opts.log ?? stderrLog;
  const config = opts.configPath ? await loadConfig(opts.configPath) : DEFAULT_CONFIG;
  const settings = settingsKey(config, opts.reader);

  await prepareOutDir(opts.outDir);
  using _lock = OutputLock.acquire(opts.outDir);
  const found = await discover(opts.inputs, { outDir: opts.outDir, readDir: opts.readDir });
  for (const dir of found.skippedOutputs) log(`已跳过输出文件夹（不审核审核结果本身）：${dir}`, false);
  const selected = found.files.filter((f) => inShard(f.rel, opts.shard));
  const problems = found.problems.filter((p) => inShard(p.rel, opts.shard));
  const jobs = effectiveJobs(opts.jobs, selected.length);

  const outputs = outputPaths(opts.outDir);
  const store = new Store(outputs.db);
  try {
    return await runWithStore(opts, {
      start,
      jobs,
      timeoutMs,
      log,
      config,
      settings,
      discovered: found.files.length,
      selected,
      problems,
      outputs,
      store,
    });
  } catch (e) {
    if (e instanceof Error && "code" in e && e.code === "ERR_SQLITE_ERROR") {
      throw databaseError(outputs.db, e);
    }
    throw e;
  } finally {
    store.close();
  }
}

interface RunContext {
  start: number;
  jobs: number;
  timeoutMs: number;
  log: (line: string, sameLine: boolean) => void;
  config: Config;
  settings: string;
  discovered: number;
  selected: FoundFile[];
  problems: PathProblem[];
  outputs: ReturnType<typeof outputPaths>;
  store: Store;
}

async function runWithStore(opts: BatchOptions, ctx: RunContext): Promise<BatchSummary> {
  const { start, jobs, timeoutMs, log, config, settings, selected, problems, outputs, store } = ctx;
  const jsonl = new JsonlExport(store, outputs.jsonl);
  jsonl.flush(); // a results.jsonl left by a killed run is replaced by what the database holds
  const runId = store.beginRun(TOOL.version, {
    inputs: opts.inputs,
    jobs,
    force: !!opts.force,
    timeoutMs,
    shard: opts.shard ? `${opts.shard.index}/${opts.shard.count}` : null,
    configPath: opts.configPath ?? null,
    reader: opts.reader ?? null,
    settings,
  });
  const progress = new Progress(opts.progress ?? defaultProgressMode(), selected.length, log);
  const run = emptyCounts();
  let skipped = 0, timeouts = 0, crashes = 0;

  const record = (result: DocumentResult, realPath: string) => {
    store.record(result, realPath, TOOL.version, settings, runId);
    addToCounts(run, result);
    jsonl.changed();
  };

  store.deleteByCodes(PATH_CODES);
  for (const p of problems) record(pathResult(p.path, p.code, p.message), p.key);

  let pool: WorkerPool | undefined;
  let stopping = 0;
  const onSigint = () => {
    stopping++;
    if (stopping === 1) {
      log("收到中断信号：不再派发新文件，正在等待进行中的文件完成（再按一次 Ctrl-C 立即放弃）。", false);
    } else pool?.close();
  };
  Deno.addSignalListener("SIGINT", onSigint);

  try {
    const inflight = new Set<Promise<void>>();
    for (const f of selected) {
      while (inflight.size >= jobs && !stopping) await Promise.race(inflight);
      if (stopping) break;
      const refused = await statProblem(f);
      if (refused) {
        record(refused, f.real);
        progress.tick("failed");
        continue;
      }
      const sha = await hashFile(f.path).catch(() => null);
      if (sha && !opts.force && store.findDone(f.real, sha, TOOL.version, settings)) {
        skipped++;
        progress.tick("skipped");
        continue;
      }
      pool ??= new WorkerPool(
        jobs,
        { type: "init", config, reader: opts.reader, hooks: opts.testHooks },
        timeoutMs,
        opts.onAuditProcess,
      );
      const p: Promise<void> = pool.run(f.path).then((outcome) => {
        const result = outcomeToResult(f, sha, outcome, timeoutMs);
        if (!result) return;
        if (outcome.kind === "timeout") timeouts++;
        if (outcome.kind === "crash") crashes++;
        record(result, f.real);
        progress.tick(result.status === "ok" ? "audited" : "failed");
      }).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
    await pool?.close();
    jsonl.stop();
    progress.finish();
    store.finishRun(runId);
  }

  jsonl.flush();
  writeSummaryMd(store, outputs.summaryMd);
  writeSummaryCsv(store, outputs.summaryCsv);
  const elapsedMs = performance.now() - start;
  const audited = run.documents - problems.length;
  return {
    runId,
    discovered: ctx.discovered,
    selected: selected.length,
    audited,
    skipped,
    problems: problems.length,
    jobs,
    timeouts,
    crashes,
    interrupted: stopping > 0,
    run,
    all: store.counts(),
    elapsedMs,
    filesPerSecond: audited / Math.max(elapsedMs / 1000, 1e-3),
    outputs,
  };
}
