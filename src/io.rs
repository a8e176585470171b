//! Reading and writing schemat's RON files (format v2; v1 files are read and
//! migrated by [`v1`]).
//!
//! The file is a `Regulamin(...)` struct with a `format_version`; output is
//! canonical (fixed field order, lists in document order, provisions,
//! repealed and in-force designations sorted), so the same document always
//! saves to the same bytes. Loading
//! never panics on bad input and reports file, line and column; saving is
//! atomic (temp file in the same folder, flush, fsync, rename) and keeps the
//! previous file as `NAME.ron.bak`; the file-system steps under both (regular
//! files only, bounded reads, atomic backups, permissions) are in [`crate::files`].

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{
    Chapter, ChartOptions, Designation, Document, FORMAT_VERSION, Metadata, Provision, Relation, StructureError, Unit,
};

mod v1;

/// The on-disk shape of a document, version 2.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Regulamin", deny_unknown_fields)]
struct FileV2 {
    format_version: u32,
    meta: Metadata,
    #[serde(default)]
    chart: ChartOptions,
    units: Vec<Unit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relations: Vec<Relation>,
    /// The provisions that belong to no unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    provisions: Vec<Provision>,
    /// Repealed pieces outside task lists (placeholders, never reused).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    repealed: Vec<Designation>,
    /// For a draft: the designations of the version in force it was started from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    in_force: Option<Vec<Designation>>,
    /// The chapter headings ("Rozdział 2"), each before the § it opens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    chapters: Vec<Chapter>,
}

/// A loaded document and the format version it was migrated from, if it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub doc: Document,
    /// `Some(1)` when the file was format v1 and was migrated on reading;
    /// saving writes the current format.
    pub migrated_from: Option<u32>,
}

/// Why a file could not be loaded or saved. Nothing was changed on disk.
/// [`crate::i18n::io::message`] words it for the user; `Display` is the English wording.
#[derive(Debug)]
pub enum IoError {
    /// The text is not RON of the expected shape (includes unknown fields and truncation).
    Syntax { path: PathBuf, line: usize, column: usize, error: ron::Error },
    /// The bytes are not UTF-8; the position is that of the first bad byte.
    NotUtf8 { path: PathBuf, line: usize, column: usize },
    /// The file is empty or holds only whitespace.
    Empty { path: PathBuf },
    /// The file is larger than [`MAX_FILE_BYTES`]: `bytes` long by its metadata, or
    /// (`None`) found longer only while reading it (it grew, or it never ends).
    TooLarge { path: PathBuf, bytes: Option<u64>, limit: u64 },
    /// The path is a directory.
    IsDirectory { path: PathBuf },
    /// The path is a named pipe, a socket or a device, which schemat neither reads nor replaces.
    NotRegular { path: PathBuf, kind: crate::files::SpecialKind },
    /// The file was written by a newer schemat (or declares no valid version).
    UnsupportedVersion { path: PathBuf, found: u32, supported: u32 },
    /// The hierarchy is broken; the position points at the offending entry when it can be found.
    Structure { path: PathBuf, position: Option<(usize, usize)>, source: StructureError },
    /// The operating system refused to read the file.
    Read { path: PathBuf, source: std::io::Error },
    /// The file could not be written; the previous file is intact.
    Write { path: PathBuf, source: std::io::Error },
}

impl IoError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            IoError::Syntax { path, .. }
            | IoError::NotUtf8 { path, .. }
            | IoError::Empty { path }
            | IoError::TooLarge { path, .. }
            | IoError::IsDirectory { path }
            | IoError::NotRegular { path, .. }
            | IoError::UnsupportedVersion { path, .. }
            | IoError::Structure { path, .. }
            | IoError::Read { path, .. }
            | IoError::Write { path, .. } => path,
        }
    }

    /// Line and column (1-based) in the file, where the error has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            IoError::Syntax { line, column, .. } | IoError::NotUtf8 { line, column, .. } => Some((*line, *column)),
            IoError::Structure { position, .. } => *position,
            _ => None,
        }
    }
}

impl std::fmt::Display for IoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::io::message(crate::i18n::Lang::En, self))
    }
}

impl std::error::Error for IoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            IoError::Structure { source, .. } => Some(source),
            IoError::Read { source, .. } | IoError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Files larger than this are refused before reading: a whole Regulamin with
/// every task is well under 1 MB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Just the version of a file, read when the full parse fails, so that a file
/// from a newer schemat gets a clear message instead of an unknown-field error.
#[derive(Deserialize)]
#[serde(rename = "Regulamin")]
struct VersionProbe {
    format_version: u32,
}

/// Parses a document from RON text; `path` is only used in messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Document, IoError> {
    from_ron_str_versioned(text, path).map(|loaded| loaded.doc)
}

