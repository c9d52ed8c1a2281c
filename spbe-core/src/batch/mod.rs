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
use crate::rubric::{FastPath, Rubric, Thresholds};
use crate::score::{aggregate, band_of, band_of_frac, kernel, ASum, FRACTION};
use crate::value::Value;

pub use crate::score::MISSING;
pub use threaded::{
    run_parts, score_chunks_into, score_columns_threaded, shift_row, thread_count, threads_asked,
    ChunkSource, Columns, ResultColumns, RowFindings, CHUNK_ROWS,
};

mod threaded;

/// A value in a batch column: an `i64` level ([`MISSING`] for an empty cell),
/// an `f64` as found in data frames (NaN for an empty cell; a value that is
/// not a level fails its row with the error single scoring gives for it:
/// `non_integer_level`, `level_out_of_range`, or `invalid_level_type` for an
/// infinity; 8/2026's decimals are read exactly), the 8
/// little-endian bytes of such an `f64` (what a binding hands over uncopied), or
/// a `u8` (`u8::MAX` for an empty cell).
pub trait Cell: Copy {
    /// Rows per block of the common case (64 for 8-byte cells: 47 columns
    /// of 512 bytes; one-byte cells read more rows per column at a time,
    /// measured faster).
    const BLOCK: usize = BLOCK;

    /// The level, [`MISSING`] for an empty cell, or `Err(text)` for a value that
    /// is not a whole number below 2^50 (the caller decides which error).
    fn level(self) -> std::result::Result<i64, String>;

    /// The level, [`MISSING`], or [`NOT_WHOLE`]: the hot-path form of [`Cell::level`].
    #[inline]
    fn quick(self) -> i64 {
        self.level().unwrap_or(NOT_WHOLE)
    }

    /// The block step of the common case: adds `w · level` of each cell to
    /// `sums` where the cell holds a whole level in `lo..=hi`, and NaN where
    /// it does not, which marks the row as one for the general path (NaN
    /// stays NaN through every sum). The sums are whole numbers below 2^53
    /// (the fast path is only built when they are), so `f64` holds them
    /// exactly.
    #[inline]
    fn add_column(col: &[Self], s: &SlotStep, sums: &mut [f64]) {
        let (lo, hi, w) = (s.lo, s.hi, s.w);
        for (a, v) in sums.iter_mut().zip(col) {
            let x = v.quick();
            let ok = x >= lo && x <= hi;
            *a += if ok { (w * x) as f64 } else { f64::NAN };
        }
    }

    /// [`Cell::add_column`] of two columns into the same sums (two slots of
    /// one aspect): one pass where a cell type can fuse them.
    #[inline]
    fn add_columns(a: &[Self], sa: &SlotStep, b: &[Self], sb: &SlotStep, sums: &mut [f64]) {
        Self::add_column(a, sa, sums);
        Self::add_column(b, sb, sums);
    }

    /// Adds NaN to `sums` for every row whose cell is not empty (a slot that
    /// must be, for the row to be nominal).
    #[inline]
    fn check_empty(col: &[Self], sums: &mut [f64]) {
        for (a, v) in sums.iter_mut().zip(col) {
            *a += if v.quick() == MISSING { 0.0 } else { f64::NAN };
        }
    }

    /// The exact value of a cell that is not a whole number, for an indicator
    /// on a continuous scale (8/2026): a float is read as the shortest decimal
    /// that reads back to it, so 1.26 is 126/100. `None` if it has none.
    #[inline]
    fn fraction(self) -> Option<Ratio> {
        None
    }

    /// For a cell that is not a level ([`Cell::level`] gave `Err`): whether
    /// it has a fractional part (`Some(true)`: 7.5, 1e-30), is whole but too
    /// large (`Some(false)`: 1e20), or is no finite number (`None`: an
    /// infinity). Whole-number cells are never `Err`.
    #[inline]
    fn fractional(self) -> Option<bool> {
        Some(false)
    }
}

