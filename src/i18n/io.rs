//! Messages of file loading and saving (`crate::io::IoError`), and the rules
//! that keep every message one clean line: the user's text in a message
//! (ids, designations, what the parser found, the path) has its control
//! characters escaped and is cut with "…", and a whole message is at most
//! [`MAX_MESSAGE_CHARS`] characters, so a hostile file cannot flood or
//! drive the user's terminal.

use std::io::ErrorKind;
use std::path::Path;

use super::Lang;
use crate::files::SpecialKind;
use crate::io::IoError;
use crate::model::{Designation, DesignationError, INVALID_DESIGNATION, StructureError};

/// The most characters of one piece of the user's text (an id, a designation) quoted in a message.
pub const MAX_QUOTED_CHARS: usize = 60;

/// The most characters of a path in a message (its end is kept: the file name).
pub const MAX_PATH_CHARS: usize = 160;

/// The most characters of a whole message.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// Whether `c` would break the line or act on the terminal (or reorder the
/// text around it) instead of being shown.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `c` as it is shown: itself, or its escape (`\n`, `\t`, `\u{1b}`).
fn push_shown(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// The user's `text` safe for one line of a message: control characters
/// escaped, and cut after at most `max` characters (counting escapes as
/// shown), ending in "…" when cut.
pub fn quoted(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut shown = 0;
    let mut piece = String::new();
    for (at, c) in text.char_indices() {
        piece.clear();
        push_shown(&mut piece, c);
        let width = piece.chars().count();
        let last = at + c.len_utf8() == text.len();
        // Each piece but the last must leave room for the "…" that may follow it.
        if shown + width + usize::from(!last) > max {
            out.push('…');
            return out;
        }
        out.push_str(&piece);
        shown += width;
    }
    out
}

/// Text of several lines (a report, a listing) safe for a terminal: every
/// control character but the line break escaped, nothing cut.
pub fn shown_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && needs_escape(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' { out.push(c) } else { push_shown(&mut out, c) }
    }
    std::borrow::Cow::Owned(out)
}

/// A path as messages show it: escaped, and when long its beginning cut
/// ("…/folder/doa.ron") so the file name stays.
pub fn path_text(path: &Path) -> String {
    let text = quoted(&path.display().to_string(), usize::MAX);
    let count = text.chars().count();
    if count <= MAX_PATH_CHARS {
        return text;
    }
    let tail: String = text.chars().skip(count - (MAX_PATH_CHARS - 1)).collect();
    format!("…{tail}")
}

/// A whole message made one line of at most [`MAX_MESSAGE_CHARS`] characters.
pub fn one_line(message: &str) -> String {
    quoted(message, MAX_MESSAGE_CHARS)
}

/// The whole message for an I/O error: `FILE[:LINE:COLUMN]: what went wrong`.
pub fn message(lang: Lang, error: &IoError) -> String {
    let path = path_text(error.path());
    let place = match error.position() {
        Some((line, column)) => format!("{path}:{line}:{column}"),
        None => path,
    };
    let what = match error {
        IoError::Syntax { error, .. } => lang.pick(
            format!("nieprawidłowy plik RON: {}", ron_error_pl(error)),
            format!("invalid RON file: {}", ron_error_en(error)),
        ),
        IoError::NotUtf8 { .. } => lang.pick(
            "plik nie jest tekstem UTF-8 (to nie jest plik schemat)".to_owned(),
            "the file is not UTF-8 text (not a schemat file)".to_owned(),
        ),
        IoError::Empty { .. } => lang.pick("plik jest pusty".to_owned(), "the file is empty".to_owned()),
        IoError::TooLarge { bytes: Some(bytes), limit, .. } => lang.pick(
            format!("plik ma {}; schemat czyta pliki do {}", mib(lang, *bytes), mib(lang, *limit)),
            format!("the file is {}; schemat reads files up to {}", mib(lang, *bytes), mib(lang, *limit)),
        ),
        IoError::TooLarge { bytes: None, limit, .. } => lang.pick(
            format!("plik jest dłuższy niż {}, najwięcej, ile czyta schemat", mib(lang, *limit)),
            format!("the file is longer than {}, the most schemat reads", mib(lang, *limit)),
        ),
        IoError::IsDirectory { .. } => {
            lang.pick("to jest katalog, a nie plik".to_owned(), "this is a directory, not a file".to_owned())
        }
        IoError::NotRegular { kind, .. } => lang.pick(
            format!("to nie jest zwykły plik, lecz {}; schemat czyta i zapisuje tylko zwykłe pliki", special(lang, *kind)),
            format!("this is {}, not a regular file; schemat reads and writes regular files only", special(lang, *kind)),
        ),
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
    one_line(&format!("{place}: {what}"))
}

/// A size in binary megabytes (MiB), rounded up to a tenth so that a file
/// just over the limit does not read as the limit: "47,7 MiB", "16 MiB".
pub fn mib(lang: Lang, bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    let tenths = bytes.saturating_mul(10).div_ceil(MIB);
    if tenths.is_multiple_of(10) {
        format!("{} MiB", tenths / 10)
    } else {
        let separator = lang.pick(",", ".");
        format!("{}{separator}{} MiB", tenths / 10, tenths % 10)
    }
}

/// What a path that is not a regular file is, with its article.
fn special(lang: Lang, kind: SpecialKind) -> &'static str {
    match kind {
        SpecialKind::Fifo => lang.pick("potok nazwany (FIFO)", "a named pipe (FIFO)"),
        SpecialKind::Socket => lang.pick("gniazdo (socket)", "a socket"),
        SpecialKind::CharDevice => lang.pick("urządzenie znakowe", "a character device"),
        SpecialKind::BlockDevice => lang.pick("urządzenie blokowe", "a block device"),
        SpecialKind::Other => lang.pick("plik specjalny", "a special file"),
    }
}

