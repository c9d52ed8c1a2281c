//! Exact rational numbers for the scoring path.
//!
//! Every weight, level, aspect, domain and overall index is a [`Ratio`] of two
//! `i128` integers kept in lowest terms. Operations are checked: an overflow is
//! reported as `None` (and surfaces as [`crate::Error::Overflow`]), never as a panic or a
//! wrong answer. Floating point appears only in [`Ratio::to_f64`] and
//! [`Hundredths::to_f64`], which are conveniences for display.

use std::cmp::Ordering;
use std::fmt;

use crate::report::Text;

/// An exact fraction `num / den` with `den > 0`, in lowest terms (zero by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i128,
    den: i128,
}

pub(crate) fn gcd(a: i128, b: i128) -> i128 {
    let (a, b) = (a.unsigned_abs(), b.unsigned_abs());
    let g = match (u64::try_from(a), u64::try_from(b)) {
        (Ok(x), Ok(y)) => u128::from(gcd_u64(x, y)),
        _ => gcd_u128(a, b),
    };
    // g <= max(|a|, |b|), which fits in i128 unless an input was i128::MIN,
    // which the constructors never produce
    i128::try_from(g).unwrap_or(1)
}

/// Binary (Stein's) gcd: shifts and subtractions, no division; one function
/// per width, since 128-bit arithmetic is much slower where it is emulated (wasm).
macro_rules! binary_gcd {
    ($name:ident, $t:ty) => {
        fn $name(mut a: $t, mut b: $t) -> $t {
            if a == 0 {
                return b;
            }
            if b == 0 {
                return a;
            }
            let shift = (a | b).trailing_zeros();
            a >>= a.trailing_zeros();
            loop {
                b >>= b.trailing_zeros();
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                b -= a;
                if b == 0 {
                    return a << shift;
                }
            }
        }
    };
}
binary_gcd!(gcd_u64, u64);
binary_gcd!(gcd_u128, u128);

/// Exact division of i128 values, in 64 bits when they fit (much faster).
fn div_exact(x: i128, g: i128) -> i128 {
    match (i64::try_from(x), i64::try_from(g)) {
        (Ok(a), Ok(b)) if b != 0 && !(a == i64::MIN && b == -1) => i128::from(a / b),
        _ => x / g,
    }
}

