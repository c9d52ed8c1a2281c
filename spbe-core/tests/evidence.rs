//! Evidence that supports a level: `criteria_met` and the supported level.

use spbe_core::{score_text, Options, Report};

#[cfg(test)]
fn with(rubric: &str, n: usize, level: &str, extra: &str) -> String {
    let levels: Vec<String> = (1..=n).map(|i| format!("\"{i}\": {level}")).collect();
    format!(
        r#"{{"rubric": "{rubric}", "levels": {{{}}}{extra}}}"#,
        levels.join(", ")
    )
}

#[cfg(test)]
fn score(text: &str) -> Report {
    score_text(text, None, &Options::default()).unwrap()
}

#[cfg(test)]
fn support(r: &Report, id: &str) -> (Option<u8>, Option<bool>) {
    let i = r.indicators.iter().find(|i| i.id == id).unwrap();
    (i.supported_level, i.above_evidence)
}

/// 59/2020 states its criteria are cumulative: a level counts only with every
/// lower one. Every indicator claims 3.
#[test]
fn cumulative_criteria_of_2020() {
    let text = with(
        "permenpanrb-59-2020",
        47,
        "3",
        r#", "criteria_met": {"1": [1, 2, 3, 4], "2": [1, 2, 4, 5], "3": [], "4": [2, 3]}"#,
    );
    let r = score(&text);
    assert_eq!(support(&r, "1"), (Some(4), Some(false)));
    // 3 is not met: 1 and 2 are, so 2 is supported, below the claimed 3
    assert_eq!(support(&r, "2"), (Some(2), Some(true)));
    // nothing met: the lowest level (1)
    assert_eq!(support(&r, "3"), (Some(1), Some(true)));
    // 1 not met: the floor, though 2 and 3 are
    assert_eq!(support(&r, "4"), (Some(1), Some(true)));
    // no criteria given: nothing said
    assert_eq!(support(&r, "5"), (None, None));
    assert_eq!(r.above_evidence, ["2", "3", "4"]);
    // the index is the claimed one: evidence flags, it does not rescore
    assert_eq!(r.index_text, "3.00");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["indicators"][1]["supported_level"], 2);
    assert!(json["indicators"][4].get("supported_level").is_none());
}

/// 8/2026: the claimed level of a value is the range it falls in (ranges
/// include their upper bound: 1.5 is Kurang, range 1; 2.4 is Cukup, 2; 2.6 is
/// Baik, 3).
#[test]
fn ranges_of_2026() {
    let text = r#"{"rubric": "permenpanrb-8-2026", "levels": {"1": 1.5, "2": 2.4, "3": 2.6, "4": 5,
        "5": 1, "6": 1, "7": 1, "8": 1, "9": 1, "10": 1, "11": 1, "12": 1, "13": 1, "14": 1, "15": 1, "16": 1, "17": 1, "18": 1, "19": 1, "20": 1},
        "criteria_met": {"1": [1], "2": [1, 2], "3": [1, 2], "4": [1, 2, 3, 4, 5]}}"#;
    let r = score(text);
    assert_eq!(support(&r, "1"), (Some(1), Some(false)));
    assert_eq!(support(&r, "2"), (Some(2), Some(false)));
    assert_eq!(support(&r, "3"), (Some(2), Some(true)));
    assert_eq!(support(&r, "4"), (Some(5), Some(false)));
    assert_eq!(r.above_evidence, ["3"]);
}

/// 2018's indicator 35: the highest service is the claim.
#[test]
fn services_of_2018() {
    let mut text = with(
        "permenpanrb-5-2018",
        34,
        "2",
        r#", "criteria_met": {"35": [0, 1, 2, 3]}"#,
    );
    text = text.replacen(r#""1": 2"#, r#""35": [2, 4, 3], "1": 2"#, 1);
    let r = score(&text);
    assert_eq!(support(&r, "35"), (Some(3), Some(true)));
}

#[test]
fn bad_criteria_are_refused() {
    for (extra, code) in [
        (r#", "criteria_met": {"99": [1]}"#, "unknown_indicator"),
        (r#", "criteria_met": {"1": [6]}"#, "level_out_of_range"),
        (r#", "criteria_met": {"1": [0]}"#, "level_out_of_range"),
        (r#", "criteria_met": {"1": [2, 2]}"#, "invalid_assessment"),
        (r#", "criteria_met": {"1": "1,2"}"#, "invalid_assessment"),
        (r#", "criteria_met": {"1": [1.5]}"#, "invalid_assessment"),
        (
            r#", "criteria_met": {"1": [1], "1": [2]}"#,
            "duplicate_indicator",
        ),
    ] {
        let text = with("permenpanrb-59-2020", 47, "3", extra);
        let e = score_text(&text, None, &Options::default()).unwrap_err();
        assert_eq!(e.code(), code, "{extra}: {e}");
        assert!(
            e.to_string().contains("criteria_met") || code == "duplicate_indicator",
            "{e}"
        );
    }
}

/// criteria_met survives JSON -> vector -> JSON, an empty list included.
#[test]
fn criteria_round_trip_in_vectors() {
    let text = with(
        "permenpanrb-59-2020",
        47,
        "3",
        r#", "criteria_met": {"12": [1, 2, 3], "3": []}"#,
    );
    let a = spbe_core::parse_text(&text, None).unwrap();
    let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
    let v = spbe_core::to_vector(&a, rb).unwrap();
    assert!(v.ends_with(".K3~.K12~123"), "{v}");
    let back = spbe_core::from_vector(&v).unwrap();
    assert_eq!(back, a);
    assert_eq!(score(&v), score(&text));
    for bad in [".K12~321", ".K12~12a", ".K12", ".K99~1"] {
        let e = spbe_core::from_vector(&format!("{v}{bad}")).unwrap_err();
        assert_eq!(e.code(), "invalid_vector", "{bad}: {e}");
    }
}

/// A rubric whose criteria are not cumulative: the highest level met.
#[test]
fn highest_met_rule() {
    let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
    let mut spec = rb.spec().clone();
    spec.id = "highest-met".into();
    spec.status = spbe_core::Status::Custom;
    spec.criteria_rule = Some(spbe_core::rubric::CriteriaRuleSpec {
        cumulative: false,
        basis: "stated".into(),
        note: "test".into(),
    });
    let custom = spbe_core::Rubric::from_spec(spec).unwrap();
    let text = with(
        "highest-met",
        47,
        "3",
        r#", "criteria_met": {"1": [1, 3], "2": [4]}"#,
    );
    let r = score_text(&text, Some(&custom), &Options::default()).unwrap();
    assert_eq!(support(&r, "1"), (Some(3), Some(false)));
    assert_eq!(support(&r, "2"), (Some(4), Some(false)));
}
