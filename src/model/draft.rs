//! The edits a clerk makes to a draft of the Regulamin, built as one
//! [`Edit`] each so that the GUI, the diff replay and the tests share them:
//!
//! - removing a piece in force repeals it (its designation stays as a
//!   placeholder and is never reused); removing one that exists only in the
//!   draft deletes it ([`Removal`] says which, so the editor can say "Uchyl"
//!   or "Usuń");
//! - new points and units get their designations by [`designate`] (N3-N6);
//! - a moved unit gets a new listing among its new siblings and, when its
//!   tasks are an ust. of its old superior's paragraph, a new ust. there; the
//!   old designations in force are repealed.
//!
//! The first draft edit of a document that is a version in force records the
//! designations in force ([`Edit::SetInForce`]), so that later removals know
//! what is in force even after the draft is saved and reopened.

use super::designation::{Designation, Level};
use super::document::Document;
use super::edit::{Edit, EditError, UnitField};
use super::numbering::{Unresolved, designate};
use super::task::{PieceState, TaskList, TaskPoint};
use super::unit::{Unit, UnitId, UnitKind};

/// What removing a piece does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// The piece is in force: it is repealed and stays as "(uchylony)".
    Repeal,
    /// The piece exists only in the draft: it is deleted.
    Delete,
}

/// Why a draft edit cannot be built. The document is unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Unresolved(#[from] Unresolved),
    #[error("the unit has no designation for its tasks")]
    NoTasksDesignation,
    #[error("no point {0} in the unit's tasks")]
    NoSuchPoint(String),
    #[error("the point {0} is in force: its designation cannot change (repeal it and add a new one)")]
    InForce(String),
    #[error("the designation {0} is already taken")]
    Taken(String),
    #[error("a letter cannot have letters of its own")]
    TooDeep,
}

/// The edit that records the designations in force, when the document has none yet.
fn begin(doc: &Document) -> Option<Edit> {
    doc.in_force.is_none().then(|| Edit::SetInForce(Some(doc.piece_designations())))
}

/// One step: the draft's start (when needed) and `edits`.
fn step(doc: &Document, edits: Vec<Edit>) -> Edit {
    let mut all: Vec<Edit> = begin(doc).into_iter().collect();
    all.extend(edits);
    Edit::Batch(all)
}

fn unit<'a>(doc: &'a Document, id: &UnitId) -> Result<&'a Unit, DraftError> {
    doc.unit(id).ok_or_else(|| DraftError::Edit(EditError::NoSuchUnit(id.clone())))
}

fn path_text(path: &[String]) -> String {
    path.join(".")
}

fn set_tasks(id: &UnitId, tasks: TaskList) -> Edit {
    Edit::SetField { id: id.clone(), field: UnitField::Tasks(tasks) }
}

/// The designation of the point at `path` of `unit`'s tasks.
pub fn point_designation(unit: &Unit, path: &[String]) -> Option<Designation> {
    unit.tasks_at.as_ref()?.point(path)
}

/// The level of the points under `parent` (a path of labels) in `unit`'s tasks.
/// A unit without a task designation numbers its points as a § would (pkt, then lit.).
fn level_under(unit: &Unit, parent: &[String]) -> Result<Level, DraftError> {
    let level = match &unit.tasks_at {
        Some(at) => at.point(parent).ok_or_else(|| DraftError::NoSuchPoint(path_text(parent)))?.enumeration_level(),
        None => match parent.len() {
            0 => Some(Level::Pkt),
            1 => Some(Level::Lit),
            _ => None,
        },
    };
    level.ok_or(DraftError::TooDeep)
}

