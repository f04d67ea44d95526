/**
 * Reads an annotated .docx back for the tests: the comments (id, author, text), the text each comment range
 * covers (as the reader reads it: w:t text, tabs and breaks, deleted text and field codes left out), and the
 * order of range markup, so Word's rules can be checked.
 */
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export interface ReadBack {
  entries: Record<string, Uint8Array>;
  comments: Map<string, { author: string; initials: string; text: string[] }>;
  /** Text between commentRangeStart and commentRangeEnd, per id, per story part. */
  ranges: Map<string, string>;
  /** Problems with the markup (empty when Word's rules hold). */
  problems: string[];
  /** All w:t text of a part concatenated. */
  allText: (part: string) => string;
}

const dec = new TextDecoder();

export function readBack(bytes: Uint8Array): ReadBack {
  const entries = unzipSync(bytes);
  const comments = new Map<string, { author: string; initials: string; text: string[] }>();
  const problems: string[] = [];
  const cx = entries["word/comments.xml"];
  if (cx) {
    let cur: { author: string; initials: string; text: string[] } | undefined;
    let para = "";
    let inT = false;
    walk(dec.decode(cx), {
      open(n, a) {
        if (n === "w:comment") {
          if (comments.has(a["w:id"])) problems.push(`duplicate comment id ${a["w:id"]}`);
          cur = { author: a["w:author"], initials: a["w:initials"], text: [] };
          comments.set(a["w:id"], cur);
        } else if (n === "w:t") inT = true;
        else if (n === "w:p") para = "";
      },
      close(n) {
        if (n === "w:t") inT = false;
        else if (n === "w:p" && cur) cur.text.push(para);
      },
      text(t) {
        if (inT) para += t;
      },
    });
  }
  const ranges = new Map<string, string>();
  for (const part of ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"]) {
    const b = entries[part];
    if (!b) continue;
    const open = new Map<string, string>();
    const ended = new Set<string>();
    const bookmarks = new Set<string>();
    let skip = 0, inT = false, markDeleted = false, inRun = 0, inPPr = false;
    const add = (s: string) => {
      for (const [k, v] of open) open.set(k, v + s);
    };
    walk(dec.decode(b), {
      open(n, a, empty) {
        if (skip) return void (empty || skip++);
        if (["w:del", "w:moveFrom", "w:instrText", "mc:Choice", "w:delText"].includes(n)) {
          if (n === "w:del" && inPPr) markDeleted = true;
          if (!empty) skip = 1;
          return;
        }
        const id = a["w:id"];
        if (n === "w:r") inRun++;
        else if (n === "w:p") markDeleted = false;
        else if (n === "w:pPr") inPPr = !empty;
        else if (n === "w:t") inT = true;
        else if (n === "w:tab" && inRun) add("\t");
        else if (n === "w:br" && (!a["w:type"] || a["w:type"] === "textWrapping")) add("\n");
        else if (n === "w:commentRangeStart") {
          if (inRun) problems.push(`commentRangeStart ${id} inside a run`);
          if (open.has(id) || ranges.has(id)) problems.push(`commentRangeStart ${id} twice`);
          open.set(id, "");
        } else if (n === "w:commentRangeEnd") {
          if (inRun) problems.push(`commentRangeEnd ${id} inside a run`);
          if (!open.has(id)) problems.push(`commentRangeEnd ${id} without start`);
          else (ranges.set(id, open.get(id)!), open.delete(id), ended.add(id));
        } else if (n === "w:commentReference") {
          if (!ended.has(id) && !/^\d+$/.test(id ?? "")) problems.push(`bad reference ${id}`);
          if (!ended.has(id) && ranges.has(id)) problems.push(`reference ${id} before its range ends`);
        } else if (n === "w:bookmarkStart") bookmarks.add(id);
        else if (n === "w:bookmarkEnd") {
          if (!bookmarks.delete(id)) problems.push(`bookmarkEnd ${id} without start`);
        }
      },
      close(n) {
        if (skip) return void skip--;
        if (n === "w:t") inT = false;
        else if (n === "w:r") inRun--;
        else if (n === "w:pPr") inPPr = false;
        else if (n === "w:p" && !markDeleted) add("\n");
      },
      text(t) {
        if (inT && !skip) add(t);
      },
    });
    for (const id of open.keys()) problems.push(`commentRangeStart ${id} never ends in ${part}`);
    for (const id of bookmarks) problems.push(`bookmarkStart ${id} never ends in ${part}`);
  }
  for (const id of ranges.keys()) if (!comments.has(id)) problems.push(`range ${id} has no comment`);
  const allText = (part: string) => {
    const b = entries[part];
    let s = "", inT = false;
    if (b) {
      walk(dec.decode(b), {
        open: (n) => void (n === "w:t" && (inT = true)),
        close: (n) => void (n === "w:t" && (inT = false)),
        text: (t) => void (inT && (s += t)),
      });
    }
    return s;
  };
  return { entries, comments, ranges, problems, allText };
}

interface Handlers {
  open(name: string, attrs: Record<string, string>, empty: boolean): void;
  close(name: string): void;
  text(t: string): void;
}

function walk(xml: string, h: Handlers): void {
  const p = new SaxesParser({ xmlns: false });
  p.on("opentag", (t) => h.open(t.name, t.attributes as Record<string, string>, t.isSelfClosing));
  p.on("closetag", (t) => h.close(t.name));
  p.on("text", h.text);
  p.write(xml).close();
}
