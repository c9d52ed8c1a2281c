"""score_frame on pandas and polars frames."""
import math

import pytest

import spbe

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
np = pytest.importorskip("numpy")

R20 = "permenpanrb-59-2020"


def frame_2020(lib, rows):
    data = {"institution": [f"inst {k}" for k in range(len(rows))]}
    for i in range(1, 48):
        data[str(i)] = [r[i - 1] for r in rows]
    data["region"] = ["x"] * len(rows)
    return pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data, strict=False)


def col(df, name):
    return list(df[name]) if isinstance(df, pd.DataFrame) else df[name].to_list()


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_results_and_passthrough(lib):
    rows = [[3] * 47, [1] * 47, [5] * 47]
    df = frame_2020(lib, rows)
    out = spbe.score_frame(df, rubric=R20)
    assert type(out) is type(df)
    names = [str(c) for c in out.columns]
    # input columns unchanged and in order, results appended
    assert names[: len(df.columns)] == [str(c) for c in df.columns]
    assert names[len(df.columns):] == ["index", "predicate", "official", "missing"] + [f"domain_{d}" for d in "1234"] + [f"aspect_{a}" for a in "12345678"]
    assert col(out, "index") == [3.0, 1.0, 5.0]
    assert [str(p) for p in col(out, "predicate")] == ["Baik", "Kurang", "Memuaskan"]
    assert col(out, "domain_3") == [3.0, 1.0, 5.0]
    assert col(out, "institution") == col(df, "institution")


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_same_as_score_per_row(lib):
    rng = np.random.default_rng(7)
    rows = rng.integers(1, 6, size=(50, 47)).tolist()
    out = spbe.score_frame(frame_2020(lib, rows), rubric=R20)
    for k, row in enumerate(rows):
        r = spbe.score({i + 1: v for i, v in enumerate(row)}, rubric=R20)
        assert col(out, "index")[k] == r.index
        assert str(col(out, "predicate")[k]) == r.predicate
        for a in r.aspects:
            assert col(out, f"aspect_{a.id}")[k] == a.index


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_bad_cells_name_row_and_indicator(lib):
    rows = [[3] * 47 for _ in range(4)]
    rows[2][11] = 9  # indicator 12, row 2
    with pytest.raises(spbe.LevelOutOfRangeError) as e:
        spbe.score_frame(frame_2020(lib, rows), rubric=R20)
    assert e.value.row == 2 and e.value.indicator == "12" and "row 2" in str(e.value)
    rows[2][11] = 3
    rows[1][4] = 2.5  # a fractional level in a float column
    with pytest.raises(spbe.NonIntegerLevelError) as e:
        spbe.score_frame(frame_2020(lib, rows), rubric=R20)
    assert (e.value.row, e.value.indicator) == (1, "5")


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_text_cells_are_rejected(lib):
    rows = [[3] * 47 for _ in range(3)]
    df = frame_2020(lib, rows)
    if lib == "pandas":
        df["7"] = df["7"].astype(object)
        df.loc[1, "7"] = "3"
    else:
        df = df.with_columns(pl.Series("7", ["3", "3", "x"]))
    with pytest.raises(spbe.InvalidLevelTypeError) as e:
        spbe.score_frame(df, rubric=R20)
    assert e.value.indicator == "7" and e.value.row in (0, 1)


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_collect_errors_and_missing(lib):
    rows = [[3] * 47 for _ in range(3)]
    rows[1][0] = 8
    rows[2][46] = None  # empty cell: a missing indicator
    out = spbe.score_frame(frame_2020(lib, rows), rubric=R20, errors="collect")
    idx = col(out, "index")
    assert idx[0] == 3.0 and (idx[1] is None or math.isnan(idx[1]))
    errs = col(out, "error")
    assert errs[0] is None and "indicator 1" in errs[1] and "47" in errs[2]
    low = spbe.score_frame(frame_2020(lib, [rows[0], rows[2]]), rubric=R20, missing="lowest")
    assert col(low, "index") == [3.0, 2.94]  # 3 - 2 * 3.00 / 100


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_2018_indicator_35_layout(lib):
    base = {str(i): [2, 2, 2, 2] for i in range(1, 35)}
    services = {"35.1": [3, 1, 1, 0], "35.2": [None, 3, 3, None], "35.3": [None, None, 3, None]}
    data = {**base, **services}
    df = pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data)
    out = spbe.score_frame(df, rubric="permenpanrb-5-2018")
    expect = [
        spbe.score({**{k: 2 for k in base}, "35": s}, rubric="permenpanrb-5-2018").index
        for s in ([3], [1, 3], [1, 3, 3], [0])
    ]
    assert col(out, "index") == expect
    # a single column "35" is one service
    one = {**base, "35": [3, 1, 1, 0]}
    df1 = pd.DataFrame(one) if lib == "pandas" else pl.DataFrame(one)
    assert col(spbe.score_frame(df1, rubric="permenpanrb-5-2018"), "index")[0] == expect[0]


