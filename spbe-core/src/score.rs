//! Exact index computation and the report.
//!
//! For every aspect `a`, with `w_i` the weight of item `i` and `L_i` its level:
//!
//! * aspect index  = Σ_{i∈a} w_i·L_i / Σ_{i∈a} w_i
//! * domain index  = Σ_{a∈d} W_a · aspect_a / W_d
//! * overall index = Σ_d W_d · domain_d / 100   (2026: Σ_a W_a · aspect_a / 100)
//!
//! all in exact rational arithmetic. Only reported values are rounded, half up,
//! to 2 decimals.

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, IndicatorId, Level, Track};
use crate::error::{Error, Result};
use crate::ratio::{Hundredths, Ratio};
pub use crate::rubric::PredicateBasis;
use crate::rubric::{Rubric, Status};
use crate::value::Value;

/// Sentinel for an empty slot in the slot layout (see [`crate::batch`]).
pub const MISSING: i64 = i64::MIN;

/// Sentinel for a slot whose value is not a whole number; the value itself is
/// in the accompanying list of `(slot, value)` pairs.
pub(crate) const FRACTION: i64 = i64::MIN + 2;

/// What to do when an indicator has no level.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    /// Official: every indicator needs a level; a missing one is an error.
    #[default]
    Error,
    /// Non-official: a missing indicator counts as the lowest level of its scale
    /// (1 in 2020 and 2026, 0 in 2018). Gives a lower bound of the index.
    Lowest,
    /// Non-official: missing indicators are left out and the weights of the
    /// rest are renormalised (aspect over its present indicators, domain over its
    /// present aspects, index over present domains). An estimate from partial data.
    Renormalize,
}

/// Scoring options. The defaults are the official rules.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Which track to score; `None` means the assessment's default track.
    #[cfg_attr(feature = "tsify", tsify(optional, type = "Track | null"))]
    pub track: Option<Track>,
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub missing: MissingPolicy,
    /// Read predicates from the exact or the rounded index, overriding the
    /// edition's rule for the evaluation year. `None`: the edition's rule.
    #[cfg_attr(feature = "tsify", tsify(optional, type = "PredicateBasis | null"))]
    pub predicate_basis: Option<PredicateBasis>,
    /// The evaluation year, for input that carries none (batch columns, frames,
    /// an assessment without `year`); it selects the edition's predicate rule.
    /// An assessment's own `year` takes precedence.
    #[cfg_attr(feature = "tsify", tsify(optional, type = "number | null"))]
    pub year: Option<i64>,
}

/// Why a predicate basis was applied.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleReason {
    /// The `predicate_basis` option.
    Option,
    /// The edition's rule for the evaluation year.
    Year,
    /// The edition's default (no year, or a year without a known rule).
    EditionDefault,
}

/// The predicate rule a report applied, and why.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredicateRule {
    /// `exact` (the unrounded index) or `reported` (rounded to 2 decimals).
    pub basis: PredicateBasis,
    pub reason: RuleReason,
    /// The evaluation year that selected the rule (the assessment's, else the option's).
    pub year: Option<i64>,
    /// The edition's evidence for the rule.
    pub evidence: Option<String>,
}

/// The predicate rule for an evaluation year: the `predicate_basis` option if
/// given; else the edition's rule for `year` (the assessment's year, else the
/// option's); else the edition's default (exact when the edition states none).
pub fn predicate_rule(rubric: &Rubric, year: Option<i64>, opts: &Options) -> PredicateRule {
    let year = year.or(opts.year);
    let spec = rubric.spec().predicate_rule.as_ref();
    if let Some(basis) = opts.predicate_basis {
        return PredicateRule {
            basis,
            reason: RuleReason::Option,
            year,
            evidence: None,
        };
    }
    if let Some(y) = year.and_then(|y| spec.and_then(|s| s.years.iter().find(|r| r.year == y))) {
        return PredicateRule {
            basis: y.basis,
            reason: RuleReason::Year,
            year,
            evidence: y.evidence.clone(),
        };
    }
    PredicateRule {
        basis: spec.map_or(PredicateBasis::Exact, |s| s.default),
        reason: RuleReason::EditionDefault,
        year,
        evidence: spec.and_then(|s| s.default_note.clone()),
    }
}

