//! The LHE-style HTML report (`spbe_core::lhe`, `spbe report`): what it names,
//! that it references nothing outside itself, its number format, escaping,
//! the plan, the signature block, and the CLI.

use std::process::{Command, Output, Stdio};

use spbe_core::lhe::{render_html, render_html_with, Lang, LheOptions, DEFAULT_TARGET_LEVEL};
use spbe_core::{
    builtin, parse_text, plan_with, score_with, Assessment, Options, PlanRequest, Rubric,
};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

#[cfg(test)]
fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{rel}")).unwrap()
}

/// The bundled examples and a 2018 conformance vector's input (as JSON text).
#[cfg(test)]
fn inputs() -> Vec<(&'static str, String)> {
    let vector: serde_json::Value =
        serde_json::from_str(&read("tests/vectors/2018-mixed.json")).unwrap();
    vec![
        (
            "examples/kabupaten-sukamaju-2024.json",
            read("examples/kabupaten-sukamaju-2024.json"),
        ),
        (
            "examples/kabupaten-sukamaju-2026.json",
            read("examples/kabupaten-sukamaju-2026.json"),
        ),
        ("tests/vectors/2018-mixed.json", vector["input"].to_string()),
    ]
}

#[cfg(test)]
fn parsed(text: &str) -> (Assessment, &'static Rubric) {
    let a = parse_text(text, None).unwrap();
    let r = builtin(&a.rubric).unwrap();
    (a, r)
}

/// HTML escaping, written again here (not the module's own function).
#[cfg(test)]
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `2.67` as the Indonesian text writes it: `2,67`.
#[cfg(test)]
fn comma(s: &str) -> String {
    s.replace('.', ",")
}

/// Numbers written with `sep` between digits in the text of the body (tags
/// and the style sheet left out).
#[cfg(test)]
fn decimals(doc: &str, sep: char) -> Vec<String> {
    let body = doc.split("<body>").nth(1).unwrap_or("");
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .filter(|w| w[0].is_ascii_digit() && w[1] == sep && w[2].is_ascii_digit())
        .map(|w| w.iter().collect())
        .collect()
}

#[cfg(test)]
fn html(a: &Assessment, r: &Rubric, lang: Lang, date: Option<&str>) -> String {
    render_html(a, r, &Options::default(), lang, date).unwrap()
}

/// Everything that could make the page fetch something, outside the texts
/// the assessment gives as evidence (shown as plain text, never as links).
#[cfg(test)]
fn assert_self_contained(doc: &str, a: &Assessment, what: &str) {
    let mut rest = doc.to_owned();
    for list in a.evidence.values() {
        for e in list {
            rest = rest.replace(&escaped(e), "");
        }
    }
    let lower = rest.to_lowercase();
    for bad in [
        "http://",
        "https://",
        "src=\"//",
        "src=",
        "href=",
        "@import",
        "<script",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "xlink:",
        "@font-face",
    ] {
        assert!(!lower.contains(bad), "{what}: contains {bad:?}");
    }
    // url(...) only for the chart's own hatch pattern, in the document
    for (i, _) in lower.match_indices("url(") {
        let after = lower.get(i + 4..i + 5).unwrap_or("");
        assert_eq!(after, "#", "{what}: a url() that is not a fragment");
    }
    for uri in ["\"data:", "'data:", "(data:", "=data:"] {
        assert!(!lower.contains(uri), "{what}: a data: URI");
    }
}

#[test]
fn names_every_aspect_and_indicator_in_both_languages() {
    for (name, text) in inputs() {
        let (a, r) = parsed(&text);
        for lang in [Lang::Id, Lang::En] {
            let doc = html(&a, r, lang, None);
            assert!(doc.starts_with("<!DOCTYPE html>"), "{name}");
            assert!(doc.trim_end().ends_with("</html>"), "{name}");
            for (_, asp) in r.aspects() {
                let n = match (lang, &asp.name_en) {
                    (Lang::En, Some(en)) => en,
                    _ => &asp.name,
                };
                assert!(
                    doc.contains(&escaped(n)),
                    "{name} {lang:?}: aspect {} {n}",
                    asp.id
                );
            }
            for dom in r.domains() {
                let n = match (lang, &dom.name_en) {
                    (Lang::En, Some(en)) => en,
                    _ => &dom.name,
                };
                assert!(doc.contains(&escaped(n)), "{name} {lang:?}: domain {n}");
            }
            for (_, _, ind) in r.indicators() {
                let n = match (lang, &ind.name_en) {
                    (Lang::En, Some(en)) => en,
                    _ => &ind.name,
                };
                // the row of the indicator table: its id, then its name
                let cell = format!("<td class=\"c\">{}</td><td>{}</td>", ind.id, escaped(n));
                assert!(doc.contains(&cell), "{name} {lang:?}: indicator {cell}");
            }
        }
    }
}

