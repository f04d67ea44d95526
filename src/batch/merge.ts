/**
 * `merge`: join shard databases into one, then regenerate results.jsonl and the summaries next to it.
 */
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { DocumentResult } from "../model/report.ts";
import { Store } from "./store.ts";
import { writeJsonl, writeSummaryCsv, writeSummaryMd } from "./summary.ts";
import type { MergeSummary } from "./types.ts";

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  tool_version: string;
  args: string;
}

interface DocRow {
  json: string;
  tool_version: string;
  settings: string;
  run_id: number | null;
}

/**
 * Rows for the same path in several inputs: the later input wins (shards of one archive never overlap).
 * summary.md, summary.csv and results.jsonl are written in the folder of `outDb`.
 */
export async function mergeDatabases(outDb: string, inputs: string[]): Promise<MergeSummary> {
  if (inputs.length === 0) throw new Error("合并需要至少一个分片数据库（audit.db）。");
  const outAbs = path.resolve(outDb);
  for (const input of inputs) {
    if (path.resolve(input) === outAbs) {
      throw new Error(`合并的输出数据库不能同时是输入：${input}。请换一个输出路径。`);
    }
    const st = await Deno.stat(input).catch(() => null);
    if (!st?.isFile) throw new Error(`分片数据库不存在：${input}。请检查路径。`);
  }
  const outDir = path.dirname(outDb);
  await Deno.mkdir(outDir, { recursive: true });
  const store = new Store(outDb);
  let runs = 0, documents = 0, findings = 0;
  try {
    const insertRun = store.db.prepare(
      "INSERT INTO runs (started_at, finished_at, tool_version, args) VALUES (?, ?, ?, ?)",
    );
    for (const input of inputs) {
      let src: DatabaseSync;
      try {
        src = new DatabaseSync(input, { readOnly: true });
        src.prepare("SELECT 1 FROM documents LIMIT 1").all();
      } catch (e) {
        throw new Error(
          `无法读取分片数据库：${input}（${(e as Error).message}）。请确认它是批量审核生成的 audit.db。`,
        );
      }
      try {
        const runMap = new Map<number, number>();
        for (const row of src.prepare("SELECT * FROM runs ORDER BY id").iterate()) {
          const r = row as unknown as RunRow;
          const res = insertRun.run(r.started_at, r.finished_at, r.tool_version, r.args);
          runMap.set(r.id, Number(res.lastInsertRowid));
          runs++;
        }
        for (
          const row of src.prepare("SELECT json, tool_version, settings, run_id FROM documents ORDER BY path")
            .iterate()
        ) {
          const d = row as unknown as DocRow;
          const result = JSON.parse(d.json) as DocumentResult;
          const runId = d.run_id === null ? null : runMap.get(d.run_id) ?? null;
          store.insertMerged(result, d.tool_version, d.settings, runId);
          documents++;
          findings += result.findings.length;
        }
      } finally {
        src.close();
      }
    }
    const outputs = {
      db: outDb,
      jsonl: path.join(outDir, "results.jsonl"),
      summaryMd: path.join(outDir, "summary.md"),
      summaryCsv: path.join(outDir, "summary.csv"),
    };
    writeJsonl(store, outputs.jsonl);
    writeSummaryMd(store, outputs.summaryMd);
    writeSummaryCsv(store, outputs.summaryCsv);
    return { inputs: inputs.length, runs, documents, findings, all: store.counts(), outputs };
  } finally {
    store.close();
  }
}
