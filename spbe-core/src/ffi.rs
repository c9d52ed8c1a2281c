//! The boundary the bindings share (the pattern of cedar's `ffi` module):
//! text in, answer types out, so that the Python package, the npm package and
//! the calculator only convert at their edge and never re-implement a rule.
//!
//! * [`check_text`]: the report, or every problem found (one shape everywhere);
//! * [`score_raw`], [`check_raw`] and [`parse_raw`]: the same for a raw
//!   assessment a binding built from a host object (a Python dict) without JSON
//!   text, and [`score_parsed`] for an assessment it built already parsed;
//! * [`vector_text`] and [`assessment_json`]: an assessment's compact vector
//!   and its JSON, from either form;
//! * [`form_state`]: what a form of several tracks needs after a change, in
//!   one call (levels as scored, filled counts, reports or problems, the gap);
//! * [`report_head_json`]: a report's JSON with its long fields
//!   ([`REPORT_LAZY_FIELDS`]) as `null`, for a binding that fills them when
//!   first read;
//! * [`index_gap`]: the difference of two reports' exact indices, rounded once;
//! * [`rank_gains`]: the indicators whose one-step rise gains the most;
//! * [`level_views`]: an indicator's levels with names, ranges and the criteria
//!   that apply (the indicator's own, else the scale's, else our summary), and
//!   [`range_of`]: which range a value falls in;
//! * the error registry is [`crate::ERROR_CODES`]; the batch is
//!   [`crate::batch::score_chunks_into`] for Python (rows split across
//!   threads and scored a chunk at a time into arrays numpy owns, a frame's
//!   columns converted per chunk by a [`crate::batch::ChunkSource`] of the
//!   binding's) and [`crate::batch::score_columns`] for JS.

use serde::Serialize;

use crate::api::parse_text;
use crate::error::{Error, Result};
use crate::ratio::Ratio;
use crate::rubric::{builtin, Rubric};
use crate::value::Value;

pub use crate::api::{check_raw, check_text, parse_raw, score_parsed, score_raw, CheckResult};
pub use crate::form::{form_state, FormState, FormTrack};

/// The compact vector of an assessment given as JSON text or a vector.
pub fn vector_text(text: &str, rubric: Option<&Rubric>) -> Result<String> {
    let a = parse_text(text, rubric)?;
    match rubric {
        Some(r) => crate::vector::to_vector(&a, r),
        None => crate::vector::to_vector(&a, builtin(&a.rubric)?),
    }
}

/// An assessment given as JSON text or a vector, as JSON (the input format).
pub fn assessment_json(text: &str, rubric: Option<&Rubric>) -> Result<String> {
    Ok(parse_text(text, rubric)?.to_json())
}

/// `to - from` of two exact indices as reports give them (`index_exact`:
/// `"2.595"` or `"61/30"`), rounded half up to 2 decimals once.
pub fn index_gap(from_exact: &str, to_exact: &str) -> Result<f64> {
    let read = |t: &str| {
        Ratio::parse_exact_text(t).ok_or_else(|| Error::InvalidOptions {
            message: format!("{t:?} is not an exact index (a decimal or a fraction)"),
        })
    };
    let gap: Ratio = read(to_exact)?
        .checked_sub(read(from_exact)?)
        .ok_or_else(|| Error::overflow("a gap"))?;
    Ok(gap
        .round2()
        .ok_or_else(|| Error::overflow("a gap"))?
        .to_f64())
}

/// The `n` indicators whose one-step rise gains the most, from `(id, gain)`
/// pairs in rubric order as a binding holds them (the ranking of
/// [`crate::Report::top_gains`]).
pub fn rank_gains(gains: &[(String, Option<f64>)], n: usize) -> Vec<String> {
    crate::report::rank_by_gain(gains, |(_, g)| *g, n)
        .into_iter()
        .map(|(id, _)| id.clone())
        .collect()
}

/// One level (or value range) of an indicator, with the text that applies.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelView {
    /// The level (the range's number on a continuous scale).
    pub level: u8,
    /// Its official name (2026: the predicate name, `Kurang` ...).
    pub name: Option<String>,
    /// Its English name.
    pub name_en: Option<String>,
    /// A second official name (2026: `Merintis` ...), and its English form.
    pub label: Option<String>,
    /// The English form of `label`.
    pub label_en: Option<String>,
    /// On a continuous scale: the range's bounds, as written.
    pub min: Option<String>,
    /// See `min`.
    pub max: Option<String>,
    /// Whether the range includes `min` (the lowest range always does).
    pub min_inclusive: bool,
    /// Whether the range includes `max` (the highest range always does).
    pub max_inclusive: bool,
    /// The criteria that apply: the indicator's own, else the scale's, else
    /// our English summary (then `official` is false).
    pub criteria: Option<String>,
    /// Whether `criteria` is official text.
    pub official: bool,
}

