import { checkContext } from "../../src/testing/context.ts";
import assert from "node:assert/strict";
import { conflictingFigure } from "../../checks/rules/conflicting-figure.ts";
import { conflictingFigureSubject } from "../../checks/rules/conflicting-figure-subject.ts";
import type { FindingDraft, Rule } from "../../src/model/rule.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import type { Document } from "../../src/model/document.ts";
import type { Figure } from "../../src/model/figure.ts";
import { h, makeDoc } from "../helpers/doc.ts";

function check(rule: Rule, doc: Document, figures: Figure[]): FindingDraft[] {
  return rule.check(
    checkContext({ doc, extraction: { figures, relations: [] }, config: DEFAULT_CONFIG }),
  );
}

/** (a) is conflicting-figure's (aligned passages), (b) conflicting-figure-subject's (same subject). */
const aligned = (doc: Document) => check(conflictingFigure, doc, []);
const subject = (doc: Document, figures: Figure[]) => check(conflictingFigureSubject, doc, figures);

function assertQuotes(doc: Document, findings: FindingDraft[]) {
  for (const f of findings) {
    for (const e of f.evidence) {
      const b = doc.blocks[e.block];
      assert.ok(b.kind !== "table" && b.text.includes(e.quote), `quote not in block ${e.block}: ${e.quote}`);
    }
  }
}

const A = "全面抓好年度事业单位公开招聘和高校毕业生招募工作，圆满完成104名工作人员公开招聘工作。";
const B = "抓好人才回归工作，从县外调入事业单位人员32人，其中，专业技术人才27人、管理人才5人。";
const B2 = "抓好人才回归工作，从县外调入事业单位人员23人，其中，专业技术人才19人、管理人才4人。";

Deno.test("(a) a passage pasted twice with different numbers: one error per differing number", () => {
  const text = `二是抓好人才招聘。${A}${B}${A}${B2}`;
  const doc = makeDoc([h(1, "一、部门概况"), text]);
  const fs = aligned(doc);
  assert.equal(fs.length, 3);
  assert.ok(fs.every((f) => f.severity === "error"));
  assert.deepEqual(fs.map((f) => f.details.stated), [["32", "23"], ["27", "19"], ["5", "4"]]);
  assert.deepEqual(fs[0].evidence.map((e) => e.quote), [
    "从县外调入事业单位人员32人",
    "从县外调入事业单位人员23人",
  ]);
  assert.deepEqual(fs[1].evidence.map((e) => e.quote), ["专业技术人才27人", "专业技术人才19人"]);
  assert.deepEqual(fs[2].evidence.map((e) => e.quote), ["管理人才5人", "管理人才4人"]);
  assert.equal(fs[0].evidence[0].section, "一、部门概况");
  assert.match(fs[0].message, /32与23不可能同时正确/);
  assertQuotes(doc, fs);
});

Deno.test("(a) the same conflict in duplicated paragraphs is one finding with every place", () => {
  const text = `${A}${B}${A}${B2}`;
  const doc = makeDoc([h(1, "一、甲"), text, h(1, "二、乙"), text]);
  const fs = aligned(doc);
  assert.equal(fs.length, 3);
  assert.equal(fs[0].evidence.length, 4);
  assert.deepEqual(fs[0].details.occurrences, { "32": 2, "23": 2 });
});

Deno.test("(a) one quantity given three values in three copies is one finding listing every value", () => {
  const doc = makeDoc([
    h(1, "一、甲"),
    `${A}${B}`,
    h(1, "二、乙"),
    `${A}${B.replace("32", "23")}`,
    h(1, "三、丙"),
    `${A}${B.replace("32", "30")}`,
  ]);
  const fs = aligned(doc);
  assert.equal(fs.length, 1, fs.map((f) => f.message).join("\n"));
  assert.equal(fs[0].severity, "error");
  assert.deepEqual(fs[0].details.stated, ["32", "23", "30"]);
  assert.deepEqual(fs[0].details.occurrences, { "32": 1, "23": 1, "30": 1 });
  assert.deepEqual(fs[0].evidence.map((e) => e.section), ["一、甲", "二、乙", "三、丙"]);
  assert.match(fs[0].message, /所写数值32、23与30不可能同时正确/);
  assertQuotes(doc, fs);
  // Near miss: two of the three copies agree, so there are two values and the two-value wording.
  const two = aligned(
    makeDoc([h(1, "一、甲"), `${A}${B}`, h(1, "二、乙"), `${A}${B}`, h(1, "三、丙"), `${A}${B2}`]),
  );
  assert.equal(two.length, 3);
  assert.deepEqual(two[0].details.occurrences, { "32": 2, "23": 1 });
  assert.match(two[0].message, /所写数值32与23不可能同时正确/);
});

