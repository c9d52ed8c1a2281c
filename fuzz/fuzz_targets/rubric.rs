//! Any text as a rubric file: `Rubric::from_json` never panics, and a rubric
//! it accepts can score: every indicator at its lowest level, at its highest
//! level, none at all under the non-official policies, and the same rows as
//! a batch (batch = single scoring).
#![no_main]

use libfuzzer_sys::fuzz_target;
use spbe_core::batch::MISSING;
use spbe_core::{score_text, MissingPolicy, Options, Rubric};
use spbe_fuzz::{check_batch_equals_single, serde_json_string};

/// Per indicator: (id, items min, items max or None if not repeatable,
/// lowest level, highest level) from its scale.
fn shape(r: &Rubric) -> Vec<(String, u8, Option<u8>, i64, i64)> {
    r.indicators()
        .into_iter()
        .map(|(_, _, ind)| {
            let levels = r.scale(&ind.scale).map(|s| &s.levels[..]).unwrap_or(&[]);
            let lo = levels.iter().map(|l| l.level).min().unwrap_or(0);
            let hi = levels.iter().map(|l| l.level).max().unwrap_or(0);
            (
                ind.id.clone(),
                ind.items.map_or(1, |it| it.min),
                ind.items.map(|it| it.max),
                i64::from(lo),
                i64::from(hi),
            )
        })
        .collect()
}

/// Every indicator at one level (`pick` chooses lowest or highest), the
/// fewest items for a repeatable one.
fn uniform(r: &Rubric, pick: impl Fn(i64, i64) -> i64) -> String {
    let levels: Vec<String> = shape(r)
        .iter()
        .map(|(id, min_items, max_items, lo, hi)| {
            let v = pick(*lo, *hi);
            match max_items {
                Some(_) => format!(
                    "{}:[{}]",
                    serde_json_string(id),
                    vec![v.to_string(); usize::from(*min_items)].join(",")
                ),
                None => format!("{}:{v}", serde_json_string(id)),
            }
        })
        .collect();
    format!(
        "{{\"rubric\":{},\"levels\":{{{}}}}}",
        serde_json_string(r.id()),
        levels.join(",")
    )
}

fn scores_or_overflows(r: &Rubric, json: &str, opts: &Options, what: &str) -> Option<String> {
    match score_text(json, Some(r), opts) {
        Ok(rep) => Some(rep.index_exact.into()),
        // weights with too many digits may exceed 128-bit arithmetic: an
        // error, not a panic, and not a bug
        Err(e) if e.code() == "arithmetic_overflow" => None,
        Err(e) => panic!(
            "an accepted rubric cannot score {what}: {} {e}; {json}",
            e.code()
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(r) = Rubric::from_json(text) else {
        return;
    };
    let _ = r.summary();
    let _ = r.slot_names();

    let official = Options::default();
    let lowest = uniform(&r, |lo, _| lo);
    let highest = uniform(&r, |_, hi| hi);
    let low = scores_or_overflows(
        &r,
        &lowest,
        &official,
        "every indicator at its lowest level",
    );
    let _ = scores_or_overflows(
        &r,
        &highest,
        &official,
        "every indicator at its highest level",
    );

    // nothing given: Lowest is the same as every indicator at its lowest level
    let empty = format!(
        "{{\"rubric\":{},\"levels\":{{}}}}",
        serde_json_string(r.id())
    );
    let by_policy = Options {
        missing: MissingPolicy::Lowest,
        ..Options::default()
    };
    let low_policy = scores_or_overflows(&r, &empty, &by_policy, "nothing, missing=lowest");
    if let (Some(a), Some(b)) = (&low, &low_policy) {
        assert_eq!(
            a, b,
            "missing=lowest differs from every indicator at its lowest level"
        );
    }
    for missing in [MissingPolicy::Error, MissingPolicy::Renormalize] {
        let opts = Options {
            missing,
            ..Options::default()
        };
        let _ = score_text(&empty, Some(&r), &opts);
    }

    // the same assessments as batch rows: lowest, highest, nothing, and
    // lowest with the extra services of a repeatable indicator filled
    let sh = shape(&r);
    let mut columns: Vec<Vec<i64>> = Vec::new();
    for (_, min_items, max_items, lo, hi) in &sh {
        let width = max_items.map_or(1, |m| m.max(1));
        for k in 0..width {
            let needed = k < *min_items;
            columns.push(vec![
                if needed { *lo } else { MISSING },
                if needed { *hi } else { MISSING },
                MISSING,
                *lo,
            ]);
        }
    }
    for policy in [
        MissingPolicy::Error,
        MissingPolicy::Lowest,
        MissingPolicy::Renormalize,
    ] {
        let opts = Options {
            missing: policy,
            ..Options::default()
        };
        check_batch_equals_single(&r, true, &columns, &opts, false);
    }
});
