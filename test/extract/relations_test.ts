import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { extract } from "../../src/extract/index.ts";
import { makeDoc, table } from "../helpers/doc.ts";
import type { Change, PartWhole, Ratio, Relation, ScoreClaim } from "../../src/model/figure.ts";

const rels = (...texts: string[]) => extract(makeDoc(texts)).relations;
const kind = <K extends Relation["kind"]>(rs: Relation[], k: K) =>
  rs.filter((r) => r.kind === k) as Extract<Relation, { kind: K }>[];
const pw = (...t: string[]): PartWhole[] => kind(rels(...t), "part-whole");
const ch = (...t: string[]): Change[] => kind(rels(...t), "change");
const ra = (...t: string[]): Ratio[] => kind(rels(...t), "ratio");
const sc = (...t: string[]): ScoreClaim[] => kind(rels(...t), "score");

Deno.test("part-whole: 其中 list, complete", () => {
  const [r] = pw(
    "聘任专业技术岗7210人，其中高级职称2745人，中级职称2664人，初级职称1801人；事业单位管理岗聘任316人。",
  );
  strictEqual(r.whole.raw, "7210人");
  deepStrictEqual(r.parts.map((p) => p.raw), ["2745人", "2664人", "1801人"]);
  strictEqual(r.complete, true);
  strictEqual(r.marker, "其中");
  ok(r.quote.startsWith("聘任专业技术岗7210人") && r.quote.endsWith("初级职称1801人"));
});

Deno.test("part-whole: 。其中： across sentences, with a parenthetical 含 as a sub-part of its own part", () => {
  const rs = pw(
    "实有人员编制46人。其中：行政编制15人，事业编制31人（含参公管理事业编制5人）；在职在编实有行政人员22人。",
  );
  const main = rs.find((r) => r.marker === "其中")!;
  strictEqual(main.whole.raw, "46人");
  deepStrictEqual(main.parts.map((p) => p.raw), ["15人", "31人"]);
  strictEqual(main.complete, true);
  const sub = rs.find((r) => r.marker === "含")!;
  deepStrictEqual([sub.whole.raw, sub.parts.map((p) => p.raw), sub.complete], ["31人", ["5人"], false]);
});

Deno.test("part-whole: incomplete lists (等, 主要, one part, approximate part)", () => {
  strictEqual(pw("培训学员3623人，其中脱贫劳动力3241人。")[0].complete, false);
  strictEqual(pw("共检查单位50家，其中企业20家、机关10家等。")[0].complete, false);
  strictEqual(pw("共检查单位50家，其中主要为企业20家、机关10家。")[0].complete, false);
  strictEqual(pw("共培训500人，其中农民工300余人、学生200人。")[0].complete, false);
});

Deno.test("part-whole: parts share the whole's unit; rates never add up", () => {
  const [r] = pw(
    "2023年度“三公经费”支出2.79万元，其中公务用车购置费0万元，公务用车运行维护费2.4万元，公务接待费0.38万元。",
  );
  deepStrictEqual(r.parts.map((p) => p.raw), ["0万元", "2.4万元", "0.38万元"]);
  strictEqual(r.complete, true);
  deepStrictEqual(pw("较上年度支出减少86.39%，其中公务用车购置费减少100%，公务接待费增加171.43%。"), []);
  // A rate inside the list marks a narrative, not a breakdown.
  const [n] = pw(
    "处理案件458件。其中，受理206件，结案率100%，以裁决结案171件，以调解结案45件，不属于受案范围12件。",
  );
  strictEqual(n.complete, false);
});

Deno.test("part-whole: a nested breakdown after the parts is cut off", () => {
  const [r] = pw("全年共申请工伤案件220件，其中受理218件，不予受理2件，认定工伤209件，死亡4件。");
  deepStrictEqual(r.parts.map((p) => p.raw), ["218件", "2件"]);
});

