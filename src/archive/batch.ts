/**
 * The archive index in a batch run and in `merge`: cross-document findings written into the stored results
 * (JSON, counts and the findings table) of the documents that changed and of those linked to them.
 */
import type { DatabaseSync } from "node:sqlite";
import type { Config } from "../model/config.ts";
import type { Finding } from "../model/finding.ts";
import { ArchiveIndex } from "./index.ts";
import { ARCHIVE_RULE_IDS, settleArchive } from "./rules.ts";

/** What the batch store offers the archive (src/batch/store.ts). */
export interface FindingStore {
  readonly db: DatabaseSync;
  replaceRuleFindings(realPath: string, rules: readonly string[], findings: Finding[]): boolean;
}

export interface ArchiveUpdate {
  /** Documents analysed. */
  analysed: number;
  /** Documents whose cross-document findings changed. */
  updated: number;
  elapsedMs: number;
}

/**
 * Work out the cross-document findings of `changed` documents (archive ids) and of every document linked
 * to them; `all` analyses the whole archive (merge, or a run that indexed most of it).
 */
export function updateArchiveFindings(
  store: FindingStore,
  index: ArchiveIndex,
  changed: Iterable<number> | "all",
  config?: Config,
): ArchiveUpdate {
  const start = performance.now();
  const docs = index.docs();
  const ids = changed === "all" ? new Set(docs.keys()) : [...changed];
  const targets = changed === "all" || (ids as number[]).length > docs.size / 4
    ? new Set(docs.keys())
    : index.affected(ids);
  let updated = 0;
  try {
    for (const id of targets) {
      const doc = docs.get(id);
      if (!doc) continue;
      const findings = settleArchive(index.analyze(id).drafts, config);
      if (store.replaceRuleFindings(doc.realPath, ARCHIVE_RULE_IDS, findings)) updated++;
    }
  } finally {
    index.releaseCaches();
  }
  return { analysed: targets.size, updated, elapsedMs: performance.now() - start };
}

/**
 * Copy the archive index of another batch database (a shard) into `index`; documents keyed by real path,
 * the later copy of a path wins. Returns the archive ids added.
 */
export function mergeArchive(index: ArchiveIndex, src: DatabaseSync): number[] {
  const has = src.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'archive_docs'")
    .get();
  if (!has) return [];
  const added: number[] = [];
  const passages = src.prepare("SELECT * FROM archive_passages WHERE doc = ? ORDER BY n");
  const figures = src.prepare("SELECT * FROM archive_figures WHERE doc = ? ORDER BY n");
  for (const row of src.prepare("SELECT * FROM archive_docs ORDER BY id").iterate()) {
    const d = row as Record<string, unknown>;
    const ps = passages.all(d.id as number) as Record<string, unknown>[];
    const fs = figures.all(d.id as number) as Record<string, unknown>[];
    const cell = (c: unknown) =>
      typeof c === "string" ? c.split(",").map(Number) as [number, number, number] : undefined;
    const id = index.add(d.real_path as string, d.file as string, d.sha256 as string | null, {
      version: d.version as number,
      meta: {
        title: d.title as string | null,
        year: d.year as number | null,
        unit: d.unit as string | null,
        kind: d.kind as string | null,
      },
      sections: JSON.parse(d.sections as string),
      passages: ps.map((p) => ({
        block: p.block as number,
        ...(p.cell ? { cell: cell(p.cell) } : {}),
        section: p.section as number,
        quote: p.quote as string,
        weight: p.weight as number,
        flags: p.flags as number,
        fp: p.fp as number,
        fpYear: p.fp_year as number,
        fpRaw: p.fp_raw as number,
        sig: [...new Uint32Array(new Uint8Array(p.sig as Uint8Array).buffer)],
      })),
      figures: fs.map((f) => ({
        subject: f.subject as string,
        year: f.year as number,
        ref: f.ref === 1,
        value: f.value as number,
        unit: f.unit as string,
        decimals: f.decimals as number,
        scale: f.scale as number,
        raw: f.raw as string,
        quote: f.quote as string,
        block: f.block as number,
        ...(f.cell ? { cell: cell(f.cell) } : {}),
        section: f.section as number,
      })),
    });
    added.push(id);
  }
  return added;
}
