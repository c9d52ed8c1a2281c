//! Assessments: the public input format.
//!
//! ```json
//! { "rubric": "permenpanrb-59-2020", "institution": "Kabupaten Contoh", "year": 2024,
//!   "levels": { "1": 3, "2": 4, "47": 5 },
//!   "notes": { "1": "penjelasan ..." }, "evidence": { "1": ["SK Bupati No. 12/2023"] } }
//! ```
//!
//! `tracks` may replace `levels`: `{ "mandiri": {...}, "dokumen": {...}, "interviu": {...},
//! "visitasi": {...}, "target": {...} }`. Parsing happens in two steps: a lenient
//! [`RawAssessment`] that keeps duplicate keys and any JSON value as a level, then
//! [`Assessment::from_raw`], which reports every problem at once.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value as Json;

use crate::error::text::Shape;
use crate::error::{Error, Result};
use crate::input::{check_size, json_error};
use crate::report::Text;
pub use crate::track::{Track, Tracks};
use crate::value::{Unreadable, Value, MAX_DECIMALS};

/// Most evidence references one indicator may list (the same in JSON and vectors).
pub const MAX_EVIDENCE: usize = 1000;

/// An indicator id, ordered naturally: numeric ids by value ("2" < "10"), then others.
///
/// A string in JSON (`"12"`). In Rust it is made from one
/// (`IndicatorId::from("12")`, `IndicatorId::new(s)`) and read as one
/// (`as_str`, `Display`, `AsRef<str>`); an id of up to 15 bytes (every
/// official id) is held in place, since an assessment's ids are compared
/// with the rubric's on every score, and reading each from an allocation of
/// its own was a measured share of scoring's time.
#[derive(Clone)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "tsify", tsify(type = "string"))]
pub struct IndicatorId(Text);

impl IndicatorId {
    /// An id from its text.
    pub fn new(s: &str) -> IndicatorId {
        // a report's `Text`: up to 15 bytes held in place, else shared
        IndicatorId(Text::new(s))
    }

    /// The id as bytes (its UTF-8).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The id as a string.
    #[inline]
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl PartialEq for IndicatorId {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}
impl Eq for IndicatorId {}

impl fmt::Debug for IndicatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IndicatorId").field(&self.as_str()).finish()
    }
}

impl std::hash::Hash for IndicatorId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // as the `str` hashes, so that either finds the same entry
        self.as_str().hash(state);
    }
}

impl From<String> for IndicatorId {
    fn from(s: String) -> Self {
        IndicatorId::new(&s)
    }
}

impl From<&String> for IndicatorId {
    fn from(s: &String) -> Self {
        IndicatorId::new(s)
    }
}

impl From<IndicatorId> for String {
    fn from(id: IndicatorId) -> String {
        id.as_str().to_owned()
    }
}

impl Ord for IndicatorId {
    fn cmp(&self, other: &Self) -> Ordering {
        // numeric ids by value without parsing: strip leading zeros, then a
        // shorter digit string is smaller, equal lengths compare bytewise;
        // then the ids as written (so "07" and "7" differ). Assessments are
        // read into maps keyed by these ids, so this is on every read's path:
        // short ids are compared as integers, with no call to memcmp.
        cmp_ids(self.as_bytes(), other.as_bytes())
    }
}

/// The order of indicator ids (see [`IndicatorId`]'s `Ord`): equal only for
/// the same bytes.
#[inline]
pub(crate) fn cmp_ids(a: &[u8], b: &[u8]) -> Ordering {
    if let (Some(x), Some(y)) = (short_number(a), short_number(b)) {
        return x.cmp(&y);
    }
    match (significant_digits(a), significant_digits(b)) {
        (Some(x), Some(y)) => x
            .len()
            .cmp(&y.len())
            .then_with(|| cmp_bytes(x, y))
            .then_with(|| cmp_bytes(a, b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => cmp_bytes(a, b),
    }
}

/// A numeric id of at most 8 digits without a leading zero (every official
/// id) as (length, its bytes as a big-endian integer), whose order is the
/// numeric order; `None` for any other id.
#[inline]
fn short_number(s: &[u8]) -> Option<(usize, u64)> {
    if s.is_empty() || s.len() > 8 || (s.len() > 1 && s.first() == Some(&b'0')) {
        return None;
    }
    let mut v = 0u64;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = (v << 8) | u64::from(c);
    }
    Some((s.len(), v))
}

/// The digits of a numeric id after its leading zeros; `None` unless the id
/// is a non-empty string of ASCII digits.
fn significant_digits(s: &[u8]) -> Option<&[u8]> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let zeros = s.iter().take_while(|&&c| c == b'0').count();
    s.get(zeros..)
}

