//! A Python dict read straight into spbe-core's raw assessment, without JSON
//! text: the same [`RawAssessment`] that the core reads from the text that
//! `spbe._dumps` would write for the dict, so that every check, error code
//! and message is the core's own, unchanged.
//!
//! Only what is certain to read exactly as the JSON path reads it is taken
//! here: `str`, `int`, `float`, `bool`, `None`, lists, tuples and dicts with
//! string keys, numpy integers (through `__index__`, as `spbe._json_default`)
//! and pandas' NA. For anything else (a `Decimal`, a `Fraction`, a numpy
//! float32, a key that is neither `str` nor `int`, two keys naming one
//! indicator, 2018's service columns `"35.1"`, very long lists or texts) the
//! reader answers `None` and the Python layer takes the JSON path, which
//! decides those cases as it always has.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Number, Value as Json};
use spbe_core::assessment::{Pairs, RawTracks};
use spbe_core::{Assessment, IndicatorId, Level, RawAssessment};

/// Bytes of JSON text the dict may stand for (far below the core's input
/// limit even when every character would be escaped), items in one list or
/// dict (below the core's cut for long lists), and depth of nesting.
const BUDGET: usize = 1 << 20;
const MAX_ITEMS: usize = 1000;
const MAX_DEPTH: usize = 64;

/// The keys of an assessment in the spbe JSON format; a dict holding any of
/// the first three is one (else it is a plain `{indicator: level}` mapping).
const SPBE_KEYS: [&str; 3] = ["rubric", "levels", "tracks"];

/// `None`: take the JSON path for this input.
type Read<T> = Option<T>;

/// Hashes an address: one multiply (SipHash would cost more than the lookup saves).
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type KeyCache = std::collections::HashMap<
    usize,
    (Py<PyString>, IndicatorId),
    std::hash::BuildHasherDefault<AddressHasher>,
>;

thread_local! {
    /// The text of str objects read as keys before (indicator ids, the same
    /// objects call after call), by address. Each entry holds its str alive,
    /// so the address cannot be another object's while it is here, and a str
    /// never changes: a hit is that very text. Short keys only, at most 4096.
    static KEYS: std::cell::RefCell<KeyCache> = std::cell::RefCell::new(KeyCache::default());
}

struct Reader {
    budget: usize,
}

impl Reader {
    fn spend(&mut self, n: usize) -> Read<()> {
        self.budget = self.budget.checked_sub(n.saturating_add(4))?;
        Some(())
    }

    fn string(&mut self, s: &Bound<'_, PyString>) -> Read<String> {
        // a str that is not valid UTF-8 (a lone surrogate) is the JSON path's business
        let t = s.to_cow().ok()?;
        self.spend(t.len())?;
        Some(t.into_owned())
    }

    /// A key as an indicator id, from [`KEYS`] when this very str object was
    /// read before (an id held in place when short: a hit costs no allocation).
    fn key_id_text(&mut self, s: &Bound<'_, PyString>) -> Read<IndicatorId> {
        let at = s.as_ptr() as usize;
        let known = KEYS.with(|k| k.borrow().get(&at).map(|(_, t)| t.clone()));
        if let Some(t) = known {
            self.spend(t.as_str().len())?;
            return Some(t);
        }
        let t = IndicatorId::from(self.string(s)?);
        if t.as_str().len() <= 64 {
            KEYS.with(|k| {
                let mut k = k.borrow_mut();
                if k.len() < 4096 {
                    k.insert(at, (s.clone().unbind(), t.clone()));
                }
            });
        }
        Some(t)
    }

    fn number(&mut self, text: &str) -> Read<Json> {
        self.spend(text.len())?;
        // parsed as the core's JSON reader parses a number token: the literal kept
        serde_json::from_str::<Number>(text).ok().map(Json::Number)
    }

    fn int(&mut self, i: &Bound<'_, PyAny>) -> Read<Json> {
        // int.__repr__: the digits of the value (a larger one: the JSON path)
        let i = i.extract::<i64>().ok()?;
        self.spend(20)?;
        Some(Json::Number(Number::from(i)))
    }

    /// A finite float as the text `float.__repr__` gives it, which is what
    /// `json.dumps` writes (Python's own shortest round-trip digits, ties to
    /// even, also for a subclass such as numpy.float64 whose repr differs).
    fn float(&mut self, v: &Bound<'_, PyAny>) -> Read<Json> {
        let text = if v.is_exact_instance_of::<PyFloat>() {
            v.repr().ok()?
        } else {
            v.py()
                .get_type::<PyFloat>()
                .getattr("__repr__")
                .ok()?
                .call1((v,))
                .ok()?
                .cast_into::<PyString>()
                .ok()?
        };
        self.number(&text.to_cow().ok()?)
    }

