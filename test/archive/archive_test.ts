/**
 * The archive index and the cross-document rules: fingerprints, a planted archive (recall ≥ 95 %, no
 * error-level false alarm), --compare on the sample against its own last-year and another-unit copies,
 * and a batch run and a shard merge writing the findings into audit.db, results.jsonl and the summary.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fingerprint, masker, signature, similarity, unitKey } from "../../src/archive/text.ts";
import { compareFiles } from "../../src/archive/compare.ts";
import { ARCHIVE_RULE_METAS } from "../../src/archive/rules.ts";
import { ruleTitle } from "../../src/render/rule-names.ts";
import { runBatch } from "../../src/batch/run.ts";
import { mergeDatabases } from "../../src/batch/merge.ts";
import { Finding } from "../../src/model/finding.ts";
import { planArchive, SAMPLE, samplePool } from "./archive_gen.ts";
import { runArchive } from "./archive_run.ts";
import { replaceInDocx, shiftYears } from "./docx_edit.ts";
import { ArchiveIndex } from "../../src/archive/index.ts";
import { archiveEntry } from "../../src/archive/entry.ts";
import { auditFile } from "../../src/audit.ts";

Deno.test("masking: names, years and numbers swapped give the same fingerprint", () => {
  const a = masker("南县住房和城乡建设局");
  const b = masker("宁山县交通运输局");
  const x = a.full("2022年，南县住房和城乡建设局完成道路改造12.5公里，惠及群众3200人。");
  const y = b.full("2023年，宁山县交通运输局完成道路改造20公里，惠及群众4100人。");
  assert.equal(fingerprint(x), fingerprint(y));
  // Figures kept: not the same text once the numbers count.
  assert.notEqual(
    fingerprint(a.yearOnly("2022年完成道路改造12.5公里。")),
    fingerprint(b.yearOnly("2023年完成道路改造20公里。")),
  );
  assert.equal(
    fingerprint(a.yearOnly("2022年完成道路改造12.5公里。")),
    fingerprint(b.yearOnly("2023年完成道路改造12.5公里。")),
  );
  assert.equal(unitKey("寻甸回族彝族自治县人力资源和社会保障局"), "寻甸县人力资源和社会保障局");
});

Deno.test("minhash: an edited passage stays similar, an unrelated one does not", () => {
  const m = masker(null);
  const base =
    "一是推进人事规范管理，研究制定事业单位专业技术岗位聘用管理办法，聘任专业技术岗7210人，进一步完善事业单位岗位基础数据库。";
  const edited = base.replace("进一步完善", "持续完善");
  const other =
    "二是强化评价结果应用，将评价结果作为以后年度预算安排和政策调整的重要依据，推动绩效管理提质增效。";
  assert.ok(similarity(signature(m.full(base)), signature(m.full(edited))) >= 0.6);
  assert.ok(similarity(signature(m.full(base)), signature(m.full(other))) < 0.3);
});

Deno.test("cross-document rules have metas renderers can name", () => {
  for (const meta of ARCHIVE_RULE_METAS) {
    assert.equal(ruleTitle(meta.id), meta.title);
    assert.ok(Object.keys(meta.messages).length > 0);
  }
});

Deno.test("planted archive: recall ≥ 95 %, no error-level false alarm, template text not counted", async () => {
  const pool = await samplePool();
  const plan = planArchive({ units: 40, years: [2020, 2021, 2022, 2023], plants: 8, seed: 5 });
  const dir = await Deno.makeTempDir();
  try {
    const r = runArchive(plan, pool, path.join(dir, "a.db"));
    const { score } = r;
    assert.ok(score.recall >= 0.95, JSON.stringify(score));
    assert.deepEqual(score.errorFalseAlarms, []);
    assert.equal(score.warningsOnClean, 0, JSON.stringify(score));
    for (const fs of r.store.findings.values()) for (const f of fs) Finding.parse(f);
    r.db.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** The sample as last year's report (years moved back), and as another unit's copy. */
