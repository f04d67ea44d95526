/**
 * Inputs (folders, files, glob patterns) → a sorted, de-duplicated list of files to audit, and every path
 * that could not be walked or audited (unreadable folder, symlink loop, dangling symlink, symlinked folder,
 * pipe or device) with its status. The output folder and other batch output folders are never walked.
 */
import * as path from "node:path";
import { BatchError, reason } from "./errors.ts";
import { ANNOTATED_SUFFIX, REPORTS_DIR, WORKBOOK_NAME } from "./names.ts";

export interface FoundFile {
  /** The path as it will be reported (joined from the input as given). */
  path: string;
  /** Path relative to the input root, "/"-separated: the sharding key. */
  rel: string;
  /** Resolved real path: the key a result is stored under (the same file however the input is spelled). */
  real: string;
}

/** A path found while walking that is not audited, and why (stored as an error result). */
export interface PathProblem {
  path: string;
  rel: string;
  /** Absolute path: the storage key (a broken symlink has no real path). */
  key: string;
  code: "unreadable-folder" | "symlink-loop" | "dangling-symlink" | "symlink-folder" | "not-regular-file";
  message: string;
}

/**
 * A path found and deliberately not audited, with why: not a report format, a Word lock file, a hidden file
 * or folder, an output folder. Listed in the workbook and summary.md (nothing found is silently ignored);
 * not stored as a result, and not an error.
 */
export interface Ignored {
  path: string;
  rel: string;
  code: "not-a-report" | "lock-file" | "hidden" | "output-folder" | "output-failed";
  message: string;
}

export interface Discovery {
  files: FoundFile[];
  problems: PathProblem[];
  /** Paths seen and not audited on purpose, with the reason. */
  ignored: Ignored[];
  /** Output folders (this run's or another batch's) that were not walked. */
  skippedOutputs: string[];
}

export interface DiscoverOptions {
  /** The batch output folder: never walked, its result files never audited. */
  outDir?: string;
  /** Test seam for unreadable folders. */
  readDir?: (dir: string) => AsyncIterable<Deno.DirEntry>;
}

/**
 * Files sent to the audit processes. .doc, .wps and .pdf go too: the reader says, per file, why it cannot
 * read one (or reads it, once a reader for that format exists), so they are recorded with a reason.
 */
const AUDITABLE = /\.(docx|csv|doc|wps|pdf|xlsx|xls)$/i;
/** Files a batch writes into its output folder. */
export const OUTPUT_NAMES = new Set([
  "results.jsonl",
  "audit.db",
  "summary.md",
  "summary.csv",
  WORKBOOK_NAME,
]);

/** In the output folder itself: a file or folder this tool wrote (never audited, never listed). */
function isOwnOutput(name: string, isDirectory: boolean): boolean {
  return isDirectory ? name === REPORTS_DIR : OUTPUT_NAMES.has(name) || name.endsWith(ANNOTATED_SUFFIX);
}

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

type Walked =
  | { kind: "file"; full: string; rel: string }
  | {
    kind: "problem";
    full: string;
    rel: string;
    code: PathProblem["code"];
    message: string;
    folder: boolean;
  };

interface WalkContext {
  readDir: (dir: string) => AsyncIterable<Deno.DirEntry>;
  outReal?: string;
  skippedOutputs: string[];
  /** Paths seen and not walked or not audited, with why. */
  ignored: Ignored[];
}

async function realOrNull(p: string): Promise<string | null> {
  return await Deno.realPath(p).catch(() => null);
}

/** A folder some batch wrote its results into (audit.db next to results.jsonl). */
async function isOutputFolder(dir: string, real: string | null, ctx: WalkContext): Promise<boolean> {
  if (real !== null && real === ctx.outReal) return true;
  const has = (name: string) => Deno.stat(path.join(dir, name)).then((s) => s.isFile, () => false);
  return (await has("audit.db")) && (await has("results.jsonl"));
}

