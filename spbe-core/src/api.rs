//! The entry points: one per input kind (text, a JSON value, a parsed
//! assessment) for parsing, scoring and validating, against a built-in
//! edition or a given rubric.

use crate::assessment::{self, Assessment, RawAssessment};
use crate::error::{Error, Result};
use crate::input::{check_size, json_error};
use crate::options::Options;
use crate::report::Report;
use crate::rubric::{builtin, Rubric};
use crate::score::{check, score_with};
use crate::vector::{self, from_vector, from_vector_with};

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
            check_size(text.len())?;
            let raw: RawAssessment =
                serde_json::from_str(text).map_err(|e| json_error(&e, "assessment"))?;
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
    if let Err(e) = check_size(text.len()) {
        return vec![e];
    }
    match serde_json::from_str::<RawAssessment>(text) {
        Err(e) => vec![json_error(&e, "assessment")],
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
