/**
 * Maps each w:p of a story part to the text the OOXML reader (src/ingest/ooxml/body.ts) reads from it, char
 * by char, with the XML positions each char was written at. Same rules as the reader: tracked changes
 * accepted (w:del/w:moveFrom skipped), field instructions skipped and results kept, mc:Choice skipped, text
 * of nested paragraphs (text boxes) belonging to the innermost paragraph. w:p ordinals count every w:p
 * start tag, as the reader's trace does, so RawParagraph.source points into this map.
 */
import { nameNormaliser } from "../../ingest/ooxml/names.ts";
import { decodeText, tagAttrs, type TagToken, tokenize } from "./xml-scan.ts";
import { FieldCodes } from "../../ingest/ooxml/fields.ts";

export interface RunInfo {
  start: TagToken;
  /** Offset after the run's w:rPr (or after its start tag when it has none). */
  contentStart: number;
  /** The run's w:rPr as written ("" when none): copied into the second half of a split run. */
  rPr: string;
  closeStart: number;
  closeEnd: number;
}

export interface TInfo {
  start: TagToken;
  preserve: boolean;
  closeStart: number;
  closeEnd: number;
}

export interface CharRef {
  /** The run holding the char (undefined for malformed input: the char cannot be split at). */
  run?: RunInfo;
  /** Set for chars of w:t text; absent for w:tab, w:br and the like. */
  t?: TInfo;
  /** Where the char (or the element producing it) starts and ends in the part. */
  rawStart: number;
  rawEnd: number;
}

export interface ParaInfo {
  ord: number;
  start: TagToken;
  /** Offset after w:pPr (or after the start tag): where paragraph content begins. */
  contentStart: number;
  /** Offset of "</w:p>". */
  closeStart: number;
  text: string;
  chars: CharRef[];
  /** Ordinal of the outermost paragraph holding this one (itself when top-level). */
  outer: number;
  inTextbox: boolean;
}

export interface PartMap {
  xml: string;
  /** The prefix bound to the WordprocessingML namespace in this part (normally "w"). */
  prefix: string;
  paras: Map<number, ParaInfo>;
  /** Ordinals of top-level (not nested, not skipped) paragraphs, in order. */
  topLevel: number[];
}

const W_NS = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);

/** Same set as body.ts SKIPPED, plus the tracked deletions. */
const SKIPPED = new Set([
  "w:delText",
  "w:instrText",
  "w:delInstrText",
  "mc:Choice",
  "w:sectPr",
  "w:fldData",
  "w:tblPr",
  "w:tblGrid",
  "w:del",
  "w:moveFrom",
]);
const INLINE = new Set(["w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:softHyphen"]);
const SEPARATOR_NOTES = new Set(["separator", "continuationSeparator", "continuationNotice"]);

export function wordPrefix(rootAttrs: Record<string, string>): string {
  for (const [k, v] of Object.entries(rootAttrs)) {
    if (k.startsWith("xmlns:") && W_NS.has(v)) return k.slice(6);
  }
  return "w";
}

