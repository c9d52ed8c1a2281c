//! Every code of the error registry has the kind its meaning gives it
//! (`value`: a value on one indicator that cannot be scored as given;
//! `missing`: work not finished; `invalid`: the input itself is wrong), and
//! real inputs give problems of those kinds.

use spbe_core::error::VectorProblem;
use spbe_core::{validate_text, Error, IssueKind, Options, ERROR_CODES};

/// One error of every code, built by hand.
fn one_of_each() -> Vec<Error> {
    let s = |t: &str| t.to_owned();
    vec![
        Error::UnknownRubric {
            id: s("permenpanrb-1-2000"),
            known: s("permenpanrb-59-2020"),
        },
        Error::UnknownIndicator {
            indicator: s("99"),
            rubric: s("permenpanrb-59-2020"),
            place: s("levels"),
            valid: s("\"1\" to \"47\""),
        },
        Error::LevelOutOfRange {
            indicator: s("3"),
            place: s("tracks.mandiri"),
            value: s("7"),
            valid: s("a whole number from 1 to 5"),
            rubric: s("permenpanrb-59-2020"),
        },
        Error::NonIntegerLevel {
            indicator: s("3"),
            place: s("levels"),
            value: s("2.5"),
            valid: s("a whole number from 1 to 5"),
        },
        Error::InvalidLevelType {
            indicator: s("3"),
            place: s("levels"),
            value: s("\"tiga\""),
            valid: s("a whole number from 1 to 5"),
        },
        Error::TooManyDecimals {
            indicator: s("3"),
            place: s("levels"),
            value: s("1.0000000000000000001"),
            max_decimals: 18,
            valid: s("a number from 1 to 5"),
        },
        Error::NotRepeatable {
            indicator: s("34"),
            place: s("levels"),
            value: s("[1, 2]"),
            valid: s("a whole number from 0 to 5"),
        },
        Error::WrongItemCount {
            indicator: s("35"),
            place: s("levels"),
            count: 4,
            min: 1,
            max: 3,
        },
        Error::DuplicateIndicator {
            indicator: s("3"),
            place: s("levels"),
        },
        Error::MissingIndicators {
            indicators: vec![s("47")],
            track: s("levels"),
            rubric: s("permenpanrb-59-2020"),
        },
        Error::NoLevels { track: s("target") },
        Error::MalformedJson {
            message: s("EOF"),
            line: 1,
            column: 1,
        },
        Error::InvalidAssessment { message: s("x") },
        Error::UnknownTrack {
            track: s("penilaian"),
            valid: s("mandiri, target"),
        },
        Error::TrackNotPresent {
            track: s("visitasi"),
            available: s("mandiri"),
        },
        Error::InvalidRubric {
            id: s("kustom"),
            problems: vec![],
        },
        Error::InvalidVector {
            segment: 0,
            message: VectorProblem::Prefix,
        },
        Error::InputTooLarge {
            size: 20_000_000,
            limit: 16_777_216,
        },
        Error::RubricMismatch {
            expected: s("permenpanrb-59-2020"),
            found: s("permenpanrb-5-2018"),
        },
        Error::InvalidOptions { message: s("x") },
        Error::InvalidBatch { message: s("x") },
        Error::Overflow {
            context: s("a domain index"),
            advice: s("x"),
        },
        Error::UnreachableTarget {
            best: s("4.21"),
            predicate: s("Sangat Baik"),
        },
        Error::Io {
            path: s("penilaian.json"),
            message: s("x"),
        },
    ]
}

/// The kind of each code, worked out from what the code means.
fn expected(code: &str) -> Option<IssueKind> {
    use IssueKind::{Invalid, Missing, Value};
    Some(match code {
        // a value typed on one indicator that the scale does not take: out of
        // range, a fraction where whole levels are taken, not a number, more
        // decimals than kept, a list for a single level, the wrong number of
        // services; fixing the value in its field fixes it
        "level_out_of_range" | "non_integer_level" | "invalid_level_type" => Value,
        "too_many_decimals" | "not_repeatable" | "wrong_item_count" => Value,
        // work not finished: indicators still without a level, a track with
        // none yet, a track not begun
        "missing_indicator" | "no_levels" | "track_not_present" => Missing,
        // the assessment, file, options or request is itself wrong: an
        // indicator the edition lacks has no field to fix it in, a key twice
        // cannot come from a form, and the rest are about the whole input
        "unknown_indicator" | "duplicate_indicator" | "invalid_assessment" => Invalid,
        "malformed_json" | "unknown_track" | "rubric_mismatch" | "input_too_large" => Invalid,
        "unknown_rubric" | "invalid_rubric" | "invalid_vector" | "invalid_options" => Invalid,
        "invalid_batch" | "unreachable_target" | "arithmetic_overflow" | "io_error" => Invalid,
        _ => return None,
    })
}

