/** Counting and cutting text by code points (what Array.from sees) without building arrays of characters. */

/** Number of code points: Array.from(s).length. */
export function charCount(s: string): number {
  if (!HIGH_SURROGATE.test(s)) return s.length; // the usual case, checked natively
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/** The first `max` code points of s: Array.from(s).slice(0, max).join(""). */
export function firstChars(s: string, max: number): string {
  let i = 0;
  for (let k = 0; k < max && i < s.length; k++) {
    i += isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i >= s.length ? s : s.slice(0, i);
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
