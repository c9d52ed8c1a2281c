//! # spbe-core
//!
//! The reference implementation of Indonesia's e-government maturity index:
//! the *Indeks SPBE* (PermenPANRB 5/2018 and 59/2020) and the *Indeks Pemerintah
//! Digital* (PermenPANRB 8/2026). Editions are data, validated when
//! loaded; every index is computed exactly and only the reported value is
//! rounded, half up, to 2 decimals.
//!
//! ```
//! let json = r#"{"rubric": "permenpanrb-59-2020",
//!                "levels": {"1":3,"2":3,"3":3,"4":3,"5":3,"6":3,"7":3,"8":3,"9":3,"10":3,
//!                           "11":3,"12":4,"13":3,"14":2,"15":3,"16":3,"17":3,"18":3,"19":3,"20":3,
//!                           "21":3,"22":3,"23":3,"24":3,"25":3,"26":3,"27":3,"28":3,"29":3,"30":3,
//!                           "31":3,"32":3,"33":3,"34":3,"35":3,"36":3,"37":3,"38":3,"39":3,"40":3,
//!                           "41":3,"42":3,"43":3,"44":3,"45":3,"46":3,"47":3}}"#;
//! let report = spbe_core::score_json(json, &spbe_core::Options::default()).unwrap();
//! assert_eq!(report.index_text, "3.00");
//! assert_eq!(report.predicate, "Baik");
//! ```

#![forbid(unsafe_code)]

pub mod assessment;
pub mod batch;
pub mod error;
pub mod ratio;
pub mod rubric;
pub mod score;
pub mod value;
pub mod vector;

pub use assessment::{Assessment, IndicatorId, Level, LevelMap, RawAssessment, Track, Tracks};
pub use error::{Error, Issue, Result, RubricProblem};
pub use ratio::{Hundredths, Ratio};
pub use rubric::{
    builtin, builtin_ids, builtins, Rubric, RubricSpec, RubricSummary, Status, MAX_INPUT_BYTES,
};
pub use score::{
    check, compare, predicate_of, score_exact, score_with, Comparison, MissingPolicy, Options,
    PredicateBasis, Report,
};
pub use vector::{from_vector, from_vector_with, is_vector, to_vector};

/// Reads a file, refusing anything larger than [`MAX_INPUT_BYTES`].
pub fn read_limited(path: &std::path::Path) -> Result<String> {
    use std::io::Read;
    let io = |e: std::io::Error| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let mut buf = Vec::new();
    f.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(io)?;
    if buf.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            size: buf.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    String::from_utf8(buf).map_err(|_| Error::Io {
        path: path.display().to_string(),
        message: "not UTF-8 text".into(),
    })
}

/// Parses an assessment from JSON text or a compact vector (built-in editions).
pub fn parse_input(text: &str) -> Result<Assessment> {
    parse_input_with(text, None)
}

/// Parses an assessment from JSON text or a compact vector, for the given
/// rubric (a user's own) or else the built-in edition the input names.
pub fn parse_input_with(text: &str, rubric: Option<&Rubric>) -> Result<Assessment> {
    match (vector::is_vector(text), rubric) {
        (true, Some(r)) => from_vector_with(text, r),
        (true, None) => from_vector(text),
        (false, _) => {
            if text.len() > MAX_INPUT_BYTES {
                return Err(Error::InputTooLarge {
                    size: text.len(),
                    limit: MAX_INPUT_BYTES,
                });
            }
            let raw: RawAssessment =
                serde_json::from_str(text).map_err(|e| rubric::json_error(&e, "assessment"))?;
            match Assessment::from_raw_lenient(&raw, rubric) {
                (a, errors) if errors.is_empty() => Ok(a),
                (_, errors) => Err(assessment::first(errors)),
            }
        }
    }
}

/// Scores an assessment of a built-in edition.
pub fn score(assessment: &Assessment, opts: &Options) -> Result<Report> {
    score_with(assessment, builtin(&assessment.rubric)?, opts)
}

