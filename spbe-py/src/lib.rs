//! `spbe._lowlevel`: the compiled part of the Python package. It only converts
//! at the edge and calls spbe-core; the Python layer (`python/spbe/`) gives it a
//! friendly API. Assessments cross as JSON text, or as a dict read straight into
//! the core's raw assessment (`dict.rs`); a report crosses as the core's own
//! `Report`, read on access (`report.rs`); frames cross as numpy arrays, the
//! levels read in place and the results written in place into new arrays
//! (the rows split across threads and fed to the core's batch in chunks).
//! No scoring rule lives here.

mod dict;
mod report;

use numpy::{
    PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2, PyReadwriteArray2,
    PyUntypedArrayMethods,
};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use spbe_core::batch::{
    score_chunks_into, score_columns_into, threads_asked, BatchOutput, ChunkSource, Columns,
    OnError, ResultColumns,
};
use spbe_core::{Error, Options, Rubric};
use std::ops::Range;

use report::ReportCore;

create_exception!(
    _lowlevel,
    CoreError,
    PyValueError,
    "An error from spbe-core: args are (code, indicator, message, row, kind)."
);

fn core_err(e: &Error) -> PyErr {
    let row = match e {
        Error::Row { row, .. } => Some(*row),
        _ => None,
    };
    CoreError::new_err((
        e.code(),
        e.indicator().map(str::to_owned),
        e.to_string(),
        row,
        e.kind().as_str(),
    ))
}

fn opts(options_json: &str) -> PyResult<Options> {
    Options::from_json(options_json).map_err(|e| core_err(&e))
}

/// A validated rubric edition (built-in or a user's own file).
#[pyclass(frozen, module = "spbe._lowlevel")]
struct RubricHandle {
    inner: Rubric,
}

#[pymethods]
impl RubricHandle {
    #[staticmethod]
    fn builtin(id: &str) -> PyResult<Self> {
        Ok(RubricHandle {
            inner: spbe_core::builtin(id).map_err(|e| core_err(&e))?.clone(),
        })
    }

    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        Ok(RubricHandle {
            inner: Rubric::from_json(text).map_err(|e| core_err(&e))?,
        })
    }

    #[getter]
    fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// The rubric as JSON (the rubric file format).
    fn spec_json(&self) -> String {
        serde_json::to_string(&self.inner).unwrap_or_default()
    }

    /// Batch column names in order (`"35.1"`, ... for a repeatable indicator).
    fn slot_names(&self) -> Vec<String> {
        self.inner.slot_names()
    }

    fn predicate_names(&self) -> Vec<String> {
        self.inner
            .predicates()
            .iter()
            .map(|p| p.name.clone())
            .collect()
    }

    fn domain_ids(&self) -> Vec<String> {
        self.inner.domains().iter().map(|d| d.id.clone()).collect()
    }

    fn aspect_ids(&self) -> Vec<String> {
        self.inner
            .aspects()
            .into_iter()
            .map(|(_, a)| a.id.clone())
            .collect()
    }
}

