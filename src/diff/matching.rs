//! Which unit of the old version is which unit of the new one.
//!
//! Units are matched by their stable id. Where ids do not match (two files
//! made separately), a unit is matched by its symbol when that symbol belongs
//! to exactly one unmatched unit on each side, and then by its name among the
//! unmatched children of the matched parent (top-down, so a matched parent
//! lets its children match).

use std::collections::{HashMap, VecDeque};

use serde::Serialize;

use crate::model::{Document, UnitId};

/// How a unit of the new version was found in the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKey {
    Id,
    Symbol,
    Name,
}

/// A one-to-one pairing of old and new unit indices.
pub(crate) struct Matching {
    pub new_to_old: Vec<Option<(usize, MatchKey)>>,
    pub old_to_new: Vec<Option<usize>>,
}

impl Matching {
    fn pair(&mut self, old: usize, new: usize, key: MatchKey) {
        self.new_to_old[new] = Some((old, key));
        self.old_to_new[old] = Some(new);
    }
}

/// Index of each unit's parent in the same document (`None` for the root).
pub(crate) fn parent_indices(doc: &Document) -> Vec<Option<usize>> {
    let index: HashMap<&UnitId, usize> = doc.units.iter().enumerate().map(|(i, u)| (&u.id, i)).collect();
    doc.units.iter().map(|u| u.parent.as_ref().and_then(|p| index.get(p).copied())).collect()
}

pub(crate) fn match_units(
    old: &Document,
    new: &Document,
    old_parents: &[Option<usize>],
    new_parents: &[Option<usize>],
) -> Matching {
    let mut m = Matching { new_to_old: vec![None; new.units.len()], old_to_new: vec![None; old.units.len()] };
    let old_ids: HashMap<&UnitId, usize> = old.units.iter().enumerate().map(|(i, u)| (&u.id, i)).collect();
    for (j, unit) in new.units.iter().enumerate() {
        if let Some(&i) = old_ids.get(&unit.id) {
            m.pair(i, j, MatchKey::Id);
        }
    }
    if m.old_to_new.iter().all(Option::is_some) || m.new_to_old.iter().all(Option::is_some) {
        return m;
    }
    // By symbol, where it is unique among the unmatched units of both sides.
    let old_symbols = unique_symbols(old, |i| m.old_to_new[i].is_some());
    let new_symbols = unique_symbols(new, |j| m.new_to_old[j].is_some());
    for (j, unit) in new.units.iter().enumerate() {
        if let (Some(Some(_)), Some(Some(i))) =
            (new_symbols.get(unit.symbol.as_str()), old_symbols.get(unit.symbol.as_str()))
            && m.new_to_old[j].is_none()
        {
            m.pair(*i, j, MatchKey::Symbol);
        }
    }
    // By name among the children of the matched parent, in document order.
    let mut by_parent_and_name: HashMap<(Option<usize>, &str), VecDeque<usize>> = HashMap::new();
    for (i, unit) in old.units.iter().enumerate() {
        if m.old_to_new[i].is_none() {
            by_parent_and_name.entry((old_parents[i], unit.name.as_str())).or_default().push_back(i);
        }
    }
    for (j, unit) in new.units.iter().enumerate() {
        if m.new_to_old[j].is_some() {
            continue;
        }
        let old_parent = match new_parents[j] {
            None if unit.parent.is_none() => None,
            None => continue,
            Some(p) => match m.new_to_old[p] {
                Some((op, _)) => Some(op),
                None => continue,
            },
        };
        if let Some(i) = by_parent_and_name.get_mut(&(old_parent, unit.name.as_str())).and_then(VecDeque::pop_front) {
            m.pair(i, j, MatchKey::Name);
        }
    }
    m
}

/// Each non-empty symbol of the units not yet matched, with the unit's index
/// when it is the only one with that symbol (`None` when several share it).
fn unique_symbols(doc: &Document, matched: impl Fn(usize) -> bool) -> HashMap<&str, Option<usize>> {
    let mut seen: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, unit) in doc.units.iter().enumerate() {
        if !matched(i) && !unit.symbol.is_empty() {
            seen.entry(unit.symbol.as_str()).and_modify(|slot| *slot = None).or_insert(Some(i));
        }
    }
    seen
}
