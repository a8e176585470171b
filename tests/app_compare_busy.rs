//! Compare mode with a diff too large for a frame (issue 10, item 5): the
//! editor keeps drawing frames, the changes panel says the changes are being
//! computed, and the changes appear once the background diff is done; the
//! [`Comparison`] itself hands such a diff to one background thread at a time.

mod common;
mod hostile;

use std::path::PathBuf;

use common::harness;
use egui_kittest::kittest::Queryable;
use hostile::hostile_words;
use schemat::app::SchematApp;
use schemat::app::command::Action;
use schemat::app::compare::{Comparison, INLINE_WORD_WORK, ReviewAction};
use schemat::app::files::{FileKind, ScriptedDialogs};
use schemat::diff;
use schemat::examples::DOA_2021;
use schemat::i18n::Lang;
use schemat::model::Document;

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

/// DOA 2021 with the first task point of the first unit that has one set to `text`.
fn with_point(text: &str) -> Document {
    let mut doc = DOA_2021.load().unwrap();
    let unit = doc.units.iter_mut().find(|u| !u.tasks.points.is_empty()).unwrap();
    unit.tasks.points[0].text = text.to_owned();
    doc
}

#[test]
fn a_diff_too_large_for_a_frame_is_computed_off_the_ui_thread() {
    let old = with_point(&hostile_words(3000, 1));
    let new = with_point(&hostile_words(3000, 2));
    // The inline try runs out of its word budget on the 3000-word point, whatever the machine.
    assert!(diff::diff_within(&old, &new, INLINE_WORD_WORK).is_none());
    let mut comparison = Comparison::new(old.clone(), PathBuf::from("old.ron"), &new, 1, Lang::Pl);
    assert!(comparison.is_computing());
    assert!(comparison.diff.is_empty() && comparison.rows.is_empty(), "nothing is shown until it is done");
    // A refresh at the same revision does not start another diff, nor wait.
    comparison.refresh(&new, 1, Lang::Pl);
    comparison.wait();
    assert!(!comparison.is_computing());
    assert_eq!(comparison.diff, diff::diff(&old, &new), "the same diff as the command line");
    assert!(!comparison.rows.is_empty());

    // An edit while a diff runs: one thread at a time, the newest revision follows.
    let newer = with_point(&hostile_words(3000, 3));
    comparison.refresh(&newer, 2, Lang::Pl);
    assert!(comparison.is_computing());
    comparison.refresh(&new, 3, Lang::Pl);
    assert!(comparison.is_computing());
    comparison.wait();
    // Revision 2, if it was still running at the edit (then 3 waits for it), else already 3.
    let (at_2, at_3) = (diff::diff(&old, &newer), diff::diff(&old, &new));
    assert!(comparison.diff == at_2 || comparison.diff == at_3);
    comparison.refresh(&new, 3, Lang::Pl);
    comparison.wait();
    assert_eq!(comparison.diff, at_3, "the newest revision is the one shown in the end");
    assert!(!comparison.is_computing());

    // A small edit is diffed inline again.
    comparison.refresh(&old, 4, Lang::Pl);
    assert!(!comparison.is_computing());
    assert!(comparison.diff.is_empty());
}

/// The report without its first lines (the title and the two file names).
fn body(report: &str) -> Vec<&str> {
    report.lines().skip(3).collect()
}

#[test]
fn an_export_while_the_diff_is_computing_describes_the_document_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("old.ron");
    let (old, new) = (with_points(100), with_points(200));
    schemat::io::save(&old, &baseline).unwrap();
    let (report, chart) = (dir.path().join("zmiany.md"), dir.path().join("zmiany.svg"));
    let mut app = SchematApp::new(new.clone(), None);
    app.dialogs = Box::new(ScriptedDialogs { answers: vec![baseline, report.clone(), chart.clone()].into() });
    // In one frame: the comparison starts (its diff goes to a thread), then both exports.
    app.push(Action::Review(ReviewAction::PickBaseline));
    app.push(Action::Review(ReviewAction::ExportReport));
    app.push(Action::Review(ReviewAction::ExportChart(FileKind::Svg)));
    let mut h = harness(app);
    h.step();
    h.step();
    assert!(h.state().compare.is_some());
    let expected = diff::diff(&old, &new);
    assert!(!expected.is_empty());
    let written = std::fs::read_to_string(&report).unwrap();
    let wanted = diff::report::markdown(&expected, Lang::Pl, "a", "b");
    assert_eq!(body(&written), body(&wanted), "the report of the current document, not of an empty diff");
    assert!(std::fs::read_to_string(&chart).unwrap().contains("<svg"));
}