Deno.test("(a) full-width digits are read", () => {
  const text = `${A}${B.replace("32", "３２")}${A}${B.replace("32", "23")}`;
  const doc = makeDoc([h(1, "一、甲"), text]);
  const fs = aligned(doc);
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].evidence.map((e) => e.quote), [
    "从县外调入事业单位人员３２人",
    "从县外调入事业单位人员23人",
  ]);
  assert.deepEqual(fs[0].details.values, [32, 23]);
  assertQuotes(doc, fs);
});

Deno.test("(a) identical copies, rounding-compatible values and different years are not conflicts", () => {
  assert.equal(aligned(makeDoc([h(1, "一、甲"), `${A}${B}${A}${B}`])).length, 0);
  // Same paragraph, so the copies are aligned: only the values decide.
  const s1 = "全县城乡居民基本养老保险参保续费人数达到12.35万人，完成目标任务，参保覆盖面进一步扩大。";
  assert.equal(aligned(makeDoc([h(1, "一、甲"), s1 + s1.replace("12.35", "12.3")])).length, 0);
  assert.equal(aligned(makeDoc([h(1, "一、甲"), s1 + s1.replace("12.35", "12.1")])).length, 1);
  const y1 = "2022年全县城镇新增就业人数900人，农村劳动力转移就业人数稳定增长，就业形势总体稳定向好。";
  assert.equal(
    aligned(makeDoc([h(1, "一、甲"), y1 + y1.replace("2022", "2023").replace("900", "969")])).length,
    0,
  );
  assert.equal(aligned(makeDoc([h(1, "一、甲"), y1 + y1.replace("900", "969")])).length, 1);
});

Deno.test("(a) a short templated sentence in unrelated places is not aligned", () => {
  const t1 = "经评价，该指标完成情况良好，得分为4分。";
  const t2 = "经评价，该指标完成情况良好，得分为3分。";
  assert.equal(
    aligned(makeDoc([h(1, "一、甲"), `资产管理制度健全。${t1}`, h(1, "二、乙"), `采购程序规范。${t2}`]))
      .length,
    0,
  );
  // The same sentence next to a shared sentence is one passage written twice.
  const fs = aligned(makeDoc([h(1, "一、甲"), `${A}${t1}`, h(1, "二、乙"), `${A}${t2}`]));
  assert.equal(fs.length, 1);
  assert.deepEqual(fs[0].details.stated, ["4", "3"]);
});

/** A figure for `raw` inside the clause `quote` of block `block`. */
function fig(doc: Document, block: number, quote: string, raw: string, f: Partial<Figure>): Figure {
  const text = (doc.blocks[block] as { text: string }).text;
  const q = text.indexOf(quote), r = text.indexOf(raw, q);
  assert.ok(q >= 0 && r >= 0);
  return {
    value: 0,
    stated: 0,
    decimals: 0,
    unit: "人",
    writtenUnit: "人",
    scale: 1,
    approx: "exact",
    raw,
    subject: "",
    quote,
    loc: { block, start: r, end: r + raw.length },
    chineseNumeral: false,
    ...f,
  };
}

Deno.test("(b) the same subject with incompatible values in different places is a warning", () => {
  const doc = makeDoc([h(1, "一、甲"), "全年城镇新增就业969人。", h(1, "二、乙"), "城镇新增就业人数960人。"]);
  const figures = [
    fig(doc, 1, "全年城镇新增就业969人", "969人", { value: 969, stated: 969, subject: "全年城镇新增就业" }),
    fig(doc, 3, "城镇新增就业人数960人", "960人", { value: 960, stated: 960, subject: "城镇新增就业人数" }),
  ];
  const fs = subject(doc, figures);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.deepEqual(fs[0].details.stated, ["969人", "960人"]);
  assert.match(fs[0].message, /假定两处指同一数量/);
  assert.deepEqual(fs[0].evidence.map((e) => e.section), ["一、甲", "二、乙"]);
  assertQuotes(doc, fs);
});

