//! Every change to a document is one [`Edit`], applied by [`apply`], which
//! returns the edit that undoes it. The GUI, the CLI and the tests all change
//! documents through this one function, and undo/redo is its inverse.

use std::collections::{BTreeSet, HashSet};
use std::mem;

use super::designation::Designation;
use super::document::{Chapter, ChartOptions, Document, Provision};
use super::frame::Metadata;
use super::task::TaskList;
use super::unit::{Relation, Unit, UnitId, UnitKind};

/// One field of a unit, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitField {
    Name(String),
    Symbol(String),
    Kind(UnitKind),
    Staffing(Option<f64>),
    Note(String),
    ListedAt(Option<Designation>),
    TasksAt(Option<Designation>),
    Tasks(TaskList),
}

impl UnitField {
    /// Swaps this value into the unit and returns the value that was there.
    fn swap_into(self, unit: &mut Unit) -> UnitField {
        match self {
            UnitField::Name(v) => UnitField::Name(mem::replace(&mut unit.name, v)),
            UnitField::Symbol(v) => UnitField::Symbol(mem::replace(&mut unit.symbol, v)),
            UnitField::Kind(v) => UnitField::Kind(mem::replace(&mut unit.kind, v)),
            UnitField::Staffing(v) => UnitField::Staffing(mem::replace(&mut unit.staffing, v)),
            UnitField::Note(v) => UnitField::Note(mem::replace(&mut unit.note, v)),
            UnitField::ListedAt(v) => UnitField::ListedAt(mem::replace(&mut unit.listed_at, v)),
            UnitField::TasksAt(v) => UnitField::TasksAt(mem::replace(&mut unit.tasks_at, v)),
            UnitField::Tasks(v) => UnitField::Tasks(mem::replace(&mut unit.tasks, v)),
        }
    }

    /// True when both values are for the same field (used to coalesce typing).
    pub fn same_field(&self, other: &UnitField) -> bool {
        mem::discriminant(self) == mem::discriminant(other)
    }
}

/// A change to a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Insert a subtree as the `index`-th child of its root's `parent`.
    /// `units` is in pre-order; the first is the subtree's root. `relations`
    /// are put back at their positions (used when undoing a removal).
    InsertSubtree {
        units: Vec<Unit>,
        index: usize,
        relations: Vec<(usize, Relation)>,
    },
    /// Remove a unit, its whole subtree and every relation touching them.
    RemoveSubtree {
        id: UnitId,
    },
    /// Move a unit (with its subtree) to be the `index`-th child of `parent`.
    Move {
        id: UnitId,
        parent: UnitId,
        index: usize,
    },
    /// Change one field of a unit.
    SetField {
        id: UnitId,
        field: UnitField,
    },
    /// Insert a relation at `index` in the relation list.
    InsertRelation {
        index: usize,
        relation: Relation,
    },
    /// Remove a relation.
    RemoveRelation {
        relation: Relation,
    },
    SetMeta(Metadata),
    SetChart(ChartOptions),
    /// Replace the chapter headings.
    SetChapters(Vec<Chapter>),
    /// Replace the set of retired designations (kept sorted).
    SetRetired(Vec<Designation>),
    /// Replace the provisions that belong to no unit (kept sorted by designation).
    SetProvisions(Vec<Provision>),
    /// Record (or clear) the designations of the version in force this document is a draft of.
    SetInForce(Option<BTreeSet<Designation>>),
    /// Several edits as one step; all or nothing.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. The document is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no unit with id {0:?}")]
    NoSuchUnit(UnitId),
    #[error("a unit with id {0:?} already exists")]
    DuplicateId(UnitId),
    #[error("the department (the root) cannot be removed or moved")]
    Root,
    #[error("an inserted subtree must hang under an existing unit")]
    NoParent,
    #[error("the inserted units are not one subtree in pre-order")]
    NotASubtree,
    #[error("position {index} is past the end ({count} children)")]
    IndexOutOfRange { index: usize, count: usize },
    #[error("a unit cannot be moved under itself or its own sub-unit")]
    IntoOwnSubtree,
    #[error("{0:?} is a position; positions have no sub-units")]
    UnderPosition(UnitId),
    #[error("a relation cannot join a unit to itself")]
    SelfRelation,
    #[error("this relation already exists")]
    DuplicateRelation,
    #[error("no such relation")]
    NoSuchRelation,
}

