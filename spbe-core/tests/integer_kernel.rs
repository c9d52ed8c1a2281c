//! The integer kernel (integer dot products over fixed denominators, used by
//! `score_with` wherever it applies) gives exactly the reports of the general
//! rational kernel (`score::score_with_rational`): on every built-in edition
//! and on random custom rubrics, with whole levels, 8/2026 decimals,
//! fractions, services, missing indicators under every policy and both
//! predicate bases. Reports are compared whole: their JSON text, the exact
//! index and the predicate band.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::type_complexity
)]

use proptest::prelude::*;
use spbe_core::score::score_with_rational;
use spbe_core::value::Value;
use spbe_core::{
    builtin, score_with, Assessment, Level, MissingPolicy, Options, PredicateBasis, Rubric,
};

const EDITIONS: [&str; 3] = [
    "permenpanrb-5-2018",
    "permenpanrb-59-2020",
    "permenpanrb-8-2026",
];

/// Scores with both kernels and asserts the same outcome: equal reports, or
/// the same error.
fn same(a: &Assessment, rb: &Rubric, opts: &Options) -> Result<(), TestCaseError> {
    let fast = score_with(a, rb, opts);
    let slow = score_with_rational(a, rb, opts);
    match (fast, slow) {
        (Ok(x), Ok(y)) => {
            prop_assert_eq!(x.to_json(), y.to_json());
            prop_assert_eq!(x.exact, y.exact);
            prop_assert_eq!(x.band, y.band);
            prop_assert_eq!(&x, &y);
        }
        (Err(x), Err(y)) => prop_assert_eq!(x.to_string(), y.to_string()),
        (x, y) => prop_assert!(false, "kernels disagree: {:?} vs {:?}", x, y),
    }
    Ok(())
}

fn options(policy: u8, basis: u8) -> Options {
    Options {
        missing: match policy {
            0 => MissingPolicy::Error,
            1 => MissingPolicy::Lowest,
            _ => MissingPolicy::Renormalize,
        },
        predicate_basis: match basis {
            0 => None,
            1 => Some(PredicateBasis::Exact),
            _ => Some(PredicateBasis::Reported),
        },
        ..Options::default()
    }
}

/// A value for a continuous (8/2026) indicator from a draw: a whole level, a
/// number with 1-2 decimals, a string decimal, a fraction, or 3+ decimals
/// (which the integer kernel leaves to the rational one).
fn continuous_value(kind: u8, hundredths: u32, num: u32, den: u32) -> Value {
    match kind % 6 {
        0 => Value::int(i64::from(hundredths / 100)),
        1 | 2 => Value::from_number_text(&format!("{}.{:02}", hundredths / 100, hundredths % 100))
            .unwrap(),
        3 => Value::from_text(&format!("{}.{:02}", hundredths / 100, hundredths % 100)).unwrap(),
        4 => {
            // a fraction inside 1..=5
            let d = den.max(1);
            let n = (num % (4 * d + 1)) + d;
            Value::from_text(&format!("{n}/{d}")).unwrap()
        }
        _ => Value::from_number_text(&format!(
            "{}.{:02}{}",
            hundredths / 100,
            hundredths % 100,
            num % 9 + 1
        ))
        .unwrap(),
    }
}

fn clamp_hundredths(h: u32) -> u32 {
    h.clamp(100, 500)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn builtin_editions_agree(
        e in 0usize..3,
        draws in proptest::collection::vec((0u8..=6, 100u32..=500, 0u8..6, 1u32..50, 1u32..13), 50),
        services in proptest::collection::vec(0u8..=5, 1..=3),
        drop in proptest::collection::vec(any::<prop::sample::Index>(), 0..4),
        policy in 0u8..3,
        basis in 0u8..3,
        year in prop_oneof![Just(None), (2018i64..=2027).prop_map(Some)],
    ) {
        let ed = EDITIONS[e];
        let rb = builtin(ed).unwrap();
        let ids = rb.indicator_ids();
        let mut levels = Vec::new();
        for (k, id) in ids.iter().enumerate() {
            let (lv, h, kind, num, den) = draws[k % draws.len()];
            let (_, _, spec) = rb.indicator(id).unwrap();
            let level = if spec.items.is_some() {
                Level::ints(services.iter().map(|&s| i64::from(s)))
            } else if rb.scale(&spec.scale).is_some_and(|s| s.continuous) {
                Level::One(continuous_value(kind, clamp_hundredths(h), num, den))
            } else {
                let (lo, hi) = rb.level_range();
                Level::int(i64::from(lv.clamp(lo, hi)))
            };
            levels.push((id.to_string(), level));
        }
        for d in &drop {
            let i = d.index(levels.len());
            levels.remove(i);
        }
        let mut a = Assessment::with_levels(ed, levels);
        a.year = year;
        same(&a, rb, &options(policy, basis))?;
    }

    #[test]
    fn custom_rubrics_agree(
        shape in proptest::collection::vec(proptest::collection::vec(1usize..=4, 1..=3), 1..=3),
        flat in any::<bool>(),
        cuts in proptest::collection::vec(1u64..1_000_000, 40),
        decimals in prop_oneof![Just(2u32), Just(3), Just(4), Just(6)],
        scale in prop_oneof![Just((0u8, 4u8)), Just((1, 5)), Just((1, 3)), Just((0, 9))],
        items in proptest::collection::vec(prop_oneof![Just(None), Just(Some((1u8, 3u8))), Just(Some((2, 2)))], 40),
        upper in any::<bool>(),
        band_cut in 1u32..99,
        levels in proptest::collection::vec(proptest::collection::vec(0u8..=9, 1..=3), 40),
        drop in proptest::collection::vec(any::<prop::sample::Index>(), 0..3),
        policy in 0u8..3,
        basis in 0u8..3,
    ) {
        let (rb, ids) = custom_rubric(&shape, flat, &cuts, decimals, scale, &items, upper, band_cut);
        let (lo, hi) = scale;
        let mut lv: Vec<(String, Level)> = Vec::new();
        for (k, (id, it)) in ids.iter().enumerate() {
            let draw: Vec<i64> = levels[k % levels.len()]
                .iter()
                .map(|&l| i64::from(l.clamp(lo, hi)))
                .collect();
            lv.push((
                id.clone(),
                match it {
                    Some((min, max)) => {
                        let n = draw.len().clamp(usize::from(*min), usize::from(*max));
                        Level::ints((0..n).map(|j| draw.get(j).copied().unwrap_or(i64::from(lo))))
                    }
                    None => Level::int(draw[0]),
                },
            ));
        }
        for d in &drop {
            if lv.len() > 1 {
                let i = d.index(lv.len());
                lv.remove(i);
            }
        }
        let a = Assessment::with_levels("random", lv);
        same(&a, &rb, &options(policy, basis))?;
    }
}

