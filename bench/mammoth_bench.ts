/** readWithMammoth + buildDocument on the sample report (deno task bench bench/mammoth_bench.ts). */
import { readWithMammoth } from "../src/ingest/mammoth-reader.ts";
import { buildDocument } from "../src/ingest/build.ts";

const bytes = await Deno.readFile(
  new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url),
);
const raw = await readWithMammoth(bytes);

Deno.bench("readWithMammoth + buildDocument (sample)", async () => {
  buildDocument(await readWithMammoth(bytes));
});
Deno.bench("buildDocument only (sample)", () => {
  buildDocument(raw);
});
