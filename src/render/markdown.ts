/** A review-ready findings report in Chinese Markdown (GFM tables). */
import type { Finding, Severity } from "../model/finding.ts";
import type { DocumentResult } from "../model/report.ts";
import type { RuleMeta } from "../model/rule.ts";
import {
  allFindings,
  comparison,
  countFindings,
  countsLine,
  locationLabel,
  NO_FINDINGS,
  orderRuleIds,
  placesFor,
  type RenderInput,
  ruleTitle,
  SEVERITIES,
  SEVERITY_LABEL,
  sortFindings,
  statedScoreAndGrade,
  SUPPRESSED_LABEL,
} from "./common.ts";
import { escapeMarkdownCell, escapeMarkdownInline } from "./escape.ts";
import type { Places } from "./place.ts";

/** Document text as inert Markdown (see escape.ts); exported under the names the tests use. */
export const mdEscape = escapeMarkdownInline;
export const mdCell = escapeMarkdownCell;

function blockquote(text: string): string {
  // A trailing backslash is a hard line break: the quote keeps its own line breaks.
  return text.split(/\r?\n/).map((line) => `> ${mdEscape(line)}`.trimEnd()).join("\\\n");
}

export function renderMarkdown(input: RenderInput): string {
  const { report, rules } = input;
  const out: string[] = ["# 绩效自评报告审核意见", ""];
  out.push(`审核工具：${mdEscape(report.tool.name)} ${mdEscape(report.tool.version)}`);
  out.push(`合计：${countsLine(countFindings(allFindings(report)))}`, "");
  for (const doc of report.documents) out.push(...renderDocument(doc, rules, placesFor(input, doc)));
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function renderDocument(doc: DocumentResult, rules: RuleMeta[], places: Places | undefined): string[] {
  const out = [`## ${mdEscape(doc.file)}`, ""];
  const { score, grade } = statedScoreAndGrade(doc);
  const meta: [string, string | null | undefined][] = [
    ["单位", doc.meta.unit],
    ["年度", doc.meta.year ? String(doc.meta.year) : null],
    ["标题", doc.meta.title],
    ["自评得分", score],
    ["自评等级", grade],
  ];
  const shown = meta.filter(([, v]) => v);
  if (shown.length) {
    out.push("| 项目 | 内容 |", "| --- | --- |", ...shown.map(([k, v]) => `| ${k} | ${mdCell(v!)} |`), "");
  }
  if (doc.status === "error") {
    out.push(`**无法审核**：${mdEscape(doc.error?.message ?? "未知错误")}`, "");
    return out;
  }
  if (doc.findings.length === 0) {
    out.push(`**${NO_FINDINGS}。**`, "");
    return out;
  }
  out.push("### 汇总", "", ...summaryTable(doc.findings, rules), "");
  out.push(`共 ${doc.findings.length} 条：${countsLine(countFindings(doc.findings))}。`, "");
  out.push("### 问题明细", "");
  sortFindings(doc.findings).forEach((f, i) => out.push(...renderFinding(f, i + 1, rules, places), ""));
  return out;
}

function summaryTable(findings: Finding[], rules: RuleMeta[]): string[] {
  const ids = orderRuleIds(findings.map((f) => f.rule), rules);
  const head = ["规则", "名称", ...SEVERITIES.map((s) => SEVERITY_LABEL[s]), SUPPRESSED_LABEL, "合计"];
  const rows = ids.map((id) => {
    const fs = findings.filter((f) => f.rule === id);
    const by = (s: Severity) => fs.filter((f) => !f.suppressed && f.severity === s).length;
    return [
      `\`${id}\``,
      mdCell(ruleTitle(rules, id)),
      ...SEVERITIES.map((s) => String(by(s))),
      String(fs.filter((f) => f.suppressed).length),
      String(fs.length),
    ];
  });
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`);
}

function renderFinding(f: Finding, n: number, rules: RuleMeta[], places: Places | undefined): string[] {
  const level = f.suppressed
    ? `${SEVERITY_LABEL[f.severity]}·${SUPPRESSED_LABEL}`
    : SEVERITY_LABEL[f.severity];
  const out = [`#### ${n}. 【${level}】${mdEscape(ruleTitle(rules, f.rule))}（\`${f.rule}\`）`, ""];
  out.push(mdEscape(f.message), "");
  for (const e of f.evidence) {
    out.push(`- 位置：${mdEscape(locationLabel(e, places))}`, "");
    if (e.quote) out.push(blockquote(e.quote), "");
  }
  const c = comparison(f);
  const rows: [string, string | undefined][] = [["陈述值", c.stated], ["计算值", c.computed], [
    "计算方式",
    c.formula,
  ]];
  for (const [k, v] of rows) if (v !== undefined) out.push(`- ${k}：${mdEscape(v)}`);
  if (f.hint) out.push(`- 修改建议：${mdEscape(f.hint)}`);
  if (f.suppressed) out.push(`- 豁免理由：${mdEscape(f.suppressed.reason)}`);
  return out;
}
