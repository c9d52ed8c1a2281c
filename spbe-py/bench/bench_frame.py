#!/usr/bin/env python3
"""Benchmark of spbe.score_frame (a script, not a test).

Scores N random PermenPANRB 59/2020 assessments from a pandas frame and from a
polars frame with score_frame, and compares in the same run with
  (a) numpy computing only the index, as a matrix-vector product of the same frame,
  (b) the frame library itself computing only the index (pandas: df[ids].dot(w);
      polars: one sum_horizontal expression), and
  (c) a per-row Python loop calling spbe.score (timed on a sample, scaled up).
Goal (issue 9): score_frame (which also produces every domain, aspect and
predicate, exactly) within 1.5x of (a) and at least 50x faster than (c).

    python spbe-py/bench/bench_frame.py [--rows 100000] [--repeat 5]
"""
import argparse
import time

import numpy as np
import pandas as pd
import polars as pl

import spbe


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def best_interleaved(fns, repeat):
    """Best wall time of each function, their runs interleaved so that a busy
    moment of the (shared) machine hits them alike. Each turn runs a function
    twice and times the second run, so that what the previous function left
    running (numpy's BLAS threads spin for a while after a product) is over."""
    out = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            fn()
            t = time.perf_counter()
            fn()
            out[k] = min(out[k], time.perf_counter() - t)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--loop-sample", type=int, default=2_000)
    args = ap.parse_args()

    rubric = spbe.Rubric.builtin("permenpanrb-59-2020")
    ids = [i.id for i in rubric.indicators]
    weights = np.array([i.weight for i in rubric.indicators]) / 100.0
    rng = np.random.default_rng(2024)
    levels = rng.integers(1, 6, size=(args.rows, len(ids)))
    data = {"institution": [f"inst-{k}" for k in range(args.rows)], **{i: levels[:, k] for k, i in enumerate(ids)}}
    frames = {"pandas": pd.DataFrame(data), "polars": pl.DataFrame(data)}

    print(f"{args.rows} assessments of {rubric.id}, best of {args.repeat} runs\n")
    sample = frames["pandas"][ids].head(args.loop_sample).to_numpy().tolist()
    t_loop = best(lambda: [spbe.score(dict(zip(ids, row)), rubric=rubric) for row in sample], 1) * args.rows / len(sample)
    for name, df in frames.items():
        if name == "pandas":
            numpy_only = lambda: df[ids].to_numpy() @ weights  # noqa: E731
            lib_only = lambda: df[ids].dot(weights)  # noqa: E731
        else:
            expr = pl.sum_horizontal([pl.col(i) * float(w) for i, w in zip(ids, weights)])
            numpy_only = lambda: df.select(ids).to_numpy() @ weights  # noqa: E731
            lib_only = lambda: df.select(expr)  # noqa: E731
        t_np, t_lib, t_sf = best_interleaved([numpy_only, lib_only, lambda: spbe.score_frame(df, rubric=rubric)], args.repeat)
        # sanity: the index agrees with the float matvec to rounding
        out = spbe.score_frame(df, rubric=rubric)
        idx = np.asarray(out["index"], dtype=float)
        approx = (df[ids].to_numpy() if name == "pandas" else df.select(ids).to_numpy()) @ weights
        assert np.all(np.abs(idx - approx) <= 0.005 + 1e-9), "score_frame and the matvec disagree"
        print(f"{name:7s} score_frame {t_sf * 1e3:8.1f} ms   numpy index only {t_np * 1e3:7.1f} ms   "
              f"ratio {t_sf / t_np:5.2f}x (goal <= 1.5)   {name} index only {t_lib * 1e3:7.1f} ms ({t_sf / t_lib:5.2f}x)   "
              f"per-row loop {t_loop:7.2f} s   speed-up {t_loop / t_sf:7.0f}x (goal >= 50)")


if __name__ == "__main__":
    main()
