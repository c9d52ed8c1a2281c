//! `scoreColumns`: many assessments of one edition as columns of levels,
//! converted at the edge and scored by spbe-core's batch scorer.

use crate::errors::js_error;
use crate::options_js;
use js_sys::{Reflect, JSON};
use spbe_core::{Error, Options, Rubric};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const COLUMNS_TS: &str = r#"
/**
 * One column of levels for `scoreColumns`, one entry per row. Empty cells:
 * `NaN` in a float array, `255` in a `Uint8Array`, `null`, `undefined` or
 * `NaN` in a plain array. A `Float32Array` value is read as its own shortest
 * decimal (float32 `1.26` is 1.26).
 */
export type LevelColumn =
    | Float64Array | Float32Array | Uint8Array | Uint8ClampedArray | Int8Array
    | Int16Array | Uint16Array | Int32Array | Uint32Array
    | ReadonlyArray<number | null | undefined>;

/**
 * Level columns keyed by indicator id (`"1"` .. `"47"`); 2018's indicator 35 is
 * `"35.1"`, `"35.2"`, `"35.3"` (one per service) or a single `"35"`.
 */
export type Columns = Record<string, LevelColumn>;

/**
 * Options of `scoreColumns`: those of `score` (the track does not apply), and
 * `errors`: `"raise"` (default) throws the first bad row's error (with `row`);
 * `"collect"` gives failed rows `NaN` / `255` and lists them in `errors`.
 * `extra`: a column that is no indicator of the edition is an error
 * (`"error"`, default) or left out (`"ignore"`).
 */
export type ColumnsOptions = Options & { errors?: "raise" | "collect"; extra?: "error" | "ignore" };

/** A row that could not be scored (`errors: "collect"`). */
export interface RowError {
    /** The row (0-based). */
    row: number;
    /** The error code, from `errorCodes()`. */
    code: string;
    /** What kind of problem it is (a bad value in a cell is `"value"`). */
    kind: IssueKind;
    /** The indicator concerned, if any. */
    indicator: string | null;
    /** The message, starting `row N: `. */
    message: string;
}

/** The results of `scoreColumns`, one entry per row in every column. */
export interface ColumnsResult {
    /** Number of rows. */
    rows: number;
    /** Reported index (2 decimals); `NaN` for a failed row. */
    index: Float64Array;
    /** Position of the predicate in `predicates`; `255` for a failed row. */
    predicate: Uint8Array;
    /** The edition's predicate names, lowest first. */
    predicates: string[];
    /**
     * `1` where the row has every indicator (an official result), `0` where
     * it lacks one (an estimate of `missing: "lowest"` or `"renormalize"`, or
     * a row that failed for it). Failed rows are marked too.
     */
    official: Uint8Array;
    /**
     * The indicators each row lacks (every cell of the indicator empty), by
     * row: the ids in rubric order. Rows lacking none are absent (an empty
     * `Map` when every row is complete).
     */
    missing: Map<number, string[]>;
    /** Reported index per domain, keyed by domain id (`{}` for 8/2026). */
    domains: Record<string, Float64Array>;
    /** Reported index per aspect, keyed by aspect id. */
    aspects: Record<string, Float64Array>;
    /** The rows that failed, in order (only with `errors: "collect"`). */
    errors: RowError[];
}
"#;

/// A column's cells: compact levels (`Uint8Array`, 255 = empty) or floats
/// (NaN = empty).
enum Column {
    Compact(Vec<u8>),
    Float(Vec<f64>),
}

impl Column {
    fn len(&self) -> usize {
        match self {
            Column::Compact(v) => v.len(),
            Column::Float(v) => v.len(),
        }
    }
    fn into_f64(self) -> Vec<f64> {
        match self {
            Column::Compact(v) => v
                .into_iter()
                .map(|x| if x == u8::MAX { f64::NAN } else { f64::from(x) })
                .collect(),
            Column::Float(v) => v,
        }
    }
}

