/**
 * The comments part and its registration: w:comment elements appended to an existing word/comments.xml (or a
 * new one), the content-type override and the document's relationship, each added only when missing.
 */
import { escapeXmlAttr, escapeXmlText, stripInvalidXmlChars } from "./xml-scan.ts";

export const COMMENTS_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
export const COMMENTS_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML_DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;

export interface CommentMeta {
  author: string;
  initials: string;
  date: Date;
}

export interface NewComment {
  id: number;
  /** One paragraph each. */
  lines: string[];
}

/** Word writes the date without fractional seconds. */
export function wordDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function commentElement(c: NewComment, meta: CommentMeta, w = "w"): string {
  const attrs = `${w}:id="${c.id}" ${w}:author="${escapeXmlAttr(meta.author)}" ` +
    `${w}:date="${wordDate(meta.date)}" ${w}:initials="${escapeXmlAttr(meta.initials)}"`;
  const paras = c.lines.map((line, i) => {
    const ref = i === 0 ? `<${w}:r><${w}:annotationRef/></${w}:r>` : "";
    const text = escapeXmlText(stripInvalidXmlChars(line));
    return `<${w}:p>${ref}<${w}:r><${w}:t xml:space="preserve">${text}</${w}:t></${w}:r></${w}:p>`;
  });
  return `<${w}:comment ${attrs}>${paras.join("")}</${w}:comment>`;
}

/** Ids already used by w:comment elements of an existing comments part. */
export function existingCommentIds(xml: string | undefined): number[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?comment\s[^>]*?(?:\w+:)?id\s*=\s*["'](-?\d+)["']/g)].map((m) =>
    Number(m[1])
  );
}

/** Ids used by comment range markup in a story part (a comment may exist there without its w:comment). */
export function markupCommentIds(xml: string): number[] {
  return [
    ...xml.matchAll(/<(?:\w+:)?comment(?:RangeStart|RangeEnd|Reference)\s[^>]*?id\s*=\s*["'](-?\d+)["']/g),
  ]
    .map((m) => Number(m[1]));
}

/** `existing` with the new comments appended before its closing tag, or a new comments part. */
export function commentsPart(
  existing: string | undefined,
  comments: NewComment[],
  meta: CommentMeta,
): string {
  if (existing === undefined) {
    const body = comments.map((c) => commentElement(c, meta)).join("");
    return `${XML_DECL}<w:comments xmlns:w="${W_NS}">${body}</w:comments>`;
  }
  const root = /<((?:([\w.-]+):)?comments)\b[^>]*?(\/?)>/.exec(existing);
  if (!root) throw new Error("word/comments.xml has no w:comments root");
  const w = root[2] ?? "w";
  const body = comments.map((c) => commentElement(c, meta, w)).join("");
  if (root[3] === "/") {
    const open = root[0].replace(/\s*\/>$/, ">");
    return existing.slice(0, root.index) + open + body + `</${root[1]}>` +
      existing.slice(root.index + root[0].length);
  }
  const close = existing.lastIndexOf(`</${root[1]}`);
  return existing.slice(0, close) + body + existing.slice(close);
}

/** [Content_Types].xml with an Override for `partName` ("/word/comments.xml") unless it has one. */
export function withContentType(xml: string, partName: string): string {
  const has = [...xml.matchAll(/PartName\s*=\s*["']([^"']+)["']/g)]
    .some((m) => m[1].toLowerCase() === partName.toLowerCase());
  if (has) return xml;
  const close = xml.lastIndexOf("</");
  return xml.slice(0, close) +
    `<Override PartName="${escapeXmlAttr(partName)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>` +
    xml.slice(close);
}

/** The comments target of the document's relationships, if it has one (relative to word/). */
export function commentsTarget(rels: string | undefined): string | undefined {
  if (!rels) return undefined;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /Type\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    const mode = /TargetMode\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    if (type === COMMENTS_REL_TYPE && mode !== "External") {
      return /Target\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    }
  }
  return undefined;
}

/** document.xml.rels with a comments relationship to comments.xml (a fresh rId), or a new rels part. */
export function withCommentsRelationship(rels: string | undefined): string {
  const rel = (id: string) => `<Relationship Id="${id}" Type="${COMMENTS_REL_TYPE}" Target="comments.xml"/>`;
  const ns = "http://schemas.openxmlformats.org/package/2006/relationships";
  if (rels === undefined) return `${XML_DECL}<Relationships xmlns="${ns}">${rel("rId1")}</Relationships>`;
  const ids = new Set([...rels.matchAll(/\bId\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const close = rels.lastIndexOf("</");
  if (close < 0) {
    return rels.replace(
      /<Relationships\b([^>]*?)\s*\/>/,
      `<Relationships$1>${rel(`rId${n}`)}</Relationships>`,
    );
  }
  return rels.slice(0, close) + rel(`rId${n}`) + rels.slice(close);
}
