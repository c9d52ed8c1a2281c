//! The evaluation stages an assessment records (mandiri, dokumen, interviu,
//! visitasi, and the target plan), and the tracks that can be scored. The
//! list of stages is written once, here ([`Track::STAGES`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::assessment::LevelMap;
use crate::error::{Error, Result};

/// The evaluation stages (and the `target` plan) that an assessment can record.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tracks {
    /// Penilaian Mandiri: the institution's self-assessment.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, Level>"))]
    pub mandiri: Option<LevelMap>,
    /// Penilaian Dokumen: external assessors' document review.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, Level>"))]
    pub dokumen: Option<LevelMap>,
    /// Penilaian Interviu: re-scores only the indicators clarified at interview.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, Level>"))]
    pub interviu: Option<LevelMap>,
    /// Penilaian Visitasi: re-scores only the indicators validated on site.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, Level>"))]
    pub visitasi: Option<LevelMap>,
    /// The institution's target levels (a plan, not a stage).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, Level>"))]
    pub target: Option<LevelMap>,
}

/// A track to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// The plain `levels` of an assessment without tracks.
    Levels,
    /// Penilaian Mandiri: the self-assessment.
    Mandiri,
    /// Penilaian Dokumen: external assessors' document review.
    Dokumen,
    /// Penilaian Interviu: the indicators clarified at interview.
    Interviu,
    /// Penilaian Visitasi: the indicators validated on site.
    Visitasi,
    /// The institution's target levels (a plan, not a stage).
    Target,
    /// The official score: per indicator, the latest external stage (visitasi,
    /// then interviu, then dokumen) that has a level.
    Final,
}

impl Track {
    /// All track names.
    pub const ALL: [Track; 7] = [
        Track::Levels,
        Track::Mandiri,
        Track::Dokumen,
        Track::Interviu,
        Track::Visitasi,
        Track::Target,
        Track::Final,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Levels => "levels",
            Track::Mandiri => "mandiri",
            Track::Dokumen => "dokumen",
            Track::Interviu => "interviu",
            Track::Visitasi => "visitasi",
            Track::Target => "target",
            Track::Final => "final",
        }
    }
}

impl fmt::Display for Track {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for Track {
    type Err = Error;
    fn from_str(s: &str) -> Result<Track> {
        Track::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| Error::UnknownTrack {
                track: s.to_owned(),
                valid: Track::ALL
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// The years an assessment or an option may name (the same on every surface,
/// all exact in JavaScript numbers).
pub const YEARS: std::ops::RangeInclusive<i64> = 1900..=2999;

impl Track {
    /// The recorded stages and the target plan, in stage order: the tracks an
    /// assessment's `tracks` object holds.
    pub const STAGES: [Track; 5] = [
        Track::Mandiri,
        Track::Dokumen,
        Track::Interviu,
        Track::Visitasi,
        Track::Target,
    ];

    /// The external stages, earliest first: the `final` track takes, per
    /// indicator, the latest of them that has a level.
    pub const EXTERNAL: [Track; 3] = [Track::Dokumen, Track::Interviu, Track::Visitasi];

    /// Where a stage's levels sit in an assessment (`tracks.mandiri`), for messages.
    pub fn place(self) -> &'static str {
        match self {
            Track::Levels => "levels",
            Track::Mandiri => "tracks.mandiri",
            Track::Dokumen => "tracks.dokumen",
            Track::Interviu => "tracks.interviu",
            Track::Visitasi => "tracks.visitasi",
            Track::Target => "tracks.target",
            Track::Final => "final",
        }
    }

    /// The segment tag of a stage in a vector (`M D I V T`), `L` for plain levels.
    pub fn tag(self) -> Option<char> {
        match self {
            Track::Levels => Some('L'),
            Track::Mandiri => Some('M'),
            Track::Dokumen => Some('D'),
            Track::Interviu => Some('I'),
            Track::Visitasi => Some('V'),
            Track::Target => Some('T'),
            Track::Final => None,
        }
    }
}

impl Tracks {
    /// A stage's levels (`None` for `levels` and `final`, which are not stages).
    pub fn get(&self, stage: Track) -> Option<&LevelMap> {
        match stage {
            Track::Mandiri => self.mandiri.as_ref(),
            Track::Dokumen => self.dokumen.as_ref(),
            Track::Interviu => self.interviu.as_ref(),
            Track::Visitasi => self.visitasi.as_ref(),
            Track::Target => self.target.as_ref(),
            Track::Levels | Track::Final => None,
        }
    }

    /// A stage's slot, to fill or clear.
    pub fn slot_mut(&mut self, stage: Track) -> Option<&mut Option<LevelMap>> {
        match stage {
            Track::Mandiri => Some(&mut self.mandiri),
            Track::Dokumen => Some(&mut self.dokumen),
            Track::Interviu => Some(&mut self.interviu),
            Track::Visitasi => Some(&mut self.visitasi),
            Track::Target => Some(&mut self.target),
            Track::Levels | Track::Final => None,
        }
    }

    /// The stages present, in stage order, with their levels.
    pub fn iter(&self) -> impl Iterator<Item = (Track, &LevelMap)> {
        Track::STAGES
            .into_iter()
            .filter_map(move |t| self.get(t).map(|m| (t, m)))
    }

    /// Whether any external stage (dokumen, interviu, visitasi) is present.
    pub fn has_external(&self) -> bool {
        Track::EXTERNAL.iter().any(|t| self.get(*t).is_some())
    }
}
