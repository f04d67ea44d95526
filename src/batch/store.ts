/**
 * The SQLite side of a batch: one row per document path (the latest audit of that path), its findings,
 * and one row per run. Every write is its own transaction, so an interrupted run keeps what it finished.
 */
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { DocumentResult } from "../model/report.ts";
import type { Counts } from "./types.ts";

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
CREATE UNIQUE INDEX IF NOT EXISTS documents_path ON documents(path);
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
  #insertFinding: StatementSync;
  #deletePath: StatementSync;
  #findSha: StatementSync;

  constructor(readonly file: string) {
    this.db = new DatabaseSync(file);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    this.db.exec(SCHEMA);
    this.#insertDoc = this.db.prepare(
      `INSERT INTO documents (sha256, path, tool_version, settings, status, error_code, error_message, title,
         year, unit, error_count, warning_count, info_count, run_id, json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertFinding = this.db.prepare(
      `INSERT INTO findings (document_id, sha256, rule, severity, suppressed, message, section, quote, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#deletePath = this.db.prepare("DELETE FROM documents WHERE path = ?");
    this.#findSha = this.db.prepare(
      `SELECT id, path, json FROM documents WHERE path = ? AND sha256 = ? AND tool_version = ? AND settings = ?
         AND NOT (status = 'error' AND error_code = 'timeout')`,
    );
  }

  beginRun(toolVersion: string, args: unknown): number {
    const r = this.db.prepare("INSERT INTO runs (started_at, tool_version, args) VALUES (?, ?, ?)")
      .run(new Date().toISOString(), toolVersion, JSON.stringify(args));
    return Number(r.lastInsertRowid);
  }

  finishRun(runId: number): void {
    this.db.prepare("UPDATE runs SET finished_at = ? WHERE id = ?").run(new Date().toISOString(), runId);
  }

  /**
   * A previous audit of this path with the same bytes, tool version and settings (timeouts are retried).
   * Copies under other paths are audited again: messages name the file they were made for.
   */
  findDone(path: string, sha256: string, toolVersion: string, settings: string): DocRow | undefined {
    return this.#findSha.get(path, sha256, toolVersion, settings) as DocRow | undefined;
  }

  /** Record a result; it replaces any earlier row for the same path. One transaction. */
  record(result: DocumentResult, toolVersion: string, settings: string, runId: number): void {
    this.transaction(() => this.#insert(result, toolVersion, settings, runId));
  }

  #insert(result: DocumentResult, toolVersion: string, settings: string, runId: number | null): number {
    this.#deletePath.run(result.file);
    const c = severityCounts(result);
    const r = this.#insertDoc.run(
      result.sha256,
      result.file,
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
    );
    const id = Number(r.lastInsertRowid);
    for (const f of result.findings) {
      const ev = f.evidence[0];
      this.#insertFinding.run(
        id,
        result.sha256,
        f.rule,
        f.severity,
        f.suppressed ? 1 : 0,
        f.message,
        ev?.section ?? null,
        ev?.quote ?? null,
        JSON.stringify(f.details),
      );
    }
    return id;
  }

  /** Insert a result without touching runs (merge). */
  insertMerged(result: DocumentResult, toolVersion: string, settings: string, runId: number | null): void {
    this.transaction(() => this.#insert(result, toolVersion, settings, runId));
  }

  transaction(fn: () => void): void {
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
