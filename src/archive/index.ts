/**
 * The archive index: every audited document's passages as fingerprints, MinHash signatures and LSH band
 * keys, and its year figures, in the batch's SQLite database (the same file as documents and findings).
 * Built incrementally — one transaction per document as it is audited — so resumed and sharded runs add to
 * it and `merge` copies it. A document's LSH rows go in later, all pending documents' at once sorted by key,
 * when the index is first queried (`lsh_pending` marks the documents still without them, so an interrupted
 * run catches up): one at a time, each document's rows land on random pages all over the LSH B-tree, which
 * cost more than the rest of its entry. Cross-document findings are worked out from it for the documents that changed
 * and the documents they are linked to (same unit, or a shared passage that is not template text).
 *
 * Query cost: a passage looks up its BANDS bucket keys (a B-tree seek each, at most BUCKET_CAP rows read);
 * buckets over the cap are template text shared by many reports and are not read further. So analysing one
 * document costs O(passages × (BANDS + matches)), independent of the archive's size; the whole archive is
 * analysed in O(N), never pair by pair.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import type { Evidence } from "../model/finding.ts";
import { type ArchiveEntry, ENTRY_VERSION, FLAG, type PackedEntry, passageSignatures } from "./entry.ts";
import { bandKeys, sigBytes, sigFromBytes, similarity, unitKey } from "./text.ts";
import type { ArchiveDraft } from "./rules.ts";

/** A bucket with more entries than this is template text (many reports share the passage). */
export const BUCKET_CAP = 48;
/** A passage found in the reports of this many other units is template text: weight 0. */
export const DF_TEMPLATE = 3;
/** Estimated Jaccard similarity from which two passages count as the same passage edited. */
export const NEAR = 0.7;
/** Share of a report's weighted text from which it is reported as copied. */
export const COPY_SHARE = 0.5;
/** Share of a report's weighted text from which it is reported as carried over from an earlier year. */
export const REUSE_SHARE = 0.5;
/** Least weight (characters of wording) of the matched text for a copy or reuse finding. */
export const MIN_MATCHED = 120;
/** Rows per multi-row INSERT (× at most 14 columns: well under SQLite's 32766 bound parameters). */
const ROWS_PER_INSERT = 64;
/** Top passages shown per finding. */
const TOP = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS archive_docs (
  id INTEGER PRIMARY KEY,
  real_path TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  sha256 TEXT,
  title TEXT,
  year INTEGER,
  unit TEXT,
  unit_key TEXT,
  kind TEXT,
  version INTEGER NOT NULL,
  sections TEXT NOT NULL,
  weight INTEGER NOT NULL,
  lsh_pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS archive_docs_unit ON archive_docs(unit_key, year);
CREATE INDEX IF NOT EXISTS archive_docs_sha ON archive_docs(sha256);
CREATE TABLE IF NOT EXISTS archive_passages (
  doc INTEGER NOT NULL, n INTEGER NOT NULL, block INTEGER NOT NULL, cell TEXT, section INTEGER NOT NULL,
  quote TEXT NOT NULL, weight INTEGER NOT NULL, flags INTEGER NOT NULL,
  fp INTEGER NOT NULL, fp_year INTEGER NOT NULL, fp_raw INTEGER NOT NULL, sig BLOB NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_lsh (
  key INTEGER NOT NULL, doc INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (key, doc, n)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS archive_figures (
  doc INTEGER NOT NULL, n INTEGER NOT NULL, subject TEXT NOT NULL, year INTEGER NOT NULL, ref INTEGER NOT NULL,
  value REAL NOT NULL, unit TEXT NOT NULL, decimals INTEGER NOT NULL, scale REAL NOT NULL, raw TEXT NOT NULL,
  quote TEXT NOT NULL, block INTEGER NOT NULL, cell TEXT, section INTEGER NOT NULL,
  PRIMARY KEY (doc, n)
) WITHOUT ROWID;
`;

export interface ArchiveDoc {
  id: number;
  realPath: string;
  file: string;
  sha256: string | null;
  title: string | null;
  year: number | null;
  unit: string | null;
  unitKey: string | null;
  kind: string | null;
  sections: string[];
}

interface PassageRow {
  doc: number;
  n: number;
  block: number;
  cell: string | null;
  section: number;
  quote: string;
  weight: number;
  flags: number;
  fp: number;
  fp_year: number;
  fp_raw: number;
  sig: Uint8Array;
}

interface FigureRow {
  doc: number;
  n: number;
  subject: string;
  year: number;
  ref: number;
  value: number;
  unit: string;
  decimals: number;
  scale: number;
  raw: string;
  quote: string;
  block: number;
  cell: string | null;
  section: number;
}

/** A passage of the analysed document matched in another document. */
interface Match {
  p: PassageRow;
  q: PassageRow;
  exact: boolean;
}

/** What analysing one document gives: its drafts, and the documents it shares real (non-template) text with. */
export interface Analysis {
  drafts: ArchiveDraft[];
  linked: Set<number>;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** "某县住房和城乡建设局2022年报告《…》" for messages. */
function describe(d: ArchiveDoc): string {
  const who = d.unit ?? "（单位未识别）";
  const year = d.year !== null ? `${d.year}年` : "";
  const name = d.title ?? d.file.split(/[\\/]/).pop() ?? d.file;
  return `${who}${year}报告《${name}》`;
}

function otherInfo(d: ArchiveDoc) {
  return { file: d.file, unit: d.unit, year: d.year, title: d.title };
}

export class ArchiveIndex {
  #docs: Map<number, ArchiveDoc> | undefined;
  #stmts: Record<string, StatementSync> = {};
  /**
   * Worked out while analysing and dropped whenever a document is added or removed: LSH keys whose bucket
   * is over the cap (template text), and each document's own-year figures by subject. Analysing every
   * document of a unit then reads each of that unit's documents once, not once per document analysed.
   */
  #templateKeys = new Set<number>();
  #ownFigures = new Map<number, Map<string, FigureRow[]>>();
  /** Per unit key: the subject keys its reports state earlier years' figures for (all that is looked up). */
  #claimKeys = new Map<string, Set<string>>();
  /** Whether some document may still lack its LSH rows. */
  #lshPending = true;

  constructor(readonly db: DatabaseSync) {
    db.exec(SCHEMA);
    const cols = db.prepare("PRAGMA table_info(archive_docs)").all() as { name: string }[];
    if (!cols.some((c) => c.name === "lsh_pending")) {
      db.exec("ALTER TABLE archive_docs ADD COLUMN lsh_pending INTEGER NOT NULL DEFAULT 0");
    }
    // LSH rows go in at random keys: a page cache of 64 MB keeps inserts into a large index from thrashing.
    db.exec("PRAGMA cache_size = -65536");
  }

  #stmt(sql: string): StatementSync {
    return this.#stmts[sql] ??= this.db.prepare(sql);
  }

  #tx<T>(fn: () => T): T {
    if (this.db.isTransaction) return fn();
    this.db.exec("BEGIN");
    try {
      const out = fn();
      this.db.exec("COMMIT");
      return out;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  /** `head` ("INSERT INTO t (cols)") run over `rows` (each with one value per column), in order. */
  #insertMany(head: string, rows: readonly unknown[][]): void {
    if (!rows.length) return;
    const width = rows[0].length;
    const values = (count: number) =>
      `${head} VALUES ${Array(count).fill(`(${Array(width).fill("?").join(",")})`)}`;
    for (let k = 0; k < rows.length; k += ROWS_PER_INSERT) {
      const chunk = rows.slice(k, k + ROWS_PER_INSERT);
      this.#stmt(values(chunk.length)).run(...(chunk.flat() as SQLInputValue[]));
    }
  }

  /** Whether a document is indexed with the current entry version. */
  has(realPath: string): boolean {
    const row = this.#stmt("SELECT version FROM archive_docs WHERE real_path = ?").get(realPath) as
      | { version: number }
      | undefined;
    return row?.version === ENTRY_VERSION;
  }

  idOf(realPath: string): number | undefined {
    const row = this.#stmt("SELECT id FROM archive_docs WHERE real_path = ?").get(realPath) as
      | { id: number }
      | undefined;
    return row?.id;
  }

  /** Index a document (replacing what was indexed for that path). One transaction. Returns its id. */
  add(realPath: string, file: string, sha256: string | null, entry: ArchiveEntry | PackedEntry): number {
    return this.#tx(() => {
      this.#remove(realPath);
      const m = entry.meta;
      const weight = entry.passages.reduce((s, p) => s + p.weight, 0);
      const r = this.#stmt(
        `INSERT INTO archive_docs (real_path, file, sha256, title, year, unit, unit_key, kind, version, sections, weight,
           lsh_pending)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      ).run(
        realPath,
        file,
        sha256,
        m.title,
        m.year,
        m.unit,
        unitKey(m.unit),
        m.kind,
        entry.version,
        JSON.stringify(entry.sections),
        weight,
      );
      const id = Number(r.lastInsertRowid);
      // Rows go in many per statement (one call per ROWS_PER_INSERT rows, not one per row).
      const sigOf = passageSignatures(entry);
      const passageRows: unknown[][] = [];
      entry.passages.forEach((p, n) => {
        const sig = sigOf(n);
        passageRows.push([
          id,
          n,
          p.block,
          p.cell ? p.cell.join(",") : null,
          p.section,
          p.quote,
          p.weight,
          p.flags,
          p.fp,
          p.fpYear,
          p.fpRaw,
          sigBytes(sig),
        ]);
      });
      this.#insertMany(
        "INSERT INTO archive_passages (doc, n, block, cell, section, quote, weight, flags, fp, fp_year, fp_raw, sig)",
        passageRows,
      );
      this.#insertMany(
        "INSERT INTO archive_figures (doc, n, subject, year, ref, value, unit, decimals, scale, raw, quote, block, cell, section)",
        entry.figures.map((f, n) => [
          id,
          n,
          f.subject,
          f.year,
          f.ref ? 1 : 0,
          f.value,
          f.unit,
          f.decimals,
          f.scale,
          f.raw,
          f.quote,
          f.block,
          f.cell ? f.cell.join(",") : null,
          f.section,
        ]),
      );
      this.#docs?.set(id, this.#docRow(id)!);
      this.#lshPending = true;
      this.releaseCaches();
      return id;
    });
  }

  /**
   * The LSH rows of every document added since the last query, sorted by key so that the B-tree is walked
   * in order. One transaction.
   */
  #flushLsh(): void {
    if (!this.#lshPending) return;
    this.#tx(() => {
      const rows: [number, number, number][] = [];
      const pending = this.#stmt(
        `SELECT p.doc, p.n, p.sig FROM archive_passages p
         WHERE p.doc IN (SELECT id FROM archive_docs WHERE lsh_pending = 1)`,
      );
      for (const r of pending.iterate()) {
        const { doc, n, sig } = r as { doc: number; n: number; sig: Uint8Array };
        for (const key of bandKeys(sigFromBytes(sig))) rows.push([key, doc, n]);
      }
      rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      this.#insertMany("INSERT OR IGNORE INTO archive_lsh (key, doc, n)", rows);
      this.#stmt("UPDATE archive_docs SET lsh_pending = 0 WHERE lsh_pending = 1").run();
    });
    this.#lshPending = false;
  }

  /** Drop a document from the index (a file that now fails to read, or is gone). */
  remove(realPath: string): void {
    this.#tx(() => this.#remove(realPath));
  }

  #remove(realPath: string): void {
    const id = this.idOf(realPath);
    if (id === undefined) return;
    // The LSH rows are keyed by bucket: recompute the doc's keys from its signatures to delete them.
    const delL = this.#stmt("DELETE FROM archive_lsh WHERE key = ? AND doc = ? AND n = ?");
    for (const row of this.#stmt("SELECT n, sig FROM archive_passages WHERE doc = ?").all(id)) {
      const { n, sig } = row as { n: number; sig: Uint8Array };
      for (const key of bandKeys(sigFromBytes(sig))) delL.run(key, id, n);
    }
    this.#stmt("DELETE FROM archive_passages WHERE doc = ?").run(id);
    this.#stmt("DELETE FROM archive_figures WHERE doc = ?").run(id);
    this.#stmt("DELETE FROM archive_docs WHERE id = ?").run(id);
    this.#docs?.delete(id);
    this.releaseCaches();
  }

  /** Drop what analysing kept (it is rebuilt when needed). */
  releaseCaches(): void {
    this.#templateKeys.clear();
    this.#ownFigures.clear();
    this.#claimKeys.clear();
  }

  #docRow(id: number): ArchiveDoc | undefined {
    const r = this.#stmt(
      "SELECT id, real_path, file, sha256, title, year, unit, unit_key, kind, sections FROM archive_docs WHERE id = ?",
    ).get(id) as Record<string, unknown> | undefined;
    return r ? toDoc(r) : undefined;
  }

  /** Every indexed document (kept in memory: one small row each). */
  docs(): Map<number, ArchiveDoc> {
    if (!this.#docs) {
      this.#docs = new Map();
      for (
        const r of this.#stmt(
          "SELECT id, real_path, file, sha256, title, year, unit, unit_key, kind, sections FROM archive_docs",
        ).iterate()
      ) {
        const d = toDoc(r as Record<string, unknown>);
        this.#docs.set(d.id, d);
      }
    }
    return this.#docs;
  }

  #passages(doc: number): PassageRow[] {
    return this.#stmt("SELECT * FROM archive_passages WHERE doc = ? ORDER BY n").all(
      doc,
    ) as unknown as PassageRow[];
  }

  #passage(doc: number, n: number): PassageRow | undefined {
    return this.#stmt("SELECT * FROM archive_passages WHERE doc = ? AND n = ?").get(doc, n) as unknown as
      | PassageRow
      | undefined;
  }

  #sameUnit(key: string): number[] {
    return (this.#stmt("SELECT id FROM archive_docs WHERE unit_key = ?").all(key) as { id: number }[]).map((
      r,
    ) => r.id);
  }

  /**
   * The documents whose cross-document findings may change when `changed` were (re)indexed: themselves,
   * the same units' reports, and every report they share real (non-template) text with.
   */
  affected(changed: Iterable<number>): Set<number> {
    const out = new Set<number>();
    const docs = this.docs();
    for (const id of changed) {
      const d = docs.get(id);
      if (!d) continue;
      out.add(id);
      if (d.unitKey) { for (const other of this.#sameUnit(d.unitKey)) out.add(other); }
      for (const other of this.#matches(id).linked) out.add(other);
      if (d.sha256) {
        for (const r of this.#stmt("SELECT id FROM archive_docs WHERE sha256 = ?").all(d.sha256)) {
          out.add((r as { id: number }).id);
        }
      }
    }
    return out;
  }

  /** The matches of every passage of `id` in other documents, and each passage's weight after template down-weighting. */
  #matches(
    id: number,
  ): { passages: PassageRow[]; weights: number[]; byDoc: Map<number, Match[]>; linked: Set<number> } {
    this.#flushLsh();
    const docs = this.docs();
    const self = docs.get(id)!;
    const passages = this.#passages(id);
    const lookup = this.#stmt("SELECT doc, n FROM archive_lsh WHERE key = ? LIMIT ?");
    const weights: number[] = [];
    const byDoc = new Map<number, Match[]>();
    const cache = new Map<string, PassageRow | undefined>();
    for (const p of passages) {
      const sig = sigFromBytes(p.sig);
      const cands = new Map<string, [number, number]>();
      let template = false;
      for (const key of bandKeys(sig)) {
        if (this.#templateKeys.has(key)) {
          template = true;
          break;
        }
        const rows = lookup.all(key, BUCKET_CAP + 1) as { doc: number; n: number }[];
        if (rows.length > BUCKET_CAP) {
          this.#templateKeys.add(key);
          template = true;
          break;
        }
        for (const r of rows) if (r.doc !== id) cands.set(`${r.doc}:${r.n}`, [r.doc, r.n]);
      }
      if (template) {
        weights.push(0);
        continue;
      }
      const found: Match[] = [];
      const units = new Set<string>();
      for (const [k, [doc, n]] of cands) {
        let q = cache.get(k);
        if (!cache.has(k)) cache.set(k, q = this.#passage(doc, n));
        if (!q) continue;
        const exact = q.fp === p.fp;
        if (!exact && similarity(sig, sigFromBytes(q.sig)) < NEAR) continue;
        found.push({ p, q, exact });
        const other = docs.get(doc);
        const uk = other?.unitKey ?? `#${doc}`;
        if (uk !== (self.unitKey ?? `#${id}`)) units.add(uk);
      }
      const df = units.size;
      const w = df >= DF_TEMPLATE ? 0 : df === 2 ? p.weight / 2 : p.weight;
      weights.push(w);
      if (w === 0) continue;
      for (const m of found) {
        let list = byDoc.get(m.q.doc);
        if (!list) byDoc.set(m.q.doc, list = []);
        // One match per passage per document: the exact one when there is one.
        const prev = list.length ? list[list.length - 1] : undefined;
        if (prev && prev.p === m.p) {
          if (!prev.exact && m.exact) list[list.length - 1] = m;
        } else list.push(m);
      }
    }
    return { passages, weights, byDoc, linked: new Set(byDoc.keys()) };
  }

  /** The documents sharing real (non-template) text with `id`, with the weighted share of its text (measurement). */
  shares(id: number): { doc: ArchiveDoc; share: number; exactShare: number }[] {
    const { passages, weights, byDoc } = this.#matches(id);
    const total = weights.reduce((s, w) => s + w, 0);
    if (!total) return [];
    const weightOf = new Map(passages.map((p, k) => [p.n, weights[k]]));
    return [...byDoc].map(([doc, ms]) => ({
      doc: this.docs().get(doc)!,
      share: ms.reduce((s, m) => s + (weightOf.get(m.p.n) ?? 0), 0) / total,
      exactShare: ms.reduce((s, m) => s + (m.exact ? weightOf.get(m.p.n) ?? 0 : 0), 0) / total,
    })).sort((a, b) => b.share - a.share);
  }

  /** The cross-document findings of one indexed document. */
  analyze(id: number): Analysis {
    const docs = this.docs();
    const self = docs.get(id);
    if (!self) return { drafts: [], linked: new Set() };
    const { passages, weights, byDoc, linked } = this.#matches(id);
    const total = weights.reduce((s, w) => s + w, 0);
    const weightOf = new Map(passages.map((p, k) => [p.n, weights[k]]));
    const drafts: ArchiveDraft[] = [];

    // Byte-identical files.
    if (self.sha256) {
      for (
        const r of this.#stmt(
          "SELECT id FROM archive_docs WHERE sha256 = ? AND id != ? ORDER BY real_path",
        ).all(self.sha256, id)
      ) {
        const other = docs.get((r as { id: number }).id);
        if (!other) continue;
        drafts.push({
          rule: "copied-report",
          messageId: "duplicate-file",
          message: `与批次中的文件“${other.file}”内容完全相同（字节一致）。`,
          hint: "确认是否重复报送；如为同一报告，只保留一份。",
          evidence: passages.length ? [this.#evidence(self, passages[0])] : [],
          details: { other: otherInfo(other) },
        });
        if (drafts.length >= 3) break;
      }
    }

    const shares = [...byDoc].map(([doc, matches]) => {
      let w = 0, exact = 0;
      for (const m of matches) {
        const pw = weightOf.get(m.p.n) ?? 0;
        w += pw;
        if (m.exact) exact += pw;
      }
      return { doc: docs.get(doc)!, matches, weight: w, exactWeight: exact };
    }).filter((s) => s.doc && !(self.sha256 && s.doc.sha256 === self.sha256)); // identical files: above

    // Another unit's report of the same or an earlier year.
    if (total > 0) {
      const copies = shares.filter((s) =>
        !sameUnit(self, s.doc) && (self.year === null || s.doc.year === null || s.doc.year <= self.year) &&
        s.weight >= MIN_MATCHED && s.weight / total >= COPY_SHARE
      ).sort((a, b) => b.weight - a.weight || byPath(a.doc, b.doc)).slice(0, 3);
      for (const s of copies) drafts.push(this.#copyDraft(self, s, total));

      // The same unit's earlier report with the most text in common.
      const earlier = shares.filter((s) =>
        sameUnit(self, s.doc) && self.unitKey !== null && self.year !== null && s.doc.year !== null &&
        s.doc.year < self.year && compatibleKind(self, s.doc)
      ).sort((a, b) =>
        b.weight - a.weight || (b.doc.year ?? 0) - (a.doc.year ?? 0) || byPath(a.doc, b.doc)
      )[0];
      if (earlier) {
        drafts.push(...this.#reuseDrafts(self, earlier, passages, total));
      }
    }
    drafts.push(...this.#crossYear(self));
    return { drafts, linked };
  }

  #evidence(
    d: ArchiveDoc,
    p: { quote: string; section: number; block: number; cell: string | null },
  ): Evidence {
    const ev: Evidence = { quote: p.quote, section: d.sections[p.section] ?? "", block: p.block };
    if (p.cell) {
      const [index, row, col] = p.cell.split(",").map(Number);
      ev.table = { index, row, col };
    }
    return ev;
  }

  #top(self: ArchiveDoc, other: ArchiveDoc, matches: Match[]) {
    const top = [...matches].sort((a, b) => b.p.weight - a.p.weight).slice(0, TOP);
    return {
      evidence: top.map((m) => this.#evidence(self, m.p)),
      passages: top.map((m) => ({
        quote: m.p.quote,
        otherQuote: m.q.quote,
        otherSection: other.sections[m.q.section] ?? "",
        otherBlock: m.q.block,
        same: m.exact,
      })),
    };
  }

  #copyDraft(
    self: ArchiveDoc,
    s: { doc: ArchiveDoc; matches: Match[]; weight: number; exactWeight: number },
    total: number,
  ): ArchiveDraft {
    const share = s.weight / total, exactShare = s.exactWeight / total;
    const certain = exactShare >= COPY_SHARE && s.exactWeight >= MIN_MATCHED;
    const { evidence, passages } = this.#top(self, s.doc, s.matches);
    const sameYear = self.year !== null && s.doc.year === self.year;
    const unknownUnit = self.unitKey === null || s.doc.unitKey === null;
    const details: Record<string, unknown> = {
      share: round(share),
      exactShare: round(exactShare),
      matchedPassages: s.matches.length,
      other: otherInfo(s.doc),
      passages,
      method: "段落指纹（单位名称、地名、年份、数字已屏蔽）与 MinHash 近似匹配；多家单位共有的模板段落不计",
    };
    if (sameYear) details.note = "两份报告为同一年度，无法判断谁套用谁";
    const assumptions: string[] = [];
    if (!certain) assumptions.push(`部分段落按 MinHash 估计的相似度（≥${NEAR}）判定为相同，可能只是措辞相近`);
    if (unknownUnit) assumptions.push("有一份报告未能识别单位名称，假定两份报告属于不同单位");
    if (assumptions.length) details.assumption = assumptions.join("；");
    const head = `与${describe(s.doc)}的文字有 ${pct(share)} 相同` +
      (certain ? "（单位名称、年份和数字不计）" : `或高度相似（其中完全相同 ${pct(exactShare)}）`);
    return {
      rule: "copied-report",
      messageId: certain && !unknownUnit ? "copied" : "similar",
      ...(unknownUnit ? { certainty: "assumption" as const } : {}),
      message: `${head}，疑似套用其他单位的报告${sameYear ? "（同一年度）" : ""}。`,
      hint: "核实报告是否由本单位据实撰写；与其他单位相同的段落应按本单位的实际情况重写。",
      evidence,
      details,
    };
  }

  #reuseDrafts(
    self: ArchiveDoc,
    s: { doc: ArchiveDoc; matches: Match[]; weight: number; exactWeight: number },
    passages: PassageRow[],
    total: number,
  ): ArchiveDraft[] {
    const out: ArchiveDraft[] = [];
    const other = s.doc;
    const share = s.weight / total, exactShare = s.exactWeight / total;
    if (s.weight >= MIN_MATCHED && share >= REUSE_SHARE) {
      const certain = exactShare >= REUSE_SHARE && s.exactWeight >= MIN_MATCHED;
      const { evidence, passages: top } = this.#top(self, other, s.matches);
      out.push({
        rule: "copied-from-last-year",
        messageId: certain ? "reused-text" : "reused-similar",
        message: `与本单位${other.year}年报告《${other.title ?? other.file}》的文字有 ${pct(share)} 相同` +
          (certain ? "（年份和数字不计）" : `或高度相似（其中完全相同 ${pct(exactShare)}）`) +
          "，报告可能沿用往年文本。",
        hint: "按本年度的实际工作和数据重写相应内容，不要沿用往年报告。",
        evidence,
        details: {
          share: round(share),
          exactShare: round(exactShare),
          other: otherInfo(other),
          passages: top,
          ...(certain ? {} : {
            assumption: `部分段落按 MinHash 估计的相似度（≥${NEAR}）判定为相同，可能只是措辞相近`,
          }),
        },
      });
    }
    // 绩效目标 identical, figures included (years aside).
    const otherPassages = this.#passages(other.id);
    const otherYearFps = new Set(otherPassages.map((q) => q.fp_year));
    const targets = passages.filter((p) => p.flags & FLAG.target);
    const targetWeight = targets.reduce((a, p) => a + p.weight, 0);
    if (targets.length && targetWeight >= 20 && targets.every((p) => otherYearFps.has(p.fp_year))) {
      out.push({
        rule: "copied-from-last-year",
        messageId: "same-targets",
        message:
          `绩效目标与本单位${other.year}年报告完全相同（年份除外，指标值也相同），年度绩效目标未按本年度重新设定。`,
        hint: "按本年度的工作任务和预算重新设定绩效目标及指标值。",
        evidence: targets.slice(0, TOP).map((p) => this.#evidence(self, p)),
        details: { other: otherInfo(other), targets: targets.length },
      });
    }
    // Passages where the year changed and every figure stayed.
    const byYearFp = new Map(otherPassages.map((q) => [q.fp_year, q]));
    const unchanged = passages.filter((p) => {
      if ((p.flags & (FLAG.hasYear | FLAG.hasNumber)) !== (FLAG.hasYear | FLAG.hasNumber)) return false;
      const q = byYearFp.get(p.fp_year);
      return q !== undefined && q.fp_raw !== p.fp_raw && (q.flags & FLAG.hasYear) !== 0;
    });
    if (unchanged.length) {
      out.push({
        rule: "copied-from-last-year",
        messageId: "unchanged-figures",
        message: `${unchanged.length} 处段落与本单位${other.year}年报告相比只改了年份，其中的数字完全相同：` +
          `“${unchanged[0].quote}…”${unchanged.length > 1 ? "等" : ""}。`,
        hint: "核实这些数字是否确为本年度的数据；沿用上年数据的应改为本年度实际数。",
        evidence: unchanged.slice(0, TOP).map((p) => this.#evidence(self, p)),
        details: {
          other: otherInfo(other),
          passages: unchanged.slice(0, TOP).map((p) => ({
            quote: p.quote,
            otherQuote: byYearFp.get(p.fp_year)!.quote,
          })),
          assumption: "数字与上年完全相同也可能属实（如编制人数、固定指标），需核实",
        },
      });
    }
    return out;
  }

  #figures(doc: number, ref: 0 | 1): FigureRow[] {
    return this.#stmt("SELECT * FROM archive_figures WHERE doc = ? AND ref = ?").all(
      doc,
      ref,
    ) as unknown as FigureRow[];
  }

  #crossYear(self: ArchiveDoc): ArchiveDraft[] {
    if (self.unitKey === null || self.year === null) return [];
    const claims = this.#figures(self.id, 1);
    if (!claims.length) return [];
    const docs = this.docs();
    const sameUnit = this.#sameUnit(self.unitKey).map((id) => docs.get(id)!).filter((d) =>
      d && d.id !== self.id && d.year !== null && d.year < self.year! && compatibleKind(self, d)
    ).sort(byPath);
    const out: ArchiveDraft[] = [];
    // Only the figures of subjects some report of the unit makes claims about are kept: a unit's reports
    // are read once however many of them are analysed, and memory stays small.
    let wanted = this.#claimKeys.get(self.unitKey);
    if (!wanted) {
      wanted = new Set<string>();
      for (
        const r of this.#stmt(
          `SELECT f.subject, f.unit FROM archive_figures f JOIN archive_docs d ON d.id = f.doc
           WHERE d.unit_key = ? AND f.ref = 1`,
        ).iterate(self.unitKey)
      ) {
        const { subject, unit } = r as { subject: string; unit: string };
        wanted.add(`${subject}|${unit}`);
      }
      this.#claimKeys.set(self.unitKey, wanted);
    }
    const own = this.#ownFigures;
    const ownOf = (d: ArchiveDoc) => {
      let m = own.get(d.id);
      if (!m) {
        own.set(d.id, m = new Map());
        for (const f of this.#figures(d.id, 0)) {
          const k = `${f.subject}|${f.unit}`;
          if (!wanted.has(k)) continue;
          m.get(k)?.push(f) ?? m.set(k, [f]);
        }
      }
      return m;
    };
    const seen = new Set<string>();
    const byYear = new Map<number, ArchiveDoc[]>();
    for (const d of sameUnit) byYear.get(d.year!)?.push(d) ?? byYear.set(d.year!, [d]);
    for (const c of claims) {
      const key = `${c.subject}|${c.unit}`;
      for (const d of byYear.get(c.year) ?? []) {
        const stated = ownOf(d).get(key);
        if (!stated?.length) continue;
        const values = new Set(stated.map((f) => f.value));
        if (values.size > 3) continue; // the subject names several quantities in that report
        if (stated.some((f) => sameValue(c, f))) continue;
        const dedupe = `${key}|${c.value}|${d.id}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const shown = stated.filter((f, k) => stated.findIndex((g) => g.raw === f.raw) === k).slice(0, 3);
        out.push({
          rule: "cross-year-figure",
          messageId: "differs",
          message:
            `本报告所述${c.year}年“${c.quote.trim()}”与本单位${c.year}年报告的“${
              shown[0].quote.trim()
            }”不一致` +
            `（${c.raw} 与 ${shown.map((f) => f.raw).join("、")}）。`,
          hint: "核对该年度的数据来源，与该年度报告（或决算）统一；确有调整的，应说明原因。",
          evidence: [this.#evidence(self, c)],
          details: {
            stated: c.raw,
            other: otherInfo(d),
            otherStated: shown.map((f) => ({
              raw: f.raw,
              quote: f.quote,
              section: d.sections[f.section] ?? "",
              block: f.block,
            })),
            subject: c.subject,
            year: c.year,
            assumption: `假定两处所指为同一事项、同一单位、同一时段（按名称“${c.subject}”匹配）`,
          },
        });
        if (out.length >= 10) return out;
      }
    }
    return out;
  }
}

function toDoc(r: Record<string, unknown>): ArchiveDoc {
  return {
    id: r.id as number,
    realPath: r.real_path as string,
    file: r.file as string,
    sha256: (r.sha256 as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    year: (r.year as number | null) ?? null,
    unit: (r.unit as string | null) ?? null,
    unitKey: (r.unit_key as string | null) ?? null,
    kind: (r.kind as string | null) ?? null,
    sections: JSON.parse(r.sections as string) as string[],
  };
}

function sameUnit(a: ArchiveDoc, b: ArchiveDoc): boolean {
  return a.unitKey !== null && a.unitKey === b.unitKey;
}

/**
 * Documents in path order: ids follow the order audits finished, which differs between runs with several
 * audit processes; ties broken by path give the same findings every run.
 */
function byPath(a: ArchiveDoc, b: ArchiveDoc): number {
  return a.realPath < b.realPath ? -1 : a.realPath > b.realPath ? 1 : 0;
}

function compatibleKind(a: ArchiveDoc, b: ArchiveDoc): boolean {
  return a.kind === null || b.kind === null || a.kind === b.kind;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Equal at the precision of the less precise of the two (20.5万元 = 205000元). */
function sameValue(a: FigureRow, b: FigureRow): boolean {
  const tol = 0.5 * Math.max(10 ** -a.decimals * a.scale, 10 ** -b.decimals * b.scale);
  return Math.abs(a.value - b.value) <= tol + 1e-9;
}
