//! Rubric editions as data: the serde model of a rubric file ([`spec`]), its
//! validation (`validate`: every problem reported, not only the first), and
//! the validated, indexed [`Rubric`] that scoring uses.

mod fast;
pub mod spec;
mod validate;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Serialize, Serializer};

pub use self::spec::*;
use crate::error::{Error, Result};
use crate::input::{check_size, json_error, read_limited};
use crate::ratio::Ratio;
use crate::report::Text;
pub(crate) use fast::{FastPath, Fixed, Thresholds};

/// The built-in editions: (id, JSON text).
const BUILTIN_SOURCES: [(&str, &str); 3] = [
    (
        "permenpanrb-5-2018",
        include_str!("../../rubrics/permenpanrb-5-2018.json"),
    ),
    (
        "permenpanrb-59-2020",
        include_str!("../../rubrics/permenpanrb-59-2020.json"),
    ),
    (
        "permenpanrb-8-2026",
        include_str!("../../rubrics/permenpanrb-8-2026.json"),
    ),
];

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
    use crate::error::text::Valid;
    if continuous {
        Valid::Number { lo, hi }
    } else if repeatable {
        Valid::WholeOrList { lo, hi }
    } else {
        Valid::Whole { lo, hi }
    }
    .to_string()
}

#[derive(Clone, Debug)]
pub(crate) struct BandD {
    pub max: Ratio,
}

#[derive(Clone, Debug)]
pub(crate) struct Derived {
    pub domains: Vec<DomainD>,
    pub aspects: Vec<AspectD>,
    pub indicators: Vec<IndicatorD>,
    pub bands: Vec<BandD>,
    pub total: Ratio,
    pub slots: usize,
    pub index_of: IdMap,
    /// Indicator ids in rubric order (position -> id), for errors and listings.
    pub ids: Vec<String>,
    pub min_level: u8,
    pub max_level: u8,
    pub upper_inclusive: bool,
    pub fast: Option<FastPath>,
    /// The valid ids as messages name them (computed once: an error per
    /// unknown key must not cost the size of the rubric).
    pub valid_ids: String,
}

