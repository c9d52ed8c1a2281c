//! Any text as an assessment (JSON or vector): `score_text`, `validate_text`
//! and `check_text` never panic and agree with each other.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spbe_core::{check_text, score_text, validate_text, Options};
use spbe_fuzz::{hundredths_of, options_from_byte};

fn agree(text: &str, opts: &Options) {
    let scored = score_text(text, None, opts);
    let problems = validate_text(text, None, opts);
    let checked = check_text(text, None, opts);
    match &scored {
        Ok(report) => {
            assert!(
                problems.is_empty(),
                "scores ({}) but validate finds {:?}",
                report.index_text,
                problems.iter().map(|e| e.code()).collect::<Vec<_>>()
            );
            assert!(
                checked.ok,
                "scores but check says not ok: {:?}",
                checked.issues
            );
            assert_eq!(
                checked.report.as_ref(),
                Some(report),
                "check's report differs"
            );
            let h = hundredths_of(&report.index_text)
                .unwrap_or_else(|| panic!("index_text {:?} is not N.NN", report.index_text));
            // the f64 index is the same 2-decimal value
            assert_eq!(
                report.index,
                h as f64 / 100.0,
                "index {} vs index_text {}",
                report.index,
                report.index_text
            );
            let rubric = spbe_core::builtin(&report.rubric).expect("scored an unknown rubric");
            let band = rubric
                .predicates()
                .get(report.band)
                .expect("band out of range");
            assert_eq!(
                band.name, report.predicate,
                "predicate is not its band's name"
            );
            let _ = report.to_json();
        }
        Err(e) => {
            assert!(!checked.ok, "fails ({}) but check says ok", e.code());
            assert!(
                checked.issues.as_ref().is_some_and(|i| !i.is_empty()),
                "check is not ok but lists no issue"
            );
            assert!(
                !problems.is_empty(),
                "fails ({}: {e}) but validate finds nothing",
                e.code()
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    agree(text, &Options::default());
    // the first byte of a seed is nearly always '{': mix in the length and the
    // last byte so that mutations reach every combination of options
    let first = data.first().copied().unwrap_or(0);
    let last = data.last().copied().unwrap_or(0);
    let k = first ^ last.rotate_left(3) ^ (data.len() as u8);
    let opts = options_from_byte(k);
    if opts != Options::default() {
        agree(text, &opts);
    }
});
