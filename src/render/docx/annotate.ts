/**
 * `--format docx`: the submitted .docx with every finding attached as a Word comment on its quote (one per
 * evidence place, linked by number) and a summary comment on the title. Only insertions: comment range
 * markup in the story parts (runs split where a quote starts or ends inside one), w:comment elements, and
 * the comments part's registration; every other zip entry is copied as stored.
 */
import type { DocumentResult } from "../../model/report.ts";
import type { Evidence, Finding } from "../../model/finding.ts";
import type { RawDocument } from "../../model/raw.ts";
import type { Document } from "../../model/document.ts";
import type { RuleMeta } from "../../model/rule.ts";
import { inflateEntry, listEntries, unzipDocx, ZIP_LIMITS } from "../../ingest/zip.ts";
import { readOoxml } from "../../ingest/ooxml/index.ts";
import { decodeXml } from "../../ingest/ooxml/xml.ts";
import { buildDocument } from "../../ingest/build.ts";
import { applyMarks, commentMarks, type Mark } from "./anchor.ts";
import { locate, type Place, whole } from "./locate.ts";
import { mapPart, type PartMap } from "./text-map.ts";
import {
  commentsPart,
  commentsTarget,
  existingCommentIds,
  markupCommentIds,
  withCommentsRelationship,
  withContentType,
} from "./comments-xml.ts";
import { DEFAULT_REVIEW_AUTHOR, findingLines, summaryLines } from "./comment-text.ts";
import { rewriteZip } from "./zip-write.ts";
import { locationName, type Places, placesForEvidence } from "../place.ts";

export { DEFAULT_REVIEW_AUTHOR } from "./comment-text.ts";

export interface AnnotateOptions {
  file: string;
  rules: RuleMeta[];
  /** Block places of the audited Document (place.ts), to name places in comment text the way Word shows them. */
  places?: Places;
  author?: string;
  initials?: string;
  date?: Date;
}

const STORIES = ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"] as const;
const DOC_RELS = "word/_rels/document.xml.rels";
const CONTENT_TYPES = "[content_types].xml";

interface Entry {
  place: Place;
  finding?: Finding;
  evidence?: Evidence;
  quote: string;
  number: number;
  id: number;
}

export interface PlacedComment {
  id: number;
  /** 批注N as the comment text numbers it. */
  number: number;
  /** The quoted text ("" for the summary). */
  quote: string;
  /** True when the range covers exactly the quote. */
  exact: boolean;
  part: string;
  /** Index into DocumentResult.findings; undefined for the summary. */
  finding?: number;
}

export function annotateDocx(bytes: Uint8Array, result: DocumentResult, opts: AnnotateOptions): Uint8Array {
  return annotate(bytes, result, opts).bytes;
}

