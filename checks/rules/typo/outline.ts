/**
 * A heading or 目录 entry that is a standard section name with one stray character inserted strictly inside
 * it (「四、评价结论及时建议……21」 for 评价结论及建议): numbering and a page number (dotted or glued) are
 * stripped first. A character that makes a legitimate variant (的, 及, 总 …: OUTLINE_VARIANT_CHARS) is no
 * slip, nor is a title that is itself a standard name. Vocabulary: src/analysis/vocab-outline.ts.
 */
import { parseMarker } from "../../../src/ingest/headings.ts";
import {
  MIN_OUTLINE_NAME_CHARS,
  OUTLINE_VARIANT_CHARS,
  STANDARD_SECTION_NAMES,
} from "../../../src/analysis/vocab-outline.ts";

export interface OutlineSlip {
  /** The title as written, numbering, page number and spaces removed. */
  title: string;
  /** The standard name it differs from by one character. */
  name: string;
  /** The inserted character. */
  extra: string;
}

const NAMES: ReadonlySet<string> = new Set(STANDARD_SECTION_NAMES);
const VARIANT: ReadonlySet<string> = new Set(OUTLINE_VARIANT_CHARS);
/** A trailing page number: after leader dots or spaces, or glued to the title (评价结论及建议18). */
const PAGE_NUMBER = /[\s\u3000]*(?:[.．…·•\-_—]{2,}[\s\u3000]*)?[0-9０-９]{1,4}[\s\u3000]*$/;
const TRAILING_PUNCT = /[。：:．.，,；;\s\u3000]+$/;
const HAN = /^\p{Script=Han}$/u;

/** The title of a heading or 目录 line: numbering, page number, trailing punctuation and spaces removed. */
export function outlineTitle(line: string): string {
  const marker = parseMarker(line);
  const t = (marker ? marker.title : line).replace(PAGE_NUMBER, "").replace(TRAILING_PUNCT, "");
  return t.replace(/[\s\u3000]+/g, "");
}

/** The slip in a heading or 目录 line, or null. */
export function outlineSlip(line: string): OutlineSlip | null {
  const title = outlineTitle(line);
  if (title.length <= MIN_OUTLINE_NAME_CHARS || NAMES.has(title)) return null;
  // strictly inside: neither the first nor the last character of the title is the inserted one
  for (let i = 1; i < title.length - 1; i++) {
    const name = title.slice(0, i) + title.slice(i + 1);
    const extra = title[i];
    if (!NAMES.has(name) || !HAN.test(extra) || VARIANT.has(extra)) continue;
    return { title, name, extra };
  }
  return null;
}