/// An indicator's levels with the criteria that apply; `None` if there is no
/// such indicator.
pub fn level_views(rubric: &Rubric, indicator: &str) -> Option<Vec<LevelView>> {
    let (_, _, spec) = rubric.indicator(indicator)?;
    let scale = rubric.scale(&spec.scale)?;
    let upper = rubric.band_bounds() == crate::rubric::BandBounds::UpperInclusive;
    let last = scale.levels.len().saturating_sub(1);
    Some(
        scale
            .levels
            .iter()
            .enumerate()
            .map(|(k, lv)| {
                let own = spec.criteria.as_ref().and_then(|c| c.get(k).cloned());
                let (criteria, official) = match (own, &lv.criteria, &lv.summary_en) {
                    (Some(c), _, _) => (Some(c), true),
                    (None, Some(c), _) => (Some(c.clone()), true),
                    (None, None, Some(s)) => (Some(s.clone()), false),
                    (None, None, None) => (None, false),
                };
                LevelView {
                    level: lv.level,
                    name: lv.name.clone(),
                    name_en: lv.name_en.clone(),
                    label: lv.label.clone(),
                    label_en: lv.label_en.clone(),
                    min: lv.min.as_ref().map(|d| d.as_str().to_owned()),
                    max: lv.max.as_ref().map(|d| d.as_str().to_owned()),
                    min_inclusive: !upper || k == 0,
                    max_inclusive: upper || k == last,
                    criteria,
                    official,
                }
            })
            .collect(),
    )
}

/// A domain or an aspect in an outline: its id, names and weight.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// Its id.
    pub id: String,
    /// Official name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Weight in percent of the index (exact decimal as written).
    pub weight: String,
}

/// One indicator in rubric order, with the aspect and domain it belongs to.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// The domain (`null` for editions without domains).
    pub domain: Option<Part>,
    /// The aspect.
    pub aspect: Part,
    /// The indicator, as the rubric file gives it.
    pub indicator: crate::rubric::IndicatorSpec,
}

/// The rubric's structure walked once: every indicator in order with its
/// aspect and domain (so a form or a table never walks the nested file itself).
pub fn outline(rubric: &Rubric) -> Vec<Place> {
    rubric
        .indicators()
        .into_iter()
        .map(|(d, a, i)| Place {
            domain: d.map(|d| Part {
                id: d.id.clone(),
                name: d.name.clone(),
                name_en: d.name_en.clone(),
                weight: d.weight.as_str().to_owned(),
            }),
            aspect: Part {
                id: a.id.clone(),
                name: a.name.clone(),
                name_en: a.name_en.clone(),
                weight: a.weight.as_str().to_owned(),
            },
            indicator: i.clone(),
        })
        .collect()
}

/// Which level's range a value falls in on an indicator's continuous scale
/// (8/2026: 1.26 is in range 1, 1.50 too, 1.51 in range 2), by the edition's
/// band bounds; `None` for an unknown indicator, a whole-level scale, or a
/// value that is not a number in the scale.
pub fn range_of(rubric: &Rubric, indicator: &str, value: &str) -> Option<u8> {
    let (_, _, spec) = rubric.indicator(indicator)?;
    let scale = rubric.scale(&spec.scale)?;
    if !scale.continuous {
        return None;
    }
    let v = Value::from_text(value).ok()?.ratio();
    let views = level_views(rubric, indicator)?;
    views
        .iter()
        .zip(&scale.levels)
        .find(|(view, lv)| {
            let (Some(lo), Some(hi)) = (&lv.min, &lv.max) else {
                return false;
            };
            let above = if view.min_inclusive {
                v >= lo.value()
            } else {
                v > lo.value()
            };
            let below = if view.max_inclusive {
                v <= hi.value()
            } else {
                v < hi.value()
            };
            above && below
        })
        .map(|(view, _)| view.level)
}

