//! Validation of a rubric spec: every problem is reported (not only the
//! first), and a valid spec gives the indexed form that scoring uses.

use std::collections::{HashMap, HashSet};

use super::fast::fast_path;
use super::spec::{AspectSpec, BandBounds, Dec, RubricSpec};
use super::{AspectD, BandD, Derived, DomainD, IndicatorD};
use crate::error::RubricProblem;
use crate::ratio::Ratio;

struct Ctx<'a> {
    problems: &'a mut Vec<RubricProblem>,
}

impl Ctx<'_> {
    fn add(&mut self, code: &'static str, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(RubricProblem {
            code,
            path: path.into(),
            message: message.into(),
        });
    }
}

fn valid_id(s: &str, allow_upper: bool) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| {
            b.is_ascii_digit()
                || b.is_ascii_lowercase()
                || b == b'-'
                || (allow_upper && (b.is_ascii_uppercase() || b == b'_'))
        })
}

fn check_weight(ctx: &mut Ctx<'_>, path: &str, w: &Dec) {
    let v = w.value();
    if v <= Ratio::ZERO {
        ctx.add(
            "weight_not_positive",
            path,
            format!("weight {} must be greater than 0", w),
        );
    }
    if v > Ratio::int(100) {
        ctx.add(
            "weight_too_large",
            path,
            format!(
                "weight {} is larger than 100 (weights are percent of the whole index)",
                w
            ),
        );
    }
    // decimals: denominators of weights must divide 10^6
    if 1_000_000 % v.denom() != 0 {
        ctx.add(
            "weight_precision",
            path,
            format!("weight {} has more than 6 decimals", w),
        );
    }
}