#[test]
fn no_network_reference_of_any_kind() {
    for (name, text) in inputs() {
        let (a, r) = parsed(&text);
        for lang in [Lang::Id, Lang::En] {
            assert_self_contained(&html(&a, r, lang, Some("2026-11-25")), &a, name);
        }
    }
    // the evidence links of the examples are there, as text only
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2024.json"));
    let doc = html(&a, r, Lang::Id, None);
    assert!(doc.contains("<li>https://simpeg.sukamaju.example/</li>"));
}

#[test]
fn decimal_comma_in_indonesian_and_point_in_english() {
    for (name, text) in inputs() {
        let (a, r) = parsed(&text);
        let rep = score_with(&a, r, &Options::default()).unwrap();
        let id = html(&a, r, Lang::Id, None);
        let en = html(&a, r, Lang::En, None);
        let point = rep.index_text.clone();
        assert!(point.contains('.'), "{name}");
        assert!(
            id.contains(&format!("data-testid=\"index\">{}<", comma(&point))),
            "{name}: index {} in Indonesian",
            comma(&point)
        );
        assert!(
            en.contains(&format!("data-testid=\"index\">{point}<")),
            "{name}: index {point} in English"
        );
        // the reported index never appears with a point in the Indonesian text
        assert!(
            !id.contains(point.as_str()),
            "{name}: {point} in the Indonesian text"
        );
        // nor does any aspect index
        for asp in &rep.aspects {
            let v = format!("{:.2}", asp.index.unwrap());
            assert!(
                id.contains(&format!(">{}<", comma(&v))),
                "{name}: aspect {} index {}",
                asp.id,
                comma(&v)
            );
            assert!(en.contains(&format!(">{v}<")), "{name}: aspect {v}");
        }
        if let Some(next) = &rep.next_predicate {
            let gap = format!("{:.2}", next.gap);
            assert!(id.contains(&format!("data-testid=\"gap\">{}<", comma(&gap))));
            assert!(en.contains(&format!("data-testid=\"gap\">{gap}<")));
        }
        assert!(id.contains("<html lang=\"id\">") && en.contains("<html lang=\"en\">"));
        // everywhere in the visible text: no "2.67" in Indonesian, no "2,67" in English
        assert_eq!(decimals(&id, '.'), Vec::<String>::new(), "{name} id");
        assert_eq!(decimals(&en, ','), Vec::<String>::new(), "{name} en");
    }
    // 8/2026 values as given: 2.40 and 7/3
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2026.json"));
    let id = html(&a, r, Lang::Id, None);
    assert!(id.contains(">2,40<") && id.contains(">7/3<") && !id.contains(">2.40<"));
    let en = html(&a, r, Lang::En, None);
    assert!(en.contains(">2.40<") && en.contains(">7/3<"));
}

#[test]
fn the_2024_example_predicate_next_band_targets_and_sources() {
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2024.json"));
    let doc = html(&a, r, Lang::Id, Some("2026-11-25"));
    // 2.6715 exactly: "2,67 Baik", Sangat Baik from 3,50, 0,83 to go
    assert!(doc.contains("data-testid=\"predicate\">Baik<"));
    assert!(doc.contains("nilai eksak 2,6715"));
    assert!(doc.contains("dicapai pada indeks 3,50 atau lebih"));
    assert!(doc.contains("<b>Nilai akhir</b>"));
    assert!(doc.contains("<b>Resmi</b>"));
    assert!(doc.contains("sesuai praktik evaluasi tahun 2024"));
    assert!(doc.contains("PermenPANRB 59/2020"));
    // indicator 1: final level 3 (dokumen), target track 5, gap 2
    assert!(doc.contains(
        "<td class=\"c\">1</td><td>Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah</td><td class=\"n\">1,30</td><td class=\"c\">3</td><td class=\"c\">5</td><td class=\"c\"><span class=\"gap\">2</span></td><td class=\"c\">Dokumen</td>"
    ));
    // indicator 12 was re-scored at interview
    assert!(doc.contains("<td class=\"c\">Interviu</td>"));
}

