/**
 * 审核结果.xlsx: what a reviewer keeps of a batch. Three sheets, Chinese throughout:
 * - 汇总: one row per document (unit, year, kind, status, counts, stated score and grade, main problems,
 *   links to its HTML report and annotated copy);
 * - 问题清单: one row per finding (rule name and id, severity, message, quote, place, stated, computed, 修改建议),
 *   with a filter on every column and the header frozen;
 * - 未处理文件: every path found and not audited, or that failed, and why.
 * Every cell holding document text or a file name is a plain string defused like a CSV cell (csvCell: a
 * leading = + - @ gets an apostrophe), so that neither opening nor editing a cell makes it a formula;
 * no cell is ever written as a formula.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { DocumentResult } from "../model/report.ts";
import type { Finding, Severity } from "../model/finding.ts";
import { comparison, SEVERITIES, SEVERITY_LABEL, sortFindings } from "../render/common.ts";
import { csvCell } from "../render/escape.ts";
import { locationName, type Places } from "../render/place.ts";
import { ruleTitle } from "../render/rule-names.ts";
import { DEFAULT_TIME_ZONE, localTime, localTimeLabel } from "../render/time.ts";
import { TOOL } from "../audit.ts";
import type { Ignored } from "./discover.ts";
import { annotatedRel, reportRel } from "./names.ts";
import type { Store } from "./store.ts";

export interface WorkbookOptions {
  /** When the workbook is written (default: now). */
  now?: Date;
  /** IANA time zone of every time in the workbook (default Asia/Shanghai). */
  timeZone?: string;
  /** Paths seen and not audited (this run's walk), and outputs that could not be written. */
  ignored?: Ignored[];
  /** Annotated copies were asked for: link them from 汇总. */
  annotate?: boolean;
  /** The output folder (links are relative to it; an annotated copy is linked only when it is there). */
  outDir?: string;
}

export const SHEETS = { summary: "汇总", findings: "问题清单", unprocessed: "未处理文件" } as const;

export const SUMMARY_HEADER = [
  "文件",
  "标题",
  "单位",
  "年度",
  "报告类型",
  "状态",
  "错误",
  "警告",
  "提示",
  "已豁免",
  "自评总分",
  "自评等级",
  "主要问题",
  "审核报告",
  "批注版",
  "审核时间",
];

export const FINDINGS_HEADER = [
  "文件",
  "单位",
  "规则",
  "规则号",
  "级别",
  "说明",
  "引文",
  "位置",
  "陈述值",
  "计算值",
  "修改建议",
  "豁免理由",
];

export const UNPROCESSED_HEADER = ["文件", "类别", "原因", "代码"];

/** Column widths (characters; a CJK character takes about two). */
const SUMMARY_WIDTHS = [28, 30, 18, 7, 10, 9, 6, 6, 6, 7, 9, 9, 44, 10, 11, 19];
const FINDINGS_WIDTHS = [24, 16, 14, 18, 8, 50, 40, 30, 12, 12, 36, 14];
const UNPROCESSED_WIDTHS = [40, 14, 80, 16];
/** Columns whose text wraps (1-based), per sheet. */
const SUMMARY_WRAP = [1, 2, 3, 13];
const FINDINGS_WRAP = [1, 2, 6, 7, 8, 9, 10, 11, 12];
const UNPROCESSED_WRAP = [1, 3];

/** How an error code is grouped for the reviewer. */
const CATEGORY: Record<string, string> = {
  "not-found": "无法读取",
  "unreadable": "无法读取",
  "unreadable-folder": "无法读取",
  "empty-file": "空文件",
  "empty-document": "空文件",
  "legacy-doc": "格式不支持",
  "legacy-xls": "格式不支持",
  "bad-doc": "文件损坏",
  "bad-pdf": "文件损坏",
  "needs-ocr": "需要文字识别",
  "convert-failed": "转换失败",
  "encrypted": "有密码保护",
  "not-docx": "格式不支持",
  "truncated-zip": "文件损坏",
  "missing-part": "文件损坏",
  "unsafe-zip": "不安全的文件",
  "unsafe-xml": "不安全的文件",
  "bad-xml": "文件损坏",
  "bad-csv": "文件损坏",
  "too-large": "文件过大",
  "timeout": "超时",
  "internal": "程序错误",
  "symlink-loop": "符号链接循环",
  "dangling-symlink": "符号链接无效",
  "symlink-folder": "链接的文件夹",
  "not-regular-file": "不是普通文件",
  "not-a-report": "不是报告文件",
  "lock-file": "临时锁文件",
  "hidden": "隐藏文件",
  "output-folder": "审核输出文件夹",
  "output-failed": "输出写入失败",
};

