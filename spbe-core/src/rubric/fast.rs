//! Precomputation for the batch's common case: integer multipliers for rows
//! where every indicator has its nominal set of items, with the bound that
//! lets the batch use plain `i64` arithmetic.

use super::Derived;
use std::sync::OnceLock;

use crate::ratio::{Denom, Frac, Ratio};

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
    /// The fixed denominators of single scoring's integer kernel, when they fit.
    pub fixed: Option<Fixed>,
    /// Per aspect, the highest sum Σ w_int · level over its items.
    pub tops: Vec<i64>,
    /// The batch's [`Lookup`], built on its first use (`None` when the
    /// tables would be too large, or a band threshold does not fit).
    pub lookup: OnceLock<Option<Lookup>>,
}

/// Tables of every result of a nominal row by its numerator, for the batch:
/// with nominal item counts each result is a whole numerator `n` (an aspect
/// sum Σ w_int · level, or a dot product Σ k · sum) over a fixed
/// denominator, and `n` lies between 0 and its highest value, so a table
/// read replaces the rounding division (and the band comparisons) per row.
/// Every entry is computed by single scoring's own exact rounding
/// ([`Frac::round2`]) and band thresholds ([`Thresholds`]).
#[derive(Clone, Debug)]
pub(crate) struct Lookup {
    /// `aspect[a][n]`: aspect a's reported value (2 decimals) for sum `n`.
    pub aspect: Vec<Vec<f64>>,
    /// `domain[d][n]`: domain d's for numerator `n` over `q_domain[d]`.
    pub domain: Vec<Vec<f64>>,
    /// `index[n]`: the index's for numerator `n` over `q_index`.
    pub index: Vec<f64>,
    /// The same in hundredths.
    pub index_h: Vec<i64>,
    /// The predicate band of the reported index (the rule's `Reported` basis).
    pub band_reported: Vec<u8>,
    /// The predicate band of the exact index (`Exact` basis).
    pub band_exact: Vec<u8>,
}

/// Most entries the batch's tables may hold together (about 1 MiB).
const MAX_LOOKUP: usize = 1 << 16;

impl FastPath {
    /// The batch's tables (built once, on first use).
    pub(crate) fn lookup(&self, d: &Derived) -> Option<&Lookup> {
        self.lookup.get_or_init(|| lookup(self, d)).as_ref()
    }
}

/// The reported value of `n / q`, rounded half up to hundredths as single
/// scoring rounds it.
fn reported(n: i64, q: Denom) -> Option<(f64, i64)> {
    let h = Frac::over(n, q).round2()?;
    Some((h.to_f64(), i64::try_from(h.0).ok()?))
}

fn lookup(f: &FastPath, d: &Derived) -> Option<Lookup> {
    let t = f.fixed.as_ref()?.bands.as_ref()?;
    // the highest numerator of a dot product Σ k · sum over some aspects
    let top = |ks: &[i64], aspects: std::ops::Range<usize>| -> Option<usize> {
        let mut n: i64 = 0;
        for a in aspects {
            let k = *ks.get(a)?;
            (k >= 0).then_some(())?;
            n = n.checked_add(k.checked_mul(*f.tops.get(a)?)?)?;
        }
        usize::try_from(n).ok()
    };
    let index_top = top(&f.k_index, 0..f.k_index.len())?;
    let domain_tops = d
        .domains
        .iter()
        .map(|dom| top(&f.k_domain, dom.aspects.clone()))
        .collect::<Option<Vec<usize>>>()?;
    let mut total = index_top.checked_add(1)?;
    for n in f.tops.iter().map(|t| usize::try_from(*t).ok()) {
        total = total.checked_add(n?.checked_add(1)?)?;
    }
    for n in &domain_tops {
        total = total.checked_add(n.checked_add(1)?)?;
    }
    if total > MAX_LOOKUP {
        return None;
    }
    let table = |top: usize, q: i64| -> Option<Vec<f64>> {
        let q = Denom::new(q)?;
        (0..=i64::try_from(top).ok()?)
            .map(|n| reported(n, q).map(|r| r.0))
            .collect()
    };
    let aspect = f
        .tops
        .iter()
        .zip(&f.aspect_den)
        .map(|(top, q)| table(usize::try_from(*top).ok()?, *q))
        .collect::<Option<Vec<_>>>()?;
    let domain = domain_tops
        .iter()
        .zip(&f.q_domain)
        .map(|(top, q)| table(*top, *q))
        .collect::<Option<Vec<_>>>()?;
    let q = Denom::new(f.q_index)?;
    let mut l = Lookup {
        aspect,
        domain,
        index: Vec::with_capacity(index_top + 1),
        index_h: Vec::with_capacity(index_top + 1),
        band_reported: Vec::with_capacity(index_top + 1),
        band_exact: Vec::with_capacity(index_top + 1),
    };
    for n in 0..=i64::try_from(index_top).ok()? {
        let (v, h) = reported(n, q)?;
        l.index.push(v);
        l.index_h.push(h);
        l.band_reported
            .push(u8::try_from(Thresholds::band(&t.hundredths, h)).ok()?);
        // the thresholds are over 100 · q_index
        l.band_exact
            .push(u8::try_from(Thresholds::band(&t.index, n.checked_mul(100)?)).ok()?);
    }
    Some(l)
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
    /// The predicate bands as thresholds on numerators over these
    /// denominators (see [`Thresholds`]).
    pub bands: Option<Thresholds>,
    /// The report's rounded per-indicator figures, which with these fixed
    /// coefficients depend only on the indicator and its whole values (when
    /// the tables stay small): `contribution[at[i] + s]` is indicator i's
    /// contribution when its values add up to `s`, `gain[i]` the gain of a
    /// one-level rise.
    pub tables: Option<Tables>,
}

