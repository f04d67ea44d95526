/** Plain-text report for a terminal: by file, then severity, then section; ANSI colours on request. */
import type { Severity } from "../model/finding.ts";
import type { DocumentResult } from "../model/report.ts";
import {
  allFindings,
  comparison,
  countFindings,
  countsLine,
  locationLabel,
  NO_FINDINGS,
  placeLabel,
  placesFor,
  type RenderInput,
  ruleTitle,
  SEVERITY_LABEL,
  sortFindings,
  SUPPRESSED_LABEL,
  truncate,
} from "./common.ts";
import type { RuleMeta } from "../model/rule.ts";
import { safeTerminalText as t } from "./escape.ts";
import type { Places } from "./place.ts";
import { coverageLine } from "./coverage-line.ts";

/** Colour only for an interactive stdout, and never when NO_COLOR is set (https://no-color.org). */
export function shouldColor(): boolean {
  let noColor: string | undefined;
  try {
    noColor = Deno.env.get("NO_COLOR");
  } catch {
    noColor = undefined; // no --allow-env: decide from the terminal alone
  }
  return Deno.stdout.isTerminal() && !noColor;
}

/** Quotes shown per finding; the rest are counted (all of them are in the other formats). */
const MAX_QUOTES = 5;

type Paint = (code: string, s: string) => string;

const SEVERITY_COLOR: Record<Severity, string> = { error: "31", warning: "33", info: "36" };

export function renderTerminal(input: RenderInput): string {
  const paint: Paint = input.color ? (code, s) => `\x1b[${code}m${s}\x1b[0m` : (_code, s) => s;
  const out: string[] = [];
  for (const doc of input.report.documents) {
    out.push(...renderDocument(doc, input.rules, paint, placesFor(input, doc)), "");
  }
  const total = countFindings(allFindings(input.report));
  const files = input.report.documents.length;
  const failed = input.report.documents.filter((d) => d.status === "error").length;
  const fileNote = failed ? `（${files} 个文件，${failed} 个无法读取）` : `（${files} 个文件）`;
  out.push(paint("1", `合计：${countsLine(total)}`) + fileNote);
  return out.join("\n") + "\n";
}

function renderDocument(
  doc: DocumentResult,
  rules: RuleMeta[],
  paint: Paint,
  places: Places | undefined,
): string[] {
  // Every string from a document, a file name or a config goes through t() (no control sequences).
  const meta = [doc.meta.unit, doc.meta.year ? `${doc.meta.year}年度` : null, doc.meta.title]
    .filter((x) => x).map((x) => t(String(x))).join(" · ");
  const lines = [paint("1;4", t(doc.file)) + (meta ? `  ${meta}` : "")];
  if (doc.status === "error") {
    lines.push(`  ${paint("31;1", "无法审核")}：${t(doc.error?.message ?? "未知错误")}`);
    return lines;
  }
  if (doc.meta.coverage) lines.push(`  ${paint("2", coverageLine(doc.meta.coverage))}`);
  if (doc.findings.length === 0) {
    lines.push(`  ${paint("32", NO_FINDINGS)}`);
    return lines;
  }
  const sorted = sortFindings(doc.findings);
  const bySeverity = Map.groupBy(sorted, (f) => (f.suppressed ? "suppressed" : f.severity));
  for (const [sev, findings] of bySeverity) {
    const label = sev === "suppressed" ? SUPPRESSED_LABEL : SEVERITY_LABEL[sev as Severity];
    const color = sev === "suppressed" ? "2" : SEVERITY_COLOR[sev as Severity];
    lines.push(`  ${paint(color + ";1", `${label}（${findings.length}）`)}`);
    const bySection = Map.groupBy(findings, (f) => f.evidence[0]?.section ?? "");
    for (const [section, group] of bySection) {
      lines.push(`    ${paint("1", section === "" ? "卷首" : t(section))}`);
      for (const f of group) {
        const e = f.evidence[0];
        const where = e ? placeLabel(e, places) : "全文";
        const title = t(ruleTitle(rules, f.rule));
        lines.push(
          `      ${paint(color, title)}${paint("2", `（${t(f.rule)}）`)} · ${t(where)}：${t(f.message)}`,
        );
        const quoted = f.evidence.filter((ev) => ev.quote);
        for (const ev of quoted.slice(0, MAX_QUOTES)) {
          const loc = ev === e
            ? ""
            : `（${ev.section === section ? placeLabel(ev, places) : locationLabel(ev, places)}）`;
          lines.push(`        ${paint("2", t(`「${truncate(ev.quote)}」${loc}`))}`);
        }
        if (quoted.length > MAX_QUOTES) {
          lines.push(`        ${paint("2", `……另有 ${quoted.length - MAX_QUOTES} 处引文`)}`);
        }
        const c = comparison(f);
        const cmp = [
          c.stated !== undefined ? `陈述值 ${c.stated}` : "",
          c.computed !== undefined ? `计算值 ${c.computed}` : "",
          c.formula !== undefined ? `算式 ${c.formula}` : "",
        ].filter((x) => x).join("；");
        if (cmp) lines.push(`        ${t(cmp)}`);
        if (f.hint) lines.push(`        修改建议：${t(f.hint)}`);
        if (f.suppressed) lines.push(`        ${paint("2", `已豁免：${t(f.suppressed.reason)}`)}`);
      }
    }
  }
  lines.push(`  ${countsLine(countFindings(doc.findings))}`);
  return lines;
}
