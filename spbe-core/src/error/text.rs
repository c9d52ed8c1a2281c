//! The free-text parts of error messages, in either [`Lang`].
//!
//! The fields of [`Error`](super::Error) stay plain English strings (their
//! English is the message every surface has always shown, and the batch path
//! and the bindings build them as strings). The texts the core writes into
//! them come from the typed forms here ([`Valid`], the constants), so each
//! English text has one writer; [`Valid::parse`] recovers the form from the
//! text to write it in Indonesian. A text that no form here wrote (a list of
//! ids, a track name, a rubric id) is data and is kept as it is.

use super::Lang;

/// How a list cut short says how long it was: `, … (47 in all)`.
const IN_ALL: &str = " in all)";

/// What is valid for a value, as facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Valid {
    /// Any number from `lo` to `hi` (a continuous scale, PermenPANRB 8/2026).
    Number { lo: u8, hi: u8 },
    /// A whole number from `lo` to `hi`, or a list of them (a repeatable
    /// indicator, 2018 indicator 35).
    WholeOrList { lo: u8, hi: u8 },
    /// A whole number from `lo` to `hi`.
    Whole { lo: u8, hi: u8 },
    /// The indicator ids `first` to `last` (a numeric run).
    IdRange { first: u64, last: u64 },
    /// A whole level, the rubric not being known.
    AnyWholeLevel,
    /// The levels of an indicator's scale whose criteria may be met.
    CriteriaLevels { lo: u8, hi: u8 },
}

const NUMBER_EXAMPLES: &str = ", e.g. 3, 1.26, \"1.26\" or \"7/6\"";
const LIST_OF_THEM: &str = ", or a list of them (one per service)";
const ANY_WHOLE_LEVEL: &str = "a whole level of the rubric's scale";

impl std::fmt::Display for Valid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Valid::Number { lo, hi } => write!(f, "a number from {lo} to {hi}{NUMBER_EXAMPLES}"),
            Valid::WholeOrList { lo, hi } => {
                write!(f, "a whole number from {lo} to {hi}{LIST_OF_THEM}")
            }
            Valid::Whole { lo, hi } => write!(f, "a whole number from {lo} to {hi}"),
            Valid::IdRange { first, last } => write!(f, "\"{first}\" to \"{last}\""),
            Valid::AnyWholeLevel => f.write_str(ANY_WHOLE_LEVEL),
            Valid::CriteriaLevels { lo, hi } => write!(
                f,
                "the levels (ranges) {lo} to {hi} of the indicator's scale"
            ),
        }
    }
}

