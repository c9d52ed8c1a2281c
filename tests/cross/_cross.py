"""Shared plumbing of the cross-surface tests: the three ways of scoring one
assessment (the `spbe` program, the Python package in-process, the wasm build
under node) and a structural diff of JSON values.

Stdlib only (plus the `spbe` package for the Python surface).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# ----------------------------------------------------------------- locating things


def cli_path() -> str:
    p = os.environ.get("SPBE_CLI") or str(ROOT / "target" / "release" / "spbe")
    if not (os.path.isfile(p) and os.access(p, os.X_OK)):
        sys.exit(f"spbe CLI not found at {p} (build it: cargo build --release --bin spbe, or set SPBE_CLI)")
    return p


def node_path() -> str:
    p = shutil.which("node")
    if not p:
        sys.exit("node not found on PATH")
    return p


def check_wasm() -> None:
    pkg = os.environ.get("SPBE_WASM_NODE") or str(ROOT / "spbe-wasm" / "pkg" / "node" / "spbe_wasm.js")
    if not os.path.isfile(pkg):
        sys.exit(f"wasm package not found at {pkg} (build it: ./spbe-wasm/build.sh)")


# ----------------------------------------------------------------- options -> flags

OPTION_FLAGS = {"track": "--track", "missing": "--missing", "predicate_basis": "--predicate-basis", "year": "--year"}


def cli_flags(options: Optional[Dict[str, Any]]) -> List[str]:
    out: List[str] = []
    for k, v in (options or {}).items():
        if v is None:
            continue
        if k not in OPTION_FLAGS:
            raise ValueError(f"no CLI flag for option {k!r}")
        out += [OPTION_FLAGS[k], str(v)]
    return out


# ----------------------------------------------------------------- surface 1: the CLI

ERROR_LINE = re.compile(r"^spbe: error \[([A-Za-z0-9_]+)\]", re.M)


class CliResult:
    __slots__ = ("rc", "stdout", "stderr")

    def __init__(self, rc: int, stdout: str, stderr: str):
        self.rc, self.stdout, self.stderr = rc, stdout, stderr

    def code(self) -> Optional[str]:
        """The error code in brackets on stderr; `usage(<rc>)` for a usage error
        without one (clap), None if the program succeeded."""
        if self.rc == 0:
            return None
        m = ERROR_LINE.search(self.stderr)
        if m:
            return m.group(1)
        return f"<no code, exit {self.rc}>"

    def report(self) -> Any:
        return json.loads(self.stdout)


def run_cli(cli: str, path: str, options: Optional[Dict[str, Any]] = None, stdin: Optional[bytes] = None) -> CliResult:
    """`spbe score PATH --format json` with the options as flags; PATH may be
    `-` (then `stdin` is the input) or a vector."""
    p = subprocess.run([cli, "score", path, "--format", "json", *cli_flags(options)],
                       input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL, capture_output=True)
    return CliResult(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def run_cli_many(cli: str, jobs: Sequence[Tuple[str, Optional[Dict[str, Any]]]], workers: Optional[int] = None) -> List[CliResult]:
    """One process per job, `workers` at a time (default: one per core), in order."""
    workers = workers or os.cpu_count() or 2
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda j: run_cli(cli, j[0], j[1]), jobs))


# ----------------------------------------------------------------- surface 2: Python


def run_py(spbe: Any, assessment: Any, options: Optional[Dict[str, Any]] = None) -> Tuple[bool, Any]:
    """(True, report dict) or (False, (code, exception type name, message))."""
    kw = {k: v for k, v in (options or {}).items() if v is not None}
    try:
        return True, spbe.score(assessment, **kw).to_dict()
    except spbe.SpbeError as e:
        return False, (e.code, type(e).__name__, str(e))
    except Exception as e:  # noqa: BLE001 - a non-spbe exception is itself a finding
        return False, (None, type(e).__name__, str(e))


# ----------------------------------------------------------------- surface 3: node + wasm


class NodeScorer:
    """One long-running `node tests/cross/score.mjs`; requests go as JSON lines."""

    def __init__(self) -> None:
        check_wasm()
        self.proc = subprocess.Popen([node_path(), str(HERE / "score.mjs")], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(ROOT))
        self._next = 0

    def score_many(self, requests: Sequence[Tuple[Any, Optional[Dict[str, Any]]]]) -> List[Dict[str, Any]]:
        """Answers for (input, options) pairs, in order. Writing happens on a
        thread so that neither side blocks on a full pipe."""
        lines = []
        for inp, opts in requests:
            self._next += 1
            # ensure_ascii: a NUL or a lone surrogate travels as an escape
            lines.append(json.dumps({"id": self._next, "input": inp, "options": opts}, ensure_ascii=True) + "\n")
        first = self._next - len(lines) + 1
        stdin, stdout = self.proc.stdin, self.proc.stdout
        assert stdin is not None and stdout is not None

        def write() -> None:
            try:
                for ln in lines:
                    stdin.write(ln.encode("ascii"))
                stdin.flush()
            except BrokenPipeError:
                pass

        t = threading.Thread(target=write, daemon=True)
        t.start()
        out = []
        for k in range(len(lines)):
            ln = stdout.readline()
            if not ln:
                err = self.proc.stderr.read().decode("utf-8", "replace") if self.proc.stderr else ""
                raise RuntimeError(f"node helper ended early (exit {self.proc.poll()}): {err[-2000:]}")
            ans = json.loads(ln)
            if ans.get("id") != first + k:
                raise RuntimeError(f"node helper answered out of order: {ans.get('id')} for {first + k}")
            out.append(ans)
        t.join()
        return out

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> "NodeScorer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# ----------------------------------------------------------------- comparing JSON values


def _num_key(x: Any) -> Fraction:
    # the exact value of a parsed JSON number (an int, or a float's binary value)
    return Fraction(x)


def first_diff(a: Any, b: Any, path: str = "$", numeric: bool = True) -> Optional[str]:
    """The first place where two JSON values differ, or None.

    Numbers compare by exact value (3 equals 3.0: JSON itself, and JS in
    particular, does not tell them apart; 2.4 never equals 2.4000000000000004).
    With numeric=False an int and a float are different. A bool is never a
    number. Object keys compare as sets, in rubric-independent order."""
    ta, tb = type(a), type(b)
    isnum = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)  # noqa: E731
    if isnum(a) and isnum(b):
        if (not numeric and ta is not tb) or (a != b if ta is tb else _num_key(a) != _num_key(b)):
            return f"{path}: {a!r} != {b!r}"
        return None
    if ta is not tb:
        return f"{path}: {type(a).__name__} {_short(a)} != {type(b).__name__} {_short(b)}"
    if isinstance(a, dict):
        for k in a:
            if k not in b:
                return f"{path}.{k}: present ({_short(a[k])}) vs absent"
        for k in b:
            if k not in a:
                return f"{path}.{k}: absent vs present ({_short(b[k])})"
        for k in a:
            d = first_diff(a[k], b[k], f"{path}.{k}", numeric)
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, f"{path}[{i}]", numeric)
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        return None
    if a != b:
        return f"{path}: {_short(a)} != {_short(b)}"
    return None


def _short(v: Any, n: int = 160) -> str:
    s = json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else repr(v)
    return s if len(s) <= n else s[:n] + "..."


def import_spbe() -> Any:
    try:
        import spbe  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("the spbe Python package is not importable (run with .venv/bin/python; "
                 "install: .venv/bin/python -m pip install ./spbe-py)")
    return spbe


def uniq(xs: Iterable[Any]) -> List[Any]:
    out: List[Any] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out