    /// An indicator key as `spbe._key` writes it (`str` or `int` only).
    fn key(&mut self, k: &Bound<'_, PyAny>) -> Read<(String, bool)> {
        self.key_id(k).map(|(id, int)| (String::from(id), int))
    }

    /// [`key`](Self::key) as an indicator id.
    fn key_id(&mut self, k: &Bound<'_, PyAny>) -> Read<(IndicatorId, bool)> {
        if let Ok(s) = k.cast_exact::<PyString>() {
            return self.key_id_text(s).map(|s| (s, false));
        }
        if k.is_exact_instance_of::<PyInt>() {
            let t = k.extract::<i64>().ok()?.to_string();
            self.spend(t.len())?;
            return Some((IndicatorId::from(t), true));
        }
        None
    }

    /// Any value as `json.dumps(default=spbe._json_default, allow_nan=False)`
    /// writes it and the core reads it back.
    fn json(&mut self, v: &Bound<'_, PyAny>, depth: usize) -> Read<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        if v.is_none() {
            self.spend(4)?;
            return Some(Json::Null);
        }
        if let Ok(b) = v.cast_exact::<PyBool>() {
            self.spend(5)?;
            return Some(Json::Bool(b.is_true()));
        }
        if v.cast::<PyInt>().is_ok() {
            return self.int(v);
        }
        if let Ok(f) = v.cast::<PyFloat>() {
            // float.__repr__; NaN and infinities make json.dumps raise
            if !f.value().is_finite() {
                return None;
            }
            return self.float(v);
        }
        if let Ok(s) = v.cast::<PyString>() {
            return self.string(s).map(Json::String);
        }
        if let Ok(l) = v.cast_exact::<PyList>() {
            return self.list(l.iter(), l.len(), depth);
        }
        if let Ok(t) = v.cast_exact::<PyTuple>() {
            return self.list(t.iter(), t.len(), depth);
        }
        if let Ok(d) = v.cast_exact::<PyDict>() {
            if d.len() > MAX_ITEMS {
                return None;
            }
            let mut m = serde_json::Map::new();
            for (k, x) in d.iter() {
                let k = self.string(k.cast_exact::<PyString>().ok()?)?;
                let x = self.json(&x, depth + 1)?;
                m.insert(k, x);
            }
            return Some(Json::Object(m));
        }
        // spbe._json_default's first rule: numpy integers and other __index__ types
        if v.hasattr("__index__").ok()? {
            let i = v.call_method0("__index__").ok()?;
            if i.is_exact_instance_of::<PyInt>() {
                return self.int(&i);
            }
        }
        None
    }

    fn list<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        len: usize,
        depth: usize,
    ) -> Read<Json> {
        if len > MAX_ITEMS {
            return None;
        }
        let mut out = Vec::with_capacity(len);
        for x in items {
            out.push(self.json(&x, depth + 1)?);
        }
        Some(Json::Array(out))
    }

    /// A level as `spbe._value` leaves it for JSON: NaN, None and pandas' NA
    /// are no level; an infinity is its text (refused by the core, naming
    /// the indicator); in a list of items, NaN and infinities are their text.
    fn level(&mut self, v: &Bound<'_, PyAny>) -> Read<Json> {
        if let Ok(f) = v.cast::<PyFloat>() {
            let x = f.value();
            if x.is_nan() {
                self.spend(4)?;
                return Some(Json::Null);
            }
            if x.is_infinite() {
                return self.string(&v.str().ok()?).map(Json::String);
            }
            return self.float(v);
        }
        let items = |r: &mut Self, it: &mut dyn Iterator<Item = Bound<'_, PyAny>>, len: usize| {
            if len > MAX_ITEMS {
                return None;
            }
            let mut out = Vec::with_capacity(len);
            for x in it {
                match x.cast::<PyFloat>() {
                    Ok(f) if !f.value().is_finite() => {
                        out.push(r.string(&x.str().ok()?).map(Json::String)?)
                    }
                    _ => out.push(r.json(&x, 1)?),
                }
            }
            Some(Json::Array(out))
        };
        if let Ok(l) = v.cast_exact::<PyList>() {
            return items(self, &mut l.iter(), l.len());
        }
        if let Ok(t) = v.cast_exact::<PyTuple>() {
            return items(self, &mut t.iter(), t.len());
        }
        let basic = v.is_none()
            || v.cast::<PyInt>().is_ok()
            || v.cast::<PyString>().is_ok()
            || v.cast::<PyList>().is_ok()
            || v.cast::<PyTuple>().is_ok()
            || v.cast::<PyDict>().is_ok();
        if !basic && v.get_type().name().ok()?.to_cow().ok()?.as_ref() == "NAType" {
            self.spend(4)?;
            return Some(Json::Null);
        }
        self.json(v, 0)
    }

    /// `{indicator: value}` with keys as `spbe._keyed` makes them; `None`
    /// when two keys name one indicator (the Python layer says so), or (for
    /// levels) a key holds a dot (2018's service columns, joined in Python).
    fn keyed(&mut self, d: &Bound<'_, PyAny>, levels: bool) -> Read<Pairs> {
        let d = d.cast_exact::<PyDict>().ok()?;
        let mut out = Vec::with_capacity(d.len());
        let mut any_int = false;
        for (k, v) in d.iter() {
            let (key, int) = self.key(&k)?;
            if levels && key.contains('.') {
                return None;
            }
            any_int |= int;
            let value = if levels {
                self.level(&v)?
            } else {
                self.json(&v, 0)?
            };
            out.push((key, value));
        }
        if any_int {
            let mut seen = std::collections::HashSet::with_capacity(out.len());
            if !out.iter().all(|(k, _)| seen.insert(k.as_str())) {
                return None;
            }
        }
        Some(Pairs(out, Vec::new()))
    }

    fn tracks(&mut self, t: &Bound<'_, PyAny>) -> Read<RawTracks> {
        let t = t.cast_exact::<PyDict>().ok()?;
        let mut out = RawTracks::default();
        for (k, v) in t.iter() {
            let slot = match k.cast_exact::<PyString>().ok()?.to_cow().ok()?.as_ref() {
                "mandiri" => &mut out.mandiri,
                "dokumen" => &mut out.dokumen,
                "interviu" => &mut out.interviu,
                "visitasi" => &mut out.visitasi,
                "target" => &mut out.target,
                _ => return None,
            };
            *slot = Some(self.keyed(&v, true)?);
        }
        Some(out)
    }
}

