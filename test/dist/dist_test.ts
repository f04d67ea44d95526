/**
 * The offline package: builds the linux-x64 zip (tools/dist.ts), unpacks it in a temporary folder and runs
 * it with the network blocked — a new network namespace (`unshare -n`) where the system allows it, and in
 * any case a caller environment whose registry and proxies point at a closed port — on the sample, from
 * another working directory with a relative path: the JSON equals the development run's. Also: no test or
 * dev package in the package cache, the drop-a-file launcher writes the HTML report beside the file, and the
 * packaged web app audits an upload in its audit process.
 * Skipped (with the reason) when npm or the registry is unavailable. JIXIAO_SKIP_DIST_TEST=1 skips it too.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { build, NPM_REGISTRY_DIR } from "../../tools/dist.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const SAMPLE = path.join(ROOT, "samples/xundian-hrss-2023-self-evaluation.docx");
const DEV_ONLY = ["docx", "playwright-core", "ajv", "ajv-formats", "ajv-draft-04", "markdown-it"];

/** The caller's environment with every way out closed (the launcher must not need any of it). */
const BLOCKED = {
  PATH: "/usr/bin:/bin",
  HOME: "/nonexistent-home",
  NPM_CONFIG_REGISTRY: "http://127.0.0.1:9",
  HTTP_PROXY: "http://127.0.0.1:9",
  HTTPS_PROXY: "http://127.0.0.1:9",
  ALL_PROXY: "http://127.0.0.1:9",
  JIXIAO_NO_OPEN: "1",
};

async function ok(cmd: string, args: string[]): Promise<boolean> {
  try {
    return (await new Deno.Command(cmd, { args, stdout: "null", stderr: "null" }).output()).success;
  } catch {
    return false;
  }
}

const skip = Deno.env.get("JIXIAO_SKIP_DIST_TEST") === "1"
  ? "JIXIAO_SKIP_DIST_TEST=1"
  : Deno.build.os !== "linux" || Deno.build.arch !== "x86_64"
  ? "the Linux package runs on linux x86_64 only"
  : !(await ok("npm", ["--version"]))
  ? "npm is not available"
  : null;
if (skip) console.log(`跳过离线包测试：${skip}`);

