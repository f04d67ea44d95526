/**
 * What every renderer shares: the input shape, Chinese labels, locations, counts, ordering and the
 * stated/computed values a finding's details may carry.
 */
import type { AuditReport, DocumentResult } from "../model/report.ts";
import type { Evidence, Finding, Severity } from "../model/finding.ts";
import type { Document } from "../model/document.ts";
import type { RuleMeta } from "../model/rule.ts";
import { locationName, placeName, type Places, placesForEvidence } from "./place.ts";

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
  /**
   * Block places (section ordinal, first words) by file, for results whose Document is not at hand (batch
   * runs store them); otherwise they are worked out from `documents`.
   */
  places?: Map<string, Places>;
}

/** The places of one result's evidence: given, or from its Document; undefined when neither is at hand. */
export function placesFor(input: RenderInput, doc: DocumentResult): Places | undefined {
  const given = input.places?.get(doc.file);
  if (given) return given;
  const d = input.documents.get(doc.file);
  if (!d) return undefined;
  const places = placesForEvidence(d, doc.findings.flatMap((f) => f.evidence));
  (input.places ??= new Map()).set(doc.file, places);
  return places;
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

/**
 * The place within its section as Word shows it: 第3段“2023年我局…”, 表2 第3行第4列, page first when known
 * (place.ts); "段落12" only when the document's places are not at hand.
 */
export function placeLabel(e: Evidence, places?: Places): string {
  return placeName(e, places);
}

/** Section path › place; front matter (empty section) is called 卷首. */
export function locationLabel(e: Evidence, places?: Places): string {
  return locationName(e, places);
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

/** The total score and grade the report states for itself (document meta, from the analysis). */
export function statedScoreAndGrade(doc: DocumentResult): { score?: string; grade?: string } {
  const { score, grade } = doc.meta;
  return { score: score == null ? undefined : String(score), grade: grade ?? undefined };
}

/** Rule ids in the order of the rules list (the report order); unknown ids last, alphabetically. */
export function orderRuleIds(ids: Iterable<string>, rules: RuleMeta[]): string[] {
  const pos = (id: string) => {
    const i = rules.findIndex((r) => r.id === id);
    return i < 0 ? rules.length : i;
  };
  return [...new Set(ids)].sort((a, b) => pos(a) - pos(b) || a.localeCompare(b));
}
