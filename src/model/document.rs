//! The document: the frame metadata, units in document order, relations, the
//! provisions that belong to no unit, repealed placeholders, the designations
//! of the version in force the draft is measured against, and per-document
//! chart options.
//!
//! Invariant kept by [`Document::check_structure`] (on load) and by every
//! [`super::Edit`]: ids are unique, every parent exists, the hierarchy has one
//! root and no cycle, and `units` is in pre-order (each unit follows its parent
//! and its whole subtree is contiguous), so sibling order is document order.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::designation::Designation;
use super::frame::Metadata;
use super::unit::{Relation, Unit, UnitId};

/// A piece of the Regulamin that belongs to no unit: a general or final
/// provision, § 11 (the shared tasks every kierownik's paragraph cites), or
/// the lead sentence of a structure paragraph or of one of its ust. ("Zastępca
/// Dyrektora … (IT-ZIII), nadzorujący bezpośrednio referat … (IT-SS), w skład
/// którego wchodzi:"). Its text is the piece's own wording, without the
/// closing punctuation the Regulamin's rules add when it is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    pub at: Designation,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The piece is in force but its wording is not known to this file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

/// A chapter heading of the Regulamin ("Rozdział 2" / "Struktura
/// organizacyjna"), printed before the § it opens. It is no numbered piece:
/// no unit holds it, and no amendment changes it by designation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// The § the chapter opens.
    pub before: Designation,
    /// "Rozdział 2".
    pub heading: String,
    /// "Struktura organizacyjna"; empty when the heading has no title line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

impl Provision {
    pub fn new(at: Designation, text: impl Into<String>) -> Self {
        Self { at, text: text.into(), unknown: false }
    }

    pub fn unknown(at: Designation) -> Self {
        Self { at, text: String::new(), unknown: true }
    }
}

/// How the chart of this document is drawn by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChartOptions {
    /// Stack the positions of a referat in one column under it.
    pub compact_positions: bool,
    pub orientation: Orientation,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self { compact_positions: true, orientation: Orientation::TopDown }
    }
}

/// The direction of the tree on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Orientation {
    #[default]
    TopDown,
    LeftRight,
}

/// One department's Regulamin Organizacyjny.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub meta: Metadata,
    /// All units in pre-order of the hierarchy; the first one is the root.
    pub units: Vec<Unit>,
    /// Relations outside the tree, in document order.
    pub relations: Vec<Relation>,
    /// The provisions that belong to no unit, sorted by designation.
    pub provisions: Vec<Provision>,
    /// Repealed pieces outside any task list ("§ 22. (uchylony)"): their
    /// designations stay as placeholders and are never reused. Sorted.
    /// (A repealed task point keeps its placeholder in its task list.)
    pub retired: Vec<Designation>,
    /// The designations of the version in force this document is a draft of;
    /// `None` when the document is itself a version in force. Removing a piece
    /// in force repeals it; removing one that exists only in the draft deletes it.
    pub in_force: Option<BTreeSet<Designation>>,
    pub chart: ChartOptions,
    /// The chapter headings, in text order.
    pub chapters: Vec<Chapter>,
}

/// A document whose hierarchy is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StructureError {
    #[error("the document has no units")]
    Empty,
    #[error("duplicate unit id {0:?}")]
    DuplicateId(UnitId),
    #[error("unit {unit:?} names parent {parent:?}, which does not exist")]
    MissingParent { unit: UnitId, parent: UnitId },
    #[error("units {0:?} and {1:?} both have no parent; a document has one root")]
    TwoRoots(UnitId, UnitId),
    #[error("the hierarchy has a cycle through unit {0:?}")]
    Cycle(UnitId),
    #[error("relation refers to unit {0:?}, which does not exist")]
    DanglingRelation(UnitId),
    #[error("a task point of unit {0:?} has no label")]
    UnlabelledPoint(UnitId),
}

impl Document {
    /// The root unit (the department), if any.
    pub fn root(&self) -> Option<&Unit> {
        self.units.first()
    }

