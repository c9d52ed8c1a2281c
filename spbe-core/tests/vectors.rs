//! Runs every conformance vector in `tests/vectors/*.json` (shared with the
//! Python and JS suites). Each file holds `input` (an assessment object or a
//! vector string), optional `options`, and `expect`: either the results or
//! `{"error": code, "indicator"?: id}`. An assessment object is written back
//! to JSON text and parsed from there, so that a number such as 1.26 is read
//! from its literal, as from a file.

#![allow(clippy::type_complexity)]

use std::path::PathBuf;

use libtest_mimic::{Arguments, Trial};
use serde_json::Value;
use spbe_core::{Error, Options, Track};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

#[cfg(test)]
fn options(v: Option<&Value>) -> Result<Options, Error> {
    let mut o = Options::default();
    let Some(v) = v else { return Ok(o) };
    if let Some(t) = v.get("track").and_then(Value::as_str) {
        o.track = Some(t.parse::<Track>()?);
    }
    if let Some(m) = v.get("missing") {
        o.missing = serde_json::from_value(m.clone()).expect("missing policy");
    }
    if let Some(b) = v.get("predicate_basis") {
        o.predicate_basis = serde_json::from_value(b.clone()).expect("basis");
    }
    Ok(o)
}

/// The input as text: a vector string as it is, an assessment object as JSON.
#[cfg(test)]
fn input_text(case: &Value) -> String {
    match &case["input"] {
        Value::String(s) => s.clone(),
        v => serde_json::to_string(v).expect("input json"),
    }
}

fn run_case(case: &Value) -> Result<spbe_core::Report, Error> {
    let opts = options(case.get("options"))?;
    spbe_core::score_text(&input_text(case), None, &opts)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Checks one vector: its expectation against spbe-core's report or error.
#[cfg(test)]
fn check_case(case: &Value) -> Result<(), String> {
    let mut failures: Vec<String> = Vec::new();
    let expect = &case["expect"];
    let got = run_case(case);
    let mut fail = |msg: String| failures.push(msg);
    match (expect.get("error").and_then(Value::as_str), got) {
        (Some(code), Err(e)) => {
            if e.code() != code {
                fail(format!("expected error {code}, got {} ({e})", e.code()));
            }
            if let Some(ind) = expect.get("indicator").and_then(Value::as_str) {
                if e.indicator() != Some(ind) {
                    fail(format!(
                        "expected the error to name indicator {ind}, got {:?} ({e})",
                        e.indicator()
                    ));
                }
            }
            // the message names the indicator it is about
            if let Some(ind) = e.indicator() {
                if !e.to_string().contains(ind) {
                    fail(format!("message does not name indicator {ind}: {e}"));
                }
            }
        }
        (Some(code), Ok(r)) => fail(format!("expected error {code}, got index {}", r.index_text)),
        (None, Err(e)) => fail(format!("unexpected error [{}] {e}", e.code())),
        (None, Ok(r)) => {
            if !close(r.index, expect["index"].as_f64().unwrap_or(f64::NAN)) {
                fail(format!("index {} != {}", r.index, expect["index"]));
            }
            for key in ["index_text", "index_exact", "predicate"] {
                let want = expect[key].as_str().unwrap_or("");
                let have = match key {
                    "index_text" => r.index_text.as_str(),
                    "index_exact" => r.index_exact.as_str(),
                    _ => r.predicate.as_str(),
                };
                if want != have {
                    fail(format!("{key} {have:?} != {want:?}"));
                }
            }
            // the predicate rule applied: expect's predicate_basis/predicate_reason
            // against the report's predicate_rule.basis/.reason
            let rule = serde_json::to_value(&r.predicate_rule).unwrap();
            for (key, field) in [("predicate_basis", "basis"), ("predicate_reason", "reason")] {
                if let Some(want) = expect.get(key) {
                    if &rule[field] != want {
                        fail(format!("predicate_rule.{field} {} != {want}", rule[field]));
                    }
                }
            }
            let doms = expect["domains"].as_object().cloned().unwrap_or_default();
            if doms.len() != r.domains.len() {
                fail(format!(
                    "{} domains, expected {}",
                    r.domains.len(),
                    doms.len()
                ));
            }
            for d in &r.domains {
                let want = doms.get(d.id.as_str()).and_then(Value::as_f64);
                if want.map(|w| d.index.is_some_and(|x| close(x, w))) != Some(true)
                    && !(want.is_none() && d.index.is_none())
                {
                    fail(format!("domain {} index {:?} != {:?}", d.id, d.index, want));
                }
            }
            let asps = expect["aspects"].as_object().cloned().unwrap_or_default();
            if asps.len() != r.aspects.len() {
                fail(format!(
                    "{} aspects, expected {}",
                    r.aspects.len(),
                    asps.len()
                ));
            }
            for a in &r.aspects {
                let want = asps.get(a.id.as_str()).and_then(Value::as_f64);
                if want.map(|w| a.index.is_some_and(|x| close(x, w))) != Some(true)
                    && !(want.is_none() && a.index.is_none())
                {
                    fail(format!("aspect {} index {:?} != {:?}", a.id, a.index, want));
                }
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// validate() agrees with score(): no problems exactly when the vector scores.
fn check_validate(case: &Value) -> Result<(), String> {
    let Ok(opts) = options(case.get("options")) else {
        return Ok(());
    };
    let problems = spbe_core::validate_text(&input_text(case), None, &opts);
    let scored = run_case(case);
    if problems.is_empty() != scored.is_ok() {
        return Err(format!("validate {problems:?} vs score {:?}", scored.err()));
    }
    if let Err(e) = scored {
        if !problems.iter().any(|p| p.code() == e.code()) {
            return Err(format!("validate lacks {}", e.code()));
        }
    }
    Ok(())
}

/// One test per vector file (so a failure names its vector), and one that
/// the whole set is there.
#[cfg(test)]
fn main() {
    let args = Arguments::from_args();
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let count = files.len();
    let mut trials = vec![Trial::test("the full vector set is present", move || {
        if count >= 100 {
            Ok(())
        } else {
            Err(format!("expected the full vector set, found {count}").into())
        }
    })];
    for path in files {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read"))
            .expect("vector json");
        let again = case.clone();
        trials.push(Trial::test(format!("vector {name}"), move || {
            check_case(&case).map_err(Into::into)
        }));
        trials.push(Trial::test(format!("validate agrees {name}"), move || {
            check_validate(&again).map_err(Into::into)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
