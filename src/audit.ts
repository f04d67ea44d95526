/**
 * The pipeline, in one place: ingest → extract → checks → findings (with config applied).
 */
import { MAX_FILE_BYTES, readDocument, type ReaderName } from "./ingest/index.ts";
import { IngestError } from "./ingest/errors.ts";
import { extract } from "./extract/index.ts";
import { RULES } from "../checks/index.ts";
import type { FindingDraft, Rule, RuleMeta } from "./model/rule.ts";
import { Views } from "./analysis/views.ts";
import { resolveSeverity, ruleIsOff } from "./config/severity.ts";
import { ARCHIVE_RULE_METAS } from "./archive/rules.ts";
import type { Document } from "./model/document.ts";
import type { Extraction } from "./model/figure.ts";
import { type Config, DEFAULT_CONFIG } from "./model/config.ts";
import type { Finding } from "./model/finding.ts";
import type { DocumentResult } from "./model/report.ts";
import { sha256Hex } from "./util/hash.ts";

export const TOOL = { name: "jixiao-audit", version: "0.1.0" } as const;

/** The metas of every registered rule, in report order: what renderers, batch summaries and config need. */
export const RULE_METAS: readonly RuleMeta[] = RULES.map((r) => r.meta);

/**
 * RULE_METAS and the cross-document rules (src/archive/rules.ts): every id a configuration may name, in
 * report order.
 */
export const ALL_RULE_METAS: readonly RuleMeta[] = [...RULE_METAS, ...ARCHIVE_RULE_METAS];

export interface AuditOptions {
  config?: Config;
  reader?: ReaderName;
  /** Convert .doc/.wps/.xls with LibreOffice before reading (--convert-with-soffice). */
  convertWithSoffice?: boolean;
  rules?: Rule[];
}

export interface Audited {
  doc: Document;
  extraction: Extraction;
  views: Views;
  findings: Finding[];
}

/**
 * Run every enabled rule on a document; certainty, severities and suppressions are settled here. An
 * error is only ever a certain finding, whatever the rule or the configuration says.
 */
export function runChecks(
  doc: Document,
  extraction: Extraction,
  config: Config,
  rules: Rule[] = RULES,
  views: Views = new Views(doc, extraction, config),
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (ruleIsOff(config, rule.meta)) continue;
    for (const draft of rule.check({ doc, extraction, config, views })) {
      const finding = settle(rule.meta, draft, config, doc);
      if (!finding) continue;
      const s = config.suppress.find((x) =>
        (x.rule === rule.meta.id || rule.meta.replaces?.includes(x.rule)) &&
        finding.evidence.some((e) => e.quote.includes(x.quote) || x.quote.includes(e.quote))
      );
      findings.push(s ? { ...finding, suppressed: { reason: s.reason } } : finding);
    }
  }
  return findings;
}

/** The assumption stated when a certain finding rests on structure a reader inferred from page layout. */
export const LAYOUT_ASSUMPTION =
  "版式由PDF推断：段落跨页拼接或表格结构由版面还原，原文结构可能不同，请对照原文核实";

/**
 * Whether a piece of evidence rests on structure inferred from page layout: it is in a block marked
 * `inferred`, and, when the block records where pages were joined, the quote runs across such a join.
 */
function restsOnLayout(doc: Document, e: FindingDraft["evidence"][number]): boolean {
  const b = doc.blocks[e.block];
  if (!b?.inferred) return false;
  if (e.table || b.kind !== "paragraph" || !b.joins || e.quote === "") return true;
  for (let at = b.text.indexOf(e.quote); at >= 0; at = b.text.indexOf(e.quote, at + 1)) {
    if (b.joins.some((j) => at < j && j < at + e.quote.length)) return true;
  }
  return false;
}

/** A draft as a finding: its message checked against the rule's, its certainty and severity worked out. */
function settle(meta: RuleMeta, draft: FindingDraft, config: Config, doc?: Document): Finding | undefined {
  const spec = meta.messages[draft.messageId];
  if (!spec) throw new Error(`rule ${meta.id}: message "${draft.messageId}" is not in meta.messages`);
  const { severity: drafted, certainty: given, messageId, ...rest } = draft;
  let certainty = given ?? ("assumption" in draft.details ? "assumption" : spec.certainty ?? "certain");
  // A certain finding whose evidence touches a block marked `inferred` (PDF: a paragraph joined across a
  // page break, a table rebuilt without ruling lines or across pages) is only as sure as that inference.
  if (certainty === "certain" && doc && draft.evidence.some((e) => restsOnLayout(doc, e))) {
    certainty = "assumption";
    rest.details = { ...rest.details, assumption: LAYOUT_ASSUMPTION };
  }
  const severity = resolveSeverity(config, meta, messageId, certainty, drafted);
  if (severity === "off") return undefined;
  return { rule: meta.id, messageId, severity, certainty, ...rest };
}

