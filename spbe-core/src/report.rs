//! The report of one scored assessment: its types (the JSON form is a public
//! contract) and how it is built from the exact computation.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::assessment::{Assessment, Level, Track};
use crate::error::{Error, Result};
use crate::options::{predicate_rule, MissingPolicy, Options, PredicateBasis, PredicateRule};
use crate::ratio::{int_to_f64, Denom, Frac, Hundredths, Ratio};
use crate::rubric::{Rubric, Status, Thresholds};
use crate::score::{band_on_basis, Exact};
use crate::value::Value;

/// Text in a report: an id or a name shared with the rubric it comes from,
/// or a number written out (`index_text`, `index_exact`). A report holds a
/// reference to the rubric's text rather than a copy, so building (and
/// cloning) a report copies no names. A built-in edition's names live as
/// long as the program (the editions are built once), so a report of one
/// refers to them without even a reference count; a loaded rubric's names
/// are shared by count. A number's text, when short (up to 15 bytes, the
/// usual case), is held in place, with no allocation. It reads as a `&str`
/// (`Deref`, `AsRef`, `Borrow`, `Display`, comparisons with `str` and
/// `String`; `String::from(text)` or `.to_string()` for an owned copy) and
/// is a plain JSON string.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "tsify", tsify(type = "string"))]
#[derive(Clone)]
pub struct Text(TextRepr);

#[derive(Clone)]
enum TextRepr {
    /// Text that lives as long as the program: cloning and dropping it is free.
    Static(&'static str),
    /// Text shared by reference count.
    Shared(Arc<str>),
    /// Short text held in place: a number written out (`"2.595"`,
    /// `"17/6"`) costs no allocation. The enum stays the size of the other
    /// two.
    Inline(Small),
}

/// The longest text [`TextRepr::Inline`] holds.
pub(crate) const INLINE: usize = 15;

/// The bytes of a short text (the first `len`, whole UTF-8), aligned as the
/// other variants' words are: a `Text` then moves as three whole words
/// whatever it holds. (Laid out bytewise from the enum's second byte, it
/// was copied in overlapping odd-sized pieces, and re-reading those stalled
/// every move of every `Text`, names included: single scoring measured
/// ~10% slower for it, with fewer instructions.)
#[derive(Clone, Copy)]
#[repr(C, align(8))]
struct Small {
    bytes: [u8; INLINE],
    len: u8,
}

impl Text {
    /// Text that lives as long as the program (cloning it costs nothing).
    pub const fn from_static(s: &'static str) -> Text {
        Text(TextRepr::Static(s))
    }

    /// Text from bytes (a number written out): held in place when it is
    /// ASCII and short enough, else shared; `None` if it is not UTF-8.
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Text> {
        let mut buf = [0u8; INLINE];
        match (buf.get_mut(..b.len()), u8::try_from(b.len())) {
            (Some(to), Ok(len)) if b.is_ascii() => {
                to.copy_from_slice(b);
                Some(Text(TextRepr::Inline(Small { bytes: buf, len })))
            }
            _ => std::str::from_utf8(b).ok().map(Text::new),
        }
    }

    /// The first `len` bytes of `buf` when they and the rest are ASCII (a
    /// whole array is checked at once), held in place.
    #[inline]
    pub(crate) fn inline_ascii(bytes: [u8; INLINE], len: usize) -> Option<Text> {
        match u8::try_from(len) {
            Ok(len) if usize::from(len) <= INLINE && bytes.is_ascii() => {
                Some(Text(TextRepr::Inline(Small { bytes, len })))
            }
            _ => None,
        }
    }

    /// The text held in place when it is short enough, else shared.
    pub(crate) fn new(s: &str) -> Text {
        let mut buf = [0u8; INLINE];
        match (buf.get_mut(..s.len()), u8::try_from(s.len())) {
            (Some(b), Ok(len)) => {
                b.copy_from_slice(s.as_bytes());
                Text(TextRepr::Inline(Small { bytes: buf, len }))
            }
            _ => Text(TextRepr::Shared(Arc::from(s))),
        }
    }

    /// The text as a `&str`.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            TextRepr::Static(s) => s,
            TextRepr::Shared(s) => s,
            // (always whole UTF-8: copied from a `str`, cut at its end)
            TextRepr::Inline(t) => t
                .bytes
                .get(..usize::from(t.len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
        }
    }