impl Options {
    /// Reads options from JSON text (`{"track": "final", "missing": "lowest",
    /// "predicate_basis": "exact"}`, every field optional), as the bindings pass
    /// them. An unknown track is `unknown_track`; anything else wrong is `invalid_options`.
    pub fn from_json(text: &str) -> Result<Options> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            #[serde(default)]
            track: Option<String>,
            #[serde(default)]
            missing: Option<MissingPolicy>,
            #[serde(default)]
            predicate_basis: Option<PredicateBasis>,
            #[serde(default)]
            year: Option<i64>,
        }
        let raw: Raw = serde_json::from_str(if text.trim().is_empty() { "{}" } else { text }).map_err(|e| Error::InvalidOptions {
            message: format!("{e}; valid options are track (levels, mandiri, dokumen, interviu, visitasi, target, final), missing (error, lowest, renormalize), predicate_basis (reported, exact, or null for the edition's rule) and year (the evaluation year, a whole number)"),
        })?;
        Ok(Options {
            track: raw.track.map(|t| t.parse()).transpose()?,
            missing: raw.missing.unwrap_or_default(),
            predicate_basis: raw.predicate_basis,
            year: raw.year,
        })
    }
}

// ------------------------------------------------------------------ report types

/// The next predicate band above the index.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextPredicate {
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
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub weight: f64,
    /// Reported index (2 decimals); `null` only when a renormalising policy left the domain empty.
    pub index: Option<f64>,
    pub index_exact: Option<String>,
    pub predicate: Option<String>,
}

/// An aspect's result.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AspectScore {
    pub id: String,
    /// The aspect's domain (`null` for editions without domains).
    pub domain: Option<String>,
    pub name: String,
    pub name_en: Option<String>,
    pub weight: f64,
    pub index: Option<f64>,
    pub index_exact: Option<String>,
    pub predicate: Option<String>,
}

/// An indicator's result.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
///
/// Names, questions and criteria are in the rubric (`spbe rubric ID --format json`),
/// looked up by `id`; the report stays small.
pub struct IndicatorScore {
    pub id: String,
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
    pub missing: bool,
}

/// The result of scoring one assessment. Its JSON form is a public contract.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub rubric: String,
    pub rubric_status: Status,
    pub index_name: Option<String>,
    pub institution: Option<String>,
    pub year: Option<i64>,
    /// The track scored (`levels`, `final`, `mandiri`, ...).
    pub track: String,
    /// The reported index: exact value rounded half up to 2 decimals.
    pub index: f64,
    /// The reported index as text with 2 decimals, e.g. `"2.60"`.
    pub index_text: String,
    /// The exact index: a terminating decimal (`"2.595"`) or a fraction (`"17/6"`).
    pub index_exact: String,
    /// Official predicate name, e.g. `"Baik"`.
    pub predicate: String,
    /// Which value the predicate was read from (exact or reported) and why.
    pub predicate_rule: PredicateRule,
    pub predicate_en: Option<String>,
    /// Second label where the edition has one (2026: `"Berkembang"`).
    pub predicate_label: Option<String>,
    pub next_predicate: Option<NextPredicate>,
    pub domains: Vec<DomainScore>,
    pub aspects: Vec<AspectScore>,
    pub indicators: Vec<IndicatorScore>,
    /// Indicators without a level (only with a non-official missing policy).
    pub missing: Vec<String>,
    /// True when computed by the official rules from a complete assessment.
    pub official: bool,
    pub options: Options,
}

