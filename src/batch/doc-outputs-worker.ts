/**
 * A thread of an audit process (audit-process.ts) when the batch has a core to spare (fewer audit processes
 * than cores): it writes each audited file's report (and annotated copy), builds its archive entry and sends
 * the answer to the batch itself, while the process's main thread audits the next file. Files are finished
 * in the order they come, so answers keep the order of the requests; the thread writes every answer, so
 * they never interleave with one another.
 */
/// <reference lib="deno.worker" />
import { type DocWork, finishDocument } from "./doc-outputs.ts";
import { sendLine } from "./protocol.ts";

console.log = console.info = console.debug = console.error; // stdout carries the protocol only

let chain = Promise.resolve();
self.onmessage = (e: MessageEvent<DocWork | { type: "flush" }>) => {
  const work = e.data;
  chain = chain.then(async () => {
    if ("type" in work) return self.postMessage({ type: "flushed" });
    sendLine(await finishDocument(work));
  }).catch((err) => {
    // Cannot answer: the process exits (audit-process.ts) and the batch records the file as failed.
    self.postMessage({ type: "fatal", message: `${(err as Error)?.message ?? err}` });
  });
};
