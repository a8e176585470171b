//! The one export path of the chart annex: `schemat export`, the editor's
//! Eksport menu and the benchmarks all call [`render`] (or [`export`], which
//! also writes), so the same document and [`ExportOptions`] give the same
//! bytes wherever they come from.
//!
//! Without a page the chart is drawn at its natural size (1 chart unit =
//! 1 pt) times `scale`, with the title block and the legend. With a page it is
//! fitted by [`page::fit_document`]: every sheet has the page's size, and a
//! chart that does not fit one sheet with text of at least 7 pt is split into
//! numbered PNG/SVG files (`OUT-1.png`, …) or the pages of one PDF. All
//! outputs are written together by [`io::write_all_atomic`]: on an error
//! nothing new is left on disk.

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::io::{self, IoError};
use crate::layout::{self, LayoutOptions};
use crate::model::Document;
use crate::render::page::{self, Furniture, Page, Sheet};
use crate::render::scene::{self, SceneOptions};
use crate::render::{RenderError, pdf};

/// The default PNG resolution: print quality.
pub const DEFAULT_DPI: f32 = 300.0;

/// How to draw the annex.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportOptions {
    /// Fit onto sheets of this page, or draw the whole chart at its natural size.
    pub page: Option<Page>,
    /// PNG resolution in dots per inch (written into the file).
    pub dpi: f32,
    /// Size relative to the natural size, when there is no page.
    pub scale: f32,
    pub lang: Lang,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self { page: None, dpi: DEFAULT_DPI, scale: 1.0, lang: Lang::Pl }
    }
}

/// Where each format goes; any combination.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    pub png: Option<PathBuf>,
    pub svg: Option<PathBuf>,
    pub pdf: Option<PathBuf>,
    /// The document in canonical RON.
    pub ron: Option<PathBuf>,
}

impl Targets {
    pub fn is_empty(&self) -> bool {
        self.png.is_none() && self.svg.is_none() && self.pdf.is_none() && self.ron.is_none()
    }

    fn wants_chart(&self) -> bool {
        self.png.is_some() || self.svg.is_some() || self.pdf.is_some()
    }
}

/// Why an export failed; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no output given")]
    NoOutput,
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Io(#[from] IoError),
}

/// The sheets of the annex: the whole chart on one sheet of its own size, or
/// fitted onto pages.
pub fn sheets(doc: &Document, options: &ExportOptions) -> Result<Vec<Sheet>, RenderError> {
    let layout_options = LayoutOptions::for_document(doc);
    let annex = SceneOptions::annex(doc, options.lang);
    match &options.page {
        None => {
            let chart = layout::layout(doc, &layout_options);
            Ok(vec![page::natural_sheet(&scene::build(doc, &chart, &annex), options.scale)])
        }
        Some(sheet_page) => {
            let marks = SceneOptions { lang: options.lang, ..SceneOptions::default() };
            let furniture = Furniture { title: annex.title, legend: true, lang: options.lang };
            page::fit_document(doc, &layout_options, &marks, &furniture, sheet_page).map(|(_, sheets)| sheets)
        }
    }
}

/// Every file the export writes and its bytes, in the order PNG, SVG, PDF,
/// RON; nothing is written.
pub fn render(
    doc: &Document,
    targets: &Targets,
    options: &ExportOptions,
) -> Result<Vec<(PathBuf, Vec<u8>)>, ExportError> {
    if targets.is_empty() {
        return Err(ExportError::NoOutput);
    }
    let mut outputs = Vec::new();
    if targets.wants_chart() {
        let sheets = sheets(doc, options)?;
        let count = sheets.len();
        if let Some(out) = &targets.png {
            for (i, bytes) in page::sheets_to_png(&sheets, options.dpi)?.into_iter().enumerate() {
                outputs.push((numbered(out, i, count), bytes));
            }
        }
        if let Some(out) = &targets.svg {
            for (i, sheet) in sheets.iter().enumerate() {
                outputs.push((numbered(out, i, count), sheet.svg.clone().into_bytes()));
            }
        }
        if let Some(out) = &targets.pdf {
            let title = scene::TitleBlock::for_document(doc, options.lang).title;
            outputs.push((out.clone(), pdf::to_pdf(&sheets, &title)?));
        }
    }
    if let Some(out) = &targets.ron {
        outputs.push((out.clone(), io::to_ron_string(doc).into_bytes()));
    }
    Ok(outputs)
}

/// Renders and writes every output, all or nothing; returns the files written.
pub fn export(doc: &Document, targets: &Targets, options: &ExportOptions) -> Result<Vec<PathBuf>, ExportError> {
    let outputs = render(doc, targets, options)?;
    io::write_all_atomic(&outputs)?;
    Ok(outputs.into_iter().map(|(path, _)| path).collect())
}

/// `OUT` for a single sheet; `OUT-1.ext`, `OUT-2.ext`, … for several.
pub fn numbered(path: &Path, index: usize, count: usize) -> PathBuf {
    if count <= 1 {
        return path.to_owned();
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{}.{}", index + 1, ext.to_string_lossy()),
        None => format!("{stem}-{}", index + 1),
    };
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_numbered_only_when_there_are_several() {
        let out = Path::new("/tmp/chart.png");
        assert_eq!(numbered(out, 0, 1), out);
        assert_eq!(numbered(out, 1, 3), Path::new("/tmp/chart-2.png"));
        assert_eq!(numbered(Path::new("chart"), 0, 2), Path::new("chart-1"));
    }
}
