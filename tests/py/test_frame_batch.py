"""score_frame on frames large enough to be split: the compiled module scores
a frame in one range of rows per thread, 8192 rows at a time, and writes the
results into new arrays in place; int64 and float64 columns are packed into
one byte per cell there too. Whatever the split, every row's results must be
those of spbe.score on that row alone."""
import math

import pytest

import spbe

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
np = pytest.importorskip("numpy")

R20 = "permenpanrb-59-2020"
IDS = [str(i) for i in range(1, 48)]
N = 20_003  # three chunks of 8192 rows on one thread; uneven parts on 2 and 3 threads
# rows at the edges of chunks (8192, 16384) and of the threads' parts
# (2 threads: 10002 rows each; 3 threads: 6668), and the first and last row
EDGES = [0, 1, 6667, 6668, 8191, 8192, 10001, 10002, 13335, 13336, 16383, 16384, N - 2, N - 1]
# (indicator column, value) put on the edge rows: bad levels, empty cells
SPECIAL = [("12", 9.0), ("1", np.nan), ("47", 2.5), ("30", 0.0), ("5", np.nan), ("5", 300.0), ("2", -1.0)]


def levels_matrix():
    """N x 47 float levels: random whole levels 1..5, and on the edge rows a
    bad or empty cell (cycling through SPECIAL); a few edge rows stay good."""
    rng = np.random.default_rng(2026)
    m = rng.integers(1, 6, size=(N, 47)).astype(float)
    for k, row in enumerate(EDGES):
        if k % 5 == 4:
            continue  # a good row at an edge
        ind, v = SPECIAL[k % len(SPECIAL)]
        m[row, int(ind) - 1] = v
    return m


def per_row(levels, missing):
    """(index, predicate, official, missing, domains, aspects, error) of one
    row scored alone (empty cells left out, as score_frame reads them)."""
    d = {i: (int(v) if float(v).is_integer() else float(v)) for i, v in zip(IDS, levels) if not math.isnan(v)}
    # a row is official when it lacks no indicator, whether it scores or fails
    lacking = [i for i in IDS if i not in d]
    try:
        r = spbe.score(d, rubric=R20, missing=missing)
    except spbe.SpbeError as e:
        return (None, None, not lacking, ", ".join(lacking) or None, None, None, e.message)
    return (
        r.index,
        r.predicate,
        r.official,
        ", ".join(lacking) or None,
        [x.index for x in r.domains],
        [x.index for x in r.aspects],
        None,
    )


def frame_rows(out, rows):
    """The same tuple for rows of a scored frame (pandas or polars)."""
    get = (lambda c: out[c].tolist()) if isinstance(out, pd.DataFrame) else (lambda c: out[c].to_list())
    cols = {c: get(c) for c in ["index", "predicate", "official", "missing", "error"]}
    doms = [get(f"domain_{d}") for d in "1234"]
    asps = [get(f"aspect_{a}") for a in "12345678"]

    def num(x):
        return None if x is None or (isinstance(x, float) and math.isnan(x)) else x

    res = []
    for r in rows:
        err = cols["error"][r]
        if err is not None:
            res.append((num(cols["index"][r]), None if cols["predicate"][r] is None or (isinstance(cols["predicate"][r], float)) else str(cols["predicate"][r]), bool(cols["official"][r]), cols["missing"][r], None, None, err.split(": ", 1)[1]))
            continue
        res.append((num(cols["index"][r]), str(cols["predicate"][r]), bool(cols["official"][r]), cols["missing"][r], [num(c[r]) for c in doms], [num(c[r]) for c in asps], None))
    return res


def make(kind, m):
    data = {"name": [f"r{k}" for k in range(N)]}
    if kind.endswith("float64"):
        cols = {i: m[:, k] for k, i in enumerate(IDS)}
    else:
        # whole levels only: empty and fractional cells become 3 (int columns hold neither)
        w = np.where(np.isnan(m) | (m != np.round(m)), 3, m).astype(np.int64)
        cols = {i: w[:, k] for k, i in enumerate(IDS)}
    data.update(cols)
    if kind.startswith("pandas-2d"):
        # from one 2-D array: each column is strided in the frame's block
        block = np.column_stack([cols[i] for i in IDS])
        df = pd.DataFrame(block, columns=IDS, copy=False)
        assert not df["1"].to_numpy().flags.c_contiguous
        return pd.concat([pd.DataFrame({"name": data["name"]}), df], axis=1)
    if kind.startswith("polars"):
        return pl.DataFrame(data)
    if kind == "pandas-mixed-float64":
        # int32 columns among float64 ones: the frame goes the matrix way,
        # its float64 columns packed by the compiled module (pack_levels),
        # which gives up on the chunks that hold 2.5 or 300
        w = whole(m)
        for i in MIXED:
            data[i] = w[:, int(i) - 1].astype(np.int32)
    df = pd.DataFrame(data)
    if kind == "pandas-int32":
        df = df.astype({i: "int32" for i in IDS})  # packed by numpy, not the compiled module
    return df


