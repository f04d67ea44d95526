/**
 * `--convert-with-soffice`: an old binary file (.doc/.wps/.xls, or RTF) converted by LibreOffice (headless,
 * its own throw-away profile, in a temporary folder, killed past a time limit) into .docx/.xlsx, which the
 * OOXML readers then read with full fidelity (tables with merged cells, heading styles, list numbers).
 */
import * as path from "node:path";
import { IngestError } from "./errors.ts";

export const SOFFICE_LIMITS = { timeoutMs: 120_000 };

/** The LibreOffice command: $SOFFICE, else `soffice` on PATH. */
export function sofficeCommand(): string {
  try {
    return Deno.env.get("SOFFICE") || "soffice";
  } catch {
    return "soffice";
  }
}

function failed(file: string, what: string): IngestError {
  return new IngestError(
    "convert-failed",
    `无法用 LibreOffice 转换文件“${file}”：${what}。` +
      `请确认已安装 LibreOffice（命令 soffice 可用），或在 Word/WPS 中将其另存为 .docx/.xlsx 后再审核；` +
      `也可以不加 --convert-with-soffice，使用内置读取器。`,
    file,
  );
}

/** Whether LibreOffice can be started (for tests that need it). */
export async function sofficeAvailable(): Promise<boolean> {
  try {
    const out = await new Deno.Command(sofficeCommand(), {
      args: ["--version"],
      stdout: "null",
      stderr: "null",
      stdin: "null",
    }).output();
    return out.success;
  } catch {
    return false;
  }
}

/**
 * Convert `bytes` (a file of extension `fromExt`) to `toExt` ("docx" or "xlsx") with LibreOffice.
 */
export async function convertWithSoffice(
  bytes: Uint8Array,
  file: string,
  fromExt: string,
  toExt: "docx" | "xlsx",
  timeoutMs = SOFFICE_LIMITS.timeoutMs,
): Promise<Uint8Array> {
  const dir = await Deno.makeTempDir({ prefix: "jixiao-soffice-" });
  try {
    const input = path.join(dir, `input.${fromExt}`);
    await Deno.writeFile(input, bytes);
    const profile = path.join(dir, "profile");
    let child: Deno.ChildProcess;
    try {
      child = new Deno.Command(sofficeCommand(), {
        args: [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--norestore",
          "--nolockcheck",
          "--convert-to",
          toExt,
          "--outdir",
          dir,
          input,
        ],
        stdout: "null",
        stderr: "piped",
        stdin: "null",
      }).spawn();
    } catch (e) {
      throw failed(file, `找不到 LibreOffice（${(e as Error).message}）`);
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
    }, timeoutMs);
    const out = await child.output().finally(() => clearTimeout(timer));
    if (timedOut) throw failed(file, `转换超过 ${Math.round(timeoutMs / 1000)} 秒未完成，已终止`);
    const result = path.join(dir, `input.${toExt}`);
    try {
      return await Deno.readFile(result);
    } catch {
      const err = new TextDecoder().decode(out.stderr).trim().split("\n").pop() ?? "";
      throw failed(file, `LibreOffice 未生成 .${toExt} 文件${err ? `（${err.slice(0, 160)}）` : ""}`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}
