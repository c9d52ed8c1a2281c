//! The planner: hand-computed optima, and brute force over small free sets.

use spbe_core::{
    plan_with, score_with, Assessment, MissingPolicy, Options, PlanRequest, PredicateBasis,
};

#[cfg(test)]
fn assessment(
    rubric: &str,
    year: Option<i64>,
    levels: &[(String, serde_json::Value)],
) -> Assessment {
    let mut map = serde_json::Map::new();
    for (k, v) in levels {
        map.insert(k.clone(), v.clone());
    }
    let mut v = serde_json::json!({"rubric": rubric, "levels": map});
    if let Some(y) = year {
        v["year"] = y.into();
    }
    Assessment::from_json(&v.to_string()).unwrap()
}

#[cfg(test)]
fn all(n: usize, level: serde_json::Value) -> Vec<(String, serde_json::Value)> {
    (1..=n).map(|i| (i.to_string(), level.clone())).collect()
}

#[cfg(test)]
fn steps(p: &spbe_core::Plan) -> Vec<(String, Option<usize>, String, String)> {
    p.steps
        .iter()
        .map(|s| (s.indicator.clone(), s.item, s.from.text(), s.to.text()))
        .collect()
}

#[cfg(test)]
fn st(id: &str, from: &str, to: &str) -> (String, Option<usize>, String, String) {
    (id.into(), None, from.into(), to.into())
}

/// 59/2020, every indicator at 2: the index is exactly 2.00, and Baik (exact
/// basis, the edition default) needs 2.6, a gain of 60 points of weight. A
/// step of indicators 42-47 gains 3.00 points, 32-41 2.75, 11-20 2.50. The six
/// 3-point indicators give at most 18 steps, 54 points; six more points need
/// three 2.75 steps (two give only 5.5): 21 steps, 62.25 points, index
/// 2.6225. Ties between the 2.75 indicators go to the earliest (32).
#[test]
fn unit_costs_exact_basis() {
    let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
    let a = assessment("permenpanrb-59-2020", None, &all(47, 2.into()));
    let p = plan_with(&a, rb, &Options::default(), &PlanRequest::to("Baik")).unwrap();
    let mut want: Vec<_> = vec![st("32", "2", "5")];
    want.extend((42..=47).map(|i| st(&i.to_string(), "2", "5")));
    assert_eq!(steps(&p), want);
    assert_eq!((p.cost_exact.as_str(), p.method), ("21", "greedy"));
    assert_eq!(p.after.index_exact, "2.6225");
    assert_eq!(
        (p.after.index_text.as_str(), p.after.predicate.as_str()),
        ("2.62", "Baik")
    );
    assert_eq!(p.before.predicate, "Cukup");
    assert_eq!(
        (p.target.threshold.as_str(), p.target.inclusive),
        ("2.6", true)
    );
    assert!(!p.met_already);
    // the levels after are the whole track, ready to be a target track
    assert_eq!(p.levels_after.len(), 47);
}

/// The same in 2023, whose rule reads the reported index: 2.595 is shown as
/// 2.60 and is Baik, so 59.5 points are enough: 18 steps of 3 and two of 2.75.
#[test]
fn unit_costs_reported_basis_of_2023() {
    let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
    let a = assessment("permenpanrb-59-2020", Some(2023), &all(47, 2.into()));
    let p = plan_with(&a, rb, &Options::default(), &PlanRequest::to("baik")).unwrap();
    assert_eq!(p.target.basis, PredicateBasis::Reported);
    assert_eq!(p.target.threshold, "2.595");
    assert_eq!(p.cost_exact, "20");
    assert_eq!(steps(&p)[0], st("32", "2", "4"));
    assert_eq!(p.after.index_exact, "2.595");
    assert_eq!(
        (p.after.index_text.as_str(), p.after.predicate.as_str()),
        ("2.60", "Baik")
    );
    // the same assessment with the exact rule forced needs the 21st step
    let exact = Options {
        predicate_basis: Some(PredicateBasis::Exact),
        ..Options::default()
    };
    assert_eq!(
        plan_with(&a, rb, &exact, &PlanRequest::to("Baik"))
            .unwrap()
            .cost_exact,
        "21"
    );
}

