// Working in the calculator for weeks, in real headless Chromium: the Excel
// workbook (export read by openpyxl and checked against the CLI, edited and
// imported back), Back/Forward, named drafts, the domain jump list and
// progress, the mark of the track being edited, decimal commas typed in
// 8/2026, and chart labels that do not overlap.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { artifacts, cli, python, serve, launch, open, text, hashNow, LAPTOP, PHONE } from "./helpers.mjs";

let srv, base, browser;
const problems = [];

before(async () => {
  srv = await serve();
  base = srv.base;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

const spbe = (...args) => JSON.parse(execFileSync(cli, args, { encoding: "utf8" }));

// openpyxl (a well-kept library, independent of the page): the workbook's cells
// as JSON, or one cell changed and saved (openpyxl writes deflated entries and
// shared strings, as Excel does).
const PY = `
import json, sys, openpyxl
mode, src = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
if mode == "read":
    print(json.dumps({ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}))
else:
    dst = sys.argv[3]
    for spec in sys.argv[4:]:
        sheet, cell, kind, value = spec.split("|", 3)
        wb[sheet][cell] = int(value) if kind == "int" else float(value) if kind == "float" else value
    wb.save(dst)
`;
const xl = (...args) => execFileSync(python, ["-c", PY, ...args], { encoding: "utf8" });

test("Excel: the workbook read by openpyxl matches the CLI's report, and imports back", async () => {
  // 59/2020, Kota Contoh, 2024: 1-31 at 3, 32-41 at 4, 42-47 at 2; the target raises 1 to 5 and 42 to 4
  const M = "3".repeat(31) + "4".repeat(10) + "2".repeat(6);
  const T = "5" + "_".repeat(40) + "4" + "_".repeat(5);
  const vector = `SPBE1.permenpanrb-59-2020.Y2024.N${Buffer.from("Kota Contoh").toString("base64url")}.M${M}.T${T}`;
  const page = await open(browser, `${base}#${vector}`, problems);
  await page.click('[data-indicator="5"] details.extra summary');
  await page.fill('[data-note="5"]', "Catatan; dengan titik koma & <tanda>");
  await page.fill('[data-evidence="5"]', "SK Wali Kota 12/2024\nhttps://contoh.go.id/sk");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#xlsx")]);
  assert.equal(download.suggestedFilename(), "kota-contoh-2024-permenpanrb-59-2020.xlsx"); // institution, year (Y2024), edition
  const file = path.join(artifacts, "calculator-export.xlsx");
  await download.saveAs(file);
  const wb = JSON.parse(xl("read", file));
  assert.deepEqual(Object.keys(wb), ["Indikator", "Hasil"]);
  // sheet Indikator: Indonesian headers, one row per indicator, names from the rubric (the CLI's)
  const rubric = spbe("rubric", "permenpanrb-59-2020", "--format", "json");
  const names = rubric.domains.flatMap((d) => d.aspects.flatMap((a) => a.indicators.map((i) => [i.id, i.name])));
  const rows = wb.Indikator;
  assert.deepEqual(rows[0], ["ID", "Nama indikator", "Tingkat saat ini", "Target (kosong: sama dengan saat ini)", "Penjelasan", "Bukti dukung"]);
  assert.equal(rows.length, 48);
  names.forEach(([id, name], k) => {
    const r = rows[k + 1];
    assert.equal(r[0], id);
    assert.equal(r[1], name);
    assert.equal(r[2], Number(M[k]), `current level of ${id}`); // a number cell, not text
    assert.equal(r[3], T[k] === "_" ? null : Number(T[k]), `target of ${id}`); // the changes; empty is the current level
  });
  assert.equal(rows[5][4], "Catatan; dengan titik koma & <tanda>");
  assert.equal(rows[5][5], "SK Wali Kota 12/2024\nhttps://contoh.go.id/sk");
  // sheet Hasil: identity, index and predicate, domain and aspect indices, as the CLI reports them
  const cur = spbe("score", "--format", "json", "--track", "mandiri", vector);
  const tgt = spbe("score", "--format", "json", "--track", "target", vector);
  const res = Object.fromEntries(wb.Hasil.filter((r) => r[0]).map((r) => [r[0], r.slice(1)]));
  assert.equal(res.Instansi[0], "Kota Contoh");
  assert.equal(res.Tahun[0], 2024);
  assert.equal(res["Kode edisi"][0], "permenpanrb-59-2020");
  assert.equal(res["Indeks saat ini"][0], cur.index);
  assert.equal(res["Predikat saat ini"][0], cur.predicate);
  assert.equal(res["Indeks target"][0], tgt.index);
  assert.equal(res["Predikat target"][0], tgt.predicate);
  for (const d of cur.domains) {
    const row = res[`Domain ${d.id}`];
    assert.equal(row[0], d.name);
    assert.equal(row[1], Number(rubric.domains.find((x) => x.id === d.id).weight));
    assert.equal(row[2], d.index, `domain ${d.id}`);
    assert.equal(row[3], tgt.domains.find((x) => x.id === d.id).index);
  }
  for (const a of cur.aspects) assert.equal(res[`Aspek ${a.id}`][2], a.index, `aspect ${a.id}`);
  // and by hand: 31 x 3 ... domain 4 = (27.5 x 4 + 18 x 2) / 45.5 = 146/45.5 = 3.2088 -> 3.21
  assert.equal(res["Domain 4"][2], 3.21);

  // edited in a spreadsheet (saved by openpyxl, deflated): indicator 2 (row 3) to 5; imported back
  const edited = path.join(artifacts, "calculator-export-edited.xlsx");
  xl("set", file, edited, "Indikator|C3|int|5");
  await page.setInputFiles("#load-xlsx", edited);
  await page.waitForFunction(() => /diimpor/.test(document.querySelector("#status").textContent));
  const M2 = M.slice(0, 1) + "5" + M.slice(2);
  const cur2 = spbe("score", "--format", "json", "--track", "mandiri", `SPBE1.permenpanrb-59-2020.M${M2}.T${T}`);
  const tgt2 = spbe("score", "--format", "json", "--track", "target", `SPBE1.permenpanrb-59-2020.M${M2}.T${T}`);
  assert.equal(await text(page, "index"), cur2.index_text.replace(".", ","));
  assert.equal(await text(page, "target-index"), tgt2.index_text.replace(".", ","));
  assert.equal(await page.inputValue("#institution"), "Kota Contoh");
  assert.equal(await page.inputValue('[data-note="5"]'), "Catatan; dengan titik koma & <tanda>");
  assert.match((await hashNow(page)), new RegExp(`\\.M${M2}\\.T${T}(\\.|$)`));
  // a bad value: indicator 7 (row 8) at 9 is refused with the core's message and the row
  const bad = path.join(artifacts, "calculator-export-bad.xlsx");
  xl("set", file, bad, "Indikator|C8|int|9");
  await page.setInputFiles("#load-xlsx", bad);
  await page.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  assert.match(await page.textContent("#status"), /lembar Indikator, baris 8: indikator 7 \(penilaian mandiri\): nilai 9 di luar rentang; PermenPANRB 59\/2020 menerima bilangan bulat 1 sampai 5/);
  assert.equal(await text(page, "index"), cur2.index_text.replace(".", ",")); // the form is untouched
  await page.context().close();
});

test("Excel: 2018 services and 8/2026 decimals, in English", async () => {
  // 2018: 1-34 at 2, indicator 35 with services 1, 3, 3 (text "1; 3; 3", never a date)
  const v18 = "SPBE1.permenpanrb-5-2018.M" + "2".repeat(34) + "~3133";
  const page = await open(browser, `${base}?lang=en#${v18}`, problems);
  let [download] = await Promise.all([page.waitForEvent("download"), page.click("#xlsx")]);
  const f18 = path.join(artifacts, "calculator-export-2018.xlsx");
  await download.saveAs(f18);
  let wb = JSON.parse(xl("read", f18));
  assert.deepEqual(wb.Indikator[0], ["ID", "Indicator name", "Current level", "Target (empty: same as current)", "Explanation", "Evidence"]);
  assert.deepEqual(wb.Indikator[35].slice(0, 1).concat(wb.Indikator[35].slice(2, 4)), ["35", "1; 3; 3", null]);
  const r18 = spbe("score", "--format", "json", v18);
  const res18 = Object.fromEntries(wb.Hasil.filter((r) => r[0]).map((r) => [r[0], r.slice(1)]));
  assert.equal(res18["Current index"][0], r18.index); // 61/30 = 2.0333 -> 2.03
  assert.equal(res18["Current index"][0], 2.03);
  // imported back unchanged: the same index
  await page.setInputFiles("#load-xlsx", f18);
  await page.waitForFunction(() => /Imported/.test(document.querySelector("#status").textContent));
  assert.equal(await text(page, "index"), "2.03");
  assert.ok(await page.isChecked('[data-indicator="35"] input[name="ind-35-2"][value="3"]'));
  // 8/2026 with decimals: written as numbers with their digits, the fraction 7/6 as text
  const values = ["2", "1.50", "1.26", "1.30", "1", "1", "1", "1", "1", "1", "1.50", "1.25", "7/6", "1", "1", "1", "2.50", "1", "1", "1.30"];
  const v26 = "SPBE2.permenpanrb-8-2026.Y2026.M" + values.map((v) => (/^\d$/.test(v) ? v : `v${v.replace(".", "p").replace("/", "s")}v`)).join("");
  await page.goto(`${base}?lang=en#${v26}`);
  await page.waitForSelector("body[data-ready=true]");
  [download] = await Promise.all([page.waitForEvent("download"), page.click("#xlsx")]);
  const f26 = path.join(artifacts, "calculator-export-2026.xlsx");
  await download.saveAs(f26);
  wb = JSON.parse(xl("read", f26));
  assert.deepEqual(wb.Indikator.slice(1).map((r) => r[2]), values.map((v) => (v.includes("/") ? v : Number(v))));
  const r26 = spbe("score", "--format", "json", v26);
  const res26 = Object.fromEntries(wb.Hasil.filter((r) => r[0]).map((r) => [r[0], r.slice(1)]));
  assert.equal(res26["Current index"][0], r26.index);
  assert.equal(res26["Current index"][0], 1.24); // the published 2026 result of Kab. Aceh Tengah
  assert.equal(res26["Current predicate label"][0], r26.predicate_label);
  for (const a of r26.aspects) assert.equal(res26[`Aspect ${a.id}`][2], a.index);
  // an 8/2026 value edited to 3,25 as text (as typed in an Indonesian Excel) imports as 3.25
  const edited = path.join(artifacts, "calculator-export-2026-edited.xlsx");
  xl("set", f26, edited, "Indikator|C2|str|3,25");
  await page.setInputFiles("#load-xlsx", edited);
  await page.waitForFunction(() => /Imported/.test(document.querySelector("#status").textContent));
  const values2 = ["3.25", ...values.slice(1)];
  const v26b = "SPBE2.permenpanrb-8-2026.M" + values2.map((v) => (/^\d$/.test(v) ? v : `v${v.replace(".", "p").replace("/", "s")}v`)).join("");
  assert.equal(await text(page, "index"), spbe("score", "--format", "json", v26b).index_text);
  assert.equal(await page.inputValue('[data-indicator="1"] input[data-value]'), "3.25");
  await page.context().close();
});

test("a file from the evaluation: the plan starts from the assessors' final levels, and the Excel target column is the target laid over them (imported back, the same target)", async () => {
  // 59/2020, 2024: the self-assessment at 3 everywhere (3.00, Baik); the document stage found 2
  // everywhere but indicator 1 (4), the interview raised 2 back to 3; the target plans 3 at 4 and 4 at 3
  const all = (v) => Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), v]));
  const tracks = { mandiri: all(3), dokumen: { ...all(2), 1: 4 }, interviu: { 2: 3 }, target: { 3: 4, 4: 3 } };
  const file = path.join(artifacts, "stages-plan.json");
  fs.writeFileSync(file, JSON.stringify({ rubric: "permenpanrb-59-2020", institution: "Kota Tahap", year: 2024, tracks }));
  // the CLI's final and self-assessment: different next predicates, so the base shows in the plan's title
  const fin = spbe("score", file, "--track", "final", "--format", "json");
  const own = spbe("score", file, "--track", "mandiri", "--format", "json");
  assert.equal(fin.next_predicate.name, "Baik");
  assert.equal(own.next_predicate.name, "Sangat Baik");
  const plan = spbe("plan", file, "--to", fin.next_predicate.name, "--track", "final", "--format", "json");
  const rubric = spbe("rubric", "permenpanrb-59-2020", "--format", "json");
  const names = Object.fromEntries(rubric.domains.flatMap((d) => d.aspects.flatMap((a) => a.indicators.map((i) => [i.id, i.name]))));
  const dec = (x) => String(x).replace(".", ",");
  const page = await open(browser, base, problems, { viewport: PHONE });
  page.on("dialog", (d) => d.accept());
  await page.setInputFiles("#load", file);
  await page.waitForFunction(() => document.querySelector("#institution").value === "Kota Tahap");
  await page.waitForSelector("body:not([data-settled=false])", { state: "attached" });
  assert.equal(await text(page, "index"), "3,00"); // the card is still the self-assessment's
  // the plan: as `spbe plan --track final`, from final's levels (2 → 3 for 32, 2 → 5 for 42-47)
  assert.equal(await page.textContent("#plan-h"), "Cara termurah ke Baik");
  assert.equal(await page.textContent("#plan-from"), `Dari tingkat Final penilai (bukan penilaian mandiri): indeks ${dec(fin.index_text)} (${fin.predicate}).`);
  assert.deepEqual(await page.locator("#plan li").allTextContents(), plan.steps.map((s) => `${s.indicator}. ${names[s.indicator]}: ${s.from} → ${s.to}`));
  assert.deepEqual(plan.steps.map((s) => [s.indicator, s.from, s.to]), [["32", 2, 3], ...["42", "43", "44", "45", "46", "47"].map((i) => [i, 2, 5])]);
  const steps = plan.steps.reduce((n, s) => n + s.steps, 0);
  assert.equal(await page.textContent("#plan-total"), `${steps} langkah kenaikan; indeks sesudahnya ${dec(plan.after.index_text)} (${plan.after.predicate}).`);
  assert.equal(plan.after.index_text, "2.61");
  await page.locator("#plan").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, "calculator-plan-stages-phone.png") });

  // the workbook: the self-assessment in the current column; the target as the core lays it
  // (final: dokumen with the interview over it; then the target's changes) wherever it differs
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#xlsx")]);
  const xfile = path.join(artifacts, "calculator-export-stages.xlsx");
  await download.saveAs(xfile);
  const wb = JSON.parse(xl("read", xfile));
  const laid = { ...tracks.dokumen, ...tracks.interviu, ...tracks.target };
  wb.Indikator.slice(1).forEach((r, k) => {
    const id = String(k + 1);
    assert.equal(r[2], 3, `current level of ${id}`);
    assert.equal(r[3], laid[id] === 3 ? null : laid[id], `target of ${id}`);
  });
  assert.deepEqual(wb.Indikator.slice(1, 5).map((r) => r[3]), [4, null, 4, null]); // 1: final 4; 2: final 3; 3: planned 4; 4: planned 3
  const tgt = spbe("score", file, "--track", "target", "--format", "json");
  const res = Object.fromEntries(wb.Hasil.filter((r) => r[0]).map((r) => [r[0], r.slice(1)]));
  assert.equal(res["Indeks saat ini"][0], own.index);
  assert.equal(res["Indeks target"][0], tgt.index);
  // imported back (the self-assessment and the target over it; no stages): the same target
  await page.setInputFiles("#load-xlsx", xfile);
  await page.waitForFunction(() => /diimpor/.test(document.querySelector("#status").textContent));
  await page.waitForSelector("body:not([data-settled=false])", { state: "attached" });
  assert.equal(await text(page, "index"), dec(own.index_text));
  assert.equal(await text(page, "target-index"), dec(tgt.index_text));
  assert.equal(await page.isHidden("#stages"), true);
  // no stages now: the plan starts from the self-assessment again
  assert.equal(await page.textContent("#plan-h"), "Cara termurah ke Sangat Baik");
  assert.equal(await page.isHidden("#plan-from"), true);
  await page.context().close();

  // copied into the target, the plan from final is the target (the CLI's index after the plan)
  const page2 = await open(browser, base, problems);
  page2.on("dialog", (d) => d.accept());
  await page2.setInputFiles("#load", file);
  await page2.waitForFunction(() => document.querySelector("#institution").value === "Kota Tahap");
  await page2.waitForSelector("body:not([data-settled=false])", { state: "attached" });
  await page2.click("#plan-copy");
  assert.equal(await text(page2, "target-index"), dec(plan.after.index_text));
  assert.equal(await text(page2, "target-predicate"), plan.after.predicate);
  await page2.context().close();
});