impl Default for Ratio {
    fn default() -> Ratio {
        Ratio::ZERO
    }
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// An integer.
    pub const fn int(n: i128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// `num / den`, reduced. `None` if `den` is zero or the values are out of range.
    pub fn new(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        // gcd and the division work in 64 bits when the values fit
        let g = gcd(num, den);
        let (mut n, mut d) = if g == 1 {
            (num, den)
        } else {
            (div_exact(num, g), div_exact(den, g))
        };
        if d < 0 {
            n = -n;
            d = -d;
        }
        Some(Ratio { num: n, den: d })
    }

    /// Numerator (in lowest terms, carries the sign).
    pub fn numer(&self) -> i128 {
        self.num
    }

    /// Denominator (in lowest terms, always positive).
    pub fn denom(&self) -> i128 {
        self.den
    }

    /// Both values as i64 pairs, when they fit (the common case: a 64-bit fast
    /// path matters on wasm32, where every i128 product is a library call).
    #[inline]
    fn small(self, o: Ratio) -> Option<(i64, i64, i64, i64)> {
        Some((
            i64::try_from(self.num).ok()?,
            i64::try_from(self.den).ok()?,
            i64::try_from(o.num).ok()?,
            i64::try_from(o.den).ok()?,
        ))
    }

    /// Checked sum.
    pub fn checked_add(self, o: Ratio) -> Option<Ratio> {
        if let Some((an, ad, bn, bd)) = self.small(o) {
            if let (Some(x), Some(y), Some(d)) =
                (an.checked_mul(bd), bn.checked_mul(ad), ad.checked_mul(bd))
            {
                if let Some(n) = x.checked_add(y) {
                    return Ratio::new(i128::from(n), i128::from(d));
                }
            }
        }
        let g = gcd(self.den, o.den);
        let lhs = self.num.checked_mul(div_exact(o.den, g))?;
        let rhs = o.num.checked_mul(div_exact(self.den, g))?;
        let den = div_exact(self.den, g).checked_mul(o.den)?;
        Ratio::new(lhs.checked_add(rhs)?, den)
    }

    /// Checked difference.
    pub fn checked_sub(self, o: Ratio) -> Option<Ratio> {
        self.checked_add(Ratio {
            num: o.num.checked_neg()?,
            den: o.den,
        })
    }

    /// Checked product.
    pub fn checked_mul(self, o: Ratio) -> Option<Ratio> {
        if let Some((an, ad, bn, bd)) = self.small(o) {
            if let (Some(n), Some(d)) = (an.checked_mul(bn), ad.checked_mul(bd)) {
                return Ratio::new(i128::from(n), i128::from(d));
            }
        }
        let g1 = gcd(self.num, o.den);
        let g2 = gcd(o.num, self.den);
        let num = div_exact(self.num, g1).checked_mul(div_exact(o.num, g2))?;
        let den = div_exact(self.den, g2).checked_mul(div_exact(o.den, g1))?;
        Ratio::new(num, den)
    }

    /// Checked quotient; `None` when dividing by zero.
    pub fn checked_div(self, o: Ratio) -> Option<Ratio> {
        if o.num == 0 {
            return None;
        }
        self.checked_mul(Ratio::new(o.den, o.num)?)
    }

    /// Rounds half up (towards +∞ on a tie) to 2 decimals.
    pub fn round2(&self) -> Option<Hundredths> {
        // floor(x * 100 + 1/2) = floor((200 num + den) / (2 den))
        if let (Ok(n), Ok(d)) = (i64::try_from(self.num), i64::try_from(self.den)) {
            if let (Some(x), Some(y)) = (
                n.checked_mul(200).and_then(|x| x.checked_add(d)),
                d.checked_mul(2),
            ) {
                return Some(Hundredths(i128::from(x.div_euclid(y))));
            }
        }
        match (self.num.checked_mul(200), self.den.checked_mul(2)) {
            (Some(n), Some(d)) => Some(Hundredths(n.checked_add(self.den)?.div_euclid(d))),
            _ => self.round_to(2).map(Hundredths),
        }
    }

    /// Rounds half up to `places` decimals, as an integer count of 10^-places.
    /// `None` only when the result itself does not fit.
    pub fn round_to(&self, places: u32) -> Option<i128> {
        let scale = 10i128.checked_pow(places)?;
        let quick = self
            .num
            .checked_mul(scale)
            .and_then(|n| n.checked_mul(2))
            .and_then(|n| n.checked_add(self.den))
            .zip(self.den.checked_mul(2));
        if let Some((n, d)) = quick {
            return Some(n.div_euclid(d));
        }
        // long division, one decimal at a time, for operands near the i128
        // limit: the remainder r < den stays in range, and 10 r - k den is
        // computed modulo 2^128, which is exact because the result is in [0, den)
        let (mut units, mut r) = (self.num.div_euclid(self.den), self.num.rem_euclid(self.den));
        for _ in 0..places {
            let k = match r.checked_mul(10) {
                Some(t) => t / self.den,
                None => (0..=9i128)
                    .rev()
                    .find(|k| {
                        Ratio::new(*k, 10).is_some_and(|kr| {
                            kr <= Ratio {
                                num: r,
                                den: self.den,
                            }
                        })
                    })
                    .unwrap_or(0),
            };
            units = units.checked_mul(10)?.checked_add(k)?;
            r = r.wrapping_mul(10).wrapping_sub(k.wrapping_mul(self.den));
        }
        // half up: the rest is at least a half when r >= den - r
        if r >= self.den - r {
            units = units.checked_add(1)?;
        }
        Some(units)
    }

    /// Nearest `f64`, for display only.
    pub fn to_f64(&self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// Parses a plain decimal such as `"1.30"`, `"5"`, `"-0.5"` exactly.
    /// At most 18 digits before and 9 after the point; no exponent.
    pub fn parse_decimal(s: &str) -> Option<Ratio> {
        let t = s.trim();
        let (neg, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        if int_part.len() > 18 || frac_part.len() > 9 {
            return None;
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut num: i128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            num = num * 10 + i128::from(b - b'0');
        }
        let den = 10i128.pow(frac_part.len() as u32);
        Ratio::new(if neg { -num } else { num }, den)
    }

    /// Reads back what [`exact_string`](Self::exact_string) writes: a
    /// decimal (`"1.19999999999999999995"`, any number of places that fit in
    /// 128 bits) or a fraction (`"61/30"`). `None` for anything else.
    pub fn parse_exact_text(s: &str) -> Option<Ratio> {
        let t = s.trim();
        let int = |x: &str| -> Option<i128> {
            let (neg, digits) = match x.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, x),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let v = digits.parse::<i128>().ok()?;
            Some(if neg { -v } else { v })
        };
        if let Some((n, d)) = t.split_once('/') {
            return Ratio::new(int(n)?, int(d)?);
        }
        let (i, f) = t.split_once('.').unwrap_or((t, ""));
        if !f.bytes().all(|b| b.is_ascii_digit()) || (i.is_empty() || i == "-") {
            return None;
        }
        let den = 10i128.checked_pow(u32::try_from(f.len()).ok()?)?;
        let whole = int(i)?;
        let frac = if f.is_empty() {
            0
        } else {
            f.parse::<i128>().ok()?
        };
        let num = whole.checked_abs()?.checked_mul(den)?.checked_add(frac)?;
        Ratio::new(if i.starts_with('-') { -num } else { num }, den)
    }

    /// The exact value as a terminating decimal if it has one (`"3.282"`),
    /// otherwise as a fraction (`"17/6"`).
    pub fn exact_string(&self) -> String {
        let mut out = NumBuf::new();
        self.write_exact(&mut out);
        out.to_string()
    }

    /// Writes [`exact_string`](Self::exact_string)'s text.
    fn write_exact(&self, out: &mut NumBuf) {
        if let (Ok(n), Ok(d)) = (i64::try_from(self.num), u64::try_from(self.den)) {
            if exact_small(n, d, out) {
                return;
            }
        }
        self.write_exact_wide(out);
    }

    /// [`exact_string`](Self::exact_string) in 128-bit arithmetic, for any value.
    fn write_exact_wide(&self, out: &mut NumBuf) {
        let mut d = self.den;
        let (mut twos, mut fives) = (0u32, 0u32);
        while d % 2 == 0 {
            d /= 2;
            twos += 1;
        }
        while d % 5 == 0 {
            d /= 5;
            fives += 1;
        }
        let places = twos.max(fives);
        if d == 1 && places <= MAX_PLACES {
            if let Some(units) = self.round_to(places) {
                return out.fixed(units, places);
            }
        }
        out.fraction(self.num, self.den.unsigned_abs());
    }

    /// The text of [`exact_string`](Self::exact_string) by its 128-bit
    /// writer (what the shortcuts are tested against).
    #[cfg(test)]
    fn exact_string_wide(&self) -> String {
        let mut out = NumBuf::new();
        self.write_exact_wide(&mut out);
        out.to_string()
    }
}

/// The most decimal places an exact value is written with; a terminating
/// decimal with more is written as a fraction.
const MAX_PLACES: u32 = 30;

/// [`Ratio::exact_string`] for a numerator and denominator of 64 bits (the
/// usual case): the same text, factored and written in 64-bit arithmetic
/// (no 128-bit division). `false` (nothing written) when the decimal's
/// digits would not fit; the general path then writes it.
fn exact_small(num: i64, den: u64, out: &mut NumBuf) -> bool {
    if den == 0 {
        return false;
    }
    let twos = den.trailing_zeros();
    let mut d = den >> twos;
    let mut fives = 0u32;
    while d.is_multiple_of(5) {
        d /= 5;
        fives += 1;
    }
    let p = twos.max(fives);
    if d != 1 || p > MAX_PLACES {
        // not a terminating decimal (or too long a one): "num/den"
        out.fraction(i128::from(num), u128::from(den));
        return true;
    }
    // num / (2^twos 5^fives) = num · 2^(p - twos) 5^(p - fives) / 10^p, exactly
    let units = 2i128
        .checked_pow(p - twos)
        .zip(5i128.checked_pow(p - fives))
        .and_then(|(x, y)| i128::from(num).checked_mul(x)?.checked_mul(y));
    match units {
        Some(u) => {
            out.fixed(u, p);
            true
        }
        None => false,
    }
}

/// Number text written on the stack and copied out once: as a `String`, or
/// as a [`Text`] held in place when short (no allocation). Room for every
/// text written here: a fraction of two 128-bit numbers (80 bytes), or a
/// decimal with fewer than [`NumBuf::LONG`] places (at most 66).
pub(crate) struct NumBuf {
    buf: [u8; 96],
    len: usize,
}

impl NumBuf {
    /// Decimals with this many places or more go through `format_fixed_long`.
    const LONG: usize = 64;

    pub(crate) fn new() -> NumBuf {
        NumBuf {
            buf: [0; 96],
            len: 0,
        }
    }

    fn push(&mut self, b: u8) {
        if let Some(x) = self.buf.get_mut(self.len) {
            *x = b;
            self.len += 1;
        }
    }

    /// Appends `n` in decimal, with at least `places + 1` digits and a
    /// point before the last `places` (none when 0): the one digit writer.
    fn digits(&mut self, n: u128, places: usize) {
        // least significant first; 64-bit division once the value fits
        let mut rev = [0u8; Self::LONG + 2];
        let mut len = 0;
        let put = |d: u8, rev: &mut [u8], len: &mut usize| {
            if let Some(x) = rev.get_mut(*len) {
                *x = b'0' + d;
                *len += 1;
            }
        };
        let mut big = n;
        while big > u128::from(u64::MAX) {
            put((big % 10) as u8, &mut rev, &mut len);
            big /= 10;
        }
        let mut small = big as u64;
        // (bounded by `rev` too: callers keep `places` below it)
        while len < rev.len() {
            put((small % 10) as u8, &mut rev, &mut len);
            small /= 10;
            if small == 0 && len > places {
                break;
            }
        }
        for k in (0..len).rev() {
            if let Some(d) = rev.get(k) {
                self.push(*d);
            }
            if k == places && places > 0 {
                self.push(b'.');
            }
        }
    }

    /// Appends `units / 10^places` as a decimal (`-0.05`); `places` is
    /// below [`NumBuf::LONG`] (every caller writes at most [`MAX_PLACES`];
    /// [`format_fixed`] sends more to the long writer).
    fn fixed(&mut self, units: i128, places: u32) {
        let p = places as usize;
        debug_assert!(p < Self::LONG, "{places} places");
        if units < 0 {
            self.push(b'-');
        }
        self.digits(units.unsigned_abs(), p);
    }

    /// Appends `num/den` as given (`"-17/6"`).
    fn fraction(&mut self, num: i128, den: u128) {
        if num < 0 {
            self.push(b'-');
        }
        self.digits(num.unsigned_abs(), 0);
        self.push(b'/');
        self.digits(den, 0);
    }

    /// The text written.
    pub(crate) fn as_str(&self) -> &str {
        // (ASCII only)
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// The text as a [`Text`] (in place when short).
    pub(crate) fn text(&self) -> Text {
        // short (the usual case): the buffer's head as it is (past the text
        // it holds zeros: it only grows)
        let mut head = [0u8; crate::report::INLINE];
        if let Some(b) = self.buf.get(..head.len()) {
            head.copy_from_slice(b);
        }
        Text::inline_ascii(head, self.len).unwrap_or_else(|| {
            let b = self.buf.get(..self.len).unwrap_or_default();
            Text::from_bytes(b).unwrap_or_default()
        })
    }
}

impl fmt::Display for NumBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Formats an integer count of 10^-places as a decimal string (`"-0.05"`).
pub(crate) fn format_fixed(units: i128, places: u32) -> String {
    if places as usize >= NumBuf::LONG {
        return format_fixed_long(units, places);
    }
    let mut out = NumBuf::new();
    out.fixed(units, places);
    out.to_string()
}

/// [`format_fixed`] for very many places.
fn format_fixed_long(units: i128, places: u32) -> String {
    let neg = units < 0;
    let mut digits = units.unsigned_abs().to_string();
    let p = places as usize;
    if p > 0 {
        if digits.len() <= p {
            digits = format!("{}{}", "0".repeat(p + 1 - digits.len()), digits);
        }
        digits.insert(digits.len() - p, '.');
    }
    if neg {
        format!("-{digits}")
    } else {
        digits
    }
}

/// A fixed denominator of the integer kernel, factored once when a rubric is
/// loaded as `2^twos · 5^fives · odd`, so that a value over it is written as
/// an exact decimal without a gcd.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Denom {
    q: i64,
    twos: u32,
    fives: u32,
    odd: u64,
}

impl Denom {
    /// The denominator.
    pub(crate) fn q(&self) -> i64 {
        self.q
    }

    /// `None` unless `q > 0`.
    pub(crate) fn new(q: i64) -> Option<Denom> {
        if q <= 0 {
            return None;
        }
        let twos = q.trailing_zeros();
        let mut odd = q.unsigned_abs() >> twos;
        let mut fives = 0;
        while odd.is_multiple_of(5) {
            odd /= 5;
            fives += 1;
        }
        Some(Denom {
            q,
            twos,
            fives,
            odd,
        })
    }
}

/// An exact value as the scoring path produces it: a fraction that is either
/// in lowest terms (from the rational kernel) or over a fixed [`Denom`] of
/// the integer kernel, unreduced. Rounding, comparing and writing it need no
/// gcd; [`Frac::ratio`] reduces it when a [`Ratio`] is wanted.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frac {
    num: i128,
    den: i128,
    over: Option<Denom>,
}

impl From<Ratio> for Frac {
    fn from(r: Ratio) -> Frac {
        Frac {
            num: r.num,
            den: r.den,
            over: None,
        }
    }
}

impl Frac {
    /// `num / den`, unreduced.
    pub(crate) fn over(num: i64, den: Denom) -> Frac {
        Frac {
            num: i128::from(num),
            den: i128::from(den.q),
            over: Some(den),
        }
    }

