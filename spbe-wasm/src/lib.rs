//! The JS API of spbe: `score`, `check`, `validate`, `rubrics`, `rubric`,
//! `toVector`, `fromVector`. It converts at the edge and calls spbe-core; the
//! TypeScript types come from the Rust types (tsify, through spbe-core's
//! `tsify` feature), so the declarations cannot drift from the data.
//!
//! An object argument is `JSON.stringify`-ed and read by spbe-core exactly as a
//! file would be (so every input path shares one parser and its error messages);
//! results cross as one JSON text (spbe-core's wire format) parsed once by
//! `JSON.parse` (`null` for absent values, as the declarations say).

use js_sys::{Reflect, JSON};
use serde::Serialize;
use spbe_core::ffi::{self, CheckResult, LevelView};
use spbe_core::{Error, Issue, Options, Rubric, RubricSummary};
use tsify::Ts;
use wasm_bindgen::prelude::*;

mod columns;
mod errors;

pub use columns::score_columns;
use errors::js_error;

/// A result as the JS value of its JSON text (serde_json, then one
/// `JSON.parse`): exactly the CLI's JSON, `null` for absent values, and far
/// less code and fewer boundary calls than building the object field by field.
fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(|e| {
        js_error(&Error::InvalidAssessment {
            message: e.to_string(),
        })
    })?;
    JSON::parse(&text)
}

/// The assessment as text: a string is JSON or a vector; an object is stringified.
fn input_text(v: &JsValue) -> Result<String, Error> {
    input_js(v).map(|s| String::from(&s))
}

/// The assessment as a JS string: the string given (JSON or a vector), or an
/// object's `JSON.stringify`.
fn input_js(v: &JsValue) -> Result<js_sys::JsString, Error> {
    if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
        // a lone surrogate would silently become U+FFFD: refuse it instead
        if !s.is_valid_utf16() {
            return Err(Error::InvalidAssessment {
                message: "the text holds a lone surrogate (not valid UTF-16)".into(),
            });
        }
        return Ok(s.clone());
    }
    if v.is_object() && !v.is_function() {
        // a string unless the object's toJSON gives undefined (no text to copy out to check it)
        if let Ok(s) = JSON::stringify(v) {
            if s.is_string() {
                return Ok(s);
            }
        }
    }
    Err(Error::InvalidAssessment {
        message: "the assessment must be an object in the spbe JSON format or a vector string"
            .into(),
    })
}

fn options(v: &Option<Ts<Options>>) -> Result<Options, Error> {
    options_js(v.as_ref().map(Ts::js_value))
}

fn options_js(v: Option<JsValue>) -> Result<Options, Error> {
    match v {
        None => Ok(Options::default()),
        Some(v) if v.is_undefined() || v.is_null() => Ok(Options::default()),
        Some(v) => Options::from_json(&input_text(&v).map_err(|_| Error::InvalidOptions {
            message: "options must be an object".into(),
        })?),
    }
}

