/**
 * summary.md, summary.csv and the compacted results.jsonl, regenerated from the database so that a resumed
 * (or merged) run covers every document, not only the ones audited last.
 */
import Papa from "papaparse";
import { REPORT_SCHEMA } from "../model/report.ts";
import { TOOL } from "../audit.ts";
import { ruleTitle } from "../render/rule-names.ts";
import { DEFAULT_TIME_ZONE, localTimeLabel } from "../render/time.ts";
import type { Ignored } from "./discover.ts";
import type { Store } from "./store.ts";
import { openTextWriter } from "./files.ts";
import { csvValue, escapeMarkdownCell, quoteText } from "../render/escape.ts";

/** Rows shown in summary.md's ranking; summary.csv has them all. */
const MD_TOP = 200;
const CSV_CHUNK = 500;

interface RankedDoc {
  path: string;
  title: string | null;
  year: number | null;
  unit: string | null;
  status: string;
  error_code: string | null;
  error_message: string | null;
  error_count: number;
  warning_count: number;
  info_count: number;
  rules: string | null;
}

const RANKED_SQL = `
SELECT d.path, d.title, d.year, d.unit, d.status, d.error_code, d.error_message,
  d.error_count, d.warning_count, d.info_count,
  (SELECT GROUP_CONCAT(rule || '×' || n, '；') FROM
     (SELECT rule, COUNT(*) AS n FROM findings f WHERE f.document_id = d.id AND f.suppressed = 0
      GROUP BY rule ORDER BY n DESC, rule)) AS rules
FROM documents d
ORDER BY (d.status = 'error') DESC, d.error_count DESC, d.warning_count DESC, d.info_count DESC, d.path`;

/** Document text and file names as inert Markdown (no HTML, no links), on one line. */
function mdCell(v: unknown): string {
  return escapeMarkdownCell(String(v ?? ""));
}

function statusText(status: string): string {
  return status === "ok" ? "完成" : "失败";
}

/** "sum-mismatch×3；typo×1" (the database's GROUP_CONCAT) with Chinese rule names: "合计不符×3；错别字×1". */
export function rulesInChinese(rules: string | null): string | null {
  if (!rules) return rules;
  return rules.split("；").map((part) => {
    const at = part.lastIndexOf("×");
    return at < 0 ? ruleTitle(part) : `${ruleTitle(part.slice(0, at))}${part.slice(at)}`;
  }).join("；");
}

export interface SummaryOptions {
  /** When the summary is written (default: now). */
  now?: Date;
  /** IANA time zone of the times shown (default Asia/Shanghai). */
  timeZone?: string;
  /** Paths seen and not audited, with why (this run's walk). */
  ignored?: Ignored[];
}

