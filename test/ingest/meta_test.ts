/**
 * Document metadata on invented report openings of the genre: web-page navigation before the title, split
 * and spaced titles, 决算 titles, 自评表 tables, third-party wording, year ranges, publication dates that are
 * not the year evaluated, the file name as last fallback, and near-misses that must yield nothing.
 */
import { deepStrictEqual as eq } from "node:assert";
import { buildDocument } from "../../src/ingest/build.ts";
import { Document, type MetaSources } from "../../src/model/document.ts";
import type { RawBlock, RawCell } from "../../src/model/raw.ts";

const p = (text: string): RawBlock => ({ kind: "paragraph", text, origin: "body", align: "left" });
const cell = (text: string, colspan = 1): RawCell => ({ paragraphs: [text], colspan, rowspan: 1 });
const table = (...rows: RawCell[][]): RawBlock => ({ kind: "table", origin: "body", rows });
const lines = (...texts: string[]) => texts.map(p);

interface Case {
  name: string;
  blocks: RawBlock[];
  file?: string;
  /** Expected fields; `sources` lists only the keys given. */
  want: {
    title?: string | null;
    year?: number | null;
    unit?: string | null;
    kind?: string | null;
    sources?: MetaSources;
  };
}

const CASES: Case[] = [
  {
    name: "navigation and page metadata before the title; the publication date is not the year",
    blocks: lines(
      "首页 > 信息公开 > 财政资金",
      "发布时间：2024-04-10 09:30 信息来源：甲乙县水务局 浏览量：35",
      "字号：大 中 小",
      "甲乙县水务局2023年度部门整体支出绩效自评报告",
      "按照《关于做好2023年度预算绩效自评工作的通知》（甲财绩〔2024〕5号）要求，现将自评情况报告如下：",
      "一、部门概况",
    ),
    want: {
      title: "甲乙县水务局2023年度部门整体支出绩效自评报告",
      year: 2023,
      unit: "甲乙县水务局",
      kind: "部门整体",
      sources: { title: "first-lines", year: "title", unit: "title", kind: "title" },
    },
  },
  {
    name: "title split over two lines: the unit above, the year and report below",
    blocks: lines("中共甲乙县委宣传部", "  2022年度整体支出绩效自评报告", "一、基本情况"),
    want: {
      title: "中共甲乙县委宣传部2022年度整体支出绩效自评报告",
      year: 2022,
      unit: "中共甲乙县委宣传部",
      sources: { unit: "unit-line" },
    },
  },
  {
    name: "spaced year and spaced title",
    blocks: lines("丙丁市图书馆 2021 年度部门整体支出 绩效评价报告", "一、部门概况"),
    want: { title: "丙丁市图书馆2021年度部门整体支出绩效评价报告", year: 2021, unit: "丙丁市图书馆" },
  },
  {
    name: "决算 title with the year on its own line above the unit",
    blocks: lines("发布时间：2023-09-01", "2022年度", "甲省乙市丙县林业局部门决算", "第一部分 部门概况"),
    want: {
      title: "2022年度甲省乙市丙县林业局部门决算",
      year: 2022,
      unit: "甲省乙市丙县林业局",
      kind: "部门决算",
    },
  },
  {
    name: "决算情况说明 under a web page's 名称 field only",
    blocks: lines(
      "发布机构：| 戊己区财政局 | 发布日期：| 2023-08-20 |",
      "名称：| 戊己区统计局2022年度部门决算情况说明 |",
    ),
    want: {
      title: "戊己区统计局2022年度部门决算情况说明",
      year: 2022,
      unit: "戊己区统计局",
      kind: "部门决算",
      sources: { title: "field:名称" },
    },
  },
  {
    name: "自评表: 项目名称 and 单位名称 in label and value cells",
    blocks: [
      p("2023年度项目支出绩效自评表"),
      table(
        [cell("项目名称"), cell("乡村道路养护"), cell("主管部门"), cell("庚辛县交通运输局")],
        [cell("单位名称"), cell("庚辛县公路管理段站"), cell("实施单位"), cell("庚辛县公路管理段站")],
      ),
    ],
    want: {
      title: "2023年度项目支出绩效自评表",
      year: 2023,
      unit: "庚辛县公路管理段站",
      kind: "自评表",
      sources: { unit: "table:单位名称" },
    },
  },
  {
    name: "自评表 whose title is the table's merged header row, the year in its own row",
    blocks: [
      table([cell("项目支出绩效自评表", 4)], [cell("（2022年度）", 4)], [
        cell("填报单位："),
        cell("甲县疾病预防控制中心"),
        cell("填报日期"),
        cell("2023年3月1日"),
      ]),
    ],
    want: {
      title: "项目支出绩效自评表",
      year: null,
      unit: "甲县疾病预防控制中心",
      kind: "自评表",
      sources: { title: "table-header", unit: "table:填报单位" },
    },
  },
  {
    name: "third-party report: 受…委托 and the firm's self-alias",
    blocks: lines(
      "关于2023年度壬癸县农村饮水安全项目的绩效评价报告",
      "受壬癸县财政局委托，某某工程咨询有限公司（以下简称“我公司”）于2024年5月对该项目进行了绩效评价。",
      "一、项目概况",
    ),
    want: {
      year: 2023,
      unit: "某某工程咨询有限公司",
      kind: "第三方评价",
      sources: { unit: "sentence:以下简称", kind: "text" },
    },
  },
  {
    name: "a range of years: the last year is the year evaluated",
    blocks: lines("关于2019—2022年度甲县学前教育专项资金的绩效评价报告", "一、项目基本情况"),
    want: { year: 2022, unit: null, kind: "项目支出" },
  },
  {
    name: "评价时段 states the year; 评价机构 naming the unit's own 自评小组 is no third party",
    blocks: lines(
      "甲县民政局2024年部门整体支出绩效自评报告",
      "评价时段：2023年1月1日至2023年12月31日",
      "评价机构：甲县民政局绩效自评小组",
      "一、部门概况",
    ),
    want: { year: 2023, unit: "甲县民政局", kind: "部门整体", sources: { year: "field:评价时段" } },
  },
  {
    name: "title without a year and a publication date: no year",
    blocks: lines(
      "发布时间：2025年3月28日 文号：甲财绩〔2025〕25号",
      "子丑县民政局部门整体支出绩效自评报告",
      "一、部门概况",
    ),
    want: { title: "子丑县民政局部门整体支出绩效自评报告", year: null, sources: { title: "title-line" } },
  },
  {
    name: "text flattened into one paragraph: the title runs on into the body",
    blocks: lines(
      "甲县气象局 2022 年度部门整体支出绩效自评报告 根据《预算法》有关规定，现将情况报告如下： 一、部门概况",
    ),
    want: {
      title: "甲县气象局2022年度部门整体支出绩效自评报告",
      year: 2022,
      unit: "甲县气象局",
      sources: { title: "run-on" },
    },
  },
  {
    name: "no title line: the opening sentence names the report; the unit follows the year",
    blocks: lines(
      "为做好项目绩效管理，现将2023年甲县交通运输局农村公路建设项目绩效自评总结报告如下：",
      "一、项目概况",
    ),
    want: {
      title: "2023年甲县交通运输局农村公路建设项目绩效自评总结报告",
      year: 2023,
      unit: "甲县交通运输局",
      sources: { title: "sentence" },
    },
  },
  {
    name: "the file name as last fallback for year and unit",
    blocks: lines("一、部门概况", "全年支出80万元。"),
    file: "报送材料/甲县卫生健康局2023年度部门整体支出绩效自评报告.docx",
    want: {
      title: null,
      year: 2023,
      unit: "甲县卫生健康局",
      sources: { year: "file-name", unit: "file-name" },
    },
  },
  {
    name: "the unit named as the overview's subject, in a report that says 我局",
    blocks: lines(
      "2023年度部门整体支出绩效自评报告",
      "一、部门概况",
      "甲县自然资源局是县政府工作部门，我局内设8个股室。",
    ),
    want: { unit: "甲县自然资源局", sources: { unit: "sentence:subject" } },
  },
  // near-misses: nothing taken
  {
    name: "near-miss: a 'YYYY年…报告' sentence in the body is no title",
    blocks: lines("2023年，我局按要求编制了部门整体支出绩效自评报告", "全年支出80万元。"),
    want: { title: null, year: null, unit: null, kind: null },
  },
  {
    name: "near-miss: 现将有关情况报告如下 names no report",
    blocks: lines("根据有关规定，现将2023年度有关情况报告如下：", "一、基本情况"),
    want: { title: null, year: null },
  },
  {
    name: "near-miss: a unit-like heading is no unit line; an internal office above the title is no unit",
    blocks: lines("综合办公室", "2023年度部门整体支出绩效自评报告", "一、甲县财政局", "正文。"),
    want: { title: "2023年度部门整体支出绩效自评报告", unit: null },
  },
  {
    name:
      "near-miss: a placeholder 单位名称 is no unit (the body's subject is, weakest); dates in the file name",
    blocks: lines(
      "2022年度部门决算公开",
      "单位名称：河北省XXX厅",
      "一、单位职责",
      "甲县第一中学是全日制完全中学。",
    ),
    file: "uploads/20230915/report.docx",
    want: { year: 2022, unit: "甲县第一中学", sources: { unit: "body:subject" } },
  },
  {
    name: "near-miss: a project title's leading words after the year are no unit",
    blocks: lines("2023年度乡镇卫生院建设项目绩效自评报告", "一、项目概况"),
    want: { year: 2023, unit: null, kind: "项目支出" },
  },
];

for (const c of CASES) {
  Deno.test(`meta: ${c.name}`, () => {
    const d = buildDocument({ blocks: c.blocks, diagnostics: [], reader: "test" }, c.file);
    Document.parse(d);
    const { sources, ...want } = c.want;
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, d.meta[k as keyof typeof want] ?? null]));
    eq(got, want);
    if (sources) {
      const gotSources = Object.fromEntries(
        Object.keys(sources).map((k) => [k, d.meta.sources?.[k as keyof MetaSources]]),
      );
      eq(gotSources, sources);
    }
  });
}