impl Report {
    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Indicators sorted by the gain of a one-level rise, highest first (ties in rubric order).
    pub fn top_gains(&self, n: usize) -> Vec<&IndicatorScore> {
        let mut v: Vec<&IndicatorScore> = self
            .indicators
            .iter()
            .filter(|i| i.gain.is_some_and(|g| g > 0.0))
            .collect();
        v.sort_by(|a, b| {
            b.gain
                .partial_cmp(&a.gain)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        v.truncate(n);
        v
    }
}

// ------------------------------------------------------------------ checks

fn unknown(rubric: &Rubric, ind: &str, place: &str) -> Error {
    Error::UnknownIndicator {
        indicator: ind.to_owned(),
        rubric: rubric.id().to_owned(),
        place: place.to_owned(),
        valid: rubric.valid_ids_text(),
    }
}

/// Checks one level map against the rubric and writes it into `slots`
/// (`MISSING` where absent, `FRACTION` for a value that is not whole, whose
/// value goes into `fracs`). Pushes every problem into `errors`.
pub(crate) fn fill_slots<'a>(
    rubric: &Rubric,
    entries: impl Iterator<Item = (&'a IndicatorId, &'a Level)>,
    place: &str,
    slots: &mut [i64],
    fracs: &mut Vec<(usize, Ratio)>,
    errors: &mut Vec<Error>,
) {
    for s in slots.iter_mut() {
        *s = MISSING;
    }
    fracs.clear();
    for (k, v) in entries {
        let Some(pos) = rubric.position(k.as_str()) else {
            errors.push(unknown(rubric, k.as_str(), place));
            continue;
        };
        let Some(ind) = rubric.d.indicators.get(pos) else {
            continue;
        };
        let items = v.items();
        if !ind.repeatable {
            if let Level::Many(list) = v {
                errors.push(Error::NotRepeatable {
                    indicator: k.0.clone(),
                    place: place.to_owned(),
                    value: format!(
                        "[{}]",
                        list.iter().map(Value::text).collect::<Vec<_>>().join(", ")
                    ),
                    valid: ind.valid(),
                });
                continue;
            }
        }
        if ind.repeatable
            && (items.len() < usize::from(ind.min_items)
                || items.len() > usize::from(ind.max_items))
        {
            errors.push(Error::WrongItemCount {
                indicator: k.0.clone(),
                place: place.to_owned(),
                count: items.len(),
                min: ind.min_items,
                max: ind.max_items,
            });
            continue;
        }
        for (j, lv) in items.iter().enumerate() {
            let r = lv.ratio();
            let whole = lv.as_int();
            if whole.is_none() && !ind.continuous {
                // only reachable for values built in code or read without the
                // rubric: parsing against the rubric refuses these earlier
                errors.push(if lv.is_text() {
                    Error::InvalidLevelType {
                        indicator: k.0.clone(),
                        place: place.to_owned(),
                        value: format!("{:?}", lv.text()),
                        valid: ind.valid(),
                    }
                } else {
                    Error::NonIntegerLevel {
                        indicator: k.0.clone(),
                        place: place.to_owned(),
                        value: lv.text(),
                        valid: ind.valid(),
                    }
                });
            } else if lv.is_text() && !ind.continuous {
                errors.push(Error::InvalidLevelType {
                    indicator: k.0.clone(),
                    place: place.to_owned(),
                    value: format!("{:?}", lv.text()),
                    valid: ind.valid(),
                });
            } else if r < Ratio::int(i128::from(ind.min_level))
                || r > Ratio::int(i128::from(ind.max_level))
            {
                errors.push(Error::LevelOutOfRange {
                    indicator: k.0.clone(),
                    place: place.to_owned(),
                    // a string as a string, a number as written
                    value: if lv.is_text() {
                        format!("{:?}", lv.text())
                    } else {
                        lv.text()
                    },
                    valid: ind.valid(),
                    rubric: rubric.id().to_owned(),
                });
            } else if let Some(s) = slots.get_mut(ind.slot + j) {
                match whole {
                    Some(w) => *s = w,
                    None => {
                        *s = FRACTION;
                        fracs.push((ind.slot + j, r));
                    }
                }
            }
        }
    }
}

fn check_keys<'a, T: 'a>(
    rubric: &Rubric,
    m: impl Iterator<Item = (&'a IndicatorId, &'a T)>,
    place: &str,
    errors: &mut Vec<Error>,
) {
    for (k, _) in m {
        if rubric.position(k.as_str()).is_none() {
            errors.push(unknown(rubric, k.as_str(), place));
        }
    }
}

// ------------------------------------------------------------------ kernel

/// Per-aspect sums: n = Σ w_int·L (exact; an integer unless a value is
/// fractional), d = Σ w_int over the items counted. Checks levels and item
/// counts; applies the missing policy. Allocation-free unless there is an
/// error. `fracs` holds the values of `FRACTION` slots.
#[allow(clippy::too_many_arguments)]
pub(crate) fn kernel(
    rubric: &Rubric,
    slots: &[i64],
    fracs: &[(usize, Ratio)],
    policy: MissingPolicy,
    track: &str,
    n: &mut [Ratio],
    d: &mut [i64],
    missing: &mut Vec<usize>,
    errors: &mut Vec<Error>,
) {
    for (ai, a) in rubric.d.aspects.iter().enumerate() {
        let (mut na, mut da) = (0i64, 0i64);
        let mut nfrac = Ratio::ZERO;
        for (off, ind) in rubric
            .d
            .indicators
            .get(a.indicators.clone())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let width = if ind.repeatable {
                usize::from(ind.max_items)
            } else {
                1
            };
            let cells = slots.get(ind.slot..ind.slot + width).unwrap_or(&[]);
            let mut count = 0u8;
            let mut sum = 0i64;
            for (j, &c) in cells.iter().enumerate() {
                if c == MISSING {
                    continue;
                }
                if c == FRACTION {
                    let value = fracs
                        .iter()
                        .find(|(s, _)| *s == ind.slot + j)
                        .map(|(_, r)| *r);
                    let lo = Ratio::int(i128::from(ind.min_level));
                    let hi = Ratio::int(i128::from(ind.max_level));
                    match value {
                        Some(r) if ind.continuous && r >= lo && r <= hi => {
                            match Ratio::int(i128::from(ind.w_int))
                                .checked_mul(r)
                                .and_then(|x| nfrac.checked_add(x))
                            {
                                Some(x) => nfrac = x,
                                None => errors.push(Error::overflow("an aspect index")),
                            }
                            count += 1;
                        }
                        other => errors.push(Error::LevelOutOfRange {
                            indicator: ids(rubric, a.indicators.start + off),
                            place: track.to_owned(),
                            value: other.map_or_else(|| "?".to_owned(), |r| r.exact_string()),
                            valid: ind.valid(),
                            rubric: rubric.id().to_owned(),
                        }),
                    }
                    continue;
                }
                if c < i64::from(ind.min_level) || c > i64::from(ind.max_level) {
                    errors.push(Error::LevelOutOfRange {
                        indicator: ids(rubric, a.indicators.start + off),
                        place: track.to_owned(),
                        value: c.to_string(),
                        valid: ind.valid(),
                        rubric: rubric.id().to_owned(),
                    });
                    continue;
                }
                count += 1;
                sum += c;
            }
            if count == 0 {
                missing.push(a.indicators.start + off);
                match policy {
                    MissingPolicy::Error | MissingPolicy::Renormalize => {}
                    MissingPolicy::Lowest => {
                        na += ind.w_int * i64::from(ind.min_level) * i64::from(ind.min_items);
                        da += ind.w_int * i64::from(ind.min_items);
                    }
                }
                continue;
            }
            if ind.repeatable && count < ind.min_items {
                errors.push(Error::WrongItemCount {
                    indicator: ids(rubric, a.indicators.start + off),
                    place: track.to_owned(),
                    count: usize::from(count),
                    min: ind.min_items,
                    max: ind.max_items,
                });
            }
            na += ind.w_int * sum;
            da += ind.w_int * i64::from(count);
        }
        if let (Some(x), Some(y)) = (n.get_mut(ai), d.get_mut(ai)) {
            *x = if nfrac == Ratio::ZERO {
                Ratio::int(i128::from(na))
            } else {
                match nfrac.checked_add(Ratio::int(i128::from(na))) {
                    Some(v) => v,
                    None => {
                        errors.push(Error::overflow("an aspect index"));
                        Ratio::ZERO
                    }
                }
            };
            *y = da;
        }
    }
    if policy == MissingPolicy::Error && !missing.is_empty() {
        errors.push(Error::MissingIndicators {
            indicators: missing.iter().map(|&p| ids(rubric, p)).collect(),
            track: track.to_owned(),
            rubric: rubric.id().to_owned(),
        });
    }
}