// The report object of `score`: the core's head of the report (every field,
// the long ones as `null`: ffi::report_head_json) parsed at once, and the
// long fields (ffi::REPORT_LAZY_FIELDS) as accessors that, when one is first
// read or written, put the full report's values in place as plain data
// properties. Creating the report so costs a short JSON text instead of the
// whole report (~95% of its JSON text, and most of score()'s time: writing it
// in wasm and parsing it in JS). The last few reports are kept in wasm
// (RECENT), so filling one just made writes it; an older one is scored again
// from the input text and options text it kept, so a later change to the
// caller's object does not change the report. JSON.stringify, spreading and
// deep equality see every field, in the CLI's order.
#[wasm_bindgen(inline_js = r#"
let full = null;
let lazyKeys = null;
function own(report, key, value) {
  Object.defineProperty(report, key, { value, writable: true, enumerable: true, configurable: true });
}
export function lazyInit(scoreJson, keys) {
  full = scoreJson;
  lazyKeys = keys;
}
// Each report's accessors close over the report itself, so that reading it
// through a Proxy, an object made from it or its copied descriptors fills
// the report (a getter's `this` is then not the report).
export function lazyReport(head, text, options, id) {
  const report = JSON.parse(head);
  const accessors = {};
  let values = null;
  const fill = () => {
    if (values === null) {
      // a failure here changes nothing: a later read tries again
      values = JSON.parse(full(text, options, id));
      text = options = null;
      for (const key in accessors) {
        // only a field still ours: one the caller replaced stays theirs
        const d = Object.getOwnPropertyDescriptor(report, key);
        if (d && d.get === accessors[key].get) {
          try {
            own(report, key, values[key]);
          } catch {
            // sealed or frozen before it was read: the values stay beside it
          }
        }
      }
    }
    return values;
  };
  for (const key of lazyKeys) {
    if (!(key in report)) continue;
    accessors[key] = {
      get: () => fill()[key],
      set: (value) => {
        fill();
        try {
          own(report, key, value);
        } catch {
          if (Object.isFrozen(report)) throw new TypeError(`Cannot assign to read only property '${key}' of object`);
          values[key] = value; // sealed: its fields can still be written
        }
      },
      enumerable: true,
      configurable: true,
    };
  }
  Object.defineProperties(report, accessors);
  return report;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = lazyInit)]
    fn lazy_init(score_json: &JsValue, keys: JsValue);
    #[wasm_bindgen(js_name = lazyReport)]
    fn lazy_report(head: &str, text: &JsValue, options: &JsValue, id: u32) -> JsValue;
}

/// Reports kept for filling their JS objects: the last few made, by id.
const RECENT_KEPT: usize = 16;

thread_local! {
    static LAZY_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static RECENT: std::cell::RefCell<(u32, std::collections::VecDeque<(u32, spbe_core::Report)>)> =
        const { std::cell::RefCell::new((0, std::collections::VecDeque::new())) };
}

/// Keeps a report for filling its JS object; its id.
fn keep_recent(report: spbe_core::Report) -> u32 {
    RECENT.with(|r| {
        let (next, kept) = &mut *r.borrow_mut();
        *next = next.wrapping_add(1);
        if kept.len() == RECENT_KEPT {
            kept.pop_front();
        }
        kept.push_back((*next, report));
        *next
    })
}

/// The kept report of this id, taken out (it is filled once).
fn take_recent(id: u32) -> Option<spbe_core::Report> {
    RECENT.with(|r| {
        let kept = &mut r.borrow_mut().1;
        let at = kept.iter().position(|(k, _)| *k == id)?;
        kept.remove(at).map(|(_, report)| report)
    })
}

/// Hands the report's lazy fields and the function that fills them to the
/// JS side, once (the closure lives as long as the module).
fn lazy_ready() {
    if LAZY_READY.with(|r| r.replace(true)) {
        return;
    }
    let keys: js_sys::Array = ffi::REPORT_LAZY_FIELDS
        .iter()
        .map(|k| JsValue::from_str(k))
        .collect();
    let score_json = Closure::<dyn Fn(JsValue, JsValue, u32) -> Result<String, JsValue>>::new(
        |text: JsValue, options: JsValue, id: u32| {
            let report = match take_recent(id) {
                Some(report) => report,
                None => {
                    let o = options_js(Some(options)).map_err(|e| js_error(&e))?;
                    let text = input_text(&text).map_err(|e| js_error(&e))?;
                    spbe_core::score_text(&text, None, &o).map_err(|e| js_error(&e))?
                }
            };
            serde_json::to_string(&report).map_err(|e| {
                js_error(&Error::InvalidAssessment {
                    message: e.to_string(),
                })
            })
        },
    );
    lazy_init(score_json.as_ref(), keys.into());
    score_json.forget();
}

