/**
 * The web app's handler without a network or a browser: tokens, CSP, Host check, uploads (limit, failures,
 * memory only), list, view and downloads; and the runner's audit processes on the sample, on garbage, and
 * past the time limit.
 */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { CSV_HEADER } from "../../src/render/csv.ts";
import { SHEETS, SUMMARY_HEADER } from "../../src/batch/workbook.ts";
import { cleanName, createApp, sameToken, TOKEN_HEADER, withNonce } from "../../src/serve/app.ts";
import { Runner } from "../../src/serve/runner.ts";
import { auditUpload } from "../../src/serve/audit-child.ts";
import type { RunOutcome } from "../../src/serve/runner.ts";
import type { DocSummary } from "../../src/serve/types.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;
const BASE = "http://127.0.0.1:8765";

/** An app whose audits run in-process (auditUpload, what the audit process runs). */
function app(
  opts: { token?: string; maxBytes?: number; audit?: (f: string, b: Uint8Array) => Promise<RunOutcome> } = {},
) {
  return createApp({
    audit: opts.audit ??
      (async (file, bytes) => ({ kind: "answer", answer: await auditUpload(bytes, { file }) })),
    token: opts.token,
    maxBytes: opts.maxBytes,
    allowedHosts: ["127.0.0.1", "localhost", "[::1]"],
    timeoutSeconds: 5,
  });
}

async function settle(a: ReturnType<typeof app>, token?: string): Promise<DocSummary[]> {
  for (let i = 0; i < 200; i++) {
    const r = await a.handle(new Request(`${BASE}/api/docs${token ? `?token=${token}` : ""}`));
    const list = await r.json() as DocSummary[];
    if (list.every((d) => d.status === "done" || d.status === "error")) return list;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("audits did not finish");
}

function upload(a: ReturnType<typeof app>, name: string, bytes: Uint8Array, token = a.session, extra = "") {
  return a.handle(
    new Request(`${BASE}/api/upload?name=${encodeURIComponent(name)}${extra}`, {
      method: "POST",
      body: bytes.slice().buffer,
      headers: { [TOKEN_HEADER]: token },
    }),
  );
}

Deno.test("serve app: the page has a nonce CSP, carries the session token, and loads nothing from elsewhere", async () => {
  const a = app();
  const r = await a.handle(new Request(`${BASE}/`));
  assert.equal(r.status, 200);
  const csp = r.headers.get("content-security-policy")!;
  const nonce = csp.match(/script-src 'nonce-([^']+)'/)![1];
  const html = await r.text();
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.ok(html.includes(`<script nonce="${nonce}">`));
  assert.ok(html.includes(`<style nonce="${nonce}">`));
  assert.ok(html.includes(a.session));
  assert.doesNotMatch(html, /https?:\/\/(?!127)/, "no external URL");
  assert.equal(r.headers.get("x-content-type-options"), "nosniff");
  assert.equal(r.headers.get("referrer-policy"), "no-referrer");
  assert.match(html, /拖到这里/);
});

Deno.test("serve app: state changes need the session token header; a foreign Host is refused", async () => {
  const a = app();
  const bytes = new TextEncoder().encode("a,b\n1,2\n");
  assert.equal((await upload(a, "t.csv", bytes, "wrong")).status, 403);
  const noHeader = await a.handle(
    new Request(`${BASE}/api/upload?name=t.csv`, { method: "POST", body: bytes.slice().buffer }),
  );
  assert.equal(noHeader.status, 403);
  const viaQuery = await a.handle(
    new Request(`${BASE}/api/upload?name=t.csv&token=${a.session}`, {
      method: "POST",
      body: bytes.slice().buffer,
    }),
  );
  assert.equal(viaQuery.status, 403, "the token in a URL does not authorize a state change");
  const rebinding = await a.handle(new Request("http://evil.example:8765/api/docs"));
  assert.equal(rebinding.status, 421);
  assert.equal((await (await a.handle(new Request(`${BASE}/api/docs`))).json()).length, 0);
});

