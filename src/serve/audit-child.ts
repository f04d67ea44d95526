/**
 * One uploaded document, audited in its own process (spawned by runner.ts), so that a document that hangs
 * or exhausts memory is killed without touching the server. Input: the file's bytes on stdin, the request
 * (file label, config, reader) as JSON in the JIXIAO_SERVE_REQUEST environment variable. Output: one JSON
 * object on stdout (ChildAnswer): the audit result and every rendering the page offers, made here so the
 * server never parses or renders a document itself.
 */
import { auditBytes, RULE_METAS, TOOL } from "../audit.ts";
import type { Config } from "../model/config.ts";
import type { ReaderName } from "../ingest/index.ts";
import { type AuditReport, REPORT_SCHEMA } from "../model/report.ts";
import type { Document } from "../model/document.ts";
import { annotateDocx, render } from "../render/index.ts";
import { encodeBase64 } from "./base64.ts";
import type { ChildAnswer, ChildRequest } from "./types.ts";

// stdout carries the answer only.
console.log =
  console.info =
  console.debug =
  console.warn =
    console.error;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of stream) {
    chunks.push(c);
    size += c.length;
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

export async function auditUpload(
  bytes: Uint8Array,
  req: { file: string; config?: Config; reader?: ReaderName },
): Promise<ChildAnswer> {
  const { result, audited } = await auditBytes(req.file, bytes, { config: req.config, reader: req.reader });
  const report: AuditReport = { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents: [result] };
  const documents = new Map<string, Document>();
  if (audited) documents.set(result.file, audited.doc);
  const input = { report, documents, rules: [...RULE_METAS] };
  const answer: ChildAnswer = {
    result,
    html: render("html", input),
    csv: render("csv", input),
    json: render("json", input),
  };
  // The annotated copy exists for Word documents only (a zip the reader accepted, not a table).
  if (result.status === "ok" && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      answer.docx = encodeBase64(annotateDocx(bytes, result, {
        file: result.file,
        rules: input.rules,
        author: req.config?.reviewAuthor,
      }));
    } catch (e) {
      answer.docxError = `无法生成带批注的 Word 文件：${(e as Error).message}`;
    }
  }
  return answer;
}

if (import.meta.main) {
  const req = JSON.parse(Deno.env.get("JIXIAO_SERVE_REQUEST") ?? "{}") as ChildRequest;
  const bytes = await readAll(Deno.stdin.readable);
  const answer = await auditUpload(bytes, req);
  const out = new TextEncoder().encode(JSON.stringify(answer));
  let off = 0;
  while (off < out.length) off += Deno.stdout.writeSync(out.subarray(off));
  Deno.exit(0);
}