fn ids(rubric: &Rubric, pos: usize) -> String {
    rubric
        .indicators()
        .get(pos)
        .map(|(_, _, i)| i.id.clone())
        .unwrap_or_default()
}

/// Exact results from per-aspect sums.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Exact {
    pub index: Ratio,
    pub domains: Vec<Option<Ratio>>,
    pub aspects: Vec<Option<Ratio>>,
    /// d(index)/d(n_a): index = Σ coef_a · n_a.
    pub coef: Vec<Ratio>,
}

fn ovf(ctx: &str) -> Error {
    Error::overflow(ctx)
}

/// The general exact aggregation (handles empty aspects and domains by
/// renormalising over the present ones; with nothing missing this is exactly
/// the official nested formula).
pub(crate) fn aggregate(rubric: &Rubric, n: &[Ratio], d: &[i64], track: &str) -> Result<Exact> {
    let dd = &rubric.d;
    let mut aspects = Vec::with_capacity(dd.aspects.len());
    for (na, da) in n.iter().zip(d) {
        aspects.push(if *da > 0 {
            Some(
                na.checked_div(Ratio::int(i128::from(*da)))
                    .ok_or_else(|| ovf("an aspect index"))?,
            )
        } else {
            None
        });
    }
    // weight of each aspect inside its parent, over present siblings
    let mut coef = vec![Ratio::ZERO; dd.aspects.len()];
    let mut domains = Vec::with_capacity(dd.domains.len());
    let mut top_sum = Ratio::ZERO;
    let mut top_acc = Ratio::ZERO;
    // (share of each aspect in the index, before dividing by top_sum)
    let mut share = vec![Ratio::ZERO; dd.aspects.len()];
    if dd.domains.is_empty() {
        for (k, a) in dd.aspects.iter().enumerate() {
            if let Some(Some(ix)) = aspects.get(k) {
                top_sum = top_sum
                    .checked_add(a.weight)
                    .ok_or_else(|| ovf("the index"))?;
                top_acc = top_acc
                    .checked_add(a.weight.checked_mul(*ix).ok_or_else(|| ovf("the index"))?)
                    .ok_or_else(|| ovf("the index"))?;
                if let Some(s) = share.get_mut(k) {
                    *s = a.weight;
                }
            }
        }
    } else {
        for dom in &dd.domains {
            let mut wsum = Ratio::ZERO;
            let mut acc = Ratio::ZERO;
            for k in dom.aspects.clone() {
                if let (Some(Some(ix)), Some(a)) = (aspects.get(k), dd.aspects.get(k)) {
                    wsum = wsum
                        .checked_add(a.weight)
                        .ok_or_else(|| ovf("a domain index"))?;
                    acc = acc
                        .checked_add(
                            a.weight
                                .checked_mul(*ix)
                                .ok_or_else(|| ovf("a domain index"))?,
                        )
                        .ok_or_else(|| ovf("a domain index"))?;
                }
            }
            if wsum == Ratio::ZERO {
                domains.push(None);
                continue;
            }
            let di = acc.checked_div(wsum).ok_or_else(|| ovf("a domain index"))?;
            domains.push(Some(di));
            top_sum = top_sum
                .checked_add(dom.weight)
                .ok_or_else(|| ovf("the index"))?;
            top_acc = top_acc
                .checked_add(dom.weight.checked_mul(di).ok_or_else(|| ovf("the index"))?)
                .ok_or_else(|| ovf("the index"))?;
            for k in dom.aspects.clone() {
                if let (Some(Some(_)), Some(a), Some(s)) =
                    (aspects.get(k), dd.aspects.get(k), share.get_mut(k))
                {
                    *s = dom
                        .weight
                        .checked_mul(a.weight)
                        .and_then(|x| x.checked_div(wsum))
                        .ok_or_else(|| ovf("a weight"))?;
                }
            }
        }
    }
    if top_sum == Ratio::ZERO {
        return Err(Error::NoLevels {
            track: track.to_owned(),
        });
    }
    let index = top_acc
        .checked_div(top_sum)
        .ok_or_else(|| ovf("the index"))?;
    for (k, c) in coef.iter_mut().enumerate() {
        if let (Some(s), Some(da)) = (share.get(k), d.get(k)) {
            if *da > 0 {
                *c = s
                    .checked_div(
                        top_sum
                            .checked_mul(Ratio::int(i128::from(*da)))
                            .ok_or_else(|| ovf("a weight"))?,
                    )
                    .ok_or_else(|| ovf("a weight"))?;
            }
        }
    }
    Ok(Exact {
        index,
        domains,
        aspects,
        coef,
    })
}

