import assert from "node:assert/strict";
import { buildReports, ROOT } from "../../src/cli/reports.ts";

const committed = new URL("reports/sample.json", ROOT);
const present = await Deno.stat(committed).then(() => true, () => false);
if (!present) {
  console.log("跳过 reports/ 一致性测试：reports/sample.json 不存在（运行 deno task reports 生成）。");
}

Deno.test({
  name: "reports/: committed sample reports equal a fresh regeneration (run `deno task reports`)",
  ignore: !present,
  async fn() {
    const fresh = await buildReports();
    assert.equal(fresh.size, 6);
    for (const [name, text] of fresh) {
      const old = await Deno.readTextFile(new URL(`reports/${name}`, ROOT));
      assert.ok(old === text, `reports/${name} is out of date: run \`deno task reports\``);
    }
  },
});

Deno.test("reports: regeneration is deterministic and has no absolute paths", async () => {
  const [a, b] = [await buildReports(), await buildReports()];
  for (const [name, text] of a) {
    assert.equal(text, b.get(name), name);
    assert.ok(!text.includes(new URL(".", ROOT).pathname), `${name} holds an absolute path`);
  }
  assert.match(a.get("sample.json")!, /"file": "samples\/xundian-hrss-2023-self-evaluation\.docx"/);
});