    /// A count of hundredths (a reported value).
    pub(crate) fn hundredths(h: i128) -> Frac {
        Frac {
            num: h,
            den: 100,
            over: Denom::new(100),
        }
    }

    /// Numerator (not necessarily in lowest terms).
    pub(crate) fn numer(&self) -> i128 {
        self.num
    }

    /// Denominator (positive; not necessarily in lowest terms).
    pub(crate) fn denom(&self) -> i128 {
        self.den
    }

    /// The value in lowest terms.
    pub(crate) fn ratio(&self) -> Option<Ratio> {
        match self.over {
            None => Some(Ratio {
                num: self.num,
                den: self.den,
            }),
            Some(_) => Ratio::new(self.num, self.den),
        }
    }

    /// Rounds half up to 2 decimals: floor((200 num + den) / (2 den)), in 64
    /// bits when it fits.
    pub(crate) fn round2(&self) -> Option<Hundredths> {
        if let (Ok(n), Ok(d)) = (i64::try_from(self.num), i64::try_from(self.den)) {
            if let (Some(x), Some(y)) = (
                n.checked_mul(200).and_then(|x| x.checked_add(d)),
                d.checked_mul(2),
            ) {
                return Some(Hundredths(i128::from(x.div_euclid(y))));
            }
        }
        self.ratio()?.round2()
    }

