/**
 * The mammoth reader: mammoth converts the .docx to HTML, cheerio walks it into a RawDocument. Slower than
 * the OOXML reader but independent of it, which is what the differential tests need.
 */
import mammoth from "mammoth";
import { load } from "cheerio/slim";
import { type Zippable, zipSync } from "fflate";
import type { BlockOrigin, Diagnostic } from "../model/document.ts";
import type { RawBlock, RawCell, RawDocument, RawParagraph, RawTable } from "../model/raw.ts";

const HEADING_STYLES = [1, 2, 3, 4, 5, 6].flatMap((n) => [
  `p[style-name='Heading ${n}'] => h${n}:fresh`,
  `p[style-name='标题 ${n}'] => h${n}:fresh`,
  `p[style-name='标题${n}'] => h${n}:fresh`,
]);
type Align = RawParagraph["align"];
/** Keyed by document text (w:jc): a Map, so "constructor" and the like find nothing. */
const ALIGNS = new Map<string, NonNullable<Align>>([
  ["center", "center"],
  ["right", "right"],
  ["end", "right"],
  ["both", "justify"],
  ["distribute", "justify"],
]);
const ALIGN_STYLE = "jx-align-";
const STYLE_MAP = [
  ...HEADING_STYLES,
  ...["center", "right", "justify", "left"].map((a) =>
    `p[style-name='${ALIGN_STYLE}${a}'] => p.jx-${a}:fresh`
  ),
];

interface MammothParagraph {
  type: string;
  styleName: string | null;
  numbering: unknown;
  alignment: string | null;
}

/** Not in mammoth's type declarations. */
interface MammothTransforms {
  transforms: { paragraph(f: (p: MammothParagraph) => MammothParagraph): (doc: unknown) => unknown };
}

/**
 * mammoth's style map cannot match on alignment, so plain paragraphs get a style name that carries it (the
 * title lines are told apart by being centred). Headings and list items keep their own style.
 */
function markAlignment(p: MammothParagraph): MammothParagraph {
  if (p.numbering || (p.styleName && /heading|标题/i.test(p.styleName))) return p;
  const align = ALIGNS.get(p.alignment ?? "") ?? "left";
  return { ...p, styleName: ALIGN_STYLE + align };
}

/**
 * Convert with mammoth. `parts` are the package's XML parts, already inflated under the zip limits and
 * checked as XML (see ../zip.ts and index.ts): mammoth gets a stored (uncompressed) zip of just those, so
 * it never inflates anything itself and never sees media or an embedded style map.
 */
export async function readWithMammoth(parts: Map<string, Uint8Array>): Promise<RawDocument> {
  const files: Zippable = Object.create(null);
  for (const [name, data] of parts) files[name] = data;
  const zip = zipSync(files, { level: 0 });
  const result = await mammoth.convertToHtml(
    // mammoth's node build takes the bytes as `buffer` (jszip reads a Uint8Array).
    { buffer: zip } as unknown as { path: string },
    {
      styleMap: STYLE_MAP,
      transformDocument: (mammoth as unknown as MammothTransforms).transforms.paragraph(markAlignment),
      // Images are not audited: skip their base64 encoding.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
    },
  );
  return {
    blocks: htmlToBlocks(result.value),
    diagnostics: toDiagnostics(result.messages),
    reader: "mammoth",
  };
}

function toDiagnostics(messages: { type: string; message: string }[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const m of messages) {
    if (seen.has(m.message)) continue;
    seen.add(m.message);
    const style = /^Unrecognised (?:paragraph|run|table) style/.test(m.message);
    out.push({
      level: style ? "info" : "warning",
      code: style ? "mammoth-unrecognised-style" : "mammoth-warning",
      message: `mammoth 读取提示（${m.type}）：${m.message}`,
    });
  }
  return out;
}

const NOTE_ID = /^(footnote|endnote)-\d+$/;
const NOTE_REF_ID = /^(?:footnote|endnote)-ref-\d+$/;
const NOTE_BACKLINK = /^#(?:footnote|endnote)-ref-\d+$/;

/** The slice of domhandler's node shape (what cheerio parses into) this walk reads. */
interface AnyNode {
  type: string;
  data?: string;
}
interface Element extends AnyNode {
  name: string;
  attribs: Record<string, string>;
  children: AnyNode[];
}

