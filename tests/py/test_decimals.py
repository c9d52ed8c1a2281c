"""8/2026 decimal values and each year's predicate rule, through the installed package.

Expected values are worked out by hand in the comments (8/2026 weights, Tabel 1:
index = sum(w * value) / 100)."""
import json
import subprocess
from decimal import Decimal
from fractions import Fraction

import pytest

import spbe

R26 = "permenpanrb-8-2026"
R20 = "permenpanrb-59-2020"


def ones(**over):
    lv = {str(i): 1 for i in range(1, 21)}
    lv.update(over)
    return lv


def test_floats_decimals_fractions_and_strings_are_exact():
    # I20 (15 %) = 1.1: index = 1 + 0.1 * 15 / 100 = 1.015 exactly -> 1.02 half up
    # (summing doubles gives 1.0149999..., which would round to 1.01)
    for v in (1.1, "1.1", Decimal("1.1"), Decimal("1.10"), Fraction(11, 10), "11/10"):
        r = spbe.score(ones(**{"20": v}), rubric=R26)
        assert (r.index_exact, r.index_text) == ("1.015", "1.02"), v
    # a fraction that has no decimal: I13 (5 %) = 7/6 -> 1 + (1/6) * 5 / 100 = 1 + 1/120
    r = spbe.score(ones(**{"13": Fraction(7, 6)}), rubric=R26)
    assert r.index_exact == "121/120"
    assert r.indicators[12].level == "7/6"  # shown as given
    assert spbe.score(ones(**{"3": 1.26}), rubric=R26).indicators[2].level == 1.26


def test_values_outside_1_to_5_and_unreadable_text_are_typed_errors():
    with pytest.raises(spbe.LevelOutOfRangeError) as e:
        spbe.score(ones(**{"4": 5.01}), rubric=R26)
    assert e.value.indicator == "4" and "5.01" in str(e.value) and "from 1 to 5" in str(e.value)
    with pytest.raises(spbe.InvalidLevelTypeError) as e:
        spbe.score(ones(**{"4": "1,26"}), rubric=R26)
    assert e.value.indicator == "4" and "1,26" in str(e.value)
    with pytest.raises(spbe.TooManyDecimalsError) as e:
        spbe.score(ones(**{"4": "1.0000000000000000001"}), rubric=R26)
    assert isinstance(e.value, spbe.InvalidAssessmentError)
    # whole-level editions: 3.0 is level 3, 2.5 and "3" are refused
    full = {str(i): 3.0 for i in range(1, 48)}
    assert spbe.score(full, rubric=R20).index_exact == "3"
    with pytest.raises(spbe.NonIntegerLevelError):
        spbe.score({**full, "7": 2.5}, rubric=R20)
    with pytest.raises(spbe.InvalidLevelTypeError):
        spbe.score({**full, "7": "3"}, rubric=R20)


def pacitan(year=None):
    # Kab. Pacitan 2024 (national report): level sums 47 (1-10), 30 (11-20), 23 (21-31),
    # 39 (32-41), 24 (42-47); exact index 3.4985, published "3,50 Baik"
    def spread(total, n):
        base, extra = divmod(total, n)
        return [base + (1 if k < extra else 0) for k in range(n)]

    levels = spread(47, 10) + spread(30, 10) + spread(23, 11) + spread(39, 10) + spread(24, 6)
    a = {"rubric": R20, "levels": {str(i + 1): v for i, v in enumerate(levels)}}
    if year is not None:
        a["year"] = year
    return a


def test_the_year_picks_the_predicate_rule():
    r = spbe.score(pacitan(2024))
    assert (r.index_exact, r.index_text, r.predicate) == ("3.4985", "3.50", "Baik")
    assert r.predicate_rule == spbe.PredicateRule("exact", "year", 2024, r.predicate_rule.evidence)
    assert "Pacitan" in r.predicate_rule.evidence
    r = spbe.score(pacitan(2023))  # the 2023 report classified the rounded index
    assert (r.predicate, r.predicate_rule.basis, r.predicate_rule.reason) == ("Sangat Baik", "reported", "year")
    r = spbe.score(pacitan())  # no year: the edition default
    assert (r.predicate, r.predicate_rule.reason) == ("Baik", "edition_default")
    r = spbe.score(pacitan(), year=2023)  # the year given beside an assessment without one
    assert r.predicate == "Sangat Baik"
    r = spbe.score(pacitan(2024), predicate_basis="reported")  # the option wins
    assert (r.predicate, r.predicate_rule.reason) == ("Sangat Baik", "option")


def test_to_dict_is_the_cli_json_for_decimals(cli, tmp_path):
    a = {"rubric": R26, "year": 2026, "levels": ones(**{"3": 1.26, "13": "7/6", "17": 2.50})}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(a))
    out = subprocess.run([cli, "score", str(path), "--format", "json"], capture_output=True, text=True, check=True).stdout
    assert spbe.score(a).to_dict() == json.loads(out)


