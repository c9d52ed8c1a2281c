//! The batch on several threads: rows split in chunks, results joined in
//! order; or written in place into result columns the caller owns
//! ([`score_chunks_into`]).

use std::marker::PhantomData;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{score_columns, score_columns_into, BatchOutput, Cell, OnError};
use crate::error::{Error, Result};
use crate::options::Options;
use crate::rubric::Rubric;

/// The threads asked for: `threads`, or with 0 the available parallelism;
/// from 1 to 16.
pub fn threads_asked(threads: usize) -> usize {
    let n = if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        threads
    };
    n.clamp(1, 16)
}

/// The threads a batch of `rows` rows is split across: those asked for
/// ([`threads_asked`]), with at least 4096 rows each (a thread costs tens of
/// microseconds), and always one. A binding that splits rows itself (to
/// write into arrays of its own) takes the same number.
pub fn thread_count(threads: usize, rows: usize) -> usize {
    threads_asked(threads).min(rows.div_ceil(4096).max(1))
}

/// Runs `f` on each part, each on a thread of its own when there is more
/// than one, and gives the results in part order (a thread that failed is
/// an `invalid_batch` error). With parts in row order, the first `Err` is
/// the lowest failing row's.
pub fn run_parts<P, R, F>(parts: Vec<P>, f: F) -> Vec<Result<R>>
where
    P: Send,
    R: Send,
    F: Fn(P) -> Result<R> + Sync,
{
    if parts.len() <= 1 {
        return parts.into_iter().map(&f).collect();
    }
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = parts.into_iter().map(|p| s.spawn(move || f(p))).collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Error::InvalidBatch {
                        message: "a scoring thread failed".into(),
                    })
                })
            })
            .collect()
    })
}

/// An error of rows starting at row `by` made an error of the whole input
/// (a row error's number shifted by `by`; any other unchanged).
pub fn shift_row(e: Error, by: usize) -> Error {
    match e {
        Error::Row { row, source } => Error::Row {
            row: row + by,
            source,
        },
        other => other,
    }
}

/// Like [`score_columns`], with the rows split across threads
/// (`std::thread::scope`; `threads == 0` takes the available parallelism, at
/// most 16, and small inputs stay on one thread). Row numbers in errors are the
/// rows of the whole input; with [`OnError::Fail`] the lowest failing row wins.
pub fn score_columns_threaded<T, C>(
    rubric: &Rubric,
    columns: &[C],
    opts: &Options,
    on_error: OnError,
    threads: usize,
) -> Result<BatchOutput>
where
    T: Cell + Sync,
    C: AsRef<[T]> + Sync,
{
    let rows = columns.first().map_or(0, |c| c.as_ref().len());
    let n_threads = thread_count(threads, rows);
    if n_threads == 1 {
        return score_columns(rubric, columns, opts, on_error);
    }
    let chunk = rows.div_ceil(n_threads);
    let ranges: Vec<(usize, usize)> = (0..n_threads)
        .map(|t| (t * chunk, ((t + 1) * chunk).min(rows)))
        .collect();
    let parts = run_parts(ranges, |(lo, hi)| {
        let sub: Vec<&[T]> = columns
            .iter()
            .map(|c| c.as_ref().get(lo..hi).unwrap_or(&[]))
            .collect();
        let mut out = score_columns(rubric, &sub, opts, on_error).map_err(|e| shift_row(e, lo))?;
        for (r, _) in &mut out.missing {
            *r += lo;
        }
        for (r, e) in &mut out.errors {
            *r += lo;
            if let Error::Row { row, .. } = e {
                *row += lo;
            }
        }
        Ok(out)
    });
    // the first chunk's columns, grown in place to every row (a large
    // column's reallocation moves its pages rather than copying them),
    // take the other chunks after them
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return Ok(BatchOutput {
            rows,
            ..Default::default()
        });
    };
    let mut all = first?;
    all.rows = rows;
    let more = rows.saturating_sub(all.index.len());
    all.index.reserve(more);
    all.predicate.reserve(more);
    all.index_hundredths.reserve(more);
    all.official.reserve(more);
    for c in all.domains.iter_mut().chain(all.aspects.iter_mut()) {
        c.reserve(more);
    }
    for p in parts {
        let mut out = p?;
        all.index.append(&mut out.index);
        all.predicate.append(&mut out.predicate);
        all.index_hundredths.append(&mut out.index_hundredths);
        all.official.append(&mut out.official);
        all.missing.append(&mut out.missing);
        for (a, b) in all.domains.iter_mut().zip(out.domains.iter_mut()) {
            a.append(b);
        }
        for (a, b) in all.aspects.iter_mut().zip(out.aspects.iter_mut()) {
            a.append(b);
        }
        all.errors.append(&mut out.errors);
    }
    Ok(all)
}

