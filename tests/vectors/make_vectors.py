#!/usr/bin/env python3
"""Writes the conformance vectors in this folder.

The expected values are computed here, independently of spbe-core: the weight
tables below are typed from the reference notes (PermenPANRB 5/2018 A.2,
59/2020 Tabel 7-9, 8/2026 section 2), the arithmetic is Python's exact
`fractions.Fraction`, and the nested formula is written out again. Where the
regulation prints a worked example (59/2020 Tabel 10-12) the printed result is
asserted literally as well. Nothing here reads the program's output or its
rubric files.

Run from the repository root:  python3 tests/vectors/make_vectors.py
"""
import json
from fractions import Fraction as F
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- editions
# (domain -> weight), (aspect -> (domain, weight, [indicators]))
E2020 = {
    "id": "permenpanrb-59-2020",
    "domains": {"1": F("13"), "2": F("25"), "3": F("16.5"), "4": F("45.5")},
    "aspects": {
        "1": ("1", F("13"), list(range(1, 11))),
        "2": ("2", F("10"), list(range(11, 15))),
        "3": ("2", F("10"), list(range(15, 19))),
        "4": ("2", F("5"), list(range(19, 21))),
        "5": ("3", F("12"), list(range(21, 29))),
        "6": ("3", F("4.5"), list(range(29, 32))),
        "7": ("4", F("27.5"), list(range(32, 42))),
        "8": ("4", F("18"), list(range(42, 48))),
    },
    # Tabel 9: 1.30 / 2.50 / 1.50 / 2.75 / 3.00
    "iw": {**{i: F("1.30") for i in range(1, 11)}, **{i: F("2.50") for i in range(11, 21)},
           **{i: F("1.50") for i in range(21, 32)}, **{i: F("2.75") for i in range(32, 42)},
           **{i: F("3.00") for i in range(42, 48)}},
    "bands": [("Kurang", F(1)), ("Cukup", F("1.8")), ("Baik", F("2.6")), ("Sangat Baik", F("3.5")), ("Memuaskan", F("4.2"))],
    "levels": (1, 5),
}
E2018 = {
    "id": "permenpanrb-5-2018",
    "domains": {"1": F(17), "2": F(28), "3": F(55)},
    "aspects": {
        "1": ("1", F(7), list(range(1, 8))),
        "2": ("1", F(10), list(range(8, 18))),
        "3": ("2", F(8), [18, 19]),
        "4": ("2", F(8), [20, 21]),
        "5": ("2", F(12), [22, 23, 24]),
        "6": ("3", F(35), list(range(25, 32))),
        "7": ("3", F(20), [32, 33, 34, 35]),
    },
    # A.2: 1 % each for 1-17, 4 % for 18-24, 5 % for 25-35 (each service item of 35)
    "iw": {**{i: F(1) for i in range(1, 18)}, **{i: F(4) for i in range(18, 25)}, **{i: F(5) for i in range(25, 36)}},
    "bands": [("Kurang", F(0)), ("Cukup", F("1.8")), ("Baik", F("2.6")), ("Sangat Baik", F("3.5")), ("Memuaskan", F("4.2"))],
    "levels": (0, 5),
}
E2026 = {
    "id": "permenpanrb-8-2026",
    "domains": None,
    "aspects": {
        "1": (None, F(10), [1, 2]), "2": (None, F(10), [3, 4]), "3": (None, F(15), [5, 6, 7, 8]),
        "4": (None, F(15), [9, 10, 11, 12]), "5": (None, F(10), [13, 14]),
        "6": (None, F(15), [15, 16, 17, 18]), "7": (None, F(25), [19, 20]),
    },
    "iw": {1: F(5), 2: F(5), 3: F(5), 4: F(5), 5: F(5), 6: F(3), 7: F(3), 8: F(4), 9: F(4), 10: F(4), 11: F(3), 12: F(4),
           13: F(5), 14: F(5), 15: F(4), 16: F(4), 17: F(4), 18: F(3), 19: F(10), 20: F(15)},
    "bands": [("Kurang", F(1)), ("Cukup", F("1.5")), ("Baik", F("2.5")), ("Sangat Baik", F("3.5")), ("Memuaskan", F(4))],
    "levels": (1, 5),
}
EDITIONS = {e["id"]: e for e in (E2018, E2020, E2026)}