/// Ids of the built-in editions.
#[pyfunction]
fn rubric_ids() -> Vec<String> {
    spbe_core::builtin_ids()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

fn inner(rubric: Option<&RubricHandle>) -> Option<&Rubric> {
    rubric.map(|r| &r.inner)
}

/// Parsed scoring options, made once and reused.
#[pyclass(frozen, module = "spbe._lowlevel")]
struct OptionsHandle {
    inner: Options,
}

#[pymethods]
impl OptionsHandle {
    #[new]
    fn new(options_json: &str) -> PyResult<Self> {
        Ok(OptionsHandle {
            inner: opts(options_json)?,
        })
    }
}

/// Scores an assessment (JSON text or vector).
#[pyfunction]
#[pyo3(signature = (text, options_json, rubric=None))]
fn score(text: &str, options_json: &str, rubric: Option<&RubricHandle>) -> PyResult<ReportCore> {
    let report = spbe_core::score_text(text, inner(rubric), &opts(options_json)?)
        .map_err(|e| core_err(&e))?;
    Ok(ReportCore {
        report,
        input: None,
    })
}

/// Scores a dict without JSON text (see `dict.rs`): `rid` is the edition
/// given with `rubric=`. `None` when the dict holds something only the JSON
/// path reads exactly; the caller then takes it.
#[pyfunction]
#[pyo3(signature = (obj, rid, options, rubric=None))]
fn score_dict(
    obj: &Bound<'_, PyAny>,
    rid: Option<&str>,
    options: &OptionsHandle,
    rubric: Option<&RubricHandle>,
) -> PyResult<Option<ReportCore>> {
    let Some(input) = dict::read(obj, rid) else {
        return Ok(None);
    };
    let (r, o) = (inner(rubric), &options.inner);
    let report = match &input {
        dict::Input::Parsed(a) => spbe_core::ffi::score_parsed(a, r, o),
        dict::Input::Raw(raw) => spbe_core::ffi::score_raw(raw, r, o),
    }
    .map_err(|e| core_err(&e))?;
    Ok(Some(ReportCore {
        report,
        input: Some(input),
    }))
}

/// The cheapest plan to a target; `request_json` is the core's `PlanRequest`
/// (`{"to": "Baik", "costs": {...}, "max_levels": {...}, "frozen": [...]}`).
/// Returns the plan as JSON text (the CLI's `spbe plan --format json`).
#[pyfunction]
#[pyo3(signature = (text, options_json, request_json, rubric=None))]
fn plan(
    text: &str,
    options_json: &str,
    request_json: &str,
    rubric: Option<&RubricHandle>,
) -> PyResult<String> {
    let req = spbe_core::PlanRequest::from_json(request_json).map_err(|e| core_err(&e))?;
    let plan = spbe_core::plan_text(text, inner(rubric), &opts(options_json)?, &req)
        .map_err(|e| core_err(&e))?;
    serde_json::to_string(&plan).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The LHE-style evaluation report (one HTML document) of an assessment.
#[pyfunction]
#[pyo3(signature = (text, options_json, lang="id", date=None, rubric=None))]
fn report_html(
    text: &str,
    options_json: &str,
    lang: &str,
    date: Option<&str>,
    rubric: Option<&RubricHandle>,
) -> PyResult<String> {
    spbe_core::ffi::report_html(text, inner(rubric), &opts(options_json)?, lang, date)
        .map_err(|e| core_err(&e))
}

/// One problem: (code, indicator, message, kind).
type Problem = (String, Option<String>, String, &'static str);

/// Every problem of an assessment as (code, indicator, message, kind) tuples.
#[pyfunction]
#[pyo3(signature = (text, options_json, rubric=None))]
fn validate(
    text: &str,
    options_json: &str,
    rubric: Option<&RubricHandle>,
) -> PyResult<Vec<Problem>> {
    let problems = spbe_core::validate_text(text, inner(rubric), &opts(options_json)?);
    Ok(problems
        .iter()
        .map(|e| {
            (
                e.code().to_owned(),
                e.indicator().map(str::to_owned),
                e.to_string(),
                e.kind().as_str(),
            )
        })
        .collect())
}

type Checked = (Option<ReportCore>, Option<String>);

fn checked(result: spbe_core::CheckResult, input: Option<dict::Input>) -> PyResult<Checked> {
    match result.report {
        Some(report) => Ok((Some(ReportCore { report, input }), None)),
        None => serde_json::to_string(&result.issues.unwrap_or_default())
            .map(|issues| (None, Some(issues)))
            .map_err(|e| PyValueError::new_err(e.to_string())),
    }
}

/// The report, or every problem found (as JSON text, a list of
/// `{"code", "kind", "indicator", "message"}`): `(report, None)` or `(None, issues)`,
/// the answer of the JS `check`.
#[pyfunction]
#[pyo3(signature = (text, options_json, rubric=None))]
fn check(text: &str, options_json: &str, rubric: Option<&RubricHandle>) -> PyResult<Checked> {
    checked(
        spbe_core::check_text(text, inner(rubric), &opts(options_json)?),
        None,
    )
}

/// [`check`] of a dict without JSON text (see [`score_dict`]); `None` when
/// the caller must take the JSON path.
#[pyfunction]
#[pyo3(signature = (obj, rid, options, rubric=None))]
fn check_dict(
    obj: &Bound<'_, PyAny>,
    rid: Option<&str>,
    options: &OptionsHandle,
    rubric: Option<&RubricHandle>,
) -> PyResult<Option<Checked>> {
    let Some(raw) = dict::raw_assessment(obj, rid) else {
        return Ok(None);
    };
    let result = spbe_core::ffi::check_raw(&raw, inner(rubric), &options.inner);
    checked(result, Some(dict::Input::Raw(raw))).map(Some)
}

/// spbe-core's error registry: (code, family, summary, kind) for every error code.
#[pyfunction]
fn error_codes() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    spbe_core::ERROR_CODES
        .iter()
        .map(|c| (c.code, c.family, c.summary, c.kind.as_str()))
        .collect()
}

/// Whether a text is a compact vector (`SPBE1.` or `SPBE2.`), as the core decides.
#[pyfunction]
fn is_vector(text: &str) -> bool {
    spbe_core::is_vector(text)
}

/// The compact vector of an assessment given as JSON text.
#[pyfunction]
#[pyo3(signature = (text, rubric=None))]
fn to_vector(text: &str, rubric: Option<&RubricHandle>) -> PyResult<String> {
    spbe_core::ffi::vector_text(text, inner(rubric)).map_err(|e| core_err(&e))
}

/// The assessment (JSON text) of a vector.
#[pyfunction]
#[pyo3(signature = (vector, rubric=None))]
fn from_vector(vector: &str, rubric: Option<&RubricHandle>) -> PyResult<String> {
    if !spbe_core::is_vector(vector) {
        return Err(core_err(&Error::InvalidVector {
            segment: 1,
            message: spbe_core::error::VectorProblem::Prefix,
        }));
    }
    spbe_core::ffi::assessment_json(vector, inner(rubric)).map_err(|e| core_err(&e))
}

/// The error for a cell that is not a number at all (found by the Python layer
/// while converting a frame column): `invalid_level_type`, naming row and indicator.
#[pyfunction]
fn cell_type_error(rubric: &RubricHandle, row: usize, slot: usize, value: &str) -> PyErr {
    core_err(&spbe_core::batch::cell_type_error(
        &rubric.inner,
        row,
        slot,
        value,
    ))
}

type MatrixResult<'py> = (
    Bound<'py, PyArray2<f64>>,
    Bound<'py, PyArray2<u8>>,
    Vec<(usize, String, Option<String>, String)>,
    Vec<(usize, String)>,
);

/// One thread's cells of a chunk in the batch's types, reused from chunk to chunk.
#[derive(Default)]
struct Scratch {
    bytes: Vec<u8>,
    floats: Vec<f64>,
}

/// A frame's columns as the frame holds them (`None` for a slot it has no
/// column for: every cell empty). A chunk is packed into one byte per cell
/// when every cell is empty or a whole number from 0 to 254; otherwise its
/// cells go as float64 (an int64 as numpy converts it) for the core to
/// judge every one. Each row's results are the same either way.
struct FrameColumns<'a>(Vec<Option<Cells<'a>>>);

