//! The messages of the import's reader (`crate::import::source`): why a
//! file could not be read and what the reader had to guess (an encoding),
//! each one line naming the file, kept one clean line of bounded length by
//! [`super::io`].

use super::Lang;
use super::io::{MAX_QUOTED_CHARS, mib, one_line, path_text, quoted};
use crate::import::source::{Foreign, Note, Problem, ReadError};

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

impl ReadError {
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
    use crate::import::source::Legacy;

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
