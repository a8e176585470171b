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
use super::numbering::{Unresolved, designate, renumber};
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
/// after the point labelled `after` (`None`: at the start, which only an
/// empty list allows: N7 has no rule for a point before the first).
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
    // Repealed points are in the list, and a repealed designation recorded
    // outside it (or one the version in force had) counts too: their labels
    // stay taken (N2).
    let mut labels: Vec<String> = siblings.iter().map(|p| p.label.clone()).collect();
    if let Some(base) = unit.tasks_at.as_ref().and_then(|at| at.point(parent)) {
        labels.extend(doc.labels_under(Some(&base), level));
        labels.sort_by(|a, b| super::designation::compare_labels(a, b));
        labels.dedup();
    }
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let index = match after {
        Some(label) => {
            Some(labels.iter().position(|l| *l == label).ok_or_else(|| DraftError::NoSuchPoint(label.to_owned()))?)
        }
        None => None,
    };
    match designate(level.label_kind(), &labels, index) {
        Ok(label) => insert_point(doc, unit, parent, TaskPoint::new(label, text)),
        Err(unresolved) => insert_among_draft(doc, unit, parent, after, text).ok_or(unresolved.into()),
    }
}

/// The label of a point inserted by position, until [`renumber_draft`] numbers it.
const UNNUMBERED: &str = "?";

/// Adds a point right after the one labelled `after` when no label fits
/// between it and the next one (pkt 2 and a draft 2a): the next points exist
/// only in the draft, so they are renumbered with the new one (2a, 2b).
/// `None` when the renumbering cannot number it either (the next one is in force).
fn insert_among_draft(
    doc: &Document,
    unit: &Unit,
    parent: &[String],
    after: Option<&str>,
    text: &str,
) -> Option<(Edit, Vec<String>)> {
    let mut tasks = unit.tasks.clone();
    let list = tasks.children_mut(parent)?;
    let at = list.iter().position(|p| Some(p.label.as_str()) == after)? + 1;
    list.insert(at, TaskPoint::new(UNNUMBERED, text));
    renumber_draft(doc, unit, parent, list).ok()?;
    let label = list[at].label.clone();
    if label == UNNUMBERED || list.iter().filter(|p| p.label == label).count() > 1 {
        return None;
    }
    let mut path = parent.to_vec();
    path.push(label);
    Some((step(doc, vec![set_tasks(&unit.id, tasks)]), path))
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
    Ok((step(doc, vec![set_tasks(&unit.id, tasks)]), path))
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
            let (parent, _) = path.split_at(path.len() - 1);
            renumber_draft(doc, unit, parent, list)?;
        }
    }
    Ok((step(doc, vec![set_tasks(id, tasks)]), removal))
}

/// After points of the draft were removed from or put into `list` (the points
/// under `parent`), relabels the draft points so that the list is numbered by
/// the rules again ([`renumber`]); points in force keep their labels (N1).
fn renumber_draft(doc: &Document, unit: &Unit, parent: &[String], list: &mut [TaskPoint]) -> Result<(), DraftError> {
    let kind = level_under(unit, parent)?.label_kind();
    let fixed: Vec<bool> = list
        .iter()
        .map(|p| {
            let mut path = parent.to_vec();
            path.push(p.label.clone());
            point_designation(unit, &path).is_some_and(|d| doc.is_in_force(&d))
        })
        .collect();
    let labels: Vec<String> = list.iter().map(|p| p.label.clone()).collect();
    for (point, label) in list.iter_mut().zip(renumber(kind, &labels, &fixed)?) {
        point.label = label;
    }
    Ok(())
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
    let at = after.map_or(0, |i| i + 1);
    list.insert(at, point);
    renumber_draft(doc, unit, parent, list)?;
    let mut new_path = parent.to_vec();
    new_path.push(list[at].label.clone());
    Ok((step(doc, vec![set_tasks(id, tasks)]), new_path))
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
    // The point becomes the host's last letter; its own letters follow it.
    let letters = std::mem::take(&mut point.sub);
    let host_label = tasks.points[host].label.clone();
    let sub = &mut tasks.points[host].sub;
    let first_new = sub.len();
    point.label = String::new();
    sub.push(point);
    sub.extend(letters.into_iter().map(|l| TaskPoint { label: String::new(), ..l }));
    renumber_draft(doc, unit, std::slice::from_ref(&host_label), sub)?;
    let new_path = vec![host_label, sub[first_new].label.clone()];
    renumber_draft(doc, unit, &[], &mut tasks.points)?;
    Ok((step(doc, vec![set_tasks(id, tasks)]), new_path))
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
    // The letter becomes the point after its point, taking the letters below it.
    let below = tasks.points[host].sub.split_off(letter_index + 1);
    let mut point = tasks.points[host].sub.remove(letter_index);
    let host_label = tasks.points[host].label.clone();
    renumber_draft(doc, unit, std::slice::from_ref(&host_label), &mut tasks.points[host].sub)?;
    let labels: Vec<&str> = tasks.points.iter().map(|p| p.label.as_str()).collect();
    let label = designate(super::numbering::LabelKind::Number, &labels, Some(host))?;
    point.label = label.clone();
    point.sub = below.into_iter().map(|l| TaskPoint { label: String::new(), ..l }).collect();
    renumber_draft(doc, unit, std::slice::from_ref(&label), &mut point.sub)?;
    tasks.points.insert(host + 1, point);
    renumber_draft(doc, unit, &[], &mut tasks.points)?;
    let label = tasks.points[host + 1].label.clone();
    Ok((step(doc, vec![set_tasks(id, tasks)]), vec![label]))
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
    let kept = held_outside(doc, removed);
    let mut out: Vec<Designation> = removed
        .iter()
        .flat_map(|u| u.listed_at.iter().chain(&u.tasks_at))
        .filter(|d| !kept.contains(d) && doc.is_in_force(d))
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    // A paragraph all of whose ust. go is repealed whole ("uchyla się § 22"),
    // not ust. by ust.: removing a referat with its kierownik and positions
    // repeals § 14, as Z58 repeals § 22.
    out.extend(whole_paragraphs(doc, &out, removed));
    out.sort();
    out.dedup();
    keep_outermost(&mut out);
    out
}