test("a file from the evaluation: the largest gains are ranked from the assessors' final levels, as the plan below them; with only a self-assessment, from it", async () => {
  // 59/2020, 2024: the self-assessment claims 5 for 42-47 (3 elsewhere); the document stage found 2
  // everywhere. From 5 there is nothing to gain, from 2 the most: the two tracks rank differently
  const all = (v) => Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), v]));
  const mandiri = { ...all(3), ...Object.fromEntries(["42", "43", "44", "45", "46", "47"].map((i) => [i, 5])) };
  const file = path.join(artifacts, "stages-gains.json");
  fs.writeFileSync(file, JSON.stringify({ rubric: "permenpanrb-59-2020", institution: "Kota Kenaikan", year: 2024, tracks: { mandiri, dokumen: all(2) } }));
  const own = path.join(artifacts, "stages-gains-own.json");
  fs.writeFileSync(own, JSON.stringify({ rubric: "permenpanrb-59-2020", institution: "Kota Mandiri", year: 2024, tracks: { mandiri } }));
  const rubric = spbe("rubric", "permenpanrb-59-2020", "--format", "json");
  const names = Object.fromEntries(rubric.domains.flatMap((d) => d.aspects.flatMap((a) => a.indicators.map((i) => [i.id, i.name]))));
  const dec = (x) => String(x).replace(".", ",");
  // the five largest positive gains of the CLI's report, ties in rubric order (the report's order)
  const top = (r) => r.indicators.filter((i) => i.gain > 0).sort((a, b) => b.gain - a.gain).slice(0, 5).map((i) => `${i.id}. ${names[i.id]}: +${dec(i.gain.toFixed(4))}`);
  const fin = spbe("score", file, "--track", "final", "--format", "json");
  const self = spbe("score", file, "--track", "mandiri", "--format", "json");
  assert.deepEqual(top(fin).map((l) => l.split(".")[0]), ["42", "43", "44", "45", "46"]);
  assert.deepEqual(top(self).map((l) => l.split(".")[0]), ["32", "33", "34", "35", "36"]);

  const page = await open(browser, base, problems, { viewport: PHONE });
  page.on("dialog", (d) => d.accept());
  await page.setInputFiles("#load", file);
  await page.waitForFunction(() => document.querySelector("#institution").value === "Kota Kenaikan");
  await page.waitForSelector("body:not([data-settled=false])", { state: "attached" });
  assert.equal(await text(page, "index"), dec(self.index_text)); // the card is the self-assessment's
  // the gains: final's (as `spbe score --track final`), said so, and the plan starts from the same levels
  assert.deepEqual(await page.locator("#gains li").allTextContents(), top(fin));
  assert.equal(await page.textContent("#gains-from"), "Dari tingkat Final penilai (bukan penilaian mandiri).");
  assert.equal(await page.textContent("#plan-h"), `Cara termurah ke ${fin.next_predicate.name}`);
  assert.equal(await page.textContent("#plan-from"), `Dari tingkat Final penilai (bukan penilaian mandiri): indeks ${dec(fin.index_text)} (${fin.predicate}).`);
  await page.locator("#gains").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, "calculator-gains-stages-phone.png") });
  // in English too
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => /^From the assessors' /.test(document.querySelector("#gains-from").textContent));
  assert.equal(await page.textContent("#gains-from"), "From the assessors' Final levels (not the self-assessment).");
  await page.click('[data-lang="id"]');
  await page.waitForFunction(() => /^Dari tingkat /.test(document.querySelector("#gains-from").textContent));

  // only the self-assessment: its gains (`spbe score`), nothing said
  const ownRep = spbe("score", own, "--format", "json");
  await page.setInputFiles("#load", own);
  await page.waitForFunction(() => document.querySelector("#institution").value === "Kota Mandiri");
  await page.waitForSelector("body:not([data-settled=false])", { state: "attached" });
  assert.deepEqual(await page.locator("#gains li").allTextContents(), top(ownRep));
  assert.deepEqual(top(ownRep), top(self));
  assert.equal(await page.isHidden("#gains-from"), true);
  assert.equal(await page.isHidden("#plan-from"), true);
  await page.context().close();
});

