import { createHash } from "node:crypto";
import type { Config } from "../model/config.ts";
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
  // The time zone only changes how times are printed, not a result.
  const { timeZone: _tz, ...judged } = config;
  return createHash("sha256").update(JSON.stringify({ config: judged, reader: reader ?? null })).digest("hex")
    .slice(
      0,
      16,
    );
}

export interface TextWriter {
  write(text: string): void;
  close(): void;
}

/** A synchronous UTF-8 writer that finishes every write (writeSync may write less than it is given). */
export function openTextWriter(path: string, mode: "append" | "truncate"): TextWriter {
  const file = Deno.openSync(
    path,
    mode === "append" ? { append: true, create: true } : {
      write: true,
      create: true,
      truncate: true,
    },
  );
  const enc = new TextEncoder();
  // One buffer, grown as needed, encoded into: results.jsonl is rewritten while a run goes on, a few
  // hundred KB per line, and a fresh buffer per line is garbage that outlives its use (peak RSS).
  let buf = new Uint8Array(64 * 1024);
  return {
    write(text) {
      if (buf.length < text.length * 3) buf = new Uint8Array(text.length * 3);
      const { written } = enc.encodeInto(text, buf);
      let off = 0;
      while (off < written) off += file.writeSync(buf.subarray(off, written));
    },
    close: () => file.close(),
  };
}
