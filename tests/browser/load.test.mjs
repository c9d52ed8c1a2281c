// The first load, in real headless Chromium: the first screen is drawn before
// the form's indicators are built (they follow in steps just after its frame),
// and an indicator built later is set like the others; a reload returns to the
// indicator the user was at; the edition list fits a phone; a file from the
// evaluation shows its stages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { artifacts, cli, serve, launch, open, LAPTOP, PHONE } from "./helpers.mjs";

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

// how many indicators are in the page at each of the page's own marks, counted
// as the mark is made (performance.mark wrapped before the page's script runs)
const countAtMarks = () => {
  window.__atMarks = {};
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    window.__atMarks[name] = document.querySelectorAll("fieldset.indicator").length;
    return mark(name, ...rest);
  };
};

test("the first screen before the form; an indicator built after it has its level, evidence line and order", async () => {
  for (const viewport of [PHONE, LAPTOP]) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(countAtMarks);
    // 59/2020: 1-46 at 3, 47 claims 5 with only the criteria of levels 1 and 2 met
    // (cumulative criteria: level 2 is supported, the claim is above it)
    const page = await open(browser, `${base}#SPBE1.permenpanrb-59-2020.M${"3".repeat(46)}5.K47~12`, problems, { context });
    const at = await page.evaluate(() => window.__atMarks);
    assert.equal(at["spbe-first-render"], 0, "no indicator is built before the first screen is drawn");
    assert.equal(at["spbe-ready"], 47);
    const ids = await page.locator("fieldset.indicator").evaluateAll((l) => l.map((f) => f.dataset.indicator));
    assert.deepEqual(ids, Array.from({ length: 47 }, (_, i) => String(i + 1)));
    assert.equal(await page.isChecked('[data-indicator="47"] input[value="5"]'), true);
    assert.equal(await page.isChecked('[data-indicator="1"] input[value="3"]'), true);
    assert.equal(await page.textContent('[data-support="47"]'), "Di atas bukti dukung (yang didukung: tingkat 2)");
    assert.equal(await page.textContent("#above-evidence"), "Tingkat di atas bukti dukung: indikator 47");
    // the results are drawn by the time the page is ready, in view or not
    assert.equal(await page.locator("#parts tbody tr").count() > 0, true);
    await context.close();
  }
});

test("a tap before the first screen's results are built is not lost: they are built first, then it acts", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  // the user taps "Target" at the very moment the first screen is ready (on a phone the
  // results and the form are built just after its frame): the tap must find them built
  await context.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      const out = mark(name, ...rest);
      if (name === "spbe-first-render") {
        const index = () => document.querySelector('[data-testid="index"]').textContent;
        window.__builtBefore = index();
        document.querySelector('input[name="active-track"][value="target"]').click();
        window.__builtAfter = index();
      }
      return out;
    };
  });
  const page = await open(browser, `${base}#SPBE1.permenpanrb-59-2020.M${"3".repeat(47)}`, problems, { context });
  // not scored before the tap (below the first screen), scored when the tap reached its handler
  assert.deepEqual(await page.evaluate(() => [window.__builtBefore, window.__builtAfter]), ["—", "3,00"]);
  assert.equal(await page.isChecked('input[name="active-track"][value="target"]'), true);
  assert.equal(await page.evaluate(() => document.querySelector("#form").classList.contains("editing-target")), true);
  assert.match(await page.textContent("#sum-editing"), /target/i);
  assert.equal(await page.textContent('[data-testid="index"]'), "3,00");
  await context.close();
});

test("a reload returns to the indicator at the top of the screen", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await open(browser, `${base}#SPBE1.permenpanrb-59-2020.M${"3".repeat(47)}`, problems, { context });
  const topIndicator = () => page.evaluate(() => {
    const bar = document.querySelector("#summary-bar").getBoundingClientRect();
    const fs = document.elementFromPoint(innerWidth / 2, Math.max(0, bar.bottom) + 8)?.closest("fieldset.indicator");
    return fs ? fs.dataset.indicator : null;
  });
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  await page.evaluate(() => document.querySelector('[data-indicator="30"]').scrollIntoView({ block: "start" }));
  await frames();
  const was = await topIndicator();
  assert.ok(Number(was) >= 29 && Number(was) <= 31, `indicator ${was} at the top`);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await frames();
  assert.equal(await topIndicator(), was);
  // an address opened anew (not a reload) opens at the top
  await page.goto("about:blank");
  await page.goto(`${base}#SPBE1.permenpanrb-59-2020.M${"3".repeat(47)}`);
  await page.waitForSelector("body[data-ready=true]");
  await frames();
  assert.equal(await page.evaluate(() => scrollY), 0);
  await context.close();
});