test("Back and Forward move between the states of the page; Back loses no work", async () => {
  const page = await open(browser, `${base}#SPBE1.permenpanrb-59-2020.M${"3".repeat(47)}`, problems);
  await page.click('[data-indicator="5"] details.extra summary');
  await page.fill('[data-note="5"]', "Catatan yang tidak ada di tautan");
  await page.fill("#institution", "Kota Sejarah");
  // a change of edition is an entry of its own
  page.on("dialog", (d) => d.accept());
  await page.selectOption("#edition", "permenpanrb-8-2026");
  assert.equal(await text(page, "index"), "—");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#edition").value === "permenpanrb-59-2020");
  assert.equal(await text(page, "index"), "3,00");
  assert.equal(await page.inputValue('[data-note="5"]'), "Catatan yang tidak ada di tautan"); // the entry holds notes too
  assert.equal(await page.inputValue("#institution"), "Kota Sejarah");
  assert.match(await page.textContent("#status"), /^Keadaan sebelumnya dibuka kembali/);
  assert.ok(await page.isVisible("#undo"));
  await page.goForward();
  await page.waitForFunction(() => document.querySelector("#edition").value === "permenpanrb-8-2026");
  assert.equal(await text(page, "index"), "—");
  // Back again, then Undo: the form that was left comes back (nothing is lost silently)
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#edition").value === "permenpanrb-59-2020");
  await page.click("#undo");
  assert.equal(await page.inputValue("#edition"), "permenpanrb-8-2026");
  // a file opened is an entry too: Back returns to the form before it
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#edition").value === "permenpanrb-59-2020");
  const json = path.join(artifacts, "history-load.json");
  fs.writeFileSync(json, JSON.stringify({ rubric: "permenpanrb-59-2020", institution: "Kota Berkas", levels: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 2])) }));
  await page.setInputFiles("#load", json);
  await page.waitForFunction(() => document.querySelector('[data-testid="index"]').textContent === "2,00");
  assert.equal(await page.inputValue("#institution"), "Kota Berkas");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid="index"]').textContent === "3,00");
  assert.equal(await page.inputValue("#institution"), "Kota Sejarah");
  assert.equal(await page.inputValue('[data-note="5"]'), "Catatan yang tidak ada di tautan");
  // the draft saved is what is shown after Back (the bare address reopens it)
  const again = await page.context().newPage();
  await again.goto(base);
  await again.waitForSelector("body[data-ready=true]");
  assert.equal(await again.inputValue("#institution"), "Kota Sejarah");
  await page.context().close();
});

