#!/usr/bin/env node
// Benchmark (a script, not a test): the calculator page (spbe-wasm/dist) in
// headless Chromium with the CPU throttled 4x (CDP Emulation.setCPUThrottlingRate),
// as on a slow phone, against the same page unthrottled in the same run.
// Prints, per case:
// - first render: navigation start to the page's first render, on a phone and on
//   a laptop screen: the first screen's work done (performance mark
//   "spbe-first-render": the settings, the summary cards and, where they are in
//   view, the chart and tables; the form's headings) and the end of the frame
//   that draws it ("spbe-first-painted"); then the whole page, every indicator
//   of the form built in the steps after that frame ("spbe-ready", and its frame
//   "spbe-painted"), and the first contentful paint (the bare HTML). The page is
//   watched through the DevTools protocol only (a console message from an
//   observer of the marks), so that the harness adds no script to the load;
// - a level change to the updated summary: the change event's handler (which
//   scores both tracks in wasm and redraws the cards and the summary bar) until
//   it returns, until the next frame (requestAnimationFrame after the change), and
//   until the rest of the results (table, chart, gains, plan; drawn just after that
//   frame) is drawn, over many changes (59/2020 radio choices, 8/2026 values typed).
// Goals (issue 13): the summary updated within one frame (<= 16 ms) and the first
// render (spbe-first-render, median, phone screen) under 1 s, at 4x throttling.
//   node spbe-wasm/bench/page-throttle.mjs [--n 200] [--loads 5]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const dist = path.resolve(process.env.SPBE_DIST || path.join(root, "spbe-wasm/dist")); // SPBE_DIST: another build, e.g. an earlier one to compare
const { chromium } = createRequire(path.join(root, "tests/js/package.json"))("playwright-core");
const arg = (name, dflt) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const N = arg("--n", 200);
const LOADS = arg("--loads", 5);

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path.join(dist, rel.endsWith("/") ? rel + "index.html" : rel);
  if (!file.startsWith(dist) || !fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/index.html`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function page(rate, hash) {
  // a fresh context per page: no service worker or cache from an earlier load
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await p.goto(`${base}${hash}`);
  // polled by reading an attribute only (waitForSelector also checks visibility,
  // which needs the page's layout; a trace showed the ~250 forced style and
  // layout updates of a load come from the browser itself either way)
  await p.waitForFunction(() => document.body && document.body.dataset.ready === "true", null, { polling: 100 });
  return p;
}

const PHONE = { width: 390, height: 844 }, LAPTOP = { width: 1366, height: 768 };
const MARKS = ["spbe-first-render", "spbe-first-painted", "spbe-ready", "spbe-painted"];
async function firstRender(rate, viewport) {
  const out = { fcp: [] };
  for (const m of MARKS) out[m] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport, serviceWorkers: "block" });
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await cdp.send("Runtime.enable");
    const done = new Promise((r) => cdp.on("Runtime.consoleAPICalled", (e) => e.args[0] && e.args[0].value === "bench:spbe-painted" && r()));
    await p.addInitScript(() => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === "spbe-painted") console.log("bench:spbe-painted");
      }).observe({ type: "mark" });
    });
    await p.goto(base, { waitUntil: "commit" });
    await done;
    const { result } = await cdp.send("Runtime.evaluate", {
      returnByValue: true,
      expression: `(${JSON.stringify(MARKS)}).map((m) => performance.getEntriesByName(m)[0].startTime)
        .concat([(performance.getEntriesByName("first-contentful-paint")[0] || { startTime: NaN }).startTime])`,
    });
    MARKS.forEach((m, k) => out[m].push(result.value[k]));
    out.fcp.push(result.value[MARKS.length]);
    await context.close();
  }
  return out;
}

// In the page: n changes, each timed from before the event to the handler's
// return (the summary is then updated in the DOM) and to the next frame.
async function changes(rate, edition) {
  const hash = edition === "59" ? `#SPBE1.permenpanrb-59-2020.M${"3".repeat(47)}` : `#SPBE2.permenpanrb-8-2026.M${"3".repeat(20)}`;
  const p = await page(rate, hash);
  const res = await p.evaluate(async ({ n, edition }) => {
    const sync = [], frame = [], settled = [];
    const summary = () => document.querySelector("#sum-current").textContent;
    let changedSummaries = 0;
    for (let k = 0; k < n; k++) {
      const before = summary();
      const t0 = performance.now();
      if (edition === "59") {
        const id = 1 + (k % 47);
        // every change moves one indicator between 3 and 5, so the index changes each time
        const input = document.querySelector(`[data-indicator="${id}"] input[value="${Math.floor(k / 47) % 2 ? 3 : 5}"]`);
        input.checked = true;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        const id = 1 + (k % 20);
        const input = document.querySelector(`[data-indicator="${id}"] input[data-value]`);
        input.value = Math.floor(k / 20) % 2 ? "3" : "4,25";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t2 = performance.now();
      if (summary() !== before) changedSummaries++;
      // the rest of the results (table, chart, gains, plan), drawn just after that frame
      while (document.body.dataset.settled === "false") await new Promise((r) => setTimeout(r, 0));
      const t3 = performance.now();
      sync.push(t1 - t0);
      frame.push(t2 - t0);
      settled.push(t3 - t0);
    }
    return { sync, frame, settled, changedSummaries };
  }, { n: N, edition });
  await p.context().close();
  return res;
}

console.log(`calculator page, headless Chromium, phone viewport; ${N} changes per case, ${LOADS} loads`);
const rows = [];
for (const rate of [1, 4]) {
  const fr = await firstRender(rate, PHONE);
  const frLaptop = await firstRender(rate, LAPTOP);
  const c59 = await changes(rate, "59");
  const c26 = await changes(rate, "26");
  rows.push({ rate, fr, c59, c26 });
  console.log(`\nCPU throttling ${rate}x`);
  for (const [name, f] of [["phone", fr], ["laptop", frLaptop]]) {
    console.log(`  first render, ${name} screen: first screen (spbe-first-render) median ${ms(pct(f["spbe-first-render"], 50))}, max ${ms(Math.max(...f["spbe-first-render"]))}; ` +
      `its frame drawn (spbe-first-painted) median ${ms(pct(f["spbe-first-painted"], 50))}; whole form built (spbe-ready) median ${ms(pct(f["spbe-ready"], 50))}, ` +
      `its frame drawn (spbe-painted) median ${ms(pct(f["spbe-painted"], 50))}; first contentful paint (bare HTML) median ${ms(pct(f.fcp, 50))}`);
  }
  for (const [name, c] of [["59/2020 level (radio)", c59], ["8/2026 value typed", c26]]) {
    console.log(`  ${name}: handler median ${ms(pct(c.sync, 50))}, p90 ${ms(pct(c.sync, 90))}, max ${ms(Math.max(...c.sync))}; ` +
      `to next frame median ${ms(pct(c.frame, 50))}, p90 ${ms(pct(c.frame, 90))}; all results drawn median ${ms(pct(c.settled, 50))}; summary changed ${c.changedSummaries}/${N}`);
  }
}
const [r1, r4] = rows;
console.log("\nratios, 4x throttled / unthrottled (same run):");
console.log(`  first render ${(pct(r4.fr["spbe-first-render"], 50) / pct(r1.fr["spbe-first-render"], 50)).toFixed(2)}x; 59/2020 change ${(pct(r4.c59.sync, 50) / pct(r1.c59.sync, 50)).toFixed(2)}x; 8/2026 change ${(pct(r4.c26.sync, 50) / pct(r1.c26.sync, 50)).toFixed(2)}x`);
const goalFrame = Math.max(pct(r4.c59.sync, 90), pct(r4.c26.sync, 90)) <= 16;
const goalLoad = pct(r4.fr["spbe-first-render"], 50) < 1000;
console.log(`goals at 4x: summary within one frame (handler p90 <= 16 ms): ${goalFrame ? "met" : "NOT met"}; first render < 1 s (median, phone): ${goalLoad ? "met" : "NOT met"}`);
await browser.close();
server.close();
