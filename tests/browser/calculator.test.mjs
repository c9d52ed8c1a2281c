// End-to-end test of the calculator (spbe-wasm/dist) in real headless Chromium
// (Debian's /usr/bin/chromium, driven by playwright-core). Expected values are
// worked out by hand in the comments.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { artifacts, serve, launch, open as openIn, text, hashNow } from "./helpers.mjs";

let server, base, browser;
const problems = []; // console errors and page errors, across every page

before(async () => {
  server = await serve();
  base = server.base;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const open = (url, opts = {}) => openIn(browser, url, problems, opts);

// The results below the summary once drawn (just after the frame that shows the summary).
const settled = (page) => page.waitForSelector("body:not([data-settled=false])", { state: "attached" });

// The edition in force this year, by its in_force years (2026 and later: 8/2026).
const thisYearsEdition = new Date().getFullYear() >= 2026 ? "permenpanrb-8-2026" : "permenpanrb-59-2020";

test("fill the form: index and predicate update live", async () => {
  const page = await open(base);
  assert.equal(await page.inputValue("#edition"), thisYearsEdition);
  await page.selectOption("#edition", "permenpanrb-59-2020");
  assert.equal(await text(page, "index"), "—");
  // every indicator at level 3 ...
  for (let i = 1; i <= 47; i++) await page.check(`[data-indicator="${i}"] input[value="3"]`);
  assert.equal(await text(page, "index"), "3,00");
  assert.equal(await text(page, "predicate"), "Baik");
  // ... then aspect 7 (indicators 32-41, 2.75 % each) at level 4:
  // index = (300 + 10 x 2.75) / 100 = 3.275 exactly, reported half up as 3.28
  for (let i = 32; i <= 41; i++) await page.check(`[data-indicator="${i}"] input[value="4"]`);
  assert.equal(await text(page, "index"), "3,28");
  assert.equal(await text(page, "predicate"), "Baik");
  // domain 4 = (27.5 x 4 + 18 x 3) / 45.5 = 3.6044 -> 3.60 in the table
  await settled(page);
  const row = await page.locator("#parts tbody tr", { hasText: "Domain 4." }).textContent();
  assert.match(row, /Domain 4\. Layanan SPBE.*45,50.*3,60/); // decimal commas in Indonesian
  // the largest one-level gains are the 3.00 % indicators 42-47
  assert.match(await page.textContent("#gains li:first-child"), /^42\. .*\+0,0300/);
  // the link holds the state
  assert.match((await hashNow(page)), /^#SPBE1\.permenpanrb-59-2020\.M3{31}4{10}3{6}\.T_{47}$/);
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
  assert.equal(await text(page, "index"), "3,00");
  assert.equal(await page.textContent("#plan-h"), "Cara termurah ke Sangat Baik");
  const steps = await page.locator("#plan li").allTextContents();
  assert.deepEqual(steps.map((s) => s.match(/^(\d+)\./)[1]), ["32", "33", "34", "42", "43", "44", "45", "46", "47"]);
  assert.ok(steps.every((s) => /3 → 5$/.test(s)), steps.join("|"));
  assert.match(await page.textContent("#plan-total"), /^18 langkah kenaikan; indeks sesudahnya 3,53 \(Sangat Baik\)\.$/);
  await page.click("#plan-copy");
  assert.equal(await text(page, "target-index"), "3,53");
  assert.equal(await text(page, "target-predicate"), "Sangat Baik");
  assert.equal(await text(page, "gap"), "+0,53");
  // the target track is the whole plan: unchanged indicators at their current level
  assert.match((await hashNow(page)), /\.T3{31}5{3}3{7}5{6}$/);
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
  assert.equal(await text(page, "target-index"), "3,00"); // no change planned yet: the current index
  await page.check('input[name="active-track"][value="target"]');
  // the current level shows while editing the target
  assert.equal(await page.isChecked('[data-indicator="11"] input[value="3"]'), true);
  for (let i = 1; i <= 10; i++) await page.check(`[data-indicator="${i}"] input[value="4"]`);
  assert.equal(await text(page, "target-index"), "3,13");
  assert.equal(await text(page, "target-predicate"), "Baik");
  assert.equal(await text(page, "gap"), "+0,13");
  assert.equal(await text(page, "index"), "3,00");
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
  await settled(page);
  assert.equal(await page.textContent('[data-support="2"]'), "Didukung bukti dukung: tingkat 3");
  assert.equal(await page.textContent("#above-evidence"), "");
  assert.match((await hashNow(page)), /\.K2~123$/);
  // the index is the claimed one: evidence flags, it does not rescore
  assert.equal(await text(page, "index"), "3,00");
  await page.context().close();
});

test("target track and the gap (8/2026, number fields)", async () => {
  const page = await open(base + "#SPBE1.permenpanrb-8-2026.Y2026.M44444444444444444444.T55555555555555555555");
  assert.equal(await page.inputValue("#edition"), "permenpanrb-8-2026");
  assert.equal(await page.inputValue("#year"), "2026");
  assert.equal(await text(page, "index"), "4,00");
  // Tabel 4 is closed above: 4.00 is still Sangat Baik (Memuaskan needs more than 4.00)
  assert.equal(await text(page, "predicate"), "Sangat Baik · Melembaga");
  assert.equal(await text(page, "target-index"), "5,00");
  assert.equal(await text(page, "gap"), "+1,00");
  // editing the target track changes only the target: indicator 20 (15 %) to 3
  await page.check('input[name="active-track"][value="target"]');
  const field20 = '[data-indicator="20"] input[data-value]';
  assert.equal(await page.inputValue(field20), "5");
  await page.fill(field20, "3");
  assert.equal(await text(page, "target-index"), "4,70"); // 5 - 2 x 15 / 100
  assert.equal(await text(page, "index"), "4,00");
  assert.equal(await text(page, "gap"), "+0,70");
  // a decimal: indicator 3 (5 %) to 1.26: 4.70 - 3.74 x 5 / 100 = 4.513 -> 4.51
  await page.fill('[data-indicator="3"] input[data-value]', "1.26");
  assert.equal(await text(page, "target-index"), "4,51");
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
  assert.equal(await text(page, "index"), "1,24");
  assert.equal(await text(page, "predicate"), "Kurang · Merintis"); // 8/2026: the predicate and its second name (the rubric's label)
  const aspects = [];
  for (let a = 1; a <= 7; a++) {
    const row = await page.locator("#parts tbody tr").nth(a - 1).textContent();
    aspects.push(row.match(/(\d,\d\d)\s*—?$/)?.[1] ?? row);
  }
  assert.deepEqual(aspects, ["1,75", "1,28", "1,00", "1,17", "1,08", "1,40", "1,18"]);
  // every indicator has its number field inside its own fieldset, with the five ranges and criteria
  assert.equal(await page.locator("[data-indicator] input[data-value][inputmode=decimal]").count(), 20);
  assert.equal(await page.locator('[data-indicator="1"] li.range').count(), 5);
  assert.match(await page.textContent('[data-indicator="1"] li.range[data-level="2"]'), /Cukup \/ Membangun · > 1,50 – 2,50.*Substansi Rencana Aksi Nasional Pemdi/s);
  assert.doesNotMatch(await page.textContent('[data-indicator="1"] li.range[data-level="2"]'), /Emerging/); // no English in the Indonesian page
  assert.match(await page.textContent('[data-indicator="1"] li.range[data-level="1"]'), /^Kurang \/ Merintis · 1,00 – 1,50/);
  // the fraction from the link is shown as given
  assert.match(await page.textContent('[data-indicator="13"] [data-from-file]'), /7\/6/);
  // a value above 5 is refused by the core, with its message on the field
  await page.fill('[data-indicator="2"] input[data-value]', "5.2");
  await page.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  // in the form's words: the value as typed in Indonesian, the track and the edition by name
  assert.match(await page.textContent("#status"), /indikator 2 \(penilaian mandiri\): nilai 5,2 di luar rentang; PermenPANRB 8\/2026 menerima bilangan dari 1 sampai 5, misalnya 3 atau 1,26\)$/);
  assert.equal(await page.getAttribute('[data-indicator="2"] input[data-value]', "aria-invalid"), "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.fill('[data-indicator="2"] input[data-value]', "1.5");
  assert.equal(await text(page, "index"), "1,24");
  await page.screenshot({ path: path.join(artifacts, "calculator-2026-phone.png"), fullPage: false });
  await page.context().close();
});

test("a #vector link shows that assessment (2018, three services for indicator 35)", async () => {
  // 1-34 at level 2, indicator 35 with services [1, 3, 3]: A7 = 13/6, index = 61/30 = 2.0333 -> 2.03
  const vector = "SPBE1.permenpanrb-5-2018.N" + Buffer.from("Kota Contoh").toString("base64url") + ".M" + "2".repeat(34) + "~3133";
  const page = await open(`${base}#${vector}`);
  assert.equal(await page.inputValue("#edition"), "permenpanrb-5-2018");
  assert.equal(await page.inputValue("#institution"), "Kota Contoh");
  assert.equal(await text(page, "index"), "2,03");
  assert.equal(await text(page, "predicate"), "Cukup");
  assert.ok(await page.isChecked('[data-indicator="35"] input[name="ind-35-1"][value="1"]'));
  assert.ok(await page.isChecked('[data-indicator="35"] input[name="ind-35-3"][value="3"]'));
  // dropping the third service: A7 = (2+2+2+1+3)/5 = 2, index back to 2.00
  await page.check('[data-indicator="35"] input[name="ind-35-3"][value=""]');
  assert.equal(await text(page, "index"), "2,00");
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
  assert.match(await page2.textContent("#status"), /indikator 1\b.*nilai 9 di luar rentang/);
  assert.equal(await text(page2, "index"), before);
  // CSV export
  const [csv] = await Promise.all([page2.waitForEvent("download"), page2.click("#csv")]);
  const csvFile = path.join(artifacts, "export.csv");
  await csv.saveAs(csvFile);
  // (Indonesian page: a block of results first, then ";"-separated rows; the format is tested in detail below)
  const lines = fs.readFileSync(csvFile, "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
  const head = lines.findIndex((l) => l.startsWith('"Indikator";'));
  assert.equal(lines.length - head - 1, 47);
  assert.match(lines[head + 1], /^"1";"1";"1";"Tingkat Kematangan Kebijakan Internal Arsitektur SPBE/);
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
  await page.waitForFunction(() => document.querySelector('[data-testid="index"]').textContent === "1,20");
  const hash = decodeURIComponent((await hashNow(page)));
  assert.match(hash, /v4p999999999999999999v/);
  // 59/2020: 3.0000000000000001 is not a whole number; the page refuses the file like the CLI does
  const full = Object.fromEntries(Array.from({ length: 47 }, (_, k) => [String(k + 1), 3]));
  const bad = path.join(artifacts, "not-whole-2020.json");
  fs.writeFileSync(bad, JSON.stringify({ rubric: "permenpanrb-59-2020", levels: full }).replace('"7":3', '"7":3.0000000000000001'));
  await page.setInputFiles("#load", bad);
  await page.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  assert.match(await page.textContent("#status"), /indikator 7\b.*"3\.0000000000000001"/);
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

// ---------------------------------------------------------------- issue 13
// WCAG 2 contrast ratio of two CSS colours "rgb(r, g, b)" (relative luminance of sRGB)
function contrast(fg, bg) {
  const lum = (css) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map((x) => Number(x) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

test("a broken link is explained in the page's language, kept for repair, and the page keeps working", async () => {
  // a truncated percent-escape in the institution segment (decodeURIComponent throws "URI malformed")
  const broken = "#SPBE1.permenpanrb-59-2020.N%E0%A4%A";
  const page = await open(base + broken);
  assert.ok(await page.$eval("#status", (s) => s.classList.contains("error")));
  const msg = await page.textContent("#status");
  // an Indonesian sentence naming the problem, the core's message after it in parentheses, in
  // Indonesian too (issue 13: vector errors were English in the Indonesian page)
  assert.match(msg, /^Tautan di bilah alamat tidak dapat dibaca, jadi isiannya tidak dibuka\. .*\(vektor tidak sah pada segmen 3: nama instansi .*\)$/);
  assert.doesNotMatch(msg, /invalid vector|institution/);
  // the link is not overwritten: it can still be repaired in the address bar
  assert.equal((await hashNow(page)), broken);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(artifacts, "calculator-broken-link-phone.png") });
  // the language switch explains it again in English, and still keeps the link
  await page.click('[data-lang="en"]');
  assert.match(await page.textContent("#status"), /^The link in the address bar cannot be read.*\(invalid vector at segment 3: institution /);
  assert.equal((await hashNow(page)), broken);
  await page.click('[data-lang="id"]');
  // the page works: the form is there (the edition in force), and a change writes a new link
  assert.equal(await page.inputValue("#edition"), thisYearsEdition);
  await page.selectOption("#edition", "permenpanrb-59-2020"); // nothing filled: no question asked
  await page.check('[data-indicator="1"] input[value="3"]');
  // one indicator of 47 at 3, the rest left out and renormalised: 3,00
  assert.equal(await text(page, "index"), "3,00");
  assert.match((await hashNow(page)), /^#SPBE1\.permenpanrb-59-2020\.M3_{46}/);
  // a link broken while the page is open (edited in the address bar) is explained; the form is kept
  await page.evaluate(() => { location.hash = "SPBE1.permenpanrb-59-2020.M33"; });
  await page.waitForFunction(() => /tidak dapat dibaca/.test(document.querySelector("#status").textContent));
  assert.match(await page.textContent("#status"), /segmen nilai berakhir terlalu cepat: 2 kode untuk 47 indikator/);
  assert.equal(await text(page, "index"), "3,00");
  assert.equal((await hashNow(page)), "#SPBE1.permenpanrb-59-2020.M33");
  await page.context().close();

  // garbage that is not a calculator link at all (and not even valid percent-encoding), in English
  const page2 = await open(`${base}?lang=en#%%zz-not-a-link`);
  assert.match(await page2.textContent("#status"), /^The part of the link after # \("%%zz-not-a-link"\) is not an SPBE calculator state/);
  assert.equal((await hashNow(page2)), "#%%zz-not-a-link");
  assert.equal(await text(page2, "index"), "—");
  await page2.context().close();

  // a very long link (100,000 extra level codes): a short message, the page works
  const page3 = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "3".repeat(100047));
  const long = await page3.textContent("#status");
  assert.match(long, /^Tautan di bilah alamat tidak dapat dibaca.*100000 karakter berlebih setelah 47 indikator\)$/);
  assert.ok(long.length < 400, `${long.length} characters`);
  await page3.selectOption("#edition", "permenpanrb-59-2020");
  await page3.check('[data-indicator="47"] input[value="5"]');
  assert.equal(await text(page3, "index"), "5,00");
  // values the core refuses (level 9 on a 1-5 scale) are not opened either, and are named
  const page4 = await open(base + "#SPBE1.permenpanrb-59-2020.M9" + "3".repeat(46));
  assert.match(await page4.textContent("#status"), /^Tautan di bilah alamat berisi nilai yang tidak sah.*indikator 1\b.*nilai 9 di luar rentang/);
  assert.equal(await text(page4, "index"), "—");
  assert.match(page4.url(), /#SPBE1\.permenpanrb-59-2020\.M93{46}$/);
  await page3.context().close();
  await page4.context().close();
});

test("no lost work: autosave, restore at the bare address, a link wins, the language is kept", async () => {
  const page = await open(base);
  await page.selectOption("#edition", "permenpanrb-59-2020");
  await page.fill("#institution", "Kabupaten Simpan");
  await page.fill("#year", "2025");
  for (let i = 1; i <= 47; i++) await page.check(`[data-indicator="${i}"] input[value="3"]`);
  await page.check('input[name="active-track"][value="target"]');
  await page.check('[data-indicator="1"] input[value="4"]');
  await page.click('[data-indicator="5"] details.extra summary');
  await page.fill('[data-note="5"]', "Catatan penting");
  await page.fill('[data-evidence="5"]', "SK Kepala Daerah");
  await page.check('[data-indicator="5"] input[data-criteria][value="2"]');
  await page.click('[data-lang="en"]');
  // current 3.00; target 3 + 1 x 1.30 / 100 = 3.013 -> 3.01
  assert.equal(await text(page, "target-index"), "3.01");
  // the tab is closed; the bare address is opened again (same browser profile)
  const context = page.context();
  await page.close();
  const again = await context.newPage();
  await again.goto(base);
  await again.waitForSelector("body[data-ready=true]");
  assert.equal(await again.getAttribute("html", "lang"), "en"); // the language is remembered
  assert.match(await again.textContent("#status"), /^The draft saved in this browser was reopened/);
  assert.equal(await again.inputValue("#edition"), "permenpanrb-59-2020");
  assert.equal(await again.inputValue("#institution"), "Kabupaten Simpan");
  assert.equal(await again.inputValue("#year"), "2025");
  assert.equal(await text(again, "index"), "3.00");
  assert.equal(await text(again, "target-index"), "3.01");
  assert.ok(await again.isChecked('input[name="active-track"][value="target"]'));
  assert.ok(await again.isChecked('[data-indicator="1"] input[value="4"]')); // the target track is shown
  assert.equal(await again.inputValue('[data-note="5"]'), "Catatan penting");
  assert.equal(await again.inputValue('[data-evidence="5"]'), "SK Kepala Daerah");
  assert.ok(await again.isChecked('[data-indicator="5"] input[data-criteria][value="2"]'));
  // a link in the hash wins over the draft (every indicator at 2: 2.00)
  const linked = await context.newPage();
  await linked.goto(base + "#SPBE1.permenpanrb-59-2020.M" + "2".repeat(47));
  await linked.waitForSelector("body[data-ready=true]");
  assert.equal(await text(linked, "index"), "2.00");
  assert.equal(await linked.inputValue("#institution"), "");
  // switching the track or the language there is no change of content: the draft is kept
  await linked.check('input[name="active-track"][value="target"]');
  await linked.click('[data-lang="en"]');
  // opening a link (in another tab) does not touch the draft until something is changed
  const third = await context.newPage();
  await third.goto(base);
  await third.waitForSelector("body[data-ready=true]");
  assert.equal(await third.inputValue("#institution"), "Kabupaten Simpan");
  await third.setViewportSize({ width: 390, height: 844 });
  await third.screenshot({ path: path.join(artifacts, "calculator-restored-phone.png") });
  // ... and in the linked tab the draft is still offered: opening it brings it back, with an Undo
  // back to the link (which offers the draft again)
  assert.match(await linked.textContent("#status"), /^There is a draft saved in this browser/);
  await linked.click("#open-draft");
  assert.equal(await linked.inputValue("#institution"), "Kabupaten Simpan");
  assert.equal(await text(linked, "target-index"), "3.01");
  assert.ok(await linked.isHidden("#open-draft"));
  await linked.click("#undo");
  assert.equal(await text(linked, "index"), "2.00");
  assert.ok(await linked.isVisible("#open-draft"));
  await context.close();
});

test("clear and change of edition ask first, and can be undone", async () => {
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "3".repeat(47) + ".T" + "_".repeat(47));
  const asked = [];
  // dismissed: nothing happens
  page.once("dialog", (d) => { asked.push(d.message()); d.dismiss(); });
  await page.click("#clear");
  assert.match(asked[0], /^Kosongkan semua isian/);
  assert.equal(await text(page, "index"), "3,00");
  // accepted: the form is empty, with an Undo beside the message
  page.once("dialog", (d) => d.accept());
  await page.click("#clear");
  assert.equal(await text(page, "index"), "—");
  assert.equal(await page.textContent("#status"), "Isian dikosongkan.");
  assert.ok(await page.isVisible("#undo"));
  assert.equal(await page.textContent("#undo"), "Urungkan");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(artifacts, "calculator-cleared-phone.png") });
  await page.click("#undo");
  assert.equal(await text(page, "index"), "3,00");
  assert.ok(await page.isHidden("#undo"));
  assert.match((await hashNow(page)), /\.M3{47}/);
  // an Undo is withdrawn by the next change (it would throw that change away)
  page.once("dialog", (d) => d.accept());
  await page.click("#clear");
  assert.ok(await page.isVisible("#undo"));
  await page.check('[data-indicator="1"] input[value="2"]');
  assert.ok(await page.isHidden("#undo"));
  page.once("dialog", (d) => d.accept());
  await page.click("#clear");
  await page.click("#undo"); // back to indicator 1 at 2 alone: one of 47, renormalised, 2,00
  assert.equal(await text(page, "index"), "2,00");
  assert.ok(await page.isHidden("#undo"));
  // back to the full form for the rest (a link pasted into the address bar)
  await page.evaluate((h) => { location.hash = h; }, "SPBE1.permenpanrb-59-2020.M" + "3".repeat(47));
  await page.waitForFunction(() => document.querySelector('[data-testid="index"]').textContent === "3,00");
  // the edition: dismissed keeps 59/2020 and its levels
  page.once("dialog", (d) => { asked.push(d.message()); d.dismiss(); });
  await page.selectOption("#edition", "permenpanrb-8-2026");
  assert.match(asked[1], /^Mengganti edisi mengosongkan/);
  assert.equal(await page.inputValue("#edition"), "permenpanrb-59-2020");
  assert.equal(await text(page, "index"), "3,00");
  // accepted: 8/2026, empty; Undo brings 59/2020 and its levels back
  page.once("dialog", (d) => d.accept());
  await page.selectOption("#edition", "permenpanrb-8-2026");
  assert.equal(await page.inputValue("#edition"), "permenpanrb-8-2026");
  assert.equal(await text(page, "index"), "—");
  await page.click("#undo");
  assert.equal(await page.inputValue("#edition"), "permenpanrb-59-2020");
  assert.equal(await text(page, "index"), "3,00");
  // with nothing filled, changing the edition asks nothing (an unexpected dialog would be dismissed)
  page.on("dialog", (d) => { asked.push(d.message()); d.accept(); });
  await page.click("#clear"); // asked: the form is filled
  await page.selectOption("#edition", "permenpanrb-8-2026");
  assert.equal(await page.inputValue("#edition"), "permenpanrb-8-2026");
  assert.equal(asked.length, 3); // only the clear of the filled form asked
  // an institution alone is work too: a clear asks, and can be undone
  await page.fill("#institution", "Kota Uji");
  await page.click("#clear");
  assert.equal(asked.length, 4);
  assert.equal(await page.inputValue("#institution"), "");
  await page.click("#undo");
  assert.equal(await page.inputValue("#institution"), "Kota Uji");
  await page.context().close();
});

test("CSV for Excel: BOM, ';' and decimal commas in Indonesian, ',' in English, results first, no dates", async () => {
  // 2018, Kota Contoh, 2024: 1-34 at 2, indicator 35 with services 1, 3, 3 -> 61/30 = 2.0333, "2,03" Cukup
  const vector = "SPBE1.permenpanrb-5-2018.Y2024.N" + Buffer.from("Kota Contoh").toString("base64url") + ".M" + "2".repeat(34) + "~3133";
  const page = await open(`${base}#${vector}`);
  const grab = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
    const file = path.join(artifacts, name);
    await dl.saveAs(file);
    return fs.readFileSync(file);
  };
  const id = await grab("export-id.csv");
  assert.deepEqual([...id.subarray(0, 3)], [0xef, 0xbb, 0xbf]); // UTF-8 BOM
  const lines = id.subarray(3).toString("utf8").split("\r\n");
  assert.deepEqual(lines.slice(0, 9), [
    '"Instansi";"Kota Contoh"',
    '"Tahun";"2024"',
    '"Edisi";"PermenPANRB 5/2018 (permenpanrb-5-2018)"',
    '"Indeks saat ini";"2,03"',
    '"Predikat saat ini";"Cukup"',
    '"Indeks target";"2,03"', // no change planned: the target is the current levels
    '"Predikat target";"Cukup"',
    "",
    '"Indikator";"Domain";"Aspek";"Nama";"Saat ini";"Target";"Penjelasan";"Bukti dukung"',
  ]);
  assert.equal(lines.filter((l) => l.startsWith('"')).length, 7 + 1 + 35);
  // the three services as text Excel cannot read as a date (not "1/3/3")
  assert.match(lines.find((l) => l.startsWith('"35";')), /^"35";"3";"7";"[^"]+";"1; 3; 3";"1; 3; 3";"";""$/);
  // English: "," and decimal points, English headers
  await page.click('[data-lang="en"]');
  const en = (await grab("export-en.csv")).toString("utf8");
  assert.ok(en.startsWith("\uFEFF\"Institution\",\"Kota Contoh\"\r\n"));
  assert.match(en, /\r\n"Current index","2\.03"\r\n"Current predicate","Cukup \(Fair\)"\r\n/);
  assert.match(en, /\r\n"Indicator","Domain","Aspect","Name","Current","Target","Explanation","Evidence"\r\n/);
  await page.context().close();

  // 8/2026 decimals (Kab. Aceh Tengah, index 1,24): "1,26" with a comma, 7/6 with a fraction slash
  const values = ["2", "1.50", "1.26", "1.30", "1", "1", "1", "1", "1", "1", "1.50", "1.25", "7/6", "1", "1", "1", "2.50", "1", "1", "1.30"];
  const v26 = "SPBE2.permenpanrb-8-2026.Y2026.M" + values.map((v) => (/^\d$/.test(v) ? v : `v${v.replace(".", "p").replace("/", "s")}v`)).join("");
  const page2 = await open(`${base}#${v26}`);
  const [dl] = await Promise.all([page2.waitForEvent("download"), page2.click("#csv")]);
  const file = path.join(artifacts, "export-2026-id.csv");
  await dl.saveAs(file);
  const l26 = fs.readFileSync(file, "utf8").split("\r\n");
  assert.equal(l26[3], '"Indeks saat ini";"1,24"');
  assert.match(l26.find((l) => l.startsWith('"3";')), /^"3";"";"2";"[^"]+";"1,26";"1,26";/);
  assert.match(l26.find((l) => l.startsWith('"13";')), /^"13";"";"\d";"[^"]+";"7\u20446";"7\u20446";/);
  await page2.context().close();
});

test("accessibility and locale: badge contrast, one polite announcement, lang=id, decimal commas", async () => {
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "3".repeat(47) + ".T" + "_".repeat(47));
  // every predicate badge colour against its background: at least 4.5:1 (WCAG AA, normal text)
  for (const band of ["kurang", "cukup", "baik", "sangat", "memuaskan"]) {
    const [fg, bg] = await page.evaluate((b) => {
      const e = document.querySelector('[data-testid="predicate"]');
      e.className = `pred ${b}`;
      const cs = getComputedStyle(e);
      return [cs.color, cs.backgroundColor];
    }, band);
    const ratio = contrast(fg, bg);
    assert.ok(ratio >= 4.5, `${band}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1`);
  }
  // the big table is no live region; the summary is announced through one polite region
  assert.equal(await page.getAttribute("#parts", "aria-live"), null);
  assert.equal(await page.$eval('[data-testid="index"]', (e) => e.closest("[aria-live]")), null);
  assert.equal(await page.getAttribute("#announce", "aria-live"), "polite");
  assert.equal(await page.textContent("#announce"), "Indeks saat ini 3,00 Baik; target 3,00 Baik.");
  await page.evaluate(() => {
    window.announced = 0;
    new MutationObserver((records) => { window.announced += records.length; })
      .observe(document.querySelector("#announce"), { childList: true, characterData: true, subtree: true });
  });
  // indicator 1 (1.30 %) to 4: 3 + 1.30 / 100 = 3.013 -> 3,01, the target follows (no change planned)
  await page.check('[data-indicator="1"] input[value="4"]');
  assert.equal(await page.textContent("#announce"), "Indeks saat ini 3,01 Baik; target 3,01 Baik.");
  assert.equal(await page.evaluate(() => window.announced), 1);
  // a note changes no index: nothing is announced
  await page.click('[data-indicator="1"] details.extra summary');
  await page.fill('[data-note="1"]', "x");
  await page.click('[data-indicator="2"] legend');
  assert.equal(await page.evaluate(() => window.announced), 1);
  // no lang marks in the Indonesian page (all of it is Indonesian)
  assert.equal(await page.locator("#indicators [lang]").count(), 0);
  // English: the official Indonesian question and criteria are marked lang="id"; translated names are not
  await page.click('[data-lang="en"]');
  assert.equal(await page.getAttribute('[data-indicator="1"] .question', "lang"), "id");
  assert.equal(await page.getAttribute('[data-indicator="1"] .level:has(input[value="1"]) .crit', "lang"), "id");
  assert.equal(await page.locator('[data-indicator="1"] legend [lang]').count(), 0);
  assert.equal(await page.getAttribute('[data-testid="predicate"] span', "lang"), "id"); // "Baik" (Good)
  // decimal points in English, commas in Indonesian
  assert.equal(await text(page, "index"), "3.01");
  assert.equal(await page.textContent("#announce"), "Current index 3.01 Baik (Good); target 3.01 Baik (Good).");
  await page.click('[data-lang="id"]');
  assert.equal(await text(page, "index"), "3,01");
  // 2018's criteria are English summaries: not marked Indonesian in the English page
  const page2 = await open(`${base}?lang=en#SPBE1.permenpanrb-5-2018.M` + "2".repeat(34) + "~3133");
  assert.equal(await page2.getAttribute('[data-indicator="1"] .level:has(input[value="1"]) .crit', "lang"), null);
  await page2.context().close();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(artifacts, "calculator-a11y-phone.png") });
  await page.context().close();
});

test("on a phone: the summary stays in view over the form, the track being edited is named, unfilled only", async () => {
  // 59/2020, 1-40 at level 3, 41-47 not filled: 3,00 on the 40 filled (renormalised), the target the same
  const page = await open(base + "#SPBE1.permenpanrb-59-2020.M" + "3".repeat(40) + "_".repeat(7), { viewport: { width: 390, height: 844 } });
  const bar = "#summary-bar";
  // scrolled deep into the form (indicator 30), the bar is at the top of the screen
  await page.locator('[data-indicator="30"]').scrollIntoViewIfNeeded();
  const box = await page.locator(bar).boundingBox();
  assert.ok(box.y >= -1 && box.y < 5 && box.height < 200, JSON.stringify(box));
  assert.equal(await page.textContent("#sum-current"), "Saat ini 3,00 Baik");
  assert.equal(await page.textContent("#sum-target"), "Target 3,00 Baik");
  assert.equal(await page.textContent("#sum-gap"), "Selisih +0,00");
  assert.equal(await page.textContent("#sum-editing"), "Mengisi: Saat ini");
  await page.screenshot({ path: path.join(artifacts, "calculator-sticky-phone.png") });
  // editing the target is named near the form; a raise of indicator 32 to 5 shows at once.
  // Renormalised level by level: aspect 7 has 32-40 filled, (8 x 3 + 5) / 9 = 29/9; aspect 8 (42-47)
  // is empty, so domain 4 (45.5 %) is aspect 7 alone: 29/9; the others stay 3.
  // target = 3 + 45.5 x (29/9 - 3) / 100 = 3 + 45.5 x 2/9 / 100 = 3.1011 -> 3,10, gap +0,10
  await page.check('input[name="active-track"][value="target"]');
  assert.equal(await page.textContent("#sum-editing"), "Mengisi: Target");
  await page.check('[data-indicator="32"] input[value="5"]');
  assert.equal(await page.textContent("#sum-target"), `Target ${await text(page, "target-index")} ${await text(page, "target-predicate")}`);
  assert.equal(await text(page, "target-index"), "3,10");
  assert.equal(await page.textContent("#sum-gap"), "Selisih +0,10");
  const box2 = await page.locator(bar).boundingBox();
  assert.ok(box2.y >= -1 && box2.y < 5, JSON.stringify(box2));
  // only the unfilled indicators (41-47)
  await page.check('input[name="active-track"][value="mandiri"]');
  await page.check("#only-unfilled");
  const shown = await page.locator("fieldset.indicator:visible").evaluateAll((fs) => fs.map((f) => f.dataset.indicator));
  assert.deepEqual(shown, ["41", "42", "43", "44", "45", "46", "47"]);
  // and only their headings: domain 4, aspects 7 and 8, with their progress (32-40 of 32-41 filled; none of 42-47)
  assert.deepEqual(await page.locator(".aspect-block:visible > h4").allTextContents(), ["Aspek 7. Layanan Administrasi Pemerintahan Berbasis Elektronik (27,50%) (9/10 terisi)", "Aspek 8. Layanan Publik Berbasis Elektronik (18,00%) (0/6 terisi)"]);
  await page.screenshot({ path: path.join(artifacts, "calculator-unfilled-phone.png") });
  await page.uncheck("#only-unfilled");
  assert.equal(await page.locator("fieldset.indicator:visible").count(), 47);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.context().close();
});

test("no errors in the browser console", () => {
  assert.deepEqual(problems, []);
});
