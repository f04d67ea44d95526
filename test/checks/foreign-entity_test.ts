import assert from "node:assert/strict";
import { foreignEntity, splitUnit } from "../../checks/rules/foreign-entity.ts";
import { makeDoc } from "../helpers/doc.ts";
import { table } from "../../src/testing/doc-spec.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { runRule } from "./run.ts";

const unit = "青山回族自治县人力资源和社会保障局";
const doc = (texts: string[]) => makeDoc(texts, { unit });

Deno.test("foreign-entity: splitUnit separates place and department", () => {
  assert.deepEqual(splitUnit(unit), {
    place: "青山回族自治县",
    admin: "自治县",
    department: "人力资源和社会保障局",
  });
});

Deno.test("foreign-entity: truncated own place name and another county's bureau", () => {
  const f = runRule(
    foreignEntity,
    doc([
      "青山回族自治县人社局负责全县就业工作。",
      "制定了《山回族自治县人社局财务管理制度》。",
      "绿水县人社局制定了年度工作计划。",
      "经绿水县人社局审核。",
    ]),
  );
  assert.deepEqual(f.map((x) => x.details.found), ["山回族自治县", "绿水县人社局", "绿水县人社局"]);
});

Deno.test("foreign-entity: own names, short forms and the city above are fine", () => {
  const f = runRule(
    foreignEntity,
    doc([
      "青山回族自治县人社局制定了制度。",
      "青山县人力资源和社会保障局下设7个科室。",
      "经青山县人社局审核，由青山回族自治县人社局报送。",
      "以昆仑市人社局下发的分解任务为准。",
    ]),
  );
  assert.deepEqual(f, []);
  assert.deepEqual(
    runRule(foreignEntity, makeDoc(["绿水县人社局"])),
    [],
    "no unit known: nothing to compare",
  );
});

Deno.test("foreign-entity: a short form the report never uses for itself is not compared", () => {
  assert.deepEqual(runRule(foreignEntity, doc(["绿水县人社局制定了年度工作计划。"])), []);
});

Deno.test("foreign-entity: other departments of the same county, and 向县…局 phrases, are not foreign", () => {
  const f = runRule(
    foreignEntity,
    doc([
      "青山县人社局报送。",
      "以拒不支付劳动报酬向县公安局移送案件。",
      "项目支出按县财政局下达的文件上报。",
      "绿水县公安局协助。",
    ]),
  );
  assert.deepEqual(f, []);
});

// ── Other bodies as author or data source, levels, and truncated own names (table-driven) ──────────────

const health = { unit: "柳林县卫生健康局" };
const town = { unit: "柳林县双河镇人民政府" };