def whole(m):
    """The levels an int column can hold: empty and fractional cells as 3."""
    return np.where(np.isnan(m) | (m != np.round(m)), 3, m)


MIXED = ["3", "40"]


def matrix_of(kind, m):
    if kind == "pandas-mixed-float64":
        m = m.copy()
        for i in MIXED:
            m[:, int(i) - 1] = whole(m)[:, int(i) - 1]
        return m
    if kind.endswith("float64"):
        return m
    return whole(m)


KINDS = ["pandas-int64", "pandas-float64", "pandas-int32", "pandas-mixed-float64", "pandas-2d-int64", "pandas-2d-float64", "polars-int64", "polars-float64"]


@pytest.fixture(scope="module")
def matrix():
    return levels_matrix()


@pytest.mark.parametrize("kind", KINDS)
def test_split_frames_equal_rows_scored_alone(kind, matrix):
    df = make(kind, matrix)
    m = matrix_of(kind, matrix)
    rng = np.random.default_rng(5)
    rows = sorted(set(EDGES) | set(rng.integers(0, N, size=150).tolist()))
    outs = [spbe.score_frame(df, rubric=R20, errors="collect", missing="lowest", threads=t) for t in (1, 2, 3)]
    expect = [per_row(m[r], "lowest") for r in rows]
    for out in outs:
        assert frame_rows(out, rows) == expect
    # every row (not only the sample) is the same however the rows are split
    for out in outs[1:]:
        if kind.startswith("pandas"):
            pd.testing.assert_frame_equal(out, outs[0])
        else:
            assert out.equals(outs[0])
    # bad rows are exactly the edge rows given a bad level (empty cells are estimated)
    errors = outs[0]["error"].tolist() if kind.startswith("pandas") else outs[0]["error"].to_list()
    # (the other rows hold whole levels from 1 to 5)
    bad = {r for r in EDGES if per_row(m[r], "lowest")[6] is not None}
    assert {r for r, e in enumerate(errors) if e is not None} == bad and bad


@pytest.mark.parametrize("kind", KINDS)
def test_split_frames_raise_for_the_first_bad_row(kind, matrix):
    df = make(kind, matrix)
    m = matrix_of(kind, matrix)
    for t in (1, 2, 3):
        with pytest.raises(spbe.SpbeError) as e:
            spbe.score_frame(df, rubric=R20, threads=t)
        assert e.value.position == 0 and e.value.message.split(": ", 1)[1] == per_row(m[0], "error")[6]
    # bad rows in the second and third of three parts (6668 rows each) and
    # none in the first: the first bad row is named however the rows are split
    clean = np.random.default_rng(9).integers(1, 6, size=(N, 47)).astype(float)
    clean[14_000, 0] = 0
    clean[9_000, 11] = 9
    clean[19_000, 4] = 7
    for t in (1, 2, 3):
        with pytest.raises(spbe.LevelOutOfRangeError) as e:
            spbe.score_frame(make(kind, clean), rubric=R20, threads=t)
        assert (e.value.position, e.value.indicator) == (9_000, "12")


INT_EDGES = [0, 1, 5, 6, 254, 255, 256, -1, 2**40, -(2**63), 2**63 - 1]
FLOAT_EDGES = [0.0, -0.0, 1.0, 5.0, 254.0, 255.0, 256.0, -1.0, 2.5, 1e300, -1e300, float("nan"), 2.0**53 + 1]


