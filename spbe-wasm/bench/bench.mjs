#!/usr/bin/env node
// Benchmark (a script, not a test) of the wasm package, printing RATIOS
// against what a user would write instead, measured in the same run:
//   1. score(object), the report (its long fields filled when first read),
//      vs a JS weighted sum over the same object (the index only; weights
//      read once from rubric())                                    goal <= 10x
//   2. scoreColumns(rubric, columns), every result column, vs a JS loop
//      computing only the index over the same columns (one Uint8Array per
//      indicator)                                                  goal <= 2x per row
//   3. the size: wasm + JS glue, gzipped (-9)                      goal <= 150 KB
// Each timing is the best of --rounds rounds (absolute times drift on a
// shared machine; the ratio is what is reported).
//   node spbe-wasm/bench/bench.mjs [--n 10000] [--rows 100000] [--rounds 7] [--rubric permenpanrb-59-2020] [--pkg dir]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, dflt) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : dflt;
};
// --pkg: another build's pkg directory (with node/ and web/), to compare builds
const pkg = path.resolve(arg("pkg", path.join(here, "../pkg")));
const spbe = createRequire(import.meta.url)(path.join(pkg, "node/spbe_wasm.js"));
const n = Number(arg("n", 10000));
const rowsN = Number(arg("rows", 100000));
const rounds = Number(arg("rounds", 7));
const rubricId = arg("rubric", "permenpanrb-59-2020");

// the baselines' weights: each indicator's weight in percent of the index
// (59/2020 and 8/2026 state them so; 5/2018's are relative and not used here)
const spec = spbe.rubric(rubricId);
const indicators = (spec.domains ? spec.domains.flatMap((d) => d.aspects) : spec.aspects).flatMap((a) => a.indicators);
const ids = indicators.map((i) => i.id);
const weights = new Float64Array(indicators.map((i) => Number(i.weight) / 100));
const m = ids.length;
const [lo, hi] = rubricId === "permenpanrb-5-2018" ? [0, 5] : [1, 5];

let seed = 2024;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const level = () => lo + Math.floor(rand() * (hi - lo + 1));

/** Best time per item in microseconds of `run` (which handles `count` items). */
function best(run, count) {
  let t = Infinity;
  for (let k = 0; k < rounds; k++) {
    const t0 = process.hrtime.bigint();
    run();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1000 / count);
  }
  return t;
}
/** Time per item in microseconds of one run of `run` (which handles `count` items). */
function best1(run, count) {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1000 / count;
}
const sink = { x: 0 };

// 1. score(object) vs a JS weighted sum over the same object
const assessments = Array.from({ length: n }, () => {
  const levels = {};
  for (const id of ids) levels[id] = level();
  return { rubric: rubricId, levels };
});
const jsSum = (a) => {
  let s = 0;
  const lv = a.levels;
  for (let k = 0; k < m; k++) s += weights[k] * lv[ids[k]];
  return Math.round(s * 100) / 100;
};
for (let i = 0; i < 2000; i++) sink.x += spbe.score(assessments[i % n]).index + jsSum(assessments[i % n]); // warm up
const tScore = best(() => {
  let c = 0;
  for (let i = 0; i < n; i++) c += spbe.score(assessments[i]).index;
  sink.x += c;
}, n);
const tSum = best(() => {
  let c = 0;
  for (let i = 0; i < n; i++) c += jsSum(assessments[i]);
  sink.x += c;
}, n);
// score() fills its long fields (domains, aspects, indicators, the predicate
// rule) when first read: the same, reading every indicator's level too
const tScoreAll = best(() => {
  let c = 0;
  for (let i = 0; i < n; i++) c += spbe.score(assessments[i]).indicators.length;
  sink.x += c;
}, n);
// the same, all scored first and then all read: a report read after more
// than the few kept whole in wasm is scored again from its kept input
const tScoreThenRead = best(() => {
  const reports = assessments.map((a) => spbe.score(a));
  let c = 0;
  for (const r of reports) c += r.indicators.length;
  sink.x += c;
}, n);
// what any report costs at least, whatever the binding does: reading the
// input once (JSON.stringify) and, for a report with every field, making its
// object (JSON.parse of its text), each against the same baseline
const reportTexts = assessments.map((a) => JSON.stringify(spbe.score(a)));
const tStringify = best(() => {
  let c = 0;
  for (let i = 0; i < n; i++) c += JSON.stringify(assessments[i]).length;
  sink.x += c;
}, n);
const tParse = best(() => {
  let c = 0;
  for (let i = 0; i < n; i++) c += JSON.parse(reportTexts[i]).index;
  sink.x += c;
}, n);
// the same sums, to show the baseline computes what score() reports
let agree = 0;
for (let i = 0; i < Math.min(n, 1000); i++) agree += Math.abs(spbe.score(assessments[i]).index - jsSum(assessments[i])) < 0.0101 ? 1 : 0;

