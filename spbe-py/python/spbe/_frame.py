"""Scoring a data frame (pandas or polars) through spbe-core's batch entry point."""
from __future__ import annotations

import json
import re
import warnings
from typing import Any, List, Optional, Tuple, TypeVar, cast

from . import _lowlevel
from ._errors import InvalidBatchError, MissingIndicatorError, UnknownIndicatorError, UnknownRubricError, from_core
from ._rubric import Rubric
from ._types import Extra, MissingPolicy, OnError, PredicateBasis


def _numpy(what: str) -> Any:
    """numpy, or an ImportError that says how to get it (pandas brings it,
    polars does not)."""
    try:
        import numpy
    except ImportError:
        raise ImportError(
            f"{what} needs numpy, which pandas installs and polars does not: "
            "pip install numpy (or pip install 'spbe[polars]')"
        ) from None
    return numpy


def _kind(df: Any) -> str:
    mod = type(df).__module__.split(".")[0]
    if mod == "pandas":
        return "pandas"
    if mod == "polars":
        return "polars"
    raise TypeError(f"score_frame takes a pandas or polars DataFrame, got {type(df).__name__}")


def _source_columns(rubric: Rubric, columns: List[str]) -> List[Any]:
    """For every slot, the frame column it comes from (or None if the frame has none).

    A plain indicator is the column named by its id ("1" .. "47"). A repeatable
    indicator (2018 indicator 35) is the columns "35.1", "35.2", "35.3" (empty
    cells for services not reported); a single column "35" is accepted as
    one service (it fills "35.1").
    """
    present = set(columns)
    out: List[Any] = []
    for slot in rubric.slot_names:
        if slot in present:
            out.append(slot)
        elif slot.endswith(".1") and slot[:-2] in present:
            out.append(slot[:-2])
        else:
            out.append(None)
    return out


def _plain(np: Any, a: Any) -> bool:
    """An int64 or float64 array the compiled module reads in place."""
    return bool(a.dtype in (np.int64, np.float64) and a.dtype.isnative and a.flags.c_contiguous and a.flags.aligned)


def _plain_columns(np: Any, df: Any, kind: str, sources: List[Any]) -> Optional[List[Any]]:
    """Every slot's column as an int64 or float64 numpy array, taken from
    the frame without a copy where it holds one in order (None for a slot
    without a column), when every column is such; else None."""
    by_name = dict(df.items()) if kind == "pandas" else {s.name: s for s in df.get_columns()}
    out: List[Any] = []
    for col in sources:
        if col is None:
            out.append(None)
            continue
        s = by_name[col]
        dt = s.dtype
        if kind == "pandas":
            if not (isinstance(dt, np.dtype) and dt in (np.int64, np.float64)):
                return None
            a = s.to_numpy(dtype=None)
        else:
            if str(dt) not in ("Int64", "Float64"):
                return None
            a = s.to_numpy()  # nulls become NaN (an Int64 column with nulls: float64)
        if not (a.dtype in (np.int64, np.float64) and a.dtype.isnative):
            return None
        # a column of a frame made from a 2-D array is strided: copied in order
        out.append(a if _plain(np, a) else np.require(a, requirements=["C", "A"]))
    return out


def _compact(np: Any, df: Any, kind: str, sources: List[Any], threads: int = 0) -> Any:
    """The levels as a (slots x rows) uint8 matrix, 255 = empty, when every
    cell is empty or a whole number from 0 to 254 (checked exactly, per column);
    otherwise None, and the float64 path lets spbe-core judge every cell.
    Plain int64 and float64 columns are packed by the compiled module, one
    pass over each (on ``threads`` threads); other columns here."""
    rows = df.shape[0]
    out = np.empty((len(sources), rows), dtype=np.uint8)
    packed: List[Tuple[int, Any]] = []
    # every column in one pass (a pandas lookup by label costs more than the column's work)
    by_name = dict(df.items()) if kind == "pandas" else {s.name: s for s in df.get_columns()}
    for j, col in enumerate(sources):
        if col is None:
            out[j] = 255
            continue
        s = by_name[col]
        dt = s.dtype
        # a plain numpy int or float column is numeric; anything else is asked properly
        if not (kind == "pandas" and isinstance(dt, np.dtype) and dt.kind in "iuf") and not _is_numeric(s, kind):
            return None
        a = s.to_numpy() if kind == "polars" else s.to_numpy(dtype=None)
        if _plain(np, a):
            packed.append((j, a))
        elif a.dtype.kind in "iu":
            # one pass: as unsigned, a negative value is huge, so max <= 254
            # holds exactly when every value is from 0 to 254
            if rows and a.view(f"u{a.dtype.itemsize}").max() > 254:
                return None
            out[j] = a
        elif a.dtype.kind == "f":
            nan = np.isnan(a)
            if nan.all():
                out[j] = 255
                continue
            if np.nanmin(a) < 0 or np.nanmax(a) > 254:
                return None
            b = np.where(nan, 255, a).astype(np.uint8)
            if not np.all((b == a) | nan):
                return None
            out[j] = b
        else:
            return None
    if packed and not _lowlevel.pack_levels(out, packed, threads):
        return None
    return out


