"""Browsing a rubric edition: domains, aspects, indicators, levels, predicates."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple, Union

from . import _lowlevel
from ._errors import SpbeError, SpbeIOError, UnknownIndicatorError, from_core


def _call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except _lowlevel.CoreError as e:
        raise from_core(e.args) from None


@dataclass(frozen=True)
class LevelInfo:
    """One maturity level of an indicator: its name and criteria."""

    level: int
    name: Optional[str]
    name_en: Optional[str]
    #: The official criteria text of this level for this indicator (or of the scale).
    criteria: Optional[str]
    #: Our English summary where no official text is known (2018).
    summary_en: Optional[str]
    #: A second official name (8/2026: ``Merintis`` ... ``Unggul``) and its English form.
    label: Optional[str] = None
    label_en: Optional[str] = None
    #: On a continuous scale (8/2026): the range of values this level stands for,
    #: bounds per :attr:`Rubric.band_bounds` (``Decimal("1.50")``, ...).
    min: Optional[Decimal] = None
    max: Optional[Decimal] = None


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    name_en: Optional[str]
    #: Weight in percent of the whole index (per item for a repeatable indicator).
    weight: float
    weight_decimal: Decimal
    aspect: str
    domain: Optional[str]
    kind: Optional[str]
    scale: str
    question: Optional[str]
    levels: Tuple[LevelInfo, ...]
    #: ``(min, max)`` items for a repeatable indicator (2018 indicator 35: ``(1, 3)``), else ``None``.
    items: Optional[Tuple[int, int]]
    aliases: Tuple[str, ...]
    #: Any number in range (8/2026), not only whole levels.
    continuous: bool = False
    #: Official description, Instansi Pembina and Peran Fungsi (8/2026).
    description: Optional[str] = None
    instansi_pembina: Tuple[str, ...] = ()
    peran_fungsi: Tuple[str, ...] = ()
    #: Another agency's index this indicator is scored from or cites, as in the
    #: rubric file (``{"index": "SDI", "relation": "scored_from", "ranges": [...]}``).
    external: Optional[Dict[str, Any]] = None
    #: Known anomalies of the official text about this indicator.
    anomalies: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Aspect:
    id: str
    name: str
    name_en: Optional[str]
    weight: float
    weight_decimal: Decimal
    domain: Optional[str]
    indicators: Tuple[Indicator, ...]


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    name_en: Optional[str]
    weight: float
    weight_decimal: Decimal
    aspects: Tuple[Aspect, ...]


@dataclass(frozen=True)
class Predicate:
    """A predicate band from ``min`` to ``max``; which bound it includes is the
    edition's :attr:`Rubric.band_bounds` (5/2018, 59/2020: ``min <= index < max``,
    the top band includes ``max``; 8/2026: ``min < index <= max``, the lowest
    band includes ``min``)."""

    name: str
    name_en: Optional[str]
    label: Optional[str]
    min: float
    max: float


class Rubric:
    """A validated rubric edition, built in or loaded from a file.

    >>> r = Rubric.builtin("permenpanrb-59-2020")
    >>> r.indicator("32").levels[2].name
    'Transaksi'
    """

    __slots__ = ("_handle", "_spec", "_domains", "_aspects", "_indicators", "_names", "_id")

    def __init__(self, handle: Any) -> None:
        self._handle = handle
        self._spec: Dict[str, Any] = json.loads(handle.spec_json())
        scales = {s["id"]: s for s in self._spec["scales"]}
        domains: List[Domain] = []
        aspects: List[Aspect] = []
        indicators: List[Indicator] = []

        def make_aspect(a: Dict[str, Any], dom: Optional[str]) -> Aspect:
            inds = []
            for i in a["indicators"]:
                scale = scales[i["scale"]]
                # the criteria that apply (the indicator's, else the scale's), as spbe-core decides
                views = json.loads(_lowlevel.level_views(handle, i["id"]))
                levels = tuple(
                    LevelInfo(
                        v["level"], v["name"], v["name_en"], v["criteria"] if v["official"] else None, l.get("summary_en"),
                        v["label"], v["label_en"],
                        Decimal(v["min"]) if v["min"] is not None else None, Decimal(v["max"]) if v["max"] is not None else None,
                    )
                    for v, l in zip(views, scale["levels"])
                )
                items = i.get("items")
                ind = Indicator(
                    id=i["id"], name=i["name"], name_en=i.get("name_en"), weight=float(Decimal(i["weight"])), weight_decimal=Decimal(i["weight"]),
                    aspect=a["id"], domain=dom, kind=i.get("kind"), scale=i["scale"], question=i.get("question"), levels=levels,
                    items=(items["min"], items["max"]) if items else None, aliases=tuple(i.get("aliases", ())),
                    continuous=bool(scale.get("continuous", False)), description=i.get("description"),
                    instansi_pembina=tuple(i.get("instansi_pembina", ())), peran_fungsi=tuple(i.get("peran_fungsi", ())),
                    external=i.get("external"), anomalies=tuple(i.get("anomalies", ())),
                )
                inds.append(ind)
                indicators.append(ind)
            asp = Aspect(a["id"], a["name"], a.get("name_en"), float(Decimal(a["weight"])), Decimal(a["weight"]), dom, tuple(inds))
            aspects.append(asp)
            return asp

        if "domains" in self._spec:
            for d in self._spec["domains"]:
                asps = tuple(make_aspect(a, d["id"]) for a in d["aspects"])
                domains.append(Domain(d["id"], d["name"], d.get("name_en"), float(Decimal(d["weight"])), Decimal(d["weight"]), asps))
        else:
            for a in self._spec["aspects"]:
                make_aspect(a, None)
        self._domains = tuple(domains)
        self._aspects = tuple(aspects)
        self._indicators = tuple(indicators)
        self._names = {i.id: (i.name, i.name_en) for i in indicators}
        self._id = str(self._spec["id"])

    # -- construction
    @classmethod
    def builtin(cls, id: str) -> "Rubric":
        """A built-in edition: ``permenpanrb-5-2018``, ``permenpanrb-59-2020`` or ``permenpanrb-8-2026``."""
        cached = _BUILTIN.get(id)
        if cached is None:
            cached = _BUILTIN[id] = cls(_call(_lowlevel.RubricHandle.builtin, id))
        return cached

    @classmethod
    def from_json(cls, source: Union[str, "os.PathLike[str]"]) -> "Rubric":
        """A rubric from JSON text or a file path; validated like the built-in ones
        (an :class:`InvalidRubricError` lists every problem found)."""
        text = _read_text_or_path(source)
        return cls(_call(_lowlevel.RubricHandle.from_json, text))

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        return (Rubric.from_json, (self.to_json(),))

    # -- metadata
    @property
    def id(self) -> str:
        return str(self._spec["id"])

    @property
    def title(self) -> str:
        return str(self._spec["title"])

    @property
    def short_title(self) -> Optional[str]:
        return self._spec.get("short_title")

    @property
    def status(self) -> str:
        """``official``, ``reconstructed``, ``provisional`` or ``custom``."""
        return str(self._spec["status"])

    @property
    def status_note(self) -> Optional[str]:
        return self._spec.get("status_note")

    @property
    def legal_basis(self) -> Optional[str]:
        return self._spec.get("legal_basis")

    @property
    def in_force(self) -> Optional[Tuple[int, Optional[int]]]:
        y = self._spec.get("in_force")
        return (y["from"], y.get("to")) if y else None

    @property
    def index_name(self) -> Optional[str]:
        return self._spec.get("index_name")

    # -- structure
    @property
    def domains(self) -> Tuple[Domain, ...]:
        """Domains in order (empty for editions without domains, i.e. 2026)."""
        return self._domains

    @property
    def aspects(self) -> Tuple[Aspect, ...]:
        return self._aspects

    @property
    def indicators(self) -> Tuple[Indicator, ...]:
        return self._indicators

    @property
    def band_bounds(self) -> str:
        """``"lower_inclusive"`` (5/2018, 59/2020) or ``"upper_inclusive"`` (8/2026, Tabel 4)."""
        return str(self._spec["band_bounds"])

    @property
    def predicate_rule(self) -> Optional[Dict[str, Any]]:
        """Whether predicates are read from the exact or the rounded index: the
        edition's ``default`` and, per evaluation year where known, ``years``."""
        return self._spec.get("predicate_rule")

    @property
    def anomalies(self) -> Tuple[str, ...]:
        """Known anomalies of the official text, kept visible."""
        return tuple(self._spec.get("anomalies", ()))

    @property
    def predicates(self) -> Tuple[Predicate, ...]:
        return tuple(Predicate(b["name"], b.get("name_en"), b.get("label"), float(Decimal(b["min"])), float(Decimal(b["max"]))) for b in self._spec["predicates"])

    def indicator(self, id: Union[str, int]) -> Indicator:
        """One indicator by id (``"32"`` or ``32``)."""
        key = str(id)
        for i in self._indicators:
            if i.id == key:
                return i
        valid = ", ".join(i.id for i in self._indicators)
        raise UnknownIndicatorError(f"indicator {key!r} does not exist in {self.id}; valid indicators are {valid}", indicator=key)

    @property
    def slot_names(self) -> Tuple[str, ...]:
        """Frame column names in order: the indicator ids, and ``"35.1"``, ``"35.2"``, ``"35.3"`` for a repeatable indicator."""
        return tuple(self._handle.slot_names())

    def to_dict(self) -> Dict[str, Any]:
        """The rubric in the rubric-file format (weights as exact decimal strings)."""
        return json.loads(self._handle.spec_json())  # type: ignore[no-any-return]

    def to_json(self) -> str:
        return str(self._handle.spec_json())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rubric) and self.to_dict() == other.to_dict()

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        parts = f"{len(self._domains)} domains, " if self._domains else ""
        return f"<Rubric {self.id} ({self.status}): {parts}{len(self._aspects)} aspects, {len(self._indicators)} indicators>"