/// Applies `edit` to `doc` and returns the edit that undoes it.
/// On error the document is left exactly as it was.
pub fn apply(doc: &mut Document, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::InsertSubtree { units, index, relations } => insert_subtree(doc, units, index, relations),
        Edit::RemoveSubtree { id } => remove_subtree(doc, &id),
        Edit::Move { id, parent, index } => move_unit(doc, &id, &parent, index),
        Edit::SetField { id, field } => {
            if let UnitField::Kind(kind) = &field
                && kind.is_position()
                && doc.children(Some(&id)).next().is_some()
            {
                return Err(EditError::UnderPosition(id));
            }
            let unit = doc.unit_mut(&id).ok_or_else(|| EditError::NoSuchUnit(id.clone()))?;
            let old = field.swap_into(unit);
            Ok(Edit::SetField { id, field: old })
        }
        Edit::InsertRelation { index, relation } => {
            if relation.from == relation.to {
                return Err(EditError::SelfRelation);
            }
            for end in [&relation.from, &relation.to] {
                if doc.unit(end).is_none() {
                    return Err(EditError::NoSuchUnit(end.clone()));
                }
            }
            if doc.relations.contains(&relation) {
                return Err(EditError::DuplicateRelation);
            }
            if index > doc.relations.len() {
                return Err(EditError::IndexOutOfRange { index, count: doc.relations.len() });
            }
            doc.relations.insert(index, relation.clone());
            Ok(Edit::RemoveRelation { relation })
        }
        Edit::RemoveRelation { relation } => {
            let index = doc.relations.iter().position(|r| r == &relation).ok_or(EditError::NoSuchRelation)?;
            let relation = doc.relations.remove(index);
            Ok(Edit::InsertRelation { index, relation })
        }
        Edit::SetMeta(meta) => Ok(Edit::SetMeta(mem::replace(&mut doc.meta, meta))),
        Edit::SetChart(chart) => Ok(Edit::SetChart(mem::replace(&mut doc.chart, chart))),
        Edit::SetChapters(chapters) => Ok(Edit::SetChapters(mem::replace(&mut doc.chapters, chapters))),
        Edit::SetRetired(mut retired) => {
            retired.sort();
            retired.dedup();
            Ok(Edit::SetRetired(mem::replace(&mut doc.retired, retired)))
        }
        Edit::SetProvisions(mut provisions) => {
            provisions.sort_by(|a, b| a.at.cmp(&b.at));
            Ok(Edit::SetProvisions(mem::replace(&mut doc.provisions, provisions)))
        }
        Edit::SetInForce(in_force) => Ok(Edit::SetInForce(mem::replace(&mut doc.in_force, in_force))),
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for edit in edits {
                match apply(doc, edit) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(err) => {
                        for inverse in inverses.into_iter().rev() {
                            // Inverses of edits that just succeeded always apply.
                            let _ = apply(doc, inverse);
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
    }
}

/// Where the `index`-th child of `parent` goes in document order, or an error
/// when `index` is past the end.
fn child_slot(doc: &Document, parent: &UnitId, index: usize) -> Result<usize, EditError> {
    let parent_index = doc.index_of(parent).ok_or_else(|| EditError::NoSuchUnit(parent.clone()))?;
    if doc.units[parent_index].kind.is_position() {
        return Err(EditError::UnderPosition(parent.clone()));
    }
    let children: Vec<usize> = (parent_index + 1..doc.subtree_range(parent_index).end)
        .filter(|&i| doc.units[i].parent.as_ref() == Some(parent))
        .collect();
    match children.get(index) {
        Some(&slot) => Ok(slot),
        None if index == children.len() => Ok(doc.subtree_range(parent_index).end),
        None => Err(EditError::IndexOutOfRange { index, count: children.len() }),
    }
}

/// The position of the unit at `index` among its siblings.
fn sibling_index(doc: &Document, index: usize) -> usize {
    let parent = doc.units[index].parent.as_ref();
    doc.units[..index].iter().filter(|u| u.parent.as_ref() == parent).count()
}

fn insert_subtree(
    doc: &mut Document,
    units: Vec<Unit>,
    index: usize,
    relations: Vec<(usize, Relation)>,
) -> Result<Edit, EditError> {
    let Some(root) = units.first() else {
        return Err(EditError::NotASubtree);
    };
    let parent = root.parent.clone().ok_or(EditError::NoParent)?;
    // Sets of ids, so that inserting (duplicating) a large subtree into a large
    // document stays linear rather than searching the units once per unit.
    let existing: HashSet<&UnitId> = doc.units.iter().map(|u| &u.id).collect();
    let mut seen: HashSet<&UnitId> = HashSet::with_capacity(units.len());
    for (i, unit) in units.iter().enumerate() {
        if existing.contains(&unit.id) || !seen.insert(&unit.id) {
            return Err(EditError::DuplicateId(unit.id.clone()));
        }
        if i > 0 {
            match &unit.parent {
                Some(p) if seen.contains(p) && p != &unit.id => {}
                _ => return Err(EditError::NotASubtree),
            }
        }
    }
    // Pre-order within the subtree: each unit's parent must be on the path
    // from the root to the previous unit.
    let mut path: Vec<&UnitId> = vec![&root.id];
    for unit in &units[1..] {
        let Some(p) = unit.parent.as_ref() else { return Err(EditError::NotASubtree) };
        while path.last().is_some_and(|top| *top != p) {
            path.pop();
        }
        if path.is_empty() {
            return Err(EditError::NotASubtree);
        }
        path.push(&unit.id);
    }
    let positions: HashSet<&UnitId> = units.iter().filter(|u| u.kind.is_position()).map(|u| &u.id).collect();
    if let Some(position) = units[1..].iter().filter_map(|u| u.parent.as_ref()).find(|p| positions.contains(p)) {
        return Err(EditError::UnderPosition(position.clone()));
    }
    let slot = child_slot(doc, &parent, index)?;
    let id = root.id.clone();
    // Check the relations before changing anything.
    let mut all_relations = doc.relations.clone();
    for (at, relation) in &relations {
        if let Some(missing) =
            [&relation.from, &relation.to].into_iter().find(|end| !existing.contains(end) && !seen.contains(end))
        {
            return Err(EditError::NoSuchUnit(missing.clone()));
        }
        if relation.from == relation.to {
            return Err(EditError::SelfRelation);
        }
        if all_relations.contains(relation) {
            return Err(EditError::DuplicateRelation);
        }
        if *at > all_relations.len() {
            return Err(EditError::IndexOutOfRange { index: *at, count: all_relations.len() });
        }
        all_relations.insert(*at, relation.clone());
    }
    doc.units.splice(slot..slot, units);
    doc.relations = all_relations;
    Ok(Edit::RemoveSubtree { id })
}

fn remove_subtree(doc: &mut Document, id: &UnitId) -> Result<Edit, EditError> {
    let index = doc.index_of(id).ok_or_else(|| EditError::NoSuchUnit(id.clone()))?;
    if doc.units[index].parent.is_none() {
        return Err(EditError::Root);
    }
    let position = sibling_index(doc, index);
    let range = doc.subtree_range(index);
    let units: Vec<Unit> = doc.units.drain(range).collect();
    let removed: HashSet<&UnitId> = units.iter().map(|u| &u.id).collect();
    let mut relations = Vec::new();
    let mut kept = Vec::with_capacity(doc.relations.len());
    for (i, relation) in mem::take(&mut doc.relations).into_iter().enumerate() {
        if removed.contains(&relation.from) || removed.contains(&relation.to) {
            relations.push((i, relation));
        } else {
            kept.push(relation);
        }
    }
    doc.relations = kept;
    Ok(Edit::InsertSubtree { units, index: position, relations })
}

fn move_unit(doc: &mut Document, id: &UnitId, parent: &UnitId, index: usize) -> Result<Edit, EditError> {
    let from = doc.index_of(id).ok_or_else(|| EditError::NoSuchUnit(id.clone()))?;
    let Some(old_parent) = doc.units[from].parent.clone() else {
        return Err(EditError::Root);
    };
    if doc.unit(parent).is_none() {
        return Err(EditError::NoSuchUnit(parent.clone()));
    }
    if doc.is_ancestor_or_self(id, parent) {
        return Err(EditError::IntoOwnSubtree);
    }
    let old_index = sibling_index(doc, from);
    let range = doc.subtree_range(from);
    let mut moved: Vec<Unit> = doc.units.drain(range.clone()).collect();
    let slot = match child_slot(doc, parent, index) {
        Ok(slot) => slot,
        Err(err) => {
            doc.units.splice(range.start..range.start, moved);
            return Err(err);
        }
    };
    moved[0].parent = Some(parent.clone());
    doc.units.splice(slot..slot, moved);
    Ok(Edit::Move { id: id.clone(), parent: old_parent, index: old_index })
}