/// `"{a} to {b}"` with both ends numbers.
fn range<T: std::str::FromStr>(s: &str) -> Option<(T, T)> {
    let (a, b) = s.split_once(" to ")?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

impl Valid {
    /// The form whose English is `s`, if one wrote it.
    pub(crate) fn parse(s: &str) -> Option<Valid> {
        if s == ANY_WHOLE_LEVEL {
            return Some(Valid::AnyWholeLevel);
        }
        if let Some(r) = s
            .strip_prefix("a number from ")
            .and_then(|r| r.strip_suffix(NUMBER_EXAMPLES))
        {
            let (lo, hi) = range(r)?;
            return Some(Valid::Number { lo, hi });
        }
        if let Some(r) = s.strip_prefix("a whole number from ") {
            return Some(match r.strip_suffix(LIST_OF_THEM) {
                Some(r) => {
                    let (lo, hi) = range(r)?;
                    Valid::WholeOrList { lo, hi }
                }
                None => {
                    let (lo, hi) = range(r)?;
                    Valid::Whole { lo, hi }
                }
            });
        }
        if let Some(r) = s
            .strip_prefix("the levels (ranges) ")
            .and_then(|r| r.strip_suffix(" of the indicator's scale"))
        {
            let (lo, hi) = range(r)?;
            return Some(Valid::CriteriaLevels { lo, hi });
        }
        let (first, last) = s
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .and_then(|r| r.split_once("\" to \""))?;
        Some(Valid::IdRange {
            first: first.parse().ok()?,
            last: last.parse().ok()?,
        })
    }

    /// The text in a language.
    pub(crate) fn text(&self, lang: Lang) -> String {
        match (lang, *self) {
            (Lang::En, v) => v.to_string(),
            (Lang::Id, Valid::Number { lo, hi }) => {
                format!("bilangan dari {lo} sampai {hi}, misalnya 3, 1.26, \"1.26\" atau \"7/6\"")
            }
            (Lang::Id, Valid::WholeOrList { lo, hi }) => format!(
                "bilangan bulat {lo} sampai {hi}, atau daftar bilangan tersebut (satu per layanan)"
            ),
            (Lang::Id, Valid::Whole { lo, hi }) => format!("bilangan bulat {lo} sampai {hi}"),
            (Lang::Id, Valid::IdRange { first, last }) => {
                format!("\"{first}\" sampai \"{last}\"")
            }
            (Lang::Id, Valid::AnyWholeLevel) => "tingkat bulat pada skala rubrik".to_owned(),
            (Lang::Id, Valid::CriteriaLevels { lo, hi }) => {
                format!("tingkat {lo} sampai {hi} pada skala indikator tersebut")
            }
        }
    }
}

/// A list of ids as the core writes it ([`crate::rubric::bounded_list`]):
/// the ids are data; only the count of a list cut short is words.
pub(crate) fn list(s: &str, lang: Lang) -> String {
    match (
        lang,
        s.strip_suffix(IN_ALL).and_then(|r| r.rsplit_once(", … (")),
    ) {
        (Lang::Id, Some((head, n))) if n.parse::<usize>().is_ok() => {
            format!("{head}, … (total {n})")
        }
        _ => s.to_owned(),
    }
}

/// The English of a list cut short after `shown`, with `total` items in all.
pub(crate) fn cut_list(shown: &str, total: usize) -> String {
    format!("{shown}, … ({total}{IN_ALL}")
}

/// What is valid, in a language: a form of [`Valid`], else a list.
pub(crate) fn valid(s: &str, lang: Lang) -> String {
    match Valid::parse(s) {
        Some(v) => v.text(lang),
        None => list(s, lang),
    }
}

/// Where an assessment's rubric is not known, the rubric is named by this.
pub(crate) const THE_RUBRIC: &str = "the rubric";

/// A rubric id, or [`THE_RUBRIC`].
pub(crate) fn rubric(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id if s == THE_RUBRIC => "rubrik".to_owned(),
        _ => s.to_owned(),
    }
}

/// The tracks of an assessment that has none.
pub(crate) const NO_TRACKS: &str = "none";

/// The tracks an assessment has (ids), or [`NO_TRACKS`].
pub(crate) fn tracks(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id if s == NO_TRACKS => "tidak ada".to_owned(),
        _ => s.to_owned(),
    }
}

/// A place in the input: a field name (`levels`, `tracks.dokumen`,
/// `criteria_met` ...) is kept, as the input spells it; a batch column
/// (`column "12"`) is named in the language.
pub(crate) fn place(s: &str, lang: Lang) -> String {
    match (lang, s.strip_prefix("column ")) {
        (Lang::Id, Some(name)) => format!("kolom {name}"),
        _ => s.to_owned(),
    }
}

/// ` (in <place>)` after an indicator, nothing for plain levels.
pub(crate) fn place_suffix(s: &str, lang: Lang) -> String {
    if s.is_empty() || s == "levels" {
        String::new()
    } else {
        match lang {
            Lang::En => format!(" (in {s})"),
            Lang::Id => format!(" (di {})", place(s, lang)),
        }
    }
}

/// ` (<track>)` after an indicator in a form's message (Indonesian): the track
/// the value was typed on, as the form names it ("penilaian mandiri", "target",
/// "tahap dokumen"), not the file's field (`tracks.mandiri`); nothing for plain
/// levels; any other place as [`place_suffix`] writes it.
pub(crate) fn form_place_suffix(s: &str) -> String {
    match s.strip_prefix("tracks.") {
        Some("mandiri") => " (penilaian mandiri)".to_owned(),
        Some("target") => " (target)".to_owned(),
        Some(stage) => format!(" (tahap {stage})"),
        None => place_suffix(s, Lang::Id),
    }
}

