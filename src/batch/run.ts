/**
 * runBatch: discover → shard → (hash, skip if done) → worker pool → SQLite + JSONL as each file finishes →
 * summaries regenerated from the database.
 */
import * as path from "node:path";
import { errorResult, TOOL } from "../audit.ts";
import { IngestError } from "../ingest/errors.ts";
import { type Config, DEFAULT_CONFIG } from "../model/config.ts";
import type { DocumentResult } from "../model/report.ts";
import { discoverFiles, type FoundFile } from "./discover.ts";
import { hashFile, openTextWriter, settingsKey } from "./files.ts";
import { loadConfig } from "../config/load.ts";
import { type Outcome, WorkerPool } from "./pool.ts";
import { defaultProgressMode, Progress, stderrLog } from "./progress.ts";
import { inShard } from "./shard.ts";
import { Store } from "./store.ts";
import { jsonlLine, writeJsonl, writeSummaryCsv, writeSummaryMd } from "./summary.ts";
import type { BatchOptions, BatchSummary, Counts } from "./types.ts";

export function outputPaths(outDir: string) {
  return {
    jsonl: path.join(outDir, "results.jsonl"),
    db: path.join(outDir, "audit.db"),
    summaryMd: path.join(outDir, "summary.md"),
    summaryCsv: path.join(outDir, "summary.csv"),
  };
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

function emptyCounts(): Counts {
  return { documents: 0, ok: 0, error: 0, findings: { error: 0, warning: 0, info: 0 } };
}

function addToCounts(c: Counts, r: DocumentResult): void {
  c.documents++;
  if (r.status === "ok") c.ok++;
  else c.error++;
  for (const f of r.findings) if (!f.suppressed) c.findings[f.severity]++;
}

export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const start = performance.now();
  const jobs = opts.jobs && opts.jobs > 0 ? Math.floor(opts.jobs) : navigator.hardwareConcurrency || 1;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const log = opts.log ?? stderrLog;
  const config = opts.configPath ? await loadConfig(opts.configPath) : DEFAULT_CONFIG;
  const settings = settingsKey(config, opts.reader);

  const found = await discoverFiles(opts.inputs);
  const selected = found.filter((f) => inShard(f.rel, opts.shard));

  await Deno.mkdir(opts.outDir, { recursive: true });
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
      found,
      selected,
      outputs,
      store,
    });
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
  found: FoundFile[];
  selected: FoundFile[];
  outputs: ReturnType<typeof outputPaths>;
  store: Store;
}

async function runWithStore(opts: BatchOptions, ctx: RunContext): Promise<BatchSummary> {
  const { start, jobs, timeoutMs, log, config, settings, found, selected, outputs, store } = ctx;
  const jsonl = openTextWriter(outputs.jsonl, "append");
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

  const record = (result: DocumentResult) => {
    store.record(result, TOOL.version, settings, runId);
    jsonl.write(jsonlLine(JSON.stringify(result), TOOL.version) + "\n");
  };

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
      const sha = await hashFile(f.path).catch(() => null);
      if (sha && !opts.force) {
        if (store.findDone(f.path, sha, TOOL.version, settings)) {
          skipped++;
          progress.tick("skipped");
          continue;
        }
      }
      pool ??= new WorkerPool(
        jobs,
        { type: "init", config, reader: opts.reader, hooks: opts.testHooks },
        timeoutMs,
      );
      const p: Promise<void> = pool.run(f.path).then((outcome) => {
        const result = outcomeToResult(f, sha, outcome, timeoutMs);
        if (!result) return;
        if (outcome.kind === "timeout") timeouts++;
        if (outcome.kind === "crash") crashes++;
        record(result);
        addToCounts(run, result);
        progress.tick(result.status === "ok" ? "audited" : "failed");
      }).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
    pool?.close();
    jsonl.close();
    progress.finish();
    store.finishRun(runId);
  }

  writeJsonl(store, outputs.jsonl);
  writeSummaryMd(store, outputs.summaryMd);
  writeSummaryCsv(store, outputs.summaryCsv);
  const elapsedMs = performance.now() - start;
  return {
    runId,
    discovered: found.length,
    selected: selected.length,
    audited: run.documents,
    skipped,
    timeouts,
    crashes,
    interrupted: stopping > 0,
    run,
    all: store.counts(),
    elapsedMs,
    filesPerSecond: run.documents / Math.max(elapsedMs / 1000, 1e-3),
    outputs,
  };
}
