#!/usr/bin/env node
// Benchmark (a script, not a test): times spbe's score() from the wasm package
// on 10,000 random PermenPANRB 59/2020 assessments and prints the median and
// other percentiles in microseconds per call, plus the package size.
// Goal: <= 20 us per call; wasm + JS <= 150 KB gzipped with all three editions.
//   node spbe-wasm/bench/bench.mjs [--n 10000]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, "../pkg");
const spbe = createRequire(import.meta.url)(path.join(pkg, "node/spbe_wasm.js"));
const n = Number(process.argv[process.argv.indexOf("--n") + 1]) || 10000;

let seed = 2024;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const assessments = Array.from({ length: n }, () => {
  const levels = {};
  for (let i = 1; i <= 47; i++) levels[i] = 1 + Math.floor(rand() * 5);
  return { rubric: "permenpanrb-59-2020", levels };
});

for (let i = 0; i < 1000; i++) spbe.score(assessments[i % n]); // warm up (JIT tiers)
const times = new Float64Array(n);
let checksum = 0;
for (let i = 0; i < n; i++) {
  const t0 = process.hrtime.bigint();
  const r = spbe.score(assessments[i]);
  times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  checksum += r.index;
}
times.sort();
const pct = (p) => times[Math.min(n - 1, Math.floor((p / 100) * n))].toFixed(1);
const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
const web = path.join(pkg, "web");
const wasmGz = gz(path.join(web, "spbe_wasm_bg.wasm"));
const jsGz = gz(path.join(web, "spbe_wasm.js"));
console.log(`score(): ${n} assessments, median ${pct(50)} us per call (p10 ${pct(10)}, p90 ${pct(90)}, p99 ${pct(99)}); goal <= 20 us; checksum ${checksum.toFixed(2)}`);
console.log(`size: wasm ${fs.statSync(path.join(web, "spbe_wasm_bg.wasm")).size} bytes; gzipped wasm ${wasmGz} + JS ${jsGz} = ${((wasmGz + jsGz) / 1024).toFixed(1)} KiB; goal <= 150 KB`);