/// A rubric in a form's message: a built-in edition by its short title
/// ("PermenPANRB 8/2026", from the edition's own data), another by its id.
pub(crate) fn form_rubric(s: &str) -> String {
    crate::rubric::builtin_short_title(s).unwrap_or_else(|| rubric(s, Lang::Id))
}

/// What is valid, in a form's message (Indonesian): a number with the decimal
/// comma, without the file's other spellings (a JSON string, a fraction), which
/// a form's number field does not take; anything else as [`valid`] writes it.
pub(crate) fn form_valid(s: &str) -> String {
    match Valid::parse(s) {
        Some(Valid::Number { lo, hi }) => {
            format!("bilangan dari {lo} sampai {hi}, misalnya 3 atau 1,26")
        }
        _ => valid(s, Lang::Id),
    }
}

/// A value as an error quotes it: the JSON given, or a long list cut short
/// (`[1, 2, … (12 items)]`). With `form` (a value typed into a form's field,
/// see [`Error::message_in_form`](super::Error::message_in_form)), an
/// Indonesian decimal is written as typed there: the decimal comma, and no
/// quotes of a JSON string (`5.2` and `"5.2"` are `5,2`).
pub(crate) fn value(s: &str, lang: Lang, form: bool) -> String {
    if form && lang == Lang::Id {
        if let Some(d) = decimal(
            s.strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .unwrap_or(s),
        ) {
            return d.replacen('.', ",", 1);
        }
    }
    match (
        lang,
        s.strip_suffix(" items)]").and_then(|r| r.rsplit_once(" (")),
    ) {
        (Lang::Id, Some((head, n))) if n.parse::<usize>().is_ok() => {
            format!("{head} ({n} butir)]")
        }
        _ => s.to_owned(),
    }
}

/// `s` if it is a decimal with a point: an optional sign, digits, `.`, digits.
fn decimal(s: &str) -> Option<&str> {
    let (int, frac) = s.strip_prefix(['-', '+']).unwrap_or(s).split_once('.')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (digits(int) && digits(frac)).then_some(s)
}

/// What is wrong with the shape of an assessment, in the texts the core
/// writes into [`InvalidAssessment`](super::Error::InvalidAssessment) (the
/// JSON parser's own, `assessment: ...`, are kept as they are).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Both `levels` and `tracks`.
    LevelsAndTracks,
    /// Neither `levels` nor `tracks`.
    NoLevels,
    /// `tracks` without any track.
    EmptyTracks,
    /// A note that is not a string (`key`: the indicator, quoted).
    NoteType { key: String, got: String },
    /// More evidence references than are kept.
    TooMuchEvidence {
        key: String,
        count: usize,
        max: usize,
    },
    /// Evidence that is not a list of strings.
    EvidenceType { key: String, got: String },
    /// A level listed twice in `criteria_met`.
    CriteriaTwice { key: String, got: String },
    /// `criteria_met` that is not a list of levels 0 to 9.
    CriteriaType { key: String, got: String },
    /// A year that is no evaluation year.
    Year { year: i64, from: i64, to: i64 },
}

const BOTH: &str = "give either \"levels\" or \"tracks\", not both";
const NO_LEVELS: &str = "no levels: give \"levels\" (indicator id -> level) or \"tracks\"";
const EMPTY_TRACKS: &str =
    "\"tracks\" is empty; give at least one of mandiri, dokumen, interviu, visitasi, target";