def test_wrong_inputs():
    with pytest.raises(TypeError):
        spbe.score_frame({"1": [1]}, rubric=R20)
    with pytest.raises(spbe.SpbeError):
        spbe.score_frame(pd.DataFrame({"1": [1]}), rubric=None)
    with pytest.raises(ValueError):
        spbe.score_frame(pd.DataFrame({"1": [1]}), rubric=R20, errors="ignore")
    empty = spbe.score_frame(frame_2020("pandas", []), rubric=R20)
    assert len(empty) == 0 and "index" in empty.columns


def test_duplicated_columns_are_a_typed_error():
    rows = [[3] * 47]
    df = frame_2020("pandas", rows)
    dup = pd.concat([df, df[["7"]]], axis=1)
    with pytest.raises(spbe.InvalidBatchError) as e:
        spbe.score_frame(dup, rubric=R20)
    assert "'7'" in str(e.value) and e.value.code == "invalid_batch"


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_strict_columns(lib):
    df = frame_2020(lib, [[3] * 47, [2] * 47])
    # a 47-indicator frame is not an 8/2026 frame: "21" ... "47" are not its indicators
    with pytest.raises(spbe.UnknownIndicatorError) as e:
        spbe.score_frame(df, rubric="permenpanrb-8-2026")
    assert "'21'" in e.value.message and "permenpanrb-8-2026" in e.value.message
    # a stray column "48", and " 4" with a space
    for extra_col in ["48", " 4"]:
        bad = df.assign(**{extra_col: [1, 1]}) if lib == "pandas" else df.with_columns(pl.lit(1).alias(extra_col))
        with pytest.raises(spbe.UnknownIndicatorError) as e:
            spbe.score_frame(bad, rubric=R20)
        assert repr(extra_col) in e.value.message
        if extra_col == " 4":
            assert "spaces" in e.value.message
        with pytest.warns(UserWarning, match="not indicators"):
            out = spbe.score_frame(bad, rubric=R20, extra="ignore")
        assert col(out, "index") == [3.0, 2.0]
    # 2018: "35" beside "35.1" is ambiguous
    d18 = {str(i): [2] for i in range(1, 35)}
    d18.update({"35": [3], "35.1": [3]})
    with pytest.raises(spbe.InvalidBatchError, match="35"):
        spbe.score_frame(pd.DataFrame(d18) if lib == "pandas" else pl.DataFrame(d18), rubric="permenpanrb-5-2018")


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_rescoring_and_result_columns(lib):
    df = frame_2020(lib, [[3] * 47, [2] * 47])
    out = spbe.score_frame(df, rubric=R20)
    assert col(out, "official") == [True, True] and col(out, "missing") == [None, None]
    with pytest.raises(spbe.InvalidBatchError, match="overwrite=True"):
        spbe.score_frame(out, rubric=R20)
    again = spbe.score_frame(out, rubric=R20, overwrite=True)
    assert [str(c) for c in again.columns] == [str(c) for c in out.columns]  # replaced, not duplicated
    assert col(again, "index") == col(out, "index")
    # a row estimated by a missing policy says so: indicators 5 and 47 empty in row 1 (1.30 % and 3.00 %)
    rows = [[3] * 47, [3] * 47]
    rows[1][4] = None
    rows[1][46] = None
    est = spbe.score_frame(frame_2020(lib, rows), rubric=R20, missing="lowest")
    assert col(est, "official") == [True, False]
    assert col(est, "missing") == [None, "5, 47"]
    # lowest: 3 - 2 x 1.30 % - 2 x 3.00 % = 2.914 -> 2.91
    assert col(est, "index") == [3.0, 2.91]


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_labels_missing_columns_and_lazy(lib):
    data = {str(i): [2, 4] for i in range(1, 21)}
    df = pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data)
    out = spbe.score_frame(df, rubric="permenpanrb-8-2026")
    # 8/2026 bands (Tabel 4, upper-inclusive): 2.00 is Cukup (Membangun), 4.00 Sangat Baik (Melembaga)
    assert col(out, "predicate_label") == ["Membangun", "Melembaga"]
    # an indicator column missing from the whole frame: named once, not blamed on row 0
    part = {str(i): [3] for i in range(1, 47)}
    with pytest.raises(spbe.MissingIndicatorError) as e:
        spbe.score_frame(pd.DataFrame(part) if lib == "pandas" else pl.DataFrame(part), rubric=R20)
    assert "no column for indicator(s) 47" in e.value.message and e.value.row is None
    if lib == "polars":
        lazy = spbe.score_frame(df.lazy(), rubric="permenpanrb-8-2026")
        assert col(lazy, "index") == [2.0, 4.0]