def _narrow_float(np: Any, s: Any, kind: str) -> bool:
    """A float32 or float16 column: its values must be read as their own
    shortest decimals (float32 1.26 is 1.26), not as float64 expansions."""
    dt = s.to_numpy().dtype if kind == "polars" else s.dtype
    return bool(getattr(dt, "kind", "") == "f" and getattr(dt, "itemsize", 8) < 8)


def _f64(np: Any, a: Any) -> Any:
    """float32/float16 values as the float64 of their shortest decimal text."""
    return a.astype(str).astype("float64")


def _exact_float(v: Any) -> Any:
    """A Decimal or Fraction cell as a float when the float is exactly that
    decimal (its shortest text reads back as the same value), else None."""
    import decimal
    import fractions

    f = float(v)
    if f != f or f in (float("inf"), float("-inf")):
        return None
    if isinstance(v, decimal.Decimal):
        return f if decimal.Decimal(repr(f)) == v else None
    return f if fractions.Fraction(repr(f)) == v else None


def _matrix(np: Any, df: Any, kind: str, rubric: Rubric, sources: List[Any]) -> Any:
    """A column-major float64 matrix (NaN = empty); cells that are not numbers raise."""
    rows = df.shape[0]
    numeric: List[Tuple[int, Any]] = []
    other: List[Tuple[int, Any]] = []
    for j, col in enumerate(sources):
        if col is not None:
            (numeric if _is_numeric(df[col], kind) else other).append((j, col))
    for j, col in other:
        values = df[col].tolist() if kind == "pandas" else df[col].to_list()
        _raise_cell(rubric, values, j, np)  # raises unless every cell is a number
    if len(numeric) == len(sources) and not any(_narrow_float(np, df[c], kind) for _, c in numeric):
        # one call: pandas keeps same-typed columns in one column-major block
        cols = [c for _, c in numeric]
        if kind == "pandas":
            mat = df[cols].to_numpy(dtype="float64", na_value=np.nan)
        else:
            import polars as pl

            mat = df.select([pl.col(c).cast(pl.Float64) for c in cols]).to_numpy()
        return np.asfortranarray(mat, dtype="<f8")
    mat = np.full((rows, len(sources)), np.nan, dtype="<f8", order="F")
    for j, col in numeric:
        s = df[col]
        if _narrow_float(np, s, kind):
            a = s.to_numpy() if kind == "polars" else s.to_numpy(na_value=np.nan)
            mat[:, j] = _f64(np, np.asarray(a))
        elif kind == "pandas":
            mat[:, j] = s.to_numpy(dtype="float64", na_value=np.nan)
        else:
            import polars as pl

            mat[:, j] = s.cast(pl.Float64).fill_null(float("nan")).to_numpy()
    for j, col in other:
        vals = df[col].tolist() if kind == "pandas" else df[col].to_list()
        mat[:, j] = np.asarray([np.nan if v is None else (_exact_float(v) if _is_exact_type(v) else v) for v in vals], dtype="float64")
    return mat


def _is_numeric(s: Any, kind: str) -> bool:
    if kind == "pandas":
        import pandas as pd

        return bool(pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype))
    import polars as pl

    return bool(s.dtype.is_numeric() or s.dtype == pl.Null)


def _is_np_number(np: Any, v: Any) -> bool:
    return isinstance(v, (np.integer, np.floating))


def _is_exact_type(v: Any) -> bool:
    import decimal
    import fractions

    return isinstance(v, (decimal.Decimal, fractions.Fraction))