Deno.test("change: current and previous from 较上年X", () => {
  const [c] = ch("2023年本年收入1868.58万元，较上年收入1760.86万增加6.12%，2023年支出合计1885.44万元。");
  deepStrictEqual([c.direction, c.points, c.rate.raw, c.current?.raw, c.previous?.raw], [
    "up",
    false,
    "6.12%",
    "1868.58万元",
    "1760.86万",
  ]);
});

Deno.test("change: two consecutive years before 较上年度, and 由…增加到", () => {
  const [a] = ch("2023年度年初预算安排1401.15万元，2022年度年初预算安排1217.55万元，较上年度增加15.08%。");
  deepStrictEqual([a.current?.raw, a.previous?.raw], ["1401.15万元", "1217.55万元"]);
  const [b] = ch("项目支出由100万元增加到120万元，增长20%。");
  deepStrictEqual([b.current?.raw, b.previous?.raw, b.direction], ["120万元", "100万元", "up"]);
  const [p] = ch("满意度95%，较上年90%提高5个百分点。");
  deepStrictEqual([p.points, p.current?.raw, p.previous?.raw], [true, "95%", "90%"]);
});

Deno.test("change: without figures, down; no comparison word, no change", () => {
  const [c] = ch("较上年度“三公经费”支出减少86.39%。");
  deepStrictEqual([c.direction, c.current, c.previous], ["down", undefined, undefined]);
  deepStrictEqual(ch("参保率提高到95%。"), []);
  deepStrictEqual(ch("城镇新增就业969人，占目标任务的107.67%。"), []);
});

Deno.test("ratio: share/completion with and without the target", () => {
  const [a] = ra("目前已激活14.99万张，占目标任务数12万张的125%。");
  deepStrictEqual([a.type, a.part?.raw, a.whole?.raw, a.rate.raw], [
    "completion",
    "14.99万张",
    "12万张",
    "125%",
  ]);
  const [b] = ra("城镇新增就业969人，占目标任务的107.67%；");
  deepStrictEqual([b.type, b.part?.raw, b.whole], ["completion", "969人", undefined]);
  const [c] = ra("城镇职工基本养老保险参保41956人，完成目标任务的38700人的108.41%；");
  deepStrictEqual([c.part?.raw, c.whole?.raw], ["41956人", "38700人"]);
  const [d] = ra("项目支出300万元，占总支出1000万元的30%。");
  deepStrictEqual([d.type, d.part?.raw, d.whole?.raw], ["share", "300万元", "1000万元"]);
});

Deno.test("ratio: the part skips a change clause and refuses a 其中 clause", () => {
  const [a] = ra(
    "全面完成城镇职工基本养老保险参保人数4.1956万人，比2022年末净增0.3519万人，完成全年目标任务3.87万人的108.41%。",
  );
  deepStrictEqual([a.part?.raw, a.whole?.raw], ["4.1956万人", "3.87万人"]);
  const [b] = ra("通过沪滇劳务协作实现转移就业1879人，其中转移至上海92人，完成目标任务的209.09%。");
  deepStrictEqual([b.part, b.whole], [undefined, undefined]);
});

Deno.test("ratio: named rates, with budget-execution inputs only when both are named", () => {
  const [a] = ra("预算数100万元，支出95万元，执行率95%。");
  deepStrictEqual([a.type, a.name, a.part?.raw, a.whole?.raw], ["rate", "执行率", "95万元", "100万元"]);
  const [b] = ra("受理206件，结案率100%。");
  deepStrictEqual([b.name, b.part, b.whole], ["结案率", undefined, undefined]);
  // A scoring rule's threshold is no claim.
  deepStrictEqual(ra("预算完成率≥95%得满分，未达到的每低于1%扣0.1分。"), []);
  deepStrictEqual(ra("劳动合同签订率=100%得3分"), []);
});

