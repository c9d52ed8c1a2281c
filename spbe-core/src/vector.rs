//! The compact, URL-safe text form of an assessment (a "vector", like a CVSS
//! vector), for sharing an assessment as a link.
//!
//! ```text
//! SPBE1.permenpanrb-59-2020.Y2024.NS2FidXBhdGVuIENvbnRvaA.L34432...
//! ```
//!
//! Segments are separated by `.`; every character is URL-unreserved
//! (`A-Z a-z 0-9 - _ . ~`), so a vector can go in a path, a query or a `#hash`
//! unescaped.
//!
//! * `SPBE1` or `SPBE2` — format version. `SPBE2` is `SPBE1` plus values that
//!   are not whole numbers (8/2026), so only assessments with such a value are
//!   written as `SPBE2`; every `SPBE1` vector stays valid.
//! * the rubric id.
//! * `Y<year>` — optional year (decimal, may start with `-`).
//! * `N<text>` — optional institution, UTF-8 in base64url without padding.
//! * `L<levels>` for plain levels, or one or more of `M` (mandiri), `D` (dokumen),
//!   `I` (interviu), `V` (visitasi), `T` (target) for tracks. `<levels>` has one
//!   code per indicator in rubric order: a digit for a level, `_` for no level,
//!   and for a list (a repeatable indicator's services) `~` followed by the number
//!   of items and one digit per item, e.g. `~3133` for `[1, 3, 3]`.
//!   In `SPBE2` a value that is not a whole number is `v<text>v`, its text as
//!   written with `p` for the decimal point and `s` for a fraction's slash:
//!   `v1p26v` for 1.26, `v7s6v` for 7/6.
//! * `C<indicator>~<text>` — a note (penjelasan), base64url.
//! * `E<indicator>` followed by `~<text>` per evidence reference, base64url.
//! * `K<indicator>~<digits>` — the levels whose criteria the evidence meets
//!   (`criteria_met`), one digit each in increasing order: `K12~123`.
//!
//! Segments appear in this order; every part of an assessment survives the round trip.

use std::collections::BTreeMap;

use crate::assessment::{Assessment, IndicatorId, Level, LevelMap, Track, Tracks};
use crate::error::{Error, Result, VectorProblem as P};
use crate::rubric::{self, Rubric};
use crate::score::{fill_slots, MISSING};
use crate::value::Value;

/// The version prefix of vectors whose values are all whole numbers.
pub const PREFIX: &str = "SPBE1";

/// The version prefix of vectors with values that are not whole numbers.
pub const PREFIX2: &str = "SPBE2";

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub(crate) fn b64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for k in 0..chars {
            let idx = ((n >> (18 - 6 * k)) & 63) as usize;
            out.push(char::from(B64.get(idx).copied().unwrap_or(b'A')));
        }
    }
    out
}

pub(crate) fn b64_decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> { B64.iter().position(|&x| x == c).map(|p| p as u32) };
    let bytes = s.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= val(c)? << (18 - 6 * k);
        }
        let produced = chunk.len() - 1;
        for k in 0..produced {
            out.push(((n >> (16 - 8 * k)) & 0xff) as u8);
        }
        // reject non-canonical encodings (stray low bits)
        let used_bits = 8 * produced;
        let mask = (1u32 << (24 - used_bits)) - 1;
        if n & mask != 0 {
            return None;
        }
    }
    Some(out)
}

fn text_b64(s: &str) -> String {
    b64_encode(s.as_bytes())
}

