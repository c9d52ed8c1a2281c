"""spbe: exact computation of Indonesia's SPBE / Digital Government maturity index.

The arithmetic is spbe-core's (Rust), compiled into :mod:`spbe._lowlevel`; this
package converts Python values at the edge.

>>> import spbe
>>> r = spbe.score({str(i): 3 for i in range(1, 48)}, rubric="permenpanrb-59-2020")
>>> r.index, r.predicate
(3.0, 'Baik')

Frames (pandas or polars; one row per assessment, one column per indicator id)::

    out = spbe.score_frame(df, rubric="permenpanrb-59-2020")    # adds index, predicate, domains, aspects
    plans = spbe.plan_frame(df, rubric="permenpanrb-59-2020", to="Baik")

Planning and the evaluation report::

    spbe.plan(assessment, to="Sangat Baik")     # the cheapest rises of levels
    spbe.score(assessment).to_html()            # the LHE-style report (Jupyter shows it)
"""
from __future__ import annotations

import decimal
import fractions
import json
import os
import re
import secrets
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _lowlevel
from ._types import MissingPolicy, PredicateBasis, TrackName
from ._errors import (
    ArithmeticOverflowError,
    DuplicateIndicatorError,
    InputTooLargeError,
    InvalidAssessmentError,
    InvalidBatchError,
    InvalidLevelTypeError,
    InvalidOptionsError,
    InvalidRubricError,
    RubricError,
    InvalidVectorError,
    LevelOutOfRangeError,
    MalformedJsonError,
    MissingIndicatorError,
    NoLevelsError,
    NonIntegerLevelError,
    NotRepeatableError,
    RubricMismatchError,
    SpbeError,
    SpbeIOError,
    TooManyDecimalsError,
    TrackNotPresentError,
    UnknownIndicatorError,
    UnknownRubricError,
    UnknownTrackError,
    UnreachableTargetError,
    IssueKind,
    WrongItemCountError,
    from_core,
)
from ._frame import plan_frame, rubric_for_year, score_frame, validate_frame
from ._published import percentile, published_results
from ._cohort import compare_years, rank_frame, score_long, spark_schema, summarize
from ._plan import Plan, PlanResult, PlanStep, PlanTarget
from ._report import AspectScore, DomainScore, IndicatorScore, LevelValue, NextPredicate, PredicateRule, Report
from ._rubric import Aspect, Domain, Indicator, LevelInfo, Predicate, Rubric, _read_text_or_path, rubrics

__version__: str = _lowlevel.__version__

__all__ = [
    "score", "validate", "check", "plan", "score_frame", "plan_frame", "validate_frame", "rubric_for_year", "published_results", "percentile", "score_long", "rank_frame", "summarize", "compare_years", "spark_schema", "to_vector", "from_vector", "rubrics", "Rubric",
    "Report", "DomainScore", "AspectScore", "IndicatorScore", "NextPredicate", "PredicateRule", "LevelValue",
    "Domain", "Aspect", "Indicator", "LevelInfo", "Predicate", "Plan", "PlanResult", "PlanStep", "PlanTarget",
    "IssueKind", "SpbeError", "InvalidAssessmentError", "UnknownRubricError", "UnknownIndicatorError", "LevelOutOfRangeError",
    "NonIntegerLevelError", "InvalidLevelTypeError", "TooManyDecimalsError", "NoLevelsError", "NotRepeatableError", "WrongItemCountError", "DuplicateIndicatorError",
    "MissingIndicatorError", "MalformedJsonError", "UnknownTrackError", "TrackNotPresentError", "RubricMismatchError",
    "InputTooLargeError", "RubricError", "InvalidRubricError", "InvalidVectorError", "InvalidBatchError", "InvalidOptionsError",
    "ArithmeticOverflowError", "SpbeIOError", "UnreachableTargetError",
]

Assessment = Union[Mapping[Any, Any], str, "os.PathLike[str]"]
RubricLike = Union[str, Rubric, None]

