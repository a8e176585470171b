//! What can go wrong reading a source, and what the reader had to guess,
//! in Polish and in English: each message is one line naming the file
//! (`crate::i18n::io` keeps it one clean line of bounded length).

use std::fmt;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use crate::files::FileError;
use crate::i18n::Lang;
use crate::i18n::io::{MAX_QUOTED_CHARS, mib, one_line, path_text, quoted};
use crate::io::IoError;

/// Why a source could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The path could not be read as a file (a directory, a FIFO, too large, refused).
    File(IoError),
    /// The bytes are not a source schemat can import.
    Content { path: PathBuf, problem: Problem },
}

/// What is wrong with the bytes of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No text at all.
    Empty,
    /// A NUL byte: binary data, not text (`line` is 1-based).
    Binary { line: usize },
    /// A UTF-16 byte order mark, then bytes that are not UTF-16.
    BadUtf16,
    /// A document of a kind schemat does not read, with the way out.
    Foreign(Foreign),
    /// The zip archive of a Word document is damaged (truncated, bad CRC).
    Corrupt { part: Option<String>, message: String },
    /// A zip without the main part of a Word document.
    NotWord,
    /// A part of the archive unpacks (or says it unpacks) to more than `limit` bytes.
    PartTooLarge { part: String, limit: u64 },
    /// The parts together say they unpack to more than `limit` bytes.
    ArchiveTooLarge { limit: u64 },
    /// A part packed more tightly than any real document: a zip bomb.
    Packed { part: String },
    /// A part of the Word document is not well-formed XML.
    Xml { part: String, position: u64, message: String },
}

/// Documents that are not DOCX, text or Markdown, recognised so that the
/// clerk is told how to save them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    /// A Word 97-2003 `.doc` (or any OLE container: a password-protected DOCX is one).
    OldWord,
    Rtf,
    Pdf,
    /// An OpenDocument text (LibreOffice's `.odt`).
    Odt,
    /// Named `.docx` but not a zip archive.
    NotZip,
}

impl Foreign {
    /// The kind of `bytes` when it is one of these (the zip-based ODT is told by the DOCX reader).
    pub(super) fn of(bytes: &[u8], path: &Path) -> Option<Foreign> {
        if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
            return Some(Foreign::OldWord);
        }
        if bytes.starts_with(b"{\\rtf") {
            return Some(Foreign::Rtf);
        }
        if bytes.starts_with(b"%PDF-") {
            return Some(Foreign::Pdf);
        }
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let word_name = matches!(extension.as_deref(), Some("docx" | "docm" | "dotx"));
        (word_name && !bytes.starts_with(b"PK\x03\x04")).then_some(Foreign::NotZip)
    }
}

/// The single-byte encodings of old Polish text files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Windows1250,
    Iso8859_2,
}

impl Legacy {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Windows1250 => "Windows-1250",
            Legacy::Iso8859_2 => "ISO-8859-2",
        }
    }
}

/// What the reader guessed and the import report should say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The text is not UTF-8 and was read as `encoding`: the whole file when
    /// `lines` is empty, else only these lines (the others are UTF-8).
    Decoded { encoding: Legacy, lines: Vec<RangeInclusive<usize>> },
    /// The text is UTF-16 without a byte order mark (told by its zero bytes).
    Utf16WithoutBom { big_endian: bool },
}

/// How many line ranges a note lists before "…".
const LISTED_RANGES: usize = 12;

impl Note {
    /// The note as one line, without the file name.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Note::Decoded { encoding, lines } if lines.is_empty() => lang.pick(
                format!("plik nie jest w UTF-8: odczytano go jako {}", encoding.name()),
                format!("the file is not UTF-8: read as {}", encoding.name()),
            ),
            Note::Utf16WithoutBom { big_endian } => {
                let order = if *big_endian { "big-endian" } else { "little-endian" };
                lang.pick(
                    format!("plik jest w UTF-16 ({order}) bez znacznika kolejności bajtów: odczytano go jako UTF-16"),
                    format!("the file is UTF-16 ({order}) without a byte order mark: read as UTF-16"),
                )
            }
            Note::Decoded { encoding, lines } => {
                let mut listed: Vec<String> = lines
                    .iter()
                    .take(LISTED_RANGES)
                    .map(|r| {
                        if r.start() == r.end() { r.start().to_string() } else { format!("{}-{}", r.start(), r.end()) }
                    })
                    .collect();
                if lines.len() > LISTED_RANGES {
                    listed.push("…".to_owned());
                }
                let listed = listed.join(", ");
                lang.pick(
                    format!(
                        "wiersze {listed} nie są w UTF-8 jak reszta pliku: odczytano je jako {}; sprawdź polskie litery",
                        encoding.name()
                    ),
                    format!(
                        "lines {listed} are not UTF-8 like the rest of the file: read as {}; check their Polish letters",
                        encoding.name()
                    ),
                )
            }
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl ReadError {
    /// The error of a failed [`crate::files`] read of `path`.
    pub(super) fn file(path: &Path, error: FileError) -> Self {
        let path = path.to_owned();
        ReadError::File(match error {
            FileError::IsDirectory => IoError::IsDirectory { path },
            FileError::NotRegular(kind) => IoError::NotRegular { path, kind },
            FileError::TooLarge { bytes, limit } => IoError::TooLarge { path, bytes, limit },
            FileError::Io(source) => IoError::Read { path, source },
        })
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ReadError::File(error) => error.path(),
            ReadError::Content { path, .. } => path,
        }
    }

    /// The whole message, one line: `FILE: what is wrong`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReadError::File(error) => crate::i18n::io::message(lang, error),
            ReadError::Content { path, problem } => {
                one_line(&format!("{}: {}", path_text(path), problem_text(lang, problem)))
            }
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ReadError {}

