"""Published results as data: spbe.published_results and spbe.percentile,
checked against the repository's copy of the file read with the csv module."""
import csv
import math
import pathlib

import pytest

import spbe

CSV = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "spbe-results-2024.csv"


def rows():
    with open(CSV, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_the_2024_results_as_a_frame(lib):
    df = spbe.published_results(2024, polars=lib == "polars")
    raw = rows()
    assert df.shape == (615, 11)
    assert list(df.columns) == ["year", "category", "kind", "institution", "d1", "d2", "d3", "d4", "index", "predicate", "flag"]
    recs = df.to_dicts() if lib == "polars" else df.to_dict("records")
    for got, want in zip(recs, raw):
        assert got["institution"] == want["institution"] and got["kind"] == want["kind"]
        assert str(got["predicate"]) == want["predicate"]
        for k in ("d1", "d2", "d3", "d4", "index"):
            if want[k]:
                assert got[k] == float(want[k])
            else:  # a damaged cell stays empty
                assert got[k] is None or (isinstance(got[k], float) and math.isnan(got[k]))
                assert got["flag"]
    assert sum(1 for r in recs if r["flag"]) == 3
    assert sum(1 for r in recs if r["kind"] == "Pusat") == 92


def test_percentile():
    idx = [float(r["index"]) for r in rows() if r["index"]]
    kab = [float(r["index"]) for r in rows() if r["index"] and r["kind"] == "Kabupaten"]
    # mid-rank: below, plus half of the ties
    for x in (2.67, 3.0, min(idx), max(idx)):
        want = 100 * (sum(v < x for v in idx) + sum(v == x for v in idx) / 2) / len(idx)
        assert spbe.percentile(x) == pytest.approx(want)
    assert spbe.percentile(2.67, kind="Kabupaten") == pytest.approx(100 * (sum(v < 2.67 for v in kab) + sum(v == 2.67 for v in kab) / 2) / len(kab))
    assert spbe.percentile(0.5) == 0 and spbe.percentile(5.0) == 100
    with pytest.raises(spbe.InvalidOptionsError):
        spbe.percentile(3, year=2019)
    with pytest.raises(spbe.InvalidOptionsError):
        spbe.percentile(3, kind="Desa")
