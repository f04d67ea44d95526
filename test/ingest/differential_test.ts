/**
 * The two readers must agree: for the sample and every fixture, the OOXML reader and the mammoth reader give
 * the same blocks (kind and text) and the same table grids once built into a Document.
 *
 * Intended differences, normalised before comparing:
 * - list numbering: the OOXML reader renders Word's automatic numbering into listLabel; mammoth drops it.
 *   Labels are compared only on the OOXML side (they are checked in ooxml_test.ts), so `listLabel` is
 *   ignored and headings are compared by title text.
 * - text boxes: both readers place a text box's paragraphs right after the paragraph holding it, but only
 *   the OOXML reader marks them origin "textbox" (mammoth's HTML cannot tell); origins of body and text-box
 *   blocks are therefore not compared.
 * - footnote/endnote reference marks: mammoth writes a "[1]" link into the body text; the OOXML reader keeps
 *   the body text as written and gives the note its own block (origin footnote/endnote).
 */
import assert from "node:assert/strict";
import { readDocument, type ReaderName } from "../../src/ingest/index.ts";
import type { Block, Document } from "../../src/model/document.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
const FIXTURES = new URL("../../samples/fixtures/", import.meta.url);

function view(b: Block): string {
  switch (b.kind) {
    case "paragraph":
      return `P ${b.text}`;
    case "heading":
      return `H${b.level} ${b.text}`;
    case "table":
      return `T ${b.rowCount}x${b.colCount} ` +
        b.grid.map((r) => r.map((c) => `${c.anchorRow},${c.anchorCol}:${c.text}`).join(" | ")).join(" // ");
  }
}

async function read(bytes: Uint8Array, file: string, reader: ReaderName): Promise<Document | string> {
  try {
    return await readDocument(bytes, { file, reader });
  } catch (e) {
    return `error: ${(e as { code?: string }).code}`;
  }
}

async function compare(
  file: string,
  bytes: Uint8Array,
): Promise<{ ooxml: Document; mammoth: Document } | void> {
  const a = await read(bytes, file, "ooxml");
  const b = await read(bytes, file, "mammoth");
  if (typeof a === "string" || typeof b === "string") {
    return assert.equal(a, b, `${file}: both readers fail alike`);
  }
  const strip = (s: string) => s.replace(/\[\d+\]/g, ""); // mammoth's note reference marks
  const inFlow = (x: Block) => x.origin === "body" || x.origin === "textbox";
  const ours = a.blocks.filter(inFlow).map(view);
  const theirs = b.blocks.filter(inFlow).map((x) => strip(view(x)));
  assert.deepEqual(ours, theirs, `${file}: body blocks differ`);
  const notes = (d: Document) =>
    d.blocks.filter((x) => x.origin === "footnote" || x.origin === "endnote").map((x) =>
      x.kind === "table" ? "" : x.text
    );
  assert.deepEqual(notes(a).sort(), notes(b).map((t) => t.trim()).sort(), `${file}: notes differ`);
  return { ooxml: a, mammoth: b };
}

Deno.test("differential: the sample reads the same with both readers", async () => {
  const both = await compare("sample.docx", await Deno.readFile(SAMPLE));
  assert.ok(both, "the sample reads");
  // the comparison is not vacuous: the README's structure is there on both sides
  for (const d of [both.ooxml, both.mammoth]) {
    assert.equal(
      d.blocks.filter((x) => x.kind === "heading" && x.number.style !== "none").length >= 48,
      true,
    );
    assert.deepEqual(
      d.blocks.flatMap((x) => x.kind === "table" ? [`${x.rowCount}x${x.colCount}`] : []),
      ["7x5", "42x8", "34x5", "12x2"],
    );
  }
});

Deno.test("differential: text-box paragraphs are marked as such by the OOXML reader", async () => {
  const both = await compare("textbox.docx", await Deno.readFile(new URL("textbox.docx", FIXTURES)));
  assert.ok(both);
  assert.ok(both.ooxml.blocks.some((x) => x.origin === "textbox"));
});

Deno.test("differential: footnotes are compared, not skipped", async () => {
  const both = await compare("notes.docx", await Deno.readFile(new URL("notes.docx", FIXTURES)));
  assert.ok(both);
  assert.ok(both.ooxml.blocks.some((x) => x.origin === "footnote"));
  assert.ok(both.mammoth.blocks.some((x) => x.origin === "footnote"));
});

for (const entry of Deno.readDirSync(FIXTURES)) {
  if (!entry.name.endsWith(".docx")) continue;
  Deno.test(`differential: fixture ${entry.name}`, async () => {
    await compare(entry.name, await Deno.readFile(new URL(entry.name, FIXTURES)));
  });
}
