import assert from "node:assert/strict";
import { makeDoc, table } from "../helpers/doc.ts";
import { sumMismatch as rule } from "../../checks/rules/sum-mismatch.ts";
import type { Document } from "../../src/model/document.ts";
import type { Figure } from "../../src/model/figure.ts";
import { fig, partWhole, run } from "./arith_builder.ts";
import { runRule } from "./run.ts";

function listed(text: string, whole: string, parts: string[], complete = true) {
  const doc = makeDoc([text]);
  const rel = partWhole(doc, fig(doc, 0, whole), parts.map((p) => fig(doc, 0, p)), complete);
  return run(rule, doc, [rel]);
}

Deno.test("a correct 其中 sum: no finding", () => {
  assert.deepEqual(
    listed("聘任专业技术岗7210人，其中高级职称2745人，中级职称2664人，初级职称1801人。", "7210人", [
      "2745人",
      "2664人",
      "1801人",
    ]),
    [],
  );
});

Deno.test("a count off by one: warning (rounding level)", () => {
  const [f, ...rest] = listed(
    "聘任专业技术岗7211人，其中高级职称2745人，中级职称2664人，初级职称1801人。",
    "7211人",
    [
      "2745人",
      "2664人",
      "1801人",
    ],
  );
  assert.equal(rest.length, 0);
  assert.equal(f.rule, "sum-mismatch");
  assert.equal(f.severity, "warning");
  assert.equal(f.details.formula, "2745 + 2664 + 1801 = 7210");
});

Deno.test("150 stated against parts adding to 170: error", () => {
  const [f] = listed("调入人员150人，其中专业技术人才120人、管理人才50人。", "150人", ["120人", "50人"]);
  assert.equal(f.severity, "error");
  assert.equal(f.details.stated, 150);
  assert.equal(f.details.computed, 170);
  assert.ok(f.message.includes("120 + 50 = 170"));
  assert.ok(f.message.includes("计算结果多20"));
});

Deno.test("a list ending in 等 (incomplete): nothing", () => {
  assert.deepEqual(
    listed("调入人员150人，其中专业技术人才120人、管理人才50人等。", "150人", ["120人", "50人"], false),
    [],
  );
});

Deno.test("approximate parts: nothing", () => {
  assert.deepEqual(
    listed("服务企业150家，其中工业企业120余家、商贸企业50家。", "150家", ["120余家", "50家"]),
    [],
  );
});

Deno.test("money with decimals: parts' rounding absorbs the last digit; a real gap does not", () => {
  // 0 + 2.4 + 0.38 = 2.78, but 2.4 stands for 2.35…2.45: 2.79 is possible.
  assert.deepEqual(
    listed("支出2.79万元，其中公务用车购置费0万元，运行维护费2.4万元，公务接待费0.38万元。", "2.79万元", [
      "0万元",
      "2.4万元",
      "0.38万元",
    ]),
    [],
  );
  // Short of the whole: 其中 may name only some parts (公务用车购置费 left out), so a warning stating it.
  const [f] = listed("支出2.99万元，其中运行维护费2.40万元，公务接待费0.38万元。", "2.99万元", [
    "2.40万元",
    "0.38万元",
  ]);
  assert.equal(f.severity, "warning");
  assert.match(String(f.details.assumption), /全部分项/);
  assert.equal(f.details.formula, "2.40 + 0.38 = 2.78");
  const [over] = listed("支出2.59万元，其中运行维护费2.40万元，公务接待费0.38万元。", "2.59万元", [
    "2.40万元",
    "0.38万元",
  ]);
  assert.equal(over.severity, "error");
});

Deno.test("parts in another unit family: skipped", () => {
  assert.deepEqual(
    listed("发放补贴150万元，其中一次性补贴120人、创业补贴50万元。", "150万元", ["120人", "50万元"]),
    [],
  );
});

Deno.test("parts in a different scale are compared after scaling", () => {
  assert.deepEqual(
    listed("发放资金1.5万元，其中A项10000元，B项5000元。", "1.5万元", ["10000元", "5000元"]),
    [],
  );
  const [f] = listed("发放资金1.3万元，其中A项10000元，B项5000元。", "1.3万元", ["10000元", "5000元"]);
  assert.equal(f.severity, "error");
});

function balanceDoc(text: string, subjects: [string, string][]): { doc: Document; figures: Figure[] } {
  const doc = makeDoc([text]);
  return { doc, figures: subjects.map(([raw, subject]) => fig(doc, 0, raw, { subject })) };
}

