import assert from "node:assert/strict";
import { makeDoc } from "../helpers/doc.ts";
import { percentageArithmetic as rule } from "../../checks/rules/percentage-arithmetic.ts";
import { change, fig, ratio, run } from "./arith_builder.ts";
import { runRule } from "./run.ts";

Deno.test("growth 20% from 120 vs 100: no finding", () => {
  const doc = makeDoc(["本年培训120人，较上年100人增长20%。"]);
  const rel = change(doc, fig(doc, 0, "20%"), fig(doc, 0, "120人"), fig(doc, 0, "100人"));
  assert.deepEqual(run(rule, doc, [rel]), []);
});

Deno.test("growth stated 25% from 120 vs 100: error with the formula", () => {
  const doc = makeDoc(["本年培训120人，较上年100人增长25%。"]);
  const rel = change(doc, fig(doc, 0, "25%"), fig(doc, 0, "120人"), fig(doc, 0, "100人"));
  const [f, ...rest] = run(rule, doc, [rel]);
  assert.equal(rest.length, 0);
  assert.equal(f.rule, "percentage-arithmetic");
  assert.equal(f.severity, "error");
  assert.equal(f.details.formula, "(120 − 100) ÷ 100 × 100% = 20.00%");
  assert.equal(f.details.stated, 25);
  assert.equal(f.details.computed, 20);
  assert.ok(f.message.includes("25%"));
  assert.ok(doc.blocks[0].kind === "paragraph" && doc.blocks[0].text.includes(f.evidence[0].quote));
});

Deno.test("decline: 20.50 to 2.79 decreased 86.39% matches; 88% does not", () => {
  const ok = makeDoc(["本年支出2.79万元，上年支出20.50万元，较上年减少86.39%。"]);
  const rel = change(ok, fig(ok, 0, "86.39%"), fig(ok, 0, "2.79万元"), fig(ok, 0, "20.50万元"), "down");
  assert.deepEqual(run(rule, ok, [rel]), []);
  const bad = makeDoc(["本年支出2.79万元，上年支出20.50万元，较上年减少88%。"]);
  const rel2 = change(bad, fig(bad, 0, "88%"), fig(bad, 0, "2.79万元"), fig(bad, 0, "20.50万元"), "down");
  const fs = run(rule, bad, [rel2]);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].details.formula, "(20.50 − 2.79) ÷ 20.50 × 100% = 86.39%");
});

Deno.test("a stated 增长 that is really a fall is a mismatch", () => {
  const doc = makeDoc(["本年100人，较上年120人增长20%。"]);
  const rel = change(doc, fig(doc, 0, "20%"), fig(doc, 0, "100人"), fig(doc, 0, "120人"));
  assert.equal(run(rule, doc, [rel])[0]?.severity, "error");
});

Deno.test("个百分点: difference of two rates", () => {
  const mk = (stated: string) => {
    const d = makeDoc([`执行率由85.5%提高到90.2%，提高${stated}。`]);
    return run(rule, d, [change(d, fig(d, 0, stated), fig(d, 0, "90.2%"), fig(d, 0, "85.5%"), "up", true)]);
  };
  assert.deepEqual(mk("4.7个百分点"), []);
  const [f] = mk("5.7个百分点");
  assert.equal(f.severity, "error");
  assert.equal(f.details.formula, "90.2% − 85.5% = 4.70个百分点");
});

Deno.test("107.67% when 969/900 = 107.666…: match", () => {
  const doc = makeDoc(["城镇新增就业969人，完成目标任务数900人的107.67%。"]);
  const rel = ratio(doc, fig(doc, 0, "107.67%"), fig(doc, 0, "969人"), fig(doc, 0, "900人"));
  assert.deepEqual(run(rule, doc, [rel]), []);
});

Deno.test("12.67% written 12.6%: info, truncation", () => {
  const doc = makeDoc(["完成38人，占目标任务数300人的12.6%。"]);
  const rel = ratio(doc, fig(doc, 0, "12.6%"), fig(doc, 0, "38人"), fig(doc, 0, "300人"));
  const [f, ...rest] = run(rule, doc, [rel]);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, "info");
  assert.equal(f.messageId, "truncation");
  assert.equal(f.details.formula, "38 ÷ 300 × 100% = 12.67%");
  assert.ok(f.message.includes("12.7%"));
});

