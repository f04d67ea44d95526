import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { readDocument } from "../../src/ingest/index.ts";
import { IngestError } from "../../src/ingest/errors.ts";
import { unzipDocx } from "../../src/ingest/zip.ts";
import { documentXml, makeDocx, p } from "./ooxml_helpers.ts";

async function codeOf(bytes: Uint8Array, file = "g.docx", reader?: "ooxml" | "mammoth"): Promise<string> {
  try {
    await readDocument(bytes, { file, reader });
    return "ok";
  } catch (e) {
    assert.ok(e instanceof IngestError, `not an IngestError: ${e}`);
    assert.match(e.message, new RegExp(file.replace(".", "\\.")), "the message names the file");
    return e.code;
  }
}

const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
  `<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
  `<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
const XXE = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>` +
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
  `<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;

Deno.test("entity expansion (billion laughs) → unsafe-xml, with either reader", async () => {
  const bytes = makeDocx({ body: "", documentXml: LAUGHS });
  assert.equal(await codeOf(bytes), "unsafe-xml");
  assert.equal(await codeOf(bytes, "g.docx", "mammoth"), "unsafe-xml");
});

Deno.test("external entity (XXE) → unsafe-xml", async () => {
  assert.equal(await codeOf(makeDocx({ body: "", documentXml: XXE })), "unsafe-xml");
});

Deno.test("a DOCTYPE in styles.xml is refused too", async () => {
  const bytes = makeDocx({
    body: p("正文"),
    extra: { "word/styles.xml": `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "b">]><w:styles/>` },
  });
  assert.equal(await codeOf(bytes), "unsafe-xml");
});

Deno.test("nesting deeper than the limit → unsafe-xml; just under it reads", async () => {
  const nest = (n: number) =>
    "<w:sdt><w:sdtContent>".repeat(n) + p("深") + "</w:sdtContent></w:sdt>".repeat(n);
  // document/body/p/r/t = 5 levels around the nest; 2 per sdt
  assert.equal(await codeOf(makeDocx({ body: nest(130) })), "unsafe-xml");
  assert.equal(await codeOf(makeDocx({ body: nest(120) })), "ok");
});

Deno.test("malformed XML → bad-xml", async () => {
  assert.equal(await codeOf(makeDocx({ body: "<w:p><w:r><w:t>未闭合</w:r></w:p>" })), "bad-xml");
});

/** Rewrite the uncompressed size recorded in the central directory for `name`. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nl = view.getUint16(i + 28, true);
    if (nl === nameBytes.length && nameBytes.every((b, k) => out[i + 46 + k] === b)) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error("entry not found");
}

Deno.test("declared uncompressed size over the limit → unsafe-zip (nothing inflated)", async () => {
  const bytes = patchDeclaredSize(makeDocx({ body: p("正文") }), "word/document.xml", 300 * 1024 * 1024);
  assert.equal(await codeOf(bytes), "unsafe-zip");
});

Deno.test("compression ratio over the limit on a large part → unsafe-zip; a normal ratio reads", async () => {
  const zeros = new Uint8Array(12 * 1024 * 1024); // deflates ~1000:1
  const bomb = zipSync({
    "word/document.xml": new TextEncoder().encode(documentXml(p("x"))),
    "word/styles.xml": zeros,
  });
  assert.equal(await codeOf(bomb), "unsafe-zip");
  // the same ratio on a media file is irrelevant: media are never inflated
  const media = zipSync({
    "word/document.xml": new TextEncoder().encode(documentXml(p("正文"))),
    "word/media/a.bin": zeros,
  });
  assert.equal(await codeOf(media), "ok");
});

Deno.test("a part that inflates beyond its declared size is refused (size lie), with either reader", async () => {
  const big = new TextEncoder().encode(documentXml(p("正文".repeat(1000))));
  const bytes = patchDeclaredSize(zipSync({ "word/document.xml": big }), "word/document.xml", 100);
  assert.throws(() => unzipDocx(bytes, "g.docx"), (e) => e instanceof IngestError && e.code === "unsafe-zip");
  assert.equal(await codeOf(bytes), "unsafe-zip");
  assert.equal(await codeOf(bytes, "g.docx", "mammoth"), "unsafe-zip");
});

Deno.test("unzipDocx keeps only the XML parts it reads", () => {
  const parts = unzipDocx(
    makeDocx({ body: p("正文"), styles: "", extra: { "word/media/image1.png": new Uint8Array(10) } }),
    "g.docx",
  );
  assert.deepEqual(Object.keys(parts).sort(), ["word/document.xml", "word/styles.xml"]);
});
