import assert from "node:assert/strict";
import { findTypoHits, typo } from "../../checks/rules/typo.ts";
import { AA_REDUPLICATIONS, DOUBLED_CHARS } from "../../checks/rules/typo/doubled.ts";
import { CONFUSIONS } from "../../checks/rules/typo/vocab.ts";
import { makeDoc, table } from "../helpers/doc.ts";
import { runRule } from "./run.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { h, toc } from "../../src/testing/doc-spec.ts";
import { outlineSlip, outlineTitle } from "../../checks/rules/typo/outline.ts";
import { STANDARD_SECTION_NAMES } from "../../src/analysis/vocab-outline.ts";

Deno.test("typo: 的N分 in a score clause is flagged with the fix", () => {
  const doc = makeDoc(["部门绩效目标与部门职能具有一致性，的3分；部门年度绩效目标明确，得2分。"]);
  const f = runRule(typo, doc);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /得3分/);
  // One pattern for this message: no pattern id that would only repeat the message id.
  assert.deepEqual(f[0].details, { wrong: "的3分", right: "得3分", matched: "的3分" });
  assert.ok(doc.blocks[0].kind === "paragraph" && doc.blocks[0].text.includes(f[0].evidence[0].quote));
});

Deno.test("typo: full-width and decimal scores are flagged; 的 inside a phrase is not", () => {
  assert.equal(runRule(typo, makeDoc(["指标完成较好，的１．５分。"])).length, 1);
  // near-miss: 的 belongs to the noun phrase, not a score clause
  assert.equal(runRule(typo, makeDoc(["本项满分的3分全部扣除。", "占总分的10分比例较低"])).length, 0);
});

Deno.test("typo: doubled and clashing punctuation; ellipsis is fine", () => {
  const f = runRule(typo, makeDoc(["工作完成。。下一步", "继续推进，。同时"]));
  assert.deepEqual(f.map((x) => x.details.pattern), ["doubled-punctuation", "clashing-punctuation"]);
  assert.equal(runRule(typo, makeDoc(["包括培训、宣传……等工作。"])).length, 0);
});

// —— Table-driven cases for the 公文 slip tables (checks/typo/*.ts). Sentences are invented. ——

/** [kind, text, wrong, right]: the first hit in the text must be this slip. */
const FLAGGED: [string, string, string, string][] = [
  ["confusion", "为确实做好本年度项目绩效自评工作，成立了工作小组。", "确实做好", "切实做好"],
  ["confusion", "要确实加强资金监管。", "确实加强", "切实加强"],
  ["confusion", "本年度认真的做好了预算编制。", "认真的做好", "认真地做好"],
  ["confusion", "全年较好的完成了各项工作任务。", "较好的完成了", "较好地完成了"],
  ["confusion", "群众反映的问题得到了有效地解决。", "得到了有效地解决", "得到了有效的解决"],
  ["confusion", "项目取得了较好地社会效益。", "较好地社会效益", "较好的社会效益"],
  ["confusion", "各项任务完成的很好。", "完成的很好", "完成得很好"],
  ["confusion", "截止2023年12月31日，资金已全部拨付。", "截止", "截至"],
  ["confusion", "截止目前，项目尚未验收。", "截止", "截至"],
  ["confusion", "建立了资产管理台帐。", "台帐", "台账"],
  ["confusion", "资金已拔付到位。", "拔付", "拨付"],
  ["confusion", "会议对下一阶段工作进行了布署。", "布署", "部署"],
  ["confusion", "完成监控设备按装12台。", "按装", "安装"],
  ["confusion", "把绩效管理做为重点工作。", "做为", "作为"],
  ["confusion", "我们将再接再励，继续努力。", "再接再励", "再接再厉"],
  ["confusion", "各项工作按步就班推进。", "按步就班", "按部就班"],
  ["confusion", "项目以经完成验收。", "以经", "已经"],
  ["confusion", "负责本辖区内的积效评价，负债组织实施。", "积效", "绩效"],
  ["confusion", "建立常效机制。", "常效", "长效"],
  ["doubled", "局机关内设内设办公室、财务股。", "内设内设", "内设"],
  ["doubled", "中共某县县委委机构编制委员会办公室", "县委委机", "县委机"],
  ["doubled", "加强对对资金的监管。", "强对对资", "强对资"],
  ["doubled", "完成了了年度任务。", "成了了年", "成了年"],
  ["number", "某局2023部门决算公开", "2023", "2023年"],
  ["number", "2018，区财政局年初安排预算资金。", "2018，", "2018年，"],
  ["number", "《行动计划（2018—2010）》", "2018—2010", ""],
  ["number", "下属文化馆、图书馆3二级单位。", "3二级单位", "3个二级单位"],
  ["number", "流转土地共12万亩元。", "亩元", ""],
  ["template", "摘要（2000字以内）", "（2000字以内）", ""],
  ["template", "预算代码：XXX 单位名称：×××局", "XXX", ""],
  ["template", "【请填写项目概况】", "【请填写项目概况】", ""],
  ["template", "依据某财预〔2023〕号文件下达资金。", "〔2023〕号", ""],
  ["template", "新建仓库（≥平方米）", "≥平方米", ""],
  ["template", "共拨付资金____万元。", "____", ""],
];

