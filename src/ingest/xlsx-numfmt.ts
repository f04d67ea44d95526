/**
 * Excel number formats → the text Excel shows, for the formats reports use: General, fixed decimals,
 * thousands separators, percentages, scaling commas, literal prefixes/suffixes ("0.00"万元""), scientific,
 * dates and times (built-in ids as the Chinese locale shows them, and custom codes with 年/月/日).
 * Colours, conditions and fill characters are dropped; what it cannot render falls back to General.
 */

/** Built-in number formats (ECMA-376 §18.8.30), the Chinese-locale variants for the CJK date ids. */
const BUILTIN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m/d/yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'h"时"mm"分"',
  35: 'h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export function builtinFormat(id: number): string | undefined {
  return BUILTIN[id];
}

/** A number as Excel's General format shows it: at most 11 significant digits, no float noise. */
export function general(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e11 || abs < 1e-9) {
    return v.toExponential(5).replace(/\.?0+e/, "E").replace(/E([+-])(\d)$/, "E$10$2").toUpperCase();
  }
  return String(Number(v.toPrecision(11)));
}

interface Token {
  kind: "lit" | "code";
  text: string;
}

/** Split a format section into literal text and format code, dropping [..] tags, _x and *x. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  const push = (kind: Token["kind"], text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      push("lit", section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (c === "\\") {
      push("lit", section[i + 1] ?? "");
      i++;
    } else if (c === "[") {
      const end = section.indexOf("]", i);
      const tag = section.slice(i + 1, end < 0 ? undefined : end);
      if (/^(h+|m+|s+)$/i.test(tag)) push("code", tag); // elapsed time: [h]
      i = end < 0 ? section.length : end;
    } else if (c === "_") i++; // a space as wide as the next character
    else if (c === "*") i++; // fill with the next character
    else if (/[年月日时分秒元万亿个人次%]/.test(c) && c !== "%") push("lit", c);
    else push("code", c);
  }
  return out;
}

/** Whether a format code (outside literals) is a date or time format. */
function isDateCode(tokens: Token[]): boolean {
  const code = tokens.filter((t) => t.kind === "code").map((t) => t.text).join("");
  return /[ymdhs]/i.test(code.replace(/General|E[+-]/gi, ""));
}

