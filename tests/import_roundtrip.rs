//! Issue #11, round trip: the Regulamin text of each example, printed as
//! plain text and as Markdown, imports back to a document whose text reads
//! the same and whose units are the original's as far as the text states
//! them (kind, name, symbol, listing, tasks and their designation, parent).

use schemat::examples::{DOA_2021, DOA_2022, Example};
use schemat::import::source::{SourceKind, read_text};
use schemat::import::{Imported, Note, import};
use schemat::legal::{self, Format, Source};
use schemat::model::{Document, Unit};

fn examples() -> [(&'static str, Document); 2] {
    let load = |e: &Example| e.load().expect("example loads");
    [(DOA_2021.path, load(&DOA_2021)), (DOA_2022.path, load(&DOA_2022))]
}

fn reimport(doc: &Document, format: Format, kind: SourceKind) -> Imported {
    let printed = legal::render(&legal::derive(doc), format);
    import(&read_text(&printed, kind)).expect("the printed text imports")
}

/// The units whose listing the text shows by name: their listing piece is
/// generated from them, or a provision there names them.
fn stated(doc: &Document) -> Vec<&Unit> {
    let text = legal::derive(doc);
    doc.units
        .iter()
        .filter(|u| {
            let Some(at) = &u.listed_at else { return false };
            let Some(piece) = text.find(at) else { return false };
            match &piece.source {
                Source::Listing(id) => id == &u.id && !piece.text.is_empty(),
                Source::Provision => piece.text.contains(&u.label()),
                _ => false,
            }
        })
        .collect()
}

/// The symbol and name of the nearest ancestor of `unit` among `among`.
fn stated_parent<'a>(doc: &'a Document, unit: &Unit, among: &[&Unit]) -> Option<(&'a str, &'a str)> {
    doc.ancestors(&unit.id)
        .into_iter()
        .filter(|a| a.id != unit.id)
        .find(|a| among.iter().any(|s| s.id == a.id))
        .map(|a| (a.symbol.as_str(), a.name.as_str()))
}

fn assert_round_trip(path: &str, original: &Document, imported: &Imported, format: Format) {
    let before = legal::derive(original);
    let after = legal::derive(&imported.doc);
    assert!(before.same_wording(&after), "{path} ({format:?}): {}", legal::amend::first_difference(&before, &after));
    let want = stated(original);
    assert!(!want.is_empty() || path.contains("2021"), "{path}: the 2022 text states units");
    let got: Vec<&Unit> = imported.doc.units.iter().filter(|u| u.listed_at.is_some()).collect();
    for unit in &want {
        let twin = got
            .iter()
            .find(|g| g.listed_at == unit.listed_at && g.symbol == unit.symbol && g.name == unit.name)
            .unwrap_or_else(|| panic!("{path}: {} ({}) not imported", unit.name, unit.symbol));
        assert_eq!(twin.kind, unit.kind, "{path}: kind of {}", unit.label());
        assert_eq!(twin.tasks_at, unit.tasks_at, "{path}: tasks of {}", unit.label());
        if !unit.tasks.intro_unknown {
            assert_eq!(twin.tasks.intro, unit.tasks.intro, "{path}: intro of {}", unit.label());
            assert_eq!(twin.tasks.shared_ref, unit.tasks.shared_ref, "{path}: shared tasks of {}", unit.label());
        }
        assert_eq!(twin.tasks.points, unit.tasks.points, "{path}: points of {}", unit.label());
        let stated_twins: Vec<&Unit> =
            got.iter().copied().filter(|g| want.iter().any(|w| w.symbol == g.symbol && w.name == g.name)).collect();
        assert_eq!(
            stated_parent(&imported.doc, twin, &stated_twins),
            stated_parent(original, unit, &want),
            "{path}: parent of {}",
            unit.label()
        );
    }
}