// ------------------------------------------------------------------ predicates

/// Index of the predicate band for a value, per the edition's band bounds.
pub(crate) fn band_of(rubric: &Rubric, v: Ratio) -> usize {
    let bands = &rubric.d.bands;
    let last = bands.len().saturating_sub(1);
    if rubric.d.upper_inclusive {
        // (min, max], the lowest [min, max]
        bands.iter().position(|b| v <= b.max).unwrap_or(last)
    } else {
        // [min, max), the highest [min, max]
        for (k, b) in bands.iter().enumerate() {
            if v < b.max || (k == last && v <= b.max) {
                return k;
            }
        }
        last
    }
}

/// The value a predicate is read from, per the basis.
fn basis_value(v: Ratio, basis: PredicateBasis) -> Result<Ratio> {
    Ok(match basis {
        PredicateBasis::Exact => v,
        PredicateBasis::Reported => v.round2().ok_or_else(|| ovf("rounding"))?.to_ratio(),
    })
}

/// The predicate name of an exact value, read on the given basis.
pub fn predicate_of(rubric: &Rubric, value: Ratio, basis: PredicateBasis) -> Result<String> {
    let b = band_of(rubric, basis_value(value, basis)?);
    Ok(rubric
        .predicates()
        .get(b)
        .map(|p| p.name.clone())
        .unwrap_or_default())
}

