/**
 * Index a generated archive (archive_gen.ts) into an SQLite file, work out every document's cross-document
 * findings, and score them against the planted defects: recall per kind, error-level false alarms, and
 * warnings on reports nothing was planted in. Shared by test/archive/archive_test.ts and
 * bench/archive_bench.ts.
 */
import { DatabaseSync } from "node:sqlite";
import { extract } from "../../src/extract/index.ts";
import type { Finding } from "../../src/model/finding.ts";
import { archiveEntry } from "../../src/archive/entry.ts";
import { ArchiveIndex } from "../../src/archive/index.ts";
import { type FindingStore, updateArchiveFindings } from "../../src/archive/batch.ts";
import { type ArchivePlan, buildReport, type PlantKind, type ReportSpec } from "./archive_gen.ts";

/** The batch store's part the archive writes to, kept in memory. */
export class MemoryStore implements FindingStore {
  readonly findings = new Map<string, Finding[]>();
  constructor(readonly db: DatabaseSync) {}
  replaceRuleFindings(realPath: string, _rules: readonly string[], findings: Finding[]): boolean {
    const before = JSON.stringify(this.findings.get(realPath) ?? []);
    this.findings.set(realPath, findings);
    return before !== JSON.stringify(findings);
  }
}

export function openArchive(file: string): { db: DatabaseSync; index: ArchiveIndex; store: MemoryStore } {
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  const index = new ArchiveIndex(db);
  return { db, index, store: new MemoryStore(db) };
}

/** Build a report's entry (as the audit process does: extraction included) and index it. */
export function indexReport(
  index: ArchiveIndex,
  plan: ArchivePlan,
  spec: ReportSpec,
  pool: string[],
): { id: number; entryMs: number; addMs: number } {
  const t0 = performance.now();
  const doc = buildReport(plan, spec, pool);
  const entry = archiveEntry(doc, extract(doc), doc.meta);
  const t1 = performance.now();
  const id = index.add(spec.key, spec.key, null, entry);
  return { id, entryMs: t1 - t0, addMs: performance.now() - t1 };
}

export interface Score {
  planted: Record<PlantKind, number>;
  found: Record<PlantKind, number>;
  recall: number;
  /** Error-level findings not explained by a planted copy. */
  errorFalseAlarms: { doc: string; message: string }[];
  /** Warnings on reports that no plant touches. */
  warningsOnClean: number;
  findings: number;
}

/** Score the findings against the plan's plants. */
export function score(plan: ArchivePlan, findings: Map<string, Finding[]>): Score {
  const kinds: PlantKind[] = ["copied-report", "copied-from-last-year", "cross-year-figure"];
  const planted = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<PlantKind, number>;
  const found = { ...planted };
  const names = (f: Finding) => (f.details.other as { file?: string } | undefined)?.file;
  for (const p of plan.plants) {
    planted[p.kind]++;
    if ((findings.get(p.target) ?? []).some((f) => f.rule === p.kind && names(f) === p.source)) {
      found[p.kind]++;
    }
  }
  const touched = new Set(plan.plants.flatMap((p) => [p.target, p.source]));
  // An error is explained when it is a planted copy: on the copy naming its source, or (same year) the reverse.
  const explained = new Set(
    plan.plants.filter((p) => p.kind === "copied-report").flatMap((
      p,
    ) => [`${p.target}>${p.source}`, `${p.source}>${p.target}`]),
  );
  const errorFalseAlarms: { doc: string; message: string }[] = [];
  let warningsOnClean = 0, total = 0;
  for (const [doc, fs] of findings) {
    for (const f of fs) {
      total++;
      if (f.severity === "error" && !explained.has(`${doc}>${names(f)}`)) {
        errorFalseAlarms.push({ doc, message: f.message });
      }
      if (f.severity === "warning" && !touched.has(doc)) warningsOnClean++;
    }
  }
  const all = kinds.reduce((s, k) => s + planted[k], 0);
  const hit = kinds.reduce((s, k) => s + found[k], 0);
  return { planted, found, recall: all ? hit / all : 1, errorFalseAlarms, warningsOnClean, findings: total };
}

/** Index every report of the plan and work out all findings. */
export function runArchive(
  plan: ArchivePlan,
  pool: string[],
  file: string,
  onProgress?: (n: number) => void,
) {
  const { db, index, store } = openArchive(file);
  let entryMs = 0, addMs = 0;
  const t0 = performance.now();
  plan.reports.forEach((spec, k) => {
    const r = indexReport(index, plan, spec, pool);
    entryMs += r.entryMs;
    addMs += r.addMs;
    if (onProgress && (k + 1) % 1000 === 0) onProgress(k + 1);
  });
  const indexMs = performance.now() - t0;
  const update = updateArchiveFindings(store, index, "all");
  return {
    db,
    index,
    store,
    entryMs,
    addMs,
    indexMs,
    analyseMs: update.elapsedMs,
    score: score(plan, store.findings),
  };
}