/// A small, fast hasher for the id lookup of every scored value (`FxHash`'s
/// multiply-rotate): the keys are the rubric's own ids, so a fixed seed is no
/// risk, and SipHash was a tenth of a single score's time.
#[derive(Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let (chunks, rest) = bytes.as_chunks::<8>();
        for c in chunks {
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(*c)).wrapping_mul(K);
        }
        for b in rest {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The map from indicator id to position.
pub(crate) type IdMap = HashMap<String, usize, std::hash::BuildHasherDefault<IdHasher>>;

/// A domain's or an aspect's id, names and weight as reports give them.
#[derive(Clone, Debug)]
pub(crate) struct Named {
    pub id: Text,
    pub name: Text,
    pub name_en: Option<Text>,
    pub weight: f64,
}

/// A predicate band's names as reports give them.
#[derive(Clone, Debug)]
pub(crate) struct BandNames {
    pub name: Text,
    pub name_en: Option<Text>,
    pub label: Option<Text>,
}

/// The rubric's ids and names, shared with every report built from it (a
/// report clones a reference, or for a built-in edition a static `&str`,
/// not the text), and its weights as `f64`.
#[derive(Clone, Debug)]
pub(crate) struct Names {
    pub rubric: Text,
    pub index_name: Option<Text>,
    pub indicators: Vec<Text>,
    pub indicator_weight: Vec<f64>,
    pub aspects: Vec<Named>,
    /// Per aspect, its domain's id.
    pub aspect_domain: Vec<Option<Text>>,
    pub domains: Vec<Named>,
    pub bands: Vec<BandNames>,
}

impl Named {
    fn leaked(&self) -> Named {
        Named {
            id: self.id.leak(),
            name: self.name.leak(),
            name_en: self.name_en.as_ref().map(Text::leak),
            weight: self.weight,
        }
    }
}

impl Names {
    /// The same names living as long as the program, for a built-in edition
    /// (built once, in a `static`, never dropped): a report then clones each
    /// name without touching a reference count (a 5/2018 report made about
    /// 120 atomic updates, cloning and dropping its names).
    fn leaked(&self) -> Names {
        Names {
            rubric: self.rubric.leak(),
            index_name: self.index_name.as_ref().map(Text::leak),
            indicators: self.indicators.iter().map(Text::leak).collect(),
            indicator_weight: self.indicator_weight.clone(),
            aspects: self.aspects.iter().map(Named::leaked).collect(),
            aspect_domain: self
                .aspect_domain
                .iter()
                .map(|d| d.as_ref().map(Text::leak))
                .collect(),
            domains: self.domains.iter().map(Named::leaked).collect(),
            bands: self
                .bands
                .iter()
                .map(|b| BandNames {
                    name: b.name.leak(),
                    name_en: b.name_en.as_ref().map(Text::leak),
                    label: b.label.as_ref().map(Text::leak),
                })
                .collect(),
        }
    }

    fn of(spec: &RubricSpec) -> Names {
        let t = |s: &String| Text::from(s.as_str());
        let named = |id: &String, name: &String, name_en: &Option<String>, w: &Dec| Named {
            id: t(id),
            name: t(name),
            name_en: name_en.as_ref().map(t),
            weight: w.to_f64(),
        };
        let mut aspects = Vec::new();
        let mut aspect_domain = Vec::new();
        let mut domains = Vec::new();
        let mut list: Vec<&AspectSpec> = Vec::new();
        for d in spec.domains.as_deref().unwrap_or(&[]) {
            let dn = named(&d.id, &d.name, &d.name_en, &d.weight);
            for a in &d.aspects {
                aspect_domain.push(Some(dn.id.clone()));
                list.push(a);
            }
            domains.push(dn);
        }
        for a in spec.aspects.as_deref().unwrap_or(&[]) {
            aspect_domain.push(None);
            list.push(a);
        }
        let mut indicators = Vec::new();
        let mut indicator_weight = Vec::new();
        for a in list {
            aspects.push(named(&a.id, &a.name, &a.name_en, &a.weight));
            for i in &a.indicators {
                indicators.push(t(&i.id));
                indicator_weight.push(i.weight.to_f64());
            }
        }
        Names {
            rubric: t(&spec.id),
            index_name: spec.index_name.as_ref().map(t),
            indicators,
            indicator_weight,
            aspects,
            aspect_domain,
            domains,
            bands: spec
                .predicates
                .iter()
                .map(|b| BandNames {
                    name: t(&b.name),
                    name_en: b.name_en.as_ref().map(t),
                    label: b.label.as_ref().map(t),
                })
                .collect(),
        }
    }
}

/// One edition in a listing (`spbe rubrics --format json`, the JS `rubrics()`).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RubricSummary {
    /// Its id.
    pub id: String,
    /// Short title (e.g. "PermenPANRB 59/2020").
    pub short_title: Option<String>,
    /// Full official title.
    pub title: String,
    /// Whether the data is official, reconstructed, provisional or custom.
    pub status: Status,
    /// Years the edition is in force.
    pub in_force: Option<InForce>,
    /// Name of the index (e.g. "Indeks SPBE").
    pub index_name: Option<String>,
    /// English name of the index.
    pub index_name_en: Option<String>,
    /// Its domains, in order.
    pub domains: usize,
    /// Its aspects, in order.
    pub aspects: usize,
    /// Its indicators, in order.
    pub indicators: usize,
}

/// A validated rubric edition.
#[derive(Clone, Debug)]
pub struct Rubric {
    spec: RubricSpec,
    pub(crate) d: Derived,
    pub(crate) names: Names,
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

/// Each built-in edition, read and validated when first asked for (a command
/// or a page that needs one edition does not read the others).
static BUILTINS: [OnceLock<Result<Rubric>>; BUILTIN_SOURCES.len()] =
    [const { OnceLock::new() }; BUILTIN_SOURCES.len()];

fn builtin_at(pos: usize) -> Option<&'static Result<Rubric>> {
    let (_, text) = BUILTIN_SOURCES.get(pos)?;
    Some(BUILTINS.get(pos)?.get_or_init(|| {
        Rubric::from_json(text).map(|mut r| {
            // built once and never dropped: its names can live as long
            r.names = r.names.leaked();
            r
        })
    }))
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
    match builtin_at(pos) {
        Some(Ok(r)) => Ok(r),
        Some(Err(e)) => Err(e.clone()),
        None => Err(Error::UnknownRubric {
            id: id.to_owned(),
            known: builtin_ids().join(", "),
        }),
    }
}