/// Adds an empty point under `parent` (empty: a pkt; a pkt's labels: a lit.),
/// after the point labelled `after` (`None`: at the start, which needs the
/// user's choice unless the list is empty: see [`add_point_labelled`]).
/// Returns the edit and the new point's path.
pub fn add_point(
    doc: &Document,
    id: &UnitId,
    parent: &[String],
    after: Option<&str>,
    text: &str,
) -> Result<(Edit, Vec<String>), DraftError> {
    let unit = unit(doc, id)?;
    let level = level_under(unit, parent)?;
    let siblings = unit.tasks.children(parent).ok_or_else(|| DraftError::NoSuchPoint(path_text(parent)))?;
    let labels: Vec<&str> = siblings.iter().map(|p| p.label.as_str()).collect();
    let index = match after {
        Some(label) => {
            Some(labels.iter().position(|l| *l == label).ok_or_else(|| DraftError::NoSuchPoint(label.to_owned()))?)
        }
        None => None,
    };
    // Repealed points are in the list, so their labels stay taken (N2).
    match designate(level.label_kind(), &labels, index) {
        Ok(label) => insert_point(doc, unit, parent, TaskPoint::new(label, text)),
        // No label between X and the next point (pkt 2 and 2a): when the next
        // ones exist only in the draft they are relabelled anyway, so the new
        // point goes in by position and is numbered with them.
        Err(unresolved) => {
            let Some(i) = index else { return Err(unresolved.into()) };
            let mut tasks = unit.tasks.clone();
            let list = tasks.children_mut(parent).ok_or_else(|| DraftError::NoSuchPoint(path_text(parent)))?;
            list.insert(i + 1, TaskPoint::new(UNNUMBERED, text));
            let mut path = parent.to_vec();
            path.push(UNNUMBERED.to_owned());
            let (edit, path) = finish_points(doc, unit, tasks, &path);
            match path.last() {
                Some(label) if label != UNNUMBERED => Ok((edit, path)),
                _ => Err(unresolved.into()),
            }
        }
    }
}

/// The label of a point inserted by position, until the relabelling numbers it.
const UNNUMBERED: &str = "?";

/// Adds a point with a label the user chose (insertion before the first
/// point has no rule, N7); the label must be free.
pub fn add_point_labelled(
    doc: &Document,
    id: &UnitId,
    parent: &[String],
    label: &str,
    text: &str,
) -> Result<(Edit, Vec<String>), DraftError> {
    let unit = unit(doc, id)?;
    let level = level_under(unit, parent)?;
    let base = unit.tasks_at.as_ref().and_then(|at| at.point(parent)).ok_or(DraftError::NoTasksDesignation)?;
    let designation = base.child(level, label).map_err(|_| DraftError::Taken(label.to_owned()))?;
    if doc.is_taken(&designation) {
        return Err(DraftError::Taken(designation.to_string()));
    }
    insert_point(doc, unit, parent, TaskPoint::new(label, text))
}

fn insert_point(
    doc: &Document,
    unit: &Unit,
    parent: &[String],
    point: TaskPoint,
) -> Result<(Edit, Vec<String>), DraftError> {
    let mut tasks = unit.tasks.clone();
    let list = tasks.children_mut(parent).ok_or_else(|| DraftError::NoSuchPoint(path_text(parent)))?;
    let at = list
        .iter()
        .position(|p| super::designation::compare_labels(&p.label, &point.label) == std::cmp::Ordering::Greater)
        .unwrap_or(list.len());
    let mut path = parent.to_vec();
    path.push(point.label.clone());
    list.insert(at, point);
    Ok(finish_points(doc, unit, tasks, &path))
}

/// The step that sets `tasks` as `unit`'s task list, after the points that
/// exist only in the draft were relabelled ([`relabel_draft_points`]), and
/// `path` (labels in `tasks`) as it reads after the relabelling.
fn finish_points(doc: &Document, unit: &Unit, mut tasks: TaskList, path: &[String]) -> (Edit, Vec<String>) {
    let mut indices = Vec::with_capacity(path.len());
    let mut list: &[TaskPoint] = &tasks.points;
    for label in path {
        let Some(i) = list.iter().position(|p| &p.label == label) else { break };
        indices.push(i);
        list = &list[i].sub;
    }
    relabel_draft_points(doc, unit, &mut tasks);
    let mut new_path = Vec::with_capacity(indices.len());
    let mut list: &[TaskPoint] = &tasks.points;
    for i in indices {
        new_path.push(list[i].label.clone());
        list = &list[i].sub;
    }
    (step(doc, vec![set_tasks(&unit.id, tasks)]), new_path)
}

