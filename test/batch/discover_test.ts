import assert from "node:assert/strict";
import * as path from "node:path";
import { discover, discoverFiles, globToRegExp } from "../../src/batch/discover.ts";
import { fnv1a, inShard, parseShard } from "../../src/batch/shard.ts";

async function tree(files: string[]): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "batch-discover-" });
  for (const f of files) {
    await Deno.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await Deno.writeTextFile(path.join(dir, f), f);
  }
  return dir;
}

Deno.test("folders are walked recursively, sorted; lock files, hidden files and other types are skipped", async () => {
  const dir = await tree([
    "b.docx",
    "a/z.DOCX",
    "a/y.csv",
    "~$b.docx",
    ".hidden.docx",
    ".git/x.docx",
    "notes.txt",
    "old.doc",
  ]);
  try {
    const found = await discoverFiles([dir]);
    // .doc goes to the readers (which say why they cannot read it); the rest is listed, not audited.
    assert.deepEqual(found.map((f) => f.rel), ["a/y.csv", "a/z.DOCX", "b.docx", "old.doc"]);
    const all = await discover([dir]);
    assert.deepEqual(
      all.ignored.map((g) => [g.rel, g.code]),
      [[".git", "hidden"], [".hidden.docx", "hidden"], ["notes.txt", "not-a-report"], [
        "~$b.docx",
        "lock-file",
      ]],
    );
    assert.equal(found[0].path, path.join(dir, "a/y.csv"));
    // The same file through two inputs is listed once.
    const twice = await discoverFiles([dir, path.join(dir, "b.docx")]);
    assert.equal(twice.length, 4);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("glob patterns: ** spans folders, * and ? stay within one", async () => {
  const dir = await tree(["x/a1.docx", "x/deep/a2.docx", "x/b10.docx", "x/~$a3.docx", "x/a4.doc"]);
  try {
    const rels = async (p: string) => (await discoverFiles([path.join(dir, p)])).map((f) => f.rel);
    assert.deepEqual(await rels("x/**/*.docx"), ["a1.docx", "b10.docx", "deep/a2.docx"]);
    assert.deepEqual(await rels("x/*.docx"), ["a1.docx", "b10.docx"]);
    assert.deepEqual(await rels("x/b?.docx"), []);
    assert.deepEqual(await rels("x/b??.docx"), ["b10.docx"]);
    assert.deepEqual(await rels("x/a[14].doc*"), ["a1.docx", "a4.doc"]);
    assert.deepEqual(await rels("nowhere/*.docx"), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("globToRegExp escapes regex characters", () => {
  assert.ok(globToRegExp("报告(1).docx").test("报告(1).docx"));
  assert.ok(!globToRegExp("a.docx").test("abdocx"));
  assert.ok(globToRegExp("**/*.docx").test("a.docx"));
  assert.ok(!globToRegExp("*.docx").test("d/a.docx"));
});

Deno.test("a missing input is a Chinese error", async () => {
  await assert.rejects(discoverFiles(["/no/such/folder-xyz"]), /输入路径不存在：\/no\/such\/folder-xyz/);
});

Deno.test("parseShard accepts i/n (also full-width) and rejects the rest in Chinese", () => {
  assert.deepEqual(parseShard("2/5"), { index: 2, count: 5 });
  assert.deepEqual(parseShard(" 1 / 1 "), { index: 1, count: 1 });
  assert.deepEqual(parseShard("２／５"), { index: 2, count: 5 });
  for (const bad of ["0/2", "3/2", "2/0", "a/b", "2", "1/2/3", "-1/2", "1.5/2"]) {
    assert.throws(() => parseShard(bad), /分片参数无效.*i\/n/, bad);
  }
  assert.throws(() => parseShard("3/2"), /1 到 2 之间/);
});

Deno.test("shards partition the files, by a stable hash of the relative path", () => {
  assert.equal(fnv1a(""), 0x811c9dc5);
  assert.equal(fnv1a("a"), 0xe40c292c); // published FNV-1a test vector
  const rels = Array.from({ length: 200 }, (_, i) => `部门${i % 7}/报告${i}.docx`);
  const shards = [1, 2, 3].map((index) => rels.filter((r) => inShard(r, { index, count: 3 })));
  assert.equal(shards.flat().length, rels.length);
  assert.equal(new Set(shards.flat()).size, rels.length);
  for (const s of shards) assert.ok(s.length > 40, `unbalanced shard: ${s.length}`);
  assert.ok(rels.every((r) => inShard(r, undefined) && inShard(r, { index: 1, count: 1 })));
});
