/**
 * Inputs (folders, files, glob patterns) → a sorted, de-duplicated list of files to audit.
 */
import * as path from "node:path";

export interface FoundFile {
  /** The path as it will be reported (joined from the input as given). */
  path: string;
  /** Path relative to the input root, "/"-separated: the sharding key. */
  rel: string;
}

const AUDITABLE = /\.(docx|csv)$/i;

/** Word lock files ("~$name.docx") and hidden files/folders are never audited. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$");
}

export function hasGlob(text: string): boolean {
  return /[*?[]/.test(text);
}

/** `**` any depth (including none), `*` and `?` within one segment, `[...]` a character class. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      re += slash ? "(?:[^/]*/)*" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "u");
}

function toSlash(p: string): string {
  return p.replaceAll("\\", "/");
}

async function* walk(dir: string, relDir: string): AsyncGenerator<{ full: string; rel: string }> {
  const entries: Deno.DirEntry[] = [];
  for await (const e of Deno.readDir(dir)) entries.push(e);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (isIgnoredName(e.name)) continue;
    const full = path.join(dir, e.name);
    const rel = relDir ? `${relDir}/${e.name}` : e.name;
    // Symlinked folders are not followed (no cycles); symlinked files are.
    if (e.isDirectory) yield* walk(full, rel);
    else if (e.isFile) yield { full, rel };
    else if (e.isSymlink) {
      const st = await Deno.stat(full).catch(() => null);
      if (st?.isFile) yield { full, rel };
    }
  }
}

/** Split a pattern into the literal folder it starts from and the glob part relative to it. */
function splitGlob(pattern: string): { base: string; glob: string } {
  const parts = toSlash(pattern).split("/");
  const first = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, first);
  const base = baseParts.length === 0 ? "." : baseParts.join("/") || "/";
  return { base, glob: parts.slice(first).join("/") };
}

export async function discoverFiles(inputs: string[]): Promise<FoundFile[]> {
  const byFull = new Map<string, FoundFile>();
  const add = (full: string, rel: string) => {
    const key = path.resolve(full);
    if (!byFull.has(key)) byFull.set(key, { path: full, rel });
  };
  for (const input of inputs) {
    const st = await Deno.stat(input).catch(() => null);
    if (st?.isDirectory) {
      for await (const f of walk(input, "")) if (AUDITABLE.test(f.rel)) add(f.full, f.rel);
    } else if (st?.isFile) {
      add(input, toSlash(path.basename(input)));
    } else if (hasGlob(input)) {
      const { base, glob } = splitGlob(input);
      const re = globToRegExp(glob);
      const baseSt = await Deno.stat(base).catch(() => null);
      if (!baseSt?.isDirectory) continue;
      for await (const f of walk(base, "")) if (re.test(f.rel)) add(f.full, f.rel);
    } else {
      throw new Error(`输入路径不存在：${input}。请检查文件夹或文件路径是否正确。`);
    }
  }
  return [...byFull.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
