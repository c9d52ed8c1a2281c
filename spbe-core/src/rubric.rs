//! Rubric editions as data: the serde model of a rubric file ([`RubricSpec`]),
//! its validation (every problem reported, not only the first), and the
//! validated, indexed [`Rubric`] that scoring uses.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result, RubricProblem};
use crate::ratio::Ratio;

/// Largest rubric file or assessment accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The built-in editions: (id, JSON text).
const BUILTIN_SOURCES: [(&str, &str); 3] = [
    (
        "permenpanrb-5-2018",
        include_str!("../rubrics/permenpanrb-5-2018.json"),
    ),
    (
        "permenpanrb-59-2020",
        include_str!("../rubrics/permenpanrb-59-2020.json"),
    ),
    (
        "permenpanrb-8-2026",
        include_str!("../rubrics/permenpanrb-8-2026.json"),
    ),
];

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
    pub from: i32,
    #[serde(default)]
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
    pub year: i64,
    pub basis: PredicateBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub years: Vec<YearRule>,
}

/// One level of a level scale.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelSpec {
    pub level: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// A second official name (8/2026: Merintis ... Unggul).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// On a continuous scale: the range of values this level stands for
    /// (bounds per the edition's `band_bounds`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub min: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
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
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// A value is any number from the lowest level's `min` to the highest
    /// level's `max` (8/2026), not only a whole level.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub continuous: bool,
    pub levels: Vec<LevelSpec>,
}

/// A predicate band from `min` to `max`; which bound is included is the
/// edition's [`BandBounds`].
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandSpec {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// A second official label, where the edition has one (2026: Merintis ... Unggul).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub min: Dec,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub max: Dec,
}

/// How many items a repeatable indicator takes (2018 indicator 35: 1 to 3 services).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemsSpec {
    pub min: u8,
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
    pub min: Option<Dec>,
    #[serde(default)]
    pub min_inclusive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub max: Option<Dec>,
    #[serde(default)]
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
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<ExternalRange>,
}

/// An indicator.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSpec {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Weight in percent of the whole index; for a repeatable indicator, the weight of each item.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub weight: Dec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Id of the level scale.
    pub scale: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Official criteria, one per level of the scale, lowest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub weight: Dec,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub indicators: Vec<IndicatorSpec>,
}

/// A domain.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainSpec {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub weight: Dec,
    pub aspects: Vec<AspectSpec>,
}

/// A rubric file, as written (the wire format of `spbe-core/rubrics/*.json`).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricSpec {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<InForce>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    pub scales: Vec<ScaleSpec>,
    /// Which bound of each predicate band is included.
    pub band_bounds: BandBounds,
    pub predicates: Vec<BandSpec>,
    /// Whether predicates are read from the exact or the rounded index, per year.
    /// Absent: always the exact index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate_rule: Option<PredicateRuleSpec>,
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

// ------------------------------------------------------------------ derived

#[derive(Clone, Debug)]
pub(crate) struct DomainD {
    pub weight: Ratio,
    pub aspects: std::ops::Range<usize>,
}

#[derive(Clone, Debug)]
pub(crate) struct AspectD {
    pub weight: Ratio,
    pub indicators: std::ops::Range<usize>,
    /// Weight of the aspect's parent (its domain's weight, or the index total).
    pub parent_weight: Ratio,
}

#[derive(Clone, Debug)]
pub(crate) struct IndicatorD {
    pub aspect: usize,
    pub weight: Ratio,
    /// weight × unit, an integer.
    pub w_int: i64,
    pub min_level: u8,
    pub max_level: u8,
    /// Any value from `min_level` to `max_level`, not only whole ones.
    pub continuous: bool,
    pub min_items: u8,
    pub max_items: u8,
    pub repeatable: bool,
    /// First slot of this indicator in the batch layout.
    pub slot: usize,
}

impl IndicatorD {
    /// What a valid value of this indicator is, for messages.
    pub(crate) fn valid(&self) -> String {
        valid_text(
            self.continuous,
            self.repeatable,
            self.min_level,
            self.max_level,
        )
    }
}

pub(crate) fn valid_text(continuous: bool, repeatable: bool, lo: u8, hi: u8) -> String {
    if continuous {
        format!("a number from {lo} to {hi}, e.g. 3, 1.26, \"1.26\" or \"7/6\"")
    } else if repeatable {
        format!("a whole number from {lo} to {hi}, or a list of them (one per service)")
    } else {
        format!("a whole number from {lo} to {hi}")
    }
}

#[derive(Clone, Debug)]
pub(crate) struct BandD {
    pub max: Ratio,
}