/// Bytewise order; up to 8 bytes each as integers (big-endian, the shorter
/// padded with zero bytes after it, then the shorter first), which is the
/// same order.
fn cmp_bytes(a: &[u8], b: &[u8]) -> Ordering {
    if a.len() <= 8 && b.len() <= 8 {
        let pack = |s: &[u8]| {
            let v = s.iter().fold(0u64, |v, &c| (v << 8) | u64::from(c));
            // (8 - len) whole bytes of padding; none is needed for an empty id's 0
            v.checked_shl(8 * (8 - s.len() as u32)).unwrap_or(0)
        };
        pack(a).cmp(&pack(b)).then_with(|| a.len().cmp(&b.len()))
    } else {
        a.cmp(b)
    }
}
impl PartialOrd for IndicatorId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl fmt::Display for IndicatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
impl AsRef<str> for IndicatorId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}
impl From<&str> for IndicatorId {
    fn from(s: &str) -> Self {
        IndicatorId::new(s)
    }
}
impl Serialize for IndicatorId {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The level(s) given for one indicator: a single value, or a list (one per
/// reported service) for a repeatable indicator such as the 2018 indicator 35.
/// Kept as written (see [`Value`]) so that an assessment round-trips unchanged.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Level {
    /// One value.
    One(Value),
    /// One value per reported service (2018 indicator 35).
    Many(Vec<Value>),
}

impl Level {
    /// A single whole level.
    pub fn int(v: i64) -> Level {
        Level::One(Value::int(v))
    }

    /// A list of whole levels (one per service).
    pub fn ints(v: impl IntoIterator<Item = i64>) -> Level {
        Level::Many(v.into_iter().map(Value::int).collect())
    }

