/**
 * LibreOffice opens the annotated sample: converts it to PDF without error, and to ODT with every comment
 * as an office:annotation carrying its text. Skipped (with a message) where soffice is not installed; CI
 * installs libreoffice-writer-nogui (.ci/run).
 */
import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { auditFile } from "../../src/audit.ts";
import { annotate } from "../../src/render/docx/annotate.ts";
import { RULES } from "../../checks/index.ts";

const SAMPLE = "samples/xundian-hrss-2023-self-evaluation.docx";

function findSoffice(): string | undefined {
  for (const p of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]) {
    try {
      if (Deno.statSync(p).isFile) return p;
    } catch { /* not here */ }
  }
  return undefined;
}

const soffice = findSoffice();
if (!soffice) {
  console.warn(
    "skipping docx LibreOffice test: soffice not installed (apt-get install libreoffice-writer-nogui)",
  );
}

async function convert(dir: string, to: string, file: string): Promise<number> {
  const { code } = await new Deno.Command(soffice!, {
    args: [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      to,
      "--outdir",
      dir,
      file,
    ],
    stdout: "null",
    stderr: "null",
  }).output();
  return code;
}

Deno.test({
  name: "docx: LibreOffice opens the annotated sample and shows every comment",
  ignore: !soffice,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const { result } = await auditFile(SAMPLE);
      const out = annotate(await Deno.readFile(SAMPLE), result, {
        file: SAMPLE,
        rules: RULES.map((r) => r.meta),
      });
      const file = `${dir}/annotated.docx`;
      await Deno.writeFile(file, out.bytes);
      assert.equal(await convert(dir, "pdf", file), 0);
      assert.ok(Deno.statSync(`${dir}/annotated.pdf`).size > 10_000);
      assert.equal(await convert(dir, "odt", file), 0);
      const content = new TextDecoder().decode(
        unzipSync(await Deno.readFile(`${dir}/annotated.odt`))["content.xml"],
      );
      const annotations = content.match(/<office:annotation[ >]/g) ?? [];
      assert.equal(annotations.length, out.comments.length);
      assert.equal((content.match(/<office:annotation-end /g) ?? []).length, out.comments.length);
      assert.ok(content.includes("审核摘要"));
      assert.ok(content.includes("修改建议"));
      assert.ok(content.includes("绩效报告审核"));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
