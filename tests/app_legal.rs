//! The legal layer through the real editor on the embedded example
//! (`examples/doa-2022.ron`): removing a unit in force repeals its
//! designations ("Uchyl") and leaves every other designation as it was (N1),
//! new points and units get their designations by the numbering rules
//! (N3-N6), a position moved to another referat gets the next free listing
//! there and its old one is repealed; undo restores each.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use schemat::app::SchematApp;
use schemat::model::{Designation, Document, Unit};

fn example() -> Harness<'static, SchematApp> {
    let mut h = common::harness(SchematApp::new(schemat::examples::default_document(), None));
    h.run();
    h
}

fn by_symbol<'a>(doc: &'a Document, symbol: &str) -> &'a Unit {
    doc.units.iter().find(|u| u.symbol == symbol).unwrap_or_else(|| panic!("{symbol} is in the example"))
}

fn by_name<'a>(doc: &'a Document, name: &str) -> &'a Unit {
    doc.units.iter().find(|u| u.name == name).unwrap_or_else(|| panic!("{name} is in the example"))
}

fn d(text: &str) -> Designation {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn designations(unit: &Unit) -> (Option<String>, Option<String>) {
    (unit.listed_at.as_ref().map(ToString::to_string), unit.tasks_at.as_ref().map(ToString::to_string))
}

fn pair(listed: &str, tasks: &str) -> (Option<String>, Option<String>) {
    (Some(listed.to_owned()), Some(tasks.to_owned()))
}

fn undo(h: &mut Harness<'static, SchematApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// Lets half a second pass, so the next click is not taken for a double click.
fn pause(h: &mut Harness<'static, SchematApp>) {
    h.run_steps(30);
}

/// The text of the Delete item of the open Edycja menu (its label without the shortcut).
fn delete_item(h: &Harness<'static, SchematApp>) -> String {
    let shortcut = h.ctx.format_shortcut(&egui::KeyboardShortcut::new(Modifiers::NONE, Key::Delete));
    let items: Vec<String> = h
        .query_all_by_label_contains(&shortcut)
        .filter_map(|n| n.accesskit_node().label())
        .filter_map(|l| l.strip_suffix(shortcut.as_str()).map(|s| s.trim().to_owned()))
        .collect();
    assert_eq!(items.len(), 1, "one Delete item: {items:?}");
    items.into_iter().next().unwrap_or_default()
}

const IT_TB_I: &str = "stanowisko pracy inżynier bezpieczeństwa systemów (IT-TB-I)";

#[test]
fn deleting_it_tb_i_repeals_its_listing_and_tasks_and_keeps_it_tb_ii_where_it_is() {
    let mut h = example();
    let before = h.state().doc.clone();
    h.get_by_label(IT_TB_I).click();
    h.run();
    // The menu says what Delete does to the selection before anything happens.
    h.get_by_label("Edycja").click();
    h.run();
    assert_eq!(delete_item(&h), "Uchyl", "a unit in force is repealed, not deleted");
    h.key_press(Key::Escape);
    h.run();

    h.key_press(Key::Delete);
    h.run();
    assert!(h.query_by_label("Uchylić jednostkę?").is_some(), "a repeal always asks first");
    assert!(
        h.query_by_label("Uchyla § 3 ust. 1 pkt 2 lit. b i § 14 ust. 3").is_some(),
        "the prompt names what gets repealed"
    );
    h.get_by_label("Uchyl").click();
    h.run();

    let doc = &h.state().doc;
    assert!(doc.units.iter().all(|u| u.symbol != "IT-TB-I"));
    assert!(doc.retired.contains(&d("§ 3 ust. 1 pkt 2 lit. b")), "{:?}", doc.retired);
    assert!(doc.retired.contains(&d("§ 14 ust. 3")), "{:?}", doc.retired);
    assert_eq!(designations(by_symbol(doc, "IT-TB-II")), pair("§ 3 ust. 1 pkt 2 lit. c", "§ 14 ust. 4"));
    let status = h.state().view.status.clone().unwrap_or_default();
    assert_eq!(status, "Uchylono § 3 ust. 1 pkt 2 lit. b i § 14 ust. 3.");

    undo(&mut h);
    assert_eq!(h.state().doc.units, before.units);
    assert_eq!(h.state().doc.retired, before.retired);
}

#[test]
fn deleting_referat_it_tb_with_its_units_repeals_section_14_whole() {
    let mut h = example();
    h.get_by_label("referat ds. technologii bezpieczeństwa (IT-TB)").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(h.query_by_label("Uchyla § 3 ust. 1 pkt 2 i § 14").is_some(), "uchyla się § 14, as Z58 repeals § 22");
    h.get_by_label("Uchyl").click();
    h.run();
    assert!(h.state().doc.retired.contains(&d("§ 14")));
    assert!(h.state().doc.units.iter().all(|u| !u.symbol.starts_with("IT-TB")));
    undo(&mut h);
    assert!(!h.state().doc.retired.contains(&d("§ 14")));
    assert_eq!(h.state().doc.units.iter().filter(|u| u.symbol.starts_with("IT-TB")).count(), 4);
}

#[test]
fn a_unit_only_in_the_draft_is_deleted_not_repealed() {
    let mut h = example();
    h.get_by_label("referat (§ 15)").click();
    h.run();
    h.get_by_label("Edycja").click();
    h.run();
    h.get_by_label("Dodaj jednostkę równorzędną").click();
    h.run();
    let added = h.state().view.selected.clone().expect("the new referat is selected");
    let retired = h.state().doc.retired.clone();
    h.get_by_label("Edycja").click();
    h.run();
    assert_eq!(delete_item(&h), "Usuń", "a unit of the draft is deleted");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().doc.unit(&added).is_none(), "a draft unit without tasks goes at once");
    assert_eq!(h.state().doc.retired, retired, "nothing is repealed");
    undo(&mut h);
    assert!(h.state().doc.unit(&added).is_some(), "undo brings it back");
}

#[test]
fn a_point_added_after_section_14_ust_1_pkt_2_is_pkt_2a() {
    let mut h = example();
    h.get_by_label("referat ds. technologii bezpieczeństwa (IT-TB)").click();
    h.run();
    let referat = by_symbol(&h.state().doc, "IT-TB").id.clone();
    assert_eq!(by_symbol(&h.state().doc, "IT-TB").tasks_at, Some(d("§ 14 ust. 1")));
    let before = h.state().doc.unit(&referat).map(|u| u.tasks.clone());
    h.get_by_label("Dodaj punkt po: Punkt 2").click();
    h.run();
    let labels: Vec<String> =
        h.state().doc.unit(&referat).map(|u| u.tasks.points.iter().map(|p| p.label.clone()).collect()).unwrap();
    assert_eq!(labels[..4], ["1", "2", "2a", "3"], "{labels:?}");
    // The new point has its own field, named by its label.
    assert!(h.query_by_label("2a)").is_some());
    undo(&mut h);
    assert_eq!(h.state().doc.unit(&referat).map(|u| u.tasks.clone()), before);
}

#[test]
fn a_referat_added_between_those_of_section_22b_and_22c_gets_22ba_and_pkt_1a() {
    let mut h = example();
    let before = h.state().doc.clone();
    h.get_by_label("referat (§ 22b)").click();
    h.run();
    h.get_by_label("Edycja").click();
    h.run();
    h.get_by_label("Dodaj jednostkę równorzędną").click();
    h.run();
    let added = h.state().view.selected.clone().expect("the new referat is selected");
    let unit = h.state().doc.unit(&added).expect("added");
    assert_eq!(designations(unit), pair("§ 3 ust. 3 pkt 1a", "§ 22ba ust. 1"));
    // Nothing in force moved (N1).
    assert_eq!(designations(by_name(&h.state().doc, "referat (§ 22c)")), pair("§ 3 ust. 3 pkt 2", "§ 22c ust. 1"));
    // The inspector shows both, as the rules gave them, without an override warning.
    assert!(h.query_by_label("Miejsce w wykazie").is_some());
    assert!(h.query_by_label_contains("Zasady numeracji dają").is_none());
    undo(&mut h);
    assert_eq!(h.state().doc.units, before.units);
}

#[test]
fn a_position_moved_to_another_referat_gets_the_next_free_listing_and_repeals_its_old_one() {
    let mut h = example();
    let before = h.state().doc.clone();
    let position = h.get_by_label(IT_TB_I).rect().center();
    let target = h.get_by_label("referat (§ 15)").rect().center();
    h.drag_at(position);
    h.run();
    h.hover_at(position + egui::vec2(0.0, 40.0));
    h.run();
    h.drop_at(target);
    h.run();
    let doc = &h.state().doc;
    let moved = by_symbol(doc, "IT-TB-I");
    assert_eq!(moved.parent.as_ref(), Some(&by_name(doc, "referat (§ 15)").id));
    // referat (§ 15) lists its kierownik at lit. a: the position comes next, its tasks after ust. 2.
    assert_eq!(designations(moved), pair("§ 3 ust. 1 pkt 3 lit. b", "§ 15 ust. 3"));
    assert!(doc.retired.contains(&d("§ 3 ust. 1 pkt 2 lit. b")), "{:?}", doc.retired);
    assert!(doc.retired.contains(&d("§ 14 ust. 3")), "{:?}", doc.retired);
    assert_eq!(designations(by_symbol(doc, "IT-TB-II")), pair("§ 3 ust. 1 pkt 2 lit. c", "§ 14 ust. 4"));
    assert_eq!(h.state().history.undo_len(), 1, "one step");
    undo(&mut h);
    assert_eq!(h.state().doc.units, before.units);
    assert_eq!(h.state().doc.retired, before.retired);
    pause(&mut h);
}