    /// Compares with a ratio by cross-multiplication (no division).
    pub(crate) fn cmp_ratio(&self, r: &Ratio) -> Ordering {
        // 64-bit operands: one widening multiply each, no overflow check
        if let (Ok(a), Ok(b), Ok(c), Ok(d)) = (
            i64::try_from(self.num),
            i64::try_from(self.den),
            i64::try_from(r.num),
            i64::try_from(r.den),
        ) {
            return (i128::from(a) * i128::from(d)).cmp(&(i128::from(c) * i128::from(b)));
        }
        match (self.num.checked_mul(r.den), r.num.checked_mul(self.den)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => cmp_slow(self.num, self.den, r.num, r.den),
        }
    }

    /// What [`Ratio::exact_string`] writes for the same value, as a
    /// [`Text`] (held in place when short: no allocation).
    pub(crate) fn exact_text(&self) -> Text {
        let mut out = NumBuf::new();
        self.write_exact(&mut out);
        out.text()
    }

    /// Writes [`Frac::exact_text`]'s text.
    fn write_exact(&self, out: &mut NumBuf) {
        let reduced = |f: &Frac, out: &mut NumBuf| {
            if let Some(r) = f.ratio() {
                r.write_exact(out);
            }
        };
        let Some(d) = self.over else {
            return reduced(self, out);
        };
        let Ok(n) = i64::try_from(self.num) else {
            return reduced(self, out);
        };
        let a = n.unsigned_abs();
        if d.odd != 1 && !a.is_multiple_of(d.odd) {
            // not a terminating decimal: a fraction in lowest terms (the
            // reduced denominator keeps an odd factor other than 5), written
            // from one 64-bit gcd
            let q = d.q.unsigned_abs();
            let g = gcd_u64(a, q).max(1);
            let num = i128::from(a / g);
            return out.fraction(if n < 0 { -num } else { num }, u128::from(q / g));
        }
        // num / den = (a / odd) / (2^twos 5^fives) = units / 10^p
        let p = d.twos.max(d.fives);
        // in 64 bits when it fits (no 128-bit division), else in 128
        let units = match 2u64
            .checked_pow(p - d.twos)
            .zip(5u64.checked_pow(p - d.fives))
            .and_then(|(x, y)| (a / d.odd).checked_mul(x)?.checked_mul(y))
        {
            Some(u) => Some(u128::from(u)),
            None => u128::from(a / d.odd)
                .checked_mul(2u128.pow(p - d.twos))
                .and_then(|u| u.checked_mul(5u128.checked_pow(p - d.fives)?)),
        };
        let Some(units) = units else {
            return reduced(self, out);
        };
        // the shortest decimal: trailing zeros dropped (in 64 bits when it fits)
        let mut places = p;
        let units = match u64::try_from(units) {
            Ok(mut u) => {
                while places > 0 && u % 10 == 0 {
                    u /= 10;
                    places -= 1;
                }
                u128::from(u)
            }
            Err(_) => {
                let mut u = units;
                while places > 0 && u % 10 == 0 {
                    u /= 10;
                    places -= 1;
                }
                u
            }
        };
        match i128::try_from(units) {
            Ok(u) if places <= MAX_PLACES => out.fixed(if n < 0 { -u } else { u }, places),
            _ => reduced(self, out),
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        // Cross-multiplication can overflow for huge operands; fall back to a
        // continued-fraction style comparison that cannot.
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => cmp_slow(self.num, self.den, other.num, other.den),
        }
    }
}

fn cmp_slow(an: i128, ad: i128, bn: i128, bd: i128) -> Ordering {
    let (aq, ar) = (an.div_euclid(ad), an.rem_euclid(ad));
    let (bq, br) = (bn.div_euclid(bd), bn.rem_euclid(bd));
    if aq != bq {
        return aq.cmp(&bq);
    }
    match (ar == 0, br == 0) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        // ar/ad vs br/bd  <=>  bd/br vs ad/ar (reversed)
        (false, false) => cmp_slow(bd, br, ad, ar),
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.exact_string())
    }
}

