// Error messages in the page's language: setLanguage("id") makes the core's
// messages Indonesian (the same code, indicator and row), "en" restores
// English; the real wasm (spbe-wasm/pkg/node) is loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const spbe = createRequire(import.meta.url)(path.join(root, "spbe-wasm/pkg/node/spbe_wasm.js"));

// PermenPANRB 59/2020 has 47 indicators: five level codes end early, and
// indicator 5's code "X" is no level code.
const SHORT = "SPBE1.permenpanrb-59-2020.L34432";
const BAD_CHAR = "SPBE1.permenpanrb-59-2020.L3443X";

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("no error thrown");
}

test("setLanguage('id') makes a bad vector's message Indonesian, with the same code", () => {
  try {
    assert.equal(spbe.getLanguage(), "en");
    const en = thrown(() => spbe.fromVector(SHORT));
    assert.equal(en.code, "invalid_vector");
    assert.equal(en.message, "invalid vector at segment 3: levels end early: 5 codes for 47 indicators");

    spbe.setLanguage("id");
    assert.equal(spbe.getLanguage(), "id");
    const id = thrown(() => spbe.fromVector(SHORT));
    assert.ok(id instanceof Error);
    assert.equal(id.name, "SpbeError");
    assert.equal(id.code, "invalid_vector");
    assert.equal(id.message, "vektor tidak sah pada segmen 3: segmen nilai berakhir terlalu cepat: 5 kode untuk 47 indikator");
    const c = thrown(() => spbe.fromVector(BAD_CHAR));
    assert.equal(c.code, "invalid_vector");
    assert.equal(
      c.message,
      "vektor tidak sah pada segmen 3: indikator 5: karakter 'X' tidak dikenali; seharusnya digit, '_', '~' (SPBE2 juga menerima nilai 'v')",
    );
  } finally {
    spbe.setLanguage("en");
  }
  const back = thrown(() => spbe.fromVector(SHORT));
  assert.equal(back.code, "invalid_vector");
  assert.equal(back.message, "invalid vector at segment 3: levels end early: 5 codes for 47 indicators");
});

test("an assessment's error names indicator, value and the valid range in Indonesian", () => {
  const levels = {};
  for (let i = 1; i <= 47; i++) levels[String(i)] = 3;
  levels["3"] = 7;
  const a = { rubric: "permenpanrb-59-2020", levels };
  const en = thrown(() => spbe.score(a));
  try {
    spbe.setLanguage("id");
    const id = thrown(() => spbe.score(a));
    assert.equal(id.code, en.code);
    assert.equal(id.code, "level_out_of_range");
    assert.equal(id.indicator, "3");
    assert.equal(id.message, "indikator 3: nilai 7 di luar rentang; permenpanrb-59-2020 menerima bilangan bulat 1 sampai 5");
    // an unknown edition
    const r = thrown(() => spbe.rubric("permenpanrb-1-2000"));
    assert.equal(r.code, "unknown_rubric");
    assert.match(r.message, /^rubrik "permenpanrb-1-2000" tidak dikenal; edisi bawaan: permenpanrb-/);
  } finally {
    spbe.setLanguage("en");
  }
  assert.equal(en.message, "indicator 3: level 7 is out of range; permenpanrb-59-2020 accepts a whole number from 1 to 5");
});

test("an unknown language throws invalid_options and keeps the language", () => {
  spbe.setLanguage("id");
  try {
    for (const bad of ["fr", "", "indonesia"]) {
      const e = thrown(() => spbe.setLanguage(bad));
      assert.equal(e.code, "invalid_options");
      assert.equal(spbe.getLanguage(), "id");
    }
  } finally {
    spbe.setLanguage("en");
  }
  assert.equal(spbe.getLanguage(), "en");
});