/// Costs: 10 for each step of 42-47, 1 for the rest. The cheapest 60 points
/// are 22 steps of 2.75 (21 give 57.75); 21 steps of 2.75 and one of 2.50 cost
/// the same but gain less (60.25 < 60.5). Any 3-point step costs 10 and saves
/// at most one cheap step. So: 32-38 to 5 (21 steps) and 39 to 3, cost 22,
/// index 2.605.
#[test]
fn weighted_costs_use_the_dynamic_programme() {
    let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
    let a = assessment("permenpanrb-59-2020", None, &all(47, 2.into()));
    let mut req = PlanRequest::to("Baik");
    for i in 42..=47 {
        req.costs.insert(i.to_string(), 10.into());
    }
    let p = plan_with(&a, rb, &Options::default(), &req).unwrap();
    let mut want: Vec<_> = (32..=38).map(|i| st(&i.to_string(), "2", "5")).collect();
    want.push(st("39", "2", "3"));
    assert_eq!(steps(&p), want);
    assert_eq!(
        (p.cost_exact.as_str(), p.method),
        ("22", "dynamic_programming")
    );
    assert_eq!(p.after.index_exact, "2.605");
    // decimal costs are exact: 0.1 per step of 32-41 (30 steps at most)
    let mut req = PlanRequest::to("3.00");
    for i in 32..=41 {
        req.costs.insert(i.to_string(), "0.1".into());
    }
    let p = plan_with(&a, rb, &Options::default(), &req).unwrap();
    // 100 points: the 30 cheap steps give 82.5 (cost 3); the other 17.5 from
    // unit steps of 3 points: 6 of them (18)
    assert_eq!(p.cost_exact, "9");
    assert_eq!(p.after.index_exact, "3.005");
    assert_eq!(p.after.index_text, "3.01");
}

#[test]
fn met_already_unreachable_and_bad_requests() {
    let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
    let a = assessment("permenpanrb-59-2020", None, &all(47, 2.into()));
    let p = plan_with(&a, rb, &Options::default(), &PlanRequest::to("Cukup")).unwrap();
    assert!(p.met_already && p.steps.is_empty() && p.cost_exact == "0");
    assert_eq!(p.after, p.before);
    // everything frozen but indicator 1 (1.30 points a step, 3 steps): 2.039 at best
    let mut req = PlanRequest::to("Baik");
    req.frozen = (2..=47).map(|i| i.to_string()).collect();
    let e = plan_with(&a, rb, &Options::default(), &req).unwrap_err();
    assert_eq!(e.code(), "unreachable_target");
    assert!(e.to_string().contains("2.04 (Cukup)"), "{e}");
    // a cap: with 42-47 at most 4, Baik needs more of the 2.75 steps
    let mut req = PlanRequest::to("Baik");
    for i in 42..=47 {
        req.max_levels.insert(i.to_string(), 4.into());
    }
    let p = plan_with(&a, rb, &Options::default(), &req).unwrap();
    // 12 steps of 3 (36), then 24 / 2.75 = 8.7 -> 9 steps of 2.75: 21 steps
    assert_eq!(p.cost_exact, "21");
    assert!(
        p.steps
            .iter()
            .all(|s| s.to.text() != "5"
                || !(42..=47).map(|i| i.to_string()).any(|i| i == s.indicator))
    );
    for (req, code) in [
        (PlanRequest::to("Bagus"), "invalid_options"),
        (PlanRequest::to("2.555"), "invalid_options"),
        (
            PlanRequest {
                frozen: vec!["48".into()],
                ..PlanRequest::to("Baik")
            },
            "unknown_indicator",
        ),
        (
            PlanRequest {
                costs: [("1".to_owned(), serde_json::json!(-1))].into(),
                ..PlanRequest::to("Baik")
            },
            "invalid_options",
        ),
        (
            PlanRequest {
                max_levels: [("1".to_owned(), serde_json::json!(6))].into(),
                ..PlanRequest::to("Baik")
            },
            "level_out_of_range",
        ),
    ] {
        assert_eq!(
            plan_with(&a, rb, &Options::default(), &req)
                .unwrap_err()
                .code(),
            code,
            "{req:?}"
        );
    }
}

