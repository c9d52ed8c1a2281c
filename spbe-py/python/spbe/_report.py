"""Typed results of scoring."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

#: An indicator value as given: a whole level, a decimal (8/2026: ``1.26``), or a
#: string as written (``"7/6"``).
LevelValue = Union[int, float, str]


@dataclass(frozen=True)
class NextPredicate:
    """The band above the index: its name, lower bound and how far the index is below it."""

    name: str
    min: float
    gap: float
    #: Whether the band includes ``min`` (5/2018, 59/2020); for 8/2026 the index must rise above it.
    min_inclusive: bool = True


@dataclass(frozen=True)
class PredicateRule:
    """Which value the predicate was read from, and why."""

    #: ``"exact"`` (the unrounded index) or ``"reported"`` (rounded to 2 decimals).
    basis: str
    #: ``"option"``, ``"year"`` (the edition's rule for the evaluation year) or ``"edition_default"``.
    reason: str
    year: Optional[int]
    #: The edition's evidence for the rule.
    evidence: Optional[str]


@dataclass(frozen=True)
class DomainScore:
    id: str
    name: str
    name_en: Optional[str]
    weight: float
    #: Reported index (2 decimals); ``None`` only when a renormalising policy left the domain empty.
    index: Optional[float]
    index_exact: Optional[str]
    predicate: Optional[str]


@dataclass(frozen=True)
class AspectScore:
    id: str
    domain: Optional[str]
    name: str
    name_en: Optional[str]
    weight: float
    index: Optional[float]
    index_exact: Optional[str]
    predicate: Optional[str]


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator's result. Its name, question and criteria are in the rubric:
    ``spbe.Rubric.builtin(report.rubric).indicator(score.id)``."""

    id: str
    aspect: str
    #: The value as given (``None`` when missing, or for a list of services).
    level: Optional[LevelValue]
    #: All item values (one per reported service for the 2018 indicator 35).
    levels: Tuple[LevelValue, ...]
    #: Which stage the level came from (``dokumen``, ``interviu``, ... for the ``final`` track).
    source: Optional[str]
    #: The rubric weight (percent of the index; per item for a repeatable indicator).
    weight: float
    #: Points of the index this indicator contributes (4 decimals, from exact values).
    contribution: float
    #: How much the index would rise with this indicator one level higher (4 decimals).
    gain: Optional[float]
    missing: bool
    #: The official name and our English name, from the rubric (not in ``to_dict()``,
    #: which is exactly the CLI's report).
    name: Optional[str] = None
    name_en: Optional[str] = None
    #: The level the evidence supports, when the assessment gives ``criteria_met``
    #: for this indicator (the edition's criteria rule: cumulative for 59/2020).
    supported_level: Optional[int] = None
    #: Whether the claimed level is above ``supported_level``.
    above_evidence: Optional[bool] = None


_new_object = object.__new__
_set_dict = object.__setattr__


