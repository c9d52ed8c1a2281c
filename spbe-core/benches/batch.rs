//! Speed of the core against what a user would write instead, measured in the
//! same run (`cargo bench -p spbe-core --bench batch`). For every edition it
//! prints RATIOS (ours / baseline; lower is better, the goals of issue 9 are
//! single ≤ 1× and batch ≤ 2×), each the best of several runs:
//!
//! * single: `score_with` (the full report) per assessment, against
//!   `serde_json` parsing the same assessment's JSON text into a
//!   `serde_json::Value` (this workspace's serde_json, which has
//!   `arbitrary_precision` on);
//! * batch: `score_columns` over f64 columns of 100k rows (index, predicate,
//!   domains and aspects), against a plain f64 weighted-sum loop computing only
//!   the index over the same columns (the faster of a row-wise and a
//!   column-wise loop), with the same per-slot weights.
//!
//! * batch into reused buffers: `score_columns_into` writing into one
//!   `BatchOutput` kept across calls (what a chunked caller does), against the
//!   same column-wise weighted sum writing into one reused index column; and
//!   the same for u8 columns (one byte per cell, 255 empty) against the sum
//!   over the same u8 columns.
//!
//! `SPBE_BENCH_ROWS` changes the batch size, `SPBE_BENCH_ASSESSMENTS` the
//! number of different assessments single scoring goes through (2,000); `SPBE_BENCH_ONLY=single|batch`
//! runs one half; `SPBE_BENCH_RUBRIC=2020` only the editions whose id
//! contains it. `SPBE_BENCH_PROFILE=1` runs only our side (100k single
//! reports, or 20 batches; `into`: 20 batches into one reused output,
//! `into-u8` the same from u8 columns), for
//! a profiler such as callgrind, whose instruction counts are steadier than
//! times on a shared machine;
//! `SPBE_BENCH_PROFILE=base` runs only the single baseline (100k parses).

#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Instant;

use spbe_core::batch::{score_columns, score_columns_into, BatchOutput, OnError};
use spbe_core::{builtin, score_with, Assessment, Options, Rubric};

/// Best time per item over `runs` runs of `f` (which processes `items` items).
fn best_ns(runs: usize, items: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..runs {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_nanos() as f64 / items as f64);
    }
    best
}

/// Best times per item of several jobs run in turn, `runs` rounds, so that
/// a busy moment of a shared machine falls on all of them alike.
fn best_interleaved(runs: usize, items: usize, jobs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    let mut best = vec![f64::INFINITY; jobs.len()];
    for _ in 0..runs {
        for (b, f) in best.iter_mut().zip(jobs.iter_mut()) {
            let t = Instant::now();
            f();
            *b = b.min(t.elapsed().as_nanos() as f64 / items as f64);
        }
    }
    best
}

/// A deterministic pseudo-random level in lo..=hi (an LCG).
fn next(seed: &mut u64, lo: u64, hi: u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*seed >> 33) % (hi - lo + 1) + lo
}

/// Per-slot weight of each slot in the index (as f64): what a user's plain
/// weighted sum would use. Only the baseline uses it.
fn slot_weights(rb: &Rubric) -> Vec<f64> {
    let spec: serde_json::Value = serde_json::to_value(rb).expect("spec");
    let num = |v: &serde_json::Value| -> f64 {
        v.as_str()
            .map(|s| s.parse::<f64>().expect("weight"))
            .or_else(|| v.as_f64())
            .expect("weight")
    };
    let mut out = Vec::new();
    let mut aspects: Vec<(&serde_json::Value, f64)> = Vec::new();
    if let Some(ds) = spec["domains"].as_array() {
        for d in ds {
            let dw = num(&d["weight"]);
            let asp = d["aspects"].as_array().expect("aspects");
            let sum: f64 = asp.iter().map(|a| num(&a["weight"])).sum();
            for a in asp {
                aspects.push((a, dw * num(&a["weight"]) / sum / 100.0));
            }
        }
    } else {
        for a in spec["aspects"].as_array().expect("aspects") {
            aspects.push((a, num(&a["weight"]) / 100.0));
        }
    }
    for (a, share) in aspects {
        let inds = a["indicators"].as_array().expect("indicators");
        let sum: f64 = inds.iter().map(|i| num(&i["weight"])).sum();
        for i in inds {
            let w = share * num(&i["weight"]) / sum;
            let width = i["items"]["max"].as_u64().unwrap_or(1);
            for _ in 0..width {
                out.push(w);
            }
        }
    }
    out
}

