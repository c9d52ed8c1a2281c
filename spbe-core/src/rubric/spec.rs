//! The wire model of a rubric file (`spbe-core/rubrics/*.json`): what an
//! edition says, as written. [`super::Rubric`] is its validated form.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ratio::Ratio;

/// An exact decimal weight as written in a rubric file (`"1.30"`, `13`, `1.3`).
///
/// Strings and integers are read exactly. A JSON number with a fraction is read
/// through its shortest decimal representation (the digits the author wrote),
/// so `1.3` means exactly 13/10, never the nearest binary float.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dec {
    value: Ratio,
    text: String,
}

impl Dec {
    /// Parses a decimal string.
    pub fn parse(text: &str) -> Option<Dec> {
        Ratio::parse_decimal(text).map(|value| Dec {
            value,
            text: text.trim().to_owned(),
        })
    }
    /// The exact value.
    pub fn value(&self) -> Ratio {
        self.value
    }
    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// Nearest `f64` (display only).
    pub fn to_f64(&self) -> f64 {
        self.value.to_f64()
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        // through a JSON value, so that a number keeps its literal digits
        // (serde_json's arbitrary_precision): 5.0000000000000000001 is refused,
        // never read as 5
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(v) => Dec::parse(&v).ok_or_else(|| {
                D::Error::custom(format!("{v:?} is not a plain decimal such as \"1.30\""))
            }),
            serde_json::Value::Number(n) => {
                let text = n.to_string();
                Dec::parse(&text).ok_or_else(|| {
                    D::Error::custom(format!(
                        "{text} is not a plain decimal with at most 9 decimals; write it as a string such as \"1.30\""
                    ))
                })
            }
            other => Err(D::Error::custom(format!(
                "expected a decimal number such as \"1.30\" or 13, got {other}"
            ))),
        }
    }
}

/// Status of an edition's data.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Taken from the official text.
    Official,
    /// Partly reconstructed from published official results.
    Reconstructed,
    /// From secondary sources only.
    Provisional,
    /// A user's own rubric.
    Custom,
}

/// Years an edition is in force (`to` is open when absent).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InForce {
    /// First year in force (or the track compared from).
    pub from: i32,
    #[serde(default)]
    /// Last year in force, if it has ended (or the track compared to).
    pub to: Option<i32>,
}

/// How the predicate bands (and the value ranges of a continuous scale) treat
/// their bounds. An edition states it; nothing is assumed.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BandBounds {
    /// Each band is `[min, max)`, the highest `[min, max]` (5/2018, 59/2020:
    /// 2.60 is Baik).
    LowerInclusive,
    /// Each band is `(min, max]`, the lowest `[min, max]` (8/2026 Tabel 4, whose
    /// underlined "<" means "≤": 2.50 is Cukup).
    UpperInclusive,
}

/// Whether a predicate is read from the reported (rounded) index or the exact one.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PredicateBasis {
    /// Classify the index rounded half up to 2 decimals (what is shown): an
    /// exact 2.595, shown as 2.60, is "Baik" (the 2023 SPBE report's practice).
    Reported,
    /// Classify the exact, unrounded index: an exact 2.595, shown as 2.60, is
    /// "Cukup" (the 2024 SPBE report's practice).
    Exact,
}

impl PredicateBasis {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            PredicateBasis::Reported => "reported",
            PredicateBasis::Exact => "exact",
        }
    }
}

/// The predicate basis KemenPANRB applied in one evaluation year, with the evidence.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRule {
    /// Evaluation year.
    pub year: i64,
    /// Exact or reported.
    pub basis: PredicateBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Per indicator: evidence references (bukti dukung).
    pub evidence: Option<String>,
}

/// How an edition reads predicates: per evaluation year where known, else a default.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredicateRuleSpec {
    /// The basis for years without a known rule (and assessments without a year).
    pub default: PredicateBasis,
    /// Why this default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    /// Known rules per evaluation year.
    pub years: Vec<YearRule>,
}

/// How the evidence's met criteria (an assessment's `criteria_met`) give
/// the level they support.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaRuleSpec {
    /// `true`: a level is supported only when its criteria and those of every
    /// lower level are met (the highest unbroken run from the lowest level);
    /// `false`: the highest level whose criteria are met.
    pub cumulative: bool,
    /// Whether the edition states the rule (`stated`) or it is this
    /// library's reading of an open point (`assumed`).
    pub basis: String,
    /// The source or the reasoning.
    pub note: String,
}

/// One level of a level scale.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelSpec {
    /// The level.
    pub level: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Official name (Indonesian).
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    /// A second official name (8/2026: Merintis ... Unggul).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English form of the second name.
    pub label_en: Option<String>,
    /// On a continuous scale: the range of values this level stands for
    /// (bounds per the edition's `band_bounds`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub min: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    /// Upper bound.
    pub max: Option<Dec>,
    /// Official criteria text of this level on the scale (generic for all indicators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// Our own English summary, where no official text is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_en: Option<String>,
}

