//! The one error type of the crate. Every variant has a stable machine code
//! ([`Error::code`]) that the Python and JS bindings expose unchanged.

use serde::{Deserialize, Serialize};

pub(crate) mod text;

/// A language: of error messages ([`Error::message_in`]) and of the
/// evaluation report ([`crate::lhe`]). Indonesian (Bahasa Indonesia) is the
/// default, as in the report; an error's `Display` is its English message.
///
/// Read from `"id"` / `"en"` (any case, through `FromStr`; serde reads and
/// writes `"id"` / `"en"`). Indonesian messages name indicators, aspects,
/// domains, levels (tingkat, nilai), predicates and editions (rubrik) in the
/// terms of the statutes; ids (rubric editions, tracks such as `mandiri` or
/// `dokumen`, input fields such as `levels`, error codes) stay as the input
/// and the wire spell them.
///
/// ```
/// use spbe_core::error::Lang;
///
/// let lang: Lang = "id".parse()?;
/// assert_eq!(lang, Lang::Id);
/// assert_eq!(lang.as_str(), "id");
/// assert_eq!(serde_json::to_string(&Lang::En)?, "\"en\"");
/// assert_eq!("fr".parse::<Lang>().unwrap_err().code(), "invalid_options");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Bahasa Indonesia (in the report: decimal comma).
    #[default]
    Id,
    /// English (in the report: decimal point).
    En,
}

impl Lang {
    /// The language tag (`id`, `en`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Lang {
    type Err = Error;
    /// `"id"` or `"en"` (any case); anything else is `invalid_options`.
    fn from_str(s: &str) -> Result<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" => Ok(Lang::Id),
            "en" => Ok(Lang::En),
            _ => Err(Error::InvalidOptions {
                message: format!("language {s:?}: give id (Bahasa Indonesia) or en (English)"),
            }),
        }
    }
}

/// What is wrong with a vector (see [`Error::InvalidVector`]): the facts,
/// written in English by `Display` and in either language by
/// [`text`](VectorProblem::text).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VectorProblem {
    /// The vector names a rubric that is not built in.
    UnknownRubric {
        /// The id in the vector.
        id: String,
        /// The built-in editions.
        known: String,
    },
    /// The vector does not start with `SPBE1.` or `SPBE2.`.
    Prefix,
    /// The vector is for another rubric than the one given.
    OtherRubric {
        /// The rubric the vector names.
        found: String,
        /// The rubric given.
        expected: String,
    },
    /// Two dots in a row, or a dot at the end.
    EmptySegment,
    /// A segment whose first letter is no tag.
    UnknownTag {
        /// The letter.
        tag: char,
    },
    /// A segment repeated or out of order.
    OutOfOrder {
        /// Its tag.
        tag: char,
    },
    /// A year segment that is no evaluation year.
    Year {
        /// The text after `Y`.
        text: String,
        /// The first year accepted.
        from: i64,
        /// The last year accepted.
        to: i64,
    },
    /// An institution that is not base64url UTF-8.
    Institution,
    /// A note segment without `~`.
    NoteShape,
    /// A note that is not base64url UTF-8.
    Note {
        /// Its indicator.
        indicator: String,
    },
    /// Two notes for one indicator.
    TwoNotes {
        /// The indicator.
        indicator: String,
    },
    /// A criteria segment without `~`.
    CriteriaShape,
    /// Criteria levels that are not digits in increasing order.
    CriteriaOrder {
        /// Their indicator.
        indicator: String,
    },
    /// Two criteria segments for one indicator.
    TwoCriteria {
        /// The indicator.
        indicator: String,
    },
    /// More evidence references than are kept.
    TooMuchEvidence {
        /// Their indicator.
        indicator: String,
        /// The most kept.
        max: usize,
    },
    /// An evidence reference that is not base64url UTF-8.
    Evidence {
        /// Its indicator.
        indicator: String,
    },
    /// Two evidence segments for one indicator.
    TwoEvidence {
        /// The indicator.
        indicator: String,
    },
    /// Both `L` and track segments.
    LevelsAndTracks,
    /// Neither `L` nor track segments.
    NoLevels,
    /// An indicator id the rubric does not have.
    UnknownIndicator {
        /// The id.
        indicator: String,
        /// Edition id.
        rubric: String,
    },
    /// Fewer level codes than indicators.
    EndsEarly {
        /// Codes read.
        codes: usize,
        /// Indicators of the rubric.
        indicators: usize,
    },
    /// A `v` value without its closing `v`.
    Unclosed {
        /// Its indicator.
        indicator: String,
    },
    /// A `v` value that is not a canonical decimal or fraction.
    BadValue {
        /// Its indicator.
        indicator: String,
        /// The text between the `v`s.
        raw: String,
    },
    /// A `~` without the number of items.
    ItemCount {
        /// Its indicator.
        indicator: String,
    },
    /// Fewer item digits than announced.
    ItemDigits {
        /// Their indicator.
        indicator: String,
        /// How many were announced.
        count: usize,
    },
    /// A character that no level code starts with.
    UnexpectedChar {
        /// The indicator whose code it is.
        indicator: String,
        /// The character.
        found: char,
        /// Whether the vector is `SPBE2` (which has `v` values).
        version2: bool,
    },
    /// Characters after the last indicator's code.
    Extra {
        /// How many.
        count: usize,
        /// Indicators of the rubric.
        indicators: usize,
    },
}

const TAGS: &str = "Y N L M D I V T C E K";

