import assert from "node:assert/strict";
import { typo } from "../../checks/typo.ts";
import { makeDoc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

Deno.test("typo: 的N分 in a score clause is flagged with the fix", () => {
  const doc = makeDoc(["部门绩效目标与部门职能具有一致性，的3分；部门年度绩效目标明确，得2分。"]);
  const f = runRule(typo, doc);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /得3分/);
  assert.ok(doc.blocks[0].kind === "paragraph" && doc.blocks[0].text.includes(f[0].evidence[0].quote));
});

Deno.test("typo: full-width and decimal scores are flagged; 的 inside a phrase is not", () => {
  assert.equal(runRule(typo, makeDoc(["指标完成较好，的１．５分。"])).length, 1);
  // near-miss: 的 belongs to the noun phrase, not a score clause
  assert.equal(runRule(typo, makeDoc(["本项满分的3分全部扣除。", "占总分的10分比例较低"])).length, 0);
});

Deno.test("typo: doubled and clashing punctuation; ellipsis is fine", () => {
  const f = runRule(typo, makeDoc(["工作完成。。下一步", "继续推进，。同时"]));
  assert.deepEqual(f.map((x) => x.details.pattern), ["doubled-punctuation", "clashing-punctuation"]);
  assert.equal(runRule(typo, makeDoc(["包括培训、宣传……等工作。"])).length, 0);
});
