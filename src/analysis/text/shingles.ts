/** Character shingles, Jaccard similarity and an exact similarity join over them. */

/**
 * Distinct character 3-grams of a (normalised) string, by UTF-16 code unit (Chinese text is in the BMP),
 * each hashed to a 30-bit integer, in order of first appearance. Integer arrays (deduplicated in a reused
 * open-addressing table) avoid a Set and an allocation per shingle; with ~10^4 shingles a document, hash
 * collisions (about one in 10^9 pairs) do not move a Jaccard similarity.
 * A string shorter than 3 is its own shingle.
 */
export function shingles(s: string): Int32Array {
  if (s.length < 3) {
    return s.length ? Int32Array.of(hash3(s.charCodeAt(0), s.charCodeAt(1) || 0, -1)) : new Int32Array(0);
  }
  const table = scratch(s.length - 2);
  const out = new Int32Array(s.length - 2);
  let n = 0;
  let a = s.charCodeAt(0), b = s.charCodeAt(1);
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const x = hash3(a, b, c);
    if (table.add(x) < 0) out[n++] = x;
    a = b;
    b = c;
  }
  return n === out.length ? out : out.slice(0, n);
}

function hash3(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9E3779B1) ^ Math.imul(b, 0x85EBCA77) ^ Math.imul(c, 0xC2B2AE3D)) & 0x3fffffff;
}

/** Jaccard similarity of two shingle sets (as returned by `shingles`: no repeats). */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const table = scratch(a.length);
  for (let i = 0; i < a.length; i++) table.add(a[i]);
  let inter = 0;
  for (let i = 0; i < b.length; i++) if (table.find(b[i]) >= 0) inter++;
  return inter / (a.length + b.length - inter);
}

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * All pairs (a < b) of shingle sets with Jaccard ≥ threshold, exactly, in near-linear time (AllPairs
 * prefix filtering): shingles are ordered rarest first, and two sets with Jaccard ≥ t share at least
 * ⌈t·|s|⌉ shingles, so they share one among the first |s| − ⌈t·|s|⌉ + 1 of each. Only those prefixes are
 * indexed and probed; each candidate is verified by its exact intersection. Frequent shingles, which made a
 * full inverted index quadratic on template-like text, are then mostly past the prefixes.
 * `maxPostings` bounds the entries scanned per prefix shingle (the most recent ones): beyond it, a shingle
 * shared by that many sets as one of their rarest is template repetition, and the pairs found through the
 * latest ones keep every copy connected. Infinity (the default) keeps the join exact.
 */