impl std::fmt::Display for VectorProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl VectorProblem {
    /// The text in a language (English: what `Display` writes).
    pub fn text(&self, lang: Lang) -> String {
        use VectorProblem as P;
        let en = lang == Lang::En;
        match self {
            P::UnknownRubric { id, known } if en => {
                format!("unknown rubric {id:?}; built-in editions: {known}")
            }
            P::UnknownRubric { id, known } => {
                format!("rubrik {id:?} tidak dikenal; edisi bawaan: {known}")
            }
            P::Prefix if en => "a vector starts with \"SPBE1.\" or \"SPBE2.\"".to_owned(),
            P::Prefix => "vektor harus diawali \"SPBE1.\" atau \"SPBE2.\"".to_owned(),
            P::OtherRubric { found, expected } if en => {
                format!("the vector is for {found:?}, not {expected:?}")
            }
            P::OtherRubric { found, expected } => {
                format!("vektor ini untuk {found:?}, bukan {expected:?}")
            }
            P::EmptySegment if en => "empty segment".to_owned(),
            P::EmptySegment => "segmen kosong".to_owned(),
            P::UnknownTag { tag } if en => {
                format!("unknown segment tag {tag:?}; expected one of {TAGS}")
            }
            P::UnknownTag { tag } => format!(
                "penanda segmen {tag:?} tidak dikenal; penanda yang sah salah satu dari {TAGS}"
            ),
            P::OutOfOrder { tag } if en => {
                format!("segment {tag:?} is repeated or out of order (order: {TAGS})")
            }
            P::OutOfOrder { tag } => {
                format!("segmen {tag:?} berulang atau tidak berurutan (urutan: {TAGS})")
            }
            P::Year { text, from, to } if en => {
                format!("year {text:?} is not a year from {from} to {to}")
            }
            P::Year { text, from, to } => {
                format!("tahun {text:?} bukan tahun {from} sampai {to}")
            }
            P::Institution if en => "institution is not valid base64url UTF-8".to_owned(),
            P::Institution => "nama instansi bukan teks base64url UTF-8 yang sah".to_owned(),
            P::NoteShape if en => "a note is C<indicator>~<base64url text>".to_owned(),
            P::NoteShape => "penjelasan ditulis C<indikator>~<teks base64url>".to_owned(),
            P::Note { indicator } if en => {
                format!("the note of indicator {indicator} is not valid base64url UTF-8")
            }
            P::Note { indicator } => format!(
                "penjelasan indikator {indicator} bukan teks base64url UTF-8 yang sah"
            ),
            P::TwoNotes { indicator } if en => format!("indicator {indicator} has two notes"),
            P::TwoNotes { indicator } => {
                format!("indikator {indicator} memiliki dua penjelasan")
            }
            P::CriteriaShape if en => {
                "criteria met are K<indicator>~<levels, one digit each>".to_owned()
            }
            P::CriteriaShape => {
                "kriteria terpenuhi ditulis K<indikator>~<tingkat, masing-masing satu digit>"
                    .to_owned()
            }
            P::CriteriaOrder { indicator } if en => format!("the criteria met of indicator {indicator} must be digits in increasing order, e.g. K{indicator}~123"),
            P::CriteriaOrder { indicator } => format!("kriteria terpenuhi indikator {indicator} ditulis dengan digit yang makin besar, misalnya K{indicator}~123"),
            P::TwoCriteria { indicator } if en => {
                format!("indicator {indicator} has two criteria segments")
            }
            P::TwoCriteria { indicator } => {
                format!("indikator {indicator} memiliki dua segmen kriteria terpenuhi")
            }
            P::TooMuchEvidence { indicator, max } if en => {
                format!("indicator {indicator} has more than {max} evidence references")
            }
            P::TooMuchEvidence { indicator, max } => {
                format!("indikator {indicator} memiliki lebih dari {max} rujukan bukti dukung")
            }
            P::Evidence { indicator } if en => format!(
                "an evidence reference of indicator {indicator} is not valid base64url UTF-8"
            ),
            P::Evidence { indicator } => format!(
                "salah satu rujukan bukti dukung indikator {indicator} bukan teks base64url UTF-8 yang sah"
            ),
            P::TwoEvidence { indicator } if en => {
                format!("indicator {indicator} has two evidence segments")
            }
            P::TwoEvidence { indicator } => {
                format!("indikator {indicator} memiliki dua segmen bukti dukung")
            }
            P::LevelsAndTracks if en => {
                "a vector has either L or track segments (M D I V T), not both".to_owned()
            }
            P::LevelsAndTracks => {
                "vektor memuat segmen L atau segmen tahap (M D I V T), tidak keduanya".to_owned()
            }
            P::NoLevels if en => "the vector has no levels segment (L, or M D I V T)".to_owned(),
            P::NoLevels => "vektor tidak memuat segmen nilai (L, atau M D I V T)".to_owned(),
            P::UnknownIndicator { indicator, rubric } if en => {
                format!("indicator {indicator:?} does not exist in {rubric}")
            }
            P::UnknownIndicator { indicator, rubric } => {
                format!("indikator {indicator:?} tidak ada dalam {rubric}")
            }
            P::EndsEarly { codes, indicators } if en => {
                format!("levels end early: {codes} codes for {indicators} indicators")
            }
            P::EndsEarly { codes, indicators } => format!(
                "segmen nilai berakhir terlalu cepat: {codes} kode untuk {indicators} indikator"
            ),
            P::Unclosed { indicator } if en => {
                format!("indicator {indicator}: a value 'v...' has no closing 'v'")
            }
            P::Unclosed { indicator } => {
                format!("indikator {indicator}: nilai 'v...' tidak ditutup dengan 'v'")
            }
            P::BadValue { indicator, raw } if en => format!("indicator {indicator}: {raw:?} is not a value that is not a whole number (digits without leading zeros, 'p' for the point, 's' for a fraction; a whole level is a plain digit)"),
            P::BadValue { indicator, raw } => format!("indikator {indicator}: {raw:?} bukan nilai desimal atau pecahan yang sah (digit tanpa nol di depan, 'p' untuk titik desimal, 's' untuk garis pecahan; tingkat bulat ditulis sebagai satu digit saja)"),
            P::ItemCount { indicator } if en => {
                format!("indicator {indicator}: '~' must be followed by the number of items")
            }
            P::ItemCount { indicator } => {
                format!("indikator {indicator}: '~' harus diikuti jumlah butir")
            }
            P::ItemDigits { indicator, count } if en => {
                format!("indicator {indicator}: expected {count} item digits")
            }
            P::ItemDigits { indicator, count } => {
                format!("indikator {indicator}: seharusnya ada {count} digit butir")
            }
            P::UnexpectedChar {
                indicator,
                found,
                version2,
            } if en => format!(
                "indicator {indicator}: unexpected character {found:?}; expected a digit, '_', '~'{}",
                if *version2 {
                    " or 'v'"
                } else {
                    " (SPBE2 also allows 'v' values)"
                }
            ),
            P::UnexpectedChar {
                indicator,
                found,
                version2,
            } => format!(
                "indikator {indicator}: karakter {found:?} tidak dikenali; seharusnya digit, '_', '~'{}",
                if *version2 {
                    " atau 'v'"
                } else {
                    " (SPBE2 juga menerima nilai 'v')"
                }
            ),
            P::Extra { count, indicators } if en => {
                format!("{count} extra character(s) after the {indicators} indicators")
            }
            P::Extra { count, indicators } => {
                format!("{count} karakter berlebih setelah {indicators} indikator")
            }
        }
    }
}

/// One problem found in a rubric file (see [`Error::InvalidRubric`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RubricProblem {
    /// Stable code, e.g. `duplicate_id`, `weight_sum`, `predicate_gap`.
    pub code: &'static str,
    /// Where in the file, e.g. `domains[1].aspects[0]`.
    pub path: String,
    /// What is wrong and what would be valid.
    pub message: String,
}

impl std::fmt::Display for RubricProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.code)
    }
}