test("the edition list: each edition's name fits the closed list on a phone", async () => {
  const page = await open(browser, base, problems, { viewport: PHONE });
  const ids = await page.locator("#edition option").evaluateAll((l) => l.map((o) => o.value));
  assert.ok(ids.length >= 3);
  for (const id of ids) {
    const fit = await page.evaluate((id) => {
      const s = document.querySelector("#edition");
      const o = [...s.options].find((x) => x.value === id);
      const ctx = document.createElement("canvas").getContext("2d");
      const cs = getComputedStyle(s);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // 20: the arrow
      return { text: o.text, width: ctx.measureText(o.text).width, room };
    }, id);
    assert.ok(fit.width <= fit.room, `"${fit.text}" is ${fit.width.toFixed(0)} px in ${fit.room.toFixed(0)} px`);
  }
  // the index's name and the full title are in the note under the list
  assert.match(await page.textContent("#edition-note"), /^Indeks Pemerintah Digital \(berlaku sejak 2026\)\. Peraturan Menteri /);
  await page.context().close();
});


test("a file from the evaluation: the assessors' stages beside the self-assessment, scored as the CLI scores them, and the indicators that differ", async () => {
  // 59/2020: the self-assessment at 3 everywhere; the document stage lowers indicator 1 to 2;
  // the site visit records only indicator 2, at 4. Final: per indicator the latest stage with a level.
  const all = (v) => Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), v]));
  const a = { rubric: "permenpanrb-59-2020", institution: "Kota Uji", year: 2024, tracks: { mandiri: all(3), dokumen: { ...all(3), 1: 2 }, visitasi: { 2: 4 } } };
  const file = path.join(artifacts, "stages.json");
  fs.writeFileSync(file, JSON.stringify(a));
  // the CLI's index of each track (another surface, reading the same file)
  const cliIndex = (track) => JSON.parse(execFileSync(cli, ["score", file, "--track", track, "--format", "json"], { encoding: "utf8" })).index_text.replace(".", ",");
  for (const viewport of [LAPTOP, PHONE]) {
    const page = await open(browser, base, problems, { viewport });
    page.on("dialog", (d) => d.accept());
    await page.setInputFiles("#load", file);
    await page.waitForFunction(() => document.querySelector("#institution").value === "Kota Uji");
    await page.waitForSelector("body:not([data-settled=false])", { state: "attached" });
    assert.equal(await page.isVisible("#stages"), true);
    const rows = await page.locator("#stages tr[data-stage]").evaluateAll((l) => l.map((r) => [r.dataset.stage, ...[...r.cells].slice(1).map((c) => c.textContent)]));
    assert.deepEqual(rows.map((r) => r.slice(0, 3)), [
      ["mandiri", "47/47", cliIndex("mandiri")],
      ["dokumen", "47/47", cliIndex("dokumen")],
      ["visitasi", "1/47", "4,00*"], // only indicator 2, at 4: an estimate over the filled one
      ["final", "47/47", cliIndex("final")],
    ]);
    assert.equal(cliIndex("mandiri"), "3,00");
    assert.notEqual(cliIndex("dokumen"), "3,00"); // indicator 1 lowered
    // per indicator: only 1 and 2 differ between the stages
    const per = await page.locator("#stages tr[data-stage-indicator]").evaluateAll((l) => l.map((r) => [r.dataset.stageIndicator, ...[...r.cells].slice(1).map((c) => c.textContent)]));
    // with the difference of the self-assessment and final, as `spbe compare mandiri final` gives it
    const cmp = JSON.parse(execFileSync(cli, ["compare", file, "mandiri", "final", "--format", "json"], { encoding: "utf8" }));
    assert.deepEqual(cmp.changes.map((c) => [c.id, c.delta]), [["1", -1], ["2", 1]]);
    assert.deepEqual(per, [["1", "3", "2", "—", "2", "-1"], ["2", "3", "3", "4", "4", "+1"]]);
    const d = cmp.index_delta.toFixed(2).replace(".", ",");
    assert.equal(await page.textContent("[data-stage-gap]"), `Indeks Final − Mandiri: ${d.startsWith("-") ? d : `+${d}`} (${cmp.predicate_from} → ${cmp.predicate_to})`);
    await page.context().close();
  }
  // a file without stages shows none
  const page = await open(browser, `${base}#SPBE1.permenpanrb-59-2020.M${"3".repeat(47)}`, problems);
  assert.equal(await page.isHidden("#stages"), true);
  await page.context().close();

  // only a few indicators assessed at the document stage: final is an estimate, and so is its difference
  const partial = path.join(artifacts, "stages-partial.json");
  fs.writeFileSync(partial, JSON.stringify({ rubric: "permenpanrb-59-2020", tracks: { mandiri: all(3), dokumen: { 1: 2, 2: 4 } } }));
  const p2 = await open(browser, base, problems);
  p2.on("dialog", (d) => d.accept());
  await p2.setInputFiles("#load", partial);
  await p2.waitForSelector("#stages:not([hidden])");
  assert.equal(await p2.textContent('#stages tr[data-stage="final"] td:nth-of-type(1)'), "2/47");
  assert.match(await p2.textContent("[data-stage-gap]"), /^Indeks Final − Mandiri: [+-]\d,\d\d\* \(/);
  await p2.context().close();

  // a stage's bad value (which the form cannot put right): the file is refused, naming it
  const bad = path.join(artifacts, "stages-bad.json");
  fs.writeFileSync(bad, JSON.stringify({ rubric: "permenpanrb-59-2020", institution: "Kota Salah", tracks: { mandiri: all(3), visitasi: { 1: 9 } } }));
  const p3 = await open(browser, base, problems);
  p3.on("dialog", (d) => d.accept());
  await p3.setInputFiles("#load", bad);
  await p3.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
  assert.match(await p3.textContent("#status"), /indikator 1 \(di tracks\.visitasi\): nilai 9 di luar rentang/);
  assert.notEqual(await p3.inputValue("#institution"), "Kota Salah");
  assert.equal(await p3.isHidden("#stages"), true);
  await p3.context().close();
});

