// The LHE-style report (`spbe report`) in real headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core): it opens from a file without
// any network request, prints to a short A4 PDF, and a screenshot of its first
// page is kept. The CLI is SPBE_CLI, else target/release/spbe
// (`cargo build --release --bin spbe` first).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const require = createRequire(path.join(root, "tests/js/package.json"));
const { chromium } = require("playwright-core");
const artifacts = path.join(root, "test-artifacts");
const cli = process.env.SPBE_CLI || path.join(root, "target/release/spbe");

// A4 at the CSS resolution of 96 px per inch: 210 mm x 297 mm
const A4 = { width: 794, height: 1123 };

let browser;

before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

/** Writes the report of an example to test-artifacts and returns its path. */
function report(example, name, ...args) {
  const html = execFileSync(cli, ["report", path.join(root, example), ...args], { encoding: "utf8", cwd: root });
  const file = path.join(artifacts, `${name}.html`);
  fs.writeFileSync(file, html);
  return file;
}

/** Pages of a PDF: its page objects ("/Type /Page", not the "/Pages" tree). */
function pdfPages(bytes) {
  return (Buffer.from(bytes).toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

/** Opens a file in a fresh page, recording every request and every error. */
async function open(file) {
  const context = await browser.newContext({ viewport: A4 });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: "load" });
  return { page, requests, problems, url };
}

test("the 2024 example: no request, a short A4 PDF, a first-page screenshot", async () => {
  const file = report("examples/kabupaten-sukamaju-2024.json", "lhe-2024", "--date", "2026-11-25");
  const { page, requests, problems, url } = await open(file);

  // what the document shows, read from the rendered page
  assert.equal(await page.title(), "Laporan Hasil Evaluasi Indeks SPBE — Pemerintah Kabupaten Sukamaju (fiktif) 2024");
  assert.equal(await page.textContent('[data-testid="index"]'), "2,67");
  assert.equal(await page.textContent('[data-testid="predicate"]'), "Baik");
  assert.equal(await page.textContent('[data-testid="gap"]'), "0,83");
  assert.equal(await page.locator("table.indicators tbody tr:not(.group)").count(), 47);
  assert.equal(await page.locator("svg").count(), 1);
  assert.equal(await page.evaluate(() => document.images.length + document.scripts.length + document.links.length + document.styleSheets.length), 1); // the inline <style> only
  assert.match(await page.textContent("#tanda-tangan"), /25 November 2026/);
  assert.match(await page.textContent("#rencana"), /Sangat Baik/);

  // the first page as a head of office sees it on screen
  await page.screenshot({ path: path.join(artifacts, "lhe-2024.png"), fullPage: false });

  // printed: A4, a few pages
  const pdfPath = path.join(artifacts, "lhe-2024.pdf");
  const pdf = await page.pdf({ path: pdfPath, format: "A4", printBackground: true, preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
  const pages = pdfPages(pdf);
  assert.ok(pages >= 3 && pages <= 6, `${pages} pages`);
  // every page is A4 (595 x 842 points)
  const boxes = Buffer.from(pdf).toString("latin1").match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g) || [];
  assert.ok(boxes.length >= 1);
  for (const b of boxes) {
    const [w, h] = b.match(/[\d.]+/g).slice(2).map(Number);
    assert.ok(Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1, b);
  }

  // nothing was fetched: the document itself is the only request
  assert.deepEqual(requests, [url]);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("the 2026 example in English: no request, a short PDF", async () => {
  const file = report("examples/kabupaten-sukamaju-2026.json", "lhe-2026-en", "--lang", "en");
  const { page, requests, problems, url } = await open(file);
  assert.equal(await page.textContent('[data-testid="index"]'), "2.09");
  assert.equal(await page.textContent('[data-testid="predicate"]'), "Fair · Emerging");
  assert.equal(await page.locator("table.indicators tbody tr:not(.group)").count(), 20);
  const pdf = await page.pdf({ path: path.join(artifacts, "lhe-2026-en.pdf"), format: "A4", preferCSSPageSize: true });
  const pages = pdfPages(pdf);
  assert.ok(pages >= 2 && pages <= 5, `${pages} pages`);
  assert.deepEqual(requests, [url]);
  assert.deepEqual(problems, []);
  await page.context().close();
});
