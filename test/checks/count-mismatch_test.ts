import assert from "node:assert/strict";
import { countMismatch } from "../../checks/rules/count-mismatch.ts";
import { makeDoc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

Deno.test("count-mismatch: quoted list with a wrong count", () => {
  const f = runRule(countMismatch, makeDoc(["构建“劳动关系”“行政检查”“欠薪治理”的“4个普法”新格局。"]));
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].details.stated, f[0].details.computed], [4, "3"]);
});

Deno.test("count-mismatch: enumeration with a wrong count, Chinese numeral count", () => {
  const f = runRule(
    countMismatch,
    makeDoc([
      "部门决策设立部门目标、部门职能、资源配置4个二级指标。",
      "设立甲、乙两个方面，另设立丙、丁、戊三项。",
    ]),
  );
  assert.deepEqual(f.map((x) => x.details.stated), [4]);
});

Deno.test("count-mismatch: consistent lists, 和/及 inside items, and 等 are not flagged", () => {
  const f = runRule(
    countMismatch,
    makeDoc([
      "部门决策设立部门目标、部门职能、资源配置3个二级指标。",
      "业务管理设立制度健全性及执行情况、政府采购规范性、监督考核情况3个三级指标。",
      "部门可持续发展设立队伍建设情况、信息共享公开情况和长效管理创新情况3个三级指标。",
      "构建“甲”“乙”“丙”等“5个”格局。",
      "构建“甲”“乙”“丙”的“３个”格局。",
    ]),
  );
  assert.deepEqual(f, []);
});