/// Precomputed integer multipliers for the common case where every aspect has
/// its nominal set of items (see `score::kernel`).
#[derive(Clone, Debug)]
pub(crate) struct FastPath {
    /// Nominal Σ w_int per aspect.
    pub aspect_den: Vec<i64>,
    /// index = Σ_a k_a · N_a / q
    pub k_index: Vec<i64>,
    pub q_index: i64,
    /// domain d = Σ_{a∈d} k_a · N_a / q_d (per aspect multiplier, per domain q)
    pub k_domain: Vec<i64>,
    pub q_domain: Vec<i64>,
    /// Upper bounds of the predicate bands in hundredths, when they are whole hundredths.
    pub band_max_h: Option<Vec<i64>>,
    /// Upper bounds of the predicate bands times `q_index`, when whole: the
    /// exact index `num / q_index` is compared with them as integers.
    pub band_max_q: Option<Vec<i64>>,
}

#[derive(Clone, Debug)]
pub(crate) struct Derived {
    pub domains: Vec<DomainD>,
    pub aspects: Vec<AspectD>,
    pub indicators: Vec<IndicatorD>,
    pub bands: Vec<BandD>,
    pub total: Ratio,
    pub slots: usize,
    pub index_of: HashMap<String, usize>,
    pub min_level: u8,
    pub max_level: u8,
    pub upper_inclusive: bool,
    pub fast: Option<FastPath>,
}

/// One edition in a listing (`spbe rubrics --format json`, the JS `rubrics()`).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RubricSummary {
    pub id: String,
    pub short_title: Option<String>,
    pub title: String,
    pub status: Status,
    pub in_force: Option<InForce>,
    pub index_name: Option<String>,
    pub index_name_en: Option<String>,
    pub domains: usize,
    pub aspects: usize,
    pub indicators: usize,
}

/// A validated rubric edition.
#[derive(Clone, Debug)]
pub struct Rubric {
    spec: RubricSpec,
    pub(crate) d: Derived,
}

impl PartialEq for Rubric {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Serialize for Rubric {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.spec.serialize(s)
    }
}

static BUILTINS: OnceLock<Vec<Result<Rubric>>> = OnceLock::new();

fn builtins_cell() -> &'static Vec<Result<Rubric>> {
    BUILTINS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .map(|(_, text)| Rubric::from_json(text))
            .collect()
    })
}

/// Ids of the built-in editions, oldest first.
pub fn builtin_ids() -> Vec<&'static str> {
    BUILTIN_SOURCES.iter().map(|(id, _)| *id).collect()
}

/// A built-in edition by id (e.g. `"permenpanrb-59-2020"`).
pub fn builtin(id: &str) -> Result<&'static Rubric> {
    let pos = BUILTIN_SOURCES
        .iter()
        .position(|(bid, _)| *bid == id)
        .ok_or_else(|| Error::UnknownRubric {
            id: id.to_owned(),
            known: builtin_ids().join(", "),
        })?;
    match builtins_cell().get(pos) {
        Some(Ok(r)) => Ok(r),
        Some(Err(e)) => Err(e.clone()),
        None => Err(Error::UnknownRubric {
            id: id.to_owned(),
            known: builtin_ids().join(", "),
        }),
    }
}

/// All built-in editions, oldest first.
pub fn builtins() -> Result<Vec<&'static Rubric>> {
    builtin_ids().into_iter().map(builtin).collect()
}