_BUILTIN: Dict[str, Rubric] = {}


def _names_a_file(s: str) -> bool:
    """Whether a string is a file name rather than the JSON text or vector it
    could be: text that starts as JSON does (``{``, ``[``, a number, a string,
    ``null``), anything that starts like a vector (``SPBE``) and empty text are
    text, so spbe-core judges them as the CLI and JS do; otherwise an existing
    file, or a string that looks like a path (a separator or an extension), is
    a file."""
    t = s.lstrip("\ufeff \t\r\n")
    if not t or len(s) >= 4096 or "\x00" in s:
        return False
    if t[0] in '{["-0123456789' or t[:4].lower() == "spbe" or t.split(None, 1)[0] in ("null", "true", "false"):
        return False
    if os.path.exists(s):
        return True
    return "/" in s or os.sep in s or os.path.splitext(s)[1] != ""


def _read_text_or_path(source: Union[str, "os.PathLike[str]"]) -> str:
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _names_a_file(source)):
        path = os.fspath(source)
        try:
            with open(path, encoding="utf-8") as f:
                return f.read()
        except OSError as e:
            raise SpbeIOError(f"cannot read {path}: {e.strerror or e}") from None
        except UnicodeDecodeError:
            raise SpbeIOError(f"cannot read {path}: not UTF-8 text") from None
        except ValueError as e:  # e.g. a NUL in a PathLike
            raise SpbeIOError(f"cannot read {path!r}: {e}") from None
    return str(source)


def rubrics() -> List[Rubric]:
    """The built-in editions, oldest first."""
    return [Rubric.builtin(i) for i in _lowlevel.rubric_ids()]