fn ind_ok(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn encode_levels(rubric: &Rubric, m: &LevelMap, place: &str) -> Result<String> {
    let mut errors = Vec::new();
    let mut slots = vec![MISSING; rubric.d.slots];
    fill_slots(
        rubric,
        m.iter(),
        place,
        &mut slots,
        &mut Vec::new(),
        &mut errors,
    );
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let mut out = String::with_capacity(rubric.d.indicators.len());
    for (_, _, ind) in rubric.indicators() {
        match m.get(ind.id.as_str()) {
            None => out.push('_'),
            Some(Level::One(v)) => out.push_str(&encode_value(v)),
            Some(Level::Many(list)) => {
                out.push('~');
                out.push_str(&list.len().to_string());
                for v in list {
                    out.push_str(&encode_value(v));
                }
            }
        }
    }
    Ok(out)
}

/// A whole level 0-9 as its digit; any other value as `v<text>v`, where the
/// text is the value as written when that is a plain decimal (`1.50` keeps its
/// digits) and otherwise its exact decimal or fraction (`125e-2` is `1.25`,
/// `"+7/ 6"` is `7/6`): only digits, `p` and `s` ever appear.
fn encode_value(v: &Value) -> String {
    match v.as_int() {
        Some(i @ 0..=9) => i.to_string(),
        _ => {
            let written = v.text();
            let text = if canonical(&written) {
                written
            } else {
                v.ratio().exact_string()
            };
            let code: String = text
                .chars()
                .map(|c| match c {
                    '.' => 'p',
                    '/' => 's',
                    other => other,
                })
                .collect();
            format!("v{code}v")
        }
    }
}

/// A plain non-negative decimal (`1.26`, `0.5`) or fraction (`7/6`) without
/// leading zeros: the only texts a vector holds.
fn canonical(t: &str) -> bool {
    let int = |s: &str| {
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
    };
    match (t.split_once('.'), t.split_once('/')) {
        (Some((i, f)), None) => int(i) && !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()),
        (None, Some((n, d))) => int(n) && int(d) && d != "0",
        (None, None) => int(t),
        _ => false,
    }
}

fn all_whole(m: &LevelMap) -> bool {
    m.values()
        .flat_map(|l| l.items())
        .all(|v| matches!(v.as_int(), Some(0..=9)))
}

/// Writes an assessment as a vector. The assessment must be valid for its
/// rubric except that indicators may be missing (a half-filled form can be shared).
pub fn to_vector(assessment: &Assessment, rubric: &Rubric) -> Result<String> {
    if assessment.rubric != rubric.id() {
        return Err(Error::RubricMismatch {
            expected: rubric.id().to_owned(),
            found: assessment.rubric.clone(),
        });
    }
    let maps = assessment.levels.iter().chain(
        assessment
            .tracks
            .iter()
            .flat_map(|t| t.iter().map(|(_, m)| m)),
    );
    let prefix = if maps.into_iter().all(all_whole) {
        PREFIX
    } else {
        PREFIX2
    };
    let mut segs = vec![prefix.to_owned(), rubric.id().to_owned()];
    if let Some(y) = assessment.year {
        if !crate::track::YEARS.contains(&y) {
            return Err(Error::InvalidAssessment {
                message: crate::error::text::Shape::Year {
                    year: y,
                    from: *crate::track::YEARS.start(),
                    to: *crate::track::YEARS.end(),
                }
                .to_string(),
            });
        }
        segs.push(format!("Y{y}"));
    }
    if let Some(n) = &assessment.institution {
        segs.push(format!("N{}", text_b64(n)));
    }
    if let Some(l) = &assessment.levels {
        segs.push(format!("L{}", encode_levels(rubric, l, "levels")?));
    }
    if let Some(t) = &assessment.tracks {
        for (stage, m) in t.iter() {
            let tag = stage.tag().unwrap_or('L');
            segs.push(format!("{tag}{}", encode_levels(rubric, m, stage.place())?));
        }
    }
    for (k, note) in &assessment.notes {
        if rubric.position(k.as_str()).is_none() || !ind_ok(k.as_str()) {
            return Err(Error::UnknownIndicator {
                indicator: k.as_str().to_owned(),
                rubric: rubric.id().to_owned(),
                place: "notes".into(),
                valid: rubric.valid_ids_text(),
            });
        }
        segs.push(format!("C{k}~{}", text_b64(note)));
    }
    for (k, refs) in &assessment.evidence {
        if rubric.position(k.as_str()).is_none() || !ind_ok(k.as_str()) {
            return Err(Error::UnknownIndicator {
                indicator: k.as_str().to_owned(),
                rubric: rubric.id().to_owned(),
                place: "evidence".into(),
                valid: rubric.valid_ids_text(),
            });
        }
        let mut s = format!("E{k}");
        for r in refs {
            s.push('~');
            s.push_str(&text_b64(r));
        }
        segs.push(s);
    }
    for (k, levels) in &assessment.criteria_met {
        if rubric.position(k.as_str()).is_none() || !ind_ok(k.as_str()) {
            return Err(Error::UnknownIndicator {
                indicator: k.as_str().to_owned(),
                rubric: rubric.id().to_owned(),
                place: "criteria_met".into(),
                valid: rubric.valid_ids_text(),
            });
        }
        let digits: String = levels
            .iter()
            .map(|l| char::from(b'0' + (*l).min(9)))
            .collect();
        segs.push(format!("K{k}~{digits}"));
    }
    let vector = segs.join(".");
    // what is written can be read back: no vector over the input limit
    crate::input::check_size(vector.len())?;
    Ok(vector)
}

