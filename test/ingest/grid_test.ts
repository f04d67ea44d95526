import { deepStrictEqual as eq, strictEqual } from "node:assert";
import { headerRowCount, resolveGrid } from "../../src/ingest/grid.ts";
import type { RawCell, RawTable } from "../../src/model/raw.ts";

const c = (text: string, rowspan = 1, colspan = 1): RawCell => ({
  paragraphs: text ? text.split("\n") : [],
  rowspan,
  colspan,
});
const t = (rows: RawCell[][], headerRows?: number): RawTable => ({
  kind: "table",
  origin: "body",
  rows,
  headerRows,
});

Deno.test("resolveGrid: rowspan and colspan fill every slot with its anchor", () => {
  const g = resolveGrid(t([
    [c("A"), c("B"), c("C")],
    [c("x", 2), c("y", 1, 2)],
    [c("z"), c("w")],
  ]));
  eq([g.rowCount, g.colCount], [3, 3]);
  eq(g.grid.map((r) => r.map((s) => s.text)), [["A", "B", "C"], ["x", "y", "y"], ["x", "z", "w"]]);
  const covered = g.grid[2][0];
  eq([covered.anchorRow, covered.anchorCol, covered.rowspan, covered.colspan], [1, 0, 2, 1]);
  const right = g.grid[1][2];
  eq([right.row, right.col, right.anchorRow, right.anchorCol, right.colspan], [1, 2, 1, 1, 2]);
});

Deno.test("resolveGrid: ragged rows padded, rowspan past the end clipped, paragraphs joined", () => {
  const g = resolveGrid(t([[c("a\nb"), c("c")], [c("d", 5)], []]));
  eq([g.rowCount, g.colCount], [3, 2]);
  strictEqual(g.grid[0][0].text, "a\nb");
  eq(g.grid[1][1], { row: 1, col: 1, anchorRow: 1, anchorCol: 1, rowspan: 1, colspan: 1, text: "" });
  strictEqual(g.grid[1][0].rowspan, 2);
  strictEqual(g.grid[2][0].anchorRow, 1);
  strictEqual(g.grid[2][1].text, "");
  eq(resolveGrid(t([])), { rowCount: 0, colCount: 0, grid: [] });
});

Deno.test("headerRowCount: marked, default 1, spanned header, grouped header", () => {
  const simple = resolveGrid(t([[c("项目"), c("金额")], [c("a"), c("1")], [c("b"), c("2")]]));
  strictEqual(headerRowCount(simple), 1);
  strictEqual(headerRowCount(simple, 2), 2);
  const spanned = resolveGrid(
    t([[c("项目", 2), c("预算", 1, 2)], [c("年初"), c("调整")], [c("a"), c("1"), c("2")]]),
  );
  strictEqual(headerRowCount(spanned), 2);
  // a group header whose second row holds figures is only one header row
  const figures = resolveGrid(
    t([[c("项目"), c("预算", 1, 2)], [c("a"), c("1"), c("2")], [c("b"), c("3"), c("4")]]),
  );
  strictEqual(headerRowCount(figures), 1);
  // a label column spanning the whole table is not a header
  strictEqual(headerRowCount(resolveGrid(t([[c("标签", 2), c("x")], [c("y")]]))), 1);
  strictEqual(headerRowCount(resolveGrid(t([]))), 0);
});