async function* walk(dir: string, relDir: string, dirReal: string, ctx: WalkContext): AsyncGenerator<Walked> {
  const entries: Deno.DirEntry[] = [];
  try {
    for await (const e of ctx.readDir(dir)) entries.push(e);
  } catch (e) {
    yield {
      kind: "problem",
      full: dir,
      rel: relDir,
      code: "unreadable-folder",
      message: `无法读取文件夹 ${dir}（${
        reason(e)
      }），其中的文件未审核。请检查该文件夹的读取权限后重新运行。`,
      folder: true,
    };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const rel = relDir ? `${relDir}/${e.name}` : e.name;
    if (dirReal === ctx.outReal && isOwnOutput(e.name, e.isDirectory)) continue;
    if (isIgnoredName(e.name)) {
      if (dirReal === ctx.outReal) continue;
      ctx.ignored.push(
        e.name.startsWith("~$")
          ? {
            path: full,
            rel,
            code: "lock-file",
            message: `Word 打开文档时留下的临时锁文件，不是报告，未审核。`,
          }
          : {
            path: full,
            rel,
            code: "hidden",
            message: `隐藏${
              e.isDirectory ? "文件夹（其中的文件）" : "文件"
            }，未审核。如需审核，请改名去掉开头的“.”。`,
          },
      );
      continue;
    }
    if (e.isDirectory) {
      const real = await realOrNull(full);
      if (await isOutputFolder(full, real, ctx)) {
        ctx.skippedOutputs.push(full);
        if (real !== ctx.outReal) {
          ctx.ignored.push({
            path: full,
            rel,
            code: "output-folder",
            message: "另一次批量审核的输出文件夹（含 audit.db 和 results.jsonl），不审核审核结果本身。",
          });
        }
        continue;
      }
      yield* walk(full, rel, real ?? path.resolve(full), ctx);
    } else if (e.isFile) {
      if (!(OUTPUT_NAMES.has(e.name) && dirReal === ctx.outReal)) yield { kind: "file", full, rel };
    } else if (e.isSymlink) yield await symlink(full, rel, dirReal);
    else {
      yield {
        kind: "problem",
        full,
        rel,
        code: "not-regular-file",
        message: notRegular(full),
        folder: false,
      };
    }
  }
}

export function notRegular(file: string): string {
  return `${file} 不是普通文件（可能是管道、套接字或设备），未审核。请确认选择了正确的报告文件。`;
}

/** Symlinked files are followed; symlinked folders are not (no cycles, no walking outside the archive). */
async function symlink(full: string, rel: string, dirReal: string): Promise<Walked> {
  let st: Deno.FileInfo;
  try {
    st = await Deno.stat(full);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      const target = await Deno.readLink(full).catch(() => "?");
      return {
        kind: "problem",
        full,
        rel,
        code: "dangling-symlink",
        message: `符号链接 ${full} 指向不存在的 ${target}，未审核。请修复或删除该链接。`,
        folder: false,
      };
    }
    return {
      kind: "problem",
      full,
      rel,
      code: "symlink-loop",
      message: `符号链接 ${full} 形成循环或无法解析（${reason(e)}），未审核。请修复或删除该链接。`,
      folder: true,
    };
  }
  if (st.isFile) return { kind: "file", full, rel };
  if (!st.isDirectory) {
    return { kind: "problem", full, rel, code: "not-regular-file", message: notRegular(full), folder: false };
  }
  const real = (await realOrNull(full)) ?? full;
  const loop = dirReal === real || dirReal.startsWith(real.endsWith(path.sep) ? real : real + path.sep);
  return loop
    ? {
      kind: "problem",
      full,
      rel,
      code: "symlink-loop",
      message: `符号链接 ${full} 指向它所在的上级文件夹 ${real}（循环），已跳过。`,
      folder: true,
    }
    : {
      kind: "problem",
      full,
      rel,
      code: "symlink-folder",
      message: `${full} 是指向文件夹 ${real} 的符号链接，批量审核不进入链接的文件夹（避免循环和重复）。` +
        `如需审核其中的文件，请把 ${real} 直接作为输入。`,
      folder: true,
    };
}

