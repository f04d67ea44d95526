/**
 * Writes one base report (consistent by construction) for a layout: cover, optional 目录, sections with
 * figures recorded as facts, indicator table or 自评表, questionnaire, annexes.
 */
import { Builder, fillToc } from "./builder.ts";
import { basisDocs, boiler, FIRMS } from "./text.ts";
import { gradeOf, GRADES } from "./data.ts";
import { countClause, pctClause, repeatPair, sumClause } from "./facts.ts";
import { round2, score } from "./format.ts";
import { drawIdentity, type Identity } from "./identity.ts";
import type { Layout, Para, ReportModel, ScoreTree } from "./model.ts";
import { type Money, moneyWriter, split } from "./money.ts";
import type { Rng } from "./rng.ts";
import {
  drawDeduction,
  projectTree,
  type QuestData,
  questionnaire,
  scoreTree,
  stateTotals,
} from "./trees.ts";

interface Ctx {
  rng: Rng;
  b: Builder;
  id: Identity;
  layout: Layout;
  year: number;
  m: Money;
  quest?: QuestData;
  tree: ScoreTree;
  grade: string;
  gradeWords: readonly string[];
  project: string;
}

export function buildReport(rng: Rng, layout: Layout, year: number): ReportModel {
  const id = drawIdentity(rng, layout.unitKind);
  const b = new Builder();
  const m = moneyWriter(layout.money, rng.chance(0.5));
  const quest = layout.quest === "none" ? undefined : questionnaire(rng);
  const project = rng.pick(id.vocab.projects);
  const gradeWords = rng.pick(GRADES);
  let tree: ScoreTree;
  if (layout.reportKind === "xiangmu") {
    const outputs = rng.sample(id.vocab.outputs, 3);
    tree = projectTree(rng, outputs, quest ? Number(quest.satisfaction) : rng.int(91, 98));
  } else {
    tree = scoreTree(rng, layout.reportKind === "pingjia" ? 0 : rng.int(1, 2), drawDeduction(rng));
  }
  const c: Ctx = { rng, b, id, layout, year, m, quest, tree, grade: "", gradeWords, project };
  const title = cover(c);
  if (layout.reportKind === "zhengti") wholeReport(c);
  else projectReport(c);
  fillToc(b, layout.tocDeep);
  return {
    layout,
    year,
    unit: id.unit,
    unitShort: id.short,
    title,
    county: id.county,
    foreign: { sameKind: id.sameKindElsewhere, otherDept: id.otherDept },
    blocks: b.blocks,
    facts: b.facts,
  };
}

function titleLine(c: Ctx): { full: string; second: string } {
  const y = c.year;
  const kind = c.layout.reportKind;
  const second = kind === "zhengti"
    ? `${y}年度${c.layout.unitKind === "dept" ? "部门" : ""}整体支出绩效自评报告`
    : kind === "xiangmu"
    ? `${y}年度${c.project}绩效自评报告`
    : `${y}年度${c.project}绩效评价报告`;
  return { full: c.id.unit + second, second };
}

/** Title, cover lines, 目录. Returns the title. */
function cover(c: Ctx): string {
  const { b, id, year } = c;
  const t = titleLine(c);
  if (c.layout.titleLines === 2) {
    b.para(id.unit, { align: "center", bold: true });
    b.para(t.second, { align: "center", bold: true });
  } else b.para(t.full, { align: "center", bold: true });
  if (c.layout.reportKind === "pingjia") {
    b.para(`委托单位：${id.county}财政局`);
    const firm = `${id.province.slice(0, 2)}${c.rng.pick(FIRMS)}会计师事务所有限公司`;
    b.para(`评价机构：${firm}`);
  } else {
    b.para(`单位名称：${id.unit}`);
    entity(c, b.para(`评价机构：${id.unit}绩效自评工作小组`), id.unit);
  }
  b.para(`${year + 1}年${c.rng.int(3, 6)}月`, { align: "center" });
  if (c.layout.toc) {
    b.para(c.rng.pick(["目  录", "目录", "目 录"]), { align: "center", bold: true });
    b.toc();
  }
  return t.full;
}