_SPBE_KEYS = ("rubric", "levels", "tracks")


def _resolve_rubric(rubric: RubricLike) -> Optional[Rubric]:
    if rubric is None:
        return None
    if isinstance(rubric, Rubric):
        return rubric
    if isinstance(rubric, str):
        return Rubric.builtin(rubric)
    raise TypeError(f"rubric must be an edition id (str) or a spbe.Rubric, got {type(rubric).__name__}")


# A Decimal (or terminating Fraction) that no float equals goes into the JSON
# text as a number literal with all its digits, as a file would hold it (so a
# 19-digit value is refused for what it is, not for being a string). json.dumps
# cannot write a raw literal, so it writes a marked string that is unwrapped
# afterwards; the mark holds a NUL and a per-process random token.
_NUMBER = "\x00spbe-number-" + secrets.token_hex(8) + ":"
_NUMBER_RE = re.compile('"' + re.escape(json.dumps(_NUMBER)[1:-1]) + r'(-?[0-9]+(?:\.[0-9]+)?)\\u0000"')


def _dumps(d: Any) -> str:
    text = json.dumps(d, default=_json_default, ensure_ascii=False, allow_nan=False)
    return _NUMBER_RE.sub(r"\1", text) if "spbe-number-" in text else text


def _json_default(o: Any) -> Any:
    # numpy scalars and arrays, Decimal, Fraction at the edge; a bool stays a bool.
    # Nothing goes through a float that would change the value: a Decimal or
    # Fraction goes as a JSON number when that number is exactly it, else as its
    # exact text ("1.260000000000000000001", "7/6"); a float32 as its own
    # shortest decimal (1.26, not 1.2599999904632568).
    if hasattr(o, "__index__"):
        return o.__index__()
    dtype = getattr(o, "dtype", None)
    if dtype is not None and getattr(dtype, "kind", "") == "f" and getattr(dtype, "itemsize", 8) < 8:
        return [float(x) for x in o.astype(str).ravel().tolist()] if getattr(o, "ndim", 0) else float(str(o))
    if hasattr(o, "tolist"):
        return o.tolist()
    if isinstance(o, decimal.Decimal):
        if not o.is_finite():
            return str(o)  # refused by spbe-core, naming the indicator
        if o == o.to_integral_value():
            return int(o)
        f = float(o)
        return f if decimal.Decimal(repr(f)) == o else _NUMBER + format(o, "f") + "\x00"
    if isinstance(o, fractions.Fraction):
        if o.denominator == 1:
            return o.numerator
        f = float(o)
        if fractions.Fraction(repr(f)) == o:
            return f
        d = o.denominator
        for p in (2, 5):
            while d % p == 0:
                d //= p
        if d == 1:  # a terminating decimal: a JSON number, digit for digit
            with decimal.localcontext() as ctx:
                ctx.prec = 1000
                return _NUMBER + format(decimal.Decimal(o.numerator) / decimal.Decimal(o.denominator), "f") + "\x00"
        return f"{o.numerator}/{o.denominator}"
    if hasattr(o, "__float__"):
        return float(o)
    raise TypeError(f"{type(o).__name__} is not a level (use numbers)")


def _value(v: Any) -> Any:
    """A level value for JSON. NaN, pandas' NA and None are no level (a missing
    indicator, as in a frame); infinities are not JSON, so they go as their
    text and spbe-core rejects them naming the indicator."""
    if type(v).__name__ == "NAType":
        return None
    if isinstance(v, float) and v != v:
        return None  # NaN is no level, as in a frame: a missing indicator
    if isinstance(v, float) and v in (float("inf"), float("-inf")):
        return str(v)
    if isinstance(v, (list, tuple)):
        # one level of items (the 2018 services); anything deeper is left for
        # spbe-core to refuse, without recursing here
        return [str(x) if isinstance(x, float) and (x != x or x in (float("inf"), float("-inf"))) else x for x in v]
    return v