/// 2018, every indicator at 2 and indicator 35 with three services at 2.
/// Aspect 7 (20 % of the index) averages indicators 32-34 and the three
/// services: one service level adds 20 % / 6 = 1/30 to the index. 2.05
/// reported needs 2.045 exact: two service levels (2.0667), both on the
/// first service (ties go to the earlier item).
#[test]
fn services_of_2018_are_raised_one_by_one() {
    let rb = spbe_core::builtin("permenpanrb-5-2018").unwrap();
    let mut levels = all(35, 2.into());
    levels[34].1 = serde_json::json!([2, 2, 2]);
    let a = assessment("permenpanrb-5-2018", None, &levels);
    let mut req = PlanRequest::to("2.05");
    req.frozen = (1..=34).map(|i| i.to_string()).collect();
    let p = plan_with(&a, rb, &Options::default(), &req).unwrap();
    assert_eq!(
        steps(&p),
        vec![("35".to_owned(), Some(1), "2".to_owned(), "4".to_owned())]
    );
    assert_eq!(p.after.index_text, "2.07");
    let after = p
        .levels_after
        .get(&spbe_core::IndicatorId::from("35"))
        .unwrap();
    assert_eq!(
        after.items().iter().map(|v| v.text()).collect::<Vec<_>>(),
        ["4", "2", "2"]
    );
}

/// 8/2026: a step goes to the next whole number, so 2.4 -> 3 gains less than
/// 3 -> 4, and the plan is found by the dynamic programme.
#[test]
fn continuous_values_rise_to_whole_numbers() {
    let rb = spbe_core::builtin("permenpanrb-8-2026").unwrap();
    let n = rb.indicator_ids().len();
    let a = assessment("permenpanrb-8-2026", Some(2026), &all(n, "2.4".into()));
    let p = plan_with(&a, rb, &Options::default(), &PlanRequest::to("Baik")).unwrap();
    assert_eq!(p.method, "dynamic_programming");
    assert!(p
        .steps
        .iter()
        .all(|s| s.from.text() == "2.4" && s.to.as_int().is_some()));
    assert_eq!(p.after.predicate, "Baik");
    assert_eq!(p.before.predicate, "Cukup");
}

/// Under `renormalize` the missing indicators stay missing; under `lowest`
/// they start from the lowest level and may be raised.
#[test]
fn missing_policies() {
    let rb = spbe_core::builtin("permenpanrb-59-2020").unwrap();
    let mut levels = all(47, 2.into());
    levels.retain(|(k, _)| k != "47");
    let a = assessment("permenpanrb-59-2020", None, &levels);
    let renorm = Options {
        missing: MissingPolicy::Renormalize,
        ..Options::default()
    };
    let p = plan_with(&a, rb, &renorm, &PlanRequest::to("Baik")).unwrap();
    assert!(p.steps.iter().all(|s| s.indicator != "47"));
    assert_eq!(p.after.predicate, "Baik");
    let lowest = Options {
        missing: MissingPolicy::Lowest,
        ..Options::default()
    };
    let p = plan_with(&a, rb, &lowest, &PlanRequest::to("Baik")).unwrap();
    let s47 = p.steps.iter().find(|s| s.indicator == "47").unwrap();
    assert_eq!(
        (s47.from.text(), s47.to.text()),
        ("1".to_owned(), "5".to_owned())
    );
    assert_eq!(p.after.predicate, "Baik");
    assert!(
        plan_with(&a, rb, &Options::default(), &PlanRequest::to("Baik"))
            .is_err_and(|e| e.code() == "missing_indicator")
    );
}

/// xorshift: reproducible cases without a dependency.
#[cfg(test)]
struct Rng(u64);