def test_errors_carry_the_index_label_and_position():
    rows = [[3] * 47, [3] * 47, [3] * 47]
    rows[1][11] = 9
    df = frame_2020("pandas", rows)
    df.index = ["kab-a", "kab-b", "kab-c"]
    with pytest.raises(spbe.LevelOutOfRangeError) as e:
        spbe.score_frame(df, rubric=R20)
    assert (e.value.row, e.value.position, e.value.indicator) == ("kab-b", 1, "12")
    assert e.value.message.startswith("row 'kab-b' (position 1): ")


def test_one_value_model_for_score_and_frames():
    # a frame row (pandas Series) scores like the frame; NaN and None are missing indicators
    rows = [[3.0] * 47, [3.0] * 47]
    rows[1][8] = float("nan")
    df = frame_2020("pandas", rows).drop(columns=["institution", "region"])
    out = spbe.score_frame(df, rubric=R20, missing="lowest")
    for k in range(2):
        r = spbe.score(df.iloc[k], rubric=R20, missing="lowest")
        assert r.index == out["index"][k] and r.official == bool(out["official"][k])
    assert spbe.score(df.iloc[1], rubric=R20, missing="lowest").missing == ("9",)
    with pytest.raises(spbe.MissingIndicatorError):
        spbe.score(df.iloc[1], rubric=R20)
    levels = {str(i): 3 for i in range(1, 48)}
    levels["9"] = None
    with pytest.raises(spbe.MissingIndicatorError) as e:
        spbe.score(levels, rubric=R20)
    assert e.value.indicator == "9"
    levels["9"] = pd.NA
    assert spbe.score(levels, rubric=R20, missing="lowest").missing == ("9",)
    # whole-valued floats are levels; strings are not, for whole-level editions
    assert spbe.score({str(i): 3.0 for i in range(1, 48)}, rubric=R20).index == 3.0
    with pytest.raises(spbe.InvalidLevelTypeError):
        spbe.score({**{str(i): 3 for i in range(1, 48)}, "4": "3"}, rubric=R20)
    # 2018's service columns, as a frame has them, in score() too: services 1, 3, 3 of indicator 35
    d18 = {str(i): 2 for i in range(1, 35)}
    by_list = spbe.score({**d18, "35": [1, 3, 3]}, rubric="permenpanrb-5-2018")
    by_cols = spbe.score({**d18, "35.1": 1, "35.2": 3, "35.3": 3}, rubric="permenpanrb-5-2018")
    assert by_cols.index_exact == by_list.index_exact
    two = spbe.score({**d18, "35.1": 1, "35.2": 3, "35.3": float("nan")}, rubric="permenpanrb-5-2018")
    assert two.indicators[-1].levels == (1, 3)
    frame18 = pd.DataFrame([{**d18, "35.1": 1, "35.2": 3, "35.3": float("nan")}])
    assert spbe.score_frame(frame18, rubric="permenpanrb-5-2018")["index"][0] == two.index
    with pytest.raises(spbe.DuplicateIndicatorError):
        spbe.score({**d18, "35": 2, "35.1": 1}, rubric="permenpanrb-5-2018")


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_validate_frame_lists_every_problem(lib):
    rows = [[3] * 47, [3] * 47, [3] * 47]
    rows[1][11] = 9        # indicator 12 out of range
    rows[1][12] = 2.5      # indicator 13 not whole
    rows[2][4] = None      # indicator 5 missing
    df = frame_2020(lib, rows)
    if lib == "pandas":
        df.index = ["a", "b", "c"]
    out = spbe.validate_frame(df, rubric=R20)
    recs = out.to_dicts() if lib == "polars" else out.to_dict("records")
    got = [(r["row"], r["position"], r["indicator"], r["code"], r["kind"]) for r in recs]
    lab = (lambda k: "abc"[k]) if lib == "pandas" else (lambda k: k)
    assert sorted(got, key=lambda g: (g[1], int(g[2]))) == [(lab(1), 1, "12", "level_out_of_range", "value"), (lab(1), 1, "13", "non_integer_level", "value"), (lab(2), 2, "5", "missing_indicator", "missing")]
    assert list(out.columns) == ["row", "position", "indicator", "code", "kind", "message"]
    # a frame problem (an unknown column, an absent indicator column) is listed once, without a row
    part = {str(i): [3, 3] for i in range(1, 47)}
    part["48"] = [1, 1]
    pf = pd.DataFrame(part) if lib == "pandas" else pl.DataFrame(part)
    recs = spbe.validate_frame(pf, rubric=R20)
    recs = recs.to_dicts() if lib == "polars" else recs.to_dict("records")
    assert [(r["row"], r["indicator"], r["code"], r["kind"]) for r in recs] == [(None, "48", "unknown_indicator", "invalid"), (None, "47", "missing_indicator", "missing")]
    assert len(spbe.validate_frame(frame_2020(lib, [[3] * 47]), rubric=R20)) == 0


