//! The one error type of the crate. Every variant has a stable machine code
//! ([`Error::code`]) that the Python and JS bindings expose unchanged.

use serde::Serialize;

/// One problem found in a rubric file (see [`Error::InvalidRubric`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RubricProblem {
    /// Stable code, e.g. `duplicate_id`, `weight_sum`, `predicate_gap`.
    pub code: &'static str,
    /// Where in the file, e.g. `domains[1].aspects[0]`.
    pub path: String,
    /// What is wrong and what would be valid.
    pub message: String,
}

impl std::fmt::Display for RubricProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.code)
    }
}

/// Everything that can go wrong, each with a stable [`code`](Error::code).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The assessment names a rubric that is neither built in nor supplied.
    #[error("unknown rubric {id:?}; the built-in editions are: {known}")]
    UnknownRubric {
        /// Its id.
        id: String,
        /// The built-in editions.
        known: String,
    },

    /// An indicator id that the rubric does not have.
    #[error("indicator {indicator:?} does not exist in {rubric} (in {place}); valid indicators are {valid}")]
    UnknownIndicator {
        /// The indicator concerned.
        indicator: String,
        /// Edition id.
        rubric: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// What would be valid.
        valid: String,
    },

    /// A value outside the rubric's scale for that indicator.
    #[error("indicator {indicator}{place_suffix}: level {value} is out of range; {rubric} accepts {valid}", place_suffix = suffix(place))]
    LevelOutOfRange {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid, e.g. "a whole number from 1 to 5".
        valid: String,
        /// Edition id.
        rubric: String,
    },

    /// A fractional number (e.g. `3.5`) for an indicator that takes whole levels.
    #[error("indicator {indicator}{place_suffix}: level {value} is not a whole number; give {valid}", place_suffix = suffix(place))]
    NonIntegerLevel {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid.
        valid: String,
    },

    /// A level that is not a number (a boolean, null, an object, a string
    /// where whole levels are expected, or a string that is not a decimal or fraction).
    #[error("indicator {indicator}{place_suffix}: level {value} is not a number; give {valid}", place_suffix = suffix(place))]
    InvalidLevelType {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid.
        valid: String,
    },

    /// A decimal with more digits after the point than can be kept exactly.
    #[error("indicator {indicator}{place_suffix}: level {value} has more than {max_decimals} decimals; give {valid}", place_suffix = suffix(place))]
    TooManyDecimals {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// The most decimals kept.
        max_decimals: usize,
        /// What would be valid.
        valid: String,
    },

    /// A list of levels for an indicator that takes one level.
    #[error("indicator {indicator}{place_suffix}: got a list {value} but this indicator takes a single level: {valid}", place_suffix = suffix(place))]
    NotRepeatable {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid.
        valid: String,
    },

    /// A repeatable indicator (2018 indicator 35) with too few or too many items.
    #[error("indicator {indicator}{place_suffix}: got {count} levels but it takes {min} to {max} (one per reported service)", place_suffix = suffix(place))]
    WrongItemCount {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// How many were given.
        count: usize,
        /// Lower bound.
        min: u8,
        /// Upper bound.
        max: u8,
    },

    /// The same indicator key twice in one object (never last-wins).
    #[error("indicator {indicator:?} appears more than once in {place}; give each indicator once")]
    DuplicateIndicator {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
    },

    /// Indicators without a level under the default (official) missing-indicator policy.
    #[error("{track}: {count} indicator(s) have no level: {list}; every indicator of {rubric} needs one (or choose a non-official missing-indicator policy)", count = indicators.len(), list = crate::rubric::bounded_list(indicators, 20))]
    MissingIndicators {
        /// Its indicators, in order.
        indicators: Vec<String>,
        /// The track scored or concerned.
        track: String,
        /// Edition id.
        rubric: String,
    },

    /// Nothing to compute: the track has no level at all (possible only with
    /// the renormalising missing policy; otherwise it is `missing_indicator`).
    #[error("{track}: no indicator has a level, so no index can be computed")]
    NoLevels {
        /// The track scored or concerned.
        track: String,
    },

    /// Stands for the problems of one kind past the first
    /// [`MAX_PER_KIND`] in a list of problems (`validate`, `check`): they are
    /// counted, not listed. Its code is the code of that kind.
    #[error("... and {count} more {code} problem(s), not listed")]
    More {
        /// The code of the problems left out.
        code: &'static str,
        /// How many were left out.
        count: usize,
    },

    /// Input that is not well-formed JSON.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    MalformedJson {
        /// What is wrong.
        message: String,
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
    },

    /// Well-formed JSON of the wrong shape (unknown field, wrong type, both `levels` and `tracks` ...).
    #[error("invalid assessment: {message}")]
    InvalidAssessment {
        /// What is wrong.
        message: String,
    },

    /// A track name that does not exist.
    #[error("unknown track {track:?}; valid tracks are {valid}")]
    UnknownTrack {
        /// The track scored or concerned.
        track: String,
        /// What would be valid.
        valid: String,
    },

    /// A track that exists but is not in this assessment.
    #[error("track {track:?} is not in this assessment; it has: {available}")]
    TrackNotPresent {
        /// The track scored or concerned.
        track: String,
        /// The tracks the assessment has.
        available: String,
    },

    /// A rubric file that fails validation; lists every problem found.
    #[error("invalid rubric {id:?}: {count} problem(s):\n  {list}", count = problems.len(), list = problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n  "))]
    InvalidRubric {
        /// Its id.
        id: String,
        /// Every problem found.
        problems: Vec<RubricProblem>,
    },

    /// A compact vector string that cannot be parsed.
    #[error("invalid vector at segment {segment}: {message}")]
    InvalidVector {
        /// Which segment (1-based; 0 for the whole vector).
        segment: usize,
        /// What is wrong.
        message: String,
    },

    /// Input larger than the accepted limit.
    #[error("input of {size} bytes is larger than the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },

    /// The assessment is for another rubric than the one supplied.
    #[error("the assessment is for {found:?} but the rubric given is {expected:?}")]
    RubricMismatch {
        /// The rubric given.
        expected: String,
        /// The rubric the assessment names.
        found: String,
    },

    /// Scoring options that cannot be read.
    #[error("invalid options: {message}")]
    InvalidOptions {
        /// What is wrong.
        message: String,
    },

    /// Batch input of the wrong shape.
    #[error("invalid batch input: {message}")]
    InvalidBatch {
        /// What is wrong.
        message: String,
    },

    /// A batch row failed; wraps the row's own error.
    #[error("row {row}: {source}")]
    Row {
        /// The row (0-based).
        row: usize,
        /// The row's own error.
        source: Box<Error>,
    },

    /// Exact arithmetic would exceed 128-bit integers: weights with many
    /// digits in a custom rubric, or values whose fractions have large,
    /// different denominators. Never a wrong answer.
    #[error("exact arithmetic overflow while computing {context}: the exact fraction needs more than 128 bits; {advice}")]
    Overflow {
        /// What was being computed.
        context: String,
        /// The likely cause and what to do.
        advice: String,
    },

    /// A plan's target that no allowed rise of levels reaches.
    #[error("the target cannot be reached: with every allowed indicator at its highest allowed level the index is {best} ({predicate}); lower the target, or allow more indicators or higher levels")]
    UnreachableTarget {
        /// The best reachable index, reported (2 decimals).
        best: String,
        /// Its predicate.
        predicate: String,
    },

    /// The output could not be written (a full disk, a closed stream).
    #[error("cannot write the output: {message}")]
    Output {
        /// What went wrong.
        message: String,
    },

    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

