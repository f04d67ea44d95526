/** What the server and its audit processes exchange, and what the page is told about each document. */
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import type { DocumentResult } from "../model/report.ts";

export interface ChildRequest {
  /** The upload's name: a label for messages and reports (and how a .csv is told apart), never a path. */
  file: string;
  config?: Config;
  reader?: ReaderName;
}

export interface ChildAnswer {
  result: DocumentResult;
  /** The HTML report of this one document (the same renderer as `--format html`). */
  html: string;
  csv: string;
  json: string;
  /** The annotated .docx, base64 (Word documents only). */
  docx?: string;
  docxError?: string;
}

export type Status = "queued" | "running" | "done" | "error";

/** One row of the page's list (GET /api/docs). */
export interface DocSummary {
  id: string;
  name: string;
  size: number;
  status: Status;
  counts?: { error: number; warning: number; info: number; suppressed: number };
  title?: string | null;
  unit?: string | null;
  year?: number | null;
  /** Why the document could not be audited (status "error"). */
  message?: string;
  formats: string[];
}