const NOTE_TYPE: &str = "] must be a string (the penjelasan), got ";
const EVIDENCE_TYPE: &str = "] must be a list of strings (names or links of bukti dukung), got ";
const CRITERIA_TWICE: &str = "] lists a level twice: ";
const CRITERIA_TYPE: &str = "] must be a list of the levels (whole numbers 0 to 9) whose criteria the evidence meets, e.g. [1, 2, 3]; got ";

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shape::LevelsAndTracks => f.write_str(BOTH),
            Shape::NoLevels => f.write_str(NO_LEVELS),
            Shape::EmptyTracks => f.write_str(EMPTY_TRACKS),
            Shape::NoteType { key, got } => write!(f, "notes[{key}{NOTE_TYPE}{got}"),
            Shape::TooMuchEvidence { key, count, max } => write!(
                f,
                "evidence[{key}] has {count} references; give at most {max}"
            ),
            Shape::EvidenceType { key, got } => write!(f, "evidence[{key}{EVIDENCE_TYPE}{got}"),
            Shape::CriteriaTwice { key, got } => {
                write!(f, "criteria_met[{key}{CRITERIA_TWICE}{got}")
            }
            Shape::CriteriaType { key, got } => {
                write!(f, "criteria_met[{key}{CRITERIA_TYPE}{got}")
            }
            Shape::Year { year, from, to } => write!(
                f,
                "year {year} is not an evaluation year; give a year from {from} to {to}"
            ),
        }
    }
}

/// `<field>[<key><middle><got>`, split at the first `middle`.
fn keyed(s: &str, field: &str, middle: &str) -> Option<(String, String)> {
    let (key, got) = s
        .strip_prefix(field)?
        .strip_prefix('[')?
        .split_once(middle)?;
    Some((key.to_owned(), got.to_owned()))
}

impl Shape {
    /// The form whose English is `s`, if one wrote it.
    pub(crate) fn parse(s: &str) -> Option<Shape> {
        match s {
            BOTH => return Some(Shape::LevelsAndTracks),
            NO_LEVELS => return Some(Shape::NoLevels),
            EMPTY_TRACKS => return Some(Shape::EmptyTracks),
            _ => {}
        }
        if let Some((key, got)) = keyed(s, "notes", NOTE_TYPE) {
            return Some(Shape::NoteType { key, got });
        }
        if let Some((key, got)) = keyed(s, "evidence", EVIDENCE_TYPE) {
            return Some(Shape::EvidenceType { key, got });
        }
        if let Some((key, got)) = keyed(s, "criteria_met", CRITERIA_TWICE) {
            return Some(Shape::CriteriaTwice { key, got });
        }
        if let Some((key, got)) = keyed(s, "criteria_met", CRITERIA_TYPE) {
            return Some(Shape::CriteriaType { key, got });
        }
        if let Some((key, rest)) = keyed(s, "evidence", "] has ") {
            let (count, max) = rest.split_once(" references; give at most ")?;
            return Some(Shape::TooMuchEvidence {
                key,
                count: count.parse().ok()?,
                max: max.parse().ok()?,
            });
        }
        let (year, range) = s
            .strip_prefix("year ")?
            .split_once(" is not an evaluation year; give a year from ")?;
        let (from, to) = range.split_once(" to ")?;
        Some(Shape::Year {
            year: year.parse().ok()?,
            from: from.parse().ok()?,
            to: to.parse().ok()?,
        })
    }

    /// The text in a language.
    pub(crate) fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Shape::LevelsAndTracks => "isikan \"levels\" atau \"tracks\", tidak keduanya".to_owned(),
            Shape::NoLevels => "tidak ada nilai: isikan \"levels\" (id indikator -> nilai) atau \"tracks\"".to_owned(),
            Shape::EmptyTracks => "\"tracks\" kosong; isikan sedikitnya satu dari mandiri, dokumen, interviu, visitasi, target".to_owned(),
            Shape::NoteType { key, got } => {
                format!("notes[{key}] harus berupa teks (penjelasan), bukan {got}")
            }
            Shape::TooMuchEvidence { key, count, max } => format!(
                "evidence[{key}] memuat {count} rujukan; paling banyak {max} rujukan"
            ),
            Shape::EvidenceType { key, got } => format!(
                "evidence[{key}] harus berupa daftar teks (nama atau tautan bukti dukung), bukan {got}"
            ),
            Shape::CriteriaTwice { key, got } => {
                format!("criteria_met[{key}] memuat satu tingkat dua kali: {got}")
            }
            Shape::CriteriaType { key, got } => format!(
                "criteria_met[{key}] harus berupa daftar tingkat (bilangan bulat 0 sampai 9) yang kriterianya dipenuhi bukti dukung, misalnya [1, 2, 3]; yang diberikan {got}"
            ),
            Shape::Year { year, from, to } => format!(
                "tahun {year} bukan tahun evaluasi; isikan tahun {from} sampai {to}"
            ),
        }
    }
}