Deno.test("typo tables: every category flags its slip with the right form", () => {
  for (const [kind, text, wrong, right] of FLAGGED) {
    const hits = findTypoHits(text);
    assert.ok(hits.length > 0, `no hit in ${text}`);
    assert.equal(hits[0].kind, kind, text);
    assert.equal(hits[0].wrong, wrong, text);
    assert.equal(hits[0].right, right, text);
    assert.ok(text.slice(hits[0].start, hits[0].end) === wrong, `span of ${text}`);
  }
});

/** Clean sentences and near-misses: right text that looks like a slip. */
const CLEAN: [string, string][] = [
  // confusion near-misses
  ["confusion", "审计发现确实存在资金闲置问题。"],
  ["confusion", "我们确实做好了各项准备。"],
  ["confusion", "该项目的确取得了成效。"],
  ["confusion", "全年完成率较好的原因是措施得力。"],
  ["confusion", "为项目提供了有力的保障。"],
  ["confusion", "群众反映的问题得到了有效的解决。"],
  ["confusion", "他们所做的很好地体现了要求。"],
  ["confusion", "申报截止日期为5月10日，截止到2023年底共受理120件。"],
  ["confusion", "全部份额已认购；构成份额清晰。"],
  ["confusion", "按装修标准结算；搭建帐篷20顶。"],
  ["confusion", "土地面积效益明显，累积效应显现。"],
  ["confusion", "以经济建设为中心，以经批准的预算为准。"],
  ["confusion", "以便于监督；已经完成。"],
  // legitimate reduplications and cross-word doubles
  ["doubled", "研究研究再定；常常深入基层，年年开展评比，层层压实责任，处处为民着想。"],
  ["doubled", "明明白白消费，家家户户受益，项目目标明确，工作作风扎实，财政政策落实。"],
  ["doubled", "党委委员、县委委托；为了了解情况；目的的实现；以及及时性；参与与否。"],
  ["doubled", "一级指标二级指标三级指标指标值全年实际完成值"],
  ["doubled", "一步一步推进，一个一个落实，十一十一。某某社区社区卫生服务中心"],
  // numbers
  ["number", "2023年部门决算公开；2018 年 度 部门预算。"],
  ["number", "《规划（2018—2020年）》；2015-2018年度。"],
  ["number", "收入合计为2018，较上年增长。"],
  ["number", "2018，2019年连续两年获评先进。"],
  ["number", "下设3个二级单位；附表1二级项目支出表；一、部门概况3二、绩效目标"],
  ["number", "安排资金50万元；每亩补助300元/亩；10万元人民币。"],
  ["number", "2050-2010=40"],
  // template
  ["template", "全文约3000字。填报人：____（签字）"],
  ["template", "依据某财预〔2023〕59号文件；（此处指部门预算资金）。"],
  ["template", "满意度≥90%；XXL型号；相关系数0.52**显著。"],
];

Deno.test("typo tables: clean text and near-misses are not flagged", () => {
  for (const [, text] of CLEAN) {
    const hits = findTypoHits(text);
    assert.deepEqual(hits.map((h) => h.wrong), [], text);
  }
});

Deno.test("typo tables: a bare year heading a table column is left alone", () => {
  assert.equal(findTypoHits("2023预算数", { cell: true }).length, 0);
  assert.equal(findTypoHits("2023预算数").length, 1);
});

Deno.test("typo tables: data is well-formed", () => {
  for (const c of CONFUSIONS) {
    assert.notEqual(c.slip, c.fix, c.id);
    assert.ok(c.note.length > 0, c.id);
    new RegExp(c.find, "u"); // compiles
  }
  assert.equal(new Set(CONFUSIONS.map((c) => c.id)).size, CONFUSIONS.length, "unique ids");
  const legit = new Set(AA_REDUPLICATIONS.split(/\s+/));
  for (const d of DOUBLED_CHARS) {
    assert.ok(!legit.has(d.char + d.char), `${d.char} reduplicates legitimately`);
  }
});

