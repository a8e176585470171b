//! `History`: undo/redo, coalescing of typing into one step, sealing, the
//! dirty flag, and a new edit clearing the redo stack.

use schemat::model::{Document, Edit, EditError, History, Unit, UnitField, UnitId, UnitKind};

fn id(s: &str) -> UnitId {
    UnitId::new(s)
}

fn doc() -> Document {
    Document {
        units: vec![
            Unit::new(id("doa"), None, UnitKind::Departament, "Departament", ""),
            Unit::new(id("it"), Some(id("doa")), UnitKind::Wydzial, "Wydział", "IT"),
            Unit::new(id("om"), Some(id("doa")), UnitKind::Biuro, "Biuro", "OM"),
        ],
        ..Document::default()
    }
}

fn name(value: &str) -> Edit {
    Edit::SetField { id: id("it"), field: UnitField::Name(value.into()) }
}

fn symbol(value: &str) -> Edit {
    Edit::SetField { id: id("it"), field: UnitField::Symbol(value.into()) }
}

#[test]
fn undo_and_redo_walk_the_steps() {
    let mut d = doc();
    let mut h = History::new_saved();
    assert!(!h.can_undo() && !h.can_redo());
    h.apply(&mut d, name("A")).unwrap();
    h.apply(&mut d, Edit::RemoveSubtree { id: id("om") }).unwrap();
    let after = d.clone();
    assert_eq!(h.undo_len(), 2);
    assert!(h.undo(&mut d));
    assert_eq!(d.units.len(), 3);
    assert!(h.undo(&mut d));
    assert_eq!(d, doc());
    assert!(!h.undo(&mut d), "nothing left to undo");
    assert!(h.redo(&mut d) && h.redo(&mut d));
    assert_eq!(d, after);
    assert!(!h.redo(&mut d), "nothing left to redo");
}

#[test]
fn typing_in_one_field_coalesces_into_one_step() {
    let mut d = doc();
    let mut h = History::new_saved();
    for typed in ["W", "Wy", "Wyd"] {
        h.apply_coalescing(&mut d, name(typed), "name of it").unwrap();
    }
    assert_eq!(h.undo_len(), 1);
    assert_eq!(d.units[1].name, "Wyd");
    assert!(h.undo(&mut d));
    assert_eq!(d, doc(), "one undo restores the text before typing");
    assert!(h.redo(&mut d));
    assert_eq!(d.units[1].name, "Wyd");
}

#[test]
fn a_different_key_or_a_seal_starts_a_new_step() {
    let mut d = doc();
    let mut h = History::new_saved();
    h.apply_coalescing(&mut d, name("A"), "name of it").unwrap();
    h.apply_coalescing(&mut d, symbol("IT1"), "symbol of it").unwrap();
    assert_eq!(h.undo_len(), 2);
    h.apply_coalescing(&mut d, symbol("IT2"), "symbol of it").unwrap();
    assert_eq!(h.undo_len(), 2);
    h.seal();
    h.apply_coalescing(&mut d, symbol("IT3"), "symbol of it").unwrap();
    assert_eq!(h.undo_len(), 3);
    // A plain edit in between also ends the group.
    h.apply(&mut d, name("B")).unwrap();
    h.apply_coalescing(&mut d, symbol("IT4"), "symbol of it").unwrap();
    assert_eq!(h.undo_len(), 5);
    h.undo(&mut d);
    assert_eq!(d.units[1].symbol, "IT3");
    h.undo(&mut d);
    h.undo(&mut d);
    assert_eq!(d.units[1].symbol, "IT2");
}

#[test]
fn coalescing_different_edits_under_one_key_undoes_them_together() {
    let mut d = doc();
    let mut h = History::new_saved();
    h.apply_coalescing(&mut d, name("A"), "drag").unwrap();
    h.apply_coalescing(&mut d, Edit::Move { id: id("om"), parent: id("doa"), index: 0 }, "drag").unwrap();
    h.apply_coalescing(&mut d, symbol("X"), "drag").unwrap();
    assert_eq!(h.undo_len(), 1);
    let after = d.clone();
    h.undo(&mut d);
    assert_eq!(d, doc());
    h.redo(&mut d);
    assert_eq!(d, after);
}

#[test]
fn a_new_edit_clears_redo_but_a_refused_one_does_not() {
    let mut d = doc();
    let mut h = History::new_saved();
    h.apply(&mut d, name("A")).unwrap();
    h.undo(&mut d);
    assert!(h.can_redo());
    assert_eq!(h.apply(&mut d, Edit::RemoveSubtree { id: id("doa") }), Err(EditError::Root));
    assert!(h.can_redo(), "a refused edit changes nothing");
    assert_eq!(d, doc());
    h.apply(&mut d, name("B")).unwrap();
    assert!(!h.can_redo());
    assert!(!h.redo(&mut d));
    assert_eq!(d.units[1].name, "B");
}

#[test]
fn dirty_flag_follows_the_saved_state() {
    let mut d = doc();
    let mut h = History::new_saved();
    assert!(!h.is_dirty());
    assert!(History::default().is_dirty(), "a document never saved is dirty");
    h.apply(&mut d, name("A")).unwrap();
    assert!(h.is_dirty());
    h.undo(&mut d);
    assert!(!h.is_dirty(), "back at the saved state");
    h.redo(&mut d);
    h.mark_saved();
    assert!(!h.is_dirty());
    h.undo(&mut d);
    assert!(h.is_dirty(), "undo past the save");
    h.redo(&mut d);
    assert!(!h.is_dirty());
    // Typing after a save does not merge into the saved step.
    h.apply_coalescing(&mut d, name("AB"), "name of it").unwrap();
    h.mark_saved();
    h.apply_coalescing(&mut d, name("ABC"), "name of it").unwrap();
    assert!(h.is_dirty());
    h.undo(&mut d);
    assert!(!h.is_dirty());
    assert_eq!(d.units[1].name, "AB");
    // A new edit after undoing past the save: the saved state is unreachable.
    h.undo(&mut d);
    h.apply(&mut d, name("Z")).unwrap();
    assert!(h.is_dirty());
    h.undo(&mut d);
    assert!(h.is_dirty());
}