export function auditDocument(doc: Document, opts: AuditOptions = {}): Audited {
  const config = opts.config ?? DEFAULT_CONFIG;
  const extraction = extract(doc);
  const views = new Views(doc, extraction, config);
  return { doc, extraction, views, findings: runChecks(doc, extraction, config, opts.rules, views) };
}

/** Audit bytes already read; never throws for bad input: the result carries status "error". */
export async function auditBytes(file: string, bytes: Uint8Array, opts: AuditOptions = {}): Promise<
  { result: DocumentResult; audited?: Audited }
> {
  const sha256 = await sha256Hex(bytes);
  try {
    const doc = await readDocument(bytes, {
      file,
      reader: opts.reader,
      convertWithSoffice: opts.convertWithSoffice,
    });
    const audited = auditDocument(doc, opts);
    withPages(doc, audited.findings);
    const config = opts.config ?? DEFAULT_CONFIG;
    return {
      audited,
      result: {
        file,
        sha256,
        status: "ok",
        meta: {
          ...resultMeta(doc.meta, config),
          ...audited.views.selfAssessment,
          coverage: audited.views.coverage,
        },
        findings: audited.findings,
        diagnostics: doc.diagnostics,
      },
    };
  } catch (e) {
    return { result: errorResult(file, sha256, e) };
  }
}

/**
 * The document's meta for the report; the configuration's year/unit stand in where the document has none,
 * and the configuration's unit is stronger than one only inferred from the body ("body:…").
 */
export function resultMeta(meta: Document["meta"], config: Config): DocumentResult["meta"] {
  const sources = { ...meta.sources };
  const configUnit = config.unit != null && (meta.unit === null || !!sources.unit?.startsWith("body:"));
  if (meta.year === null && config.year != null) sources.year = "config";
  if (configUnit) sources.unit = "config";
  return {
    title: meta.title,
    year: meta.year ?? config.year ?? null,
    unit: configUnit ? config.unit! : meta.unit,
    kind: meta.kind ?? null,
    sources,
  };
}

export async function auditFile(file: string, opts: AuditOptions = {}): Promise<
  { result: DocumentResult; audited?: Audited }
> {
  let bytes: Uint8Array;
  try {
    const refused = await refuseByStat(file);
    if (refused) return { result: errorResult(file, null, refused) };
    bytes = await Deno.readFile(file);
  } catch (e) {
    const err = e instanceof Deno.errors.NotFound
      ? new IngestError("not-found", `文件不存在：${file}。请检查路径是否正确。`, file)
      : new IngestError(
        "unreadable",
        `无法读取文件：${file}（${(e as Error).message}）。请确认它是文件且有读取权限。`,
        file,
      );
    return { result: errorResult(file, null, err) };
  }
  return auditBytes(file, bytes, opts);
}

/** Checked before reading: a pipe or device would block, an oversized file would be read whole. */
async function refuseByStat(file: string): Promise<IngestError | null> {
  const st = await Deno.stat(file);
  if (st.isDirectory) return null; // readFile gives the usual "unreadable" message
  if (!st.isFile) {
    return new IngestError(
      "unreadable",
      `${file} 不是普通文件（可能是管道、套接字或设备），未审核。请确认选择了正确的报告文件。`,
      file,
    );
  }
  if (st.size > MAX_FILE_BYTES) {
    return new IngestError(
      "too-large",
      `文件“${file}”有 ${(st.size / 1024 / 1024).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB ` +
        `的上限，未读取。请压缩或删除文档中的图片后另存为 .docx 再试。`,
      file,
    );
  }
  return null;
}

export function errorResult(file: string, sha256: string | null, e: unknown): DocumentResult {
  const err = e instanceof IngestError ? { code: e.code, message: e.message } : {
    code: "internal",
    message: `处理文件 ${file} 时发生内部错误：${
      (e as Error)?.message ?? e
    }。请将该文件与此信息反馈给开发者。`,
  };
  return {
    file,
    sha256,
    status: "error",
    error: err,
    meta: { title: null, year: null, unit: null },
    findings: [],
    diagnostics: [],
  };
}

/** Evidence in a document with pages (PDF) carries its block's page, for the places renderers show. */
function withPages(doc: Document, findings: Finding[]): void {
  for (const f of findings) {
    for (const e of f.evidence) {
      const page = doc.blocks[e.block]?.page;
      if (page !== undefined && e.page === undefined) e.page = page;
    }
  }
}
