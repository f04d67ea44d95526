/** readWithMammoth + buildDocument on the sample report (deno task bench bench/mammoth_bench.ts). */
import { readWithMammoth } from "../src/ingest/mammoth-reader.ts";
import { buildDocument } from "../src/ingest/build.ts";
import { unzipXmlParts } from "../src/ingest/zip.ts";

const bytes = await Deno.readFile(
  new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url),
);
const parts = unzipXmlParts(bytes, "sample.docx");
const raw = await readWithMammoth(parts);

Deno.bench("readWithMammoth + buildDocument (sample)", async () => {
  buildDocument(await readWithMammoth(parts));
});
Deno.bench("buildDocument only (sample)", () => {
  buildDocument(raw);
});
