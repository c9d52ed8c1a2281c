//! Scoring many assessments of one edition at once, from columns of levels
//! into columns of results, without allocating per assessment.
//!
//! Input: one column per *slot* ([`Rubric::slot_names`]), each of the same
//! length (one entry per assessment). A plain indicator has one slot named by
//! its id (`"1"` ... `"47"`); a repeatable indicator (2018 indicator 35) has one
//! slot per possible item, named `"35.1"`, `"35.2"`, `"35.3"`, and an
//! assessment's items are its non-empty slots. [`MISSING`] marks an empty slot.
//!
//! The common case (every indicator present, nominal item counts) is computed
//! with precomputed integer multipliers: one integer dot product per index, then
//! half-up rounding of the exact quotient, so the results equal [`crate::score_with`].

use crate::error::{Error, Result};
use crate::ratio::Ratio;
use crate::rubric::Rubric;
use crate::score::{aggregate, band_of, kernel, Options, PredicateBasis};

pub use crate::score::MISSING;

/// A value in a batch column: an `i64` level ([`MISSING`] for an empty cell),
/// or an `f64` as found in data frames (NaN for an empty cell; it must be a
/// whole number, otherwise the row fails with `non_integer_level`).
pub trait Cell: Copy {
    /// The level, [`MISSING`] for an empty cell, or `Err(text)` for a value that
    /// is not a whole number.
    fn level(self) -> std::result::Result<i64, String>;
}

impl Cell for i64 {
    fn level(self) -> std::result::Result<i64, String> {
        Ok(self)
    }
}

impl Cell for f64 {
    fn level(self) -> std::result::Result<i64, String> {
        if self.is_nan() {
            Ok(MISSING)
        } else if self.fract() == 0.0 && self.abs() < 1e15 {
            // a whole number well inside i64: the conversion is exact
            Ok(self as i64)
        } else {
            Err(format!("{self}"))
        }
    }
}

/// What to do with a row that cannot be scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnError {
    /// Stop at the first bad row and return its error (with the row number).
    #[default]
    Fail,
    /// Keep going; the row's results are NaN / `u8::MAX` and its error is in `errors`.
    Collect,
}

/// Column results. Indices are the reported (2-decimal) values as `f64`;
/// `index_hundredths` holds the same values as exact integers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchOutput {
    pub rows: usize,
    pub index: Vec<f64>,
    pub index_hundredths: Vec<i64>,
    /// Position of the predicate in the rubric's predicate list (`u8::MAX` for a failed row).
    pub predicate: Vec<u8>,
    /// One column per domain, in rubric order (NaN where not computable).
    pub domains: Vec<Vec<f64>>,
    /// One column per aspect, in rubric order.
    pub aspects: Vec<Vec<f64>>,
    /// `(row, error)` for each failed row (only with [`OnError::Collect`]).
    pub errors: Vec<(usize, Error)>,
}

fn hundredths(num: i128, den: i128) -> Option<i128> {
    // floor((200 num + den) / (2 den)), num >= 0, den > 0
    Some((num.checked_mul(200)?.checked_add(den)?).div_euclid(den.checked_mul(2)?))
}