    /// Position of a unit in document order.
    pub fn index_of(&self, id: &UnitId) -> Option<usize> {
        self.units.iter().position(|u| &u.id == id)
    }

    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }

    pub(crate) fn unit_mut(&mut self, id: &UnitId) -> Option<&mut Unit> {
        self.units.iter_mut().find(|u| &u.id == id)
    }

    /// The children of `parent` (or the roots for `None`), in order.
    pub fn children<'a>(&'a self, parent: Option<&'a UnitId>) -> impl Iterator<Item = &'a Unit> + 'a {
        self.units.iter().filter(move |u| u.parent.as_ref() == parent)
    }

    /// The depth of every unit, in document order, in one pass (a unit whose
    /// parent is missing or not yet seen, as in a broken document, counts as a root).
    pub fn depths(&self) -> Vec<usize> {
        let mut depth_of: HashMap<&UnitId, usize> = HashMap::with_capacity(self.units.len());
        self.units
            .iter()
            .map(|u| {
                let depth = u.parent.as_ref().and_then(|p| depth_of.get(p)).map_or(0, |d| d + 1);
                depth_of.entry(&u.id).or_insert(depth);
                depth
            })
            .collect()
    }

    /// Indices of the unit at `index` and its whole subtree (contiguous by the
    /// pre-order invariant; in a document that breaks it, the contiguous run of
    /// descendants that follows the unit). An index past the end gives an empty
    /// range at the end instead of a panic.
    pub fn subtree_range(&self, index: usize) -> Range<usize> {
        let Some(unit) = self.units.get(index) else { return self.units.len()..self.units.len() };
        let mut inside: HashSet<&UnitId> = HashSet::from([&unit.id]);
        let mut end = index + 1;
        while end < self.units.len() {
            match &self.units[end].parent {
                Some(p) if inside.contains(p) => {
                    inside.insert(&self.units[end].id);
                    end += 1;
                }
                _ => break,
            }
        }
        index..end
    }

    /// True when `ancestor` is `id` or lies above it in the hierarchy.
    pub fn is_ancestor_or_self(&self, ancestor: &UnitId, id: &UnitId) -> bool {
        let mut current = Some(id.clone());
        let mut steps = 0;
        while let Some(c) = current {
            if &c == ancestor {
                return true;
            }
            current = self.unit(&c).and_then(|u| u.parent.clone());
            steps += 1;
            if steps > self.units.len() {
                return false;
            }
        }
        false
    }

    /// The ancestors of a unit, nearest first.
    pub fn ancestors(&self, id: &UnitId) -> Vec<&Unit> {
        let mut out = Vec::new();
        let mut current = self.unit(id).and_then(|u| u.parent.as_ref());
        while let Some(p) = current {
            match self.unit(p) {
                Some(u) if out.len() <= self.units.len() => {
                    out.push(u);
                    current = u.parent.as_ref();
                }
                _ => break,
            }
        }
        out
    }

    /// A unit id not used in this document, `"{prefix}{n}"` with the smallest free n ≥ 1.
    pub fn fresh_id(&self, prefix: &str) -> UnitId {
        let used: HashSet<&str> = self.units.iter().map(|u| u.id.as_str()).collect();
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|candidate| !used.contains(candidate.as_str()))
            .map(UnitId)
            .unwrap_or_else(|| UnitId(prefix.to_owned()))
    }

    /// Checks the structural invariant, puts `units` into pre-order (keeping
    /// sibling order) when a file listed a child before its parent, and sorts
    /// the retired designations and provisions (as [`super::Edit::SetRetired`]
    /// and [`super::Edit::SetProvisions`] keep them).
    pub fn check_structure(&mut self) -> Result<(), StructureError> {
        if self.units.is_empty() {
            return Err(StructureError::Empty);
        }
        let mut ids: HashSet<&UnitId> = HashSet::new();
        for u in &self.units {
            if !ids.insert(&u.id) {
                return Err(StructureError::DuplicateId(u.id.clone()));
            }
        }
        let mut root: Option<&UnitId> = None;
        for u in &self.units {
            match &u.parent {
                Some(p) if !ids.contains(p) => {
                    return Err(StructureError::MissingParent { unit: u.id.clone(), parent: p.clone() });
                }
                Some(_) => {}
                None => {
                    if let Some(r) = root {
                        return Err(StructureError::TwoRoots(r.clone(), u.id.clone()));
                    }
                    root = Some(&u.id);
                }
            }
        }
        fn unlabelled(points: &[super::task::TaskPoint]) -> bool {
            points.iter().any(|p| p.label.is_empty() || unlabelled(&p.sub))
        }
        if let Some(u) = self.units.iter().find(|u| unlabelled(&u.tasks.points)) {
            return Err(StructureError::UnlabelledPoint(u.id.clone()));
        }
        for r in &self.relations {
            for end in [&r.from, &r.to] {
                if !ids.contains(end) {
                    return Err(StructureError::DanglingRelation(end.clone()));
                }
            }
        }
        // Pre-order walk from the root; anything not reached sits on a cycle.
        let Some(root) = root.cloned() else {
            return Err(StructureError::Cycle(self.units[0].id.clone()));
        };
        let mut children: HashMap<&UnitId, Vec<usize>> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            if let Some(p) = &u.parent {
                children.entry(p).or_default().push(i);
            }
        }
        let root_index = self.index_of(&root).unwrap_or(0);
        let mut order = Vec::with_capacity(self.units.len());
        let mut stack = vec![root_index];
        while let Some(i) = stack.pop() {
            order.push(i);
            if let Some(kids) = children.get(&self.units[i].id) {
                stack.extend(kids.iter().rev());
            }
        }
        if order.len() != self.units.len() {
            let reached: HashSet<usize> = order.iter().copied().collect();
            let first = (0..self.units.len()).find(|i| !reached.contains(i)).unwrap_or(0);
            return Err(StructureError::Cycle(self.units[first].id.clone()));
        }
        self.retired.sort();
        self.retired.dedup();
        self.provisions.sort_by(|a, b| a.at.cmp(&b.at));
        if order.iter().enumerate().any(|(pos, &i)| pos != i) {
            let mut slots: Vec<Option<Unit>> = std::mem::take(&mut self.units).into_iter().map(Some).collect();
            self.units = order.into_iter().filter_map(|i| slots[i].take()).collect();
        }
        Ok(())
    }
}
