//! Mapping an applied text back onto the document, so that `schemat apply
//! OLD ORDINANCE -o NEW.ron` gives a document whose Regulamin reads as the
//! applied text.
//!
//! The applied text is recognised whole by the importer
//! ([`crate::import::recognise`]); its units are matched with the old
//! document's (by name where the name is unique, else by symbol, else by
//! listing), so a unit that stays keeps its id, note, staffing and chart
//! data, and takes the listing and tasks the text now gives it; a unit the
//! text lists anew is added under its superior (a new deputy under the
//! director the other deputies of its § have); a unit whose listing the text
//! repeals goes. Then every piece whose wording still differs is written
//! where the derived text takes it from: a task point to its point, a lead
//! sentence to its unit's intro, anything else to a provision or a
//! "(uchylony)" placeholder. The metadata and the chart options stay the old
//! document's.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::amend::{first_difference, same_law};
use super::tree::{Piece, Regulamin, Source};
use crate::import::{Imported, Note, recognise};
use crate::model::{Designation, Document, PieceState, Provision, TaskPoint, Unit, UnitId, compare_labels};

/// Why an applied text cannot be written back into the document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not mappable onto the document's units: {}", .0.join("; "))]
pub struct NotMappable(pub Vec<String>);

/// The document whose Regulamin reads as `applied`, from `doc`.
pub fn map_back(doc: &Document, applied: &Regulamin) -> Result<Document, NotMappable> {
    let mut out = merge_units(doc, applied);
    reword(&mut out, applied);
    order_units(&mut out);
    out.check_structure().map_err(|e| NotMappable(vec![e.to_string()]))?;
    let derived = super::derive(&out);
    if !same_law(&derived, applied) {
        return Err(NotMappable(vec![first_difference(&derived, applied)]));
    }
    Ok(out)
}

/// The old document with the units of the recognised text merged in.
fn merge_units(doc: &Document, applied: &Regulamin) -> Document {
    let Imported { doc: recognised, report } = recognise(applied, doc.meta.clone());
    // The divisions the recogniser assumed: their § lists units but names no division.
    let assumed: HashSet<&UnitId> =
        report.rows.iter().filter(|r| r.note == Note::DivisionAssumed).filter_map(|r| r.unit.as_ref()).collect();
    let mut out = doc.clone();
    // Recognised id → id in `out`.
    let mut mapped: HashMap<UnitId, UnitId> = HashMap::new();
    let mut taken: HashSet<UnitId> = HashSet::new();
    let mut held: Vec<Designation> = Vec::new();
    for r in recognised.units.iter().skip(1) {
        if assumed.contains(&r.id) {
            // A division the text does not name: the old unit listed at its §.
            if let Some(old) = out.units.iter().find(|u| u.listed_at.is_some() && u.listed_at == r.listed_at) {
                mapped.insert(r.id.clone(), old.id.clone());
            }
            continue;
        }
        held.extend(r.listed_at.iter().chain(&r.tasks_at).cloned());
        let superior = r.parent.as_ref().filter(|p| !assumed.contains(p)).and_then(|p| mapped.get(p)).cloned();
        let id = match twin(&out.units, r, &taken) {
            Some(index) => {
                let unit = &mut out.units[index];
                (unit.name, unit.symbol, unit.kind, unit.listed_at) =
                    (r.name.clone(), r.symbol.clone(), r.kind, r.listed_at.clone());
                if r.tasks_at.is_some() {
                    (unit.tasks_at, unit.tasks) = (r.tasks_at.clone(), r.tasks.clone());
                }
                if superior.is_some() {
                    unit.parent = superior;
                }
                unit.id.clone()
            }
            None => {
                let mut unit = r.clone();
                unit.id = fresh(&out, &r.id);
                unit.parent = superior.or_else(|| superior_of_siblings(&out, r)).or_else(|| {
                    r.parent.as_ref().and_then(|p| mapped.get(p)).cloned().or_else(|| out.root().map(|u| u.id.clone()))
                });
                let id = unit.id.clone();
                out.units.push(unit);
                id
            }
        };
        taken.insert(id.clone());
        mapped.insert(r.id.clone(), id);
    }
    // What the recognised units now hold replaces what the old document had there.
    let within_held = |d: &Designation| held.iter().any(|h| d.is_within(h));
    out.provisions.retain(|p| !within_held(&p.at));
    out.retired.retain(|d| !within_held(d));
    out.provisions.extend(recognised.provisions.iter().filter(|p| within_held(&p.at)).cloned());
    remove_repealed_units(&mut out, applied, &taken);
    out
}