Deno.test("score: weight and score, bare 得X分, 扣X分", () => {
  const rs = sc(
    "制定了具体科室岗位职责，得1分。部门职能总评价分10分，实际得分8分。任务重，扣0.5分，得分1.5分。",
  );
  const w = rs.find((r) => r.weight)!;
  deepStrictEqual([w.subject, w.weight?.raw, w.score.raw], ["部门职能", "10分", "8分"]);
  const bare = rs.find((r) => r.score.raw === "1分")!;
  strictEqual(bare.weight, undefined);
  strictEqual(bare.subject, "制定了具体科室岗位职责");
  const d = rs.find((r) => r.deduction)!;
  strictEqual(d.score.raw, "0.5分");
  ok(rs.some((r) => r.score.raw === "1.5分" && !r.deduction));
  const [t] = sc("寻甸回族彝族自治县人社局得分96分，部门整体支出绩效为“优秀”。");
  deepStrictEqual([t.subject, t.score.stated], ["寻甸回族彝族自治县人社局", 96]);
});

Deno.test("score: scoring rules and rule cells are not claims; 得分：N分 in a cell is", () => {
  deepStrictEqual(sc("视匹配情况酌情得0-4分。"), []);
  deepStrictEqual(sc("未达到的每低于1%扣0.1分，扣完为止。"), []);
  const doc = makeDoc([
    table([["指标评分细则", "评价结果"], ["①设定了部门中长期规划目标，得0.5分；", "指标得分：96分"]]),
  ]);
  const rs = kind(extract(doc).relations, "score");
  deepStrictEqual(rs.map((r) => r.score.raw), ["96分"]);
  deepStrictEqual(rs[0].loc.table, { index: 0, row: 1, col: 1 });
});

Deno.test("part-whole: a paragraph cut off mid-list cannot be summed; a closed one can", () => {
  strictEqual(pw("核定编制120个，其中行政编制30个、事业编制60个、工勤")[0].complete, false);
  strictEqual(pw("核定编制120个，其中行政编制30个、事业编制60个、工勤编制30个")[0].complete, false);
  strictEqual(pw("核定编制120个，其中行政编制30个、事业编制60个、工勤编制30个。")[0].complete, true);
});

Deno.test("part-whole: once a clause-separated prefix makes the whole, later figures are not parts", () => {
  const [r] = pw(
    "年初预算386.52万元，其中财政拨款326.52万元，其他收入60万元，年中追加预算45.3万元，全年预算431.82万元。",
  );
  deepStrictEqual(r.parts.map((p) => p.raw), ["326.52万元", "60万元"]);
  strictEqual(r.complete, true);
  // Inside one 、 list a matching prefix does not end the list: the extra part is a real excess.
  const [s] = pw("项目支出90.5万元，其中设备购置40.5万元、培训费50万元、差旅费6.2万元。");
  deepStrictEqual(s.parts.map((p) => p.raw), ["40.5万元", "50万元", "6.2万元"]);
  strictEqual(s.complete, true);
});

Deno.test("part-whole in 分: parts share the whole's role (score/weight) and name ≥ 2 distinct items", () => {
  const cases: { text: string; parts: string[]; complete: boolean }[] = [
    // valid: weights of named parts of a total weight; scores of named parts of a score
    {
      text: "总分100分，其中决策20分、过程20分、产出30分、效益30分。",
      parts: ["20分", "20分", "30分", "30分"],
      complete: true,
    },
    {
      text: "部门决策得分18分，其中目标设定得5分，决策过程得6分，资金分配得7分。",
      parts: ["5分", "6分", "7分"],
      complete: true,
    },
    // a score right after its item's weight is named by the weight; the weights are not parts of a score
    {
      text: "部门决策得分18分，其中目标设定分值6分得5分，决策过程分值8分得6分，资金分配分值6分得7分。",
      parts: ["5分", "6分", "7分"],
      complete: true,
    },
    // invalid: one item's weight and score are not two parts of the total score
    {
      text: "部门管理类指标分值35分，评价得分34分，得分率97.14%。其中“预算调整率”指标分值3分，得2.5分。",
      parts: ["2.5分"],
      complete: false,
    },
    // near-miss: two scores, but the second names no item of its own
    {
      text: "部门决策得分18分，其中目标设定分值6分得5分，得6分，资金分配分值6分得7分。",
      parts: ["5分", "6分", "7分"],
      complete: false,
    },
    // near-miss: the same item named twice
    { text: "部门决策得分8分，其中目标设定得5分，目标设定得3分。", parts: ["5分", "3分"], complete: false },
  ];
  for (const c of cases) {
    const [r] = pw(c.text);
    ok(r, c.text);
    deepStrictEqual([r.parts.map((p) => p.raw), r.complete], [c.parts, c.complete], c.text);
  }
});

