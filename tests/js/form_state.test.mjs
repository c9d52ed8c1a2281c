// formState: what the calculator needs after each change, in one call. The
// numbers are worked out by hand from 59/2020's published weights (indicators
// 1-10 weigh 1.30 % of the index each) and 8/2026's (20 indicators, 5 % each).
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const spbe = createRequire(import.meta.url)(path.resolve(here, "../../spbe-wasm/pkg/node/spbe_wasm.js"));
const levels = (n, v) => Object.fromEntries(Array.from({ length: n }, (_, k) => [String(k + 1), v]));

test("the target is the current levels with its changes; the gap is rounded once", () => {
  // every current level 3 (3.00); target raises 1-10 to 4: 3 + 10 x 1.30 / 100 = 3.13
  const a = { rubric: "permenpanrb-59-2020", tracks: { mandiri: levels(47, 3), target: levels(10, 4) } };
  const s = spbe.formState(a, ["mandiri", "target"]);
  const [m, t] = s.tracks;
  assert.deepEqual([m.track, m.filled, m.total, m.complete], ["mandiri", 47, 47, true]);
  assert.deepEqual([t.track, t.filled, t.complete], ["target", 47, true]);
  assert.equal(m.summary.index_text, "3.00");
  assert.equal(t.summary.index_text, "3.13");
  assert.equal(t.summary.predicate, "Baik");
  assert.equal(t.summary.official, true);
  assert.equal(t.levels["1"], 4);
  assert.equal(t.levels["11"], 3); // carried forward
  assert.equal(s.gap, 0.13);
  assert.equal(s.gap_text, "0.13");
  assert.equal(m.report, undefined); // the summary only, unless asked
  const full = spbe.formState(a, ["mandiri", "target"], null, true);
  assert.deepEqual(full.tracks[1].report, spbe.score(a, { track: "target" }));
  // the other way round: the gap is negative
  assert.equal(spbe.formState(a, ["target", "mandiri"]).gap_text, "-0.13");
});

test("a partly filled track is an estimate; an empty one has no summary", () => {
  // 8/2026: indicators 1 and 2 at 2.505 and 3.5, renormalised over the two: (2.505 + 3.5) / 2 = 3.0025 -> 3.00
  const a = { rubric: "permenpanrb-8-2026", tracks: { mandiri: { 1: "2.505", 2: "3.5" }, target: {} } };
  const [m, t] = spbe.formState(a, ["mandiri", "target"]).tracks;
  assert.deepEqual([m.filled, m.total, m.complete], [2, 20, false]);
  assert.equal(m.summary.index_exact, "3.0025");
  assert.equal(m.summary.index_text, "3.00");
  assert.equal(m.summary.official, false);
  assert.equal(t.filled, 2); // the target starts from the current levels
  const empty = spbe.formState({ rubric: "permenpanrb-8-2026", tracks: { mandiri: {} } }, ["mandiri", "target"]);
  assert.equal(empty.tracks[0].summary, null);
  assert.deepEqual(empty.tracks[0].issues, []);
  assert.equal(empty.gap, null);
});

test("problems per track with their codes; unreadable input keeps no levels; a bad track name throws", () => {
  const a = { rubric: "permenpanrb-59-2020", tracks: { mandiri: { 1: 7, 2: 3 } } };
  const [m] = spbe.formState(a, ["mandiri"]).tracks;
  assert.equal(m.summary, null);
  assert.deepEqual(m.issues.map((i) => [i.code, i.indicator]), [["level_out_of_range", "1"]]);
  const bad = spbe.formState("{\"rubric\": ", ["mandiri", "target"]);
  assert.equal(bad.tracks[1].levels, null);
  assert.equal(bad.tracks[1].issues[0].code, "malformed_json");
  assert.throws(() => spbe.formState(a, ["nope"]), (e) => e.code === "unknown_track");
});