#[test]
fn default_target_is_level_3_and_a_parameter() {
    assert_eq!(DEFAULT_TARGET_LEVEL, 3);
    // the 2026 example has no target track: 3 for all, and 7/3 is 2/3 short
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2026.json"));
    let doc = html(&a, r, Lang::Id, None);
    assert!(doc.contains("Target: tingkat 3 untuk setiap indikator"));
    assert!(doc.contains(
        "<td class=\"c\">7/3</td><td class=\"c\">3</td><td class=\"c\"><span class=\"gap\">0,67</span></td>"
    ));
    // indicator 17 (3.10) is above it: no gap
    assert!(doc.contains("<td class=\"c\">3,10</td><td class=\"c\">3</td><td class=\"c\">–</td>"));
    let four = render_html_with(
        &a,
        r,
        &Options::default(),
        &LheOptions {
            default_target: 4,
            ..LheOptions::default()
        },
    )
    .unwrap();
    assert!(four.contains("Target: tingkat 4 untuk setiap indikator"));
    assert!(four.contains(
        "<td class=\"c\">3,10</td><td class=\"c\">4</td><td class=\"c\"><span class=\"gap\">0,90</span></td>"
    ));
}

#[test]
fn strengths_and_weaknesses_never_name_an_indicator_twice() {
    // 2018 aspect 5 has levels 5, 4, 0 (indicators 22-24): one of each
    let (a, r) = parsed(&inputs().get(2).unwrap().1);
    let doc = html(&a, r, Lang::Id, None);
    let start = doc.find("id=\"profil\"").unwrap();
    let end = doc.find("id=\"indikator\"").unwrap();
    let section = doc.get(start..end).unwrap();
    for row in section.split("<tr>").skip(2) {
        let ids: Vec<&str> = row
            .split("<li><b>")
            .skip(1)
            .filter_map(|s| s.split("</b>").next())
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{row}");
    }
    assert!(section.contains("<li><b>23</b>") && section.contains("<li><b>24</b>"));
    assert!(!section.contains("<li><b>22</b>"));
}

#[test]
fn assessment_and_rubric_text_is_escaped() {
    let v = serde_json::json!({
        "rubric": "permenpanrb-59-2020",
        "institution": "<script>alert('x')</script> Dinas \"Kominfo\" & Co",
        "year": 2024,
        "levels": (1..=47).map(|i| (i.to_string(), serde_json::json!(3))).collect::<serde_json::Map<_, _>>(),
        "notes": {"1": "<script>alert(1)</script>", "2": "a </style> b\nbaris kedua"},
        "evidence": {"1": ["<img src=x onerror=alert(1)>", "javascript:alert(1)"]}
    });
    let (a, r) = parsed(&v.to_string());
    for lang in [Lang::Id, Lang::En] {
        let doc = html(&a, r, lang, None);
        let lower = doc.to_lowercase();
        assert!(!lower.contains("<script"), "{lang:?}");
        assert!(!lower.contains("<img"), "{lang:?}");
        assert_eq!(lower.matches("</style>").count(), 1, "{lang:?}");
        assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(doc.contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Dinas &quot;Kominfo&quot; &amp; Co"
        ));
        assert!(doc.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(doc.contains("a &lt;/style&gt; b<br>baris kedua"));
        assert!(!lower.contains("href="));
        assert_self_contained(&doc, &a, "escaping");
    }
    // the head of a Dinas signs as its Kepala
    let doc = html(&a, r, Lang::Id, None);
    assert!(doc.contains(
        "<p>Kepala &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Dinas &quot;Kominfo&quot; &amp; Co,</p>"
    ));
}

