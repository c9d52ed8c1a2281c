//! The `spbe` program: outputs, exit statuses (0 ok, 1 invalid input, 2 usage).

#![allow(clippy::type_complexity)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

#[cfg(test)]
fn spbe(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spbe"));
    cmd.args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("spawn spbe");
    if let Some(s) = stdin {
        // the program may stop reading early (oversized input): ignore a broken pipe
        let _ = child.stdin.take().expect("stdin").write_all(s.as_bytes());
    }
    child.wait_with_output().expect("wait")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Kab. Pacitan 2024 (national report: "3,50 Baik", exact 3.4985): level sums
/// 47, 30, 23, 39, 24 for indicators 1-10, 11-20, 21-31, 32-41, 42-47, spread
/// evenly, as `"id": level` entries.
#[cfg(test)]
fn pacitan_levels() -> Vec<String> {
    [(47, 10), (30, 10), (23, 11), (39, 10), (24, 6)]
        .iter()
        .flat_map(|&(total, n)| (0..n).map(move |k| total / n + i32::from(k < total % n)))
        .enumerate()
        .map(|(i, v)| format!("\"{}\": {v}", i + 1))
        .collect()
}

const EXAMPLE: &str = "examples/kabupaten-sukamaju-2024.json";

#[test]
fn score_the_bundled_example_as_text_and_json() {
    let o = spbe(&["score", EXAMPLE], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = out(&o);
    for part in [
        "Indeks SPBE",
        "Pemerintah Kabupaten Sukamaju",
        "track: final",
        "Domains",
        "Aspects",
        "Largest gains",
    ] {
        assert!(text.contains(part), "{part} not in:\n{text}");
    }
    let o = spbe(&["score", EXAMPLE, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json report");
    // the public contract fields
    for key in [
        "rubric",
        "index",
        "predicate",
        "domains",
        "aspects",
        "indicators",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["rubric"], "permenpanrb-59-2020");
    assert_eq!(v["domains"].as_array().map(Vec::len), Some(4));
    for key in ["id", "name", "weight", "index", "predicate"] {
        assert!(v["domains"][0].get(key).is_some(), "domains[].{key}");
    }
    for key in ["id", "domain", "name", "weight", "index", "predicate"] {
        assert!(v["aspects"][0].get(key).is_some(), "aspects[].{key}");
    }
    assert_eq!(v["indicators"].as_array().map(Vec::len), Some(47));
}

/// The example's final track worked out by hand: dokumen, with interviu
/// re-scoring 12 -> 3, 20 -> 2, 36 -> 3 (see examples/kabupaten-sukamaju-2024.json).
#[test]
fn example_final_index_by_hand() {
    // final levels per aspect (weights in hundredths of a percent):
    // A1 (130): 3,3,3,3,3,2,3,3,2,3 = 28   A2 (250): 3,3,3,2 = 11   A3 (250): 3,2,3,2 = 10
    // A4 (250): 3,2 = 5   A5 (150): 2,2,2,2,1,2,1,2 = 14   A6 (150): 2,2,2 = 6
    // A7 (275): 3,4,4,4,3,3,3,3,3,3 = 33   A8 (300): 3,2,3,3,3,1 = 15
    let sum = 130 * 28 + 250 * (11 + 10 + 5) + 150 * (14 + 6) + 275 * 33 + 300 * 15;
    assert_eq!(sum, 26715);
    let v: serde_json::Value =
        serde_json::from_slice(&spbe(&["score", EXAMPLE, "--format", "json"], None).stdout)
            .unwrap();
    assert_eq!(v["index_exact"], "2.6715");
    assert_eq!(v["index"], 2.67);
    assert_eq!(v["predicate"], "Baik");
}

#[test]
fn stdin_vector_and_tracks() {
    let o = spbe(&["vector", EXAMPLE], None);
    assert_eq!(o.status.code(), Some(0));
    let vector = out(&o).trim().to_owned();
    assert!(vector.starts_with("SPBE1.permenpanrb-59-2020."));
    // a vector as the argument, and on stdin, gives the same report
    let a = out(&spbe(&["score", &vector, "--format", "json"], None));
    let b = out(&spbe(&["score", "-", "--format", "json"], Some(&vector)));
    let c = out(&spbe(&["score", EXAMPLE, "--format", "json"], None));
    assert_eq!(a, c);
    assert_eq!(b, c);
    // the self-assessment track scores higher here
    let m: serde_json::Value = serde_json::from_str(&out(&spbe(
        &["score", EXAMPLE, "--track", "mandiri", "--format", "json"],
        None,
    )))
    .unwrap();
    assert_eq!(m["track"], "mandiri");
    let o = spbe(
        &["compare", EXAMPLE, "mandiri", "final", "--format", "json"],
        None,
    );
    let cmp: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        cmp["changes"].as_array().map(Vec::len),
        Some(8),
        "1,10,16,22,25,32,44,47 differ"
    );
    assert_eq!(cmp["official"], true, "both tracks are complete");
    // a self-assessment missing indicators, scored with a policy that allows
    // it: the comparison says it is an estimate, in JSON and in text
    let mut partial: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../",
            "examples/kabupaten-sukamaju-2024.json"
        ))
        .unwrap(),
    )
    .unwrap();
    partial["tracks"]["mandiri"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "3" && k != "4");
    let text = partial.to_string();
    let args = ["compare", "-", "mandiri", "final", "--missing", "lowest"];
    let o = spbe(&[&args[..], &["--format", "json"]].concat(), Some(&text));
    let cmp: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(cmp["official"], false);
    assert!(out(&spbe(&args, Some(&text))).contains("an estimate"));
    assert!(!out(&spbe(&["compare", EXAMPLE, "mandiri", "final"], None)).contains("estimate"));
}

