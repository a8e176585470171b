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
    Markdown,
}

impl FileKind {
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Ron => "ron",
            FileKind::Png => "png",
            FileKind::Svg => "svg",
            FileKind::Markdown => "md",
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

    pub fn write(&self, doc: &Document) -> Result<(), IoError> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| IoError::Write { path: dir.to_owned(), source })?;
        }
        io::save(doc, &self.path)
    }

    pub fn read(&self) -> Result<Document, IoError> {
        io::load(&self.path)
    }

    /// Removes the recovery file and its backup; missing files are fine.
    pub fn clear(&self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = std::fs::remove_file(backup_of(&self.path));
    }
}

fn backup_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
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
        recovery.write(&doc).unwrap();
        recovery.write(&doc).unwrap();
        assert_eq!(recovery.read().unwrap(), doc);
        recovery.clear();
        assert!(!recovery.exists());
        assert!(!backup_of(&recovery.path).exists());
    }
}
