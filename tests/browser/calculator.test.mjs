// End-to-end test of the calculator (spbe-wasm/dist) in real headless Chromium
// (Debian's /usr/bin/chromium, driven by playwright-core). Expected values are
// worked out by hand in the comments.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const require = createRequire(path.join(root, "tests/js/package.json"));
const { chromium } = require("playwright-core");
const dist = path.join(root, "spbe-wasm/dist");
const artifacts = path.join(root, "test-artifacts");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

let server, base, browser;
const problems = []; // console errors and page errors, across every page

before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path.join(dist, rel.endsWith("/") ? rel + "index.html" : rel);
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    fs.readFile(file, (err, data) => {
      if (err) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(data);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/index.html`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(url, opts = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...opts });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

const text = (page, id) => page.textContent(`[data-testid="${id}"]`);

// The edition in force this year, by its in_force years (2026 and later: 8/2026).
const thisYearsEdition = new Date().getFullYear() >= 2026 ? "permenpanrb-8-2026" : "permenpanrb-59-2020";

test("fill the form: index and predicate update live", async () => {
  const page = await open(base);
  assert.equal(await page.inputValue("#edition"), thisYearsEdition);
  await page.selectOption("#edition", "permenpanrb-59-2020");
  assert.equal(await text(page, "index"), "—");
  // every indicator at level 3 ...
  for (let i = 1; i <= 47; i++) await page.check(`[data-indicator="${i}"] input[value="3"]`);
  assert.equal(await text(page, "index"), "3.00");
  assert.equal(await text(page, "predicate"), "Baik");
  // ... then aspect 7 (indicators 32-41, 2.75 % each) at level 4:
  // index = (300 + 10 x 2.75) / 100 = 3.275 exactly, reported half up as 3.28
  for (let i = 32; i <= 41; i++) await page.check(`[data-indicator="${i}"] input[value="4"]`);
  assert.equal(await text(page, "index"), "3.28");
  assert.equal(await text(page, "predicate"), "Baik");
  // domain 4 = (27.5 x 4 + 18 x 3) / 45.5 = 3.6044 -> 3.60 in the table
  const row = await page.locator("#parts tbody tr", { hasText: "Domain 4." }).textContent();
  assert.match(row, /Domain 4\. Layanan SPBE.*45\.50.*3\.60/);
  // the largest one-level gains are the 3.00 % indicators 42-47
  assert.match(await page.textContent("#gains li:first-child"), /^42\. .*\+0\.0300/);
  // the link holds the state
  assert.match(new URL(page.url()).hash, /^#SPBE1\.permenpanrb-59-2020\.M3{31}4{10}3{6}\.T_{47}$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifacts, "calculator.png"), fullPage: false });
  await page.context().close();
});

test("the cheapest way to the next predicate, copied into the target", async () => {
  // 59/2020, every indicator at 3: index 3.00 (Baik); Sangat Baik needs 3.50, i.e. 50 points of
  // weight x level. The 3.00 % indicators 42-47 give 2 steps each (to 5): 36 points; then 2.75 %
  // steps: five give 13.75 (short of 14), six give 16.5, on the earliest of 32-41 (32, 33, 34 to 5).
  // 18 steps, 52.5 points: 3.525, shown 3.53, Sangat Baik.
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "3".repeat(47) + ".T" + "_".repeat(47));
  assert.equal(await text(page, "index"), "3.00");
  assert.equal(await page.textContent("#plan-h"), "Cara termurah ke Sangat Baik");
  const steps = await page.locator("#plan li").allTextContents();
  assert.deepEqual(steps.map((s) => s.match(/^(\d+)\./)[1]), ["32", "33", "34", "42", "43", "44", "45", "46", "47"]);
  assert.ok(steps.every((s) => /3 → 5$/.test(s)), steps.join("|"));
  assert.match(await page.textContent("#plan-total"), /^18 langkah kenaikan; indeks sesudahnya 3\.53 \(Sangat Baik\)\.$/);
  await page.click("#plan-copy");
  assert.equal(await text(page, "target-index"), "3.53");
  assert.equal(await text(page, "target-predicate"), "Sangat Baik");
  assert.equal(await text(page, "gap"), "+0.53");
  // the target track is the whole plan: unchanged indicators at their current level
  assert.match(new URL(page.url()).hash, /\.T3{31}5{3}3{7}5{6}$/);
  await page.context().close();
});

test("print: the evaluation report of the core, with the institution and every indicator", async () => {
  // institution "Kota Contoh" (base64url S290YSBDb250b2g), year 2024, every indicator at 3
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.Y2024.NS290YSBDb250b2g.M" + "3".repeat(47) + ".T" + "_".repeat(47));
  await page.click("#print");
  await page.waitForFunction(() => (document.querySelector("#print-frame")?.srcdoc || "").includes("LAPORAN HASIL EVALUASI"));
  const doc = await page.getAttribute("#print-frame", "srcdoc");
  assert.match(doc, /Kota Contoh/);
  assert.match(doc, /PermenPANRB 59\/2020/);
  for (let i = 1; i <= 47; i++) assert.ok(doc.includes(`>${i}<`), `indicator ${i}`);
  assert.match(doc, /3,00/); // decimal comma in the Indonesian report
  // it prints to a few A4 pages
  const pdfPage = await page.context().newPage();
  await pdfPage.setContent(doc);
  const pdf = await pdfPage.pdf({ format: "A4" });
  fs.writeFileSync(path.join(artifacts, "calculator-print.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 2 && pages <= 6, `${pages} pages`);
  await page.context().close();
});

test("a partly filled target starts from the current levels", async () => {
  // every current level 3 (3.00); the target raises indicators 1-10 (1.30 % each) to 4 and names
  // nothing else: the other 37 keep their current level, so 3 + 10 x 1.30 / 100 = 3.13 (not the
  // 4.00 of the ten alone), and the gap is +0.13
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "3".repeat(47) + ".T" + "_".repeat(47));
  assert.equal(await text(page, "target-index"), "3.00"); // no change planned yet: the current index
  await page.check('input[name="active-track"][value="target"]');
  // the current level shows while editing the target
  assert.equal(await page.isChecked('[data-indicator="11"] input[value="3"]'), true);
  for (let i = 1; i <= 10; i++) await page.check(`[data-indicator="${i}"] input[value="4"]`);
  assert.equal(await text(page, "target-index"), "3.13");
  assert.equal(await text(page, "target-predicate"), "Baik");
  assert.equal(await text(page, "gap"), "+0.13");
  assert.equal(await text(page, "index"), "3.00");
  // the changed indicators are marked
  assert.equal(await page.locator("fieldset.indicator.changed").count(), 10);
  await page.context().close();
});

test("evidence: the level the met criteria support, and claims above it", async () => {
  // indicator 2 claims 3 with the criteria of levels 1 and 2 met: 59/2020's criteria are
  // cumulative, so level 2 is supported and the claim is above it
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "3".repeat(47) + ".T" + "_".repeat(47) + ".K2~12");
  assert.equal(await page.textContent('[data-support="2"]'), "Di atas bukti dukung (yang didukung: tingkat 2)");
  assert.equal(await page.textContent("#above-evidence"), "Tingkat di atas bukti dukung: indikator 2");
  assert.equal(await page.textContent('[data-support="1"]'), "");
  // ticking level 3's criteria supports the claim
  await page.click('[data-indicator="2"] details.extra summary');
  await page.check('[data-indicator="2"] input[data-criteria][value="3"]');
  assert.equal(await page.textContent('[data-support="2"]'), "Didukung bukti dukung: tingkat 3");
  assert.equal(await page.textContent("#above-evidence"), "");
  assert.match(new URL(page.url()).hash, /\.K2~123$/);
  // the index is the claimed one: evidence flags, it does not rescore
  assert.equal(await text(page, "index"), "3.00");
  await page.context().close();
});

test("target track and the gap (8/2026, number fields)", async () => {
  const page = await open(base + "#SPBE1.permenpanrb-8-2026.Y2026.M44444444444444444444.T55555555555555555555");
  assert.equal(await page.inputValue("#edition"), "permenpanrb-8-2026");
  assert.equal(await page.inputValue("#year"), "2026");
  assert.equal(await text(page, "index"), "4.00");
  // Tabel 4 is closed above: 4.00 is still Sangat Baik (Memuaskan needs more than 4.00)
  assert.equal(await text(page, "predicate"), "Sangat Baik");
  assert.equal(await text(page, "target-index"), "5.00");
  assert.equal(await text(page, "gap"), "+1.00");
  // editing the target track changes only the target: indicator 20 (15 %) to 3
  await page.check('input[name="active-track"][value="target"]');
  const field20 = '[data-indicator="20"] input[type=number]';
  assert.equal(await page.inputValue(field20), "5");
  await page.fill(field20, "3");
  assert.equal(await text(page, "target-index"), "4.70"); // 5 - 2 x 15 / 100
  assert.equal(await text(page, "index"), "4.00");
  assert.equal(await text(page, "gap"), "+0.70");
  // a decimal: indicator 3 (5 %) to 1.26: 4.70 - 3.74 x 5 / 100 = 4.513 -> 4.51
  await page.fill('[data-indicator="3"] input[type=number]', "1.26");
  assert.equal(await text(page, "target-index"), "4.51");
  // the range 1.26 falls in is marked (Kurang / Merintis: 1.00 to 1.50)
  assert.equal(await page.getAttribute('[data-indicator="3"] li.range.chosen', "data-level"), "1");
  await page.context().close();
});

test("8/2026 with decimal values: a real 2026 result (Kab. Aceh Tengah), on a phone", async () => {
  // assessor values I1..I20 (secondary source, reference notes §12); published index 1,24,
  // aspects 1,75 1,28 1,00 1,17 1,08 1,40 1,18 (aspect 5 with I13 = 7/6, given as a fraction)
  const values = ["2", "1.50", "1.26", "1.30", "1", "1", "1", "1", "1", "1", "1.50", "1.25", "7/6", "1", "1", "1", "2.50", "1", "1", "1.30"];
  const vector = "SPBE2.permenpanrb-8-2026.Y2026.M" + values.map((v) => (/^\d$/.test(v) ? v : `v${v.replace(".", "p").replace("/", "s")}v`)).join("");
  const page = await open(`${base}#${vector}`, { viewport: { width: 390, height: 844 } });
  assert.equal(await page.inputValue("#edition"), "permenpanrb-8-2026");
  assert.equal(await text(page, "index"), "1.24");
  assert.equal(await text(page, "predicate"), "Kurang");
  const aspects = [];
  for (let a = 1; a <= 7; a++) {
    const row = await page.locator("#parts tbody tr").nth(a - 1).textContent();
    aspects.push(row.match(/(\d\.\d\d)\s*—?$/)?.[1] ?? row);
  }
  assert.deepEqual(aspects, ["1.75", "1.28", "1.00", "1.17", "1.08", "1.40", "1.18"]);
  // every indicator has its number field inside its own fieldset, with the five ranges and criteria
  assert.equal(await page.locator("[data-indicator] input[type=number][step='0.01']").count(), 20);
  assert.equal(await page.locator('[data-indicator="1"] li.range').count(), 5);
  assert.match(await page.textContent('[data-indicator="1"] li.range[data-level="2"]'), /Cukup \/ Membangun \/ Emerging · > 1\.50 – ≤ 2\.50.*Substansi Rencana Aksi Nasional Pemdi/s);
  // the fraction from the link is shown as given
  assert.match(await page.textContent('[data-indicator="13"] [data-from-file]'), /7\/6/);
  // a value above 5 is refused by the core, with its message on the field
  await page.fill('[data-indicator="2"] input[type=number]', "5.2");
  await page.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  assert.match(await page.textContent("#status"), /indicator 2\b.*5\.2 is out of range/);
  assert.equal(await page.getAttribute('[data-indicator="2"] input[type=number]', "aria-invalid"), "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.fill('[data-indicator="2"] input[type=number]', "1.5");
  assert.equal(await text(page, "index"), "1.24");
  await page.screenshot({ path: path.join(artifacts, "calculator-2026-phone.png"), fullPage: false });
  await page.context().close();
});

test("a #vector link shows that assessment (2018, three services for indicator 35)", async () => {
  // 1-34 at level 2, indicator 35 with services [1, 3, 3]: A7 = 13/6, index = 61/30 = 2.0333 -> 2.03
  const vector = "SPBE1.permenpanrb-5-2018.N" + Buffer.from("Kota Contoh").toString("base64url") + ".M" + "2".repeat(34) + "~3133";
  const page = await open(`${base}#${vector}`);
  assert.equal(await page.inputValue("#edition"), "permenpanrb-5-2018");
  assert.equal(await page.inputValue("#institution"), "Kota Contoh");
  assert.equal(await text(page, "index"), "2.03");
  assert.equal(await text(page, "predicate"), "Cukup");
  assert.ok(await page.isChecked('[data-indicator="35"] input[name="ind-35-1"][value="1"]'));
  assert.ok(await page.isChecked('[data-indicator="35"] input[name="ind-35-3"][value="3"]'));
  // dropping the third service: A7 = (2+2+2+1+3)/5 = 2, index back to 2.00
  await page.check('[data-indicator="35"] input[name="ind-35-3"][value=""]');
  assert.equal(await text(page, "index"), "2.00");
  await page.context().close();
});

test("save to and load from an spbe JSON file, notes and evidence kept", async () => {
  const page = await open(base);
  await page.selectOption("#edition", "permenpanrb-59-2020");
  await page.fill("#institution", "Kabupaten Uji");
  await page.fill("#year", "2025");
  for (let i = 1; i <= 47; i++) await page.check(`[data-indicator="${i}"] input[value="${i % 5 + 1}"]`);
  await page.click('[data-indicator="1"] details summary');
  await page.fill('[data-note="1"]', "Perbup No. 1 Tahun 2024");
  await page.fill('[data-evidence="1"]', "SK Bupati\nhttps://contoh.go.id/sk.pdf");
  await page.click('[data-indicator="2"]'); // blur: the change event fires
  const before = await text(page, "index");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  const file = path.join(artifacts, "saved-assessment.json");
  await download.saveAs(file);
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(saved.rubric, "permenpanrb-59-2020");
  assert.equal(saved.institution, "Kabupaten Uji");
  assert.equal(saved.year, 2025);
  assert.equal(saved.tracks.mandiri["7"], 3);
  assert.equal(saved.notes["1"], "Perbup No. 1 Tahun 2024");
  assert.deepEqual(saved.evidence["1"], ["SK Bupati", "https://contoh.go.id/sk.pdf"]);
  // a fresh page, then load the file: everything is back
  const page2 = await open(base);
  await page2.setInputFiles("#load", file);
  await page2.waitForFunction((v) => document.querySelector('[data-testid="index"]').textContent === v, before);
  assert.equal(await page2.inputValue("#institution"), "Kabupaten Uji");
  assert.equal(await page2.inputValue('[data-note="1"]'), "Perbup No. 1 Tahun 2024");
  assert.equal(await page2.inputValue('[data-evidence="1"]'), "SK Bupati\nhttps://contoh.go.id/sk.pdf");
  // a broken file is refused with a message, and the page keeps its state
  const broken = path.join(artifacts, "broken.json");
  fs.writeFileSync(broken, JSON.stringify({ rubric: "permenpanrb-59-2020", levels: { "1": 9 } }));
  await page2.setInputFiles("#load", broken);
  await page2.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  assert.match(await page2.textContent("#status"), /indicator 1\b.*level 9 is out of range/);
  assert.equal(await text(page2, "index"), before);
  // CSV export
  const [csv] = await Promise.all([page2.waitForEvent("download"), page2.click("#csv")]);
  const csvFile = path.join(artifacts, "export.csv");
  await csv.saveAs(csvFile);
  const lines = fs.readFileSync(csvFile, "utf8").trim().split(/\r\n/);
  assert.equal(lines.length, 48);
  assert.match(lines[1], /^"1","1","1","Tingkat Kematangan Kebijakan Internal Arsitektur SPBE/);
  await page.context().close();
  await page2.context().close();
});

test("a file's number literals are read digit for digit, as the CLI reads them", async () => {
  const page = await open(base);
  // 8/2026, every indicator 1 except I1 = 4.999999999999999999 (5 %): the exact index is
  // 1 + 3.999999999999999999 x 5 / 100 = 1.19999999999999999995, shown 1.20 (a double would read 5 and give exactly 1.2)
  const levels = Object.fromEntries(Array.from({ length: 20 }, (_, k) => [String(k + 1), "1"]));
  const text = JSON.stringify({ rubric: "permenpanrb-8-2026", levels }).replace('"1":"1"', '"1":4.999999999999999999').replace(/"(\d+)":"1"/g, '"$1":1');
  const file = path.join(artifacts, "many-digits-2026.json");
  fs.writeFileSync(file, text);
  await page.setInputFiles("#load", file);
  await page.waitForFunction(() => document.querySelector('[data-testid="index"]').textContent === "1.20");
  const hash = decodeURIComponent(new URL(page.url()).hash);
  assert.match(hash, /v4p999999999999999999v/);
  // 59/2020: 3.0000000000000001 is not a whole number; the page refuses the file like the CLI does
  const full = Object.fromEntries(Array.from({ length: 47 }, (_, k) => [String(k + 1), 3]));
  const bad = path.join(artifacts, "not-whole-2020.json");
  fs.writeFileSync(bad, JSON.stringify({ rubric: "permenpanrb-59-2020", levels: full }).replace('"7":3', '"7":3.0000000000000001'));
  await page.setInputFiles("#load", bad);
  await page.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  assert.match(await page.textContent("#status"), /indicator 7\b/);
  await page.context().close();
});

test("English switch, accessible names, readable on a phone", async () => {
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "_".repeat(47), { viewport: { width: 390, height: 844 } });
  assert.equal(await page.getAttribute("html", "lang"), "id");
  assert.equal(await page.textContent("h1"), "Kalkulator Indeks SPBE");
  await page.click('[data-lang="en"]');
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("h1"), "SPBE Index Calculator");
  assert.equal(await page.getAttribute('[data-lang="en"]', "aria-pressed"), "true");
  assert.match(await page.textContent('[data-indicator="32"] legend'), /32\. Maturity of the planning service/);
  // a radio is reachable by its label text (what a screen reader announces)
  await page.getByRole("group", { name: /32\. Maturity of the planning service/ }).getByRole("radio", { name: /Level 3 – Transaction/ }).check();
  assert.ok(await page.isChecked('[data-indicator="32"] input[value="3"]'));
  // no horizontal scrolling on a phone
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: path.join(artifacts, "calculator-phone-en.png") });
  await page.context().close();
});

test("no errors in the browser console", () => {
  assert.deepEqual(problems, []);
});
