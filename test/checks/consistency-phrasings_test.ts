/**
 * Phrasings of the genre run through every rule: a consistent statement gives no error and, from the
 * document-consistency rules, only the findings listed; a defective one gives the findings listed (and no
 * other finding of those rules). Cases: consistency-phrasings_cases.ts.
 */
import assert from "node:assert/strict";
import { makeDoc } from "../../src/testing/doc-spec.ts";
import { runChecks } from "../../src/audit.ts";
import { extract } from "../../src/extract/index.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import { RULES } from "../../checks/index.ts";
import { CONSISTENT, DEFECTIVE, type PhrasingCase, UNIT, YEAR } from "./consistency-phrasings_cases.ts";

const AREA = new Set([
  "conflicting-figure",
  "conflicting-figure-subject",
  "conflicting-figure-transfer",
  "stale-year",
  "foreign-entity",
  "duplicate-paragraph",
  "duplicate-sentence",
  "cross-reference",
]);

/** "rule:messageId" matches itself; "rule:*" any message of the rule. */
const matches = (pattern: string, got: string) =>
  pattern.endsWith(":*") ? got.startsWith(pattern.slice(0, -1)) : got === pattern;

function check(c: PhrasingCase): void {
  const doc = makeDoc(c.doc, { year: YEAR, unit: c.config?.unit ?? UNIT });
  const findings = runChecks(doc, extract(doc), { ...DEFAULT_CONFIG, ...c.config }, RULES);
  const expected = c.expect ?? [];
  const errors = findings.filter((f) =>
    f.severity === "error" && !expected.some((e) => matches(e, `${f.rule}:${f.messageId}`))
  );
  assert.deepEqual(errors.map((f) => f.message), [], "an unexpected error");
  const got = findings.filter((f) => AREA.has(f.rule)).map((f) => `${f.rule}:${f.messageId}`);
  const unexpected = got.filter((g) => !expected.some((e) => matches(e, g)));
  const missing = expected.filter((e) => !got.some((g) => matches(e, g)));
  assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
}

for (const c of CONSISTENT) Deno.test(`consistent: ${c.name}`, () => check(c));
for (const c of DEFECTIVE) {
  Deno.test(`defective: ${c.name}`, () => {
    assert.ok(c.expect?.length, "a defective case names its findings");
    check(c);
  });
}

Deno.test("the phrasing sets are broad enough", () => {
  assert.ok(CONSISTENT.length >= 60, `${CONSISTENT.length} consistent phrasings`);
  assert.ok(DEFECTIVE.length >= 30, `${DEFECTIVE.length} defective phrasings`);
});
