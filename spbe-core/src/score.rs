//! Exact index computation: checks, the kernel and the aggregation.
//!
//! For every aspect `a`, with `w_i` the weight of item `i` and `L_i` its level:
//!
//! * aspect index  = Σ_{i∈a} w_i·L_i / Σ_{i∈a} w_i
//! * domain index  = Σ_{a∈d} W_a · aspect_a / W_d
//! * overall index = Σ_d W_d · domain_d / 100   (2026: Σ_a W_a · aspect_a / 100)
//!
//! all in exact rational arithmetic. Only reported values are rounded, half up,
//! to 2 decimals.

use crate::assessment::{Assessment, IndicatorId, Level, Track};
use crate::error::{Error, Result};
pub use crate::options::{MissingPolicy, Options, PredicateBasis};
use crate::ratio::{Frac, Ratio};
use crate::report::{build_report, Report};
use crate::rubric::{FastPath, Fixed, Rubric};
use crate::value::Value;

/// Sentinel for an empty slot in the slot layout (see [`crate::batch`]).
pub const MISSING: i64 = i64::MIN;

/// Sentinel for a slot whose value is not a whole number; the value itself is
/// in the accompanying list of `(slot, value)` pairs.
pub(crate) const FRACTION: i64 = i64::MIN + 2;

// ------------------------------------------------------------------ checks

fn unknown(rubric: &Rubric, ind: &str, place: &str) -> Error {
    Error::UnknownIndicator {
        indicator: ind.to_owned(),
        rubric: rubric.id().to_owned(),
        place: place.to_owned(),
        valid: rubric.valid_ids_text(),
    }
}

