import { deepStrictEqual, strictEqual } from "node:assert";
import { findNumbers, normalizeWidth, parseChineseNumeral } from "../../src/extract/numbers.ts";

/** raw strings of the figures found. */
const raws = (s: string) => findNumbers(s).map((t) => t.raw);
const one = (s: string) => {
  const toks = findNumbers(s);
  strictEqual(toks.length, 1, `expected one figure in ${s}, got ${JSON.stringify(toks.map((t) => t.raw))}`);
  return toks[0];
};

Deno.test("normalizeWidth keeps offsets (one character for one)", () => {
  const s = "１２３．４５％，（一）";
  strictEqual(normalizeWidth(s), "123.45%,(一)");
  strictEqual(normalizeWidth(s).length, s.length);
});

Deno.test("plain, separated, decimal and full-width numbers", () => {
  const a = one("共计1,234.56万元");
  deepStrictEqual([a.stated, a.decimals, a.unit, a.writtenUnit, a.scale, a.value], [
    1234.56,
    2,
    "元",
    "万元",
    1e4,
    12345600,
  ]);
  const b = one("达１２３．４５％");
  deepStrictEqual([b.stated, b.decimals, b.unit, b.raw], [123.45, 2, "%", "１２３．４５％"]);
  strictEqual(one("完成率为12.30%").decimals, 2);
  // Full-width digits with a full-width comma: a thousands separator.
  strictEqual(one("共１，２３４人").stated, 1234);
  // ASCII digits with a full-width comma: a clause delimiter.
  deepStrictEqual(raws("检查5，100人"), ["5", "100人"]);
  deepStrictEqual(raws("检查5人，100人"), ["5人", "100人"]);
});

Deno.test("space inside a figure: 112.4 %", () => {
  const t = one("完成目标任务数的112.4 %；");
  deepStrictEqual([t.stated, t.unit, t.raw], [112.4, "%", "112.4 %"]);
});

Deno.test("negative numbers", () => {
  deepStrictEqual(findNumbers("变动-5人、负5人、－5人").map((t) => t.stated), [-5, -5, -5]);
  // A hyphen between digits is a range, not a sign.
  strictEqual(one("3-5人").stated, 3);
});

Deno.test("units: scales, counts, rates and longest match", () => {
  const cases: [string, string, string, number][] = [
    ["4.2万人次", "人次", "万人次", 1e4],
    ["33.75万人", "人", "万人", 1e4],
    ["3亿元", "元", "亿元", 1e8],
    ["5千元", "元", "千元", 1e3],
    ["5个百分点", "个百分点", "个百分点", 1],
    ["3千米", "公里", "千米", 1],
    ["104名", "人", "名", 1],
    ["175场次", "场次", "场次", 1],
    ["4批次", "批次", "批次", 1],
    ["1100万", "", "万", 1e4],
    ["2.5分", "分", "分", 1],
    ["3个月", "个月", "个月", 1],
  ];
  for (const [s, unit, written, scale] of cases) {
    const t = one(`共${s}，`);
    deepStrictEqual([t.unit, t.writtenUnit, t.scale], [unit, written, scale], s);
  }
});

Deno.test("approximation words", () => {
  const ap = (s: string) => one(s).approx;
  strictEqual(ap("服务企业80余家"), "atLeast");
  strictEqual(ap("二十多个"), "atLeast");
  strictEqual(ap("100人以上"), "atLeast");
  strictEqual(ap("超过100人"), "atLeast");
  strictEqual(ap("近3年"), "atMost");
  strictEqual(ap("不到10户"), "atMost");
  strictEqual(ap("100人以下"), "atMost");
  strictEqual(ap("约5万元"), "about");
  strictEqual(ap("50人左右"), "about");
  strictEqual(ap("≥95%"), "atLeast");
  // Near-misses: 节约, 最近 are words, 余 of a name is no approximation.
  strictEqual(ap("节约5万元"), "exact");
  strictEqual(ap("最近3个月"), "exact");
  strictEqual(ap("涉及劳动者12000人"), "exact");
  strictEqual(one("约谈存在工资拖欠隐患企业1户").approx, "exact");
  strictEqual(one("12000余人").raw, "12000余人");
});

Deno.test("ranges", () => {
  for (const s of ["3-5人", "3至5人", "3~5人", "3～5人", "3到5人"]) {
    const t = one(s);
    deepStrictEqual([t.stated, t.range, t.unit, t.approx], [3, { low: 3, high: 5 }, "人", "about"], s);
  }
  deepStrictEqual(one("1-2万元").range, { low: 1e4, high: 2e4 });
  deepStrictEqual(one("酌情得0-4分").range, { low: 0, high: 4 });
});

Deno.test("Chinese numerals as counts", () => {
  const cn = (s: string) => {
    const t = one(s);
    strictEqual(t.chineseNumeral, true, s);
    return [t.stated, t.unit, t.scale];
  };
  deepStrictEqual(cn("设立三个二级指标"), [3, "个", 1]);
  deepStrictEqual(cn("十二人"), [12, "人", 1]);
  deepStrictEqual(cn("两名"), [2, "人", 1]);
  deepStrictEqual(cn("一百二十三万元"), [123, "元", 1e4]);
  deepStrictEqual(cn("统一三个标准"), [3, "个", 1]);
  strictEqual(parseChineseNumeral("一万二千"), 12000);
  strictEqual(parseChineseNumeral("一三"), undefined);
});

Deno.test("names, ordinals and slogans are not figures", () => {
  for (
    const s of [
      "高校毕业生“三支一扶”招募",
      "一是稳步运行，二是落实",
      "引进第三方公司",
      "“三公经费”支出",
      "开展“1311服务”",
      "“六制一金一表”制度",
      "开展“一对一”职业指导",
      "一次性就业补贴",
      "一站式服务",
      "落实“四个一”要求",
      "通过ISO9001认证",
      "受三年疫情影响",
      "十分重要",
      "三分之一",
      "按权重的1/3扣分",
      "预算执行率=决算/预算×100%",
    ]
  ) deepStrictEqual(raws(s), [], s);
});

Deno.test("a quoted N个… is still a count claim", () => {
  const t = one("构建“10个普法”新格局");
  deepStrictEqual([t.stated, t.unit], [10, "个"]);
  strictEqual(one("“4个…”").stated, 4);
});

Deno.test("dates, years, document numbers, codes, phones and markers are not figures", () => {
  for (
    const s of [
      "（寻财绩〔2018〕9号）",
      "昆政办〔2013〕72号",
      "2024年5月10日",
      "2023年度",
      "于5月完成",
      "2023年",
      "2023-2025年",
      "评价时段为2023年1月1日至2023年12月31日",
      "电话13812345678",
      "A11部门目标",
      "C101重点项目",
      "1.资金落实情况",
      "（1）预算管理状况",
      "3、 亮点工作",
      "附件3评价指标体系",
      "第3名",
      "— 2 —",
    ]
  ) deepStrictEqual(raws(s), [], s);
  // A year is not a count, but the count next to it is.
  deepStrictEqual(raws("2023年城镇新增就业969人"), ["969人"]);
  deepStrictEqual(raws("缴满15年后"), ["15年"]);
  // A weight in parentheses is a figure, not a marker.
  deepStrictEqual(raws("A11部门目标（2分）"), ["2分"]);
});

Deno.test("offsets point into the original text", () => {
  const s = "其中，专业技术人才２７人、管理人才5人。";
  for (const t of findNumbers(s)) strictEqual(s.slice(t.start, t.end), t.raw);
  deepStrictEqual(raws(s), ["２７人", "5人"]);
});