impl Rubric {
    /// Loads and validates a rubric from JSON text.
    pub fn from_json(text: &str) -> Result<Rubric> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::InputTooLarge {
                size: text.len(),
                limit: MAX_INPUT_BYTES,
            });
        }
        let spec: RubricSpec = serde_json::from_str(text).map_err(|e| {
            let mut err = json_error(&e, "rubric");
            // rubric files written before band_bounds existed: say what to add
            if let Error::InvalidRubric { problems, .. } = &mut err {
                for p in problems.iter_mut() {
                    if p.message.contains("missing field `band_bounds`") {
                        p.message.push_str(": add \"band_bounds\": \"lower_inclusive\" (each band [min, max), the top one [min, max], as in 5/2018 and 59/2020) or \"upper_inclusive\" (each band (min, max], the lowest [min, max], as in 8/2026)");
                    }
                }
            }
            err
        })?;
        Rubric::from_spec(spec)
    }

    /// Loads and validates a rubric file.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Rubric> {
        let text = crate::read_limited(path.as_ref())?;
        Rubric::from_json(&text)
    }

    /// Validates a rubric spec, reporting every problem found.
    pub fn from_spec(spec: RubricSpec) -> Result<Rubric> {
        let mut problems = Vec::new();
        let derived = derive(&spec, &mut problems);
        match derived {
            Some(d) if problems.is_empty() => Ok(Rubric { spec, d }),
            _ => Err(Error::InvalidRubric {
                id: spec.id.clone(),
                problems,
            }),
        }
    }

    /// The edition in a listing: titles, status, years and counts.
    pub fn summary(&self) -> RubricSummary {
        let s = &self.spec;
        RubricSummary {
            id: s.id.clone(),
            short_title: s.short_title.clone(),
            title: s.title.clone(),
            status: s.status,
            in_force: s.in_force.clone(),
            index_name: s.index_name.clone(),
            index_name_en: s.index_name_en.clone(),
            domains: self.domains().len(),
            aspects: self.d.aspects.len(),
            indicators: self.d.indicators.len(),
        }
    }

    /// The edition id, e.g. `permenpanrb-59-2020`.
    pub fn id(&self) -> &str {
        &self.spec.id
    }
    /// The full spec (names, weights, questions, criteria ...).
    pub fn spec(&self) -> &RubricSpec {
        &self.spec
    }
    /// Whether the edition has a domain level (2018, 2020) or not (2026).
    pub fn has_domains(&self) -> bool {
        self.spec.domains.is_some()
    }
    /// Domains in order (empty for editions without domains).
    pub fn domains(&self) -> &[DomainSpec] {
        self.spec.domains.as_deref().unwrap_or(&[])
    }
    /// All aspects in order, with their domain (if any).
    pub fn aspects(&self) -> Vec<(Option<&DomainSpec>, &AspectSpec)> {
        match (&self.spec.domains, &self.spec.aspects) {
            (Some(ds), _) => ds
                .iter()
                .flat_map(|d| d.aspects.iter().map(move |a| (Some(d), a)))
                .collect(),
            (None, Some(asp)) => asp.iter().map(|a| (None, a)).collect(),
            (None, None) => Vec::new(),
        }
    }
    /// All indicators in order, with their aspect and domain.
    pub fn indicators(&self) -> Vec<(Option<&DomainSpec>, &AspectSpec, &IndicatorSpec)> {
        self.aspects()
            .into_iter()
            .flat_map(|(d, a)| a.indicators.iter().map(move |i| (d, a, i)))
            .collect()
    }
    /// One indicator by id.
    pub fn indicator(
        &self,
        id: &str,
    ) -> Option<(Option<&DomainSpec>, &AspectSpec, &IndicatorSpec)> {
        self.indicators().into_iter().find(|(_, _, i)| i.id == id)
    }
    /// Indicator ids in order.
    pub fn indicator_ids(&self) -> Vec<&str> {
        self.indicators()
            .into_iter()
            .map(|(_, _, i)| i.id.as_str())
            .collect()
    }
    /// A level scale by id.
    pub fn scale(&self, id: &str) -> Option<&ScaleSpec> {
        self.spec.scales.iter().find(|s| s.id == id)
    }
    /// Predicate bands, lowest first.
    pub fn predicates(&self) -> &[BandSpec] {
        &self.spec.predicates
    }
    /// Which bound of each predicate band is included.
    pub fn band_bounds(&self) -> BandBounds {
        self.spec.band_bounds
    }
    /// What a valid value is, for an indicator that may not exist.
    pub(crate) fn valid_for(&self, indicator: &str) -> String {
        match self
            .position(indicator)
            .and_then(|p| self.d.indicators.get(p))
        {
            Some(i) => i.valid(),
            None => {
                let all_continuous = self.d.indicators.iter().all(|i| i.continuous);
                valid_text(all_continuous, false, self.d.min_level, self.d.max_level)
            }
        }
    }
    /// Whether an indicator takes continuous values (`None`: no such indicator).
    pub(crate) fn is_continuous(&self, indicator: &str) -> Option<bool> {
        self.position(indicator)
            .and_then(|p| self.d.indicators.get(p))
            .map(|i| i.continuous)
    }
    /// Lowest and highest level of any scale.
    pub fn level_range(&self) -> (u8, u8) {
        (self.d.min_level, self.d.max_level)
    }
    /// Position of an indicator in rubric order.
    pub fn position(&self, indicator: &str) -> Option<usize> {
        self.d.index_of.get(indicator).copied()
    }
    /// Names of the batch slots (columns) in order: the indicator id, and for a
    /// repeatable indicator `"<id>.1"`, `"<id>.2"`, ... one per possible item.
    pub fn slot_names(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.d.slots);
        for ((_, _, spec), ind) in self.indicators().into_iter().zip(&self.d.indicators) {
            if ind.repeatable {
                for k in 1..=ind.max_items {
                    out.push(format!("{}.{}", spec.id, k));
                }
            } else {
                out.push(spec.id.clone());
            }
        }
        out
    }
    /// A human-readable list of valid indicator ids, like `1..47`.
    pub(crate) fn valid_ids_text(&self) -> String {
        let ids = self.indicator_ids();
        let numeric: Option<Vec<u64>> = ids.iter().map(|s| s.parse::<u64>().ok()).collect();
        if let Some(n) = numeric {
            if let (Some(first), Some(last)) = (n.first(), n.last()) {
                if n.iter().enumerate().all(|(k, v)| *v == first + k as u64) {
                    return format!("\"{first}\" to \"{last}\"");
                }
            }
        }
        ids.join(", ")
    }
}

