//! The Regulamin view and the document properties dialog through the real
//! editor on the embedded example: the text follows the draft as it is
//! edited, a click on a piece selects its unit, provisions that belong to no
//! unit are edited in the text, and the frame metadata is edited field by
//! field, dates in either form, an invalid date refused and kept.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;
use schemat::model::{Date, Designation, Document, Provision};

fn harness(doc: Document) -> Harness<'static, SchematApp> {
    let mut h = common::harness(SchematApp::new(doc, None));
    h.run();
    h
}

fn d(text: &str) -> Designation {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn undo(h: &mut Harness<'static, SchematApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

const IT_TB_I_LISTED: &str = "b) stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I),";
const IT_TB_II_LISTED: &str = "c) wieloosobowe stanowisko pracy ds. technologii bezpieczeństwa (IT-TB-II);";

#[test]
fn the_regulamin_view_follows_the_draft_and_a_click_selects_the_unit() {
    let mut h = harness(schemat::examples::default_document());
    h.get_by_label("Regulamin").click();
    h.run();
    assert!(h.query_by_label("§ 14").is_some(), "the text has its § headings");
    assert!(h.query_by_label(IT_TB_II_LISTED).is_some());

    // A click on a piece selects its unit (the inspector follows), also where
    // the piece is the provision that lists the unit.
    h.get_by_label(IT_TB_I_LISTED).click();
    h.run();
    let selected = h.state().view.selected.clone();
    let it_tb_i = h.state().doc.units.iter().find(|u| u.symbol == "IT-TB-I").map(|u| u.id.clone());
    assert_eq!(selected, it_tb_i);

    // Repealing the unit shows at once as placeholders; IT-TB-II keeps lit. c.
    h.key_press(Key::Delete);
    h.run();
    h.get_by_label("Uchyl").click();
    h.run();
    assert!(h.query_by_label(IT_TB_I_LISTED).is_none());
    assert!(h.query_by_label("b) (uchylona),").is_some(), "lit. b stays as a placeholder");
    assert!(h.query_by_label(IT_TB_II_LISTED).is_some());

    undo(&mut h);
    assert!(h.query_by_label(IT_TB_I_LISTED).is_some());
    assert!(h.query_by_label("b) (uchylona),").is_none());

    // Back to the chart.
    h.get_by_label("Schemat").click();
    h.run();
    assert!(h.query_by_label(IT_TB_I_LISTED).is_none());
}

#[test]
fn a_unit_selected_elsewhere_is_brought_into_view_in_the_text() {
    let mut h = harness(schemat::examples::default_document());
    h.get_by_label("Regulamin").click();
    h.run();
    let line = "3) referat ds. informacyjnych Urzędu (OM-IU), w skład którego wchodzi:";
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    assert!(!screen.intersects(h.get_by_label(line).rect()), "§ 9 starts below the window");
    // Search works in the text view too, and its match is scrolled to.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Szukaj").type_text("referat ds. informacyjnych");
    // The scroll area settles in a few frames (no clock involved).
    h.run_steps(12);
    let om_iu = h.state().doc.units.iter().find(|u| u.symbol == "OM-IU" && u.kind == schemat::model::UnitKind::Referat);
    assert_eq!(h.state().view.selected.as_ref(), om_iu.map(|u| &u.id));
    assert!(screen.contains_rect(h.get_by_label(line).rect()), "{:?}", h.get_by_label(line).rect());
}

#[test]
fn a_provision_that_belongs_to_no_unit_is_edited_in_the_text() {
    let mut doc = schemat::examples::default_document();
    doc.provisions.push(Provision::new(d("§ 1"), "Regulamin określa organizację"));
    doc.provisions.sort_by(|a, b| a.at.cmp(&b.at));
    let mut h = harness(doc.clone());
    h.get_by_label("Regulamin").click();
    h.run();
    // A provision of its own opens for editing, in place, on a click.
    h.get_by_label_contains("Regulamin określa organizację").click();
    h.run();
    let field = "Przepis § 1";
    assert!(h.get_by_label(field).is_focused(), "the field opens focused");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(field).type_text("Regulamin określa organizację i zasady funkcjonowania Departamentu");
    h.run();
    let provision = h.state().doc.provisions.iter().find(|p| p.at == d("§ 1")).cloned();
    assert_eq!(
        provision,
        Some(Provision::new(d("§ 1"), "Regulamin określa organizację i zasady funkcjonowania Departamentu"))
    );
    assert_eq!(h.state().history.undo_len(), 1, "typing in one provision is one step");
    // Leaving the field closes it: the text reads as text again.
    h.get_by_label("Schemat").click();
    h.run();
    h.get_by_label("Regulamin").click();
    h.run();
    assert!(h.query_by_label(field).is_none());
    assert!(h.query_by_label_contains("zasady funkcjonowania Departamentu").is_some());
    undo(&mut h);
    assert_eq!(h.state().doc.provisions, doc.provisions);
}

#[test]
fn a_provision_that_lists_a_unit_selects_it_and_opens_on_a_second_click() {
    let mut h = harness(schemat::examples::default_document());
    h.get_by_label("Regulamin").click();
    h.run();
    let unknown = h.state().doc.provisions.iter().find(|p| p.unknown).cloned().expect("the example has one");
    let field = format!("Przepis {}", unknown.at);
    let owner = h.state().doc.units.iter().find(|u| u.listed_at.as_ref() == Some(&unknown.at)).map(|u| u.id.clone());
    assert!(owner.is_some(), "the first unknown provision is the lead of a unit's listing");
    h.query_all_by_label_contains("[…]").next().expect("an unknown piece is shown").click();
    h.run();
    assert_eq!(h.state().view.selected, owner, "the first click selects the unit it lists");
    assert!(h.query_by_label(&field).is_none(), "and does not open the provision");
    // Some frames later (not a double click), a click on the selected unit's lead opens it.
    h.run_steps(30);
    h.query_all_by_label_contains("[…]").next().expect("still shown").click();
    h.run();
    assert!(h.get_by_label(&field).is_focused(), "the second click opens it, focused");
}

#[test]
fn an_unknown_provision_is_greyed_and_typing_its_wording_makes_it_known() {
    let mut h = harness(schemat::examples::default_document());
    let unknown =
        h.state().doc.provisions.iter().find(|p| p.unknown).map(|p| p.at.clone()).expect("the example has one");
    h.get_by_label("Regulamin").click();
    h.run();
    // The first "[…]" line is the first unknown provision; it lists a unit
    // (a click selects that), so it opens from its context menu.
    h.query_all_by_label_contains("[…]").next().expect("an unknown piece is shown").click_secondary();
    h.run();
    h.get_by_label("Edytuj brzmienie").click();
    h.run();
    let field = format!("Przepis {unknown}");
    h.get_by_label(&field).type_text("Dyrektor Wydziału (IT), nadzorujący bezpośrednio");
    h.run();
    let provision = h.state().doc.provisions.iter().find(|p| p.at == unknown).cloned().expect("still there");
    assert!(!provision.unknown, "typed wording is known wording");
    assert_eq!(provision.text, "Dyrektor Wydziału (IT), nadzorujący bezpośrednio");
}

fn select_all_and_type(h: &mut Harness<'static, SchematApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn open_properties(h: &mut Harness<'static, SchematApp>) {
    h.get_by_label("Plik").click();
    h.run();
    h.get_by_label("Właściwości dokumentu…").click();
    h.run();
}

#[test]
fn document_properties_edit_the_frame_one_step_per_field_and_keep_an_invalid_date() {
    let mut h = harness(schemat::examples::default_document());
    let before = h.state().doc.meta.clone();
    open_properties(&mut h);
    assert!(h.query_by_label("Właściwości dokumentu").is_some());

    assert_eq!(before.base_act.number, "56/12/2018", "the example's base act");
    select_all_and_type(&mut h, "Organ wydający (dopełniacz)", "Prezydenta Miasta Łodzi");
    assert_eq!(h.state().doc.meta.organ_genitive, "Prezydenta Miasta Łodzi");
    select_all_and_type(&mut h, "Akt podstawowy: numer", "7/1/2019");
    select_all_and_type(&mut h, "Akt podstawowy: data", "15 stycznia 2019");
    assert_eq!(h.state().doc.meta.base_act.date, Date::new(2019, 1, 15), "the Polish written form");
    select_all_and_type(&mut h, "Wchodzi w życie z dniem", "2022-02-01");
    assert_eq!(h.state().doc.meta.effective, Date::new(2022, 2, 1));
    assert!(
        h.query_by_label_contains("zarządzenie nr 7/1/2019 Prezydenta Miasta Łodzi z dnia 15 stycznia 2019 r.")
            .is_some(),
        "the citation is shown as the act will cite it"
    );

    // An invalid date is refused with a message, the document keeps its date,
    // and the text stays in the field, also after the dialog is closed and opened again.
    let consolidated = h.state().doc.meta.consolidated;
    select_all_and_type(&mut h, "Tekst jednolity: data obwieszczenia", "2021-13-01");
    assert!(h.query_by_label_contains("Niepoprawna data").is_some());
    assert_eq!(h.state().doc.meta.consolidated, consolidated);
    h.get_by_label("Zamknij").click();
    h.run();
    assert!(h.query_by_label("Tekst jednolity: data obwieszczenia").is_none(), "closed");
    open_properties(&mut h);
    assert_eq!(h.get_by_label("Tekst jednolity: data obwieszczenia").value().as_deref(), Some("2021-13-01"));
    assert!(h.query_by_label_contains("Niepoprawna data").is_some());

    // Each field was one step: undo walks them back to the frame as it was.
    let steps = h.state().history.undo_len();
    assert_eq!(steps, 4, "organ, number, date, effective date");
    h.get_by_label("Zamknij").click();
    h.run();
    for _ in 0..steps {
        undo(&mut h);
    }
    assert_eq!(h.state().doc.meta, before);
}
