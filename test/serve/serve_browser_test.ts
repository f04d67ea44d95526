/**
 * The web app in a real headless Chromium (Debian package `chromium` at /usr/bin/chromium): the server runs
 * as `deno task serve` would (a child process, with --token), the browser uploads the sample and a broken
 * file, waits for both, checks the counts against the pipeline's, opens the sample's report, clicks a
 * finding (its highlight scrolls into view) and downloads the CSV. Skipped when the browser is absent.
 * Writes docs/serve-list.png and docs/serve-document.png when missing or UPDATE_SCREENSHOT=1.
 */
import assert from "node:assert/strict";
import { CSV_HEADER } from "../../src/render/csv.ts";
import { auditBytes } from "../../src/audit.ts";
import { countFindings } from "../../src/render/common.ts";
import { CHROMIUM, hasChromium } from "../helpers/chromium.ts";

if (!hasChromium) {
  console.log(`跳过网页浏览器测试：未找到 ${CHROMIUM}（apt-get install -y chromium 后即可运行）。`);
}

const ROOT = new URL("../../", import.meta.url).pathname;
const SAMPLE = `${ROOT}samples/xundian-hrss-2023-self-evaluation.docx`;

/** Starts src/serve/main.ts on a free port; resolves with its URL once it listens. */
export async function startServe(extra: string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--unsafe-proto",
      "--allow-net",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--allow-sys",
      "--allow-run",
      `${ROOT}src/serve/main.ts`,
      "--port",
      "0",
      ...extra,
    ],
    cwd: ROOT,
    env: { JIXIAO_NO_OPEN: "1" },
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  let url: string | undefined;
  while (!url) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`serve exited before listening:\n${buf}`);
    buf += value;
    url = buf.match(/(http:\/\/\S+)/)?.[1];
  }
  // Keep draining stdout so the server never blocks on a full pipe.
  (async () => {
    while (!(await reader.read()).done) { /* drain */ }
  })().catch(() => {});
  return {
    url,
    stop: async () => {
      try {
        child.kill("SIGTERM");
      } catch { /* gone */ }
      await child.status;
    },
  };
}

Deno.test({
  name:
    "serve: upload the sample and a broken file in Chromium, open the report, jump to a finding, get the CSV",
  ignore: !hasChromium,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "jixiao-serve-browser-" });
    const broken = `${dir}/损坏的报告.docx`;
    await Deno.writeFile(broken, new TextEncoder().encode("PK\x03\x04 this is not a real zip archive"));
    const token = "test-token-" + crypto.randomUUID();
    const server = await startServe(["--token", token]);
    try {
      assert.ok(server.url.includes(`token=${token}`), server.url);
      const update = Deno.env.get("UPDATE_SCREENSHOT") === "1";
      const missing = !(await Deno.stat(`${ROOT}docs/serve-list.png`).then(() => true, () => false)) ||
        !(await Deno.stat(`${ROOT}docs/serve-document.png`).then(() => true, () => false));
      const shots = update || missing ? ["--shots", `${ROOT}docs`] : [];
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", `${ROOT}test/serve/serve_driver.ts`, server.url, SAMPLE, broken, ...shots],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      assert.ok(out.success, stderr);
      const r = JSON.parse(new TextDecoder().decode(out.stdout));

      const expected = await auditBytes(
        "xundian-hrss-2023-self-evaluation.docx",
        await Deno.readFile(SAMPLE),
      );
      const c = countFindings(expected.result.findings);
      assert.equal(r.title, "绩效自评报告审核");
      assert.match(r.emptyText, /尚未添加文件/);
      assert.deepEqual(r.rows.map((x: { name: string; status: string }) => [x.name, x.status]), [
        ["xundian-hrss-2023-self-evaluation.docx", "done"],
        ["损坏的报告.docx", "error"],
      ]);
      const [sample, bad] = r.rows;
      assert.deepEqual(
        [sample.error, sample.warning, sample.info, sample.suppressed],
        [c.error, c.warning, c.info, c.suppressed].map(String),
      );
      assert.ok(c.error > 0, "the sample has error-level findings");
      assert.match(bad.message, /损坏的报告\.docx/);
      assert.equal(bad.error, "–");

      assert.equal(r.docTitle, "xundian-hrss-2023-self-evaluation.docx");
      assert.match(r.docCounts, new RegExp(`错误 ${c.error}`));
      assert.equal(r.frameItems, expected.result.findings.length);
      assert.ok(r.frameMarks > 0);
      assert.ok(r.target, "a finding with a highlight");
      assert.equal(r.inViewBefore, false, "the target highlight starts out of view");
      assert.equal(r.inViewAfter, true, "clicking the finding scrolls its highlight into view");
      assert.equal(r.flash, true);

      assert.equal(r.csvName, "xundian-hrss-2023-self-evaluation.审核结果.csv");
      const lines = (r.csv as string).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
      assert.equal(lines[0], CSV_HEADER.join(","));
      assert.ok(lines.length > expected.result.findings.length, "a row per finding");
      assert.equal(r.docxEnabled, true);
      assert.equal(r.rowsAfterRemove, 1);
      assert.deepEqual(r.errors, [], "no page errors (CSP violations are reported as console errors)");
      assert.deepEqual(r.external, [], "nothing requested from another origin");
    } finally {
      await server.stop();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});
