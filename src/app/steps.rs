//! Undo steps as a clerk reads them: the Edycja menu names the step an undo
//! or redo would take back or make again ("Cofnij: zmiana nazwy IT-SS"), and
//! after it the unit the step changed is selected.

use crate::i18n::app::AppText;
use crate::model::{Document, Edit, UnitField, UnitId};

/// The words for one step: what it did and to which unit (its symbol, or its
/// name when it has none), looked up in `doc` or in the step itself (a unit
/// an undo would bring back is not in the document).
pub fn describe(t: &AppText, doc: &Document, made: &Edit, inverse: &Edit) -> String {
    let name = |id: &UnitId| unit_name(doc, id, made, inverse);
    match made {
        Edit::InsertSubtree { units, .. } => t.step_added(
            &units
                .first()
                .map(|u| if u.symbol.is_empty() { u.name.clone() } else { u.symbol.clone() })
                .unwrap_or_default(),
        ),
        Edit::RemoveSubtree { id } => t.step_removed(&name(id)),
        Edit::Move { id, .. } => t.step_moved(&name(id)),
        Edit::SetField { id, field } => t.step_field(field_kind(field), &name(id)),
        Edit::InsertRelation { .. } | Edit::RemoveRelation { .. } => t.step_relation.to_owned(),
        Edit::SetMeta(_)
        | Edit::SetChart(_)
        | Edit::SetChapters(_)
        | Edit::SetRetired(_)
        | Edit::SetProvisions(_)
        | Edit::SetInForce(_) => t.step_document.to_owned(),
        Edit::Batch(edits) => {
            let all_tasks = edits.iter().all(|e| matches!(e, Edit::SetField { field: UnitField::Tasks(_), .. }));
            if all_tasks { t.step_replace(edits.len()) } else { t.step_many(edits.len()) }
        }
    }
}

/// Which field a `SetField` changes, for [`AppText::step_field`].
fn field_kind(field: &UnitField) -> usize {
    match field {
        UnitField::Name(_) => 0,
        UnitField::Symbol(_) => 1,
        UnitField::Kind(_) => 2,
        UnitField::Staffing(_) => 3,
        UnitField::Note(_) => 4,
        UnitField::ListedAt(_) | UnitField::TasksAt(_) => 5,
        UnitField::Tasks(_) => 6,
    }
}

fn unit_name(doc: &Document, id: &UnitId, made: &Edit, inverse: &Edit) -> String {
    let shown = |u: &crate::model::Unit| if u.symbol.is_empty() { u.name.clone() } else { u.symbol.clone() };
    if let Some(unit) = doc.unit(id) {
        return shown(unit);
    }
    [made, inverse]
        .into_iter()
        .find_map(|e| match e {
            Edit::InsertSubtree { units, .. } => units.iter().find(|u| &u.id == id).map(shown),
            _ => None,
        })
        .unwrap_or_else(|| id.as_str().to_owned())
}

/// The unit to select once `made` has been undone (`undone`) or redone: the
/// unit it changed, or, when that is gone, the unit it hung under.
pub fn unit_to_select(doc: &Document, made: &Edit, inverse: &Edit) -> Option<UnitId> {
    let (id, parent) = match made {
        Edit::InsertSubtree { units, .. } => {
            (units.first().map(|u| u.id.clone()), units.first().and_then(|u| u.parent.clone()))
        }
        Edit::RemoveSubtree { id } | Edit::Move { id, .. } | Edit::SetField { id, .. } => {
            let parent = match inverse {
                Edit::InsertSubtree { units, .. } => units.first().and_then(|u| u.parent.clone()),
                _ => None,
            };
            (Some(id.clone()), parent)
        }
        Edit::Batch(edits) => {
            let first = edits.iter().find_map(|e| match e {
                Edit::SetField { id, .. } | Edit::Move { id, .. } | Edit::RemoveSubtree { id } => Some(id.clone()),
                _ => None,
            });
            (first, None)
        }
        _ => (None, None),
    };
    id.filter(|id| doc.unit(id).is_some()).or(parent.filter(|p| doc.unit(p).is_some()))
}