/// Rows [`score_chunks_into`] hands to its source at a time: the batch's
/// buffers for them (reused from chunk to chunk) stay small and warm in
/// cache, so no fresh memory is paged in before the results are copied to
/// the caller's columns.
pub const CHUNK_ROWS: usize = 8192;

/// Levels that [`score_chunks_into`] scores a chunk of rows at a time, on
/// several threads at once: for a caller whose cells are not all in one of
/// the batch's cell types yet (a data frame's columns, converted a chunk at
/// a time into `scratch`). Columns already in a cell type are [`Columns`].
pub trait ChunkSource: Sync {
    /// What a thread keeps from chunk to chunk (e.g. the converted cells).
    type Scratch: Default;

    /// How many rows it holds, when it knows: [`score_chunks_into`] refuses
    /// to score another number of rows.
    fn rows(&self) -> Option<usize> {
        None
    }

    /// Scores the rows `rows` (numbered in the whole input) into `out` with
    /// [`score_columns_into`]; its row numbers count from `rows.start`.
    fn score_chunk(
        &self,
        rubric: &Rubric,
        opts: &Options,
        on_error: OnError,
        rows: Range<usize>,
        out: &mut BatchOutput,
        scratch: &mut Self::Scratch,
    ) -> Result<()>;
}

/// Columns of one of the batch's cell types, one per slot, as a [`ChunkSource`].
pub struct Columns<'a, T, C>(pub &'a [C], PhantomData<T>);

impl<'a, T: Cell + Sync, C: AsRef<[T]> + Sync> Columns<'a, T, C> {
    /// The columns (one per slot, each as long as the input).
    pub fn new(columns: &'a [C]) -> Self {
        Columns(columns, PhantomData)
    }
}

impl<T: Cell + Sync, C: AsRef<[T]> + Sync> ChunkSource for Columns<'_, T, C> {
    type Scratch = ();

    fn rows(&self) -> Option<usize> {
        self.0.first().map(|c| c.as_ref().len())
    }

    fn score_chunk(
        &self,
        rubric: &Rubric,
        opts: &Options,
        on_error: OnError,
        rows: Range<usize>,
        out: &mut BatchOutput,
        _: &mut (),
    ) -> Result<()> {
        let mut sub: Vec<&[T]> = Vec::with_capacity(self.0.len());
        for c in self.0 {
            let c = c.as_ref();
            match c.get(rows.clone()) {
                Some(part) => sub.push(part),
                None => {
                    return Err(Error::InvalidBatch {
                        message: format!(
                            "a column of {} rows, where {} rows were to be scored",
                            c.len(),
                            rows.end
                        ),
                    })
                }
            }
        }
        score_columns_into(rubric, &sub, opts, on_error, out)
    }
}

/// Result columns the caller owns, written in place by [`score_chunks_into`],
/// each `rows` long and laid one after another.
pub struct ResultColumns<'a> {
    /// The index, then each domain, then each aspect (rubric order): `1 +
    /// domains + aspects` columns (a failed row: NaN, as in [`BatchOutput`]).
    pub floats: &'a mut [f64],
    /// The predicate (its position in the edition's predicate list, 255 for
    /// none), then official (0 or 1): two columns.
    pub bytes: &'a mut [u8],
}

/// What [`score_chunks_into`] finds besides the results it writes, rows
/// numbered in the whole input.
#[derive(Debug, Default)]
pub struct RowFindings {
    /// As [`BatchOutput::missing`].
    pub missing: Vec<(usize, usize)>,
    /// As [`BatchOutput::errors`] (only with [`OnError::Collect`]).
    pub errors: Vec<(usize, Error)>,
}

impl RowFindings {
    /// As [`BatchOutput::missing_text`].
    pub fn missing_text(&self, rubric: &Rubric) -> Vec<(usize, String)> {
        super::missing_text(&self.missing, rubric)
    }
}

/// One thread's rows: their part of every result column.
struct Part<'a> {
    first: usize,
    floats: Vec<&'a mut [f64]>,
    predicate: &'a mut [u8],
    official: &'a mut [u8],
}