/// Whether a text looks like a vector (starts with `SPBE1.` or `SPBE2.`).
pub fn is_vector(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("SPBE1.") || t.starts_with("SPBE2.")
}

/// Parses a vector whose rubric is a built-in edition.
pub fn from_vector(text: &str) -> Result<Assessment> {
    let id = text.trim().split('.').nth(1).unwrap_or("");
    let rubric = rubric::builtin(id).map_err(|e| match e {
        Error::UnknownRubric { id, known } => Error::InvalidVector {
            segment: 2,
            message: P::UnknownRubric { id, known },
        },
        other => other,
    })?;
    from_vector_with(text, rubric)
}

/// Parses a vector against the given rubric.
pub fn from_vector_with(text: &str, rubric: &Rubric) -> Result<Assessment> {
    let text = text.trim();
    crate::input::check_size(text.len())?;
    let bad = |segment: usize, message: P| Error::InvalidVector { segment, message };
    let mut parts = text.split('.');
    let version2 = match parts.next() {
        Some(PREFIX) => false,
        Some(PREFIX2) => true,
        _ => return Err(bad(1, P::Prefix)),
    };
    let id = parts.next().unwrap_or("");
    if id != rubric.id() {
        return Err(bad(
            2,
            P::OtherRubric {
                found: id.to_owned(),
                expected: rubric.id().to_owned(),
            },
        ));
    }
    let mut a = Assessment {
        rubric: id.to_owned(),
        institution: None,
        year: None,
        levels: None,
        tracks: None,
        notes: BTreeMap::new(),
        evidence: BTreeMap::new(),
        criteria_met: BTreeMap::new(),
    };
    let order = |c: char| "YNLMDIVTCEK".find(c);
    let mut last = 0usize;
    for (k, seg) in parts.enumerate() {
        let pos = k + 3;
        let mut chars = seg.chars();
        let tag = chars.next().ok_or_else(|| bad(pos, P::EmptySegment))?;
        let body = chars.as_str();
        let ord = order(tag).ok_or_else(|| bad(pos, P::UnknownTag { tag }))?;
        if ord < last || (ord == last && k > 0 && !matches!(tag, 'C' | 'E' | 'K')) {
            return Err(bad(pos, P::OutOfOrder { tag }));
        }
        last = ord;
        match tag {
            'Y' => {
                let y = body
                    .parse::<i64>()
                    .ok()
                    .filter(|y| crate::track::YEARS.contains(y))
                    .ok_or_else(|| {
                        bad(
                            pos,
                            P::Year {
                                text: body.to_owned(),
                                from: *crate::track::YEARS.start(),
                                to: *crate::track::YEARS.end(),
                            },
                        )
                    })?;
                a.year = Some(y);
            }
            'N' => a.institution = Some(decode_text(body).ok_or_else(|| bad(pos, P::Institution))?),
            'L' => a.levels = Some(decode_levels(rubric, body, pos, version2)?),
            'M' | 'D' | 'I' | 'V' | 'T' => {
                let m = Some(decode_levels(rubric, body, pos, version2)?);
                let stage = Track::STAGES.into_iter().find(|s| s.tag() == Some(tag));
                if let Some(slot) =
                    stage.and_then(|s| a.tracks.get_or_insert_with(Tracks::default).slot_mut(s))
                {
                    *slot = m;
                }
            }
            'C' => {
                let (ind, note) = body.split_once('~').ok_or_else(|| bad(pos, P::NoteShape))?;
                check_ind(rubric, ind, pos)?;
                let text = decode_text(note).ok_or_else(|| {
                    bad(
                        pos,
                        P::Note {
                            indicator: ind.to_owned(),
                        },
                    )
                })?;
                if a.notes.insert(IndicatorId::new(ind), text).is_some() {
                    return Err(bad(
                        pos,
                        P::TwoNotes {
                            indicator: ind.to_owned(),
                        },
                    ));
                }
            }
            'K' => {
                let (ind, digits) = body
                    .split_once('~')
                    .ok_or_else(|| bad(pos, P::CriteriaShape))?;
                check_ind(rubric, ind, pos)?;
                let levels: Vec<u8> = digits.bytes().map(|b| b.wrapping_sub(b'0')).collect();
                if levels.iter().any(|l| *l > 9)
                    || levels
                        .iter()
                        .zip(levels.iter().skip(1))
                        .any(|(a, b)| a >= b)
                {
                    return Err(bad(
                        pos,
                        P::CriteriaOrder {
                            indicator: ind.to_owned(),
                        },
                    ));
                }
                if a.criteria_met
                    .insert(IndicatorId::new(ind), levels)
                    .is_some()
                {
                    return Err(bad(
                        pos,
                        P::TwoCriteria {
                            indicator: ind.to_owned(),
                        },
                    ));
                }
            }
            _ => {
                let mut it = body.split('~');
                let ind = it.next().unwrap_or("");
                check_ind(rubric, ind, pos)?;
                // counted before anything is allocated
                if body.matches('~').count() > crate::assessment::MAX_EVIDENCE {
                    return Err(bad(
                        pos,
                        P::TooMuchEvidence {
                            indicator: ind.to_owned(),
                            max: crate::assessment::MAX_EVIDENCE,
                        },
                    ));
                }
                let refs = it
                    .map(|r| {
                        decode_text(r).ok_or_else(|| {
                            bad(
                                pos,
                                P::Evidence {
                                    indicator: ind.to_owned(),
                                },
                            )
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                if a.evidence.insert(IndicatorId::new(ind), refs).is_some() {
                    return Err(bad(
                        pos,
                        P::TwoEvidence {
                            indicator: ind.to_owned(),
                        },
                    ));
                }
            }
        }
    }
    if a.levels.is_some() && a.tracks.is_some() {
        return Err(bad(0, P::LevelsAndTracks));
    }
    if a.levels.is_none() && a.tracks.is_none() {
        return Err(bad(0, P::NoLevels));
    }
    Ok(a)
}

fn check_ind(rubric: &Rubric, ind: &str, pos: usize) -> Result<()> {
    if rubric.position(ind).is_none() {
        return Err(Error::InvalidVector {
            segment: pos,
            message: P::UnknownIndicator {
                indicator: ind.to_owned(),
                rubric: rubric.id().to_owned(),
            },
        });
    }
    Ok(())
}

fn decode_text(s: &str) -> Option<String> {
    String::from_utf8(b64_decode(s)?).ok()
}

fn decode_levels(rubric: &Rubric, body: &str, pos: usize, version2: bool) -> Result<LevelMap> {
    let bad = |message: P| Error::InvalidVector {
        segment: pos,
        message,
    };
    let ids = rubric.indicator_ids();
    let bytes = body.as_bytes();
    let mut i = 0usize;
    // pushed in rubric order, collected (sorted once) at the end: a custom
    // rubric may list its ids out of id order
    let mut out: Vec<(IndicatorId, Level)> = Vec::with_capacity(ids.len());
    for id in &ids {
        let c = *bytes.get(i).ok_or_else(|| {
            bad(P::EndsEarly {
                codes: out.len(),
                indicators: ids.len(),
            })
        })?;
        i += 1;
        match c {
            b'_' => {}
            b'0'..=b'9' => {
                out.push((IndicatorId::new(id), Level::int(i64::from(c - b'0'))));
            }
            b'v' if version2 => {
                let len = bytes
                    .get(i..)
                    .and_then(|rest| rest.iter().position(|&b| b == b'v'))
                    .ok_or_else(|| {
                        bad(P::Unclosed {
                            indicator: (*id).to_owned(),
                        })
                    })?;
                let raw = body.get(i..i + len).unwrap_or("");
                i += len + 1;
                let text: String = raw
                    .chars()
                    .map(|c| match c {
                        'p' => '.',
                        's' => '/',
                        other => other,
                    })
                    .collect();
                let value = if text.contains('/') {
                    Value::from_text(&text)
                } else {
                    Value::from_number_text(&text)
                }
                .ok()
                .filter(|v| canonical(&text) && v.as_int().is_none())
                .ok_or_else(|| {
                    bad(P::BadValue {
                        indicator: (*id).to_owned(),
                        raw: raw.to_owned(),
                    })
                })?;
                out.push((IndicatorId::new(id), Level::One(value)));
            }
            b'~' => {
                let n = bytes.get(i).filter(|b| b.is_ascii_digit()).ok_or_else(|| {
                    bad(P::ItemCount {
                        indicator: (*id).to_owned(),
                    })
                })?;
                i += 1;
                let n = usize::from(n - b'0');
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    let d = bytes.get(i).filter(|b| b.is_ascii_digit()).ok_or_else(|| {
                        bad(P::ItemDigits {
                            indicator: (*id).to_owned(),
                            count: n,
                        })
                    })?;
                    items.push(Value::int(i64::from(d - b'0')));
                    i += 1;
                }
                out.push((IndicatorId::new(id), Level::Many(items)));
            }
            other => {
                return Err(bad(P::UnexpectedChar {
                    indicator: (*id).to_owned(),
                    found: char::from(other),
                    version2,
                }))
            }
        }
    }
    if i != bytes.len() {
        return Err(bad(P::Extra {
            count: bytes.len() - i,
            indicators: ids.len(),
        }));
    }
    Ok(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_canonically() {
        let w = |t: &str| encode_value(&Value::from_number_text(t).unwrap());
        assert_eq!(w("1.50"), "v1p50v");
        assert_eq!(w("125e-2"), "v1p25v");
        assert_eq!(w("3.0"), "3");
        assert_eq!(encode_value(&Value::from_text(" +7/ 6").unwrap()), "v7s6v");
        assert_eq!(encode_value(&Value::from_text("14/12").unwrap()), "v14s12v");
        for ok in ["1.26", "0.5", "7/6", "10"] {
            assert!(canonical(ok), "{ok}");
        }
        for bad in [
            "1.", ".5", "01.5", "+1.5", "1e2", "7/ 6", "7/0", "1.2.3", "07/6", "",
        ] {
            assert!(!canonical(bad), "{bad}");
        }
    }

    #[test]
    fn only_canonical_values_are_read() {
        let rest = "1".repeat(19);
        assert!(from_vector(&format!("SPBE2.permenpanrb-8-2026.Lv1p26v{rest}")).is_ok());
        for bad in [
            "v1pv", "vp5v", "v03v", "v3v", "v1p2p3v", "v1s0v", "v125e-2v", "vv", "v1p26",
        ] {
            let e = from_vector(&format!("SPBE2.permenpanrb-8-2026.L{bad}{rest}")).unwrap_err();
            assert_eq!(e.code(), "invalid_vector", "{bad}");
        }
        // SPBE1 has no 'v' values
        assert!(from_vector(&format!("SPBE1.permenpanrb-8-2026.Lv1p26v{rest}")).is_err());
    }

    #[test]
    fn base64url_round_trip() {
        for s in [
            "",
            "f",
            "fo",
            "foo",
            "foob",
            "fooba",
            "foobar",
            "Kabupaten Contoh — Dinas Kominfo",
        ] {
            let e = b64_encode(s.as_bytes());
            assert!(e
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_eq!(b64_decode(&e).as_deref(), Some(s.as_bytes()));
        }
        assert_eq!(b64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(b64_encode(b"fo"), "Zm8");
        assert_eq!(b64_decode("Zm9"), None); // stray low bits
        assert_eq!(b64_decode("Z"), None);
        assert_eq!(b64_decode("Zm+v"), None);
    }
}
