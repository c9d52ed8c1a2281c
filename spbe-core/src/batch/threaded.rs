//! The batch on several threads: rows split in chunks, results joined in order.

use super::{score_columns, BatchOutput, Cell, OnError};
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
