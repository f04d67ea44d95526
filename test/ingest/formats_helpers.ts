/** Shared by the formats_* tests: the fixtures of test/fixtures/formats.ts and a document's table texts. */
import type { Document } from "../../src/model/document.ts";

export const FORMATS = new URL("../../samples/fixtures/formats/", import.meta.url);

export function fixture(name: string): Promise<Uint8Array> {
  return Deno.readFile(new URL(name, FORMATS));
}

/** Every table's grid as text, and every paragraph: what the checks see. */
export function shape(doc: Document): { paragraphs: string[]; tables: string[][][] } {
  return {
    paragraphs: doc.blocks.filter((b) => b.kind !== "table").map((b) => (b as { text: string }).text),
    tables: doc.blocks.flatMap((b) => (b.kind === "table" ? [b.grid.map((r) => r.map((c) => c.text))] : [])),
  };
}
