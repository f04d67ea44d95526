/**
 * Issue 16, "done when": a seeded mutator over the sample and the fixtures (truncation, bit flips, part
 * swaps, size lies in the zip headers, hostile XML, huge tables, template repetition). Every case goes
 * through auditBytes (ingest, extraction and every rule) and must end in status ok or a structured
 * IngestError — never code "internal" — within a generous time limit. FUZZ_CASES and FUZZ_SEED override
 * the defaults (a failure message names the case's seed and mutation, to replay it).
 */
import assert from "node:assert/strict";
import { unzipSync, zipSync } from "fflate";
import { auditBytes } from "../../src/audit.ts";
import type { ReaderName } from "../../src/ingest/index.ts";
import { docxOf, largeDocx, para, rng, tableXml } from "../helpers/large-docx.ts";

const CASES = Number(Deno.env.get("FUZZ_CASES") ?? 240);
const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 16);
/** Per-case ceiling: far above any case's cost, low enough to catch a hang or a quadratic blow-up. */
const CASE_LIMIT_MS = 20_000;

const ROOT = new URL("../../", import.meta.url);
const SEEDS: { name: string; bytes: Uint8Array }[] = [];
for (const dir of ["samples/", "samples/fixtures/"]) {
  for (const e of [...Deno.readDirSync(new URL(dir, ROOT))].sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isFile && e.name.endsWith(".docx")) {
      SEEDS.push({ name: dir + e.name, bytes: Deno.readFileSync(new URL(dir + e.name, ROOT)) });
    }
  }
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: T[]): T => xs[int(r, xs.length)];
const enc = new TextEncoder(), dec = new TextDecoder();

/** Offsets of the central-directory headers of a zip. */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 46 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) out.push(i);
  return out;
}

function rezip(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

function editXml(bytes: Uint8Array, r: Rand, f: (xml: string) => string): Uint8Array {
  return rezip(bytes, (files) => {
    const names = Object.keys(files).filter((n) => /\.(xml|rels)$/.test(n));
    const name = names.includes("word/document.xml") && r() < 0.6 ? "word/document.xml" : pick(r, names);
    files[name] = enc.encode(f(dec.decode(files[name])));
  });
}

const MUTATIONS: Record<string, (b: Uint8Array, r: Rand) => Uint8Array> = {
  truncate: (b, r) => b.slice(0, int(r, b.length)),
  bitflips(b, r) {
    const out = b.slice();
    for (let k = 1 + int(r, 8); k > 0; k--) out[int(r, out.length)] ^= 1 << int(r, 8);
    return out;
  },
  swapParts: (b, r) =>
    rezip(b, (files) => {
      const names = Object.keys(files);
      const [x, y] = [pick(r, names), pick(r, names)];
      [files[x], files[y]] = [files[y], files[x]];
    }),
  dropPart: (b, r) => rezip(b, (files) => void delete files[pick(r, Object.keys(files))]),
  sizeLie(b, r) {
    const out = b.slice();
    const view = new DataView(out.buffer);
    const at = pick(r, centralHeaders(out));
    const lie = pick(r, [0, 1, 100, 0x7fffffff, 0xffffffff, int(r, 1 << 30)]);
    view.setUint32(at + pick(r, [20, 24]), lie, true); // compressed or uncompressed size
    return out;
  },
  offsetLie(b, r) {
    const out = b.slice();
    new DataView(out.buffer).setUint32(pick(r, centralHeaders(out)) + 42, int(r, out.length * 2), true);
    return out;
  },
  doctype: (b, r) =>
    editXml(b, r, (x) => x.replace(/^(<\?xml[^>]*\?>)?/, (d) => `${d}<!DOCTYPE d [<!ENTITY e "x">]>`)),
  deepNesting: (b, r) =>
    editXml(b, r, (x) => x.replace("<w:body>", "<w:body>" + "<w:sdt><w:sdtContent>".repeat(200))),
  malformed: (b, r) =>
    editXml(b, r, (x) => {
      const at = int(r, x.length);
      return x.slice(0, at) + pick(r, ["<", "</w:p>", "&", "<w:p", '"']) + x.slice(at);
    }),
  protoKeys: (b, r) =>
    editXml(b, r, (x) =>
      x.replace(
        /w:val="[^"]*"/g,
        (m) => r() < 0.2 ? `w:val="${pick(r, ["constructor", "__proto__", "toString", "999999999"])}"` : m,
      )),
  hugeSpans: (b, r) =>
    editXml(b, r, (x) => x.replace(/<w:tcPr>/g, () => `<w:tcPr><w:gridSpan w:val="${int(r, 1e9)}"/>`)),
  hugeTable(_b, r) {
    const rows = Array.from(
      { length: 1000 + int(r, 3000) },
      (_, i) => [`指标${i}`, String(int(r, 100)), String(int(r, 100))],
    );
    return docxOf(para("某局2023年部门整体支出绩效自评报告") + tableXml(rows));
  },
  template: (_b, r) =>
    largeDocx({
      template: 300 + int(r, 1200),
      repeats: int(r, 200),
      varied: 0,
      tableRows: 0,
      seed: int(r, 1e6),
    }),
};
const NAMES = Object.keys(MUTATIONS);

/** Apply a mutation; one that needs a valid zip leaves an already broken one as it is. */
function mutate(name: string, bytes: Uint8Array, r: Rand): Uint8Array {
  try {
    return MUTATIONS[name](bytes, r);
  } catch {
    return bytes;
  }
}

Deno.test(`fuzz: ${CASES} mutated documents end in ok or a structured error (seed ${SEED})`, async () => {
  const codes = new Map<string, number>();
  for (let i = 0; i < CASES; i++) {
    const seed = SEED * 100_003 + i;
    const r = rng(seed);
    const base = pick(r, SEEDS);
    const mutation = NAMES[i % NAMES.length];
    let bytes = mutate(mutation, base.bytes, r);
    if (r() < 0.3) bytes = mutate(pick(r, NAMES), bytes, r); // sometimes a second mutation on top
    const reader: ReaderName = r() < 0.2 ? "mammoth" : "ooxml";
    const label = `case ${i} (seed ${seed}): ${mutation} of ${base.name}, ${reader} reader`;
    const t = performance.now();
    const { result } = await auditBytes(`fuzz-${i}.docx`, bytes, { reader });
    const ms = performance.now() - t;
    assert.ok(ms < CASE_LIMIT_MS, `${label}: took ${ms.toFixed(0)} ms`);
    if (result.status === "error") {
      assert.ok(result.error, label);
      assert.notEqual(result.error.code, "internal", `${label}: ${result.error.message}`);
      assert.match(result.error.message, new RegExp(`fuzz-${i}\\.docx`), `${label}: names the file`);
    }
    const key = result.status === "ok" ? "ok" : result.error!.code;
    codes.set(key, (codes.get(key) ?? 0) + 1);
  }
  // The mutations reach both outcomes (a fuzzer that only ever fails at the zip layer tests little).
  assert.ok((codes.get("ok") ?? 0) > CASES / 10, JSON.stringify([...codes]));
  assert.ok(codes.size >= 4, JSON.stringify([...codes]));
  if (Deno.env.get("FUZZ_VERBOSE")) console.log(JSON.stringify([...codes]));
});
