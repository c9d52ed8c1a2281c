#!/usr/bin/env python3
"""Benchmark of one spbe.score(dict) call (a script, not a test).

For every built-in edition, scores a plain {indicator: level} dict and reads
the index and predicate, and compares in the same run with what a user would
write instead: a pure-Python weighted sum over the same dict, with the
weights read once from spbe.Rubric (floats; no predicate, no domains, no
checks). Goal (issue 9): spbe.score within 5x of the sum.

Also shown, for information: the JSON path (the same dict through
json.dumps, as before issue 9), and the first read of report.indicators
(made once, on first use).

    python spbe-py/bench/bench_score.py [--number 1000] [--repeat 15]
"""
import argparse
import random
import time
import timeit

import spbe


# the process's CPU time: every call here runs on one thread, and CPU time is
# what a busy machine (other processes on the same cores) disturbs least
TIMER = time.process_time


def best(fns, number, repeat):
    """Best time per call of each function; their runs are interleaved, so a
    busy moment of the machine hits them alike."""
    out = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, (fn, n) in enumerate(fns):
            n = max(1, int(number * n))
            out[k] = min(out[k], timeit.Timer(fn, timer=TIMER).timeit(number=n) / n)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--number", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(2024)
    print(f"one call, best of {args.repeat} x {args.number} (CPU time, runs interleaved)\n")
    for rb in spbe.rubrics():
        lo = min(lv.level for i in rb.indicators for lv in i.levels)
        d = {i.id: ([rng.randint(lo, 5)] if i.items else rng.randint(lo, 5)) for i in rb.indicators}
        weights = {i.id: i.weight / 100 for i in rb.indicators}

        def py_sum(d=d, w=weights):
            s = 0.0
            for k, v in d.items():
                s += w[k] * (v if type(v) is int else sum(v) / len(v))
            return s

        def spbe_score(d=d, rb=rb):
            r = spbe.score(d, rubric=rb)
            return r.index, r.predicate

        def spbe_json_path(d=d, rb=rb):
            spbe._DIRECT = False
            try:
                r = spbe.score(d, rubric=rb)
                return r.index, r.predicate
            finally:
                spbe._DIRECT = True

        def with_indicators(d=d, rb=rb):
            return spbe.score(d, rubric=rb).indicators

        assert abs(spbe_score()[0] - py_sum()) <= 0.005 + 1e-9, "score and the weighted sum disagree"
        t_py, t_sc, t_js, t_in = best([(py_sum, 1), (spbe_score, 1), (spbe_json_path, 0.25), (with_indicators, 0.25)], args.number, args.repeat)
        print(
            f"{rb.id:20s} score {t_sc * 1e6:7.2f} us   python sum {t_py * 1e6:6.2f} us   "
            f"ratio {t_sc / t_py:5.2f}x (goal <= 5)   | json path {t_js * 1e6:7.2f} us ({t_js / t_py:5.1f}x)   "
            f"score + .indicators {t_in * 1e6:7.2f} us"
        )


if __name__ == "__main__":
    main()
