//! The report of one scored assessment: its types (the JSON form is a public
//! contract) and how it is built from the exact computation.

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Level, Track};
use crate::error::{Error, Result};
use crate::options::{predicate_rule, MissingPolicy, Options, PredicateBasis, PredicateRule};
use crate::ratio::{Hundredths, Ratio};
use crate::rubric::{Rubric, Status};
use crate::score::{band_of, basis_value, ids, predicate_of, Exact};
use crate::value::Value;

/// The next predicate band above the index.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextPredicate {
    /// Official name (Indonesian).
    pub name: String,
    /// The band's lower bound.
    pub min: f64,
    /// Whether the band includes `min` (lower-inclusive editions). When not
    /// (8/2026), the index must rise above `min`.
    pub min_inclusive: bool,
    /// The smallest rise of the index, in steps of 0.01, that enters the band
    /// (reaches `min`, or passes it when `min_inclusive` is false), measured
    /// from the value the predicate is read from (exact or reported).
    pub gap: f64,
}

/// A domain's result.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DomainScore {
    /// Its id.
    pub id: String,
    /// Official name (Indonesian).
    pub name: String,
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    /// Weight in percent of the whole index.
    pub weight: f64,
    /// Reported index (2 decimals); `null` only when a renormalising policy left the domain empty.
    pub index: Option<f64>,
    /// Exact index: a terminating decimal or a fraction.
    pub index_exact: Option<String>,
    /// Predicate name (`null` when there is no index).
    pub predicate: Option<String>,
}

/// An aspect's result.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AspectScore {
    /// Its id.
    pub id: String,
    /// The aspect's domain (`null` for editions without domains).
    pub domain: Option<String>,
    /// Official name (Indonesian).
    pub name: String,
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    /// Weight in percent of the whole index.
    pub weight: f64,
    /// Reported index (2 decimals); `null` only when a renormalising policy left it empty.
    pub index: Option<f64>,
    /// Exact index: a terminating decimal or a fraction.
    pub index_exact: Option<String>,
    /// Predicate name (`null` when there is no index).
    pub predicate: Option<String>,
}

/// An indicator's result.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
///
/// Names, questions and criteria are in the rubric (`spbe rubric ID --format json`),
/// looked up by `id`; the report stays small.
pub struct IndicatorScore {
    /// Its id.
    pub id: String,
    /// The indicator's aspect.
    pub aspect: String,
    /// The value as given, for an indicator with one value (`null` if missing
    /// or a list): a whole level, a decimal (8/2026: `1.26`), or a string as
    /// written (`"7/6"`).
    pub level: Option<Value>,
    /// All item values (one per reported service for a repeatable indicator).
    pub levels: Vec<Value>,
    /// Which stage the level came from (`dokumen`, `interviu`, ... for the `final` track).
    pub source: Option<Track>,
    /// The rubric weight (percent of the index; per item for a repeatable indicator).
    pub weight: f64,
    /// Points of the index this indicator contributes (4 decimals, from exact values).
    pub contribution: f64,
    /// How much the index would rise if this indicator (its lowest item) went up
    /// one level (4 decimals); on a continuous scale, up to the next whole
    /// number (1.26 to 2). 0 at the top, `null` when missing and left out.
    pub gain: Option<f64>,
    /// Indicators without a level (non-official policies only).
    pub missing: bool,
    /// The level the evidence supports, when the assessment gives the
    /// criteria it meets (`criteria_met`): per the edition's criteria rule,
    /// the highest level whose criteria (and, where cumulative, every lower
    /// level's) are met; the scale's lowest level when none is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub supported_level: Option<u8>,
    /// Whether the level claimed (on a continuous scale, the range its value
    /// falls in; for services, the highest) is above the supported level.
    /// Present only with `supported_level`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub above_evidence: Option<bool>,
}

