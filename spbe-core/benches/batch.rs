//! A plain timing benchmark of the batch entry point and single scoring
//! (`cargo bench -p spbe-core --bench batch`). Prints time per assessment.

#![allow(clippy::expect_used, clippy::indexing_slicing)]

use std::time::Instant;

use spbe_core::batch::{score_columns, OnError};
use spbe_core::{builtin, score_with, Assessment, Level, Options};

fn main() {
    let rows = 100_000usize;
    for id in [
        "permenpanrb-59-2020",
        "permenpanrb-5-2018",
        "permenpanrb-8-2026",
    ] {
        let rb = builtin(id).expect("builtin");
        let slots = rb.slot_names().len();
        // deterministic pseudo-random levels 1..=5 (a simple LCG), one service for 2018's 35
        let mut seed: u64 = 42;
        let mut cols: Vec<Vec<f64>> = vec![Vec::with_capacity(rows); slots];
        for (j, col) in cols.iter_mut().enumerate() {
            for _ in 0..rows {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let repeat_extra = id == "permenpanrb-5-2018" && j >= 35;
                col.push(if repeat_extra {
                    f64::NAN
                } else {
                    ((seed >> 33) % 5 + 1) as f64
                });
            }
        }
        let single_only = std::env::var_os("SPBE_BENCH_SINGLE_ONLY").is_some();
        let mut best = f64::INFINITY;
        let mut first = 0.0;
        for _ in 0..(if single_only { 1 } else { 7 }) {
            let t = Instant::now();
            let out = score_columns(rb, &cols, &Options::default(), OnError::Fail).expect("batch");
            best = best.min(t.elapsed().as_nanos() as f64 / rows as f64);
            first = out.index[0];
        }
        println!("{id}: batch {best:.1} ns/assessment (best of 7 runs of {rows} rows; first index {first})");
        // the same from little-endian bytes, as the Python binding passes them
        let bytes: Vec<u8> = cols
            .iter()
            .flat_map(|c| c.iter().flat_map(|v| v.to_le_bytes()))
            .collect();
        let (cells, _) = bytes.as_chunks::<8>();
        let bcols: Vec<&[[u8; 8]]> = cells.chunks(rows).collect();
        let mut best = f64::INFINITY;
        for _ in 0..7 {
            let t = Instant::now();
            let out = score_columns(rb, &bcols, &Options::default(), OnError::Fail).expect("batch");
            best = best.min(t.elapsed().as_nanos() as f64 / rows as f64);
            assert_eq!(out.index[0], first);
        }
        println!("{id}: batch from bytes {best:.1} ns/assessment");
        // and from one byte per cell (255 = empty), the compact form Python uses
        let small: Vec<Vec<u8>> = cols
            .iter()
            .map(|c| {
                c.iter()
                    .map(|v| if v.is_nan() { 255 } else { *v as u8 })
                    .collect()
            })
            .collect();
        let mut best = f64::INFINITY;
        for _ in 0..7 {
            let t = Instant::now();
            let out = score_columns(rb, &small, &Options::default(), OnError::Fail).expect("batch");
            best = best.min(t.elapsed().as_nanos() as f64 / rows as f64);
            assert_eq!(out.index[0], first);
        }
        println!("{id}: batch from u8 {best:.1} ns/assessment");
        if std::env::var_os("SPBE_BENCH_BATCH_ONLY").is_some() {
            continue;
        }
        let ids = rb.indicator_ids();
        let assessments: Vec<Assessment> = (0..10_000)
            .map(|r| {
                Assessment::with_levels(
                    id,
                    ids.iter()
                        .map(|i| (i.to_string(), Level::int(((r + i.len()) % 5 + 1) as i64))),
                )
            })
            .collect();
        let t = Instant::now();
        let mut acc = 0.0;
        for a in &assessments {
            acc += score_with(a, rb, &Options::default()).expect("score").index;
        }
        let dt = t.elapsed();
        println!(
            "{id}: score_with {:.2} µs/assessment (checksum {acc:.2})",
            dt.as_nanos() as f64 / 1000.0 / assessments.len() as f64
        );
    }
}