def r2(x):
    """Half up to 2 decimals, as a Fraction."""
    n = (x * 200 + 1) // 2  # floor(100x + 1/2)
    return F(n, 100)


def num(x):
    """A 2-decimal Fraction as a JSON number."""
    return float(f"{float(x):.2f}")


def exact_text(x):
    """Terminating decimal without trailing zeros, else 'p/q' (the library's format)."""
    d = x.denominator
    t = d
    twos = fives = 0
    while t % 2 == 0:
        t //= 2; twos += 1
    while t % 5 == 0:
        t //= 5; fives += 1
    if t != 1:
        return f"{x.numerator}/{x.denominator}"
    p = max(twos, fives)
    if p == 0:
        return str(x.numerator)
    units = x * 10 ** p
    s = str(abs(units.numerator)).rjust(p + 1, "0")
    return ("-" if x < 0 else "") + s[:-p] + "." + s[-p:]


def band(e, x):
    name = e["bands"][0][0]
    for n, lo in e["bands"]:
        if x >= lo:
            name = n
    return name


def compute(e, levels, missing="error"):
    """levels: {indicator int: int or [ints]}; returns exact index, domains, aspects."""
    lo = e["levels"][0]
    aspects = {}
    for aid, (dom, aw, inds) in e["aspects"].items():
        s_wl, s_w = F(0), F(0)
        for i in inds:
            v = levels.get(i)
            if v is None:
                if missing == "lowest":
                    v = lo
                elif missing == "renormalize":
                    continue
                else:
                    raise ValueError(f"missing {i}")
            items = v if isinstance(v, list) else [v]
            for L in items:
                s_wl += e["iw"][i] * L
                s_w += e["iw"][i]
        aspects[aid] = s_wl / s_w if s_w else None
    if e["domains"] is None:
        present = [(aw, aspects[a]) for a, (_, aw, _) in e["aspects"].items() if aspects[a] is not None]
        index = sum(w * x for w, x in present) / sum(w for w, _ in present)
        return index, {}, aspects
    domains = {}
    for did, dw in e["domains"].items():
        parts = [(aw, aspects[a]) for a, (d, aw, _) in e["aspects"].items() if d == did and aspects[a] is not None]
        domains[did] = sum(w * x for w, x in parts) / sum(w for w, _ in parts) if parts else None
    present = [(e["domains"][d], x) for d, x in domains.items() if x is not None]
    index = sum(w * x for w, x in present) / sum(w for w, _ in present)
    return index, domains, aspects


def expect_for(e, levels, missing="error", basis="reported"):
    index, domains, aspects = compute(e, levels, missing)
    shown = r2(index)
    pred = band(e, shown if basis == "reported" else index)
    out = {
        "index": num(shown),
        "index_text": f"{float(shown):.2f}",
        "index_exact": exact_text(index),
        "predicate": pred,
        "domains": {k: (num(r2(v)) if v is not None else None) for k, v in domains.items()},
        "aspects": {k: (num(r2(v)) if v is not None else None) for k, v in aspects.items()},
    }
    return out


def levels_json(levels):
    return {str(k): v for k, v in sorted(levels.items())}


CASES = []


def case(name, description, edition, levels=None, *, tracks=None, options=None, expect=None, source=None, extra=None, scored=None, missing="error", basis="reported"):
    e = EDITIONS[edition]
    inp = {"rubric": edition}
    if extra:
        inp.update(extra)
    if tracks is not None:
        inp["tracks"] = {t: levels_json(m) for t, m in tracks.items()}
    else:
        inp["levels"] = levels_json(levels)
    if expect is None:
        expect = expect_for(e, scored if scored is not None else levels, missing, basis)
    c = {"description": description}
    if source:
        c["source"] = source
    c["input"] = inp
    if options:
        c["options"] = options
    c["expect"] = expect
    CASES.append((name, c))


def all_at(e, k):
    out = {}
    for _, (_, _, inds) in e["aspects"].items():
        for i in inds:
            out[i] = k
    if e is E2018:
        out[35] = [k]
    return out