Deno.test("typo: findings carry exact quotes, {wrong, right, kind}, and collapse repeats", () => {
  const doc = makeDoc([
    "某局2023部门决算公开",
    "为确实做好自评工作，公猪舍（≥**平方米），仓库（≥**平方米）。",
    table([["指标", "值"], ["参保人员满意度满意度（5分）", "10"]]),
    "支出蛔时拘灾С\uFFFD0.78万元，对对", // broken text: nothing reported next to U+FFFD
  ]);
  const f = runRule(typo, doc);
  const byWrong = new Map(f.map((x) => [x.details.wrong, x]));
  assert.deepEqual([...byWrong.keys()].sort(), ["**", "2023", "满意度满意度", "确实做好"].sort());
  assert.equal(byWrong.get("**")!.details.occurrences, 2);
  assert.equal(byWrong.get("**")!.evidence.length, 2);
  assert.equal(byWrong.get("确实做好")!.details.right, "切实做好");
  assert.equal(byWrong.get("确实做好")!.messageId, "confusion");
  assert.ok(f.every((x) => x.severity === "warning"));
  const cell = byWrong.get("满意度满意度")!.evidence[0];
  assert.deepEqual(cell.table, { index: 0, row: 1, col: 0 });
  for (const x of f) {
    for (const e of x.evidence) {
      const b = doc.blocks[e.block];
      const text = b.kind === "table" ? b.grid[e.table!.row][e.table!.col].text : b.text;
      assert.ok(text.includes(e.quote), e.quote);
    }
  }
});

// —— The prefilters (a literal or character scan before each regex) must never change a hit. ——

/** Paragraph and cell texts of the sample report, the table texts above, and those texts with every
 * confusion's wrong form, a doubled word and doubled characters spliced in at pseudo-random places. */
async function representativeTexts(): Promise<{ text: string; cell: boolean }[]> {
  const { readDocument } = await import("../../src/ingest/index.ts");
  const url = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
  const doc = await readDocument(await Deno.readFile(url), { file: "sample.docx" });
  const base: { text: string; cell: boolean }[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== "table") base.push({ text: b.text, cell: false });
    else for (const row of b.grid) for (const c of row) base.push({ text: c.text, cell: true });
  }
  for (const [, text] of [...FLAGGED.map(([k, t]) => [k, t]), ...CLEAN]) base.push({ text, cell: false });
  let seed = 12345;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const long = base.filter((t) => t.text.length > 20);
  const splice = (t: string, s: string) => {
    const at = rnd(t.length + 1);
    return t.slice(0, at) + s + t.slice(at);
  };
  const out = [...base];
  const inserts = [
    ...CONFUSIONS.map((c) => c.slip),
    ...CONFUSIONS.map((c) => c.fix),
    ...DOUBLED_CHARS.map((d) => d.char + d.char),
    "内设内设",
    "满意度满意度",
    "XXX",
    "〔2023〕号",
    "2018—2010",
    "12万亩元",
    "3二级单位",
    "2023部门",
    "。2018，区",
    "（2000字以内）",
    "（≥平方米）",
    "共____万元",
    "，的3分",
  ];
  for (const s of inserts) {
    for (let k = 0; k < 4; k++) {
      const t = long[rnd(long.length)];
      out.push({ text: splice(t.text, s), cell: t.cell });
    }
    out.push({ text: s, cell: false }, { text: long[rnd(long.length)].text + s, cell: false });
  }
  // Every text with a 2- or 3-character stretch doubled at a random place, and at its end.
  for (const t of long) {
    const [a, k] = [rnd(t.text.length - 3), 2 + rnd(2)];
    out.push({ text: t.text.slice(0, a + k) + t.text.slice(a), cell: t.cell });
    out.push({ text: t.text + t.text.slice(-k), cell: t.cell });
  }
  return out;
}

Deno.test("typo: the prefilters find exactly what running every pattern finds", async () => {
  const texts = await representativeTexts();
  let hits = 0;
  for (const { text, cell } of texts) {
    const fast = findTypoHits(text, { cell });
    assert.deepEqual(fast, findTypoHits(text, { cell, exhaustive: true }), text);
    hits += fast.length;
  }
  assert.ok(hits > 200, `the texts exercise the detectors (${hits} hits)`);
  // Every confusion match contains the entry's slip, the literal its prefilter scans for.
  for (const c of CONFUSIONS) {
    for (const { text } of texts) {
      for (const m of text.matchAll(new RegExp(c.find, "gu"))) assert.ok(m[0].includes(c.slip), c.id);
    }
  }
});