pub(crate) fn json_error(e: &serde_json::Error, what: &str) -> Error {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => Error::MalformedJson {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        },
        Category::Data if what == "rubric" => Error::InvalidRubric {
            id: String::new(),
            problems: vec![RubricProblem {
                code: "shape",
                path: format!("line {}, column {}", e.line(), e.column()),
                message: strip_position(&e.to_string()),
            }],
        },
        Category::Data => Error::InvalidAssessment {
            message: format!("{what}: {e}"),
        },
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(p) => msg[..p].to_owned(),
        None => msg.to_owned(),
    }
}

// ------------------------------------------------------------------ validation

struct Ctx<'a> {
    problems: &'a mut Vec<RubricProblem>,
}

impl Ctx<'_> {
    fn add(&mut self, code: &'static str, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(RubricProblem {
            code,
            path: path.into(),
            message: message.into(),
        });
    }
}

fn valid_id(s: &str, allow_upper: bool) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| {
            b.is_ascii_digit()
                || b.is_ascii_lowercase()
                || b == b'-'
                || (allow_upper && (b.is_ascii_uppercase() || b == b'_'))
        })
}

fn check_weight(ctx: &mut Ctx<'_>, path: &str, w: &Dec) {
    let v = w.value();
    if v <= Ratio::ZERO {
        ctx.add(
            "weight_not_positive",
            path,
            format!("weight {} must be greater than 0", w),
        );
    }
    if v > Ratio::int(100) {
        ctx.add(
            "weight_too_large",
            path,
            format!(
                "weight {} is larger than 100 (weights are percent of the whole index)",
                w
            ),
        );
    }
    // decimals: denominators of weights must divide 10^6
    if 1_000_000 % v.denom() != 0 {
        ctx.add(
            "weight_precision",
            path,
            format!("weight {} has more than 6 decimals", w),
        );
    }
}

