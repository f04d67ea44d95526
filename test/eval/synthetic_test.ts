/**
 * The synthetic generator: deterministic, clean twins consistent by recomputation, every key group present in
 * the defect document's text, every operator injected often, and enough distinct layouts.
 */
import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import { generateModels, generateSynthetic } from "../../eval/synthetic/index.ts";
import { KeyFile } from "../../eval/key.ts";
import { OPERATORS } from "../../eval/synthetic/operators/index.ts";
import { growth, pct, round2 } from "../../eval/synthetic/format.ts";
import { gradeOf } from "../../eval/synthetic/data.ts";
import { TEMPLATE_COUNT, templateWeight } from "../../eval/synthetic/trees.ts";
import type { ReportModel, ScoreTree } from "../../eval/synthetic/model.ts";

/** The visible text of a .docx: paragraphs and cells, tags stripped. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  return xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">").replace(/&quot;/g, '"');
}

/** Operators whose last key group is a recomputed value, not a quote. */
const RECOMPUTED = ["percentage", "score-subtotal"];

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function leaves(tree: ScoreTree) {
  return tree.l1.flatMap((l) => l.children.flatMap((c) => c.leaves));
}

/** Recomputes every fact and table of a clean model. */
function assertConsistent(name: string, m: ReportModel): void {
  const f = m.facts;
  for (const s of f.sums) assert.equal(sumOf(s.parts), s.total, `${name}: ${s.snippet}`);
  for (const p of f.pcts) {
    const expected = p.kind === "growth" ? growth(p.num, p.den) : pct(p.num, p.den);
    assert.equal(p.pct, expected, `${name}: ${p.snippet}`);
    const exact = p.kind === "growth" ? Math.abs(p.num - p.den) * 100 / p.den : p.num * 100 / p.den;
    assert.ok(Math.abs(Number(p.pct) - exact) <= 0.005 + 1e-9, `${name}: ${p.snippet} rounds ${exact}`);
  }
  for (const c of f.counts) {
    assert.ok(
      c.snippet.includes(c.stated) && c.withCount(c.items.length).snippet === c.snippet,
      `${name}: ${c.snippet}`,
    );
  }
  for (const r of f.repeats) assert.equal(r.withValue(r.snippet, r.value), r.snippet);
  for (const q of f.questSentences) assert.equal(sumOf(q.counts), q.valid, `${name}: ${q.snippet}`);
  for (const y of f.years) assert.ok(y.snippet.includes(`${m.year}年`), `${name}: ${y.snippet}`);
  for (const b of m.blocks) {
    if (b.kind === "para") {
      for (const e of f.entities) if (e.block === b.id) assert.ok(b.text.includes(m.unit));
      assert.ok(
        !b.text.includes(m.foreign.sameKind) && !b.text.includes(m.foreign.otherDept),
        `${name}: ${b.text}`,
      );
    }
    if (b.kind === "quest-table") {
      for (const q of b.questions) {
        assert.equal(sumOf(q.options.map((o) => o.count)), b.valid, `${name}: ${q.text}`);
      }
    }
    if (b.kind === "score-table" || b.kind === "project-table") {
      const tree = b.tree;
      for (const leaf of leaves(tree)) {
        assert.ok(leaf.score <= leaf.weight && leaf.score >= 0, `${name}: ${leaf.name}`);
      }
      for (const l1 of tree.l1) {
        const ls = l1.children.flatMap((c) => c.leaves);
        assert.equal(l1.statedScore, round2(sumOf(ls.map((l) => l.score))), `${name}: ${l1.name}`);
        assert.equal(l1.statedWeight, round2(sumOf(ls.map((l) => l.weight))), `${name}: ${l1.name}`);
      }
      const extraW = b.kind === "project-table" ? b.budgetWeight : 0;
      const extraS = b.kind === "project-table" ? b.budgetScore : 0;
      assert.equal(tree.statedTotalWeight, 100, name);
      assert.equal(tree.statedTotalScore, round2(sumOf(leaves(tree).map((l) => l.score)) + extraS), name);
      assert.equal(round2(sumOf(leaves(tree).map((l) => l.weight)) + extraW), 100, name);
      if (b.kind === "project-table") assert.equal(b.budgetScore, round2(10 * Number(b.rate) / 100), name);
      for (const g of f.grades) {
        assert.equal(g.total, tree.statedTotalScore, name);
        assert.equal(g.grade, gradeOf(g.total, g.words), name);
      }
    }
  }
  // Heading numbers run 一、二、三… and the 目录 repeats the headings.
  let n1 = 0;
  for (const b of m.blocks) {
    if (b.kind === "heading" && b.level === 1) {
      assert.equal(b.num, ["一", "二", "三", "四", "五", "六", "七", "八"][n1++] + "、");
    }
  }
  const toc = m.blocks.find((b) => b.kind === "toc");
  if (toc?.kind === "toc") {
    for (const e of toc.entries) {
      const h = m.blocks.find((b) => b.id === e.heading);
      assert.ok(h?.kind === "heading" && e.text === h.num + h.title);
    }
  }
}