/// RON's own wording of a syntax error, with the user's text in it made safe;
/// a designation that does not parse in schemat's words.
fn ron_error_en(error: &ron::Error) -> String {
    if let ron::Error::Message(message) = error
        && let Some((text, error)) = invalid_designation(message)
    {
        return format!(
            "{INVALID_DESIGNATION}{}\": {error}{}",
            quoted(text, MAX_QUOTED_CHARS),
            unclosed_hint(Lang::En, text)
        );
    }
    quoted(&error.to_string(), MAX_MESSAGE_CHARS / 2)
}

/// A designation that runs over a line break is a string whose closing quote is missing.
fn unclosed_hint(lang: Lang, text: &str) -> &'static str {
    if text.contains('\n') {
        lang.pick(" (czy brakuje cudzysłowu zamykającego?)", " (is a closing quote missing?)")
    } else {
        ""
    }
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
        E::UnexpectedChar(c) => format!("nieoczekiwany znak „{}”", quoted(&c.to_string(), MAX_QUOTED_CHARS)),
        E::TrailingCharacters => "nadmiarowe znaki po końcu dokumentu".to_owned(),
        E::ExceededRecursionLimit => "zbyt głębokie zagnieżdżenie".to_owned(),
        E::NoSuchStructField { expected, found, .. } => {
            format!("nieznane pole `{}`; dozwolone: {}", quoted(found, MAX_QUOTED_CHARS), list(expected))
        }
        E::MissingStructField { field, .. } => format!("brak wymaganego pola `{field}`"),
        E::DuplicateStructField { field, .. } => format!("pole `{field}` występuje dwa razy"),
        E::NoSuchEnumVariant { expected, found, .. } => {
            format!("nieznana wartość `{}`; dozwolone: {}", quoted(found, MAX_QUOTED_CHARS), list(expected))
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("oczekiwano `{expected}`, jest `{}`", quoted(found, MAX_QUOTED_CHARS))
        }
        E::InvalidValueForType { expected, found } => {
            format!("nieprawidłowa wartość {}; oczekiwano: {expected}", quoted(found, MAX_QUOTED_CHARS))
        }
        E::Message(message) => match invalid_designation(message) {
            Some((text, error)) => format!(
                "nieprawidłowe oznaczenie „{}”: {}{}",
                quoted(text, MAX_QUOTED_CHARS),
                super::model::designation_error(Lang::Pl, &error),
                unclosed_hint(Lang::Pl, text)
            ),
            None => quoted(message, MAX_MESSAGE_CHARS / 2),
        },
        other => quoted(&other.to_string(), MAX_MESSAGE_CHARS / 2),
    }
}

/// The designation text and its error, when `message` is the loader's message
/// for a designation that does not parse.
fn invalid_designation(message: &str) -> Option<(&str, DesignationError)> {
    let rest = message.strip_prefix(INVALID_DESIGNATION)?;
    let (text, _) = rest.split_once("\": ")?;
    Some((text, text.parse::<Designation>().err()?))
}

/// A broken hierarchy, in words (the ids quoted safely).
pub fn structure(lang: Lang, error: &StructureError) -> String {
    let q = |id: &crate::model::UnitId| quoted(id.as_str(), MAX_QUOTED_CHARS);
    match error {
        StructureError::Empty => {
            lang.pick("dokument nie ma jednostek".to_owned(), "the document has no units".to_owned())
        }
        StructureError::DuplicateId(id) => lang.pick(
            format!("identyfikator jednostki „{}” występuje więcej niż raz", q(id)),
            format!("unit id \"{}\" is used more than once", q(id)),
        ),
        StructureError::MissingParent { unit, parent } => lang.pick(
            format!("jednostka „{}” wskazuje jednostkę nadrzędną „{}”, która nie istnieje", q(unit), q(parent)),
            format!("unit \"{}\" names the parent \"{}\", which does not exist", q(unit), q(parent)),
        ),
        StructureError::TwoRoots(first, second) => lang.pick(
            format!(
                "jednostki „{}” i „{}” nie mają jednostki nadrzędnej; dokument ma jeden korzeń",
                q(first),
                q(second)
            ),
            format!("units \"{}\" and \"{}\" both have no parent; a document has one root", q(first), q(second)),
        ),
        StructureError::Cycle(id) => lang.pick(
            format!("hierarchia ma cykl przechodzący przez jednostkę „{}”", q(id)),
            format!("the hierarchy has a cycle through unit \"{}\"", q(id)),
        ),
        StructureError::DanglingRelation(id) => lang.pick(
            format!("relacja wskazuje jednostkę „{}”, która nie istnieje", q(id)),
            format!("a relation refers to unit \"{}\", which does not exist", q(id)),
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
