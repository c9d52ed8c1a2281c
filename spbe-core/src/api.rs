//! The entry points, one per input kind, with the same names as in Python and
//! JS (`score`, `validate`, `check`):
//!
//! | input | parse | score | every problem | report or every problem |
//! |---|---|---|---|---|
//! | JSON text or a vector | [`parse_text`] | [`score_text`] | [`validate_text`] | [`check_text`] |
//! | a JSON value | — | [`score_value`] | [`validate_value`] | [`check_value`] |
//! | a parsed [`Assessment`] | — | [`score_with`] | [`validate_with`] | [`check_with`] |
//!
//! `rubric` is a user's own rubric, or `None` for the built-in edition the
//! assessment names.

use crate::assessment::{self, Assessment, RawAssessment};
use crate::error::{Error, Issue, Lang, Result};
use crate::input::{check_size, json_error};
use crate::options::Options;
use crate::report::Report;
use crate::rubric::{builtin, Rubric};
pub use crate::score::{score_with, validate_with};
use crate::vector::{self, from_vector, from_vector_with};

/// The answer of a check: `{ok: true, report}` or `{ok: false, issues}`, the
/// same shape in Rust, Python and JS.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CheckResult {
    /// Whether the assessment scores.
    pub ok: bool,
    /// The report, when it scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
    /// Every problem found, when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<Issue>>,
}

impl CheckResult {
    /// [`check_text`] with the messages of the issues in a language
    /// ([`Error::message_in`]); `check_text` gives them in English.
    ///
    /// ```
    /// use spbe_core::{error::Lang, CheckResult, Options};
    ///
    /// let r = CheckResult::of_text_in("SPBE1.permenpanrb-59-2020.L3", None, &Options::default(), Lang::Id);
    /// let issues = r.issues.unwrap_or_default();
    /// assert_eq!(issues[0].code, "invalid_vector");
    /// assert!(issues[0].message.starts_with("vektor tidak sah pada segmen 3"));
    /// ```
    pub fn of_text_in(
        text: &str,
        rubric: Option<&Rubric>,
        opts: &Options,
        lang: Lang,
    ) -> CheckResult {
        let scored = score_text(text, rubric, opts);
        answer(scored, || validate_text(text, rubric, opts), lang)
    }
}

/// Parses an assessment from JSON text or a compact vector.
pub fn parse_text(text: &str, rubric: Option<&Rubric>) -> Result<Assessment> {
    match (vector::is_vector(text), rubric) {
        (true, Some(r)) => from_vector_with(text, r),
        (true, None) => from_vector(text),
        (false, _) => {
            check_size(text.len())?;
            let raw = assessment::raw_from_str(text).map_err(|e| json_error(&e, "assessment"))?;
            parse_raw(&raw, rubric)
        }
    }
}

/// Checks a raw assessment: the one read from JSON text by [`parse_text`],
/// or one a binding built from a host language's object (a Python dict)
/// without going through JSON text. The first problem found is the error.
pub fn parse_raw(raw: &RawAssessment, rubric: Option<&Rubric>) -> Result<Assessment> {
    match Assessment::from_raw_lenient(raw, rubric) {
        (a, errors) if errors.is_empty() => Ok(a),
        (_, errors) => Err(assessment::first(errors)),
    }
}

/// Scores a raw assessment (see [`parse_raw`]); the same as [`score_text`]
/// on the JSON text the raw assessment is read from.
pub fn score_raw(raw: &RawAssessment, rubric: Option<&Rubric>, opts: &Options) -> Result<Report> {
    score_parsed(&parse_raw(raw, rubric)?, rubric, opts)
}

/// Scores a parsed assessment with a user's own rubric, or else the built-in
/// edition it names (what [`score_text`] does after parsing).
pub fn score_parsed(a: &Assessment, rubric: Option<&Rubric>, opts: &Options) -> Result<Report> {
    score_with(a, rubric_for(a, rubric)?, opts)
}

/// The report, or every problem, of a raw assessment (see [`parse_raw`]);
/// the same as [`check_text`] on the JSON text it is read from.
pub fn check_raw(raw: &RawAssessment, rubric: Option<&Rubric>, opts: &Options) -> CheckResult {
    answer(
        score_raw(raw, rubric, opts),
        || crate::error::bounded(validate_raw(raw, rubric, opts)),
        Lang::En,
    )
}

