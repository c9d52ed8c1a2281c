// The JS API beyond the vectors: the CLI's report, check, rubrics, vectors, errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const spbe = createRequire(import.meta.url)(path.join(root, "spbe-wasm/pkg/node/spbe_wasm.js"));
const examplePath = path.join(root, "examples/kabupaten-sukamaju-2024.json");
const example = JSON.parse(fs.readFileSync(examplePath, "utf8"));

test("score returns exactly the CLI's JSON report", () => {
  const cli = process.env.SPBE_CLI || path.join(root, "target/release/spbe");
  const expected = JSON.parse(execFileSync(cli, ["score", examplePath, "--format", "json"], { encoding: "utf8" }));
  assert.deepEqual(spbe.score(example), expected);
  assert.equal(spbe.score(example).index, 2.67);
});

// score() hands over its long fields (the predicate rule, domains, aspects,
// indicators) when first read, scoring the same input again: the object must
// still be the CLI's report in every way a program looks at one.
const cliJson = (args) => {
  const cli = process.env.SPBE_CLI || path.join(root, "target/release/spbe");
  return JSON.parse(execFileSync(cli, args, { encoding: "utf8" }));
};

test("a report's fields filled when first read: the CLI's report, in its order, whatever is read first", () => {
  const expected = cliJson(["score", examplePath, "--format", "json"]);
  // the CLI's text re-written compactly keeps its key order: the same text
  // means the same fields, values and order
  assert.equal(JSON.stringify(spbe.score(example)), JSON.stringify(expected));
  assert.deepEqual(Object.keys(spbe.score(example)), Object.keys(expected));
  for (const first of Object.keys(expected)) {
    const r = spbe.score(example);
    assert.deepEqual(r[first], expected[first], first);
    assert.deepEqual({ ...r }, expected, `after reading ${first} first`);
  }
  assert.deepEqual(structuredClone(spbe.score(example)), expected);
  // a field written before it is read keeps the value written; the rest are the report's
  const w = spbe.score(example);
  w.domains = [];
  w.indicators.pop();
  assert.deepEqual(w.domains, []);
  assert.equal(w.indicators.length, expected.indicators.length - 1);
  assert.deepEqual(w.aspects, expected.aspects);
  assert.deepEqual(w.predicate_rule, expected.predicate_rule);
  // frozen or sealed before any long field is read (as state libraries do)
  for (const lock of [Object.freeze, Object.seal]) {
    const f = lock(spbe.score(example));
    assert.deepEqual(f.indicators, expected.indicators);
    assert.deepEqual(f, expected);
    assert.equal(JSON.stringify(f), JSON.stringify(expected));
  }
  // a sealed object's fields can be written, a frozen one's cannot (as a plain object's)
  const sealed = Object.seal(spbe.score(example));
  sealed.domains = [];
  assert.deepEqual(sealed.domains, []);
  assert.deepEqual(sealed.aspects, expected.aspects);
  assert.throws(() => {
    Object.freeze(spbe.score(example)).domains = [];
  }, TypeError);
  // read through a Proxy (as reactive state wraps objects), an object made
  // from the report, or a copy of its descriptors: the report's own values
  const p = new Proxy(spbe.score(example), {});
  assert.deepEqual(Reflect.get(p, "indicators", p), expected.indicators);
  assert.deepEqual(p, expected);
  assert.deepEqual(Object.create(spbe.score(example)).aspects, expected.aspects);
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(spbe.score(example)));
  assert.deepEqual(copy.domains, expected.domains);
  // a field the caller replaced before the others are read stays theirs
  const mine = spbe.score(example);
  delete mine.domains;
  mine.domains = 5;
  Object.defineProperty(mine, "aspects", { value: "mine", enumerable: true, configurable: true, writable: true });
  assert.equal(mine.indicators.length, expected.indicators.length);
  assert.equal(mine.domains, 5);
  assert.equal(mine.aspects, "mine");
  // a fill that fails (here JSON.parse, once) leaves the report as it was: a later read fills it
  const failing = spbe.score(example);
  const parse = JSON.parse;
  JSON.parse = () => {
    JSON.parse = parse;
    throw new RangeError("simulated");
  };
  try {
    assert.throws(() => failing.indicators, RangeError);
  } finally {
    JSON.parse = parse;
  }
  assert.deepEqual(failing, expected);
});