fn round2(v: Ratio) -> Result<Hundredths> {
    v.round2().ok_or_else(|| ovf("rounding"))
}

// ------------------------------------------------------------------ scoring

/// A track resolved and computed exactly.
struct Evaluated<'a> {
    track: Track,
    /// per indicator position: its level(s) and source stage
    entries: Vec<Option<(&'a Level, Track)>>,
    exact: Exact,
    missing: Vec<usize>,
}

/// The single pass behind [`check`], [`score_with`] and [`score_exact`]: checks
/// every part of the assessment, then resolves the track and computes it.
/// Returns every problem found, and the computation when there were none.
fn evaluate<'a>(
    assessment: &'a Assessment,
    rubric: &Rubric,
    opts: &Options,
) -> (Vec<Error>, Option<Evaluated<'a>>) {
    let mut errors = Vec::new();
    if assessment.rubric != rubric.id() {
        errors.push(Error::RubricMismatch {
            expected: rubric.id().to_owned(),
            found: assessment.rubric.clone(),
        });
        return (errors, None);
    }
    let mut slots = vec![MISSING; rubric.d.slots];
    let mut fracs = Vec::new();
    if let Some(l) = &assessment.levels {
        fill_slots(
            rubric,
            l.iter(),
            "levels",
            &mut slots,
            &mut fracs,
            &mut errors,
        );
    }
    if let Some(t) = &assessment.tracks {
        for (m, name) in [
            (&t.mandiri, "tracks.mandiri"),
            (&t.dokumen, "tracks.dokumen"),
            (&t.interviu, "tracks.interviu"),
            (&t.visitasi, "tracks.visitasi"),
            (&t.target, "tracks.target"),
        ] {
            if let Some(m) = m {
                fill_slots(rubric, m.iter(), name, &mut slots, &mut fracs, &mut errors);
            }
        }
    }
    check_keys(rubric, assessment.notes.iter(), "notes", &mut errors);
    check_keys(rubric, assessment.evidence.iter(), "evidence", &mut errors);
    let track = opts.track.unwrap_or_else(|| assessment.default_track());
    let resolved = match assessment.resolve(track) {
        Ok(r) => r,
        Err(e) => {
            errors.push(e);
            return (errors, None);
        }
    };
    // per position (every key is a known indicator: checked above)
    let mut entries: Vec<Option<(&Level, Track)>> = vec![None; rubric.d.indicators.len()];
    for (k, v) in &resolved {
        if let Some(e) = rubric.position(k.as_str()).and_then(|p| entries.get_mut(p)) {
            *e = Some(*v);
        }
    }
    if opts.missing == MissingPolicy::Error && entries.iter().any(Option::is_none) {
        let absent: Vec<String> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_none())
            .map(|(p, _)| ids(rubric, p))
            .collect();
        errors.push(Error::MissingIndicators {
            indicators: absent,
            track: track.as_str().to_owned(),
            rubric: rubric.id().to_owned(),
        });
    }
    if !errors.is_empty() {
        return (errors, None);
    }
    fill_slots(
        rubric,
        resolved.iter().map(|(k, (l, _))| (*k, *l)),
        track.as_str(),
        &mut slots,
        &mut fracs,
        &mut errors,
    );
    let na = rubric.d.aspects.len();
    let (mut n, mut d) = (vec![Ratio::ZERO; na], vec![0; na]);
    let mut missing = Vec::new();
    kernel(
        rubric,
        &slots,
        &fracs,
        opts.missing,
        track.as_str(),
        &mut n,
        &mut d,
        &mut missing,
        &mut errors,
    );
    if !errors.is_empty() {
        return (errors, None);
    }
    match aggregate(rubric, &n, &d, track.as_str()) {
        Ok(exact) => (
            errors,
            Some(Evaluated {
                track,
                entries,
                exact,
                missing,
            }),
        ),
        Err(e) => {
            errors.push(e);
            (errors, None)
        }
    }
}

