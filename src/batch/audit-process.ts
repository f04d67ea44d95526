/**
 * An audit process for batch runs (spawned by pool.ts with Deno.Command): reads requests from stdin,
 * answers on stdout, one JSON line each (protocol.ts). Being a process, it can be killed outright when a
 * file takes too long, whatever the audit is doing.
 */
import { auditFile } from "../audit.ts";
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import { type FromWorker, lines, sendLine, type TestHooks, type ToWorker } from "./protocol.ts";
import { placesForEvidence } from "../render/place.ts";
import { type DocWork, finishDocument } from "./doc-outputs.ts";

// Ctrl-C in a terminal reaches the whole process group: the batch decides what stops, not the audit.
Deno.addSignalListener("SIGINT", () => {});
// stdout carries the protocol only.
console.log = console.info = console.debug = console.error;

function send(msg: FromWorker): void {
  sendLine(msg);
}

let config: Config | undefined;
let reader: ReaderName | undefined;
let hooks: TestHooks = {};
let author: string | undefined;
/** The thread finishing files (outputs, archive entry, answer) when the batch has a core to spare. */
let finisher: Worker | undefined;
let dying = false;

/** Requests queued here and then cancelled by the batch (Ctrl-C). */
const cancelled = new Set<number>();

async function handle(msg: Exclude<ToWorker, { type: "cancel" }>): Promise<void> {
  if (msg.type === "init") {
    ({ config, reader, author } = msg);
    hooks = msg.hooks ?? {};
    if (msg.offload) {
      finisher = new Worker(new URL("./doc-outputs-worker.ts", import.meta.url), { type: "module" });
      const fatal = (message: string) => {
        console.error(`audit process (outputs): ${message}`);
        Deno.exit(70);
      };
      finisher.onerror = (e) => {
        e.preventDefault();
        fatal(e.message);
      };
      finisher.onmessage = (e: MessageEvent<{ type: string; message?: string }>) => {
        if (e.data.type === "fatal") fatal(e.data.message ?? "");
        if (e.data.type === "flushed") Deno.exit(70);
      };
    }
    return send({ type: "ready" });
  }
  if (dying || cancelled.delete(msg.id)) return;
  if (hooks.hang && msg.path.includes(hooks.hang)) await new Promise<never>(() => setInterval(() => {}, 1e9));
  if (hooks.spin && msg.path.includes(hooks.spin)) { for (;;) { /* a stuck audit burning a core */ } }
  if (hooks.crash && msg.path.includes(hooks.crash)) throw new Error("simulated audit process crash");
  const { result, audited } = await auditFile(msg.path, { config, reader });
  const places = audited
    ? placesForEvidence(audited.doc, result.findings.flatMap((f) => f.evidence))
    : undefined;
  const work: DocWork = {
    id: msg.id,
    file: msg.path,
    result,
    places,
    outputs: msg.outputs,
    author: author ?? config?.reviewAuthor,
    doc: audited?.doc,
    extraction: audited?.extraction,
  };
  // With a thread to finish it, the file's outputs and answer are made while the next file is audited.
  if (finisher) finisher.postMessage(work);
  else send(await finishDocument(work));
}

function die(e: unknown): void {
  // A real crash, or the batch is gone (stdout closed): exit; the batch records the file as failed.
  console.error(`audit process: ${(e as Error)?.message ?? e}`);
  if (dying) return;
  dying = true;
  if (!finisher) Deno.exit(70);
  // Files already audited are answered first (their outputs are being written), then the process exits.
  finisher.postMessage({ type: "flush" });
  setTimeout(() => Deno.exit(70), 30_000);
}

// Requests run one after another; stdin is read meanwhile, so when the batch goes away (even by kill -9)
// its end is seen at once and the process exits instead of lingering.
let chain = Promise.resolve();
try {
  for await (const line of lines(Deno.stdin.readable)) {
    if (!line.trim()) continue;
    const msg = JSON.parse(line) as ToWorker;
    if (msg.type === "cancel") cancelled.add(msg.id);
    else chain = chain.then(() => handle(msg)).catch(die);
  }
} catch (e) {
  die(e);
}
if (!dying) Deno.exit(0);