#[test]
fn the_examples_printed_as_text_import_back() {
    for (path, doc) in examples() {
        let imported = reimport(&doc, Format::Text, SourceKind::Text);
        assert_round_trip(path, &doc, &imported, Format::Text);
        assert!(
            !imported.report.is_ambiguous(),
            "{path}: {:?}",
            imported.report.rows.iter().filter(|r| r.note.is_ambiguity()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_examples_printed_as_markdown_import_back() {
    for (path, doc) in examples() {
        let imported = reimport(&doc, Format::Markdown, SourceKind::Markdown);
        assert_round_trip(path, &doc, &imported, Format::Markdown);
    }
}

#[test]
fn the_2022_units_are_all_found_and_their_tasks_attached() {
    let doc = DOA_2022.load().unwrap();
    let imported = reimport(&doc, Format::Text, SourceKind::Text);
    let found = imported.report.count(|n| matches!(n, Note::Unit { .. }));
    let tasks = imported.report.count(|n| matches!(n, Note::Tasks(_)));
    assert_eq!(found, stated(&doc).len(), "every unit the text names, and no other");
    assert_eq!(tasks, stated(&doc).iter().filter(|u| !u.tasks.intro_unknown && u.tasks_at.is_some()).count());
    assert_eq!(imported.doc.meta.department, doc.meta.department);
    // Ids come from the symbols, so that a second import gives the same ones.
    assert!(imported.doc.units.iter().any(|u| u.id.as_str() == "it-ss-iv"));
    assert!(imported.doc.units.iter().any(|u| u.id.as_str() == "om-iu-k"));
}

/// `schemat regulamin --format docx` of each example, read back by the
/// import's Word reader, gives the same document as its text does.
#[test]
fn the_examples_written_as_word_documents_import_back() {
    let dir = tempfile::tempdir().unwrap();
    for (path, doc) in examples() {
        let file = dir.path().join("regulamin.docx");
        std::fs::write(&file, legal::docx::regulamin(&legal::derive(&doc)).unwrap()).unwrap();
        let imported = schemat::import::import_file(&file).expect("the Word document imports");
        assert_round_trip(path, &doc, &imported, Format::Text);
        let from_text = reimport(&doc, Format::Text, SourceKind::Text);
        assert_eq!(schemat::io::to_ron_string(&imported.doc), schemat::io::to_ron_string(&from_text.doc), "{path}");
    }
}

/// Chapter headings ("Rozdział 2" and its title) are kept before the § they
/// open, and print again as the source has them, in text, Markdown and Word.
#[test]
fn chapter_headings_import_and_print_back() {
    let mut doc = DOA_2022.load().unwrap();
    doc.chapters = vec![
        schemat::model::Chapter {
            before: "§ 3".parse().unwrap(),
            heading: "Rozdział 2".into(),
            title: "Struktura organizacyjna".into(),
        },
        schemat::model::Chapter {
            before: "§ 10".parse().unwrap(), heading: "Rozdział 3".into(), title: String::new()
        },
    ];
    let text = legal::render(&legal::derive(&doc), Format::Text);
    assert!(text.contains("\nRozdział 2\nStruktura organizacyjna\n\n§ 3\n"), "{text}");
    for (format, kind) in [(Format::Text, SourceKind::Text), (Format::Markdown, SourceKind::Markdown)] {
        let imported = reimport(&doc, format, kind);
        assert_eq!(imported.doc.chapters, doc.chapters, "{format:?}");
        assert_eq!(legal::render(&legal::derive(&imported.doc), format), legal::render(&legal::derive(&doc), format));
        assert!(imported.report.rows.iter().any(|r| matches!(&r.note, Note::Chapter(h) if h == "Rozdział 2")));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regulamin.docx");
    std::fs::write(&file, legal::docx::regulamin(&legal::derive(&doc)).unwrap()).unwrap();
    let imported = schemat::import::import_file(&file).expect("the Word document imports");
    assert_eq!(imported.doc.chapters, doc.chapters, "docx");
    // Saved and loaded, they stay.
    let ron = schemat::io::to_ron_string(&imported.doc);
    let back = schemat::io::from_ron_str(&ron, std::path::Path::new("c.ron")).unwrap();
    assert_eq!(back.chapters, doc.chapters);
}
