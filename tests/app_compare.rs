//! Compare mode through the real editor: the embedded 2022 example (the
//! proposal) against the 2021 one (the baseline). The changes panel lists the
//! core diff's changes, a click selects the unit and centres the chart on it,
//! the chart carries the marks and the ghosts, edits update the list live,
//! turning comparison off hides it, the inspector shows task changes inline,
//! and the Markdown report and the highlighted chart are written where the
//! (injected) save dialog says.

mod common;

use std::path::{Path, PathBuf};

use common::harness;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use schemat::app::SchematApp;
use schemat::app::files::ScriptedDialogs;
use schemat::diff;
use schemat::examples::{DOA_2021, DOA_2022};
use schemat::i18n::Lang;
use schemat::model::Document;
use schemat::render::{Color, Mark, Primitive};

fn proposal() -> Document {
    DOA_2022.load().unwrap()
}

fn baseline() -> Document {
    DOA_2021.load().unwrap()
}

/// The 2021 example as a file on disk, where the open dialog will "find" it.
fn baseline_file(dir: &Path) -> PathBuf {
    let path = dir.join("doa-2021.ron");
    std::fs::write(&path, DOA_2021.text).unwrap();
    path
}

/// An editor on the 2022 example whose dialogs answer with `answers`.
fn editor(answers: Vec<PathBuf>) -> Harness<'static, SchematApp> {
    let mut app = SchematApp::new(proposal(), None);
    app.dialogs = Box::new(ScriptedDialogs { answers: answers.into() });
    let mut h = harness(app);
    h.run();
    h
}

/// Plik → Porównaj z… (the dialog answers with the baseline file).
fn start_comparing(h: &mut Harness<'static, SchematApp>) {
    h.get_by_label("Plik").click();
    h.run();
    h.get_by_label("Porównaj z…").click();
    h.run();
}

/// Scrolls the changes panel to an entry and clicks it.
fn click_change(h: &mut Harness<'static, SchematApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// The entries of the changes panel.
fn change_rows(h: &Harness<'static, SchematApp>) -> Vec<String> {
    h.query_all_by_role(egui::accesskit::Role::ListItem).filter_map(|node| node.accesskit_node().label()).collect()
}

#[test]
fn the_changes_panel_lists_every_change_of_the_core_diff() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(vec![baseline_file(dir.path())]);
    assert!(change_rows(&h).is_empty());
    start_comparing(&mut h);
    let expected = diff::diff(&baseline(), &proposal());
    let rows = change_rows(&h);
    assert_eq!(rows.len(), expected.changes.len());
    assert!(rows.len() > 30, "the ordinance changes a lot: {}", rows.len());
    // The report's wording, unit first.
    assert!(rows.contains(&"IT-SS referat ds. serwisu sprzętu i oprogramowania: dodano (referat, IT-ZIII)".to_owned()));
    assert!(rows.contains(&"referat (§ 22): usunięto (referat, IT-ZI)".to_owned()));
    let count = format!("{} zmian", expected.changes.len());
    assert!(h.query_by_label(&count).is_some(), "the count {count} is shown");
}

#[test]
fn clicking_a_change_selects_its_unit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(vec![baseline_file(dir.path())]);
    start_comparing(&mut h);
    click_change(&mut h, "IT-SS referat ds. serwisu sprzętu i oprogramowania: dodano (referat, IT-ZIII)");
    let selected = h.state().view.selected.clone().unwrap();
    assert_eq!(h.state().doc.unit(&selected).unwrap().symbol, "IT-SS");
    // A removed unit is selected by its old id and the inspector says it is gone.
    click_change(&mut h, "referat (§ 22): usunięto (referat, IT-ZI)");
    let selected = h.state().view.selected.clone().unwrap();
    assert!(h.state().doc.unit(&selected).is_none());
    assert!(baseline().unit(&selected).is_some());
    assert!(h.query_by_label("Ta jednostka została usunięta w projekcie.").is_some());
}

