/**
 * `deno task dist [--targets linux-x64,windows-x64,macos-x64,macos-arm64] [--out dist]`: offline packages
 * dist/jixiao-audit-<version>-<target>.zip, each holding
 *   runtime/deno(.exe)   the Deno runtime from its npm platform package (@deno/linux-x64-glibc, …)
 *   app/                 src/ and checks/ (no tests) and a deno.json with the runtime imports only
 *   cache/               a DENO_DIR filled by `deno cache` for the entry points: runtime packages only
 *   launchers            jixiao-audit(.cmd), 启动审核网页.cmd/.command/.sh, 使用说明.txt
 * The runtime import map is worked out from the module graph of the entry points (`deno info --json`), so
 * test and dev packages (docx, playwright-core, ajv, markdown-it, …) never enter it.
 */
import { parseArgs } from "node:util";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, type Zippable, zipSync } from "fflate";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export const TARGETS = {
  "windows-x64": { npm: "@deno/win32-x64", exe: "deno.exe", os: "windows" },
  "linux-x64": { npm: "@deno/linux-x64-glibc", exe: "deno", os: "linux" },
  "macos-x64": { npm: "@deno/darwin-x64", exe: "deno", os: "darwin" },
  "macos-arm64": { npm: "@deno/darwin-arm64", exe: "deno", os: "darwin" },
} as const;
export type Target = keyof typeof TARGETS;

/** Entry points run in the package: the CLI, the web app, the launcher, and the audit processes. */
export const ENTRY_POINTS = [
  "src/cli/main.ts",
  "src/serve/main.ts",
  "src/serve/launch.ts",
  "src/serve/audit-child.ts",
  "src/batch/audit-process.ts",
  "src/batch/worker.ts",
];

/** The cache folder of the registry the launchers name (NPM_CONFIG_REGISTRY=https://registry.npmjs.org/). */
export const NPM_REGISTRY_DIR = "registry.npmjs.org";

/** Folders copied into app/ (tests excluded). */
const APP_DIRS = ["src", "checks"];

interface DevConfig {
  version: string;
  imports: Record<string, string>;
  compilerOptions?: unknown;
}

async function run(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const out = await new Deno.Command(cmd, {
    args,
    cwd: opts.cwd,
    env: opts.env,
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`${cmd} ${args.join(" ")} failed (${out.code}):\n${stderr}${stdout}`);
  return stdout;
}

const exists = (p: string) => Deno.stat(p).then(() => true, () => false);

/** Entry points that exist in this tree. */
export async function entryPoints(root = ROOT): Promise<string[]> {
  const found: string[] = [];
  for (const e of ENTRY_POINTS) if (await exists(path.join(root, e))) found.push(e);
  return found;
}

/** The import-map keys the entry points' module graph actually uses (code, not type-only imports). */
export async function runtimeImports(dev: DevConfig, entries: string[]): Promise<Record<string, string>> {
  const used = new Set<string>();
  const keys = Object.keys(dev.imports);
  for (const entry of entries) {
    const info = JSON.parse(
      await run(Deno.execPath(), ["info", "--json", "--config", path.join(ROOT, "deno.json"), entry], {
        cwd: ROOT,
      }),
    ) as { modules: { specifier: string; dependencies?: { specifier: string; code?: unknown }[] }[] };
    for (const m of info.modules) {
      if (!m.specifier.startsWith("file:")) continue;
      for (const d of m.dependencies ?? []) {
        if (!d.code) continue; // type-only
        const key = keys.find((k) =>
          d.specifier === k || d.specifier.startsWith(k.endsWith("/") ? k : k + "/")
        );
        if (key) used.add(key);
      }
    }
  }
  return Object.fromEntries([...used].sort().map((k) => [k, dev.imports[k]]));
}

async function copyTree(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory) await copyTree(src, dst);
    else if (e.isFile && !/_test\.ts$/.test(e.name)) await Deno.copyFile(src, dst);
  }
}