Deno.test("(b) rounding-compatible values, other subjects, other years and generic subjects are not flagged", () => {
  const doc = makeDoc([
    h(1, "一、甲"),
    "城乡居民养老保险参保12.35万人。",
    h(1, "二、乙"),
    "城乡居民养老保险参保12.3万人。",
  ]);
  const base = { unit: "人", writtenUnit: "万人", scale: 1e4 };
  const rounding = [
    fig(doc, 1, "城乡居民养老保险参保12.35万人", "12.35万人", {
      ...base,
      value: 123500,
      stated: 12.35,
      decimals: 2,
      subject: "城乡居民养老保险参保",
    }),
    fig(doc, 3, "城乡居民养老保险参保12.3万人", "12.3万人", {
      ...base,
      value: 123000,
      stated: 12.3,
      decimals: 1,
      subject: "城乡居民养老保险参保",
    }),
  ];
  assert.equal(subject(doc, rounding).length, 0);
  // 1.2345万人 and 12345人 are the same value.
  const scaled = [
    { ...rounding[0], value: 12345, stated: 1.2345, decimals: 4 },
    { ...rounding[1], value: 12345, stated: 12345, decimals: 0, scale: 1, writtenUnit: "人" },
  ];
  assert.equal(subject(doc, scaled).length, 0);
  // A real difference is flagged (the control for the cases below).
  const differ = [rounding[0], { ...rounding[1], value: 121000, stated: 12.1 }];
  assert.equal(subject(doc, differ).length, 1);
  assert.equal(subject(doc, [differ[0], { ...differ[1], subject: "城镇职工养老保险参保" }]).length, 0);
  assert.equal(subject(doc, [differ[0], { ...differ[1], year: 2022 }]).length, 0);
  assert.equal(subject(doc, [differ[0], { ...differ[1], unit: "户" }]).length, 0);
  assert.equal(subject(doc, [differ[0], { ...differ[1], approx: "about" }]).length, 0);
  const generic = differ.map((f) => ({ ...f, subject: "实际得分" }));
  assert.equal(subject(doc, generic).length, 0);
});

Deno.test("(b) same paragraph, relational subjects and subjects not written before the number are skipped", () => {
  const doc = makeDoc([
    h(1, "一、甲"),
    "2023年城镇新增就业969人，2022年城镇新增就业900人。",
    "占目标任务数900人的107.67%，完成目标任务数900人。",
    "城镇新增就业950人。",
    h(1, "二、乙"),
    "城镇新增就业960人。",
    "占目标任务数800人的120%，完成目标任务数800人。",
  ]);
  const same = [
    fig(doc, 1, "2023年城镇新增就业969人", "969人", { value: 969, stated: 969, subject: "城镇新增就业" }),
    fig(doc, 1, "2022年城镇新增就业900人", "900人", { value: 900, stated: 900, subject: "城镇新增就业" }),
  ];
  assert.equal(subject(doc, same).length, 0);
  const relational = [
    fig(doc, 2, "完成目标任务数900人", "900人", { value: 900, stated: 900, subject: "完成目标任务数" }),
    fig(doc, 6, "完成目标任务数800人", "800人", { value: 800, stated: 800, subject: "完成目标任务数" }),
  ];
  assert.equal(subject(doc, relational).length, 0);
  const plain = [
    fig(doc, 3, "城镇新增就业950人", "950人", { value: 950, stated: 950, subject: "城镇新增就业" }),
    fig(doc, 5, "城镇新增就业960人", "960人", { value: 960, stated: 960, subject: "城镇新增就业" }),
  ];
  assert.equal(subject(doc, plain).length, 1);
  // The 2023 sentence against a sentence without a year: not known to be the same quantity.
  assert.equal(subject(doc, [same[0], plain[1]]).length, 0);
  // A subject the extractor read from elsewhere is not trusted.
  assert.equal(subject(doc, plain.map((f) => ({ ...f, subject: "农村劳动力转移" }))).length, 0);
});

const VILLAGE = (km: number) =>
  `该村按照项目实施方案完成了村内道路硬化工程建设任务，新建硬化道路${km}公里，受益农户120户。`;

Deno.test("(a) copies under different label lines ((1)青石村 / (2)白沙村) may describe two subjects: a warning", () => {
  const doc = makeDoc([h(1, "一、项目实施情况"), "（1）青石村", VILLAGE(3), "（2）白沙村", VILLAGE(5)]);
  const fs = aligned(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, "warning");
  assert.equal(fs[0].certainty, "assumption");
});

Deno.test("(a) near miss: copies under the same label line, or without one, stay errors", () => {
  const same = makeDoc([h(1, "一、项目实施情况"), "（1）青石村", VILLAGE(3), VILLAGE(5)]);
  assert.deepEqual(aligned(same).map((f) => f.severity), ["error"]);
  const none = makeDoc([h(1, "一、项目实施情况"), VILLAGE(3), "全年共召开项目推进会4次。", VILLAGE(5)]);
  assert.deepEqual(aligned(none).map((f) => f.severity), ["error"]);
});
