/**
 * The CLI resolves relative paths (inputs, --out, --config) against the caller's folder: INIT_CWD under
 * `deno task` (which runs in the project folder), or --cwd; with --out it prints one summary line with the
 * written file's full path.
 */
import assert from "node:assert/strict";
import * as path from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const SAMPLE = path.join(ROOT, "samples/xundian-hrss-2023-self-evaluation.docx");

async function run(args: string[], cwd: string) {
  // `deno task test` exports its own INIT_CWD, and a nested `deno task` keeps an inherited one: drop it.
  const env = Deno.env.toObject();
  delete env.INIT_CWD;
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

Deno.test("cli cwd: `deno task audit` from another folder reads and writes there, and says where", async () => {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "jixiao-cwd-" }));
  try {
    await Deno.mkdir(path.join(dir, "in"));
    await Deno.copyFile(SAMPLE, path.join(dir, "in/报告.docx"));
    const r = await run(
      [
        "task",
        "-q",
        "--config",
        path.join(ROOT, "deno.json"),
        "audit",
        "in/报告.docx",
        "-f",
        "json",
        "--out",
        "r.json",
      ],
      dir,
    );
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(await Deno.readTextFile(path.join(dir, "r.json")));
    assert.equal(report.documents[0].file, "in/报告.docx");
    assert.equal(report.documents[0].status, "ok");
    assert.equal(r.stdout, "");
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^审核完成：1 个文件，错误 \d+/);
    assert.ok(lines[0].endsWith(path.join(dir, "r.json")), lines[0]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cli cwd: --cwd names the folder relative paths are taken from; a missing one is exit 2", async () => {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "jixiao-cwd-" }));
  try {
    await Deno.copyFile(SAMPLE, path.join(dir, "s.docx"));
    const main = path.join(ROOT, "src/cli/main.ts");
    const perms = [
      "--unsafe-proto",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      "--allow-sys",
      "--allow-run",
    ];
    const r = await run(["run", ...perms, main, "--cwd", dir, "s.docx", "-f", "html", "-o", "s.html"], ROOT);
    assert.equal(r.code, 1, r.stderr);
    assert.match(await Deno.readTextFile(path.join(dir, "s.html")), /<!DOCTYPE html>/);
    assert.match(r.stderr, new RegExp(`结果已写入 ${path.join(dir, "s.html")}`));
    const bad = await run(["run", ...perms, main, "--cwd", path.join(dir, "nope"), "s.docx"], ROOT);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /无法进入 --cwd 指定的目录/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
