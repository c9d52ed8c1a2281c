//! The evaluation report in the shape of KemenPANRB's *Laporan Hasil Evaluasi*
//! (LHE), as one self-contained HTML document.
//!
//! [`render_html`] scores the assessment ([`crate::score_with`]), plans the
//! cheapest way to the next predicate ([`crate::plan::plan_with`], every
//! one-level rise costing the same) and lays out, in Indonesian (or English):
//! the institution, year and edition; the index with its predicate and the
//! distance to the next band; the domains and aspects with a bar chart; the
//! strongest and weakest indicators of each aspect; every indicator's level
//! against its target and the gap; the plan; notes and evidence references;
//! the options applied; a date and a signature block.
//!
//! The document has no script, no image file, no web font and no link: the
//! CSS and the SVG chart are inline, so it opens and prints offline and makes
//! no network request. Every text taken from the assessment or the rubric is
//! HTML-escaped. It is laid out for A4 paper (page breaks between the major
//! sections, table rows kept whole, table headers repeated on each page) and
//! reads in black and white (bars are hatched and labelled with their value).
//!
//! **PDF.** There is no PDF writer here: open the HTML in a browser and print
//! it to PDF (A4), or headless:
//! `chromium --headless --print-to-pdf=out.pdf file.html`.
//!
//! **Targets.** An indicator's target is its level in the assessment's
//! `target` track when it has one (the current levels with the target's
//! changes, as the core scores the target track), otherwise level 3
//! ([`DEFAULT_TARGET_LEVEL`], the default target per indicator), which
//! [`LheOptions::default_target`] can change.
//!
//! **Numbers.** In Indonesian every number is written with a decimal comma
//! (`2,67`), in English with a point (`2.67`). Levels are shown as given
//! (`2,40`, `7/3`); the index is the reported one (rounded half up to 2
//! decimals), with the exact value beside it.

use std::fmt::Write as _;

use crate::assessment::{Assessment, IndicatorId, Level};
use crate::error::{Error, Result};
use crate::options::{MissingPolicy, Options, PredicateBasis, RuleReason};
use crate::plan::{plan_with, Plan, PlanRequest};
use crate::ratio::{format_fixed, Ratio};
use crate::report::{IndicatorScore, Report};
use crate::rubric::{BandBounds, BandSpec, IndicatorSpec, Rubric, Status};
use crate::track::Track;
use crate::value::Value;

/// The default target level of every indicator (level 3) when the assessment
/// has no `target` track (or an indicator has no level in it or currently).
pub const DEFAULT_TARGET_LEVEL: u8 = 3;

/// The language of the document: the one [`Lang`](crate::error::Lang) of the
/// crate, which also writes error messages.
pub use crate::error::Lang;

/// How the document is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LheOptions<'a> {
    /// Its language.
    pub lang: Lang,
    /// The report date as `YYYY-MM-DD` (written out, e.g. "25 November
    /// 2026"); `None` leaves a line to fill in by hand.
    pub date: Option<&'a str>,
    /// The target level of an indicator that the assessment's `target` track
    /// does not give ([`DEFAULT_TARGET_LEVEL`], 3, by default).
    pub default_target: u8,
}

impl Default for LheOptions<'_> {
    fn default() -> Self {
        LheOptions {
            lang: Lang::Id,
            date: None,
            default_target: DEFAULT_TARGET_LEVEL,
        }
    }
}

/// The LHE-style report of an assessment as one self-contained HTML document
/// (see the module's documentation), with the default target level 3.
///
/// Errors are those of scoring (an invalid or incomplete assessment under
/// `opts`), and `invalid_options` for a date that is not `YYYY-MM-DD`.
pub fn render_html(
    assessment: &Assessment,
    rubric: &Rubric,
    opts: &Options,
    lang: Lang,
    date: Option<&str>,
) -> Result<String> {
    render_html_with(
        assessment,
        rubric,
        opts,
        &LheOptions {
            lang,
            date,
            ..LheOptions::default()
        },
    )
}

/// [`render_html`] with every setting, the default target level included.
pub fn render_html_with(
    assessment: &Assessment,
    rubric: &Rubric,
    opts: &Options,
    lhe: &LheOptions<'_>,
) -> Result<String> {
    let report = crate::score_with(assessment, rubric, opts)?;
    let date = lhe.date.map(parse_date).transpose()?;
    let plan = match &report.next_predicate {
        None => Outcome::Top,
        Some(next) => match plan_with(assessment, rubric, opts, &PlanRequest::to(&next.name)) {
            Ok(p) => Outcome::Planned(Box::new(p)),
            Err(Error::UnreachableTarget { best, predicate }) => {
                Outcome::Unreachable { best, predicate }
            }
            Err(e) => return Err(e),
        },
    };
    let doc = Doc {
        lang: lhe.lang,
        a: assessment,
        r: rubric,
        rep: &report,
        plan: &plan,
        date,
        default_target: Ratio::int(i128::from(lhe.default_target)),
    };
    Ok(doc.render())
}

/// What planning to the next predicate gave.
enum Outcome {
    /// The index is in the top band.
    Top,
    /// The cheapest plan.
    Planned(Box<Plan>),
    /// Out of reach: the best reachable index and its predicate.
    Unreachable { best: String, predicate: String },
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date `YYYY-MM-DD` (years 1900 to 2999), checked.
fn parse_date(s: &str) -> Result<(i64, usize, u32)> {
    let bad = || Error::InvalidOptions {
        message: format!("date {s:?}: give the report date as YYYY-MM-DD, e.g. 2026-11-25"),
    };
    let t = s.trim();
    let mut parts = t.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return Err(bad());
    }
    let y: i64 = y.parse().map_err(|_| bad())?;
    let m: usize = m.parse().map_err(|_| bad())?;
    let d: u32 = d.parse().map_err(|_| bad())?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if !crate::track::YEARS.contains(&y) || d == 0 || d > days {
        return Err(bad());
    }
    Ok((y, m, d))
}

/// HTML-escapes text for element content and quoted attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A CSS string literal: anything but plain letters, digits and spaces as a
/// CSS escape, so no text can close the string or the style element.
fn css_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            o.push(c);
        } else {
            let _ = write!(o, "\\{:x} ", u32::from(c));
        }
    }
    o.push('"');
    o
}

/// Roman numerals for the section numbers (small numbers only).
fn roman(n: usize) -> &'static str {
    const R: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    n.checked_sub(1)
        .and_then(|k| R.get(k))
        .copied()
        .unwrap_or("")
}

/// Splits a label into lines of at most about `width` characters (at spaces).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The mean of an indicator's item values (one item except 2018's indicator 35).
fn mean(values: &[Value]) -> Option<Ratio> {
    let n = i128::try_from(values.len()).ok().filter(|n| *n > 0)?;
    values
        .iter()
        .try_fold(Ratio::ZERO, |acc, v| acc.checked_add(v.ratio()))?
        .checked_div(Ratio::int(n))
}