/// Everything that can go wrong, each with a stable [`code`](Error::code).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The assessment names a rubric that is neither built in nor supplied.
    #[error("unknown rubric {id:?}; the built-in editions are: {known}")]
    UnknownRubric {
        /// Its id.
        id: String,
        /// The built-in editions.
        known: String,
    },

    /// An indicator id that the rubric does not have.
    #[error("indicator {indicator:?} does not exist in {rubric} (in {place}); valid indicators are {valid}")]
    UnknownIndicator {
        /// The indicator concerned.
        indicator: String,
        /// Edition id.
        rubric: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// What would be valid.
        valid: String,
    },

    /// A value outside the rubric's scale for that indicator.
    #[error("indicator {indicator}{place_suffix}: level {value} is out of range; {rubric} accepts {valid}", place_suffix = suffix(place))]
    LevelOutOfRange {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid, e.g. "a whole number from 1 to 5".
        valid: String,
        /// Edition id.
        rubric: String,
    },

    /// A fractional number (e.g. `3.5`) for an indicator that takes whole levels.
    #[error("indicator {indicator}{place_suffix}: level {value} is not a whole number; give {valid}", place_suffix = suffix(place))]
    NonIntegerLevel {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid.
        valid: String,
    },

    /// A level that is not a number (a boolean, null, an object, a string
    /// where whole levels are expected, or a string that is not a decimal or fraction).
    #[error("indicator {indicator}{place_suffix}: level {value} is not a number; give {valid}", place_suffix = suffix(place))]
    InvalidLevelType {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid.
        valid: String,
    },

    /// A decimal with more digits after the point than can be kept exactly.
    #[error("indicator {indicator}{place_suffix}: level {value} has more than {max_decimals} decimals; give {valid}", place_suffix = suffix(place))]
    TooManyDecimals {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// The most decimals kept.
        max_decimals: usize,
        /// What would be valid.
        valid: String,
    },

    /// A list of levels for an indicator that takes one level.
    #[error("indicator {indicator}{place_suffix}: got a list {value} but this indicator takes a single level: {valid}", place_suffix = suffix(place))]
    NotRepeatable {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// The value as given.
        value: String,
        /// What would be valid.
        valid: String,
    },

    /// A repeatable indicator (2018 indicator 35) with too few or too many items.
    #[error("indicator {indicator}{place_suffix}: got {count} levels but it takes {min} to {max} (one per reported service)", place_suffix = suffix(place))]
    WrongItemCount {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
        /// How many were given.
        count: usize,
        /// Lower bound.
        min: u8,
        /// Upper bound.
        max: u8,
    },

    /// The same indicator key twice in one object (never last-wins).
    #[error("indicator {indicator:?} appears more than once in {place}; give each indicator once")]
    DuplicateIndicator {
        /// The indicator concerned.
        indicator: String,
        /// Where in the input (`levels`, `tracks.dokumen`, `notes` ...).
        place: String,
    },

    /// Indicators without a level under the default (official) missing-indicator policy.
    #[error("{track}: {count} indicator(s) have no level: {list}; every indicator of {rubric} needs one (or choose a non-official missing-indicator policy)", count = indicators.len(), list = crate::rubric::bounded_list(indicators, 20))]
    MissingIndicators {
        /// Its indicators, in order.
        indicators: Vec<String>,
        /// The track scored or concerned.
        track: String,
        /// Edition id.
        rubric: String,
    },

    /// Nothing to compute: the track has no level at all (possible only with
    /// the renormalising missing policy; otherwise it is `missing_indicator`).
    #[error("{track}: no indicator has a level, so no index can be computed")]
    NoLevels {
        /// The track scored or concerned.
        track: String,
    },

    /// Stands for the problems of one kind past the first
    /// [`MAX_PER_KIND`] in a list of problems (`validate`, `check`): they are
    /// counted, not listed. Its code is the code of that kind.
    #[error("... and {count} more {code} problem(s), not listed")]
    More {
        /// The code of the problems left out.
        code: &'static str,
        /// How many were left out.
        count: usize,
    },

    /// Input that is not well-formed JSON.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    MalformedJson {
        /// What is wrong.
        message: String,
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
    },

    /// Well-formed JSON of the wrong shape (unknown field, wrong type, both `levels` and `tracks` ...).
    #[error("invalid assessment: {message}")]
    InvalidAssessment {
        /// What is wrong.
        message: String,
    },

    /// A track name that does not exist.
    #[error("unknown track {track:?}; valid tracks are {valid}")]
    UnknownTrack {
        /// The track scored or concerned.
        track: String,
        /// What would be valid.
        valid: String,
    },

    /// A track that exists but is not in this assessment.
    #[error("track {track:?} is not in this assessment; it has: {available}")]
    TrackNotPresent {
        /// The track scored or concerned.
        track: String,
        /// The tracks the assessment has.
        available: String,
    },

    /// A rubric file that fails validation; lists every problem found.
    #[error("invalid rubric {id:?}: {count} problem(s):\n  {list}", count = problems.len(), list = problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n  "))]
    InvalidRubric {
        /// Its id.
        id: String,
        /// Every problem found.
        problems: Vec<RubricProblem>,
    },

    /// A compact vector string that cannot be parsed.
    #[error("invalid vector at segment {segment}: {message}")]
    InvalidVector {
        /// Which segment (1-based; 0 for the whole vector).
        segment: usize,
        /// What is wrong.
        message: VectorProblem,
    },

    /// Input larger than the accepted limit.
    #[error("input of {size} bytes is larger than the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },

    /// The assessment is for another rubric than the one supplied.
    #[error("the assessment is for {found:?} but the rubric given is {expected:?}")]
    RubricMismatch {
        /// The rubric given.
        expected: String,
        /// The rubric the assessment names.
        found: String,
    },

    /// Scoring options that cannot be read.
    #[error("invalid options: {message}")]
    InvalidOptions {
        /// What is wrong.
        message: String,
    },

    /// Batch input of the wrong shape.
    #[error("invalid batch input: {message}")]
    InvalidBatch {
        /// What is wrong.
        message: String,
    },

    /// A batch row failed; wraps the row's own error.
    #[error("row {row}: {source}")]
    Row {
        /// The row (0-based).
        row: usize,
        /// The row's own error.
        source: Box<Error>,
    },

    /// Exact arithmetic would exceed 128-bit integers: weights with many
    /// digits in a custom rubric, or values whose fractions have large,
    /// different denominators. Never a wrong answer.
    #[error("exact arithmetic overflow while computing {context}: the exact fraction needs more than 128 bits; {advice}")]
    Overflow {
        /// What was being computed.
        context: String,
        /// The likely cause and what to do.
        advice: String,
    },

    /// A plan's target that no allowed rise of levels reaches.
    #[error("the target cannot be reached: with every allowed indicator at its highest allowed level the index is {best} ({predicate}); lower the target, or allow more indicators or higher levels")]
    UnreachableTarget {
        /// The best reachable index, reported (2 decimals).
        best: String,
        /// Its predicate.
        predicate: String,
    },

    /// The output could not be written (a full disk, a closed stream).
    #[error("cannot write the output: {message}")]
    Output {
        /// What went wrong.
        message: String,
    },

    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

fn suffix(place: &str) -> String {
    text::place_suffix(place, Lang::En)
}