/// Checks one level map against the rubric and writes it into `slots`
/// (`MISSING` where absent, `FRACTION` for a value that is not whole, whose
/// value goes into `fracs`). Pushes every problem into `errors`.
pub(crate) fn fill_slots<'a>(
    rubric: &Rubric,
    entries: impl Iterator<Item = (&'a IndicatorId, &'a Level)>,
    place: &str,
    slots: &mut [i64],
    fracs: &mut Vec<(usize, Ratio)>,
    errors: &mut Vec<Error>,
) {
    for s in slots.iter_mut() {
        *s = MISSING;
    }
    fracs.clear();
    // past the first MAX_PER_KIND unknown keys, count them (validate lists no
    // more): a million unknown keys must not make a million messages
    let mut unknown_count = 0usize;
    let mut hint = 0;
    for (k, v) in entries {
        let Some(pos) = rubric.position_from(k, hint) else {
            unknown_count += 1;
            if unknown_count <= crate::error::MAX_PER_KIND {
                errors.push(unknown(rubric, k.as_str(), place));
            }
            continue;
        };
        hint = pos + 1;
        let Some(ind) = rubric.d.indicators.get(pos) else {
            continue;
        };
        // the common case: one whole value in range
        if let (Level::One(lv), false) = (v, ind.repeatable) {
            if let Some(w) = lv.as_int() {
                if !lv.is_text() && w >= i64::from(ind.min_level) && w <= i64::from(ind.max_level) {
                    if let Some(s) = slots.get_mut(ind.slot) {
                        *s = w;
                        continue;
                    }
                }
            }
        }
        let items = v.items();
        if !ind.repeatable {
            if let Level::Many(list) = v {
                errors.push(Error::NotRepeatable {
                    indicator: k.as_str().to_owned(),
                    place: place.to_owned(),
                    // at most the first few items are echoed back
                    value: format!(
                        "[{}{}]",
                        list.iter()
                            .take(10)
                            .map(Value::text)
                            .collect::<Vec<_>>()
                            .join(", "),
                        if list.len() > 10 {
                            format!(", … ({} items)", list.len())
                        } else {
                            String::new()
                        }
                    ),
                    valid: ind.valid(),
                });
                continue;
            }
        }
        if ind.repeatable
            && (items.len() < usize::from(ind.min_items)
                || items.len() > usize::from(ind.max_items))
        {
            errors.push(Error::WrongItemCount {
                indicator: k.as_str().to_owned(),
                place: place.to_owned(),
                count: items.len(),
                min: ind.min_items,
                max: ind.max_items,
            });
            continue;
        }
        for (j, lv) in items.iter().enumerate() {
            let r = lv.ratio();
            let whole = lv.as_int();
            if whole.is_none() && !ind.continuous {
                // only reachable for values built in code or read without the
                // rubric: parsing against the rubric refuses these earlier
                errors.push(if lv.is_text() {
                    Error::InvalidLevelType {
                        indicator: k.as_str().to_owned(),
                        place: place.to_owned(),
                        value: format!("{:?}", lv.text()),
                        valid: ind.valid(),
                    }
                } else {
                    Error::NonIntegerLevel {
                        indicator: k.as_str().to_owned(),
                        place: place.to_owned(),
                        value: lv.text(),
                        valid: ind.valid(),
                    }
                });
            } else if lv.is_text() && !ind.continuous {
                errors.push(Error::InvalidLevelType {
                    indicator: k.as_str().to_owned(),
                    place: place.to_owned(),
                    value: format!("{:?}", lv.text()),
                    valid: ind.valid(),
                });
            } else if match whole {
                // whole values compare as integers (no 128-bit products)
                Some(w) => w < i64::from(ind.min_level) || w > i64::from(ind.max_level),
                None => {
                    r < Ratio::int(i128::from(ind.min_level))
                        || r > Ratio::int(i128::from(ind.max_level))
                }
            } {
                errors.push(Error::LevelOutOfRange {
                    indicator: k.as_str().to_owned(),
                    place: place.to_owned(),
                    // a string as a string, a number as written
                    value: if lv.is_text() {
                        format!("{:?}", lv.text())
                    } else {
                        lv.text()
                    },
                    valid: ind.valid(),
                    rubric: rubric.id().to_owned(),
                });
            } else if let Some(s) = slots.get_mut(ind.slot + j) {
                match whole {
                    Some(w) => *s = w,
                    None => {
                        *s = FRACTION;
                        fracs.push((ind.slot + j, r));
                    }
                }
            }
        }
    }
    if unknown_count > crate::error::MAX_PER_KIND {
        errors.push(Error::More {
            code: "unknown_indicator",
            count: unknown_count - crate::error::MAX_PER_KIND,
        });
    }
}

fn check_keys<'a, T: 'a>(
    rubric: &Rubric,
    m: impl Iterator<Item = (&'a IndicatorId, &'a T)>,
    place: &str,
    errors: &mut Vec<Error>,
) {
    for (k, _) in m {
        if rubric.position(k.as_str()).is_none() {
            errors.push(unknown(rubric, k.as_str(), place));
        }
    }
}

// ------------------------------------------------------------------ kernel

/// An aspect's Σ w_int · value: in hundredths of a level, in 64 bits, for
/// every whole level and every value with at most 2 decimals (8/2026's
/// "1.26"); exactly, as a rational, for the rest (more decimals, "7/6", or
/// sums past 64 bits).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct ASum {
    /// The sum in hundredths of a level.
    pub h: i64,
    /// The rest, exactly.
    pub rest: Ratio,
}

impl ASum {
    /// The whole sum, exactly.
    pub(crate) fn ratio(&self) -> Option<Ratio> {
        Ratio::new(i128::from(self.h), 100)?.checked_add(self.rest)
    }

    /// Adds `w · v`: a whole `v` (the usual case, once per indicator) in
    /// 64 bits with no division; any other in hundredths when it fits, else
    /// exactly.
    #[inline]
    fn add(&mut self, w: i64, v: Ratio) -> Option<()> {
        let whole = (v.denom() == 1)
            .then(|| {
                i64::try_from(v.numer())
                    .ok()?
                    .checked_mul(100)?
                    .checked_mul(w)
            })
            .flatten()
            .and_then(|x| x.checked_add(self.h));
        match whole {
            Some(h) => {
                self.h = h;
                Some(())
            }
            None => self.add_any(w, v),
        }
    }

