/**
 * Issue 16, item 14: duplicate-sentence compared every pair of paragraphs of a section, so 10 000
 * template-like paragraphs took 139 s. The rules now go through indexes with a work cap per bucket; the
 * growth is measured in bench/scaling_bench.ts, this test only holds a generous ceiling and checks that the
 * cap does not hide a genuine repeat among template text.
 */
import assert from "node:assert/strict";
import { auditBytes } from "../../src/audit.ts";
import { docxOf, largeDocx, para, rng, templateParagraph } from "../helpers/large-docx.ts";

Deno.test("10 000 template-like paragraphs (and 500 exact repeats) audit in under 20 s", async () => {
  const bytes = largeDocx({ template: 10_000, repeats: 500, varied: 0, tableRows: 0 });
  const t = performance.now();
  const { result } = await auditBytes("template.docx", bytes);
  const ms = performance.now() - t;
  assert.equal(result.status, "ok");
  assert.ok(ms < 20_000, `took ${ms.toFixed(0)} ms`);
  // The 500 exact repeats are one duplicate-paragraph finding with every copy.
  const dup = result.findings.filter((f) => f.rule === "duplicate-paragraph");
  assert.ok(dup.some((f) => f.evidence.length === 500), dup.map((f) => f.evidence.length).join(","));
});

Deno.test("a pasted sentence is still found among 3 000 template paragraphs of the same section", async () => {
  const r = rng(7);
  const pasted = "全年共组织开展农民工职业技能提升培训工作十二期，累计培训学员一千二百余人次。";
  const paras = [para("一、项目支出情况")];
  for (let i = 0; i < 3000; i++) {
    const text = templateParagraph(i, r);
    paras.push(para(i === 41 || i === 2903 ? pasted + text : text)); // different 补助项目: only the paste repeats
  }
  const { result } = await auditBytes("pasted.docx", docxOf(paras.join("")));
  assert.equal(result.status, "ok");
  const hits = result.findings.filter((f) =>
    f.rule === "duplicate-sentence" && f.evidence.some((e) => e.quote.includes("农民工职业技能提升培训"))
  );
  assert.equal(hits.length, 1);
  assert.equal(hits[0].evidence.length, 2);
});