test("named drafts: one per institution and year, listed with their times, opened and deleted; the old single draft is taken over", async () => {
  const context = await browser.newContext({ viewport: LAPTOP });
  // an autosave of the earlier page (one draft, no list) is in the browser
  const old = { saved: "2026-11-20T08:00:00.000Z", lang: "id", active: "mandiri", assessment: { rubric: "permenpanrb-59-2020", institution: "Kabupaten Lama", year: 2025, tracks: { mandiri: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 4])), target: {} } } };
  await context.addInitScript((d) => {
    if (!localStorage.getItem("test-seeded")) {
      localStorage.setItem("spbe-kalkulator.draft", JSON.stringify(d));
      localStorage.setItem("test-seeded", "1");
    }
  }, old);
  const page = await open(browser, base, problems, { context });
  assert.equal(await page.inputValue("#institution"), "Kabupaten Lama");
  assert.equal(await text(page, "index"), "4,00");
  assert.equal(await page.textContent("#drafts-summary"), "Draf tersimpan di peramban ini (1)");
  // a new draft for another institution and year
  page.on("dialog", (d) => d.accept());
  await page.click("#drafts summary");
  await page.click("#new-draft");
  assert.equal(await page.inputValue("#institution"), "");
  await page.selectOption("#edition", "permenpanrb-59-2020");
  await page.fill("#institution", "Kota Baru");
  await page.fill("#year", "2026");
  for (let i = 1; i <= 47; i++) await page.check(`[data-indicator="${i}"] input[value="2"]`);
  await page.waitForFunction(() => /Kota Baru · 2026/.test(document.querySelector("#draft-list li")?.textContent || ""));
  const items = await page.locator("#draft-list li").allTextContents();
  assert.equal(items.length, 2);
  assert.match(items[0], /^Kota Baru · 2026 · PermenPANRB 59\/2020 disimpan .* · sedang dibuka/); // newest first
  assert.match(items[1], /^Kabupaten Lama · 2025 · PermenPANRB 59\/2020 disimpan 20\/11\/2026/);
  // open the first one again
  await page.click('#draft-list li:nth-child(2) [data-open-draft]');
  assert.equal(await page.inputValue("#institution"), "Kabupaten Lama");
  assert.equal(await text(page, "index"), "4,00");
  // opening it does not make it newer: its time is still when its work last changed
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).assessment.institution === "Kabupaten Lama");
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).saved), "2026-11-20T08:00:00.000Z");
  assert.match(await page.textContent("#status"), /^Draf "Kabupaten Lama · 2025 · PermenPANRB 59\/2020" dibuka\.$/);
  // and back to the other one, whose levels were kept
  await page.click('#draft-list li:has-text("Kota Baru") [data-open-draft]');
  assert.equal(await text(page, "index"), "2,00");
  // a JSON file of Kabupaten Lama 2025 opens into that institution's draft, not a new one
  const json = path.join(artifacts, "drafts-load.json");
  fs.writeFileSync(json, JSON.stringify({ rubric: "permenpanrb-59-2020", institution: "Kabupaten Lama", year: 2025, levels: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 5])) }));
  await page.setInputFiles("#load", json);
  await page.waitForFunction(() => document.querySelector('[data-testid="index"]').textContent === "5,00");
  assert.equal(await page.locator("#draft-list li").count(), 2);
  // delete Kota Baru's draft (asked first)
  await page.click('#draft-list li:has-text("Kota Baru") [data-delete-draft]');
  assert.equal(await page.locator("#draft-list li").count(), 1);
  assert.match(await page.textContent("#status"), /^Draf "Kota Baru · 2026 · PermenPANRB 59\/2020" dihapus\.$/);
  // the bare address reopens the latest work (Kabupaten Lama, now at 5)
  const again = await context.newPage();
  await again.goto(base);
  await again.waitForSelector("body[data-ready=true]");
  assert.equal(await again.inputValue("#institution"), "Kabupaten Lama");
  assert.equal(await text(again, "index"), "5,00");
  assert.equal(await again.locator("#draft-list li").count(), 1);
  await again.screenshot({ path: path.join(artifacts, "calculator-drafts.png") });
  await context.close();
});