fn suffix(place: &str) -> String {
    if place.is_empty() || place == "levels" {
        String::new()
    } else {
        format!(" (in {place})")
    }
}

impl Error {
    /// The stable machine code of this error, e.g. `level_out_of_range`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownRubric { .. } => "unknown_rubric",
            Error::UnknownIndicator { .. } => "unknown_indicator",
            Error::LevelOutOfRange { .. } => "level_out_of_range",
            Error::NonIntegerLevel { .. } => "non_integer_level",
            Error::InvalidLevelType { .. } => "invalid_level_type",
            Error::TooManyDecimals { .. } => "too_many_decimals",
            Error::NotRepeatable { .. } => "not_repeatable",
            Error::WrongItemCount { .. } => "wrong_item_count",
            Error::DuplicateIndicator { .. } => "duplicate_indicator",
            Error::MissingIndicators { .. } => "missing_indicator",
            Error::NoLevels { .. } => "no_levels",
            Error::MalformedJson { .. } => "malformed_json",
            Error::InvalidAssessment { .. } => "invalid_assessment",
            Error::UnknownTrack { .. } => "unknown_track",
            Error::TrackNotPresent { .. } => "track_not_present",
            Error::InvalidRubric { .. } => "invalid_rubric",
            Error::InvalidVector { .. } => "invalid_vector",
            Error::InputTooLarge { .. } => "input_too_large",
            Error::RubricMismatch { .. } => "rubric_mismatch",
            Error::InvalidBatch { .. } => "invalid_batch",
            Error::InvalidOptions { .. } => "invalid_options",
            Error::Row { source, .. } => source.code(),
            Error::More { code, .. } => code,
            Error::Overflow { .. } => "arithmetic_overflow",
            Error::UnreachableTarget { .. } => "unreachable_target",
            Error::Io { .. } | Error::Output { .. } => "io_error",
        }
    }

    /// The indicator this error is about, if any.
    pub fn indicator(&self) -> Option<&str> {
        match self {
            Error::UnknownIndicator { indicator, .. }
            | Error::LevelOutOfRange { indicator, .. }
            | Error::NonIntegerLevel { indicator, .. }
            | Error::InvalidLevelType { indicator, .. }
            | Error::TooManyDecimals { indicator, .. }
            | Error::NotRepeatable { indicator, .. }
            | Error::WrongItemCount { indicator, .. }
            | Error::DuplicateIndicator { indicator, .. } => Some(indicator),
            Error::MissingIndicators { indicators, .. } => indicators.first().map(String::as_str),
            Error::Row { source, .. } => source.indicator(),
            _ => None,
        }
    }

    /// A plain record of this error, for bindings and JSON output.
    pub fn issue(&self) -> Issue {
        Issue {
            code: self.code(),
            indicator: self.indicator().map(str::to_owned),
            message: self.to_string(),
        }
    }

    pub(crate) fn overflow(context: &str) -> Error {
        Error::Overflow {
            context: context.to_owned(),
            advice: "values with many decimals or fractions with large, different denominators make it too large; use fewer decimals or simpler fractions".to_owned(),
        }
    }

    /// An overflow while renormalising over the present indicators: each
    /// aspect is then divided by the sum of its present weights, and with a
    /// custom rubric's weights those sums can have a common denominator past
    /// 128 bits. Other errors pass through.
    pub(crate) fn renormalising(self) -> Error {
        match self {
            Error::Overflow { context, .. } => Error::Overflow {
                context: format!("{context} renormalised over the present indicators"),
                advice: "each aspect is divided by the sum of its present indicators' weights, and these sums have too large a common denominator; fill in the missing indicators, or use the lowest-level missing policy (--missing lowest, missing=\"lowest\")".to_owned(),
            },
            other => other,
        }
    }
}

