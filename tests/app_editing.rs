//! Editing as a clerk meets it (issue 12), through the real editor: undo and
//! redo name their step in Edycja and select the unit they changed, a new
//! referat comes with its kierownik, the add menus offer only kinds valid at
//! that place, the validation panel speaks the UI's language, a new document
//! gets a fresh view, and Pomoc lists the shortcuts and a guide.

mod common;

use common::{department, harness, id};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use schemat::app::{Action, SchematApp};
use schemat::model::{Edit, UnitField, UnitKind};

#[test]
fn undo_and_redo_name_their_step_and_select_the_unit_they_changed() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    let edit = Edit::SetField { id: id("om"), field: UnitField::Name("Biuro Obsługi Klientów".into()) };
    h.state_mut().push(Action::Edit(edit));
    h.run();
    h.state_mut().push(Action::Select(id("it")));
    h.run();
    h.get_by_label("Edycja").click();
    h.run();
    h.get_by_label_contains("Cofnij: zmiana nazwy OM").click();
    h.run();
    assert_eq!(h.state().view.selected, Some(id("om")), "the undone change's unit is selected");
    assert_eq!(h.state().doc.unit(&id("om")).unwrap().name, "Biuro Obsługi Mieszkańców");
    h.state_mut().push(Action::Select(id("it")));
    h.run();
    h.get_by_label("Edycja").click();
    h.run();
    assert!(h.query_by_label_contains("Cofnij:").is_none(), "nothing left to undo: the plain item");
    h.get_by_label_contains("Ponów: zmiana nazwy OM").click();
    h.run();
    assert_eq!(h.state().view.selected, Some(id("om")));
    assert_eq!(h.state().doc.unit(&id("om")).unwrap().name, "Biuro Obsługi Klientów");
}

#[test]
fn a_new_referat_comes_with_its_kierownik_in_one_step() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.state_mut().push(Action::Select(id("it")));
    h.run();
    let steps = h.state().history.undo_len();
    h.get_by_label("Edycja").click();
    h.run();
    h.get_by_label("Dodaj jednostkę podrzędną").click();
    h.run();
    h.get_by_label("Referat").click();
    h.run();
    let doc = &h.state().doc;
    let referat = doc.unit(h.state().view.selected.as_ref().unwrap()).unwrap().clone();
    assert_eq!(referat.kind, UnitKind::Referat);
    let kids: Vec<_> = doc.children(Some(&referat.id)).collect();
    assert_eq!(kids.len(), 1);
    assert_eq!(kids[0].kind, UnitKind::KierownikReferatu);
    assert_eq!(kids[0].symbol, referat.symbol, "the kierownik carries the referat's symbol");
    assert_eq!(kids[0].name, "kierownik referatu");
    assert_eq!(h.state().history.undo_len(), steps + 1, "one step");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc, department(), "one undo takes both away");
}

/// Selects `unit` and opens Edycja → Dodaj jednostkę podrzędną.
fn open_add_menu(h: &mut Harness<'static, SchematApp>, unit: &str) {
    h.state_mut().push(Action::Select(id(unit)));
    h.run();
    h.get_by_label("Edycja").click();
    h.run();
    h.get_by_label("Dodaj jednostkę podrzędną").click();
    h.run();
}

#[test]
fn the_add_menu_offers_only_kinds_valid_under_the_unit() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    // Under a referat: its kierownik and positions, no division.
    open_add_menu(&mut h, "it-tb");
    assert!(h.query_by_label("Kierownik referatu").is_some());
    assert!(h.query_by_label("Stanowisko pracy").is_some());
    for invalid in ["Wydział", "Biuro", "Departament", "Dyrektor", "Zastępca dyrektora", "Referat"] {
        assert!(h.query_by_label(invalid).is_none(), "{invalid} is not offered under a referat");
    }
    h.get_by_label("Kierownik referatu").click();
    h.run();
    // The referat has its kierownik now: a second one is not offered.
    open_add_menu(&mut h, "it-tb");
    assert!(h.query_by_label("Kierownik referatu").is_none());
    // Under a division: its Dyrektor, no other division.
    h.key_press(Key::Escape);
    h.run();
    open_add_menu(&mut h, "it");
    assert!(h.query_by_label("Dyrektor").is_some());
    assert!(h.query_by_label("Wydział").is_none() && h.query_by_label("Biuro").is_none());
}

#[test]
fn the_validation_panel_speaks_the_ui_language_with_codes_aside() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label_contains("Problemy:").click();
    h.run();
    // The fixture's referat IT-TB has no kierownik.
    let row = h.get_by_label_contains("[referat-without-kierownik]");
    let label = format!("{:?}", row.accesskit_node().label());
    assert!(label.contains("ostrzeżenie") && label.contains("IT-TB"), "{label}");
    assert!(
        label.find("[referat-without-kierownik]") > label.find("IT-TB"),
        "the code comes after the Polish message: {label}"
    );
}

#[test]
fn a_new_document_resets_the_view() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    h.state_mut().chart.collapsed.insert(id("it"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(!h.state().chart.auto_fit);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.run();
    let state = h.state();
    assert_eq!(state.doc.units.len(), 1, "the new document");
    assert!(state.chart.auto_fit, "fitted to the window again");
    assert!(state.chart.collapsed.is_empty());
    assert!(!state.view.search.open);
    assert!(state.chart.zoom <= 1.0);
}

#[test]
fn help_lists_every_shortcut_and_a_guide() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Pomoc").click();
    h.run();
    h.get_by_label("Skróty klawiszowe i przewodnik").click();
    h.run();
    assert!(h.query_by_label("Skróty klawiszowe").is_some());
    for command in schemat::app::Command::ALL {
        if command.shortcuts().is_empty() {
            continue;
        }
        let text = command.text(schemat::i18n::app::text(schemat::i18n::Lang::Pl));
        assert!(h.query_all_by_label(text).next().is_some(), "{text} is listed");
    }
    assert!(h.query_by_label("Ctrl+H").is_some(), "with its shortcut");
    assert!(h.query_by_label("Jak pracować ze schematem").is_some(), "and the guide");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Skróty klawiszowe").is_none());
}

#[test]
fn a_kierownik_with_three_etaty_is_reported() {
    let mut doc = department();
    let mut head = schemat::model::Unit::new(
        id("it-tb-k"),
        Some(id("it-tb")),
        UnitKind::KierownikReferatu,
        "kierownik referatu",
        "IT-TB",
    );
    head.staffing = Some(1.0);
    doc.units.insert(3, head);
    let mut h = harness(SchematApp::new(doc, None));
    h.run();
    h.state_mut().push(Action::Select(id("it-tb-k")));
    h.run();
    let field = h.get_by_label("Etaty");
    field.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Etaty").type_text("3");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.unit(&id("it-tb-k")).unwrap().staffing, Some(3.0));
    h.get_by_label_contains("Problemy:").click();
    h.run();
    assert!(
        h.query_by_label_contains("kierownik referatu ma obsadę 3 etatu").is_some(),
        "the validation panel reports the kierownik's staffing"
    );
}
