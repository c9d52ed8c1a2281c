"""spbe.plan: the same plan as the CLI, typed, with typed errors."""
import decimal
import json
import pathlib
import subprocess
import tempfile

import pytest

import spbe

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kabupaten-sukamaju-2024.json"
EXAMPLE_2026 = ROOT / "examples" / "kabupaten-sukamaju-2026.json"


def test_plan_equals_the_cli(cli):
    with tempfile.TemporaryDirectory() as d:
        costs = pathlib.Path(d) / "costs.json"
        costs.write_text(json.dumps({"42": 3, "43": "0.5"}))
        out = subprocess.run(
            [cli, "plan", str(EXAMPLE), "--to", "Sangat Baik", "--costs", str(costs), "--freeze", "47,46", "--format", "json"],
            capture_output=True, text=True, check=True,
        )
    p = spbe.plan(EXAMPLE, to="Sangat Baik", costs={42: 3, "43": decimal.Decimal("0.5")}, frozen=[47, "46"])
    assert p.to_dict() == json.loads(out.stdout)
    assert p.method == "dynamic_programming"
    assert all(s.indicator not in ("46", "47") for s in p.steps)
    assert p.after.predicate == "Sangat Baik" and p.before.predicate == "Baik"
    # the steps and the levels after agree
    for s in p.steps:
        assert p.levels_after[s.indicator] == s.to_level
    # the plan's levels score to the plan's index
    after = spbe.score({"rubric": p.rubric, "year": 2024, "levels": p.levels_after})
    assert after.index_exact == p.after.index_exact


def test_plan_to_an_index_on_2026_and_met_already():
    p = spbe.plan(EXAMPLE_2026, to=2.6)
    assert p.target.index == "2.60" and p.after.index >= 2.6
    assert all(isinstance(s.to_level, int) for s in p.steps)
    met = spbe.plan(EXAMPLE_2026, to="Kurang")
    assert met.met_already and met.steps == [] and met.cost_exact == "0"


def test_plan_errors_are_typed():
    with pytest.raises(spbe.UnreachableTargetError) as e:
        spbe.plan(EXAMPLE, to="Memuaskan", frozen=list(range(1, 40)))
    assert e.value.code == "unreachable_target" and "best" not in e.value.message.lower() or "index is" in e.value.message
    with pytest.raises(spbe.InvalidOptionsError):
        spbe.plan(EXAMPLE, to="Bagus")
    with pytest.raises(spbe.UnknownIndicatorError):
        spbe.plan(EXAMPLE, to="Baik", costs={"99": 1})
    with pytest.raises(spbe.InvalidOptionsError):
        spbe.plan(EXAMPLE, to="Baik", costs={"1": True})
    with pytest.raises(spbe.LevelOutOfRangeError):
        spbe.plan(EXAMPLE, to="Baik", max_levels={"1": 9})


def test_criteria_met_gives_the_supported_level():
    levels = {i: 3 for i in range(1, 48)}
    r = spbe.score({"rubric": "permenpanrb-59-2020", "levels": levels, "criteria_met": {1: [1, 2, 3, 4], 2: [1, 2, 4]}})
    by_id = {i.id: i for i in r.indicators}
    assert (by_id["1"].supported_level, by_id["1"].above_evidence) == (4, False)
    assert (by_id["2"].supported_level, by_id["2"].above_evidence) == (2, True)
    assert by_id["3"].supported_level is None
    assert r.above_evidence == ("2",)
    with pytest.raises(spbe.DuplicateIndicatorError):
        spbe.score({"rubric": "permenpanrb-59-2020", "levels": levels, "criteria_met": {1: [1], "1": [2]}})


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_plan_frame(lib):
    # row A: all 3 -> Sangat Baik: 12 steps of 3 % and six of 2.75 % (hand-computed: 3.525 -> 3.53)
    # row B: all 2 -> 18 steps of 3 %, 30 of 2.75 %, 6 of 2.5 %: 54 + 82.5 + 15 = 151.5 points -> 3.515 -> 3.52
    rows = [dict({str(i): 3 for i in range(1, 48)}, name="A"), dict({str(i): 2 for i in range(1, 48)}, name="B")]
    mod = pytest.importorskip(lib)
    df = mod.DataFrame(rows)
    out = spbe.plan_frame(df, rubric="permenpanrb-59-2020", to="Sangat Baik")
    got = out.to_dicts() if lib == "polars" else out.to_dict("records")
    assert [(r["name"], r["plan_steps"], r["plan_index"], r["plan_predicate"]) for r in got] == [
        ("A", 18, 3.53, "Sangat Baik"),
        ("B", 54, 3.52, "Sangat Baik"),
    ]
    assert got[0]["plan_raise"].startswith("32:3->5, 33:3->5, 34:3->5, 42:3->5")
    # the same plans as spbe.plan on each row
    for r in rows:
        p = spbe.plan({k: v for k, v in r.items() if k != "name"}, rubric="permenpanrb-59-2020", to="Sangat Baik")
        assert p.cost == next(g["plan_cost"] for g in got if g["name"] == r["name"])
    # an unreachable row: collected, or raised naming the row
    out = spbe.plan_frame(df, rubric="permenpanrb-59-2020", to="Baik", frozen=list(range(1, 45)), errors="collect")
    got = out.to_dicts() if lib == "polars" else out.to_dict("records")
    assert got[0]["plan_steps"] == 0 and got[0]["plan_error"] is None
    assert "cannot be reached" in got[1]["plan_error"]
    with pytest.raises(spbe.UnreachableTargetError) as e:
        spbe.plan_frame(df, rubric="permenpanrb-59-2020", to="Baik", frozen=list(range(1, 45)))
    assert e.value.row == 1 and e.value.message.startswith("row 1: ")
