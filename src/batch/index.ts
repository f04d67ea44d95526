/** Batch audits over archives: the entry points the CLI calls. */
export { runBatch } from "./run.ts";
export { mergeDatabases } from "./merge.ts";
export { parseShard } from "./shard.ts";
export { workbookBytes, type WorkbookDocument } from "./workbook.ts";
export type { BatchOptions, BatchSummary, Counts, MergeSummary, ProgressMode, Shard } from "./types.ts";