impl Error {
    /// The stable machine code of this error, e.g. `level_out_of_range`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownRubric { .. } => "unknown_rubric",
            Error::UnknownIndicator { .. } => "unknown_indicator",
            Error::LevelOutOfRange { .. } => "level_out_of_range",
            Error::NonIntegerLevel { .. } => "non_integer_level",
            Error::InvalidLevelType { .. } => "invalid_level_type",
            Error::TooManyDecimals { .. } => "too_many_decimals",
            Error::NotRepeatable { .. } => "not_repeatable",
            Error::WrongItemCount { .. } => "wrong_item_count",
            Error::DuplicateIndicator { .. } => "duplicate_indicator",
            Error::MissingIndicators { .. } => "missing_indicator",
            Error::NoLevels { .. } => "no_levels",
            Error::MalformedJson { .. } => "malformed_json",
            Error::InvalidAssessment { .. } => "invalid_assessment",
            Error::UnknownTrack { .. } => "unknown_track",
            Error::TrackNotPresent { .. } => "track_not_present",
            Error::InvalidRubric { .. } => "invalid_rubric",
            Error::InvalidVector { .. } => "invalid_vector",
            Error::InputTooLarge { .. } => "input_too_large",
            Error::RubricMismatch { .. } => "rubric_mismatch",
            Error::InvalidBatch { .. } => "invalid_batch",
            Error::InvalidOptions { .. } => "invalid_options",
            Error::Row { source, .. } => source.code(),
            Error::More { code, .. } => code,
            Error::Overflow { .. } => "arithmetic_overflow",
            Error::UnreachableTarget { .. } => "unreachable_target",
            Error::Io { .. } | Error::Output { .. } => "io_error",
        }
    }

    /// Where in the input the value this error is about sits (`levels`,
    /// `tracks.target`, `columns` ...), if it is about one indicator's value.
    pub fn place(&self) -> Option<&str> {
        match self {
            Error::UnknownIndicator { place, .. }
            | Error::LevelOutOfRange { place, .. }
            | Error::NonIntegerLevel { place, .. }
            | Error::InvalidLevelType { place, .. }
            | Error::TooManyDecimals { place, .. }
            | Error::NotRepeatable { place, .. }
            | Error::WrongItemCount { place, .. }
            | Error::DuplicateIndicator { place, .. } => Some(place),
            Error::Row { source, .. } => source.place(),
            _ => None,
        }
    }

    /// What kind of problem this is (see [`IssueKind`]): a value on one
    /// indicator that cannot be scored as given, work not finished, or an
    /// assessment (or file, options, request) that is itself wrong. Decided
    /// here by the variant, every variant named, so that a new one must be
    /// classified; the registry ([`ERROR_CODES`]) states the same kind for
    /// each code (a test keeps the two equal), for the problems past the
    /// first hundred ([`Error::More`]) and for bindings that raise errors of
    /// their own.
    ///
    /// One exception by place: a level outside the range of its indicator
    /// given as a criterion met (`criteria_met`) or as a plan's cap
    /// (`max_levels`) is no value to score, so it is
    /// [`Invalid`](IssueKind::Invalid), not [`Value`](IssueKind::Value).
    ///
    /// ```
    /// use spbe_core::{validate_text, IssueKind, Options};
    ///
    /// let text = r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 7, "99": 3}}"#;
    /// let kinds: Vec<(&str, IssueKind)> = validate_text(text, None, &Options::default())
    ///     .iter()
    ///     .map(|e| (e.code(), e.kind()))
    ///     .collect();
    /// assert_eq!(
    ///     kinds,
    ///     [
    ///         ("level_out_of_range", IssueKind::Value),
    ///         ("unknown_indicator", IssueKind::Invalid),
    ///         ("missing_indicator", IssueKind::Missing),
    ///     ]
    /// );
    /// ```
    pub fn kind(&self) -> IssueKind {
        use IssueKind::{Invalid, Missing, Value};
        match self {
            // a level given where no value is scored
            Error::LevelOutOfRange { place, .. }
                if place == "criteria_met" || place == "max_levels" =>
            {
                Invalid
            }
            Error::LevelOutOfRange { .. }
            | Error::NonIntegerLevel { .. }
            | Error::InvalidLevelType { .. }
            | Error::TooManyDecimals { .. }
            | Error::NotRepeatable { .. }
            | Error::WrongItemCount { .. } => Value,
            Error::MissingIndicators { .. }
            | Error::NoLevels { .. }
            | Error::TrackNotPresent { .. } => Missing,
            Error::UnknownRubric { .. }
            | Error::UnknownIndicator { .. }
            | Error::DuplicateIndicator { .. }
            | Error::MalformedJson { .. }
            | Error::InvalidAssessment { .. }
            | Error::UnknownTrack { .. }
            | Error::InvalidRubric { .. }
            | Error::InvalidVector { .. }
            | Error::InputTooLarge { .. }
            | Error::RubricMismatch { .. }
            | Error::InvalidOptions { .. }
            | Error::InvalidBatch { .. }
            | Error::Overflow { .. }
            | Error::UnreachableTarget { .. }
            | Error::Output { .. }
            | Error::Io { .. } => Invalid,
            Error::Row { source, .. } => source.kind(),
            // problems counted, not kept: the kind of their code
            Error::More { code, .. } => IssueKind::of_code(code),
        }
    }

    /// The indicator this error is about, if any.
    pub fn indicator(&self) -> Option<&str> {
        match self {
            Error::UnknownIndicator { indicator, .. }
            | Error::LevelOutOfRange { indicator, .. }
            | Error::NonIntegerLevel { indicator, .. }
            | Error::InvalidLevelType { indicator, .. }
            | Error::TooManyDecimals { indicator, .. }
            | Error::NotRepeatable { indicator, .. }
            | Error::WrongItemCount { indicator, .. }
            | Error::DuplicateIndicator { indicator, .. } => Some(indicator),
            Error::MissingIndicators { indicators, .. } => indicators.first().map(String::as_str),
            Error::Row { source, .. } => source.indicator(),
            _ => None,
        }
    }

    /// A plain record of this error, for bindings and JSON output.
    pub fn issue(&self) -> Issue {
        self.issue_in(Lang::En)
    }

    /// [`issue`](Self::issue) with the message in a language.
    pub fn issue_in(&self, lang: Lang) -> Issue {
        Issue {
            code: self.code(),
            kind: self.kind(),
            indicator: self.indicator().map(str::to_owned),
            message: self.message_in(lang),
        }
    }

    /// The message in a language: in English exactly what `Display`
    /// writes; in Indonesian the same facts (indicator, value, what is valid)
    /// in the terms of the statutes. The code is the same in both.
    ///
    /// Some texts inside a message are written by others and stay as they
    /// are, in an Indonesian frame: the JSON parser's own description in
    /// [`MalformedJson`](Error::MalformedJson) and
    /// [`InvalidAssessment`](Error::InvalidAssessment), the messages of
    /// [`InvalidOptions`](Error::InvalidOptions) and
    /// [`InvalidBatch`](Error::InvalidBatch) (for developers), the problems
    /// of an [`InvalidRubric`](Error::InvalidRubric) file (for rubric
    /// authors), and the operating system's in [`Io`](Error::Io) and
    /// [`Output`](Error::Output). Ids (rubric editions, indicators, tracks
    /// such as `mandiri`, input fields such as `levels`) are never translated.
    ///
    /// ```
    /// use spbe_core::error::Lang;
    ///
    /// let bad = "SPBE1.permenpanrb-59-2020.L34432";
    /// let e = spbe_core::from_vector(bad).unwrap_err();
    /// assert_eq!(e.message_in(Lang::En), e.to_string());
    /// assert_eq!(
    ///     e.message_in(Lang::Id),
    ///     "vektor tidak sah pada segmen 3: segmen nilai berakhir terlalu cepat: 5 kode untuk 47 indikator"
    /// );
    /// assert_eq!(e.issue_in(Lang::Id).code, "invalid_vector");
    /// ```
    pub fn message_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Id => self.indonesian(false),
        }
    }

    /// [`message_in`](Self::message_in) for a form, where the value was typed
    /// into a field rather than written in a file. In Indonesian, a problem
    /// with a typed value speaks the form's words: the value is echoed with
    /// the decimal comma, as it is typed there, and without the quotes of a
    /// JSON string (`nilai 5,2 di luar rentang`); the track is named as the
    /// form names it (`penilaian mandiri`, `target`, not `tracks.mandiri`), a
    /// built-in edition by its short title (`PermenPANRB 8/2026`), and the
    /// examples of what to type are numbers with the decimal comma (`3 atau
    /// 1,26`, not the file's `"1.26"` or `"7/6"`). The plain
    /// [`message_in`](Self::message_in) keeps the file's words, because its
    /// readers (the CLI's `--lang id`, a file's `validate`) write JSON. In
    /// English it is [`message_in`](Self::message_in).
    ///
    /// ```
    /// use spbe_core::{error::Lang, validate_text, Options};
    ///
    /// let text = r#"{"rubric": "permenpanrb-8-2026", "levels": {"3": 5.2}}"#;
    /// let e = &validate_text(text, None, &Options::default())[0];
    /// assert!(e.message_in(Lang::Id).starts_with("indikator 3: nilai 5.2 di luar rentang"));
    /// assert!(e.message_in_form(Lang::Id).starts_with("indikator 3: nilai 5,2 di luar rentang"));
    /// assert_eq!(e.message_in_form(Lang::En), e.to_string());
    /// ```
    pub fn message_in_form(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Id => self.indonesian(true),
        }
    }

    /// [`issue_in`](Self::issue_in) with the message of
    /// [`message_in_form`](Self::message_in_form).
    pub fn issue_in_form(&self, lang: Lang) -> Issue {
        Issue {
            message: self.message_in_form(lang),
            ..self.issue_in(Lang::En)
        }
    }

    /// The Indonesian message; `form`: values as typed in a form.
    fn indonesian(&self, form: bool) -> String {
        let l = Lang::Id;
        // a value typed into a form: its track, edition and what to type, as the form names them
        let at_value = |place: &str| {
            if form {
                text::form_place_suffix(place)
            } else {
                text::place_suffix(place, l)
            }
        };
        let valid_value = |valid: &str| {
            if form {
                text::form_valid(valid)
            } else {
                text::valid(valid, l)
            }
        };
        match self {
            Error::UnknownRubric { id, known } => {
                format!("rubrik {id:?} tidak dikenal; edisi bawaan: {known}")
            }
            Error::UnknownIndicator {
                indicator,
                rubric,
                place,
                valid,
            } => format!(
                "indikator {indicator:?} tidak ada dalam {} (di {}); indikator yang sah: {}",
                text::rubric(rubric, l),
                text::place(place, l),
                text::valid(valid, l)
            ),
            Error::LevelOutOfRange {
                indicator,
                place,
                value,
                valid,
                rubric,
            } => format!(
                "indikator {indicator}{}: nilai {} di luar rentang; {} menerima {}",
                at_value(place),
                text::value(value, l, form),
                if form {
                    text::form_rubric(rubric)
                } else {
                    text::rubric(rubric, l)
                },
                valid_value(valid)
            ),
            Error::NonIntegerLevel {
                indicator,
                place,
                value,
                valid,
            } => format!(
                "indikator {indicator}{}: nilai {} bukan bilangan bulat; isikan {}",
                at_value(place),
                text::value(value, l, form),
                valid_value(valid)
            ),
            Error::InvalidLevelType {
                indicator,
                place,
                value,
                valid,
            } => format!(
                "indikator {indicator}{}: nilai {} bukan angka; isikan {}",
                at_value(place),
                text::value(value, l, form),
                valid_value(valid)
            ),
            Error::TooManyDecimals {
                indicator,
                place,
                value,
                max_decimals,
                valid,
            } => format!(
                "indikator {indicator}{}: nilai {} memiliki lebih dari {max_decimals} angka desimal; isikan {}",
                at_value(place),
                text::value(value, l, form),
                valid_value(valid)
            ),
            Error::NotRepeatable {
                indicator,
                place,
                value,
                valid,
            } => format!(
                "indikator {indicator}{}: diisi daftar {}, padahal indikator ini hanya menerima satu nilai: {}",
                at_value(place),
                text::value(value, l, form),
                valid_value(valid)
            ),
            Error::WrongItemCount {
                indicator,
                place,
                count,
                min,
                max,
            } => format!(
                "indikator {indicator}{}: diisi {count} nilai, padahal indikator ini menerima {min} sampai {max} nilai (satu per layanan yang dilaporkan)",
                at_value(place)
            ),
            Error::DuplicateIndicator { indicator, place } => format!(
                "indikator {indicator:?} muncul lebih dari sekali di {}; cantumkan setiap indikator satu kali saja",
                text::place(place, l)
            ),
            Error::MissingIndicators {
                indicators,
                track,
                rubric,
            } => format!(
                "{track}: {} indikator belum diberi nilai: {}; setiap indikator {} wajib diberi nilai (atau pilih kebijakan tidak resmi untuk indikator tanpa nilai)",
                indicators.len(),
                text::list(&crate::rubric::bounded_list(indicators, 20), l),
                text::rubric(rubric, l)
            ),
            Error::NoLevels { track } => format!(
                "{track}: tidak ada indikator yang diberi nilai, sehingga indeks tidak dapat dihitung"
            ),
            Error::More { code, count } => {
                format!("... dan {count} masalah {code} lainnya, tidak dicantumkan")
            }
            Error::MalformedJson {
                message,
                line,
                column,
            } => format!("JSON tidak sah pada baris {line}, kolom {column}: {message}"),
            Error::InvalidAssessment { message } => {
                format!("data penilaian tidak sah: {}", text::assessment(message, l))
            }
            Error::UnknownTrack { track, valid } => format!(
                "tahap {track:?} tidak dikenal; tahap yang tersedia: {}",
                text::valid(valid, l)
            ),
            Error::TrackNotPresent { track, available } => format!(
                "tahap {track:?} tidak ada dalam penilaian ini; tahap yang ada: {}",
                text::tracks(available, l)
            ),
            Error::InvalidRubric { id, problems } => format!(
                "rubrik {id:?} tidak sah: {} masalah:\n  {}",
                problems.len(),
                problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ),
            Error::InvalidVector { segment, message } => format!(
                "vektor tidak sah pada segmen {segment}: {}",
                message.text(l)
            ),
            Error::InputTooLarge { size, limit } => format!(
                "ukuran masukan {size} bita melebihi batas {limit} bita"
            ),
            Error::RubricMismatch { expected, found } => format!(
                "penilaian ini untuk {found:?}, sedangkan rubrik yang diberikan {expected:?}"
            ),
            Error::InvalidOptions { message } => format!("opsi tidak sah: {message}"),
            Error::InvalidBatch { message } => format!("masukan batch tidak sah: {message}"),
            Error::Row { row, source } => {
                format!("baris {row}: {}", source.indonesian(form))
            }
            Error::Overflow { context, advice } => format!(
                "aritmetika eksak melampaui batas saat menghitung {}: pecahan eksaknya memerlukan lebih dari 128 bit; {}",
                text::overflow_context(context, l),
                text::overflow_advice(advice, l)
            ),
            Error::UnreachableTarget { best, predicate } => format!(
                "target tidak dapat dicapai: dengan setiap indikator yang diizinkan pada tingkat tertinggi yang diizinkan, indeksnya {best} ({predicate}); turunkan target, atau izinkan lebih banyak indikator atau tingkat yang lebih tinggi"
            ),
            Error::Output { message } => format!("tidak dapat menulis keluaran: {message}"),
            Error::Io { path, message } => format!("tidak dapat membaca {path}: {message}"),
        }
    }

    pub(crate) fn overflow(context: &str) -> Error {
        Error::Overflow {
            context: context.to_owned(),
            advice: text::OVERFLOW_ADVICE.to_owned(),
        }
    }

    /// An overflow while renormalising over the present indicators: each
    /// aspect is then divided by the sum of its present weights, and with a
    /// custom rubric's weights those sums can have a common denominator past
    /// 128 bits. Other errors pass through.
    pub(crate) fn renormalising(self) -> Error {
        match self {
            Error::Overflow { context, .. } => Error::Overflow {
                context: format!("{context}{}", text::RENORMALISED),
                advice: text::RENORMALISING_ADVICE.to_owned(),
            },
            other => other,
        }
    }
}