fn evaluated<'a>(
    assessment: &'a Assessment,
    rubric: &Rubric,
    opts: &Options,
) -> Result<Evaluated<'a>> {
    match evaluate(assessment, rubric, opts) {
        (_, Some(ev)) => Ok(ev),
        (errors, None) => Err(errors
            .into_iter()
            .next()
            .unwrap_or_else(|| Error::overflow("the index"))),
    }
}

/// Checks every part of an assessment against a rubric (all tracks, notes,
/// evidence) and, for the track that would be scored, completeness per the
/// missing policy. Returns every problem found; empty means it scores.
pub fn check(assessment: &Assessment, rubric: &Rubric, opts: &Options) -> Vec<Error> {
    evaluate(assessment, rubric, opts).0
}

/// Scores an assessment against the given rubric.
pub fn score_with(assessment: &Assessment, rubric: &Rubric, opts: &Options) -> Result<Report> {
    let ev = evaluated(assessment, rubric, opts)?;
    build_report(
        assessment,
        rubric,
        opts,
        ev.track,
        &ev.entries,
        &ev.exact,
        &ev.missing,
    )
}

fn build_report(
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
    let mut indicators = Vec::with_capacity(rubric.d.indicators.len());
    for (pos, ((_, asp, ind), di)) in rubric
        .indicators()
        .into_iter()
        .zip(&rubric.d.indicators)
        .enumerate()
    {
        let entry = entries.get(pos).copied().flatten();
        let is_missing = missing.contains(&pos);
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
        });
    }
    let missing_ids: Vec<String> = missing.iter().map(|&p| ids(rubric, p)).collect();
    Ok(Report {
        rubric: rubric.id().to_owned(),
        rubric_status: spec.status,
        index_name: spec.index_name.clone(),
        institution: assessment.institution.clone(),
        year: assessment.year,
        track: track.as_str().to_owned(),
        index: idx.to_f64(),
        index_text: idx.to_string(),
        index_exact: ex.index.exact_string(),
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
        options: Options {
            track: Some(track),
            ..*opts
        },
    })
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

/// The exact index of an assessment (for callers that need the unrounded value).
pub fn score_exact(assessment: &Assessment, rubric: &Rubric, opts: &Options) -> Result<Ratio> {
    Ok(evaluated(assessment, rubric, opts)?.exact.index)
}

// ------------------------------------------------------------------ comparison

/// One indicator in a comparison of two tracks.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorChange {
    pub id: String,
    pub name: String,
    pub from: Vec<Value>,
    pub to: Vec<Value>,
    /// Sum of `to` minus sum of `from` (levels; exact).
    pub delta: Value,
}

/// Two tracks compared: indices and every indicator whose level differs.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub from: String,
    pub to: String,
    pub index_from: f64,
    pub index_to: f64,
    /// Difference of the exact indices, rounded half up to 2 decimals.
    pub index_delta: f64,
    pub predicate_from: String,
    pub predicate_to: String,
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
    let ea = score_exact(
        assessment,
        rubric,
        &Options {
            track: Some(from),
            ..*opts
        },
    )?;
    let eb = score_exact(
        assessment,
        rubric,
        &Options {
            track: Some(to),
            ..*opts
        },
    )?;
    let delta = eb.checked_sub(ea).ok_or_else(|| ovf("a difference"))?;
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
                id: x.id.clone(),
                name: spec.name.clone(),
                from: x.levels.clone(),
                to: y.levels.clone(),
                delta: Value::from_ratio(
                    sum(&y.levels)?
                        .checked_sub(sum(&x.levels)?)
                        .ok_or_else(|| ovf("a difference"))?,
                ),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Comparison {
        from: from.as_str().to_owned(),
        to: to.as_str().to_owned(),
        index_from: a.index,
        index_to: b.index,
        index_delta: round2(delta)?.to_f64(),
        predicate_from: a.predicate,
        predicate_to: b.predicate,
        changes,
    })
}
