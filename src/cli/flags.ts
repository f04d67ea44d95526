/** Which options each mode accepts, and the checks of the batch options' values. */
import { parseShard } from "../batch/shard.ts";
import type { Shard } from "../batch/types.ts";

/** Longest --timeout accepted: a day (setTimeout itself stops at about 24.8 days). */
export const MAX_TIMEOUT_S = 86_400;

export class UsageError extends Error {}

const BATCH_ONLY = ["jobs", "force", "timeout", "shard", "annotate", "tz"] as const;

type Values = Record<string, string | boolean | undefined>;

/** Options that make no sense in the chosen mode are refused, not ignored. */
export function checkModeFlags(mode: "single" | "batch" | "merge", v: Values): void {
  const given = (names: readonly string[]) => names.filter((n) => v[n] !== undefined).map((n) => `--${n}`);
  if (mode !== "batch") {
    const wrong = given(BATCH_ONLY);
    if (wrong.length) {
      throw new UsageError(
        `${wrong.join("、")} 只用于批量模式（--batch）。` +
          (mode === "single"
            ? "请加上 --batch 和 --out 输出目录，或去掉这些选项。"
            : "merge 不接受这些选项。"),
      );
    }
  }
  if (mode === "batch" && v.author !== undefined && !v.annotate) {
    throw new UsageError("批量模式下 --author 只与 --annotate 一起使用（批注的作者）。");
  }
  if (mode !== "single" && v.format !== undefined) {
    throw new UsageError(
      `--format 只用于单文件模式；${
        mode === "batch" ? "批量模式" : "merge"
      } 总是写出 results.jsonl、audit.db、` +
        `summary.md 和 summary.csv。请去掉 --format。`,
    );
  }
}

export function parsePositiveInt(s: string | undefined, name: string): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} 需要正整数，收到 "${s}"。`);
  return n;
}

export function parseTimeout(s: string | undefined): number | undefined {
  const n = parsePositiveInt(s, "--timeout");
  if (n !== undefined && n > MAX_TIMEOUT_S) {
    throw new UsageError(`--timeout 最长 ${MAX_TIMEOUT_S} 秒（一天），收到 "${s}"。`);
  }
  return n;
}

export function parseShardOption(s: string | undefined): Shard | undefined {
  if (s === undefined) return undefined;
  try {
    return parseShard(s);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** --tz: an IANA time zone name (Asia/Shanghai, UTC, …). */
export function parseTimeZone(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: s });
    return s;
  } catch {
    throw new UsageError(`--tz 需要 IANA 时区名称，例如 Asia/Shanghai 或 UTC，收到 "${s}"。`);
  }
}