/// At most this many problems of one kind (one code) are listed by
/// `validate` and `check`, and in an invalid rubric's problems; the rest are
/// counted in one last entry of that kind ([`Error::More`] or a problem whose
/// message says how many were left out), so that a list of problems stays
/// small whatever the input.
pub const MAX_PER_KIND: usize = 100;

/// Keeps the first [`MAX_PER_KIND`] problems of each kind, in order, and
/// counts the rest in one [`Error::More`] per kind (after the problems of its
/// kind; counts already in a `More` are added).
pub(crate) fn bounded(errors: Vec<Error>) -> Vec<Error> {
    let mut seen: Vec<(&'static str, usize, usize)> = Vec::new(); // (code, listed, left out)
    let mut kept = Vec::new();
    for e in errors {
        let code = e.code();
        let extra = match &e {
            Error::More { count, .. } => *count,
            _ => 0,
        };
        let k = match seen.iter().position(|(c, ..)| *c == code) {
            Some(k) => k,
            None => {
                seen.push((code, 0, 0));
                seen.len() - 1
            }
        };
        if let Some(entry) = seen.get_mut(k) {
            if extra > 0 {
                entry.2 += extra;
            } else if entry.1 < MAX_PER_KIND {
                entry.1 += 1;
                kept.push(e);
            } else {
                entry.2 += 1;
            }
        }
    }
    for (code, _, count) in seen {
        if count > 0 {
            let at = kept
                .iter()
                .rposition(|e| e.code() == code)
                .map_or(kept.len(), |i| i + 1);
            kept.insert(at, Error::More { code, count });
        }
    }
    kept
}

/// The same bound for the problems of a rubric file.
pub(crate) fn bounded_problems(problems: Vec<RubricProblem>) -> Vec<RubricProblem> {
    let mut seen: Vec<(&'static str, usize)> = Vec::new();
    let mut kept = Vec::new();
    for p in problems {
        let k = match seen.iter().position(|(c, _)| *c == p.code) {
            Some(k) => k,
            None => {
                seen.push((p.code, 0));
                seen.len() - 1
            }
        };
        if let Some(entry) = seen.get_mut(k) {
            entry.1 += 1;
            if entry.1 <= MAX_PER_KIND {
                kept.push(p);
            }
        }
    }
    for (code, n) in seen {
        if n > MAX_PER_KIND {
            kept.push(RubricProblem {
                code,
                path: String::new(),
                message: format!(
                    "... and {} more {code} problem(s), not listed",
                    n - MAX_PER_KIND
                ),
            });
        }
    }
    kept
}

/// One stable error code: its family and what it means. [`ERROR_CODES`] is
/// the registry the bindings build their error types from (Python: one
/// exception class per code, under its family's class).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ErrorCode {
    /// The code, as [`Error::code`] returns it.
    pub code: &'static str,
    /// `assessment` (the input assessment is wrong), `rubric` (no such
    /// edition, or a rubric file is wrong), `vector`, `options`, `batch`,
    /// `plan`, `arithmetic` or `io`.
    pub family: &'static str,
    /// The kind of its problems, as [`Error::kind`] gives it (for
    /// `level_out_of_range`: of a level of a track; one given as a criterion
    /// met or a plan's cap is `invalid`).
    pub kind: IssueKind,
    /// What it means.
    pub summary: &'static str,
}

macro_rules! codes {
    ($(($code:literal, $family:literal, $kind:ident, $summary:literal)),* $(,)?) => {
        /// Every error code, with its family, kind and meaning.
        pub const ERROR_CODES: &[ErrorCode] = &[$(ErrorCode { code: $code, family: $family, kind: IssueKind::$kind, summary: $summary }),*];
    };
}

codes![
    (
        "invalid_assessment",
        "assessment",
        Invalid,
        "well-formed JSON of the wrong shape (unknown field, both levels and tracks, ...)"
    ),
    (
        "malformed_json",
        "assessment",
        Invalid,
        "input that is not well-formed JSON"
    ),
    (
        "unknown_indicator",
        "assessment",
        Invalid,
        "an indicator id the rubric does not have"
    ),
    (
        "level_out_of_range",
        "assessment",
        Value,
        "a value outside the indicator's scale"
    ),
    (
        "non_integer_level",
        "assessment",
        Value,
        "a fractional number where whole levels are expected"
    ),
    (
        "invalid_level_type",
        "assessment",
        Value,
        "a value that is not a number (or not a decimal or fraction)"
    ),
    (
        "too_many_decimals",
        "assessment",
        Value,
        "a decimal with more places than are kept exactly"
    ),
    (
        "not_repeatable",
        "assessment",
        Value,
        "a list of levels for an indicator that takes one"
    ),
    (
        "wrong_item_count",
        "assessment",
        Value,
        "too few or too many service items (2018 indicator 35)"
    ),
    (
        "duplicate_indicator",
        "assessment",
        Invalid,
        "the same indicator twice in one object"
    ),
    (
        "missing_indicator",
        "assessment",
        Missing,
        "indicators without a level under the official policy"
    ),
    (
        "no_levels",
        "assessment",
        Missing,
        "a track with no level at all (renormalising policy)"
    ),
    (
        "unknown_track",
        "assessment",
        Invalid,
        "a track name that does not exist"
    ),
    (
        "track_not_present",
        "assessment",
        Missing,
        "a track the assessment does not have"
    ),
    (
        "rubric_mismatch",
        "assessment",
        Invalid,
        "an assessment for another rubric than the one given"
    ),
    (
        "input_too_large",
        "assessment",
        Invalid,
        "input over the size limit"
    ),
    (
        "unknown_rubric",
        "rubric",
        Invalid,
        "an edition id that is neither built in nor given"
    ),
    (
        "invalid_rubric",
        "rubric",
        Invalid,
        "a rubric file that fails validation (every problem listed)"
    ),
    (
        "invalid_vector",
        "vector",
        Invalid,
        "a compact vector that cannot be read"
    ),
    (
        "invalid_options",
        "options",
        Invalid,
        "scoring options that cannot be read"
    ),
    (
        "invalid_batch",
        "batch",
        Invalid,
        "batch columns of the wrong shape"
    ),
    (
        "unreachable_target",
        "plan",
        Invalid,
        "a plan's target that no allowed rise of levels reaches"
    ),
    (
        "arithmetic_overflow",
        "arithmetic",
        Invalid,
        "exact arithmetic beyond 128 bits"
    ),
    (
        "io_error",
        "io",
        Invalid,
        "a file that cannot be read, or output that cannot be written"
    ),
];

/// What kind of problem an error is ([`Error::kind`]; `kind` in the JSON of
/// an [`Issue`]: `"value"`, `"missing"` or `"invalid"`), so that a form or a
/// tool decides what to do with a problem without a list of codes of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// A value on one indicator that cannot be scored as given (out of the
    /// scale, not whole, not a number, too many decimals, a list where one
    /// level is taken, too few or too many services): a form's field for that
    /// indicator holds it and can mark it, and fixing that value fixes it.
    Value,
    /// Work not finished: indicators without a level (`missing_indicator`),
    /// a track without any level (`no_levels`), a track the assessment does
    /// not have yet (`track_not_present`).
    Missing,
    /// Anything else: the assessment, the file, the options or the request
    /// is itself wrong (unknown indicators or editions, malformed JSON or
    /// vectors, a wrong shape, an indicator twice ...), or the operation
    /// cannot be done (overflow, an unreachable target, input/output).
    Invalid,
}

