/**
 * Issue 16, item 20 (ingest parts): UTF-16 CSV without a BOM is decoded as UTF-16 (it was read as GB18030
 * garbage with status ok), and document text used as a lookup key (w:jc="constructor") finds nothing instead
 * of Object.prototype's members.
 */
import assert from "node:assert/strict";
import { readDocument } from "../../src/ingest/index.ts";
import { utf16ByNuls } from "../../src/ingest/csv-reader.ts";
import { makeDocx, p } from "./ooxml_helpers.ts";

const TEXT = "一级指标,分值,得分\r\n产出指标,50,48.5\r\n效益指标,30,29\r\n";

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

for (const be of [false, true]) {
  Deno.test(`a UTF-16${be ? "BE" : "LE"} CSV without BOM is decoded as UTF-16`, async () => {
    const doc = await readDocument(utf16(TEXT, be), { file: "t.csv" });
    const t = doc.blocks[0];
    assert.equal(t.kind, "table");
    if (t.kind !== "table") return;
    assert.deepEqual(t.grid[1].map((c) => c.text), ["产出指标", "50", "48.5"]);
    assert.ok(doc.diagnostics.some((d) => d.message.includes(be ? "UTF-16BE" : "UTF-16LE")));
  });
}

Deno.test("UTF-8 and GB18030 bytes are not taken for UTF-16", () => {
  assert.equal(utf16ByNuls(new TextEncoder().encode(TEXT)), null);
  assert.equal(utf16ByNuls(new Uint8Array([0xb2, 0xfa, 0xb3, 0xf6, 0x2c, 0x35, 0x30])), null);
  assert.equal(utf16ByNuls(utf16(TEXT, false)), "utf-16le");
  assert.equal(utf16ByNuls(utf16(TEXT, true)), "utf-16be");
});

const PROTO_KEYS = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];

for (const reader of ["ooxml", "mammoth"] as const) {
  Deno.test(`${reader}: w:jc values named like Object.prototype members give no alignment`, async () => {
    const body = PROTO_KEYS.map((k) => p(`段落${k}`, `<w:jc w:val="${k}"/>`)).join("") +
      p("居中", '<w:jc w:val="center"/>');
    const styles = `<w:style w:type="paragraph" w:styleId="s1"><w:name w:val="x"/>` +
      `<w:pPr><w:jc w:val="constructor"/></w:pPr></w:style>`;
    const doc = await readDocument(
      makeDocx({ body: body + p("样式", '<w:pStyle w:val="s1"/>'), styles }),
      { file: "j.docx", reader },
    );
    for (const b of doc.blocks) {
      if (b.kind !== "paragraph" && b.kind !== "heading") continue;
      const align = (b as { align?: unknown }).align;
      assert.ok(
        align === undefined || align === "left" || align === "center",
        `${b.text}: align ${String(align)}`,
      );
      if (b.text === "居中") assert.equal(align, "center");
    }
  });
}
