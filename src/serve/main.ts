/**
 * `deno task serve`: the local web app. Binds 127.0.0.1 by default; `--host 0.0.0.0` for a shared office
 * machine, then with `--token` (every request needs it; the printed address carries it).
 */
import { parseArgs } from "node:util";
import * as path from "node:path";
import process from "node:process";
import { ALL_RULE_METAS, TOOL } from "../audit.ts";
import { ConfigError, loadConfig } from "../config/load.ts";
import { MAX_FILE_BYTES, type ReaderName } from "../ingest/index.ts";
import { createApp } from "./app.ts";
import { Runner } from "./runner.ts";
import { openInBrowser } from "./open.ts";

export const SERVE_HELP = `jixiao-audit ${TOOL.version} 审核网页（本机浏览器中使用）

用法: deno task serve [选项]

选项:
      --host <地址>    监听地址（默认 127.0.0.1，只允许本机访问；0.0.0.0 供局域网共用，此时请加 --token）
  -p, --port <端口>    端口（默认 8765；被占用时自动顺延；0 表示任选空闲端口）
      --token <口令>   访问口令：每个请求都须携带（启动时显示的地址已包含）
      --keep <目录>    把上传的文件及审核结果另存到该目录（默认只保存在内存中，不写磁盘）
  -j, --jobs <n>       同时审核的文件数（默认 2，上限为 CPU 核数）
      --timeout <秒>   单个文件的审核时限（默认 120 秒）
      --max-mb <MB>    单个文件的大小上限（默认并最多 ${MAX_FILE_BYTES / 1024 / 1024} MB）
  -c, --config <路径>  配置文件（jixiao-audit.json）
      --reader <name>  文档读取器: ooxml（默认）或 mammoth
      --open           启动后用默认浏览器打开页面
  -h, --help           显示本帮助
`;

const OPTIONS = {
  host: { type: "string" },
  port: { type: "string", short: "p" },
  token: { type: "string" },
  keep: { type: "string" },
  jobs: { type: "string", short: "j" },
  timeout: { type: "string" },
  "max-mb": { type: "string" },
  config: { type: "string", short: "c" },
  reader: { type: "string" },
  open: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

class ServeUsage extends Error {}

function int(v: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ServeUsage(`${name} 须为 ${min}–${max} 的整数。`);
  return n;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export interface Started {
  url: string;
  server: Deno.HttpServer<Deno.NetAddr>;
  runner: Runner;
}

export async function startServer(args: string[]): Promise<Started | number> {
  let v;
  try {
    v = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (e) {
    console.error(`参数错误：${(e as Error).message}\n用 --help 查看用法。`);
    return 2;
  }
  if (v.help) {
    console.log(SERVE_HELP);
    return 0;
  }
  try {
    const host = v.host ?? "127.0.0.1";
    const portGiven = v.port !== undefined;
    const port = int(v.port, "--port", 0, 65535, 8765);
    const cores = navigator.hardwareConcurrency || 2;
    const jobs = Math.min(int(v.jobs, "--jobs", 1, 64, 2), cores);
    const timeout = int(v.timeout, "--timeout", 1, 86400, 120);
    const maxMb = int(v["max-mb"], "--max-mb", 1, MAX_FILE_BYTES / 1024 / 1024, MAX_FILE_BYTES / 1024 / 1024);
    if (v.token !== undefined && !/^[\x21-\x7e]{8,200}$/.test(v.token)) {
      throw new ServeUsage("--token 须为 8–200 个可见 ASCII 字符（不含空格）。");
    }
    if (v.reader !== undefined && v.reader !== "ooxml" && v.reader !== "mammoth") {
      throw new ServeUsage(`不支持的读取器 "${v.reader}"，可选: ooxml、mammoth。`);
    }
    let keepDir: string | undefined;
    if (v.keep !== undefined) {
      keepDir = path.resolve(v.keep);
      await Deno.mkdir(keepDir, { recursive: true });
    }
    const config = await loadConfig(v.config, ALL_RULE_METAS);
    const loopback = LOOPBACK.has(host);
    if (!loopback && v.token === undefined) {
      console.error(`提示：监听 ${host} 时局域网内他人也可访问，建议加 --token 设置访问口令。`);
    }
    const runner = new Runner({ jobs, timeoutMs: timeout * 1000, config, reader: v.reader as ReaderName });
    const app = createApp({
      audit: (file, bytes) => runner.run(file, bytes),
      token: v.token,
      maxBytes: maxMb * 1024 * 1024,
      allowedHosts: loopback ? ["127.0.0.1", "localhost", "[::1]"] : [],
      keepDir,
      timeoutSeconds: timeout,
    });
    const server = listen(host, port, portGiven, app.handle);
    const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
    const url = `http://${shown}:${server.addr.port}/${
      v.token !== undefined ? `?token=${encodeURIComponent(v.token)}` : ""
    }`;
    console.log(`审核网页已启动：${url}`);
    console.log("在浏览器中打开上述地址，拖入报告即可审核；按 Ctrl+C 停止。");
    if (keepDir) console.log(`上传的文件和审核结果另存于：${keepDir}`);
    if (v.open) openInBrowser(url);
    return { url, server, runner };
  } catch (e) {
    if (e instanceof ServeUsage) {
      console.error(`参数错误：${e.message}\n用 --help 查看用法。`);
      return 2;
    }
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

function listen(
  hostname: string,
  port: number,
  exact: boolean,
  handler: (req: Request) => Promise<Response>,
): Deno.HttpServer<Deno.NetAddr> {
  for (let p = port, tries = 0;; p++, tries++) {
    try {
      return Deno.serve({ hostname, port: p, onListen: () => {} }, handler);
    } catch (e) {
      if (!(e instanceof Deno.errors.AddrInUse) || exact || port === 0 || tries >= 20) {
        if (e instanceof Deno.errors.AddrInUse) {
          throw new ServeUsage(`端口 ${p} 已被占用，请用 --port 换一个端口。`);
        }
        throw e;
      }
    }
  }
}

if (import.meta.main) {
  // Relative --keep/--config paths are the caller's (`deno task` runs in the project folder).
  const initCwd = Deno.env.get("INIT_CWD");
  if (initCwd) {
    try {
      process.chdir(initCwd);
    } catch { /* keep the current folder */ }
  }
  const started = await startServer(Deno.args);
  if (typeof started === "number") Deno.exit(started);
  const stop = () => {
    started.runner.killAll();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  if (Deno.build.os !== "windows") Deno.addSignalListener("SIGTERM", stop);
}