    /// The item values as a slice.
    pub fn items(&self) -> &[Value] {
        match self {
            Level::One(v) => std::slice::from_ref(v),
            Level::Many(v) => v,
        }
    }
}

pub use crate::level_map::LevelMap;

/// A resolved track: per indicator its level(s) and the stage they came from.
pub type Resolved<'a> = BTreeMap<&'a IndicatorId, (&'a Level, Track)>;

/// A checked assessment (syntax checked; checked against its rubric when scored).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// Edition id, e.g. `permenpanrb-59-2020`.
    pub rubric: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The institution evaluated.
    pub institution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Evaluation year.
    pub year: Option<i64>,
    /// Levels, for an assessment without tracks.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, Level>"))]
    pub levels: Option<LevelMap>,
    /// Levels per evaluation stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracks: Option<Tracks>,
    /// Per indicator: the explanation (penjelasan).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "tsify", tsify(optional, type = "Record<string, string>"))]
    pub notes: BTreeMap<IndicatorId, String>,
    /// Per indicator: evidence references (bukti dukung names or links).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "tsify", tsify(optional, type = "Record<string, string[]>"))]
    pub evidence: BTreeMap<IndicatorId, Vec<String>>,
    /// Per indicator: the levels (8/2026: the ranges, 1 to 5) whose criteria
    /// the evidence meets, e.g. `{"12": [1, 2, 3]}`. The report gives the
    /// level they support beside the level claimed.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    #[cfg_attr(feature = "tsify", tsify(optional, type = "Record<string, number[]>"))]
    pub criteria_met: BTreeMap<IndicatorId, Vec<u8>>,
}

// ------------------------------------------------------------------ raw form

/// Key/value pairs of a JSON object in order, duplicates kept. A value that
/// is a very long list is kept as its first [`KEEP_ITEMS`] items, and its full
/// length is recorded (`.1`: entry index, length), so that no input makes
/// spbe hold millions of values only to refuse them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pairs(pub Vec<(String, Json)>, pub Vec<(usize, usize)>);

/// Items of a list value kept while reading (more than any indicator, or the
/// evidence of one indicator, can take).
pub const KEEP_ITEMS: usize = MAX_EVIDENCE + 1;

/// Values up to this size are read as they are; longer ones are read with
/// their lists cut to [`KEEP_ITEMS`] items.
const SMALL_VALUE: usize = 64 * 1024;

impl Pairs {
    /// The full length of entry `i`'s list when it was cut while reading.
    pub fn cut_length(&self, i: usize) -> Option<usize> {
        self.1.iter().find(|(k, _)| *k == i).map(|(_, n)| *n)
    }
}

/// A JSON value read from its text with every list (at any depth) cut to
/// [`KEEP_ITEMS`] items and every object to [`KEEP_ITEMS`] entries; with the
/// full length of the outer list when it was cut.
fn capped(raw: &serde_json::value::RawValue) -> serde_json::Result<(Json, Option<usize>)> {
    use serde::de::{IgnoredAny, SeqAccess};
    let text = raw.get();
    if text.len() <= SMALL_VALUE {
        return serde_json::from_str(text).map(|v| (v, None));
    }
    struct List;
    impl<'de> Visitor<'de> for List {
        type Value = (Vec<Json>, usize);
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(
            self,
            mut s: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut kept = Vec::new();
            let mut n = 0usize;
            while n < KEEP_ITEMS {
                match s.next_element::<Box<serde_json::value::RawValue>>()? {
                    Some(item) => {
                        kept.push(capped(&item).map_err(serde::de::Error::custom)?.0);
                        n += 1;
                    }
                    None => return Ok((kept, n)),
                }
            }
            while s.next_element::<IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok((kept, n))
        }
    }
    struct Object;
    impl<'de> Visitor<'de> for Object {
        type Value = serde_json::Map<String, Json>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(
            self,
            mut m: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut kept = serde_json::Map::new();
            while let Some(k) = m.next_key::<String>()? {
                if kept.len() < KEEP_ITEMS {
                    let v = m.next_value::<Box<serde_json::value::RawValue>>()?;
                    kept.insert(k, capped(&v).map_err(serde::de::Error::custom)?.0);
                } else {
                    m.next_value::<IgnoredAny>()?;
                }
            }
            Ok(kept)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match text.trim_start().as_bytes().first() {
        Some(b'[') => {
            let (kept, n) = de.deserialize_seq(List)?;
            let cut = (n > kept.len()).then_some(n);
            Ok((Json::Array(kept), cut))
        }
        Some(b'{') => de.deserialize_map(Object).map(|m| (Json::Object(m), None)),
        _ => serde_json::from_str(text).map(|v| (v, None)),
    }
}

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object keyed by indicator id")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut m: A,
            ) -> std::result::Result<Pairs, A::Error> {
                let mut out = Vec::new();
                let mut cut = Vec::new();
                while let Some((k, v)) =
                    m.next_entry::<String, Box<serde_json::value::RawValue>>()?
                {
                    let (value, length) = capped(&v).map_err(serde::de::Error::custom)?;
                    if let Some(n) = length {
                        cut.push((out.len(), n));
                    }
                    out.push((k, value));
                }
                Ok(Pairs(out, cut))
            }
        }
        d.deserialize_map(V)
    }
}

/// A struct that must be given as a JSON object: serde's derived structs also
/// take an array (fields by position), which an assessment must not.
pub(crate) struct MapOnly<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for MapOnly<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = MapOnly<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                m: A,
            ) -> std::result::Result<MapOnly<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(m)).map(MapOnly)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// Reads an assessment's JSON text: an object, never an array.
pub(crate) fn raw_from_str(text: &str) -> serde_json::Result<RawAssessment> {
    serde_json::from_str::<MapOnly<RawAssessment>>(text).map(|m| m.0)
}

fn tracks_object<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<RawTracks>, D::Error> {
    Option::<MapOnly<RawTracks>>::deserialize(d).map(|o| o.map(|m| m.0))
}

/// The tracks object, leniently parsed.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTracks {
    #[serde(default)]
    /// Penilaian Mandiri: the self-assessment.
    pub mandiri: Option<Pairs>,
    #[serde(default)]
    /// Penilaian Dokumen: external assessors' document review.
    pub dokumen: Option<Pairs>,
    #[serde(default)]
    /// Penilaian Interviu: re-scores only the indicators clarified at interview.
    pub interviu: Option<Pairs>,
    #[serde(default)]
    /// Penilaian Visitasi: re-scores only the indicators validated on site.
    pub visitasi: Option<Pairs>,
    #[serde(default)]
    /// The institution's target levels (a plan, not a stage).
    pub target: Option<Pairs>,
}

