/**
 * Batch throughput: builds an archive of N variants of the sample report (digits in word/document.xml
 * rewritten, so every file has its own hash and figures), then audits it with --jobs 1 and 2, each in its
 * own process so that peak RSS (ru_maxrss = VmHWM, shared by the workers) is per configuration.
 *
 *   deno run --unsafe-proto --allow-read --allow-write --allow-env --allow-sys --allow-run \
 *     bench/batch-archive.ts [N=50] [jobs...=1 2]
 *
 * BENCH_KEEP=1 keeps the archive and the output folders (for profiling a stage on the result). BENCH_FROM=DIR
 * builds the archive from the .docx files of DIR in turn (real reports, e.g. ../shared/corpus) instead of the
 * sample; BENCH_RATE sets the share of digits changed per copy (default 0.2).
 */
import * as path from "node:path";
import process from "node:process";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runBatch } from "../src/batch/index.ts";

const SAMPLE = new URL("../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;

const sec = (ms: number) => (ms / 1000).toFixed(1);

/** Peak RSS of the whole process (workers are threads of it): getrusage ru_maxrss = VmHWM, in kB on Linux. */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** CPU seconds of this process, all its threads (user + system). */
function cpuSeconds(): number {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
}

/**
 * CPU seconds of this process's reaped children and their reaped children (cutime + cstime of
 * /proc/<pid>/stat, in ticks of 1/100 s), read through `cat` (Deno refuses /proc/<pid> to --allow-read):
 * what a run cost whatever else the machine was doing. Linux only; NaN elsewhere.
 */
async function childrenCpuSeconds(): Promise<number> {
  try {
    const { stdout } = await new Deno.Command("cat", { args: [`/proc/${Deno.pid}/stat`] }).output();
    const stat = new TextDecoder().decode(stdout);
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
    return (f[13] + f[14]) / 100; // fields 16 and 17 of proc(5); f[0] is field 3
  } catch {
    return NaN;
  }
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reports the archive is made of: BENCH_FROM (a folder of .docx, e.g. ../shared/corpus), else the sample. */
async function sourceFiles(): Promise<string[]> {
  const from = Deno.env.get("BENCH_FROM");
  if (!from) return [SAMPLE];
  const files: string[] = [];
  for await (const e of Deno.readDir(from)) {
    if (e.isFile && /\.docx$/i.test(e.name)) files.push(path.join(from, e.name));
  }
  if (!files.length) throw new Error(`no .docx in ${from}`);
  return files.sort();
}

async function buildArchive(dir: string, n: number): Promise<void> {
  const pool = await sourceFiles();
  // Share of digits changed in each copy (BENCH_RATE, default 0.2): about one in five, so most sums still
  // hold and some break.
  const rate = Number(Deno.env.get("BENCH_RATE") ?? 0.2);
  const sources = await Promise.all(pool.map(async (file) => {
    const entries = unzipSync(await Deno.readFile(file));
    return { entries, xml: strFromU8(entries["word/document.xml"]) };
  }));
  for (let i = 0; i < n; i++) {
    const { entries, xml } = sources[i % sources.length];
    const rand = rng(i + 1);
    // Only digits inside text runs change.
    const varied = xml.replace(
      /(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g,
      (_m, open, text, close) =>
        open + text.replace(/\d/g, (d: string) => (rand() < rate ? String(Math.floor(rand() * 10)) : d)) +
        close,
    );
    const files = { ...entries, "word/document.xml": strToU8(varied) };
    const sub = path.join(dir, `部门${String(i % 10).padStart(2, "0")}`);
    await Deno.mkdir(sub, { recursive: true });
    await Deno.writeFile(
      path.join(sub, `单位${String(i).padStart(4, "0")}-2023年绩效自评报告.docx`),
      zipSync(files),
    );
  }
}

if (Deno.args[0] === "--child") {
  const [, input, jobs, out] = Deno.args;
  const s = await runBatch({
    inputs: [input],
    outDir: out,
    jobs: Number(jobs),
    progress: "none",
    force: true,
  });
  console.log(
    JSON.stringify({
      jobs: Number(jobs),
      files: s.audited,
      ok: s.run.ok,
      error: s.run.error,
      seconds: s.elapsedMs / 1000,
      filesPerSecond: s.filesPerSecond,
      peakRssMb: peakRssMb(),
      cpuSeconds: cpuSeconds(),
      phases: s.phases,
    }),
  );
  Deno.exit(0);
} else {
  const n = Number(Deno.args[0] ?? 50);
  const jobsList = Deno.args.length > 1 ? Deno.args.slice(1).map(Number) : [1, 2];
  const dir = await Deno.makeTempDir({ prefix: "batch-bench-" });
  try {
    await buildArchive(path.join(dir, "archive"), n);
    console.log(`archive: ${n} files in ${dir}/archive`);
    for (const jobs of jobsList) {
      const cpuBefore = await childrenCpuSeconds();
      const { stdout, code } = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--unsafe-proto",
          "--allow-read",
          "--allow-write",
          "--allow-env",
          "--allow-sys",
          "--allow-run", // the batch audits in subprocesses (src/batch/pool.ts)
          new URL(import.meta.url).pathname,
          "--child",
          path.join(dir, "archive"),
          String(jobs),
          path.join(dir, `out-${jobs}`),
        ],
        stderr: "inherit",
      }).output();
      const line = new TextDecoder().decode(stdout).trim();
      if (code !== 0) throw new Error(`child failed (jobs ${jobs})`);
      const r = JSON.parse(line);
      const cpu = await childrenCpuSeconds() - cpuBefore;
      console.log(
        `jobs ${r.jobs}: ${r.files} files (${r.ok} ok, ${r.error} error) in ${r.seconds.toFixed(1)} s` +
          ` = ${r.filesPerSecond.toFixed(2)} files/s, peak RSS ${r.peakRssMb.toFixed(0)} MB` +
          ` (audits ${sec(r.phases.audits)}, cross-document ${sec(r.phases.archive)},` +
          ` JSONL and summaries ${sec(r.phases.jsonlAndSummaries)}, workbook ${sec(r.phases.workbook)} s)` +
          `; CPU ${cpu.toFixed(1)} s (batch process ${r.cpuSeconds.toFixed(1)}, audit processes ` +
          `${(cpu - r.cpuSeconds).toFixed(1)})`,
      );
    }
  } finally {
    if (Deno.env.get("BENCH_KEEP")) console.log(`kept ${dir}`);
    else await Deno.remove(dir, { recursive: true });
  }
}