/// Relabels the points and letters of `tasks` that exist only in the draft,
/// so that they read as the numbering rules would number them inserted in
/// their order among the pieces in force: a new list is 1, 2, 3 whatever
/// order its points were added or moved in, and new points between pkt 2 and
/// pkt 3 in force are 2a, 2b. A point in force, unknown or repealed keeps its
/// label (N1, N2); a run of draft points before the first one in force keeps
/// its labels (N7 has no rule); a list the rules cannot number is left as it is.
fn relabel_draft_points(doc: &Document, unit: &Unit, tasks: &mut TaskList) {
    let recorded = doc.in_force.is_none().then(|| doc.piece_designations());
    let in_force = |path: &[String]| {
        unit.tasks_at.as_ref().and_then(|at| at.point(path)).is_some_and(|d| match &recorded {
            Some(pieces) => pieces.contains(&d),
            None => doc.is_in_force(&d),
        })
    };
    let fixed = |parent: &[String], point: &TaskPoint| {
        let mut path = parent.to_vec();
        path.push(point.label.clone());
        point.state != PieceState::Text || in_force(&path)
    };
    // Letters first, while their points still have the labels their designations are measured by.
    for point in &mut tasks.points {
        let parent = vec![point.label.clone()];
        let Ok(level) = level_under(unit, &parent) else { continue };
        let marks: Vec<bool> = point.sub.iter().map(|l| fixed(&parent, l)).collect();
        relabel_run(level.label_kind(), &mut point.sub, &marks);
    }
    if let Ok(level) = level_under(unit, &[]) {
        let marks: Vec<bool> = tasks.points.iter().map(|p| fixed(&[], p)).collect();
        relabel_run(level.label_kind(), &mut tasks.points, &marks);
    }
}

/// Relabels the pieces of `list` not marked `fixed`, in order, by [`designate`].
fn relabel_run(kind: super::numbering::LabelKind, list: &mut [TaskPoint], fixed: &[bool]) {
    if fixed.iter().all(|f| *f) {
        return;
    }
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for (i, point) in list.iter().enumerate() {
        if fixed[i] {
            out.push(point.label.clone());
            continue;
        }
        let rest: Vec<&str> =
            list[i + 1..].iter().zip(&fixed[i + 1..]).filter(|(_, f)| **f).map(|(p, _)| p.label.as_str()).collect();
        if out.is_empty() {
            out.push(if rest.is_empty() { super::numbering::first_label(kind) } else { point.label.clone() });
            continue;
        }
        let siblings: Vec<&str> = out.iter().map(String::as_str).chain(rest).collect();
        match designate(kind, &siblings, Some(out.len() - 1)) {
            Ok(label) => out.push(label),
            Err(_) => return,
        }
    }
    for (point, label) in list.iter_mut().zip(out) {
        point.label = label;
    }
}

/// What removing the point at `path` would do.
pub fn point_removal(doc: &Document, id: &UnitId, path: &[String]) -> Removal {
    match doc.unit(id).and_then(|u| point_designation(u, path)) {
        Some(d) if doc.is_in_force(&d) => Removal::Repeal,
        _ => Removal::Delete,
    }
}

/// Removes the point at `path`: repeals it when it is in force (its letters go
/// with it), deletes it otherwise.
pub fn remove_point(doc: &Document, id: &UnitId, path: &[String]) -> Result<(Edit, Removal), DraftError> {
    let unit = unit(doc, id)?;
    let removal = point_removal(doc, id, path);
    let mut tasks = unit.tasks.clone();
    let (list, index) = tasks.siblings_mut(path).ok_or_else(|| DraftError::NoSuchPoint(path_text(path)))?;
    match removal {
        Removal::Repeal => list[index] = TaskPoint::repealed(list[index].label.clone()),
        Removal::Delete => {
            list.remove(index);
        }
    }
    Ok((finish_points(doc, unit, tasks, &[]).0, removal))
}

/// Sets the wording of the point at `path`.
pub fn set_point_text(doc: &Document, id: &UnitId, path: &[String], text: &str) -> Result<Edit, DraftError> {
    let unit = unit(doc, id)?;
    let mut tasks = unit.tasks.clone();
    let (list, index) = tasks.siblings_mut(path).ok_or_else(|| DraftError::NoSuchPoint(path_text(path)))?;
    let point = &mut list[index];
    point.text = text.to_owned();
    if point.state == PieceState::Unknown && !text.is_empty() {
        point.state = PieceState::Text;
    }
    Ok(set_tasks(id, tasks))
}

