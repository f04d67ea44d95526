/**
 * Passage fingerprints for the archive index: the comparison form of a passage with unit and place names,
 * years and numbers masked (so a copy with names, years and figures swapped still matches), 52-bit
 * fingerprints of three masking levels, and MinHash signatures with their LSH band keys.
 */
import { normalize, normalizeMasked } from "../analysis/text/normalize.ts";

/** Number of MinHash values per passage (BANDS × ROWS). */
export const SIGNATURE_SIZE = 24;
/** LSH: 6 bands of 4 rows: a pair with Jaccard 0.8 shares a band with probability 0.96, 0.5 with 0.32. */
export const BANDS = 6;
export const ROWS = 4;
/** Character shingle length of the masked comparison form. */
const SHINGLE = 3;

/**
 * Mask characters in the comparison form: unit/place name, year, other number (letters or "#", which the
 * comparison form keeps; Greek letters do not occur in these reports).
 */
export const MASK = { unit: "ω", year: "ψ", number: "#" } as const;

/** Units of administration that end a place name (甲县, 某某回族彝族自治县, 某某镇). */
const PLACE = /[\u4e00-\u9fff]{1,3}?(?:自治州|自治县|自治区|特别行政区|省|市|县|区|州|旗|盟|镇|乡|街道)/g;
/** A year: four digits 19xx/20xx followed by 年 (or 年度), full-width digits included. */
const YEAR = /(?<![0-9０-９.．])(?:19|20|１９|２０)[0-9０-９]{2}(?=\s*年)/g;
/** Any other Arabic number (with thousands commas and a decimal part). */
const NUMBER = /[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/g;
/** NUMBER anchored where it is tried (a global replace matches it at every digit it reaches). */
const NUMBER_AT = new RegExp(NUMBER.source, "y");
const DIGIT = /[0-9０-９]/;

/** End of the NUMBER match at a digit `i` of `s`, for normalizeMasked. */
function numberEnd(s: string, i: number): number {
  NUMBER_AT.lastIndex = i;
  NUMBER_AT.test(s);
  return NUMBER_AT.lastIndex;
}

/** Escape a string for use in a RegExp. */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Names of a unit as a report writes them: the full name, without its place prefix (某县人社局 →
 * 人社局), without 中共 — longest first, so the longest written form is masked whole.
 */
export function unitVariants(unit: string | null | undefined): string[] {
  if (!unit) return [];
  const out = new Set<string>();
  const u = unit.replace(/[\s\u3000]+/g, "");
  if (u.length < 2) return [];
  out.add(u);
  const key = unitKey(u);
  if (key && key !== u) out.add(key);
  const noParty = u.replace(/^中共|^中国共产党/, "");
  if (noParty.length >= 2) out.add(noParty);
  // Without the leading place name: the part after the last place suffix within the first 14 characters.
  const m = /^.{0,14}?(?:自治州|自治县|自治区|省|市|县|区|州|旗|镇|乡)(?=.{2,})/.exec(noParty);
  if (m) {
    let rest = noParty.slice(m[0].length);
    const again = /^.{0,8}?(?:县|区|市|镇|乡)(?=.{2,})/.exec(rest);
    if (again && !/委|局|办|部/.test(again[0])) rest = rest.slice(again[0].length);
    if (rest.length >= 3) out.add(rest);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** A compiled masker for one document's own unit names. */
export interface Masker {
  /** Comparison form with unit/place names, years and numbers masked. */
  full(text: string): string;
  /** Comparison form with unit/place names and years masked, other numbers kept. */
  yearOnly(text: string): string;
  /** Comparison form with nothing masked. */
  raw(text: string): string;
  /** Unit/place names and years masked, not yet in comparison form: for `fullOf` and `yearOnlyOf`. */
  namesAndYears(text: string): string;
  /** `full(text)` from `namesAndYears(text)`. */
  fullOf(masked: string): string;
  /** `yearOnly(text)` from `namesAndYears(text)`. */
  yearOnlyOf(masked: string): string;
  /**
   * The three forms of a passage, normalising as little as it can: `full` at once; `yearOnly` and `raw`
   * when asked, each the form before it when masking changed nothing (no number to mask, no name or year
   * masked).
   */
  forms(text: string): PassageForms;
}

export interface PassageForms {
  full: string;
  yearOnly(): string;
  raw(): string;
}

export function masker(unit: string | null | undefined): Masker {
  const variants = unitVariants(unit);
  const own = variants.length ? new RegExp(variants.map(escapeRe).join("|"), "g") : null;
  const names = (t: string) => (own ? t.replace(own, MASK.unit) : t).replace(PLACE, MASK.unit);
  const years = (t: string) => t.replace(YEAR, MASK.year);
  return {
    full: (t) => normalize(years(names(t)).replace(NUMBER, MASK.number)),
    yearOnly: (t) => normalize(years(names(t))),
    raw: (t) => normalize(t),
    namesAndYears: (t) => years(names(t)),
    fullOf: (masked) => normalize(masked.replace(NUMBER, MASK.number)),
    yearOnlyOf: (masked) => normalize(masked),
    forms(text) {
      const masked = years(names(text));
      const numbers = DIGIT.test(masked);
      const full = numbers ? normalizeMasked(masked, numberEnd) : normalize(masked);
      let yearOnly: string | undefined;
      const yearOnlyForm = () => yearOnly ??= numbers ? normalize(masked) : full;
      return {
        full,
        yearOnly: yearOnlyForm,
        raw: () => masked === text ? yearOnlyForm() : normalize(text),
      };
    },
  };
}

/** Characters of a masked comparison form that are not masks: how much wording it carries. */
export function wording(masked: string): number {
  let n = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === MASK_CODE.unit || c === MASK_CODE.year || c === MASK_CODE.number) continue;
    n++;
    // A surrogate pair is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < masked.length) {
      const d = masked.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

const MASK_CODE = {
  unit: MASK.unit.charCodeAt(0),
  year: MASK.year.charCodeAt(0),
  number: MASK.number.charCodeAt(0),
} as const;

/** murmur3 fmix32. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a string with a seed. */
export function hash32(s: string, seed = 0): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = (h << 13) | (h >>> 19);
  }
  return fmix(h ^ s.length);
}

/** A 52-bit fingerprint (a safe integer, stored as an SQLite INTEGER). */
export function fingerprint(s: string): number {
  const a = hash32(s, 0x1234567) & 0xfffff;
  const b = hash32(s, 0x7654321);
  return a * 0x100000000 + b;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix(0x5bd1e995 + i * 0x27d4eb2d));

/** MinHash signature of the character 3-shingles of a masked comparison form. */
export function signature(masked: string): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const len = masked.length;
  const n = Math.max(1, len - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    // The shingle's three code units, hashed without slicing.
    let h = 0x811c9dc5;
    const end = i + SHINGLE < len ? i + SHINGLE : len;
    for (let k = i; k < end; k++) h = Math.imul(h ^ masked.charCodeAt(k), 0x01000193);
    for (let j = 0; j < SIGNATURE_SIZE; j++) {
      // fmix(h ^ SEEDS[j]), written out: the hottest loop of the archive entry.
      let v = h ^ SEEDS[j];
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < sig[j]) sig[j] = v;
    }
  }
  return sig;
}