/** app/ and cache/: the same for every target (npm packages here are pure JavaScript). */
export async function stageApp(stage: string, dev: DevConfig, log: (s: string) => void): Promise<string[]> {
  const entries = await entryPoints();
  const imports = await runtimeImports(dev, entries);
  log(`runtime imports: ${Object.keys(imports).join(", ")}`);
  const app = path.join(stage, "app");
  await Deno.remove(stage, { recursive: true }).catch(() => {});
  for (const d of APP_DIRS) await copyTree(path.join(ROOT, d), path.join(app, d));
  const config = {
    version: dev.version,
    imports,
    nodeModulesDir: "none",
    lock: { path: "./deno.lock", frozen: false },
    compilerOptions: dev.compilerOptions,
  };
  await Deno.writeTextFile(path.join(app, "deno.json"), JSON.stringify(config, null, 2) + "\n");
  const cache = path.join(stage, "cache");
  await Deno.mkdir(cache, { recursive: true });
  // A registry-only environment: the package cache must come from the registry, not a local mirror.
  await run(Deno.execPath(), ["cache", "--quiet", "--config", path.join(app, "deno.json"), ...entries], {
    cwd: app,
    env: { DENO_DIR: cache, DENO_NO_UPDATE_CHECK: "1" },
  });
  // Frozen from now on: the package never rewrites its lock file.
  config.lock.frozen = true;
  await Deno.writeTextFile(path.join(app, "deno.json"), JSON.stringify(config, null, 2) + "\n");
  // Only the downloaded packages travel: emitted code and analysis caches are keyed by absolute path.
  for await (const e of Deno.readDir(cache)) {
    if (e.name !== "npm" && e.name !== "remote") {
      await Deno.remove(path.join(cache, e.name), { recursive: true });
    }
  }
  // The launchers look packages up under registry.npmjs.org (NPM_CONFIG_REGISTRY): a mirror's folder is renamed.
  const npmDir = path.join(cache, "npm");
  const registries = [];
  for await (const e of Deno.readDir(npmDir)) if (e.isDirectory) registries.push(e.name);
  if (registries.length === 1 && registries[0] !== NPM_REGISTRY_DIR) {
    await Deno.rename(path.join(npmDir, registries[0]), path.join(npmDir, NPM_REGISTRY_DIR));
  }
  return Object.keys(imports);
}

/** The Deno runtime of a target from its npm platform package (npm pack, cached in `dir`). */
export async function runtimeBinary(target: Target, denoVersion: string, dir: string): Promise<Uint8Array> {
  const t = TARGETS[target];
  await Deno.mkdir(dir, { recursive: true });
  const tgz = path.join(dir, `${t.npm.slice(1).replace("/", "-")}-${denoVersion}.tgz`);
  if (!await exists(tgz)) {
    const npm = Deno.build.os === "windows" ? "npm.cmd" : "npm";
    await run(npm, ["pack", "--silent", `${t.npm}@${denoVersion}`, "--pack-destination", dir]);
  }
  const tar = gunzipSync(await Deno.readFile(tgz));
  const file = untarFile(tar, `package/${t.exe}`);
  if (!file) throw new Error(`${tgz} has no package/${t.exe}`);
  return file;
}

