import assert from "node:assert/strict";
import { ARCHIVE_RULE_IDS } from "../../src/archive/rules.ts";
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { mergeDatabases, runBatch } from "../../src/batch/index.ts";
import type { BatchOptions } from "../../src/batch/index.ts";
import { auditFile, TOOL } from "../../src/audit.ts";
import { REPORT_SCHEMA } from "../../src/model/report.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;

/** A folder with real reports, a garbage .docx, a Word lock file and hidden entries. */
async function archive(extra: Record<string, string> = {}): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "batch-run-" });
  await Deno.mkdir(path.join(dir, "县A"), { recursive: true });
  await Deno.mkdir(path.join(dir, ".cache"), { recursive: true });
  await Deno.copyFile(SAMPLE, path.join(dir, "县A", "自评报告.docx"));
  await Deno.copyFile(SAMPLE, path.join(dir, "b.docx"));
  await Deno.writeTextFile(path.join(dir, "garbage.docx"), "这不是 Word 文档");
  await Deno.writeTextFile(path.join(dir, "~$b.docx"), "lock");
  await Deno.copyFile(SAMPLE, path.join(dir, ".cache", "c.docx"));
  await Deno.copyFile(SAMPLE, path.join(dir, ".d.docx"));
  for (const [name, text] of Object.entries(extra)) await Deno.writeTextFile(path.join(dir, name), text);
  return dir;
}

function opts(dir: string, out: string, more: Partial<BatchOptions> = {}): BatchOptions {
  return { inputs: [dir], outDir: out, jobs: 2, progress: "none", ...more };
}

async function jsonl(out: string): Promise<Record<string, unknown>[]> {
  const text = await Deno.readTextFile(path.join(out, "results.jsonl"));
  return text.trimEnd().split("\n").map((l) => JSON.parse(l));
}

function byName(lines: Record<string, unknown>[], name: string) {
  const hit = lines.find((l) => path.basename(l.file as string) === name);
  assert.ok(hit, `no result for ${name}`);
  return hit as { file: string; status: string; error?: { code: string; message: string }; sha256: string };
}