/// The message of an invalid assessment, in a language: a [`Shape`], else
/// (the JSON parser's own text) as it is.
pub(crate) fn assessment(s: &str, lang: Lang) -> String {
    match (lang, Shape::parse(s)) {
        (Lang::Id, Some(shape)) => shape.text(lang),
        _ => s.to_owned(),
    }
}

/// Why exact arithmetic overflows, in general.
pub(crate) const OVERFLOW_ADVICE: &str = "values with many decimals or fractions with large, different denominators make it too large; use fewer decimals or simpler fractions";

/// Why exact arithmetic overflows when renormalising.
pub(crate) const RENORMALISING_ADVICE: &str = "each aspect is divided by the sum of its present indicators' weights, and these sums have too large a common denominator; fill in the missing indicators, or use the lowest-level missing policy (--missing lowest, missing=\"lowest\")";

/// What follows the context of an overflow while renormalising.
pub(crate) const RENORMALISED: &str = " renormalised over the present indicators";

/// What was being computed, in a language (the core's own contexts).
pub(crate) fn overflow_context(s: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return s.to_owned();
    }
    let (base, renormalised) = match s.strip_suffix(RENORMALISED) {
        Some(b) => (b, true),
        None => (s, false),
    };
    let base = match base {
        "a gap" | "the gap" | "a difference" => "selisih",
        "an aspect index" => "indeks aspek",
        "a domain index" => "indeks domain",
        "the index" => "indeks",
        "the best index" => "indeks terbaik",
        "rounding" => "pembulatan",
        "a cap" => "batas tingkat",
        "a contribution" => "kontribusi",
        "a cost" => "biaya",
        "a gain" => "kenaikan indeks",
        "a threshold" => "ambang",
        "a weight" => "bobot",
        other => other,
    };
    if renormalised {
        format!("{base} yang dinormalkan ulang atas indikator yang terisi")
    } else {
        base.to_owned()
    }
}

