// The calculator where there is no server or no network, in real headless
// Chromium: the single-file build (dist/spbe-kalkulator.html) opened from
// file://, and the served version reloaded offline through its service worker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { dist, artifacts, serve, launch, open, text, LAPTOP, PHONE } from "./helpers.mjs";

let browser;
const problems = [];

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const single = path.join(dist, "spbe-kalkulator.html");

for (const [size, viewport] of [["laptop", LAPTOP], ["phone", PHONE]]) {
  test(`the single file opens from file:// with no server and scores (${size})`, async () => {
    assert.ok(fs.existsSync(single), "spbe-wasm/dist/spbe-kalkulator.html is built");
    // a copy in a folder of its own, as it travels on a flash drive: nothing beside it
    const dir = fs.mkdtempSync(path.join(artifacts, "single-"));
    const copy = path.join(dir, "spbe-kalkulator.html");
    fs.copyFileSync(single, copy);
    const context = await browser.newContext({ viewport });
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    const page = await open(browser, pathToFileURL(copy).href, problems, { context });
    // the editions are there, and the edition in force is chosen
    assert.ok((await page.locator("#edition option").count()) >= 3);
    await page.selectOption("#edition", "permenpanrb-59-2020");
    // every indicator at 2, then indicator 42 (3.00 %) at 4: index 2 + 2 x 3 / 100 = 2.06 (Cukup)
    for (let i = 1; i <= 47; i++) await page.check(`[data-indicator="${i}"] input[value="2"]`);
    assert.equal(await text(page, "index"), "2,00");
    await page.check('[data-indicator="42"] input[value="4"]');
    assert.equal(await text(page, "index"), "2,06");
    assert.equal(await text(page, "predicate"), "Cukup");
    // 8/2026 with a decimal comma: all 20 at 3,25 gives 3,25 (Baik)
    page.once("dialog", (d) => d.accept());
    await page.selectOption("#edition", "permenpanrb-8-2026");
    for (let i = 1; i <= 20; i++) await page.fill(`[data-indicator="${i}"] input[data-value]`, "3,25");
    assert.equal(await text(page, "index"), "3,25");
    assert.equal(await text(page, "predicate"), "Baik · Berkembang");
    // nothing was fetched from anywhere: only the file itself
    const elsewhere = requests.filter((u) => u !== pathToFileURL(copy).href && !u.startsWith("data:") && !u.startsWith("blob:"));
    assert.deepEqual(elsewhere, []);
    // no service worker on file://
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)), false);
    // the work is kept across a reload of the file (autosave works from file:// too)
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    assert.equal(await text(page, "index"), "3,25");
    await page.screenshot({ path: path.join(artifacts, `single-file-${size}.png`) });
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

test("served: after the first visit, a reload works offline (service worker)", async () => {
  const srv = await serve();
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await open(browser, srv.base, problems, { context, offline: true });
  // the worker installs (caching the page's files) and takes the page over
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const cache = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("spbe-kalkulator-")));
  assert.equal(cache.length, 1);
  assert.match(cache[0], /^spbe-kalkulator-[0-9a-f]{12}$/); // versioned by a hash of the files
  // offline twice over: the browser's network is off and the server is gone
  await context.setOffline(true);
  await srv.close();
  const seen = srv.requests.length;
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  page.on("dialog", (d) => d.accept());
  await page.selectOption("#edition", "permenpanrb-59-2020");
  for (let i = 1; i <= 47; i++) await page.check(`[data-indicator="${i}"] input[value="3"]`);
  assert.equal(await text(page, "index"), "3,00");
  assert.equal(await text(page, "predicate"), "Baik");
  assert.equal(srv.requests.length, seen); // nothing reached the server
  // a reload of the bare address offline opens the saved work
  await page.goto(srv.base);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await text(page, "index"), "3,00");
  await context.close();
});

test("no errors in the browser console", () => {
  assert.deepEqual(problems, []);
});