/// The old unit a recognised one is: of its kind, with its name where no
/// other unit of that kind has it, else with its symbol, else listed where it is.
fn twin(units: &[Unit], r: &Unit, taken: &HashSet<UnitId>) -> Option<usize> {
    let free = |u: &Unit| u.kind == r.kind && u.parent.is_some() && !taken.contains(&u.id);
    let named: Vec<usize> = (0..units.len()).filter(|&i| free(&units[i]) && units[i].name == r.name).collect();
    if let [index] = named[..] {
        let unique = units.iter().filter(|u| u.kind == r.kind && u.name == r.name).count() == 1;
        if unique {
            return Some(index);
        }
    }
    let by_symbol = |i: &usize| !r.symbol.is_empty() && units[*i].symbol == r.symbol;
    let by_listing = |i: &usize| r.listed_at.is_some() && units[*i].listed_at == r.listed_at;
    (0..units.len())
        .filter(|&i| free(&units[i]))
        .find(by_symbol)
        .or_else(|| (0..units.len()).filter(|&i| free(&units[i])).find(by_listing))
}

/// The superior of the units listed beside `r` (the other ust. of its §):
/// the unit listed last before it, or first after it.
fn superior_of_siblings(out: &Document, r: &Unit) -> Option<UnitId> {
    let at = r.listed_at.as_ref()?;
    let parent = at.parent()?;
    let siblings: BTreeMap<&Designation, &Unit> = out
        .units
        .iter()
        .filter_map(|u| Some((u.listed_at.as_ref()?, u)))
        .filter(|(d, _)| d.parent().as_ref() == Some(&parent) && d.level() == at.level() && *d != at)
        .collect();
    let before = siblings.range::<&Designation, _>(..at).next_back().map(|(_, u)| *u);
    let after = siblings.range::<&Designation, _>(at..).next().map(|(_, u)| *u);
    before.or(after).and_then(|u| u.parent.clone())
}

/// Units the text no longer lists (their listing repealed or gone) and
/// their sub-units, but those the text still lists.
fn remove_repealed_units(out: &mut Document, applied: &Regulamin, taken: &HashSet<UnitId>) {
    let gone = |u: &Unit| {
        !taken.contains(&u.id)
            && u.listed_at.as_ref().is_some_and(|d| applied.find(d).is_none_or(|p| p.state == PieceState::Repealed))
    };
    let mut removed: HashSet<UnitId> = out.units.iter().filter(|u| gone(u)).map(|u| u.id.clone()).collect();
    // Sub-units go with their unit (units are in pre-order, parents first).
    for unit in &out.units {
        if unit.parent.as_ref().is_some_and(|p| removed.contains(p)) && !taken.contains(&unit.id) {
            removed.insert(unit.id.clone());
        }
    }
    out.units.retain(|u| !removed.contains(&u.id));
    out.relations.retain(|r| !removed.contains(&r.from) && !removed.contains(&r.to));
}

/// Writes the wording of every piece that still reads otherwise where the
/// derived text takes it from, and drops what the applied text no longer has.
fn reword(out: &mut Document, applied: &Regulamin) {
    let derived = super::derive(out);
    // By designation at once: a search per piece would be quadratic in the §.
    let have_at: BTreeMap<Designation, &Piece> = derived.pieces().into_iter().collect();
    let applied_at: BTreeMap<Designation, &Piece> = applied.pieces().into_iter().collect();
    for (d, piece) in &applied_at {
        let (d, piece) = (d.clone(), *piece);
        let have = have_at.get(&d).copied();
        if have.is_some_and(|p| p.state == piece.state && p.text == piece.text) {
            continue;
        }
        let written = match have.map(|p| &p.source) {
            Some(Source::Point(unit, path)) => point(out, unit, path, piece),
            Some(Source::Tasks(unit)) if piece.state == PieceState::Text => intro(out, unit, piece),
            Some(_) => false,
            None => new_point(out, &have_at, &d, piece),
        };
        if !written {
            set_piece(out, &d, piece);
        }
    }
    for (d, piece) in have_at {
        if applied_at.contains_key(&d) {
            continue;
        }
        match &piece.source {
            Source::Tasks(unit) => {
                if let Some(u) = out.units.iter_mut().find(|u| &u.id == unit) {
                    u.tasks_at = None;
                    u.tasks = Default::default();
                }
            }
            Source::Point(unit, path) => {
                if let Some((list, index)) =
                    out.units.iter_mut().find(|u| &u.id == unit).and_then(|u| u.tasks.siblings_mut(path))
                {
                    list.remove(index);
                }
            }
            _ => {}
        }
        out.provisions.retain(|p| p.at != d);
        out.retired.retain(|r| r != &d);
    }
}

