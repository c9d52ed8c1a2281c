//! The built-in editions match the reference facts exactly, and a user's rubric
//! goes through the same validation, which reports every problem.

#![allow(clippy::type_complexity)]

use spbe_core::{builtin, Error, Ratio, Rubric, Status};

#[cfg(test)]
fn r(s: &str) -> Ratio {
    Ratio::parse_decimal(s).expect("decimal")
}

/// (domain id, weight, [(aspect id, weight, first indicator, last indicator, indicator weight)])
type Table = &'static [(
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, u32, u32, &'static str)],
)];

// PermenPANRB 59/2020 Tabel 7, 8, 9.
const T2020: Table = &[
    ("1", "13", &[("1", "13", 1, 10, "1.30")]),
    (
        "2",
        "25",
        &[
            ("2", "10", 11, 14, "2.50"),
            ("3", "10", 15, 18, "2.50"),
            ("4", "5", 19, 20, "2.50"),
        ],
    ),
    (
        "3",
        "16.5",
        &[("5", "12", 21, 28, "1.50"), ("6", "4.5", 29, 31, "1.50")],
    ),
    (
        "4",
        "45.5",
        &[("7", "27.5", 32, 41, "2.75"), ("8", "18", 42, 47, "3.00")],
    ),
];
// PermenPANRB 5/2018, reference A.2.
const T2018: Table = &[
    ("1", "17", &[("1", "7", 1, 7, "1"), ("2", "10", 8, 17, "1")]),
    (
        "2",
        "28",
        &[
            ("3", "8", 18, 19, "4"),
            ("4", "8", 20, 21, "4"),
            ("5", "12", 22, 24, "4"),
        ],
    ),
    (
        "3",
        "55",
        &[("6", "35", 25, 31, "5"), ("7", "20", 32, 35, "5")],
    ),
];

#[cfg(test)]
fn check_table(id: &str, t: Table) {
    let rb = builtin(id).expect("builtin");
    let doms = rb.domains();
    assert_eq!(doms.len(), t.len(), "{id} domain count");
    for (d, (did, dw, aspects)) in doms.iter().zip(t) {
        assert_eq!(
            (d.id.as_str(), d.weight.value()),
            (*did, r(dw)),
            "{id} domain {did}"
        );
        assert_eq!(d.aspects.len(), aspects.len());
        for (a, (aid, aw, lo, hi, iw)) in d.aspects.iter().zip(*aspects) {
            assert_eq!(
                (a.id.as_str(), a.weight.value()),
                (*aid, r(aw)),
                "{id} aspect {aid}"
            );
            let ids: Vec<String> = a.indicators.iter().map(|i| i.id.clone()).collect();
            let want: Vec<String> = (*lo..=*hi).map(|i| i.to_string()).collect();
            assert_eq!(ids, want, "{id} aspect {aid} indicators");
            for i in &a.indicators {
                assert_eq!(i.weight.value(), r(iw), "{id} indicator {}", i.id);
            }
        }
    }
}