    /// [`add`](Self::add) for any value.
    fn add_any(&mut self, w: i64, v: Ratio) -> Option<()> {
        let hundredths = 100i128
            .checked_div(v.denom())
            .filter(|k| k * v.denom() == 100)
            .and_then(|k| i64::try_from(v.numer().checked_mul(k)?).ok())
            .and_then(|x| x.checked_mul(w))
            .and_then(|x| x.checked_add(self.h));
        match hundredths {
            Some(h) => self.h = h,
            None => {
                self.rest = Ratio::int(i128::from(w))
                    .checked_mul(v)
                    .and_then(|x| x.checked_add(self.rest))?;
            }
        }
        Some(())
    }
}

/// Per-aspect sums: n = Σ w_int·L (see [`ASum`]), d = Σ w_int over the
/// items counted. Checks levels and item
/// counts; applies the missing policy. Allocation-free unless there is an
/// error. `fracs` holds the values of `FRACTION` slots.
#[allow(clippy::too_many_arguments)]
pub(crate) fn kernel(
    rubric: &Rubric,
    slots: &[i64],
    fracs: &[(usize, Ratio)],
    policy: MissingPolicy,
    track: &str,
    n: &mut [ASum],
    d: &mut [i64],
    missing: &mut Vec<usize>,
    errors: &mut Vec<Error>,
) {
    for (ai, a) in rubric.d.aspects.iter().enumerate() {
        let mut sum_a = ASum::default();
        let mut da = 0i64;
        for (off, ind) in rubric
            .d
            .indicators
            .get(a.indicators.clone())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let width = if ind.repeatable {
                usize::from(ind.max_items)
            } else {
                1
            };
            let cells = slots.get(ind.slot..ind.slot + width).unwrap_or(&[]);
            let mut count = 0u8;
            let mut sum = 0i64;
            for (j, &c) in cells.iter().enumerate() {
                if c == MISSING {
                    continue;
                }
                if c == FRACTION {
                    let value = fracs
                        .iter()
                        .find(|(s, _)| *s == ind.slot + j)
                        .map(|(_, r)| *r);
                    let lo = Ratio::int(i128::from(ind.min_level));
                    let hi = Ratio::int(i128::from(ind.max_level));
                    match value {
                        Some(r) if ind.continuous && r >= lo && r <= hi => {
                            if sum_a.add(ind.w_int, r).is_none() {
                                errors.push(Error::overflow("an aspect index"));
                            }
                            count += 1;
                        }
                        other => errors.push(Error::LevelOutOfRange {
                            indicator: ids(rubric, a.indicators.start + off),
                            place: track.to_owned(),
                            value: other.map_or_else(|| "?".to_owned(), |r| r.exact_string()),
                            valid: ind.valid(),
                            rubric: rubric.id().to_owned(),
                        }),
                    }
                    continue;
                }
                if c < i64::from(ind.min_level) || c > i64::from(ind.max_level) {
                    errors.push(Error::LevelOutOfRange {
                        indicator: ids(rubric, a.indicators.start + off),
                        place: track.to_owned(),
                        value: c.to_string(),
                        valid: ind.valid(),
                        rubric: rubric.id().to_owned(),
                    });
                    continue;
                }
                count += 1;
                sum += c;
            }
            if count == 0 {
                missing.push(a.indicators.start + off);
                match policy {
                    MissingPolicy::Error | MissingPolicy::Renormalize => {}
                    MissingPolicy::Lowest => {
                        let lowest = i64::from(ind.min_level) * i64::from(ind.min_items);
                        if sum_a
                            .add(ind.w_int, Ratio::int(i128::from(lowest)))
                            .is_none()
                        {
                            errors.push(Error::overflow("an aspect index"));
                        }
                        da += ind.w_int * i64::from(ind.min_items);
                    }
                }
                continue;
            }
            if ind.repeatable && count < ind.min_items {
                errors.push(Error::WrongItemCount {
                    indicator: ids(rubric, a.indicators.start + off),
                    place: track.to_owned(),
                    count: usize::from(count),
                    min: ind.min_items,
                    max: ind.max_items,
                });
            }
            if sum != 0 && sum_a.add(ind.w_int, Ratio::int(i128::from(sum))).is_none() {
                errors.push(Error::overflow("an aspect index"));
            }
            da += ind.w_int * i64::from(count);
        }
        if let (Some(x), Some(y)) = (n.get_mut(ai), d.get_mut(ai)) {
            *x = sum_a;
            *y = da;
        }
    }
    if policy == MissingPolicy::Error && !missing.is_empty() {
        errors.push(Error::MissingIndicators {
            indicators: missing.iter().map(|&p| ids(rubric, p)).collect(),
            track: track.to_owned(),
            rubric: rubric.id().to_owned(),
        });
    }
}