fn single(id: &str, rb: &Rubric) {
    let ids = rb.indicator_ids();
    // (`SPBE_BENCH_ASSESSMENTS` changes how many different ones are scored
    // in turn: 2,000 do not fit in the caches, as a user's many would not)
    let n = std::env::var("SPBE_BENCH_ASSESSMENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000usize);
    let mut seed: u64 = 7;
    let (lo, hi) = rb.level_range();
    let texts: Vec<String> = (0..n)
        .map(|_| {
            let levels: Vec<String> = ids
                .iter()
                .map(|i| format!("\"{i}\": {}", next(&mut seed, lo.max(1).into(), hi.into())))
                .collect();
            format!(
                "{{\"rubric\": \"{id}\", \"levels\": {{{}}}}}",
                levels.join(", ")
            )
        })
        .collect();
    let assessments: Vec<Assessment> = texts
        .iter()
        .map(|t| Assessment::from_json(t).expect("assessment"))
        .collect();
    let opts = Options::default();
    if let Some(what) = std::env::var_os("SPBE_BENCH_PROFILE") {
        // only score_with (or, with `base`, only the baseline), for a profiler
        for _ in 0..50 {
            if what == "base" {
                for t in &texts {
                    black_box(
                        serde_json::from_str::<serde_json::Value>(black_box(t)).expect("json"),
                    );
                }
            } else {
                for a in &assessments {
                    black_box(score_with(black_box(a), rb, &opts).expect("score"));
                }
            }
        }
        return;
    }
    let mut ours = || {
        for a in &assessments {
            black_box(score_with(black_box(a), rb, &opts).expect("score"));
        }
    };
    let mut base = || {
        for t in &texts {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(t)).expect("json"));
        }
    };
    let best = best_interleaved(15, n, &mut [&mut ours, &mut base]);
    let (ours, base) = (best[0], best[1]);
    println!(
        "{id}: single score_with {:.2} µs, serde_json::Value parse {:.2} µs: ratio {:.2}× (goal ≤ 1×)",
        ours / 1000.0,
        base / 1000.0,
        ours / base
    );
}

