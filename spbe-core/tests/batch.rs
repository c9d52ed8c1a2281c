//! The batch's `official` and `missing` columns and `score_columns_into`
//! (results written into a caller's reused `BatchOutput`).

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::type_complexity)]

use proptest::prelude::*;
use spbe_core::batch::{
    score_chunks_into, score_columns, score_columns_into, score_columns_threaded, BatchOutput,
    ChunkSource, Columns, OnError, ResultColumns, CHUNK_ROWS, MISSING,
};
use spbe_core::{builtin, MissingPolicy, Options, Rubric};

const EDITIONS: [&str; 3] = [
    "permenpanrb-5-2018",
    "permenpanrb-59-2020",
    "permenpanrb-8-2026",
];

/// Which indicators (ids, rubric order) a row of slot values lacks, worked out
/// from the rubric's own description: an indicator whose every slot is
/// `MISSING`.
fn lacking(rb: &Rubric, row: &[i64]) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = 0;
    for (_, _, ind) in rb.indicators() {
        let width = ind.items.map_or(1, |it| usize::from(it.max));
        if row[k..k + width].iter().all(|v| *v == MISSING) {
            out.push(ind.id.clone());
        }
        k += width;
    }
    out
}

/// Every column of two outputs, floats compared bit for bit.
fn assert_same(a: &BatchOutput, b: &BatchOutput) -> Result<(), TestCaseError> {
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    prop_assert_eq!(a.rows, b.rows);
    prop_assert_eq!(bits(&a.index), bits(&b.index));
    prop_assert_eq!(&a.index_hundredths, &b.index_hundredths);
    prop_assert_eq!(&a.predicate, &b.predicate);
    prop_assert_eq!(&a.official, &b.official);
    prop_assert_eq!(&a.missing, &b.missing);
    prop_assert_eq!(a.domains.len(), b.domains.len());
    prop_assert_eq!(a.aspects.len(), b.aspects.len());
    for (x, y) in a
        .domains
        .iter()
        .zip(&b.domains)
        .chain(a.aspects.iter().zip(&b.aspects))
    {
        prop_assert_eq!(bits(x), bits(y));
    }
    let codes = |o: &BatchOutput| {
        o.errors
            .iter()
            .map(|(r, e)| (*r, e.code(), e.to_string()))
            .collect::<Vec<_>>()
    };
    prop_assert_eq!(codes(a), codes(b));
    Ok(())
}

