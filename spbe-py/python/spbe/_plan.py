"""Typed result of planning: :func:`spbe.plan`."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from ._report import AspectScore, DomainScore, LevelValue


@dataclass(frozen=True)
class PlanTarget:
    """The target as applied: the exact condition on the exact index."""

    #: The target as given (``"Baik"``, ``"3.00"``).
    to: str
    #: The predicate aimed at (for an index target, the predicate of that index).
    predicate: str
    #: The reported index aimed at, for an index target.
    index: Optional[str]
    #: ``"exact"`` or ``"reported"``: the predicate rule applied, as the report would.
    basis: str
    #: The exact index must be at least (``inclusive``) or more than this.
    threshold: str
    inclusive: bool


@dataclass(frozen=True)
class PlanStep:
    """One indicator (or one 2018 service) raised."""

    indicator: str
    #: The service (1-based), for 2018's indicator 35.
    item: Optional[int]
    from_level: LevelValue
    to_level: LevelValue
    #: Steps taken: levels, or whole numbers reached on 8/2026's continuous scale.
    steps: int
    cost: float
    cost_exact: str
    #: What the steps add to the index, rounded to 4 decimals.
    gain: float


@dataclass(frozen=True)
class PlanResult:
    """The index and predicate before or after the plan."""

    index: float
    index_text: str
    index_exact: str
    predicate: str
    predicate_label: Optional[str]
    domains: List[DomainScore]
    aspects: List[AspectScore]


@dataclass(frozen=True)
class Plan:
    """The cheapest rises of levels that reach a target (see :func:`spbe.plan`)."""

    rubric: str
    track: str
    target: PlanTarget
    #: The assessment meets the target already; ``steps`` is empty.
    met_already: bool
    steps: List[PlanStep]
    cost: float
    cost_exact: str
    #: ``"greedy"`` or ``"dynamic_programming"``: both give the exact optimum.
    method: str
    before: PlanResult
    after: PlanResult
    #: Every level of the track after the plan (to use as a target track).
    levels_after: Dict[str, Any]
    _json: str

    @classmethod
    def _from_json(cls, text: str) -> "Plan":
        d = json.loads(text)

        def result(r: Dict[str, Any]) -> PlanResult:
            return PlanResult(
                index=r["index"], index_text=r["index_text"], index_exact=r["index_exact"], predicate=r["predicate"],
                predicate_label=r.get("predicate_label"),
                domains=[DomainScore(**x) for x in r["domains"]], aspects=[AspectScore(**x) for x in r["aspects"]],
            )

        t = d["target"]
        return cls(
            rubric=d["rubric"], track=d["track"],
            target=PlanTarget(to=t["to"], predicate=t["predicate"], index=t.get("index"), basis=t["basis"],
                              threshold=t["threshold"], inclusive=t["inclusive"]),
            met_already=d["met_already"],
            steps=[PlanStep(indicator=s["indicator"], item=s.get("item"), from_level=s["from"], to_level=s["to"],
                            steps=s["steps"], cost=s["cost"], cost_exact=s["cost_exact"], gain=s["gain"]) for s in d["steps"]],
            cost=d["cost"], cost_exact=d["cost_exact"], method=d["method"],
            before=result(d["before"]), after=result(d["after"]), levels_after=d["levels_after"], _json=text,
        )

    def to_dict(self) -> Dict[str, Any]:
        """The plan as a plain dict: exactly ``spbe plan --format json``."""
        return json.loads(self._json)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return (f"Plan({self.rubric}: {self.before.index_text} {self.before.predicate} -> "
                f"{self.after.index_text} {self.after.predicate}, {len(self.steps)} indicator(s), cost {self.cost_exact})")
