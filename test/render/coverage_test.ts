/** meta.coverage: checked vs unchecked figure claims, from the analysis, and its one terminal line. */
import assert from "node:assert/strict";
import { makeDoc } from "../../src/testing/doc-spec.ts";
import { extract } from "../../src/extract/index.ts";
import { coverage } from "../../src/analysis/coverage.ts";
import { coverageLine } from "../../src/render/coverage-line.ts";

function coverageOf(paragraphs: string[]) {
  const doc = makeDoc(paragraphs);
  return coverage(doc, extract(doc));
}

Deno.test("coverage: a complete list is checked; a list ending in 等 and a bare rate are not", () => {
  const c = coverageOf([
    "购置设备32万元、维修场地18万元，合计50万元。",
    "印刷费6万元、差旅费3万元等，共计12万元。",
    "项目资金执行率98.5%。",
  ]);
  assert.equal(c.byKind.sum?.checked, 1);
  assert.equal(c.reasons["list-etc"], 1);
  assert.equal(c.reasons["rate-without-inputs"], 1);
  assert.equal(c.checked, 1);
  assert.equal(c.unchecked, 2);
});

Deno.test("coverage: a total with no visible parts is unchecked; one restated beside its list is not counted twice", () => {
  const alone = coverageOf(["全年共计培训人员1,200人次。"]);
  assert.equal(alone.reasons["total-without-parts"], 1);
  const restated = coverageOf(["项目资金90万元，其中省级资金60万元、县级资金30万元，合计90万元。"]);
  assert.equal(restated.unchecked, 0);
  assert.equal(restated.checked, 1);
});

Deno.test("coverage line names the counts and the reasons, most frequent first", () => {
  const line = coverageLine({
    checked: 3,
    unchecked: 4,
    byKind: {},
    reasons: { "list-etc": 1, "rate-without-inputs": 3 },
  });
  assert.equal(line, "数字核对：已核对3处，无法核对4处（比率缺少分子或分母3处、列举以“等”结尾1处）");
});