ruleTester(foreignEntity, {
  valid: [
    {
      name: "own unit as evaluator and data source",
      config: health,
      doc: [
        "评价机构：柳林县卫生健康局绩效自评工作小组",
        "评价所用基础数据由柳林县卫生健康局财务股提供。",
        "台账由县卫健局负责提供。",
      ],
    },
    {
      name: "finance and statistics bureaus as sources, cooperation, commission",
      config: health,
      doc: [
        "资金拨付数据由柳林县财政局提供。",
        "数据来源：柳林县统计局",
        "台账由县卫健局会同县交通运输局提供。",
        "受柳林县财政局委托开展评价。",
      ],
    },
    {
      name: "a higher authority's data and lower-level implementers",
      config: town,
      doc: [
        "人口数据由县卫生健康局提供。",
        "项目台账由柳林县双河镇人民政府提供。",
      ],
    },
    {
      name: "lower level units as implementers in a county report",
      config: health,
      doc: [
        "接种数据由柳林县双河镇人民政府提供。",
      ],
    },
    {
      name: "a place name ending in 和 and a department name with 和",
      config: { unit: "云和县文化和旅游局" },
      doc: [
        "基础数据由云和县文化和旅游局财务室提供。",
      ],
    },
    {
      name: "a verb before a bare level is not a place (现将县委…)",
      config: { unit: "中共柳林县委宣传部" },
      doc: [
        "中共柳林县委宣传部开展了自评，现将县委宣传部整体支出绩效自评结果报告如下。",
      ],
    },
    {
      name: "a firm as the third-party evaluator",
      config: health,
      doc: [
        "评价机构：某某会计师事务所有限公司",
      ],
    },
    {
      name: "the official short form of an autonomous county",
      config: { unit: "中共青山回族自治县委员会办公室" },
      doc: [
        "中共青山县委办公室认真落实部署。",
        "中共青山回族自治县委办公室制定了制度。",
      ],
    },
    {
      name: "the place without its level before an ordinary word",
      config: { unit: "临溪县烟叶生产领导小组" },
      doc: [
        "临溪烟叶产业发展良好，临溪县人民政府批准了项目。",
      ],
    },
    {
      name: "the department's stem in prose, not a unit list",
      config: { unit: "重庆市北碚区交通局" },
      doc: [
        "北碚区交通建设取得新进展，北碚区交通局(本级)完成了任务。",
      ],
    },
  ],
  invalid: [
    {
      name: "another department of the same county as evaluator",
      config: health,
      doc: [
        "评价机构：柳林县交通运输局绩效自评工作小组",
      ],
      errors: [{
        messageId: "other-body-role",
        severity: "warning",
        certainty: "assumption",
        message: "撰写或评价单位",
      }],
    },
    {
      name: "another department's internal office as the data source",
      config: health,
      doc: [
        "评价所用基础数据由柳林县民政局计划财务股提供，并经评价小组核实。",
      ],
      errors: [{ messageId: "other-body-role", message: "数据来源" }],
    },
    {
      name: "a bare-level department as the provider of this unit's ledgers",
      config: health,
      doc: [
        "以上数据均来自由县交通运输局提供的台账。",
      ],
      errors: [{ messageId: "other-body-role", message: "县交通运输局" }],
    },
    {
      name: "a 数据来源 field in a table cell",
      config: health,
      doc: [
        table([["指标", "数据来源"], ["门诊人次", "数据来源：柳林县教育局"]]),
      ],
      errors: [{ messageId: "other-body-role" }],
    },
    {
      name: "a town report whose data come from a county bureau's finance office",
      config: town,
      doc: [
        "评价所用基础数据由柳林县农业农村局财务室提供。",
      ],
      errors: [{ messageId: "other-body-role", message: "柳林县农业农村局" }],
    },
    {
      name: "another district's town at the same level",
      config: { unit: "东河区桥头镇卫生院" },
      doc: [
        "基础数据由西岭区桥头镇卫生院财务科提供。",
      ],
      errors: [{ messageId: "other-unit" }],
    },
    {
      name: "the county's formal body without its level",
      config: { unit: "临溪县烟叶生产领导小组" },
      doc: [
        "由临溪县烟叶生产领导小组请示，临溪人民政府批准。",
      ],
      errors: [{ messageId: "truncated-own-name", certainty: "certain", message: "临溪县人民政府" }],
    },
    {
      name: "the own name without 局 in a list of budget units",
      config: { unit: "重庆市北碚区交通局" },
      doc: [
        "预算单位包括：重庆市北碚区交通（本级）、重庆市北碚区公路养护中心。",
      ],
      errors: [{ messageId: "truncated-own-name", message: "缺“局”字" }],
    },
    {
      name: "a character missing inside the place name",
      config: { unit: "青山回族自治县人力资源和社会保障局" },
      doc: [
        "制定了《青山回自治县人社局财务管理制度》。",
      ],
      errors: [{ messageId: "truncated-own-name", message: "缺“族”字" }],
    },
    {
      name: "a third-party report: the unit evaluated is the title's",
      doc: makeDoc([
        "评价机构：某某会计师事务所有限公司",
        "项目基础数据由柳林县水利局计划财务股提供。",
      ], {
        title: "柳林县卫生健康局2023年度某项目绩效评价报告",
        unit: "某某会计师事务所有限公司",
        kind: "第三方评价",
      }),
      errors: [{ messageId: "other-body-role", message: "柳林县卫生健康局" }],
    },
  ],
});

