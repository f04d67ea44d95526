/**
 * What every renderer shares: the input shape, Chinese labels, locations, counts, ordering and the
 * stated/computed values a finding's details may carry.
 */
import type { AuditReport, DocumentResult } from "../model/report.ts";
import type { Evidence, Finding, Severity } from "../model/finding.ts";
import type { Document } from "../model/document.ts";
import type { RuleMeta } from "../../checks/rule.ts";

// The escaping helpers live in escape.ts; re-exported here so callers that print or write text find them.
export {
  csvCell,
  csvValue,
  escapeHtml,
  escapeMarkdownCell,
  escapeMarkdownInline,
  safeTerminalText,
} from "./escape.ts";

export interface RenderInput {
  report: AuditReport;
  /** The documents that were read, keyed by DocumentResult.file (only HTML and SARIF columns use them). */
  documents: Map<string, Document>;
  rules: RuleMeta[];
  /** ANSI colours in the terminal format; see shouldColor(). */
  color?: boolean;
}

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
export const SUPPRESSED_LABEL = "已豁免";
export const NO_FINDINGS = "未发现问题";

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  suppressed: number;
}

/** Suppressed findings are counted apart, never under their severity. */
export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) c.suppressed++;
    else c[f.severity]++;
  }
  return c;
}

export function countsLine(c: Counts): string {
  return `错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}，${SUPPRESSED_LABEL} ${c.suppressed}`;
}

export function allFindings(report: AuditReport): Finding[] {
  return report.documents.flatMap((d) => d.findings);
}

/** "表2 第3行第4列" or "段落12" (1-based, block index + 1, as the block is numbered in the document). */
export function placeLabel(e: Evidence): string {
  if (e.table) return `表${e.table.index + 1} 第${e.table.row + 1}行第${e.table.col + 1}列`;
  return `段落${e.block + 1}`;
}

/** Section path › place; front matter (empty section) is called 卷首. */
export function locationLabel(e: Evidence): string {
  return `${e.section === "" ? "卷首" : e.section} › ${placeLabel(e)}`;
}

export function ruleTitle(rules: RuleMeta[], id: string): string {
  return rules.find((r) => r.id === id)?.title ?? id;
}

/** Stable order for display: severity, then document position, then rule; suppressed ones last. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) =>
      Number(!!a.f.suppressed) - Number(!!b.f.suppressed) ||
      severityRank(a.f.severity) - severityRank(b.f.severity) ||
      (a.f.evidence[0]?.block ?? -1) - (b.f.evidence[0]?.block ?? -1) ||
      a.i - b.i
    )
    .map((x) => x.f);
}

/** Collapse whitespace and newlines, then cut in the middle when too long. */
export function truncate(text: string, max = 60): string {
  const flat = text.replace(/\s*\n\s*/g, " ⏎ ").replace(/[ \t]+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = Math.ceil((max - 1) * 0.6), tail = max - 1 - head;
  return chars.slice(0, head).join("") + "…" + chars.slice(chars.length - tail).join("");
}

/** A value from details as text: numbers and strings as written, anything else as compact JSON. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => ["string", "number"].includes(typeof x))) return v.join("、");
  return JSON.stringify(v);
}

export interface Comparison {
  stated?: string;
  computed?: string;
  formula?: string;
}

export function comparison(f: Finding): Comparison {
  const d = f.details ?? {};
  const pick = (k: string) => (d[k] === undefined || d[k] === null ? undefined : formatValue(d[k]));
  return { stated: pick("stated"), computed: pick("computed"), formula: pick("formula") };
}

/** Self-assessed score and grade, when some finding's details carry them (keys score/grade, or stated*). */
export function statedScoreAndGrade(doc: DocumentResult): { score?: string; grade?: string } {
  let score: string | undefined, grade: string | undefined;
  for (const f of doc.findings) {
    const d = f.details ?? {};
    score ??= firstValue(d, ["statedScore", "score", "totalScore"]);
    grade ??= firstValue(d, ["statedGrade", "grade"]);
  }
  return { score, grade };
}

function firstValue(d: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = d[k];
    if (typeof v === "string" || typeof v === "number") return String(v);
  }
  return undefined;
}

/** Group preserving first-seen order of keys. */
export function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Rule ids in the order of the rules list (the report order); unknown ids last, alphabetically. */
export function orderRuleIds(ids: Iterable<string>, rules: RuleMeta[]): string[] {
  const pos = (id: string) => {
    const i = rules.findIndex((r) => r.id === id);
    return i < 0 ? rules.length : i;
  };
  return [...new Set(ids)].sort((a, b) => pos(a) - pos(b) || a.localeCompare(b));
}