fn rubric_for<'a>(a: &Assessment, rubric: Option<&'a Rubric>) -> Result<&'a Rubric> {
    match rubric {
        Some(r) => Ok(r),
        None => builtin(&a.rubric),
    }
}

/// Parses (JSON or vector) and plans the cheapest way to a target (see
/// [`crate::plan`]).
pub fn plan_text(
    text: &str,
    rubric: Option<&Rubric>,
    opts: &Options,
    req: &crate::plan::PlanRequest,
) -> Result<crate::plan::Plan> {
    let a = parse_text(text, rubric)?;
    crate::plan::plan_with(&a, rubric_for(&a, rubric)?, opts, req)
}

/// Parses (JSON or vector) and scores.
pub fn score_text(text: &str, rubric: Option<&Rubric>, opts: &Options) -> Result<Report> {
    score_parsed(&parse_text(text, rubric)?, rubric, opts)
}

/// Every problem of an assessment given as JSON text or a vector: syntax,
/// unknown rubric or indicators, levels, item counts, duplicates, and missing
/// indicators of the track that would be scored. Empty means it scores. At
/// most [`MAX_PER_KIND`](crate::error::MAX_PER_KIND) problems of one kind are
/// listed; the rest are counted in an [`Error::More`] of that kind.
pub fn validate_text(text: &str, rubric: Option<&Rubric>, opts: &Options) -> Vec<Error> {
    crate::error::bounded(validate_unbounded(text, rubric, opts))
}

fn validate_unbounded(text: &str, rubric: Option<&Rubric>, opts: &Options) -> Vec<Error> {
    if vector::is_vector(text) {
        return match parse_text(text, rubric) {
            Err(e) => vec![e],
            Ok(a) => match rubric_for(&a, rubric) {
                Ok(r) => validate_with(&a, r, opts),
                Err(e) => vec![e],
            },
        };
    }
    if let Err(e) = check_size(text.len()) {
        return vec![e];
    }
    match assessment::raw_from_str(text) {
        Err(e) => vec![json_error(&e, "assessment")],
        Ok(raw) => validate_raw(&raw, rubric, opts),
    }
}

/// The report, or every problem found (never fails: a problem with the input
/// itself is an issue too).
pub fn check_text(text: &str, rubric: Option<&Rubric>, opts: &Options) -> CheckResult {
    CheckResult::of_text_in(text, rubric, opts, Lang::En)
}

/// Scores an assessment given as a JSON value (its numbers read from their
/// literal digits, as from text).
pub fn score_value(
    v: &serde_json::Value,
    rubric: Option<&Rubric>,
    opts: &Options,
) -> Result<Report> {
    score_text(&v.to_string(), rubric, opts)
}

/// Every problem of an assessment given as a JSON value.
pub fn validate_value(
    v: &serde_json::Value,
    rubric: Option<&Rubric>,
    opts: &Options,
) -> Vec<Error> {
    validate_text(&v.to_string(), rubric, opts)
}

/// The report, or every problem, of an assessment given as a JSON value.
pub fn check_value(v: &serde_json::Value, rubric: Option<&Rubric>, opts: &Options) -> CheckResult {
    check_text(&v.to_string(), rubric, opts)
}

/// The report, or every problem, of a parsed assessment.
pub fn check_with(a: &Assessment, rubric: &Rubric, opts: &Options) -> CheckResult {
    answer(
        score_with(a, rubric, opts),
        || validate_with(a, rubric, opts),
        Lang::En,
    )
}

fn answer(
    scored: Result<Report>,
    problems: impl FnOnce() -> Vec<Error>,
    lang: Lang,
) -> CheckResult {
    match scored {
        Ok(report) => CheckResult {
            ok: true,
            report: Some(report),
            issues: None,
        },
        Err(first) => {
            let mut issues: Vec<Issue> = problems().iter().map(|e| e.issue_in(lang)).collect();
            if issues.is_empty() {
                issues.push(first.issue_in(lang));
            }
            CheckResult {
                ok: false,
                report: None,
                issues: Some(issues),
            }
        }
    }
}

/// Every problem of a raw assessment: what parsing found, then the rubric
/// checks on everything that could be read. When parsing already found a bad
/// entry, the missing-indicator check is skipped (it would only repeat it).
fn validate_raw(raw: &RawAssessment, rubric: Option<&Rubric>, opts: &Options) -> Vec<Error> {
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
    for e in validate_with(&a, r, opts) {
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