function entity(c: Ctx, p: Para, unit: string): void {
  c.b.facts.entities.push({ block: p.id, snippet: unit, unit });
}

function yearSlot(c: Ctx, p: Para, snippet: string): void {
  c.b.facts.years.push({ block: p.id, snippet, year: c.year });
}

function addSum(c: Ctx, p: Para, f: ReturnType<typeof sumClause>): void {
  c.b.facts.sums.push({ ...f, block: p.id });
}

function addPct(c: Ctx, p: Para, f: ReturnType<typeof pctClause>): void {
  c.b.facts.pcts.push({ ...f, block: p.id });
}

function addCount(c: Ctx, p: Para, f: ReturnType<typeof countClause>): void {
  c.b.facts.counts.push({ ...f, block: p.id });
}

const num = (rng: Rng, lo: number, hi: number) => rng.int(lo, hi);

/** 部门/单位整体支出绩效自评报告. */
function wholeReport(c: Ctx): void {
  const { b, id, rng, year, m, layout } = c;
  const unitWord = layout.unitKind === "dept" ? "部门" : "单位";
  b.fullWidth = layout.fullWidth;
  b.heading(1, `${unitWord}概况`);
  b.heading(2, "机构设置及人员情况");
  const offices = rng.sample(id.vocab.offices, rng.int(3, Math.min(6, id.vocab.offices.length)));
  const officeWord =
    { school: "处室", hospital: "科室", town: "内设机构", street: "内设机构", dept: "股室" }[layout.unitKind];
  const oc = countClause(offices, rng.chance(0.4), (n, list) => `内设${list}等${n}个${officeWord}`);
  const staffA = num(rng, 8, 40), staffB = num(rng, 5, 60);
  const staffTotal = staffA + staffB;
  const labels = layout.unitKind === "school"
    ? ["专任教师编制", "工勤编制"]
    : layout.unitKind === "hospital"
    ? ["专业技术编制", "管理及工勤编制"]
    : ["行政编制", "事业编制"];
  const sc = sumClause(
    [staffA, staffB],
    (v) => `${v}人`,
    (t, [a, bb]) => `核定编制${t}，其中${labels[0]}${a}、${labels[1]}${bb}`,
  );
  const actual = staffTotal - num(rng, 0, Math.min(6, staffTotal - 2));
  const staffRepeat = repeatPair(
    "实有在职人员",
    String(actual),
    String(actual + rng.pick([-3, -2, 2, 3, 5])),
    (v) => `年末实有在职人员${v}人`,
    (v) => `截至年末实有在职人员${v}人，未超出核定编制`,
  );
  const p1 = b.para(
    `${id.unit}${oc.snippet}。${sc.snippet}；${staffRepeat.first}，退休人员${num(rng, 2, 40)}人。`,
  );
  addCount(c, p1, oc);
  addSum(c, p1, sc);

  b.heading(2, "主要职能");
  const duties = rng.sample(id.vocab.duties, rng.int(3, id.vocab.duties.length));
  const dc = countClause(duties, rng.chance(0.5), (n, list) => `主要承担${list}等${n}个方面的职能`);
  addCount(c, b.para(`根据“三定”方案，${id.short}${dc.snippet}，并完成上级交办的其他工作任务。`), dc);

  b.heading(2, "年度工作完成情况");
  const acts = rng.sample(id.vocab.activities, rng.int(3, 5));
  const ac = countClause(acts, rng.chance(0.4), (n, list) => `全年组织开展了${n}项专项活动：${list}`);
  const leaflets = num(rng, 12, 90) * 100, people = num(rng, 12, 95) / 10;
  addCount(c, b.para(`${ac.snippet}，发放宣传资料${leaflets}余份，惠及群众约${people}万人次。`), ac);
  const outs = rng.sample(id.vocab.outputs, 2);
  for (const o of outs) {
    const target = num(rng, o.lo, o.hi);
    const done = Math.round(target * num(rng, 96, 125) / 100);
    const f = pctClause(
      "share",
      done,
      target,
      (p) => `完成${o.name}${done}${o.unit}，占年度目标任务${target}${o.unit}的${p}%`,
    );
    addPct(c, b.para(`${f.snippet}。`), f);
  }
  const trainings = num(rng, 3, 24), trainees = num(rng, 80, 900);
  const trainRepeat = repeatPair(
    "培训人次",
    String(trainees),
    String(trainees + rng.pick([-40, -12, 10, 30, 100])),
    (v) => `举办业务培训${trainings}期，培训${v}人次`,
    (v) => `全年累计培训${v}人次`,
  );
  const pTrain = b.para(`${trainRepeat.first}，干部职工业务能力进一步提升。`);

  b.heading(2, "资金来源及使用情况");
  const scale = layout.unitKind === "hospital" ? [300, 2500] : [40, 400];
  let income = num(rng, scale[0], scale[1]) * 1000 + num(rng, 0, 999);
  if (layout.money === "yi") income = Math.max(1, Math.round(income / 10000)) * 10000 + 1000000;
  const incLabels = layout.unitKind === "hospital"
    ? ["财政补助收入", "医疗收入", "其他收入"]
    : ["财政拨款收入", "其他收入"];
  const incParts = split(() => rng.next(), income, incLabels.length, 100);
  if (layout.unitKind !== "hospital") {
    incParts[0] = income - Math.round(income * num(rng, 1, 8) / 100);
    incParts[1] = income - incParts[0];
  }
  const ic = sumClause(
    incParts,
    m,
    (t, ps) => `${year}年度收入合计${t}，其中${ps.map((p, i) => incLabels[i] + p).join("、")}`,
    income,
  );
  addSum(c, b.para(`${ic.snippet}。`), ic);
  const budget = income - num(rng, 0, Math.floor(income / 50));
  const spent = budget - num(rng, 0, Math.floor(budget / 20));
  const basic = Math.round(spent * num(rng, 45, 80) / 100);
  const ec = sumClause(
    [basic, spent - basic],
    m,
    (t, [a, bb]) => `全年支出合计${t}，其中基本支出${a}、项目支出${bb}`,
  );
  const xc = pctClause(
    "exec",
    spent,
    budget,
    (p) => `全年预算数${m(budget)}，实际支出${m(spent)}，预算执行率为${p}%`,
  );
  const pSpend = b.para(`${ec.snippet}。${xc.snippet}。`);
  addSum(c, pSpend, ec);
  addPct(c, pSpend, xc);
  const sg = [num(rng, 20, 900), num(rng, 100, 2500)];
  const sgLabels = ["公务接待费", "公务用车运行维护费"];
  if (rng.chance(0.3)) {
    sg.push(num(rng, 50, 600));
    sgLabels.push("因公出国（境）费");
  }
  const sgc = sumClause(
    sg,
    m,
    (t, ps) => `“三公”经费支出${t}，分别为${ps.map((p, i) => sgLabels[i] + p).join("、")}`,
  );
  const prev = sgc.total + num(rng, 5, Math.max(6, sgc.total));
  const gc = pctClause("growth", sgc.total, prev, (p) => `较上年的${m(prev)}减少${p}%`);
  const pSg = b.para(`${sgc.snippet}，${gc.snippet}。`);
  addSum(c, pSg, sgc);
  addPct(c, pSg, gc);
  b.fullWidth = false;

  b.heading(1, "绩效目标");
  const planSnippet = `《${id.short}${year}年工作计划》`;
  const pPlan = b.para(
    `依据${planSnippet}和${year}年度${unitWord}预算批复，结合${unitWord}职能设定年度整体绩效目标。`,
  );
  yearSlot(c, pPlan, planSnippet);
  const leafNames = outs.map((o) => o.name).concat(["预算执行率", "服务对象满意度"]);
  const tc = countClause(leafNames, rng.chance(0.4), (n, list) => `共设置${n}项核心绩效指标，分别为${list}`);
  addCount(c, b.para(`${tc.snippet}，各项指标均细化量化并与预算相匹配。`), tc);

  b.heading(1, "评价思路和过程");
  b.heading(2, "评价依据");
  const targetSnippet = `《${id.unit}${year}年度${unitWord}整体支出绩效目标申报表》`;
  yearSlot(
    c,
    b.para(`本次评价主要依据${basisDocs(year, id.province)}以及${targetSnippet}等。`),
    targetSnippet,
  );
  b.heading(2, "评价过程");
  b.para(boiler.idea(rng));
  const pData = b.para(`评价所用基础数据由${id.unit}${id.financeOffice}提供，并经评价小组核实。`);
  entity(c, pData, id.unit);
  questText(c);
  conclusion(c, `${layout.unitKind === "dept" ? "部门" : ""}整体支出绩效自评`);

  b.heading(2, "具体绩效分析");
  treeSummary(c);
  const pAnalysis = b.para(`在人员管理方面，${staffRepeat.second}；在能力建设方面，${trainRepeat.second}。`);
  c.b.facts.repeats.push(
    { ...staffRepeat.fact, block: p1.id, secondBlock: pAnalysis.id },
    { ...trainRepeat.fact, block: pTrain.id, secondBlock: pAnalysis.id },
  );
  closing(c, ["主要经验做法", "存在的问题", "改进措施及建议"]);
  annexes(c);
}