fn problem_text(lang: Lang, problem: &Problem) -> String {
    let part_name = |part: &str| quoted(part, MAX_QUOTED_CHARS);
    match problem {
        Problem::Empty => lang.pick("plik nie zawiera tekstu".to_owned(), "the file holds no text".to_owned()),
        Problem::Binary { line } => lang.pick(
            format!("wiersz {line} zawiera dane binarne (bajt NUL): to nie jest plik tekstowy"),
            format!("line {line} holds binary data (a NUL byte): not a text file"),
        ),
        Problem::BadUtf16 => lang.pick(
            "plik zaczyna się znacznikiem UTF-16, ale dalej nie jest tekstem UTF-16".to_owned(),
            "the file starts with a UTF-16 byte order mark but is not UTF-16 text".to_owned(),
        ),
        Problem::Foreign(foreign) => foreign_text(lang, *foreign).to_owned(),
        Problem::Corrupt { part: Some(part), message } => lang.pick(
            format!("dokument Word jest uszkodzony (część {}: {})", part_name(part), quoted(message, MAX_QUOTED_CHARS)),
            format!("the Word document is damaged (part {}: {})", part_name(part), quoted(message, MAX_QUOTED_CHARS)),
        ),
        Problem::Corrupt { part: None, message } => lang.pick(
            format!("dokument Word jest uszkodzony lub ucięty ({})", quoted(message, MAX_QUOTED_CHARS)),
            format!("the Word document is damaged or truncated ({})", quoted(message, MAX_QUOTED_CHARS)),
        ),
        Problem::NotWord => lang.pick(
            "to nie jest dokument Word (brak word/document.xml)".to_owned(),
            "not a Word document (no word/document.xml)".to_owned(),
        ),
        Problem::PartTooLarge { part, limit } => lang.pick(
            format!(
                "część {} dokumentu Word rozpakowuje się do ponad {}; import tego nie czyta",
                part_name(part),
                mib(lang, *limit)
            ),
            format!(
                "part {} of the Word document unpacks to more than {}; the import does not read it",
                part_name(part),
                mib(lang, *limit)
            ),
        ),
        Problem::ArchiveTooLarge { limit } => lang.pick(
            format!("dokument Word rozpakowuje się do ponad {}; import tego nie czyta", mib(lang, *limit)),
            format!("the Word document unpacks to more than {}; the import does not read it", mib(lang, *limit)),
        ),
        Problem::Packed { part } => lang.pick(
            format!(
                "część {} jest spakowana gęściej niż jakikolwiek dokument (bomba zip); import tego nie czyta",
                part_name(part)
            ),
            format!(
                "part {} is packed more densely than any document (a zip bomb); the import does not read it",
                part_name(part)
            ),
        ),
        Problem::Xml { part, position, message } => lang.pick(
            format!(
                "dokument Word jest uszkodzony: {} nie jest poprawnym XML (bajt {position}: {})",
                part_name(part),
                quoted(message, MAX_QUOTED_CHARS)
            ),
            format!(
                "the Word document is damaged: {} is not well-formed XML (byte {position}: {})",
                part_name(part),
                quoted(message, MAX_QUOTED_CHARS)
            ),
        ),
    }
}

fn foreign_text(lang: Lang, foreign: Foreign) -> &'static str {
    match foreign {
        Foreign::OldWord => lang.pick(
            "to dokument Word 97-2003 (.doc) lub plik chroniony hasłem; zapisz go w Wordzie jako .docx bez hasła",
            "a Word 97-2003 document (.doc) or a password-protected file; save it in Word as .docx without a password",
        ),
        Foreign::Rtf => {
            lang.pick("to dokument RTF; zapisz go w Wordzie jako .docx", "an RTF document; save it in Word as .docx")
        }
        Foreign::Pdf => lang.pick(
            "to plik PDF; import czyta .docx, .txt i .md (zapisz tekst z dokumentu źródłowego)",
            "a PDF file; the import reads .docx, .txt and .md (save the text from the source document)",
        ),
        Foreign::Odt => lang.pick(
            "to dokument OpenDocument (.odt); zapisz go jako .docx (Plik → Zapisz jako → Word)",
            "an OpenDocument text (.odt); save it as .docx (File → Save As → Word)",
        ),
        Foreign::NotZip => lang.pick(
            "plik ma nazwę .docx, ale nie jest dokumentem Word (to nie jest archiwum zip)",
            "named .docx but not a Word document (not a zip archive)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_lists_the_ranges_of_lines() {
        let note = Note::Decoded { encoding: Legacy::Windows1250, lines: vec![3..=3, 7..=9] };
        assert_eq!(
            note.to_string(),
            "lines 3, 7-9 are not UTF-8 like the rest of the file: read as Windows-1250; check their Polish letters"
        );
        let whole = Note::Decoded { encoding: Legacy::Iso8859_2, lines: Vec::new() };
        assert_eq!(whole.message(Lang::Pl), "plik nie jest w UTF-8: odczytano go jako ISO-8859-2");
    }

    #[test]
    fn content_errors_name_the_file() {
        let error = ReadError::Content { path: "a/reg.docx".into(), problem: Problem::NotWord };
        assert_eq!(error.to_string(), "a/reg.docx: not a Word document (no word/document.xml)");
        assert_eq!(error.message(Lang::Pl), "a/reg.docx: to nie jest dokument Word (brak word/document.xml)");
    }
}
