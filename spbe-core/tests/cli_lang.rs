//! `spbe --lang id` (or `SPBE_LANG=id`): error messages and problem lists in
//! Indonesian; English by default; the codes the same in both.

use std::process::{Command, Output, Stdio};

#[cfg(test)]
fn spbe(args: &[&str], env_lang: Option<&str>, stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spbe"));
    cmd.args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .env_remove("SPBE_LANG")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(l) = env_lang {
        cmd.env("SPBE_LANG", l);
    }
    let mut child = cmd.spawn().expect("spawn spbe");
    if let Some(s) = stdin {
        let _ = child.stdin.take().expect("stdin").write_all(s.as_bytes());
    }
    child.wait_with_output().expect("wait")
}

#[cfg(test)]
fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// 59/2020 has 47 indicators: a vector with 5 level codes ends early.
const SHORT: &str = "SPBE1.permenpanrb-59-2020.L34432";

#[test]
fn errors_are_english_by_default_and_indonesian_with_lang_id() {
    let en = spbe(&["score", SHORT], None, None);
    assert_eq!(en.status.code(), Some(1));
    assert_eq!(
        text(&en.stderr),
        "spbe: error [invalid_vector]: invalid vector at segment 3: levels end early: 5 codes for 47 indicators\n"
    );
    let id = "spbe: error [invalid_vector]: vektor tidak sah pada segmen 3: segmen nilai berakhir terlalu cepat: 5 kode untuk 47 indikator\n";
    for o in [
        spbe(&["score", SHORT, "--lang", "id"], None, None),
        spbe(&["--lang", "id", "score", SHORT], None, None),
        spbe(&["score", SHORT], Some("id"), None),
    ] {
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(text(&o.stderr), id);
    }
    // the flag wins over the environment
    let o = spbe(&["score", SHORT, "--lang", "en"], Some("id"), None);
    assert!(text(&o.stderr).contains("levels end early"));
}

#[test]
fn validate_lists_problems_in_indonesian() {
    // indicator 3 at level 7 and indicator 48, which 59/2020 does not have
    let mut levels: Vec<String> = (1..=47)
        .map(|i| format!("\"{i}\": {}", if i == 3 { 7 } else { 3 }))
        .collect();
    levels.push("\"48\": 2".into());
    let json = format!(
        "{{\"rubric\": \"permenpanrb-59-2020\", \"levels\": {{{}}}}}",
        levels.join(", ")
    );
    let o = spbe(&["validate", "-", "--lang", "id"], None, Some(&json));
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(out.contains(
        "[level_out_of_range] indikator 3: nilai 7 di luar rentang; permenpanrb-59-2020 menerima bilangan bulat 1 sampai 5\n"
    ), "{out}");
    assert!(out.contains(
        "[unknown_indicator] indikator \"48\" tidak ada dalam permenpanrb-59-2020 (di levels); indikator yang sah: \"1\" sampai \"47\"\n"
    ), "{out}");
    let o = spbe(
        &["validate", "-", "--format", "json"],
        Some("id"),
        Some(&json),
    );
    let issues: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let codes: Vec<&str> = issues
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|i| i["code"].as_str())
        .collect();
    assert!(codes.contains(&"level_out_of_range") && codes.contains(&"unknown_indicator"));
    assert!(issues.as_array().expect("list").iter().all(|i| i["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("indikator "))));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let o = spbe(&["score", SHORT, "--lang", "fr"], None, None);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("spbe: error [invalid_options]: "));
    let o = spbe(&["score", SHORT], Some("fr"), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("spbe: error [invalid_options]: SPBE_LANG: "));
}

#[test]
fn the_report_stays_indonesian_by_default() {
    let levels: Vec<String> = (1..=47).map(|i| format!("\"{i}\": 3")).collect();
    let json = format!(
        "{{\"rubric\": \"permenpanrb-59-2020\", \"levels\": {{{}}}}}",
        levels.join(", ")
    );
    let id = text(&spbe(&["report", "-"], None, Some(&json)).stdout);
    assert!(id.contains("lang=\"id\""), "{}", &id[..id.len().min(300)]);
    let en = text(&spbe(&["report", "-", "--lang", "en"], None, Some(&json)).stdout);
    assert!(en.contains("lang=\"en\""), "{}", &en[..en.len().min(300)]);
}
