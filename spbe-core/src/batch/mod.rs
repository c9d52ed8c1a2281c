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

    /// The block step of the common case: adds `w · level` of each cell to
    /// `sums` where the cell holds a whole level in `lo..=hi`, and flags every
    /// other row in `bad`. The sums are whole numbers below 2^53 (the fast
    /// path is only built when they are), so `f64` holds them exactly.
    #[inline]
    fn add_column(col: &[Self], lo: i64, hi: i64, w: i64, sums: &mut [f64], bad: &mut [u64]) {
        for ((a, b), v) in sums.iter_mut().zip(bad.iter_mut()).zip(col) {
            let x = v.quick();
            let ok = x >= lo && x <= hi;
            *a += if ok { (w * x) as f64 } else { 0.0 };
            *b |= u64::from(!ok);
        }
    }

    /// Flags in `bad` every row whose cell is not empty (a slot that must be).
    #[inline]
    fn check_empty(col: &[Self], bad: &mut [u64]) {
        for (b, v) in bad.iter_mut().zip(col) {
            *b |= u64::from(v.quick() != MISSING);
        }
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

/// [`Cell::add_column`] for `f64` values (see there).
#[inline]
fn add_f64(
    col: impl Iterator<Item = f64>,
    lo: i64,
    hi: i64,
    w: i64,
    sums: &mut [f64],
    bad: &mut [u64],
) {
    const BIG: f64 = 4_503_599_627_370_496.0; // 2^52
    let (lo, hi, w) = (lo as f64, hi as f64, w as f64);
    for ((a, b), v) in sums.iter_mut().zip(bad.iter_mut()).zip(col) {
        let ok = (v >= lo) & (v <= hi) & ((v + BIG) - BIG == v);
        *a += if ok { w * v } else { 0.0 };
        *b |= u64::from(!ok);
    }
}

impl Cell for f64 {
    /// In `f64` throughout, without a conversion per cell, so that it
    /// vectorises: a value in `lo..=hi` (NaN is not) is whole exactly when
    /// adding and taking away 2^52 gives it back (levels are small and not
    /// negative).
    #[inline]
    fn add_column(col: &[f64], lo: i64, hi: i64, w: i64, sums: &mut [f64], bad: &mut [u64]) {
        add_f64(col.iter().copied(), lo, hi, w, sums, bad);
    }

    #[inline]
    fn check_empty(col: &[f64], bad: &mut [u64]) {
        for (b, v) in bad.iter_mut().zip(col) {
            *b |= u64::from(!v.is_nan());
        }
    }

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
    /// Without a conversion to `i64` per cell, so that it vectorises.
    #[inline]
    fn add_column(col: &[u8], lo: i64, hi: i64, w: i64, sums: &mut [f64], bad: &mut [u64]) {
        let w = w as f64;
        for ((a, b), &v) in sums.iter_mut().zip(bad.iter_mut()).zip(col) {
            let x = i64::from(v);
            let ok = (v != u8::MAX) & (x >= lo) & (x <= hi);
            *a += if ok { w * f64::from(v) } else { 0.0 };
            *b |= u64::from(!ok);
        }
    }

    #[inline]
    fn check_empty(col: &[u8], bad: &mut [u64]) {
        for (b, v) in bad.iter_mut().zip(col) {
            *b |= u64::from(*v != u8::MAX);
        }
    }

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
    fn add_column(col: &[[u8; 8]], lo: i64, hi: i64, w: i64, sums: &mut [f64], bad: &mut [u64]) {
        add_f64(
            col.iter().map(|b| f64::from_le_bytes(*b)),
            lo,
            hi,
            w,
            sums,
            bad,
        );
    }

    #[inline]
    fn check_empty(col: &[[u8; 8]], bad: &mut [u64]) {
        for (b, v) in bad.iter_mut().zip(col) {
            *b |= u64::from(!f64::from_le_bytes(*v).is_nan());
        }
    }

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
    // zeroed columns (fresh pages from the allocator, not written twice):
    // every row is written below, by the block of nominal rows or, for any
    // other row, by `reset` (NaN, i64::MIN, u8::MAX) before it is scored
    let mut out = BatchOutput {
        rows,
        index: vec![0.0; rows],
        index_hundredths: vec![0; rows],
        predicate: vec![0; rows],
        domains: (0..nd).map(|_| vec![0.0; rows]).collect(),
        aspects: (0..na).map(|_| vec![0.0; rows]).collect(),
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
    // per aspect, a block of row sums (aspect-major: a column adds to one
    // contiguous run); a row is nominal while its flag in `bad` is 0
    let mut acc = vec![0f64; BLOCK * na];
    let mut bad = [0u64; BLOCK];
    let mut tmp = vec![0f64; BLOCK];
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
            acc.iter_mut().for_each(|x| *x = 0.0);
            bad.iter_mut().for_each(|x| *x = 0);
            let len = end - start;
            for (c, s) in columns.iter().zip(&info) {
                let col = c.as_ref().get(start..end).unwrap_or(&[]);
                if s.required {
                    let from = s.aspect * BLOCK;
                    match acc.get_mut(from..from + len) {
                        Some(sums) => T::add_column(col, s.lo, s.hi, s.w, sums, &mut bad),
                        None => bad.iter_mut().for_each(|b| *b = 1),
                    }
                } else {
                    T::check_empty(col, &mut bad);
                }
            }
        }
        if let Some(f) = &dd.fast {
            fast_block(
                rubric,
                f,
                &acc,
                end - start,
                start,
                basis,
                &mut tmp,
                &mut out,
            );
        }
        for (k, r) in (start..end).enumerate() {
            if dd.fast.is_some() && bad.get(k).copied() == Some(0) {
                continue;
            }
            // what the block wrote for this row is not its result
            reset(&mut out, r);
            general_row(
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
            )?;
        }
        start = end;
    }
    Ok(out)
}

