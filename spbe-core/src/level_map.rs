//! [`LevelMap`]: an assessment's levels by indicator, held in one sorted
//! vector.
//!
//! An assessment has at most a few dozen levels, read in indicator order on
//! every score. Held in one block of memory in that order, they are read front
//! to back, which the processor prefetches; a tree map's nodes are scattered,
//! and reading thousands of assessments in turn waited on them (issue 9: the
//! tree was a quarter of 8/2026's scoring time). The map reads like the
//! standard `BTreeMap` it replaces: `get`, `insert`, `iter` in id order,
//! `collect`.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::assessment::{cmp_ids, IndicatorId, Level};

/// Levels by indicator: each id once, in indicator order (see
/// [`IndicatorId`]'s `Ord`: numeric ids by value). It serialises as a JSON
/// object in that order, as the `BTreeMap` it replaced did.
///
/// Building one by `collect` or `extend` sorts once; a later entry for an id
/// replaces an earlier one. `insert` is quick at the end (ids in increasing
/// order) and moves the entries after the id otherwise.
///
/// ```
/// use spbe_core::{IndicatorId, Level, LevelMap};
///
/// let mut levels: LevelMap = [("10", 3), ("2", 4)]
///     .into_iter()
///     .map(|(id, level)| (IndicatorId::from(id), Level::int(level)))
///     .collect();
/// levels.insert(IndicatorId::from("1"), Level::int(5));
/// let ids: Vec<&str> = levels.keys().map(IndicatorId::as_str).collect();
/// assert_eq!(ids, ["1", "2", "10"]); // numeric ids by value
/// assert_eq!(levels.get("10"), Some(&Level::int(3)));
/// assert_eq!(serde_json::to_string(&levels)?, r#"{"1":5,"2":4,"10":3}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct LevelMap(Vec<(IndicatorId, Level)>);

/// The entries of a [`LevelMap`] in id order.
pub type Iter<'a> = std::iter::Map<
    std::slice::Iter<'a, (IndicatorId, Level)>,
    fn(&'a (IndicatorId, Level)) -> (&'a IndicatorId, &'a Level),
>;

fn pair(e: &(IndicatorId, Level)) -> (&IndicatorId, &Level) {
    (&e.0, &e.1)
}

impl LevelMap {
    /// An empty map.
    pub const fn new() -> LevelMap {
        LevelMap(Vec::new())
    }

    /// How many indicators have a level.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no indicator has a level.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where `id` is (`Ok`) or would go (`Err`).
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0
            .binary_search_by(|(k, _)| cmp_ids(k.as_str().as_bytes(), id.as_bytes()))
    }

    /// The level(s) of an indicator (`id`: a `&str`, `&String` or `&IndicatorId`).
    pub fn get<Q: AsRef<str> + ?Sized>(&self, id: &Q) -> Option<&Level> {
        let i = self.find(id.as_ref()).ok()?;
        self.0.get(i).map(|e| &e.1)
    }

    /// The level(s) of an indicator, to change.
    pub fn get_mut<Q: AsRef<str> + ?Sized>(&mut self, id: &Q) -> Option<&mut Level> {
        let i = self.find(id.as_ref()).ok()?;
        self.0.get_mut(i).map(|e| &mut e.1)
    }

    /// Whether an indicator has a level.
    pub fn contains_key<Q: AsRef<str> + ?Sized>(&self, id: &Q) -> bool {
        self.find(id.as_ref()).is_ok()
    }

    /// The level(s) of an indicator, set first to `make()` if it has none
    /// (always `Some`).
    pub(crate) fn get_or_insert_with(
        &mut self,
        id: IndicatorId,
        make: impl FnOnce() -> Level,
    ) -> Option<&mut Level> {
        let i = match self.find(id.as_str()) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (id, make()));
                i
            }
        };
        self.0.get_mut(i).map(|e| &mut e.1)
    }

    /// Sets an indicator's level(s); returns the ones replaced.
    pub fn insert(&mut self, id: IndicatorId, level: Level) -> Option<Level> {
        // ids in increasing order (how files and forms write them) go on the end
        let after_last = self
            .0
            .last()
            .is_none_or(|(k, _)| k.cmp(&id) == Ordering::Less);
        if after_last {
            self.0.push((id, level));
            return None;
        }
        match self.find(id.as_str()) {
            Ok(i) => self
                .0
                .get_mut(i)
                .map(|e| std::mem::replace(&mut e.1, level)),
            Err(i) => {
                self.0.insert(i, (id, level));
                None
            }
        }
    }

    /// Removes an indicator's level(s) and returns them.
    pub fn remove<Q: AsRef<str> + ?Sized>(&mut self, id: &Q) -> Option<Level> {
        let i = self.find(id.as_ref()).ok()?;
        Some(self.0.remove(i).1)
    }

    /// Keeps only the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&IndicatorId, &mut Level) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries in id order.
    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(pair)
    }

    /// The entries in id order, levels to change.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&IndicatorId, &mut Level)> {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The ids in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &IndicatorId> + ExactSizeIterator {
        self.0.iter().map(|e| &e.0)
    }

    /// The levels in id order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Level> + ExactSizeIterator {
        self.0.iter().map(|e| &e.1)
    }

    /// The entries in id order, as a slice.
    pub fn as_slice(&self) -> &[(IndicatorId, Level)] {
        &self.0
    }

    /// Sorts `entries` by id; of entries with the same id the last is kept.
    fn from_vec(mut entries: Vec<(IndicatorId, Level)>) -> LevelMap {
        let sorted = entries.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0));
        if !sorted {
            // stable: entries of one id keep their order, the last is kept below
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out: Vec<(IndicatorId, Level)> = Vec::with_capacity(entries.len());
            for e in entries {
                match out.last_mut() {
                    Some(last) if last.0 == e.0 => *last = e,
                    _ => out.push(e),
                }
            }
            entries = out;
        }
        LevelMap(entries)
    }
}

