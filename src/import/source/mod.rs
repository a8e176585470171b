//! The source file of an import read into paragraphs as the reader of the
//! act sees them: Word's automatic list numbering resolved into the printed
//! labels ("1)", "a)"), Markdown marks ("-", "**", "####") taken off, and
//! each paragraph's origin kept for the import report.
//!
//! [`read_source`] tells the kind by the content (a zip is a Word document
//! whatever its name; otherwise `.md`/`.markdown` is Markdown, anything else
//! plain text), reads the file through [`crate::files`] (regular files only,
//! bounded), and hands the bytes to `docx` or to `encoding` and
//! [`read_text`]. Everything a hostile file can do ends in one [`ReadError`]:
//! nothing here panics on input, allocates by a size the file declares, or
//! decompresses more than [`PART_LIMIT`] bytes of one part.

mod docx;
mod encoding;
mod error;
mod numbering;
mod text;

use std::io::Read;
use std::path::Path;

pub use docx::{ARCHIVE_LIMIT, MAX_RATIO, PART_LIMIT};
pub use error::{Foreign, Legacy, Note, Problem, ReadError};
pub use text::read_text;

/// The most bytes of a text or Markdown source (a Regulamin is some 100 KB).
pub const TEXT_LIMIT: u64 = 16 * 1024 * 1024;

/// The most bytes of a Word file (images make them larger than their text).
pub const DOCX_LIMIT: u64 = 64 * 1024 * 1024;

/// One paragraph of the source, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The printed text, with the label of an automatically numbered
    /// paragraph in front ("1) kierownik referatu (IT-TB),").
    pub text: String,
    /// The whole paragraph is bold (title block, § headings).
    pub bold: bool,
    /// A heading: Markdown's "#" count, or the level of a Word heading style.
    pub heading: Option<u8>,
    /// Where it is in the source, 1-based: the line of a text file, the
    /// paragraph of a Word document.
    pub origin: usize,
}

/// The forms a Regulamin comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Docx,
    Text,
    Markdown,
}

/// A source read: its kind, its paragraphs, and what the reader had to
/// guess (an encoding), for the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    pub paragraphs: Vec<Paragraph>,
    pub notes: Vec<Note>,
}

/// The kind and paragraphs of the file at `path` (see [`read_source`], which also gives the notes).
pub fn read(path: &Path) -> Result<(SourceKind, Vec<Paragraph>), ReadError> {
    read_source(path).map(|source| (source.kind, source.paragraphs))
}

/// Reads the file at `path` as a Word, text or Markdown source.
pub fn read_source(path: &Path) -> Result<Source, ReadError> {
    let content = |problem| ReadError::Content { path: path.to_owned(), problem };
    let kind = kind_of(path)?;
    let limit = if kind == SourceKind::Docx { DOCX_LIMIT } else { TEXT_LIMIT };
    let bytes = crate::files::read_bounded(path, limit).map_err(|e| ReadError::file(path, e))?;
    if let Some(foreign) = Foreign::of(&bytes, path) {
        return Err(content(Problem::Foreign(foreign)));
    }
    let (paragraphs, notes) = match kind {
        SourceKind::Docx => (docx::read(&bytes).map_err(content)?, Vec::new()),
        SourceKind::Text | SourceKind::Markdown => {
            let decoded = encoding::decode(&bytes).map_err(content)?;
            (read_text(&decoded.text, kind), decoded.notes)
        }
    };
    if paragraphs.is_empty() {
        return Err(content(Problem::Empty));
    }
    Ok(Source { kind, paragraphs, notes })
}

/// The kind of the file at `path`: its first bytes say whether it is a zip (a
/// Word document), its extension whether a text is Markdown.
fn kind_of(path: &Path) -> Result<SourceKind, ReadError> {
    let (file, _) = crate::files::open_regular(path).map_err(|e| ReadError::file(path, e))?;
    let mut magic = Vec::with_capacity(4);
    file.take(4).read_to_end(&mut magic).map_err(|e| ReadError::file(path, e.into()))?;
    if magic == b"PK\x03\x04" {
        return Ok(SourceKind::Docx);
    }
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    Ok(match extension.as_deref() {
        Some("md" | "markdown") => SourceKind::Markdown,
        _ => SourceKind::Text,
    })
}

/// A paragraph's text as printed: non-breaking and other wide spaces, tabs
/// and control characters become one space each run, invisible characters
/// (soft hyphen, zero-width space, BOM) go, and the ends are trimmed.
fn printed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        match c {
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c if c.is_whitespace() || c.is_control() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_text_has_single_plain_spaces() {
        assert_eq!(printed(" §\u{a0}14\tust.  1\u{ad}\u{200b} "), "§ 14 ust. 1");
        assert_eq!(printed("„2) referat”\r"), "„2) referat”");
        assert_eq!(printed("\u{feff}\u{b}"), "");
    }
}
