//! Conformance against the official 2024 national SPBE results.
//!
//! # Data
//!
//! `tests/data/spbe-results-2024.csv` holds the four domain indices, the Indeks SPBE
//! and the predicate of all 615 institutions in KemenPANRB's *Laporan Pelaksanaan
//! Evaluasi SPBE 2024* (Tabel 9–54), under PermenPANRB 59/2020. Provenance and known
//! defects are in `tests/data/README.md`. The three flagged rows (a D1 cell lost in
//! the PDF conversion) are skipped. That leaves 612 rows.
//!
//! # What is checked
//!
//! The report publishes only rounded values, not levels. So for each row, the test
//! finds every set of level sums that reproduces the printed values, scores each
//! one through the public text API (`spbe_core::score_text`), and compares the
//! result with the row.
//!
//! Under 59/2020, every indicator in an aspect has the same weight. The domain
//! indices therefore depend only on level sums:
//!
//! * D1 = S1/10, where S1 = Σ levels of indicators 1–10 (10..=50)
//! * D2 = S2/10, where S2 = Σ levels of 11–20 (10..=50)
//! * D3 = S3/11, where S3 = Σ levels of 21–31 (11..=55)
//! * D4 = (11a + 12b)/182, where a = Σ levels of 32–41 (10..=50) and b = Σ of 42–47 (6..=30)
//! * index = (13·D1 + 25·D2 + 16.5·D3 + 45.5·D4)/100, from the *unrounded* domains
//!
//! Printed values are these, rounded half up to 2 decimals. The expectation is
//! computed here in exact integer (i128) rational arithmetic. It does not use
//! spbe-core's `Ratio`.
//!
//! For each unflagged row:
//!
//! 1. Enumerate every (S1, S2, S3, a, b) whose four domain values round to the printed
//!    d1..d4. Keep the ones whose index rounds to the printed index. These are the
//!    row's *consistent combos*; combos with the same exact index are merged.
//! 2. For each combo, build an assessment (`"year": 2024`, 47 levels that spread each
//!    sum over its indicators) and score it. `index_text` and all four domain
//!    indices must equal the printed ones.
//! 3. Predicate. The 2024 report classifies the *unrounded* index (for example, Kab.
//!    Pacitan: exact 3.4985, printed 3.50, predicate "Baik"). In 2023, the rounded
//!    index was classified instead. A row is *determined* when all its combos give
//!    the same exact-rule predicate. For a determined row, spbe's predicate must
//!    equal the printed one for every combo. For an undetermined row, it must
//!    equal the printed one for at least one combo.
//!
//! The test prints its coverage (run with `--nocapture`). This includes the rows
//! where the rounded (2023) rule would give a predicate other than the printed
//! one.
//!
//! # Why the enumeration is small
//!
//! Each domain is checked on its own, over at most 41 sums (41 × 25 pairs for D4).
//! D1 and D2 have steps of 0.1 and D3 a step of 1/11 ≈ 0.09. All are wider than
//! the 0.01 rounding step, so each fixes its sum uniquely. D4 has a step of
//! 1/182 ≈ 0.0055, so 1–2 values of 11a + 12b fit, each with a few (a, b) pairs.
//! Pairs with the same 11a + 12b give the same index and are merged. So each row
//! has only a few combos, and the whole test makes about a thousand `score_text`
//! calls.

use std::cmp::Ordering;
use std::path::PathBuf;

// ------------------------------------------------------------------ exact rationals

/// An exact rational `num/den`, kept reduced with `den > 0` (so equal values are
/// equal structs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Q {
    num: i128,
    den: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn q(num: i128, den: i128) -> Q {
    assert!(den > 0);
    let g = gcd(num, den).max(1);
    Q {
        num: num / g,
        den: den / g,
    }
}

#[cfg(test)]
impl Q {
    fn add(self, o: Q) -> Q {
        q(self.num * o.den + o.num * self.den, self.den * o.den)
    }
    fn mul(self, o: Q) -> Q {
        q(self.num * o.num, self.den * o.den)
    }
    /// Rounded half up to 2 decimals, in hundredths (values here are non-negative).
    fn hundredths(self) -> i64 {
        assert!(self.num >= 0);
        // floor(100·x + 1/2) = floor((200·num + den) / (2·den))
        i64::try_from((200 * self.num + self.den) / (2 * self.den)).unwrap()
    }
}

