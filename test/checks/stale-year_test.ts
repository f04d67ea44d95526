import assert from "node:assert/strict";
import { staleYear } from "../../checks/rules/stale-year.ts";
import { h, makeDoc, type Spec, toc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

const doc2023 = (specs: Spec[]) => makeDoc(specs, { year: 2023 });

Deno.test("stale-year: last year's plan, key projects and a two-year-old budget disclosure", () => {
  const f = runRule(
    staleYear,
    doc2023([
      "制定了《某县某局2022年度工作计划》，明确了工作任务。",
      "综合考察2022年重点项目的完成度，全部完成，得2分。",
      "某局2021年度部门预算、部门决算已按要求公开。",
    ]),
  );
  assert.deepEqual(f.map((x) => [x.details.statedYear, x.details.context]), [
    [2022, "工作计划/目标"],
    [2022, "重点项目/工作"],
    [2021, "预决算公开"],
  ]);
  assert.ok(f.every((x) => x.message.includes("2023")));
});

Deno.test("stale-year: comparisons and the current year are not flagged", () => {
  const f = runRule(
    staleYear,
    doc2023([
      "参保人数4.19万人，比2022年末净增0.35万人。",
      "较2022年重点项目支出有所增加。",
      "2022年度年初预算安排1217.55万元。",
      "2022年度部门决算已公开。",
      "制定了《2023年度工作计划》。",
      "2022年度考核优秀记嘉奖一次1340人。",
    ]),
  );
  assert.deepEqual(f, []);
});

Deno.test("stale-year: no evaluation year known → nothing; config year is used when the document has none", () => {
  const texts = ["制定了《2022年度工作计划》。"];
  assert.deepEqual(runRule(staleYear, makeDoc(texts)), []);
  const f = runRule(staleYear, makeDoc(texts), { year: 2023 });
  assert.equal(f.length, 1);
  assert.match(f[0].message, /配置文件/);
});

Deno.test("stale-year: an earlier year in the name of one of the report's own parts (目录, headings)", () => {
  const f = runRule(
    staleYear,
    doc2023([
      { text: "目录", role: "toc-heading" },
      toc("第二部分：某局2022年部门决算表"),
      h(1, "第三部分：2021年部门决算情况说明"),
      // Near misses: the same words in prose are a reference, not a part's name; the current year is right.
      "对照2022年部门决算表，本年支出有所下降。",
      toc("第一部分：某局2023年部门决算公开"),
    ]),
  );
  assert.deepEqual(f.map((x) => [x.details.statedYear, x.details.context]), [
    [2022, "本报告组成部分的年度"],
    [2021, "本报告组成部分的年度"],
  ]);
});
