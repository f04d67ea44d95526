import { deepStrictEqual, strictEqual } from "node:assert";
import { scoreDocument } from "../../eval/score.ts";
import { tally } from "../../eval/tally.ts";
import { gateBlock, gateFailures, readGateFigures } from "../../eval/gate.ts";
import { parseSourcesTable } from "../../eval/corpus.ts";
import type { Finding } from "../../src/model/finding.ts";
import type { DocumentResult } from "../../src/model/report.ts";
import type { KeyFile } from "../../eval/key.ts";

const finding = (rule: string, quote: string, extra: Partial<Finding> = {}): Finding => ({
  rule,
  severity: "error",
  message: `消息：${quote}`,
  evidence: [{ quote, section: "", block: 0 }],
  details: {},
  ...extra,
});
const result = (findings: Finding[]): DocumentResult => ({
  file: "x.docx",
  sha256: null,
  status: "ok",
  meta: { title: null, year: null, unit: null },
  findings,
  diagnostics: [],
});

const key: KeyFile = {
  items: [{ id: "I1", tier: "core", rules: ["sum"], groups: [["100.57"], ["121.57", "21万元"]], what: "" }],
  negatives: [{ rules: ["percentage"], tokens: ["97.77%"], what: "" }],
};

Deno.test("score: an item matches on a rule fragment and every group, whitespace ignored", () => {
  const hit = finding("sum-mismatch", "支出100.57万元", { details: { formula: "100.57 + 21 万元" } });
  strictEqual(scoreDocument(result([hit]), key).items[0].matchedBy, hit);
  // Right figures, wrong rule.
  const wrongRule = finding("typo", "支出100.57万元，共121.57");
  strictEqual(scoreDocument(result([wrongRule]), key).items[0].matchedBy, undefined);
  // Right rule, one group missing.
  const half = finding("sum-mismatch", "支出100.57万元");
  strictEqual(scoreDocument(result([half]), key).items[0].matchedBy, undefined);
  // Suppressed findings do not count.
  const suppressed = { ...hit, suppressed: { reason: "r" } };
  strictEqual(scoreDocument(result([suppressed]), key).items[0].matchedBy, undefined);
});

Deno.test("score: a negative is hit through the first quote only, and never by a finding that matches an item", () => {
  const onNeg = finding("percentage-arithmetic", "完成率 97.77 %", { severity: "warning" });
  deepStrictEqual(scoreDocument(result([onNeg]), key).negativeHits.map((h) => h.finding), [onNeg]);
  const secondQuote = finding("percentage-arithmetic", "别处", {
    evidence: [{ quote: "别处", section: "", block: 0 }, { quote: "97.77%", section: "", block: 1 }],
  });
  strictEqual(scoreDocument(result([secondQuote]), key).negativeHits.length, 0);
  const both: KeyFile = { ...key, negatives: [{ rules: ["sum"], tokens: ["100.57"], what: "" }] };
  const itemHit = finding("sum-mismatch", "100.57 与 121.57");
  strictEqual(scoreDocument(result([itemHit]), both).negativeHits.length, 0);
});

Deno.test("score and tally: errors on a clean file; per-rule rows; the gate", () => {
  const clean: KeyFile = { items: [], negatives: [], clean: true };
  const s = scoreDocument(
    result([finding("score-total", "a"), finding("typo", "b", { severity: "warning" })]),
    clean,
  );
  strictEqual(s.cleanErrors.length, 1);
  const matched = scoreDocument(result([finding("sum-mismatch", "100.57 121.57")]), key);
  const t = tally([s, matched], ["sum-mismatch", "score-total"], "rule");
  strictEqual(t.total.cleanErrors, 1);
  deepStrictEqual(t.rows.find((r) => r.name === "sum-mismatch")!.core, { found: 1, total: 1 });
  deepStrictEqual(gateFailures({ "sum-mismatch": 1, total: 1 }, t, "c"), [
    "c: 1 error-level findings on clean documents",
  ]);
  const worse = tally([scoreDocument(result([]), key)], ["sum-mismatch"], "rule");
  deepStrictEqual(gateFailures({ "sum-mismatch": 1 }, worse, "c"), ["c: sum-mismatch found 0, recorded 1"]);
  const md = `# A\n\n${gateBlock({ corpus: { total: 3 }, synthetic: { x: 2 } })}\n`;
  deepStrictEqual(readGateFigures(md), { corpus: { total: 3 }, synthetic: { x: 2 } });
});

Deno.test("corpus: the README's sources table gives title, unit (without notes) and the last year covered", () => {
  const readme = [
    "| file | title | body | province | year | source | n | v |",
    "|---|---|---|---|---|---|---|---|",
    "| A.txt | 某县某局2023年度报告 | 某县某局（简称） | 某省 | 2023 | http://x | 800 | 0 |",
    "| B.txt | 评价报告 | 某事务所 (受某局委托) | 某省 | 2015–2018 | http://y | 800 | 0 |",
  ].join("\n");
  const m = parseSourcesTable(readme);
  deepStrictEqual(m.get("A.txt"), { title: "某县某局2023年度报告", unit: "某县某局", year: 2023 });
  deepStrictEqual(m.get("B.txt"), { title: "评价报告", unit: "某事务所", year: 2018 });
});