impl PartialOrd for Q {
    fn partial_cmp(&self, o: &Q) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Q {
    fn cmp(&self, o: &Q) -> Ordering {
        (self.num * o.den).cmp(&(o.num * self.den))
    }
}

// ------------------------------------------------------------------ 59/2020 model

/// Level sums: S1 (indicators 1–10), S2 (11–20), S3 (21–31), a (32–41), b (42–47).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sums {
    s1: i128,
    s2: i128,
    s3: i128,
    a: i128,
    b: i128,
}

const S1_RANGE: std::ops::RangeInclusive<i128> = 10..=50;
const S2_RANGE: std::ops::RangeInclusive<i128> = 10..=50;
const S3_RANGE: std::ops::RangeInclusive<i128> = 11..=55;
const A_RANGE: std::ops::RangeInclusive<i128> = 10..=50;
const B_RANGE: std::ops::RangeInclusive<i128> = 6..=30;

fn d1(s1: i128) -> Q {
    q(s1, 10)
}
fn d2(s2: i128) -> Q {
    q(s2, 10)
}
fn d3(s3: i128) -> Q {
    q(s3, 11)
}
fn d4(a: i128, b: i128) -> Q {
    q(11 * a + 12 * b, 182)
}

impl Sums {
    fn domains(self) -> [Q; 4] {
        [d1(self.s1), d2(self.s2), d3(self.s3), d4(self.a, self.b)]
    }

    /// Exact index = (13·D1 + 25·D2 + 16.5·D3 + 45.5·D4)/100 from unrounded domains.
    fn index(self) -> Q {
        let [x1, x2, x3, x4] = self.domains();
        q(13, 1)
            .mul(x1)
            .add(q(25, 1).mul(x2))
            .add(q(33, 2).mul(x3))
            .add(q(91, 2).mul(x4))
            .mul(q(1, 100))
    }
}

/// Predicate of 59/2020: Kurang < 1.8 ≤ Cukup < 2.6 ≤ Baik < 3.5 ≤ Sangat Baik
/// < 4.2 ≤ Memuaskan (lower bounds inclusive).
fn predicate_of(x: Q) -> &'static str {
    if x < q(180, 100) {
        "Kurang"
    } else if x < q(260, 100) {
        "Cukup"
    } else if x < q(350, 100) {
        "Baik"
    } else if x < q(420, 100) {
        "Sangat Baik"
    } else {
        "Memuaskan"
    }
}

/// 2024 rule: classify the exact index.
fn predicate_exact(s: Sums) -> &'static str {
    predicate_of(s.index())
}

/// 2023 rule: classify the reported (rounded) index.
fn predicate_rounded(hundredths: i64) -> &'static str {
    predicate_of(q(i128::from(hundredths), 100))
}

/// Printed values of one row, in hundredths.
#[derive(Clone, Copy, Debug)]
struct Printed {
    d: [i64; 4],
    index: i64,
}

/// All level sums that reproduce the printed values (the consistent combos),
/// merged by exact index, in enumeration order. Also returns how many combos fit
/// the printed domains alone.
fn consistent_combos(p: Printed) -> (Vec<Sums>, usize) {
    let s1s: Vec<i128> = S1_RANGE.filter(|&s| d1(s).hundredths() == p.d[0]).collect();
    let s2s: Vec<i128> = S2_RANGE.filter(|&s| d2(s).hundredths() == p.d[1]).collect();
    let s3s: Vec<i128> = S3_RANGE.filter(|&s| d3(s).hundredths() == p.d[2]).collect();
    let abs: Vec<(i128, i128)> = A_RANGE
        .flat_map(|a| B_RANGE.map(move |b| (a, b)))
        .filter(|&(a, b)| d4(a, b).hundredths() == p.d[3])
        .collect();
    let mut domain_fits = 0;
    let mut out: Vec<Sums> = Vec::new();
    for &s1 in &s1s {
        for &s2 in &s2s {
            for &s3 in &s3s {
                for &(a, b) in &abs {
                    domain_fits += 1;
                    let s = Sums { s1, s2, s3, a, b };
                    let idx = s.index();
                    if idx.hundredths() == p.index && !out.iter().any(|o| o.index() == idx) {
                        out.push(s);
                    }
                }
            }
        }
    }
    (out, domain_fits)
}

/// `sum` spread as evenly as possible over `count` levels (each in 1..=5 when
/// `count ≤ sum ≤ 5·count`).
fn spread(sum: i128, count: i128) -> Vec<i128> {
    assert!(
        (count..=5 * count).contains(&sum),
        "sum {sum} over {count} indicators"
    );
    (0..count)
        .map(|i| sum / count + i128::from(i < sum % count))
        .collect()
}