impl RawTracks {
    fn get(&self, stage: Track) -> Option<&Pairs> {
        match stage {
            Track::Mandiri => self.mandiri.as_ref(),
            Track::Dokumen => self.dokumen.as_ref(),
            Track::Interviu => self.interviu.as_ref(),
            Track::Visitasi => self.visitasi.as_ref(),
            Track::Target => self.target.as_ref(),
            Track::Levels | Track::Final => None,
        }
    }
}

/// An assessment as parsed from JSON (or a Python dict / JS object), before checks.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    /// Edition id.
    pub rubric: String,
    #[serde(default)]
    /// The institution evaluated.
    pub institution: Option<String>,
    #[serde(default)]
    /// Evaluation year.
    pub year: Option<i64>,
    #[serde(default)]
    /// Levels, for an assessment without tracks.
    pub levels: Option<Pairs>,
    #[serde(default, deserialize_with = "tracks_object")]
    /// Levels per evaluation stage.
    pub tracks: Option<RawTracks>,
    #[serde(default)]
    /// Per indicator: the explanation (penjelasan).
    pub notes: Option<Pairs>,
    #[serde(default)]
    /// Per indicator: evidence references (bukti dukung).
    pub evidence: Option<Pairs>,
    #[serde(default)]
    /// Per indicator: the levels whose criteria the evidence meets.
    pub criteria_met: Option<Pairs>,
}

/// What parsing knows about an indicator before the rubric is checked: what
/// a valid value is (for messages), whether it takes continuous values, and
/// the rubric's id.
struct Hint<'a>(Option<&'a crate::rubric::Rubric>);