@pytest.mark.parametrize("lib", ["pandas", "polars"])
@pytest.mark.parametrize("rid", ["permenpanrb-5-2018", R20])
@pytest.mark.parametrize("values", [INT_EDGES, FLOAT_EDGES], ids=["int64", "float64"])
def test_packing_edge_values(lib, rid, values):
    """Values at the edges of one byte (0..254 are packed, 255 means empty,
    anything else goes to the core as float64): each row as scored alone."""
    rb = spbe.Rubric.builtin(rid)
    ids = [i.id for i in rb.indicators]
    n = len(values) * 2
    data = {i: np.full(n, 2, dtype=np.int64) for i in ids}
    col = np.array(values * 2, dtype=np.int64 if values is INT_EDGES else np.float64)
    data[ids[1]] = col
    df = pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data, nan_to_null=False)
    out = spbe.score_frame(df, rubric=rid, errors="collect", missing="lowest")
    get = (lambda c: out[c].tolist()) if lib == "pandas" else (lambda c: out[c].to_list())
    index, errors = get("index"), get("error")
    for k, v in enumerate(col.tolist()):
        levels = {i: 2 for i in ids}
        if isinstance(v, float) and math.isnan(v):
            del levels[ids[1]]
        else:
            levels[ids[1]] = int(v) if isinstance(v, int) or (v.is_integer() and abs(v) < 2**53) else v
        try:
            r = spbe.score(levels, rubric=rid, missing="lowest")
            assert (index[k], errors[k]) == (r.index, None), v
        except spbe.SpbeError as e:
            if math.isfinite(v) and 2**53 <= abs(v) and (isinstance(v, int) or abs(v) < 1e16):
                # known: an int64 cell past 2^53 reaches the core as float64,
                # whose message writes the float (-9.223372036854776e+18)
                # where spbe.score writes the int itself; a whole float below
                # 1e16 is written without Python's ".0". From 1e16 a float
                # is written as Python writes it (1e+300), tested below.
                assert errors[k].startswith(f"row {k}: indicator {ids[1]}: level ") and "out of range" in errors[k], v
            else:
                assert errors[k] == f"row {k}: {e.message}", v


def test_infinite_cells_fail_as_in_score():
    d = {i: [3.0, 3.0] for i in IDS}
    d["2"] = [float("inf"), float("-inf")]
    out = spbe.score_frame(pd.DataFrame(d), rubric=R20, errors="collect")
    for k, v in enumerate(d["2"]):
        with pytest.raises(spbe.SpbeError) as e:
            spbe.score({**{i: 3 for i in IDS}, "2": v}, rubric=R20)
        assert e.value.code == "invalid_level_type"
        assert out["error"][k] == f"row {k}: {e.value.message}"


def test_bad_float_cells_get_the_code_score_gives():
    """Not whole wherever it lies (7.5 above the scale, 1e-30 below it) is
    non_integer_level, a whole number past the scale out of range, as
    spbe.score says for the same float, in the same words (floats from 1e16
    and below 1e-4 written as Python writes them, 1e+20 and 1e-30)."""
    vals = [7.5, -2.5, 1e-30, 0.5, 9.0, 1e20, 1e300, 2.5e-7]
    d = {i: [3.0] * len(vals) for i in IDS}
    d["2"] = vals
    out = spbe.validate_frame(pd.DataFrame(d), rubric=R20)
    got = dict(zip(out["row"], out["code"]))
    # the batch's own messages (score_frame), not validate_frame's
    said = spbe.score_frame(pd.DataFrame(d), rubric=R20, errors="collect")["error"]
    for k, v in enumerate(vals):
        with pytest.raises(spbe.SpbeError) as e:
            spbe.score({**{i: 3 for i in IDS}, "2": v}, rubric=R20)
        assert got[k] == e.value.code, v
        if v != 9.0:  # spbe.score writes 9.0 as Python does, a frame as 9
            assert said[k] == f"row {k}: {e.value.message}", v
    assert [got[k] for k in range(len(vals))] == ["non_integer_level"] * 4 + ["level_out_of_range"] * 3 + ["non_integer_level"]


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_result_columns_can_be_assigned(lib):
    """The result columns are ordinary, writable columns (the domain and
    aspect columns of pandas frames were backed by a read-only buffer once,
    so that assigning a cell raised), and scoring leaves the input alone."""
    data = {i: [3, 4, 5] for i in IDS}
    df = pd.DataFrame(data) if lib == "pandas" else pl.DataFrame(data)
    before = df.copy() if lib == "pandas" else df.clone()
    out = spbe.score_frame(df, rubric=R20)
    cols = ["index", "official", "domain_1", "aspect_8"]
    if lib == "pandas":
        for c in cols:
            out.loc[2, c] = out.loc[0, c]
        out["domain_2"] += 1
        assert [out[c].tolist() for c in cols] == [[3.0, 4.0, 3.0], [True, True, True], [3.0, 4.0, 3.0], [3.0, 4.0, 3.0]]
        assert out["domain_2"].tolist() == [4.0, 5.0, 6.0]
        pd.testing.assert_frame_equal(df, before)
    else:
        for c in cols:
            out[2, c] = out[0, c]
        assert [out[c].to_list() for c in cols] == [[3.0, 4.0, 3.0], [True, True, True], [3.0, 4.0, 3.0], [3.0, 4.0, 3.0]]
        assert df.equals(before)
    # a second scoring gives new columns: the first result is not touched
    again = spbe.score_frame(df, rubric=R20)
    assert (again["index"].tolist() if lib == "pandas" else again["index"].to_list()) == [3.0, 4.0, 5.0]
    assert (out["index"].tolist() if lib == "pandas" else out["index"].to_list()) == [3.0, 4.0, 3.0]


