//! Semantic diff of two versions of a document (old = in force, new = proposal).
//!
//! [`diff`] matches the units of both versions ([`matching`]: by id, then by
//! symbol, then by name under the matched parent) and describes every
//! difference as a [`Change`]: units added, removed, moved, renamed…, task
//! points (addressed by their labels) added, repealed, removed, edited (with a
//! word diff) or reordered, relations, the frame metadata, chart options,
//! repealed designations, the provisions that belong to no unit and the
//! designations in force a draft is measured against.
//!
//! The result is a [`Diff`]: one [`UnitEntry`] per unit of either version, in
//! the order of a merged tree (the new version's document order with removed
//! units at their old place), the flat list of changes in that order, and
//! lookups by document index for a viewer that asks every frame. The diff is
//! complete: [`Diff::to_edits`] turns it into [`crate::model::Edit`]s that
//! make the old version into the new one exactly.
//!
//! A viewer computes the diff once per document change (about 15 ms for two
//! 10 000-unit documents, far less for a department) and then asks it per
//! frame: [`Diff::status_of_new`] / [`Diff::entry_of_new`] by document index,
//! [`Diff::changes_of`] for the changes panel, [`UnitEntry::tasks`] for the
//! word diffs shown inline, [`chart::review_scene`] for the highlighted chart
//! and [`report`] for the text, Markdown and JSON reports.

mod build;
mod change;
pub mod chart;
mod matching;
mod merged;
pub mod report;
mod script;
mod sequence;
mod tasks;
mod words;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use serde::Serialize;

pub use build::{diff, diff_within};
pub use change::{Change, ChangeKind, ChangeTag};
pub use matching::MatchKey;
pub use script::ScriptError;
pub use tasks::{PointChange, PointPath, TasksDiff};
pub use words::{WordDiff, WordOp, WordSpan};

use crate::model::{Designation, Provision, Relation, UnitId};

/// Where a unit stands in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Index in that version's `units` (document order).
    pub index: usize,
    pub id: UnitId,
    pub parent: Option<UnitId>,
    /// Position among the children of its parent.
    pub position: usize,
}

/// The review status of a unit, as the chart shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unchanged,
    Added,
    Removed,
    Moved,
    /// Any other change of the unit itself (relation changes do not count).
    Changed,
}

/// One unit of either version and how it changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitEntry {
    /// The unit in the old version; `None` when it was added.
    pub old: Option<Side>,
    /// The unit in the new version; `None` when it was removed.
    pub new: Option<Side>,
    /// How the two sides were matched; `None` for an added or removed unit.
    pub matched_by: Option<MatchKey>,
    /// The parent entry in the merged tree (a removed unit hangs under its old parent).
    pub parent: Option<usize>,
    pub depth: usize,
    /// The symbol and name to show: the new version's, or the old one's for a removed unit.
    pub symbol: String,
    pub name: String,
    /// Where the Regulamin holds the unit's tasks (new version's, or the old one's).
    pub tasks_at: Option<Designation>,
    pub status: Status,
    /// This unit's changes in [`Diff::changes`].
    pub changes: Range<usize>,
    /// The task-list diff, when the tasks changed (for showing it inline).
    pub tasks: Option<TasksDiff>,
}

impl UnitEntry {
    /// "name (SYMBOL)", how the Regulamin cites a unit.
    pub fn label(&self) -> String {
        if self.symbol.is_empty() { self.name.clone() } else { format!("{} ({})", self.name, self.symbol) }
    }
}

/// One relation of either version, aligned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationEntry {
    /// Index and relation in the old version (old ids).
    pub old: Option<(usize, Relation)>,
    /// Index and relation in the new version.
    pub new: Option<(usize, Relation)>,
    /// Kept, but out of its old order among the kept relations.
    pub moved: bool,
}

/// Counts of the changes and the totals before and after.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Summary {
    pub counts: BTreeMap<ChangeTag, usize>,
    pub units_before: usize,
    pub units_after: usize,
    /// Sum of the known staffing (etaty).
    pub staffing_before: f64,
    pub staffing_after: f64,
}

/// The difference between two versions of a document (`Default`: no units, no changes).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Diff {
    /// Every unit of either version, in merged-tree pre-order.
    pub units: Vec<UnitEntry>,
    /// Document changes first, then each unit's changes in the order of `units`.
    pub changes: Vec<Change>,
    pub relations: Vec<RelationEntry>,
    pub summary: Summary,
    /// The new retired list, when it changed (replayed as one edit).
    #[serde(skip)]
    new_retired: Option<Vec<Designation>>,
    /// The new provisions, when they changed (replayed as one edit).
    #[serde(skip)]
    new_provisions: Option<Vec<Provision>>,
    /// The new designations in force, when they changed (replayed as one edit).
    #[serde(skip)]
    new_in_force: Option<Option<BTreeSet<Designation>>>,
    #[serde(skip)]
    by_new_index: Vec<usize>,
    #[serde(skip)]
    by_old_index: Vec<usize>,
    #[serde(skip)]
    by_new_id: HashMap<UnitId, usize>,
    #[serde(skip)]
    by_old_id: HashMap<UnitId, usize>,
}

impl Diff {
    /// True when the two versions are the same document.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The entry of the unit at `index` of the new version.
    pub fn entry_of_new(&self, index: usize) -> Option<&UnitEntry> {
        self.by_new_index.get(index).map(|&e| &self.units[e])
    }

    /// The entry of the unit at `index` of the old version.
    pub fn entry_of_old(&self, index: usize) -> Option<&UnitEntry> {
        self.by_old_index.get(index).map(|&e| &self.units[e])
    }

    /// The status of the unit at `index` of the new version (`Unchanged` past the end).
    pub fn status_of_new(&self, index: usize) -> Status {
        self.entry_of_new(index).map_or(Status::Unchanged, |e| e.status)
    }

    /// The entry index of a unit of the new version, by id.
    pub fn entry_index_by_new_id(&self, id: &UnitId) -> Option<usize> {
        self.by_new_id.get(id).copied()
    }

    /// The entry index of a unit of the old version, by id.
    pub fn entry_index_by_old_id(&self, id: &UnitId) -> Option<usize> {
        self.by_old_id.get(id).copied()
    }

    /// The changes of one entry (its own, then those of relations from it).
    pub fn changes_of(&self, entry: usize) -> &[Change] {
        self.units.get(entry).map_or(&[], |e| &self.changes[e.changes.clone()])
    }

    /// The changes of the whole document (metadata, chart options, designations in force,
    /// repealed designations, provisions).
    pub fn document_changes(&self) -> &[Change] {
        let end = self.changes.iter().position(|c| c.unit.is_some()).unwrap_or(self.changes.len());
        &self.changes[..end]
    }

    /// The status of every unit that is not unchanged, by id (new ids; old ids for removed units).
    pub fn marks(&self) -> HashMap<UnitId, Status> {
        self.units
            .iter()
            .filter(|e| e.status != Status::Unchanged)
            .filter_map(|e| e.new.as_ref().or(e.old.as_ref()).map(|side| (side.id.clone(), e.status)))
            .collect()
    }
}