Deno.test("part-whole: 分别为 breaks down the whole right before it; a comparison clause ends the list", () => {
  const [r] = pw(
    "“三公”经费支出8.75万元，分别为公务接待费2.04万元、公务用车运行维护费6.71万元，较上年的10.72万元减少18.38%。",
  );
  deepStrictEqual([r.whole.raw, r.parts.map((p) => p.raw), r.complete, r.marker], [
    "8.75万元",
    ["2.04万元", "6.71万元"],
    true,
    "分别为",
  ]);
  // 其中 with a comparison after the parts: last year's figure is not a part.
  const [s] = pw("收入100万元，其中财政拨款80万元、其他收入20万元，较上年90万元增长11.11%。");
  deepStrictEqual(s.parts.map((p) => p.raw), ["80万元", "20万元"]);
  // near-misses: 分别为 after another clause, or values of things named before the marker.
  deepStrictEqual(pw("年初预算150万元，调整后预算和实际支出分别为200万元、190万元。"), []);
  deepStrictEqual(pw("全年支出150万元，分别为200万元、190万元。"), []);
});

Deno.test("change: a current figure that is one item of a list is a guess", () => {
  const cases: { text: string; current?: string; assumed: boolean; alternatives?: string[] }[] = [
    // the list's whole is stated right before 分别为: bound, with the item kept as an alternative
    {
      text:
        "“三公”经费支出8.75万元，分别为公务接待费2.04万元、公务用车运行维护费6.71万元，较上年的10.72万元减少18.38%。",
      current: "8.75万元",
      assumed: true,
      alternatives: ["6.71万元"],
    },
    {
      text: "收入100万元，其中财政拨款80万元，较上年70万元增长14.29%。",
      current: "100万元",
      assumed: true,
      alternatives: ["80万元"],
    },
    // a 、 list with no whole: nothing is bound
    { text: "公务接待费2.04万元、公务用车运行维护费6.71万元，较上年的10.72万元减少18.38%。", assumed: false },
    // another subject than the previous figure's: bound, but as a guess
    { text: "公用经费20万元，较上年人员经费30万元减少33.33%。", current: "20万元", assumed: true },
    // near-misses: the same subject (or none) is certain
    { text: "一般公共预算支出120万元，较上年支出100万元增长20%。", current: "120万元", assumed: false },
    { text: "年末在职人数58人，较上年末的55人增长5.45%。", current: "58人", assumed: false },
  ];
  for (const c of cases) {
    const [r] = ch(c.text);
    ok(r, c.text);
    strictEqual(r.current?.raw, c.current, c.text);
    strictEqual(!!r.assumption, c.assumed, c.text);
    deepStrictEqual(r.alternatives?.map((f) => f.raw), c.alternatives, c.text);
  }
});

Deno.test("ratio: completion of a 年度指标值, and 得分率 from the sentence's one weight and one score", () => {
  const [c] = ra("价格监测报送实际完成34期，完成年度指标值40期的85%。");
  deepStrictEqual([c.type, c.part?.raw, c.whole?.raw], ["completion", "34期", "40期"]);
  const [s] = ra("部门决策类指标分值20分，评价得分15.5分，得分率77.5%。");
  deepStrictEqual([s.name, s.part?.raw, s.whole?.raw], ["得分率", "15.5分", "20分"]);
  // near-miss: a score without its weight gives no inputs
  const [n] = ra("评价得分15.5分，得分率77.5%。");
  deepStrictEqual([n.name, n.part, n.whole], ["得分率", undefined, undefined]);
});