pub(crate) fn ids(rubric: &Rubric, pos: usize) -> String {
    rubric.id_at(pos).to_owned()
}

/// Exact results from per-aspect sums: reduced fractions from the rational
/// kernel ([`aggregate`]), or integers over fixed denominators from the
/// integer one ([`aggregate_fixed`]).
#[derive(Clone, Debug)]
pub(crate) struct Exact {
    pub index: Frac,
    pub domains: Vec<Option<Frac>>,
    pub aspects: Vec<Option<Frac>>,
    /// d(index)/d(n_a): index = Σ coef_a · n_a, per aspect (empty from the
    /// integer kernel, whose coefficients are the rubric's fixed ones: see
    /// [`Exact::coef`]).
    pub coef: Vec<Frac>,
    /// Computed by the integer kernel (the coefficients are its fixed ones).
    pub fixed: bool,
}

impl Exact {
    /// Aspect `a`'s coefficient (d(index)/d(n_a)); 0 for an aspect out of range.
    pub(crate) fn coef(&self, rubric: &Rubric, a: usize) -> Frac {
        let fixed = match (&rubric.d.fast, self.fixed) {
            (Some(f), true) => f
                .fixed
                .as_ref()
                .zip(f.k_index.get(a))
                .map(|(x, k)| Frac::over(*k, x.coef)),
            _ => self.coef.get(a).copied(),
        };
        fixed.unwrap_or(Frac::from(Ratio::ZERO))
    }
}

/// Which kernel computes the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kernel {
    /// The integer kernel where it applies, else the rational one.
    Auto,
    /// Always the rational kernel (the reference the integer one is tested against).
    Rational,
}

/// The integer kernel: with every aspect at its nominal item weight (each
/// indicator present with its minimum number of items) and every value in
/// hundredths of a level, each result is an integer dot product over a
/// fixed denominator (see [`Fixed`]). `None` when it does not apply or a sum
/// would overflow 64 bits; the rational kernel then gives the same values.
pub(crate) fn aggregate_fixed(
    rubric: &Rubric,
    f: &FastPath,
    x: &Fixed,
    n: &[ASum],
    d: &[i64],
) -> Option<Exact> {
    if d != f.aspect_den.as_slice() || n.iter().any(|s| s.rest != Ratio::ZERO) {
        return None;
    }
    let mut index: i64 = 0;
    for (k, s) in f.k_index.iter().zip(n) {
        index = index.checked_add(k.checked_mul(s.h)?)?;
    }
    let mut domains = Vec::with_capacity(x.domain.len());
    for (dom, den) in rubric.d.domains.iter().zip(&x.domain) {
        let mut num: i64 = 0;
        for (k, s) in f
            .k_domain
            .get(dom.aspects.clone())?
            .iter()
            .zip(n.get(dom.aspects.clone())?)
        {
            num = num.checked_add(k.checked_mul(s.h)?)?;
        }
        domains.push(Some(Frac::over(num, *den)));
    }
    Some(Exact {
        index: Frac::over(index, x.index),
        domains,
        aspects: n
            .iter()
            .zip(&x.aspect)
            .map(|(s, den)| Some(Frac::over(s.h, *den)))
            .collect(),
        // (read from the rubric: see Exact::coef)
        coef: Vec::new(),
        fixed: true,
    })
}