test("undo back to a draft just opened (after switching drafts, or clearing) keeps the time it was saved: nothing new was entered", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const all = (v) => Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), v]));
  const rec = (saved, institution, v) => ({ saved, lang: "id", active: "mandiri", assessment: { rubric: "permenpanrb-59-2020", institution, year: 2025, tracks: { mandiri: all(v), target: {} } } });
  const drafts = { dlama: rec("2026-11-20T08:00:00.000Z", "Kabupaten Lama", 4), dlain: rec("2026-11-21T09:30:00.000Z", "Kota Lain", 2) };
  await context.addInitScript((d) => {
    if (!localStorage.getItem("test-seeded")) {
      localStorage.setItem("spbe-kalkulator.drafts", JSON.stringify(d));
      localStorage.setItem("spbe-kalkulator.draft", JSON.stringify({ ...d.dlain, draftId: "dlain" }));
      localStorage.setItem("test-seeded", "1");
    }
  }, drafts);
  const page = await open(browser, base, problems, { context });
  page.on("dialog", (d) => d.accept());
  assert.equal(await page.inputValue("#institution"), "Kota Lain");
  // the latest draft (DRAFT_KEY) once it holds `name`, and the list once it has been written
  const latest = (name) => page.waitForFunction((n) => (JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).assessment.institution || "") === n, name);
  // (the list is written 400 ms after the latest draft)
  const listed = () => page.evaluate(() => new Promise((r) => setTimeout(() => r(JSON.parse(localStorage.getItem("spbe-kalkulator.drafts"))), 1000)));
  const times = (store) => Object.fromEntries(Object.entries(store).map(([id, d]) => [id, [d.assessment.institution || "", d.saved]]));
  await page.click("#drafts summary");
  // switch to Kabupaten Lama, then Undo back to Kota Lain: both keep their times
  await page.click('#draft-list li:has-text("Kabupaten Lama") [data-open-draft]');
  await latest("Kabupaten Lama");
  await page.click("#undo");
  assert.equal(await page.inputValue("#institution"), "Kota Lain");
  assert.equal(await text(page, "index"), "2,00");
  await latest("Kota Lain");
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).saved), "2026-11-21T09:30:00.000Z");
  assert.deepEqual(times(await listed()), { dlama: ["Kabupaten Lama", "2026-11-20T08:00:00.000Z"], dlain: ["Kota Lain", "2026-11-21T09:30:00.000Z"] });
  // open Kabupaten Lama, clear it (asked first), Undo: its time is still when it was saved
  await page.click('#draft-list li:has-text("Kabupaten Lama") [data-open-draft]');
  await latest("Kabupaten Lama");
  await page.click("#clear");
  await latest("");
  assert.notEqual(await page.evaluate(() => JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).saved), "2026-11-20T08:00:00.000Z"); // the cleared form is new work
  await page.click("#undo");
  assert.equal(await page.inputValue("#institution"), "Kabupaten Lama");
  assert.equal(await text(page, "index"), "4,00");
  await latest("Kabupaten Lama");
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).saved), "2026-11-20T08:00:00.000Z");
  assert.deepEqual(times(await listed()), { dlama: ["Kabupaten Lama", "2026-11-20T08:00:00.000Z"], dlain: ["Kota Lain", "2026-11-21T09:30:00.000Z"] });
  assert.match(await page.textContent('#draft-list li:has-text("Kabupaten Lama")'), /disimpan 20\/11\/2026.* · sedang dibuka/);
  await page.locator("#drafts").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, "drafts-undo-phone.png") });
  // a change after that is new work, saved with a new time
  await page.fill("#year", "2026");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).assessment.year === 2026);
  assert.notEqual(await page.evaluate(() => JSON.parse(localStorage.getItem("spbe-kalkulator.draft")).saved), "2026-11-20T08:00:00.000Z");
  await context.close();
});

