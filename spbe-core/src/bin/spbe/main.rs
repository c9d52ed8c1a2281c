//! `spbe`: score SPBE / Indeks Pemerintah Digital assessments from the command line.
//!
//! Exit status: 0 on success, 1 on invalid input (message on stderr), 2 on usage errors.

mod render;

use std::io::Write as _;

use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use spbe_core::error::Lang;
use spbe_core::{Error, MissingPolicy, Options, PredicateBasis, Rubric, Track};

/// Writes to stdout. A closed pipe (`spbe ... | head`) ends the program
/// quietly with status 141, as Unix tools that die of SIGPIPE do; any other
/// write error (a full disk) is an `io_error` and status 1. Never a panic.
fn write_stdout(text: &str) -> Result<(), Error> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(141),
        Err(e) => Err(Error::Output {
            message: e.to_string(),
        }),
    }
}

macro_rules! out {
    ($($arg:tt)*) => { write_stdout(&format!($($arg)*))? };
}

macro_rules! outln {
    ($($arg:tt)*) => { write_stdout(&format!("{}\n", format!($($arg)*)))? };
}

#[derive(Parser)]
#[command(
    name = "spbe",
    version,
    about = "Exact SPBE / Digital Government maturity index (PermenPANRB 5/2018, 59/2020, 8/2026)"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    /// Language: of error messages and problem lists (default en, or the
    /// SPBE_LANG environment variable), and of the `report` document
    /// (default id). id: Bahasa Indonesia, en: English.
    #[arg(long, value_enum, global = true)]
    lang: Option<Lang>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Output of `spbe report`: HTML only. For a PDF, print the HTML from a
/// browser (A4), or headless: `chromium --headless --print-to-pdf=out.pdf file.html`.
#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Html,
}

