/**
 * The development corpus (../shared/corpus/, see its README): key.json, one .docx per key entry, and the
 * README's sources table, which gives the expected title, issuing body and year of each file.
 */
import { join } from "node:path";
import { Key, type KeyFile } from "./key.ts";
import { sha256Hex } from "../src/util/hash.ts";

export interface CorpusDoc {
  /** The key's name for the file (NAME.txt). */
  name: string;
  /** Path of the Word file audited (NAME.docx). */
  path: string;
  key: KeyFile;
}

export interface Corpus {
  dir: string;
  /** First 12 hex digits of key.json's sha256, and the number of files: what the figures were measured on. */
  version: string;
  docs: CorpusDoc[];
}

export const DEFAULT_CORPUS_DIR = new URL("../../shared/corpus/", import.meta.url).pathname;

export async function loadCorpus(dir = DEFAULT_CORPUS_DIR): Promise<Corpus> {
  const keyBytes = await Deno.readFile(join(dir, "key.json"));
  const key = Key.parse(JSON.parse(new TextDecoder().decode(keyBytes)));
  const expected = parseSourcesTable(await Deno.readTextFile(join(dir, "README.md")));
  const docs: CorpusDoc[] = Object.entries(key.files).sort(([a], [b]) => a.localeCompare(b)).map((
    [name, file],
  ) => ({
    name,
    path: join(dir, name.replace(/\.txt$/, ".docx")),
    key: { ...file, meta: file.meta ?? expected.get(name) },
  }));
  const version = `${(await sha256Hex(keyBytes)).slice(0, 12)} (${docs.length} files)`;
  return { dir, version, docs };
}

type ExpectedMeta = NonNullable<KeyFile["meta"]>;

/** Rows of the README's sources table: | file | title as published | issuing body | province | year | … */
export function parseSourcesTable(readme: string): Map<string, ExpectedMeta> {
  const out = new Map<string, ExpectedMeta>();
  for (const line of readme.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 7 || !/\.txt$/.test(cells[1])) continue;
    const [, file, title, body, , years] = cells;
    const yearMatch = /(\d{4})\D*$/.exec(years);
    out.set(file, {
      title,
      unit: body.replace(/[（(].*?[）)]/g, "").trim() || undefined,
      year: yearMatch ? Number(yearMatch[1]) : undefined,
    });
  }
  return out;
}
