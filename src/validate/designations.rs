//! Checks of the legal designations: each unit's tasks have their own place,
//! listings are unique, and nothing reuses a repealed designation (N2 of the
//! amendment spec: § 22 stays "(uchylony)" for ever).

use std::collections::{BTreeMap, HashSet};

use super::{Code, Finding, text};
use crate::model::{Designation, Document, Unit, UnitKind};

/// Designations: task places are unique, listings are unique (except that a
/// supervisor's ustęp lists the referat it supervises), nothing reuses a
/// repealed designation.
pub(super) fn check_designations(doc: &Document, out: &mut Vec<Finding>) {
    let mut tasks_at: BTreeMap<&Designation, &Unit> = BTreeMap::new();
    let mut listed_at: BTreeMap<&Designation, &Unit> = BTreeMap::new();
    let retired: HashSet<&Designation> = doc.retired.iter().collect();
    for unit in &doc.units {
        if let Some(d) = &unit.tasks_at {
            match tasks_at.get(d) {
                Some(first) => push_duplicate_designation(out, unit, d, first),
                None => {
                    tasks_at.insert(d, unit);
                }
            }
            if !has_task_content(unit) {
                out.push(Finding::new(Code::EmptyTasks, Some(&unit.id), |l| text::empty_tasks(l, &d.to_string())));
            }
        }
        if let Some(d) = &unit.listed_at {
            match listed_at.get(d) {
                Some(first) if !is_supervisor(first.kind) && !is_supervisor(unit.kind) => {
                    push_duplicate_designation(out, unit, d, first)
                }
                Some(_) => {}
                None => {
                    listed_at.insert(d, unit);
                }
            }
        }
        for d in unit.listed_at.iter().chain(&unit.tasks_at) {
            if let Some(retired) = retired_container(&retired, d) {
                out.push(Finding::new(Code::RetiredDesignation, Some(&unit.id), |l| {
                    text::retired_designation(l, &d.to_string(), &retired.to_string())
                }));
            }
        }
    }
}

/// The outermost retired designation that `d` is or lies within. Looks up
/// each of `d`'s few levels in a set rather than testing every retired
/// designation against every unit (a file may retire thousands).
fn retired_container(retired: &HashSet<&Designation>, d: &Designation) -> Option<Designation> {
    let mut levels = vec![d.clone()];
    while let Some(up) = levels.last().and_then(Designation::parent) {
        levels.push(up);
    }
    levels.into_iter().rev().find(|level| retired.contains(level))
}

/// Directors and deputies: the ustęp that lists them also lists what they supervise.
fn is_supervisor(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Dyrektor | UnitKind::ZastepcaDyrektora)
}

fn push_duplicate_designation(out: &mut Vec<Finding>, unit: &Unit, d: &Designation, first: &Unit) {
    out.push(Finding::new(Code::DuplicateDesignation, Some(&unit.id), |l| {
        text::duplicate_designation(l, &d.to_string(), &first.label())
    }));
}

/// A task list says something when it has points, refers to shared tasks, or
/// its intro is a statement of its own ("Komórki organizacyjne Departamentu
/// realizują zadania wspólne określone w …."); an intro that ends with ":"
/// announces points that are missing.
/// A task paragraph whose wording is not known (an unknown intro) is not
/// empty: it holds tasks this file does not quote.
fn has_task_content(unit: &Unit) -> bool {
    let tasks = &unit.tasks;
    let intro = tasks.intro.trim();
    !tasks.points.is_empty()
        || tasks.shared_ref.is_some()
        || tasks.intro_unknown
        || (!intro.is_empty() && !intro.ends_with(':'))
}

/// The legal numbering of pieces: points and provisions never reuse a repealed
/// label, every list of points is labelled as N3-N6 number it, a draft keeps
/// every designation in force (as a piece or repealed), and a unit's listing
/// sits under its superior's.
pub(super) fn check_numbering(doc: &Document, out: &mut Vec<Finding>) {
    let retired: HashSet<&Designation> = doc.retired.iter().collect();
    for unit in &doc.units {
        // A task paragraph inside a repealed one is reported for the unit (above), not again per point.
        if let Some(at) = unit.tasks_at.as_ref().filter(|at| retired_container(&retired, at).is_none()) {
            check_points(unit, at, &unit.tasks.points, &mut Vec::new(), &retired, out);
        }
    }
    for provision in &doc.provisions {
        if let Some(outer) = retired_container(&retired, &provision.at) {
            let at = provision.at.to_string();
            out.push(Finding::new(Code::RetiredDesignation, None, |l| {
                text::retired_designation(l, &at, &outer.to_string())
            }));
        }
    }
    if let Some(in_force) = &doc.in_force {
        let present = doc.piece_designations();
        let repealed = doc.repealed_designations();
        let lost: Vec<&Designation> = in_force
            .iter()
            .filter(|d| !(present.contains(*d) || repealed.contains(*d) || retired_container(&retired, d).is_some()))
            .collect();
        // The outermost lost piece is the finding (§ 14 ust. 3 takes its points along).
        for d in lost.iter().filter(|d| !lost.iter().any(|outer| outer != *d && d.is_within(outer))) {
            out.push(Finding::new(Code::InForceLost, None, |l| text::in_force_lost(l, &d.to_string())));
        }
    }
    for unit in &doc.units {
        let (Some(listed), Some(parent)) = (&unit.listed_at, unit.parent.as_ref().and_then(|p| doc.unit(p))) else {
            continue;
        };
        // The superior's listing, or the nearest one above it (a director listed
        // at § 3 ust. 1 lists the referaty of his ust.; a deputy's ust. sits in the division's §).
        let Some(superior) =
            std::iter::once(parent).chain(doc.ancestors(&parent.id)).find_map(|u| u.listed_at.as_ref())
        else {
            continue;
        };
        let within = listed.is_within(superior)
            || (matches!(unit.kind, UnitKind::Dyrektor | UnitKind::ZastepcaDyrektora)
                && listed.paragraph_label() == superior.paragraph_label());
        if !within {
            out.push(Finding::new(Code::ListingMisplaced, Some(&unit.id), |l| {
                text::listing_misplaced(l, &listed.to_string(), &superior.to_string())
            }));
        }
    }
}

/// One list of points under `at` (and their letters, recursively).
fn check_points(
    unit: &Unit,
    at: &Designation,
    points: &[crate::model::TaskPoint],
    path: &mut Vec<String>,
    retired: &HashSet<&Designation>,
    out: &mut Vec<Finding>,
) {
    let Some(list) = at.point(path) else { return };
    let Some(level) = list.enumeration_level() else { return };
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    if let Some(i) = crate::model::first_gap(level.label_kind(), &labels) {
        let here = list.child(level, labels[i]).map(|d| d.to_string()).unwrap_or_else(|_| labels[i].to_owned());
        let previous = i.checked_sub(1).map(|p| labels[p]);
        out.push(Finding::new(Code::LabelSequence, Some(&unit.id), |l| text::label_sequence(l, &here, previous)));
    }
    for point in points {
        path.push(point.label.clone());
        if !point.state.is_repealed()
            && let Some(d) = at.point(path)
            && let Some(outer) = retired_container(retired, &d)
        {
            out.push(Finding::new(Code::RetiredDesignation, Some(&unit.id), |l| {
                text::retired_designation(l, &d.to_string(), &outer.to_string())
            }));
        }
        check_points(unit, at, &point.sub, path, retired, out);
        path.pop();
    }
}
