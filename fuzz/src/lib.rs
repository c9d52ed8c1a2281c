//! Helpers shared by the fuzz targets: options from a byte, and the check that
//! batch scoring gives, row by row, what scoring each row alone gives.

use spbe_core::batch::{
    score_columns, score_columns_threaded, BatchOutput, Cell, OnError, MISSING,
};
use std::collections::HashMap;

use spbe_core::{score_text, Error, MissingPolicy, Options, PredicateBasis, Report, Rubric, Track};

/// Scoring options from one byte: every missing policy, predicate basis
/// (none, exact, reported), track (none or one of the seven) and a few years.
pub fn options_from_byte(k: u8) -> Options {
    let missing = match k % 3 {
        0 => MissingPolicy::Error,
        1 => MissingPolicy::Lowest,
        _ => MissingPolicy::Renormalize,
    };
    let predicate_basis = match (k / 3) % 3 {
        0 => None,
        1 => Some(PredicateBasis::Exact),
        _ => Some(PredicateBasis::Reported),
    };
    let t = usize::from((k / 9) % 8);
    let track = t.checked_sub(1).and_then(|i| Track::ALL.get(i).copied());
    let year = match k / 72 {
        0 => None,
        1 => Some(2023),
        2 => Some(2024),
        _ => Some(2026),
    };
    Options {
        track,
        missing,
        predicate_basis,
        year,
    }
}

/// `"2.60"` -> 260: a report's `index_text` must be digits, a point and
/// exactly two digits (a leading minus sign allowed).
pub fn hundredths_of(text: &str) -> Option<i128> {
    let (neg, t) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = t.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.len() != 2 || !digits(frac) {
        return None;
    }
    let v = int.parse::<i128>().ok()?.checked_mul(100)? + frac.parse::<i128>().ok()?;
    Some(if neg { -v } else { v })
}

/// How a batch cell is written in an assessment's JSON.
pub enum Written {
    /// An empty cell: the indicator (or service) is left out.
    Empty,
    /// A JSON number as text.
    Number(String),
}

/// A cell type whose values can also be written as JSON.
pub trait AsJson: Cell {
    /// The same value as a JSON number, or empty.
    fn written(self) -> Written;
}

impl AsJson for i64 {
    fn written(self) -> Written {
        if self == MISSING {
            Written::Empty
        } else {
            Written::Number(self.to_string())
        }
    }
}

impl AsJson for u8 {
    fn written(self) -> Written {
        if self == u8::MAX {
            Written::Empty
        } else {
            Written::Number(self.to_string())
        }
    }
}

fn f64_written(v: f64) -> Written {
    if v.is_nan() {
        Written::Empty
    } else if v.is_infinite() {
        // JSON has no infinity: a number far too large says the same
        Written::Number(if v > 0.0 { "1e999" } else { "-1e999" }.to_owned())
    } else {
        // Rust prints the shortest text that reads back to the same f64,
        // which is what the batch reads a float as
        Written::Number(format!("{v}"))
    }
}

impl AsJson for f64 {
    fn written(self) -> Written {
        f64_written(self)
    }
}

impl AsJson for [u8; 8] {
    fn written(self) -> Written {
        f64_written(f64::from_le_bytes(self))
    }
}

/// The assessment JSON of one batch row: `{"rubric": id, "levels": {...}}`,
/// an indicator left out when its cell (every cell of a repeatable one) is empty.
pub fn row_json<T: AsJson>(rubric: &Rubric, columns: &[Vec<T>], row: usize) -> String {
    let mut levels: Vec<String> = Vec::new();
    let mut slot = 0usize;
    for (_, _, ind) in rubric.indicators() {
        // a repeatable indicator (one with `items`) has one slot per possible item
        let width = ind.items.map_or(1, |it| usize::from(it.max.max(1)));
        let items: Vec<String> = (slot..slot + width)
            .filter_map(|s| columns.get(s).and_then(|c| c.get(row)))
            .filter_map(|cell| match cell.written() {
                Written::Number(t) => Some(t),
                Written::Empty => None,
            })
            .collect();
        slot += width;
        let key = serde_json_string(&ind.id);
        if ind.items.is_some() {
            if !items.is_empty() {
                levels.push(format!("{key}:[{}]", items.join(",")));
            }
        } else if let Some(v) = items.first() {
            levels.push(format!("{key}:{v}"));
        }
    }
    format!(
        "{{\"rubric\":{},\"levels\":{{{}}}}}",
        serde_json_string(rubric.id()),
        levels.join(",")
    )
}

/// A JSON string literal.
pub fn serde_json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn same_f64(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits() || (a == 0.0 && b == 0.0)
}