#[test]
fn permenpanrb_59_2020_structure_and_weights() {
    check_table("permenpanrb-59-2020", T2020);
    let rb = builtin("permenpanrb-59-2020").unwrap();
    assert_eq!(rb.spec().status, Status::Official);
    // two scales: process for 1-31, service for 32-47, with the official level names
    for (_, _, i) in rb.indicators() {
        let n: u32 = i.id.parse().unwrap();
        assert_eq!(
            i.scale,
            if n <= 31 { "proses" } else { "layanan" },
            "indicator {n}"
        );
        assert_eq!(
            i.criteria.as_ref().map(Vec::len),
            Some(5),
            "235 criteria: indicator {n}"
        );
        assert!(
            i.question.as_ref().is_some_and(|q| q.starts_with("Apakah")),
            "question {n}"
        );
    }
    let names = |s: &str| {
        rb.scale(s)
            .unwrap()
            .levels
            .iter()
            .map(|l| l.name.clone().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("proses"),
        [
            "Rintisan",
            "Terkelola",
            "Terdefinisi",
            "Terpadu dan Terukur",
            "Optimum"
        ]
    );
    assert_eq!(
        names("layanan"),
        [
            "Informasi",
            "Interaksi",
            "Transaksi",
            "Kolaborasi",
            "Optimum"
        ]
    );
    // spot checks of the official text
    let (_, a, i1) = rb.indicator("1").unwrap();
    assert_eq!(a.name, "Kebijakan Internal Tata Kelola SPBE");
    assert_eq!(
        i1.name,
        "Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah"
    );
    assert!(i1.criteria.as_ref().unwrap()[0]
        .starts_with("Konsep kebijakan internal terkait Arsitektur SPBE"));
    let (_, a6, _) = rb.indicator("29").unwrap();
    assert_eq!(a6.name, "Pelaksanaan Audit TIK");
    let (_, _, i44) = rb.indicator("44").unwrap();
    assert_eq!(
        i44.name,
        "Tingkat Kematangan Jaringan Dokumentasi dan Informasi Hukum (JDIH)"
    );
    // the indicator 3 row shift is kept as printed
    let (_, _, i3) = rb.indicator("3").unwrap();
    assert!(i3.criteria.as_ref().unwrap()[2].starts_with("Kondisi:"));
    assert!(i3.criteria.as_ref().unwrap()[3].starts_with("Kriteria tingkat 2 telah terpenuhi"));
    // predicates, Tabel 13
    let bands: Vec<(&str, Ratio, Ratio)> = rb
        .predicates()
        .iter()
        .map(|b| (b.name.as_str(), b.min.value(), b.max.value()))
        .collect();
    assert_eq!(
        bands,
        [
            ("Kurang", r("1"), r("1.8")),
            ("Cukup", r("1.8"), r("2.6")),
            ("Baik", r("2.6"), r("3.5")),
            ("Sangat Baik", r("3.5"), r("4.2")),
            ("Memuaskan", r("4.2"), r("5"))
        ]
    );
    assert_eq!(rb.level_range(), (1, 5));
}

#[test]
fn permenpanrb_5_2018_structure_and_weights() {
    check_table("permenpanrb-5-2018", T2018);
    let rb = builtin("permenpanrb-5-2018").unwrap();
    assert_eq!(rb.spec().status, Status::Reconstructed);
    assert_eq!(rb.level_range(), (0, 5));
    let (_, _, i35) = rb.indicator("35").unwrap();
    assert_eq!(i35.items.map(|i| (i.min, i.max)), Some((1, 3)));
    assert_eq!(
        rb.indicators()
            .iter()
            .filter(|(_, _, i)| i.items.is_some())
            .count(),
        1
    );
    assert_eq!(rb.slot_names().len(), 37);
    let service: Vec<_> = rb
        .scale("layanan")
        .unwrap()
        .levels
        .iter()
        .filter_map(|l| l.name.clone())
        .collect();
    assert_eq!(
        service,
        [
            "Informasi",
            "Interaksi",
            "Transaksi",
            "Kolaborasi",
            "Optimalisasi"
        ]
    );
    let bands: Vec<(&str, Ratio)> = rb
        .predicates()
        .iter()
        .map(|b| (b.name.as_str(), b.min.value()))
        .collect();
    assert_eq!(
        bands,
        [
            ("Kurang", r("0")),
            ("Cukup", r("1.8")),
            ("Baik", r("2.6")),
            ("Sangat Baik", r("3.5")),
            ("Memuaskan", r("4.2"))
        ]
    );
}

#[test]
fn permenpanrb_8_2026_structure_weights_and_bands() {
    let rb = builtin("permenpanrb-8-2026").unwrap();
    assert_eq!(rb.spec().status, Status::Official);
    // Tabel 4: the printed "<" is underlined, i.e. bands are closed above
    assert_eq!(
        rb.band_bounds(),
        spbe_core::rubric::BandBounds::UpperInclusive
    );
    // one continuous scale from 1 to 5, whose ranges are the predicate bands
    let scale = rb.scale(&rb.indicators()[0].2.scale).unwrap();
    assert!(scale.continuous);
    let ranges: Vec<(Option<&str>, Ratio, Ratio)> = scale
        .levels
        .iter()
        .map(|l| {
            (
                l.label.as_deref(),
                l.min.as_ref().unwrap().value(),
                l.max.as_ref().unwrap().value(),
            )
        })
        .collect();
    assert_eq!(
        ranges,
        [
            (Some("Merintis"), r("1"), r("1.5")),
            (Some("Membangun"), r("1.5"), r("2.5")),
            (Some("Berkembang"), r("2.5"), r("3.5")),
            (Some("Melembaga"), r("3.5"), r("4")),
            (Some("Unggul"), r("4"), r("5")),
        ]
    );
    // every indicator carries the official content: five range criteria, a
    // description, Instansi Pembina and Peran Fungsi
    for (_, _, i) in rb.indicators() {
        assert_eq!(i.criteria.as_ref().map(Vec::len), Some(5), "{}", i.id);
        assert!(
            i.description.as_ref().is_some_and(|d| !d.is_empty()),
            "{}",
            i.id
        );
        assert!(
            !i.instansi_pembina.is_empty() && !i.peran_fungsi.is_empty(),
            "{}",
            i.id
        );
    }
    // scored from other agencies' indices: I5 SDI, I6 SJIG, I7 IPS (with their
    // printed ranges); I10-I12 cite IKASANDI; I18 has none
    let ext = |id: &str| rb.indicator(id).unwrap().2.external.clone();
    for (id, index, n) in [
        ("5", "SDI", 5),
        ("6", "SJIG", 5),
        ("7", "IPS", 5),
        ("10", "IKASANDI", 0),
        ("11", "IKASANDI", 0),
        ("12", "IKASANDI", 0),
    ] {
        let e = ext(id).unwrap();
        assert_eq!((e.index.as_str(), e.ranges.len()), (index, n), "{id}");
    }
    assert!(ext("18").is_none());
    // I13: Tabel 1 says 5 %, its own table 4 %; the anomaly stays visible
    let i13 = rb.indicator("13").unwrap().2;
    assert_eq!(i13.weight.value(), r("5"));
    assert!(
        i13.anomalies.iter().any(|a| a.contains("4%")),
        "{:?}",
        i13.anomalies
    );
    assert!(!rb.has_domains());
    let want: &[(&str, &str, &[(&str, &str)])] = &[
        ("1", "10", &[("1", "5"), ("2", "5")]),
        ("2", "10", &[("3", "5"), ("4", "5")]),
        ("3", "15", &[("5", "5"), ("6", "3"), ("7", "3"), ("8", "4")]),
        (
            "4",
            "15",
            &[("9", "4"), ("10", "4"), ("11", "3"), ("12", "4")],
        ),
        ("5", "10", &[("13", "5"), ("14", "5")]),
        (
            "6",
            "15",
            &[("15", "4"), ("16", "4"), ("17", "4"), ("18", "3")],
        ),
        ("7", "25", &[("19", "10"), ("20", "15")]),
    ];
    let aspects = rb.aspects();
    assert_eq!(aspects.len(), 7);
    for ((dom, a), (aid, aw, inds)) in aspects.iter().zip(want) {
        assert!(dom.is_none());
        assert_eq!((a.id.as_str(), a.weight.value()), (*aid, r(aw)));
        let got: Vec<(&str, Ratio)> = a
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i.weight.value()))
            .collect();
        let exp: Vec<(&str, Ratio)> = inds.iter().map(|(i, w)| (*i, r(w))).collect();
        assert_eq!(got, exp, "aspect {aid}");
    }
    let bands: Vec<(&str, Option<&str>, Ratio, Ratio)> = rb
        .predicates()
        .iter()
        .map(|b| {
            (
                b.name.as_str(),
                b.label.as_deref(),
                b.min.value(),
                b.max.value(),
            )
        })
        .collect();
    assert_eq!(
        bands,
        [
            ("Kurang", Some("Merintis"), r("1"), r("1.5")),
            ("Cukup", Some("Membangun"), r("1.5"), r("2.5")),
            ("Baik", Some("Berkembang"), r("2.5"), r("3.5")),
            ("Sangat Baik", Some("Melembaga"), r("3.5"), r("4")),
            ("Memuaskan", Some("Unggul"), r("4"), r("5")),
        ]
    );
}