/// The assessment JSON for the sums: 47 levels, with `"year"` when given.
fn assessment_json(s: Sums, year: Option<i64>) -> String {
    let mut levels = Vec::with_capacity(47);
    for (sum, count) in [(s.s1, 10), (s.s2, 10), (s.s3, 11), (s.a, 10), (s.b, 6)] {
        levels.extend(spread(sum, count));
    }
    assert_eq!(levels.len(), 47);
    let body: Vec<String> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("\"{}\": {l}", i + 1))
        .collect();
    let year = year.map(|y| format!(", \"year\": {y}")).unwrap_or_default();
    format!(
        "{{\"rubric\": \"permenpanrb-59-2020\"{year}, \"levels\": {{{}}}}}",
        body.join(", ")
    )
}

#[cfg(test)]
fn score(s: Sums, year: Option<i64>) -> spbe_core::Report {
    let json = assessment_json(s, year);
    spbe_core::score_text(&json, None, &spbe_core::Options::default())
        .unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// A reported 2-decimal value in hundredths (`Some(2.6)` → 260).
fn hundredths_f64(x: Option<f64>) -> Option<i64> {
    x.map(|v| (v * 100.0).round() as i64)
}

/// "3.50" → 350. Only the exact form `D.DD` is accepted.
fn parse_hundredths(s: &str) -> Option<i64> {
    let (int, frac) = s.split_once('.')?;
    if int.is_empty()
        || frac.len() != 2
        || !(int.bytes().chain(frac.bytes())).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some(int.parse::<i64>().ok()? * 100 + frac.parse::<i64>().ok()?)
}

// ------------------------------------------------------------------ CSV

fn data_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/spbe-results-2024.csv")
}

/// Splits one CSV line. Quoted fields may contain commas and `""` escapes.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if cur.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut cur)),
            (_, c) => cur.push(c),
        }
    }
    assert!(!quoted, "unterminated quote in: {line}");
    fields.push(cur);
    fields
}

const HEADER: [&str; 13] = [
    "year",
    "table",
    "no",
    "category",
    "kind",
    "institution",
    "d1",
    "d2",
    "d3",
    "d4",
    "index",
    "predicate",
    "flag",
];

struct Row {
    table: String,
    no: String,
    institution: String,
    /// Printed values; `None` for a flagged row (whose cells may be empty).
    printed: Option<Printed>,
    predicate: String,
}

impl Row {
    fn label(&self) -> String {
        format!("Tabel {} no. {} {}", self.table, self.no, self.institution)
    }
}

#[cfg(test)]
fn read_rows() -> Vec<Row> {
    let text = std::fs::read_to_string(data_path()).expect("tests/data/spbe-results-2024.csv");
    let mut lines = text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.is_empty());
    assert_eq!(
        csv_fields(lines.next().expect("header")),
        HEADER,
        "CSV header"
    );
    lines
        .map(|line| {
            let f = csv_fields(line);
            assert_eq!(f.len(), HEADER.len(), "field count in: {line}");
            assert_eq!(f[0], "2024", "year in: {line}");
            let printed = if f[12].is_empty() {
                let num = |i: usize| {
                    parse_hundredths(&f[i])
                        .unwrap_or_else(|| panic!("{} {:?} in: {line}", HEADER[i], f[i]))
                };
                Some(Printed {
                    d: [num(6), num(7), num(8), num(9)],
                    index: num(10),
                })
            } else {
                None
            };
            Row {
                table: f[1].clone(),
                no: f[2].clone(),
                institution: f[5].clone(),
                printed,
                predicate: f[11].clone(),
            }
        })
        .collect()
}

// ------------------------------------------------------------------ tests