def test_rubric_for_year():
    # from the editions' in_force years
    assert [spbe.rubric_for_year(y) for y in (2018, 2020, 2021, 2025, 2026, 2031)] == [
        "permenpanrb-5-2018", "permenpanrb-5-2018", "permenpanrb-59-2020", "permenpanrb-59-2020", "permenpanrb-8-2026", "permenpanrb-8-2026"]
    with pytest.raises(spbe.InvalidOptionsError):
        spbe.rubric_for_year(2017)


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_many_editions_and_years_in_one_frame(lib):
    # a 2023 row (59/2020, all 3: 3.00 Baik), a 2026 row (8/2026, all 2: 2.00 Cukup, its
    # columns 21-47 empty) and a 2019 row (5/2018, all 4, 35 as one service: 4.00 Sangat Baik)
    data = {"institution": ["a", "b", "c"], "year": [2023, 2026, 2019]}
    for i in range(1, 48):
        data[str(i)] = [3, 2 if i <= 20 else None, 4 if i <= 35 else None]
    df = pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data, strict=False)
    out = spbe.score_frame(df, year_column="year")
    assert col(out, "institution") == ["a", "b", "c"]
    assert col(out, "index") == [3.0, 2.0, 4.0]
    assert [str(p) for p in col(out, "predicate")] == ["Baik", "Cukup", "Sangat Baik"]
    # the union of the editions' result columns: 59/2020's domains are empty for the 2026 row
    d1 = col(out, "domain_1")
    assert d1[0] == 3.0 and (d1[1] is None or math.isnan(d1[1]))
    # the same with an explicit edition column
    eds = ["permenpanrb-59-2020", "permenpanrb-8-2026", "permenpanrb-5-2018"]
    df2 = df.assign(rubric=eds) if lib == "pandas" else df.with_columns(pl.Series("rubric", eds))
    assert col(spbe.score_frame(df2, rubric_column="rubric"), "index") == [3.0, 2.0, 4.0]
    # a value in a column the row's edition does not have is an error naming row and column
    bad = dict(data)
    bad["30"] = [3, 5, 4]
    bdf = pd.DataFrame(bad) if lib == "pandas" else pl.DataFrame(bad, strict=False)
    with pytest.raises(spbe.UnknownIndicatorError) as e:
        spbe.score_frame(bdf, year_column="year")
    assert "row 1" in e.value.message and "'30'" in e.value.message and "permenpanrb-8-2026" in e.value.message


