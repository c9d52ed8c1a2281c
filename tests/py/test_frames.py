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
    assert names[len(df.columns):] == ["index", "predicate"] + [f"domain_{d}" for d in "1234"] + [f"aspect_{a}" for a in "12345678"]
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
