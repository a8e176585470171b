//! Issue #11: a Regulamin as a clerk's Word file has it, with Word's
//! automatic numbering for pkt, lit. and tirets, imports as its text does.
//!
//! `tests/import_fixture/regulamin-doa-{2021,2022}.docx` are LibreOffice's
//! DOCX of the `.fodt` beside them, which `make-libreoffice-regulamin.py`
//! writes from `schemat regulamin examples/doa-…ron --format text`:
//!
//! ```text
//! cargo run -q -- regulamin examples/doa-2022.ron --format text \
//!   | python3 tests/import_fixture/make-libreoffice-regulamin.py > tests/import_fixture/regulamin-doa-2022.fodt
//! libreoffice --headless --convert-to docx --outdir tests/import_fixture tests/import_fixture/regulamin-doa-2022.fodt
//! ```
//!
//! The tests read the committed files: LibreOffice is not needed to run them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use schemat::examples::{DOA_2021, DOA_2022, Example};
use schemat::import::source::{self, SourceKind};
use schemat::import::{self, Imported};
use schemat::legal::{self, Format};
use schemat::model::Document;

const CASES: [(&Example, &str); 2] = [(&DOA_2021, "regulamin-doa-2021"), (&DOA_2022, "regulamin-doa-2022")];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_fixture").join(name)
}

fn schemat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemat")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn regulamin(doc: &Document) -> String {
    legal::render(&legal::derive(doc), Format::Text)
}

fn example_text(example: &Example) -> String {
    regulamin(&example.load().expect("example loads"))
}

/// The units as the text states them: kind, name, symbol, listing, tasks
/// and their designation, and the parent's symbol (ids aside).
fn units(doc: &Document) -> Vec<String> {
    doc.units
        .iter()
        .map(|u| {
            let parent = u.parent.as_ref().and_then(|p| doc.unit(p)).map(|p| p.symbol.as_str());
            format!("{:?}", (u.kind, &u.name, &u.symbol, &u.listed_at, &u.tasks_at, &u.tasks, parent))
        })
        .collect()
}

fn text_import(text: &str) -> Imported {
    import::import(&source::read_text(text, SourceKind::Text), SourceKind::Text).expect("the text imports")
}

#[test]
fn the_fixtures_number_their_lists_automatically() {
    for (_, name) in CASES {
        let (kind, paragraphs) = source::read(&fixture(&format!("{name}.docx"))).unwrap();
        assert_eq!(kind, SourceKind::Docx);
        let bytes = std::fs::read(fixture(&format!("{name}.docx"))).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        let numbered = xml.matches("<w:numPr>").count();
        assert!(numbered > 50, "{name}: {numbered} automatically numbered paragraphs");
        // The labels are Word's: the document's text has none of them typed.
        let labelled: Vec<_> =
            paragraphs.iter().filter(|p| p.text.starts_with("1) ") || p.text.starts_with("a) ")).collect();
        assert!(!labelled.is_empty(), "{name}: the reader gives the labels");
        for p in labelled {
            assert!(!xml.contains(&format!(">{}", p.text)), "{name}: {:?} typed", p.text);
        }
    }
}

#[test]
fn the_libreoffice_docx_imports_as_the_example_text() {
    for (example, name) in CASES {
        let text = example_text(example);
        let path = fixture(&format!("{name}.docx"));
        let imported = import::import_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(regulamin(&imported.doc), text, "{name}: the Regulamin text");
        let from_text = text_import(&text);
        let (got, want) = (units(&imported.doc), units(&from_text.doc));
        assert!(!want.is_empty(), "{name}: the text states units");
        assert_eq!(got, want, "{name}: the units");
        let rows = |i: &Imported| i.report.rows.iter().map(|r| format!("{:?}", (&r.at, &r.note))).collect::<Vec<_>>();
        assert_eq!(rows(&imported), rows(&from_text), "{name}: the report");
    }
}

#[test]
fn schemat_import_of_the_docx_writes_the_text_import_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    for (example, name) in CASES {
        let text = dir.path().join(format!("{name}.txt"));
        std::fs::write(&text, example_text(example)).unwrap();
        let from_text = dir.path().join(format!("{name}.txt.ron"));
        let from_docx = dir.path().join(format!("{name}.docx.ron"));
        for (source, ron) in [(path(&text), &from_text), (path(&fixture(&format!("{name}.docx"))), &from_docx)] {
            let out = schemat(&["import", &source, "-o", &path(ron)]);
            let report = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(0), "{source}: {report}{}", String::from_utf8_lossy(&out.stderr));
            assert!(report.contains("niejednoznaczności: 0"), "{source}: {report}");
        }
        let (docx, txt) = (std::fs::read_to_string(&from_docx).unwrap(), std::fs::read_to_string(&from_text).unwrap());
        assert!(docx == txt, "{name}: the document from the DOCX differs from the text's");
    }
}

/// The committed `.fodt` is what the script writes from the example's text
/// today (run when `python3` is at hand; the DOCX then needs LibreOffice to
/// be made again, see the module's doc).
#[test]
fn the_fodt_fixtures_are_what_the_script_writes() {
    let script = fixture("make-libreoffice-regulamin.py");
    for (example, name) in CASES {
        let child = Command::new("python3")
            .arg(&script)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn();
        let Ok(mut child) = child else {
            eprintln!("python3 not found: {name}.fodt not checked against the script");
            return;
        };
        let text = example_text(example);
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let committed = std::fs::read_to_string(fixture(&format!("{name}.fodt"))).unwrap();
        assert!(
            String::from_utf8(out.stdout).unwrap() == committed,
            "{name}.fodt is not what make-libreoffice-regulamin.py writes from {}: regenerate it and its DOCX",
            example.path
        );
    }
}
