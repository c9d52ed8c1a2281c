//! What the `spbe` program prints as text: reports, comparisons, rubrics.
//! Every number and name comes from spbe-core; this only lays them out.

use std::fmt::Write;

use spbe_core::options::RuleReason;
use spbe_core::rubric::BandBounds;
use spbe_core::value::Value;
use spbe_core::{Comparison, PredicateBasis, Report, Rubric};

/// Two tracks compared, indicator by indicator.
pub fn text_compare(c: &Comparison) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} {:.2} ({})  ->  {} {:.2} ({})   change {:+.2}{}",
        c.from,
        c.index_from,
        c.predicate_from,
        c.to,
        c.index_to,
        c.predicate_to,
        c.index_delta,
        if c.official {
            ""
        } else {
            "   (an estimate: indicators are missing)"
        }
    );
    if c.changes.is_empty() {
        let _ = writeln!(o, "no indicator differs");
    } else {
        let _ = writeln!(
            o,
            "\n{:>4}  {:>7}  {:>7}  {:>5}  name",
            "ind", c.from, c.to, "delta"
        );
        for ch in &c.changes {
            let _ = writeln!(
                o,
                "{:>4}  {:>7}  {:>7}  {:>5}  {}",
                ch.id,
                levels_text(&ch.from),
                levels_text(&ch.to),
                signed(&ch.delta),
                clip(&ch.name, 60)
            );
        }
    }
    o
}

