/**
 * A fast reader for the plain subset of XML that Word, WPS and Excel write: an optional XML declaration,
 * one root element, elements with ASCII names and quoted attributes, text with the predefined and numeric
 * character references. `scanXml` checks a whole part and records its events — the ones saxes emits for
 * it, in the same order and with the same text chunks — or returns undefined for anything else: a DOCTYPE,
 * a comment, CDATA, a processing instruction, "]]>", a name outside ASCII, a character XML forbids,
 * malformed or unbalanced markup, a duplicate attribute. The caller then hands the part to saxes, so what
 * is refused, and the message it is refused with, stays saxes's; nothing is delivered before the whole
 * part has been checked.
 *
 * Attributes are checked while scanning but only recorded as a span: `attributesAt` builds an element's
 * record (values normalised as saxes does) when a reader asks for it, which most elements never need.
 */

/**
 * The events of a part, in order, as offsets into `xml` (no strings are made until they are delivered):
 * an element's name is [from, to) and its attributes [to, attrsEnd); a text is [from, to).
 */
export interface XmlEvents {
  /** The part as scanned (line ends normalised). */
  xml: string;
  kinds: Kind[];
  from: number[];
  to: number[];
  attrsEnd: number[];
}

export const enum Kind {
  Open = 1,
  SelfClosing,
  Close,
  Text,
  /** Text holding references (&amp; …), replaced when it is delivered. */
  TextWithReferences,
}

/** The text of a text event, references replaced (they were checked by scanXml). */
export function textOf(e: XmlEvents, k: number): string {
  const raw = e.xml.slice(e.from[k], e.to[k]);
  return e.kinds[k] === Kind.TextWithReferences ? unescape(raw)! : raw;
}

