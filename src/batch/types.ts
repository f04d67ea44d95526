import type { ReaderName } from "../ingest/index.ts";

export type ProgressMode = "tty" | "plain" | "none";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface BatchOptions {
  /** Folders, files and glob patterns (`*`, `**`, `?`, `[...]`). */
  inputs: string[];
  outDir: string;
  /** Parallel workers; default navigator.hardwareConcurrency. */
  jobs?: number;
  /** Re-audit files already in the database. */
  force?: boolean;
  /** Per-file time limit; default 60000. */
  timeoutMs?: number;
  shard?: Shard;
  progress?: ProgressMode;
  configPath?: string;
  reader?: ReaderName;
  /** Test hooks: a worker given a path containing `hang` never answers; containing `crash`, it throws. */
  testHooks?: { hang?: string; crash?: string };
  /** Where progress lines go (default: stderr). */
  log?: (line: string, sameLine: boolean) => void;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface Counts {
  documents: number;
  ok: number;
  error: number;
  /** Findings that were not suppressed by the config. */
  findings: SeverityCounts;
}

export interface BatchSummary {
  runId: number;
  /** Files found by the inputs, before sharding. */
  discovered: number;
  /** Files in this shard (= discovered without --shard). */
  selected: number;
  /** Files audited in this run. */
  audited: number;
  /** Files already in the database with the same content, tool version and settings. */
  skipped: number;
  timeouts: number;
  crashes: number;
  /** Ctrl-C stopped the run before every file was done. */
  interrupted: boolean;
  /** Documents audited in this run. */
  run: Counts;
  /** Everything in the database (what summary.md and summary.csv cover). Use `all.error` for the exit code. */
  all: Counts;
  elapsedMs: number;
  filesPerSecond: number;
  outputs: { jsonl: string; db: string; summaryMd: string; summaryCsv: string };
}

export interface MergeSummary {
  inputs: number;
  runs: number;
  documents: number;
  findings: number;
  all: Counts;
  outputs: { db: string; jsonl: string; summaryMd: string; summaryCsv: string };
}
