import assert from "node:assert/strict";
import { exitCode, main } from "../../src/cli/main.ts";
import { AuditReport } from "../../src/model/report.ts";
import { RULES } from "../../checks/index.ts";

const SAMPLE = new URL("../../samples/xundian-hrss-2023-self-evaluation.docx", import.meta.url).pathname;

async function tmp(): Promise<string> {
  return await Deno.makeTempDir({ prefix: "jixiao-cli-" });
}

/** Runs main() with console output silenced; returns the exit code. */
async function quiet(args: string[]): Promise<number> {
  const { log, error } = console;
  console.log = console.error = () => {};
  try {
    return await main(args);
  } finally {
    console.log = log;
    console.error = error;
  }
}

Deno.test("cli: the sample gives error-level findings (exit 1) and a schema-valid JSON report", async () => {
  const out = `${await tmp()}/r.json`;
  assert.equal(await quiet([SAMPLE, "--format", "json", "--out", out]), 1);
  const report = AuditReport.parse(JSON.parse(await Deno.readTextFile(out)));
  assert.equal(report.documents[0].status, "ok");
  assert.equal(report.documents[0].meta.year, 2023);
});

Deno.test("cli: a missing file and a bad file give exit 2, and the good file is still audited", async () => {
  const dir = await tmp();
  await Deno.writeTextFile(`${dir}/bad.docx`, "this is not a zip");
  const out = `${dir}/r.json`;
  assert.equal(await quiet([`${dir}/missing.docx`, `${dir}/bad.docx`, SAMPLE, "-f", "json", "-o", out]), 2);
  const docs = AuditReport.parse(JSON.parse(await Deno.readTextFile(out))).documents;
  assert.deepEqual(docs.map((d) => [d.status, d.error?.code]), [
    ["error", "not-found"],
    ["error", "not-docx"],
    ["ok", undefined],
  ]);
  assert.match(docs[0].error!.message, /missing\.docx/);
});

Deno.test("cli: usage errors exit 2; --help and --list-rules exit 0", async () => {
  assert.equal(await quiet([]), 2);
  assert.equal(await quiet(["--format", "pdf", SAMPLE]), 2);
  assert.equal(await quiet(["--no-such-option"]), 2);
  assert.equal(await quiet(["--reader", "word", SAMPLE]), 2);
  assert.equal(await quiet(["--help"]), 0);
  assert.equal(await quiet(["--list-rules"]), 0);
});

Deno.test("cli: a config that lowers every rule to warning turns exit 1 into 0; a bad config exits 2", async () => {
  const dir = await tmp();
  const off = { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, "warning"])) };
  await Deno.writeTextFile(`${dir}/ok.json`, JSON.stringify(off));
  await Deno.writeTextFile(`${dir}/bad.json`, '{"rules": {"no-such-rule": "off"}}');
  assert.equal(await quiet([SAMPLE, "-c", `${dir}/ok.json`, "-f", "json", "-o", `${dir}/r.json`]), 0);
  assert.equal(await quiet([SAMPLE, "-c", `${dir}/bad.json`]), 2);
});

Deno.test("cli: exitCode ignores suppressed errors", () => {
  const finding = { rule: "x", severity: "error" as const, message: "m", evidence: [], details: {} };
  const doc = {
    file: "a",
    sha256: null,
    status: "ok" as const,
    meta: { title: null, year: null, unit: null },
    diagnostics: [],
  };
  const report = (suppressed: boolean) => ({
    schema: "audit-report/1" as const,
    tool: { name: "t", version: "0" },
    documents: [{ ...doc, findings: [suppressed ? { ...finding, suppressed: { reason: "ok" } } : finding] }],
  });
  assert.equal(exitCode(report(false)), 1);
  assert.equal(exitCode(report(true)), 0);
});

Deno.test("cli: the text summary goes to stdout in a real process", async () => {
  const cmd = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--unsafe-proto",
      "--allow-read",
      "--allow-env",
      "--allow-sys",
      "src/cli/main.ts",
      SAMPLE,
      "--no-color",
    ],
    cwd: new URL("../..", import.meta.url).pathname,
    stdout: "piped",
    stderr: "piped",
  });
  const { code, stdout } = await cmd.output();
  const text = new TextDecoder().decode(stdout);
  assert.equal(code, 1);
  assert.match(text, /conflicting-figure/);
  assert.match(text, /32人/);
  assert.ok(!text.includes("\u001b["), "no colour codes with --no-color");
});