/// The assessors' stages an assessment records (`dokumen`, `interviu`,
/// `visitasi`, in stage order), followed by `final` (per indicator the latest
/// of them with a level) when there is any: what a form shows beside the
/// self-assessment for a file from the evaluation. Empty for an assessment
/// with none.
pub fn external_tracks(text: &str) -> Result<Vec<&'static str>> {
    use crate::track::Track;
    let a = parse_text(text, None)?;
    Ok(a.available_tracks()
        .into_iter()
        .filter(|t| Track::EXTERNAL.contains(t) || *t == Track::Final)
        .map(Track::as_str)
        .collect())
}

/// The track an assessment's target is laid over: `final` when assessors
/// have scored, else `mandiri` ([`crate::Assessment::target_base`]), for a
/// form that marks what the target changes and shows the level it keeps.
pub fn target_base(text: &str) -> Result<&'static str> {
    Ok(parse_text(text, None)?.target_base().as_str())
}

/// Two tracks of an assessment (JSON text or a vector) compared indicator by
/// indicator ([`crate::compare`]), e.g. the self-assessment and `final`.
pub fn compare_text(
    text: &str,
    from: &str,
    to: &str,
    opts: &crate::options::Options,
) -> Result<crate::compare::Comparison> {
    let a = parse_text(text, None)?;
    let r = builtin(&a.rubric)?;
    crate::compare::compare(&a, r, from.parse()?, to.parse()?, opts)
}

/// A track's levels as the core scores them (the target is the current
/// levels with the planned changes over them; `final` carries stages
/// forward), for a form that shows them. An empty map when the assessment
/// does not have the track.
pub fn track_levels(text: &str, track: &str) -> Result<crate::assessment::LevelMap> {
    let a = parse_text(text, None)?;
    let t: crate::track::Track = track.parse()?;
    Ok(match a.resolve(t) {
        Ok(r) => r
            .into_iter()
            .map(|(k, (l, _))| (k.clone(), l.clone()))
            .collect(),
        Err(Error::TrackNotPresent { .. }) => Default::default(),
        Err(e) => return Err(e),
    })
}

/// The LHE-style evaluation report of an assessment (JSON text or a vector)
/// as one HTML document (see [`crate::lhe`]); `lang` is `id` or `en`, `date`
/// `YYYY-MM-DD` or none.
pub fn report_html(
    text: &str,
    rubric: Option<&Rubric>,
    opts: &crate::options::Options,
    lang: &str,
    date: Option<&str>,
) -> Result<String> {
    let a = parse_text(text, rubric)?;
    let r = match rubric {
        Some(r) => r,
        None => builtin(&a.rubric)?,
    };
    crate::lhe::render_html(&a, r, opts, lang.parse()?, date)
}

/// The fields of a report that a binding may hand over only when they are
/// first read, in the report's order: its three long lists and the predicate
/// rule's evidence (together ~95% of the report's JSON). [`report_head_json`]
/// writes each as `null`; the full report's JSON has their values.
pub const REPORT_LAZY_FIELDS: [&str; 4] = ["predicate_rule", "domains", "aspects", "indicators"];