def _raise_cell(rubric: Rubric, values: List[Any], slot: int, np: Any) -> None:
    """Raises for the first cell that is not a number (None and NaN are empty
    cells). A Decimal or Fraction is a number when a float holds it exactly."""
    for row, v in enumerate(values):
        if v is None or (isinstance(v, float) and v != v):
            continue
        if _is_exact_type(v) and _exact_float(v) is not None:
            continue
        if isinstance(v, bool) or not (isinstance(v, (int, float)) or _is_np_number(np, v)):
            err = _lowlevel.cell_type_error(rubric._handle, row, slot, json.dumps(v, default=str))
            raise from_core(err.args)


_ID_LIKE = re.compile(r"^\s*\d+(\.\d+)?\s*$")


def _collect_lazy(df: Any) -> Any:
    """A polars LazyFrame is collected first (the work is eager anyway)."""
    if type(df).__name__ == "LazyFrame" and type(df).__module__.split(".")[0] == "polars":
        return df.collect()
    return df


def _accepted(rb: Rubric) -> set:
    slots = set(rb.slot_names)
    return slots | {s[:-2] for s in slots if s.endswith(".1")}


def _bad_columns(rb: Rubric, columns: List[str]) -> List[str]:
    """Columns named like an indicator id that the rubric does not accept."""
    accepted = _accepted(rb)
    return [c for c in columns if _ID_LIKE.match(c) and c not in accepted]


def _check_columns(rb: Rubric, columns: List[str], extra: str) -> List[str]:
    """Indicator-like columns the rubric does not know are an error naming them
    (or, with ``extra="ignore"``, skipped with a warning); returns the columns
    to use. A 2018 single column "35" beside "35.1"... is ambiguous: an error."""
    slots = set(rb.slot_names)
    accepted = _accepted(rb)
    bad = _bad_columns(rb, columns)
    for c in columns:
        if c in accepted and c not in slots and f"{c}.1" in columns:
            raise InvalidBatchError(
                f"columns {c!r} and {c + '.1'!r} both give indicator {c}: use {c!r} for one service, or {c}.1 to {c}.3 for one column per service"
            )
    if bad:
        if extra == "ignore":
            warnings.warn(f"columns {bad} are not indicators of {rb.id}; they are left out", stacklevel=3)
            return [c for c in columns if c not in bad]
        first = bad[0]
        hint = f" (it has spaces: {first.strip()!r}?)" if first != first.strip() and first.strip() in accepted else ""
        raise UnknownIndicatorError(
            f"column {first!r}{hint} is not an indicator of {rb.id}"
            + (f" (nor are {', '.join(repr(b) for b in bad[1:6])}{' ...' if len(bad) > 6 else ''})" if len(bad) > 1 else "")
            + f"; its indicator columns are {rb.slot_names[0]!r} to {rb.slot_names[-1]!r}. Pass extra=\"ignore\" to leave such columns out",
            indicator=first.strip(),
        )
    return columns


def _result_names(rb: Rubric, collect: bool) -> List[str]:
    names = ["index", "predicate"]
    if any(p.label for p in rb.predicates):
        names.append("predicate_label")
    names += ["official", "missing"] + [f"domain_{d.id}" for d in rb.domains] + [f"aspect_{a.id}" for a in rb.aspects]
    if collect:
        names.append("error")
    return names


FrameT = TypeVar("FrameT")


def score_frame(df: FrameT, *, rubric: Any = None, missing: MissingPolicy = "error", predicate_basis: Optional[PredicateBasis] = None, year: Optional[int] = None, errors: OnError = "raise", threads: int = 0, extra: Extra = "error", overwrite: bool = False, rubric_column: Optional[str] = None, year_column: Optional[str] = None) -> FrameT:
    return cast(FrameT, _score_frame(df, rubric=rubric, missing=missing, predicate_basis=predicate_basis, year=year, errors=errors, threads=threads, extra=extra, overwrite=overwrite, rubric_column=rubric_column, year_column=year_column))