# ---------------------------------------------------------------- uniform
for ed, short in ((E2018, "2018"), (E2020, "2020"), (E2026, "2026")):
    lo, hi = ed["levels"]
    for k in sorted({1, 5, lo}):
        lv = all_at(ed, k)
        case(f"{short}-all-{k}", f"{ed['id']}: every indicator at level {k}; every index is {k}.00", ed["id"], lv)
        # hand check: a weighted mean of equal values is that value
        assert compute(ed, lv)[0] == k

# ---------------------------------------------------------------- 59/2020 worked examples
ex = {i: 3 for i in range(1, 48)}
ex.update({11: 3, 12: 4, 13: 3, 14: 2})            # Tabel 10: aspect 2 = 30/10 = 3.00
ex.update({i: 4 for i in range(15, 19)})          # aspect 3 = 4.00 (Tabel 11)
ex.update({19: 3, 20: 3})                         # aspect 4 = 3.00 (Tabel 11)
ex.update({i: 4 for i in range(1, 8)})            # domain 1 = (7*4 + 3*3)/10 = 3.70 (Tabel 12)
idx, doms, asps = compute(E2020, ex)
assert asps["2"] == 3 and doms["2"] == F("3.4") and doms["1"] == F("3.7") and doms["3"] == 3
case("2020-permen-tabel-10-11", "PermenPANRB 59/2020 Tabel 10 (Indeks Aspek 2 = 1/10 x 30.00 = 3.00) and Tabel 11 (Indeks Domain 2 = 1/25 x 85.00 = 3.40), embedded in a full assessment; domain 1 = 3.70 and domain 3 = 3.00 as in Tabel 12 (domain 4 is 3.00 here: Tabel 12's 3.20 cannot be reached with integer levels, see README)",
     "permenpanrb-59-2020", ex, source="PermenPANRB 59/2020 Lampiran I, Tabel 10-12, hlm. -21- to -24-")
# hand: index = (13*3.7 + 25*3.4 + 16.5*3 + 45.5*3)/100 = (48.1 + 85 + 49.5 + 136.5)/100 = 3.191
assert idx == F("3.191")

# ---------------------------------------------------------------- 59/2020 band edges
W = {i: int(E2020["iw"][i] * 100) for i in range(1, 48)}


def raise_to(weights, need):
    """Levels from 1 (at most +4 each) whose weighted raises add up to need exactly."""
    lv = {i: 1 for i in weights}
    order = sorted(weights, key=lambda i: -weights[i])
    def rec(need, idx):
        if need == 0:
            return True
        if need < 0 or idx >= len(order):
            return False
        i = order[idx]
        for up in range(4, -1, -1):
            if up * weights[i] <= need:
                lv[i] = 1 + up
                if rec(need - up * weights[i], idx + 1):
                    return True
        lv[i] = 1
        return False
    assert rec(need, 0), need
    return lv


def find_2020(target_hundredths_x100):
    """Levels whose index is exactly target (in 1/10000 of an index point)."""
    lv = raise_to(W, target_hundredths_x100 - 10000)
    assert sum(W[i] * lv[i] for i in lv) == target_hundredths_x100
    return lv


for x, note in [(17900, "1.79 Kurang (just below 1.80)"), (18000, "1.80 is the lower edge of Cukup"),
                (25900, "2.59 Cukup"), (26000, "2.60 is the lower edge of Baik"),
                (34900, "3.49 Baik"), (35000, "3.50 is the lower edge of Sangat Baik"),
                (41900, "4.19 Sangat Baik"), (42000, "4.20 is the lower edge of Memuaskan")]:
    lv = find_2020(x)
    case(f"2020-band-{x // 100}", f"permenpanrb-59-2020: exact index {F(x, 10000)}: {note}", "permenpanrb-59-2020", lv)

