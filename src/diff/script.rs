//! Replaying a diff: the [`Edit`]s that turn the old version into the new one.
//!
//! The edits work on ids, so a unit matched by symbol or name (a different id)
//! is inserted afresh and its old counterpart removed. The script builds the
//! new tree top-down in document order: each unit is set to its new fields and
//! then moved (or inserted) to its new place, which is right because all the
//! siblings before it are already in place. Units that are gone are removed
//! afterwards (their kept sub-units have moved out by then), positions get
//! their kind last (a position cannot have sub-units), then relations are
//! removed and inserted so the list ends in the new order, then the document's
//! metadata, chart options, repealed designations, provisions and designations
//! in force are set.

use std::collections::{HashMap, HashSet};

use super::change::ChangeKind;
use super::matching::MatchKey;
use super::{Diff, Side};
use crate::model::{Edit, UnitField, UnitId};

/// Why a diff cannot be replayed as edits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    #[error("the versions have different root units ({old:?} and {new:?}); the department cannot be replaced")]
    RootReplaced { old: Option<UnitId>, new: UnitId },
    #[error("the diff does not hold the new unit {0:?}")]
    MissingUnit(UnitId),
}

/// The current hierarchy (ids only) while the script is being built.
struct Skeleton {
    parent: HashMap<UnitId, Option<UnitId>>,
    children: HashMap<UnitId, Vec<UnitId>>,
}

impl Skeleton {
    fn position(&self, id: &UnitId) -> Option<(Option<&UnitId>, usize)> {
        let parent = self.parent.get(id)?.as_ref();
        let position = parent.and_then(|p| self.children.get(p)?.iter().position(|c| c == id)).unwrap_or(0);
        Some((parent, position))
    }

    fn detach(&mut self, id: &UnitId) {
        if let Some(Some(p)) = self.parent.get(id)
            && let Some(list) = self.children.get_mut(p)
        {
            list.retain(|c| c != id);
        }
    }

    fn attach(&mut self, id: &UnitId, parent: &UnitId, index: usize) {
        let list = self.children.entry(parent.clone()).or_default();
        list.insert(index.min(list.len()), id.clone());
        self.parent.insert(id.clone(), Some(parent.clone()));
    }
}

impl Diff {
    /// The edits that make the old version into the new one; applied in
    /// order with [`crate::model::apply`] they give exactly the new document
    /// (same units in the same order, same relations in the same order).
    pub fn to_edits(&self) -> Result<Vec<Edit>, ScriptError> {
        let mut olds: Vec<&Side> = self.units.iter().filter_map(|e| e.old.as_ref()).collect();
        olds.sort_by_key(|s| s.index);
        let mut news: Vec<(usize, &Side)> =
            self.units.iter().enumerate().filter_map(|(e, entry)| Some((e, entry.new.as_ref()?))).collect();
        news.sort_by_key(|(_, s)| s.index);
        let new_ids: HashSet<&UnitId> = news.iter().map(|(_, s)| &s.id).collect();

        let mut skeleton = Skeleton { parent: HashMap::new(), children: HashMap::new() };
        for side in &olds {
            skeleton.parent.insert(side.id.clone(), side.parent.clone());
            if let Some(p) = &side.parent {
                skeleton.children.entry(p.clone()).or_default().push(side.id.clone());
            }
        }

        let mut edits = Vec::new();
        let mut position_kinds = Vec::new();
        for (e, side) in news {
            let entry = &self.units[e];
            let kept_id = entry.matched_by == Some(MatchKey::Id);
            let Some(parent) = &side.parent else {
                let old_root = olds.iter().find(|s| s.parent.is_none()).map(|s| s.id.clone());
                if !kept_id || old_root.as_ref() != Some(&side.id) {
                    return Err(ScriptError::RootReplaced { old: old_root, new: side.id.clone() });
                }
                self.set_fields(e, &mut edits, &mut position_kinds);
                continue;
            };
            if kept_id {
                self.set_fields(e, &mut edits, &mut position_kinds);
                if skeleton.position(&side.id) != Some((Some(parent), side.position)) {
                    edits.push(Edit::Move { id: side.id.clone(), parent: parent.clone(), index: side.position });
                    skeleton.detach(&side.id);
                    skeleton.attach(&side.id, parent, side.position);
                }
            } else {
                let unit = self.changes_of(e).iter().find_map(|c| match &c.kind {
                    ChangeKind::UnitAdded { unit } | ChangeKind::Matched { unit, .. } => Some(unit),
                    _ => None,
                });
                let unit = unit.ok_or_else(|| ScriptError::MissingUnit(side.id.clone()))?;
                edits.push(Edit::InsertSubtree {
                    units: vec![(**unit).clone()],
                    index: side.position,
                    relations: vec![],
                });
                skeleton.attach(&side.id, parent, side.position);
            }
        }

        // Units whose id is gone, each removed with its (by now fully removed) subtree.
        for side in &olds {
            let parent_stays = side.parent.as_ref().is_none_or(|p| new_ids.contains(p));
            if !new_ids.contains(&side.id) && parent_stays {
                edits.push(Edit::RemoveSubtree { id: side.id.clone() });
            }
        }
        edits.extend(position_kinds);

        self.relation_edits(&new_ids, &mut edits);
        for change in self.document_changes() {
            match &change.kind {
                ChangeKind::MetadataChanged { new, .. } => edits.push(Edit::SetMeta((**new).clone())),
                ChangeKind::ChartOptionsChanged { new, .. } => edits.push(Edit::SetChart(*new)),
                ChangeKind::ChaptersChanged { new, .. } => edits.push(Edit::SetChapters(new.clone())),
                _ => {}
            }
        }
        if let Some(retired) = &self.new_retired {
            edits.push(Edit::SetRetired(retired.clone()));
        }
        if let Some(provisions) = &self.new_provisions {
            edits.push(Edit::SetProvisions(provisions.clone()));
        }
        if let Some(in_force) = &self.new_in_force {
            edits.push(Edit::SetInForce(in_force.clone()));
        }
        Ok(edits)
    }

