/**
 * How a whole audit (ingest + extract + all 17 rules, through auditBytes) grows with document size: the
 * generated report of test/helpers/large-docx.ts (template-like repetitive paragraphs, exact repeats, varied
 * paragraphs and an indicator table) at 1×, 2×, 4×, 8× and 16×. Near-linear rules give about 2× per step;
 * the bench's "× slower than 1×" column shows the growth.
 *   deno bench --unsafe-proto --allow-read --allow-env --allow-sys bench/scaling_bench.ts
 */
import { auditBytes } from "../src/audit.ts";
import { largeDocx, scaledSpec } from "../test/helpers/large-docx.ts";

for (const scale of [1, 2, 4, 8, 16]) {
  const spec = scaledSpec(scale);
  const bytes = largeDocx(spec);
  const paragraphs = spec.template + spec.repeats + spec.varied;
  Deno.bench(`${scale}× (${paragraphs} paragraphs, ${spec.tableRows} table rows, ${bytes.length} B)`, {
    group: "scaling",
    baseline: scale === 1,
    n: scale >= 8 ? 3 : 8,
    warmup: 2,
  }, async () => {
    const { result } = await auditBytes("scaling.docx", bytes);
    if (result.status !== "ok") throw new Error(result.error?.message);
  });
}
