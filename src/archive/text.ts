/**
 * Passage fingerprints for the archive index: the comparison form of a passage with unit and place names,
 * years and numbers masked (so a copy with names, years and figures swapped still matches), 52-bit
 * fingerprints of three masking levels, and MinHash signatures with their LSH band keys.
 */
import { foldCode, normalize, normalizeMasked } from "../analysis/text/normalize.ts";

/** Number of MinHash values per passage (BANDS × ROWS; a multiple of 4, which `signature` takes 4 at a time). */
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

/** Units of administration that end a place name (甲县, 某某回族彝族自治县, 某某镇): the definition of maskPlaces. */
export const PLACE =
  /[\u4e00-\u9fff]{1,3}?(?:自治州|自治县|自治区|特别行政区|省|市|县|区|州|旗|盟|镇|乡|街道)/g;
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
  /** fingerprint(full). */
  fullFingerprint(): number;
  /** fingerprint(yearOnly()), without making the form when it is not `full`. */
  yearOnlyFingerprint(): number;
  /** fingerprint(raw()), without making the form when it is not `yearOnly()`. */
  rawFingerprint(): number;
}

export function masker(unit: string | null | undefined): Masker {
  const variants = unitVariants(unit);
  const own = variants.length ? new RegExp(variants.map(escapeRe).join("|"), "g") : null;
  const names = (t: string) => maskPlaces(own ? t.replace(own, MASK.unit) : t);
  // YEAR needs a 年 after the digits.
  const years = (t: string) => t.includes("年") ? t.replace(YEAR, MASK.year) : t;
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
      let fp: number | undefined, fpYear: number | undefined;
      const fullFingerprint = () => fp ??= fingerprint(full);
      const yearOnlyFingerprint = () =>
        fpYear ??= numbers ? normalizedFingerprint(masked) : fullFingerprint();
      return {
        full,
        fullFingerprint,
        yearOnly: yearOnlyForm,
        raw: () => masked === text ? yearOnlyForm() : normalize(text),
        yearOnlyFingerprint,
        rawFingerprint: () => masked === text ? yearOnlyFingerprint() : normalizedFingerprint(text),
      };
    },
  };
}

const code = (ch: string) => ch.charCodeAt(0);
/** Per code unit: how a PLACE suffix can start with it (one-character suffix, 自治…, 特别行政区, 街道). */
const SUFFIX_START = new Uint8Array(0x10000);
const ONE = 1, AUTONOMOUS = 2, SPECIAL = 3, SUBDISTRICT = 4;
for (const ch of "省市县区州旗盟镇乡") SUFFIX_START[code(ch)] = ONE;
SUFFIX_START[code("自")] = AUTONOMOUS;
SUFFIX_START[code("特")] = SPECIAL;
SUFFIX_START[code("街")] = SUBDISTRICT;
const ZHI = code("治"), DAO = code("道");
const AUTONOMOUS_END = new Set([code("州"), code("县"), code("区")]);

/** Length of the PLACE suffix at `i` of `s` (SUFFIX_START `kind`), 0 when none starts there. */
function suffixAt(s: string, i: number, kind: number): number {
  const n = s.length;
  switch (kind) {
    case ONE:
      return 1;
    case AUTONOMOUS:
      return i + 2 < n && s.charCodeAt(i + 1) === ZHI && AUTONOMOUS_END.has(s.charCodeAt(i + 2)) ? 3 : 0;
    case SPECIAL:
      return s.startsWith("别行政区", i + 1) ? 5 : 0;
    default:
      return i + 1 < n && s.charCodeAt(i + 1) === DAO ? 2 : 0;
  }
}

/**
 * `s.replace(PLACE, MASK.unit)` without the regex (whose lazy prefix is tried at every Han character). At
 * most one suffix alternative starts at a position, so the leftmost match is found from the first suffix
 * `q` after the previous match that has Han characters before it: it starts at the earliest of the (up to
 * 3) Han characters right before `q` that are not in the previous match, and takes the suffix at `q` (a
 * start further left would have needed a suffix before `q`).
 */
