/** Character shingles, Jaccard similarity and a prefix-filtered similarity join (exact, no false misses). */

/**
 * Distinct character 3-grams of a (normalised) string, by UTF-16 code unit (Chinese text is in the BMP),
 * each hashed to a 30-bit integer, as a sorted Int32Array without repeats: sorted integer arrays are
 * intersected by a merge, with no hashing or allocation per shingle. With ~10^4 shingles a document,
 * hash collisions (about one in 10^9 pairs) do not move a Jaccard similarity.
 * A string shorter than 3 is its own shingle.
 */
export function shingles(s: string): Int32Array {
  if (s.length < 3) {
    return s.length ? Int32Array.of(hash3(s.charCodeAt(0), s.charCodeAt(1) || 0, -1)) : new Int32Array(0);
  }
  const all = new Int32Array(s.length - 2);
  let a = s.charCodeAt(0), b = s.charCodeAt(1);
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    all[i - 2] = hash3(a, b, c);
    a = b;
    b = c;
  }
  sortInPlace(all, 0, all.length - 1);
  let n = 1;
  for (let i = 1; i < all.length; i++) if (all[i] !== all[n - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

function hash3(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9E3779B1) ^ Math.imul(b, 0x85EBCA77) ^ Math.imul(c, 0xC2B2AE3D)) & 0x3fffffff;
}

/** Size of the intersection of two sorted arrays without repeats. */
function intersection(a: Int32Array, b: Int32Array): number {
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i], y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Jaccard similarity of two shingle sets (as returned by `shingles`). */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const inter = intersection(a, b);
  return inter / (a.length + b.length - inter);
}

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * All pairs of shingle sets with Jaccard ≥ threshold. Prefix filtering: with shingles ordered rarest
 * first, two sets reaching the threshold must share one of the first |x| − ⌈t·|x|⌉ + 1 shingles of each,
 * so only sets sharing a prefix shingle are compared. Candidates are then verified exactly.
 */
export function similarPairs(sets: Int32Array[], threshold: number): SimilarPair[] {
  // Document frequency of every shingle, in an open-addressing table (shingles are ≥ 0; −1 is empty).
  let total = 0;
  for (const s of sets) total += s.length;
  let size = 16;
  while (size < 2 * total) size *= 2;
  const mask = size - 1;
  if (scratchKeys.length < size) {
    scratchKeys = new Int32Array(size);
    scratchFreq = new Int32Array(size);
  }
  const slotKey = scratchKeys, freq = scratchFreq;
  slotKey.fill(-1, 0, size);
  freq.fill(0, 0, size);
  const slots = sets.map((s) => {
    const out = new Int32Array(s.length);
    for (let k = 0; k < s.length; k++) {
      const x = s[k];
      let h = Math.imul(x, 0x27d4eb2d) >>> 0 & mask;
      while (slotKey[h] !== x && slotKey[h] !== -1) h = (h + 1) & mask;
      slotKey[h] = x;
      freq[h]++;
      out[k] = h;
    }
    return out;
  });
  // Global order: rarest first, ties by slot; a key (frequency · 2^32 + slot) sorts numerically.
  const postings = new Map<number, number[]>();
  const seen = new Int32Array(sets.length).fill(-1);
  const out: SimilarPair[] = [];
  for (let i = 0; i < sets.length; i++) {
    const s = sets[i];
    if (s.length === 0) continue;
    const keys = new Float64Array(s.length);
    for (let k = 0; k < s.length; k++) keys[k] = freq[slots[i][k]] * SLOT_RANGE + slots[i][k];
    sortInPlace(keys, 0, keys.length - 1);
    const prefix = Math.max(1, s.length - Math.ceil(threshold * s.length - 1e-9) + 1);
    for (let p = 0; p < prefix && p < keys.length; p++) {
      const slot = keys[p] % SLOT_RANGE;
      const list = postings.get(slot);
      if (!list) {
        postings.set(slot, [i]);
        continue;
      }
      for (const j of list) {
        if (seen[j] === i) continue;
        seen[j] = i;
        const other = sets[j];
        // Size filter: |small| / |large| bounds the Jaccard similarity.
        if (Math.min(s.length, other.length) < threshold * Math.max(s.length, other.length) - 1e-9) continue;
        const sim = jaccard(s, other);
        if (sim >= threshold - 1e-9) out.push({ a: j, b: i, similarity: sim });
      }
      list.push(i);
    }
  }
  return out;
}

/** Scratch tables of similarPairs, reused: allocating them per call cost more than the join itself. */
let scratchKeys = new Int32Array(0);
let scratchFreq = new Int32Array(0);

/** Slots are below 2^32 (tables that large are out of reach), so frequency · 2^32 + slot stays exact. */
const SLOT_RANGE = 2 ** 32;

/**
 * Numeric in-place sort of a[lo..hi] (quicksort, insertion sort for short ranges): TypedArray#sort is a
 * generic builtin several times slower on the short arrays sorted here.
 */
function sortInPlace(a: Int32Array | Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // Recurse into the smaller side, loop on the larger.
    if (j - lo < hi - i) {
      sortInPlace(a, lo, j);
      lo = i;
    } else {
      sortInPlace(a, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function swap(a: Int32Array | Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
