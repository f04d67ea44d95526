/** SARIF 2.1.0, for code-scanning viewers: one run, the rules as reportingDescriptors, one result a finding. */
// Types only: "sarif" maps to @types/sarif in deno.json (TypeScript refuses a specifier that names @types/).
import type { Location, Log, Notification, Region, ReportingDescriptor, Result } from "sarif";
import type { Evidence, Finding, Severity } from "../model/finding.ts";
import type { Document } from "../model/document.ts";
import { exampleText, type RuleMeta } from "../model/rule.ts";
import { comparison, type RenderInput } from "./common.ts";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Record<Severity, Result.level> = { error: "error", warning: "warning", info: "note" };

/** A repo-relative path as a URI reference: "/" separators, each segment percent-encoded. */
export function fileUri(file: string): string {
  return file.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  const d = meta.docs;
  return {
    id: meta.id,
    name: meta.title,
    shortDescription: { text: meta.title },
    fullDescription: { text: d.summary },
    help: {
      text: `${d.summary}\n${d.rationale}\n示例：${exampleText(d)}`,
      markdown: `${d.summary}\n\n${d.rationale}\n\n示例：${exampleText(d)}`,
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
  };
}

/** Line-like coordinates: the block is the "line"; the quote's offset in the block text the column. */
function location(file: string, e: Evidence, doc: Document | undefined): Location {
  const block = doc?.blocks[e.block];
  let text: string | undefined;
  if (block?.kind === "table") {
    text = e.table ? block.grid[e.table.row]?.[e.table.col]?.text : undefined;
  } else text = block?.text;
  const at = text !== undefined && e.quote ? text.indexOf(e.quote) : -1;
  const region: Region = {
    startLine: e.block + 1,
    ...(at >= 0 ? { startColumn: at + 1, endColumn: at + e.quote.length + 1 } : {}),
    ...(e.quote ? { snippet: { text: e.quote } } : {}),
  };
  const names = e.section ? e.section.split(" › ") : [];
  return {
    physicalLocation: { artifactLocation: { uri: fileUri(file) }, region },
    ...(e.section
      ? {
        logicalLocations: [{
          name: names[names.length - 1],
          fullyQualifiedName: e.section,
          kind: "namespace",
        }],
      }
      : {}),
    ...(e.table
      ? { properties: { table: e.table.index + 1, row: e.table.row + 1, col: e.table.col + 1 } }
      : {}),
  };
}

function result(file: string, f: Finding, ruleIndex: number, doc: Document | undefined): Result {
  const c = comparison(f);
  const props: Record<string, unknown> = {};
  if (c.stated !== undefined) props.stated = c.stated;
  if (c.computed !== undefined) props.computed = c.computed;
  if (c.formula !== undefined) props.formula = c.formula;
  if (f.hint) props.hint = f.hint;
  return {
    ruleId: f.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: f.evidence.length
      ? f.evidence.map((e) => location(file, e, doc))
      : [{ physicalLocation: { artifactLocation: { uri: fileUri(file) } } }],
    ...(f.suppressed ? { suppressions: [{ kind: "external", justification: f.suppressed.reason }] } : {}),
    ...(Object.keys(props).length ? { properties: props } : {}),
  };
}

export function renderSarif(input: RenderInput): string {
  const { report, documents } = input;
  const rules = [...input.rules];
  // A finding whose rule is not in the list (e.g. from an older config) still gets a descriptor.
  for (const f of report.documents.flatMap((d) => d.findings)) {
    if (!rules.some((r) => r.id === f.rule)) {
      rules.push({
        id: f.rule,
        severity: f.severity,
        title: f.rule,
        messages: {},
        docs: { summary: f.rule, rationale: "", examples: [] },
      });
    }
  }
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const d of report.documents) {
    if (d.status === "error") {
      notifications.push({
        level: "error",
        message: { text: d.error?.message ?? "无法读取文件" },
        descriptor: { id: d.error?.code ?? "error" },
        locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(d.file) } } }],
      });
    }
    for (const f of d.findings) {
      results.push(result(d.file, f, rules.findIndex((r) => r.id === f.rule), documents.get(d.file)));
    }
  }
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [{
      tool: {
        driver: { name: report.tool.name, version: report.tool.version, rules: rules.map(descriptor) },
      },
      invocations: [{
        executionSuccessful: notifications.length === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      }],
      artifacts: report.documents.map((d) => ({
        location: { uri: fileUri(d.file) },
        ...(d.sha256 ? { hashes: { "sha-256": d.sha256 } } : {}),
      })),
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