/// The predicate bands as integer thresholds, one list per denominator: a
/// value `h / q` is in the first band `k` with `h <= t[k]` (the last band
/// when it passes them all), exactly the band `score::band_of_frac` finds by
/// cross-multiplying, without multiplying. Single scoring's report and the
/// batch both read bands through these lists.
#[derive(Clone, Debug)]
pub(crate) struct Thresholds {
    /// Over [`Fixed::index`].
    pub index: Vec<i64>,
    /// Over each [`Fixed::domain`].
    pub domain: Vec<Vec<i64>>,
    /// Over each [`Fixed::aspect`].
    pub aspect: Vec<Vec<i64>>,
    /// Over 100 (a value rounded to hundredths).
    pub hundredths: Vec<i64>,
}

impl Thresholds {
    /// The band of `h / q`, given the thresholds over `q`: the first `k` with
    /// `h <= t[k]`, else the last. The lists do not decrease (the bands'
    /// bounds increase, and rounding keeps their order), so that is the
    /// number of thresholds `h` is above, counted without a branch per
    /// threshold (a row's band is data the branch predictor cannot guess).
    #[inline]
    pub(crate) fn band(t: &[i64], h: i64) -> usize {
        let above: usize = t.iter().map(|x| usize::from(h > *x)).sum();
        above.min(t.len().saturating_sub(1))
    }
}

/// Per band, the largest `h` with `h / q` within the band's upper bound:
/// `h · den <= max · q` where the bound is included (every band of an
/// upper-inclusive edition, the top band of a lower-inclusive one), else
/// `h · den < max · q`. `None` when a threshold does not fit 64 bits.
fn thresholds(d: &Derived, q: i64) -> Option<Vec<i64>> {
    let last = d.bands.len().checked_sub(1)?;
    d.bands
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let p = b.max.numer().checked_mul(i128::from(q))?;
            let den = b.max.denom();
            let t = if d.upper_inclusive || k == last {
                p.div_euclid(den)
            } else {
                // the largest h below p / den: ceil(p / den) - 1
                p.checked_neg()?
                    .div_euclid(den)
                    .checked_neg()?
                    .checked_sub(1)?
            };
            i64::try_from(t).ok()
        })
        .collect()
}

/// See [`Fixed::tables`].
#[derive(Clone, Debug)]
pub(crate) struct Tables {
    pub contribution: Vec<f64>,
    pub at: Vec<usize>,
    pub gain: Vec<f64>,
}

/// Most entries the contribution tables may hold.
const MAX_TABLE: usize = 1 << 16;

