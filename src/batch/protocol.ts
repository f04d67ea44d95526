/**
 * The line protocol between the batch and its audit processes: one JSON object per line on the child's
 * stdin (requests) and stdout (answers). Requests are answered one at a time, in order.
 */
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import type { DocumentResult } from "../model/report.ts";
import type { Places } from "../render/place.ts";
import type { PackedEntry } from "../archive/entry.ts";

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
    /**
     * A core is spare (fewer processes than cores): each file's outputs and archive entry are made in a
     * thread of the process while it audits the next file (doc-outputs-worker.ts).
     */
    offload?: boolean;
  }
  | { type: "audit"; id: number; path: string; outputs?: DocOutputs }
  /** A request sent ahead that is no longer wanted (Ctrl-C): skipped if not started, never answered. */
  | { type: "cancel"; id: number };

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
    archive?: PackedEntry;
  };

const encoder = new TextEncoder();

/** Writes one message as a line on stdout, whole (audit processes; their stdout carries the protocol only). */
export function sendLine(msg: FromWorker): void {
  const bytes = encoder.encode(JSON.stringify(msg) + "\n");
  let off = 0;
  while (off < bytes.length) off += Deno.stdout.writeSync(bytes.subarray(off));
}

/**
 * Splits a byte stream into lines (without the "\n"). A line longer than a chunk (an answer is a few hundred
 * KB) is gathered as decoded pieces and joined once: only each new chunk is searched for its end.
 */
export async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pieces: string[] = [];
  for await (const chunk of stream) {
    const text = decoder.decode(chunk, { stream: true });
    let from = 0, nl: number;
    while ((nl = text.indexOf("\n", from)) >= 0) {
      pieces.push(text.slice(from, nl));
      yield pieces.length === 1 ? pieces[0] : pieces.join("");
      pieces = [];
      from = nl + 1;
    }
    if (from < text.length) pieces.push(text.slice(from));
  }
  const rest = decoder.decode();
  if (rest) pieces.push(rest);
  if (pieces.length) yield pieces.join("");
}
