"""Typed results of scoring."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Report:
    """The result of :func:`spbe.score`. ``to_dict()`` is exactly the CLI's JSON report."""

    rubric: str
    rubric_status: str
    index_name: Optional[str]
    institution: Optional[str]
    year: Optional[int]
    track: str
    #: The reported index: the exact value rounded half up to 2 decimals.
    index: float
    index_text: str
    #: The exact index, as a terminating decimal (``"2.595"``) or a fraction (``"61/30"``).
    index_exact: str
    predicate: str
    #: Whether the predicate was read from the exact or the rounded index, and why.
    predicate_rule: PredicateRule
    predicate_en: Optional[str]
    predicate_label: Optional[str]
    next_predicate: Optional[NextPredicate]
    domains: Tuple[DomainScore, ...]
    aspects: Tuple[AspectScore, ...]
    indicators: Tuple[IndicatorScore, ...]
    missing: Tuple[str, ...]
    official: bool
    options: Dict[str, Any] = field(compare=False)
    _json: str = field(repr=False, compare=False, default="{}")
    #: Indicators whose claimed level is above what their evidence supports (``criteria_met``).
    above_evidence: Tuple[str, ...] = ()
    #: What was scored (input text, options, the user's Rubric or None), for ``to_html``.
    _source: Tuple[str, str, Any] = field(repr=False, compare=False, default=("", "", None))

    @classmethod
    def _from_json(cls, text: str, names_for: Optional[Callable[[str], Dict[str, Tuple[str, Optional[str]]]]] = None) -> "Report":
        d = json.loads(text)
        names = names_for(d["rubric"]) if names_for else {}
        nxt = d.get("next_predicate")
        return cls(
            rubric=d["rubric"], rubric_status=d["rubric_status"], index_name=d.get("index_name"), institution=d.get("institution"),
            year=d.get("year"), track=d["track"], index=d["index"], index_text=d["index_text"], index_exact=d["index_exact"],
            predicate=d["predicate"], predicate_rule=PredicateRule(**d["predicate_rule"]), predicate_en=d.get("predicate_en"), predicate_label=d.get("predicate_label"),
            next_predicate=NextPredicate(**nxt) if nxt else None,
            domains=tuple(DomainScore(**x) for x in d["domains"]),
            aspects=tuple(AspectScore(**x) for x in d["aspects"]),
            indicators=tuple(
                IndicatorScore(**{**x, "levels": tuple(x["levels"])}, name=names.get(x["id"], (None, None))[0], name_en=names.get(x["id"], (None, None))[1])
                for x in d["indicators"]
            ),
            missing=tuple(d["missing"]), official=d["official"], options=d["options"], _json=text,
            above_evidence=tuple(d.get("above_evidence", ())),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The report as a plain dict: exactly the ``spbe score --format json`` report."""
        return json.loads(self._json)  # type: ignore[no-any-return]

    def to_json(self, indent: Optional[int] = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

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


def _fmt(v: Optional[float]) -> str:
    return "-" if v is None else f"{v:.2f}"
