//! The order of indicator ids (numeric ids by value, then others bytewise),
//! which keys every map an assessment is read into: the fast comparison must
//! give exactly the order its definition says, written here independently.

use proptest::prelude::*;
use spbe_core::IndicatorId;
use std::cmp::Ordering;

/// The definition: ids of digits first, by numeric value (any length: compared
/// as digit strings without leading zeros), ties by the text as written;
/// other ids after them, by their UTF-8 bytes.
fn reference(a: &str, b: &str) -> Ordering {
    let num = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match (num(a), num(b)) {
        (true, true) => {
            let (x, y) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
            (x.len(), x).cmp(&(y.len(), y)).then(a.cmp(b))
        }
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.as_bytes().cmp(b.as_bytes()),
    }
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,3}",
        "0{0,3}[0-9]{1,12}",
        "[0-9]{8,20}",
        "[0-9a-z.\\x00]{0,10}",
        "\\PC{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn order_is_the_definition(a in id(), b in id()) {
        let (x, y) = (IndicatorId::new(&a), IndicatorId::new(&b));
        prop_assert_eq!(x.cmp(&y), reference(&a, &b), "{:?} vs {:?}", a, b);
        prop_assert_eq!(y.cmp(&x), reference(&b, &a));
    }
}

#[test]
fn examples() {
    let sorted = [
        "1",
        "2",
        "07",
        "7",
        "9",
        "10",
        "35",
        "47",
        "100",
        "00000000123456789",
        "",
        "1.1",
        "35.1",
        "a",
        "a\u{0}",
        "ab",
    ];
    for (i, a) in sorted.iter().enumerate() {
        for (j, b) in sorted.iter().enumerate() {
            assert_eq!(
                IndicatorId::new(a).cmp(&IndicatorId::new(b)),
                i.cmp(&j),
                "{a:?} vs {b:?}"
            );
        }
    }
}