Deno.test("serve app: with --token every request needs it", async () => {
  const a = app({ token: "s3cret-token" });
  assert.equal((await a.handle(new Request(`${BASE}/`))).status, 403);
  assert.equal((await a.handle(new Request(`${BASE}/api/docs`))).status, 403);
  assert.equal((await a.handle(new Request(`${BASE}/?token=s3cret-tokex`))).status, 403);
  const ok = await a.handle(new Request(`${BASE}/?token=s3cret-token`));
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /"tokenInUrls":true/);
  assert.equal((await a.handle(new Request(`${BASE}/api/docs?token=s3cret-token`))).status, 200);
  assert.equal(sameToken("abc", "abc"), true);
  assert.equal(sameToken("abd", "abc"), false);
  assert.equal(sameToken(null, "abc"), false);
});

Deno.test("serve app: the sample and a broken file: counts, view, downloads; the broken one does not stop the rest", async () => {
  const a = app();
  const sample = await Deno.readFile(SAMPLE);
  assert.equal((await upload(a, "C:\\fakepath\\报告.docx", sample)).status, 201);
  assert.equal(
    (await upload(a, "../../etc/坏文件.docx", new TextEncoder().encode("PK\x03\x04junk"))).status,
    201,
  );
  assert.equal((await upload(a, "图片.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).status, 201);
  const list = await settle(a);
  assert.deepEqual(list.map((d) => [d.name, d.status]), [
    ["报告.docx", "done"],
    ["坏文件.docx", "error"],
    ["图片.png", "error"],
  ]);
  const [ok, bad, png] = list;
  assert.ok(ok.counts!.error > 0);
  assert.deepEqual(ok.formats, ["html", "csv", "json", "docx"]);
  assert.match(bad.message!, /坏文件\.docx/);
  assert.match(png.message!, /图片\.png/);

  const view = await a.handle(new Request(`${BASE}/api/docs/${ok.id}/view`));
  const csp = view.headers.get("content-security-policy")!;
  const nonce = csp.match(/script-src 'nonce-([^']+)'/)![1];
  const html = await view.text();
  assert.ok(html.includes(`<script nonce="${nonce}">`));
  assert.match(csp, /frame-ancestors 'self'/);
  assert.match(html, /<mark data-finding=/);

  const csv = await a.handle(new Request(`${BASE}/api/docs/${ok.id}/download/csv`));
  assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.match(csv.headers.get("content-disposition")!, /filename\*=UTF-8''%E6%8A%A5%E5%91%8A\.%E5%AE%A1/);
  assert.equal((await csv.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0], CSV_HEADER.join(","));
  const json = await (await a.handle(new Request(`${BASE}/api/docs/${ok.id}/download/json`))).json();
  assert.equal(json.documents[0].file, "报告.docx");
  const docx = new Uint8Array(
    await (await a.handle(new Request(`${BASE}/api/docs/${ok.id}/download/docx`))).arrayBuffer(),
  );
  assert.deepEqual([...docx.subarray(0, 2)], [0x50, 0x4b]);
  assert.equal((await a.handle(new Request(`${BASE}/api/docs/${bad.id}/download/docx`))).status, 404);
  assert.equal((await a.handle(new Request(`${BASE}/api/docs/${ok.id}/download/..%2F..%2Fetc`))).status, 404);

  const all = await (await a.handle(new Request(`${BASE}/api/all.json`))).json();
  assert.deepEqual(all.documents.map((d: { file: string }) => d.file), [
    "报告.docx",
    "坏文件.docx",
    "图片.png",
  ]);

  const xlsx = await a.handle(new Request(`${BASE}/api/all.xlsx`));
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get("content-type")!, /spreadsheetml\.sheet/);
  assert.match(xlsx.headers.get("content-disposition")!, /%E5%AE%A1%E6%A0%B8%E7%BB%93%E6%9E%9C\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await xlsx.arrayBuffer());
  assert.deepEqual(wb.worksheets.map((w) => w.name), [SHEETS.summary, SHEETS.findings, SHEETS.unprocessed]);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  const summaryRows = rows(SHEETS.summary);
  assert.deepEqual(summaryRows[0], SUMMARY_HEADER);
  assert.deepEqual(
    summaryRows.slice(1).map((r) => [r[0], r[5]]),
    [["图片.png", "未能审核"], ["坏文件.docx", "未能审核"], ["报告.docx", "完成"]],
    "a row per document, failed ones first, as a batch orders them",
  );
  assert.equal(summaryRows[3][6], ok.counts!.error);
  const findingRows = rows(SHEETS.findings).slice(1);
  assert.equal(findingRows.length, json.documents[0].findings.length);
  assert.ok(findingRows.every((r) => r[0] === "报告.docx"));
  assert.deepEqual(rows(SHEETS.unprocessed).slice(1).map((r) => r[0]), ["图片.png", "坏文件.docx"]);
  assert.match(
    await (await a.handle(new Request(`${BASE}/`))).text(),
    /data-all="xlsx"[^>]*>下载 Excel 汇总/,
  );

  const del = await a.handle(
    new Request(`${BASE}/api/docs/${bad.id}`, { method: "DELETE", headers: { [TOKEN_HEADER]: a.session } }),
  );
  assert.equal(del.status, 200);
  assert.equal((await settle(a)).length, 2);
});

Deno.test("serve app: an upload over the limit is refused, listed with the reason, and not kept", async () => {
  let audits = 0;
  const a = app({
    maxBytes: 1024,
    audit: () => {
      audits++;
      return Promise.resolve({ kind: "crash", message: "unused" });
    },
  });
  const r = await upload(a, "大文件.docx", new Uint8Array(4096));
  assert.equal(r.status, 413);
  const announced = await upload(a, "更大.docx", new Uint8Array(0), a.session, "&size=999999999");
  assert.equal(announced.status, 413);
  const list = await settle(a);
  assert.equal(list.length, 2);
  assert.ok(list.every((d) => d.status === "error" && /上限/.test(d.message!)));
  assert.equal(audits, 0);
  assert.equal(a.entries.get(list[0].id)?.bytes, undefined);
});

Deno.test("serve app: a crash or a timeout is an error row with a Chinese reason", async () => {
  const outcomes: RunOutcome[] = [{ kind: "timeout" }, { kind: "crash", message: "boom" }];
  const a = app({ audit: () => Promise.resolve(outcomes.shift()!) });
  await upload(a, "慢.docx", new Uint8Array([1]));
  await upload(a, "崩.docx", new Uint8Array([1]));
  const list = await settle(a);
  assert.match(list[0].message!, /超过 5 秒/);
  assert.match(list[1].message!, /异常退出（boom）/);
});

Deno.test("serve app: names are labels only; the report's tags get the nonce", () => {
  assert.equal(cleanName("C:\\Users\\x\\报告.docx"), "报告.docx");
  assert.equal(cleanName("../../etc/passwd"), "passwd");
  assert.equal(cleanName("a\u202eb\u0000c.docx"), "abc.docx");
  assert.equal(cleanName(""), "未命名文件");
  assert.equal(
    withNonce("<style>x</style><script>y</script>&lt;script&gt;", "N"),
    '<style nonce="N">x</style><script nonce="N">y</script>&lt;script&gt;',
  );
});

Deno.test({
  name: "serve runner: the sample in an audit process; garbage is an error result; a time limit kills",
  sanitizeResources: false,
  async fn() {
    const runner = new Runner({ jobs: 2, timeoutMs: 60_000 });
    const [good, bad] = await Promise.all([
      runner.run("报告.docx", await Deno.readFile(SAMPLE)),
      runner.run("x.docx", new TextEncoder().encode("not a document")),
    ]);
    assert.equal(good.kind, "answer");
    if (good.kind === "answer") {
      assert.equal(good.answer.result.status, "ok");
      assert.ok(good.answer.result.findings.length > 0);
      assert.match(good.answer.html, /<!DOCTYPE html>/);
      assert.ok(good.answer.docx);
    }
    assert.equal(bad.kind, "answer");
    if (bad.kind === "answer") assert.equal(bad.answer.result.status, "error");
    const slow = new Runner({ jobs: 1, timeoutMs: 50 });
    assert.equal((await slow.run("报告.docx", await Deno.readFile(SAMPLE))).kind, "timeout");
  },
});
