/**
 * runBatch: check the output folder and lock it → discover (every unauditable path recorded with its
 * status) → shard → stat (pipes, devices and oversized files refused unread) → hash, skip if done →
 * audit processes → SQLite as each file finishes, results.jsonl exported from it → summaries.
 */
import * as path from "node:path";
import { ALL_RULE_METAS, errorResult, TOOL } from "../audit.ts";
import { IngestError } from "../ingest/errors.ts";
import { MAX_FILE_BYTES } from "../ingest/index.ts";
import { type Config, DEFAULT_CONFIG } from "../model/config.ts";
import type { DocumentResult } from "../model/report.ts";
import { loadConfig } from "../config/load.ts";
import { discover, type FoundFile, type Ignored, notRegular, type PathProblem } from "./discover.ts";
import { annotatedRel, outputNames, reportRel, WORKBOOK_NAME } from "./names.ts";
import type { DocOutputs } from "./protocol.ts";
import { writeWorkbook } from "./workbook.ts";
import { DEFAULT_TIME_ZONE } from "../render/time.ts";
import { BatchError, reason } from "./errors.ts";
import { hashFile, settingsKey } from "./files.ts";
import { JsonlExport } from "./jsonl.ts";
import { OutputLock } from "./lock.ts";
import { type Outcome, WorkerPool } from "./pool.ts";
import { defaultProgressMode, Progress, stderrLog } from "./progress.ts";
import { inShard } from "./shard.ts";
import { databaseError, type DocExtras, Store } from "./store.ts";
import { writeSummaryCsv, writeSummaryMd } from "./summary.ts";
import type { BatchOptions, BatchSummary, Counts } from "./types.ts";
import { ArchiveIndex } from "../archive/index.ts";
import { updateArchiveFindings } from "../archive/batch.ts";

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
    workbook: path.join(outDir, WORKBOOK_NAME),
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
  const config = opts.configPath ? await loadConfig(opts.configPath, ALL_RULE_METAS) : DEFAULT_CONFIG;
  const settings = settingsKey(config, opts.reader);

  await prepareOutDir(opts.outDir);
  using _lock = OutputLock.acquire(opts.outDir);
  const found = await discover(opts.inputs, { outDir: opts.outDir, readDir: opts.readDir });
  for (const dir of found.skippedOutputs) log(`已跳过输出文件夹（不审核审核结果本身）：${dir}`, false);
  const selected = found.files.filter((f) => inShard(f.rel, opts.shard));
  const problems = found.problems.filter((p) => inShard(p.rel, opts.shard));
  const ignored = found.ignored.filter((p) => inShard(p.rel, opts.shard));
  // Named over every file found (before sharding), so shards and re-runs agree on each file's output names.
  const names = outputNames(found.files.map((f) => ({ key: f.real, rel: f.rel })));
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
      ignored,
      names,
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
  ignored: Ignored[];
  /** Output name of each file (by real path): reports/<name>.html, <name>.审核批注.docx. */
  names: Map<string, string>;
  outputs: ReturnType<typeof outputPaths>;
  store: Store;
}

async function exists(p: string): Promise<boolean> {
  return await Deno.stat(p).then((s) => s.isFile, () => false);
}

