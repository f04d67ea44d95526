/**
 * Writes a synthetic set to a folder for inspection: the .docx files and key.json.
 *   deno run -A eval/synthetic/write.ts --seed 1 --count 10 --out /tmp/syn
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { generateSynthetic } from "./index.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "10" },
    out: { type: "string" },
  },
});
if (!values.out) {
  console.error("用法：deno run -A eval/synthetic/write.ts --seed 1 --count 10 --out 目录");
  Deno.exit(2);
}
const started = performance.now();
const docs = await generateSynthetic({ seed: Number(values.seed), count: Number(values.count) });
const ms = Math.round(performance.now() - started);
await Deno.mkdir(values.out, { recursive: true });
for (const d of docs) await Deno.writeFile(join(values.out, d.name), d.bytes);
const key = {
  about: `Synthetic set, seed ${values.seed}, ${values.count} base reports (eval/synthetic).`,
  files: Object.fromEntries(docs.map((d) => [d.name, d.key])),
};
await Deno.writeTextFile(join(values.out, "key.json"), JSON.stringify(key, null, 2) + "\n");
const layouts = new Set(docs.map((d) => d.key.layout)).size;
const items = docs.reduce((a, d) => a + d.key.items.length, 0);
console.log(
  `${docs.length} files, ${layouts} layouts, ${items} injected defects, generated in ${ms} ms → ${values.out}`,
);