// —— A heading or 目录 entry one stray character away from a standard section name (typo/outline.ts). ——

const TOC_HEAD = { text: "目录", role: "toc-heading" } as const;
const OUTLINE = { messageId: "outline", severity: "warning", certainty: "assumption" } as const;

ruleTester(typo, {
  valid: [
    {
      name: "outline: the exact standard names, numbered, with page numbers",
      doc: [
        TOC_HEAD,
        toc("四、评价结论及建议……21"),
        toc("五、存在的问题及原因分析 19"),
        h(1, "四、评价结论及建议"),
      ],
    },
    {
      name: "outline: legitimate variants (的/和/其/总; two characters more)",
      doc: [
        h(1, "一、存在的主要问题及原因分析"),
        h(1, "二、评价结论和建议"),
        h(1, "三、主要经验及其做法"),
        h(2, "（一）绩效总目标"),
        h(1, "四、下一步的改进措施"),
      ],
    },
    {
      name: "outline: a title that is just different, and one character added at either end",
      doc: [
        h(1, "一、项目资金拨付进度"),
        h(1, "二、新评价结论及建议"),
        h(1, "三、评价结论及建议书"),
        toc("四、存在的问题及原因分析表12"),
      ],
    },
    {
      name: "outline: two stray characters are no one-character slip",
      doc: [h(1, "四、评价结论及其他建议")],
    },
    {
      name: "outline: a sentence with a standard name inside is no heading",
      doc: ["针对评价结论及相关建议，下一步将逐项整改落实，确保各项措施取得实效。"],
    },
  ],
  invalid: [
    {
      name: "outline: a stray character in a heading",
      doc: [h(1, "一、基本情况"), h(1, "二、存在的问题及原因些分析"), "正文。"],
      errors: [{ ...OUTLINE, message: "多出一字“些”" }],
    },
    {
      name: "outline: a 目录 line with a glued page number, reported once with its heading",
      doc: [TOC_HEAD, toc("四、评价结论及时建议21"), h(1, "四、评价结论及时建议")],
      errors: [{ ...OUTLINE, message: "常用章节名“评价结论及建议”" }],
    },
    {
      name: "outline: a 目录 read as headings (page numbers glued), full-width page number",
      doc: [h(1, "第五部分 名词解释２６"), h(2, "四、下一步改进施措施１８"), h(1, "第一部分 部门概况")],
      errors: [{ ...OUTLINE, message: "“下一步改进措施”" }],
    },
    {
      name: "outline: a short numbered line the reader left a paragraph (dotted leader, trailing 。)",
      doc: [h(1, "一、部门概况"), "（二）绩效指标完成况情况。……17", "正文。"],
      errors: [OUTLINE],
    },
  ],
});

Deno.test("typo outline: the finding states its assumption and quotes each line once", () => {
  const doc = makeDoc([TOC_HEAD, toc("四、评价结论及时建议……21"), h(1, "四、评价结论及时建议")]);
  const f = runRule(typo, doc).filter((x) => x.messageId === "outline");
  assert.equal(f.length, 1);
  assert.equal(f[0].details.assumption, "标题与常用章节名“评价结论及建议”仅多出一字“时”");
  assert.deepEqual(f[0].evidence.map((e) => e.quote), ["四、评价结论及时建议……21", "四、评价结论及时建议"]);
  assert.equal(f[0].details.occurrences, 2);
  assert.deepEqual(f[0].details, {
    wrong: "评价结论及时建议",
    right: "评价结论及建议",
    matched: "评价结论及时建议",
    occurrences: 2,
    assumption: "标题与常用章节名“评价结论及建议”仅多出一字“时”",
  });
});

Deno.test("typo outline: titles are stripped of numbering and page numbers; names are well-formed", () => {
  assert.equal(outlineTitle("第五部分     名词解释 26"), "名词解释");
  assert.equal(outlineTitle("（二）绩效目标。7"), "绩效目标");
  assert.equal(outlineTitle("1.绩效目标…………３"), "绩效目标");
  assert.equal(outlineSlip("四、评价结论及时建议……21")?.extra, "时");
  assert.equal(outlineSlip("评价结论及及建议"), null); // 及: a variant character
  assert.equal(new Set(STANDARD_SECTION_NAMES).size, STANDARD_SECTION_NAMES.length, "no duplicates");
  for (const n of STANDARD_SECTION_NAMES) assert.equal(outlineSlip(n), null, n);
});