@pytest.mark.parametrize(
    "make",
    [
        lambda d: pd.DataFrame(d).astype({str(i): "Int64" for i in range(1, 48)}),
        lambda d: pd.DataFrame(d).astype({str(i): "int64[pyarrow]" for i in range(1, 48)}),
        lambda d: pd.DataFrame(d).astype({str(i): "float64[pyarrow]" for i in range(1, 48)}),
        lambda d: pd.DataFrame(d).astype({str(i): pd.CategoricalDtype([1, 2, 3, 4, 5]) for i in range(1, 48)}),
        lambda d: pl.DataFrame(d, schema={k: pl.Int8 for k in d}),
        lambda d: pl.DataFrame(d, schema={k: pl.UInt8 for k in d}),
    ],
    ids=["pandas-Int64", "pandas-int64-pyarrow", "pandas-float64-pyarrow", "pandas-categorical", "polars-i8", "polars-u8"],
)
def test_dtypes_with_nulls(make):
    # row 0 all 3 (3.00); row 1 all 3 but indicator 47 (3.00 %) empty, estimated at the lowest level 1:
    # 3 - 2 x 3 / 100 = 2.94
    d = {str(i): [3, 3] for i in range(1, 48)}
    d["47"] = [3, None]
    df = make(d)
    out = spbe.score_frame(df, rubric=R20, missing="lowest")
    assert col(out, "index") == [3.0, 2.94]
    assert col(out, "official") == [True, False] and col(out, "missing") == [None, "47"]


def test_without_numpy_score_works_and_score_frame_says_how_to_get_it():
    # polars runs without numpy; spbe's single scoring, validate_frame and
    # plan_frame need none, score_frame does and says so
    import subprocess
    import sys

    script = """
import sys
sys.modules["numpy"] = None  # as if numpy were not installed
import spbe, polars as pl
print(spbe.score({"rubric": "permenpanrb-8-2026", "levels": {str(i): 3 for i in range(1, 21)}}).index)
df = pl.DataFrame({str(i): [3, 4] for i in range(1, 21)})
print(spbe.validate_frame(df, rubric="permenpanrb-8-2026").height)
try:
    spbe.score_frame(df, rubric="permenpanrb-8-2026")
except ImportError as e:
    print(type(e).__name__, e)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "3.0"
    assert out[1] == "0"
    assert out[2] == ("ImportError score_frame needs numpy, which pandas installs and polars does not: "
                      "pip install numpy (or pip install 'spbe[polars]')")