/// A JS value as text for an error message (`JSON.stringify`, else `String`).
fn value_text(v: &JsValue) -> String {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| js_sys::JsString::from(v.clone()).into())
}

/// The double nearest to a float32's shortest decimal (float32 `1.26` is
/// `1.26`, not 1.2599999904632568): the fewest significant digits whose
/// number rounds back to the same float32. JS's own `toPrecision` and
/// `Number` do the decimal work, which keeps Rust's float parsing and
/// formatting tables (~13 KB) out of the wasm; whole numbers and NaN, the
/// common cells, are exact as they are.
fn f32_shortest(x: f32) -> f64 {
    let v = f64::from(x);
    if x.is_nan() || x == x.trunc() {
        return v;
    }
    let n = js_sys::Number::from(v);
    (1..=9u8)
        .filter_map(|p| n.to_precision(p).ok())
        .map(|text| js_sys::Number::parse_float(&String::from(text)))
        .find(|y| *y as f32 == x)
        .unwrap_or(v)
}

/// One column converted at the edge (no rule applied: the core judges every value).
fn read_column(r: &Rubric, v: &JsValue, slot: usize, name: &str) -> Result<Column, Error> {
    use js_sys::{Array, Float32Array, Float64Array, Uint8Array};
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Ok(Column::Compact(a.to_vec()));
    }
    if let Some(a) = v.dyn_ref::<Float64Array>() {
        return Ok(Column::Float(a.to_vec()));
    }
    if let Some(a) = v.dyn_ref::<Float32Array>() {
        // a float32 is read as its own shortest decimal, as Python reads one
        return Ok(Column::Float(
            a.to_vec().into_iter().map(f32_shortest).collect(),
        ));
    }
    let is_int_array = v.is_instance_of::<js_sys::Int8Array>()
        || v.is_instance_of::<js_sys::Int16Array>()
        || v.is_instance_of::<js_sys::Int32Array>()
        || v.is_instance_of::<js_sys::Uint16Array>()
        || v.is_instance_of::<js_sys::Uint32Array>()
        || v.is_instance_of::<js_sys::Uint8ClampedArray>();
    if is_int_array {
        // every value of these is exactly a double
        return Ok(Column::Float(Float64Array::new(v).to_vec()));
    }
    if Array::is_array(v) {
        let a = Array::from(v);
        let mut out = Vec::with_capacity(a.length() as usize);
        for (row, x) in a.iter().enumerate() {
            out.push(match x.as_f64() {
                Some(x) => x,
                None if x.is_null() || x.is_undefined() => f64::NAN,
                None => {
                    return Err(spbe_core::batch::cell_type_error(
                        r,
                        row,
                        slot,
                        &value_text(&x),
                    ))
                }
            });
        }
        return Ok(Column::Float(out));
    }
    Err(Error::InvalidBatch {
        message: format!(
            "column {name:?} is {}; give a typed array (Uint8Array, Float64Array ...) or an array of numbers, one per row",
            value_text(v)
                .chars()
                .take(40)
                .collect::<String>()
        ),
    })
}

/// The JS object `{ id: Float64Array }` of result columns.
fn float_columns(ids: &[&str], cols: &[Vec<f64>]) -> Result<JsValue, JsValue> {
    let o = js_sys::Object::new();
    for (id, col) in ids.iter().zip(cols) {
        Reflect::set(&o, &(*id).into(), &js_sys::Float64Array::from(&col[..]))?;
    }
    Ok(o.into())
}

/// Scores many assessments of one edition at once, given as columns of levels
/// (`{ "1": Uint8Array, ..., "47": Uint8Array }`, one entry per row), with
/// spbe-core's batch scorer; every row's results equal `score()` of that
/// row. Returns typed result columns. Throws an `Error` with a `code` for
/// input of the wrong shape, and (unless `errors: "collect"`) for the first
/// row that cannot be scored, with its `row`.
#[wasm_bindgen(js_name = scoreColumns, unchecked_return_type = "ColumnsResult")]
pub fn score_columns(
    rubric: &str,
    #[wasm_bindgen(unchecked_param_type = "Columns")] columns: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ColumnsOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    score_columns_inner(rubric, &columns, options).map_err(|e| js_error(&e))?
}