/// Scores `rows` assessments given as slot columns. The track option is ignored
/// (columns are one track); the missing policy and predicate basis apply.
pub fn score_columns<T: Cell, C: AsRef<[T]>>(
    rubric: &Rubric,
    columns: &[C],
    opts: &Options,
    on_error: OnError,
) -> Result<BatchOutput> {
    let dd = &rubric.d;
    if columns.len() != dd.slots {
        return Err(Error::InvalidBatch {
            message: format!(
                "{} columns given but {} takes {} (one per slot: {})",
                columns.len(),
                rubric.id(),
                dd.slots,
                rubric.slot_names().join(", ")
            ),
        });
    }
    let rows = columns.first().map_or(0, |c| c.as_ref().len());
    if let Some((k, c)) = columns
        .iter()
        .enumerate()
        .find(|(_, c)| c.as_ref().len() != rows)
    {
        return Err(Error::InvalidBatch {
            message: format!(
                "column {k} has {} rows but column 0 has {rows}",
                c.as_ref().len()
            ),
        });
    }
    let na = dd.aspects.len();
    let nd = dd.domains.len();
    let mut out = BatchOutput {
        rows,
        index: vec![f64::NAN; rows],
        index_hundredths: vec![i64::MIN; rows],
        predicate: vec![u8::MAX; rows],
        domains: vec![vec![f64::NAN; rows]; nd],
        aspects: vec![vec![f64::NAN; rows]; na],
        errors: Vec::new(),
    };
    // per-row scratch, allocated once
    let mut slots = vec![0i64; dd.slots];
    let mut n = vec![0i64; na];
    let mut d = vec![0i64; na];
    let mut missing = Vec::with_capacity(dd.indicators.len());
    let mut errors = Vec::new();
    // slot -> indicator position, for messages about a cell
    let mut slot_ind = Vec::with_capacity(dd.slots);
    for (k, ind) in dd.indicators.iter().enumerate() {
        let width = if ind.repeatable {
            usize::from(ind.max_items)
        } else {
            1
        };
        slot_ind.extend(std::iter::repeat_n(k, width));
    }
    let ids = rubric.indicator_ids();
    let band_reported = |h: i128| -> usize {
        // h hundredths vs band bounds (exact compare)
        band_of(rubric, Ratio::new(h, 100).unwrap_or(Ratio::ZERO))
    };

    for r in 0..rows {
        missing.clear();
        errors.clear();
        for (j, (s, c)) in slots.iter_mut().zip(columns).enumerate() {
            *s = match c.as_ref().get(r).map(|v| v.level()) {
                Some(Ok(v)) => v,
                None => MISSING,
                Some(Err(text)) => {
                    let ind = slot_ind
                        .get(j)
                        .and_then(|&k| dd.indicators.get(k).map(|i| (k, i)));
                    let (id, min, max) = ind.map_or((String::new(), 0, 0), |(k, i)| {
                        (
                            ids.get(k).map_or(String::new(), |s| (*s).to_owned()),
                            i.min_level,
                            i.max_level,
                        )
                    });
                    errors.push(Error::NonIntegerLevel {
                        indicator: id,
                        place: String::new(),
                        value: text,
                        min,
                        max,
                    });
                    MISSING
                }
            };
        }
        if errors.is_empty() {
            kernel(
                rubric,
                &slots,
                opts.missing,
                "levels",
                &mut n,
                &mut d,
                &mut missing,
                &mut errors,
            );
        }
        if let Some(e) = errors.drain(..).next() {
            let e = Error::Row {
                row: r,
                source: Box::new(e),
            };
            match on_error {
                OnError::Fail => return Err(e),
                OnError::Collect => {
                    out.errors.push((r, e));
                    continue;
                }
            }
        }
        let fast = dd
            .fast
            .as_ref()
            .filter(|f| missing.is_empty() && f.aspect_den.as_slice() == d.as_slice());
        let result: Result<()> = (|| {
            if let Some(f) = fast {
                // index = Σ k_a n_a / q
                let mut num: i128 = 0;
                for (k, x) in f.k_index.iter().zip(&n) {
                    num += k * i128::from(*x);
                }
                let h = hundredths(num, f.q_index).ok_or_else(|| Error::overflow("the index"))?;
                set(
                    &mut out,
                    r,
                    h,
                    match opts.predicate_basis {
                        PredicateBasis::Reported => band_reported(h),
                        PredicateBasis::Exact => {
                            band_of(rubric, Ratio::new(num, f.q_index).unwrap_or(Ratio::ZERO))
                        }
                    },
                );
                for (di, dom) in dd.domains.iter().enumerate() {
                    let mut num: i128 = 0;
                    for a in dom.aspects.clone() {
                        num += f.k_domain.get(a).copied().unwrap_or(0)
                            * i128::from(n.get(a).copied().unwrap_or(0));
                    }
                    let q = f.q_domain.get(di).copied().unwrap_or(1);
                    if let Some(col) = out.domains.get_mut(di) {
                        if let Some(cell) = col.get_mut(r) {
                            *cell = hundredths(num, q)
                                .ok_or_else(|| Error::overflow("a domain index"))?
                                as f64
                                / 100.0;
                        }
                    }
                }
                for (ai, col) in out.aspects.iter_mut().enumerate() {
                    let (x, y) = (
                        n.get(ai).copied().unwrap_or(0),
                        d.get(ai).copied().unwrap_or(1),
                    );
                    if let Some(cell) = col.get_mut(r) {
                        *cell = hundredths(i128::from(x), i128::from(y))
                            .ok_or_else(|| Error::overflow("an aspect index"))?
                            as f64
                            / 100.0;
                    }
                }
            } else {
                let ex = aggregate(rubric, &n, &d)?;
                let h = ex
                    .index
                    .round2()
                    .ok_or_else(|| Error::overflow("rounding"))?
                    .0;
                set(
                    &mut out,
                    r,
                    h,
                    match opts.predicate_basis {
                        PredicateBasis::Reported => band_reported(h),
                        PredicateBasis::Exact => band_of(rubric, ex.index),
                    },
                );
                for (col, v) in out.domains.iter_mut().zip(&ex.domains) {
                    if let (Some(cell), Some(v)) = (col.get_mut(r), v) {
                        *cell = v
                            .round2()
                            .ok_or_else(|| Error::overflow("rounding"))?
                            .to_f64();
                    }
                }
                for (col, v) in out.aspects.iter_mut().zip(&ex.aspects) {
                    if let (Some(cell), Some(v)) = (col.get_mut(r), v) {
                        *cell = v
                            .round2()
                            .ok_or_else(|| Error::overflow("rounding"))?
                            .to_f64();
                    }
                }
            }
            Ok(())
        })();
        if let Err(e) = result {
            let e = Error::Row {
                row: r,
                source: Box::new(e),
            };
            match on_error {
                OnError::Fail => return Err(e),
                OnError::Collect => out.errors.push((r, e)),
            }
        }
    }
    Ok(out)
}

fn set(out: &mut BatchOutput, r: usize, h: i128, band: usize) {
    if let Some(c) = out.index.get_mut(r) {
        *c = h as f64 / 100.0;
    }
    if let Some(c) = out.index_hundredths.get_mut(r) {
        *c = i64::try_from(h).unwrap_or(i64::MIN);
    }
    if let Some(c) = out.predicate.get_mut(r) {
        *c = u8::try_from(band).unwrap_or(u8::MAX);
    }
}

/// Convenience: the slot columns of a list of level rows (`MISSING` where absent),
/// for callers that have row-major data.
pub fn columns_from_rows(rubric: &Rubric, rows: &[Vec<i64>]) -> Result<Vec<Vec<i64>>> {
    let slots = rubric.d.slots;
    let mut cols = vec![Vec::with_capacity(rows.len()); slots];
    for (r, row) in rows.iter().enumerate() {
        if row.len() != slots {
            return Err(Error::InvalidBatch {
                message: format!(
                    "row {r} has {} values but {} takes {slots}",
                    row.len(),
                    rubric.id()
                ),
            });
        }
        for (c, v) in cols.iter_mut().zip(row) {
            c.push(*v);
        }
    }
    Ok(cols)
}
