/**
 * A fixed number of audit processes (audit-process.ts, spawned with Deno.Command), one file at a time
 * each, re-used across files. A process that does not answer in time is killed with SIGKILL — which stops
 * it whatever it is doing, unlike Worker.terminate() on a busy loop — and replaced when next needed; a
 * process that dies is replaced; either way the caller gets an outcome and the batch goes on.
 */
import { fileURLToPath } from "node:url";
import { safeTerminalText } from "../render/escape.ts";
import type { DocumentResult } from "../model/report.ts";
import { type DocOutputs, type FromWorker, lines, type ToWorker } from "./protocol.ts";
import type { Places } from "../render/place.ts";
import type { ArchiveEntry } from "../archive/entry.ts";

export type Outcome =
  | {
    kind: "result";
    result: DocumentResult;
    places?: Places;
    outputErrors?: string[];
    archive?: ArchiveEntry;
  }
  | { kind: "timeout" }
  | { kind: "crash"; message: string }
  | { kind: "abandoned" };

type Init = Extract<ToWorker, { type: "init" }>;

interface Pending {
  id: number;
  timer?: ReturnType<typeof setTimeout>;
  resolve: (o: Outcome) => void;
}

/** How long a new process may take to load before it counts as crashed. */
const STARTUP_MS = 120_000;

/** `writeDir`: the one folder the process may write (the batch output folder, for per-document files). */
function auditProcessArgs(writeDir?: string): string[] {
  const script = fileURLToPath(new URL("./audit-process.ts", import.meta.url));
  const config = new URL("../../deno.json", import.meta.url);
  const args = ["run", "--quiet", "--unsafe-proto", "--allow-read", "--allow-env", "--allow-sys"];
  if (writeDir) args.push(`--allow-write=${writeDir}`);
  try {
    if (config.protocol === "file:" && Deno.statSync(config).isFile) {
      args.push("--config", fileURLToPath(config));
    }
  } catch { /* no deno.json next to the sources: run with the defaults */ }
  return [...args, script];
}

class AuditProcess {
  readonly child: Deno.ChildProcess;
  readonly ready: Promise<void>;
  /** Resolves when the process has exited and its pipes are drained. */
  readonly exited: Promise<void>;
  pending?: Pending;
  dead = false;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #killed = false;
  #encoder = new TextEncoder();

  constructor(init: Init) {
    const child = this.child = new Deno.Command(Deno.execPath(), {
      args: auditProcessArgs(init.writeDir),
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#writer = child.stdin.getWriter();
    let onReady!: () => void, onFail!: (e: Error) => void;
    this.ready = new Promise<void>((res, rej) => [onReady, onFail] = [res, rej]);
    this.ready.catch(() => {}); // observed in the pool; avoid an unhandled rejection meanwhile
    const startup = setTimeout(() => {
      onFail(new Error("审核进程启动超时"));
      this.kill();
    }, STARTUP_MS);
    const readOut = (async () => {
      for await (const line of lines(child.stdout)) {
        let msg: FromWorker;
        try {
          msg = JSON.parse(line);
        } catch {
          continue;
        }
        if (msg.type === "ready") {
          clearTimeout(startup);
          onReady();
        } else if (msg.type === "result" && this.pending?.id === msg.id) {
          this.settle({
            kind: "result",
            result: msg.result,
            places: msg.places,
            outputErrors: msg.outputErrors,
            archive: msg.archive,
          });
        }
      }
    })();
    let tail = "";
    const readErr = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of child.stderr) tail = (tail + decoder.decode(chunk)).slice(-2000);
    })();
    this.exited = (async () => {
      const status = await child.status;
      await Promise.allSettled([readOut, readErr]);
      clearTimeout(startup);
      this.dead = true;
      const last = safeTerminalText(tail.trim().split("\n").at(-1) ?? "").slice(0, 300);
      const why = `审核进程退出，退出码 ${status.code}${status.signal ? `，信号 ${status.signal}` : ""}` +
        (last ? `：${last}` : "");
      onFail(new Error(why));
      this.settle(this.#killed ? { kind: "abandoned" } : { kind: "crash", message: why });
    })();
    this.send(init);
  }

  /** Dead, or killed and on its way out: not to be given work. */
  get gone(): boolean {
    return this.dead || this.#killed;
  }

  get pid(): number {
    return this.child.pid;
  }

  send(msg: ToWorker): void {
    this.#writer.write(this.#encoder.encode(JSON.stringify(msg) + "\n")).catch(() => {});
  }

  settle(outcome: Outcome): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    p.resolve(outcome);
  }

  /** SIGKILL: stops the process whatever it is running. */
  kill(): Promise<void> {
    if (!this.dead) {
      this.#killed = true;
      try {
        this.child.kill("SIGKILL");
      } catch { /* already gone */ }
    }
    this.#writer.close().catch(() => {});
    return this.exited;
  }
}

export class WorkerPool {
  #procs: (AuditProcess | undefined)[];
  #idle: number[];
  #waiters: ((slot: number) => void)[] = [];
  #nextId = 0;
  #closed = false;
  #exits: Promise<void>[] = [];

  constructor(
    size: number,
    private readonly init: Init,
    private readonly timeoutMs: number,
    private readonly onSpawn?: (pid: number) => void,
  ) {
    const n = Math.max(1, size);
    this.#procs = new Array(n).fill(undefined);
    this.#idle = Array.from({ length: n }, (_, i) => n - 1 - i);
  }

  #spawn(slot: number): AuditProcess {
    const proc = new AuditProcess(this.init);
    this.#procs[slot] = proc;
    this.#exits.push(proc.exited);
    this.onSpawn?.(proc.pid);
    return proc;
  }

  async run(path: string, outputs?: DocOutputs): Promise<Outcome> {
    const slot = await this.#acquire();
    try {
      if (this.#closed) return { kind: "abandoned" };
      let proc = this.#procs[slot];
      if (!proc || proc.gone) proc = this.#spawn(slot);
      try {
        await proc.ready;
      } catch (e) {
        if (this.#closed) return { kind: "abandoned" };
        proc.kill();
        return { kind: "crash", message: (e as Error).message };
      }
      if (this.#closed) return { kind: "abandoned" };
      const p = proc;
      return await new Promise<Outcome>((resolve) => {
        const id = ++this.#nextId;
        p.pending = { id, resolve };
        p.pending.timer = setTimeout(() => {
          p.settle({ kind: "timeout" });
          p.kill();
        }, this.timeoutMs);
        p.send({ type: "audit", id, path, outputs });
      });
    } finally {
      this.#release(slot);
    }
  }

  #acquire(): Promise<number> {
    const slot = this.#idle.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #release(slot: number): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(slot);
    else this.#idle.push(slot);
  }

  /** Kill every process; files still in flight come back as "abandoned". Resolves when all have exited. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const proc of this.#procs) {
      proc?.settle({ kind: "abandoned" });
      proc?.kill();
    }
    for (const waiter of this.#waiters.splice(0)) waiter(0);
    await Promise.allSettled(this.#exits);
  }
}
