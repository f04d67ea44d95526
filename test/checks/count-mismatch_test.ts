import assert from "node:assert/strict";
import { countMismatch } from "../../checks/rules/count-mismatch.ts";
import { h, makeDoc } from "../helpers/doc.ts";
import { ruleTester } from "../helpers/rule-tester.ts";
import { runRule } from "./run.ts";

Deno.test("count-mismatch: quoted list with a wrong count", () => {
  const f = runRule(countMismatch, makeDoc(["构建“劳动关系”“行政检查”“欠薪治理”的“4个普法”新格局。"]));
  assert.equal(f.length, 1);
  assert.deepEqual([f[0].details.stated, f[0].details.computed], [4, "3"]);
});

Deno.test("count-mismatch: enumeration with a wrong count, Chinese numeral count", () => {
  const f = runRule(
    countMismatch,
    makeDoc([
      "部门决策设立部门目标、部门职能、资源配置4个二级指标。",
      "设立甲、乙两个方面，另设立丙、丁、戊三项。",
    ]),
  );
  assert.deepEqual(f.map((x) => x.details.stated), [4]);
});

Deno.test("count-mismatch: consistent lists, 和/及 inside items, and 等 are not flagged", () => {
  const f = runRule(
    countMismatch,
    makeDoc([
      "部门决策设立部门目标、部门职能、资源配置3个二级指标。",
      "业务管理设立制度健全性及执行情况、政府采购规范性、监督考核情况3个三级指标。",
      "部门可持续发展设立队伍建设情况、信息共享公开情况和长效管理创新情况3个三级指标。",
      "构建“甲”“乙”“丙”等“5个”格局。",
      "构建“甲”“乙”“丙”的“３个”格局。",
    ]),
  );
  assert.deepEqual(f, []);
});

Deno.test("count-mismatch: one finding for a passage copied into several sections", () => {
  const para = "本年度开展了3项主题活动：读书节、科技周、艺术展、摄影赛。";
  const doc = makeDoc([h(1, "一、基本情况"), para, h(1, "二、绩效分析"), para, h(1, "三、经验做法"), para]);
  const f = runRule(countMismatch, doc);
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].evidence.map((e) => e.block), [1, 3, 5]);
  assert.equal(f[0].details.places, 3);
  assert.match(f[0].message, /同一表述出现3处/);
});

Deno.test("count-mismatch: a different wrong count in each place stays two findings", () => {
  const doc = makeDoc([
    "本年度开展了3项主题活动：读书节、科技周、艺术展、摄影赛。",
    "本年度开展了5项主题活动：读书节、科技周、艺术展、摄影赛。",
  ]);
  assert.deepEqual(runRule(countMismatch, doc).map((x) => x.details.stated), [3, 5]);
});