impl ChunkSource for FrameColumns<'_> {
    type Scratch = Scratch;

    fn score_chunk(
        &self,
        rubric: &Rubric,
        opts: &Options,
        on_error: OnError,
        rows: Range<usize>,
        out: &mut BatchOutput,
        scratch: &mut Scratch,
    ) -> Result<(), Error> {
        let (n, slots) = (rows.len(), self.0.len());
        // every cell of the scratch is written below
        scratch.bytes.resize(slots * n, 0);
        let mut packed = true;
        for (c, dst) in self.0.iter().zip(scratch.bytes.chunks_mut(n.max(1))) {
            packed = match c {
                None => {
                    dst.fill(u8::MAX);
                    true
                }
                Some(c) => narrow(&c.range(rows.clone()), dst),
            };
            if !packed {
                break;
            }
        }
        if packed {
            let cols = columns_of(&scratch.bytes, slots, n);
            return score_columns_into(rubric, &cols, opts, on_error, out);
        }
        scratch.floats.resize(slots * n, f64::NAN);
        for (c, dst) in self.0.iter().zip(scratch.floats.chunks_mut(n.max(1))) {
            match c.as_ref().map(|c| c.range(rows.clone())) {
                None => dst.fill(f64::NAN),
                Some(Cells::Ints(v)) => {
                    for (d, &x) in dst.iter_mut().zip(v) {
                        *d = x as f64;
                    }
                }
                Some(Cells::Floats(v)) => {
                    for (d, &x) in dst.iter_mut().zip(v) {
                        *d = x;
                    }
                }
            }
        }
        let cols = columns_of(&scratch.floats, slots, n);
        score_columns_into(rubric, &cols, opts, on_error, out)
    }
}