test("every issue says what kind of problem it is", () => {
  // a level 7 on 59/2020's 1-5 scale is a value a field holds; "99" is no
  // indicator of the edition (the file is wrong); 45 indicators are left
  const a = { rubric: "permenpanrb-59-2020", tracks: { mandiri: { 1: 7, 2: 3, 99: 4 } } };
  const kinds = (list) => list.map((i) => [i.code, i.kind]);
  assert.deepEqual(kinds(spbe.validate(a, { track: "mandiri" })), [
    ["level_out_of_range", "value"],
    ["unknown_indicator", "invalid"],
    ["missing_indicator", "missing"],
  ]);
  const checked = spbe.check(a, { track: "mandiri" });
  assert.deepEqual(kinds(checked.issues), kinds(spbe.validate(a, { track: "mandiri" })));
  // formState renormalises the partly filled track: no missing indicators
  const [m] = spbe.formState(a, ["mandiri"]).tracks;
  assert.deepEqual(kinds(m.issues), [["level_out_of_range", "value"], ["unknown_indicator", "invalid"]]);
  // a track not begun, and one with no level yet, are work not finished
  const begun = { rubric: "permenpanrb-59-2020", tracks: { mandiri: { 1: 3 } } };
  assert.deepEqual(kinds(spbe.validate(begun, { track: "visitasi" })), [["track_not_present", "missing"]]);
  const none = { rubric: "permenpanrb-59-2020", tracks: { mandiri: {} } };
  assert.deepEqual(kinds(spbe.validate(none, { track: "mandiri", missing: "renormalize" })), [["no_levels", "missing"]]);
  // a value on 8/2026 written with a comma is not a number: a value problem
  assert.deepEqual(kinds(spbe.validate({ rubric: "permenpanrb-8-2026", levels: { 3: "5,2" } }))[0], ["invalid_level_type", "value"]);
  // malformed input is wrong as a whole, in formState too
  assert.deepEqual(kinds(spbe.formState("{", ["mandiri"]).tracks[0].issues), [["malformed_json", "invalid"]]);
  // a thrown error carries it, and the registry states each code's
  assert.throws(() => spbe.score({ rubric: "permenpanrb-59-2020", levels: { 1: 2.5 } }), (e) => e.code === "non_integer_level" && e.kind === "value");
  assert.throws(() => spbe.fromVector("SPBE1.x"), (e) => e.kind === "invalid");
  const registry = Object.fromEntries(spbe.errorCodes().map((c) => [c.code, c.kind]));
  assert.equal(registry.wrong_item_count, "value");
  assert.equal(registry.track_not_present, "missing");
  assert.equal(registry.duplicate_indicator, "invalid");
});

test("each track gives the options it is scored with, for plan and reportHtml", () => {
  // mandiri complete at level 3 (3.00); the target raises indicator 1 only,
  // which with the current levels carried forward is complete too
  const full = { rubric: "permenpanrb-59-2020", tracks: { mandiri: levels(47, 3), target: { 1: 4 } } };
  const [m, t] = spbe.formState(full, ["mandiri", "target"], { predicate_basis: "exact" }).tracks;
  assert.deepEqual(m.options, { track: "mandiri", missing: "error", predicate_basis: "exact", year: null });
  assert.deepEqual(t.options, { track: "target", missing: "error", predicate_basis: "exact", year: null });
  // dokumen has indicator 5 alone and is renormalised over it
  const a = { rubric: "permenpanrb-59-2020", tracks: { mandiri: levels(47, 3), dokumen: { 5: 4 } } };
  const [, d] = spbe.formState(a, ["mandiri", "dokumen"], { predicate_basis: "exact" }).tracks;
  assert.deepEqual(d.options, { track: "dokumen", missing: "renormalize", predicate_basis: "exact", year: null });
  // those options give the track's report, a plan and a printed report
  assert.equal(spbe.score(a, d.options).index_exact, d.summary.index_exact);
  assert.equal(d.summary.index_text, "4.00");
  const p = spbe.plan(a, { to: 4.5 }, d.options);
  assert.ok(p.steps.length > 0);
  assert.ok(spbe.reportHtml(a, d.options, "en").includes("4.00"));
  // the default options would refuse the partly filled track
  assert.throws(() => spbe.plan(a, { to: 4.5 }, { track: "dokumen" }), (e) => e.code === "missing_indicator" && e.kind === "missing");
  // unreadable input: the track's options all the same
  assert.equal(spbe.formState("{", ["target"]).tracks[0].options.missing, "renormalize");
});