/// At most this many problems of one kind (one code) are listed by
/// `validate` and `check`, and in an invalid rubric's problems; the rest are
/// counted in one last entry of that kind ([`Error::More`] or a problem whose
/// message says how many were left out), so that a list of problems stays
/// small whatever the input.
pub const MAX_PER_KIND: usize = 100;

/// Keeps the first [`MAX_PER_KIND`] problems of each kind, in order, and
/// counts the rest in one [`Error::More`] per kind (after the problems of its
/// kind; counts already in a `More` are added).
pub(crate) fn bounded(errors: Vec<Error>) -> Vec<Error> {
    let mut seen: Vec<(&'static str, usize, usize)> = Vec::new(); // (code, listed, left out)
    let mut kept = Vec::new();
    for e in errors {
        let code = e.code();
        let extra = match &e {
            Error::More { count, .. } => *count,
            _ => 0,
        };
        let k = match seen.iter().position(|(c, ..)| *c == code) {
            Some(k) => k,
            None => {
                seen.push((code, 0, 0));
                seen.len() - 1
            }
        };
        if let Some(entry) = seen.get_mut(k) {
            if extra > 0 {
                entry.2 += extra;
            } else if entry.1 < MAX_PER_KIND {
                entry.1 += 1;
                kept.push(e);
            } else {
                entry.2 += 1;
            }
        }
    }
    for (code, _, count) in seen {
        if count > 0 {
            let at = kept
                .iter()
                .rposition(|e| e.code() == code)
                .map_or(kept.len(), |i| i + 1);
            kept.insert(at, Error::More { code, count });
        }
    }
    kept
}

/// The same bound for the problems of a rubric file.
pub(crate) fn bounded_problems(problems: Vec<RubricProblem>) -> Vec<RubricProblem> {
    let mut seen: Vec<(&'static str, usize)> = Vec::new();
    let mut kept = Vec::new();
    for p in problems {
        let k = match seen.iter().position(|(c, _)| *c == p.code) {
            Some(k) => k,
            None => {
                seen.push((p.code, 0));
                seen.len() - 1
            }
        };
        if let Some(entry) = seen.get_mut(k) {
            entry.1 += 1;
            if entry.1 <= MAX_PER_KIND {
                kept.push(p);
            }
        }
    }
    for (code, n) in seen {
        if n > MAX_PER_KIND {
            kept.push(RubricProblem {
                code,
                path: String::new(),
                message: format!(
                    "... and {} more {code} problem(s), not listed",
                    n - MAX_PER_KIND
                ),
            });
        }
    }
    kept
}

/// One stable error code: its family and what it means. [`ERROR_CODES`] is
/// the registry the bindings build their error types from (Python: one
/// exception class per code, under its family's class).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ErrorCode {
    /// The code, as [`Error::code`] returns it.
    pub code: &'static str,
    /// `assessment` (the input assessment is wrong), `rubric` (no such
    /// edition, or a rubric file is wrong), `vector`, `options`, `batch`,
    /// `plan`, `arithmetic` or `io`.
    pub family: &'static str,
    /// What it means.
    pub summary: &'static str,
}

macro_rules! codes {
    ($(($code:literal, $family:literal, $summary:literal)),* $(,)?) => {
        /// Every error code, with its family and meaning.
        pub const ERROR_CODES: &[ErrorCode] = &[$(ErrorCode { code: $code, family: $family, summary: $summary }),*];
    };
}

codes![
    (
        "invalid_assessment",
        "assessment",
        "well-formed JSON of the wrong shape (unknown field, both levels and tracks, ...)"
    ),
    (
        "malformed_json",
        "assessment",
        "input that is not well-formed JSON"
    ),
    (
        "unknown_indicator",
        "assessment",
        "an indicator id the rubric does not have"
    ),
    (
        "level_out_of_range",
        "assessment",
        "a value outside the indicator's scale"
    ),
    (
        "non_integer_level",
        "assessment",
        "a fractional number where whole levels are expected"
    ),
    (
        "invalid_level_type",
        "assessment",
        "a value that is not a number (or not a decimal or fraction)"
    ),
    (
        "too_many_decimals",
        "assessment",
        "a decimal with more places than are kept exactly"
    ),
    (
        "not_repeatable",
        "assessment",
        "a list of levels for an indicator that takes one"
    ),
    (
        "wrong_item_count",
        "assessment",
        "too few or too many service items (2018 indicator 35)"
    ),
    (
        "duplicate_indicator",
        "assessment",
        "the same indicator twice in one object"
    ),
    (
        "missing_indicator",
        "assessment",
        "indicators without a level under the official policy"
    ),
    (
        "no_levels",
        "assessment",
        "a track with no level at all (renormalising policy)"
    ),
    (
        "unknown_track",
        "assessment",
        "a track name that does not exist"
    ),
    (
        "track_not_present",
        "assessment",
        "a track the assessment does not have"
    ),
    (
        "rubric_mismatch",
        "assessment",
        "an assessment for another rubric than the one given"
    ),
    ("input_too_large", "assessment", "input over the size limit"),
    (
        "unknown_rubric",
        "rubric",
        "an edition id that is neither built in nor given"
    ),
    (
        "invalid_rubric",
        "rubric",
        "a rubric file that fails validation (every problem listed)"
    ),
    (
        "invalid_vector",
        "vector",
        "a compact vector that cannot be read"
    ),
    (
        "invalid_options",
        "options",
        "scoring options that cannot be read"
    ),
    ("invalid_batch", "batch", "batch columns of the wrong shape"),
    (
        "unreachable_target",
        "plan",
        "a plan's target that no allowed rise of levels reaches"
    ),
    (
        "arithmetic_overflow",
        "arithmetic",
        "exact arithmetic beyond 128 bits"
    ),
    (
        "io_error",
        "io",
        "a file that cannot be read, or output that cannot be written"
    ),
];

/// A serialisable summary of one [`Error`]: `{code, indicator, message}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Issue {
    /// Stable code.
    pub code: &'static str,
    /// The indicator concerned.
    pub indicator: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;