test("a bad value typed into a field (\"abc\", \"3,x\") keeps the stages table: the stages scored as the CLI scores them, the track with the bad field unscored with the core's message, as its card shows it", async () => {
  // 8/2026 (a number field per indicator): the self-assessment at 3, the document stage lowers 2 to 2, the site visit records 3 at 4
  const all = (v) => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [String(i + 1), v]));
  const file = path.join(artifacts, "stages-typed.json");
  fs.writeFileSync(file, JSON.stringify({ rubric: "permenpanrb-8-2026", institution: "Kota Tahap", tracks: { mandiri: all(3), dokumen: { ...all(3), 2: 2 }, visitasi: { 3: 4 } } }));
  const cliIndex = (track) => JSON.parse(execFileSync(cli, ["score", file, "--track", track, "--format", "json"], { encoding: "utf8" })).index_text.replace(".", ",");
  const scored = { mandiri: ["20/20", cliIndex("mandiri")], dokumen: ["20/20", cliIndex("dokumen")], visitasi: ["1/20", "4,00*"], final: ["20/20", cliIndex("final")] };
  assert.notEqual(scored.dokumen[1], scored.mandiri[1]);
  for (const viewport of [PHONE, LAPTOP]) {
    const page = await open(browser, base, problems, { viewport });
    page.on("dialog", (d) => d.accept());
    await page.setInputFiles("#load", file);
    await page.waitForFunction(() => document.querySelector("#institution").value === "Kota Tahap");
    const settle = () => page.waitForSelector("body:not([data-settled=false])", { state: "attached" });
    await settle();
    const rows = () => page.locator("#stages tr[data-stage]").evaluateAll((l) => Object.fromEntries(l.map((r) => [r.dataset.stage, [...r.cells].slice(1).map((c) => c.textContent)])));
    const two = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.slice(0, 2)]));
    assert.deepEqual(two(await rows()), scored);
    for (const bad of ["abc", "3,x"]) {
      await page.fill("#v-1", bad);
      await settle();
      assert.equal(await page.isVisible("#stages"), true, `stages hidden while indicator 1 holds ${bad}`);
      // the field is marked, with the core's message under it
      assert.equal(await page.getAttribute("#v-1", "aria-invalid"), "true");
      const line = await page.textContent("#e-1");
      assert.ok(line.includes(`"${bad}"`), line);
      const r = await rows();
      // the stages: as the CLI scores them (the self-assessment is not part of them)
      assert.deepEqual(two(r), { ...scored, mandiri: ["20/20", "—"] });
      // the self-assessment: what was entered, no index (as its card), and the core's message, as under the field
      assert.equal(await page.textContent('[data-testid="index"]'), "—");
      assert.ok(r.mandiri[2].includes(`"${bad}"`) && line.includes(r.mandiri[2]), `${r.mandiri[2]} / ${line}`);
      assert.equal(await page.getAttribute('#stages tr[data-stage="mandiri"] td:nth-of-type(3)', "class"), "error");
      assert.deepEqual(await page.locator('#stages tr[data-stage-indicator="1"] td').allTextContents(), [bad, "3", "—", "3"]);
      if (viewport === PHONE && bad === "abc") {
        await page.locator("#stages").scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(artifacts, "stages-bad-field-phone.png") });
      }
    }
    // put right: the table as before, the mark gone
    await page.fill("#v-1", "3");
    await settle();
    assert.deepEqual(two(await rows()), scored);
    assert.equal(await page.getAttribute("#v-1", "aria-invalid"), "false");
    // a bad value on the target: the table (which does not show the target) keeps every track scored
    await page.check('input[name="active-track"][value="target"]');
    await page.fill("#v-1", "abc");
    await settle();
    assert.equal(await page.getAttribute("#v-1", "aria-invalid"), "true");
    assert.equal(await page.isVisible("#stages"), true);
    assert.deepEqual(two(await rows()), scored);
    await page.context().close();
  }
});

