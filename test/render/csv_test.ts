import assert from "node:assert/strict";
import Papa from "papaparse";
import { CSV_HEADER, renderCsv } from "../../src/render/csv.ts";
import { emptyInput, errorResult, FILE, NASTY, report, sampleInput } from "./fixtures.ts";

function parse(csv: string): string[][] {
  assert.ok(csv.startsWith("\uFEFF"), "UTF-8 BOM for Excel");
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

Deno.test("csv: BOM, Chinese header, one row per finding with stated/computed", () => {
  const rows = parse(renderCsv(sampleInput()));
  assert.deepEqual(rows[0], [
    "文件",
    "规则",
    "规则号",
    "级别",
    "位置",
    "引文",
    "陈述值",
    "计算值",
    "说明",
    "修改建议",
  ]);
  assert.deepEqual(rows[0], CSV_HEADER);
  assert.equal(rows.length, 1 + 5);
  const sum = rows.find((r) => r[2] === "sum-mismatch" && r[3] === "错误")!;
  assert.deepEqual(sum, [
    FILE,
    "合计不符",
    "sum-mismatch",
    "错误",
    "一、部门概况 › （一）预算执行 › 表1 第4行第3列",
    "96",
    "96",
    "19",
    "表1合计得分96与各项之和19不符。",
    "请核对合计行。",
  ]);
  const sup = rows.find((r) => r[3] === "错误（已豁免）")!;
  assert.match(sup[8], /豁免理由：口径不同/);
  const dup = rows.find((r) => r[2] === "duplicate-paragraph")!;
  assert.equal(dup[1], "重复段落", "the rule's Chinese name");
  assert.equal(
    dup[4],
    "一、部门概况 › 第1段“本单位共有在职人员32人…”\n二、存在的问题 › 第1段“本单位共有在职人员32人…”",
    "places as Word shows them: section path, the paragraph's ordinal in it and its first words",
  );
});

Deno.test("csv: quotes with commas, quotes, pipes and newlines round-trip exactly", () => {
  const rows = parse(renderCsv(sampleInput()));
  const odd = rows.find((r) => r[2] === "odd-quote")!;
  assert.equal(odd[5], NASTY);
  assert.equal(odd[6], "a|b");
});

Deno.test("csv: formula-like text cells are defused, even a minus before a digit; numbers stay numbers", () => {
  const input = sampleInput();
  const f = input.report.documents[0].findings[0];
  f.evidence = [{ quote: "=SUM(A1:A3)", section: "", block: 0 }];
  f.details = { stated: "-3.5%", computed: -3.5 };
  const csv = renderCsv(input);
  const row = parse(csv).find((r) => r[2] === "duplicate-paragraph")!;
  assert.equal(row[5], "'=SUM(A1:A3)");
  assert.equal(row[6], "'-3.5%", "text from the document: defused");
  assert.equal(row[7], "-3.5", "a number in the details: written as a number");
  assert.ok(csv.includes(',"\'-3.5%",-3.5,'), "the number is unquoted, the text quoted");
  assert.equal(row[4], "卷首 › 第1段“某单位2023年度部门整…”");
});

Deno.test("csv: no findings → header only; unreadable file → one error row", () => {
  assert.deepEqual(parse(renderCsv(emptyInput())), [CSV_HEADER]);
  const rows = parse(renderCsv({ report: report([errorResult()]), documents: new Map(), rules: [] }));
  assert.equal(rows.length, 2);
  assert.equal(rows[1][1], "无法审核");
  assert.equal(rows[1][2], "not-docx");
  assert.equal(rows[1][3], "错误");
});
