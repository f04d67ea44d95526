/**
 * Per-file costs outside the rules in a batch audit process: the HTML report and the archive entry of the
 * sample report, each rendered/built many times.
 *
 *   deno run -A bench/per-file.ts [rounds=40] [file.docx=the sample]
 */
import { auditFile, TOOL } from "../src/audit.ts";
import { type AuditReport, REPORT_SCHEMA } from "../src/model/report.ts";
import { render } from "../src/render/index.ts";
import { ruleMetas } from "../src/render/rule-names.ts";
import { archiveEntry, packEntry } from "../src/archive/entry.ts";

const SAMPLE = Deno.args[1] ??
  new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;
const rounds = Number(Deno.args[0] ?? 40);
const { result, audited } = await auditFile(SAMPLE);
if (!audited) throw new Error("sample not audited");
const report: AuditReport = { schema: REPORT_SCHEMA, tool: { ...TOOL }, documents: [result] };
const html = () =>
  render("html", { report, documents: new Map([[result.file, audited.doc]]), rules: ruleMetas() });
const entry = () => JSON.stringify(packEntry(archiveEntry(audited.doc, audited.extraction, result.meta)));

async function time(name: string, f: () => string): Promise<void> {
  for (let i = 0; i < 5; i++) f(); // warm-up
  const t0 = performance.now();
  let out = "";
  for (let i = 0; i < rounds; i++) out = f();
  const ms = (performance.now() - t0) / rounds;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(out)));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
  console.log(`${name}: ${ms.toFixed(2)} ms per file (${out.length} chars, sha256 ${hex}…)`);
}
await time("HTML report", html);
await time("archive entry", entry);
