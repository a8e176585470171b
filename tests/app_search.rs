//! Chart view and search through the real editor (issue 12): the chart fits
//! the canvas at the start and on resize until the user zooms, the wheel
//! zooms in fine steps, Esc closes the search, Ctrl+F finds task texts by
//! designation, and Ctrl+H replaces a citation across the task texts in one
//! undo step — the reference ordinance's § 1 pkt 3 on `examples/doa-2021.ron`.

mod common;

use std::path::Path;

use common::{department, harness};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;

const OLD: &str = "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 10 listopada 2020 r. z późn. zm.)";
const NEW: &str = "(j.t. Obwieszczenie Prezydenta Miasta Lublin z dnia 29 października 2021 r.)";

/// The places § 1 pkt 3 of zarządzenie nr 58/12/2021 names for this replacement
/// ("w § 10 w ust. 1, w § 12 w pkt 1, w § 23 w pkt 1, w § 25 w ust. 1 w pkt 2 i
/// w ust. 3 w pkt 2, w § 34 w pkt 1, w § 42 w pkt 1, w § 56 w pkt 1, w § 63 w
/// pkt 1 oraz w § 67 w pkt 1").
const POINT_3_PLACES: [&str; 10] = [
    "§ 10 ust. 1",
    "§ 12 pkt 1",
    "§ 23 pkt 1",
    "§ 25 ust. 1 pkt 2",
    "§ 25 ust. 3 pkt 2",
    "§ 34 pkt 1",
    "§ 42 pkt 1",
    "§ 56 pkt 1",
    "§ 63 pkt 1",
    "§ 67 pkt 1",
];

fn doa_2021() -> schemat::model::Document {
    schemat::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/doa-2021.ron")).unwrap()
}

/// Every task text of a document with where it is, for comparing before and after.
fn task_texts(doc: &schemat::model::Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for u in &doc.units {
        out.push((format!("{} intro", u.id.as_str()), u.tasks.intro.clone()));
        for (i, p) in u.tasks.points.iter().enumerate() {
            out.push((format!("{} {i}", u.id.as_str()), p.text.clone()));
            for (j, s) in p.sub.iter().enumerate() {
                out.push((format!("{} {i} {j}", u.id.as_str()), s.text.clone()));
            }
        }
    }
    out
}

#[test]
fn replacing_the_citation_across_doa_2021_changes_exactly_the_places_of_point_3_in_one_undo_step() {
    let before = doa_2021();
    let mut h = harness(SchematApp::new(before.clone(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    h.get_by_label("Szukaj w zadaniach").type_text(OLD);
    h.run();
    h.get_by_label("Zamień na").click();
    h.run();
    h.get_by_label("Zamień na").type_text(NEW);
    h.run();
    // The preview lists every place by its designation.
    for place in POINT_3_PLACES {
        assert!(h.query_all_by_label_contains(&format!("{place} (")).next().is_some(), "{place} is previewed");
    }
    assert!(h.query_by_label("Miejsc: 10").is_some());
    let steps = h.state().history.undo_len();
    h.get_by_label("Zamień wszystkie (10)").click();
    h.run();

    let after = h.state().doc.clone();
    assert_eq!(h.state().history.undo_len(), steps + 1, "one undo step");
    let changed: Vec<String> = task_texts(&before)
        .into_iter()
        .zip(task_texts(&after))
        .filter(|(b, a)| b != a)
        .map(|((at, _), _)| at)
        .collect();
    assert_eq!(changed.len(), 10, "{changed:?}");
    for ((_, b), (_, a)) in task_texts(&before).into_iter().zip(task_texts(&after)) {
        if b != a {
            assert_eq!(a, b.replace(OLD, NEW), "only the citation changes");
        }
    }
    assert!(!task_texts(&after).iter().any(|(_, t)| t.contains(OLD)));
    let mut places: Vec<String> =
        schemat_places(&after, NEW).into_iter().filter(|d| POINT_3_PLACES.contains(&d.as_str())).collect();
    places.dedup();
    assert_eq!(places.len(), 10, "the new citation is at every place of point 3: {places:?}");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc, before, "one Ctrl+Z undoes the whole replacement");
}

/// The designations of the task texts containing `needle` (by the same rule
/// as the preview: tasks_at, pkt N, lit. x).
fn schemat_places(doc: &schemat::model::Document, needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    for u in &doc.units {
        let base = u.tasks_at.as_ref().map(|d| d.to_string()).unwrap_or_default();
        if u.tasks.intro.contains(needle) {
            out.push(base.clone());
        }
        for (i, p) in u.tasks.points.iter().enumerate() {
            if p.text.contains(needle) {
                out.push(format!("{base} pkt {}", i + 1));
            }
        }
    }
    out
}

#[test]
fn ctrl_f_lists_hits_in_task_texts_by_designation_and_esc_closes_it() {
    let mut h = harness(SchematApp::new(doa_2021(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    // Words only in task texts, not in any name.
    h.get_by_label("Szukaj").type_text("10 listopada 2020");
    h.run();
    assert!(h.query_by_label("W zadaniach:").is_some());
    let hit = h.get_by_label_contains("§ 25 ust. 3 pkt 2 (");
    hit.click();
    h.run();
    let selected = h.state().view.selected.clone().expect("a hit selects its unit");
    let unit = h.state().doc.unit(&selected).unwrap().clone();
    assert_eq!(unit.tasks_at.map(|d| d.to_string()).as_deref(), Some("§ 25 ust. 3"));
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().view.search.open, "Esc closes the search");
    assert!(h.query_by_label("Szukaj").is_none());
}

#[test]
fn the_chart_fits_at_start_and_on_resize_until_the_user_zooms() {
    let mut h = harness(SchematApp::new(doa_2021(), None));
    h.run();
    let fitted = h.state().chart.zoom;
    assert!(fitted < 1.0, "the whole example does not fit at 100 %");
    h.set_size(egui::vec2(1900.0, 1100.0));
    h.run();
    let wider = h.state().chart.zoom;
    assert!(wider > fitted, "a larger window refits: {fitted} → {wider}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    let zoomed = h.state().chart.zoom;
    h.set_size(egui::vec2(1400.0, 900.0));
    h.run();
    assert_eq!(h.state().chart.zoom, zoomed, "after the user zoomed, a resize keeps the zoom");
    h.get_by_label("Widok").click();
    h.run();
    h.get_by_label("Dopasuj do okna").click();
    h.run();
    assert!((h.state().chart.zoom - fitted).abs() < 1e-4, "fitting again follows the window");
}

#[test]
fn a_wheel_notch_with_ctrl_zooms_in_a_fine_step() {
    let mut h = harness(SchematApp::new(department(), None));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    let canvas = h.state().chart.canvas;
    h.hover_at(canvas.center());
    h.run();
    for _ in 0..3 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, 1.0),
            modifiers: Modifiers::COMMAND,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
    let zoom = h.state().chart.zoom;
    assert!(zoom > 1.0 && zoom < 1.8, "three notches from 100 % give {} %", zoom * 100.0);
    assert!(!h.state().chart.auto_fit, "the user zoomed: no more refitting");
}
