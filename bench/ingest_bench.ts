/**
 * Ingest speed on the sample: OOXML reader vs mammoth reader, each through readDocument (sniff, zip
 * validation, reader, buildDocument).
 *   deno bench --unsafe-proto --allow-read --allow-env --allow-sys bench/ingest_bench.ts
 */
import { readDocument } from "../src/ingest/index.ts";
import { unzipDocx } from "../src/ingest/zip.ts";
import { readOoxml } from "../src/ingest/ooxml/index.ts";

const file = "samples/xundian-hrss-2023-self-evaluation.docx";
const bytes = await Deno.readFile(new URL(`../${file}`, import.meta.url));

Deno.bench(
  "ooxml: readDocument (unzip + saxes + buildDocument)",
  { group: "ingest", baseline: true },
  async () => {
    await readDocument(bytes, { file, reader: "ooxml" });
  },
);

Deno.bench(
  "mammoth: readDocument (unzip check + mammoth + cheerio + buildDocument)",
  { group: "ingest" },
  async () => {
    await readDocument(bytes, { file, reader: "mammoth" });
  },
);

Deno.bench("ooxml parts: unzip only", { group: "ooxml-parts" }, () => {
  unzipDocx(bytes, file);
});

const parts = unzipDocx(bytes, file);
Deno.bench("ooxml parts: XML → RawDocument only", { group: "ooxml-parts" }, () => {
  readOoxml(parts, file);
});