/// Scores an assessment (an object in the spbe JSON format, or a vector
/// string); returns exactly the CLI's JSON report. Throws an `Error` with a
/// string `code` (and `indicator`) for invalid input.
///
/// The report's `predicate_rule`, `domains`, `aspects` and `indicators` are
/// filled when first read (from the report kept, or for an older one the same
/// input scored again), so reading only the index, predicates and the band
/// above costs a short text.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let run = || -> Result<(js_sys::JsString, JsValue, String, spbe_core::Report), Error> {
        // the options as text, kept for filling the report in
        let opts_text = match options.as_ref().map(Ts::js_value) {
            Some(v) if !(v.is_undefined() || v.is_null()) => {
                JsValue::from(input_js(&v).map_err(|_| Error::InvalidOptions {
                    message: "options must be an object".into(),
                })?)
            }
            _ => JsValue::UNDEFINED,
        };
        let o = options_js(Some(opts_text.clone()))?;
        let text = input_js(&assessment)?;
        let report = spbe_core::score_text(&String::from(&text), None, &o)?;
        Ok((text, opts_text, ffi::report_head_json(&report), report))
    };
    let (text, opts_text, head, report) = run().map_err(|e| js_error(&e))?;
    lazy_ready();
    let id = keep_recent(report);
    Ok(lazy_report(&head, &text, &opts_text, id))
}

/// The cheapest rises of levels that reach a target: `request` is
/// `{ to: "Baik" | 3.0, costs?: { "12": 3 }, max_levels?: { "12": 4 },
/// frozen?: ["30"] }`; `options` as for `score` (track, missing policy,
/// predicate basis, year). Returns exactly the CLI's `spbe plan --format
/// json`. Throws an `Error` with a `code` (`unreachable_target` when no
/// allowed rise reaches the target).
#[cfg(feature = "planner")]
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    request: Ts<spbe_core::PlanRequest>,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let run = || -> Result<spbe_core::Plan, Error> {
        let o = self::options(&options)?;
        let req_text = input_text(&request.js_value()).map_err(|_| Error::InvalidOptions {
            message: "the plan request must be an object such as { to: \"Baik\" }".into(),
        })?;
        let req = spbe_core::PlanRequest::from_json(&req_text)?;
        spbe_core::plan_text(&input_text(&assessment)?, None, &o, &req)
    };
    to_js(&run().map_err(|e| js_error(&e))?)
}

/// The LHE-style evaluation report (Laporan Hasil Evaluasi) of an assessment
/// as one self-contained HTML document, the same as `spbe report`: `lang` is
/// `"id"` (default) or `"en"`, `date` is `"YYYY-MM-DD"` (or none for a line to
/// fill in). Throws an `Error` with a `code` for invalid input.
#[cfg(feature = "report-html")]
#[wasm_bindgen(js_name = reportHtml)]
pub fn report_html(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    options: Option<Ts<Options>>,
    lang: Option<String>,
    date: Option<String>,
) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let o = self::options(&options)?;
        ffi::report_html(
            &input_text(&assessment)?,
            None,
            &o,
            lang.as_deref().unwrap_or("id"),
            date.as_deref(),
        )
    };
    run().map_err(|e| js_error(&e))
}

/// A track's levels as the core scores them (`"target"`: the current levels
/// with the planned changes laid over them), `{}` when the assessment lacks
/// the track. Throws an `Error` with a `code` for invalid input.
#[wasm_bindgen(js_name = trackLevels, unchecked_return_type = "Record<string, Level>")]
pub fn track_levels(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    track: &str,
) -> Result<JsValue, JsValue> {
    let levels = input_text(&assessment)
        .and_then(|t| ffi::track_levels(&t, track))
        .map_err(|e| js_error(&e))?;
    to_js(&levels)
}