Deno.test("balance: 净资产 = 资产 − 负债, right and wrong", () => {
  const ok = balanceDoc("年末资产合计13047176.25元；负债合计5422.21元；净资产合计13041754.04元。", [
    ["13047176.25元", "年末资产合计"],
    ["5422.21元", "负债合计"],
    ["13041754.04元", "净资产合计"],
  ]);
  assert.deepEqual(run(rule, ok.doc, [], ok.figures), []);
  const bad = balanceDoc("年末资产合计13047176.25元；负债合计5422.21元；净资产合计13041854.04元。", [
    ["13047176.25元", "年末资产合计"],
    ["5422.21元", "负债合计"],
    ["13041854.04元", "净资产合计"],
  ]);
  const [f, ...rest] = run(rule, bad.doc, [], bad.figures);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, "error");
  assert.equal(f.details.formula, "13047176.25 − 5422.21 = 13041754.04");
});

Deno.test("balance: asset classes exceeding the total are reported; falling short is not (list may be partial)", () => {
  const over = balanceDoc("资产合计1000元（其中：流动资产600元，固定资产500元）。", [
    ["1000元", "资产合计"],
    ["600元", "流动资产"],
    ["500元", "固定资产"],
  ]);
  assert.equal(run(rule, over.doc, [], over.figures)[0]?.severity, "error");
  const under = balanceDoc("资产合计1000元（其中：流动资产300元，固定资产500元）。", [
    ["1000元", "资产合计"],
    ["300元", "流动资产"],
    ["500元", "固定资产"],
  ]);
  assert.deepEqual(run(rule, under.doc, [], under.figures), []);
});

function tableDoc(rows: string[][]): { doc: Document; figures: Figure[] } {
  const doc = makeDoc([table(rows)]);
  const figures: Figure[] = [];
  rows.forEach((r, i) =>
    r.forEach((text, j) => {
      if (i > 0 && /^\d+(\.\d+)?$/.test(text)) figures.push(fig(doc, 0, text, { cell: [i, j] }));
    })
  );
  return { doc, figures };
}

Deno.test("合计 row: right, wrong, 其中 rows not summed, rate columns skipped", () => {
  const header = ["项目", "预算数（万元）", "执行率"];
  const ok = tableDoc([header, ["基本支出", "100.5", "98"], ["其中：工资", "80", "100"], [
    "项目支出",
    "50.25",
    "97",
  ], ["合计", "150.75", "97.7"]]);
  assert.deepEqual(run(rule, ok.doc, [], ok.figures), []);
  const bad = tableDoc([header, ["基本支出", "100.5", "98"], ["项目支出", "50.25", "97"], [
    "合计",
    "160.75",
    "97.7",
  ]]);
  const [f, ...rest] = run(rule, bad.doc, [], bad.figures);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, "error");
  assert.deepEqual(f.evidence[0].table, { index: 0, row: 3, col: 1 });
  assert.equal(f.evidence[0].quote, "160.75");
});

Deno.test("合计 column with an empty cell above: read as 0, a shortfall only a warning stating it", () => {
  const t = tableDoc([["项目", "金额"], ["A", "100"], ["B", ""], ["合计", "300"]]);
  const [f, ...rest] = run(rule, t.doc, [], t.figures);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, "warning");
  assert.match(String(f.details.assumption), /空白单元格为0/);
  assert.deepEqual(
    run(rule, tableDoc([["项目", "金额"], ["A", "100"], ["B", "—"], ["合计", "100"]]).doc, []),
    [],
  );
  const over = tableDoc([["项目", "金额"], ["A", "100"], ["B", ""], ["C", "250"], ["合计", "300"]]);
  assert.equal(run(rule, over.doc, [], over.figures)[0]?.severity, "error");
});

Deno.test("合计 row read from the cells themselves (full-width digits), no extractor figures needed", () => {
  const rows = [["项目", "人数"], ["甲", "１２０"], ["乙", "５０"], ["合　计", "１５０"]];
  const doc = makeDoc([table(rows)]);
  const [f, ...rest] = run(rule, doc, []);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, "error");
  assert.equal(f.details.computed, 170);
  const okDoc = makeDoc([table([["项目", "人数"], ["甲", "１２０"], ["乙", "５０"], ["合计", "１７０"]])]);
  assert.deepEqual(run(rule, okDoc, []), []);
});

Deno.test("a 总分 row of scores without a 合计 label is not a sum row; 合计 under 小计 rows adds the subtotals", () => {
  const scores = makeDoc([table([["指标", "分值"], ["A", "35"], ["B", "20"], ["", "100"]])]);
  assert.deepEqual(run(rule, scores, []), []);
  const sub = makeDoc([
    table([
      ["项目", "金额"],
      ["A", "10"],
      ["B", "20"],
      ["小计", "30"],
      ["C", "5"],
      ["D", "5"],
      ["小计", "10"],
      [
        "合计",
        "40",
      ],
    ]),
  ]);
  assert.deepEqual(run(rule, sub, []), []);
  const wrong = makeDoc([
    table([
      ["项目", "金额"],
      ["A", "10"],
      ["B", "20"],
      ["小计", "30"],
      ["C", "5"],
      ["D", "5"],
      ["小计", "10"],
      [
        "合计",
        "50",
      ],
    ]),
  ]);
  const [f, ...rest] = run(rule, wrong, []);
  assert.equal(rest.length, 0);
  assert.equal(f.details.formula, "30 + 10 = 40");
});

