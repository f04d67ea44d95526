import assert from "node:assert/strict";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { fileUri, renderSarif } from "../../src/render/sarif.ts";
import { emptyInput, errorResult, report, sampleInput } from "./fixtures.ts";

/**
 * The SARIF 2.1.0 schema (draft-04, as published in the schemastore; file taken from the npm package
 * @microsoft/jest-sarif@1.0.0-beta.0, lib/schemas/sarif-2.1.0-rtm.5.json), read locally: no network.
 */
const schema = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/sarif-2.1.0-rtm.5.json", import.meta.url)),
);
// unicodeRegExp off: the published rtm.5 schema has a pattern ("language") that is invalid with the u flag.
// CommonJS modules: the class and the plugin are their `default` members.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

// deno-lint-ignore no-explicit-any -- the tests walk the parsed JSON freely
function valid(text: string): any {
  const log = JSON.parse(text);
  const ok = validate(structuredClone(log));
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  return log;
}

Deno.test("sarif: the schema itself rejects a broken log (the validator is live)", () => {
  const withUri = (uri: string) => ({
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "x" } }, artifacts: [{ location: { uri } }] }],
  });
  assert.equal(validate(withUri("samples/a%20b.docx")), true);
  assert.equal(validate(withUri("samples/a b.docx")), false, "uri-reference format is checked");
  assert.equal(validate({ version: "2.1.0", runs: [{ results: [] }] }), false, "run without tool");
  assert.equal(
    validate({
      version: "2.1.0",
      runs: [{ tool: { driver: { name: "x" } }, results: [{ level: "fatal", message: { text: "m" } }] }],
    }),
    false,
  );
});

Deno.test("sarif: valid 2.1.0 log with rules, levels, locations and suppressions", () => {
  const log = valid(renderSarif(sampleInput()));
  const run = log.runs[0];
  assert.equal(log.version, "2.1.0");
  const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
  assert.deepEqual(ids, ["sum-mismatch", "duplicate-paragraph", "odd-quote", "unlisted-rule"]);
  const sum = run.tool.driver.rules[0];
  assert.equal(sum.name, "合计不符");
  assert.equal(sum.fullDescription.text, "Table totals must equal the sum of their items.");
  assert.equal(sum.defaultConfiguration.level, "error");
  assert.equal(run.tool.driver.rules[2].defaultConfiguration.level, "note");

  assert.equal(run.results.length, 5);
  const dup = run.results[0];
  assert.equal(dup.ruleId, "duplicate-paragraph");
  assert.equal(dup.ruleIndex, 1);
  assert.equal(dup.level, "warning");
  assert.equal(dup.locations.length, 2);
  const loc = dup.locations[1];
  assert.equal(
    loc.physicalLocation.artifactLocation.uri,
    "samples/%E6%B5%8B%E8%AF%95%20%E6%8A%A5%E5%91%8A.docx",
  );
  assert.deepEqual(loc.physicalLocation.region, {
    startLine: 8,
    startColumn: 1,
    endColumn: 13,
    snippet: { text: "本单位共有在职人员32人" },
  });
  assert.deepEqual(loc.logicalLocations, [{
    name: "二、存在的问题",
    fullyQualifiedName: "二、存在的问题",
    kind: "namespace",
  }]);

  const sum1 = run.results[1];
  assert.equal(sum1.level, "error");
  assert.deepEqual(sum1.properties, {
    stated: "96",
    computed: "19",
    formula: "9 + 10",
    hint: "请核对合计行。",
  });
  assert.deepEqual(sum1.locations[0].properties, { table: 1, row: 4, col: 3 });
  assert.equal(sum1.locations[0].physicalLocation.region.startColumn, 1, "offset inside the cell text");
  assert.equal(sum1.locations[0].logicalLocations[0].name, "（一）预算执行");

  const odd = run.results[2];
  assert.equal(odd.level, "note");
  assert.equal(odd.locations[0].physicalLocation.region.snippet.text, '得分|9<b>&"分"\n第二行');
  assert.equal(odd.locations[0].physicalLocation.region.startColumn, "预算执行率为98.5%，".length + 1);

  const missing = run.results[3];
  assert.equal(missing.ruleIndex, 3, "unknown rule got a descriptor");
  assert.equal(
    missing.locations[0].physicalLocation.region.startColumn,
    undefined,
    "quote not in block: no column",
  );
  assert.equal(missing.locations[0].physicalLocation.region.startLine, 3);

  assert.deepEqual(run.results[4].suppressions, [{
    kind: "external",
    justification: "口径不同，已与财政局确认",
  }]);
  assert.equal(run.artifacts[0].hashes["sha-256"], "ab".repeat(32));
  assert.equal(run.invocations[0].executionSuccessful, true);
});

Deno.test("sarif: no findings → valid log with no results; unreadable file → a notification", () => {
  const empty = valid(renderSarif(emptyInput()));
  assert.deepEqual(empty.runs[0].results, []);
  const bad = valid(renderSarif({ report: report([errorResult()]), documents: new Map(), rules: [] }));
  const inv = bad.runs[0].invocations[0];
  assert.equal(inv.executionSuccessful, false);
  assert.equal(inv.toolExecutionNotifications[0].descriptor.id, "not-docx");
  assert.equal(bad.runs[0].artifacts[0].hashes, undefined);
});

Deno.test("fileUri: separators kept, segments percent-encoded, backslashes normalised", () => {
  assert.equal(fileUri("a/b c.docx"), "a/b%20c.docx");
  assert.equal(fileUri("dir\\报告.docx"), "dir/%E6%8A%A5%E5%91%8A.docx");
  assert.equal(fileUri("50%.docx"), "50%25.docx");
});

const sampleSarif = new URL("../../reports/sample.sarif", import.meta.url);
const hasSample = await Deno.stat(sampleSarif).then(() => true, () => false);
Deno.test({
  name: "sarif: the committed reports/sample.sarif is valid SARIF 2.1.0",
  ignore: !hasSample,
  async fn() {
    const log = valid(await Deno.readTextFile(sampleSarif));
    assert.ok(log.runs[0].results.length > 0);
  },
});