/// A valid random rubric: `shape[d][a]` indicators in aspect `a` of domain
/// `d` (domains collapse into aspects when `flat`), indicator weights from
/// random cut points of 100 with `decimals` places, adding up exactly.
#[allow(clippy::too_many_arguments)]
fn custom_rubric(
    shape: &[Vec<usize>],
    flat: bool,
    cuts: &[u64],
    decimals: u32,
    (lo, hi): (u8, u8),
    items: &[Option<(u8, u8)>],
    upper: bool,
    band_cut: u32,
) -> (Rubric, Vec<(String, Option<(u8, u8)>)>) {
    let n: usize = shape.iter().flatten().sum();
    let unit = 10u64.pow(decimals);
    let total = 100 * unit;
    // n positive integer parts of `total`, from distinct cut points
    let mut points: Vec<u64> = cuts
        .iter()
        .map(|c| c * 7919 % total)
        .filter(|p| *p > 0)
        .collect();
    points.sort_unstable();
    points.dedup();
    points.truncate(n - 1);
    while points.len() < n - 1 {
        let p = points.last().copied().unwrap_or(0) + 1;
        points.push(p);
    }
    points.sort_unstable();
    points.dedup();
    let mut parts = Vec::new();
    let mut prev = 0;
    for p in &points {
        parts.push(p - prev);
        prev = *p;
    }
    parts.push(total - prev);
    assert_eq!(parts.len(), n);
    assert!(parts.iter().all(|p| *p > 0));
    let dec = |units: u64| -> String {
        format!(
            "\"{}.{:0width$}\"",
            units / unit,
            units % unit,
            width = decimals as usize
        )
    };
    let mut ids = Vec::new();
    let mut k = 0;
    let mut domains = Vec::new();
    let mut all_aspects = Vec::new();
    for (di, d) in shape.iter().enumerate() {
        let mut aspects = Vec::new();
        let mut dsum = 0;
        for (ai, &m) in d.iter().enumerate() {
            let mut inds = Vec::new();
            let mut asum = 0;
            for _ in 0..m {
                let id = format!("i{k}");
                let it = items[k % items.len()];
                // (a repeatable indicator's weight is per item)
                let w = parts[k];
                asum += w;
                let items_json = it.map_or(String::new(), |(min, max)| {
                    format!(r#", "items": {{"min": {min}, "max": {max}}}"#)
                });
                inds.push(format!(
                    r#"{{"id": "{id}", "name": "I {id}", "weight": {}, "scale": "s"{items_json}}}"#,
                    dec(w)
                ));
                ids.push((id, it));
                k += 1;
            }
            dsum += asum;
            aspects.push((format!("a{di}_{ai}"), asum, inds));
        }
        domains.push((format!("d{di}"), dsum, aspects));
    }
    let aspect_json = |(id, w, inds): &(String, u64, Vec<String>)| {
        format!(
            r#"{{"id": "{id}", "name": "A {id}", "weight": {}, "indicators": [{}]}}"#,
            dec(*w),
            inds.join(", ")
        )
    };
    let top = if flat {
        for d in &domains {
            all_aspects.extend(d.2.iter().map(aspect_json));
        }
        format!(r#""aspects": [{}]"#, all_aspects.join(", "))
    } else {
        let ds: Vec<String> = domains
            .iter()
            .map(|(id, w, asps)| {
                format!(
                    r#"{{"id": "{id}", "name": "D {id}", "weight": {}, "aspects": [{}]}}"#,
                    dec(*w),
                    asps.iter().map(aspect_json).collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        format!(r#""domains": [{}]"#, ds.join(", "))
    };
    let levels: Vec<String> = (lo..=hi).map(|l| format!(r#"{{"level": {l}}}"#)).collect();
    // two bands split at a random point with 2 decimals strictly inside the range
    let span = u32::from(hi - lo) * 100;
    let cut = u32::from(lo) * 100 + 1 + band_cut * (span - 2) / 99;
    let cut = format!("{}.{:02}", cut / 100, cut % 100);
    let json = format!(
        r#"{{"id": "random", "title": "t", "status": "custom",
            "scales": [{{"id": "s", "name": "S", "levels": [{}]}}],
            "band_bounds": "{}",
            "predicates": [{{"name": "Low", "min": "{lo}", "max": "{cut}"}}, {{"name": "High", "min": "{cut}", "max": "{hi}"}}],
            {top}}}"#,
        levels.join(", "),
        if upper {
            "upper_inclusive"
        } else {
            "lower_inclusive"
        },
    );
    let rb = Rubric::from_json(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    (rb, ids)
}
