// scoreColumns: many assessments of one edition as columns of levels, scored
// by spbe-core's batch entry. Every row must equal score() of the same row's
// object; a few rows are also checked against values worked out by hand from
// the editions' published weights.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const spbe = createRequire(import.meta.url)(path.join(root, "spbe-wasm/pkg/node/spbe_wasm.js"));

const R2020 = "permenpanrb-59-2020";
const R2026 = "permenpanrb-8-2026";
const R2018 = "permenpanrb-5-2018";
const ids = (n) => Array.from({ length: n }, (_, k) => String(k + 1));

/** Columns (one Uint8Array per indicator) from rows given as arrays of levels. */
function u8Columns(rows, n) {
  const cols = {};
  for (const id of ids(n)) cols[id] = new Uint8Array(rows.length);
  rows.forEach((row, r) => row.forEach((v, k) => (cols[String(k + 1)][r] = v)));
  return cols;
}

/** Row r of the columns as an assessment object (empty cells left out; 2018's
 * service columns "35.1".."35.3" as one list). */
function rowObject(rubric, cols, r) {
  const levels = {};
  for (const [name, col] of Object.entries(cols)) {
    const v = col[r];
    const empty = v === null || v === undefined || Number.isNaN(v) || (col instanceof Uint8Array && v === 255);
    if (empty) continue;
    const value = col instanceof Float32Array ? shortestFloat32(v) : v;
    const [id, service] = name.split(".");
    if (service !== undefined) (levels[id] ??= []).push(value);
    else levels[id] = value;
  }
  return { rubric, levels };
}

/** The shortest decimal that reads back to the same float32 (float32 1.1 is 1.1). */
function shortestFloat32(v) {
  for (let p = 1; p <= 9; p++) {
    const x = Number(v.toPrecision(p));
    if (Math.fround(x) === v) return x;
  }
  return v;
}

/** Every indicator id of each edition, in rubric order. */
const ALL_IDS = { [R2020]: ids(47), [R2026]: ids(20), [R2018]: ids(35) };

/** Every row of a scoreColumns result equals score() of that row's object,
 * and its `official` / `missing` name the indicators the row's object lacks. */
function assertRowsMatchScore(rubric, cols, res, opts = {}) {
  assert.ok(res.official instanceof Uint8Array && res.official.length === res.rows);
  assert.ok(res.missing instanceof Map);
  for (const r of res.missing.keys()) assert.ok(Number.isInteger(r) && r >= 0 && r < res.rows);
  for (let r = 0; r < res.rows; r++) {
    const obj = rowObject(rubric, cols, r);
    const lacking = ALL_IDS[rubric].filter((id) => !(id in obj.levels));
    assert.equal(res.official[r], lacking.length === 0 ? 1 : 0, `row ${r}: official`);
    assert.deepEqual(res.missing.get(r), lacking.length ? lacking : undefined, `row ${r}: missing`);
    let rep;
    try {
      rep = spbe.score(obj, opts);
    } catch (e) {
      const err = res.errors.find((x) => x.row === r);
      assert.ok(err, `row ${r}: score() throws ${e.code} but scoreColumns gave no error`);
      assert.equal(err.code, e.code, `row ${r}`);
      assert.equal(err.indicator, e.indicator, `row ${r}`);
      assert.ok(Number.isNaN(res.index[r]) && res.predicate[r] === 255, `row ${r}: failed rows are NaN / 255`);
      continue;
    }
    assert.equal(res.index[r], rep.index, `row ${r}: index`);
    assert.equal(res.predicates[res.predicate[r]], rep.predicate, `row ${r}: predicate`);
    for (const d of rep.domains) assert.equal(res.domains[d.id][r], d.index ?? NaN, `row ${r}: domain ${d.id}`);
    for (const a of rep.aspects) assert.equal(res.aspects[a.id][r], a.index ?? NaN, `row ${r}: aspect ${a.id}`);
  }
}

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

