//! Hostile input through the importer's parser and recogniser: arbitrary
//! strings, and the lines of the example text shuffled, dropped and
//! repeated, never panic; whatever imports is a document that saves and
//! loads back, and its text holds every piece the source had.

use std::path::Path;

use proptest::prelude::*;
use schemat::examples::DOA_2022;
use schemat::import::source::{SourceKind, read_text};
use schemat::import::{ImportError, Note, import};
use schemat::legal::{self, Format};
use schemat::model::Designation;

fn example_lines() -> Vec<String> {
    let doc = DOA_2022.load().unwrap();
    legal::render(&legal::derive(&doc), Format::Text).lines().map(str::to_owned).collect()
}

fn check(text: &str, kind: SourceKind) -> Result<(), TestCaseError> {
    match import(&read_text(text, kind)) {
        Err(ImportError::NoParagraphs) => {
            prop_assert!(!text.lines().any(is_heading), "a text with a § heading imports");
        }
        Ok(imported) => {
            let ron = schemat::io::to_ron_string(&imported.doc);
            let back = schemat::io::from_ron_str(&ron, Path::new("import.ron"));
            prop_assert!(back.is_ok(), "the imported document loads back: {back:?}");
            // Each designation of the parsed text is still in the document's
            // text, but for a designation given twice, which the report names.
            let parsed = schemat::import::parse::parse(&read_text(text, kind));
            let derived = legal::derive(&imported.doc);
            let twice: Vec<&Designation> = imported
                .report
                .rows
                .iter()
                .filter(|r| r.note == Note::DuplicateDesignation)
                .filter_map(|r| r.at.as_ref())
                .collect();
            for (d, _) in parsed.text.pieces() {
                let reported = twice.iter().any(|t| d.is_within(t));
                prop_assert!(derived.find(&d).is_some() || reported, "{d} lost in {text}");
            }
        }
    }
    Ok(())
}

/// "§ 14", "§ 22. (uchylony)": a line the parser must take for a § heading.
fn is_heading(line: &str) -> bool {
    let Some(rest) = line.trim().strip_prefix('§') else { return false };
    let label: String = rest.trim_start().chars().take_while(|c| *c != ' ' && *c != '.').collect();
    Designation::paragraph(&label).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(text in "(§ [0-9a-z]{0,3}|[0-9]{1,2}[.)] |[a-z][)] |[–(\\[…\\]):;,.\\n ]|\\PC){0,200}") {
        check(&text, SourceKind::Text)?;
        check(&text, SourceKind::Markdown)?;
    }

    #[test]
    fn shuffled_example_lines_never_panic(picks in prop::collection::vec(any::<prop::sample::Index>(), 0..400)) {
        let lines = example_lines();
        let text: Vec<&str> = picks.iter().map(|i| lines[i.index(lines.len())].as_str()).collect();
        check(&text.join("\n"), SourceKind::Text)?;
    }
}
