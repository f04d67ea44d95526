/**
 * A batch worker: audits one file per message. Loaded by pool.ts as a module Web Worker; it inherits the
 * process permissions and V8 flags.
 */
import { auditFile } from "../audit.ts";
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

let config: Config | undefined;
let reader: ReaderName | undefined;
let hooks: { hang?: string; crash?: string } = {};

scope.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === "init") {
    config = msg.config;
    reader = msg.reader;
    hooks = msg.hooks ?? {};
    scope.postMessage({ type: "ready" });
    return;
  }
  // A stuck audit that never answers. (A busy loop would model it too, but Deno 2.9's Worker.terminate()
  // does not stop one, and it would burn a core for the rest of the test run.)
  if (hooks.hang && msg.path.includes(hooks.hang)) return await new Promise<never>(() => {});
  if (hooks.crash && msg.path.includes(hooks.crash)) {
    setTimeout(() => {
      throw new Error("simulated worker crash");
    });
    return;
  }
  const { result } = await auditFile(msg.path, { config, reader });
  scope.postMessage({ type: "result", id: msg.id, result });
};
