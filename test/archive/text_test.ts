/**
 * The archive's passage forms computed the quick way equal their definitions: `forms` against `full`,
 * `yearOnly` and `raw`, `wording` against a count of code points, `signature` against the plain MinHash.
 */
import assert from "node:assert/strict";
import {
  fingerprint,
  hash32,
  MASK,
  masker,
  maskPlaces,
  normalizedFingerprint,
  PLACE,
  signature,
  SIGNATURE_SIZE,
  wording,
} from "../../src/archive/text.ts";
import { normalize } from "../../src/analysis/text/normalize.ts";

const TEXTS = [
  "甲县乙局2023年完成道路改造12.5公里，资金1,234.56万元。",
  "乙局全年完成培训１２００人次，满意度９８．５%。",
  "完成项目建设任务，群众满意度较高，资金使用规范。",
  "2022年度目标：新建校舍3所（含1所寄宿制学校）— 已完成",
  "丙市丁区戊镇开展宣传活动，发放资料 1 234 份；1,23 与 1，234，567",
  "含扩展区汉字𠀀𠀁的段落，金额2023年5万元",
  "ABC Road 项目 Phase 2：完成率 100%",
  "",
  "12",
];

Deno.test("archive text: forms() equals full, yearOnly and raw", () => {
  for (const unit of ["甲县乙局", null]) {
    const m = masker(unit);
    for (const t of TEXTS) {
      const f = m.forms(t);
      assert.equal(f.full, m.full(t), t);
      assert.equal(f.yearOnly(), m.yearOnly(t), t);
      assert.equal(f.raw(), m.raw(t), t);
      assert.equal(f.fullFingerprint(), fingerprint(m.full(t)), t);
      assert.equal(f.yearOnlyFingerprint(), fingerprint(m.yearOnly(t)), t);
      assert.equal(f.rawFingerprint(), fingerprint(m.raw(t)), t);
    }
  }
});

Deno.test("archive text: wording counts code points that are not masks", () => {
  const reference = (s: string) => [...s].filter((c) => !Object.values<string>(MASK).includes(c)).length;
  const m = masker("甲县乙局");
  for (const t of [...TEXTS, "\ud840", "ω\ud840ψ\udc00#", "𠀀ω𠀁"]) {
    assert.equal(wording(m.full(t)), reference(m.full(t)), t);
    assert.equal(wording(t), reference(t), t);
  }
});

Deno.test("archive text: signature is the MinHash of 3-shingles with the seeded fmix", () => {
  const fmix = (h: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const seeds = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix(0x5bd1e995 + i * 0x27d4eb2d));
  const reference = (s: string) => {
    const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
    for (let i = 0; i < Math.max(1, s.length - 2); i++) {
      let h = 0x811c9dc5;
      for (let k = i; k < Math.min(i + 3, s.length); k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
      seeds.forEach((seed, j) => sig[j] = Math.min(sig[j], fmix(h ^ seed)));
    }
    return sig;
  };
  const m = masker("甲县乙局");
  for (const t of TEXTS) assert.deepEqual([...signature(m.full(t))], reference(m.full(t)), t);
  // Longer passages, with repeated shingles (the shingle buffer grows past its first size).
  for (const n of [3, 4, 5, 100, 3000]) {
    const t = Array.from({ length: n }, (_, i) => "完成资金#ω"[(i * 7 + (i >> 3)) % 6]).join("");
    assert.deepEqual([...signature(t)], reference(t), String(n));
  }
});

Deno.test("archive text: maskPlaces equals the PLACE regex replace", () => {
  const alphabet = [..."甲乙县市区州旗盟镇乡省自治街道特别行政a1 ，。"];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const cases = [
    ...TEXTS,
    "某某回族彝族自治县人社局",
    "香港特别行政区政府",
    "甲街道乙社区",
    "自治县",
    "县县县县",
  ];
  for (let i = 0; i < 5000; i++) {
    let s = "";
    for (let k = Math.floor(next() * 16); k > 0; k--) s += alphabet[Math.floor(next() * alphabet.length)];
    cases.push(s);
  }
  for (const s of cases) assert.equal(maskPlaces(s), s.replace(PLACE, MASK.unit), s);
});

Deno.test("archive text: normalizedFingerprint is the fingerprint of the comparison form", () => {
  for (
    const t of [...TEXTS, "ΣΑΣ 希腊字母", "İstanbul 项目", "ω#ψ全角ＡＢＣ１２３", "\ud840", "－—–·、 \u3000"]
  ) {
    assert.equal(normalizedFingerprint(t), fingerprint(normalize(t)), t);
  }
});

Deno.test("archive text: fingerprint is the two seeded hash32 in one", () => {
  for (const t of [...TEXTS, "ω#ψ", "\ud840"]) {
    assert.equal(fingerprint(t), (hash32(t, 0x1234567) & 0xfffff) * 0x100000000 + hash32(t, 0x7654321), t);
  }
});