    /// The text's bytes (its UTF-8), without the check `as_str` makes of
    /// text held in place: for comparing ids on scoring's path.
    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            TextRepr::Static(s) => s.as_bytes(),
            TextRepr::Shared(s) => s.as_bytes(),
            TextRepr::Inline(t) => t.bytes.get(..usize::from(t.len)).unwrap_or_default(),
        }
    }

    /// Whether the text is held in place.
    #[cfg(test)]
    pub(crate) fn is_inline(&self) -> bool {
        matches!(self.0, TextRepr::Inline(_))
    }

    /// The same text, living as long as the program (for the built-in
    /// editions, which are built once and never dropped: their names are
    /// then cloned into every report without a reference count).
    pub(crate) fn leak(&self) -> Text {
        match &self.0 {
            TextRepr::Static(s) => Text::from_static(s),
            TextRepr::Shared(s) => Text::from_static(Box::leak(Box::<str>::from(s.as_ref()))),
            TextRepr::Inline(..) => self.clone(),
        }
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::from_static("")
    }
}

impl PartialEq for Text {
    fn eq(&self, o: &Text) -> bool {
        self.as_str() == o.as_str()
    }
}

impl Eq for Text {}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, o: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Text {
    fn cmp(&self, o: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(o.as_str())
    }
}

impl Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    /// As `str` does (width, alignment and precision apply).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(TextRepr::Shared(Arc::from(s)))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(TextRepr::Shared(Arc::from(s)))
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text(TextRepr::Shared(Arc::from(s.as_str())))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.as_str().to_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, o: &Text) -> bool {
        self == o.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, o: &Text) -> bool {
        *self == o.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, o: &Text) -> bool {
        self.as_str() == o.as_str()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Text, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

/// The values of one indicator in a report: one value (held inline, so a
/// report allocates nothing per indicator for it) or a list (one per service).
/// Reads as a slice of [`Value`]s (`Deref`) and is a JSON array.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "tsify", tsify(type = "Value[]"))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values(Repr);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Repr {
    #[default]
    Empty,
    One(Value),
    Many(Vec<Value>),
}

impl Values {
    /// The values of a level as given.
    // inlined (as `Value::clone` is) so that the copy is made in place
    #[inline]
    pub fn of(level: &Level) -> Values {
        match level {
            Level::One(v) => Values(Repr::One(v.clone())),
            Level::Many(list) => Values(Repr::Many(list.clone())),
        }
    }

    /// The values as a slice.
    pub fn as_slice(&self) -> &[Value] {
        match &self.0 {
            Repr::Empty => &[],
            Repr::One(v) => std::slice::from_ref(v),
            Repr::Many(list) => list,
        }
    }
}

impl Deref for Values {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        self.as_slice()
    }
}

impl AsRef<[Value]> for Values {
    fn as_ref(&self) -> &[Value] {
        self.as_slice()
    }
}

impl From<Vec<Value>> for Values {
    fn from(list: Vec<Value>) -> Values {
        Values(Repr::Many(list))
    }
}

impl From<Values> for Vec<Value> {
    fn from(v: Values) -> Vec<Value> {
        match v.0 {
            Repr::Empty => Vec::new(),
            Repr::One(x) => vec![x],
            Repr::Many(list) => list,
        }
    }
}

impl PartialEq<Vec<Value>> for Values {
    fn eq(&self, o: &Vec<Value>) -> bool {
        self.as_slice() == o.as_slice()
    }
}

impl<'a> IntoIterator for &'a Values {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl Serialize for Values {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Values, D::Error> {
        Vec::<Value>::deserialize(d).map(Values::from)
    }
}

/// The next predicate band above the index.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextPredicate {
    /// Official name (Indonesian).
    pub name: Text,
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
    pub id: Text,
    /// Official name (Indonesian).
    pub name: Text,
    /// English name (ours, where no official one exists).
    pub name_en: Option<Text>,
    /// Weight in percent of the whole index.
    pub weight: f64,
    /// Reported index (2 decimals); `null` only when a renormalising policy left the domain empty.
    pub index: Option<f64>,
    /// Exact index: a terminating decimal or a fraction.
    pub index_exact: Option<Text>,
    /// Predicate name (`null` when there is no index).
    pub predicate: Option<Text>,
}