/** One regular file out of a ustar archive. */
export function untarFile(tar: Uint8Array, name: string): Uint8Array | undefined {
  const dec = new TextDecoder();
  for (let off = 0; off + 512 <= tar.length;) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (a: number, n: number) => dec.decode(header.subarray(a, a + n)).replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const entry = (prefix ? prefix + "/" : "") + field(0, 100);
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const body = off + 512;
    if (entry === name && (type === "0" || type === "")) return tar.slice(body, body + size);
    off = body + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

async function addTree(zip: Zippable, dir: string, prefix: string): Promise<void> {
  for await (const e of Deno.readDir(dir)) {
    const full = path.join(dir, e.name);
    if (e.isDirectory) await addTree(zip, full, `${prefix}${e.name}/`);
    else if (e.isFile) {
      zip[`${prefix}${e.name}`] = [await Deno.readFile(full), { os: 3, attrs: 0o100644 << 16 }];
    }
  }
}

async function launchers(target: Target): Promise<Zippable> {
  const dir = path.join(ROOT, "tools/launchers");
  const read = (f: string) => Deno.readFile(path.join(dir, f));
  const exec = { os: 3, attrs: 0o100755 << 16 };
  const plain = { os: 3, attrs: 0o100644 << 16 };
  const guide = new TextEncoder().encode(await Deno.readTextFile(path.join(dir, "使用说明.txt")));
  if (TARGETS[target].os === "windows") {
    const crlf = new TextEncoder().encode(new TextDecoder().decode(guide).replace(/\r?\n/g, "\r\n"));
    return {
      "jixiao-audit.cmd": [await read("jixiao-audit.cmd"), plain],
      "启动审核网页.cmd": [await read("start-web.cmd"), plain],
      "使用说明.txt": [new Uint8Array([0xef, 0xbb, 0xbf, ...crlf]), plain],
    };
  }
  const web = TARGETS[target].os === "darwin" ? "启动审核网页.command" : "启动审核网页.sh";
  return {
    "jixiao-audit": [await read("jixiao-audit"), exec],
    [web]: [await read("start-web.sh"), exec],
    "使用说明.txt": [guide, plain],
  };
}

export interface BuildResult {
  target: Target;
  zip: string;
  bytes: number;
}

export async function build(opts: {
  targets: Target[];
  out: string;
  denoVersion?: string;
  /** Where the runtime tarballs are kept between builds (default: <out>/.runtime). */
  runtimeDir?: string;
  log?: (s: string) => void;
}): Promise<{ results: BuildResult[]; imports: string[] }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const dev = JSON.parse(await Deno.readTextFile(path.join(ROOT, "deno.json"))) as DevConfig;
  const denoVersion = opts.denoVersion ?? Deno.version.deno;
  const stage = path.join(opts.out, ".stage");
  const imports = await stageApp(stage, dev, log);
  const common: Zippable = {};
  await addTree(common, path.join(stage, "app"), "app/");
  await addTree(common, path.join(stage, "cache"), "cache/");
  const results: BuildResult[] = [];
  for (const target of opts.targets) {
    const name = `jixiao-audit-${dev.version}-${target}`;
    const exe = TARGETS[target].exe;
    const runtime = await runtimeBinary(
      target,
      denoVersion,
      opts.runtimeDir ?? path.join(opts.out, ".runtime"),
    );
    const files: Zippable = {
      ...common,
      ...await launchers(target),
      [`runtime/${exe}`]: [runtime, { os: 3, attrs: 0o100755 << 16 }],
    };
    const zipped = zipSync({ [name]: files }, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
    const zip = path.join(opts.out, `${name}.zip`);
    await Deno.writeFile(zip, zipped);
    results.push({ target, zip, bytes: zipped.length });
    log(`${zip}: ${(zipped.length / 1024 / 1024).toFixed(1)} MB`);
  }
  await Deno.remove(stage, { recursive: true }).catch(() => {});
  return { results, imports };
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      targets: { type: "string" },
      out: { type: "string" },
      "deno-version": { type: "string" },
    },
  });
  const targets = (values.targets ?? Object.keys(TARGETS).join(",")).split(",").map((t) => t.trim());
  for (const t of targets) {
    if (!(t in TARGETS)) {
      console.error(`unknown target ${t}; one of ${Object.keys(TARGETS).join(", ")}`);
      Deno.exit(2);
    }
  }
  const out = path.resolve(values.out ?? path.join(ROOT, "dist"));
  await Deno.mkdir(out, { recursive: true });
  await build({ targets: targets as Target[], out, denoVersion: values["deno-version"] });
}
