//! Scoring many assessments of one edition at once, from columns of levels
//! into columns of results, without allocating per assessment.
//!
//! Input: one column per *slot* ([`Rubric::slot_names`]), each of the same
//! length (one entry per assessment). A plain indicator has one slot named by
//! its id (`"1"` ... `"47"`); a repeatable indicator (2018 indicator 35) has one
//! slot per possible item, named `"35.1"`, `"35.2"`, `"35.3"`, and an
//! assessment's items are its non-empty slots. [`MISSING`] (or NaN in a float
//! column) marks an empty slot.
//!
//! The common case (every indicator present, nominal item counts) is computed
//! with precomputed integer multipliers: one integer dot product per index, then
//! half-up rounding of the exact quotient. Any other row goes through the same
//! kernel and exact aggregation as [`crate::score_with`], so the results are
//! always equal to scoring the rows one by one.

use crate::error::{Error, Result};
use crate::options::{predicate_rule, MissingPolicy, Options, PredicateBasis};
use crate::ratio::Ratio;
use crate::rubric::{FastPath, Rubric};
use crate::score::{aggregate, band_of, band_of_frac, kernel, ASum, FRACTION};
use crate::value::Value;

pub use crate::score::MISSING;
pub use threaded::score_columns_threaded;

mod threaded;

/// A value in a batch column: an `i64` level ([`MISSING`] for an empty cell),
/// an `f64` as found in data frames (NaN for an empty cell; it must be a whole
/// number, otherwise the row fails with `non_integer_level`), the 8
/// little-endian bytes of such an `f64` (what a binding hands over uncopied), or
/// a `u8` (`u8::MAX` for an empty cell).
pub trait Cell: Copy {
    /// The level, [`MISSING`] for an empty cell, or `Err(text)` for a value that
    /// is not a whole number.
    fn level(self) -> std::result::Result<i64, String>;

    /// The level, [`MISSING`], or [`NOT_WHOLE`]: the hot-path form of [`Cell::level`].
    #[inline]
    fn quick(self) -> i64 {
        self.level().unwrap_or(NOT_WHOLE)
    }

    /// The exact value of a cell that is not a whole number, for an indicator
    /// on a continuous scale (8/2026): a float is read as the shortest decimal
    /// that reads back to it, so 1.26 is 126/100. `None` if it has none.
    #[inline]
    fn fraction(self) -> Option<Ratio> {
        None
    }
}

/// What [`Cell::quick`] returns for a value that is not a whole number.
pub const NOT_WHOLE: i64 = i64::MIN + 1;

impl Cell for i64 {
    #[inline]
    fn level(self) -> std::result::Result<i64, String> {
        Ok(self)
    }
}

impl Cell for f64 {
    #[inline]
    fn level(self) -> std::result::Result<i64, String> {
        match self.quick() {
            NOT_WHOLE => Err(format!("{self}")),
            v => Ok(v),
        }
    }
    #[inline]
    fn quick(self) -> i64 {
        // a whole number converts to i64 and back exactly (`as` saturates and
        // maps NaN to 0, so NaN fails this test)
        let i = self as i64;
        if i as f64 == self && i.unsigned_abs() < (1 << 50) {
            i
        } else if self.is_nan() {
            MISSING
        } else {
            NOT_WHOLE
        }
    }
    fn fraction(self) -> Option<Ratio> {
        Value::from_f64(self).map(|v| v.ratio())
    }
}

/// A compact level as handed over by a binding: `u8::MAX` is an empty cell.
impl Cell for u8 {
    #[inline]
    fn level(self) -> std::result::Result<i64, String> {
        Ok(self.quick())
    }
    #[inline]
    fn quick(self) -> i64 {
        if self == u8::MAX {
            MISSING
        } else {
            i64::from(self)
        }
    }
}

