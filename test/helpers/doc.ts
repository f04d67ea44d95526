/** Test helpers for documents: the spec builder (src/testing/doc-spec.ts) and the sample report. */
import type { Document } from "../../src/model/document.ts";
export { h, makeDoc, type Merge, table, toc } from "../../src/testing/doc-spec.ts";
export type { DocSpec as Spec } from "../../src/testing/doc-spec.ts";

let sample: Promise<Document> | undefined;

/** The sample report, read once per test process with the default reader. */
export function loadSample(): Promise<Document> {
  sample ??= (async () => {
    const { readDocument } = await import("../../src/ingest/index.ts");
    const file = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
    return readDocument(await Deno.readFile(file), { file: "xundian-hrss-2023-self-evaluation.docx" });
  })();
  return sample;
}