test("jump to a domain or aspect, progress per domain, and the track being edited is marked", async () => {
  for (const [size, viewport] of [["laptop", LAPTOP], ["phone", PHONE]]) {
    // 59/2020, 1-12 filled at 3: domain 1 (indicators 1-10, per the CLI's rubric) complete, domain 2 (11-20) 2 of 10
    const page = await open(browser, `${base}#SPBE1.permenpanrb-59-2020.M${"3".repeat(12)}${"_".repeat(35)}`, problems, { viewport });
    const rubric = spbe("rubric", "permenpanrb-59-2020", "--format", "json");
    const ids = (d) => d.aspects.flatMap((a) => a.indicators.map((i) => Number(i.id)));
    assert.deepEqual(ids(rubric.domains[0]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(ids(rubric.domains[1]), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    assert.equal(await page.textContent('[data-progress="d-1"]'), "(10/10 terisi)");
    assert.equal(await page.textContent('[data-progress="d-2"]'), "(2/10 terisi)");
    assert.equal(await page.textContent('[data-progress="d-4"]'), `(0/${ids(rubric.domains[3]).length} terisi)`);
    const options = await page.locator("#jump option").allTextContents();
    assert.ok(options.includes(`Domain 2. ${rubric.domains[1].name} (2/10)`), options.join("|"));
    // the list's prompt fits in the closed list (it was cut off on a phone)
    const fit = await page.evaluate(() => {
      const s = document.querySelector("#jump");
      const ctx = document.createElement("canvas").getContext("2d");
      const cs = getComputedStyle(s);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // 20: the arrow
      return { text: s.options[0].text, width: ctx.measureText(s.options[0].text).width, room };
    });
    assert.ok(fit.width <= fit.room, `${size}: "${fit.text}" is ${fit.width.toFixed(0)} px in ${fit.room.toFixed(0)} px`);
    // jump to aspect 7: its heading is at the top, below the sticky bar, and has the focus
    await page.selectOption("#jump", "a-7");
    await page.waitForFunction(() => document.activeElement && document.activeElement.closest("#a-7"));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
    const bar = await page.locator("#summary-bar").boundingBox();
    const head = await page.locator("#a-7 > h4").boundingBox();
    assert.ok(head.y >= bar.y + bar.height - 2 && head.y < viewport.height / 2, `${size}: heading at ${head.y}, bar ends ${bar.y + bar.height}`);
    // editing the target: the form says so, and the current level is marked in words
    assert.ok(await page.isHidden("#track-note"));
    await page.check('input[name="active-track"][value="target"]');
    assert.ok(await page.isVisible("#track-note"));
    await page.check('[data-indicator="1"] input[value="5"]');
    assert.equal(await page.textContent('[data-indicator="1"] .level.current-mark .cur-tag'), "saat ini");
    assert.equal(await page.locator('[data-indicator="1"] .cur-tag').count(), 1);
    assert.ok(await page.isChecked('[data-indicator="1"] input[value="5"]'));
    assert.equal(await page.locator('[data-indicator="1"] .level.current-mark input[value="3"]').count(), 1);
    // back on the current track: no marks
    await page.check('input[name="active-track"][value="mandiri"]');
    assert.equal(await page.locator(".cur-tag").count(), 0);
    await page.context().close();
  }
});

test("8/2026: decimals typed with the Indonesian comma are read exactly", async () => {
  const page = await open(browser, base, problems);
  assert.equal(await page.inputValue("#edition"), "permenpanrb-8-2026");
  // every value 2,505: the exact index is 2.505, shown half up as 2,51 (a binary double of 2.505
  // is 2.50499..., which would show 2,50); above 2.50, so Baik
  for (let i = 1; i <= 20; i++) await page.fill(`[data-indicator="${i}"] input[data-value]`, "2,505");
  assert.equal(await text(page, "index"), "2,51");
  assert.equal(await text(page, "predicate"), "Baik · Berkembang");
  const v = `SPBE2.permenpanrb-8-2026.M${"v2p505v".repeat(20)}`;
  assert.equal(spbe("score", "--format", "json", v).index_text, "2.51"); // the CLI agrees
  // a value on a range edge, 3,50 in indicator 1, marks the range it belongs to (the core decides)
  await page.fill('[data-indicator="1"] input[data-value]', "3,50");
  assert.equal(await page.getAttribute('[data-indicator="1"] li.range.chosen', "data-level"), "3");
  // a reload shows the values with the decimal comma; in English with the point
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue('[data-indicator="1"] input[data-value]'), "3,5");
  assert.equal(await page.inputValue('[data-indicator="2"] input[data-value]'), "2,505");
  await page.click('[data-lang="en"]');
  assert.equal(await page.inputValue('[data-indicator="2"] input[data-value]'), "2.505");
  // a malformed value is the core's message, not a silent 0 or NaN
  await page.fill('[data-indicator="3"] input[data-value]', "2,5,1");
  await page.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  assert.match(await page.textContent("#status"), /indicator 3/);
  assert.equal(await page.getAttribute('[data-indicator="3"] input[data-value]', "aria-invalid"), "true");
  await page.context().close();
});

test("a reload in the same moment as a change keeps the change (the link not yet written is taken up)", async () => {
  const page = await open(browser, base, problems);
  await page.fill('[data-indicator="1"] input[data-value]', "2,5");
  await page.waitForFunction(() => location.hash.includes(".Mv2p5v_"));
  const before = await page.evaluate(() => location.hash);
  // the change and the reload in one task: the page has had no frame to write the link in
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate((before) => {
      const input = document.querySelector('[data-indicator="2"] input[data-value]');
      input.value = "4,25";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      if (location.hash !== before) throw new Error("the link was written at once; this test no longer tests the reload");
      location.reload();
    }, before),
  ]);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue('[data-indicator="1"] input[data-value]'), "2,5");
  assert.equal(await page.inputValue('[data-indicator="2"] input[data-value]'), "4,25");
  assert.match(await page.evaluate(() => location.hash), /\.Mv2p5vv4p25v_/);
  // taken up once: a later reload with the (now current) link changes nothing
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue('[data-indicator="2"] input[data-value]'), "4,25");
  // an address the page replaced, opened on purpose (not a reload), is opened as it is
  const mid = await page.evaluate(() => location.hash);
  await page.fill('[data-indicator="3"] input[data-value]', "1,75");
  await page.waitForFunction(() => location.hash.includes("v1p75v"));
  await page.goto("about:blank"); // pagehide: what the page replaced is kept for this tab
  await page.goto(`${base}${mid}`);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue('[data-indicator="2"] input[data-value]'), "4,25");
  assert.equal(await page.inputValue('[data-indicator="3"] input[data-value]'), "");
  assert.equal(await page.evaluate(() => location.hash), mid);
  await page.context().close();
});

