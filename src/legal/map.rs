//! Mapping an applied text back onto the document's units, so that
//! `schemat apply OLD ORDINANCE -o NEW.ron` gives a document: a changed or
//! repealed task point goes to its unit's task list, a changed lead sentence
//! to its unit's intro, a provision to its provision. What needs new units or
//! changes a unit's listing (the text the model generates from the unit) is
//! reported as not mappable: the clerk makes those edits in the editor.

use super::amend::same_law;
use super::tree::{Regulamin, Source};
use crate::model::{Designation, Document, PieceState, TaskPoint};

/// Why an applied text cannot be written back into the document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not mappable onto the document's units: {}", .0.join("; "))]
pub struct NotMappable(pub Vec<String>);

/// The document whose Regulamin reads as `applied`, from `doc` (whose text is `old`).
pub fn map_back(doc: &Document, old: &Regulamin, applied: &Regulamin) -> Result<Document, NotMappable> {
    let mut out = doc.clone();
    let mut problems = Vec::new();
    for (d, piece) in applied.pieces() {
        let Some(before) = old.find(&d) else {
            problems.push(format!("{d} is new (it needs a new unit, point or provision)"));
            continue;
        };
        if before.state == piece.state && before.text == piece.text {
            continue;
        }
        let repeal = piece.state == PieceState::Repealed;
        let done = match &before.source {
            Source::Point(unit, path) => out.units.iter_mut().find(|u| &u.id == unit).and_then(|u| {
                let point = point_mut(&mut u.tasks.points, path)?;
                if repeal {
                    *point = TaskPoint::repealed(point.label.clone());
                } else {
                    point.state = PieceState::Text;
                    point.text = piece.text.clone();
                }
                Some(())
            }),
            Source::Tasks(unit) if !repeal => out.units.iter_mut().find(|u| &u.id == unit).map(|u| {
                u.tasks.intro = piece.text.clone();
                u.tasks.intro_unknown = false;
            }),
            Source::Provision => provision(&mut out, &d, repeal, &piece.text),
            _ => None,
        };
        if done.is_none() {
            problems.push(format!("{d}: its wording comes from {:?}, which the text cannot change", before.source));
        }
    }
    if !problems.is_empty() {
        return Err(NotMappable(problems));
    }
    if !same_law(&super::derive(&out), applied) {
        return Err(NotMappable(vec![super::amend::first_difference(&super::derive(&out), applied)]));
    }
    Ok(out)
}

fn point_mut<'a>(points: &'a mut [TaskPoint], path: &[String]) -> Option<&'a mut TaskPoint> {
    let (first, rest) = path.split_first()?;
    let point = points.iter_mut().find(|p| &p.label == first)?;
    if rest.is_empty() { Some(point) } else { point_mut(&mut point.sub, rest) }
}

fn provision(doc: &mut Document, d: &Designation, repeal: bool, text: &str) -> Option<()> {
    let index = doc.provisions.iter().position(|p| &p.at == d)?;
    if repeal {
        doc.provisions.remove(index);
        doc.retired.push(d.clone());
        doc.retired.sort();
    } else {
        doc.provisions[index].text = text.to_owned();
        doc.provisions[index].unknown = false;
    }
    Some(())
}
