import assert from "node:assert/strict";
import { RULES } from "../../checks/index.ts";
import { listRules } from "../../src/cli/list-rules.ts";
import { rulesMarkdown } from "../../src/cli/rules-markdown.ts";
import { registrySource } from "../../src/cli/docs.ts";

Deno.test("docs/rules.md is up to date with the rule modules (run `deno task docs`)", async () => {
  const committed = await Deno.readTextFile(new URL("../../docs/rules.md", import.meta.url));
  assert.equal(committed, rulesMarkdown(RULES));
});

Deno.test("checks/index.ts is the generated registry of checks/rules/ (run `deno task docs`)", async () => {
  const committed = await Deno.readTextFile(new URL("../../checks/index.ts", import.meta.url));
  assert.equal(committed, await registrySource());
});

Deno.test("every rule has a unique kebab-case id, a Chinese title and complete docs", () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    assert.match(r.meta.id, /^[a-z]+(-[a-z]+)*$/);
    assert.match(r.meta.title, /\p{Script=Han}/u, r.meta.id);
    assert.ok(r.meta.docs.summary && r.meta.docs.rationale && r.meta.docs.examples.length >= 2, r.meta.id);
    assert.ok(Object.keys(r.meta.messages).length > 0, r.meta.id);
  }
  const listing = listRules(RULES);
  for (const id of ids) assert.ok(listing.includes(id), id);
});