#[test]
fn builtin_files_round_trip_through_the_spec() {
    for id in spbe_core::builtin_ids() {
        let rb = builtin(id).unwrap();
        let again = Rubric::from_json(&serde_json::to_string(rb).unwrap()).unwrap();
        assert_eq!(&again, rb, "{id}");
    }
}

#[cfg(test)]
fn problems(json: &str) -> Vec<(&'static str, String)> {
    match Rubric::from_json(json) {
        Err(Error::InvalidRubric { problems, .. }) => {
            problems.into_iter().map(|p| (p.code, p.path)).collect()
        }
        other => panic!("expected invalid_rubric, got {other:?}"),
    }
}

const SCALE: &str =
    r#"[{"id": "s", "name": "S", "levels": [{"level": 1}, {"level": 2}, {"level": 3}]}]"#;
const BANDS: &str =
    r#"[{"name": "Low", "min": 1, "max": 2}, {"name": "High", "min": 2, "max": 3}]"#;

#[test]
fn a_valid_custom_rubric_scores() {
    let json = format!(
        r#"{{"id": "my-rubric", "title": "Mine", "status": "custom", "scales": {SCALE}, "band_bounds": "lower_inclusive", "predicates": {BANDS},
            "aspects": [{{"id": "A", "name": "A", "weight": 60, "indicators": [{{"id": "a1", "name": "a1", "weight": 30, "scale": "s"}}, {{"id": "a2", "name": "a2", "weight": "30.0", "scale": "s"}}]}},
                        {{"id": "B", "name": "B", "weight": 40.0, "indicators": [{{"id": "b1", "name": "b1", "weight": 40, "scale": "s"}}]}}]}}"#
    );
    let rb = Rubric::from_json(&json).expect("valid");
    let a = spbe_core::Assessment::from_json(
        r#"{"rubric": "my-rubric", "levels": {"a1": 1, "a2": 2, "b1": 3}}"#,
    )
    .unwrap();
    let rep = spbe_core::score_with(&a, &rb, &Default::default()).unwrap();
    // (60 * 1.5 + 40 * 3) / 100 = 2.1
    assert_eq!(
        (rep.index_text.as_str(), rep.predicate.as_str()),
        ("2.10", "High")
    );
    // messages about a user's rubric name its own levels (1 to 3), parsed JSON or vector alike
    let text = r#"{"rubric": "my-rubric", "levels": {"a1": "x", "a2": 2.5, "b1": 7}}"#;
    let problems = spbe_core::validate_text(text, Some(&rb), &Default::default());
    let msgs: Vec<String> = problems.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        problems.iter().map(|e| e.code()).collect::<Vec<_>>(),
        [
            "invalid_level_type",
            "non_integer_level",
            "level_out_of_range"
        ],
        "{msgs:?}"
    );
    assert!(msgs.iter().all(|m| m.contains("1 to 3")), "{msgs:?}");
    assert!(
        msgs[2].contains("my-rubric accepts a whole number from 1 to 3"),
        "{msgs:?}"
    );
    let v = spbe_core::to_vector(&a, &rb).unwrap();
    assert_eq!(
        spbe_core::score_text(&v, Some(&rb), &Default::default()).unwrap(),
        rep
    );
}