/// The listings and task designations of the units other than `units` (a
/// subtree being removed or moved): what stays held whatever happens to them.
fn held_outside<'a>(doc: &'a Document, units: &[&Unit]) -> std::collections::HashSet<&'a Designation> {
    let ids: std::collections::HashSet<&UnitId> = units.iter().map(|u| &u.id).collect();
    doc.units.iter().filter(|u| !ids.contains(&u.id)).flat_map(|u| u.listed_at.iter().chain(&u.tasks_at)).collect()
}

/// Drops the designations that lie inside another one of the list: a repealed
/// piece takes what is inside it along (§ 22 takes § 22 ust. 1).
fn keep_outermost(designations: &mut Vec<Designation>) {
    let all = designations.clone();
    designations.retain(|d| !all.iter().any(|outer| outer != d && d.is_within(outer)));
}

/// The paragraphs every piece inside which goes: repealed now (`repealed`),
/// already repealed, or held by a removed unit (`removed`) — so nothing that
/// stays (another unit's ust. or pkt, a provision) lies in them.
fn whole_paragraphs(doc: &Document, repealed: &[Designation], removed: &[&Unit]) -> Vec<Designation> {
    let mut paragraphs: Vec<Designation> = repealed
        .iter()
        .filter(|d| d.level() == Level::Ust && d.parts().len() == 2)
        .filter_map(|d| Designation::paragraph(d.paragraph_label()).ok())
        .collect();
    paragraphs.sort();
    paragraphs.dedup();
    if paragraphs.is_empty() {
        return paragraphs;
    }
    let mut going: Vec<Designation> = repealed.to_vec();
    going.extend(doc.repealed_designations());
    going.extend(removed.iter().flat_map(|u| u.listed_at.iter().chain(&u.tasks_at)).cloned());
    let mut pieces = doc.piece_designations();
    pieces.extend(doc.in_force.iter().flatten().cloned());
    paragraphs.retain(|par| {
        pieces.iter().filter(|d| d.is_within(par)).all(|d| d != par && going.iter().any(|g| d.is_within(g)))
    });
    paragraphs
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
    Ok((listing_for(doc, parent, previous, kind)?, tasks_for(doc, parent, previous, kind, moving)?))
}

/// Where the structure paragraph lists a new unit: a head (dyrektor,
/// zastępca) gets the next ust. of its division's paragraph, a division the
/// paragraph after its previous sibling's, any other unit the next item of its
/// superior's listing (pkt under an ust. or a §, lit. under a pkt).
fn listing_for(
    doc: &Document,
    parent: &UnitId,
    previous: Option<&Unit>,
    kind: UnitKind,
) -> Result<Option<Designation>, DraftError> {
    if matches!(kind, UnitKind::Dyrektor | UnitKind::ZastepcaDyrektora) {
        return division_paragraph(doc, parent)
            .map(|par| designate_under(doc, Some(&par), doc.enumerated_level(&par).unwrap_or(Level::Ust), None))
            .transpose();
    }
    if kind.is_division() {
        let after = previous.and_then(|u| u.listed_at.as_ref()).map(|d| d.paragraph_label().to_owned());
        return designate_under(doc, None, Level::Par, after.as_deref()).map(Some);
    }
    let Some(base) = listing_of(doc, parent) else { return Ok(None) };
    let Some(level) = doc.enumerated_level(base).or_else(|| base.enumeration_level()) else { return Ok(None) };
    let after = previous
        .and_then(|u| u.listed_at.as_ref())
        .filter(|d| d.parent().as_ref() == Some(base))
        .map(|d| d.label().to_owned());
    designate_under(doc, Some(base), level, after.as_deref()).map(Some)
}

