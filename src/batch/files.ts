import { createHash } from "node:crypto";
import { type Config, Config as ConfigSchema } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";

/** SHA-256 of a file, streamed (memory stays flat whatever the file size). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  using file = await Deno.open(path, { read: true });
  for await (const chunk of file.readable) hash.update(chunk);
  return hash.digest("hex");
}

/** A key for what, besides the bytes and the tool version, changes a result: config and reader. */
export function settingsKey(config: Config, reader: ReaderName | undefined): string {
  return createHash("sha256").update(JSON.stringify({ config, reader: reader ?? null })).digest("hex").slice(
    0,
    16,
  );
}

export async function loadConfig(path: string): Promise<Config> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new Error(`无法读取配置文件：${path}（${(e as Error).message}）。请检查路径。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`配置文件不是有效的 JSON：${path}（${(e as Error).message}）。`);
  }
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "（根）"}：${i.message}`).join("；");
    throw new Error(`配置文件内容有误：${path}。${issues}`);
  }
  return parsed.data;
}
