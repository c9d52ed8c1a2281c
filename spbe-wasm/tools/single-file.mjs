#!/usr/bin/env node
// Builds dist/spbe-kalkulator.html: the calculator as ONE file (HTML with the
// CSS, the scripts and the wasm inlined) that works when opened from file://
// with no server, as files travel between offices (a flash drive, a chat).
//
// A browser refuses to load a module script or fetch a .wasm from file://, so:
// - the ES modules (spbe_wasm.js, xlsx.js, app.js) become one inline module
//   script: each imported module is wrapped in a function that returns its
//   exports, and the importing lines are rewritten to read them;
// - the wasm is inlined as base64 and handed to wasm-bindgen's init function as
//   bytes (`init({ module_or_path: bytes })`), so nothing is fetched.
// It also stamps dist/sw.js (the service worker of the served version) with a
// hash of the files it caches, so that a new build gets a new cache name.
//
// Usage: node spbe-wasm/tools/single-file.mjs [dist-dir]   (default: spbe-wasm/dist)
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { wrapModule } from "./wrap-module.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, "..", "dist"));
const read = (f) => fs.readFileSync(path.join(dist, f), "utf8");

function fail(msg) {
  console.error(`single-file: ${msg}`);
  process.exit(1);
}

const html = read("index.html");
const css = read("style.css");
const app = read("app.js");
const wasm = fs.readFileSync(path.join(dist, "spbe_wasm_bg.wasm"));

// app.js's imports, each rewritten to read the wrapped module
const modules = [];
const appBody = app.replace(/^import (.+) from "\.\/([\w.-]+\.js)";\s*$/gm, (_, what, file) => {
  const v = `__m${modules.length}`;
  modules.push(`const ${v} = ${wrapModule(file, read(file), fail)};`);
  const out = [];
  for (const part of what.split(/,(?![^{]*\})/).map((s) => s.trim())) {
    let m;
    if ((m = /^\* as ([\w$]+)$/.exec(part))) out.push(`const ${m[1]} = ${v};`);
    else if ((m = /^\{([^}]*)\}$/.exec(part))) {
      const binds = m[1].split(",").map((s) => s.trim()).filter(Boolean).map((b) => b.replace(/\s+as\s+/, ": "));
      out.push(`const { ${binds.join(", ")} } = ${v};`);
    } else if ((m = /^([\w$]+)$/.exec(part))) {
      // the default export: for the wasm glue, its init, given the inlined bytes
      out.push(file === "spbe_wasm.js" ? `const ${m[1]} = () => ${v}.default({ module_or_path: __wasmBytes() });` : `const ${m[1]} = ${v}.default;`);
    } else fail(`app.js: cannot read the import "${part}"`);
  }
  return out.join("\n");
});
if (!modules.length) fail("app.js imports nothing: is it the calculator?");
if (/^\s*import\s/m.test(appBody)) fail("app.js: an import this tool does not handle");

const wasmB64 = wasm.toString("base64");
const script = [
  "// spbe calculator, single-file build: every module inlined; the wasm as base64",
  "window.SPBE_SINGLE_FILE = true;",
  `const __wasmB64 = "${wasmB64}";`,
  "function __wasmBytes() {",
  "  const s = atob(__wasmB64);",
  "  const b = new Uint8Array(s.length);",
  "  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);",
  "  return b;",
  "}",
  ...modules,
  appBody,
].join("\n");
// nothing in the inlined text may end the <script> or <style> element early
const safe = (text, tag) => text.replace(new RegExp(`</(${tag})`, "gi"), "<\\/$1");

let out = html;
const linkCss = /<link rel="stylesheet" href="style\.css">/;
const appTag = /<script type="module" src="app\.js"><\/script>/;
if (!linkCss.test(out) || !appTag.test(out)) fail("index.html: the style.css link or the app.js script tag is not where expected");
// the served page's preloads: here there is nothing to fetch
const preloads = /^\s*<!--[^>]*-->\n(?=\s*<link rel="modulepreload")|^\s*<link rel="(?:modulepreload|preload)" [^>]*>\n/gm;
if (!preloads.test(out)) fail("index.html: the preload links are not where expected");
out = out.replace(preloads, "");
out = out.replace(linkCss, () => `<style>\n${safe(css, "style")}\n</style>`);
out = out.replace(appTag, () => `<script type="module">\n${safe(script, "script")}\n</script>`);
fs.writeFileSync(path.join(dist, "spbe-kalkulator.html"), out);

// the service worker's cache name: a hash of the files it caches
const sw = path.join(dist, "sw.js");
if (fs.existsSync(sw)) {
  const src = fs.readFileSync(sw, "utf8");
  const files = [...src.matchAll(/"\.\/([\w.-]+)"/g)].map((m) => m[1]).filter((f) => fs.existsSync(path.join(dist, f)));
  const h = crypto.createHash("sha256");
  for (const f of files.sort()) h.update(f).update(fs.readFileSync(path.join(dist, f)));
  fs.writeFileSync(sw, src.replace("__BUILD__", h.digest("hex").slice(0, 12)));
}

const kb = (n) => `${Math.round(n / 1024)} KB`;
console.log(`single file: spbe-wasm/dist/spbe-kalkulator.html (${kb(Buffer.byteLength(out))}, wasm ${kb(wasm.length)} as base64)`);
