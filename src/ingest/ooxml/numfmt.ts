/**
 * Word list number formats (w:numFmt) rendered as text: 1 → "一" (chineseCounting), "①"
 * (decimalEnclosedCircle), "甲" (ideographTraditional), …
 */
const CN_DIGITS = "零一二三四五六七八九";
const CN_LEGAL = "零壹贰叁肆伍陆柒捌玖";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";
const CN_UNITS = ["", "十", "百", "千"];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (as Word renders chineseCounting). */
export function chineseCounting(
  n: number,
  digits = CN_DIGITS,
  units = CN_UNITS,
  tenWithoutOne = true,
): string {
  if (n <= 0 || n >= 10000) return String(n);
  const ds = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  ds.forEach((d, i) => {
    const place = ds.length - 1 - i;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += digits[0];
    zero = false;
    // 10–19 read 十, 十一 … (not 一十) in the counting style
    if (!(tenWithoutOne && d === 1 && place === 1 && i === 0)) out += digits[d];
    out += units[place];
  });
  return out;
}

function letters(n: number, base: string): string {
  // Word repeats the letter: 27 → AA, 28 → BB
  const ch = base[(n - 1) % 26];
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s, n -= v);
  return out;
}

function cycle(n: number, chars: string): string {
  return chars[(n - 1) % chars.length];
}

/** Render counter `n` in format `fmt`; undefined for bullets (no number to show). */
export function formatNumber(n: number, fmt: string): string | undefined {
  switch (fmt) {
    case "bullet":
      return undefined;
    case "none":
      return "";
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
      return chineseCounting(n);
    case "chineseLegalSimplified":
      return chineseCounting(n, CN_LEGAL, ["", "拾", "佰", "仟"], false);
    case "ideographTraditional":
      return cycle(n, HEAVENLY_STEMS);
    case "ideographZodiac":
      return cycle(n, EARTHLY_BRANCHES);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "upperLetter":
      return letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    case "lowerLetter":
      return letters(n, "abcdefghijklmnopqrstuvwxyz");
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    default:
      return String(n); // decimal and anything we do not know
  }
}