const budget = (...paras: string[]) =>
  runRule(rule, makeDoc(paras)).filter((f) => String(f.message).includes("基本支出与项目支出"));

Deno.test("budget identity: 支出 ≠ 基本支出 + 项目支出 of the same fund, across paragraphs, is a warning", () => {
  const [f, ...rest] = budget(
    "2023年我局财政拨款支出350.6万元。",
    "1.基本支出：财政拨款基本支出290.6万元。",
    "2.项目支出：财政拨款项目支出80万元。",
  );
  assert.equal(rest.length, 0);
  assert.equal(f.severity, "warning");
  assert.equal(f.details.computed, 370.6);
  assert.match(String(f.details.assumption), /同一口径/);
  assert.deepEqual(f.evidence.map((e) => [e.block, e.quote]), [
    [0, "2023年我局财政拨款支出350.6万元"],
    [1, "1.基本支出：财政拨款基本支出290.6万元"],
    [2, "2.项目支出：财政拨款项目支出80万元"],
  ]);
});

Deno.test("budget identity: consistent, another fund, or an account stated twice differently: nothing", () => {
  const consistent = ["我局财政拨款支出370.6万元。", "财政拨款基本支出290.6万元，财政拨款项目支出80万元。"];
  assert.deepEqual(budget(...consistent), []);
  // Near miss: the parts belong to another fund (政府性基金), so they are not parts of this total.
  assert.deepEqual(
    budget("财政拨款支出350.6万元。", "政府性基金基本支出290.6万元，政府性基金项目支出80万元。"),
    [],
  );
  // The total itself is stated with two values: which one to check is not certain; conflicting-figure's job.
  assert.deepEqual(
    budget(
      "财政拨款支出350.6万元。",
      "财政拨款支出370.6万元。",
      "财政拨款基本支出290.6万元，财政拨款项目支出80万元。",
    ),
    [],
  );
});

Deno.test("分 lists through the extractor: one item's weight and score are not parts of a total", () => {
  const cases: { text: string; severities: string[] }[] = [
    // valid: one item stated with its weight and score: nothing to sum
    {
      text: "部门管理类指标分值35分，评价得分34分，得分率97.14%。其中“预算调整率”指标分值3分，得2.5分。",
      severities: [],
    },
    { text: "决策类指标分值15分，评价得分8分。其中“立项依据充分性”指标分值3分，得1.5分。", severities: [] },
    // invalid: named scores of the parts do not add up to the stated score (short of it: 其中 may name only
    // some items, a warning; above it: an error)
    { text: "部门决策得分18分，其中目标设定得5分，决策过程得6分，资金分配得3分。", severities: ["warning"] },
    { text: "部门决策得分10分，其中目标设定得5分，决策过程得6分，资金分配得3分。", severities: ["error"] },
    {
      text: "部门决策得分10分，其中目标设定分值6分得5分，决策过程分值8分得6分，资金分配分值6分得3分。",
      severities: ["error"],
    },
    // near-miss: the same item twice, or scores with no names: not a breakdown
    { text: "部门决策得分18分，其中目标设定得5分，目标设定得3分。", severities: [] },
  ];
  for (const c of cases) {
    const fs = runRule(rule, makeDoc([c.text]));
    assert.deepEqual(fs.map((f) => f.severity), c.severities, c.text);
  }
});

Deno.test("分别为 lists through the extractor: the parts of the whole before them", () => {
  const cases: { text: string; severities: string[] }[] = [
    {
      text:
        "“三公”经费支出8.75万元，分别为公务接待费2.04万元、公务用车运行维护费6.71万元，较上年的10.72万元减少18.38%。",
      severities: [],
    },
    {
      text:
        "“三公”经费支出7.10万元，分别为公务接待费1.23万元、公务用车运行维护费6.22万元，较上年的13.55万元减少47.6%。",
      severities: ["error"],
    },
    // near-miss: values of things named before 分别为, after another clause
    { text: "年初预算150万元，调整后预算和实际支出分别为200万元、190万元。", severities: [] },
  ];
  for (const c of cases) {
    const fs = runRule(rule, makeDoc([c.text]));
    assert.deepEqual(fs.map((f) => f.severity), c.severities, c.text);
  }
});
