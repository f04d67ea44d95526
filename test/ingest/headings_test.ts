import { deepStrictEqual as eq, strictEqual } from "node:assert";
import { manualHeading, parseMarker } from "../../src/ingest/headings.ts";

Deno.test("parseMarker: every numbering style, full- and half-width", () => {
  const cases: [string, string, number, number, string][] = [
    ["一、部门概况", "chinese", 1, 1, "部门概况"],
    ["十二、其他", "chinese", 12, 1, "其他"],
    ["（三）评价依据", "paren-chinese", 3, 2, "评价依据"],
    ["(四) 评价对象", "paren-chinese", 4, 2, "评价对象"],
    ["1.资金落实情况", "arabic", 1, 3, "资金落实情况"],
    ["3、 亮点工作", "arabic", 3, 3, "亮点工作"],
    ["１２．财政拨款", "arabic", 12, 3, "财政拨款"],
    ["（2）财务管理", "paren-arabic", 2, 4, "财务管理"],
    ["(１０)其他", "paren-arabic", 10, 4, "其他"],
    ["③完成率", "circled", 3, 5, "完成率"],
    ["附件3评价指标体系", "annex", 3, 1, "评价指标体系"],
    ["附件 12：问卷", "annex", 12, 1, "问卷"],
  ];
  for (const [text, style, value, level, title] of cases) {
    const m = parseMarker(text);
    eq([m?.number.style, m?.number.value, m?.level, m?.title], [style, value, level, title], text);
  }
  strictEqual(parseMarker("（三）评价依据")?.number.raw, "（三）");
});

Deno.test("parseMarker: decimals, years and plain text are not markers", () => {
  for (
    const t of [
      "1.5万元用于购置设备",
      "2023年共支出80万元",
      "部门概况",
      "一是推进改革",
      "附件：评价表",
      "12.30%",
    ]
  ) {
    strictEqual(parseMarker(t), null, t);
  }
});

Deno.test("manualHeading: short numbered lines only, not sentences running on", () => {
  strictEqual(manualHeading("（一）部门职能")?.level, 2);
  strictEqual(manualHeading("  1.产出情况 ")?.title, "产出情况");
  strictEqual(manualHeading("附件1")?.number.style, "annex");
  // runs on into body text
  strictEqual(manualHeading("1.坚持优化服务、稳中求进。一是结合普法强基"), null);
  strictEqual(manualHeading("（1）坚持优化服务，稳中求进。一是开展培训12次。"), null);
  // ends like a sentence
  strictEqual(manualHeading("（二）养老保险参保扩面难度大；"), null);
  // too long (41 characters)
  strictEqual(manualHeading("一、" + "长".repeat(39)), null);
  strictEqual(manualHeading("一、" + "长".repeat(38))?.level, 1);
  // a marker alone is not a heading, a number followed by a figure neither
  strictEqual(manualHeading("一、"), null);
  strictEqual(manualHeading("1、5万元"), null);
});