/// A built-in edition's spec as JSON text without building the edition: its
/// file as it stands, which is the same JSON value as serialising
/// [`builtin`]`(id)?.`[`spec`](Rubric::spec)`()` (a test holds every built-in
/// file in that form). For a caller that only hands the spec on as JSON (the
/// calculator page draws its form from it): in wasm, building the edition and
/// serialising its spec was most of a first load's wasm time. `None` for an id
/// that is not a built-in edition.
pub fn builtin_spec_json(id: &str) -> Option<&'static str> {
    BUILTIN_SOURCES
        .iter()
        .find(|(bid, _)| *bid == id)
        .map(|(_, text)| *text)
}

/// A built-in edition's short title (e.g. "PermenPANRB 8/2026"), for naming
/// an edition in a message; the edition is built if it is not yet (once per
/// process; any edition scored already is), so the message does not depend on
/// what ran before. `None` for an id that is not a built-in edition.
pub(crate) fn builtin_short_title(id: &str) -> Option<String> {
    builtin(id).ok()?.spec().short_title.clone()
}

/// All built-in editions, oldest first.
pub fn builtins() -> Result<Vec<&'static Rubric>> {
    builtin_ids().into_iter().map(builtin).collect()
}

/// The listing of the built-in editions ([`Rubric::summary`] of each, oldest
/// first), read from their files without building and validating the
/// editions not loaded yet (for an edition list shown before one is chosen).
pub fn builtin_summaries() -> Result<Vec<RubricSummary>> {
    BUILTIN_SOURCES
        .iter()
        .enumerate()
        .map(
            |(pos, (id, text))| match BUILTINS.get(pos).and_then(OnceLock::get) {
                Some(Ok(r)) => Ok(r.summary()),
                Some(Err(e)) => Err(e.clone()),
                None => light_summary(text).ok_or_else(|| Error::UnknownRubric {
                    id: (*id).to_owned(),
                    known: builtin_ids().join(", "),
                }),
            },
        )
        .collect()
}

/// A rubric file's listing fields and counts, read without validating or
/// building the edition; `None` if the file cannot be read so. The whole spec
/// is read (not only the listing's fields): in wasm most of a first call's
/// time is compiling the code it runs, and this is the same code that builds
/// the edition chosen next, where a reader of the listing's fields alone was
/// code of its own (measured in the calculator: the listing and the first
/// edition ~50 ms less at 4x CPU throttling).
fn light_summary(text: &str) -> Option<RubricSummary> {
    let s: RubricSpec = serde_json::from_str(text).ok()?;
    let aspects: Vec<&AspectSpec> = s
        .domains
        .iter()
        .flatten()
        .flat_map(|d| &d.aspects)
        .chain(s.aspects.iter().flatten())
        .collect();
    Some(RubricSummary {
        domains: s.domains.as_ref().map_or(0, Vec::len),
        aspects: aspects.len(),
        indicators: aspects.iter().map(|a| a.indicators.len()).sum(),
        id: s.id,
        short_title: s.short_title,
        title: s.title,
        status: s.status,
        in_force: s.in_force,
        index_name: s.index_name,
        index_name_en: s.index_name_en,
    })
}

impl Rubric {
    /// Loads and validates a rubric from JSON text.
    pub fn from_json(text: &str) -> Result<Rubric> {
        check_size(text.len())?;
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
        let text = read_limited(path.as_ref())?;
        Rubric::from_json(&text)
    }

