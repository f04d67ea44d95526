/**
 * The archive's passage forms computed the quick way equal their definitions: `forms` against `full`,
 * `yearOnly` and `raw`, `wording` against a count of code points, `signature` against the plain MinHash.
 */
import assert from "node:assert/strict";
import { MASK, masker, signature, SIGNATURE_SIZE, wording } from "../../src/archive/text.ts";

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
});
