/** Issue 13, item 3: places named as Word shows them, in every output that shows places. */
import assert from "node:assert/strict";
import type { Document } from "../../src/model/document.ts";
import type { Evidence } from "../../src/model/finding.ts";
import { firstWords, locationName, placeName, placesOf } from "../../src/render/place.ts";
import { withoutPlacePaths } from "../../src/render/message.ts";

/** Only what place naming reads: the blocks. */
function doc(): Document {
  const p = (index: number, section: string, text: string, origin = "body") => ({
    kind: "paragraph",
    index,
    text,
    section,
    origin,
  });
  return {
    blocks: [
      p(0, "s0", "某局2023年度部门整体支出绩效自评报告"),
      { kind: "heading", index: 1, text: "二、部门整体支出情况", section: "s1", origin: "body", level: 1 },
      p(2, "s1", "全年预算1000万元。"),
      p(3, "s1", "资金到位率100%。"),
      p(4, "s1", "2023年我局围绕中心工作，扎实推进各项任务落实。"),
      { kind: "table", index: 5, tableIndex: 1, section: "s1", origin: "body", grid: [] },
      p(6, "s1", "注：数据来源于决算。", "footnote"),
      p(7, "s2", "另一节的第一段。"),
    ],
  } as unknown as Document;
}

const ev = (block: number, more: Partial<Evidence> = {}): Evidence => ({
  quote: "x",
  section: "二、部门整体支出情况",
  block,
  ...more,
});

Deno.test("place: section path, the paragraph's ordinal in its section and its first words", () => {
  const places = placesOf(doc());
  assert.equal(
    locationName(ev(4), places),
    "二、部门整体支出情况 › 第3段“2023年我局围绕中心工…”",
  );
  assert.equal(placeName(ev(2), places), "第1段“全年预算1000万元。”");
  assert.equal(placeName(ev(7), places), "第1段“另一节的第一段。”", "ordinals restart in each section");
  assert.equal(placeName(ev(1), places), "标题“二、部门整体支出情况”");
  assert.equal(placeName(ev(6), places), "脚注“注：数据来源于决算。”");
  assert.equal(locationName({ ...ev(0), section: "" }, places), "卷首 › 第1段“某局2023年度部门整体…”");
});

Deno.test("place: table cells as 表N 第R行第C列; the page first when a reader knows it; fallback", () => {
  const places = placesOf(doc());
  assert.equal(placeName(ev(5, { table: { index: 1, row: 2, col: 3 } }), places), "表2 第3行第4列");
  assert.equal(
    locationName({ ...ev(4), page: 5 } as Evidence, places),
    "二、部门整体支出情况 › 第5页 第3段“2023年我局围绕中心工…”",
  );
  assert.equal(placeName(ev(4)), "段落5", "without the document: the block number");
  assert.equal(firstWords("  a \n b  "), "a b");
  assert.deepEqual(Object.keys(placesOf(doc(), [4, 6])), ["4", "6"], "only the blocks asked for");
});

Deno.test("message: a trailing list of the finding's own section paths is dropped; others shortened", () => {
  const a = "一、部门概况 › （三）部门工作完成情况";
  const b = "二、绩效目标 › （二）具体目标";
  const evidence = [{ quote: "q", section: a, block: 1 }, { quote: "q", section: b, block: 2 }];
  assert.equal(
    withoutPlacePaths(`段落「某某」在文中出现2次，内容相同：「${a}」、「${b}」。`, evidence),
    "段落「某某」在文中出现2次，内容相同。",
  );
  assert.equal(
    withoutPlacePaths(`在正文「${a}」与附件「${b}」内容相同。`, evidence),
    "在正文「（三）部门工作完成情况」与附件「（二）具体目标」内容相同。",
  );
  const plain = "同一数量前后不一致：「32人」与「23人」。";
  assert.equal(withoutPlacePaths(plain, evidence), plain, "messages without paths are left alone");
  assert.equal(
    withoutPlacePaths(`见「其他 › 章节」。`, evidence),
    "见「其他 › 章节」。",
    "not a place: kept",
  );
});