Deno.test("one unit off in the last digit (12.7% for 12.64%): info, rounding; two units off: error", () => {
  const mk = (stated: string) => {
    const d = makeDoc([`完成316人，占目标任务数2500人的${stated}。`]);
    return run(rule, d, [ratio(d, fig(d, 0, stated), fig(d, 0, "316人"), fig(d, 0, "2500人"))]);
  };
  const [f] = mk("12.7%");
  assert.equal(f.severity, "info");
  assert.equal(f.messageId, "rounding");
  assert.deepEqual(mk("12.6%"), []);
  assert.equal(mk("12.8%")[0].severity, "error");
});

Deno.test("wrong share: error in one sentence, warning when the whole is in another sentence", () => {
  const doc = makeDoc(["完成固定资产投资1700万元，占目标任务数1000万元的180%。"]);
  const rel = ratio(doc, fig(doc, 0, "180%"), fig(doc, 0, "1700万元"), fig(doc, 0, "1000万元"));
  const [f] = run(rule, doc, [rel]);
  assert.equal(f.severity, "error");
  assert.equal(f.details.formula, "1700 ÷ 1000 × 100% = 170.00%");

  const doc2 = makeDoc(["目标任务数1000万元。完成固定资产投资1700万元，占目标任务的180%。"]);
  const rel2 = ratio(doc2, fig(doc2, 0, "180%"), fig(doc2, 0, "1700万元"), fig(doc2, 0, "1000万元"));
  const [g] = run(rule, doc2, [rel2]);
  assert.equal(g.severity, "warning");
  assert.ok(typeof g.details.assumption === "string");
  assert.ok(g.message.includes("1000万元"));
});

Deno.test("money inputs carry their rounding: 1900万元 ÷ 1500万元 = 126.67%, 126.6% is within it but truncated", () => {
  const doc = makeDoc(["争取项目资金1900万元，占目标任务数1500万元的126.6%。"]);
  const rel = ratio(doc, fig(doc, 0, "126.6%"), fig(doc, 0, "1900万元"), fig(doc, 0, "1500万元"));
  // Rounded inputs could give 126.6%, so never a mismatch; the inputs as written give 126.67%, of which
  // 126.6% is the truncation: a rounding-level note.
  const fs = run(rule, doc, [rel]);
  assert.deepEqual(fs.map((f) => [f.messageId, f.severity, f.certainty]), [[
    "truncation",
    "info",
    "rounding",
  ]]);
  assert.equal(fs[0].details.formula, "1900 ÷ 1500 × 100% = 126.67%");
});

Deno.test("named rate (结案率) with numerator and denominator: warning", () => {
  const doc = makeDoc(["受理案件206件，结案200件，结案率100%。"]);
  const rel = ratio(doc, fig(doc, 0, "100%"), fig(doc, 0, "200件"), fig(doc, 0, "206件"), "结案率");
  const [f] = run(rule, doc, [rel]);
  // The sentence does not say what 结案率 divides: a warning naming the assumption, not an error.
  assert.equal(f.severity, "warning");
  assert.ok(f.message.includes("97.09%"));
  assert.ok(String(f.details.assumption).includes("结案率"));
});

Deno.test("no whole (占目标任务的107.67%): uncheckable, no finding", () => {
  const doc = makeDoc(["2023年，城镇新增就业969人，占目标任务的107.67%。"]);
  const rel = ratio(doc, fig(doc, 0, "107.67%"), fig(doc, 0, "969人"));
  assert.deepEqual(run(rule, doc, [rel]), []);
});

Deno.test("余: 80余家 of 100家 cannot be 70% (bound), can be 85%; 约 is skipped", () => {
  const bad = makeDoc(["服务企业80余家，占目标100家的70%。"]);
  const [f, ...rest] = run(rule, bad, [
    ratio(bad, fig(bad, 0, "70%"), fig(bad, 0, "80余家"), fig(bad, 0, "100家")),
  ]);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, "warning");
  assert.equal(f.messageId, "impossible");
  const ok = makeDoc(["服务企业80余家，占目标100家的85%。"]);
  assert.deepEqual(
    run(rule, ok, [ratio(ok, fig(ok, 0, "85%"), fig(ok, 0, "80余家"), fig(ok, 0, "100家"))]),
    [],
  );
  const about = makeDoc(["服务企业约80家，占目标100家的70%。"]);
  assert.deepEqual(
    run(rule, about, [ratio(about, fig(about, 0, "70%"), fig(about, 0, "约80家"), fig(about, 0, "100家"))]),
    [],
  );
});