/// An aspect's result.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AspectScore {
    /// Its id.
    pub id: Text,
    /// The aspect's domain (`null` for editions without domains).
    pub domain: Option<Text>,
    /// Official name (Indonesian).
    pub name: Text,
    /// English name (ours, where no official one exists).
    pub name_en: Option<Text>,
    /// Weight in percent of the whole index.
    pub weight: f64,
    /// Reported index (2 decimals); `null` only when a renormalising policy left it empty.
    pub index: Option<f64>,
    /// Exact index: a terminating decimal or a fraction.
    pub index_exact: Option<Text>,
    /// Predicate name (`null` when there is no index).
    pub predicate: Option<Text>,
}

/// An indicator's result.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
///
/// Names, questions and criteria are in the rubric (`spbe rubric ID --format json`),
/// looked up by `id`; the report stays small.
pub struct IndicatorScore {
    /// Its id.
    pub id: Text,
    /// The indicator's aspect.
    pub aspect: Text,
    /// The value as given, for an indicator with one value (`null` if missing
    /// or a list): a whole level, a decimal (8/2026: `1.26`), or a string as
    /// written (`"7/6"`).
    pub level: Option<Value>,
    /// All item values (one per reported service for a repeatable indicator).
    pub levels: Values,
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
    pub rubric: Text,
    /// Status of the edition scored.
    pub rubric_status: Status,
    /// Name of the index (e.g. "Indeks SPBE").
    pub index_name: Option<Text>,
    /// The institution evaluated.
    pub institution: Option<String>,
    /// Evaluation year.
    pub year: Option<i64>,
    /// The track scored (`levels`, `final`, `mandiri`, ...).
    pub track: Track,
    /// The reported index: exact value rounded half up to 2 decimals.
    pub index: f64,
    /// The reported index as text with 2 decimals, e.g. `"2.60"`.
    pub index_text: Text,
    /// The exact index: a terminating decimal (`"2.595"`) or a fraction (`"17/6"`).
    pub index_exact: Text,
    /// The exact index as a number (not in the JSON, which has `index_exact`).
    #[serde(skip)]
    pub exact: Ratio,
    /// Position of the predicate's band in the edition (not in the JSON).
    #[serde(skip)]
    pub band: usize,
    /// Official predicate name, e.g. `"Baik"`.
    pub predicate: Text,
    /// Which value the predicate was read from (exact or reported) and why.
    pub predicate_rule: PredicateRule,
    /// English predicate name.
    pub predicate_en: Option<Text>,
    /// Second label where the edition has one (2026: `"Berkembang"`).
    pub predicate_label: Option<Text>,
    /// The band above the index, if any.
    pub next_predicate: Option<NextPredicate>,
    /// Its domains, in order.
    pub domains: Vec<DomainScore>,
    /// Its aspects, in order.
    pub aspects: Vec<AspectScore>,
    /// Its indicators, in order.
    pub indicators: Vec<IndicatorScore>,
    /// Indicators without a level (only with a non-official missing policy).
    pub missing: Vec<Text>,
    /// Indicators whose claimed level is above what their evidence supports
    /// (see `supported_level`); empty when none is, or no criteria are given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub above_evidence: Vec<Text>,
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
    let names = &rubric.names;
    let rule = predicate_rule(rubric, assessment.year, opts);
    // the bands as thresholds on numerators (no cross-multiplying): over the
    // integer kernel's denominators when it computed the values, and over 100
    // for a rounded value; else by comparing fractions
    let fixed = rubric.d.fast.as_ref().and_then(|f| f.fixed.as_ref());
    let thresholds = fixed.and_then(|x| x.bands.as_ref());
    let exact_t = if ex.fixed { thresholds } else { None };
    // the thresholds over a value's denominator: `over` is the list for the
    // fixed denominator `q` the value should be over, used only when it is
    let band_of = |v: &Frac, r: Hundredths, over: Option<(&Vec<i64>, Denom)>| -> Result<usize> {
        let quick = match rule.basis {
            PredicateBasis::Reported => thresholds
                .map(|t| &t.hundredths)
                .zip(i64::try_from(r.0).ok()),
            PredicateBasis::Exact => over
                .filter(|(_, q)| i128::from(q.q()) == v.denom())
                .map(|(t, _)| t)
                .zip(i64::try_from(v.numer()).ok()),
        };
        match quick {
            Some((t, h)) => Ok(Thresholds::band(t, h)),
            None => band_on_basis(rubric, v, rule.basis),
        }
    };
    let band_name = |b: usize| {
        names
            .bands
            .get(b)
            .map_or_else(Text::default, |n| n.name.clone())
    };
    // a domain's or an aspect's index, exact text and predicate
    // (the k-th domain's, or aspect's, thresholds and fixed denominator)
    let part = |v: Option<&Frac>,
                k: usize,
                domain: bool|
     -> Result<(Option<f64>, Option<Text>, Option<Text>)> {
        let over = exact_t.zip(fixed).and_then(|(t, x)| {
            let (lists, dens) = if domain {
                (&t.domain, &x.domain)
            } else {
                (&t.aspect, &x.aspect)
            };
            lists.get(k).zip(dens.get(k).copied())
        });
        match v {
            Some(v) => {
                let r = round2(v)?;
                let b = band_of(v, r, over)?;
                Ok((Some(r.to_f64()), Some(v.exact_text()), Some(band_name(b))))
            }
            None => Ok((None, None, None)),
        }
    };
    let idx = round2(&ex.index)?;
    let band = band_of(
        &ex.index,
        idx,
        exact_t.zip(fixed).map(|(t, x)| (&t.index, x.index)),
    )?;
    let bnames = names.bands.get(band);
    let next_predicate = match rubric.predicates().get(band + 1) {
        Some(nb) => {
            let from = match rule.basis {
                PredicateBasis::Reported => Frac::hundredths(idx.0),
                PredicateBasis::Exact => ex.index,
            };
            // the smallest rise in steps of 0.01 that enters the band: up to
            // its min (included) or past it (excluded, 8/2026), never 0.00
            let min = nb.min.value();
            let short = min
                .numer()
                .checked_mul(from.denom())
                .zip(from.numer().checked_mul(min.denom()))
                .and_then(|(a, b)| a.checked_sub(b))
                .and_then(|g| g.checked_mul(100))
                .zip(min.denom().checked_mul(from.denom()));
            let (n, d) = match short {
                Some(nd) => nd,
                None => {
                    let r = min
                        .checked_sub(from.ratio().ok_or_else(|| ovf("a gap"))?)
                        .and_then(|g| g.checked_mul(Ratio::int(100)))
                        .ok_or_else(|| ovf("a gap"))?;
                    (r.numer(), r.denom())
                }
            };
            let steps = if rubric.d.upper_inclusive {
                n.div_euclid(d) + 1
            } else {
                -((-n).div_euclid(d))
            };
            Some(NextPredicate {
                name: names
                    .bands
                    .get(band + 1)
                    .map_or_else(|| Text::from(nb.name.as_str()), |b| b.name.clone()),
                min: nb.min.to_f64(),
                min_inclusive: !rubric.d.upper_inclusive,
                gap: int_to_f64(steps.max(1)) / 100.0,
            })
        }
        None => None,
    };
    // (pushed into vectors of the right size: collecting results of unknown
    // count grew them, a reallocation per report)
    let mut domains = Vec::with_capacity(names.domains.len());
    for (k, (ds, v)) in names.domains.iter().zip(&ex.domains).enumerate() {
        let (index, index_exact, predicate) = part(v.as_ref(), k, true)?;
        domains.push(DomainScore {
            id: ds.id.clone(),
            name: ds.name.clone(),
            name_en: ds.name_en.clone(),
            weight: ds.weight,
            index,
            index_exact,
            predicate,
        });
    }
    let mut aspects = Vec::with_capacity(names.aspects.len());
    for (k, ((a, dom), v)) in names
        .aspects
        .iter()
        .zip(&names.aspect_domain)
        .zip(&ex.aspects)
        .enumerate()
    {
        let (index, index_exact, predicate) = part(v.as_ref(), k, false)?;
        aspects.push(AspectScore {
            id: a.id.clone(),
            domain: dom.clone(),
            name: a.name.clone(),
            name_en: a.name_en.clone(),
            weight: a.weight,
            index,
            index_exact,
            predicate,
        });
    }
    // (no allocation when nothing is missing, the usual case)
    let mut is_absent = if missing.is_empty() {
        Vec::new()
    } else {
        vec![false; rubric.d.indicators.len()]
    };
    for &p in missing {
        if let Some(m) = is_absent.get_mut(p) {
            *m = true;
        }
    }
    // the indicators' specs, only when criteria are given (their scales)
    let specs = if assessment.criteria_met.is_empty() {
        Vec::new()
    } else {
        rubric.indicators()
    };
    let tables = match (&rubric.d.fast, ex.fixed) {
        (Some(f), true) => f.fixed.as_ref().and_then(|x| x.tables.as_ref()),
        _ => None,
    };
    let mut indicators = Vec::with_capacity(rubric.d.indicators.len());
    for (pos, di) in rubric.d.indicators.iter().enumerate() {
        let entry = entries.get(pos).copied().flatten();
        let is_missing = is_absent.get(pos).copied().unwrap_or(false);
        let coef = ex.coef(rubric, di.aspect);
        let levels = entry.map(|(l, _)| Values::of(l)).unwrap_or_default();
        // one whole value (the usual case): it is the sum and the lowest, in
        // 64 bits, without walking the values
        let one_whole = match (entry, is_missing) {
            (Some((Level::One(v), _)), false) => v.as_int(),
            _ => None,
        };
        let lowest_level = Ratio::int(i128::from(di.min_level));
        let counted = if is_missing {
            match opts.missing {
                MissingPolicy::Lowest => {
                    Ratio::int(i128::from(di.min_level) * i128::from(di.min_items))
                }
                _ => Ratio::ZERO,
            }
        } else if let Some(v) = one_whole {
            Ratio::int(i128::from(v))
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
        // (only needed when the rubric's tables do not give the value)
        let cw = || {
            coef.numer()
                .checked_mul(i128::from(di.w_int))
                .ok_or_else(|| ovf("a contribution"))
        };
        // with the integer kernel's fixed coefficients, from the rubric's tables
        let table = tables.and_then(|t| {
            let at = t.at.get(pos)?;
            let sum = usize::try_from(counted.numer()).ok()?;
            let c = (counted.denom() == 1)
                .then(|| t.contribution.get(at + sum))
                .flatten()?;
            Some((*c, t.gain.get(pos)?))
        });
        let contribution = match table {
            Some((c, _)) => c,
            None => round4_frac(cw()?, coef.denom(), counted)?,
        };
        let lowest = if is_missing {
            lowest_level
        } else if let Some(v) = one_whole {
            Ratio::int(i128::from(v))
        } else {
            levels.iter().map(Value::ratio).min().unwrap_or(Ratio::ZERO)
        };
        let top = Ratio::int(i128::from(di.max_level));
        let gain = if is_missing && opts.missing == MissingPolicy::Renormalize {
            None
        } else if one_whole.map_or_else(|| lowest >= top, |v| v >= i64::from(di.max_level)) {
            Some(0.0)
        } else if lowest.denom() == 1 {
            // a whole level rises by one
            match table {
                Some((_, g)) => Some(*g),
                None => Some(round4_frac(cw()?, coef.denom(), Ratio::int(1))?),
            }
        } else {
            let next = Ratio::int(lowest.numer().div_euclid(lowest.denom()) + 1).min(top);
            let step = next.checked_sub(lowest).ok_or_else(|| ovf("a gain"))?;
            Some(round4_frac(cw()?, coef.denom(), step)?)
        };
        let id = names.indicators.get(pos).cloned().unwrap_or_default();
        let mut score = IndicatorScore {
            id,
            aspect: names
                .aspects
                .get(di.aspect)
                .map_or_else(Text::default, |a| a.id.clone()),
            level: match entry {
                Some((Level::One(v), _)) => Some(v.clone()),
                _ => None,
            },
            levels,
            source: entry.map(|(_, t)| t),
            weight: names.indicator_weight.get(pos).copied().unwrap_or(0.0),
            contribution,
            gain,
            missing: is_missing,
            supported_level: None,
            above_evidence: None,
        };
        if let (Some((_, _, ispec)), false) = (specs.get(pos), assessment.criteria_met.is_empty()) {
            if let Some(met) = assessment
                .criteria_met
                .get(&crate::assessment::IndicatorId::new(&ispec.id))
            {
                let supported = supported_level(rubric, di, met);
                score.supported_level = Some(supported);
                score.above_evidence = Some(
                    score
                        .levels
                        .iter()
                        .map(|v| claimed_level(rubric, &ispec.scale, v))
                        .max()
                        .is_some_and(|c| c > supported),
                );
            }
        }
        indicators.push(score);
    }
    let above_evidence: Vec<Text> = indicators
        .iter()
        .filter(|i| i.above_evidence == Some(true))
        .map(|i| i.id.clone())
        .collect();
    let missing_ids: Vec<Text> = missing
        .iter()
        .filter_map(|&p| names.indicators.get(p).cloned())
        .collect();
    Ok(Report {
        rubric: names.rubric.clone(),
        rubric_status: rubric.spec().status,
        index_name: names.index_name.clone(),
        institution: assessment.institution.clone(),
        year: assessment.year,
        track,
        index: idx.to_f64(),
        index_text: idx.text(),
        index_exact: ex.index.exact_text(),
        exact: ex.index.ratio().ok_or_else(|| ovf("the index"))?,
        band,
        predicate: bnames.map_or_else(Text::default, |b| b.name.clone()),
        predicate_rule: rule,
        predicate_en: bnames.and_then(|b| b.name_en.clone()),
        predicate_label: bnames.and_then(|b| b.label.clone()),
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
pub(crate) fn round4_frac(num: i128, den: i128, x: Ratio) -> Result<f64> {
    // in 64 bits when everything fits (no 128-bit division)
    if let (Ok(n), Ok(d), Ok(xn), Ok(xd)) = (
        i64::try_from(num),
        i64::try_from(den),
        i64::try_from(x.numer()),
        i64::try_from(x.denom()),
    ) {
        let nd = n
            .checked_mul(xn)
            .and_then(|n| n.checked_mul(20_000))
            .zip(d.checked_mul(xd));
        if let Some((n, d)) = nd {
            if let Some((n, d2)) = n.checked_add(d).zip(d.checked_mul(2)) {
                return Ok(n.div_euclid(d2) as f64 / 10_000.0);
            }
        }
    }
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

fn round2(v: &Frac) -> Result<Hundredths> {
    v.round2().ok_or_else(|| ovf("rounding"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_holds_short_text_in_place_and_reads_the_same_either_way() {
        assert_eq!(std::mem::size_of::<Text>(), 24);
        let long = "x".repeat(INLINE + 1);
        // 21 ASCII bytes and a 2-byte character: 23 bytes, shared
        let wide = format!("{}é", "y".repeat(INLINE - 1));
        for s in ["", "2.595", "-17/6", &"z".repeat(INLINE), &long, &wide] {
            let t = Text::new(s);
            let inline = matches!(t.0, TextRepr::Inline(..));
            assert_eq!(inline, s.len() <= INLINE, "{s:?}");
            assert_eq!(t.as_str(), s);
            assert_eq!(t.leak(), t);
            let shared = Text(TextRepr::Shared(Arc::from(s)));
            assert_eq!(t, shared);
            assert_eq!(t.cmp(&shared), std::cmp::Ordering::Equal);
            assert!(matches!(shared.leak().0, TextRepr::Static(_)));
            assert_eq!(shared.leak(), t);
            assert_eq!(Text::from(s), t);
            // hashed as its `str` is (what `Borrow<str>` promises): found by `&str`
            let state = std::hash::RandomState::new();
            use std::hash::BuildHasher;
            assert_eq!(state.hash_one(&t), state.hash_one(s));
            assert_eq!(state.hash_one(&shared), state.hash_one(s));
            let map: std::collections::HashMap<Text, u8> = [(t.clone(), 1)].into();
            assert_eq!(map.get(s), Some(&1));
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                serde_json::to_string(s).unwrap()
            );
            assert_eq!(Text::from_bytes(s.as_bytes()), Some(t.clone()));
            let mut head = [0u8; INLINE];
            let n = s.len().min(INLINE);
            head[..n].copy_from_slice(&s.as_bytes()[..n]);
            let quick = Text::inline_ascii(head, s.len());
            assert_eq!(quick.is_some(), inline && s.is_ascii(), "{s:?}");
            assert!(quick.is_none_or(|q| q == t));
        }
        assert_eq!(Text::from_bytes(b"\xff"), None);
    }
}
