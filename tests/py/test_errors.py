"""The Python exceptions are spbe-core's error registry, code for code."""
import inspect

import spbe
from spbe import _lowlevel
from spbe._errors import FAMILIES


def exception_classes():
    return [c for _, c in inspect.getmembers(spbe, inspect.isclass) if issubclass(c, spbe.SpbeError)]


def test_every_registered_code_has_one_class_in_its_family():
    registry = _lowlevel.error_codes()
    assert len(registry) >= 20 and len({c for c, _, _, _ in registry}) == len(registry)
    classes = exception_classes()
    for code, family, summary, _kind in registry:
        owners = [c for c in classes if c.code == code]
        assert len(owners) == 1, f"{code}: {owners or 'no class'}"
        cls = owners[0]
        parent = FAMILIES.get(family, spbe.SpbeError)
        # the family's own code is the family class itself (invalid_assessment)
        assert cls is parent or cls.__bases__ == (parent,), f"{code} ({family}): {cls.__name__} is under {cls.__bases__}"
        assert issubclass(cls, ValueError) and summary
        assert spbe._errors.ERRORS_BY_CODE[code] is cls


def test_every_class_is_registered():
    codes = {c for c, _, _, _ in _lowlevel.error_codes()}
    family_only = {spbe.SpbeError, spbe.RubricError}
    for cls in exception_classes():
        if cls not in family_only:
            assert cls.code in codes, f"{cls.__name__} has code {cls.code!r}, which spbe-core does not have"


def test_errors_from_the_core_get_their_class():
    # no_levels: once missing from the hand-written table, now an InvalidAssessmentError
    try:
        spbe.score({"rubric": "permenpanrb-8-2026", "levels": {}}, missing="renormalize")
    except spbe.InvalidAssessmentError as e:
        assert type(e) is spbe.NoLevelsError and e.code == "no_levels"
    else:
        raise AssertionError("no error")
    try:
        spbe.Rubric.builtin("permenpanrb-59-2020").indicator(99)
    except spbe.UnknownIndicatorError as e:
        assert e.code == "unknown_indicator" and e.indicator == "99"
    try:
        spbe.score({"rubric": "permenpanrb-99-2030", "levels": {}})
    except spbe.RubricError as e:
        assert type(e) is spbe.UnknownRubricError


def test_validate_lists_at_most_100_problems_of_a_kind_and_counts_the_rest():
    levels = {str(i): 3 for i in range(1, 48)}
    levels.update({f"x{k}": 1 for k in range(250)})
    problems = spbe.validate({"rubric": "permenpanrb-59-2020", "levels": levels})
    assert [p["code"] for p in problems] == ["unknown_indicator"] * 101
    assert all(p["indicator"] for p in problems[:100])
    assert problems[100]["indicator"] is None
    assert problems[100]["message"] == "... and 150 more unknown_indicator problem(s), not listed"
    # an id the edition lacks is no value a field holds: the input is wrong
    assert {p["kind"] for p in problems} == {"invalid"}
    result = spbe.check({"rubric": "permenpanrb-59-2020", "levels": levels})
    assert not result["ok"] and len(result["issues"]) == 101


def test_every_problem_says_what_kind_it_is():
    # a level 9 on a 1-5 scale and 2.5 where whole levels are taken are values
    # a field holds; "x" is no indicator of the edition; 44 indicators are left
    problems = spbe.validate({"rubric": "permenpanrb-59-2020", "levels": {"1": 9, "2": 2.5, "3": 4, "x": 1}})
    kinds = {p["code"]: p["kind"] for p in problems}
    assert kinds == {"level_out_of_range": "value", "non_integer_level": "value", "unknown_indicator": "invalid", "missing_indicator": "missing"}
    result = spbe.check({"rubric": "permenpanrb-59-2020", "levels": {"1": 9}})
    assert {(i["code"], i["kind"]) for i in result["issues"]} == {("level_out_of_range", "value"), ("missing_indicator", "missing")}
    # a track not begun is work not finished
    out = spbe.validate({"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"1": 3}}}, track="visitasi")
    assert [(p["code"], p["kind"]) for p in out] == [("track_not_present", "missing")]
    # raised errors carry it too, and keep it through pickling
    import pickle
    try:
        spbe.score({"rubric": "permenpanrb-59-2020", "levels": {"1": 3.5}})
    except spbe.NonIntegerLevelError as e:
        assert e.kind == "value" and e.to_dict()["kind"] == "value"
        assert pickle.loads(pickle.dumps(e)).kind == "value"
    else:
        raise AssertionError("no error")
    # errors the Python layer raises itself take their code's kind from the core's registry
    assert spbe.validate(42)[0]["kind"] == "invalid"
    assert spbe.MissingIndicatorError("x").kind == "missing"
    assert {k for _c, _f, _s, k in _lowlevel.error_codes()} == {"value", "missing", "invalid"}
