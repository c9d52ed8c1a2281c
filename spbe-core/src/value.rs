//! Indicator values, exactly as written.
//!
//! A value is an exact [`Ratio`] together with the form it was written in, so
//! that an assessment round-trips unchanged and a report can show a value as
//! given:
//!
//! * a JSON integer (`3`) or a JSON number with a decimal point or exponent
//!   (`1.26`, `3.0`), read from its literal digits, never through a binary
//!   double (`1.26` is exactly 126/100);
//! * a string holding a decimal (`"1.26"`) or a fraction (`"7/6"`, e.g. the
//!   mean of six sub-items), accepted only where the edition's scale is
//!   continuous (8/2026).
//!
//! Whether a value is acceptable for an indicator (whole or continuous, in
//! range) is the rubric's business; see [`crate::validate_with`].

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ratio::Ratio;

/// Most digits accepted after the decimal point (after dropping trailing zeros).
pub const MAX_DECIMALS: usize = 18;

/// How a value was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// A JSON integer or a whole value created in code.
    Int,
    /// A JSON number with a fraction or exponent (its literal text kept).
    Number,
    /// A string: a decimal or a fraction (kept as written, trimmed).
    Text,
}

/// An indicator value: exact, and remembering how it was written.
///
/// Two values are equal when their exact values are equal (`3`, `3.0` and
/// `"6/2"` are the same value).
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "tsify", tsify(type = "number | string"))]
#[derive(Debug)]
pub struct Value {
    ratio: Ratio,
    // The text as written, for a Number or a Text; none for an Int. Behind
    // one thin pointer, so that a value is 48 bytes and a level (one value or
    // a list, told apart by `form`'s unused bit patterns) is too: whole
    // levels, by far the most common, are copied on every score.
    written: Option<Box<Box<str>>>,
    form: Form,
}

impl Clone for Value {
    // inlined, so that a whole level is copied straight to where it goes: an
    // out-of-line copy went through a temporary on the stack, whose wider
    // re-read stalled on the narrower writes (measured in scoring, issue 9)
    #[inline]
    fn clone(&self) -> Value {
        Value {
            ratio: self.ratio,
            written: self.written.clone(),
            form: self.form,
        }
    }
}

/// Why a number or string could not be read as an exact value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not a decimal or fraction at all (`"abc"`, `"1,26"`, `"1/0"`).
    NotANumber,
    /// Larger in magnitude than any level could be (more than 18 integer digits).
    TooLarge,
    /// More than [`MAX_DECIMALS`] decimals.
    TooPrecise,
}

impl Value {
    /// A whole value.
    pub fn int(v: i64) -> Value {
        Value {
            ratio: Ratio::int(i128::from(v)),
            written: None,
            form: Form::Int,
        }
    }