const STYLE: &str = r#"
:root { color: #000; background: #fff; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif; font-size: 9.5pt; line-height: 1.3; margin: 0; }
main { max-width: 182mm; margin: 0 auto; }
@media screen { html { background: #e6e6e6; } main { background: #fff; padding: 15mm 15mm 17mm 18mm; margin: 8mm auto; max-width: 210mm; box-shadow: 0 0 3mm rgba(0,0,0,.25); } section.page { margin-top: 12mm; padding-top: 8mm; border-top: 1px dashed #808080; } }
@media screen and (max-width: 220mm) { main { margin: 0 auto; box-shadow: none; } }
@page { size: A4; margin: 15mm 15mm 17mm 18mm; }
@media print { main { max-width: none; padding: 0; margin: 0; } }
h1, h2, h3 { font-weight: bold; margin: 0; }
.kop { text-align: center; border-bottom: 2.5pt double #000; padding-bottom: 2.5mm; margin-bottom: 3.5mm; }
.kop h1 { font-size: 14pt; letter-spacing: .04em; line-height: 1.3; }
.kop .inst { font-size: 12pt; font-weight: bold; margin-top: 1.5mm; text-transform: uppercase; }
.kop .year { font-size: 11pt; font-weight: bold; margin-top: .5mm; }
.kop .sub { font-size: 8.5pt; margin-top: 1.5mm; font-style: italic; }
h2 { font-size: 11pt; margin: 4.5mm 0 2mm; padding-bottom: .8mm; border-bottom: .75pt solid #000; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
section.page { break-before: page; page-break-before: always; }
section.page > h2:first-child { margin-top: 0; }
p { margin: 0 0 2mm; }
.lead { break-after: avoid; page-break-after: avoid; }
.small { font-size: 8pt; }
.muted { font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 0 0 2.5mm; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: .6pt solid #000; padding: .8mm 1.4mm; vertical-align: top; text-align: left; font-size: 8.5pt; }
th { background: #e6e6e6; font-weight: bold; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c, th.c { text-align: center; }
td.sub { padding-left: 5mm; }
tr.group td { background: #f0f0f0; font-weight: bold; break-after: avoid; page-break-after: avoid; }
tr.total td { font-weight: bold; }
table.meta th { width: 27%; background: none; font-weight: normal; }
table.meta { margin-bottom: 3mm; }
table.bands th { width: 16%; background: none; font-weight: normal; }
table.bands td { width: 16.8%; }
table.bands td.current { font-weight: bold; border: 1.8pt solid #000; background: #e6e6e6; }
.result { display: flex; gap: 3mm; margin: 1mm 0 2.5mm; break-inside: avoid; page-break-inside: avoid; }
.result div { flex: 1; border: 1.2pt solid #000; padding: 2mm 3mm; text-align: center; }
.result .k { display: block; font-size: 8pt; text-transform: uppercase; letter-spacing: .05em; }
.result .v { display: block; font-size: 19pt; font-weight: bold; line-height: 1.2; margin-top: .5mm; }
.result .x { display: block; font-size: 8pt; }
figure { margin: 1mm 0 2mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 8pt; font-style: italic; margin-top: .5mm; }
svg text { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; fill: #000; }
ul.ind { margin: 0; padding: 0; list-style: none; }
ul.ind li { margin: 0 0 .6mm; }
ul.ev { margin: 0; padding-left: 4mm; }
.gap { font-weight: bold; }
.sign { break-inside: avoid; page-break-inside: avoid; margin-top: 8mm; margin-left: auto; width: 80mm; }
.sign p { margin: 0 0 1.2mm; }
.sign .space { height: 18mm; }
.sign .lbl { display: inline-block; width: 12mm; }
.blank { display: inline-block; min-width: 38mm; border-bottom: .6pt solid #000; height: 1.1em; vertical-align: bottom; }
.blank.wide { min-width: 58mm; }
.note { font-size: 8pt; margin-top: -1mm; }
.disclaimer { font-size: 7.5pt; border-top: .6pt solid #000; margin-top: 6mm; padding-top: 1.2mm; break-inside: avoid; page-break-inside: avoid; }
"#;

/// The document being written.
struct Doc<'a> {
    lang: Lang,
    a: &'a Assessment,
    r: &'a Rubric,
    rep: &'a Report,
    plan: &'a Outcome,
    date: Option<(i64, usize, u32)>,
    default_target: Ratio,
}

/// One indicator as the document shows it.
struct Row<'a> {
    spec: &'a IndicatorSpec,
    score: &'a IndicatorScore,
    /// The mean of its values (`None` when missing).
    level: Option<Ratio>,
    weight: Ratio,
    target_text: String,
    target: Ratio,
}

impl<'a> Doc<'a> {
    fn id(&self) -> bool {
        self.lang == Lang::Id
    }

    /// Whether values are any number in a range (8/2026), not whole levels.
    fn continuous(&self) -> bool {
        self.r.spec().scales.iter().any(|s| s.continuous)
    }

    /// "Tingkat" (a whole level) or "Nilai" (a value, 8/2026).
    fn level_word(&self) -> &'static str {
        if self.continuous() {
            self.t("Nilai", "Value")
        } else {
            self.t("Tingkat", "Level")
        }
    }

    /// A gap: whole numbers as they are on whole-level scales, otherwise 2 decimals.
    fn gap_text(&self, r: Ratio) -> String {
        if self.continuous() {
            self.ratio2(r)
        } else {
            self.ratio(r)
        }
    }

    /// Indonesian or English text.
    fn t(&self, id: &'static str, en: &'static str) -> &'static str {
        if self.id() {
            id
        } else {
            en
        }
    }

    /// A number written with a point, in this language's notation.
    fn num(&self, s: &str) -> String {
        if self.id() {
            s.replace('.', ",")
        } else {
            s.to_owned()
        }
    }

    fn f2(&self, x: f64) -> String {
        self.num(&format!("{x:.2}"))
    }

    fn opt2(&self, x: Option<f64>) -> String {
        x.map_or_else(|| "—".to_owned(), |v| self.f2(v))
    }

    /// A ratio: whole numbers as they are, otherwise 2 decimals.
    fn ratio(&self, r: Ratio) -> String {
        if r.denom() == 1 {
            return r.numer().to_string();
        }
        match r.round_to(2) {
            Some(u) => self.num(&format_fixed(u, 2)),
            None => self.num(&r.exact_string()),
        }
    }

    /// Values as given (one per item), in this language's notation.
    fn values(&self, v: &[Value]) -> String {
        if v.is_empty() {
            return "—".to_owned();
        }
        v.iter()
            .map(|x| self.num(&x.text()))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    fn band(&self, name: &str) -> Option<&'a BandSpec> {
        self.r.predicates().iter().find(|b| b.name == name)
    }

    /// A predicate's name in this language (English names keep the official
    /// Indonesian one beside them where `full`).
    fn pred(&self, name: &str, full: bool) -> String {
        if self.id() {
            return esc(name);
        }
        match self.band(name).and_then(|b| b.name_en.as_deref()) {
            Some(en) if full => format!("{} ({})", esc(en), esc(name)),
            Some(en) => esc(en),
            None => esc(name),
        }
    }

    /// The predicate with the edition's second label (2026: "Baik · Berkembang").
    fn pred_labelled(&self, name: &str) -> String {
        let b = self.band(name);
        let label = if self.id() {
            b.and_then(|b| b.label.as_deref())
        } else {
            b.and_then(|b| b.label_en.as_deref().or(b.label.as_deref()))
        };
        match label {
            Some(l) => format!("{} · {}", self.pred(name, false), esc(l)),
            None => self.pred(name, false),
        }
    }

    fn index_name(&self) -> String {
        let s = self.r.spec();
        let n = if self.id() {
            s.index_name.as_deref()
        } else {
            s.index_name_en.as_deref().or(s.index_name.as_deref())
        };
        n.unwrap_or(self.t("Indeks", "Index")).to_owned()
    }

    fn name_of<'s>(&self, name: &'s str, name_en: Option<&'s str>) -> &'s str {
        match (self.lang, name_en) {
            (Lang::En, Some(en)) => en,
            _ => name,
        }
    }

    fn track_name(&self, t: Track) -> &'static str {
        match t {
            Track::Levels => self.t("Nilai yang diisikan", "Levels as given"),
            Track::Mandiri => self.t("Penilaian Mandiri", "Self-assessment (mandiri)"),
            Track::Dokumen => self.t("Penilaian Dokumen", "Document review (dokumen)"),
            Track::Interviu => self.t("Penilaian Interviu", "Interview (interviu)"),
            Track::Visitasi => self.t("Penilaian Visitasi", "Site visit (visitasi)"),
            Track::Target => self.t("Target", "Target"),
            Track::Final => self.t("Nilai akhir", "Final"),
        }
    }

    fn date_text(&self) -> Option<String> {
        let (y, m, d) = self.date?;
        let months = if self.id() { MONTHS_ID } else { MONTHS_EN };
        let month = m.checked_sub(1).and_then(|k| months.get(k))?;
        Some(format!("{d} {month} {y}"))
    }

    /// The indicators with their names, levels and targets, in rubric order.
    fn rows(&self) -> Vec<Row<'a>> {
        // the target track as the core resolves it: the current levels with
        // the planned changes laid over them
        let resolved = self
            .a
            .tracks
            .as_ref()
            .is_some_and(|t| t.target.is_some())
            .then(|| self.a.resolve(Track::Target).ok())
            .flatten();
        self.r
            .indicators()
            .into_iter()
            .zip(&self.rep.indicators)
            .map(|((_, _, spec), score)| {
                let key = IndicatorId::new(&spec.id);
                let given = resolved.as_ref().and_then(|m| m.get(&key)).map(|(l, _)| *l);
                let (target_text, target) = match given.map(Level::items) {
                    Some(items) if !items.is_empty() => (
                        self.values(items),
                        mean(items).unwrap_or(self.default_target),
                    ),
                    _ => (self.ratio(self.default_target), self.default_target),
                };
                Row {
                    spec,
                    score,
                    level: if score.missing {
                        None
                    } else {
                        mean(&score.levels)
                    },
                    weight: spec.weight.value(),
                    target_text,
                    target,
                }
            })
            .collect()
    }

    fn render(&self) -> String {
        let mut o = String::with_capacity(64 * 1024);
        let rep = self.rep;
        let index_name = self.index_name();
        let title_main = self.t("Laporan Hasil Evaluasi", "Evaluation report");
        let mut title = format!("{title_main} {index_name}");
        if let Some(i) = &rep.institution {
            let _ = write!(title, " — {i}");
        }
        if let Some(y) = rep.year {
            let _ = write!(title, " {y}");
        }
        let footer = title.clone();
        let _ = write!(
            o,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"spbe {}\">\n<title>{}</title>\n<style>{STYLE}\
             @page {{ @bottom-left {{ content: {}; font: 7.5pt Arial, sans-serif; }} \
             @bottom-right {{ content: {} counter(page) {} counter(pages); font: 7.5pt Arial, sans-serif; }} }}\n\
             </style>\n</head>\n<body>\n<main>\n",
            self.lang.as_str(),
            env!("CARGO_PKG_VERSION"),
            esc(&title),
            css_string(&footer),
            css_string(self.t("Halaman ", "Page ")),
            css_string(self.t(" dari ", " of ")),
        );
        self.header(&mut o, &index_name);
        let rows = self.rows();
        let mut n = 0;
        let mut next = || {
            n += 1;
            roman(n)
        };
        self.summary(&mut o, next(), &index_name);
        self.parts(&mut o, next());
        self.strengths(&mut o, next(), &rows);
        self.indicators(&mut o, next(), &rows);
        self.plan(&mut o, next(), &index_name);
        if !self.a.notes.is_empty() || !self.a.evidence.is_empty() {
            self.notes(&mut o, next());
        }
        self.signature(&mut o);
        o.push_str("</main>\n</body>\n</html>\n");
        o
    }

    fn header(&self, o: &mut String, index_name: &str) {
        let rep = self.rep;
        let s = self.r.spec();
        let _ = write!(
            o,
            "<header class=\"kop\">\n<h1>{}<br>{}</h1>\n",
            self.t("LAPORAN HASIL EVALUASI", "EVALUATION REPORT"),
            esc(&index_name.to_uppercase())
        );
        if let Some(i) = &rep.institution {
            let _ = writeln!(o, "<div class=\"inst\">{}</div>", esc(i));
        }
        if let Some(y) = rep.year {
            let _ = writeln!(
                o,
                "<div class=\"year\">{} {y}</div>",
                self.t("TAHUN", "YEAR")
            );
        }
        if !self.id() {
            let _ = writeln!(
                o,
                "<div class=\"sub\">Laporan Hasil Evaluasi {}</div>",
                esc(s.index_name.as_deref().unwrap_or("Indeks"))
            );
        }
        o.push_str("</header>\n");

        // identity and the rules applied
        o.push_str("<table class=\"meta\">\n<tbody>\n");
        let row = |o: &mut String, k: &str, v: &str| {
            let _ = writeln!(o, "<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>");
        };
        let blank = "<span class=\"blank wide\"></span>";
        let blank_short = "<span class=\"blank\"></span>";
        row(
            o,
            self.t("Instansi, tahun evaluasi", "Institution, evaluation year"),
            &format!(
                "{}, {}",
                rep.institution
                    .as_deref()
                    .map_or_else(|| blank.to_owned(), esc),
                rep.year
                    .map_or_else(|| blank_short.to_owned(), |y| y.to_string())
            ),
        );
        let title = if self.id() {
            &s.title
        } else {
            s.title_en.as_ref().unwrap_or(&s.title)
        };
        let mut edition = match &s.short_title {
            Some(st) => format!("<b>{}</b> — {}", esc(st), esc(title)),
            None => esc(title),
        };
        let status = match rep.rubric_status {
            Status::Official => self.t(
                "resmi (bobot, rumus dan predikat sesuai teks peraturan)",
                "official (weights, formulas and predicates as in the regulation's text)",
            ),
            Status::Reconstructed => self.t(
                "direkonstruksi (bobot disusun ulang dari hasil resmi yang dipublikasikan)",
                "reconstructed (weights rebuilt from published official results)",
            ),
            Status::Provisional => self.t(
                "sementara (disusun dari sumber sekunder)",
                "provisional (built from secondary sources)",
            ),
            Status::Custom => self.t(
                "rubrik buatan pengguna, bukan edisi resmi",
                "a user's own rubric, not an official edition",
            ),
        };
        edition.push_str("<br><span class=\"small\">");
        if let Some(lb) = &s.legal_basis {
            let _ = write!(
                edition,
                "{}: {}",
                self.t("Dasar hukum", "Legal basis"),
                esc(lb)
            );
            if let Some(p) = &s.publication {
                let _ = write!(edition, "; {}", esc(p));
            }
            edition.push_str(". ");
        }
        let _ = write!(
            edition,
            "{}: {status}.</span>",
            self.t("Data pedoman", "Rubric data")
        );
        row(o, self.t("Pedoman evaluasi", "Edition"), &edition);
        row(
            o,
            self.t("Tahap yang dinilai", "Track scored"),
            &self.track_text(),
        );
        row(
            o,
            self.t("Status hasil", "Status of the result"),
            &self.official_text(),
        );
        row(
            o,
            self.t("Aturan predikat", "Predicate rule"),
            &self.rule_text(),
        );
        row(
            o,
            self.t("Tanggal laporan", "Report date"),
            &self.date_text().unwrap_or_else(|| blank.to_owned()),
        );
        o.push_str("</tbody>\n</table>\n");
    }

    fn track_text(&self) -> String {
        let rep = self.rep;
        let mut v = format!("<b>{}</b>", self.track_name(rep.track));
        match rep.track {
            Track::Final => v.push_str(self.t(
                " — per indikator, nilai dari tahap penilaian eksternal terakhir (visitasi, lalu interviu, lalu dokumen)",
                " — per indicator, the latest external stage that has a level (visitasi, then interviu, then dokumen)",
            )),
            Track::Mandiri | Track::Target => v.push_str(self.t(
                " — bukan hasil penilaian eksternal",
                " — not an external assessment",
            )),
            _ => {}
        }
        let av = self.a.available_tracks();
        if av.len() > 1 {
            let names: Vec<&str> = av
                .iter()
                .filter(|t| **t != Track::Final)
                .map(|t| self.track_name(*t))
                .collect();
            let _ = write!(
                v,
                "<br><span class=\"small\">{}: {}</span>",
                self.t("Tahap yang tercatat", "Stages recorded"),
                names.join(", ")
            );
        }
        v
    }

    fn official_text(&self) -> String {
        let rep = self.rep;
        if rep.official {
            return self
                .t(
                    "<b>Resmi</b> — dihitung dengan aturan resmi dari penilaian yang lengkap",
                    "<b>Official</b> — computed by the official rules from a complete assessment",
                )
                .to_owned();
        }
        let policy = match rep.options.missing {
            MissingPolicy::Lowest => self.t(
                "dihitung pada tingkat terendah (batas bawah)",
                "counted at the lowest level (a lower bound)",
            ),
            MissingPolicy::Renormalize => self.t(
                "dikeluarkan dan bobot lainnya dinormalkan ulang (perkiraan)",
                "left out and the other weights renormalised (an estimate)",
            ),
            MissingPolicy::Error => "",
        };
        let ids: Vec<String> = rep.missing.iter().map(|i| esc(i)).collect();
        format!(
            "<b>{}</b> — {} {} ({}): {}",
            self.t("Tidak resmi", "Not official"),
            ids.len(),
            self.t("indikator tanpa nilai", "indicator(s) without a level"),
            ids.join(", "),
            policy
        )
    }

    fn rule_text(&self) -> String {
        let rule = &self.rep.predicate_rule;
        let basis = match rule.basis {
            PredicateBasis::Exact => self.t(
                "predikat ditetapkan dari indeks eksak (sebelum pembulatan)",
                "the predicate is read from the exact index (before rounding)",
            ),
            PredicateBasis::Reported => self.t(
                "predikat ditetapkan dari indeks yang dilaporkan (dibulatkan dua desimal)",
                "the predicate is read from the reported index (rounded to 2 decimals)",
            ),
        };
        let year = rule.year.map(|y| y.to_string()).unwrap_or_default();
        let why = match (rule.reason, self.id()) {
            (RuleReason::Year, true) => format!("sesuai praktik evaluasi tahun {year}"),
            (RuleReason::Year, false) => format!("as practised in the {year} evaluation"),
            (RuleReason::EditionDefault, true) if rule.year.is_some() => {
                format!("aturan bawaan pedoman ini (praktik tahun {year} belum diketahui)")
            }
            (RuleReason::EditionDefault, false) if rule.year.is_some() => {
                format!("the edition's default (no known practice for {year})")
            }
            (RuleReason::EditionDefault, true) => "aturan bawaan pedoman ini".to_owned(),
            (RuleReason::EditionDefault, false) => "the edition's default".to_owned(),
            (RuleReason::Option, true) => "dipilih dengan opsi perhitungan".to_owned(),
            (RuleReason::Option, false) => "chosen by option".to_owned(),
        };
        let mut v = format!("{basis}, {why}");
        let opts = &self.rep.options;
        if opts.missing == MissingPolicy::Error {
            v.push_str(self.t(
                "; setiap indikator wajib bernilai",
                "; every indicator must have a level",
            ));
        }
        if let (Some(y), None) = (opts.year, self.a.year) {
            let _ = write!(
                v,
                "; {} {y}",
                self.t(
                    "tahun evaluasi dari opsi:",
                    "evaluation year from the option:"
                )
            );
        }
        v.push('.');
        let mut chars = v.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => v,
        }
    }

    fn summary(&self, o: &mut String, no: &str, index_name: &str) {
        let rep = self.rep;
        let _ = writeln!(
            o,
            "<section id=\"hasil\">\n<h2>{no}. {}</h2>",
            self.t("Hasil Evaluasi", "Result")
        );
        let _ = write!(
            o,
            "<div class=\"result\">\n<div><span class=\"k\">{}</span><span class=\"v\" data-testid=\"index\">{}</span>\
             <span class=\"x\">{} {}</span></div>\n\
             <div><span class=\"k\">{}</span><span class=\"v\" data-testid=\"predicate\">{}</span>\
             <span class=\"x\">{}</span></div>\n</div>\n",
            esc(index_name),
            self.num(&rep.index_text),
            self.t("nilai eksak", "exact value"),
            self.num(&rep.index_exact),
            self.t("Predikat", "Predicate"),
            self.pred_labelled(&rep.predicate),
            if self.id() {
                String::new()
            } else {
                format!("(Indonesian: {})", esc(&rep.predicate))
            }
        );
        // the sentence a head of office reads
        let who = match (&rep.institution, rep.year, self.id()) {
            (Some(i), Some(y), true) => format!(" {} tahun {y}", esc(i)),
            (Some(i), None, true) => format!(" {}", esc(i)),
            (None, Some(y), true) => format!(" tahun {y}"),
            (Some(i), Some(y), false) => format!(" of {} for {y}", esc(i)),
            (Some(i), None, false) => format!(" of {}", esc(i)),
            (None, Some(y), false) => format!(" for {y}"),
            (None, None, _) => String::new(),
        };
        let mut s = if self.id() {
            format!(
                "Berdasarkan hasil evaluasi, {}{who} adalah <b>{}</b> dengan predikat <b>{}</b>.",
                esc(index_name),
                self.num(&rep.index_text),
                self.pred_labelled(&rep.predicate)
            )
        } else {
            format!(
                "The {}{who} is <b>{}</b>, rated <b>{}</b>.",
                esc(index_name),
                rep.index_text,
                self.pred(&rep.predicate, true)
            )
        };
        match &rep.next_predicate {
            Some(nx) => {
                let min = self.f2(nx.min);
                let _ = match (self.id(), nx.min_inclusive) {
                    (true, true) => write!(
                        s,
                        " Predikat berikutnya, <b>{}</b>, dicapai pada indeks {min} atau lebih: indeks perlu naik paling sedikit <b data-testid=\"gap\">{}</b>.",
                        self.pred(&nx.name, false),
                        self.f2(nx.gap)
                    ),
                    (true, false) => write!(
                        s,
                        " Predikat berikutnya, <b>{}</b>, dicapai pada indeks di atas {min}: indeks perlu naik paling sedikit <b data-testid=\"gap\">{}</b>.",
                        self.pred(&nx.name, false),
                        self.f2(nx.gap)
                    ),
                    (false, true) => write!(
                        s,
                        " The next predicate, <b>{}</b>, starts at an index of {min}: the index must rise by at least <b data-testid=\"gap\">{}</b>.",
                        self.pred(&nx.name, true),
                        self.f2(nx.gap)
                    ),
                    (false, false) => write!(
                        s,
                        " The next predicate, <b>{}</b>, starts above an index of {min}: the index must rise by at least <b data-testid=\"gap\">{}</b>.",
                        self.pred(&nx.name, true),
                        self.f2(nx.gap)
                    ),
                };
            }
            None => s.push_str(self.t(
                " Predikat ini adalah predikat tertinggi.",
                " This is the highest predicate.",
            )),
        }
        let _ = writeln!(o, "<p>{s}</p>");

        // the bands, side by side, the result marked under its band
        let bands = self.r.predicates();
        let upper = self.r.band_bounds() == BandBounds::UpperInclusive;
        let last = bands.len().saturating_sub(1);
        let _ = write!(
            o,
            "<table class=\"bands\">\n<tbody>\n<tr><th scope=\"row\">{}</th>",
            self.t("Predikat", "Predicate")
        );
        for (k, b) in bands.iter().enumerate() {
            let _ = write!(
                o,
                "<td class=\"c{}\">{}</td>",
                if k == rep.band { " current" } else { "" },
                self.pred_labelled(&b.name)
            );
        }
        let _ = write!(
            o,
            "</tr>\n<tr><th scope=\"row\">{}</th>",
            self.t("Rentang indeks (x)", "Index range (x)")
        );
        for (k, b) in bands.iter().enumerate() {
            let lo = self.ratio2(b.min.value());
            let hi = self.ratio2(b.max.value());
            let (l, h) = match (upper, k == 0, k == last) {
                (true, true, _) | (false, _, true) => ("≤", "≤"),
                (true, false, _) => ("&lt;", "≤"),
                (false, _, false) => ("≤", "&lt;"),
            };
            let _ = write!(
                o,
                "<td class=\"c{}\">{lo} {l} x {h} {hi}</td>",
                if k == rep.band { " current" } else { "" }
            );
        }
        let _ = write!(
            o,
            "</tr>\n<tr><th scope=\"row\">{}</th>",
            self.t("Capaian", "Result")
        );
        for k in 0..bands.len() {
            if k == rep.band {
                let _ = write!(
                    o,
                    "<td class=\"c current\">▲ {}</td>",
                    self.num(&rep.index_text)
                );
            } else {
                o.push_str("<td></td>");
            }
        }
        o.push_str("</tr>\n</tbody>\n</table>\n</section>\n");
    }

    /// A bound with 2 decimals.
    fn ratio2(&self, r: Ratio) -> String {
        match r.round_to(2) {
            Some(u) => self.num(&format_fixed(u, 2)),
            None => self.num(&r.exact_string()),
        }
    }

    /// Domains and aspects in one table: each domain's row, then its aspects.
    fn parts(&self, o: &mut String, no: &str) {
        let rep = self.rep;
        let with_domains = !rep.domains.is_empty();
        let _ = writeln!(
            o,
            "<section id=\"bagian\">\n<h2>{no}. {}</h2>",
            if with_domains {
                self.t("Indeks Domain dan Aspek", "Domain and aspect indices")
            } else {
                self.t("Indeks Aspek", "Aspect indices")
            }
        );
        let _ = writeln!(
            o,
            "<table class=\"parts\">\n<colgroup><col style=\"width:6%\"><col><col style=\"width:11%\"><col style=\"width:9%\"><col style=\"width:17%\"></colgroup>\n\
             <thead><tr><th class=\"c\">No</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead>\n<tbody>",
            if with_domains {
                self.t("Domain / Aspek", "Domain / aspect")
            } else {
                self.t("Aspek", "Aspect")
            },
            self.t("Bobot (%)", "Weight (%)"),
            self.t("Indeks", "Index"),
            self.t("Predikat", "Predicate")
        );
        let pred = |p: &Option<crate::report::Text>| {
            p.as_deref()
                .map(|p| self.pred(p, false))
                .unwrap_or_else(|| "—".to_owned())
        };
        let aspects: Vec<_> = rep.aspects.iter().zip(self.r.aspects()).collect();
        let aspect_row = |o: &mut String, a: &crate::report::AspectScore, w: &str, indent: bool| {
            let _ = writeln!(
                o,
                "<tr><td class=\"c\">{}</td><td{}>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                esc(&a.id),
                if indent { " class=\"sub\"" } else { "" },
                esc(self.name_of(&a.name, a.name_en.as_deref())),
                self.num(w),
                self.opt2(a.index),
                pred(&a.predicate)
            );
        };
        if with_domains {
            for (d, spec) in rep.domains.iter().zip(self.r.domains()) {
                let _ = writeln!(
                    o,
                    "<tr class=\"group\"><td></td><td>{} {}. {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                    self.t("Domain", "Domain"),
                    esc(&d.id),
                    esc(self.name_of(&d.name, d.name_en.as_deref())),
                    self.num(spec.weight.as_str()),
                    self.opt2(d.index),
                    pred(&d.predicate)
                );
                for (a, (_, aspec)) in aspects
                    .iter()
                    .filter(|(a, _)| a.domain.as_deref() == Some(d.id.as_str()))
                {
                    aspect_row(o, a, aspec.weight.as_str(), true);
                }
            }
        } else {
            for (a, (_, aspec)) in &aspects {
                aspect_row(o, a, aspec.weight.as_str(), false);
            }
        }
        let _ = writeln!(
            o,
            "</tbody>\n</table>\n<p class=\"note\">{}</p>\n</section>",
            if with_domains {
                self.t(
                    "Bobot dalam persen terhadap indeks keseluruhan. Baris berlatar abu-abu: domain; di bawahnya aspek-aspeknya.",
                    "Weights in percent of the whole index. Shaded rows: domains, each followed by its aspects.",
                )
            } else {
                self.t(
                    "Bobot dalam persen terhadap indeks keseluruhan.",
                    "Weights in percent of the whole index.",
                )
            }
        );
    }

    /// The aspects as horizontal bars on the level scale, the predicate bands
    /// shaded in grey and named, each bar hatched and labelled with its index.
    fn chart(&self, o: &mut String) {
        let rep = self.rep;
        let (lo, hi) = self.r.level_range();
        let (lo, hi) = (f64::from(lo), f64::from(hi).max(f64::from(lo) + 1.0));
        let (x0, x1) = (262.0_f64, 626.0_f64);
        let x = |v: f64| x0 + (v.clamp(lo, hi) - lo) / (hi - lo) * (x1 - x0);
        let (top, row_h) = (40.0_f64, 26.0_f64);
        let n = rep.aspects.len();
        let plot_h = row_h * n as f64;
        let height = top + plot_h + 26.0;
        let title = self.t(
            "Grafik indeks aspek pada skala tingkat, dengan batas predikat",
            "Aspect indices on the level scale, with the predicate bands",
        );
        let _ = write!(
            o,
            "<figure>\n<svg viewBox=\"0 0 668 {height:.0}\" role=\"img\" aria-labelledby=\"chart-title\">\n\
             <title id=\"chart-title\">{title}</title>\n\
             <defs><pattern id=\"hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
             <rect width=\"5\" height=\"5\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#000\" stroke-width=\"2.2\"/></pattern></defs>\n"
        );
        // the bands: alternate shading, names on top, edges dashed with their value
        let bands = self.r.predicates();
        for (k, b) in bands.iter().enumerate() {
            let (bl, bh) = (x(b.min.to_f64()), x(b.max.to_f64()));
            if k % 2 == 1 {
                let _ = writeln!(
                    o,
                    "<rect x=\"{bl:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{plot_h:.1}\" fill=\"#ececec\"/>",
                    bh - bl
                );
            }
            let name = if self.id() {
                b.name.clone()
            } else {
                b.name_en.clone().unwrap_or_else(|| b.name.clone())
            };
            // a name wider than its band goes on two lines
            let lines = if name.chars().count() as f64 * 5.2 > bh - bl - 2.0 {
                wrap(&name, 1)
            } else {
                vec![name]
            };
            let cx = (bl + bh) / 2.0;
            let first_y = if lines.len() > 1 { 10.0 } else { 15.0 };
            for (j, line) in lines.iter().enumerate() {
                let _ = writeln!(
                    o,
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" font-size=\"9\" font-weight=\"bold\" text-anchor=\"middle\">{}</text>",
                    first_y + 9.5 * j as f64,
                    esc(line)
                );
            }
            if k > 0 {
                let _ = writeln!(
                    o,
                    "<line x1=\"{bl:.1}\" y1=\"{:.1}\" x2=\"{bl:.1}\" y2=\"{:.1}\" stroke=\"#000\" stroke-width=\"0.8\" stroke-dasharray=\"3 2\"/>\n\
                     <text x=\"{bl:.1}\" y=\"{:.1}\" font-size=\"8\" text-anchor=\"middle\">{}</text>",
                    top,
                    top + plot_h,
                    top - 4.0,
                    self.ratio2(b.min.value())
                );
            }
        }
        // the plot frame and the whole-level ticks
        let _ = writeln!(
            o,
            "<rect x=\"{x0:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{plot_h:.1}\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.8\"/>",
            x1 - x0
        );
        let mut v = lo;
        while v <= hi + 1e-9 {
            let xv = x(v);
            let _ = writeln!(
                o,
                "<line x1=\"{xv:.1}\" y1=\"{:.1}\" x2=\"{xv:.1}\" y2=\"{:.1}\" stroke=\"#000\" stroke-width=\"0.8\"/>\
                 <text x=\"{xv:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{v:.0}</text>",
                top + plot_h,
                top + plot_h + 4.0,
                top + plot_h + 14.0
            );
            v += 1.0;
        }
        let _ = writeln!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"8.5\" text-anchor=\"middle\" font-style=\"italic\">{}</text>",
            (x0 + x1) / 2.0,
            top + plot_h + 24.0,
            self.t("Indeks aspek (skala tingkat)", "Aspect index (level scale)")
        );
        // the bars
        for (k, (a, (_, spec))) in rep.aspects.iter().zip(self.r.aspects()).enumerate() {
            let y = top + row_h * k as f64;
            let label = format!(
                "{}. {}",
                a.id,
                self.name_of(&spec.name, spec.name_en.as_deref())
            );
            let lines = wrap(&label, 46);
            let first_y = y + row_h / 2.0 + 3.5 - 5.5 * (lines.len().min(2) as f64 - 1.0);
            for (j, line) in lines.iter().take(2).enumerate() {
                let _ = writeln!(
                    o,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9.5\" text-anchor=\"end\">{}</text>",
                    x0 - 6.0,
                    first_y + 11.0 * j as f64,
                    esc(line)
                );
            }
            match a.index {
                Some(v) => {
                    let w = x(v) - x0;
                    let _ = writeln!(
                        o,
                        "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"14\" fill=\"url(#hatch)\" stroke=\"#000\" stroke-width=\"0.9\"/>\
                         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9.5\" font-weight=\"bold\">{}</text>",
                        y + (row_h - 14.0) / 2.0,
                        x1 + 6.0,
                        y + row_h / 2.0 + 3.5,
                        self.f2(v)
                    );
                }
                None => {
                    let _ = writeln!(
                        o,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9.5\">{}</text>",
                        x1 + 6.0,
                        y + row_h / 2.0 + 3.5,
                        self.t("— tanpa nilai", "— no value")
                    );
                }
            }
        }
        let _ = writeln!(
            o,
            "</svg>\n<figcaption>{}</figcaption>\n</figure>",
            self.t(
                "Batang berarsir: indeks aspek (angka di kanan). Garis putus-putus: batas predikat, dengan nilai batasnya.",
                "Hatched bars: aspect index (value on the right). Dashed lines: predicate bounds, with their values.",
            )
        );
    }

    fn strengths(&self, o: &mut String, no: &str, rows: &[Row<'_>]) {
        let _ = writeln!(
            o,
            "<section id=\"profil\" class=\"page\">\n<h2>{no}. {}</h2>\n<h3>{}</h3>",
            self.t(
                "Profil Aspek: Kekuatan dan Kelemahan",
                "Aspect profile: strengths and weaknesses"
            ),
            self.t("Grafik indeks aspek", "Aspect indices")
        );
        self.chart(o);
        let _ = writeln!(
            o,
            "<h3>{}</h3>\n<p class=\"small lead\">{}</p>",
            self.t(
                "Kekuatan dan kelemahan per aspek",
                "Strengths and weaknesses per aspect"
            ),
            self.t(
                "Indikator dengan tingkat tertinggi (kekuatan) dan terendah (kelemahan) pada tiap aspek; bila tingkatnya sama, indikator berbobot lebih besar didahulukan.",
                "The indicators with the highest (strengths) and lowest (weaknesses) level in each aspect; between equal levels, the larger weight first."
            )
        );
        let _ = writeln!(
            o,
            "<table>\n<thead><tr><th style=\"width:26%\">{}</th><th style=\"width:37%\">{}</th><th style=\"width:37%\">{}</th></tr></thead>\n<tbody>",
            self.t("Aspek", "Aspect"),
            self.t("Kekuatan", "Strengths"),
            self.t("Kelemahan", "Weaknesses")
        );
        // the rows of each aspect, in one pass (large custom rubrics)
        let mut by_aspect: std::collections::HashMap<&str, Vec<(&Row<'_>, Ratio)>> =
            std::collections::HashMap::new();
        for r in rows {
            if let Some(l) = r.level {
                by_aspect
                    .entry(r.score.aspect.as_str())
                    .or_default()
                    .push((r, l));
            }
        }
        for (a, (_, spec)) in self.rep.aspects.iter().zip(self.r.aspects()) {
            let mut mine = by_aspect.remove(a.id.as_str()).unwrap_or_default();
            let aspect = format!(
                "{}. {} <span class=\"small\">({} {})</span>",
                esc(&a.id),
                esc(self.name_of(&spec.name, spec.name_en.as_deref())),
                self.t("indeks", "index"),
                self.opt2(a.index)
            );
            let (Some(best), Some(worst)) = (
                mine.iter().map(|m| m.1).max(),
                mine.iter().map(|m| m.1).min(),
            ) else {
                let _ = writeln!(
                    o,
                    "<tr><td>{aspect}</td><td colspan=\"2\" class=\"muted\">{}</td></tr>",
                    self.t("tidak ada indikator bernilai", "no indicator with a level")
                );
                continue;
            };
            if best == worst {
                // "every indicator" only when every one has a level (an
                // incomplete assessment is scored over those that have one)
                let (n, total) = (mine.len(), spec.indicators.len());
                let text = if n == total {
                    format!(
                        "{} {}",
                        self.t(
                            "Semua indikator aspek ini berada pada tingkat",
                            "Every indicator of this aspect is at level"
                        ),
                        self.ratio(best)
                    )
                } else if self.id() {
                    format!(
                        "Indikator aspek ini yang bernilai ({n} dari {total}) berada pada tingkat {}; sisanya belum bernilai",
                        self.ratio(best)
                    )
                } else {
                    format!(
                        "The indicators of this aspect with a level ({n} of {total}) are at level {}; the rest have none",
                        self.ratio(best)
                    )
                };
                let _ = writeln!(o, "<tr><td>{aspect}</td><td colspan=\"2\">{text}</td></tr>");
                continue;
            }
            // at most two of each, and at most half the aspect's indicators, so
            // that no indicator is both; by level, then the larger weight, then
            // rubric order (a stable sort)
            let k = (mine.len() / 2).clamp(1, 2);
            mine.sort_by(|x, y| y.1.cmp(&x.1).then(y.0.weight.cmp(&x.0.weight)));
            let strong: Vec<_> = mine
                .iter()
                .filter(|m| m.1 > worst)
                .take(k)
                .copied()
                .collect();
            mine.sort_by(|x, y| x.1.cmp(&y.1).then(y.0.weight.cmp(&x.0.weight)));
            let weak: Vec<_> = mine
                .iter()
                .filter(|m| m.1 < best && !strong.iter().any(|s| s.0.spec.id == m.0.spec.id))
                .take(k)
                .copied()
                .collect();
            let list = |items: &[(&Row<'_>, Ratio)]| {
                let mut s = String::from("<ul class=\"ind\">");
                for (r, _) in items {
                    let _ = write!(
                        s,
                        "<li><b>{}</b> {} <span class=\"small\">({} {})</span></li>",
                        esc(&r.spec.id),
                        esc(self.name_of(&r.spec.name, r.spec.name_en.as_deref())),
                        self.level_word().to_lowercase(),
                        self.values(&r.score.levels)
                    );
                }
                s.push_str("</ul>");
                s
            };
            let _ = writeln!(
                o,
                "<tr><td>{aspect}</td><td>{}</td><td>{}</td></tr>",
                list(&strong),
                list(&weak)
            );
        }
        o.push_str("</tbody>\n</table>\n</section>\n");
    }

    fn indicators(&self, o: &mut String, no: &str, rows: &[Row<'_>]) {
        let rep = self.rep;
        let with_source = rep.track == Track::Final;
        let has_target_track = self.a.tracks.as_ref().is_some_and(|t| t.target.is_some());
        let _ = writeln!(
            o,
            "<section id=\"indikator\" class=\"page\">\n<h2>{no}. {}</h2>",
            self.t(
                "Tingkat Indikator terhadap Target",
                "Indicator levels against the target"
            )
        );
        let below = rows
            .iter()
            .filter(|r| r.level.is_some_and(|l| l < r.target))
            .count();
        let target_rule = if has_target_track {
            if self.id() {
                format!(
                    "Target: tingkat pada target penilaian ini; indikator yang tidak diubah oleh target tetap pada tingkatnya saat ini, dan indikator yang belum bernilai sama sekali bertarget {}.",
                    self.ratio(self.default_target)
                )
            } else {
                format!(
                    "Target: the level in this assessment's target; an indicator the target does not change keeps its current level, and an indicator with no level at all has the target {}.",
                    self.ratio(self.default_target)
                )
            }
        } else if self.id() {
            format!(
                "Target: tingkat {} untuk setiap indikator (target standar).",
                self.ratio(self.default_target)
            )
        } else {
            format!(
                "Target: level {} for every indicator (the default target).",
                self.ratio(self.default_target)
            )
        };
        if !rep.above_evidence.is_empty() {
            let _ = writeln!(
                o,
                "<p class=\"small\"><b>{}</b> {}</p>",
                self.t(
                    "Tingkat di atas yang didukung bukti dukung:",
                    "Levels above what their evidence supports:"
                ),
                esc(&rep.above_evidence.join(", "))
            );
        }
        let _ = writeln!(
            o,
            "<p class=\"small\">{target_rule} {} <b>{below}</b> {} {} {}</p>",
            self.t("Sebanyak", ""),
            self.t("dari", "of"),
            rows.len(),
            self.t(
                "indikator masih di bawah target.",
                "indicators are below their target."
            )
        );
        let _ = writeln!(
            o,
            "<table class=\"indicators\">\n<colgroup><col style=\"width:5%\"><col><col style=\"width:9%\"><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:8%\">{}</colgroup>\n<thead><tr><th class=\"c\">No</th><th>{}</th><th class=\"n\">{}</th><th class=\"c\">{}</th><th class=\"c\">{}</th><th class=\"c\">{}</th>{}</tr></thead>\n<tbody>",
            if with_source {
                "<col style=\"width:10%\">"
            } else {
                ""
            },
            self.t("Indikator", "Indicator"),
            self.t("Bobot (%)", "Weight (%)"),
            self.level_word(),
            self.t("Target", "Target"),
            self.t("Selisih", "Gap"),
            if with_source {
                format!("<th class=\"c\">{}</th>", self.t("Tahap", "Stage"))
            } else {
                String::new()
            }
        );
        let cols = if with_source { 7 } else { 6 };
        let mut last_aspect: Option<&str> = None;
        for (r, (_, asp, _)) in rows.iter().zip(self.r.indicators()) {
            if last_aspect != Some(asp.id.as_str()) {
                last_aspect = Some(asp.id.as_str());
                let _ = writeln!(
                    o,
                    "<tr class=\"group\"><td colspan=\"{cols}\">{} {}. {}</td></tr>",
                    self.t("Aspek", "Aspect"),
                    esc(&asp.id),
                    esc(self.name_of(&asp.name, asp.name_en.as_deref()))
                );
            }
            let gap = match r.level {
                Some(l) if l < r.target => r
                    .target
                    .checked_sub(l)
                    .map(|g| format!("<span class=\"gap\">{}</span>", self.gap_text(g)))
                    .unwrap_or_default(),
                Some(_) => "–".to_owned(),
                None => "—".to_owned(),
            };
            let level = if r.score.missing {
                format!(
                    "<span class=\"muted\">{}</span>",
                    self.t("tanpa nilai", "no level")
                )
            } else {
                self.values(&r.score.levels)
            };
            // the level the evidence supports, where the assessment says which criteria it meets
            let level = match (r.score.supported_level, r.score.above_evidence) {
                (Some(n), Some(true)) => format!(
                    "{level}<br><span class=\"small\"><b>{} {n}</b></span>",
                    self.t("bukti dukung: tingkat", "evidence: level")
                ),
                (Some(n), _) => format!(
                    "{level}<br><span class=\"small\">{} {n}</span>",
                    self.t("bukti dukung: tingkat", "evidence: level")
                ),
                _ => level,
            };
            let weight = match r.spec.items {
                Some(_) => format!(
                    "{} <span class=\"small\">{}</span>",
                    self.num(r.spec.weight.as_str()),
                    self.t("per layanan", "per service")
                ),
                None => self.num(r.spec.weight.as_str()),
            };
            let source = if with_source {
                format!(
                    "<td class=\"c\">{}</td>",
                    r.score.source.map_or("—", |s| match s {
                        Track::Dokumen => "Dokumen",
                        Track::Interviu => "Interviu",
                        Track::Visitasi => "Visitasi",
                        other => other.as_str(),
                    })
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                o,
                "<tr><td class=\"c\">{}</td><td>{}</td><td class=\"n\">{weight}</td><td class=\"c\">{level}</td><td class=\"c\">{}</td><td class=\"c\">{gap}</td>{source}</tr>",
                esc(&r.spec.id),
                esc(self.name_of(&r.spec.name, r.spec.name_en.as_deref())),
                r.target_text
            );
        }
        o.push_str("</tbody>\n</table>\n");
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>\n</section>",
            if with_source {
                self.t(
                    "Selisih: target dikurangi tingkat, bila tingkat masih di bawah target (– : target tercapai). Tahap: tahap penilaian asal nilai akhir indikator.",
                    "Gap: the target minus the level, where the level is below the target (– : target met). Stage: the assessment stage the final level comes from.",
                )
            } else {
                self.t(
                    "Selisih: target dikurangi tingkat, bila tingkat masih di bawah target (– : target tercapai).",
                    "Gap: the target minus the level, where the level is below the target (– : target met).",
                )
            }
        );
    }

    /// A plan's starting value as the assessment wrote it (`2.30`, not `2.3`).
    fn as_given(&self, id: &str, item: Option<usize>, from: &Value) -> String {
        self.r
            .position(id)
            .and_then(|p| self.rep.indicators.get(p))
            .and_then(|i| i.levels.get(item.map_or(0, |k| k.saturating_sub(1))))
            .filter(|v| *v == from)
            .map_or_else(|| from.text(), Value::text)
    }

    fn indicator_name(&self, id: &str) -> String {
        self.r
            .indicator(id)
            .map(|(_, _, s)| esc(self.name_of(&s.name, s.name_en.as_deref())))
            .unwrap_or_default()
    }

    fn plan(&self, o: &mut String, no: &str, index_name: &str) {
        let rep = self.rep;
        let heading = match &rep.next_predicate {
            Some(nx) if self.id() => format!(
                "Rencana Peningkatan menuju Predikat {}",
                self.pred(&nx.name, false)
            ),
            Some(nx) => format!("Improvement plan to {}", self.pred(&nx.name, false)),
            None => self.t("Rencana Peningkatan", "Improvement plan").to_owned(),
        };
        let _ = writeln!(
            o,
            "<section id=\"rencana\" class=\"page\">\n<h2>{no}. {heading}</h2>"
        );
        match self.plan {
            Outcome::Top => {
                let _ = writeln!(
                    o,
                    "<p>{}</p>",
                    if self.id() {
                        format!(
                            "{} sudah berada pada predikat tertinggi ({}); tidak ada predikat berikutnya yang dapat direncanakan.",
                            esc(index_name),
                            self.pred(&rep.predicate, false)
                        )
                    } else {
                        format!(
                            "The {} is in the highest predicate ({}); there is no next predicate to plan for.",
                            esc(index_name),
                            self.pred(&rep.predicate, true)
                        )
                    }
                );
            }
            Outcome::Unreachable { best, predicate } => {
                let name = rep
                    .next_predicate
                    .as_ref()
                    .map(|n| self.pred(&n.name, false))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "<p>{}</p>",
                    if self.id() {
                        format!(
                            "Predikat {name} tidak dapat dicapai dengan menaikkan tingkat indikator yang dapat dinaikkan: indeks tertinggi yang dapat dicapai adalah {} ({}).",
                            self.num(best),
                            self.pred(predicate, false)
                        )
                    } else {
                        format!(
                            "{name} cannot be reached by raising the levels that can be raised: the highest reachable index is {} ({}).",
                            best,
                            self.pred(predicate, false)
                        )
                    }
                );
            }
            Outcome::Planned(p) => self.plan_table(o, p, index_name),
        }
        o.push_str("</section>\n");
    }

    fn plan_table(&self, o: &mut String, p: &Plan, index_name: &str) {
        let continuous = self.r.spec().scales.iter().any(|s| s.continuous);
        let total: u32 = p.steps.iter().map(|s| s.steps).sum();
        let target = self.pred(&p.target.predicate, false);
        let _ = writeln!(
            o,
            "<p>{}</p>",
            if self.id() {
                format!(
                    "Rencana berikut adalah susunan kenaikan tingkat dengan <b>jumlah langkah paling sedikit</b> yang membawa {} ke predikat <b>{target}</b>, menurut aturan predikat yang sama dengan laporan ini. Setiap kenaikan satu tingkat dihitung satu langkah{}; bila ada beberapa susunan dengan jumlah langkah yang sama, dipilih yang menghasilkan indeks tertinggi. Perhitungan dilakukan secara eksak, tanpa pembulatan di tengah jalan.",
                    esc(index_name),
                    if continuous {
                        " (untuk nilai pecahan, satu langkah adalah kenaikan ke bilangan bulat berikutnya)"
                    } else {
                        ""
                    }
                )
            } else {
                format!(
                    "The plan below is the set of rises with the <b>fewest steps</b> that brings the {} to <b>{target}</b>, under the same predicate rule as this report. Each one-level rise is one step{}; among plans with as few steps, the one with the highest index is taken. The computation is exact, with no rounding along the way.",
                    esc(index_name),
                    if continuous {
                        " (for a fractional value, one step is a rise to the next whole number)"
                    } else {
                        ""
                    }
                )
            }
        );
        let _ = writeln!(
            o,
            "<table class=\"plan\">\n<colgroup><col style=\"width:5%\"><col><col style=\"width:13%\"><col style=\"width:9%\"><col style=\"width:15%\"></colgroup>\n<thead><tr><th class=\"c\">No</th><th>{}</th><th class=\"c\">{}</th><th class=\"c\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
            self.t("Indikator", "Indicator"),
            self.level_word(),
            self.t("Langkah", "Steps"),
            self.t("Tambahan indeks", "Index gain")
        );
        for s in &p.steps {
            let item = s
                .item
                .map(|i| {
                    format!(
                        " <span class=\"small\">({} {i})</span>",
                        self.t("layanan", "service")
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "<tr><td class=\"c\">{}</td><td>{}{item}</td><td class=\"c\">{} → {}</td><td class=\"c\">{}</td><td class=\"n\">+{}</td></tr>",
                esc(&s.indicator),
                self.indicator_name(&s.indicator),
                self.num(&self.as_given(&s.indicator, s.item, &s.from)),
                self.num(&s.to.text()),
                s.steps,
                self.num(&format!("{:.4}", s.gain))
            );
        }
        let label = if self.id() {
            &p.after.predicate_label
        } else {
            &None
        };
        let after_pred = match label {
            Some(_) => self.pred_labelled(&p.after.predicate),
            None => self.pred(&p.after.predicate, false),
        };
        let _ = writeln!(
            o,
            "</tbody>\n<tfoot><tr class=\"total\"><td colspan=\"3\">{} {} {}</td><td class=\"c\">{total}</td><td class=\"n\">{} → {}</td></tr></tfoot>\n</table>",
            self.t("Jumlah:", "Total:"),
            p.steps.len(),
            self.t("indikator dinaikkan", "indicators raised"),
            self.num(&p.before.index_text),
            self.num(&p.after.index_text),
        );
        let _ = writeln!(
            o,
            "<p>{}</p>",
            if self.id() {
                format!(
                    "Setelah rencana ini ({total} langkah), {} menjadi <b>{}</b> dengan predikat <b>{after_pred}</b> (nilai eksak {}).",
                    esc(index_name),
                    self.num(&p.after.index_text),
                    self.num(&p.after.index_exact)
                )
            } else {
                format!(
                    "After this plan ({total} steps) the {} is <b>{}</b>, rated <b>{after_pred}</b> (exact value {}).",
                    esc(index_name),
                    p.after.index_text,
                    p.after.index_exact
                )
            }
        );
    }

    fn notes(&self, o: &mut String, no: &str) {
        let _ = writeln!(
            o,
            "<section id=\"catatan\">\n<h2>{no}. {}</h2>\n<table>\n<thead><tr><th style=\"width:34%\">{}</th><th>{}</th><th style=\"width:30%\">{}</th></tr></thead>\n<tbody>",
            self.t("Catatan dan Bukti Dukung", "Notes and evidence"),
            self.t("Indikator", "Indicator"),
            self.t("Penjelasan", "Explanation (penjelasan)"),
            self.t("Bukti dukung", "Evidence (bukti dukung)")
        );
        let mut ids: Vec<&IndicatorId> =
            self.a.notes.keys().chain(self.a.evidence.keys()).collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            let note = self
                .a
                .notes
                .get(id)
                .map(|n| esc(n).replace('\n', "<br>"))
                .unwrap_or_default();
            let evidence = match self.a.evidence.get(id) {
                Some(list) if !list.is_empty() => {
                    let mut s = String::from("<ul class=\"ev\">");
                    for e in list {
                        let _ = write!(s, "<li>{}</li>", esc(e));
                    }
                    s.push_str("</ul>");
                    s
                }
                _ => String::new(),
            };
            let _ = writeln!(
                o,
                "<tr><td><b>{}</b> {}</td><td>{note}</td><td>{evidence}</td></tr>",
                esc(id.as_str()),
                self.indicator_name(id.as_str())
            );
        }
        o.push_str("</tbody>\n</table>\n</section>\n");
    }

    /// Who signs: the head of the institution, by the usual title where the
    /// name says it (Bupati, Wali Kota, Gubernur, Menteri), else "Kepala ...".
    fn role(&self) -> Option<String> {
        let inst = self.rep.institution.as_deref()?.trim();
        if inst.is_empty() {
            return None;
        }
        let rest = inst.strip_prefix("Pemerintah ").unwrap_or(inst);
        if !self.id() {
            let titled = [
                ("Kabupaten ", "Regent of "),
                ("Kota ", "Mayor of "),
                ("Provinsi ", "Governor of "),
            ]
            .iter()
            .find_map(|(prefix, title)| {
                rest.strip_prefix(prefix)
                    .filter(|name| !name.trim().is_empty())
                    .map(|name| format!("{title}{name}"))
            });
            return Some(esc(&titled.unwrap_or_else(|| format!("Head of {inst}"))));
        }
        let titled = [
            ("Kabupaten ", "Bupati "),
            ("Kota ", "Wali Kota "),
            ("Provinsi ", "Gubernur "),
            ("Kementerian ", "Menteri "),
        ]
        .iter()
        .find_map(|(prefix, title)| {
            rest.strip_prefix(prefix)
                .filter(|name| !name.trim().is_empty())
                .map(|name| format!("{title}{name}"))
        });
        Some(esc(&titled.unwrap_or_else(|| format!("Kepala {inst}"))))
    }

    fn signature(&self, o: &mut String) {
        let date = self
            .date_text()
            .unwrap_or_else(|| "<span class=\"blank\"></span>".to_owned());
        let role = self
            .role()
            .map(|r| format!("{r},"))
            .unwrap_or_else(|| "<span class=\"blank wide\"></span>".to_owned());
        let _ = writeln!(
            o,
            "<section class=\"sign\" id=\"tanda-tangan\">\n<p><span class=\"blank\"></span>, {date}</p>\n<p>{role}</p>\n\
             <div class=\"space\"></div>\n<p><span class=\"lbl\">{}</span><span class=\"blank wide\"></span></p>\n<p><span class=\"lbl\">NIP</span><span class=\"blank wide\"></span></p>\n</section>",
            self.t("Nama", "Name"),
        );
        let _ = writeln!(
            o,
            "<p class=\"disclaimer\">{}</p>",
            self.t(
                "Laporan ini disusun dengan spbe, implementasi rujukan perhitungan indeks, dari data penilaian yang dimasukkan. Hasil evaluasi resmi ditetapkan oleh Kementerian PANRB.",
                "This report was prepared with spbe, a reference implementation of the index computation, from the assessment data entered. Official evaluation results are set by the Ministry of Administrative and Bureaucratic Reform (KemenPANRB).",
            )
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2026-11-25").ok(), Some((2026, 11, 25)));
        assert_eq!(parse_date("2024-02-29").ok(), Some((2024, 2, 29)));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-5",
            "25/11/2026",
            "2026-11-25-1",
            "",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_aspect_with_unfilled_indicators_is_not_called_all_at_one_level() {
        // 59/2020 aspect 1 has indicators 1-10: nine at 3 and indicator 4 left out,
        // scored renormalised; the others at 3 too
        let levels: Vec<String> = (1..=47)
            .filter(|i| *i != 4)
            .map(|i| format!("\"{i}\": 3"))
            .collect();
        let text = format!(
            r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}}}"#,
            levels.join(", ")
        );
        let opts = Options {
            missing: crate::options::MissingPolicy::Renormalize,
            ..Options::default()
        };
        let html = |lang: &str| {
            crate::ffi::report_html(&text, None, &opts, lang, Some("2026-11-26")).expect("report")
        };
        let id = html("id");
        assert!(id.contains("Indikator aspek ini yang bernilai (9 dari 10) berada pada tingkat 3; sisanya belum bernilai"), "{id}");
        // the complete aspects: "every indicator"
        assert!(id.contains("Semua indikator aspek ini berada pada tingkat 3"));
        let en = html("en");
        assert!(en.contains("The indicators of this aspect with a level (9 of 10) are at level 3; the rest have none"));
    }

    #[test]
    fn languages() {
        assert_eq!("id".parse::<Lang>().ok(), Some(Lang::Id));
        assert_eq!("EN".parse::<Lang>().ok(), Some(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn css_strings_cannot_close_the_style() {
        let s = css_string("a\"</style><script>");
        assert!(!s.contains('<') && !s.contains("\"<"));
        assert_eq!(s.matches('"').count(), 2);
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("Sangat Baik", 1), vec!["Sangat", "Baik"]);
        assert_eq!(wrap("a b c", 10), vec!["a b c"]);
    }
}