def _keyed(m: Mapping[Any, Any], place: str, value: Any = None) -> Dict[str, Any]:
    """The mapping with string keys; two keys naming one indicator (``1`` and
    ``"1"``) are a duplicate, never last-wins."""
    out: Dict[str, Any] = {}
    for k, v in m.items():
        key = _key(k)
        if key in out:
            raise DuplicateIndicatorError(
                f"indicator {key!r} appears more than once in {place} (as {k!r} and another key naming it); give each indicator once",
                indicator=key,
            )
        out[key] = value(v) if value else v
    return out


def _levels(m: Mapping[Any, Any], place: str = "levels") -> Dict[str, Any]:
    return _services(_keyed(m, place, _value))


def _key(k: Any) -> str:
    if isinstance(k, bool):
        return str(k)
    if hasattr(k, "__index__"):
        return str(k.__index__())
    return str(k)


def _as_row(assessment: Any) -> Any:
    """A pandas Series (a frame's row) as a dict; anything else unchanged."""
    if type(assessment).__name__ == "Series" and type(assessment).__module__.split(".")[0] == "pandas":
        return {str(k): v for k, v in assessment.to_dict().items()}
    return assessment


def _services(levels: Dict[str, Any]) -> Dict[str, Any]:
    """2018's service columns "35.1", "35.2", "35.3" (as a frame has them) as
    one list for indicator 35, in order, empty ones left out."""
    if not any("." in k for k in levels):
        return levels
    out: Dict[str, Any] = {}
    items: Dict[str, List[Tuple[int, Any]]] = {}
    for k, v in levels.items():
        ind, dot, item = k.partition(".")
        if dot and item.isdigit() and ind:
            if ind in levels:
                raise DuplicateIndicatorError(
                    f"indicator {ind!r} is given both as {ind!r} and as service columns ({k!r}); give one or the other", indicator=ind
                )
            if v is not None:
                items.setdefault(ind, []).append((int(item), v))
        else:
            out[k] = v
    for ind, vals in items.items():
        out[ind] = [v for _, v in sorted(vals, key=lambda x: x[0])]
    return out


def _prepare(assessment: Assessment, rubric: RubricLike) -> Tuple[str, Optional[Rubric]]:
    """The assessment as JSON text or a vector, and the rubric object to use (if any)."""
    rb = rubric if isinstance(rubric, Rubric) else None
    rid = rubric.id if isinstance(rubric, Rubric) else rubric
    assessment = _as_row(assessment)
    if isinstance(assessment, Mapping):
        if any(k in assessment for k in _SPBE_KEYS):
            d: Dict[str, Any] = dict(assessment)
            if rid is not None and "rubric" not in d:
                d["rubric"] = rid
            for key in ("notes", "evidence", "criteria_met"):
                if isinstance(d.get(key), Mapping):
                    d[key] = _keyed(d[key], key)
            if isinstance(d.get("levels"), Mapping):
                d["levels"] = _levels(d["levels"])
            if isinstance(d.get("tracks"), Mapping):
                d["tracks"] = {t: (_levels(m, f"tracks.{t}") if isinstance(m, Mapping) else m) for t, m in d["tracks"].items()}
        else:
            if rid is None:
                raise UnknownRubricError("a plain {indicator: level} mapping needs rubric= (e.g. rubric=\"permenpanrb-59-2020\")")
            d = {"rubric": rid, "levels": _levels(assessment)}
        try:
            return _dumps(d), rb
        except (TypeError, ValueError) as e:
            raise InvalidAssessmentError(f"cannot read the assessment: {e}") from None
        except RecursionError:
            raise InvalidAssessmentError("cannot read the assessment: it is nested too deeply") from None
    if isinstance(assessment, (str, os.PathLike)):
        text = _read_text_or_path(assessment)
        return text, rb
    raise InvalidAssessmentError(f"an assessment is a dict, a JSON or vector string, or a path; got {type(assessment).__name__}")


