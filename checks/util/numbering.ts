/** Heading and list markers (一、 （一） 1. （1） ① 附件N) as checks need them for text that is not a heading. */

const CN = "〇一二三四五六七八九";

export interface Marker {
  style: "chinese" | "paren-chinese" | "arabic" | "paren-arabic" | "circled" | "annex";
  value: number;
  /** The marker as written, with trailing spaces. */
  raw: string;
}

/** 一 … 九十九 → number; undefined when not a plain Chinese numeral. */
export function chineseToInt(s: string): number | undefined {
  if (/^[〇一二三四五六七八九]$/.test(s)) return CN.indexOf(s);
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return undefined;
  return (m[1] ? CN.indexOf(m[1]) : 1) * 10 + (m[2] ? CN.indexOf(m[2]) : 0);
}

const PATTERNS: [RegExp, Marker["style"], (s: string) => number | undefined][] = [
  [/^附件\s*([0-9０-９]+)\s*[:：]?\s*/, "annex", (s) => Number(s.normalize("NFKC"))],
  [/^([一二三四五六七八九十]+)\s*[、.．]\s*/, "chinese", chineseToInt],
  [/^[（(]([一二三四五六七八九十]+)[）)]\s*/, "paren-chinese", chineseToInt],
  [/^([0-9０-９]{1,2})\s*[.．、](?![0-9０-９])\s*/, "arabic", (s) => Number(s.normalize("NFKC"))],
  [/^[（(]([0-9０-９]{1,2})[）)]\s*/, "paren-arabic", (s) => Number(s.normalize("NFKC"))],
  [/^([①-⑳])\s*/, "circled", (s) => s.charCodeAt(0) - 0x2460 + 1],
];

export function parseMarker(text: string): Marker | undefined {
  const t = text.trimStart();
  for (const [re, style, val] of PATTERNS) {
    const m = re.exec(t);
    const value = m ? val(m[1]) : undefined;
    if (m && value !== undefined) return { style, value, raw: text.slice(0, text.length - t.length) + m[0] };
  }
  return undefined;
}