test("a report keeps the input and options it was scored with, though the caller's objects change", () => {
  const a = structuredClone(example);
  const opts = { track: "mandiri", missing: "lowest" };
  const r = spbe.score(a, opts);
  // changed after scoring, before the lazy fields are read
  a.tracks.mandiri["1"] = 5;
  delete a.tracks.mandiri["2"];
  opts.track = "final";
  const expected = cliJson(["score", examplePath, "--format", "json", "--track", "mandiri", "--missing", "lowest"]);
  assert.deepEqual(r, expected);
  assert.equal(r.indicators[0].level, expected.indicators[0].level);
  // one read after many other reports were made is filled from its kept input
  // and options, scored again (only the last few reports are kept whole)
  const b = structuredClone(example);
  const bOpts = { track: "mandiri", missing: "lowest" };
  const early = spbe.score(b, bOpts);
  const others = Array.from({ length: 20 }, () => spbe.score(example)); // more than are kept whole
  b.tracks.mandiri["1"] = 5;
  delete b.tracks.mandiri["2"];
  bOpts.missing = "error";
  assert.deepEqual(early, expected);
  for (const o of others) assert.equal(o.indicators.length, expected.indicators.length);
  // a vector string and JSON text are kept the same way
  const fromVector = spbe.score(spbe.toVector(example), { track: "mandiri" });
  const fromText = spbe.score(JSON.stringify(example), { track: "mandiri" });
  const mandiri = cliJson(["score", examplePath, "--format", "json", "--track", "mandiri"]);
  assert.deepEqual(fromVector.indicators, mandiri.indicators);
  assert.deepEqual(fromText, mandiri);
});

test("a vector string scores the same as the object", () => {
  const v = spbe.toVector(example);
  assert.match(v, /^SPBE1\.permenpanrb-59-2020\.[A-Za-z0-9._~-]+$/);
  assert.deepEqual(spbe.fromVector(v), example);
  assert.deepEqual(spbe.score(v), spbe.score(example));
});

test("options: track, missing policy, predicate basis", () => {
  assert.equal(spbe.score(example, { track: "mandiri" }).track, "mandiri");
  const partial = { rubric: "permenpanrb-8-2026", levels: { 1: 3, 2: 3 } };
  assert.throws(() => spbe.score(partial), { code: "missing_indicator" });
  const low = spbe.score(partial, { missing: "lowest" });
  assert.equal(low.official, false);
  assert.equal(low.index_exact, "1.2"); // 1 + (5 + 5) * 2 / 100
  assert.throws(() => spbe.score(example, { track: "reviu" }), { code: "unknown_track" });
  assert.throws(() => spbe.score(example, { missing: "guess" }), { code: "invalid_options" });
});

test("errors are Error instances with code and indicator", () => {
  const bad = { rubric: "permenpanrb-59-2020", levels: { ...Object.fromEntries(Array.from({ length: 47 }, (_, i) => [i + 1, 3])), 12: 9 } };
  try {
    spbe.score(bad);
    assert.fail("should throw");
  } catch (e) {
    assert.ok(e instanceof Error);
    assert.equal(e.code, "level_out_of_range");
    assert.equal(e.indicator, "12");
    assert.match(e.message, /indicator 12: level 9 is out of range; permenpanrb-59-2020 accepts a whole number from 1 to 5/);
  }
  assert.throws(() => spbe.score("SPBE1.permenpanrb-59-2020.L1"), { code: "invalid_vector" });
  assert.throws(() => spbe.score('{"rubric": "permenpanrb-59-2020", "levels": {'), { code: "malformed_json" });
  assert.throws(() => spbe.score(42), { code: "invalid_assessment" });
  assert.throws(() => spbe.score({ toJSON: () => undefined }), { code: "invalid_assessment" }); // no text at all
  assert.throws(() => spbe.rubric("nope"), { code: "unknown_rubric" });
});