impl fmt::Debug for LevelMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(IndicatorId, Level)> for LevelMap {
    fn from_iter<I: IntoIterator<Item = (IndicatorId, Level)>>(iter: I) -> LevelMap {
        LevelMap::from_vec(iter.into_iter().collect())
    }
}

impl<const N: usize> From<[(IndicatorId, Level); N]> for LevelMap {
    fn from(entries: [(IndicatorId, Level); N]) -> LevelMap {
        entries.into_iter().collect()
    }
}

impl Extend<(IndicatorId, Level)> for LevelMap {
    fn extend<I: IntoIterator<Item = (IndicatorId, Level)>>(&mut self, iter: I) {
        let mut all = std::mem::take(&mut self.0);
        all.extend(iter);
        *self = LevelMap::from_vec(all);
    }
}

impl IntoIterator for LevelMap {
    type Item = (IndicatorId, Level);
    type IntoIter = std::vec::IntoIter<(IndicatorId, Level)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a LevelMap {
    type Item = (&'a IndicatorId, &'a Level);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Serialize for LevelMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::collections::BTreeMap;

    use super::*;

    fn id(s: &str) -> IndicatorId {
        IndicatorId::from(s)
    }

    /// A small deterministic generator (an LCG).
    fn next(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    const IDS: [&str; 12] = [
        "1", "2", "10", "02", "9", "47", "a", "B", "", "007", "7", "x1",
    ];

    /// Every operation against the standard `BTreeMap` (which orders ids by
    /// the same `Ord`), over random sequences of inserts, removals, retains
    /// and extends.
    #[test]
    fn behaves_as_a_btree_map() {
        let mut seed = 11;
        for _ in 0..300 {
            let mut ours = LevelMap::new();
            let mut theirs: BTreeMap<IndicatorId, Level> = BTreeMap::new();
            for _ in 0..(next(&mut seed) % 40) {
                let k = IDS[(next(&mut seed) % IDS.len() as u64) as usize];
                let v = Level::int((next(&mut seed) % 6) as i64);
                match next(&mut seed) % 6 {
                    0 => assert_eq!(ours.remove(k), theirs.remove(&id(k))),
                    1 => {
                        let batch: Vec<(IndicatorId, Level)> = (0..next(&mut seed) % 5)
                            .map(|j| {
                                let k = IDS[(next(&mut seed) % IDS.len() as u64) as usize];
                                (id(k), Level::int(j as i64))
                            })
                            .collect();
                        ours.extend(batch.clone());
                        theirs.extend(batch);
                    }
                    2 => {
                        let cut = (next(&mut seed) % 6) as i64;
                        let keep =
                            |_: &IndicatorId, l: &mut Level| l.items()[0].as_int() != Some(cut);
                        ours.retain(keep);
                        theirs.retain(|k, l| keep(k, l));
                    }
                    _ => assert_eq!(ours.insert(id(k), v.clone()), theirs.insert(id(k), v)),
                }
                assert_eq!(ours.len(), theirs.len());
                assert!(ours.iter().eq(theirs.iter()));
                for k in IDS {
                    assert_eq!(ours.get(k), theirs.get(&id(k)));
                    assert_eq!(ours.contains_key(k), theirs.contains_key(&id(k)));
                }
            }
            assert_eq!(
                serde_json::to_string(&ours).unwrap(),
                serde_json::to_string(&theirs).unwrap()
            );
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
            let collected: LevelMap = theirs.clone().into_iter().collect();
            assert_eq!(collected, ours);
            assert!(ours.clone().into_iter().eq(theirs.into_iter()));
        }
    }

    #[test]
    fn collect_keeps_the_last_entry_of_an_id_and_sorts() {
        let m: LevelMap = [
            (id("10"), Level::int(1)),
            (id("2"), Level::int(2)),
            (id("10"), Level::int(3)),
            (id("1"), Level::int(4)),
        ]
        .into();
        let keys: Vec<&str> = m.keys().map(IndicatorId::as_str).collect();
        assert_eq!(keys, ["1", "2", "10"]);
        assert_eq!(m.get("10"), Some(&Level::int(3)));
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"1":4,"2":2,"10":3}"#
        );
    }

    #[test]
    fn get_mut_and_iter_mut_change_levels_in_place() {
        let mut m: LevelMap = [(id("1"), Level::int(1)), (id("2"), Level::int(2))].into();
        *m.get_mut("2").unwrap() = Level::int(5);
        for (_, l) in m.iter_mut() {
            if *l == Level::int(1) {
                *l = Level::int(4);
            }
        }
        assert_eq!(
            m.values().cloned().collect::<Vec<_>>(),
            [Level::int(4), Level::int(5)]
        );
        assert_eq!(m.get_mut("3"), None);
    }
}