export function writeSummaryMd(store: Store, file: string, opts: SummaryOptions = {}): void {
  const out = openTextWriter(file, "truncate");
  const w = out.write;
  try {
    const c = store.counts();
    const when = localTimeLabel(opts.now ?? new Date(), opts.timeZone ?? DEFAULT_TIME_ZONE);
    w(`# 绩效自评报告批量审核汇总\n\n`);
    w(`- 生成时间：${when}\n- 工具：${TOOL.name} ${TOOL.version}\n`);
    w(`- 文档：${c.documents} 份（完成 ${c.ok}，失败 ${c.error}）\n`);
    w(`- 问题：错误 ${c.findings.error}，警告 ${c.findings.warning}，提示 ${c.findings.info}（不含已豁免）\n\n`);

    w(`## 文档排名（按错误数）\n\n`);
    w(`| 排名 | 文件 | 标题 | 状态 | 错误 | 警告 | 提示 | 主要问题 |\n|---:|---|---|---|---:|---:|---:|---|\n`);
    let rank = 0;
    for (const row of store.db.prepare(`${RANKED_SQL} LIMIT ${MD_TOP}`).iterate()) {
      const d = row as unknown as RankedDoc;
      const what = d.status === "ok" ? rulesInChinese(d.rules) : `${d.error_code}：${d.error_message}`;
      w(
        `| ${++rank} | ${mdCell(d.path)} | ${mdCell(d.title)} | ${
          statusText(d.status)
        } | ${d.error_count} | ` +
          `${d.warning_count} | ${d.info_count} | ${mdCell(what)} |\n`,
      );
    }
    if (c.documents > MD_TOP) w(`\n仅列出前 ${MD_TOP} 份，完整列表见 summary.csv。\n`);

    w(`\n## 规则统计\n\n| 规则 | 规则号 | 错误 | 警告 | 提示 | 涉及文档 |\n|---|---|---:|---:|---:|---:|\n`);
    const rules = store.db.prepare(
      `SELECT rule, SUM(severity = 'error') AS e, SUM(severity = 'warning') AS w, SUM(severity = 'info') AS i,
         COUNT(DISTINCT document_id) AS docs
       FROM findings WHERE suppressed = 0 GROUP BY rule ORDER BY COUNT(*) DESC, rule`,
    ).all() as { rule: string; e: number; w: number; i: number; docs: number }[];
    for (const r of rules) {
      w(`| ${mdCell(ruleTitle(r.rule))} | ${mdCell(r.rule)} | ${r.e} | ${r.w} | ${r.i} | ${r.docs} |\n`);
    }
    if (rules.length === 0) w(`| （无） | | 0 | 0 | 0 | 0 |\n`);

    w(`\n## 处理失败的文件\n\n`);
    let failed = 0;
    for (
      const row of store.db.prepare(
        "SELECT path, error_code, error_message FROM documents WHERE status = 'error' ORDER BY path",
      ).iterate()
    ) {
      const d = row as { path: string; error_code: string; error_message: string };
      if (failed++ === 0) w(`| 文件 | 错误代码 | 说明 |\n|---|---|---|\n`);
      w(`| ${mdCell(d.path)} | ${mdCell(d.error_code)} | ${mdCell(d.error_message)} |\n`);
    }
    if (failed === 0) w(`无。\n`);

    const ignored = opts.ignored ?? [];
    w(`\n## 未审核的文件\n\n`);
    if (ignored.length === 0) w(`无。\n`);
    else {
      w(`以下路径在输入中找到，但不是报告或未能写出审核结果（审核结果.xlsx 的“未处理文件”表同样列出）：\n\n`);
      w(`| 文件 | 原因 |\n|---|---|\n`);
      for (const g of ignored) w(`| ${mdCell(g.path)} | ${mdCell(g.message)} |\n`);
    }
  } finally {
    out.close();
  }
}

const CSV_FIELDS = [
  "排名",
  "文件",
  "标题",
  "年度",
  "单位",
  "状态",
  "错误代码",
  "错误数",
  "警告数",
  "提示数",
  "问题规则",
  "说明",
];

export function writeSummaryCsv(store: Store, file: string): void {
  const out = openTextWriter(file, "truncate");
  const w = out.write;
  try {
    const csv = { newline: "\r\n", quotes: quoteText };
    w("\ufeff" + Papa.unparse([CSV_FIELDS], { newline: "\r\n" }) + "\r\n");
    let rank = 0;
    let chunk: unknown[][] = [];
    const flush = () => {
      if (chunk.length) w(Papa.unparse(chunk, csv) + "\r\n");
      chunk = [];
    };
    for (const row of store.db.prepare(RANKED_SQL).iterate()) {
      const d = row as unknown as RankedDoc;
      // Counts, rank and year are numbers we produce; every text cell is defused (csvValue).
      chunk.push([
        ++rank,
        d.path,
        d.title,
        d.year,
        d.unit,
        statusText(d.status),
        d.error_code,
        d.error_count,
        d.warning_count,
        d.info_count,
        rulesInChinese(d.rules),
        d.error_message,
      ].map(csvValue));
      if (chunk.length >= CSV_CHUNK) flush();
    }
    flush();
  } finally {
    out.close();
  }
}

/** One line per stored document, in path order (replaces the lines appended while the run went on). */
export function writeJsonl(store: Store, file: string): void {
  const tmp = `${file}.tmp`;
  const out = openTextWriter(tmp, "truncate");
  try {
    for (const row of store.results()) out.write(jsonlLine(row.json, row.tool_version) + "\n");
  } finally {
    out.close();
  }
  Deno.renameSync(tmp, file);
}

/** `{"schema":"audit-report/1","tool":{...},...DocumentResult}` from a stored result's JSON. */
export function jsonlLine(resultJson: string, toolVersion: string): string {
  const head = JSON.stringify({ schema: REPORT_SCHEMA, tool: { name: TOOL.name, version: toolVersion } });
  return resultJson === "{}" ? head : `${head.slice(0, -1)},${resultJson.slice(1)}`;
}
