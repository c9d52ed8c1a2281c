//! The improvement planner: the cheapest set of level rises that brings an
//! assessment to a target predicate or index.
//!
//! # The model
//!
//! With the set of indicators that have a level held fixed, the exact index
//! is an affine function of the levels: `index = Σ_a coef_a · Σ_i w_i · level_i`
//! (see [`crate::score`]), so raising indicator `i` by one level adds the exact
//! rational `gain_i = coef_a · w_i` whatever else is raised. A **step** is a
//! rise of one level (whole scales) or, on a continuous scale (8/2026), a rise
//! to the next whole number (2.4 → 3 → 4 → 5), so that a plan reads as whole
//! levels; each step of an indicator costs that indicator's cost (default 1).
//! For 2018's indicator 35 each service is raised on its own.
//!
//! Indicators missing under the `renormalize` policy stay missing (raising one
//! would change the weights of the others); under `lowest` they start from the
//! lowest level.
//!
//! # The target
//!
//! A predicate is reached when the predicate the report would give (same
//! rule: the option, else the edition's rule for the year) is that band or a
//! higher one; a number is reached when the reported, 2-decimal index is at
//! least that number. Either is one exact condition on the exact index:
//! `index ≥ θ` or `index > θ` (see [`PlanTarget`]).
//!
//! # Optimality
//!
//! When the assessment meets the target already the plan is empty. Otherwise
//! it minimises the total cost; among plans of that cost it takes the
//! one with the highest index, and among those the one that raises
//! indicators earlier in the rubric's order the most (the vector of steps per
//! indicator, in rubric order, is lexicographically greatest). It is computed
//! by one of two exact methods:
//!
//! * **Greedy**, when every step costs the same positive amount and no
//!   indicator's later steps gain more than its earlier ones (always so on
//!   whole-level scales: every step of an indicator gains the same). Then a
//!   plan of `n` steps gains at most the sum of the `n` largest step gains,
//!   and taking steps in decreasing order of gain achieves exactly that while
//!   respecting each indicator's order; so the first `n` at which the target
//!   is met is the least cost, and no plan of that cost gains more. Ties in
//!   gain go to the indicator earlier in the rubric.
//! * **Dynamic programming** otherwise (costs that differ, or a continuous
//!   value whose first step to a whole number gains less than the next): the
//!   indicators are added one at a time, keeping, for each total cost, only
//!   the partial plan with the highest gain (a plan that costs more and gains
//!   no more can never become the better one, since what is added later adds
//!   the same to both). Partial plans that cannot reach the target even with
//!   every remaining indicator at its highest allowed level, or that cost more
//!   than a complete plan already found, are dropped. What remains is exact:
//!   the optimum is among the kept plans.
//!
//! Both are checked against brute force in the tests.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, IndicatorId, Level, LevelMap};
use crate::error::{Error, Result};
use crate::options::{predicate_rule, MissingPolicy, Options, PredicateBasis};
use crate::ratio::Ratio;
use crate::report::{AspectScore, DomainScore};
use crate::rubric::Rubric;
use crate::score::{evaluated_for_plan, score_with};
use crate::track::Track;
use crate::value::Value;

/// What to plan for: the target and the constraints, as the bindings pass
/// them (`{"to": "Baik", "costs": {"12": 3}, "max_levels": {"12": 4},
/// "frozen": ["30"]}`).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRequest {
    /// A predicate name (`"Baik"`; a 2026 label such as `"Berkembang"` or an
    /// English name works too) or an index (`3` or `"3.00"`: the reported,
    /// 2-decimal index must reach it).
    #[cfg_attr(feature = "tsify", tsify(type = "string | number"))]
    pub to: serde_json::Value,
    /// Cost of one step of each indicator (a non-negative number or decimal
    /// text); indicators not named cost 1.
    #[serde(default)]
    #[cfg_attr(
        feature = "tsify",
        tsify(optional, type = "Record<string, number | string>")
    )]
    pub costs: BTreeMap<String, serde_json::Value>,
    /// The highest level an indicator may be raised to.
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional, type = "Record<string, number>"))]
    pub max_levels: BTreeMap<String, serde_json::Value>,
    /// Indicators that must not change.
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub frozen: Vec<String>,
}

impl PlanRequest {
    /// A request for a target alone (every step costs 1).
    pub fn to(target: &str) -> PlanRequest {
        PlanRequest {
            to: serde_json::Value::String(target.to_owned()),
            ..PlanRequest::default()
        }
    }

