/**
 * Bad input end to end: every way a file can fail to be a readable report gives an IngestError with its own
 * code and a Chinese message naming the file; awkward but valid files read fine.
 */
import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { readDocument } from "../../src/ingest/index.ts";
import { IngestError } from "../../src/ingest/errors.ts";
import { auditFile } from "../../src/audit.ts";
import { makeDocx, p, tbl, tc } from "./ooxml_helpers.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
const FIXTURES = new URL("../../samples/fixtures/", import.meta.url);

async function failure(bytes: Uint8Array, file: string): Promise<IngestError> {
  try {
    await readDocument(bytes, { file });
  } catch (e) {
    assert.ok(e instanceof IngestError, `expected an IngestError, got ${e}`);
    assert.ok(e.message.includes(file), `message names the file: ${e.message}`);
    assert.match(e.message, /[\u4e00-\u9fff]/, "message is Chinese");
    assert.match(e.message, /请/, "message says what to do");
    return e;
  }
  assert.fail(`${file} was read without error`);
}

/**
 * A minimal OLE2 compound file: header (magic, version, 512-byte sectors), one FAT sector and one
 * directory sector holding the given stream names (UTF-16LE, as OLE stores them).
 */
function ole2(names: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x3e, true); // minor version
  v.setUint16(0x1a, 3, true); // major version 3
  v.setUint16(0x1c, 0xfffe, true); // byte order
  v.setUint16(0x1e, 9, true); // sector shift: 512
  v.setUint16(0x20, 6, true); // mini sector shift
  v.setUint32(0x2c, 1, true); // one FAT sector
  v.setUint32(0x30, 1, true); // directory starts at sector 1
  v.setUint32(0x38, 4096, true); // mini stream cutoff
  v.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  v.setUint32(0x44, 0xfffffffe, true); // no DIFAT
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0): sector 0 is FAT, sector 1 is the directory chain end
  v.setUint32(512, 0xfffffffd, true);
  v.setUint32(516, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) v.setUint32(512 + i * 4, 0xffffffff, true);
  ["Root Entry", ...names].forEach((name, k) => {
    const at = 1024 + k * 128;
    for (let i = 0; i < name.length; i++) v.setUint16(at + i * 2, name.charCodeAt(i), true);
    v.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = k === 0 ? 5 : 2; // root storage / stream
  });
  return out;
}

Deno.test("a path that does not exist → status error, code not-found", async () => {
  const { result } = await auditFile("/nonexistent/报告.docx");
  assert.equal(result.status, "error");
  assert.equal(result.error?.code, "not-found");
  assert.match(result.error!.message, /报告\.docx/);
});

Deno.test("zero bytes → empty-file", async () => {
  assert.equal((await failure(new Uint8Array(0), "空.docx")).code, "empty-file");
});

Deno.test("a text file renamed .docx → not-docx; a PDF is named as such", async () => {
  const text = new TextEncoder().encode("这不是 Word 文档，只是文本。");
  assert.equal((await failure(text, "假的.docx")).code, "not-docx");
  // A PDF goes to the PDF reader whatever its extension; a broken one is named as a PDF.
  const pdf = await failure(new TextEncoder().encode("%PDF-1.7\n..."), "报告.docx");
  assert.equal(pdf.code, "bad-pdf");
  assert.match(pdf.message, /PDF/);
});

Deno.test("a real .docx cut in half → truncated-zip", async () => {
  const bytes = await Deno.readFile(SAMPLE);
  const e = await failure(bytes.subarray(0, bytes.length >> 1), "半截.docx");
  assert.equal(e.code, "truncated-zip");
  // near miss: the whole file reads
  assert.ok((await readDocument(bytes, { file: "完整.docx" })).blocks.length > 0);
});

Deno.test("a zip without word/document.xml → missing-part", async () => {
  const zip = zipSync({ "customXml/item1.xml": new TextEncoder().encode("<item/>") });
  assert.equal((await failure(zip, "表格.docx")).code, "missing-part");
});