/** Split a pattern into the literal folder it starts from and the glob part relative to it. */
function splitGlob(pattern: string): { base: string; glob: string } {
  const parts = toSlash(pattern).split("/");
  const first = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, first);
  const base = baseParts.length === 0 ? "." : baseParts.join("/") || "/";
  return { base, glob: parts.slice(first).join("/") };
}

export async function discover(inputs: string[], opts: DiscoverOptions = {}): Promise<Discovery> {
  const ctx: WalkContext = {
    readDir: opts.readDir ?? Deno.readDir,
    outReal: opts.outDir ? (await realOrNull(opts.outDir)) ?? path.resolve(opts.outDir) : undefined,
    skippedOutputs: [],
    ignored: [],
  };
  /** A file walked from a folder that is not a report format: listed, not audited. */
  const notReport = (w: { full: string; rel: string }) => {
    const ext = path.extname(w.full).toLowerCase();
    ctx.ignored.push({
      path: w.full,
      rel: w.rel,
      code: "not-a-report",
      message: ext
        ? `${ext} 文件不是可审核的报告格式，未审核。`
        : "没有扩展名，不是可审核的报告格式，未审核。",
    });
  };
  const files = new Map<string, FoundFile>();
  const problems = new Map<string, PathProblem>();
  const take = async (w: Walked, wanted: (rel: string) => boolean) => {
    if (w.kind === "file") {
      if (!wanted(w.rel)) return;
      const real = (await realOrNull(w.full)) ?? path.resolve(w.full);
      if (!files.has(real)) files.set(real, { path: w.full, rel: w.rel, real });
    } else if (w.folder || wanted(w.rel)) {
      const key = path.resolve(w.full);
      if (!problems.has(key)) {
        problems.set(key, { path: w.full, rel: w.rel, key, code: w.code, message: w.message });
      }
    }
  };
  for (const input of inputs) {
    const lst = await Deno.lstat(input).catch(() => null);
    const st = lst?.isSymlink ? await Deno.stat(input).catch(() => null) : lst;
    if (st?.isDirectory) {
      const real = (await realOrNull(input)) ?? path.resolve(input);
      for await (const w of walk(input, "", real, ctx)) {
        if (w.kind === "file" && !AUDITABLE.test(w.rel)) notReport(w);
        else await take(w, (rel) => AUDITABLE.test(rel));
      }
    } else if (st && lst) {
      const rel = toSlash(path.basename(input));
      await take(
        st.isFile ? { kind: "file", full: input, rel } : {
          kind: "problem",
          full: input,
          rel,
          code: "not-regular-file",
          message: notRegular(input),
          folder: true,
        },
        () => true,
      );
    } else if (hasGlob(input)) {
      const { base, glob } = splitGlob(input);
      const re = globToRegExp(glob);
      const baseSt = await Deno.stat(base).catch(() => null);
      if (!baseSt?.isDirectory) continue;
      const real = (await realOrNull(base)) ?? path.resolve(base);
      for await (const w of walk(base, "", real, ctx)) await take(w, (rel) => re.test(rel));
    } else {
      throw new BatchError(`输入路径不存在：${input}。请检查文件夹或文件路径是否正确。`);
    }
  }
  const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    files: [...files.values()].sort(byPath),
    problems: [...problems.values()].sort(byPath),
    ignored: ctx.ignored.sort(byPath),
    skippedOutputs: ctx.skippedOutputs,
  };
}

/** The files only (what the earlier API returned). */
export async function discoverFiles(inputs: string[], opts: DiscoverOptions = {}): Promise<FoundFile[]> {
  return (await discover(inputs, opts)).files;
}
