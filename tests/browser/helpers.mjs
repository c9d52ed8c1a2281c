// Shared set-up of the browser tests (not a test file itself): a static server
// of spbe-wasm/dist, Debian's Chromium through playwright-core, and a page
// opener that records console errors, page errors and failed requests.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const require = createRequire(path.join(root, "tests/js/package.json"));
export const { chromium } = require("playwright-core");
export const dist = path.join(root, "spbe-wasm/dist");
export const artifacts = path.join(root, "test-artifacts");
export const cli = process.env.SPBE_CLI || path.join(root, "target/release/spbe");
export const python = path.join(root, ".venv/bin/python");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** A static server of dist/ on a free port: { server, base, requests, close() }. */
export async function serve() {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
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
  return {
    server,
    requests,
    base: `http://127.0.0.1:${server.address().port}/index.html`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

export function launch() {
  fs.mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Opens url in a new context (or `context`), waits until the page is ready; problems collected in `problems`. */
export async function open(browser, url, problems, opts = {}) {
  const context = opts.context || (await browser.newContext({ acceptDownloads: true, viewport: opts.viewport || LAPTOP }));
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => { if (!opts.offline) problems.push(`request failed: ${r.url()}`); });
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

export const text = (page, id) => page.textContent(`[data-testid="${id}"]`);

/** The address bar's hash once the page has written it (just after the frame that shows a change). */
export const hashNow = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(location.hash), 30))));
