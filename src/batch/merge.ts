/**
 * `merge`: join shard databases into one, then regenerate results.jsonl and the summaries next to it.
 * Idempotent: documents are keyed by real path and runs by (start, version, args), so merging the same
 * shards again changes nothing. The output never overwrites a shard or a shard's result files.
 */
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { DocumentResult } from "../model/report.ts";
import { BatchError, reason } from "./errors.ts";
import { OutputLock } from "./lock.ts";
import { prepareOutDir } from "./run.ts";
import { databaseError, Store } from "./store.ts";
import { writeJsonl, writeSummaryCsv, writeSummaryMd } from "./summary.ts";
import type { MergeSummary } from "./types.ts";
import { ArchiveIndex } from "../archive/index.ts";
import { mergeArchive, updateArchiveFindings } from "../archive/batch.ts";

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  tool_version: string;
  args: string;
}

interface DocRow {
  path: string;
  real_path?: string | null;
  json: string;
  tool_version: string;
  settings: string;
  run_id: number | null;
  places?: string | null;
  output_name?: string | null;
}

async function identity(p: string): Promise<string> {
  try {
    const st = await Deno.stat(p);
    if (st.dev !== null && st.ino !== null) return `${st.dev}:${st.ino}`;
  } catch { /* not there (yet) */ }
  return await Deno.realPath(p).catch(() => path.resolve(p));
}

/** Refuse an output that is, or would overwrite the result files of, one of the inputs. */
async function checkOutput(outDb: string, inputs: string[]): Promise<void> {
  const outId = await identity(outDb);
  const outDir = path.dirname(outDb);
  const outDirId = await identity(outDir);
  for (const input of inputs) {
    const st = await Deno.stat(input).catch(() => null);
    if (!st?.isFile) throw new BatchError(`分片数据库不存在：${input}。请检查路径。`);
    if ((await identity(input)) === outId) {
      throw new BatchError(
        `合并的输出数据库不能同时是输入：${input}。请换一个输出路径，例如 merged/audit.db。`,
      );
    }
    if ((await identity(path.dirname(input))) === outDirId) {
      throw new BatchError(
        `合并输出 ${outDb} 与分片 ${input} 在同一文件夹，合并会覆盖该分片的 results.jsonl、summary.md 和 ` +
          `summary.csv。请把 --out 放到单独的文件夹，例如 merged/audit.db。`,
      );
    }
  }
  const own = path.join(outDir, "audit.db");
  if ((await identity(own)) !== outId && (await Deno.stat(own).catch(() => null))?.isFile) {
    throw new BatchError(
      `${outDir} 是一次批量审核的输出目录（含 audit.db），合并会覆盖其中的 results.jsonl 和汇总文件。` +
        `请把 --out 放到单独的文件夹，例如 merged/audit.db。`,
    );
  }
}

/**
 * Rows for the same file in several inputs: the later input wins (shards of one archive never overlap).
 * summary.md, summary.csv and results.jsonl are written in the folder of `outDb` (a folder given as `outDb`
 * means `outDb/audit.db`).
 */
export async function mergeDatabases(outDb: string, inputs: string[]): Promise<MergeSummary> {
  if (inputs.length === 0) throw new BatchError("合并需要至少一个分片数据库（audit.db）。");
  if ((await Deno.stat(outDb).catch(() => null))?.isDirectory) outDb = path.join(outDb, "audit.db");
  await checkOutput(outDb, inputs);
  const outDir = path.dirname(outDb);
  await prepareOutDir(outDir);
  using _lock = OutputLock.acquire(outDir);
  const store = new Store(outDb);
  let runs = 0, documents = 0, findings = 0;
  try {
    const archive = new ArchiveIndex(store.db);
    for (const input of inputs) {
      let src: DatabaseSync;
      try {
        src = new DatabaseSync(input, { readOnly: true });
        src.prepare("SELECT 1 FROM documents LIMIT 1").all();
      } catch (e) {
        throw new BatchError(
          `无法读取分片数据库：${input}（${reason(e)}）。请确认它是批量审核生成的 audit.db。`,
        );
      }
      try {
        const runMap = new Map<number, number>();
        for (const row of src.prepare("SELECT * FROM runs ORDER BY id").iterate()) {
          const r = row as unknown as RunRow;
          runMap.set(r.id, store.mergeRun(r));
          runs++;
        }
        for (const row of src.prepare("SELECT * FROM documents ORDER BY path").iterate()) {
          const d = row as unknown as DocRow;
          const result = JSON.parse(d.json) as DocumentResult;
          const runId = d.run_id === null ? null : runMap.get(d.run_id) ?? null;
          store.insertMerged(result, d.real_path ?? path.resolve(d.path), d.tool_version, d.settings, runId, {
            places: d.places ? JSON.parse(d.places) : null,
            outputName: d.output_name ?? null,
          });
          documents++;
          findings += result.findings.length;
        }
        mergeArchive(archive, src);
      } catch (e) {
        if (e instanceof BatchError) throw e;
        throw new BatchError(
          `合并分片数据库 ${input} 时出错（${reason(e)}）。请确认它是批量审核生成的 audit.db。`,
        );
      } finally {
        src.close();
      }
    }
    // Cross-document findings over the merged archive (each shard only saw its own files).
    updateArchiveFindings(store, archive, "all");
    const outputs = {
      db: outDb,
      jsonl: path.join(outDir, "results.jsonl"),
      summaryMd: path.join(outDir, "summary.md"),
      summaryCsv: path.join(outDir, "summary.csv"),
    };
    try {
      writeJsonl(store, outputs.jsonl);
      writeSummaryMd(store, outputs.summaryMd);
      writeSummaryCsv(store, outputs.summaryCsv);
    } catch (e) {
      throw new BatchError(`无法写入合并结果到 ${outDir}（${reason(e)}）。请检查写入权限和磁盘空间。`);
    }
    return { inputs: inputs.length, runs, documents, findings, all: store.counts(), outputs };
  } catch (e) {
    if (e instanceof Error && "code" in e && e.code === "ERR_SQLITE_ERROR") throw databaseError(outDb, e);
    throw e;
  } finally {
    store.close();
  }
}