def _score_frame(df: Any, *, rubric: Any = None, missing: MissingPolicy = "error", predicate_basis: Optional[PredicateBasis] = None, year: Optional[int] = None, errors: OnError = "raise", threads: int = 0, extra: Extra = "error", overwrite: bool = False, rubric_column: Optional[str] = None, year_column: Optional[str] = None) -> Any:
    """Scores a frame with one row per assessment and one column per indicator.

    ``df`` is a pandas or polars DataFrame; indicator columns are named by the
    indicator id (``"1"`` .. ``"47"``); the 2018 indicator 35 is the columns
    ``"35.1"``, ``"35.2"``, ``"35.3"`` (one per reported service; empty cells for
    services not reported) or a single column ``"35"`` for one service. Empty
    cells (None, NaN, null) are missing indicators. Other columns pass through
    unchanged and in order.

    Returns a frame of the same library with the columns ``index``,
    ``predicate``, ``domain_<id>`` and ``aspect_<id>`` added. With
    ``errors="raise"`` (default) the first bad cell or row raises an
    :class:`SpbeError` naming its row and indicator; with ``errors="collect"``
    failed rows get null results and their message in an ``error`` column.
    8/2026 values may be decimals: a float cell is read as its shortest decimal
    (``1.26`` is exactly 126/100). The predicate is read from the exact or the
    rounded index per the edition's rule for ``year`` (the evaluation year of
    every row; 59/2020: 2023 rounded, 2024 exact; else the edition's default,
    exact), unless ``predicate_basis`` says otherwise.
    The work happens in spbe-core with the GIL released, on ``threads``
    threads (0: one per core); the frame's int64/float64 columns are read in
    place meanwhile, so do not change the frame from another thread until
    the call returns.

    Strict: a column named like an indicator that the rubric does not have
    (``"48"``, ``"36"`` for 8/2026, ``" 4"`` with a space) is an
    :class:`UnknownIndicatorError` (``extra="ignore"`` leaves such columns
    out with a warning). The result columns are ``index``, ``predicate``,
    ``predicate_label`` (8/2026: Merintis ... Unggul), ``official`` (False for
    rows estimated by a non-official missing policy), ``missing`` (the missing
    indicators, or null), ``domain_<id>``, ``aspect_<id>`` (and ``error``);
    a frame that already has any of them is refused, naming them, unless
    ``overwrite=True`` (then they are replaced, e.g. to re-score a scored
    frame). An indicator column absent from the whole frame is a
    :class:`MissingIndicatorError` naming the columns (once), unless a
    missing policy allows it. A polars ``LazyFrame`` is collected first.
    Errors carry the row's index label in ``e.row`` (pandas; the position for
    polars) and its position in ``e.position``.
    """
    np = _numpy("score_frame")

    from . import _resolve_rubric

    df = _collect_lazy(df)
    kind = _kind(df)
    if errors not in ("raise", "collect"):
        raise ValueError('errors must be "raise" or "collect"')
    if extra not in ("error", "ignore"):
        raise ValueError('extra must be "error" or "ignore"')
    if rubric_column is not None or year_column is not None:
        return _score_mixed(df, kind, rubric, rubric_column, year_column, dict(missing=missing, predicate_basis=predicate_basis, year=year, errors=errors, threads=threads, extra=extra, overwrite=overwrite))
    rb = _resolve_rubric(rubric)
    if rb is None:
        raise UnknownRubricError("score_frame needs rubric= (an edition id or a Rubric), or rubric_column= / year_column=")
    columns = [str(c) for c in df.columns]
    seen = set()
    for c in columns:
        if c in seen:
            raise InvalidBatchError(f"column {c!r} appears more than once; give each column once")
        seen.add(c)
    if kind == "pandas" and columns != list(df.columns):
        df = df.rename(columns={c: str(c) for c in df.columns})
    taken = [c for c in _result_names(rb, True) if c in seen]
    if taken:
        if not overwrite:
            raise InvalidBatchError(
                f"the frame already has the result columns {taken}: pass overwrite=True to replace them (e.g. to score a scored frame again), or rename your columns"
            )
        df = df.drop(columns=taken) if kind == "pandas" else df.drop(taken)
        columns = [c for c in columns if c not in taken]
    usable = _check_columns(rb, columns, extra)
    sources = _source_columns(rb, usable)
    if missing == "error":
        absent = sorted({name.split(".")[0] for name, col in zip(rb.slot_names, sources) if col is None and not (name.endswith((".2", ".3")))})
        if absent and df.shape[0] > 0:
            raise MissingIndicatorError(
                f"the frame has no column for indicator(s) {', '.join(absent)} of {rb.id}; every indicator needs a column (or pass missing=\"lowest\" or \"renormalize\" for an unofficial estimate)",
                indicator=absent[0],
            )
    rows = df.shape[0]
    o: dict = {"missing": missing}
    if predicate_basis is not None:
        o["predicate_basis"] = predicate_basis
    if year is not None:
        o["year"] = year
    opts = json.dumps(o)
    # the usual frame (int64 or float64 columns) is read as it is, column
    # by column, once; others become one (slots x rows) C-ordered matrix:
    # uint8 levels, else float64 (the column-major (rows x slots) matrix, transposed)
    plain = _plain_columns(np, df, kind, sources)
    levels = None
    if plain is None:
        levels = _compact(np, df, kind, sources, threads)
        if levels is None:
            levels = _matrix(np, df, kind, rb, sources).T
    try:
        if plain is not None:
            floats, small, errs, lacking = _lowlevel.score_columns(rb._handle, plain, rows, opts, errors == "collect", threads)
        else:
            floats, small, errs, lacking = _lowlevel.score_matrix(rb._handle, levels, opts, errors == "collect", threads)
    except _lowlevel.CoreError as e:
        err = from_core(e.args)
        if err.row is not None:
            err.position = err.row
            err.row = df.index[err.row] if kind == "pandas" else err.row
            if kind == "pandas" and err.row != err.position:
                err.message = f"row {err.row!r} (position {err.position}): " + err.message.split(": ", 1)[-1]
                err.args = (err.message,)
        raise err from None
    dom_ids = [d.id for d in rb.domains]
    asp_ids = [a.id for a in rb.aspects]
    # new arrays that the core's batch wrote in place: `floats` holds the
    # index, then the domains and the aspects, one row each; `small` the
    # predicate and official, one byte per assessment
    index = floats[0]
    block = floats[1:]
    codes = small[0].astype(np.int16)
    codes[codes == 255] = -1
    # which indicators each row lacks, as spbe-core found them: `official`
    # (0/1 per row) and, for the rows lacking any, their ids ("3, 35")
    official = small[1].view(np.bool_)
    empty = bool(lacking)
    missing_col: List[Optional[str]] = [None] * rows if empty else []
    for r, ids in lacking:
        missing_col[r] = ids
    preds = rb.predicates
    names = [p.name for p in preds]
    labels = [p.label for p in preds]
    with_label = any(labels)
    parts: List[Tuple[str, Any]] = [(f"domain_{d}", block[k]) for k, d in enumerate(dom_ids)] + [(f"aspect_{a}", block[len(dom_ids) + k]) for k, a in enumerate(asp_ids)]
    error_col: Optional[List[Optional[str]]] = None
    if errors == "collect":
        error_col = [None] * rows
        for r, _code, _ind, msg in errs:
            error_col[r] = msg
    if kind == "pandas":
        import pandas as pd

        results = {"index": index, "predicate": pd.Categorical.from_codes(codes, categories=names, ordered=True)}
        if with_label:
            results["predicate_label"] = pd.Categorical.from_codes(codes, categories=[x or "" for x in labels], ordered=True)
        results["official"] = official
        results["missing"] = pd.Series(missing_col if empty else np.full(rows, None, dtype=object), index=df.index, dtype="object")
        # the arrays as they are (new ones, ours alone), not copied into blocks
        frames = [df, pd.DataFrame(results, index=df.index, copy=False)]
        if parts:
            # the domains and aspects as one float block that the frame adopts
            # as it is (the core's (columns x rows) buffer, transposed), not copied
            frames.append(pd.DataFrame(block.T, columns=[n for n, _ in parts], index=df.index, copy=False))
        if error_col is not None:
            frames.append(pd.DataFrame({"error": pd.Series(error_col, index=df.index, dtype="object")}, index=df.index))
        # one concatenation (not a column insert per result): no fragmented frame
        return pd.concat(frames, axis=1)
    import polars as pl

    no_pred = codes < 0
    pred = pl.Series("predicate", names, dtype=pl.Enum(names)).gather(pl.Series(np.where(no_pred, 0, codes))).to_frame()
    if no_pred.any():  # rows without a predicate (failed, or nothing to score): null
        pred = pred.with_columns(pl.when(pl.Series(no_pred)).then(None).otherwise(pl.col("predicate")).alias("predicate"))
    def series(name: str, values: Any) -> Any:
        out = pl.Series(name, values)
        # polars marks "no value" with null; only pay for it when there is one
        return out.fill_nan(None) if np.isnan(values).any() else out

    cols = [series("index", index), pred["predicate"]]
    if with_label:
        lab = [x or "" for x in labels]
        cols.append(pl.Series("predicate_label", [lab[c] if c >= 0 else None for c in codes.tolist()], dtype=pl.Utf8))
    missing_s = pl.Series("missing", missing_col, dtype=pl.Utf8) if empty else pl.Series("missing", [], dtype=pl.Utf8).extend_constant(None, rows)
    cols += [pl.Series("official", official), missing_s]
    cols += [series(n, c) for n, c in parts]
    if error_col is not None:
        cols.append(pl.Series("error", error_col, dtype=pl.Utf8))
    return df.with_columns(cols)



