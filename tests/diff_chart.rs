//! The highlighted review chart of the example pair: every changed unit is
//! marked with a colour and a badge, removed units stand as dotted ghosts, a
//! review legend explains the marks, and SVG/PNG come out of `schemat diff`.

use std::path::Path;

use schemat::diff::{Status, chart, diff};
use schemat::i18n::Lang;
use schemat::model::Document;
use schemat::render::scene::{Dash, Primitive};
use schemat::render::{Mark, Scene};

fn load(name: &str) -> Document {
    schemat::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)).unwrap()
}

fn review() -> (Scene, schemat::diff::Diff) {
    let (old, new) = (load("doa-2021.ron"), load("doa-2022.ron"));
    let d = diff(&old, &new);
    (chart::review_scene(&d, &old, &new, Lang::Pl), d)
}

fn count(d: &schemat::diff::Diff, status: Status) -> usize {
    d.units.iter().filter(|e| e.status == status).count()
}

#[test]
fn every_changed_unit_carries_a_badge_and_removed_ones_are_dotted_ghosts() {
    let (scene, d) = review();
    let texts: Vec<&str> = scene.texts().map(|t| t.text.as_str()).collect();
    // One badge per marked box, plus one per mark in the review legend.
    for (mark, status) in
        [(Mark::Added, Status::Added), (Mark::Changed, Status::Changed), (Mark::Removed, Status::Removed)]
    {
        let badges = texts.iter().filter(|t| **t == mark.badge()).count();
        assert_eq!(badges, count(&d, status) + 1, "{mark:?}");
    }
    assert_eq!(count(&d, Status::Removed), 4);
    let ghost_borders = scene
        .primitives
        .iter()
        .filter(|p| matches!(p, Primitive::Rect(r) if r.stroke.is_some_and(|s| s.dash == Dash::Dotted && s.color == Mark::Removed.color())))
        .count();
    assert_eq!(ghost_borders, 4 + 1, "four ghosts and the legend sample");
    let joined = texts.join(" "); // names wrap over several text runs
    for ghost in ["Referat (§ 22)", "Stanowisko pracy (§ 21 ust."] {
        assert!(joined.contains(ghost), "{ghost} missing: {texts:?}");
    }
}

#[test]
fn the_review_legend_names_the_marks_present() {
    let (scene, _) = review();
    let texts: Vec<&str> = scene.texts().map(|t| t.text.as_str()).collect();
    for label in ["Zmiany:", "dodano", "zmieniono", "usunięto"] {
        assert!(texts.contains(&label), "{label} missing");
    }
    assert!(!texts.contains(&"przeniesiono"), "no unit moved in the example pair");
    assert!(texts.iter().any(|t| t.starts_with("zmiany w porównaniu z: stan do 31 grudnia 2021 r.")));
    // The review legend sits under the chart legend, inside the scene's bounds.
    let y_of = |text: &str| scene.texts().find(|t| t.text == text).unwrap().origin.y;
    assert!(y_of("Zmiany:") > y_of("Legenda:"));
    assert!(y_of("Zmiany:") < scene.bounds.max.y);
}

#[test]
fn diff_writes_the_highlighted_chart_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let (png, svg) = (dir.path().join("zmiany.png"), dir.path().join("zmiany.svg"));
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_schemat"))
            .arg("diff")
            .arg(examples.join("doa-2021.ron"))
            .arg(examples.join("doa-2022.ron"))
            .arg("--png")
            .arg(&png)
            .arg("--svg")
            .arg(&svg)
            .output()
            .unwrap()
    };
    let out = run();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Zmiany:") && text.contains("IT-ZIII"));
    run();
    assert_eq!(std::fs::read_to_string(&svg).unwrap(), text, "the SVG is deterministic");
}