/// The advice of an overflow, in a language.
pub(crate) fn overflow_advice(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Id if s == OVERFLOW_ADVICE => "nilai dengan banyak angka desimal atau pecahan dengan penyebut besar yang berbeda-beda membuatnya terlalu besar; gunakan lebih sedikit angka desimal atau pecahan yang lebih sederhana".to_owned(),
        Lang::Id if s == RENORMALISING_ADVICE => "setiap aspek dibagi dengan jumlah bobot indikatornya yang terisi, dan penyebut bersama jumlah-jumlah itu terlalu besar; lengkapi indikator yang belum bernilai, atau gunakan kebijakan tingkat terendah untuk indikator kosong (--missing lowest, missing=\"lowest\")".to_owned(),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every form is read back from its English, so its Indonesian is found.
    #[test]
    fn every_form_is_read_back_from_its_english() {
        let forms = [
            Valid::Number { lo: 1, hi: 5 },
            Valid::WholeOrList { lo: 1, hi: 5 },
            Valid::Whole { lo: 0, hi: 5 },
            Valid::IdRange { first: 1, last: 47 },
            Valid::AnyWholeLevel,
            Valid::CriteriaLevels { lo: 1, hi: 5 },
        ];
        for v in forms {
            assert_eq!(Valid::parse(&v.to_string()), Some(v), "{v}");
            assert_ne!(v.text(Lang::Id), v.to_string(), "{v}");
        }
    }

    #[test]
    fn the_english_texts_are_those_messages_have_always_given() {
        assert_eq!(
            Valid::Whole { lo: 1, hi: 5 }.to_string(),
            "a whole number from 1 to 5"
        );
        assert_eq!(
            Valid::Number { lo: 1, hi: 5 }.to_string(),
            "a number from 1 to 5, e.g. 3, 1.26, \"1.26\" or \"7/6\""
        );
        assert_eq!(
            Valid::WholeOrList { lo: 1, hi: 5 }.to_string(),
            "a whole number from 1 to 5, or a list of them (one per service)"
        );
        assert_eq!(
            Valid::IdRange { first: 1, last: 35 }.to_string(),
            "\"1\" to \"35\""
        );
    }

    #[test]
    fn every_shape_is_read_back_from_its_english() {
        let (key, got) = ("\"12\"".to_owned(), "42".to_owned());
        let shapes = [
            Shape::LevelsAndTracks,
            Shape::NoLevels,
            Shape::EmptyTracks,
            Shape::NoteType {
                key: key.clone(),
                got: got.clone(),
            },
            Shape::TooMuchEvidence {
                key: key.clone(),
                count: 101,
                max: 100,
            },
            Shape::EvidenceType {
                key: key.clone(),
                got: got.clone(),
            },
            Shape::CriteriaTwice {
                key: key.clone(),
                got: "[1,1]".to_owned(),
            },
            Shape::CriteriaType {
                key: key.clone(),
                got: got.clone(),
            },
            Shape::Year {
                year: 1850,
                from: 1900,
                to: 2999,
            },
        ];
        for v in shapes {
            assert_eq!(Shape::parse(&v.to_string()).as_ref(), Some(&v), "{v}");
            assert_ne!(v.text(Lang::Id), v.to_string(), "{v}");
        }
        assert_eq!(
            assessment("assessment: unknown field `x`", Lang::Id),
            "assessment: unknown field `x`"
        );
    }

    #[test]
    fn data_is_kept_and_words_are_translated() {
        assert_eq!(valid("mandiri, dokumen", Lang::Id), "mandiri, dokumen");
        assert_eq!(valid("a, b, … (12 in all)", Lang::Id), "a, b, … (total 12)");
        assert_eq!(
            valid("a whole number from 1 to 5", Lang::Id),
            "bilangan bulat 1 sampai 5"
        );
        assert_eq!(
            valid("a whole number from 1 to x", Lang::Id),
            "a whole number from 1 to x"
        );
        assert_eq!(place("column \"35.2\"", Lang::Id), "kolom \"35.2\"");
        assert_eq!(place("tracks.dokumen", Lang::Id), "tracks.dokumen");
        assert_eq!(place_suffix("levels", Lang::Id), "");
        assert_eq!(place_suffix("notes", Lang::Id), " (di notes)");
        assert_eq!(
            value("[1, 2, … (12 items)]", Lang::Id, false),
            "[1, 2, … (12 butir)]"
        );
        assert_eq!(rubric(THE_RUBRIC, Lang::Id), "rubrik");
        assert_eq!(
            rubric("permenpanrb-59-2020", Lang::Id),
            "permenpanrb-59-2020"
        );
        assert_eq!(
            overflow_context(
                "an aspect index renormalised over the present indicators",
                Lang::Id
            ),
            "indeks aspek yang dinormalkan ulang atas indikator yang terisi"
        );
    }

    #[test]
    fn a_form_echoes_an_indonesian_decimal_as_typed_there() {
        let form = |v: &str| value(v, Lang::Id, true);
        // a decimal, as a JSON number or string: the decimal comma, no quotes
        assert_eq!(form("5.2"), "5,2");
        assert_eq!(form("\"5.2\""), "5,2");
        assert_eq!(form("-0.25"), "-0,25");
        assert_eq!(form("\"1.0000000000000000001\""), "1,0000000000000000001");
        // anything else as the input wrote it
        for kept in [
            "7",
            "\"7/6\"",
            "\"5,2\"",
            "\"tiga\"",
            "true",
            "1e20",
            "\"1.\"",
            "\".5\"",
            "\"1.2.3\"",
            "[1.5, 2]",
        ] {
            assert_eq!(form(kept), kept);
        }
        // a list cut short is still counted in Indonesian
        assert_eq!(form("[1, 2, … (12 items)]"), "[1, 2, … (12 butir)]");
        // outside a form, and in English, the value stays as written
        assert_eq!(value("5.2", Lang::Id, false), "5.2");
        assert_eq!(value("\"5.2\"", Lang::Id, false), "\"5.2\"");
        assert_eq!(value("5.2", Lang::En, true), "5.2");
    }
}