fn batch(id: &str, rb: &Rubric, rows: usize) {
    let names = rb.slot_names();
    let (lo, hi) = rb.level_range();
    let mut seed: u64 = 42;
    // levels lo..=hi; one service for a repeatable indicator (its other slots empty)
    let mut cols: Vec<Vec<f64>> = vec![Vec::with_capacity(rows); names.len()];
    for (name, col) in names.iter().zip(cols.iter_mut()) {
        let extra = name.split_once('.').is_some_and(|(_, k)| k != "1");
        for _ in 0..rows {
            let v = next(&mut seed, lo.max(1).into(), hi.into());
            col.push(if extra { f64::NAN } else { v as f64 });
        }
    }
    let opts = Options::default();
    if let Some(what) = std::env::var_os("SPBE_BENCH_PROFILE") {
        // only score_columns (with `into`, only score_columns_into one
        // reused output; `into-u8` from u8 columns), for a profiler
        let mut out = BatchOutput::default();
        let small: Vec<Vec<u8>> = cols
            .iter()
            .map(|c| {
                c.iter()
                    .map(|v| if v.is_nan() { 255 } else { *v as u8 })
                    .collect()
            })
            .collect();
        for _ in 0..20 {
            if what == "into-u8" {
                score_columns_into(rb, black_box(&small), &opts, OnError::Fail, &mut out)
                    .expect("batch");
                black_box(&out);
            } else if what == "into" {
                score_columns_into(rb, black_box(&cols), &opts, OnError::Fail, &mut out)
                    .expect("batch");
                black_box(&out);
            } else {
                black_box(
                    score_columns(rb, black_box(&cols), &opts, OnError::Fail).expect("batch"),
                );
            }
        }
        return;
    }
    let runs = 11;
    let mut first = 0.0;
    let w = slot_weights(rb);
    let mut check = 0.0;
    let mut ours = || {
        let out = score_columns(rb, black_box(&cols), &opts, OnError::Fail).expect("batch");
        first = out.index[0];
        black_box(out);
    };
    // the baseline: Σ w·x per row, NaN (an empty slot) counted as 0
    let mut by_column = || {
        let mut idx = vec![0.0f64; rows];
        for (c, wj) in black_box(&cols).iter().zip(&w) {
            for (s, x) in idx.iter_mut().zip(c) {
                if !x.is_nan() {
                    *s += wj * x;
                }
            }
        }
        check = idx[0];
        black_box(idx);
    };
    let mut by_row = || {
        let cols = black_box(&cols);
        let mut idx = vec![0.0f64; rows];
        for (r, s) in idx.iter_mut().enumerate() {
            let mut acc = 0.0;
            for (c, wj) in cols.iter().zip(&w) {
                let x = c[r];
                if !x.is_nan() {
                    acc += wj * x;
                }
            }
            *s = acc;
        }
        black_box(idx);
    };
    // part of the floor: only allocating and filling the result columns
    // score_columns returns (index, hundredths, predicate, official, domains, aspects)
    let (nd, na) = (rb.domains().len(), rb.aspects().len());
    let mut outputs = || {
        // (zeroed, as score_columns allocates them, then written once)
        let mut f: Vec<Vec<f64>> = (0..1 + nd + na).map(|_| vec![0.0; rows]).collect();
        let (mut h, mut p, mut o) = (vec![0i64; rows], vec![0u8; rows], vec![0u8; rows]);
        for c in &mut f {
            c.iter_mut().for_each(|x| *x = 1.0);
        }
        h.iter_mut().for_each(|x| *x = 1);
        p.iter_mut().for_each(|x| *x = 1);
        o.iter_mut().for_each(|x| *x = 1);
        black_box((f, h, p, o));
    };
    let best = best_interleaved(
        runs,
        rows,
        &mut [&mut ours, &mut by_column, &mut by_row, &mut outputs],
    );
    let (ours, by_column, by_row, outputs) = (best[0], best[1], best[2], best[3]);
    assert!(
        (check - first).abs() < 0.006,
        "{id}: baseline index {check} vs {first}"
    );
    let base = by_column.min(by_row);
    println!(
        "{id}: batch score_columns {ours:.1} ns/row, f64 weighted sum {base:.1} ns/row (by column {by_column:.1}, by row {by_row:.1}): ratio {:.2}× (goal ≤ 2×)",
        ours / base
    );
    println!(
        "{id}: of which allocating and writing its {} result columns alone: {outputs:.1} ns/row ({:.2}× the baseline)",
        4 + nd + na,
        outputs / base
    );
    // the forms the Python binding hands over: f64 as little-endian bytes, and u8
    let bytes: Vec<u8> = cols
        .iter()
        .flat_map(|c| c.iter().flat_map(|v| v.to_le_bytes()))
        .collect();
    let (cells, _) = bytes.as_chunks::<8>();
    let bcols: Vec<&[[u8; 8]]> = cells.chunks(rows).collect();
    let from_bytes = best_ns(runs, rows, || {
        let out = score_columns(rb, black_box(&bcols), &opts, OnError::Fail).expect("batch");
        assert_eq!(out.index[0], first);
        black_box(out);
    });
    let small: Vec<Vec<u8>> = cols
        .iter()
        .map(|c| {
            c.iter()
                .map(|v| if v.is_nan() { 255 } else { *v as u8 })
                .collect()
        })
        .collect();
    let from_u8 = best_ns(runs, rows, || {
        let out = score_columns(rb, black_box(&small), &opts, OnError::Fail).expect("batch");
        assert_eq!(out.index[0], first);
        black_box(out);
    });
    println!(
        "{id}: batch from f64 bytes {from_bytes:.1} ns/row ({:.2}×), from u8 {from_u8:.1} ns/row ({:.2}×)",
        from_bytes / base,
        from_u8 / base
    );

    // into buffers reused across calls, against the baseline writing into a
    // reused index column: no allocation and no fresh pages on either side
    let mut reuse = BatchOutput::default();
    let mut reuse_u8 = BatchOutput::default();
    let mut idx = vec![0.0f64; rows];
    let mut idx_u8 = vec![0.0f64; rows];
    let mut ours_into = || {
        score_columns_into(rb, black_box(&cols), &opts, OnError::Fail, &mut reuse).expect("batch");
        black_box(&reuse);
    };
    let mut ours_into_u8 = || {
        score_columns_into(rb, black_box(&small), &opts, OnError::Fail, &mut reuse_u8)
            .expect("batch");
        black_box(&reuse_u8);
    };
    let mut base_into = || {
        idx.iter_mut().for_each(|s| *s = 0.0);
        for (c, wj) in black_box(&cols).iter().zip(&w) {
            for (s, x) in idx.iter_mut().zip(c) {
                if !x.is_nan() {
                    *s += wj * x;
                }
            }
        }
        black_box(&idx);
    };
    let mut base_into_u8 = || {
        idx_u8.iter_mut().for_each(|s| *s = 0.0);
        for (c, wj) in black_box(&small).iter().zip(&w) {
            for (s, x) in idx_u8.iter_mut().zip(c) {
                if *x != 255 {
                    *s += wj * f64::from(*x);
                }
            }
        }
        black_box(&idx_u8);
    };
    // part of the floor: only writing the result columns into reused buffers
    let mut f: Vec<Vec<f64>> = (0..1 + nd + na).map(|_| vec![0.0; rows]).collect();
    let (mut h, mut p, mut o) = (vec![0i64; rows], vec![0u8; rows], vec![0u8; rows]);
    let mut outputs_into = || {
        for c in &mut f {
            c.iter_mut().for_each(|x| *x = 1.0);
        }
        h.iter_mut().for_each(|x| *x = 1);
        p.iter_mut().for_each(|x| *x = 1);
        o.iter_mut().for_each(|x| *x = 1);
        black_box((&f, &h, &p, &o));
    };
    let best = best_interleaved(
        runs,
        rows,
        &mut [
            &mut ours_into,
            &mut base_into,
            &mut ours_into_u8,
            &mut base_into_u8,
            &mut outputs_into,
        ],
    );
    let (ours_into, base_into, ours_into_u8, base_into_u8, outputs_into) =
        (best[0], best[1], best[2], best[3], best[4]);
    assert_eq!(reuse.index[0], first);
    assert_eq!(reuse_u8.index[0], first);
    assert!((idx[0] - first).abs() < 0.006 && (idx_u8[0] - first).abs() < 0.006);
    println!(
        "{id}: batch into reused buffers: f64 {ours_into:.1} ns/row vs reused-buffer f64 sum {base_into:.1}: ratio {:.2}× (goal ≤ 2×); u8 {ours_into_u8:.1} ns/row vs reused-buffer sum over u8 {base_into_u8:.1}: ratio {:.2}×, {:.2}× the f64 sum",
        ours_into / base_into,
        ours_into_u8 / base_into_u8,
        ours_into_u8 / base_into
    );
    println!(
        "{id}: of which writing its {} result columns into reused buffers alone: {outputs_into:.1} ns/row ({:.2}× the reused-buffer f64 sum)",
        4 + nd + na,
        outputs_into / base_into
    );
}

fn main() {
    let rows = std::env::var("SPBE_BENCH_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000usize);
    let only = std::env::var("SPBE_BENCH_ONLY").unwrap_or_default();
    let which = std::env::var("SPBE_BENCH_RUBRIC").unwrap_or_default();
    for id in [
        "permenpanrb-5-2018",
        "permenpanrb-59-2020",
        "permenpanrb-8-2026",
    ] {
        if !id.contains(&which) {
            continue;
        }
        let rb = builtin(id).expect("builtin");
        if only != "batch" {
            single(id, rb);
        }
        if only != "single" {
            batch(id, rb, rows);
        }
    }
}
