/**
 * Issue 16, items 3 and 19: one zip layer with the limits serves both readers, and the mammoth reader
 * reports hostile or broken parts with the same codes and messages as the default reader.
 */
import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { readDocument, type ReaderName } from "../../src/ingest/index.ts";
import { IngestError } from "../../src/ingest/errors.ts";
import { readZip, unzipXmlParts, ZIP_LIMITS } from "../../src/ingest/zip.ts";
import { documentXml, makeDocx, p } from "./ooxml_helpers.ts";

const enc = new TextEncoder();
const MiB = 1024 * 1024;

async function errorOf(bytes: Uint8Array, reader: ReaderName): Promise<IngestError | "ok"> {
  try {
    await readDocument(bytes, { file: "z.docx", reader });
    return "ok";
  } catch (e) {
    assert.ok(e instanceof IngestError, `${reader}: not an IngestError: ${e}`);
    return e;
  }
}

async function codeOf(bytes: Uint8Array, reader: ReaderName): Promise<string> {
  const e = await errorOf(bytes, reader);
  return e === "ok" ? e : e.code;
}

/** Rewrite the uncompressed size the central directory records for `name`. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = enc.encode(name);
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

const RELS = "word/_rels/document.xml.rels";
const relsXml = (inner = "") =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `${inner}</Relationships>`;

Deno.test("mammoth: a rels part declared at 300 MiB is refused before inflating (unsafe-zip)", async () => {
  const bytes = patchDeclaredSize(
    makeDocx({ body: p("正文"), extra: { [RELS]: relsXml() } }),
    RELS,
    300 * MiB,
  );
  assert.equal(await codeOf(bytes, "mammoth"), "unsafe-zip");
  // The default reader never reads rels: nothing to refuse.
  assert.equal(await codeOf(bytes, "ooxml"), "ok");
});

Deno.test("mammoth: a rels bomb with a false small size stops at the declared size (unsafe-zip)", async () => {
  const bomb = new Uint8Array(24 * MiB).fill(0x20); // 24 MiB of spaces, ~24 KB deflated
  const zip = zipSync({
    "word/document.xml": enc.encode(documentXml(p("正文"))),
    [RELS]: bomb,
  });
  const bytes = patchDeclaredSize(zip, RELS, 1000);
  assert.ok(bytes.length < 100_000);
  const e = await errorOf(bytes, "mammoth");
  assert.ok(e !== "ok");
  assert.equal(e.code, "unsafe-zip");
  assert.match(e.message, /document\.xml\.rels/);
  assert.match(e.message, /声明/);
});

Deno.test("the same size lie in document.xml: both readers say unsafe-zip, not bad XML", async () => {
  const zip = zipSync({ "word/document.xml": enc.encode(documentXml(p("正文".repeat(5000)))) });
  const bytes = patchDeclaredSize(zip, "word/document.xml", 200);
  const a = await errorOf(bytes, "ooxml"), b = await errorOf(bytes, "mammoth");
  assert.ok(a !== "ok" && b !== "ok");
  assert.equal(a.code, "unsafe-zip");
  assert.equal(b.message, a.message);
});

Deno.test("entry count over the cap → unsafe-zip, before anything is inflated", async () => {
  const files: Record<string, Uint8Array> = { "word/document.xml": enc.encode(documentXml(p("正文"))) };
  for (let i = 0; i < ZIP_LIMITS.maxEntries; i++) files[`word/media/i${i}.bin`] = new Uint8Array(0);
  const bytes = zipSync(files, { level: 0 });
  for (const reader of ["ooxml", "mammoth"] as const) assert.equal(await codeOf(bytes, reader), "unsafe-zip");
});

Deno.test("total and per-part caps hold whatever the parts declare", () => {
  const part = new Uint8Array(3 * MiB).fill(0x20);
  const bytes = zipSync({ "word/document.xml": part, "word/styles.xml": part });
  const all = (n: string) => n;
  const limits = { ...ZIP_LIMITS, maxTotalBytes: 5 * MiB };
  assert.throws(() => readZip(bytes, "z.docx", all, limits), (e) => (e as IngestError).code === "unsafe-zip");
  const small = { ...ZIP_LIMITS, maxPartBytes: 2 * MiB };
  assert.throws(() => readZip(bytes, "z.docx", all, small), (e) => (e as IngestError).code === "unsafe-zip");
  assert.equal(readZip(bytes, "z.docx", all).get("word/styles.xml")?.length, 3 * MiB);
});

Deno.test("mammoth is handed only the XML parts, already inflated", () => {
  const bytes = makeDocx({
    body: p("正文"),
    extra: { [RELS]: relsXml(), "word/media/a.png": new Uint8Array(50), "mammoth/style-map": "p => h1" },
  });
  assert.deepEqual([...unzipXmlParts(bytes, "z.docx").keys()].sort(), [
    "[Content_Types].xml",
    RELS,
    "word/document.xml",
  ]);
});

const DOCTYPE_RELS = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>` +
  relsXml(`<Relationship Id="rId9" Type="t" Target="&x;"/>`).replace(/^<\?xml version="1.0"\?>/, "");

Deno.test("mammoth: DOCTYPE in a rels part → unsafe-xml naming the part", async () => {
  const bytes = makeDocx({ body: p("正文"), extra: { [RELS]: DOCTYPE_RELS } });
  const e = await errorOf(bytes, "mammoth");
  assert.ok(e !== "ok");
  assert.equal(e.code, "unsafe-xml");
  assert.match(e.message, /document\.xml\.rels/);
});

Deno.test("mammoth: malformed XML and deep nesting → the default reader's codes and messages", async () => {
  const nest = (n: number) =>
    "<w:sdt><w:sdtContent>".repeat(n) + p("深") + "</w:sdtContent></w:sdt>".repeat(n);
  const cases: [string, Uint8Array][] = [
    ["bad-xml", makeDocx({ body: "<w:p><w:r><w:t>未闭合</w:r></w:p>" })],
    ["bad-xml", makeDocx({ body: p("正文"), styles: "<w:style><w:name></w:style>" })],
    ["unsafe-xml", makeDocx({ body: nest(200) })],
    ["unsafe-xml", makeDocx({ body: p("正文"), extra: { "word/styles.xml": "<!DOCTYPE s><w:styles/>" } })],
  ];
  for (const [code, bytes] of cases) {
    const a = await errorOf(bytes, "ooxml"), b = await errorOf(bytes, "mammoth");
    assert.ok(a !== "ok" && b !== "ok", code);
    assert.equal(a.code, code);
    assert.equal(b.code, code);
    assert.equal(b.message, a.message);
  }
});

Deno.test("mammoth: malformed rels (the default reader skips it) → bad-xml, not internal", async () => {
  const bytes = makeDocx({ body: p("正文"), extra: { [RELS]: "<Relationships><Relationship" } });
  assert.equal(await codeOf(bytes, "mammoth"), "bad-xml");
  assert.equal(await codeOf(bytes, "ooxml"), "ok");
});