fn ovf(ctx: &str) -> Error {
    Error::overflow(ctx)
}

/// The general exact aggregation (handles empty aspects and domains by
/// renormalising over the present ones; with nothing missing this is exactly
/// the official nested formula).
pub(crate) fn aggregate(rubric: &Rubric, n: &[ASum], d: &[i64], track: &str) -> Result<Exact> {
    let dd = &rubric.d;
    let mut aspects = Vec::with_capacity(dd.aspects.len());
    for (na, da) in n.iter().zip(d) {
        aspects.push(if *da > 0 {
            let na = na.ratio().ok_or_else(|| ovf("an aspect index"))?;
            Some(
                if na.denom() == 1 {
                    Ratio::new(na.numer(), i128::from(*da))
                } else {
                    na.checked_div(Ratio::int(i128::from(*da)))
                }
                .ok_or_else(|| ovf("an aspect index"))?,
            )
        } else {
            None
        });
    }
    // weight of each aspect inside its parent, over present siblings
    let mut coef = vec![Ratio::ZERO; dd.aspects.len()];
    let mut domains = Vec::with_capacity(dd.domains.len());
    let mut top_sum = Ratio::ZERO;
    let mut top_acc = Ratio::ZERO;
    // (share of each aspect in the index, before dividing by top_sum)
    let mut share = vec![Ratio::ZERO; dd.aspects.len()];
    if dd.domains.is_empty() {
        for (k, a) in dd.aspects.iter().enumerate() {
            if let Some(Some(ix)) = aspects.get(k) {
                top_sum = top_sum
                    .checked_add(a.weight)
                    .ok_or_else(|| ovf("the index"))?;
                top_acc = top_acc
                    .checked_add(a.weight.checked_mul(*ix).ok_or_else(|| ovf("the index"))?)
                    .ok_or_else(|| ovf("the index"))?;
                if let Some(s) = share.get_mut(k) {
                    *s = a.weight;
                }
            }
        }
    } else {
        for dom in &dd.domains {
            let mut wsum = Ratio::ZERO;
            let mut acc = Ratio::ZERO;
            for k in dom.aspects.clone() {
                if let (Some(Some(ix)), Some(a)) = (aspects.get(k), dd.aspects.get(k)) {
                    wsum = wsum
                        .checked_add(a.weight)
                        .ok_or_else(|| ovf("a domain index"))?;
                    acc = acc
                        .checked_add(
                            a.weight
                                .checked_mul(*ix)
                                .ok_or_else(|| ovf("a domain index"))?,
                        )
                        .ok_or_else(|| ovf("a domain index"))?;
                }
            }
            if wsum == Ratio::ZERO {
                domains.push(None);
                continue;
            }
            let di = acc.checked_div(wsum).ok_or_else(|| ovf("a domain index"))?;
            domains.push(Some(di));
            top_sum = top_sum
                .checked_add(dom.weight)
                .ok_or_else(|| ovf("the index"))?;
            top_acc = top_acc
                .checked_add(dom.weight.checked_mul(di).ok_or_else(|| ovf("the index"))?)
                .ok_or_else(|| ovf("the index"))?;
            for k in dom.aspects.clone() {
                if let (Some(Some(_)), Some(a), Some(s)) =
                    (aspects.get(k), dd.aspects.get(k), share.get_mut(k))
                {
                    *s = dom
                        .weight
                        .checked_mul(a.weight)
                        .and_then(|x| x.checked_div(wsum))
                        .ok_or_else(|| ovf("a weight"))?;
                }
            }
        }
    }
    if top_sum == Ratio::ZERO {
        return Err(Error::NoLevels {
            track: track.to_owned(),
        });
    }
    let index = top_acc
        .checked_div(top_sum)
        .ok_or_else(|| ovf("the index"))?;
    for (k, c) in coef.iter_mut().enumerate() {
        if let (Some(s), Some(da)) = (share.get(k), d.get(k)) {
            if *da > 0 {
                *c = s
                    .checked_div(
                        top_sum
                            .checked_mul(Ratio::int(i128::from(*da)))
                            .ok_or_else(|| ovf("a weight"))?,
                    )
                    .ok_or_else(|| ovf("a weight"))?;
            }
        }
    }
    Ok(Exact {
        index: index.into(),
        domains: domains.into_iter().map(|v| v.map(Frac::from)).collect(),
        aspects: aspects.into_iter().map(|v| v.map(Frac::from)).collect(),
        coef: coef.into_iter().map(Frac::from).collect(),
        fixed: false,
    })
}