/// A slot-major buffer as `slots` columns of `rows` cells.
fn columns_of<T>(cells: &[T], slots: usize, rows: usize) -> Vec<&[T]> {
    if rows == 0 {
        vec![&[][..]; slots]
    } else {
        cells.chunks(rows).collect()
    }
}

/// Scores `rows` rows of `source` (GIL released) into new result arrays,
/// as [`score_matrix`] returns them.
fn score_source<'py, S: ChunkSource>(
    py: Python<'py>,
    rubric: &Rubric,
    source: &S,
    rows: usize,
    options_json: &str,
    collect: bool,
    threads: usize,
) -> PyResult<MatrixResult<'py>> {
    let o = opts(options_json)?;
    let on_error = if collect {
        OnError::Collect
    } else {
        OnError::Fail
    };
    let n_floats = 1 + rubric.domains().len() + rubric.aspects().len();
    let floats = PyArray2::<f64>::zeros(py, [n_floats, rows], false);
    let bytes = PyArray2::<u8>::zeros(py, [2, rows], false);
    let (mut fw, mut bw) = (floats.try_readwrite()?, bytes.try_readwrite()?);
    let (f, b) = (fw.as_slice_mut()?, bw.as_slice_mut()?);
    let out = ResultColumns {
        floats: f,
        bytes: b,
    };
    let scored = py.detach(|| score_chunks_into(rubric, source, rows, &o, on_error, threads, out));
    let found = scored.map_err(|e| core_err(&e))?;
    drop((fw, bw));
    let errors = found
        .errors
        .iter()
        .map(|(r, e)| {
            (
                *r,
                e.code().to_owned(),
                e.indicator().map(str::to_owned),
                e.to_string(),
            )
        })
        .collect();
    Ok((floats, bytes, errors, found.missing_text(rubric)))
}

/// A frame's levels as a C-ordered numpy matrix, one row per slot and one
/// column per assessment: `uint8` (255 = empty) or `float64` (NaN = empty).
#[derive(FromPyObject)]
enum Levels<'py> {
    Bytes(PyReadonlyArray2<'py, u8>),
    Floats(PyReadonlyArray2<'py, f64>),
}

/// The matrix's cells, one slice per slot (`slots` of them, `rows` long),
/// or an `invalid_batch` error when its shape or layout is not that.
fn slot_columns<'a, T: numpy::Element>(
    m: &'a PyReadonlyArray2<'_, T>,
    slots: usize,
) -> PyResult<(Vec<&'a [T]>, usize)> {
    let shape = m.shape();
    let (n, rows) = (
        shape.first().copied().unwrap_or(0),
        shape.get(1).copied().unwrap_or(0),
    );
    if n != slots || !m.is_c_contiguous() {
        return Err(core_err(&Error::InvalidBatch {
            message: format!(
                "a C-ordered matrix of {slots} slot rows was expected, got shape {shape:?}"
            ),
        }));
    }
    let cells = m.as_slice().map_err(in_place)?;
    Ok((columns_of(cells, slots, rows), rows))
}

/// Scores a matrix of levels (see [`Levels`]). Returns (floats, bytes,
/// errors, missing): `floats` is a new float64 array of `1 + n_domains +
/// n_aspects` rows (the index, then the domains, then the aspects, NaN where
/// there is no value) and `bytes` a new uint8 array of 2 rows (predicate, 255
/// for none; official, 0/1), one column per assessment; `errors` are the
/// failed rows; `missing` is (row, "3, 35") for each row that lacks an
/// indicator, its ids in rubric order.
/// The GIL is released while scoring; rows are split across threads, each
/// writing its rows of the result arrays in place.
#[pyfunction]
#[pyo3(signature = (rubric, levels, options_json, collect, threads=0))]
fn score_matrix<'py>(
    py: Python<'py>,
    rubric: &RubricHandle,
    levels: Levels<'py>,
    options_json: &str,
    collect: bool,
    threads: usize,
) -> PyResult<MatrixResult<'py>> {
    let inner = &rubric.inner;
    let slots = inner.slot_names().len();
    match &levels {
        Levels::Bytes(m) => {
            let (cols, rows) = slot_columns(m, slots)?;
            let source = Columns::new(&cols);
            score_source(py, inner, &source, rows, options_json, collect, threads)
        }
        Levels::Floats(m) => {
            let (cols, rows) = slot_columns(m, slots)?;
            let source = Columns::new(&cols);
            score_source(py, inner, &source, rows, options_json, collect, threads)
        }
    }
}

