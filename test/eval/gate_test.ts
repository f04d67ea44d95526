/**
 * The accuracy gate (issue: eval harness): no error-level finding on a statement or document verified
 * consistent, and no fewer defects found than docs/accuracy.md records, on the corpus and on the
 * standard synthetic set.
 */
import { deepStrictEqual } from "node:assert";
import { DEFAULT_SYNTHETIC, evaluateCorpus, evaluateSynthetic } from "../../eval/run.ts";
import { gateFailures, readGateFigures } from "../../eval/gate.ts";

const recorded = readGateFigures(
  await Deno.readTextFile(new URL("../../docs/accuracy.md", import.meta.url)),
);

Deno.test("eval gate: the development corpus", async () => {
  const c = await evaluateCorpus();
  deepStrictEqual(gateFailures(recorded?.corpus ?? {}, c.tally, "corpus"), []);
  deepStrictEqual(c.tally.unreadable, []);
});

Deno.test("eval gate: the standard synthetic set", async () => {
  const s = await evaluateSynthetic(DEFAULT_SYNTHETIC);
  deepStrictEqual(gateFailures(recorded?.synthetic ?? {}, s.tally, "synthetic"), []);
});