Deno.test("a batch audits every real file, isolates the garbage one, then resumes and re-audits with force", async () => {
  const dir = await archive();
  const out = path.join(dir, ".out");
  try {
    const progress: string[] = [];
    const first = await runBatch(opts(dir, out, { progress: "plain", log: (l) => progress.push(l) }));
    assert.match(progress.at(-1)!, /^已处理 3\/3（跳过 0，失败 \d） [\d.]+ 个\/秒，预计剩余 0:00$/);
    assert.equal(first.discovered, 3);
    assert.equal(first.audited, 3);
    assert.equal(first.skipped, 0);
    assert.equal(first.interrupted, false);

    const lines = await jsonl(out);
    assert.equal(lines.length, 3);
    assert.ok(
      lines.every((l) =>
        l.schema === REPORT_SCHEMA && (l.tool as { version: string }).version === TOOL.version
      ),
    );
    assert.deepEqual(lines.map((l) => path.relative(dir, l.file as string)), [
      "b.docx",
      "garbage.docx",
      "县A/自评报告.docx",
    ]);
    const garbage = byName(lines, "garbage.docx");
    assert.equal(garbage.status, "error");
    assert.notEqual(garbage.error?.code, "timeout");
    assert.match(garbage.error?.message ?? "", /garbage\.docx/);

    // The batch result of a good file is exactly what auditing it alone gives, plus the cross-document
    // findings (src/archive: the two good files are the same report).
    const direct = (await auditFile(path.join(dir, "b.docx"))).result;
    const { schema: _s, tool: _t, ...batched } = byName(lines, "b.docx") as unknown as Record<
      string,
      unknown
    >;
    const single = (batched.findings as { rule: string }[]).filter((f) => !ARCHIVE_RULE_IDS.includes(f.rule));
    assert.deepEqual({ ...batched, findings: single }, JSON.parse(JSON.stringify(direct)));
    assert.equal(first.run.ok + first.run.error, 3);
    assert.equal(first.all.error, first.run.error);

    const db = new DatabaseSync(path.join(out, "audit.db"), { readOnly: true });
    try {
      const rows = db.prepare("SELECT path, status, tool_version, run_id FROM documents ORDER BY path").all();
      assert.equal(rows.length, 3);
      assert.ok(rows.every((r) => r.tool_version === TOOL.version && r.run_id === first.runId));
      const f = db.prepare(
        `SELECT COUNT(*) AS n FROM findings WHERE rule NOT IN (${
          ARCHIVE_RULE_IDS.map(() => "?").join(", ")
        })`,
      ).get(...ARCHIVE_RULE_IDS) as { n: number };
      assert.equal(f.n, direct.findings.length * 2);
    } finally {
      db.close();
    }

    await checkSummaries(out);

    const resumed = await runBatch(opts(dir, out));
    assert.equal(resumed.audited, 0);
    assert.equal(resumed.skipped, 3);
    assert.equal((await jsonl(out)).length, 3);
    assert.deepEqual(resumed.all, first.all);

    // A changed file is audited again, the others are still skipped.
    await Deno.writeTextFile(path.join(dir, "garbage.docx"), "另一份坏文件");
    const changed = await runBatch(opts(dir, out));
    assert.equal(changed.audited, 1);
    assert.equal(changed.skipped, 2);

    const forced = await runBatch(opts(dir, out, { force: true }));
    assert.equal(forced.audited, 3);
    assert.equal(forced.skipped, 0);
    assert.equal((await jsonl(out)).length, 3);

    const db2 = new DatabaseSync(path.join(out, "audit.db"), { readOnly: true });
    try {
      assert.equal(
        (db2.prepare("SELECT COUNT(*) AS n FROM runs WHERE finished_at IS NOT NULL").get() as { n: number })
          .n,
        4,
      );
      assert.equal((db2.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n, 3);
    } finally {
      db2.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

async function checkSummaries(out: string) {
  const csvBytes = await Deno.readFile(path.join(out, "summary.csv"));
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csv = new TextDecoder().decode(csvBytes).trimEnd().split("\r\n");
  assert.equal(csv[0], "排名,文件,标题,年度,单位,状态,错误代码,错误数,警告数,提示数,问题规则,说明");
  assert.equal(csv.length, 4);
  assert.ok(csv.some((l) => l.includes("garbage.docx") && l.includes("失败")));
  const md = await Deno.readTextFile(path.join(out, "summary.md"));
  for (
    const h of ["# 绩效自评报告批量审核汇总", "## 文档排名（按错误数）", "## 规则统计", "## 处理失败的文件"]
  ) {
    assert.ok(md.includes(h), h);
  }
  assert.match(md, /文档：3 份/);
  assert.match(md, /\| [^|]*garbage\.docx \| /);
}

Deno.test("a file that hangs times out, its worker is replaced and the run goes on; a resumed run retries it", async () => {
  const dir = await archive({ "hang-me.docx": "x", "z.docx": "y" });
  const out = path.join(dir, ".out");
  try {
    const s = await runBatch(opts(dir, out, { jobs: 1, timeoutMs: 1500, testHooks: { hang: "hang-me" } }));
    assert.equal(s.audited, 5);
    assert.equal(s.timeouts, 1);
    const lines = await jsonl(out);
    const hung = byName(lines, "hang-me.docx");
    assert.equal(hung.status, "error");
    assert.equal(hung.error?.code, "timeout");
    assert.match(hung.error?.message ?? "", /超时（超过 1\.5 秒）/);
    // Files after the hung one (single worker) were audited by a fresh worker.
    assert.notEqual(byName(lines, "z.docx").error?.code, "timeout");
    assert.notEqual(byName(lines, "自评报告.docx").error?.code, "timeout");

    const again = await runBatch(opts(dir, out, { jobs: 1 }));
    assert.equal(again.audited, 1);
    assert.equal(again.skipped, 4);
    assert.notEqual(byName(await jsonl(out), "hang-me.docx").error?.code, "timeout");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a worker crash is recorded as an error and the run goes on", async () => {
  const dir = await archive({ "crash-me.docx": "x" });
  const out = path.join(dir, ".out");
  try {
    // Deno still prints the worker's uncaught error on stderr; the run is not affected.
    const s = await runBatch(opts(dir, out, { jobs: 1, testHooks: { crash: "crash-me" } }));
    assert.equal(s.audited, 4);
    assert.equal(s.crashes, 1);
    const crashed = byName(await jsonl(out), "crash-me.docx");
    assert.equal(crashed.status, "error");
    assert.equal(crashed.error?.code, "internal");
    assert.match(crashed.error?.message ?? "", /crash-me\.docx.*意外退出/);
    assert.equal((await jsonl(out)).length, 4);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("shards 1/2 and 2/2 cover every file exactly once and merge gives the union", async () => {
  const dir = await Deno.makeTempDir({ prefix: "batch-shard-" });
  try {
    const names = Array.from({ length: 8 }, (_, i) => `报告${i}.docx`);
    for (const n of names) await Deno.writeTextFile(path.join(dir, n), `bad ${n}`);
    const shardFiles: string[][] = [];
    for (const index of [1, 2]) {
      const out = path.join(dir, `.out${index}`);
      const s = await runBatch(opts(dir, out, { jobs: 1, shard: { index, count: 2 } }));
      assert.equal(s.discovered, 8);
      shardFiles.push((await jsonl(out)).map((l) => path.basename(l.file as string)));
      assert.equal(s.selected, shardFiles[index - 1].length);
    }
    assert.ok(shardFiles.every((f) => f.length > 0), "both shards should get files");
    assert.deepEqual([...shardFiles[0], ...shardFiles[1]].sort(), [...names].sort());
    assert.equal(new Set([...shardFiles[0], ...shardFiles[1]]).size, 8);

    const merged = path.join(dir, ".merged", "audit.db");
    const m = await mergeDatabases(merged, [
      path.join(dir, ".out1/audit.db"),
      path.join(dir, ".out2/audit.db"),
    ]);
    assert.equal(m.documents, 8);
    assert.equal(m.runs, 2);
    assert.equal(m.all.documents, 8);
    assert.equal((await jsonl(path.join(dir, ".merged"))).length, 8);
    const csv = await Deno.readTextFile(path.join(dir, ".merged", "summary.csv"));
    assert.equal(csv.trimEnd().split("\r\n").length, 9);

    await assert.rejects(mergeDatabases(merged, [merged]), /不能同时是输入/);
    await assert.rejects(mergeDatabases(merged, [path.join(dir, "nope.db")]), /分片数据库不存在/);
    await assert.rejects(mergeDatabases(merged, [path.join(dir, "报告0.docx")]), /无法读取分片数据库/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a bad config file is a Chinese error before anything runs", async () => {
  const dir = await archive({ "cfg.json": '{"rules": 3}' });
  try {
    await assert.rejects(
      runBatch(opts(dir, path.join(dir, ".out"), { configPath: path.join(dir, "cfg.json") })),
      /配置文件 .*cfg\.json 有误[\s\S]*rules/,
    );
    await assert.rejects(
      runBatch(opts(dir, path.join(dir, ".out"), { configPath: path.join(dir, "none.json") })),
      /无法读取配置文件/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Ctrl-C stops dispatching; a second Ctrl-C abandons the file in flight; what was done is kept", async () => {
  const dir = await Deno.makeTempDir({ prefix: "batch-sigint-" });
  const out = path.join(dir, ".out");
  try {
    for (const n of ["a.docx", "b-hang.docx", "c.docx", "d.docx"]) {
      await Deno.writeTextFile(path.join(dir, n), n);
    }
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--unsafe-proto",
        "--allow-read",
        "--allow-write",
        "--allow-env",
        "--allow-sys",
        "--allow-run",
        new URL("./run_child.ts", import.meta.url).pathname,
        JSON.stringify(opts(dir, out, { jobs: 1, timeoutMs: 60_000, testHooks: { hang: "-hang" } })),
      ],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const jsonlFile = path.join(out, "results.jsonl");
    for (let i = 0; i < 600; i++) {
      const text = await Deno.readTextFile(jsonlFile).catch(() => "");
      if (text.includes("a.docx")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGINT");
    const { code, stdout, stderr } = await child.output();
    const err = new TextDecoder().decode(stderr);
    assert.equal(code, 0, err);
    assert.match(err, /收到中断信号/);
    const s = JSON.parse(new TextDecoder().decode(stdout));
    assert.equal(s.interrupted, true);
    assert.equal(s.audited, 1);
    const lines = await jsonl(out);
    assert.deepEqual(lines.map((l) => path.basename(l.file as string)), ["a.docx"]);
    const db = new DatabaseSync(path.join(out, "audit.db"), { readOnly: true });
    try {
      const run = db.prepare("SELECT finished_at FROM runs").get() as { finished_at: string | null };
      assert.ok(run.finished_at);
    } finally {
      db.close();
    }
    // Resuming picks up exactly the files that were not recorded.
    const resumed = await runBatch(opts(dir, out, { jobs: 1 }));
    assert.equal(resumed.skipped, 1);
    assert.equal(resumed.audited, 3);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
