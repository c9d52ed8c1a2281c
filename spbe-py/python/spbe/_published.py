"""The official published results, as data: :func:`published_results` and
:func:`percentile`."""
from __future__ import annotations

import csv
import io
import math
from importlib import resources
from typing import Any, Dict, List, Optional

from ._errors import InvalidOptionsError

#: The years whose national results are shipped, with their file and edition.
_FILES: Dict[int, str] = {2024: "spbe-results-2024.csv"}
_EDITION: Dict[int, str] = {2024: "permenpanrb-59-2020"}
_COLUMNS = ["year", "category", "kind", "institution", "d1", "d2", "d3", "d4", "index", "predicate", "flag"]
_KINDS = ("Pusat", "Provinsi", "Kabupaten", "Kota")


def _rows(year: int) -> List[Dict[str, Any]]:
    if year not in _FILES:
        raise InvalidOptionsError(f"no published results for {year}; the package has {sorted(_FILES)}")
    text = resources.files("spbe").joinpath("data", _FILES[year]).read_text(encoding="utf-8")
    out = []
    for r in csv.DictReader(io.StringIO(text)):
        row: Dict[str, Any] = {k: r[k] for k in _COLUMNS}
        row["year"] = int(r["year"])
        for k in ("d1", "d2", "d3", "d4", "index"):
            row[k] = float(r[k]) if r[k].strip() else math.nan
        row["flag"] = r["flag"] or None
        out.append(row)
    return out


def published_results(year: int = 2024, *, polars: bool = False) -> Any:
    """The official national results of ``year`` (2024: KemenPANRB's *Laporan
    Pelaksanaan Evaluasi SPBE 2024*, tables 9-54) as a pandas DataFrame, or a
    polars one with ``polars=True``: one row per institution with ``year``,
    ``category`` (the report's table title), ``kind`` (Pusat, Provinsi,
    Kabupaten, Kota), ``institution``, ``d1``-``d4`` (domain indices),
    ``index``, ``predicate`` (ordered by band) and ``flag`` (why a row is
    damaged: three rows lost a domain cell in the source's conversion; the
    cell is empty, never guessed). The file ships inside the package with its
    source (``spbe/data/README.md``)."""
    from . import Rubric

    rows = _rows(year)
    bands = [p.name for p in Rubric.builtin(_EDITION[year]).predicates]
    if polars:
        import polars as pl

        df = pl.DataFrame(rows, schema={"year": pl.Int64, "category": pl.Utf8, "kind": pl.Utf8, "institution": pl.Utf8,
                                        "d1": pl.Float64, "d2": pl.Float64, "d3": pl.Float64, "d4": pl.Float64,
                                        "index": pl.Float64, "predicate": pl.Utf8, "flag": pl.Utf8})
        return df.with_columns(pl.col("d1", "d2", "d3", "d4", "index").fill_nan(None), pl.col("predicate").cast(pl.Enum(bands)))
    import pandas as pd

    df = pd.DataFrame(rows, columns=_COLUMNS)
    df["predicate"] = pd.Categorical(df["predicate"], categories=bands, ordered=True)
    df["flag"] = pd.Series([r["flag"] for r in rows], index=df.index, dtype="object")
    return df


def percentile(index: float, *, year: int = 2024, kind: Optional[str] = None) -> float:
    """Where an index stands among the published results of ``year`` (of one
    ``kind`` of institution if given: Pusat, Provinsi, Kabupaten or Kota), as
    a percentile rank from 0 to 100: the share of institutions with a lower
    index, counting those with the same index as half (the mid-rank
    definition, so the median institution is at 50)."""
    if kind is not None and kind not in _KINDS:
        raise InvalidOptionsError(f"kind {kind!r}: give one of {', '.join(_KINDS)}")
    values = [r["index"] for r in _rows(year) if not math.isnan(r["index"]) and (kind is None or r["kind"] == kind)]
    below = sum(1 for v in values if v < index)
    same = sum(1 for v in values if v == index)
    return 100.0 * (below + same / 2) / len(values)
