/**
 * Runs audit-child.ts, one process per document, at most `jobs` at a time. A process that does not finish
 * within the time limit is killed with SIGKILL (which stops it whatever it is doing); a crash, a timeout or
 * an unreadable answer becomes an error outcome: the server never fails because of one document.
 */
import { fileURLToPath } from "node:url";
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import type { ChildAnswer, ChildRequest } from "./types.ts";

export type RunOutcome =
  | { kind: "answer"; answer: ChildAnswer }
  | { kind: "timeout" }
  | { kind: "crash"; message: string };

export interface RunnerOptions {
  jobs: number;
  timeoutMs: number;
  config?: Config;
  reader?: ReaderName;
  /** Heap limit of each audit process, in MB. */
  maxHeapMb?: number;
}

function childArgs(maxHeapMb: number): string[] {
  const script = fileURLToPath(new URL("./audit-child.ts", import.meta.url));
  const config = new URL("../../deno.json", import.meta.url);
  const args = [
    "run",
    "--quiet",
    "--unsafe-proto",
    "--allow-env",
    "--allow-sys",
    "--allow-read",
    `--v8-flags=--max-old-space-size=${maxHeapMb}`,
  ];
  // The offline package runs from its own cache only (the launchers set this).
  if (Deno.env.get("JIXIAO_CACHED_ONLY") === "1") args.push("--cached-only");
  try {
    if (config.protocol === "file:" && Deno.statSync(config).isFile) {
      args.push("--config", fileURLToPath(config));
    }
  } catch { /* no deno.json next to the sources: run with the defaults */ }
  return [...args, script];
}

export class Runner {
  #active = 0;
  #waiting: (() => void)[] = [];
  #children = new Set<Deno.ChildProcess>();

  constructor(readonly opts: RunnerOptions) {}

  async run(file: string, bytes: Uint8Array): Promise<RunOutcome> {
    if (this.#active >= this.opts.jobs) await new Promise<void>((r) => this.#waiting.push(r));
    this.#active++;
    try {
      return await this.#spawn(file, bytes);
    } finally {
      this.#active--;
      this.#waiting.shift()?.();
    }
  }

  async #spawn(file: string, bytes: Uint8Array): Promise<RunOutcome> {
    const req: ChildRequest = { file, config: this.opts.config, reader: this.opts.reader };
    const child = new Deno.Command(Deno.execPath(), {
      args: childArgs(this.opts.maxHeapMb ?? 2048),
      env: { JIXIAO_SERVE_REQUEST: JSON.stringify(req), NO_COLOR: "1" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#children.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
    }, this.opts.timeoutMs);
    try {
      const writing = (async () => {
        const w = child.stdin.getWriter();
        try {
          await w.write(bytes);
          await w.close();
        } catch { /* the process died early: its status tells why */ }
      })();
      const [out, err, status] = await Promise.all([
        new Response(child.stdout).arrayBuffer(),
        new Response(child.stderr).text(),
        child.status,
        writing,
      ]).then(([o, e, s]) => [o, e, s] as const);
      if (timedOut) return { kind: "timeout" };
      if (!status.success) {
        return { kind: "crash", message: lastLine(err) || `退出码 ${status.code}${status.signal ?? ""}` };
      }
      try {
        return { kind: "answer", answer: JSON.parse(new TextDecoder().decode(out)) as ChildAnswer };
      } catch {
        return { kind: "crash", message: "审核进程的输出无法解析" };
      }
    } finally {
      clearTimeout(timer);
      this.#children.delete(child);
    }
  }

  /** Kills every running audit process (server shutdown). */
  killAll(): void {
    for (const c of this.#children) {
      try {
        c.kill("SIGKILL");
      } catch { /* gone */ }
    }
  }
}

function lastLine(text: string): string {
  // deno-lint-ignore no-control-regex
  const lines = text.replace(/\x1b\[[0-9;]*m/g, "").split("\n").map((l) => l.trim()).filter((l) => l);
  return (lines.at(-1) ?? "").slice(0, 300);
}