    /// A value from a JSON number's literal text (`3`, `1.26`, `2.5e-1`).
    pub fn from_number_text(text: &str) -> Result<Value, Unreadable> {
        // the common case, a plain small whole number, without the general parser
        if !text.is_empty() && text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
            let mut v: i64 = 0;
            for b in text.bytes() {
                v = v * 10 + i64::from(b - b'0');
            }
            return Ok(Value::int(v));
        }
        let ratio = parse_decimal_exact(text, true)?;
        let plain_int = !text.contains(['.', 'e', 'E']);
        Ok(if plain_int && i64::try_from(ratio.numer()).is_ok() {
            Value {
                ratio,
                written: None,
                form: Form::Int,
            }
        } else {
            Value::written(ratio, text, Form::Number)
        })
    }

    /// A value from a string: a decimal (`"1.26"`, `"5"`) or a fraction (`"7/6"`).
    pub fn from_text(text: &str) -> Result<Value, Unreadable> {
        let t = text.trim();
        let ratio = match t.split_once('/') {
            Some((n, d)) => {
                // two whole numbers of up to 36 digits each (what i128 holds)
                let whole = |s: &str| -> Result<i128, Unreadable> {
                    let s = s.trim();
                    let digits = s.strip_prefix('+').unwrap_or(s);
                    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(Unreadable::NotANumber);
                    }
                    if digits.trim_start_matches('0').len() > 36 {
                        return Err(Unreadable::TooPrecise);
                    }
                    digits.parse::<i128>().map_err(|_| Unreadable::NotANumber)
                };
                let (n, d) = (whole(n)?, whole(d)?);
                if d == 0 {
                    return Err(Unreadable::NotANumber);
                }
                Ratio::new(n, d).ok_or(Unreadable::NotANumber)?
            }
            None => parse_decimal_exact(t, false)?,
        };
        Ok(Value::written(ratio, t, Form::Text))
    }

    /// A value from an `f64` as found in a data frame: the shortest decimal
    /// that reads back to the same double (`1.26` stays 126/100). `None` for
    /// NaN or infinity.
    pub fn from_f64(v: f64) -> Option<Value> {
        if !v.is_finite() {
            return None;
        }
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            return Some(Value::int(v as i64));
        }
        // Rust prints the shortest representation that round-trips
        Value::from_number_text(&format!("{v}")).ok()
    }

    /// A value from an exact ratio: a whole number, else a decimal number when
    /// it has a terminating decimal, else a fraction string (`"7/6"`).
    pub fn from_ratio(r: Ratio) -> Value {
        if r.denom() == 1 {
            if let Ok(i) = i64::try_from(r.numer()) {
                return Value::int(i);
            }
        }
        let text = r.exact_string();
        let form = if text.contains('/') {
            Form::Text
        } else {
            Form::Number
        };
        Value::written(r, &text, form)
    }

    /// A value that keeps its text.
    fn written(ratio: Ratio, text: &str, form: Form) -> Value {
        Value {
            ratio,
            written: Some(Box::new(text.into())),
            form,
        }
    }

    /// The exact value.
    pub fn ratio(&self) -> Ratio {
        self.ratio
    }

    /// The value as a whole number, if it is one.
    pub fn as_int(&self) -> Option<i64> {
        if self.ratio.denom() == 1 {
            i64::try_from(self.ratio.numer()).ok()
        } else {
            None
        }
    }

    /// The value as written (`"3"`, `"1.26"`, `"7/6"`).
    pub fn text(&self) -> String {
        match &self.written {
            None => self.ratio.numer().to_string(),
            Some(t) => t.to_string(),
        }
    }

    /// Whether it was written as a string.
    pub fn is_text(&self) -> bool {
        self.form == Form::Text
    }

    /// Nearest `f64`, for display only.
    pub fn to_f64(&self) -> f64 {
        self.ratio.to_f64()
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        self.ratio == other.ratio
    }
}
impl Eq for Value {}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::int(v)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Value {
    /// A whole number as a JSON integer; a number written with a fraction as a
    /// JSON number when the nearest double reads back as the same decimal
    /// (every value with up to 15 significant digits), otherwise as its text;
    /// a string as the same string. Nothing is lost.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.written.as_deref().map_or("", |t| &**t);
        match self.form {
            Form::Int => match self.as_int() {
                Some(i) => s.serialize_i64(i),
                None => s.serialize_str(&self.text()),
            },
            Form::Number => {
                let f = self.ratio.to_f64();
                let same = Value::from_f64(f).is_some_and(|v| v.ratio == self.ratio);
                if same {
                    if let Some(i) = self.as_int() {
                        // 3.0 stays a float so that it reads back the same way
                        s.serialize_f64(i as f64)
                    } else {
                        s.serialize_f64(f)
                    }
                } else {
                    s.serialize_str(t)
                }
            }
            Form::Text => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    /// A JSON number (its literal digits) or a string with a decimal or fraction.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        use serde::de::Error as _;
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Number(n) => Value::from_number_text(&n.to_string())
                .map_err(|_| D::Error::custom(format!("{n} cannot be read exactly"))),
            serde_json::Value::String(s) => Value::from_text(&s)
                .map_err(|_| D::Error::custom(format!("{s:?} is not a decimal or fraction"))),
            other => Err(D::Error::custom(format!("expected a number, got {other}"))),
        }
    }
}

