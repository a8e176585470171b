//! Messages of file loading and saving (`crate::io::IoError`).

use std::io::ErrorKind;

use super::Lang;
use crate::io::IoError;
use crate::model::{Designation, DesignationError, INVALID_DESIGNATION, StructureError};

/// The whole message for an I/O error: `FILE[:LINE:COLUMN]: what went wrong`.
pub fn message(lang: Lang, error: &IoError) -> String {
    let path = error.path().display();
    let place = match error.position() {
        Some((line, column)) => format!("{path}:{line}:{column}"),
        None => path.to_string(),
    };
    let what = match error {
        IoError::Syntax { error, .. } => lang.pick(
            format!("nieprawidłowy plik RON: {}", ron_error_pl(error)),
            format!("invalid RON file: {error}"),
        ),
        IoError::NotUtf8 { .. } => lang.pick(
            "plik nie jest tekstem UTF-8 (to nie jest plik schemat)".to_owned(),
            "the file is not UTF-8 text (not a schemat file)".to_owned(),
        ),
        IoError::Empty { .. } => lang.pick("plik jest pusty".to_owned(), "the file is empty".to_owned()),
        IoError::TooLarge { bytes, limit, .. } => lang.pick(
            format!("plik ma {} MB; schemat czyta pliki do {} MB", bytes / 1_000_000, limit / 1_000_000),
            format!("the file is {} MB; schemat reads files up to {} MB", bytes / 1_000_000, limit / 1_000_000),
        ),
        IoError::IsDirectory { .. } => {
            lang.pick("to jest katalog, a nie plik".to_owned(), "this is a directory, not a file".to_owned())
        }
        IoError::UnsupportedVersion { found, supported, .. } => lang.pick(
            format!("format_version {found} nie jest obsługiwana (ta wersja programu obsługuje {supported}); zaktualizuj schemat"),
            format!("format_version {found} is not supported (this program reads {supported}); update schemat"),
        ),
        IoError::Structure { source, .. } => structure(lang, source),
        IoError::Read { source, .. } => {
            lang.pick(format!("nie można odczytać: {}", os(lang, source)), format!("cannot read: {}", os(lang, source)))
        }
        IoError::Write { source, .. } => lang.pick(
            format!("nie można zapisać (poprzedni plik jest nienaruszony): {}", os(lang, source)),
            format!("cannot write (the previous file is intact): {}", os(lang, source)),
        ),
    };
    format!("{place}: {what}")
}

/// The common RON syntax errors in Polish; the rare ones as RON words them.
fn ron_error_pl(error: &ron::Error) -> String {
    use ron::Error as E;
    let list = |names: &[&str]| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    match error {
        E::Eof => "nieoczekiwany koniec pliku (czy plik nie jest ucięty?)".to_owned(),
        E::ExpectedComma => "brak przecinka".to_owned(),
        E::ExpectedArrayEnd => "brak zamykającego nawiasu „]”".to_owned(),
        E::ExpectedStructLikeEnd => "brak zamykającego nawiasu „)”".to_owned(),
        E::ExpectedString => "oczekiwano tekstu w cudzysłowie".to_owned(),
        E::ExpectedStringEnd => "niezamknięty cudzysłów".to_owned(),
        E::ExpectedInteger => "oczekiwano liczby całkowitej".to_owned(),
        E::ExpectedFloat => "oczekiwano liczby".to_owned(),
        E::ExpectedMapColon => "brak dwukropka po nazwie pola".to_owned(),
        E::UnexpectedChar(c) => format!("nieoczekiwany znak „{c}”"),
        E::TrailingCharacters => "nadmiarowe znaki po końcu dokumentu".to_owned(),
        E::ExceededRecursionLimit => "zbyt głębokie zagnieżdżenie".to_owned(),
        E::NoSuchStructField { expected, found, .. } => {
            format!("nieznane pole `{found}`; dozwolone: {}", list(expected))
        }
        E::MissingStructField { field, .. } => format!("brak wymaganego pola `{field}`"),
        E::DuplicateStructField { field, .. } => format!("pole `{field}` występuje dwa razy"),
        E::NoSuchEnumVariant { expected, found, .. } => {
            format!("nieznana wartość `{found}`; dozwolone: {}", list(expected))
        }
        E::ExpectedDifferentStructName { expected, found } => format!("oczekiwano `{expected}`, jest `{found}`"),
        E::InvalidValueForType { expected, found } => format!("nieprawidłowa wartość {found}; oczekiwano: {expected}"),
        E::Message(message) => match invalid_designation(message) {
            Some((text, error)) => {
                format!("nieprawidłowe oznaczenie „{text}”: {}", super::model::designation_error(Lang::Pl, &error))
            }
            None => message.clone(),
        },
        other => other.to_string(),
    }
}

/// The designation text and its error, when `message` is the loader's message
/// for a designation that does not parse.
fn invalid_designation(message: &str) -> Option<(&str, DesignationError)> {
    let rest = message.strip_prefix(INVALID_DESIGNATION)?;
    let (text, _) = rest.split_once("\": ")?;
    Some((text, text.parse::<Designation>().err()?))
}

/// A broken hierarchy, in words.
pub fn structure(lang: Lang, error: &StructureError) -> String {
    match error {
        StructureError::Empty => {
            lang.pick("dokument nie ma jednostek".to_owned(), "the document has no units".to_owned())
        }
        StructureError::DuplicateId(id) => lang.pick(
            format!("identyfikator jednostki „{id}” występuje więcej niż raz"),
            format!("unit id \"{id}\" is used more than once"),
        ),
        StructureError::MissingParent { unit, parent } => lang.pick(
            format!("jednostka „{unit}” wskazuje jednostkę nadrzędną „{parent}”, która nie istnieje"),
            format!("unit \"{unit}\" names the parent \"{parent}\", which does not exist"),
        ),
        StructureError::TwoRoots(first, second) => lang.pick(
            format!("jednostki „{first}” i „{second}” nie mają jednostki nadrzędnej; dokument ma jeden korzeń"),
            format!("units \"{first}\" and \"{second}\" both have no parent; a document has one root"),
        ),
        StructureError::Cycle(id) => lang.pick(
            format!("hierarchia ma cykl przechodzący przez jednostkę „{id}”"),
            format!("the hierarchy has a cycle through unit \"{id}\""),
        ),
        StructureError::DanglingRelation(id) => lang.pick(
            format!("relacja wskazuje jednostkę „{id}”, która nie istnieje"),
            format!("a relation refers to unit \"{id}\", which does not exist"),
        ),
        StructureError::UnlabelledPoint(id) => lang.pick(
            format!("punkt zadań jednostki „{id}” nie ma oznaczenia (label)"),
            format!("a task point of unit \"{id}\" has no label"),
        ),
    }
}

/// The common operating-system errors in words; others as the system words them.
fn os(lang: Lang, error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => lang.pick("plik lub katalog nie istnieje", "no such file or directory").to_owned(),
        ErrorKind::PermissionDenied => lang.pick("brak uprawnień", "permission denied").to_owned(),
        _ => error.to_string(),
    }
}
