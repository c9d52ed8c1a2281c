//! The error registry ([`spbe_core::ERROR_CODES`]) has every code an error
//! can carry, once, and nothing else.

use spbe_core::{Error, ERROR_CODES};

/// One error of every variant: its code is in the registry, and the
/// registry has nothing else and no code twice.
#[test]
fn every_code_is_registered_once() {
    let s = String::new;
    let all = [
        Error::UnknownRubric {
            id: s(),
            known: s(),
        },
        Error::UnknownIndicator {
            indicator: s(),
            rubric: s(),
            place: s(),
            valid: s(),
        },
        Error::LevelOutOfRange {
            indicator: s(),
            place: s(),
            value: s(),
            valid: s(),
            rubric: s(),
        },
        Error::NonIntegerLevel {
            indicator: s(),
            place: s(),
            value: s(),
            valid: s(),
        },
        Error::InvalidLevelType {
            indicator: s(),
            place: s(),
            value: s(),
            valid: s(),
        },
        Error::TooManyDecimals {
            indicator: s(),
            place: s(),
            value: s(),
            max_decimals: 18,
            valid: s(),
        },
        Error::NotRepeatable {
            indicator: s(),
            place: s(),
            value: s(),
            valid: s(),
        },
        Error::WrongItemCount {
            indicator: s(),
            place: s(),
            count: 0,
            min: 1,
            max: 3,
        },
        Error::DuplicateIndicator {
            indicator: s(),
            place: s(),
        },
        Error::MissingIndicators {
            indicators: vec![],
            track: s(),
            rubric: s(),
        },
        Error::NoLevels { track: s() },
        Error::MalformedJson {
            message: s(),
            line: 1,
            column: 1,
        },
        Error::InvalidAssessment { message: s() },
        Error::UnknownTrack {
            track: s(),
            valid: s(),
        },
        Error::TrackNotPresent {
            track: s(),
            available: s(),
        },
        Error::InvalidRubric {
            id: s(),
            problems: vec![],
        },
        Error::InvalidVector {
            segment: 0,
            message: spbe_core::error::VectorProblem::Prefix,
        },
        Error::InputTooLarge { size: 0, limit: 0 },
        Error::RubricMismatch {
            expected: s(),
            found: s(),
        },
        Error::InvalidOptions { message: s() },
        Error::InvalidBatch { message: s() },
        Error::Overflow {
            context: s(),
            advice: s(),
        },
        Error::UnreachableTarget {
            best: s(),
            predicate: s(),
        },
        Error::Output { message: s() },
        Error::Io {
            path: s(),
            message: s(),
        },
    ];
    let mut codes: Vec<&str> = all.iter().map(Error::code).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut registered: Vec<&str> = ERROR_CODES.iter().map(|c| c.code).collect();
    registered.sort_unstable();
    let n = registered.len();
    registered.dedup();
    assert_eq!(n, registered.len(), "a code is registered twice");
    assert_eq!(codes, registered);
    let row = Error::Row {
        row: 1,
        source: Box::new(Error::NoLevels { track: s() }),
    };
    assert_eq!(row.code(), "no_levels");
    // a count of left-out problems carries their kind's code
    let more = Error::More {
        code: "level_out_of_range",
        count: 3,
    };
    assert_eq!(more.code(), "level_out_of_range");
}