#[test]
fn published_results_2024() {
    let rows = read_rows();
    let flagged = rows.iter().filter(|r| r.printed.is_none()).count();

    let mut checked = 0;
    let mut combos_total = 0;
    let mut determined = 0;
    let mut undetermined: Vec<String> = Vec::new();
    let mut rounded_rule_differs: Vec<String> = Vec::new();
    let mut from_printed_domains_differs = 0;

    // Failures, by kind: the expectation itself (data vs the model), index and
    // domains from spbe, predicates from spbe.
    let mut model_failures: Vec<String> = Vec::new();
    let mut value_failures: Vec<String> = Vec::new();
    let mut predicate_failures: Vec<String> = Vec::new();

    for row in &rows {
        let Some(p) = row.printed else { continue };
        checked += 1;
        let label = row.label();

        if predicate_rounded(p.index) != row.predicate {
            rounded_rule_differs.push(format!(
                "{label} ({}.{:02} {})",
                p.index / 100,
                p.index % 100,
                row.predicate
            ));
        }
        // The index recomputed from the printed (rounded) domains, for the README's claim.
        let naive =
            p.d.iter()
                .zip([q(13, 1), q(25, 1), q(33, 2), q(91, 2)])
                .fold(q(0, 1), |acc, (&d, w)| {
                    acc.add(w.mul(q(i128::from(d), 100)))
                });
        if naive.mul(q(1, 100)).hundredths() != p.index {
            from_printed_domains_differs += 1;
        }

        let (combos, domain_fits) = consistent_combos(p);
        if combos.is_empty() {
            model_failures.push(format!(
                "{label}: no consistent combo ({domain_fits} fit the domains)"
            ));
            continue;
        }
        combos_total += combos.len();

        // The exact (2024) rule, in our own arithmetic.
        let mut exact_preds: Vec<&str> = combos.iter().map(|&s| predicate_exact(s)).collect();
        exact_preds.sort_unstable();
        exact_preds.dedup();
        let is_determined = exact_preds.len() == 1;
        if is_determined {
            determined += 1;
            if exact_preds[0] != row.predicate {
                model_failures.push(format!(
                    "{label}: exact rule gives {}, printed {}",
                    exact_preds[0], row.predicate
                ));
            }
        } else {
            undetermined.push(format!("{label} ({})", exact_preds.join(" / ")));
            if !exact_preds.contains(&row.predicate.as_str()) {
                model_failures.push(format!(
                    "{label}: exact rule gives {exact_preds:?}, printed {}",
                    row.predicate
                ));
            }
        }

        let mut any_predicate_matches = false;
        let mut spbe_preds: Vec<String> = Vec::new();
        for &s in &combos {
            let r = score(s, Some(2024));
            let want_index = format!("{}.{:02}", p.index / 100, p.index % 100);
            if r.index_text != want_index {
                value_failures.push(format!(
                    "{label} {s:?}: index_text {} != {want_index}",
                    r.index_text
                ));
            }
            if r.domains.len() != 4 {
                value_failures.push(format!("{label} {s:?}: {} domains", r.domains.len()));
            }
            for (k, (dom, &want)) in r.domains.iter().zip(&p.d).enumerate() {
                if hundredths_f64(dom.index) != Some(want) {
                    value_failures.push(format!(
                        "{label} {s:?}: D{} {:?} != {want}/100",
                        k + 1,
                        dom.index
                    ));
                }
            }
            any_predicate_matches |= r.predicate == row.predicate;
            if is_determined && r.predicate != row.predicate {
                predicate_failures.push(format!(
                    "{label} {s:?} exact {}: predicate {} != printed {}",
                    s.index().num as f64 / s.index().den as f64,
                    r.predicate,
                    row.predicate
                ));
            }
            spbe_preds.push(r.predicate.to_string());
        }
        if !is_determined && !any_predicate_matches {
            predicate_failures.push(format!(
                "{label}: no combo gives printed {} (spbe: {spbe_preds:?})",
                row.predicate
            ));
        }
    }

    println!("published 2024 results: {}", data_path().display());
    println!("  rows total:                       {}", rows.len());
    println!("  flagged, skipped:                 {flagged}");
    println!("  rows checked:                     {checked}");
    println!("  consistent combos scored:         {combos_total}");
    println!("  determined rows:                  {determined}");
    println!("  undetermined rows:                {}", undetermined.len());
    for u in &undetermined {
        println!("    {u}");
    }
    println!(
        "  rounded (2023) rule would differ: {}",
        rounded_rule_differs.len()
    );
    for d in &rounded_rule_differs {
        println!("    {d}");
    }
    println!("  index from printed domains would differ: {from_printed_domains_differs}");
    println!("  model failures:     {}", model_failures.len());
    println!("  index/domain fails: {}", value_failures.len());
    println!("  predicate fails:    {}", predicate_failures.len());

    assert_eq!(rows.len(), 615, "rows in the CSV");
    assert_eq!(checked, 612, "unflagged rows");
    assert_eq!(determined + undetermined.len(), checked);
    for name in [
        "Pemerintah Kab. Pacitan",
        "Pemerintah Kab. Luwu",
        "Pemerintah Kab. Nias Barat",
    ] {
        assert!(
            rounded_rule_differs
                .iter()
                .any(|d| d.contains(&format!(" {name} ("))),
            "{name} should be a row where the rounded rule differs"
        );
    }
    assert!(
        model_failures.is_empty(),
        "data vs model:\n{}",
        model_failures.join("\n")
    );
    assert!(
        value_failures.is_empty(),
        "index/domains:\n{}",
        value_failures.join("\n")
    );
    assert!(
        predicate_failures.is_empty(),
        "predicates:\n{}",
        predicate_failures.join("\n")
    );
}