async function fixtures(dir: string) {
  const sample = await Deno.readFile(SAMPLE);
  const last = path.join(dir, "last.docx"),
    other = path.join(dir, "other.docx"),
    self = path.join(dir, "this.docx");
  await Deno.writeFile(self, sample);
  await Deno.writeFile(last, shiftYears(sample, -1));
  await Deno.writeFile(
    other,
    replaceInDocx(shiftYears(sample, 1), [
      ["寻甸回族彝族自治县", "禄劝彝族苗族自治县"],
      ["寻甸县", "禄劝县"],
      ["寻甸", "禄劝"],
    ]),
  );
  return { last, other, self };
}

Deno.test("--compare: last year's report reused, a last-year figure that differs, another unit's copy", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const f = await fixtures(dir);
    const { report } = await compareFiles([f.last, f.self]);
    const [last, self] = report.documents;
    assert.deepEqual(last.findings, []);
    const ids = self.findings.map((x) => `${x.rule}:${x.messageId}`);
    assert.ok(ids.includes("copied-from-last-year:reused-text"), ids.join());
    assert.ok(ids.includes("copied-from-last-year:same-targets"), ids.join());
    // The sample says 2022年度“三公经费”支出20.50万元; "last year's" report says 2.79万元 for 2022.
    const cy = self.findings.find((x) => x.rule === "cross-year-figure")!;
    assert.equal(cy.severity, "warning");
    assert.match(cy.message, /20\.50万元/);
    assert.ok(typeof cy.details.assumption === "string");
    assert.ok(!self.findings.some((x) => x.severity === "error"));

    const copy = await compareFiles([f.self, f.other]);
    const c = copy.report.documents[1].findings.find((x) => x.rule === "copied-report")!;
    assert.equal(c.messageId, "copied");
    assert.equal(c.severity, "error");
    assert.ok((c.details.share as number) > 0.9);
    // The earlier report is the source: the copy's finding is on the later one only.
    assert.deepEqual(copy.report.documents[0].findings, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("LSH rows of documents added before an interruption are built when the index is next queried", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const f = await fixtures(dir);
    const file = path.join(dir, "a.db");
    const ids: number[] = [];
    // Run 1 adds both reports and stops before any query (as a killed batch would).
    let db = new DatabaseSync(file);
    let index = new ArchiveIndex(db);
    for (const p of [f.self, f.other]) {
      const { result, audited } = await auditFile(p);
      ids.push(index.add(p, p, result.sha256, archiveEntry(audited!.doc, audited!.extraction, result.meta)));
    }
    const lshRows = () => (db.prepare("SELECT COUNT(*) AS c FROM archive_lsh").get() as { c: number }).c;
    assert.equal(lshRows(), 0);
    db.close();
    // Run 2 (a new connection) finds the copy through LSH rows built from the stored signatures.
    db = new DatabaseSync(file);
    index = new ArchiveIndex(db);
    const drafts = index.analyze(ids[1]).drafts;
    assert.ok(drafts.some((d) => d.rule === "copied-report"), drafts.map((d) => d.rule).join());
    assert.ok(lshRows() > 0);
    const pending = db.prepare("SELECT COUNT(*) AS c FROM archive_docs WHERE lsh_pending = 1").get();
    assert.equal((pending as { c: number }).c, 0);
    db.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("findings do not depend on the order documents were indexed (audits finish in any order)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const sample = await Deno.readFile(SAMPLE);
    // This year's report and two copies of the unit's report of last year (two files, as archives have).
    const files: Record<string, Uint8Array> = {
      "2022-a.docx": shiftYears(sample, -1),
      "2022-b.docx": shiftYears(sample, -1),
      "2023.docx": sample,
    };
    const entries = new Map<string, { sha: string | null; entry: ReturnType<typeof archiveEntry> }>();
    for (const [name, bytes] of Object.entries(files)) {
      const p = path.join(dir, name);
      await Deno.writeFile(p, bytes);
      const { result, audited } = await auditFile(p);
      entries.set(p, {
        sha: result.sha256,
        entry: archiveEntry(audited!.doc, audited!.extraction, result.meta),
      });
    }
    const [a, b, c] = Object.keys(files).map((n) => path.join(dir, n));
    const analyse = (order: string[]) => {
      const db = new DatabaseSync(":memory:");
      const index = new ArchiveIndex(db);
      const ids = new Map(order.map((p) => [p, index.add(p, p, entries.get(p)!.sha, entries.get(p)!.entry)]));
      const drafts = index.analyze(ids.get(c)!).drafts;
      db.close();
      return drafts.map((d) => JSON.stringify({ rule: d.rule, message: d.message, details: d.details }));
    };
    const first = analyse([a, b, c]);
    const crossYear = first.filter((d) => d.includes('"rule":"cross-year-figure"'));
    assert.ok(
      crossYear.some((d) => d.includes("2022-a.docx")) && crossYear.some((d) => d.includes("2022-b.docx")),
    );
    assert.deepEqual(analyse([b, a, c]), first);
    assert.deepEqual(analyse([c, b, a]), first);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an archive index written before lsh_pending existed is read as complete", () => {
  const db = new DatabaseSync(":memory:");
  db.exec(
    `CREATE TABLE archive_docs (id INTEGER PRIMARY KEY, real_path TEXT NOT NULL UNIQUE, file TEXT NOT NULL,
    sha256 TEXT, title TEXT, year INTEGER, unit TEXT, unit_key TEXT, kind TEXT, version INTEGER NOT NULL,
    sections TEXT NOT NULL, weight INTEGER NOT NULL)`,
  );
  db.exec(
    `INSERT INTO archive_docs (real_path, file, version, sections, weight) VALUES ('/a', 'a', 1, '[]', 0)`,
  );
  new ArchiveIndex(db);
  const row = db.prepare("SELECT lsh_pending FROM archive_docs").get() as { lsh_pending: number };
  assert.equal(row.lsh_pending, 0);
  db.close();
});

Deno.test("batch: findings in audit.db, results.jsonl and the summary; merge of shards combines the index", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const inDir = path.join(dir, "in");
    await Deno.mkdir(inDir);
    await fixtures(inDir);
    const out = path.join(dir, "out");
    const logs: string[] = [];
    await runBatch({ inputs: [inDir], outDir: out, jobs: 1, progress: "none", log: (l) => logs.push(l) });
    const db = new DatabaseSync(path.join(out, "audit.db"), { readOnly: true });
    const rules = db.prepare("SELECT DISTINCT rule FROM findings WHERE rule IN (?, ?, ?)").all(
      "copied-report",
      "copied-from-last-year",
      "cross-year-figure",
    ).map((r) => (r as { rule: string }).rule).sort();
    db.close();
    assert.deepEqual(rules, ["copied-from-last-year", "copied-report", "cross-year-figure"]);
    const jsonl = await Deno.readTextFile(path.join(out, "results.jsonl"));
    assert.match(jsonl, /"rule":"copied-report"/);
    assert.match(await Deno.readTextFile(path.join(out, "summary.md")), /套用他单位报告/);

    // Two shards: neither sees the pair, the merge does.
    const shards = [1, 2].map((i) => path.join(dir, `shard${i}`));
    for (const [i, s] of shards.entries()) {
      await runBatch({
        inputs: [inDir],
        outDir: s,
        jobs: 1,
        progress: "none",
        log: () => {},
        shard: { index: i + 1, count: 2 },
      });
    }
    const merged = path.join(dir, "merged");
    await mergeDatabases(path.join(merged, "audit.db"), shards.map((s) => path.join(s, "audit.db")));
    const mdb = new DatabaseSync(path.join(merged, "audit.db"), { readOnly: true });
    const n = mdb.prepare("SELECT COUNT(*) AS n FROM findings WHERE rule = 'copied-report'").get() as {
      n: number;
    };
    mdb.close();
    assert.ok(n.n >= 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
