/**
 * The web app's request handler: the page, uploads (in memory, size-limited), the document list, each
 * document's report view and downloads. Security: every response has a Content-Security-Policy (inline
 * code runs by per-response nonce only; nothing loads from elsewhere); requests that change state need the
 * session token in a header (a cross-site page can neither read it nor send the header without a CORS
 * preflight, which is never granted); with `--token`, every request needs the token; on a loopback address
 * the Host header must name it (no DNS rebinding); no client-supplied path is ever used on disk.
 */
import * as path from "node:path";
import { RULE_METAS, TOOL } from "../audit.ts";
import { MAX_FILE_BYTES } from "../ingest/index.ts";
import { type AuditReport, type DocumentResult, REPORT_SCHEMA } from "../model/report.ts";
import { render } from "../render/index.ts";
import { countFindings } from "../render/common.ts";
import { decodeBase64 } from "./base64.ts";
import { renderPage } from "./page.ts";
import type { RunOutcome } from "./runner.ts";
import type { ChildAnswer, DocSummary, Status } from "./types.ts";
import { workbookExporter } from "./workbook.ts";

export interface AppOptions {
  /** Audits one upload (the Runner in production; a stub in tests). */
  audit: (file: string, bytes: Uint8Array) => Promise<RunOutcome>;
  /** The access token given with --token: then every request needs it. */
  token?: string;
  /** Largest upload in bytes (defaults to the readers' MAX_FILE_BYTES). */
  maxBytes?: number;
  /** Host names accepted in the Host header (empty: any, e.g. when bound to 0.0.0.0). */
  allowedHosts?: string[];
  /** Folder where uploads and results are kept (--keep); otherwise nothing is written. */
  keepDir?: string;
  timeoutSeconds: number;
  /** Most documents held at once; the oldest finished ones are dropped first. */
  maxDocuments?: number;
}

interface Entry {
  id: string;
  name: string;
  size: number;
  status: Status;
  added: number;
  bytes?: Uint8Array;
  answer?: ChildAnswer;
  docx?: Uint8Array;
  message?: string;
}

export const TOKEN_HEADER = "x-jixiao-token";

const FORMAT_TYPES = {
  html: "text/html; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
type DownloadFormat = keyof typeof FORMAT_TYPES;

const SUFFIX: Record<DownloadFormat, string> = {
  html: "审核意见.html",
  csv: "审核结果.csv",
  json: "审核结果.json",
  docx: "批注.docx",
  xlsx: "审核结果.xlsx",
};

function nonce(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...b));
}

function randomToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(18))].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string | null | undefined, b: string): boolean {
  if (typeof a !== "string" || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The upload's name as a label: last path segment, no control characters, bounded length. */
export function cleanName(raw: string | null): string {
  // deno-lint-ignore no-control-regex
  const base = (raw ?? "").split(/[\\/]/).pop()!.replace(/[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  const name = base.length > 200 ? base.slice(0, 100) + "…" + base.slice(-99) : base;
  return name || "未命名文件";
}

/** Content-Disposition with the UTF-8 file name (RFC 6266/5987) and an ASCII fallback. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "SAMEORIGIN",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
  };
}

const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

function pageCsp(n: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${n}'`,
    `style-src 'nonce-${n}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The HTML report in the viewer frame: its inline style and script run by nonce, nothing else. */
function reportCsp(n: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${n}'`,
    `style-src 'nonce-${n}'`,
    "img-src data:",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/**
 * Adds the nonce to the report's own <style> and <script> tags. Document text in the report is escaped
 * (escape.ts), so these literal tags can only be the renderer's.
 */
export function withNonce(html: string, n: string): string {
  return html.replace(/<(style|script)>/g, `<$1 nonce="${n}">`);
}

function text(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(DATA_CSP), "content-type": "text/plain; charset=utf-8", ...extra },
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...securityHeaders(DATA_CSP), "content-type": "application/json; charset=utf-8" },
  });
}

export function createApp(opts: AppOptions) {
  const maxBytes = Math.min(opts.maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);
  const maxDocuments = opts.maxDocuments ?? 500;
  /** Needed by every state-changing request; equal to --token when given, else random per process. */
  const session = opts.token ?? randomToken();
  const entries = new Map<string, Entry>();
  /** Arrival order of uploads (a clock can tie). */
  let arrivals = 0;
  const workbook = workbookExporter();

  function summary(e: Entry): DocSummary {
    const r = e.answer?.result;
    const formats: string[] = [];
    if (e.answer) formats.push("html", "csv", "json");
    if (e.docx) formats.push("docx");
    return {
      id: e.id,
      name: e.name,
      size: e.size,
      status: e.status,
      counts: r?.status === "ok" ? countFindings(r.findings) : undefined,
      title: r?.meta.title ?? null,
      unit: r?.meta.unit ?? null,
      year: r?.meta.year ?? null,
      message: e.message,
      formats,
    };
  }

  function prune(): void {
    if (entries.size <= maxDocuments) return;
    for (const e of [...entries.values()].sort((a, b) => a.added - b.added)) {
      if (entries.size <= maxDocuments) break;
      if (e.status === "done" || e.status === "error") entries.delete(e.id);
    }
  }

  async function keep(e: Entry, what: "upload" | "result", data: Uint8Array | string): Promise<void> {
    if (!opts.keepDir) return;
    // The stored name is ours (id + a cleaned base name): the client's name never forms a path.
    const safe = e.name.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(-80);
    const file = what === "upload" ? `${e.id}-${safe}` : `${e.id}-${safe}.json`;
    try {
      const target = path.join(opts.keepDir, file);
      if (typeof data === "string") await Deno.writeTextFile(target, data);
      else await Deno.writeFile(target, data);
    } catch (err) {
      console.error(`无法在 --keep 目录中保存 ${file}：${(err as Error).message}`);
    }
  }

  async function process(e: Entry): Promise<void> {
    const bytes = e.bytes!;
    e.status = "running";
    let outcome: RunOutcome;
    try {
      outcome = await opts.audit(e.name, bytes);
    } catch (err) {
      outcome = { kind: "crash", message: (err as Error).message };
    }
    e.bytes = undefined; // the upload is not needed any more: the answer holds every rendering
    if (!entries.has(e.id)) return;
    if (outcome.kind === "answer") {
      e.answer = outcome.answer;
      if (outcome.answer.docx) e.docx = decodeBase64(outcome.answer.docx);
      outcome.answer.docx = undefined;
      const r = outcome.answer.result;
      e.status = r.status === "ok" ? "done" : "error";
      if (r.status === "error") e.message = r.error?.message ?? "无法审核";
      await keep(e, "result", outcome.answer.json);
      return;
    }
    e.status = "error";
    e.message = outcome.kind === "timeout"
      ? `审核“${e.name}”超过 ${opts.timeoutSeconds} 秒仍未完成，已终止。文件可能过大或结构异常；请拆分文件或另存为 .docx 后重试。`
      : `审核“${e.name}”时审核进程异常退出（${outcome.message}）。请将该文件反馈给开发者。`;
  }

  /** A failed upload is listed like a failed audit, with the reason. */
  function failed(name: string, size: number, message: string): Entry {
    const e: Entry = { id: crypto.randomUUID(), name, size, status: "error", added: ++arrivals, message };
    entries.set(e.id, e);
    prune();
    return e;
  }

  async function readBody(req: Request): Promise<Uint8Array | "too-large"> {
    const declared = Number(req.headers.get("content-length") ?? "NaN");
    if (declared > maxBytes) {
      await req.body?.cancel().catch(() => {});
      return "too-large";
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (req.body) {
      for await (const c of req.body) {
        size += c.length;
        if (size > maxBytes) return "too-large";
        chunks.push(c);
      }
    }
    const out = new Uint8Array(size);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }

  async function upload(req: Request, url: URL): Promise<Response> {
    const name = cleanName(url.searchParams.get("name"));
    const announced = Number(url.searchParams.get("size") ?? "0");
    const body = announced > maxBytes ? "too-large" : await readBody(req);
    if (body === "too-large") await req.body?.cancel().catch(() => {});
    if (body === "too-large") {
      const mb = (maxBytes / 1024 / 1024).toFixed(0);
      const e = failed(
        name,
        Math.max(announced, Number(req.headers.get("content-length") ?? 0)) || 0,
        `文件“${name}”超过 ${mb} MB 的上限，未审核。请压缩或删除文档中的图片后另存为 .docx 再试。`,
      );
      return json(413, summary(e));
    }
    const e: Entry = {
      id: crypto.randomUUID(),
      name,
      size: body.length,
      status: "queued",
      added: ++arrivals,
      bytes: body,
    };
    entries.set(e.id, e);
    prune();
    await keep(e, "upload", body);
    process(e).catch((err) => {
      e.status = "error";
      e.message = `审核“${e.name}”时发生内部错误：${(err as Error).message}`;
    });
    return json(201, summary(e));
  }

  function reportOf(list: Entry[]): AuditReport {
    const documents: DocumentResult[] = list.filter((e) => e.answer).map((e) => e.answer!.result);
    return { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents };
  }

  function download(e: Entry, format: string): Response {
    const base = e.name.replace(/\.[^.]*$/, "") || e.name;
    const headers = (f: DownloadFormat) => ({
      ...securityHeaders(DATA_CSP),
      "content-type": FORMAT_TYPES[f],
      "content-disposition": disposition(`${base}.${SUFFIX[f]}`),
    });
    if (format === "docx") {
      if (!e.docx) {
        return text(404, e.answer?.docxError ?? "该文件不是 Word 文档或未能审核，没有带批注的副本。");
      }
      return new Response(e.docx.slice(), { headers: headers("docx") });
    }
    if (format !== "html" && format !== "csv" && format !== "json") return text(404, "不支持的格式。");
    if (!e.answer) return text(409, "该文件尚未审核完成。");
    return new Response(e.answer[format], { headers: headers(format) });
  }

  async function downloadAll(format: string): Promise<Response> {
    const list = [...entries.values()].sort((a, b) => a.added - b.added).filter((e) => e.answer);
    if (!list.length) return text(409, "还没有审核完成的文件。");
    const report = reportOf(list);
    const input = { report, documents: new Map(), rules: [...RULE_METAS] };
    const headers = (f: DownloadFormat, name: string) => ({
      ...securityHeaders(DATA_CSP),
      "content-type": FORMAT_TYPES[f],
      "content-disposition": disposition(name),
    });
    if (format === "csv") {
      return new Response(render("csv", input), { headers: headers("csv", "审核结果.csv") });
    }
    if (format === "json") {
      return new Response(render("json", input), { headers: headers("json", "审核结果.json") });
    }
    if (format === "xlsx" && workbook) {
      const bytes = await workbook(report);
      return new Response(bytes.slice(), { headers: headers("xlsx", "审核结果.xlsx") });
    }
    return text(404, "不支持的格式。");
  }

  function view(e: Entry): Response {
    if (!e.answer) return text(409, "该文件尚未审核完成。");
    const n = nonce();
    return new Response(withNonce(e.answer.html, n), {
      headers: { ...securityHeaders(reportCsp(n)), "content-type": "text/html; charset=utf-8" },
    });
  }

  function page(): Response {
    const n = nonce();
    return new Response(
      renderPage({
        nonce: n,
        token: session,
        tokenInUrls: opts.token !== undefined,
        maxBytes,
        version: TOOL.version,
        workbook: workbook !== undefined,
      }),
      { headers: { ...securityHeaders(pageCsp(n)), "content-type": "text/html; charset=utf-8" } },
    );
  }

  function hostAllowed(req: Request): boolean {
    if (!opts.allowedHosts?.length) return true;
    const host = (req.headers.get("host") ?? new URL(req.url).host).toLowerCase().replace(/:\d+$/, "");
    return opts.allowedHosts.includes(host);
  }

  return {
    session,
    entries,
    async handle(req: Request): Promise<Response> {
      if (!hostAllowed(req)) return text(421, "主机名不符：请用启动时显示的地址访问。");
      const url = new URL(req.url);
      if (url.pathname === "/favicon.ico") return new Response(null, { status: 204 });
      const given = req.headers.get(TOKEN_HEADER) ?? url.searchParams.get("token");
      if (opts.token !== undefined && !sameToken(given, opts.token)) {
        return text(403, "需要访问口令：请使用启动时显示的完整地址（含 ?token=…）打开本页。");
      }
      const p = url.pathname;
      const method = req.method;
      if (method === "GET" || method === "HEAD") {
        if (p === "/") return page();
        if (p === "/api/docs") {
          return json(200, [...entries.values()].sort((a, b) => a.added - b.added).map(summary));
        }
        const all = p.match(/^\/api\/all\.(csv|json|xlsx)$/);
        if (all) return await downloadAll(all[1]);
        const m = p.match(/^\/api\/docs\/([0-9a-f-]{36})\/(view|download\/([a-z]+))$/);
        if (m) {
          const e = entries.get(m[1]);
          if (!e) return text(404, "没有这个文件（可能已被移除）。");
          return m[2] === "view" ? view(e) : download(e, m[3]);
        }
        return text(404, "未找到。");
      }
      // State changes: the session token in the header, never from a form or a URL.
      if (!sameToken(req.headers.get(TOKEN_HEADER), session)) {
        return text(403, "请求缺少有效的会话口令（请刷新页面后重试）。");
      }
      if (method === "POST" && p === "/api/upload") return await upload(req, url);
      if (method === "POST" && p === "/api/clear") {
        entries.clear();
        return json(200, []);
      }
      const d = p.match(/^\/api\/docs\/([0-9a-f-]{36})$/);
      if (method === "DELETE" && d) {
        entries.delete(d[1]);
        return json(200, { ok: true });
      }
      return text(405, "不支持的请求。");
    },
  };
}