/// Three rows where the rounded rule would give a different predicate: (name,
/// sums, printed values, printed predicate, predicate under the rounded 2023 rule).
/// The sums are consistent combos found by `consistent_combos`:
///
/// * Pacitan: the only combo (up to exact index) is exact 3.4985.
/// * Luwu: its combos are exact 2.5985 and 2.596, both "Cukup"; the first is used.
/// * Nias Barat: its combos are exact 1.8 ("Cukup") and 1.7975 ("Kurang"), so the
///   row is undetermined. The printed "Kurang" needs 1.7975, which is used here.
fn named_cases() -> [(&'static str, Sums, Printed, &'static str, &'static str); 3] {
    [
        (
            // exact index 3.4985
            "Pemerintah Kab. Pacitan",
            Sums {
                s1: 47,
                s2: 30,
                s3: 23,
                a: 39,
                b: 24,
            },
            Printed {
                d: [470, 300, 209, 394],
                index: 350,
            },
            "Baik",
            "Sangat Baik",
        ),
        (
            // exact index 2.5985
            "Pemerintah Kab. Luwu",
            Sums {
                s1: 12,
                s2: 21,
                s3: 14,
                a: 37,
                b: 23,
            },
            Printed {
                d: [120, 210, 127, 375],
                index: 260,
            },
            "Cukup",
            "Baik",
        ),
        (
            // exact index 1.7975
            "Pemerintah Kab. Nias Barat",
            Sums {
                s1: 10,
                s2: 11,
                s3: 11,
                a: 13,
                b: 29,
            },
            Printed {
                d: [100, 110, 100, 270],
                index: 180,
            },
            "Kurang",
            "Cukup",
        ),
    ]
}

/// The hard-coded sums reproduce the printed row (in our own arithmetic).
#[test]
fn named_cases_match_printed_values() {
    for (name, s, p, exact, rounded) in named_cases() {
        let (combos, _) = consistent_combos(p);
        assert!(
            combos.iter().any(|c| c.index() == s.index()),
            "{name}: {s:?} not among {combos:?}"
        );
        assert_eq!(s.domains().map(Q::hundredths), p.d, "{name} domains");
        assert_eq!(s.index().hundredths(), p.index, "{name} index");
        assert_eq!(predicate_exact(s), exact, "{name} exact rule");
        assert_eq!(predicate_rounded(p.index), rounded, "{name} rounded rule");
    }
    let exact: Vec<Q> = named_cases().iter().map(|c| c.1.index()).collect();
    assert_eq!(exact, [q(34985, 10000), q(25985, 10000), q(17975, 10000)]);
}

/// `"year": 2024` classifies the exact index, as the 2024 report does.
#[test]
fn year_2024_classifies_exact_index() {
    for (name, s, p, exact, _) in named_cases() {
        let r = score(s, Some(2024));
        assert_eq!(hundredths_f64(Some(r.index)), Some(p.index), "{name} index");
        assert_eq!(
            parse_hundredths(&r.index_text),
            Some(p.index),
            "{name} index_text"
        );
        assert_eq!(r.predicate, exact, "{name} 2024 predicate");
    }
}

/// `"year": 2023` classifies the rounded index (the rule before 2024).
#[test]
fn year_2023_classifies_rounded_index() {
    for (name, s, p, _, rounded) in named_cases() {
        let r = score(s, Some(2023));
        assert_eq!(
            parse_hundredths(&r.index_text),
            Some(p.index),
            "{name} index_text"
        );
        assert_eq!(r.predicate, rounded, "{name} 2023 predicate");
    }
}

/// Without a year, the edition's default rule applies: exact.
#[test]
fn no_year_defaults_to_exact() {
    let (name, s, _, exact, _) = named_cases()[0];
    let r = score(s, None);
    assert_eq!(r.index_text, "3.50", "{name}");
    assert_eq!(r.predicate, exact, "{name} default predicate");
    assert_eq!(r.predicate, "Baik");
}
