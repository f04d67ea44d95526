import assert from "node:assert/strict";
import { Document } from "../../src/model/document.ts";
import { h, makeDoc, table } from "./doc.ts";

Deno.test("makeDoc builds a schema-valid document with nested sections and merged cells", () => {
  const doc = makeDoc([
    "前言",
    h(1, "一、概况"),
    h(2, "（一）机构"),
    "正文",
    table([["A", "B"], ["x", "1"], ["", "2"]], [{ row: 1, col: 0, rowspan: 2 }]),
    h(1, "二、目标"),
  ]);
  Document.parse(doc);
  assert.equal(doc.sections.s2.path.join(" › "), "一、概况 › （一）机构");
  assert.equal(doc.sections.s3.parent, "s0");
  const t = doc.blocks[4];
  assert.ok(t.kind === "table");
  assert.equal(t.grid[2][0].text, "x");
  assert.equal(t.grid[2][0].anchorRow, 1);
});
