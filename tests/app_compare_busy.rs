//! Compare mode with a diff too large for a frame (issue 10, item 5): the
//! editor keeps drawing frames, the changes panel says the changes are being
//! computed, and the changes appear once the background diff is done.

mod common;

use common::harness;
use egui_kittest::kittest::Queryable;
use schemat::app::SchematApp;
use schemat::app::command::Action;
use schemat::app::compare::ReviewAction;
use schemat::examples::DOA_2021;
use schemat::model::Document;

/// `n` words from a small vocabulary: a costly word diff against another such text.
fn hostile_words(n: usize, seed: u64) -> String {
    let vocabulary = ["zadania", "z", "zakresu", "obsługi", "systemów", "oraz", "w", "tym", "nadzoru", "nad"];
    let mut x = seed;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        words.push(vocabulary[(x >> 33) as usize % vocabulary.len()]);
    }
    words.join(" ")
}

/// The 2021 example with the first task point of every unit that has one rewritten.
fn with_points(seed: u64) -> Document {
    let mut doc = DOA_2021.load().unwrap();
    for (i, unit) in doc.units.iter_mut().filter(|u| !u.tasks.points.is_empty()).take(8).enumerate() {
        unit.tasks.points[0].text = hostile_words(3000, seed + i as u64);
    }
    doc
}

#[test]
fn the_changes_panel_says_it_is_computing_and_then_lists_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("old.ron");
    schemat::io::save(&with_points(100), &baseline).unwrap();
    let mut app = SchematApp::new(with_points(200), None);
    app.push(Action::Review(ReviewAction::CompareWith(baseline)));
    let mut h = harness(app);
    // Fonts, then the action (the comparison starts), then a frame that draws the panel.
    for _ in 0..3 {
        h.step();
    }
    let comparison = h.state().compare.as_ref().expect("comparing");
    // The inline try always gives up on these points; whether the thread is already done
    // depends on the machine, and is_computing only changes during a frame.
    println!("computing after three frames: {}", comparison.is_computing());
    if comparison.is_computing() {
        assert!(h.query_by_label("Obliczanie zmian…").is_some(), "the panel says it is computing");
        assert!(comparison.rows.is_empty());
    }
    h.state_mut().compare.as_mut().unwrap().wait();
    h.step();
    let comparison = h.state().compare.as_ref().unwrap();
    assert!(!comparison.is_computing());
    assert!(!comparison.rows.is_empty(), "the changes are listed once done");
    assert!(h.query_by_label("Obliczanie zmian…").is_none());
    assert!(h.query_by_label(&comparison.rows[0]).is_some(), "{}", comparison.rows[0]);
}