/// The result of scoring one assessment. Its JSON form is a public contract.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Edition id.
    pub rubric: String,
    /// Status of the edition scored.
    pub rubric_status: Status,
    /// Name of the index (e.g. "Indeks SPBE").
    pub index_name: Option<String>,
    /// The institution evaluated.
    pub institution: Option<String>,
    /// Evaluation year.
    pub year: Option<i64>,
    /// The track scored (`levels`, `final`, `mandiri`, ...).
    pub track: Track,
    /// The reported index: exact value rounded half up to 2 decimals.
    pub index: f64,
    /// The reported index as text with 2 decimals, e.g. `"2.60"`.
    pub index_text: String,
    /// The exact index: a terminating decimal (`"2.595"`) or a fraction (`"17/6"`).
    pub index_exact: String,
    /// The exact index as a number (not in the JSON, which has `index_exact`).
    #[serde(skip)]
    pub exact: Ratio,
    /// Position of the predicate's band in the edition (not in the JSON).
    #[serde(skip)]
    pub band: usize,
    /// Official predicate name, e.g. `"Baik"`.
    pub predicate: String,
    /// Which value the predicate was read from (exact or reported) and why.
    pub predicate_rule: PredicateRule,
    /// English predicate name.
    pub predicate_en: Option<String>,
    /// Second label where the edition has one (2026: `"Berkembang"`).
    pub predicate_label: Option<String>,
    /// The band above the index, if any.
    pub next_predicate: Option<NextPredicate>,
    /// Its domains, in order.
    pub domains: Vec<DomainScore>,
    /// Its aspects, in order.
    pub aspects: Vec<AspectScore>,
    /// Its indicators, in order.
    pub indicators: Vec<IndicatorScore>,
    /// Indicators without a level (only with a non-official missing policy).
    pub missing: Vec<String>,
    /// Indicators whose claimed level is above what their evidence supports
    /// (see `supported_level`); empty when none is, or no criteria are given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub above_evidence: Vec<String>,
    /// True when computed by the official rules from a complete assessment.
    pub official: bool,
    /// The options applied (`track` filled in).
    pub options: Options,
}

impl Report {
    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Indicators sorted by the gain of a one-level rise, highest first (ties in rubric order).
    pub fn top_gains(&self, n: usize) -> Vec<&IndicatorScore> {
        rank_by_gain(&self.indicators, |i| i.gain, n)
    }
}