fn derive(spec: &RubricSpec, problems: &mut Vec<RubricProblem>) -> Option<Derived> {
    let mut ctx = Ctx { problems };
    if !valid_id(&spec.id, false) {
        ctx.add("invalid_id", "id", format!("rubric id {:?} must be lower-case letters, digits and '-' (like \"permenpanrb-59-2020\")", spec.id));
    }

    // scales
    let mut scale_range: HashMap<&str, (u8, u8, usize, bool)> = HashMap::new();
    let mut scale_ids = HashSet::new();
    for (si, s) in spec.scales.iter().enumerate() {
        let path = format!("scales[{si}]");
        if !scale_ids.insert(s.id.as_str()) {
            ctx.add(
                "duplicate_id",
                &path,
                format!("scale id {:?} is used twice", s.id),
            );
        }
        if s.levels.len() < 2 {
            ctx.add(
                "scale_levels",
                &path,
                format!("scale {:?} needs at least 2 levels", s.id),
            );
        }
        let mut ok = true;
        for (k, l) in s.levels.iter().enumerate() {
            if l.level > 9 {
                ctx.add(
                    "scale_levels",
                    format!("{path}.levels[{k}]"),
                    format!("level {} is above 9; levels must lie in 0..=9", l.level),
                );
                ok = false;
            }
            if let Some(prev) = k.checked_sub(1).and_then(|p| s.levels.get(p)) {
                if l.level != prev.level.wrapping_add(1) {
                    ctx.add(
                        "scale_levels",
                        format!("{path}.levels[{k}]"),
                        format!(
                            "levels must be consecutive and ascending; {} follows {}",
                            l.level, prev.level
                        ),
                    );
                    ok = false;
                }
            }
        }
        let with_criteria = s.levels.iter().filter(|l| l.criteria.is_some()).count();
        if with_criteria != 0 && with_criteria != s.levels.len() {
            ctx.add("missing_criteria", &path, format!("scale {:?} gives criteria for {} of its {} levels; give them for every level or for none", s.id, with_criteria, s.levels.len()));
        }
        let ranged = s
            .levels
            .iter()
            .filter(|l| l.min.is_some() || l.max.is_some())
            .count();
        if s.continuous {
            // every level a range; contiguous; the whole range from one whole number to another
            for (k, l) in s.levels.iter().enumerate() {
                let lpath = format!("{path}.levels[{k}]");
                match (&l.min, &l.max) {
                    (Some(lo), Some(hi)) if lo.value() < hi.value() => {}
                    (Some(lo), Some(hi)) => {
                        ctx.add(
                            "scale_range",
                            &lpath,
                            format!(
                                "level {} has an empty range: min {lo} is not below max {hi}",
                                l.level
                            ),
                        );
                        ok = false;
                    }
                    _ => {
                        ctx.add("scale_range", &lpath, format!("level {} of continuous scale {:?} needs \"min\" and \"max\": the range of values it stands for", l.level, s.id));
                        ok = false;
                    }
                }
                if let (Some(prev), Some(lo)) =
                    (k.checked_sub(1).and_then(|p| s.levels.get(p)), &l.min)
                {
                    if prev.max.as_ref().is_some_and(|pm| pm.value() != lo.value()) {
                        ctx.add("scale_range", &lpath, format!("level {} starts at {lo} but level {} ends elsewhere; ranges must be contiguous", l.level, prev.level));
                        ok = false;
                    }
                }
            }
            let whole = |d: Option<&Dec>| {
                d.and_then(|d| {
                    let v = d.value();
                    (v.denom() == 1 && (0..=9).contains(&v.numer())).then(|| v.numer() as u8)
                })
            };
            let lo = whole(s.levels.first().and_then(|l| l.min.as_ref()));
            let hi = whole(s.levels.last().and_then(|l| l.max.as_ref()));
            match (lo, hi) {
                (Some(lo), Some(hi)) if ok => {
                    scale_range.insert(&s.id, (lo, hi, s.levels.len(), true));
                }
                (Some(_), Some(_)) => {}
                _ => ctx.add("scale_range", &path, format!("continuous scale {:?} must run from one whole number in 0..=9 to another (its lowest min and highest max)", s.id)),
            }
        } else {
            if ranged > 0 {
                ctx.add("scale_range", &path, format!("scale {:?} gives value ranges (min/max) but is not continuous; add \"continuous\": true or remove them", s.id));
            }
            if let (Some(first), Some(last)) = (s.levels.first(), s.levels.last()) {
                if ok {
                    scale_range.insert(&s.id, (first.level, last.level, s.levels.len(), false));
                }
            }
        }
    }

    // hierarchy
    let flat = match (&spec.domains, &spec.aspects) {
        (Some(_), Some(_)) => {
            ctx.add(
                "hierarchy",
                "",
                "give either \"domains\" or \"aspects\" at the top level, not both",
            );
            return None;
        }
        (None, None) => {
            ctx.add(
                "hierarchy",
                "",
                "the rubric has neither \"domains\" nor \"aspects\"",
            );
            return None;
        }
        (None, Some(_)) => true,
        (Some(_), None) => false,
    };

    let mut domains = Vec::new();
    let mut aspects = Vec::new();
    let mut indicators = Vec::new();
    let mut index_of = HashMap::new();
    let mut aspect_ids = HashSet::new();
    let mut domain_ids = HashSet::new();
    let mut slots = 0usize;
    let hundred = Ratio::int(100);
    let mut top_sum = Ratio::ZERO;
    let mut overflow = false;

    let mut add_aspect = |ctx: &mut Ctx<'_>,
                          a: &AspectSpec,
                          path: String,
                          parent_weight: Ratio,
                          aspects: &mut Vec<AspectD>,
                          indicators: &mut Vec<IndicatorD>| {
        if !aspect_ids.insert(a.id.clone()) {
            ctx.add(
                "duplicate_id",
                &path,
                format!("aspect id {:?} is used twice", a.id),
            );
        }
        if !valid_id(&a.id, true) {
            ctx.add(
                "invalid_id",
                &path,
                format!("aspect id {:?} must be letters, digits, '-' or '_'", a.id),
            );
        }
        check_weight(ctx, &format!("{path}.weight"), &a.weight);
        if a.indicators.is_empty() {
            ctx.add(
                "empty",
                &path,
                format!("aspect {:?} has no indicators", a.id),
            );
        }
        let start = indicators.len();
        let mut sum = Ratio::ZERO;
        for (ii, ind) in a.indicators.iter().enumerate() {
            let ipath = format!("{path}.indicators[{ii}]");
            if index_of.insert(ind.id.clone(), indicators.len()).is_some() {
                ctx.add(
                    "duplicate_id",
                    &ipath,
                    format!("indicator id {:?} is used twice", ind.id),
                );
            }
            if !valid_id(&ind.id, true) || ind.id.len() > 32 {
                ctx.add(
                    "invalid_id",
                    &ipath,
                    format!(
                        "indicator id {:?} must be 1-32 letters, digits, '-' or '_'",
                        ind.id
                    ),
                );
            }
            check_weight(ctx, &format!("{ipath}.weight"), &ind.weight);
            sum = sum.checked_add(ind.weight.value()).unwrap_or_else(|| {
                overflow = true;
                Ratio::ZERO
            });
            let (min_level, max_level, n_levels, continuous) = match scale_range
                .get(ind.scale.as_str())
            {
                Some(r) => *r,
                // a scale that exists but is invalid is reported once, at the scale
                None if spec.scales.iter().any(|s| s.id == ind.scale) => (1, 5, 5, false),
                None => {
                    ctx.add("unknown_scale", &ipath, format!("indicator {:?} uses scale {:?}, which is not defined; defined scales: {}", ind.id, ind.scale, spec.scales.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")));
                    (1, 5, 5, false)
                }
            };
            if let Some(c) = &ind.criteria {
                if c.len() != n_levels {
                    ctx.add("missing_criteria", &ipath, format!("indicator {:?} gives {} criteria but its scale {:?} has {} levels; give one per level", ind.id, c.len(), ind.scale, n_levels));
                }
            }
            if continuous && ind.items.is_some() {
                ctx.add(
                    "items",
                    &ipath,
                    format!(
                        "indicator {:?} is on a continuous scale and cannot take a list of items",
                        ind.id
                    ),
                );
            }
            if let Some(ext) = &ind.external {
                let levels: Vec<u8> = spec
                    .scales
                    .iter()
                    .find(|s| s.id == ind.scale)
                    .map(|s| s.levels.iter().map(|l| l.level).collect())
                    .unwrap_or_default();
                for (ri, r) in ext.ranges.iter().enumerate() {
                    if !levels.contains(&r.level) {
                        ctx.add(
                            "external_range",
                            format!("{ipath}.external.ranges[{ri}]"),
                            format!(
                                "range for level {} is not a level of scale {:?}",
                                r.level, ind.scale
                            ),
                        );
                    }
                }
            }
            let (min_items, max_items, repeatable) = match ind.items {
                Some(it) => {
                    if it.min < 1 || it.max < it.min || it.max > 9 {
                        ctx.add(
                            "items",
                            &ipath,
                            format!(
                                "items {{min: {}, max: {}}} must satisfy 1 <= min <= max <= 9",
                                it.min, it.max
                            ),
                        );
                    }
                    (it.min, it.max, true)
                }
                None => (1, 1, false),
            };
            let unit_w = ind.weight.value();
            indicators.push(IndicatorD {
                aspect: aspects.len(),
                weight: unit_w,
                w_int: 0,
                min_level,
                max_level,
                continuous,
                min_items,
                max_items,
                repeatable,
                slot: slots,
            });
            slots += if repeatable {
                usize::from(max_items.max(1))
            } else {
                1
            };
        }
        if sum != a.weight.value() && !a.indicators.is_empty() {
            ctx.add("weight_sum", &path, format!("the weights of aspect {:?}'s indicators add up to {} but the aspect's weight is {}", a.id, sum, a.weight));
        }
        aspects.push(AspectD {
            weight: a.weight.value(),
            indicators: start..indicators.len(),
            parent_weight,
        });
    };

    if flat {
        let list = spec.aspects.as_deref().unwrap_or(&[]);
        if list.is_empty() {
            ctx.add("empty", "aspects", "the rubric has no aspects");
        }
        for (ai, a) in list.iter().enumerate() {
            top_sum = top_sum.checked_add(a.weight.value()).unwrap_or(Ratio::ZERO);
            add_aspect(
                &mut ctx,
                a,
                format!("aspects[{ai}]"),
                hundred,
                &mut aspects,
                &mut indicators,
            );
        }
        if top_sum != hundred {
            ctx.add(
                "weight_total",
                "aspects",
                format!("the aspect weights add up to {top_sum}, not 100"),
            );
        }
    } else {
        let list = spec.domains.as_deref().unwrap_or(&[]);
        if list.is_empty() {
            ctx.add("empty", "domains", "the rubric has no domains");
        }
        for (di, d) in list.iter().enumerate() {
            let path = format!("domains[{di}]");
            if !domain_ids.insert(d.id.clone()) {
                ctx.add(
                    "duplicate_id",
                    &path,
                    format!("domain id {:?} is used twice", d.id),
                );
            }
            if !valid_id(&d.id, true) {
                ctx.add(
                    "invalid_id",
                    &path,
                    format!("domain id {:?} must be letters, digits, '-' or '_'", d.id),
                );
            }
            check_weight(&mut ctx, &format!("{path}.weight"), &d.weight);
            top_sum = top_sum.checked_add(d.weight.value()).unwrap_or(Ratio::ZERO);
            if d.aspects.is_empty() {
                ctx.add("empty", &path, format!("domain {:?} has no aspects", d.id));
            }
            let start = aspects.len();
            let mut sum = Ratio::ZERO;
            for (ai, a) in d.aspects.iter().enumerate() {
                sum = sum.checked_add(a.weight.value()).unwrap_or(Ratio::ZERO);
                add_aspect(
                    &mut ctx,
                    a,
                    format!("{path}.aspects[{ai}]"),
                    d.weight.value(),
                    &mut aspects,
                    &mut indicators,
                );
            }
            if sum != d.weight.value() && !d.aspects.is_empty() {
                ctx.add("weight_sum", &path, format!("the weights of domain {:?}'s aspects add up to {} but the domain's weight is {}", d.id, sum, d.weight));
            }
            domains.push(DomainD {
                weight: d.weight.value(),
                aspects: start..aspects.len(),
            });
        }
        if top_sum != hundred {
            ctx.add(
                "weight_total",
                "domains",
                format!("the domain weights add up to {top_sum}, not 100"),
            );
        }
    }
    if overflow {
        ctx.add(
            "weight_precision",
            "",
            "weights are too large to add exactly",
        );
    }

    let used_ranges: Vec<(u8, u8)> = indicators
        .iter()
        .map(|i| (i.min_level, i.max_level))
        .collect();
    let min_level = used_ranges.iter().map(|r| r.0).min().unwrap_or(1);
    let max_level = used_ranges.iter().map(|r| r.1).max().unwrap_or(5);

    // predicate bands
    let mut bands = Vec::new();
    let mut names = HashSet::new();
    if spec.predicates.is_empty() {
        ctx.add(
            "predicates",
            "predicates",
            "the rubric has no predicate bands",
        );
    }
    for (bi, b) in spec.predicates.iter().enumerate() {
        let path = format!("predicates[{bi}]");
        if !names.insert(b.name.as_str()) {
            ctx.add(
                "duplicate_id",
                &path,
                format!("predicate {:?} is used twice", b.name),
            );
        }
        if b.min.value() >= b.max.value() {
            ctx.add(
                "predicate_band",
                &path,
                format!(
                    "band {:?} is empty: min {} is not below max {}",
                    b.name, b.min, b.max
                ),
            );
        }
        if let Some(prev) = bi.checked_sub(1).and_then(|p| spec.predicates.get(p)) {
            match b.min.value().cmp(&prev.max.value()) {
                std::cmp::Ordering::Greater => ctx.add("predicate_gap", &path, format!("gap between {:?} (up to {}) and {:?} (from {}); each band must start where the one below ends", prev.name, prev.max, b.name, b.min)),
                std::cmp::Ordering::Less => ctx.add("predicate_overlap", &path, format!("{:?} (from {}) overlaps {:?} (up to {}); list bands from lowest to highest, each starting where the one below ends", b.name, b.min, prev.name, prev.max)),
                std::cmp::Ordering::Equal => {}
            }
        }
        bands.push(BandD { max: b.max.value() });
    }
    if let (Some(first), Some(last)) = (spec.predicates.first(), spec.predicates.last()) {
        if first.min.value() > Ratio::int(i128::from(min_level)) {
            ctx.add(
                "predicate_coverage",
                "predicates[0]",
                format!(
                    "the lowest band starts at {} but an index can be as low as {}",
                    first.min, min_level
                ),
            );
        }
        if last.max.value() < Ratio::int(i128::from(max_level)) {
            ctx.add(
                "predicate_coverage",
                format!("predicates[{}]", spec.predicates.len() - 1),
                format!(
                    "the highest band ends at {} but an index can be as high as {}",
                    last.max, max_level
                ),
            );
        }
    }

    if let Some(rule) = &spec.predicate_rule {
        let mut years = HashSet::new();
        for (k, y) in rule.years.iter().enumerate() {
            if !years.insert(y.year) {
                ctx.add(
                    "duplicate_id",
                    format!("predicate_rule.years[{k}]"),
                    format!("year {} has two predicate rules", y.year),
                );
            }
        }
    }

    if !ctx.problems.is_empty() {
        return None;
    }

    // integer weights: unit = lcm of weight denominators (divides 10^6)
    let mut unit: i128 = 1;
    for i in &indicators {
        let d = i.weight.denom();
        unit = unit / crate::ratio::gcd(unit, d) * d;
    }
    for i in &mut indicators {
        let w = i.weight.checked_mul(Ratio::int(unit))?;
        i.w_int = i64::try_from(w.numer()).ok()?;
    }
    let mut d = Derived {
        domains,
        aspects,
        indicators,
        bands,
        total: hundred,
        slots,
        index_of,
        min_level,
        max_level,
        upper_inclusive: spec.band_bounds == BandBounds::UpperInclusive,
        fast: None,
    };
    d.fast = fast_path(&d);
    Some(d)
}

/// Precomputes integer multipliers: with nominal item counts, aspect index
/// a = N_a / D_a, and index = Σ (W_a / 100) · N_a / D_a = Σ k_a N_a / q.
fn fast_path(d: &Derived) -> Option<FastPath> {
    let mut aspect_den = Vec::with_capacity(d.aspects.len());
    let mut coef = Vec::with_capacity(d.aspects.len()); // W_a / (100 · D_a)
    let mut dcoef = Vec::with_capacity(d.aspects.len()); // W_a / (W_parent · D_a)
    for a in &d.aspects {
        let mut den: i64 = 0;
        for i in d.indicators.get(a.indicators.clone())? {
            den = den.checked_add(i.w_int.checked_mul(i64::from(i.min_items))?)?;
        }
        // nominal = every indicator at its minimum item count (1 for all)
        aspect_den.push(den);
        coef.push(
            a.weight
                .checked_div(d.total.checked_mul(Ratio::int(i128::from(den)))?)?,
        );
        dcoef.push(
            a.weight
                .checked_div(a.parent_weight.checked_mul(Ratio::int(i128::from(den)))?)?,
        );
    }
    let lcm = |rs: &[Ratio]| -> Option<i128> {
        let mut q: i128 = 1;
        for r in rs {
            q = (q / crate::ratio::gcd(q, r.denom())).checked_mul(r.denom())?;
        }
        Some(q)
    };
    let q_index = lcm(&coef)?;
    let k_index = coef
        .iter()
        .map(|c| c.checked_mul(Ratio::int(q_index)).map(|r| r.numer()))
        .collect::<Option<Vec<_>>>()?;
    let mut q_domain = Vec::with_capacity(d.domains.len());
    let mut k_domain = vec![0i128; d.aspects.len()];
    for dom in &d.domains {
        let cs = dcoef.get(dom.aspects.clone())?;
        let q = lcm(cs)?;
        for (k, c) in dom.aspects.clone().zip(cs) {
            *k_domain.get_mut(k)? = c.checked_mul(Ratio::int(q))?.numer();
        }
        q_domain.push(q);
    }
    // guard: with every level at most 9, Σ k·N, times 200, plus q must fit in
    // i64, so the batch can use plain i64 arithmetic without overflow.
    let bound = |ks: &[i128], q: i128| -> Option<()> {
        let mut total: i128 = 0;
        for (k, den) in ks.iter().zip(&aspect_den) {
            total = total.checked_add(
                k.checked_abs()?
                    .checked_mul(i128::from(*den).checked_mul(9)?)?,
            )?;
        }
        let worst = total.checked_mul(200)?.checked_add(q.checked_mul(2)?)?;
        (worst < i128::from(i64::MAX)).then_some(())
    };
    bound(&k_index, q_index)?;
    for (dom, q) in d.domains.iter().zip(&q_domain) {
        let ks: Vec<i128> = (0..d.aspects.len())
            .map(|a| {
                if dom.aspects.contains(&a) {
                    k_domain.get(a).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        bound(&ks, *q)?;
    }
    for den in &aspect_den {
        den.checked_mul(9 * 200 + 2)?;
    }
    let to64 = |v: &[i128]| {
        v.iter()
            .map(|x| i64::try_from(*x).ok())
            .collect::<Option<Vec<i64>>>()
    };
    let band_max_h = d
        .bands
        .iter()
        .map(|b| {
            let h = b.max.checked_mul(Ratio::int(100))?;
            (h.denom() == 1)
                .then(|| i64::try_from(h.numer()).ok())
                .flatten()
        })
        .collect::<Option<Vec<i64>>>();
    let band_max_q = d
        .bands
        .iter()
        .map(|b| {
            let v = b.max.checked_mul(Ratio::int(q_index))?;
            (v.denom() == 1)
                .then(|| i64::try_from(v.numer()).ok())
                .flatten()
        })
        .collect::<Option<Vec<i64>>>();
    Some(FastPath {
        band_max_q,
        aspect_den,
        k_index: to64(&k_index)?,
        q_index: i64::try_from(q_index).ok()?,
        k_domain: to64(&k_domain)?,
        q_domain: to64(&q_domain)?,
        band_max_h,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn builtins_load_and_validate() {
        for id in builtin_ids() {
            let r = builtin(id).unwrap();
            assert_eq!(r.id(), id);
            assert!(r.d.fast.is_some(), "{id} fast path");
        }
    }

    #[test]
    fn decimal_weights_from_numbers_are_exact() {
        let d: Dec = serde_json::from_str("1.3").unwrap();
        assert_eq!(d.value(), Ratio::new(13, 10).unwrap());
        let d: Dec = serde_json::from_str("\"45.50\"").unwrap();
        assert_eq!(d.value(), Ratio::new(91, 2).unwrap());
        assert_eq!(d.as_str(), "45.50");
        let d: Dec = serde_json::from_str("13").unwrap();
        assert_eq!(d.value(), Ratio::int(13));
        assert!(serde_json::from_str::<Dec>("\"1,3\"").is_err());
        assert!(serde_json::from_str::<Dec>("1e300").is_err());
    }
}
