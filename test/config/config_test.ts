import assert from "node:assert/strict";
import { ConfigError, parseConfig } from "../../src/config/load.ts";
import { ALL_RULE_METAS, RULE_METAS } from "../../src/audit.ts";
import { ARCHIVE_RULE_IDS, settleArchive } from "../../src/archive/rules.ts";
import { runChecks } from "../../src/audit.ts";
import { Config, DEFAULT_CONFIG } from "../../src/model/config.ts";
import { ruleIsOff } from "../../src/config/severity.ts";
import type { Rule } from "../../src/model/rule.ts";
import { makeDoc } from "../helpers/doc.ts";
import { makeDoc as makeSpecDoc, table } from "../../src/testing/doc-spec.ts";
import { extract } from "../../src/extract/index.ts";
import { RULES } from "../../checks/index.ts";

const fakeRule: Rule = {
  meta: {
    id: "fake-rule",
    severity: "warning",
    title: "测试",
    messages: { found: { description: "发现" }, guess: { description: "推测", certainty: "assumption" } },
    docs: { summary: "s", rationale: "r", examples: [] },
  },
  check: ({ doc }) =>
    doc.blocks.flatMap((b) =>
      b.kind === "paragraph"
        ? [{
          messageId: b.text.includes("推测") ? "guess" : "found",
          message: "发现",
          evidence: [{ quote: b.text, section: "", block: b.index }],
          details: {},
        }]
        : []
    ),
};

Deno.test("config: defaults fill in grade bands and threshold", () => {
  const c = parseConfig("{}", "x.json");
  assert.deepEqual(c.gradeBands, { excellent: 90, good: 80, pass: 60 });
  assert.equal(c.nearDuplicateThreshold, 0.85);
});

Deno.test("config: a wrong type names the field and the file", () => {
  assert.throws(() => parseConfig('{"gradeBands":{"excellent":"九十"}}', "my.json"), (e: Error) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /my\.json/);
    assert.match(e.message, /gradeBands\.excellent/);
    return true;
  });
});

Deno.test("config: invalid JSON and unknown keys are refused", () => {
  assert.throws(() => parseConfig("{", "a.json"), /不是合法的 JSON/);
  assert.throws(() => parseConfig('{"rulez":{}}', "a.json"), ConfigError);
});

Deno.test("config: severity override, off, and suppression reported not dropped", () => {
  const doc = makeDoc(["第一段文字", "第二段文字"]);
  const ex = { figures: [], relations: [] };
  const base = runChecks(doc, ex, DEFAULT_CONFIG, [fakeRule]);
  assert.deepEqual(base.map((f) => f.severity), ["warning", "warning"]);
  const raised = runChecks(doc, ex, { ...DEFAULT_CONFIG, rules: { "fake-rule": "error" } }, [fakeRule]);
  assert.deepEqual(raised.map((f) => f.severity), ["error", "error"]);
  assert.equal(
    runChecks(doc, ex, { ...DEFAULT_CONFIG, rules: { "fake-rule": "off" } }, [fakeRule]).length,
    0,
  );
  const suppressed = runChecks(doc, ex, {
    ...DEFAULT_CONFIG,
    suppress: [{ rule: "fake-rule", quote: "第二段", reason: "经审核同意" }],
  }, [fakeRule]);
  assert.equal(suppressed.length, 2);
  assert.equal(suppressed[0].suppressed, undefined);
  assert.deepEqual(suppressed[1].suppressed, { reason: "经审核同意" });
});

Deno.test("config (16.20): inverted or out-of-range grade bands are refused, naming gradeBands", () => {
  for (
    const bands of [
      { excellent: 80, good: 90, pass: 60 },
      { excellent: 90, good: 80, pass: 80 },
      { excellent: 90, good: 60, pass: 70 },
      { good: 95 },
    ]
  ) {
    assert.throws(() => parseConfig(JSON.stringify({ gradeBands: bands }), "cfg.json"), (e: Error) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /cfg\.json/);
      assert.match(e.message, /gradeBands：分档下限须依次递减/);
      return true;
    }, JSON.stringify(bands));
  }
  assert.throws(() => parseConfig('{"gradeBands":{"excellent":190}}', "c.json"), /gradeBands\.excellent/);
  assert.deepEqual(parseConfig('{"gradeBands":{"excellent":85}}', "c.json").gradeBands, {
    excellent: 85,
    good: 80,
    pass: 60,
  });
});

