//! One test per class of rejected input, with the stable code and a message that
//! names the indicator, the value given and what would be valid.

#![allow(clippy::type_complexity)]

use spbe_core::{score_text, validate_text, Error, Options};

#[cfg(test)]
fn score_json(text: &str, o: &Options) -> Result<spbe_core::Report, Error> {
    score_text(text, None, o)
}

#[cfg(test)]
fn validate(text: &str, o: &Options) -> Vec<Error> {
    validate_text(text, None, o)
}

fn full_2020(level: u8) -> String {
    (1..=47)
        .map(|i| format!("\"{i}\": {level}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
fn err(json: &str) -> Error {
    score_text(json, None, &Options::default()).expect_err("should be rejected")
}

#[test]
fn malformed_json() {
    let e = err(r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 3,}"#);
    assert_eq!(e.code(), "malformed_json");
    assert!(e.to_string().contains("line 1"), "{e}");
    let e = err("");
    assert_eq!(e.code(), "malformed_json");
}

#[test]
fn unknown_rubric_lists_the_valid_ones() {
    let e = err(r#"{"rubric": "permenpanrb-59-2021", "levels": {"1": 3}}"#);
    assert_eq!(e.code(), "unknown_rubric");
    let m = e.to_string();
    assert!(
        m.contains("permenpanrb-59-2021")
            && m.contains("permenpanrb-59-2020")
            && m.contains("permenpanrb-5-2018"),
        "{m}"
    );
}

#[test]
fn unknown_indicator_names_the_valid_range() {
    let e = err(&format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}, "48": 3}}}}"#,
        full_2020(3)
    ));
    assert_eq!((e.code(), e.indicator()), ("unknown_indicator", Some("48")));
    assert!(e.to_string().contains("\"1\" to \"47\""), "{e}");
}

#[test]
fn level_out_of_range_names_value_and_range() {
    let e = err(&format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}, "12": 9}}}}"#,
        full_2020(3).replace("\"12\": 3, ", "")
    ));
    assert_eq!(
        (e.code(), e.indicator()),
        ("level_out_of_range", Some("12"))
    );
    let m = e.to_string();
    assert!(m.contains("level 9") && m.contains("1 to 5"), "{m}");
    // 2018 accepts 0, 2020 does not
    let e = err(&format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}, "12": 0}}}}"#,
        full_2020(3).replace("\"12\": 3, ", "")
    ));
    assert_eq!(e.code(), "level_out_of_range");
    let e = err(r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": -3}}"#);
    assert_eq!(e.code(), "level_out_of_range");
    // whole numbers beyond 64 bits are out of range too, and the message says
    // which value and which rubric (not a saturated number or an empty name)
    for (v, shown) in [
        ("18446744073709551615", "18446744073709551615"),
        ("99999999999999999999", "99999999999999999999"),
    ] {
        let e = err(&format!(
            r#"{{"rubric": "permenpanrb-59-2020", "levels": {{"1": {v}}}}}"#
        ));
        assert_eq!(e.code(), "level_out_of_range", "{v}");
        assert!(
            e.to_string().contains(&format!(
                "level {shown} is out of range; permenpanrb-59-2020 accepts a whole number from 1 to 5"
            )),
            "{e}"
        );
    }
}

#[test]
fn no_levels_at_all() {
    use spbe_core::MissingPolicy;
    let o = Options {
        missing: MissingPolicy::Renormalize,
        ..Options::default()
    };
    let e = score_text(
        r#"{"rubric": "permenpanrb-8-2026", "levels": {}}"#,
        None,
        &o,
    )
    .unwrap_err();
    assert_eq!(e.code(), "no_levels");
    assert_eq!(
        validate(r#"{"rubric": "permenpanrb-8-2026", "levels": {}}"#, &o)[0].code(),
        "no_levels"
    );
}

#[test]
fn non_integer_and_non_number_levels() {
    for (v, code) in [
        ("3.5", "non_integer_level"),
        ("3.05", "non_integer_level"),
        ("25e-1", "non_integer_level"),
        ("3.0000000000000000000001", "non_integer_level"),
        ("\"3\"", "invalid_level_type"),
        ("true", "invalid_level_type"),
        ("{}", "invalid_level_type"),
    ] {
        let e = err(&format!(
            r#"{{"rubric": "permenpanrb-59-2020", "levels": {{"4": {v}}}}}"#
        ));
        assert_eq!((e.code(), e.indicator()), (code, Some("4")), "{v}: {e}");
        assert!(e.to_string().contains("1 to 5"), "{e}");
    }
    // a number whose value is whole is that level, however it is written
    let rest: String = (2..=47).map(|i| format!(", \"{i}\": 3")).collect();
    for v in ["3", "3.0", "3.000", "0.3e1", "30e-1"] {
        let r = score_json(
            &format!(r#"{{"rubric": "permenpanrb-59-2020", "levels": {{"1": {v}{rest}}}}}"#),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(r.index_exact, "3", "{v}");
    }
    // null is no level: a missing indicator (an error under the official policy),
    // and a null beside a level for the same indicator is still a duplicate
    let e = err(&format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{"1": null{rest}}}}}"#
    ));
    assert_eq!(
        (e.code(), e.indicator()),
        ("missing_indicator", Some("1")),
        "{e}"
    );
    let e = err(&format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{"1": null, "1": 3{rest}}}}}"#
    ));
    assert_eq!(e.code(), "duplicate_indicator", "{e}");
}