#[cfg(test)]
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Random assessments with a few free indicators, random costs (zero,
/// integers, decimals), caps and targets: the plan is what brute force over
/// every combination finds, each combination scored by `score_with` itself.
/// The order of preference is the documented one: nothing when the target is
/// met already; else least cost, then the highest index, then the most steps
/// on earlier indicators.
#[test]
fn plans_equal_brute_force() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let editions = [
        "permenpanrb-59-2020",
        "permenpanrb-8-2026",
        "permenpanrb-5-2018",
    ];
    let mut checked = 0;
    let mut methods = std::collections::BTreeSet::new();
    for case in 0..200 {
        let id = editions[case % editions.len()];
        let rb = spbe_core::builtin(id).unwrap();
        let ids = rb.indicator_ids();
        let (lo, hi) = rb.level_range();
        let continuous = id.ends_with("2026");
        let levels: Vec<(String, serde_json::Value)> = ids
            .iter()
            .map(|i| {
                let whole = lo as u64 + rng.below(u64::from(hi - lo) + 1);
                let v = if continuous && whole < u64::from(hi) && rng.below(2) == 0 {
                    serde_json::Value::String(format!("{whole}.{}", 1 + rng.below(99)))
                } else {
                    whole.into()
                };
                (i.to_string(), v)
            })
            .collect();
        let year = [None, Some(2023), Some(2024)][rng.below(3) as usize];
        let a = assessment(id, year, &levels);
        let free: Vec<String> = {
            let mut f = Vec::new();
            while f.len() < 4 {
                let k = ids[rng.below(ids.len() as u64) as usize].to_owned();
                if !f.contains(&k) {
                    f.push(k);
                }
            }
            f.sort_by_key(|k| rb.position(k));
            f
        };
        let mut req = PlanRequest::to("x");
        req.frozen = ids
            .iter()
            .filter(|i| !free.contains(&i.to_string()))
            .map(|i| i.to_string())
            .collect();
        for f in &free {
            let c = match rng.below(4) {
                0 => serde_json::json!(1),
                1 => serde_json::json!(rng.below(4)),
                2 => serde_json::json!(format!("{}.{}", rng.below(3), rng.below(10))),
                _ => serde_json::json!(2),
            };
            req.costs.insert(f.clone(), c);
            if rng.below(4) == 0 {
                req.max_levels.insert(f.clone(), serde_json::json!(hi - 1));
            }
        }
        let opts = Options::default();
        let now = score_with(&a, rb, &opts).unwrap();
        // a target a little above the current index
        let bump = 1 + rng.below(12) as i128;
        let t = (now.exact.round2().unwrap().0 + bump).min(500);
        req.to = if rng.below(2) == 0 {
            serde_json::json!(format!("{}.{:02}", t / 100, t % 100))
        } else {
            let b = (now.band + 1).min(rb.predicates().len() - 1);
            serde_json::json!(rb.predicates()[b].name)
        };
        let planned = plan_with(&a, rb, &opts, &req);
        let brute = brute_force(&a, rb, &opts, &req, &free);
        match (planned, brute) {
            (Err(e), None) => assert_eq!(e.code(), "unreachable_target", "case {case}"),
            (Ok(p), Some((cost, index, choice))) => {
                assert_eq!(p.cost_exact, cost, "case {case}: {req:?}");
                assert_eq!(p.after.index_exact, index, "case {case}: {req:?}");
                let mut got: Vec<(String, u32)> = p
                    .steps
                    .iter()
                    .map(|s| (s.indicator.clone(), s.steps))
                    .collect();
                got.sort();
                let mut want = choice;
                want.sort();
                assert_eq!(got, want, "case {case}: {req:?}");
                methods.insert(p.method);
                checked += 1;
            }
            (p, b) => panic!("case {case}: planner {p:?}, brute force {b:?}"),
        }
    }
    assert!(checked > 100, "{checked}");
    assert_eq!(methods.len(), 2, "{methods:?}");
}

