"""Every conformance vector in tests/vectors gives the same result in Python as in Rust."""
import json

import pytest

import spbe
from conftest import VECTORS


def test_the_vector_set_is_there():
    assert len(VECTORS) >= 50


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
def test_vector(path):
    case = json.loads(path.read_text())
    opts = case.get("options", {})
    expect = case["expect"]
    kwargs = {k: opts[k] for k in ("track", "missing", "predicate_basis") if k in opts}
    if "error" in expect:
        with pytest.raises(spbe.SpbeError) as info:
            spbe.score(case["input"], **kwargs)
        err = info.value
        assert isinstance(err, ValueError)
        assert err.code == expect["error"], err
        if "indicator" in expect:
            assert err.indicator == expect["indicator"]
        if err.indicator:
            assert err.indicator in str(err)
        # validate() reports the same problem and never raises
        problems = spbe.validate(case["input"], **kwargs)
        assert expect["error"] in [p["code"] for p in problems]
        return
    r = spbe.score(case["input"], **kwargs)
    assert r.index == expect["index"]
    assert r.index_text == expect["index_text"]
    assert r.index_exact == expect["index_exact"]
    assert r.predicate == expect["predicate"]
    rule = r.to_dict()["predicate_rule"]
    if "predicate_basis" in expect:
        assert rule["basis"] == expect["predicate_basis"]
    if "predicate_reason" in expect:
        assert rule["reason"] == expect["predicate_reason"]
    assert {d.id: d.index for d in r.domains} == expect["domains"]
    assert {a.id: a.index for a in r.aspects} == expect["aspects"]
    assert spbe.validate(case["input"], **kwargs) == []
