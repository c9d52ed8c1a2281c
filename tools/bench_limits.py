#!/usr/bin/env python3
"""Cost of large and adversarial inputs through the `spbe` CLI, as ratios.

Each case runs the release CLI in a fresh process and reads its wall time
and peak memory (``wait4``'s ru_maxrss). What is printed are ratios, never
asserted times:

* for rubrics of 10,000 and 100,000 indicators, the cost of the larger over
  the smaller for each kind of assessment: linear work gives about 10x;
  quadratic work gives about 100x;
* for adversarial inputs under the 16 MiB input limit, the peak memory per
  byte of input and the time against scoring a valid input of the same
  size (the same 100,000-indicator assessment), so a blow-up shows as a
  large ratio.

Usage: python3 tools/bench_limits.py [--cli target/release/spbe] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run(cmd: list[str]) -> tuple[float, int, int]:
    """(seconds, peak RSS in KiB or 0 when unknown, exit status) of one process.

    Peak memory is read by GNU time (Debian's package `time`), which starts the
    process from its own small image: a child of this Python process would
    inherit this process's high-water mark across exec."""
    with tempfile.NamedTemporaryFile("r") as rss:
        wrap = [GNU_TIME, "-q", "-o", rss.name, "-f", "%M"] if GNU_TIME else []
        t0 = time.perf_counter()
        p = subprocess.run(wrap + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        text = rss.read().strip().splitlines()
    kib = int(text[-1]) if text and text[-1].isdigit() else 0
    return dt, kib, p.returncode


def best(cmd: list[str], repeat: int) -> tuple[float, int, int]:
    runs = [run(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[0][2]


def rubric(n: int) -> dict:
    """A valid custom rubric of n indicators in 100 aspects of equal weight."""
    aspects = []
    per = n // 100
    for a in range(100):
        w_ind = f"{1 / per:.6f}" if per in (100, 1000) else None
        assert w_ind is not None, "n must be 10,000 or 100,000"
        aspects.append(
            {
                "id": f"A{a}",
                "name": f"A{a}",
                "weight": 1,
                "indicators": [
                    {"id": f"i{a}-{k}", "name": "x", "weight": w_ind, "scale": "s"}
                    for k in range(per)
                ],
            }
        )
    return {
        "id": f"big{n}",
        "title": f"{n} indicators",
        "status": "custom",
        "scales": [{"id": "s", "name": "S", "levels": [{"level": 1}, {"level": 2}, {"level": 3}]}],
        "band_bounds": "lower_inclusive",
        "predicates": [{"name": "Low", "min": 1, "max": 2}, {"name": "High", "min": 2, "max": 3}],
        "aspects": aspects,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.environ.get("SPBE_CLI", str(ROOT / "target/release/spbe")))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cli = args.cli
    if not Path(cli).exists():
        print(f"no CLI at {cli}; build it with: cargo build --release --bin spbe", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="spbe-limits-"))

    def write(name: str, data: str | dict) -> Path:
        p = tmp / name
        p.write_text(data if isinstance(data, str) else json.dumps(data))
        return p

    print("== rubric size: 100,000 over 10,000 indicators (linear ~10x, quadratic ~100x)")
    print(f"{'case':44} {'10k s':>8} {'100k s':>8} {'time x':>7} {'mem x':>6}")
    kinds = {
        "every indicator present (score)": lambda rb: ("score", {"levels": {i["id"]: 2 for a in rb["aspects"] for i in a["indicators"]}}, []),
        "nothing filled (score: missing_indicator)": lambda rb: ("score", {"levels": {}}, []),
        "nothing filled, --missing lowest": lambda rb: ("score", {"levels": {}}, ["--missing", "lowest"]),
        "one indicator filled, --missing renormalize": lambda rb: ("score", {"levels": {"i0-0": 3}}, ["--missing", "renormalize"]),
        "20,000 unknown keys (validate)": lambda rb: ("validate", {"levels": {f"u{k}": 1 for k in range(20_000)}}, []),
        "rubric validation only (rubric show)": lambda rb: ("rubric", None, []),
    }
    results: dict[str, dict[int, tuple[float, int, int]]] = {k: {} for k in kinds}
    same_size_valid = None
    for n in (10_000, 100_000):
        rb = rubric(n)
        rpath = write(f"rubric-{n}.json", rb)
        for name, make in kinds.items():
            cmd_name, body, extra = make(rb)
            if cmd_name == "rubric":
                cmd = [cli, "rubric", str(rpath), "--format", "json"]
            else:
                a = {"rubric": rb["id"], **body}
                apath = write(f"a-{n}-{list(kinds).index(name)}.json", a)
                cmd = [cli, cmd_name, str(apath), "--rubric", str(rpath), *extra]
                if n == 100_000 and name.startswith("every"):
                    same_size_valid = (cmd, apath.stat().st_size)
            results[name][n] = best(cmd, args.repeat)
    for name, r in results.items():
        (t1, m1, _), (t2, m2, _) = r[10_000], r[100_000]
        print(f"{name:44} {t1:8.3f} {t2:8.3f} {t2 / t1:7.1f} {m2 / m1:6.1f}")

    print("\n== adversarial inputs under the 16 MiB limit (59/2020 unless said)")
    assert same_size_valid is not None
    base_t, base_m, _ = best(same_size_valid[0], args.repeat)
    base_per_byte = base_m * 1024 / same_size_valid[1]
    print(f"baseline: a valid {same_size_valid[1] / 2**20:.1f} MiB assessment (100k indicators) scores in "
          f"{base_t:.3f} s, peak {base_m / 1024:.0f} MiB ({base_per_byte:.1f} bytes of memory per input byte)")
    print(f"{'case':50} {'MiB in':>7} {'time x':>7} {'mem/byte':>9} {'exit':>5}")
    full = {str(i): 3 for i in range(1, 48)}
    big = 16 * 2**20 - 4096
    cases: list[tuple[str, list[str], Path]] = []

    def case(name: str, text: str, cmd: str = "score") -> None:
        p = write(f"adv-{len(cases)}.json", text)
        cases.append((name, [cli, cmd, str(p)], p))

    items = (big - 200) // 2
    case("an 8M-item list on one indicator", json.dumps({"rubric": "permenpanrb-59-2020", "levels": {**full, "1": "LIST"}}).replace('"LIST"', "[" + ",".join(["1"] * items) + "]"))
    case("the same, validate", cases[-1][2].read_text(), "validate")
    case("a 16 MiB year", json.dumps({"rubric": "permenpanrb-59-2020", "year": 0, "levels": full}).replace('"year": 0', '"year": ' + "9" * (big - 600)))
    case("a 16 MiB string level", json.dumps({"rubric": "permenpanrb-59-2020", "levels": {**full, "1": "x" * (big - 600)}}))
    case("a 12.5 MiB note", json.dumps({"rubric": "permenpanrb-59-2020", "levels": full, "notes": {"1": "n" * (25 * 2**19)}}))
    case("2,000-deep nested list as a level", json.dumps({"rubric": "permenpanrb-59-2020", "levels": {**full, "1": "DEEP"}}).replace('"DEEP"', "[" * 2000 + "]" * 2000))
    keys = {f"x{k}": 1 for k in range(1_000_000)}
    case("1,000,000 unknown keys (validate)", json.dumps({"rubric": "permenpanrb-59-2020", "levels": {**full, **keys}}), "validate")
    case("a vector of ~16M separators", "SPBE1.permenpanrb-59-2020.E1" + "~" * (big - 40))
    case("a vector with a 16 MiB level run", "SPBE1.permenpanrb-59-2020.L" + "3" * (big - 40))
    case("8/2026: a 16 MiB decimal", json.dumps({"rubric": "permenpanrb-8-2026", "levels": {"1": "NUM"}}).replace('"NUM"', "1." + "1" * (big - 100)))
    for name, cmd, path in cases:
        t, m, rc = best(cmd, args.repeat)
        size = path.stat().st_size
        print(f"{name:50} {size / 2**20:7.1f} {t / base_t:7.1f} {m * 1024 / size:9.1f} {rc:5}")
    print("\n(time x: against the baseline; mem/byte: peak memory over input size; exit 1 = a clear error)")
    if not GNU_TIME:
        print("(memory columns need GNU time: apt-get install time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
