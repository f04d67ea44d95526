/**
 * Whole-audit timing on one report, per stage, for both readers, with mammoth's convertToHtml alone as the
 * yardstick (medians of N runs after a warm-up, in one process), then each rule's time on a freshly read
 * document, the rules sharing one context in registry order (what the checks stage pays for each), and on
 * one document checked again (the rule's own work once the per-document views are filled):
 *   deno run --unsafe-proto --allow-read --allow-env --allow-sys bench/audit-stages.ts [file.docx] [N]
 */
import { checkContext } from "../src/testing/context.ts";
import mammoth from "mammoth";
import { readDocument, type ReaderName } from "../src/ingest/index.ts";
import { extract } from "../src/extract/index.ts";
import { runChecks } from "../src/audit.ts";
import { RULES } from "../checks/index.ts";
import { DEFAULT_CONFIG } from "../src/model/config.ts";

const file = Deno.args[0] ||
  new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;
const n = Number(Deno.args[1] ?? 50);
const bytes = await Deno.readFile(file);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const mammothAlone: number[] = [];
for (let i = 0; i <= n; i++) {
  const ms = await time(() => mammoth.convertToHtml({ buffer: bytes } as unknown as { path: string }));
  if (i > 0) mammothAlone.push(ms);
}

const rows: string[] = [];
for (const reader of ["ooxml", "mammoth"] as ReaderName[]) {
  const stages = {
    ingest: [] as number[],
    extract: [] as number[],
    checks: [] as number[],
    total: [] as number[],
  };
  for (let i = 0; i <= n; i++) {
    const t0 = performance.now();
    const doc = await readDocument(bytes, { file, reader });
    const t1 = performance.now();
    const ex = extract(doc);
    const t2 = performance.now();
    runChecks(doc, ex, DEFAULT_CONFIG);
    const t3 = performance.now();
    if (i === 0) continue; // warm-up: module init and JIT
    stages.ingest.push(t1 - t0);
    stages.extract.push(t2 - t1);
    stages.checks.push(t3 - t2);
    stages.total.push(t3 - t0);
  }
  const m = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)]));
  rows.push(
    `| ${reader} | ${m.ingest.toFixed(1)} | ${m.extract.toFixed(1)} | ${m.checks.toFixed(1)} | ${
      m.total.toFixed(1)
    } | ` +
      `${(m.total / median(mammothAlone)).toFixed(2)} |`,
  );
}

console.log(`file: ${file}; ${n} runs each; medians in ms; load average: ${Deno.loadavg().join(" ")}`);
console.log(`mammoth convertToHtml alone: ${median(mammothAlone).toFixed(1)} ms`);
console.log("| reader | ingest | extract | checks | total | total ÷ mammoth alone |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) console.log(r);

// Per rule: on a fresh document each run (ooxml reader, rules in registry order sharing one context, as
// runChecks runs them: a rule pays for the shared views it is the first to ask for), and on one document
// checked repeatedly.
const fresh: Record<string, number[]> = {};
const again: Record<string, number[]> = {};
for (let i = 0; i <= n; i++) {
  const doc = await readDocument(bytes, { file, reader: "ooxml" });
  const extraction = extract(doc);
  const ctx = checkContext({ doc, extraction, config: DEFAULT_CONFIG });
  for (const rule of RULES) {
    const t0 = performance.now();
    rule.check(ctx);
    if (i > 0) (fresh[rule.meta.id] ??= []).push(performance.now() - t0);
  }
}
{
  const doc = await readDocument(bytes, { file, reader: "ooxml" });
  const extraction = extract(doc);
  const ctx = checkContext({ doc, extraction, config: DEFAULT_CONFIG }); // views shared across runs
  for (let i = 0; i <= n; i++) {
    for (const rule of RULES) {
      const t0 = performance.now();
      rule.check(ctx);
      if (i > 0) (again[rule.meta.id] ??= []).push(performance.now() - t0);
    }
  }
}
console.log(`\nper rule (ms, medians; load average: ${Deno.loadavg().join(" ")})`);
console.log("| rule | fresh document | same document again |");
console.log("| --- | --- | --- |");
let sumFresh = 0, sumAgain = 0;
for (const rule of RULES) {
  const [f, a] = [median(fresh[rule.meta.id]), median(again[rule.meta.id])];
  sumFresh += f;
  sumAgain += a;
  console.log(`| ${rule.meta.id} | ${f.toFixed(2)} | ${a.toFixed(2)} |`);
}
console.log(`| sum of medians | ${sumFresh.toFixed(1)} | ${sumAgain.toFixed(1)} |`);
