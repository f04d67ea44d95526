/**
 * Messages are written by the rules, and some name the finding's own places as section paths
 * (「一、部门概况 › （三）部门工作完成情况」). Where the report already shows each place under the message
 * (HTML), a path that repeats a place is taken out of the sentence in rendering only: a trailing list of the
 * places is dropped, and a path inside a sentence is shortened to its last heading. Messages without such
 * paths are left exactly as written.
 */
import type { Evidence } from "../model/finding.ts";

const SEP = " › ";

/** The message without the section paths that repeat its evidence's places. */
export function withoutPlacePaths(message: string, evidence: Evidence[]): string {
  if (!message.includes("「")) return message;
  // Only a quoted path with a separator that is one of the places can change the message.
  const paths = new Set<string>();
  let quoted = false;
  for (const e of evidence) {
    const s = e.section;
    if (s === "" || paths.has(s)) continue;
    paths.add(s);
    if (!quoted && s.includes(SEP) && message.includes(`「${s}」`)) quoted = true;
  }
  if (!quoted) return message;
  // "…：「p1」、「p2」、「p3」" at the end of a sentence, every item one of the places: dropped.
  let out = message.replace(
    /：((?:「[^「」]+」、)*「[^「」]+」)(?=[。；;，,]|$)/g,
    (whole, list: string) => {
      const items = [...list.matchAll(/「([^「」]+)」/g)].map((m) => m[1]);
      return items.length > 0 && items.every((p) => paths.has(p)) && items.some((p) => p.includes(SEP))
        ? ""
        : whole;
    },
  );
  // Any other 「path › …」 of a place: its last heading only.
  out = out.replace(/「([^「」]+)」/g, (whole, p: string) => {
    if (!paths.has(p) || !p.includes(SEP)) return whole;
    return `「${p.slice(p.lastIndexOf(SEP) + SEP.length)}」`;
  });
  return out;
}
