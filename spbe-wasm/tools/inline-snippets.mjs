#!/usr/bin/env node
// Puts wasm-bindgen's JS snippets (the `inline_js` of spbe-wasm/src/lib.rs,
// written to <pkg>/snippets/<crate>-<hash>/inlineN.js) into the glue itself,
// so that each package stays ONE JS file: the calculator, its service worker's
// file list and its single-file build load spbe_wasm.js alone, and the npm
// package has no path that changes with every build.
//
// Each snippet becomes a function returning its exports (wrap-module.mjs, as the
// single-file build wraps the page's modules), declared once at the
// top of the glue; the glue's lines that import or require it read that object
// instead. Only the forms wasm-bindgen writes are handled (ES `import { a }
// from`, `import * as m from` for --target web; `const { a } = require(...)`,
// `const m = require(...)` for --target nodejs), and anything else stops the
// build rather than producing a package that breaks when loaded.
//
// Usage: node spbe-wasm/tools/inline-snippets.mjs <pkg-dir> [<pkg-dir> ...]
import fs from "node:fs";
import path from "node:path";
import { wrapModule } from "./wrap-module.mjs";

function fail(msg) {
  console.error(`inline-snippets: ${msg}`);
  process.exit(1);
}

for (const dir of process.argv.slice(2)) {
  const glue = path.join(dir, "spbe_wasm.js");
  const snippets = path.join(dir, "snippets");
  if (!fs.existsSync(snippets)) continue;
  let src = fs.readFileSync(glue, "utf8");
  const files = fs.readdirSync(snippets, { recursive: true }).filter((f) => f.endsWith(".js")).sort();
  const decls = [];
  files.forEach((rel, k) => {
    const spec = `./snippets/${rel.split(path.sep).join("/")}`;
    const v = `__snippet${k}`;
    decls.push(`const ${v} = ${wrapModule(rel, fs.readFileSync(path.join(snippets, rel), "utf8"), fail)};`);
    const q = spec.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const from = `(?:"${q}"|'${q}'|String\\.raw\`${q}\`)`;
    let found = 0;
    const forms = [
      [new RegExp(`^import \\{([^}]*)\\} from ${from};?[ \\t]*$`, "gm"), (_, names) => `const {${names.replace(/\s+as\s+/g, ": ")}} = ${v};`],
      [new RegExp(`^import \\* as ([\\w$]+) from ${from};?[ \\t]*$`, "gm"), (_, m) => `const ${m} = ${v};`],
      [new RegExp(`^const (\\{[^}]*\\}|[\\w$]+) = require\\(${from}\\);?[ \\t]*$`, "gm"), (_, lhs) => `const ${lhs} = ${v};`],
    ];
    for (const [re, to] of forms) {
      src = src.replace(re, (...m) => {
        found += 1;
        return to(...m);
      });
    }
    if (!found) fail(`${glue}: no import of ${spec} in a form this tool handles`);
    // (the name stays as a key of the wasm's imports object: the module name
    // the wasm imports from, not a file)
    if (new RegExp(`(from|require\\() *${from}`).test(src)) fail(`${glue}: ${spec} is still loaded after inlining`);
  });
  // the declarations go first (after a leading directive comment such as
  // `/* @ts-self-types=... */`): the glue's own imports come before any use
  const lead = /^\/\*[^\n]*\*\/\n/.exec(src)?.[0] ?? "";
  fs.writeFileSync(glue, `${lead}${decls.join("\n")}\n${src.slice(lead.length)}`);
  fs.rmSync(snippets, { recursive: true });
}
