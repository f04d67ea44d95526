/** The check-side adapters over src/extract/numbers.ts and the shared text helpers they replaced. */
import assert from "node:assert/strict";
import { parseCellNumber } from "../../src/analysis/tables/cell-number.ts";
import { asciiDigits } from "../../src/extract/numbers.ts";
import { numberTokens, skeleton } from "../../src/analysis/text/masking.ts";
import { normalize, titleKey } from "../../src/analysis/text/normalize.ts";

Deno.test("parseCellNumber: a lone number with an optional 分/份/人/人次/票", () => {
  assert.deepEqual(parseCellNumber("12"), { value: 12, decimals: 0, raw: "12" });
  assert.deepEqual(parseCellNumber(" 12分 "), { value: 12, decimals: 0, raw: "12" });
  assert.deepEqual(parseCellNumber("\n100"), { value: 100, decimals: 0, raw: "100" });
  assert.deepEqual(parseCellNumber("20\n分"), { value: 20, decimals: 0, raw: "20" });
  assert.deepEqual(parseCellNumber("35票"), { value: 35, decimals: 0, raw: "35" });
  assert.deepEqual(parseCellNumber("120人次"), { value: 120, decimals: 0, raw: "120" });
  // Full-width digits and point: the decimals are those written.
  assert.deepEqual(parseCellNumber("９．５"), { value: 9.5, decimals: 1, raw: "９．５" });
  assert.deepEqual(parseCellNumber("15.0分"), { value: 15, decimals: 1, raw: "15.0" });
});

Deno.test("parseCellNumber: approximations, other units, signs, separators and prose are not cell numbers", () => {
  for (
    const t of [
      "",
      "合计",
      "约12",
      "12分以上",
      "12%",
      "12元",
      "12名",
      "-5",
      "1,234",
      "十二分",
      "3-5",
      "12 13",
      "得12分",
    ]
  ) {
    assert.equal(parseCellNumber(t), undefined, t);
  }
});

Deno.test("asciiDigits: only digits and the point are folded, offsets kept", () => {
  assert.equal(asciiDigits("Ａ１．２（３）"), "Ａ1.2（3）");
});

Deno.test("numberTokens/skeleton: every digit run is masked, years included; dashes stay punctuation", () => {
  assert.deepEqual(numberTokens("2023年完成１２．５万元").map((t) => [t.value, t.decimals, t.raw]), [
    [2023, 0, "2023"],
    [12.5, 1, "１２．５"],
  ]);
  assert.equal(skeleton("2023年完成１２．５万元"), "#年完成#万元");
  assert.equal(skeleton("2019—2023年"), "##年");
  assert.equal(normalize("Ａ—Ｂ －1"), "ab-1");
});

Deno.test("titleKey: NFKC, no whitespace or punctuation", () => {
  assert.equal(titleKey("（一） 评价 指标体系。"), "一评价指标体系");
  assert.notEqual(titleKey("评价指标"), titleKey("评价指标体系"));
});
