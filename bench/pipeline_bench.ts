/**
 * Per-stage cost of an audit on the sample: ingest (each reader), extract, all checks, and the whole audit.
 *   deno task bench bench/pipeline_bench.ts
 */
import { checkContext } from "../src/testing/context.ts";
import mammoth from "mammoth";
import { readDocument } from "../src/ingest/index.ts";
import { extract } from "../src/extract/index.ts";
import { runChecks } from "../src/audit.ts";
import { RULES } from "../checks/index.ts";
import { DEFAULT_CONFIG } from "../src/model/config.ts";

const file = new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
const bytes = await Deno.readFile(file);
const doc = await readDocument(bytes, { file: file.pathname });
const extraction = extract(doc);

Deno.bench("ingest (ooxml reader)", { group: "stages", baseline: true }, async () => {
  await readDocument(bytes, { file: "sample.docx", reader: "ooxml" });
});
Deno.bench("ingest (mammoth reader)", { group: "stages" }, async () => {
  await readDocument(bytes, { file: "sample.docx", reader: "mammoth" });
});
Deno.bench("mammoth convertToHtml alone (yardstick)", { group: "stages" }, async () => {
  await mammoth.convertToHtml({ buffer: bytes } as unknown as { path: string });
});
Deno.bench("ingest + extract (ooxml)", { group: "stages" }, async () => {
  extract(await readDocument(bytes, { file: "sample.docx", reader: "ooxml" }));
});
Deno.bench("extract", { group: "stages" }, () => {
  extract(doc);
});
Deno.bench("all checks", { group: "stages" }, () => {
  runChecks(doc, extraction, DEFAULT_CONFIG);
});
Deno.bench("whole audit (ooxml: ingest + extract + checks)", { group: "stages" }, async () => {
  const d = await readDocument(bytes, { file: "sample.docx", reader: "ooxml" });
  runChecks(d, extract(d), DEFAULT_CONFIG);
});

for (const rule of RULES) {
  Deno.bench(rule.meta.id, { group: "rules" }, () => {
    rule.check(checkContext({ doc, extraction, config: DEFAULT_CONFIG }));
  });
}
