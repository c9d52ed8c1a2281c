// axe-core (tests/js/node_modules/axe-core) run on the calculator in real
// headless Chromium: 59/2020 and 8/2026, Indonesian and English, laptop and
// phone, on the current track and on the target track, with the details open.
// No serious or critical violation is allowed. Screenshots of every case are
// kept in test-artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { artifacts, require, serve, launch, open, LAPTOP, PHONE } from "./helpers.mjs";

const axePath = require.resolve("axe-core/axe.min.js");
let srv, browser;
const problems = [];

before(async () => {
  srv = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.close();
});

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const res = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return res;
}

const cases = {
  "59-2020": `SPBE1.permenpanrb-59-2020.Y2024.N${Buffer.from("Kota Contoh").toString("base64url")}.M${"3".repeat(40)}${"_".repeat(7)}.T${"4".repeat(10)}${"_".repeat(37)}`,
  "8-2026": `SPBE2.permenpanrb-8-2026.Y2026.M${"3".repeat(10)}v3p25v${"2".repeat(5)}${"_".repeat(4)}`,
  // a file from the evaluation: the stages' tables shown too
  "59-2020-stages": `SPBE1.permenpanrb-59-2020.M${"3".repeat(47)}.D2${"3".repeat(46)}.V_4${"_".repeat(45)}`,
};

for (const [name, vector] of Object.entries(cases)) {
  for (const [size, viewport] of [["laptop", LAPTOP], ["phone", PHONE]]) {
    test(`axe: no serious or critical violation (${name}, ${size}, both languages, both tracks)`, async () => {
      const page = await open(browser, `${srv.base}#${vector}`, problems, { viewport });
      for (const lang of ["id", "en"]) {
        if (lang === "en") await page.click('[data-lang="en"]');
        for (const track of ["mandiri", "target"]) {
          await page.check(`input[name="active-track"][value="${track}"]`);
          // the explanation, evidence and drafts panels open, so that their fields are checked too
          await page.evaluate(() => { for (const d of document.querySelectorAll("details")) d.open = true; });
          const bad = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
          assert.deepEqual(bad, [], `${name} ${size} ${lang} ${track}: ${JSON.stringify(bad, null, 1)}`);
          await page.evaluate(() => { for (const d of document.querySelectorAll("details")) d.open = false; });
        }
        // the heading levels never jump (h1 > h2 > h3 > h4, one step at a time)
        const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (hs) => hs.filter((h) => h.getClientRects().length).map((h) => Number(h.tagName[1])));
        for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `${name} ${lang}: h${levels[i - 1]} then h${levels[i]}`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(artifacts, `calculator-${name}-${size}-${lang}.png`) });
        if (size === "phone") {
          // the form on a phone, scrolled into the indicators on the target track
          await page.check('input[name="active-track"][value="target"]');
          await page.locator('[data-indicator="5"]').scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(artifacts, `calculator-${name}-${size}-${lang}-form.png`) });
          await page.check('input[name="active-track"][value="mandiri"]');
        }
      }
      await page.context().close();
    });
  }
}

test("no errors in the browser console", () => {
  assert.deepEqual(problems, []);
});
