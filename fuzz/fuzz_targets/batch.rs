//! Batch scoring equals single scoring: a built-in edition and a small
//! matrix of cells from the bytes; `batch::score_columns` must give each row
//! the index, predicate, domains and aspects (or the failure) that scoring
//! that row alone through `score_text` gives.
//!
//! Layout: byte 0 picks the edition (% 3), the cell type (/ 3 % 4: i64, f64,
//! u8, f64 as 8 bytes) and whether the threaded batch is compared too; byte 1
//! is the number of rows (mostly 0-8, from 224 up 56-69: more than one
//! block of 64 rows, yet rarely, since each row is also scored alone); byte 2 the
//! options; the rest are the cells, row by row, repeated when too few.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spbe_core::batch::MISSING;
use spbe_core::{builtin, builtin_ids, Options};
use spbe_fuzz::{check_batch_equals_single, options_from_byte, AsJson};

/// Odd values for an i64 cell.
const ODD_I64: [i64; 16] = [
    MISSING,
    MISSING,
    MISSING,
    MISSING,
    -1,
    6,
    10,
    100,
    255,
    i64::MAX,
    i64::MIN + 1,
    i64::MIN + 2,
    1 << 50,
    -(1 << 40),
    0,
    9,
];

/// Odd values for an f64 cell.
const ODD_F64: [f64; 24] = [
    f64::NAN,
    f64::NAN,
    f64::NAN,
    1.26,
    2.5,
    7.0 / 6.0,
    1.0000000000000002,
    4.999999999999999,
    5.000000000000001,
    0.9999999999999999,
    1e-30,
    1e20,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -0.0,
    1.5,
    1_125_899_906_842_624.0, // 2^50
    9_007_199_254_740_992.0, // 2^53
    9.0e15,
    0.30000000000000004,
    4.2,
    1.8,
    3.5,
    -3.0,
];

fn i64_cell(b: u8, _next: u8, lo: i64, hi: i64) -> i64 {
    if b < 192 {
        lo + i64::from(b) % (hi - lo + 1)
    } else {
        ODD_I64[usize::from(b - 192) % ODD_I64.len()]
    }
}

fn f64_cell(b: u8, next: u8, lo: i64, hi: i64) -> f64 {
    match b {
        0..=159 => (lo + i64::from(b) % (hi - lo + 1)) as f64,
        160..=223 => ODD_F64[usize::from(b - 160) % ODD_F64.len()],
        // a level plus hundredths: 1.26 and the like, as f64 arithmetic gives them
        _ => (lo + i64::from(b) % (hi - lo + 1)) as f64 + f64::from(next) / 100.0,
    }
}

fn u8_cell(b: u8, _next: u8, lo: i64, hi: i64) -> u8 {
    if b < 200 {
        u8::try_from(lo + i64::from(b) % (hi - lo + 1)).unwrap_or(u8::MAX)
    } else {
        b
    }
}

fn matrix<T>(slots: usize, rows: usize, cells: &[u8], make: impl Fn(u8, u8) -> T) -> Vec<Vec<T>> {
    let at = |i: usize| {
        if cells.is_empty() {
            0
        } else {
            cells[i % cells.len()]
        }
    };
    (0..slots)
        .map(|s| {
            (0..rows)
                .map(|r| {
                    let i = r * slots + s;
                    make(at(i), at(i + 1))
                })
                .collect()
        })
        .collect()
}

fn run<T: AsJson + Sync>(
    id: &str,
    rows: usize,
    cells: &[u8],
    opts: &Options,
    threaded: bool,
    make: impl Fn(u8, u8, i64, i64) -> T,
) {
    let rubric = builtin(id).expect("built-in rubric");
    let (lo, hi) = rubric.level_range();
    let (lo, hi) = (i64::from(lo), i64::from(hi));
    let slots = rubric.slot_names().len();
    let columns = matrix(slots, rows, cells, |b, n| make(b, n, lo, hi));
    check_batch_equals_single(rubric, false, &columns, opts, threaded);
}

fuzz_target!(|data: &[u8]| {
    let [head, rows, opt, cells @ ..] = data else {
        return;
    };
    let ids = builtin_ids();
    let id = ids[usize::from(*head) % ids.len()];
    let rows = match *rows {
        0..=223 => usize::from(*rows % 9),
        r => 56 + usize::from(r % 14),
    };
    let opts = options_from_byte(*opt);
    let threaded = head / 12 % 4 == 0 && rows > 1;
    match head / 3 % 4 {
        0 => run(id, rows, cells, &opts, threaded, i64_cell),
        1 => run(id, rows, cells, &opts, threaded, f64_cell),
        2 => run(id, rows, cells, &opts, threaded, u8_cell),
        _ => run(id, rows, cells, &opts, threaded, |b, n, lo, hi| {
            f64_cell(b, n, lo, hi).to_le_bytes()
        }),
    }
});
