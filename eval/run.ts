/** Audits an evaluation set (the corpus, or a synthetic set) and scores it against its key. */
import { auditBytes } from "../src/audit.ts";
import { RULES } from "../checks/index.ts";
import type { DocumentResult } from "../src/model/report.ts";
import type { KeyFile } from "./key.ts";
import { type DocumentScore, scoreDocument } from "./score.ts";
import { type Tally, tally } from "./tally.ts";
import { type Corpus, loadCorpus } from "./corpus.ts";

export interface EvalDoc {
  name: string;
  bytes: Uint8Array;
  key: KeyFile;
}

export interface SetResult {
  scores: DocumentScore[];
  results: DocumentResult[];
  tally: Tally;
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

export async function evaluate(docs: EvalDoc[], by: "rule" | "operator"): Promise<SetResult> {
  const scores: DocumentScore[] = [];
  const results: DocumentResult[] = [];
  const metas: { result: DocumentResult; key: KeyFile }[] = [];
  for (const d of docs) {
    const { result } = await auditBytes(d.name, d.bytes);
    results.push(result);
    scores.push(scoreDocument(result, d.key));
    metas.push({ result, key: d.key });
  }
  return { scores, results, tally: tally(scores, RULE_IDS, by, metas) };
}

export async function evaluateCorpus(dir?: string): Promise<{ corpus: Corpus } & SetResult> {
  const corpus = await loadCorpus(dir);
  const docs = await Promise.all(
    corpus.docs.map(async (d) => ({ name: d.name, bytes: await Deno.readFile(d.path), key: d.key })),
  );
  return { corpus, ...await evaluate(docs, "rule") };
}

export interface SyntheticOptions {
  seed: number;
  count: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = { seed: 1, count: 70 };

export async function evaluateSynthetic(
  opts: SyntheticOptions,
): Promise<{ layouts: number } & SetResult> {
  const { generateSynthetic } = await import("./synthetic/index.ts");
  const docs = await generateSynthetic(opts);
  const layouts = new Set(docs.map((d) => d.key.layout)).size;
  return { layouts, ...await evaluate(docs, "operator") };
}
