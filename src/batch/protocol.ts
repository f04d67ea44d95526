import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import type { DocumentResult } from "../model/report.ts";

export type ToWorker =
  | { type: "init"; config: Config; reader?: ReaderName; hooks?: { hang?: string; crash?: string } }
  | { type: "audit"; id: number; path: string };

export type FromWorker =
  | { type: "ready" }
  | { type: "result"; id: number; result: DocumentResult };