Deno.test("an encrypted .docx (OLE2 with EncryptionInfo) → encrypted; without it → the .doc reader", async () => {
  const enc = await failure(ole2(["EncryptionInfo", "EncryptedPackage"]), "加密.docx");
  assert.equal(enc.code, "encrypted");
  assert.match(enc.message, /密码/);
  // A .doc goes to the Word 97 reader; this one has a directory but no Word structure behind it.
  const doc = await failure(ole2(["WordDocument", "1Table"]), "旧版.doc");
  assert.equal(doc.code, "bad-doc");
  assert.match(doc.message, /另存为/);
  // "EncryptionInfo" as ASCII (not the UTF-16 directory name) is not enough
  const ascii = ole2(["WordDocument"]);
  ascii.set(new TextEncoder().encode("EncryptionInfo"), 1400);
  assert.equal((await failure(ascii, "旧版2.doc")).code, "bad-doc");
});

Deno.test("a valid .docx without any text → empty-document", async () => {
  const blank = makeDocx({ body: "<w:p/>" + p("  ") + tbl([[tc(""), tc("")]]) });
  assert.equal((await failure(blank, "空白.docx")).code, "empty-document");
  const fixture = await Deno.readFile(new URL("empty.docx", FIXTURES));
  assert.equal((await failure(fixture, "empty.docx")).code, "empty-document");
  // near miss: one character of text in a table cell is a document
  const one = makeDocx({ body: tbl([[tc(""), tc("1")]]) });
  assert.equal((await readDocument(one, { file: "一格.docx" })).blocks.length, 1);
});

Deno.test("a 50 MB .docx full of stored media reads fast with bounded memory", async () => {
  const media = new Uint8Array(50 * 1024 * 1024);
  for (let i = 0; i < media.length; i += 65536) crypto.getRandomValues(media.subarray(i, i + 65536));
  const bytes = zipSync({
    "word/document.xml": new TextEncoder().encode(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
        `${p("一、部门概况", "")}${p("正文")}</w:body></w:document>`,
    ),
    "word/media/image1.bin": [media.subarray(0, 25 * 1024 * 1024), { level: 0 }],
    "word/media/image2.bin": [media.subarray(25 * 1024 * 1024), { level: 0 }],
  });
  assert.ok(bytes.length > 50 * 1024 * 1024);
  const rssBefore = Deno.memoryUsage().rss;
  const t0 = performance.now();
  const doc = await readDocument(bytes, { file: "大文件.docx" });
  const ms = performance.now() - t0;
  const grew = Deno.memoryUsage().rss - rssBefore;
  assert.equal(doc.blocks.length, 2);
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  assert.ok(grew < 40 * 1024 * 1024, `rss grew by ${(grew / 1024 / 1024).toFixed(0)} MB`);
});

Deno.test("a document without headings reads into one root section", async () => {
  const doc = await readDocument(makeDocx({ body: p("第一段正文。") + p("第二段正文。") }), {
    file: "无标题.docx",
  });
  assert.deepEqual(Object.keys(doc.sections), ["s0"]);
  assert.deepEqual(doc.sections.s0.blocks, [0, 1]);
  const fixture = await readDocument(await Deno.readFile(new URL("no-headings.docx", FIXTURES)), {
    file: "no-headings.docx",
  });
  assert.ok(fixture.blocks.every((b) => b.kind !== "heading"));
});

Deno.test(".csv goes to the CSV reader by extension; the same bytes as .docx are not a Word file", async () => {
  const csv = new TextEncoder().encode("指标,分值,得分\n产出,10,9\n");
  const doc = await readDocument(csv, { file: "指标.csv" });
  assert.equal(doc.blocks[0].kind, "table");
  assert.equal((await failure(csv, "指标.docx")).code, "not-docx");
});
