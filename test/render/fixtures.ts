/** Hand-built reports and documents for the renderer tests (no reader, no rules needed). */
import { h, makeDoc, table } from "../helpers/doc.ts";
import type { Document } from "../../src/model/document.ts";
import type { Finding } from "../../src/model/finding.ts";
import type { AuditReport, DocumentResult } from "../../src/model/report.ts";
import type { RuleMeta } from "../../src/model/rule.ts";
import type { RenderInput } from "../../src/render/index.ts";

export const FILE = "samples/测试 报告.docx";

/** Text with every character the formats must escape. */
export const NASTY = '得分|9<b>&"分"\n第二行';

export function sampleDoc(): Document {
  return makeDoc([
    "某单位2023年度部门整体支出绩效自评报告",
    h(1, "一、部门概况"),
    "本单位共有在职人员32人，其中行政编制23人。",
    h(2, "（一）预算执行"),
    `预算执行率为98.5%，${NASTY}。`,
    table(
      [["指标", "分值", "得分"], ["A11", "10", "9"], ["A12", "10", "10"], ["合计", "100", "96"]],
      [{ row: 1, col: 1, rowspan: 2 }],
    ),
    h(1, "二、存在的问题"),
    "本单位共有在职人员32人，其中行政编制23人。",
  ], { title: "某单位2023年度部门整体支出绩效自评报告", year: 2023, unit: "某单位" });
}

export const RULES: RuleMeta[] = [
  {
    id: "sum-mismatch",
    severity: "error",
    title: "合计不符",
    messages: {},
    docs: {
      summary: "Table totals must equal the sum of their items.",
      rationale: "合计错误。",
      examples: [],
    },
  },
  {
    id: "duplicate-paragraph",
    severity: "warning",
    title: "重复段落",
    messages: {},
    docs: { summary: "Paragraphs repeated verbatim.", rationale: "复制粘贴。", examples: [] },
  },
  {
    id: "odd-quote",
    severity: "info",
    title: "特殊字符",
    messages: {},
    docs: { summary: "A quote with markup characters.", rationale: "测试转义。", examples: [] },
  },
];

export function sampleFindings(): Finding[] {
  return [
    {
      rule: "duplicate-paragraph",
      severity: "warning",
      message: "两处段落内容完全相同，疑为复制粘贴。",
      evidence: [
        { quote: "本单位共有在职人员32人", section: "一、部门概况", block: 2 },
        { quote: "本单位共有在职人员32人", section: "二、存在的问题", block: 7 },
      ],
      details: {},
    },
    {
      rule: "sum-mismatch",
      severity: "error",
      message: "表1合计得分96与各项之和19不符。",
      hint: "请核对合计行。",
      evidence: [{
        quote: "96",
        section: "一、部门概况 › （一）预算执行",
        block: 5,
        table: { index: 0, row: 3, col: 2 },
      }],
      details: { stated: 96, computed: 19, formula: "9 + 10", score: 96, grade: "优" },
    },
    {
      rule: "odd-quote",
      severity: "info",
      message: "引文含特殊字符 <script>alert(1)</script>",
      evidence: [{ quote: NASTY, section: "一、部门概况 › （一）预算执行", block: 4 }],
      details: { stated: "a|b", computed: "<c>" },
    },
    {
      rule: "unlisted-rule",
      severity: "warning",
      message: "引文不在原文中。",
      evidence: [{ quote: "原文中没有这句话", section: "一、部门概况", block: 2 }],
      details: {},
    },
    {
      rule: "sum-mismatch",
      severity: "error",
      message: "已豁免的问题。",
      evidence: [{
        quote: "A12",
        section: "一、部门概况 › （一）预算执行",
        block: 5,
        table: { index: 0, row: 2, col: 0 },
      }],
      details: {},
      suppressed: { reason: "口径不同，已与财政局确认" },
    },
  ];
}

export function docResult(findings: Finding[], file = FILE): DocumentResult {
  return {
    file,
    sha256: "ab".repeat(32),
    status: "ok",
    meta: {
      title: "某单位2023年度部门整体支出绩效自评报告",
      year: 2023,
      unit: "某单位",
      score: 96,
      grade: "优",
    },
    findings,
    diagnostics: [],
  };
}

export function errorResult(file = "samples/坏文件.docx"): DocumentResult {
  return {
    file,
    sha256: null,
    status: "error",
    error: { code: "not-docx", message: `文件 ${file} 不是有效的 .docx 文件。` },
    meta: { title: null, year: null, unit: null },
    findings: [],
    diagnostics: [],
  };
}

export function report(documents: DocumentResult[]): AuditReport {
  return { schema: "audit-report/1", tool: { name: "jixiao-audit", version: "0.1.0" }, documents };
}

export function sampleInput(findings = sampleFindings()): RenderInput {
  return {
    report: report([docResult(findings)]),
    documents: new Map([[FILE, sampleDoc()]]),
    rules: RULES,
  };
}

export function emptyInput(): RenderInput {
  return { report: report([docResult([])]), documents: new Map([[FILE, sampleDoc()]]), rules: RULES };
}