fn tables(d: &Derived, k_index: &[i64], q: i64) -> Option<Tables> {
    let mut t = Tables {
        contribution: Vec::new(),
        at: Vec::with_capacity(d.indicators.len()),
        gain: Vec::with_capacity(d.indicators.len()),
    };
    for ind in &d.indicators {
        let cw = i128::from(*k_index.get(ind.aspect)?).checked_mul(i128::from(ind.w_int))?;
        let top = usize::from(ind.max_level) * usize::from(ind.max_items);
        if t.contribution.len() + top + 1 > MAX_TABLE {
            return None;
        }
        t.at.push(t.contribution.len());
        for sum in 0..=top {
            let sum = i128::try_from(sum).ok()?;
            t.contribution
                .push(crate::report::round4_frac(cw, i128::from(q), Ratio::int(sum)).ok()?);
        }
        t.gain
            .push(crate::report::round4_frac(cw, i128::from(q), Ratio::int(1)).ok()?);
    }
    Some(t)
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
    // the batch computes in f64: every aspect sum (at the highest level and
    // item count) and every numerator Σ k · sum, times 200, plus 2 q, must
    // be a whole number below 2^53
    let exact = 1i128 << 53;
    let mut tops = Vec::with_capacity(d.aspects.len());
    for (a, den) in d.aspects.iter().zip(&aspect_den) {
        let mut top: i128 = 0;
        for i in d.indicators.get(a.indicators.clone())? {
            top = top.checked_add(
                i128::from(i.w_int)
                    .checked_mul(i128::from(i.max_level))?
                    .checked_mul(i128::from(i.max_items))?,
            )?;
        }
        (top.checked_mul(200)?.checked_add(2 * i128::from(*den))? < exact).then_some(())?;
        tops.push(top);
    }
    let within = |ks: &[i128], range: std::ops::Range<usize>, q: i128| -> Option<()> {
        let mut total: i128 = 0;
        for a in range {
            total = total.checked_add(ks.get(a)?.checked_abs()?.checked_mul(*tops.get(a)?)?)?;
        }
        (total.checked_mul(200)?.checked_add(q.checked_mul(2)?)? < exact).then_some(())
    };
    within(&k_index, 0..d.aspects.len(), q_index)?;
    for (dom, q) in d.domains.iter().zip(&q_domain) {
        within(&k_domain, dom.aspects.clone(), *q)?;
    }
    let to64 = |v: &[i128]| {
        v.iter()
            .map(|x| i64::try_from(*x).ok())
            .collect::<Option<Vec<i64>>>()
    };
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
            bands: None,
            tables: None,
        })
    })();
    let k_index64 = to64(&k_index)?;
    let fixed = fixed.map(|mut x| {
        x.tables = tables(d, &k_index64, q_index64);
        x.bands = (|| {
            Some(Thresholds {
                index: thresholds(d, x.index.q())?,
                domain: x
                    .domain
                    .iter()
                    .map(|q| thresholds(d, q.q()))
                    .collect::<Option<_>>()?,
                aspect: x
                    .aspect
                    .iter()
                    .map(|q| thresholds(d, q.q()))
                    .collect::<Option<_>>()?,
                hundredths: thresholds(d, 100)?,
            })
        })();
        x
    });
    Some(FastPath {
        fixed,
        aspect_den,
        k_index: to64(&k_index)?,
        q_index: i64::try_from(q_index).ok()?,
        k_domain: to64(&k_domain)?,
        q_domain: to64(&q_domain)?,
        tops: to64(&tops)?,
        lookup: OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::band_of_frac;

    /// Every numerator from below the lowest bound to past the highest, for
    /// each denominator the thresholds are over: the band they give is the
    /// band found by comparing the fraction with each bound (both kinds of
    /// band bounds: 5/2018 and 59/2020 lower-inclusive, 8/2026 upper).
    #[test]
    fn thresholds_give_the_bands_of_the_fractions() {
        for id in crate::rubric::builtin_ids() {
            let rb = crate::rubric::builtin(id).unwrap();
            let x = rb.d.fast.as_ref().unwrap().fixed.as_ref().unwrap();
            let t = x.bands.as_ref().unwrap();
            let mut lists: Vec<(Denom, &Vec<i64>)> = vec![(x.index, &t.index)];
            lists.extend(x.domain.iter().copied().zip(&t.domain));
            lists.extend(x.aspect.iter().copied().zip(&t.aspect));
            lists.push((Denom::new(100).unwrap(), &t.hundredths));
            assert!(lists.len() > 2, "{id}");
            let mut checked = 0;
            for (den, list) in lists {
                assert_eq!(list.len(), rb.predicates().len(), "{id}");
                // `Thresholds::band` counts the thresholds below: only right
                // for a list that does not decrease
                assert!(list.windows(2).all(|w| w[0] <= w[1]), "{id}: {list:?}");
                let top = i64::from(rb.d.max_level) * den.q() + 2;
                // every value near a bound, and a sample elsewhere
                let near: Vec<i64> = list
                    .iter()
                    .flat_map(|t| (t - 3)..=(t + 3))
                    .chain((-2..=top).step_by(usize::try_from(den.q() / 50 + 1).unwrap()))
                    .collect();
                for h in near {
                    let quick = Thresholds::band(list, h);
                    let slow = band_of_frac(rb, &Frac::over(h, den));
                    assert_eq!(quick, slow, "{id}: {h}/{}", den.q());
                    checked += 1;
                }
            }
            assert!(checked > 100, "{id}");
        }
    }
}