def _options(track: Optional[str], missing: str, predicate_basis: Optional[str], year: Optional[int] = None) -> str:
    return _options_and_handle(track, missing, predicate_basis, year)[0]


# options seen before, as (JSON text, parsed options or None when the core refuses them)
_OPTIONS: Dict[Any, Tuple[str, Any]] = {}


def _options_and_handle(track: Any, missing: Any, predicate_basis: Any, year: Any) -> Tuple[str, Any]:
    """The options as JSON text, and parsed by spbe-core once (``None`` when
    it refuses them: the JSON path then reports that in its usual order)."""
    if track is None and predicate_basis is None and year is None and type(missing) is str:
        hit = _OPTIONS.get(missing)  # the common call, keyed by the policy alone
        key: Any = missing
    else:
        # the types too: True == 1 and 2024.0 == 2024, but their JSON differs
        key = (track, missing, predicate_basis, year, type(track), type(missing), type(predicate_basis), type(year))
        try:
            hit = _OPTIONS.get(key)
        except TypeError:  # unhashable: not kept
            key = hit = None
    if hit is not None:
        return hit
    text = _options_json(track, missing, predicate_basis, year)
    try:
        handle: Any = _lowlevel.OptionsHandle(text)
    except _lowlevel.CoreError:
        handle = None
    if key is not None and len(_OPTIONS) < 256:
        _OPTIONS[key] = (text, handle)
    return text, handle


#: Whether a dict may go to spbe-core without JSON text (the tests turn it
#: off to check that both paths answer alike).
_DIRECT = True


def _direct(assessment: Any, rubric: RubricLike) -> Optional[Tuple[Optional[str], Optional[Rubric]]]:
    """The edition id given and the Rubric object, when a dict can go to
    spbe-core without JSON text; ``None`` for the JSON path."""
    if type(assessment) is not dict or not _DIRECT:
        return None
    if rubric is None or type(rubric) is str:
        return rubric, None
    if isinstance(rubric, Rubric):
        return rubric._id, rubric
    return None


def _options_json(track: Any, missing: Any, predicate_basis: Any, year: Any) -> str:
    o: Dict[str, Any] = {"missing": missing}
    if predicate_basis is not None:
        o["predicate_basis"] = predicate_basis
    if year is not None:
        o["year"] = year
    if track is not None:
        o["track"] = track
    return json.dumps(o)


def _handle(rb: Optional[Rubric]) -> Any:
    return rb._handle if rb is not None else None


def score(
    assessment: Assessment,
    *,
    rubric: RubricLike = None,
    track: Optional[TrackName] = None,
    missing: MissingPolicy = "error",
    predicate_basis: Optional[PredicateBasis] = None,
    year: Optional[int] = None,
) -> Report:
    """Scores one assessment.

    ``assessment`` is a dict in the spbe JSON format (with its ``"rubric"`` key),
    a path to such a file, JSON text, a compact vector string, or a plain
    ``{indicator: level}`` mapping together with ``rubric=``.

    ``track`` picks a track of an assessment with ``tracks`` (``mandiri``,
    ``dokumen``, ``interviu``, ``visitasi``, ``target`` or ``final``, the default).
    ``missing`` is ``"error"`` (official), ``"lowest"`` or ``"renormalize"``
    (both non-official). The predicate is read from the exact or the rounded
    index as the edition rules for the assessment's ``year`` (59/2020: 2023
    rounded, 2024 exact; otherwise the edition's default, exact);
    ``predicate_basis="reported"`` or ``"exact"`` overrides that, and ``year``
    gives the evaluation year of an assessment without one. The report's
    ``predicate_rule`` says which rule was applied and why.

    Values are exact: 8/2026 takes any number from 1 to 5 (``1.26``,
    ``"1.26"``, ``"7/6"``, ``decimal.Decimal("1.26")``, ``fractions.Fraction(7, 6)``);
    a float is read as its shortest decimal (``1.26`` is 126/100).

    Raises a :class:`SpbeError` subclass (a ``ValueError``) for bad input.
    """
    try:
        options_json, opts = _options_and_handle(track, missing, predicate_basis, year)
    except (TypeError, ValueError):  # options json.dumps cannot write: raised below, in order
        options_json, opts = "", None
    if type(assessment) is not dict:
        assessment = _as_row(assessment)
    direct = _direct(assessment, rubric) if opts is not None else None
    if direct is not None:
        rid, rb = direct
        try:
            core = _lowlevel.score_dict(assessment, rid, opts, None if rb is None else rb._handle)
        except _lowlevel.CoreError as e:
            raise from_core(e.args) from None
        if core is not None:
            return Report._new(core, rb, None, options_json)
    text, rb = _prepare(assessment, rubric)
    options_json = options_json or _options(track, missing, predicate_basis, year)
    try:
        core = _lowlevel.score(text, options_json, _handle(rb))
    except _lowlevel.CoreError as e:
        raise from_core(e.args) from None
    return Report._new(core, rb, text, options_json)


