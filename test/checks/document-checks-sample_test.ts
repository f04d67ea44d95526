/**
 * Document-level rules on the sample. Every expectation here was read off the report's text
 * (../shared/seeds/*.txt), not copied from the tool's output.
 */
import assert from "node:assert/strict";
import { headingNumbering } from "../../checks/rules/heading-numbering.ts";
import { tocMismatch } from "../../checks/rules/toc-mismatch.ts";
import { typo } from "../../checks/rules/typo.ts";
import { staleYear } from "../../checks/rules/stale-year.ts";
import { countMismatch } from "../../checks/rules/count-mismatch.ts";
import { foreignEntity } from "../../checks/rules/foreign-entity.ts";
import { crossReference } from "../../checks/rules/cross-reference.ts";
import { loadSample } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

Deno.test("sample: heading numbering — 四、 twice, （二） twice under 四、, and 3、 among 一、二、四、 in 附件2", async () => {
  const f = runRule(headingNumbering, await loadSample());
  const got = f.map((x) => [x.messageId, x.evidence.map((e) => e.quote.trim()).join(" | ")]);
  assert.deepEqual(got, [
    ["repeat", "四、评价结论和绩效分析 | 四、存在的问题"],
    ["repeat", "（二）主要绩效 | （二）具体绩效分析"],
    ["style", "3、 亮点工作"],
  ]);
});

Deno.test("sample: 目录 vs body", async () => {
  const f = runRule(tocMismatch, await loadSample());
  const byIssue = (issue: string) =>
    f.filter((x) => x.messageId === issue).map((x) => x.evidence[0].quote.trim());
  // The 目录 lists 一、…七、 but the body stops at 五、: 五、主要经验做法 is missing and 存在的问题 / 改进措施
  // are numbered 四、 / 五、 in the body; 一、部门概况 has no （五）固定资产情况 in the body.
  assert.deepEqual(byIssue("missing-in-body"), ["（五）固定资产情况", "五、主要经验做法"]);
  assert.deepEqual(byIssue("number"), ["六、存在的问题", "七、改进措施及建议"]);
  // 附件1 is 成本费用分析报告 in the 目录 but 成本效益分析报告 in the body; 附件2 adds 度 to 年; 附件4 is a
  // questionnaire, not a 问卷调查报告; 附件6 has a label and nothing else.
  assert.deepEqual(byIssue("title"), [
    "附件1 成本费用分析报告",
    "附件2 部门职能分解及2023年工作完成情况",
    "附件4问卷调查报告",
  ]);
  assert.equal(
    f.find((x) => x.messageId === "title" && x.evidence[0].quote.includes("附件2"))?.severity,
    "info",
  );
  assert.deepEqual(byIssue("empty-annex"), ["附件6收入支出决算表"]);
  // （二）主要绩效 sits between （一）评价结论 and （二）具体绩效分析, which the 目录 lists.
  const unlisted = f.filter((x) => x.messageId === "missing-in-toc" && x.severity === "warning");
  assert.deepEqual(unlisted.map((x) => x.evidence[0].quote), ["（二）主要绩效"]);
});

Deno.test("sample: 的3分 typo, stale 2022/2021 material, 10个普法 with nine items, truncated place name", async () => {
  const doc = await loadSample();
  // 的3分 in a score sentence; 满意度满意度 in the indicator table (seed text: “C25就业人员、参保人员满意度满意度（5分）”).
  assert.deepEqual(runRule(typo, doc).map((x) => x.details.matched), ["的3分", "满意度满意度"]);
  const stale = runRule(staleYear, doc).map((x) => [x.details.statedYear, x.details.context]);
  assert.deepEqual(stale, [
    [2022, "工作计划/目标"], // 《…人社局2022年度工作计划》
    [2022, "工作计划/目标"], // 《…人社局2022年度重点工作方案》
    [2022, "重点项目/工作"], // 综合考察2022年重点项目的完成度
    [2021, "预决算公开"], // 2021年度部门预算、部门决算…已向社会公开
    [2022, "满意度调查"], // the indicator table's 数据来源 cell for C25: 2022年满意度调查
  ]);
  const counts = runRule(countMismatch, doc);
  assert.equal(counts.length, 1, "the 普法 paragraph is copied into four sections: one finding");
  assert.deepEqual([counts[0].details.stated, counts[0].details.computed], [10, "9"]);
  assert.equal(counts[0].evidence.length, 4, "with each of the four places");
  const foreign = runRule(foreignEntity, doc);
  assert.deepEqual(foreign.map((x) => x.details.found), ["甸回族彝族自治县"]);
  assert.deepEqual(runRule(crossReference, doc), [], "附件1 references in 附件5 point to an existing annex");
});