impl Cell for [u8; 8] {
    #[inline]
    fn level(self) -> std::result::Result<i64, String> {
        f64::from_le_bytes(self).level()
    }
    #[inline]
    fn quick(self) -> i64 {
        f64::from_le_bytes(self).quick()
    }
    fn fraction(self) -> Option<Ratio> {
        f64::from_le_bytes(self).fraction()
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
    /// Number of rows.
    pub rows: usize,
    /// Reported index (2 decimals); `null` only when a renormalising policy left it empty.
    pub index: Vec<f64>,
    /// The reported indices as whole hundredths.
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

/// floor((200 num + den) / (2 den)) for num >= 0, den > 0 (half up to
/// hundredths); the fast path is only built when this cannot overflow.
#[inline]
fn hundredths64(num: i64, den: i64) -> i64 {
    (200 * num + den).div_euclid(2 * den)
}

/// Per-slot facts for the column-wise accumulation of the common case.
#[derive(Clone, Copy)]
struct SlotInfo {
    aspect: usize,
    indicator: usize,
    w: i64,
    lo: i64,
    hi: i64,
    /// One of the first `min_items` slots of its indicator: must hold a level.
    /// Other slots (extra services) must be empty for the row to be nominal.
    required: bool,
}

/// Per-row scratch of the general path, allocated once per call.
struct Scratch {
    slots: Vec<i64>,
    fracs: Vec<(usize, Ratio)>,
    n: Vec<ASum>,
    d: Vec<i64>,
    missing: Vec<usize>,
    errors: Vec<Error>,
}

/// Rows are processed in blocks: per-aspect sums are accumulated column by
/// column (sequential reads, accumulators in L1), and a row is rebuilt slot by
/// slot only when it is not nominal.
const BLOCK: usize = 64;

/// Scores `rows` assessments given as slot columns. The track option is ignored
/// (columns are one track); the missing policy applies, and the predicate
/// basis is the option's, else the edition's rule for `opts.year`.
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
    let mut info = Vec::with_capacity(dd.slots);
    for (k, ind) in dd.indicators.iter().enumerate() {
        let width = if ind.repeatable { ind.max_items } else { 1 };
        for item in 0..width {
            info.push(SlotInfo {
                aspect: ind.aspect,
                indicator: k,
                w: ind.w_int,
                lo: i64::from(ind.min_level),
                hi: i64::from(ind.max_level),
                required: item < ind.min_items,
            });
        }
    }
    let ids = rubric.indicator_ids();

    // scratch, allocated once
    let mut acc = vec![0i64; BLOCK * na];
    let mut nominal = [false; BLOCK];
    let basis = predicate_rule(rubric, None, opts).basis;
    let mut scratch = Scratch {
        slots: vec![MISSING; dd.slots],
        fracs: Vec::new(),
        n: vec![ASum::default(); na],
        d: vec![0; na],
        missing: Vec::with_capacity(dd.indicators.len()),
        errors: Vec::new(),
    };

    let mut start = 0;
    while start < rows {
        let end = (start + BLOCK).min(rows);
        if dd.fast.is_some() {
            acc.iter_mut().for_each(|x| *x = 0);
            nominal.iter_mut().for_each(|x| *x = true);
            for (c, s) in columns.iter().zip(&info) {
                let col = c.as_ref().get(start..end).unwrap_or(&[]);
                for (k, v) in col.iter().enumerate() {
                    let x = v.quick();
                    let ok = if s.required {
                        let in_range = x >= s.lo && x <= s.hi;
                        if in_range {
                            if let Some(a) = acc.get_mut(k * na + s.aspect) {
                                *a += s.w * x;
                            }
                        }
                        in_range
                    } else {
                        x == MISSING
                    };
                    if !ok {
                        if let Some(flag) = nominal.get_mut(k) {
                            *flag = false;
                        }
                    }
                }
            }
        }
        for (k, r) in (start..end).enumerate() {
            let nominal_sums = dd
                .fast
                .as_ref()
                .zip(acc.get(k * na..(k + 1) * na))
                .filter(|_| nominal.get(k).copied().unwrap_or(false));
            match nominal_sums {
                Some((f, sums)) => fast_row(rubric, f, sums, basis, r, &mut out),
                None => general_row(
                    rubric,
                    columns,
                    &info,
                    &ids,
                    r,
                    opts,
                    basis,
                    on_error,
                    &mut scratch,
                    &mut out,
                )?,
            }
        }
        start = end;
    }
    Ok(out)
}

/// A nominal row: integer dot products with the precomputed multipliers.
#[inline]
fn fast_row(
    rubric: &Rubric,
    f: &FastPath,
    n: &[i64],
    basis: PredicateBasis,
    r: usize,
    out: &mut BatchOutput,
) {
    let mut num: i64 = 0;
    for (k, x) in f.k_index.iter().zip(n) {
        num += k * x;
    }
    let h = hundredths64(num, f.q_index);
    let band = match (basis, &f.band_max_h) {
        (PredicateBasis::Reported, Some(maxes)) => {
            let last = maxes.len().saturating_sub(1);
            if rubric.d.upper_inclusive {
                maxes.iter().position(|m| h <= *m).unwrap_or(last)
            } else {
                maxes.iter().position(|m| h < *m).unwrap_or(last)
            }
        }
        (PredicateBasis::Reported, None) => band_of(
            rubric,
            Ratio::new(i128::from(h), 100).unwrap_or(Ratio::ZERO),
        ),
        (PredicateBasis::Exact, _) if f.band_max_q.is_some() => {
            let maxes = f.band_max_q.as_deref().unwrap_or(&[]);
            let last = maxes.len().saturating_sub(1);
            if rubric.d.upper_inclusive {
                maxes.iter().position(|m| num <= *m).unwrap_or(last)
            } else {
                maxes.iter().position(|m| num < *m).unwrap_or(last)
            }
        }
        // num / q against each band's max, by cross-multiplication (no gcd)
        (PredicateBasis::Exact, _) => {
            let bands = &rubric.d.bands;
            let last = bands.len().saturating_sub(1);
            let (n, q) = (i128::from(num), i128::from(f.q_index));
            let below = |m: &Ratio| match (n.checked_mul(m.denom()), m.numer().checked_mul(q)) {
                (Some(a), Some(b)) => {
                    if rubric.d.upper_inclusive {
                        a <= b
                    } else {
                        a < b
                    }
                }
                _ => false,
            };
            bands.iter().position(|b| below(&b.max)).unwrap_or(last)
        }
    };
    set(out, r, i128::from(h), band);
    for (di, dom) in rubric.d.domains.iter().enumerate() {
        let mut num: i64 = 0;
        for a in dom.aspects.clone() {
            num += f.k_domain.get(a).copied().unwrap_or(0) * n.get(a).copied().unwrap_or(0);
        }
        let q = f.q_domain.get(di).copied().unwrap_or(1);
        if let Some(cell) = out.domains.get_mut(di).and_then(|col| col.get_mut(r)) {
            *cell = hundredths64(num, q) as f64 / 100.0;
        }
    }
    for ((col, x), y) in out.aspects.iter_mut().zip(n).zip(&f.aspect_den) {
        if let Some(cell) = col.get_mut(r) {
            *cell = hundredths64(*x, *y) as f64 / 100.0;
        }
    }
}

/// Any other row: rebuilt slot by slot, checked by the kernel, aggregated exactly.
#[allow(clippy::too_many_arguments)]
fn general_row<T: Cell, C: AsRef<[T]>>(
    rubric: &Rubric,
    columns: &[C],
    info: &[SlotInfo],
    ids: &[&str],
    r: usize,
    opts: &Options,
    basis: PredicateBasis,
    on_error: OnError,
    scratch: &mut Scratch,
    out: &mut BatchOutput,
) -> Result<()> {
    let dd = &rubric.d;
    let Scratch {
        slots,
        fracs,
        n,
        d,
        missing,
        errors,
    } = scratch;
    missing.clear();
    errors.clear();
    fracs.clear();
    for (k, ((s, c), si)) in slots.iter_mut().zip(columns).zip(info).enumerate() {
        let cell = c.as_ref().get(r);
        *s = match cell.map(|v| v.level()) {
            Some(Ok(v)) => v,
            None => MISSING,
            Some(Err(text)) => {
                let ind = dd.indicators.get(si.indicator);
                let value = cell.and_then(|v| v.fraction());
                match (ind.is_some_and(|i| i.continuous), value) {
                    (true, Some(value)) => {
                        fracs.push((k, value));
                        FRACTION
                    }
                    _ => {
                        let indicator = ids
                            .get(si.indicator)
                            .map_or(String::new(), |s| (*s).to_owned());
                        let valid = ind.map_or_else(String::new, |i| i.valid());
                        // a fraction inside the scale is "not whole"; anything
                        // else (1e20, inf, 1e-30) is out of range
                        let inside = match (ind, value) {
                            (Some(i), Some(v)) => {
                                v >= Ratio::int(i128::from(i.min_level))
                                    && v <= Ratio::int(i128::from(i.max_level))
                            }
                            _ => false,
                        };
                        errors.push(if inside {
                            Error::NonIntegerLevel {
                                indicator,
                                place: String::new(),
                                value: text,
                                valid,
                            }
                        } else {
                            Error::LevelOutOfRange {
                                indicator,
                                place: String::new(),
                                value: text,
                                valid,
                                rubric: rubric.id().to_owned(),
                            }
                        });
                        MISSING
                    }
                }
            }
        };
    }
    if errors.is_empty() {
        kernel(
            rubric,
            slots,
            fracs,
            opts.missing,
            "levels",
            n,
            d,
            missing,
            errors,
        );
    }
    let result = match errors.drain(..).next() {
        Some(e) => Err(e),
        None => aggregate(rubric, n, d, "levels")
            .map_err(|e| {
                if opts.missing == MissingPolicy::Renormalize && !missing.is_empty() {
                    e.renormalising()
                } else {
                    e
                }
            })
            .and_then(|ex| {
                let h = ex
                    .index
                    .round2()
                    .ok_or_else(|| Error::overflow("rounding"))?
                    .0;
                let band = match basis {
                    PredicateBasis::Reported => {
                        band_of(rubric, Ratio::new(h, 100).unwrap_or(Ratio::ZERO))
                    }
                    PredicateBasis::Exact => band_of_frac(rubric, &ex.index),
                };
                set(out, r, h, band);
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
                Ok(())
            }),
    };
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
    Ok(())
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

/// The error for a cell that is not a number at all (text, a boolean), found
/// by a binding while converting a column: `invalid_level_type`, naming the row,
/// the indicator that owns the slot and its valid levels.
pub fn cell_type_error(rubric: &Rubric, row: usize, slot: usize, value: &str) -> Error {
    let mut first = 0;
    let owner = rubric.d.indicators.iter().enumerate().find(|(_, ind)| {
        first += if ind.repeatable {
            usize::from(ind.max_items)
        } else {
            1
        };
        slot < first
    });
    let (indicator, valid) = match owner {
        Some((pos, ind)) => (
            rubric.id_at(pos).to_owned(),
            if ind.repeatable {
                format!(
                    "a whole number from {} to {} (one column per service)",
                    ind.min_level, ind.max_level
                )
            } else if ind.continuous {
                format!(
                    "a number from {} to {} in a numeric column (a float such as 1.26; a fraction such as 7/6 goes in through spbe.score)",
                    ind.min_level, ind.max_level
                )
            } else {
                ind.valid()
            },
        ),
        None => (String::new(), String::new()),
    };
    let place = rubric
        .slot_names()
        .get(slot)
        .map_or(String::new(), |n| format!("column {n:?}"));
    Error::Row {
        row,
        source: Box::new(Error::InvalidLevelType {
            indicator,
            place,
            value: value.to_owned(),
            valid,
        }),
    }
}