test("check never throws and lists every problem", () => {
  for (const junk of [undefined, null, 42, "x", [], {}, { rubric: 1 }, () => 1]) {
    const r = spbe.check(junk);
    assert.equal(r.ok, false);
    assert.ok(r.issues.length >= 1 && r.issues.every((i) => typeof i.code === "string" && "indicator" in i && i.message));
  }
  const r = spbe.check({ rubric: "permenpanrb-59-2020", levels: { 1: 9, 2: 2.5, x: 1 } });
  const codes = r.issues.map((i) => i.code);
  for (const c of ["level_out_of_range", "non_integer_level", "unknown_indicator", "missing_indicator"]) assert.ok(codes.includes(c), codes.join());
  assert.deepEqual(spbe.validate(example), []);
});

test("rubrics and a rubric's full structure", () => {
  assert.deepEqual(spbe.rubrics().map((r) => [r.id, r.status, r.domains, r.aspects, r.indicators]), [
    ["permenpanrb-5-2018", "reconstructed", 3, 7, 35],
    ["permenpanrb-59-2020", "official", 4, 8, 47],
    ["permenpanrb-8-2026", "official", 0, 7, 20],
  ]);
  const r = spbe.rubric("permenpanrb-59-2020");
  assert.equal(r.domains[3].weight, "45.50");
  const i32 = r.domains[3].aspects[0].indicators[0];
  assert.equal(i32.name, "Tingkat Kematangan Layanan Perencanaan");
  assert.equal(i32.criteria.length, 5);
  assert.deepEqual(r.scales.find((s) => s.id === i32.scale).levels.map((l) => l.name), ["Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimum"]);
  assert.deepEqual(r.predicates.map((p) => p.min), ["1", "1.8", "2.6", "3.5", "4.2"]);
});

test("8/2026 decimal values are exact, and the year picks the predicate rule", () => {
  const ones = (over = {}) => ({ ...Object.fromEntries(Array.from({ length: 20 }, (_, k) => [String(k + 1), 1])), ...over });
  // I20 (15 %) = 1.1: 1 + 0.1 x 15 / 100 = 1.015 exactly -> 1.02 half up (a sum of doubles gives 1.01)
  for (const v of [1.1, "1.1", "11/10"]) {
    const r = spbe.score({ rubric: "permenpanrb-8-2026", levels: ones({ 20: v }) });
    assert.deepEqual([r.index_exact, r.index_text], ["1.015", "1.02"], String(v));
  }
  const r = spbe.score({ rubric: "permenpanrb-8-2026", levels: ones({ 13: "7/6", 3: 1.26 }) });
  assert.equal(r.indicators[12].level, "7/6");
  assert.equal(r.indicators[2].level, 1.26);
  // out of range: a typed error naming indicator and value
  assert.throws(() => spbe.score({ rubric: "permenpanrb-8-2026", levels: ones({ 4: 5.01 }) }), (e) => e.code === "level_out_of_range" && e.indicator === "4" && /5\.01/.test(e.message));
  // SPBE2 vectors carry decimals both ways
  const v = spbe.toVector({ rubric: "permenpanrb-8-2026", levels: ones({ 3: 1.26, 13: "7/6" }) });
  assert.match(v, /^SPBE2\.permenpanrb-8-2026\.L11v1p26v1{9}v7s6v1{7}$/);
  assert.deepEqual(spbe.fromVector(v).levels["13"], "7/6");
  // Kab. Pacitan 2024: exact 3.4985 published "3,50 Baik"; the 2023 rule (rounded) says Sangat Baik
  const spread = (total, n) => Array.from({ length: n }, (_, k) => Math.floor(total / n) + (k < total % n ? 1 : 0));
  const lv = [...spread(47, 10), ...spread(30, 10), ...spread(23, 11), ...spread(39, 10), ...spread(24, 6)];
  const pacitan = (year) => ({ rubric: "permenpanrb-59-2020", year, levels: Object.fromEntries(lv.map((x, k) => [String(k + 1), x])) });
  const r24 = spbe.score(pacitan(2024));
  assert.deepEqual([r24.index_exact, r24.index_text, r24.predicate, r24.predicate_rule.basis, r24.predicate_rule.reason], ["3.4985", "3.50", "Baik", "exact", "year"]);
  assert.equal(spbe.score(pacitan(2023)).predicate, "Sangat Baik");
  assert.equal(spbe.score(pacitan(2024), { predicate_basis: "reported" }).predicate_rule.reason, "option");
});

