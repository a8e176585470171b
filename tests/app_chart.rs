//! The chart canvas through the real editor: a click on a box selects its
//! unit, the toggle under a box collapses its subtree on the chart, search
//! selects and the zoom commands change the view.

mod common;

use common::{department, harness, id};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;

#[test]
fn clicking_a_box_selects_its_unit() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((h.state().chart.zoom - 1.0).abs() < 1e-3);
    let chart = h.state().chart.layout.clone().expect("the chart is laid out");
    let om = h.state().doc.index_of(&id("om")).unwrap();
    let rect = chart.box_of_unit(om).unwrap().rect;
    let canvas = h.state().chart.canvas;
    let offset = h.state().chart.offset;
    let center = canvas.min + offset + egui::vec2(rect.center().x, rect.center().y);
    assert!(canvas.contains(center), "the box is on screen at 100 %");
    h.hover_at(center);
    h.run();
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        h.event(egui::Event::PointerButton { pos: center, button, pressed, modifiers: Modifiers::NONE });
        h.step();
    }
    h.run();
    assert_eq!(h.state().view.selected, Some(id("om")));
}

#[test]
fn the_toggle_under_a_box_collapses_its_subtree_and_undo_is_untouched() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    let boxes = |h: &egui_kittest::Harness<'static, SchematApp>| h.state().chart.layout.as_ref().unwrap().boxes.len();
    assert_eq!(boxes(&h), 5);
    h.get_by_label("Zwiń na schemacie: Wydział Informatyki (IT)").click();
    h.run();
    assert_eq!(boxes(&h), 3, "the referat and its position are hidden");
    h.get_by_label("Rozwiń na schemacie: Wydział Informatyki (IT)").click();
    h.run();
    assert_eq!(boxes(&h), 5);
    assert_eq!(h.state().history.undo_len(), 0, "collapsing is a view change, not an edit");
}

#[test]
fn zoom_commands_and_fit_to_window() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!((h.state().chart.zoom - 1.25).abs() < 1e-3);
    assert!(h.query_by_label("Powiększenie: 125 %").is_some());
    h.get_by_label("Widok").click();
    h.run();
    h.get_by_label("Dopasuj do okna").click();
    h.run();
    assert!(h.state().chart.zoom <= 1.0);
}

#[test]
fn png_and_svg_export_write_files() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("schemat.svg");
    let png = dir.path().join("schemat.png");
    let mut app = SchematApp::new(department(), None);
    app.dialogs = Box::new(schemat::app::files::ScriptedDialogs { answers: [svg.clone(), png.clone()].into() });
    let mut h = harness(app);
    h.run();
    h.get_by_label("Eksport").click();
    h.run();
    h.get_by_label("SVG…").click();
    h.run();
    assert!(h.query_by_label("Eksport do SVG").is_some(), "the options and the file are asked first");
    h.get_by_label("Wybierz…").click();
    h.run();
    h.get_by_label("Eksportuj").click();
    h.run();
    let text = std::fs::read_to_string(&svg).expect("the SVG is written");
    assert!(text.contains("Mieszkańców") && text.contains(">OM<"), "the chart text is in the SVG");

    h.get_by_label("Eksport").click();
    h.run();
    h.get_by_label("PNG…").click();
    h.run();
    assert!(h.query_by_label("Eksport do PNG").is_some(), "the PNG options are asked first");
    h.get_by_label("Wybierz…").click();
    h.run();
    // The whole chart at a low DPI keeps the test quick.
    let dialog = schemat::app::export::ExportDialog { paper: None, dpi: 72.0, ..h.state().view.export.clone() };
    h.state_mut().push(schemat::app::Action::Export(dialog));
    h.run();
    let bytes = std::fs::read(&png).expect("the PNG is written");
    assert_eq!(&bytes[1..4], b"PNG");
    assert!(h.query_by_label("Eksport do PNG").is_none());
}