def _row_levels(rb: Rubric, sources: List[Any], values: List[List[Any]], row: int) -> dict:
    """One row's levels as the spbe JSON format: empty cells left out, whole
    floats as levels, the 2018 service columns as one list."""
    import math

    levels: dict = {}
    for slot, (name, col) in enumerate(zip(rb.slot_names, sources)):
        if col is None:
            continue
        v = values[slot][row]
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        if hasattr(v, "item"):
            v = v.item()  # numpy scalar
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        ind, _, item = name.partition(".")
        if item:
            levels.setdefault(ind, []).append(v)
        else:
            levels[ind] = v
    return levels


def plan_frame(
    df: Any,
    *,
    rubric: Any,
    to: Any,
    costs: Optional[dict] = None,
    max_levels: Optional[dict] = None,
    frozen: Optional[list] = None,
    missing: MissingPolicy = "error",
    predicate_basis: Optional[PredicateBasis] = None,
    year: Optional[int] = None,
    errors: OnError = "raise",
) -> Any:
    """The cheapest plan to ``to`` for every row of a frame (see :func:`spbe.plan`).

    Rows and indicator columns as for :func:`spbe.score_frame`. Returns a frame
    of the same library with ``plan_steps`` (one-level rises), ``plan_cost``,
    ``plan_index`` and ``plan_predicate`` (after the plan) and ``plan_raise``
    (``"32:3->5, 42:3->5"``; for 2018's services ``"35.2:1->3"``) added. A row
    that already meets the target gets 0 steps. With ``errors="collect"`` a
    row whose target is out of reach (or whose levels are invalid) gets empty
    results and its message in ``plan_error``; with ``"raise"`` the first such
    row raises, its row named. Each row is planned by spbe-core, one at a time.
    """
    from . import _resolve_rubric, plan
    from ._errors import SpbeError

    kind = _kind(df)
    if errors not in ("raise", "collect"):
        raise ValueError('errors must be "raise" or "collect"')
    rb = _resolve_rubric(rubric)
    if rb is None:
        raise UnknownRubricError("plan_frame needs rubric= (an edition id or a Rubric)")
    columns = [str(c) for c in df.columns]
    if len(set(columns)) != len(columns):
        raise InvalidBatchError("a column appears more than once; give each column once")
    sources = _source_columns(rb, columns)
    by_name = dict(zip(columns, df.columns))
    values = [
        (df[by_name[c]].tolist() if kind == "pandas" else df[c].to_list()) if c is not None else []
        for c in sources
    ]
    steps: List[Any] = []
    cost: List[Any] = []
    index: List[Any] = []
    pred: List[Any] = []
    raise_: List[Any] = []
    err: List[Optional[str]] = []
    for row in range(df.shape[0]):
        a: dict = {"rubric": rb.id, "levels": _row_levels(rb, sources, values, row)}
        if year is not None:
            a["year"] = year
        try:
            p = plan(a, to=to, costs=costs, max_levels=max_levels, frozen=frozen, rubric=rb, missing=missing, predicate_basis=predicate_basis)
        except SpbeError as e:
            if errors == "raise":
                e.row = row
                e.message = f"row {row}: {e.message}"
                e.args = (e.message,)
                raise
            for col in (steps, cost, index, pred, raise_):
                col.append(None)
            err.append(e.message)
            continue
        steps.append(sum(s.steps for s in p.steps))
        cost.append(p.cost)
        index.append(p.after.index)
        pred.append(p.after.predicate)
        raise_.append(", ".join(f"{s.indicator}{'.' + str(s.item) if s.item else ''}:{s.from_level}->{s.to_level}" for s in p.steps))
        err.append(None)
    results = {"plan_steps": steps, "plan_cost": cost, "plan_index": index, "plan_predicate": pred, "plan_raise": raise_}
    if errors == "collect":
        results["plan_error"] = err
    if kind == "pandas":
        import pandas as pd

        out = pd.DataFrame(
            {
                "plan_steps": pd.array(steps, dtype="Int64"),
                "plan_cost": pd.array(cost, dtype="Float64"),
                "plan_index": pd.array(index, dtype="Float64"),
                **{k: pd.Series(v, dtype="object", index=df.index) for k, v in results.items() if k in ("plan_predicate", "plan_raise", "plan_error")},
            },
            index=df.index,
        )
        return pd.concat([df, out], axis=1)
    import polars as pl

    return df.with_columns(
        [
            pl.Series("plan_steps", steps, dtype=pl.Int64),
            pl.Series("plan_cost", cost, dtype=pl.Float64),
            pl.Series("plan_index", index, dtype=pl.Float64),
            pl.Series("plan_predicate", pred, dtype=pl.Utf8),
            pl.Series("plan_raise", raise_, dtype=pl.Utf8),
        ]
        + ([pl.Series("plan_error", err, dtype=pl.Utf8)] if errors == "collect" else [])
    )