test("every error code comes from the core's registry", () => {
  const codes = spbe.errorCodes();
  assert.ok(codes.length >= 20 && codes.every((c) => c.code && c.family && c.summary));
  const known = new Set(codes.map((c) => c.code));
  const seen = [];
  for (const bad of [{ rubric: "x", levels: {} }, { rubric: "permenpanrb-8-2026", levels: { 1: 9 } }, "SPBE2.permenpanrb-8-2026.Lvv", "{"]) {
    try { spbe.score(bad); } catch (e) { seen.push(e.code); }
  }
  assert.deepEqual(seen, ["unknown_rubric", "level_out_of_range", "invalid_vector", "malformed_json"]);
  for (const c of seen) assert.ok(known.has(c), c);
});

test("the boundary functions the page uses come from the core", () => {
  // the gap is the exact difference rounded once: 2.604 - 2.595 = 0.009 -> 0.01 (rounded values give 0.00)
  assert.equal(spbe.indexGap("2.595", "2.604"), 0.01);
  assert.throws(() => spbe.indexGap("x", "1"), (e) => e.code === "invalid_options");
  const r = spbe.score(example);
  const top = spbe.topGains(r, 3);
  const gains = r.indicators.filter((i) => i.gain > 0).map((i) => i.gain).sort((a, b) => b - a);
  assert.equal(top.length, 3);
  assert.equal(r.indicators.find((i) => i.id === top[0]).gain, gains[0]);
  const v = spbe.levelViews("permenpanrb-8-2026", "13");
  assert.deepEqual(v.map((l) => [l.level, l.label, l.min, l.max, l.min_inclusive, l.max_inclusive]), [
    [1, "Merintis", "1.00", "1.50", true, true], [2, "Membangun", "1.50", "2.50", false, true], [3, "Berkembang", "2.50", "3.50", false, true],
    [4, "Melembaga", "3.50", "4.00", false, true], [5, "Unggul", "4.00", "5.00", false, true],
  ]);
  assert.ok(spbe.levelViews("permenpanrb-5-2018", "1").every((l) => l.official === false));
  assert.deepEqual(["1.50", "1.51", "7/6", "9"].map((x) => spbe.rangeOf("permenpanrb-8-2026", "3", x)), [1, 2, 1, undefined]);
  assert.ok(spbe.isVector("SPBE2.permenpanrb-8-2026.L1") && !spbe.isVector("{}"));
});

test("the outline walks the structure once, in rubric order", () => {
  const o = spbe.outline("permenpanrb-59-2020");
  assert.equal(o.length, 47);
  assert.deepEqual([o[31].domain.id, o[31].aspect.id, o[31].indicator.id, o[31].indicator.criteria.length], ["4", "7", "32", 5]);
  assert.ok(spbe.outline("permenpanrb-8-2026").every((p) => p.domain === null));
});

