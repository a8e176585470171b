//! What can go wrong reading a source, and what the reader had to guess.
//! Their messages, in Polish and in English, one line naming the file, are
//! [`crate::i18n::source`]'s.

use std::fmt;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use crate::files::FileError;
use crate::i18n::Lang;
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
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ReadError {}