#[test]
fn validation_reports_every_problem() {
    let json = r#"{"id": "Bad Id", "title": "t", "status": "custom",
        "scales": [{"id": "s", "name": "S", "levels": [{"level": 1, "criteria": "x"}, {"level": 3}]},
                   {"id": "s", "name": "dup", "levels": [{"level": 1}, {"level": 2}]}],
        "band_bounds": "lower_inclusive", "predicates": [{"name": "Low", "min": 1, "max": 2}, {"name": "Low", "min": 2.5, "max": 3}, {"name": "Top", "min": 2.9, "max": 4}],
        "domains": [
          {"id": "1", "name": "D1", "weight": 50, "aspects": [
             {"id": "1", "name": "A1", "weight": 30, "indicators": [
                {"id": "1", "name": "i1", "weight": 10, "scale": "s"},
                {"id": "1", "name": "dup", "weight": 10, "scale": "nope"}]},
             {"id": "1", "name": "dup aspect", "weight": 10, "indicators": [
                {"id": "2", "name": "i2", "weight": 10, "scale": "s", "criteria": ["only one"], "items": {"min": 0, "max": 12}}]}]},
          {"id": "1", "name": "dup domain", "weight": 40, "aspects": [
             {"id": "3", "name": "A3", "weight": 40, "indicators": [{"id": "3", "name": "i3", "weight": -40, "scale": "s"}]}]}]}"#;
    let got = problems(json);
    let codes: Vec<&str> = got.iter().map(|(c, _)| *c).collect();
    for want in [
        "invalid_id",
        "duplicate_id",
        "scale_levels",
        "missing_criteria",
        "predicate_gap",
        "predicate_overlap",
        "unknown_scale",
        "items",
        "weight_sum",
        "weight_total",
        "weight_not_positive",
    ] {
        assert!(codes.contains(&want), "{want} missing from {got:#?}");
    }
    // duplicates at every level: scale, indicator, aspect, domain, predicate name
    assert!(
        codes.iter().filter(|c| **c == "duplicate_id").count() >= 5,
        "{got:#?}"
    );
}

