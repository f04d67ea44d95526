/**
 * The line protocol between the batch and its audit processes: one JSON object per line on the child's
 * stdin (requests) and stdout (answers). Requests are answered one at a time, in order.
 */
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import type { DocumentResult } from "../model/report.ts";
import type { Places } from "../render/place.ts";
import type { ArchiveEntry } from "../archive/entry.ts";

/** Per-document files an audit process writes next to the result (absolute or cwd-relative paths). */
export interface DocOutputs {
  /** The document's HTML report. */
  html?: string;
  /** The annotated copy (.docx inputs only). */
  docx?: string;
}

/** Test hooks: a path containing `hang` never answers (idle); `spin` never answers (busy loop); `crash` exits. */
export interface TestHooks {
  hang?: string;
  spin?: string;
  crash?: string;
}

export type ToWorker =
  | {
    type: "init";
    config: Config;
    reader?: ReaderName;
    hooks?: TestHooks;
    author?: string;
    /** The folder per-document outputs go to: the only one the process may write. */
    writeDir?: string;
  }
  | { type: "audit"; id: number; path: string; outputs?: DocOutputs };

export type FromWorker =
  | { type: "ready" }
  | {
    type: "result";
    id: number;
    result: DocumentResult;
    /** Places of the blocks the findings point at (section ordinal, first words). */
    places?: Places;
    /** Per-document outputs that could not be written, in Chinese. */
    outputErrors?: string[];
    /** What the archive index keeps of the document (src/archive/entry.ts); absent for unreadable files. */
    archive?: ArchiveEntry;
  };

/** Splits a byte stream into lines (without the "\n"). */
export async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = "";
  for await (const chunk of stream) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      yield buf.slice(0, nl);
      buf = buf.slice(nl + 1);
    }
  }
  buf += decoder.decode();
  if (buf) yield buf;
}