def test_lowlevel_batch_refuses_misshapen_input():
    """The compiled entry points check what the Python layer hands them: a
    matrix must have one C-ordered row per slot, and the columns one array
    per slot of the frame's row count; otherwise invalid_batch, not a crash."""
    from spbe import _lowlevel

    rb = spbe.Rubric.builtin(R20)._handle
    opts = '{"missing": "error"}'
    good = np.full((47, 3), 3, dtype=np.uint8)
    floats, small, errs, lacking = _lowlevel.score_matrix(rb, good, opts, False)
    assert floats.shape == (13, 3) and small.shape == (2, 3) and floats[0].tolist() == [3.0] * 3 and (errs, lacking) == ([], [])
    for bad in (np.full((46, 3), 3, dtype=np.uint8), np.asfortranarray(good), good.astype(np.float64).T.copy()):
        with pytest.raises(_lowlevel.CoreError) as e:
            _lowlevel.score_matrix(rb, bad, opts, False)
        assert e.value.args[0] == "invalid_batch"
    # a misaligned float matrix (a view one byte into a buffer): not readable in place
    raw = np.zeros(47 * 3 * 8 + 1, dtype=np.uint8)
    misaligned = raw[1:].view(np.float64).reshape(47, 3)
    misaligned[:] = 3.0
    assert not misaligned.flags.aligned
    with pytest.raises(_lowlevel.CoreError) as e:
        _lowlevel.score_matrix(rb, misaligned, opts, False)
    assert e.value.args[0] == "invalid_batch"
    cols = [np.full(3, 3, dtype=np.int64)] * 46 + [None]
    with pytest.raises(_lowlevel.CoreError) as e:
        _lowlevel.score_columns(rb, cols[:-1], 3, opts, False)  # one column short
    assert e.value.args[0] == "invalid_batch"
    with pytest.raises(_lowlevel.CoreError) as e:
        _lowlevel.score_columns(rb, cols[:-1] + [np.full(2, 3.0)], 3, opts, False)  # a short column
    assert e.value.args[0] == "invalid_batch"
    # a slot without a column is empty in every row: with "lowest", indicator 47 (3.00 %) at level 1
    floats, small, errs, lacking = _lowlevel.score_columns(rb, cols, 3, '{"missing": "lowest"}', False)
    assert floats[0].tolist() == [2.94] * 3 and small[1].tolist() == [0, 0, 0] and lacking == [(0, "47"), (1, "47"), (2, "47")]


@pytest.mark.parametrize("lib", ["pandas", "polars"])
def test_one_frame_scored_from_several_python_threads_at_once(lib, matrix):
    """The GIL is released while a frame is scored, and its columns are read
    in place: other threads scoring the same frame (as dask's threaded
    scheduler does with partitions) get the same results."""
    from concurrent.futures import ThreadPoolExecutor

    df = make(f"{lib}-float64", matrix)
    expect = spbe.score_frame(df, rubric=R20, errors="collect", missing="lowest")
    with ThreadPoolExecutor(4) as pool:
        outs = list(pool.map(lambda t: spbe.score_frame(df, rubric=R20, errors="collect", missing="lowest", threads=t), [0, 1, 2, 3, 0, 2]))
    for out in outs:
        if lib == "pandas":
            pd.testing.assert_frame_equal(out, expect)
        else:
            assert out.equals(expect)


def test_mixed_dtypes_packed_in_the_compiled_module():
    """int32 among float64 columns, every cell a level: the float64 columns
    are packed to bytes by the compiled module (pack_levels succeeds) and
    each row's results are spbe.score's."""
    rng = np.random.default_rng(7)
    m = rng.integers(1, 6, size=(5000, 47))
    data = {i: m[:, k].astype(np.float64) for k, i in enumerate(IDS)}
    data["3"] = m[:, 2].astype(np.int32)
    out = spbe.score_frame(pd.DataFrame(data), rubric=R20)
    for row in (0, 1234, 4999):
        r = spbe.score({i: int(v) for i, v in zip(IDS, m[row])}, rubric=R20)
        assert (out["index"][row], out["predicate"][row]) == (r.index, r.predicate)
        assert [out[f"aspect_{a.id}"][row] for a in r.aspects] == [a.index for a in r.aspects]
