/**
 * Runs readDocument N times per reader and prints medians (ms).
 *   deno run --unsafe-proto --allow-read --allow-env --allow-sys bench/ingest-whole.ts [file.docx] [N]
 */
import { readDocument, type ReaderName } from "../src/ingest/index.ts";

const file = Deno.args[0] ||
  new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;
const n = Number(Deno.args[1] ?? 20);
const bytes = await Deno.readFile(file);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

for (const reader of ["ooxml", "mammoth"] as ReaderName[]) {
  const times: number[] = [];
  let first = 0;
  for (let i = 0; i < n + 1; i++) {
    const t0 = performance.now();
    const doc = await readDocument(bytes, { file, reader });
    const ms = performance.now() - t0;
    if (i === 0) first = ms; // cold: module init and JIT warm-up
    else times.push(ms);
    if (i === n) console.log(`${reader}: ${doc.blocks.length} blocks`);
  }
  console.log(
    `${reader}: first ${first.toFixed(1)} ms, median of ${n} ${median(times).toFixed(1)} ms, ` +
      `min ${Math.min(...times).toFixed(1)} ms`,
  );
}