def _number(v: Any) -> Any:
    """A cost or level as JSON: exact types become their text."""
    if isinstance(v, bool):
        raise TypeError("a cost or level must be a number, not a bool")
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, fractions.Fraction):
        return f"{v.numerator}/{v.denominator}"
    return v


def plan(
    assessment: Assessment,
    *,
    to: Union[str, int, float, decimal.Decimal],
    costs: Optional[Mapping[Any, Any]] = None,
    max_levels: Optional[Mapping[Any, Any]] = None,
    frozen: Optional[List[Any]] = None,
    rubric: RubricLike = None,
    track: Optional[TrackName] = None,
    missing: MissingPolicy = "error",
    predicate_basis: Optional[PredicateBasis] = None,
    year: Optional[int] = None,
) -> Plan:
    """The cheapest rises of levels that bring an assessment to a target.

    ``to`` is a predicate (``"Baik"``; a 2026 label or the English name works
    too) or an index (``3.0``, ``"3.00"``): the reported 2-decimal index must
    reach it, under the same predicate rule the report applies. ``costs`` maps
    indicators to the cost of one step (default 1; non-negative numbers,
    ``Decimal`` or ``Fraction``); ``max_levels`` caps indicators; ``frozen``
    lists indicators that must not change. A step is one level, or on
    8/2026's continuous scale a rise to the next whole number.

    The plan has the least total cost; among those the highest index; then
    the most steps on indicators earlier in the rubric. It is exact (a proven
    greedy rule for equal costs, else dynamic programming over exact gains).
    Raises :class:`UnreachableTargetError` when no allowed rise reaches the
    target (the message gives the best reachable index), or another
    :class:`SpbeError` for bad input.

    >>> p = plan("examples/kabupaten-sukamaju-2024.json", to="Sangat Baik")  # doctest: +SKIP
    >>> [(s.indicator, s.from_level, s.to_level) for s in p.steps]  # doctest: +SKIP
    """
    text, rb = _prepare(assessment, rubric)
    request: Dict[str, Any] = {"to": _number(to)}
    try:
        if costs:
            request["costs"] = {str(k): _number(v) for k, v in costs.items()}
        if max_levels:
            request["max_levels"] = {str(k): _number(v) for k, v in max_levels.items()}
        if frozen:
            request["frozen"] = [str(k) for k in frozen]
        request_json = json.dumps(request)
    except (TypeError, ValueError) as e:
        raise InvalidOptionsError(f"plan request: {e}", code="invalid_options") from None
    try:
        out = _lowlevel.plan(text, _options(track, missing, predicate_basis, year), request_json, _handle(rb))
    except _lowlevel.CoreError as e:
        raise from_core(e.args) from None
    return Plan._from_json(out)