async function runWithStore(opts: BatchOptions, ctx: RunContext): Promise<BatchSummary> {
  const { start, jobs, timeoutMs, log, config, settings, selected, problems, outputs, store, names } = ctx;
  const now = opts.now ?? (() => new Date());
  const timeZone = opts.timeZone ?? config.timeZone ?? DEFAULT_TIME_ZONE;
  /** Per-document outputs asked of the audit process: always the HTML report; the annotated .docx on request. */
  const docOutputs = (f: FoundFile): DocOutputs => {
    const name = names.get(f.real)!;
    return {
      html: path.join(opts.outDir, reportRel(name)),
      docx: opts.annotate && /\.docx$/i.test(f.path) ? path.join(opts.outDir, annotatedRel(name)) : undefined,
    };
  };
  const outputsExist = async (o: DocOutputs) =>
    (!o.html || await exists(o.html)) && (!o.docx || await exists(o.docx));
  /** Per-document outputs that could not be written: listed in the workbook, never dropped. */
  const outputProblems: Ignored[] = [];
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
  // The archive index (src/archive): passages and year figures of every audited document, for the
  // cross-document rules worked out once the files are done.
  const archive = new ArchiveIndex(store.db);
  const indexed = new Set<number>();
  /** A readable document audited before the archive index existed (or its entry format changed). */
  const unindexed = (real: string) =>
    !archive.has(real) &&
    (store.db.prepare("SELECT status FROM documents WHERE real_path = ?").get(real) as
        | { status?: string }
        | undefined)
        ?.status === "ok";

  const record = (result: DocumentResult, realPath: string, extras: DocExtras = {}) => {
    store.record(result, realPath, TOOL.version, settings, runId, extras);
    addToCounts(run, result);
    if (result.status !== "ok") archive.remove(realPath);
    // results.jsonl is exported from committed rows only: inside a transaction, the caller tells it after.
    if (!store.db.isTransaction) jsonl.changed();
  };

  store.deleteByCodes(PATH_CODES);
  for (const p of problems) record(pathResult(p.path, p.code, p.message), p.key);

  let pool: WorkerPool | undefined;
  let stopping = 0;
  const onSigint = () => {
    stopping++;
    if (stopping === 1) {
      log("收到中断信号：不再派发新文件，正在等待进行中的文件完成（再按一次 Ctrl-C 立即放弃）。", false);
      pool?.drain();
    } else pool?.close();
  };
  Deno.addSignalListener("SIGINT", onSigint);

  try {
    const inflight = new Set<Promise<void>>();
    for (const f of selected) {
      // Each process has a file queued behind the one it audits (pool.ts): 2 × jobs files in flight.
      while (inflight.size >= 2 * jobs && !stopping) await Promise.race(inflight);
      if (stopping) break;
      const refused = await statProblem(f);
      if (refused) {
        record(refused, f.real);
        progress.tick("failed");
        continue;
      }
      const sha = await hashFile(f.path).catch(() => null);
      const wanted = docOutputs(f);
      // Done before, and its report (and annotated copy, when asked) still there: nothing to do.
      if (
        sha && !opts.force && store.findDone(f.real, sha, TOOL.version, settings) &&
        !unindexed(f.real) && await outputsExist(wanted)
      ) {
        store.setOutputName(f.real, names.get(f.real)!);
        skipped++;
        progress.tick("skipped");
        continue;
      }
      pool ??= new WorkerPool(
        jobs,
        {
          type: "init",
          config,
          reader: opts.reader,
          hooks: opts.testHooks,
          author: opts.author ?? config.reviewAuthor,
          writeDir: path.resolve(opts.outDir),
          // A core to spare: each process finishes a file (report, archive entry) while auditing the next.
          offload: jobs < (navigator.hardwareConcurrency || 1),
        },
        timeoutMs,
        opts.onAuditProcess,
      );
      const p: Promise<void> = pool.run(f.path, wanted).then((outcome) => {
        const result = outcomeToResult(f, sha, outcome, timeoutMs);
        if (!result) return;
        if (outcome.kind === "timeout") timeouts++;
        if (outcome.kind === "crash") crashes++;
        const done = outcome.kind === "result" ? outcome : undefined;
        for (const message of done?.outputErrors ?? []) {
          log(message, false);
          outputProblems.push({ path: f.path, rel: f.rel, code: "output-failed", message });
        }
        // The result and its archive entry: one transaction.
        store.transaction(() => {
          record(result, f.real, {
            places: done?.places ?? null,
            outputName: done ? names.get(f.real)! : null,
          });
          if (result.status === "ok" && done?.archive) {
            indexed.add(archive.add(f.real, result.file, result.sha256, done.archive));
          }
        });
        jsonl.changed();
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

  const tAudits = performance.now();
  // Cross-document findings of the documents indexed in this run and of those linked to them.
  if (indexed.size) updateArchiveFindings(store, archive, indexed, config);
  const tArchive = performance.now();
  jsonl.flush();
  const listed = [...ctx.ignored, ...outputProblems];
  const when = { now: now(), timeZone };
  writeSummaryMd(store, outputs.summaryMd, { ...when, ignored: listed });
  writeSummaryCsv(store, outputs.summaryCsv);
  const tSummaries = performance.now();
  await writeWorkbook(store, outputs.workbook, {
    ...when,
    ignored: listed,
    annotate: !!opts.annotate,
    outDir: opts.outDir,
  });
  const elapsedMs = performance.now() - start;
  const phases = {
    audits: tAudits - start,
    archive: tArchive - tAudits,
    jsonlAndSummaries: tSummaries - tArchive,
    workbook: start + elapsedMs - tSummaries,
  };
  const audited = run.documents - problems.length;
  return {
    runId,
    discovered: ctx.discovered,
    selected: selected.length,
    audited,
    skipped,
    problems: problems.length,
    ignored: ctx.ignored.length,
    jobs,
    timeouts,
    crashes,
    interrupted: stopping > 0,
    run,
    all: store.counts(),
    elapsedMs,
    filesPerSecond: audited / Math.max(elapsedMs / 1000, 1e-3),
    phases,
    outputs,
  };
}
