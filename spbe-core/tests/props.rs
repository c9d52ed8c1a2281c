//! Property tests of the scoring rules.

#![allow(clippy::type_complexity)]

use proptest::prelude::*;
use spbe_core::batch::{score_columns, OnError, MISSING};
use spbe_core::value::Value;
use spbe_core::{
    builtin, score_with, Assessment, Level, MissingPolicy, Options, PredicateBasis, Ratio, Track,
    Tracks,
};

const EDITIONS: [&str; 3] = [
    "permenpanrb-5-2018",
    "permenpanrb-59-2020",
    "permenpanrb-8-2026",
];

/// Random complete levels for an edition: (indicator id, level) in rubric order;
/// the 2018 indicator 35 gets 1-3 services.
#[cfg(test)]
fn levels_for(ed: &'static str) -> impl Strategy<Value = Vec<(String, Level)>> {
    let rb = builtin(ed).unwrap();
    let (lo, hi) = rb.level_range();
    let ids: Vec<(String, bool)> = rb
        .indicators()
        .iter()
        .map(|(_, _, i)| (i.id.clone(), i.items.is_some()))
        .collect();
    let n = ids.len();
    (
        proptest::collection::vec(lo..=hi, n),
        proptest::collection::vec(lo..=hi, 1..=3),
    )
        .prop_map(move |(v, services)| {
            ids.iter()
                .zip(v)
                .map(|((id, rep), l)| {
                    (
                        id.clone(),
                        if *rep {
                            Level::ints(services.iter().map(|&s| i64::from(s)))
                        } else {
                            Level::int(i64::from(l))
                        },
                    )
                })
                .collect()
        })
}

fn any_edition() -> impl Strategy<Value = (&'static str, Vec<(String, Level)>)> {
    prop_oneof![
        levels_for(EDITIONS[0]).prop_map(|l| (EDITIONS[0], l)),
        levels_for(EDITIONS[1]).prop_map(|l| (EDITIONS[1], l)),
        levels_for(EDITIONS[2]).prop_map(|l| (EDITIONS[2], l)),
    ]
}