/// Whether the point at `path` may be moved or change level: only points
/// that exist only in the draft may (N1: a designation in force never changes).
pub fn point_is_movable(doc: &Document, id: &UnitId, path: &[String]) -> bool {
    point_removal(doc, id, path) == Removal::Delete
}

/// Moves a draft point one place up or down among its siblings; it is
/// relabelled at its new place by the numbering rules.
pub fn move_point(doc: &Document, id: &UnitId, path: &[String], down: bool) -> Result<(Edit, Vec<String>), DraftError> {
    let unit = unit(doc, id)?;
    if !point_is_movable(doc, id, path) {
        return Err(DraftError::InForce(path_text(path)));
    }
    let (label, parent) = path.split_last().ok_or_else(|| DraftError::NoSuchPoint(String::new()))?;
    let level = level_under(unit, parent)?;
    let mut tasks = unit.tasks.clone();
    let list = tasks.children_mut(parent).ok_or_else(|| DraftError::NoSuchPoint(path_text(parent)))?;
    let index = list.iter().position(|p| &p.label == label).ok_or_else(|| DraftError::NoSuchPoint(path_text(path)))?;
    let mut point = list.remove(index);
    // In the list without the point: moving down goes after the sibling that
    // followed it, moving up after the one two places before it.
    let after = if down {
        if index >= list.len() {
            return Err(DraftError::NoSuchPoint(path_text(path)));
        }
        Some(index)
    } else {
        match index {
            0 => return Err(DraftError::Unresolved(Unresolved::BeforeFirst)),
            1 => None,
            i => Some(i - 2),
        }
    };
    let labels: Vec<&str> = list.iter().map(|p| p.label.as_str()).collect();
    point.label = designate(level.label_kind(), &labels, after)?;
    let new_label = point.label.clone();
    list.insert(after.map_or(0, |i| i + 1), point);
    let mut new_path = parent.to_vec();
    new_path.push(new_label);
    Ok(finish_points(doc, unit, tasks, &new_path))
}

/// Turns a draft pkt into the last letter of the point before it (pkt → lit.).
pub fn indent_point(doc: &Document, id: &UnitId, path: &[String]) -> Result<(Edit, Vec<String>), DraftError> {
    let unit = unit(doc, id)?;
    if path.len() != 1 {
        return Err(DraftError::TooDeep);
    }
    if !point_is_movable(doc, id, path) {
        return Err(DraftError::InForce(path_text(path)));
    }
    let index = unit
        .tasks
        .points
        .iter()
        .position(|p| p.label == path[0])
        .ok_or_else(|| DraftError::NoSuchPoint(path_text(path)))?;
    let host = index.checked_sub(1).ok_or(Unresolved::BeforeFirst)?;
    let mut tasks = unit.tasks.clone();
    let mut point = tasks.points.remove(index);
    let host = &mut tasks.points[host];
    let labels: Vec<&str> = host.sub.iter().map(|p| p.label.as_str()).collect();
    let label = designate(super::numbering::LabelKind::Letter, &labels, labels.len().checked_sub(1))?;
    point.label = label.clone();
    point.sub.clear();
    let new_path = vec![host.label.clone(), label];
    host.sub.push(point);
    Ok(finish_points(doc, unit, tasks, &new_path))
}

/// Turns a draft letter into a pkt right after its point (lit. → pkt).
pub fn outdent_point(doc: &Document, id: &UnitId, path: &[String]) -> Result<(Edit, Vec<String>), DraftError> {
    let unit = unit(doc, id)?;
    let [host_label, letter] = path else { return Err(DraftError::NoSuchPoint(path_text(path))) };
    if !point_is_movable(doc, id, path) {
        return Err(DraftError::InForce(path_text(path)));
    }
    let mut tasks = unit.tasks.clone();
    let host = tasks
        .points
        .iter()
        .position(|p| &p.label == host_label)
        .ok_or_else(|| DraftError::NoSuchPoint(host_label.clone()))?;
    let letter_index = tasks.points[host]
        .sub
        .iter()
        .position(|p| &p.label == letter)
        .ok_or_else(|| DraftError::NoSuchPoint(path_text(path)))?;
    let mut point = tasks.points[host].sub.remove(letter_index);
    let labels: Vec<&str> = tasks.points.iter().map(|p| p.label.as_str()).collect();
    let label = designate(super::numbering::LabelKind::Number, &labels, Some(host))?;
    point.label = label.clone();
    tasks.points.insert(host + 1, point);
    Ok(finish_points(doc, unit, tasks, &[label]))
}

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

