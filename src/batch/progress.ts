/**
 * Progress on stderr: one updating line on a terminal, a plain line every few files or seconds otherwise.
 */
import { safeTerminalText } from "../render/escape.ts";
import type { ProgressMode } from "./types.ts";

export type LogFn = (line: string, sameLine: boolean) => void;

const encoder = new TextEncoder();

/** The one place batch progress and notes reach the terminal: paths are stripped of control characters. */
export const stderrLog: LogFn = (text, sameLine) => {
  const line = safeTerminalText(text);
  const bytes = encoder.encode(sameLine ? `\r\x1b[K${line}` : `${line}\n`);
  let off = 0;
  while (off < bytes.length) off += Deno.stderr.writeSync(bytes.subarray(off));
};

export function defaultProgressMode(): ProgressMode {
  return Deno.stderr.isTerminal() ? "tty" : "plain";
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export class Progress {
  #done = 0;
  #skipped = 0;
  #failed = 0;
  #start = performance.now();
  #lastPrint = 0;
  #lastPrintedDone = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly total: number,
    private readonly log: LogFn = stderrLog,
    private readonly every = { files: 50, ms: 10_000 },
  ) {}

  tick(kind: "audited" | "skipped" | "failed"): void {
    this.#done++;
    if (kind === "skipped") this.#skipped++;
    if (kind === "failed") this.#failed++;
    const now = performance.now();
    if (this.mode === "tty") {
      if (now - this.#lastPrint >= 100 || this.#done === this.total) this.#print(now, true);
    } else if (this.mode === "plain") {
      if (
        this.#done - this.#lastPrintedDone >= this.every.files || now - this.#lastPrint >= this.every.ms ||
        this.#done === this.total
      ) this.#print(now, false);
    }
  }

  line(now = performance.now()): string {
    const elapsed = (now - this.#start) / 1000;
    const rate = elapsed > 0 ? this.#done / elapsed : 0;
    const eta = rate > 0 ? (this.total - this.#done) / rate : Infinity;
    return `已处理 ${this.#done}/${this.total}（跳过 ${this.#skipped}，失败 ${this.#failed}）` +
      ` ${rate.toFixed(1)} 个/秒，预计剩余 ${formatDuration(eta)}`;
  }

  #print(now: number, sameLine: boolean): void {
    this.#lastPrint = now;
    this.#lastPrintedDone = this.#done;
    this.log(this.line(now), sameLine);
  }

  /** Ends the updating line on a terminal. */
  finish(): void {
    if (this.mode === "tty" && this.#lastPrint > 0) this.log("", false);
  }
}
