/**
 * The HTML report in a real headless Chromium (Debian package `chromium`, at /usr/bin/chromium): highlights,
 * click-to-jump, filters, print styles. Skipped, with the reason printed, when the browser is absent.
 * The browser runs in a child process (browser_driver.ts). Writes docs/screenshot.png when it is missing or UPDATE_SCREENSHOT=1 (a fresh PNG differs byte-wise).
 */
import assert from "node:assert/strict";
import { renderHtml } from "../../src/render/html.ts";
import type { RenderInput } from "../../src/render/index.ts";
import type { Finding } from "../../src/model/finding.ts";
import { h, makeDoc } from "../helpers/doc.ts";
import { docResult, FILE, report, RULES, sampleDoc, sampleFindings } from "./fixtures.ts";
import { CHROMIUM, hasChromium } from "../helpers/chromium.ts";

if (!hasChromium) {
  console.log(`跳过浏览器测试：未找到 ${CHROMIUM}（apt-get install -y chromium 后即可运行）。`);
}

/** A long document: the sample blocks, then 120 filler paragraphs, then a finding far down. */
function longInput(): { input: RenderInput; expectedMarks: number } {
  const base = sampleDoc();
  const filler = Array.from(
    { length: 120 },
    (_, i) => `第${i + 1}段填充文字，用于把后面的内容推到首屏之外。`,
  );
  const doc = makeDoc([
    ...base.blocks.slice(0, 5).map((b) =>
      b.kind === "heading" ? h(b.level, b.text) : (b as { text: string }).text
    ),
    ...filler,
    h(1, "三、末尾章节"),
    "末尾段落：项目资金到位率为110%，明显超出合理范围。",
  ]);
  const last = doc.blocks.length - 1;
  const far: Finding = {
    rule: "odd-quote",
    severity: "error",
    message: "到位率超过100%。",
    evidence: [{ quote: "到位率为110%", section: "三、末尾章节", block: last }],
    details: { stated: "110%", computed: "≤100%" },
  };
  // keep the sample's paragraph findings (blocks 2 and 4), plus the far one
  const findings = [
    ...sampleFindings().filter((f) => [2, 4].includes(f.evidence[0].block)),
    far,
  ];
  const input = { report: report([docResult(findings)]), documents: new Map([[FILE, doc]]), rules: RULES };
  // duplicate-paragraph's 2nd quote (block 7) is now filler and the "unlisted" quote is absent: not located
  return { input, expectedMarks: 1 /* dup block 2 */ + 1 /* odd */ + 1 /* far */ };
}

const ROOT = new URL("../../", import.meta.url).pathname;
const exists = (p: string) => Deno.stat(p).then(() => true, () => false);

Deno.test({
  name: "html in Chromium: marks, click-to-jump with flash, filters, print layout, screenshot",
  ignore: !hasChromium,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "jixiao-html-" });
    try {
      const { input, expectedMarks } = longInput();
      const file = `${dir}/report.html`;
      await Deno.writeTextFile(file, renderHtml(input));
      const target = "f1"; // the far error sorts first
      const docsShot = `${ROOT}docs/screenshot.png`;
      const wanted = Deno.env.get("UPDATE_SCREENSHOT") === "1" || !(await exists(docsShot));
      const sample = `${ROOT}reports/sample.html`;
      const shotArgs = wanted ? [docsShot, ...((await exists(sample)) ? [sample] : [])] : [`${dir}/shot.png`];
      const run = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", `${ROOT}test/render/browser_driver.ts`, file, target, ...shotArgs],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(run.stderr);
      assert.equal(run.code, 0, stderr);
      const m = JSON.parse(new TextDecoder().decode(run.stdout).trim().split("\n").pop()!);
      assert.equal(m.marks, expectedMarks, "one <mark> per located quote");
      assert.equal(m.items, 4);
      assert.equal(m.inViewBefore, false, "the far mark starts off-screen");
      assert.equal(m.inViewAfter, true, "clicking the finding scrolled its mark into view");
      assert.equal(m.flash, true);
      assert.equal(m.activeItem, true);
      assert.ok(m.scrollY > 500, `scrollY ${m.scrollY}`);
      assert.equal(m.targetVisibleWhenFiltered, false);
      assert.equal(m.markMutedWhenFiltered, true);
      assert.equal(m.shownWhenFiltered, "3");
      assert.equal(m.markMutedAfterReset, false);
      assert.equal(m.visibleForRule, 2, "two odd-quote findings");
      assert.equal(m.titleClearOfFilters, true, "scroll-margin-top keeps the finding below the filter bar");
      assert.equal(m.printFiltersVisible, false);
      assert.equal(m.printPanelBeforeDocument, true, "findings first on paper");
      assert.equal(m.printDocumentHiddenWhenFindingsOnly, true);
      assert.equal(m.printFindingsVisibleWhenFindingsOnly, true);
      assert.equal(m.documentVisibleOnScreen, true, "findings-only is for printing only");
      assert.deepEqual(m.errors, []);
      const png = await Deno.readFile(m.screenshot);
      assert.deepEqual([...png.slice(1, 4)], [0x50, 0x4e, 0x47], "a PNG was written");
    } finally {
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});