/// A task point takes the piece's state and wording.
fn point(out: &mut Document, unit: &UnitId, path: &[String], piece: &Piece) -> bool {
    let Some(point) = out.units.iter_mut().find(|u| &u.id == unit).and_then(|u| point_mut(&mut u.tasks.points, path))
    else {
        return false;
    };
    match piece.state {
        PieceState::Repealed => *point = TaskPoint::repealed(point.label.clone()),
        state => {
            point.state = state;
            point.text = if state.is_text() { piece.text.clone() } else { String::new() };
        }
    }
    true
}

/// A piece new in a unit's task list (pkt 14-18 added to § 21 ust. 4): a
/// point of that list, or a letter of its point.
fn new_point(out: &mut Document, derived: &BTreeMap<Designation, &Piece>, d: &Designation, piece: &Piece) -> bool {
    let Some(parent) = d.parent() else { return false };
    let Some(above) = derived.get(&parent) else { return false };
    if parent.enumeration_level() != Some(d.level()) {
        return false;
    }
    let (unit, path) = match &above.source {
        Source::Tasks(unit) => (unit, &[][..]),
        Source::Point(unit, path) => (unit, &path[..]),
        _ => return false,
    };
    let Some(list) = out.units.iter_mut().find(|u| &u.id == unit).and_then(|u| u.tasks.children_mut(path)) else {
        return false;
    };
    let point = match piece.state {
        PieceState::Text => TaskPoint::new(piece.label.clone(), piece.text.clone()),
        PieceState::Unknown => TaskPoint::unknown(piece.label.clone()),
        PieceState::Repealed => TaskPoint::repealed(piece.label.clone()),
    };
    let at = list.partition_point(|p| compare_labels(&p.label, &point.label).is_lt());
    list.insert(at, point);
    true
}

/// A unit's intro takes the piece's wording (with the ending it stores).
fn intro(out: &mut Document, unit: &UnitId, piece: &Piece) -> bool {
    let Some(unit) = out.units.iter_mut().find(|u| &u.id == unit) else { return false };
    let ending = if piece.children.is_empty() { "." } else { ":" };
    unit.tasks.intro = format!("{}{ending}", piece.text);
    unit.tasks.intro_unknown = false;
    true
}

/// The piece as a provision or a placeholder of its own.
fn set_piece(out: &mut Document, d: &Designation, piece: &Piece) {
    out.provisions.retain(|p| &p.at != d);
    out.retired.retain(|r| r != d);
    match piece.state {
        PieceState::Repealed => out.retired.push(d.clone()),
        PieceState::Unknown => out.provisions.push(Provision::unknown(d.clone())),
        PieceState::Text => out.provisions.push(Provision::new(d.clone(), piece.text.clone())),
    }
}

fn point_mut<'a>(points: &'a mut [TaskPoint], path: &[String]) -> Option<&'a mut TaskPoint> {
    let (first, rest) = path.split_first()?;
    let point = points.iter_mut().find(|p| &p.label == first)?;
    if rest.is_empty() { Some(point) } else { point_mut(&mut point.sub, rest) }
}

/// Units in pre-order with siblings in the order of their listings (a unit
/// added at lit. b comes before the one now at lit. c), others after them as they were.
fn order_units(out: &mut Document) {
    let mut children: HashMap<Option<UnitId>, Vec<Unit>> = HashMap::new();
    for unit in std::mem::take(&mut out.units) {
        children.entry(unit.parent.clone()).or_default().push(unit);
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| match (&a.listed_at, &b.listed_at) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    fn visit(parent: Option<UnitId>, children: &mut HashMap<Option<UnitId>, Vec<Unit>>, out: &mut Vec<Unit>) {
        for unit in children.remove(&parent).unwrap_or_default() {
            let id = unit.id.clone();
            out.push(unit);
            visit(Some(id), children, out);
        }
    }
    let mut units = Vec::new();
    visit(None, &mut children, &mut units);
    // Units whose superior is missing stay, last, for check_structure to report.
    units.extend(children.into_values().flatten());
    out.units = units;
}

/// `base` or `base-2`, `base-3` … not yet used in `doc`.
fn fresh(doc: &Document, base: &UnitId) -> UnitId {
    let taken = |id: &str| doc.units.iter().any(|u| u.id.as_str() == id);
    if !taken(base.as_str()) {
        return base.clone();
    }
    (2..).map(|n| UnitId(format!("{base}-{n}"))).find(|id| !taken(id.as_str())).unwrap_or_else(|| base.clone())
}