/// A report's JSON (compact, exactly as `serde_json` writes the full report)
/// with every field of [`REPORT_LAZY_FIELDS`] written as `null` in its
/// place: what a binding makes its report object from at once, cheaply (the
/// index, its text and exact value, the predicates, the band above), filling
/// the rest from the full report when first read.
pub fn report_head_json(r: &crate::report::Report) -> String {
    use crate::report::{NextPredicate, Text};
    use crate::rubric::Status;
    use crate::track::Track;
    #[derive(Serialize)]
    struct Head<'a> {
        rubric: &'a Text,
        rubric_status: &'a Status,
        index_name: &'a Option<Text>,
        institution: &'a Option<String>,
        year: Option<i64>,
        track: &'a Track,
        index: f64,
        index_text: &'a str,
        index_exact: &'a str,
        predicate: &'a Text,
        predicate_rule: (),
        predicate_en: &'a Option<Text>,
        predicate_label: &'a Option<Text>,
        next_predicate: &'a Option<NextPredicate>,
        domains: (),
        aspects: (),
        indicators: (),
        missing: &'a [Text],
        #[serde(skip_serializing_if = "<[Text]>::is_empty")]
        above_evidence: &'a [Text],
        official: bool,
        options: &'a crate::options::Options,
    }
    let head = Head {
        rubric: &r.rubric,
        rubric_status: &r.rubric_status,
        index_name: &r.index_name,
        institution: &r.institution,
        year: r.year,
        track: &r.track,
        index: r.index,
        index_text: &r.index_text,
        index_exact: &r.index_exact,
        predicate: &r.predicate,
        predicate_rule: (),
        predicate_en: &r.predicate_en,
        predicate_label: &r.predicate_label,
        next_predicate: &r.next_predicate,
        domains: (),
        aspects: (),
        indicators: (),
        missing: &r.missing,
        above_evidence: &r.above_evidence,
        official: r.official,
        options: &r.options,
    };
    serde_json::to_string(&head).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    /// The head with each lazy field's value put in its place is the full
    /// report's JSON, byte for byte (so the fields, their order and their
    /// values are the report's), on every edition, with `missing` empty and
    /// not, `above_evidence` present and absent.
    #[test]
    fn a_report_head_with_its_lazy_fields_filled_is_the_full_report() {
        use crate::options::{MissingPolicy, Options};
        let cases = [
            (
                r#"{"rubric": "permenpanrb-59-2020", "institution": "Kab. \"X\"", "year": 2024, "levels": {"1": 2}}"#,
                MissingPolicy::Lowest,
            ),
            (
                r#"{"rubric": "permenpanrb-5-2018", "levels": {"1": 0}}"#,
                MissingPolicy::Renormalize,
            ),
            (
                r#"{"rubric": "permenpanrb-8-2026", "year": 2026, "levels": {"3": 2.6, "13": "7/6"}, "criteria_met": {"3": [1, 2]}}"#,
                MissingPolicy::Lowest,
            ),
            (
                include_str!("../../examples/kabupaten-sukamaju-2024.json"),
                MissingPolicy::Error,
            ),
        ];
        let (mut seen_evidence, mut seen_missing) = (false, false);
        for (text, missing) in cases {
            let opts = Options {
                missing,
                ..Options::default()
            };
            let r = crate::api::score_text(text, None, &opts).unwrap();
            let full = serde_json::to_string(&r).unwrap();
            // each field's text as written (a Value would reorder nested keys)
            let full_v: std::collections::HashMap<String, Box<serde_json::value::RawValue>> =
                serde_json::from_str(&full).unwrap();
            let head_text = super::report_head_json(&r);
            let mut head = head_text.clone();
            for k in super::REPORT_LAZY_FIELDS {
                let Some(v) = full_v.get(k) else {
                    assert!(
                        !head_text.contains(&format!("\"{k}\":")),
                        "{k} is absent from the report but not from the head"
                    );
                    continue;
                };
                let placeholder = format!("\"{k}\":null");
                assert_eq!(head.matches(&placeholder).count(), 1, "{k} in {head}");
                head = head.replace(&placeholder, &format!("\"{k}\":{}", v.get()));
            }
            assert_eq!(head, full);
            seen_evidence |= head_text.contains("\"above_evidence\":[\"");
            seen_missing |= head_text.contains("\"missing\":[\"");
        }
        assert!(
            seen_evidence && seen_missing,
            "no case had above_evidence or missing"
        );
    }

    #[test]
    fn a_target_is_laid_over_final_once_assessors_have_scored() {
        let with = r#"{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"1": 2}, "dokumen": {"1": 4}, "target": {"2": 5}}}"#;
        assert_eq!(super::target_base(with).unwrap(), "final");
        // and the target keeps final's level where it plans no change
        assert_eq!(super::track_levels(with, "target").unwrap().len(), 2);
        let without = r#"{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"1": 2}, "target": {"2": 5}}}"#;
        assert_eq!(super::target_base(without).unwrap(), "mandiri");
    }

    #[test]
    fn external_tracks_in_stage_order_then_final() {
        let with = r#"{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"1": 3}, "visitasi": {"2": 4}, "dokumen": {"1": 2}}}"#;
        assert_eq!(
            super::external_tracks(with).unwrap(),
            vec!["dokumen", "visitasi", "final"]
        );
        let without = r#"{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"1": 3}, "target": {"1": 4}}}"#;
        assert!(super::external_tracks(without).unwrap().is_empty());
        let plain = r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 3}}"#;
        assert!(super::external_tracks(plain).unwrap().is_empty());
    }

    use super::*;
    use crate::options::Options;

    #[test]
    fn check_gives_the_report_or_every_problem() {
        let ok = check_text(
            "SPBE1.permenpanrb-8-2026.L33333333333333333333",
            None,
            &Options::default(),
        );
        assert!(ok.ok && ok.report.is_some() && ok.issues.is_none());
        let bad = check_text(
            r#"{"rubric": "permenpanrb-8-2026", "levels": {"1": 9, "2": "x"}}"#,
            None,
            &Options::default(),
        );
        let codes: Vec<&str> = bad
            .issues
            .as_ref()
            .unwrap()
            .iter()
            .map(|i| i.code)
            .collect();
        assert!(!bad.ok && bad.report.is_none());
        assert_eq!(
            codes,
            [
                "invalid_level_type",
                "level_out_of_range",
                "missing_indicator"
            ]
        );
        let junk = check_text("{", None, &Options::default());
        assert_eq!(junk.issues.unwrap()[0].code, "malformed_json");
    }

    #[test]
    fn ranking_pairs_is_ranking_the_report() {
        let r = crate::api::score_text(
            "SPBE1.permenpanrb-59-2020.L12345123451234512345123451234512345123451234512",
            None,
            &Options::default(),
        )
        .unwrap();
        let pairs: Vec<(String, Option<f64>)> = r
            .indicators
            .iter()
            .map(|i| (i.id.to_string(), i.gain))
            .collect();
        let ids: Vec<String> = r.top_gains(7).iter().map(|i| i.id.to_string()).collect();
        assert_eq!(rank_gains(&pairs, 7), ids);
        assert_eq!(ids.len(), 7);
    }

    #[test]
    fn gaps_round_the_exact_difference_once() {
        // 2.604 - 2.595 = 0.009 -> 0.01, where 2.60 - 2.60 of the rounded values is 0.00
        assert_eq!(index_gap("2.595", "2.604").unwrap(), 0.01);
        assert_eq!(index_gap("61/30", "2").unwrap(), -0.03);
        assert_eq!(index_gap("x", "2").unwrap_err().code(), "invalid_options");
    }

    #[test]
    fn level_views_apply_the_criteria_fallback() {
        let r20 = builtin("permenpanrb-59-2020").unwrap();
        let v = level_views(r20, "32").unwrap();
        assert_eq!(v.len(), 5);
        assert!(v.iter().all(|l| l.official && l.criteria.is_some()));
        // 2018 has no official criteria: our summary, marked as such
        let r18 = builtin("permenpanrb-5-2018").unwrap();
        let v = level_views(r18, "1").unwrap();
        assert!(v.iter().all(|l| !l.official && l.criteria.is_some()));
        // 2026: ranges, closed above, the lowest closed at both ends
        let r26 = builtin("permenpanrb-8-2026").unwrap();
        let v = level_views(r26, "13").unwrap();
        assert_eq!(
            (
                v[0].min.as_deref(),
                v[0].min_inclusive,
                v[1].min_inclusive,
                v[1].max_inclusive
            ),
            (Some("1.00"), true, false, true)
        );
        assert_eq!(v[1].label.as_deref(), Some("Membangun"));
        assert!(level_views(r26, "99").is_none());
    }

    #[test]
    fn the_outline_walks_domains_aspects_and_indicators_in_order() {
        let o = outline(builtin("permenpanrb-59-2020").unwrap());
        assert_eq!(o.len(), 47);
        let p32 = &o[31];
        assert_eq!(
            (
                p32.domain.as_ref().map(|d| d.id.as_str()),
                p32.aspect.id.as_str(),
                p32.indicator.id.as_str(),
                p32.aspect.weight.as_str()
            ),
            (Some("4"), "7", "32", "27.50")
        );
        let o26 = outline(builtin("permenpanrb-8-2026").unwrap());
        assert!(o26.iter().all(|p| p.domain.is_none()) && o26[19].aspect.id == "7");
    }

    #[test]
    fn ranges_of_values_follow_the_band_bounds() {
        let r26 = builtin("permenpanrb-8-2026").unwrap();
        let at = |v: &str| range_of(r26, "3", v);
        assert_eq!(
            [
                at("1"),
                at("1.26"),
                at("1.50"),
                at("1.5001"),
                at("2.50"),
                at("4"),
                at("4.01"),
                at("5")
            ],
            [
                Some(1),
                Some(1),
                Some(1),
                Some(2),
                Some(2),
                Some(4),
                Some(5),
                Some(5)
            ]
        );
        assert_eq!((at("0.99"), at("5.01"), at("x")), (None, None, None));
        assert_eq!(at("7/6"), Some(1));
        let r20 = builtin("permenpanrb-59-2020").unwrap();
        assert_eq!(range_of(r20, "3", "3"), None);
    }
}
