//! The report of one scored assessment, held as spbe-core's own `Report`
//! and read on access: scalars straight from its fields, the parts with
//! many entries (domains, aspects, indicators, the whole report) as Python
//! objects made from the report's JSON form (its public contract) only when
//! asked for. `spbe.Report` (python/spbe/_report.py) gives it its typed API.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::Value as Json;
use spbe_core::Report;

use crate::dict::Input;

/// A scored report (spbe-core's `Report`), read field by field.
#[pyclass(frozen, module = "spbe._lowlevel")]
pub struct ReportCore {
    pub report: Report,
    /// The assessment as read from a dict (for its JSON text, asked for by
    /// the evaluation report and pickling); `None` when it came as text.
    pub input: Option<Input>,
}

/// A part of the report in its JSON form (a macro, so that any part's type,
/// whatever the core makes it, serialises as it does in the CLI's report).
macro_rules! json_of {
    ($v:expr) => {
        serde_json::to_value($v).map_err(|e| PyValueError::new_err(e.to_string()))
    };
}

/// A JSON value as Python objects, as `json.loads` makes them (numbers from
/// their literal digits: an integer as `int`, anything else as `float`).
pub fn to_py<'py>(py: Python<'py>, v: &Json) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Json::Null => py.None().into_bound(py),
        Json::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Json::Number(n) => {
            let t = n.as_str();
            if t.contains(['.', 'e', 'E']) {
                let x: f64 = t
                    .parse()
                    .map_err(|_| PyValueError::new_err(format!("number {t}")))?;
                x.into_pyobject(py)?.into_any()
            } else if let Ok(i) = t.parse::<i64>() {
                i.into_pyobject(py)?.into_any()
            } else {
                py.get_type::<pyo3::types::PyInt>().call1((t,))?
            }
        }
        Json::String(s) => s.into_pyobject(py)?.into_any(),
        Json::Array(items) => {
            let out = PyList::empty(py);
            for x in items {
                out.append(to_py(py, x)?)?;
            }
            out.into_any()
        }
        Json::Object(m) => {
            let out = PyDict::new(py);
            for (k, x) in m {
                out.set_item(k, to_py(py, x)?)?;
            }
            out.into_any()
        }
    })
}

macro_rules! part {
    ($py:expr, $v:expr) => {
        to_py($py, &json_of!($v)?)
    };
}

#[pymethods]
impl ReportCore {
    #[getter]
    fn rubric(&self) -> &str {
        &self.report.rubric
    }
    #[getter]
    fn rubric_status(&self) -> PyResult<String> {
        match json_of!(&self.report.rubric_status)? {
            Json::String(s) => Ok(s),
            other => Ok(other.to_string()),
        }
    }
    #[getter]
    fn index_name(&self) -> Option<&str> {
        self.report.index_name.as_deref()
    }
    #[getter]
    fn institution(&self) -> Option<&str> {
        self.report.institution.as_deref()
    }
    #[getter]
    fn year(&self) -> Option<i64> {
        self.report.year
    }
    #[getter]
    fn track(&self) -> &'static str {
        self.report.track.as_str()
    }
    #[getter]
    fn index(&self) -> f64 {
        self.report.index
    }
    #[getter]
    fn index_text(&self) -> &str {
        &self.report.index_text
    }
    #[getter]
    fn index_exact(&self) -> &str {
        &self.report.index_exact
    }
    #[getter]
    fn predicate(&self) -> &str {
        &self.report.predicate
    }
    #[getter]
    fn predicate_en(&self) -> Option<&str> {
        self.report.predicate_en.as_deref()
    }
    #[getter]
    fn predicate_label(&self) -> Option<&str> {
        self.report.predicate_label.as_deref()
    }
    #[getter]
    fn official(&self) -> bool {
        self.report.official
    }
    #[getter]
    fn missing(&self) -> Vec<&str> {
        self.report.missing.iter().map(|s| &**s).collect()
    }
    #[getter]
    fn above_evidence(&self) -> Vec<&str> {
        self.report.above_evidence.iter().map(|s| &**s).collect()
    }
    /// `{"basis", "reason", "year", "evidence"}`.
    #[getter]
    fn predicate_rule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        part!(py, &self.report.predicate_rule)
    }
    /// `{"name", "min", "min_inclusive", "gap"}` or `None`.
    #[getter]
    fn next_predicate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        part!(py, &self.report.next_predicate)
    }
    /// The domains as dicts (the report's JSON form).
    #[getter]
    fn domains<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        part!(py, &self.report.domains)
    }
    #[getter]
    fn aspects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        part!(py, &self.report.aspects)
    }
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        part!(py, &self.report.indicators)
    }
    /// The indicators as dicts of an `IndicatorScore`'s fields (without the
    /// names, which are the rubric's): read from the report's fields, with
    /// each value as the report's JSON writes it.
    fn indicator_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for i in &self.report.indicators {
            let d = PyDict::new(py);
            d.set_item(pyo3::intern!(py, "id"), &*i.id)?;
            d.set_item(pyo3::intern!(py, "aspect"), &*i.aspect)?;
            d.set_item(pyo3::intern!(py, "level"), part!(py, &i.level)?)?;
            let levels = i
                .levels
                .iter()
                .map(|v| part!(py, v))
                .collect::<PyResult<Vec<_>>>()?;
            d.set_item(
                pyo3::intern!(py, "levels"),
                pyo3::types::PyTuple::new(py, levels)?,
            )?;
            d.set_item(pyo3::intern!(py, "source"), i.source.map(|t| t.as_str()))?;
            d.set_item(pyo3::intern!(py, "weight"), i.weight)?;
            d.set_item(pyo3::intern!(py, "contribution"), i.contribution)?;
            d.set_item(pyo3::intern!(py, "gain"), i.gain)?;
            d.set_item(pyo3::intern!(py, "missing"), i.missing)?;
            d.set_item(pyo3::intern!(py, "supported_level"), i.supported_level)?;
            d.set_item(pyo3::intern!(py, "above_evidence"), i.above_evidence)?;
            out.append(d)?;
        }
        Ok(out)
    }
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        part!(py, &self.report.options)
    }
    /// The whole report as a dict: exactly the CLI's JSON report.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        part!(py, &self.report)
    }
    /// The report as compact JSON text.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.report).map_err(|e| PyValueError::new_err(e.to_string()))
    }
    /// The assessment read from a dict, as JSON text (`None` if it came as text).
    fn input_json(&self) -> Option<String> {
        self.input.as_ref().map(Input::json)
    }
    /// Whether two reports say the same, their options aside.
    fn same(&self, other: &ReportCore) -> PyResult<bool> {
        let strip = |r: &Report| -> PyResult<Json> {
            let mut v = json_of!(r)?;
            if let Json::Object(m) = &mut v {
                m.remove("options");
            }
            Ok(v)
        };
        Ok(strip(&self.report)? == strip(&other.report)?)
    }
}