/// Every combination of rises of the free indicators (services of 2018's
/// indicator 35 each on their own), scored for real. Returns the best
/// (cost, exact index, steps per raised indicator).
#[cfg(test)]
#[allow(clippy::type_complexity)]
fn brute_force(
    a: &Assessment,
    rb: &spbe_core::Rubric,
    opts: &Options,
    req: &PlanRequest,
    free: &[String],
) -> Option<(String, String, Vec<(String, u32)>)> {
    use spbe_core::{value::Value, Level, Ratio};
    let levels = a.levels.clone().unwrap();
    let (_, hi) = rb.level_range();
    // the slots: (indicator, item, from)
    let mut slots = Vec::new();
    for f in free {
        let l = levels.get(&spbe_core::IndicatorId::new(f)).unwrap();
        for (k, v) in l.items().iter().enumerate() {
            slots.push((
                f.clone(),
                matches!(l, Level::Many(_)).then_some(k),
                v.ratio(),
            ));
        }
    }
    let cap = |f: &str| -> i128 {
        req.max_levels
            .get(f)
            .and_then(|v| v.as_i64())
            .map_or(i128::from(hi), i128::from)
    };
    let cost_of = |f: &str| -> Ratio {
        match req.costs.get(f) {
            Some(serde_json::Value::String(s)) => Ratio::parse_decimal(s).unwrap(),
            Some(v) => Ratio::int(i128::from(v.as_i64().unwrap())),
            None => Ratio::int(1),
        }
    };
    // the whole numbers each slot may go to
    let options: Vec<Vec<i128>> = slots
        .iter()
        .map(|(f, _, from)| {
            let first = from.numer().div_euclid(from.denom()) + 1;
            (first..=cap(f)).collect()
        })
        .collect();
    let target_band = rb
        .predicates()
        .iter()
        .position(|p| req.to.as_str() == Some(p.name.as_str()));
    let want_index = req
        .to
        .as_str()
        .and_then(|s| s.parse::<f64>().ok())
        .map(|t| (t * 100.0).round() as i64);
    let mut best: Option<(Ratio, Ratio, Vec<usize>, Vec<(String, u32)>)> = None;
    let mut pick = vec![0usize; slots.len()];
    loop {
        let mut lv = levels.clone();
        let mut cost = Ratio::ZERO;
        let mut raised = Vec::new();
        for (s, &k) in pick.iter().enumerate() {
            if k == 0 {
                continue;
            }
            let (f, item, _) = &slots[s];
            let to = Value::int(options[s][k - 1] as i64);
            cost = cost
                .checked_add(cost_of(f).checked_mul(Ratio::int(k as i128)).unwrap())
                .unwrap();
            raised.push((f.clone(), k as u32));
            let e = lv.get_mut(&spbe_core::IndicatorId::new(f)).unwrap();
            match (e, item) {
                (Level::Many(items), Some(i)) => items[*i] = to,
                (e, _) => *e = Level::One(to),
            }
        }
        let mut b = a.clone();
        b.levels = Some(lv);
        let r = score_with(&b, rb, opts).unwrap();
        let ok = match (target_band, want_index) {
            (Some(band), _) => r.band >= band,
            (None, Some(t)) => r.exact.round2().unwrap().0 >= i128::from(t),
            _ => unreachable!(),
        };
        if ok {
            let better = match &best {
                None => true,
                Some((c, g, p, _)) => {
                    cost < *c || (cost == *c && (r.exact > *g || (r.exact == *g && pick > *p)))
                }
            };
            if pick.iter().all(|&k| k == 0) {
                // met already: the plan is empty, whatever is free to raise
                return Some((cost.exact_string(), r.exact.exact_string(), raised));
            }
            if better {
                best = Some((cost, r.exact, pick.clone(), raised));
            }
        }
        // next combination
        let mut s = 0;
        loop {
            if s == pick.len() {
                return best.map(|(c, g, _, raised)| (c.exact_string(), g.exact_string(), raised));
            }
            if pick[s] < options[s].len() {
                pick[s] += 1;
                break;
            }
            pick[s] = 0;
            s += 1;
        }
    }
}