test("a file from the evaluation, on the target track: the target keeps the assessors' final levels, and marks them as current", async () => {
  // the self-assessment said 2 for indicator 1; the document stage found 4; the target plans 5 for indicator 2
  const all = (v) => Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), v]));
  const file = path.join(artifacts, "stages-target.json");
  fs.writeFileSync(file, JSON.stringify({ rubric: "permenpanrb-59-2020", tracks: { mandiri: { ...all(3), 1: 2 }, dokumen: { ...all(3), 1: 4 }, target: { 2: 5 } } }));
  const page = await open(browser, base, problems);
  page.on("dialog", (d) => d.accept());
  await page.setInputFiles("#load", file);
  await page.waitForSelector("#stages:not([hidden])");
  await page.check('input[name="active-track"][value="target"]');
  const mark = (id) => page.locator(`[data-indicator="${id}"] .level.current-mark input`).getAttribute("value");
  // indicator 1: no change planned, so the target keeps final's 4 (the core's rule), marked as the current level
  assert.equal(await page.isChecked('[data-indicator="1"] input[value="4"]'), true);
  assert.equal(await mark(1), "4");
  assert.equal(await page.locator('[data-indicator="1"].changed').count(), 0);
  // indicator 2: planned 5 over final's 3
  assert.equal(await page.isChecked('[data-indicator="2"] input[value="5"]'), true);
  assert.equal(await mark(2), "3");
  assert.equal(await page.locator('[data-indicator="2"].changed').count(), 1);
  // the target's index is the CLI's for the same file
  const cli_ = JSON.parse(execFileSync(cli, ["score", file, "--track", "target", "--format", "json"], { encoding: "utf8" }));
  assert.equal(await page.textContent('[data-testid="target-index"]'), cli_.index_text.replace(".", ","));
  await page.context().close();
});

test("8/2026: each indicator's Instansi Pembina and Peran Fungsi, and the indicators scored from or citing another agency's index, as the rubric gives them", async () => {
  const rubric = JSON.parse(execFileSync(cli, ["rubric", "permenpanrb-8-2026", "--format", "json"], { encoding: "utf8" }));
  const inds = rubric.aspects.flatMap((a) => a.indicators);
  for (const viewport of [LAPTOP, PHONE]) {
    const page = await open(browser, `${base}#SPBE2.permenpanrb-8-2026.M${"3".repeat(20)}`, problems, { viewport });
    for (const ind of inds) {
      const fs = `[data-indicator="${ind.id}"]`;
      assert.equal(await page.textContent(`${fs} [data-meta="pembina"]`), ind.instansi_pembina.join("; "), `indicator ${ind.id}`);
      assert.equal(await page.textContent(`${fs} [data-meta="fungsi"]`), ind.peran_fungsi.join("; "), `indicator ${ind.id}`);
      const mark = page.locator(`${fs} .external-mark`);
      if (!ind.external) assert.equal(await mark.count(), 0, `indicator ${ind.id}`);
      else {
        assert.equal(await mark.getAttribute("data-external"), ind.external.relation);
        const verb = ind.external.relation === "scored_from" ? "Dinilai dari indeks" : "Merujuk indeks";
        assert.equal(await mark.textContent(), `${verb} ${ind.external.index} · ${ind.external.agency}`);
      }
    }
    // the ones the 2026 text scores from other agencies' indices: SDI, SJIG, IPS (5-7); IKASANDI cited (10-12)
    assert.deepEqual(await page.locator('[data-external="scored_from"]').evaluateAll((l) => l.map((m) => m.closest("fieldset").dataset.indicator)), ["5", "6", "7"]);
    assert.deepEqual(await page.locator('[data-external="cites"]').evaluateAll((l) => l.map((m) => m.closest("fieldset").dataset.indicator)), ["10", "11", "12"]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
    await page.context().close();
  }
});

test("no errors in the browser console", () => {
  assert.deepEqual(problems, []);
});
