//! Export of the chart from the editor: the annex as PNG (at a DPI, whole or
//! cut to A4/A3 sheets) and SVG, through the chart engineer's renderer, so the
//! files look like `schemat export` output.

use std::path::{Path, PathBuf};

use crate::cli::export::numbered;
use crate::i18n::Lang;
use crate::io::{self, IoError};
use crate::layout::{self, LayoutOptions};
use crate::model::Document;
use crate::render::page::{self, Furniture, Page, Paper};
use crate::render::png::{self, PngOptions};
use crate::render::scene::{self, SceneOptions};
use crate::render::{RenderError, svg};

/// The PNG options the export dialog edits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PngExport {
    /// Cut to sheets of this paper, or one image of the whole chart.
    pub paper: Option<Paper>,
    pub landscape: bool,
    pub dpi: f32,
}

impl Default for PngExport {
    fn default() -> Self {
        Self { paper: Some(Paper::A3), landscape: true, dpi: 300.0 }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Io(#[from] IoError),
}

/// Writes the chart as PNG; with a paper, one file per sheet, numbered as
/// `schemat export` numbers them (`NAME-1.png`, …). Returns the files written.
pub fn write_png(doc: &Document, lang: Lang, options: &PngExport, path: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let chart = layout::layout(doc, &LayoutOptions::for_document(doc));
    let Some(paper) = options.paper else {
        let scene = scene::build(doc, &chart, &SceneOptions::annex(doc, lang));
        let bytes = png::to_png(&scene, &PngOptions { dpi: options.dpi, scale: options.dpi / 72.0 })?;
        io::write_atomic(path, &bytes)?;
        return Ok(vec![path.to_owned()]);
    };
    let page = Page { paper, landscape: options.landscape, margin_mm: 10.0 };
    let scene = scene::build(doc, &chart, &SceneOptions { lang, ..SceneOptions::default() });
    let furniture = Furniture { title: SceneOptions::annex(doc, lang).title, legend: true, lang };
    let sheets = page::sheets(&scene, &chart, &furniture, &page)?;
    let mut written = Vec::with_capacity(sheets.len());
    for (i, bytes) in page::sheets_to_png(&sheets, options.dpi)?.iter().enumerate() {
        let target = numbered(path, i, sheets.len());
        io::write_atomic(&target, bytes)?;
        written.push(target);
    }
    Ok(written)
}

/// Writes the chart (the annex, with title block and legend) as SVG.
pub fn write_svg(doc: &Document, lang: Lang, path: &Path) -> Result<(), ExportError> {
    let chart = layout::layout(doc, &LayoutOptions::for_document(doc));
    let scene = scene::build(doc, &chart, &SceneOptions::annex(doc, lang));
    io::write_atomic(path, svg::to_svg(&scene).as_bytes())?;
    Ok(())
}