Deno.test("config: a severity never makes an assumption an error; per-message settings apply", () => {
  const doc = makeDoc(["确定的问题", "推测的问题"]);
  const ex = { figures: [], relations: [] };
  const raised = runChecks(doc, ex, { ...DEFAULT_CONFIG, rules: { "fake-rule": "error" } }, [fakeRule]);
  assert.deepEqual(raised.map((f) => [f.messageId, f.certainty, f.severity]), [
    ["found", "certain", "error"],
    ["guess", "assumption", "warning"],
  ]);
  const perCertainty = runChecks(doc, ex, {
    ...DEFAULT_CONFIG,
    rules: { "fake-rule": { certain: "info", assumption: "off" } },
  }, [fakeRule]);
  assert.deepEqual(perCertainty.map((f) => [f.messageId, f.severity]), [["found", "info"]]);
  const perMessage = runChecks(doc, ex, { ...DEFAULT_CONFIG, rules: { "fake-rule:guess": "off" } }, [
    fakeRule,
  ]);
  assert.deepEqual(perMessage.map((f) => f.messageId), ["found"]);
});

Deno.test("config: a rule's own error on an assumption is reported as a warning", () => {
  const rule: Rule = {
    meta: { ...fakeRule.meta, severity: "error" },
    check: () => [{
      messageId: "found",
      severity: "error",
      message: "推测",
      evidence: [{ quote: "推测", section: "", block: 0 }],
      details: { assumption: "按名称对应" },
    }],
  };
  const [f] = runChecks(makeDoc(["推测"]), { figures: [], relations: [] }, DEFAULT_CONFIG, [rule]);
  assert.equal(f.certainty, "assumption");
  assert.equal(f.severity, "warning");
});

Deno.test("config: setting an assumption or a rounding to error is refused, naming the field", () => {
  for (const key of ["assumption", "rounding"]) {
    assert.throws(
      () => parseConfig(JSON.stringify({ rules: { "score-sum": { [key]: "error" } } }), "c.json", RULE_METAS),
      (e: Error) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.message, new RegExp(`rules\\.score-sum\\.${key}`));
        assert.match(e.message, /不能设为 error/);
        return true;
      },
    );
  }
  const ok = parseConfig(
    '{"rules":{"score-sum":{"certain":"warning","assumption":"info"}}}',
    "c.json",
    RULE_METAS,
  );
  assert.deepEqual(ok.rules["score-sum"], { certain: "warning", assumption: "info" });
  assert.ok(parseConfig('{"rules":{"score-sum:weights-vs-100":"off"}}', "c.json", RULE_METAS));
  assert.throws(
    () => parseConfig('{"rules":{"score-sum:nope":"off"}}', "c.json", RULE_METAS),
    /不存在的规则/,
  );
});

Deno.test("config: the cross-document rules are known to the configuration, and their severities follow it", () => {
  const text = JSON.stringify({
    rules: {
      "copied-report:copied": "warning",
      "copied-from-last-year": "off",
      "cross-year-figure": { assumption: "info" },
    },
    suppress: [{ rule: "copied-report", quote: "已豁免的段落", reason: "模板" }],
  });
  assert.throws(
    () => parseConfig(text, "c.json", RULE_METAS),
    /copied-report/,
    "single-document metas alone",
  );
  for (const id of ARCHIVE_RULE_IDS) assert.ok(ALL_RULE_METAS.some((m) => m.id === id));
  const config = parseConfig(text, "c.json", ALL_RULE_METAS);

  const draft = (rule: string, messageId: string, quote: string) => ({
    rule,
    messageId,
    message: "m",
    evidence: [{ quote, section: "", block: 0 }],
    details: {},
  });
  const drafts = [
    draft("copied-report", "copied", "抄来的段落"),
    draft("copied-report", "duplicate-file", "同一文件"),
    draft("copied-report", "copied", "已豁免的段落"),
    draft("copied-from-last-year", "reused-text", "去年的段落"),
    draft("cross-year-figure", "differs", "上年三公经费20.50万元"),
  ];
  const settled = settleArchive(drafts, config);
  assert.deepEqual(settled.map((f) => [f.rule, f.messageId, f.severity, f.suppressed?.reason]), [
    ["copied-report", "copied", "warning", undefined],
    ["copied-report", "duplicate-file", "error", undefined],
    ["copied-report", "copied", "warning", "模板"],
    ["cross-year-figure", "differs", "info", undefined],
  ]);
  // Defaults without configuration; an assumption is never an error, whatever the configuration says.
  assert.deepEqual(settleArchive(drafts).map((f) => f.severity), [
    "error",
    "error",
    "error",
    "warning",
    "warning",
  ]);
  const loud = parseConfig(
    '{"rules":{"cross-year-figure":"error","copied-report":"error"}}',
    "l.json",
    ALL_RULE_METAS,
  );
  assert.deepEqual(
    settleArchive([draft("cross-year-figure", "differs", "x"), draft("copied-report", "similar", "y")], loud)
      .map((f) => [f.certainty, f.severity]),
    [["assumption", "warning"], ["assumption", "warning"]],
  );
  assert.throws(
    () => parseConfig('{"rules":{"copied-report":{"assumption":"error"}}}', "a.json", ALL_RULE_METAS),
    ConfigError,
  );
});