impl Hint<'_> {
    /// The error for a list of `n` items (its first ones given) that no
    /// indicator takes: too many services where the indicator has services,
    /// else a list where one value is expected.
    fn too_many_items(&self, ind: &str, place: &str, first: &[Json], n: usize) -> Error {
        let spec = self
            .0
            .and_then(|r| r.position(ind).and_then(|p| r.d.indicators.get(p)));
        match spec {
            Some(d) if d.repeatable => Error::WrongItemCount {
                indicator: ind.to_owned(),
                place: place.to_owned(),
                count: n,
                min: d.min_items,
                max: d.max_items,
            },
            _ => Error::NotRepeatable {
                indicator: ind.to_owned(),
                place: place.to_owned(),
                value: format!(
                    "[{}, … ({n} items)]",
                    first
                        .iter()
                        .take(10)
                        .map(|v| v.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                valid: self.valid(ind),
            },
        }
    }

    fn valid(&self, ind: &str) -> String {
        self.0.map_or_else(
            || crate::error::text::Valid::AnyWholeLevel.to_string(),
            |r| r.valid_for(ind),
        )
    }
    /// `None` when unknown (unknown rubric or indicator): values are then kept
    /// and judged when the assessment is checked against a rubric.
    fn continuous(&self, ind: &str) -> Option<bool> {
        self.0.and_then(|r| r.is_continuous(ind))
    }
    fn rubric(&self) -> String {
        self.0.map_or_else(
            || crate::error::text::THE_RUBRIC.to_owned(),
            |r| r.id().to_owned(),
        )
    }
}

fn describe(v: &Json) -> String {
    let s = v.to_string();
    if s.len() > 40 {
        format!(
            "{}...",
            &s[..s.char_indices().nth(37).map_or(s.len(), |(i, _)| i)]
        )
    } else {
        s
    }
}

/// An invalid assessment whose message is a [`Shape`] (written in English,
/// and in Indonesian by [`Error::message_in`]).
fn shape(s: Shape) -> Error {
    Error::InvalidAssessment {
        message: s.to_string(),
    }
}

/// The error for a number or string that cannot be read exactly.
pub(crate) fn unreadable(
    why: Unreadable,
    indicator: &str,
    place: &str,
    value: String,
    valid: String,
    rubric: String,
) -> Error {
    let (indicator, place) = (indicator.to_owned(), place.to_owned());
    match why {
        Unreadable::TooLarge => Error::LevelOutOfRange {
            indicator,
            place,
            value,
            valid,
            rubric,
        },
        Unreadable::TooPrecise => Error::TooManyDecimals {
            indicator,
            place,
            value,
            max_decimals: MAX_DECIMALS,
            valid,
        },
        Unreadable::NotANumber => Error::InvalidLevelType {
            indicator,
            place,
            value,
            valid,
        },
    }
}

fn level_item(v: &Json, ind: &str, place: &str, hint: &Hint<'_>) -> Result<Value> {
    let continuous = hint.continuous(ind);
    let fail = |why| unreadable(why, ind, place, describe(v), hint.valid(ind), hint.rubric());
    match v {
        // the literal digits (serde_json's arbitrary_precision), never a double
        Json::Number(n) => {
            let value = Value::from_number_text(n.as_str()).map_err(|why| match why {
                Unreadable::TooPrecise if continuous != Some(true) => Error::NonIntegerLevel {
                    indicator: ind.to_owned(),
                    place: place.to_owned(),
                    value: describe(v),
                    valid: hint.valid(ind),
                },
                other => fail(other),
            })?;
            if value.as_int().is_none() && continuous == Some(false) {
                return Err(Error::NonIntegerLevel {
                    indicator: ind.to_owned(),
                    place: place.to_owned(),
                    value: describe(v),
                    valid: hint.valid(ind),
                });
            }
            Ok(value)
        }
        // a decimal or fraction as text, only where values are continuous
        Json::String(s) if continuous != Some(false) => Value::from_text(s).map_err(fail),
        _ => Err(Error::InvalidLevelType {
            indicator: ind.to_owned(),
            place: place.to_owned(),
            value: describe(v),
            valid: hint.valid(ind),
        }),
    }
}

fn level_map(p: &Pairs, place: &str, hint: &Hint<'_>, errors: &mut Vec<Error>) -> LevelMap {
    // collected, then built in one go: the keys usually come in order, and a
    // map built from a list sorts it (one comparison per key when sorted) and
    // fills its nodes without a search per key
    let mut out = Vec::with_capacity(p.0.len());
    // keys in increasing id order (as files and forms write them) are all
    // different, since ids are equal only when written the same: no set of
    // the keys seen is needed then
    let increasing = p.0.windows(2).all(
        |w| matches!(w, [(a, _), (b, _)] if cmp_ids(a.as_bytes(), b.as_bytes()) == Ordering::Less),
    );
    // keys seen, null ones included (a null beside a level is still a duplicate)
    let mut seen = std::collections::HashSet::with_capacity(if increasing { 0 } else { p.0.len() });
    for (i, (k, v)) in p.0.iter().enumerate() {
        if !increasing && !seen.insert(k.as_str()) {
            errors.push(Error::DuplicateIndicator {
                indicator: k.clone(),
                place: place.to_owned(),
            });
            continue;
        }
        if let (Some(n), Json::Array(first)) = (p.cut_length(i), v) {
            // a list far longer than any indicator takes, cut while reading
            errors.push(hint.too_many_items(k, place, first, n));
            continue;
        }
        let level = match v {
            // null is no level (as NaN and null are in a frame): a missing indicator
            Json::Null => continue,
            Json::Array(items) => {
                let mut vals = Vec::with_capacity(items.len());
                let mut ok = true;
                for it in items {
                    match level_item(it, k, place, hint) {
                        Ok(x) => vals.push(x),
                        Err(e) => {
                            errors.push(e);
                            ok = false;
                        }
                    }
                }
                if !ok {
                    continue;
                }
                Level::Many(vals)
            }
            other => match level_item(other, k, place, hint) {
                Ok(x) => Level::One(x),
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            },
        };
        out.push((IndicatorId::new(k), level));
    }
    out.into_iter().collect()
}

impl Assessment {
    /// Parses JSON text (syntax and shape only; the rubric is checked when scoring).
    pub fn from_json(text: &str) -> Result<Assessment> {
        Assessment::from_json_all(text).map_err(first)
    }

    /// Like [`from_json`](Self::from_json) but returns every problem found.
    pub fn from_json_all(text: &str) -> std::result::Result<Assessment, Vec<Error>> {
        check_size(text.len()).map_err(|e| vec![e])?;
        let raw = raw_from_str(text).map_err(|e| vec![json_error(&e, "assessment")])?;
        Assessment::from_raw(&raw)
    }

    /// Parses a JSON value (e.g. converted from a Python dict or JS object).
    pub fn from_value(v: Json) -> std::result::Result<Assessment, Vec<Error>> {
        let raw = raw_from_str(&v.to_string()).map_err(|e| {
            vec![Error::InvalidAssessment {
                message: format!("assessment: {e}"),
            }]
        })?;
        Assessment::from_raw(&raw)
    }

    /// Checks a raw assessment's shape; reports every problem found. Messages
    /// name the valid range when the rubric is a built-in edition.
    pub fn from_raw(raw: &RawAssessment) -> std::result::Result<Assessment, Vec<Error>> {
        match Assessment::from_raw_lenient(raw, None) {
            (a, errors) if errors.is_empty() => Ok(a),
            (_, errors) => Err(errors),
        }
    }

    /// Like [`from_raw`](Self::from_raw) but always returns what could be read
    /// (bad entries left out) together with every problem found. `rubric`
    /// (or else the built-in edition the assessment names) makes the messages
    /// name the valid levels.
    pub fn from_raw_lenient(
        raw: &RawAssessment,
        rubric: Option<&crate::rubric::Rubric>,
    ) -> (Assessment, Vec<Error>) {
        let hint = Hint(rubric.or_else(|| crate::rubric::builtin(&raw.rubric).ok()));
        Assessment::from_raw_partial(raw, &hint)
    }

    fn from_raw_partial(raw: &RawAssessment, hint: &Hint<'_>) -> (Assessment, Vec<Error>) {
        let mut errors = Vec::new();
        let levels = raw
            .levels
            .as_ref()
            .map(|p| level_map(p, "levels", hint, &mut errors));
        let tracks = raw.tracks.as_ref().map(|t| {
            let mut out = Tracks::default();
            for stage in Track::STAGES {
                if let (Some(p), Some(slot)) = (t.get(stage), out.slot_mut(stage)) {
                    *slot = Some(level_map(p, stage.place(), hint, &mut errors));
                }
            }
            out
        });
        match (&levels, &tracks) {
            (Some(_), Some(_)) => errors.push(shape(Shape::LevelsAndTracks)),
            (None, None) => errors.push(shape(Shape::NoLevels)),
            (None, Some(t)) if t == &Tracks::default() => errors.push(shape(Shape::EmptyTracks)),
            _ => {}
        }
        let mut notes = BTreeMap::new();
        #[allow(clippy::map_entry)] // the duplicate is an error, not an update
        for (k, v) in raw.notes.as_ref().map(|p| p.0.as_slice()).unwrap_or(&[]) {
            let key = IndicatorId::new(k);
            if notes.contains_key(&key) {
                errors.push(Error::DuplicateIndicator {
                    indicator: k.clone(),
                    place: "notes".into(),
                });
            } else if let Json::String(s) = v {
                notes.insert(key, s.clone());
            } else {
                errors.push(shape(Shape::NoteType {
                    key: format!("{k:?}"),
                    got: describe(v),
                }));
            }
        }
        let mut evidence = BTreeMap::new();
        let cut = |i: usize| raw.evidence.as_ref().and_then(|p| p.cut_length(i));
        for (i, (k, v)) in raw
            .evidence
            .as_ref()
            .map(|p| p.0.as_slice())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let key = IndicatorId::new(k);
            if let Some(n) = cut(i) {
                errors.push(shape(Shape::TooMuchEvidence {
                    key: format!("{k:?}"),
                    count: n,
                    max: MAX_EVIDENCE,
                }));
                continue;
            }
            if evidence.contains_key(&key) {
                errors.push(Error::DuplicateIndicator {
                    indicator: k.clone(),
                    place: "evidence".into(),
                });
                continue;
            }
            let list = match v {
                Json::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>(),
                _ => None,
            };
            match list {
                Some(l) if l.len() > MAX_EVIDENCE => errors.push(shape(Shape::TooMuchEvidence {
                    key: format!("{k:?}"),
                    count: l.len(),
                    max: MAX_EVIDENCE,
                })),
                Some(l) => {
                    evidence.insert(key, l);
                }
                None => errors.push(shape(Shape::EvidenceType {
                    key: format!("{k:?}"),
                    got: describe(v),
                })),
            }
        }
        let mut criteria_met = BTreeMap::new();
        for (k, v) in raw
            .criteria_met
            .as_ref()
            .map(|p| p.0.as_slice())
            .unwrap_or(&[])
        {
            let key = IndicatorId::new(k);
            if criteria_met.contains_key(&key) {
                errors.push(Error::DuplicateIndicator {
                    indicator: k.clone(),
                    place: "criteria_met".into(),
                });
                continue;
            }
            let list = match v {
                Json::Array(items) if items.len() <= 10 => items
                    .iter()
                    .map(|i| {
                        i.as_u64()
                            .and_then(|n| u8::try_from(n).ok())
                            .filter(|n| *n <= 9)
                    })
                    .collect::<Option<Vec<u8>>>(),
                _ => None,
            };
            match list {
                Some(mut l) => {
                    let n = l.len();
                    l.sort_unstable();
                    l.dedup();
                    if l.len() == n {
                        criteria_met.insert(key, l);
                    } else {
                        errors.push(shape(Shape::CriteriaTwice {
                            key: format!("{k:?}"),
                            got: describe(v),
                        }));
                    }
                }
                None => errors.push(shape(Shape::CriteriaType {
                    key: format!("{k:?}"),
                    got: describe(v),
                })),
            }
        }
        let a = Assessment {
            rubric: raw.rubric.clone(),
            institution: raw.institution.clone(),
            year: match raw.year {
                Some(y) if !crate::track::YEARS.contains(&y) => {
                    errors.push(shape(Shape::Year {
                        year: y,
                        from: *crate::track::YEARS.start(),
                        to: *crate::track::YEARS.end(),
                    }));
                    None
                }
                y => y,
            },
            levels,
            tracks,
            notes,
            evidence,
            criteria_met,
        };
        (a, errors)
    }

    /// A new assessment with plain levels (ids as `String`s, `&str`s or
    /// [`IndicatorId`]s).
    pub fn with_levels<K: Into<IndicatorId>>(
        rubric: &str,
        levels: impl IntoIterator<Item = (K, Level)>,
    ) -> Assessment {
        Assessment {
            rubric: rubric.to_owned(),
            institution: None,
            year: None,
            levels: Some(levels.into_iter().map(|(k, v)| (k.into(), v)).collect()),
            tracks: None,
            notes: BTreeMap::new(),
            evidence: BTreeMap::new(),
            criteria_met: BTreeMap::new(),
        }
    }

    /// The assessment as JSON text (the input format).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The tracks present, in stage order.
    pub fn available_tracks(&self) -> Vec<Track> {
        let mut out = Vec::new();
        if self.levels.is_some() {
            out.push(Track::Levels);
        }
        if let Some(t) = &self.tracks {
            out.extend(t.iter().map(|(stage, _)| stage));
            if t.has_external() {
                out.push(Track::Final);
            }
        }
        out
    }

    /// The default track: `levels` for a plain assessment, otherwise `final`
    /// if any external stage is present, otherwise `mandiri`, otherwise `target`.
    pub fn default_track(&self) -> Track {
        // the first of levels, final, mandiri, target that `available_tracks`
        // lists, decided without building the list (once per score)
        match &self.tracks {
            _ if self.levels.is_some() => Track::Levels,
            Some(t) if t.has_external() => Track::Final,
            Some(t) if t.get(Track::Mandiri).is_some() => Track::Mandiri,
            Some(t) if t.get(Track::Target).is_some() => Track::Target,
            _ => Track::Levels,
        }
    }

    /// The track a target is laid over (what an indicator without a target
    /// level keeps): `final` when assessors have scored, else `mandiri`.
    pub fn target_base(&self) -> Track {
        match &self.tracks {
            Some(t) if t.has_external() => Track::Final,
            _ => Track::Mandiri,
        }
    }

    /// Resolves a track to levels per indicator, with the stage each level came from.
    pub fn resolve<'a>(&'a self, track: Track) -> Result<Resolved<'a>> {
        let not_present = || Error::TrackNotPresent {
            track: track.as_str().to_owned(),
            available: {
                let av = self.available_tracks();
                if av.is_empty() {
                    crate::error::text::NO_TRACKS.to_owned()
                } else {
                    av.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
                }
            },
        };
        let single = |m: Option<&'a LevelMap>, t: Track| -> Result<Resolved<'a>> {
            m.map(|m| m.iter().map(|(k, v)| (k, (v, t))).collect())
                .ok_or_else(not_present)
        };
        match (track, &self.levels, &self.tracks) {
            (Track::Levels, l, _) => single(l.as_ref(), Track::Levels),
            (_, _, None) => Err(not_present()),
            (Track::Final, _, Some(t)) => {
                if !t.has_external() {
                    return Err(not_present());
                }
                let mut out = BTreeMap::new();
                // later stages override earlier ones, indicator by indicator
                for stage in Track::EXTERNAL {
                    for (k, v) in t.get(stage).into_iter().flatten() {
                        out.insert(k, (v, stage));
                    }
                }
                Ok(out)
            }
            (Track::Target, _, Some(t)) => {
                // a target is the current levels plus the changes planned: an
                // indicator without a target level keeps its current one (the
                // final track when assessors have scored, else mandiri)
                let planned = t.get(Track::Target).ok_or_else(not_present)?;
                let mut out = if self.target_base() == Track::Final {
                    self.resolve(Track::Final)?
                } else {
                    t.get(Track::Mandiri)
                        .map(|m| m.iter().map(|(k, v)| (k, (v, Track::Mandiri))).collect())
                        .unwrap_or_default()
                };
                for (k, v) in planned {
                    out.insert(k, (v, Track::Target));
                }
                Ok(out)
            }
            (stage, _, Some(t)) => single(t.get(stage), stage),
        }
    }
}

