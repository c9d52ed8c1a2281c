//! Scoring options and the predicate rule: which track, what a missing
//! indicator means, and whether a predicate is read from the exact or the
//! rounded index (the edition's rule for the evaluation year, or the option).

use serde::{Deserialize, Serialize};

use crate::assessment::Track;
use crate::error::{Error, Result};
pub use crate::rubric::PredicateBasis;
use crate::rubric::Rubric;

/// What to do when an indicator has no level.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
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
    /// Indicators without a level (non-official policies only).
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
    /// Why this basis.
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
        let o = Options {
            track: raw.track.map(|t| t.parse()).transpose()?,
            missing: raw.missing.unwrap_or_default(),
            predicate_basis: raw.predicate_basis,
            year: raw.year,
        };
        o.check()?;
        Ok(o)
    }

    /// Checks what the types do not: the year is an evaluation year
    /// (1900 to 2999), as everywhere else. `invalid_options` if not.
    pub fn check(&self) -> Result<()> {
        match self.year.filter(|y| !crate::track::YEARS.contains(y)) {
            Some(y) => Err(Error::InvalidOptions {
                message: format!(
                    "year {y} is not an evaluation year; give a year from {} to {}",
                    crate::track::YEARS.start(),
                    crate::track::YEARS.end()
                ),
            }),
            None => Ok(()),
        }
    }
}