/// Parses (JSON or vector) and scores, for a built-in edition.
pub fn score_json(text: &str, opts: &Options) -> Result<Report> {
    score_text(text, None, opts)
}

/// Parses (JSON or vector) and scores, against the given rubric or else the
/// built-in edition the input names.
pub fn score_text(text: &str, rubric: Option<&Rubric>, opts: &Options) -> Result<Report> {
    let a = parse_input_with(text, rubric)?;
    match rubric {
        Some(r) => score_with(&a, r, opts),
        None => score(&a, opts),
    }
}

/// Every problem of an assessment given as JSON text or a vector: syntax,
/// unknown rubric or indicators, levels, item counts, duplicates, and missing
/// indicators of the track that would be scored. Empty means it scores.
pub fn validate(text: &str, opts: &Options) -> Vec<Error> {
    validate_text(text, None, opts)
}

/// Like [`validate`], against the given rubric or else the built-in edition
/// the input names.
pub fn validate_text(text: &str, rubric: Option<&Rubric>, opts: &Options) -> Vec<Error> {
    if vector::is_vector(text) {
        return match parse_input_with(text, rubric) {
            Err(e) => vec![e],
            Ok(a) => match rubric {
                Some(r) => check(&a, r, opts),
                None => validate_assessment(&a, opts),
            },
        };
    }
    if text.len() > MAX_INPUT_BYTES {
        return vec![Error::InputTooLarge {
            size: text.len(),
            limit: MAX_INPUT_BYTES,
        }];
    }
    match serde_json::from_str::<RawAssessment>(text) {
        Err(e) => vec![rubric::json_error(&e, "assessment")],
        Ok(raw) => validate_raw(&raw, rubric, opts),
    }
}

/// Every problem of a raw assessment: what parsing found, then the rubric
/// checks on everything that could be read. When parsing already found a bad
/// entry, the missing-indicator check is skipped (it would only repeat it).
pub fn validate_raw(raw: &RawAssessment, rubric: Option<&Rubric>, opts: &Options) -> Vec<Error> {
    let (a, mut errors) = Assessment::from_raw_lenient(raw, rubric);
    let r = match rubric {
        Some(r) => r,
        None => match builtin(&a.rubric) {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                return errors;
            }
        },
    };
    let bad: std::collections::HashSet<String> = errors
        .iter()
        .filter_map(|e| e.indicator().map(str::to_owned))
        .collect();
    // "no levels" problems are the same fact seen again by the checks
    let structural = errors
        .iter()
        .any(|e| matches!(e, Error::InvalidAssessment { .. }));
    for e in check(&a, r, opts) {
        match e {
            // indicators whose entry was bad are reported already, not as missing
            Error::MissingIndicators {
                indicators,
                track,
                rubric,
            } => {
                let rest: Vec<String> = indicators
                    .into_iter()
                    .filter(|i| !bad.contains(i))
                    .collect();
                if !rest.is_empty() {
                    errors.push(Error::MissingIndicators {
                        indicators: rest,
                        track,
                        rubric,
                    });
                }
            }
            Error::TrackNotPresent { .. } | Error::NoLevels { .. } if structural => {}
            other => errors.push(other),
        }
    }
    errors
}

/// Every problem of a parsed assessment (built-in edition).
pub fn validate_assessment(a: &Assessment, opts: &Options) -> Vec<Error> {
    match builtin(&a.rubric) {
        Err(e) => vec![e],
        Ok(r) => check(a, r, opts),
    }
}

/// Every problem of an assessment given as a JSON value (Python dict, JS object).
pub fn validate_value(v: serde_json::Value, rubric: Option<&Rubric>, opts: &Options) -> Vec<Error> {
    match serde_json::from_value::<RawAssessment>(v) {
        Err(e) => vec![Error::InvalidAssessment {
            message: format!("assessment: {e}"),
        }],
        Ok(raw) => validate_raw(&raw, rubric, opts),
    }
}