/// Parses a document from RON text of any supported format version and says
/// whether it was migrated; `path` is only used in messages.
pub fn from_ron_str_versioned(text: &str, path: &Path) -> Result<Loaded, IoError> {
    let syntax = |e: ron::error::SpannedError| IoError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        error: e.code,
    };
    // Some Windows editors start UTF-8 files with a byte-order mark; it carries no content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(IoError::Empty { path: path.to_owned() });
    }
    let unsupported = |found| IoError::UnsupportedVersion { path: path.to_owned(), found, supported: FORMAT_VERSION };
    // The version decides the shape; a file from a newer schemat may have
    // fields this build does not know: its version, not the first unknown
    // field, is what the user must hear.
    let version = ron_options().from_str::<VersionProbe>(text).map(|probe| probe.format_version).ok();
    // A broken file still says its version near the top: read it so that a v1
    // file's syntax error is reported against the v1 shape.
    let version = version.or_else(|| declared_version(text));
    let (mut doc, migrated_from) = match version {
        Some(found) if found > FORMAT_VERSION || found == 0 => return Err(unsupported(found)),
        Some(1) => (v1::parse(text).map_err(syntax)?, Some(1)),
        _ => {
            let file: FileV2 = ron_options().from_str(text).map_err(syntax)?;
            let doc = Document {
                meta: file.meta,
                units: file.units,
                relations: file.relations,
                provisions: file.provisions,
                retired: file.repealed,
                in_force: file.in_force.map(|list| list.into_iter().collect()),
                chart: file.chart,
                chapters: file.chapters,
            };
            (doc, None)
        }
    };
    doc.check_structure().map_err(|source| IoError::Structure {
        path: path.to_owned(),
        position: locate_structure_error(text, &source),
        source,
    })?;
    Ok(Loaded { doc, migrated_from })
}

/// The number after the first `format_version:` in the text, if any.
fn declared_version(text: &str) -> Option<u32> {
    let at = find_field(text, "format_version", None, 0)?;
    let rest = text[at + "format_version".len()..].trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Where in the text a structure error lies: the `id: "…"`, `parent: "…"`,
/// `from: "…"` or `to: "…"` entry that names the offending unit.
fn locate_structure_error(text: &str, error: &StructureError) -> Option<(usize, usize)> {
    let offset = match error {
        StructureError::Empty => find_field(text, "units", None, 0),
        StructureError::DuplicateId(id) => {
            let first = find_field(text, "id", Some(id.as_str()), 0)?;
            find_field(text, "id", Some(id.as_str()), first + 1)
        }
        StructureError::MissingParent { unit, parent } => {
            let entry = find_field(text, "id", Some(unit.as_str()), 0).unwrap_or(0);
            find_field(text, "parent", Some(parent.as_str()), entry)
                .or_else(|| find_field(text, "parent", Some(parent.as_str()), 0))
        }
        StructureError::TwoRoots(_, second) => find_field(text, "id", Some(second.as_str()), 0),
        StructureError::Cycle(id) | StructureError::UnlabelledPoint(id) => find_field(text, "id", Some(id.as_str()), 0),
        StructureError::DanglingRelation(id) => {
            let from = find_field(text, "from", Some(id.as_str()), 0);
            let to = find_field(text, "to", Some(id.as_str()), 0);
            from.into_iter().chain(to).min()
        }
    }?;
    Some(line_col(&text.as_bytes()[..offset]))
}

/// Byte offset of the first `field: "value"` (or `field:` when `value` is
/// `None`) at or after `from`, where `field` is a whole identifier.
fn find_field(text: &str, field: &str, value: Option<&str>, from: usize) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut start = from;
    while let Some(found) = text.get(start..)?.find(field) {
        let at = start + found;
        start = at + field.len();
        if text[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let Some(rest) = text[start..].trim_start().strip_prefix(':') else { continue };
        match value {
            None => return Some(at),
            Some(value) => {
                if string_literal(rest.trim_start()).is_some_and(|s| s == value) {
                    return Some(at);
                }
            }
        }
    }
    None
}

/// The value of the RON string literal at the start of `text` (`"…"` with
/// escapes such as `\u{1b}`, or raw `r#"…"#`), so that an id written with
/// an escape is found where it is written.
fn string_literal(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    if let Some(body) = text.strip_prefix('"') {
        let mut escaped = false;
        for (at, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' if !body[..at].contains('\\') => return Some(Cow::Borrowed(&body[..at])),
                '"' => return ron::from_str::<String>(&text[..at + 2]).ok().map(Cow::Owned),
                _ => {}
            }
        }
        return None;
    }
    let hashes = text.strip_prefix('r')?;
    let body = hashes.trim_start_matches('#');
    let closing = format!("\"{}", &hashes[..hashes.len() - body.len()]);
    let body = body.strip_prefix('"')?;
    body.find(&closing).map(|end| Cow::Borrowed(&body[..end]))
}

/// RON as schemat reads and writes it: optional values are written bare
/// (`parent: "it"`, not `parent: Some("it")`); `Some(…)` is accepted too.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The canonical RON text of a document.
pub fn to_ron_string(doc: &Document) -> String {
    // Serializing plain structs, strings, numbers and enums into a String does
    // not fail; `save` still goes through `canonical_text` and refuses to
    // write if it ever did, so an empty text can never replace a file.
    canonical_text(doc).unwrap_or_default()
}