Deno.test("parts in another unit than the whole: skipped", () => {
  const doc = makeDoc(["完成培训120人，占资金100万元的50%。"]);
  assert.deepEqual(
    run(rule, doc, [ratio(doc, fig(doc, 0, "50%"), fig(doc, 0, "120人"), fig(doc, 0, "100万元"))]),
    [],
  );
});

Deno.test("scaled inputs: 14.99万张 of 12万张 is 125% at the stated precision", () => {
  const doc = makeDoc(["已激活14.99万张，占目标任务数12万张的125%。"]);
  const rel = ratio(doc, fig(doc, 0, "125%"), fig(doc, 0, "14.99万张"), fig(doc, 0, "12万张"));
  assert.deepEqual(run(rule, doc, [rel]), []);
});

Deno.test("a change whose current figure is a list item: never an error, the guess stated", () => {
  const cases: { text: string; severities: string[] }[] = [
    // valid: the rate follows from the list's whole (8.75) — the last item (6.71) is not what changed
    {
      text:
        "“三公”经费支出8.75万元，分别为公务接待费2.04万元、公务用车运行维护费6.71万元，较上年的10.72万元减少18.38%。",
      severities: [],
    },
    // valid: the rate follows from the item itself
    { text: "收入100万元，其中财政拨款80万元，较上年70万元增长14.29%。", severities: [] },
    // invalid: follows from neither: a warning that says what was assumed
    {
      text:
        "“三公”经费支出8.75万元，分别为公务接待费2.04万元、公务用车运行维护费6.71万元，较上年的10.72万元减少25.38%。",
      severities: ["warning"],
    },
    // near-miss: a 、 list without its whole: the current figure is unknown, nothing is recomputed
    { text: "公务接待费2.04万元、公务用车运行维护费6.71万元，较上年的10.72万元减少25.38%。", severities: [] },
    // near-miss: another subject than the previous figure's: warning, not error
    { text: "公用经费20万元，较上年人员经费30万元减少40%。", severities: ["warning"] },
    // the same subject stays certain
    { text: "一般公共预算支出120万元，较上年支出100万元增长25%。", severities: ["error"] },
  ];
  for (const c of cases) {
    const fs = runRule(rule, makeDoc([c.text]));
    assert.deepEqual(fs.map((f) => f.severity), c.severities, c.text);
    for (const f of fs.filter((f) => f.severity === "warning")) assert.match(f.message, /假设/);
  }
});

Deno.test("得分率 and 完成年度指标值 recomputed from the sentence's figures", () => {
  const cases: { text: string; severities: string[] }[] = [
    { text: "部门决策类指标分值20分，评价得分15.5分，得分率77.5%。", severities: [] },
    { text: "部门决策类指标分值20分，评价得分15.5分，得分率71.68%。", severities: ["warning"] },
    { text: "价格监测报送实际完成34期，完成年度指标值40期的85%。", severities: [] },
    { text: "价格监测报送实际完成34期，完成年度指标值40期的90.88%。", severities: ["error"] },
    // near-miss: no weight in the sentence, nothing to recompute
    { text: "评价得分15.5分，得分率71.68%。", severities: [] },
  ];
  for (const c of cases) {
    const fs = runRule(rule, makeDoc([c.text]));
    assert.deepEqual(fs.map((f) => f.severity), c.severities, c.text);
  }
});

Deno.test("the amount of a change (比上年增加200万元) is neither period's value", () => {
  const consistent = [
    "本年收入1200万元，比上年增加200万元，增长20%。",
    "本年支出1200万元，较上年减少200万元，下降14.3%。",
    "本年收入１２００万元，比上年增加了２００万元，增长２０％。",
    "本年新增就业120人，较上年增加20人，增长20%。",
  ];
  for (const text of consistent) assert.deepEqual(runRule(rule, makeDoc([text])), [], text);
  // Near miss: the earlier value itself stated (上年收入1000万元, 由…增加到…) is still compared.
  for (
    const text of ["本年收入1200万元，上年收入1000万元，增长25%。", "收入由1000万元增加到1200万元，增长25%。"]
  ) {
    const f = runRule(rule, makeDoc([text]));
    assert.deepEqual(f.map((x) => [x.messageId, x.details.computed]), [["mismatch", 20]], text);
  }
});