#[test]
fn hierarchy_and_coverage_problems() {
    let both = format!(
        r#"{{"id": "x", "title": "t", "status": "custom", "scales": {SCALE}, "band_bounds": "lower_inclusive", "predicates": {BANDS}, "domains": [], "aspects": []}}"#
    );
    assert!(problems(&both).iter().any(|(c, _)| *c == "hierarchy"));
    let gap_low = format!(
        r#"{{"id": "x", "title": "t", "status": "custom", "scales": {SCALE}, "band_bounds": "lower_inclusive", "predicates": [{{"name": "A", "min": 1.5, "max": 2.9}}],
            "aspects": [{{"id": "A", "name": "A", "weight": 100, "indicators": [{{"id": "1", "name": "1", "weight": 100, "scale": "s"}}]}}]}}"#
    );
    let p = problems(&gap_low);
    assert_eq!(
        p.iter().filter(|(c, _)| *c == "predicate_coverage").count(),
        2,
        "{p:?}"
    );
    let many_decimals = format!(
        r#"{{"id": "x", "title": "t", "status": "custom", "scales": {SCALE}, "band_bounds": "lower_inclusive", "predicates": {BANDS},
            "aspects": [{{"id": "A", "name": "A", "weight": "100.0000001", "indicators": [{{"id": "1", "name": "1", "weight": "100.0000001", "scale": "s"}}]}}]}}"#
    );
    assert!(problems(&many_decimals)
        .iter()
        .any(|(c, _)| *c == "weight_precision" || *c == "weight_too_large"));
    // a syntax error is reported as malformed JSON, a wrong field as invalid
    assert_eq!(Rubric::from_json("{").unwrap_err().code(), "malformed_json");
    assert_eq!(
        Rubric::from_json(r#"{"id": "x", "titel": "t"}"#)
            .unwrap_err()
            .code(),
        "invalid_rubric"
    );
}