#[test]
fn the_plan_to_the_next_predicate() {
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2024.json"));
    let plan = plan_with(&a, r, &Options::default(), &PlanRequest::to("Sangat Baik")).unwrap();
    assert!(!plan.steps.is_empty());
    for lang in [Lang::Id, Lang::En] {
        let doc = html(&a, r, lang, None);
        assert!(doc.contains("id=\"rencana\""));
        let section = doc.get(doc.find("id=\"rencana\"").unwrap()..).unwrap();
        match lang {
            Lang::Id => {
                assert!(section.contains("Rencana Peningkatan menuju Predikat Sangat Baik"));
                assert!(section.contains(&format!(
                    "Indeks SPBE menjadi <b>{}</b> dengan predikat <b>Sangat Baik</b>",
                    comma(&plan.after.index_text)
                )));
            }
            Lang::En => {
                assert!(section.contains("Improvement plan to Very good"));
                assert!(section.contains(&format!("<b>{}</b>", plan.after.index_text)));
            }
        }
        let total: u32 = plan.steps.iter().map(|s| s.steps).sum();
        assert!(section.contains(&format!("<td class=\"c\">{total}</td>")));
        for s in &plan.steps {
            assert!(
                section.contains(&format!(
                    "<tr><td class=\"c\">{}</td>",
                    escaped(&s.indicator)
                )),
                "step {}",
                s.indicator
            );
            assert!(section.contains(&format!("{} → {}", s.from, s.to)));
        }
    }
    // the top band: nothing to plan
    let all5 = serde_json::json!({
        "rubric": "permenpanrb-59-2020",
        "levels": (1..=47).map(|i| (i.to_string(), serde_json::json!(5))).collect::<serde_json::Map<_, _>>(),
    });
    let (a, r) = parsed(&all5.to_string());
    let doc = html(&a, r, Lang::Id, None);
    assert!(doc.contains("sudah berada pada predikat tertinggi (Memuaskan)"));
    assert!(!doc.contains("class=\"plan\""));
    assert!(html(&a, r, Lang::En, None).contains("is in the highest predicate"));
    // 8/2026: a value is raised to the next whole number, shown as written
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2026.json"));
    let doc = html(&a, r, Lang::Id, None);
    assert!(doc.contains("Rencana Peningkatan menuju Predikat Baik"));
    assert!(doc.contains("2,30 → 5"));
}

#[test]
fn notes_evidence_date_and_signature() {
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2024.json"));
    let doc = html(&a, r, Lang::Id, Some("2026-11-25"));
    for (id, note) in &a.notes {
        assert!(doc.contains(&escaped(note)), "note {id}");
    }
    for list in a.evidence.values() {
        for e in list {
            assert!(doc.contains(&format!("<li>{}</li>", escaped(e))));
        }
    }
    assert!(doc.contains("Catatan dan Bukti Dukung"));
    let sign = doc.get(doc.find("id=\"tanda-tangan\"").unwrap()..).unwrap();
    assert!(sign.contains(", 25 November 2026</p>"));
    assert!(sign.contains("<p>Bupati Sukamaju (fiktif),</p>"));
    assert!(sign.contains(">Nama<") && sign.contains(">NIP<"));
    assert!(doc.contains("<td>25 November 2026</td>"));
    let en = html(&a, r, Lang::En, Some("2026-02-01"));
    assert!(en.contains(", 1 February 2026</p>"));
    assert!(en.contains("<p>Regent of Sukamaju (fiktif),</p>"));
    assert!(en.contains(">Name<"));
    // no date: a line to fill in; no institution: a blank role line
    let (a, r) = parsed(&inputs().get(2).unwrap().1);
    let doc = html(&a, r, Lang::Id, None);
    let sign = doc.get(doc.find("id=\"tanda-tangan\"").unwrap()..).unwrap();
    assert!(sign.contains("<p><span class=\"blank\"></span>, <span class=\"blank\"></span></p>"));
    assert!(sign.contains("<p><span class=\"blank wide\"></span></p>"));
    // no notes or evidence: no such section
    assert!(!doc.contains("Catatan dan Bukti Dukung"));
    // a date that is not YYYY-MM-DD
    for bad in ["25-11-2026", "2026-02-30", "kemarin"] {
        let e = render_html(&a, r, &Options::default(), Lang::Id, Some(bad)).unwrap_err();
        assert_eq!(e.code(), "invalid_options", "{bad}");
    }
}