/// Where the Regulamin holds a new unit's tasks: a kierownik's or a
/// position's in the next ust. of its referat's paragraph (after the previous
/// sibling's ust., or after the referat's own ust. 1), any other unit's in a
/// paragraph of its own after the last paragraph of the units before it
/// (a referat's as its ust. 1, next to which its positions follow).
fn tasks_for(
    doc: &Document,
    parent: &UnitId,
    previous: Option<&Unit>,
    kind: UnitKind,
    moving: Option<&UnitId>,
) -> Result<Option<Designation>, DraftError> {
    if kind == UnitKind::Departament {
        return Ok(None);
    }
    if tasks_in_superiors_paragraph(kind) {
        let Some(own) = unit(doc, parent)?.tasks_at.as_ref().filter(|d| d.level() == Level::Ust) else {
            return Ok(None);
        };
        let par = Designation::paragraph(own.paragraph_label()).map_err(|_| DraftError::NoTasksDesignation)?;
        let after = previous
            .and_then(|u| u.tasks_at.as_ref())
            .filter(|d| d.parent().as_ref() == Some(&par))
            .unwrap_or(own)
            .label()
            .to_owned();
        return designate_under(doc, Some(&par), Level::Ust, Some(&after)).map(Some);
    }
    let parent_index = doc.index_of(parent).unwrap_or(0);
    let end_of_previous = previous.and_then(|u| doc.index_of(&u.id)).map(|i| doc.subtree_range(i).end);
    let slot = end_of_previous.unwrap_or(parent_index + 1).min(doc.units.len());
    let after = doc.units[..slot]
        .iter()
        .rev()
        .filter(|u| Some(&u.id) != moving)
        .find_map(|u| u.tasks_at.as_ref())
        .map(|d| d.paragraph_label().to_owned());
    let par = designate_under(doc, None, Level::Par, after.as_deref())?;
    if matches!(kind, UnitKind::Referat | UnitKind::Zespol) {
        return par.child(Level::Ust, "1").map(Some).map_err(|_| DraftError::NoTasksDesignation);
    }
    Ok(Some(par))
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
    // The listing, and the listings of the sub-units under it, move to the new
    // place (or go, when the new place lists nothing). A sub-unit listed
    // straight in the old superior's composition (a team under a director who
    // has no listing of his own) is listed anew at the end of the new one.
    let old_context = moved.parent.as_ref().and_then(|p| listing_of(doc, p)).cloned();
    let new_context = listed_at.clone().or_else(|| listing_of(doc, parent).cloned());
    let mut bases: Vec<(Designation, Option<Designation>)> = Vec::new();
    if let Some(old_base) = &moved.listed_at {
        bases.push((old_base.clone(), listed_at.clone()));
    }
    let mut appended: Vec<(Designation, String)> = Vec::new();
    let from = doc.index_of(id).map(|i| doc.subtree_range(i)).unwrap_or(0..0);
    for u in &doc.units[from] {
        let new = match &u.listed_at {
            None if u.id == *id => listed_at.clone(),
            None => None,
            // The innermost moved listing this one lies in (the latest pushed).
            Some(old) => match bases.iter().rev().find(|(base, _)| old.is_within(base)).cloned() {
                Some((base, Some(target)))
                    if old.parent().as_ref() == Some(&base)
                        && target.enumeration_level() != base.enumeration_level() =>
                {
                    // Listed under a piece of another level now (the positions of
                    // IT-SS, pkt of § 3 ust. 4, become lit. of a pkt): numbered anew.
                    let new = target.enumeration_level().and_then(|level| {
                        let taken: Vec<&str> =
                            appended.iter().filter(|(c, _)| *c == target).map(|(_, l)| l.as_str()).collect();
                        let label = designate(level.label_kind(), &taken, taken.len().checked_sub(1)).ok()?;
                        appended.push((target.clone(), label.clone()));
                        target.child(level, &label).ok()
                    });
                    bases.push((old.clone(), new.clone()));
                    new
                }
                Some((base, target)) => target.as_ref().and_then(|t| rebase(old, &base, t)),
                None if old_context.as_ref().is_some_and(|c| old.parent().as_ref() == Some(c))
                    && old_context != new_context =>
                {
                    // A head (a deputy in the moved director's division) takes an
                    // ust. of the new division's paragraph; any other unit an item
                    // at the end of the new composition.
                    let head = matches!(u.kind, UnitKind::Dyrektor | UnitKind::ZastepcaDyrektora);
                    let context = if head { division_paragraph(doc, parent) } else { new_context.clone() };
                    let target = context.as_ref().and_then(|context| {
                        // The level the paragraph already enumerates (§ 9's pkt), never ust. beside pkt.
                        let level = match doc.enumerated_level(context) {
                            Some(level) => level,
                            None if head => Level::Ust,
                            None => context.enumeration_level()?,
                        };
                        let mut labels = doc.labels_under(Some(context), level);
                        labels.extend(appended.iter().filter(|(c, _)| c == context).map(|(_, l)| l.clone()));
                        labels.sort_by(|a, b| super::designation::compare_labels(a, b));
                        let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
                        let label = designate(level.label_kind(), &refs, refs.len().checked_sub(1)).ok()?;
                        appended.push((context.clone(), label.clone()));
                        context.child(level, &label).ok()
                    });
                    bases.push((old.clone(), target.clone()));
                    target
                }
                None => Some(old.clone()),
            },
        };
        if new != u.listed_at {
            if let Some(old) = &u.listed_at
                && doc.is_in_force(old)
            {
                repealed.push(old.clone());
            }
            edits.push(Edit::SetField { id: u.id.clone(), field: UnitField::ListedAt(new) });
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
    // A designation another unit still holds (the deputy's ust. that also
    // lists the referat it supervises) stays.
    let subtree: Vec<&Unit> =
        doc.index_of(id).map(|i| doc.units[doc.subtree_range(i)].iter().collect()).unwrap_or_default();
    let held = held_outside(doc, &subtree);
    repealed.retain(|d| !held.contains(d));
    keep_outermost(&mut repealed);
    // The provisions of a moved listing (its lead sentence) go with it to the
    // new listing, or go when the new place lists nothing; a listing that a
    // unit outside the moved ones still holds (the deputy's ust. 4 that also
    // lists IT-SS) keeps its provisions.
    let provisions: Vec<_> = doc
        .provisions
        .iter()
        .filter_map(|p| {
            let moved_base = |(base, target): &&(Designation, Option<Designation>)| {
                p.at.is_within(base) && target.as_ref() != Some(base) && !held.contains(base)
            };
            // The innermost moved listing it lies in, as for the units above (a
            // kierownik's lit. a numbered anew as pkt 1 takes its provision along).
            match bases.iter().rev().find(moved_base) {
                None => Some(p.clone()),
                Some((base, target)) => target
                    .as_ref()
                    .and_then(|t| rebase(&p.at, base, t))
                    .map(|at| super::document::Provision { at, ..p.clone() }),
            }
        })
        .collect();
    if provisions != doc.provisions {
        edits.push(Edit::SetProvisions(provisions));
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
    fn removing_a_referat_with_all_its_units_repeals_its_paragraph_whole() {
        let doc = crate::examples::default_document();
        let referat = doc.units.iter().find(|u| u.symbol == "IT-TB" && u.kind == UnitKind::Referat).expect("IT-TB");
        let repealed: Vec<String> = unit_repeals(&doc, &referat.id).iter().map(ToString::to_string).collect();
        assert_eq!(repealed, ["§ 3 ust. 1 pkt 2", "§ 14"], "uchyla się § 14, not its ust. 1-4 one by one");
        // One position of it: only its own ust. goes; § 14 stays with the others.
        let position = doc.units.iter().find(|u| u.symbol == "IT-TB-I").expect("IT-TB-I");
        let repealed: Vec<String> = unit_repeals(&doc, &position.id).iter().map(ToString::to_string).collect();
        assert_eq!(repealed, ["§ 3 ust. 1 pkt 2 lit. b", "§ 14 ust. 3"]);
        let (edit, removal) = remove_unit(&doc, &referat.id).expect("built");
        assert_eq!(removal, Removal::Repeal);
        let mut after = doc.clone();
        apply(&mut after, edit).expect("applies");
        assert!(after.retired.contains(&d("§ 14")));
        // Nothing in force is lost: § 14 ust. 1-4 went with § 14.
        let lost: Vec<_> = crate::validate::validate(&after)
            .into_iter()
            .filter(|f| f.code == crate::validate::Code::InForceLost)
            .collect();
        assert!(lost.is_empty(), "{lost:?}");
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