# ---------------------------------------------------------------- third decimal 5
lv = {i: 2 for i in range(1, 48)}; lv[11] = 3                  # 2 + 2.50/100 = 2.025
assert compute(E2020, lv)[0] == F("2.025")
case("2020-tie-2025", "exact index 2.025 reports 2.03 (half up; f64 arithmetic gives 2.02)", "permenpanrb-59-2020", lv)
lv = find_2020(25950)                                          # 2.595
assert compute(E2020, lv)[0] == F("2.595")
case("2020-tie-2595-reported", "exact index 2.595 reports 2.60 and, by default, the predicate of the reported value: Baik", "permenpanrb-59-2020", lv)
case("2020-tie-2595-exact-basis", "exact index 2.595 reports 2.60 but with predicate_basis=exact the predicate is that of 2.595: Cukup", "permenpanrb-59-2020", lv,
     options={"predicate_basis": "exact"}, basis="exact")
lv = find_2020(34950)                                          # 3.495
case("2020-tie-3495", "exact index 3.495 reports 3.50 (Sangat Baik by the reported value)", "permenpanrb-59-2020", lv)
lv = find_2020(41950)
case("2020-tie-4195-exact-basis", "exact index 4.195 reports 4.20; exact basis keeps Sangat Baik", "permenpanrb-59-2020", lv,
     options={"predicate_basis": "exact"}, basis="exact")

# ---------------------------------------------------------------- 2018
base = {i: 2 for i in range(1, 36)}
for services in ([3], [1, 3], [1, 3, 3]):
    lv = dict(base); lv[35] = services
    case(f"2018-ind35-{len(services)}-service", f"permenpanrb-5-2018 with {len(services)} service(s) for indicator 35 {services}: each is an item of aspect 7 with weight 5", "permenpanrb-5-2018", lv)
# hand check, three services: A7 = (2+2+2+1+3+3)/6 = 13/6; index = (17*2 + 28*2 + 35*2 + 20*13/6)/100
lv = dict(base); lv[35] = [1, 3, 3]
assert compute(E2018, lv)[0] == (F(17 * 2 + 28 * 2 + 35 * 2) + F(20) * F(13, 6)) / 100
lv = dict(base); lv.update({1: 0, 2: 0, 8: 0, 25: 0}); lv[35] = [0, 2]
case("2018-level-0", "permenpanrb-5-2018: level 0 (nothing exists) counts as 0, including a service item of indicator 35", "permenpanrb-5-2018", lv)
lv = {i: (i % 6) for i in range(1, 36)}; lv[35] = [5, 4]
case("2018-mixed", "permenpanrb-5-2018: mixed levels 0-5", "permenpanrb-5-2018", lv)
# 2018 band edges (integer weights): index 1.80 and 2.60 from all-1/all-2 plus raises
lv = {i: 1 for i in range(1, 36)}; lv[35] = [1]
for i in range(25, 35):
    lv[i] = 2          # 10 items x 5 % x +1 = +0.50 -> 1.50
for i in range(18, 25):
    lv[i] = 2          # 7 x 4 % = +0.28 -> 1.78
lv[1] = 3              # +0.02 -> 1.80
assert compute(E2018, lv)[0] == F("1.8")
case("2018-band-180", "permenpanrb-5-2018: exact 1.80 is Cukup", "permenpanrb-5-2018", lv)
lv[1] = 2              # 1.79
case("2018-band-179", "permenpanrb-5-2018: exact 1.79 is Kurang", "permenpanrb-5-2018", lv)

# the other 2018 edges: with one service for indicator 35 the weights are flat
# integers (1, 4, 5 %) so index = sum(w * L) / 100
w18 = {i: int(E2018["iw"][i]) for i in range(1, 36)}
for target in (259, 260, 349, 350, 419, 420):
    lv = raise_to(w18, target - 100)
    lv[35] = [lv[35]]
    assert compute(E2018, lv)[0] == F(target, 100)
    case(f"2018-band-{target}", f"permenpanrb-5-2018: exact index {target / 100:.2f} is {band(E2018, F(target, 100))}", "permenpanrb-5-2018", lv)