/// What a dict is read as: an assessment already parsed (a plain mapping of
/// whole levels, the common case) or a raw one the core checks as it checks
/// JSON text.
// (one is made per call and moved once: boxing either variant would only add
// an allocation)
#[allow(clippy::large_enum_variant)]
pub enum Input {
    /// Parsed here: only whole numbers, empty values and lists of whole numbers.
    Parsed(Assessment),
    /// Read as the core reads JSON text.
    Raw(RawAssessment),
}

impl Input {
    /// The assessment as JSON text (for the evaluation report and pickling).
    pub fn json(&self) -> String {
        match self {
            Input::Parsed(a) => a.to_json(),
            Input::Raw(r) => raw_json(r),
        }
    }
}

/// A dict as the core's input; `None`: take the JSON path.
pub fn read(obj: &Bound<'_, PyAny>, rid: Option<&str>) -> Read<Input> {
    if let Some(a) = plain_levels(obj, rid) {
        return Some(Input::Parsed(a));
    }
    raw_assessment(obj, rid).map(Input::Raw)
}

/// Largest magnitude of a whole number the core reads as a level from its
/// JSON digits (19 digits are out of range); within it the core's reading
/// of the number is exactly `Value::int`.
const WHOLE: i64 = 999_999_999_999_999_999;

fn whole(v: &Bound<'_, PyAny>) -> Read<Level> {
    if !v.is_exact_instance_of::<PyInt>() {
        return None;
    }
    let i = v.extract::<i64>().ok()?;
    (-WHOLE..=WHOLE).contains(&i).then(|| Level::int(i))
}

/// A plain `{indicator: level}` mapping whose values are all whole numbers
/// (`int`), empty (None, NaN) or lists of whole numbers, parsed here as the
/// core parses the same JSON (where every such value reads as `Value::int`
/// and nothing can be refused before scoring); `None` for anything else.
fn plain_levels(obj: &Bound<'_, PyAny>, rid: Option<&str>) -> Read<Assessment> {
    let d = obj.cast_exact::<PyDict>().ok()?;
    let rid = rid?;
    let mut r = Reader { budget: BUDGET };
    let mut levels = Vec::with_capacity(d.len());
    // keys whose value is empty (kept only to find duplicates)
    let mut empty = Vec::new();
    let mut any_int = false;
    for (k, v) in d.iter() {
        let (key, int) = r.key_id(&k)?;
        // a whole assessment ("rubric", "levels", ...) is not a plain mapping;
        // a key with a dot is 2018's service column, joined in Python
        if SPBE_KEYS.contains(&key.as_str()) || key.as_str().contains('.') {
            return None;
        }
        any_int |= int;
        let level = if let Some(l) = whole(&v) {
            Some(l)
        } else if v.is_none() {
            None
        } else if let Ok(f) = v.cast::<PyFloat>() {
            // NaN is no level (spbe._value); any other float: the general reader
            if !f.value().is_nan() {
                return None;
            }
            None
        } else if let Ok(l) = v.cast_exact::<PyList>() {
            Some(whole_items(l.iter(), l.len())?)
        } else if let Ok(t) = v.cast_exact::<PyTuple>() {
            Some(whole_items(t.iter(), t.len())?)
        } else {
            return None;
        };
        match level {
            Some(l) => levels.push((key, l)),
            None => empty.push(key),
        }
    }
    if any_int {
        // 1 and "1" name one indicator: the Python layer says so
        let mut seen = std::collections::HashSet::with_capacity(d.len());
        let all = levels.iter().map(|(k, _)| k).chain(&empty);
        if !all.into_iter().all(|k| seen.insert(k.as_str())) {
            return None;
        }
    }
    Some(Assessment::with_levels(rid, levels))
}