fn canonical_text(doc: &Document) -> Result<String, ron::Error> {
    let mut repealed = doc.retired.clone();
    repealed.sort();
    repealed.dedup();
    let mut provisions = doc.provisions.clone();
    provisions.sort_by(|a, b| a.at.cmp(&b.at));
    let file = FileV2 {
        format_version: FORMAT_VERSION,
        meta: doc.meta.clone(),
        chart: doc.chart,
        units: doc.units.clone(),
        relations: doc.relations.clone(),
        provisions,
        repealed,
        // A BTreeSet iterates sorted.
        in_force: doc.in_force.as_ref().map(|set| set.iter().cloned().collect()),
        chapters: doc.chapters.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(true)
        .escape_strings(false)
        .separate_tuple_members(false);
    let mut text = ron_options().to_string_pretty(&file, config)?;
    text.push('\n');
    Ok(text)
}

/// Loads a document from a file. Reads regular files only, at most [`MAX_FILE_BYTES`].
pub fn load(path: &Path) -> Result<Document, IoError> {
    load_versioned(path).map(|loaded| loaded.doc)
}

/// Loads a document from a file and says whether it was migrated from an older format.
pub fn load_versioned(path: &Path) -> Result<Loaded, IoError> {
    let bytes = crate::files::read_bounded(path, MAX_FILE_BYTES).map_err(|e| file_error(path, e, false))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        IoError::NotUtf8 { path: path.to_owned(), line, column }
    })?;
    from_ron_str_versioned(&text, path)
}

/// The [`IoError`] of a failed [`crate::files`] step on `path`.
fn file_error(path: &Path, error: crate::files::FileError, writing: bool) -> IoError {
    use crate::files::FileError;
    let path = path.to_owned();
    match error {
        FileError::IsDirectory => IoError::IsDirectory { path },
        FileError::NotRegular(kind) => IoError::NotRegular { path, kind },
        FileError::TooLarge { bytes, limit } => IoError::TooLarge { path, bytes, limit },
        FileError::Io(source) if writing => IoError::Write { path, source },
        FileError::Io(source) => IoError::Read { path, source },
    }
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Saves atomically: writes a temporary file beside the target, flushes and
/// fsyncs it, keeps the old file as `NAME.ron.bak`, then renames into place.
pub fn save(doc: &Document, path: &Path) -> Result<(), IoError> {
    let text =
        canonical_text(doc).map_err(|e| IoError::Write { path: path.to_owned(), source: std::io::Error::other(e) })?;
    write_atomic(path, text.as_bytes())
}

/// Saves like [`save`] unless the file already holds exactly the canonical
/// text, in which case nothing is touched (no write, no `.bak`). Returns whether
/// it wrote.
pub fn save_if_changed(doc: &Document, path: &Path) -> Result<bool, IoError> {
    let text =
        canonical_text(doc).map_err(|e| IoError::Write { path: path.to_owned(), source: std::io::Error::other(e) })?;
    if crate::files::read_bounded(path, MAX_FILE_BYTES).is_ok_and(|bytes| bytes == text.as_bytes()) {
        return Ok(false);
    }
    write_atomic(path, text.as_bytes())?;
    Ok(true)
}

/// Writes `bytes` to `path` atomically, keeping a `.bak` of the previous file
/// and its permissions; a symbolic link is followed and its target written.
/// On error the previous file is untouched and no temporary file is left
/// (see [`crate::files::write_atomic`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    crate::files::write_atomic(path, bytes).map_err(|e| file_error(path, e, true))
}

/// Writes several files all or nothing (`schemat export` with several
/// outputs, a chart split over sheets): every output goes to a temporary file
/// beside its target first, and only when all are written and synced are they
/// renamed into place, each keeping a `.bak` of a file it replaces, as
/// [`write_atomic`] does. On error no temporary file is left, no new file
/// appears, and a target already replaced is put back from its backup.
pub fn write_all_atomic(outputs: &[(PathBuf, Vec<u8>)]) -> Result<(), IoError> {
    crate::files::write_all_atomic(outputs).map_err(|(path, e)| file_error(&path, e, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{UnitId, UnitKind};

    fn tiny() -> Document {
        let root = Unit::new(
            UnitId::new("doa"),
            None,
            UnitKind::Departament,
            "Departament Organizacji i Administracji",
            "DOA",
        );
        let it = Unit::new(UnitId::new("it"), Some(UnitId::new("doa")), UnitKind::Wydzial, "Wydział Informatyki", "IT");
        Document {
            meta: Metadata { department: "Departament Organizacji i Administracji".into(), ..Metadata::default() },
            units: vec![root, it],
            ..Document::default()
        }
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let text = to_ron_string(&tiny());
        let doc = from_ron_str(&text, Path::new("t.ron")).unwrap();
        assert_eq!(doc, tiny());
        assert_eq!(to_ron_string(&doc), text);
        assert!(text.contains("Wydział"), "Polish letters are written as they are: {text}");
    }
}