/// Small random rubrics (2-3 aspects, 1-2 indicators each, levels 1 to 4,
/// random integer weights, either band bound), random levels, costs and caps:
/// the plan is what brute force over every combination finds.
#[test]
fn plans_equal_brute_force_on_random_rubrics() {
    let mut rng = Rng(0x0dd5_eed5_0000_0042);
    let mut checked = 0;
    for case in 0..150 {
        let n_aspects = 2 + rng.below(2) as usize;
        let mut weights = vec![0u64; n_aspects];
        let mut left = 100u64;
        for (k, w) in weights.iter_mut().enumerate() {
            *w = if k + 1 == n_aspects {
                left
            } else {
                1 + rng.below(left - (n_aspects - k - 1) as u64)
            };
            left -= *w;
        }
        let mut aspects = Vec::new();
        let mut ids = Vec::new();
        for (a, w) in weights.iter().enumerate() {
            let n = 1 + rng.below(2);
            let n = n.min(*w); // each indicator at least 1 %
            let first = if n == 2 { 1 + rng.below(*w - 1) } else { *w };
            let inds: Vec<String> = (0..n)
                .map(|k| {
                    let id = format!("{}{}", a + 1, ["a", "b"][k as usize]);
                    ids.push(id.clone());
                    let iw = if k == 0 { first } else { w - first };
                    format!(r#"{{"id": "{id}", "name": "{id}", "weight": {iw}, "scale": "s"}}"#)
                })
                .collect();
            aspects.push(format!(
                r#"{{"id": "A{a}", "name": "A{a}", "weight": {w}, "indicators": [{}]}}"#,
                inds.join(",")
            ));
        }
        let bounds = if rng.below(2) == 0 {
            "lower_inclusive"
        } else {
            "upper_inclusive"
        };
        let json = format!(
            r#"{{"id": "r{case}", "title": "t", "status": "custom",
                "scales": [{{"id": "s", "name": "S", "levels": [{{"level": 1}}, {{"level": 2}}, {{"level": 3}}, {{"level": 4}}]}}],
                "band_bounds": "{bounds}",
                "predicates": [{{"name": "Low", "min": 1, "max": 2}}, {{"name": "Mid", "min": 2, "max": 3.25}}, {{"name": "High", "min": 3.25, "max": 4}}],
                "aspects": [{}]}}"#,
            aspects.join(",")
        );
        let rb = spbe_core::Rubric::from_json(&json)
            .unwrap_or_else(|e| panic!("case {case}: {e}\n{json}"));
        let levels: Vec<(String, serde_json::Value)> = ids
            .iter()
            .map(|i| (i.clone(), (1 + rng.below(3)).into()))
            .collect();
        let a = assessment(&format!("r{case}"), None, &levels);
        let mut req = PlanRequest::to("x");
        for i in &ids {
            let c = match rng.below(4) {
                0 => serde_json::json!(1),
                1 => serde_json::json!(rng.below(3)),
                2 => serde_json::json!(format!("{}.{}", rng.below(2), 1 + rng.below(9))),
                _ => serde_json::json!(3),
            };
            req.costs.insert(i.clone(), c);
            if rng.below(5) == 0 {
                req.max_levels.insert(i.clone(), serde_json::json!(3));
            }
        }
        let opts = Options::default();
        let now = score_with(&a, &rb, &opts).unwrap();
        req.to = if rng.below(2) == 0 {
            let t = (now.exact.round2().unwrap().0 + 1 + rng.below(80) as i128).min(400);
            serde_json::json!(format!("{}.{:02}", t / 100, t % 100))
        } else {
            serde_json::json!(["Low", "Mid", "High"][rng.below(3) as usize])
        };
        let planned = plan_with(&a, &rb, &opts, &req);
        match (planned, brute_force(&a, &rb, &opts, &req, &ids)) {
            (Err(e), None) => assert_eq!(e.code(), "unreachable_target", "case {case}"),
            (Ok(p), Some((cost, index, mut want))) => {
                assert_eq!(
                    (p.cost_exact.as_str(), p.after.index_exact.as_str()),
                    (cost.as_str(), index.as_str()),
                    "case {case}: {req:?}\n{json}"
                );
                let mut got: Vec<(String, u32)> = p
                    .steps
                    .iter()
                    .map(|s| (s.indicator.clone(), s.steps))
                    .collect();
                got.sort();
                want.sort();
                assert_eq!(got, want, "case {case}");
                checked += 1;
            }
            (p, b) => panic!("case {case}: planner {p:?}, brute force {b:?}"),
        }
    }
    assert!(checked > 80, "{checked}");
}
