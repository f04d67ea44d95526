/** Shared by the issue-16 batch tests. */
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { BatchOptions } from "../../src/batch/index.ts";

export const SAMPLE =
  new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;

export function opts(inputs: string[], out: string, more: Partial<BatchOptions> = {}): BatchOptions {
  return { inputs, outDir: out, jobs: 1, progress: "none", log: () => {}, ...more };
}

export interface Line {
  file: string;
  status: string;
  error?: { code: string; message: string };
}

export async function jsonl(out: string): Promise<Line[]> {
  const text = await Deno.readTextFile(path.join(out, "results.jsonl"));
  return text.split("\n").filter((l) => l).map((l) => JSON.parse(l));
}

export function query<T>(db: string, sql: string): T[] {
  const d = new DatabaseSync(db, { readOnly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}

export async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "batch-16-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * utime + stime of a process in clock ticks, or null once it is gone or a zombie. Read with `cat`: Deno
 * opens /proc/<pid> only with --allow-all.
 */
export function cpuTicks(pid: number): number | null {
  const r = new Deno.Command("cat", { args: [`/proc/${pid}/stat`], stdout: "piped", stderr: "null" })
    .outputSync();
  if (!r.success) return null;
  const stat = new TextDecoder().decode(r.stdout);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z") return null;
  return Number(fields[11]) + Number(fields[12]);
}