#[cfg(test)]
fn exact(v: &Option<spbe_core::report::Text>) -> Ratio {
    // exact strings are decimals or p/q
    let s = v.as_deref().unwrap();
    match s.split_once('/') {
        Some((p, q)) => Ratio::new(p.parse().unwrap(), q.parse().unwrap()).unwrap(),
        None => Ratio::parse_decimal(s).unwrap(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_index_is_within_the_level_range((ed, lv) in any_edition()) {
        let rb = builtin(ed).unwrap();
        let (lo, hi) = rb.level_range();
        let rep = score_with(&Assessment::with_levels(ed, lv), rb, &Options::default()).unwrap();
        let all = std::iter::once(Some(rep.index)).chain(rep.domains.iter().map(|d| d.index)).chain(rep.aspects.iter().map(|a| a.index));
        for v in all {
            let v = v.unwrap();
            prop_assert!(v >= f64::from(lo) && v <= f64::from(hi), "{v}");
        }
    }

    #[test]
    fn raising_a_level_never_lowers_any_index((ed, lv) in any_edition(), pick in any::<prop::sample::Index>()) {
        let rb = builtin(ed).unwrap();
        let (_, hi) = rb.level_range();
        let k = pick.index(lv.len());
        let mut up = lv.clone();
        match &mut up[k].1 {
            Level::One(v) => *v = Value::int((v.as_int().unwrap() + 1).min(i64::from(hi))),
            Level::Many(items) => items[0] = Value::int((items[0].as_int().unwrap() + 1).min(i64::from(hi))),
        }
        let o = Options::default();
        let a = score_with(&Assessment::with_levels(ed, lv), rb, &o).unwrap();
        let b = score_with(&Assessment::with_levels(ed, up), rb, &o).unwrap();
        prop_assert!(exact(&Some(b.index_exact.clone())) >= exact(&Some(a.index_exact.clone())));
        for (x, y) in a.domains.iter().zip(&b.domains) {
            prop_assert!(exact(&y.index_exact) >= exact(&x.index_exact));
        }
        for (x, y) in a.aspects.iter().zip(&b.aspects) {
            prop_assert!(exact(&y.index_exact) >= exact(&x.index_exact));
        }
        prop_assert!(b.index >= a.index);
    }

    #[test]
    fn all_levels_k_gives_k_everywhere(e in 0usize..3, k in 0u8..=5, services in 1usize..=3) {
        let ed = EDITIONS[e];
        let rb = builtin(ed).unwrap();
        let (lo, hi) = rb.level_range();
        prop_assume!(k >= lo && k <= hi);
        let lv = rb.indicators().iter().map(|(_, _, i)| (i.id.clone(), if i.items.is_some() { Level::ints(vec![i64::from(k); services]) } else { Level::int(i64::from(k)) })).collect::<Vec<_>>();
        let rep = score_with(&Assessment::with_levels(ed, lv), rb, &Options::default()).unwrap();
        let want = format!("{k}.00");
        prop_assert_eq!(&rep.index_text, &want);
        prop_assert_eq!(rep.index_exact, k.to_string());
        for d in &rep.domains { prop_assert_eq!(d.index, Some(f64::from(k))); }
        for a in &rep.aspects { prop_assert_eq!(a.index, Some(f64::from(k))); }
    }

    /// 59/2020: the nested formula (aspects, then domains, then /100) equals the
    /// flat Σ BI_i × NI_i / 100 over the 47 indicators, with the Tabel 9 weights
    /// written here independently, in hundredths of a percent.
    #[test]
    fn nested_equals_flat_for_2020(lv in levels_for("permenpanrb-59-2020")) {
        let weight = |i: u32| -> i128 { match i { 1..=10 => 130, 11..=20 => 250, 21..=31 => 150, 32..=41 => 275, _ => 300 } };
        let mut sum = 0i128;
        for (id, l) in &lv {
            let Level::One(v) = l else { unreachable!() };
            sum += weight(id.parse().unwrap()) * i128::from(v.as_int().unwrap());
        }
        let flat = Ratio::new(sum, 10_000).unwrap();
        let rb = builtin("permenpanrb-59-2020").unwrap();
        let nested = score_with(&Assessment::with_levels("permenpanrb-59-2020", lv), rb, &Options::default()).unwrap().exact;
        prop_assert_eq!(nested, flat);
    }

    #[test]
    fn predicate_is_monotone_in_the_index(e in 0usize..3, a in 0i128..=500, b in 0i128..=500, exact_basis in any::<bool>()) {
        let rb = builtin(EDITIONS[e]).unwrap();
        let basis = if exact_basis { PredicateBasis::Exact } else { PredicateBasis::Reported };
        let (x, y) = (Ratio::new(a.min(b), 100).unwrap(), Ratio::new(a.max(b), 100).unwrap());
        let rank = |v: Ratio| { let name = spbe_core::predicate_of(rb, v, basis).unwrap(); rb.predicates().iter().position(|p| p.name == name).unwrap() };
        prop_assert!(rank(x) <= rank(y));
        // and finer: thousandths
        let (x3, y3) = (Ratio::new(a.min(b) * 10 + 5, 1000).unwrap(), Ratio::new(a.max(b) * 10 + 5, 1000).unwrap());
        prop_assert!(rank(x3) <= rank(y3));
    }

    #[test]
    fn batch_equals_single_scoring(e in 0usize..3, raw_rows in proptest::collection::vec(proptest::collection::vec(0u8..=6, 47), 1..20), policy in 0u8..3, mode in 0u8..3) {
        let ed = EDITIONS[e];
        let rb = builtin(ed).unwrap();
        let lo = rb.level_range().0;
        // mode 0: raw (errors likely); 1: levels in range, some missing; 2: complete and in range
        let rows: Vec<Vec<u8>> = raw_rows.iter().map(|r| r.iter().map(|&v| match (mode, v) {
            (1 | 2, 0) => lo.max(v),
            (2, 6) => 3,
            _ => v,
        }).collect()).collect();
        let names = rb.slot_names();
        let opts = Options { missing: [MissingPolicy::Error, MissingPolicy::Lowest, MissingPolicy::Renormalize][usize::from(policy)], ..Options::default() };
        // 6 means "missing" in this generator; some values are out of range on purpose
        let cols: Vec<Vec<i64>> = (0..names.len()).map(|c| rows.iter().map(|r| if r[c] == 6 { MISSING } else { i64::from(r[c]) }).collect()).collect();
        let out = score_columns(rb, &cols, &opts, OnError::Collect).unwrap();
        // the same columns as f64 (NaN empty), their little-endian bytes and u8 (255 empty)
        let fcols: Vec<Vec<f64>> = cols.iter().map(|c| c.iter().map(|&v| if v == MISSING { f64::NAN } else { v as f64 }).collect()).collect();
        let bcols: Vec<Vec<[u8; 8]>> = fcols.iter().map(|c| c.iter().map(|v| v.to_le_bytes()).collect()).collect();
        let ucols: Vec<Vec<u8>> = cols.iter().map(|c| c.iter().map(|&v| if v == MISSING { u8::MAX } else { v as u8 }).collect()).collect();
        let same = |o: &spbe_core::batch::BatchOutput| -> Result<(), TestCaseError> {
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&o.index), bits(&out.index));
            prop_assert_eq!(&o.index_hundredths, &out.index_hundredths);
            prop_assert_eq!(&o.predicate, &out.predicate);
            for (x, y) in o.domains.iter().zip(&out.domains).chain(o.aspects.iter().zip(&out.aspects)) {
                prop_assert_eq!(bits(x), bits(y));
            }
            let codes = |o: &spbe_core::batch::BatchOutput| o.errors.iter().map(|(r, e)| (*r, e.code())).collect::<Vec<_>>();
            prop_assert_eq!(codes(o), codes(&out));
            Ok(())
        };
        same(&score_columns(rb, &fcols, &opts, OnError::Collect).unwrap())?;
        same(&score_columns(rb, &bcols, &opts, OnError::Collect).unwrap())?;
        same(&score_columns(rb, &ucols, &opts, OnError::Collect).unwrap())?;
        for (ri, row) in rows.iter().enumerate() {
            // the same row as an assessment
            let mut lv = Vec::new();
            let mut k = 0;
            for (_, _, ind) in rb.indicators() {
                let width = ind.items.map_or(1, |it| usize::from(it.max));
                let items: Vec<i64> = row[k..k + width].iter().filter(|v| **v != 6).map(|v| i64::from(*v)).collect();
                k += width;
                if items.is_empty() { continue; }
                lv.push((ind.id.clone(), if ind.items.is_some() { Level::ints(items) } else { Level::int(items[0]) }));
            }
            let single = score_with(&Assessment::with_levels(ed, lv), rb, &opts);
            let failed = out.errors.iter().find(|(r, _)| *r == ri);
            match (single, failed) {
                (Ok(rep), None) => {
                    prop_assert_eq!(out.index[ri], rep.index);
                    prop_assert_eq!(&rb.predicates()[usize::from(out.predicate[ri])].name, &rep.predicate);
                    for (d, col) in rep.domains.iter().zip(&out.domains) { prop_assert_eq!(d.index.unwrap_or(f64::NAN).to_bits(), col[ri].to_bits()); }
                    for (a, col) in rep.aspects.iter().zip(&out.aspects) { prop_assert_eq!(a.index.unwrap_or(f64::NAN).to_bits(), col[ri].to_bits()); }
                }
                (Err(e), Some((_, be))) => prop_assert_eq!(e.code(), be.code()),
                (s, b) => prop_assert!(false, "row {ri}: single {:?} vs batch {:?}", s.map(|r| r.index), b),
            }
        }
    }

    #[test]
    fn vector_and_json_round_trips_are_lossless(
        (ed, lv) in any_edition(),
        drop in proptest::collection::vec(any::<bool>(), 47),
        use_tracks in any::<bool>(),
        institution in proptest::option::of(".{0,40}"),
        year in proptest::option::of(1900i64..=2999),
        notes in proptest::collection::vec((0usize..47, ".{0,30}"), 0..4),
        evidence in proptest::collection::vec((0usize..47, proptest::collection::vec(".{0,20}", 0..3)), 0..3),
    ) {
        let rb = builtin(ed).unwrap();
        let ids = rb.indicator_ids();
        let partial: spbe_core::LevelMap = lv.into_iter().enumerate().filter(|(k, _)| !drop[*k]).map(|(_, (id, l))| (spbe_core::IndicatorId::from(id), l)).collect();
        let mut a = Assessment::with_levels(ed, Vec::<(String, Level)>::new());
        if use_tracks {
            a.levels = None;
            a.tracks = Some(Tracks { mandiri: Some(partial.clone()), dokumen: Some(partial.clone()), interviu: Some(Default::default()), visitasi: None, target: Some(partial) });
        } else {
            a.levels = Some(partial);
        }
        a.institution = institution;
        a.year = year;
        for (k, n) in notes { a.notes.insert(spbe_core::IndicatorId::new(ids[k % ids.len()]), n); }
        for (k, e) in evidence { a.evidence.insert(spbe_core::IndicatorId::new(ids[k % ids.len()]), e); }

        let v = spbe_core::to_vector(&a, rb).unwrap();
        prop_assert!(v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)), "not URL-safe: {v}");
        prop_assert_eq!(&spbe_core::from_vector(&v).unwrap(), &a);
        let json = a.to_json();
        prop_assert_eq!(&Assessment::from_json(&json).unwrap(), &a);
        // and the JSON of the parsed vector is the same text
        prop_assert_eq!(spbe_core::from_vector(&v).unwrap().to_json(), json);
    }

    #[test]
    fn final_track_takes_the_latest_external_stage(lv in levels_for("permenpanrb-59-2020"), re in proptest::collection::vec((0usize..47, 1i64..=5, any::<bool>()), 0..10)) {
        let rb = builtin("permenpanrb-59-2020").unwrap();
        let dokumen: spbe_core::LevelMap = lv.iter().map(|(k, l)| (spbe_core::IndicatorId::new(k), l.clone())).collect();
        let (mut interviu, mut visitasi) = (spbe_core::LevelMap::new(), spbe_core::LevelMap::new());
        let mut expected = dokumen.clone();
        for (k, l, on_site) in re {
            let id = spbe_core::IndicatorId::from((k + 1).to_string());
            if on_site { visitasi.insert(id, Level::int(l)); } else { interviu.insert(id, Level::int(l)); }
        }
        for (k, v) in interviu.iter().chain(visitasi.iter()) { expected.insert(k.clone(), v.clone()); }
        for (k, v) in &visitasi { expected.insert(k.clone(), v.clone()); }
        let mut a = Assessment::with_levels("permenpanrb-59-2020", Vec::<(String, Level)>::new());
        a.levels = None;
        a.tracks = Some(Tracks { dokumen: Some(dokumen), interviu: Some(interviu), visitasi: Some(visitasi), ..Default::default() });
        let got = score_with(&a, rb, &Options { track: Some(Track::Final), ..Default::default() }).unwrap().exact;
        let want = score_with(&Assessment { levels: Some(expected), tracks: None, ..a.clone() }, rb, &Options::default()).unwrap().exact;
        prop_assert_eq!(got, want);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No public entry point panics, whatever the text.
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}", v in "SPBE1\\.(permenpanrb-(5-2018|59-2020|8-2026)|x)(\\.[A-Z~_0-9a-z-]{0,60}){0,6}") {
        for t in [s.as_str(), v.as_str()] {
            let _ = spbe_core::score_text(t, None, &Options::default());
            let _ = spbe_core::validate_text(t, None, &Options { missing: MissingPolicy::Renormalize, ..Options::default() });
            let _ = spbe_core::Rubric::from_json(t);
            let _ = spbe_core::parse_text(t, None);
        }
    }

    #[test]
    fn arbitrary_json_levels_never_panic(vals in proptest::collection::vec(("[0-9]{1,3}|x", "-?[0-9]{1,22}(\\.[0-9]{1,3})?|\\[[0-9, ]{0,12}\\]|null|true|\"3\""), 0..60), ed in 0usize..3) {
        let body: Vec<String> = vals.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
        let json = format!("{{\"rubric\": \"{}\", \"levels\": {{{}}}}}", EDITIONS[ed], body.join(", "));
        for missing in [MissingPolicy::Error, MissingPolicy::Lowest, MissingPolicy::Renormalize] {
            let o = Options { missing, ..Options::default() };
            let _ = spbe_core::score_text(&json, None, &o);
            let _ = spbe_core::validate_text(&json, None, &o);
        }
    }
}