#[test]
fn every_registered_code_has_the_kind_of_its_meaning() {
    let all = one_of_each();
    for c in ERROR_CODES {
        let want = expected(c.code).unwrap_or_else(|| panic!("{} not classified", c.code));
        assert_eq!(c.kind, want, "registry: {}", c.code);
        let e = all
            .iter()
            .find(|e| e.code() == c.code)
            .unwrap_or_else(|| panic!("no example of {}", c.code));
        assert_eq!(e.kind(), want, "{}", c.code);
        let json = serde_json::to_value(e.issue()).unwrap();
        assert_eq!(json["kind"], want.as_str(), "{}", c.code);
        // a row of a batch, and a count of problems left out, keep the kind
        let row = Error::Row {
            row: 2,
            source: Box::new(e.clone()),
        };
        assert_eq!(row.kind(), want);
        let more = Error::More {
            code: c.code,
            count: 5,
        };
        assert_eq!(more.kind(), want);
    }
    assert_eq!(
        serde_json::to_value(ERROR_CODES).unwrap()[0]["kind"],
        expected(ERROR_CODES[0].code).unwrap().as_str()
    );
}

/// The codes and kinds of the problems `validate` finds.
fn kinds(text: &str, opts: &Options) -> Vec<(&'static str, IssueKind)> {
    validate_text(text, None, opts)
        .iter()
        .map(|e| (e.code(), e.kind()))
        .collect()
}

#[test]
fn real_problems_carry_their_kind() {
    use IssueKind::{Invalid, Missing, Value};
    let r = "\"rubric\": \"permenpanrb-59-2020\"";
    // a level 7 on a 1-5 scale; an id the edition lacks; 46 indicators left
    let text = format!(r#"{{{r}, "levels": {{"1": 7, "99": 3}}}}"#);
    assert_eq!(
        kinds(&text, &Options::default()),
        [
            ("level_out_of_range", Value),
            ("unknown_indicator", Invalid),
            ("missing_indicator", Missing)
        ]
    );
    // the same level 7 given as a criterion met is no value to score
    let all: Vec<String> = (1..=47).map(|i| format!("\"{i}\": 3")).collect();
    let text = format!(
        r#"{{{r}, "levels": {{{}}}, "criteria_met": {{"3": [7]}}}}"#,
        all.join(", ")
    );
    assert_eq!(
        kinds(&text, &Options::default()),
        [("level_out_of_range", Invalid)]
    );
    // an empty track under renormalising, and a track not begun
    let opts: Options =
        Options::from_json(r#"{"missing": "renormalize", "track": "mandiri"}"#).unwrap();
    let text = format!(r#"{{{r}, "tracks": {{"mandiri": {{}}}}}}"#);
    assert_eq!(kinds(&text, &opts), [("no_levels", Missing)]);
    let opts: Options = Options::from_json(r#"{"track": "visitasi"}"#).unwrap();
    assert_eq!(kinds(&text, &opts), [("track_not_present", Missing)]);
    // 2026 takes decimals; a comma is not a number
    let text = r#"{"rubric": "permenpanrb-8-2026", "levels": {"3": "5,2"}}"#;
    assert_eq!(
        kinds(text, &Options::default()).first(),
        Some(&("invalid_level_type", Value))
    );
    assert_eq!(
        kinds("{", &Options::default()),
        [("malformed_json", Invalid)]
    );
}

#[test]
fn the_cli_lists_the_kind_of_each_problem() {
    // 8/2026: 5.2 is above the scale; the 19 other indicators have no level
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spbe"))
        .args(["validate", "-", "--format", "json", "--lang", "id"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(br#"{"rubric": "permenpanrb-8-2026", "levels": {"3": 5.2}}"#)?;
            }
            child.wait_with_output()
        })
        .unwrap();
    let issues: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<(&str, &str)> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["code"].as_str().unwrap(), i["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("level_out_of_range", "value"),
            ("missing_indicator", "missing")
        ]
    );
    // a file's problems keep the value as the JSON wrote it, with the point
    assert!(issues[0]["message"]
        .as_str()
        .unwrap()
        .contains("nilai 5.2 di luar rentang"));
}

#[test]
fn a_plans_cap_out_of_range_is_no_value_to_score() {
    // every level 3 of 59/2020; a cap of 9 for indicator 3 on its 1-5 scale
    let levels: Vec<String> = (1..=47).map(|i| format!("\"{i}\": 3")).collect();
    let text = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}}}"#,
        levels.join(", ")
    );
    let req =
        spbe_core::PlanRequest::from_json(r#"{"to": "Baik", "max_levels": {"3": 9}}"#).unwrap();
    let e = spbe_core::plan_text(&text, None, &Options::default(), &req).unwrap_err();
    assert_eq!(
        (e.code(), e.place(), e.kind()),
        ("level_out_of_range", Some("max_levels"), IssueKind::Invalid)
    );
}
