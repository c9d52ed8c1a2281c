"""Property tests (hypothesis) of the Python package."""
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spbe

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

EDITIONS = {r.id: r for r in spbe.rubrics()}


@st.composite
def assessments(draw):
    rid = draw(st.sampled_from(sorted(EDITIONS)))
    rb = EDITIONS[rid]
    lo = min(l.level for i in rb.indicators for l in i.levels)
    levels = {}
    for ind in rb.indicators:
        if ind.items:
            levels[ind.id] = draw(st.lists(st.integers(lo, 5), min_size=ind.items[0], max_size=ind.items[1]))
        else:
            levels[ind.id] = draw(st.integers(lo, 5))
    d = {"rubric": rid, "levels": levels}
    if draw(st.booleans()):
        d["institution"] = draw(st.text(max_size=30))
        d["year"] = draw(st.integers(1990, 2100))
        d["notes"] = {draw(st.sampled_from([i.id for i in rb.indicators])): draw(st.text(max_size=40))}
    return d


@settings(max_examples=60, deadline=None)
@given(assessments())
def test_rescoring_is_stable(d):
    r = spbe.score(d)
    assert spbe.score(d).to_dict() == r.to_dict()
    # and through the vector of its own input
    again = spbe.from_vector(spbe.to_vector(d))
    assert again == d
    assert spbe.score(again).to_dict() == r.to_dict()
    assert pickle.loads(pickle.dumps(r)) == r


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(EDITIONS)), st.integers(0, 40), st.sampled_from(["pandas", "polars"]), st.data())
def test_score_frame_equals_per_row_score(rid, n, lib, data):
    rb = EDITIONS[rid]
    lo = 0 if rid == "permenpanrb-5-2018" else 1
    cols = {}
    for slot in rb.slot_names:
        optional = slot.endswith((".2", ".3"))
        cells = st.one_of(st.none(), st.integers(lo, 5)) if optional else st.integers(lo, 5)
        cols[slot] = data.draw(st.lists(cells, min_size=n, max_size=n))
    df = pd.DataFrame(cols) if lib == "pandas" else pl.DataFrame(cols, strict=False)
    out = spbe.score_frame(df, rubric=rid)
    index = list(out["index"]) if lib == "pandas" else out["index"].to_list()
    preds = [str(p) for p in (out["predicate"] if lib == "pandas" else out["predicate"].to_list())]
    for k in range(n):
        levels = {}
        for ind in rb.indicators:
            if ind.items:
                levels[ind.id] = [cols[s][k] for s in rb.slot_names if s.split(".")[0] == ind.id and cols[s][k] is not None]
            else:
                levels[ind.id] = cols[ind.id][k]
        r = spbe.score(levels, rubric=rid)
        assert index[k] == r.index and preds[k] == r.predicate


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.integers(6, 10**6), st.integers(-10**6, -1), st.floats(allow_nan=False).filter(lambda x: x != int(x) if abs(x) < 1e15 else True), st.text(max_size=3), st.booleans()))
def test_invalid_levels_raise_a_value_error(bad):
    levels = {str(i): 3 for i in range(1, 48)}
    levels["17"] = bad
    with pytest.raises(spbe.SpbeError) as e:
        spbe.score(levels, rubric="permenpanrb-59-2020")
    assert isinstance(e.value, ValueError) and e.value.indicator == "17"


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(sorted(EDITIONS)))
def test_pickle_rubric(rid):
    rb = EDITIONS[rid]
    assert pickle.loads(pickle.dumps(rb)) == rb


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(EDITIONS)), st.integers(1, 12), st.sampled_from(["lowest", "renormalize"]), st.data())
def test_one_value_model_rows_of_a_frame_score_alike(rid, n, missing, data):
    # empty cells, whole floats and (8/2026) 2-decimal values: a frame row given to score()
    # (as a pandas Series, 2018's service columns included) scores as the frame scores it
    rb = EDITIONS[rid]
    lo = 0 if rid == "permenpanrb-5-2018" else 1
    continuous = rid == "permenpanrb-8-2026"
    value = st.integers(lo * 100, 500).map(lambda x: x / 100) if continuous else st.integers(lo, 5).map(float)
    cols = {slot: data.draw(st.lists(st.one_of(st.none(), value), min_size=n, max_size=n)) for slot in rb.slot_names}
    # every row keeps at least one value, so there is something to score
    for k in range(n):
        cols[rb.slot_names[0]][k] = cols[rb.slot_names[0]][k] if cols[rb.slot_names[0]][k] is not None else float(lo + 1)
    df = pd.DataFrame(cols, dtype="float64")
    out = spbe.score_frame(df, rubric=rid, missing=missing)
    for k in range(n):
        r = spbe.score(df.iloc[k], rubric=rid, missing=missing)
        assert (r.index, r.predicate, r.official) == (out["index"][k], str(out["predicate"][k]), bool(out["official"][k]))