test("the error-code registry is the same, whatever the language", () => {
  // the 24 codes of spbe-core's registry (error.rs ERROR_CODES)
  const expected = [
    "arithmetic_overflow", "duplicate_indicator", "input_too_large", "invalid_assessment",
    "invalid_batch", "invalid_level_type", "invalid_options", "invalid_rubric", "invalid_vector",
    "io_error", "level_out_of_range", "malformed_json", "missing_indicator", "no_levels",
    "non_integer_level", "not_repeatable", "rubric_mismatch", "too_many_decimals",
    "track_not_present", "unknown_indicator", "unknown_rubric", "unknown_track",
    "unreachable_target", "wrong_item_count",
  ];
  const en = spbe.errorCodes();
  assert.deepEqual(en.map((c) => c.code).sort(), expected);
  try {
    spbe.setLanguage("id");
    assert.deepEqual(spbe.errorCodes(), en);
  } finally {
    spbe.setLanguage("en");
  }
});

test("validate, check and formState list their problems in the language set", () => {
  // 59/2020 takes whole levels 1 to 5: 7 on indicator 1 is out of range
  const a = { rubric: "permenpanrb-59-2020", levels: { 1: 7 } };
  const opts = { missing: "renormalize" };
  try {
    spbe.setLanguage("id");
    const [v] = spbe.validate(a, opts);
    assert.equal(v.code, "level_out_of_range");
    assert.equal(v.indicator, "1");
    assert.match(v.message, /^indikator 1: nilai 7 di luar rentang; permenpanrb-59-2020 menerima bilangan bulat 1 sampai 5/);
    const c = spbe.check(a, opts);
    assert.equal(c.ok, false);
    assert.equal(c.issues[0].message, v.message);
    const f = spbe.formState({ rubric: a.rubric, tracks: { mandiri: a.levels } }, ["mandiri"]);
    // a form's problem in the form's words (the track and the edition by name)
    assert.equal(f.tracks[0].issues[0].message, "indikator 1 (penilaian mandiri): nilai 7 di luar rentang; PermenPANRB 59/2020 menerima bilangan bulat 1 sampai 5");
    spbe.setLanguage("en");
    assert.match(spbe.validate(a, opts)[0].message, /^indicator 1: level 7 is out of range/);
  } finally {
    spbe.setLanguage("en");
  }
});

test("formState in Indonesian speaks the form's words (a typed decimal with the decimal comma, the track and edition by name); validate keeps the file's", () => {
  // 8/2026 takes any number from 1 to 5; the page sends "5,2" typed as 5.2,
  // and a value no double holds exactly as its text
  const a = { rubric: "permenpanrb-8-2026", tracks: { mandiri: { 3: 5.2, 4: "1.0000000000000000001", 5: 3 } } };
  try {
    spbe.setLanguage("id");
    const [m] = spbe.formState(a, ["mandiri"]).tracks;
    const byId = Object.fromEntries(m.issues.map((i) => [i.indicator, i]));
    assert.equal(byId["3"].code, "level_out_of_range");
    // in the form's words: the track as the form names it, the edition by its title, numbers to type
    assert.equal(byId["3"].message, "indikator 3 (penilaian mandiri): nilai 5,2 di luar rentang; PermenPANRB 8/2026 menerima bilangan dari 1 sampai 5, misalnya 3 atau 1,26");
    assert.match(byId["4"].message, /^indikator 4 \(penilaian mandiri\): nilai 1,0000000000000000001 memiliki lebih dari 18 angka desimal; isikan bilangan dari 1 sampai 5, misalnya 3 atau 1,26$/);
    // validate speaks of the input as written (a file, a link): the point of JSON
    const v = spbe.validate(a, { track: "mandiri", missing: "renormalize" });
    assert.match(v.find((i) => i.indicator === "3").message, /nilai 5\.2 di luar rentang/);
    assert.match(v.find((i) => i.indicator === "4").message, /nilai "1\.0000000000000000001" memiliki/);
  } finally {
    spbe.setLanguage("en");
  }
  // in English the point, in formState too
  const [m] = spbe.formState(a, ["mandiri"]).tracks;
  assert.match(m.issues.find((i) => i.indicator === "3").message, /level 5\.2 is out of range/);
});
