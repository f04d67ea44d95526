/**
 * Issue 14, "done when": the sample and a few corpus reports, converted by LibreOffice at test time (corpus
 * texts may not be copied into the repository), audit to the same findings as their .docx:
 * - .doc through the pure-JS reader, and through --convert-with-soffice: the same findings;
 * - PDF: every document reads with pages; the findings that survive are counted and printed, not
 *   required to match (PDF loses table structure: merged cells and wrapped cell text).
 * Skips with a message when soffice is not installed (.ci/run installs libreoffice-writer-nogui).
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { auditBytes } from "../../src/audit.ts";
import { sofficeAvailable } from "../../src/ingest/soffice.ts";
import { soffice } from "../fixtures/formats.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CORPUS = path.join(ROOT, "../shared/corpus");
const CORPUS_DOCS = Number(Deno.env.get("FORMAT_CORPUS_DOCS") ?? 3);

function inputs(): string[] {
  const out = [path.join(ROOT, "samples/xundian-hrss-2023-self-evaluation.docx")];
  try {
    const names = [...Deno.readDirSync(CORPUS)].map((e) => e.name).filter((n) => n.endsWith(".docx")).sort();
    // spread over the corpus rather than the first few
    const step = Math.max(1, Math.floor(names.length / Math.max(1, CORPUS_DOCS)));
    for (let i = 0; i < names.length && out.length <= CORPUS_DOCS; i += step) {
      out.push(path.join(CORPUS, names[i]));
    }
  } catch {
    console.log(`(no corpus at ${CORPUS}: only the sample is converted)`);
  }
  return out;
}

const key = (r: Awaited<ReturnType<typeof auditBytes>>) =>
  r.result.findings.map((f) => `${f.rule}|${f.severity}|${f.message}`).sort();

const available = await sofficeAvailable();
if (!available) console.log("SKIPPED formats_corpus_test: LibreOffice (soffice) is not installed");

Deno.test({
  name: "corpus converted to .doc and PDF by LibreOffice audits like the .docx",
  ignore: !available,
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "jixiao-formats-" });
    try {
      for (const input of inputs()) {
        const base = path.basename(input, ".docx");
        const docx = await auditBytes(`${base}.docx`, await Deno.readFile(input));
        assert.equal(docx.result.status, "ok", base);
        const want = key(docx);
        assert.ok(await soffice(input, "doc", dir), `soffice .doc ${base}`);
        const docBytes = await Deno.readFile(path.join(dir, `${base}.doc`));
        const doc = await auditBytes(`${base}.doc`, docBytes);
        assert.equal(doc.result.status, "ok", `${base}.doc: ${doc.result.error?.message}`);
        assert.deepEqual(key(doc), want, `${base}.doc (built-in reader)`);
        const converted = await auditBytes(`${base}.doc`, docBytes, { convertWithSoffice: true });
        assert.deepEqual(key(converted), want, `${base}.doc (--convert-with-soffice)`);
        assert.ok(await soffice(input, "pdf", dir), `soffice .pdf ${base}`);
        const pdf = await auditBytes(`${base}.pdf`, await Deno.readFile(path.join(dir, `${base}.pdf`)));
        assert.equal(pdf.result.status, "ok", `${base}.pdf: ${pdf.result.error?.message}`);
        assert.ok(pdf.audited!.doc.blocks.every((b) => b.page !== undefined && b.page >= 1));
        const got = new Set(key(pdf));
        const kept = want.filter((k) => got.has(k)).length;
        console.log(
          `${base}: docx ${want.length} findings; .doc ${key(doc).length} (same); pdf ${got.size}, ` +
            `${kept} of the docx's kept`,
        );
      }
    } finally {
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});