test("filled counts only the edition's indicators; an id it lacks is an issue", () => {
  // 46 of 59/2020's 47 indicators and an id "99" the edition does not have
  const mandiri = { ...levels(46, 3), 99: 4 };
  const [m] = spbe.formState({ rubric: "permenpanrb-59-2020", tracks: { mandiri } }, ["mandiri"]).tracks;
  assert.deepEqual([m.filled, m.total, m.complete, m.options.missing], [46, 47, false, "renormalize"]);
  assert.deepEqual(m.issues.map((i) => [i.code, i.kind, i.indicator, i.track]), [["unknown_indicator", "invalid", "99", "mandiri"]]);
  assert.equal(m.summary, null);
  // 47 filled and "99": complete, and "99" still the one problem
  const [c] = spbe.formState({ rubric: "permenpanrb-59-2020", tracks: { mandiri: { ...mandiri, 47: 3 } } }, ["mandiri"]).tracks;
  assert.deepEqual([c.filled, c.complete, c.options.missing], [47, true, "error"]);
  assert.deepEqual(c.issues.map((i) => i.code), ["unknown_indicator"]);
});

test("externalTracks: the assessors' stages a file records, in stage order, then final; formState scores them", () => {
  // mandiri at 3; dokumen lowers indicator 1 to 2; visitasi records only indicator 2, at 4
  const all = (v) => Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), v]));
  const a = { rubric: "permenpanrb-59-2020", tracks: { mandiri: all(3), visitasi: { 2: 4 }, dokumen: { ...all(3), 1: 2 } } };
  const stages = spbe.externalTracks(a);
  assert.deepEqual(stages, ["dokumen", "visitasi", "final"]);
  const st = spbe.formState(a, ["mandiri", ...stages]);
  // final: per indicator the latest stage with a level (1 from dokumen, 2 from visitasi)
  const fin = st.tracks[3];
  assert.equal(fin.levels["1"], 2);
  assert.equal(fin.levels["2"], 4);
  assert.equal(fin.levels["3"], 3);
  assert.equal(fin.complete, true);
  assert.equal(st.tracks[2].filled, 1); // visitasi alone: one indicator
  assert.equal(st.tracks[2].complete, false);
  // the self-assessment against final, as `spbe compare`: indicators 1 (-1) and 2 (+1) differ
  const cmp = spbe.compare(a, "mandiri", "final", fin.options);
  assert.deepEqual(cmp.changes.map((c) => [c.id, c.from, c.to, c.delta]), [["1", [3], [2], -1], ["2", [3], [4], 1]]);
  assert.equal(cmp.index_from, 3);
  assert.equal(cmp.predicate_from, "Baik");
  assert.equal(cmp.official, true); // both tracks complete
  // a partly filled self-assessment, renormalised: the difference is an estimate
  const part = { ...a, tracks: { ...a.tracks, mandiri: { 1: 3, 2: 3 } } };
  const est = spbe.compare(part, "mandiri", "final", { missing: "renormalize" });
  assert.equal(est.official, false);
  assert.equal(spbe.compare(a, "mandiri", "final", { missing: "renormalize" }).official, true); // nothing missing
  // visitasi alone is partly assessed: scored as the default options say, it is refused
  assert.throws(() => spbe.compare(a, "mandiri", "visitasi"), (e) => e.code === "missing_indicator" && e.kind === "missing");
  // the target is laid over final once assessors have scored, else over the self-assessment
  assert.equal(spbe.targetBase(a), "final");
  assert.equal(spbe.targetBase({ rubric: "permenpanrb-59-2020", tracks: { mandiri: all(3), target: { 1: 4 } } }), "mandiri");
  // no stages: none
  assert.deepEqual(spbe.externalTracks({ rubric: "permenpanrb-59-2020", tracks: { mandiri: all(3), target: { 1: 4 } } }), []);
  assert.deepEqual(spbe.externalTracks({ rubric: "permenpanrb-59-2020", levels: all(3) }), []);
  assert.throws(() => spbe.externalTracks("not json"), (e) => typeof e.code === "string");
});