#[test]
fn prints_on_a4() {
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2024.json"));
    let doc = html(&a, r, Lang::Id, None);
    for part in [
        "@page",
        "size: A4",
        "break-before: page",
        "break-inside: avoid",
        "thead { display: table-header-group; }",
        "counter(pages)",
    ] {
        assert!(doc.contains(part), "{part}");
    }
    // no colour: greys only (black-and-white printers)
    for hex in doc
        .match_indices('#')
        .filter_map(|(i, _)| doc.get(i + 1..i + 7))
    {
        if hex.chars().all(|c| c.is_ascii_hexdigit()) {
            let g = hex.get(0..2);
            assert!(
                g == hex.get(2..4) && g == hex.get(4..6),
                "colour #{hex} is not a grey"
            );
        }
    }
}

#[test]
fn non_official_options_are_stated() {
    // a missing indicator under the lowest policy
    let v = serde_json::json!({
        "rubric": "permenpanrb-59-2020",
        "levels": (1..=46).map(|i| (i.to_string(), serde_json::json!(3))).collect::<serde_json::Map<_, _>>(),
    });
    let (a, r) = parsed(&v.to_string());
    let opts = Options {
        missing: spbe_core::MissingPolicy::Lowest,
        predicate_basis: Some(spbe_core::PredicateBasis::Reported),
        ..Options::default()
    };
    let doc = render_html(&a, r, &opts, Lang::Id, None).unwrap();
    assert!(doc.contains("<b>Tidak resmi</b> — 1 indikator tanpa nilai (47)"));
    assert!(doc.contains("dibulatkan dua desimal"));
    assert!(doc.contains("dipilih dengan opsi perhitungan"));
    assert!(doc.contains("<span class=\"muted\">tanpa nilai</span>"));
    // the official policy refuses it, as scoring does
    assert!(render_html(&a, r, &Options::default(), Lang::Id, None).is_err());
}

#[cfg(test)]
fn spbe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spbe"))
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn cli_report() {
    let o = spbe(&[
        "report",
        "examples/kabupaten-sukamaju-2024.json",
        "--date",
        "2026-11-25",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (a, r) = parsed(&read("examples/kabupaten-sukamaju-2024.json"));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        html(&a, r, Lang::Id, Some("2026-11-25"))
    );
    // options are those of `score`
    let o = spbe(&[
        "report",
        "examples/kabupaten-sukamaju-2024.json",
        "--format",
        "html",
        "--lang",
        "en",
        "--track",
        "mandiri",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("<b>Self-assessment (mandiri)</b>"));
    // a vector works as input too
    let v = spbe(&["vector", "examples/kabupaten-sukamaju-2026.json"]);
    let vector = String::from_utf8(v.stdout).unwrap();
    let o = spbe(&["report", vector.trim()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("Indeks Pemerintah Digital"));
    // a bad date is invalid input (1); a bad language or format is a usage error (2)
    let o = spbe(&[
        "report",
        "examples/kabupaten-sukamaju-2024.json",
        "--date",
        "25/11/2026",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("[invalid_options]"));
    for args in [["--lang", "fr"], ["--format", "pdf"]] {
        let mut all = vec!["report", "examples/kabupaten-sukamaju-2024.json"];
        all.extend(args);
        assert_eq!(spbe(&all).status.code(), Some(2), "{args:?}");
    }
    // the help says how to get a PDF
    let help = String::from_utf8(spbe(&["report", "--help"]).stdout).unwrap();
    assert!(help.contains("--print-to-pdf"));
}

/// Evidence (issue 11): where the assessment says which criteria its evidence
/// meets, the report shows the supported level and lists the claims above it.
#[test]
fn evidence_supported_levels_are_shown() {
    let levels: Vec<String> = (1..=47).map(|i| format!("\"{i}\": 3")).collect();
    let text = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}, "criteria_met": {{"2": [1, 2], "5": [1, 2, 3, 4]}}}}"#,
        levels.join(", ")
    );
    let (a, r) = parsed(&text);
    let doc = html(&a, r, Lang::Id, None);
    // indicator 2 claims 3 with levels 1-2 met (cumulative): supported 2, listed; 5 is supported at 4
    assert!(
        doc.contains("Tingkat di atas yang didukung bukti dukung:</b> 2</p>"),
        "list"
    );
    assert!(doc.contains("<b>bukti dukung: tingkat 2</b>"), "flagged");
    assert!(doc.contains(">bukti dukung: tingkat 4</span>"), "supported");
    let en = html(&a, r, Lang::En, None);
    assert!(en.contains("Levels above what their evidence supports:</b> 2</p>"));
}