/** 项目支出绩效自评报告 (with 自评表) and third-party 评价报告. */
function projectReport(c: Ctx): void {
  const { b, id, rng, year, m, layout } = c;
  const isEval = layout.reportKind === "pingjia";
  b.fullWidth = layout.fullWidth;
  b.heading(1, "项目概况");
  b.heading(2, "项目基本情况");
  let budget = num(rng, 80, 2400) * 100 + num(rng, 0, 99);
  if (layout.money === "yi") budget = num(rng, 101, 340) * 10000;
  const srcLabels = ["中央补助资金", "省级补助资金", "本级配套资金"].slice(0, rng.int(2, 3));
  const fc = sumClause(
    split(() => rng.next(), budget, srcLabels.length, 100),
    m,
    (t, ps) => `项目年度预算${t}，其中${ps.map((p, i) => srcLabels[i] + p).join("、")}`,
    budget,
  );
  const beneficiaries = num(rng, 800, 60000);
  const benRepeat = repeatPair(
    "受益群众",
    String(beneficiaries),
    String(beneficiaries + rng.pick([-300, -80, 60, 500])),
    (v) => `覆盖受益群众${v}人`,
    (v) => `项目惠及群众${v}人`,
  );
  const pFund = b.para(`${c.project}由${id.unit}组织实施，${benRepeat.first}。${fc.snippet}。`);
  addSum(c, pFund, fc);
  b.heading(2, "项目绩效目标");
  const planSnippet = `《${year}年${c.project}实施方案》`;
  yearSlot(c, b.para(`根据${planSnippet}，项目年度绩效目标为按期完成建设任务并发挥效益。`), planSnippet);
  const quantity = c.tree.l1[0].children[0].leaves;
  const names = c.tree.l1.flatMap((l) => l.children.flatMap((x) => x.leaves.map((leaf) => leaf.name)));
  const tc = countClause(names, rng.chance(0.4), (n, list) => `共设定${n}个三级绩效指标：${list}`);
  if (layout.reportKind === "xiangmu") addCount(c, b.para(`${tc.snippet}。`), tc);
  else {
    const acts = rng.sample(id.vocab.activities, rng.int(3, 5));
    const ac = countClause(acts, rng.chance(0.4), (n, list) => `项目实施期间开展了${n}项配套活动：${list}`);
    addCount(c, b.para(`${ac.snippet}。`), ac);
  }
  b.fullWidth = false;

  b.heading(1, isEval ? "绩效评价工作开展情况" : "绩效自评工作开展情况");
  if (isEval) {
    b.heading(2, "评价目的");
    b.para(boiler.purpose(rng));
    b.heading(2, "评价依据");
  }
  const basisSnippet = `《${id.unit}${year}年度项目支出绩效目标表》`;
  yearSlot(
    c,
    b.para(`${isEval ? "" : "本次自评"}主要依据${basisDocs(year, id.province)}以及${basisSnippet}。`),
    basisSnippet,
  );
  if (isEval) b.heading(2, "评价过程");
  b.para(boiler.idea(rng));
  entity(c, b.para(`项目资金拨付、支出等基础数据由${id.unit}${id.financeOffice}提供。`), id.unit);
  questText(c);

  // Budget execution: in the 自评表 and in the text.
  const executed = budget - num(rng, 0, Math.floor(budget / 12));
  const xc = pctClause(
    "exec",
    executed,
    budget,
    (p) => `年度预算数${m(budget)}，全年执行数${m(executed)}，预算执行率为${p}%`,
  );
  const budgetScore = round2(10 * Number(xc.pct) / 100);
  if (layout.reportKind === "xiangmu") stateTotals(c.tree, 10, budgetScore);
  conclusion(c, isEval ? "绩效评价" : "绩效自评", {
    budget: m(budget),
    executed: m(executed),
    rate: xc.pct,
    budgetScore,
  });

  b.heading(1, isEval ? "绩效评价指标分析" : "绩效目标实现情况");
  b.heading(2, "预算执行情况");
  addPct(c, b.para(`${xc.snippet}。`), xc);
  b.heading(2, isEval ? "各类指标得分情况" : "产出指标完成情况");
  if (layout.reportKind === "xiangmu") {
    for (const leaf of quantity) {
      const target = Number(leaf.target!.replace(/\D/g, ""));
      const done = Number(leaf.actual!.replace(/\D/g, ""));
      const unit = leaf.actual!.replace(/\d/g, "");
      const f = pctClause(
        "share",
        done,
        target,
        (p) => `${leaf.name}实际完成${done}${unit}，完成年度指标值${target}${unit}的${p}%`,
      );
      addPct(c, b.para(`${f.snippet}。`), f);
    }
  } else treeSummary(c);
  b.heading(2, "效益指标完成情况");
  const pBen = b.para(`${boiler.benefit(rng)}${benRepeat.second}，群众反映良好。`);
  c.b.facts.repeats.push({ ...benRepeat.fact, block: pFund.id, secondBlock: pBen.id });
  if (c.quest) {
    b.heading(2, "满意度指标完成情况");
    b.para(`问卷调查结果显示，服务对象满意度为${c.quest.satisfaction}%。`);
  }
  closing(
    c,
    isEval ? ["主要经验及做法", "存在的问题及原因", "有关建议"] : ["存在的问题及原因", "下一步改进措施"],
  );
  annexes(c, { budget: m(budget), executed: m(executed), rate: xc.pct, budgetScore });
}

