import { deepStrictEqual, strictEqual } from "node:assert";
import { extract } from "../../src/extract/index.ts";
import { figureInterval, isExactCount } from "../../src/extract/tolerance.ts";
import { makeDoc } from "../helpers/doc.ts";

const fig = (text: string) => extract(makeDoc([text])).figures[0];

Deno.test("isExactCount: integer counts of things at scale 1, as written", () => {
  strictEqual(isExactCount(fig("新增就业969人。")), true);
  strictEqual(isExactCount(fig("受理２０６件。")), true);
  strictEqual(isExactCount(fig("指导三十四家单位。")), true);
  strictEqual(isExactCount(fig("人员33.75万人。")), false);
  strictEqual(isExactCount(fig("培训3万人次。")), false);
  strictEqual(isExactCount(fig("支出1900万元。")), false);
  strictEqual(isExactCount(fig("涉及劳动者12000余人。")), false);
  strictEqual(isExactCount(fig("约969人。")), false);
  strictEqual(isExactCount(fig("得分96分。")), false);
});

Deno.test("figureInterval: a point for an exact count, the rounding interval otherwise", () => {
  deepStrictEqual(figureInterval(fig("新增就业969人。")), { low: 969, high: 969 });
  const wan = figureInterval(fig("支出1900万元。"));
  strictEqual(wan.low, 18995000);
  strictEqual(wan.high, 19005000);
  const pct = figureInterval(fig("执行率99.5%。"));
  strictEqual(Math.round(pct.low * 100), 9945);
  strictEqual(Math.round(pct.high * 100), 9955);
  // 2.5人 is not an integer count: ±0.05.
  const half = figureInterval(fig("平均2.5人。"));
  strictEqual(Math.round(half.low * 100), 245);
});