/// Scores `rows` rows of `source` into the caller's result columns, the rows
/// split in one contiguous range per thread ([`thread_count`]) and each
/// range scored [`CHUNK_ROWS`] rows at a time, each chunk's results copied
/// into place. Rows and their results are those of [`score_columns`] over
/// the same cells. With [`OnError::Fail`] the lowest failing row's error is
/// returned, and a thread stops at its next chunk once a lower row has
/// failed. `out` must hold `1 + domains + aspects` float and 2 byte columns
/// of `rows` (an `invalid_batch` error otherwise).
pub fn score_chunks_into<S: ChunkSource + ?Sized>(
    rubric: &Rubric,
    source: &S,
    rows: usize,
    opts: &Options,
    on_error: OnError,
    threads: usize,
    out: ResultColumns<'_>,
) -> Result<RowFindings> {
    let n_floats = 1 + rubric.domains().len() + rubric.aspects().len();
    if out.floats.len() != n_floats * rows || out.bytes.len() != 2 * rows {
        return Err(Error::InvalidBatch {
            message: format!(
                "result columns of {rows} rows: {n_floats} float columns ({} values) and 2 byte columns ({} bytes) were expected, got {} and {}",
                n_floats * rows,
                2 * rows,
                out.floats.len(),
                out.bytes.len()
            ),
        });
    }
    if let Some(n) = source.rows().filter(|&n| n != rows) {
        return Err(Error::InvalidBatch {
            message: format!("{rows} rows were to be scored, but the columns have {n}"),
        });
    }
    let n_threads = thread_count(threads, rows);
    let per = rows.div_ceil(n_threads).max(1);
    let (predicate, official) = out.bytes.split_at_mut(rows);
    let mut parts: Vec<Part<'_>> = (0..n_threads)
        .map(|t| Part {
            first: t * per,
            floats: Vec::with_capacity(n_floats),
            predicate: &mut [],
            official: &mut [],
        })
        .collect();
    // each column's rows, one range per part (`chunks_mut` of no rows gives none)
    for column in out.floats.chunks_mut(rows.max(1)) {
        let mut ranges = column.chunks_mut(per);
        for p in &mut parts {
            p.floats.push(ranges.next().unwrap_or(&mut []));
        }
    }
    for (p, (pr, of)) in parts
        .iter_mut()
        .zip(predicate.chunks_mut(per).zip(official.chunks_mut(per)))
    {
        p.predicate = pr;
        p.official = of;
    }
    // the lowest row known to have failed (Fail only)
    let failed = AtomicUsize::new(usize::MAX);
    let results = run_parts(parts, |p| {
        score_part(rubric, source, opts, on_error, p, &failed)
    });
    let mut all = RowFindings::default();
    for r in results {
        let mut found = r?;
        all.missing.append(&mut found.missing);
        all.errors.append(&mut found.errors);
    }
    Ok(all)
}

