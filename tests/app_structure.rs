//! Editing the hierarchy through the real editor: add, rename, move, delete,
//! each undone and redone.

mod common;

use common::{department, harness, id, names_under};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;
use schemat::model::UnitKind;

fn symbols_under(app: &SchematApp, parent: &str) -> Vec<String> {
    let parent = id(parent);
    app.doc.children(Some(&parent)).map(|u| u.symbol.clone()).collect()
}

fn add_child_via_menu(h: &mut egui_kittest::Harness<'static, SchematApp>, kind: &str) {
    h.get_by_label("Edycja").click();
    h.run();
    h.get_by_label("Dodaj jednostkę podrzędną").click();
    h.run();
    h.get_by_label(kind).click();
    h.run();
}

#[test]
fn add_referat_and_two_positions_rename_undo_redo() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Wydział Informatyki (IT)").click();
    h.run();
    assert_eq!(h.state().view.selected, Some(id("it")));

    add_child_via_menu(&mut h, "Referat");
    let referat = h.state().view.selected.clone().expect("the new referat is selected");
    assert_eq!(h.state().doc.unit(&referat).map(|u| u.kind), Some(UnitKind::Referat));
    assert_eq!(names_under(h.state(), "it"), vec!["referat ds. bezpieczeństwa", "nowy referat"]);

    add_child_via_menu(&mut h, "Stanowisko pracy");
    h.get_by_label("nowy referat").click();
    h.run();
    add_child_via_menu(&mut h, "Stanowisko pracy");
    assert_eq!(
        names_under(h.state(), referat.as_str()),
        vec!["kierownik referatu", "nowe stanowisko pracy", "nowe stanowisko pracy"],
        "a new referat comes with its kierownik"
    );
    let after_adds = h.state().doc.clone();

    // F2 renames the selected (second) position inline.
    h.key_press(Key::F2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Nazwa:").type_text("stanowisko pracy ds. serwisu");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        names_under(h.state(), referat.as_str()),
        vec!["kierownik referatu", "nowe stanowisko pracy", "stanowisko pracy ds. serwisu"]
    );
    let after_rename = h.state().doc.clone();

    // Undo each of the four steps, then redo them all.
    let mut counts = Vec::new();
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        counts.push(h.state().doc.units.len());
    }
    assert_eq!(counts, vec![9, 8, 7, 5], "rename, then each add undone (the referat with its kierownik in one)");
    assert_eq!(h.state().doc, department());
    assert!(!h.state().is_dirty());
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().doc, after_adds);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().doc, after_rename);
    assert!(h.state().is_dirty());
}

#[test]
fn move_down_then_up_is_two_undo_steps() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Wydział Informatyki (IT)").click();
    h.run();
    h.get_by_label("Edycja").click();
    h.run();
    h.get_by_label_contains("Przenieś w dół").click();
    h.run();
    assert_eq!(symbols_under(h.state(), "doa"), vec!["OM", "IT"]);
    // Alt+Up is the same command.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(symbols_under(h.state(), "doa"), vec!["IT", "OM"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(symbols_under(h.state(), "doa"), vec!["OM", "IT"]);
}

#[test]
fn dragging_a_position_onto_another_referat_moves_it_and_refuses_invalid_drops() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    let position = h.get_by_label("stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I)").rect().center();
    let office = h.get_by_label("Biuro Obsługi Mieszkańców (OM)").rect().center();
    h.drag_at(position);
    h.run();
    h.hover_at(position + egui::vec2(0.0, 40.0));
    h.run();
    h.drop_at(office);
    h.run();
    let moved = h.state().doc.unit(&id("it-tb-i")).and_then(|u| u.parent.clone());
    assert_eq!(moved, Some(id("om")), "dropped in the middle of the row: becomes its sub-unit");
    assert_eq!(h.state().history.undo_len(), 1, "one undo step for the whole drag");

    // Dropping the wydział into its own referat is refused with a message.
    let before = h.state().doc.clone();
    let wydzial = h.get_by_label("Wydział Informatyki (IT)").rect().center();
    let referat = h.get_by_label("referat ds. bezpieczeństwa (IT-TB)").rect().center();
    h.drag_at(wydzial);
    h.run();
    h.hover_at(wydzial + egui::vec2(0.0, 40.0));
    h.run();
    h.drop_at(referat);
    h.run();
    assert_eq!(h.state().doc, before);
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.contains("nie można przenieść"), "{status}");
}

#[test]
fn delete_asks_first_when_the_unit_has_sub_units() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("referat ds. bezpieczeństwa (IT-TB)").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(h.query_by_label("Usunąć jednostkę?").is_some(), "the confirmation is shown");
    h.get_by_label("Anuluj").click();
    h.run();
    assert_eq!(h.state().doc, department());

    h.key_press(Key::Delete);
    h.run();
    h.get_by_label("Usuń").click();
    h.run();
    assert!(h.state().doc.unit(&id("it-tb")).is_none());
    assert!(h.state().doc.unit(&id("it-tb-i")).is_none());
    assert_eq!(h.state().view.selected, Some(id("it")), "the parent is selected next");

    // A unit without sub-units or tasks goes at once.
    h.get_by_label("Biuro Obsługi Mieszkańców (OM)").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().doc.unit(&id("om")).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc, department());
}

#[test]
fn search_selects_the_match_and_jumps_between_matches() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Szukaj").type_text("bezpiecze");
    h.run();
    assert_eq!(h.state().view.selected, Some(id("it-tb")));
    assert!(h.query_by_label("1 z 2").is_some());
    h.get_by_label("Następne").click();
    h.run();
    assert_eq!(h.state().view.selected, Some(id("it-tb-i")));
    h.get_by_label("Szukaj").click();
    h.run();
    h.get_by_label("Szukaj").type_text("xyz");
    h.run();
    assert!(h.query_by_label("Brak trafień").is_some());
}

/// Regression (issue 12): a click on a tree row scrolled the tree to centre
/// that row, so the second click of a double click renamed another unit.
#[test]
fn a_click_in_the_tree_does_not_scroll_it() {
    let doc =
        schemat::io::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/doa-2022.ron")).unwrap();
    let mut h = harness(SchematApp::new(doc, None));
    h.run();
    // A row low in the visible part of the tree: centring it would scroll.
    let label = "referat (§ 22e)";
    let before = h.get_by_label(label).rect();
    h.get_by_label(label).click();
    h.run();
    h.run();
    assert_eq!(h.get_by_label(label).rect(), before, "the clicked row stays under the pointer");
    let selected = h.state().view.selected.clone().unwrap();
    assert_eq!(h.state().doc.unit(&selected).unwrap().name, "referat (§ 22e)");
    // Selecting from elsewhere (the chart, a search hit) still brings the row into view.
    h.state_mut().push(schemat::app::Action::Select(id("om")));
    h.run_steps(12);
    assert!(h.query_by_label("Biuro Obsługi Mieszkańców (OM)").is_some());
}
