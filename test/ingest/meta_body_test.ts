/**
 * The unit inferred from the body (src/ingest/meta-body.ts) and a web page's 来源 line, on invented report
 * openings: an organisation as the subject of the first sections' sentences, an evaluator that says it
 * evaluated, a place as a regional report's subject; near-misses where a name stands inside 《》, after
 * 根据/按照/由/经, in a joint subject, or is a funder, and the order against stronger sources.
 */
import { deepStrictEqual as eq } from "node:assert";
import { buildDocument } from "../../src/ingest/build.ts";
import { bodyUnit } from "../../src/ingest/meta-body.ts";
import { resultMeta } from "../../src/audit.ts";
import { DEFAULT_CONFIG } from "../../src/model/config.ts";
import { Document } from "../../src/model/document.ts";
import type { RawBlock } from "../../src/model/raw.ts";

const p = (text: string): RawBlock => ({ kind: "paragraph", text, origin: "body", align: "left" });

function unitOf(texts: string[], file?: string): { unit: string | null; source: string | undefined } {
  const d = buildDocument({ blocks: texts.map(p), diagnostics: [], reader: "test" }, file);
  Document.parse(d);
  return { unit: d.meta.unit, source: d.meta.sources?.unit };
}

const TITLE = "2023年度项目支出绩效自评报告";

interface Case {
  name: string;
  texts: string[];
  unit: string | null;
  source?: string;
}

const CASES: Case[] = [
  // valid: the body names the unit
  {
    name: "the first section's opening sentence has the unit as its subject",
    texts: [
      TITLE,
      "一、项目基本情况",
      "（一）绩效目标情况",
      "甲市农业农村局全年共有基本支出和项目支出两类支出，预算总额为120万元。",
    ],
    unit: "甲市农业农村局",
    source: "body:subject",
  },
  {
    name: "the subject of the preamble before the first heading, after a time adverbial",
    texts: [TITLE, "2023年，乙县林业局认真贯彻落实预算绩效管理要求，对项目开展了自评。", "一、基本情况"],
    unit: "乙县林业局",
    source: "body:subject",
  },
  {
    name: "a finance body is the unit when it is the only subject",
    texts: [TITLE, "一、部门概况", "丙县财政局认真履行预算管理职能，全年完成各项工作任务。"],
    unit: "丙县财政局",
    source: "body:subject",
  },
  {
    name: "a funder's sentence comes first; the body that carries out the project is the unit",
    texts: [
      TITLE,
      "一、项目概况",
      "丁县财政局下达项目资金300万元。",
      "丁县水务局按照实施方案组织实施，完成渠道整治12公里。",
    ],
    unit: "丁县水务局",
    source: "body:subject",
  },
  {
    name: "the body most sentences have as subject",
    texts: [
      TITLE,
      "一、基本情况",
      "戊县农业技术推广中心负责项目技术指导。",
      "戊县农业农村局统筹安排项目资金。",
      "戊县农业农村局对项目开展了监督检查。",
    ],
    unit: "戊县农业农村局",
    source: "body:subject",
  },
  {
    name: "a third party's report: the firm that says it evaluated is the unit, not the body it describes",
    texts: [
      "关于2022年度己县农村饮水工程项目的绩效评价报告",
      "受己县财政局委托，庚辛会计师事务所（特殊普通合伙）对该项目进行了绩效评价。",
      "一、项目概况",
      "己县水务局成立于1990年，主要负责全县水利工作。",
    ],
    unit: "庚辛会计师事务所（特殊普通合伙）",
    source: "body:evaluator",
  },
  {
    name: "a regional report whose subject is the place",
    texts: [
      "高标准农田建设项目支出绩效评价报告",
      "一、项目概况",
      "壬市癸区位于本省西南部，辖8个乡镇。2022年，癸区申报实施了高标准农田建设项目。",
    ],
    unit: "壬市癸区",
    source: "body:place",
  },
  {
    name: "a superior body (the city's bureau, after a date) beside the district: the district is the unit",
    texts: [
      "高标准农田建设项目支出绩效评价报告",
      "一、项目概况",
      "壬市癸区位于本省西南部，辖8个乡镇。",
      "2023年6月2日，壬市农业农村局组织专家评审了实施方案。",
    ],
    unit: "壬市癸区",
    source: "body:place",
  },
  // page furniture: weaker than a title or a field, stronger than the body
  {
    name: "a web page's 来源 line names the unit; 作者 (the portal's government) does not",
    texts: ["来源：子县教育和体育局 作者：子县人民政府", TITLE, "一、基本情况", "子县实验中学认真组织实施。"],
    unit: "子县教育和体育局",
    source: "field:来源",
  },
  {
    name: "作者 alone names no unit; the body's subject is taken",
    texts: ["作者：子县人民政府", TITLE, "一、基本情况", "子县实验中学认真组织实施项目。"],
    unit: "子县实验中学",
    source: "body:subject",
  },
  {
    name: "the title's unit is stronger than the page's 发布机构",
    texts: ["发布机构：丑县财政局", "丑县统计局2023年度部门整体支出绩效自评报告", "一、部门概况"],
    unit: "丑县统计局",
    source: "title",
  },
  {
    name: "the file name is stronger than the body",
    texts: ["一、部门概况", "寅县档案馆认真履行职责。"],
    unit: "寅县文化和旅游局",
    source: "file-name",
  },
  // near-misses: no subject, or not this one
  {
    name: "near-miss: a body named only inside 《》 or after 根据/按照/由/经",
    texts: [
      TITLE,
      "一、基本情况",
      "《卯县财政局关于下达2023年项目资金的通知》明确了资金用途。",
      "根据卯县财政局要求，按照卯县发展和改革局批复，由卯县审计局牵头，经卯县人民政府批准实施。",
    ],
    unit: null,
  },
  {
    name: "near-miss: a joint subject, a notice's title and a heading naming a body",
    texts: [
      TITLE,
      "一、辰县水务局",
      "辰县水务局、辰县林业局联合开展了检查。",
      "辰县财政局关于做好绩效自评工作的通知要求各单位按时报送。",
    ],
    unit: null,
  },
  {
    name: "near-miss: a body acting on the report's own unit (向我局下达) is not its subject",
    texts: [TITLE, "一、基本情况", "巳县财政局向我局下达资金50万元，我局按计划全部支出。"],
    unit: null,
  },
  {
    name:
      "near-miss: a third party's report without an evaluator sentence: the body described is not the unit",
    texts: [
      "关于2022年度午县道路建设项目的绩效评价报告",
      "受午县财政局委托，我们对该项目进行了评价。",
      "一、项目概况",
      "午县交通运输局主要负责全县道路建设。",
    ],
    unit: null,
  },
  {
    name: "near-miss: a place's description in a report that calls itself 我局; 该县/全区 are no place names",
    texts: [
      TITLE,
      "一、基本情况",
      "未市申县位于本省南部。该县地处山区，全区总面积800平方公里。",
      "我局全年支出80万元。",
    ],
    unit: null,
  },
];

