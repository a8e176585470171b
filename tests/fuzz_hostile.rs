//! Hostile mutations of real files through everything that reads them
//! (issue 10): load, validate, save, diff and export must never panic, a file
//! that loads must save and load back to the same document, and every error
//! must be one clean line.
//!
//! Inputs are the canonical text of the shared sample and of the reference
//! DOA example, mutated: bytes cut, repeated, replaced or spliced in from a
//! list of hostile fragments (unclosed quotes, escapes, terminal control
//! sequences, bidi controls, invalid UTF-8, deep nesting, huge words, other
//! ids and versions).
//!
//! `cargo test --test fuzz_hostile` runs a short round (a few seconds);
//! `SCHEMAT_FUZZ_CASES=100000 cargo test --release --test fuzz_hostile -- --nocapture`
//! runs longer (proptest prints a failing input, shrunk, and keeps it in
//! `tests/fuzz_hostile.proptest-regressions`).

mod io_sample;

use std::path::Path;

use proptest::prelude::*;
use schemat::i18n::Lang;
use schemat::i18n::io::MAX_MESSAGE_CHARS;
use schemat::io::{self, IoError};
use schemat::model::{Document, apply};
use schemat::{diff, layout, render, validate};

/// Fragments a hostile or broken file might hold.
const FRAGMENTS: &[&str] = &[
    "\"",
    "\\",
    "\\u{1b}[2J",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{0}",
    "\r\n",
    "\n",
    ")",
    "(",
    "]",
    "[",
    ",",
    ":",
    "Some(",
    "None",
    "r#\"",
    "\"#",
    "format_version: 2,",
    "format_version: 0,",
    "id: \"doa\",",
    "id: \"it\",",
    "parent: \"it-ss\",",
    "parent: \"nie-ma\",",
    "from: \"nie-ma\",",
    "tasks_at: \"§ 22g ust. x\",",
    "tasks_at: \"§ 22g,",
    "listed_at: \"§ 22 ust. 1\",",
    "staffing: -1,",
    "staffing: 1e309,",
    "kind: Referat,",
    "kind: Nieznany,",
    "colour: \"red\",",
    "((((((((((((((((((((((((((((((((((((((((",
    "§",
    "ą",
    "\u{feff}",
    "TaskPoint(text: \"",
    "sub: [TaskPoint(text: \"x\")],",
];

/// Fragments that keep a string literal valid: hostile content in a file that still loads.
const IN_STRING: &[&str] =
    &["\\u{1b}[2J", "\u{1b}[2J", "\\n", "\n", "\u{202e}", "\\\"", "\\u{0}", "ą", "  ", " ", "§ 1", "-", "it", "doa"];

/// One change to the text.
#[derive(Debug, Clone)]
enum Mutation {
    /// Insert string-safe fragment `f` right after the first quote from `at` on
    /// (at the start of a string value, or at the end of one).
    InString { at: f64, f: usize, repeat: usize },
    /// Insert fragment `f` at relative position `at` (0.0–1.0).
    Insert { at: f64, f: usize },
    /// Remove `len` bytes at `at`.
    Cut { at: f64, len: usize },
    /// Repeat the `len` bytes at `at` `times` times.
    Repeat { at: f64, len: usize, times: usize },
    /// Overwrite one byte.
    Byte { at: f64, byte: u8 },
    /// Insert a word of `len` letters (a huge id, name or field).
    Long { at: f64, len: usize },
    /// End the text at `at`.
    Truncate { at: f64 },
}