class Report:
    """The result of :func:`spbe.score`. ``to_dict()`` is exactly the CLI's JSON report.

    The report stays spbe-core's own: each attribute is read from it when
    asked for (domains, aspects and indicators are made once, on first use).
    Reports are read-only, compare equal when they say the same (their
    ``options`` aside), and pickle.
    """

    __slots__ = ("_core", "_src", "_cache")

    _core: Any
    #: (the user's Rubric or None, the input's JSON text or None when it was a dict, options JSON)
    _src: Tuple[Any, Optional[str], str]
    _cache: Optional[Dict[str, Any]]

    def __init__(self) -> None:
        raise TypeError("a Report is made by spbe.score")

    @classmethod
    def _new(cls, core: Any, rubric: Any, text: Optional[str], options_json: str) -> "Report":
        r = _new_object(cls)
        r._core = core
        r._src = (rubric, text, options_json)
        r._cache = None
        return r

    # ---------------------------------------------------------------- scalars
    @property
    def rubric(self) -> str:
        """Edition id."""
        return self._core.rubric  # type: ignore[no-any-return]

    @property
    def rubric_status(self) -> str:
        return self._core.rubric_status  # type: ignore[no-any-return]

    @property
    def index_name(self) -> Optional[str]:
        return self._core.index_name  # type: ignore[no-any-return]

    @property
    def institution(self) -> Optional[str]:
        return self._core.institution  # type: ignore[no-any-return]

    @property
    def year(self) -> Optional[int]:
        return self._core.year  # type: ignore[no-any-return]

    @property
    def track(self) -> str:
        return self._core.track  # type: ignore[no-any-return]

    @property
    def index(self) -> float:
        """The reported index: the exact value rounded half up to 2 decimals."""
        return self._core.index  # type: ignore[no-any-return]

    @property
    def index_text(self) -> str:
        return self._core.index_text  # type: ignore[no-any-return]

    @property
    def index_exact(self) -> str:
        """The exact index, as a terminating decimal (``"2.595"``) or a fraction (``"61/30"``)."""
        return self._core.index_exact  # type: ignore[no-any-return]

    @property
    def predicate(self) -> str:
        return self._core.predicate  # type: ignore[no-any-return]

    @property
    def predicate_en(self) -> Optional[str]:
        return self._core.predicate_en  # type: ignore[no-any-return]

    @property
    def predicate_label(self) -> Optional[str]:
        return self._core.predicate_label  # type: ignore[no-any-return]

    @property
    def official(self) -> bool:
        return self._core.official  # type: ignore[no-any-return]

    # ------------------------------------------------------ made on first use
    def _cached(self, name: str, make: Callable[[], Any]) -> Any:
        c = self._cache
        if c is None:
            c = self._cache = {}
        if name not in c:
            c[name] = make()
        return c[name]

    @property
    def predicate_rule(self) -> PredicateRule:
        """Whether the predicate was read from the exact or the rounded index, and why."""
        return self._cached("predicate_rule", lambda: PredicateRule(**self._core.predicate_rule))  # type: ignore[no-any-return]

    @property
    def next_predicate(self) -> Optional[NextPredicate]:
        def make() -> Optional[NextPredicate]:
            n = self._core.next_predicate
            return NextPredicate(**n) if n else None

        return self._cached("next_predicate", make)  # type: ignore[no-any-return]

    @property
    def domains(self) -> Tuple[DomainScore, ...]:
        return self._cached("domains", lambda: tuple(DomainScore(**x) for x in self._core.domains))  # type: ignore[no-any-return]

    @property
    def aspects(self) -> Tuple[AspectScore, ...]:
        return self._cached("aspects", lambda: tuple(AspectScore(**x) for x in self._core.aspects))  # type: ignore[no-any-return]

    @property
    def indicators(self) -> Tuple[IndicatorScore, ...]:
        def make() -> Tuple[IndicatorScore, ...]:
            rb = self._src[0]
            if rb is None:
                from ._rubric import Rubric

                rb = Rubric.builtin(self.rubric)
            names = rb._names
            out = []
            # each IndicatorScore's fields set at once (a frozen dataclass's
            # __init__ sets them one by one, which costs more than the scoring)
            for x in self._core.indicator_dicts():
                x["name"], x["name_en"] = names.get(x["id"], (None, None))
                o = _new_object(IndicatorScore)
                _set_dict(o, "__dict__", x)
                out.append(o)
            return tuple(out)

        return self._cached("indicators", make)  # type: ignore[no-any-return]

    @property
    def missing(self) -> Tuple[str, ...]:
        return self._cached("missing", lambda: tuple(self._core.missing))  # type: ignore[no-any-return]

    @property
    def above_evidence(self) -> Tuple[str, ...]:
        """Indicators whose claimed level is above what their evidence supports (``criteria_met``)."""
        return self._cached("above_evidence", lambda: tuple(self._core.above_evidence))  # type: ignore[no-any-return]

    @property
    def options(self) -> Dict[str, Any]:
        return self._cached("options", lambda: self._core.options)  # type: ignore[no-any-return]

    @property
    def _source(self) -> Tuple[str, str, Any]:
        """What was scored (input text, options, the user's Rubric or None), for ``to_html``."""
        rubric, text, options_json = self._src
        if text is None:
            text = self._core.input_json() or ""
        return (text, options_json, rubric)

    # ------------------------------------------------------------------ forms
    def to_dict(self) -> Dict[str, Any]:
        """The report as a plain dict: exactly the ``spbe score --format json`` report."""
        return self._core.to_dict()  # type: ignore[no-any-return]

    def to_json(self, indent: Optional[int] = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        if not self._core.same(other._core):
            return False
        # the indicators' names come from the rubric, which the report does not hold
        return self.rubric_status != "custom" or [(i.name, i.name_en) for i in self.indicators] == [(i.name, i.name_en) for i in other.indicators]

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Tuple[Any, Tuple[str, str, Any]]:
        # a report is its assessment scored again: exact and the same
        return (_rescore, self._source)

    def top_gains(self, n: int = 5) -> List[IndicatorScore]:
        """The ``n`` indicators whose one-level rise gains the most (ties in rubric
        order), as spbe-core ranks them."""
        from . import _lowlevel

        by_id = {i.id: i for i in self.indicators}
        return [by_id[i] for i in _lowlevel.rank_gains([(i.id, i.gain) for i in self.indicators], n)]

    def __repr__(self) -> str:
        who = f" {self.institution}" if self.institution else ""
        yr = f" {self.year}" if self.year is not None else ""
        parts = [f"<Report{who}{yr}: {self.index_name or 'index'} {self.index_text} {self.predicate} ({self.rubric}, track {self.track})"]
        for d in self.domains:
            parts.append(f"  domain {d.id} {d.name}: {_fmt(d.index)} {d.predicate or ''}")
        if not self.domains:
            for a in self.aspects:
                parts.append(f"  aspect {a.id} {a.name}: {_fmt(a.index)} {a.predicate or ''}")
        if not self.official:
            parts.append(f"  not official: missing {', '.join(self.missing)}")
        return "\n".join(parts) + ">"

    def to_html(self, lang: str = "id", date: Optional[str] = None) -> str:
        """The LHE-style evaluation report (Laporan Hasil Evaluasi) of the
        assessment this report scored: one self-contained HTML document, the
        same as ``spbe report`` and the calculator's print view. ``lang`` is
        ``"id"`` (decimal commas) or ``"en"``; ``date`` is ``YYYY-MM-DD`` or
        ``None`` for a line to fill in. Print it to PDF from a browser."""
        from ._errors import from_core
        from . import _lowlevel

        text, options_json, rubric = self._source
        if not text:
            raise ValueError("this report was not made by spbe.score, so its assessment is not known")
        try:
            return _lowlevel.report_html(text, options_json, lang, date, rubric._handle if rubric is not None else None)
        except _lowlevel.CoreError as e:
            raise from_core(e.args) from None

    def _repr_html_(self) -> str:
        # Jupyter shows the evaluation report itself, in Indonesian
        return self.to_html()


def _rescore(text: str, options_json: str, rubric: Any) -> Report:
    """A pickled report: its assessment scored again."""
    from . import _lowlevel

    return Report._new(_lowlevel.score(text, options_json, rubric._handle if rubric is not None else None), rubric, text, options_json)


def _fmt(v: Optional[float]) -> str:
    return "-" if v is None else f"{v:.2f}"