/// The ranking of gains, written once: positive gains only, highest first,
/// ties in the given (rubric) order, at most `n`.
pub(crate) fn rank_by_gain<T>(items: &[T], gain: impl Fn(&T) -> Option<f64>, n: usize) -> Vec<&T> {
    let mut v: Vec<&T> = items
        .iter()
        .filter(|i| gain(i).is_some_and(|g| g > 0.0))
        .collect();
    v.sort_by(|a, b| {
        gain(b)
            .partial_cmp(&gain(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    v.truncate(n);
    v
}

pub(crate) fn build_report(
    assessment: &Assessment,
    rubric: &Rubric,
    opts: &Options,
    track: Track,
    entries: &[Option<(&Level, Track)>],
    ex: &Exact,
    missing: &[usize],
) -> Result<Report> {
    let spec = rubric.spec();
    let rule = predicate_rule(rubric, assessment.year, opts);
    let pred_name = |v: Option<Ratio>| -> Result<Option<String>> {
        v.map(|v| predicate_of(rubric, v, rule.basis)).transpose()
    };
    let idx = round2(ex.index)?;
    let band = band_of(rubric, basis_value(ex.index, rule.basis)?);
    let bspec = spec.predicates.get(band);
    let next_predicate = match rubric.predicates().get(band + 1) {
        Some(nb) => {
            let from = match rule.basis {
                PredicateBasis::Reported => idx.to_ratio(),
                PredicateBasis::Exact => ex.index,
            };
            // the smallest rise in steps of 0.01 that enters the band: up to
            // its min (included) or past it (excluded, 8/2026), never 0.00
            let short = nb
                .min
                .value()
                .checked_sub(from)
                .and_then(|g| g.checked_mul(Ratio::int(100)))
                .ok_or_else(|| ovf("a gap"))?;
            let (n, d) = (short.numer(), short.denom());
            let steps = if rubric.d.upper_inclusive {
                n.div_euclid(d) + 1
            } else {
                -((-n).div_euclid(d))
            };
            Some(NextPredicate {
                name: nb.name.clone(),
                min: nb.min.to_f64(),
                min_inclusive: !rubric.d.upper_inclusive,
                gap: steps.max(1) as f64 / 100.0,
            })
        }
        None => None,
    };
    let domains = rubric
        .domains()
        .iter()
        .zip(&ex.domains)
        .map(|(ds, v)| {
            Ok(DomainScore {
                id: ds.id.clone(),
                name: ds.name.clone(),
                name_en: ds.name_en.clone(),
                weight: ds.weight.to_f64(),
                index: v.map(round2).transpose()?.map(Hundredths::to_f64),
                index_exact: v.map(|v| v.exact_string()),
                predicate: pred_name(*v)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let aspects = rubric
        .aspects()
        .into_iter()
        .zip(&ex.aspects)
        .map(|((dom, a), v)| {
            Ok(AspectScore {
                id: a.id.clone(),
                domain: dom.map(|d| d.id.clone()),
                name: a.name.clone(),
                name_en: a.name_en.clone(),
                weight: a.weight.to_f64(),
                index: v.map(round2).transpose()?.map(Hundredths::to_f64),
                index_exact: v.map(|v| v.exact_string()),
                predicate: pred_name(*v)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut is_absent = vec![false; rubric.d.indicators.len()];
    for &p in missing {
        if let Some(m) = is_absent.get_mut(p) {
            *m = true;
        }
    }
    let mut indicators = Vec::with_capacity(rubric.d.indicators.len());
    for (pos, ((_, asp, ind), di)) in rubric
        .indicators()
        .into_iter()
        .zip(&rubric.d.indicators)
        .enumerate()
    {
        let entry = entries.get(pos).copied().flatten();
        let is_missing = is_absent.get(pos).copied().unwrap_or(false);
        let coef = ex.coef.get(di.aspect).copied().unwrap_or(Ratio::ZERO);
        let levels: Vec<Value> = entry.map(|(l, _)| l.items().to_vec()).unwrap_or_default();
        let lowest_level = Ratio::int(i128::from(di.min_level));
        let counted = if is_missing {
            match opts.missing {
                MissingPolicy::Lowest => {
                    Ratio::int(i128::from(di.min_level) * i128::from(di.min_items))
                }
                _ => Ratio::ZERO,
            }
        } else if let Some(sum) = levels
            .iter()
            .try_fold(0i128, |acc, v| v.as_int().map(|i| acc + i128::from(i)))
        {
            // whole levels: an integer sum, no fractions to add
            Ratio::int(sum)
        } else {
            levels
                .iter()
                .try_fold(Ratio::ZERO, |acc, v| acc.checked_add(v.ratio()))
                .ok_or_else(|| ovf("a contribution"))?
        };
        // contribution = coef · w · Σ values; gain = coef · w · step, where the
        // step is one level (whole scales) or up to the next whole number
        // (continuous scales), and nothing at the top
        // coef · w as an unreduced fraction: rounding needs no gcd
        let cw = coef
            .numer()
            .checked_mul(i128::from(di.w_int))
            .ok_or_else(|| ovf("a contribution"))?;
        let contribution = round4_frac(cw, coef.denom(), counted)?;
        let lowest = if is_missing {
            lowest_level
        } else {
            levels.iter().map(Value::ratio).min().unwrap_or(Ratio::ZERO)
        };
        let top = Ratio::int(i128::from(di.max_level));
        let gain = if is_missing && opts.missing == MissingPolicy::Renormalize {
            None
        } else if lowest >= top {
            Some(0.0)
        } else if lowest.denom() == 1 {
            // a whole level rises by one
            Some(round4_frac(cw, coef.denom(), Ratio::int(1))?)
        } else {
            let next = Ratio::int(lowest.numer().div_euclid(lowest.denom()) + 1).min(top);
            let step = next.checked_sub(lowest).ok_or_else(|| ovf("a gain"))?;
            Some(round4_frac(cw, coef.denom(), step)?)
        };
        indicators.push(IndicatorScore {
            id: ind.id.clone(),
            aspect: asp.id.clone(),
            level: match entry {
                Some((Level::One(v), _)) => Some(v.clone()),
                _ => None,
            },
            levels,
            source: entry.map(|(_, t)| t),
            weight: ind.weight.to_f64(),
            contribution,
            gain,
            missing: is_missing,
            supported_level: None,
            above_evidence: None,
        });
        if let (Some(met), Some(last)) = (
            assessment
                .criteria_met
                .get(&crate::assessment::IndicatorId(ind.id.clone())),
            indicators.last_mut(),
        ) {
            let supported = supported_level(rubric, di, met);
            last.supported_level = Some(supported);
            last.above_evidence = Some(
                last.levels
                    .iter()
                    .map(|v| claimed_level(rubric, &ind.scale, v))
                    .max()
                    .is_some_and(|c| c > supported),
            );
        }
    }
    let above_evidence: Vec<String> = indicators
        .iter()
        .filter(|i| i.above_evidence == Some(true))
        .map(|i| i.id.clone())
        .collect();
    let missing_ids: Vec<String> = missing.iter().map(|&p| ids(rubric, p)).collect();
    Ok(Report {
        rubric: rubric.id().to_owned(),
        rubric_status: spec.status,
        index_name: spec.index_name.clone(),
        institution: assessment.institution.clone(),
        year: assessment.year,
        track,
        index: idx.to_f64(),
        index_text: idx.to_string(),
        index_exact: ex.index.exact_string(),
        exact: ex.index,
        band,
        predicate: bspec.map(|b| b.name.clone()).unwrap_or_default(),
        predicate_rule: rule,
        predicate_en: bspec.and_then(|b| b.name_en.clone()),
        predicate_label: bspec.and_then(|b| b.label.clone()),
        next_predicate,
        domains,
        aspects,
        indicators,
        official: missing_ids.is_empty(),
        missing: missing_ids,
        above_evidence,
        options: Options {
            track: Some(track),
            ..*opts
        },
    })
}

/// The level met criteria support, per the edition's rule: cumulative (the
/// default) takes the highest level reached without a gap from the lowest;
/// otherwise the highest level met. The lowest level when none is.
fn supported_level(rubric: &Rubric, ind: &crate::rubric::IndicatorD, met: &[u8]) -> u8 {
    let cumulative = rubric
        .spec()
        .criteria_rule
        .as_ref()
        .is_none_or(|r| r.cumulative);
    let floor = ind.min_level;
    if cumulative {
        let mut level = None;
        for l in ind.min_level..=ind.max_level {
            if met.contains(&l) {
                level = Some(l);
            } else {
                break;
            }
        }
        level.unwrap_or(floor)
    } else {
        met.iter()
            .copied()
            .filter(|l| (ind.min_level..=ind.max_level).contains(l))
            .max()
            .unwrap_or(floor)
    }
}

/// The level a value claims: itself when whole; on a continuous scale the
/// level whose range holds it (ranges per the edition's band bounds).
fn claimed_level(rubric: &Rubric, scale: &str, v: &Value) -> u8 {
    if let Some(i) = v.as_int() {
        return u8::try_from(i).unwrap_or(u8::MAX);
    }
    let r = v.ratio();
    let upper = rubric.d.upper_inclusive;
    let levels = rubric.scale(scale).map_or(&[][..], |s| s.levels.as_slice());
    let mut claimed = levels.first().map_or(0, |l| l.level);
    for l in levels {
        let above_min =
            l.min
                .as_ref()
                .is_none_or(|m| if upper { r > m.value() } else { r >= m.value() });
        if above_min {
            claimed = l.level;
        }
    }
    claimed
}

/// (num / den) · x rounded half up to 4 decimals (den > 0), as f64 for display,
/// straight from numerators and denominators (no gcd).
fn round4_frac(num: i128, den: i128, x: Ratio) -> Result<f64> {
    let n = num
        .checked_mul(x.numer())
        .and_then(|n| n.checked_mul(20_000));
    let d = den.checked_mul(x.denom());
    match (n, d) {
        (Some(n), Some(d)) => {
            let n = n.checked_add(d).ok_or_else(|| ovf("rounding"))?;
            let d2 = d.checked_mul(2).ok_or_else(|| ovf("rounding"))?;
            Ok(n.div_euclid(d2) as f64 / 10_000.0)
        }
        // huge custom weights: reduce first
        _ => {
            let v = Ratio::new(num, den)
                .and_then(|c| c.checked_mul(x))
                .ok_or_else(|| ovf("a contribution"))?;
            Ok(v.round_to(4).ok_or_else(|| ovf("rounding"))? as f64 / 10_000.0)
        }
    }
}

fn ovf(ctx: &str) -> Error {
    Error::overflow(ctx)
}

fn round2(v: Ratio) -> Result<Hundredths> {
    v.round2().ok_or_else(|| ovf("rounding"))
}