export function maskPlaces(s: string): string {
  const n = s.length;
  let out = "", at = 0;
  for (let q = 1; q < n; q++) {
    const kind = SUFFIX_START[s.charCodeAt(q)];
    if (kind === 0) continue;
    let p = q;
    const from = q - 3 > at ? q - 3 : at;
    while (p > from) {
      const c = s.charCodeAt(p - 1);
      if (c < 0x4e00 || c > 0x9fff) break;
      p--;
    }
    if (p === q) continue;
    const l = suffixAt(s, q, kind);
    if (l === 0) continue;
    out += s.slice(at, p) + MASK.unit;
    at = q + l;
    q = at; // the next suffix needs a Han character before it, at `at` or later
  }
  return at === 0 ? s : out + s.slice(at);
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

/** One code unit into a hash32 state. */
function step(h: number, c: number): number {
  h = Math.imul(h ^ c, 0x01000193);
  return (h << 13) | (h >>> 19);
}

/** The initial hash32 state of a seed. */
const start = (seed: number) => seed ^ 0x9e3779b9;

/** 32-bit hash of a string with a seed. */
export function hash32(s: string, seed = 0): number {
  let h = start(seed);
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return fmix(h ^ s.length);
}

const FP_SEED_HIGH = 0x1234567, FP_SEED_LOW = 0x7654321;

/** The fingerprint of the two hash32 states (high and low seed) after `len` code units. */
const fingerprintOf = (a: number, b: number, len: number) =>
  (fmix(a ^ len) & 0xfffff) * 0x100000000 + fmix(b ^ len);

/** A 52-bit fingerprint (a safe integer, stored as an SQLite INTEGER): two seeded hash32 in one pass. */
export function fingerprint(s: string): number {
  let a = start(FP_SEED_HIGH), b = start(FP_SEED_LOW);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = step(a, c);
    b = step(b, c);
  }
  return fingerprintOf(a, b, s.length);
}

/**
 * fingerprint(normalize(s)), hashing the code units normalize would write instead of making the string
 * (normalize itself when a code unit needs the whole text: lower-casing, surrogates).
 */
export function normalizedFingerprint(s: string): number {
  let a = start(FP_SEED_HIGH), b = start(FP_SEED_LOW), len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = foldCode(s.charCodeAt(i));
    if (c === 0) continue;
    if (c < 0) return fingerprint(normalize(s));
    a = step(a, c);
    b = step(b, c);
    len++;
  }
  return fingerprintOf(a, b, len);
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix(0x5bd1e995 + i * 0x27d4eb2d));
/** The seeds as int32 (same bits), for the signed arithmetic of `signature`. */
const SEEDS_I32 = new Int32Array(SEEDS.buffer);
/** Shingle hashes of the passage being signed (reused, grown when needed). */
let shingles = new Int32Array(1024);

/**
 * MinHash signature of the character 3-shingles of a masked comparison form: per seed, the minimum of
 * fmix(shingle hash ^ seed). The shingle hashes are computed once; the minima are kept as int32 with the
 * sign bit flipped (the same order as the uint32 values), four seeds per pass, so the loop stays in int32
 * registers.
 */
export function signature(masked: string): Uint32Array {
  const n = shingleHashes(masked);
  const hs = shingles;
  const sig = new Uint32Array(SIGNATURE_SIZE);
  for (let j = 0; j < SIGNATURE_SIZE; j += 4) {
    const s0 = SEEDS_I32[j], s1 = SEEDS_I32[j + 1], s2 = SEEDS_I32[j + 2], s3 = SEEDS_I32[j + 3];
    let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const h = hs[i];
      const v0 = mixFlipped(h ^ s0),
        v1 = mixFlipped(h ^ s1),
        v2 = mixFlipped(h ^ s2),
        v3 = mixFlipped(h ^ s3);
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    sig[j] = m0 ^ FLIP;
    sig[j + 1] = m1 ^ FLIP;
    sig[j + 2] = m2 ^ FLIP;
    sig[j + 3] = m3 ^ FLIP;
  }
  return sig;
}

/** FNV-1a of the code units of the shingle starting at `i` (shorter at the end of a short string). */
function shingleHash(s: string, i: number): number {
  let h = 0x811c9dc5;
  const end = i + SHINGLE < s.length ? i + SHINGLE : s.length;
  for (let k = i; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * Put the hashes of the 3-shingles of `s` (one shingle for a string shorter than 3) into `shingles`;
 * returns how many. The window's code units are carried along, so each is read once.
 */
function shingleHashes(s: string): number {
  const len = s.length;
  const n = Math.max(1, len - SHINGLE + 1);
  if (shingles.length < n) shingles = new Int32Array(Math.max(n, 2 * shingles.length));
  const hs = shingles;
  if (len < SHINGLE) {
    hs[0] = shingleHash(s, 0);
    return 1;
  }
  // FNV-1a of (c0, c1, c2), its first step (of c0) carried from the previous window.
  let a = Math.imul(0x811c9dc5 ^ s.charCodeAt(0), 0x01000193);
  let c1 = s.charCodeAt(1);
  for (let i = 2; i < len; i++) {
    const c2 = s.charCodeAt(i);
    hs[i - 2] = Math.imul(Math.imul(a ^ c1, 0x01000193) ^ c2, 0x01000193);
    a = Math.imul(0x811c9dc5 ^ c1, 0x01000193);
    c1 = c2;
  }
  return n;
}

const FLIP = -0x80000000;

/** fmix(v) as int32 with the sign bit flipped: signed order of the results is the unsigned order of fmix. */
function mixFlipped(v: number): number {
  v ^= v >>> 16;
  v = Math.imul(v, 0x85ebca6b);
  v ^= v >>> 13;
  v = Math.imul(v, 0xc2b2ae35);
  return v ^ (v >>> 16) ^ FLIP;
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
