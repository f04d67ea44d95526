/**
 * Issue 16, item 16: a table or CSV of 40 000 rows crashed extraction ("Maximum call stack size exceeded",
 * a spread push of every figure of the table); a million rows took 40 s and 3.8 GB. Tables up to the limit
 * are audited; past it the file is refused with a Chinese message, whichever reader and format.
 */
import assert from "node:assert/strict";
import { auditBytes } from "../../src/audit.ts";
import { TABLE_LIMITS, TableTooLarge } from "../../src/ingest/limits.ts";
import { resolveGrid } from "../../src/ingest/grid.ts";
import type { RawTable } from "../../src/model/raw.ts";
import { makeDocx, tbl, tc } from "./ooxml_helpers.ts";

const enc = new TextEncoder();

function csv(rows: number, cols: number): Uint8Array {
  const lines = ["项目,指标," + Array.from({ length: cols }, (_, k) => `数值${k + 1}`).join(",")];
  for (let r = 0; r < rows; r++) {
    lines.push(
      `项目${r},指标${r % 7},` + Array.from({ length: cols }, (_, k) => `${(r * 7 + k) % 1000}`).join(","),
    );
  }
  return enc.encode(lines.join("\n"));
}

Deno.test("a CSV at the row limit with 200 000 numeric cells is read and extracted (no stack overflow)", async () => {
  // Extraction is where the spread push overflowed; the rules' own scaling is measured in bench/.
  const { result, audited } = await auditBytes("big.csv", csv(TABLE_LIMITS.maxRows - 1, 10), { rules: [] });
  assert.equal(result.status, "ok", result.error?.message ?? "");
  assert.ok(audited!.extraction.figures.length > 150_000);
});

Deno.test("a CSV of 40 000 rows is refused as too-large with a Chinese message, not a crash", async () => {
  const { result } = await auditBytes("huge.csv", csv(40_000, 3));
  assert.equal(result.status, "error");
  assert.equal(result.error?.code, "too-large");
  assert.match(result.error!.message, /huge\.csv.*表格过大.*20000 行/);
});

Deno.test("a .docx table past the row limit is refused while reading", async () => {
  const row = [tc("1"), tc("2")].join("");
  const body = `<w:tbl>${`<w:tr>${row}</w:tr>`.repeat(TABLE_LIMITS.maxRows + 5)}</w:tbl>`;
  const bytes = makeDocx({ body });
  const { result } = await auditBytes("rows.docx", bytes);
  assert.equal(result.error?.code, "too-large");
  assert.match(result.error!.message, /rows\.docx/);
});

Deno.test("absurd column spans are refused before the grid is allocated", async () => {
  const wide = makeDocx({ body: tbl([[tc("合计", '<w:gridSpan w:val="100000000"/>')], [tc("1")]]) });
  const { result } = await auditBytes("wide.docx", wide);
  assert.equal(result.error?.code, "too-large");
  // Rows each spanning down to the end push every later row one column right: refused, not a hang.
  const stairs: RawTable = {
    kind: "table",
    origin: "body",
    rows: Array.from({ length: 5000 }, () => [{ paragraphs: ["x"], colspan: 1, rowspan: 10_000 }]),
  };
  assert.throws(() => resolveGrid(stairs), TableTooLarge);
});
