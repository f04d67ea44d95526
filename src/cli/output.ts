/**
 * Single-file mode output: never over the report being audited, and never lost. The result is written to
 * a temporary file next to `--out` and renamed over it; when that fails it goes to a fallback file (or,
 * failing that, stdout) and the message says where.
 */
import * as path from "node:path";

/** Same file (device + inode, so hard links and other spellings count), or the same resolved path. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([Deno.stat(a).catch(() => null), Deno.stat(b).catch(() => null)]);
  if (sa && sb && sa.ino !== null && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const real = (p: string) => Deno.realPath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

/** The input that `out` would overwrite, if any. */
export async function inputOverwrittenBy(out: string, inputs: string[]): Promise<string | undefined> {
  for (const input of inputs) if (await sameFile(out, input)) return input;
  return undefined;
}

export type WriteOutcome =
  | { ok: true }
  | { ok: false; message: string; wroteTo: string | "stdout" };

async function writeAll(file: Deno.FsFile | typeof Deno.stdout, bytes: Uint8Array): Promise<void> {
  let off = 0;
  while (off < bytes.length) off += await file.write(bytes.subarray(off));
}

/** `ext` (".html") names the fallback file when `out` cannot be written. */
export async function writeOutput(out: string, bytes: Uint8Array, ext: string): Promise<WriteOutcome> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${Deno.pid}.tmp`);
  let why: string;
  try {
    await Deno.writeFile(tmp, bytes);
    await Deno.rename(tmp, out);
    return { ok: true };
  } catch (e) {
    why = (e as Error).message;
    await Deno.remove(tmp).catch(() => {});
  }
  const head = `无法写入 --out 指定的 ${out}（${why}）。`;
  const fix = `请确认其所在文件夹存在且可写、${out} 不是文件夹，然后重新指定 --out。`;
  try {
    const fallback = await Deno.makeTempFile({ prefix: "jixiao-audit-", suffix: ext });
    await Deno.writeFile(fallback, bytes);
    return { ok: false, wroteTo: fallback, message: `${head}审核结果已改存到 ${fallback}。${fix}` };
  } catch {
    await writeAll(Deno.stdout, bytes);
    return { ok: false, wroteTo: "stdout", message: `${head}审核结果已输出到标准输出。${fix}` };
  }
}
