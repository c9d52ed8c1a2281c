//! What a form showing several tracks of one assessment needs after each
//! change, in one call ([`form_state`]): per track the levels as the core
//! scores them, how many are filled, the report (or every problem), and the
//! gap between the first two tracks. The calculator page calls it on every
//! change of a level; before, it made four calls for two tracks, each reading
//! the assessment again and each returning a full report.
//!
//! The rule for a partly filled track lives here: it is scored under the
//! options given when every indicator has a level, and otherwise renormalised
//! over the filled indicators ([`MissingPolicy::Renormalize`]), which makes
//! the report an estimate (`official` false). Each track says which options
//! it is scored with ([`FormTrack::options`]), so that a plan or a printed
//! report of the track is made under the same ones.

use serde::Serialize;

use crate::api::{parse_text, validate_text};
use crate::assessment::{Assessment, LevelMap, Track};
use crate::error::{Error, Issue};
use crate::options::{MissingPolicy, Options};
use crate::report::{NextPredicate, Report, Text};
use crate::rubric::{builtin, Rubric};

/// The state of a form of several tracks (see [`form_state`]).
#[derive(Clone, Debug)]
pub struct FormState {
    /// One entry per track asked for, in that order.
    pub tracks: Vec<FormTrack>,
    /// The second track's exact index minus the first's, rounded half up to
    /// 2 decimals once; `None` unless both have a report.
    pub gap: Option<crate::ratio::Hundredths>,
}

/// One track of a [`FormState`].
#[derive(Clone, Debug)]
pub struct FormTrack {
    /// The track.
    pub track: Track,
    /// Its levels as scored (the target: the current levels with the
    /// target's changes over them); `None` when the assessment cannot be read.
    pub levels: Option<LevelMap>,
    /// How many of the edition's indicators have a level (an id the edition
    /// does not have is not counted: it is a problem, `unknown_indicator`).
    pub filled: usize,
    /// How many indicators the edition has.
    pub total: usize,
    /// The options it is scored with: those given, for this track, when
    /// every indicator has a level; else the same renormalised over the
    /// filled indicators (`missing: renormalize`, an estimate). Pass them to
    /// [`crate::plan_text`] or [`crate::lhe`] to plan or print the track as
    /// the form scores it.
    pub options: Options,
    /// Its report, when it can be scored and has at least one level.
    pub report: Option<Report>,
    /// Every problem that keeps it from being scored (empty when it is, or
    /// when it has no level yet).
    pub problems: Vec<Error>,
}

impl FormTrack {
    /// Whether every indicator has a level (the report is then official
    /// under the default options).
    pub fn complete(&self) -> bool {
        self.total > 0 && self.filled == self.total
    }
}

/// Scores `tracks` of an assessment (JSON text or a vector) for a form:
/// each track with every indicator filled under `opts`, a partly filled one
/// renormalised over its filled indicators (an estimate), an empty or absent
/// one not at all. Never fails: an assessment that cannot be read gives every
/// track its problems (and no levels).
pub fn form_state(
    text: &str,
    rubric: Option<&Rubric>,
    opts: &Options,
    tracks: &[Track],
) -> FormState {
    let read = parse_text(text, rubric).and_then(|a| {
        let r = match rubric {
            Some(r) => r,
            None => builtin(&a.rubric)?,
        };
        Ok((a, r))
    });
    let (a, r): (Assessment, &Rubric) = match read {
        Ok(x) => x,
        Err(e) => {
            // every problem of the input, as `validate` lists them
            let mut problems = validate_text(text, rubric, &renormalising(opts, None));
            if problems.is_empty() {
                problems.push(e);
            }
            return FormState {
                tracks: tracks
                    .iter()
                    .map(|&track| FormTrack {
                        track,
                        levels: None,
                        filled: 0,
                        total: 0,
                        options: scoring_options(opts, track, false),
                        report: None,
                        problems: problems.clone(),
                    })
                    .collect(),
                gap: None,
            };
        }
    };
    let total = r.indicator_ids().len();
    let tracks: Vec<FormTrack> = tracks
        .iter()
        .map(|&track| {
            let levels: LevelMap = match a.resolve(track) {
                Ok(m) => m
                    .into_iter()
                    .map(|(k, (l, _))| (k.clone(), l.clone()))
                    .collect(),
                Err(Error::TrackNotPresent { .. }) => LevelMap::new(),
                Err(e) => {
                    return FormTrack {
                        track,
                        levels: None,
                        filled: 0,
                        total,
                        options: scoring_options(opts, track, false),
                        report: None,
                        problems: vec![e],
                    }
                }
            };
            // the edition's indicators only: an id it lacks fills nothing
            let filled = levels
                .keys()
                .filter(|k| r.position(k.as_str()).is_some())
                .count();
            let complete = total > 0 && filled == total;
            let mut t = FormTrack {
                track,
                levels: Some(levels),
                filled,
                total,
                options: scoring_options(opts, track, complete),
                report: None,
                problems: Vec::new(),
            };
            if filled > 0 {
                let o = t.options;
                match crate::api::score_with(&a, r, &o) {
                    Ok(report) => t.report = Some(report),
                    Err(first) => {
                        // every problem, as `check` lists them
                        t.problems = crate::error::bounded(crate::api::validate_with(&a, r, &o));
                        if t.problems.is_empty() {
                            t.problems.push(first);
                        }
                    }
                }
            }
            t
        })
        .collect();
    let gap = match (
        tracks.first().and_then(|t| t.report.as_ref()),
        tracks.get(1).and_then(|t| t.report.as_ref()),
    ) {
        (Some(from), Some(to)) => to.exact.checked_sub(from.exact).and_then(|g| g.round2()),
        _ => None,
    };
    FormState { tracks, gap }
}

