"""Cohort helpers on pandas and polars: long input, ranks, summaries, year-over-year change."""
import pytest

import spbe

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

R20 = "permenpanrb-59-2020"


def make(lib, data):
    return pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data, strict=False)


def recs(df):
    return df.to_dict("records") if isinstance(df, pd.DataFrame) else df.to_dicts()


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_score_long(lib):
    # two institutions, one row per indicator: A all 3 (3.00), B all 2 except indicator 42 at 5
    # (2 + 3 x 3.00 / 100 = 2.09)
    long = {"institution": [], "indicator": [], "level": []}
    for who, lv in (("A", 3), ("B", 2)):
        for i in range(1, 48):
            long["institution"].append(who)
            long["indicator"].append(str(i))
            long["level"].append(5 if (who, i) == ("B", 42) else lv)
    out = spbe.score_long(make(lib, long), rubric=R20)
    assert [(r["institution"], r["index"]) for r in recs(out)] == [("A", 3.0), ("B", 2.09)]
    dup = {k: v + [v[0]] for k, v in long.items()}
    with pytest.raises(spbe.DuplicateIndicatorError) as e:
        spbe.score_long(make(lib, dup), rubric=R20)
    assert "'A'" in e.value.message and e.value.indicator == "1"


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_rank_summarize_compare(lib):
    data = {"institution": ["A", "B", "C", "D"], "province": ["x", "x", "y", "y"], "index": [3.1, 2.5, 3.1, None],
            "predicate": ["Baik", "Cukup", "Baik", None], "domain_1": [3.0, 2.0, 4.0, None]}
    df = make(lib, data)
    ranked = recs(spbe.rank_frame(df, by="province"))
    # competition ranking: A and C tie at 1, B is 3; D has no index
    assert [(r["rank"], r["rank_in_province"]) for r in ranked] == [(1, 1), (3, 2), (1, 1), (None, None)]
    s = recs(spbe.summarize(df, rubric=R20, by="province"))
    assert s[0]["province"] == "x" and s[0]["n"] == 2 and s[0]["index_mean"] == 2.8  # (3.1 + 2.5) / 2
    assert s[0]["Baik"] == 1 and s[0]["Cukup"] == 1 and s[0]["Memuaskan"] == 0
    assert s[1]["Domain 1. Kebijakan Internal SPBE"] == 4.0
    # 2024 (59/2020) to 2026 (8/2026) is flagged as not like for like; 2023 to 2024 is comparable
    years = make(lib, {"institution": ["A", "A", "A"], "year": [2024, 2023, 2026], "index": [2.67, 2.5, 2.0]})
    c = recs(spbe.compare_years(years))
    assert [(r["year_from"], r["year_to"], r["change"], r["comparable"]) for r in c] == [(2023, 2024, 0.17, True), (2024, 2026, -0.67, False)]
    assert c[1]["edition_to"] == "permenpanrb-8-2026"