test("chart: the band names do not overlap, and part names are shown whole (every edition, laptop and phone)", async () => {
  for (const viewport of [LAPTOP, PHONE]) {
    for (const vector of ["SPBE2.permenpanrb-8-2026.M" + "3".repeat(20), "SPBE2.permenpanrb-8-2026.M" + "5".repeat(20), "SPBE1.permenpanrb-59-2020.M" + "5".repeat(47), "SPBE1.permenpanrb-59-2020.M" + "3".repeat(47), "SPBE1.permenpanrb-5-2018.M" + "2".repeat(34) + "~3133"]) {
      const page = await open(browser, `${base}#${vector}`, problems, { viewport });
      for (const lang of ["id", "en"]) {
        if (lang === "en") await page.click('[data-lang="en"]');
        const boxes = await page.$$eval("#chart svg text", (ts) => ts.map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
        }));
        assert.ok(boxes.length > 5);
        // every part's name is shown whole (in two lines beside the bars where it is long)
        const names = await page.$$eval("#chart svg text", (ts) => ts.filter((t) => t.querySelector("title")).map((t) => ({
          shown: [...t.childNodes].filter((c) => c.nodeName !== "title").map((c) => c.textContent).join(" "), full: t.querySelector("title").textContent })));
        assert.ok(names.length >= 3, `${vector}: ${names.length} part names`); // 2018: 3 domains
        for (const n of names) assert.equal(n.shown, n.full, `${vector} ${lang} ${viewport.width}px: a part's name is cut`);
        const svg = await page.locator("#chart svg").boundingBox();
        for (let i = 0; i < boxes.length; i++) {
          const a = boxes[i];
          assert.ok(a.x >= svg.x - 1 && a.x + a.w <= svg.x + svg.width + 1, `${vector} ${lang}: "${a.text}" leaves the chart`);
          for (let j = i + 1; j < boxes.length; j++) {
            const b = boxes[j];
            const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
            assert.ok(!overlap, `${vector} ${lang} ${viewport.width}px: "${a.text}" overlaps "${b.text}"`);
          }
        }
      }
      if (viewport === PHONE && vector.includes("8-2026")) await page.locator("#chart").screenshot({ path: path.join(artifacts, "chart-2026-phone.png") });
      if (viewport === LAPTOP && vector.includes("8-2026")) await page.locator("#chart").screenshot({ path: path.join(artifacts, "chart-2026-laptop.png") });
      await page.context().close();
    }
  }
});

test("no errors in the browser console", () => {
  assert.deepEqual(problems, []);
});

