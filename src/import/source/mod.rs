//! The source file of an import read into paragraphs as the reader of the
//! act sees them: Word's automatic list numbering resolved into the printed
//! labels ("1)", "a)"), Markdown marks ("-", "**", "####") taken off, and
//! each paragraph's origin kept for the import report.

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

/// Why a source could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    File(#[from] crate::files::FileError),
}

/// The paragraphs of a plain text or Markdown source: one per non-empty line.
pub fn read_text(text: &str, kind: SourceKind) -> Vec<Paragraph> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| paragraph(line, i + 1, kind))
        .collect()
}

fn paragraph(line: &str, origin: usize, kind: SourceKind) -> Paragraph {
    let mut text = line.trim();
    let mut heading = None;
    if kind == SourceKind::Markdown {
        let hashes = text.chars().take_while(|&c| c == '#').count();
        if hashes > 0 && text[hashes..].starts_with(' ') {
            heading = Some(hashes as u8);
            text = text[hashes..].trim();
        }
        if let Some(rest) = text.strip_prefix("- ") {
            text = rest.trim();
        }
    }
    let bold = kind == SourceKind::Markdown && text.len() > 4 && text.starts_with("**") && text.ends_with("**");
    let text = if bold { text[2..text.len() - 2].trim() } else { text };
    Paragraph { text: text.to_string(), bold, heading, origin }
}