// ------------------------------------------------------------------ predicates

/// Index of the predicate band for a value, per the edition's band bounds.
pub(crate) fn band_of(rubric: &Rubric, v: Ratio) -> usize {
    band_of_frac(rubric, &Frac::from(v))
}

/// [`band_of`] for a value of either kernel (compared by cross-multiplication).
pub(crate) fn band_of_frac(rubric: &Rubric, v: &Frac) -> usize {
    use std::cmp::Ordering::{Greater, Less};
    let bands = &rubric.d.bands;
    let last = bands.len().saturating_sub(1);
    if rubric.d.upper_inclusive {
        // (min, max], the lowest [min, max]
        bands
            .iter()
            .position(|b| v.cmp_ratio(&b.max) != Greater)
            .unwrap_or(last)
    } else {
        // [min, max), the highest [min, max]
        for (k, b) in bands.iter().enumerate() {
            let c = v.cmp_ratio(&b.max);
            if c == Less || (k == last && c != Greater) {
                return k;
            }
        }
        last
    }
}

/// The value a predicate is read from, per the basis.
pub(crate) fn basis_value(v: Ratio, basis: PredicateBasis) -> Result<Ratio> {
    Ok(match basis {
        PredicateBasis::Exact => v,
        PredicateBasis::Reported => v.round2().ok_or_else(|| ovf("rounding"))?.to_ratio(),
    })
}

/// The band a value of either kernel falls in, read on the given basis.
pub(crate) fn band_on_basis(rubric: &Rubric, v: &Frac, basis: PredicateBasis) -> Result<usize> {
    Ok(match basis {
        PredicateBasis::Exact => band_of_frac(rubric, v),
        PredicateBasis::Reported => band_of_frac(
            rubric,
            &Frac::hundredths(v.round2().ok_or_else(|| ovf("rounding"))?.0),
        ),
    })
}

/// The predicate name of an exact value, read on the given basis.
pub fn predicate_of(rubric: &Rubric, value: Ratio, basis: PredicateBasis) -> Result<String> {
    let b = band_of(rubric, basis_value(value, basis)?);
    Ok(rubric
        .predicates()
        .get(b)
        .map(|p| p.name.clone())
        .unwrap_or_default())
}

// ------------------------------------------------------------------ scoring

/// A track resolved and computed exactly.
struct Evaluated<'a> {
    track: Track,
    /// per indicator position: its level(s) and source stage
    entries: Vec<Option<(&'a Level, Track)>>,
    exact: Exact,
    missing: Vec<usize>,
}

