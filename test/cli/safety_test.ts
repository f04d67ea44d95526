/** Issue 16 items 6, 12, 18 and 20 (CLI side): no overwritten report, no lost result, exit 2 with a message. */
import assert from "node:assert/strict";
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { main } from "../../src/cli/main.ts";
import { AuditReport } from "../../src/model/report.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;

/** Runs main() in this process, capturing what it prints; an uncaught exception fails the test. */
async function run(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const { log, error } = console;
  const err: string[] = [], out: string[] = [];
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  try {
    return { code: await main(args), err: err.join("\n"), out: out.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

async function sha(file: string): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", await Deno.readFile(file));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "jixiao-safety-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("16.6: --out equal to an input (same path, another spelling, a hard link) is refused; the report is untouched", async () => {
  await withDir(async (dir) => {
    const report = path.join(dir, "报告.docx");
    await Deno.copyFile(SAMPLE, report);
    await Deno.link(report, path.join(dir, "link.docx"));
    const before = await sha(report);
    for (const out of [report, `${dir}/./sub/../报告.docx`, path.join(dir, "link.docx")]) {
      await Deno.mkdir(path.join(dir, "sub"), { recursive: true });
      const r = await run([report, "--format", "html", "--out", out]);
      assert.equal(r.code, 2, out);
      assert.match(r.err, /就是要审核的文件.*覆盖送审的报告/);
      assert.equal(await sha(report), before, `the report changed through ${out}`);
    }
  });
});

Deno.test("16.12/16.18: a failed --out write keeps the finished audit in a fallback file and says where (exit 2)", async () => {
  await withDir(async (dir) => {
    for (const out of [path.join(dir, "no-such-folder", "r.json"), dir]) {
      const r = await run([SAMPLE, "--format", "json", "--out", out]);
      assert.equal(r.code, 2);
      const m = /审核结果已改存到 (\S+?\.json)。/.exec(r.err);
      assert.ok(m, r.err);
      assert.ok(r.err.includes(out));
      const report = AuditReport.parse(JSON.parse(await Deno.readTextFile(m[1])));
      assert.equal(report.documents[0].status, "ok");
      assert.ok(report.documents[0].findings.length > 0);
      await Deno.remove(m[1]);
    }
    // A successful write leaves no temporary file behind.
    const ok = path.join(dir, "r.json");
    assert.equal((await run([SAMPLE, "-f", "json", "-o", ok])).code, 1);
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["r.json"]);
  });
});

Deno.test("16.20: batch-only options in single mode, and --format in batch mode, are usage errors", async () => {
  for (
    const args of [
      ["--jobs", "2"],
      ["--force"],
      ["--timeout", "5"],
      ["--shard", "1/2"],
      ["--shard", "9/3"],
    ]
  ) {
    const r = await run([SAMPLE, ...args]);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.err, /参数错误：--\w+ 只用于批量模式/);
  }
  await withDir(async (dir) => {
    const r = await run(["--batch", dir, "--out", path.join(dir, "o"), "--format", "json"]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--format 只用于单文件模式/);
    const m = await run(["merge", "--out", path.join(dir, "m.db"), "--jobs", "2", "x.db"]);
    assert.equal(m.code, 2);
  });
});

Deno.test("16.17/16.18/16.20: bad --shard, --timeout out of range and a bad --jobs are exit 2 before anything runs", async () => {
  await withDir(async (dir) => {
    const out = path.join(dir, "o");
    for (
      const [args, re] of [
        [["--shard", "9/3"], /分片参数无效.*1 到 3 之间/],
        [["--shard", "x"], /分片参数无效/],
        [["--timeout", "2147484"], /--timeout 最长 86400 秒/],
        [["--timeout", "0"], /--timeout 需要正整数/],
        [["--jobs", "0"], /--jobs 需要正整数/],
      ] as const
    ) {
      const r = await run(["--batch", dir, "--out", out, ...args]);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.err, re);
    }
    assert.equal(await Deno.stat(out).catch(() => null), null, "nothing was created");
  });
});

Deno.test("16.18: batch and merge path problems are exit 2 with a Chinese message naming the path", async () => {
  await withDir(async (dir) => {
    const input = path.join(dir, "in");
    await Deno.mkdir(input);
    await Deno.writeTextFile(path.join(input, "bad.docx"), "不是文档");
    const file = path.join(dir, "a-file.txt");
    await Deno.writeTextFile(file, "x");
    const garbage = path.join(dir, "garbage");
    await Deno.mkdir(garbage);
    await Deno.writeTextFile(path.join(garbage, "audit.db"), "这不是数据库".repeat(200));
    const cases: [string[], RegExp][] = [
      [["--batch", path.join(dir, "missing"), "--out", path.join(dir, "o1")], /输入路径不存在：.*missing/],
      [["--batch", input, "--out", file], /--out 应是文件夹，但 .*a-file\.txt 是一个文件/],
      [["--batch", input, "--out", path.join(file, "sub")], /无法创建输出目录 .*a-file\.txt\/sub/],
      [["--batch", input, "--out", garbage], /garbage\/audit\.db 不是有效的审核数据库.*换一个 --out 目录/],
      [
        ["merge", "--out", path.join(dir, "m", "audit.db"), path.join(dir, "none.db")],
        /分片数据库不存在：.*none\.db/,
      ],
      [
        ["merge", "--out", path.join(dir, "m", "audit.db"), path.join(input, "bad.docx")],
        /无法读取分片数据库：.*bad\.docx/,
      ],
      [
        ["merge", "--out", path.join(garbage, "audit.db"), path.join(input, "bad.docx")],
        /不能同时是输入|输出目录|不是有效/,
      ],
    ];
    for (const [args, re] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.err, re, args.join(" "));
      assert.doesNotMatch(r.err, /^\s+at /m, "no stack trace");
    }
  });
});

Deno.test("16.18: a database locked by another program is exit 2 with a message, not an uncaught 'database is locked'", async () => {
  await withDir(async (dir) => {
    const input = path.join(dir, "in");
    await Deno.mkdir(input);
    await Deno.writeTextFile(path.join(input, "bad.docx"), "不是文档");
    const out = path.join(dir, "out");
    assert.equal((await run(["--batch", input, "--out", out])).code, 2); // creates audit.db
    const holder = new DatabaseSync(path.join(out, "audit.db"));
    try {
      holder.exec("BEGIN EXCLUSIVE");
      const r = await run(["--batch", input, "--out", out]);
      assert.equal(r.code, 2);
      assert.match(r.err, /数据库 .*audit\.db 被其他程序锁定.*关闭正在使用它的程序/);
    } finally {
      holder.close();
    }
    // The lock file of the failed run is gone: the next run works.
    assert.equal((await run(["--batch", input, "--out", out])).code, 2);
    assert.ok((await Deno.readTextFile(path.join(out, "summary.md"))).includes("bad.docx"));
  });
});