# ---------------------------------------------------------------- 2026
lv = {1: 3, 2: 3, 3: 2, 4: 3, 5: 3, 6: 2, 7: 3, 8: 2, 9: 2, 10: 3, 11: 1, 12: 2, 13: 4, 14: 3, 15: 3, 16: 3, 17: 4, 18: 2, 19: 3, 20: 2}
case("2026-mixed", "permenpanrb-8-2026 (provisional): a mixed assessment; 7 aspects directly under the index", "permenpanrb-8-2026", lv)
# hand: index = sum(w*L)/100
assert compute(E2026, lv)[0] == F(sum(int(E2026["iw"][i]) * lv[i] for i in lv), 100)
for target, note in [(150, "1.50 is the lower edge of Cukup (Membangun)"), (149, "1.49 Kurang (Merintis)"), (250, "2.50 is Baik (Berkembang)"),
                     (350, "3.50 is Sangat Baik (Melembaga)"), (399, "3.99 Sangat Baik"), (400, "4.00 is Memuaskan (Unggul)")]:
    # weights are integers summing to 100: index = (100 + sum of raises)/100
    w26 = {i: int(E2026["iw"][i]) for i in range(1, 21)}
    lv = raise_to(w26, target - 100)
    assert compute(E2026, lv)[0] == F(target, 100)
    case(f"2026-band-{target}", f"permenpanrb-8-2026: exact index {target / 100:.2f}: {note}", "permenpanrb-8-2026", lv)

# ---------------------------------------------------------------- tracks
mandiri = {i: 3 for i in range(1, 48)}
dokumen = dict(mandiri); dokumen.update({1: 2, 12: 2, 32: 2, 47: 1})
interviu = {12: 3, 32: 4}                     # re-scores only two indicators
visitasi = {32: 3}                            # and on site, one
target = {i: 4 for i in range(1, 48)}
final = dict(dokumen); final.update(interviu); final.update(visitasi)
assert final[1] == 2 and final[12] == 3 and final[32] == 3 and final[47] == 1
tr = {"mandiri": mandiri, "dokumen": dokumen, "interviu": interviu, "visitasi": visitasi, "target": target}
case("2020-track-final-default", "tracks: with no track option the official final track is scored: per indicator the latest external stage with a level (visitasi > interviu > dokumen); interviu and visitasi carry the other indicators forward from dokumen",
     "permenpanrb-59-2020", tracks=tr, scored=final, extra={"institution": "Kota Contoh", "year": 2023})
case("2020-track-mandiri", "tracks: the self-assessment (mandiri) track", "permenpanrb-59-2020", tracks=tr, scored=mandiri, options={"track": "mandiri"})
case("2020-track-dokumen", "tracks: the document-review (dokumen) track alone", "permenpanrb-59-2020", tracks=tr, scored=dokumen, options={"track": "dokumen"})
case("2020-track-target", "tracks: the target track", "permenpanrb-59-2020", tracks=tr, scored=target, options={"track": "target"})
tr2 = {"mandiri": mandiri, "dokumen": dokumen, "interviu": interviu}
f2 = dict(dokumen); f2.update(interviu)
case("2020-track-final-no-visitasi", "tracks: final without a visitasi stage: interviu over dokumen", "permenpanrb-59-2020", tracks=tr2, scored=f2, options={"track": "final"})
case("2020-track-interviu-partial-error", "tracks: interviu alone is partial (it re-scores only clarified indicators), so scoring it is a missing-indicator error",
     "permenpanrb-59-2020", tracks=tr2, options={"track": "interviu"}, expect={"error": "missing_indicator"})
case("2020-track-final-without-external", "tracks: final needs at least one external stage", "permenpanrb-59-2020", tracks={"mandiri": mandiri},
     options={"track": "final"}, expect={"error": "track_not_present"})
case("2020-track-mandiri-only-default", "tracks: with only mandiri present, the default track is mandiri", "permenpanrb-59-2020", tracks={"mandiri": mandiri}, scored=mandiri)

# ---------------------------------------------------------------- missing policies
partial = {i: 4 for i in range(1, 48) if i not in (3, 29, 30, 31, 45)}
case("2020-missing-error", "missing indicators are an error by default (official)", "permenpanrb-59-2020", partial, expect={"error": "missing_indicator", "indicator": "3"})
case("2020-missing-lowest", "missing=lowest (non-official): missing indicators count as level 1", "permenpanrb-59-2020", partial,
     options={"missing": "lowest"}, missing="lowest")
case("2020-missing-renormalize", "missing=renormalize (non-official): aspect 6 (all three indicators missing) drops out and domain 3 is aspect 5 alone; others renormalise over present indicators",
     "permenpanrb-59-2020", partial, options={"missing": "renormalize"}, missing="renormalize")