#[test]
fn wrong_item_count_for_repeatable() {
    let base: String = (1..=34).map(|i| format!("\"{i}\": 2, ")).collect();
    for items in ["[]", "[1,2,3,4]"] {
        let e = err(&format!(
            r#"{{"rubric": "permenpanrb-5-2018", "levels": {{{base}"35": {items}}}}}"#
        ));
        assert_eq!(
            (e.code(), e.indicator()),
            ("wrong_item_count", Some("35")),
            "{items}"
        );
        assert!(e.to_string().contains("1 to 3"), "{e}");
    }
    // a bare number is one service; a list for a non-repeatable indicator is refused
    assert!(score_json(
        &format!(r#"{{"rubric": "permenpanrb-5-2018", "levels": {{{base}"35": 4}}}}"#),
        &Options::default()
    )
    .is_ok());
    let e = err(r#"{"rubric": "permenpanrb-5-2018", "levels": {"1": [2, 3]}}"#);
    assert_eq!((e.code(), e.indicator()), ("not_repeatable", Some("1")));
}

#[test]
fn duplicate_keys_are_rejected_not_last_wins() {
    let json = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}, "7": 5}}}}"#,
        full_2020(3)
    );
    let e = err(&json);
    assert_eq!(
        (e.code(), e.indicator()),
        ("duplicate_indicator", Some("7"))
    );
    // the same key twice in a row, in otherwise increasing order: not "increasing"
    let json = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}}}"#,
        full_2020(3).replacen("\"7\": 3", "\"7\": 3, \"7\": 4", 1)
    );
    let e = err(&json);
    assert_eq!(
        (e.code(), e.indicator()),
        ("duplicate_indicator", Some("7"))
    );
    // also inside tracks and notes
    let json = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "tracks": {{"dokumen": {{{}, "1": 2}}}}}}"#,
        full_2020(3)
    );
    assert_eq!(err(&json).code(), "duplicate_indicator");
    let json = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}, "notes": {{"1": "a", "1": "b"}}}}"#,
        full_2020(3)
    );
    assert_eq!(err(&json).code(), "duplicate_indicator");
    // duplicate top-level fields too
    let e =
        err(r#"{"rubric": "permenpanrb-59-2020", "rubric": "permenpanrb-5-2018", "levels": {}}"#);
    assert_eq!(e.code(), "invalid_assessment", "{e}");
}

#[test]
fn missing_indicator_lists_all_missing() {
    let json = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}}}"#,
        full_2020(3)
            .replace("\"5\": 3, ", "")
            .replace("\"30\": 3, ", "")
    );
    let e = err(&json);
    assert_eq!(e.code(), "missing_indicator");
    let Error::MissingIndicators { indicators, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(indicators, &["5", "30"]);
}

#[test]
fn shape_errors() {
    for (json, what) in [
        (r#"{"rubric": "permenpanrb-59-2020"}"#, "no levels"),
        (
            r#"{"rubric": "permenpanrb-59-2020", "levels": [3, 4]}"#,
            "levels must be an object",
        ),
        (
            r#"{"rubric": "permenpanrb-59-2020", "levels": {}, "level": {}}"#,
            "unknown field",
        ),
        (r#"{"levels": {"1": 3}}"#, "rubric is required"),
        (
            r#"{"rubric": "permenpanrb-59-2020", "tracks": {}}"#,
            "empty tracks",
        ),
        (
            r#"{"rubric": "permenpanrb-59-2020", "tracks": {"reviu": {}}}"#,
            "unknown stage",
        ),
        (
            r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 3}, "year": "2024"}"#,
            "year must be a number",
        ),
        (
            r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 3}, "evidence": {"1": "not a list"}}"#,
            "evidence must be a list",
        ),
        // serde's structs also take arrays (fields by position): not here
        (
            r#"["permenpanrb-59-2020", null, null, {"1": 3}]"#,
            "an assessment given as an array",
        ),
        (
            r#"{"rubric": "permenpanrb-59-2020", "tracks": [{"1": 3}, {"1": 4}]}"#,
            "tracks given as an array",
        ),
    ] {
        assert_eq!(err(json).code(), "invalid_assessment", "{what}");
    }
}

