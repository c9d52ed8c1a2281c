//! `spbe._lowlevel`: the compiled part of the Python package. It only converts
//! at the edge and calls spbe-core; the Python layer (`python/spbe/`) gives it a
//! friendly API. Assessments cross as JSON text, or as a dict read straight into
//! the core's raw assessment (`dict.rs`); a report crosses as the core's own
//! `Report`, read on access (`report.rs`); frames cross as buffers of numbers.
//! No scoring rule lives here.

mod dict;
mod report;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use spbe_core::batch::{BatchOutput, OnError};
use spbe_core::{Error, Options, Rubric};

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
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Vec<(usize, String, Option<String>, String)>,
    Bound<'py, PyBytes>,
    Vec<(usize, String)>,
);

/// A Python `bytes` of little-endian f64 values, written in place.
fn f64_bytes<'py>(
    py: Python<'py>,
    len: usize,
    v: impl Iterator<Item = f64>,
) -> PyResult<Bound<'py, PyBytes>> {
    PyBytes::new_with(py, len * 8, |buf| {
        for (dst, x) in buf.chunks_exact_mut(8).zip(v) {
            dst.copy_from_slice(&x.to_le_bytes());
        }
        Ok(())
    })
}

/// Scores a column-major matrix of levels, `rows` x slots, given as bytes:
/// little-endian float64 (NaN = empty), or with `int8` one byte per cell (255 = empty). Returns (index f64[rows], predicate u8[rows],
/// domains then aspects f64[(n_domains + n_aspects) x rows], errors,
/// official u8[rows] (0/1), missing: (row, "3, 35") for each row that lacks
/// an indicator, its ids in rubric order).
/// The GIL is released while scoring; rows are split across threads.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (rubric, data, rows, options_json, collect, threads=0, int8=false))]
fn score_matrix<'py>(
    py: Python<'py>,
    rubric: &RubricHandle,
    data: &[u8],
    rows: usize,
    options_json: &str,
    collect: bool,
    threads: usize,
    int8: bool,
) -> PyResult<MatrixResult<'py>> {
    let o = opts(options_json)?;
    let slots = rubric.inner.slot_names().len();
    let width = if int8 { 1 } else { 8 };
    if data.len() != rows * slots * width {
        return Err(core_err(&Error::InvalidBatch {
            message: format!(
                "{} bytes for {rows} rows x {slots} columns of {}",
                data.len(),
                if int8 { "uint8" } else { "float64" }
            ),
        }));
    }
    let on_error = if collect {
        OnError::Collect
    } else {
        OnError::Fail
    };
    let inner = &rubric.inner;
    let result = py.detach(|| -> Result<BatchOutput, Error> {
        if int8 {
            // one byte per cell, 255 = empty
            let cols: Vec<&[u8]> = if rows == 0 {
                vec![&[][..]; slots]
            } else {
                data.chunks(rows).collect()
            };
            spbe_core::batch::score_columns_threaded(inner, &cols, &o, on_error, threads)
        } else {
            // little-endian float64 cells, read in place
            let (values, _) = data.as_chunks::<8>();
            let cols: Vec<&[[u8; 8]]> = if rows == 0 {
                vec![&[][..]; slots]
            } else {
                values.chunks(rows).collect()
            };
            spbe_core::batch::score_columns_threaded(inner, &cols, &o, on_error, threads)
        }
    });
    let out = result.map_err(|e| core_err(&e))?;
    let errors = out
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
    Ok((
        f64_bytes(py, out.index.len(), out.index.iter().copied())?,
        PyBytes::new(py, &out.predicate),
        // domains then aspects in one buffer: one float block of the frame
        f64_bytes(
            py,
            out.domains.iter().chain(&out.aspects).map(Vec::len).sum(),
            out.domains.iter().chain(&out.aspects).flatten().copied(),
        )?,
        errors,
        PyBytes::new(py, &out.official),
        out.missing_text(inner),
    ))
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
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