interface BudgetRow {
  budget: string;
  executed: string;
  rate: string;
  budgetScore: number;
}

function questText(c: Ctx): void {
  const q = c.quest;
  if (!q) return;
  const p = c.b.para(`评价期间共发放调查问卷${q.issued}份，收回${q.returned}份，其中有效问卷${q.valid}份。`);
  if (c.layout.quest !== "sentence") return;
  const first = q.questions[0];
  const counts = first.options.map((o) => o.count);
  const labels = first.options.map((o) => o.label);
  const last = labels[labels.length - 1];
  const answers = first.options.map((o) => `选择“${o.label}”的${o.count}份`).join("、");
  const sat = pctClause(
    "share",
    q.valid - counts[counts.length - 1],
    q.valid,
    (v) => `满意度（不含“${last}”）为${v}%`,
  );
  const snippet = `就“${first.text}”，${answers}`;
  const p2 = c.b.para(`${snippet}，${sat.snippet}。`);
  c.b.facts.questSentences.push({ block: p2.id, snippet, valid: q.valid, counts, labels });
  addPct(c, p2, sat);
  void p;
}

/** 评价结论: total, grade, and the table when it is not in an annex. */
function conclusion(c: Ctx, what: string, row?: BudgetRow): void {
  const { b } = c;
  const total = c.tree.statedTotalScore;
  c.grade = gradeOf(total, c.gradeWords);
  b.heading(1, c.layout.reportKind === "zhengti" ? "评价结论和绩效分析" : "综合评价结论");
  if (c.layout.reportKind === "zhengti") b.heading(2, "评价结论");
  const snippet = `${what}得分${score(total)}分，评价等级为“${c.grade}”`;
  const p = b.para(`经综合评价，${c.id.short}${c.year}年度${snippet}。`);
  c.b.facts.grades.push({ block: p.id, snippet, total, grade: c.grade, words: c.gradeWords });
  if (!c.layout.tableInAnnex) indicatorTable(c, row, `表1 ${c.year}年度绩效评价指标得分表`);
}

