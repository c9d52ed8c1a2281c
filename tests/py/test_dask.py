"""Scale-out: score_frame inside dask's map_partitions gives what one pandas
call gives, and its errors name the global row label."""
import pytest

import spbe

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")

R20 = "permenpanrb-59-2020"


def frame(n):
    data = {"institution": [f"i{k}" for k in range(n)]}
    for i in range(1, 48):
        data[str(i)] = [1 + (k * i) % 5 for k in range(n)]
    return pd.DataFrame(data, index=[f"row-{k}" for k in range(n)])


def test_map_partitions_equals_one_call():
    df = frame(200)
    whole = spbe.score_frame(df, rubric=R20)
    meta = whole.iloc[:0]
    parted = dd.from_pandas(df, npartitions=4, sort=False).map_partitions(spbe.score_frame, rubric=R20, meta=meta).compute()
    # dask stores strings as pyarrow strings: the values are compared, not the string dtype
    pd.testing.assert_frame_equal(parted, whole, check_dtype=False, check_index_type=False)
    assert list(parted.index) == list(whole.index)


def test_errors_in_a_partition_carry_the_global_label():
    df = frame(200)
    df.loc["row-150", "12"] = 9
    with pytest.raises(spbe.LevelOutOfRangeError) as e:
        dd.from_pandas(df, npartitions=4, sort=False).map_partitions(spbe.score_frame, rubric=R20, meta=spbe.score_frame(frame(1), rubric=R20).iloc[:0]).compute()
    assert e.value.row == "row-150" and e.value.indicator == "12"


def test_spark_schema():
    s = spbe.spark_schema(R20, "institution string")
    assert s.startswith("institution string, `index` double, `predicate` string, `official` boolean, `missing` string, `domain_1` double")
    assert s.endswith("`aspect_8` double")
    assert "`predicate_label` string" in spbe.spark_schema("permenpanrb-8-2026")
