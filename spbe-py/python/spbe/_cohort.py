"""Helpers for cohorts of scored assessments, on pandas and polars: long
input, ranks, summaries and year-over-year change. They work on records, so a
pandas frame gives a pandas frame and a polars frame a polars one."""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence, Union

from ._errors import DuplicateIndicatorError, InvalidBatchError
from ._frame import _collect_lazy, _kind, rubric_for_year, score_frame

Columns = Union[str, Sequence[str]]


def _names(by: Optional[Columns]) -> List[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _records(df: Any, kind: str) -> List[Dict[str, Any]]:
    return df.to_dict("records") if kind == "pandas" else df.to_dicts()


def _frame(kind: str, rows: List[Dict[str, Any]], columns: List[str]) -> Any:
    if kind == "pandas":
        import pandas as pd

        return pd.DataFrame({c: pd.Series([r.get(c) for r in rows], dtype="object" if any(isinstance(r.get(c), str) for r in rows) else None) for c in columns})
    import polars as pl

    return pl.DataFrame({c: [r.get(c) for r in rows] for c in columns}, strict=False)


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def score_long(df: Any, *, by: Columns = "institution", indicator: str = "indicator", value: str = "level", **score_options: Any) -> Any:
    """Scores long (tidy) data: one row per assessment x indicator, grouped by
    the ``by`` column(s), the indicator id in ``indicator`` and the level in
    ``value``. Returns one row per group: the ``by`` columns and the results
    of :func:`spbe.score_frame` (``score_options`` go to it: ``rubric=``, or
    ``year_column=`` when ``by`` holds the year). The same indicator twice in
    a group is a :class:`DuplicateIndicatorError` naming the group."""
    df = _collect_lazy(df)
    kind = _kind(df)
    keys = _names(by)
    wide: Dict[tuple, Dict[str, Any]] = {}
    for r in _records(df, kind):
        g = tuple(r[k] for k in keys)
        row = wide.setdefault(g, dict(zip(keys, g)))
        ind = str(r[indicator]).strip()
        if ind in row and ind not in keys:
            raise DuplicateIndicatorError(f"group {dict(zip(keys, g))}: indicator {ind!r} appears more than once", indicator=ind)
        row[ind] = r[value]
    rows = list(wide.values())
    columns = keys + sorted({c for r in rows for c in r if c not in keys}, key=lambda c: [int(x) if x.isdigit() else x for x in c.replace(".", " ").split()])
    return score_frame(_frame(kind, rows, columns), **score_options)


def rank_frame(df: Any, *, by: Optional[Columns] = None, column: str = "index", name: str = "rank") -> Any:
    """Adds the rank of every row by ``column`` (highest first), nationally in
    ``name`` and, with ``by``, within each group in ``<name>_in_<by>``. Equal
    values share the best rank and the next rank skips (1, 2, 2, 4), as ranked
    tables are usually printed; rows without a value get no rank."""
    df = _collect_lazy(df)
    kind = _kind(df)
    recs = _records(df, kind)

    def ranks(idx: List[int]) -> Dict[int, int]:
        vals = sorted((recs[i][column] for i in idx if not _empty(recs[i][column])), reverse=True)
        first: Dict[float, int] = {}
        for k, v in enumerate(vals):
            first.setdefault(v, k + 1)
        return {i: first[recs[i][column]] for i in idx if not _empty(recs[i][column])}

    every = list(range(len(recs)))
    national = ranks(every)
    new: Dict[str, List[Optional[int]]] = {name: [national.get(i) for i in every]}
    keys = _names(by)
    if keys:
        groups: Dict[tuple, List[int]] = {}
        for i in every:
            groups.setdefault(tuple(recs[i][k] for k in keys), []).append(i)
        inner: Dict[int, int] = {}
        for idx in groups.values():
            inner.update(ranks(idx))
        new[f"{name}_in_{'_'.join(keys)}"] = [inner.get(i) for i in every]
    if kind == "pandas":
        import pandas as pd

        out = df.copy()
        for c, v in new.items():
            out[c] = pd.array(v, dtype="Int64")
        return out
    import polars as pl

    return df.with_columns([pl.Series(c, v, dtype=pl.Int64) for c, v in new.items()])


def summarize(df: Any, *, rubric: Any, by: Optional[Columns] = None) -> Any:
    """One row per group (or one row for the whole frame) of a scored frame:
    ``n``, ``index_mean``, the count of each predicate (one column per
    predicate of the edition, in band order), and the mean of each domain and
    aspect under its official name ("Domain 1. Kebijakan Internal SPBE",
    "Aspek 3. ..."). Means are of the reported values (2 decimals) and are
    rounded to 2 decimals."""
    from . import _resolve_rubric

    df = _collect_lazy(df)
    kind = _kind(df)
    rb = _resolve_rubric(rubric)
    if rb is None:
        raise InvalidBatchError("summarize needs rubric= (the edition of the scored frame)")
    keys = _names(by)
    recs = _records(df, kind)
    if recs and "index" not in recs[0]:
        raise InvalidBatchError("summarize takes a scored frame (with an index column): score it with spbe.score_frame first")
    parts = [(f"domain_{d.id}", f"Domain {d.id}. {d.name}") for d in rb.domains] + [(f"aspect_{a.id}", f"Aspek {a.id}. {a.name}") for a in rb.aspects]
    groups: Dict[tuple, List[Dict[str, Any]]] = {}
    for r in recs:
        groups.setdefault(tuple(r[k] for k in keys), []).append(r)

    def mean(vals: List[Any]) -> Optional[float]:
        v = [x for x in vals if not _empty(x)]
        return round(sum(v) / len(v), 2) if v else None

    rows = []
    for g, rs in groups.items():
        row: Dict[str, Any] = dict(zip(keys, g))
        row["n"] = len(rs)
        row["index_mean"] = mean([r["index"] for r in rs])
        for p in rb.predicates:
            row[p.name] = sum(1 for r in rs if str(r.get("predicate")) == p.name)
        for col, label in parts:
            row[label] = mean([r.get(col) for r in rs])
        rows.append(row)
    columns = keys + ["n", "index_mean"] + [p.name for p in rb.predicates] + [label for _, label in parts]
    return _frame(kind, rows, columns)


def compare_years(df: Any, *, id: str = "institution", year: str = "year", column: str = "index") -> Any:
    """Year-over-year change of ``column`` per institution (``id``), between
    consecutive years present in a scored frame: ``year_from``, ``year_to``,
    the two values and ``change``, with the edition in force in each year and
    ``comparable``, False where the edition changed between the two years
    (an index under PermenPANRB 59/2020 and one under 8/2026 measure different
    things: the change is shown, and flagged, not hidden)."""
    df = _collect_lazy(df)
    kind = _kind(df)
    by_id: Dict[Any, List[Dict[str, Any]]] = {}
    for r in _records(df, kind):
        by_id.setdefault(r[id], []).append(r)
    rows = []
    for who, rs in by_id.items():
        rs = sorted(rs, key=lambda r: r[year])
        for a, b in zip(rs, rs[1:]):
            if a[year] == b[year]:
                raise InvalidBatchError(f"{id} {who!r} has two rows for {a[year]}")
            ea, eb = rubric_for_year(int(a[year])), rubric_for_year(int(b[year]))
            va, vb = a[column], b[column]
            rows.append({
                id: who, "year_from": a[year], "year_to": b[year], f"{column}_from": va, f"{column}_to": vb,
                "change": None if _empty(va) or _empty(vb) else round(vb - va, 2),
                "edition_from": ea, "edition_to": eb, "comparable": ea == eb,
            })
    columns = [id, "year_from", "year_to", f"{column}_from", f"{column}_to", "change", "edition_from", "edition_to", "comparable"]
    return _frame(kind, rows, columns)


def spark_schema(rubric: Any, input_schema: Optional[str] = None) -> str:
    """The output schema of :func:`spbe.score_frame` for Spark's
    ``mapInPandas``/``applyInPandas``, as a DDL string: ``input_schema`` (the
    input frame's columns, as DDL) followed by the result columns of the
    edition (index, predicate, official, missing, domain_<id>, aspect_<id>;
    predicate_label where the edition has one)::

        schema = spbe.spark_schema("permenpanrb-59-2020", sdf.schema.simpleString()[7:-1].replace(":", " "))
        sdf.mapInPandas(lambda it: (spbe.score_frame(p, rubric="permenpanrb-59-2020") for p in it), schema)
    """
    from . import _resolve_rubric
    from ._frame import _result_names

    rb = _resolve_rubric(rubric)
    if rb is None:
        raise InvalidBatchError("spark_schema needs a rubric")
    types = {"predicate": "string", "predicate_label": "string", "official": "boolean", "missing": "string", "error": "string"}
    cols = [f"`{n}` {types.get(n, 'double')}" for n in _result_names(rb, False)]
    return ", ".join(([input_schema] if input_schema else []) + cols)
