//! Where files come from and go to: the file dialogs (native through rfd,
//! replaceable in tests) and the recovery file that holds unsaved work.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::io::{self, IoError};
use crate::model::Document;

/// What kind of file a save dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Ron,
    Png,
    Svg,
    Pdf,
    Markdown,
    /// A Word document (the draft ordinance).
    Docx,
    /// Plain text (the draft ordinance).
    Text,
}

impl FileKind {
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Ron => "ron",
            FileKind::Png => "png",
            FileKind::Svg => "svg",
            FileKind::Pdf => "pdf",
            FileKind::Markdown => "md",
            FileKind::Docx => "docx",
            FileKind::Text => "txt",
        }
    }
}

/// Asks the user for file paths. The app never calls rfd directly, so tests
/// can answer the dialogs with paths of their own.
pub trait FileDialogs {
    /// A `.ron` file to open; `None` when the user cancelled.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// A path to save to, suggesting `file_name`; `None` when cancelled.
    fn pick_save(&mut self, kind: FileKind, file_name: &str) -> Option<PathBuf>;
    /// A Regulamin in Word, text or Markdown form to import; `None` when cancelled.
    fn pick_import(&mut self) -> Option<PathBuf>;
}

/// The platform's dialogs (xdg-portal, falling back to zenity).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().add_filter("RON", &["ron"]).pick_file()
    }

    fn pick_save(&mut self, kind: FileKind, file_name: &str) -> Option<PathBuf> {
        let ext = kind.extension();
        let path =
            rfd::FileDialog::new().add_filter(ext.to_uppercase(), &[ext]).set_file_name(file_name).save_file()?;
        Some(if path.extension().is_none() { path.with_extension(ext) } else { path })
    }

    fn pick_import(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().add_filter("Regulamin (DOCX, TXT, MD)", &super::import::EXTENSIONS).pick_file()
    }
}

/// Dialogs answered from a queue: for tests and scripted runs.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    pub answers: VecDeque<PathBuf>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.answers.pop_front()
    }

    fn pick_save(&mut self, _kind: FileKind, _file_name: &str) -> Option<PathBuf> {
        self.answers.pop_front()
    }

    fn pick_import(&mut self) -> Option<PathBuf> {
        self.answers.pop_front()
    }
}

/// The recovery file: unsaved work written atomically every 30 s and when
/// eframe saves its state, removed after a save or a deliberate discard.
#[derive(Debug, Clone)]
pub struct Recovery {
    pub path: PathBuf,
}

impl Recovery {
    /// The recovery file in eframe's storage folder for schemat.
    pub fn in_storage_dir() -> Option<Self> {
        eframe::storage_dir("schemat").map(|dir| Self { path: dir.join("recovery.ron") })
    }

    pub fn exists(&self) -> bool {
        self.path.is_file()
    }

    /// Writes `doc`, and beside it the path of the file it belongs to (if
    /// any), so that restored work is saved back where it came from.
    pub fn write(&self, doc: &Document, source: Option<&Path>) -> Result<(), IoError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| IoError::Write { path: dir.to_owned(), source })?;
        }
        // The work first: a failure then leaves the previous pair untouched.
        io::save(doc, &self.path)?;
        let source_file = self.source_file();
        match source {
            Some(source) => io::write_atomic(&source_file, canonical(source).to_string_lossy().as_bytes()),
            None => {
                let _ = std::fs::remove_file(&source_file);
                Ok(())
            }
        }
    }

    /// The unsaved work and the file it belongs to, when that file is known
    /// (a missing or unreadable note of it just means "untitled").
    pub fn read(&self) -> Result<(Document, Option<PathBuf>), IoError> {
        let doc = io::load(&self.path)?;
        let source = std::fs::read_to_string(self.source_file()).ok().filter(|s| !s.is_empty()).map(PathBuf::from);
        Ok((doc, source))
    }

    /// Removes the recovery file, its backup and its source note; missing files are fine.
    pub fn clear(&self) {
        let source_file = self.source_file();
        for path in [&self.path, &backup_of(&self.path), &source_file, &backup_of(&source_file)] {
            let _ = std::fs::remove_file(path);
        }
    }

    /// `recovery.ron.source`: the path of the document the work belongs to.
    fn source_file(&self) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_owned();
        name.push(".source");
        self.path.with_file_name(name)
    }
}

fn backup_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// `path` absolute, with symlinks and `..` resolved, so that a file is still
/// found after the working directory changed (recent files, the recovery
/// note, the open document). A file that does not exist yet keeps its name
/// under its folder's canonical path.
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(found) = std::fs::canonicalize(path) {
        return found;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    match (absolute.parent().and_then(|dir| std::fs::canonicalize(dir).ok()), absolute.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        // No such folder either: resolve `.` and `..` by name.
        _ => {
            let mut out = PathBuf::new();
            for part in absolute.components() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::CurDir => {}
                    other => out.push(other),
                }
            }
            out
        }
    }
}

/// The name shown in the title and status bar for a document at `path`.
pub fn display_name(path: Option<&Path>, untitled: &str) -> String {
    path.and_then(|p| p.file_name()).map_or_else(|| untitled.to_owned(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, Unit, UnitId, UnitKind};

    #[test]
    fn recovery_round_trip_and_clear() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery { path: dir.path().join("sub").join("recovery.ron") };
        let doc = Document {
            meta: Metadata { department: "D".into(), ..Metadata::default() },
            units: vec![Unit::new(UnitId::new("d"), None, UnitKind::Departament, "Departament", "D")],
            ..Document::default()
        };
        assert!(!recovery.exists());
        recovery.write(&doc, None).unwrap();
        recovery.write(&doc, Some(Path::new("/tmp/doa.ron"))).unwrap();
        assert_eq!(recovery.read().unwrap(), (doc.clone(), Some(PathBuf::from("/tmp/doa.ron"))));
        recovery.write(&doc, None).unwrap();
        assert_eq!(recovery.read().unwrap(), (doc, None), "an untitled document forgets the old source");
        recovery.clear();
        assert!(!recovery.exists());
        assert!(!backup_of(&recovery.path).exists());
    }
}