p18 = {i: 3 for i in range(1, 35)}
case("2018-missing-lowest", "permenpanrb-5-2018 missing=lowest: a missing indicator 35 counts as one service at level 0", "permenpanrb-5-2018", p18,
     options={"missing": "lowest"}, missing="lowest")

# ---------------------------------------------------------------- rejected input
full = {i: 3 for i in range(1, 48)}
def bad(name, description, levels, code, indicator=None, rubric="permenpanrb-59-2020"):
    exp = {"error": code}
    if indicator:
        exp["indicator"] = indicator
    case(name, description, rubric, levels, expect=exp)

CASES.append(("error-unknown-rubric", {"description": "unknown rubric id", "input": {"rubric": "permenpanrb-99-2030", "levels": {"1": 3}}, "expect": {"error": "unknown_rubric"}}))
bad("error-unknown-indicator", "indicator 48 does not exist in 59/2020", {**full, 48: 3}, "unknown_indicator", "48")
bad("error-level-out-of-range-0", "level 0 does not exist in 59/2020 (levels 1-5)", {**full, 5: 0}, "level_out_of_range", "5")
bad("error-level-out-of-range-6", "level 6 is above the scale", {**full, 40: 6}, "level_out_of_range", "40")
bad("error-non-integer", "a fractional level", {**full, 7: 3.5}, "non_integer_level", "7")
bad("error-not-a-number", "a level given as a string", {**full, 7: "3"}, "invalid_level_type", "7")
bad("error-null-level", "a level given as null", {**full, 9: None}, "invalid_level_type", "9")
bad("error-list-not-repeatable", "a list for an indicator that takes one level", {**full, 35: [3, 3]}, "not_repeatable", "35")
b18 = {i: 3 for i in range(1, 35)}
bad("error-2018-ind35-four-services", "indicator 35 takes one to three services", {**b18, 35: [3, 3, 3, 3]}, "wrong_item_count", "35", rubric="permenpanrb-5-2018")
bad("error-2018-ind35-empty", "indicator 35 needs at least one service", {**b18, 35: []}, "wrong_item_count", "35", rubric="permenpanrb-5-2018")
bad("error-2018-level-6", "2018 levels run 0-5", {**b18, 35: [6]}, "level_out_of_range", "35", rubric="permenpanrb-5-2018")
CASES.append(("error-both-levels-and-tracks", {"description": "levels and tracks together are ambiguous", "input": {"rubric": "permenpanrb-59-2020", "levels": levels_json(full), "tracks": {"mandiri": levels_json(full)}}, "expect": {"error": "invalid_assessment"}}))
CASES.append(("error-unknown-track-option", {"description": "an unknown track name", "input": {"rubric": "permenpanrb-59-2020", "levels": levels_json(full)}, "options": {"track": "reviu"}, "expect": {"error": "unknown_track"}}))

# ---------------------------------------------------------------- vector input
CASES.append(("vector-2026", {
    "description": "input given as a compact vector: permenpanrb-8-2026, levels 1..5 cycling (indicator i has level (i-1) mod 5 + 1)",
    "input": "SPBE1.permenpanrb-8-2026.L" + "".join(str((i - 1) % 5 + 1) for i in range(1, 21)),
    "expect": expect_for(E2026, {i: (i - 1) % 5 + 1 for i in range(1, 21)}),
}))

# ---------------------------------------------------------------- write
def main():
    import sys
    files = {f"{name}.json": json.dumps(c, ensure_ascii=False, indent=1) + "\n" for name, c in CASES}
    if "--check" in sys.argv:
        on_disk = {p.name: p.read_text() for p in HERE.glob("*.json")}
        stale = sorted(n for n in files.keys() | on_disk.keys() if files.get(n) != on_disk.get(n))
        if stale:
            sys.exit("tests/vectors differ from make_vectors.py (run it to regenerate): " + ", ".join(stale))
        print(f"{len(files)} vectors match their generator")
        return
    for old in HERE.glob("*.json"):
        old.unlink()
    for name, text in files.items():
        (HERE / name).write_text(text)
    print(f"wrote {len(files)} vectors")


if __name__ == "__main__":
    main()