#[test]
fn notes_for_unknown_indicators_are_rejected() {
    let json = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}, "notes": {{"99": "x"}}}}"#,
        full_2020(3)
    );
    let e = err(&json);
    assert_eq!((e.code(), e.indicator()), ("unknown_indicator", Some("99")));
}

#[test]
fn too_large_input_is_refused() {
    let big = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "institution": "{}", "levels": {{}}}}"#,
        "x".repeat(spbe_core::MAX_INPUT_BYTES)
    );
    assert_eq!(err(&big).code(), "input_too_large");
    assert_eq!(
        validate(&big, &Options::default())[0].code(),
        "input_too_large"
    );
}

#[test]
fn invalid_vectors() {
    for v in [
        "SPBE1.permenpanrb-59-2020",      // no levels
        "SPBE1.permenpanrb-59-2020.L333", // too short
        "SPBE1.permenpanrb-59-2020.Lxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // bad chars
        "SPBE1.nope.L3",                  // unknown rubric
        "SPBE1.permenpanrb-59-2020.Q1",   // unknown tag
        "SPBE1.permenpanrb-59-2020.N%%.L33333333333333333333333333333333333333333333333", // bad base64
    ] {
        let e = spbe_core::parse_text(v, None).expect_err(v);
        assert_eq!(e.code(), "invalid_vector", "{v}: {e}");
    }
    // a level out of range inside a vector is caught when scoring
    let v = format!("SPBE1.permenpanrb-59-2020.L{}", "0".repeat(47));
    assert_eq!(
        score_text(&v, None, &Options::default())
            .expect_err("0")
            .code(),
        "level_out_of_range"
    );
}

#[test]
fn validate_returns_every_problem() {
    let json = r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 7, "1": 3, "x": 2, "3": 3.5, "4": "3"}, "notes": {"77": "?"}}"#;
    let codes: Vec<&str> = validate(json, &Options::default())
        .iter()
        .map(Error::code)
        .collect::<Vec<_>>();
    for c in [
        "duplicate_indicator",
        "non_integer_level",
        "invalid_level_type",
        "level_out_of_range",
        "unknown_indicator",
        "missing_indicator",
    ] {
        assert!(codes.contains(&c), "{c} not in {codes:?}");
    }
    assert_eq!(
        codes.iter().filter(|c| **c == "unknown_indicator").count(),
        2,
        "x and notes 77: {codes:?}"
    );
    // the missing list leaves out indicators already reported as bad
    let problems = validate(json, &Options::default());
    let Some(Error::MissingIndicators { indicators, .. }) =
        problems.iter().find(|e| e.code() == "missing_indicator")
    else {
        panic!()
    };
    assert!(
        !indicators.contains(&"1".to_string())
            && !indicators.contains(&"3".to_string())
            && indicators.contains(&"2".to_string())
    );
}

#[test]
fn no_panic_on_odd_inputs() {
    for s in [
        "null",
        "[]",
        "0",
        "\"SPBE1.\"",
        "SPBE1.",
        "SPBE1..",
        "SPBE1.permenpanrb-5-2018.L~",
        "SPBE1.permenpanrb-5-2018.L~9",
        "{\"rubric\":1}",
        "\u{feff}{}",
    ] {
        let _ = score_text(s, None, &Options::default());
        let _ = validate(s, &Options::default());
    }
}