test("a bad value left in a field: the draft still opens with it, marked under its indicator; putting it right clears every message", async () => {
  const page = await open(browser, base, problems, { viewport: PHONE });
  await page.fill("#institution", "Kabupaten Uji");
  for (let i = 1; i <= 6; i++) await page.fill(`[data-indicator="${i}"] input[data-value]`, "3,5");
  // 8/2026 takes values from 1 to 5: 7 is refused by the core, and named under indicator 7
  await page.fill('[data-indicator="7"] input[data-value]', "7");
  await page.waitForFunction(() => document.querySelector("#e-7").textContent !== "");
  assert.match(await page.textContent("#e-7"), /^Nilai indikator 7 tidak dapat dipakai\. \(indikator 7 .*nilai 7 di luar rentang/);
  assert.match(await page.textContent("#status"), /^Nilai indikator 7 tidak dapat dipakai/); // not "no link can be made"
  await hashNow(page);
  // the bare address the next day (a new tab of the same browser) opens the draft as it was left
  const page2 = await page.context().newPage();
  await page.close();
  await page2.goto(base);
  await page2.waitForSelector("body[data-ready=true]");
  assert.equal(await page2.inputValue("#institution"), "Kabupaten Uji");
  assert.equal(await page2.inputValue('[data-indicator="1"] input[data-value]'), "3,5");
  assert.equal(await page2.inputValue('[data-indicator="7"] input[data-value]'), "7");
  assert.equal(await page2.getAttribute('[data-indicator="7"] input[data-value]', "aria-invalid"), "true");
  assert.match(await page2.textContent("#e-7"), /nilai 7 di luar rentang/);
  assert.doesNotMatch(await page2.textContent("#status"), /rusak/);
  // a message in the status line stays when a later change leaves the bad value as it was
  await page2.click("#copy-link");
  // (the clipboard answers asynchronously)
  await page2.waitForFunction(() => /^(Tautan disalin\.|Salin tautan dari bilah alamat\.)$/.test(document.querySelector("#status").textContent));
  const said = await page2.textContent("#status");
  await page2.fill('[data-indicator="9"] input[data-value]', "3");
  await hashNow(page2);
  assert.equal(await page2.textContent("#status"), said);
  // no file, print or export is made from it: the indicator to put right is named
  let downloads = 0;
  page2.on("download", () => downloads++);
  for (const button of ["#csv", "#xlsx", "#save", "#print"]) {
    await page2.click(button);
    assert.match(await page2.textContent("#status"), /^Perbaiki dulu nilai indikator 7 /, button);
  }
  assert.equal(downloads, 0);
  // put right: the messages under the field and in the status line go
  await page2.fill('[data-indicator="7"] input[data-value]', "2,75");
  await page2.waitForFunction(() => document.querySelector("#e-7").textContent === "");
  assert.equal(await page2.getAttribute('[data-indicator="7"] input[data-value]', "aria-invalid"), "false");
  assert.doesNotMatch(await page2.textContent("#status"), /tidak dapat dipakai/);
  // and in the same page: a bad value's message in the status line goes when it is put right
  await page2.fill('[data-indicator="8"] input[data-value]', "0");
  await page2.waitForFunction(() => /^Nilai indikator 8/.test(document.querySelector("#status").textContent));
  await page2.fill('[data-indicator="8"] input[data-value]', "1");
  await page2.waitForFunction(() => document.querySelector("#status").textContent === "");
  assert.equal(await page2.textContent("#e-8"), "");
  await page2.context().close();
});

test("a reload after work keeps one draft (no copy, no offer of its own draft); a repaired link clears its message", async () => {
  const page = await open(browser, base, problems);
  await page.fill("#institution", "Pemerintah Kabupaten Sleman");
  await page.fill('[data-indicator="1"] input[data-value]', "3");
  await hashNow(page);
  for (const v of ["3,5", "4", "2,25"]) {
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    assert.ok(await page.isHidden("#open-draft")); // the link is this draft's own work
    await page.fill('[data-indicator="2"] input[data-value]', v);
    await hashNow(page);
  }
  assert.equal(await page.textContent("#drafts-summary"), "Draf tersimpan di peramban ini (1)");
  // a link broken in the address bar is explained; the next change replaces it, and its message goes
  await page.evaluate(() => { location.hash = "SPBE1.permenpanrb-59-2020.M33"; });
  await page.waitForFunction(() => /tidak dapat dibaca/.test(document.querySelector("#status").textContent));
  await page.fill('[data-indicator="3"] input[data-value]', "4");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "");
  assert.match(await hashNow(page), /^#SPBE2\.permenpanrb-8-2026\./);
  await page.context().close();
});

test("8/2026 target: a typed change is marked at once, and an emptied field stands for the current value", async () => {
  const page = await open(browser, `${base}#SPBE2.permenpanrb-8-2026.M${"3".repeat(20)}`, problems);
  await page.check('input[name="active-track"][value="target"]');
  await page.fill('[data-indicator="19"] input[data-value]', "4");
  await page.fill('[data-indicator="20"] input[data-value]', "3,5");
  assert.equal(await page.locator("fieldset.indicator.changed").count(), 2);
  // 19 weighs 10 % and 20 15 % (the rubric's weights): 3 + (1 x 10 + 0.5 x 15) / 100 = 3.175 -> 3,18
  assert.equal(await text(page, "target-index"), "3,18");
  // emptied: the target is the current value again (3), shown in the field's place; not a change, not missing
  await page.fill('[data-indicator="19"] input[data-value]', "");
  assert.equal(await page.locator("fieldset.indicator.changed").count(), 1);
  assert.equal(await page.getAttribute('[data-indicator="19"] input[data-value]', "placeholder"), "3");
  assert.equal(await page.locator('fieldset.indicator.missing[data-indicator="19"]').count(), 0);
  assert.equal(await text(page, "target-index"), "3,08"); // 3 + 0.5 x 15 / 100 = 3.075 -> 3,08
  await page.context().close();
});

test("a bad value on the other track still holds back exports; a reload with a bad value reopens the draft as it was left", async () => {
  const page = await open(browser, `${base}#SPBE2.permenpanrb-8-2026.M${"3".repeat(20)}`, problems);
  await page.check('input[name="active-track"][value="target"]');
  await page.fill('[data-indicator="1"] input[data-value]', "9");
  await page.waitForFunction(() => document.querySelector("#e-1").textContent !== "");
  // back on the current track: its field 1 (3) is not marked, but the target's 9 still holds back every export
  await page.check('input[name="active-track"][value="mandiri"]');
  assert.equal(await page.getAttribute('[data-indicator="1"] input[data-value]', "aria-invalid"), "false");
  assert.equal(await page.textContent("#e-1"), "");
  // the status line still names the target's value
  assert.match(await page.textContent("#status"), /indikator 1 \(target\): nilai 9 di luar rentang/);
  await page.click("#csv");
  assert.match(await page.textContent("#status"), /^Perbaiki dulu nilai indikator 1 /);
  await page.context().close();

  // a bare start: indicator 1 at 3 (the link is written), then 7 in indicator 2 (no link can hold it)
  // and 4 in indicator 3; a reload opens the draft as it was left, not the older link
  const p2 = await open(browser, base, problems);
  await p2.fill('[data-indicator="1"] input[data-value]', "3");
  await p2.waitForFunction(() => location.hash.includes(".M3_"));
  await p2.fill('[data-indicator="2"] input[data-value]', "7");
  await p2.fill('[data-indicator="3"] input[data-value]', "4");
  await hashNow(p2);
  await p2.reload();
  await p2.waitForSelector("body[data-ready=true]");
  assert.equal(await p2.inputValue('[data-indicator="2"] input[data-value]'), "7");
  assert.equal(await p2.inputValue('[data-indicator="3"] input[data-value]'), "4");
  assert.ok(await p2.isHidden("#open-draft"));
  assert.equal(await p2.textContent("#drafts-summary"), "Draf tersimpan di peramban ini (1)");
  await p2.context().close();
});
