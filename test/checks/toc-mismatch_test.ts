import assert from "node:assert/strict";
import { tocMismatch } from "../../checks/rules/toc-mismatch.ts";
import { h, makeDoc, toc } from "../helpers/doc.ts";
import { runRule } from "./run.ts";

const tocHead = { text: "目录", role: "toc-heading" } as const;

Deno.test("toc-mismatch: renumbered, missing, retitled, unlisted and empty annex", () => {
  const doc = makeDoc([
    tocHead,
    toc("一、部门概况"),
    toc("二、主要经验做法"),
    toc("三、存在的问题"),
    toc("附件1 成本费用分析报告"),
    toc("附件2 问卷调查报告"),
    h(1, "一、部门概况"),
    "正文。",
    h(1, "二、存在的问题"),
    "正文。",
    h(1, "三、改进措施"),
    h(1, "附件1"),
    "成本效益分析报告",
    "内容。",
    h(1, "附件2"),
    "问卷调查报告",
  ]);
  const f = runRule(tocMismatch, doc);
  assert.deepEqual(f.map((x) => x.messageId), [
    "missing-in-body",
    "number",
    "title",
    "empty-annex",
    "missing-in-toc",
  ]);
  assert.equal(f[1].evidence[1].quote, "二、存在的问题");
  // number: the two lines as written; title: the two titles as compared; the others only their evidence.
  assert.deepEqual(f[1].details, { toc: "三、存在的问题", body: "二、存在的问题" });
  assert.deepEqual(f[2].details, { toc: "成本费用分析报告", body: "成本效益分析报告" });
  assert.deepEqual([f[0].details, f[3].details, f[4].details], [{}, {}, {}]);
  assert.equal(f[4].evidence[0].quote, "三、改进措施");
});

Deno.test("toc-mismatch: a matching 目录 (spacing and punctuation aside) gives nothing", () => {
  const doc = makeDoc([
    tocHead,
    toc("一、部门概况"),
    toc("（一）机构设置、编制"),
    toc("附件1 成本分析"),
    toc("附件2评价指标体系"),
    h(1, "一、部门概况"),
    h(2, "（一）机构设置，编制"),
    "内容",
    h(1, "附件1"),
    "成本分析",
    "内容",
    h(1, "附件2"),
    "某局2023年部门整体支出绩效评价指标体系",
    "内容",
  ]);
  assert.deepEqual(runRule(tocMismatch, doc), []);
});

Deno.test("toc-mismatch: no 目录 means nothing to compare", () => {
  assert.deepEqual(runRule(tocMismatch, makeDoc([h(1, "一、概况"), "内容"])), []);
});

Deno.test("toc-mismatch: a near-identical title (年 vs 年度) is info, a different one a warning", () => {
  const doc = makeDoc([
    { text: "目录", role: "toc-heading" },
    toc("附件1 部门职能分解及2023年工作完成情况"),
    toc("附件2 成本费用分析报告"),
    h(1, "附件1"),
    "部门职能分解及2023年度工作完成情况",
    "内容",
    h(1, "附件2"),
    "成本效益分析报告",
    "内容",
  ]);
  assert.deepEqual(runRule(tocMismatch, doc).map((f) => f.severity), ["info", "warning"]);
});

Deno.test("toc-mismatch: an empty annex with no title line; unlisted sub-sections where the 目录 stops are info", () => {
  const doc = makeDoc([
    { text: "目录", role: "toc-heading" },
    toc("一、概况"),
    toc("（一）机构"),
    toc("二、目标"),
    toc("附件1决算表"),
    h(1, "一、概况"),
    h(2, "（一）机构"),
    h(2, "（二）职能"),
    h(1, "二、目标"),
    h(2, "（一）总目标"),
    h(1, "附件1"),
    " ",
  ]);
  const f = runRule(tocMismatch, doc);
  assert.deepEqual(f.map((x) => [x.messageId, x.severity]), [
    ["empty-annex", "warning"],
    ["missing-in-toc", "warning"],
    ["missing-in-toc", "info"],
  ]);
  assert.equal(f[1].evidence[0].quote, "（二）职能");
});