/// Hostile content in string values only: the file stays loadable unless a value breaks a rule.
fn in_string() -> impl Strategy<Value = Mutation> {
    (0.0..1.0f64, 0..IN_STRING.len(), prop_oneof![3 => Just(1usize), 1 => 1..3000usize])
        .prop_map(|(at, f, repeat)| Mutation::InString { at, f, repeat })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        6 => in_string(),
        4 => (at.clone(), 0..FRAGMENTS.len()).prop_map(|(at, f)| Mutation::Insert { at, f }),
        2 => (at.clone(), 1..200usize).prop_map(|(at, len)| Mutation::Cut { at, len }),
        1 => (at.clone(), 1..400usize, 1..4usize).prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        2 => (at.clone(), any::<u8>()).prop_map(|(at, byte)| Mutation::Byte { at, byte }),
        1 => (at.clone(), 1..20_000usize).prop_map(|(at, len)| Mutation::Long { at, len }),
        1 => at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let at = |p: f64| ((bytes.len() as f64) * p) as usize;
        match *m {
            Mutation::InString { at: p, f, repeat } => {
                let from = at(p);
                if let Some(quote) = bytes[from..].iter().position(|&b| b == b'"') {
                    let i = from + quote + 1;
                    bytes.splice(i..i, IN_STRING[f].repeat(repeat).into_bytes());
                }
            }
            Mutation::Insert { at: p, f } => {
                let i = at(p);
                bytes.splice(i..i, FRAGMENTS[f].bytes());
            }
            Mutation::Cut { at: p, len } => {
                let i = at(p);
                let end = (i + len).min(bytes.len());
                bytes.drain(i..end);
            }
            Mutation::Repeat { at: p, len, times } => {
                let i = at(p);
                let end = (i + len).min(bytes.len());
                let piece = bytes[i..end].repeat(times);
                bytes.splice(end..end, piece);
            }
            Mutation::Byte { at: p, byte } => {
                let i = at(p);
                if let Some(b) = bytes.get_mut(i) {
                    *b = byte;
                }
            }
            Mutation::Long { at: p, len } => {
                let i = at(p);
                bytes.splice(i..i, std::iter::repeat_n(b'w', len));
            }
            Mutation::Truncate { at: p } => bytes.truncate(at(p)),
        }
    }
    bytes
}

/// The texts mutated: the shared sample and the reference example.
fn originals() -> [String; 2] {
    [io_sample::sample_text(), schemat::examples::DOA_2022.text.to_owned()]
}

/// Every message of a load error: one line, bounded, no control character.
fn check_message(err: &IoError, text_len: usize) {
    for lang in [Lang::Pl, Lang::En] {
        let message = schemat::i18n::io::message(lang, err);
        assert!(message.chars().count() <= MAX_MESSAGE_CHARS, "{} chars: {message}", message.chars().count());
        assert!(!message.chars().any(char::is_control), "a control character in {message:?}");
        assert!(message.starts_with("t.ron"), "{message}");
    }
    if let Some((line, column)) = err.position() {
        assert!(line >= 1 && column >= 1 && line <= text_len + 1, "{line}:{column}");
    }
}