#[test]
fn rubrics_and_rubric() {
    let o = spbe(&["rubrics"], None);
    let t = out(&o);
    assert!(
        t.contains("permenpanrb-5-2018")
            && t.contains("permenpanrb-59-2020")
            && t.contains("permenpanrb-8-2026")
    );
    let o = spbe(&["rubric", "permenpanrb-59-2020", "32"], None);
    let t = out(&o);
    assert!(
        t.contains("Tingkat Kematangan Layanan Perencanaan")
            && t.contains("Pertanyaan:")
            && t.contains("Transaksi"),
        "{t}"
    );
    let o = spbe(&["rubric", "permenpanrb-8-2026", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["status"], "official");
}

#[test]
fn exit_statuses() {
    // invalid input: 1, message on stderr, nothing on stdout
    let o = spbe(
        &["score", "-"],
        Some(r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 9}}"#),
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("level_out_of_range") && err.contains("indicator 1"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    assert_eq!(
        spbe(&["score", "no-such-file.json"], None).status.code(),
        Some(1)
    );
    assert_eq!(
        spbe(&["score", "-"], Some("{not json")).status.code(),
        Some(1)
    );
    assert_eq!(
        spbe(
            &["validate", "-"],
            Some(r#"{"rubric": "permenpanrb-59-2020", "levels": {"1": 9}}"#)
        )
        .status
        .code(),
        Some(1)
    );
    assert_eq!(spbe(&["validate", EXAMPLE], None).status.code(), Some(0));
    // usage errors: 2
    assert_eq!(spbe(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(spbe(&["score"], None).status.code(), Some(2));
    assert_eq!(
        spbe(&["score", EXAMPLE, "--format", "xml"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        spbe(&["score", EXAMPLE, "--missing", "guess"], None)
            .status
            .code(),
        Some(2)
    );
    // an unknown track is invalid input
    assert_eq!(
        spbe(&["score", EXAMPLE, "--track", "reviu"], None)
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn oversized_input_is_refused() {
    let big = format!(
        "{{\"rubric\": \"permenpanrb-59-2020\", \"institution\": \"{}\"}}",
        "x".repeat(17 * 1024 * 1024)
    );
    let o = spbe(&["score", "-"], Some(&big));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("input_too_large"));
}

/// 8/2026: decimal values shown as given, the rule applied, and the link form.
#[test]
fn score_the_2026_example_with_decimal_values() {
    // hand: Σ w·v = 5(2.40+2.10+1.75+2.00+1.60) + 3(1.00+2.50+1.80) + 4(1.30+1.50+2.20+1.45)
    //   + 5(7/3 + 2.60) + 4(1.90+2.05+3.10) + 3(1.20) + 10(2.75) + 15(2.30)
    //   = 49.25 + 15.90 + 25.80 + 24.6667 + 28.20 + 3.60 + 27.50 + 34.50 = 209.4167 -> 2.09
    let o = spbe(&["score", "examples/kabupaten-sukamaju-2026.json"], None);
    assert!(o.status.success());
    let t = out(&o);
    assert!(
        t.contains("Index     2.09  Cukup / Membangun   (exact 2513/1200)"),
        "{t}"
    );
    assert!(
        t.contains("Predicate read from the exact index (the default of permenpanrb-8-2026)"),
        "{t}"
    );
    assert!(t.contains("Next      Baik above 2.50"), "{t}");
    // values as given: a fraction stays a fraction, 2.40 keeps its digits
    assert!(
        t.lines()
            .any(|l| l.trim_start().starts_with("13       7/3")),
        "{t}"
    );
    assert!(
        t.lines().any(|l| l.trim_start().starts_with("1      2.40")),
        "{t}"
    );
    let v = out(&spbe(
        &["vector", "examples/kabupaten-sukamaju-2026.json"],
        None,
    ));
    assert!(v.starts_with("SPBE2.permenpanrb-8-2026.Y2026."), "{v}");
    let again = out(&spbe(&["score", v.trim(), "--format", "json"], None));
    let j: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(j["index_exact"], "2513/1200");
    assert_eq!(j["indicators"][12]["level"], "7/3");
    assert_eq!(
        j["indicators"][0]["level"].to_string(),
        "2.40".parse::<f64>().unwrap().to_string()
    );
}

/// Kab. Pacitan 2024 (national report: "3,50 Baik", exact 3.4985): the year
/// decides the predicate, on the command line too.
#[test]
fn the_year_decides_the_predicate() {
    let levels = pacitan_levels();
    let a = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "levels": {{{}}}}}"#,
        levels.join(", ")
    );
    let pred = |args: &[&str]| {
        let mut all = vec!["score", "-", "--format", "json"];
        all.extend_from_slice(args);
        let j: serde_json::Value = serde_json::from_str(&out(&spbe(&all, Some(&a)))).unwrap();
        assert_eq!(j["index_exact"], "3.4985");
        (
            j["predicate"].as_str().unwrap().to_owned(),
            j["predicate_rule"]["reason"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(pred(&["--year", "2024"]), ("Baik".into(), "year".into()));
    assert_eq!(
        pred(&["--year", "2023"]),
        ("Sangat Baik".into(), "year".into())
    );
    assert_eq!(pred(&[]), ("Baik".into(), "edition_default".into()));
    assert_eq!(
        pred(&["--year", "2023", "--predicate-basis", "exact"]),
        ("Baik".into(), "option".into())
    );
    // option values the bindings refuse with invalid_options: the CLI names
    // the same code (a bad enum value stays a usage error, status 2)
    for (args, status) in [
        (&["--year", "99999"][..], 1),
        (&["--year", "1899"][..], 1),
        (&["--missing", "guess"][..], 2),
        (&["--predicate-basis", "rounded"][..], 2),
    ] {
        let mut all = vec!["score", "-"];
        all.extend_from_slice(args);
        let o = spbe(&all, Some(&a));
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(status), "{args:?}: {err}");
        assert!(
            err.starts_with("spbe: error [invalid_options]: "),
            "{args:?}: {err}"
        );
    }
}

/// The gap to the next predicate is the smallest rise in steps of 0.01 that
/// enters the band: never 0.00 below it, and past the minimum where the band
/// excludes it (8/2026).
#[test]
fn next_predicate_gap() {
    let all = |v: &str| {
        let levels: Vec<String> = (1..=20).map(|i| format!("\"{i}\": {v}")).collect();
        format!(
            r#"{{"rubric": "permenpanrb-8-2026", "levels": {{{}}}}}"#,
            levels.join(", ")
        )
    };
    let gap = |input: &str| {
        let j: serde_json::Value = serde_json::from_str(&out(&spbe(
            &["score", "-", "--format", "json"],
            Some(input),
        )))
        .unwrap();
        (
            j["predicate"].as_str().unwrap().to_owned(),
            j["next_predicate"]["gap"].as_f64().unwrap(),
            j["next_predicate"]["min_inclusive"].as_bool().unwrap(),
        )
    };
    // 2.49: Cukup; 2.50 is still Cukup, so Baik needs 0.02 (to 2.51)
    assert_eq!(gap(&all("2.49")), ("Cukup".into(), 0.02, false));
    // 2.50 exactly: Cukup; 0.01 more is Baik
    assert_eq!(gap(&all("2.50")), ("Cukup".into(), 0.01, false));
    // 2.455: 0.045 short of 2.50, 0.05 passes it
    assert_eq!(gap(&all("2.455")), ("Cukup".into(), 0.05, false));
    // 59/2020 (min included): an exact 3.4985 is 0.0015 short of Sangat Baik: 0.01, not 0.00
    let levels = pacitan_levels();
    let pacitan = format!(
        r#"{{"rubric": "permenpanrb-59-2020", "year": 2024, "levels": {{{}}}}}"#,
        levels.join(", ")
    );
    assert_eq!(gap(&pacitan), ("Baik".into(), 0.01, true));
}

/// Output to a closed pipe ends quietly (status 141, as a tool killed by
/// SIGPIPE); to a full disk, an io_error message and status 1. Never a panic.
#[test]
fn closed_and_full_outputs() {
    let bin = env!("CARGO_BIN_EXE_spbe");
    // a reader that takes one byte and goes away
    let mut child = Command::new(bin)
        .args(["rubric", "permenpanrb-59-2020", "--format", "json"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Read;
        let mut one = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut one).unwrap();
    } // stdout closed here
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(141),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    if std::path::Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = Command::new(bin)
            .arg("rubrics")
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains("[io_error]: cannot write the output"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