/// A level scale (e.g. Kapabilitas Proses, levels 1-5).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleSpec {
    /// Its id.
    pub id: String,
    /// Official name (Indonesian).
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    /// A value is any number from the lowest level's `min` to the highest
    /// level's `max` (8/2026), not only a whole level.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub continuous: bool,
    /// Levels, for an assessment without tracks.
    pub levels: Vec<LevelSpec>,
}

/// A predicate band from `min` to `max`; which bound is included is the
/// edition's [`BandBounds`].
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandSpec {
    /// Official name (Indonesian).
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    /// A second official label, where the edition has one (2026: Merintis ... Unggul).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English form of the second name.
    pub label_en: Option<String>,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    /// Lower bound.
    pub min: Dec,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    /// Upper bound.
    pub max: Dec,
}

/// How many items a repeatable indicator takes (2018 indicator 35: 1 to 3 services).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemsSpec {
    /// Lower bound.
    pub min: u8,
    /// Upper bound.
    pub max: u8,
}

/// One printed range of another agency's index (8/2026 I5-I7), kept as printed,
/// gaps included.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalRange {
    /// The level (range) of the indicator's scale this range maps to.
    pub level: u8,
    /// The condition as printed, e.g. `"12,5 < SDI ≤ 37,5"`.
    pub printed: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    /// Lower bound.
    pub min: Option<Dec>,
    #[serde(default)]
    /// Whether `min` is included.
    pub min_inclusive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    /// Upper bound.
    pub max: Option<Dec>,
    #[serde(default)]
    /// Whether `max` is included.
    pub max_inclusive: bool,
}

/// Another agency's index that an indicator is scored from or cites.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalSpec {
    /// The index, e.g. `SDI`, `SJIG`, `IPS`, `IKASANDI`.
    pub index: String,
    /// `scored_from` (the criteria print the index's ranges) or `cites`.
    pub relation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The agency that runs the index.
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// A factual note.
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    /// The ranges as printed.
    pub ranges: Vec<ExternalRange>,
}

/// An indicator.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSpec {
    /// Its id.
    pub id: String,
    /// Official name (Indonesian).
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    /// Weight in percent of the whole index; for a repeatable indicator, the weight of each item.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub weight: Dec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Kind of indicator, where the edition names one.
    pub kind: Option<String>,
    /// Id of the level scale.
    pub scale: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Official question (59/2020).
    pub question: Option<String>,
    /// Official criteria, one per level of the scale, lowest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// For a repeatable indicator: how many items it takes.
    pub items: Option<ItemsSpec>,
    /// Other names the official text prints for this indicator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Official description (8/2026 Deskripsi Indikator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The central agencies that guide this indicator (8/2026 Instansi Pembina).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instansi_pembina: Vec<String>,
    /// The functions responsible inside an institution (8/2026 Peran Fungsi di Instansi Pemerintah).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub peran_fungsi: Vec<String>,
    /// Another agency's index this indicator is scored from or cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<ExternalSpec>,
    /// Known anomalies of the official text about this indicator, kept visible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anomalies: Vec<String>,
    /// Where in the official text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An aspect.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectSpec {
    /// Its id.
    pub id: String,
    /// Official name (Indonesian).
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    /// Weight in percent of the whole index.
    pub weight: Dec,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    /// Other names the official text prints.
    pub aliases: Vec<String>,
    /// Its indicators, in order.
    pub indicators: Vec<IndicatorSpec>,
}

/// A domain.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainSpec {
    /// Its id.
    pub id: String,
    /// Official name (Indonesian).
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English name (ours, where no official one exists).
    pub name_en: Option<String>,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    /// Weight in percent of the whole index.
    pub weight: Dec,
    /// Its aspects, in order.
    pub aspects: Vec<AspectSpec>,
}

/// A rubric file, as written (the wire format of `spbe-core/rubrics/*.json`).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricSpec {
    /// Its id.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Short title (e.g. "PermenPANRB 59/2020").
    pub short_title: Option<String>,
    /// Full official title.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English title (ours).
    pub title_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The legal instrument.
    pub legal_basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Where it was published.
    pub publication: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Years the edition is in force.
    pub in_force: Option<InForce>,
    /// Whether the data is official, reconstructed, provisional or custom.
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// What the status rests on.
    pub status_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Name of the index (e.g. "Indeks SPBE").
    pub index_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// English name of the index.
    pub index_name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    /// Sources of the data.
    pub sources: Vec<String>,
    /// Level scales.
    pub scales: Vec<ScaleSpec>,
    /// Which bound of each predicate band is included.
    pub band_bounds: BandBounds,
    /// Predicate bands, lowest first.
    pub predicates: Vec<BandSpec>,
    /// Whether predicates are read from the exact or the rounded index, per year.
    /// Absent: always the exact index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate_rule: Option<PredicateRuleSpec>,
    /// How met criteria support a level (absent: cumulative, assumed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria_rule: Option<CriteriaRuleSpec>,
    /// Known anomalies of the official text, kept visible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anomalies: Vec<String>,
    /// Domains, for editions with a domain level (2018, 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<DomainSpec>>,
    /// Aspects directly under the index, for editions without domains (2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspects: Option<Vec<AspectSpec>>,
}
