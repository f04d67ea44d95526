import type { Shard } from "./types.ts";

/** "2/5" → {index: 2, count: 5}; a Chinese error for anything else. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text.normalize("NFKC"));
  const fail = (why: string): never => {
    throw new Error(`分片参数无效：“${text}”。${why}格式为 i/n，例如 --shard 2/5 表示共 5 片中的第 2 片。`);
  };
  if (!m) return fail("");
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return fail("分片总数 n 至少为 1。");
  if (index < 1 || index > count) return fail(`序号 i 应在 1 到 ${count} 之间。`);
  return { index, count };
}

/** FNV-1a (32-bit) over the UTF-8 bytes: stable across runs, platforms and file additions. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Whether a file (by its path relative to its input root, "/"-separated) belongs to the shard. */
export function inShard(relPath: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  return fnv1a(relPath) % shard.count === shard.index - 1;
}
