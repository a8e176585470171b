//! The editor's Eksport dialog: format, sheet, DPI and the file to write. The
//! export itself is the core's [`crate::export`], the same call `schemat
//! export` makes, so the menu and the command line give the same bytes.
//!
//! The file is typed into the dialog's "Plik" field or picked with the
//! platform's dialog ("Wybierz…"); when no dialog backend answers, the field
//! is still there and the dialog says so (never a silent no-op).

use std::path::{Path, PathBuf};

use crate::export::{DEFAULT_DPI, ExportOptions, Targets};
use crate::i18n::Lang;
use crate::render::page::{Page, Paper};

use super::files::FileKind;

/// What the chart is exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Png,
    Svg,
    Pdf,
}

impl ExportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Png => "PNG",
            ExportFormat::Svg => "SVG",
            ExportFormat::Pdf => "PDF",
        }
    }

    pub fn file_kind(self) -> FileKind {
        match self {
            ExportFormat::Png => FileKind::Png,
            ExportFormat::Svg => FileKind::Svg,
            ExportFormat::Pdf => FileKind::Pdf,
        }
    }
}

/// The export dialog's state: the options and the file path being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    pub format: ExportFormat,
    /// Cut to sheets of this paper, or the whole chart at its natural size.
    pub paper: Option<Paper>,
    pub landscape: bool,
    pub dpi: f32,
    /// The file to write, as typed or picked.
    pub path: String,
    /// A note shown in the dialog (no dialog backend answered, no path).
    pub note: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            format: ExportFormat::Png,
            paper: Some(Paper::A3),
            landscape: true,
            dpi: DEFAULT_DPI,
            path: String::new(),
            note: None,
        }
    }
}

impl ExportDialog {
    /// The dialog for `format` with the previous options and a suggested
    /// file beside the document (`stem.png`), as an absolute path.
    pub fn open(previous: &ExportDialog, format: ExportFormat, document: Option<&Path>, stem: &str) -> Self {
        let path = beside_document(document, &format!("{stem}.{}", format.file_kind().extension()));
        Self { format, path: path.display().to_string(), note: None, ..previous.clone() }
    }

    /// The core's options for this dialog.
    pub fn options(&self, lang: Lang) -> ExportOptions {
        let page = self.paper.map(|paper| Page { paper, landscape: self.landscape, margin_mm: 10.0 });
        ExportOptions { page, dpi: self.dpi, scale: 1.0, lang }
    }

    /// The one target this dialog writes; `None` while the path is empty.
    pub fn targets(&self) -> Option<Targets> {
        let path = self.path.trim();
        if path.is_empty() {
            return None;
        }
        let path = PathBuf::from(path);
        let mut targets = Targets::default();
        match self.format {
            ExportFormat::Png => targets.png = Some(path),
            ExportFormat::Svg => targets.svg = Some(path),
            ExportFormat::Pdf => targets.pdf = Some(path),
        }
        Some(targets)
    }
}

/// A file named `file_name` in the document's folder (the working directory
/// for a document without a file), as an absolute path: where an export is
/// suggested when the path is typed rather than picked.
pub fn beside_document(document: Option<&Path>, file_name: &str) -> PathBuf {
    let dir = document
        .and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_owned)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    std::path::absolute(dir.join(file_name)).unwrap_or_else(|_| dir.join(file_name))
}
