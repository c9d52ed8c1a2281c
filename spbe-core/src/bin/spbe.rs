//! `spbe`: score SPBE / Indeks Pemerintah Digital assessments from the command line.
//!
//! Exit status: 0 on success, 1 on invalid input (message on stderr), 2 on usage errors.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use spbe_core::value::Value;
use spbe_core::{Error, MissingPolicy, Options, PredicateBasis, Report, Rubric, Track};

#[derive(Parser)]
#[command(
    name = "spbe",
    version,
    about = "Exact SPBE / Digital Government maturity index (PermenPANRB 5/2018, 59/2020, 8/2026)"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Missing {
    /// Official: a missing indicator is an error.
    Error,
    /// Non-official: count a missing indicator as the lowest level.
    Lowest,
    /// Non-official: leave missing indicators out and renormalise the weights.
    Renormalize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Basis {
    /// Predicate from the reported 2-decimal value.
    Reported,
    /// Predicate from the exact value.
    Exact,
}

#[derive(clap::Args)]
struct ScoreOpts {
    /// Track to score: levels, mandiri, dokumen, interviu, visitasi, target, final.
    #[arg(long)]
    track: Option<String>,
    /// Missing-indicator policy (only `error` is official).
    #[arg(long, value_enum, default_value = "error")]
    missing: Missing,
    /// What the predicate is read from; default: the edition's rule for the
    /// assessment's year (59/2020: 2023 reported, 2024 exact), else its default (exact).
    #[arg(long, value_enum)]
    predicate_basis: Option<Basis>,
    /// Evaluation year for an assessment without `year` (selects the predicate rule).
    #[arg(long)]
    year: Option<i64>,
    /// Use a rubric file instead of the built-in edition named in the assessment.
    #[arg(long, value_name = "RUBRIC_FILE")]
    rubric: Option<String>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Score an assessment (JSON file, `-` for stdin, or a compact vector).
    Score {
        input: String,
        #[command(flatten)]
        opts: ScoreOpts,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Check an assessment and list every problem found.
    Validate {
        input: String,
        #[command(flatten)]
        opts: ScoreOpts,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print the compact vector (URL-safe text form) of an assessment.
    Vector {
        input: String,
        #[arg(long, value_name = "RUBRIC_FILE")]
        rubric: Option<String>,
    },
    /// Print an assessment (JSON file, stdin or vector) as JSON.
    Json {
        input: String,
        #[arg(long, value_name = "RUBRIC_FILE")]
        rubric: Option<String>,
    },
    /// Compare two tracks indicator by indicator (e.g. `mandiri final`).
    Compare {
        input: String,
        from: String,
        to: String,
        #[command(flatten)]
        opts: ScoreOpts,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// List the built-in rubric editions.
    Rubrics {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Show a rubric's structure, or one indicator's question and level criteria.
    Rubric {
        /// A built-in edition id or a rubric JSON file.
        id: String,
        indicator: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse(); // usage errors exit with status 2
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("spbe: error [{}]: {e}", e.code());
            ExitCode::from(1)
        }
    }
}

fn read_input(input: &str) -> Result<String, Error> {
    if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(spbe_core::MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::Io {
                path: "stdin".into(),
                message: e.to_string(),
            })?;
        if buf.len() > spbe_core::MAX_INPUT_BYTES {
            return Err(Error::InputTooLarge {
                size: buf.len(),
                limit: spbe_core::MAX_INPUT_BYTES,
            });
        }
        return String::from_utf8(buf).map_err(|_| Error::Io {
            path: "stdin".into(),
            message: "not UTF-8 text".into(),
        });
    }
    if spbe_core::is_vector(input) && !Path::new(input).exists() {
        return Ok(input.to_owned());
    }
    spbe_core::read_limited(Path::new(input))
}

fn load_rubric(arg: &Option<String>) -> Result<Option<Rubric>, Error> {
    arg.as_ref().map(Rubric::from_path).transpose()
}

fn options(o: &ScoreOpts) -> Result<Options, Error> {
    Ok(Options {
        track: o.track.as_deref().map(str::parse::<Track>).transpose()?,
        missing: match o.missing {
            Missing::Error => MissingPolicy::Error,
            Missing::Lowest => MissingPolicy::Lowest,
            Missing::Renormalize => MissingPolicy::Renormalize,
        },
        predicate_basis: o.predicate_basis.map(|b| match b {
            Basis::Reported => PredicateBasis::Reported,
            Basis::Exact => PredicateBasis::Exact,
        }),
        year: o.year,
    })
}

fn resolve_rubric<'a>(custom: &'a Option<Rubric>, id: &str) -> Result<&'a Rubric, Error> {
    match custom {
        Some(r) => Ok(r),
        None => spbe_core::builtin(id),
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.cmd {
        Cmd::Score {
            input,
            opts,
            format,
        } => {
            let custom = load_rubric(&opts.rubric)?;
            let report =
                spbe_core::score_text(&read_input(&input)?, custom.as_ref(), &options(&opts)?)?;
            let rubric = resolve_rubric(&custom, &report.rubric)?;
            match format {
                Format::Json => println!("{}", to_json(&report)),
                Format::Text => print!("{}", text_report(&report, rubric)),
            }
        }
        Cmd::Validate {
            input,
            opts,
            format,
        } => {
            let custom = load_rubric(&opts.rubric)?;
            let o = options(&opts)?;
            let text = read_input(&input)?;
            let problems = spbe_core::validate_text(&text, custom.as_ref(), &o);
            match format {
                Format::Json => println!(
                    "{}",
                    to_json(&problems.iter().map(Error::issue).collect::<Vec<_>>())
                ),
                Format::Text if problems.is_empty() => println!("valid"),
                Format::Text => {
                    for p in &problems {
                        println!("[{}] {p}", p.code());
                    }
                }
            }
            if !problems.is_empty() {
                // invalid input: status 1; the problems are listed above
                return Ok(ExitCode::from(1));
            }
        }
        Cmd::Vector { input, rubric } => {
            let custom = load_rubric(&rubric)?;
            let a = spbe_core::parse_input_with(&read_input(&input)?, custom.as_ref())?;
            let r = resolve_rubric(&custom, &a.rubric)?;
            println!("{}", spbe_core::to_vector(&a, r)?);
        }
        Cmd::Json { input, rubric } => {
            let custom = load_rubric(&rubric)?;
            let a = spbe_core::parse_input_with(&read_input(&input)?, custom.as_ref())?;
            println!("{}", a.to_json());
        }
        Cmd::Compare {
            input,
            from,
            to,
            opts,
            format,
        } => {
            let custom = load_rubric(&opts.rubric)?;
            let a = spbe_core::parse_input_with(&read_input(&input)?, custom.as_ref())?;
            let r = resolve_rubric(&custom, &a.rubric)?;
            let c = spbe_core::compare(&a, r, from.parse()?, to.parse()?, &options(&opts)?)?;
            match format {
                Format::Json => println!("{}", to_json(&c)),
                Format::Text => {
                    println!(
                        "{} {:.2} ({})  ->  {} {:.2} ({})   change {:+.2}",
                        c.from,
                        c.index_from,
                        c.predicate_from,
                        c.to,
                        c.index_to,
                        c.predicate_to,
                        c.index_delta
                    );
                    if c.changes.is_empty() {
                        println!("no indicator differs");
                    } else {
                        println!(
                            "\n{:>4}  {:>7}  {:>7}  {:>5}  name",
                            "ind", c.from, c.to, "delta"
                        );
                        for ch in &c.changes {
                            println!(
                                "{:>4}  {:>7}  {:>7}  {:>5}  {}",
                                ch.id,
                                levels_text(&ch.from),
                                levels_text(&ch.to),
                                signed(&ch.delta),
                                clip(&ch.name, 60)
                            );
                        }
                    }
                }
            }
        }
        Cmd::Rubrics { format } => {
            let all = spbe_core::builtins()?;
            match format {
                Format::Json => {
                    let list: Vec<_> = all.iter().map(|r| r.summary()).collect();
                    println!("{}", to_json(&list));
                }
                Format::Text => {
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
                        println!(
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
                }
            }
        }
        Cmd::Rubric {
            id,
            indicator,
            format,
        } => {
            let owned;
            let r: &Rubric = if Path::new(&id).is_file() {
                owned = Rubric::from_path(&id)?;
                &owned
            } else {
                spbe_core::builtin(&id)?
            };
            match (indicator, format) {
                (None, Format::Json) => println!("{}", to_json(r)),
                (None, Format::Text) => print!("{}", text_rubric(r)),
                (Some(ind), f) => {
                    let (dom, asp, spec) =
                        r.indicator(&ind).ok_or_else(|| Error::UnknownIndicator {
                            indicator: ind.clone(),
                            rubric: r.id().to_owned(),
                            place: "the command line".into(),
                            valid: r.indicator_ids().join(", "),
                        })?;
                    match f {
                        Format::Json => println!("{}", to_json(spec)),
                        Format::Text => {
                            println!("Indikator {}: {}", spec.id, spec.name);
                            if let Some(en) = &spec.name_en {
                                println!("  ({en})");
                            }
                            if let Some(d) = dom {
                                println!("Domain {}: {}", d.id, d.name);
                            }
                            println!("Aspek {}: {}", asp.id, asp.name);
                            println!(
                                "Bobot: {} %{}",
                                spec.weight,
                                if spec.items.is_some() {
                                    " per item"
                                } else {
                                    ""
                                }
                            );
                            if let Some(it) = spec.items {
                                println!(
                                    "Items: {} to {} (one level per reported service)",
                                    it.min, it.max
                                );
                            }
                            if !spec.aliases.is_empty() {
                                println!("Juga ditulis: {}", spec.aliases.join("; "));
                            }
                            if let Some(q) = &spec.question {
                                println!("\nPertanyaan: {q}");
                            }
                            if let Some(d) = &spec.description {
                                println!("\nDeskripsi Indikator:\n{}", indent(d));
                            }
                            if !spec.instansi_pembina.is_empty() {
                                println!(
                                    "\nInstansi Pembina:\n{}",
                                    indent(&spec.instansi_pembina.join("\n"))
                                );
                            }
                            if !spec.peran_fungsi.is_empty() {
                                println!(
                                    "\nPeran Fungsi di Instansi Pemerintah:\n{}",
                                    indent(&spec.peran_fungsi.join("\n"))
                                );
                            }
                            if let Some(x) = &spec.external {
                                println!(
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
                                    println!("    tingkat {}: {}", rg.level, rg.printed);
                                }
                            }
                            for a in &spec.anomalies {
                                println!("\nCatatan (anomali teks resmi): {a}");
                            }
                            let scale = r.scale(&spec.scale);
                            let continuous = scale.is_some_and(|s| s.continuous);
                            println!(
                                "\n{} ({}):",
                                if continuous {
                                    "Rentang nilai"
                                } else {
                                    "Tingkat"
                                },
                                scale.map(|s| s.name.as_str()).unwrap_or(&spec.scale)
                            );
                            let upper =
                                r.band_bounds() == spbe_core::rubric::BandBounds::UpperInclusive;
                            for (k, lv) in scale
                                .map(|s| s.levels.as_slice())
                                .unwrap_or(&[])
                                .iter()
                                .enumerate()
                            {
                                let name =
                                    lv.name.clone().map(|n| format!(" {n}")).unwrap_or_default();
                                let text = spec
                                    .criteria
                                    .as_ref()
                                    .and_then(|c| c.get(k).cloned())
                                    .or_else(|| lv.criteria.clone())
                                    .or_else(|| {
                                        lv.summary_en
                                            .clone()
                                            .map(|s| format!("{s} (summary, not official text)"))
                                    })
                                    .unwrap_or_else(|| {
                                        "(no criteria known for this edition)".into()
                                    });
                                if continuous {
                                    let range = match (&lv.min, &lv.max) {
                                        (Some(lo), Some(hi)) if upper && k == 0 => {
                                            format!("{lo} ≤ nilai ≤ {hi}")
                                        }
                                        (Some(lo), Some(hi)) if upper => {
                                            format!("{lo} < nilai ≤ {hi}")
                                        }
                                        (Some(lo), Some(hi)) => format!("{lo} ≤ nilai < {hi}"),
                                        _ => String::new(),
                                    };
                                    let label = lv
                                        .label
                                        .as_ref()
                                        .map(|l| format!(" ({l})"))
                                        .unwrap_or_default();
                                    println!(
                                        "  {}{name}{label}, {range}:\n{}",
                                        lv.level,
                                        indent(&text)
                                    );
                                } else {
                                    println!("  {}{name}: {text}", lv.level);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
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

fn text_report(rep: &Report, rubric: &Rubric) -> String {
    use std::fmt::Write;
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
        spbe_core::options::RuleReason::Option => "--predicate-basis".to_owned(),
        spbe_core::options::RuleReason::Year => format!(
            "the {} rule for {}",
            rep.rubric,
            rule.year.map(|y| y.to_string()).unwrap_or_default()
        ),
        spbe_core::options::RuleReason::EditionDefault => format!("the default of {}", rep.rubric),
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

fn text_rubric(r: &Rubric) -> String {
    use std::fmt::Write;
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
    let upper_inclusive = r.band_bounds() == spbe_core::rubric::BandBounds::UpperInclusive;
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
