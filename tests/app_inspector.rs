//! The inspector through the real editor: typing is one undo step per field,
//! staffing with a decimal comma, relations added by symbol and removed, and
//! a designation in force is marked as such (N1) and a typed one that the
//! numbering rules would not give is warned about.

mod common;

use common::{department, harness, id};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;
use schemat::model::{Designation, RelationKind};

#[test]
fn typing_a_name_in_two_bursts_is_one_undo_step() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Biuro Obsługi Mieszkańców (OM)").click();
    h.run();
    h.get_by_label("Nazwa").click();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("Nazwa").type_text(" i Klientów");
    h.run();
    h.get_by_label("Nazwa").type_text(" Urzędu");
    h.run();
    assert_eq!(h.state().doc.unit(&id("om")).unwrap().name, "Biuro Obsługi Mieszkańców i Klientów Urzędu");
    // Leaving the field seals the step; the next field is a new one.
    h.get_by_label("Etaty").click();
    h.run();
    h.get_by_label("Etaty").type_text("1,5");
    h.run();
    assert_eq!(h.state().doc.unit(&id("om")).unwrap().staffing, Some(1.5));
    assert_eq!(h.state().history.undo_len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc, department());
}

#[test]
fn a_relation_is_added_by_symbol_and_removed() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("Wydział Informatyki (IT)").click();
    h.run();
    h.get_by_label("z jednostką (symbol lub nazwa)").click();
    h.run();
    h.get_by_label("z jednostką (symbol lub nazwa)").type_text("om");
    h.run();
    h.get_by_label("Dodaj").click();
    h.run();
    let relations = &h.state().doc.relations;
    assert_eq!(relations.len(), 1);
    assert_eq!(relations[0].kind, RelationKind::NadzorujeBezposrednio);
    assert_eq!((relations[0].from.as_str(), relations[0].to.as_str()), ("it", "om"));
    assert!(h.query_by_label_contains("nadzoruje bezpośrednio: Biuro Obsługi Mieszkańców (OM)").is_some());
    h.get_by_label("×").click();
    h.run();
    assert!(h.state().doc.relations.is_empty());
}

#[test]
fn a_designation_in_force_is_marked_and_a_typed_one_that_is_not_the_rules_is_warned_about() {
    let mut doc = department();
    doc.units[2].tasks_at = Some("§ 14 ust. 1".parse::<Designation>().unwrap());
    doc.units[4].listed_at = Some("§ 9".parse::<Designation>().unwrap());
    let mut h = harness(SchematApp::new(doc, None));
    h.run();
    h.get_by_label("referat ds. bezpieczeństwa (IT-TB)").click();
    h.run();
    assert_eq!(h.get_by_label("Zadania w").value().as_deref(), Some("§ 14 ust. 1"));
    assert!(h.query_by_label_contains("W mocy: zmiana tego oznaczenia").is_some(), "N1 is said where it applies");
    // Typing over it is possible, and warned about as the renumbering it is.
    h.get_by_label("Zadania w").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Zadania w").type_text("§ 14a ust. 1");
    h.run();
    assert_eq!(h.state().doc.units[2].tasks_at.as_ref().map(ToString::to_string), Some("§ 14a ust. 1".into()));
    assert!(h.query_by_label_contains("Oznaczenie w mocy § 14 ust. 1 zmienione").is_some());
    // A unit listed in force (§ 9) with no task designation: the one typed is
    // kept, and said to override the rules.
    h.get_by_label("Biuro Obsługi Mieszkańców (OM)").click();
    h.run();
    assert_eq!(h.get_by_label("Miejsce w wykazie").value().as_deref(), Some("§ 9"));
    assert_eq!(h.query_all_by_label_contains("W mocy").count(), 1, "only the listing is in force");
    h.get_by_label("Zadania w").click();
    h.run();
    h.get_by_label("Zadania w").type_text("§ 22g");
    h.run();
    assert_eq!(h.state().doc.unit(&id("om")).unwrap().tasks_at.as_ref().map(ToString::to_string), Some("§ 22g".into()));
    assert!(h.query_by_label_contains("Zasady numeracji dają § 15:").is_some(), "the override is warned about");
    assert!(h.state().doc.in_force.is_some(), "the first hand-typed designation records what is in force");
    // Half-typed text that is not a designation is kept and explained, the document keeps the last valid one.
    h.get_by_label("Zadania w").type_text(" xyz");
    h.run();
    assert!(h.query_by_label_contains("Niepoprawne oznaczenie").is_some());
    assert_eq!(h.state().doc.unit(&id("om")).unwrap().tasks_at.as_ref().map(ToString::to_string), Some("§ 22g".into()));
    assert_eq!(h.get_by_label("Zadania w").value().as_deref(), Some("§ 22g xyz"));
    // The rules' designation is one click away.
    h.get_by_label("Użyj § 15").click();
    h.run();
    assert_eq!(h.state().doc.unit(&id("om")).unwrap().tasks_at.as_ref().map(ToString::to_string), Some("§ 15".into()));
    assert!(h.query_by_label_contains("Zasady numeracji dają § 15:").is_none());
}

#[test]
fn a_new_position_gets_the_next_symbol_and_a_missing_one_is_offered() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.get_by_label("referat ds. bezpieczeństwa (IT-TB)").click();
    h.run();
    h.state_mut().push(schemat::app::Action::AddUnit {
        parent: id("it-tb"),
        index: None,
        kind: schemat::model::UnitKind::StanowiskoPracy,
    });
    h.run();
    let new = h.state().view.selected.clone().unwrap();
    assert_eq!(h.state().doc.unit(&new).unwrap().symbol, "IT-TB-II");

    // A cleared symbol is reported by the validation and offered back.
    let clear =
        schemat::model::Edit::SetField { id: id("it-tb-i"), field: schemat::model::UnitField::Symbol(String::new()) };
    h.state_mut().push(schemat::app::Action::Edit(clear));
    h.run();
    h.get_by_label_contains("Problemy:").click();
    h.run();
    let finding = h.get_all_by_label_contains("stanowisko pracy inżynier bezpieczeństwa systemów:").next();
    finding.expect("a finding names the unit").click();
    h.run();
    assert_eq!(h.state().view.selected, Some(id("it-tb-i")), "clicking a finding selects its unit");
    h.get_by_label("Użyj IT-TB-III").click();
    h.run();
    assert_eq!(h.state().doc.unit(&id("it-tb-i")).unwrap().symbol, "IT-TB-III");
}