/// The track an assessment's target is laid over (what an indicator without
/// a target level keeps): `"final"` when assessors have scored, else
/// `"mandiri"`. Throws an `Error` with a `code` for invalid input.
#[wasm_bindgen(js_name = targetBase, unchecked_return_type = "Track")]
pub fn target_base(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
) -> Result<String, JsValue> {
    input_text(&assessment)
        .and_then(|t| ffi::target_base(&t))
        .map(str::to_owned)
        .map_err(|e| js_error(&e))
}

/// The assessors' stages an assessment records (`"dokumen"`, `"interviu"`,
/// `"visitasi"`, in stage order) and then `"final"` (per indicator the latest
/// of them with a level), or `[]`: the tracks a form shows beside the
/// self-assessment for a file from the evaluation (pass them to `formState`).
/// Throws an `Error` with a `code` for invalid input.
#[wasm_bindgen(js_name = externalTracks, unchecked_return_type = "Track[]")]
pub fn external_tracks(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
) -> Result<JsValue, JsValue> {
    let tracks = input_text(&assessment)
        .and_then(|t| ffi::external_tracks(&t))
        .map_err(|e| js_error(&e))?;
    to_js(&tracks)
}

/// Two tracks of an assessment compared, as `spbe compare`: both indices and
/// predicates, the exact difference rounded once, and every indicator whose
/// level differs (with the exact difference of its levels). Each track is
/// scored under `options` with its own `track`. Throws an `Error` with a
/// `code` for invalid input or a track that cannot be scored.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Track")] from: &str,
    #[wasm_bindgen(unchecked_param_type = "Track")] to: &str,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    let run = || -> Result<spbe_core::Comparison, Error> {
        let o = self::options(&options)?;
        ffi::compare_text(&input_text(&assessment)?, from, to, &o)
    };
    to_js(&run().map_err(|e| js_error(&e))?)
}

/// What a form showing several tracks needs after each change, in one call:
/// per track (in the order of `tracks`, e.g. `["mandiri", "target"]`) its
/// levels as scored (the target: the current levels with its changes over
/// them), `filled` / `total` / `complete`, the `options` it is scored with, a
/// `summary` of its report (index, predicate, the band above), the whole
/// `report` only when `full` is true, and `issues`; and the `gap` from the
/// first track's exact index to the second's, rounded once. A track with
/// every indicator filled is scored under `options`; a partly filled one is
/// renormalised over its filled indicators (an estimate: `official` false);
/// an empty one is not scored. Pass a track's `options` to `plan` or
/// `reportHtml` to plan or print it as the form scores it. Throws for a
/// track name that does not exist, options that cannot be read, or an
/// assessment that is neither an object nor a string.
#[wasm_bindgen(js_name = formState, unchecked_return_type = "FormState")]
pub fn form_state(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Track[]")] tracks: Vec<String>,
    options: Option<Ts<Options>>,
    full: Option<bool>,
) -> Result<JsValue, JsValue> {
    let o = self::options(&options).map_err(|e| js_error(&e))?;
    let tracks = tracks
        .iter()
        .map(|t| t.parse::<spbe_core::Track>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| js_error(&e))?;
    let text = match input_text(&assessment) {
        Ok(t) => t,
        Err(e) => return Err(js_error(&e)),
    };
    let state = ffi::form_state(&text, None, &o, &tracks);
    // messages as a form shows them: a decimal typed there is echoed with the
    // decimal comma in Indonesian
    JSON::parse(&state.to_json(full.unwrap_or(false), errors::form_issue))
}

