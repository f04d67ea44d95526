/** Character shingles, Jaccard similarity and a prefix-filtered similarity join (exact, no false misses). */

/**
 * Distinct character 3-grams of a (normalised) string, by UTF-16 code unit (Chinese text is in the BMP),
 * each hashed to a 30-bit integer: small-integer sets are several times faster than string sets, and with
 * ~10^4 shingles a document, collisions (about one in 10^9 pairs) do not move a Jaccard similarity.
 * A string shorter than 3 is its own shingle.
 */
export function shingles(s: string): Set<number> {
  const out = new Set<number>();
  if (s.length < 3) {
    if (s.length) out.add(hash3(s.charCodeAt(0), s.charCodeAt(1) || 0, -1));
    return out;
  }
  for (let i = 0; i + 3 <= s.length; i++) {
    out.add(hash3(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)));
  }
  return out;
}

function hash3(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9E3779B1) ^ Math.imul(b, 0x85EBCA77) ^ Math.imul(c, 0xC2B2AE3D)) & 0x3fffffff;
}

export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * All pairs of sets with Jaccard ≥ threshold. Prefix filtering: with shingles ordered rarest first, two sets
 * reaching the threshold must share one of the first |x| − ⌈t·|x|⌉ + 1 shingles of each, so only sets
 * sharing a prefix shingle are compared. Candidates are then verified exactly.
 */
export function similarPairs<T>(sets: Set<T>[], threshold: number): SimilarPair[] {
  // Global order: rarest shingle first, ties by first appearance. Each set becomes a sorted array of
  // numeric keys (frequency · 2^24 + id), so prefixes are cheap and no global sort is needed.
  const ids = new Map<T, number>();
  const freq: number[] = [];
  for (const s of sets) {
    for (const x of s) {
      let id = ids.get(x);
      if (id === undefined) ids.set(x, id = freq.push(0) - 1);
      freq[id]++;
    }
  }
  const rank = (x: T) => {
    const id = ids.get(x)!;
    return freq[id] * 2 ** 24 + id;
  };
  const index = new Map<number, number[]>();
  const out: SimilarPair[] = [];
  for (let i = 0; i < sets.length; i++) {
    const s = sets[i];
    if (s.size === 0) continue;
    const ranks = new Float64Array(s.size);
    let n = 0;
    for (const x of s) ranks[n++] = rank(x);
    ranks.sort();
    const prefix = Math.max(1, s.size - Math.ceil(threshold * s.size - 1e-9) + 1);
    const seen = new Set<number>();
    for (let p = 0; p < prefix && p < ranks.length; p++) {
      const r = ranks[p];
      const postings = index.get(r);
      if (!postings) {
        index.set(r, [i]);
        continue;
      }
      for (const j of postings) {
        if (seen.has(j)) continue;
        seen.add(j);
        const other = sets[j];
        // Size filter: |small| / |large| bounds the Jaccard similarity.
        if (Math.min(s.size, other.size) < threshold * Math.max(s.size, other.size) - 1e-9) continue;
        const sim = jaccard(s, other);
        if (sim >= threshold - 1e-9) out.push({ a: j, b: i, similarity: sim });
      }
      postings.push(i);
    }
  }
  return out;
}