fn same_output(a: &BatchOutput, b: &BatchOutput) -> bool {
    let cols = |x: &[Vec<f64>], y: &[Vec<f64>]| {
        x.len() == y.len()
            && x.iter()
                .zip(y)
                .all(|(p, q)| p.len() == q.len() && p.iter().zip(q).all(|(u, v)| same_f64(*u, *v)))
    };
    let errs = |x: &BatchOutput| {
        x.errors
            .iter()
            .map(|(r, e)| (*r, e.code()))
            .collect::<Vec<_>>()
    };
    a.rows == b.rows
        && a.index.len() == b.index.len()
        && a.index.iter().zip(&b.index).all(|(u, v)| same_f64(*u, *v))
        && a.index_hundredths == b.index_hundredths
        && a.predicate == b.predicate
        && cols(&a.domains, &b.domains)
        && cols(&a.aspects, &b.aspects)
        && errs(a) == errs(b)
}

/// Scores the columns as a batch and each row alone (through its JSON and
/// `score_text`), and panics where they differ. `custom` is passed to
/// `score_text` for a rubric that is not built in. With `threaded`, the
/// threaded batch must equal the sequential one as well.
pub fn check_batch_equals_single<T: AsJson + Sync>(
    rubric: &Rubric,
    custom: bool,
    columns: &[Vec<T>],
    opts: &Options,
    threaded: bool,
) {
    // the batch ignores the track (columns are one track)
    let opts = Options {
        track: None,
        ..*opts
    };
    let out = match score_columns(rubric, columns, &opts, OnError::Collect) {
        Ok(out) => out,
        Err(e) => {
            // only a malformed frame may fail as a whole
            assert_eq!(e.code(), "invalid_batch", "batch failed as a whole: {e}");
            return;
        }
    };
    assert_eq!(out.rows, columns.first().map_or(0, Vec::len));

    // OnError::Fail: the first failed row's error, else the same output
    match score_columns(rubric, columns, &opts, OnError::Fail) {
        Ok(fail) => {
            assert!(
                out.errors.is_empty(),
                "Fail succeeded but Collect has errors"
            );
            assert!(same_output(&out, &fail), "Fail and Collect differ");
        }
        Err(e) => {
            let first = out
                .errors
                .first()
                .expect("Fail failed but Collect has no errors");
            assert_eq!(
                e.code(),
                first.1.code(),
                "Fail and Collect: different first error"
            );
        }
    }

    if threaded {
        let t = score_columns_threaded(rubric, columns, &opts, OnError::Collect, 2)
            .expect("threaded batch failed where the sequential one did not");
        assert!(
            same_output(&out, &t),
            "threaded and sequential batch differ"
        );
    }

    let given = if custom { Some(rubric) } else { None };
    // rows repeat (the batch target repeats its cells): each distinct row is
    // scored alone once
    let mut alone: HashMap<String, Result<Report, Error>> = HashMap::new();
    for r in 0..out.rows {
        let json = row_json(rubric, columns, r);
        let single = alone
            .entry(json.clone())
            .or_insert_with(|| score_text(&json, given, &opts));
        let failed = out.errors.iter().find(|(row, _)| *row == r);
        match (single, failed) {
            (Ok(rep), None) => {
                let h = hundredths_of(&rep.index_text).expect("index_text is not N.NN");
                let hb = out.index_hundredths.get(r).copied().unwrap_or(i64::MIN);
                assert_eq!(i128::from(hb), h, "row {r}: index differs; single {json}");
                let ib = out.index.get(r).copied().unwrap_or(f64::NAN);
                assert!(
                    same_f64(ib, rep.index),
                    "row {r}: index f64 {ib} vs {}",
                    rep.index
                );
                let pb = out.predicate.get(r).copied().unwrap_or(u8::MAX);
                assert_eq!(
                    usize::from(pb),
                    rep.band,
                    "row {r}: predicate differs; {json}"
                );
                assert_eq!(out.domains.len(), rep.domains.len(), "domain count");
                for (k, (col, d)) in out.domains.iter().zip(&rep.domains).enumerate() {
                    let b = col.get(r).copied().unwrap_or(f64::NAN);
                    let s = d.index.unwrap_or(f64::NAN);
                    assert!(
                        same_f64(b, s),
                        "row {r}: domain {k}: batch {b} single {s}; {json}"
                    );
                }
                assert_eq!(out.aspects.len(), rep.aspects.len(), "aspect count");
                for (k, (col, a)) in out.aspects.iter().zip(&rep.aspects).enumerate() {
                    let b = col.get(r).copied().unwrap_or(f64::NAN);
                    let s = a.index.unwrap_or(f64::NAN);
                    assert!(
                        same_f64(b, s),
                        "row {r}: aspect {k}: batch {b} single {s}; {json}"
                    );
                }
            }
            (Err(_), Some(_)) => {}
            (Ok(rep), Some((_, e))) => panic!(
                "row {r}: batch failed ({}: {e}) but alone it scores {} ({}); {json}",
                e.code(),
                rep.index_text,
                rep.predicate
            ),
            (Err(e), None) => panic!(
                "row {r}: alone it fails ({}: {e}) but the batch scores {}; {json}",
                e.code(),
                out.index.get(r).copied().unwrap_or(f64::NAN)
            ),
        }
    }
}