/// PermenPANRB 59/2020 Tabel 12: domain indices 3.70, 3.40, 3.00 and 3.20 with
/// weights 13, 25, 16.5 and 45.5 give 1/100 x 328.20 = 3.282, reported 3.28.
/// Domain 4 = 3.20 cannot come from integer levels of the 59/2020 indicators
/// (2.75 and 3.00 weights), so the same domain weights are set up here with ten
/// equal indicators per domain, where 3.7 = (7x4 + 3x3)/10 and so on.
#[test]
fn permen_tabel_12_aggregation() {
    let domain = |id: &str, w: &str, each: &str| -> String {
        let inds: Vec<String> = (1..=10)
            .map(|k| {
                format!(r#"{{"id": "{id}-{k}", "name": "i", "weight": "{each}", "scale": "s"}}"#)
            })
            .collect();
        format!(
            r#"{{"id": "{id}", "name": "D{id}", "weight": "{w}", "aspects": [{{"id": "a{id}", "name": "A", "weight": "{w}", "indicators": [{}]}}]}}"#,
            inds.join(",")
        )
    };
    let json = format!(
        r#"{{"id": "tabel-12", "title": "t", "status": "custom",
            "scales": [{{"id": "s", "name": "S", "levels": [{{"level": 1}}, {{"level": 2}}, {{"level": 3}}, {{"level": 4}}, {{"level": 5}}]}}],
            "band_bounds": "lower_inclusive", "predicates": [{{"name": "Kurang", "min": 1, "max": 1.8}}, {{"name": "Cukup", "min": 1.8, "max": 2.6}}, {{"name": "Baik", "min": 2.6, "max": 3.5}},
                           {{"name": "Sangat Baik", "min": 3.5, "max": 4.2}}, {{"name": "Memuaskan", "min": 4.2, "max": 5}}],
            "domains": [{}, {}, {}, {}]}}"#,
        domain("1", "13", "1.3"),
        domain("2", "25", "2.5"),
        domain("3", "16.5", "1.65"),
        domain("4", "45.5", "4.55")
    );
    let rb = Rubric::from_json(&json).unwrap();
    // fours per domain: 7 (3.7), 4 (3.4), 0 (3.0), 2 (3.2); the rest threes
    let fours = [("1", 7), ("2", 4), ("3", 0), ("4", 2)];
    let levels = fours
        .iter()
        .flat_map(|(d, n)| {
            (1..=10).map(move |k| {
                (
                    format!("{d}-{k}"),
                    spbe_core::Level::int(if k <= *n { 4 } else { 3 }),
                )
            })
        })
        .collect::<Vec<_>>();
    let rep = spbe_core::score_with(
        &spbe_core::Assessment::with_levels("tabel-12", levels),
        &rb,
        &Default::default(),
    )
    .unwrap();
    let doms: Vec<Option<f64>> = rep.domains.iter().map(|d| d.index).collect();
    assert_eq!(doms, [Some(3.7), Some(3.4), Some(3.0), Some(3.2)]);
    assert_eq!(
        (
            rep.index_exact.as_str(),
            rep.index_text.as_str(),
            rep.predicate.as_str()
        ),
        ("3.282", "3.28", "Baik")
    );
}