/** The LSH band keys of a signature: signed 32-bit (4 bytes in SQLite), the band number mixed in. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix(0xb5297a4d + b);
    for (let r = 0; r < ROWS; r++) h = fmix(Math.imul(h ^ sig[b * ROWS + r], 0x9e3779b1) + r);
    keys.push(h | 0);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of equal MinHash values. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Signature as stored (little-endian bytes). */
export function sigBytes(sig: Uint32Array): Uint8Array {
  return new Uint8Array(sig.buffer.slice(0));
}

export function sigFromBytes(b: Uint8Array): Uint32Array {
  const copy = new Uint8Array(b);
  return new Uint32Array(copy.buffer, 0, SIGNATURE_SIZE);
}

/** A unit name as a matching key: whitespace and punctuation gone, ethnic-autonomy words and 中共 dropped. */
export function unitKey(unit: string | null | undefined): string | null {
  if (!unit) return null;
  const k = unit.normalize("NFKC")
    .replace(/[\s\p{P}]/gu, "")
    .replace(/^中国共产党/, "中共")
    .replace(/^([\u4e00-\u9fff]{2})(?:[\u4e00-\u9fff]{1,3}?族)+自治(县|州|旗)/, "$1$2")
    .replace(/本级$/, "");
  return k.length >= 2 ? k : null;
}