#[test]
fn editing_the_proposal_while_comparing_updates_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(vec![baseline_file(dir.path())]);
    start_comparing(&mut h);
    let before = change_rows(&h).len();
    click_change(&mut h, "IT-SS referat ds. serwisu sprzętu i oprogramowania: dodano (referat, IT-ZIII)");
    h.get_by_label("Nazwa").click();
    h.run();
    h.key_press(egui::Key::End);
    h.get_by_label("Nazwa").type_text(" komputerowego");
    h.run();
    h.run();
    let rows = change_rows(&h);
    // Still one entry (the unit is added), now with the new name.
    assert_eq!(rows.len(), before);
    assert!(
        rows.iter().any(|r| r.starts_with("IT-SS referat ds. serwisu sprzętu i oprogramowania komputerowego: dodano"))
    );
    // A unit that was unchanged gets an entry of its own.
    let referat = h.state().doc.units.iter().find(|u| u.name == "referat (§ 15)").unwrap().id.clone();
    h.state_mut().push(schemat::app::Action::Select(referat));
    h.run();
    h.get_by_label("Etaty").click();
    h.run();
    h.get_by_label("Etaty").type_text("7");
    h.run();
    h.run();
    let rows = change_rows(&h);
    assert_eq!(rows.len(), before + 1);
    assert!(rows.iter().any(|r| r == "referat (§ 15): zmieniono liczbę etatów: (brak) → 7"), "{rows:#?}");
    assert_eq!(rows.len(), diff::diff(&baseline(), &h.state().doc).changes.len());
}

#[test]
fn turning_comparison_off_returns_to_plain_editing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(vec![baseline_file(dir.path())]);
    start_comparing(&mut h);
    assert!(!change_rows(&h).is_empty());
    h.get_by_label("Zakończ porównanie").click();
    h.run();
    assert!(change_rows(&h).is_empty());
    assert!(h.state().compare.is_none());
    assert_eq!(h.state().doc, proposal());
}

#[test]
fn the_change_report_is_exported_as_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("raport.md");
    let mut h = editor(vec![baseline_file(dir.path()), report.clone()]);
    start_comparing(&mut h);
    h.get_by_label("Eksport").click();
    h.run();
    h.get_by_label("Raport zmian (Markdown)…").click();
    h.run();
    let written = std::fs::read_to_string(&report).unwrap();
    let expected = diff::report::markdown(&diff::diff(&baseline(), &proposal()), Lang::Pl, "doa-2021.ron", "bez nazwy");
    assert_eq!(written, expected);
    assert!(written.contains("IT-SS"));
}

#[test]
fn comparing_with_the_last_saved_version_shows_only_the_unsaved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doa.ron");
    schemat::io::save(&proposal(), &path).unwrap();
    let mut h = harness(SchematApp::new(proposal(), Some(path)));
    h.run();
    h.get_by_label("Plik").click();
    h.run();
    h.get_by_label("Porównaj z ostatnio zapisaną wersją").click();
    h.run();
    assert!(change_rows(&h).is_empty());
    assert!(h.query_by_label(schemat::i18n::diff::text(Lang::Pl).equal).is_some());
    let om = h.state().doc.units.iter().find(|u| u.symbol == "OM").unwrap().id.clone();
    h.state_mut().push(schemat::app::Action::Edit(schemat::model::Edit::SetField {
        id: om,
        field: schemat::model::UnitField::Note("do przeglądu".into()),
    }));
    h.run();
    h.run();
    let rows = change_rows(&h);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("zmieniono uwagę"));
}

#[test]
fn the_inspector_shows_a_reworded_task_inline() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(vec![baseline_file(dir.path())]);
    start_comparing(&mut h);
    // Z58 point 3: the cited consolidated text of the Regulamin Urzędu changes in § 12 pkt 1.
    click_change(&mut h, "IT Dyrektor Wydziału: § 12 pkt 1: zmieniono brzmienie");
    let selected = h.state().view.selected.clone().unwrap();
    assert_eq!(
        h.state().doc.unit(&selected).unwrap().tasks_at.as_ref().map(ToString::to_string).as_deref(),
        Some("§ 12")
    );
    // Old and new words in one line: the old date struck out, only in the inline change.
    let inline = h.query_by_label_contains("10 listopada 2020");
    assert!(inline.is_some());
    // Cited by the point's designation (its label), not by its place in the list.
    assert!(h.query_by_label_contains("§ 12 pkt 1: […] (j.t. Obwieszczenie").is_some());
    assert!(h.query_by_label("Zmiany zadań").is_some());
}

/// The outline colours of the chart's boxes (the review marks' colours among them).
fn outline_colours(h: &Harness<'static, SchematApp>) -> Vec<Color> {
    h.state()
        .chart
        .scene
        .primitives
        .iter()
        .filter_map(|p| match p {
            Primitive::Rect(r) => r.stroke.map(|s| s.color),
            _ => None,
        })
        .collect()
}

