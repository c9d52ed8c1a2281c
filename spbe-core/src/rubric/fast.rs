//! Precomputation for the batch's common case: integer multipliers for rows
//! where every indicator has its nominal set of items, with the bound that
//! lets the batch use plain `i64` arithmetic.

use super::Derived;
use crate::ratio::{Denom, Ratio};

/// Precomputed integer multipliers for the common case where every aspect has
/// its nominal set of items (see `score::kernel`).

#[derive(Clone, Debug)]
pub(crate) struct FastPath {
    /// Nominal Σ w_int per aspect.
    pub aspect_den: Vec<i64>,
    /// index = Σ_a k_a · N_a / q
    pub k_index: Vec<i64>,
    pub q_index: i64,
    /// domain d = Σ_{a∈d} k_a · N_a / q_d (per aspect multiplier, per domain q)
    pub k_domain: Vec<i64>,
    pub q_domain: Vec<i64>,
    /// Upper bounds of the predicate bands in hundredths, when they are whole hundredths.
    pub band_max_h: Option<Vec<i64>>,
    /// Upper bounds of the predicate bands times `q_index`, when whole: the
    /// exact index `num / q_index` is compared with them as integers.
    pub band_max_q: Option<Vec<i64>>,
    /// The fixed denominators of single scoring's integer kernel, when they fit.
    pub fixed: Option<Fixed>,
}

/// The integer kernel of single scoring (`score::aggregate_fixed`): with
/// `h_a` = Σ w_int · value over an aspect's items, counted in hundredths of a
/// level (whole levels and 8/2026's decimals alike), every result is an
/// integer over one of these fixed denominators, written and rounded without
/// a gcd:
///
/// * aspect a = h_a / aspect[a]              (aspect[a] = 100 · aspect_den[a])
/// * domain d = Σ_{a∈d} k_domain[a] · h_a / domain[d]   (100 · q_domain[d])
/// * index    = Σ_a k_index[a] · h_a / index            (100 · q_index)
/// * each aspect's coefficient (index = Σ coef_a · Σ w_int · level) is
///   k_index[a] / coef.
#[derive(Clone, Debug)]
pub(crate) struct Fixed {
    pub index: Denom,
    pub domain: Vec<Denom>,
    pub aspect: Vec<Denom>,
    pub coef: Denom,
}

/// Precomputes integer multipliers: with nominal item counts, aspect index
/// a = N_a / D_a, and index = Σ (W_a / 100) · N_a / D_a = Σ k_a N_a / q.
pub(super) fn fast_path(d: &Derived) -> Option<FastPath> {
    let mut aspect_den = Vec::with_capacity(d.aspects.len());
    let mut coef = Vec::with_capacity(d.aspects.len()); // W_a / (100 · D_a)
    let mut dcoef = Vec::with_capacity(d.aspects.len()); // W_a / (W_parent · D_a)
    for a in &d.aspects {
        let mut den: i64 = 0;
        for i in d.indicators.get(a.indicators.clone())? {
            den = den.checked_add(i.w_int.checked_mul(i64::from(i.min_items))?)?;
        }
        // nominal = every indicator at its minimum item count (1 for all)
        aspect_den.push(den);
        coef.push(
            a.weight
                .checked_div(d.total.checked_mul(Ratio::int(i128::from(den)))?)?,
        );
        dcoef.push(
            a.weight
                .checked_div(a.parent_weight.checked_mul(Ratio::int(i128::from(den)))?)?,
        );
    }
    let lcm = |rs: &[Ratio]| -> Option<i128> {
        let mut q: i128 = 1;
        for r in rs {
            q = (q / crate::ratio::gcd(q, r.denom())).checked_mul(r.denom())?;
        }
        Some(q)
    };
    let q_index = lcm(&coef)?;
    let k_index = coef
        .iter()
        .map(|c| c.checked_mul(Ratio::int(q_index)).map(|r| r.numer()))
        .collect::<Option<Vec<_>>>()?;
    let mut q_domain = Vec::with_capacity(d.domains.len());
    let mut k_domain = vec![0i128; d.aspects.len()];
    for dom in &d.domains {
        let cs = dcoef.get(dom.aspects.clone())?;
        let q = lcm(cs)?;
        for (k, c) in dom.aspects.clone().zip(cs) {
            *k_domain.get_mut(k)? = c.checked_mul(Ratio::int(q))?.numer();
        }
        q_domain.push(q);
    }
    // guard: with every level at most 9, Σ k·N, times 200, plus q must fit in
    // i64, so the batch can use plain i64 arithmetic without overflow.
    let bound = |ks: &[i128], q: i128| -> Option<()> {
        let mut total: i128 = 0;
        for (k, den) in ks.iter().zip(&aspect_den) {
            total = total.checked_add(
                k.checked_abs()?
                    .checked_mul(i128::from(*den).checked_mul(9)?)?,
            )?;
        }
        let worst = total.checked_mul(200)?.checked_add(q.checked_mul(2)?)?;
        (worst < i128::from(i64::MAX)).then_some(())
    };
    bound(&k_index, q_index)?;
    for (dom, q) in d.domains.iter().zip(&q_domain) {
        let ks: Vec<i128> = (0..d.aspects.len())
            .map(|a| {
                if dom.aspects.contains(&a) {
                    k_domain.get(a).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        bound(&ks, *q)?;
    }
    for den in &aspect_den {
        den.checked_mul(9 * 200 + 2)?;
    }
    let to64 = |v: &[i128]| {
        v.iter()
            .map(|x| i64::try_from(*x).ok())
            .collect::<Option<Vec<i64>>>()
    };
    let band_max_h = d
        .bands
        .iter()
        .map(|b| {
            let h = b.max.checked_mul(Ratio::int(100))?;
            (h.denom() == 1)
                .then(|| i64::try_from(h.numer()).ok())
                .flatten()
        })
        .collect::<Option<Vec<i64>>>();
    let band_max_q = d
        .bands
        .iter()
        .map(|b| {
            let v = b.max.checked_mul(Ratio::int(q_index))?;
            (v.denom() == 1)
                .then(|| i64::try_from(v.numer()).ok())
                .flatten()
        })
        .collect::<Option<Vec<i64>>>();
    let hundred = |q: i64| q.checked_mul(100).and_then(Denom::new);
    let q_index64 = i64::try_from(q_index).ok()?;
    let q_domain64 = to64(&q_domain)?;
    let fixed = (|| {
        Some(Fixed {
            index: hundred(q_index64)?,
            domain: q_domain64
                .iter()
                .map(|q| hundred(*q))
                .collect::<Option<_>>()?,
            aspect: aspect_den
                .iter()
                .map(|q| hundred(*q))
                .collect::<Option<_>>()?,
            coef: Denom::new(q_index64)?,
        })
    })();
    Some(FastPath {
        fixed,
        band_max_q,
        aspect_den,
        k_index: to64(&k_index)?,
        q_index: i64::try_from(q_index).ok()?,
        k_domain: to64(&k_domain)?,
        q_domain: to64(&q_domain)?,
        band_max_h,
    })
}