#[wasm_bindgen(typescript_custom_section)]
const FORM_TS: &str = r#"
/** One track of `formState`. */
export interface FormTrack {
    track: Track;
    /** Its levels as scored; `null` when the assessment cannot be read. */
    levels: Record<string, Level> | null;
    /** How many of the edition's indicators have a level (an id it lacks is
     * not counted: it is an `unknown_indicator` issue), and how many it has. */
    filled: number;
    total: number;
    /** Every indicator has a level. */
    complete: boolean;
    /**
     * The options the track is scored with: those given, for this track, when
     * it is complete; else the same with `missing: "renormalize"` (an
     * estimate). Pass them to `plan` or `reportHtml` to plan or print the
     * track as the form scores it.
     */
    options: Options;
    /** The report's index, predicate and the band above; `null` when not scored. */
    summary: {
        index: number;
        index_text: string;
        index_exact: string;
        predicate: string;
        predicate_en: string | null;
        predicate_label: string | null;
        next_predicate: NextPredicate | null;
        official: boolean;
    } | null;
    /** The whole report (only with `full`). */
    report?: Report | null;
    /** Every problem that keeps the track from being scored, with the track whose value it is about. */
    issues: (Issue & { track: Track | null })[];
}

/** The result of `formState`. */
export interface FormState {
    tracks: FormTrack[];
    /** Second track's exact index minus the first's, rounded once; `null` unless both are scored. */
    gap: number | null;
    /** `gap` as text with 2 decimals, e.g. `"0.13"`, `"-0.05"`. */
    gap_text: string | null;
}
"#;

/// Like `score` but never throws: `{ ok: true, report }` or
/// `{ ok: false, issues: [{ code, kind, indicator, message }] }` listing every
/// problem; `kind` is `"value"` (a value on one indicator that cannot be
/// scored as given), `"missing"` (work not finished) or `"invalid"` (the
/// assessment itself is wrong).
#[wasm_bindgen(unchecked_return_type = "CheckResult")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    options: Option<Ts<Options>>,
) -> JsValue {
    let result: CheckResult = match (input_text(&assessment), self::options(&options)) {
        (Ok(text), Ok(o)) => errors::check_text(&text, &o),
        (Err(e), _) | (_, Err(e)) => CheckResult {
            ok: false,
            report: None,
            issues: Some(vec![errors::issue(&e)]),
        },
    };
    // always an answer, even if the report cannot be converted
    to_js(&result).unwrap_or_else(|e| {
        let issue = errors::issue(&Error::InvalidAssessment {
            message: format!("the report cannot be converted: {e:?}"),
        });
        to_js(&CheckResult {
            ok: false,
            report: None,
            issues: Some(vec![issue]),
        })
        .unwrap_or(JsValue::NULL)
    })
}

/// Every problem of an assessment as `[{ code, kind, indicator, message }]`
/// (empty when it scores); `kind` as for `check`.
#[wasm_bindgen(unchecked_return_type = "Issue[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
    options: Option<Ts<Options>>,
) -> JsValue {
    let issues: Vec<Issue> = match (input_text(&assessment), self::options(&options)) {
        (Ok(text), Ok(o)) => spbe_core::validate_text(&text, None, &o)
            .iter()
            .map(errors::issue)
            .collect(),
        (Err(e), _) | (_, Err(e)) => vec![errors::issue(&e)],
    };
    to_js(&issues).unwrap_or(JsValue::NULL)
}

/// The built-in editions.
#[wasm_bindgen(unchecked_return_type = "RubricSummary[]")]
pub fn rubrics() -> Result<JsValue, JsValue> {
    // read from the files' listing fields: the editions themselves are built
    // when first used (a page opening on one edition builds only that one)
    let list: Vec<RubricSummary> = spbe_core::builtin_summaries().map_err(|e| js_error(&e))?;
    to_js(&list)
}

/// spbe-core's error registry: every `code` an error can carry, with its
/// family and meaning.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Result<JsValue, JsValue> {
    to_js(&spbe_core::ERROR_CODES)
}