/// The single pass behind [`validate_with`] and [`score_with`]: checks
/// every part of the assessment, then resolves the track and computes it.
/// Returns every problem found, and the computation when there were none.
fn evaluate<'a>(
    assessment: &'a Assessment,
    rubric: &Rubric,
    opts: &Options,
    with: Kernel,
) -> (Vec<Error>, Option<Evaluated<'a>>) {
    let mut errors = Vec::new();
    if assessment.rubric != rubric.id() {
        errors.push(Error::RubricMismatch {
            expected: rubric.id().to_owned(),
            found: assessment.rubric.clone(),
        });
        return (errors, None);
    }
    let mut slots = vec![MISSING; rubric.d.slots];
    let mut fracs = Vec::new();
    if let Some(l) = &assessment.levels {
        fill_slots(
            rubric,
            l.iter(),
            "levels",
            &mut slots,
            &mut fracs,
            &mut errors,
        );
    }
    if let Some(t) = &assessment.tracks {
        for (stage, m) in t.iter() {
            fill_slots(
                rubric,
                m.iter(),
                stage.place(),
                &mut slots,
                &mut fracs,
                &mut errors,
            );
        }
    }
    check_keys(rubric, assessment.notes.iter(), "notes", &mut errors);
    check_keys(rubric, assessment.evidence.iter(), "evidence", &mut errors);
    for (k, levels) in &assessment.criteria_met {
        match rubric
            .position(k.as_str())
            .and_then(|p| rubric.d.indicators.get(p))
        {
            None => errors.push(unknown(rubric, k.as_str(), "criteria_met")),
            Some(ind) => {
                if let Some(l) = levels
                    .iter()
                    .find(|l| **l < ind.min_level || **l > ind.max_level)
                {
                    errors.push(Error::LevelOutOfRange {
                        indicator: k.as_str().to_owned(),
                        place: "criteria_met".into(),
                        value: l.to_string(),
                        valid: crate::error::text::Valid::CriteriaLevels {
                            lo: ind.min_level,
                            hi: ind.max_level,
                        }
                        .to_string(),
                        rubric: rubric.id().to_owned(),
                    });
                }
            }
        }
    }
    let track = opts.track.unwrap_or_else(|| assessment.default_track());
    // an assessment with levels only, scored on them: the slots filled above
    // are the track's, and its entries are read straight from the levels
    let levels_only = match (&assessment.levels, &assessment.tracks, track) {
        (Some(l), None, Track::Levels) => Some(l),
        _ => None,
    };
    let resolved = match levels_only {
        Some(_) => Default::default(),
        None => match assessment.resolve(track) {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                return (errors, None);
            }
        },
    };
    // per position (every key is a known indicator: checked above)
    let mut entries: Vec<Option<(&Level, Track)>> = vec![None; rubric.d.indicators.len()];
    let mut hint = 0;
    let mut put = |k: &IndicatorId, v: (&'a Level, Track)| {
        if let Some(p) = rubric.position_from(k, hint) {
            hint = p + 1;
            if let Some(e) = entries.get_mut(p) {
                *e = Some(v);
            }
        }
    };
    match levels_only {
        Some(l) => l.iter().for_each(|(k, v)| put(k, (v, Track::Levels))),
        None => resolved.iter().for_each(|(k, v)| put(k, *v)),
    }
    if opts.missing == MissingPolicy::Error && entries.iter().any(Option::is_none) {
        let absent: Vec<String> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_none())
            .map(|(p, _)| ids(rubric, p))
            .collect();
        errors.push(Error::MissingIndicators {
            indicators: absent,
            track: track.as_str().to_owned(),
            rubric: rubric.id().to_owned(),
        });
    }
    if !errors.is_empty() {
        return (errors, None);
    }
    if levels_only.is_none() {
        fill_slots(
            rubric,
            resolved.iter().map(|(k, (l, _))| (*k, *l)),
            track.as_str(),
            &mut slots,
            &mut fracs,
            &mut errors,
        );
    }
    let na = rubric.d.aspects.len();
    // (not `vec![0; na]`: a zeroed allocation is a calloc, which bypasses
    // the allocator's per-thread cache and cost ~650 instructions a report)
    let mut d: Vec<i64> = std::iter::repeat_n(0, na).collect();
    let mut n = vec![ASum::default(); na];
    let mut missing = Vec::new();
    kernel(
        rubric,
        &slots,
        &fracs,
        opts.missing,
        track.as_str(),
        &mut n,
        &mut d,
        &mut missing,
        &mut errors,
    );
    if !errors.is_empty() {
        return (errors, None);
    }
    let renormalised = opts.missing == MissingPolicy::Renormalize && !missing.is_empty();
    let fixed = match (with, &rubric.d.fast) {
        (Kernel::Auto, Some(f)) => f
            .fixed
            .as_ref()
            .and_then(|x| aggregate_fixed(rubric, f, x, &n, &d)),
        _ => None,
    };
    match fixed
        .map_or_else(|| aggregate(rubric, &n, &d, track.as_str()), Ok)
        .map_err(|e| if renormalised { e.renormalising() } else { e })
    {
        Ok(exact) => (
            errors,
            Some(Evaluated {
                track,
                entries,
                exact,
                missing,
            }),
        ),
        Err(e) => {
            errors.push(e);
            (errors, None)
        }
    }
}