Deno.test("toc-mismatch: a 目录 that matches nothing in the body is one finding, not one per entry", () => {
  const unmatched = makeDoc([
    tocHead,
    toc("（二）评价方法"),
    toc("（五）存在的问题"),
    toc("（五）改进建议"),
    h(1, "一、项目基本情况"),
    "正文。",
  ]);
  const f = runRule(tocMismatch, unmatched);
  assert.deepEqual(f.map((x) => x.messageId), ["toc-unmatched"]);
  assert.equal(f[0].evidence.length, 3);
  // Near miss: one entry matches, so the others are missing sections, each its own finding.
  const partly = makeDoc([
    tocHead,
    toc("一、项目基本情况"),
    toc("二、评价方法"),
    toc("三、存在的问题"),
    h(1, "一、项目基本情况"),
    "正文。",
  ]);
  assert.deepEqual(runRule(tocMismatch, partly).map((x) => x.messageId), [
    "missing-in-body",
    "missing-in-body",
  ]);
});

Deno.test("toc-mismatch: a body without any recognised heading cannot be compared with its 目录", () => {
  // An excerpt: the 目录 and a few plain paragraphs, no section heading read from the body.
  const excerpt = makeDoc([
    tocHead,
    toc("（二）评价方法"),
    toc("（五）存在的问题"),
    "项目概况：本项目共改造小区12个。",
    "改造内容包括外墙、楼梯和供水管网。",
  ]);
  assert.deepEqual(runRule(tocMismatch, excerpt), []);
  // Near miss: one body heading is enough to compare, and none of the entries matches it.
  const withHeading = makeDoc([
    tocHead,
    toc("（二）评价方法"),
    toc("（五）存在的问题"),
    h(1, "一、项目基本情况"),
    "项目概况：本项目共改造小区12个。",
  ]);
  assert.deepEqual(runRule(tocMismatch, withHeading).map((x) => x.messageId), ["toc-unmatched"]);
});

Deno.test("toc-mismatch: the 目录's last entries all missing from the body are one finding (a body cut short)", () => {
  const entries = ["一、部门概况", "二、绩效目标", "三、评价结论", "四、存在的问题", "五、改进措施"];
  const cut = makeDoc([tocHead, ...entries.map((e) => toc(e)), h(1, "一、部门概况"), "正文。"]);
  const f = runRule(tocMismatch, cut);
  assert.deepEqual(f.map((x) => x.messageId), ["tail-missing"]);
  assert.deepEqual(f[0].details, { entries: 4, from: "二、绩效目标", to: "五、改进措施" });
  assert.equal(f[0].evidence.length, 4);
  // Near miss: two missing entries at the end stay two findings of their own, and a gap in the middle
  // (an entry missing before a matched one) is never part of the run.
  const short = makeDoc([
    tocHead,
    ...entries.map((e) => toc(e)),
    h(1, "一、部门概况"),
    "正文。",
    h(1, "三、评价结论"),
    "正文。",
  ]);
  assert.deepEqual(runRule(tocMismatch, short).map((x) => x.messageId), [
    "missing-in-body",
    "missing-in-body",
    "missing-in-body",
  ]);
});

Deno.test("toc-mismatch: a section renamed in the body, and a subsection of the listed title, are told apart", () => {
  const doc = makeDoc([
    tocHead,
    toc("一、项目基本情况"),
    toc("二、绩效评价工作开展情况"),
    h(1, "一、项目概况"),
    h(2, "（一）项目基本情况"),
    "正文。",
    h(1, "二、绩效评价工作开展情况"),
    "正文。",
  ]);
  const f = runRule(tocMismatch, doc);
  // 一、 and （一） are different levels: the entry is the renamed 一、项目概况, not the subsection.
  assert.deepEqual(f.map((x) => x.messageId), ["title"]);
  assert.deepEqual(f[0].details, { toc: "项目基本情况", body: "项目概况" });
  // Near miss: with no matched neighbour to place it, the entry is not paired with a heading of its number.
  const alone = makeDoc([
    tocHead,
    toc("一、项目基本情况"),
    toc("二、评价结论"),
    h(1, "一、项目概况"),
    "正文。",
  ]);
  assert.ok(!runRule(tocMismatch, alone).some((x) => x.messageId === "title"));
});