/// The options a track is scored with (see [`FormTrack::options`]).
fn scoring_options(opts: &Options, track: Track, complete: bool) -> Options {
    if complete {
        Options {
            track: Some(track),
            ..*opts
        }
    } else {
        renormalising(opts, Some(track))
    }
}

fn renormalising(opts: &Options, track: Option<Track>) -> Options {
    Options {
        track: track.or(opts.track),
        missing: MissingPolicy::Renormalize,
        ..*opts
    }
}

/// The part of a report a summary shows (index, predicate, the band above).
#[derive(Clone, Debug, Serialize)]
pub struct ReportSummary<'a> {
    /// The reported index.
    pub index: f64,
    /// It as text with 2 decimals.
    pub index_text: &'a str,
    /// The exact index.
    pub index_exact: &'a str,
    /// Official predicate name.
    pub predicate: &'a Text,
    /// English predicate name.
    pub predicate_en: Option<&'a Text>,
    /// Second label where the edition has one (2026).
    pub predicate_label: Option<&'a Text>,
    /// The band above the index, if any.
    pub next_predicate: Option<&'a NextPredicate>,
    /// Computed by the official rules from a complete assessment.
    pub official: bool,
}

impl<'a> From<&'a Report> for ReportSummary<'a> {
    fn from(r: &'a Report) -> Self {
        ReportSummary {
            index: r.index,
            index_text: &r.index_text,
            index_exact: &r.index_exact,
            predicate: &r.predicate,
            predicate_en: r.predicate_en.as_ref(),
            predicate_label: r.predicate_label.as_ref(),
            next_predicate: r.next_predicate.as_ref(),
            official: r.official,
        }
    }
}

#[derive(Serialize)]
struct TrackOut<'a> {
    track: Track,
    levels: Option<&'a LevelMap>,
    filled: usize,
    total: usize,
    complete: bool,
    options: &'a Options,
    summary: Option<ReportSummary<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    issues: Vec<FormIssue>,
}

/// A problem of a form, with the track whose value it is about (a bad target
/// value keeps the current track from being scored too, but only the target's
/// field holds it).
#[derive(Serialize)]
struct FormIssue {
    #[serde(flatten)]
    issue: Issue,
    track: Option<Track>,
}

/// The stage whose levels a problem is about, from where in the input it is.
fn track_of(e: &Error) -> Option<Track> {
    let place = e.place()?;
    Track::ALL.into_iter().find(|t| t.place() == place)
}

#[derive(Serialize)]
struct StateOut<'a> {
    tracks: Vec<TrackOut<'a>>,
    gap: Option<f64>,
    gap_text: Option<String>,
}

