//! Two tracks of one assessment compared, indicator by indicator.

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Track};
use crate::error::{Error, Result};
use crate::options::Options;
use crate::ratio::Ratio;
use crate::rubric::Rubric;
use crate::score::score_with;
use crate::value::Value;

fn ovf(ctx: &str) -> Error {
    Error::overflow(ctx)
}

fn round2(v: Ratio) -> Result<crate::ratio::Hundredths> {
    v.round2().ok_or_else(|| ovf("rounding"))
}

/// One indicator in a comparison of two tracks.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorChange {
    /// Its id.
    pub id: String,
    /// Official name (Indonesian).
    pub name: String,
    /// First year in force (or the track compared from).
    pub from: Vec<Value>,
    /// Last year in force, if it has ended (or the track compared to).
    pub to: Vec<Value>,
    /// Sum of `to` minus sum of `from` (levels; exact).
    pub delta: Value,
}

/// Two tracks compared: indices and every indicator whose level differs.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// First year in force (or the track compared from).
    pub from: Track,
    /// Last year in force, if it has ended (or the track compared to).
    pub to: Track,
    /// Reported index of the first track.
    pub index_from: f64,
    /// Reported index of the second track.
    pub index_to: f64,
    /// Difference of the exact indices, rounded half up to 2 decimals.
    pub index_delta: f64,
    /// Predicate of the first track.
    pub predicate_from: String,
    /// Predicate of the second track.
    pub predicate_to: String,
    /// True when both tracks were scored by the official rules from complete
    /// levels; false when either is an estimate (a non-official missing
    /// policy over missing indicators), and so is the difference.
    pub official: bool,
    /// Indicators whose levels differ.
    pub changes: Vec<IndicatorChange>,
}

/// Compares two tracks of an assessment indicator by indicator.
pub fn compare(
    assessment: &Assessment,
    rubric: &Rubric,
    from: Track,
    to: Track,
    opts: &Options,
) -> Result<Comparison> {
    let a = score_with(
        assessment,
        rubric,
        &Options {
            track: Some(from),
            ..*opts
        },
    )?;
    let b = score_with(
        assessment,
        rubric,
        &Options {
            track: Some(to),
            ..*opts
        },
    )?;
    // each track is evaluated once: the reports keep their exact indices
    let delta = b
        .exact
        .checked_sub(a.exact)
        .ok_or_else(|| ovf("a difference"))?;
    let specs = rubric.indicators();
    let changes = a
        .indicators
        .iter()
        .zip(&b.indicators)
        .zip(&specs)
        .filter(|((x, y), _)| x.levels != y.levels)
        .map(|((x, y), (_, _, spec))| {
            let sum = |v: &[Value]| {
                v.iter()
                    .try_fold(Ratio::ZERO, |acc, l| acc.checked_add(l.ratio()))
                    .ok_or_else(|| ovf("a difference"))
            };
            Ok(IndicatorChange {
                id: x.id.to_string(),
                name: spec.name.clone(),
                from: x.levels.to_vec(),
                to: y.levels.to_vec(),
                delta: Value::from_ratio(
                    sum(&y.levels)?
                        .checked_sub(sum(&x.levels)?)
                        .ok_or_else(|| ovf("a difference"))?,
                ),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Comparison {
        from,
        to,
        index_from: a.index,
        index_to: b.index,
        index_delta: round2(delta)?.to_f64(),
        predicate_from: a.predicate.into(),
        predicate_to: b.predicate.into(),
        official: a.official && b.official,
        changes,
    })
}
