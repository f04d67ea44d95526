/**
 * Median CPU cost of extract(doc) on the sample, next to a fixed reference loop (so figures taken on a loaded
 * machine can be compared):
 *   deno run --unsafe-proto --allow-read --allow-env --allow-sys bench/extract-timing.ts [runs] [--dump file]
 */
import { readDocument } from "../src/ingest/index.ts";
import { extract } from "../src/extract/index.ts";
import process from "node:process";

const file = new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url);
const doc = await readDocument(await Deno.readFile(file), { file: file.pathname });
const runs = Number(Deno.args.find((a) => /^\d+$/.test(a)) ?? 100);

/** A fixed CPU workload: string building and a Map, roughly the kind of work extraction does. */
function reference(): number {
  const m = new Map<string, number>();
  let acc = 0;
  for (let i = 0; i < 20000; i++) {
    const k = "k" + (i % 997);
    m.set(k, (m.get(k) ?? 0) + i);
    acc += k.length;
  }
  return acc + m.size;
}

/** Median CPU time (user + system) of f, in ms, after warm-up. */
function median(f: () => unknown): number {
  for (let i = 0; i < 30; i++) f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    f();
    const d = process.cpuUsage(c0);
    ts.push((d.user + d.system) / 1000);
  }
  ts.sort((a, b) => a - b);
  return ts[ts.length >> 1];
}

const ref = median(reference);
const ex = median(() => extract(doc));
const ref2 = median(reference);
console.log(
  `extract median CPU ${ex.toFixed(2)} ms; reference loop ${ref.toFixed(2)}/${ref2.toFixed(2)} ms; ratio ${
    (ex / ((ref + ref2) / 2)).toFixed(2)
  }; runs ${runs}; load ${Deno.loadavg().map((x) => x.toFixed(2)).join(" ")}`,
);
const dump = Deno.args.indexOf("--dump");
if (dump >= 0) {
  const e = extract(doc);
  await Deno.writeTextFile(Deno.args[dump + 1], JSON.stringify(e, null, 1));
}