/// A rubric states its band bounds: nothing is assumed, and an
/// upper-inclusive rubric classifies a value on an edge into the band below.
#[test]
fn band_bounds_are_stated_and_applied() {
    let body = |bounds: &str| {
        format!(
            r#"{{"id": "edge", "title": "t", "status": "custom", "scales": {SCALE}{bounds}, "predicates": {BANDS},
                "aspects": [{{"id": "A", "name": "A", "weight": 100, "indicators": [{{"id": "a", "name": "a", "weight": 100, "scale": "s"}}]}}]}}"#
        )
    };
    let e = Rubric::from_json(&body("")).unwrap_err();
    assert!(
        e.to_string()
            .contains("add \"band_bounds\": \"lower_inclusive\""),
        "{e}"
    );
    let at_edge = r#"{"rubric": "edge", "levels": {"a": 2}}"#;
    let lower = Rubric::from_json(&body(r#", "band_bounds": "lower_inclusive""#)).unwrap();
    let upper = Rubric::from_json(&body(r#", "band_bounds": "upper_inclusive""#)).unwrap();
    let pred = |rb: &Rubric| {
        spbe_core::score_text(at_edge, Some(rb), &Default::default())
            .unwrap()
            .predicate
    };
    // 2 is the edge between Low [1, 2] and High: High when bands include their
    // minimum, Low when they include their maximum
    assert_eq!(pred(&lower), "High");
    assert_eq!(pred(&upper), "Low");
}

/// A rubric of 50,000 indicators with nothing filled, or with 20,000 unknown
/// keys: linear work, and messages that stay short (the first ids and a count,
/// not every id).
#[test]
fn large_rubrics_give_bounded_errors() {
    let n = 50_000;
    let inds: Vec<String> = (0..n)
        .map(|k| format!(r#"{{"id": "i{k}", "name": "x", "weight": "0.002", "scale": "s"}}"#))
        .collect();
    let json = format!(
        r#"{{"id": "big", "title": "t", "status": "custom", "scales": {SCALE}, "band_bounds": "lower_inclusive", "predicates": {BANDS},
            "aspects": [{{"id": "A", "name": "A", "weight": 100, "indicators": [{}]}}]}}"#,
        inds.join(",")
    );
    let rb = Rubric::from_json(&json).unwrap();
    let e = spbe_core::score_text(
        r#"{"rubric": "big", "levels": {}}"#,
        Some(&rb),
        &Default::default(),
    )
    .unwrap_err();
    let msg = e.to_string();
    assert_eq!(e.code(), "missing_indicator");
    assert!(msg.len() < 600 && msg.contains("(50000 in all)"), "{msg}");
    let unknown: Vec<String> = (0..20_000).map(|k| format!("\"u{k}\": 1")).collect();
    let text = format!(
        r#"{{"rubric": "big", "levels": {{{}}}}}"#,
        unknown.join(",")
    );
    let problems = spbe_core::validate_text(&text, Some(&rb), &Default::default());
    // the first 100 unknown keys, a count of the other 19,900, then the missing ones
    let codes: Vec<&str> = problems.iter().map(Error::code).collect();
    assert_eq!(problems.len(), spbe_core::MAX_PER_KIND + 2, "{codes:?}");
    assert!(codes[..101].iter().all(|c| *c == "unknown_indicator"));
    assert_eq!(codes[101], "missing_indicator");
    assert_eq!(
        problems[100],
        Error::More {
            code: "unknown_indicator",
            count: 19_900
        }
    );
    assert_eq!(
        problems[100].to_string(),
        "... and 19900 more unknown_indicator problem(s), not listed"
    );
    assert_eq!(problems[0].indicator(), Some("u0"));
    assert!(problems.iter().all(|p| p.to_string().len() < 600));
    // check lists the same bounded problems
    let checked = spbe_core::check_text(&text, Some(&rb), &Default::default());
    assert_eq!(checked.issues.map(|i| i.len()), Some(102));
    // a rubric with 50,000 weightless indicators: 100 problems of the kind and a count
    let zero = json.replace(r#""weight": "0.002""#, r#""weight": "0""#);
    let Err(Error::InvalidRubric { problems, .. }) = Rubric::from_json(&zero) else {
        panic!("expected invalid_rubric");
    };
    let of_kind: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "weight_not_positive")
        .collect();
    assert_eq!(of_kind.len(), spbe_core::MAX_PER_KIND + 1);
    assert_eq!(
        of_kind[100].message,
        "... and 49900 more weight_not_positive problem(s), not listed"
    );
}

/// A weight is read from its digits: 5.0000000000000000001 is not 5, and has
/// more decimals than a weight may have, so the rubric is refused (issue 10 #7).
#[test]
fn weights_are_read_from_their_digits() {
    let json = format!(
        r#"{{"id": "w", "title": "t", "status": "custom", "scales": {SCALE}, "band_bounds": "lower_inclusive", "predicates": {BANDS},
            "aspects": [{{"id": "A", "name": "A", "weight": 100, "indicators": [
                {{"id": "a", "name": "a", "weight": 95, "scale": "s"}},
                {{"id": "b", "name": "b", "weight": 5.0000000000000000001, "scale": "s"}}]}}]}}"#
    );
    let e = Rubric::from_json(&json).unwrap_err();
    assert_eq!(e.code(), "invalid_rubric");
    assert!(e.to_string().contains("5.0000000000000000001"), "{e}");
}

/// Issue 10 #8: renormalising over the present indicators can need more than
/// 128 bits on a valid custom rubric. Six aspects whose two present
/// indicators weigh a different prime number of millionths (10.000019 ...)
/// give aspect indices over six different primes near 10^7, whose common
/// denominator (~10^42) is past i128 (~1.7 * 10^38); the error must say so
/// and what to do, not blame the weights' digits.
#[test]
fn renormalising_overflow_names_its_cause() {
    let primes = [
        10_000_019u64,
        10_000_079,
        10_000_103,
        10_000_121,
        10_000_139,
        10_000_141,
    ];
    let totals = [
        16_666_667u64,
        16_666_667,
        16_666_667,
        16_666_667,
        16_666_666,
        16_666_666,
    ];
    assert_eq!(totals.iter().sum::<u64>(), 100_000_000);
    let pct = |u: u64| format!("{}.{:06}", u / 1_000_000, u % 1_000_000);
    let mut aspects = Vec::new();
    let mut levels = Vec::new();
    for (k, (p, t)) in primes.iter().zip(totals).enumerate() {
        let (w1, w2, w3) = (1, p - 1, t - p);
        aspects.push(format!(
            r#"{{"id": "A{k}", "name": "A{k}", "weight": "{}", "indicators": [
                {{"id": "{k}a", "name": "x", "weight": "{}", "scale": "s"}},
                {{"id": "{k}b", "name": "y", "weight": "{}", "scale": "s"}},
                {{"id": "{k}c", "name": "z", "weight": "{}", "scale": "s"}}]}}"#,
            pct(t),
            pct(w1),
            pct(w2),
            pct(w3)
        ));
        levels.push(format!(r#""{k}a": 1, "{k}b": 3"#));
    }
    let json = format!(
        r#"{{"id": "primes", "title": "t", "status": "custom", "scales": {SCALE}, "band_bounds": "lower_inclusive", "predicates": {BANDS}, "aspects": [{}]}}"#,
        aspects.join(",")
    );
    let rb = Rubric::from_json(&json).expect("a valid rubric");
    let text = format!(
        r#"{{"rubric": "primes", "levels": {{{}}}}}"#,
        levels.join(",")
    );
    let opts = spbe_core::Options {
        missing: spbe_core::MissingPolicy::Renormalize,
        ..Default::default()
    };
    let e = spbe_core::score_text(&text, Some(&rb), &opts).unwrap_err();
    assert_eq!(e.code(), "arithmetic_overflow", "{e}");
    let msg = e.to_string();
    assert!(msg.contains("renormalis"), "{msg}");
    assert!(
        msg.contains("--missing lowest") || msg.contains("missing indicators"),
        "{msg}"
    );
    assert!(!msg.contains("too many digits"), "{msg}");
    // the batch says the same for the same row (slots in rubric order: a, b, c per aspect)
    let mut columns: Vec<Vec<i64>> = Vec::new();
    for _ in 0..6 {
        columns.extend([vec![1], vec![3], vec![spbe_core::batch::MISSING]]);
    }
    let e = spbe_core::batch::score_columns(&rb, &columns, &opts, Default::default()).unwrap_err();
    assert_eq!(e.code(), "arithmetic_overflow", "{e}");
    assert!(e.to_string().contains("renormalis"), "{e}");
    // the same assessment with every indicator present scores (denominators
    // are then the aspects' own weights and cancel)
    let full = text.replace(r#""0a": 1"#, r#""0a": 1, "0c": 2"#);
    let opts_lowest = spbe_core::Options {
        missing: spbe_core::MissingPolicy::Lowest,
        ..Default::default()
    };
    assert!(spbe_core::score_text(&full, Some(&rb), &opts_lowest).is_ok());
}
