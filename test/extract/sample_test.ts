/** The sample report, read through the real reader: expectations written from its text. */
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readDocument } from "../../src/ingest/index.ts";
import { extract } from "../../src/extract/index.ts";

const FILE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);

Deno.test("sample: staffing breakdowns, execution rate and the annex score", async () => {
  const doc = await readDocument(await Deno.readFile(FILE), { file: "sample.docx" });
  const { figures, relations } = extract(doc);
  for (const f of figures) {
    const b = doc.blocks[f.loc.block];
    const text = b.kind === "table" ? b.grid[f.loc.table!.row][f.loc.table!.col].text : b.text;
    strictEqual(text.slice(f.loc.start, f.loc.end), f.raw);
  }
  const pws = relations.filter((r) => r.kind === "part-whole");
  const sums = new Set(
    pws.filter((r) => r.complete).map((r) => `${r.whole.raw}=${r.parts.map((p) => p.raw).join("+")}`),
  );
  ok(sums.has("32人=27人+5人"));
  ok(sums.has("23人=19人+4人"));
  ok(sums.has("46人=15人+31人"));
  ok(sums.has("2.79万元=0万元+2.4万元+0.38万元"));
  const exec = relations.find((r) => r.kind === "ratio" && r.name === "执行完成率");
  ok(exec && exec.kind === "ratio");
  deepStrictEqual([exec.part?.raw, exec.whole?.raw, exec.rate.raw], ["1885.44万元", "1401.15万元", "100%"]);
  const cellScores = relations.filter((r) => r.kind === "score" && r.loc.table).map((r) =>
    r.kind === "score" && r.score.raw
  );
  deepStrictEqual(cellScores, ["96分"]);
  // Names are no figures anywhere: 三支一扶, 1311服务, 〔2018〕9号.
  ok(!figures.some((f) => /^(三支|1311|9号|2018)/.test(f.raw)));
});

Deno.test("sample: the implicit 管理X级 list and the 的3分 typo", async () => {
  const doc = await readDocument(await Deno.readFile(FILE), { file: "sample.docx" });
  const { relations } = extract(doc);
  const implicit = relations.filter((r) => r.kind === "part-whole" && r.marker === "implicit");
  ok(implicit.length >= 1);
  for (const r of implicit) {
    ok(r.kind === "part-whole" && r.complete);
    deepStrictEqual([r.whole.raw, r.parts.map((p) => p.raw)], ["316人", [
      "1人",
      "25人",
      "132人",
      "151人",
      "7人",
    ]]);
  }
  const typo = relations.filter((r) => r.kind === "score" && r.quote === "的3分");
  strictEqual(typo.length, 1);
  // 458件 (受理 206 + 案外调解 291, with outcomes of 受理 in between) is never a complete sum.
  ok(!relations.some((r) => r.kind === "part-whole" && r.complete && r.whole.raw === "458件"));
});