#[test]
fn the_chart_marks_the_changes_and_a_click_centres_it_on_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(vec![baseline_file(dir.path())]);
    let plain_boxes = h.state().chart.layout.as_ref().unwrap().boxes.len();
    assert!(!outline_colours(&h).contains(&Mark::Added.color()));
    start_comparing(&mut h);
    let colours = outline_colours(&h);
    for mark in [Mark::Added, Mark::Changed, Mark::Removed] {
        assert!(colours.contains(&mark.color()), "{mark:?} drawn");
    }
    // The removed units stand on the chart as ghosts.
    let removed = h.state().compare.as_ref().unwrap().marks.values().filter(|m| **m == Mark::Removed).count();
    assert_eq!(h.state().chart.layout.as_ref().unwrap().boxes.len(), plain_boxes + removed);

    click_change(&mut h, "referat (§ 22): usunięto (referat, IT-ZI)");
    let app = h.state();
    let ghost = app.compare.as_ref().unwrap().merged.index_of(app.view.selected.as_ref().unwrap()).unwrap();
    let b = app.chart.layout.as_ref().unwrap().box_of_unit(ghost).unwrap();
    let centre =
        app.chart.canvas.min + app.chart.offset + egui::vec2(b.rect.center().x, b.rect.center().y) * app.chart.zoom;
    assert!((centre - app.chart.canvas.center()).length() < 1.0, "{centre:?} vs {:?}", app.chart.canvas.center());

    h.get_by_label("Zakończ porównanie").click();
    h.run();
    h.run();
    assert!(!outline_colours(&h).contains(&Mark::Removed.color()));
    assert_eq!(h.state().chart.layout.as_ref().unwrap().boxes.len(), plain_boxes);
}

#[test]
fn the_highlighted_chart_is_exported_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let (svg_path, png_path) = (dir.path().join("zmiany.svg"), dir.path().join("zmiany.png"));
    let mut h = editor(vec![baseline_file(dir.path()), svg_path.clone(), png_path.clone()]);
    start_comparing(&mut h);
    for item in ["Schemat ze zmianami (SVG)…", "Schemat ze zmianami (PNG)…"] {
        h.get_by_label("Eksport").click();
        h.run();
        h.get_by_label(item).click();
        h.run();
    }
    let scene = diff::chart::review_scene(&diff::diff(&baseline(), &proposal()), &baseline(), &proposal(), Lang::Pl);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert_eq!(svg, schemat::render::svg::to_svg(&scene));
    assert!(svg.contains("Zmiany:"), "the review legend");
    let png = std::fs::read(&png_path).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(h.state().view.status.as_deref().unwrap_or_default().contains("zmiany.png"));
}

#[test]
fn selecting_a_unit_elsewhere_brings_its_change_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(vec![baseline_file(dir.path())]);
    start_comparing(&mut h);
    // A removed unit, as a click on its ghost in the chart selects it.
    let row = "referat (§ 22): usunięto (referat, IT-ZI)";
    let on_screen = |h: &Harness<'static, SchematApp>| h.get_by_label(row).rect().max.y <= 900.0;
    assert!(!on_screen(&h), "{row} starts out of view");
    let comparison = h.state().compare.as_ref().unwrap();
    let index = change_rows(&h).iter().position(|r| r == row).unwrap();
    let id = comparison.unit_of_change(index).unwrap();
    h.state_mut().push(schemat::app::Action::Select(id));
    h.run();
    assert!(on_screen(&h), "{row} scrolled into view");
}

#[test]
fn a_baseline_that_cannot_be_read_is_reported_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: 1, units: [").unwrap();
    let mut h = editor(vec![broken]);
    start_comparing(&mut h);
    assert!(h.state().compare.is_none());
    assert!(change_rows(&h).is_empty());
    let shown = format!("{:?}", h.state().view.prompt);
    assert!(shown.contains("broken.ron"), "{shown}");
    assert_eq!(h.state().doc, proposal());
}

#[test]
fn an_unsaved_document_has_no_last_saved_version_to_compare_with() {
    let mut h = editor(vec![]);
    h.get_by_label("Plik").click();
    h.run();
    h.get_by_label("Porównaj z ostatnio zapisaną wersją").click();
    h.run();
    assert!(h.state().compare.is_none());
    assert_eq!(h.state().view.status.as_deref(), Some("Dokument nie ma jeszcze pliku na dysku."));
}
