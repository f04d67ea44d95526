/**
 * The line protocol between the batch and its audit processes: one JSON object per line on the child's
 * stdin (requests) and stdout (answers). Requests are answered one at a time, in order.
 */
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import type { DocumentResult } from "../model/report.ts";

/** Test hooks: a path containing `hang` never answers (idle); `spin` never answers (busy loop); `crash` exits. */
export interface TestHooks {
  hang?: string;
  spin?: string;
  crash?: string;
}

export type ToWorker =
  | { type: "init"; config: Config; reader?: ReaderName; hooks?: TestHooks }
  | { type: "audit"; id: number; path: string };

export type FromWorker =
  | { type: "ready" }
  | { type: "result"; id: number; result: DocumentResult };

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
