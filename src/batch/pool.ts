/**
 * A fixed number of module workers, one file at a time each. A worker that does not answer in time is
 * terminated and replaced; a worker that crashes is replaced; either way the caller gets an outcome and the
 * batch goes on.
 */
import type { DocumentResult } from "../model/report.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

export type Outcome =
  | { kind: "result"; result: DocumentResult }
  | { kind: "timeout" }
  | { kind: "crash"; message: string }
  | { kind: "abandoned" };

interface Pending {
  id: number;
  timer?: ReturnType<typeof setTimeout>;
  resolve: (o: Outcome) => void;
}

class Slot {
  worker!: Worker;
  ready!: Promise<void>;
  pending?: Pending;

  constructor(private readonly init: Extract<ToWorker, { type: "init" }>) {
    this.spawn();
  }

  spawn(): void {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const msg = e.data;
        if (msg.type === "ready") resolve();
        else if (msg.type === "result" && this.pending?.id === msg.id) {
          this.settle({ kind: "result", result: msg.result });
        }
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault(); // otherwise an uncaught error in a worker takes the whole process down
        const message = e.message || String(e.error ?? "未知错误");
        reject(new Error(message));
        if (this.pending) {
          this.settle({ kind: "crash", message });
          this.respawn();
        }
      };
      worker.onmessageerror = () => {
        if (this.pending) {
          this.settle({ kind: "crash", message: "无法接收审核结果" });
          this.respawn();
        }
      };
    });
    this.ready.catch(() => {}); // observed in run(); avoid an unhandled rejection meanwhile
    worker.postMessage(this.init);
  }

  respawn(): void {
    this.worker.terminate();
    this.spawn();
  }

  settle(outcome: Outcome): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    p.resolve(outcome);
  }
}

export class WorkerPool {
  #slots: Slot[] = [];
  #idle: Slot[] = [];
  #waiters: ((slot: Slot) => void)[] = [];
  #nextId = 0;
  #closed = false;

  constructor(size: number, init: Extract<ToWorker, { type: "init" }>, private readonly timeoutMs: number) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const slot = new Slot(init);
      this.#slots.push(slot);
      this.#idle.push(slot);
    }
  }

  async run(path: string): Promise<Outcome> {
    const slot = await this.#acquire();
    try {
      try {
        await slot.ready;
      } catch (e) {
        slot.respawn();
        return { kind: "crash", message: (e as Error).message };
      }
      if (this.#closed) return { kind: "abandoned" };
      return await new Promise<Outcome>((resolve) => {
        const id = ++this.#nextId;
        slot.pending = { id, resolve };
        slot.pending.timer = setTimeout(() => {
          slot.settle({ kind: "timeout" });
          slot.respawn();
        }, this.timeoutMs);
        slot.worker.postMessage({ type: "audit", id, path } satisfies ToWorker);
      });
    } finally {
      this.#release(slot);
    }
  }

  #acquire(): Promise<Slot> {
    const slot = this.#idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #release(slot: Slot): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(slot);
    else this.#idle.push(slot);
  }

  /** Terminate every worker; files still in flight come back as "abandoned". */
  close(): void {
    this.#closed = true;
    for (const slot of this.#slots) {
      slot.settle({ kind: "abandoned" });
      slot.worker.terminate();
    }
    for (const waiter of this.#waiters.splice(0)) waiter(this.#slots[0]);
  }
}