    /// Reads a request from JSON text.
    pub fn from_json(text: &str) -> Result<PlanRequest> {
        crate::input::check_size(text.len())?;
        serde_json::from_str(text).map_err(|e| Error::InvalidOptions {
            message: format!("plan request: {e}"),
        })
    }
}

/// The target as applied: the exact condition on the exact index.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanTarget {
    /// The target as given.
    pub to: String,
    /// The predicate aimed at (for an index target: the predicate of that
    /// index).
    pub predicate: String,
    /// The reported index aimed at, for an index target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
    /// The basis of the predicate rule applied (as the report would).
    pub basis: PredicateBasis,
    /// The exact index must be at least (or, when `inclusive` is false, more
    /// than) this.
    pub threshold: String,
    /// Whether the threshold itself is enough.
    pub inclusive: bool,
}

/// One indicator (or one 2018 service) raised.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanStep {
    /// The indicator.
    pub indicator: String,
    /// The service (1-based), for 2018's indicator 35.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    /// Its level now (the lowest level when it is missing under `lowest`).
    #[cfg_attr(feature = "tsify", tsify(type = "number | string"))]
    pub from: Value,
    /// Its level in the plan.
    #[cfg_attr(feature = "tsify", tsify(type = "number | string"))]
    pub to: Value,
    /// Steps taken (levels, or whole numbers reached).
    pub steps: u32,
    /// Their cost.
    pub cost: f64,
    /// Their cost, exact.
    pub cost_exact: String,
    /// What they add to the index, rounded to 4 decimals.
    pub gain: f64,
}

/// The index and predicate before or after the plan.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanResult {
    /// The index, rounded half up to 2 decimals.
    pub index: f64,
    /// The same, as text.
    pub index_text: String,
    /// The exact index.
    pub index_exact: String,
    /// Its predicate.
    pub predicate: String,
    /// The edition's second label of the predicate, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicate_label: Option<String>,
    /// Domains.
    pub domains: Vec<DomainScore>,
    /// Aspects.
    pub aspects: Vec<AspectScore>,
}

/// The cheapest plan to a target.
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// Edition id.
    pub rubric: String,
    /// The track planned from.
    pub track: Track,
    /// The target, as applied.
    pub target: PlanTarget,
    /// Whether the assessment meets the target already (then `steps` is empty).
    pub met_already: bool,
    /// One entry per indicator (or service) raised, in rubric order.
    pub steps: Vec<PlanStep>,
    /// Total cost.
    pub cost: f64,
    /// Total cost, exact.
    pub cost_exact: String,
    /// Which exact method found the plan: `greedy` or `dynamic_programming`.
    pub method: &'static str,
    /// Before the plan.
    pub before: PlanResult,
    /// After the plan.
    pub after: PlanResult,
    /// Every level of the track after the plan (to copy into a target track).
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, Level>"))]
    pub levels_after: LevelMap,
}

/// One raisable indicator or service and its possible rises.
struct Group {
    pos: usize,
    item: Option<usize>,
    from: Ratio,
    /// `(to, gain, cost)` after 1, 2, ... steps.
    rises: Vec<(Ratio, Ratio, Ratio)>,
}

fn ovf(ctx: &str) -> Error {
    Error::overflow(ctx)
}

fn bad(message: String) -> Error {
    Error::InvalidOptions { message }
}

/// Reads a JSON number or decimal text exactly.
fn number(v: &serde_json::Value) -> Option<Ratio> {
    match v {
        serde_json::Value::Number(n) => Value::from_number_text(&n.to_string())
            .ok()
            .map(|x| x.ratio()),
        serde_json::Value::String(s) => Value::from_text(s.trim()).ok().map(|x| x.ratio()),
        _ => None,
    }
}

fn exact_text(r: Ratio) -> String {
    r.exact_string()
}