function isElement(n: AnyNode): n is Element {
  return n.type === "tag";
}

/** Text of an element: <br> is a line break; note reference marks ([1]) and note back-links (↑) are dropped. */
function textOf(n: AnyNode): string {
  if (n.type === "text") return n.data ?? "";
  if (!isElement(n)) return "";
  if (n.name === "br") return "\n";
  if (n.name === "a" && (NOTE_REF_ID.test(n.attribs.id ?? "") || NOTE_BACKLINK.test(n.attribs.href ?? ""))) {
    return "";
  }
  let s = "";
  for (const c of n.children) s += textOf(c);
  return s;
}

const BLOCK_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "li", "div"]);

export function htmlToBlocks(html: string): RawBlock[] {
  const $ = load(html, null, false);
  const blocks: RawBlock[] = [];
  for (const n of ($.root()[0] as unknown as Element).children) walk(n, "body", blocks);
  return blocks;
}

function paragraph(text: string, origin: BlockOrigin, el?: Element): RawParagraph {
  const p: RawParagraph = { kind: "paragraph", text, origin };
  const h = el && /^h([1-6])$/.exec(el.name);
  if (h) p.styleLevel = Number(h[1]);
  const cls = el?.attribs.class;
  const align = cls && /\bjx-(center|right|justify|left)\b/.exec(cls)?.[1];
  if (align) p.align = align as Align;
  return p;
}

function walk(n: AnyNode, origin: BlockOrigin, out: RawBlock[]): void {
  if (!isElement(n)) {
    const t = textOf(n);
    if (t.trim() !== "") out.push(paragraph(t, origin));
    return;
  }
  switch (n.name) {
    case "p":
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      out.push(paragraph(textOf(n), origin, n));
      return;
    case "table":
      out.push(table(n, origin));
      return;
    case "li": {
      const id = n.attribs.id ?? "";
      const note = NOTE_ID.exec(id);
      if (note) return walkNote(n, note[1] as BlockOrigin, out);
      // A list item's own text, then any nested list.
      let inline = "";
      for (const c of n.children) {
        if (isElement(c) && BLOCK_TAGS.has(c.name)) {
          if (inline.trim() !== "") out.push(paragraph(inline, origin));
          inline = "";
          walk(c, origin, out);
        } else inline += textOf(c);
      }
      if (inline.trim() !== "") out.push(paragraph(inline, origin));
      return;
    }
    default:
      for (const c of n.children) walk(c, origin, out);
  }
}

/** A footnote/endnote: its paragraphs, without the " ↑" back-link mammoth appends to the last one. */
function walkNote(li: Element, origin: BlockOrigin, out: RawBlock[]): void {
  const start = out.length;
  for (const c of li.children) walk(c, origin, out);
  const last = out[out.length - 1];
  if (out.length > start && last.kind === "paragraph") {
    last.text = last.text.trimEnd();
    if (last.text === "") out.pop();
  }
}

function table(el: Element, origin: BlockOrigin): RawTable {
  const rows: RawCell[][] = [];
  let headerRows = 0;
  const visitRows = (parent: Element, inHead: boolean) => {
    for (const c of parent.children) {
      if (!isElement(c)) continue;
      if (c.name === "thead") visitRows(c, true);
      else if (c.name === "tbody" || c.name === "tfoot") visitRows(c, false);
      else if (c.name === "tr") {
        rows.push(
          c.children.filter(isElement).filter((td: Element) => td.name === "td" || td.name === "th").map(
            cell,
          ),
        );
        if (inHead) headerRows++;
      }
    }
  };
  visitRows(el, false);
  const t: RawTable = { kind: "table", origin, rows };
  if (headerRows > 0) t.headerRows = headerRows;
  return t;
}

function cell(td: Element): RawCell {
  const inner: RawBlock[] = [];
  for (const c of td.children) walk(c, "body", inner);
  // A table nested in a cell is flattened into the cell's paragraphs, row by row.
  const paragraphs = inner.flatMap((b) =>
    b.kind === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.flatMap((x) => x.paragraphs))
  );
  return {
    paragraphs,
    colspan: Number(td.attribs.colspan ?? 1) || 1,
    rowspan: Number(td.attribs.rowspan ?? 1) || 1,
  };
}