/// The nearest `f64` to `x`: from 64 bits (one instruction) when it fits.
/// (Written as two calls: with `x as f64` in both arms, the compiler merges
/// them into the 128-bit conversion, a library call, for every value.)
#[inline]
pub(crate) fn int_to_f64(x: i128) -> f64 {
    #[inline(never)]
    fn wide(x: i128) -> f64 {
        x as f64
    }
    match i64::try_from(x) {
        Ok(v) => v as f64,
        Err(_) => wide(x),
    }
}

/// A value rounded to 2 decimals, stored as an integer number of hundredths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hundredths(pub i128);

impl Hundredths {
    /// The nearest `f64` (e.g. 3.28); for display and JSON output.
    pub fn to_f64(self) -> f64 {
        int_to_f64(self.0) / 100.0
    }

    /// The value as text with 2 decimals (`"2.60"`), as `Display` writes it
    /// (held in place when short: no allocation).
    pub(crate) fn text(self) -> Text {
        let mut out = NumBuf::new();
        out.fixed(self.0, 2);
        out.text()
    }

    /// The value as an exact ratio.
    pub fn to_ratio(self) -> Ratio {
        Ratio::new(self.0, 100).unwrap_or(Ratio::ZERO)
    }
}

impl fmt::Display for Hundredths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn exact_text_in_64_bits_is_the_wide_text() {
        let mut dens: Vec<i128> = (1..=400).collect();
        dens.extend([
            1 << 40,
            1 << 62,
            5i128.pow(27),
            10i128.pow(18),
            3 * 10i128.pow(17),
        ]);
        let nums = [
            0,
            1,
            -1,
            7,
            -13,
            999,
            123_456_789,
            i64::MAX as i128,
            i64::MIN as i128 + 1,
        ];
        for &d in &dens {
            for &n in nums.iter().chain(&[d - 1, -(d + 3), 2 * d + 1]) {
                let x = r(n, d);
                assert_eq!(x.exact_string(), x.exact_string_wide(), "{n}/{d}");
            }
        }
        // a value over a fixed denominator writes as its reduced form does
        for q in [
            1i64,
            2,
            3,
            6,
            40,
            96,
            250,
            3000,
            2100,
            4620,
            1 << 50,
            5i64.pow(26),
            7 * 10i64.pow(15),
            // 2^35 · 5^10: a terminating decimal of 35 places, past the 30 written
            (1 << 35) * 5i64.pow(10),
        ] {
            let den = Denom::new(q).unwrap();
            for n in [
                0i64,
                1,
                -1,
                5,
                12,
                -250,
                3 * q,
                q / 2 + 1,
                7,
                -14,
                33,
                q / 3 + 1,
                i64::MAX,
                i64::MIN + 1,
            ] {
                let f = Frac::over(n, den);
                assert_eq!(
                    f.exact_text().as_str(),
                    r(n.into(), q.into()).exact_string_wide(),
                    "{n}/{q}"
                );
            }
        }
        let q = (1i64 << 35) * 5i64.pow(10);
        assert_eq!(
            Frac::over(1, Denom::new(q).unwrap()).exact_text().as_str(),
            "1/335544320000000000"
        );
        assert_eq!(r(-7, 3).exact_string(), "-7/3");
        assert_eq!(r(-1, 8).exact_string(), "-0.125");
        assert_eq!(r(1, 1 << 40).exact_string(), format!("1/{}", 1i128 << 40));
    }

    #[test]
    fn new_in_64_bits_is_lowest_terms_with_a_positive_denominator() {
        let vals = [
            0i128,
            1,
            -1,
            2,
            -6,
            12,
            35,
            -100,
            4620,
            i128::from(i64::MAX),
            -i128::from(i64::MAX),
            i128::from(i64::MIN),
            1 << 62,
            -(1 << 62),
            1 << 64,
            i128::MAX,
            -i128::MAX,
        ];
        for n in vals {
            for d in vals {
                let got = Ratio::new(n, d);
                if d == 0 {
                    assert_eq!(got, None);
                    continue;
                }
                let r = got.unwrap();
                // same value (cross-multiplied exactly in 256 bits' worth: by
                // comparing with the slow comparison), lowest terms, den > 0
                assert!(r.den > 0, "{n}/{d}");
                assert_eq!(gcd(r.num, r.den), 1, "{n}/{d}");
                assert_eq!(
                    cmp_slow(r.num, r.den, if d < 0 { -n } else { n }, d.abs()),
                    Ordering::Equal,
                    "{n}/{d}"
                );
            }
        }
        assert_eq!(Ratio::new(6, -4), Ratio::new(-3, 2));
        assert_eq!(Ratio::new(-6, -4).map(|r| (r.num, r.den)), Some((3, 2)));
    }

    #[test]
    fn half_up_on_exact_ties() {
        // 2.595 exactly: f64 would give 2.59 (2.595 is stored as 2.59499999...).
        assert_eq!(r(2595, 1000).round2().unwrap().to_string(), "2.60");
        assert_eq!(r(2025, 1000).round2().unwrap().to_string(), "2.03");
        assert_eq!(r(3282, 1000).round2().unwrap().to_string(), "3.28");
        assert_eq!(r(2594999, 1000000).round2().unwrap().to_string(), "2.59");
        assert_eq!(r(5, 1).round2().unwrap().to_string(), "5.00");
        assert_eq!(r(1, 3).round2().unwrap().to_string(), "0.33");
        assert_eq!(r(2, 3).round2().unwrap().to_string(), "0.67");
    }

    #[test]
    fn fixed_point_text() {
        for (u, p) in [
            (0i128, 0u32),
            (0, 2),
            (5, 0),
            (5, 2),
            (-5, 2),
            (123456, 3),
            (-123456, 6),
            (-123456, 8),
            (100, 2),
            (i128::MAX, 0),
            (i128::MIN + 1, 30),
            (7, 70),
            (i128::MIN + 1, 63),
            (-1, 63),
            (i128::MAX, 64),
        ] {
            assert_eq!(format_fixed(u, p), format_fixed_long(u, p), "{u} {p}");
        }
        assert_eq!(format_fixed(-5, 2), "-0.05");
        assert_eq!(format_fixed(2595, 3), "2.595");
        // digits past 64 bits, then in 64 bits (10^20 + 7 crosses the switch)
        assert_eq!(
            format_fixed(100_000_000_000_000_000_007, 2),
            "1000000000000000000.07"
        );
        assert_eq!(Hundredths(-260).text().as_str(), "-2.60");
        assert_eq!(Hundredths(5).to_string(), "0.05");
    }

    #[test]
    fn fractions_are_written_whole_at_any_width() {
        // written by `format!` independently of the digit writer
        for (n, d) in [
            (i128::MAX, 3i128),
            (i128::MIN + 1, 7),
            (1, i128::MAX),
            (-(1i128 << 100) - 1, 3),
            (17, 6),
        ] {
            let x = r(n, d);
            let want = format!("{}/{}", x.numer(), x.denom());
            assert_eq!(x.exact_string(), want);
            assert_eq!(Frac::from(x).exact_text().as_str(), want);
        }
    }

    #[test]
    fn integers_convert_to_the_nearest_double() {
        for x in [
            0i128,
            -1,
            1 << 53,
            (1 << 53) + 1,
            i128::from(i64::MAX),
            i128::from(i64::MAX) + 1,
            i128::from(i64::MIN) - 1,
            i128::MAX,
            i128::MIN,
        ] {
            assert_eq!(int_to_f64(x), x as f64, "{x}");
        }
        assert_eq!(
            int_to_f64(i128::from(i64::MAX) + 1),
            9_223_372_036_854_775_808.0
        );
    }

    #[test]
    fn parse_and_print() {
        assert_eq!(Ratio::parse_decimal("1.30"), Some(r(13, 10)));
        assert_eq!(Ratio::parse_decimal("45.50"), Some(r(91, 2)));
        assert_eq!(Ratio::parse_decimal("5"), Some(r(5, 1)));
        assert_eq!(Ratio::parse_decimal(".5"), Some(r(1, 2)));
        assert_eq!(Ratio::parse_decimal("-0.25"), Some(r(-1, 4)));
        for bad in ["", ".", "1e3", "1.2.3", "abc", "1,30", "--1"] {
            assert_eq!(Ratio::parse_decimal(bad), None, "{bad}");
        }
        assert_eq!(r(3282, 1000).exact_string(), "3.282");
        assert_eq!(r(17, 6).exact_string(), "17/6");
        assert_eq!(r(-1, 8).exact_string(), "-0.125");
        assert_eq!(r(4, 1).exact_string(), "4");
    }

    #[test]
    fn rounding_near_the_i128_limit() {
        // 5.4e37 / 2e37 = 2.7000000433..., too large for the quick formula
        let x = Ratio::new(
            54000000866000003419000000016000000063,
            20000000320000001260000000000000000000,
        )
        .unwrap();
        assert_eq!(x.round2().unwrap().to_string(), "2.70");
        assert_eq!(x.round_to(4), Some(27000));
        // ties and the carry into the integer part, on the long-division path
        let big = 10i128.pow(34);
        assert_eq!(
            Ratio::new(2595 * big / 1000, big)
                .unwrap()
                .round2()
                .unwrap()
                .to_string(),
            "2.60"
        );
        assert_eq!(
            Ratio::new(2 * big - 1, big)
                .unwrap()
                .round2()
                .unwrap()
                .to_string(),
            "2.00"
        );
        assert_eq!(
            Ratio::new(-(2595 * big / 1000), big)
                .unwrap()
                .round2()
                .unwrap()
                .to_string(),
            "-2.59"
        );
    }

    #[test]
    fn arithmetic_and_order() {
        assert_eq!(r(1, 3).checked_add(r(1, 6)), Some(r(1, 2)));
        assert_eq!(r(1, 3).checked_sub(r(1, 2)), Some(r(-1, 6)));
        assert_eq!(r(2, 3).checked_mul(r(9, 4)), Some(r(3, 2)));
        assert_eq!(r(2, 3).checked_div(Ratio::ZERO), None);
        assert!(r(1, 3) < r(34, 100));
        assert!(r(i128::MAX / 3, i128::MAX / 2) < r(i128::MAX / 2, i128::MAX / 3));
        assert_eq!(Ratio::int(i128::MAX).checked_add(Ratio::int(1)), None);
        // gcd: small, mixed and large operands
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(-12, 18), 6);
        assert_eq!(gcd(0, 7), 7);
        assert_eq!(gcd(1 << 100, 3 << 90), 1 << 90);
        assert_eq!(gcd(i128::from(u64::MAX) * 6, 4), 2);
        assert_eq!(
            r(i128::MAX - 1, 2),
            Ratio::new((i128::MAX - 1) / 2, 1).unwrap()
        );
    }
}
