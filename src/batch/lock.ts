/**
 * One batch (or merge) per output folder: a lock file holding the owner's pid. A lock whose pid is no
 * longer running on this machine is stale and taken over.
 */
import * as path from "node:path";
import { BatchError, reason } from "./errors.ts";

export const LOCK_NAME = ".jixiao-audit.lock";

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function hostname(): string {
  try {
    return Deno.hostname();
  } catch {
    return "";
  }
}

/**
 * Whether a pid is running here: `kill -0` (Deno reads /proc/<pid> only with --allow-all). When that cannot
 * be asked, the holder is assumed to be running: a lock is never taken over on a guess.
 */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === Deno.pid) return true;
  try {
    const r = new Deno.Command("kill", { args: ["-0", String(pid)], stdout: "null", stderr: "piped" })
      .outputSync();
    if (r.success) return true;
    // "No such process" means gone; anything else (e.g. not permitted: another user's process) is alive.
    return !/no such process/i.test(new TextDecoder().decode(r.stderr));
  } catch {
    return true;
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(Deno.readTextFileSync(file)) as LockInfo;
  } catch {
    return null;
  }
}

export class OutputLock implements Disposable {
  private constructor(readonly file: string) {}

  /** Takes the lock of `dir` or throws a BatchError naming the folder and the pid that holds it. */
  static acquire(dir: string): OutputLock {
    const file = path.join(dir, LOCK_NAME);
    const info: LockInfo = { pid: Deno.pid, host: hostname(), startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        Deno.writeTextFileSync(file, JSON.stringify(info) + "\n", { createNew: true });
        return new OutputLock(file);
      } catch (e) {
        if (!(e instanceof Deno.errors.AlreadyExists)) {
          throw new BatchError(
            `无法在输出目录 ${dir} 中创建锁文件 ${file}（${reason(e)}）。请确认该目录可写。`,
          );
        }
      }
      const held = readLock(file);
      const stale = held !== null && held.host === info.host && !pidAlive(held.pid);
      if (held !== null && !stale) {
        throw new BatchError(
          `输出目录 ${dir} 正被另一个审核进程使用（进程号 ${held.pid}，主机 ${held.host || "未知"}，` +
            `开始于 ${held.startedAt}；锁文件 ${file}）。请等它结束后再运行，或换一个 --out 目录；` +
            `如确认该进程已不存在，可删除锁文件后重试。`,
        );
      }
      // Stale (its process is gone) or unreadable (a writer died mid-write): take it over.
      try {
        Deno.removeSync(file);
      } catch { /* another process took it over first: try again */ }
    }
    throw new BatchError(`无法取得输出目录 ${dir} 的锁文件 ${file}。请稍后重试。`);
  }

  release(): void {
    try {
      if (readLock(this.file)?.pid === Deno.pid) Deno.removeSync(this.file);
    } catch { /* already gone */ }
  }

  [Symbol.dispose](): void {
    this.release();
  }
}