/** A text cell: always a string, defused (csvCell); null/undefined stay empty. */
function text(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  return csvCell(String(v));
}

/** A value from a finding's details: a finite number stays a number, anything else is defused text. */
function value(raw: unknown, shown: string | undefined): string | number | null {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  return text(shown);
}

interface DocRow {
  path: string;
  json: string;
  places: string | null;
  output_name: string | null;
  started_at: string | null;
}

/** The three most frequent problems, worst first: "错误·数据前后不一致×2；警告·重复段落×5". */
export function topProblems(findings: Finding[], max = 3): string {
  const counts = new Map<string, { severity: Severity; rule: string; n: number }>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const key = `${f.severity}\u0000${f.rule}`;
    const c = counts.get(key) ?? { severity: f.severity, rule: f.rule, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()]
    .sort((a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.n - a.n ||
      a.rule.localeCompare(b.rule)
    )
    .slice(0, max)
    .map((c) => `${SEVERITY_LABEL[c.severity]}·${ruleTitle(c.rule)}×${c.n}`)
    .join("；");
}

/** The total score and grade the report states for itself (document meta); blank when it states none. */
function scoreAndGrade(doc: DocumentResult): { score: number | null; grade: string | null } {
  const meta = doc.meta as { score?: number | null; grade?: string | null };
  return {
    score: typeof meta.score === "number" && Number.isFinite(meta.score) ? meta.score : null,
    grade: typeof meta.grade === "string" && meta.grade ? meta.grade : null,
  };
}

function styleSheet(ws: ExcelJS.Worksheet, widths: number[], wrap: number[], rows: number): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF3A5A8C" } };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.height = 22;
  for (let c = 1; c <= widths.length; c++) {
    ws.getColumn(c).alignment = wrap.includes(c) ? { wrapText: true, vertical: "top" } : { vertical: "top" };
  }
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows, 1), column: widths.length } };
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
  };
  // Wrapped rows get a height from their longest cell: not every spreadsheet app works it out on opening.
  const wrapSet = new Set(wrap);
  ws.eachRow((row, n) => {
    if (n === 1) return;
    let lines = 1;
    row.eachCell((cell, col) => {
      if (!wrapSet.has(col) || typeof cell.value !== "string") return;
      const perLine = Math.max(1, Math.floor((widths[col - 1] ?? 10) / 2));
      const count = cell.value.split("\n").reduce(
        (k, part) => k + Math.max(1, Math.ceil(displayChars(part) / perLine)),
        0,
      );
      lines = Math.max(lines, count);
    });
    row.height = Math.min(15 * lines + 3, 200);
  });
}

/** Width of text in CJK-character units (an ASCII character counts half). */
function displayChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

const SEVERITY_FILL: Record<Severity, string> = { error: "FFFFD6D6", warning: "FFFFF3C4", info: "FFDCEBFF" };