pub(crate) fn first(mut v: Vec<Error>) -> Error {
    if v.is_empty() {
        Error::InvalidAssessment {
            message: "invalid assessment".into(),
        }
    } else {
        v.swap_remove(0)
    }
}

impl<'de> Deserialize<'de> for Assessment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let raw = RawAssessment::deserialize(d)?;
        Assessment::from_raw(&raw).map_err(|e| serde::de::Error::custom(first(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An id reads back as the text it was made from, held in place or not
    /// (15 bytes and 16, multi-byte UTF-8 included), hashes and orders as
    /// that text does, and ids are equal exactly when their texts are.
    #[test]
    fn ids_read_hash_and_order_as_their_text() {
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        let hash = |x: &dyn Fn(&mut DefaultHasher)| {
            let mut h = DefaultHasher::new();
            x(&mut h);
            h.finish()
        };
        let texts = [
            "",
            "1",
            "47",
            "007",
            "x1",
            "123456789012345",
            "1234567890123456",
            "indikator-é",
            "ééééééé",
            "éééééééé",
            "a very long custom indicator id",
        ];
        for a in texts {
            let id = IndicatorId::new(a);
            assert_eq!(id.as_str(), a);
            assert_eq!(id.as_bytes(), a.as_bytes());
            assert_eq!(id.to_string(), a);
            assert_eq!(String::from(id.clone()), a);
            assert_eq!(format!("{id:?}"), format!("IndicatorId({a:?})"));
            assert_eq!(hash(&|h| id.hash(h)), hash(&|h| a.hash(h)));
            assert_eq!(
                serde_json::to_string(&id).ok(),
                serde_json::to_string(a).ok()
            );
            for b in texts {
                let other = IndicatorId::from(b.to_owned());
                assert_eq!(id == other, a == b, "{a:?} {b:?}");
                assert_eq!(id.cmp(&other), cmp_ids(a.as_bytes(), b.as_bytes()));
            }
        }
        assert!(IndicatorId::new("123456789012345").0.is_inline());
        assert!(!IndicatorId::new("1234567890123456").0.is_inline());
        assert_eq!(std::mem::size_of::<IndicatorId>(), 24);
    }

    /// `default_track` decides without building `available_tracks`; it must
    /// pick what the rule stated on it picks from that list, for every mix
    /// of levels and stages an assessment can hold.
    #[test]
    fn default_track_is_the_first_available_of_levels_final_mandiri_target() {
        let mut seen = 0;
        for with_levels in [false, true] {
            for mask in 0u32..32 {
                let stages: Vec<String> = Track::STAGES
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| mask & (1 << k) != 0)
                    .map(|(_, t)| format!("\"{}\": {{\"1\": 3}}", t.as_str()))
                    .collect();
                let mut parts = vec!["\"rubric\": \"permenpanrb-59-2020\"".to_owned()];
                if with_levels {
                    parts.push("\"levels\": {\"1\": 3}".to_owned());
                }
                if mask != 0 {
                    parts.push(format!("\"tracks\": {{{}}}", stages.join(", ")));
                }
                let Ok(a) = Assessment::from_json(&format!("{{{}}}", parts.join(", "))) else {
                    continue; // (levels and tracks together are refused)
                };
                seen += 1;
                let av = a.available_tracks();
                let want = [Track::Levels, Track::Final, Track::Mandiri, Track::Target]
                    .into_iter()
                    .find(|t| av.contains(t))
                    .unwrap_or(Track::Levels);
                assert_eq!(
                    a.default_track(),
                    want,
                    "levels {with_levels}, stages {mask:05b}"
                );
            }
        }
        // levels alone, and each of the 31 non-empty sets of stages
        assert!(seen >= 32, "{seen}");
    }
}