/** Pick the section for the value: positive;negative;zero;text. */
function sectionFor(format: string, v: number): { section: string; negate: boolean } {
  const sections: string[] = [];
  let cur = "", quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') quoted = !quoted;
    if (c === "\\" && !quoted) {
      cur += c + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === ";" && !quoted) {
      sections.push(cur);
      cur = "";
    } else cur += c;
  }
  sections.push(cur);
  if (v < 0 && sections.length >= 2 && sections[1] !== "") return { section: sections[1], negate: true };
  if (v === 0 && sections.length >= 3 && sections[2] !== "") return { section: sections[2], negate: true };
  return { section: sections[0], negate: false };
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumber(code: string, v: number): string {
  if (/^general$/i.test(code.trim()) || code.trim() === "") return general(v);
  let value = v;
  // Commas right after the last digit placeholder scale by 1000 each.
  const scale = /[0#?](,+)(?![0#?])/.exec(code);
  if (scale) value /= 1000 ** scale[1].length;
  const sci = /E[+-](0+)/i.exec(code);
  const mant = code.split(/E[+-]/i)[0];
  const dot = mant.indexOf(".");
  const decimals = dot < 0 ? 0 : (mant.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const minDecimals = dot < 0 ? 0 : (mant.slice(dot + 1).match(/0/g) ?? []).length;
  if (sci) {
    const s = Math.abs(value).toExponential(decimals);
    const [m, e] = s.split("e");
    const exp = Number(e);
    return `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(sci[1].length, "0")}`;
  }
  let text = roundFixed(Math.abs(value), decimals);
  if (decimals > minDecimals && text.includes(".")) {
    // "#" decimals drop trailing zeros down to the "0" ones.
    const [i, whole] = text.split(".");
    let f = whole;
    while (f.length > minDecimals && f.endsWith("0")) f = f.slice(0, -1);
    text = f ? `${i}.${f}` : i;
  }
  let [int, frac] = text.split(".");
  const intPart = dot < 0 ? mant : mant.slice(0, dot);
  const minInt = (intPart.match(/0/g) ?? []).length;
  if (int === "0" && minInt === 0) int = "";
  if (/[0#?],[0#?]/.test(intPart)) int = groupThousands(int);
  return frac !== undefined ? `${int}.${frac}` : int;
}

/** toFixed with half-away-from-zero on the decimal digits as written (toFixed rounds 1.005 down). */
function roundFixed(v: number, decimals: number): string {
  const shifted = Number(`${Number(v.toPrecision(15))}e${decimals}`);
  const rounded = Math.round(shifted);
  return Number(`${rounded}e-${decimals}`).toFixed(decimals);
}

function numericSection(tokens: Token[], v: number, negate: boolean): string {
  // Flatten to characters that know whether they are literal; the number goes where the placeholders are.
  const chars: { c: string; lit: boolean }[] = [];
  for (const t of tokens) for (const c of t.text) chars.push({ c, lit: t.kind === "lit" });
  const isPlaceholder = (i: number) => !chars[i].lit && /[0#?]/.test(chars[i].c);
  let first = -1, last = -1;
  for (let i = 0; i < chars.length; i++) {
    if (isPlaceholder(i)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  const sign = v < 0 && !negate ? "-" : "";
  const code = chars.filter((x) => !x.lit).map((x) => x.c).join("");
  if (first < 0) {
    // No digit placeholder (e.g. a format of literals only): Excel shows the literals.
    const text = chars.map((x) => x.c).join("");
    return text.trim() === "" ? general(v) : text;
  }
  // Extend the core over scaling commas, the decimal point and an exponent right after it.
  let end = last + 1;
  while (end < chars.length && !chars[end].lit && /[,.]/.test(chars[end].c)) end++;
  const core = chars.slice(first, end).filter((x) => !x.lit).map((x) => x.c).join("");
  const percent = (code.match(/%/g) ?? []).length;
  const sci = /E[+-]0+/i.test(code) ? /E[+-]0+/i.exec(code)![0] : "";
  const formatted = formatNumber(core + sci, v * 100 ** percent);
  const prefix = chars.slice(0, first).map((x) => x.c).join("");
  const suffix = chars.slice(end).map((x) => x.c).join("").replace(/E[+-]0+/i, "");
  return (sign + prefix + formatted + suffix).trim();
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Excel serial date → UTC parts (1900 system with its phantom 29 Feb 1900, or 1904). */
function serialToDate(serial: number, date1904: boolean): Date {
  let days = serial;
  if (date1904) days += 1462;
  else if (days < 60) days += 1; // before Excel's phantom 1900-02-29
  const ms = Math.round((days - 25569) * 86400000);
  return new Date(ms);
}

function dateSection(tokens: Token[], v: number, date1904: boolean): string {
  const d = serialToDate(v, date1904);
  const ampm = tokens.some((t) => t.kind === "code" && /AM\/PM|A\/P/i.test(t.text));
  let out = "";
  let lastWasHour = false;
  for (const t of tokens) {
    if (t.kind === "lit") {
      out += t.text;
      continue;
    }
    const re = /AM\/PM|A\/P|y+|m+|d+|h+|s+|0+|./gi;
    const parts = t.text.match(re) ?? [];
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      const lower = p.toLowerCase();
      const nextTime = parts.slice(k + 1).find((x) => /^[a-z]/i.test(x))?.toLowerCase() ?? "";
      if (lower[0] === "y") {
        out += lower.length <= 2 ? String(d.getUTCFullYear()).slice(-2) : d.getUTCFullYear();
      } else if (lower[0] === "m") {
        const minute = lastWasHour || nextTime.startsWith("s");
        if (minute && lower.length <= 2) out += String(d.getUTCMinutes()).padStart(lower.length, "0");
        else if (lower.length === 1) out += d.getUTCMonth() + 1;
        else if (lower.length === 2) out += String(d.getUTCMonth() + 1).padStart(2, "0");
        else out += MONTHS[d.getUTCMonth()];
      } else if (lower[0] === "d") {
        out += lower.length === 1 ? d.getUTCDate() : String(d.getUTCDate()).padStart(2, "0");
      } else if (lower[0] === "h") {
        let h = d.getUTCHours();
        if (ampm) h = h % 12 || 12;
        out += lower.length === 1 ? h : String(h).padStart(2, "0");
      } else if (lower[0] === "s") out += String(d.getUTCSeconds()).padStart(lower.length === 1 ? 1 : 2, "0");
      else if (lower === "am/pm" || lower === "a/p") {
        out += d.getUTCHours() < 12 ? "上午" : "下午";
      } else if (/^0+$/.test(p)) out += ""; // fractional seconds: dropped
      else out += p;
      if (/^[a-z]/i.test(p)) lastWasHour = lower[0] === "h";
    }
  }
  return out;
}

/** The text Excel shows for numeric value `v` under `format`. */
export function formatValue(v: number, format: string | undefined, date1904 = false): string {
  if (!format || /^general$/i.test(format) || format === "@") return general(v);
  try {
    const { section, negate } = sectionFor(format, v);
    const tokens = tokenize(section);
    if (isDateCode(tokens)) {
      if (v < 0 || v > 2958465) return general(v);
      return dateSection(tokens, v, date1904);
    }
    const text = numericSection(tokens, negate ? Math.abs(v) : v, negate);
    return text === "" ? general(v) : text;
  } catch {
    return general(v);
  }
}