/// What removing a unit would do: repeal when any of its subtree's listings or
/// task paragraphs is in force.
pub fn unit_removal(doc: &Document, id: &UnitId) -> Removal {
    let Some(index) = doc.index_of(id) else { return Removal::Delete };
    let in_force = doc.units[doc.subtree_range(index)]
        .iter()
        .flat_map(|u| u.listed_at.iter().chain(&u.tasks_at))
        .any(|d| doc.is_in_force(d));
    if in_force { Removal::Repeal } else { Removal::Delete }
}

/// The designations the removal of the units `removed` repeals: their
/// listings and task paragraphs that are in force and that no remaining unit
/// shares (a deputy's ust. that also lists the referat it supervises stays
/// while the referat stays).
fn repealed_by_removal(doc: &Document, removed: &[&Unit]) -> Vec<Designation> {
    let removed_ids: std::collections::HashSet<&UnitId> = removed.iter().map(|u| &u.id).collect();
    let kept: std::collections::HashSet<&Designation> = doc
        .units
        .iter()
        .filter(|u| !removed_ids.contains(&u.id))
        .flat_map(|u| u.listed_at.iter().chain(&u.tasks_at))
        .collect();
    let mut out: Vec<Designation> = removed
        .iter()
        .flat_map(|u| u.listed_at.iter().chain(&u.tasks_at))
        .filter(|d| !kept.contains(d) && doc.is_in_force(d))
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    // A designation inside another repealed one goes with it (§ 22 takes § 22 ust. 1 along).
    let all = out.clone();
    out.retain(|d| !all.iter().any(|outer| outer != d && d.is_within(outer)));
    out
}

/// The designations removing the unit `id` (with its subtree) would repeal,
/// sorted: what the editor names in its "Uchyl" prompt ("Uchyla § 3 ust. 1
/// pkt 2 lit. b i § 14 ust. 3"). Empty when the removal is a deletion.
pub fn unit_repeals(doc: &Document, id: &UnitId) -> Vec<Designation> {
    let Some(index) = doc.index_of(id) else { return Vec::new() };
    let removed: Vec<&Unit> = doc.units[doc.subtree_range(index)].iter().collect();
    repealed_by_removal(doc, &removed)
}

/// Sets a unit's listing or task designation by hand (the inspector's
/// override of the rules), as a draft step: the first one records what is in
/// force, so the designation typed is measured against the version in force.
pub fn set_designation(doc: &Document, id: &UnitId, field: UnitField) -> Edit {
    step(doc, vec![Edit::SetField { id: id.clone(), field }])
}

/// Removes a unit with its subtree: its listings and task paragraphs in force
/// are repealed (placeholders), the provisions inside them go, and the rest
/// is deleted. Returns the edit and what it did.
pub fn remove_unit(doc: &Document, id: &UnitId) -> Result<(Edit, Removal), DraftError> {
    let index = doc.index_of(id).ok_or_else(|| DraftError::Edit(EditError::NoSuchUnit(id.clone())))?;
    let removal = unit_removal(doc, id);
    let removed: Vec<&Unit> = doc.units[doc.subtree_range(index)].iter().collect();
    let repealed = repealed_by_removal(doc, &removed);
    let mut edits = vec![Edit::RemoveSubtree { id: id.clone() }];
    if !repealed.is_empty() {
        let mut retired = doc.retired.clone();
        retired.extend(repealed.iter().cloned());
        edits.push(Edit::SetRetired(retired));
        let provisions: Vec<_> =
            doc.provisions.iter().filter(|p| !repealed.iter().any(|r| p.at.is_within(r))).cloned().collect();
        if provisions.len() != doc.provisions.len() {
            edits.push(Edit::SetProvisions(provisions));
        }
    }
    Ok((step(doc, edits), removal))
}

/// The nearest ancestor (or the unit itself) with a listing.
fn listing_of<'a>(doc: &'a Document, id: &UnitId) -> Option<&'a Designation> {
    std::iter::once(doc.unit(id)?).chain(doc.ancestors(id)).find_map(|u| u.listed_at.as_ref())
}

