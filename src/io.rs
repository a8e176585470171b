//! Reading and writing schemat's RON files (format v1).
//!
//! The file is a `Regulamin(...)` struct with a `format_version`; output is
//! canonical (fixed field order, lists in document order, retired designations
//! sorted), so the same document always saves to the same bytes. Loading
//! never panics on bad input and reports file, line and column; saving is
//! atomic (temp file in the same folder, flush, fsync, rename) and keeps the
//! previous file as `NAME.ron.bak`.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{ChartOptions, Designation, Document, FORMAT_VERSION, Metadata, Relation, StructureError, Unit};

/// The on-disk shape of a document, version 1.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "Regulamin", deny_unknown_fields)]
struct FileV1 {
    format_version: u32,
    meta: Metadata,
    #[serde(default)]
    chart: ChartOptions,
    units: Vec<Unit>,
    #[serde(default)]
    relations: Vec<Relation>,
    #[serde(default)]
    retired: Vec<Designation>,
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
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge { path: PathBuf, bytes: u64, limit: u64 },
    /// The path is a directory.
    IsDirectory { path: PathBuf },
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
    let file: FileV1 = match ron_options().from_str(text) {
        Ok(file) => file,
        // A file from a newer schemat may have fields this build does not know:
        // its version, not the first unknown field, is what the user must hear.
        Err(err) => match ron_options().from_str::<VersionProbe>(text) {
            Ok(probe) if probe.format_version > FORMAT_VERSION || probe.format_version == 0 => {
                return Err(unsupported(probe.format_version));
            }
            _ => return Err(syntax(err)),
        },
    };
    if file.format_version > FORMAT_VERSION || file.format_version == 0 {
        return Err(unsupported(file.format_version));
    }
    let mut doc = Document {
        meta: file.meta,
        units: file.units,
        relations: file.relations,
        retired: file.retired,
        chart: file.chart,
    };
    doc.check_structure().map_err(|source| IoError::Structure {
        path: path.to_owned(),
        position: locate_structure_error(text, &source),
        source,
    })?;
    Ok(doc)
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
        StructureError::Cycle(id) => find_field(text, "id", Some(id.as_str()), 0),
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
                let rest = rest.trim_start();
                if rest.strip_prefix('"').and_then(|r| r.strip_prefix(value)).is_some_and(|r| r.starts_with('"')) {
                    return Some(at);
                }
            }
        }
    }
    None
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
    let mut retired = doc.retired.clone();
    retired.sort();
    retired.dedup();
    let file = FileV1 {
        format_version: FORMAT_VERSION,
        meta: doc.meta.clone(),
        chart: doc.chart,
        units: doc.units.clone(),
        relations: doc.relations.clone(),
        retired,
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

/// Loads a document from a file. Reads at most [`MAX_FILE_BYTES`].
pub fn load(path: &Path) -> Result<Document, IoError> {
    let read_err = |source| IoError::Read { path: path.to_owned(), source };
    let meta = fs::metadata(path).map_err(read_err)?;
    if meta.is_dir() {
        return Err(IoError::IsDirectory { path: path.to_owned() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(IoError::TooLarge { path: path.to_owned(), bytes: meta.len(), limit: MAX_FILE_BYTES });
    }
    let mut bytes = Vec::new();
    fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)).map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(IoError::TooLarge { path: path.to_owned(), bytes: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        IoError::NotUtf8 { path: path.to_owned(), line, column }
    })?;
    from_ron_str(&text, path)
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
    if fs::read(path).is_ok_and(|bytes| bytes == text.as_bytes()) {
        return Ok(false);
    }
    write_atomic(path, text.as_bytes())?;
    Ok(true)
}

/// Writes `bytes` to `path` atomically, keeping a `.bak` of the previous file.
/// On error the previous file is untouched and no temporary file is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let write_err = |source| IoError::Write { path: path.to_owned(), source };
    if path.is_dir() {
        return Err(IoError::IsDirectory { path: path.to_owned() });
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| write_err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name")))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        if path.exists() {
            let mut bak = file_name.to_owned();
            bak.push(".bak");
            fs::copy(path, dir.join(bak))?;
        }
        fs::rename(&tmp, path)?;
        // Make the rename itself durable; not every platform can open a directory.
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        write_err(e)
    })
}

/// Writes several files all or nothing (`schemat export` with several
/// outputs, a chart split over sheets): every output goes to a temporary file
/// beside its target first, and only when all are written and synced are they
/// renamed into place, each keeping a `.bak` of a file it replaces, as
/// [`write_atomic`] does. On error no temporary file is left, no new file
/// appears, and a target already replaced is put back from its backup.
pub fn write_all_atomic(outputs: &[(PathBuf, Vec<u8>)]) -> Result<(), IoError> {
    fn temp_of(path: &Path) -> PathBuf {
        let mut name = std::ffi::OsString::from(".");
        name.push(path.file_name().unwrap_or_default());
        name.push(format!(".{}.all.tmp", std::process::id()));
        path.with_file_name(name)
    }
    fn backup_of(path: &Path) -> PathBuf {
        let mut name = path.file_name().unwrap_or_default().to_owned();
        name.push(".bak");
        path.with_file_name(name)
    }
    let temps: Vec<PathBuf> = outputs.iter().map(|(path, _)| temp_of(path)).collect();
    let remove_temps = || temps.iter().for_each(|t| drop(fs::remove_file(t)));
    for ((path, bytes), tmp) in outputs.iter().zip(&temps) {
        let written = if path.is_dir() || path.file_name().is_none() {
            Err(IoError::IsDirectory { path: path.clone() })
        } else {
            (|| -> std::io::Result<()> {
                let mut file = fs::File::create(tmp)?;
                file.write_all(bytes)?;
                file.sync_all()
            })()
            .map_err(|source| IoError::Write { path: path.clone(), source })
        };
        if let Err(e) = written {
            remove_temps();
            return Err(e);
        }
    }
    let existed: Vec<bool> = outputs.iter().map(|(path, _)| path.exists()).collect();
    for (i, ((path, _), tmp)) in outputs.iter().zip(&temps).enumerate() {
        let replaced = (|| -> std::io::Result<()> {
            if existed[i] {
                fs::copy(path, backup_of(path))?;
            }
            fs::rename(tmp, path)
        })();
        if let Err(source) = replaced {
            // Undo the renames done so far: new files go, replaced ones come back.
            for ((done, _), had) in outputs[..i].iter().zip(&existed) {
                let _ = if *had { fs::copy(backup_of(done), done).map(drop) } else { fs::remove_file(done) };
            }
            remove_temps();
            return Err(IoError::Write { path: path.clone(), source });
        }
    }
    for dir in outputs.iter().filter_map(|(path, _)| path.parent()) {
        if let Ok(d) = fs::File::open(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }) {
            let _ = d.sync_all();
        }
    }
    Ok(())
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
