/**
 * A fixed number of audit processes (audit-process.ts, spawned with Deno.Command), one file at a time
 * each, re-used across files. A process that does not answer in time is killed with SIGKILL — which stops
 * it whatever it is doing, unlike Worker.terminate() on a busy loop — and replaced when next needed; a
 * process that dies is replaced; either way the caller gets an outcome and the batch goes on.
 *
 * Each process is given its next file while it still audits the current one (one file queued ahead in its
 * stdin), so that it goes straight on to it while the batch records the result it just sent. The time limit
 * of a file starts when the process starts it (the result of the one before arrives); a file queued in a
 * process that is killed or dies is given to another process, not counted as failed.
 */
import { fileURLToPath } from "node:url";
import { safeTerminalText } from "../render/escape.ts";
import type { DocumentResult } from "../model/report.ts";
import { type DocOutputs, type FromWorker, lines, type ToWorker } from "./protocol.ts";
import type { Places } from "../render/place.ts";
import type { PackedEntry } from "../archive/entry.ts";

export type Outcome =
  | {
    kind: "result";
    result: DocumentResult;
    places?: Places;
    outputErrors?: string[];
    archive?: PackedEntry;
  }
  | { kind: "timeout" }
  | { kind: "crash"; message: string }
  | { kind: "abandoned" };

type Init = Extract<ToWorker, { type: "init" }>;

interface Job {
  path: string;
  outputs?: DocOutputs;
  resolve: (o: Outcome) => void;
}

interface Pending {
  id: number;
  job: Job;
  timer?: ReturnType<typeof setTimeout>;
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
  /** The file being audited (its time limit running). */
  pending?: Pending;
  /** The file sent after it, waiting in the process's stdin. */
  queued?: Pending;
  dead = false;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #killed = false;
  #encoder = new TextEncoder();

  /**
   * `onSettled(proc)`: a file's outcome was given (the process may take another); `onExit(proc, queued)`:
   * the process is gone, with the file that was queued in it and never started.
   */
  constructor(
    init: Init,
    private readonly timeoutMs: number,
    private readonly onSettled: (proc: AuditProcess) => void,
    private readonly onExit: (proc: AuditProcess, queued: Pending | undefined) => void,
  ) {
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
          this.#settle({
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
      const queued = this.queued;
      this.queued = undefined;
      this.#settle(this.#killed ? { kind: "abandoned" } : { kind: "crash", message: why });
      this.onExit(this, queued);
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

  /** Give `job` to the process: started at once when it is idle, else queued behind the current file. */
  give(id: number, job: Job): void {
    const p: Pending = { id, job };
    if (this.pending) this.queued = p;
    else this.#start(p);
    this.send({ type: "audit", id, path: job.path, outputs: job.outputs });
  }

  /** The file's time limit runs from when the process is ready and has started it. */
  #start(p: Pending): void {
    this.pending = p;
    this.ready.then(() => {
      if (this.pending !== p) return;
      p.timer = setTimeout(() => {
        this.kill(); // first: the file queued behind it must not start in this process
        this.#settle({ kind: "timeout" });
      }, this.timeoutMs);
    }, (e: Error) => {
      if (this.pending !== p) return;
      this.kill();
      this.#settle({ kind: "crash", message: e.message });
    });
  }

  /** The current file's outcome: the queued file (if any) becomes current. */
  #settle(outcome: Outcome): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    if (this.queued && !this.gone) {
      const next = this.queued;
      this.queued = undefined;
      this.#start(next);
    }
    this.onSettled(this);
    p.job.resolve(outcome);
  }

  /** Outcome for the file queued in the process (it is not started): abandoned (Ctrl-C, or closing). */
  dropQueued(outcome: Outcome): Job | undefined {
    const q = this.queued;
    if (!q) return undefined;
    this.queued = undefined;
    this.send({ type: "cancel", id: q.id });
    q.job.resolve(outcome);
    return q.job;
  }

  /** Ends everything given to the process with `outcome` (closing the pool). */
  abandon(outcome: Outcome): void {
    this.dropQueued(outcome);
    this.#settle(outcome);
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
  /** Files waiting for a process. */
  #queue: Job[] = [];
  #nextId = 0;
  #closed = false;
  /** No more files are queued ahead in the processes (Ctrl-C: only the files being audited finish). */
  #draining = false;
  #exits: Promise<void>[] = [];

  constructor(
    size: number,
    private readonly init: Init,
    private readonly timeoutMs: number,
    private readonly onSpawn?: (pid: number) => void,
  ) {
    this.#procs = new Array(Math.max(1, size)).fill(undefined);
  }

  #spawn(slot: number): AuditProcess {
    const proc = new AuditProcess(
      this.init,
      this.timeoutMs,
      () => this.#pump(),
      (_proc, queued) => {
        // A file queued in a process that went away was never started: it goes to another process.
        if (queued) {
          if (this.#closed) queued.job.resolve({ kind: "abandoned" });
          else this.#queue.unshift(queued.job);
        }
        this.#pump();
      },
    );
    this.#procs[slot] = proc;
    this.#exits.push(proc.exited);
    this.onSpawn?.(proc.pid);
    return proc;
  }

  /** Hand waiting files to processes: first to idle ones, then one queued ahead in each busy one. */
  #pump(): void {
    if (this.#closed) return;
    for (let round = 0; round < 2 && this.#queue.length; round++) {
      for (let slot = 0; slot < this.#procs.length && this.#queue.length; slot++) {
        let proc = this.#procs[slot];
        if (proc && !proc.gone && proc.pending && (round === 0 || proc.queued || this.#draining)) continue;
        if (proc?.gone && (proc.pending || !proc.dead)) continue; // on its way out: replaced once gone
        if (!proc || proc.gone) proc = this.#spawn(slot);
        proc.give(++this.#nextId, this.#queue.shift()!);
      }
    }
  }

  run(path: string, outputs?: DocOutputs): Promise<Outcome> {
    if (this.#closed || this.#draining) return Promise.resolve({ kind: "abandoned" });
    return new Promise<Outcome>((resolve) => {
      this.#queue.push({ path, outputs, resolve });
      this.#pump();
    });
  }

  /**
   * Ctrl-C: files not yet started (waiting, or queued in a process) come back as "abandoned"; the files
   * being audited go on.
   */
  drain(): void {
    this.#draining = true;
    for (const job of this.#queue.splice(0)) job.resolve({ kind: "abandoned" });
    for (const proc of this.#procs) proc?.dropQueued({ kind: "abandoned" });
  }

  /** Kill every process; files still in flight come back as "abandoned". Resolves when all have exited. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.resolve({ kind: "abandoned" });
    for (const proc of this.#procs) {
      proc?.abandon({ kind: "abandoned" });
      proc?.kill();
    }
    await Promise.allSettled(this.#exits);
  }
}