/// An array that cannot be read in place (not contiguous, or misaligned):
/// `invalid_batch`, as any other bad shape of a batch is.
fn in_place(e: numpy::AsSliceError) -> PyErr {
    core_err(&Error::InvalidBatch {
        message: format!("an array cannot be read in place: {e}"),
    })
}

/// A frame column as the frame holds it: int64 or float64 values.
#[derive(FromPyObject)]
enum Column<'py> {
    Ints(PyReadonlyArray1<'py, i64>),
    Floats(PyReadonlyArray1<'py, f64>),
}

impl Column<'_> {
    fn cells(&self) -> PyResult<Cells<'_>> {
        Ok(match self {
            Column::Ints(a) => Cells::Ints(a.as_slice().map_err(in_place)?),
            Column::Floats(a) => Cells::Floats(a.as_slice().map_err(in_place)?),
        })
    }
}

/// A column's values, read in place.
#[derive(Clone, Copy)]
enum Cells<'a> {
    Ints(&'a [i64]),
    Floats(&'a [f64]),
}

impl<'a> Cells<'a> {
    fn len(&self) -> usize {
        match self {
            Cells::Ints(v) => v.len(),
            Cells::Floats(v) => v.len(),
        }
    }

    /// The cells of `rows` (none if out of bounds).
    fn range(&self, rows: Range<usize>) -> Cells<'a> {
        match self {
            Cells::Ints(v) => Cells::Ints(v.get(rows).unwrap_or(&[])),
            Cells::Floats(v) => Cells::Floats(v.get(rows).unwrap_or(&[])),
        }
    }
}

/// Writes `src` into `dst` as one byte per cell (255 for NaN, an empty
/// cell); whether every cell was empty or a whole number from 0 to 254,
/// the only cells a byte holds exactly. In one pass, without a branch per
/// cell.
fn narrow(src: &Cells<'_>, dst: &mut [u8]) -> bool {
    let mut bad = false;
    match src {
        Cells::Ints(v) => {
            for (d, &x) in dst.iter_mut().zip(*v) {
                // as unsigned a negative value is huge
                bad |= x as u64 > 254;
                *d = x as u8;
            }
        }
        Cells::Floats(v) => {
            for (d, &x) in dst.iter_mut().zip(*v) {
                // `as` saturates and takes NaN to 0: a value is whole from 0
                // to 254 exactly when it comes back from its byte
                let b = x as u8;
                let empty = x.is_nan();
                bad |= !empty & ((f64::from(b) != x) | (b == u8::MAX));
                *d = if empty { u8::MAX } else { b };
            }
        }
    }
    !bad
}

/// Scores a frame's columns as the frame holds them, one per slot in slot
/// order: an int64 or float64 numpy array of `rows` values (NaN = empty),
/// or `None` for a slot the frame has no column for. Each thread packs a
/// chunk of its rows into one byte per cell when they allow it (else into
/// float64, for the core to judge every cell) and scores it: the frame is
/// read once, and no copy of it is made. Returns as [`score_matrix`].
#[pyfunction]
#[pyo3(signature = (rubric, columns, rows, options_json, collect, threads=0))]
fn score_columns<'py>(
    py: Python<'py>,
    rubric: &RubricHandle,
    columns: Vec<Option<Column<'py>>>,
    rows: usize,
    options_json: &str,
    collect: bool,
    threads: usize,
) -> PyResult<MatrixResult<'py>> {
    let inner = &rubric.inner;
    let slots = inner.slot_names().len();
    let mut cells = Vec::with_capacity(columns.len());
    for c in &columns {
        let v = c.as_ref().map(Column::cells).transpose()?;
        if let Some(len) = v.map(|v| v.len()).filter(|&len| len != rows) {
            return Err(core_err(&Error::InvalidBatch {
                message: format!("a column has {len} rows, not {rows}"),
            }));
        }
        cells.push(v);
    }
    if cells.len() != slots {
        return Err(core_err(&Error::InvalidBatch {
            message: format!("{} columns given for {slots} slots", cells.len()),
        }));
    }
    let source = FrameColumns(cells);
    score_source(py, inner, &source, rows, options_json, collect, threads)
}