/// Float columns (as from data frames): NaN is an empty cell, whole numbers are
/// levels, and anything else fails its row with `non_integer_level` naming the indicator.
#[test]
fn float_columns() {
    // whole-level edition: 2.5 fails its row
    let rb = builtin("permenpanrb-59-2020").unwrap();
    let mut cols: Vec<Vec<f64>> = (0..47).map(|_| vec![3.0, 3.0, 3.0]).collect();
    cols[4][1] = 2.5;
    cols[7][2] = f64::NAN;
    let out = score_columns(
        rb,
        &cols,
        &Options {
            missing: MissingPolicy::Lowest,
            ..Options::default()
        },
        OnError::Collect,
    )
    .unwrap();
    assert_eq!(out.index[0], 3.0);
    assert!(out.index[1].is_nan());
    let (row, e) = &out.errors[0];
    assert_eq!(
        (*row, e.code(), e.indicator()),
        (1, "non_integer_level", Some("5"))
    );
    assert!(
        e.to_string().contains("row 1") && e.to_string().contains("2.5"),
        "{e}"
    );
    // indicator 8 (weight 1.30) counted at level 1: 3 - 1.30*2/100 = 2.974
    assert_eq!(out.index[2], 2.97);
    let strict = score_columns(rb, &cols, &Options::default(), OnError::Fail).unwrap_err();
    assert_eq!(
        (strict.code(), strict.indicator()),
        ("non_integer_level", Some("5"))
    );
    // the error single scoring gives for the same value (an infinity, which
    // JSON cannot hold, as the text Python's and the CLI's readers take it
    // as): not whole wherever it lies, whole but too large out of range
    for (v, json, code) in [
        (1e20, "1e20", "level_out_of_range"),
        (1e-30, "1e-30", "non_integer_level"),
        (7.5, "7.5", "non_integer_level"),
        (-2.5, "-2.5", "non_integer_level"),
        (f64::INFINITY, "\"inf\"", "invalid_level_type"),
        (f64::NEG_INFINITY, "\"-inf\"", "invalid_level_type"),
    ] {
        let mut c = cols.clone();
        c[4][1] = v;
        let e = score_columns(rb, &c, &Options::default(), OnError::Fail).unwrap_err();
        let levels: Vec<String> = (1..=47)
            .map(|i| format!("\"{i}\": {}", if i == 5 { json } else { "3" }))
            .collect();
        let text = format!(
            "{{\"rubric\": \"permenpanrb-59-2020\", \"levels\": {{{}}}}}",
            levels.join(", ")
        );
        let single = spbe_core::score_text(&text, None, &Options::default()).unwrap_err();
        assert_eq!((e.code(), e.indicator()), (code, Some("5")), "{v}");
        assert_eq!(
            (single.code(), single.indicator()),
            (code, Some("5")),
            "{v}"
        );
    }
    // an infinity's message is single scoring's word for word
    let mut c = cols.clone();
    c[4][1] = f64::INFINITY;
    let e = score_columns(rb, &c, &Options::default(), OnError::Fail).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 1: indicator 5: level \"inf\" is not a number; give a whole number from 1 to 5"
    );
}