/// Everything that reads a loaded document, on `doc` against the `base` it was mutated from.
fn exercise(doc: &Document, base: &Document, save_to_disk: bool) {
    // Validate, and print the findings as the CLI does: one safe line each.
    let findings = validate::validate(doc);
    let names = schemat::cli::validate::UnitNames::of(doc);
    for finding in &findings {
        for lang in [Lang::Pl, Lang::En] {
            let line = schemat::cli::validate::line(&names, finding, lang);
            let shown = schemat::i18n::io::shown_lines(&line.replace('\n', "\\n")).into_owned();
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
        }
    }
    // Save: canonical text that loads back to the same document, and saves to the same bytes.
    let text = io::to_ron_string(doc);
    let back = io::from_ron_str(&text, Path::new("t.ron")).unwrap_or_else(|e| panic!("round trip: {e}\n{text}"));
    assert_eq!(&back, doc, "round trip");
    assert_eq!(io::to_ron_string(&back), text, "canonical");
    if save_to_disk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.ron");
        io::save(doc, &path).unwrap();
        io::save(base, &path).unwrap();
        assert_eq!(&io::load(&path.with_file_name("t.ron.bak")).unwrap(), doc);
        assert_eq!(&io::load(&path).unwrap(), base);
    }
    // Diff both ways: reports, and the edits replay exactly.
    for (old, new) in [(base, doc), (doc, base)] {
        let d = diff::diff(old, new);
        let _ = diff::report::text(&d, Lang::Pl);
        let _ = diff::report::markdown(&d, Lang::En, "a", "b");
        let _ = diff::report::json(&d);
        let mut replay = old.clone();
        for edit in d.to_edits().unwrap() {
            apply(&mut replay, edit).unwrap();
        }
        assert_eq!(&replay, new, "the diff replays");
    }
    assert!(diff::diff(doc, doc).is_empty());
    // Export: the chart as SVG (PNG rasterises the same scene).
    let chart = layout::layout(doc, &layout::LayoutOptions::for_document(doc));
    let scene = render::scene::build(doc, &chart, &render::scene::SceneOptions::annex(doc, Lang::Pl));
    let svg = render::svg::to_svg(&scene);
    assert!(svg.starts_with("<svg") || svg.starts_with("<?xml"), "{}", &svg[..svg.len().min(80)]);
}

fn cases() -> u32 {
    std::env::var("SCHEMAT_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(400)
}

/// What one input did: loaded (and went through everything), or the error it was refused with.
fn run_one(which: usize, mutations: &[Mutation], disk: bool) -> Result<(), IoError> {
    let original = &originals()[which];
    let base = io::from_ron_str(original, Path::new("t.ron")).unwrap();
    let bytes = mutate(original.clone().into_bytes(), mutations);
    let loaded = match String::from_utf8(bytes) {
        Ok(text) => io::from_ron_str(&text, Path::new("t.ron")).map_err(|e| (e, text.len())),
        // The bytes are not UTF-8: load from a file, as the CLI does, to reach that error.
        Err(e) => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("t.ron");
            std::fs::write(&path, e.as_bytes()).unwrap();
            let err = io::load(&path).unwrap_err();
            let Some((line, column)) = err.position() else { panic!("no position: {err:?}") };
            assert!(matches!(err, IoError::NotUtf8 { .. }), "{err:?}");
            Err((IoError::NotUtf8 { path: "t.ron".into(), line, column }, e.as_bytes().len()))
        }
    };
    match loaded {
        Ok(doc) => {
            exercise(&doc, &base, disk);
            Ok(())
        }
        Err((err, len)) => {
            check_message(&err, len);
            Err(err)
        }
    }
}

#[test]
fn hostile_mutations_never_panic_and_fail_cleanly() {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    use proptest::test_runner::{Config, TestRunner};

    let cases = cases();
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    // How the inputs fared: loaded, or refused with which error.
    let outcomes: RefCell<BTreeMap<String, usize>> = RefCell::new(BTreeMap::new());
    // Half the inputs any mutations (mostly refused), half hostile values in strings (mostly loaded).
    let mutations = prop_oneof![prop::collection::vec(mutation(), 1..6), prop::collection::vec(in_string(), 1..6)];
    let strategy = (0..2usize, mutations, 0..16u8);
    let result = runner.run(&strategy, |(which, mutations, disk)| {
        let outcome = match run_one(which, &mutations, disk == 0) {
            Ok(()) => "loaded+validated+saved+diffed+exported".to_owned(),
            Err(err) => format!("{err:?}").split([' ', '(', '{']).next().unwrap_or("?").to_owned(),
        };
        *outcomes.borrow_mut().entry(outcome).or_default() += 1;
        Ok(())
    });
    println!("{cases} hostile inputs: {:?}", outcomes.borrow());
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn the_unmutated_originals_pass_through_everything() {
    for original in originals() {
        let doc = io::from_ron_str(&original, Path::new("t.ron")).unwrap();
        exercise(&doc, &doc, true);
    }
}