/// Slot columns from rows of generated values: 6 is an empty cell, and
/// `complete` of every 8 rows get levels in range and no empty cell (so
/// blocks mix the common case with rows for the general path; up to 700
/// rows: several blocks of 64 and of 256 rows, the last one partial).
fn columns(rb: &Rubric, raw: &[Vec<u8>], complete: u8) -> Vec<Vec<i64>> {
    let (lo, hi) = rb.level_range();
    let names = rb.slot_names();
    let extra: Vec<bool> = names
        .iter()
        .map(|n| n.split_once('.').is_some_and(|(_, k)| k != "1"))
        .collect();
    let rows: Vec<Vec<i64>> = raw
        .iter()
        .enumerate()
        .map(|(r, row)| {
            (0..names.len())
                .map(|c| {
                    let v = row[c % row.len()];
                    if (r % 8) < usize::from(complete) {
                        if extra[c] {
                            MISSING
                        } else {
                            i64::from(v.clamp(lo, hi))
                        }
                    } else if v == 6 {
                        MISSING
                    } else {
                        i64::from(v)
                    }
                })
                .collect()
        })
        .collect();
    (0..names.len())
        .map(|c| rows.iter().map(|r| r[c]).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// `official` and `missing` are what each row lacks, for i64, f64 and u8
    /// columns alike, and whatever the row's fate (scored or failed).
    #[test]
    fn official_and_missing_name_what_each_row_lacks(
        e in 0usize..3,
        raw in proptest::collection::vec(proptest::collection::vec(0u8..=6, 47), 1..700),
        complete in 0u8..=8,
        policy in 0usize..3,
    ) {
        let rb = builtin(EDITIONS[e]).unwrap();
        let opts = Options {
            missing: [MissingPolicy::Error, MissingPolicy::Lowest, MissingPolicy::Renormalize][policy],
            ..Options::default()
        };
        let cols = columns(rb, &raw, complete);
        let out = score_columns(rb, &cols, &opts, OnError::Collect).unwrap();
        let rows = raw.len();
        let ids = out.missing_ids(rb);
        let mut listed = ids.iter().peekable();
        for r in 0..rows {
            let row: Vec<i64> = cols.iter().map(|c| c[r]).collect();
            let expect = lacking(rb, &row);
            prop_assert_eq!(out.official[r], u8::from(expect.is_empty()), "row {}", r);
            let got: Vec<String> = match listed.peek() {
                Some((row, _)) if *row == r => listed.next().unwrap().1.iter().map(|s| (*s).to_owned()).collect(),
                _ => Vec::new(),
            };
            prop_assert_eq!(&got, &expect, "row {}", r);
            // under the official policy a row lacking an indicator fails
            if policy == 0 && !expect.is_empty() {
                prop_assert!(out.errors.iter().any(|(er, _)| *er == r));
            }
        }
        prop_assert!(listed.next().is_none());
        let text = out.missing_text(rb);
        prop_assert_eq!(text.len(), ids.len());
        for ((r, t), (r2, i)) in text.iter().zip(&ids) {
            prop_assert_eq!(r, r2);
            prop_assert_eq!(t, &i.join(", "));
        }
        let fcols: Vec<Vec<f64>> = cols.iter().map(|c| c.iter().map(|&v| if v == MISSING { f64::NAN } else { v as f64 }).collect()).collect();
        let ucols: Vec<Vec<u8>> = cols.iter().map(|c| c.iter().map(|&v| if v == MISSING { u8::MAX } else { v as u8 }).collect()).collect();
        assert_same(&score_columns(rb, &fcols, &opts, OnError::Collect).unwrap(), &out)?;
        assert_same(&score_columns(rb, &ucols, &opts, OnError::Collect).unwrap(), &out)?;
        let threaded = score_columns_threaded(rb, &cols, &opts, OnError::Collect, 3).unwrap();
        assert_same(&threaded, &out)?;
    }

    /// Into a reused output that holds another batch's results (of another
    /// edition, more or fewer rows, failed rows): the same as a fresh output.
    #[test]
    fn reused_output_equals_a_fresh_one(
        e1 in 0usize..3,
        e2 in 0usize..3,
        raw1 in proptest::collection::vec(proptest::collection::vec(0u8..=6, 47), 0..700),
        raw2 in proptest::collection::vec(proptest::collection::vec(0u8..=6, 47), 0..700),
        complete in 0u8..=8,
        as_u8 in any::<bool>(),
    ) {
        let opts = Options { missing: MissingPolicy::Lowest, ..Options::default() };
        let mut out = BatchOutput::default();
        for (e, raw) in [(e1, &raw1), (e2, &raw2), (e1, &raw1)] {
            let rb = builtin(EDITIONS[e]).unwrap();
            let cols = columns(rb, raw, complete);
            let fresh = score_columns(rb, &cols, &opts, OnError::Collect).unwrap();
            if as_u8 {
                let ucols: Vec<Vec<u8>> = cols.iter().map(|c| c.iter().map(|&v| if v == MISSING { u8::MAX } else { v as u8 }).collect()).collect();
                score_columns_into(rb, &ucols, &opts, OnError::Collect, &mut out).unwrap();
            } else {
                let fcols: Vec<Vec<f64>> = cols.iter().map(|c| c.iter().map(|&v| if v == MISSING { f64::NAN } else { v as f64 }).collect()).collect();
                score_columns_into(rb, &fcols, &opts, OnError::Collect, &mut out).unwrap();
            }
            assert_same(&out, &fresh)?;
        }
    }
}

/// A hand-worked case: 59/2020, three rows of level 3 where row 1 lacks
/// indicator 5 and row 2 lacks 1 and 47.
#[test]
fn missing_ids_of_a_small_batch() {
    let rb = builtin("permenpanrb-59-2020").unwrap();
    let mut cols = vec![vec![3i64; 3]; 47];
    cols[4][1] = MISSING;
    cols[0][2] = MISSING;
    cols[46][2] = MISSING;
    let lowest = Options {
        missing: MissingPolicy::Lowest,
        ..Options::default()
    };
    let out = score_columns(rb, &cols, &lowest, OnError::Fail).unwrap();
    assert_eq!(out.official, [1, 0, 0]);
    assert_eq!(out.missing, [(1, 4), (2, 0), (2, 46)]);
    assert_eq!(
        out.missing_text(rb),
        [(1, "5".to_owned()), (2, "1, 47".to_owned())]
    );
    // lowest level 1: row 1 is 3 - 2 × 1.3% = 2.974, row 2 is
    // 3 - 2 × (1.3% + 3%) = 2.914
    assert_eq!(out.index, [3.0, 2.97, 2.91]);
    // the official policy: rows 1 and 2 fail, still marked
    let out = score_columns(rb, &cols, &Options::default(), OnError::Collect).unwrap();
    assert_eq!(out.official, [1, 0, 0]);
    assert_eq!(out.missing.len(), 3);
    assert_eq!(
        out.errors.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
        [1, 2]
    );
    // 2018: indicator 35 lacks only when every service column is empty
    let rb = builtin("permenpanrb-5-2018").unwrap();
    let names = rb.slot_names();
    let mut cols = vec![vec![2i64; 2]; names.len()];
    for (c, n) in names.iter().enumerate() {
        if n.starts_with("35.") {
            cols[c] = vec![MISSING; 2];
        }
    }
    let s2 = names.iter().position(|n| n == "35.2").unwrap();
    cols[s2][0] = 2;
    let out = score_columns(rb, &cols, &lowest, OnError::Fail).unwrap();
    assert_eq!(out.official, [1, 0]);
    assert_eq!(out.missing_text(rb), [(1, "35".to_owned())]);
}

/// Levels for `rows` rows of an edition's slots, f64 (NaN empty): whole
/// levels in range, with an empty cell, a fraction and a level out of range
/// on rows either side of the chunk and thread boundaries.
fn boundary_columns(rb: &Rubric, rows: usize) -> Vec<Vec<f64>> {
    let (lo, hi) = rb.level_range();
    let span = usize::from(hi - lo) + 1;
    let n = rb.slot_names().len();
    let mut cols: Vec<Vec<f64>> = (0..n)
        .map(|k| {
            (0..rows)
                .map(|r| (usize::from(lo) + (r * 7 + k * 3) % span) as f64)
                .collect()
        })
        .collect();
    let edges = [
        CHUNK_ROWS,
        2 * CHUNK_ROWS,
        rows / 2,
        rows / 3,
        rows - rows.min(1),
    ];
    for (i, &e) in edges.iter().enumerate() {
        for (d, bad) in [(0usize, f64::NAN), (1, 2.5), (2, 99.0)] {
            let r = (e + d).saturating_sub(1).min(rows.saturating_sub(1));
            if rows > 0 {
                cols[(i * 5 + d) % n][r] = bad;
            }
        }
    }
    cols
}

/// Scoring into the caller's columns a chunk at a time, on 1 or 3 threads,
/// writes what `score_columns` gives (floats bit for bit) and finds the same
/// missing indicators and failed rows, numbered in the whole input.
#[test]
fn chunks_into_caller_columns_equal_score_columns() {
    let lowest = Options {
        missing: MissingPolicy::Lowest,
        ..Options::default()
    };
    for id in EDITIONS {
        let rb = builtin(id).unwrap();
        let n_floats = 1 + rb.domains().len() + rb.aspects().len();
        for rows in [
            0,
            1,
            CHUNK_ROWS - 1,
            CHUNK_ROWS + 1,
            2 * CHUNK_ROWS + 3 * 1000 + 3,
        ] {
            let cols = boundary_columns(rb, rows);
            for opts in [&Options::default(), &lowest] {
                let want = score_columns(rb, &cols, opts, OnError::Collect).unwrap();
                for threads in [1, 3] {
                    let mut floats = vec![-1.0; n_floats * rows];
                    let mut bytes = vec![7u8; 2 * rows];
                    let out = ResultColumns {
                        floats: &mut floats,
                        bytes: &mut bytes,
                    };
                    let found = score_chunks_into(
                        rb,
                        &Columns::new(&cols),
                        rows,
                        opts,
                        OnError::Collect,
                        threads,
                        out,
                    )
                    .unwrap();
                    let expect: Vec<u64> = std::iter::once(&want.index)
                        .chain(&want.domains)
                        .chain(&want.aspects)
                        .flat_map(|c| c.iter().map(|x| x.to_bits()))
                        .collect();
                    let got: Vec<u64> = floats.iter().map(|x| x.to_bits()).collect();
                    assert!(got == expect, "{id} {rows} rows, {threads} threads");
                    assert_eq!(bytes[..rows], want.predicate[..]);
                    assert_eq!(bytes[rows..], want.official[..]);
                    assert_eq!(found.missing, want.missing);
                    assert_eq!(found.missing_text(rb), want.missing_text(rb));
                    let codes = |e: &[(usize, spbe_core::Error)]| {
                        e.iter()
                            .map(|(r, e)| (*r, e.code(), e.to_string()))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(codes(&found.errors), codes(&want.errors));
                    if rows > 0 {
                        assert!(!want.errors.is_empty());
                    }
                    // Fail: the lowest failing row's error, as score_columns gives
                    let (mut f, mut b) = (vec![0.0; n_floats * rows], vec![0u8; 2 * rows]);
                    let out = ResultColumns {
                        floats: &mut f,
                        bytes: &mut b,
                    };
                    let fail = score_chunks_into(
                        rb,
                        &Columns::new(&cols),
                        rows,
                        opts,
                        OnError::Fail,
                        threads,
                        out,
                    );
                    let one = score_columns(rb, &cols, opts, OnError::Fail);
                    assert_eq!(
                        fail.err().map(|e| e.to_string()),
                        one.err().map(|e| e.to_string())
                    );
                }
            }
        }
    }
}

/// Result columns of the wrong size are an `invalid_batch` error.
#[test]
fn result_columns_of_the_wrong_size_are_refused() {
    let rb = builtin("permenpanrb-8-2026").unwrap();
    let n_floats = 1 + rb.domains().len() + rb.aspects().len();
    let cols = vec![vec![3.0f64; 10]; rb.slot_names().len()];
    for (nf, nb) in [(n_floats * 10 - 1, 20), (n_floats * 10, 19), (0, 0)] {
        let (mut f, mut b) = (vec![0.0; nf], vec![0u8; nb]);
        let out = ResultColumns {
            floats: &mut f,
            bytes: &mut b,
        };
        let e = score_chunks_into(
            rb,
            &Columns::new(&cols),
            10,
            &Options::default(),
            OnError::Fail,
            1,
            out,
        )
        .unwrap_err();
        assert_eq!(e.code(), "invalid_batch", "{e}");
    }
}

/// Columns of another length than the rows to score are refused (shorter:
/// rows would go unwritten; longer: rows would be left out), as is a source
/// that scores fewer rows than a chunk asks for.
#[test]
fn columns_of_another_length_are_refused() {
    let rb = builtin("permenpanrb-8-2026").unwrap();
    let n_floats = 1 + rb.domains().len() + rb.aspects().len();
    let cols = vec![vec![3.0f64; 5000]; rb.slot_names().len()];
    for rows in [4999, 5001, 10_000] {
        let (mut f, mut b) = (vec![-7.0; n_floats * rows], vec![7u8; 2 * rows]);
        let out = ResultColumns {
            floats: &mut f,
            bytes: &mut b,
        };
        let e = score_chunks_into(
            rb,
            &Columns::new(&cols),
            rows,
            &Options::default(),
            OnError::Collect,
            2,
            out,
        )
        .unwrap_err();
        assert_eq!(e.code(), "invalid_batch", "{e}");
        assert!(e.to_string().contains("the columns have 5000"), "{e}");
    }
    // a source that does not know its length and scores too few rows
    struct Short<'a>(Vec<&'a [f64]>);
    impl ChunkSource for Short<'_> {
        type Scratch = ();
        fn score_chunk(
            &self,
            rubric: &Rubric,
            opts: &Options,
            on_error: OnError,
            rows: std::ops::Range<usize>,
            out: &mut BatchOutput,
            _: &mut (),
        ) -> spbe_core::Result<()> {
            let end = rows.end.min(5000);
            let sub: Vec<&[f64]> = self
                .0
                .iter()
                .map(|c| &c[rows.start.min(end)..end])
                .collect();
            score_columns_into(rubric, &sub, opts, on_error, out)
        }
    }
    let rows = 10_000;
    let (mut f, mut b) = (vec![-7.0; n_floats * rows], vec![7u8; 2 * rows]);
    let out = ResultColumns {
        floats: &mut f,
        bytes: &mut b,
    };
    let short = Short(cols.iter().map(Vec::as_slice).collect());
    let e = score_chunks_into(
        rb,
        &short,
        rows,
        &Options::default(),
        OnError::Collect,
        1,
        out,
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_batch", "{e}");
}

/// Several chunks in a part that does not start at row 0 (2 threads of
/// 2.5 chunks each), errors numbered in the whole input.
#[test]
fn chunks_within_a_later_part_are_numbered_in_the_whole_input() {
    let rb = builtin("permenpanrb-8-2026").unwrap();
    let rows = 5 * CHUNK_ROWS + 7;
    let mut cols = boundary_columns(rb, rows);
    cols[2][rows / 2 + CHUNK_ROWS + 5] = 7.5;
    let want = score_columns(rb, &cols, &Options::default(), OnError::Collect).unwrap();
    let n_floats = 1 + rb.domains().len() + rb.aspects().len();
    let (mut f, mut b) = (vec![-1.0; n_floats * rows], vec![7u8; 2 * rows]);
    let out = ResultColumns {
        floats: &mut f,
        bytes: &mut b,
    };
    let found = score_chunks_into(
        rb,
        &Columns::new(&cols),
        rows,
        &Options::default(),
        OnError::Collect,
        2,
        out,
    )
    .unwrap();
    let expect: Vec<u64> = std::iter::once(&want.index)
        .chain(&want.domains)
        .chain(&want.aspects)
        .flat_map(|c| c.iter().map(|x| x.to_bits()))
        .collect();
    assert!(f.iter().map(|x| x.to_bits()).eq(expect));
    assert_eq!(b[..rows], want.predicate[..]);
    assert_eq!(b[rows..], want.official[..]);
    let rows_of = |e: &[(usize, spbe_core::Error)]| {
        e.iter()
            .map(|(r, e)| (*r, e.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows_of(&found.errors), rows_of(&want.errors));
    assert!(found
        .errors
        .iter()
        .any(|(r, _)| *r == rows / 2 + CHUNK_ROWS + 5));
}