/// 8/2026 takes decimals: a float cell is its shortest decimal, exactly.
#[test]
fn float_columns_continuous() {
    let rb = builtin("permenpanrb-8-2026").unwrap();
    let mut cols: Vec<Vec<f64>> = (0..20).map(|_| vec![1.0, 1.0, 3.0]).collect();
    // row 0: I3 (weight 5) = 1.26 -> 1 + 0.26*5/100 = 1.013 -> 1.01
    cols[2][0] = 1.26;
    // row 1: I20 (weight 15) = 1.1 -> 1 + 0.1*15/100 = 1.015 -> 1.02 half up
    // (a double sum would give 1.0149999...)
    cols[19][1] = 1.1;
    // row 2: 5.5 is out of range
    cols[0][2] = 5.5;
    let out = score_columns(rb, &cols, &Options::default(), OnError::Collect).unwrap();
    assert_eq!(out.index_hundredths[0], 101);
    assert_eq!(out.index_hundredths[1], 102);
    let (row, e) = &out.errors[0];
    assert_eq!(
        (*row, e.code(), e.indicator()),
        (2, "level_out_of_range", Some("1"))
    );
    // the same as scoring each row on its own
    let single = spbe_core::score_text(
        r#"{"rubric":"permenpanrb-8-2026","levels":{"1":1,"2":1,"3":1,"4":1,"5":1,"6":1,"7":1,"8":1,"9":1,"10":1,
            "11":1,"12":1,"13":1,"14":1,"15":1,"16":1,"17":1,"18":1,"19":1,"20":1.1}}"#,
        None,
        &Options::default(),
    )
    .unwrap();
    assert_eq!(single.index_exact, "1.015");
    assert_eq!(single.index_text, "1.02");
}

