/** Helper for the Ctrl-C test: runs one batch in its own process and prints the summary as JSON. */
import { runBatch } from "../../src/batch/index.ts";
import type { BatchOptions } from "../../src/batch/index.ts";

const summary = await runBatch(JSON.parse(Deno.args[0]) as BatchOptions);
console.log(JSON.stringify(summary));
// As the CLI must: a worker stuck in busy JS survives terminate() and would keep the process alive.
Deno.exit(0);
