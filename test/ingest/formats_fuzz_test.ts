/**
 * The .xlsx, .doc/.wps and PDF readers under the docx reader's fuzzing (issue 14): truncation, bit flips,
 * byte runs overwritten, and bombs (a sheet inflating past the zip limits, a sheet past the table limits).
 * Every case goes through auditBytes and must end in status ok or a structured error — never "internal" —
 * within a time limit. FORMAT_FUZZ_CASES and FUZZ_SEED override the defaults.
 */
import assert from "node:assert/strict";
import { unzipSync, zipSync } from "fflate";
import { auditBytes } from "../../src/audit.ts";
import { rng } from "../helpers/large-docx.ts";
import { fixture } from "./formats_helpers.ts";

const CASES = Number(Deno.env.get("FORMAT_FUZZ_CASES") ?? 60);
const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 14);
const CASE_LIMIT_MS = 20_000;

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);

const MUTATIONS: Record<string, (b: Uint8Array, r: Rand) => Uint8Array> = {
  truncate: (b, r) => b.slice(0, int(r, b.length)),
  bitflips(b, r) {
    const out = b.slice();
    for (let k = 1 + int(r, 16); k > 0; k--) out[int(r, out.length)] ^= 1 << int(r, 8);
    return out;
  },
  overwrite(b, r) {
    const out = b.slice();
    const at = int(r, out.length), len = 1 + int(r, 64);
    const byte = [0x00, 0xff, 0x7f, 0x80][int(r, 4)];
    out.fill(byte, at, Math.min(out.length, at + len));
    return out;
  },
};

async function expectStructured(name: string, bytes: Uint8Array, label: string): Promise<void> {
  const t0 = performance.now();
  const { result } = await auditBytes(name, bytes);
  const ms = performance.now() - t0;
  assert.ok(ms < CASE_LIMIT_MS, `${label}: took ${ms.toFixed(0)} ms`);
  if (result.status === "error") {
    assert.notEqual(result.error?.code, "internal", `${label}: ${result.error?.message}`);
    assert.match(result.error!.message, /[\u4e00-\u9fff]/, `${label}: message in Chinese`);
  }
}

for (const name of ["zipingbiao.xlsx", "zipingbiao.doc", "zipingbiao.pdf"]) {
  Deno.test(`fuzz ${name}: ${CASES} mutations end in ok or a structured error (seed ${SEED})`, async () => {
    const seed = await fixture(name);
    const kinds = Object.keys(MUTATIONS);
    for (let k = 0; k < CASES; k++) {
      const r = rng(SEED * 1000 + k);
      const kind = kinds[k % kinds.length];
      await expectStructured(
        name,
        MUTATIONS[kind](seed, r),
        `${name} case ${k} (${kind}, seed ${SEED * 1000 + k})`,
      );
    }
  });
}

Deno.test("xlsx bomb: a sheet that inflates absurdly is refused before it is inflated", async () => {
  const files = unzipSync(await fixture("zipingbiao.xlsx"));
  // the visible sheet (a hidden one is never inflated at all)
  const sheet = Object.keys(files).find((n) => n.startsWith("xl/worksheets/sheet1"))!;
  files[sheet] = new Uint8Array(64 * 1024 * 1024); // 64 MB of zeros: ~1000:1
  const { result } = await auditBytes("炸弹.xlsx", zipSync(files));
  assert.equal(result.status, "error");
  assert.equal(result.error?.code, "unsafe-zip");
});

Deno.test("xlsx: a sheet past the table limits is refused as too-large, not read", async () => {
  const rows: string[] = [];
  for (let i = 1; i <= 25_000; i++) {
    rows.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>x</t></is></c></row>`);
  }
  const files = unzipSync(await fixture("zipingbiao.xlsx"));
  const sheet = Object.keys(files).find((n) => n.startsWith("xl/worksheets/sheet1"))!;
  files[sheet] = new TextEncoder().encode(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${
      rows.join("")
    }</sheetData></worksheet>`,
  );
  const { result } = await auditBytes("大表.xlsx", zipSync(files));
  assert.equal(result.status, "error");
  assert.equal(result.error?.code, "too-large");
  // near miss: a cell far out (XFD1048576) alone is one cell, not a billion-slot grid
  files[sheet] = new TextEncoder().encode(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row></sheetData></worksheet>`,
  );
  const far = await auditBytes("远处.xlsx", zipSync(files));
  assert.equal(far.result.status, "ok");
});

Deno.test("xlsx with a DOCTYPE (billion laughs) → unsafe-xml", async () => {
  const files = unzipSync(await fixture("zipingbiao.xlsx"));
  files["xl/workbook.xml"] = new TextEncoder().encode(
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><workbook/>`,
  );
  const { result } = await auditBytes("实体.xlsx", zipSync(files));
  assert.equal(result.error?.code, "unsafe-xml");
});