test("59/2020: hand-computed rows, typed columns, predicates as positions", () => {
  const row = (f) => ids(47).map((id) => f(Number(id)));
  const rows = [
    row(() => 3), // every level 3: index 3.00, Baik
    row((i) => (i === 1 ? 5 : 3)), // I1 (1.30 %) at 5: 3 + 2 x 1.30 / 100 = 3.026 -> 3.03; aspect 1 = 3 + 2 x 1.30 / 13 = 3.2
    row((i) => (i >= 32 ? 5 : 1)), // domain 4 (45.50 %) at 5, rest 1: 1 + 4 x 45.5 / 100 = 2.82
    row((i) => (i >= 42 ? 5 : 4)), // aspect 8 (18 %) at 5, rest 4: 4.18, below Memuaskan (4.2)
  ];
  const res = spbe.scoreColumns(R2020, u8Columns(rows, 47));
  assert.equal(res.rows, 4);
  assert.ok(res.index instanceof Float64Array && res.predicate instanceof Uint8Array);
  assert.deepEqual(res.predicates, ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"]);
  assert.deepEqual([...res.index], [3, 3.03, 2.82, 4.18]);
  assert.deepEqual([...res.predicate].map((p) => res.predicates[p]), ["Baik", "Baik", "Baik", "Sangat Baik"]);
  assert.deepEqual(Object.keys(res.domains), ["1", "2", "3", "4"]);
  assert.deepEqual(Object.keys(res.aspects), ["1", "2", "3", "4", "5", "6", "7", "8"]);
  assert.ok(res.aspects["1"] instanceof Float64Array);
  assert.deepEqual([res.aspects["1"][1], res.domains["1"][1], res.domains["2"][1]], [3.2, 3.2, 3]);
  // domain 4 of the last row: (27.50 x 4 + 18 x 5) / 45.50 = 4.3956... -> 4.40
  assert.deepEqual([...res.domains["4"]], [3, 3, 5, 4.4]);
  assert.deepEqual([res.aspects["7"][2], res.aspects["8"][3], res.aspects["7"][3]], [5, 5, 4]);
  assert.deepEqual(res.errors, []);
  // every row has every indicator
  assert.deepEqual([...res.official], [1, 1, 1, 1]);
  assert.equal(res.missing.size, 0);
  assertRowsMatchScore(R2020, u8Columns(rows, 47), res);
});

test("random rows of every edition equal score() row by row (Uint8Array, Float64Array, number[])", () => {
  const n = 200;
  for (const [rubric, count, lo, hi] of [[R2020, 47, 1, 5], [R2026, 20, 1, 5], [R2018, 34, 0, 5]]) {
    const cols = {};
    for (const id of ids(count)) {
      const kind = Number(id) % 3;
      const col = kind === 0 ? new Uint8Array(n) : kind === 1 ? new Float64Array(n) : new Array(n);
      for (let r = 0; r < n; r++) col[r] = lo + Math.floor(rand() * (hi - lo + 1));
      cols[id] = col;
    }
    if (rubric === R2018) {
      // indicator 35: one column per service, services 2 and 3 often empty
      for (const s of [1, 2, 3]) {
        const col = new Float64Array(n);
        for (let r = 0; r < n; r++) col[r] = s > 1 && rand() < 0.5 ? NaN : Math.floor(rand() * 6);
        cols[`35.${s}`] = col;
      }
    }
    const res = spbe.scoreColumns(rubric, cols, { errors: "collect" });
    assert.equal(res.rows, n);
    assert.deepEqual(res.errors, [], rubric);
    assertRowsMatchScore(rubric, cols, res);
  }
});

test("random rows with empty cells: official and missing as each row's object lacks", () => {
  const n = 300;
  for (const [rubric, count, lo, hi] of [[R2020, 47, 1, 5], [R2026, 20, 1, 5]]) {
    const cols = {};
    for (const id of ids(count)) {
      // Uint8Array (255 empty) and number[] (null empty), 2% of cells empty
      const col = Number(id) % 2 ? new Uint8Array(n) : new Array(n);
      for (let r = 0; r < n; r++) {
        const empty = rand() < 0.02;
        col[r] = empty ? (col instanceof Uint8Array ? 255 : null) : lo + Math.floor(rand() * (hi - lo + 1));
      }
      cols[id] = col;
    }
    for (const missing of ["lowest", "renormalize", "error"]) {
      const res = spbe.scoreColumns(rubric, cols, { errors: "collect", missing });
      assert.ok(res.missing.size > 0 && res.missing.size < n, `${rubric}: some rows lack an indicator`);
      assertRowsMatchScore(rubric, cols, res, { missing });
    }
  }
});

test("8/2026 decimals: exact, from Float64Array, Float32Array and number[]", () => {
  // I20 (15 %) = 1.1, the rest 1: 1 + 0.1 x 15 / 100 = 1.015 exactly -> 1.02 half up (a sum of doubles gives 1.01)
  for (const make of [(v) => new Float64Array(v), (v) => new Float32Array(v), (v) => v]) {
    const cols = Object.fromEntries(ids(20).map((id) => [id, make(id === "20" ? [1.1, 1.26] : [1, 1])]));
    const res = spbe.scoreColumns(R2026, cols);
    assert.equal(res.index[0], 1.02);
    assert.equal(res.predicates[res.predicate[0]], "Kurang");
    // aspect 7 (I19 10, I20 15): (10 + 15 x 1.1) / 25 = 1.06
    assert.equal(res.aspects["7"][0], 1.06);
    assert.deepEqual(res.domains, {});
    assertRowsMatchScore(R2026, cols, res);
  }
});

test("empty cells, missing policies and 2018's single service column", () => {
  const cols = u8Columns([ids(47).map(() => 3), ids(47).map(() => 3)], 47);
  cols["5"][1] = 255; // empty
  assert.throws(() => spbe.scoreColumns(R2020, cols), (e) => e.code === "missing_indicator" && e.row === 1 && /\b5\b/.test(e.message));
  const low = spbe.scoreColumns(R2020, cols, { missing: "lowest" });
  // lowest: I5 counts as 1: 3 - 2 x 1.30 / 100 = 2.974 -> 2.97
  assert.deepEqual([...low.index], [3, 2.97]);
  // row 1 lacks indicator 5: an estimate, not official
  assert.deepEqual([...low.official], [1, 0]);
  assert.deepEqual([...low.missing], [[1, ["5"]]]);
  // under the official policy the row fails, and is still marked
  const failed = spbe.scoreColumns(R2020, cols, { errors: "collect" });
  assert.deepEqual([[...failed.official], [...failed.missing], failed.errors.map((e) => e.row)], [[1, 0], [[1, ["5"]]], [1]]);
  assertRowsMatchScore(R2020, cols, low, { missing: "lowest" });
  const ren = spbe.scoreColumns(R2020, cols, { missing: "renormalize" });
  assertRowsMatchScore(R2020, cols, ren, { missing: "renormalize" });
  // plain arrays: null, undefined and NaN are empty cells
  const arr = Object.fromEntries(ids(47).map((id) => [id, [3, 3, 3]]));
  arr["7"] = [null, undefined, NaN];
  const a = spbe.scoreColumns(R2020, arr, { missing: "lowest" });
  assert.deepEqual([...a.index], [2.97, 2.97, 2.97]);
  assert.deepEqual([...a.official], [0, 0, 0]);
  assert.deepEqual([...a.missing], [[0, ["7"]], [1, ["7"]], [2, ["7"]]]);
  // two lacking in one row: in rubric order
  const two = u8Columns([ids(47).map(() => 3)], 47);
  two["47"][0] = 255;
  two["2"][0] = 255;
  assert.deepEqual([...spbe.scoreColumns(R2020, two, { missing: "lowest" }).missing], [[0, ["2", "47"]]]);
  // an indicator without any column, under the official policy: named once
  const partial = u8Columns([ids(47).map(() => 3)], 47);
  delete partial["9"];
  assert.throws(() => spbe.scoreColumns(R2020, partial), (e) => e.code === "missing_indicator" && /\b9\b/.test(e.message) && e.row === undefined);
  assert.equal(spbe.scoreColumns(R2020, partial, { missing: "lowest" }).index[0], 2.97);
  // 2018: "35" is one service; the same as "35.1" alone and as score() with a list
  const base = Object.fromEntries(ids(34).map((id) => [id, [2]]));
  const single = spbe.scoreColumns(R2018, { ...base, 35: [4] });
  const split = spbe.scoreColumns(R2018, { ...base, "35.1": [4], "35.2": [null], "35.3": [null] });
  assert.deepEqual([...single.index], [...split.index]);
  // 35 lacks only when every service column is empty: a second service alone is 35
  const second = spbe.scoreColumns(R2018, { ...base, "35.1": [null], "35.2": [4], "35.3": [null] });
  assert.deepEqual([[...second.official], second.missing.size], [[1], 0]);
  const none35 = spbe.scoreColumns(R2018, { ...base, "35.1": [null] }, { missing: "lowest" });
  assert.deepEqual([[...none35.official], [...none35.missing]], [[0], [[0, ["35"]]]]);
  assert.equal(single.index[0], spbe.score({ rubric: R2018, levels: { ...Object.fromEntries(ids(34).map((id) => [id, 2])), 35: [4] } }).index);
  assert.throws(() => spbe.scoreColumns(R2018, { ...base, 35: [4], "35.1": [4] }), { code: "invalid_batch" });
});

test("per-row errors: thrown with the row, or collected", () => {
  const rows = [ids(47).map(() => 3), ids(47).map(() => 3), ids(47).map(() => 3)];
  rows[1][11] = 9; // indicator 12 out of range
  const cols = u8Columns(rows, 47);
  try {
    spbe.scoreColumns(R2020, cols);
    assert.fail("should throw");
  } catch (e) {
    assert.ok(e instanceof Error);
    assert.deepEqual([e.code, e.indicator, e.row], ["level_out_of_range", "12", 1]);
    assert.match(e.message, /^row 1: indicator 12: level 9 is out of range/);
  }
  const res = spbe.scoreColumns(R2020, cols, { errors: "collect" });
  assert.equal(res.errors.length, 1);
  assert.deepEqual([res.errors[0].row, res.errors[0].code, res.errors[0].indicator], [1, "level_out_of_range", "12"]);
  assert.match(res.errors[0].message, /^row 1: indicator 12/);
  assert.ok(Number.isNaN(res.index[1]) && res.predicate[1] === 255 && Number.isNaN(res.domains["2"][1]));
  assert.deepEqual([res.index[0], res.index[2]], [3, 3]);
  // a fraction where whole levels are expected, in a float column
  const f = Object.fromEntries(ids(47).map((id) => [id, new Float64Array([3, id === "4" ? 2.5 : 3])]));
  const fr = spbe.scoreColumns(R2020, f, { errors: "collect" });
  assert.deepEqual(fr.errors.map((e) => [e.row, e.code, e.indicator]), [[1, "non_integer_level", "4"]]);
  assertRowsMatchScore(R2020, f, fr);
});

test("input of the wrong shape is a typed error", () => {
  const good = u8Columns([ids(47).map(() => 3)], 47);
  assert.throws(() => spbe.scoreColumns("nope", good), { code: "unknown_rubric" });
  assert.throws(() => spbe.scoreColumns(R2020, { ...good, 48: new Uint8Array(1) }), (e) => e.code === "unknown_indicator" && e.indicator === "48");
  assert.equal(spbe.scoreColumns(R2020, { ...good, 48: new Uint8Array(1) }, { extra: "ignore" }).index[0], 3);
  assert.throws(() => spbe.scoreColumns(R2020, { ...good, 3: new Uint8Array(2) }), { code: "invalid_batch" });
  assert.throws(() => spbe.scoreColumns(R2020, { ...good, 3: "3" }), { code: "invalid_batch" });
  assert.throws(() => spbe.scoreColumns(R2020, [1, 2]), { code: "invalid_batch" });
  assert.throws(() => spbe.scoreColumns(R2020, { ...good, 3: ["3"] }), (e) => e.code === "invalid_level_type" && e.indicator === "3" && e.row === 0);
  assert.throws(() => spbe.scoreColumns(R2020, { ...good, 3: [true] }), { code: "invalid_level_type" });
  assert.throws(() => spbe.scoreColumns(R2020, good, { errors: "skip" }), { code: "invalid_options" });
  assert.throws(() => spbe.scoreColumns(R2020, good, { missing: "guess" }), { code: "invalid_options" });
  assert.throws(() => spbe.scoreColumns(R2020, good, { bogus: 1 }), { code: "invalid_options" });
  // no rows: empty columns
  const none = spbe.scoreColumns(R2020, u8Columns([], 47));
  assert.deepEqual([none.rows, none.index.length, none.aspects["1"].length], [0, 0, 0]);
});

test("the predicate rule follows the year or the option, as score() does", () => {
  // Kab. Pacitan 2024: exact 3.4985 -> Baik under the exact rule (2024); 3.50 rounded -> Sangat Baik (2023)
  const spread = (total, n) => Array.from({ length: n }, (_, k) => Math.floor(total / n) + (k < total % n ? 1 : 0));
  const lv = [...spread(47, 10), ...spread(30, 10), ...spread(23, 11), ...spread(39, 10), ...spread(24, 6)];
  const cols = u8Columns([lv], 47);
  const name = (res) => res.predicates[res.predicate[0]];
  assert.equal(spbe.scoreColumns(R2020, cols, { year: 2024 }).index[0], 3.5);
  assert.equal(name(spbe.scoreColumns(R2020, cols, { year: 2024 })), "Baik");
  assert.equal(name(spbe.scoreColumns(R2020, cols, { year: 2023 })), "Sangat Baik");
  assert.equal(name(spbe.scoreColumns(R2020, cols, { year: 2024, predicate_basis: "reported" })), "Sangat Baik");
});