function indicatorTable(c: Ctx, row: BudgetRow | undefined, caption: string): void {
  const { b } = c;
  b.para(caption, { align: "center" });
  if (c.layout.reportKind === "xiangmu" && row) {
    b.push({
      kind: "project-table",
      id: b.id("t"),
      project: c.project,
      owner: c.id.unit,
      implementer: c.id.unit,
      budget: row.budget,
      executed: row.executed,
      rate: row.rate,
      budgetWeight: 10,
      budgetScore: row.budgetScore,
      tree: c.tree,
      mode: c.layout.table,
    });
  } else {
    b.push({
      kind: "score-table",
      id: b.id("t"),
      tree: c.tree,
      mode: c.layout.table,
      subtotals: c.layout.subtotals,
    });
  }
}

/** One sentence per 一级指标: weight, score, rate. */
function treeSummary(c: Ctx): void {
  for (const l1 of c.tree.l1) {
    const w = l1.statedWeight!, s = l1.statedScore!;
    const f = pctClause(
      "share",
      s,
      w,
      (p) => `${l1.name}类指标分值${score(w)}分，评价得分${score(s)}分，得分率${p}%`,
    );
    const lost = l1.children.flatMap((x) => x.leaves).filter((leaf) => leaf.score < leaf.weight);
    const why = lost.length
      ? `其中“${lost[0].name}”指标分值${score(lost[0].weight)}分，得${score(lost[0].score)}分。`
      : "各项指标均得满分。";
    addPct(c, c.b.para(`${f.snippet}。${why}`), f);
  }
}