fn score_columns_inner(
    rubric: &str,
    columns: &JsValue,
    options: Option<JsValue>,
) -> Result<Result<JsValue, JsValue>, Error> {
    use spbe_core::batch::OnError;
    let r = spbe_core::builtin(rubric)?;
    // `errors` and `extra` are this function's; the rest are scoring options
    let (mut on_error, mut ignore_extra) = (OnError::Fail, false);
    let opts = match options {
        Some(v) if v.is_object() => {
            let own = js_sys::Object::assign(&js_sys::Object::new(), v.unchecked_ref());
            let take = |k: &str| {
                let x = Reflect::get(&own, &k.into()).unwrap_or(JsValue::UNDEFINED);
                let _ = Reflect::delete_property(&own, &k.into());
                x
            };
            let (errors, extra) = (take("errors"), take("extra"));
            match errors.as_string().as_deref() {
                _ if errors.is_undefined() => {}
                Some("raise") => {}
                Some("collect") => on_error = OnError::Collect,
                _ => {
                    return Err(Error::InvalidOptions {
                        message: format!(
                            "errors must be \"raise\" or \"collect\", not {}",
                            value_text(&errors)
                        ),
                    })
                }
            }
            match extra.as_string().as_deref() {
                _ if extra.is_undefined() => {}
                Some("error") => {}
                Some("ignore") => ignore_extra = true,
                _ => {
                    return Err(Error::InvalidOptions {
                        message: format!(
                            "extra must be \"error\" or \"ignore\", not {}",
                            value_text(&extra)
                        ),
                    })
                }
            }
            options_js(Some(own.into()))?
        }
        Some(v) if !(v.is_undefined() || v.is_null()) => {
            return Err(Error::InvalidOptions {
                message: "options must be an object".into(),
            })
        }
        _ => Options::default(),
    };
    if !columns.is_object() || columns.is_function() || js_sys::Array::is_array(columns) {
        return Err(Error::InvalidBatch {
            message: "columns must be an object such as { \"1\": Uint8Array, \"2\": Uint8Array, ... }, one column per indicator".into(),
        });
    }

    // which slot each given column fills
    let slots = r.slot_names();
    let ids = r.indicator_ids();
    let mut given: Vec<Option<Column>> = (0..slots.len()).map(|_| None).collect();
    let mut unknown = Vec::new();
    let keys = js_sys::Object::keys(columns.unchecked_ref::<js_sys::Object>());
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        // a repeatable indicator's single column ("35") is its first service
        let slot = slots.iter().position(|s| *s == name).or_else(|| {
            let first = format!("{name}.1");
            slots.iter().position(|s| *s == first)
        });
        let Some(slot) = slot else {
            unknown.push(name);
            continue;
        };
        let col = Reflect::get(columns, &key).unwrap_or(JsValue::UNDEFINED);
        let col = read_column(r, &col, slot, &name)?;
        match given.get_mut(slot) {
            Some(place @ None) => *place = Some(col),
            _ => {
                return Err(Error::InvalidBatch {
                    message: format!(
                        "columns {name:?} and {:?} both give indicator {name}: use {name:?} for one service, or one column per service",
                        slots.get(slot).map_or("", String::as_str)
                    ),
                })
            }
        }
    }
    if let (Some(first), false) = (unknown.first(), ignore_extra) {
        return Err(Error::UnknownIndicator {
            indicator: first.clone(),
            rubric: r.id().to_owned(),
            place: "columns".into(),
            valid: r.valid_ids_text(),
        });
    }
    let rows = given.iter().flatten().map(Column::len).max().unwrap_or(0);
    if let Some((k, c)) = given
        .iter()
        .enumerate()
        .find_map(|(k, c)| c.as_ref().filter(|c| c.len() != rows).map(|c| (k, c)))
    {
        return Err(Error::InvalidBatch {
            message: format!(
                "column {:?} has {} rows but another has {rows}; every column needs one entry per row",
                slots.get(k).map_or("", String::as_str),
                c.len()
            ),
        });
    }
    if opts.missing == spbe_core::MissingPolicy::Error && rows > 0 {
        // an indicator with no column at all is named once, not per row
        let absent: Vec<String> = ids
            .iter()
            .filter(|id| {
                let first = slots
                    .iter()
                    .position(|s| s == *id || *s == format!("{id}.1"));
                first.is_some_and(|k| matches!(given.get(k), Some(None)))
            })
            .map(|id| (*id).to_owned())
            .collect();
        if !absent.is_empty() {
            return Err(Error::MissingIndicators {
                indicators: absent,
                track: "columns".into(),
                rubric: r.id().to_owned(),
            });
        }
    }

    let compact = given
        .iter()
        .all(|c| matches!(c, None | Some(Column::Compact(_))));
    let out = if compact {
        let cols: Vec<Vec<u8>> = given
            .into_iter()
            .map(|c| match c {
                Some(Column::Compact(v)) => v,
                _ => vec![u8::MAX; rows],
            })
            .collect();
        spbe_core::batch::score_columns(r, &cols, &opts, on_error)?
    } else {
        let cols: Vec<Vec<f64>> = given
            .into_iter()
            .map(|c| c.map_or_else(|| vec![f64::NAN; rows], Column::into_f64))
            .collect();
        spbe_core::batch::score_columns(r, &cols, &opts, on_error)?
    };

    let build = || -> Result<JsValue, JsValue> {
        let o = js_sys::Object::new();
        Reflect::set(&o, &"rows".into(), &(out.rows as f64).into())?;
        Reflect::set(
            &o,
            &"index".into(),
            &js_sys::Float64Array::from(&out.index[..]),
        )?;
        Reflect::set(
            &o,
            &"predicate".into(),
            &js_sys::Uint8Array::from(&out.predicate[..]),
        )?;
        let names: js_sys::Array = r
            .predicates()
            .iter()
            .map(|p| JsValue::from(&p.name))
            .collect();
        Reflect::set(&o, &"predicates".into(), &names)?;
        Reflect::set(
            &o,
            &"official".into(),
            &js_sys::Uint8Array::from(&out.official[..]),
        )?;
        let missing = js_sys::Map::new();
        for (row, lacking) in out.missing_ids(r) {
            let ids: js_sys::Array = lacking.into_iter().map(JsValue::from).collect();
            missing.set(&(row as f64).into(), &ids);
        }
        Reflect::set(&o, &"missing".into(), &missing)?;
        let dom_ids: Vec<&str> = r.domains().iter().map(|d| d.id.as_str()).collect();
        let asp_ids: Vec<&str> = r.aspects().iter().map(|(_, a)| a.id.as_str()).collect();
        Reflect::set(
            &o,
            &"domains".into(),
            &float_columns(&dom_ids, &out.domains)?,
        )?;
        Reflect::set(
            &o,
            &"aspects".into(),
            &float_columns(&asp_ids, &out.aspects)?,
        )?;
        let errors = js_sys::Array::new();
        for (row, e) in &out.errors {
            let x = js_sys::Object::new();
            Reflect::set(&x, &"row".into(), &(*row as f64).into())?;
            Reflect::set(&x, &"code".into(), &e.code().into())?;
            Reflect::set(&x, &"kind".into(), &e.kind().as_str().into())?;
            Reflect::set(
                &x,
                &"indicator".into(),
                &e.indicator().map_or(JsValue::NULL, JsValue::from),
            )?;
            Reflect::set(&x, &"message".into(), &e.to_string().into())?;
            errors.push(&x);
        }
        Reflect::set(&o, &"errors".into(), &errors)?;
        Ok(o.into())
    };
    Ok(build())
}