for (const c of CASES) {
  Deno.test(`meta body: ${c.name}`, () => {
    const file = c.name.startsWith("the file name")
      ? "寅县文化和旅游局2023年度部门整体支出绩效自评报告.docx"
      : undefined;
    const got = unitOf(c.texts, file);
    eq(got.unit, c.unit);
    if (c.source) eq(got.source, c.source);
  });
}

Deno.test("meta body: an evaluator that does not say it evaluated is no subject", () => {
  eq(
    bodyUnit(["酉戌咨询有限公司成立于2010年，注册资本500万元。"], { thirdParty: true, refs: new Set() }),
    null,
  );
  eq(bodyUnit(["酉戌咨询有限公司于2024年3月对项目开展了绩效评价。"], { thirdParty: true, refs: new Set() }), {
    unit: "酉戌咨询有限公司",
    source: "body:evaluator",
  });
});

Deno.test("meta body: a hospital whose name has 中心 inside is no evaluator cut short", () => {
  eq(bodyUnit(["甲市中心医院对下属科室开展了绩效评价。"], { thirdParty: false, refs: new Set() }), {
    unit: "甲市中心医院",
    source: "body:subject",
  });
});

Deno.test("meta body: a parent body's organ is read whole; a name never ends inside 部署/委员/办公", () => {
  const o = { thirdParty: false, refs: new Set<string>() };
  const cases: [string, string | null][] = [
    ["中共甲县县委组织部认真履行职责。", "中共甲县县委组织部"],
    ["中共甲县县委机构编制委员会办公室主要负责机构编制管理。", "中共甲县县委机构编制委员会办公室"],
    ["甲市人民政府办公厅（以下简称“市政府办公厅”）是市政府工作部门。", "甲市人民政府办公厅"],
    ["甲县政协委员会办公室全年召开会议6次。", "甲县政协委员会办公室"],
    ["甲县发改委认真部署年度重点工作。", "甲县发改委"],
    ["甲县人民政府高度重视项目建设。", "甲县人民政府"],
    // near-miss: words before a level character are no place (地方主管部门…甲市…)
    ["地方主管部门甲市交通运输局负责项目监管。", null],
  ];
  for (const [text, unit] of cases) eq(bodyUnit([text], o)?.unit ?? null, unit, text);
});

Deno.test("meta body: a body the report's 我校 cannot refer to ranks after one it can", () => {
  const got = bodyUnit(["亥县教育局安排专项资金。", "亥县第二中学组织开展了绩效自评。"], {
    thirdParty: false,
    refs: new Set(["校"]),
  });
  eq(got, { unit: "亥县第二中学", source: "body:subject" });
});

Deno.test("meta body: the configured unit is stronger than one inferred from the body", () => {
  const d = buildDocument({
    blocks: [TITLE, "一、基本情况", "甲县林业局认真组织实施项目。"].map(p),
    diagnostics: [],
    reader: "test",
  });
  eq(d.meta.unit, "甲县林业局");
  const meta = resultMeta(d.meta, { ...DEFAULT_CONFIG, unit: "甲县林业和草原局" });
  eq([meta.unit, meta.sources?.unit], ["甲县林业和草原局", "config"]);
  // a unit the document states is kept
  const titled = buildDocument({
    blocks: ["甲县林业局2023年度部门整体支出绩效自评报告", "一、部门概况"].map(p),
    diagnostics: [],
    reader: "test",
  });
  eq(resultMeta(titled.meta, { ...DEFAULT_CONFIG, unit: "甲县林业和草原局" }).unit, "甲县林业局");
});
