/**
 * Aggregates document scores into the figures `deno task eval` reports: recall per rule (or per injected
 * operator) and tier, false alarms on verified-consistent statements, error-level findings on clean files,
 * and metadata accuracy.
 */
import type { DocumentScore } from "./score.ts";
import type { KeyFile } from "./key.ts";
import type { DocumentResult } from "../src/model/report.ts";

export interface Count {
  found: number;
  total: number;
}

export interface Row {
  /** Rule id (corpus) or operator (synthetic). */
  name: string;
  core: Count;
  stretch: Count;
  /** Findings of this rule that are false alarms on a negative, any severity. */
  negativeHits: number;
  /** Of those, error-level. */
  negativeErrors: number;
  /** Error-level findings of this rule on clean files. */
  cleanErrors: number;
}

export interface MetaScore {
  title: Count;
  year: Count;
  unit: Count;
  /** All three right. */
  all: Count;
}

export interface Tally {
  rows: Row[];
  total: Row;
  meta: MetaScore;
  documents: number;
  unreadable: string[];
}

const count = (): Count => ({ found: 0, total: 0 });
const newRow = (name: string): Row => ({
  name,
  core: count(),
  stretch: count(),
  negativeHits: 0,
  negativeErrors: 0,
  cleanErrors: 0,
});

/** Which rule an item belongs to: the rule that found it, else the first rule id containing its first fragment. */
function itemRule(ruleIds: readonly string[], fragments: readonly string[], foundBy?: string): string {
  if (foundBy) return foundBy;
  return ruleIds.find((id) => id.includes(fragments[0])) ?? fragments[0];
}

export function tally(
  scores: DocumentScore[],
  ruleIds: readonly string[],
  by: "rule" | "operator",
  metas: { result: DocumentResult; key: KeyFile }[] = [],
): Tally {
  const rows = new Map<string, Row>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r) rows.set(name, r = newRow(name));
    return r;
  };
  if (by === "rule") ruleIds.forEach(row);
  const total = newRow("合计");
  for (const s of scores) {
    for (const { item, matchedBy } of s.items) {
      const name = by === "operator" ? item.operator ?? "?" : itemRule(ruleIds, item.rules, matchedBy?.rule);
      for (const r of [row(name), total]) {
        r[item.tier].total++;
        if (matchedBy) r[item.tier].found++;
      }
    }
    for (const { finding } of s.negativeHits) {
      for (const r of [row(finding.rule), total]) {
        r.negativeHits++;
        if (finding.severity === "error") r.negativeErrors++;
      }
    }
    for (const f of s.cleanErrors) for (const r of [row(f.rule), total]) r.cleanErrors++;
  }
  return {
    rows: [...rows.values()],
    total,
    meta: scoreMeta(metas),
    documents: scores.length,
    unreadable: scores.filter((s) => s.status !== "ok").map((s) => s.file),
  };
}

const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, "");

function titleOk(actual: string | null, expected: string): boolean {
  if (!actual) return false;
  const [a, e] = [squeeze(actual), squeeze(expected)];
  if (a === e) return true;
  const [short, long] = a.length < e.length ? [a, e] : [e, a];
  return long.includes(short) && short.length >= 0.7 * long.length;
}

function unitOk(actual: string | null, body: string, title?: string): boolean {
  if (!actual) return false;
  const [a, b] = [squeeze(actual), squeeze(body)];
  if (a.length < 2) return false;
  if (a.includes(b) || b.includes(a)) return true;
  return !!title && !/\d/.test(a) && a.length >= 4 && squeeze(title).includes(a);
}

/** Counts only the fields the key states (a unit given in English in the corpus table is not stated). */
export function scoreMeta(metas: { result: DocumentResult; key: KeyFile }[]): MetaScore {
  const m: MetaScore = { title: count(), year: count(), unit: count(), all: count() };
  for (const { result, key } of metas) {
    const e = key.meta;
    if (!e) continue;
    let all = true;
    if (e.title) {
      m.title.total++;
      const ok = titleOk(result.meta.title, e.title);
      if (ok) m.title.found++;
      all &&= ok;
    }
    if (e.year !== undefined) {
      m.year.total++;
      const ok = result.meta.year === e.year;
      if (ok) m.year.found++;
      all &&= ok;
    }
    if (e.unit && !/[A-Za-z]/.test(e.unit)) {
      m.unit.total++;
      const ok = unitOk(result.meta.unit, e.unit, e.title);
      if (ok) m.unit.found++;
      all &&= ok;
    }
    m.all.total++;
    if (all) m.all.found++;
  }
  return m;
}
