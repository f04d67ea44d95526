/** Issue 16 items 7, 8, 10, 11, 13 and 17 (batch side). */
import assert from "node:assert/strict";
import * as path from "node:path";
import { mergeDatabases, runBatch } from "../../src/batch/index.ts";
import { effectiveJobs } from "../../src/batch/run.ts";
import { LOCK_NAME } from "../../src/batch/lock.ts";
import { jsonl, opts, query, SAMPLE, withDir } from "./helpers.ts";

async function archive(dir: string): Promise<string> {
  const input = path.join(dir, "b300");
  await Deno.mkdir(path.join(input, "县A"), { recursive: true });
  await Deno.copyFile(SAMPLE, path.join(input, "a.docx"));
  await Deno.copyFile(SAMPLE, path.join(input, "县A", "b.docx"));
  await Deno.writeTextFile(path.join(input, "c.docx"), "坏文件");
  return input;
}

Deno.test("16.7: a resume with the input folder spelled differently skips everything and stores each file once", async () => {
  await withDir(async (dir) => {
    const input = await archive(dir);
    const out = path.join(dir, "out");
    const first = await runBatch(opts([input], out));
    assert.equal(first.audited, 3);
    await Deno.symlink(input, path.join(dir, "alias"));
    for (const spelling of [path.join(dir, "alias"), `${dir}/./b300/`, path.relative(Deno.cwd(), input)]) {
      const again = await runBatch(opts([spelling], out));
      assert.equal(again.audited, 0, spelling);
      assert.equal(again.skipped, 3, spelling);
      assert.equal(again.all.documents, 3);
      assert.deepEqual(again.all, first.all);
    }
    // Even --force under another spelling replaces rows instead of adding them.
    const forced = await runBatch(opts([path.join(dir, "alias")], out, { force: true }));
    assert.equal(forced.audited, 3);
    assert.deepEqual(forced.all, first.all);
    assert.equal((await jsonl(out)).length, 3);
    const n = query<{ n: number }>(path.join(out, "audit.db"), "SELECT COUNT(*) AS n FROM findings")[0].n;
    assert.equal(n, first.all.findings.error + first.all.findings.warning + first.all.findings.info);
    const csv = (await Deno.readTextFile(path.join(out, "summary.csv"))).trimEnd().split("\r\n");
    assert.equal(csv.length, 4);
  });
});

Deno.test("16.8: --out inside the input folder: the output folder and other batch outputs are never audited", async () => {
  await withDir(async (dir) => {
    const input = await archive(dir);
    const out = path.join(input, "results");
    const notes: string[] = [];
    const first = await runBatch(opts([input], out, { log: (l) => notes.push(l) }));
    assert.equal(first.discovered, 3);
    const second = await runBatch(opts([input], out, { log: (l) => notes.push(l) }));
    assert.equal(second.discovered, 3, "summary.csv of the first run must not be found");
    assert.equal(second.skipped, 3);
    assert.ok(notes.some((l) => l.includes("已跳过输出文件夹") && l.includes(out)));
    // Another batch's output folder inside the input is skipped too, and so are output files when the
    // input folder is the output folder itself.
    await runBatch(opts([input], path.join(dir, "elsewhere")));
    await Deno.rename(path.join(dir, "elsewhere"), path.join(input, "old-results"));
    const third = await runBatch(opts([input], path.join(dir, "o3")));
    assert.equal(third.discovered, 3);
    const same = await runBatch(opts([out], out));
    assert.equal(same.discovered, 0);
    assert.ok((await jsonl(out)).every((l) => !l.file.includes("summary.csv")));
  });
});

Deno.test("16.10: a second batch on the same --out is refused naming the folder and the pid; stale locks are taken over", async () => {
  await withDir(async (dir) => {
    const input = await archive(dir);
    const out = path.join(dir, "out");
    // Two runs at once in this process: the second finds the first's lock.
    const a = runBatch(opts([input], out));
    await new Promise((r) => setTimeout(r, 50));
    await assert.rejects(
      runBatch(opts([input], out)),
      new RegExp(`输出目录 ${out} 正被另一个审核进程使用（进程号 ${Deno.pid}.*锁文件 .*${LOCK_NAME}`),
    );
    await a;
    assert.equal(await Deno.stat(path.join(out, LOCK_NAME)).catch(() => null), null, "lock released");
    // A lock left by a process that has exited is stale.
    const dead = new Deno.Command("true").spawn();
    await dead.status;
    const host = Deno.hostname();
    await Deno.writeTextFile(
      path.join(out, LOCK_NAME),
      JSON.stringify({ pid: dead.pid, host, startedAt: "2020-01-01T00:00:00Z" }),
    );
    const s = await runBatch(opts([input], out));
    assert.equal(s.skipped, 3);
    // A lock held by a live process (this one) is not.
    await Deno.writeTextFile(
      path.join(out, LOCK_NAME),
      JSON.stringify({ pid: Deno.pid, host, startedAt: "x" }),
    );
    await assert.rejects(runBatch(opts([input], out)), /正被另一个审核进程使用/);
    await Deno.remove(path.join(out, LOCK_NAME));
  });
});