/// Scores one part's rows chunk by chunk, copying each chunk's results into
/// the part.
fn score_part<S: ChunkSource + ?Sized>(
    rubric: &Rubric,
    source: &S,
    opts: &Options,
    on_error: OnError,
    part: Part<'_>,
    failed: &AtomicUsize,
) -> Result<RowFindings> {
    let Part {
        first,
        mut floats,
        predicate,
        official,
    } = part;
    let rows = predicate.len();
    let mut out = BatchOutput::default();
    let mut scratch = S::Scratch::default();
    let mut found = RowFindings::default();
    let mut lo = 0;
    // one call even for no rows, so that the columns are checked
    loop {
        let hi = (lo + CHUNK_ROWS).min(rows);
        let at = first + lo;
        if failed.load(Ordering::Relaxed) < at {
            // a lower row's error is the answer: these rows cannot change it
            return Ok(found);
        }
        if let Err(e) = source.score_chunk(
            rubric,
            opts,
            on_error,
            at..first + hi,
            &mut out,
            &mut scratch,
        ) {
            let e = shift_row(e, at);
            if let Error::Row { row, .. } = &e {
                failed.fetch_min(*row, Ordering::Relaxed);
            }
            return Err(e);
        }
        // a source must give every row of the chunk (one shorter than the
        // rows asked for would leave the caller's columns unwritten)
        let n_results = 1 + rubric.domains().len() + rubric.aspects().len();
        let whole = |c: &Vec<f64>| c.len() == hi - lo;
        if !(out.rows == hi - lo
            && whole(&out.index)
            && out.domains.iter().chain(&out.aspects).all(whole)
            && out.domains.len() + out.aspects.len() + 1 == n_results
            && out.predicate.len() == hi - lo
            && out.official.len() == hi - lo)
        {
            return Err(Error::InvalidBatch {
                message: format!(
                    "rows {at} to {}: the source scored {} rows, not {}",
                    first + hi,
                    out.rows,
                    hi - lo
                ),
            });
        }
        let results = std::iter::once(&out.index)
            .chain(&out.domains)
            .chain(&out.aspects);
        for (dst, src) in floats.iter_mut().zip(results) {
            if let (Some(d), Some(s)) = (dst.get_mut(lo..hi), src.get(..hi - lo)) {
                d.copy_from_slice(s);
            }
        }
        for (dst, src) in [
            (&mut *predicate, &out.predicate),
            (&mut *official, &out.official),
        ] {
            if let (Some(d), Some(s)) = (dst.get_mut(lo..hi), src.get(..hi - lo)) {
                d.copy_from_slice(s);
            }
        }
        found
            .missing
            .extend(out.missing.iter().map(|&(r, k)| (r + at, k)));
        found.errors.extend(
            out.errors
                .drain(..)
                .map(|(r, e)| (r + at, shift_row(e, at))),
        );
        lo = hi;
        if lo >= rows {
            return Ok(found);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::rubric::builtin;

    /// A source over whole levels that counts the chunks it scores, and
    /// marks row `mark` failed (as another thread's part would) while it
    /// scores its first chunk.
    struct Marking<'a> {
        cols: Vec<Vec<f64>>,
        chunks: AtomicUsize,
        failed: &'a AtomicUsize,
        mark: Option<usize>,
    }

    impl ChunkSource for Marking<'_> {
        type Scratch = ();
        fn score_chunk(
            &self,
            rubric: &Rubric,
            opts: &Options,
            on_error: OnError,
            rows: Range<usize>,
            out: &mut BatchOutput,
            scratch: &mut (),
        ) -> Result<()> {
            if self.chunks.fetch_add(1, Ordering::SeqCst) == 0 {
                if let Some(row) = self.mark {
                    self.failed.fetch_min(row, Ordering::SeqCst);
                }
            }
            Columns::new(&self.cols).score_chunk(rubric, opts, on_error, rows, out, scratch)
        }
    }

    /// One part of 3 chunks starting at row `first`, scored with `failed`
    /// (the lowest failed row known) and a row marked failed meanwhile;
    /// returns how many chunks were scored.
    fn chunks_scored(first: usize, failed: usize, mark: Option<usize>) -> usize {
        let rb = builtin("permenpanrb-8-2026").unwrap();
        let rows = first + 3 * CHUNK_ROWS;
        let n_floats = 1 + rb.domains().len() + rb.aspects().len();
        let own = 3 * CHUNK_ROWS;
        let (mut floats, mut predicate, mut official) =
            (vec![0.0; n_floats * own], vec![0u8; own], vec![0u8; own]);
        let failed = AtomicUsize::new(failed);
        let source = Marking {
            cols: vec![vec![3.0; rows]; rb.slot_names().len()],
            chunks: AtomicUsize::new(0),
            failed: &failed,
            mark,
        };
        let part = Part {
            first,
            floats: floats.chunks_mut(own).collect(),
            predicate: &mut predicate,
            official: &mut official,
        };
        let found = score_part(
            rb,
            &source,
            &Options::default(),
            OnError::Fail,
            part,
            &failed,
        );
        assert!(found.is_ok());
        source.chunks.load(Ordering::SeqCst)
    }

    /// A part stops at its next chunk once a row below that chunk has
    /// failed, and only then: every chunk is scored while no row, or only a
    /// later part's row, has failed.
    #[test]
    fn a_part_stops_once_a_lower_row_has_failed() {
        let first = 2 * CHUNK_ROWS;
        // a lower row failed before the part began: nothing scored
        assert_eq!(chunks_scored(first, first - 1, None), 0);
        // it fails while the first chunk is scored: that chunk only
        assert_eq!(chunks_scored(first, usize::MAX, Some(3)), 1);
        // no failure, or one after the part's rows (a later part's): every chunk
        assert_eq!(chunks_scored(first, usize::MAX, None), 3);
        assert_eq!(
            chunks_scored(first, usize::MAX, Some(first + 3 * CHUNK_ROWS)),
            3
        );
        // one in the part's first chunk (its own, in practice) stops it
        // before its second: rows after a failed row cannot change the answer
        assert_eq!(chunks_scored(first, usize::MAX, Some(first + 1)), 1);
    }
}
