//! Bringing an office's existing Regulamin in: a Word, text or Markdown
//! file read into paragraphs ([`source`]), parsed as legal text
//! ([`parse`]) and recognised as units, listings, task lists and provisions
//! of a [`crate::model::Document`] ([`recognise`]), with a [`report`] of
//! what was understood, assumed or kept as it was.
//!
//! [`import_file`] is the one entry point of `schemat import` and of the
//! editor's Plik → Importuj…: it reads the file ([`source::read_source`])
//! and imports its paragraphs ([`import`]); [`recognise::recognise`] takes a
//! text already parsed, or fragments of one (the quoted paragraphs of an
//! ordinance).

pub mod parse;
pub mod recognise;
pub mod report;
pub mod source;

pub use recognise::{Imported, recognise};
pub use report::{Kept, Match, NotKept, Note, Report, Row};

use std::path::Path;

use source::{Paragraph, ReadError};

/// Why a source gives no document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a single "§" heading: not a Regulamin (or not in a form this reads).
    #[error("no § in the text: not a Regulamin")]
    NoParagraphs,
}

/// Why a file gives no document.
#[derive(Debug, thiserror::Error)]
pub enum ImportFileError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{path}: {error}", path = crate::i18n::io::path_text(.1), error = .0)]
    Import(ImportError, std::path::PathBuf),
}

/// The document the file at `path` reads as, with the report; what the
/// reader had to guess (an encoding) heads the report.
pub fn import_file(path: &Path) -> Result<Imported, ImportFileError> {
    let source = source::read_source(path)?;
    let mut imported = import(&source.paragraphs).map_err(|e| ImportFileError::Import(e, path.to_owned()))?;
    let read_rows = source.notes.into_iter().map(|note| Row::new(Note::Read(note)));
    imported.report.rows.splice(0..0, read_rows);
    Ok(imported)
}

/// The document a source's paragraphs read as, with the report (each row
/// with the source paragraph of its piece, where it has one).
pub fn import(paragraphs: &[Paragraph]) -> Result<Imported, ImportError> {
    let parsed = parse::parse(paragraphs);
    if !parsed.has_paragraphs() {
        return Err(ImportError::NoParagraphs);
    }
    let mut imported = recognise(&parsed.text, parsed.meta);
    for row in &mut imported.report.rows {
        if row.origin.is_none() {
            row.origin = row.at.as_ref().and_then(|d| parsed.origins.get(d).copied());
        }
    }
    let mut rows = parsed.rows;
    rows.append(&mut imported.report.rows);
    imported.report.rows = rows;
    Ok(imported)
}
