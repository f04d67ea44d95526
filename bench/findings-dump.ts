/**
 * Equivalence evidence for performance work: for each file, the hash of the ingested Document and of the
 * Extraction, the document meta, and every finding (grouped by rule), as one JSON file. Run it before and
 * after a change (e.g. from a copy of the tree) and compare the two outputs:
 *   deno run --unsafe-proto --allow-read --allow-write --allow-env --allow-sys bench/findings-dump.ts OUT.json FILE…
 * A folder argument stands for its .docx and .csv files.
 */
import { readDocument } from "../src/ingest/index.ts";
import { auditDocument } from "../src/audit.ts";
import { sha256Hex } from "../src/util/hash.ts";

const [out, ...args] = Deno.args;
const files: string[] = [];
for (const a of args) {
  if ((await Deno.stat(a)).isDirectory) {
    for await (const e of Deno.readDir(a)) {
      if (/\.(docx|csv)$/i.test(e.name)) files.push(`${a.replace(/\/$/, "")}/${e.name}`);
    }
  } else files.push(a);
}
files.sort();

const enc = new TextEncoder();
const hash = async (x: unknown) => (await sha256Hex(enc.encode(JSON.stringify(x)))).slice(0, 16);

const result: Record<string, unknown> = {};
for (const file of files) {
  const name = file.split("/").pop()!;
  try {
    const doc = await readDocument(await Deno.readFile(file), { file: name });
    const { extraction, findings, views } = auditDocument(doc);
    const byRule: Record<string, unknown[]> = {};
    for (const f of findings) (byRule[f.rule] ??= []).push(f);
    result[file] = {
      doc: await hash(doc),
      extraction: await hash(extraction),
      meta: doc.meta,
      selfAssessment: (views as unknown as { selfAssessment?: unknown }).selfAssessment ?? null,
      findings: byRule,
    };
  } catch (e) {
    result[file] = { error: String(e) };
  }
}
await Deno.writeTextFile(out, JSON.stringify(result, null, 1));
console.log(`${files.length} files → ${out}`);
