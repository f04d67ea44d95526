/**
 * Names of the per-document outputs of a batch (reports/<name>.html, <name>.审核批注.docx): the input's
 * name without its extension, made unique across the run. Worked out from every file discovered, before
 * sharding, so that shards and re-runs name a file the same way.
 */
import * as path from "node:path";

/** Characters Windows refuses in a file name, and controls. */
// deno-lint-ignore no-control-regex -- control characters are what is removed
const UNSAFE = /[\x00-\x1f\x7f<>:"/\\|?*]/g;

/** A file-name-safe stem: no separators or reserved characters, no leading dots, at most 120 characters. */
export function safeStem(s: string): string {
  const clean = s.replace(UNSAFE, "_").replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  return [...(clean || "文档")].slice(0, 120).join("");
}

function stemOf(p: string): string {
  const base = path.basename(p);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

/**
 * Output name for each file, keyed by `key` (the real path): the stem alone when no other file has it;
 * otherwise its folder path inside the input joined in (「a_报告」, 「b_报告」), then the extension
 * (「报告_csv」), then a number, until unique. Case-insensitive, as on Windows and macOS file systems.
 */
export function outputNames(files: { key: string; rel: string }[]): Map<string, string> {
  const sorted = [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : a.key < b.key ? -1 : 1));
  const byStem = new Map<string, typeof sorted>();
  for (const f of sorted) {
    const k = safeStem(stemOf(f.rel)).toLowerCase();
    byStem.set(k, [...(byStem.get(k) ?? []), f]);
  }
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const claim = (key: string, name: string) => {
    let n = name, i = 2;
    while (taken.has(n.toLowerCase())) n = `${name}-${i++}`;
    taken.add(n.toLowerCase());
    names.set(key, n);
  };
  // Unique stems first, so that a disambiguated name never takes a plain one.
  for (const group of byStem.values()) {
    if (group.length === 1) claim(group[0].key, safeStem(stemOf(group[0].rel)));
  }
  for (const group of byStem.values()) {
    if (group.length === 1) continue;
    const withDir = (f: { rel: string }) => {
      const dir = path.posix.dirname(f.rel);
      return safeStem(dir === "." ? stemOf(f.rel) : `${dir.replaceAll("/", "_")}_${stemOf(f.rel)}`);
    };
    const counts = new Map<string, number>();
    for (const f of group) {
      counts.set(withDir(f).toLowerCase(), (counts.get(withDir(f).toLowerCase()) ?? 0) + 1);
    }
    for (const f of group) {
      const base = withDir(f);
      const ext = path.extname(f.rel).slice(1).toLowerCase();
      claim(f.key, counts.get(base.toLowerCase())! > 1 && ext ? safeStem(`${base}_${ext}`) : base);
    }
  }
  return names;
}

export const REPORTS_DIR = "reports";
export const ANNOTATED_SUFFIX = ".审核批注.docx";
export const WORKBOOK_NAME = "审核结果.xlsx";

/** reports/<name>.html, relative to the output folder (the workbook links to it). */
export function reportRel(name: string): string {
  return `${REPORTS_DIR}/${name}.html`;
}

/** <name>.审核批注.docx, relative to the output folder. */
export function annotatedRel(name: string): string {
  return `${name}${ANNOTATED_SUFFIX}`;
}