export function mapPart(xml: string): PartMap {
  const tokens = tokenize(xml);
  const root = tokens.find((t): t is TagToken => t.kind === "open" || t.kind === "empty");
  const rootAttrs = root ? tagAttrs(xml, root) : {};
  const norm = nameNormaliser(rootAttrs);
  const paras = new Map<number, ParaInfo>();
  const topLevel: number[] = [];
  const pStack: ParaInfo[] = [];
  const runs: RunInfo[] = [];
  let t: TInfo | undefined;
  let ord = -1;
  let skip = 0;
  let inPPr = false;
  let rPrStart = -1; // start of a run's w:rPr being skipped
  let txbx = 0;
  const fields = new FieldCodes();
  let inline: CharRef | undefined; // a non-empty inline element waiting for its end tag

  const push = (c: CharRef, s: string) => {
    const p = pStack[pStack.length - 1];
    if (!p || fields.inInstructions) return;
    for (let k = 0; k < s.length; k++) p.chars.push(c);
    p.text += s;
  };

  for (const tok of tokens) {
    if (tok.kind === "text") {
      if (!t || skip > 0 || fields.inInstructions || !pStack.length) continue;
      const { text, raw } = decodeText(xml, tok);
      const p = pStack[pStack.length - 1];
      const run = runs[runs.length - 1];
      for (let k = 0; k < text.length; k++) p.chars.push({ run, t, rawStart: raw[k], rawEnd: raw[k + 1] });
      p.text += text;
      continue;
    }
    const name = norm(tok.name);
    if (tok.kind === "close") {
      if (skip > 0) {
        if (--skip === 0 && rPrStart >= 0) {
          const run = runs[runs.length - 1];
          if (run) (run.rPr = xml.slice(rPrStart, tok.end), run.contentStart = tok.end);
          rPrStart = -1;
        }
        continue;
      }
      if (name === "w:p") {
        const p = pStack.pop();
        if (p) p.closeStart = tok.start;
      } else if (name === "w:pPr") {
        inPPr = false;
        const p = pStack[pStack.length - 1];
        if (p) p.contentStart = tok.end;
      } else if (name === "w:r") {
        const run = runs.pop();
        if (run) (run.closeStart = tok.start, run.closeEnd = tok.end);
      } else if (name === "w:t") {
        if (t) (t.closeStart = tok.start, t.closeEnd = tok.end);
        t = undefined;
      } else if (name === "w:txbxContent") txbx--;
      else if (inline && INLINE.has(name)) (inline.rawEnd = tok.end, inline = undefined);
      continue;
    }
    const open = tok.kind === "open";
    if (name === "w:p") ord++;
    if (skip > 0) {
      if (open) skip++;
      continue;
    }
    if (
      SKIPPED.has(name) || name.endsWith("Change") ||
      (name === "w:rPr" && !inPPr) ||
      ((name === "w:footnote" || name === "w:endnote") && SEPARATOR_NOTES.has(attrOf(xml, tok, "type")))
    ) {
      if (name === "w:rPr") {
        const run = runs[runs.length - 1];
        if (!open && run) (run.rPr = xml.slice(tok.start, tok.end), run.contentStart = tok.end);
        else rPrStart = tok.start;
      }
      if (open) skip = 1;
      else rPrStart = -1;
      continue;
    }
    switch (name) {
      case "w:p": {
        const outer = pStack.length ? pStack[0].outer : ord;
        const p: ParaInfo = {
          ord,
          start: tok,
          contentStart: tok.end,
          closeStart: tok.start,
          text: "",
          chars: [],
          outer,
          inTextbox: txbx > 0,
        };
        paras.set(ord, p);
        if (!pStack.length) topLevel.push(ord);
        if (open) pStack.push(p);
        break;
      }
      case "w:pPr":
        if (open) inPPr = true;
        break;
      case "w:r":
        if (open) runs.push({ start: tok, contentStart: tok.end, rPr: "", closeStart: -1, closeEnd: -1 });
        break;
      case "w:t":
        if (open) {
          const raw = xml.slice(tok.start, tok.end);
          t = {
            start: tok,
            preserve: /xml:space\s*=\s*["']preserve/.test(raw),
            closeStart: -1,
            closeEnd: -1,
          };
        }
        break;
      case "w:txbxContent":
        if (open) txbx++;
        break;
      case "w:fldChar":
        fields.fldChar(attrOf(xml, tok, "fldCharType"));
        break;
      default:
        if (INLINE.has(name) && !inPPr) {
          const s = inlineText(name, attrOf(xml, tok, "type"));
          const c: CharRef = { run: runs[runs.length - 1], rawStart: tok.start, rawEnd: tok.end };
          push(c, s);
          if (open) inline = c;
        }
    }
  }
  return { xml, prefix: wordPrefix(rootAttrs), paras, topLevel };
}

function attrOf(xml: string, tok: TagToken, local: string): string {
  const a = tagAttrs(xml, tok);
  for (const k in a) if (k === local || k.endsWith(":" + local)) return a[k];
  return "";
}

function inlineText(name: string, type: string): string {
  switch (name) {
    case "w:tab":
      return "\t";
    case "w:br":
      return type === "" || type === "textWrapping" ? "\n" : "";
    case "w:cr":
      return "\n";
    case "w:noBreakHyphen":
      return "\u2011";
    default:
      return "\u00AD";
  }
}
