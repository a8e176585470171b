//! Reading and writing schemat's RON files (format v1).
//!
//! The file is a `Regulamin(...)` struct with a `format_version`; output is
//! canonical (fixed field order, lists in document order, retired designations
//! sorted), so the same document always saves to the same bytes. Loading
//! never panics on bad input and reports file, line and column; saving is
//! atomic (temp file in the same folder, flush, fsync, rename) and keeps the
//! previous file as `NAME.ron.bak`.

use std::fs;
use std::io::Write;
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
#[derive(Debug, thiserror::Error)]
pub enum IoError {
    #[error("{path}:{line}:{column}: {message}")]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: format_version {found} is newer than this program supports ({supported}); update schemat")]
    FutureVersion { path: PathBuf, found: u32, supported: u32 },
    #[error("{path}: {source}")]
    Structure { path: PathBuf, source: StructureError },
    #[error("{path}: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}: cannot write: {message}")]
    Write { path: PathBuf, message: String },
}

/// Files larger than this are refused before reading: a Regulamin is far smaller.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Parses a document from RON text; `path` is only used in messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Document, IoError> {
    let syntax = |e: ron::error::SpannedError| IoError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    };
    if text.trim().is_empty() {
        return Err(IoError::Read { path: path.to_owned(), message: "the file is empty".into() });
    }
    if let Some(found) = declared_version(text)
        && found > FORMAT_VERSION
    {
        return Err(IoError::FutureVersion { path: path.to_owned(), found, supported: FORMAT_VERSION });
    }
    let options = ron::Options::default();
    let file: FileV1 = options.from_str(text).map_err(syntax)?;
    if file.format_version > FORMAT_VERSION || file.format_version == 0 {
        return Err(IoError::FutureVersion {
            path: path.to_owned(),
            found: file.format_version,
            supported: FORMAT_VERSION,
        });
    }
    let mut doc = Document {
        meta: file.meta,
        units: file.units,
        relations: file.relations,
        retired: file.retired,
        chart: file.chart,
    };
    doc.check_structure().map_err(|source| IoError::Structure { path: path.to_owned(), source })?;
    Ok(doc)
}

/// The `format_version` a file declares, read before the full parse so that
/// a file from a newer schemat gets a clear message instead of a field error.
fn declared_version(text: &str) -> Option<u32> {
    let rest = &text[text.find("format_version")? + "format_version".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The canonical RON text of a document.
pub fn to_ron_string(doc: &Document) -> String {
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
    let mut text = ron::ser::to_string_pretty(&file, config).unwrap_or_default();
    text.push('\n');
    text
}

/// Loads a document from a file.
pub fn load(path: &Path) -> Result<Document, IoError> {
    let read_err = |message: String| IoError::Read { path: path.to_owned(), message };
    let meta = fs::metadata(path).map_err(|e| read_err(e.to_string()))?;
    if meta.is_dir() {
        return Err(read_err("is a directory, not a file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(read_err(format!(
            "the file is {} MB; schemat reads files up to {} MB",
            meta.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    let bytes = fs::read(path).map_err(|e| read_err(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        IoError::Syntax { path: path.to_owned(), line, column, message: "the file is not valid UTF-8 text".into() }
    })?;
    from_ron_str(&text, path)
}

/// 1-based line and column just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Saves atomically: writes `NAME.ron.tmp` beside the target, flushes and
/// fsyncs it, keeps the old file as `NAME.ron.bak`, then renames into place.
pub fn save(doc: &Document, path: &Path) -> Result<(), IoError> {
    write_atomic(path, to_ron_string(doc).as_bytes())
}

/// Writes `bytes` to `path` atomically, keeping a `.bak` of the previous file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let write_err = |message: String| IoError::Write { path: path.to_owned(), message };
    if path.is_dir() {
        return Err(write_err("is a directory".into()));
    }
    let file_name = path.file_name().ok_or_else(|| write_err("no file name".into()))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut tmp_name = file_name.to_owned();
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
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        write_err(e.to_string())
    })
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