/// A built-in edition's full structure: names, weights (exact decimal strings),
/// questions, level scales with names and criteria, predicate bands.
#[wasm_bindgen(unchecked_return_type = "RubricSpec")]
pub fn rubric(id: &str) -> Result<JsValue, JsValue> {
    // the edition's file is its spec's JSON (spbe-core holds them equal): one
    // JSON.parse, without building the edition and serialising its spec here
    // (in a page's first load, compiling that code was most of this call)
    if let Some(text) = spbe_core::builtin_spec_json(id) {
        return JSON::parse(text);
    }
    let r: &Rubric = spbe_core::builtin(id).map_err(|e| js_error(&e))?;
    to_js(r.spec())
}

/// The compact, URL-safe vector of an assessment (for links such as `index.html#SPBE1...`).
#[wasm_bindgen(js_name = toVector)]
pub fn to_vector(
    #[wasm_bindgen(unchecked_param_type = "Assessment | string")] assessment: JsValue,
) -> Result<String, JsValue> {
    let text = input_text(&assessment).map_err(|e| js_error(&e))?;
    ffi::vector_text(&text, None).map_err(|e| js_error(&e))
}

/// The assessment object of a vector.
#[wasm_bindgen(js_name = fromVector, unchecked_return_type = "Assessment")]
pub fn from_vector(text: &str) -> Result<JsValue, JsValue> {
    let a = spbe_core::from_vector(text).map_err(|e| js_error(&e))?;
    to_js(&a)
}

/// Whether a text is a compact vector (`SPBE1.` or `SPBE2.`).
#[wasm_bindgen(js_name = isVector)]
pub fn is_vector(text: &str) -> bool {
    spbe_core::is_vector(text)
}

/// `to - from` of two reports' exact indices (`index_exact`), rounded half up
/// to 2 decimals once (not a difference of rounded values).
#[wasm_bindgen(js_name = indexGap)]
pub fn index_gap(from_exact: &str, to_exact: &str) -> Result<f64, JsValue> {
    ffi::index_gap(from_exact, to_exact).map_err(|e| js_error(&e))
}

/// The ids of a report's `n` indicators whose one-step rise gains the most.
#[wasm_bindgen(js_name = topGains)]
pub fn top_gains(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    n: usize,
) -> Vec<String> {
    // only the (id, gain) pairs cross; the ranking is the core's
    let list = Reflect::get(&report, &"indicators".into()).unwrap_or(JsValue::UNDEFINED);
    let pairs: Vec<(String, Option<f64>)> = js_sys::Array::from(&list)
        .iter()
        .map(|i| {
            let field = |k: &str| Reflect::get(&i, &k.into()).unwrap_or(JsValue::UNDEFINED);
            (
                field("id").as_string().unwrap_or_default(),
                field("gain").as_f64(),
            )
        })
        .collect();
    ffi::rank_gains(&pairs, n)
}

/// An indicator's levels (or value ranges) with names, bounds and the criteria
/// that apply (`official: false` marks our summary where no official text exists).
#[wasm_bindgen(js_name = levelViews, unchecked_return_type = "LevelView[]")]
pub fn level_views(rubric: &str, indicator: &str) -> Result<JsValue, JsValue> {
    let r = spbe_core::builtin(rubric).map_err(|e| js_error(&e))?;
    let views: Vec<LevelView> = ffi::level_views(r, indicator).unwrap_or_default();
    to_js(&views)
}

/// A built-in edition's structure walked once: every indicator in order with
/// its aspect and domain.
#[wasm_bindgen(unchecked_return_type = "Place[]")]
pub fn outline(rubric: &str) -> Result<JsValue, JsValue> {
    let r = spbe_core::builtin(rubric).map_err(|e| js_error(&e))?;
    to_js(&ffi::outline(r))
}

/// Which range (level) a value falls in on an 8/2026 indicator, or `undefined`.
#[wasm_bindgen(js_name = rangeOf)]
pub fn range_of(rubric: &str, indicator: &str, value: &str) -> Option<u8> {
    spbe_core::builtin(rubric)
        .ok()
        .and_then(|r| ffi::range_of(r, indicator, value))
}