    /// `SetField` edits for the changed fields of the entry `e` (a unit kept
    /// under its id); a change into a position kind is held back in `later`.
    fn set_fields(&self, e: usize, edits: &mut Vec<Edit>, later: &mut Vec<Edit>) {
        let entry = &self.units[e];
        let Some(id) = entry.new.as_ref().map(|s| s.id.clone()) else { return };
        let set = |field: UnitField| Edit::SetField { id: id.clone(), field };
        for change in self.changes_of(e) {
            let edit = match &change.kind {
                ChangeKind::Renamed { new, .. } => set(UnitField::Name(new.clone())),
                ChangeKind::SymbolChanged { new, .. } => set(UnitField::Symbol(new.clone())),
                ChangeKind::KindChanged { new, .. } if new.is_position() => {
                    later.push(set(UnitField::Kind(*new)));
                    continue;
                }
                ChangeKind::KindChanged { new, .. } => set(UnitField::Kind(*new)),
                ChangeKind::StaffingChanged { new, .. } => set(UnitField::Staffing(*new)),
                ChangeKind::ListedAtChanged { new, .. } => set(UnitField::ListedAt(new.clone())),
                ChangeKind::TasksAtChanged { new, .. } => set(UnitField::TasksAt(new.clone())),
                ChangeKind::NoteChanged { new, .. } => set(UnitField::Note(new.clone())),
                _ => continue,
            };
            edits.push(edit);
        }
        if let Some(tasks) = &entry.tasks {
            edits.push(set(UnitField::Tasks(tasks.new.clone())));
        }
    }

    /// After the units are in place, the old relations that survived are a
    /// list to trim to the kept, in-order ones, then fill with the new ones at
    /// their indices (ascending, so each index is final when it is used).
    fn relation_edits(&self, new_ids: &HashSet<&UnitId>, edits: &mut Vec<Edit>) {
        let mut surviving: Vec<_> = self
            .relations
            .iter()
            .filter_map(|r| {
                let (k, old) = r.old.as_ref()?;
                (new_ids.contains(&old.from) && new_ids.contains(&old.to)).then_some((k, old, r))
            })
            .collect();
        surviving.sort_by_key(|(k, _, _)| **k);
        let mut kept: HashSet<usize> = HashSet::new();
        for (_, old, r) in surviving {
            match &r.new {
                Some((b, new)) if !r.moved && new == old => {
                    kept.insert(*b);
                }
                _ => edits.push(Edit::RemoveRelation { relation: old.clone() }),
            }
        }
        let mut targets: Vec<_> = self.relations.iter().filter_map(|r| r.new.as_ref()).collect();
        targets.sort_by_key(|(b, _)| *b);
        for (b, relation) in targets {
            if !kept.contains(b) {
                edits.push(Edit::InsertRelation { index: *b, relation: relation.clone() });
            }
        }
    }
}