/// Packs frame columns into `out`, a (slots x rows) uint8 matrix: each
/// `(slot, column)` into row `slot`, one byte per cell as the batch reads
/// them (255 = empty), on up to `threads` threads (0: one per core).
/// Returns false, leaving `out` partly written, when a cell is neither
/// empty nor a whole number from 0 to 254; the caller then hands the core
/// the cells as float64 for it to judge.
#[pyfunction]
#[pyo3(signature = (out, columns, threads=0))]
fn pack_levels(
    py: Python<'_>,
    mut out: PyReadwriteArray2<'_, u8>,
    columns: Vec<(usize, Column<'_>)>,
    threads: usize,
) -> PyResult<bool> {
    let shape = out.shape();
    let (slots, rows) = (
        shape.first().copied().unwrap_or(0),
        shape.get(1).copied().unwrap_or(0),
    );
    let mut cells = Vec::with_capacity(columns.len());
    for (slot, c) in &columns {
        let v = c.cells()?;
        if *slot >= slots || v.len() != rows {
            return Err(PyValueError::new_err(format!(
                "column for slot {slot} has {} values; the matrix is {slots} x {rows}",
                v.len()
            )));
        }
        cells.push((*slot, v));
    }
    if !out.is_c_contiguous() {
        return Err(PyValueError::new_err(
            "pack_levels writes into a C-ordered matrix",
        ));
    }
    let out = out.as_slice_mut()?;
    let mut dst: Vec<Option<&mut [u8]>> = out.chunks_mut(rows.max(1)).map(Some).collect();
    let mut jobs: Vec<(&Cells<'_>, &mut [u8])> = Vec::with_capacity(cells.len());
    for (slot, v) in &cells {
        if let Some(d) = dst.get_mut(*slot).and_then(Option::take) {
            jobs.push((v, d));
        }
    }
    // a thread for every 64k cells at most (a thread costs tens of microseconds)
    let n = threads_asked(threads)
        .min((rows * jobs.len()) >> 16)
        .clamp(1, jobs.len().max(1));
    let per = jobs.len().div_ceil(n).max(1);
    Ok(py.detach(|| {
        if n == 1 {
            return jobs.iter_mut().all(|(v, d)| narrow(v, d));
        }
        std::thread::scope(|s| {
            let handles: Vec<_> = jobs
                .chunks_mut(per)
                .map(|group| s.spawn(move || group.iter_mut().all(|(v, d)| narrow(v, d))))
                .collect();
            handles.into_iter().all(|h| h.join().unwrap_or(false))
        })
    }))
}

/// The ids of the `n` indicators whose one-step rise gains the most, from
/// `(id, gain)` pairs in rubric order (spbe-core's ranking).
#[pyfunction]
fn rank_gains(gains: Vec<(String, Option<f64>)>, n: usize) -> Vec<String> {
    spbe_core::ffi::rank_gains(&gains, n)
}

/// An indicator's levels (or value ranges) with the criteria that apply, as JSON.
#[pyfunction]
fn level_views(rubric: &RubricHandle, indicator: &str) -> String {
    let views = spbe_core::ffi::level_views(&rubric.inner, indicator).unwrap_or_default();
    serde_json::to_string(&views).unwrap_or_default()
}

#[pymodule]
fn _lowlevel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CoreError", m.py().get_type::<CoreError>())?;
    m.add_class::<RubricHandle>()?;
    m.add_class::<OptionsHandle>()?;
    m.add_class::<ReportCore>()?;
    m.add_function(wrap_pyfunction!(score_dict, m)?)?;
    m.add_function(wrap_pyfunction!(check_dict, m)?)?;
    m.add_function(wrap_pyfunction!(rubric_ids, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(plan, m)?)?;
    m.add_function(wrap_pyfunction!(report_html, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(to_vector, m)?)?;
    m.add_function(wrap_pyfunction!(is_vector, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(rank_gains, m)?)?;
    m.add_function(wrap_pyfunction!(level_views, m)?)?;
    m.add_function(wrap_pyfunction!(from_vector, m)?)?;
    m.add_function(wrap_pyfunction!(cell_type_error, m)?)?;
    m.add_function(wrap_pyfunction!(score_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(pack_levels, m)?)?;
    m.add_function(wrap_pyfunction!(score_columns, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