test("hardened edges: years every surface refuses alike, lone surrogates, check always answers", () => {
  const vec = "SPBE1.permenpanrb-8-2026.Y9007199254740993.L" + "3".repeat(20);
  const c = spbe.check(vec);
  assert.equal(c.ok, false);
  assert.equal(c.issues[0].code, "invalid_vector");
  assert.throws(() => spbe.score(vec), (e) => e.code === "invalid_vector");
  const levels = Object.fromEntries(Array.from({ length: 20 }, (_, k) => [String(k + 1), 3]));
  assert.throws(() => spbe.score({ rubric: "permenpanrb-8-2026", year: 99999, levels }), (e) => e.code === "invalid_assessment" && /year 99999/.test(e.message));
  assert.throws(() => spbe.score('{"rubric": "permenpanrb-8-2026", "institution": "\ud800", "levels": {}}'), (e) => e.code === "invalid_assessment" && /surrogate/.test(e.message));
  assert.throws(() => spbe.score({ rubric: "permenpanrb-8-2026", institution: "\ud800", levels }), (e) => typeof e.code === "string");
});

test("validate lists at most 100 problems of a kind and counts the rest", () => {
  const levels = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 3]));
  for (let k = 0; k < 250; k++) levels[`x${k}`] = 1;
  const problems = spbe.validate({ rubric: "permenpanrb-59-2020", levels });
  assert.equal(problems.length, 101);
  assert.ok(problems.every((p) => p.code === "unknown_indicator"));
  assert.equal(problems[100].message, "... and 150 more unknown_indicator problem(s), not listed");
  assert.equal(spbe.check({ rubric: "permenpanrb-59-2020", levels }).issues.length, 101);
});

test("plan returns exactly the CLI's plan, and typed errors", () => {
  const cli = process.env.SPBE_CLI || path.join(root, "target/release/spbe");
  const expected = JSON.parse(
    execFileSync(cli, ["plan", examplePath, "--to", "Sangat Baik", "--freeze", "47", "--format", "json"], { encoding: "utf8" }),
  );
  const p = spbe.plan(example, { to: "Sangat Baik", frozen: ["47"] });
  assert.deepEqual(p, expected);
  assert.equal(p.after.predicate, "Sangat Baik");
  assert.ok(p.steps.every((s) => s.indicator !== "47"));
  assert.equal(spbe.plan(example, { to: 2.5 }).met_already, true);
  assert.throws(() => spbe.plan(example, { to: "Memuaskan", frozen: Array.from({ length: 40 }, (_, i) => String(i + 1)) }), { code: "unreachable_target" });
  assert.throws(() => spbe.plan(example, { to: "Bagus" }), { code: "invalid_options" });
  assert.throws(() => spbe.plan(example, { to: "Baik", costs: { 99: 1 } }), { code: "unknown_indicator" });
});

test("reportHtml is the document of `spbe report`", () => {
  const cli = process.env.SPBE_CLI || path.join(root, "target/release/spbe");
  const expected = execFileSync(cli, ["report", examplePath, "--lang", "en", "--date", "2026-11-25"], { encoding: "utf8" });
  assert.equal(spbe.reportHtml(example, null, "en", "2026-11-25"), expected);
  assert.match(spbe.reportHtml(example), /LAPORAN HASIL EVALUASI/i);
  assert.throws(() => spbe.reportHtml(example, null, "fr"), { code: "invalid_options" });
});

test("trackLevels gives a track's levels by the core's rule (the target over the current levels)", () => {
  const a = { rubric: "permenpanrb-59-2020", tracks: { mandiri: { 1: 3, 2: 3 }, target: { 2: 5 } } };
  // no assessor stage: the target is mandiri with the target's change
  assert.deepEqual(spbe.trackLevels(a, "target"), { 1: 3, 2: 5 });
  // with a document review, the current levels are the final track (dokumen), not mandiri
  const b = { ...a, tracks: { ...a.tracks, dokumen: { 1: 2 } } };
  assert.deepEqual(spbe.trackLevels(b, "target"), { 1: 2, 2: 5 });
  assert.deepEqual(spbe.trackLevels(a, "visitasi"), {});
  assert.throws(() => spbe.trackLevels(a, "reviu"), { code: "unknown_track" });
});