/// The structure paragraph (§) of the division a unit is in.
fn division_paragraph(doc: &Document, id: &UnitId) -> Option<Designation> {
    std::iter::once(doc.unit(id)?)
        .chain(doc.ancestors(id))
        .filter(|u| u.kind.is_division())
        .find_map(|u| u.listed_at.as_ref())
        .and_then(|d| Designation::paragraph(d.paragraph_label()).ok())
}

/// A designation for a new piece at `level` under `parent`, after the piece
/// labelled `after` (or at the end when `after` is `None` or not found).
fn designate_under(
    doc: &Document,
    parent: Option<&Designation>,
    level: Level,
    after: Option<&str>,
) -> Result<Designation, DraftError> {
    let labels = doc.labels_under(parent, level);
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let index = match after {
        Some(label) => refs.iter().position(|l| *l == label).or(refs.len().checked_sub(1)),
        None => refs.len().checked_sub(1),
    };
    let label = designate(level.label_kind(), &refs, index)?;
    let d = match parent {
        Some(p) => p.child(level, &label),
        None => Designation::paragraph(&label),
    };
    d.map_err(|_| DraftError::Taken(label))
}

/// Kinds whose tasks are an ust. of their superior's paragraph (a referat's
/// kierownik and positions: § 14 ust. 2-4 next to the referat's ust. 1).
fn tasks_in_superiors_paragraph(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::KierownikReferatu | UnitKind::StanowiskoPracy | UnitKind::WieloosoboweStanowiskoPracy)
}

/// The previous sibling of the unit that would stand at `index` under `parent`.
fn previous_sibling<'a>(
    doc: &'a Document,
    parent: &'a UnitId,
    index: usize,
    skip: Option<&UnitId>,
) -> Option<&'a Unit> {
    let siblings: Vec<&Unit> = doc.children(Some(parent)).filter(|u| Some(&u.id) != skip).collect();
    index.checked_sub(1).and_then(|i| siblings.get(i).copied())
}

/// The listing and task designations a unit of `kind` gets as the `index`-th
/// child of `parent`, by the numbering rules (`moving`: the unit being moved,
/// left out of the siblings).
pub fn designations_for(
    doc: &Document,
    parent: &UnitId,
    index: usize,
    kind: UnitKind,
    moving: Option<&UnitId>,
) -> Result<(Option<Designation>, Option<Designation>), DraftError> {
    let previous = previous_sibling(doc, parent, index, moving);
    // Listing.
    let listed_at = if matches!(kind, UnitKind::Dyrektor | UnitKind::ZastepcaDyrektora) {
        match division_paragraph(doc, parent) {
            Some(par) => Some(designate_under(doc, Some(&par), Level::Ust, None)?),
            None => None,
        }
    } else if kind.is_division() {
        let after = previous.and_then(|u| u.listed_at.as_ref()).map(|d| d.paragraph_label().to_owned());
        Some(designate_under(doc, None, Level::Par, after.as_deref())?)
    } else {
        match listing_of(doc, parent) {
            Some(base) => match base.enumeration_level() {
                Some(level) => {
                    let after = previous
                        .and_then(|u| u.listed_at.as_ref())
                        .filter(|d| d.parent().as_ref() == Some(base))
                        .map(|d| d.label().to_owned());
                    Some(designate_under(doc, Some(base), level, after.as_deref())?)
                }
                None => None,
            },
            None => None,
        }
    };
    // Tasks.
    let parent_unit = unit(doc, parent)?;
    let tasks_at = if tasks_in_superiors_paragraph(kind) {
        match parent_unit.tasks_at.as_ref().filter(|d| d.level() == Level::Ust) {
            Some(own) => {
                let par = Designation::paragraph(own.paragraph_label()).map_err(|_| DraftError::NoTasksDesignation)?;
                let after = previous
                    .and_then(|u| u.tasks_at.as_ref())
                    .filter(|d| d.parent().as_ref() == Some(&par))
                    .map(|d| d.label().to_owned())
                    .unwrap_or_else(|| own.label().to_owned());
                let after = if previous.is_none() { own.label().to_owned() } else { after };
                Some(designate_under(doc, Some(&par), Level::Ust, Some(&after))?)
            }
            None => None,
        }
    } else if matches!(kind, UnitKind::Departament) {
        None
    } else {
        // A paragraph of its own, after the last paragraph of the units before it in document order.
        let slot_index = doc.index_of(parent).map_or(0, |p| {
            let prev_end = previous.and_then(|u| doc.index_of(&u.id)).map(|i| doc.subtree_range(i).end);
            prev_end.unwrap_or(p + 1)
        });
        let after = doc.units[..slot_index.min(doc.units.len())]
            .iter()
            .rev()
            .filter(|u| Some(&u.id) != moving)
            .find_map(|u| u.tasks_at.as_ref())
            .map(|d| d.paragraph_label().to_owned());
        let par = designate_under(doc, None, Level::Par, after.as_deref())?;
        if matches!(kind, UnitKind::Referat | UnitKind::Zespol) {
            Some(par.child(Level::Ust, "1").map_err(|_| DraftError::NoTasksDesignation)?)
        } else {
            Some(par)
        }
    };
    Ok((listed_at, tasks_at))
}