/// The built-in editions, one line each.
pub fn text_rubrics(all: &[&Rubric]) -> String {
    let mut o = String::new();
    for r in all {
        let s = r.spec();
        let years = s
            .in_force
            .as_ref()
            .map(|y| {
                format!(
                    "{}-{}",
                    y.from,
                    y.to.map(|t| t.to_string()).unwrap_or_default()
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{:<22} {:<20} {:<10} {:<13} {} domains, {} aspects, {} indicators",
            s.id,
            s.short_title.clone().unwrap_or_default(),
            years,
            format!("{:?}", s.status).to_lowercase(),
            r.domains().len(),
            r.aspects().len(),
            r.indicator_ids().len()
        );
    }
    o
}

/// One indicator: names, description, question, the official texts, and the
/// criteria of each level (or value range).
pub fn text_indicator(r: &Rubric, ind: &str) -> Option<String> {
    let (dom, asp, spec) = r.indicator(ind)?;
    let mut o = String::new();
    let _ = writeln!(o, "Indikator {}: {}", spec.id, spec.name);
    if let Some(en) = &spec.name_en {
        let _ = writeln!(o, "  ({en})");
    }
    if let Some(d) = dom {
        let _ = writeln!(o, "Domain {}: {}", d.id, d.name);
    }
    let _ = writeln!(o, "Aspek {}: {}", asp.id, asp.name);
    let _ = writeln!(
        o,
        "Bobot: {} %{}",
        spec.weight,
        if spec.items.is_some() {
            " per item"
        } else {
            ""
        }
    );
    if let Some(it) = spec.items {
        let _ = writeln!(
            o,
            "Items: {} to {} (one level per reported service)",
            it.min, it.max
        );
    }
    if !spec.aliases.is_empty() {
        let _ = writeln!(o, "Juga ditulis: {}", spec.aliases.join("; "));
    }
    if let Some(q) = &spec.question {
        let _ = writeln!(o, "\nPertanyaan: {q}");
    }
    if let Some(d) = &spec.description {
        let _ = writeln!(o, "\nDeskripsi Indikator:\n{}", indent(d));
    }
    if !spec.instansi_pembina.is_empty() {
        let _ = writeln!(
            o,
            "\nInstansi Pembina:\n{}",
            indent(&spec.instansi_pembina.join("\n"))
        );
    }
    if !spec.peran_fungsi.is_empty() {
        let _ = writeln!(
            o,
            "\nPeran Fungsi di Instansi Pemerintah:\n{}",
            indent(&spec.peran_fungsi.join("\n"))
        );
    }
    if let Some(x) = &spec.external {
        let _ = writeln!(
            o,
            "\nIndeks lain: {} ({}{}){}",
            x.index,
            if x.relation == "scored_from" {
                "dinilai dari indeks ini"
            } else {
                "dirujuk"
            },
            x.agency
                .as_ref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            x.note
                .as_ref()
                .map(|n| format!("\n{}", indent(n)))
                .unwrap_or_default()
        );
        for rg in &x.ranges {
            let _ = writeln!(o, "    tingkat {}: {}", rg.level, rg.printed);
        }
    }
    for a in &spec.anomalies {
        let _ = writeln!(o, "\nCatatan (anomali teks resmi): {a}");
    }
    let scale = r.scale(&spec.scale);
    let continuous = scale.is_some_and(|s| s.continuous);
    let _ = writeln!(
        o,
        "\n{} ({}):",
        if continuous {
            "Rentang nilai"
        } else {
            "Tingkat"
        },
        scale.map(|s| s.name.as_str()).unwrap_or(&spec.scale)
    );
    // names, bounds and the criteria that apply, as the core gives them
    for v in spbe_core::ffi::level_views(r, ind).unwrap_or_default() {
        let name = v.name.map(|n| format!(" {n}")).unwrap_or_default();
        let text = match (v.criteria, v.official) {
            (Some(c), true) => c,
            (Some(c), false) => format!("{c} (summary, not official text)"),
            (None, _) => "(no criteria known for this edition)".into(),
        };
        if continuous {
            let range = match (&v.min, &v.max) {
                (Some(lo), Some(hi)) => format!(
                    "{lo} {} nilai {} {hi}",
                    if v.min_inclusive { "≤" } else { "<" },
                    if v.max_inclusive { "≤" } else { "<" }
                ),
                _ => String::new(),
            };
            let label = v.label.map(|l| format!(" ({l})")).unwrap_or_default();
            let _ = writeln!(o, "  {}{name}{label}, {range}:\n{}", v.level, indent(&text));
        } else {
            let _ = writeln!(o, "  {}{name}: {text}", v.level);
        }
    }
    Some(o)
}

fn levels_text(v: &[Value]) -> String {
    match v {
        [] => "-".into(),
        [x] => x.to_string(),
        _ => v
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join("/"),
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn signed(v: &Value) -> String {
    let t = v.text();
    if t.starts_with('-') {
        t
    } else {
        format!("+{t}")
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn opt_idx(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.2}")).unwrap_or_else(|| "-".into())
}

pub fn text_report(rep: &Report, rubric: &Rubric) -> String {
    let mut o = String::new();
    let spec = rubric.spec();
    let who = match (&rep.institution, rep.year) {
        (Some(i), Some(y)) => format!(" — {i} ({y})"),
        (Some(i), None) => format!(" — {i}"),
        (None, Some(y)) => format!(" ({y})"),
        (None, None) => String::new(),
    };
    let _ = writeln!(
        o,
        "{}{who}",
        rep.index_name.clone().unwrap_or_else(|| "Index".into())
    );
    let _ = writeln!(
        o,
        "Rubric {} ({}, {}), track: {}",
        rep.rubric,
        spec.short_title.clone().unwrap_or_default(),
        format!("{:?}", rep.rubric_status).to_lowercase(),
        rep.track
    );
    let label = rep
        .predicate_label
        .as_ref()
        .map(|l| format!(" / {l}"))
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "\n  Index     {}  {}{label}   (exact {})",
        rep.index_text, rep.predicate, rep.index_exact
    );
    let rule = &rep.predicate_rule;
    let why = match rule.reason {
        RuleReason::Option => "--predicate-basis".to_owned(),
        RuleReason::Year => format!(
            "the {} rule for {}",
            rep.rubric,
            rule.year.map(|y| y.to_string()).unwrap_or_default()
        ),
        RuleReason::EditionDefault => format!("the default of {}", rep.rubric),
    };
    let _ = writeln!(
        o,
        "  Predicate read from the {} index ({why})",
        match rule.basis {
            PredicateBasis::Exact => "exact",
            PredicateBasis::Reported => "rounded",
        }
    );
    match &rep.next_predicate {
        Some(n) => {
            let from = if n.min_inclusive {
                format!("from {:.2}", n.min)
            } else {
                format!("above {:.2}", n.min)
            };
            let _ = writeln!(o, "  Next      {} {from}: {:.2} to go", n.name, n.gap);
        }
        None => {
            let _ = writeln!(o, "  Next      (top band)");
        }
    }
    if !rep.official {
        let _ = writeln!(
            o,
            "  NOTE      not official: {} indicator(s) missing, policy {:?}: {}",
            rep.missing.len(),
            rep.options.missing,
            rep.missing.join(", ")
        );
    }
    if !rep.domains.is_empty() {
        let _ = writeln!(
            o,
            "\nDomains\n  {:>3}  {:<44} {:>6} {:>6}  predicate",
            "id", "name", "weight", "index"
        );
        for d in &rep.domains {
            let _ = writeln!(
                o,
                "  {:>3}  {:<44} {:>6.2} {:>6}  {}",
                d.id,
                clip(&d.name, 44),
                d.weight,
                opt_idx(d.index),
                d.predicate.clone().unwrap_or_default()
            );
        }
    }
    let _ = writeln!(
        o,
        "\nAspects\n  {:>3}  {:>3}  {:<44} {:>6} {:>6}  predicate",
        "id", "dom", "name", "weight", "index"
    );
    for a in &rep.aspects {
        let _ = writeln!(
            o,
            "  {:>3}  {:>3}  {:<44} {:>6.2} {:>6}  {}",
            a.id,
            a.domain.clone().unwrap_or_else(|| "-".into()),
            clip(&a.name, 44),
            a.weight,
            opt_idx(a.index),
            a.predicate.clone().unwrap_or_default()
        );
    }
    let continuous = rep.indicators.iter().any(|i| {
        rubric
            .indicator(&i.id)
            .and_then(|(_, _, s)| rubric.scale(&s.scale))
            .is_some_and(|s| s.continuous)
    });
    if continuous {
        let _ = writeln!(
            o,
            "\nIndicators (values as given)\n  {:>4}  {:>8}  {:>6}  {:>12}  name",
            "ind", "value", "weight", "contribution"
        );
        for i in &rep.indicators {
            let _ = writeln!(
                o,
                "  {:>4}  {:>8}  {:>6.2}  {:>12.4}  {}",
                i.id,
                levels_text(&i.levels),
                i.weight,
                i.contribution,
                clip(
                    rubric
                        .indicator(&i.id)
                        .map_or("", |(_, _, spec)| spec.name.as_str()),
                    60
                )
            );
        }
    }
    let top = rep.top_gains(5);
    if !top.is_empty() {
        let _ = writeln!(
            o,
            "\nLargest gains from raising one indicator by one level{}\n  {:>4}  {:>5}  {:>7}  name",
            if continuous { " (to the next whole number)" } else { "" },
            "ind", "level", "gain"
        );
        for i in top {
            let _ = writeln!(
                o,
                "  {:>4}  {:>5}  {:>+7.4}  {}",
                i.id,
                levels_text(&i.levels),
                i.gain.unwrap_or(0.0),
                clip(
                    rubric
                        .indicator(&i.id)
                        .map_or("", |(_, _, spec)| spec.name.as_str()),
                    70
                )
            );
        }
    }
    o
}

pub fn text_rubric(r: &Rubric) -> String {
    let s = r.spec();
    let mut o = String::new();
    let _ = writeln!(o, "{} — {}", s.id, s.title);
    if let Some(l) = &s.legal_basis {
        let _ = writeln!(o, "Legal basis: {l}");
    }
    let _ = writeln!(
        o,
        "Status: {:?}{}",
        s.status,
        s.status_note
            .as_ref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default()
    );
    let _ = writeln!(o, "\nPredicates:");
    let n = s.predicates.len();
    let upper_inclusive = r.band_bounds() == BandBounds::UpperInclusive;
    for (k, b) in s.predicates.iter().enumerate() {
        let (lower, upper) = match (upper_inclusive, k == 0, k + 1 == n) {
            (true, true, _) => ("<=", "<="),
            (true, false, _) => ("<", "<="),
            (false, _, true) => ("<=", "<="),
            (false, _, false) => ("<=", "<"),
        };
        let label = b
            .label
            .as_ref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {} {lower} index {upper} {}  {}{label}",
            b.min, b.max, b.name
        );
    }
    if let Some(rule) = &s.predicate_rule {
        let _ = writeln!(
            o,
            "\nPredicate read from the {} index by default{}",
            rule.default.as_str(),
            rule.years
                .iter()
                .map(|y| format!("; {}: {}", y.year, y.basis.as_str()))
                .collect::<String>()
        );
    }
    let _ = writeln!(o, "\nStructure (weights in % of the index):");
    let mut last_dom = None;
    for (dom, asp) in r.aspects() {
        if let Some(d) = dom {
            if last_dom != Some(&d.id) {
                let _ = writeln!(o, "Domain {} {} [{}]", d.id, d.name, d.weight);
                last_dom = Some(&d.id);
            }
        }
        let _ = writeln!(o, "  Aspek {} {} [{}]", asp.id, asp.name, asp.weight);
        for i in &asp.indicators {
            let rep = i
                .items
                .map(|it| format!(" x{}..{} items", it.min, it.max))
                .unwrap_or_default();
            let _ = writeln!(o, "    {:>3}. {} [{}{rep}]", i.id, i.name, i.weight);
        }
    }
    o
}

pub fn text_plan(p: &spbe_core::Plan, rubric: &Rubric) -> String {
    let mut o = String::new();
    let target = match &p.target.index {
        Some(i) => format!("index {i} (reported)"),
        None => p.target.predicate.clone(),
    };
    let _ = writeln!(
        o,
        "Plan to {target} — rubric {}, track {}",
        p.rubric, p.track
    );
    let _ = writeln!(
        o,
        "\n  Now       {}  {}   (exact {})",
        p.before.index_text, p.before.predicate, p.before.index_exact
    );
    let _ = writeln!(
        o,
        "  Target    exact index {} {}   (predicate rule: {})",
        if p.target.inclusive { ">=" } else { ">" },
        p.target.threshold,
        format!("{:?}", p.target.basis).to_lowercase()
    );
    if p.met_already {
        let _ = writeln!(o, "\n  The target is met already: nothing to raise.");
        return o;
    }
    let _ = writeln!(
        o,
        "\nRaise\n  {:>4}  {:>7}  {:>9}  {:>8}  {:>8}  name",
        "ind", "service", "level", "cost", "gain"
    );
    for s in &p.steps {
        let _ = writeln!(
            o,
            "  {:>4}  {:>7}  {:>9}  {:>8}  {:>+8.4}  {}",
            s.indicator,
            s.item.map_or_else(|| "-".into(), |i| i.to_string()),
            format!("{} -> {}", s.from, s.to),
            s.cost_exact,
            s.gain,
            clip(
                rubric
                    .indicator(&s.indicator)
                    .map_or("", |(_, _, spec)| spec.name.as_str()),
                56
            )
        );
    }
    let _ = writeln!(
        o,
        "\n  Total cost {} for {} step(s) ({}, an exact optimum)",
        p.cost_exact,
        p.steps.iter().map(|s| s.steps).sum::<u32>(),
        p.method.replace('_', " ")
    );
    let label = p
        .after
        .predicate_label
        .as_ref()
        .map(|l| format!(" / {l}"))
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "  After     {}  {}{label}   (exact {})",
        p.after.index_text, p.after.predicate, p.after.index_exact
    );
    o
}