async function run(cmd: string[], cwd: string, env: Record<string, string>) {
  const out = await new Deno.Command(cmd[0], {
    args: cmd.slice(1),
    cwd,
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

Deno.test({
  name: "dist: the linux-x64 package runs offline on the sample and gives the development run's JSON",
  ignore: skip !== null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const out = await Deno.makeTempDir({ prefix: "jixiao-dist-" });
    try {
      // The runtime download is kept in dist/.runtime between runs.
      const started = performance.now();
      const { results, imports } = await build({
        targets: ["linux-x64"],
        out,
        runtimeDir: path.join(ROOT, "dist/.runtime"),
        log: () => {},
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const [{ zip, bytes }] = results;
      console.log(`linux-x64 package: ${(bytes / 1024 / 1024).toFixed(1)} MB, built in ${seconds} s`);
      for (const dev of DEV_ONLY) assert.ok(!imports.includes(dev), `${dev} is not a runtime import`);

      const unpacked = path.join(out, "unpacked");
      for (const [name, data] of Object.entries(unzipSync(await Deno.readFile(zip)))) {
        if (name.endsWith("/")) continue;
        const file = path.join(unpacked, name);
        await Deno.mkdir(path.dirname(file), { recursive: true });
        await Deno.writeFile(file, data);
      }
      const home = path.join(unpacked, "jixiao-audit-0.1.0-linux-x64");
      for (const exe of ["jixiao-audit", "启动审核网页.sh", "runtime/deno"]) {
        await Deno.chmod(path.join(home, exe), 0o755);
      }
      for (
        const f of [
          "jixiao-audit",
          "启动审核网页.sh",
          "使用说明.txt",
          "runtime/deno",
          "app/deno.json",
          "app/deno.lock",
        ]
      ) {
        assert.ok((await Deno.stat(path.join(home, f))).isFile, f);
      }
      const cached = [...Deno.readDirSync(path.join(home, "cache/npm", NPM_REGISTRY_DIR))].map((e) => e.name);
      for (const dev of DEV_ONLY) assert.ok(!cached.includes(dev), `${dev} is not in the package cache`);
      assert.ok(cached.includes("zod") && cached.includes("mammoth"));

      // The sample, by a relative path from another folder, with the network blocked.
      const work = path.join(out, "work");
      await Deno.mkdir(work);
      await Deno.copyFile(SAMPLE, path.join(work, "sample.docx"));
      const netns = await ok("unshare", ["-n", "true"]);
      const launcher = [path.join(home, "jixiao-audit"), "sample.docx", "--format", "json"];
      const offline = await run(netns ? ["unshare", "-n", ...launcher] : launcher, work, BLOCKED);
      console.log(
        `network blocked by ${netns ? "a new network namespace and " : ""}a closed registry and proxies`,
      );
      assert.equal(offline.code, 1, offline.stderr); // error-level findings, as in development
      const dev = await run(
        [
          Deno.execPath(),
          "run",
          "--unsafe-proto",
          "--allow-read",
          "--allow-env",
          "--allow-sys",
          "--allow-run",
          path.join(ROOT, "src/cli/main.ts"),
          "sample.docx",
          "--format",
          "json",
        ],
        work,
        {
          PATH: "/usr/bin:/bin",
          DENO_DIR: Deno.env.get("DENO_DIR") ?? path.join(Deno.env.get("HOME") ?? "/root", ".cache/deno"),
        },
      );
      assert.equal(dev.code, 1, dev.stderr);
      assert.equal(offline.stdout, dev.stdout);
      assert.ok(JSON.parse(offline.stdout).documents[0].findings.length > 0);

      // Dropped onto the launcher: the HTML report beside the file.
      const dropped = await run(
        netns
          ? ["unshare", "-n", path.join(home, "jixiao-audit"), path.join(work, "sample.docx")]
          : [path.join(home, "jixiao-audit"), path.join(work, "sample.docx")],
        out,
        BLOCKED,
      );
      assert.equal(dropped.code, 1, dropped.stderr);
      const html = await Deno.readTextFile(path.join(work, "sample.审核意见.html"));
      assert.match(html, /<mark data-finding=/);
      assert.match(dropped.stderr + dropped.stdout, /sample\.审核意见\.html/);

      // The packaged web app: an upload audited by its audit process from the package cache.
      const serve = new Deno.Command(path.join(home, "启动审核网页.sh"), {
        args: ["--port", "0"],
        env: BLOCKED,
        clearEnv: true,
        stdout: "piped",
        stderr: "inherit",
      }).spawn();
      try {
        const reader = serve.stdout.pipeThrough(new TextDecoderStream()).getReader();
        let buf = "";
        let url: string | undefined;
        while (!url) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`serve exited:\n${buf}`);
          buf += value;
          url = buf.match(/(http:\/\/\S+)/)?.[1];
        }
        (async () => {
          while (!(await reader.read()).done) { /* drain */ }
        })().catch(() => {});
        const probe = await run(
          [
            Deno.execPath(),
            "run",
            "--allow-net=127.0.0.1",
            "--allow-read",
            path.join(ROOT, "test/dist/serve_probe.ts"),
            url,
            SAMPLE,
          ],
          ROOT,
          {
            PATH: "/usr/bin:/bin",
            DENO_DIR: Deno.env.get("DENO_DIR") ?? path.join(Deno.env.get("HOME") ?? "/root", ".cache/deno"),
          },
        );
        assert.equal(probe.code, 0, probe.stderr);
        const entry = JSON.parse(probe.stdout) as { status: string; counts?: { error: number } };
        assert.equal(entry.status, "done", probe.stdout);
        const expected = JSON.parse(dev.stdout).documents[0].findings.filter((
          f: { severity: string; suppressed?: unknown },
        ) => f.severity === "error" && !f.suppressed).length;
        assert.equal(entry.counts?.error, expected);
      } finally {
        serve.kill("SIGTERM");
        await serve.status;
      }
    } finally {
      await Deno.remove(out, { recursive: true }).catch(() => {});
    }
  },
});
