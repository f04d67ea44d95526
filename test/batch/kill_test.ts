/** Issue 16 item 9: kill -9 during a --force run leaves results.jsonl in agreement with the database. */
import assert from "node:assert/strict";
import * as path from "node:path";
import { runBatch } from "../../src/batch/index.ts";
import { jsonl, opts, query, SAMPLE, withDir } from "./helpers.ts";

Deno.test("16.9: after kill -9 mid --force run, results.jsonl holds each document once, as the database does", async () => {
  await withDir(async (dir) => {
    const input = path.join(dir, "in");
    await Deno.mkdir(input);
    for (let i = 0; i < 6; i++) await Deno.copyFile(SAMPLE, path.join(input, `r${i}.docx`));
    await Deno.writeTextFile(path.join(input, "zz-hang.docx"), "x"); // keeps the second run mid-way
    const out = path.join(dir, "out");
    const hooks = { hang: "-hang" };
    await runBatch(opts([input], out, { timeoutMs: 1000, testHooks: hooks }));
    const db = path.join(out, "audit.db");

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
        JSON.stringify({
          ...opts([input], out, { force: true, timeoutMs: 60_000, testHooks: hooks }),
          log: undefined,
        }),
      ],
      stdout: "null",
      stderr: "null",
    }).spawn();
    let redone = 0;
    for (let i = 0; i < 600 && redone < 4; i++) {
      await new Promise((r) => setTimeout(r, 100));
      redone = query<{ n: number }>(db, "SELECT COUNT(*) AS n FROM documents WHERE run_id = 2")[0].n;
    }
    child.kill("SIGKILL");
    await child.status;
    assert.ok(redone >= 4, "the forced run re-audited files before it was killed");
    assert.equal(
      query<{ f: string | null }>(db, "SELECT finished_at AS f FROM runs WHERE id = 2")[0].f,
      null,
      "killed mid-run",
    );

    const files = (await jsonl(out)).map((l) => l.file);
    const rows = query<{ path: string }>(db, "SELECT path FROM documents ORDER BY path").map((r) => r.path);
    assert.equal(new Set(files).size, files.length, "no duplicate lines");
    assert.deepEqual(files.sort(), rows.sort());
    assert.equal(files.length, 7);

    // A resume starts from the database and ends with the same agreement.
    const resumed = await runBatch(opts([input], out, { timeoutMs: 1000, testHooks: hooks }));
    assert.equal(resumed.all.documents, 7);
    assert.equal((await jsonl(out)).length, 7);
  });
});