Deno.test("16.11: merge refuses an --out in a shard folder; merging twice changes nothing", async () => {
  await withDir(async (dir) => {
    const input = await archive(dir);
    const shards = [1, 2].map((i) => path.join(dir, `s${i}`));
    for (const [i, out] of shards.entries()) {
      await runBatch(opts([input], out, { shard: { index: i + 1, count: 2 } }));
    }
    const dbs = shards.map((s) => path.join(s, "audit.db"));
    const before = await Deno.readTextFile(path.join(shards[0], "results.jsonl"));
    await assert.rejects(mergeDatabases(path.join(shards[0], "all.db"), dbs), /同一文件夹.*覆盖该分片/);
    await assert.rejects(mergeDatabases(shards[1], dbs), /不能同时是输入/);
    await assert.rejects(mergeDatabases(`${shards[0]}/../s1/audit.db`, dbs), /不能同时是输入/);
    assert.equal(await Deno.readTextFile(path.join(shards[0], "results.jsonl")), before);

    const merged = path.join(dir, "merged", "audit.db");
    const once = await mergeDatabases(merged, dbs);
    const twice = await mergeDatabases(merged, dbs);
    assert.deepEqual(twice.all, once.all);
    assert.equal(once.all.documents, 3);
    assert.equal(query<{ n: number }>(merged, "SELECT COUNT(*) AS n FROM runs")[0].n, 2);
    assert.equal((await jsonl(path.join(dir, "merged"))).length, 3);
    // A batch output folder that is not an input is not a merge target either.
    await runBatch(opts([input], path.join(dir, "other")));
    await assert.rejects(mergeDatabases(path.join(dir, "other", "m.db"), dbs), /批量审核的输出目录/);
  });
});

Deno.test("16.13: an unreadable subfolder, symlink loops and dangling symlinks are listed with their status; the rest is audited", async () => {
  await withDir(async (dir) => {
    const input = await archive(dir);
    await Deno.mkdir(path.join(input, "locked"));
    await Deno.copyFile(SAMPLE, path.join(input, "locked", "hidden-from-us.docx"));
    await Deno.symlink(path.join(input, "gone.docx"), path.join(input, "dangling.docx"));
    await Deno.symlink(path.join(input, "self.docx"), path.join(input, "self.docx"));
    await Deno.symlink(input, path.join(input, "县A", "up"));
    await Deno.symlink(SAMPLE, path.join(input, "linked.docx"));
    const lockedDir = path.join(input, "locked");
    const readDir = (d: string) => {
      if (d === lockedDir) throw new Deno.errors.PermissionDenied(`Permission denied: readdir '${d}'`);
      return Deno.readDir(d);
    };
    const out = path.join(dir, "out");
    const s = await runBatch(opts([input], out, { readDir }));
    assert.equal(s.audited, 4); // a, b, c and the symlinked file
    assert.equal(s.problems, 4);
    const status = Object.fromEntries(
      (await jsonl(out)).map((l) => [path.relative(input, l.file), l.error?.code]),
    );
    assert.deepEqual(status, {
      "a.docx": undefined,
      "c.docx": "not-docx",
      "dangling.docx": "dangling-symlink",
      "linked.docx": undefined,
      "locked": "unreadable-folder",
      "self.docx": "symlink-loop",
      "县A/b.docx": undefined,
      "县A/up": "symlink-loop",
    });
    const md = await Deno.readTextFile(path.join(out, "summary.md"));
    for (const code of ["unreadable-folder", "dangling-symlink", "symlink-loop"]) {
      assert.ok(md.includes(code), code);
    }
    assert.match(md, /无法读取文件夹 .*locked.*读取权限/);
    // Fixed on the next run: the folder's files are audited and its problem row is gone.
    const again = await runBatch(opts([input], out));
    assert.equal(again.audited, 1);
    assert.equal(again.problems, 3);
    assert.ok((await jsonl(out)).every((l) => l.error?.code !== "unreadable-folder"));
  });
});

Deno.test("16.17: a FIFO named .docx and an oversized file are refused by stat, unread; the run does not hang", async () => {
  await withDir(async (dir) => {
    const input = await archive(dir);
    const fifo = path.join(input, "pipe.docx");
    const mk = await new Deno.Command("mkfifo", { args: [fifo] }).output();
    assert.ok(mk.success);
    const big = path.join(input, "big.docx");
    using f = await Deno.open(big, { write: true, create: true });
    await f.truncate(501 * 1024 * 1024); // sparse: hashing or reading it would take seconds and 500 MB
    const t0 = performance.now();
    const s = await runBatch(opts([input], path.join(dir, "out")));
    assert.ok(performance.now() - t0 < 20_000);
    const lines = await jsonl(path.join(dir, "out"));
    const code = (name: string) => lines.find((l) => path.basename(l.file) === name)?.error;
    assert.equal(code("pipe.docx")?.code, "not-regular-file");
    assert.match(code("pipe.docx")!.message, /不是普通文件/);
    assert.equal(code("big.docx")?.code, "too-large");
    assert.match(code("big.docx")!.message, /501 MB.*未读取/);
    assert.equal(s.selected, 4);
  });
});

Deno.test("16.17: --jobs is capped by cores and files; a huge --timeout does not time every file out", async () => {
  assert.equal(effectiveJobs(512, 2), Math.min(2, navigator.hardwareConcurrency));
  assert.equal(effectiveJobs(512, 10_000), navigator.hardwareConcurrency);
  assert.equal(effectiveJobs(undefined, 0), 1);
  await withDir(async (dir) => {
    const input = await archive(dir);
    const s = await runBatch(opts([input], path.join(dir, "out"), { jobs: 512, timeoutMs: 2_147_484_000 }));
    assert.ok(s.jobs <= Math.min(3, navigator.hardwareConcurrency));
    assert.equal(s.timeouts, 0);
    assert.equal(s.run.ok, 2);
  });
});
