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
 * All pairs (a < b) of shingle sets with Jaccard ≥ threshold, exactly: an inverted index from shingle to
 * the earlier sets holding it gives, for each set, the size of its intersection with every earlier set it
 * shares a shingle with (ScanCount), hence the Jaccard similarity with no sorting and no verification pass.
 */
export function similarPairs(sets: Int32Array[], threshold: number): SimilarPair[] {
  let total = 0;
  for (const s of sets) total += s.length;
  const table = scratch(total);
  // Postings as linked lists: head[slot] → entry; entry e is set entrySet[e], next entry entryNext[e].
  // Scratch arrays are reused: allocating them per call cost more than the join itself.
  if (heads.length < table.capacity) heads = new Int32Array(table.capacity);
  if (entrySets.length < total) {
    entrySets = new Int32Array(total);
    entryNexts = new Int32Array(total);
  }
  const head = heads, entrySet = entrySets, entryNext = entryNexts;
  let entries = 0;
  const shared = new Int32Array(sets.length);
  const touched: number[] = [];
  const out: SimilarPair[] = [];
  for (let i = 0; i < sets.length; i++) {
    const s = sets[i];
    for (let k = 0; k < s.length; k++) {
      let slot = table.add(s[k]);
      if (slot < 0) head[slot = ~slot] = -1;
      for (let e = head[slot]; e >= 0; e = entryNext[e]) {
        const j = entrySet[e];
        if (shared[j]++ === 0) touched.push(j);
      }
      entrySet[entries] = i;
      entryNext[entries] = head[slot];
      head[slot] = entries++;
    }
    for (const j of touched) {
      const inter = shared[j], other = sets[j];
      shared[j] = 0;
      // Size filter (|small| / |large| bounds the similarity), kept for the same tolerance at the edge.
      if (Math.min(s.length, other.length) < threshold * Math.max(s.length, other.length) - 1e-9) continue;
      const sim = inter / (s.length + other.length - inter);
      if (sim >= threshold - 1e-9) out.push({ a: j, b: i, similarity: sim });
    }
    touched.length = 0;
  }
  return out;
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
 * does not probe a table sized for the whole document (cache misses). shingles, jaccard and similarPairs
 * are not reentrant.
 */
function scratch(elements: number): ShingleTable {
  const size = Math.max(0, Math.ceil(Math.log2(Math.max(8, 2 * elements))) - 3);
  let table = scratchTables[size];
  if (!table) scratchTables[size] = table = new ShingleTable(elements);
  else table.clear();
  return table;
}
const scratchTables: ShingleTable[] = [];
let heads = new Int32Array(0);
let entrySets = new Int32Array(0);
let entryNexts = new Int32Array(0);
