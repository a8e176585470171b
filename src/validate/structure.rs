//! Checks of the hierarchy and of each unit on its own: ids, parents, one
//! root, no cycle, no units under positions, names, kierownicy, tasks present,
//! staffing against the kind.

use std::collections::HashSet;

use super::{Code, Finding, Lookup, text};
use crate::model::{Document, OrgGraph, UnitId, UnitKind};

/// Files with these problems do not load (`Document::check_structure`);
/// documents built in memory may have them.
pub(super) fn check_hierarchy(lookup: &Lookup, out: &mut Vec<Finding>) {
    let doc = lookup.doc;
    let mut seen: HashSet<&UnitId> = HashSet::new();
    let mut has_root = false;
    for unit in &doc.units {
        if !seen.insert(&unit.id) {
            out.push(Finding::new(Code::DuplicateId, Some(&unit.id), |l| text::duplicate_id(l, unit.id.as_str())));
        }
        match &unit.parent {
            None if has_root => out.push(Finding::new(Code::TwoRoots, Some(&unit.id), text::two_roots)),
            None => has_root = true,
            Some(parent) => match lookup.unit(parent) {
                None => out.push(Finding::new(Code::MissingParent, Some(&unit.id), |l| {
                    text::missing_parent(l, parent.as_str())
                })),
                Some(p) if p.kind.is_position() => {
                    out.push(Finding::new(Code::UnderPosition, Some(&unit.id), |l| text::under_position(l, &p.label())))
                }
                Some(_) => {}
            },
        }
    }
    for cycle in OrgGraph::build(doc).hierarchy_cycles() {
        for i in cycle {
            out.push(Finding::new(Code::HierarchyCycle, Some(&doc.units[i].id), text::hierarchy_cycle));
        }
    }
}

/// Names, where a kierownik referatu sits, whether a referat has one, and
/// whether a unit that should have tasks has any.
pub(super) fn check_names_and_kinds(lookup: &Lookup, out: &mut Vec<Finding>) {
    for unit in &lookup.doc.units {
        if unit.name.trim().is_empty() {
            out.push(Finding::new(Code::EmptyName, Some(&unit.id), text::empty_name));
        }
        match unit.kind {
            UnitKind::Referat if !lookup.children(&unit.id).iter().any(|c| c.kind == UnitKind::KierownikReferatu) => {
                out.push(Finding::new(Code::ReferatWithoutKierownik, Some(&unit.id), text::referat_without_kierownik));
            }
            UnitKind::KierownikReferatu if lookup.parent(unit).is_none_or(|p| p.kind != UnitKind::Referat) => {
                out.push(Finding::new(Code::KierownikOutsideReferat, Some(&unit.id), text::kierownik_outside_referat));
            }
            _ => {}
        }
        // The Regulamin gives tasks to everything but the department and its divisions.
        if !unit.kind.is_division() && unit.tasks.is_empty() && unit.tasks_at.is_none() {
            out.push(Finding::new(Code::MissingTasks, Some(&unit.id), text::missing_tasks));
        }
    }
}

/// A kierownik referatu is one person: staffing above 1 etat is reported like
/// an overstaffed single position (`single-person-overstaffed`).
pub(super) fn check_kierownik_staffing(doc: &Document, out: &mut Vec<Finding>) {
    for unit in doc.units.iter().filter(|u| u.kind == UnitKind::KierownikReferatu) {
        if let Some(staffing) = unit.staffing.filter(|s| s.is_finite() && *s > 1.0) {
            out.push(Finding::new(Code::SinglePersonOverstaffed, Some(&unit.id), |l| {
                text::kierownik_overstaffed(l, staffing)
            }));
        }
    }
}

/// Staffing (etaty) against the kind: positive, more than 1 for a multi-person
/// position, at most 1 for a single one.
pub(super) fn check_staffing(doc: &Document, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        let Some(staffing) = unit.staffing else { continue };
        if !(staffing.is_finite() && staffing > 0.0) {
            out.push(Finding::new(Code::InvalidStaffing, Some(&unit.id), |l| text::invalid_staffing(l, staffing)));
        } else if unit.kind.is_multi_person() && staffing <= 1.0 {
            out.push(Finding::new(Code::MultiPersonUnderstaffed, Some(&unit.id), |l| {
                text::multi_person_understaffed(l, staffing)
            }));
        } else if unit.kind == UnitKind::StanowiskoPracy && staffing > 1.0 {
            out.push(Finding::new(Code::SinglePersonOverstaffed, Some(&unit.id), |l| {
                text::single_person_overstaffed(l, staffing)
            }));
        }
    }
}
