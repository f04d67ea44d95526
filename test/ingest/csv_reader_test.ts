import { deepStrictEqual as eq, ok, strictEqual, throws } from "node:assert";
import { readCsv } from "../../src/ingest/csv-reader.ts";
import { buildDocument } from "../../src/ingest/build.ts";
import { IngestError } from "../../src/ingest/errors.ts";
import { Document } from "../../src/model/document.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const cells = (bytes: Uint8Array) => {
  const raw = readCsv(bytes, "t.csv");
  const t = raw.blocks[0];
  return t.kind === "table" ? t.rows.map((r) => r.map((c) => c.paragraphs.join("\n"))) : [];
};

Deno.test("readCsv: UTF-8 with and without BOM, quoted fields, ragged rows padded by the builder", () => {
  const text = '指标,分值,得分\n"A11,目标",2,"1.5"\n合计,100\n';
  eq(cells(enc(text)), [["指标", "分值", "得分"], ["A11,目标", "2", "1.5"], ["合计", "100"]]);
  eq(cells(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)])), cells(enc(text)));
  const doc = buildDocument(readCsv(enc(text), "t.csv"));
  Document.parse(doc);
  const t = doc.blocks[0];
  eq(t.kind === "table" && [t.rowCount, t.colCount, t.grid[2][2].text], [3, 3, ""]);
});

Deno.test("readCsv: GB18030 (Chinese Excel) decoded, with an info diagnostic", () => {
  // "指标,得分\n合计,96" in GBK
  const gbk = new Uint8Array([
    0xd6,
    0xb8,
    0xb1,
    0xea,
    0x2c,
    0xb5,
    0xc3,
    0xb7,
    0xd6,
    0x0a,
    0xba,
    0xcf,
    0xbc,
    0xc6,
    0x2c,
    0x39,
    0x36,
  ]);
  eq(cells(gbk), [["指标", "得分"], ["合计", "96"]]);
  strictEqual(readCsv(gbk, "t.csv").diagnostics[0].code, "csv-encoding");
  eq(cells(enc("指标\n合计")), [["指标"], ["合计"]]);
});

Deno.test("readCsv: empty or unparseable files throw bad-csv naming the file", () => {
  for (const bytes of [new Uint8Array(), enc("\n , \n\n")]) {
    throws(() => readCsv(bytes, "空表.csv"), (e: unknown) => {
      ok(e instanceof IngestError);
      strictEqual(e.code, "bad-csv");
      ok(e.message.includes("空表.csv") && e.message.includes("没有任何数据行"));
      return true;
    });
  }
  throws(
    () => readCsv(enc('a,b\n"unclosed,1\n'), "坏.csv"),
    (e: unknown) => e instanceof IngestError && e.code === "bad-csv" && e.message.includes("坏.csv"),
  );
});