/** A document on which each of the four rules split off score-sum reports (one a warning on an assumption). */
function scoreFamilyDoc() {
  const h = ["一级指标", "二级指标", "分值", "得分"];
  return makeSpecDoc([
    "（1）部门目标。规划明确，得2分；计划一致，得2分。部门目标总评价分5分，实际得分3分。",
    table([
      h,
      ["决策（30分）", "目标明确性", "15", "14"],
      ["决策（30分）", "资金分配", "10", "9"],
      ["产出（70分）", "完成数量", "70", "65"],
      ["合计", "", "100", "90"],
    ], [{ row: 1, col: 0, rowspan: 2 }]),
    table([h, ["决策", "目标", "40", "38"], ["产出", "数量", "50", "45"]]),
  ]);
}
const SCORE_SUM_SPLIT = ["score-weight-tree", "score-weight-total", "score-total", "score-text-sum"];

Deno.test("config: score-sum (and score-sum:<message>) still applies to the four rules that replace it", () => {
  const doc = scoreFamilyDoc();
  const ex = extract(doc);
  const run = (json: string) =>
    runChecks(doc, ex, parseConfig(json, "c.json", RULE_METAS), RULES)
      .filter((f) => SCORE_SUM_SPLIT.includes(f.rule))
      .map((f) => `${f.rule}:${f.messageId}:${f.severity}`);
  for (const id of SCORE_SUM_SPLIT) {
    assert.deepEqual(RULES.find((r) => r.meta.id === id)?.meta.replaces, ["score-sum"], id);
  }
  assert.deepEqual(run("{}"), [
    "score-weight-tree:children-vs-parent:error",
    "score-weight-total:weights-vs-total:error",
    "score-weight-total:weights-vs-100:warning",
    "score-total:scores-vs-total:error",
    "score-text-sum:items-vs-subtotal:error",
    "score-text-sum:text-vs-table:warning",
  ]);
  assert.deepEqual(run('{"rules":{"score-sum":"off"}}'), []);
  assert.deepEqual(run('{"rules":{"score-sum":"info"}}'), [
    "score-weight-tree:children-vs-parent:info",
    "score-weight-total:weights-vs-total:info",
    "score-weight-total:weights-vs-100:info",
    "score-total:scores-vs-total:info",
    "score-text-sum:items-vs-subtotal:info",
    "score-text-sum:text-vs-table:info",
  ]);
  // A message of the old id; the new rule's own setting is more specific than the old id's.
  assert.deepEqual(run('{"rules":{"score-sum:children-vs-parent":"off","score-sum":"warning"}}'), [
    "score-weight-total:weights-vs-total:warning",
    "score-weight-total:weights-vs-100:warning",
    "score-total:scores-vs-total:warning",
    "score-text-sum:items-vs-subtotal:warning",
    "score-text-sum:text-vs-table:warning",
  ]);
  assert.deepEqual(run('{"rules":{"score-sum":"off","score-total":"error"}}'), [
    "score-total:scores-vs-total:error",
  ]);
  // No setting, under the old id or the new ones, makes an assumption (weights-vs-100, text-vs-table) an error.
  for (
    const json of [
      '{"rules":{"score-sum":"error"}}',
      '{"rules":{"score-sum:weights-vs-100":"error"}}',
      '{"rules":{"score-weight-total":"error"}}',
      '{"rules":{"score-weight-total:weights-vs-100":"error"}}',
      '{"rules":{"score-sum:text-vs-table":"error","score-text-sum":"error"}}',
    ]
  ) {
    const found = run(json);
    assert.ok(found.includes("score-weight-total:weights-vs-100:warning"), json);
    assert.ok(!found.some((f) => /weights-vs-100:error|text-vs-table:error/.test(f)), json);
  }
  for (const key of ["score-sum", "score-sum:weights-vs-100", "score-weight-total"]) {
    assert.throws(
      () => parseConfig(JSON.stringify({ rules: { [key]: { assumption: "error" } } }), "c.json", RULE_METAS),
      /不能设为 error/,
    );
  }
  // A suppression naming the old id applies to the new rules.
  const suppressed = runChecks(
    doc,
    ex,
    parseConfig(
      JSON.stringify({ suppress: [{ rule: "score-sum", quote: "90", reason: "已核实" }] }),
      "c.json",
      RULE_METAS,
    ),
    RULES,
  ).filter((f) => f.suppressed);
  assert.deepEqual(suppressed.map((f) => f.rule), ["score-total"]);
});