// 2. scoreColumns vs a JS index-only loop over the same Uint8Array columns
const columns = {};
const colList = ids.map((id) => {
  const c = new Uint8Array(rowsN);
  for (let r = 0; r < rowsN; r++) c[r] = level();
  columns[id] = c;
  return c;
});
const jsColumns = () => {
  const index = new Float64Array(rowsN);
  for (let k = 0; k < m; k++) {
    const c = colList[k];
    const w = weights[k];
    for (let r = 0; r < rowsN; r++) index[r] += w * c[r];
  }
  for (let r = 0; r < rowsN; r++) index[r] = Math.round(index[r] * 100) / 100;
  return index;
};
for (let k = 0; k < 2; k++) sink.x += spbe.scoreColumns(rubricId, columns).index[k] + jsColumns()[k]; // warm up
// in turns (ours, then the loop, each round), so that a busy moment of the
// shared machine falls on both alike
let [tCols, tLoop] = [Infinity, Infinity];
for (let k = 0; k < rounds; k++) {
  tCols = Math.min(tCols, best1(() => (sink.x += spbe.scoreColumns(rubricId, columns).index[0]), rowsN));
  tLoop = Math.min(tLoop, best1(() => (sink.x += jsColumns()[0]), rowsN));
}

// 3. size
const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
const web = path.join(pkg, "web");
const wasmBytes = fs.statSync(path.join(web, "spbe_wasm_bg.wasm")).size;
const wasmGz = gz(path.join(web, "spbe_wasm_bg.wasm"));
const jsGz = gz(path.join(web, "spbe_wasm.js"));

const f = (x, d = 2) => x.toFixed(d);
console.log(`node ${process.version}, ${rubricId}, best of ${rounds} rounds`);
console.log(
  `score(object):  ${f(tScore)} us/call vs JS weighted sum ${f(tSum, 3)} us/call -> ${f(tScore / tSum, 1)}x (goal <= 10x); ` +
    `${n} assessments; the sum agrees with score().index on ${agree}/${Math.min(n, 1000)}`,
);
console.log(
  `  every field read too (.indicators): ${f(tScoreAll)} us/call -> ${f(tScoreAll / tSum, 1)}x; all scored first, then read: ${f(tScoreThenRead)} us/call -> ${f(tScoreThenRead / tSum, 1)}x`,
);
console.log(
  `  floor parts:  JSON.stringify(input) ${f(tStringify)} us -> ${f(tStringify / tSum, 1)}x; JSON.parse(full report text, ${reportTexts[0].length} chars) ${f(tParse)} us -> ${f(tParse / tSum, 1)}x`,
);
console.log(
  `scoreColumns:   ${f(tCols * 1000, 1)} ns/row vs JS index-only loop ${f(tLoop * 1000, 1)} ns/row -> ${f(tCols / tLoop, 2)}x (goal <= 2x); ${rowsN} rows x ${m} Uint8Array columns`,
);
console.log(
  `size:           wasm ${wasmBytes} bytes; gzipped wasm ${wasmGz} + JS ${jsGz} = ${wasmGz + jsGz} bytes (${f((wasmGz + jsGz) / 1000, 1)} KB) -> ${f((wasmGz + jsGz) / 150000, 2)}x of the goal (<= 150 KB)`,
);
if (Number.isNaN(sink.x)) console.log("(checksum NaN)");