impl IssueKind {
    /// `"value"`, `"missing"` or `"invalid"`.
    pub fn as_str(self) -> &'static str {
        match self {
            IssueKind::Value => "value",
            IssueKind::Missing => "missing",
            IssueKind::Invalid => "invalid",
        }
    }

    /// The kind of the problems with a code, from the registry
    /// ([`ERROR_CODES`]); `invalid` for a code it does not have.
    pub fn of_code(code: &str) -> IssueKind {
        ERROR_CODES
            .iter()
            .find(|c| c.code == code)
            .map_or(IssueKind::Invalid, |c| c.kind)
    }
}

impl std::fmt::Display for IssueKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A serialisable summary of one [`Error`]: `{code, kind, indicator,
/// message}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Issue {
    /// Stable code.
    pub code: &'static str,
    /// What kind of problem it is ([`Error::kind`]): `value`, `missing` or
    /// `invalid`.
    pub kind: IssueKind,
    /// The indicator concerned.
    pub indicator: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    /// The levels of every indicator `1..=n` at `level`, with `(id, value)`
    /// replaced or added, as assessment JSON for `rubric`.
    fn assessment(rubric: &str, n: u32, level: u8, with: &[(&str, &str)]) -> String {
        let mut levels: Vec<(String, String)> = (1..=n)
            .map(|i| (i.to_string(), level.to_string()))
            .collect();
        for (id, v) in with {
            match levels.iter_mut().find(|(k, _)| k == id) {
                Some(slot) => slot.1 = (*v).to_owned(),
                None => levels.push(((*id).to_owned(), (*v).to_owned())),
            }
        }
        let body: Vec<String> = levels
            .iter()
            .filter(|(_, v)| v != "-")
            .map(|(k, v)| format!("{k:?}: {v}"))
            .collect();
        format!(
            r#"{{"rubric": "{rubric}", "levels": {{{}}}}}"#,
            body.join(", ")
        )
    }

    /// The one problem of an assessment (validated by the core).
    fn problem(json: &str) -> Error {
        let mut errors = crate::validate_text(json, None, &Options::default());
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0)
    }

    const R2020: &str = "permenpanrb-59-2020";

    #[test]
    fn levels_out_of_the_scale_in_indonesian() {
        // PermenPANRB 59/2020: 47 indicators, levels 1 to 5
        let e = problem(&assessment(R2020, 47, 3, &[("3", "7")]));
        assert_eq!(
            e.message_in(Lang::Id),
            "indikator 3: nilai 7 di luar rentang; permenpanrb-59-2020 menerima bilangan bulat 1 sampai 5"
        );
        assert_eq!(e.message_in(Lang::En), e.to_string());
        assert_eq!(
            e.to_string(),
            "indicator 3: level 7 is out of range; permenpanrb-59-2020 accepts a whole number from 1 to 5"
        );
        let e = problem(&assessment(R2020, 47, 3, &[("12", "2.5")]));
        assert_eq!(
            e.message_in(Lang::Id),
            "indikator 12: nilai 2.5 bukan bilangan bulat; isikan bilangan bulat 1 sampai 5"
        );
        let e = problem(&assessment(R2020, 47, 3, &[("12", "\"tiga\"")]));
        assert_eq!(
            e.message_in(Lang::Id),
            "indikator 12: nilai \"tiga\" bukan angka; isikan bilangan bulat 1 sampai 5"
        );
    }

    #[test]
    fn indicators_unknown_and_missing_in_indonesian() {
        let e = problem(&assessment(R2020, 47, 3, &[("48", "3")]));
        assert_eq!(
            e.message_in(Lang::Id),
            "indikator \"48\" tidak ada dalam permenpanrb-59-2020 (di levels); indikator yang sah: \"1\" sampai \"47\""
        );
        let e = problem(&assessment(R2020, 47, 3, &[("47", "-")]));
        assert_eq!(e.code(), "missing_indicator");
        assert_eq!(
            e.message_in(Lang::Id),
            "levels: 1 indikator belum diberi nilai: 47; setiap indikator permenpanrb-59-2020 wajib diberi nilai (atau pilih kebijakan tidak resmi untuk indikator tanpa nilai)"
        );
        // 25 of 47 missing: the first 20 are named, then the total
        let missing: Vec<String> = (23..=47).map(|i| i.to_string()).collect();
        let e = Error::MissingIndicators {
            indicators: missing,
            track: "dokumen".into(),
            rubric: R2020.into(),
        };
        let id = e.message_in(Lang::Id);
        assert!(
            id.starts_with("dokumen: 25 indikator belum diberi nilai: 23, 24,"),
            "{id}"
        );
        assert!(id.contains(", 42, … (total 25);"), "{id}");
    }

    #[test]
    fn services_of_indicator_35_of_2018_in_indonesian() {
        // PermenPANRB 5/2018: 35 indicators, levels 0 to 5; indicator 35 takes
        // one to three services
        let e = problem(&assessment(
            "permenpanrb-5-2018",
            35,
            3,
            &[("35", "[1, 2, 3, 4]")],
        ));
        assert_eq!(
            e.message_in(Lang::Id),
            "indikator 35: diisi 4 nilai, padahal indikator ini menerima 1 sampai 3 nilai (satu per layanan yang dilaporkan)"
        );
        let e = problem(&assessment(
            "permenpanrb-5-2018",
            35,
            3,
            &[("34", "[1, 2]")],
        ));
        assert_eq!(
            e.message_in(Lang::Id),
            "indikator 34: diisi daftar [1, 2], padahal indikator ini hanya menerima satu nilai: bilangan bulat 0 sampai 5"
        );
    }

    #[test]
    fn continuous_values_of_2026_in_indonesian() {
        // PermenPANRB 8/2026: 20 indicators, any value from 1 to 5
        let e = problem(&assessment(
            "permenpanrb-8-2026",
            20,
            2,
            &[("3", "\"1,26\"")],
        ));
        assert_eq!(
            e.message_in(Lang::Id),
            "indikator 3: nilai \"1,26\" bukan angka; isikan bilangan dari 1 sampai 5, misalnya 3, 1.26, \"1.26\" atau \"7/6\""
        );
    }

    #[test]
    fn vectors_tracks_and_rubrics_in_indonesian() {
        let e = crate::from_vector("SPBE1.permenpanrb-59-2020.L3443X").unwrap_err();
        assert_eq!(e.code(), "invalid_vector");
        assert_eq!(
            e.message_in(Lang::Id),
            "vektor tidak sah pada segmen 3: indikator 5: karakter 'X' tidak dikenali; seharusnya digit, '_', '~' (SPBE2 juga menerima nilai 'v')"
        );
        let e = crate::from_vector("SPBE1.permenpanrb-1-2000.L3").unwrap_err();
        assert!(e
            .message_in(Lang::Id)
            .starts_with("vektor tidak sah pada segmen 2: rubrik \"permenpanrb-1-2000\" tidak dikenal; edisi bawaan: "));
        let e = "penilaian".parse::<crate::Track>().unwrap_err();
        assert_eq!(
            e.message_in(Lang::Id),
            format!(
                "tahap \"penilaian\" tidak dikenal; tahap yang tersedia: {}",
                crate::Track::ALL.map(|t| t.as_str()).join(", ")
            )
        );
        let e = crate::builtin("permenpanrb-1-2000").unwrap_err();
        assert!(e.message_in(Lang::Id).starts_with(
            "rubrik \"permenpanrb-1-2000\" tidak dikenal; edisi bawaan: permenpanrb-"
        ));
        let row = Error::Row {
            row: 4,
            source: Box::new(Error::NoLevels {
                track: "mandiri".into(),
            }),
        };
        assert_eq!(
            row.message_in(Lang::Id),
            "baris 4: mandiri: tidak ada indikator yang diberi nilai, sehingga indeks tidak dapat dihitung"
        );
        assert_eq!(row.issue_in(Lang::Id).code, "no_levels");
        assert_eq!(row.issue_in(Lang::En), row.issue());
    }

    /// The problem of an assessment with `code`.
    fn problem_of(json: &str, code: &str) -> Error {
        crate::validate_text(json, None, &Options::default())
            .into_iter()
            .find(|e| e.code() == code)
            .unwrap_or_else(|| panic!("no {code} in {json}"))
    }

    #[test]
    fn shapes_of_assessments_in_indonesian() {
        let full = assessment(R2020, 47, 3, &[]);
        let with = |extra: &str| format!("{}, {extra}}}", &full[..full.len() - 1]);
        let cases = [
            (
                with(r#""tracks": {"mandiri": {"1": 3}}"#),
                "data penilaian tidak sah: isikan \"levels\" atau \"tracks\", tidak keduanya",
            ),
            (
                with(r#""notes": {"3": 5}"#),
                "data penilaian tidak sah: notes[\"3\"] harus berupa teks (penjelasan), bukan 5",
            ),
            (
                with(r#""evidence": {"3": "SK"}"#),
                "data penilaian tidak sah: evidence[\"3\"] harus berupa daftar teks (nama atau tautan bukti dukung), bukan \"SK\"",
            ),
            (
                with(r#""criteria_met": {"3": [1, 1]}"#),
                "data penilaian tidak sah: criteria_met[\"3\"] memuat satu tingkat dua kali: [1,1]",
            ),
            (
                with(r#""year": 1850"#),
                "data penilaian tidak sah: tahun 1850 bukan tahun evaluasi; isikan tahun 1900 sampai 2999",
            ),
            (
                format!(r#"{{"rubric": "{R2020}"}}"#),
                "data penilaian tidak sah: tidak ada nilai: isikan \"levels\" (id indikator -> nilai) atau \"tracks\"",
            ),
        ];
        for (json, id) in cases {
            let e = problem_of(&json, "invalid_assessment");
            assert_eq!(e.message_in(Lang::Id), id, "{json}");
        }
    }

    #[test]
    fn lang_reads_en_and_id_only() {
        assert_eq!("en".parse::<Lang>().ok(), Some(Lang::En));
        assert_eq!(" ID".parse::<Lang>().ok(), Some(Lang::Id));
        for bad in ["", "in", "indonesia", "fr"] {
            assert_eq!(bad.parse::<Lang>().unwrap_err().code(), "invalid_options");
        }
        assert_eq!(serde_json::to_string(&Lang::Id).unwrap(), "\"id\"");
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
    }

    /// One error of every variant (and every vector problem), with the
    /// texts the core writes into them.
    fn every_variant() -> Vec<Error> {
        let s = |t: &str| t.to_owned();
        let whole = s("a whole number from 1 to 5");
        let vector = |message| Error::InvalidVector {
            segment: 3,
            message,
        };
        use VectorProblem as P;
        vec![
            Error::UnknownRubric {
                id: s("permenpanrb-1-2000"),
                known: s("permenpanrb-5-2018, permenpanrb-59-2020, permenpanrb-8-2026"),
            },
            Error::UnknownIndicator {
                indicator: s("48"),
                rubric: s(R2020),
                place: s("notes"),
                valid: s("\"1\" to \"47\""),
            },
            Error::LevelOutOfRange {
                indicator: s("3"),
                place: s("tracks.dokumen"),
                value: s("7"),
                valid: whole.clone(),
                rubric: s(R2020),
            },
            Error::LevelOutOfRange {
                indicator: s("3"),
                place: s("criteria_met"),
                value: s("6"),
                valid: s("the levels (ranges) 1 to 5 of the indicator's scale"),
                rubric: s(text::THE_RUBRIC),
            },
            Error::NonIntegerLevel {
                indicator: s("3"),
                place: s("levels"),
                value: s("2.5"),
                valid: s("a whole level of the rubric's scale"),
            },
            Error::InvalidLevelType {
                indicator: s("3"),
                place: s("column \"3\""),
                value: s("true"),
                valid: s("a number from 1 to 5, e.g. 3, 1.26, \"1.26\" or \"7/6\""),
            },
            Error::TooManyDecimals {
                indicator: s("3"),
                place: s("levels"),
                value: s("1.0000000000000000001"),
                max_decimals: 18,
                valid: s("a number from 1 to 5, e.g. 3, 1.26, \"1.26\" or \"7/6\""),
            },
            Error::NotRepeatable {
                indicator: s("34"),
                place: s("levels"),
                value: s("[1, 2, 3, 4, 5, 1, 2, 3, 4, 5, … (12 items)]"),
                valid: whole.clone(),
            },
            Error::WrongItemCount {
                indicator: s("35"),
                place: s("tracks.mandiri"),
                count: 4,
                min: 1,
                max: 3,
            },
            Error::DuplicateIndicator {
                indicator: s("3"),
                place: s("levels"),
            },
            Error::MissingIndicators {
                indicators: vec![s("46"), s("47")],
                track: s("final"),
                rubric: s(R2020),
            },
            Error::NoLevels { track: s("target") },
            Error::More {
                code: "level_out_of_range",
                count: 12,
            },
            Error::MalformedJson {
                message: s("EOF"),
                line: 1,
                column: 2,
            },
            Error::InvalidAssessment { message: s("x") },
            Error::UnknownTrack {
                track: s("penilaian"),
                valid: s("levels, mandiri, dokumen, interviu, visitasi, final, target"),
            },
            Error::TrackNotPresent {
                track: s("visitasi"),
                available: s("none"),
            },
            Error::InvalidRubric {
                id: s("kustom"),
                problems: vec![],
            },
            vector(P::UnknownRubric {
                id: s("x"),
                known: s(R2020),
            }),
            vector(P::Prefix),
            vector(P::OtherRubric {
                found: s("permenpanrb-5-2018"),
                expected: s(R2020),
            }),
            vector(P::EmptySegment),
            vector(P::UnknownTag { tag: 'Q' }),
            vector(P::OutOfOrder { tag: 'Y' }),
            vector(P::Year {
                text: s("20x4"),
                from: 1900,
                to: 2999,
            }),
            vector(P::Institution),
            vector(P::NoteShape),
            vector(P::Note { indicator: s("3") }),
            vector(P::TwoNotes { indicator: s("3") }),
            vector(P::CriteriaShape),
            vector(P::CriteriaOrder { indicator: s("3") }),
            vector(P::TwoCriteria { indicator: s("3") }),
            vector(P::TooMuchEvidence {
                indicator: s("3"),
                max: 100,
            }),
            vector(P::Evidence { indicator: s("3") }),
            vector(P::TwoEvidence { indicator: s("3") }),
            vector(P::LevelsAndTracks),
            vector(P::NoLevels),
            vector(P::UnknownIndicator {
                indicator: s("48"),
                rubric: s(R2020),
            }),
            vector(P::EndsEarly {
                codes: 5,
                indicators: 47,
            }),
            vector(P::Unclosed { indicator: s("3") }),
            vector(P::BadValue {
                indicator: s("3"),
                raw: s("03"),
            }),
            vector(P::ItemCount { indicator: s("35") }),
            vector(P::ItemDigits {
                indicator: s("35"),
                count: 3,
            }),
            vector(P::UnexpectedChar {
                indicator: s("3"),
                found: 'x',
                version2: true,
            }),
            vector(P::UnexpectedChar {
                indicator: s("3"),
                found: 'x',
                version2: false,
            }),
            vector(P::Extra {
                count: 2,
                indicators: 47,
            }),
            Error::InputTooLarge {
                size: 20_000_000,
                limit: 16_777_216,
            },
            Error::RubricMismatch {
                expected: s(R2020),
                found: s("permenpanrb-5-2018"),
            },
            Error::InvalidOptions { message: s("x") },
            Error::InvalidBatch { message: s("x") },
            Error::Row {
                row: 2,
                source: Box::new(Error::NoLevels { track: s("levels") }),
            },
            Error::overflow("a domain index"),
            Error::overflow("an aspect index").renormalising(),
            Error::UnreachableTarget {
                best: s("4.21"),
                predicate: s("Sangat Baik"),
            },
            Error::Output { message: s("x") },
            Error::Io {
                path: s("penilaian.json"),
                message: s("x"),
            },
        ]
    }

    #[test]
    fn the_registry_states_the_kind_each_variant_has() {
        for e in every_variant() {
            let by_code = IssueKind::of_code(e.code());
            match &e {
                // a level given as a criterion met is no value to score
                Error::LevelOutOfRange { place, .. } if place == "criteria_met" => {
                    assert_eq!(e.kind(), IssueKind::Invalid);
                    assert_eq!(by_code, IssueKind::Value);
                }
                _ => assert_eq!(e.kind(), by_code, "{}", e.code()),
            }
            assert_eq!(e.issue().kind, e.kind());
            assert_eq!(e.issue_in(Lang::Id).kind, e.kind());
        }
        assert_eq!(IssueKind::of_code("no_such_code"), IssueKind::Invalid);
        assert_eq!(
            serde_json::to_value(IssueKind::Missing).unwrap(),
            serde_json::json!("missing")
        );
        let json = serde_json::to_value(Error::NoLevels { track: "x".into() }.issue()).unwrap();
        assert_eq!(json["kind"], "missing");
    }

    #[test]
    fn a_form_echoes_a_typed_decimal_with_the_decimal_comma() {
        // 8/2026 takes any number from 1 to 5: 5.2 is above it
        let text = assessment("permenpanrb-8-2026", 20, 3, &[("3", "5.2")]);
        let e = problem(&text);
        assert_eq!(
            e.message_in_form(Lang::Id),
            "indikator 3: nilai 5,2 di luar rentang; PermenPANRB 8/2026 menerima bilangan dari 1 sampai 5, misalnya 3 atau 1,26"
        );
        // typed on a track: named as the form names it, not as the file's field
        let on_track = |track: &str| Error::LevelOutOfRange {
            indicator: "3".into(),
            place: format!("tracks.{track}"),
            value: "0".into(),
            valid: "a number from 1 to 5, e.g. 3, 1.26, \"1.26\" or \"7/6\"".into(),
            rubric: "permenpanrb-8-2026".into(),
        };
        assert!(on_track("mandiri").message_in_form(Lang::Id).starts_with(
            "indikator 3 (penilaian mandiri): nilai 0 di luar rentang; PermenPANRB 8/2026 menerima"
        ));
        assert!(on_track("target")
            .message_in_form(Lang::Id)
            .starts_with("indikator 3 (target): nilai 0"));
        assert!(on_track("dokumen")
            .message_in_form(Lang::Id)
            .starts_with("indikator 3 (tahap dokumen): nilai 0"));
        // the file's words stay in the plain message
        assert!(on_track("mandiri")
            .message_in(Lang::Id)
            .starts_with("indikator 3 (di tracks.mandiri): nilai 0 di luar rentang; permenpanrb-8-2026 menerima bilangan dari 1 sampai 5, misalnya 3, 1.26"));
        // the CLI and a file's problems keep the value as the JSON wrote it
        assert!(e.message_in(Lang::Id).contains("nilai 5.2 di luar"));
        // a value the page sends as text because no double holds it exactly
        let text = assessment(
            "permenpanrb-8-2026",
            20,
            3,
            &[("4", "\"1.0000000000000000001\"")],
        );
        let e = problem(&text);
        assert_eq!(e.code(), "too_many_decimals");
        assert!(e
            .message_in_form(Lang::Id)
            .starts_with("indikator 4: nilai 1,0000000000000000001 memiliki lebih dari"));
        // a batch row keeps it
        let row = Error::Row {
            row: 1,
            source: Box::new(e.clone()),
        };
        assert!(row
            .message_in_form(Lang::Id)
            .starts_with("baris 1: indikator 4: nilai 1,0000000000000000001"));
        // every variant: English as ever; the issue the same but its message
        for e in every_variant() {
            assert_eq!(e.message_in_form(Lang::En), e.to_string());
            let (plain, form) = (e.issue_in(Lang::Id), e.issue_in_form(Lang::Id));
            assert_eq!(
                (form.code, form.kind, &form.indicator),
                (plain.code, plain.kind, &plain.indicator)
            );
        }
    }

    #[test]
    fn every_variant_has_an_indonesian_message() {
        let all = every_variant();
        // every code of the registry is among them
        for c in ERROR_CODES {
            assert!(all.iter().any(|e| e.code() == c.code), "{}", c.code);
        }
        let english = [
            " is ",
            " the ",
            " a ",
            " an ",
            " of ",
            " and ",
            " or ",
            " not ",
            " in ",
            "must",
            "valid",
            "level",
            "indicator",
            "number",
            "track",
            "rubric ",
            "expected",
            "unknown",
            "cannot",
            "items",
            "in all",
        ];
        for e in &all {
            let (en, id) = (e.message_in(Lang::En), e.message_in(Lang::Id));
            assert_eq!(en, e.to_string());
            assert_ne!(en, id);
            // ids that are English words (input field names, codes) are kept
            let words = id
                .to_lowercase()
                .replace(e.code(), "")
                .replace("tracks.", "")
                .replace("levels", "");
            for w in english {
                assert!(!words.contains(w), "{w:?} in {id:?}");
            }
            assert_eq!(e.issue_in(Lang::Id).code, e.code());
            assert_eq!(e.issue_in(Lang::Id).indicator, e.issue().indicator);
        }
    }
}
