//! Checks of the legal designations: each unit's tasks have their own place,
//! listings are unique, and nothing reuses a repealed designation (N2 of the
//! amendment spec: § 22 stays "(uchylony)" for ever).

use std::collections::BTreeMap;

use super::{Code, Finding, text};
use crate::model::{Designation, Document, Unit, UnitKind};

/// Designations: task places are unique, listings are unique (except that a
/// supervisor's ustęp lists the referat it supervises), nothing reuses a
/// repealed designation.
pub(super) fn check_designations(doc: &Document, out: &mut Vec<Finding>) {
    let mut tasks_at: BTreeMap<&Designation, &Unit> = BTreeMap::new();
    let mut listed_at: BTreeMap<&Designation, &Unit> = BTreeMap::new();
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
            if let Some(retired) = doc.retired.iter().find(|r| d.is_within(r)) {
                out.push(Finding::new(Code::RetiredDesignation, Some(&unit.id), |l| {
                    text::retired_designation(l, &d.to_string(), &retired.to_string())
                }));
            }
        }
    }
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
fn has_task_content(unit: &Unit) -> bool {
    let tasks = &unit.tasks;
    let intro = tasks.intro.trim();
    !tasks.points.is_empty() || tasks.shared_ref.is_some() || (!intro.is_empty() && !intro.ends_with(':'))
}
