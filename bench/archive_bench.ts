/**
 * The archive index at scale (issue 17). Generates an archive of reports (default 2 000 units × 5 years =
 * 10 000 reports, wording from the sample report's clauses, shared template paragraphs, year figures) with
 * planted copies, carried-over reports and wrong last-year figures, in a temporary folder (deleted after),
 * and measures: time to index, database size, peak memory, time to analyse the whole archive, time to add
 * one more report to the indexed archive; recall of the planted defects and error-level false alarms. With
 * a corpus folder of real reports (default ../shared/corpus when present) it also indexes those and reports
 * the cross-document findings among them (no two of them copied each other: none expected).
 *
 *   deno run --unsafe-proto --allow-read --allow-write --allow-env --allow-sys bench/archive_bench.ts \
 *     [--units 2000] [--years 5] [--plants 100] [--seed 17] [--corpus DIR] [--keep]
 */
import { parseArgs } from "node:util";
import * as path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { readDocument } from "../src/ingest/index.ts";
import { extract } from "../src/extract/index.ts";
import { archiveEntry } from "../src/archive/entry.ts";
import { ArchiveIndex } from "../src/archive/index.ts";
import { settleArchive } from "../src/archive/rules.ts";
import { updateArchiveFindings } from "../src/archive/batch.ts";
import { buildReport, planArchive, reportKey, samplePool } from "../test/archive/archive_gen.ts";
import { openArchive, runArchive } from "../test/archive/archive_run.ts";

const { values: v } = parseArgs({
  args: Deno.args,
  options: {
    units: { type: "string", default: "2000" },
    years: { type: "string", default: "5" },
    plants: { type: "string", default: "100" },
    seed: { type: "string", default: "17" },
    corpus: { type: "string" },
    keep: { type: "boolean" },
  },
});

/** Peak resident memory of this process (Linux VmHWM), in MB; the current RSS elsewhere. */
function peakMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"));
    if (m) return Number(m[1]) / 1024;
  } catch { /* not Linux */ }
  return Deno.memoryUsage().rss / 1024 / 1024;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function corpusCheck(dir: string): Promise<void> {
  const files = [...Deno.readDirSync(dir)].filter((e) => e.isFile && /\.docx$/i.test(e.name)).map((e) =>
    e.name
  )
    .sort();
  const db = new DatabaseSync(":memory:");
  const index = new ArchiveIndex(db);
  for (const name of files) {
    const doc = await readDocument(await Deno.readFile(path.join(dir, name)), { file: name });
    index.add(name, name, null, archiveEntry(doc, extract(doc), doc.meta));
  }
  let findings = 0, errors = 0, best = { share: 0, a: "", b: "" };
  for (const [id, d] of index.docs()) {
    const fs = settleArchive(index.analyze(id).drafts);
    findings += fs.length;
    errors += fs.filter((f) => f.severity === "error").length;
    for (const f of fs) console.log(`  ${d.file}: ${f.rule} ${f.severity} ${f.message}`);
    for (const sh of index.shares(id)) {
      if (sh.doc.unitKey !== d.unitKey && sh.share > best.share) {
        best = { share: sh.share, a: d.file, b: sh.doc.file };
      }
    }
  }
  console.log(
    `corpus ${dir}: ${files.length} reports, cross-document findings ${findings} (errors ${errors}); ` +
      `largest share of one report's non-template text found in another unit's report: ` +
      `${(best.share * 100).toFixed(1)}%${best.a ? ` (${best.a} in ${best.b})` : ""}`,
  );
  db.close();
}

const units = Number(v.units), yearsN = Number(v.years), plants = Number(v.plants), seed = Number(v.seed);
const years = Array.from({ length: yearsN }, (_, i) => 2024 - yearsN + i);
const dir = await Deno.makeTempDir({ prefix: "archive-bench-" });
const file = path.join(dir, "audit.db");
try {
  const pool = await samplePool();
  const plan = planArchive({ units, years, plants, seed });
  console.log(
    `archive: ${plan.reports.length} reports (${units} units × ${yearsN} years), ${plan.plants.length} planted defects; db ${file}`,
  );
  const r = runArchive(plan, pool, file, (n) => console.log(`  indexed ${n} (${s(performance.now())})`));
  r.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const passages = (r.db.prepare("SELECT COUNT(*) AS n FROM archive_passages").get() as { n: number }).n;
  const lsh = (r.db.prepare("SELECT COUNT(*) AS n FROM archive_lsh").get() as { n: number }).n;
  const figures = (r.db.prepare("SELECT COUNT(*) AS n FROM archive_figures").get() as { n: number }).n;
  const size = (await Deno.stat(file)).size;
  console.log(
    `index: ${s(r.indexMs)} for ${plan.reports.length} reports (${
      (r.indexMs / plan.reports.length).toFixed(1)
    } ms each: ` +
      `entry incl. extraction ${s(r.entryMs)}, SQLite ${
        s(r.addMs)
      }); ${passages} passages, ${lsh} LSH rows, ` +
      `${figures} figures; database ${mb(size)}`,
  );
  console.log(
    `analyse all: ${s(r.analyseMs)} (${(r.analyseMs / plan.reports.length).toFixed(1)} ms per report)`,
  );
  const sc = r.score;
  console.log(
    `planted: ${JSON.stringify(sc.planted)} found: ${JSON.stringify(sc.found)} recall ${
      (sc.recall * 100).toFixed(1)
    }%; ` +
      `error-level false alarms ${sc.errorFalseAlarms.length}; warnings on untouched reports ${sc.warningsOnClean}; ` +
      `findings ${sc.findings}`,
  );
  for (const fa of sc.errorFalseAlarms.slice(0, 5)) console.log(`  false alarm ${fa.doc}: ${fa.message}`);
  r.db.close();

  // One more report (a copy of an indexed one) added to the indexed archive, as a resumed batch run does.
  const { db, index, store } = openArchive(file);
  const t0 = performance.now();
  const extra = {
    key: "extra",
    unit: 0,
    year: years[years.length - 1],
    copyOf: [1, years[0]] as [number, number],
  };
  const doc = buildReport(plan, extra, pool);
  const entry = archiveEntry(doc, extract(doc), doc.meta);
  const t1 = performance.now();
  const id = index.add(extra.key, extra.key, null, entry);
  const t2 = performance.now();
  const u = updateArchiveFindings(store, index, [id]);
  const t3 = performance.now();
  const got = (store.findings.get("extra") ?? []).filter((f) => f.rule === "copied-report").length;
  console.log(
    `add one report: ${(t3 - t0).toFixed(0)} ms (entry ${(t1 - t0).toFixed(0)} ms, index ${
      (t2 - t1).toFixed(0)
    } ms, ` +
      `findings of ${u.analysed} affected reports ${(t3 - t2).toFixed(0)} ms, incl. opening the index); ` +
      `copy of ${reportKey(1, years[0])} found: ${got > 0}`,
  );
  db.close();
  console.log(`peak memory (VmHWM): ${peakMb().toFixed(0)} MB`);

  const corpus = v.corpus ?? new URL("../../shared/corpus", import.meta.url).pathname;
  if ((await Deno.stat(corpus).catch(() => null))?.isDirectory) await corpusCheck(corpus);
} finally {
  if (v.keep) console.log(`kept ${dir}`);
  else await Deno.remove(dir, { recursive: true });
}
