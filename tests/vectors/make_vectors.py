#!/usr/bin/env python3
"""Writes the conformance vectors in this folder.

The expected values are computed here, independently of spbe-core: the weight
tables below are typed from the reference notes (PermenPANRB 5/2018 A.2,
59/2020 Tabel 7-9, 8/2026 Tabel 1), the arithmetic is Python's exact
`fractions.Fraction`, and the nested formula is written out again. Where a
regulation prints a worked example (59/2020 Tabel 10-12, 8/2026 Tabel 2-3) or
a published result is reproduced (59/2020 results 2023/2024, an 8/2026
assessment of 2026), the printed numbers are asserted literally as well.
Nothing here reads the program's output or its rubric files.

Rules encoded here (and so expected of the library):
- Bands are lower-inclusive for 5/2018 and 59/2020 (Kurang < 1.8 <= Cukup <
  2.6 <= Baik < 3.5 <= Sangat Baik < 4.2 <= Memuaskan) and UPPER-inclusive for
  8/2026 (Tabel 4: 1 <= x <= 1.50 Kurang, 1.50 < x <= 2.50 Cukup, 2.50 < x <=
  3.50 Baik, 3.50 < x <= 4.00 Sangat Baik, 4.00 < x <= 5.00 Memuaskan).
- The predicate is read from the exact index ("exact") or from the index
  rounded half up to 2 decimals ("reported"): the option predicate_basis if
  given (reason "option"); else for 59/2020 the assessment's year, 2023 ->
  reported and 2024 -> exact (reason "year"); else the edition default, exact
  for all three editions (reason "edition_default").
- An 8/2026 indicator value is any number in [1, 5]: a JSON number is the exact
  decimal written (1.26 = 126/100), a string holds a decimal ("1.26") or a
  fraction ("7/6"). The whole-level editions take JSON numbers with a whole
  value only (3 and 3.0 are level 3).

Inputs are parsed here with `Fraction(str)`: a JSON number by the shortest
decimal that round-trips (Python's repr, which is what was written), a string
as written.

Run from the repository root:  python3 tests/vectors/make_vectors.py
Check without writing:         python3 tests/vectors/make_vectors.py --check
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
    # Tabel 13, lower-inclusive: (name, lowest value of the band)
    "closed": "lower",
    "bands": [("Kurang", F(1)), ("Cukup", F("1.8")), ("Baik", F("2.6")), ("Sangat Baik", F("3.5")), ("Memuaskan", F("4.2"))],
    "levels": (1, 5),
    "continuous": False,
    "default_basis": "exact",
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
    "closed": "lower",
    "bands": [("Kurang", F(0)), ("Cukup", F("1.8")), ("Baik", F("2.6")), ("Sangat Baik", F("3.5")), ("Memuaskan", F("4.2"))],
    "levels": (0, 5),
    "continuous": False,
    "default_basis": "exact",
}
E2026 = {
    "id": "permenpanrb-8-2026",
    "domains": None,
    "aspects": {
        "1": (None, F(10), [1, 2]), "2": (None, F(10), [3, 4]), "3": (None, F(15), [5, 6, 7, 8]),
        "4": (None, F(15), [9, 10, 11, 12]), "5": (None, F(10), [13, 14]),
        "6": (None, F(15), [15, 16, 17, 18]), "7": (None, F(25), [19, 20]),
    },
    # Tabel 1 (I13 = 5 %, not the 4 % misprinted in its own table)
    "iw": {1: F(5), 2: F(5), 3: F(5), 4: F(5), 5: F(5), 6: F(3), 7: F(3), 8: F(4), 9: F(4), 10: F(4), 11: F(3), 12: F(4),
           13: F(5), 14: F(5), 15: F(4), 16: F(4), 17: F(4), 18: F(3), 19: F(10), 20: F(15)},
    # Tabel 4, UPPER-inclusive: (name, highest value of the band); the first band is [1, 1.50]
    "closed": "upper",
    "bands": [("Kurang", F("1.5")), ("Cukup", F("2.5")), ("Baik", F("3.5")), ("Sangat Baik", F(4)), ("Memuaskan", F(5))],
    "levels": (1, 5),
    "continuous": True,
    "default_basis": "exact",
}
EDITIONS = {e["id"]: e for e in (E2018, E2020, E2026)}
assert sum(E2026["iw"].values()) == 100
assert all(sum(E2026["iw"][i] for i in inds) == aw for _, aw, inds in E2026["aspects"].values())

# 59/2020: the basis of the predicate by evaluation year (reason "year")
YEAR_BASIS_2020 = {2023: "reported", 2024: "exact"}


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


def dec(x):
    """A terminating-decimal Fraction as the JSON number that writes it exactly."""
    t = exact_text(F(x))
    assert "/" not in t, x
    f = float(t)
    assert F(repr(f)) == F(x), (x, repr(f))
    return f


def value_of(e, v):
    """The exact value of one level/value as written in the input JSON."""
    assert not isinstance(v, bool) and v is not None, v
    if isinstance(v, str):
        assert e["continuous"], f"strings are not levels in {e['id']}"
        x = F(v)                       # "1.26" or "7/6"
    elif isinstance(v, float):
        x = F(repr(v))                 # the decimal written in the JSON text
    else:
        x = F(v)
    if not e["continuous"]:
        assert x.denominator == 1, f"{v} is not a whole level in {e['id']}"
    lo, hi = e["levels"]
    assert lo <= x <= hi, v
    return x


def band(e, x):
    if e["closed"] == "upper":
        for name, hi in e["bands"]:
            if x <= hi:
                return name
        raise ValueError(f"{x} is above every band")
    name = e["bands"][0][0]
    for n, lo in e["bands"]:
        if x >= lo:
            name = n
    return name


def predicate_rule(e, options=None, year=None):
    """(basis, reason): the option, else the 59/2020 year, else the edition default."""
    if options and "predicate_basis" in options:
        return options["predicate_basis"], "option"
    if e is E2020 and year in YEAR_BASIS_2020:
        return YEAR_BASIS_2020[year], "year"
    return e["default_basis"], "edition_default"


def compute(e, levels, missing="error"):
    """levels: {indicator int: value or [values]}; returns exact index, domains, aspects."""
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
                s_wl += e["iw"][i] * value_of(e, L)
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


def predicate_of(e, index, options=None, year=None):
    basis, _ = predicate_rule(e, options, year)
    return band(e, r2(index) if basis == "reported" else index)


def expect_for(e, levels, missing="error", options=None, year=None):
    index, domains, aspects = compute(e, levels, missing)
    shown = r2(index)
    basis, reason = predicate_rule(e, options, year)
    out = {
        "index": num(shown),
        "index_text": f"{float(shown):.2f}",
        "index_exact": exact_text(index),
        "predicate": band(e, shown if basis == "reported" else index),
        "predicate_basis": basis,
        "predicate_reason": reason,
        "domains": {k: (num(r2(v)) if v is not None else None) for k, v in domains.items()},
        "aspects": {k: (num(r2(v)) if v is not None else None) for k, v in aspects.items()},
    }
    return out


def levels_json(levels):
    return {str(k): v for k, v in sorted(levels.items())}


CASES = []


def case(name, description, edition, levels=None, *, tracks=None, options=None, expect=None, source=None, extra=None, scored=None, missing="error"):
    e = EDITIONS[edition]
    inp = {"rubric": edition}
    if extra:
        inp.update(extra)
    if tracks is not None:
        inp["tracks"] = {t: levels_json(m) for t, m in tracks.items()}
    else:
        inp["levels"] = levels_json(levels)
    if expect is None:
        expect = expect_for(e, scored if scored is not None else levels, missing, options, inp.get("year"))
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
# the year decides the basis for 59/2020 (2023 reported, 2024 exact); without
# a year (or another year) the edition default, exact, applies
assert predicate_of(E2020, F("2.595"), year=2023) == "Baik"           # band(2.60)
assert predicate_of(E2020, F("2.595")) == "Cukup"                     # band(2.595)
case("2020-tie-2595-reported", "exact index 2.595 reports 2.60; the assessment is of year 2023, when the predicate was read from the reported value (predicate_basis reported, reason year): Baik. (Before the per-year rule this vector had no year and relied on a reported default; the year was added so that it stays the rounded-rule example.)",
     "permenpanrb-59-2020", lv, extra={"year": 2023})
case("2020-tie-2595-default", "exact index 2.595 reports 2.60; with no year the 59/2020 edition default applies, the exact value (reason edition_default): Cukup",
     "permenpanrb-59-2020", lv)
case("2020-tie-2595-year-2022", "exact index 2.595, year 2022: only 2023 and 2024 have a year rule, so the edition default (exact, reason edition_default) applies: Cukup",
     "permenpanrb-59-2020", lv, extra={"year": 2022})
case("2020-tie-2595-exact-basis", "exact index 2.595 reports 2.60 but with predicate_basis=exact the predicate is that of 2.595 (reason option): Cukup", "permenpanrb-59-2020", lv,
     options={"predicate_basis": "exact"})
case("2020-tie-2595-year-2023-option-exact", "exact index 2.595 of year 2023 (whose rule is reported) with option predicate_basis=exact: the option wins over the year (reason option): Cukup",
     "permenpanrb-59-2020", lv, extra={"year": 2023}, options={"predicate_basis": "exact"})
case("2020-tie-2595-year-2024-option-reported", "exact index 2.595 of year 2024 (whose rule is exact) with option predicate_basis=reported: the option wins over the year (reason option): Baik",
     "permenpanrb-59-2020", lv, extra={"year": 2024}, options={"predicate_basis": "reported"})
lv = find_2020(34950)                                          # 3.495
case("2020-tie-3495", "exact index 3.495 reports 3.50; with no year the edition default (exact) classifies 3.495: Baik. (Changed: this vector expected Sangat Baik, the band of the reported 3.50, when reported was the default.)",
     "permenpanrb-59-2020", lv)
lv = find_2020(41950)
case("2020-tie-4195-exact-basis", "exact index 4.195 reports 4.20; exact basis (option) keeps Sangat Baik", "permenpanrb-59-2020", lv,
     options={"predicate_basis": "exact"})

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
case("2026-mixed", "permenpanrb-8-2026: a mixed assessment with whole values; 7 aspects directly under the index", "permenpanrb-8-2026", lv)
# hand: index = sum(w*L)/100
assert compute(E2026, lv)[0] == F(sum(int(E2026["iw"][i]) * lv[i] for i in lv), 100)
# Tabel 4 is upper-inclusive: an edge belongs to the band BELOW it. (Changed:
# 150, 250, 350 and 400 expected the band above under the former
# lower-inclusive reading.)
w26 = {i: int(E2026["iw"][i]) for i in range(1, 21)}
for target, note in [(150, "1.50 is the upper edge of Kurang (Merintis): Tabel 4 reads 1 <= x <= 1,50 (changed from Cukup under the former lower-inclusive reading)"),
                     (149, "1.49 Kurang (Merintis)"),
                     (250, "2.50 is the upper edge of Cukup (Membangun): 1,50 < x <= 2,50 (changed from Baik under the former lower-inclusive reading)"),
                     (350, "3.50 is the upper edge of Baik (Berkembang): 2,50 < x <= 3,50 (changed from Sangat Baik under the former lower-inclusive reading)"),
                     (399, "3.99 Sangat Baik"),
                     (400, "4.00 is the upper edge of Sangat Baik (Melembaga): 3,50 < x <= 4,00 (changed from Memuaskan under the former lower-inclusive reading)")]:
    # weights are integers summing to 100: index = (100 + sum of raises)/100
    lv = raise_to(w26, target - 100)
    assert compute(E2026, lv)[0] == F(target, 100)
    case(f"2026-band-{target}", f"permenpanrb-8-2026: whole values, exact index {target / 100:.2f}: {note}", "permenpanrb-8-2026", lv)
assert [band(E2026, F(x)) for x in ("1", "1.5", "2.5", "3.5", "4", "5")] == ["Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"]

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
# a target names only what changes: the other indicators keep their current level
# (mandiri when no assessor has scored, else the final track)
part = {i: 4 for i in range(1, 11)}
merged = dict(mandiri); merged.update(part)
case("2020-track-target-partial", "tracks: a target of ten indicators at 4; the other 37 keep their current (mandiri) level 3: 3 + 10 x 1.30 % = 3.13",
     "permenpanrb-59-2020", tracks={"mandiri": mandiri, "target": part}, scored=merged, options={"track": "target"})
assert compute(E2020, merged)[0] == F(313, 100)
merged_f = dict(final); merged_f.update(part)
case("2020-track-target-over-final", "tracks: with assessor stages, a partial target is laid over the final track, not over mandiri",
     "permenpanrb-59-2020", tracks=dict(tr, target=part), scored=merged_f, options={"track": "target"})
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
bad("error-null-level", "a level given as null is a missing indicator (null, like NaN in a frame, means no level): an error under the official policy",
    {**full, 9: None}, "missing_indicator", "9")
nine_missing = {k: v for k, v in full.items() if k != 9}
case("2020-null-is-missing-lowest", "a null level is a missing indicator: under the lowest-level policy it counts as level 1",
     "permenpanrb-59-2020", {**full, 9: None}, options={"missing": "lowest"}, scored=nine_missing, missing="lowest")
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

# ---------------------------------------------------------------- 8/2026: continuous values
def v26(x):
    """An 8/2026 value as a JSON number: an int when whole, else the exact decimal."""
    x = F(x)
    return int(x) if x.denominator == 1 else dec(x)


def u26(x, **over):
    """All 20 indicators at x, with overrides given as I<n>=value (already JSON-ready)."""
    lv = {i: v26(x) for i in range(1, 21)}
    for k, v in over.items():
        lv[int(k[1:])] = v
    return lv


# Tabel 2 (hlm. -37-): aspect 1 with NI1 = 2, NI2 = 3 is (0,1 + 0,15) / 0,1 = 2,5.
# Embedded in a full assessment whose index is also exactly 2.50: the other
# indicators are 2, and those with weights 5+5+5+5+10+15 = 45 % (I3, I4, I5,
# I13, I19, I20) are 3, so sum(w*NI) = 200 + 5 (I2) + 45 = 250.
lv = {i: 2 for i in range(1, 21)}
lv.update({2: 3, 3: 3, 4: 3, 5: 3, 13: 3, 19: 3, 20: 3})
assert lv[1] == 2 and lv[2] == 3
idx, _, asps = compute(E2026, lv)
assert (F(5, 100) * 2 + F(5, 100) * 3) == F("0.25") and F("0.25") / F("0.1") == F("2.5")   # Tabel 2 as printed
assert asps["1"] == F("2.50") and r2(asps["1"]) == F("2.50")
assert band(E2026, asps["1"]) == "Cukup"                           # 1,50 < 2,5 <= 2,50
assert idx == F("2.5") and band(E2026, idx) == "Cukup"
case("2026-permen-tabel-2", "PermenPANRB 8/2026 Tabel 2: aspect 1 (Tata Kelola dan Manajemen) with indicator 1 = 2 and indicator 2 = 3 is (0,05 x 2 + 0,05 x 3) / 0,1 = 2,5: aspect 1 is 2.50, Cukup under the upper-inclusive Tabel 4 (1,50 < x <= 2,50). Embedded in a full assessment whose index is also exactly 2.50 and so also Cukup.",
     "permenpanrb-8-2026", lv, source="PermenPANRB 8/2026 Lampiran, BAB II.B, Tabel 2 \"Cara Penghitungan Indeks Aspek\", hlm. -37-")

# Tabel 3 (hlm. -38-): aspect values 2,60 3,50 1,20 3,50 2,50 2,40 3,50 with
# aspect weights 10 10 15 15 10 15 25 % give 0,26 + 0,35 + 0,18 + 0,525 + 0,25
# + 0,36 + 0,875 = 2,8. Each aspect value is reached by giving every indicator
# of the aspect that value (a weighted mean of equal values is that value).
tabel3 = {"1": "2.60", "2": "3.50", "3": "1.20", "4": "3.50", "5": "2.50", "6": "2.40", "7": "3.50"}
lv = {}
for a, (_, _, inds) in E2026["aspects"].items():
    for i in inds:
        lv[i] = v26(tabel3[a])
idx, _, asps = compute(E2026, lv)
assert {a: asps[a] for a in asps} == {a: F(v) for a, v in tabel3.items()}
products = [E2026["aspects"][a][1] / 100 * F(v) for a, v in tabel3.items()]
assert products == [F("0.26"), F("0.35"), F("0.18"), F("0.525"), F("0.25"), F("0.36"), F("0.875")]
assert idx == sum(products) == F(14, 5) and band(E2026, idx) == "Baik"
case("2026-permen-tabel-3", "PermenPANRB 8/2026 Tabel 3: aspect values 2,60 / 3,50 / 1,20 / 3,50 / 2,50 / 2,40 / 3,50 (each indicator given its aspect's value, decimals as JSON numbers) give the Indeks Pemdi 0,26 + 0,35 + 0,18 + 0,525 + 0,25 + 0,36 + 0,875 = 2,8: Baik",
     "permenpanrb-8-2026", lv, source="PermenPANRB 8/2026 Lampiran, BAB II.B, Tabel 3 \"Cara Penghitungan Indeks Pemdi\", hlm. -38-")

# Every edge just above: all indicators at the edge E, indicator 1 (weight 5)
# at E + 0.05, so the index is E + 5 x 0.05 / 100 = E + 0.0025. Exact: above E,
# the band above. Reported: 0.0025 rounds away, the value shown is E, and E
# belongs to the band below (upper-inclusive). The same input therefore gets
# two predicates: edition default (exact) and predicate_basis=reported.
edges = [("1.5", "Kurang", "Cukup"), ("2.5", "Cukup", "Baik"), ("3.5", "Baik", "Sangat Baik"), ("4", "Sangat Baik", "Memuaskan")]
for E, below, above in edges:
    E = F(E)
    lv = u26(E, I1=v26(E + F("0.05")))
    idx = compute(E2026, lv)[0]
    assert idx == E + F("0.0025") and r2(idx) == E
    assert band(E2026, idx) == above and band(E2026, r2(idx)) == below
    tag = f"{int(E * 100)}"
    case(f"2026-band-{tag}-above", f"permenpanrb-8-2026: indicator 1 = {v26(E + F('0.05'))}, the others {v26(E)}: exact index {exact_text(idx)} reports {float(E):.2f}; by the edition default the exact value is classified, just above the edge: {above}",
         "permenpanrb-8-2026", lv)
    case(f"2026-band-{tag}-above-reported", f"permenpanrb-8-2026: the same input (exact index {exact_text(idx)}) with predicate_basis=reported: the reported {float(E):.2f} is the upper edge of {below} (upper-inclusive), so the predicate is {below}, not {above}",
         "permenpanrb-8-2026", lv, options={"predicate_basis": "reported"})
# a hair above 1.50: indicator 6 (weight 3) at 1.5001 -> 1.5 + 3 x 0.0001 / 100 = 1.500003
lv = u26("1.5", I6=v26("1.5001"))
idx = compute(E2026, lv)[0]
assert idx == F("1.500003") and band(E2026, idx) == "Cukup" and band(E2026, r2(idx)) == "Kurang"
case("2026-band-150-hair", "permenpanrb-8-2026: indicator 6 = 1.5001 (a JSON number read as the exact decimal), the others 1.5: exact index 1.500003, a hair above the edge 1.50: Cukup by the exact value (edition default); reported 1.50",
     "permenpanrb-8-2026", lv)

# Third decimal 5 with decimal values (worked by hand):
# - all 2.3, I20 (15 %) = 2.6: 2.3 + 15 x 0.3 / 100 = 2.3 + 0.045 = 2.345 -> 2.35
#   half up (the f64 nearest 2.345 is 2.34499999..., which rounds to 2.34).
# - all 2.4, I1 (5 %) = 2.8, I20 (15 %) = 2.9: 2.4 + (5 x 0.4 + 15 x 0.5)/100
#   = 2.4 + 0.095 = 2.495 -> 2.50. Exact 2.495 is Cukup; reported 2.50 is the
#   upper edge of Cukup, also Cukup. With upper-inclusive bands a tie never
#   changes the band: x.xx5 below an edge E is E - 0.005, which rounds UP onto E,
#   still in the band below; E + 0.005 rounds up to E + 0.01, still above. Only
#   values in (E, E + 0.005) round back down onto E and cross (the -above
#   vectors). So the tie vectors check half-up rounding, not the basis.
# - all 2.5, I1 (5 %) = 2.6: 2.5 + 5 x 0.1 / 100 = 2.505 -> 2.51, Baik either
#   way (the f64 nearest 2.505 is 2.50499999..., which would round to 2.50, the
#   edge of Cukup, under the reported basis).
lv = u26("2.3", I20=v26("2.6"))
assert compute(E2026, lv)[0] == F("2.345") and r2(F("2.345")) == F("2.35")
case("2026-tie-2345", "permenpanrb-8-2026: indicator 20 = 2.6, the others 2.3: exact index 2.345 reports 2.35 (half up; the f64 nearest 2.345 lies below it): Cukup",
     "permenpanrb-8-2026", lv)
lv = u26("2.4", I1=v26("2.8"), I20=v26("2.9"))
assert compute(E2026, lv)[0] == F("2.495") and r2(F("2.495")) == F("2.5")
assert band(E2026, F("2.495")) == band(E2026, F("2.5")) == "Cukup"
case("2026-tie-2495", "permenpanrb-8-2026: indicator 1 = 2.8, indicator 20 = 2.9, the others 2.4: exact index 2.495 reports 2.50; exact basis (edition default): Cukup",
     "permenpanrb-8-2026", lv)
case("2026-tie-2495-reported", "permenpanrb-8-2026: the same input with predicate_basis=reported: 2.495 rounds up onto 2.50, the upper edge of Cukup, so the predicate is still Cukup (with upper-inclusive bands a rounded-up tie never changes the band)",
     "permenpanrb-8-2026", lv, options={"predicate_basis": "reported"})
lv = u26("2.5", I1=v26("2.6"))
assert compute(E2026, lv)[0] == F("2.505") and r2(F("2.505")) == F("2.51")
assert band(E2026, F("2.505")) == band(E2026, F("2.51")) == "Baik"
case("2026-tie-2505", "permenpanrb-8-2026: indicator 1 = 2.6, the others 2.5: exact index 2.505 reports 2.51 (half up); exact basis (edition default): Baik",
     "permenpanrb-8-2026", lv)
case("2026-tie-2505-reported", "permenpanrb-8-2026: the same input with predicate_basis=reported: 2.51 is Baik (the f64 nearest 2.505 lies below it and would round to 2.50, Cukup)",
     "permenpanrb-8-2026", lv, options={"predicate_basis": "reported"})

# Kab. Aceh Tengah 2026 (secondary). Published values I1..I20, aspects and
# index. With I13 = 7/6 (e.g. the mean of six sub-items) every published number
# reproduces; with the printed 1,17, aspect 5 is (5 x 1.17 + 5 x 1)/10 = 1.085
# -> 1.09 while the index is still 1.2415 -> 1.24.
aceh = ["2.00", "1.50", "1.26", "1.30", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00",
        "1.50", "1.25", "1.17", "1.00", "1.00", "1.00", "2.50", "1.00", "1.00", "1.30"]
aceh_aspects = {"1": "1.75", "2": "1.28", "3": "1.00", "4": "1.17", "5": "1.08", "6": "1.40", "7": "1.18"}
aceh_src = ("Kab. Aceh Tengah, Evaluasi Kinerja Pemdi 2026: assessor interview material of 21 Sep 2026, marked \"sementara - belum nilai resmi\" "
            "(SECONDARY, not an official result); reference notes rubric-permenpanrb-8-2026.md section 12")
lv = {i: dec(F(v)) for i, v in enumerate(aceh, 1)}
lv[3] = "1.26"                    # a decimal string
lv[13] = "7/6"                    # a fraction string
idx, _, asps = compute(E2026, lv)
assert {a: r2(x) for a, x in asps.items()} == {a: F(v) for a, v in aceh_aspects.items()}
assert asps["5"] == F(13, 12) and r2(idx) == F("1.24") and band(E2026, idx) == "Kurang"
case("2026-aceh-tengah-7-6", "permenpanrb-8-2026, Kab. Aceh Tengah 2026 (provisional values): indicator 3 as the string \"1.26\", indicator 13 as the fraction string \"7/6\", the rest as JSON numbers; reproduces every published number: aspects 1.75 / 1.28 / 1.00 / 1.17 / 1.08 / 1.40 / 1.18 and index 1.24 (Kurang)",
     "permenpanrb-8-2026", lv, source=aceh_src, extra={"institution": "Pemerintah Kabupaten Aceh Tengah", "year": 2026})
lv = {i: dec(F(v)) for i, v in enumerate(aceh, 1)}
idx, _, asps = compute(E2026, lv)
assert asps["5"] == F("1.085") and r2(asps["5"]) == F("1.09")       # published 1.08: the printed 1,17 is 7/6 rounded
assert idx == F("1.2415") and r2(idx) == F("1.24")
assert all(r2(asps[a]) == F(v) for a, v in aceh_aspects.items() if a != "5")
case("2026-aceh-tengah-1-17", "permenpanrb-8-2026, Kab. Aceh Tengah 2026 with the printed indicator 13 = 1.17 (JSON numbers throughout): aspect 5 is exactly 1.085 and reports 1.09 (published 1.08, which needs 7/6); the index is 1.2415 -> 1.24 as published",
     "permenpanrb-8-2026", lv, source=aceh_src, extra={"institution": "Pemerintah Kabupaten Aceh Tengah", "year": 2026})

# ---------------------------------------------------------------- 59/2020: published results, the year decides
# D1 = S1/10, D2 = S2/10, D3 = S3/11, D4 = (11a + 12b)/182 for level sums S1
# (ind. 1-10), S2 (11-20), S3 (21-31), a (32-41), b (42-47); index =
# (13 D1 + 25 D2 + 16.5 D3 + 45.5 D4)/100 = (1.3 S1 + 2.5 S2 + 1.5 S3 + 2.75 a + 3 b)/100.
GROUPS = [list(range(1, 11)), list(range(11, 21)), list(range(21, 32)), list(range(32, 42)), list(range(42, 48))]


def from_sums(*sums):
    """Levels with the given sum in each group, spread as evenly as possible."""
    lv = {}
    for total, inds in zip(sums, GROUPS):
        base, extra = divmod(total, len(inds))
        assert 1 <= base and base + (extra > 0) <= 5, (total, inds)
        for k, i in enumerate(inds):
            lv[i] = base + (1 if k < extra else 0)
    assert [sum(lv[i] for i in g) for g in GROUPS] == list(sums)
    return lv


def index_from_sums(s1, s2, s3, a, b):
    return (13 * F(s1, 10) + 25 * F(s2, 10) + F(33, 2) * F(s3, 11) + F(91, 2) * F(11 * a + 12 * b, 182)) / 100


def published_candidates(d, index):
    """Every (S1, S2, S3, a, b) whose domains and index round to the published values."""
    d1, d2, d3, d4 = (F(x) for x in d)
    out = []
    for s1 in (s for s in range(10, 51) if r2(F(s, 10)) == d1):
        for s2 in (s for s in range(10, 51) if r2(F(s, 10)) == d2):
            for s3 in (s for s in range(11, 56) if r2(F(s, 11)) == d3):
                for a in range(10, 51):
                    for b in range(6, 31):
                        if r2(F(11 * a + 12 * b, 182)) == d4 and r2(index_from_sums(s1, s2, s3, a, b)) == F(index):
                            out.append((s1, s2, s3, a, b))
    assert out, d
    return out


def published_2024(name, label, table, d, index, predicate, sums=None):
    cands = published_candidates(d, index)
    # the published predicate is that of the EXACT index for every candidate
    # whose exact predicate matches, and no candidate reproduces it by the
    # reported value: the 2024 rows are evidence of the exact rule
    exact_ok = [c for c in cands if band(E2020, index_from_sums(*c)) == predicate]
    assert exact_ok and not any(band(E2020, r2(index_from_sums(*c))) == predicate for c in cands), name
    if sums is None:
        sums = min(exact_ok, key=lambda c: (index_from_sums(*c), c[3]))
    assert sums in exact_ok
    lv = from_sums(*sums)
    idx, doms = compute(E2020, lv)[:2]
    assert idx == index_from_sums(*sums) and [r2(doms[k]) for k in "1234"] == [F(x) for x in d] and r2(idx) == F(index)
    other = band(E2020, r2(idx))
    src = f"Laporan Pelaksanaan Evaluasi SPBE 2024 (KemenPANRB, 2025-03-13), {table}: domains {' / '.join(d)}, index {index} {predicate} as printed; the indicator levels are constructed from level sums consistent with them"
    dom_txt = " / ".join(d)
    case(f"2020-2024-{name}", f"permenpanrb-59-2020, {label} 2024 (published: domains {dom_txt}, index {index} {predicate}): level sums {sums[0]} / {sums[1]} / {sums[2]} / {sums[3]} / {sums[4]} (ind. 1-10 / 11-20 / 21-31 / 32-41 / 42-47); exact index {exact_text(idx)} reports {index}; year 2024 reads the predicate from the exact value: {predicate}, as published",
         "permenpanrb-59-2020", lv, source=src, extra={"institution": label, "year": 2024})
    case(f"2020-2024-{name}-as-2023", f"permenpanrb-59-2020, the levels of {label} 2024 (exact index {exact_text(idx)}) entered with year 2023 (counterfactual): the 2023 rule reads the reported {index}: {other}, not {predicate}; only the year differs",
         "permenpanrb-59-2020", lv, extra={"institution": label, "year": 2023})
    return idx


# Kab. Pacitan: the sums 47/30/23/39/24 are the only ones consistent with the
# published domains; (1.3 x 47 + 2.5 x 30 + 1.5 x 23 + 2.75 x 39 + 3 x 24)/100
# = (61.1 + 75 + 34.5 + 107.25 + 72)/100 = 3.4985
assert published_candidates(("4.70", "3.00", "2.09", "3.94"), "3.50") == [(47, 30, 23, 39, 24)]
idx = published_2024("pacitan", "Pemerintah Kab. Pacitan", "Tabel 32 no. 26", ("4.70", "3.00", "2.09", "3.94"), "3.50", "Baik", sums=(47, 30, 23, 39, 24))
assert idx == F("3.4985")
# Kab. Luwu: S1 = 12, S2 = 21, S3 = 14 (14/11 = 1.2727), 11a + 12b = 682 or 683
# (3.747 / 3.753); index (15.6 + 52.5 + 21 + (11a+12b)/4)/100 = 2.596 or
# 2.5985: below 2.6 either way, reported 2.60. Published Cukup = exact rule.
idx = published_2024("luwu", "Pemerintah Kab. Luwu", "Tabel 41 no. 8", ("1.20", "2.10", "1.27", "3.75"), "2.60", "Cukup")
assert idx < F("2.6") and r2(idx) == F("2.6")
assert sorted({index_from_sums(*c) for c in published_candidates(("1.20", "2.10", "1.27", "3.75"), "2.60")}) == [F("2.596"), F("2.5985")]
# Kab. Nias Barat: S1 = 10, S2 = 11, S3 = 11, 11a + 12b = 491 or 492; index =
# (57 + (11a+12b)/4)/100 = 1.7975 or 1.80. Published Kurang: only 491 with the
# exact rule (1.80 exact would be Cukup).
idx = published_2024("nias-barat", "Pemerintah Kab. Nias Barat", "Tabel 18 no. 24", ("1.00", "1.10", "1.00", "2.70"), "1.80", "Kurang")
assert idx == F("1.7975")

# Kab. Boven Digoel 2023: exact index 1.7995, published "1,80 Cukup" (2023:
# reported rule). The domain values are not at hand; the levels are constructed.
lv = find_2020(17995)
idx = compute(E2020, lv)[0]
assert idx == F("1.7995") and r2(idx) == F("1.8")
assert predicate_of(E2020, idx, year=2023) == "Cukup" and predicate_of(E2020, idx, year=2024) == "Kurang"
case("2020-2023-boven-digoel", "permenpanrb-59-2020, Kab. Boven Digoel 2023 (published: index 1,80 Cukup, exact 1.7995): constructed levels with exact index 1.7995; year 2023 reads the predicate from the reported 1.80: Cukup, as published",
     "permenpanrb-59-2020", lv, extra={"institution": "Pemerintah Kab. Boven Digoel", "year": 2023},
     source="Hasil Evaluasi SPBE 2023, Kab. Boven Digoel: index 1,80 Cukup with exact index 1,7995 (figures as supplied to the project; the 2023 publication is not in the shared reference notes; the indicator levels are constructed)")
case("2020-2023-boven-digoel-as-2024", "permenpanrb-59-2020, the Boven Digoel 2023 levels (exact index 1.7995) entered with year 2024 (counterfactual): the 2024 rule reads the exact value: Kurang; only the year differs",
     "permenpanrb-59-2020", lv, extra={"institution": "Pemerintah Kab. Boven Digoel", "year": 2024})

# ---------------------------------------------------------------- whole-number floats
lv = {i: 3.0 for i in range(1, 48)}
lv.update({12: 4, 40: 5.0})
assert compute(E2020, lv)[0] == compute(E2020, {i: int(v) for i, v in lv.items()})[0]
case("2020-whole-floats", "permenpanrb-59-2020: levels written as JSON floats with a whole value (3.0, 5.0) are levels 3 and 5, mixed with an integer 4",
     "permenpanrb-59-2020", lv)
lv = {i: 2 for i in range(1, 35)}
lv[35] = [2.0, 3.0]
assert compute(E2018, lv)[0] == compute(E2018, {**lv, 35: [2, 3]})[0]
case("2018-whole-floats", "permenpanrb-5-2018: the service items of indicator 35 written as whole JSON floats [2.0, 3.0] are levels 2 and 3",
     "permenpanrb-5-2018", lv)

# ---------------------------------------------------------------- rejected values (continuous / whole)
b26 = u26(2)
bad("error-2026-value-above-5", "permenpanrb-8-2026: a value above 5 (5.01) is out of range", {**b26, 20: 5.01}, "level_out_of_range", "20", rubric="permenpanrb-8-2026")
bad("error-2026-value-below-1", "permenpanrb-8-2026: a value below 1 (0.99) is out of range", {**b26, 5: 0.99}, "level_out_of_range", "5", rubric="permenpanrb-8-2026")
bad("error-2026-decimal-comma", "permenpanrb-8-2026: a string with a decimal comma (\"1,26\") is not a number", {**b26, 3: "1,26"}, "invalid_level_type", "3", rubric="permenpanrb-8-2026")
bad("error-2026-not-a-number", "permenpanrb-8-2026: a string that is no decimal or fraction (\"abc\")", {**b26, 13: "abc"}, "invalid_level_type", "13", rubric="permenpanrb-8-2026")
bad("error-2020-non-integer-2-5", "permenpanrb-59-2020 takes whole levels: 2.5 is a fractional level", {**full, 12: 2.5}, "non_integer_level", "12")
bad("error-2020-fraction-string", "permenpanrb-59-2020: a fraction string (\"7/6\", valid in 8/2026) is not a level", {**full, 7: "7/6"}, "invalid_level_type", "7")
bad("error-2018-non-integer", "permenpanrb-5-2018 takes whole levels: a service item of indicator 35 at 2.5", {**b18, 35: [3, 2.5]}, "non_integer_level", "35", rubric="permenpanrb-5-2018")
bad("error-2018-string", "permenpanrb-5-2018: a level given as a string (\"3\")", {**b18, 20: "3", 35: [3]}, "invalid_level_type", "20", rubric="permenpanrb-5-2018")

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
