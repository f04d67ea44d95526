/** Stripping a trailing run of stock words without a regex scanned from every position. */

/**
 * A function equal to s.replace(/(w1|w2|…)+$/, ""): it removes the longest suffix of s made of the words
 * (the regex's leftmost match). The regex engine tries each start position in turn, which on long texts
 * was a visible cost; this walks back from the end only as far as such a suffix can reach.
 */
export function trailingWordsStripper(words: string[]): (s: string) => string {
  const maxLen = Math.max(...words.map((w) => w.length));
  if (maxLen > 30) throw new Error("trailingWordsStripper: words longer than 30 code units");
  const firsts = words.map((w) => w.charCodeAt(0));
  const full = (1 << maxLen) - 1;
  return (s: string) => {
    // Bit k−1 of `window`: s.slice(p + k) is a (possibly empty) sequence of the words.
    let window = 1;
    let start = s.length;
    for (let p = s.length - 1; p >= 0 && window !== 0; p--) {
      const c = s.charCodeAt(p);
      let reach = 0;
      for (let w = 0; w < words.length; w++) {
        const len = words[w].length;
        if (firsts[w] === c && (window >> (len - 1)) & 1 && s.startsWith(words[w], p)) {
          reach = 1;
          break;
        }
      }
      if (reach) start = p;
      window = ((window << 1) | reach) & full;
    }
    return start === s.length ? s : s.slice(0, start);
  };
}