def test_vectors_carry_decimals():
    a = {"rubric": R26, "levels": ones(**{"3": 1.26, "13": "7/6"})}
    v = spbe.to_vector(a)
    assert v.startswith("SPBE2.") and "v1p26v" in v and "v7s6v" in v
    back = spbe.from_vector(v)
    assert back["levels"]["3"] == 1.26 and back["levels"]["13"] == "7/6"
    assert spbe.score(v).index_exact == spbe.score(a).index_exact
    # whole levels stay SPBE1, and old SPBE1 vectors still parse
    assert spbe.to_vector({"rubric": R26, "levels": ones()}).startswith("SPBE1.")


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_frames_read_float_columns_as_their_decimals(lib):
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    rows = [ones(**{"20": 1.1}), ones(**{"3": 1.26}), ones(**{"1": 5.5})]
    data = {k: [float(r[k]) for r in rows] for k in rows[0]}
    df = pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data)
    out = spbe.score_frame(df, rubric=R26, errors="collect")
    index = list(out["index"]) if lib == "pandas" else out["index"].to_list()
    # 1.015 -> 1.02; 1 + 0.26 * 5 / 100 = 1.013 -> 1.01; 5.5 is out of range
    assert index[:2] == [1.02, 1.01]
    err = list(out["error"]) if lib == "pandas" else out["error"].to_list()
    assert err[0] is None and "5.5" in err[2] and "indicator 1" in err[2]


def test_frames_take_the_year_rule():
    pd = pytest.importorskip("pandas")
    a = pacitan()
    df = pd.DataFrame([{k: v for k, v in a["levels"].items()}])
    assert list(spbe.score_frame(df, rubric=R20, year=2024)["predicate"]) == ["Baik"]
    assert list(spbe.score_frame(df, rubric=R20, year=2023)["predicate"]) == ["Sangat Baik"]
    assert list(spbe.score_frame(df, rubric=R20)["predicate"]) == ["Baik"]


def test_the_2026_rubric_from_python():
    rb = spbe.Rubric.builtin(R26)
    assert rb.status == "official" and rb.band_bounds == "upper_inclusive"
    i13 = rb.indicator(13)
    assert i13.continuous and i13.weight == 5.0 and any("4%" in a for a in i13.anomalies)
    lv = i13.levels[1]
    assert (lv.name, lv.label, lv.label_en, lv.min, lv.max) == ("Cukup", "Membangun", "Emerging", Decimal("1.50"), Decimal("2.50"))
    assert lv.criteria and lv.criteria.startswith("Substansi Rencana Aksi Nasional Pemdi")
    assert rb.indicator(5).external["index"] == "SDI" and len(rb.indicator(5).external["ranges"]) == 5
    assert rb.indicator(18).external is None
    assert rb.indicator(1).instansi_pembina[0].startswith("Kementerian Pendayagunaan Aparatur Negara")
    assert "Fungsi Perencanaan" in rb.indicator(1).peran_fungsi
    assert [y["year"] for y in spbe.Rubric.builtin(R20).predicate_rule["years"]] == [2023, 2024]


def test_float32_decimal_and_fraction_edge_cases():
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    # all 1.5 except I6 (3 %) = 1.1 and I1 (5 %) = 1.74: sum = 150 - 1.2 + 1.2 = 150 -> exactly 1.50,
    # Kurang (Tabel 4 includes 1.50); float32 expansions would push it past 1.50
    row = {str(i): 1.5 for i in range(1, 21)}
    row.update({"6": 1.1, "1": 1.74})
    df = pd.DataFrame([row])
    for frame in (df, df.astype("float32")):
        out = spbe.score_frame(frame, rubric=R26)
        assert (list(out["index"]), list(out["predicate"])) == ([1.5], ["Kurang"])
    r = spbe.score(ones(**{"3": np.float32(1.26)}), rubric=R26)
    assert r.indicators[2].level == 1.26 and r.index_exact == "1.013"
    # Decimal infinity and NaN: a typed error naming the indicator, from score and validate
    for bad in (Decimal("Infinity"), Decimal("NaN")):
        with pytest.raises(spbe.InvalidLevelTypeError) as e:
            spbe.score(ones(**{"5": bad}), rubric=R26)
        assert e.value.indicator == "5"
        assert [p["indicator"] for p in spbe.validate(ones(**{"5": bad}), rubric=R26)] == ["5"]
    # a Decimal or Fraction that is not whole, for a whole-level edition: "not a whole number"
    full = {str(i): 3 for i in range(1, 48)}
    for half in (Decimal("2.5"), Fraction(5, 2)):
        with pytest.raises(spbe.NonIntegerLevelError):
            spbe.score({**full, "7": half}, rubric=R20)
    # object columns holding Decimals that a float holds exactly
    obj = pd.DataFrame([{k: Decimal(str(v)) for k, v in ones(**{"20": 1.1}).items()}], dtype=object)
    assert list(spbe.score_frame(obj, rubric=R26)["index"]) == [1.02]