impl FormState {
    /// The state as JSON (the wire format of the bindings): per track its
    /// `levels`, `filled`, `total`, `complete`, the `options` it is scored
    /// with (`{"track", "missing", "predicate_basis", "year"}`, as
    /// [`Options`] reads them), a `summary` of its report,
    /// the full `report` only when `full`, and `issues` made by `issue`
    /// (e.g. [`Error::issue`]) with the `track` whose value each is about
    /// (`null` when none); `gap` and `gap_text` (`"0.13"`, `"-0.05"`).
    pub fn to_json(&self, full: bool, issue: impl Fn(&Error) -> Issue) -> String {
        let out = StateOut {
            tracks: self
                .tracks
                .iter()
                .map(|t| TrackOut {
                    track: t.track,
                    levels: t.levels.as_ref(),
                    filled: t.filled,
                    total: t.total,
                    complete: t.complete(),
                    options: &t.options,
                    summary: t.report.as_ref().map(ReportSummary::from),
                    report: if full { t.report.as_ref() } else { None },
                    issues: t
                        .problems
                        .iter()
                        .map(|e| FormIssue {
                            issue: issue(e),
                            track: track_of(e),
                        })
                        .collect(),
                })
                .collect(),
            gap: self.gap.map(|g| g.to_f64()),
            gap_text: self.gap.map(|g| g.to_string()),
        };
        serde_json::to_string(&out).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(text: &str) -> FormState {
        form_state(
            text,
            None,
            &Options::default(),
            &[Track::Mandiri, Track::Target],
        )
    }

    fn levels(pairs: impl IntoIterator<Item = (usize, &'static str)>) -> String {
        let v: Vec<String> = pairs
            .into_iter()
            .map(|(id, l)| format!("\"{id}\": {l}"))
            .collect();
        format!("{{{}}}", v.join(", "))
    }

    #[test]
    fn the_target_starts_from_the_current_levels() {
        // 59/2020, every current level 3 (index 3.00); the target raises
        // indicators 1-10 (1.30 % each) to 4: 3 + 10 x 1.30 / 100 = 3.13, gap 0.13
        let cur = levels((1..=47).map(|i| (i, "3")));
        let tgt = levels((1..=10).map(|i| (i, "4")));
        let text = format!(
            r#"{{"rubric": "permenpanrb-59-2020", "tracks": {{"mandiri": {cur}, "target": {tgt}}}}}"#
        );
        let s = state(&text);
        let [m, t] = [&s.tracks[0], &s.tracks[1]];
        assert_eq!((m.track, t.track), (Track::Mandiri, Track::Target));
        assert_eq!((m.filled, m.total, m.complete()), (47, 47, true));
        assert_eq!((t.filled, t.total, t.complete()), (47, 47, true));
        let (mr, tr) = (m.report.as_ref().unwrap(), t.report.as_ref().unwrap());
        assert_eq!(
            (mr.index_text.as_str(), tr.index_text.as_str()),
            ("3.00", "3.13")
        );
        assert!(mr.official && tr.official);
        assert_eq!(s.gap.map(|g| g.0), Some(13));
        assert!(m.problems.is_empty() && t.problems.is_empty());
        let json: serde_json::Value =
            serde_json::from_str(&s.to_json(false, Error::issue)).unwrap();
        assert_eq!(json["gap"], 0.13);
        assert_eq!(json["gap_text"], "0.13");
        assert_eq!(json["tracks"][1]["summary"]["index_text"], "3.13");
        assert_eq!(json["tracks"][1]["summary"]["predicate"], "Baik");
        assert!(json["tracks"][0].get("report").is_none());
        assert_eq!(json["tracks"][1]["levels"]["1"], 4);
        assert_eq!(json["tracks"][1]["levels"]["11"], 3);
        let full: serde_json::Value = serde_json::from_str(&s.to_json(true, Error::issue)).unwrap();
        assert_eq!(
            full["tracks"][0]["report"]["indicators"]
                .as_array()
                .map(Vec::len),
            Some(47)
        );
    }

    #[test]
    fn a_partly_filled_track_is_an_estimate_and_an_empty_one_is_not_scored() {
        // one indicator at 4, renormalised over the filled ones: 4.00, not official
        let text =
            r#"{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"5": 4}, "target": {}}}"#;
        let s = form_state(
            text,
            None,
            &Options::default(),
            &[Track::Mandiri, Track::Dokumen],
        );
        let m = &s.tracks[0];
        assert_eq!((m.filled, m.total, m.complete()), (1, 47, false));
        let r = m.report.as_ref().unwrap();
        assert_eq!(r.index_text, "4.00");
        assert!(!r.official);
        // a stage the assessment does not have: no levels, no report, no problem
        let d = &s.tracks[1];
        assert_eq!(d.levels.as_ref().map(LevelMap::len), Some(0));
        assert!(d.report.is_none() && d.problems.is_empty());
        assert_eq!(s.gap, None);
    }

    #[test]
    fn problems_are_listed_per_track_and_unreadable_input_has_no_levels() {
        let text = r#"{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"1": 7, "2": 9}, "target": {"3": 4}}}"#;
        let s = state(text);
        let codes: Vec<(&str, Option<&str>)> = s.tracks[0]
            .problems
            .iter()
            .map(|e| (e.code(), e.indicator()))
            .collect();
        assert_eq!(
            codes,
            [
                ("level_out_of_range", Some("1")),
                ("level_out_of_range", Some("2"))
            ]
        );
        assert!(s.tracks[0].report.is_none());
        // the target carries the current levels forward, so it has the same problems
        assert_eq!(s.tracks[1].problems.len(), 2);
        // each problem says whose value it is: the current track's here
        let json: serde_json::Value =
            serde_json::from_str(&s.to_json(false, Error::issue)).unwrap();
        assert_eq!(json["tracks"][1]["issues"][0]["track"], "mandiri");
        // a bad target value keeps both tracks from being scored, and names the target
        let t = state(
            r#"{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": {"1": 3}, "target": {"1": 9}}}"#,
        );
        let json: serde_json::Value =
            serde_json::from_str(&t.to_json(false, Error::issue)).unwrap();
        assert_eq!(json["tracks"][0]["issues"][0]["track"], "target");
        assert_eq!(json["tracks"][0]["issues"][0]["code"], "level_out_of_range");
        assert_eq!(s.gap, None);

        let s = state("{\"rubric\": ");
        for t in &s.tracks {
            assert!(t.levels.is_none() && t.report.is_none());
            assert_eq!(t.problems.first().map(Error::code), Some("malformed_json"));
        }
        // an edition that does not exist
        let s = state(r#"{"rubric": "permenpanrb-1-1999", "levels": {}}"#);
        assert_eq!(
            s.tracks[0].problems.first().map(Error::code),
            Some("unknown_rubric")
        );
    }

    #[test]
    fn each_track_says_the_options_it_is_scored_with() {
        // mandiri complete (every level 3); dokumen has indicator 5 alone
        let cur = levels((1..=47).map(|i| (i, "3")));
        let text = format!(
            r#"{{"rubric": "permenpanrb-59-2020", "tracks": {{"mandiri": {cur}, "dokumen": {{"5": 4}}}}}}"#
        );
        let given = Options {
            predicate_basis: Some(crate::options::PredicateBasis::Exact),
            ..Options::default()
        };
        let s = form_state(&text, None, &given, &[Track::Mandiri, Track::Dokumen]);
        let [m, d] = [&s.tracks[0], &s.tracks[1]];
        // complete: the options given, for this track (the official policy)
        assert_eq!(m.options.track, Some(Track::Mandiri));
        assert_eq!(m.options.missing, MissingPolicy::Error);
        assert_eq!(m.options.predicate_basis, given.predicate_basis);
        // partly filled: renormalised over the filled indicators
        assert_eq!(d.options.track, Some(Track::Dokumen));
        assert_eq!(d.options.missing, MissingPolicy::Renormalize);
        assert_eq!(d.options.predicate_basis, given.predicate_basis);
        // the report is the one those options give
        let again = crate::api::score_text(&text, None, &d.options).unwrap();
        assert_eq!(
            d.report.as_ref().map(|r| &r.index_exact),
            Some(&again.index_exact)
        );
        let json: serde_json::Value =
            serde_json::from_str(&s.to_json(false, Error::issue)).unwrap();
        assert_eq!(
            json["tracks"][1]["options"],
            serde_json::json!({"track": "dokumen", "missing": "renormalize", "predicate_basis": "exact", "year": null})
        );
        assert_eq!(json["tracks"][0]["options"]["missing"], "error");
        // the JSON reads back as the same options
        let back = Options::from_json(&json["tracks"][1]["options"].to_string()).unwrap();
        assert_eq!(back, d.options);
        // unreadable input: renormalised for its track all the same
        let bad = state("{");
        assert_eq!(bad.tracks[1].options.track, Some(Track::Target));
        assert_eq!(bad.tracks[1].options.missing, MissingPolicy::Renormalize);
    }

    #[test]
    fn an_id_the_edition_lacks_fills_nothing_and_is_a_problem() {
        // 46 of 59/2020's 47 indicators and an id "99": 46 filled, not complete
        let mut pairs: Vec<(usize, &'static str)> = (1..=46).map(|i| (i, "3")).collect();
        pairs.push((99, "4"));
        let text = format!(
            r#"{{"rubric": "permenpanrb-59-2020", "tracks": {{"mandiri": {}}}}}"#,
            levels(pairs.clone())
        );
        let m = &state(&text).tracks[0];
        assert_eq!((m.filled, m.total, m.complete()), (46, 47, false));
        assert_eq!(m.options.missing, MissingPolicy::Renormalize);
        let codes: Vec<(&str, Option<&str>)> = m
            .problems
            .iter()
            .map(|e| (e.code(), e.indicator()))
            .collect();
        assert_eq!(codes, [("unknown_indicator", Some("99"))]);
        assert!(m.report.is_none());
        // with all 47 filled as well, it is complete and "99" still a problem
        pairs.push((47, "3"));
        let text = format!(
            r#"{{"rubric": "permenpanrb-59-2020", "tracks": {{"mandiri": {}}}}}"#,
            levels(pairs)
        );
        let m = &state(&text).tracks[0];
        assert_eq!((m.filled, m.complete()), (47, true));
        assert_eq!(m.options.missing, MissingPolicy::Error);
        assert_eq!(
            m.problems.iter().map(Error::code).collect::<Vec<_>>(),
            ["unknown_indicator"]
        );
        // the levels shown are the track's as given, the unknown id with them
        assert_eq!(m.levels.as_ref().map(LevelMap::len), Some(48));
    }
}
