/**
 * The runnable examples of every rule's docs (meta.docs.examples, shown in docs/rules.md): each invalid
 * example must trigger its own rule (with the message it names), each valid one must not, and every rule
 * has at least one of each.
 */
import assert from "node:assert/strict";
import { RULES } from "../../checks/index.ts";
import { makeDoc } from "../../src/testing/doc-spec.ts";
import { runRuleChecked } from "../helpers/rule-tester.ts";

for (const rule of RULES) {
  Deno.test(`examples: ${rule.meta.id} has a valid and an invalid example`, () => {
    const kinds = new Set(rule.meta.docs.examples.map((e) => e.kind));
    assert.ok(kinds.has("invalid") && kinds.has("valid"), rule.meta.id);
  });
  for (const ex of rule.meta.docs.examples) {
    Deno.test(`examples: ${rule.meta.id} ${ex.kind} — ${ex.title}`, () => {
      const found = runRuleChecked(rule, makeDoc(ex.doc), ex.config);
      if (ex.kind === "valid") {
        assert.deepEqual(found.map((f) => f.message), []);
        return;
      }
      assert.ok(found.length > 0, `${rule.meta.id}: its example «${ex.title}» finds nothing`);
      if (ex.messageId) {
        assert.ok(found.some((f) => f.messageId === ex.messageId), found.map((f) => f.messageId).join());
      }
    });
  }
}