fn whole_items<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>, len: usize) -> Read<Level> {
    if len > MAX_ITEMS {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    for x in items {
        match whole(&x)? {
            Level::One(v) => out.push(v),
            Level::Many(_) => return None,
        }
    }
    Some(Level::Many(out))
}

/// The raw assessment of a dict, as `spbe._prepare` would write it as JSON
/// and the core read it back; `rid` is the edition given with `rubric=`.
/// `None`: take the JSON path.
pub fn raw_assessment(obj: &Bound<'_, PyAny>, rid: Option<&str>) -> Read<RawAssessment> {
    let d = obj.cast_exact::<PyDict>().ok()?;
    let mut r = Reader { budget: BUDGET };
    let mut full = false;
    for k in SPBE_KEYS {
        full |= d.contains(k).ok()?;
    }
    if !full {
        // a plain {indicator: level} mapping needs rubric= (the Python layer says so)
        return Some(RawAssessment {
            rubric: rid?.to_owned(),
            levels: Some(r.keyed(d.as_any(), true)?),
            ..RawAssessment::default()
        });
    }
    let mut raw = RawAssessment::default();
    let mut rubric = None;
    for (k, v) in d.iter() {
        match k.cast_exact::<PyString>().ok()?.to_cow().ok()?.as_ref() {
            "rubric" => rubric = Some(r.string(v.cast_exact::<PyString>().ok()?)?),
            "institution" if v.is_none() => {}
            "institution" => raw.institution = Some(r.string(v.cast_exact::<PyString>().ok()?)?),
            "year" if v.is_none() => {}
            "year" if v.is_exact_instance_of::<PyInt>() => raw.year = Some(v.extract().ok()?),
            "levels" => raw.levels = Some(r.keyed(&v, true)?),
            "tracks" => raw.tracks = Some(r.tracks(&v)?),
            "notes" => raw.notes = Some(r.keyed(&v, false)?),
            "evidence" => raw.evidence = Some(r.keyed(&v, false)?),
            "criteria_met" => raw.criteria_met = Some(r.keyed(&v, false)?),
            _ => return None,
        }
    }
    raw.rubric = match rubric {
        Some(s) => s,
        None => rid?.to_owned(),
    };
    Some(raw)
}

/// The raw assessment as JSON text (what `spbe._dumps` would have written,
/// up to spacing and the order of keys), for the evaluation report and pickling.
pub fn raw_json(raw: &RawAssessment) -> String {
    let pairs = |p: &Pairs| {
        Json::Object(
            p.0.iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<serde_json::Map<_, _>>(),
        )
    };
    let mut m = serde_json::Map::new();
    m.insert("rubric".into(), Json::String(raw.rubric.clone()));
    if let Some(i) = &raw.institution {
        m.insert("institution".into(), Json::String(i.clone()));
    }
    if let Some(y) = raw.year {
        m.insert("year".into(), Json::from(y));
    }
    if let Some(l) = &raw.levels {
        m.insert("levels".into(), pairs(l));
    }
    if let Some(t) = &raw.tracks {
        let mut tm = serde_json::Map::new();
        for (name, p) in [
            ("mandiri", &t.mandiri),
            ("dokumen", &t.dokumen),
            ("interviu", &t.interviu),
            ("visitasi", &t.visitasi),
            ("target", &t.target),
        ] {
            if let Some(p) = p {
                tm.insert(name.into(), pairs(p));
            }
        }
        m.insert("tracks".into(), Json::Object(tm));
    }
    for (name, p) in [
        ("notes", &raw.notes),
        ("evidence", &raw.evidence),
        ("criteria_met", &raw.criteria_met),
    ] {
        if let Some(p) = p {
            m.insert(name.into(), pairs(p));
        }
    }
    Json::Object(m).to_string()
}
