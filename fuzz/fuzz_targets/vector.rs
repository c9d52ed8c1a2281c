//! Any text as a compact vector: `from_vector` never panics, and what
//! `to_vector` writes reads back to the same assessment and the same vector.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spbe_core::{builtin, from_vector, is_vector, score_text, to_vector, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = is_vector(text);
    let Ok(a) = from_vector(text) else {
        return;
    };
    // it parsed, so its rubric is a built-in edition
    let rubric = builtin(&a.rubric).expect("from_vector accepted an unknown rubric");
    // scoring what parsed must not panic either
    let _ = score_text(text, None, &Options::default());
    // levels outside the scale parse (the vector syntax does not know the
    // scale) but are refused when written: not a bug
    let Ok(v1) = to_vector(&a, rubric) else {
        return;
    };
    let a2 = from_vector(&v1)
        .unwrap_or_else(|e| panic!("to_vector wrote {v1:?}, which does not read back: {e}"));
    assert_eq!(
        a, a2,
        "the assessment changed in the round trip through {v1:?}"
    );
    let v2 = to_vector(&a2, rubric)
        .unwrap_or_else(|e| panic!("{v1:?} read back but cannot be written again: {e}"));
    assert_eq!(v1, v2, "to_vector is not a fixed point");
});
