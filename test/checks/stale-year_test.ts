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
  assert.deepEqual(f[0].details, {
    evaluationYear: 2023,
    statedYear: 2022,
    context: "工作计划/目标",
    assumption: "评价年度2023年",
  });
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

// ── The same amount as this year's funds and as an earlier year's (carried-amount) ────────────────────

const y2023 = { year: 2023 };
const budget2023 = "该项目2023年度安排预算1234.56万元。";

ruleTester(staleYear, {
  valid: [
    {
      name: "funds of this year issued last year in advance (提前下达)",
      config: y2023,
      doc: [budget2023, "2022年12月，上级财政提前下达项目资金1234.56万元。"],
    },
    {
      name: "the earlier-year sentence names this year's funds in a document's title",
      config: y2023,
      doc: [budget2023, "2022年根据《关于下达2023年项目补助资金的通知》下达资金1234.56万元。"],
    },
    {
      name: "money carried over (结转, 结余)",
      config: y2023,
      doc: [budget2023, "2022年结转项目资金1234.56万元。", "2022年项目资金结余1234.56万元。"],
    },
    {
      name: "comparisons between the years",
      config: y2023,
      doc: [
        budget2023,
        "2022年下达项目资金1234.56万元，与上年持平。",
        "2022年到位资金1234.56万元，同比增长5%。",
        "较2022年下达资金1234.56万元，本年支出结构有所优化。",
      ],
    },
    {
      name: "a sentence naming both years, and a range of years",
      config: y2023,
      doc: [
        budget2023,
        "2022年下达资金1234.56万元，2023年继续安排。",
        "2022—2023年累计下达资金1234.56万元。",
        "2022年至2023年拨付资金1234.56万元。",
      ],
    },
    {
      name: "round amounts (100万元, 50万元)",
      config: y2023,
      doc: [
        "2023年度安排预算100万元，其中工作经费50万元。",
        "2022年上级下达项目资金100万元，实际支出50万元。",
      ],
    },
    {
      name: "a fixed standard equal in every year (每人每年, 标准)",
      config: y2023,
      doc: [
        "2023年按每生每年1562.5元的标准拨付补助资金。",
        "2022年补助资金按每生每年1562.5元拨付。",
      ],
    },
    {
      name: "余/约: an approximate amount is not the same amount",
      config: y2023,
      doc: [
        budget2023,
        "2022年上级下达资金约1234.56万元。",
        "2022年拨付资金1234.56万元左右。",
        "2023年安排专项经费1234万元。",
        "2022年到位专项经费1234余万元。",
      ],
    },
    {
      name: "different amounts, and the same amount in two sentences of this year",
      config: y2023,
      doc: [budget2023, "2022年上级下达资金1234.57万元。", "2023年实际支出1234.56万元。"],
    },
    {
      name: "a sentence of this year that is not about funds",
      config: y2023,
      doc: ["2023年度项目销售额1234.56万元。", "2022年上级下达资金1234.56万元。"],
    },
  ],
  invalid: [
    {
      name: "this year's budget given as last year's issued funds",
      config: y2023,
      doc: [budget2023, "2022年上级下达项目资金共计1234.56万元，实际支出1234.56万元。"],
      errors: [{
        messageId: "carried-amount",
        certainty: "assumption",
        severity: "warning",
        message: "2022年",
      }],
    },
    {
      name: "full-width digits",
      config: y2023,
      doc: ["该项目２０２３年度安排预算１２３４.５６万元。", "２０２２年上级拨付资金１２３４.５６万元。"],
      errors: [{ messageId: "carried-amount", message: "2022年" }],
    },
    {
      name: "万元 and 元 for the same value",
      config: y2023,
      doc: [budget2023, "2022年上级下达资金12345600元。"],
      errors: [{ messageId: "carried-amount" }],
    },
    {
      name: "two years back",
      config: y2023,
      doc: ["2023年项目资金到位5476.15万元。", "2021年项目资金到位5476.15万元。"],
      errors: [{ messageId: "carried-amount", message: "2021年" }],
    },
  ],
});

Deno.test("stale-year carried-amount: a repeated earlier-year sentence is one finding with all its places", () => {
  const f = runRule(
    staleYear,
    doc2023([
      budget2023,
      "2023年实际支出1234.56万元。",
      h(1, "三、资金情况"),
      "2022年上级下达项目资金1234.56万元。",
      h(1, "四、结论"),
      "2022年上级下达项目资金1234.56万元。",
    ]),
  );
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].evidence.map((e) => e.quote), [
    budget2023,
    "2022年上级下达项目资金1234.56万元。",
    "2022年上级下达项目资金1234.56万元。",
  ]);
  assert.deepEqual(f[0].evidence.map((e) => e.block), [0, 3, 5]);
  assert.equal(f[0].details.amount, "1234.56万元");
  assert.match(String(f[0].details.assumption), /提前下达/);
});

Deno.test("stale-year carried-amount: a long sentence is quoted from its year to the amount", () => {
  const long = "2022年，在县委县政府的坚强领导下，在各级各部门的大力支持下，我局认真贯彻落实上级关于" +
    "项目资金管理的各项要求，严格执行资金管理制度，规范资金拨付流程，全年上级下达项目资金共计" +
    "1234.56万元，资金全部按规定用途使用，未发现挤占挪用情况。";
  const f = runRule(staleYear, doc2023([budget2023, long]));
  assert.equal(f.length, 1);
  const q = f[0].evidence[1].quote;
  assert.ok(long.includes(q) && q.length <= 100, q);
  assert.ok(q.includes("1234.56万元"), q);
});

// Red-team probes: this year's plan drawn up last year, a year in brackets after 上年度, 公开了 before the year.
ruleTester(staleYear, {
  valid: [
    {
      name: "this year's plan drawn up at the end of last year",
      config: y2024,
      doc: ["2023年底制定了2024年度工作计划，明确了各项任务。"],
    },
    {
      name: "this year's programme issued last year (full-width year)",
      config: y2024,
      doc: ["2023年底印发《２０２４年高标准农田建设项目实施方案》。"],
    },
    {
      name: "上年度 with the year in brackets",
      config: y2024,
      doc: ["上年度（2023年）绩效目标完成情况良好，今年继续巩固。"],
    },
    { name: "公开了 last year's final accounts (lag 1)", config: y2024, doc: ["及时公开了2023年部门决算。"] },
    {
      name: "last year's target set beside this year's",
      config: y2024,
      doc: ["2023年度绩效目标已全部完成，2024年度绩效目标为培训农民1500人次。"],
    },
  ],
  invalid: [
    {
      name: "公开了 a budget two years old",
      config: y2024,
      doc: ["按规定公开了2022年部门预算和决算。"],
      errors: [{ messageId: "stale-year", severity: "warning", message: "2022年的预决算公开" }],
    },
    {
      name: "last year's target, this year's named in another sentence",
      config: y2024,
      doc: ["2023年度绩效目标已全部完成。2024年度绩效目标为培训农民1500人次。"],
      errors: [{ messageId: "stale-year", message: "2023年的工作计划/目标" }],
    },
    {
      name: "a plan drawn up last year for last year",
      config: y2024,
      doc: ["2023年初制定了2023年度工作计划，明确了各项任务。"],
      errors: [{ messageId: "stale-year" }, { messageId: "stale-year" }],
    },
  ],
});