/// floor(x / y) for whole numbers 0 <= x < 2^53, y > 0 held in `f64`; with
/// x = 200 num + den, y = 2 den it rounds num / den half up to hundredths.
///
/// Exact: x and y are exact doubles, and a quotient that is not a whole
/// number lies at least 1/y below the next one, more than the rounding error
/// of the division (x/y · 2^-53 < 1/y), so the rounded quotient has the same
/// floor; a whole quotient is exact. It stays in `f64` so that a column of
/// them vectorises (a 64-bit integer division costs several times as much):
/// `(t + 2^52) - 2^52` rounds t to a whole number, one too many when it
/// rounded up.
#[inline]
fn floor_div(x: f64, y: f64) -> f64 {
    const BIG: f64 = 4_503_599_627_370_496.0; // 2^52
    let t = x / y;
    let r = (t + BIG) - BIG;
    if r > t {
        r - 1.0
    } else {
        r
    }
}

/// The nominal rows of a block: the integer dot products of every result,
/// column by column, in `f64` (exact: the fast path is built only when every
/// numerator, times 200, stays below 2^53). Rows flagged in `bad` get values
/// too, which the caller then replaces.
#[allow(clippy::too_many_arguments)]
fn fast_block(
    rubric: &Rubric,
    f: &FastPath,
    acc: &[f64],
    len: usize,
    start: usize,
    basis: PredicateBasis,
    tmp: &mut [f64],
    out: &mut BatchOutput,
) {
    let sums = |a: usize| acc.get(a * BLOCK..a * BLOCK + len).unwrap_or(&[]);
    let Some(tmp) = tmp.get_mut(..len) else {
        return;
    };
    // a dot product of the aspect sums, into tmp
    let dot = |tmp: &mut [f64], ks: &[i64], aspects: std::ops::Range<usize>| {
        tmp.iter_mut().for_each(|t| *t = 0.0);
        for a in aspects {
            let k = ks.get(a).copied().unwrap_or(0) as f64;
            for (t, n) in tmp.iter_mut().zip(sums(a)) {
                *t += k * n;
            }
        }
    };
    for (a, (col, den)) in out.aspects.iter_mut().zip(&f.aspect_den).enumerate() {
        let d = *den as f64;
        if let Some(dst) = col.get_mut(start..start + len) {
            for (o, n) in dst.iter_mut().zip(sums(a)) {
                *o = floor_div(200.0 * n + d, 2.0 * d) / 100.0;
            }
        }
    }
    for (di, dom) in rubric.d.domains.iter().enumerate() {
        dot(tmp, &f.k_domain, dom.aspects.clone());
        let q = f.q_domain.get(di).copied().unwrap_or(1) as f64;
        if let Some(dst) = out
            .domains
            .get_mut(di)
            .and_then(|col| col.get_mut(start..start + len))
        {
            for (o, t) in dst.iter_mut().zip(tmp.iter()) {
                *o = floor_div(200.0 * t + q, 2.0 * q) / 100.0;
            }
        }
    }
    dot(tmp, &f.k_index, 0..f.k_index.len());
    let q = f.q_index as f64;
    for (k, t) in tmp.iter().enumerate() {
        // whole numbers below 2^53: exact as i64
        let num = *t as i64;
        let h = floor_div(200.0 * t + q, 2.0 * q) as i64;
        set(
            out,
            start + k,
            i128::from(h),
            band_fast(rubric, f, num, h, basis),
        );
    }
}

/// The band of a nominal row's index `num / q_index` (reported: `h` hundredths).
#[inline]
fn band_fast(rubric: &Rubric, f: &FastPath, num: i64, h: i64, basis: PredicateBasis) -> usize {
    match (basis, &f.band_max_h) {
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

/// A row's results as before it is scored (NaN, `i64::MIN`, `u8::MAX`).
fn reset(out: &mut BatchOutput, r: usize) {
    if let Some(c) = out.index.get_mut(r) {
        *c = f64::NAN;
    }
    if let Some(c) = out.index_hundredths.get_mut(r) {
        *c = i64::MIN;
    }
    if let Some(c) = out.predicate.get_mut(r) {
        *c = u8::MAX;
    }
    for col in out.domains.iter_mut().chain(out.aspects.iter_mut()) {
        if let Some(c) = col.get_mut(r) {
            *c = f64::NAN;
        }
    }
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