function closing(c: Ctx, titles: string[]): void {
  const { b, rng } = c;
  const texts = [boiler.experience(rng), boiler.problems(rng), boiler.measures(rng)];
  const pick = titles.length === 2 ? texts.slice(1) : texts;
  titles.forEach((t, i) => {
    b.heading(1, t);
    for (const s of pick[i]) b.para(s);
  });
}

function annexes(c: Ctx, row?: BudgetRow): void {
  const { b } = c;
  let n = 0;
  if (c.layout.tableInAnnex) {
    b.para(`附件${++n}`, { bold: true });
    indicatorTable(
      c,
      row,
      c.layout.reportKind === "xiangmu"
        ? `${c.year}年度项目支出绩效自评表`
        : `${c.year}年度绩效评价指标体系及评分表`,
    );
  }
  const q = c.quest;
  if (q && c.layout.quest !== "sentence" && c.layout.quest !== "none") {
    b.para(`附件${++n}`, { bold: true });
    b.para("满意度问卷调查统计表", { align: "center" });
    b.para(`发放问卷${q.issued}份，收回问卷${q.returned}份，有效问卷${q.valid}份。`);
    b.push({
      kind: "quest-table",
      id: b.id("t"),
      valid: q.valid,
      questions: q.questions,
      shape: c.layout.quest,
    });
  }
}