/// Adds `unit` as the `index`-th child of its parent with the designations the
/// numbering rules give it (its own `listed_at` and `tasks_at` are replaced).
pub fn add_unit(doc: &Document, mut new: Unit, index: usize) -> Result<Edit, DraftError> {
    let parent = new.parent.clone().ok_or(DraftError::Edit(EditError::NoParent))?;
    let (listed_at, tasks_at) = designations_for(doc, &parent, index, new.kind, None)?;
    new.listed_at = listed_at;
    new.tasks_at = tasks_at;
    Ok(step(doc, vec![Edit::InsertSubtree { units: vec![new], index, relations: Vec::new() }]))
}

/// Moves a unit (with its subtree) to be the `index`-th child of `parent`.
/// When the superior changes, the unit gets a new listing among its new
/// siblings (its sub-units' listings follow it) and, when its tasks are an
/// ust. of its superior's paragraph, a new ust. in the new superior's; the
/// old designations in force are repealed. A reorder under the same superior
/// keeps every designation (N1).
pub fn move_unit(doc: &Document, id: &UnitId, parent: &UnitId, index: usize) -> Result<Edit, DraftError> {
    let moved = unit(doc, id)?;
    let mut edits = vec![Edit::Move { id: id.clone(), parent: parent.clone(), index }];
    if moved.parent.as_ref() == Some(parent) {
        return Ok(step(doc, edits));
    }
    let (listed_at, tasks_at) = designations_for(doc, parent, index, moved.kind, Some(id))?;
    let mut repealed: Vec<Designation> = Vec::new();
    // The listing, and the listings of the sub-units under it, move to the new place.
    if moved.listed_at != listed_at {
        let from = doc.index_of(id).map(|i| doc.subtree_range(i)).unwrap_or(0..0);
        for u in &doc.units[from] {
            let Some(old) = &u.listed_at else { continue };
            let new = match (&moved.listed_at, &listed_at) {
                (Some(old_base), Some(new_base)) if old.is_within(old_base) => rebase(old, old_base, new_base),
                _ if u.id == *id => listed_at.clone(),
                _ => Some(old.clone()),
            };
            if new.as_ref() != Some(old) {
                if doc.is_in_force(old) {
                    repealed.push(old.clone());
                }
                edits.push(Edit::SetField { id: u.id.clone(), field: UnitField::ListedAt(new) });
            }
        }
    }
    if tasks_in_superiors_paragraph(moved.kind) && moved.tasks_at != tasks_at {
        if let Some(old) = &moved.tasks_at
            && doc.is_in_force(old)
        {
            repealed.push(old.clone());
        }
        edits.push(Edit::SetField { id: id.clone(), field: UnitField::TasksAt(tasks_at) });
    }
    if !repealed.is_empty() {
        let mut retired = doc.retired.clone();
        retired.extend(repealed);
        edits.push(Edit::SetRetired(retired));
    }
    Ok(step(doc, edits))
}