def validate(
    assessment: Any,
    *,
    rubric: RubricLike = None,
    track: Optional[TrackName] = None,
    missing: MissingPolicy = "error",
    predicate_basis: Optional[PredicateBasis] = None,
    year: Optional[int] = None,
) -> List[Dict[str, Optional[str]]]:
    """Every problem of an assessment, as dicts ``{"code", "kind", "indicator", "message"}``.

    ``kind`` says what kind of problem it is (spbe-core decides it):
    ``"value"`` (a value on one indicator that cannot be scored as given),
    ``"missing"`` (work not finished: indicators without a level, a track with
    none, a track not begun) or ``"invalid"`` (the assessment itself is
    wrong). An empty list means it scores. Never raises (a problem with the
    arguments themselves is reported in the list too).
    """
    try:
        rb = _resolve_rubric(rubric)
        text, rb = _prepare(assessment, rb if rb is not None else rubric)
        problems = _lowlevel.validate(text, _options(track, missing, predicate_basis, year), _handle(rb))
    except SpbeError as e:
        return [e.to_dict()]
    except _lowlevel.CoreError as e:
        return [from_core(e.args).to_dict()]
    except (TypeError, ValueError, OSError) as e:
        return [InvalidAssessmentError(str(e)).to_dict()]
    return [{"code": c, "kind": k, "indicator": i, "message": m} for c, i, m, k in problems]


def check(
    assessment: Assessment,
    *,
    rubric: RubricLike = None,
    track: Optional[TrackName] = None,
    missing: MissingPolicy = "error",
    predicate_basis: Optional[PredicateBasis] = None,
    year: Optional[int] = None,
) -> Dict[str, Any]:
    """The report, or every problem found: ``{"ok": True, "report": Report}``
    or ``{"ok": False, "issues": [{"code", "kind", "indicator", "message"}, ...]}``, the
    same shape as the JS ``check``. Never raises: a problem with the argument
    itself is an issue too."""
    try:
        options_json, opts = _options_and_handle(track, missing, predicate_basis, year)
    except (TypeError, ValueError):
        options_json, opts = "", None
    try:
        assessment = _as_row(assessment)
        direct = _direct(assessment, rubric) if opts is not None else None
        out = None
        text: Optional[str] = None
        if direct is not None:
            rid, rb = direct
            out = _lowlevel.check_dict(assessment, rid, opts, _handle(rb))
        if out is None:
            text, rb = _prepare(assessment, rubric)
            options_json = options_json or _options(track, missing, predicate_basis, year)
            out = _lowlevel.check(text, options_json, _handle(rb))
    except SpbeError as e:
        return {"ok": False, "issues": [e.to_dict()]}
    except _lowlevel.CoreError as e:
        return {"ok": False, "issues": [from_core(e.args).to_dict()]}
    core, issues = out
    if core is not None:
        return {"ok": True, "report": Report._new(core, rb, text, options_json)}
    return {"ok": False, "issues": json.loads(issues or "[]")}


def to_vector(assessment: Assessment, *, rubric: RubricLike = None) -> str:
    """The compact, URL-safe vector of an assessment (e.g. ``SPBE1.permenpanrb-59-2020.L34...``)."""
    text, rb = _prepare(assessment, rubric)
    try:
        return str(_lowlevel.to_vector(text, _handle(rb)))
    except _lowlevel.CoreError as e:
        raise from_core(e.args) from None


def from_vector(vector: str, *, rubric: Optional[Rubric] = None) -> Dict[str, Any]:
    """The assessment (a dict in the spbe JSON format) of a vector."""
    try:
        return json.loads(_lowlevel.from_vector(vector, _handle(rubric)))  # type: ignore[no-any-return]
    except _lowlevel.CoreError as e:
        raise from_core(e.args) from None


def __dir__() -> List[str]:
    """The public API only (``dir(spbe)``), not the helpers this module imports."""
    return sorted(__all__)
