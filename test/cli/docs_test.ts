import assert from "node:assert/strict";
import { RULES } from "../../checks/index.ts";
import { listRules, rulesMarkdown } from "../../src/cli/list-rules.ts";

Deno.test("docs/rules.md is up to date with the rule modules (run `deno task docs`)", async () => {
  const committed = await Deno.readTextFile(new URL("../../docs/rules.md", import.meta.url));
  assert.equal(committed, rulesMarkdown(RULES));
});

Deno.test("every rule has a unique kebab-case id, a Chinese title and complete docs", () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    assert.match(r.meta.id, /^[a-z]+(-[a-z]+)*$/);
    assert.match(r.meta.title, /\p{Script=Han}/u, r.meta.id);
    assert.ok(r.meta.docs.summary && r.meta.docs.rationale && r.meta.docs.example, r.meta.id);
  }
  const listing = listRules(RULES);
  for (const id of ids) assert.match(listing, new RegExp(`^${id}\\s`, "m"));
});
