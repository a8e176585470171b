//! The diff's time is bounded in the length of a wording (issue 10, item 5):
//! exact word diffs for real wordings, `similar`'s work limit for long ones,
//! whole replacement (noted in the report) past the token cap or the budget.
//!
//! `cargo test --test diff_bounded -- --ignored --nocapture` prints the times
//! of hostile 10k- and 20k-word points and of a 4.7 MB document, before (the
//! unbounded exact alignment the diff used to run) and now.

mod hostile;
mod io_sample;

use std::time::Instant;

use hostile::hostile_words;
use schemat::diff::{self, PointChange, WordDiff, WordOp, report};
use schemat::i18n::Lang;
use schemat::model::{Document, TaskPoint};

/// The sample with the referat's task points replaced by `points`.
fn with_points(points: &[String]) -> Document {
    let mut doc = io_sample::sample();
    let unit = doc.units.iter_mut().find(|u| u.id.as_str() == "it-ss").unwrap();
    unit.tasks.points = TaskPoint::numbered(points.iter().cloned());
    doc
}

#[test]
fn a_wording_past_the_token_cap_is_replaced_whole_keeping_its_common_ends() {
    let (old, new) = (hostile_words(15_000, 1), hostile_words(15_000, 2));
    let (old, new) = (format!("Wstęp wspólny: {old} koniec."), format!("Wstęp wspólny: {new} koniec."));
    let d = WordDiff::new(&old, &new);
    assert!(d.is_bounded());
    assert_eq!((d.side(true), d.side(false)), (old.clone(), new.clone()));
    let ops: Vec<WordOp> = d.spans.iter().map(|s| s.op).collect();
    assert_eq!(ops, [WordOp::Equal, WordOp::Deleted, WordOp::Inserted, WordOp::Equal]);
    assert!(d.spans[0].text.starts_with("Wstęp wspólny: "));
    assert!(d.spans[3].text.ends_with(" koniec."));
}

#[test]
fn a_long_wording_is_aligned_within_the_work_limit() {
    // 2000 words a side: past the exact limit, under the token cap.
    let (old, new) = (hostile_words(2000, 3), hostile_words(2000, 4));
    let d = WordDiff::new(&old, &new);
    assert!(!d.is_bounded());
    assert_eq!((d.side(true), d.side(false)), (old, new));
    assert!(d.spans.iter().any(|s| s.op == WordOp::Equal && !s.text.trim().is_empty()), "common words are found");
    // A real wording gets the exact, minimal alignment as before.
    let d = WordDiff::new("prowadzenia spraw kadrowych", "prowadzenia spraw płacowych");
    assert_eq!(d.spans.iter().filter(|s| s.op != WordOp::Equal).count(), 2);
    assert!(!d.is_bounded());
}

#[test]
fn many_long_points_share_one_budget_and_the_report_notes_the_replaced_ones() {
    // 12 rewritten points of 1500 words: every pair a costly candidate; past the budget.
    let old: Vec<String> = (0..12).map(|i| hostile_words(1500, 100 + i)).collect();
    let new: Vec<String> = (0..12).map(|i| hostile_words(1500, 200 + i)).collect();
    let (old_doc, new_doc) = (with_points(&old), with_points(&new));
    assert!(diff::diff_within(&old_doc, &new_doc, 1_000_000).is_none(), "a small budget runs out");
    let d = diff::diff(&old_doc, &new_doc);
    assert_eq!(d, diff::diff(&old_doc, &new_doc), "the budget makes no diff depend on time");
    let tasks = d.units.iter().find_map(|e| e.tasks.as_ref()).unwrap();
    assert!(!tasks.points.is_empty());
    // Whatever was reported, both wordings are there in full.
    for change in &tasks.points {
        if let PointChange::Edited { old: o, new: n, words } = change {
            // Points are cited by label: pkt n is old[n - 1].
            let at = |label: &str| label.parse::<usize>().unwrap() - 1;
            assert_eq!(words.side(true), old[at(&o[0])]);
            assert_eq!(words.side(false), new[at(&n[0])]);
        }
    }
    // Two points of 15 000 words: replaced whole, and the reports say so.
    let (old_doc, new_doc) = (with_points(&[hostile_words(15_000, 5)]), with_points(&[hostile_words(15_000, 6)]));
    let d = diff::diff(&old_doc, &new_doc);
    let text = report::text(&d, Lang::En);
    assert!(text.contains("(note: the wording is too long to compare word by word; it is shown as replaced whole)"));
    let polish = report::markdown(&d, Lang::Pl, "a.ron", "b.ron");
    assert!(
        polish.contains("*uwaga: brzmienie jest zbyt długie, by porównać je słowo po słowie"),
        "{}",
        &polish[..300]
    );
    // A real edit has no note, and a small budget is enough for it: the same diff.
    let (old_doc, new_doc) = (with_points(&["spraw kadrowych".into()]), with_points(&["spraw płacowych".into()]));
    let d = diff::diff(&old_doc, &new_doc);
    assert!(!report::text(&d, Lang::En).contains("note:"));
    assert_eq!(diff::diff_within(&old_doc, &new_doc, 10_000), Some(d));
}

#[test]
fn the_cli_diff_of_hostile_points_returns_with_the_note() {
    let (old_doc, new_doc) = (with_points(&[hostile_words(20_000, 7)]), with_points(&[hostile_words(20_000, 8)]));
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
    schemat::io::save(&old_doc, &old).unwrap();
    schemat::io::save(&new_doc, &new).unwrap();
    let out = io_sample::schemat(&["--lang", "en", "diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(io_sample::stdout(&out).contains("it is shown as replaced whole"));
}

/// The word diff as it was before the bound: an exact alignment of all tokens.
fn unbounded(old: &str, new: &str) -> usize {
    let split = |s: &str| s.split_inclusive(' ').map(str::to_owned).collect::<Vec<_>>();
    similar::capture_diff_slices(similar::Algorithm::RawMyers, &split(old), &split(new)).len()
}

#[test]
#[ignore = "measurement: prints times, asserts nothing about them"]
fn measure_hostile_diff_times() {
    for words in [10_000, 20_000] {
        let (old, new) = (hostile_words(words, 1), hostile_words(words, 2));
        let start = Instant::now();
        let ops = unbounded(&old, &new);
        let before = start.elapsed();
        let start = Instant::now();
        let d = WordDiff::new(&old, &new);
        let now = start.elapsed();
        println!("{words}-word points: before {before:?} ({ops} ops), now {now:?} (bounded: {})", d.is_bounded());
    }
    // Several MB of rewritten points in one unit: 300 points (too many candidates to pair) and
    // 100 points (10 000 candidate pairs, each a costly word diff).
    for (points, words) in [(300, 2000), (100, 3000)] {
        let old: Vec<String> = (0..points).map(|i| hostile_words(words, 1000 + i)).collect();
        let new: Vec<String> = (0..points).map(|i| hostile_words(words, 2000 + i)).collect();
        let (old_doc, new_doc) = (with_points(&old), with_points(&new));
        let bytes = schemat::io::to_ron_string(&old_doc).len() + schemat::io::to_ron_string(&new_doc).len();
        let start = Instant::now();
        let d = diff::diff(&old_doc, &new_doc);
        println!(
            "{points} points of {words} words ({:.1} MB both files): diff {:?}, {} changes",
            bytes as f64 / 1e6,
            start.elapsed(),
            d.changes.len()
        );
    }
}