Deno.test("config: a rule turned off (by its id or an id it replaces) is not run at all", () => {
  const metaOf = (replaces?: string[]) => ({
    ...fakeRule.meta,
    ...(replaces ? { replaces } : {}),
  });
  const off = (rules: Record<string, unknown>, replaces?: string[]) =>
    ruleIsOff(Config.parse({ rules }), metaOf(replaces));
  assert.equal(off({ "fake-rule": "off" }), true);
  assert.equal(off({ "old-rule": "off" }, ["old-rule"]), true);
  // Near misses: off for one certainty only, or one message turned back on, or another rule off.
  assert.equal(off({ "fake-rule": { assumption: "off" } }), false);
  const [first] = Object.keys(fakeRule.meta.messages);
  assert.equal(off({ "fake-rule": "off", [`fake-rule:${first}`]: "warning" }), false);
  assert.equal(off({ "other-rule": "off" }), false);
});

/** A document on which each of the three conflicting-figure rules reports once. */
function conflictingFamilyDoc() {
  return makeSpecDoc([
    { heading: "一、部门概况", level: 1 },
    "本局内设4个股室，年末在职职工58人，退休人员20人。",
    "抓好引才工作，从外地引进专业技术人员12人，充实基层力量。完善服务机制。" +
    "抓好引才工作，从外地引进专业技术人员21人，充实基层力量。",
    "专项资金850万元目前已全部拨付。",
    { heading: "三、绩效分析", level: 1 },
    "在队伍建设方面，在职职工共61人，均未超编。",
    "已完成拨付720万元，执行率84.71%。",
  ]);
}
const CONFLICTING_SPLIT = ["conflicting-figure", "conflicting-figure-subject", "conflicting-figure-transfer"];

Deno.test("config: conflicting-figure (and conflicting-figure:<message>) still applies to the rules split off it", () => {
  const doc = conflictingFamilyDoc();
  const ex = extract(doc);
  const run = (json: string) =>
    runChecks(doc, ex, parseConfig(json, "c.json", RULE_METAS), RULES)
      .filter((f) => CONFLICTING_SPLIT.includes(f.rule))
      .map((f) => `${f.rule}:${f.messageId}:${f.severity}`);
  const metaOf = (id: string) => RULES.find((r) => r.meta.id === id)!.meta;
  // The aligned-passages rule keeps the id; the other two replace it.
  assert.equal(metaOf("conflicting-figure").replaces, undefined);
  for (const id of CONFLICTING_SPLIT.slice(1)) {
    assert.deepEqual(metaOf(id).replaces, ["conflicting-figure"], id);
  }
  assert.deepEqual(run("{}"), [
    "conflicting-figure:aligned-passages:error",
    "conflicting-figure-subject:same-subject:warning",
    "conflicting-figure-transfer:all-versus-part:warning",
  ]);
  // Off by the old id: all three, and none of them is run.
  const off = parseConfig('{"rules":{"conflicting-figure":"off"}}', "c.json", RULE_METAS);
  assert.deepEqual(run('{"rules":{"conflicting-figure":"off"}}'), []);
  for (const id of CONFLICTING_SPLIT) assert.equal(ruleIsOff(off, metaOf(id)), true, id);
  // A message of the old id reaches the rule that reports it, even with the old id off.
  const subjectOn = '{"rules":{"conflicting-figure":"off","conflicting-figure:same-subject":"warning"}}';
  assert.deepEqual(run(subjectOn), ["conflicting-figure-subject:same-subject:warning"]);
  assert.equal(
    ruleIsOff(parseConfig(subjectOn, "c.json", RULE_METAS), metaOf("conflicting-figure-subject")),
    false,
  );
  assert.deepEqual(run('{"rules":{"conflicting-figure:same-subject":"off"}}'), [
    "conflicting-figure:aligned-passages:error",
    "conflicting-figure-transfer:all-versus-part:warning",
  ]);
  assert.deepEqual(run('{"rules":{"conflicting-figure:all-versus-part":"info"}}'), [
    "conflicting-figure:aligned-passages:error",
    "conflicting-figure-subject:same-subject:warning",
    "conflicting-figure-transfer:all-versus-part:info",
  ]);
  assert.deepEqual(run('{"rules":{"conflicting-figure":"info"}}'), [
    "conflicting-figure:aligned-passages:info",
    "conflicting-figure-subject:same-subject:info",
    "conflicting-figure-transfer:all-versus-part:info",
  ]);
  // The new rule's own setting is more specific than the old id's; an assumption never becomes an error.
  assert.deepEqual(run('{"rules":{"conflicting-figure":"off","conflicting-figure-transfer":"error"}}'), [
    "conflicting-figure-transfer:all-versus-part:warning",
  ]);
});