export async function writeWorkbook(store: Store, file: string, opts: WorkbookOptions = {}): Promise<void> {
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const now = opts.now ?? new Date();
  const wb = new ExcelJS.Workbook();
  wb.creator = `${TOOL.name} ${TOOL.version}`;
  wb.created = now;
  wb.modified = now;
  wb.title = "绩效自评报告审核结果";
  wb.description = `生成时间：${localTimeLabel(now, tz)}`;

  const summary = wb.addWorksheet(SHEETS.summary, { properties: { tabColor: { argb: "FF3A5A8C" } } });
  const findings = wb.addWorksheet(SHEETS.findings);
  const unprocessed = wb.addWorksheet(SHEETS.unprocessed);
  summary.addRow(SUMMARY_HEADER);
  findings.addRow(FINDINGS_HEADER);
  unprocessed.addRow(UNPROCESSED_HEADER);

  const exists = (rel: string) =>
    opts.outDir === undefined || Deno.statSync(path.join(opts.outDir, rel)).isFile;
  const there = (rel: string) => {
    try {
      return exists(rel);
    } catch {
      return false;
    }
  };

  const rows = store.db.prepare(
    `SELECT d.path, d.json, d.places, d.output_name, r.started_at FROM documents d
       LEFT JOIN runs r ON r.id = d.run_id ORDER BY (d.status = 'error') DESC, d.error_count DESC,
       d.warning_count DESC, d.info_count DESC, d.path`,
  ).iterate();
  for (const row of rows) {
    const d = row as unknown as DocRow;
    const doc = JSON.parse(d.json) as DocumentResult;
    const places = d.places ? JSON.parse(d.places) as Places : undefined;
    const counts = { error: 0, warning: 0, info: 0, suppressed: 0 };
    for (const f of doc.findings) f.suppressed ? counts.suppressed++ : counts[f.severity]++;
    const { score, grade } = scoreAndGrade(doc);
    const report = d.output_name ? reportRel(d.output_name) : null;
    const annotated = d.output_name && opts.annotate && /\.docx$/i.test(doc.file)
      ? annotatedRel(d.output_name)
      : null;
    const r = summary.addRow([
      text(doc.file),
      text(doc.meta.title),
      text(doc.meta.unit),
      doc.meta.year ?? null,
      text(doc.meta.kind),
      doc.status === "ok" ? "完成" : "未能审核",
      counts.error,
      counts.warning,
      counts.info,
      counts.suppressed,
      score,
      text(grade),
      doc.status === "ok" ? text(topProblems(doc.findings) || "未发现问题") : text(doc.error?.message),
      null,
      null,
      d.started_at ? localTime(new Date(d.started_at), tz) : null,
    ]);
    // Links to files this batch wrote: relative to the workbook, text defused like any other.
    if (report && there(report)) {
      r.getCell(14).value = { text: "打开报告", hyperlink: report, tooltip: text(report) ?? undefined };
      r.getCell(14).font = { color: { argb: "FF1565C0" }, underline: true };
    }
    if (annotated && there(annotated)) {
      r.getCell(15).value = {
        text: "打开批注版",
        hyperlink: annotated,
        tooltip: text(annotated) ?? undefined,
      };
      r.getCell(15).font = { color: { argb: "FF1565C0" }, underline: true };
    }
    if (doc.status === "error") {
      r.getCell(6).font = { color: { argb: "FFC62828" }, bold: true };
      unprocessed.addRow([
        text(doc.file),
        CATEGORY[doc.error?.code ?? ""] ?? "未能审核",
        text(doc.error?.message),
        text(doc.error?.code),
      ]);
    }
    for (const f of sortFindings(doc.findings)) {
      const c = comparison(f);
      const fr = findings.addRow([
        text(doc.file),
        text(doc.meta.unit),
        text(ruleTitle(f.rule)),
        text(f.rule),
        f.suppressed ? `${SEVERITY_LABEL[f.severity]}（已豁免）` : SEVERITY_LABEL[f.severity],
        text(f.message),
        text(f.evidence.map((e) => e.quote).join("\n")),
        text(f.evidence.map((e) => locationName(e, places)).join("\n")),
        value(f.details?.stated, c.stated),
        value(f.details?.computed, c.computed),
        text(f.hint),
        text(f.suppressed?.reason),
      ]);
      if (!f.suppressed) {
        fr.getCell(5).fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: SEVERITY_FILL[f.severity] },
        };
      }
    }
  }
  for (const g of opts.ignored ?? []) {
    unprocessed.addRow([text(g.path), CATEGORY[g.code] ?? "未审核", text(g.message), text(g.code)]);
  }

  styleSheet(summary, SUMMARY_WIDTHS, SUMMARY_WRAP, summary.rowCount);
  styleSheet(findings, FINDINGS_WIDTHS, FINDINGS_WRAP, findings.rowCount);
  styleSheet(unprocessed, UNPROCESSED_WIDTHS, UNPROCESSED_WRAP, unprocessed.rowCount);
  summary.getColumn(16).alignment = { horizontal: "center", vertical: "top" };

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const tmp = `${file}.tmp`;
  await Deno.writeFile(tmp, bytes);
  await Deno.rename(tmp, file);
}
