/** Formats are told by content, not extension, and named correctly in messages (issue 14). */
import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { formatName, oleStreamNames, sniff } from "../../src/ingest/sniff.ts";
import { readDocument } from "../../src/ingest/index.ts";
import { IngestError } from "../../src/ingest/errors.ts";
import { fixture } from "./formats_helpers.ts";

/** A minimal valid OLE2 compound file whose directory lists `names`. */
function ole2(names: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x1e, 9, true);
  v.setUint32(0x2c, 1, true);
  v.setUint32(0x30, 1, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  v.setUint32(512, 0xfffffffd, true);
  v.setUint32(516, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) v.setUint32(512 + i * 4, 0xffffffff, true);
  ["Root Entry", ...names].forEach((name, k) => {
    const at = 1024 + k * 128;
    for (let i = 0; i < name.length; i++) v.setUint16(at + i * 2, name.charCodeAt(i), true);
    v.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = k === 0 ? 5 : 2;
  });
  return out;
}

async function failure(bytes: Uint8Array, file: string): Promise<IngestError> {
  try {
    await readDocument(bytes, { file });
  } catch (e) {
    assert.ok(e instanceof IngestError, String(e));
    return e;
  }
  throw new Error("expected an IngestError");
}

Deno.test("sniff: OLE2 streams tell .doc, .xls and encrypted OOXML apart, whatever the extension", () => {
  assert.deepEqual(oleStreamNames(ole2(["WordDocument", "1Table"])), [
    "Root Entry",
    "WordDocument",
    "1Table",
  ]);
  assert.equal(sniff(ole2(["WordDocument", "1Table"]), "报告.xls"), "doc");
  assert.equal(sniff(ole2(["Workbook"]), "报告.doc"), "xls");
  assert.equal(sniff(ole2(["Book"]), "old.xls"), "xls");
  assert.equal(sniff(ole2(["EncryptionInfo", "EncryptedPackage"]), "a.docx"), "ole-encrypted");
  assert.equal(sniff(ole2(["PowerPoint Document"]), "a.ppt"), "ole-legacy");
});

Deno.test("sniff: zips by their parts; PDF by its header; a .wps is named as WPS", async () => {
  const enc = new TextEncoder();
  assert.equal(sniff(zipSync({ "word/document.xml": enc.encode("<w/>") }), "x.wps"), "docx");
  assert.equal(sniff(zipSync({ "xl/workbook.xml": enc.encode("<w/>") }), "x.docx"), "xlsx");
  assert.equal(sniff(zipSync({ "ppt/presentation.xml": enc.encode("<p/>") }), "x.docx"), "zip");
  assert.equal(sniff(await fixture("zipingbiao.xlsx"), "表.docx"), "xlsx");
  assert.equal(sniff(await fixture("zipingbiao.pdf"), "表.docx"), "pdf");
  assert.equal(sniff(await fixture("zipingbiao.wps"), "表.wps"), "doc");
  assert.match(formatName("doc", "表.wps"), /WPS/);
  assert.match(formatName("doc", "表.doc"), /Word 97-2003/);
  assert.match(formatName("docx", "伪装.wps"), /实为 \.docx/);
});

Deno.test("an .xlsx named .docx is read as a workbook, not called 'a zip without Word body'", async () => {
  const doc = await readDocument(await fixture("zipingbiao.xlsx"), { file: "自评表.docx" });
  assert.equal(doc.meta.reader, "xlsx");
});

Deno.test(".xls is refused with its own code and a Chinese message that says what to do", async () => {
  const e = await failure(ole2(["Workbook"]), "决算表.xls");
  assert.equal(e.code, "legacy-xls");
  assert.match(e.message, /决算表\.xls/);
  assert.match(e.message, /另存为/);
  assert.match(e.message, /--convert-with-soffice/);
});

Deno.test("a .doc whose Word structure is broken → bad-doc naming the format; a .wps as WPS", async () => {
  const doc = await failure(ole2(["WordDocument", "1Table"]), "旧版.doc");
  assert.equal(doc.code, "bad-doc");
  assert.match(doc.message, /Word 97-2003/);
  const wps = await failure(ole2(["WordDocument"]), "旧版.wps");
  assert.match(wps.message, /WPS 文字文档/);
});

Deno.test("other zips are named (PowerPoint), never 'no Word body' when they are something else", async () => {
  const pptx = zipSync({ "ppt/presentation.xml": new TextEncoder().encode("<p/>") });
  const e = await failure(pptx, "汇报.docx");
  assert.equal(e.code, "missing-part");
  assert.match(e.message, /PowerPoint/);
});
