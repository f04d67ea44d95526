/**
 * `deno task reports`: audit the sample report(s) in samples/ and write reports/sample.<ext> in every format.
 * Output is deterministic (no timestamps, repo-relative paths), so the committed files can be checked with
 * test/render/reports_up_to_date_test.ts.
 */
import { auditBytes, TOOL } from "../audit.ts";
import { RULES } from "../../checks/index.ts";
import type { Document } from "../model/document.ts";
import { REPORT_SCHEMA } from "../model/report.ts";
import { EXTENSIONS, FORMATS, render, type RenderInput } from "../render/index.ts";

export const ROOT = new URL("../../", import.meta.url);
/** The sample audited into reports/, relative to the repository root. */
export const SAMPLE = "samples/xundian-hrss-2023-self-evaluation.docx";

export async function sampleInput(file = SAMPLE): Promise<RenderInput> {
  const bytes = await Deno.readFile(new URL(file, ROOT));
  const { result, audited } = await auditBytes(file, bytes);
  const documents = new Map<string, Document>();
  if (audited) documents.set(file, audited.doc);
  return {
    report: { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents: [result] },
    documents,
    rules: RULES.map((r) => r.meta),
    color: false,
  };
}

/** Every format's text, keyed by the file name under reports/. */
export async function buildReports(): Promise<Map<string, string>> {
  const input = await sampleInput();
  return new Map(FORMATS.map((f) => [`sample.${EXTENSIONS[f]}`, render(f, input)]));
}

if (import.meta.main) {
  const outDir = new URL("reports/", ROOT);
  await Deno.mkdir(outDir, { recursive: true });
  const reports = await buildReports();
  for (const [name, text] of reports) {
    await Deno.writeTextFile(new URL(name, outDir), text);
    console.log(`已写入 reports/${name}`);
  }
}
