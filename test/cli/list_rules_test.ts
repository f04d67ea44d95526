/** Issue 13, item 3: --list-rules for reviewers: Chinese name with the English id beside it. */
import assert from "node:assert/strict";
import { RULES } from "../../checks/index.ts";
import { displayWidth, listRules } from "../../src/cli/list-rules.ts";

Deno.test("--list-rules: a Chinese header, 中文名（id）, the default severity in Chinese, aligned", () => {
  const out = listRules(RULES);
  const lines = out.trimEnd().split("\n");
  assert.match(lines[0], /^规则\s+默认级别\s+说明$/);
  assert.equal(lines.length, RULES.length + 1);
  for (const r of RULES) {
    const line = lines.find((l) => l.startsWith(`${r.meta.title}（${r.meta.id}）`));
    assert.ok(line, r.meta.id);
    assert.match(line, /\s(错误|警告|提示)\s/);
  }
  // Columns line up in a terminal: the severity starts at the same display column on every line.
  const col = (l: string) => displayWidth(l.slice(0, l.search(/(错误|警告|提示|默认级别)/)));
  assert.equal(new Set(lines.map(col)).size, 1, out);
});