/// Parses a plain decimal exactly: optional sign, digits with an optional
/// point, and (when `exponent` is allowed, as in a JSON number) `e`/`E` and a
/// power of ten. Trailing zeros after the point do not count as decimals.
pub(crate) fn parse_decimal_exact(s: &str, exponent: bool) -> Result<Ratio, Unreadable> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(p) if exponent => {
            let e = body.get(p + 1..).unwrap_or("");
            let e = e.strip_prefix('+').unwrap_or(e);
            if e.is_empty()
                || e.len() > 6
                || !e
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                || e.trim_start_matches('-').is_empty()
            {
                return Err(Unreadable::NotANumber);
            }
            (
                body.get(..p).unwrap_or(""),
                e.parse::<i64>().map_err(|_| Unreadable::NotANumber)?,
            )
        }
        _ => (body, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if (int_part.is_empty() && frac_part.is_empty())
        || !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(Unreadable::NotANumber);
    }
    // digits and the power of ten they are scaled by, without leading or trailing zeros
    let digits: String = format!("{int_part}{frac_part}");
    let mut scale = exp - frac_part.len() as i64;
    let trimmed_end = digits.trim_end_matches('0');
    scale += (digits.len() - trimmed_end.len()) as i64;
    let sig = trimmed_end.trim_start_matches('0');
    if sig.is_empty() {
        return Ok(Ratio::ZERO);
    }
    let int_digits = sig.len() as i64 + scale; // digits before the point
    if int_digits > 18 {
        return Err(Unreadable::TooLarge);
    }
    if -scale > MAX_DECIMALS as i64 {
        return Err(Unreadable::TooPrecise);
    }
    let mut num: i128 = 0;
    for b in sig.bytes() {
        num = num * 10 + i128::from(b - b'0');
    }
    let (num, den) = if scale >= 0 {
        (num * 10i128.pow(scale as u32), 1)
    } else {
        (num, 10i128.pow((-scale) as u32))
    };
    Ratio::new(if neg { -num } else { num }, den).ok_or(Unreadable::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    /// Sizes that scoring's speed relies on (see `Value::written`): a
    /// level, one value or a list, is no larger than a value.
    #[test]
    fn a_value_and_a_level_are_48_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 48);
        assert_eq!(std::mem::size_of::<crate::assessment::Level>(), 48);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 48);
    }

    /// Each form keeps its text and round-trips, clones included.
    #[test]
    fn forms_keep_their_text_when_cloned() {
        for (v, text, json) in [
            (Value::int(3), "3", "3"),
            (Value::from_number_text("1.26").unwrap(), "1.26", "1.26"),
            (Value::from_number_text("2.5e-1").unwrap(), "2.5e-1", "0.25"),
            (Value::from_text(" 7/6 ").unwrap(), "7/6", "\"7/6\""),
            (Value::from_ratio(r(7, 6)), "7/6", "\"7/6\""),
            (Value::from_ratio(r(5, 4)), "1.25", "1.25"),
        ] {
            let c = v.clone();
            assert_eq!(c.text(), text);
            assert_eq!(c.is_text(), v.is_text());
            assert_eq!(serde_json::to_string(&c).unwrap(), json);
            assert_eq!(c, v);
        }
        assert!(Value::from_text("7/6").unwrap().is_text());
        assert!(!Value::from_number_text("1.5").unwrap().is_text());
    }

    #[test]
    fn number_literals_are_exact() {
        assert_eq!(
            Value::from_number_text("1.26").unwrap().ratio(),
            r(126, 100)
        );
        assert_eq!(Value::from_number_text("3.0").unwrap().as_int(), Some(3));
        assert_eq!(Value::from_number_text("3").unwrap().text(), "3");
        assert_eq!(Value::from_number_text("2.5e-1").unwrap().ratio(), r(1, 4));
        assert_eq!(Value::from_number_text("1E2").unwrap().as_int(), Some(100));
        // 20 significant digits: a double would say 5, the literal is not 5
        let v = Value::from_number_text("5.0000000000000000001");
        assert_eq!(v.unwrap_err(), Unreadable::TooPrecise);
        assert_eq!(
            Value::from_number_text("3.000000000000000000000000")
                .unwrap()
                .as_int(),
            Some(3)
        );
        assert_eq!(
            Value::from_number_text("1e400").unwrap_err(),
            Unreadable::TooLarge
        );
        for bad in ["", ".", "e5", "1e", "1..2", "0x10", "1,26", "--1", "1e-"] {
            assert!(Value::from_number_text(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn strings_hold_decimals_or_fractions() {
        assert_eq!(Value::from_text("7/6").unwrap().ratio(), r(7, 6));
        assert_eq!(Value::from_text(" 1.26 ").unwrap().text(), "1.26");
        assert_eq!(Value::from_text("14/12").unwrap().ratio(), r(7, 6));
        assert_eq!(
            Value::from_text("100000000000000000001/100000000000000000000")
                .unwrap()
                .ratio(),
            r(100000000000000000001, 100000000000000000000)
        );
        for bad in ["1/0", "1.5/2", "a", "1,26", "1e2", "", "/", "1/-2", "-1/2"] {
            assert!(Value::from_text(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn floats_read_as_their_shortest_decimal() {
        assert_eq!(Value::from_f64(1.26).unwrap().ratio(), r(126, 100));
        assert_eq!(Value::from_f64(3.0).unwrap().as_int(), Some(3));
        assert_eq!(
            Value::from_f64(0.1 + 0.2).unwrap().ratio(),
            r(30000000000000004, 100000000000000000)
        );
        assert!(Value::from_f64(f64::NAN).is_none());
    }

    #[test]
    fn serialises_as_written() {
        let j = |v: &Value| serde_json::to_string(v).unwrap();
        assert_eq!(j(&Value::int(3)), "3");
        assert_eq!(j(&Value::from_number_text("1.26").unwrap()), "1.26");
        assert_eq!(j(&Value::from_number_text("3.0").unwrap()), "3.0");
        assert_eq!(j(&Value::from_text("7/6").unwrap()), "\"7/6\"");
        assert_eq!(j(&Value::from_text("1.26").unwrap()), "\"1.26\"");
        assert_eq!(
            j(&Value::from_number_text("1.123456789012345678").unwrap()),
            "\"1.123456789012345678\""
        );
    }
}