/** The annotated .docx and where each comment went. */
export function annotate(
  bytes: Uint8Array,
  result: DocumentResult,
  opts: AnnotateOptions,
): { bytes: Uint8Array; comments: PlacedComment[] } {
  const { file } = opts;
  const parts = unzipDocx(bytes, file);
  const raw = readOoxml(parts, file, { trace: true });
  const maps = new Map<string, PartMap>();
  for (const name of STORIES) {
    const b = parts[name];
    if (b) maps.set(name, mapPart(decodeXml(b)));
  }
  const doc = buildDocument(raw);
  const fallback = titlePlace(raw, maps, doc);
  const ctx = { raw, maps, fallback };
  const places = opts.places ?? placesForEvidence(doc, result.findings.flatMap((f) => f.evidence));

  // Every place, then numbers in document order (the summary first when it shares the title's place).
  const entries: Omit<Entry, "number" | "id">[] = [{ place: fallback, quote: "" }];
  const seen = new Map<string, number>();
  for (const f of result.findings) {
    if (!f.evidence.length) {
      entries.push({
        place: { ...fallback, note: "该问题不对应具体文字，批注加在标题上。" },
        finding: f,
        quote: "",
      });
    }
    for (const e of f.evidence) {
      const key = JSON.stringify([e.block, e.table ?? null, e.quote]);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      entries.push({ place: locate(e, n, ctx), finding: f, evidence: e, quote: e.quote });
    }
  }
  const partOrder = (p: string) => STORIES.indexOf(p as typeof STORIES[number]);
  const order = entries.map((_, i) => i).sort((a, b) => {
    const pa = entries[a].place, pb = entries[b].place;
    return partOrder(pa.part) - partOrder(pb.part) || pa.start.pos - pb.start.pos || a - b;
  });
  const stored = storedNames(bytes, file);
  const relsName = stored.get(DOC_RELS);
  const rels = relsName ? decodeXml(read(bytes, file, relsName)) : undefined;
  const target = commentsTarget(rels);
  const commentsName = target ? resolveTarget(target) : "word/comments.xml";
  const existingName = stored.get(commentsName.toLowerCase());
  const existing = existingName ? decodeXml(read(bytes, file, existingName)) : undefined;
  const usedIds = [
    ...existingCommentIds(existing),
    ...[...maps.values()].flatMap((m) => markupCommentIds(m.xml)),
  ];
  const base = Math.max(-1, ...usedIds) + 1;
  const numbered: Entry[] = [];
  order.forEach((i, k) => (numbered[i] = { ...entries[i], number: k + 1, id: base + k }));

  const byFinding = new Map<Finding, Entry[]>();
  for (const e of numbered) if (e.finding) byFinding.set(e.finding, [...(byFinding.get(e.finding) ?? []), e]);
  const titleOf = (rule: string) => opts.rules.find((r) => r.id === rule)?.title ?? rule;
  const where = (e: Entry) => (e.evidence ? locationName(e.evidence, places) : undefined);
  const lines = (e: Entry): string[] => {
    if (!e.finding) {
      return summaryLines(e.number, result.findings, titleOf, (f) => byFinding.get(f)?.[0]?.number);
    }
    const others = (byFinding.get(e.finding) ?? []).filter((o) => o !== e).sort((a, b) =>
      a.number - b.number
    );
    return findingLines(e.finding, {
      number: e.number,
      title: titleOf(e.finding.rule),
      others: others.map((o) => o.number),
      otherPlaces: others.map(where),
      place: where(e),
      note: e.place.note,
      quote: e.quote,
    });
  };

  // Story parts with the range markup inserted.
  const replace = new Map<string, Uint8Array>();
  const enc = new TextEncoder();
  for (const [name, map] of maps) {
    const marks: Mark[] = numbered
      .filter((e) => e.place.part === name)
      .flatMap((e) => commentMarks(e.id, e.place.start, e.place.end, map.prefix));
    if (!marks.length) continue;
    replace.set(stored.get(name)!, enc.encode(withUtf8Declaration(applyMarks(map.xml, marks))));
  }

  // The comments part and its registration.
  const author = opts.author?.trim() || DEFAULT_REVIEW_AUTHOR;
  const meta = { author, initials: opts.initials ?? initialsOf(author), date: opts.date ?? new Date() };
  const comments = [...numbered].sort((a, b) => a.number - b.number).map((e) => ({
    id: e.id,
    lines: lines(e),
  }));
  const add = new Map<string, Uint8Array>();
  const commentsBytes = enc.encode(withUtf8Declaration(commentsPart(existing, comments, meta)));
  if (existingName) replace.set(existingName, commentsBytes);
  else add.set(commentsName, commentsBytes);
  if (!target) {
    const xml = enc.encode(withCommentsRelationship(rels));
    if (relsName) replace.set(relsName, xml);
    else add.set(DOC_RELS, xml);
  }
  const ctName = stored.get(CONTENT_TYPES);
  if (ctName) {
    const ct = decodeXml(read(bytes, file, ctName));
    const updated = withContentType(ct, `/${commentsName}`);
    if (updated !== ct) replace.set(ctName, enc.encode(withUtf8Declaration(updated)));
  }
  const placed = numbered.map((e) => ({
    id: e.id,
    number: e.number,
    quote: e.quote,
    exact: e.place.exact,
    part: e.place.part,
    finding: e.finding ? result.findings.indexOf(e.finding) : undefined,
  }));
  return { bytes: rewriteZip(bytes, file, replace, add), comments: placed };
}

/** The title paragraph(s), else the first body paragraph, else the first paragraph of the body part. */
function titlePlace(raw: RawDocument, maps: Map<string, PartMap>, doc: Document): Place {
  const body = maps.get("word/document.xml")!;
  const pick = doc.blocks.find((b) => b.origin === "body" && b.kind === "paragraph" && b.role === "title") ??
    doc.blocks.find((b) => b.origin === "body" && b.kind !== "table");
  const rb = pick ? raw.blocks[pick.index] : undefined;
  const ords = rb?.kind === "paragraph" && rb.source ? rb.source.paragraphs : [body.topLevel[0]];
  const paras = ords.map((o) => body.paras.get(o)).filter((p) => p !== undefined);
  if (!paras.length) throw new Error("正文中没有任何段落，无法添加批注。");
  return whole("word/document.xml", paras[0], paras[paras.length - 1]);
}

/** Stored entry names keyed by their lower-case form. */
function storedNames(bytes: Uint8Array, file: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of listEntries(bytes, file)) {
    if (!m.has(e.name.toLowerCase())) m.set(e.name.toLowerCase(), e.name);
  }
  return m;
}

function read(bytes: Uint8Array, file: string, name: string): Uint8Array {
  const entry = listEntries(bytes, file).find((e) => e.name === name)!;
  return inflateEntry(bytes, entry, file, ZIP_LIMITS.maxPartBytes);
}

/** A relationship target of word/document.xml as a part name ("comments.xml" → "word/comments.xml"). */
function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = ["word"];
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** Output is UTF-8: a part that declared another encoding (UTF-16) gets its declaration corrected. */
function withUtf8Declaration(xml: string): string {
  return xml.replace(
    /^(<\?xml[^>]*?encoding\s*=\s*["'])([^"']+)(["'])/,
    (m, a, enc, b) => /^utf-?8$/i.test(enc) ? m : `${a}UTF-8${b}`,
  );
}

function initialsOf(author: string): string {
  return author === DEFAULT_REVIEW_AUTHOR ? "审核" : [...author].slice(0, 2).join("");
}