/** Characters XML 1.0 forbids; a surrogate sends the part to the precise check below. */
// deno-lint-ignore no-control-regex
const FORBIDDEN_OR_SURROGATE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;
const FORBIDDEN_CHAR =
  // deno-lint-ignore no-control-regex
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const S = "[ \\t\\n]"; // XML whitespace once \r is normalised away
const DECL = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(["'])1\\.0\\1` +
    `(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][A-Za-z0-9._-]*\\2)?` +
    `(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
);

/** ASCII name characters: 1 may start a name, 2 may only continue one. */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_CHAR[c] = 1;
  else if (/[0-9.-]/.test(ch)) NAME_CHAR[c] = 2;
}
const isNameStart = (c: number) => c < 128 && NAME_CHAR[c] === 1;
const isNameChar = (c: number) => c < 128 && NAME_CHAR[c] !== 0;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a;
const GT = 0x3e, SLASH = 0x2f, EQ = 0x3d, DQ = 0x22, SQ = 0x27;

const PREDEFINED: Record<string, string> = Object.assign(Object.create(null), {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
});

/** A reference's text (the name between & and ;), or undefined when saxes would refuse it. */
function referenced(ref: string): string | undefined {
  if (ref[0] !== "#") return PREDEFINED[ref];
  const num = /^#x[0-9a-fA-F]+$/.test(ref)
    ? parseInt(ref.slice(2), 16)
    : /^#[0-9]+$/.test(ref)
    ? parseInt(ref.slice(1), 10)
    : NaN;
  const isChar = num === 0x9 || num === 0xa || num === 0xd || (num >= 0x20 && num <= 0xd7ff) ||
    (num >= 0xe000 && num <= 0xfffd) || (num >= 0x10000 && num <= 0x10ffff);
  return isChar ? String.fromCodePoint(num) : undefined;
}

/** Text with its references replaced, or undefined when one is malformed or unknown. */
function unescape(raw: string): string | undefined {
  let out = "";
  let at = 0;
  for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", at)) {
    const semi = raw.indexOf(";", amp);
    if (semi < 0) return undefined;
    const s = referenced(raw.slice(amp + 1, semi));
    if (s === undefined) return undefined;
    out += raw.slice(at, amp) + s;
    at = semi + 1;
  }
  return out + raw.slice(at);
}

/** Same characters at [a, a+len) and [b, b+len). */
function sameSpan(xml: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (xml.charCodeAt(a + k) !== xml.charCodeAt(b + k)) return false;
  return true;
}

/**
 * The end of the attribute list starting at `i` (at the "/" or ">" closing the tag), or -1 when it is not
 * a well-formed list of distinct attributes with quoted values ending before `nextLt` (the first "<" after
 * the tag's own, so no value holds one). References in the values are checked by the caller.
 */
function attributesEnd(xml: string, i: number, nextLt: number, names: number[]): number {
  names.length = 0; // start, length of each attribute name so far
  for (;;) {
    const spaced = isSpace(xml.charCodeAt(i));
    while (isSpace(xml.charCodeAt(i))) i++;
    const c = xml.charCodeAt(i);
    if (c === GT || c === SLASH) return i;
    if (!spaced || !isNameStart(c)) return -1;
    const start = i;
    while (isNameChar(xml.charCodeAt(++i)));
    const len = i - start;
    for (let k = 0; k < names.length; k += 2) {
      if (names[k + 1] === len && sameSpan(xml, names[k], start, len)) return -1; // a duplicate
    }
    names.push(start, len);
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQ) return -1;
    i++;
    while (isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== DQ && quote !== SQ) return -1;
    const close = xml.indexOf(quote === DQ ? '"' : "'", i + 1);
    if (close < 0 || close > nextLt) return -1;
    i = close + 1;
  }
}

/**
 * The record of the attributes in [start, end) (as checked by attributesEnd), with a null prototype as
 * saxes's; undefined when a value holds a malformed or unknown reference.
 */
export function attributesAt(xml: string, start: number, end: number): Record<string, string> | undefined {
  const out: Record<string, string> = Object.create(null);
  let i = start;
  while (i < end) {
    while (isSpace(xml.charCodeAt(i))) i++;
    if (i >= end) break;
    const nameStart = i;
    while (isNameChar(xml.charCodeAt(++i)));
    const name = xml.slice(nameStart, i);
    i = xml.indexOf("=", i) + 1;
    while (isSpace(xml.charCodeAt(i))) i++;
    const close = xml.indexOf(xml[i], i + 1);
    let value = xml.slice(i + 1, close);
    // saxes: a tab or line end written in a value reads as a space; references are then replaced.
    if (value.includes("\t") || value.includes("\n")) value = value.replace(/[\t\n]/g, " ");
    if (value.includes("&")) {
      const v = unescape(value);
      if (v === undefined) return undefined;
      value = v;
    }
    out[name] = value;
    i = close + 1;
  }
  return out;
}

/** The events of a part in the plain subset, or undefined (see the module comment). */
export function scanXml(source: string): XmlEvents | undefined {
  if (FORBIDDEN_OR_SURROGATE.test(source) && FORBIDDEN_CHAR.test(source)) return undefined;
  if (source.charCodeAt(0) === 0xfeff || source.includes("]]>")) return undefined;
  // saxes reads \r\n and a lone \r as \n everywhere.
  const xml = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  const n = xml.length;
  const events: XmlEvents = { xml, kinds: [], from: [], to: [], attrsEnd: [] };
  const push = (kind: Kind, from: number, to: number, attrsEnd = 0) => {
    events.kinds.push(kind);
    events.from.push(from);
    events.to.push(to);
    events.attrsEnd.push(attrsEnd);
  };
  const open: number[] = []; // start and length of the name of each element open
  const names: number[] = [];
  let sawRoot = false;
  let i = 0;
  const decl = DECL.exec(xml);
  if (decl) i = decl[0].length;
  else {
    while (i < n && isSpace(xml.charCodeAt(i))) i++; // skipped, not reported, before a root without declaration
  }
  // The next "<" and "&" at or after i, each searched for again only once passed (none left: n).
  const find = (c: string, from: number) => {
    const at = xml.indexOf(c, from);
    return at < 0 ? n : at;
  };
  let lt = find("<", i);
  let nextAmp = -1;
  while (i < n) {
    if (lt < i) lt = find("<", i);
    if (nextAmp < i) nextAmp = find("&", i);
    if (lt > i) {
      if (open.length === 0) {
        for (let k = i; k < lt; k++) if (!isSpace(xml.charCodeAt(k))) return undefined; // text outside the root
        push(Kind.Text, i, lt);
      } else if (nextAmp < lt) {
        if (unescape(xml.slice(i, lt)) === undefined) return undefined;
        push(Kind.TextWithReferences, i, lt);
      } else push(Kind.Text, i, lt);
    }
    if (lt === n) break;
    i = lt + 1;
    const nextLt = find("<", i);
    if (nextAmp < i) nextAmp = find("&", i);
    if (xml.charCodeAt(i) === SLASH) { // </name S* >
      const start = ++i;
      if (!isNameStart(xml.charCodeAt(i))) return undefined;
      while (isNameChar(xml.charCodeAt(++i)));
      const end = i;
      while (isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== GT || open.length === 0) return undefined;
      const len = open.pop()!, at = open.pop()!;
      if (len !== end - start || !sameSpan(xml, at, start, len)) return undefined;
      i++;
      push(Kind.Close, start, end);
      lt = nextLt;
      continue;
    }
    // <name (S+ name S* = S* "value")* S* /?>
    if (!isNameStart(xml.charCodeAt(i)) || (sawRoot && open.length === 0)) return undefined;
    sawRoot = true;
    const start = i;
    while (isNameChar(xml.charCodeAt(++i)));
    const end = attributesEnd(xml, i, nextLt, names);
    if (end < 0) return undefined;
    if (nextAmp < end && attributesAt(xml, i, end) === undefined) return undefined;
    lt = nextLt;
    if (xml.charCodeAt(end) === GT) {
      push(Kind.Open, start, i, end);
      open.push(start, i - start);
      i = end + 1;
    } else {
      if (xml.charCodeAt(end + 1) !== GT) return undefined;
      push(Kind.SelfClosing, start, i, end);
      i = end + 2;
    }
  }
  return sawRoot && open.length === 0 ? events : undefined;
}