fn evaluated<'a>(
    assessment: &'a Assessment,
    rubric: &Rubric,
    opts: &Options,
    with: Kernel,
) -> Result<Evaluated<'a>> {
    match evaluate(assessment, rubric, opts, with) {
        (_, Some(ev)) => Ok(ev),
        (errors, None) => Err(errors
            .into_iter()
            .next()
            .unwrap_or_else(|| Error::overflow("the index"))),
    }
}

/// What the planner needs of a scored track: the track, each indicator's
/// level (by position), the exact index, each aspect's coefficient (`index =
/// Σ coef_a · Σ w_int · level`) and the missing positions.
#[allow(clippy::type_complexity)]
pub(crate) fn evaluated_for_plan<'a>(
    assessment: &'a Assessment,
    rubric: &Rubric,
    opts: &Options,
) -> Result<(Track, Vec<Option<&'a Level>>, Ratio, Vec<Ratio>, Vec<usize>)> {
    let ev = evaluated(assessment, rubric, opts, Kernel::Auto)?;
    let ratio = |f: &Frac| f.ratio().ok_or_else(|| ovf("a weight"));
    Ok((
        ev.track,
        ev.entries.iter().map(|e| e.map(|(l, _)| l)).collect(),
        ratio(&ev.exact.index)?,
        (0..rubric.d.aspects.len())
            .map(|a| ratio(&ev.exact.coef(rubric, a)))
            .collect::<Result<_>>()?,
        ev.missing,
    ))
}

/// Checks every part of an assessment against a rubric (all tracks, notes,
/// evidence) and, for the track that would be scored, completeness per the
/// missing policy. Returns every problem found, listing at most
/// [`MAX_PER_KIND`](crate::error::MAX_PER_KIND) of one kind and counting the
/// rest ([`Error::More`]); empty means it scores.
pub fn validate_with(assessment: &Assessment, rubric: &Rubric, opts: &Options) -> Vec<Error> {
    crate::error::bounded(evaluate(assessment, rubric, opts, Kernel::Auto).0)
}

/// Scores an assessment against the given rubric.
pub fn score_with(assessment: &Assessment, rubric: &Rubric, opts: &Options) -> Result<Report> {
    score_by(assessment, rubric, opts, Kernel::Auto)
}

/// [`score_with`] computed by the general rational kernel only, never the
/// integer one: the reference the integer kernel is tested against (the
/// results are equal; this is slower). Not a stable API.
#[doc(hidden)]
pub fn score_with_rational(
    assessment: &Assessment,
    rubric: &Rubric,
    opts: &Options,
) -> Result<Report> {
    score_by(assessment, rubric, opts, Kernel::Rational)
}

fn score_by(
    assessment: &Assessment,
    rubric: &Rubric,
    opts: &Options,
    with: Kernel,
) -> Result<Report> {
    let ev = evaluated(assessment, rubric, opts, with)?;
    build_report(
        assessment,
        rubric,
        opts,
        ev.track,
        &ev.entries,
        &ev.exact,
        &ev.missing,
    )
}
