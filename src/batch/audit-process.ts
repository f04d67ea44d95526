/**
 * An audit process for batch runs (spawned by pool.ts with Deno.Command): reads requests from stdin,
 * answers on stdout, one JSON line each (protocol.ts). Being a process, it can be killed outright when a
 * file takes too long, whatever the audit is doing.
 */
import { auditFile } from "../audit.ts";
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import { type FromWorker, lines, type TestHooks, type ToWorker } from "./protocol.ts";
import { placesForEvidence } from "../render/place.ts";
import { writeDocOutputs } from "./doc-outputs.ts";
import { archiveEntry } from "../archive/entry.ts";

// Ctrl-C in a terminal reaches the whole process group: the batch decides what stops, not the audit.
Deno.addSignalListener("SIGINT", () => {});
// stdout carries the protocol only.
console.log = console.info = console.debug = console.error;

const encoder = new TextEncoder();
function send(msg: FromWorker): void {
  const bytes = encoder.encode(JSON.stringify(msg) + "\n");
  let off = 0;
  while (off < bytes.length) off += Deno.stdout.writeSync(bytes.subarray(off));
}

let config: Config | undefined;
let reader: ReaderName | undefined;
let hooks: TestHooks = {};
let author: string | undefined;

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === "init") {
    ({ config, reader, author } = msg);
    hooks = msg.hooks ?? {};
    return send({ type: "ready" });
  }
  if (hooks.hang && msg.path.includes(hooks.hang)) await new Promise<never>(() => setInterval(() => {}, 1e9));
  if (hooks.spin && msg.path.includes(hooks.spin)) { for (;;) { /* a stuck audit burning a core */ } }
  if (hooks.crash && msg.path.includes(hooks.crash)) throw new Error("simulated audit process crash");
  const { result, audited } = await auditFile(msg.path, { config, reader });
  const places = audited
    ? placesForEvidence(audited.doc, result.findings.flatMap((f) => f.evidence))
    : undefined;
  const outputErrors = msg.outputs
    ? await writeDocOutputs(msg.path, result, audited?.doc, places, msg.outputs, {
      author: author ?? config?.reviewAuthor,
    })
    : [];
  send({
    type: "result",
    id: msg.id,
    result,
    places,
    outputErrors: outputErrors.length ? outputErrors : undefined,
    archive: audited ? archiveEntry(audited.doc, audited.extraction, result.meta) : undefined,
  });
}

function die(e: unknown): never {
  // A real crash, or the batch is gone (stdout closed): exit; the batch records the file as failed.
  console.error(`audit process: ${(e as Error)?.message ?? e}`);
  Deno.exit(70);
}

// Requests run one after another; stdin is read meanwhile, so when the batch goes away (even by kill -9)
// its end is seen at once and the process exits instead of lingering.
let chain = Promise.resolve();
try {
  for await (const line of lines(Deno.stdin.readable)) {
    if (!line.trim()) continue;
    const msg = JSON.parse(line) as ToWorker;
    chain = chain.then(() => handle(msg)).catch(die);
  }
} catch (e) {
  die(e);
}
Deno.exit(0);
