/// <reference lib="dom" />
/**
 * Drives headless Chromium over an HTML report and prints what it measured as JSON. Run as a child process
 * by html_browser_test.ts with -A: playwright-core probes /proc, which Deno only allows under --allow-all.
 * Usage: deno run -A test/render/browser_driver.ts REPORT.html TARGET_FINDING_ID [SCREENSHOT.png [SHOT_HTML]]
 */
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../helpers/chromium.ts";

const [html, targetId, shotPath, shotHtml] = Deno.args;
const profile = await Deno.makeTempDir({ prefix: "jixiao-chromium-" });
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
});
const out: Record<string, unknown> = {};
try {
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`file://${html}`);
  out.marks = await page.locator("mark[data-finding]").count();
  out.items = await page.locator("li.finding").count();

  const target = page.locator(`li.finding[data-finding="${targetId}"]`);
  const mark = page.locator(`mark[data-finding~="${targetId}"]`).first();
  const inView = () =>
    mark.evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
    });
  out.inViewBefore = await inView();
  await target.click();
  await page.waitForFunction(() => document.querySelector("mark.flash") !== null, null, { timeout: 5000 });
  out.inViewAfter = await inView();
  out.flash = await mark.evaluate((m) => m.classList.contains("flash"));
  out.scrollY = await page.evaluate(() => scrollY);
  out.activeItem = await target.evaluate((li) => li.classList.contains("active"));

  const severity = await target.getAttribute("data-severity");
  await page.locator(`input[data-filter][value="${severity}"]`).uncheck();
  out.targetVisibleWhenFiltered = await target.isVisible();
  out.markMutedWhenFiltered = await mark.evaluate((m) => m.classList.contains("muted"));
  out.shownWhenFiltered = await page.locator("#shown-count").textContent();
  await page.locator(`input[data-filter][value="${severity}"]`).check();
  out.markMutedAfterReset = await mark.evaluate((m) => m.classList.contains("muted"));
  const rule = await target.getAttribute("data-rule");
  await page.locator("#rule-filter").selectOption(rule!);
  out.visibleForRule = await page.locator("li.finding:visible").count();
  await page.locator("#rule-filter").selectOption("");

  // Reached from a highlight, a finding's title is not hidden under the sticky filter bar.
  // The panel scrolled to its end, then a highlight whose finding sits above: scrolled up to it.
  await page.evaluate(() => {
    const panel = document.getElementById("panel")!;
    panel.style.height = "260px"; // so that the list scrolls even with few findings
    panel.scrollTo(0, panel.scrollHeight);
  });
  const lastMark = page.locator("mark[data-finding]").first();
  const lastId = (await lastMark.getAttribute("data-finding"))!.split(" ")[0];
  await lastMark.click();
  await page.waitForTimeout(300);
  out.titleClearOfFilters = await page.evaluate((id) => {
    const li = document.querySelector(`li.finding[data-finding="${id}"]`)!.getBoundingClientRect();
    const bar = document.querySelector(".filters")!.getBoundingClientRect();
    return li.top >= bar.bottom - 1;
  }, lastId);
  await page.evaluate(() => (document.getElementById("panel")!.style.height = ""));

  await page.emulateMedia({ media: "print" });
  out.printFiltersVisible = await page.locator(".filters").isVisible();
  out.printPanelBeforeDocument = await page.evaluate(() => {
    const main = document.querySelector("main")!.getBoundingClientRect();
    const panel = document.querySelector("#panel")!.getBoundingClientRect();
    return panel.bottom <= main.top;
  });
  await page.locator("#print-findings-only").evaluate((b) => {
    (b as HTMLInputElement).checked = true;
    b.dispatchEvent(new Event("change"));
  });
  out.printDocumentHiddenWhenFindingsOnly = !(await page.locator("main").isVisible());
  out.printFindingsVisibleWhenFindingsOnly = await page.locator("li.finding").first().isVisible();
  await page.emulateMedia({ media: "screen" });
  out.documentVisibleOnScreen = await page.locator("main").isVisible();
  out.errors = errors;

  if (shotPath) {
    if (shotHtml) {
      await page.goto(`file://${shotHtml}`);
      const first = page.locator("li.finding").first();
      if (await first.count()) await first.click();
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: shotPath });
    out.screenshot = shotPath;
  }
} finally {
  await ctx.close();
  await Deno.remove(profile, { recursive: true }).catch(() => {});
}
console.log(JSON.stringify(out));
