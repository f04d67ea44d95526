/**
 * The one place where text from a document (or a file name) is made inert for an output kind: HTML,
 * Markdown, CSV cells and the terminal. Every renderer and the batch summary escape through here.
 */

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIAL_ALL = /[&<>"']/g;

/** Text for an HTML element body or a quoted attribute value (text without a special character as it is). */
export function escapeHtml(s: string): string {
  return HTML_SPECIAL.test(s) ? s.replace(HTML_SPECIAL_ALL, (c) => HTML_ENTITIES[c]) : s;
}

// ---------------------------------------------------------------------------------------------- Markdown

/**
 * What some Markdown renderer would turn into a live link: a scheme URL (http://, ftp://, file://, …),
 * www., mailto:/xmpp:/tel:, an e-mail address, or a bare domain with a TLD that linkify-style renderers
 * recognise (two letters, or one of the generic ones). Backticks, pipes, angle brackets, quotes and any
 * non-ASCII character (CJK text and punctuation) end a match, so a match sits in a single-backtick code
 * span inside a table cell; what follows it starts fresh and is not link-like unless it matches again.
 */
const URL_CHARS = String.raw`[^\s<>\x60|"'\\\u0080-\uffff]`;
const TLD = "(?:[a-z]{2}|com|net|org|edu|gov|mil|int|biz|info|name|pro|aero|asia|coop|museum|shop|xxx|web)";
const LINK_LIKE = new RegExp(
  [
    String.raw`[a-z][a-z0-9+.\-]*:\/\/${URL_CHARS}*`,
    String.raw`(?:mailto|xmpp|tel|javascript|data):${URL_CHARS}+`,
    String.raw`www\.${URL_CHARS}+`,
    String.raw`[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+`,
    String.raw`(?:[a-z0-9\-]+\.)+${TLD}\b(?:[\/:?#]${URL_CHARS}*)?`,
  ].join("|"),
  "gi",
);

/** Characters with an inline meaning in CommonMark/GFM (emphasis, links, code, tables, strikethrough). */
const MD_INLINE = /[\\`*_[\]|~{}!$^]/g;

/** Backslash-escape inline markup and turn &, <, > into entities (no raw HTML, no entity references). */
function escapeInlineChars(text: string): string {
  return text
    .replace(MD_INLINE, (c) => "\\" + c)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Block markers that only count at the start of a line: #, +, -, *, 1. / 1), and setext underlines. */
function escapeLineStart(line: string): string {
  return line
    // list and heading markers only count when followed by a space (so "0.1.0" is left alone)
    .replace(
      /^(\s*)([#+-]|\d+[.)])(?=\s|$)/,
      (_m, sp: string, mark: string) =>
        /^\d/.test(mark) ? `${sp}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${sp}\\${mark}`,
    )
    // a line of only = or - would turn the line above into a heading
    .replace(/^(\s*)([=-])(?=\2*\s*$)/, "$1\\$2");
}

/** A code span around text without backticks (link-like matches never contain one). */
function codeSpan(text: string): string {
  return "`" + text + "`";
}

function escapeMarkdownLine(line: string): string {
  let out = "";
  let last = 0;
  for (const m of line.matchAll(LINK_LIKE)) {
    const before = line.slice(last, m.index);
    out += last === 0 ? escapeLineStart(escapeInlineChars(before)) : escapeInlineChars(before);
    out += codeSpan(m[0]);
    last = m.index + m[0].length;
  }
  const rest = line.slice(last);
  out += last === 0 ? escapeLineStart(escapeInlineChars(rest)) : escapeInlineChars(rest);
  return out;
}

/**
 * Document text as inert Markdown: inline markup backslash-escaped, raw HTML as entities, block markers
 * at a line start escaped, and anything link-like quoted as code so that no renderer makes it a link.
 */
export function escapeMarkdownInline(text: string): string {
  return text.split(/(\r?\n)/).map((part, i) => (i % 2 ? part : escapeMarkdownLine(part))).join("");
}

/** For a GFM table cell: escaped and on one line. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownInline(text).replace(/\r?\n/g, "<br>");
}

// --------------------------------------------------------------------------------------------------- CSV

/**
 * What makes a spreadsheet read a cell as a formula (OWASP CSV injection, ASVS 1.2.10): = + - @, tab, CR,
 * LF and NUL, their full-width forms, also after leading blanks. A minus before a digit is included: a
 * cell of document text is never a number we produced.
 */
const FORMULA_START = /^[\s\u3000\u00a0]*[=+\-@\t\r\n\0＝＋－＠]/;

/** A CSV cell holding text (from a document, a file name or a message): defused with a leading '. */
export function csvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A CSV cell value: a finite number we computed stays a number; anything else is text for csvCell.
 * null/undefined become an empty cell.
 */
export function csvValue(v: unknown): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return csvCell(String(v));
}

/** Papa.unparse quoting: every text cell is quoted, numbers are not (so spreadsheets keep them numeric). */
export function quoteText(value: unknown): boolean {
  return typeof value === "string";
}

// ---------------------------------------------------------------------------------------------- Terminal

/** ESC sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings up to BEL or ST, and two-byte ESC x. */
const ESC_SEQUENCE = new RegExp(
  [
    String.raw`\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]`,
    String.raw`\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)`,
    String.raw`\x9b[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]`,
    String.raw`[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)`,
    String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]`,
  ].join("|"),
  "g",
);

/**
 * C0 controls except newline, DEL, C1 controls, and the invisible bidi controls (embeddings, overrides,
 * isolates, LRM/RLM/ALM) that can reorder what a terminal shows.
 */
// deno-lint-ignore no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Document text or a file name, safe to print: escape sequences removed whole, then every other control
 * character (tab becomes a space); newlines are kept.
 */
export function safeTerminalText(s: string): string {
  return s.replace(ESC_SEQUENCE, "").replace(/\t/g, " ").replace(CONTROL, "");
}
