/**
 * What the package's `jixiao-audit` launchers run. Files or folders dropped onto the launcher (every
 * argument an absolute path that exists, no option): an HTML report beside each, opened in the browser.
 * Anything else (options, relative paths): the command line (src/cli/main.ts), unchanged.
 */
import * as path from "node:path";
import { main as cli } from "../cli/main.ts";
import { discoverFiles } from "../batch/discover.ts";
import { openInBrowser } from "./open.ts";

const USAGE = `绩效自评报告审核工具 jixiao-audit

用法：
  · 把报告文件（.docx/.csv）或文件夹拖到 jixiao-audit 图标上：在文件旁生成“…审核意见.html”并用浏览器打开；
  · 双击“启动审核网页”：在浏览器中拖入文件审核，可下载各种格式的结果；
  · 命令行：jixiao-audit 报告.docx [--format html --out 审核意见.html]，jixiao-audit --help 查看全部选项。
`;

/** True when the launcher received dropped paths rather than a command line. */
export async function isDrop(args: string[]): Promise<boolean> {
  if (!args.length || args.some((a) => a.startsWith("-"))) return false;
  for (const a of args) {
    if (!path.isAbsolute(a)) return false;
    try {
      await Deno.stat(a);
    } catch {
      return false;
    }
  }
  return true;
}

/** The report for one dropped path: beside a file, inside a folder. */
export function reportPathFor(target: string, isDir: boolean): string {
  if (isDir) return path.join(target, "审核意见.html");
  const base = path.basename(target).replace(/\.[^.]*$/, "");
  return path.join(path.dirname(target), `${base}.审核意见.html`);
}

export async function drop(args: string[]): Promise<number> {
  let worst = 0;
  for (const target of args) {
    const isDir = (await Deno.stat(target)).isDirectory;
    const files = isDir ? (await discoverFiles([target])).map((f) => f.path) : [target];
    if (!files.length) {
      console.error(`文件夹 ${target} 中没有可审核的报告（.docx/.csv）。`);
      worst = Math.max(worst, 2);
      continue;
    }
    const out = reportPathFor(target, isDir);
    console.log(`正在审核 ${isDir ? `${target} 中的 ${files.length} 个文件` : target} …`);
    const code = await cli(["--format", "html", "--out", out, ...files]);
    worst = Math.max(worst, code);
    try {
      await Deno.stat(out);
      openInBrowser(out);
    } catch { /* not written: the CLI said why */ }
  }
  return worst;
}

async function waitForEnter(): Promise<void> {
  // Only in a console window opened by double-click or drop on Windows, so the messages can be read.
  if (Deno.build.os !== "windows" || !Deno.stdin.isTerminal()) return;
  console.log("\n按回车键关闭窗口。");
  const buf = new Uint8Array(16);
  await Deno.stdin.read(buf).catch(() => null);
}

if (import.meta.main) {
  const args = Deno.args;
  let code: number;
  if (!args.length) {
    console.log(USAGE);
    await waitForEnter();
    code = 0;
  } else if (await isDrop(args)) {
    code = await drop(args);
    await waitForEnter();
  } else {
    code = await cli(args);
  }
  Deno.exit(code);
}
