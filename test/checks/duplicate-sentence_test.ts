import { checkContext } from "../../src/testing/context.ts";
import assert from "node:assert/strict";
import { duplicateSentence } from "../../checks/rules/duplicate-sentence.ts";
import type { FindingDraft } from "../../src/model/rule.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import type { Document } from "../../src/model/document.ts";
import { h, makeDoc } from "../helpers/doc.ts";

function run(doc: Document): FindingDraft[] {
  return duplicateSentence.check(
    checkContext({ doc, extraction: { figures: [], relations: [] }, config: DEFAULT_CONFIG }),
  );
}

const A = "全面抓好年度事业单位公开招聘和高校毕业生招募工作，做实做细报名资格审核、笔试、面试等环节。";
const B = "抓好人才回归工作，从县外调入事业单位人员32人，其中，专业技术人才27人、管理人才5人。";
const B2 = "抓好人才回归工作，从县外调入事业单位人员23人，其中，专业技术人才19人、管理人才4人。";
const C = "三是做好工资福利审批工作，认真贯彻执行各项工资福利政策。";

Deno.test("a run of two sentences pasted twice in one paragraph, differing only in numbers, is one repeat", () => {
  const text = `二是抓好人才招聘。${A}${B}${A}${B2}${C}`;
  const doc = makeDoc([h(1, "一、部门概况"), text]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  const f = fs[0];
  assert.equal(f.severity, "warning");
  assert.equal(f.details.sentences, 2);
  assert.equal(f.details.differsOnlyInNumbers, true);
  assert.equal(f.evidence.length, 2);
  assert.ok(f.evidence.every((e) => e.block === 1 && text.includes(e.quote)));
  const copies = f.details.copies as { start: number; text: string }[];
  assert.equal(copies[0].text, A + B);
  assert.equal(copies[1].text, A + B2);
  assert.equal(copies[1].start, text.indexOf(A, 10));
  assert.match(f.message, /连续2句/);
  assert.match(f.message, /数字不同/);
});

Deno.test("an exact repeat with full-width and punctuation differences is a repeat without a number note", () => {
  const again = A.replace(/，/g, ",").replace("。", "；");
  const doc = makeDoc([h(1, "一、甲"), `${A}${C}${again}`]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].details.sentences, 1);
  assert.equal(fs[0].details.differsOnlyInNumbers, false);
  assert.doesNotMatch(fs[0].message, /数字不同/);
});

Deno.test("the same repeat in several duplicated paragraphs is reported once with every place", () => {
  const text = `${A}${B}${A}${B2}`;
  const doc = makeDoc([h(1, "一、甲"), text, h(1, "二、乙"), text]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].details.occurrences, 2);
  assert.deepEqual(fs[0].evidence.map((e) => e.block), [1, 1, 3, 3]);
});

Deno.test("a sentence repeated across paragraphs of one section is a repeat; whole duplicate paragraphs are not", () => {
  const doc = makeDoc([h(1, "一、甲"), `${A}${C}`, `${B}${A}`]);
  const fs = run(doc);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].details.scope, "section");
  assert.deepEqual(fs[0].evidence.map((e) => e.block), [1, 2]);
  // Two identical paragraphs are duplicate-paragraph's business.
  assert.equal(run(makeDoc([h(1, "一、甲"), `${A}${C}`, `${A}${C}`])).length, 0);
});

Deno.test("short sentences and repeats in different sections are not flagged", () => {
  const short = "成效明显。";
  assert.equal(run(makeDoc([h(1, "一、甲"), `${short}${A}${short}`])).length, 0);
  assert.equal(run(makeDoc([h(1, "一、甲"), `${A}${C}`, h(1, "二、乙"), `${B}${A}`])).length, 0);
});

Deno.test("similar sentences with different wording are not repeats", () => {
  const other = "全面抓好年度事业单位公开招聘和高校毕业生招募工作，做实做细体检、考察、公示等环节。";
  assert.equal(run(makeDoc([h(1, "一、甲"), `${A}${other}`])).length, 0);
});

Deno.test("duplicate-sentence: numbered items (第1批/第2批, 1号/2号) with one wording are a list, not a repeat", () => {
  const list = (a: string, b: string) =>
    run(makeDoc([
      h(1, "一、资金情况"),
      `${a}下达项目资金300万元，主要用于农村道路硬化建设。` +
      `${b}下达项目资金200万元，主要用于农村道路硬化建设。`,
    ]));
  assert.equal(list("第1批", "第2批").length, 0);
  assert.equal(list("1号标段", "2号标段").length, 0);
  assert.equal(list("第1批", "第1批").length, 1, "the same item twice is a repeat");
  assert.equal(list("一季度", "一季度").length, 1);
});