/// 8/2026 Tabel 1 weights (percent), typed here independently of the rubric file.
const W2026: [i128; 20] = [5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any 2-decimal values in [1, 5], written as JSON numbers or strings, give
    /// exactly Σ w·v / 100 (all in hundredths here), whatever the digits; and
    /// the band follows the upper-inclusive Tabel 4 on the exact value.
    #[test]
    fn continuous_2026_is_the_exact_weighted_sum(h in proptest::collection::vec(100i128..=500, 20), as_text in any::<bool>()) {
        let body: Vec<String> = h
            .iter()
            .enumerate()
            .map(|(k, v)| {
                let t = format!("{}.{:02}", v / 100, v % 100);
                if as_text { format!("\"{}\": \"{t}\"", k + 1) } else { format!("\"{}\": {t}", k + 1) }
            })
            .collect();
        let json = format!(r#"{{"rubric": "permenpanrb-8-2026", "levels": {{{}}}}}"#, body.join(", "));
        let r = spbe_core::score_text(&json, None, &Options::default()).unwrap();
        let sum: i128 = h.iter().zip(W2026).map(|(v, w)| v * w).sum();
        let exact = Ratio::new(sum, 10_000).unwrap();
        prop_assert_eq!(&r.index_exact, &exact.exact_string());
        // Tabel 4, closed above: the first band whose upper bound is >= the value
        let edges = [150i128, 250, 350, 400, 500];
        let names = ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"];
        let band = edges.iter().position(|e| sum <= e * 100).unwrap();
        prop_assert_eq!(r.predicate.as_str(), names[band]);
    }

    /// Float columns of 8/2026 (what a data frame holds) score exactly like the
    /// same values written as decimals in JSON.
    #[test]
    fn continuous_float_columns_equal_single_scores(rows in proptest::collection::vec(proptest::collection::vec(100i64..=500, 20), 1..5)) {
        let rb = builtin("permenpanrb-8-2026").unwrap();
        let cols: Vec<Vec<f64>> = (0..20).map(|k| rows.iter().map(|r| r[k] as f64 / 100.0).collect()).collect();
        let out = score_columns(rb, &cols, &Options::default(), OnError::Fail).unwrap();
        for (ri, row) in rows.iter().enumerate() {
            let lv: Vec<(String, Level)> = row
                .iter()
                .enumerate()
                .map(|(k, v)| ((k + 1).to_string(), Level::One(Value::from_number_text(&format!("{}.{:02}", v / 100, v % 100)).unwrap())))
                .collect();
            let single = score_with(&Assessment::with_levels("permenpanrb-8-2026", lv), rb, &Options::default()).unwrap();
            prop_assert_eq!(out.index_hundredths[ri], (single.index * 100.0).round() as i64);
            prop_assert_eq!(rb.predicates()[usize::from(out.predicate[ri])].name.as_str(), single.predicate.as_str());
        }
    }
}

/// The threaded batch gives what one thread gives, with errors numbered by
/// the row of the whole input.
#[test]
fn threaded_batch_equals_one_thread() {
    use spbe_core::batch::score_columns_threaded;
    let rb = builtin("permenpanrb-59-2020").unwrap();
    let rows = 20_000;
    let mut cols: Vec<Vec<f64>> = (0..47)
        .map(|k| {
            (0..rows)
                .map(|r| ((r * 7 + k * 3) % 5 + 1) as f64)
                .collect()
        })
        .collect();
    cols[3][15_001] = 2.5; // a bad row late in the input
    cols[9][17_000] = 9.0;
    let one = score_columns(rb, &cols, &Options::default(), OnError::Collect).unwrap();
    let many = score_columns_threaded(rb, &cols, &Options::default(), OnError::Collect, 4).unwrap();
    // NaN marks the failed rows, so compare bit patterns
    let bits = |v: &Vec<Vec<f64>>| -> Vec<Vec<u64>> {
        v.iter()
            .map(|c| c.iter().map(|x| x.to_bits()).collect())
            .collect()
    };
    assert!(one.index_hundredths == many.index_hundredths && one.predicate == many.predicate);
    assert!(bits(&one.domains) == bits(&many.domains) && bits(&one.aspects) == bits(&many.aspects));
    assert_eq!(format!("{:?}", one.errors), format!("{:?}", many.errors));
    assert_eq!(
        many.errors
            .iter()
            .map(|(r, e)| (*r, e.code()))
            .collect::<Vec<_>>(),
        [
            (15_001, "non_integer_level"),
            (17_000, "level_out_of_range")
        ]
    );
    let e = score_columns_threaded(rb, &cols, &Options::default(), OnError::Fail, 4).unwrap_err();
    assert!(e.to_string().starts_with("row 15001:"), "{e}");
}

proptest! {
    /// What a report writes as `index_exact` reads back exactly (the page's
    /// gap between two exact indices depends on it), however many decimals.
    #[test]
    fn exact_strings_read_back(num in -10i128.pow(30)..10i128.pow(30), pow2 in 0u32..40, pow5 in 0u32..30, other in prop::sample::select(vec![1i128, 3, 7, 30, 6])) {
        let den = 2i128.pow(pow2).saturating_mul(5i128.pow(pow5)).saturating_mul(other).max(1);
        if let Some(r) = spbe_core::Ratio::new(num, den) {
            let text = r.exact_string();
            prop_assert_eq!(spbe_core::Ratio::parse_exact_text(&text), Some(r), "{}", text);
        }
    }
}

#[test]
fn index_gap_reads_long_exact_indices() {
    // 1.19999999999999999995 (20 places, an 8/2026 index) to 1.2: a gap of 0.00000000000000000005, shown 0.00
    assert_eq!(
        spbe_core::ffi::index_gap("1.19999999999999999995", "1.2").unwrap(),
        0.0
    );
    assert_eq!(spbe_core::ffi::index_gap("61/30", "3.5").unwrap(), 1.47); // 3.5 - 2.0333.. = 1.4666.. -> 1.47
    assert!(spbe_core::ffi::index_gap("1,2", "3").is_err());
}