/// `d` with its prefix `from` replaced by `to`.
fn rebase(d: &Designation, from: &Designation, to: &Designation) -> Option<Designation> {
    let mut out = to.clone();
    for (level, label) in &d.parts()[from.parts().len()..] {
        out = out.child(*level, label).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::apply;

    fn d(text: &str) -> Designation {
        text.parse().expect("a designation")
    }

    /// A department with one referat whose tasks are § 5 ust. 1 with `points`
    /// (label, text); `in_force` lists the designations of the version in force.
    fn doc(points: &[(&str, &str)], in_force: &[&str]) -> Document {
        let mut referat = Unit::new(UnitId::new("r"), Some(UnitId::new("doa")), UnitKind::Referat, "referat", "R");
        referat.tasks_at = Some(d("§ 5 ust. 1"));
        referat.tasks.points = points.iter().map(|(l, t)| TaskPoint::new(*l, *t)).collect();
        Document {
            units: vec![Unit::new(UnitId::new("doa"), None, UnitKind::Departament, "Departament", ""), referat],
            in_force: Some(in_force.iter().map(|s| d(s)).collect()),
            ..Document::default()
        }
    }

    fn labels_and_texts(doc: &Document) -> Vec<(String, String)> {
        let unit = doc.unit(&UnitId::new("r")).expect("the referat");
        unit.tasks.points.iter().map(|p| (p.label.clone(), p.text.clone())).collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(l, t)| (l.to_string(), t.to_string())).collect()
    }

    fn run(doc: &mut Document, edit: Result<(Edit, Vec<String>), DraftError>) -> Vec<String> {
        let (edit, path) = edit.expect("the edit is built");
        apply(doc, edit).expect("the edit applies");
        path
    }

    #[test]
    fn a_list_only_in_the_draft_reads_1_2_3_whatever_order_its_points_were_moved_in() {
        let mut doc = doc(&[("1", "a"), ("2", "b"), ("3", "c")], &["§ 5 ust. 1"]);
        let r = UnitId::new("r");
        // Regression: moving pkt 1 down gave 2, 2a, 3, and then moving pkt 3 up
        // was refused (no label between 2 and 2a).
        let path = {
            let built = move_point(&doc, &r, &["1".into()], true);
            run(&mut doc, built)
        };
        assert_eq!(labels_and_texts(&doc), pairs(&[("1", "b"), ("2", "a"), ("3", "c")]));
        assert_eq!(path, ["2"], "the moved point's new path");
        {
            let built = move_point(&doc, &r, &["3".into()], false);
            run(&mut doc, built)
        };
        assert_eq!(labels_and_texts(&doc), pairs(&[("1", "b"), ("2", "c"), ("3", "a")]));
        // Deleting a draft point leaves no gap.
        let (edit, removal) = remove_point(&doc, &r, &["1".into()]).expect("built");
        assert_eq!(removal, Removal::Delete);
        apply(&mut doc, edit).expect("applies");
        assert_eq!(labels_and_texts(&doc), pairs(&[("1", "c"), ("2", "a")]));
    }

    #[test]
    fn draft_points_between_points_in_force_are_lettered_and_points_in_force_keep_their_labels() {
        let in_force = ["§ 5 ust. 1", "§ 5 ust. 1 pkt 1", "§ 5 ust. 1 pkt 2", "§ 5 ust. 1 pkt 3"];
        let mut doc = doc(&[("1", "a"), ("2", "b"), ("3", "c")], &in_force);
        let r = UnitId::new("r");
        let first = {
            let built = add_point(&doc, &r, &[], Some("2"), "x");
            run(&mut doc, built)
        };
        assert_eq!(first, ["2a"]);
        let second = {
            let built = add_point(&doc, &r, &[], Some("2"), "y");
            run(&mut doc, built)
        };
        assert_eq!(second, ["2a"], "inserted right after pkt 2, the earlier one follows it");
        assert_eq!(labels_and_texts(&doc), pairs(&[("1", "a"), ("2", "b"), ("2a", "y"), ("2b", "x"), ("3", "c")]));
        let (edit, _) = remove_point(&doc, &r, &["2a".into()]).expect("built");
        apply(&mut doc, edit).expect("applies");
        assert_eq!(labels_and_texts(&doc), pairs(&[("1", "a"), ("2", "b"), ("2a", "x"), ("3", "c")]));
        // A point in force is repealed, and nothing is relabelled around it.
        let (edit, removal) = remove_point(&doc, &r, &["2".into()]).expect("built");
        assert_eq!(removal, Removal::Repeal);
        apply(&mut doc, edit).expect("applies");
        assert_eq!(labels_and_texts(&doc), pairs(&[("1", "a"), ("2", ""), ("2a", "x"), ("3", "c")]));
    }
}