Deno.test("foreign-entity: a unit only guessed from the body's sentences is not the yardstick", () => {
  const texts = ["绿水县财政局下达项目资金86.5万元。", "项目台账由青山县教育局提供。"];
  // Guessed from a sentence subject (here the funder): other bodies are not called foreign on that basis.
  const guessed = makeDoc(texts, { unit: "绿水县财政局", sources: { unit: "body:subject" } });
  assert.deepEqual(runRule(foreignEntity, guessed), []);
  // Near miss: the same unit stated by a field is the yardstick, and the other county's bureau is flagged.
  const stated = makeDoc(texts, { unit: "绿水县财政局", sources: { unit: "field:单位名称" } });
  assert.deepEqual(runRule(foreignEntity, stated).map((f) => f.details.found), ["青山县教育局"]);
});

// Red-team probes: partners and hosts, places whose name starts like a partner word, township-level units.
const farm = { unit: "青山县农业农村局" };
const township = { unit: "青山县白沙镇人民政府" };
ruleTester(foreignEntity, {
  valid: [
    {
      name: "联合 another county's bureau",
      config: farm,
      doc: ["联合白水县农业农村局开展动物疫病联防联控。"],
    },
    {
      name: "与 another county's bureau",
      config: farm,
      doc: ["与白水县农业农村局签订了农产品产销协作协议。"],
    },
    {
      name: "受 another county's bureau's commission",
      config: farm,
      doc: ["受白水县农业农村局委托开展防疫工作。"],
    },
    {
      name: "a peer ranked above the unit (仅次于)",
      config: farm,
      doc: ["在全市考核中，我局排名第2位，仅次于白水县农业农村局。"],
    },
    {
      name: "the unit itself in a 填报单位 cell",
      config: farm,
      doc: [table([["填报单位", "青山县农业农村局"], ["联系人", "张三"]])],
    },
    {
      name: "a higher authority's data in a 数据来源 cell",
      config: farm,
      doc: [table([["数据来源", "青山市农业农村局"], ["联系人", "张三"]])],
    },
    {
      name: "a town working with its neighbour",
      config: township,
      doc: ["白沙镇人民政府会同红石镇人民政府开展河道联合整治。"],
    },
    {
      name: "a town under its county government",
      config: township,
      doc: ["在青山县人民政府的领导下，白沙镇人民政府认真落实部署。"],
    },
  ],
  invalid: [
    {
      name: "a county whose name starts with 同",
      config: farm,
      doc: ["同心县农业农村局高度重视项目管理，成立了工作领导小组。"],
      errors: [{ messageId: "other-unit", severity: "warning" }],
    },
    {
      name: "another county's bureau in a 填报单位 cell",
      config: farm,
      doc: [table([["填报单位", "白水县农业农村局"], ["联系人", "张三"]])],
      errors: [{ messageId: "other-body-role", severity: "warning", message: "白水县农业农村局" }],
    },
    {
      name: "another bureau in a 数据来源 cell (label with a colon)",
      config: farm,
      doc: [table([["数据来源：", "青山县交通运输局"]], [], 0)],
      errors: [{ messageId: "other-body-role", message: "数据来源" }],
    },
    {
      name: "another township's government",
      config: township,
      doc: ["红石镇人民政府严格落实资金管理制度，规范项目实施。"],
      errors: [{ messageId: "other-unit", message: "红石镇人民政府" }],
    },
    {
      name: "another sub-district office",
      config: { unit: "青山市东城街道办事处" },
      doc: ["西城街道办事处严格落实资金管理制度，规范项目实施。"],
      errors: [{ messageId: "other-unit", message: "西城街道办事处" }],
    },
  ],
});