#[test]
fn options_from_json() {
    use spbe_core::{MissingPolicy, PredicateBasis, Track};
    let o = Options::from_json(
        r#"{"track": "final", "missing": "lowest", "predicate_basis": "exact"}"#,
    )
    .unwrap();
    assert_eq!(
        (o.track, o.missing, o.predicate_basis),
        (
            Some(Track::Final),
            MissingPolicy::Lowest,
            Some(PredicateBasis::Exact)
        )
    );
    assert_eq!(Options::from_json("").unwrap(), Options::default());
    assert_eq!(
        Options::from_json(r#"{"track": "reviu"}"#)
            .unwrap_err()
            .code(),
        "unknown_track"
    );
    for bad in [r#"{"missing": "guess"}"#, r#"{"colour": 1}"#, "[1]", "{"] {
        let e = Options::from_json(bad).unwrap_err();
        assert_eq!(e.code(), "invalid_options", "{bad}");
        assert!(e.to_string().contains("predicate_basis"), "{e}");
    }
}

/// Years outside 1900-2999 are refused alike everywhere (JSON, vectors,
/// options), and what `to_vector` writes can always be read back (issue 10 #5, #6).
#[test]
fn years_and_round_trip_limits() {
    let levels: String = (1..=20)
        .map(|i| format!("\"{i}\": 3"))
        .collect::<Vec<_>>()
        .join(", ");
    let e = score_json(
        &format!(r#"{{"rubric": "permenpanrb-8-2026", "year": 9007199254740993, "levels": {{{levels}}}}}"#),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_assessment");
    let v = format!(
        "SPBE1.permenpanrb-8-2026.Y9007199254740993.L{}",
        "3".repeat(20)
    );
    assert_eq!(
        score_json(&v, &Options::default()).unwrap_err().code(),
        "invalid_vector"
    );
    assert_eq!(
        spbe_core::Options::from_json(r#"{"year": 12345}"#)
            .unwrap_err()
            .code(),
        "invalid_options"
    );
    // a 13 MB note: the JSON is under the 16 MiB limit, its vector (base64,
    // 4/3 longer) would not be, so writing it is refused rather than reading it back
    let note = "x".repeat(13_000_000);
    let text = format!(
        r#"{{"rubric": "permenpanrb-8-2026", "levels": {{{levels}}}, "notes": {{"1": "{note}"}}}}"#
    );
    let written = spbe_core::ffi::vector_text(&text, None);
    assert_eq!(written.err().map(|e| e.code()), Some("input_too_large"));
}

/// Bounded echoes and counts (issue 10 #3): a huge list is echoed by its first
/// items and length; evidence references are capped alike in JSON and vectors.
#[test]
fn bounded_echoes_and_counts() {
    let items = vec!["3"; 100_000].join(",");
    let e = score_json(
        &format!(r#"{{"rubric": "permenpanrb-8-2026", "levels": {{"1": [{items}]}}}}"#),
        &Options::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string().len() < 400 && e.to_string().contains("(100000 items)"),
        "{}",
        &e.to_string()[..200]
    );
    let v = format!(
        "SPBE1.permenpanrb-8-2026.L{}.E1{}",
        "3".repeat(20),
        "~".repeat(5_000)
    );
    assert_eq!(
        score_json(&v, &Options::default()).unwrap_err().code(),
        "invalid_vector"
    );
    let refs = vec!["\"x\""; 1001].join(",");
    let levels: String = (1..=20)
        .map(|i| format!("\"{i}\": 3"))
        .collect::<Vec<_>>()
        .join(", ");
    let e = score_json(
        &format!(r#"{{"rubric": "permenpanrb-8-2026", "levels": {{{levels}}}, "evidence": {{"1": [{refs}]}}}}"#),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_assessment");
}

/// A very long list is cut while it is read (issue 10 #3: an 8M-item list
/// took about 1 GB to refuse): at most KEEP_ITEMS values are held, its full
/// length is kept for the message, and nested lists are cut too.
#[test]
fn long_lists_are_cut_while_reading() {
    let n = 300_000;
    let items = vec!["1"; n].join(",");
    let text = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{"1": [{items}], "2": [[{items}]]}}, "evidence": {{"3": [{}]}}}}"#,
        vec!["\"x\""; 2_000].join(",")
    );
    let raw: spbe_core::RawAssessment = serde_json::from_str(&text).unwrap();
    let levels = raw.levels.as_ref().unwrap();
    let kept = |i: usize| match &levels.0[i].1 {
        serde_json::Value::Array(a) => a.len(),
        _ => 0,
    };
    assert_eq!(
        (kept(0), levels.cut_length(0)),
        (spbe_core::assessment::KEEP_ITEMS, Some(n))
    );
    // the nested list is cut as well (it is refused anyway: a list is not a level)
    match &levels.0[1].1 {
        serde_json::Value::Array(outer) => assert!(
            matches!(&outer[0], serde_json::Value::Array(inner) if inner.len() == spbe_core::assessment::KEEP_ITEMS)
        ),
        other => panic!("{other:?}"),
    }
    let problems = spbe_core::validate_text(&text, None, &Options::default());
    let msgs: Vec<String> = problems
        .iter()
        .map(|e| format!("[{}] {e}", e.code()))
        .collect();
    assert!(msgs.iter().any(|m| m.starts_with("[not_repeatable] indicator 1:") && m.contains("(300000 items)")), "{msgs:?}");
    assert!(
        msgs.iter()
            .any(|m| m.contains("evidence[\"3\"] has 2000 references")),
        "{msgs:?}"
    );
    assert!(msgs.iter().all(|m| m.len() < 600), "{msgs:?}");
    // 2018's indicator 35 takes services: too many of them is a count
    let text18 = format!(r#"{{"rubric": "permenpanrb-5-2018", "levels": {{"35": [{items}]}}}}"#);
    let e = spbe_core::score_text(&text18, None, &Options::default()).unwrap_err();
    assert_eq!(e.code(), "wrong_item_count");
    assert!(e.to_string().contains("300000"), "{e}");
}
