/**
 * The fast text kernels of the duplicate and conflicting-figure rules against their plain definitions:
 * normalize vs the regex reference, shingle sets and the similarity join vs Sets and all pairs, the suffix
 * stripper vs the regex it replaces, number tokens with full-width digits and separators.
 */
import assert from "node:assert/strict";
import {
  comparableBody,
  normalize,
  normalizeReference,
  stripLeadingMarker,
} from "../../src/analysis/text/normalize.ts";
import { jaccard, shingles, similarPairs } from "../../src/analysis/text/shingles.ts";
import { trailingWordsStripper } from "../../src/analysis/text/affixes.ts";
import { numberTokens, skeleton, wordingLength } from "../../src/analysis/text/masking.ts";
import { charCount, firstChars } from "../../src/analysis/text/chars.ts";
import { splitClauses, splitSentences } from "../../src/analysis/segment.ts";

/** Deterministic pseudo-random strings over an alphabet that exercises every branch. */
function randomStrings(alphabet: string, count: number, maxLength: number, seed = 7): string[] {
  const chars = Array.from(alphabet);
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    let s = "";
    const n = Math.floor(next() * maxLength);
    for (let i = 0; i < n; i++) s += chars[Math.floor(next() * chars.length)];
    return s;
  });
}

const TRICKY =
  "0123456789０１２３，,.．。、：:；;（）()年万%‰℃+-#ＡＢabcXYZΣİⅠ①附件一二十 　\u00a0\t\n\u2212\u2013\u2014😀中文";

Deno.test("normalize equals its regex reference (widths, dashes, case, astral, lone surrogates)", () => {
  assert.equal(normalize("Ａ—Ｂ －1，２０２３年"), "ab-12023年");
  assert.equal(normalize("ⅠΣΑΣ"), normalizeReference("ⅠΣΑΣ")); // non-ASCII lower-casing, final sigma
  assert.equal(normalize("\ud800\u2212\udc00"), normalizeReference("\ud800\u2212\udc00")); // a dash between halves
  assert.equal(normalize("\u0000a"), "a");
  for (const s of randomStrings(TRICKY + "\ud800\udc00", 20000, 24)) {
    assert.equal(normalize(s), normalizeReference(s), s);
  }
  for (let c = 0; c < 0x10000; c += 7) {
    const s = `Σ${String.fromCharCode(c)}１`;
    assert.equal(normalize(s), normalizeReference(s), `U+${c.toString(16)}`);
  }
});

Deno.test("stripLeadingMarker reads full-width markers as the width-folded text would", () => {
  assert.deepEqual(stripLeadingMarker("１．坚持"), { marker: "１．", rest: "坚持" });
  assert.deepEqual(stripLeadingMarker("（２）抓好"), { marker: "（２）", rest: "抓好" });
  assert.deepEqual(stripLeadingMarker("附件１：说明"), { marker: "附件１：", rest: "说明" });
  // A decimal number is not a marker: 1.5 followed by a digit.
  assert.deepEqual(stripLeadingMarker("１．５万元"), { marker: "", rest: "１．５万元" });
  assert.equal(comparableBody("一、总体情况。" + "一是".repeat(20)), "一是".repeat(20));
});

Deno.test("shingles are the distinct hashed 3-grams; jaccard and similarPairs match Sets and all pairs", () => {
  assert.equal(shingles("").length, 0);
  assert.equal(shingles("ab").length, 1);
  assert.equal(shingles("aaaa").length, 1); // one distinct 3-gram
  assert.equal(shingles("abcabc").length, 3);
  assert.equal(jaccard(shingles("abcd"), shingles("abcd")), 1);
  assert.equal(jaccard(shingles(""), shingles("")), 1);
  assert.equal(jaccard(shingles("abcd"), shingles("abce")), 1 / 3); // {abc,bcd} vs {abc,bce}
  const texts = randomStrings("甲乙丙丁戊己", 300, 40, 3).concat([
    "甲乙丙丁戊己庚辛",
    "甲乙丙丁戊己庚壬",
    "",
  ]);
  const sets = texts.map(shingles);
  for (const t of [0.3, 0.6, 0.85, 1]) {
    const want: string[] = [];
    for (let b = 0; b < sets.length; b++) {
      for (let a = 0; a < b; a++) {
        const [x, y] = [sets[a], sets[b]];
        if (
          !x.length || !y.length || Math.min(x.length, y.length) < t * Math.max(x.length, y.length) - 1e-9
        ) continue;
        const sim = jaccard(x, y);
        if (sim >= t - 1e-9) want.push(`${a},${b},${sim}`);
      }
    }
    const got = similarPairs(sets, t).map((p) => `${p.a},${p.b},${p.similarity}`);
    assert.deepEqual(got.sort(), want.sort(), `threshold ${t}`);
    assert.ok(want.length > 0, "the fixture has pairs at every threshold");
  }
});

Deno.test("trailingWordsStripper equals the end-anchored alternation it replaces", () => {
  const words = ["人数", "总数", "数量", "数", "达到", "达", "为", "共计", "共"];
  const strip = trailingWordsStripper(words);
  const re = new RegExp(`(${words.join("|")})+$`);
  assert.equal(strip("城镇新增就业人数达到"), "城镇新增就业");
  assert.equal(strip("人数"), "");
  assert.equal(strip("参保人"), "参保人");
  for (const s of randomStrings("人总数量达到为共计甲", 20000, 10, 11)) {
    assert.equal(strip(s), s.replace(re, ""), s);
  }
});

Deno.test("number tokens: full-width digits, thousands groups, decimals; skeleton masks them", () => {
  assert.deepEqual(
    numberTokens("共１，２３４．５６万元和1,2345人").map((t) => [t.raw, t.value, t.decimals]),
    [
      ["１，２３４．５６", 1234.56, 2],
      ["1,234", 1234, 0],
      ["5", 5, 0],
    ],
  );
  assert.deepEqual(numberTokens("12.").map((t) => [t.raw, t.start, t.end]), [["12", 0, 2]]);
  assert.equal(skeleton("完成１２．５万元，增长3%。"), "完成#万元增长#%");
  assert.equal(wordingLength("完成#万元#"), 4);
  assert.equal(charCount("a😀中"), 3);
  assert.equal(charCount("\ud800a"), 2); // a lone surrogate counts as one, as in Array.from
  for (const s of ["a😀中文", "😀😀", "\ud800\ud800x", "短"]) {
    for (let max = 0; max <= 5; max++) assert.equal(firstChars(s, max), Array.from(s).slice(0, max).join(""));
  }
});

Deno.test("sentence and clause splitting keep offsets into the original text", () => {
  const text = " 甲，乙。 丙！\n丁";
  assert.deepEqual(splitSentences(text).map((s) => [s.text, s.start, s.end]), [
    ["甲，乙。", 1, 5],
    ["丙！", 6, 8],
    ["丁", 9, 10],
  ]);
  assert.deepEqual(splitClauses(splitSentences(text)[0]).map((c) => [c.text, c.start, c.end]), [
    ["甲", 1, 2],
    ["乙", 3, 4], // the trailing separator is dropped from the quote
  ]);
});