    /// Validates a rubric spec, reporting every problem found.
    pub fn from_spec(spec: RubricSpec) -> Result<Rubric> {
        let mut problems = Vec::new();
        let derived = validate::derive(&spec, &mut problems);
        match derived {
            Some(d) if problems.is_empty() => Ok(Rubric {
                names: Names::of(&spec),
                spec,
                d,
            }),
            _ => Err(Error::InvalidRubric {
                id: spec.id.clone(),
                problems: crate::error::bounded_problems(problems),
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
        let pos = self.position(id)?;
        let ai = self.d.indicators.get(pos)?.aspect;
        let (dom, aspect) = self.aspect_at(ai)?;
        let first = self.d.aspects.get(ai)?.indicators.start;
        Some((dom, aspect, aspect.indicators.get(pos - first)?))
    }
    /// The aspect at a position in rubric order, with its domain (a binary
    /// search over the domains' aspect ranges, so lookups stay cheap on large
    /// custom rubrics).
    fn aspect_at(&self, ai: usize) -> Option<(Option<&DomainSpec>, &AspectSpec)> {
        match (&self.spec.domains, &self.spec.aspects) {
            (Some(ds), _) => {
                let k = self.d.domains.partition_point(|d| d.aspects.end <= ai);
                let (spec, range) = (ds.get(k)?, &self.d.domains.get(k)?.aspects);
                Some((Some(spec), spec.aspects.get(ai.checked_sub(range.start)?)?))
            }
            (None, Some(asp)) => Some((None, asp.get(ai)?)),
            (None, None) => None,
        }
    }
    /// Indicator ids in order.
    pub fn indicator_ids(&self) -> Vec<&str> {
        self.d.ids.iter().map(String::as_str).collect()
    }
    /// The id of the indicator at a position in rubric order.
    pub(crate) fn id_at(&self, pos: usize) -> &str {
        self.d.ids.get(pos).map_or("", String::as_str)
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
    /// [`position`](Self::position), trying `hint` first: levels come in
    /// natural id order, which is rubric order in every built-in edition, so
    /// the hint (the position after the last one found) spares the hashing.
    #[inline]
    pub(crate) fn position_from(
        &self,
        indicator: &crate::assessment::IndicatorId,
        hint: usize,
    ) -> Option<usize> {
        // ids are short: compared inline rather than through a memcmp call
        let same = |a: &[u8], b: &[u8]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y);
        match self.d.ids.get(hint) {
            Some(id) if same(id.as_bytes(), indicator.as_bytes()) => Some(hint),
            _ => self.position(indicator.as_str()),
        }
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
    /// A human-readable list of valid indicator ids, like `"1" to "47"`, as error messages give it.
    /// Bounded: a numeric run is written as its ends, and any other list is
    /// cut after the first few ids with a count.
    pub fn valid_ids_text(&self) -> String {
        self.d.valid_ids.clone()
    }
}

pub(crate) fn ids_text(ids: &[String]) -> String {
    let numeric: Option<Vec<u64>> = ids.iter().map(|s| s.parse::<u64>().ok()).collect();
    if let Some(n) = numeric {
        if let (Some(first), Some(last)) = (n.first(), n.last()) {
            if n.iter().enumerate().all(|(k, v)| *v == first + k as u64) {
                return crate::error::text::Valid::IdRange {
                    first: *first,
                    last: *last,
                }
                .to_string();
            }
        }
    }
    bounded_list(ids, 10)
}

/// At most `n` items, then how many more there are.
pub(crate) fn bounded_list(items: &[String], n: usize) -> String {
    let shown: Vec<&str> = items.iter().take(n).map(String::as_str).collect();
    if items.len() > n {
        crate::error::text::cut_list(&shown.join(", "), items.len())
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
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

    #[test]
    fn builtin_files_are_their_specs_json() {
        // builtin_spec_json hands the file on as the spec: each file must be
        // the JSON value its validated spec serialises to (no field the spec
        // would drop, e.g. an empty list, and none it would add, e.g. a default)
        for id in builtin_ids() {
            let text = builtin_spec_json(id).expect(id);
            let file: serde_json::Value = serde_json::from_str(text).expect(id);
            let spec = serde_json::to_value(builtin(id).expect(id).spec()).expect(id);
            assert_eq!(file, spec, "{id}: the file is not in its spec's form");
        }
        assert_eq!(builtin_spec_json("permenpanrb-1-1999"), None);
    }

    #[test]
    fn the_light_listing_is_the_full_one() {
        // read without building the editions, the listing must be what the
        // validated editions give (counts included)
        for (id, text) in BUILTIN_SOURCES {
            let light = light_summary(text).expect(id);
            let full = Rubric::from_json(text).expect(id).summary();
            assert_eq!(light, full, "{id}");
        }
        let listed = builtin_summaries().expect("listing");
        assert_eq!(
            listed.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            builtin_ids()
        );
        // 59/2020: 4 domains, 8 aspects, 47 indicators; 8/2026: no domains, 20 indicators
        let s2020 = listed
            .iter()
            .find(|s| s.id == "permenpanrb-59-2020")
            .expect("2020");
        assert_eq!((s2020.domains, s2020.aspects, s2020.indicators), (4, 8, 47));
        let s2026 = listed
            .iter()
            .find(|s| s.id == "permenpanrb-8-2026")
            .expect("2026");
        assert_eq!((s2026.domains, s2026.indicators), (0, 20));
    }
}