def rubric_for_year(year: int) -> str:
    """The edition in force in an evaluation year, from the editions' own
    ``in_force`` years (2018-2020: permenpanrb-5-2018; 2021-2025:
    permenpanrb-59-2020; from 2026: permenpanrb-8-2026)."""
    from ._errors import InvalidOptionsError
    from ._rubric import rubrics

    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidOptionsError(f"year {year!r}: give a whole number")
    for r in rubrics():
        span = r.in_force
        if span and span[0] <= year and (span[1] is None or year <= span[1]):
            return r.id
    raise InvalidOptionsError(f"no built-in edition is in force in {year}; the first is in force from 2018")


def validate_frame(df: Any, *, rubric: Any, missing: MissingPolicy = "error", predicate_basis: Optional[PredicateBasis] = None, year: Optional[int] = None) -> Any:
    """Every problem of every row of a frame (rows and columns as for
    :func:`spbe.score_frame`), as a frame of the same library with the
    columns ``row`` (the index label; the position for polars), ``position``,
    ``indicator``, ``code``, ``kind`` (``"value"``, ``"missing"`` or
    ``"invalid"``, as :func:`spbe.validate` gives it) and ``message``; empty
    when every row scores.
    Problems of the frame itself (a column that is not an indicator of the
    rubric, an indicator with no column) have an empty row. Never raises for
    bad data."""
    from . import _resolve_rubric, validate
    from ._errors import KIND_BY_CODE, SpbeError

    df = _collect_lazy(df)
    kind = _kind(df)
    rb = _resolve_rubric(rubric)
    if rb is None:
        raise UnknownRubricError("validate_frame needs rubric= (an edition id or a Rubric)")
    columns = [str(c) for c in df.columns]
    problems: List[Tuple[Any, Optional[int], Optional[str], str, str, str]] = []
    try:
        _check_columns(rb, columns, "error")
    except SpbeError as e:
        problems.append((None, None, e.indicator, e.code, e.kind, e.message))
    bad = set(_bad_columns(rb, columns))
    sources = _source_columns(rb, [c for c in columns if c not in bad])
    absent: List[str] = []
    for n, c in zip(rb.slot_names, sources):
        ind = n.split(".")[0]
        if c is None and not n.endswith((".2", ".3")) and ind not in absent:
            absent.append(ind)
    if absent and missing == "error":
        problems.append((None, None, absent[0], "missing_indicator", KIND_BY_CODE["missing_indicator"], f"the frame has no column for indicator(s) {', '.join(absent)} of {rb.id}"))
    by_name = dict(zip(columns, df.columns))
    values = [(df[by_name[c]].tolist() if kind == "pandas" else df[c].to_list()) if c is not None else [] for c in sources]
    labels = list(df.index) if kind == "pandas" else list(range(df.shape[0]))
    for pos in range(df.shape[0]):
        a: dict = {"rubric": rb.id, "levels": _row_levels(rb, sources, values, pos)}
        lacking = [ind.id for ind in rb.indicators if ind.id not in a["levels"]]
        for p in validate(a, rubric=rb, missing=missing, predicate_basis=predicate_basis, year=year):
            if p["code"] == "missing_indicator" and lacking and set(lacking) <= set(absent):
                continue  # an absent column is one problem of the frame, not one per row
            problems.append((labels[pos], pos, p["indicator"], str(p["code"]), str(p["kind"]), str(p["message"])))
    cols = ["row", "position", "indicator", "code", "kind", "message"]
    if kind == "pandas":
        import pandas as pd

        return pd.DataFrame({c: pd.Series([p[k] for p in problems], dtype="object") for k, c in enumerate(cols)})
    import polars as pl

    return pl.DataFrame(
        {
            "row": pl.Series([p[0] for p in problems], dtype=pl.Int64),
            "position": pl.Series([p[1] for p in problems], dtype=pl.Int64),
            "indicator": pl.Series([p[2] for p in problems], dtype=pl.Utf8),
            "code": pl.Series([p[3] for p in problems], dtype=pl.Utf8),
            "kind": pl.Series([p[4] for p in problems], dtype=pl.Utf8),
            "message": pl.Series([p[5] for p in problems], dtype=pl.Utf8),
        }
    )


