/**
 * Crafted .docx archives for the OOXML reader tests: raw WordprocessingML wrapped in a zip built with
 * fflate, so a test states exactly the XML it exercises.
 */
import { type Zippable, zipSync } from "fflate";

export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const enc = new TextEncoder();

export interface DocxSpec {
  /** Inner XML of w:body. */
  body: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  comments?: string;
  /** Extra raw entries (name → bytes or text). */
  extra?: Record<string, Uint8Array | string>;
  /** Replace document.xml entirely. */
  documentXml?: string;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document ${W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`;
}

export function makeDocx(spec: DocxSpec): Uint8Array {
  const files: Zippable = {
    "[Content_Types].xml": enc.encode(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    ),
    "word/document.xml": enc.encode(spec.documentXml ?? documentXml(spec.body)),
  };
  const wrap = (root: string, inner: string) =>
    enc.encode(`<?xml version="1.0"?><w:${root} ${W_NS}>${inner}</w:${root}>`);
  if (spec.styles !== undefined) files["word/styles.xml"] = wrap("styles", spec.styles);
  if (spec.numbering !== undefined) files["word/numbering.xml"] = wrap("numbering", spec.numbering);
  if (spec.footnotes !== undefined) files["word/footnotes.xml"] = wrap("footnotes", spec.footnotes);
  if (spec.comments !== undefined) files["word/comments.xml"] = wrap("comments", spec.comments);
  for (const [name, data] of Object.entries(spec.extra ?? {})) {
    files[name] = typeof data === "string" ? enc.encode(data) : data;
  }
  return zipSync(files);
}

/** A paragraph: `p("text")`, with optional raw pPr inner XML. */
export function p(text: string, pPr = ""): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A table cell with optional raw tcPr inner XML. */
export function tc(text: string, tcPr = ""): string {
  return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${text === "" ? "<w:p/>" : p(text)}</w:tc>`;
}

export function tbl(rows: string[][]): string {
  return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.map((r) => `<w:tr>${r.join("")}</w:tr>`).join("")}</w:tbl>`;
}
