//! Random draft edits for the property tests of the draft model and of the
//! amendment generator: each [`Op`] picks its unit, point and place by
//! indices into the document as it is then, and [`draft_edit`] turns it into
//! the `model::draft` edit the editor would make (or `None` when the model
//! refuses it: refusals are part of the contract too). Each test chooses the
//! operations it draws with its own strategy.
#![allow(dead_code)]

use schemat::model::draft;
use schemat::model::{Document, Edit, Unit, UnitId, UnitKind};

/// One random draft edit, by indices into the document as it is then.
#[derive(Debug, Clone)]
pub enum Op {
    AddPoint {
        unit: usize,
        after: usize,
    },
    RemovePoint {
        unit: usize,
        point: usize,
    },
    /// A new wording: replaced whole (0), one word substituted (1), words added at the end (2) or deleted (3).
    Reword {
        unit: usize,
        point: usize,
        variant: u8,
    },
    RemoveUnit(usize),
    AddUnit {
        parent: usize,
        index: usize,
        kind: usize,
    },
    MoveUnit {
        unit: usize,
        parent: usize,
        index: usize,
    },
    /// Move a point up or down, or turn it into a letter (pkt → lit.) or back.
    ShiftPoint {
        unit: usize,
        point: usize,
        how: u8,
    },
}

/// The edit of `op` on `doc`, when it applies there; `serial` makes new ids and wordings unique.
pub fn draft_edit(doc: &Document, op: &Op, serial: usize) -> Option<Edit> {
    let n = doc.units.len();
    let pick = |i: usize| &doc.units[i % n];
    match op {
        Op::AddPoint { unit, after } => {
            let u = pick(*unit);
            let points = &u.tasks.points;
            let after = (!points.is_empty()).then(|| points[after % points.len()].label.clone());
            draft::add_point(doc, &u.id, &[], after.as_deref(), &format!("zadania nowego nr {serial}"))
                .ok()
                .map(|(e, _)| e)
        }
        Op::RemovePoint { unit, point } => {
            let u = pick(*unit);
            let p = u.tasks.points.get(point % u.tasks.points.len().max(1))?;
            draft::remove_point(doc, &u.id, std::slice::from_ref(&p.label)).ok().map(|(e, _)| e)
        }
        Op::Reword { unit, point, variant } => {
            let u = pick(*unit);
            let p = u.tasks.points.get(point % u.tasks.points.len().max(1))?;
            let text = match variant {
                0 => format!("zadania zmienionego nr {serial}"),
                // A one-word substitution inside the old wording (a K6/K2 candidate).
                1 if !p.text.is_empty() => p.text.replacen("zadania", "spraw", 1),
                // Words added at the end (K8 or K2).
                2 if !p.text.is_empty() => format!("{} oraz innych nr {serial}", p.text),
                // Words deleted (K7 or K2).
                _ => p.text.split_whitespace().skip(1).collect::<Vec<_>>().join(" "),
            };
            draft::set_point_text(doc, &u.id, std::slice::from_ref(&p.label), &text).ok()
        }
        Op::RemoveUnit(i) => draft::remove_unit(doc, &pick(*i).id).ok().map(|(e, _)| e),
        Op::AddUnit { parent, index, kind } => {
            let parent = pick(*parent);
            let count = doc.children(Some(&parent.id)).count();
            let kind = UnitKind::ALL[kind % UnitKind::ALL.len()];
            let new = Unit::new(UnitId::new(format!("p{serial}")), Some(parent.id.clone()), kind, "nowa komórka", "");
            draft::add_unit(doc, new, index % (count + 1)).ok()
        }
        Op::MoveUnit { unit, parent, index } => {
            let parent = pick(*parent);
            let count = doc.children(Some(&parent.id)).count();
            draft::move_unit(doc, &pick(*unit).id, &parent.id, index % (count + 1)).ok()
        }
        Op::ShiftPoint { unit, point, how } => {
            let u = pick(*unit);
            let points = &u.tasks.points;
            let p = points.get(point % points.len().max(1))?;
            // Letters are reached through the first letter of the chosen point.
            let path = match (how, p.sub.first()) {
                (3, Some(letter)) => vec![p.label.clone(), letter.label.clone()],
                _ => vec![p.label.clone()],
            };
            let result = match how {
                0 => draft::move_point(doc, &u.id, &path, false),
                1 => draft::move_point(doc, &u.id, &path, true),
                2 => draft::indent_point(doc, &u.id, &path),
                _ => draft::outdent_point(doc, &u.id, &path),
            };
            result.ok().map(|(e, _)| e)
        }
    }
}
