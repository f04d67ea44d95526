/**
 * A position-keeping XML tokenizer for editing a part in place: every token knows its offsets in the
 * decoded string, so insertions can be spliced in while every other byte stays as written. Only run on a
 * part the guarded reader (src/ingest/ooxml/xml.ts: its scanner, and saxes for anything unusual) has
 * already parsed, so well-formedness and the DOCTYPE/entity guards are already enforced.
 */

export interface TagToken {
  kind: "open" | "close" | "empty";
  /** Qualified name as written. */
  name: string;
  start: number;
  /** Offset just after ">". */
  end: number;
}

export interface TextToken {
  kind: "text";
  start: number;
  end: number;
  /** CDATA section: content is literal, between start+9 and end-3. */
  cdata: boolean;
}

export type Token = TagToken | TextToken;

const NAME_END = /[\s/>]/;

export function tokenize(xml: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      out.push({ kind: "text", start: i, end: n, cdata: false });
      break;
    }
    if (lt > i) out.push({ kind: "text", start: i, end: lt, cdata: false });
    if (xml.startsWith("<!--", lt)) {
      i = xml.indexOf("-->", lt + 4) + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9) + 3;
      out.push({ kind: "text", start: lt, end: e, cdata: true });
      i = e;
    } else if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      i = xml.indexOf(">", lt) + 1;
    } else if (xml[lt + 1] === "/") {
      const gt = xml.indexOf(">", lt);
      out.push({ kind: "close", name: xml.slice(lt + 2, gt).trim(), start: lt, end: gt + 1 });
      i = gt + 1;
    } else {
      let j = lt + 1;
      while (j < n && !NAME_END.test(xml[j])) j++;
      const name = xml.slice(lt + 1, j);
      // Attribute values may hold ">": skip quoted strings.
      let quote = "";
      for (; j < n; j++) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
      }
      const empty = xml[j - 1] === "/";
      out.push({ kind: empty ? "empty" : "open", name, start: lt, end: j + 1 });
      i = j + 1;
    }
  }
  return out;
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag (values entity-decoded). */
export function tagAttrs(xml: string, t: TagToken): Record<string, string> {
  const a: Record<string, string> = {};
  const raw = xml.slice(t.start + 1 + t.name.length, t.end - 1);
  for (const m of raw.matchAll(ATTR)) a[m[1]] = decodeEntities(m[3] ?? m[4] ?? "");
  return a;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function entity(body: string): string {
  if (body[0] === "#") {
    const code = body[1] === "x" || body[1] === "X"
      ? parseInt(body.slice(2), 16)
      : parseInt(body.slice(1), 10);
    return String.fromCodePoint(code);
  }
  return NAMED[body] ?? `&${body};`;
}

export function decodeEntities(s: string): string {
  return s.replace(/&([^;]+);/g, (_, b) => entity(b));
}

/**
 * A text token's characters as a parser reports them (entities decoded, line ends normalised to "\n"),
 * each with the raw offsets it was written at: char k spans raw[k] .. raw[k + 1].
 */
export function decodeText(xml: string, t: TextToken): { text: string; raw: number[] } {
  if (t.cdata) {
    const text = xml.slice(t.start + 9, t.end - 3).replace(/\r\n?/g, "\n");
    const raw: number[] = [];
    let p = t.start + 9;
    for (let k = 0; k < text.length; k++) {
      raw.push(p);
      p += xml[p] === "\r" && xml[p + 1] === "\n" ? 2 : 1;
    }
    raw.push(t.end - 3);
    return { text, raw };
  }
  let text = "";
  const raw: number[] = [];
  let p = t.start;
  while (p < t.end) {
    const c = xml[p];
    if (c === "&") {
      const semi = xml.indexOf(";", p);
      const s = entity(xml.slice(p + 1, semi));
      for (let k = 0; k < s.length; k++) raw.push(p); // an astral entity is two code units, one place
      text += s;
      p = semi + 1;
    } else if (c === "\r") {
      raw.push(p);
      text += "\n";
      p += xml[p + 1] === "\n" ? 2 : 1;
    } else {
      raw.push(p);
      text += c;
      p++;
    }
  }
  raw.push(t.end);
  return { text, raw };
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, "&quot;");
}

/** Characters XML 1.0 does not allow at all (they would make the part unreadable). */
export function stripInvalidXmlChars(s: string): string {
  // deno-lint-ignore no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}