Deno.test("synthetic: templates weigh 100", () => {
  for (let t = 0; t < TEMPLATE_COUNT; t++) assert.equal(templateWeight(t), 100);
});

Deno.test("synthetic: the same seed gives the same documents and keys", async () => {
  const a = await generateSynthetic({ seed: 5, count: 4 });
  const b = await generateSynthetic({ seed: 5, count: 4 });
  assert.deepEqual(a.map((d) => d.name), b.map((d) => d.name));
  a.forEach((d, i) => {
    assert.deepEqual(d.bytes, b[i].bytes, d.name);
    assert.deepEqual(d.key, b[i].key, d.name);
  });
  const c = await generateSynthetic({ seed: 6, count: 4 });
  assert.notDeepEqual(a.map((d) => d.key.layout), c.map((d) => d.key.layout));
});

Deno.test("synthetic: clean twins are consistent by recomputation", () => {
  for (const s of [1, 2, 3]) {
    for (const d of generateModels({ seed: s, count: 30 })) {
      if (d.key.clean) assertConsistent(d.name, d.model);
    }
  }
});

Deno.test("synthetic: keys validate, groups and negatives occur in the documents, all operators used", async () => {
  const docs = await generateSynthetic({ seed: 1, count: 60 });
  assert.equal(docs.length, 120);
  const usage = new Map<string, number>();
  for (const d of docs) {
    KeyFile.parse(d.key);
    const text = docxText(d.bytes);
    assert.ok(d.key.meta?.title && d.key.meta.year && d.key.meta.unit, d.name);
    assert.ok(text.includes(d.key.meta!.unit!), d.name);
    if (d.key.clean) {
      assert.equal(d.key.items.length, 0);
      assert.ok(d.key.negatives.length >= 5, d.name);
    } else {
      assert.ok(d.key.items.length >= 3 && d.key.items.length <= 5, `${d.name}: ${d.key.items.length} items`);
    }
    for (const item of d.key.items) {
      assert.equal(item.tier, "core");
      assert.ok(item.operator && item.rules.length > 0 && item.groups.length > 0);
      usage.set(item.operator!, (usage.get(item.operator!) ?? 0) + 1);
      // Every group is quoted from the document, except the recomputed value of a percentage or a
      // table total (the last group), which must differ from the stated one.
      const recomputed = RECOMPUTED.includes(item.operator!) ? item.groups.length - 1 : -1;
      item.groups.forEach((g, k) => {
        if (k === recomputed) {
          assert.ok(
            g.every((s) => !item.groups[0].includes(s)),
            `${d.name} ${item.operator}: ${g} is stated`,
          );
        } else {
          assert.ok(
            g.some((s) => text.includes(s)),
            `${d.name} ${item.operator}: none of ${g.join(" / ")} in the text`,
          );
        }
      });
    }
    for (const n of d.key.negatives) {
      assert.ok(
        n.tokens.every((t) => text.includes(t)),
        `${d.name}: negative ${n.tokens.join(" ")} not in the text`,
      );
    }
  }
  for (const op of Object.keys(OPERATORS)) {
    assert.ok((usage.get(op) ?? 0) >= 20, `${op} injected ${usage.get(op) ?? 0} times`);
  }
  const layouts = new Set(docs.map((d) => d.key.layout));
  assert.ok(layouts.size >= 40, `${layouts.size} layouts`);
});

Deno.test("synthetic: the defect twin differs from the clean twin where the key says", async () => {
  const docs = await generateSynthetic({ seed: 2, count: 10 });
  for (let i = 0; i < docs.length; i += 2) {
    const clean = docxText(docs[i].bytes), defect = docxText(docs[i + 1].bytes);
    assert.notEqual(clean, defect, docs[i + 1].name);
  }
});

Deno.test("synthetic: 60 base reports are generated quickly", async () => {
  const t = performance.now();
  await generateSynthetic({ seed: 9, count: 60 });
  const ms = performance.now() - t;
  assert.ok(ms < 10000, `${Math.round(ms)} ms`);
});
