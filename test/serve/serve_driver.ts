/// <reference lib="dom" />
/**
 * Drives headless Chromium over the web app and prints what it saw as JSON. Run as a child process by
 * serve_browser_test.ts with -A (playwright-core probes /proc, which Deno allows only under --allow-all).
 * Usage: deno run -A test/serve/serve_driver.ts URL FILE... [--shots DIR]
 */
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../helpers/chromium.ts";

const args = [...Deno.args];
const shotsAt = args.indexOf("--shots");
const shots = shotsAt >= 0 ? args.splice(shotsAt, 2)[1] : undefined;
const [url, ...files] = args;

const profile = await Deno.makeTempDir({ prefix: "jixiao-chromium-" });
const downloads = await Deno.makeTempDir({ prefix: "jixiao-downloads-" });
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1360, height: 860 },
  acceptDownloads: true,
  downloadsPath: downloads,
});
const out: Record<string, unknown> = {};
try {
  const page = ctx.pages()[0] ?? await ctx.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(new URL(url).origin) && !r.url().startsWith("about:")) external.push(r.url());
  });
  await page.goto(url);
  out.title = await page.title();
  out.emptyText = await page.locator("#docs-body").innerText();
  await page.locator("#file-input").setInputFiles(files);
  await page.waitForFunction(
    (n) => {
      const rows = [...document.querySelectorAll("#docs-body tr.doc")] as HTMLElement[];
      return rows.length === n &&
        rows.every((r) => r.dataset.status === "done" || r.dataset.status === "error");
    },
    files.length,
    { timeout: 90_000 },
  );
  out.rows = await page.locator("#docs-body tr.doc").evaluateAll((rows) =>
    rows.map((r) => {
      const tr = r as HTMLElement;
      const count = (k: string) => tr.querySelector(`[data-count="${k}"]`)?.textContent ?? "";
      return {
        name: tr.querySelector(".fname")?.textContent,
        status: tr.dataset.status,
        error: count("error"),
        warning: count("warning"),
        info: count("info"),
        suppressed: count("suppressed"),
        message: tr.querySelector(".msg")?.textContent ?? null,
      };
    })
  );
  if (shots) await page.screenshot({ path: `${shots}/serve-list.png` });

  // The document view: the HTML report in the frame; a finding clicked scrolls its highlight into view.
  await page.locator("#docs-body tr.doc.ready .fname").first().click();
  const frame = page.frameLocator("iframe#viewer");
  await frame.locator("li.finding").first().waitFor({ timeout: 30_000 });
  out.docTitle = await page.locator("#doc-title").textContent();
  out.docCounts = await page.locator("#doc-counts").textContent();
  out.frameItems = await frame.locator("li.finding").count();
  out.frameMarks = await frame.locator("mark[data-finding]").count();
  // The last finding that has a highlight (far down the document, so it starts out of view).
  const target = await frame.locator("li.finding").evaluateAll((items) => {
    const ids = items.map((li) => (li as HTMLElement).dataset.finding!);
    const withMark = ids.filter((id) => document.querySelector(`mark[data-finding~="${id}"]`));
    return withMark.at(-1) ?? null;
  });
  out.target = target;
  const mark = frame.locator(`mark[data-finding~="${target}"]`).first();
  const inView = () =>
    mark.evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
    });
  out.inViewBefore = await inView();
  await frame.locator(`li.finding[data-finding="${target}"]`).click();
  await frame.locator("mark.flash").first().waitFor({ timeout: 5000 });
  out.inViewAfter = await inView();
  out.flash = await mark.evaluate((m) => m.classList.contains("flash"));

  // Downloads: the CSV of this document.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('a[data-format="csv"]').click(),
  ]);
  out.csvName = download.suggestedFilename();
  const csvPath = `${downloads}/dl.csv`;
  await download.saveAs(csvPath);
  out.csv = await Deno.readTextFile(csvPath);
  out.docxEnabled = !(await page.locator('a[data-format="docx"]').evaluate((a) =>
    a.classList.contains("disabled")
  ));

  if (shots) {
    const first = frame.locator("li.finding").first();
    await first.click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${shots}/serve-document.png` });
  }
  // Back to the list; remove the broken file.
  await page.locator("#back").click();
  const broken = page.locator('#docs-body tr.doc[data-status="error"] [data-remove]');
  if (await broken.count()) {
    await broken.first().click();
    await page.waitForFunction(
      (n) => document.querySelectorAll("#docs-body tr.doc").length === n,
      files.length - 1,
    );
  }
  out.rowsAfterRemove = await page.locator("#docs-body tr.doc").count();
  out.errors = errors;
  out.external = external;
} finally {
  await ctx.close();
  await Deno.remove(profile, { recursive: true }).catch(() => {});
  await Deno.remove(downloads, { recursive: true }).catch(() => {});
}
console.log(JSON.stringify(out));