ruleTester(countMismatch, {
  valid: [
    { name: "colon list that agrees", doc: ["全年开展了三项主题活动：读书节、科技周、艺术展。"] },
    {
      name: "list ended by a comma",
      doc: ["全年开展了3项主题活动：读书节、科技周、艺术展，惠及群众2000人次。"],
    },
    {
      name: "names before the count, 和 joining the last two",
      doc: ["局机关下设综合股、计财股、审批股和执法大队4个股室。"],
    },
    { name: "分别为 with a Chinese numeral", doc: ["共设置两类指标，分别为产出指标、效益指标。"] },
    { name: "a list ending in 等 cannot be checked", doc: ["下设秘书科、档案科等8个科室。"] },
    {
      name: "等 inside the last name",
      doc: ["建成村卫生室、乡镇卫生院、社区卫生服务中心等各类医疗机构4个。"],
    },
    { name: "a 等 list after the colon", doc: ["本项目涉及6个乡镇：甲镇、乙镇、丙镇、丁镇等。"] },
    {
      name: "a measure of the last item, not a count of the names",
      doc: ["印制、悬挂宣传横幅及标语120条。"],
    },
    { name: "measure after two names", doc: ["共检查企业、个体工商户56户，排查在建项目19个。"] },
    {
      name: "names of a programme",
      doc: ["实施“三支一扶”计划，统筹推进五位一体总体布局，选派3名大学生到村任职。"],
    },
    { name: "breakdown in brackets", doc: ["设有3个工作组（其中综合组1个、督查组2个）。"] },
    { name: "figures in brackets", doc: ["核定事业编制41个（参公3人，工勤1人）。"] },
    {
      name: "、 inside a bracketed item",
      doc: ["下设文化馆、图书馆（含少儿分馆、古籍部）、文管所3个二级单位。"],
    },
    { name: "possessive before the count", doc: ["东坪镇、西岭镇的4个村开展了试点。"] },
    { name: "verb before the count", doc: ["办公室、财务股开展3项专项检查。"] },
    { name: "two items joined by 和", doc: ["开展2项活动：读书节和科技周。"] },
    {
      name: "numbered items with their own 、-lists",
      doc: ["采取了三项措施：一是建立台账，做到账实、账表、账账相符；二是按月对账；三是公开公示。"],
    },
    {
      name: "；-list whose items hold 、",
      doc: ["设置3类指标：产出指标，含数量、质量、时效；效益指标；满意度指标。"],
    },
    { name: "approximate counts and durations", doc: ["用时近3个月，走访10余个、约5家单位：甲、乙。"] },
    { name: "ordinals", doc: ["第3项：甲、乙。"] },
    {
      name: "a breakdown after the count",
      doc: ["共有10个机构单位，其中3个行政部门（人大、政府和党委）和7个事业单位。"],
    },
    { name: "examples of categories with 等", doc: ["涵盖生产、生活、生态、景观等两类用水。"] },
    {
      name: "numbered paragraphs that agree",
      doc: [
        "主要做了以下三方面工作：",
        "1.加强制度建设。",
        "2.规范资金管理。",
        "3.强化绩效监控。",
        "此外，还完成了其他工作。",
      ],
    },
    {
      name: "numbered headings with text between them",
      doc: [
        "今年重点推进两方面工作：",
        h(2, "（一）完善制度"),
        "修订了财务制度。",
        h(2, "（二）强化监督"),
        "开展了专项检查。",
        h(1, "二、存在的问题"),
        h(2, "（一）预算编制不够精细"),
      ],
    },
  ],
  invalid: [
    {
      name: "colon list longer than the count",
      doc: ["全年开展了3项主题活动：读书节、科技周、艺术展、摄影赛。"],
      errors: [{ messageId: "count", certainty: "certain", severity: "warning", message: "列举了4项" }],
    },
    {
      name: "Chinese numeral, 分别为",
      doc: ["共设置五项指标，分别为甲指标、乙指标、丙指标、丁指标，权重各25分。"],
      errors: [{ messageId: "count", certainty: "certain", message: "列举了4项" }],
    },
    {
      name: "two classes, three listed",
      doc: ["项目分为两类：一般项目、重点项目、专项项目。"],
      errors: [{ messageId: "count", message: "列举了3项" }],
    },
    {
      name: "a level noun after the count (四个三级指标)",
      doc: ["共设定四个三级绩效指标：甲、乙、丙。"],
      errors: [{ messageId: "count", message: "列举了3项" }],
    },
    {
      name: "及 inside 及时率 joins nothing",
      doc: ["设定3个指标：验收合格率、资金拨付及时率。"],
      errors: [{ messageId: "count", message: "列举了2项" }],
    },
    {
      name: "bracketed list",
      doc: ["下设3个行政部门（办公室、财务科）。"],
      errors: [{ messageId: "count", message: "列举了2项" }],
    },
    {
      name: "一是…二是…三是…",
      doc: ["围绕资金管理采取了四项措施：一是建立台账；二是按月对账；三是公开公示。"],
      errors: [{ messageId: "count", certainty: "certain", message: "列举了3项" }],
    },
    {
      name: "（1）（2） after a comma",
      doc: ["分三个阶段推进，（1）摸底调查；（2）组织实施。"],
      errors: [{ messageId: "count", message: "列举了2项" }],
    },
    {
      name: "circled numbers",
      doc: ["审批包括4个环节：①申报②审核③公示。"],
      errors: [{ messageId: "count", message: "列举了3项" }],
    },
    {
      name: "names before the count",
      doc: ["东坪、西岭、南湾4个社区已完成改造。"],
      errors: [{ messageId: "count", certainty: "certain", message: "列举了3项" }],
    },
    {
      name: "numbered paragraphs under the claim (boundary inferred)",
      doc: [
        "主要开展了以下4项工作：",
        "1.加强制度建设。",
        "2.规范资金管理。",
        "3.强化绩效监控。",
        "全年工作总体平稳。",
      ],
      errors: [{ messageId: "count", certainty: "assumption", message: "列举了3项" }],
    },
    {
      name: "numbered headings under the claim",
      doc: [
        "今年重点推进三方面工作：",
        h(2, "（一）完善制度"),
        "修订了财务制度。",
        h(2, "（二）强化监督"),
        "开展了专项检查。",
        h(1, "二、存在的问题"),
      ],
      errors: [{ messageId: "count", certainty: "assumption", message: "列举了2项" }],
    },
    {
      name: "examples before 等 outnumber the count",
      doc: ["局机关内设秘书股、财务股、法规股、审批股、督查股等4个股室。"],
      errors: [{ messageId: "etc-exceeds", certainty: "assumption", message: "已列举5项" }],
    },
  ],
});
