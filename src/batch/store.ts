/**
 * The SQLite side of a batch: one row per document, keyed by its resolved real path (the latest audit of
 * that file, however the input was spelled), its findings, and one row per run. Every write is its own
 * transaction, so an interrupted run keeps what it finished.
 */
import * as path from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type { DocumentResult } from "../model/report.ts";
import type { Finding } from "../model/finding.ts";
import { BatchError, reason } from "./errors.ts";
import type { Counts } from "./types.ts";
import type { Places } from "../render/place.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  tool_version TEXT NOT NULL,
  args TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT,
  path TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  settings TEXT NOT NULL,
  status TEXT NOT NULL,
  error_code TEXT,
  error_message TEXT,
  title TEXT,
  year INTEGER,
  unit TEXT,
  error_count INTEGER NOT NULL,
  warning_count INTEGER NOT NULL,
  info_count INTEGER NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_rank ON documents(error_count DESC, warning_count DESC);
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sha256 TEXT,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  suppressed INTEGER NOT NULL,
  message TEXT NOT NULL,
  section TEXT,
  quote TEXT,
  details TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_document ON findings(document_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule, severity);
`;

/** Findings rows per INSERT statement (9 columns each). */
const FINDINGS_PER_INSERT = 64;

/** Databases written before documents were keyed by real path: add the column, fill it, index it. */
function migrate(db: DatabaseSync): void {
  const cols = db.prepare("PRAGMA table_info(documents)").all() as { name: string }[];
  if (!cols.some((c) => c.name === "real_path")) {
    db.exec("DROP INDEX IF EXISTS documents_path; ALTER TABLE documents ADD COLUMN real_path TEXT");
    const rows = db.prepare("SELECT id, path FROM documents").all() as { id: number; path: string }[];
    const set = db.prepare("UPDATE documents SET real_path = ? WHERE id = ?");
    for (const r of rows) {
      let real: string;
      try {
        real = Deno.realPathSync(r.path);
      } catch {
        real = path.resolve(r.path);
      }
      set.run(real, r.id);
    }
    db.exec(`DELETE FROM documents WHERE id NOT IN (SELECT MAX(id) FROM documents GROUP BY real_path);
      CREATE INDEX IF NOT EXISTS documents_path ON documents(path)`);
  }
  db.exec("CREATE UNIQUE INDEX IF NOT EXISTS documents_real ON documents(real_path)");
  // Per-document outputs: the places of the findings' blocks (JSON) and the name its report was written under.
  const have = new Set(
    (db.prepare("PRAGMA table_info(documents)").all() as { name: string }[]).map((c) => c.name),
  );
  if (!have.has("places")) db.exec("ALTER TABLE documents ADD COLUMN places TEXT");
  if (!have.has("output_name")) db.exec("ALTER TABLE documents ADD COLUMN output_name TEXT");
}

/** What a batch keeps beside a result: block places (render/place.ts) and the per-document output name. */
export interface DocExtras {
  places?: Places | null;
  outputName?: string | null;
}

/** A Chinese BatchError for a database that cannot be opened or written (garbage, locked, read-only). */
export function databaseError(file: string, e: unknown): BatchError {
  const msg = reason(e);
  if (/locked|busy/i.test(msg)) {
    return new BatchError(
      `数据库 ${file} 被其他程序锁定（${msg}）。请关闭正在使用它的程序（如另一个批量审核或 SQLite 工具）后重试，` +
        `或换一个 --out 目录。`,
    );
  }
  if (/not a database|malformed|corrupt/i.test(msg)) {
    return new BatchError(
      `${file} 不是有效的审核数据库（${msg}）。请换一个 --out 目录，或将该文件改名/删除后重新运行` +
        `（会重新审核全部文件）。`,
    );
  }
  return new BatchError(`无法读写数据库 ${file}（${msg}）。请检查该路径是否可写、磁盘空间是否充足。`);
}

export interface DocRow {
  id: number;
  path: string;
  json: string;
}

function severityCounts(result: DocumentResult) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) if (!f.suppressed) c[f.severity]++;
  return c;
}

export class Store {
  readonly db: DatabaseSync;
  #insertDoc: StatementSync;
  #deleteReal: StatementSync;
  #findSha: StatementSync;

  /** Opens (or creates) the database; a BatchError naming the file when it is garbage, locked or unwritable. */
  constructor(readonly file: string) {
    try {
      this.db = new DatabaseSync(file);
    } catch (e) {
      throw databaseError(file, e);
    }
    try {
      this.db.exec("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
      // Each document commits about 1 MB (its result JSON, findings, archive passages): checkpoint every
      // 64 MB of WAL rather than every 4 MB (1000 pages of 4 KB), so the WAL is copied into the database and
      // synced far less often (pages rewritten between checkpoints are copied once); the WAL file is cut
      // back to 64 MB after each.
      const pageSize = (this.db.prepare("PRAGMA page_size").get() as { page_size: number }).page_size;
      this.db.exec(
        `PRAGMA wal_autocheckpoint = ${Math.ceil(64 * 1024 * 1024 / pageSize)}; ` +
          "PRAGMA journal_size_limit = 67108864;",
      );
      this.db.exec("PRAGMA foreign_keys = ON;");
      this.db.exec(SCHEMA);
      migrate(this.db);
    } catch (e) {
      this.db.close();
      throw databaseError(file, e);
    }
    this.#insertDoc = this.db.prepare(
      `INSERT INTO documents (sha256, path, real_path, tool_version, settings, status, error_code, error_message,
         title, year, unit, error_count, warning_count, info_count, run_id, json, places, output_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#deleteReal = this.db.prepare("DELETE FROM documents WHERE real_path = ?");
    this.#findSha = this.db.prepare(
      `SELECT id, path, json FROM documents WHERE real_path = ? AND sha256 = ? AND tool_version = ?
         AND settings = ? AND NOT (status = 'error' AND error_code = 'timeout')`,
    );
  }

  beginRun(toolVersion: string, args: unknown): number {
    const r = this.db.prepare("INSERT INTO runs (started_at, tool_version, args) VALUES (?, ?, ?)")
      .run(new Date().toISOString(), toolVersion, JSON.stringify(args));
    return Number(r.lastInsertRowid);
  }

  /** A run copied from another database (merge): the same run is stored once, however often merged. */
  mergeRun(
    r: { started_at: string; finished_at: string | null; tool_version: string; args: string },
  ): number {
    const same = this.db.prepare(
      "SELECT id FROM runs WHERE started_at = ? AND tool_version = ? AND args = ?",
    ).get(r.started_at, r.tool_version, r.args) as { id: number } | undefined;
    if (same) {
      if (r.finished_at) {
        this.db.prepare("UPDATE runs SET finished_at = ? WHERE id = ?").run(r.finished_at, same.id);
      }
      return same.id;
    }
    const res = this.db.prepare(
      "INSERT INTO runs (started_at, finished_at, tool_version, args) VALUES (?, ?, ?, ?)",
    )
      .run(r.started_at, r.finished_at, r.tool_version, r.args);
    return Number(res.lastInsertRowid);
  }

  /** Drop the rows of paths found unauditable by an earlier walk (each run lists its own again). */
  deleteByCodes(codes: string[]): void {
    const marks = codes.map(() => "?").join(", ");
    this.db.prepare(`DELETE FROM documents WHERE status = 'error' AND error_code IN (${marks})`).run(
      ...codes,
    );
  }

  finishRun(runId: number): void {
    this.db.prepare("UPDATE runs SET finished_at = ? WHERE id = ?").run(new Date().toISOString(), runId);
  }

  /**
   * A previous audit of this path with the same bytes, tool version and settings (timeouts are retried).
   * Copies under other paths are audited again: messages name the file they were made for.
   */
  findDone(realPath: string, sha256: string, toolVersion: string, settings: string): DocRow | undefined {
    return this.#findSha.get(realPath, sha256, toolVersion, settings) as DocRow | undefined;
  }

  /** Record a result under its real path; it replaces any earlier row for that file. One transaction. */
  record(
    result: DocumentResult,
    realPath: string,
    toolVersion: string,
    settings: string,
    runId: number,
    extras: DocExtras = {},
  ): void {
    this.transaction(() => this.#insert(result, realPath, toolVersion, settings, runId, extras));
  }

  #insert(
    result: DocumentResult,
    realPath: string,
    toolVersion: string,
    settings: string,
    runId: number | null,
    extras: DocExtras = {},
  ): number {
    this.#deleteReal.run(realPath);
    const c = severityCounts(result);
    const r = this.#insertDoc.run(
      result.sha256,
      result.file,
      realPath,
      toolVersion,
      settings,
      result.status,
      result.error?.code ?? null,
      result.error?.message ?? null,
      result.meta.title,
      result.meta.year,
      result.meta.unit,
      c.error,
      c.warning,
      c.info,
      runId,
      JSON.stringify(result),
      extras.places ? JSON.stringify(extras.places) : null,
      extras.outputName ?? null,
    );
    const id = Number(r.lastInsertRowid);
    this.#insertFindings(id, result.sha256, result.findings);
    return id;
  }

  #insertFindings(id: number, sha256: string | null, findings: Finding[]): void {
    // Many rows per statement, in order (ids follow the findings' order as one row per call would).
    for (let k = 0; k < findings.length; k += FINDINGS_PER_INSERT) {
      const chunk = findings.slice(k, k + FINDINGS_PER_INSERT);
      const values: SQLInputValue[] = [];
      for (const f of chunk) {
        const ev = f.evidence[0];
        values.push(
          id,
          sha256,
          f.rule,
          f.severity,
          f.suppressed ? 1 : 0,
          f.message,
          ev?.section ?? null,
          ev?.quote ?? null,
          JSON.stringify(f.details),
        );
      }
      this.#insertFindingsStmt(chunk.length).run(...values);
    }
  }

  #findingStmts = new Map<number, StatementSync>();

  #insertFindingsStmt(count: number): StatementSync {
    let stmt = this.#findingStmts.get(count);
    if (!stmt) {
      stmt = this.db.prepare(
        `INSERT INTO findings (document_id, sha256, rule, severity, suppressed, message, section, quote, details)
         VALUES ${Array(count).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      );
      this.#findingStmts.set(count, stmt);
    }
    return stmt;
  }

  /**
   * Replace a stored document's findings of `rules` (the cross-document rules, worked out from the archive
   * index after the audit) in its JSON, its counts and the findings table. False when nothing changed.
   */
  replaceRuleFindings(realPath: string, rules: readonly string[], findings: Finding[]): boolean {
    const marks = rules.map(() => "?").join(", ");
    if (!findings.length) {
      // Nothing to put in and none of these rules' findings stored (the findings table mirrors the JSON):
      // nothing changes, without reading the document's JSON.
      const stored = this.db.prepare(
        `SELECT 1 FROM documents d WHERE d.real_path = ? AND EXISTS
           (SELECT 1 FROM findings f WHERE f.document_id = d.id AND f.rule IN (${marks}))`,
      ).get(realPath, ...rules);
      if (!stored) return false;
    }
    const row = this.db.prepare("SELECT id, json FROM documents WHERE real_path = ?").get(realPath) as
      | { id: number; json: string }
      | undefined;
    if (!row) return false;
    const result = JSON.parse(row.json) as DocumentResult;
    const old = result.findings.filter((f) => rules.includes(f.rule));
    if (JSON.stringify(old) === JSON.stringify(findings)) return false;
    result.findings = [...result.findings.filter((f) => !rules.includes(f.rule)), ...findings];
    const c = severityCounts(result);
    this.transaction(() => {
      this.db.prepare(
        "UPDATE documents SET json = ?, error_count = ?, warning_count = ?, info_count = ? WHERE id = ?",
      ).run(JSON.stringify(result), c.error, c.warning, c.info, row.id);
      this.db.prepare(`DELETE FROM findings WHERE document_id = ? AND rule IN (${marks})`).run(
        row.id,
        ...rules,
      );
      this.#insertFindings(row.id, result.sha256, findings);
    });
    return true;
  }

  /** Insert a result without touching runs (merge). */
  insertMerged(
    result: DocumentResult,
    realPath: string,
    toolVersion: string,
    settings: string,
    runId: number | null,
    extras: DocExtras = {},
  ): void {
    this.transaction(() => this.#insert(result, realPath, toolVersion, settings, runId, extras));
  }

  /** Set the output name of a stored document (a skipped file whose outputs were already written). */
  setOutputName(realPath: string, name: string): void {
    this.db.prepare("UPDATE documents SET output_name = ? WHERE real_path = ?").run(name, realPath);
  }

  /** Runs `fn` in a transaction; inside one already open, as part of it. */
  transaction(fn: () => void): void {
    if (this.db.isTransaction) return fn();
    this.db.exec("BEGIN");
    try {
      fn();
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  counts(): Counts {
    const d = this.db.prepare(
      `SELECT COUNT(*) AS documents, COALESCE(SUM(status = 'ok'), 0) AS ok,
         COALESCE(SUM(status = 'error'), 0) AS error, COALESCE(SUM(error_count), 0) AS e,
         COALESCE(SUM(warning_count), 0) AS w, COALESCE(SUM(info_count), 0) AS i FROM documents`,
    ).get() as Record<string, number>;
    return {
      documents: d.documents,
      ok: d.ok,
      error: d.error,
      findings: { error: d.e, warning: d.w, info: d.i },
    };
  }

  /** Every stored result, in path order, without holding them all in memory. */
  *results(): Generator<{ json: string; tool_version: string; settings: string }> {
    const stmt = this.db.prepare("SELECT json, tool_version, settings FROM documents ORDER BY path");
    for (const row of stmt.iterate()) yield row as { json: string; tool_version: string; settings: string };
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