pub(super) fn derive(spec: &RubricSpec, problems: &mut Vec<RubricProblem>) -> Option<Derived> {
    let mut ctx = Ctx { problems };
    if !valid_id(&spec.id, false) {
        ctx.add("invalid_id", "id", format!("rubric id {:?} must be lower-case letters, digits and '-' (like \"permenpanrb-59-2020\")", spec.id));
    }

    // scales
    let mut scale_range: HashMap<&str, (u8, u8, usize, bool)> = HashMap::new();
    let mut scale_ids = HashSet::new();
    for (si, s) in spec.scales.iter().enumerate() {
        let path = format!("scales[{si}]");
        if !scale_ids.insert(s.id.as_str()) {
            ctx.add(
                "duplicate_id",
                &path,
                format!("scale id {:?} is used twice", s.id),
            );
        }
        if s.levels.len() < 2 {
            ctx.add(
                "scale_levels",
                &path,
                format!("scale {:?} needs at least 2 levels", s.id),
            );
        }
        let mut ok = true;
        for (k, l) in s.levels.iter().enumerate() {
            if l.level > 9 {
                ctx.add(
                    "scale_levels",
                    format!("{path}.levels[{k}]"),
                    format!("level {} is above 9; levels must lie in 0..=9", l.level),
                );
                ok = false;
            }
            if let Some(prev) = k.checked_sub(1).and_then(|p| s.levels.get(p)) {
                if l.level != prev.level.wrapping_add(1) {
                    ctx.add(
                        "scale_levels",
                        format!("{path}.levels[{k}]"),
                        format!(
                            "levels must be consecutive and ascending; {} follows {}",
                            l.level, prev.level
                        ),
                    );
                    ok = false;
                }
            }
        }
        let with_criteria = s.levels.iter().filter(|l| l.criteria.is_some()).count();
        if with_criteria != 0 && with_criteria != s.levels.len() {
            ctx.add("missing_criteria", &path, format!("scale {:?} gives criteria for {} of its {} levels; give them for every level or for none", s.id, with_criteria, s.levels.len()));
        }
        let ranged = s
            .levels
            .iter()
            .filter(|l| l.min.is_some() || l.max.is_some())
            .count();
        if s.continuous {
            // every level a range; contiguous; the whole range from one whole number to another
            for (k, l) in s.levels.iter().enumerate() {
                let lpath = format!("{path}.levels[{k}]");
                match (&l.min, &l.max) {
                    (Some(lo), Some(hi)) if lo.value() < hi.value() => {}
                    (Some(lo), Some(hi)) => {
                        ctx.add(
                            "scale_range",
                            &lpath,
                            format!(
                                "level {} has an empty range: min {lo} is not below max {hi}",
                                l.level
                            ),
                        );
                        ok = false;
                    }
                    _ => {
                        ctx.add("scale_range", &lpath, format!("level {} of continuous scale {:?} needs \"min\" and \"max\": the range of values it stands for", l.level, s.id));
                        ok = false;
                    }
                }
                if let (Some(prev), Some(lo)) =
                    (k.checked_sub(1).and_then(|p| s.levels.get(p)), &l.min)
                {
                    if prev.max.as_ref().is_some_and(|pm| pm.value() != lo.value()) {
                        ctx.add("scale_range", &lpath, format!("level {} starts at {lo} but level {} ends elsewhere; ranges must be contiguous", l.level, prev.level));
                        ok = false;
                    }
                }
            }
            let whole = |d: Option<&Dec>| {
                d.and_then(|d| {
                    let v = d.value();
                    (v.denom() == 1 && (0..=9).contains(&v.numer())).then(|| v.numer() as u8)
                })
            };
            let lo = whole(s.levels.first().and_then(|l| l.min.as_ref()));
            let hi = whole(s.levels.last().and_then(|l| l.max.as_ref()));
            match (lo, hi) {
                (Some(lo), Some(hi)) if ok => {
                    scale_range.insert(&s.id, (lo, hi, s.levels.len(), true));
                }
                (Some(_), Some(_)) => {}
                _ => ctx.add("scale_range", &path, format!("continuous scale {:?} must run from one whole number in 0..=9 to another (its lowest min and highest max)", s.id)),
            }
        } else {
            if ranged > 0 {
                ctx.add("scale_range", &path, format!("scale {:?} gives value ranges (min/max) but is not continuous; add \"continuous\": true or remove them", s.id));
            }
            if let (Some(first), Some(last)) = (s.levels.first(), s.levels.last()) {
                if ok {
                    scale_range.insert(&s.id, (first.level, last.level, s.levels.len(), false));
                }
            }
        }
    }

    // hierarchy
    let flat = match (&spec.domains, &spec.aspects) {
        (Some(_), Some(_)) => {
            ctx.add(
                "hierarchy",
                "",
                "give either \"domains\" or \"aspects\" at the top level, not both",
            );
            return None;
        }
        (None, None) => {
            ctx.add(
                "hierarchy",
                "",
                "the rubric has neither \"domains\" nor \"aspects\"",
            );
            return None;
        }
        (None, Some(_)) => true,
        (Some(_), None) => false,
    };

    let mut domains = Vec::new();
    let mut aspects = Vec::new();
    let mut indicators = Vec::new();
    let mut index_of = super::IdMap::default();
    let mut aspect_ids = HashSet::new();
    let mut domain_ids = HashSet::new();
    let mut slots = 0usize;
    let hundred = Ratio::int(100);
    let mut top_sum = Ratio::ZERO;
    let mut overflow = false;

    let mut add_aspect = |ctx: &mut Ctx<'_>,
                          a: &AspectSpec,
                          path: String,
                          parent_weight: Ratio,
                          aspects: &mut Vec<AspectD>,
                          indicators: &mut Vec<IndicatorD>| {
        if !aspect_ids.insert(a.id.clone()) {
            ctx.add(
                "duplicate_id",
                &path,
                format!("aspect id {:?} is used twice", a.id),
            );
        }
        if !valid_id(&a.id, true) {
            ctx.add(
                "invalid_id",
                &path,
                format!("aspect id {:?} must be letters, digits, '-' or '_'", a.id),
            );
        }
        check_weight(ctx, &format!("{path}.weight"), &a.weight);
        if a.indicators.is_empty() {
            ctx.add(
                "empty",
                &path,
                format!("aspect {:?} has no indicators", a.id),
            );
        }
        let start = indicators.len();
        let mut sum = Ratio::ZERO;
        for (ii, ind) in a.indicators.iter().enumerate() {
            let ipath = format!("{path}.indicators[{ii}]");
            if index_of.insert(ind.id.clone(), indicators.len()).is_some() {
                ctx.add(
                    "duplicate_id",
                    &ipath,
                    format!("indicator id {:?} is used twice", ind.id),
                );
            }
            if !valid_id(&ind.id, true) || ind.id.len() > 32 {
                ctx.add(
                    "invalid_id",
                    &ipath,
                    format!(
                        "indicator id {:?} must be 1-32 letters, digits, '-' or '_'",
                        ind.id
                    ),
                );
            }
            check_weight(ctx, &format!("{ipath}.weight"), &ind.weight);
            sum = sum.checked_add(ind.weight.value()).unwrap_or_else(|| {
                overflow = true;
                Ratio::ZERO
            });
            let (min_level, max_level, n_levels, continuous) = match scale_range
                .get(ind.scale.as_str())
            {
                Some(r) => *r,
                // a scale that exists but is invalid is reported once, at the scale
                None if spec.scales.iter().any(|s| s.id == ind.scale) => (1, 5, 5, false),
                None => {
                    ctx.add("unknown_scale", &ipath, format!("indicator {:?} uses scale {:?}, which is not defined; defined scales: {}", ind.id, ind.scale, spec.scales.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")));
                    (1, 5, 5, false)
                }
            };
            if let Some(c) = &ind.criteria {
                if c.len() != n_levels {
                    ctx.add("missing_criteria", &ipath, format!("indicator {:?} gives {} criteria but its scale {:?} has {} levels; give one per level", ind.id, c.len(), ind.scale, n_levels));
                }
            }
            if continuous && ind.items.is_some() {
                ctx.add(
                    "items",
                    &ipath,
                    format!(
                        "indicator {:?} is on a continuous scale and cannot take a list of items",
                        ind.id
                    ),
                );
            }
            if let Some(ext) = &ind.external {
                let levels: Vec<u8> = spec
                    .scales
                    .iter()
                    .find(|s| s.id == ind.scale)
                    .map(|s| s.levels.iter().map(|l| l.level).collect())
                    .unwrap_or_default();
                for (ri, r) in ext.ranges.iter().enumerate() {
                    if !levels.contains(&r.level) {
                        ctx.add(
                            "external_range",
                            format!("{ipath}.external.ranges[{ri}]"),
                            format!(
                                "range for level {} is not a level of scale {:?}",
                                r.level, ind.scale
                            ),
                        );
                    }
                }
            }
            let (min_items, max_items, repeatable) = match ind.items {
                Some(it) => {
                    if it.min < 1 || it.max < it.min || it.max > 9 {
                        ctx.add(
                            "items",
                            &ipath,
                            format!(
                                "items {{min: {}, max: {}}} must satisfy 1 <= min <= max <= 9",
                                it.min, it.max
                            ),
                        );
                    }
                    (it.min, it.max, true)
                }
                None => (1, 1, false),
            };
            let unit_w = ind.weight.value();
            indicators.push(IndicatorD {
                aspect: aspects.len(),
                weight: unit_w,
                w_int: 0,
                min_level,
                max_level,
                continuous,
                min_items,
                max_items,
                repeatable,
                slot: slots,
            });
            slots += if repeatable {
                usize::from(max_items.max(1))
            } else {
                1
            };
        }
        if sum != a.weight.value() && !a.indicators.is_empty() {
            ctx.add("weight_sum", &path, format!("the weights of aspect {:?}'s indicators add up to {} but the aspect's weight is {}", a.id, sum, a.weight));
        }
        aspects.push(AspectD {
            weight: a.weight.value(),
            indicators: start..indicators.len(),
            parent_weight,
        });
    };

    if flat {
        let list = spec.aspects.as_deref().unwrap_or(&[]);
        if list.is_empty() {
            ctx.add("empty", "aspects", "the rubric has no aspects");
        }
        for (ai, a) in list.iter().enumerate() {
            top_sum = top_sum.checked_add(a.weight.value()).unwrap_or(Ratio::ZERO);
            add_aspect(
                &mut ctx,
                a,
                format!("aspects[{ai}]"),
                hundred,
                &mut aspects,
                &mut indicators,
            );
        }
        if top_sum != hundred {
            ctx.add(
                "weight_total",
                "aspects",
                format!("the aspect weights add up to {top_sum}, not 100"),
            );
        }
    } else {
        let list = spec.domains.as_deref().unwrap_or(&[]);
        if list.is_empty() {
            ctx.add("empty", "domains", "the rubric has no domains");
        }
        for (di, d) in list.iter().enumerate() {
            let path = format!("domains[{di}]");
            if !domain_ids.insert(d.id.clone()) {
                ctx.add(
                    "duplicate_id",
                    &path,
                    format!("domain id {:?} is used twice", d.id),
                );
            }
            if !valid_id(&d.id, true) {
                ctx.add(
                    "invalid_id",
                    &path,
                    format!("domain id {:?} must be letters, digits, '-' or '_'", d.id),
                );
            }
            check_weight(&mut ctx, &format!("{path}.weight"), &d.weight);
            top_sum = top_sum.checked_add(d.weight.value()).unwrap_or(Ratio::ZERO);
            if d.aspects.is_empty() {
                ctx.add("empty", &path, format!("domain {:?} has no aspects", d.id));
            }
            let start = aspects.len();
            let mut sum = Ratio::ZERO;
            for (ai, a) in d.aspects.iter().enumerate() {
                sum = sum.checked_add(a.weight.value()).unwrap_or(Ratio::ZERO);
                add_aspect(
                    &mut ctx,
                    a,
                    format!("{path}.aspects[{ai}]"),
                    d.weight.value(),
                    &mut aspects,
                    &mut indicators,
                );
            }
            if sum != d.weight.value() && !d.aspects.is_empty() {
                ctx.add("weight_sum", &path, format!("the weights of domain {:?}'s aspects add up to {} but the domain's weight is {}", d.id, sum, d.weight));
            }
            domains.push(DomainD {
                weight: d.weight.value(),
                aspects: start..aspects.len(),
            });
        }
        if top_sum != hundred {
            ctx.add(
                "weight_total",
                "domains",
                format!("the domain weights add up to {top_sum}, not 100"),
            );
        }
    }
    if overflow {
        ctx.add(
            "weight_precision",
            "",
            "weights are too large to add exactly",
        );
    }

    let used_ranges: Vec<(u8, u8)> = indicators
        .iter()
        .map(|i| (i.min_level, i.max_level))
        .collect();
    let min_level = used_ranges.iter().map(|r| r.0).min().unwrap_or(1);
    let max_level = used_ranges.iter().map(|r| r.1).max().unwrap_or(5);

    // predicate bands
    let mut bands = Vec::new();
    let mut names = HashSet::new();
    if spec.predicates.is_empty() {
        ctx.add(
            "predicates",
            "predicates",
            "the rubric has no predicate bands",
        );
    }
    for (bi, b) in spec.predicates.iter().enumerate() {
        let path = format!("predicates[{bi}]");
        if !names.insert(b.name.as_str()) {
            ctx.add(
                "duplicate_id",
                &path,
                format!("predicate {:?} is used twice", b.name),
            );
        }
        if b.min.value() >= b.max.value() {
            ctx.add(
                "predicate_band",
                &path,
                format!(
                    "band {:?} is empty: min {} is not below max {}",
                    b.name, b.min, b.max
                ),
            );
        }
        if let Some(prev) = bi.checked_sub(1).and_then(|p| spec.predicates.get(p)) {
            match b.min.value().cmp(&prev.max.value()) {
                std::cmp::Ordering::Greater => ctx.add("predicate_gap", &path, format!("gap between {:?} (up to {}) and {:?} (from {}); each band must start where the one below ends", prev.name, prev.max, b.name, b.min)),
                std::cmp::Ordering::Less => ctx.add("predicate_overlap", &path, format!("{:?} (from {}) overlaps {:?} (up to {}); list bands from lowest to highest, each starting where the one below ends", b.name, b.min, prev.name, prev.max)),
                std::cmp::Ordering::Equal => {}
            }
        }
        bands.push(BandD { max: b.max.value() });
    }
    if let (Some(first), Some(last)) = (spec.predicates.first(), spec.predicates.last()) {
        if first.min.value() > Ratio::int(i128::from(min_level)) {
            ctx.add(
                "predicate_coverage",
                "predicates[0]",
                format!(
                    "the lowest band starts at {} but an index can be as low as {}",
                    first.min, min_level
                ),
            );
        }
        if last.max.value() < Ratio::int(i128::from(max_level)) {
            ctx.add(
                "predicate_coverage",
                format!("predicates[{}]", spec.predicates.len() - 1),
                format!(
                    "the highest band ends at {} but an index can be as high as {}",
                    last.max, max_level
                ),
            );
        }
    }

    if let Some(rule) = &spec.predicate_rule {
        let mut years = HashSet::new();
        for (k, y) in rule.years.iter().enumerate() {
            if !years.insert(y.year) {
                ctx.add(
                    "duplicate_id",
                    format!("predicate_rule.years[{k}]"),
                    format!("year {} has two predicate rules", y.year),
                );
            }
        }
    }

    if !ctx.problems.is_empty() {
        return None;
    }

    // integer weights: unit = lcm of weight denominators (divides 10^6)
    let mut unit: i128 = 1;
    for i in &indicators {
        let d = i.weight.denom();
        unit = unit / crate::ratio::gcd(unit, d) * d;
    }
    for i in &mut indicators {
        let w = i.weight.checked_mul(Ratio::int(unit))?;
        i.w_int = i64::try_from(w.numer()).ok()?;
    }
    let mut d = Derived {
        domains,
        aspects,
        indicators,
        bands,
        total: hundred,
        slots,
        ids: {
            let mut ids = vec![String::new(); index_of.len()];
            for (id, &pos) in &index_of {
                if let Some(slot) = ids.get_mut(pos) {
                    *slot = id.clone();
                }
            }
            ids
        },
        index_of,
        min_level,
        max_level,
        upper_inclusive: spec.band_bounds == BandBounds::UpperInclusive,
        fast: None,
        valid_ids: String::new(),
    };
    d.fast = fast_path(&d);
    d.valid_ids = super::ids_text(&d.ids);
    Some(d)
}