/// A float cell's value in a message: as Rust and JS write it in plain
/// decimals (`7.5`, a whole `9.0` as `9`), but in exponent form from 1e16
/// and below 1e-4, as Python's `repr` writes it (`1e+300`, `1e-05`), which
/// is also how single scoring quotes the same float from a Python dict: a
/// value of 1e300 was written as 301 digits.
pub(crate) fn float_text(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 || !a.is_finite() || (1e-4..1e16).contains(&a) {
        return format!("{v}");
    }
    // Debug gives the shortest digits that read back, in exponent form here
    let s = format!("{v:?}");
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = e.strip_prefix('-').map_or(('+', e), |d| ('-', d));
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
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
fn add_f64(col: impl Iterator<Item = f64>, s: &SlotStep, sums: &mut [f64]) {
    let step = F64Step::new(s);
    for (a, v) in sums.iter_mut().zip(col) {
        *a += step.term(v);
    }
}

/// [`Cell::add_columns`] for `f64` values: both terms are whole numbers
/// below 2^53 (or NaN), so adding them first changes no sum.
#[inline]
fn add_f64_pair(
    a: impl Iterator<Item = f64>,
    sa: &SlotStep,
    b: impl Iterator<Item = f64>,
    sb: &SlotStep,
    sums: &mut [f64],
) {
    let (sa, sb) = (F64Step::new(sa), F64Step::new(sb));
    for ((s, x), y) in sums.iter_mut().zip(a).zip(b) {
        *s += sa.term(x) + sb.term(y);
    }
}

/// A [`SlotStep`] in `f64`.
#[derive(Clone, Copy)]
struct F64Step {
    lo: f64,
    hi: f64,
    w: f64,
}

impl F64Step {
    #[inline]
    fn new(s: &SlotStep) -> Self {
        F64Step {
            lo: s.lo as f64,
            hi: s.hi as f64,
            w: s.w as f64,
        }
    }

    /// `w · v` for a whole level `v` in `lo..=hi`, else NaN.
    #[inline]
    fn term(self, v: f64) -> f64 {
        const BIG: f64 = 4_503_599_627_370_496.0; // 2^52
        let Self { lo, hi, w } = self;
        // v clamped into lo..=hi (NaN gives lo), then rounded to a whole
        // number by adding and taking away 2^52 (exact for 0 <= c < 2^52;
        // levels are small and not negative): equal to v exactly when v is
        // a whole number in lo..=hi. A v outside the range gives lo or hi,
        // which v is not; a fraction inside it gives a whole number; NaN
        // equals nothing. Each `if` is one max / min instruction.
        let c = if v > lo { v } else { lo };
        let c = if c < hi { c } else { hi };
        // all ones where the cell is no level: or-ed into w · v it makes
        // the bits of a NaN (every exponent bit set, a fraction not 0), one
        // instruction where a select takes three
        let bad = if (c + BIG) - BIG == v { 0 } else { u64::MAX };
        f64::from_bits((w * v).to_bits() | bad)
    }
}

impl Cell for f64 {
    /// In `f64` throughout, without a conversion per cell, so that it
    /// vectorises: a value in `lo..=hi` (NaN is not) is whole exactly when
    /// adding and taking away 2^52 gives it back (levels are small and not
    /// negative).
    #[inline]
    fn add_column(col: &[f64], s: &SlotStep, sums: &mut [f64]) {
        add_f64(col.iter().copied(), s, sums);
    }

    #[inline]
    fn add_columns(a: &[f64], sa: &SlotStep, b: &[f64], sb: &SlotStep, sums: &mut [f64]) {
        add_f64_pair(a.iter().copied(), sa, b.iter().copied(), sb, sums);
    }

    #[inline]
    fn check_empty(col: &[f64], sums: &mut [f64]) {
        for (a, v) in sums.iter_mut().zip(col) {
            *a += if v.is_nan() { 0.0 } else { f64::NAN };
        }
    }

    #[inline]
    fn level(self) -> std::result::Result<i64, String> {
        match self.quick() {
            NOT_WHOLE => Err(float_text(self)),
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
    fn fractional(self) -> Option<bool> {
        self.is_finite().then(|| self.fract() != 0.0)
    }
}

/// A compact level as handed over by a binding: `u8::MAX` is an empty cell.
impl Cell for u8 {
    const BLOCK: usize = 4 * BLOCK;

    /// By a table of the slot's 16 first byte values (`w · level` for a
    /// level, NaN for anything else; every byte from 15 up reads entry 15,
    /// NaN): one load and one add per cell, no widening of the byte through
    /// compares and conversions.
    #[inline]
    fn add_column(col: &[u8], s: &SlotStep, sums: &mut [f64]) {
        let t = &s.table;
        for (a, &v) in sums.iter_mut().zip(col) {
            *a += t.get(usize::from(v.min(15))).copied().unwrap_or(f64::NAN);
        }
    }

    /// Both tables read per row, one read and write of the sums (the terms
    /// are whole numbers below 2^53, or NaN: adding them first changes no sum).
    #[inline]
    fn add_columns(a: &[u8], sa: &SlotStep, b: &[u8], sb: &SlotStep, sums: &mut [f64]) {
        let (ta, tb) = (&sa.table, &sb.table);
        for ((s, &x), &y) in sums.iter_mut().zip(a).zip(b) {
            let x = ta.get(usize::from(x.min(15))).copied().unwrap_or(f64::NAN);
            let y = tb.get(usize::from(y.min(15))).copied().unwrap_or(f64::NAN);
            *s += x + y;
        }
    }

    #[inline]
    fn check_empty(col: &[u8], sums: &mut [f64]) {
        for (a, &v) in sums.iter_mut().zip(col) {
            *a += if v == u8::MAX { 0.0 } else { f64::NAN };
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
    fn add_column(col: &[[u8; 8]], s: &SlotStep, sums: &mut [f64]) {
        add_f64(col.iter().map(|b| f64::from_le_bytes(*b)), s, sums);
    }

    #[inline]
    fn add_columns(a: &[[u8; 8]], sa: &SlotStep, b: &[[u8; 8]], sb: &SlotStep, sums: &mut [f64]) {
        add_f64_pair(
            a.iter().map(|x| f64::from_le_bytes(*x)),
            sa,
            b.iter().map(|x| f64::from_le_bytes(*x)),
            sb,
            sums,
        );
    }

    #[inline]
    fn check_empty(col: &[[u8; 8]], sums: &mut [f64]) {
        for (a, v) in sums.iter_mut().zip(col) {
            *a += if f64::from_le_bytes(*v).is_nan() {
                0.0
            } else {
                f64::NAN
            };
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
    fn fractional(self) -> Option<bool> {
        f64::from_le_bytes(self).fractional()
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
///
/// One `BatchOutput` can be filled again and again by [`score_columns_into`]
/// (e.g. chunk after chunk of a large input): its columns keep their memory.
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
    /// 1 where the row has every indicator (so its result is official), 0
    /// where it lacks one (an estimate of a missing policy that allows it, or
    /// a failed row under the official one). Failed rows are marked too.
    pub official: Vec<u8>,
    /// The indicators each row lacks (every slot of the indicator empty), as
    /// `(row, indicator position in rubric order)` pairs, in row order and
    /// rubric order within a row: only rows whose `official` is 0 appear.
    /// See [`BatchOutput::missing_ids`].
    pub missing: Vec<(usize, usize)>,
    /// One column per domain, in rubric order (NaN where not computable).
    pub domains: Vec<Vec<f64>>,
    /// One column per aspect, in rubric order.
    pub aspects: Vec<Vec<f64>>,
    /// `(row, error)` for each failed row (only with [`OnError::Collect`]).
    pub errors: Vec<(usize, Error)>,
}

/// `(row, indicator position)` pairs (row order, then rubric order) as each
/// row with the ids it lacks.
fn missing_ids<'r>(missing: &[(usize, usize)], rubric: &'r Rubric) -> Vec<(usize, Vec<&'r str>)> {
    let mut out: Vec<(usize, Vec<&'r str>)> = Vec::new();
    for &(row, k) in missing {
        let id = rubric.d.ids.get(k).map_or("", String::as_str);
        match out.last_mut() {
            Some((r, ids)) if *r == row => ids.push(id),
            _ => out.push((row, vec![id])),
        }
    }
    out
}

/// [`missing_ids`], each row's ids joined by `", "`.
pub(crate) fn missing_text(missing: &[(usize, usize)], rubric: &Rubric) -> Vec<(usize, String)> {
    missing_ids(missing, rubric)
        .into_iter()
        .map(|(r, ids)| (r, ids.join(", ")))
        .collect()
}

impl BatchOutput {
    /// Each row that lacks an indicator, with the ids it lacks in rubric
    /// order (`rubric` is the edition the batch was scored with).
    pub fn missing_ids<'r>(&self, rubric: &'r Rubric) -> Vec<(usize, Vec<&'r str>)> {
        missing_ids(&self.missing, rubric)
    }

    /// [`BatchOutput::missing_ids`] with each row's ids joined by `", "`
    /// (`"3, 35"`): the `missing` column of a scored frame.
    pub fn missing_text(&self, rubric: &Rubric) -> Vec<(usize, String)> {
        missing_text(&self.missing, rubric)
    }

    /// Makes every column `rows` long, keeping the memory a column already
    /// has (a column of the right length is not written: every row is
    /// written by the scoring); an empty column is allocated zeroed, which
    /// takes fresh pages without a pass over them.
    fn fit(&mut self, rows: usize, nd: usize, na: usize) {
        fn fit<X: Copy + Default>(v: &mut Vec<X>, rows: usize) {
            if v.capacity() == 0 {
                *v = vec![X::default(); rows];
            } else {
                v.truncate(rows);
                v.resize(rows, X::default());
            }
        }
        self.rows = rows;
        fit(&mut self.index, rows);
        fit(&mut self.index_hundredths, rows);
        fit(&mut self.predicate, rows);
        fit(&mut self.official, rows);
        self.domains.resize_with(nd, Vec::new);
        self.aspects.resize_with(na, Vec::new);
        for c in self.domains.iter_mut().chain(self.aspects.iter_mut()) {
            fit(c, rows);
        }
        self.missing.clear();
        self.errors.clear();
    }
}

/// Per-slot facts for the column-wise accumulation of the common case.
#[derive(Clone, Copy)]
struct SlotInfo {
    aspect: usize,
    indicator: usize,
    /// One of the first `min_items` slots of its indicator: must hold a level.
    /// Other slots (extra services) must be empty for the row to be nominal.
    required: bool,
    step: SlotStep,
}

/// What a slot adds to its aspect's sum in the common case (see [`Cell::add_column`]).
#[derive(Clone, Copy, Debug)]
pub struct SlotStep {
    w: i64,
    lo: i64,
    hi: i64,
    /// `w · v` for a byte `v` that is a level, NaN for any other byte (entry
    /// 15 stands for every byte from 15 up; levels are at most 9).
    table: [f64; 16],
}

impl SlotStep {
    fn new(w: i64, lo: i64, hi: i64) -> Self {
        let mut table = [f64::NAN; 16];
        for (v, t) in (0i64..15).zip(table.iter_mut()) {
            if v >= lo && v <= hi {
                *t = (w * v) as f64;
            }
        }
        SlotStep { w, lo, hi, table }
    }
}

/// One pass of the common case over a block (slot positions).
#[derive(Clone, Copy)]
enum Step {
    /// A required slot: [`Cell::add_column`].
    One(usize),
    /// Two required slots of one aspect: [`Cell::add_columns`].
    Two(usize, usize),
    /// A slot that must be empty: [`Cell::check_empty`].
    Empty(usize),
}

/// Per-row scratch of the general path, allocated once per call.
struct Scratch {
    slots: Vec<i64>,
    fracs: Vec<(usize, Ratio)>,
    n: Vec<ASum>,
    d: Vec<i64>,
    missing: Vec<usize>,
    errors: Vec<Error>,
    /// Per indicator: whether any of its slots holds a value.
    present: Vec<bool>,
}

/// Rows are processed in blocks of [`Cell::BLOCK`] rows: per-aspect sums are
/// accumulated column by column (sequential reads, accumulators in L1), and a
/// row is rebuilt slot by slot only when it is not nominal.
const BLOCK: usize = 64;

/// Scores `rows` assessments given as slot columns. The track option is ignored
/// (columns are one track); the missing policy applies, and the predicate
/// basis is the option's, else the edition's rule for `opts.year`.
///
/// A new [`BatchOutput`] is allocated for the results; [`score_columns_into`]
/// writes into one the caller keeps.
pub fn score_columns<T: Cell, C: AsRef<[T]>>(
    rubric: &Rubric,
    columns: &[C],
    opts: &Options,
    on_error: OnError,
) -> Result<BatchOutput> {
    let mut out = BatchOutput::default();
    score_columns_into(rubric, columns, opts, on_error, &mut out)?;
    Ok(out)
}

/// [`score_columns`] into a caller's `out`, whose columns are resized to the
/// rows and overwritten (their memory is reused: a caller scoring chunk after
/// chunk pays for no allocation and no fresh pages). On an error `out` holds
/// partial results.
///
/// ```
/// use spbe_core::batch::{score_columns_into, BatchOutput, OnError, MISSING};
/// let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
/// let mut out = BatchOutput::default();
/// for chunk in 0..3 {
///     // 47 columns of 2 rows; the second row lacks indicator 1 (weight
///     // 1.3%), counted at the lowest level, 1: 4 - 3 × 0.013 = 3.961
///     let mut cols = vec![vec![3i64, 4]; 47];
///     cols[0][1] = MISSING;
///     let opts = spbe_core::Options {
///         missing: spbe_core::MissingPolicy::Lowest,
///         ..Default::default()
///     };
///     score_columns_into(rb, &cols, &opts, OnError::Fail, &mut out).unwrap();
///     assert_eq!(out.index, [3.0, 3.96]);
///     assert_eq!(out.official, [1, 0]);
///     assert_eq!(out.missing_text(rb), [(1, "1".to_string())]);
/// }
/// ```
pub fn score_columns_into<T: Cell, C: AsRef<[T]>>(
    rubric: &Rubric,
    columns: &[C],
    opts: &Options,
    on_error: OnError,
    out: &mut BatchOutput,
) -> Result<()> {
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
    // every row of every column is written below, by the block of nominal
    // rows or, for any other row, by `reset` before it is scored
    out.fit(rows, nd, na);
    let mut info = Vec::with_capacity(dd.slots);
    for (k, ind) in dd.indicators.iter().enumerate() {
        let width = if ind.repeatable { ind.max_items } else { 1 };
        for item in 0..width {
            info.push(SlotInfo {
                aspect: ind.aspect,
                indicator: k,
                required: item < ind.min_items,
                step: SlotStep::new(
                    ind.w_int,
                    i64::from(ind.min_level),
                    i64::from(ind.max_level),
                ),
            });
        }
    }
    let ids = rubric.indicator_ids();
    // the block's passes: two required slots of one aspect side by side are
    // added in one pass (one read and write of the sums for both)
    let mut steps = Vec::with_capacity(info.len());
    let mut k = 0;
    while let Some(s) = info.get(k) {
        match info.get(k + 1) {
            Some(t) if s.required && t.required && s.aspect == t.aspect => {
                steps.push(Step::Two(k, k + 1));
                k += 2;
            }
            _ => {
                steps.push(if s.required {
                    Step::One(k)
                } else {
                    Step::Empty(k)
                });
                k += 1;
            }
        }
    }

    // scratch, allocated once: per aspect, a block of row sums (aspect-major:
    // a column adds to one contiguous run); a row is nominal while its sums
    // are not NaN
    let block = T::BLOCK;
    let mut acc = vec![0f64; block * na];
    let mut tmp = vec![0f64; block];
    let basis = predicate_rule(rubric, None, opts).basis;
    let bands = dd.fast.as_ref().map(|f| Bands::new(rubric, f, basis));
    let mut scratch = Scratch {
        slots: vec![MISSING; dd.slots],
        fracs: Vec::new(),
        n: vec![ASum::default(); na],
        d: vec![0; na],
        missing: Vec::with_capacity(dd.indicators.len()),
        errors: Vec::new(),
        present: vec![false; dd.indicators.len()],
    };

    let mut start = 0;
    while start < rows {
        let end = (start + block).min(rows);
        let len = end - start;
        // whether the block's sums are whole (else every row takes the general path)
        let mut whole = false;
        if let (Some(f), Some(bands)) = (&dd.fast, &bands) {
            acc.iter_mut().for_each(|x| *x = 0.0);
            whole = true;
            let col = |k: usize| {
                columns
                    .get(k)
                    .and_then(|c| c.as_ref().get(start..end))
                    .unwrap_or(&[])
            };
            for step in &steps {
                let (Step::One(k) | Step::Two(k, _) | Step::Empty(k)) = *step;
                let Some(s) = info.get(k) else { continue };
                let from = s.aspect * block;
                let Some(sums) = acc.get_mut(from..from + len) else {
                    whole = false;
                    continue;
                };
                match *step {
                    Step::One(k) => T::add_column(col(k), &s.step, sums),
                    Step::Two(k, j) => match info.get(j) {
                        Some(t) => T::add_columns(col(k), &s.step, col(j), &t.step, sums),
                        None => whole = false,
                    },
                    Step::Empty(k) => T::check_empty(col(k), sums),
                }
            }
            if whole {
                fast_block(rubric, f, bands, &acc, len, start, &mut tmp, out);
            }
        }
        for (k, r) in (start..end).enumerate() {
            // a nominal row's index sum is a number; NaN marks any other row
            if whole && tmp.get(k).is_some_and(|t| !t.is_nan()) {
                continue;
            }
            // what the block wrote for this row is not its result
            reset(out, r);
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
                out,
            )?;
        }
        start = end;
    }
    Ok(())
}

/// The index, hundredths and predicate columns of a block's `rows`, for
/// its nominal rows to be written, with `official` set for them.
fn index_columns(
    out: &mut BatchOutput,
    rows: std::ops::Range<usize>,
) -> Option<(&mut [f64], &mut [i64], &mut [u8])> {
    let (Some(index), Some(hundredths), Some(predicate), Some(official)) = (
        out.index.get_mut(rows.clone()),
        out.index_hundredths.get_mut(rows.clone()),
        out.predicate.get_mut(rows.clone()),
        out.official.get_mut(rows),
    ) else {
        return None;
    };
    official.fill(1);
    Some((index, hundredths, predicate))
}

/// floor(x / y) for whole numbers 0 <= x < 2^53, y > 0 held in `f64`, with
/// `r` = 1 / y as `f64` divides; with x = 200 num + den, y = 2 den it rounds
/// num / den half up to hundredths. A multiplication and a correction
/// instead of a division (several times as slow), in `f64` so that a column
/// of them vectorises.
///
/// Exact, for quotients t = x / y below 2^50 (here about 100 times a level):
/// r = (1/y)(1 + e1) and x · r = t (1 + e1)(1 + e2) with |e1|, |e2| <= 2^-53,
/// so x · r is within t · 2^-51 < 1/2 of t, and rounding it to the nearest
/// whole number q (adding and taking away 2^52) gives floor(t) or one more.
/// It is one more exactly when q · y > x: a product below 2^53 is exact,
/// and one above (only possible when q is one too many) rounds to at least
/// 2^53 > x. NaN stays NaN (a row for the general path).
#[inline]
fn floor_div(x: f64, y: f64, r: f64) -> f64 {
    const BIG: f64 = 4_503_599_627_370_496.0; // 2^52
    let q = (x * r + BIG) - BIG;
    if q * y > x {
        q - 1.0
    } else {
        q
    }
}

/// The table entry of a numerator `n` held in an `f64`: `n` itself for a
/// whole `0 <= n < 2^32`, without the checks of a saturating `as usize`.
///
/// Exact: such an `n` plus 2^52 is a whole number below 2^53, held exactly,
/// with exponent 52 (a unit in the last place of 1), so its significand's
/// low bits are `n` itself. A NaN (a row for the general path, whose
/// results are written again) gives some entry, or none; the caller's
/// `get` keeps it in bounds.
#[inline]
fn entry(n: f64) -> usize {
    const BIG: f64 = 4_503_599_627_370_496.0; // 2^52

    // the low 32 bits (truncation is the point)
    #[allow(clippy::cast_possible_truncation)]
    let low = (n + BIG).to_bits() as u32;
    low as usize
}

/// How a nominal row's results and predicate are found, decided once per call.
enum Bands<'a> {
    /// Every result read from the rubric's tables by its numerator (see
    /// `rubric::fast::Lookup`); `band` is the table of the predicate basis.
    Lookup {
        aspect: &'a [Vec<f64>],
        domain: &'a [Vec<f64>],
        index: &'a [f64],
        index_h: &'a [i64],
        band: &'a [u8],
    },
    /// By the rubric's [`Thresholds`] over hundredths (`reported`: the key
    /// is the reported index in hundredths) or over the integer kernel's
    /// index denominator `100 · q_index` (the key is 100 times the exact
    /// numerator over `q_index`).
    Thresholds { t: Vec<i64>, reported: bool },
    /// When the rubric has no thresholds (one would not fit 64 bits): the
    /// bands of single scoring, by comparing fractions.
    General(PredicateBasis),
}

impl<'a> Bands<'a> {
    fn new(rubric: &'a Rubric, f: &'a FastPath, basis: PredicateBasis) -> Self {
        if let Some(l) = f.lookup(&rubric.d) {
            let band = match basis {
                PredicateBasis::Reported => &l.band_reported,
                PredicateBasis::Exact => &l.band_exact,
            };
            return Bands::Lookup {
                aspect: &l.aspect,
                domain: &l.domain,
                index: &l.index,
                index_h: &l.index_h,
                band,
            };
        }
        let t = f.fixed.as_ref().and_then(|x| x.bands.as_ref());
        match (t, basis) {
            (Some(t), PredicateBasis::Reported) => Bands::Thresholds {
                t: t.hundredths.clone(),
                reported: true,
            },
            (Some(t), PredicateBasis::Exact) => Bands::Thresholds {
                t: t.index.clone(),
                reported: false,
            },
            (None, _) => Bands::General(basis),
        }
    }
}

/// The nominal rows of a block: the integer dot products of every result,
/// column by column, in `f64` (exact: the fast path is built only when every
/// numerator, times 200, stays below 2^53). Rows whose sums are NaN get
/// values too, which the caller then replaces; `tmp` is left holding each
/// row's index numerator (NaN for such a row).
#[allow(clippy::too_many_arguments)]
fn fast_block(
    rubric: &Rubric,
    f: &FastPath,
    bands: &Bands,
    acc: &[f64],
    len: usize,
    start: usize,
    tmp: &mut [f64],
    out: &mut BatchOutput,
) {
    let block = tmp.len();
    let sums = |a: usize| acc.get(a * block..a * block + len).unwrap_or(&[]);
    let Some(tmp) = tmp.get_mut(..len) else {
        return;
    };
    let rows = start..start + len;
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
    if let Bands::Lookup {
        aspect,
        domain,
        index: index_t,
        index_h,
        band,
    } = bands
    {
        // a nominal row's numerators are whole, from 0 to the tables' ends
        // (a NaN, a row for the general path, reads entry 0 until the row
        // is scored)
        let read = |dst: &mut [f64], table: &[f64], ns: &[f64]| {
            for (o, n) in dst.iter_mut().zip(ns) {
                *o = table.get(entry(*n)).copied().unwrap_or(f64::NAN);
            }
        };
        for (a, (col, table)) in out.aspects.iter_mut().zip(aspect.iter()).enumerate() {
            if let Some(dst) = col.get_mut(rows.clone()) {
                read(dst, table, sums(a));
            }
        }
        for ((dom, col), table) in rubric
            .d
            .domains
            .iter()
            .zip(out.domains.iter_mut())
            .zip(domain.iter())
        {
            dot(tmp, &f.k_domain, dom.aspects.clone());
            if let Some(dst) = col.get_mut(rows.clone()) {
                read(dst, table, tmp);
            }
        }
        dot(tmp, &f.k_index, 0..f.k_index.len());
        let Some((index, hundredths, predicate)) = index_columns(out, rows) else {
            return;
        };
        let results = index.iter_mut().zip(hundredths.iter_mut());
        for (((i, h), p), n) in results.zip(predicate.iter_mut()).zip(tmp.iter()) {
            let e = entry(*n);
            *i = index_t.get(e).copied().unwrap_or(f64::NAN);
            *h = index_h.get(e).copied().unwrap_or(i64::MIN);
            *p = band.get(e).copied().unwrap_or(u8::MAX);
        }
        return;
    }
    for (a, (col, den)) in out.aspects.iter_mut().zip(&f.aspect_den).enumerate() {
        let d = *den as f64;
        let r = 1.0 / (2.0 * d);
        if let Some(dst) = col.get_mut(rows.clone()) {
            for (o, n) in dst.iter_mut().zip(sums(a)) {
                *o = floor_div(200.0 * n + d, 2.0 * d, r) / 100.0;
            }
        }
    }
    for (di, dom) in rubric.d.domains.iter().enumerate() {
        dot(tmp, &f.k_domain, dom.aspects.clone());
        let q = f.q_domain.get(di).copied().unwrap_or(1) as f64;
        let r = 1.0 / (2.0 * q);
        if let Some(dst) = out
            .domains
            .get_mut(di)
            .and_then(|col| col.get_mut(rows.clone()))
        {
            for (o, t) in dst.iter_mut().zip(tmp.iter()) {
                *o = floor_div(200.0 * t + q, 2.0 * q, r) / 100.0;
            }
        }
    }
    dot(tmp, &f.k_index, 0..f.k_index.len());
    let q = f.q_index as f64;
    let r = 1.0 / (2.0 * q);
    let Some((index, hundredths, predicate)) = index_columns(out, rows) else {
        return;
    };
    for ((t, i), h) in tmp.iter().zip(index.iter_mut()).zip(hundredths.iter_mut()) {
        let x = floor_div(200.0 * t + q, 2.0 * q, r);
        *i = x / 100.0;
        // whole numbers below 2^53: exact as i64 (NaN, a row for the
        // general path, gives 0 until the row is scored)
        *h = x as i64;
    }
    match bands {
        Bands::Thresholds { t, reported } => {
            for ((p, h), n) in predicate.iter_mut().zip(hundredths.iter()).zip(tmp.iter()) {
                // 100 · num < 2^53 (see `fast_path`): exact in f64 and i64
                let key = if *reported { *h } else { (100.0 * n) as i64 };
                *p = u8::try_from(Thresholds::band(t, key)).unwrap_or(u8::MAX);
            }
        }
        Bands::Lookup { .. } => {}
        Bands::General(basis) => {
            let q = i128::from(f.q_index);
            for ((p, h), n) in predicate.iter_mut().zip(hundredths.iter()).zip(tmp.iter()) {
                let v = match basis {
                    PredicateBasis::Reported => Ratio::new(i128::from(*h), 100),
                    PredicateBasis::Exact => Ratio::new(*n as i128, q),
                };
                let band = band_of(rubric, v.unwrap_or(Ratio::ZERO));
                *p = u8::try_from(band).unwrap_or(u8::MAX);
            }
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
        present,
    } = scratch;
    missing.clear();
    errors.clear();
    fracs.clear();
    present.iter_mut().for_each(|p| *p = false);
    for (k, ((s, c), si)) in slots.iter_mut().zip(columns).zip(info).enumerate() {
        let cell = c.as_ref().get(r);
        let level = cell.map(|v| v.level());
        // any value, even one that is no level, is not an empty cell
        if !matches!(level, None | Some(Ok(MISSING))) {
            if let Some(p) = present.get_mut(si.indicator) {
                *p = true;
            }
        }
        *s = match level {
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
                        // as single scoring decides (score::fill_slots): a
                        // value that is not whole is "not whole" wherever it
                        // lies (7.5, 1e-30); a whole one past 2^50 (1e20)
                        // is out of range; an infinity is no number at all,
                        // written as the text it is read as elsewhere ("inf")
                        errors.push(match cell.map(|c| c.fractional()) {
                            Some(Some(true)) => Error::NonIntegerLevel {
                                indicator,
                                place: String::new(),
                                value: text,
                                valid,
                            },
                            Some(None) => Error::InvalidLevelType {
                                indicator,
                                place: String::new(),
                                value: format!("{text:?}"),
                                valid,
                            },
                            _ => Error::LevelOutOfRange {
                                indicator,
                                place: String::new(),
                                value: text,
                                valid,
                                rubric: rubric.id().to_owned(),
                            },
                        });
                        MISSING
                    }
                }
            }
        };
    }
    let before = out.missing.len();
    out.missing.extend(
        present
            .iter()
            .enumerate()
            .filter(|(_, p)| !**p)
            .map(|(k, _)| (r, k)),
    );
    if let Some(o) = out.official.get_mut(r) {
        *o = u8::from(out.missing.len() == before);
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::ratio::{Denom, Frac};

    /// A float cell in a message: plain decimals as before; from 1e16 and
    /// below 1e-4 as Python's `repr` writes the same float (the expected
    /// texts are Python's).
    #[test]
    fn float_cells_are_written_as_python_writes_them_when_huge_or_tiny() {
        for (v, python) in [
            (1e300, "1e+300"),
            (-1e300, "-1e+300"),
            (1e16, "1e+16"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (1e-5, "1e-05"),
            (-2.5e-7, "-2.5e-07"),
            (1e-30, "1e-30"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (0.0001, "0.0001"),
            (0.30000000000000004, "0.30000000000000004"),
            (7.5, "7.5"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(float_text(v), python, "{v:?}");
        }
        // whole floats below 1e16 as whole numbers (what a user typed into a
        // column that pandas made float64 by an empty cell)
        assert_eq!(float_text(9.0), "9");
        assert_eq!(float_text(9007199254740992.0), "9007199254740992");
        assert_eq!(float_text(f64::INFINITY), "inf");
        assert_eq!(1e300f64.level(), Err("1e+300".to_owned()));
        assert_eq!(1e300f64.to_le_bytes().level(), Err("1e+300".to_owned()));
    }

    /// A band bound that is not a whole number of hundredths, nor of the
    /// index denominator: 2.12501 between Low [1, 2.12501) and High [2.12501, 3],
    /// with index (7 a + b) / 8 for levels a, b in 1..=3 (weights 87.5 and
    /// 12.5). The threshold of a lower-inclusive band that is not the last is
    /// `ceil(p) - 1` of the product `p` of the bound and the denominator,
    /// which is not whole here (212.501 hundredths, 42500.2 over the index
    /// denominator 20000).
    #[test]
    fn a_bound_between_hundredths_gives_the_band_of_single_scoring() {
        let json = r#"{"id": "eighths", "title": "t", "status": "custom", "band_bounds": "lower_inclusive",
            "scales": [{"id": "s", "name": "S", "levels": [{"level": 1}, {"level": 2}, {"level": 3}]}],
            "predicates": [{"name": "Low", "min": 1, "max": "2.12501"}, {"name": "High", "min": "2.12501", "max": 3}],
            "aspects": [{"id": "A", "name": "A", "weight": 100, "indicators": [
                {"id": "a", "name": "a", "weight": "87.5", "scale": "s"},
                {"id": "b", "name": "b", "weight": "12.5", "scale": "s"}]}]}"#;
        let rb = Rubric::from_json(json).unwrap();
        let x = rb.d.fast.as_ref().unwrap().fixed.as_ref().unwrap();
        let t = x.bands.as_ref().unwrap();
        // over hundredths: 2.12501 · 100 = 212.501, the largest h below it 212;
        // the last band's bound is included: 300
        assert_eq!(t.hundredths, [212, 300]);
        // over the index denominator Q: 2.12501 · Q = 212501 Q / 10^5, not whole
        let q = i128::from(x.index.q());
        assert_ne!(212_501 * q % 100_000, 0, "Q = {q}");
        assert_eq!(i128::from(t.index[0]), (212_501 * q + 99_999) / 100_000 - 1);
        // and every numerator over either denominator gets the band found by
        // comparing fractions
        for (den, list) in [
            (x.index, &t.index),
            (Denom::new(100).unwrap(), &t.hundredths),
        ] {
            for h in -2..=3 * den.q() + 2 {
                let slow = band_of_frac(&rb, &Frac::over(h, den));
                assert_eq!(Thresholds::band(list, h), slow, "{h}/{}", den.q());
            }
        }

        // every row of levels 1..=3
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for r in 0..9i64 {
            a.push(1 + r / 3);
            b.push(1 + r % 3);
        }
        let cols = [a, b];
        for basis in [PredicateBasis::Exact, PredicateBasis::Reported] {
            let opts = Options {
                predicate_basis: Some(basis),
                ..Default::default()
            };
            let out = score_columns(&rb, &cols, &opts, OnError::Fail).unwrap();
            // f64 cells (whose two slots of one aspect are added in one pass,
            // with their different weights), bytes and u8 give the same
            let floats: Vec<Vec<f64>> = cols
                .iter()
                .map(|c| c.iter().map(|v| *v as f64).collect())
                .collect();
            let bytes: Vec<Vec<[u8; 8]>> = floats
                .iter()
                .map(|c| c.iter().map(|v| v.to_le_bytes()).collect())
                .collect();
            assert_eq!(
                score_columns(&rb, &floats, &opts, OnError::Fail).unwrap(),
                out
            );
            assert_eq!(
                score_columns(&rb, &bytes, &opts, OnError::Fail).unwrap(),
                out
            );
            let small: Vec<Vec<u8>> = cols
                .iter()
                .map(|c| c.iter().map(|v| *v as u8).collect())
                .collect();
            assert_eq!(
                score_columns(&rb, &small, &opts, OnError::Fail).unwrap(),
                out
            );
            for (r, (a, b)) in cols[0].iter().zip(&cols[1]).enumerate() {
                // the index is s / 8, reported as the hundredths (100 s + 4) / 8
                let s = 7 * a + b;
                assert_eq!(out.index_hundredths[r], (100 * s + 4) / 8, "row {r}");
                // exact: s / 8 >= 2.12501 from s = 18 (17/8 = 2.125 is below);
                // reported: 17/8 is reported 2.13, above 2.12501
                let high = match basis {
                    PredicateBasis::Exact => s >= 18,
                    PredicateBasis::Reported => s >= 17,
                };
                assert_eq!(out.predicate[r], u8::from(high), "{basis:?} row {r}");
                let levels =
                    format!(r#"{{"rubric": "eighths", "levels": {{"a": {a}, "b": {b}}}}}"#);
                let one = crate::Assessment::from_json(&levels).unwrap();
                let single = crate::score_with(&one, &rb, &opts).unwrap();
                let name = &rb.predicates()[usize::from(out.predicate[r])].name;
                assert_eq!(single.predicate.as_str(), name, "{basis:?} row {r}");
            }
        }
    }

    /// `entry` is the whole number itself over every table index (and far
    /// beyond), and a NaN gives an entry that `get` handles.
    #[test]
    fn entry_is_the_whole_number() {
        for n in 0u32..(1 << 20) {
            assert_eq!(entry(f64::from(n)), n as usize);
        }
        for n in [u32::MAX, u32::MAX - 1, 1 << 31, (1 << 31) - 1, 123_456_789] {
            assert_eq!(entry(f64::from(n)), n as usize);
        }
        assert_eq!(entry(-0.0), 0);
        let _ = [0.0f64; 4].get(entry(f64::NAN));
    }

    /// The tables give every nominal row the results of the arithmetic path
    /// (the rounding divisions and thresholds), and both give the rows for
    /// the general path their own results: every builtin edition, both
    /// predicate bases, rows of every level in range with some empty,
    /// fractional or out-of-range cells.
    #[test]
    fn tables_equal_the_arithmetic_path() {
        for id in crate::rubric::builtin_ids() {
            let rb = crate::rubric::builtin(id).unwrap();
            assert!(rb.d.fast.as_ref().unwrap().lookup(&rb.d).is_some(), "{id}");
            let mut plain = rb.clone();
            plain.d.fast.as_mut().unwrap().lookup = std::sync::OnceLock::from(None);
            assert!(plain.d.fast.as_ref().unwrap().lookup(&plain.d).is_none());
            let (lo, hi) = rb.level_range();
            let (lo, hi) = (f64::from(lo), f64::from(hi));
            let mut seed: u64 = 9;
            let mut next = |m: u64| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (seed >> 33) % m
            };
            let rows = 3000;
            let names = rb.slot_names();
            let cols: Vec<Vec<f64>> = names
                .iter()
                .map(|name| {
                    let extra = name.split_once('.').is_some_and(|(_, k)| k != "1");
                    (0..rows)
                        .map(|_| match next(200) {
                            _ if extra => f64::NAN,
                            0 => f64::NAN,
                            1 => hi + 1.0,
                            2 => lo + 0.5,
                            _ => lo + next((hi - lo) as u64 + 1) as f64,
                        })
                        .collect()
                })
                .collect();
            for basis in [PredicateBasis::Exact, PredicateBasis::Reported] {
                let opts = Options {
                    predicate_basis: Some(basis),
                    missing: MissingPolicy::Lowest,
                    ..Default::default()
                };
                let a = score_columns(rb, &cols, &opts, OnError::Collect).unwrap();
                let b = score_columns(&plain, &cols, &opts, OnError::Collect).unwrap();
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&a.index), bits(&b.index), "{id}");
                assert_eq!(a.index_hundredths, b.index_hundredths, "{id}");
                let differ = a
                    .predicate
                    .iter()
                    .zip(&b.predicate)
                    .position(|(x, y)| x != y);
                assert_eq!(differ, None, "{id} {basis:?}");
                assert_eq!(a.official, b.official, "{id}");
                for (x, y) in a.domains.iter().zip(&b.domains) {
                    assert_eq!(bits(x), bits(y), "{id}");
                }
                for (x, y) in a.aspects.iter().zip(&b.aspects) {
                    assert_eq!(bits(x), bits(y), "{id}");
                }
                assert_eq!(a.errors.len(), b.errors.len(), "{id}");
                // both kinds of rows are there
                let official = a.official.iter().filter(|o| **o == 1).count();
                let lacking = rows - official;
                assert!(official > rows / 4, "{id}: {official}");
                assert!(lacking > rows / 20 && a.errors.len() > rows / 20, "{id}");
                // and several bands
                let mut bands = a.predicate.clone();
                bands.sort_unstable();
                bands.dedup();
                assert!(bands.len() > 2, "{id} {bands:?}");
            }
        }
    }

    /// The f64 cells' check accepts exactly the whole levels in range, as
    /// [`Cell::quick`] reads them, for every kind of value around the range.
    #[test]
    fn f64_cells_pass_exactly_when_whole_and_in_range() {
        let mut values = vec![
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            1e-300,
            f64::MAX,
            f64::MIN,
            4_503_599_627_370_496.0,
            4_503_599_627_370_495.5,
            9_007_199_254_740_993.0,
        ];
        for k in -40..=120 {
            let x = f64::from(k) / 8.0;
            values.extend([x, x.next_up(), x.next_down()]);
        }
        for (lo, hi) in [(0, 5), (1, 5), (1, 9), (0, 0), (3, 3)] {
            let s = SlotStep::new(7, lo, hi);
            for &v in &values {
                let mut sum = [0.0];
                f64::add_column(&[v], &s, &mut sum);
                let q = v.quick();
                let level = q != MISSING && q != NOT_WHOLE && (lo..=hi).contains(&q);
                assert_eq!(!sum[0].is_nan(), level, "{v:e} in {lo}..={hi}");
                if level {
                    assert_eq!(sum[0], (7 * q) as f64, "{v:e}");
                }
            }
        }
    }

    /// `floor_div` against integer division: every numerator of every
    /// result of the built-in editions (both ends of each range included),
    /// and for other denominators (awkward ones, up to 2^40) numerators
    /// where the quotient turns whole and near the largest the fast path
    /// allows (200 n + 2 q < 2^53).
    #[test]
    fn floor_div_is_integer_division() {
        let check = |n: i64, q: i64| {
            let (x, y) = (200 * n + q, 2 * q);
            let got = floor_div(x as f64, y as f64, 1.0 / y as f64);
            assert_eq!(got, (x / y) as f64, "n {n}, q {q}");
        };
        for id in crate::rubric::builtin_ids() {
            let rb = crate::rubric::builtin(id).unwrap();
            let f = rb.d.fast.as_ref().unwrap();
            let all: i64 = f.tops.iter().sum();
            let mut dens: Vec<i64> = f.aspect_den.clone();
            dens.extend(&f.q_domain);
            dens.push(f.q_index);
            for q in dens {
                for n in 0..=all * 2 {
                    check(n, q);
                }
            }
        }
        let mut seed: u64 = 3;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 11) % m
        };
        let limit: i64 = 1 << 53;
        for q in [
            1,
            3,
            7,
            97,
            1_000_003,
            (1 << 26) - 1,
            (1 << 31) + 11,
            1 << 40,
        ] {
            let top = (limit - 2 * q) / 200 - 1;
            for n in (top - 2000).max(0)..=top {
                check(n, q);
            }
            for _ in 0..20_000 {
                // where the quotient turns whole: 200 n + q = 2 q m, so
                // n near q (2 m - 1) / 200
                let m = 1 + next((top / q * 100 + 1) as u64) as i64;
                let at = i64::try_from(i128::from(q) * i128::from(2 * m - 1) / 200).unwrap();
                for n in (at - 2).max(0)..=(at + 2).min(top) {
                    check(n, q);
                }
            }
        }
        assert!(floor_div(f64::NAN, 2.0, 0.5).is_nan());
    }
}