def _score_mixed(df: Any, kind: str, rubric: Any, rubric_column: Optional[str], year_column: Optional[str], opts: dict) -> Any:
    """Rows of several editions and years in one frame: each row is scored
    with the edition its ``rubric_column`` names (else the edition in force
    in its ``year_column`` year, else ``rubric``) and its year's predicate
    rule. A row must leave empty the indicator columns its edition does not
    have. Results are the union of the editions' columns, in the frame's row
    order."""
    from ._errors import InvalidBatchError as _IB

    n = df.shape[0]
    get = (lambda c: df[c].tolist()) if kind == "pandas" else (lambda c: df[c].to_list())
    years = get(year_column) if year_column is not None else [opts["year"]] * n
    if rubric_column is not None:
        editions = get(rubric_column)
    elif year_column is not None:
        editions = [rubric_for_year(int(y)) if y is not None and y == y else None for y in years]
    else:
        editions = [rubric] * n
    groups: dict = {}
    for pos, (ed, y) in enumerate(zip(editions, years)):
        if ed is None or (isinstance(ed, float) and ed != ed):
            raise _IB(f"row {pos}: no edition (the {rubric_column or year_column} column is empty)")
        y = None if y is None or (isinstance(y, float) and y != y) else int(y)
        groups.setdefault((str(ed), y), []).append(pos)
    columns = [str(c) for c in df.columns]
    skip = {c for c in (rubric_column, year_column) if c is not None}
    parts = []
    for (ed, y), positions in groups.items():
        from . import _resolve_rubric

        rb = _resolve_rubric(ed)
        assert rb is not None
        sub = df.iloc[positions] if kind == "pandas" else df[positions]
        # other editions' indicator columns must be empty in this edition's rows
        foreign = [c for c in _bad_columns(rb, [c for c in columns if c not in skip])]
        for c in foreign:
            vals = sub[c].tolist() if kind == "pandas" else sub[c].to_list()
            for k, v in enumerate(vals):
                if v is not None and not (isinstance(v, float) and v != v):
                    raise UnknownIndicatorError(
                        f"row {positions[k]}: column {c!r} has a value but {rb.id} (this row's edition) has no indicator {c.strip()}",
                        indicator=c.strip(), row=positions[k],
                    )
        sub = sub.drop(columns=foreign) if kind == "pandas" else sub.drop(foreign)
        o = dict(opts, year=y)
        parts.append((positions, score_frame(sub, rubric=rb, **o)))
    if kind == "pandas":
        import pandas as pd

        out = pd.concat([p for _, p in parts])
        out = out.loc[df.index] if df.index.is_unique else out.sort_index(kind="stable")
        return out[[c for c in df.columns] + [c for c in out.columns if c not in set(df.columns)]]
    import polars as pl

    framed = [p.with_columns(pl.Series("__spbe_pos", positions)) for positions, p in parts]
    out = pl.concat(framed, how="diagonal_relaxed").sort("__spbe_pos").drop("__spbe_pos")
    return out.select([c for c in df.columns] + [c for c in out.columns if c not in set(df.columns)])


score_frame.__doc__ = (_score_frame.__doc__ or "") + """
    Typed: returns the kind of frame it is given (a polars LazyFrame gives a DataFrame).
    """
