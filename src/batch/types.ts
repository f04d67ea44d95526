import type { ReaderName } from "../ingest/index.ts";
import type { TestHooks } from "./protocol.ts";

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
  /** Parallel audit processes; default and cap navigator.hardwareConcurrency, and never more than the files. */
  jobs?: number;
  /** Re-audit files already in the database. */
  force?: boolean;
  /** Per-file time limit; default 60000; clamped to 1 … 2^31-1 (setTimeout's range). */
  timeoutMs?: number;
  shard?: Shard;
  progress?: ProgressMode;
  configPath?: string;
  reader?: ReaderName;
  /** Test hooks for the audit processes (protocol.ts). */
  testHooks?: TestHooks;
  /** Called with the pid of every audit process started (tests, benchmarks). */
  onAuditProcess?: (pid: number) => void;
  /** Test seam: how folders are listed. */
  readDir?: (dir: string) => AsyncIterable<Deno.DirEntry>;
  /** Where progress lines go (default: stderr). */
  log?: (line: string, sameLine: boolean) => void;
  /** Also write each .docx with its findings as Word comments: <out>/<name>.审核批注.docx. */
  annotate?: boolean;
  /** Author of those comments (default: the configuration's reviewAuthor, else 绩效报告审核). */
  author?: string;
  /** IANA time zone of the times in summaries and the workbook (default: config timeZone, else Asia/Shanghai). */
  timeZone?: string;
  /** Test seam: the clock of the times written in summaries and the workbook. */
  now?: () => Date;
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
  /** Paths found but not auditable (unreadable folder, symlink loop, …), recorded with their status. */
  problems: number;
  /** Files seen and not audited on purpose (not a report, lock or hidden file, output folder). */
  ignored: number;
  /** Audit processes used (after the caps). */
  jobs: number;
  timeouts: number;
  crashes: number;
  /** Ctrl-C stopped the run before every file was done. */
  interrupted: boolean;
  /** Results recorded in this run (audited files and unauditable paths). */
  run: Counts;
  /** Everything in the database (what summary.md and summary.csv cover). Use `all.error` for the exit code. */
  all: Counts;
  elapsedMs: number;
  filesPerSecond: number;
  /** Where the time went (ms): audits (until the last result is recorded), cross-document rules, exports. */
  phases: { audits: number; archive: number; jsonlAndSummaries: number; workbook: number };
  outputs: { jsonl: string; db: string; summaryMd: string; summaryCsv: string; workbook: string };
}

export interface MergeSummary {
  inputs: number;
  runs: number;
  documents: number;
  findings: number;
  all: Counts;
  outputs: { db: string; jsonl: string; summaryMd: string; summaryCsv: string };
}
