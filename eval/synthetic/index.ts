/**
 * Synthetic evaluation set: `count` base reports, each rendered as a clean twin and as a twin with 4–5
 * injected defects whose expected findings are in the key (same format as the corpus key, eval/key.ts).
 */
import type { KeyFile, KeyItem } from "../key.ts";
import { buildReport } from "./build.ts";
import { drawLayout, layoutSignature } from "./layout.ts";
import type { ReportModel } from "./model.ts";
import { negatives } from "./negatives.ts";
import { EXCLUSIVE, OPERATORS } from "./operators/index.ts";
import { renderDocx } from "./render.ts";
import { Rng } from "./rng.ts";

export interface SyntheticDoc {
  name: string;
  bytes: Uint8Array;
  key: KeyFile;
}

export interface SyntheticModel {
  name: string;
  model: ReportModel;
  key: KeyFile;
}

/** Base report `i` of a seed; built twice from the same draws, it gives two identical models. */
function base(seed: number, i: number): ReportModel {
  const rng = new Rng(seed * 100003 + i * 7919 + 17);
  const layout = drawLayout(rng);
  const year = rng.int(2016, 2025);
  return buildReport(rng, layout, year);
}

const RESTRICTED = ["toc-renamed", "questionnaire-over"];

/** Chooses `want` operators, least-used first, and applies them; returns the key items. */
function inject(
  model: ReportModel,
  rng: Rng,
  usage: Map<string, number>,
  tag: string,
  want: number,
): KeyItem[] {
  // Least used first; operators that need a 目录 or a questionnaire first among equals (fewer chances).
  const rank = (n: string) => (usage.get(n) ?? 0) - (RESTRICTED.includes(n) ? 0.5 : 0);
  const order = rng.shuffle(Object.keys(OPERATORS)).sort((a, b) => rank(a) - rank(b));
  const chosen: string[] = [];
  for (const name of order) {
    if (chosen.length >= want) break;
    if (
      EXCLUSIVE.some(([a, b]) => (name === a && chosen.includes(b)) || (name === b && chosen.includes(a)))
    ) continue;
    if (applicable(model, name)) chosen.push(name);
  }
  const items: KeyItem[] = [];
  // Apply in registry order (the duplicated paragraph last).
  for (const name of Object.keys(OPERATORS).filter((n) => chosen.includes(n))) {
    const item = OPERATORS[name](model, rng);
    if (!item) continue;
    usage.set(name, (usage.get(name) ?? 0) + 1);
    items.push({ id: `${tag}-${items.length + 1}`, tier: "core", operator: name, ...item });
  }
  return items;
}

/** Whether the operator has something to work on (checked on a throwaway copy of the base). */
function applicable(model: ReportModel, name: string): boolean {
  const b = model.blocks;
  switch (name) {
    case "toc-renamed":
      return b.some((x) => x.kind === "toc");
    case "questionnaire-over":
      return b.some((x) => x.kind === "quest-table") || model.facts.questSentences.length > 0;
    case "score-over-weight":
    case "score-subtotal":
      return b.some((x) => x.kind === "score-table" || x.kind === "project-table");
    default:
      return true;
  }
}

/** Models and keys without rendering (for tests and the CLI). */
export function generateModels(opts: { seed: number; count: number }): SyntheticModel[] {
  const out: SyntheticModel[] = [];
  const usage = new Map<string, number>();
  const rng = new Rng(opts.seed);
  for (let i = 1; i <= opts.count; i++) {
    const tag = `S${String(i).padStart(4, "0")}`;
    const clean = base(opts.seed, i);
    const defect = base(opts.seed, i);
    const layout = layoutSignature(clean.layout);
    const meta = { title: clean.title, year: clean.year, unit: clean.unit };
    out.push({
      name: `${tag}-clean.docx`,
      model: clean,
      key: { items: [], negatives: negatives(clean), clean: true, layout, meta },
    });
    // 4 and 5 defects in turn: 13 operators × ≥ 20 injections fit in 60 twins.
    const items = inject(defect, rng.fork(i), usage, tag, 4 + (i % 2));
    out.push({
      name: `${tag}-defect.docx`,
      model: defect,
      key: { items, negatives: negatives(defect), clean: false, layout, meta },
    });
  }
  return out;
}

export async function generateSynthetic(opts: { seed: number; count: number }): Promise<SyntheticDoc[]> {
  const models = generateModels(opts);
  const bytes = await Promise.all(models.map((m) => renderDocx(m.model)));
  return models.map((m, i) => ({ name: m.name, bytes: bytes[i], key: m.key }));
}