#[derive(clap::Args)]
struct ScoreOpts {
    /// Track to score: levels, mandiri, dokumen, interviu, visitasi, target, final.
    #[arg(long)]
    track: Option<String>,
    /// Missing-indicator policy (only `error` is official).
    #[arg(long, value_enum, default_value = "error")]
    missing: MissingPolicy,
    /// What the predicate is read from; default: the edition's rule for the
    /// assessment's year (59/2020: 2023 reported, 2024 exact), else its default (exact).
    #[arg(long, value_enum)]
    predicate_basis: Option<PredicateBasis>,
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
    /// The cheapest rises of levels that reach a target predicate or index.
    Plan {
        input: String,
        /// The target: a predicate (`Baik`) or a reported index (`3.00`).
        #[arg(long)]
        to: String,
        /// JSON file of costs per one-level step, e.g. `{"12": 3, "30": 1.5}` (default 1 each).
        #[arg(long, value_name = "JSON_FILE")]
        costs: Option<String>,
        /// JSON file of the highest level allowed per indicator, e.g. `{"12": 4}`.
        #[arg(long, value_name = "JSON_FILE")]
        max_levels: Option<String>,
        /// Indicators that must not change (comma-separated ids).
        #[arg(long, value_delimiter = ',')]
        freeze: Vec<String>,
        #[command(flatten)]
        opts: ScoreOpts,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// The evaluation report (Laporan Hasil Evaluasi) as one self-contained HTML page.
    ///
    /// Prints to stdout one HTML document (inline CSS and chart, no network
    /// access): index and predicate, domains and aspects, strengths and
    /// weaknesses, every indicator against its target (the target track, else
    /// level 3), the plan to the next predicate, notes and evidence, and a
    /// signature block. For a PDF, open it in a browser and print to A4, or:
    /// `chromium --headless --print-to-pdf=out.pdf report.html`.
    Report {
        /// The assessment: a JSON file, `-` for stdin, or a compact vector.
        input: String,
        #[command(flatten)]
        opts: ScoreOpts,
        /// Only `html`; print it to PDF from a browser. Its language is
        /// `--lang`: id (Bahasa Indonesia, decimal comma; the default) or
        /// en (English).
        #[arg(long, value_enum, default_value = "html")]
        format: ReportFormat,
        /// Report date, YYYY-MM-DD (default: a blank line to fill in).
        #[arg(long)]
        date: Option<String>,
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
    // usage errors exit with status 2; a bad option value also names the
    // code the bindings give for it
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::InvalidValue => {
            let text = e.to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            let _ = write!(std::io::stderr(), "spbe: error [invalid_options]: {text}");
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    // the language of messages: --lang, else SPBE_LANG, else English
    let lang = match (cli.lang, std::env::var("SPBE_LANG")) {
        (Some(l), _) => l,
        (None, Ok(v)) if !v.is_empty() => match v.parse::<Lang>() {
            Ok(l) => l,
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "spbe: error [{}]: SPBE_LANG: {e}",
                    e.code()
                );
                return ExitCode::from(2);
            }
        },
        _ => Lang::En,
    };
    match run(cli, lang) {
        Ok(code) => code,
        Err(e) => {
            // a closed or full stderr is not worth a panic
            let _ = writeln!(
                std::io::stderr(),
                "spbe: error [{}]: {}",
                e.code(),
                e.message_in(lang)
            );
            ExitCode::from(1)
        }
    }
}

fn read_input(input: &str) -> Result<String, Error> {
    if input == "-" {
        return spbe_core::input::read_all_limited(std::io::stdin(), "stdin");
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
    let opts = Options {
        track: o.track.as_deref().map(str::parse::<Track>).transpose()?,
        missing: o.missing,
        predicate_basis: o.predicate_basis,
        year: o.year,
    };
    opts.check()?;
    Ok(opts)
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
/// Runs a command; `lang` is the language of messages.
fn run(cli: Cli, lang: Lang) -> Result<ExitCode, Error> {
    // the report is an Indonesian document unless --lang says otherwise
    let document = cli.lang.unwrap_or(Lang::Id);
    match cli.cmd {
        Cmd::Score {
            input,
            opts,
            format,
        } => score(&input, &opts, format),
        Cmd::Validate {
            input,
            opts,
            format,
        } => validate(&input, &opts, format, lang),
        Cmd::Vector { input, rubric } => vector(&input, &rubric),
        Cmd::Json { input, rubric } => json(&input, &rubric),
        Cmd::Compare {
            input,
            from,
            to,
            opts,
            format,
        } => compare(&input, &from, &to, &opts, format),
        Cmd::Plan {
            input,
            to,
            costs,
            max_levels,
            freeze,
            opts,
            format,
        } => plan(&input, &to, &costs, &max_levels, freeze, &opts, format),
        Cmd::Report {
            input,
            opts,
            format: ReportFormat::Html,
            date,
        } => report(&input, &opts, document, date.as_deref()),
        Cmd::Rubrics { format } => rubrics(format),
        Cmd::Rubric {
            id,
            indicator,
            format,
        } => rubric(&id, indicator.as_deref(), format),
    }
}

fn score(input: &str, opts: &ScoreOpts, format: Format) -> Result<ExitCode, Error> {
    let custom = load_rubric(&opts.rubric)?;
    let report = spbe_core::score_text(&read_input(input)?, custom.as_ref(), &options(opts)?)?;
    let rubric = resolve_rubric(&custom, &report.rubric)?;
    match format {
        Format::Json => outln!("{}", to_json(&report)),
        Format::Text => out!("{}", render::text_report(&report, rubric)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The LHE-style report as HTML on stdout (see `spbe_core::lhe`).
fn report(
    input: &str,
    opts: &ScoreOpts,
    lang: Lang,
    date: Option<&str>,
) -> Result<ExitCode, Error> {
    let custom = load_rubric(&opts.rubric)?;
    let a = spbe_core::parse_text(&read_input(input)?, custom.as_ref())?;
    let r = resolve_rubric(&custom, &a.rubric)?;
    out!(
        "{}",
        spbe_core::lhe::render_html(&a, r, &options(opts)?, lang, date)?
    );
    Ok(ExitCode::SUCCESS)
}

/// A JSON object of indicator -> number from a file.
fn number_map(
    path: &Option<String>,
    what: &str,
) -> Result<std::collections::BTreeMap<String, serde_json::Value>, Error> {
    let Some(p) = path else {
        return Ok(Default::default());
    };
    let text = spbe_core::read_limited(Path::new(p))?;
    serde_json::from_str(&text).map_err(|e| Error::InvalidOptions {
        message: format!("{what} file {p}: {e}; expected an object such as {{\"12\": 3}}"),
    })
}

fn plan(
    input: &str,
    to: &str,
    costs: &Option<String>,
    max_levels: &Option<String>,
    frozen: Vec<String>,
    opts: &ScoreOpts,
    format: Format,
) -> Result<ExitCode, Error> {
    let custom = load_rubric(&opts.rubric)?;
    let target = match serde_json::from_str::<serde_json::Value>(to.trim()) {
        Ok(n @ serde_json::Value::Number(_)) => n,
        _ => serde_json::Value::String(to.to_owned()),
    };
    let req = spbe_core::PlanRequest {
        to: target,
        costs: number_map(costs, "costs")?,
        max_levels: number_map(max_levels, "max-levels")?,
        frozen,
    };
    let text = read_input(input)?;
    let plan = spbe_core::plan_text(&text, custom.as_ref(), &options(opts)?, &req)?;
    match format {
        Format::Json => outln!("{}", to_json(&plan)),
        Format::Text => out!(
            "{}",
            render::text_plan(&plan, resolve_rubric(&custom, &plan.rubric)?)
        ),
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(input: &str, opts: &ScoreOpts, format: Format, lang: Lang) -> Result<ExitCode, Error> {
    let custom = load_rubric(&opts.rubric)?;
    let o = options(opts)?;
    let text = read_input(input)?;
    let problems = spbe_core::validate_text(&text, custom.as_ref(), &o);
    match format {
        Format::Json => outln!(
            "{}",
            to_json(
                &problems
                    .iter()
                    .map(|p| p.issue_in(lang))
                    .collect::<Vec<_>>()
            )
        ),
        Format::Text if problems.is_empty() => outln!("valid"),
        Format::Text => {
            for p in &problems {
                outln!("[{}] {}", p.code(), p.message_in(lang));
            }
        }
    }
    // invalid input: status 1; the problems are listed above
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn vector(input: &str, rubric: &Option<String>) -> Result<ExitCode, Error> {
    let custom = load_rubric(rubric)?;
    outln!(
        "{}",
        spbe_core::ffi::vector_text(&read_input(input)?, custom.as_ref())?
    );
    Ok(ExitCode::SUCCESS)
}

fn json(input: &str, rubric: &Option<String>) -> Result<ExitCode, Error> {
    let custom = load_rubric(rubric)?;
    outln!(
        "{}",
        spbe_core::ffi::assessment_json(&read_input(input)?, custom.as_ref())?
    );
    Ok(ExitCode::SUCCESS)
}

fn compare(
    input: &str,
    from: &str,
    to: &str,
    opts: &ScoreOpts,
    format: Format,
) -> Result<ExitCode, Error> {
    let custom = load_rubric(&opts.rubric)?;
    let a = spbe_core::parse_text(&read_input(input)?, custom.as_ref())?;
    let r = resolve_rubric(&custom, &a.rubric)?;
    let c = spbe_core::compare(&a, r, from.parse()?, to.parse()?, &options(opts)?)?;
    match format {
        Format::Json => outln!("{}", to_json(&c)),
        Format::Text => out!("{}", render::text_compare(&c)),
    }
    Ok(ExitCode::SUCCESS)
}

fn rubrics(format: Format) -> Result<ExitCode, Error> {
    let all = spbe_core::builtins()?;
    match format {
        Format::Json => {
            let list: Vec<_> = all.iter().map(|r| r.summary()).collect();
            outln!("{}", to_json(&list));
        }
        Format::Text => out!("{}", render::text_rubrics(&all)),
    }
    Ok(ExitCode::SUCCESS)
}

fn rubric(id: &str, indicator: Option<&str>, format: Format) -> Result<ExitCode, Error> {
    let owned;
    let r: &Rubric = if Path::new(id).is_file() {
        owned = Rubric::from_path(id)?;
        &owned
    } else {
        spbe_core::builtin(id)?
    };
    let unknown = |ind: &str| Error::UnknownIndicator {
        indicator: ind.to_owned(),
        rubric: r.id().to_owned(),
        place: "the command line".into(),
        valid: r.valid_ids_text(),
    };
    match (indicator, format) {
        (None, Format::Json) => outln!("{}", to_json(r)),
        (None, Format::Text) => out!("{}", render::text_rubric(r)),
        (Some(ind), Format::Json) => {
            let (_, _, spec) = r.indicator(ind).ok_or_else(|| unknown(ind))?;
            outln!("{}", to_json(spec));
        }
        (Some(ind), Format::Text) => {
            out!(
                "{}",
                render::text_indicator(r, ind).ok_or_else(|| unknown(ind))?
            )
        }
    }
    Ok(ExitCode::SUCCESS)
}
