import assert from "node:assert/strict";
import { staleYear } from "../../checks/rules/stale-year.ts";
import { h, makeDoc, type Spec, toc } from "../helpers/doc.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
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

// ── Plans cited by title, table cells, year-end head-counts, full-width digits (table-driven) ──────────

const y2024 = { year: 2024 };

ruleTester(staleYear, {
  valid: [
    {
      name: "this year's programme, however long its name",
      config: y2024,
      doc: [
        "根据《2024年农村饮水安全巩固提升工程维修养护项目实施方案》设定目标。",
      ],
    },
    {
      name: "a multi-year programme whose range ends in this year",
      config: y2024,
      doc: [
        "根据《2022年至2024年乡村道路提升行动方案》推进建设。",
        "依据《2022年—2024年林业发展实施方案》执行。",
      ],
    },
    {
      name: "a comparison with last year's plan and a year-end comparison",
      config: y2024,
      doc: [
        "较2023年实施方案增加3项任务。",
        "2024年末实有在职人员52人，比2023年末实有在职人员增加2人。",
      ],
    },
    {
      name: "a year-end head-count without a current-year frame",
      config: y2024,
      doc: [
        "2023年末实有在职人员50人。",
      ],
    },
    {
      name: "year columns in a table and this year's survey",
      config: y2024,
      doc: [
        table([["项目", "2023年", "2024年"], ["门诊人次", "1200", "1350"]]),
        table([["指标", "数据来源"], ["满意度", "2024年问卷调查"]]),
      ],
    },
  ],
  invalid: [
    {
      name: "last year's implementation plan cited by title",
      config: y2024,
      doc: [
        "根据《2023年农村饮水安全巩固提升工程维修养护项目实施方案》，设定年度绩效目标。",
      ],
      errors: [{ messageId: "stale-year", certainty: "assumption", message: "2023年的实施方案/计划" }],
    },
    {
      name: "a 数据来源 cell citing last year's questionnaire",
      config: y2024,
      doc: [
        table([["指标", "分值", "数据来源"], ["服务对象满意度", "10", "2023年问卷调查"]]),
      ],
      errors: [{ messageId: "stale-year", message: "满意度调查" }],
    },
    {
      name: "last year's year-end head-count in a sentence about this year",
      config: y2024,
      doc: [
        "2024年本单位核定行政编制18个，2023年末实有在职人员21人，退休9人。",
      ],
      errors: [{ messageId: "stale-year", message: "年末人员数" }],
    },
    {
      name: "full-width digits",
      config: y2024,
      doc: [
        "根据《２０２３年城乡环境整治项目实施方案》开展工作。",
      ],
      errors: [{ messageId: "stale-year", message: "2023年" }],
    },
  ],
});