export function similarPairs(sets: Int32Array[], threshold: number, maxPostings = Infinity): SimilarPair[] {
  const t = threshold - 1e-9;
  // Every distinct shingle gets its rank in the global order (rarest first, ties by first appearance); each
  // set becomes its ranks, ascending, so prefixes are leading slices and intersections are merges.
  let total = 0;
  for (const s of sets) total += s.length;
  const table = new ShingleTable(total);
  const idOf = new Int32Array(table.capacity);
  const counts: number[] = [];
  const ids = sets.map((s) => {
    const out = new Int32Array(s.length);
    for (let k = 0; k < s.length; k++) {
      const slot = table.add(s[k]);
      if (slot < 0) {
        idOf[~slot] = counts.length;
        counts.push(0);
      }
      const id = idOf[slot < 0 ? ~slot : slot];
      counts[id]++;
      out[k] = id;
    }
    return out;
  });
  // Rank = position in (count, id) order: a counting sort (counts are at most sets.length), ids ascending
  // within a count, the same order as sorting by count then id.
  let maxCount = 0;
  for (const c of counts) if (c > maxCount) maxCount = c;
  const firstRank = new Int32Array(maxCount + 2);
  for (const c of counts) firstRank[c + 1]++;
  for (let c = 1; c <= maxCount + 1; c++) firstRank[c] += firstRank[c - 1];
  const rankOf = new Int32Array(counts.length);
  for (let id = 0; id < counts.length; id++) rankOf[id] = firstRank[counts[id]]++;
  const ranked = ids.map((r) => {
    for (let k = 0; k < r.length; k++) r[k] = rankOf[r[k]];
    return r.sort();
  });
  const postings = new Map<number, number[]>();
  const seen = new Int32Array(sets.length).fill(-1);
  const out: SimilarPair[] = [];
  for (let i = 0; i < sets.length; i++) {
    const s = ranked[i];
    if (s.length === 0) continue;
    const prefix = s.length - Math.max(1, Math.floor(t * s.length)) + 1;
    for (let k = 0; k < prefix; k++) {
      const list = postings.get(s[k]);
      if (!list) {
        postings.set(s[k], [i]);
        continue;
      }
      const from = Math.max(0, list.length - maxPostings);
      for (let e = list.length - 1; e >= from; e--) {
        const j = list[e];
        if (seen[j] === i) continue;
        seen[j] = i;
        const other = ranked[j];
        // Size filter (|small| / |large| bounds the similarity).
        if (Math.min(s.length, other.length) < threshold * Math.max(s.length, other.length) - 1e-9) continue;
        const sim = mergedJaccard(other, s, t);
        if (sim >= t) out.push({ a: j, b: i, similarity: sim });
      }
      list.push(i);
    }
  }
  return out.sort((p, q) => p.b - q.b || p.a - q.a);
}

/**
 * Jaccard similarity of two ascending integer arrays without repeats, by merging; −1 as soon as the
 * intersection can no longer reach `atLeast`.
 */
function mergedJaccard(a: Int32Array, b: Int32Array, atLeast: number): number {
  const n = a.length + b.length;
  let i = 0, j = 0, inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (inter++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
    if (((i + j) & 15) === 0) {
      const best = inter + Math.min(a.length - i, b.length - j);
      if (best / (n - best) < atLeast) return -1;
    }
  }
  return inter / (n - inter);
}

/**
 * An open-addressing set of non-negative 30-bit integers with linear probing. Slots are stamped with a
 * generation, so a reused table is emptied in O(1).
 */
class ShingleTable {
  readonly capacity: number;
  private readonly mask: number;
  private readonly keys: Int32Array;
  private readonly stamps: Int32Array;
  private generation = 1;

  constructor(elements: number) {
    let capacity = 16;
    while (capacity < 2 * elements) capacity *= 2;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.stamps = new Int32Array(capacity);
  }

  /** Empty the table (for reuse). */
  clear(): void {
    if (++this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Slot of x, or −1 when absent. */
  find(x: number): number {
    for (let h = Math.imul(x, 0x27d4eb2d) >>> 0 & this.mask;; h = (h + 1) & this.mask) {
      if (this.stamps[h] !== this.generation) return -1;
      if (this.keys[h] === x) return h;
    }
  }

  /** Add x: its slot when it was already there, or ~slot (negative) when it is new. */
  add(x: number): number {
    for (let h = Math.imul(x, 0x27d4eb2d) >>> 0 & this.mask;; h = (h + 1) & this.mask) {
      if (this.stamps[h] !== this.generation) {
        this.stamps[h] = this.generation;
        this.keys[h] = x;
        return ~h;
      }
      if (this.keys[h] === x) return h;
    }
  }
}

/**
 * A reused, emptied table for up to `elements` shingles, one per power-of-two size so that a short text
 * does not probe a table sized for the whole document (cache misses). shingles and jaccard are not
 * reentrant.
 */
function scratch(elements: number): ShingleTable {
  const size = Math.max(0, Math.ceil(Math.log2(Math.max(8, 2 * elements))) - 3);
  let table = scratchTables[size];
  if (!table) scratchTables[size] = table = new ShingleTable(elements);
  else table.clear();
  return table;
}
const scratchTables: ShingleTable[] = [];