/// The exact condition for a target: `(threshold, inclusive, target)`.
fn condition(
    rubric: &Rubric,
    basis: PredicateBasis,
    to: &serde_json::Value,
) -> Result<(Ratio, bool, PlanTarget)> {
    let bands = rubric.predicates();
    let maxes: Vec<Ratio> = rubric.d.bands.iter().map(|b| b.max).collect();
    let upper = rubric.d.upper_inclusive;
    let hundred = Ratio::int(100);
    let half = Ratio::new(1, 200).ok_or_else(|| ovf("a threshold"))?;
    // round2(x) >= n/100  <=>  x >= n/100 - 1/200
    let reported_at_least = |n: i128| {
        Ratio::new(n, 100)
            .and_then(|v| v.checked_sub(half))
            .ok_or_else(|| ovf("a threshold"))
    };
    let (given, index_target) = match to {
        serde_json::Value::String(s) if number(to).is_none() => (s.trim().to_owned(), None),
        serde_json::Value::String(_) | serde_json::Value::Number(_) => {
            let t = number(to).ok_or_else(|| bad(format!("target {to}: not a number")))?;
            let h = t.checked_mul(hundred).ok_or_else(|| ovf("a threshold"))?;
            if h.denom() != 1 {
                return Err(bad(format!(
                    "target index {}: give at most 2 decimals (the reported index is compared)",
                    t.exact_string()
                )));
            }
            (
                match to {
                    serde_json::Value::String(s) => s.trim().to_owned(),
                    other => other.to_string(),
                },
                Some(h.numer()),
            )
        }
        other => {
            return Err(bad(format!(
                "target {other}: give a predicate name (e.g. \"Baik\") or an index (e.g. 3.00)"
            )))
        }
    };
    if let Some(n) = index_target {
        let t = Ratio::new(n, 100).ok_or_else(|| ovf("a threshold"))?;
        let predicate = crate::score::predicate_of(rubric, t, PredicateBasis::Exact)?;
        return Ok((
            reported_at_least(n)?,
            true,
            PlanTarget {
                to: given,
                predicate,
                index: Some(crate::ratio::format_fixed(n, 2)),
                basis,
                threshold: String::new(),
                inclusive: true,
            },
        ));
    }
    let wanted = given.to_lowercase();
    let b = bands
        .iter()
        .position(|p| {
            [
                Some(&p.name),
                p.label.as_ref(),
                p.name_en.as_ref(),
                p.label_en.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|n| n.to_lowercase() == wanted)
        })
        .ok_or_else(|| {
            bad(format!(
                "unknown target {given:?}: give one of {} (or an index such as 3.00)",
                bands
                    .iter()
                    .map(|p| format!("{:?}", p.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
    let target = |threshold: Ratio, inclusive: bool| PlanTarget {
        to: given.clone(),
        predicate: bands.get(b).map(|p| p.name.clone()).unwrap_or_default(),
        index: None,
        basis,
        threshold: exact_text(threshold),
        inclusive,
    };
    let Some(m) = b.checked_sub(1).and_then(|k| maxes.get(k)).copied() else {
        // the lowest band: every index is in it or above
        let lo = Ratio::int(-1);
        return Ok((lo, true, target(lo, true)));
    };
    let m100 = m.checked_mul(hundred).ok_or_else(|| ovf("a threshold"))?;
    let (floor, ceil) = (
        m100.numer().div_euclid(m100.denom()),
        -((-m100.numer()).div_euclid(m100.denom())),
    );
    let (theta, inclusive) = match (basis, upper) {
        (PredicateBasis::Exact, false) => (m, true),
        (PredicateBasis::Exact, true) => (m, false),
        (PredicateBasis::Reported, false) => (reported_at_least(ceil)?, true),
        (PredicateBasis::Reported, true) => (reported_at_least(floor + 1)?, true),
    };
    Ok((theta, inclusive, target(theta, inclusive)))
}

fn meets(gain: Ratio, need: Ratio, inclusive: bool) -> bool {
    if inclusive {
        gain >= need
    } else {
        gain > need
    }
}

/// The cheapest plan (see the module's documentation) for an assessment.
pub fn plan_with(
    assessment: &Assessment,
    rubric: &Rubric,
    opts: &Options,
    req: &PlanRequest,
) -> Result<Plan> {
    let (track, entries, index, coef, missing) = evaluated_for_plan(assessment, rubric, opts)?;
    let rule = predicate_rule(rubric, assessment.year, opts);
    let (theta, inclusive, mut target) = condition(rubric, rule.basis, &req.to)?;
    if target.threshold.is_empty() {
        target.threshold = exact_text(theta);
    }
    let need = theta.checked_sub(index).ok_or_else(|| ovf("the gap"))?;

    // costs, caps and frozen indicators, checked against the rubric
    let known = |id: &str, place: &str| -> Result<usize> {
        rubric.position(id).ok_or_else(|| Error::UnknownIndicator {
            indicator: id.to_owned(),
            rubric: rubric.id().to_owned(),
            place: place.to_owned(),
            valid: rubric.valid_ids_text(),
        })
    };
    let n = rubric.d.indicators.len();
    let mut cost = vec![Ratio::int(1); n];
    for (id, v) in &req.costs {
        let p = known(id, "costs")?;
        let c = number(v)
            .filter(|c| *c >= Ratio::ZERO)
            .ok_or_else(|| bad(format!("costs[{id:?}]: {v} is not a non-negative number")))?;
        if let Some(slot) = cost.get_mut(p) {
            *slot = c;
        }
    }
    let mut cap: Vec<Option<Ratio>> = vec![None; n];
    for (id, v) in &req.max_levels {
        let p = known(id, "max_levels")?;
        let ind = rubric.d.indicators.get(p).ok_or_else(|| ovf("a cap"))?;
        let ok = number(v).filter(|c| {
            c.denom() == 1
                && *c >= Ratio::int(i128::from(ind.min_level))
                && *c <= Ratio::int(i128::from(ind.max_level))
        });
        let c = ok.ok_or_else(|| Error::LevelOutOfRange {
            indicator: id.clone(),
            place: "max_levels".into(),
            value: v.to_string(),
            valid: crate::error::text::Valid::Whole {
                lo: ind.min_level,
                hi: ind.max_level,
            }
            .to_string(),
            rubric: rubric.id().to_owned(),
        })?;
        if let Some(slot) = cap.get_mut(p) {
            *slot = Some(c);
        }
    }
    let mut frozen = vec![false; n];
    for id in &req.frozen {
        if let Some(f) = frozen.get_mut(known(id, "frozen")?) {
            *f = true;
        }
    }
    let mut absent = vec![false; n];
    for &p in &missing {
        if let Some(a) = absent.get_mut(p) {
            *a = true;
        }
    }

    // the groups: every indicator (or service) that may rise
    let mut groups = Vec::new();
    for (pos, ind) in rubric.d.indicators.iter().enumerate() {
        if frozen.get(pos).copied().unwrap_or(true) {
            continue;
        }
        let lowest = Ratio::int(i128::from(ind.min_level));
        let values: Vec<Ratio> = match entries.get(pos).copied().flatten() {
            Some(level) => level.items().iter().map(Value::ratio).collect(),
            None if absent.get(pos).copied().unwrap_or(false)
                && opts.missing == MissingPolicy::Lowest =>
            {
                vec![lowest; usize::from(ind.min_items.max(1))]
            }
            None => continue,
        };
        let top = cap
            .get(pos)
            .copied()
            .flatten()
            .unwrap_or(Ratio::int(i128::from(ind.max_level)));
        let unit = coef
            .get(ind.aspect)
            .copied()
            .unwrap_or(Ratio::ZERO)
            .checked_mul(Ratio::int(i128::from(ind.w_int)))
            .ok_or_else(|| ovf("a gain"))?;
        let c = cost.get(pos).copied().unwrap_or(Ratio::int(1));
        for (k, from) in values.iter().enumerate() {
            let mut rises = Vec::new();
            let mut at = *from;
            let mut spent = Ratio::ZERO;
            loop {
                let next = Ratio::int(at.numer().div_euclid(at.denom()) + 1);
                if next > top {
                    break;
                }
                spent = spent.checked_add(c).ok_or_else(|| ovf("a cost"))?;
                let gain = next
                    .checked_sub(*from)
                    .and_then(|d| d.checked_mul(unit))
                    .ok_or_else(|| ovf("a gain"))?;
                rises.push((next, gain, spent));
                at = next;
            }
            if !rises.is_empty() {
                groups.push(Group {
                    pos,
                    item: ind.repeatable.then_some(k + 1),
                    from: *from,
                    rises,
                });
            }
        }
    }

    let (choice, method) = if meets(Ratio::ZERO, need, inclusive) {
        (vec![0usize; groups.len()], "greedy")
    } else {
        match greedy(&groups, need, inclusive)? {
            Some(Some(ch)) => (ch, "greedy"),
            Some(None) => return Err(unreachable(rubric, assessment, opts, &groups, index)?),
            None => match dynamic(&groups, need, inclusive)? {
                Some(ch) => (ch, "dynamic_programming"),
                None => return Err(unreachable(rubric, assessment, opts, &groups, index)?),
            },
        }
    };

    // the levels after, and their report
    let mut after = resolved_levels(rubric, &entries);
    let mut steps = Vec::new();
    let mut total = Ratio::ZERO;
    for (g, &k) in groups.iter().zip(&choice) {
        let Some(&(to, gain, c)) = k.checked_sub(1).and_then(|i| g.rises.get(i)) else {
            continue;
        };
        total = total.checked_add(c).ok_or_else(|| ovf("a cost"))?;
        let id = rubric.id_at(g.pos).to_owned();
        let to_v = Value::from_ratio(to);
        let entry = after.get_or_insert_with(IndicatorId::new(&id), || {
            Level::One(Value::from_ratio(g.from))
        });
        match (entry, g.item) {
            (None, _) => {}
            (Some(Level::Many(items)), Some(i)) => {
                while items.len() < i {
                    items.push(Value::from_ratio(g.from));
                }
                if let Some(slot) = items.get_mut(i - 1) {
                    *slot = to_v.clone();
                }
            }
            (Some(e), _) => *e = Level::One(to_v.clone()),
        }
        steps.push(PlanStep {
            indicator: id,
            item: g.item,
            from: Value::from_ratio(g.from),
            to: to_v,
            steps: u32::try_from(k).unwrap_or(u32::MAX),
            cost: c.to_f64(),
            cost_exact: exact_text(c),
            gain: round4(gain)?,
        });
    }
    let opts_after = Options {
        track: None,
        predicate_basis: Some(rule.basis),
        ..*opts
    };
    let scored = |levels: LevelMap| -> Result<PlanResult> {
        let a = Assessment {
            rubric: assessment.rubric.clone(),
            institution: None,
            year: assessment.year,
            levels: Some(levels),
            tracks: None,
            notes: BTreeMap::new(),
            evidence: BTreeMap::new(),
            criteria_met: BTreeMap::new(),
        };
        let r = score_with(&a, rubric, &opts_after)?;
        Ok(PlanResult {
            index: r.index,
            index_text: r.index_text.into(),
            index_exact: r.index_exact.into(),
            predicate: r.predicate.into(),
            predicate_label: r.predicate_label.map(String::from),
            domains: r.domains,
            aspects: r.aspects,
        })
    };
    let before = scored(resolved_levels(rubric, &entries))?;
    let after_result = scored(after.clone())?;
    Ok(Plan {
        rubric: rubric.id().to_owned(),
        track,
        target,
        met_already: steps.is_empty(),
        steps,
        cost: total.to_f64(),
        cost_exact: exact_text(total),
        method,
        before,
        after: after_result,
        levels_after: after,
    })
}

/// The levels of the planned track as one map (missing indicators left out).
fn resolved_levels(rubric: &Rubric, entries: &[Option<&Level>]) -> LevelMap {
    // collected (sorted once): a custom rubric may list ids out of id order
    entries
        .iter()
        .enumerate()
        .filter_map(|(pos, e)| e.map(|level| (IndicatorId::new(rubric.id_at(pos)), level.clone())))
        .collect()
}

fn round4(r: Ratio) -> Result<f64> {
    r.round_to(4)
        .map(|u| u as f64 / 10_000.0)
        .ok_or_else(|| ovf("rounding"))
}

/// The error for a target out of reach, with the best reachable index.
fn unreachable(
    rubric: &Rubric,
    assessment: &Assessment,
    opts: &Options,
    groups: &[Group],
    index: Ratio,
) -> Result<Error> {
    let mut best = index;
    for g in groups {
        if let Some(&(_, gain, _)) = g.rises.last() {
            best = best
                .checked_add(gain)
                .ok_or_else(|| ovf("the best index"))?;
        }
    }
    let rule = predicate_rule(rubric, assessment.year, opts);
    let text = best.round2().ok_or_else(|| ovf("rounding"))?;
    Ok(Error::UnreachableTarget {
        best: crate::ratio::format_fixed(text.0, 2),
        predicate: crate::score::predicate_of(rubric, best, rule.basis)?,
    })
}

/// Greedy by gain: `None` when it does not apply (costs differ, or a group's
/// later steps gain more than its first); `Some(None)` when the target is out
/// of reach; else the steps per group.
fn greedy(groups: &[Group], need: Ratio, inclusive: bool) -> Result<Option<Option<Vec<usize>>>> {
    let mut unit_cost = None;
    let mut marginals: Vec<(Ratio, usize, usize)> = Vec::new(); // (gain, group, step)
    for (gi, g) in groups.iter().enumerate() {
        let mut prev_gain = Ratio::ZERO;
        let mut prev_cost = Ratio::ZERO;
        let mut prev_marginal: Option<Ratio> = None;
        for (k, &(_, gain, cost)) in g.rises.iter().enumerate() {
            let m = gain.checked_sub(prev_gain).ok_or_else(|| ovf("a gain"))?;
            let c = cost.checked_sub(prev_cost).ok_or_else(|| ovf("a cost"))?;
            match unit_cost {
                None => unit_cost = Some(c),
                Some(u) if u != c => return Ok(None),
                Some(_) => {}
            }
            if prev_marginal.is_some_and(|p| m > p) {
                return Ok(None);
            }
            prev_marginal = Some(m);
            marginals.push((m, gi, k));
            prev_gain = gain;
            prev_cost = cost;
        }
    }
    if unit_cost.is_none_or(|u| u <= Ratio::ZERO) {
        return Ok(None);
    }
    // larger gains first; ties to the earlier indicator, then its earlier step
    marginals.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut choice = vec![0usize; groups.len()];
    let mut gain = Ratio::ZERO;
    for (m, gi, _) in marginals {
        gain = gain.checked_add(m).ok_or_else(|| ovf("a gain"))?;
        if let Some(c) = choice.get_mut(gi) {
            *c += 1;
        }
        if meets(gain, need, inclusive) {
            return Ok(Some(Some(choice)));
        }
    }
    Ok(Some(None))
}

/// A partial plan of the dynamic programme.
#[derive(Clone)]
struct State {
    cost: Ratio,
    gain: Ratio,
    choice: Vec<usize>,
}

/// The exact dynamic programme over (cost, gain) frontiers.
fn dynamic(groups: &[Group], need: Ratio, inclusive: bool) -> Result<Option<Vec<usize>>> {
    // the most each suffix of groups can still add
    let mut rest = vec![Ratio::ZERO; groups.len() + 1];
    for (i, g) in groups.iter().enumerate().rev() {
        let top = g.rises.last().map_or(Ratio::ZERO, |r| r.1);
        let after = rest.get(i + 1).copied().unwrap_or(Ratio::ZERO);
        if let Some(slot) = rest.get_mut(i) {
            *slot = after.checked_add(top).ok_or_else(|| ovf("a gain"))?;
        }
    }
    if !meets(
        rest.first().copied().unwrap_or(Ratio::ZERO),
        need,
        inclusive,
    ) {
        return Ok(None);
    }
    let mut states = vec![State {
        cost: Ratio::ZERO,
        gain: Ratio::ZERO,
        choice: Vec::with_capacity(groups.len()),
    }];
    let mut best_cost: Option<Ratio> = None;
    for (i, g) in groups.iter().enumerate() {
        let still = rest.get(i + 1).copied().unwrap_or(Ratio::ZERO);
        let mut next = Vec::with_capacity(states.len() * (g.rises.len() + 1));
        for s in &states {
            let options = std::iter::once((Ratio::ZERO, Ratio::ZERO))
                .chain(g.rises.iter().map(|r| (r.1, r.2)));
            for (k, (gain, cost)) in options.enumerate() {
                let cost = s.cost.checked_add(cost).ok_or_else(|| ovf("a cost"))?;
                if best_cost.is_some_and(|b| cost > b) {
                    continue;
                }
                let gain = s.gain.checked_add(gain).ok_or_else(|| ovf("a gain"))?;
                let reach = gain.checked_add(still).ok_or_else(|| ovf("a gain"))?;
                if !meets(reach, need, inclusive) {
                    continue;
                }
                if meets(gain, need, inclusive) && best_cost.is_none_or(|b| cost < b) {
                    best_cost = Some(cost);
                }
                let mut choice = s.choice.clone();
                choice.push(k);
                next.push(State { cost, gain, choice });
            }
        }
        // the frontier: by cost, then the highest gain, then the greatest choice
        next.sort_by(|a, b| {
            a.cost
                .cmp(&b.cost)
                .then(b.gain.cmp(&a.gain))
                .then(b.choice.cmp(&a.choice))
        });
        let mut kept: Vec<State> = Vec::with_capacity(next.len());
        for s in next {
            if kept.last().is_none_or(|k| s.gain > k.gain) {
                kept.push(s);
            }
        }
        states = kept;
    }
    let best = states
        .into_iter()
        .filter(|s| meets(s.gain, need, inclusive))
        .min_by(|a, b| {
            a.cost
                .cmp(&b.cost)
                .then(b.gain.cmp(&a.gain))
                .then(b.choice.cmp(&a.choice))
        });
    Ok(best.map(|s| s.choice))
}
